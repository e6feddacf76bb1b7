-- information_schema.routines: one row per function, procedure and aggregate of the tenant, as
-- PostgreSQL's view describes its pg_proc row.
CREATE DOMAIN isr_pos AS int CHECK (VALUE > 0);
CREATE TYPE isr_mood AS ENUM ('sad', 'ok');
CREATE TABLE isr_t (id int PRIMARY KEY, v text);
CREATE FUNCTION isr_add(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE STRICT AS 'SELECT a + b';
CREATE FUNCTION isr_txt(x text) RETURNS text LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN upper(x); END $$;
CREATE FUNCTION isr_set() RETURNS SETOF isr_t LANGUAGE sql AS 'SELECT * FROM isr_t';
CREATE FUNCTION isr_tab(n int) RETURNS TABLE (k int, w text) LANGUAGE sql AS 'SELECT n, ''x''';
CREATE FUNCTION isr_out(IN a int, OUT b int, OUT c text) LANGUAGE sql AS 'SELECT a, ''y''';
CREATE FUNCTION isr_dom() RETURNS isr_pos LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION isr_enum() RETURNS isr_mood LANGUAGE sql AS 'SELECT ''ok''::isr_mood';
CREATE FUNCTION isr_arr() RETURNS int[] LANGUAGE sql AS 'SELECT ARRAY[1]';
CREATE FUNCTION isr_trg() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION isr_void() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE PROCEDURE isr_proc(a int) LANGUAGE plpgsql AS $$ BEGIN END $$;
SELECT routine_name, routine_type, data_type, type_udt_catalog = current_database() AS tuc, type_udt_schema, type_udt_name, dtd_identifier, routine_body, external_language, parameter_style, is_deterministic, sql_data_access, is_null_call, schema_level_routine, max_dynamic_result_sets, security_type, as_locator, is_udt_dependent FROM information_schema.routines WHERE routine_schema = 'public' ORDER BY routine_name;
SELECT routine_name, routine_definition FROM information_schema.routines WHERE routine_schema = 'public' ORDER BY routine_name;
SELECT specific_catalog = current_database() AS sc, specific_schema, specific_name = routine_name || '_' || (SELECT p.oid FROM pg_proc p WHERE p.proname = routine_name)::text AS spec_ok FROM information_schema.routines WHERE routine_schema = 'public' ORDER BY routine_name;
SELECT r.routine_name, p.parameter_name, p.data_type FROM information_schema.routines r JOIN information_schema.parameters p USING (specific_name) WHERE r.routine_schema = 'public' ORDER BY 1, p.ordinal_position;
-- every column's name and type (specific_name carries an OID, which differs)
SELECT * FROM information_schema.routines WHERE routine_name = 'isr_add' AND specific_name IS NULL;
SELECT routine_catalog = current_database() AS rc, data_type, type_udt_name, dtd_identifier, is_null_call, routine_definition FROM information_schema.routines WHERE routine_name = 'isr_proc';
DROP FUNCTION isr_void();
SELECT count(*) FROM information_schema.routines WHERE routine_schema = 'public';
