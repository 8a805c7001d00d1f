#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server on 127.0.0.1 for the integration and browser tests.
# Usage: scripts/start-postgres.sh [PORT]   → prints the DATABASE_URL to use.
# Needs Debian's postgresql package (apt-get install -y postgresql). Run as root or as postgres.
set -euo pipefail
PORT="${1:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
DIR="$(mktemp -d /tmp/eucab-pg.XXXXXX)"
chmod 755 "$DIR"
run() { if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = "0" ] && chown postgres:postgres "$DIR"
run "$BIN/initdb -D '$DIR/data' -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8" >/dev/null
run "$BIN/pg_ctl -D '$DIR/data' -l '$DIR/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
