-- Queries: joins, subqueries, CTEs, windows, grouping, ordering, set operations.
CREATE TABLE dept (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE emp (id integer PRIMARY KEY, name text NOT NULL, dept_id integer REFERENCES dept (id), salary integer, boss integer, hired date);
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'sales'), (4, 'empty');
INSERT INTO emp VALUES (1, 'ada', 1, 200, NULL, '2020-01-01'), (2, 'bo', 1, 150, 1, '2021-03-04'), (3, 'cy', 2, 120, 1, '2019-07-08'), (4, 'di', 2, NULL, 3, '2022-10-11'), (5, 'ed', NULL, 90, 3, NULL), (6, 'fay', 3, 150, 1, '2023-05-06');
SELECT id, name FROM emp ORDER BY id;
SELECT name FROM emp WHERE salary > 100 ORDER BY name;
SELECT name, salary FROM emp ORDER BY salary;
SELECT name, salary FROM emp ORDER BY salary DESC;
SELECT name, salary FROM emp ORDER BY salary NULLS FIRST, name;
SELECT name, salary FROM emp ORDER BY salary DESC NULLS LAST, name;
SELECT name FROM emp ORDER BY name LIMIT 2;
SELECT name FROM emp ORDER BY name LIMIT 2 OFFSET 2;
SELECT name FROM emp ORDER BY name OFFSET 4;
SELECT name FROM emp ORDER BY name FETCH FIRST 3 ROWS ONLY;
SELECT name FROM emp ORDER BY name OFFSET 1 ROWS FETCH NEXT 1 ROW ONLY;
SELECT e.name, d.name FROM emp e JOIN dept d ON d.id = e.dept_id ORDER BY e.id;
SELECT e.name, d.name FROM emp e INNER JOIN dept d ON d.id = e.dept_id WHERE d.name = 'ops' ORDER BY e.id;
SELECT e.name, d.name AS dept FROM emp e LEFT JOIN dept d ON d.id = e.dept_id ORDER BY e.id;
SELECT e.name, d.name AS dept FROM emp e RIGHT JOIN dept d ON d.id = e.dept_id ORDER BY d.id, e.id;
SELECT e.name, d.name AS dept FROM emp e FULL JOIN dept d ON d.id = e.dept_id ORDER BY d.id, e.id;
SELECT count(*) FROM emp CROSS JOIN dept;
SELECT e.name, b.name AS boss FROM emp e LEFT JOIN emp b ON b.id = e.boss ORDER BY e.id;
SELECT d.name, e.name FROM dept d JOIN emp e USING (id) ORDER BY d.name;
SELECT name FROM dept NATURAL JOIN (SELECT id, 'x' AS other FROM emp) s ORDER BY name;
SELECT name FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE name <> 'eng') ORDER BY name;
SELECT name FROM emp WHERE dept_id NOT IN (SELECT id FROM dept WHERE name = 'eng') ORDER BY name;
SELECT name FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id) ORDER BY name;
SELECT name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id) ORDER BY name;
SELECT name, (SELECT count(*) FROM emp e WHERE e.dept_id = d.id) AS n FROM dept d ORDER BY id;
-- differs: not implemented yet (0A000): ALL with an operator other than <> is not supported
SELECT name FROM emp WHERE salary > ALL (SELECT salary FROM emp WHERE dept_id = 2 AND salary IS NOT NULL) ORDER BY name;
SELECT name FROM emp WHERE salary = ANY (SELECT salary FROM emp WHERE dept_id = 3) ORDER BY name;
-- differs: not implemented yet (0A000): ANY with an operator other than = is not supported
SELECT name FROM emp WHERE salary < SOME (SELECT salary FROM emp WHERE dept_id = 1) ORDER BY name;
SELECT name FROM emp WHERE salary = (SELECT max(salary) FROM emp);
SELECT dept_id, count(*) FROM emp GROUP BY dept_id ORDER BY dept_id;
SELECT dept_id, count(*), sum(salary), min(salary), max(salary) FROM emp GROUP BY dept_id ORDER BY dept_id NULLS FIRST;
SELECT dept_id, avg(salary) FROM emp GROUP BY dept_id ORDER BY dept_id;
SELECT dept_id, count(salary) FROM emp GROUP BY dept_id HAVING count(*) > 1 ORDER BY dept_id;
SELECT count(DISTINCT salary) FROM emp;
SELECT DISTINCT salary FROM emp ORDER BY salary;
-- differs: not implemented yet (0A000): SELECT DISTINCT ON is not supported
SELECT DISTINCT ON (dept_id) dept_id, name FROM emp ORDER BY dept_id, salary DESC;
SELECT name FROM emp WHERE dept_id = 1 UNION SELECT name FROM dept ORDER BY 1;
SELECT dept_id FROM emp UNION ALL SELECT id FROM dept ORDER BY 1;
SELECT id FROM dept INTERSECT SELECT dept_id FROM emp ORDER BY 1;
SELECT id FROM dept EXCEPT SELECT dept_id FROM emp ORDER BY 1;
-- differs: not implemented yet (0A000): INTERSECT ALL is not supported
SELECT dept_id FROM emp INTERSECT ALL SELECT dept_id FROM emp WHERE salary > 100 ORDER BY 1;
-- differs: not implemented yet (0A000): EXCEPT ALL is not supported
SELECT dept_id FROM emp EXCEPT ALL SELECT id FROM dept ORDER BY 1;
WITH rich AS (SELECT * FROM emp WHERE salary >= 150) SELECT name FROM rich ORDER BY name;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT x, y FROM a, b;
WITH RECURSIVE chain (id, name, depth) AS (SELECT id, name, 0 FROM emp WHERE boss IS NULL UNION ALL SELECT e.id, e.name, c.depth + 1 FROM emp e JOIN chain c ON e.boss = c.id) SELECT name, depth FROM chain ORDER BY depth, name;
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT sum(i) FROM n;
SELECT name, salary, rank() OVER (ORDER BY salary DESC NULLS LAST) FROM emp ORDER BY name;
SELECT name, dept_id, row_number() OVER (PARTITION BY dept_id ORDER BY name) FROM emp ORDER BY name;
SELECT name, salary, sum(salary) OVER (ORDER BY id) AS running FROM emp ORDER BY id;
SELECT name, dense_rank() OVER (ORDER BY salary) FROM emp ORDER BY name;
SELECT name, lag(name) OVER (ORDER BY id), lead(name, 2) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT name, first_value(name) OVER (PARTITION BY dept_id ORDER BY id) FROM emp ORDER BY id;
SELECT name, count(*) OVER (PARTITION BY dept_id) FROM emp ORDER BY id;
SELECT name, avg(salary) OVER (PARTITION BY dept_id) FROM emp ORDER BY id;
SELECT * FROM (VALUES (1, 'one'), (2, 'two')) AS v (n, word) ORDER BY n;
VALUES (1, 'a'), (2, 'b');
-- differs: not implemented yet (0A000): a function in FROM is not supported
SELECT * FROM generate_series(1, 5);
-- differs: not implemented yet (0A000): a function in FROM is not supported
SELECT g FROM generate_series(1, 10, 3) AS g;
-- differs: not implemented yet (0A000): a function in FROM is not supported
SELECT x * 2 FROM generate_series(1, 3) AS t (x);
SELECT count(*) FROM emp WHERE hired BETWEEN '2020-01-01' AND '2021-12-31';
SELECT name FROM emp WHERE name LIKE 'd%' OR name LIKE '_y' ORDER BY name;
SELECT name FROM emp WHERE name ILIKE 'A%';
SELECT name FROM emp WHERE name NOT LIKE '%a%' ORDER BY name;
SELECT name FROM emp WHERE salary IS NULL;
SELECT name FROM emp WHERE dept_id IS NOT NULL AND boss IS NULL;
SELECT name FROM emp WHERE salary IN (90, 120) ORDER BY name;
SELECT CASE WHEN salary > 140 THEN 'high' WHEN salary > 100 THEN 'mid' ELSE 'low' END AS band, count(*) FROM emp GROUP BY 1 ORDER BY 1;
SELECT name, CASE dept_id WHEN 1 THEN 'eng' WHEN 2 THEN 'ops' END FROM emp ORDER BY id;
SELECT coalesce(salary, 0) FROM emp ORDER BY id;
SELECT nullif(salary, 150) FROM emp ORDER BY id;
SELECT greatest(1, 5, 3), least(4, 2, 8);
SELECT e.name FROM emp e WHERE e.salary > (SELECT avg(salary) FROM emp x WHERE x.dept_id = e.dept_id) ORDER BY 1;
SELECT d.name, s.total FROM dept d JOIN (SELECT dept_id, sum(salary) AS total FROM emp GROUP BY dept_id) s ON s.dept_id = d.id ORDER BY d.name;
SELECT name FROM emp ORDER BY length(name), name;
SELECT 1 + 1 AS two, 'x' AS ex;
-- differs: not implemented yet (0A000): SELECT without result columns is not supported
SELECT;
SELECT count(*) FROM emp WHERE false;
SELECT max(salary) FROM emp WHERE false;
SELECT name FROM emp e WHERE e.id = 3 FOR UPDATE;
-- differs: not implemented yet (0A000): ORDER BY inside an aggregate call is not supported
SELECT dept_id, string_agg(name, ',' ORDER BY name) FROM emp GROUP BY dept_id ORDER BY dept_id;
SELECT bool_and(salary > 50), bool_or(salary > 190) FROM emp;
-- differs: not implemented yet (0A000): function array_agg is not supported
SELECT array_agg(id ORDER BY id) FROM emp;
SELECT name FROM emp WHERE (dept_id, salary) = (1, 150);
