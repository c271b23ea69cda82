#!/usr/bin/env bash
# Foundation benchmarks (docs/benchmarks.md): start-up on an existing database, and the province map
# render time in Chromium. The instance is the demo province, loaded by the app's own first start,
# so every run measures the same data. Usage: bash bench/run-benchmarks.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${1:-10}"
PORT=5181
WORK="$(mktemp -d)"
trap 'kill "${APP_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The same build as scripts/run.sh: published with ReadyToRun.
dotnet publish src/CivilDefense.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" -nologo -v quiet >/dev/null
(cd bench && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null)
export Database__ConnectionString="Data Source=$WORK/ptds.db"
export Logging__LogLevel__Default=Warning

start_app() {
  (cd "$WORK/app" && exec dotnet CivilDefense.Web.dll --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
  APP_PID=$!
}

wait_ready() {
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do sleep 0.02; done
}

echo "First start (migrate, seed the demo province, create the administrator)..." >&2
start_app; wait_ready; kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
PASSWORD=$(grep -oP 'password:  \K\S+' "$WORK/app.log")

echo "Start-up on the existing database, $RUNS runs (process start to /health/ready answering 200):" >&2
STARTS=()
for _ in $(seq "$RUNS"); do
  t0=$(date +%s%N); start_app; wait_ready; t1=$(date +%s%N)
  STARTS+=($(( (t1 - t0) / 1000000 )))
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
done
SORTED=($(printf '%s\n' "${STARTS[@]}" | sort -n))
echo "startup_ms: min ${SORTED[0]} median ${SORTED[$((RUNS / 2))]} max ${SORTED[$((RUNS - 1))]} (all: ${STARTS[*]})"

start_app; wait_ready
# /map without an id opens the first province with drawn communes: the demo Tây Ninh.
echo "Province map, $RUNS runs in Chromium (navigation start to 96 communes drawn):" >&2
echo "map_render: $(node bench/map-render.mjs "http://127.0.0.1:$PORT" admin "$PASSWORD" "" "$RUNS")"
