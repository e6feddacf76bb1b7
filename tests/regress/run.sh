#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run.sh: the differential regression suite. Starts a real PostgreSQL 15 (initdb into a temp
# dir, as the postgres user) and shardlite, each on a Unix socket in its own temp dir, runs
# every tests/regress/sql/*.sql through the regress runner on both, and stops both by PID.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
RUNNER=${REGRESS_RUNNER:?REGRESS_RUNNER must point at the regress runner}
HERE=$(cd "$(dirname "$0")" && pwd)
PGBIN=/usr/lib/postgresql/15/bin
DIR=$(mktemp -d /tmp/shardlite-regress-XXXXXX)
chmod 755 "$DIR"
SL_PID= PG_PID=
cleanup() {
	[[ -n "$SL_PID" ]] && kill "$SL_PID" 2>/dev/null && wait "$SL_PID" 2>/dev/null
	[[ -n "$PG_PID" ]] && kill -INT "$PG_PID" 2>/dev/null
	for _ in $(seq 100); do [[ -n "$PG_PID" ]] && kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
	rm -rf "$DIR"
}
trap cleanup EXIT

if [[ ! -x $PGBIN/postgres ]]; then
	echo "regress: PostgreSQL 15 is not installed ($PGBIN); scripts/deps test installs it" >&2
	exit 1
fi

# PostgreSQL refuses to run as root: its directory belongs to the postgres user.
as_pg=()
if ((EUID == 0)); then as_pg=(runuser -u postgres --); fi
mkdir "$DIR/pg"
((EUID == 0)) && chown postgres: "$DIR/pg"
"${as_pg[@]}" "$PGBIN/initdb" -D "$DIR/pg/data" -U postgres --auth=trust -E UTF8 --locale=C \
	>"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/log" -w start \
	-o "-c listen_addresses= -k $DIR/pg -c fsync=off -c TimeZone=UTC" >/dev/null
PG_PID=$(head -1 "$DIR/pg/data/postmaster.pid")
# Row-level security's files (31_rls_*.sql) give their tables to regress (ALTER TABLE ... OWNER
# TO regress) and run as it (SET ROLE regress): PostgreSQL's superuser bypasses every policy,
# regress is a plain owner there, as shardlite's session user (regress) is an owner.
"$PGBIN/psql" -X -q -h "$DIR/pg" -U postgres -d postgres -c "CREATE ROLE regress" >/dev/null

"$BIN" --data-dir "$DIR/sl" --listen '' --port 5432 --socket-dir "$DIR" 2>"$DIR/sl.log" &
SL_PID=$!
for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.5432" ]] && break; sleep 0.05; done

"$RUNNER" "host=$DIR/pg user=postgres" "host=$DIR user=regress options='-c TimeZone=UTC'" \
	"$HERE"/sql/*.sql
