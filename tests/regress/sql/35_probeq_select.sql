-- Probing PostgreSQL's select.sql, name.sql, char.sql, varchar.sql, select_into.sql,
-- expressions.sql and rangefuncs.sql: a whole row of a subquery two of whose columns share a
-- name (every unnamed column is ?column?) was built from the first of them only; a literal compared with a name is cut to 63 bytes as
-- namein cuts it; a boolean cast to varchar(n) or char(n) is cut; char(n)::bpchar and
-- max/min of a char(n) keep the blanks; SELECT ... INTO where PostgreSQL refuses it is 42601;
-- CREATE OR REPLACE FUNCTION renaming a named input parameter is 42P13 (it was taken).
-- differs: a whole row of a relation two of whose columns share a name is 0A000
select foo from (select 'xyzzy',1,null) as foo;
-- differs: a whole row of a relation two of whose columns share a name is 0A000
select row_to_json(foo) from (select 1 as a, 2 as a) foo;
-- differs: a whole row of a relation two of whose columns share a name is 0A000
select foo::text from (select 1 as a, 2 as a) foo;
select foo from (select 'xyzzy' as a, 1 as b, null as c) as foo;
select foo.b from (select 'xyzzy' as a, 1 as b, null as c) as foo;
CREATE TABLE name_tbl (f1 name);
INSERT INTO name_tbl VALUES ('1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890ABCDEFGHIJKLMNOPQR');
INSERT INTO name_tbl VALUES ('1234567890abcdefghijklmnopqrstuvwxyz1234567890abcdefghijklmnopqr');
INSERT INTO name_tbl VALUES ('asdfghjkl;');
INSERT INTO name_tbl VALUES ('');
INSERT INTO name_tbl VALUES ('1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ');
SELECT f1 FROM name_tbl WHERE f1 <> '1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890ABCDEFGHIJKLMNOPQR' ORDER BY f1;
SELECT f1 FROM name_tbl WHERE f1 = '1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890ABCDEFGHIJKLMNOPQR' ORDER BY f1;
SELECT f1 FROM name_tbl WHERE f1 < '1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890ABCDEFGHIJKLMNOPQR' ORDER BY f1;
SELECT f1 FROM name_tbl WHERE f1 >= '1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890ABCDEFGHIJKLMNOPQR' ORDER BY f1;
SELECT count(*) FROM name_tbl WHERE f1 = 'ééééééééééééééééééééééééééééééééé';
SELECT true::varchar(2), false::varchar(3), true::varchar, true::char(2), false::char(7) || '|';
CREATE TABLE bpchar_tbl (f1 char(6), f2 bpchar);
INSERT INTO bpchar_tbl VALUES ('ab', 'cd  '), ('a', 'x');
SELECT f1::bpchar, f1::bpchar || '|', octet_length(f1::bpchar), f1::bpchar = 'ab', f2::bpchar, octet_length(f2::bpchar) FROM bpchar_tbl ORDER BY f1;
SELECT max(f1), min(f1), octet_length(max(f1)), max(f2) FROM bpchar_tbl;
CREATE VIEW bpchar_view AS SELECT f1, f1::char(3) AS f13, f1::bpchar AS f1n, f2, f2::char(3) AS f23, f2::bpchar AS f2n FROM bpchar_tbl;
SELECT *, f1n || '|', f2n || '|' FROM bpchar_view ORDER BY f1;
SELECT * FROM (SELECT 1 INTO f) bar;
select (select 1 into x);
with w as (select 1 into z) select * from w;
CREATE VIEW foo AS SELECT 1 INTO b;
CREATE VIEW foo2 AS SELECT * FROM (SELECT 1 INTO f) bar;
BEGIN;
DECLARE foo CURSOR FOR SELECT 1 INTO b;
ROLLBACK;
CREATE FUNCTION dup (f1 anyelement, f2 out anyelement, f3 out anyarray) AS 'select $1, array[$1,$1]' LANGUAGE sql;
-- fields
CREATE OR REPLACE FUNCTION dup (inout f2 anyelement, out f3 anyarray) AS 'select $1, array[$1,$1]' LANGUAGE sql;
CREATE FUNCTION fx(a int, int) RETURNS int AS 'select $1' LANGUAGE sql;
-- fields
CREATE OR REPLACE FUNCTION fx(b int, int) RETURNS int AS 'select $1' LANGUAGE sql;
CREATE OR REPLACE FUNCTION fx(int, c int) RETURNS int AS 'select $1' LANGUAGE sql;
CREATE OR REPLACE FUNCTION fx(a int, c int) RETURNS int AS 'select $1' LANGUAGE sql;
CREATE OR REPLACE FUNCTION fx(a int, d int) RETURNS int AS 'select $1' LANGUAGE sql;
SELECT fx(a => 1, c => 2);
