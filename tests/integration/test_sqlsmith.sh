#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_sqlsmith.sh: robustness under random SQL. sqlsmith (Debian package sqlsmith) reads the
# tenant's pg_catalog (types, tables, operators, functions, aggregates) and sends random, deeply
# nested queries over a tenant holding tables of many column types and a view, each in
# BEGIN ... ROLLBACK under statement_timeout 1s. A fixed seed and query count keep the run
# deterministic and bounded. Afterwards: the server still answers, no answer was an internal
# error (XX000, which the server logs) or SQLite's raw wording, and the server log holds no
# ASSERT or sanitizer report (the ASan+UBSan build makes the run a memory check).
# SQLSMITH_SEED / SQLSMITH_QUERIES override the seed (default 7) and the count (default 2000).
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
SEED=${SQLSMITH_SEED:-7}
QUERIES=${SQLSMITH_QUERIES:-2000}
HERE=$(cd "$(dirname "$0")" && pwd)
if ! command -v sqlsmith >/dev/null 2>&1; then
	echo "SKIP: sqlsmith is not installed (Debian: apt-get install sqlsmith)"
	exit 77
fi

DIR=$(mktemp -d /tmp/shardlite-sqlsmith-XXXXXX)
PID=
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() {
	echo "FAIL: $*" >&2
	tail -30 "$DIR/log" >&2 || true
	exit 1
}

"$BIN" --data-dir "$DIR/data" --listen '' --port 5432 --socket-dir "$DIR" 2>"$DIR/log" &
PID=$!
for _ in $(seq 200); do [[ -S "$DIR/.s.PGSQL.5432" ]] && break; sleep 0.05; done
[[ -S "$DIR/.s.PGSQL.5432" ]] || fail "server did not start"

psql -X -q -h "$DIR" -d smith -v ON_ERROR_STOP=1 -f "$HERE/sqlsmith_schema.sql" >"$DIR/schema.out" 2>&1 ||
	{ cat "$DIR/schema.out" >&2; fail "creating the tenant's tables"; }

# sqlsmith prints each error's first line with a count when it ends (stderr, with --verbose).
rc=0
timeout 300 sqlsmith --target="host=$DIR port=5432 dbname=smith" --seed="$SEED" \
	--max-queries="$QUERIES" --verbose >"$DIR/sqlsmith.out" 2>"$DIR/sqlsmith.err" || rc=$?
# sqlsmith exits non-zero when it loses its connection (a crashed server) or times out.
if ((rc != 0)); then
	tail -40 "$DIR/sqlsmith.err" >&2
	fail "sqlsmith exited with $rc"
fi
grep -q "^queries: $QUERIES\$" "$DIR/sqlsmith.err" || { tail -40 "$DIR/sqlsmith.err" >&2; fail "sqlsmith did not finish"; }

kill -0 "$PID" 2>/dev/null || fail "the server is gone"
[[ $(psql -X -At -h "$DIR" -d smith -c "SELECT count(*) FROM kinds") == 3 ]] ||
	fail "the server does not answer after the run"
[[ $(psql -X -At -h "$DIR" -d other -c "SELECT 1") == 1 ]] || fail "another tenant is not served"

# SQLite's own wording in an answer means an error went out without a PostgreSQL SQLSTATE.
# ("malformed" as SQLite says it: PostgreSQL's own 22P02 "malformed ... literal" is no sign.)
raw='no such (column|table|function)|SQL logic error|unrecognized token|misuse|'
raw+='malformed (database|JSON|MATCH)|image is malformed|'
raw+='near "[^"]*": syntax error|SQLITE_|sqlite3?_|NOT NULL constraint failed|UNIQUE constraint failed'
if grep -E "$raw" "$DIR/sqlsmith.err" >&2; then fail "SQLite's raw error text reached a client"; fi
if grep -E "internal error XX000" "$DIR/log" >&2; then fail "internal errors (XX000)"; fi
if grep -E "ASSERT|AddressSanitizer|LeakSanitizer|runtime error:" "$DIR/log" >&2; then
	fail "assertion or sanitizer report"
fi

kill "$PID"
wait "$PID" 2>/dev/null || true
PID=
if grep -E "AddressSanitizer|LeakSanitizer|runtime error:" "$DIR/log" >&2; then fail "sanitizer report at exit"; fi
grep -E "^(error rate|queries):" "$DIR/sqlsmith.err"
echo "sqlsmith: seed $SEED, $QUERIES queries; server alive, no XX000, no raw SQLite errors"
