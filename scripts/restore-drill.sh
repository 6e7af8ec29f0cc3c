#!/usr/bin/env bash
# `make restore-drill`: a throwaway PostgreSQL cluster (THRIVE_PG_PORT), the demo council generated into
# it, then ops' restore_drill: pg_dump, pg_restore into a fresh database, every artefact compared.
set -euo pipefail
cd "$(dirname "$0")/.."
DJANGO_SETTINGS_MODULE=thrive.settings.dev exec scripts/with-postgres.sh \
  bash -c '.venv/bin/python manage.py migrate --verbosity 0 && .venv/bin/python manage.py restore_drill "$@"' drill "$@"
