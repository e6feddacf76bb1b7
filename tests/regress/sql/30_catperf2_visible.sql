-- pg_table_is_visible as psql's \d asks it for every row: the model's freshness is read once
-- per statement run, and a temporary table of the same name still hides the permanent one.
CREATE TABLE cp2_s (a integer);
CREATE SEQUENCE cp2_q;
SELECT c.relname, c.relkind, c.relpersistence, pg_table_is_visible(c.oid) AS visible FROM pg_class c WHERE c.relname LIKE 'cp2%' ORDER BY 1, 3;
COMMENT ON TABLE cp2_s IS 'shown';
CREATE SEQUENCE cp2_r;
SELECT c.relname, c.relkind, pg_table_is_visible(c.oid) AS visible, obj_description(c.oid, 'pg_class') AS comment FROM pg_class c WHERE c.relname LIKE 'cp2%' ORDER BY 1;
CREATE TEMP TABLE cp2_s (b text);
SELECT c.relname, c.relpersistence, pg_table_is_visible(c.oid) AS visible FROM pg_class c WHERE c.relname LIKE 'cp2%' ORDER BY 1, 2;
DROP TABLE cp2_s;
SELECT c.relname, c.relpersistence, pg_table_is_visible(c.oid) AS visible FROM pg_class c WHERE c.relname LIKE 'cp2%' ORDER BY 1, 2;
SELECT bool_or(pg_table_is_visible(c.oid)) AS any_visible FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'information_schema';
DROP SEQUENCE cp2_q;
DROP SEQUENCE cp2_r;
DROP TABLE cp2_s;
