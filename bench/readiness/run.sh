#!/usr/bin/env bash
# National-scale readiness benchmark (docs/benchmarks.md, issue #4): 3,321 communes, 1,000,000
# registry records, on a SQLite file and on PostgreSQL; the national roll-up, one commune's
# scorecard and Tây Ninh's shelter coverage, warm, median of N runs.
# Usage: bash bench/readiness/run.sh [runs] [postgres admin connection string]
# The PostgreSQL run creates its own database (ptds_bench_template_<pid>) and drops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RUNS="${1:-5}"
POSTGRES="${2:-${PTDS_TEST_POSTGRES:-Host=127.0.0.1;Port=55432;Username=ptds;Password=ptds;Database=postgres}}"
RECORDS="${RECORDS:-1000000}"

dotnet build -c Release -nologo -v quiet >/dev/null
echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bin/Release/net10.0/ReadinessBench.dll "$RUNS" sqlite "$RECORDS"
dotnet bin/Release/net10.0/ReadinessBench.dll "$RUNS" "postgres=$POSTGRES" "$RECORDS"
