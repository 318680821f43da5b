#!/usr/bin/env bash
# A local PostgreSQL server for tests and benchmarks: Debian's packaged binaries, a cluster of its own.
#
#   scripts/postgres.sh start    install (once), create the cluster (once), start, wait until it answers
#   scripts/postgres.sh stop     stop the server started here and wait until it is gone
#   scripts/postgres.sh status   say whether it answers
#
# The server listens on 127.0.0.1 only, on PG_PORT (default 5433, away from a system server on
# 5432), with a role and a database named PG_USER (default `dsp`) that may create the test
# databases. Loopback connections need no password: the cluster holds only throwaway test data.
#
# Run as root, the server runs as Debian's unprivileged `postgres` user, which may not be able to
# enter the checkout (a clone in root's home): its cluster lives in /var/lib/dsp-postgres. Run as
# anyone else, it runs as that user with its cluster in .cache/. PG_RUNTIME_DIR moves the cluster.
set -euo pipefail

PG_PORT="${PG_PORT:-5433}"
PG_USER="${PG_USER:-dsp}"
PG_WAIT_SECONDS="${PG_WAIT_SECONDS:-60}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${PG_RUNTIME_DIR:-}" ]]; then
    BASE="$PG_RUNTIME_DIR"
elif [[ "$(id -u)" == 0 ]]; then
    BASE=/var/lib/dsp-postgres
else
    BASE="$ROOT/.cache/postgres"
fi
DATA_DIR="$BASE/data-$PG_PORT"
SOCKET_DIR="$BASE/socket-$PG_PORT"
LOG_FILE="$BASE/postgres-$PG_PORT.log"

log() { echo "postgres.sh: $*" >&2; }

bin_dir() {
    # Debian keeps each major version's programs in /usr/lib/postgresql/<version>/bin.
    local found
    found="$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$found" ]]; then
        dirname "$found"
    fi
}

install_server() {
    if [[ -n "$(bin_dir)" ]]; then
        return 0
    fi
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "installing Debian's postgresql"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq postgresql >&2 2>/dev/null ||
            { apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2; } ||
            { log "apt-get could not install postgresql"; exit 1; }
    else
        log "no PostgreSQL server programs: install Debian's postgresql package"
        exit 1
    fi
}

as_owner() {
    # Runs a server program as the cluster's owner: `postgres` when we are root, else ourselves.
    if [[ "$(id -u)" == 0 ]]; then
        # From a folder it may enter: the checkout may be in root's home.
        (cd "$BASE" && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

answers() {
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 >/dev/null 2>&1
}

create_cluster() {
    if [[ -f "$DATA_DIR/PG_VERSION" ]]; then
        return 0
    fi
    log "creating a cluster in $DATA_DIR"
    mkdir -p "$BASE"
    chmod 755 "$BASE"
    local tmp
    tmp="$(mktemp -d "$BASE/initdb.XXXXXX")"
    mkdir -p "$SOCKET_DIR"
    if [[ "$(id -u)" == 0 ]]; then
        chown postgres:postgres "$tmp" "$SOCKET_DIR"
    fi
    as_owner "$BIN/initdb" -D "$tmp" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1 || {
        log "initdb failed:"
        tail -n 20 "$BASE/initdb.log" >&2
        exit 1
    }
    # Loopback only, no other socket than ours.
    cat >>"$tmp/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$SOCKET_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    # Move into place in one step so an interrupted initdb never looks finished.
    mv "$tmp" "$DATA_DIR"
}

start() {
    install_server
    BIN="$(bin_dir)"
    if answers; then
        log "already answering on 127.0.0.1:$PG_PORT"
        return 0
    fi
    create_cluster
    log "starting on 127.0.0.1:$PG_PORT (data: $DATA_DIR)"
    touch "$LOG_FILE"
    if [[ "$(id -u)" == 0 ]]; then
        chown postgres:postgres "$LOG_FILE" "$SOCKET_DIR"
    fi
    as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t "$PG_WAIT_SECONDS" start >/dev/null || {
        log "the server did not start; its log:"
        tail -n 30 "$LOG_FILE" >&2
        exit 1
    }
    # The role and database the tests use; CREATEDB for pytest-django's test databases.
    local psql=("$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
    if [[ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != 1 ]]; then
        "${psql[@]}" -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB" >/dev/null
    fi
    if [[ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$PG_USER'")" != 1 ]]; then
        "${psql[@]}" -c "CREATE DATABASE \"$PG_USER\" OWNER \"$PG_USER\"" >/dev/null
    fi
    log "ready at 127.0.0.1:$PG_PORT (role and database $PG_USER)"
}

stop() {
    BIN="$(bin_dir)"
    if [[ -z "$BIN" || ! -f "$DATA_DIR/postmaster.pid" ]]; then
        log "not running here"
        return 0
    fi
    # Called from scripts/test.sh's exit trap: a server already gone is not a failure of the suite.
    if as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null 2>&1; then
        log "stopped"
    else
        log "pg_ctl could not stop it (already gone?)"
    fi
}

status() {
    BIN="$(bin_dir)"
    if [[ -n "$BIN" ]] && answers; then
        log "answering on 127.0.0.1:$PG_PORT"
    else
        log "not answering on 127.0.0.1:$PG_PORT"
        return 1
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
