#!/usr/bin/env bash
# Observation ingest benchmark (docs/benchmarks.md, issue #5): a backfill burst of STATIONS
# stations x 2 variables x DAYS days at 5-minute steps through the product's ingest handler,
# side by side with a plain binary COPY of the same rows into the same table.
# The figure depends on fsync, so by default it starts its own PostgreSQL 15 cluster in /tmp with
# fsync and synchronous_commit ON (port 5643), and removes it afterwards.
# Usage: bash bench/monitoring/run.sh [stations=2000] [days=7] [stations per batch=20]
#        PTDS_BENCH_POSTGRES="Host=...;Database=postgres" bash bench/monitoring/run.sh   (use a server you started)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
STATIONS="${1:-2000}"
DAYS="${2:-7}"
PER_BATCH="${3:-20}"
PGBIN=/usr/lib/postgresql/15/bin
PORT=5643

dotnet build -c Release -nologo -v quiet >/dev/null
if [[ -z "${PTDS_BENCH_POSTGRES:-}" ]]; then
  DATA="$(mktemp -d /tmp/ptds-mon-bench-pg.XXXXXX)"
  chown postgres "$DATA"
  cleanup() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true; rm -rf "$DATA"; }
  trap cleanup EXIT
  runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" -A trust -U ptds >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/log" -w \
    -o "-p $PORT -k /tmp -c fsync=on -c synchronous_commit=on -c shared_buffers=512MB -c max_wal_size=4GB" start >/dev/null
  PTDS_BENCH_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=ptds;Database=postgres"
  echo "Own cluster: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), fsync=on, synchronous_commit=on, shared_buffers=512MB"
fi
echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bin/Release/net10.0/MonitoringBench.dll "$PTDS_BENCH_POSTGRES" "$STATIONS" "$DAYS" "$PER_BATCH"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
