#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_tools.sh TOOL: a PostgreSQL tool Debian packages, run against shardlite and against a
# real PostgreSQL 15 this script starts, with what it leaves (rows loaded, screens, registry
# status) compared. TOOL: pgloader (a SQLite file and a CSV file into a tenant), pg_activity
# and pgtop (monitoring), sqitch (migrations), autodoc (postgresql_autodoc's dot, HTML and XML
# schema documents), pgmodeler (pgmodeler-cli's import into a model). Skipped when the tool's package is missing
# (scripts/deps installs them), check_postgres (the Nagios plugin's actions,
# tools_check_postgres.sh). docs/clients.md, "Tools", says what each one does here.
set -euo pipefail

TOOL=${1:?usage: test_tools.sh pgloader|pg_activity|pgtop|sqitch|autodoc|pgmodeler|check_postgres}
BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/pair.sh"

need() { command -v "$1" >/dev/null || { echo "$TOOL: $1 not installed (apt-get install $2): skipped"; exit 77; }; }
case $TOOL in
pgloader) need pgloader pgloader; need sqlite3 sqlite3 ;;
pg_activity) need pg_activity pg-activity; need script bsdutils ;;
pgtop) need pg_top pgtop ;;
sqitch) need sqitch sqitch ;;
autodoc) need postgresql_autodoc postgresql-autodoc ;;
pgmodeler) need pgmodeler-cli pgmodeler ;;
check_postgres) need check_postgres check-postgres ;;
*) echo "unknown tool $TOOL" >&2; exit 2 ;;
esac
pair_start "tools-$TOOL" shop TimeZone=UTC

export PGCONNECT_TIMEOUT=5 PGTZ=UTC
sl() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres -d shop "$@"; }
pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PPORT" -U postgres -d shop "$@"; }
same() { # what, expected file, actual file
	diff -u "$2" "$3" >"$DIR/diff" || { cat "$DIR/diff" >&2; fail "$1"; }
	echo "ok: $1"
}

# shellcheck source=tests/integration/tools_check_postgres.sh
. "$HERE/tools_check_postgres.sh"

# ---- pgloader: a SQLite tenant file, and a CSV file, loaded into a tenant ----
# pgloader names each index it builds idx_<table OID>_<name>; OIDs differ between servers.
describe() { "$@" -c '\d customers' -c '\d orders' | sed -E 's/idx_[0-9]+_/idx_OID_/g'; }
rows() { "$@" -A -c 'TABLE customers' -c 'TABLE orders ORDER BY id'; }

run_pgloader() {
	local src=$DIR/tenant.db
	sqlite3 "$src" <<'EOF'
CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE,
  name VARCHAR(40), score REAL, active BOOLEAN DEFAULT 1, born DATE, seen DATETIME, photo BLOB);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
  amount NUMERIC(10,2), note TEXT);
CREATE INDEX orders_customer ON orders (customer_id);
INSERT INTO customers (email, name, score, active, born, seen, photo) VALUES
  ('a@x.org', 'Ann', 1.5, 1, '2020-01-02', '2024-01-02 03:04:05', x'0102'),
  ('b@x.org', 'Bob', NULL, 0, NULL, NULL, NULL),
  ('c@x.org', 'Tab	and ''quote''', -2.25, 1, '1999-12-31', '2000-01-01 00:00:00', x'');
INSERT INTO orders VALUES (1, 1, 10.50, 'first'), (2, 1, 99.99, NULL), (3, 3, 0, 'back\slash');
EOF
	# Its sequence reset needs CREATE TEMP TABLE ... AS VALUES; a build without CREATE TABLE
	# AS loads with "reset no sequences", on both servers alike.
	local with=()
	if ! sl -c 'CREATE TEMP TABLE pgloader_probe (oid) AS VALUES (1)' >/dev/null 2>&1; then
		echo "CREATE TABLE AS is not in this build: pgloader runs with 'reset no sequences'"
		with=(--with "reset no sequences")
	fi
	for port in "$SPORT" "$PPORT"; do
		pgloader "${with[@]}" "sqlite://$src" "postgresql://postgres@127.0.0.1:$port/shop" \
			>"$DIR/pgloader.$port" 2>&1 || { cat "$DIR/pgloader.$port" >&2; fail "pgloader into $port"; }
		grep -q 'ERROR' "$DIR/pgloader.$port" && { cat "$DIR/pgloader.$port" >&2; fail "pgloader reported errors ($port)"; }
	done
	describe sl >"$DIR/sl.d"
	describe pg >"$DIR/pg.d"
	same "pgloader: the tables, keys, indexes and foreign key it made" "$DIR/pg.d" "$DIR/sl.d"
	rows sl >"$DIR/sl.rows"
	rows pg >"$DIR/pg.rows"
	same "pgloader: the rows it loaded" "$DIR/pg.rows" "$DIR/sl.rows"
	# every value came across: the source's own count and the sum of its amounts
	local want have
	want=$(sqlite3 "$src" "SELECT (SELECT count(*) FROM customers) || ' ' || (SELECT count(*) FROM orders) || ' ' || (SELECT printf('%.2f', sum(amount)) FROM orders)")
	have=$(sl -A -t -c "SELECT (SELECT count(*) FROM customers) || ' ' || (SELECT count(*) FROM orders) || ' ' || (SELECT sum(amount) FROM orders)")
	[[ $have == "$want" ]] || fail "pgloader: shardlite has '$have', the SQLite file '$want'"
	echo "ok: pgloader: counts and sums equal the SQLite file's ($want)"
	if ((${#with[@]} == 0)); then # the sequence reset: the next id follows the loaded ones
		sl -A -t -c "INSERT INTO customers (email) VALUES ('d@x.org') RETURNING id" >"$DIR/sl.id"
		pg -A -t -c "INSERT INTO customers (email) VALUES ('d@x.org') RETURNING id" >"$DIR/pg.id"
		same "pgloader: the serial continues after the loaded rows" "$DIR/pg.id" "$DIR/sl.id"
	fi

	printf 'id,name,amount,day\n1,Ann,10.50,2024-01-02\n2,"Bob, Jr.",,2024-02-03\n3,"Quote ""q""",0.01,\n' \
		>"$DIR/people.csv"
	for port in "$SPORT" "$PPORT"; do
		psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d shop \
			-c 'CREATE TABLE people (id int PRIMARY KEY, name text, amount numeric(8,2), day date)'
		pgloader --type csv --field "id,name,amount,day" --with "skip header = 1" \
			--with "fields terminated by ','" "$DIR/people.csv" \
			"postgresql://postgres@127.0.0.1:$port/shop?tablename=people" >"$DIR/csv.$port" 2>&1 ||
			{ cat "$DIR/csv.$port" >&2; fail "pgloader csv into $port"; }
		grep -q 'ERROR' "$DIR/csv.$port" && { cat "$DIR/csv.$port" >&2; fail "pgloader csv reported errors ($port)"; }
	done
	sl -A -c 'TABLE people ORDER BY id' >"$DIR/sl.csv"
	pg -A -c 'TABLE people ORDER BY id' >"$DIR/pg.csv"
	same "pgloader: a CSV file loaded into an existing table" "$DIR/pg.csv" "$DIR/sl.csv"
}

# ---- pg_activity: its data layer on both servers, then its screen on shardlite ----
run_pg_activity() {
	/usr/bin/python3 "$HERE/tools_pgactivity.py" "$SPORT" >"$DIR/sl.act" 2>&1 ||
		{ cat "$DIR/sl.act" >&2; fail "pg_activity's queries on shardlite"; }
	/usr/bin/python3 "$HERE/tools_pgactivity.py" "$PPORT" >"$DIR/pg.act" 2>&1 ||
		{ cat "$DIR/pg.act" >&2; fail "pg_activity's queries on PostgreSQL"; }
	same "pg_activity: sessions, activity, waiting, blocking, replication, temp files" \
		"$DIR/pg.act" "$DIR/sl.act"
	# The curses UI itself, one refresh a second, on a pseudo-terminal; q after 4 s. --output
	# appends the running queries it showed as CSV.
	psql -X -q -h 127.0.0.1 -p "$SPORT" -U postgres -d shop -c BEGIN -c 'SELECT 42 AS held' \
		-c '\! sleep 5' >/dev/null &
	local held=$!
	sleep 1
	(sleep 4; printf q) | timeout 20 script -qfec "stty cols 200 rows 50; TERM=xterm pg_activity \
		--output $DIR/act.csv -h 127.0.0.1 -p $SPORT -U postgres -d shop --refresh 1" \
		"$DIR/act.tty" >/dev/null 2>&1 || { tail -c 2000 "$DIR/act.tty" >&2; fail "pg_activity's screen"; }
	wait "$held"
	grep -q '"shop";"psql";"postgres";"127.0.0.1/32";.*;"idle in transaction";"SELECT 42 AS held"' \
		"$DIR/act.csv" || { cat "$DIR/act.csv" >&2; fail "pg_activity --output lacks the held session"; }
	# the screen without its terminal control sequences
	sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\x1b[()][B0]//g' "$DIR/act.tty" | tr -s '\r\n' '\n' \
		>"$DIR/act.txt"
	grep -q 'Sessions: 2/[0-9]* total ⋅ 1 active ⋅ 0 idle ⋅ 1 idle in txn' "$DIR/act.txt" ||
		{ tail -20 "$DIR/act.txt" >&2; fail "pg_activity's header lacks the sessions"; }
	echo "ok: pg_activity: its screen ran and listed the session idle in a transaction"
}

# ---- pg_top: batch mode, one display ----
run_pgtop() {
	psql -X -q -h 127.0.0.1 -p "$SPORT" -U postgres -d shop -c BEGIN -c 'SELECT 42 AS held' \
		-c '\! sleep 3' >/dev/null &
	local held=$!
	sleep 1
	timeout 20 pg_top -b -h 127.0.0.1 -p "$SPORT" -U postgres -d shop 1 >"$DIR/top" 2>&1 ||
		{ cat "$DIR/top" >&2; fail "pg_top"; }
	wait "$held"
	# its query of pg_stat_activity and pg_locks worked: both sessions, with their states
	grep -q '^2 processes: 1 active, 1 idle txn' "$DIR/top" || { cat "$DIR/top" >&2; fail "pg_top's summary"; }
	grep -Eq '^ +[0-9]+ postgres .* idltxn ' "$DIR/top" || { cat "$DIR/top" >&2; fail "pg_top's rows"; }
	echo "ok: pg_top: batch display of shardlite's sessions"
}

# ---- sqitch: a project deployed, verified, reverted and deployed again ----
# A tenant is a database, so the registry cannot be a schema beside the tables: it is a tenant
# of its own (sqitch_acme), the file of a session without a default tenant (database postgres)
# whose search_path names it; the change scripts name the tenant they change (:"tenant").
# On PostgreSQL the same commands use schemas sqitch_acme and acme of database shop.
sq() { # server (sl|pg), sqitch arguments...
	local target
	if [[ $1 == sl ]]; then target="db:pg://postgres@127.0.0.1:$SPORT/postgres"; else target="db:pg://postgres@127.0.0.1:$PPORT/shop"; fi
	shift
	(cd "$DIR/flipr" && PGOPTIONS="-c search_path=sqitch_acme" HOME="$DIR" timeout 60 \
		sqitch "$1" --registry sqitch_acme "${@:2}" "$target" 2>&1) |
		sed -E -e 's#db:pg://[^ ]*#TARGET#' -e 's/^(# Deployed: |Date: +).*/\1DATE/'
}

run_sqitch() {
	export SQITCH_USER_NAME=tester SQITCH_USER_EMAIL=tester@example.invalid
	mkdir "$DIR/flipr"
	(cd "$DIR/flipr" && HOME="$DIR" sqitch init flipr --engine pg >/dev/null &&
		HOME="$DIR" sqitch add users -n 'users table' >/dev/null &&
		HOME="$DIR" sqitch add flips --requires users -n 'flips table' >/dev/null)
	local f
	for f in users flips; do
		printf 'SET search_path TO :"tenant";\nBEGIN;\n%s\nCOMMIT;\n' \
			"$([[ $f == users ]] && echo 'CREATE TABLE users (nickname text PRIMARY KEY, password text NOT NULL, created timestamptz NOT NULL DEFAULT now());' ||
				echo 'CREATE TABLE flips (id bigserial PRIMARY KEY, nickname text NOT NULL REFERENCES users (nickname), body text NOT NULL DEFAULT '"''"' CHECK (length(body) <= 180));')" \
			>"$DIR/flipr/deploy/$f.sql"
		printf 'SET search_path TO :"tenant";\nBEGIN;\nDROP TABLE %s;\nCOMMIT;\n' "$f" >"$DIR/flipr/revert/$f.sql"
		printf 'SET search_path TO :"tenant";\nBEGIN;\nSELECT * FROM %s WHERE false;\nROLLBACK;\n' "$f" \
			>"$DIR/flipr/verify/$f.sql"
	done
	psql -X -q -h 127.0.0.1 -p "$SPORT" -U postgres -d postgres -c 'CREATE DATABASE acme' \
		-c 'CREATE DATABASE sqitch_acme'
	pg -c 'CREATE SCHEMA acme'
	local step n=0
	for step in "deploy --set tenant=acme" "status" "verify --set tenant=acme" \
		"revert -y --to @HEAD^ --set tenant=acme" "deploy --set tenant=acme" "log"; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		sq sl $step >"$DIR/sl.sq$n"
		# shellcheck disable=SC2086
		sq pg $step >"$DIR/pg.sq$n"
		same "sqitch $step" "$DIR/pg.sq$n" "$DIR/sl.sq$n"
	done
	psql -X -A -t -h 127.0.0.1 -p "$SPORT" -U postgres -d acme -c '\dt' >"$DIR/sl.tables"
	[[ $(cut -d'|' -f2 "$DIR/sl.tables" | tr '\n' ' ') == "flips users " ]] ||
		{ cat "$DIR/sl.tables" >&2; fail "sqitch: tenant acme lacks the deployed tables"; }
	echo "ok: sqitch: tenant acme has the tables, tenant sqitch_acme the registry"
}

# ---- postgresql_autodoc: a schema's documents (Graphviz, HTML, DocBook XML) ----
# The same schema on both servers; the documents must be equal but for the two differences
# pg_dump's test filters too (docs/clients.md, pg_dump): a view's query as shardlite deparses
# it and a CHECK expression as SQLite keeps it. Each is asserted where it shows, then replaced
# by PostgreSQL's text.
autodoc_schema() {
	"$@" <<'EOF'
CREATE TABLE customers (id serial PRIMARY KEY, email varchar(80) NOT NULL UNIQUE, name text,
  created timestamptz DEFAULT now(), score numeric(6,2) CHECK (score >= 0));
COMMENT ON TABLE customers IS 'People who buy';
COMMENT ON COLUMN customers.email IS 'Login address';
CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id)
  ON DELETE CASCADE, total numeric(10,2) DEFAULT 0, note text, placed date);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE lines (order_id bigint REFERENCES orders, sku varchar(20), qty int DEFAULT 1,
  PRIMARY KEY (order_id, sku));
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql AS 'SELECT i + 1';
EOF
}

run_autodoc() {
	autodoc_schema sl
	autodoc_schema pg
	local t port
	for port in "$SPORT" "$PPORT"; do
		mkdir -p "$DIR/autodoc.$port"
		for t in dot html xml; do # one type per run: the last -t wins
			(cd "$DIR/autodoc.$port" && postgresql_autodoc -d shop -h 127.0.0.1 -p "$port" \
				-u postgres --password= -t "$t" >"$DIR/autodoc.$port.$t.log" 2>&1) ||
				{ cat "$DIR/autodoc.$port.$t.log" >&2; fail "postgresql_autodoc -t $t ($port)"; }
		done
	done
	same "postgresql_autodoc: the Graphviz diagram" "$DIR/autodoc.$PPORT/shop.dot" \
		"$DIR/autodoc.$SPORT/shop.dot"
	for t in html xml; do
		same "postgresql_autodoc: the $t document" "$DIR/autodoc.$PPORT/shop.$t" \
			"$DIR/autodoc.$SPORT/shop.$t"
	done
}

# ---- pgmodeler-cli: importing a database into a model ----
# Headless (offscreen Qt), its configuration in the test's own HOME. The same schema imported
# from both servers gives the same model once tools_pgmodeler_norm.py has taken out what
# legitimately differs (object order and canvas positions follow OIDs, random relationship
# colours).
run_pgmodeler() {
	autodoc_schema sl
	autodoc_schema pg
	export HOME=$DIR/pgmodeler-home XDG_RUNTIME_DIR=$DIR/pgmodeler-home QT_QPA_PLATFORM=offscreen
	mkdir -p "$HOME" && chmod 700 "$HOME"
	pgmodeler-cli --create-configs >"$DIR/pgmodeler.cc" 2>&1 || { cat "$DIR/pgmodeler.cc" >&2; fail "pgmodeler-cli --create-configs"; }
	# pgModeler may crash after it saved the model, destroying its objects (a use after free
	# in DatabaseModel::destroyObjects that meson's MALLOC_PERTURB_ turns into a segmentation
	# fault, seen with the order shardlite's OIDs give this schema's objects): an import counts
	# when it said it ended and left the model, and only shardlite's may exit with SIGSEGV.
	local port rc
	for port in "$PPORT" "$SPORT"; do
		rc=0
		timeout 100 pgmodeler-cli --import-db --input-db shop --host 127.0.0.1 --port "$port" \
			--user postgres --initial-db shop --output "$DIR/model.$port.dbm" \
			>"$DIR/pgmodeler.$port" 2>&1 || rc=$?
		{ ((rc == 0)) || ((rc == 139 && port == SPORT)); } &&
			grep -q 'Import successfully ended!' "$DIR/pgmodeler.$port" &&
			grep -q '<table name="orders"' "$DIR/model.$port.dbm" ||
			{ tail -20 "$DIR/pgmodeler.$port" >&2; fail "pgmodeler-cli import from port $port (exit $rc)"; }
		((rc == 0)) || echo "note: pgmodeler-cli crashed (exit $rc) after saving shardlite's model"
	done
	echo "ok: pgmodeler-cli: both databases imported"
	# its last system OID: the highest built-in objid in pg_depend (information_schema's views)
	[ "$(sl -A -t -c 'SELECT objid FROM pg_depend WHERE objid > 0 AND objid <= 16383 ORDER BY objid DESC LIMIT 1')" -gt 0 ] ||
		fail "pgmodeler-cli: pg_depend has no built-in rows"
	/usr/bin/python3 "$HERE/tools_pgmodeler_norm.py" "$DIR/model.$PPORT.dbm" >"$DIR/model.pg" ||
		fail "pgmodeler: PostgreSQL's model"
	/usr/bin/python3 "$HERE/tools_pgmodeler_norm.py" "$DIR/model.$SPORT.dbm" \
		>"$DIR/model.sl" || fail "pgmodeler: shardlite's model"
	same "pgmodeler-cli: the imported models (tables, columns, keys, index, view, function)" \
		"$DIR/model.pg" "$DIR/model.sl"
	# --diff of each model against the database it came from finds nothing to change. The model
	# is loaded first, in the order pgModeler wrote it (by OID, a serial's table moved after
	# its sequence): from shardlite, whose OIDs do not follow creation order, an index can come
	# before its table, so each model goes through --fix-model, which reorders it.
	for port in "$PPORT" "$SPORT"; do
		pgmodeler-cli --fix-model --input "$DIR/model.$port.dbm" --output "$DIR/fixed.$port.dbm" \
			>"$DIR/fix.$port" 2>&1 || { cat "$DIR/fix.$port" >&2; fail "pgmodeler-cli --fix-model ($port)"; }
		timeout 100 pgmodeler-cli --diff --input "$DIR/fixed.$port.dbm" --compare-to shop \
			--host 127.0.0.1 --port "$port" --user postgres --save --output "$DIR/diff.$port.sql" \
			>"$DIR/diff.$port" 2>&1 &&
			grep -q 'No differences were detected' "$DIR/diff.$port" ||
			{ cat "$DIR/diff.$port" >&2; fail "pgmodeler-cli --diff of the model with its database ($port)"; }
	done
	echo "ok: pgmodeler-cli --diff: each model equals the database it was imported from"
}

case $TOOL in
pgloader) run_pgloader ;;
pg_activity) run_pg_activity ;;
pgtop) run_pgtop ;;
sqitch) run_sqitch ;;
autodoc) run_autodoc ;;
pgmodeler) run_pgmodeler ;;
check_postgres) run_check_postgres ;;
esac
