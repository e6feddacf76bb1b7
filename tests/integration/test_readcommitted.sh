#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_readcommitted.sh: runs test_readcommitted (two-session READ COMMITTED scenarios) against
# shardlite and, when PostgreSQL 15 is installed, against a real one started here as
# tests/regress/run.sh starts it (its conninfo in RC_PG_CONNINFO), stopped by its PID.
set -euo pipefail

TEST=${RC_TEST_BIN:?RC_TEST_BIN must point at the test_readcommitted binary}
PGBIN=/usr/lib/postgresql/15/bin
if [[ ! -x $PGBIN/postgres ]]; then
	echo "test_readcommitted: PostgreSQL 15 is not installed: shardlite only" >&2
	exec "$TEST"
fi
DIR=$(mktemp -d /tmp/shardlite-rc-XXXXXX)
chmod 755 "$DIR"
PG_PID=
cleanup() {
	[[ -n "$PG_PID" ]] && kill -INT "$PG_PID" 2>/dev/null
	for _ in $(seq 100); do [[ -n "$PG_PID" ]] && kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
	rm -rf "$DIR"
}
trap cleanup EXIT

as_pg=()
if ((EUID == 0)); then as_pg=(runuser -u postgres --); fi
mkdir "$DIR/pg"
((EUID == 0)) && chown postgres: "$DIR/pg"
"${as_pg[@]}" "$PGBIN/initdb" -D "$DIR/pg/data" -U postgres --auth=trust -E UTF8 --locale=C \
	>"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/log" -w start \
	-o "-c listen_addresses= -k $DIR/pg -c fsync=off -c TimeZone=UTC" >/dev/null
PG_PID=$(head -1 "$DIR/pg/data/postmaster.pid")

RC_PG_CONNINFO="host=$DIR/pg user=postgres dbname=postgres" "$TEST"
