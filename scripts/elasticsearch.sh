#!/usr/bin/env bash
# A single local Elasticsearch node for development, tests and benchmarks.
#
#   scripts/elasticsearch.sh start   fetch (once), unpack (once), start, wait for health
#   scripts/elasticsearch.sh stop    stop the node started here and wait until it is gone
#   scripts/elasticsearch.sh status  print the cluster health, or say it is not running
#
# The distribution is Elastic's integ-test zip from Maven Central: no bundled JDK and no
# extra modules, so it runs on the machine's Java 17 and starts in seconds. ES_PORT picks
# the HTTP port (default 9201, away from a system Elasticsearch on 9200); MAVEN_REPO moves
# the Maven repository (~/.m2/repository) and ES_RUNTIME_DIR the unpacked node and its data.
#
# Run as root, the node runs as an unprivileged user, which may not be able to enter the
# checkout (a clone in root's home): its files then live in /var/lib/dsp-elasticsearch,
# which every user can traverse and only root can write. Run as anyone else, in .cache/.
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9201}"
ES_HOST=127.0.0.1
ES_WAIT_SECONDS="${ES_WAIT_SECONDS:-90}"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${ES_RUNTIME_DIR:-}" ]]; then
    CACHE="$ES_RUNTIME_DIR"
elif [[ "$(id -u)" == 0 ]]; then
    CACHE=/var/lib/dsp-elasticsearch
else
    CACHE="$ROOT/.cache"
fi
ES_HOME="$CACHE/elasticsearch-$ES_VERSION"
DATA_DIR="$CACHE/es-data-$ES_PORT"
PID_FILE="$DATA_DIR/elasticsearch.pid"
URL="http://$ES_HOST:$ES_PORT"

log() { echo "elasticsearch.sh: $*" >&2; }

health() {
    curl -fsS --max-time 2 "$URL/_cluster/health" 2>/dev/null || true
}

is_healthy() {
    local body
    body="$(health)"
    [[ "$body" == *'"status":"green"'* || "$body" == *'"status":"yellow"'* ]]
}

running_pid() {
    # Prints the pid of the node started here, if it is still alive.
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch_and_unpack() {
    if [[ -x "$ES_HOME/bin/elasticsearch" ]]; then
        return 0
    fi
    local m2="${MAVEN_REPO:-$HOME/.m2/repository}"
    local zip="$m2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
    if [[ ! -f "$zip" ]]; then
        log "fetching $ARTIFACT with Maven"
        mvn -q -B dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false -Dmaven.repo.local="$m2"
    fi
    [[ -f "$zip" ]] || { log "Maven did not leave $zip"; exit 1; }
    log "unpacking into $ES_HOME"
    mkdir -p "$CACHE"
    # The node's user reads the distribution from here: traversable and readable by all.
    chmod 755 "$CACHE"
    local tmp
    tmp="$(mktemp -d "$CACHE/unzip.XXXXXX")"
    unzip -q "$zip" -d "$tmp"
    # Move into place in one step so an interrupted unzip never looks finished.
    rm -rf "$ES_HOME"
    mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
    rm -rf "$tmp"
}

java_home() {
    if [[ -n "${ES_JAVA_HOME:-}" ]]; then
        echo "$ES_JAVA_HOME"
        return
    fi
    local java
    java="$(command -v java || true)"
    [[ -n "$java" ]] || { log "no java on PATH: install a JDK 17 or newer"; exit 1; }
    # /usr/bin/java -> .../jvm/java-17-openjdk-amd64/bin/java; ES wants the home above bin/.
    dirname "$(dirname "$(readlink -f "$java")")"
}

start() {
    if pid="$(running_pid)"; then
        if is_healthy; then
            log "already running (pid $pid) at $URL"
            return 0
        fi
        log "pid $pid is starting; waiting for it"
    else
        if is_healthy; then
            log "something else already answers at $URL; not starting another node"
            return 0
        fi
        fetch_and_unpack
        mkdir -p "$DATA_DIR/data" "$DATA_DIR/logs"
        export ES_JAVA_HOME
        ES_JAVA_HOME="$(java_home)"
        export ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}"
        # The integ-test zip has no bundled JDK: tell the launcher we know.
        export ES_DISTRIBUTION_TYPE=zip
        local -a as_user=()
        if [[ "$(id -u)" == 0 ]]; then
            # Elasticsearch refuses to run as root (containers and CI run as root), so the
            # node runs as an unprivileged user that owns only its config and data folders.
            local user="${ES_RUN_AS:-nobody}"
            local group
            group="$(id -gn "$user")"
            chown -R "$user:$group" "$ES_HOME/config" "$DATA_DIR"
            as_user=(setpriv --reuid="$user" --regid="$group" --clear-groups --reset-env)
        fi
        log "starting on $URL (java: $ES_JAVA_HOME, data: $DATA_DIR)"
        "${as_user[@]}" env ES_JAVA_HOME="$ES_JAVA_HOME" ES_JAVA_OPTS="$ES_JAVA_OPTS" \
            ES_DISTRIBUTION_TYPE=zip PATH="$PATH" \
            "$ES_HOME/bin/elasticsearch" \
            -d -p "$PID_FILE" \
            -Enetwork.host="$ES_HOST" \
            -Ehttp.port="$ES_PORT" \
            -Etransport.port=0 \
            -Epath.data="$DATA_DIR/data" \
            -Epath.logs="$DATA_DIR/logs" \
            -Ecluster.name="dsp-$ES_PORT" \
            -Expack.security.enabled=false \
            -Ediscovery.type=single-node \
            -Ecluster.routing.allocation.disk.threshold_enabled=false \
            >"$DATA_DIR/logs/stdout.log" 2>&1 || {
            log "the node failed to start; last lines of its log:"
            tail -n 40 "$DATA_DIR/logs/stdout.log" >&2 || true
            exit 1
        }
    fi
    local waited=0
    until is_healthy; do
        if ! running_pid >/dev/null; then
            log "the node exited while starting; last lines of its log:"
            tail -n 40 "$DATA_DIR/logs/stdout.log" "$DATA_DIR/logs/dsp-$ES_PORT.log" 2>/dev/null >&2 || true
            exit 1
        fi
        if ((waited >= ES_WAIT_SECONDS)); then
            log "no healthy cluster after ${ES_WAIT_SECONDS}s; see $DATA_DIR/logs"
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    log "ready at $URL after ${waited}s"
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        log "not running (no live pid in $PID_FILE)"
        rm -f "$PID_FILE"
        return 0
    fi
    log "stopping pid $pid"
    kill "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if ((waited >= 60)); then
            log "pid $pid still alive after 30s; sending KILL"
            kill -9 "$pid" 2>/dev/null || true
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
    rm -f "$PID_FILE"
    log "stopped"
}

status() {
    local body
    body="$(health)"
    if [[ -n "$body" ]]; then
        echo "$body"
    else
        echo "not running at $URL"
        return 1
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*)
    echo "usage: $0 start|stop|status   (ES_PORT=${ES_PORT})" >&2
    exit 2
    ;;
esac
