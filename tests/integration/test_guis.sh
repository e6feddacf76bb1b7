#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_guis.sh: what SQL GUIs (DBeaver, pgAdmin 4, DataGrip, TablePlus) send on connect and while
# browsing, run on shardlite and on a real PostgreSQL 15 this script starts, over the same schema;
# guis_diff.py compares the answers statement by statement (tests/integration/guis/*.sql).
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
HERE=$(cd "$(dirname "$0")" && pwd)
PGBIN=/usr/lib/postgresql/15/bin
[[ -x "$PGBIN/postgres" ]] || { echo "PostgreSQL 15 not installed: skipped"; exit 77; }
DIR=$(mktemp -d /tmp/shardlite-guis-XXXXXX)
chmod 777 "$DIR"
PID=
cleanup() {
	if [[ -n "$PID" ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
	if [[ -f "$DIR/pg/postmaster.pid" ]]; then
		kill "$(head -1 "$DIR/pg/postmaster.pid")" 2>/dev/null || true
		for _ in $(seq 50); do [[ -f "$DIR/pg/postmaster.pid" ]] || break; sleep 0.1; done
	fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; cat "$DIR/log" >&2 || true; exit 1; }
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
SPORT=$(port)
PPORT=$(port)

as_pg "$PGBIN/initdb" -D "$DIR/pg" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_pg "$PGBIN/postgres" -D "$DIR/pg" -k "$DIR" -p "$PPORT" -c listen_addresses=127.0.0.1 \
	-c fsync=off >"$DIR/pglog" 2>&1 &
"$BIN" --data-dir "$DIR/data" --listen 127.0.0.1 --port "$SPORT" --socket-dir '' 2>"$DIR/log" &
PID=$!
for _ in $(seq 100); do
	[[ -S "$DIR/.s.PGSQL.$PPORT" ]] && psql -X -h "$DIR" -p "$PPORT" -U postgres -c '' postgres \
		>/dev/null 2>&1 && break
	sleep 0.1
done
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE shop' postgres ||
	fail "PostgreSQL did not start"

export PGCONNECT_TIMEOUT=5 PGAPPNAME=guis
SL="-h 127.0.0.1 -p $SPORT -U postgres -d shop"
PG="-h $DIR -p $PPORT -U postgres -d shop"

# The schema a GUI browses: serial keys, a foreign key, a CHECK, unique, partial and expression
# indexes, a view, a sequence of its own, comments on table, column and sequence.
SCHEMA="
CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email varchar(120) UNIQUE,
  created date DEFAULT CURRENT_DATE);
CREATE TABLE orders (id bigserial PRIMARY KEY,
  customer_id int4 NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  total numeric(10,2) NOT NULL DEFAULT 0 CHECK (total >= 0), status varchar(20) DEFAULT 'new',
  placed timestamptz, note text);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_open_idx ON orders (placed) WHERE status = 'new';
CREATE INDEX customers_lower_name ON customers (lower(name));
CREATE VIEW big_orders AS SELECT id, customer_id, total FROM orders WHERE total > 100;
CREATE SEQUENCE invoice_seq START 1000 INCREMENT 10;
COMMENT ON TABLE customers IS 'people who buy';
COMMENT ON COLUMN customers.email IS 'contact address';
COMMENT ON SEQUENCE invoice_seq IS 'invoice numbers';
INSERT INTO customers (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', NULL);
INSERT INTO orders (customer_id, total, status) VALUES (1, 250, 'new'), (1, 12.5, 'paid'),
  (2, 99.99, 'new');"
echo "$SCHEMA" | psql -X -q -v ON_ERROR_STOP=1 $SL >/dev/null || fail "schema on shardlite"
echo "$SCHEMA" | psql -X -q -v ON_ERROR_STOP=1 $PG >/dev/null || fail "schema on PostgreSQL"

python3 "$HERE/guis_diff.py" "$SL" "$PG" "$HERE"/guis/*.sql || fail "GUI queries differ"
grep -q 'ASSERT' "$DIR/log" && fail "server asserted"
exit 0
