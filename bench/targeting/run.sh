#!/usr/bin/env bash
# Alert targeting benchmark (docs/benchmarks.md, issue #5): 2,000,000 subscribers placed in the
# demo province's 96 communes by population; a 300-vertex polygon holding about a tenth of them,
# a 10 km circle and a dozen communes by geocode. Our in-process grid index (warm, median of N
# runs) side by side with PostGIS (GiST, CLUSTERed, warm, one connection) in the same run; the
# recipient counts must agree. Needs the postgis extension (postgresql-15-postgis-3) on the server.
# Usage: bash bench/targeting/run.sh [runs] [postgres admin connection string] [subscribers]
# The PostgreSQL run creates its own database (ptds_bench_targeting_<pid>) and drops it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RUNS="${1:-200}"
POSTGRES="${2:-${PTDS_TEST_POSTGRES:-Host=127.0.0.1;Port=55432;Username=ptds;Password=ptds;Database=postgres}}"
SUBSCRIBERS="${3:-2000000}"

dotnet build -c Release -nologo -v quiet >/dev/null
echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bin/Release/net10.0/TargetingBench.dll "$RUNS" "$POSTGRES" "$SUBSCRIBERS"
