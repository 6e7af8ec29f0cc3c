# Thrive: the two commands a council's IT officer needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
VALIDATORS := .venv-validators
PORT ?= 8000
SEED ?= 1
SCALE ?= demo

.PHONY: demo test test-sqlite test-postgres audit lint bench setup validators clean system-packages test-prod prod \
	restore-drill scheduler

setup: system-packages $(VENV)/.installed node_modules/.installed $(VALIDATORS)/.installed

## The DfE-aligned validators in their own environment: they pin pandas and numpy Thrive does not use.
validators: $(VALIDATORS)/.installed

$(VALIDATORS)/.installed: requirements-validators.txt | system-packages
	test -x $(VALIDATORS)/bin/python || $(PYTHON) -m venv $(VALIDATORS)
	$(VALIDATORS)/bin/python -m pip install --quiet --upgrade pip
	$(VALIDATORS)/bin/python -m pip install --quiet -r requirements-validators.txt
	touch $@

# Python's venv module, Node.js, npm and Pango from Debian's packages when missing (as root; otherwise it names them).
system-packages:
	@scripts/ensure-system-packages.sh build

$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-spark.txt | system-packages
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json assets_src/govuk-council.scss assets_src/moj.scss assets_src/build.mjs | system-packages
	npm ci --no-audit --no-fund --silent
	node assets_src/build.mjs
	touch $@

## Run the demo: migrate SQLite, load the synthetic council (once), serve on 127.0.0.1:$(PORT).
demo: setup
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py generate_la --seed $(SEED) --scale $(SCALE) --keep-existing
	$(PY) manage.py link_partner_records --train-if-needed --duplicates
	$(PY) manage.py load_demo_performance
	$(PY) manage.py check_returns --if-unchecked
	@echo "Thrive is at http://127.0.0.1:$(PORT)/ - sign in as a demo user listed in README.md"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## The linters and type checks first (fail fast), then the security checks (bandit, pip-audit), then every
## test: on SQLite, then on PostgreSQL, including end-to-end tests in headless Chromium.
test: setup
	scripts/ensure-system-packages.sh test
	$(MAKE) --no-print-directory lint audit test-sqlite test-postgres test-prod

## Lint, format and type checks (settings in pyproject.toml; the same run by .pre-commit-config.yaml).
lint: setup
	@echo "== Lint (ruff), format (ruff format) and types (mypy) =="
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

## Security checks: bandit over Thrive's code (bandit.yaml), pip-audit over the installed dependencies.
audit: setup
	scripts/audit.sh

test-sqlite:
	@echo "== Tests on SQLite =="
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The Spark linkage test runs once, on SQLite: Spark reads Parquet files, whichever database wrote them.
test-postgres:
	@echo "== Tests on PostgreSQL =="
	scripts/with-postgres.sh $(VENV)/bin/pytest -m "not spark" $(PYTEST_ARGS)

## Benchmarks: medians and peak memory, written to bench/results/latest.json.
bench: setup
	scripts/ensure-system-packages.sh bench
	$(PY) bench/run.py $(BENCH)

# --- Production (issue 16; docs/operations.md) ---
PROD_PORT ?= 8443

## The production server's smoke tests: gunicorn, prod settings, PostgreSQL, headless Chromium over HTTPS.
test-prod:
	@echo "== Production server on PostgreSQL: browser smoke tests =="
	PROD_PORT=$(PROD_PORT) scripts/with-postgres.sh scripts/prod-smoke.sh

## Thrive with thrive.settings.prod under gunicorn on https://127.0.0.1:$(PROD_PORT)/, local PostgreSQL in var/prod-pg.
prod: setup
	scripts/ensure-system-packages.sh prod
	PROD_PORT=$(PROD_PORT) scripts/prod.sh

## The scheduled jobs (ops/schedule.py), against the database `make prod` uses.
scheduler: setup
	scripts/prod.sh --scheduler

## Back up the demo council on PostgreSQL, restore it into a fresh database, prove the copy identical.
restore-drill: setup
	scripts/ensure-system-packages.sh prod
	scripts/restore-drill.sh

clean:
	-scripts/pg-local.sh stop var/prod-pg 2>/dev/null
	-scripts/pg-local.sh stop var/bench-pg 2>/dev/null
	rm -rf var $(VENV) $(VALIDATORS) node_modules
