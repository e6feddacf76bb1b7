-- A numeric result of the tenant's function comes back as its decimal text (its display
-- scale kept); compared, tested with IN or BETWEEN, or sorted it is read as a number, as
-- PostgreSQL compares numerics (text sorted above every number: f(10) < 1000 was false).
CREATE FUNCTION add_tax(p numeric, rate numeric DEFAULT 0.2) RETURNS numeric LANGUAGE sql
  IMMUTABLE AS 'SELECT p * (1 + rate)';
CREATE FUNCTION two() RETURNS numeric LANGUAGE sql AS 'SELECT 2.50';
CREATE FUNCTION nan() RETURNS numeric LANGUAGE sql AS 'SELECT ''NaN''::numeric';
CREATE FUNCTION dbl(p numeric) RETURNS numeric LANGUAGE plpgsql AS $$ BEGIN RETURN p * 2; END $$;
SELECT add_tax(10) < 1000 AS a, add_tax(10) = 12 AS b, add_tax(10) > 5 AS c,
  add_tax(10) < 1000.5 AS d, 1000 > add_tax(10) AS e, add_tax(10) <> 12.0 AS f;
SELECT two(), two() < 10 AS a, two() + 1 AS b, two() * 2 > 4 AS c, two() IN (2.5, 3) AS d,
  two() NOT IN (1) AS e, two() BETWEEN 1 AND 3 AS f, two() IS DISTINCT FROM 2.5 AS g;
SELECT nan() > 1000 AS a, nan() = 'NaN' AS b, two() = 2.50 AS c, dbl(4) > 7 AS d;
CREATE TABLE t (id int PRIMARY KEY, price numeric(10,2), CHECK (add_tax(price) < 1000));
CREATE INDEX t_tax ON t (add_tax(price)) WHERE add_tax(price) > 1;
INSERT INTO t VALUES (1, 10), (2, 20), (3, 0.5), (4, 4.5), (5, 50);
INSERT INTO t VALUES (6, 900);
SELECT id FROM t WHERE add_tax(price) = 24.0;
SELECT id FROM t WHERE add_tax(price) > 5 ORDER BY id;
SELECT id, add_tax(price) FROM t ORDER BY add_tax(price);
SELECT id, dbl(price) FROM t ORDER BY dbl(price) DESC;
SELECT max(add_tax(price)), min(dbl(price)) FROM t;
SELECT id FROM t WHERE dbl(price) BETWEEN 9 AND 41 ORDER BY 1;
-- also through a scalar subquery
SELECT (SELECT dbl(2.5)) < 10 AS a, (SELECT max(price) FROM t) > 10 AS b,
  (SELECT two()) IN (2.5) AS c, 3 > (SELECT add_tax(price) FROM t WHERE id = 4) AS d,
  (SELECT sum(price) FROM t) = 85.00 AS e, (SELECT NULL::numeric) < 1 AS f;
SELECT id FROM t WHERE price < (SELECT dbl(5)) ORDER BY id;
-- a view's comparisons print as written (the reading as a number is the translator's)
CREATE VIEW cheap AS SELECT id, dbl(price) AS d FROM t WHERE add_tax(price) < 30 AND (SELECT two()) < 3
  ORDER BY dbl(price);
SELECT id, d::numeric(10,2) FROM cheap;
SELECT pg_get_viewdef('cheap'::regclass);
SET search_path = '';
SELECT pg_get_viewdef('public.cheap'::regclass, true);
