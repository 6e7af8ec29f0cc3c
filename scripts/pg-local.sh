#!/usr/bin/env bash
# A PostgreSQL cluster kept in a folder of this clone (var/...), for `make prod`, the PostgreSQL
# benchmarks and the restore drill. Unlike with-postgres.sh (a throwaway cluster per test run) its
# data survive between runs.
#
# Usage: scripts/pg-local.sh start DIR PORT   initialise DIR if empty, start it on 127.0.0.1:PORT
#        scripts/pg-local.sh stop DIR          stop it (fast shutdown)
#        scripts/pg-local.sh status DIR        exit 0 if it runs
# The superuser is `thrive`, trusted on 127.0.0.1 and the socket in DIR: for one machine, never a network.
set -euo pipefail
action=${1:?start, stop or status}
dir=$(realpath -m "${2:?data folder}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed: run scripts/ensure-system-packages.sh postgres (as root)." >&2
  exit 1
fi
as_owner=()
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
  as_owner=(runuser -u postgres --)
fi

case "$action" in
  start)
    port=${3:?port}
    if [ ! -s "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir"
      if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
          echo "The postgres user cannot reach $dir (a parent folder is closed to it): choose a folder it can reach." >&2
          exit 1
        fi
      fi
      "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U thrive --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      # Sized for a 2-core, shared machine; see docs/operations.md for a council's own server.
      cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_buffers = 512MB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 256MB
max_connections = 60
random_page_cost = 1.1
wal_level = replica
EOF
    fi
    if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      exit 0
    fi
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port" start >/dev/null
    ;;
  stop)
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  status)
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
    ;;
  *)
    echo "unknown action $action (start, stop, status)" >&2
    exit 2
    ;;
esac
