#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suites.
#
#   eval "$(scripts/postgres-test-cluster.sh start)"   # starts one (or reuses the running one), exports REALTIME_TEST_POSTGRES
#   scripts/postgres-test-cluster.sh stop               # stops it and deletes its directory (no-op when none runs)
#   scripts/postgres-test-cluster.sh env                # prints the export line of the running cluster
#
# stdout carries only the export line, so `eval` is safe; progress goes to stderr.
# fsync stays ON: benchmarks run against this cluster and must measure real commit durability.
# Works without a TTY and as root (CI): the server itself runs as the `postgres` user, as PostgreSQL requires.
#
# Environment:
#   REALTIME_PG_STATE  state file (default /tmp/realtime-postgres-test.state)
#   REALTIME_PG_BIN    directory with initdb/pg_ctl (default: newest /usr/lib/postgresql/*/bin, then PATH)
#   REALTIME_PG_PORT   port to use (default: a free one in 54320-54999)
set -euo pipefail

STATE_FILE="${REALTIME_PG_STATE:-/tmp/realtime-postgres-test.state}"

log() { echo "postgres-test-cluster: $*" >&2; }
die() { log "$*"; exit 1; }

find_bin_dir() {
    if [[ -n "${REALTIME_PG_BIN:-}" ]]; then echo "$REALTIME_PG_BIN"; return; fi
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$newest" && -x "$newest/initdb" ]]; then echo "$newest"; return; fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
    echo ""
}

ensure_binaries() {
    local bin
    bin=$(find_bin_dir)
    if [[ -z "$bin" ]]; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
            log "PostgreSQL binaries missing; installing the 'postgresql' package"
            DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 \
                || { DEBIAN_FRONTEND=noninteractive apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2; }
            bin=$(find_bin_dir)
        fi
    fi
    [[ -n "$bin" && -x "$bin/initdb" && -x "$bin/pg_ctl" ]] \
        || die "no PostgreSQL server binaries found (install the 'postgresql' package, or set REALTIME_PG_BIN)"
    echo "$bin"
}

# Runs a command as the cluster owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to own the cluster"
        if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
        else su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; fi
    else
        "$@"
    fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
    if [[ -n "${REALTIME_PG_PORT:-}" ]]; then echo "$REALTIME_PG_PORT"; return; fi
    local attempt port
    for attempt in $(seq 1 200); do
        port=$((54320 + RANDOM % 680))
        if port_is_free "$port"; then echo "$port"; return; fi
    done
    die "no free port found in 54320-54999"
}

connection_string() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=postgres"; }

print_export() { echo "export REALTIME_TEST_POSTGRES=\"$(connection_string "$1")\""; }

read_state() {
    # shellcheck disable=SC1090
    [[ -f "$STATE_FILE" ]] && source "$STATE_FILE"
}

is_running() { [[ -n "${PGDATA_DIR:-}" && -d "$PGDATA_DIR" ]] && as_owner "$PG_BIN/pg_ctl" status -D "$PGDATA_DIR" >/dev/null 2>&1; }

start() {
    PGDATA_DIR="" PG_PORT="" PG_BIN=""
    read_state || true
    if is_running; then
        log "reusing the running cluster in $PGDATA_DIR on port $PG_PORT"
        print_export "$PG_PORT"
        return
    fi
    [[ -n "${CLUSTER_DIR:-}" && -d "$CLUSTER_DIR" ]] && rm -rf "$CLUSTER_DIR"

    local bin dir port attempt
    bin=$(ensure_binaries)
    dir=$(mktemp -d /tmp/realtime-pg.XXXXXX)
    chmod 755 "$dir"
    mkdir -p "$dir/data" "$dir/socket"
    [[ $(id -u) -eq 0 ]] && chown -R postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }

    for attempt in 1 2 3 4 5; do
        port=$(pick_port)
        if as_owner "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/server.log" \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir/socket -c max_connections=300 -c fsync=on" >&2; then
            cat >"$STATE_FILE" <<EOF
CLUSTER_DIR=$dir
PGDATA_DIR=$dir/data
PG_PORT=$port
PG_BIN=$bin
EOF
            log "started PostgreSQL ($("$bin/postgres" --version)) in $dir on 127.0.0.1:$port"
            print_export "$port"
            return
        fi
        log "could not start on port $port (attempt $attempt); see $dir/server.log"
        [[ -n "${REALTIME_PG_PORT:-}" ]] && break
    done
    tail -n 20 "$dir/server.log" >&2 || true
    rm -rf "$dir"
    die "PostgreSQL did not start"
}

stop() {
    PGDATA_DIR="" PG_PORT="" PG_BIN="" CLUSTER_DIR=""
    if ! read_state; then log "no cluster recorded in $STATE_FILE; nothing to stop"; return; fi
    if is_running; then
        as_owner "$PG_BIN/pg_ctl" stop -D "$PGDATA_DIR" -m fast -w >&2 || log "pg_ctl stop failed; removing the directory anyway"
    fi
    [[ -n "$CLUSTER_DIR" && "$CLUSTER_DIR" == /tmp/realtime-pg.* ]] && rm -rf "$CLUSTER_DIR"
    rm -f "$STATE_FILE"
    log "stopped"
}

env_line() {
    PGDATA_DIR="" PG_PORT="" PG_BIN=""
    read_state || true
    is_running || die "no running cluster (run: $0 start)"
    print_export "$PG_PORT"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) env_line ;;
    *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
