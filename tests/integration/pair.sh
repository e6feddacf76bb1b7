# SPDX-License-Identifier: Apache-2.0
# pair.sh: sourced by the differential scripts (test_catalog.sh, test_guis.sh, test_clients.sh).
# pair_start NAME DB [postgres -c settings...] starts a real PostgreSQL 15 (initdb into a temp
# dir, as the postgres user when root; 127.0.0.1 and a Unix socket in the dir) and shardlite
# (127.0.0.1), each on a free port, creates database DB on PostgreSQL, and stops both by PID on
# exit. It sets DIR, SPORT (shardlite), PPORT (PostgreSQL) and PID (shardlite's), and defines
# fail and as_pg. Exits 77 (skipped) when PostgreSQL 15 is not installed.

PGBIN=/usr/lib/postgresql/15/bin
PID=

as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
fail() { echo "FAIL: $*" >&2; tail -50 "$DIR/log" >&2 || true; exit 1; }

pair_cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	if [[ -f "$DIR/pg/postmaster.pid" ]]; then
		kill "$(head -1 "$DIR/pg/postmaster.pid")" 2>/dev/null || true
		for _ in $(seq 50); do [[ -f "$DIR/pg/postmaster.pid" ]] || break; sleep 0.1; done
	fi
	rm -rf "$DIR"
}

. "$(dirname "${BASH_SOURCE[0]}")/free_port.sh"

pair_start() {
	local name=$1 db=$2
	shift 2
	[[ -x "$PGBIN/postgres" ]] || { echo "PostgreSQL 15 not installed: skipped"; exit 77; }
	DIR=$(mktemp -d "/tmp/shardlite-$name-XXXXXX")
	chmod 777 "$DIR"
	trap pair_cleanup EXIT
	SPORT=$(free_port)
	PPORT=$(free_port "$SPORT")
	local settings=(-c listen_addresses=127.0.0.1 -c fsync=off)
	for s in "$@"; do settings+=(-c "$s"); done
	as_pg "$PGBIN/initdb" -D "$DIR/pg" -U postgres -A trust -E UTF8 --locale=C >/dev/null
	as_pg "$PGBIN/postgres" -D "$DIR/pg" -k "$DIR" -p "$PPORT" "${settings[@]}" \
		>"$DIR/pglog" 2>&1 &
	# a caller's pair_prepare (if defined) may write files into $DIR and set
	# PAIR_SHARDLITE_ARGS, extra options for shardlite
	if declare -F pair_prepare >/dev/null; then pair_prepare; fi
	"$BIN" --data-dir "$DIR/data" --listen 127.0.0.1 --port "$SPORT" --socket-dir '' \
		${PAIR_SHARDLITE_ARGS[@]+"${PAIR_SHARDLITE_ARGS[@]}"} 2>"$DIR/log" &
	PID=$!
	for _ in $(seq 100); do
		[[ -S "$DIR/.s.PGSQL.$PPORT" ]] && psql -X -h "$DIR" -p "$PPORT" -U postgres -c '' \
			postgres >/dev/null 2>&1 && break
		sleep 0.1
	done
	psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c "CREATE DATABASE $db" postgres ||
		fail "PostgreSQL did not start"
	for _ in $(seq 100); do
		psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -c '' "$db" >/dev/null 2>&1 && break
		sleep 0.1
	done
}
