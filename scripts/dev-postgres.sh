#!/usr/bin/env bash
# A throw-away PostgreSQL cluster in a folder, for the distributed mode (docs/distributed.md, "Development").
#   scripts/dev-postgres.sh start [DIR] [PORT]   initdb (first time) and start on 127.0.0.1:PORT; prints the connection string
#   scripts/dev-postgres.sh stop  [DIR]          stop it; rm -rf DIR throws it away
# Needs Debian's postgresql package (apt-get install -y postgresql). As root the server runs as the 'postgres' user,
# since PostgreSQL refuses to run as root. Trust authentication on loopback only: for development, never production.
set -euo pipefail
cmd="${1:-start}"; dir="$(realpath -m "${2:-.pg}")"; port="${3:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "dev-postgres: no PostgreSQL server binaries; install Debian's package: apt-get install -y postgresql" >&2; exit 1
fi
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U logistics -A trust --no-sync -E UTF8 >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=logistics;Database=postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
