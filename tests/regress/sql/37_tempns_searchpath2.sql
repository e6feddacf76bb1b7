-- More statements under a search_path that names pg_temp after public.
CREATE TABLE t (a int);
INSERT INTO t VALUES (1);
CREATE TEMP TABLE t (a int);
INSERT INTO t VALUES (2);
SET search_path = public, pg_temp;
-- extended
SELECT a FROM t WHERE a > $1::int - 100;
SET search_path = pg_temp, public;
-- extended
SELECT a FROM t WHERE a > $1::int - 100;
SET search_path = public, pg_temp;
SELECT a FROM t WHERE a > 0;
SET search_path = pg_temp, public;
SELECT a FROM t WHERE a > 0;
SET search_path = public, pg_temp;
TRUNCATE t;
SELECT (SELECT count(*) FROM public.t) AS perm, (SELECT count(*) FROM pg_temp.t) AS tmp;
INSERT INTO t SELECT a + 10 FROM pg_temp.t;
SELECT * FROM public.t;
COMMENT ON TABLE t IS 'the permanent one';
COMMENT ON COLUMN t.a IS 'a column';
COMMENT ON TABLE pg_temp.t IS 'the temporary one';
SELECT obj_description('pg_temp.t'::regclass, 'pg_class') AS tmp;
SELECT obj_description('public.t'::regclass, 'pg_class') AS perm, col_description('public.t'::regclass, 1) AS col;
-- renames and rebuilds reach the permanent one (the temporary table stands aside meanwhile)
ALTER TABLE t RENAME TO t_perm;
SELECT relname, relpersistence FROM pg_class WHERE relname IN ('t', 't_perm') ORDER BY 1, 2;
ALTER TABLE IF EXISTS t_perm RENAME TO t;
SELECT * FROM t;
ALTER TABLE t ALTER COLUMN a SET NOT NULL;
SELECT c.relpersistence, a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 't' AND a.attname = 'a' ORDER BY 1;
ALTER TABLE t ADD COLUMN b text DEFAULT 'added';
SELECT * FROM t;
SELECT * FROM pg_temp.t;
BEGIN;
LOCK TABLE t IN ACCESS SHARE MODE;
SELECT * FROM t;
COMMIT;
-- a view whose query names t is made over the table search_path finds
CREATE VIEW vt AS SELECT a FROM t;
SELECT * FROM vt;
SELECT relpersistence FROM pg_class WHERE relname = 'vt';
DROP VIEW vt;
-- a sequence and a view a temporary one hides, dropped by their unqualified names
CREATE SEQUENCE sq START 5;
CREATE TEMP SEQUENCE sq START 500;
SELECT nextval('sq');
DROP SEQUENCE sq;
SELECT relname, relpersistence FROM pg_class WHERE relname = 'sq';
RESET search_path;
DROP SEQUENCE pg_temp.sq;
SET search_path = public, pg_temp;
DROP SEQUENCE IF EXISTS sq;
CREATE VIEW v AS SELECT 1 AS x;
CREATE TEMP VIEW v AS SELECT 2 AS x;
SELECT * FROM v;
DROP VIEW v;
SELECT * FROM v;
SELECT relpersistence FROM pg_class WHERE relname = 'v';
-- pg_table_is_visible: the permanent table is the visible one now
SELECT c.relpersistence, pg_table_is_visible(c.oid) FROM pg_class c WHERE c.relname = 't' ORDER BY 1;
RESET search_path;
SELECT c.relpersistence, pg_table_is_visible(c.oid) FROM pg_class c WHERE c.relname = 't' ORDER BY 1;
-- a schema of the tenant's before pg_temp
CREATE SCHEMA app;
CREATE TABLE app.w (x text);
INSERT INTO app.w VALUES ('app');
CREATE TEMP TABLE w (x text);
INSERT INTO w VALUES ('temp');
SET search_path = app, pg_temp, public;
SELECT * FROM w;
INSERT INTO w VALUES ('app 2');
SELECT count(*) FROM app.w;
SELECT 'w'::regclass = 'app.w'::regclass AS same;
SET search_path = pg_temp, app, public;
SELECT * FROM w;
RESET search_path;
-- a permanent and a temporary table of one name with different column types
CREATE TABLE ty (a text, b numeric(6,2));
INSERT INTO ty VALUES ('perm', 1.5);
CREATE TEMP TABLE ty (a int, b bool);
INSERT INTO ty VALUES (1, true);
SET search_path = public, pg_temp;
SELECT * FROM ty;
SELECT a, b FROM ty WHERE a = 'perm';
SELECT * FROM public.ty;
SELECT * FROM pg_temp.ty;
RESET search_path;
SELECT * FROM ty;
SELECT * FROM public.ty;
