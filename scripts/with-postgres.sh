#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server:
#   scripts/with-postgres.sh npx vitest run
# starts a fresh cluster in a temp folder on a free port of 127.0.0.1 (as the `postgres` user when
# run as root: PostgreSQL refuses to run as root), runs the command with
# TEST_DATABASE_URL=postgres://app@127.0.0.1:<port>/postgres, then stops the cluster and removes it.
# The cluster trades durability for speed (fsync off): it only ever holds test data.
# Without PostgreSQL's binaries it prints a notice and does nothing, unless CI is set: then it fails.
set -euo pipefail

if [ "$#" -eq 0 ]; then
	echo "usage: $0 <command> [args...]" >&2
	exit 2
fi

find_bindir() {
	local dir
	if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then echo "$PG_BINDIR"; return; fi
	# Debian/Ubuntu keep the server binaries outside PATH, one folder per major version: take the newest.
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
	done
	if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
	if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
	if [ -n "${CI:-}" ] && [ "${CI}" != "false" ] && [ "${CI}" != "0" ]; then
		echo "with-postgres: no PostgreSQL server binaries (initdb) found, and CI is set: failing." >&2
		echo "with-postgres: install them, e.g. apt-get install -y postgresql" >&2
		exit 1
	fi
	cat >&2 <<'EOF'

##########################################################################################
##  PostgreSQL NOT TESTED: no PostgreSQL server binaries (initdb) were found.           ##
##  The tests ran on SQLite only. Install them (Debian: apt-get install -y postgresql)  ##
##  or set PG_BINDIR, then run `npm run test:unit:pg`.                                   ##
##########################################################################################

EOF
	exit 0
fi

# Run PostgreSQL's own programs as `postgres` when we are root (it refuses to run as root).
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

DIR="$(mktemp -d "${TMPDIR:-/tmp}/with-postgres.XXXXXX")"
chmod 755 "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; fi

started=$(date +%s%N)
as_owner "$BINDIR/initdb" -D "$DIR/data" -A trust -U app -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
	as_owner "$BINDIR/initdb" -D "$DIR/data" -A trust -U app -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 || {
	cat "$DIR/initdb.log" >&2
	exit 1
}
# A free port is probed, then taken by the server: another process may take it in between, so a
# failed start is retried on a new port.
for attempt in 1 2 3; do
	PORT="$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
	if as_owner "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
		-o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
		>/dev/null; then
		break
	fi
	if [ "$attempt" -eq 3 ]; then
		cat "$DIR/server.log" >&2
		exit 1
	fi
done
echo "with-postgres: PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (ready in $((($(date +%s%N) - started) / 1000000)) ms)" >&2

export TEST_DATABASE_URL="postgres://app@127.0.0.1:$PORT/postgres"
set +e
"$@"
status=$?
set -e
exit "$status"
