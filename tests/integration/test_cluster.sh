#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_cluster.sh: tenants managed with PostgreSQL's own tools — createdb and dropdb (also
# --force) under auto_create = off, psql -l and pg_database, and pg_dumpall (whole, -g, -l)
# of three tenants with tables, data, an enum and a sequence, restored with psql -f into a
# fresh server: every tenant's pg_dump output is then the original's.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
DIR=$(mktemp -d /tmp/shardlite-cluster-XXXXXX)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
	[[ -n "${KEEP:-}" ]] || rm -rf "$DIR"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; echo "--- server logs ---" >&2; cat "$DIR"/log* >&2 || true; exit 1; }

# start NAME PORT: a server with its own data directory and socket, auto_create off
start() {
	mkdir -p "$DIR/$1"
	"$BIN" --data-dir "$DIR/$1/data" --listen '' --port "$2" --socket-dir "$DIR/$1" \
		--set auto_create=off 2>"$DIR/log.$1" &
	PIDS+=($!)
	for _ in $(seq 100); do [[ -S "$DIR/$1/.s.PGSQL.$2" ]] && break; sleep 0.05; done
	[[ -S "$DIR/$1/.s.PGSQL.$2" ]] || fail "server $1 did not start"
}

PORT=$((20000 + RANDOM % 20000))
start a "$PORT"
start b $((PORT + 1))
export PGCONNECT_TIMEOUT=5 PGHOST="$DIR/a" PGPORT="$PORT"
sl() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
tenant_file() { find "$DIR/$1/data/tenants" -name "$2.db" | grep -q .; }

# ---- createdb / dropdb / psql -l ----
out=$(psql -X -d acme -c 'SELECT 1' 2>&1) && fail "acme reachable before createdb: $out"
for t in acme beta gamma; do createdb "$t" || fail "createdb $t"; done
tenant_file a acme || fail "createdb made no file"
out=$(createdb acme 2>&1) && fail "createdb acme twice: $out"
grep -q 'database "acme" already exists' <<<"$out" || fail "createdb twice: $out"
out=$(psql -X -l -A -t 2>&1) || fail "psql -l: $out"
for t in acme beta gamma postgres; do grep -q "^$t|" <<<"$out" || fail "psql -l has no $t: $out"; done
out=$(psql -X -A -t -d acme -c '\l+' 2>&1) || fail "\\l+: $out"
grep -Eq '^beta\|.*\|[0-9]+ (bytes|kB)\|pg_default\|' <<<"$out" || fail "psql -l+ has no size of beta: $out"
out=$(psql -X -A -t -d postgres -c 'SELECT string_agg(datname, $$,$$ ORDER BY datname) FROM pg_database')
[[ "$out" == "acme,beta,gamma,postgres" ]] || fail "pg_database in postgres: $out"

sl -d acme <<'SQL' || fail "fill acme"
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (id serial PRIMARY KEY, name text NOT NULL, feel mood);
INSERT INTO person (name, feel) VALUES ('ann', 'happy'), ('bob', 'sad');
CREATE SEQUENCE tickets START 100;
SELECT nextval('tickets');
SQL
sl -d beta <<'SQL' || fail "fill beta"
CREATE TABLE item (sku text PRIMARY KEY, price numeric(10,2), added date);
INSERT INTO item VALUES ('a-1', 9.50, '2024-01-02'), ('b-2', 12.00, NULL);
CREATE INDEX item_price ON item (price);
SQL
sl -d gamma <<'SQL' || fail "fill gamma"
CREATE TYPE color AS ENUM ('red', 'green');
CREATE TABLE note (id bigserial PRIMARY KEY, body text, c color DEFAULT 'red');
INSERT INTO note (body) VALUES ('first'), ('second');
SQL

# a session on gamma keeps it; dropdb --force ends the session
exec 7> >(psql -X -d gamma >"$DIR/held.out" 2>&1)
echo "SELECT 1;" >&7
sleep 0.5
sl -d postgres -c 'CREATE DATABASE scratch' || fail "create scratch"
exec 8> >(psql -X -d scratch >"$DIR/held2.out" 2>&1)
echo "SELECT 1;" >&8
sleep 0.5
out=$(dropdb scratch 2>&1) && fail "dropdb of a database in use: $out"
grep -q 'is being accessed by other users' <<<"$out" || fail "dropdb in use: $out"
tenant_file a scratch || fail "dropdb in use removed the file"
dropdb --force scratch || fail "dropdb --force"
tenant_file a scratch && fail "dropdb --force left the file"
echo "SELECT 2;" >&8 || true
exec 8>&-
sleep 0.3
grep -q 'terminating connection due to administrator command' "$DIR/held2.out" ||
	fail "the forced session: $(cat "$DIR/held2.out")"
out=$(dropdb scratch 2>&1) && fail "dropdb of a dropped database: $out"
grep -q 'database "scratch" does not exist' <<<"$out" || fail "dropdb missing: $out"
dropdb --if-exists scratch || fail "dropdb --if-exists"

# ---- pg_dumpall ----
pg_dumpall -f "$DIR/all.sql" || fail "pg_dumpall"
pg_dumpall -g -f "$DIR/globals.sql" || fail "pg_dumpall -g"
pg_dumpall --globals-only -l acme -f "$DIR/globals_l.sql" || fail "pg_dumpall -l acme -g"
grep -q "^CREATE ROLE $(id -un);" "$DIR/globals.sql" || fail "no role in -g: $(cat "$DIR/globals.sql")"
grep -q 'PASSWORD' "$DIR/globals.sql" && fail "a secret in the dump"
diff <(grep -v restrict "$DIR/globals.sql") <(grep -v restrict "$DIR/globals_l.sql") >/dev/null ||
	fail "-l acme dumps other globals"
for t in acme beta gamma; do
	grep -q "^CREATE DATABASE $t WITH TEMPLATE = template0" "$DIR/all.sql" || fail "no $t in pg_dumpall"
done
exec 7>&-

# restore into server b (auto_create off: the script's CREATE DATABASE makes the tenants)
psql -X -q -h "$DIR/b" -p $((PORT + 1)) -d postgres -f "$DIR/all.sql" >"$DIR/restore.out" 2>&1 ||
	fail "restore: $(cat "$DIR/restore.out")"
grep -q "role \"$(id -un)\" already exists" "$DIR/restore.out" ||
	fail "CREATE ROLE of a known user: $(cat "$DIR/restore.out")"
grep -q 'ALTER ROLE' "$DIR/restore.out" && fail "ALTER ROLE refused: $(cat "$DIR/restore.out")"
for t in acme beta gamma; do
	pg_dump -d "$t" | grep -v '^\\\(un\)\?restrict' >"$DIR/$t.a" || fail "pg_dump a $t"
	pg_dump -h "$DIR/b" -p $((PORT + 1)) -d "$t" | grep -v '^\\\(un\)\?restrict' >"$DIR/$t.b" ||
		fail "pg_dump b $t"
	diff -u "$DIR/$t.a" "$DIR/$t.b" || fail "$t differs after pg_dumpall and restore"
done
grep -q 'COPY public.person' "$DIR/acme.b" || fail "acme's data is not in its dump"
out=$(psql -X -A -t -h "$DIR/b" -p $((PORT + 1)) -d acme -c "SELECT nextval('tickets')")
[[ "$out" == "101" ]] || fail "sequence after restore: $out"

# ---- ALTER DATABASE ... RENAME TO, DROP DATABASE ----
sl -d postgres -c 'ALTER DATABASE beta RENAME TO delta' || fail "rename"
out=$(psql -X -A -t -d delta -c 'SELECT count(*) FROM item') || fail "delta: $out"
[[ "$out" == "2" ]] || fail "renamed tenant's rows: $out"
tenant_file a beta && fail "rename left beta's file"
dropdb delta || fail "dropdb delta"
out=$(psql -X -d delta -c 'SELECT 1' 2>&1) && fail "delta reachable after dropdb: $out"
grep -q 'does not exist' <<<"$out" || fail "connect after dropdb: $out"
echo "cluster: ok"
