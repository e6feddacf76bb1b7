-- Grouped queries: what PostgreSQL accepts (GROUP BY a primary key with the table's other
-- columns, ordinals, output names, expressions) and what it refuses with 42803 / 42P20
-- (ungrouped columns, aggregates and window functions where they may not stand).
CREATE TABLE g_dept (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE g_emp (id integer PRIMARY KEY, name text NOT NULL, dept_id integer REFERENCES g_dept (id), salary integer);
CREATE TABLE g_nk (a integer, b integer);
CREATE TABLE g_pair (x integer, y integer, v text, PRIMARY KEY (x, y));
INSERT INTO g_dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty');
INSERT INTO g_emp VALUES (1, 'ada', 1, 200), (2, 'bo', 1, 150), (3, 'cy', 2, 120), (4, 'di', 2, NULL), (5, 'ed', NULL, 90);
INSERT INTO g_nk VALUES (1, 10), (1, 20), (2, 30);
INSERT INTO g_pair VALUES (1, 1, 'a'), (1, 2, 'b');
-- valid: ORM-style queries keep working
SELECT dept_id, count(*) FROM g_emp GROUP BY dept_id ORDER BY dept_id;
SELECT count(*) FROM g_emp;
SELECT e.id, e.name, count(*) FROM g_emp e GROUP BY e.id ORDER BY e.id;
SELECT * FROM g_emp GROUP BY id ORDER BY id;
SELECT d.id, d.name, count(e.id) FROM g_dept d LEFT JOIN g_emp e ON e.dept_id = d.id GROUP BY d.id ORDER BY d.name;
SELECT dept_id, max(salary) FROM g_emp GROUP BY 1 ORDER BY 2 DESC NULLS LAST;
SELECT dept_id AS d, sum(salary) FROM g_emp GROUP BY d ORDER BY d;
SELECT a + 1, count(*) FROM g_nk GROUP BY a + 1 ORDER BY 1;
SELECT (a + 1) * 2 FROM g_nk GROUP BY a + 1 ORDER BY 1;
SELECT lower(name), count(*) FROM g_emp GROUP BY lower(name) HAVING count(*) >= 1 ORDER BY 1;
SELECT x, y, v FROM g_pair GROUP BY y, x ORDER BY x, y;
SELECT DISTINCT ON (dept_id) dept_id, name FROM g_emp ORDER BY dept_id, salary DESC NULLS LAST;
SELECT d.id, (SELECT max(e.salary) FROM g_emp e WHERE e.dept_id = d.id) FROM g_dept d GROUP BY d.id ORDER BY d.id;
SELECT dept_id FROM g_emp GROUP BY dept_id HAVING max(salary) > (SELECT avg(salary) FROM g_emp) ORDER BY 1;
SELECT s.a, count(*) FROM (SELECT a, b FROM g_nk) s GROUP BY s.a ORDER BY 1;
SELECT dept_id, rank() OVER (ORDER BY sum(salary)) FROM g_emp GROUP BY dept_id ORDER BY 1;
SELECT a FROM g_nk GROUP BY a HAVING a > 1;
SELECT dept_id FROM g_emp GROUP BY dept_id ORDER BY count(*), dept_id;
SELECT count(*) FROM g_emp HAVING count(*) > 1;
SELECT 1 FROM g_emp HAVING count(*) > 1;
WITH w AS (SELECT dept_id, count(*) AS n FROM g_emp GROUP BY dept_id) SELECT dept_id, n FROM w ORDER BY 1;
SELECT id, count(*) FROM g_emp JOIN g_dept USING (id) GROUP BY id ORDER BY id;
SELECT dept_id, (SELECT count(*) FROM g_emp e2 WHERE e2.dept_id = g_emp.dept_id) FROM g_emp GROUP BY dept_id ORDER BY 1;
SELECT (SELECT d.name FROM g_dept d WHERE d.id = e.dept_id) AS dn FROM g_emp e GROUP BY e.dept_id ORDER BY 1;
SELECT 'x' AS k, count(*) FROM g_emp GROUP BY k;
SELECT coalesce(dept_id, 0) AS d, count(*) FROM g_emp GROUP BY coalesce(dept_id, 0) ORDER BY d;
SELECT lower(d.name) FROM g_dept d GROUP BY d.id ORDER BY 1;
SELECT g, count(*) FROM generate_series(1, 3) g GROUP BY g ORDER BY g;
SELECT * FROM g_dept d WHERE EXISTS (SELECT 1 FROM g_emp e WHERE e.dept_id = d.id GROUP BY e.dept_id HAVING count(*) > d.id) ORDER BY id;
SELECT g_nk.* FROM g_nk GROUP BY a, b ORDER BY a, b;
-- errors: columns neither grouped nor aggregated
SELECT name AS dept_id FROM g_emp GROUP BY dept_id;
SELECT count(*) FROM g_nk GROUP BY a ORDER BY b;
SELECT g_nk.* FROM g_nk GROUP BY a;
SELECT dept_id, name FROM g_emp GROUP BY dept_id;
SELECT name, count(*) FROM g_emp;
SELECT dept_id FROM g_emp GROUP BY dept_id HAVING salary > 1;
SELECT dept_id FROM g_emp GROUP BY dept_id ORDER BY salary;
SELECT a FROM g_nk HAVING true;
SELECT d.name, e.name FROM g_dept d JOIN g_emp e ON true GROUP BY d.id;
SELECT a FROM g_nk GROUP BY a + 1;
SELECT a + 1 AS x, b FROM g_nk GROUP BY x;
SELECT s.a, s.b FROM (SELECT a, b FROM g_nk) s GROUP BY s.a;
SELECT * FROM g_emp GROUP BY dept_id;
SELECT x, v FROM g_pair GROUP BY x;
SELECT dept_id FROM g_emp GROUP BY 1 ORDER BY name;
SELECT sum(salary) OVER (PARTITION BY name) FROM g_emp GROUP BY dept_id;
SELECT DISTINCT ON (name) dept_id FROM g_emp GROUP BY dept_id;
SELECT (SELECT e.salary) FROM g_emp e GROUP BY dept_id;
-- an aggregate in a subquery over the outer query's columns only groups the outer query
SELECT (SELECT max(e.salary) FROM g_dept LIMIT 1) FROM g_emp e;
SELECT (SELECT max(e.salary + d.id) FROM g_dept d WHERE d.id = e.dept_id), e.name FROM g_emp e ORDER BY e.id;
SELECT (SELECT max(e.salary) FROM g_dept LIMIT 1), e.name FROM g_emp e;
SELECT e.id FROM g_emp e WHERE EXISTS (SELECT 1 FROM g_dept HAVING max(e.salary) > 1);
-- errors: aggregates and window functions where they may not stand
SELECT count(*) FROM g_emp WHERE count(*) > 1;
SELECT 1 FROM g_emp JOIN g_dept ON count(*) > 1;
SELECT 1 FROM g_emp GROUP BY count(*);
SELECT sum(count(*)) FROM g_emp;
SELECT 1 FROM g_emp WHERE row_number() OVER () > 1;
SELECT 1 FROM g_emp GROUP BY row_number() OVER ();
SELECT 1 FROM g_emp HAVING row_number() OVER () > 1;
SELECT sum(row_number() OVER ()) FROM g_emp;
SELECT row_number() OVER (ORDER BY row_number() OVER ()) FROM g_emp;
UPDATE g_emp SET salary = 1 WHERE count(*) > 1;
DELETE FROM g_emp WHERE max(salary) > 1;
-- the same checks in a view's query
CREATE VIEW g_bad AS SELECT dept_id, name FROM g_emp GROUP BY dept_id;
CREATE VIEW g_good AS SELECT d.id, d.name, count(e.id) AS n FROM g_dept d LEFT JOIN g_emp e ON e.dept_id = d.id GROUP BY d.id;
SELECT id, name FROM g_good ORDER BY id;
-- grouping sets: one grouped SELECT per set (rolled-up keys read NULL, grouping() the set's bits)
CREATE TABLE g_sales (region text, product text, qty integer, price numeric(8,2));
INSERT INTO g_sales VALUES ('north', 'apple', 3, 1.50), ('north', 'pear', 1, 2.00), ('south', 'apple', 5, 1.25), ('south', 'apple', 2, 1.25), (NULL, 'pear', 4, 2.10);
SELECT region, product, sum(qty), grouping(region, product) FROM g_sales GROUP BY ROLLUP (region, product) ORDER BY 4, 1, 2;
SELECT region, product, count(*), grouping(region), grouping(product) FROM g_sales GROUP BY CUBE (region, product) ORDER BY 4, 5, 1, 2;
SELECT region, product, sum(qty) FROM g_sales GROUP BY GROUPING SETS ((region), (product), ()) ORDER BY 1, 2, 3;
SELECT region, product, count(DISTINCT product) AS kinds, sum(qty) FILTER (WHERE qty > 1) AS big FROM g_sales GROUP BY ROLLUP (region, product) ORDER BY region NULLS FIRST, product NULLS FIRST, kinds;
SELECT region, count(*) FROM g_sales GROUP BY ROLLUP (region) HAVING count(*) > 1 ORDER BY 1, 2;
SELECT product, region, sum(qty) AS total, grouping(region) AS g FROM g_sales GROUP BY product, ROLLUP (region) ORDER BY product, g, region;
SELECT region, product, count(*) FROM g_sales GROUP BY ROLLUP (region), ROLLUP (product) ORDER BY 1, 2, 3;
SELECT region, count(*) FROM g_sales GROUP BY region, ROLLUP (region) ORDER BY 1, 2;
SELECT region, count(*) FROM g_sales GROUP BY DISTINCT region, ROLLUP (region) ORDER BY 1, 2;
SELECT region, product, count(*) FROM g_sales GROUP BY DISTINCT ROLLUP (region, product), ROLLUP (region) ORDER BY 1, 2, 3;
SELECT region AS r, max(price), grouping(region) FROM g_sales GROUP BY ROLLUP (r) ORDER BY r NULLS FIRST, 3;
SELECT upper(region), count(*) FROM g_sales GROUP BY ROLLUP (upper(region)) ORDER BY 1, 2;
SELECT region, sum(qty) FROM g_sales GROUP BY ROLLUP (1) ORDER BY sum(qty) DESC LIMIT 2;
SELECT region, product, count(*) FROM g_sales GROUP BY GROUPING SETS ((region, product), ROLLUP (region)) ORDER BY 1, 2, 3;
SELECT DISTINCT grouping(region), count(*) > 0 FROM g_sales GROUP BY CUBE (region) ORDER BY 1;
SELECT region, count(*) FROM g_sales GROUP BY (region, product) ORDER BY 1, 2;
SELECT region, product FROM g_sales GROUP BY region, product HAVING grouping(region, product) = 0 ORDER BY 1, 2;
SELECT s.region, s.n FROM (SELECT region, count(*) AS n FROM g_sales GROUP BY ROLLUP (region)) s ORDER BY 1, 2;
SELECT region FROM g_sales GROUP BY ROLLUP (region) UNION SELECT 'west' ORDER BY 1;
-- errors
SELECT grouping(product) FROM g_sales GROUP BY ROLLUP (region);
SELECT count(*) FROM g_sales WHERE grouping(region) = 0 GROUP BY ROLLUP (region);
SELECT region, product FROM g_sales GROUP BY ROLLUP (region);
SELECT 1 FROM g_sales GROUP BY CUBE (qty, qty, qty, qty, qty, qty, qty, qty, qty, qty, qty, qty, qty);
-- differs: refused (0A000): window functions over a query with grouping sets
SELECT region, rank() OVER (ORDER BY count(*)) FROM g_sales GROUP BY ROLLUP (region) ORDER BY 1, 2;
-- differs: refused (0A000): an ORDER BY expression that is not a result column, with grouping sets
SELECT region FROM g_sales GROUP BY ROLLUP (region) ORDER BY count(*), 1;
-- row values in aggregates: count([DISTINCT] (a, b)) compares the rows field by field
SELECT count(DISTINCT (a, b)), count(DISTINCT ROW(b, a)), count((a, b)), count(DISTINCT (a, b)) FILTER (WHERE b > 10) FROM g_nk;
SELECT dept_id, count(DISTINCT (salary, dept_id)), count(DISTINCT (name, salary)) FROM g_emp GROUP BY dept_id ORDER BY 1;
SELECT count(DISTINCT (x, y)) FROM (VALUES (1, 'a'), (1, 'a'), (NULL, 'a'), (NULL, 'a'), (1, NULL), (NULL, NULL), (NULL, NULL)) v (x, y);
SELECT count(DISTINCT (x::float8, y)) FROM (VALUES (0.0, 'x'), (-0.0, 'x'), (1, 'y'), (1.0, 'y')) v (x, y);
SELECT array_agg((a, b)) FROM g_nk;
SELECT max((a, b)) FROM g_nk;
-- differs: refused (0A000): SELECT DISTINCT over a row value (its text would be compared)
SELECT DISTINCT (a, b) FROM g_nk;
