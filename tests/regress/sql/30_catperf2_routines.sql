-- information_schema.routines and parameters: the built-ins' rows are made once per process
-- and carry each connection's database name; the tenant's functions are read per statement,
-- so one created or dropped after the built-ins were listed shows (or goes) at once.
SELECT specific_catalog = current_database() AS sc, routine_catalog = current_database() AS rc, type_udt_catalog = current_database() AS tc, routine_schema, routine_name, routine_type, data_type FROM information_schema.routines WHERE routine_name IN ('abs', 'lower', 'now') ORDER BY routine_name, specific_name;
SELECT specific_catalog = current_database() AS sc, udt_catalog = current_database() AS uc, ordinal_position, parameter_mode, data_type FROM information_schema.parameters WHERE specific_name IN (SELECT specific_name FROM information_schema.routines WHERE routine_name = 'lower') ORDER BY specific_name, ordinal_position;
CREATE FUNCTION cp2_twice(x integer, y integer DEFAULT 2) RETURNS integer LANGUAGE sql AS 'SELECT x * y';
CREATE PROCEDURE cp2_note(msg text) LANGUAGE sql AS 'SELECT 1';
SELECT specific_catalog = current_database() AS sc, routine_catalog = current_database() AS rc, type_udt_catalog = current_database() AS tc, routine_schema, routine_name, routine_type, data_type, type_udt_name, routine_body, routine_definition FROM information_schema.routines WHERE routine_name LIKE 'cp2%' ORDER BY routine_name;
SELECT specific_catalog = current_database() AS sc, udt_catalog = current_database() AS uc, ordinal_position, parameter_mode, parameter_name, data_type, parameter_default FROM information_schema.parameters WHERE specific_name IN (SELECT specific_name FROM information_schema.routines WHERE routine_name LIKE 'cp2%') ORDER BY specific_name, ordinal_position;
SELECT routine_schema, count(*) FILTER (WHERE routine_name LIKE 'cp2%') AS own FROM information_schema.routines WHERE routine_schema IN ('public', 'pg_catalog') GROUP BY routine_schema ORDER BY routine_schema;
SELECT count(*) > 1000 AS many, count(*) FILTER (WHERE specific_catalog IS DISTINCT FROM current_database()) AS other_db FROM information_schema.parameters WHERE specific_schema = 'pg_catalog';
SELECT count(*) FILTER (WHERE routine_catalog IS DISTINCT FROM current_database()) AS other_db, count(*) FILTER (WHERE routine_type = 'PROCEDURE' AND type_udt_catalog IS NOT NULL) AS proc_udt FROM information_schema.routines;
DROP FUNCTION cp2_twice(integer, integer);
DROP PROCEDURE cp2_note(text);
SELECT count(*) AS gone FROM information_schema.routines WHERE routine_name LIKE 'cp2%';
SELECT count(*) AS gone FROM information_schema.parameters WHERE specific_name LIKE 'cp2%';
