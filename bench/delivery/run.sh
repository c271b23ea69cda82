#!/usr/bin/env bash
# Alert delivery benchmark (docs/benchmarks.md, issue #5):
#  1. queue 2,000,000 deliveries of one alert on PostgreSQL (binary COPY) and on SQLite (file);
#  2. dispatch through a loopback mock gateway (200, 1 % injected 503, 0-50 ms random delay) with
#     two rate-limited gateways, in batches of 500 and one request each; counts compared;
#  3. kill -9 of the dispatcher process at half of 200,000 deliveries, restart, count losses and duplicates.
# Queueing figures need fsync on: this script starts its own PostgreSQL 15 cluster in /tmp with
# fsync=on and synchronous_commit=on on port 5642 (PGPORT to change), and stops it at the end.
# Usage: bash bench/delivery/run.sh [queue-count] [dispatch-batch-count] [dispatch-single-count]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
QUEUE="${1:-2000000}"
BATCH="${2:-500000}"
SINGLE="${3:-100000}"
KILL_TOTAL="${KILL_TOTAL:-200000}"
WINDOW="${WINDOW:-10000}"
PGPORT="${PGPORT:-5642}"
GWPORT="${GWPORT:-5699}"
PGD="${PGD:-/tmp/ptds-delivery-pg}"
PGBIN=/usr/lib/postgresql/15/bin
PG="Host=127.0.0.1;Port=$PGPORT;Username=ptds;Database=postgres"
GW="http://127.0.0.1:$GWPORT"
BENCH="dotnet bin/Release/net10.0/DeliveryBench.dll"

dotnet build -c Release -nologo -v quiet >/dev/null
if [ ! -d "$PGD" ]; then
  mkdir -p "$PGD" && chown postgres "$PGD"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGD" -U ptds --auth=trust >/dev/null
fi
# A cluster already running in $PGD (someone's earlier run) is used as it is and left running;
# the fsync line below says how it is set.
STARTED=0
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD" status >/dev/null 2>&1; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD" -l "$PGD/log" -w start -o \
    "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c shared_buffers=512MB -c min_wal_size=2GB -c max_wal_size=8GB -c checkpoint_timeout=30min" >/dev/null
  STARTED=1
fi
$BENCH gateway "$GWPORT" > /tmp/ptds-delivery-gateway.log 2>&1 &
GATEWAY_PID=$!
cleanup() { kill "$GATEWAY_PID" 2>/dev/null || true; if [ "$STARTED" = 1 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD" -m fast stop >/dev/null || true; fi; }
trap cleanup EXIT
sleep 2

echo "Machine: $(nproc) cores; PostgreSQL fsync=$(psql -h 127.0.0.1 -p "$PGPORT" -U ptds -d postgres -Atc 'show fsync'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Queueing"
# A cluster just started has no WAL files to reuse: the first 2,000,000 rows (about 400 MB of WAL)
# create and zero-fill their segments. A server that has been running reuses them; with
# min_wal_size=2GB (README, PostgreSQL) it keeps enough for such an alert. This first run is
# printed, not judged.
echo "(first run on the freshly started cluster, creating its WAL files:)"
$BENCH queue postgres "$PG" "$QUEUE" | grep "^queue postgres"
$BENCH queue postgres "$PG" "$QUEUE"
$BENCH queue sqlite /tmp/ptds-delivery-bench.db "$QUEUE"

# Throughput without limits (0 = none): how fast the dispatcher goes. With limits that add up to
# just above the target (the first rounds), the tail of retries after the injected 503s kept the
# whole run below it even when both gateways were held at their limits.
echo "== Dispatch, batches of 500, no rate limits"
$BENCH dispatch "$PG" "$GW" batch "$BATCH" 0 0
echo "== Dispatch, one request each, no rate limits"
$BENCH dispatch "$PG" "$GW" single "$SINGLE" 0 0
# Accuracy where the limits surely bind on this machine, whatever the rate above. A gateway's
# rate is judged from 5 % to 95 % of its acceptances (MockGateway.SteadyRate): first to last
# acceptance, also printed, includes the tail of retries after the injected 503s.
echo "== Dispatch, batches of 500, limits that bind here (8,000/s and 6,000/s)"
$BENCH dispatch "$PG" "$GW" batch "$((BATCH / 2))" 8000 6000
echo "== Dispatch, one request each, limits that bind here (2,500/s and 2,000/s)"
$BENCH dispatch "$PG" "$GW" single "$((SINGLE / 2))" 2500 2000

echo "== kill -9 at half of $KILL_TOTAL (in-flight window $WINDOW)"
DB="ptds_bench_kill_$$"
CONN=$(KEEP_DB=1 $BENCH prepare "$PG" "$DB" "$KILL_TOTAL" | tail -1)
curl -s -X POST "$GW/reset" >/dev/null
SENT_SQL="SELECT count(*) FROM deliveries WHERE \"State\" = 'Sent'"
$BENCH worker "$CONN" "$GW" "$WINDOW" > /tmp/ptds-delivery-worker1.log 2>&1 &
WORKER=$!
# Half sent, and a claim committed and not yet recorded (rows in Sending): mid-dispatch.
MID_SQL="SELECT (count(*) FILTER (WHERE \"State\" = 'Sent') >= $((KILL_TOTAL / 2)) AND count(*) FILTER (WHERE \"State\" = 'Sending') > 0)::int FROM deliveries"
while [ "$(psql -h 127.0.0.1 -p "$PGPORT" -U ptds -d "$DB" -Atc "$MID_SQL")" != 1 ]; do :; done
kill -9 "$WORKER"
wait "$WORKER" 2>/dev/null || true
echo "killed at $(psql -h 127.0.0.1 -p "$PGPORT" -U ptds -d "$DB" -Atc "$SENT_SQL") sent; states: $(psql -h 127.0.0.1 -p "$PGPORT" -U ptds -d "$DB" -Atc "SELECT string_agg(\"State\" || '=' || n, ' ') FROM (SELECT \"State\", count(*) n FROM deliveries GROUP BY 1) s")"
START=$(date +%s.%N)
$BENCH worker "$CONN" "$GW" "$WINDOW" | tail -1
echo "restart to all sent: $(echo "$(date +%s.%N) - $START" | bc) s (includes the 3 s lease of the killed claims)"
$BENCH report "$CONN" "$GW" "$WINDOW"
psql -h 127.0.0.1 -p "$PGPORT" -U ptds -d postgres -qc "DROP DATABASE \"$DB\" WITH (FORCE)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
