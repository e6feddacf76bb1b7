-- CREATE AGGREGATE over the tenant's functions (SQL and PL/pgSQL) and array_append: plain,
-- GROUP BY, FILTER, no rows, strict transition functions, FINALFUNC, INITCOND, agg(*),
-- polymorphic state; DROP AGGREGATE; pg_proc and pg_aggregate. Names prefixed ua_.
CREATE TABLE ua_obs (grp integer, val integer, tag text);
INSERT INTO ua_obs VALUES (1, 10, 'a'), (1, 20, 'b'), (2, 5, 'c'), (2, NULL, NULL),
  (3, NULL, 'd');
CREATE FUNCTION ua_add(acc integer, x integer) RETURNS integer LANGUAGE sql
  AS 'SELECT acc + x';
CREATE AGGREGATE ua_total(integer) (SFUNC = ua_add, STYPE = integer, INITCOND = '0');
SELECT ua_total(val) FROM ua_obs;
SELECT ua_total(val) FROM ua_obs WHERE val IS NOT NULL;
SELECT grp, ua_total(val) FROM ua_obs GROUP BY grp ORDER BY grp;
SELECT grp, ua_total(val) FILTER (WHERE val > 5) AS big FROM ua_obs GROUP BY grp ORDER BY grp;
SELECT ua_total(val) FROM ua_obs WHERE false;
SELECT grp FROM ua_obs GROUP BY grp HAVING ua_total(coalesce(val, 0)) > 6 ORDER BY grp;
-- a strict transition function without INITCOND: NULL rows skipped, the first value the state
CREATE FUNCTION ua_add_strict(acc integer, x integer) RETURNS integer LANGUAGE plpgsql STRICT
  AS $$BEGIN RETURN acc + x; END$$;
CREATE AGGREGATE ua_total2(integer) (SFUNC = ua_add_strict, STYPE = integer);
SELECT grp, ua_total2(val) FROM ua_obs GROUP BY grp ORDER BY grp;
SELECT ua_total2(val) FROM ua_obs WHERE false;
-- FINALFUNC of another type
CREATE FUNCTION ua_label(acc integer) RETURNS text LANGUAGE sql AS $$SELECT 'total ' || acc$$;
CREATE AGGREGATE ua_labelled(integer) (SFUNC = ua_add, STYPE = integer, FINALFUNC = ua_label,
  INITCOND = '100');
SELECT grp, ua_labelled(coalesce(val, 0)) FROM ua_obs GROUP BY grp ORDER BY grp;
SELECT ua_labelled(val) FROM ua_obs WHERE false;
-- two arguments, a text state
CREATE FUNCTION ua_join(acc text, s text, sep text) RETURNS text LANGUAGE sql
  AS 'SELECT CASE WHEN acc = '''' THEN s ELSE acc || sep || s END';
CREATE AGGREGATE ua_joined(s text, sep text) (SFUNC = ua_join, STYPE = text, INITCOND = '');
SELECT ua_joined(tag, '-') FROM (SELECT tag FROM ua_obs WHERE tag IS NOT NULL ORDER BY tag) s;
-- agg(*)
CREATE FUNCTION ua_inc(acc bigint) RETURNS bigint LANGUAGE sql AS 'SELECT acc + 1';
CREATE AGGREGATE ua_rows(*) (SFUNC = ua_inc, STYPE = bigint, INITCOND = '0');
SELECT ua_rows(*) FROM ua_obs;
SELECT grp, ua_rows(*) FROM ua_obs GROUP BY grp ORDER BY grp;
-- a polymorphic aggregate over a built-in transition function
CREATE AGGREGATE ua_collect(anycompatible) (SFUNC = array_append, STYPE = anycompatiblearray,
  INITCOND = '{}');
SELECT ua_collect(val) FROM ua_obs;
SELECT grp, ua_collect(tag) FROM ua_obs GROUP BY grp ORDER BY grp;
SELECT ua_collect(val::float8 / 4) FROM ua_obs WHERE val IS NOT NULL;
-- ORDER BY and DISTINCT inside the call: the transition function sees the rows in order
CREATE FUNCTION ua_cat(acc text, x text) RETURNS text LANGUAGE sql AS 'SELECT acc || x';
CREATE AGGREGATE ua_cats(text) (SFUNC = ua_cat, STYPE = text, INITCOND = '');
CREATE FUNCTION ua_cat_strict(acc text, x text) RETURNS text LANGUAGE sql STRICT
  AS 'SELECT acc || x';
CREATE AGGREGATE ua_cats2(text) (SFUNC = ua_cat_strict, STYPE = text);
CREATE TABLE ua_words AS SELECT * FROM ua_obs;
INSERT INTO ua_words VALUES (1, 10, 'a'), (2, 7, 'e');
SELECT grp, ua_cats(tag ORDER BY tag), ua_cats(tag ORDER BY tag DESC),
       ua_cats(DISTINCT tag), ua_cats(DISTINCT tag ORDER BY tag DESC)
  FROM ua_words GROUP BY grp ORDER BY grp;
SELECT ua_cats2(tag ORDER BY val DESC NULLS FIRST, tag) FROM ua_words;
SELECT ua_cats2(DISTINCT tag) FILTER (WHERE grp < 3) FROM ua_words;
SELECT ua_cats(tag ORDER BY val) FROM ua_words WHERE false;
SELECT ua_total(DISTINCT val), ua_total2(DISTINCT val) FROM ua_words;
SELECT ua_joined(DISTINCT tag, '+') FROM ua_words WHERE tag IS NOT NULL;
SELECT ua_joined(tag, ',' ORDER BY val DESC, tag) FROM ua_words WHERE tag IS NOT NULL;
SELECT ua_cats(DISTINCT tag ORDER BY val) FROM ua_words;
DROP TABLE ua_words;
DROP AGGREGATE ua_cats(text), ua_cats2(text);
DROP FUNCTION ua_cat, ua_cat_strict;
-- refused: what is not implemented is 0A000 naming it
SELECT grp, (SELECT ua_total(o2.val) FROM ua_obs o2 WHERE o2.grp = o.grp) FROM ua_obs o
 ORDER BY 1, 2;
-- differs: 0A000: a user-defined aggregate of an outer query's columns in a subquery
SELECT grp, (SELECT ua_total(o.val)) FROM ua_obs o GROUP BY grp ORDER BY grp;
-- differs: 0A000: a user-defined aggregate as a window function
SELECT ua_total(val) OVER () FROM ua_obs;
-- differs: 0A000: moving-aggregate mode (MSFUNC, MINVFUNC, MSTYPE)
CREATE AGGREGATE ua_bad1(integer) (SFUNC = ua_add, STYPE = integer, MSFUNC = ua_add,
  MINVFUNC = ua_add, MSTYPE = integer);
-- differs: 0A000: a built-in function that is not callable here as SFUNC (int4pl)
CREATE AGGREGATE ua_bad2(integer) (SFUNC = int4pl, STYPE = integer);
DROP AGGREGATE IF EXISTS ua_bad1(integer), ua_bad2(integer);
-- the old syntax: BASETYPE ('ANY': no arguments), SFUNC1, STYPE1, INITCOND1
CREATE AGGREGATE ua_old (BASETYPE = integer, SFUNC1 = ua_add, STYPE1 = integer,
  INITCOND1 = '7');
CREATE AGGREGATE ua_oldcnt (BASETYPE = 'ANY', SFUNC = ua_inc, STYPE = bigint, INITCOND = '0');
SELECT ua_old(val), ua_oldcnt(*) FROM ua_obs WHERE val IS NOT NULL;
DROP AGGREGATE ua_old(integer), ua_oldcnt(*);
-- errors as PostgreSQL's
CREATE AGGREGATE ua_bad7(integer) (SFUNC = ua_add, STYPE = integer, PARALLEL = pear);
CREATE AGGREGATE ua_bad8(integer) (SFUNC = ua_add, STYPE = integer, SERIALFUNC = ua_add);
CREATE AGGREGATE ua_bad9 (SFUNC = ua_add, STYPE = integer);
CREATE AGGREGATE ua_bad3(integer) (SFUNC = ua_add, STYPE = text);
CREATE AGGREGATE ua_bad4(integer) (SFUNC = ua_nosuch, STYPE = integer);
CREATE AGGREGATE ua_bad5(integer) (STYPE = integer);
CREATE AGGREGATE ua_bad6(integer) (SFUNC = ua_add, STYPE = anyarray);
CREATE AGGREGATE ua_total(integer) (SFUNC = ua_add, STYPE = integer);
SELECT ua_total(val, 1) FROM ua_obs;
SELECT ua_total(*) FROM ua_obs;
SELECT ua_joined(sep => ',', s => tag) FROM ua_obs;
SELECT ua_joined(tag, sep => ',') FROM ua_obs;
-- the catalog: pg_proc (prokind a), pg_aggregate, psql's \da and \df
SELECT proname, prokind, prorettype::regtype, proargtypes::text, pg_get_function_arguments(oid),
       pg_get_function_result(oid)
  FROM pg_proc WHERE proname LIKE 'ua\_%' AND pronamespace = 'public'::regnamespace
 ORDER BY proname;
SELECT aggfnoid::text, aggkind, aggnumdirectargs, aggtransfn::text, aggfinalfn::text,
       aggtranstype::regtype, agginitval
  FROM pg_aggregate WHERE aggfnoid::text LIKE 'ua\_%' ORDER BY 1;
SELECT p.proname, pg_catalog.format_type(p.prorettype, NULL),
       pg_catalog.pg_get_function_arguments(p.oid)
  FROM pg_catalog.pg_proc p LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
 WHERE p.prokind = 'a' AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'
 ORDER BY 1, 3;
-- polymorphic transition and final functions over a concrete state; the declared types must
-- match a polymorphic function as PostgreSQL matches them
CREATE FUNCTION ua_keep(a anyarray) RETURNS anyarray LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION ua_push(a anyarray, x anyelement) RETURNS anyarray LANGUAGE sql
  AS 'SELECT a || x';
CREATE FUNCTION ua_ints(a integer[], x integer) RETURNS integer[] LANGUAGE sql
  AS 'SELECT a || x';
CREATE AGGREGATE ua_arr(integer) (SFUNC = ua_push, STYPE = integer[], FINALFUNC = ua_keep,
  INITCOND = '{}');
SELECT grp, ua_arr(val) FROM ua_obs GROUP BY grp ORDER BY grp;
CREATE AGGREGATE ua_parr(anyelement) (SFUNC = ua_push, STYPE = anyarray, INITCOND = '{}');
SELECT ua_parr(tag) FROM ua_obs;
SELECT grp, ua_parr(val) FROM ua_obs GROUP BY grp ORDER BY grp;
CREATE AGGREGATE ua_bad10(anyelement) (SFUNC = ua_ints, STYPE = integer[], INITCOND = '{}');
CREATE AGGREGATE ua_bad11(anyelement) (SFUNC = ua_push, STYPE = integer[], INITCOND = '{}');
CREATE AGGREGATE ua_bad12(anyelement) (SFUNC = ua_push, STYPE = anyarray, FINALFUNC = ua_label);
DROP AGGREGATE ua_arr(integer), ua_parr(anyelement);
DROP FUNCTION ua_keep, ua_push, ua_ints;
-- ALTER AGGREGATE ... OWNER TO (as pg_dump writes it) and RENAME TO
ALTER AGGREGATE ua_total(integer) OWNER TO CURRENT_USER;
ALTER AGGREGATE ua_total2(integer) RENAME TO ua_total3;
SELECT ua_total3(val) FROM ua_obs;
ALTER AGGREGATE ua_total3(integer) RENAME TO ua_total2;
ALTER AGGREGATE ua_nosuch(integer) RENAME TO ua_x;
ALTER AGGREGATE ua_add(integer, integer) RENAME TO ua_x;
-- DROP AGGREGATE
DROP FUNCTION ua_total(integer);
DROP AGGREGATE ua_add(integer, integer);
DROP AGGREGATE ua_total(integer);
DROP AGGREGATE ua_total(integer);
DROP AGGREGATE IF EXISTS ua_total(integer);
SELECT ua_total(val) FROM ua_obs;
DROP AGGREGATE ua_total2(integer), ua_labelled(integer), ua_joined(text, text), ua_rows(*),
  ua_collect(anycompatible);
DROP FUNCTION ua_add, ua_add_strict, ua_label, ua_join, ua_inc;
DROP TABLE ua_obs;
