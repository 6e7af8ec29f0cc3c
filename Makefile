# Thrive: the two commands a council's IT officer needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SEED ?= 1
SCALE ?= demo

.PHONY: demo test test-sqlite test-postgres bench setup clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json assets_src/govuk-council.scss assets_src/moj.scss
	npm ci --no-audit --no-fund --silent
	node_modules/.bin/sass --pkg-importer=node --no-source-map --style=compressed --quiet-deps \
	  assets_src/govuk-council.scss static/build/govuk-council.css
	node_modules/.bin/sass --pkg-importer=node --load-path=. --no-source-map --style=compressed --quiet-deps \
	  assets_src/moj.scss static/build/moj.css 2>/dev/null
	touch $@

## Run the demo: migrate SQLite, load the synthetic council (once), serve on 127.0.0.1:$(PORT).
demo: setup
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py generate_la --seed $(SEED) --scale $(SCALE) --keep-existing
	$(PY) manage.py load_demo_performance
	@echo "Thrive is at http://127.0.0.1:$(PORT)/ - sign in as a demo user listed in README.md"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## Run every test: on SQLite, then on PostgreSQL, including end-to-end tests in headless Chromium.
test: setup
	scripts/ensure-system-packages.sh
	$(MAKE) --no-print-directory test-sqlite test-postgres

test-sqlite:
	@echo "== Tests on SQLite =="
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres:
	@echo "== Tests on PostgreSQL =="
	scripts/with-postgres.sh $(VENV)/bin/pytest $(PYTEST_ARGS)

## Benchmarks: medians and peak memory, written to bench/results/latest.json.
bench: setup
	$(PY) bench/run.py $(BENCH)

clean:
	rm -rf var $(VENV) node_modules
