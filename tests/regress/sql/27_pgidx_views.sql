-- Views, materialized views and indexes, differences found probing PostgreSQL's create_view,
-- matview, create_index and drop_if_exists corpora: DROP without CASCADE of what a view or
-- another table's foreign key depends on, pg_get_viewdef(text), a view's column name list
-- shorter than its query, CONCURRENTLY inside a transaction block, relispopulated.
CREATE TABLE pi_item (id int PRIMARY KEY, label text, price numeric(8,2));
INSERT INTO pi_item VALUES (1, 'pen', 1.50), (2, 'ink', 7.25);
CREATE TABLE pi_misc (k int);
CREATE VIEW pi_cheap AS SELECT id, label FROM pi_item WHERE price < 5;
CREATE VIEW pi_cheap_ids AS SELECT id FROM pi_cheap;
CREATE VIEW pi_misc_v AS SELECT k FROM pi_misc;
-- a view reads the table (directly, and through another view): 2BP01, nothing dropped
DROP TABLE pi_item;
DROP TABLE pi_item RESTRICT;
DROP TABLE IF EXISTS pi_item;
DROP TABLE pi_misc, pi_item;
DROP VIEW pi_cheap;
SELECT id, label FROM pi_cheap_ids JOIN pi_item USING (id) ORDER BY id;
SELECT count(*) FROM pg_views WHERE viewname LIKE 'pi\_%';
-- the dependent view in the same statement: both go, in either order
DROP VIEW pi_cheap, pi_cheap_ids;
CREATE VIEW pi_cheap AS SELECT id, label FROM pi_item WHERE price < 5;
CREATE VIEW pi_cheap_ids AS SELECT id FROM pi_cheap;
DROP VIEW pi_cheap_ids, pi_cheap;
SELECT count(*) FROM pg_views WHERE viewname LIKE 'pi\_cheap%';
-- inside a transaction block the failed DROP leaves everything in place
BEGIN;
DROP TABLE pi_misc;
ROLLBACK;
BEGIN;
SAVEPOINT a;
DROP TABLE pi_misc;
ROLLBACK TO a;
SELECT count(*) FROM pi_misc_v;
COMMIT;
DROP VIEW pi_misc_v;
DROP TABLE pi_misc;
-- CASCADE still drops the views
CREATE TABLE pi_gone (a int);
CREATE VIEW pi_gone_v AS SELECT a FROM pi_gone;
DROP TABLE pi_gone CASCADE;
SELECT count(*) FROM pg_views WHERE viewname = 'pi_gone_v';
-- another table's foreign key references the table, with rows or without
CREATE TABLE pi_parent (id int PRIMARY KEY);
CREATE TABLE pi_child (pid int REFERENCES pi_parent);
DROP TABLE pi_parent;
INSERT INTO pi_parent VALUES (1);
INSERT INTO pi_child VALUES (1);
DROP TABLE pi_parent;
SELECT pid FROM pi_child;
DROP TABLE pi_parent, pi_child;
CREATE TABLE pi_tree (id int PRIMARY KEY, up int REFERENCES pi_tree);
INSERT INTO pi_tree VALUES (1, NULL), (2, 1);
DROP TABLE pi_tree;
-- pg_get_viewdef of a view's name (text), as pg_dump's older queries and GUIs call it
CREATE VIEW pi_names AS SELECT label, price FROM pi_item WHERE id > 1;
SELECT pg_get_viewdef('pi_names') = pg_get_viewdef('pi_names'::regclass) AS same;
SELECT pg_get_viewdef('public.pi_names', true) = pg_get_viewdef('pi_names'::regclass, true) AS same;
SELECT pg_get_viewdef('pi_names'::text) IS NOT NULL AS named;
SELECT pg_get_viewdef('pi_nosuch');
SELECT pg_get_viewdef('pi_item') IS NULL AS not_a_view;
SELECT definition = pg_get_viewdef('pi_names'::regclass) AS same FROM pg_views WHERE viewname = 'pi_names';
-- a column name list shorter than the query's columns renames the first ones; longer is 42601
CREATE VIEW pi_short (item) AS SELECT id, label, price FROM pi_item;
SELECT * FROM pi_short ORDER BY item;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'pi_short'::regclass AND attnum > 0 ORDER BY attnum;
CREATE VIEW pi_star (a, b) AS SELECT * FROM pi_item;
SELECT * FROM pi_star ORDER BY a;
CREATE VIEW pi_long (a, b, c, d) AS SELECT id, label, price FROM pi_item;
CREATE OR REPLACE VIEW pi_short (item) AS SELECT id, label, price, 0 AS extra FROM pi_item;
SELECT * FROM pi_short ORDER BY item;
CREATE MATERIALIZED VIEW pi_mshort (item) AS SELECT id, label FROM pi_item;
SELECT * FROM pi_mshort ORDER BY item;
-- an index named like an existing table or view
CREATE INDEX pi_item ON pi_item (label);
CREATE INDEX pi_names ON pi_item (label);
-- CONCURRENTLY cannot run inside a transaction block (25001)
BEGIN;
CREATE INDEX CONCURRENTLY pi_label_idx ON pi_item (label);
ROLLBACK;
BEGIN;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS pi_label_idx ON pi_item (label);
ROLLBACK;
CREATE INDEX CONCURRENTLY pi_label_idx ON pi_item (label);
CREATE INDEX CONCURRENTLY pi_price_idx ON pi_item (price);
BEGIN;
DROP INDEX CONCURRENTLY pi_label_idx;
ROLLBACK;
BEGIN;
REINDEX TABLE CONCURRENTLY pi_item;
ROLLBACK;
BEGIN;
REINDEX (CONCURRENTLY) INDEX pi_label_idx;
ROLLBACK;
BEGIN;
REINDEX INDEX pi_label_idx;
COMMIT;
REINDEX TABLE CONCURRENTLY pi_item;
DROP INDEX CONCURRENTLY pi_label_idx, pi_price_idx;
DROP INDEX CONCURRENTLY pi_label_idx CASCADE;
DROP INDEX CONCURRENTLY pi_label_idx;
DROP INDEX CONCURRENTLY IF EXISTS pi_label_idx;
SELECT indexname FROM pg_indexes WHERE tablename = 'pi_item' ORDER BY 1;
-- a materialized view made WITH NO DATA is not populated until REFRESH
CREATE MATERIALIZED VIEW pi_later AS SELECT id FROM pi_item WITH NO DATA;
SELECT relname, relkind, relispopulated FROM pg_class WHERE relname IN ('pi_later', 'pi_item', 'pi_names', 'pi_item_pkey') ORDER BY 1;
REFRESH MATERIALIZED VIEW pi_later;
SELECT relispopulated FROM pg_class WHERE relname = 'pi_later';
REFRESH MATERIALIZED VIEW pi_later WITH NO DATA;
SELECT relispopulated, (SELECT ispopulated FROM pg_matviews WHERE matviewname = 'pi_later') FROM pg_class WHERE relname = 'pi_later';
-- a materialized view's rows are its query's as of the last REFRESH: writes are 42809
CREATE TABLE pi_src (a int, b text);
INSERT INTO pi_src VALUES (1, 'x'), (2, 'y');
CREATE MATERIALIZED VIEW pi_mv AS SELECT a, b FROM pi_src;
CREATE MATERIALIZED VIEW pi_mv_none AS SELECT a FROM pi_src WITH NO DATA;
INSERT INTO pi_mv VALUES (3, 'z');
INSERT INTO public.pi_mv SELECT a + 10, b FROM pi_src;
UPDATE pi_mv SET a = 5 WHERE a = 1;
DELETE FROM pi_mv;
DELETE FROM pi_mv_none;
TRUNCATE pi_mv;
TRUNCATE pi_src, pi_mv;
WITH w AS (INSERT INTO pi_mv VALUES (9, 'q') RETURNING a) SELECT * FROM w;
MERGE INTO pi_mv USING pi_src ON pi_mv.a = pi_src.a WHEN MATCHED THEN DELETE;
WITH pi_mv AS (SELECT 7 AS a) SELECT a FROM pi_mv;
SELECT a, b FROM pi_mv ORDER BY a;
INSERT INTO pi_src VALUES (3, 'z');
REFRESH MATERIALIZED VIEW pi_mv;
REFRESH MATERIALIZED VIEW pi_mv_none;
SELECT a, b FROM pi_mv ORDER BY a;
SELECT a FROM pi_mv_none ORDER BY a;
DROP MATERIALIZED VIEW pi_mv;
CREATE TABLE pi_mv (a int, b text);
INSERT INTO pi_mv VALUES (4, 'w');
SELECT a, b FROM pi_mv;
-- * over a join that merges columns lists them as PostgreSQL does: the merged columns first
-- (USING's order; the left side's for NATURAL), then each side's others (SQLite kept the left
-- side's order); in a view and CREATE TABLE AS too
CREATE TABLE pj_a (a int, b int, c int);
CREATE TABLE pj_b (ax bigint, b int, c int);
CREATE TABLE pj_c (b int, q text);
CREATE TABLE pj_s (b smallint, r text);
INSERT INTO pj_a VALUES (1, 2, 3), (4, 5, 6);
INSERT INTO pj_b VALUES (9, 2, 3), (8, 7, 7);
INSERT INTO pj_c VALUES (2, 'two'), (5, 'five');
INSERT INTO pj_s VALUES (2, 'small');
SELECT * FROM pj_a NATURAL JOIN pj_b;
SELECT * FROM pj_a JOIN pj_b USING (b);
SELECT * FROM pj_a JOIN pj_b USING (c, b);
SELECT * FROM pj_a LEFT JOIN pj_b USING (b) ORDER BY a;
SELECT * FROM pj_a RIGHT JOIN pj_b USING (b) ORDER BY ax;
SELECT * FROM pj_a JOIN pj_b USING (b) JOIN pj_c USING (b);
SELECT * FROM pj_a NATURAL JOIN pj_c NATURAL JOIN pj_b;
SELECT * FROM pj_a JOIN pj_b USING (b), pj_c ORDER BY a, q;
SELECT *, 1 AS one FROM pj_a x JOIN pj_b y USING (b);
SELECT pj_a.*, pj_b.* FROM pj_a JOIN pj_b USING (b);
SELECT * FROM (SELECT a, b FROM pj_a) s JOIN pj_c USING (b) ORDER BY a;
SELECT * FROM pj_a JOIN pj_s USING (b);
SELECT * FROM pj_s RIGHT JOIN pj_a USING (b) ORDER BY a;
WITH w AS (SELECT * FROM pj_a JOIN pj_c USING (b)) SELECT * FROM w ORDER BY a;
SELECT count(*) FROM (SELECT * FROM pj_a JOIN pj_b USING (b)) s;
CREATE VIEW pj_v AS SELECT * FROM pj_a JOIN pj_c USING (b);
SELECT * FROM pj_v ORDER BY a;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'pj_v'::regclass AND attnum > 0 ORDER BY attnum;
CREATE VIEW pj_v2 AS SELECT * FROM pj_a JOIN pj_b USING (b);
CREATE VIEW pj_v3 AS SELECT * FROM pj_a NATURAL JOIN pj_b;
SELECT * FROM pj_v3;
CREATE TABLE pj_t AS SELECT * FROM pj_a JOIN pj_c USING (b);
SELECT * FROM pj_t ORDER BY a;
-- extended
SELECT * FROM pj_a JOIN pj_c USING (b) WHERE a = 4;
-- DROP MATERIALIZED VIEW of one a view reads: 2BP01, nothing dropped
CREATE TABLE pm_t (a int);
INSERT INTO pm_t VALUES (1);
CREATE MATERIALIZED VIEW pm_mv AS SELECT a FROM pm_t;
CREATE MATERIALIZED VIEW pm_mv2 AS SELECT a FROM pm_t;
CREATE VIEW pm_v AS SELECT a FROM pm_mv;
DROP MATERIALIZED VIEW pm_mv;
DROP MATERIALIZED VIEW pm_mv2, pm_mv;
SELECT relname FROM pg_class WHERE relname LIKE 'pm\_%' ORDER BY 1;
BEGIN;
DROP MATERIALIZED VIEW pm_mv;
ROLLBACK;
REFRESH MATERIALIZED VIEW pm_mv;
SELECT a FROM pm_v;
DROP VIEW pm_v;
DROP MATERIALIZED VIEW pm_mv, pm_mv2;
SELECT relname FROM pg_class WHERE relname LIKE 'pm\_%' ORDER BY 1;
-- FULL JOIN ... USING: the merged column is COALESCE of both sides, first
SELECT * FROM pj_a FULL JOIN pj_b USING (b) ORDER BY b;
SELECT * FROM pj_a FULL JOIN pj_b USING (b, c) ORDER BY b;
SELECT * FROM pj_a NATURAL FULL JOIN pj_c ORDER BY b;
SELECT * FROM pj_a FULL JOIN pj_b USING (b) JOIN pj_c USING (b) ORDER BY b;
CREATE VIEW pj_vf AS SELECT * FROM pj_a FULL JOIN pj_c USING (b);
SELECT * FROM pj_vf ORDER BY b;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'pj_vf'::regclass AND attnum > 0 ORDER BY attnum;
-- an aggregate or window function in an index expression or predicate: PostgreSQL's 42803 /
-- 42P20 (SQLite's own refusal was XX000)
CREATE TABLE pi_agg (a int, b text);
CREATE INDEX pi_agg_1 ON pi_agg ((count(*)));
CREATE INDEX pi_agg_2 ON pi_agg ((sum(a) + 1));
CREATE INDEX pi_agg_3 ON pi_agg ((row_number() OVER ()));
CREATE INDEX pi_agg_4 ON pi_agg (a) WHERE max(a) > 1;
CREATE INDEX pi_agg_5 ON pi_agg (lower(b)) WHERE a > 0;
CREATE UNIQUE INDEX pi_agg_6 ON pi_agg ((a + 1), b) WHERE b IS NOT NULL;
SELECT indexname FROM pg_indexes WHERE tablename = 'pi_agg' ORDER BY 1;
-- REFRESH of a table (0A000), a view or an index (42809)
REFRESH MATERIALIZED VIEW pi_agg;
REFRESH MATERIALIZED VIEW pi_names;
REFRESH MATERIALIZED VIEW pi_agg_5;
REFRESH MATERIALIZED VIEW pi_nosuch;
