#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_serial_crash.sh: a serial key's numbers held ahead (shard_serial.c) never repeat a
# committed one across SIGKILL. pgbench inserts into a bigserial table over the extended
# protocol (numbers taken from those held), the server is killed with SIGKILL while it runs,
# restarted on the same data directory; then the newest rows are deleted (their numbers were
# committed, so the sequence must not give them again), more rows are inserted, and every new
# key must be above every key committed before the kill; keys stay unique.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
ROUNDS=${SERIAL_CRASH_ROUNDS:-3}
DIR=$(mktemp -d /tmp/shardlite-serialcrash-XXXXXX)
PID= BENCH=
cleanup() {
	if [[ -n "$BENCH" ]]; then kill "$BENCH" 2>/dev/null || true; wait "$BENCH" 2>/dev/null || true; fi
	if [[ -n "$PID" ]]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -20 "$DIR/log" >&2 || true; exit 1; }
q() { psql -X -q -A -t -h "$DIR" -d serial_t -v ON_ERROR_STOP=1 -c "$1"; }

start() {
	"$BIN" --data-dir "$DIR/data" --listen '' --port 5432 --socket-dir "$DIR" 2>>"$DIR/log" &
	PID=$!
	for _ in $(seq 200); do
		psql -X -q -h "$DIR" -d postgres -c "SELECT 1" >/dev/null 2>&1 && return 0
		sleep 0.05
	done
	fail "server did not start"
}

start
q "CREATE TABLE m (id bigserial PRIMARY KEY, ch int, body text)" || fail "create table"
q "CREATE INDEX m_ch ON m (ch, id)" || fail "create index"
echo "INSERT INTO m (ch, body) VALUES (:client_id, 'x');" >"$DIR/insert.sql"
for round in $(seq "$ROUNDS"); do
	pgbench -n -M prepared -f "$DIR/insert.sql" -c 4 -T 10 -h "$DIR" serial_t \
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
	q "DELETE FROM m WHERE id > $top - 5" || fail "round $round: delete"
	pgbench -n -M prepared -f "$DIR/insert.sql" -c 2 -t 40 -h "$DIR" serial_t \
		>"$DIR/after.$round" 2>&1 || fail "round $round: inserts after restart"
	low=$(q "SELECT min(id) FROM m WHERE id > $top - 5") || fail "round $round: read new"
	((low > top)) || fail "round $round: key $low given again (committed up to $top)"
	dup=$(q "SELECT count(*) - count(DISTINCT id) FROM m")
	[[ $dup == 0 ]] || fail "round $round: $dup duplicate keys"
	new=$(q "SELECT count(*) FROM m WHERE id > $top")
	[[ $new == 80 ]] || fail "round $round: $new rows inserted after restart, want 80"
	echo "round $round: committed up to $top, new keys from $low"
done
q "SELECT 1" >/dev/null
echo "PASS"
