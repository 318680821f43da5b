#!/usr/bin/env bash
# The whole suite, as `make test` and CI run it: real services up, checks, pytest, services down.
#
# The suite runs on SQLite (the default site's database) and, unless pytest was given its own
# arguments, its database-bound part also on a real PostgreSQL (scripts/postgres.sh): models,
# privacy, the page cache and kept parts, query budgets, the database search engine in English,
# Russian and Korean, backup and restore. Given arguments, it runs just those on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=portal.settings.test

scripts/install-test-tools.sh

export ES_PORT="${ES_PORT:-9201}"
export PG_PORT="${PG_PORT:-5433}"
# The cluster test (tests/search/test_cluster.py) starts and stops its own three nodes; stopping
# them here too covers a pytest killed before its fixture could.
pg_pid=""
# Every step runs whatever the one before did, and the run keeps its own exit status: a stop
# that fails is reported by the script that failed, not by a changed status.
cleanup() {
    local status=$?
    set +e
    if [[ -n "$pg_pid" ]]; then
        kill "$pg_pid" 2>/dev/null
        wait "$pg_pid" 2>/dev/null
    fi
    scripts/elasticsearch.sh stop
    scripts/elasticsearch.sh cluster-stop
    scripts/postgres.sh stop
    exit "$status"
}
trap cleanup EXIT
scripts/elasticsearch.sh start
export SEARCH_ELASTICSEARCH_URL="http://127.0.0.1:${ES_PORT}"
export SEARCH_INDEX_PREFIX="dsp-test"

$PY manage.py check
$PY manage.py makemigrations --check --dry-run
$PY manage.py compile_translations
if [[ $# -gt 0 ]]; then
    $PY -m pytest "$@"
    exit
fi

# The whole suite, on two cores in three steps:
# 1. alone, the tests that time what a reader waits for (the browser's pages, stopping search
#    nodes, restarting a database under traffic), so nothing else slows them;
# 2. the rest on SQLite, and beside it, in a second process, the database-bound part on
#    PostgreSQL (its own Elasticsearch index prefix, its own log, printed when it ends).
ALONE=(tests/e2e tests/search/test_cluster.py tests/portal/test_database_restart.py)
status=0
$PY -m pytest "${ALONE[@]}" || status=$?

scripts/postgres.sh start
pg_log="$(mktemp -t dsp-postgres-tests.XXXXXX)"
echo "The database-bound part of the suite runs on PostgreSQL beside the rest; its report: $pg_log" >&2
POSTGRES_DB=dsp POSTGRES_USER=dsp POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$PG_PORT" SEARCH_INDEX_PREFIX=dsp-test-pg \
    $PY -m pytest -p no:cacheprovider -k "not elasticsearch" \
    tests/portal/core tests/portal/test_query_counts.py \
    tests/search/queries/test_database.py tests/search/queries/test_database_languages.py \
    tests/portal/management/commands/test_backup.py >"$pg_log" 2>&1 &
pg_pid=$!

$PY -m pytest "${ALONE[@]/#/--ignore=}" || status=$?

pg_status=0
wait "$pg_pid" || pg_status=$?
pg_pid=""
echo "The database-bound part of the suite, on PostgreSQL:"
cat "$pg_log"
rm -f "$pg_log"
if [[ $status -eq 0 ]]; then
    status=$pg_status
fi
exit "$status"
