-- Tenant-local schemas on search_path: unqualified names are looked up through its elements
-- in order (the first schema holding the name wins), CREATE makes its object in the first
-- element, current_schema() and current_schemas() follow, psql's visibility too.
CREATE SCHEMA sp_a;
CREATE SCHEMA sp_b;
CREATE TABLE sp_a.t (v text);
CREATE TABLE sp_b.t (v text);
CREATE TABLE t (v text);
CREATE TABLE sp_b.only_b (n int);
INSERT INTO sp_a.t VALUES ('in a');
INSERT INTO sp_b.t VALUES ('in b');
INSERT INTO t VALUES ('in public');
INSERT INTO sp_b.only_b VALUES (7);
SELECT v FROM t;
SELECT current_schema(), current_schemas(false), current_schemas(true);
SET search_path TO sp_a, public;
SELECT v FROM t;
SELECT t.v FROM t;
SELECT n FROM only_b;
SELECT current_schema(), current_schemas(false), current_schemas(true);
SET search_path TO sp_b, sp_a, public;
SELECT v FROM t;
SELECT n FROM only_b;
SELECT current_schema(), current_schemas(true);
SET search_path TO public, sp_b;
SELECT v FROM t;
SELECT n FROM only_b;
SET search_path TO sp_a, public;
CREATE TABLE made (id serial PRIMARY KEY, v text);
INSERT INTO made (v) VALUES ('x') RETURNING id, v;
CREATE INDEX made_v ON made (v);
CREATE VIEW made_v_view AS SELECT v FROM made;
SELECT v FROM made_v_view;
UPDATE made SET v = 'y' WHERE made.id = 1;
DELETE FROM made WHERE v = 'nothing';
WITH t AS (SELECT 'cte' AS v) SELECT v FROM t;
SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relname LIKE 'made%' ORDER BY 1;
SELECT relname, pg_table_is_visible(oid) FROM pg_class
 WHERE relname IN ('t', 'only_b', 'made') ORDER BY relname, relnamespace::regnamespace::text;
SELECT 'made'::regclass, 't'::regclass;
SELECT v FROM sp_a.made;
SELECT v FROM public.t;
SELECT * FROM nosuch;
DROP VIEW made_v_view;
DROP TABLE made;
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'sp_a';
RESET search_path;
SELECT v FROM t;
SELECT current_schema();
DROP TABLE sp_a.t;
DROP TABLE sp_b.t, sp_b.only_b, t;
DROP SCHEMA sp_a, sp_b;
