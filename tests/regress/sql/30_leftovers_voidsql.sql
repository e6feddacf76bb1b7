-- A LANGUAGE sql function RETURNS void whose last statement is a query of one void column
-- returns that column's value: another void function's NULL stays NULL, void's empty text
-- stays empty; any other last statement gives NULL.
CREATE FUNCTION lvs_null(a int) RETURNS void LANGUAGE sql AS $$ SELECT a + 1 $$;
CREATE FUNCTION lvs_empty() RETURNS void LANGUAGE sql AS $$ SELECT pg_sleep(0) $$;
CREATE FUNCTION lvs_pass_null(a int) RETURNS void LANGUAGE sql AS $$ SELECT lvs_null(a) $$;
CREATE FUNCTION lvs_pass_empty() RETURNS void LANGUAGE sql AS $$ SELECT lvs_empty() $$;
CREATE FUNCTION lvs_cast_null() RETURNS void LANGUAGE sql AS $$ SELECT NULL::void $$;
CREATE FUNCTION lvs_cast_empty() RETURNS void LANGUAGE sql AS $$ SELECT ''::void $$;
CREATE FUNCTION lvs_two(a int) RETURNS void LANGUAGE sql AS $$ SELECT 1; SELECT lvs_null(a) $$;
CREATE FUNCTION lvs_none() RETURNS void LANGUAGE sql AS $$ SELECT lvs_empty() WHERE false $$;
SELECT lvs_null(1) IS NULL AS a, lvs_empty() IS NULL AS b, lvs_pass_null(1) IS NULL AS c,
  lvs_pass_empty() IS NULL AS d, lvs_cast_null() IS NULL AS e, lvs_cast_empty() IS NULL AS f,
  lvs_two(1) IS NULL AS g, lvs_none() IS NULL AS h;
SELECT lvs_pass_null(1), lvs_pass_empty(), lvs_cast_null(), lvs_cast_empty();
SELECT pg_typeof(lvs_pass_null(1)), pg_typeof(lvs_pass_empty());
-- in FROM, and a PL/pgSQL void function's value is always the empty text
SELECT * FROM lvs_pass_null(2);
SELECT * FROM lvs_pass_empty();
CREATE FUNCTION lvs_pl() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM lvs_null(1); END $$;
CREATE FUNCTION lvs_pass_pl() RETURNS void LANGUAGE sql AS $$ SELECT lvs_pl() $$;
SELECT lvs_pl() IS NULL AS pl, lvs_pass_pl() IS NULL AS pass_pl;
-- a strict one with a NULL argument
CREATE FUNCTION lvs_strict(a int) RETURNS void LANGUAGE sql STRICT AS $$ SELECT lvs_empty() $$;
SELECT lvs_strict(NULL) IS NULL AS s1, lvs_strict(1) IS NULL AS s2;
-- STRICT: PostgreSQL inlines the body (and so passes its value on) only when it reads every
-- argument
CREATE FUNCTION lvs_strict_used(a int) RETURNS void LANGUAGE sql STRICT AS $$ SELECT pg_sleep(a) $$;
SELECT lvs_strict_used(0) IS NULL AS s3;
-- not inlined by PostgreSQL, so NULL: SECURITY DEFINER, a FROM, a WHERE, several statements
CREATE FUNCTION lvs_def() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ SELECT pg_sleep(0) $$;
CREATE FUNCTION lvs_from() RETURNS void LANGUAGE sql AS $$ SELECT pg_sleep(0) FROM (VALUES (1)) v $$;
CREATE FUNCTION lvs_where() RETURNS void LANGUAGE sql AS $$ SELECT pg_sleep(0) WHERE true $$;
CREATE FUNCTION lvs_stmts() RETURNS void LANGUAGE sql AS $$ SELECT 1; SELECT pg_sleep(0) $$;
SELECT lvs_def() IS NULL AS d, lvs_from() IS NULL AS f, lvs_where() IS NULL AS w,
  lvs_stmts() IS NULL AS s;
-- an IMMUTABLE function whose body calls a volatile one is not inlined either
CREATE FUNCTION lvs_imm() RETURNS void LANGUAGE sql IMMUTABLE AS $$ SELECT pg_sleep(0) $$;
-- differs: a void LANGUAGE sql function less volatile than its body passes the body's value on here (PostgreSQL does not inline it: NULL)
SELECT lvs_imm() IS NULL AS i;
