-- Functions, procedures, domains and row types found different probing PostgreSQL's own
-- regression files (create_function_sql, create_procedure, rangefuncs, domain, rowtypes,
-- polymorphism): statements written for this suite, names prefixed pf_.
-- a cast to a domain over an array is an array to ||, @> and ANY
CREATE DOMAIN pf_dia AS int[];
SELECT '{1,2,3}'::pf_dia || 42 AS app, pg_typeof('{1,2,3}'::pf_dia || 42) AS t;
SELECT 0 || '{1,2,3}'::pf_dia AS pre, '{1,2}'::pf_dia || ARRAY[7, 8] AS cat;
SELECT '{1,2,3}'::pf_dia @> ARRAY[2] AS has, 3 = ANY('{1,2,3}'::pf_dia) AS anyof;
CREATE TABLE pf_dia_t (id int, a pf_dia);
INSERT INTO pf_dia_t VALUES (1, '{5,6}');
SELECT id, a || 7 AS a7, '{0}'::pf_dia || a AS both FROM pf_dia_t;
-- composite values of two types: same attribute types compare; different ones PostgreSQL
-- compares value by value (42804 once it reaches a dissimilar pair)
CREATE TYPE pf_ab AS (a int, b int);
CREATE TYPE pf_xy AS (x int, y int);
CREATE TYPE pf_at AS (a int, b text);
CREATE TYPE pf_a1 AS (a int);
SELECT ROW(1, 2)::pf_ab = ROW(1, 2)::pf_xy AS eq, ROW(1, 2)::pf_ab < ROW(1, 3)::pf_xy AS lt;
-- differs: 0A000: comparing composite values of types whose attributes differ (PostgreSQL 42804 cannot compare dissimilar column types integer and text at record column 2)
SELECT ROW(1, 2)::pf_ab < ROW(1, 'abc')::pf_at;
-- differs: 0A000: comparing composite values of types whose attributes differ (PostgreSQL 42804 cannot compare record types with different numbers of columns)
SELECT ROW(1, 2)::pf_ab <> ROW(1)::pf_a1;
-- DROP FUNCTION of a procedure and DROP PROCEDURE of a function are 42809 (they dropped it)
CREATE FUNCTION pf_kf(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1';
CREATE PROCEDURE pf_kp(int) LANGUAGE sql AS 'SELECT 1';
DROP PROCEDURE pf_kf(int);
DROP PROCEDURE IF EXISTS pf_kf(int);
DROP PROCEDURE pf_kf;
DROP FUNCTION pf_kp(integer);
DROP FUNCTION pf_kp;
DROP PROCEDURE pf_nosuch(int);
DROP PROCEDURE pf_nosuch;
DROP ROUTINE pf_nosuch(int);
SELECT proname, prokind FROM pg_proc WHERE proname IN ('pf_kf', 'pf_kp') ORDER BY 1;
-- ALTER FUNCTION / PROCEDURE / ROUTINE: attributes, RENAME TO, OWNER TO
ALTER FUNCTION pf_kf(int) IMMUTABLE STRICT;
ALTER FUNCTION pf_kf(integer) COST 5 LEAKPROOF SECURITY DEFINER PARALLEL SAFE;
ALTER FUNCTION pf_kf(int) ROWS 10;
CREATE FUNCTION pf_rows() RETURNS int LANGUAGE sql ROWS 5 AS 'SELECT 1';
CREATE FUNCTION pf_rows() RETURNS SETOF int LANGUAGE sql ROWS 5 AS 'SELECT 1';
ALTER FUNCTION pf_rows() ROWS 7;
DROP FUNCTION pf_rows();
SELECT proname, provolatile, proisstrict FROM pg_proc WHERE proname = 'pf_kf';
SELECT pf_kf(NULL) IS NULL AS strict_null;
ALTER FUNCTION pf_kf(int) STABLE CALLED ON NULL INPUT;
SELECT proname, provolatile, proisstrict FROM pg_proc WHERE proname = 'pf_kf';
ALTER PROCEDURE pf_kp(int) STRICT;
ALTER PROCEDURE pf_kp(int) IMMUTABLE;
ALTER PROCEDURE pf_kp(int) SECURITY DEFINER;
ALTER FUNCTION pf_kp(int) VOLATILE;
ALTER PROCEDURE pf_kf(int) VOLATILE;
ALTER FUNCTION pf_nosuch(int) STABLE;
ALTER PROCEDURE pf_nosuch() STABLE;
ALTER FUNCTION pf_kf(int) OWNER TO CURRENT_USER;
ALTER PROCEDURE pf_kp(int) OWNER TO SESSION_USER;
ALTER FUNCTION pf_kf(int) OWNER TO pf_no_such_role;
ALTER FUNCTION pf_kf(int) RENAME TO pf_kg;
SELECT pf_kg(1);
SELECT pf_kf(1);
ALTER ROUTINE pf_kg RENAME TO pf_kf;
ALTER ROUTINE pf_kp(int) RENAME TO pf_kf;
ALTER PROCEDURE pf_kp RENAME TO pf_kq;
CALL pf_kq(1);
SELECT proname, prokind FROM pg_proc WHERE proname IN ('pf_kf', 'pf_kg', 'pf_kp', 'pf_kq') ORDER BY 1;
ALTER ROUTINE pf_nosuch RENAME TO pf_x;
-- CREATE errors as PostgreSQL's
CREATE PROCEDURE pf_px() LANGUAGE sql STRICT AS 'SELECT 1';
CREATE PROCEDURE pf_px() LANGUAGE sql IMMUTABLE AS 'SELECT 1';
CREATE PROCEDURE pf_px() LANGUAGE sql WINDOW AS 'SELECT 1';
CREATE FUNCTION pf_two(int) RETURNS int LANGUAGE sql AS 'a', 'b';
CREATE FUNCTION pf_two(int) RETURNS int LANGUAGE plpgsql AS 'a', 'b';
CREATE FUNCTION pf_dup(x int) RETURNS int LANGUAGE sql AS $$ SELECT x * 2 $$ RETURN x * 3;
-- 'name'::regproc folds an unquoted name to lower case, as regprocin
SELECT 'PF_KF'::regproc::text AS folded, 'public.Pf_Kf'::regproc::text AS qualified;
SELECT '"PF_KF"'::regproc;
SELECT to_regproc('Pf_Kf')::text AS to_reg, to_regproc('"Pf_Kf"') IS NULL AS quoted_missing;
DROP FUNCTION pf_kf(int);
DROP PROCEDURE pf_kq(int);
-- pg_get_functiondef quotes a procedure's body with $procedure$ (an x added while the body
-- holds the tag)
CREATE PROCEDURE pf_pdef(x text) LANGUAGE sql AS $$ SELECT x $$;
SELECT pg_get_functiondef('pf_pdef'::regproc);
CREATE FUNCTION pf_fdef() RETURNS text LANGUAGE sql AS $x$ SELECT '$function$' $x$;
SELECT pg_get_functiondef('pf_fdef'::regproc);
DROP PROCEDURE pf_pdef;
DROP FUNCTION pf_fdef;
-- a primary key column of a domain is of the domain (it was recorded as the base type, so
-- DROP DOMAIN went through while the column used it)
CREATE DOMAIN pf_posint AS int CHECK (VALUE > 0);
CREATE TABLE pf_dk (a pf_posint PRIMARY KEY, b int);
INSERT INTO pf_dk VALUES (-1, 1);
INSERT INTO pf_dk VALUES (3, 1);
SELECT a, a + 1 AS next FROM pf_dk;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'pf_dk'::regclass AND attnum = 1;
DROP DOMAIN pf_posint;
DROP TABLE pf_dk;
DROP DOMAIN pf_posint;
CREATE TABLE pf_lastcol (a int);
-- differs: 0A000: SQLite cannot drop a table's last column
ALTER TABLE pf_lastcol DROP COLUMN a;
DROP TABLE pf_lastcol;
-- CALL in a LANGUAGE sql body and in PL/pgSQL sees the arguments and variables
CREATE TABLE pf_cp (a int, b text);
CREATE PROCEDURE pf_p1(x text) LANGUAGE sql AS $$ INSERT INTO pf_cp VALUES (1, x) $$;
CREATE PROCEDURE pf_p3(y text) LANGUAGE sql AS $$ CALL pf_p1(y); CALL pf_p1($1 || '2'); CALL pf_p1('lit') $$;
CALL pf_p3('b');
CREATE FUNCTION pf_f5(y text) RETURNS int LANGUAGE sql AS $$ CALL pf_p1(y); SELECT 5 $$;
SELECT pf_f5('f');
CREATE PROCEDURE pf_p4(y text) LANGUAGE plpgsql AS $$
BEGIN
  CALL pf_p1(y);
  CALL pf_p1(y || '!');
  IF FOUND THEN RAISE NOTICE 'found'; ELSE RAISE NOTICE 'not found'; END IF;
END $$;
CALL pf_p4('c');
DO $$ DECLARE v text := 'do'; BEGIN CALL pf_p1(v); END $$;
SELECT a, b FROM pf_cp ORDER BY b;
CREATE PROCEDURE pf_pio(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x + 1; END $$;
-- differs: 0A000: CALL of a procedure with INOUT/OUT parameters in PL/pgSQL (PostgreSQL assigns them back to the variables)
CREATE PROCEDURE pf_p5() LANGUAGE plpgsql AS $$ DECLARE v int := 1; BEGIN CALL pf_pio(v); RAISE NOTICE '%', v; END $$;
DROP PROCEDURE pf_pio;
DROP PROCEDURE pf_p3;
DROP PROCEDURE pf_p4;
DROP FUNCTION pf_f5;
DROP PROCEDURE pf_p1;
DROP TABLE pf_cp;
-- (r).f and $n.f of a row-typed argument in a LANGUAGE sql or PL/pgSQL body
CREATE TABLE pf_name (first text, last text);
INSERT INTO pf_name VALUES ('Joe', 'Blow');
CREATE FUNCTION pf_last(x pf_name) RETURNS text LANGUAGE sql AS $$ SELECT (x).last $$;
CREATE FUNCTION pf_full(pf_name) RETURNS text LANGUAGE sql AS $$ SELECT $1.first || ' ' || ( $1 ).last $$;
CREATE FUNCTION pf_pl(x pf_name) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN (x).last || ', ' || $1.first; END $$;
SELECT pf_last(n), pf_full(n), pf_pl(n) FROM pf_name n;
SELECT pf_full(ROW('Ann', 'Lee')::pf_name) AS lit, pf_last(NULL) IS NULL AS null_arg;
DROP FUNCTION pf_last;
DROP FUNCTION pf_full;
DROP FUNCTION pf_pl;
DROP TABLE pf_name;
-- CALL of a built-in function is 42809 with PostgreSQL's hint
CALL random();
CALL sum(1);
CALL abs(-1);
CALL pf_nosuch_proc(1);
-- an unnamed OUT parameter's column is PostgreSQL's columnN
CREATE FUNCTION pf_outs(IN f1 int, OUT f2 int, OUT text) AS $$ SELECT $1 - 1, $1::text || 'z' $$ LANGUAGE sql;
SELECT * FROM pf_outs(42);
SELECT (pf_outs(1)).*;
SELECT (pf_outs(1)).column2;
SELECT * FROM pf_outs(3) WITH ORDINALITY;
SELECT * FROM ROWS FROM (pf_outs(1), generate_series(1, 2));
CREATE FUNCTION pf_outs2(OUT int, OUT int) LANGUAGE sql AS 'SELECT 1, 2';
SELECT * FROM pf_outs2();
CREATE PROCEDURE pf_pouts(INOUT int, OUT text) LANGUAGE sql AS $$ SELECT 1, 'a' $$;
CALL pf_pouts(5, NULL);
DROP FUNCTION pf_outs;
DROP FUNCTION pf_outs2;
DROP PROCEDURE pf_pouts;
-- pg_proc.oid compared with 'name'::regproc of the tenant's function, = and IN
CREATE FUNCTION pf_ra(int) RETURNS bool LANGUAGE sql AS 'SELECT $1 > 0';
CREATE FUNCTION pf_rb() RETURNS bool LANGUAGE sql STABLE AS 'SELECT true';
SELECT proname, provolatile FROM pg_proc WHERE oid = 'pf_ra'::regproc;
SELECT proname, provolatile FROM pg_proc WHERE oid IN ('PF_RA'::regproc, 'pf_rb'::regproc, 'version'::regproc) ORDER BY proname;
SELECT proname FROM pg_proc WHERE oid NOT IN ('pf_ra'::regproc) AND proname LIKE 'pf\_r%' ORDER BY 1;
DROP FUNCTION pf_ra;
DROP FUNCTION pf_rb;
-- generate_series taking another FROM item's columns (implicit LATERAL, LATERAL, JOIN LATERAL)
CREATE TABLE pf_gs (n int, s numeric, d timestamp);
INSERT INTO pf_gs VALUES (2, 0.5, '2024-01-01'), (3, 1.5, '2024-02-01');
SELECT n, g FROM pf_gs, generate_series(1, pf_gs.n) g ORDER BY 1, 2;
SELECT n, g, pg_typeof(g) FROM pf_gs, generate_series(1, n) g ORDER BY 1, 2;
SELECT r, i, o FROM (VALUES (2), (3)) v(r), generate_series(10 + r, 13) WITH ORDINALITY AS f(i, o) ORDER BY 1, 2;
SELECT s, g FROM pf_gs, generate_series(0, 2, pf_gs.s) g ORDER BY 1, 2;
SELECT d, x FROM pf_gs, generate_series(pf_gs.d, pf_gs.d + interval '2 days', interval '1 day') x ORDER BY 1, 2;
SELECT n, g FROM pf_gs LEFT JOIN LATERAL generate_series(1, pf_gs.n - 2) g ON true ORDER BY 1, 2;
SELECT n, g FROM pf_gs CROSS JOIN LATERAL generate_series(1, 2) g ORDER BY 1, 2;
SELECT n, (SELECT count(*) FROM generate_series(1, pf_gs.n)) AS c FROM pf_gs ORDER BY 1;
SELECT * FROM pf_gs, generate_series(1, pf_gs.n) ORDER BY 1, 4;
DROP TABLE pf_gs;
-- a function returning a row type in ROWS FROM: PostgreSQL spreads its columns (it was one
-- column of the value, or 42883)
CREATE TABLE pf_rf (id int, v int);
INSERT INTO pf_rf VALUES (1, 11), (2, 22);
CREATE FUNCTION pf_rf_set(int) RETURNS SETOF pf_rf LANGUAGE sql AS 'SELECT * FROM pf_rf WHERE id = $1';
CREATE FUNCTION pf_rf_one(int) RETURNS pf_rf LANGUAGE sql AS 'SELECT * FROM pf_rf WHERE id = $1';
-- differs: 0A000: a function returning a row type in ROWS FROM
SELECT * FROM ROWS FROM (pf_rf_set(1), pf_rf_set(2));
-- differs: 0A000: a function returning a row type in ROWS FROM
SELECT * FROM ROWS FROM (pf_rf_one(1), generate_series(1, 2));
SELECT * FROM pf_rf_set(1), generate_series(1, 2) g ORDER BY g;
DROP FUNCTION pf_rf_set;
DROP FUNCTION pf_rf_one;
DROP TABLE pf_rf;
-- a LANGUAGE sql function RETURNS void is NULL unless its last statement is a query of one
-- void column (SELECT pg_sleep(0)): SELECT of another value gives NULL too
CREATE FUNCTION pf_v1(a int) RETURNS void LANGUAGE sql AS $$ SELECT a + 1 $$;
CREATE FUNCTION pf_v2() RETURNS void LANGUAGE sql AS $$ SELECT pg_sleep(0) $$;
CREATE FUNCTION pf_v3(a int, b int) RETURNS void LANGUAGE sql AS $$ SELECT 'x', a + b $$;
SELECT pf_v1(1) IS NULL AS v1, pf_v2() IS NULL AS v2, pf_v3(1, 2) IS NULL AS v3;
CREATE FUNCTION pf_v4(a int) RETURNS void LANGUAGE sql AS $$ SELECT pf_v1(a) $$;
SELECT pf_v4(1) IS NULL AS v4;
DROP FUNCTION pf_v4;
DROP FUNCTION pf_v1;
DROP FUNCTION pf_v2;
DROP FUNCTION pf_v3;
-- an untyped literal argument is read by its parameter's type at the call, used or not
CREATE FUNCTION pf_lit(a int) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pf_litd(d date) RETURNS date LANGUAGE sql AS 'SELECT d + 1';
CREATE PROCEDURE pf_litp(a int) LANGUAGE sql AS 'SELECT 1';
SELECT pf_lit('x');
SELECT pf_lit('7') AS ok, pf_litd('2024-01-31') AS next_day;
SELECT pf_litd('nope');
CALL pf_litp('x');
CALL pf_litp('3');
DROP FUNCTION pf_lit;
DROP FUNCTION pf_litd;
DROP PROCEDURE pf_litp;
-- SECURITY DEFINER and LEAKPROOF are kept: pg_proc.prosecdef, proleakproof, pg_get_functiondef,
-- and ALTER FUNCTION changes or keeps them
CREATE FUNCTION pf_sd(int) RETURNS bool LANGUAGE sql SECURITY DEFINER AS 'SELECT $1 > 0';
CREATE FUNCTION pf_lp(int) RETURNS bool LANGUAGE sql LEAKPROOF STABLE AS 'SELECT $1 > 0';
SELECT proname, prosecdef, proleakproof FROM pg_proc WHERE proname IN ('pf_sd', 'pf_lp') ORDER BY 1;
SELECT pg_get_functiondef('pf_sd'::regproc) AS sd, pg_get_functiondef('pf_lp'::regproc) AS lp;
ALTER FUNCTION pf_lp(int) IMMUTABLE STRICT;
ALTER FUNCTION pf_sd(int) SECURITY INVOKER LEAKPROOF;
SELECT proname, provolatile, proisstrict, prosecdef, proleakproof FROM pg_proc WHERE proname IN ('pf_sd', 'pf_lp') ORDER BY 1;
SELECT pg_get_functiondef('pf_lp'::regproc) AS lp;
ALTER FUNCTION pf_lp(int) NOT LEAKPROOF;
SELECT proname, proleakproof FROM pg_proc WHERE proname = 'pf_lp';
DROP FUNCTION pf_sd;
DROP FUNCTION pf_lp;
