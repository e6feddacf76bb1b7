-- information_schema.parameters lists the parameters of the tenant's own functions, as
-- PostgreSQL's view does (the built-in functions' are left out here: compared in public).
CREATE TYPE r3m_mood AS ENUM ('sad', 'ok');
CREATE DOMAIN r3m_pos AS integer CHECK (VALUE > 0);
CREATE FUNCTION r3m_add(a integer, b integer DEFAULT 1) RETURNS integer LANGUAGE sql
  AS 'SELECT a + b';
CREATE FUNCTION r3m_noname(integer, text) RETURNS text LANGUAGE sql AS 'SELECT $2';
CREATE FUNCTION r3m_none() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION r3m_out(x numeric, OUT doubled numeric, INOUT label text) LANGUAGE plpgsql
  AS $$BEGIN doubled := x * 2; label := label || '!'; END$$;
CREATE FUNCTION r3m_tab(n bigint) RETURNS TABLE (i bigint, s varchar) LANGUAGE sql
  AS 'SELECT n, ''x''::varchar';
CREATE FUNCTION r3m_var(VARIADIC xs integer[]) RETURNS integer LANGUAGE sql
  AS 'SELECT array_length(xs, 1)';
CREATE FUNCTION r3m_types(m r3m_mood, p r3m_pos, t timestamptz, c char(3), ms r3m_mood[],
  d text DEFAULT 'x', f double precision DEFAULT 1.5) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE PROCEDURE r3m_proc(IN a integer, INOUT b text) LANGUAGE plpgsql AS $$BEGIN b := a::text; END$$;
SELECT regexp_replace(specific_name, '_[0-9]+$', '') AS fn, ordinal_position, parameter_mode,
       is_result, as_locator, parameter_name, data_type, udt_schema, udt_name,
       dtd_identifier, specific_catalog = current_database() AS cat,
       specific_schema, udt_catalog = current_database() AS udt_cat
  FROM information_schema.parameters WHERE specific_schema = 'public'
 ORDER BY specific_name, ordinal_position;
SELECT parameter_name, parameter_default FROM information_schema.parameters
 WHERE specific_schema = 'public' AND parameter_name IS DISTINCT FROM 'd'
 ORDER BY specific_name, ordinal_position;
-- differs: a default is shown as written ('x'), PostgreSQL's deparsed ('x'::text), as in pg_get_function_arguments
SELECT parameter_default FROM information_schema.parameters
 WHERE specific_schema = 'public' AND parameter_name = 'd';
SELECT count(*) FROM information_schema.parameters p JOIN pg_proc f
    ON p.specific_name = f.proname || '_' || f.oid
 WHERE f.proname LIKE 'r3m\_%';
SELECT character_maximum_length, numeric_precision, datetime_precision, interval_type,
       collation_name, scope_name, maximum_cardinality
  FROM information_schema.parameters WHERE specific_name LIKE 'r3m\_types\_%' AND ordinal_position = 4;
DROP PROCEDURE r3m_proc;
DROP FUNCTION r3m_add, r3m_noname, r3m_none, r3m_out, r3m_tab, r3m_var, r3m_types;
DROP DOMAIN r3m_pos;
DROP TYPE r3m_mood;
