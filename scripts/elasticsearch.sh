#!/usr/bin/env bash
# A single local Elasticsearch node for development, tests and benchmarks.
#
#   scripts/elasticsearch.sh start   fetch (once), unpack (once), start, wait for health
#   scripts/elasticsearch.sh stop    stop the node started here and wait until it is gone
#   scripts/elasticsearch.sh status  print the cluster health, or say it is not running
#
# A three-node cluster on loopback, for the test that stops nodes (tests/search/test_cluster.py),
# from the same unpacked distribution and beside the single node:
#
#   scripts/elasticsearch.sh cluster-start   start every node not running (a fresh cluster when
#                                            none is: their data is wiped), wait for all to join
#   scripts/elasticsearch.sh cluster-stop    stop every node of the cluster, wait until gone
#   scripts/elasticsearch.sh node-stop N     stop node N (1-3) and wait until it is gone
#   scripts/elasticsearch.sh node-start N    start node N again and wait until it has joined
#   scripts/elasticsearch.sh cluster-status  the cluster's health, asked of any node that answers
#
# Node N answers HTTP on ES_CLUSTER_HTTP_BASE+N-1 (default 9211-9213) and talks to the others
# on ES_CLUSTER_TRANSPORT_BASE+N-1 (9311-9313), as cluster "dsp-cluster-<first HTTP port>";
# each has its own data, logs and pid file ($CACHE/es-cluster-<port>) and a 512 MB heap.
#
# The distribution is Elastic's integ-test zip from Maven Central: no bundled JDK and no
# extra modules, so it runs on the machine's Java 17 and starts in seconds. ES_PORT picks
# the HTTP port (default 9201, away from a system Elasticsearch on 9200); MAVEN_REPO moves
# the Maven repository (~/.m2/repository) and ES_RUNTIME_DIR the unpacked node and its data.
#
# Run as root, the node runs as an unprivileged user, which may not be able to enter the
# checkout (a clone in root's home): its files then live in /var/lib/dsp-elasticsearch,
# which every user can traverse and only root can write. Run as anyone else, in .cache/.
#
# The integ-test zip has no language analysis, so `start` also builds the project's own
# analysis plugin (search/elasticsearch_plugin, Maven) when its sources changed, installs it
# into the node when the installed one is not that build, and gives the node's `hunspell`
# filter Debian's Russian dictionary (hunspell-ru, installed with apt-get if missing). A
# node already running keeps what it loaded: after a plugin change, stop and start it.
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
PLUGIN_NAME=dsp-analysis
PLUGIN_SRC="$ROOT/search/elasticsearch_plugin"
PLUGIN_BUILD="$CACHE/plugin-build"
# Written after a successful install; a fresh unpack has none, so it installs again.
PLUGIN_STAMP="$ES_HOME/.$PLUGIN_NAME.sha256"
HUNSPELL_SRC=/usr/share/hunspell
ES_CLUSTER_NODES="${ES_CLUSTER_NODES:-3}"
ES_CLUSTER_HTTP_BASE="${ES_CLUSTER_HTTP_BASE:-9211}"
ES_CLUSTER_TRANSPORT_BASE="${ES_CLUSTER_TRANSPORT_BASE:-9311}"
CLUSTER_NAME="dsp-cluster-$ES_CLUSTER_HTTP_BASE"

# The node the functions below act on: the single node unless `select_cluster_node` says otherwise.
DATA_DIR="$CACHE/es-data-$ES_PORT"
PID_FILE="$DATA_DIR/elasticsearch.pid"
URL="http://$ES_HOST:$ES_PORT"
NODE_LOG="$DATA_DIR/logs/dsp-$ES_PORT.log"
# How the node joins others: alone (the single node) or in the cluster (set per node).
NODE_SETTINGS=(-Ecluster.name="dsp-$ES_PORT" -Etransport.port=0 -Ediscovery.type=single-node)

select_cluster_node() {
    local n="$1"
    [[ "$n" =~ ^[0-9]+$ ]] && ((n >= 1 && n <= ES_CLUSTER_NODES)) ||
        { log "no cluster node $n: give 1 to $ES_CLUSTER_NODES"; exit 2; }
    local port=$((ES_CLUSTER_HTTP_BASE + n - 1))
    DATA_DIR="$CACHE/es-cluster-$port"
    PID_FILE="$DATA_DIR/elasticsearch.pid"
    URL="http://$ES_HOST:$port"
    ES_PORT="$port"
    NODE_LOG="$DATA_DIR/logs/$CLUSTER_NAME.log"
    local seeds=() names=() i
    for ((i = 1; i <= ES_CLUSTER_NODES; i++)); do
        seeds+=("$ES_HOST:$((ES_CLUSTER_TRANSPORT_BASE + i - 1))")
        names+=("dsp-node-$i")
    done
    NODE_SETTINGS=(
        -Ecluster.name="$CLUSTER_NAME"
        -Enode.name="dsp-node-$n"
        -Etransport.port="$((ES_CLUSTER_TRANSPORT_BASE + n - 1))"
        -Ediscovery.seed_hosts="$(IFS=,; echo "${seeds[*]}")"
    )
    # Only a node with no cluster yet on disk may bootstrap one; a node that has joined once
    # finds the others through the seed hosts, and the setting would only earn a warning.
    if [[ -z "$(ls -A "$DATA_DIR/data" 2>/dev/null)" ]]; then
        NODE_SETTINGS+=(-Ecluster.initial_master_nodes="$(IFS=,; echo "${names[*]}")")
    fi
}

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

plugin_source_hash() {
    # What the plugin is built from, read from the files themselves (a clone's mtimes say
    # nothing), and the node version it is built for.
    (
        cd "$PLUGIN_SRC"
        find . -path ./target -prune -o -type f -print | LC_ALL=C sort | xargs -d '\n' sha256sum
        echo "$ES_VERSION"
    ) | sha256sum | cut -d' ' -f1
}

plugin_zip() {
    # Builds the plugin into $PLUGIN_BUILD unless a build of these sources is there; prints the zip.
    local hash="$1"
    local zip="$PLUGIN_BUILD/$PLUGIN_NAME.zip"
    if [[ -f "$zip" && "$(cat "$PLUGIN_BUILD/source.sha256" 2>/dev/null)" == "$hash" ]]; then
        echo "$zip"
        return 0
    fi
    command -v mvn >/dev/null || { log "no mvn on PATH: install Maven to build the analysis plugin"; exit 1; }
    log "building the analysis plugin ($PLUGIN_SRC)"
    local m2="${MAVEN_REPO:-$HOME/.m2/repository}"
    rm -rf "$PLUGIN_BUILD"
    mkdir -p "$PLUGIN_BUILD"
    local started=$SECONDS
    mvn -q -B -f "$PLUGIN_SRC/pom.xml" package -Dmaven.repo.local="$m2" \
        -Ddsp.buildDirectory="$PLUGIN_BUILD/target" >"$PLUGIN_BUILD/build.log" 2>&1 || {
        log "the plugin build failed:"
        tail -n 40 "$PLUGIN_BUILD/build.log" >&2
        exit 1
    }
    local built
    built="$(find "$PLUGIN_BUILD/target" -maxdepth 1 -name "$PLUGIN_NAME-*.zip" | head -n 1)"
    [[ -n "$built" ]] || { log "Maven left no $PLUGIN_NAME zip in $PLUGIN_BUILD/target"; exit 1; }
    mv "$built" "$zip"
    echo "$hash" >"$PLUGIN_BUILD/source.sha256"
    log "built $zip in $((SECONDS - started))s"
    echo "$zip"
}

install_plugin() {
    # Idempotent: the same sources installed before do nothing; changed sources replace it.
    local hash
    hash="$(plugin_source_hash)"
    if [[ "$(cat "$PLUGIN_STAMP" 2>/dev/null)" == "$hash" && -d "$ES_HOME/plugins/$PLUGIN_NAME" ]]; then
        return 0
    fi
    local zip
    zip="$(plugin_zip "$hash")"
    # The installer is a Java program: a heap above its 64 MB default for the nori jar.
    local -a cli=(env ES_JAVA_HOME="$ES_JAVA_HOME" ES_DISTRIBUTION_TYPE=zip CLI_JAVA_OPTS="-Xmx512m"
        "$ES_HOME/bin/elasticsearch-plugin")
    if [[ -d "$ES_HOME/plugins/$PLUGIN_NAME" ]]; then
        log "removing the installed $PLUGIN_NAME (its sources changed)"
        "${cli[@]}" remove --purge "$PLUGIN_NAME" >&2
    fi
    local started=$SECONDS
    "${cli[@]}" install --batch "file://$zip" >&2 || { log "installing $zip failed"; exit 1; }
    echo "$hash" >"$PLUGIN_STAMP"
    log "installed $PLUGIN_NAME in $((SECONDS - started))s"
}

install_hunspell() {
    # Russian lemmas (кризисные → кризисный) come from the node's own `hunspell` filter,
    # which reads config/hunspell/<locale>/*.aff + *.dic when the node starts.
    if [[ ! -f "$HUNSPELL_SRC/ru_RU.dic" ]]; then
        if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
            log "installing Debian's hunspell-ru"
            export DEBIAN_FRONTEND=noninteractive
            apt-get install -y -qq hunspell-ru >&2 2>/dev/null ||
                { apt-get update -qq >&2 && apt-get install -y -qq hunspell-ru >&2; } ||
                { log "apt-get could not install hunspell-ru"; exit 1; }
        else
            log "no $HUNSPELL_SRC/ru_RU.dic: install Debian's hunspell-ru (the Russian lemma filter needs it)"
            return 0
        fi
    fi
    local dir="$ES_HOME/config/hunspell/ru_RU"
    mkdir -p "$dir"
    local ext
    for ext in aff dic; do
        cmp -s "$HUNSPELL_SRC/ru_RU.$ext" "$dir/ru_RU.$ext" || cp "$HUNSPELL_SRC/ru_RU.$ext" "$dir/ru_RU.$ext"
    done
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

prepare() {
    # What every node needs before its first start, done once for all (idempotent).
    fetch_and_unpack
    export ES_JAVA_HOME
    ES_JAVA_HOME="$(java_home)"
    (
        # Nodes on other ports share this distribution: one installer at a time.
        flock 9
        install_plugin
        install_hunspell
        # Every node of the distribution reads one keystore; nodes started together would
        # race to create it.
        if [[ ! -f "$ES_HOME/config/elasticsearch.keystore" ]]; then
            env ES_JAVA_HOME="$ES_JAVA_HOME" ES_DISTRIBUTION_TYPE=zip "$ES_HOME/bin/elasticsearch-keystore" create >&2
        fi
    ) 9>"$CACHE/.install.lock"
}

launch() {
    # Starts the selected node as a daemon; `wait_healthy` waits for it to serve.
    mkdir -p "$DATA_DIR/data" "$DATA_DIR/logs"
    local opts="${ES_JAVA_OPTS:--Xms512m -Xmx512m}"
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
    # The integ-test zip has no bundled JDK: ES_DISTRIBUTION_TYPE tells the launcher we know.
    "${as_user[@]}" env ES_JAVA_HOME="$ES_JAVA_HOME" ES_JAVA_OPTS="$opts" \
        ES_DISTRIBUTION_TYPE=zip PATH="$PATH" \
        "$ES_HOME/bin/elasticsearch" \
        -d -p "$PID_FILE" \
        -Enetwork.host="$ES_HOST" \
        -Ehttp.port="$ES_PORT" \
        -Epath.data="$DATA_DIR/data" \
        -Epath.logs="$DATA_DIR/logs" \
        "${NODE_SETTINGS[@]}" \
        -Expack.security.enabled=false \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        -Eindices.analysis.hunspell.dictionary.lazy=true \
        >"$DATA_DIR/logs/stdout.log" 2>&1 || {
        log "the node failed to start; last lines of its log:"
        tail -n 40 "$DATA_DIR/logs/stdout.log" >&2 || true
        exit 1
    }
}

wait_healthy() {
    local waited=0
    until is_healthy; do
        if ! running_pid >/dev/null; then
            log "the node exited while starting; last lines of its log:"
            tail -n 40 "$DATA_DIR/logs/stdout.log" "$NODE_LOG" 2>/dev/null >&2 || true
            exit 1
        fi
        if ((waited >= ES_WAIT_SECONDS)); then
            log "no healthy cluster at $URL after ${ES_WAIT_SECONDS}s; see $DATA_DIR/logs"
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    log "ready at $URL after ${waited}s"
}

start() {
    # Starts the selected node unless it runs already, and waits until it serves.
    if pid="$(running_pid)"; then
        if is_healthy; then
            log "already running (pid $pid) at $URL"
            if [[ "$(cat "$PLUGIN_STAMP" 2>/dev/null)" != "$(plugin_source_hash)" ]]; then
                log "its $PLUGIN_NAME plugin is not the one in $PLUGIN_SRC: stop and start the node to rebuild it"
            fi
            return 0
        fi
        log "pid $pid is starting; waiting for it"
    else
        if is_healthy; then
            log "something else already answers at $URL; not starting another node"
            return 0
        fi
        prepare
        launch
    fi
    wait_healthy
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

cluster_start() {
    local n running=()
    for ((n = 1; n <= ES_CLUSTER_NODES; n++)); do
        select_cluster_node "$n"
        if running_pid >/dev/null; then running+=("$n"); fi
    done
    prepare
    if ((${#running[@]} == 0)); then
        # No node runs: a new cluster, bootstrapped by all together from empty data folders
        # (a node of an old cluster would refuse to join a new one, and tests want a clean one).
        for ((n = 1; n <= ES_CLUSTER_NODES; n++)); do
            select_cluster_node "$n"
            rm -rf "$DATA_DIR"
        done
        # Together: until enough master-eligible nodes are up to elect one, a node's start
        # (and so its launcher) waits.
        local pids=()
        for ((n = 1; n <= ES_CLUSTER_NODES; n++)); do
            (select_cluster_node "$n" && launch) &
            pids+=("$!")
        done
        local failed=0 pid
        for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
        ((failed == 0)) || { log "a node failed to start; stopping the others"; cluster_stop; exit 1; }
    fi
    for ((n = 1; n <= ES_CLUSTER_NODES; n++)); do
        select_cluster_node "$n"
        start
    done
    # Every node answering is not yet every node in one cluster: ask for all of them.
    curl -fsS --max-time "$((ES_WAIT_SECONDS + 5))" \
        "$URL/_cluster/health?wait_for_nodes=$ES_CLUSTER_NODES&timeout=${ES_WAIT_SECONDS}s" >/dev/null ||
        { log "the cluster did not gather $ES_CLUSTER_NODES nodes in ${ES_WAIT_SECONDS}s"; exit 1; }
    log "cluster $CLUSTER_NAME ready: $ES_CLUSTER_NODES nodes from http://$ES_HOST:$ES_CLUSTER_HTTP_BASE"
}

cluster_stop() {
    local n
    for ((n = 1; n <= ES_CLUSTER_NODES; n++)); do
        select_cluster_node "$n"
        stop
    done
}

cluster_status() {
    local n
    for ((n = 1; n <= ES_CLUSTER_NODES; n++)); do
        select_cluster_node "$n"
        if status >/dev/null 2>&1; then
            status
            return 0
        fi
    done
    echo "no node of $CLUSTER_NAME answers"
    return 1
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
cluster-start) cluster_start ;;
cluster-stop) cluster_stop ;;
cluster-status) cluster_status ;;
node-start)
    select_cluster_node "${2:-}"
    start
    ;;
node-stop)
    select_cluster_node "${2:-}"
    stop
    ;;
*)
    echo "usage: $0 start|stop|status   (ES_PORT=${ES_PORT})" >&2
    echo "       $0 cluster-start|cluster-stop|cluster-status|node-start N|node-stop N" >&2
    exit 2
    ;;
esac
