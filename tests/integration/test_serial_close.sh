#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_serial_close.sh: a serial key's numbers held ahead (shard_serial.c) are given back, not
# skipped, where PostgreSQL has no gap: the pool closing the tenant's last connection
# (max_open_tenants = 1: another tenant's use evicts it), that close meeting another process's
# write lock (numbers kept and written back at the next close), SIGTERM, COPY FROM, a sqlite3
# shell writing the file in between, and a number of a rolled-back transaction never given
# again; DROP CONSTRAINT of the key while numbers are held goes on from the last one given.
# The tenant file's sqlite_sequence row is read with the sqlite3 shell.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3 shell"; exit 77; }
DIR=$(mktemp -d /tmp/shardlite-serialclose-XXXXXX)
PID= LOCKER=
cleanup() {
	if [[ -n "$LOCKER" ]]; then kill "$LOCKER" 2>/dev/null || true; wait "$LOCKER" 2>/dev/null || true; fi
	if [[ -n "$PID" ]]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -20 "$DIR/log" >&2 || true; exit 1; }
q() { psql -X -q -A -t -h "$DIR" -d "$1" -v ON_ERROR_STOP=1 -c "$2"; }
# one row in its own transaction block (its COMMIT writes numbers ahead): prints its key
ins() { printf 'BEGIN;\nINSERT INTO m (v) VALUES (%s) RETURNING id;\nCOMMIT;\n' "$2" |
	psql -X -q -A -t -h "$DIR" -d "$1" -v ON_ERROR_STOP=1; }
evict() { q other "SELECT 1" >/dev/null; } # max_open_tenants = 1: closes serial_a's connections
seq_of() { sqlite3 "$FILE" "SELECT seq FROM sqlite_sequence WHERE name = 'm'"; }
# the row as the server left it once the close that follows a client's exit is done
seq_after_close() {
	local want=$1 got
	for _ in $(seq 100); do
		got=$(seq_of)
		[[ $got == "$want" ]] && break
		sleep 0.1
	done
	echo "$got"
}

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

start
q serial_a "CREATE TABLE m (id bigserial PRIMARY KEY, v int)" >/dev/null
FILE=$(find "$DIR/data" -name serial_a.db)
[[ -n "$FILE" ]] || fail "no tenant file"
expect "first" "$(ins serial_a 1)" 1
expect "second" "$(ins serial_a 2)" 2
expect "held ahead while open" "$(seq_of)" 33

# the last connection closes: the row goes back to the last number given
evict
expect "written back at close" "$(seq_after_close 2)" 2
expect "after the close" "$(ins serial_a 3)" 3

# a rolled-back number is not given again, and the close writes it as given
printf 'BEGIN;\nINSERT INTO m (v) VALUES (4) RETURNING id;\nROLLBACK;\n' |
	psql -X -q -A -t -h "$DIR" -d serial_a -v ON_ERROR_STOP=1 >/dev/null
expect "after a rollback" "$(ins serial_a 5)" 5
printf 'BEGIN;\nINSERT INTO m (v) VALUES (6) RETURNING id;\nROLLBACK;\n' |
	psql -X -q -A -t -h "$DIR" -d serial_a -v ON_ERROR_STOP=1 >/dev/null
evict
expect "rolled back, then closed" "$(seq_after_close 6)" 6
expect "after rollback and close" "$(ins serial_a 7)" 7

# another process holds the write lock at the close: the numbers stay held (no wait, no
# deadlock); the next close writes them back
python3 -c '
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
for _ in range(600):  # until told to let go (at most 60 s)
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.1)
c.execute("ROLLBACK")
' "$FILE" "$DIR/locked" "$DIR/release" &
LOCKER=$!
for _ in $(seq 200); do [[ -e "$DIR/locked" ]] && break; sleep 0.05; done
[[ -e "$DIR/locked" ]] || fail "the locker did not take the write lock"
evict
sleep 1 # the close follows the client's exit
touch "$DIR/release"
wait "$LOCKER"
LOCKER=
expect "kept while the lock was busy" "$(seq_of)" 39
expect "after a busy close" "$(ins serial_a 8)" 8
evict
expect "written back at the next close" "$(seq_after_close 8)" 8

# a sqlite3 shell writes in between: the server notices and never gives its key again
expect "held again" "$(ins serial_a 9)" 9
sqlite3 "$FILE" "INSERT INTO m (v) VALUES (100)"
shell_id=$(sqlite3 "$FILE" "SELECT max(id) FROM m")
expect "the shell's key" "$shell_id" 42
expect "after the shell" "$(ins serial_a 10)" 43
expect "unique" "$(q serial_a "SELECT count(*) - count(DISTINCT id) FROM m")" 0

# COPY FROM goes on from the last number given
printf '11\n12\n' | psql -X -q -h "$DIR" -d serial_a -v ON_ERROR_STOP=1 \
	-c "COPY m (v) FROM STDIN" || fail "copy"
expect "copied keys" "$(q serial_a "SELECT string_agg(id::text, ',' ORDER BY id) FROM m WHERE v IN (11, 12)")" "44,45"
expect "after COPY" "$(ins serial_a 13)" 46

# SIGTERM writes the row back; a restart goes on from it
kill -TERM "$PID"
wait "$PID" || true
PID=
expect "written back at shutdown" "$(seq_of)" 46
start
expect "after a restart" "$(ins serial_a 14)" 47

# DROP CONSTRAINT of the key while numbers are held (shard_serialkey.c): its sequence, now
# the sidecar's, goes on from the last number given, not from the row; a close writes no row
expect "held before the drop" "$(seq_of)" 79
q serial_a "ALTER TABLE m DROP CONSTRAINT m_pkey" >/dev/null
expect "the row goes with the key" "$(seq_of)" ""
expect "after the drop" "$(ins serial_a 15)" 48
evict
sleep 0.5 # the close follows the client's exit
expect "no row written at the close" "$(seq_of)" ""
expect "after the drop and a close" "$(ins serial_a 16)" 49
expect "rows" "$(q serial_a "SELECT count(*) FROM m")" 15
grep -q 'ASSERT' "$DIR/log" && fail "assertion in the log"
echo "PASS"
