#!/usr/bin/env bash
# `make test`'s last step: the production server (gunicorn, thrive.settings.prod) on PostgreSQL, the
# synthetic `tiny` council loaded, and the browser smoke tests (tests/prod) run against it over HTTPS.
# Run inside scripts/with-postgres.sh, which provides DATABASE_URL. PROD_PORT chooses the port (8443).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?run me inside scripts/with-postgres.sh}"
port=${PROD_PORT:-8443}
export PROD_DATA=tiny
scripts/prod.sh --prepare
export DJANGO_SETTINGS_MODULE=thrive.settings.prod
THRIVE_SECRET_KEY=$(cat var/prod/secret_key)
export THRIVE_SECRET_KEY THRIVE_ALLOWED_HOSTS=127.0.0.1,localhost
export THRIVE_TLS_CERT=$PWD/var/prod/tls/cert.pem THRIVE_TLS_KEY=$PWD/var/prod/tls/key.pem
THRIVE_BIND=127.0.0.1:$port .venv/bin/gunicorn -c gunicorn.conf.py thrive.wsgi >var/prod/smoke-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  .venv/bin/python - "$port" <<'PY' && break
import ssl, sys, urllib.request
context = ssl._create_unverified_context()  # the test server's self-signed certificate
try:
    urllib.request.urlopen(f"https://127.0.0.1:{sys.argv[1]}/healthz", context=context, timeout=2)
except Exception:
    sys.exit(1)
PY
  kill -0 $server 2>/dev/null || { cat var/prod/smoke-server.log; exit 1; }
  sleep 1
done
THRIVE_PROD_URL="https://127.0.0.1:$port" DJANGO_SETTINGS_MODULE=thrive.settings.test \
  .venv/bin/pytest tests/prod -q -p no:cacheprovider
