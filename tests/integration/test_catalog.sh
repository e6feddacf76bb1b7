#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_catalog.sh: differential test of the catalog — the same schema on shardlite and on a
# real PostgreSQL 15 this script starts; psql's describe commands and pgbench's partition
# probe must print the same on both (differences kept on purpose are in docs/sql-compat.md).
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/pair.sh"
pair_start catalog acme

export PGCONNECT_TIMEOUT=5
on_sl() { psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d acme "$@"; }
on_pg() { psql -X -h "$DIR" -p "$PPORT" -U postgres -d acme "$@"; }

# The generated built-in rows are PostgreSQL's for every function the translator takes: a
# function added to the translator's tables needs scripts/gen-catalog-proc run again (it
# makes temporary objects: in the postgres database, away from the compared one).
"$HERE/../../scripts/gen-catalog-proc" "host=$DIR port=$PPORT user=postgres dbname=postgres" "$DIR/proc_data.c"
cmp -s "$DIR/proc_data.c" "$HERE/../../src/catalog/catalog_proc_data.c" ||
	fail "src/catalog/catalog_proc_data.c is out of date: run scripts/gen-catalog-proc against a PostgreSQL 15"

SCHEMA="
CREATE TABLE authors (id int4 PRIMARY KEY, name text NOT NULL, email varchar(100) UNIQUE, born date);
CREATE TABLE books (id bigint PRIMARY KEY, author_id int4 NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
  title text NOT NULL, price numeric(10,2) DEFAULT 0 CHECK (price >= 0), published boolean DEFAULT false,
  created timestamptz DEFAULT now(), tags text[], code character(3));
CREATE INDEX books_title_idx ON books (title);
CREATE UNIQUE INDEX books_author_title ON books (author_id, title);
CREATE INDEX books_lower ON books (lower(title)) WHERE published;
CREATE INDEX books_tags_gin ON books USING gin (tags);
CREATE INDEX books_code_hash ON books USING hash (code);
CREATE INDEX books_title_pattern ON books (title text_pattern_ops);
CREATE INDEX books_pub_incl ON books (published) INCLUDE (title, price);
CREATE VIEW cheap_books AS SELECT id, title FROM books WHERE price < 10;
CREATE TABLE pgbench_accounts (aid int4 NOT NULL, bid int4, abalance int4, filler character(84));
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN RETURN NEW; END \$\$;
CREATE TABLE audit (id int4);
CREATE TRIGGER audit_row AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER audit_stmt BEFORE INSERT OR TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION touch();
CREATE TRIGGER audit_off AFTER UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER audit_rep AFTER DELETE ON audit FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE audit DISABLE TRIGGER audit_off;
ALTER TABLE audit ENABLE REPLICA TRIGGER audit_rep;
CREATE TRIGGER cheap_ins INSTEAD OF INSERT ON cheap_books FOR EACH ROW EXECUTE FUNCTION touch();"
echo "$SCHEMA" | on_sl -q -v ON_ERROR_STOP=1 >/dev/null || fail "schema on shardlite"
echo "$SCHEMA" | on_pg -q -v ON_ERROR_STOP=1 >/dev/null || fail "schema on PostgreSQL"

# Commands whose whole output must match (a CHECK too: its PostgreSQL text is kept, the
# array column beside it notwithstanding).
for cmd in '\dn' '\dt' '\di' '\dv' '\ds' '\df' '\dT' '\d books' '\d authors' '\d+ books' \
	'\d books_lower' '\d+ books_pkey' '\d books_tags_gin' '\d+ books_title_pattern' '\d books_pub_incl' '\d cheap_books' '\d audit' '\dv+' '\db' '\sf nosuch' '\df abs' \
	'\df now' '\df+ abs' '\df+ sum' '\do' '\do+ *' '\dC' '\dC+ bigint' '\dT+' '\da' '\dA' \
	'\dD' '\dy' '\sf abs' '\dA+' '\dd' '\dAc' '\dAf' '\dAf+ btree' '\dp' '\dAo' '\dAo+ btree' \
	'\dAp+ btree integer_ops' '\dAp hash text_ops'; do
	# errors (\sf of a missing function) are compared too
	want=$(on_pg -c "$cmd" 2>&1 || true)
	got=$(on_sl -c "$cmd" 2>&1 || true)
	[[ "$got" == "$want" ]] || fail "$cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# A second tenant: composite keys, named constraints, quoted names, partial unique index.
SCHEMA2="
CREATE TABLE \"Orgs\" (org_id int4, region text, name varchar(50) NOT NULL DEFAULT 'unnamed',
  score double precision DEFAULT 1.5, active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, region), CONSTRAINT orgs_name_uq UNIQUE (name),
  CONSTRAINT score_range CHECK (score >= 0 AND score <= 100));
CREATE TABLE members (id bigint PRIMARY KEY, org_id int4, region text, \"Nick Name\" text,
  joined date DEFAULT '2020-01-01', FOREIGN KEY (org_id, region) REFERENCES \"Orgs\" (org_id, region)
  ON UPDATE CASCADE ON DELETE SET NULL, CHECK (id > 0));
CREATE INDEX members_nick ON members (\"Nick Name\");
CREATE UNIQUE INDEX members_org_idx ON members (org_id, region) WHERE org_id IS NOT NULL;"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE t2' postgres || fail "CREATE DATABASE t2"
echo "$SCHEMA2" | psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d t2 >/dev/null ||
	fail "schema 2 on PostgreSQL"
echo "$SCHEMA2" | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres -d t2 >/dev/null ||
	fail "schema 2 on shardlite"
for cmd in '\d "Orgs"' '\d members' '\di' '\dt'; do
	want=$(psql -X -h "$DIR" -p "$PPORT" -U postgres -d t2 -c "$cmd" 2>&1)
	got=$(psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d t2 -c "$cmd" 2>&1)
	[[ "$got" == "$want" ]] || fail "t2 $cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# pg_trgm's index classes (gin_trgm_ops, gist_trgm_ops with siglen) and \dx's row for it.
SCHEMA_TRGM="
CREATE EXTENSION pg_trgm;
CREATE TABLE words (id int PRIMARY KEY, w varchar(40), body text);
CREATE INDEX words_w_trgm ON words USING gin (w gin_trgm_ops);
CREATE INDEX words_body_gist ON words USING gist (body gist_trgm_ops(siglen=64));
CREATE INDEX words_lower ON words USING gin (lower(body) gin_trgm_ops);"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE trgm' postgres || fail "CREATE DATABASE trgm"
echo "$SCHEMA_TRGM" | psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d trgm >/dev/null ||
	fail "pg_trgm schema on PostgreSQL"
echo "$SCHEMA_TRGM" | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres -d trgm >/dev/null ||
	fail "pg_trgm schema on shardlite"
for cmd in '\d words' '\dx' '\di'; do
	want=$(psql -X -h "$DIR" -p "$PPORT" -U postgres -d trgm -c "$cmd" 2>&1)
	got=$(psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d trgm -c "$cmd" 2>&1)
	[[ "$got" == "$want" ]] || fail "trgm $cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# Enum types (CREATE TYPE ... AS ENUM): \dT lists them with their labels in sort order, \d
# shows columns of them, arrays of them and their defaults.
SCHEMA_ENUM="
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
CREATE TABLE person (id integer PRIMARY KEY, m mood DEFAULT 'ok', r \"Role\" NOT NULL,
  ms mood[]);
CREATE INDEX person_m ON person (m);
CREATE TABLE person_copy AS SELECT *, m AS m2, 'ok'::mood AS m3, id::bigint * 2 AS big,
  'x'::varchar(7) AS v, 1.5::numeric(6,2) AS n FROM person;
SELECT id, r INTO TEMP person_tmp FROM person;
CREATE MATERIALIZED VIEW person_mv AS SELECT id, m, r FROM person;
CREATE UNIQUE INDEX person_mv_id ON person_mv (id);
CREATE MATERIALIZED VIEW person_mv_empty AS SELECT id FROM person WITH NO DATA;"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE tenum' postgres ||
	fail "CREATE DATABASE tenum"
echo "$SCHEMA_ENUM" | psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d tenum \
	>/dev/null || fail "enum schema on PostgreSQL"
echo "$SCHEMA_ENUM" | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres \
	-d tenum >/dev/null || fail "enum schema on shardlite"
for cmd in '\dT' '\dT+' '\dT+ mood' '\dT public.*' '\d person' '\d+ person' '\d person_copy' \
	'\dm' '\d person_mv'; do
	want=$(psql -X -h "$DIR" -p "$PPORT" -U postgres -d tenum -c "$cmd" 2>&1)
	got=$(psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d tenum -c "$cmd" 2>&1)
	[[ "$got" == "$want" ]] || fail "tenum $cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# Composite types (CREATE TYPE ... AS (...)): \dT lists them, \d shows their attributes and the
# columns of tables declared with them.
SCHEMA_COMP="
CREATE TYPE pair AS (a int, b text);
CREATE TYPE \"Addr\" AS (street varchar(40), zip char(5));
CREATE TABLE shop (id integer PRIMARY KEY, p pair, a \"Addr\");"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE tcomp' postgres ||
	fail "CREATE DATABASE tcomp"
echo "$SCHEMA_COMP" | psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d tcomp \
	>/dev/null || fail "composite schema on PostgreSQL"
echo "$SCHEMA_COMP" | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres \
	-d tcomp >/dev/null || fail "composite schema on shardlite"
for cmd in '\dT' '\dT+' '\d pair' '\d+ pair' '\d "Addr"' '\d shop' '\d+ shop'; do
	want=$(psql -X -h "$DIR" -p "$PPORT" -U postgres -d tcomp -c "$cmd" 2>&1)
	got=$(psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d tcomp -c "$cmd" 2>&1)
	[[ "$got" == "$want" ]] || fail "tcomp $cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# sizes are SQLite's pages, not PostgreSQL's (\\dt+, \\ds+)
mask() { sed -E 's/[0-9]+ (bytes|kB)/SIZE/; s/-+/-/g; s/ +/ /g'; }

# A third tenant: sequences (a bigserial key's, a serial key's, identity columns', one OWNED BY
# a column, a plain one) and
# comments. \d of a sequence needs quote_ident, which the translator may not have yet.
SCHEMA3="
CREATE TABLE tickets (id bigserial PRIMARY KEY, title text NOT NULL, seat int4);
CREATE TABLE seats (id serial PRIMARY KEY, label text);
CREATE TABLE gates (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  n smallint GENERATED BY DEFAULT AS IDENTITY, name text);
CREATE SEQUENCE seat_seq AS integer INCREMENT 2 MINVALUE 10 MAXVALUE 1000 START 12 CYCLE
  OWNED BY tickets.seat;
CREATE SEQUENCE plain_seq;
COMMENT ON TABLE tickets IS 'Support tickets';
COMMENT ON COLUMN tickets.title IS 'short summary';
COMMENT ON SEQUENCE plain_seq IS 'a plain one';
SELECT nextval('seat_seq'), nextval('tickets_id_seq');"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE t3' postgres || fail "CREATE DATABASE t3"
echo "$SCHEMA3" | psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d t3 >/dev/null ||
	fail "schema 3 on PostgreSQL"
echo "$SCHEMA3" | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres -d t3 >/dev/null ||
	fail "schema 3 on shardlite"
cmds3=('\ds' '\d tickets' '\d+ tickets' '\dt+' '\ds+' '\d seats' '\d gates' '\d+ gates')
psql -X -q -h 127.0.0.1 -p "$SPORT" -U postgres -d t3 -c "SELECT quote_ident('x')" >/dev/null 2>&1 &&
	cmds3+=('\d seat_seq' '\d tickets_id_seq' '\d plain_seq' '\d seats_id_seq')
for cmd in "${cmds3[@]}" "SELECT * FROM pg_sequences ORDER BY 2" \
	"SELECT sequence_name, data_type, start_value, minimum_value, maximum_value, increment, cycle_option FROM information_schema.sequences ORDER BY 1" \
	"SELECT c.relname, d.description, d.objsubid FROM pg_description d JOIN pg_class c ON c.oid = d.objoid ORDER BY 1, 3" \
	"SELECT pg_get_serial_sequence('tickets', 'id'), pg_get_serial_sequence('tickets', 'seat')" \
	"SELECT pg_get_serial_sequence('gates', 'id'), pg_get_serial_sequence('gates', 'n')"; do
	# sizes are SQLite's pages, not PostgreSQL's
	want=$(psql -X -h "$DIR" -p "$PPORT" -U postgres -d t3 -c "$cmd" 2>&1 | mask)
	got=$(psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d t3 -c "$cmd" 2>&1 | mask)
	[[ "$got" == "$want" ]] || fail "t3 $cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# Default privileges (ALTER DEFAULT PRIVILEGES): \ddp, and the ACLs of what is made after them.
SCHEMA_DEFACL="
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT USAGE ON SEQUENCES TO PUBLIC;
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT, UPDATE ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON SEQUENCES TO PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT CREATE ON SCHEMAS TO PUBLIC;
CREATE TABLE app.users (id serial PRIMARY KEY, email text);
CREATE VIEW app.emails AS SELECT email FROM app.users;
CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY, body text);
CREATE FUNCTION app.hello() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE SCHEMA jobs;"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE defacl' postgres || fail "CREATE DATABASE defacl"
echo "$SCHEMA_DEFACL" | psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d defacl >/dev/null ||
	fail "schema defacl on PostgreSQL"
echo "$SCHEMA_DEFACL" | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres -d defacl >/dev/null ||
	fail "schema defacl on shardlite"
for cmd in '\ddp' '\dp app.*' '\dp notes*' '\dn+ jobs' \
	"SELECT proname, proacl FROM pg_proc WHERE proname = 'hello'"; do
	want=$(psql -X -h "$DIR" -p "$PPORT" -U postgres -d defacl -c "$cmd" 2>&1)
	got=$(psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d defacl -c "$cmd" 2>&1)
	[[ "$got" == "$want" ]] || fail "defacl $cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# \l: the databases differ (PostgreSQL's templates, shardlite's other tenants); acme's row
# must match.
want=$(on_pg -A -c '\l' | grep '^acme|')
got=$(on_sl -A -c '\l' | grep '^acme|')
[[ "$got" == "$want" ]] || fail "\\l row differs: want '$want' got '$got'"

# \dx: plpgsql, always there as in PostgreSQL, with its comment (docs/sql-compat.md)
want=$(on_pg -A -c '\dx')
got=$(on_sl -A -c '\dx')
[[ "$got" == "$want" ]] || fail "\\dx differs: want '$want' got '$got'"

# \du: the oracle's user is its bootstrap superuser; no shardlite user is a superuser
# (docs/sql-compat.md), so that row's attributes are masked; the rest must match.
want=$(on_pg -A -c '\du' | sed -E 's/^postgres\|[^|]*\|/postgres||/')
got=$(on_sl -A -c '\du')
[[ "$got" == "$want" ]] || fail "\\du differs: want '$want' got '$got'"

# \d+ of a view: its definition as pg_get_viewdef(v, true) lays it out (columns qualified,
# literals and implicit casts typed, CASE and JOIN layouts); the view is dropped after.
VIEWS="CREATE VIEW author_books AS SELECT a.name, b.title, CASE WHEN b.price > 20 THEN 'dear'
  ELSE 'cheap' END AS band FROM authors a JOIN books b ON b.author_id = a.id
  WHERE a.born > '1950-01-01' AND b.published ORDER BY a.name, b.title DESC;"
echo "$VIEWS" | on_sl -q -v ON_ERROR_STOP=1 >/dev/null || fail "views on shardlite"
echo "$VIEWS" | on_pg -q -v ON_ERROR_STOP=1 >/dev/null || fail "views on PostgreSQL"
for cmd in '\d+ cheap_books' '\d+ author_books'; do
	want=$(on_pg -c "$cmd" 2>&1 || true)
	got=$(on_sl -c "$cmd" 2>&1 || true)
	[[ "$got" == "$want" ]] || fail "$cmd differs:
--- PostgreSQL
$want
--- shardlite
$got"
done
on_sl -q -c 'DROP VIEW author_books' && on_pg -q -c 'DROP VIEW author_books' || fail "drop view"

# \dt+: sizes are SQLite's pages, not PostgreSQL's.
for cmd in '\dt+' '\di+'; do
	want=$(on_pg -c "$cmd" | mask)
	got=$(on_sl -c "$cmd" | mask)
	[[ "$got" == "$want" ]] || fail "$cmd differs:
$want
---
$got"
done

# information_schema and pg_catalog's views, row for row, and the privilege functions
# (errors included; views differ: docs/sql-compat.md).
for q in "SELECT * FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('authors', 'books') ORDER BY table_name, ordinal_position" \
	"SELECT * FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = 'public' ORDER BY table_name" \
	"SELECT constraint_name, table_name, constraint_type, nulls_distinct FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type <> 'CHECK' ORDER BY 1" \
	"SELECT * FROM information_schema.key_column_usage WHERE table_schema = 'public' ORDER BY constraint_name, ordinal_position" \
	"SELECT * FROM information_schema.referential_constraints WHERE constraint_schema = 'public' ORDER BY constraint_name" \
	"SELECT * FROM information_schema.constraint_column_usage WHERE table_schema = 'public' AND constraint_name NOT LIKE '%check' ORDER BY constraint_name, column_name" \
	"SELECT * FROM information_schema.schemata ORDER BY schema_name" \
	"SELECT * FROM information_schema.character_sets" \
	"SELECT * FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('authors', 'books') ORDER BY 2" \
	"SELECT * FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname" \
	"SELECT schemaname, viewname, viewowner FROM pg_views WHERE schemaname = 'public'" \
	"SELECT has_table_privilege('books', 'SELECT'), has_table_privilege('postgres', 'public.books', 'INSERT, UPDATE WITH GRANT OPTION'), has_schema_privilege('public', 'CREATE'), has_schema_privilege('pg_catalog', 'USAGE'), has_database_privilege('acme', 'CONNECT, TEMP'), has_column_privilege('books', 'title', 'SELECT'), has_any_column_privilege('books', 'UPDATE'), has_table_privilege('pg_catalog.pg_class', 'SELECT')" \
	"SELECT has_table_privilege('books', 'fly')" \
	"SELECT has_table_privilege('nosuch', 'SELECT')" \
	"SELECT has_column_privilege('books', 'nosuch', 'SELECT')" \
	"SELECT current_user, session_user, user, current_role, current_catalog, current_database(), pg_is_in_recovery(), pg_database_size('acme') > 0" \
	"SELECT pg_is_wal_replay_paused()" \
	"SELECT pg_database_size('nosuch')"; do
	want=$(on_pg -A -c "$q" 2>&1 || true)
	got=$(on_sl -A -c "$q" 2>&1 || true)
	[[ "$got" == "$want" ]] || fail "$q differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

# pgbench 15's probe for a partitioned pgbench_accounts (exact text from its source).
PROBE="select o.n, p.partstrat, pg_catalog.count(i.inhparent) from pg_catalog.pg_class as c join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) as o(n) left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 asc limit 1"
want=$(on_pg -c "$PROBE")
got=$(on_sl -c "$PROBE")
[[ "$got" == "$want" ]] || fail "pgbench probe differs:
$want
---
$got"

# SQLAlchemy's inspector, when Debian's python3-sqlalchemy and python3-psycopg2 are there.
SA="$(dirname "$0")/catalog_sqlalchemy.py"
if /usr/bin/python3 -c 'import sqlalchemy, psycopg2' 2>/dev/null; then
	want=$(/usr/bin/python3 "$SA" "postgresql://postgres@/acme?host=$DIR&port=$PPORT" 2>&1 |
		grep -v -e SAWarning -e '^  ' || true)
	got=$(/usr/bin/python3 "$SA" "postgresql://postgres@127.0.0.1:$SPORT/acme" 2>&1 |
		grep -v -e SAWarning -e '^  ' || true)
	grep -q "^books pk {'constrained_columns': \['id'\]" <<<"$got" || fail "SQLAlchemy: $got"
	[[ "$got" == "$want" ]] || fail "SQLAlchemy inspector differs:
--- PostgreSQL
$want
--- shardlite
$got"
fi

# JDBC's DatabaseMetaData and ResultSetMetaData, when a JDK and Debian's JDBC driver are there.
JAR=/usr/share/java/postgresql.jar
if command -v javac >/dev/null && [[ -f "$JAR" ]]; then
	javac -d "$DIR" "$(dirname "$0")/CatalogMeta.java" || fail "javac CatalogMeta.java"
	want=$(java -cp "$JAR:$DIR" CatalogMeta "jdbc:postgresql://127.0.0.1:$PPORT/acme" 2>&1 || true)
	got=$(java -cp "$JAR:$DIR" CatalogMeta "jdbc:postgresql://127.0.0.1:$SPORT/acme" 2>&1 || true)
	[[ "$got" == "$want" ]] || fail "JDBC metadata differs:
$(diff <(echo "$want") <(echo "$got"))"
	grep -qi '^imported .*fk_name=books_author_id_fkey' <<<"$got" || fail "JDBC: $got"
fi

# pgbench's run mode (its probe, VACUUM, TRUNCATE and the TPC-B transactions) on tables made
# as pgbench -i makes them.
on_sl -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || fail "pgbench tables"
DROP TABLE pgbench_accounts;
CREATE TABLE pgbench_branches (bid int4 NOT NULL PRIMARY KEY, bbalance int4, filler char(88));
CREATE TABLE pgbench_tellers (tid int4 NOT NULL PRIMARY KEY, bid int4, tbalance int4, filler char(84));
CREATE TABLE pgbench_accounts (aid int4 NOT NULL PRIMARY KEY, bid int4, abalance int4, filler char(84));
CREATE TABLE pgbench_history (tid int4, bid int4, aid int4, delta int4, mtime timestamp, filler char(22));
INSERT INTO pgbench_branches VALUES (1, 0, '');
INSERT INTO pgbench_tellers VALUES (1, 1, 0, ''), (2, 1, 0, '');
INSERT INTO pgbench_accounts VALUES (1, 1, 0, ''), (2, 1, 0, '');
SQL
out=$(pgbench -h 127.0.0.1 -p "$SPORT" -U postgres -t 5 acme 2>&1) || fail "pgbench: $out"
grep -q 'actually processed: 5/5' <<<"$out" || fail "pgbench: $out"

# Another session's DDL is visible at the next statement.
on_sl -q -c 'CREATE TABLE late (x int4)' >/dev/null
got=$(on_sl -At -c "SELECT relname FROM pg_catalog.pg_class WHERE relname = 'late'")
[[ "$got" == "late" ]] || fail "new table not in pg_class: $got"

# pg_postmaster_start_time() is this server process's start (ps reports it to the second).
started=$(date -d "$(ps -o lstart= -p "$PID")" +%s)
got=$(date -d "$(on_sl -At -c 'SELECT pg_postmaster_start_time()')" +%s)
((got >= started - 2 && got <= started + 2)) || fail "pg_postmaster_start_time $got, process $started"
# txid_current(): one number per transaction, larger in each later transaction
got=$(on_sl -At -c 'SELECT txid_current()' -c 'BEGIN' -c 'SELECT txid_current()' \
	-c 'SELECT pg_current_xact_id()' -c 'COMMIT' -c 'SELECT txid_current()' | grep -v '^[A-Z]')
read -r a b c d <<<"$(echo $got)"
((a < b && b == c && c < d)) || fail "transaction ids: $got"

# Foreign-key violations (23503): message, DETAIL with the key and the schema/table/constraint
# fields, on the child's side and on the parent's, immediate and deferred to COMMIT.
FK="\\set VERBOSITY verbose
CREATE TABLE p (id int PRIMARY KEY, name text);
CREATE TABLE c (id int PRIMARY KEY, p_id int REFERENCES p(id));
CREATE TABLE \"Multi\" (a int, \"B x\" text, PRIMARY KEY (a, \"B x\"));
CREATE TABLE mc (id int, a int, b text, CONSTRAINT my_fk FOREIGN KEY (a, b) REFERENCES \"Multi\");
CREATE TABLE d (id int PRIMARY KEY, p_id int REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE tree (id int PRIMARY KEY, up int REFERENCES tree);
INSERT INTO p VALUES (1, 'one'), (2, 'two');
INSERT INTO c VALUES (10, 1);
INSERT INTO c VALUES (11, 5);
UPDATE c SET p_id = 7 WHERE id = 10;
DELETE FROM p WHERE id = 1;
UPDATE p SET id = 3 WHERE id = 1;
INSERT INTO \"Multi\" VALUES (1, 'x');
INSERT INTO mc VALUES (1, 1, 'y');
INSERT INTO mc VALUES (1, 1, 'x');
DELETE FROM \"Multi\";
BEGIN;
INSERT INTO d VALUES (1, 9);
INSERT INTO c VALUES (12, 8);
ROLLBACK;
BEGIN;
INSERT INTO d VALUES (1, 9);
COMMIT;
INSERT INTO tree VALUES (1, NULL), (2, 1);
DELETE FROM tree WHERE id = 1;
INSERT INTO c SELECT 20 + g, g FROM generate_series(1, 4) g;
SELECT count(*) FROM c;"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE t4' postgres || fail "CREATE DATABASE t4"
want=$(echo "$FK" | psql -X -h "$DIR" -p "$PPORT" -U postgres -d t4 2>&1 | grep -v '^LOCATION:')
got=$(echo "$FK" | psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d t4 2>&1 | grep -v '^LOCATION:')
[[ "$got" == "$want" ]] || fail "foreign key violations differ:
--- PostgreSQL
$want
--- shardlite
$got"

# A partitioned table's indexes and keys shown on each partition as PostgreSQL makes them
# (src/catalog/catalog_partinh.c): psql's \d of the parent, of a partition and \di.
PARTS="
CREATE TABLE m (id int, k int, v text, PRIMARY KEY (id, k)) PARTITION BY RANGE (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);
CREATE INDEX m1_own ON m1 (v);
CREATE UNIQUE INDEX ON m (k, id);
CREATE INDEX ON m (lower(v)) WHERE v > 'a';
CREATE INDEX ON m (v);
ALTER TABLE m ADD CONSTRAINT uq UNIQUE (k, id);
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM (10) TO (20);"
psql -X -q -h "$DIR" -p "$PPORT" -U postgres -c 'CREATE DATABASE t5' postgres || fail "CREATE DATABASE t5"
echo "$PARTS" | psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PPORT" -U postgres -d t5 >/dev/null ||
	fail "partitioned schema on PostgreSQL"
echo "$PARTS" | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$SPORT" -U postgres -d t5 >/dev/null ||
	fail "partitioned schema on shardlite"
for cmd in '\d m' '\d m1' '\d+ m2' '\di' '\d m1_pkey' '\d+ m_pkey'; do
	want=$(psql -X -h "$DIR" -p "$PPORT" -U postgres -d t5 -c "$cmd" 2>&1 || true)
	got=$(psql -X -h 127.0.0.1 -p "$SPORT" -U postgres -d t5 -c "$cmd" 2>&1 || true)
	[[ "$got" == "$want" ]] || fail "$cmd (partitioned) differs:
--- PostgreSQL
$want
--- shardlite
$got"
done

grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "catalog integration: ok"
