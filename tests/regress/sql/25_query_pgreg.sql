-- Queries probed with PostgreSQL's own regression corpus (select_distinct, union, with,
-- aggregates, window, ...): the differences found and fixed, each in statements of our own.

-- SELECT DISTINCT: ORDER BY items must be selected columns (42P10), matched by output column
-- number, output name, or an expression equal to a selected one.
CREATE TABLE qp_d (a int, b int, c text);
INSERT INTO qp_d VALUES (1, 2, 'x'), (1, 3, 'y'), (2, 2, 'x'), (NULL, 1, 'z');
SELECT DISTINCT a FROM qp_d ORDER BY b;
SELECT DISTINCT a FROM qp_d ORDER BY c DESC, a;
SELECT DISTINCT a FROM qp_d ORDER BY a;
SELECT DISTINCT a + 1 FROM qp_d ORDER BY a + 1;
SELECT DISTINCT a + 1 AS x FROM qp_d ORDER BY x DESC;
SELECT DISTINCT qp_d.a FROM qp_d ORDER BY a;
SELECT DISTINCT a FROM qp_d ORDER BY qp_d.a DESC;
SELECT DISTINCT a FROM qp_d ORDER BY 1;
SELECT DISTINCT a AS b FROM qp_d ORDER BY b;
SELECT DISTINCT * FROM qp_d ORDER BY a, b, c;
SELECT DISTINCT * FROM qp_d ORDER BY a + 1;
SELECT DISTINCT lower(c) FROM qp_d ORDER BY lower(qp_d.c);
SELECT DISTINCT a, count(*) FROM qp_d GROUP BY a ORDER BY a, count(*);
SELECT DISTINCT a, count(*) FROM qp_d GROUP BY a ORDER BY sum(b);
SELECT * FROM (SELECT DISTINCT a FROM qp_d ORDER BY b) s;
SELECT a FROM qp_d WHERE a IN (SELECT DISTINCT b FROM qp_d ORDER BY c);
SELECT DISTINCT a FROM qp_d UNION SELECT b FROM qp_d ORDER BY 1;

-- DISTINCT ON: its expressions lead the ORDER BY (in any order), or the ORDER BY holds only
-- them; else 42P10.
SELECT DISTINCT ON (a) a, b FROM qp_d ORDER BY a, b DESC;
SELECT DISTINCT ON (a) a, b FROM qp_d ORDER BY b;
SELECT DISTINCT ON (a) a, b FROM qp_d ORDER BY b, a;
SELECT DISTINCT ON (a, b) a, b FROM qp_d ORDER BY b, a, c;
SELECT DISTINCT ON (a, b) a, b FROM qp_d ORDER BY b, c, a;
SELECT DISTINCT ON (a, b) a, b FROM qp_d ORDER BY b;
SELECT DISTINCT ON (a) a, b FROM qp_d ORDER BY a;
SELECT DISTINCT ON (1) a, b FROM qp_d ORDER BY a, b;
SELECT DISTINCT ON (a) a AS x, b FROM qp_d ORDER BY x, b;
SELECT DISTINCT ON (a + 1) a, b FROM qp_d ORDER BY a + 1, b;
SELECT DISTINCT ON (a + 1) a, b FROM qp_d ORDER BY a, b;

-- A * next to other select items in a subquery, a CTE (recursive too) or RETURNING: the other
-- items keep their types (they were text), the * its columns'.
CREATE TABLE qp_tree (id int PRIMARY KEY, parent int, name text);
INSERT INTO qp_tree VALUES (0, NULL, 'root'), (1, 0, 'a'), (2, 1, 'b'), (3, 1, 'c'), (4, 0, 'd');
SELECT * FROM (SELECT 1 AS one, * FROM qp_tree) s ORDER BY id;
SELECT * FROM (SELECT *, id * 10 AS tens FROM qp_tree) s WHERE tens > 10 ORDER BY tens;
SELECT s.one + s.id AS x FROM (SELECT 1 AS one, qp_tree.* FROM qp_tree) s ORDER BY x;
WITH q AS (SELECT *, id + 0.5 AS half FROM qp_tree) SELECT half, name FROM q ORDER BY half;
WITH q AS (SELECT * FROM qp_tree) SELECT id + 1 AS next FROM q ORDER BY 1;
WITH RECURSIVE sub(level, id, parent, name) AS (
  SELECT 1, * FROM qp_tree WHERE name = 'a'
  UNION ALL
  SELECT sub.level + 1, t.* FROM qp_tree t, sub WHERE t.parent = sub.id)
SELECT * FROM sub ORDER BY name;
WITH RECURSIVE sub AS (
  SELECT * FROM qp_tree WHERE id = 0
  UNION ALL
  SELECT t.* FROM qp_tree t JOIN sub ON t.parent = sub.id)
SELECT id, id * 2 AS twice FROM sub ORDER BY id;
WITH RECURSIVE x(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM x WHERE n < 3),
  y(n) AS (SELECT * FROM x UNION ALL SELECT * FROM x)
SELECT n, count(*) FROM y GROUP BY n ORDER BY n;
INSERT INTO qp_tree VALUES (5, 4, 'e') RETURNING *, id * 100 AS h;
INSERT INTO qp_tree AS t VALUES (6, 4, 'f') RETURNING t.*, name || '!' AS loud;
UPDATE qp_tree SET name = upper(name) WHERE id > 4 RETURNING id - 1 AS prev, *;
DELETE FROM qp_tree WHERE id > 4 RETURNING qp_tree.*, parent + 0.5 AS p;
UPDATE qp_tree SET name = name FROM qp_d WHERE qp_d.a = qp_tree.id RETURNING *;
UPDATE qp_tree SET name = name FROM qp_d WHERE qp_d.a = qp_tree.id RETURNING qp_tree.*, id + 1 AS n;

-- WITH RECURSIVE: PostgreSQL's checks of a query that reads itself. An ORDER BY on the union
-- never ended here (SQLite's queue order), a LIMIT counted rows, an outer join answered.
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r ORDER BY 1) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 5) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r OFFSET 1) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r FOR UPDATE) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 INTERSECT SELECT n + 1 FROM r) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT n FROM r) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT n FROM r UNION ALL SELECT 1) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM qp_d LEFT JOIN r ON r.n = qp_d.a WHERE n < 3) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM r LEFT JOIN qp_d ON r.n = qp_d.a WHERE n < 3) SELECT * FROM r ORDER BY 1;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM qp_d FULL JOIN r ON r.n = qp_d.a WHERE n < 3) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n IN (SELECT n FROM r)) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT (SELECT max(n) FROM r) FROM r WHERE n < 3) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n + 1 FROM r, r AS s WHERE r.n < 3) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT count(*) FROM r) SELECT * FROM r;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < (SELECT count(*) FROM qp_d)) SELECT * FROM r;
WITH RECURSIVE r(n) AS (VALUES (1) UNION ALL (SELECT n + 1 FROM r WHERE n < 5 EXCEPT SELECT n + 1 FROM r WHERE n < 2)) SELECT * FROM r;
WITH RECURSIVE r(n) AS (VALUES (1) UNION ALL (SELECT n + 1 FROM r WHERE n < 5 INTERSECT ALL SELECT 2)) SELECT * FROM r;
WITH RECURSIVE a(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM b WHERE n < 3),
  b(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM a WHERE n < 3)
SELECT * FROM a;
-- RECURSIVE without a self-reference: plain WITH queries, typed as such.
WITH RECURSIVE a AS (SELECT 1 AS n), b AS (SELECT n + 1 AS m FROM a) SELECT * FROM b;
WITH RECURSIVE r(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM r WHERE n < 3),
  d AS (SELECT n * 2 AS twice FROM r)
SELECT twice FROM d ORDER BY 1;
-- differs: refused (0A000): a recursive reference inside a subquery in FROM (SQLite's "circular reference")
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (SELECT * FROM r) s WHERE n < 3) SELECT * FROM r;

-- A scalar subquery of more than one row is 21000 (SQLite answered its first row); none is
-- NULL; aggregates, LIMIT 1 and correlated lookups as before.
SELECT (SELECT a FROM qp_d);
SELECT (SELECT a FROM qp_d WHERE a = 2), (SELECT a FROM qp_d WHERE a = 7);
SELECT 1 + (SELECT b FROM qp_d WHERE c = 'x');
SELECT (SELECT a FROM qp_d UNION SELECT 5);
SELECT (SELECT a FROM qp_d UNION SELECT a FROM qp_d WHERE a = 2 ORDER BY 1 LIMIT 1);
SELECT (SELECT max(a) FROM qp_d), (SELECT count(*) FROM qp_d), (SELECT a FROM qp_d ORDER BY a LIMIT 1);
SELECT (SELECT count(*) FROM qp_d GROUP BY a);
SELECT (SELECT generate_series(1, 2));
SELECT id, (SELECT name FROM qp_tree p WHERE p.id = t.parent) AS parent_name FROM qp_tree t ORDER BY id;
SELECT id, (SELECT id FROM qp_tree c WHERE c.parent = t.id) FROM qp_tree t ORDER BY id;
SELECT id FROM qp_tree t WHERE (SELECT count(*) FROM qp_tree c WHERE c.parent = t.id) = 2;
UPDATE qp_d SET b = (SELECT id FROM qp_tree WHERE name = 'a') WHERE a = 2 RETURNING a, b;
UPDATE qp_d SET b = (SELECT id FROM qp_tree) WHERE a = 2;
SELECT a, b FROM qp_d ORDER BY a, b;

-- An untyped string literal in an arm of UNION/INTERSECT/EXCEPT is read as the column's type
-- (it was sent as its text in an integer column).
SELECT 1 UNION SELECT 'a';
SELECT 1 UNION SELECT '2' ORDER BY 1;
SELECT 'a' UNION SELECT 1;
SELECT 'a' UNION SELECT 'b' ORDER BY 1;
SELECT 1.5 UNION ALL SELECT '2.25' ORDER BY 1;
SELECT 1, 'x' UNION SELECT '3', 'y' ORDER BY 1;
SELECT true UNION SELECT 'f' ORDER BY 1;
SELECT a FROM qp_d WHERE a IS NOT NULL UNION SELECT '17' ORDER BY 1;
SELECT a FROM qp_d UNION ALL SELECT 'abc';
SELECT date '2020-01-01' UNION SELECT '2021-02-03' ORDER BY 1;
SELECT 1 UNION SELECT 2 UNION SELECT '3' ORDER BY 1;
SELECT x FROM (SELECT 1 AS x UNION SELECT '9') s ORDER BY 1;
SELECT 1 INTERSECT SELECT '1';
SELECT 2 EXCEPT SELECT '1';
SELECT 'a' UNION SELECT 'b' UNION SELECT 1;

-- Hypothetical-set aggregates: a clear 0A000 (it was 42809 "window function rank requires an
-- OVER clause").
-- differs: refused (0A000): the hypothetical-set aggregate rank(...) WITHIN GROUP
SELECT rank(3) WITHIN GROUP (ORDER BY a) FROM qp_d;
-- differs: refused (0A000): the hypothetical-set aggregate cume_dist(...) WITHIN GROUP
SELECT cume_dist(2) WITHIN GROUP (ORDER BY b) FROM qp_d;
SELECT rank() FROM qp_d;

-- t.* of a USING join keeps its columns' types; a recursive query's WITH attached to its union
-- is seen when its non-recursive term is typed.
WITH RECURSIVE x(id) AS (VALUES (1) UNION ALL SELECT id + 1 FROM x WHERE id < 3),
  y(id) AS (VALUES (1) UNION ALL SELECT id + 1 FROM y WHERE id < 5)
SELECT y.*, x.* FROM y LEFT JOIN x USING (id) ORDER BY 1;
SELECT d.*, t.* FROM qp_d d JOIN qp_tree t ON t.id = d.a ORDER BY t.id, d.b;
WITH RECURSIVE t(j) AS (
  WITH RECURSIVE s(i) AS (VALUES (1) UNION ALL SELECT i + 1 FROM s WHERE i < 4)
  SELECT i FROM s
  UNION ALL
  SELECT j + 1 FROM t WHERE j < 4)
SELECT count(*), sum(j) FROM t;
