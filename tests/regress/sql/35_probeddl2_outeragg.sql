-- Probing PostgreSQL's aggregates.sql: an aggregate of an outer query level inside a subquery
-- (HAVING EXISTS (... WHERE sum(ag.b) = x.b), an IN, a scalar subquery's WHERE) is computed
-- for the outer level; it was SQLite's XX000 misuse of aggregate function inside EXISTS and IN.
CREATE TABLE ag (a int, b int);
INSERT INTO ag VALUES (1, 1), (1, 2), (2, 3), (3, 5), (3, 7);
SELECT a, sum(b) FROM ag GROUP BY a HAVING EXISTS (SELECT 1 FROM ag x WHERE sum(ag.b) = x.b) ORDER BY a;
SELECT a FROM ag GROUP BY a HAVING EXISTS (SELECT 1 FROM ag x WHERE x.b = min(ag.b) + 4) ORDER BY a;
SELECT a, EXISTS (SELECT 1 FROM ag x WHERE x.b = min(ag.b) + 4) FROM ag GROUP BY a ORDER BY a;
SELECT a, (SELECT count(*) FROM ag x WHERE x.b > min(ag.b)) FROM ag GROUP BY a ORDER BY a;
SELECT a FROM ag GROUP BY a HAVING a IN (SELECT x.a FROM ag x WHERE x.b = max(ag.b)) ORDER BY a;
SELECT (SELECT max(ag.b) FROM ag x LIMIT 1) FROM ag;
SELECT a, (SELECT sum(ag.b) + x.b FROM ag x WHERE x.a = 1 ORDER BY x.b LIMIT 1) FROM ag GROUP BY a ORDER BY a;
SELECT a FROM ag GROUP BY a HAVING (SELECT count(*) FROM ag x WHERE x.b < avg(ag.b)) > 1 ORDER BY a;
SELECT a, array(SELECT x.b FROM ag x WHERE x.b <= count(*) ORDER BY 1) FROM ag GROUP BY a ORDER BY a;
SELECT count(*) FROM ag WHERE EXISTS (SELECT 1 FROM ag x WHERE sum(ag.b) = x.b);
SELECT a FROM ag x WHERE EXISTS (SELECT 1 FROM ag y GROUP BY y.a HAVING sum(y.b) > x.b) ORDER BY 1;
SELECT sum(b), (SELECT string_agg(x.b::text, ',' ORDER BY x.b) FROM ag x WHERE x.b < max(ag.b)) FROM ag;
