# A private, throw-away PostgreSQL server for one test run. Sourced by scripts/test.sh.
# Sets PG_DIR/PG_PORT/PG_RUN_AS; the caller exports the connection string and traps pg_stop.

PG_DIR=""
PG_PORT=""
PG_RUN_AS=""

# The newest installed server binaries (Debian keeps them out of PATH).
pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        echo "$dir"
    elif have initdb && have pg_ctl; then
        dirname "$(command -v initdb)"
    else
        return 1
    fi
}

# Runs a command as the user that owns the cluster (initdb and postgres refuse to run as root).
pg_as_owner() {
    if [ -n "$PG_RUN_AS" ]; then
        runuser -u "$PG_RUN_AS" -- "$@"
    else
        "$@"
    fi
}

# A TCP port nobody listens on yet (bash's /dev/tcp: a refused connection means free).
pg_free_port() {
    local port
    for port in $(seq 54329 54429); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

pg_start() {
    local bin
    if ! bin=$(pg_bindir); then
        apt_install postgresql || true
        bin=$(pg_bindir) || { warn "PostgreSQL is not installed and could not be installed"; return 1; }
    fi

    if [ "$(id -u)" -eq 0 ]; then
        PG_RUN_AS=postgres
        id -u "$PG_RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_RUN_AS"
    fi

    PG_DIR=$(mktemp -d /tmp/ptds-pg.XXXXXX)
    [ -z "$PG_RUN_AS" ] || chown "$PG_RUN_AS" "$PG_DIR"
    PG_PORT=$(pg_free_port) || { warn "no free port for PostgreSQL"; return 1; }

    log "PostgreSQL: initdb in $PG_DIR, port $PG_PORT ($("$bin/postgres" --version))"
    pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    # Durability is worthless for a throw-away cluster; skipping it makes the tests faster.
    pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2 \
        || { cat "$PG_DIR/server.log" >&2; return 1; }
    "$bin/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE ptds LOGIN PASSWORD 'ptds' CREATEDB" >&2
}

pg_stop() {
    [ -n "$PG_DIR" ] || return 0
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
}
