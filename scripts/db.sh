#!/usr/bin/env bash
# A throwaway PostgreSQL server for development, tests and CI, on loopback only:
#   scripts/db.sh start    initializes a cluster on first use, starts it, creates the database "airisk"
#   scripts/db.sh stop     stops it (the data stays for the next start)
#   scripts/db.sh wipe     stops it and deletes its data
#   scripts/db.sh status   says whether it runs, and where
# (`npm run db:start`, `npm run db:stop`). It trusts every connection from this machine: for development only.
# AIRISK_PG_PORT (default 55432) and AIRISK_PG_DIR (default $TMPDIR/airisk-pg-<port>) move it.
# PostgreSQL refuses to run as root; run as root (as CI does), the server runs as the `postgres` user.
set -euo pipefail

PORT="${AIRISK_PG_PORT:-55432}"
DIR="${AIRISK_PG_DIR:-${TMPDIR:-/tmp}/airisk-pg-$PORT}"
ADMIN_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
APP_URL="postgres://postgres@127.0.0.1:$PORT/airisk"

find_bin() {
  # Debian keeps the server programs out of PATH, in /usr/lib/postgresql/<version>/bin; take the newest.
  local debian
  debian="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$debian" && -x "$debian/initdb" ]]; then
    echo "$debian"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    echo "PostgreSQL's server programs (initdb, pg_ctl) are not installed: on Debian or Ubuntu run" >&2
    echo "  sudo apt-get install postgresql" >&2
    exit 1
  fi
}
BIN="$(find_bin)"

as_server_user() {
  if [[ "$(id -u)" == 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "Running as root, but there is no 'postgres' user to run the server as (apt-get install postgresql creates it)." >&2
      exit 1
    fi
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { [[ -f "$DIR/PG_VERSION" ]] && as_server_user "$BIN/pg_ctl" status -D "$DIR" >/dev/null 2>&1; }

start() {
  if ! [[ -f "$DIR/PG_VERSION" ]]; then
    mkdir -p "$DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres "$DIR" && chmod 700 "$DIR"
    as_server_user "$BIN/initdb" -D "$DIR" -U postgres --auth=trust --encoding=UTF8 --no-instructions >/dev/null
  fi
  if ! running; then
    # The socket goes in the data folder, so no system folder (/var/run/postgresql) is needed.
    as_server_user "$BIN/pg_ctl" start -D "$DIR" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" >/dev/null ||
      {
        echo "PostgreSQL did not start; its log ($DIR/server.log) ends with:" >&2
        tail -n 20 "$DIR/server.log" >&2 || true
        exit 1
      }
  fi
  if [[ "$("$BIN/psql" "$ADMIN_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = 'airisk'")" != 1 ]]; then
    "$BIN/psql" "$ADMIN_URL" -qc 'CREATE DATABASE airisk' >/dev/null
  fi
  echo "PostgreSQL runs on 127.0.0.1:$PORT (data in $DIR)."
  echo "  the tests use it as it is (AIRISK_TEST_DATABASE_URL=$ADMIN_URL)"
  echo "  the app on it:  DATABASE_URL=$APP_URL npm start"
}

stop() {
  if running; then
    as_server_user "$BIN/pg_ctl" stop -D "$DIR" -m fast -w >/dev/null
    echo "PostgreSQL on port $PORT stopped."
  else
    echo "PostgreSQL on port $PORT was not running."
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  wipe)
    stop
    rm -rf "$DIR"
    echo "Deleted $DIR."
    ;;
  status)
    if running; then echo "PostgreSQL runs on 127.0.0.1:$PORT (data in $DIR)."; else
      echo "PostgreSQL on port $PORT is not running (npm run db:start starts it)."
      exit 3
    fi
    ;;
  *)
    echo "usage: scripts/db.sh start|stop|wipe|status" >&2
    exit 2
    ;;
esac
