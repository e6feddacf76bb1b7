#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_crash.sh: durability under SIGKILL. Writers (psql, one process per transaction) commit
# pairs of rows into several tenants; each prints the pair's id only after psql reported the
# COMMIT. The server is killed with SIGKILL at a random moment, restarted on the same data
# directory, and after every round: each acknowledged pair is present, no pair is half there,
# and PRAGMA integrity_check is ok on every tenant file. CRASH_TENANTS=N runs N tenants with
# one writer each instead of three with two, CRASH_SETS adds server settings (the `crash_sync`
# test: more tenants than sync threads, so one thread flushes several tenants' WALs in turn).
# CRASH_PAD=N gives every row N bytes of padding (the `crash_big` test: commits of many WAL
# frames, larger than the buffer that gathers a transaction's WAL appends, shard_vfs.c).
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
ROUNDS=${CRASH_ROUNDS:-4}
TENANTS=(crash_a crash_b crash_c)
WRITERS_PER=2
if [[ -n "${CRASH_TENANTS:-}" ]]; then
	TENANTS=()
	for i in $(seq "$CRASH_TENANTS"); do TENANTS+=("crash_$i"); done
	WRITERS_PER=1
fi
read -r -a SETS <<<"${CRASH_SETS:-}"
PAD=${CRASH_PAD:-0}
DIR=$(mktemp -d /tmp/shardlite-crash-XXXXXX)
PID=
WRITERS=()
cleanup() {
	for w in "${WRITERS[@]}"; do kill "$w" 2>/dev/null || true; done
	if [[ -n "$PID" ]]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -20 "$DIR/log" >&2 || true; exit 1; }

start() {
	"$BIN" --data-dir "$DIR/data" --listen '' --port 5432 --socket-dir "$DIR" \
		${SETS[@]+"${SETS[@]}"} 2>>"$DIR/log" &
	PID=$!
	for _ in $(seq 200); do
		psql -X -q -h "$DIR" -d postgres -c "SELECT 1" >/dev/null 2>&1 && return 0
		sleep 0.05
	done
	fail "server did not start"
}

# One writer: transaction n inserts ('w-n', 1) and ('w-n', 2) into its tenant, then reports n.
writer() {
	local tenant=$1 w=$2 n=0
	while :; do
		n=$((n + 1))
		psql -X -q -h "$DIR" -d "$tenant" -v ON_ERROR_STOP=1 -c \
			"BEGIN; INSERT INTO pairs VALUES ('$w-$n', 1, repeat('x', $PAD));
			 INSERT INTO pairs VALUES ('$w-$n', 2, repeat('y', $PAD)); COMMIT;" \
			>/dev/null 2>&1 || return 0
		echo "$w-$n" >>"$DIR/acked.$tenant"
	done
}

start
for t in "${TENANTS[@]}"; do
	psql -X -q -h "$DIR" -d "$t" -v ON_ERROR_STOP=1 \
		-c "CREATE TABLE pairs (id text NOT NULL, half integer NOT NULL, pad text,
		    PRIMARY KEY (id, half))" \
		|| fail "create table in $t"
	: >"$DIR/acked.$t"
done

for round in $(seq "$ROUNDS"); do
	WRITERS=()
	for t in "${TENANTS[@]}"; do
		for k in $(seq "$WRITERS_PER"); do
			writer "$t" "r$round$k" &
			WRITERS+=($!)
		done
	done
	# Kill at a random moment once this round has had a commit acknowledged (a loaded
	# machine may take a while to get there), so every round tests acknowledged data.
	before=$(cat "$DIR"/acked.* | wc -l)
	for _ in $(seq 200); do
		(($(cat "$DIR"/acked.* | wc -l) > before)) && break
		sleep 0.05
	done
	sleep "0.$((RANDOM % 7 + 1))"
	kill -9 "$PID"
	wait "$PID" 2>/dev/null || true
	PID=
	for w in "${WRITERS[@]}"; do wait "$w" 2>/dev/null || true; done
	WRITERS=()

	for t in "${TENANTS[@]}"; do
		file=$(find "$DIR/data" -name "$t.db")
		[[ -n "$file" ]] || fail "no file for $t"
		# The file is read by the sqlite3 shell while no server runs: WAL recovery happens here.
		[[ $(sqlite3 "$file" "PRAGMA integrity_check") == ok ]] || fail "$t: integrity_check"
		half=$(sqlite3 "$file" "SELECT count(*) FROM (SELECT id FROM pairs GROUP BY id HAVING count(*) <> 2)")
		[[ "$half" == 0 ]] || fail "$t: $half half-applied transactions after round $round"
		sort -u "$DIR/acked.$t" >"$DIR/want"
		sqlite3 "$file" "SELECT DISTINCT id FROM pairs" | sort -u >"$DIR/have"
		missing=$(comm -23 "$DIR/want" "$DIR/have" | head -5)
		[[ -z "$missing" ]] || fail "$t: acknowledged commits lost after round $round: $missing"
	done
	start
done
total=$(cat "$DIR"/acked.* | wc -l)
((total > 0)) || fail "no transaction was acknowledged"
echo "crash: $ROUNDS SIGKILL rounds, $total acknowledged transactions all present, files intact"
