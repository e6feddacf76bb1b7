-- An alias on a join, (a JOIN b ...) AS x [(cols)] (was 0A000): the join read as the subquery
-- SELECT * of it, which hides the joined tables' names as PostgreSQL's join alias does. And a
-- column a subquery or WITH query has twice (SELECT * over a join ON, SELECT 1 AS a, 2 AS a)
-- is 42702 when referenced, where SQLite read the first.
CREATE TABLE ja1 (x int, a int, b text);
CREATE TABLE ja2 (c text, a int);
CREATE TABLE ja3 (a int, d int);
INSERT INTO ja1 VALUES (1, 1, 'b1'), (2, 2, 'b2');
INSERT INTO ja2 VALUES ('c1', 1), ('c3', 3);
INSERT INTO ja3 VALUES (1, 10), (3, 30);
SELECT * FROM (ja1 JOIN ja2 USING (a)) x ORDER BY 1;
SELECT x.a, x.c FROM (ja1 JOIN ja2 USING (a)) x;
SELECT x.* FROM (ja1 LEFT JOIN ja2 USING (a)) AS x ORDER BY a;
SELECT * FROM (ja1 FULL JOIN ja2 USING (a)) AS x(k, l, m) ORDER BY k;
SELECT k, m FROM (ja1 FULL JOIN ja2 USING (a)) AS x(k, l, m) ORDER BY k;
SELECT * FROM (ja1 JOIN ja2 ON ja1.a = ja2.a) x;
SELECT x.a FROM (ja1 JOIN ja2 ON ja1.a = ja2.a) x;
SELECT x.x, x.c FROM (ja1 JOIN ja2 ON ja1.a = ja2.a) x;
-- 42P01 invalid reference to FROM-clause entry for table "ja1", with PostgreSQL's HINT
-- fields
SELECT ja1.x FROM (ja1 JOIN ja2 ON ja1.a = ja2.a) x;
SELECT * FROM (ja1 NATURAL JOIN ja2) nj JOIN ja3 USING (a);
SELECT nj.b, ja3.d FROM (ja1 JOIN ja2 USING (a)) nj JOIN ja3 ON nj.a = ja3.a;
SELECT * FROM ((ja1 JOIN ja2 USING (a)) inner_j JOIN ja3 USING (a)) outer_j;
SELECT count(*) FROM (ja1 CROSS JOIN ja2) cj;
SELECT * FROM ja3 WHERE a IN (SELECT a FROM (ja1 JOIN ja2 USING (a)) z);
-- an alias on a join holding LATERAL
SELECT z.a, z.two FROM (ja3 CROSS JOIN LATERAL (SELECT ja3.a * 2 AS two) l) z ORDER BY 1;
-- 42P10 join expression "x" has 4 columns available but 5 columns specified
-- detail
SELECT * FROM (ja1 JOIN ja2 USING (a)) x(p, q, r, s, t);
-- a column a relation has twice
SELECT s.a FROM (SELECT * FROM ja1 JOIN ja2 ON ja1.a = ja2.a) s;
SELECT a FROM (SELECT * FROM ja1 JOIN ja2 ON ja1.a = ja2.a) s;
SELECT a FROM (SELECT * FROM ja1 JOIN ja2 USING (a)) s;
SELECT s.x FROM (SELECT * FROM ja1 JOIN ja2 ON ja1.a = ja2.a) s;
SELECT a FROM (SELECT 1 AS a, 2 AS a) s;
SELECT s.a FROM (SELECT 1 AS a, 2 AS a) s, ja1;
SELECT ja1.a FROM (SELECT 1 AS a, 2 AS a) s, ja1 ORDER BY 1;
SELECT * FROM (SELECT 1 AS a, 2 AS a) s;
WITH w AS (SELECT * FROM ja1 JOIN ja2 ON ja1.a = ja2.a) SELECT a FROM w;
WITH w AS (SELECT * FROM ja1 JOIN ja2 ON ja1.a = ja2.a) SELECT x FROM w;
SELECT (SELECT a FROM (SELECT 1 AS a, 2 AS a) s2) FROM ja1;
SELECT x FROM ja1 WHERE EXISTS (SELECT 1 FROM (SELECT 1 AS a, 2 AS a) s WHERE s.a = 1);
SELECT a FROM ja1 JOIN ja2 USING (a);
-- a join's USING alias (JOIN ... USING (a) AS u)
SELECT u.a FROM (ja1 JOIN ja2 USING (a) AS u);
-- a view's * over a relation whose names repeat stays * (SQLite spells it out by position):
-- rel.col would read the first of them twice
CREATE VIEW ja_dupv AS SELECT * FROM (SELECT 1, 'x', 2) AS x;
CREATE VIEW ja_dupv2 (a, b) AS SELECT * FROM (SELECT 1 AS a, 2 AS a) s;
SELECT * FROM ja_dupv2;
CREATE TABLE ja_dupt AS SELECT * FROM (SELECT 1 AS a, 2 AS a) s;
CREATE TABLE ja_dupt2 (a, b) AS SELECT * FROM (SELECT 1 AS a, 2 AS a) s;
SELECT * FROM ja_dupt2;
CREATE VIEW ja_dupv3 AS SELECT x.* FROM (ja1 JOIN ja2 USING (a)) x;
SELECT * FROM ja_dupv3 ORDER BY a;
CREATE VIEW ja_dupv4 AS SELECT * FROM (ja1 JOIN ja2 ON ja1.a = ja2.a) x;
