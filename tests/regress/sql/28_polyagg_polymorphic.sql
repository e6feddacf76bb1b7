-- Polymorphic parameters and results of the tenant's functions (anyelement, anyarray,
-- anynonarray, anyenum, anycompatible, anycompatiblearray), resolved per call from the
-- arguments' types; the result column's type is the resolved one. Names prefixed pa_.
CREATE FUNCTION pa_first(x anyelement, y anyelement) RETURNS anyelement LANGUAGE sql
  AS 'SELECT x';
SELECT pa_first(3, 4), pa_first('p'::text, 'q'), pa_first(2.5, 1), pa_first(7::int8, 8);
SELECT pa_first(10, '11'), pa_first(now()::date, '2021-02-03') IS NOT NULL AS d;
-- arguments that do not agree: no such function; only unknown literals: 42804
SELECT pa_first(1, 'x'::text);
SELECT pa_first('a', 'b');
SELECT pa_first(NULL, NULL);
SELECT pa_first(1, 'zz');
SELECT pa_first(x => 1, y => 'a'::text);
-- anyarray and its element
CREATE FUNCTION pa_head(a anyarray) RETURNS anyelement LANGUAGE sql AS 'SELECT a[1]';
SELECT pa_head(ARRAY[5, 6]), pa_head(ARRAY['u', 'v']), pa_head('{1.5,2}'::numeric[]);
SELECT pa_head(5);
CREATE FUNCTION pa_wrap(a anynonarray) RETURNS anyarray LANGUAGE plpgsql
  AS $$BEGIN RETURN ARRAY[a, a]; END$$;
SELECT pa_wrap(4), pa_wrap('w'::varchar), pa_wrap(true);
SELECT pa_wrap(ARRAY[1]);
-- a PL/pgSQL body: the arguments' types, %TYPE of a polymorphic argument
CREATE FUNCTION pa_inc(a anyelement) RETURNS anyelement LANGUAGE plpgsql
  AS $$DECLARE r a%TYPE; BEGIN r := a + 1; RETURN r; END$$;
SELECT pa_inc(1), pa_inc(2.25), pa_inc(9::smallint), pa_inc('2020-01-31'::date);
-- anycompatible: the arguments' common type
CREATE FUNCTION pa_pair(a anycompatible, b anycompatible) RETURNS anycompatiblearray
  LANGUAGE sql AS 'SELECT ARRAY[a, b]';
SELECT pa_pair(1, 2.5), pa_pair('a', 'b'), pa_pair(1::int2, 3), pa_pair(1, 2::float8);
SELECT pa_pair(1, 'x'::text);
CREATE FUNCTION pa_cons(a anycompatible, b anycompatiblearray) RETURNS anycompatiblearray
  LANGUAGE sql AS 'SELECT a || b';
SELECT pa_cons(1, ARRAY[2.5]), pa_cons(1.5, ARRAY[1, 2]);
-- anyenum
CREATE TYPE pa_mood AS ENUM ('low', 'high');
CREATE FUNCTION pa_label(m anyenum) RETURNS text LANGUAGE sql AS 'SELECT m::text';
CREATE FUNCTION pa_same(m anyenum) RETURNS anyenum LANGUAGE sql AS 'SELECT m';
SELECT pa_label('high'::pa_mood), pa_same('low'::pa_mood);
SELECT pa_label(1);
-- VARIADIC anyarray, a default, columns of a table
CREATE FUNCTION pa_second(VARIADIC a anyarray) RETURNS anyelement LANGUAGE sql
  AS 'SELECT a[2]';
SELECT pa_second(1, 2, 3), pa_second('a', 'b'::text), pa_second(VARIADIC ARRAY[7.5, 8.5]);
CREATE FUNCTION pa_or(a anyelement, b anyelement DEFAULT NULL) RETURNS anyelement
  LANGUAGE sql AS 'SELECT coalesce(b, a)';
SELECT pa_or(1), pa_or(1, 5), pa_or('k'::text);
CREATE TABLE pa_t (i integer, s text, d date);
INSERT INTO pa_t VALUES (1, 'a', '2020-01-01'), (2, 'b', NULL);
SELECT pa_inc(i), pa_wrap(s), pa_wrap(d), pa_first(s, 'z') FROM pa_t ORDER BY i;
-- sets, OUT parameters and RETURNS TABLE of polymorphic types
CREATE FUNCTION pa_twice(a anyelement) RETURNS SETOF anyelement LANGUAGE sql
  AS 'SELECT a UNION ALL SELECT a';
SELECT * FROM pa_twice(3);
SELECT * FROM pa_twice('t'::text);
CREATE FUNCTION pa_outs(anyelement, OUT x anyelement, OUT y anyarray) LANGUAGE sql
  AS 'SELECT $1, ARRAY[$1]';
SELECT * FROM pa_outs(3);
CREATE FUNCTION pa_tab(a anyelement) RETURNS TABLE (v anyelement) LANGUAGE sql AS 'SELECT a';
SELECT * FROM pa_tab(4.5);
-- overloads: a polymorphic candidate against a plain one
CREATE FUNCTION pa_ov(anyelement) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pa_ov(integer) RETURNS integer LANGUAGE sql AS 'SELECT 2';
SELECT pa_ov(1), pa_ov('x'::text), pa_ov(1.5);
SELECT pa_ov('x');
-- a $n parameter takes the resolved type
-- extended
SELECT pa_first($1::integer, 5);
SELECT pg_typeof(pa_first(1, 2)), pg_typeof(pa_head(ARRAY[now()])), pg_typeof(pa_pair(1, 1.5));
-- CREATE errors: a polymorphic result needs an input of its family
CREATE FUNCTION pa_bad1(integer) RETURNS anyelement LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pa_bad2(integer) RETURNS anycompatiblearray LANGUAGE sql AS 'SELECT NULL';
CREATE FUNCTION pa_bad3(a anyelement, OUT b anycompatible) LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pa_bad4(VARIADIC a anyelement) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pa_bad5(a anyelement) RETURNS anyelement LANGUAGE plpgsql
  AS $$BEGIN RETURN a +; END$$;
-- the catalog shows the declared types
SELECT proname, prorettype::regtype, proargtypes::text, proretset, provariadic::regtype,
       pg_get_function_arguments(oid), pg_get_function_result(oid)
  FROM pg_proc WHERE proname LIKE 'pa\_%' AND proname <> 'pa_or' ORDER BY proname, proargtypes::text;
DROP FUNCTION pa_first(anyelement, anyelement);
DROP FUNCTION pa_head, pa_wrap, pa_inc, pa_pair, pa_cons, pa_label, pa_same, pa_second, pa_or,
  pa_twice, pa_outs, pa_tab;
DROP FUNCTION pa_ov(anyelement), pa_ov(integer);
DROP TABLE pa_t;
DROP TYPE pa_mood;
