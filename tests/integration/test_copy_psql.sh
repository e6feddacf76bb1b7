#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# test_copy_psql.sh: psql's \copy and COPY against shardlite and a real PostgreSQL 15 started
# here, compared byte for byte: CSV with quotes, commas, newlines, NULL vs empty string and
# UTF-8 loaded with \copy, then written back in text, CSV (with options) and binary, and the
# messages of failing loads. Skips (77) when PostgreSQL 15 cannot be started (not root).
set -euo pipefail

BIN=${SHARDLITE_BIN:?SHARDLITE_BIN must point at the shardlite binary}
PGBIN=/usr/lib/postgresql/15/bin
DIR=$(mktemp -d /tmp/shardlite-copy-XXXXXX)
SPID=
PGUP=
cleanup() {
	if [[ -n "$SPID" ]]; then kill "$SPID" 2>/dev/null || true; wait "$SPID" 2>/dev/null || true; fi
	if [[ -n "$PGUP" ]]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pg" -m immediate stop >/dev/null 2>&1 || true; fi
	rm -rf "$DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- server log ---" >&2; cat "$DIR/log" >&2 || true; exit 1; }

if [[ $(id -u) -ne 0 || ! -x $PGBIN/postgres ]]; then
	echo "SKIP: PostgreSQL 15 is needed as the oracle (run as root with postgresql-15 installed)"
	exit 77
fi

"$BIN" --data-dir "$DIR/data" --listen '' --port 5432 --socket-dir "$DIR" 2>"$DIR/log" &
SPID=$!
chown postgres "$DIR"
runuser -u postgres -- "$PGBIN/initdb" -D "$DIR/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pg" -w -l "$DIR/pg.log" \
	-o "-p 5433 -k $DIR -c listen_addresses='' -c fsync=off" start >/dev/null
PGUP=1
for _ in $(seq 100); do [[ -S "$DIR/.s.PGSQL.5432" ]] && break; sleep 0.05; done
[[ -S "$DIR/.s.PGSQL.5432" ]] || fail "shardlite did not start"

sl() { psql -X -q -h "$DIR" -p 5432 -U postgres -d acme "$@"; }
pg() { psql -X -q -h "$DIR" -p 5433 -U postgres -d postgres "$@"; }

# Tricky CSV: quotes, commas, embedded newlines, NULL (unquoted empty) vs "" (empty string),
# UTF-8, a value equal to \., leading/trailing blanks, and a CRLF-free multi-line field.
printf '%s\n' \
	'id,name,note,amount,flag' \
	'1,"Smith, John","said ""hi""",12.50,t' \
	'2,,"",0,f' \
	'3,"multi' \
	'line, with comma","x",-1.25,' \
	'4,Zoë Ünïcødé 日本,"€ and ✓",,true' \
	'5,"\.",  spaced  ,3,false' \
	'6,"tab	inside",back\slash,7.00,t' >"$DIR/in.csv"

ddl="CREATE TABLE people (id int PRIMARY KEY, name text, note varchar(40), amount numeric(8,2), flag boolean)"
script="$DIR/script.sql"
cat >"$script" <<EOF
$ddl;
\copy people from '$DIR/in.csv' with (format csv, header)
\copy people to '$DIR/OUT.csv' with (format csv, header)
\copy people to '$DIR/OUT.txt'
\copy people (id, name, note, flag) to '$DIR/OUT.bin' with (format binary)
\copy people (name, id) to '$DIR/OUT.q.csv' with (format csv, force_quote *, null 'NULL', delimiter ';')
\copy (select id, note, flag from people where id > 2 order by id desc) to '$DIR/OUT.sel.csv' csv
\copy people to '$DIR/OUT.esc.csv' with (format csv, quote '''', escape '\\', header)
\copy people to '$DIR/OUT.pipe.txt' with (delimiter '|', null '', header)
EOF
for side in sl pg; do
	sed "s/OUT/$side/g" "$script" >"$DIR/$side.sql"
	$side -v ON_ERROR_STOP=1 -f "$DIR/$side.sql" || fail "$side: script failed"
done
for f in csv txt bin q.csv sel.csv esc.csv pipe.txt; do
	cmp -s "$DIR/sl.$f" "$DIR/pg.$f" || {
		diff <(od -c "$DIR/pg.$f") <(od -c "$DIR/sl.$f") | head -20 >&2
		fail "\\copy output .$f differs from PostgreSQL 15"
	}
done

# Binary (numeric's binary form is not there yet: docs/copy.md) and text reload into a second table, then compare the table as CSV again.
for side in sl pg; do
	$side -v ON_ERROR_STOP=1 -c "CREATE TABLE p2 (id int, name text, note varchar(40), amount numeric(8,2), flag boolean)" \
		-c "\\copy p2 (id, name, note, flag) from '$DIR/$side.bin' with (format binary)" \
		-c "\\copy p2 from '$DIR/$side.txt'" \
		-c "\\copy (select * from p2 order by id, name) to '$DIR/$side.p2.csv' csv" || fail "$side: reload"
done
cmp -s "$DIR/sl.p2.csv" "$DIR/pg.p2.csv" || fail "reloaded tables differ"

# Failing loads: the same SQLSTATE, message and CONTEXT, and nothing kept.
errs() {
	local side=$1
	printf '1,x\n' >"$DIR/few.csv"
	printf '7,a,b,1,t\n8,a,b,zz,t\n' >"$DIR/bad.csv"
	printf '9,a,b,1,t,extra\n' >"$DIR/many.csv"
	printf '1,dup,b,1,t\n' >"$DIR/dup.csv"
	for f in few bad many dup; do
		$side -v VERBOSITY=default -c "\\copy people from '$DIR/$f.csv' csv" 2>&1 || true
	done
	$side -At -c "select count(*) from people"
}
errs sl >"$DIR/sl.err"
errs pg >"$DIR/pg.err"
diff "$DIR/pg.err" "$DIR/sl.err" >&2 || fail "error messages differ from PostgreSQL 15"

# Option checks: the same SQLSTATE, message and position (psql prints LINE 1 and the caret).
opts() {
	local side=$1 o
	while IFS= read -r o; do
		$side -v VERBOSITY=default -c "COPY people TO STDOUT $o" 2>&1 || true
	done <<'EOF'
(FORMAT xml)
(bogus 1)
(FORMAT csv, FORMAT text)
(FORMAT binary, DELIMITER ',')
(FORMAT binary, HEADER)
(FORMAT csv, HEADER match)
(HEADER maybe)
(DELIMITER 'ab')
(DELIMITER 'x')
(DELIMITER E'\n')
(QUOTE '"')
(FORMAT csv, QUOTE ';', DELIMITER ';')
(ESCAPE 'x')
(FORCE_QUOTE (id))
(FORMAT csv, FORCE_NOT_NULL (id))
(FORMAT csv, NULL 'a,b')
(FORMAT csv, FORCE_QUOTE (zz))
(FORMAT csv, FORCE_QUOTE *, FORCE_QUOTE (id))
(FORMAT csv, FORCE_QUOTE id)
(ENCODING 'nope')
EOF
	$side -c "COPY people (id, id) TO STDOUT" 2>&1 || true
	$side -c "COPY people (zz) FROM STDIN" 2>&1 || true
	$side -c "COPY nope TO STDOUT" 2>&1 || true
}
opts sl >"$DIR/sl.opts"
opts pg >"$DIR/pg.opts"
diff "$DIR/pg.opts" "$DIR/sl.opts" >&2 || fail "option errors differ from PostgreSQL 15"

# A serial key: left out it is numbered (and sets currval), given it is kept; binary output
# carries it as int4.
serial() {
	local side=$1
	$side -c "CREATE TABLE tally (id serial PRIMARY KEY, v text)"
	printf 'a\nb\n' | $side -c "COPY tally (v) FROM STDIN" -c "SELECT currval('tally_id_seq')"
	printf '10\tc\n' | $side -c "COPY tally FROM STDIN"
	$side -c "COPY tally TO STDOUT"
	$side -c "COPY tally TO STDOUT (FORMAT binary)" | od -c
}
serial sl >"$DIR/sl.serial" 2>&1
serial pg >"$DIR/pg.serial" 2>&1
diff "$DIR/pg.serial" "$DIR/sl.serial" >&2 || fail "COPY of a serial table differs from PostgreSQL 15"

# A plain integer key stored as the rowid (pgbench's accounts after ADD PRIMARY KEY): rows
# given keep their keys and types (int4 in binary), a NULL key or a column list without the
# key is 23502 (SQLite would number it), out of range and duplicates as before. DETAIL and
# CONTEXT lines are left out: PostgreSQL's "Failing row contains" detail is not produced.
rowid_key() {
	local side=$1
	$side -c "CREATE TABLE acct (id int, v text)" -c "ALTER TABLE acct ADD PRIMARY KEY (id)"
	$side -c "CREATE TABLE big (id bigint PRIMARY KEY, v text)"
	printf '1\ta\n2\tb\n' | $side -c "COPY acct FROM STDIN"
	printf '9000000000\tc\n' | $side -c "COPY big FROM STDIN"
	printf 'x\n' | $side -c "COPY acct (v) FROM STDIN" 2>&1 || true
	printf '\\N\tn\n' | $side -c "COPY acct FROM STDIN" 2>&1 || true
	printf '3000000000\tn\n' | $side -c "COPY acct FROM STDIN" 2>&1 || true
	printf '1\tdup\n' | $side -c "COPY acct FROM STDIN" 2>&1 || true
	$side -c "COPY acct TO STDOUT" -c "COPY big TO STDOUT"
	$side -c "COPY acct TO STDOUT (FORMAT binary)" | od -c
	$side -c "COPY big TO STDOUT (FORMAT binary)" | od -c
}
rowid_key sl 2>&1 | grep -v -E '^(DETAIL|CONTEXT):' >"$DIR/sl.rowid"
rowid_key pg 2>&1 | grep -v -E '^(DETAIL|CONTEXT):' >"$DIR/pg.rowid"
diff "$DIR/pg.rowid" "$DIR/sl.rowid" >&2 || fail "COPY of a table keyed by its rowid differs from PostgreSQL 15"
# Domains: COPY FROM checks a domain column's NOT NULL and CHECKs with PostgreSQL's errors (the
# CONTEXT lines differ: docs/sql-compat.md, COPY), a column left out takes the domain's default,
# and \d names the domain as the column's type.
domains() {
	local side=$1
	$side -c "CREATE DOMAIN email AS text CHECK (VALUE ~ '@')" \
		-c "CREATE DOMAIN posint AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0)" \
		-c "CREATE TABLE contacts (id int, mail email, qty posint)"
	printf '1\ta@b\t2\n' | $side -c "COPY contacts FROM STDIN"
	printf '2\tnope\t2\n' | $side -c "COPY contacts FROM STDIN" 2>&1 | grep -v '^CONTEXT' || true
	printf '3\tx@y\t0\n' | $side -c "COPY contacts FROM STDIN" 2>&1 | grep -v '^CONTEXT' || true
	printf '4\tx@y\t\\N\n' | $side -c "COPY contacts FROM STDIN" 2>&1 | grep -v '^CONTEXT' || true
	printf '5,\n' | $side -c "COPY contacts (id, mail) FROM STDIN (FORMAT csv)"
	$side -c "COPY contacts TO STDOUT" -c "\d contacts"
}
domains sl >"$DIR/sl.domains" 2>&1
domains pg >"$DIR/pg.domains" 2>&1
diff "$DIR/pg.domains" "$DIR/sl.domains" >&2 || fail "COPY into domain columns differs from PostgreSQL 15"

# Found with PostgreSQL's own copy, copy2 and copyselect scripts: COPY of a table reads its
# rows in the order they went in even when an index covers the column list; ENCODING
# 'SQL_ASCII' means no conversion; materialized views and views without an INSTEAD OF INSERT
# trigger are refused (COPY FROM once the data flows, so psql's data lines are not run as
# SQL), a view with one takes the rows; a BEFORE trigger of a temporary table changes NEW.
pgreg() {
	local side=$1
	$side -v VERBOSITY=default 2>&1 <<'EOF'
CREATE TABLE ord (a int PRIMARY KEY, b text, c numeric(10,2) DEFAULT 1.5);
CREATE INDEX ON ord (b);
INSERT INTO ord VALUES (1, 'z'), (2, 'a'), (3, NULL);
COPY ord (a, b) TO STDOUT;
COPY ord (b) TO STDOUT (FORMAT csv);
COPY ord TO STDOUT (ENCODING 'SQL_ASCII');
COPY ord FROM STDIN (ENCODING 'sql_ascii');
4	Zoë
\.
COPY ord TO STDOUT WITH CSV ENCODING 'sql_ascii';
CREATE MATERIALIZED VIEW ordmv AS SELECT * FROM ord;
COPY ordmv TO STDOUT;
COPY ordmv FROM STDIN;
5	never
\.
CREATE VIEW ordv AS SELECT ''::text AS str;
COPY ordv FROM STDIN;
never
\.
CREATE TABLE landed (id serial, name text);
CREATE FUNCTION land() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO landed (name) VALUES (NEW.str); RETURN NULL; END $$;
CREATE TRIGGER ordv_ins INSTEAD OF INSERT ON ordv FOR EACH ROW EXECUTE FUNCTION land();
COPY ordv FROM STDIN;
one
two
\.
COPY landed TO STDOUT;
CREATE TEMP TABLE tmp (a int, e text);
CREATE FUNCTION mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.e := 'marked'; RETURN NEW; END $$;
CREATE TRIGGER tmp_mark BEFORE INSERT ON tmp FOR EACH ROW EXECUTE FUNCTION mark();
INSERT INTO tmp (a) VALUES (1);
COPY tmp (a) FROM STDIN;
2
\.
COPY tmp TO STDOUT;
EOF
}
pgreg sl >"$DIR/sl.pgreg" 2>&1
pgreg pg >"$DIR/pg.pgreg" 2>&1
diff "$DIR/pg.pgreg" "$DIR/sl.pgreg" >&2 || fail "COPY (PostgreSQL's regression cases) differs from PostgreSQL 15"

# COPY FROM ... WHERE (PostgreSQL's copy2 script): rows the condition holds for go in, the count
# is theirs, a NULL condition drops the row, a bad value still fails, in a transaction block too.
copy_where() {
	local side=$1
	$side -v VERBOSITY=default 2>&1 <<'EOF'
CREATE TABLE cw (a int, b text, c numeric(6,2) DEFAULT 9.5, d date);
COPY cw (a, b) FROM STDIN WHERE a > 2;
1	x
3	y
\N	z
5	Q
\.
COPY cw FROM STDIN (FORMAT csv) WHERE b LIKE 'k%' AND cw.a % 2 = 0;
2,kk,1.25,2024-01-02
4,kz,,2024-02-03
6,zz,2,
\.
COPY cw FROM STDIN WHERE d > '2024-01-05' OR d IS NULL;
7	a	1	2024-01-01
8	b	1	2024-03-01
9	c	1	\N
\.
COPY cw FROM STDIN WHERE a::text || b = '10x';
10	x	1	\N
11	x	1	\N
\.
COPY cw (a) FROM STDIN WHERE a > 0;
bad
\.
BEGIN;
COPY cw (a, b) FROM STDIN WHERE lower(b) = 'up';
12	UP
13	down
\.
SELECT count(*) FROM cw;
COMMIT;
COPY cw TO STDOUT;
EOF
}
copy_where sl >"$DIR/sl.where" 2>&1
copy_where pg >"$DIR/pg.where" 2>&1
diff "$DIR/pg.where" "$DIR/sl.where" >&2 || fail "COPY FROM ... WHERE differs from PostgreSQL 15"

# Found probing PostgreSQL's copy, copy2 and copyselect scripts with psql (probecopy): a
# numeric(p,s) column takes the value rounded to s digits and refuses one too large (22003,
# PostgreSQL's DETAIL, the column's CONTEXT), also in binary; a failed row's nextval() default
# is shown and left as currval, as PostgreSQL leaves it; errors found while a line is read
# (its end, the end marker, invalid UTF-8) name the line without its text.
probecopy() {
	local side=$1
	printf 'create table num (a int, b numeric(5,2), c numeric(3,-2), d numeric(2,3))\n' | $side
	printf '1\t1.005\t12345\t0.0495\n2\t-0.004\t-149.5\t\\N\n3\t1.5e2\t1e2\t5e-3\n4\tNaN\t0\t-0.05\n' |
		$side -c "COPY num FROM STDIN"
	printf '5\t999.995\t1\t0\n' | $side -v VERBOSITY=default -c "COPY num FROM STDIN" 2>&1 || true
	printf '5\t1\t12345678\t0\n' | $side -v VERBOSITY=default -c "COPY num FROM STDIN" 2>&1 || true
	printf '5\t1\t1\t0.1\n' | $side -v VERBOSITY=default -c "COPY num FROM STDIN" 2>&1 || true
	printf '5\tInfinity\t1\t0\n' | $side -v VERBOSITY=default -c "COPY num FROM STDIN" 2>&1 || true
	$side -c "SELECT a, b, b * 1000, c, d FROM num ORDER BY a"
	$side -c "\\copy num to '$DIR/$side.num.bin' (format binary)" -c "TRUNCATE num" \
		-c "\\copy num from '$DIR/$side.num.bin' (format binary)" -c "COPY num TO STDOUT"
	$side -c "CREATE SEQUENCE s1" -c "CREATE TABLE sq (id int, b int DEFAULT nextval('s1'), d text NOT NULL)"
	printf '1\ta\n2\tb\n' | $side -c "COPY sq (id, d) FROM STDIN"
	printf '3\t\\N\n' | $side -v VERBOSITY=default -c "COPY sq (id, d) FROM STDIN" 2>&1 || true
	$side -c "SELECT currval('s1')" -c "SELECT nextval('s1')"
	printf '1\tx\r\n2\ty\n' | $side -c "COPY sq (id, d) FROM STDIN" 2>&1 || true
	printf '1\tx\n2\ty\r\n' | $side -c "COPY sq (id, d) FROM STDIN" 2>&1 || true
	printf '1\tx\n2\ty\\.z\n' | $side -c "COPY sq (id, d) FROM STDIN" 2>&1 || true
	printf '1\tx\n2\ty\xff\n' | $side -c "COPY sq (id, d) FROM STDIN" 2>&1 || true
	printf '1\tx\n2\ty\\xff\n' | $side -c "COPY sq (id, d) FROM STDIN" 2>&1 || true
	# COPY n leaves out the rows a BEFORE trigger skipped; a foreign key names no line
	$side -c "CREATE TABLE pk (id int PRIMARY KEY)" -c "INSERT INTO pk VALUES (1), (3)" \
		-c "CREATE TABLE tr (a int REFERENCES pk, b text)" \
		-c "CREATE FUNCTION trr() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN IF NEW.a < 0 THEN RETURN NULL; END IF; RETURN NEW; END \$\$" \
		-c "CREATE TRIGGER t3 BEFORE INSERT ON tr FOR EACH ROW EXECUTE FUNCTION trr()"
	printf '1\ta\n-2\tb\n3\tc\n' | $side -c "COPY tr FROM STDIN" -c '\echo :ROW_COUNT'
	printf '1\ta\n9\tb\n' | $side -v VERBOSITY=default -c "COPY tr FROM STDIN" 2>&1 || true
	$side -c "COPY tr TO STDOUT"
}
probecopy sl >"$DIR/sl.probecopy" 2>&1
probecopy pg >"$DIR/pg.probecopy" 2>&1
diff "$DIR/pg.probecopy" "$DIR/sl.probecopy" >&2 || fail "probecopy cases differ from PostgreSQL 15"

kill -TERM "$SPID"
wait "$SPID" || fail "shardlite exited non-zero"
SPID=
grep -q 'ASSERT failed' "$DIR/log" && fail "ASSERT in server log"
echo "copy psql differential: ok"
