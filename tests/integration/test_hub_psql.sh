#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_hub_psql.sh: psql connected to database postgres, which names no default tenant
# (no_tenant_databases): \dn lists the tenants as schemas, `SET search_path TO acme` lets
# \dt acme.* and \d show acme's tables, \dt beta.* and \d beta.t show a tenant not on the
# search path, and a prefix reaches any tenant.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
DIR=$(mktemp -d /tmp/shardlite-hub-XXXXXX)
PID=
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; echo "--- server log ---" >&2; cat "$DIR/log" >&2 || true; exit 1; }

. "$(dirname "$0")/free_port.sh"
PORT=$(free_port)
"$BIN" --data-dir "$DIR/data" --listen 127.0.0.1 --port "$PORT" --socket-dir "$DIR" 2>"$DIR/log" &
PID=$!
for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.$PORT" ]] && break; sleep 0.05; done
[[ -S "$DIR/.s.PGSQL.$PORT" ]] || fail "server did not start"

export PGCONNECT_TIMEOUT=5
sl() { psql -X -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" "$@"; }

sl -q -d acme -c "CREATE TABLE orders (id int PRIMARY KEY, item text)" \
	-c "INSERT INTO orders VALUES (1, 'apple')" >/dev/null || fail "acme"
sl -q -d beta -c "CREATE TABLE stock (id int PRIMARY KEY, n int)" \
	-c "INSERT INTO stock VALUES (1, 10)" >/dev/null || fail "beta"

out=$(sl -d postgres -c '\dn' 2>&1) || fail "\\dn: $out"
grep -Eq '^ acme +\| pg_database_owner$' <<<"$out" || fail "\\dn has no acme: $out"
grep -Eq '^ beta +\| pg_database_owner$' <<<"$out" || fail "\\dn has no beta: $out"
grep -q 'public' <<<"$out" && fail "\\dn lists public: $out"

out=$(sl -d postgres -c 'SET search_path TO acme' -c '\dt acme.*' -c '\d orders' 2>&1) ||
	fail "\\dt acme.*: $out"
grep -Eq '^ acme +\| orders \| table \|' <<<"$out" || fail "\\dt acme.* has no orders: $out"
grep -q 'Table "acme.orders"' <<<"$out" || fail "\\d orders: $out"
grep -q 'stock' <<<"$out" && fail "beta's table among acme's: $out"

# a tenant not on the search path, named by schema: \dt beta.* and \d beta.stock describe it
# (the catalog query runs on beta's connection), with search_path empty or naming acme
out=$(sl -d postgres -c '\dt beta.*' -c '\d beta.stock' -c 'SET search_path TO acme' \
	-c '\dt beta.*' -c '\d beta.stock' -c '\dt' 2>&1) || fail "\dt beta.*: $out"
[[ $(grep -Ec '^ beta +\| stock +\| table \|' <<<"$out") == 2 ]] || fail "\dt beta.*: $out"
[[ $(grep -c 'Table "beta.stock"' <<<"$out") == 2 ]] || fail "\d beta.stock: $out"
[[ $(grep -Ec '^ n +\| integer' <<<"$out") == 2 ]] || fail "\d beta.stock columns: $out"
grep -Eq '^ acme +\| orders \| table \|' <<<"$out" || fail "\dt after beta's: $out"
grep -Eq '^ acme +\| stock' <<<"$out" && fail "beta's table listed as acme's: $out"

out=$(sl -At -d postgres -c "SELECT o.item || ':' || s.n FROM acme.orders o JOIN beta.stock s USING (id)" \
	2>&1) || fail "join: $out"
[[ "$out" == "apple:10" ]] || fail "join gave: $out"

out=$(sl -d postgres -v VERBOSITY=verbose -c "CREATE TABLE nowhere (a int)" 2>&1 || true)
grep -q '3F000' <<<"$out" || fail "CREATE without a tenant: $out"
echo "ok"
