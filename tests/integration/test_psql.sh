#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_psql.sh: the first-user story with real clients — psql over TCP and the Unix socket
# creates a tenant and its rows, the sqlite3 shell reads them from the tenant's file, and a
# second server on a taken port refuses to start with a plain message; reindexdb, vacuumdb and
# pg_isready run against a tenant.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
DIR=$(mktemp -d /tmp/shardlite-psql-XXXXXX)
PID=
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; echo "--- server log ---" >&2; cat "$DIR/log" >&2 || true; exit 1; }

# A free TCP port on loopback.
. "$(dirname "$0")/free_port.sh"
PORT=$(free_port)

"$BIN" --data-dir "$DIR/data" --listen 127.0.0.1 --port "$PORT" --socket-dir "$DIR" 2>"$DIR/log" &
PID=$!
for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.$PORT" ]] && break; sleep 0.05; done
[[ -S "$DIR/.s.PGSQL.$PORT" ]] || fail "server did not start"

export PGCONNECT_TIMEOUT=5
psql_tcp() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U anyone -d acme "$@"; }

out=$(psql_tcp -c "CREATE TABLE items (id int4 PRIMARY KEY, name text, qty bigint, ok boolean)" \
	-c "INSERT INTO items VALUES (1, 'apple', 3, true), (2, 'pear', 5, false), (3, 'fig', 7, true)" \
	-c "UPDATE items SET qty = qty + 1 WHERE ok" \
	-c "DELETE FROM items WHERE id = 2" \
	-c "SELECT id, name, qty, ok FROM items ORDER BY id" 2>&1 | tr -s ' ' ) || fail "psql: $out"
# -q hides tags; run again without it to see them.
tags=$(psql -X -h 127.0.0.1 -p "$PORT" -d acme -c "INSERT INTO items VALUES (4, 'kiwi', 1, false), (5, 'lime', 2, true), (6, 'plum', 3, true)" \
	-c "UPDATE items SET qty = 0 WHERE id IN (4, 5)" -c "DELETE FROM items WHERE id = 6" \
	-c "SELECT * FROM items" 2>&1) || fail "psql tags: $tags"
grep -q '^INSERT 0 3$' <<<"$tags" || fail "no INSERT 0 3 tag in: $tags"
grep -q '^UPDATE 2$' <<<"$tags" || fail "no UPDATE 2 tag in: $tags"
grep -q '^DELETE 1$' <<<"$tags" || fail "no DELETE 1 tag in: $tags"
grep -q '(4 rows)' <<<"$tags" || fail "no (4 rows) in: $tags"
grep -q ' 1 | apple | 4 | t' <<<"$out" || fail "unexpected rows: $out"

# The Unix socket reaches the same tenant.
n=$(psql -X -At -h "$DIR" -p "$PORT" -d acme -c "SELECT count(*) FROM items") || fail "unix socket"
[[ "$n" == "4" ]] || fail "expected 4 rows over the Unix socket, got $n"

# Large objects made with the server-side functions: psql's \lo_list lists them with their
# comments (its query reads pg_largeobject_metadata and obj_description); \lo_import,
# \lo_export and \lo_unlink go through libpq's lo_* API (the FunctionCall message).
lo=$(psql_tcp -At -c "SELECT lo_from_bytea(424242, 'large')" -c "COMMENT ON LARGE OBJECT 424242 IS 'psql sees it'" \
	-c '\lo_list' 2>&1) || fail "\lo_list: $lo"
grep -q '^424242|.*|psql sees it$' <<<"$lo" || fail "\lo_list does not show the object: $lo"
n=$(psql -X -At -h "$DIR" -p "$PORT" -d acme -c "SELECT convert_from(lo_get(424242), 'UTF8')" -c "SELECT lo_unlink(424242)") ||
	fail "lo_get over the Unix socket"
[[ "$n" == $'large\n1' ]] || fail "expected large and 1, got $n"

printf 'line one\nline two\n' >"$DIR/lo_in.txt"
psql_lo() { psql -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -d acme "$@"; } # not -q: the tags
lo=$(psql_lo -c "\\lo_import '$DIR/lo_in.txt' 'imported'" 2>&1) || fail "\lo_import: $lo"
oid=$(sed -n 's/^lo_import \([0-9]*\)$/\1/p' <<<"$lo")
[[ -n "$oid" ]] || fail "\lo_import said: $lo"
lo=$(psql_lo -c "\\lo_export $oid '$DIR/lo_out.txt'" -c '\lo_list' -c "\\lo_unlink $oid" \
	-c "SELECT count(*) FROM pg_largeobject_metadata" 2>&1) || fail "\lo_export: $lo"
cmp -s "$DIR/lo_in.txt" "$DIR/lo_out.txt" || fail "\lo_export wrote something else"
grep -q "^$oid|.*|imported$" <<<"$lo" || fail "\lo_list does not show the import: $lo"
grep -q "^lo_unlink $oid$" <<<"$lo" || fail "no lo_unlink: $lo"
[[ "$(tail -1 <<<"$lo")" == "0" ]] || fail "the object is still there: $lo"

# pg_stat_activity shows a TCP client's address and port (as accept gave them), a Unix one's
# as NULL and -1, as PostgreSQL does.
a=$(psql -X -At -h 127.0.0.1 -p "$PORT" -d acme -c "SELECT client_addr, client_port > 0 FROM pg_stat_activity WHERE pid = pg_backend_pid()") ||
	fail "client_addr over TCP"
[[ "$a" == "127.0.0.1|t" ]] || fail "expected 127.0.0.1|t over TCP, got $a"
a=$(psql -X -At -h "$DIR" -p "$PORT" -d acme -c "SELECT client_addr IS NULL, client_port FROM pg_stat_activity WHERE pid = pg_backend_pid()") ||
	fail "client_addr over the Unix socket"
[[ "$a" == "t|-1" ]] || fail "expected t|-1 over the Unix socket, got $a"

# The rows live in an ordinary SQLite file under the data directory.
file=$(find "$DIR/data" -name 'acme.db')
[[ -n "$file" ]] || fail "no acme.db under $DIR/data"
rows=$(sqlite3 "$file" "SELECT id || ':' || name || ':' || qty FROM items ORDER BY id" | tr '\n' ' ')
[[ "$rows" == "1:apple:4 3:fig:8 4:kiwi:0 5:lime:0 " ]] || fail "sqlite3 sees: $rows"
[[ $(sqlite3 "$file" "PRAGMA journal_mode") == "wal" ]] || fail "tenant file is not in WAL mode"

# An error reaches psql with its SQLSTATE.
err=$(psql -X -h 127.0.0.1 -p "$PORT" -d acme -v VERBOSITY=verbose -c "SELECT * FROM nope" 2>&1 || true)
grep -q '42P01' <<<"$err" || fail "expected 42P01, got: $err"

# An autocommit INSERT whose deferred key fails at its commit shows only the ERROR, as
# PostgreSQL's (it commits before the CommandComplete).
psql_tcp -c "CREATE TABLE dk (k int UNIQUE DEFERRABLE INITIALLY DEFERRED)" \
	-c "INSERT INTO dk VALUES (1)" || fail "deferred key table"
err=$(psql -X -h 127.0.0.1 -p "$PORT" -d acme -c "INSERT INTO dk VALUES (1)" 2>&1 || true)
grep -q '^ERROR:  duplicate key value violates unique constraint "dk_k_key"' <<<"$err" ||
	fail "expected the 23505 error, got: $err"
grep -q 'INSERT 0' <<<"$err" && fail "a tag before the commit's error: $err"
# psql drops RETURNING's row once the error follows it: PostgreSQL 15's psql shows only these
want='ERROR:  duplicate key value violates unique constraint "dk_k_key"
DETAIL:  Key (k)=(1) already exists.'
err=$(psql -X -At -h 127.0.0.1 -p "$PORT" -d acme -c "INSERT INTO dk VALUES (1) RETURNING k" 2>&1 || true)
[[ "$err" == "$want" ]] || fail "RETURNING with a failed commit shows: $err"
[[ $(psql -X -At -h 127.0.0.1 -p "$PORT" -d acme -c "SELECT count(*) FROM dk") == "1" ]] ||
	fail "the failed inserts were kept"

# PostgreSQL's maintenance commands run against a tenant: reindexdb, vacuumdb, pg_isready.
PGBIN=/usr/lib/postgresql/15/bin
psql_tcp -c "CREATE INDEX items_name_idx ON items (name)" || fail "create index"
for cmd in "reindexdb -d acme" "reindexdb -d acme -t items" "reindexdb -d acme -i items_name_idx" \
	"vacuumdb -d acme" "vacuumdb -z -d acme -t items" "pg_isready -d acme"; do
	# shellcheck disable=SC2086
	out=$("$PGBIN"/$cmd -h 127.0.0.1 -p "$PORT" 2>&1) || fail "$cmd: $out"
done
n=$(psql -X -At -h 127.0.0.1 -p "$PORT" -d acme -c "SELECT count(*) FROM items WHERE name > ''") ||
	fail "after maintenance"
[[ "$n" == "4" ]] || fail "expected 4 rows after reindexdb/vacuumdb, got $n"

# A second server on the same port says so plainly and exits non-zero.
set +e
msg=$("$BIN" --data-dir "$DIR/data2" --listen 127.0.0.1 --port "$PORT" --socket-dir '' 2>&1)
rc=$?
set -e
[[ $rc -ne 0 ]] || fail "second server on a taken port exited 0"
grep -qi 'address already in use' <<<"$msg" || fail "unclear port-taken message: $msg"

# SIGTERM stops the server cleanly.
kill -TERM "$PID"
wait "$PID" || fail "server exited non-zero after SIGTERM"
PID=
grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "psql integration: ok"
