-- Join aliases session 24 left refused (0A000) or different (joins2): an alias on a join's
-- USING clause (JOIN ... USING (a) AS u), an aliased join holding LATERAL, aliased joins and
-- USING aliases in UPDATE ... FROM and DELETE ... USING, a hidden table named (42P01 with
-- PostgreSQL's HINT) and a too-long alias list (42P10).
CREATE TABLE jb1 (x int, a int, b text);
CREATE TABLE jb2 (c text, a int);
CREATE TABLE jb3 (a int, d int);
CREATE TABLE jb4 (a int, e text, x int);
CREATE TABLE jb5 (k int, f text);
INSERT INTO jb1 VALUES (1, 1, 'b1'), (2, 2, 'b2'), (3, NULL, 'b3');
INSERT INTO jb2 VALUES ('c1', 1), ('c3', 3), ('cn', NULL);
INSERT INTO jb3 VALUES (1, 10), (3, 30), (4, 40);
INSERT INTO jb4 VALUES (1, 'e1', 1), (2, 'e2', 2), (3, 'e3', 3);
INSERT INTO jb5 VALUES (1, 'f1'), (2, 'f2');
-- a USING alias names the merged columns; the joined tables stay visible
SELECT u.a FROM jb1 JOIN jb2 USING (a) AS u;
SELECT u.a, jb1.b, jb2.c FROM jb1 JOIN jb2 USING (a) AS u ORDER BY 1;
SELECT u.a, jb1.a, jb2.a FROM jb1 LEFT JOIN jb2 USING (a) AS u ORDER BY jb1.x;
SELECT u.a, jb1.a, jb2.a FROM jb1 RIGHT JOIN jb2 USING (a) AS u ORDER BY jb2.c;
SELECT u.a, jb1.a, jb2.a FROM jb1 FULL JOIN jb2 USING (a) AS u ORDER BY 1, 2, 3;
SELECT u.* FROM jb1 FULL JOIN jb2 USING (a) AS u ORDER BY 1;
SELECT * FROM jb1 JOIN jb2 USING (a) AS u;
SELECT * FROM jb1 FULL JOIN jb2 USING (a) AS u ORDER BY 1, 2;
SELECT u.a, count(*) FROM jb1 JOIN jb3 USING (a) AS u GROUP BY u.a ORDER BY 1;
SELECT jb1.b FROM jb1 JOIN jb3 USING (a) AS u WHERE u.a > 0 ORDER BY u.a DESC;
SELECT u.a, u.x, e FROM jb1 JOIN jb4 USING (a, x) AS u ORDER BY 1;
SELECT u.a, jb5.f FROM jb5 JOIN jb1 ON jb5.k = jb1.x JOIN jb3 USING (a) AS u ORDER BY 1;
SELECT u.a, v.a FROM (jb1 JOIN jb2 USING (a) AS u) JOIN jb3 USING (a) AS v;
SELECT u.a, jb3.d FROM jb1 JOIN jb2 USING (a) AS u JOIN jb3 ON jb3.a = u.a;
SELECT (SELECT u.a) FROM jb1 JOIN jb2 USING (a) AS u;
SELECT x FROM jb1 WHERE EXISTS (SELECT 1 FROM jb2 JOIN jb3 USING (a) AS u WHERE u.a = jb1.a);
SELECT u.a FROM jb1 NATURAL JOIN jb2 JOIN jb3 USING (a) AS u;
SELECT u.a FROM jb1 JOIN jb2 USING (a) AS u ORDER BY u.a;
SELECT u.a FROM (SELECT * FROM jb1) s JOIN jb2 USING (a) AS u;
SELECT u.a FROM jb1 JOIN jb2 USING (a) AS u WHERE u.a IN (SELECT u.a);
SELECT u.a, count(*) FROM jb1 FULL JOIN jb2 USING (a) AS u GROUP BY u.a HAVING u.a IS NOT NULL ORDER BY 1;
SELECT u.a FROM jb1 JOIN jb2 USING (a) AS u UNION SELECT 7 ORDER BY 1;
SELECT u.a FROM jb1 RIGHT JOIN (jb2 JOIN jb3 USING (a)) USING (a) AS u ORDER BY 1;
SELECT u.a FROM jb1 FULL JOIN jb2 USING (a) AS u FULL JOIN jb3 USING (a) AS v ORDER BY 1;
SELECT v.a FROM jb1 FULL JOIN jb2 USING (a) AS u FULL JOIN jb3 USING (a) AS v ORDER BY 1;
SELECT v.* FROM jb1 NATURAL JOIN jb4 JOIN jb3 USING (a) AS v;
SELECT u.a FROM public.jb1 JOIN jb2 USING (a) AS u;
SELECT u.a FROM jb1 AS p JOIN jb2 AS q USING (a) AS u;
SELECT u.a FROM jb1 JOIN (SELECT 1 AS a) s USING (a) AS u;
SELECT u.a FROM jb1 JOIN generate_series(1, 3) AS g(a) USING (a) AS u ORDER BY 1;
SELECT u.* FROM jb1 JOIN jb2 USING (a) AS u, jb3 AS u2;
CREATE VIEW jbv AS SELECT u.a, jb2.c FROM jb1 JOIN jb2 USING (a) AS u;
SELECT * FROM jbv;
SELECT u FROM jb1 JOIN jb2 USING (a) AS u;
-- merged columns of two number types have the wider type, as PostgreSQL's common type
CREATE TABLE jb6 (a bigint, y numeric);
INSERT INTO jb6 VALUES (1, 2.5), (5, 1);
SELECT u.a FROM jb1 JOIN jb6 USING (a) AS u;
SELECT u.a FROM jb6 JOIN jb1 USING (a) AS u;
SELECT u.* FROM jb1 LEFT JOIN jb6 USING (a) AS u ORDER BY 1;
SELECT u.a FROM jb1 RIGHT JOIN jb6 USING (a) AS u ORDER BY 1;
SELECT u.a FROM jb1 FULL JOIN jb6 USING (a) AS u ORDER BY 1;
SELECT u.y FROM jb6 AS p JOIN jb6 AS q USING (y) AS u ORDER BY 1;
-- fields
SELECT q.x FROM (jb1 AS q JOIN jb6 USING (a)) AS j;
-- 42703: u has only the USING columns
SELECT u.x FROM jb1 JOIN jb2 USING (a) AS u;
-- 42712: the alias is a FROM item's name
SELECT u.a FROM jb1 JOIN jb2 USING (a) AS jb1;
-- inside an aliased join the USING alias is hidden with the tables
SELECT u.a FROM (jb1 JOIN jb2 USING (a) AS u) j;
SELECT j.a, j.c FROM (jb1 JOIN jb2 USING (a) AS u) j;
-- an aliased join holding LATERAL
SELECT z.a, z.two FROM (jb3 CROSS JOIN LATERAL (SELECT jb3.a * 2 AS two) l) z ORDER BY 1;
SELECT * FROM (jb3 CROSS JOIN LATERAL (SELECT jb3.a * 2 AS two) l) z ORDER BY 1;
SELECT z.* FROM (jb3 LEFT JOIN LATERAL (SELECT c FROM jb2 WHERE jb2.a = jb3.a) l ON true) z ORDER BY 1;
SELECT z.a, z.n FROM (jb3 JOIN LATERAL (SELECT count(*) AS n FROM jb1 WHERE jb1.a <= jb3.a) l ON true) AS z(a, d, n) ORDER BY 1;
SELECT z.a, z.c FROM jb1 JOIN (jb3 CROSS JOIN LATERAL (SELECT c FROM jb2 WHERE jb2.a = jb3.a) l) z USING (a);
SELECT z.* FROM jb1 JOIN (jb3 CROSS JOIN LATERAL (SELECT jb3.d + 1 AS dd) l) z USING (a);
-- differs: a LATERAL item inside an aliased join reading a FROM item before the join is 0A000 in shardlite
SELECT * FROM jb1, (jb3 CROSS JOIN LATERAL (SELECT jb1.x AS xx) l) z ORDER BY 1, 4;
-- LATERAL reading an aliased join's columns from outside
SELECT z.a, l.s FROM (jb1 JOIN jb3 USING (a)) z, LATERAL (SELECT z.d + z.x AS s) l ORDER BY 1;
SELECT z.a, l.c FROM (jb1 JOIN jb3 USING (a)) z CROSS JOIN LATERAL (SELECT c FROM jb2 WHERE jb2.a = z.a) l;
SELECT z.a, l.c FROM (jb1 JOIN jb3 USING (a)) z LEFT JOIN LATERAL (SELECT c FROM jb2 WHERE jb2.a = z.a ORDER BY c LIMIT 1) l ON true ORDER BY 1;
SELECT u.a, l.s FROM jb1 JOIN jb3 USING (a) AS u, LATERAL (SELECT u.a * 10 AS s) l ORDER BY 1;
SELECT l.* FROM jb1 JOIN jb2 USING (a) AS u CROSS JOIN LATERAL (SELECT c FROM jb2 x WHERE x.a = u.a) l;
-- naming a table an aliased join hides: 42P01 with PostgreSQL's HINT
-- fields
SELECT jb1.x FROM (jb1 JOIN jb2 ON jb1.a = jb2.a) x;
-- fields
SELECT q.x FROM (jb1 q JOIN jb2 ON q.a = jb2.a) x;
-- fields
SELECT jb1.x FROM (jb1 q JOIN jb2 ON q.a = jb2.a) x;
-- fields
SELECT jb1.x FROM (jb1 JOIN jb2 USING (a) AS u) j;
-- fields
SELECT jb2.c FROM ((jb1 JOIN jb2 USING (a)) i JOIN jb3 USING (a)) o;
-- fields
SELECT 1 FROM (jb1 JOIN jb2 ON jb1.a = jb2.a) x WHERE jb2.a = 1;
-- fields
SELECT nosuch.x FROM (jb1 JOIN jb2 ON jb1.a = jb2.a) x;
-- too many names for a join's columns: 42P10
-- detail
SELECT * FROM (jb1 JOIN jb2 USING (a)) x(p, q, r, s, t);
-- detail
SELECT * FROM (jb1 CROSS JOIN jb2) x(p, q, r, s, t, u);
-- aliased joins and USING aliases in UPDATE ... FROM and DELETE ... USING
BEGIN;
UPDATE jb3 SET d = j.x + 100 FROM (jb1 JOIN jb2 USING (a)) j WHERE jb3.a = j.a;
SELECT * FROM jb3 ORDER BY a;
UPDATE jb3 SET d = u.a + 200 FROM jb1 JOIN jb2 USING (a) AS u WHERE jb3.a = u.a;
SELECT * FROM jb3 ORDER BY a;
UPDATE jb3 SET d = z.two FROM (jb4 CROSS JOIN LATERAL (SELECT jb4.x * 2 AS two) l) z WHERE jb3.a = z.a RETURNING jb3.*;
DELETE FROM jb3 USING (jb1 JOIN jb2 USING (a)) j WHERE jb3.a = j.a AND j.c = 'c1';
SELECT * FROM jb3 ORDER BY a;
DELETE FROM jb3 USING jb1 FULL JOIN jb4 USING (a) AS u WHERE jb3.a = u.a RETURNING jb3.a;
SELECT * FROM jb3 ORDER BY a;
UPDATE jb3 SET d = 5 FROM (jb1 JOIN jb2 USING (a)) j WHERE jb3.a = j.a RETURNING jb3.a, j.c;
DELETE FROM jb3 USING jb1 JOIN jb2 USING (a) AS u WHERE jb3.a = u.a RETURNING u.a, jb2.c;
UPDATE jb3 SET d = u.a + 1 FROM jb1 JOIN jb2 USING (a) AS u WHERE jb3.a = u.a RETURNING u.a, jb2.c, jb3.d;
DELETE FROM jb3 USING (jb1 JOIN jb2 USING (a)) j WHERE jb3.a = j.a RETURNING j.c, j.a;
UPDATE jb3 SET d = x.k FROM jb4 AS x(k) WHERE jb3.a = x.k RETURNING jb3.*;
-- 42P01: the aliased join hides its tables in UPDATE too
UPDATE jb3 SET d = 0 FROM (jb1 JOIN jb2 USING (a)) j WHERE jb3.a = jb1.a;
ROLLBACK;
