#!/usr/bin/env bash
# The whole suite, as `make test` and CI run it: real services up, checks, pytest, services down.
#
# The suite runs on SQLite (the default site's database); then, unless pytest was given its own
# arguments, its database-bound part runs again on a real PostgreSQL (scripts/postgres.sh):
# models, privacy, the page cache and kept parts, query budgets, the database search engine in
# English, Russian and Korean, backup and restore.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=portal.settings.test

scripts/install-test-tools.sh

export ES_PORT="${ES_PORT:-9201}"
export PG_PORT="${PG_PORT:-5433}"
# The cluster test (tests/search/test_cluster.py) starts and stops its own three nodes; stopping
# them here too covers a pytest killed before its fixture could.
trap 'scripts/elasticsearch.sh stop; scripts/elasticsearch.sh cluster-stop; scripts/postgres.sh stop' EXIT
scripts/elasticsearch.sh start
export SEARCH_ELASTICSEARCH_URL="http://127.0.0.1:${ES_PORT}"
export SEARCH_INDEX_PREFIX="dsp-test"

$PY manage.py check
$PY manage.py makemigrations --check --dry-run
$PY manage.py compile_translations
$PY -m pytest "$@"

if [[ $# -eq 0 ]]; then
    scripts/postgres.sh start
    echo "The database-bound part of the suite, on PostgreSQL:" >&2
    POSTGRES_DB=dsp POSTGRES_USER=dsp POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$PG_PORT" \
        $PY -m pytest -k "not elasticsearch" \
        tests/portal/core tests/portal/test_query_counts.py \
        tests/search/queries/test_database.py tests/search/queries/test_database_languages.py \
        tests/portal/management/commands/test_backup.py
fi
