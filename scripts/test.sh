#!/usr/bin/env bash
# The one test command (README, second command; CI runs it through .ci/run).
#
# On a fresh Debian with root and the .NET SDK it installs what is missing (PostgreSQL, Chromium,
# the web app's npm packages), starts a private PostgreSQL for this run only, builds the solution
# once, checks formatting, runs every test project in tests/, and ends with one line:
#     N passed, N failed[, N skipped]
# It exits non-zero when anything failed. A project that does not build, or whose test host dies
# without writing a trx file, counts as one failure: a broken project must never look green.
#
# Environment: PTDS_SKIP_FORMAT=1 skips the dotnet format check (it is the slowest step).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/common.sh
source scripts/lib/postgres.sh

CONFIG=Release
SOLUTION=CivilDefense.slnx
RESULTS=test-results
WEB=src/CivilDefense.Web
started=$SECONDS

passed=0
failed=0
skipped=0
problems=()

# The private server must go away however the run ends; INT/TERM go through exit so EXIT fires.
trap pg_stop EXIT
trap 'exit 130' INT TERM

# --- 1. What the tests need besides the SDK --------------------------------------------------

ensure_web_packages "$WEB" || warn "npm packages for $WEB could not be installed; web tests may fail"

if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium || warn "Chromium could not be installed; browser tests will fail"
fi
export PTDS_CHROMIUM=/usr/bin/chromium

# A missing PostgreSQL must show as failed PostgreSQL cases, never as skipped ones.
unset PTDS_ALLOW_NO_POSTGRES PTDS_TEST_POSTGRES
if pg_start; then
    export PTDS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=ptds;Password=ptds;Database=postgres"
else
    pg_stop
    problems+=("PostgreSQL could not be started: every PostgreSQL test case fails")
fi

# --- 2. Build once ------------------------------------------------------------------------------

# Projects as the solution lists them; each project that fails to build counts as one failure.
mapfile -t projects < <(sed -n 's/.*Project Path="\([^"]*\)".*/\1/p' "$SOLUTION")
declare -A broken=()

log "dotnet build $SOLUTION -c $CONFIG"
if ! dotnet build "$SOLUTION" -c "$CONFIG" -nologo; then
    # The solution build does not say which projects were skipped because a dependency failed,
    # so ask each project on its own (incremental: the good ones are quick).
    log "the build failed; checking each project"
    for project in "${projects[@]}"; do
        if ! dotnet build "$project" -c "$CONFIG" -nologo --no-restore >/dev/null 2>&1; then
            broken[$project]=1
            failed=$((failed + 1))
            problems+=("$(basename "$project" .csproj): does not build")
        fi
    done
fi

# --- 3. Formatting ------------------------------------------------------------------------------

if [ "${PTDS_SKIP_FORMAT:-0}" = 1 ]; then
    log "dotnet format skipped (PTDS_SKIP_FORMAT=1)"
else
    log "dotnet format --verify-no-changes"
    format_started=$SECONDS
    if dotnet format "$SOLUTION" --verify-no-changes --no-restore; then
        log "format check passed in $((SECONDS - format_started))s"
    else
        failed=$((failed + 1))
        problems+=("dotnet format: files need formatting (run 'dotnet format $SOLUTION')")
    fi
fi

# --- 4. Tests -----------------------------------------------------------------------------------

# One attribute of the trx <Counters .../> element, 0 when absent.
counter() {
    local value
    value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
    echo "${value:-0}"
}

rm -rf "$RESULTS"
for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    if [ -n "${broken[$project]:-}" ]; then
        continue
    fi

    log "dotnet test $name"
    dir="$RESULTS/$name"
    rc=0
    dotnet test "$project" -c "$CONFIG" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$dir" || rc=$?

    trx="$dir/$name.trx"
    if [ ! -f "$trx" ]; then
        failed=$((failed + 1))
        problems+=("$name: no trx file (exit code $rc): the test run crashed")
        continue
    fi

    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    total=$(counter total "$counters")
    ok=$(counter passed "$counters")
    not_run=$(counter notExecuted "$counters")
    # Whatever neither passed nor was skipped (failed, error, timeout, aborted) is a failure.
    bad=$((total - ok - not_run))
    passed=$((passed + ok))
    skipped=$((skipped + not_run))
    failed=$((failed + bad))
    if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
        failed=$((failed + 1))
        problems+=("$name: exit code $rc although the trx shows no failure: the test host crashed")
    elif [ "$bad" -gt 0 ]; then
        problems+=("$name: $bad test(s) failed (see $trx)")
    fi
done

# --- 5. Summary ---------------------------------------------------------------------------------

pg_stop
for problem in "${problems[@]}"; do
    warn "$problem"
done
log "took $((SECONDS - started))s; results in $RESULTS/"

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
    summary+=", $skipped skipped"
fi
echo "$summary"
[ "$failed" -eq 0 ]
