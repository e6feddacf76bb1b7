-- Composite types, second round: ordering and comparing composite values field by field, each
-- field by its type's ordering and a NULL field after every value (record_cmp), in ORDER BY,
-- < <= > >=, = and <> with numeric attributes, GROUP BY and count(DISTINCT ...); a function whose
-- only OUT parameter is of a row type gives the type's columns in FROM.
CREATE TYPE cm_p AS (a int, b text);
CREATE TYPE cm_m AS (amount numeric(10,2), cur varchar(3));
CREATE TYPE cm_n AS (x numeric, f float8, d date, ts timestamp, b bool);
CREATE TABLE cm_t (id int, p cm_p, m cm_m);
INSERT INTO cm_t VALUES (1, ROW(2, 'b'), ROW(1.5, 'EUR')), (2, ROW(10, 'a'), ROW(1.50, 'EUR')),
  (3, ROW(2, 'a'), ROW(-3, 'USD')), (4, NULL, NULL), (5, ROW(NULL, 'z'), ROW(NULL, NULL)),
  (6, ROW(2, NULL), ROW(100, 'AAA')), (7, ROW(-1, 'a b'), ROW(0.01, 'EUR'));
-- ORDER BY: 10 after 2 (by value, not text), a NULL field after the values, a NULL row last
SELECT id, p FROM cm_t ORDER BY p, id;
SELECT id, p FROM cm_t ORDER BY p DESC, id;
SELECT id, p FROM cm_t ORDER BY p NULLS FIRST, id;
SELECT id, m FROM cm_t ORDER BY m, id;
SELECT id, m FROM cm_t ORDER BY 2 DESC, 1;
SELECT id, p AS q FROM cm_t ORDER BY q, id;
-- ORDER BY a field of a composite value
SELECT id FROM cm_t ORDER BY (p).a, id;
SELECT id FROM cm_t ORDER BY (p).b DESC, id;
SELECT id, (p).a AS x FROM cm_t ORDER BY (m).amount DESC NULLS LAST, (p).b, id;
SELECT id FROM cm_t t ORDER BY (t.p).a, id LIMIT 2;
SELECT id FROM cm_t ORDER BY (p).zz;
-- ordering comparisons
SELECT id FROM cm_t WHERE p < ROW(3, 'a')::cm_p ORDER BY id;
SELECT id FROM cm_t WHERE p >= ROW(2, 'b')::cm_p ORDER BY id;
SELECT id FROM cm_t WHERE p > ROW(2, 'a')::cm_p AND p <= ROW(10, 'a')::cm_p ORDER BY id;
SELECT id FROM cm_t WHERE m > ROW(1, 'ZZZ')::cm_m ORDER BY id;
SELECT ROW(2, 'a')::cm_p > ROW(10, 'a')::cm_p, ROW(2, NULL)::cm_p > ROW(2, 'z')::cm_p,
  ROW(NULL, NULL)::cm_p = ROW(NULL, NULL)::cm_p, NULL::cm_p < ROW(1, 'a')::cm_p;
-- = and <> of values with a numeric attribute: 1.5 equals 1.50
SELECT id FROM cm_t WHERE m = ROW(1.5, 'EUR')::cm_m ORDER BY id;
SELECT a.id, b.id FROM cm_t a, cm_t b WHERE a.m = b.m AND a.id < b.id ORDER BY 1, 2;
SELECT id FROM cm_t WHERE m <> ROW(1.5, 'EUR')::cm_m ORDER BY id;
-- row constructors compare field by field (SQL's row comparison)
SELECT ROW(1, 2) < ROW(1, 3), ROW(1, 'a') = ROW(1, 'a'), (1, 2, 3) <= (1, 2, NULL),
  ROW(1, NULL) = ROW(1, NULL), (2, 'a') > (1, 'z');
-- numbers by value (NaN after Infinity), dates and timestamps, booleans
CREATE TABLE cm_u (id int, v cm_n);
INSERT INTO cm_u VALUES (1, ROW(1.0, 1, '2024-01-02', '2024-01-02 03:00', true)),
  (2, ROW(1.00, 1, '2024-01-02', '2024-01-02 03:00', true)),
  (3, ROW(-1, 'NaN', '2023-12-31', '2024-01-02 03:00:00.5', false)),
  (4, ROW(2, '-Infinity', NULL, NULL, NULL)), (5, ROW(2, 'Infinity', NULL, NULL, NULL)),
  (6, ROW(10, 0, NULL, NULL, NULL)), (7, ROW(1, 1, '2024-01-02', '2024-01-02 03:00', false)),
  (8, ROW(1, 1, '2024-01-02', '2024-01-01 23:00:00.25', true)), (9, ROW(1, 1, '2023-01-02', NULL, NULL));
SELECT id, v FROM cm_u ORDER BY v, id;
SELECT id FROM cm_u WHERE v = ROW(1, 1, '2024-01-02', '2024-01-02 03:00', true)::cm_n ORDER BY id;
-- grouping: equal values whose texts differ (1.0, 1.00) are one group
SELECT count(DISTINCT v), count(v) FROM cm_u;
SELECT count(*) FROM (SELECT v FROM cm_u GROUP BY v) g;
SELECT (v).f, count(*) FROM cm_u GROUP BY v ORDER BY v LIMIT 3;
-- differs: SELECT DISTINCT of a composite value with a numeric attribute is 0A000 (SQLite's DISTINCT would compare the texts)
SELECT DISTINCT v FROM cm_u ORDER BY v;
CREATE TYPE cm_tz AS (t timestamptz, n int);
-- differs: a timestamptz attribute keeps the text of the zone it was made in: no ordering of such values (0A000)
SELECT ROW('2024-01-01', 1)::cm_tz < ROW('2024-01-02', 1)::cm_tz;
DROP TABLE cm_t;
DROP TABLE cm_u;
DROP TYPE cm_p;
DROP TYPE cm_m;
DROP TYPE cm_n;
DROP TYPE cm_tz;
-- a single OUT parameter of a row type (a composite type's, a table's): its columns in FROM
CREATE TYPE ro_p AS (a int, b text);
CREATE TABLE ro_t (id int, name text, ok boolean);
CREATE FUNCTION ro_f1(k int, OUT r ro_p) LANGUAGE plpgsql AS $$ BEGIN r.a := k; r.b := 'v' || k; END $$;
CREATE FUNCTION ro_f2(OUT r ro_t) LANGUAGE plpgsql AS $$ BEGIN r.id := 7; r.name := 'seven'; r.ok := true; END $$;
SELECT * FROM ro_f1(3);
SELECT b, a FROM ro_f1(4) AS x;
SELECT x.a FROM ro_f1(4) x;
SELECT * FROM ro_f1(5) AS x(p, q);
SELECT * FROM ro_f1(5) AS x(p);
SELECT * FROM ro_f1(5) AS x(p, q, z);
SELECT * FROM ro_f1(6) WITH ORDINALITY;
SELECT ro_f1(3);
SELECT * FROM ro_f2();
SELECT id, name FROM ro_f2() WHERE ok;
SELECT ro_f2();
DROP FUNCTION ro_f1(int);
DROP FUNCTION ro_f2();
DROP TABLE ro_t;
DROP TYPE ro_p;
-- RETURNS t and RETURNS SETOF t of a composite type or a table's row type
CREATE TYPE rt_p AS (a int, b text);
CREATE TABLE rt_u (id int, name text);
INSERT INTO rt_u VALUES (1, 'x'), (2, 'y');
CREATE FUNCTION rt_s1(k int) RETURNS rt_p LANGUAGE sql AS $$ SELECT ROW(k, 'v' || k)::rt_p $$;
CREATE FUNCTION rt_p2(k int) RETURNS rt_p LANGUAGE plpgsql AS $$ BEGIN RETURN ROW(k, 'q')::rt_p; END $$;
CREATE FUNCTION rt_ps(n int) RETURNS SETOF rt_p LANGUAGE plpgsql AS $$ DECLARE r rt_p; BEGIN FOR i IN 1..n LOOP r.a := i; r.b := 'n' || i; RETURN NEXT r; END LOOP; END $$;
CREATE FUNCTION rt_pq(n int) RETURNS SETOF rt_p LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT i, 'q' || i FROM generate_series(1, n) i; END $$;
CREATE FUNCTION rt_su() RETURNS SETOF rt_u LANGUAGE sql AS $$ SELECT * FROM rt_u ORDER BY id $$;
CREATE FUNCTION rt_pu() RETURNS SETOF rt_u LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT * FROM rt_u ORDER BY id; END $$;
CREATE FUNCTION rt_bad(n int) RETURNS SETOF rt_p LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT n; END $$;
SELECT rt_s1(1), rt_p2(3);
SELECT * FROM rt_s1(1);
SELECT b FROM rt_p2(3);
SELECT (rt_s1(4)).b, (rt_p2(5)).a;
SELECT * FROM rt_ps(2);
SELECT rt_ps(2);
SELECT * FROM rt_pq(2) AS q(x, y) WHERE x > 1;
SELECT * FROM rt_pq(2) WITH ORDINALITY;
SELECT * FROM rt_su();
SELECT name FROM rt_pu() WHERE id = 2;
SELECT rt_su();
SELECT * FROM rt_bad(1);
SELECT * FROM rt_ps(1) AS t(a int, b text);
SELECT proname, proretset, prorettype::regtype, pg_get_function_result(oid) FROM pg_proc
  WHERE proname IN ('rt_s1', 'rt_ps', 'rt_su') ORDER BY proname;
-- a function returning the type holds it back
DROP TYPE rt_p;
DROP FUNCTION rt_s1(int);
DROP FUNCTION rt_p2(int);
DROP FUNCTION rt_ps(int);
DROP FUNCTION rt_pq(int);
DROP FUNCTION rt_su();
DROP FUNCTION rt_pu();
DROP FUNCTION rt_bad(int);
DROP TABLE rt_u;
DROP TYPE rt_p;
-- a LANGUAGE sql function returning a row type whose last statement gives the type's columns:
-- its first row, read as the type (the fields' input functions and modifiers); no row: NULL
CREATE TYPE r8 AS (a int, b text, n numeric(6,2), ok boolean, d date);
CREATE FUNCTION r8_f(k int) RETURNS r8 LANGUAGE sql AS $$ SELECT k, 'two words', 1.5, k > 1, DATE '2024-01-02' $$;
CREATE FUNCTION r8_g(k int, OUT r r8) LANGUAGE sql AS $$ SELECT k, NULL::text, 2, false, NULL::date $$;
CREATE FUNCTION r8_e(k int) RETURNS r8 LANGUAGE sql AS $$ SELECT k, 'x', 1, true, NULL::date WHERE k > 5 $$;
CREATE FUNCTION r8_h(k int, OUT r r8) LANGUAGE sql AS $$ SELECT ROW(k, 'h', 3, true, NULL)::r8 $$;
SELECT r8_f(1), r8_f(2);
SELECT * FROM r8_f(3);
SELECT r8_g(1), r8_h(2);
SELECT * FROM r8_g(1);
SELECT r8_e(1) IS NULL, (r8_e(1)).a;
SELECT (r8_e(7)).n;
DROP FUNCTION r8_f(int);
DROP FUNCTION r8_g(int);
DROP FUNCTION r8_e(int);
DROP FUNCTION r8_h(int);
DROP TYPE r8;
CREATE TYPE rr_p AS (a int, b text);
CREATE FUNCTION rr_f(k int) RETURNS rr_p LANGUAGE plpgsql AS $$ DECLARE r rr_p; BEGIN r.a := k; r.b := 'r'; RETURN ROW(r.a, r.b)::rr_p; END $$;
CREATE FUNCTION rr_g(k int) RETURNS rr_p LANGUAGE plpgsql AS $$ DECLARE r rr_p; BEGIN r.a := k; r.b := 'r'; RETURN r; END $$;
SELECT rr_f(1);
CREATE TABLE rr_t (id int, name text);
INSERT INTO rr_t VALUES (1, 'x');
CREATE FUNCTION rr_u(k int) RETURNS rr_t LANGUAGE plpgsql AS $$ DECLARE r rr_t; BEGIN SELECT * INTO r FROM rr_t WHERE id = k; RETURN r; END $$;
CREATE FUNCTION rr_n(k int) RETURNS rr_p LANGUAGE plpgsql AS $$ DECLARE r rr_p; BEGIN RETURN r; END $$;
SELECT rr_g(1), rr_u(1), rr_u(2), rr_n(1) IS NULL;
SELECT * FROM rr_g(2);
SELECT (rr_u(1)).name;
DROP FUNCTION rr_u(int);
DROP FUNCTION rr_n(int);
DROP TABLE rr_t;
DROP FUNCTION rr_f(int);
DROP FUNCTION rr_g(int);
DROP TYPE rr_p;
-- ALTER TYPE ... ALTER ATTRIBUTE ... TYPE: of a type no column uses (0A000 while one does)
CREATE TYPE aa AS (a int, b text);
ALTER TYPE aa ALTER ATTRIBUTE a TYPE bigint;
ALTER TYPE aa ALTER ATTRIBUTE b SET DATA TYPE varchar(5);
ALTER TYPE aa ALTER ATTRIBUTE zz TYPE int;
ALTER TYPE aa ALTER ATTRIBUTE a TYPE nosuch;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'aa'::regclass ORDER BY attnum;
SELECT ROW(1, 'abcdef')::aa;
SELECT (ROW(5000000000, 'x')::aa).a;
CREATE TABLE aa_t (x aa);
ALTER TYPE aa ALTER ATTRIBUTE a TYPE int;
DROP TABLE aa_t;
ALTER TYPE aa ALTER ATTRIBUTE a TYPE int, ALTER ATTRIBUTE b TYPE text;
SELECT ROW(1, 'abcdef')::aa;
ALTER TYPE aa ALTER ATTRIBUTE a TYPE int CASCADE;
DROP TYPE aa;
-- RETURNS SETOF t in LANGUAGE sql ending in one value of t per row: its fields are the columns
CREATE TYPE s_p AS (a int, b text, n numeric(5,2));
CREATE TABLE s_t (id int, v s_p);
INSERT INTO s_t VALUES (1, ROW(1, 'a b', 1.5)), (2, NULL), (3, ROW(NULL, NULL, NULL));
CREATE FUNCTION s_ss(n int) RETURNS SETOF s_p LANGUAGE sql AS $$ SELECT ROW(i, 's' || i, i / 2.0)::s_p FROM generate_series(1, n) i $$;
CREATE FUNCTION s_col() RETURNS SETOF s_p LANGUAGE sql AS $$ SELECT v FROM s_t ORDER BY id $$;
SELECT * FROM s_ss(3);
SELECT s_ss(2);
SELECT * FROM s_col();
-- differs: SELECT f() of RETURNS SETOF t shows a NULL row as (,,) (each row is its columns: a NULL value and one of NULL fields are alike)
SELECT s_col();
DROP FUNCTION s_ss(int);
DROP FUNCTION s_col();
DROP TABLE s_t;
DROP TYPE s_p;
