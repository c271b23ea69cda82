#!/usr/bin/env bash
# Plan import and dashboard benchmark (docs/benchmarks.md, issue #3).
# Usage: bash bench/plans/run.sh [runs] [postgres-connection-string]
# Seed 002 is read from ../shared/seeds when present, else from the demo copy in data/demo/plans.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
RUNS="${1:-5}"
SEED=../shared/seeds/002_9a0f3735eabe22ce.txt
[ -f "$SEED" ] || SEED=data/demo/plans/ke-hoach-thuc-hien-nghi-quyet-22-nq-tw.md
dotnet build bench/plans -c Release -nologo -v quiet >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/plans/bin/Release/net10.0/PlansBench.dll "$SEED" bench/plans/bin/Release/net10.0/demo "$RUNS" sqlite
if [ -n "${2:-}" ]; then
  dotnet bench/plans/bin/Release/net10.0/PlansBench.dll "$SEED" bench/plans/bin/Release/net10.0/demo "$RUNS" "postgres=$2"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
