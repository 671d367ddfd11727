#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: installed from Debian when missing, run as the unprivileged
# "postgres" user with its data under a temp folder, listening on 127.0.0.1 only.
#   scripts/postgres.sh start   -> prints the connection string on stdout (logs go to stderr)
#   scripts/postgres.sh stop
set -euo pipefail
state=${DECISIONAID_PG_STATE:-/tmp/decisionaid-pg}
port=${DECISIONAID_PG_PORT:-55432}

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
  start)
    if [ -z "$(bin_dir)" ]; then
      echo "Installing postgresql..." >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(bin_dir)
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$state"
    chown postgres "$state"
    as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    as_pg "$bin/initdb" -D "$state/data" -U postgres -A trust --no-sync >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $state -c fsync=off -c max_connections=200" start >&2 || { cat "$state/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    bin=$(bin_dir)
    if [ -n "$bin" ] && [ -d "$state/data" ]; then
      if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$state/data" -m fast -w stop >&2 || true
      else "$bin/pg_ctl" -D "$state/data" -m fast -w stop >&2 || true; fi
    fi
    rm -rf "$state"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
