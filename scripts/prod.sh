#!/usr/bin/env bash
# `make prod`: Thrive with the production settings (thrive.settings.prod) under gunicorn, against a
# PostgreSQL cluster on this machine. See docs/operations.md.
#
#   PROD_PORT (8443)       where gunicorn listens, HTTPS, on 127.0.0.1
#   PROD_PG_PORT (54332)   the local PostgreSQL cluster, kept in var/prod-pg (THRIVE_PROD_PG_DIR)
#   PROD_DATA (demo)       what to load into an empty database: demo, tiny or large (the synthetic
#                          councils, with the demo users and password) or none (a real council:
#                          then `manage.py createsuperuser`)
# DATABASE_URL set: that database is used and no local cluster is started. THRIVE_SECRET_KEY,
# THRIVE_ALLOWED_HOSTS, THRIVE_TLS_CERT/KEY set: used as given; otherwise made once under var/prod/.
# With --prepare it stops before starting gunicorn (the tests and the load test start it themselves);
# with --scheduler it runs the scheduled jobs (ops/schedule.py) instead of gunicorn.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
prepare_only=${1:-}
port=${PROD_PORT:-8443}
pg_port=${PROD_PG_PORT:-54332}
data=${PROD_DATA:-demo}
state=$root/var/prod
mkdir -p "$state"
py=$root/.venv/bin/python

if [ -z "${DATABASE_URL:-}" ]; then
  pg_dir=${THRIVE_PROD_PG_DIR:-$root/var/prod-pg}
  scripts/pg-local.sh start "$pg_dir" "$pg_port"
  export DATABASE_URL="postgres://thrive@127.0.0.1:$pg_port/thrive"
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U thrive -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='thrive'" \
    | grep -q 1 || "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U thrive thrive
  echo "PostgreSQL: $pg_dir on 127.0.0.1:$pg_port (stop it with: scripts/pg-local.sh stop $pg_dir)"
fi

if [ -z "${THRIVE_SECRET_KEY:-}" ]; then
  [ -s "$state/secret_key" ] || (umask 077; "$py" -c 'import secrets; print(secrets.token_urlsafe(64))' >"$state/secret_key")
  THRIVE_SECRET_KEY=$(cat "$state/secret_key")
  export THRIVE_SECRET_KEY
fi
export THRIVE_ALLOWED_HOSTS=${THRIVE_ALLOWED_HOSTS:-127.0.0.1,localhost}

if [ -z "${THRIVE_TLS_CERT:-}" ]; then
  # A self-signed certificate for this machine only: a council's proxy or load balancer holds the real one.
  if [ ! -s "$state/tls/cert.pem" ]; then
    mkdir -p "$state/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$state/tls/key.pem" -out "$state/tls/cert.pem" 2>/dev/null
    chmod 600 "$state/tls/key.pem"
  fi
  export THRIVE_TLS_CERT=$state/tls/cert.pem THRIVE_TLS_KEY=$state/tls/key.pem
fi

export DJANGO_SETTINGS_MODULE=thrive.settings.prod
"$py" manage.py migrate --verbosity 0
"$py" manage.py collectstatic --noinput --verbosity 0
if [ "$data" != none ] && [ "$("$py" manage.py shell --no-imports -c 'from council.models import LocalAuthority as L; print(L.objects.exists())')" = False ]; then
  echo "Loading the synthetic '$data' council (demo users, password in README.md): not for real data."
  # The demo users' password is a development setting, so the synthetic council is loaded with it.
  DJANGO_SETTINGS_MODULE=thrive.settings.dev "$py" manage.py generate_la --seed 1 --scale "$data" --keep-existing
  DJANGO_SETTINGS_MODULE=thrive.settings.dev "$py" manage.py load_demo_performance >/dev/null
  "$py" manage.py shell --no-imports -c 'from django.db import connection; connection.cursor().execute("ANALYZE")'
fi
[ "$prepare_only" = --prepare ] && exit 0
if [ "$prepare_only" = --scheduler ]; then
  exec "$py" manage.py run_scheduler
fi

echo "Thrive (production settings) at https://127.0.0.1:$port/ - a self-signed certificate unless THRIVE_TLS_CERT is set."
echo "Scheduled jobs: run '.venv/bin/python manage.py run_scheduler' beside it, or the cron lines from --crontab."
THRIVE_BIND=127.0.0.1:$port exec "$root/.venv/bin/gunicorn" -c gunicorn.conf.py thrive.wsgi
