# DSP Knowledge Exchange. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
PY := .venv/bin/python
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-14s %s\n", $$1, $$2}'

.venv/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

.venv/.dev: requirements.txt requirements-dev.txt .venv/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: .venv/.runtime ## create .venv and install the runtime packages

# The settings read PORT too: the site's own address (WAGTAILADMIN_BASE_URL: API links, the demo site's port).
run: export PORT := $(PORT)
run: .venv/.runtime ## migrate, load the demo content and serve on http://127.0.0.1:$(PORT) (SQLite, database search)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py extract_documents --missing --no-progress
	$(PY) manage.py rebuild_search_index --no-progress
	$(PY) manage.py compile_translations
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

reset-demo: ## delete the demo's SQLite database and uploaded files; the next `make run` builds them afresh
	@test -z "$$POSTGRES_DB$$DATABASE_URL" || { echo "reset-demo resets the SQLite demo only, and POSTGRES_DB or DATABASE_URL is set: nothing deleted." >&2; exit 1; }
	db="$${SQLITE_PATH:-db.sqlite3}"; rm -f "$$db" "$$db-journal" "$$db-wal" "$$db-shm"
	rm -rf "$${MEDIA_ROOT:-media}"

test: .venv/.dev ## lint, install what the tests need, start Elasticsearch and PostgreSQL, run the suite, stop them
	$(MAKE) --no-print-directory lint
	scripts/test.sh

TEMPLATES = find portal knowledge events search tests -path '*/templates/*' -name '*.html' -print0

lint: .venv/.dev ## ruff (rules and format), djhtml (templates) and import-linter (the layers): zero findings
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	$(TEMPLATES) | xargs -0 .venv/bin/djhtml --check
	.venv/bin/lint-imports --no-cache

format: .venv/.dev ## apply ruff's fixes and formatting, and djhtml's indentation
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .
	$(TEMPLATES) | xargs -0 .venv/bin/djhtml

messages: .venv/.runtime ## extract interface strings of every app into portal/locale/{ru,ko} (needs GNU gettext)
	$(PY) manage.py makemessages -l ru -l ko --add-location=file --ignore='.venv/*' --ignore='node_modules/*' \
		--ignore='static/*' --ignore='static_collected/*' --ignore='media/*' --ignore='tests/*' --ignore='bench/*' --ignore='scripts/*'

es-start: ## start the local Elasticsearch node (fetched from Maven Central)
	scripts/elasticsearch.sh start

es-stop: ## stop the local Elasticsearch node
	scripts/elasticsearch.sh stop

bench-search: .venv/.dev ## search benchmark: Elasticsearch and the embedded default side by side
	scripts/elasticsearch.sh start
	SEARCH_ELASTICSEARCH_URL=http://127.0.0.1:$${ES_PORT:-9201} DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) bench/search_bench.py

bench-relevance: .venv/.dev ## search relevance on judged en/ru/ko queries, both engines: nDCG@10, recall@10, zero results (ARGS=--verbose)
	scripts/elasticsearch.sh start
	SEARCH_ELASTICSEARCH_URL=http://127.0.0.1:$${ES_PORT:-9201} DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) bench/relevance_bench.py $(ARGS)

bench-render: .venv/.dev ## page render p50/p95 per page type with 5,000 items, beside a static file
	$(PY) bench/render_bench.py

bench-lighthouse: .venv/.dev ## Lighthouse scores for the home, country, search, event and document pages
	$(PY) bench/lighthouse_bench.py

bench-extraction: .venv/.dev ## text extraction pages/s on 1, 30, 300-page PDFs (text, scanned) on one core; upload response time
	$(PY) bench/extraction_bench.py

# wrk from Debian, installed once as scripts/install-test-tools.sh installs Chromium.
bench-pages: .venv/.runtime ## page req/s, p50/p95 uncached and cached beside a static file: gunicorn, wrk, production settings (ARGS=--duration 10)
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the page benchmark..."; \
		if [ "$$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/page_bench.py $(ARGS)

bench-load: .venv/.dev ## 50 users for 2 minutes (locust) on gunicorn, PostgreSQL and the 3-node cluster: req/s, p50/p95/p99, errors (ARGS=--keep)
	$(PY) bench/load_bench.py $(ARGS)

.PHONY: help install run reset-demo test lint format messages es-start es-stop bench-search bench-relevance bench-render bench-lighthouse bench-extraction bench-pages bench-load
