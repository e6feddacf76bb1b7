#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_guis.sh: what SQL GUIs (DBeaver, pgAdmin 4, DataGrip, TablePlus) send on connect and while
# browsing, run on shardlite and on a real PostgreSQL 15 this script starts, over the same schema;
# guis_diff.py compares the answers statement by statement (tests/integration/guis/*.sql).
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/pair.sh"
pair_start guis shop

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
