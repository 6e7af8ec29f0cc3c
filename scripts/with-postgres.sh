#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: starts it, sets DATABASE_URL, stops it after.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=${THRIVE_PG_PORT:-54329}
dir=$(mktemp -d /tmp/thrive-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
  chown postgres "$dir"
  as_owner=(runuser -u postgres --)
fi
stop() { "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U thrive --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$port" -U thrive thrive
export DATABASE_URL="postgres://thrive@127.0.0.1:$port/thrive"
"$@"
