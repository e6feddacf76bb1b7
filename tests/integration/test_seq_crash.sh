#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_seq_crash.sh: a sequence's numbers held ahead (shard_seq.c) never repeat a committed
# one across SIGKILL. pgbench inserts rows numbered by nextval of a CREATE SEQUENCE, in
# autocommit inserts and in transactions that take the number first (SELECT nextval, then
# INSERT), the server is killed with SIGKILL while it runs and restarted on the same data
# directory: every number given after the restart is above every number committed before.
# First, where PostgreSQL has no gap there is none: the numbers held are put back to the last
# one given when the tenant's last connection closes (max_open_tenants = 1: another tenant's
# use evicts it) and at SIGTERM; a number of a rolled-back transaction is not given again.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
ROUNDS=${SEQ_CRASH_ROUNDS:-3}
DIR=$(mktemp -d /tmp/shardlite-seqcrash-XXXXXX)
PID= BENCH=
cleanup() {
	if [[ -n "$BENCH" ]]; then kill "$BENCH" 2>/dev/null || true; wait "$BENCH" 2>/dev/null || true; fi
	if [[ -n "$PID" ]]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -20 "$DIR/log" >&2 || true; exit 1; }
q() { psql -X -q -A -t -h "$DIR" -d seq_t -v ON_ERROR_STOP=1 -c "$1"; }

start() {
	"$BIN" --data-dir "$DIR/data" --listen '' --port 5432 --socket-dir "$DIR" \
		--set max_open_tenants=1 2>>"$DIR/log" &
	PID=$!
	for _ in $(seq 200); do
		psql -X -q -h "$DIR" -d postgres -c "SELECT 1" >/dev/null 2>&1 && return 0
		sleep 0.05
	done
	fail "server did not start"
}

expect() { [[ "$2" == "$3" ]] || fail "$1: got '$2', want '$3'"; }
row() { sqlite3 "$(find "$DIR/data" -name seq_t.db)" "SELECT last_value || ',' || is_called FROM _shardlite_sequences WHERE name = 's'"; }
row_after_close() { # the row once the close that follows the eviction is done
	local got
	for _ in $(seq 100); do
		got=$(row)
		[[ "$got" == "$1" ]] && break
		sleep 0.05
	done
	echo "$got"
}

start
q "CREATE SEQUENCE s" || fail "create sequence"
expect "first" "$(q "SELECT nextval('s')")" 1
expect "written ahead" "$(row)" "33,1"
expect "rolled back" "$(q "BEGIN; SELECT nextval('s'); ROLLBACK" | tail -1)" 2
psql -X -q -h "$DIR" -d other -c "SELECT 1" >/dev/null || fail "evict"
expect "put back at close" "$(row_after_close "2,1")" "2,1"
expect "after the close" "$(q "SELECT nextval('s')")" 3
kill -TERM "$PID"
wait "$PID" || true
PID=
expect "put back at shutdown" "$(row)" "3,1"
start
expect "after a restart" "$(q "SELECT nextval('s')")" 4
q "SELECT setval('s', 1000)" >/dev/null
q "CREATE TABLE m (id bigint PRIMARY KEY, ch int)" || fail "create table"
echo "INSERT INTO m VALUES (nextval('s'), :client_id);" >"$DIR/auto.sql"
cat >"$DIR/txn.sql" <<'SQL'
BEGIN;
SELECT nextval('s') AS n \gset
INSERT INTO m VALUES (:n, :client_id);
COMMIT;
SQL
for round in $(seq "$ROUNDS"); do
	pgbench -n -f "$DIR/auto.sql" -f "$DIR/txn.sql" -c 4 -T 10 -h "$DIR" seq_t \
		>"$DIR/bench.$round" 2>&1 &
	BENCH=$!
	for _ in $(seq 200); do # until this round has committed rows, then a moment more
		[[ $(q "SELECT count(*) FROM m" 2>/dev/null || echo 0) -gt $((round * 50)) ]] && break
		sleep 0.05
	done
	sleep "0.$((RANDOM % 5))"
	kill -9 "$PID"
	wait "$PID" 2>/dev/null || true
	PID=
	wait "$BENCH" 2>/dev/null || true
	BENCH=
	start
	top=$(q "SELECT max(id) FROM m") || fail "round $round: read max"
	[[ -n "$top" ]] || fail "round $round: no rows survived"
	next=$(q "SELECT nextval('s')") || fail "round $round: nextval"
	((next > top)) || fail "round $round: nextval $next given again (committed up to $top)"
	echo "round $round: committed up to $top, next $next"
done
echo "PASS"
