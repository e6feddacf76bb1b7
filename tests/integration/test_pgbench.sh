#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_pgbench.sh: pgbench against a tenant. `init`: pgbench -i --foreign-keys (COPY, ADD
# PRIMARY KEY, ADD FOREIGN KEY, VACUUM, TRUNCATE) gives PostgreSQL's row counts, a second -i
# starts afresh, and one client runs TPC-B in the simple, extended and prepared modes plus -S
# with zero failures and balances that add up. `concurrent`: pgbench -i -s 10, then eight
# clients for ten seconds (-T 10 -c 8) in each mode and -S, with zero failures and balances
# that add up after each run.
set -euo pipefail

MODE=${1:?usage: test_pgbench.sh init|concurrent}
BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
DIR=$(mktemp -d /tmp/shardlite-pgbench-XXXXXX)
PID=
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- server log (tail) ---" >&2; tail -20 "$DIR/log" >&2 || true; exit 1; }

"$BIN" --data-dir "$DIR/data" --listen '' --port 5432 --socket-dir "$DIR" 2>"$DIR/log" &
PID=$!
for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.5432" ]] && break; sleep 0.05; done
[[ -S "$DIR/.s.PGSQL.5432" ]] || fail "server did not start"

export PGHOST=$DIR PGPORT=5432 PGUSER=bench
q() { psql -X -At -d bench -c "$1"; }

# pgbench -i at scale $SCALE (default 1) with the given options; checks the row counts.
init() {
	local scale=${SCALE:-1}
	pgbench -i -s "$scale" -q "$@" bench >"$DIR/init.out" 2>&1 || fail "pgbench -i: $(cat "$DIR/init.out")"
	[[ $(q "select count(*) from pgbench_accounts") == $((scale * 100000)) ]] || fail "accounts count"
	[[ $(q "select count(*) from pgbench_tellers") == $((scale * 10)) ]] || fail "tellers count"
	[[ $(q "select count(*) from pgbench_branches") == "$scale" ]] || fail "branches count"
	[[ $(q "select count(*) from pgbench_history") == 0 ]] || fail "history not empty"
	# The primary keys exist and are enforced.
	err=$(psql -X -d bench -c "insert into pgbench_accounts (aid, bid, abalance) values (1, 1, 0)" 2>&1 || true)
	grep -q 'duplicate key value violates unique constraint "pgbench_accounts_pkey"' <<<"$err" ||
		fail "no primary key on pgbench_accounts: $err"
}

# sum(delta) of the history equals the change of every balance (all start at zero).
check_balances() {
	local h a b t
	h=$(q "select coalesce(sum(delta), 0) from pgbench_history")
	a=$(q "select sum(abalance) from pgbench_accounts")
	b=$(q "select sum(bbalance) from pgbench_branches")
	t=$(q "select sum(tbalance) from pgbench_tellers")
	[[ $h == "$a" && $h == "$b" && $h == "$t" ]] ||
		fail "balances do not add up: history $h accounts $a branches $b tellers $t"
	[[ $(q "select count(*) from pgbench_history") -gt 0 ]] || fail "no transactions recorded"
}

# Runs pgbench with the given arguments; checks it completed with zero failures.
run() {
	local out=$DIR/run.out
	if ! pgbench "$@" bench >"$out" 2>&1 || grep -q 'aborted' "$out"; then
		return 1
	fi
	grep -q 'number of failed transactions: 0 ' "$out" || return 1
}

case $MODE in
init)
	init --foreign-keys
	init --foreign-keys # a second -i drops the linked tables in one statement and starts afresh
	err=$(psql -X -d bench -c "insert into pgbench_history (tid, bid, aid, delta) values (1, 1, 999999, 0)" 2>&1 || true)
	grep -q '23503\|foreign key' <<<"$err" || fail "no foreign key on pgbench_history: $err"
	for m in simple extended prepared; do
		run -n -T 1 -c 1 -M "$m" || fail "pgbench -M $m: $(cat "$DIR/run.out")"
		check_balances
	done
	run -n -T 1 -c 1 -S || fail "pgbench -S: $(cat "$DIR/run.out")"
	# VACUUM, as pgbench sends it before a run, refuses a transaction block as PostgreSQL does.
	err=$(psql -X -d bench -v VERBOSITY=verbose -c "begin" -c "vacuum pgbench_branches" 2>&1 || true)
	grep -q '25001' <<<"$err" || fail "VACUUM inside a transaction block: $err"
	# Again over a filled history, which references the other tables: one DROP drops them all.
	init --foreign-keys
	echo "pgbench init and single-client runs: ok"
	;;
concurrent)
	# The issue's run: scale 10, eight clients for ten seconds in each protocol mode, then
	# select-only; zero failed transactions and balances that add up after each.
	SCALE=10 init
	for m in simple extended prepared; do
		run -n -T 10 -c 8 -j 2 -M "$m" || fail "pgbench -c 8 -M $m: $(cat "$DIR/run.out")"
		check_balances
	done
	run -n -T 10 -c 8 -j 2 -S || fail "pgbench -S -c 8: $(cat "$DIR/run.out")"
	echo "pgbench concurrent runs: ok"
	;;
*)
	fail "unknown mode $MODE"
	;;
esac

kill -TERM "$PID"
wait "$PID" || fail "server exited non-zero after SIGTERM"
PID=
grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
exit 0
