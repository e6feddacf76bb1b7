#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_schemas_psql.sh: psql's describe commands over schemas made inside a tenant (CREATE
# SCHEMA; docs/sql-compat.md, "Schemas inside a tenant") print the same on shardlite and on a
# real PostgreSQL 15 this script starts: \dn, \dt s.*, \d s.t, and \dt after SET search_path.
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/pair.sh"
pair_start schemas acme

export PGCONNECT_TIMEOUT=5
on_sl() { psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d acme "$@"; }
on_pg() { psql -X -h "$DIR" -p "$PPORT" -U postgres -d acme "$@"; }

SCHEMA="
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS audit;
CREATE TABLE app.users (id serial PRIMARY KEY, email varchar(100) UNIQUE NOT NULL);
CREATE TABLE audit.events (id bigint PRIMARY KEY, user_id int REFERENCES app.users (id),
  at timestamptz DEFAULT now());
CREATE INDEX events_user ON audit.events (user_id);
CREATE VIEW app.emails AS SELECT id, email FROM app.users;
CREATE TABLE plain (id int PRIMARY KEY);"
echo "$SCHEMA" | on_sl -q -v ON_ERROR_STOP=1 >/dev/null || fail "schema on shardlite"
echo "$SCHEMA" | on_pg -q -v ON_ERROR_STOP=1 >/dev/null || fail "schema on PostgreSQL"

for cmd in '\dn' '\dt app.*' '\dt audit.*' '\dt a*.*' '\d app.users' '\d audit.events' \
	'\di audit.*' '\dv app.*' '\dt' 'SET search_path TO app, public; \dt' \
	'SET search_path TO audit, app; \d events' 'SELECT current_schemas(true)'; do
	want=$(on_pg -c "$cmd" 2>&1 || true)
	got=$(on_sl -c "$cmd" 2>&1 || true)
	[[ "$got" == "$want" ]] || fail "$cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "schemas psql integration: ok"
