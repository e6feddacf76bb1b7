-- information_schema.views and tables, pg_get_viewdef and pg_relation_is_updatable keep what
-- the translator said of each view until the schema changes: a replaced, dropped or
-- rolled-back view, and a search_path that qualifies the names, answer anew.
CREATE TABLE cp2_t (a integer, b text);
CREATE VIEW cp2_v AS SELECT a, b FROM cp2_t;
CREATE VIEW cp2_w AS SELECT DISTINCT a FROM cp2_t;
SELECT table_name, view_definition, check_option, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name LIKE 'cp2%' ORDER BY table_name;
SELECT table_name, table_type, is_insertable_into FROM information_schema.tables WHERE table_name LIKE 'cp2%' ORDER BY table_name;
SELECT pg_get_viewdef('cp2_v'::regclass), pg_get_viewdef('cp2_v'::regclass, true), pg_relation_is_updatable('cp2_v'::regclass, false), pg_relation_is_updatable('cp2_w'::regclass, false);
CREATE OR REPLACE VIEW cp2_v AS SELECT a, b, a + 1 AS c FROM cp2_t;
SELECT table_name, view_definition, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name LIKE 'cp2%' ORDER BY table_name;
SELECT pg_get_viewdef('cp2_v'::regclass, true), pg_relation_is_updatable('cp2_v'::regclass, false);
BEGIN;
DROP VIEW cp2_w;
CREATE VIEW cp2_w AS SELECT a FROM cp2_t WHERE a > 0;
SELECT table_name, view_definition, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name = 'cp2_w';
SELECT table_name, is_insertable_into FROM information_schema.tables WHERE table_name = 'cp2_w';
ROLLBACK;
SELECT table_name, view_definition, is_updatable, is_insertable_into FROM information_schema.views WHERE table_name = 'cp2_w';
SELECT table_name, is_insertable_into FROM information_schema.tables WHERE table_name = 'cp2_w';
SET search_path = pg_catalog;
SELECT table_name, view_definition FROM information_schema.views WHERE table_name LIKE 'cp2%' ORDER BY table_name;
SELECT pg_get_viewdef('public.cp2_v'::regclass);
RESET search_path;
SELECT table_name, view_definition FROM information_schema.views WHERE table_name LIKE 'cp2%' ORDER BY table_name;
DROP VIEW cp2_v;
SELECT table_name FROM information_schema.views WHERE table_name LIKE 'cp2%' ORDER BY table_name;
DROP VIEW cp2_w;
DROP TABLE cp2_t;
