-- Found by probing with PostgreSQL's namespace, privileges, temp, returning, truncate, delete
-- and update regression files (their facts, our statements): a failed block refuses a statement
-- before analyzing it, a write with RETURNING to a view without INSTEAD OF triggers is refused
-- as one without RETURNING, UPDATE's SET (a, b) = (SELECT ...) of more than one row is 21000,
-- writes to a materialized view are refused, MERGE's unreachable WHEN clause is 42601,
-- has_sequence_privilege, and PostgreSQL's SQLSTATEs and messages.
CREATE TABLE ns27_t (id int, a int);
INSERT INTO ns27_t VALUES (1, 10), (2, 20);
-- In a failed block every statement but ROLLBACK/COMMIT is 25P02, before its analysis: a
-- statement the translator would refuse (a table name hidden by its alias, an unknown
-- function, an unsupported construct) is 25P02 too, not its own error
BEGIN;
SELECT 1 / 0;
DELETE FROM ns27_t d WHERE ns27_t.a > 1;
SELECT nosuchfn(1);
SELECT x.id FROM ns27_t;
UPDATE ns27_t SET a = 0 FROM nosuchtable n WHERE n.id = ns27_t.id;
CREATE TABLE ns27_x (a int) INHERITS (ns27_t);
SELECT 1;
ROLLBACK;
SELECT count(*) FROM ns27_t;
-- a syntax error is still reported first, as PostgreSQL parses before it checks the block
BEGIN;
SELECT 1 / 0;
SELEC 1;
ROLLBACK;
-- ROLLBACK TO a savepoint leaves the failed state; the next statement is analyzed again
BEGIN;
SAVEPOINT s1;
SELECT 1 / 0;
DELETE FROM ns27_t d WHERE ns27_t.a > 1;
ROLLBACK TO s1;
DELETE FROM ns27_t d WHERE ns27_t.a > 1;
COMMIT;
-- the extended protocol's Parse in a failed block: 25P02 as well
BEGIN;
SELECT 1 / 0;
-- extended
DELETE FROM ns27_t d WHERE ns27_t.a > $1;
-- extended
SELECT id FROM ns27_t WHERE a = $1;
ROLLBACK;
-- the same statements outside a failed block keep their own errors
DELETE FROM ns27_t d WHERE ns27_t.a > 1;
SELECT nosuchfn(1);
-- A write with RETURNING to a view: SQLite 3.40 would take it, return the VALUES and change
-- nothing; the view is automatically updatable, so the write goes to its table
CREATE VIEW ns27_v AS SELECT id, a FROM ns27_t;
INSERT INTO ns27_v VALUES (3, 30);
INSERT INTO ns27_v VALUES (4, 40) RETURNING *;
UPDATE ns27_v SET a = a + 1 WHERE id = 3 RETURNING id, a;
DELETE FROM ns27_v WHERE id = 1 RETURNING *;
-- the rows were written through the view
SELECT id, a FROM ns27_t ORDER BY id;
CREATE TEMP TABLE ns27_tt (id int, a int);
CREATE TEMP VIEW ns27_tv AS SELECT id, a FROM ns27_tt;
INSERT INTO ns27_tv VALUES (5, 50) RETURNING id;
SELECT count(*) FROM ns27_tt;
-- a temporary table hides a view of its name: RETURNING from it works
CREATE VIEW ns27_hidden AS SELECT id, a FROM ns27_t;
CREATE TEMP TABLE ns27_hidden (id int, a int);
INSERT INTO ns27_hidden VALUES (6, 60) RETURNING *;
DROP TABLE ns27_hidden;
DROP VIEW ns27_hidden;
-- has_sequence_privilege: the owner's privileges on its sequences; PostgreSQL's errors
CREATE SEQUENCE ns27_s;
SELECT has_sequence_privilege('ns27_s', 'USAGE');
SELECT has_sequence_privilege('ns27_s', 'select, update');
SELECT has_sequence_privilege('ns27_s', 'USAGE WITH GRANT OPTION');
SELECT has_sequence_privilege('ns27_s'::regclass, 'UPDATE');
SELECT has_sequence_privilege(current_user, 'ns27_s', 'SELECT');
SELECT has_sequence_privilege('public.ns27_s', 'USAGE');
SELECT has_sequence_privilege('ns27_s', 'INSERT');
SELECT has_sequence_privilege('ns27_t', 'USAGE');
SELECT has_sequence_privilege('ns27_t', 'INSERT');
SELECT has_sequence_privilege('pg_class', 'USAGE');
SELECT has_sequence_privilege('ns27_nosuch', 'USAGE');
SELECT has_sequence_privilege('ns27_s', NULL);
SELECT has_sequence_privilege('no_such_role', 'ns27_s', 'USAGE');
-- a list of privileges is true when any one is held: the catalog's SELECT/USAGE among others
SELECT has_table_privilege('pg_class', 'INSERT, SELECT'), has_schema_privilege('pg_catalog', 'CREATE, USAGE');
SELECT has_column_privilege('pg_class', 'relname', 'UPDATE, SELECT');
-- pg_has_role: the session's user is a member of itself; other names are no role
SELECT pg_has_role(current_user, 'MEMBER'), pg_has_role(current_user, 'usage');
SELECT pg_has_role(current_user, current_user, ' MEMBER , USAGE ');
SELECT pg_has_role(current_user, 'SELECT');
SELECT pg_has_role('ns27_no_such_role', 'MEMBER');
SELECT pg_has_role(current_user, 'ns27_no_such_role', 'USAGE');
SELECT pg_has_role(current_user, NULL), pg_has_role(NULL::name, 'MEMBER');
-- has_function_privilege by text is regprocedure's: a bare name is 22P02
SELECT has_function_privilege('now()', 'EXECUTE');
SELECT has_function_privilege('length(text)', 'execute');
SELECT has_function_privilege('now', 'EXECUTE');
SELECT has_function_privilege('now()', 'USAGE');
-- and the tenant's own functions by signature, their types spelled any way PostgreSQL reads
-- them (int, int4, integer)
CREATE FUNCTION ns27_f(int) RETURNS int LANGUAGE sql AS 'SELECT $1';
CREATE FUNCTION ns27_f2(integer, text) RETURNS int LANGUAGE sql AS 'SELECT $1';
CREATE FUNCTION ns27_f0() RETURNS int LANGUAGE sql AS 'SELECT 1';
SELECT has_function_privilege('ns27_f(int)', 'EXECUTE');
SELECT has_function_privilege('ns27_f(integer)', 'EXECUTE'), has_function_privilege('public.ns27_f(int4)', 'EXECUTE');
SELECT has_function_privilege('ns27_f2( int4 , TEXT )', 'EXECUTE'), has_function_privilege('ns27_f0()', 'EXECUTE');
SELECT has_function_privilege('ns27_f(bigint)', 'EXECUTE');
SELECT has_function_privilege('ns27_f(text)', 'EXECUTE');
SELECT has_function_privilege('ns27_f2(integer)', 'EXECUTE');
SELECT to_regprocedure('ns27_f(integer)') IS NOT NULL, to_regprocedure('ns27_f(text)') IS NULL;
SELECT 'ns27_f2(int, text)'::regprocedure::oid = 'ns27_f2'::regproc::oid;
DROP FUNCTION ns27_f(int);
DROP FUNCTION ns27_f2(integer, text);
DROP FUNCTION ns27_f0();
-- GRANT of a privilege no relation has names the relation, as PostgreSQL 15 does
GRANT EXECUTE ON ns27_t TO PUBLIC;
GRANT EXECUTE ON TABLE ns27_t, ns27_s TO PUBLIC;
GRANT INSERT ON SEQUENCE ns27_s TO PUBLIC;
-- CREATE SCHEMA IF NOT EXISTS with elements: the grammar's 0A000
CREATE SCHEMA IF NOT EXISTS ns27_schema CREATE TABLE ns27_in (a int);
-- UPDATE ... SET (a, b) = (SELECT ...): a second row is 21000 (SQLite's row value took the
-- first one and updated every row with it), no row sets NULLs, another column count is 42601
CREATE TABLE ns27_m (k int, x int, y text);
INSERT INTO ns27_m VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c');
UPDATE ns27_m SET (x, y) = (SELECT x + 1, y FROM ns27_m);
SELECT k, x, y FROM ns27_m ORDER BY k;
UPDATE ns27_m o SET (x, y) = (SELECT i.x * 2, upper(i.y) FROM ns27_m i WHERE i.k = o.k)
  RETURNING k, x, y;
UPDATE ns27_m SET (x, y) = (SELECT x, y FROM ns27_m WHERE k = 99) WHERE k = 3 RETURNING *;
UPDATE ns27_m SET (y, x) = (SELECT min(y), max(x) FROM ns27_m) WHERE k = 1 RETURNING *;
UPDATE ns27_m SET (x, y) = (SELECT 5, 'v' UNION ALL SELECT 6, 'w');
UPDATE ns27_m SET (x, y) = (SELECT 5, 'v' UNION ALL SELECT 6, 'w' LIMIT 1) WHERE k = 2;
UPDATE ns27_m SET (x, y) = (SELECT 1, 'a', 2);
UPDATE ns27_m SET (x, y, k) = (SELECT 1, 'a');
BEGIN;
UPDATE ns27_m SET (x, y) = (SELECT k, y FROM ns27_m WHERE k < 3);
ROLLBACK;
SELECT k, x, y FROM ns27_m ORDER BY k;
DROP TABLE ns27_m;
-- INSERT into an array element is refused, also beside a DEFAULT (the subscript was dropped and
-- the whole column written: '{7,8}' stored where PostgreSQL refuses it as an element)
CREATE TABLE ns27_arr (f1 int DEFAULT 5, f2 int[]);
-- differs: inserting into an array element or field is 0A000 in shardlite
INSERT INTO ns27_arr (f2[1], f1) VALUES ('{7,8}', DEFAULT);
-- differs: inserting into an array element or field is 0A000 in shardlite
INSERT INTO ns27_arr (f2[1], f2[2]) VALUES (1, 2);
-- differs: PostgreSQL inserted the row above, shardlite refused it
SELECT count(*) FROM ns27_arr;
DROP TABLE ns27_arr;
-- A materialized view is written only by REFRESH: INSERT, UPDATE, DELETE, TRUNCATE and COPY
-- are 42809, MERGE into one 0A000 (they had changed the SQLite table behind it)
CREATE TABLE ns27_src (a int);
INSERT INTO ns27_src VALUES (1), (2);
CREATE MATERIALIZED VIEW ns27_mv AS SELECT a FROM ns27_src;
CREATE MATERIALIZED VIEW ns27_mv0 AS SELECT a FROM ns27_src WITH NO DATA;
INSERT INTO ns27_mv VALUES (3);
INSERT INTO public.ns27_mv SELECT a + 10 FROM ns27_src RETURNING a;
UPDATE ns27_mv SET a = a + 1;
DELETE FROM ns27_mv WHERE a = 1;
DELETE FROM ns27_mv0;
TRUNCATE ns27_mv;
TRUNCATE ns27_src, ns27_mv;
COPY ns27_mv TO STDOUT;
MERGE INTO ns27_mv m USING ns27_src s ON m.a = s.a WHEN MATCHED THEN DELETE;
SELECT a FROM ns27_mv ORDER BY a;
SELECT count(*) FROM ns27_src;
-- reading one stays allowed, as a MERGE source too
MERGE INTO ns27_src t USING ns27_mv m ON m.a = t.a WHEN MATCHED THEN UPDATE SET a = t.a + 10;
REFRESH MATERIALIZED VIEW ns27_mv;
SELECT a FROM ns27_mv ORDER BY a;
-- a temporary table of its name hides it: written as any table
CREATE TEMP TABLE ns27_mv (a int);
INSERT INTO ns27_mv VALUES (99);
INSERT INTO pg_temp.ns27_mv VALUES (98);
SELECT a FROM pg_temp.ns27_mv ORDER BY a;
DROP TABLE pg_temp.ns27_mv;
DROP MATERIALIZED VIEW ns27_mv;
DROP MATERIALIZED VIEW ns27_mv0;
-- MERGE: a WHEN clause after an unconditional one of its kind is 42601, as PostgreSQL's
-- (it had run on the rows the first left)
MERGE INTO ns27_src t USING (VALUES (11), (5)) v(a) ON t.a = v.a
  WHEN MATCHED THEN DELETE WHEN MATCHED THEN UPDATE SET a = 0;
MERGE INTO ns27_src t USING (VALUES (11), (5)) v(a) ON t.a = v.a
  WHEN NOT MATCHED THEN DO NOTHING WHEN MATCHED THEN DELETE
  WHEN NOT MATCHED AND v.a > 1 THEN INSERT VALUES (v.a);
MERGE INTO ns27_src t USING (VALUES (11), (5)) v(a) ON t.a = v.a
  WHEN MATCHED AND t.a > 100 THEN DELETE WHEN MATCHED THEN UPDATE SET a = t.a + 1
  WHEN NOT MATCHED AND v.a > 100 THEN DO NOTHING WHEN NOT MATCHED THEN INSERT VALUES (v.a);
SELECT a FROM ns27_src ORDER BY a;
-- MERGE INTO a view is PostgreSQL's 0A000 naming the relation; a view as the source reads
CREATE VIEW ns27_srcv AS SELECT a FROM ns27_src;
MERGE INTO ns27_srcv t USING (VALUES (6)) v(a) ON t.a = v.a WHEN MATCHED THEN DELETE;
MERGE INTO ns27_src t USING ns27_srcv v ON t.a = v.a WHEN MATCHED THEN UPDATE SET a = v.a * 2;
SELECT a FROM ns27_src ORDER BY a;
DROP VIEW ns27_srcv;
DROP TABLE ns27_src;
DROP VIEW ns27_v;
DROP TABLE ns27_t;
DROP SEQUENCE ns27_s;
