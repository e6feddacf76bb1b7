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
