#!/usr/bin/env bash
# The whole suite, as `make test` and CI run it: real services up, checks, pytest, services down.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=portal.settings.test

scripts/install-test-tools.sh

export ES_PORT="${ES_PORT:-9201}"
scripts/elasticsearch.sh start
trap 'scripts/elasticsearch.sh stop' EXIT
export SEARCH_ELASTICSEARCH_URL="http://127.0.0.1:${ES_PORT}"
export SEARCH_INDEX_PREFIX="dsp-test"

$PY manage.py check
$PY manage.py makemigrations --check --dry-run
$PY manage.py compile_translations
$PY -m pytest "$@"
