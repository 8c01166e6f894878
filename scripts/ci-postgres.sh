#!/usr/bin/env bash
# ci-postgres.sh starts a throwaway PostgreSQL cluster on 127.0.0.1 for the hub's storage
# tests and prints `KIOSK_TEST_PG_DSN=postgres://…` on its last line, so a caller can do
#
#   export "$(scripts/ci-postgres.sh | tail -n1)"
#   KIOSK_TEST_PG=require go test ./internal/hub ./cmd/kiosk-hub
#
# It installs Debian's postgresql package when no server is installed (apt-get), creates a
# data directory owned by the postgres user (when run as root; as the current user
# otherwise), starts the server with pg_ctl listening on 127.0.0.1 only, and creates a
# login role that owns a test database. Every step is idempotent: running it again while the
# cluster is up only prints the DSN again. All progress goes to stderr.
#
# Environment (all optional):
#   KIOSK_PG_DATA  data directory       (default /tmp/kiosk-hub-pg)
#   KIOSK_PG_PORT  TCP port on 127.0.0.1 (default 55432)
#   KIOSK_PG_DB, KIOSK_PG_USER, KIOSK_PG_PASSWORD  (default kiosk_hub_test, kiosk_hub, kiosk_hub_test)
# Stop it with: runuser -u postgres -- /usr/lib/postgresql/*/bin/pg_ctl -D "$KIOSK_PG_DATA" stop
# (without runuser when not run as root).
set -euo pipefail

DATA=${KIOSK_PG_DATA:-/tmp/kiosk-hub-pg}
PORT=${KIOSK_PG_PORT:-55432}
DB=${KIOSK_PG_DB:-kiosk_hub_test}
USER_NAME=${KIOSK_PG_USER:-kiosk_hub}
PASSWORD=${KIOSK_PG_PASSWORD:-kiosk_hub_test}

log() { echo "ci-postgres: $*" >&2; }

find_bin() {
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1
}

BIN=$(find_bin)
if [[ -z "$BIN" || ! -x "$BIN/pg_ctl" ]]; then
	if [[ $(id -u) -ne 0 ]]; then
		log "PostgreSQL is not installed and installing it needs root"
		exit 1
	fi
	log "installing Debian's postgresql"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# The package may also create and start its own "main" cluster on 5432; this script
	# does not use it (its own cluster runs on $PORT).
	apt-get install -y -qq --no-install-recommends postgresql >&2
	BIN=$(find_bin)
fi
[[ -x "$BIN/pg_ctl" ]] || { log "no pg_ctl under /usr/lib/postgresql"; exit 1; }

# as runs a command as the cluster's owner: postgres when we are root (initdb refuses root).
if [[ $(id -u) -eq 0 ]]; then
	OWNER=postgres
	as() { runuser -u postgres -- "$@"; }
else
	OWNER=$(id -un)
	as() { "$@"; }
fi

mkdir -p "$DATA"
chown "$OWNER" "$DATA"
chmod 700 "$DATA"

if [[ ! -f "$DATA/PG_VERSION" ]]; then
	log "initdb $DATA"
	as "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
		--encoding=UTF8 --locale=C.UTF-8 >&2
fi

if as "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
	log "already running in $DATA"
else
	log "starting on 127.0.0.1:$PORT"
	as "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA" start >&2
fi

psql_admin() {
	as "$BIN/psql" -h "$DATA" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

if [[ -z $(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'") ]]; then
	log "creating role $USER_NAME"
	psql_admin -c "CREATE ROLE \"$USER_NAME\" LOGIN PASSWORD '$PASSWORD'" >&2
fi
if [[ -z $(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'") ]]; then
	log "creating database $DB"
	psql_admin -c "CREATE DATABASE \"$DB\" OWNER \"$USER_NAME\"" >&2
fi

echo "KIOSK_TEST_PG_DSN=postgres://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB?sslmode=disable"
