-- Issue #3, probing PostgreSQL's join.sql: a column alias list on a table in FROM, t AS x(a, b)
-- (it was 0A000): the columns renamed, the list shorter than the table's columns or not, in
-- joins (USING, NATURAL), with more names than columns 42P10.
CREATE TABLE j1_tbl (i integer, j integer, t text);
CREATE TABLE j2_tbl (i integer, k integer);
INSERT INTO j1_tbl VALUES (1, 4, 'one'), (2, 3, 'two'), (3, 2, 'three'), (0, NULL, 'zero'), (NULL, NULL, 'null'), (NULL, 0, 'zero');
INSERT INTO j2_tbl VALUES (1, -1), (2, 2), (3, -3), (2, 4), (0, NULL), (NULL, NULL), (NULL, 0);
SELECT * FROM j1_tbl AS t1 (a, b, c) ORDER BY a, b, c;
SELECT * FROM j1_tbl t1 (a, b, c), j2_tbl t2 (d, e) WHERE t1.a = t2.d ORDER BY 1, 2, 3, 4, 5;
SELECT t1.a, t2.e FROM j1_tbl t1 (a, b, c), j2_tbl t2 (d, e) WHERE t1.a = t2.d ORDER BY 1, 2;
SELECT * FROM j1_tbl t1 (a, b, c) JOIN j2_tbl t2 (a, d) USING (a) ORDER BY a, d;
SELECT * FROM j1_tbl t1 (a, b, c) JOIN j2_tbl t2 (a, b) USING (b) ORDER BY b, t1.a;
SELECT * FROM j1_tbl t1 (a, b, c) NATURAL JOIN j2_tbl t2 (a, d) ORDER BY 1, 2, 3, 4;
SELECT * FROM j1_tbl t1 (a, b, c) NATURAL JOIN j2_tbl t2 (d, a) ORDER BY 1, 2, 3, 4;
SELECT * FROM j1_tbl t1 (a, b) NATURAL JOIN j2_tbl t2 (a) ORDER BY 1, 2, 3, 4;
SELECT x.i FROM j1_tbl x(a);
-- detail
SELECT * FROM j1_tbl x(a, b, c, d);
SELECT a, count(*) FROM j1_tbl AS x(a) WHERE x.a > 0 GROUP BY a ORDER BY x.a;
SELECT * FROM (j1_tbl x(a) LEFT JOIN j2_tbl y(a) USING (a)) LEFT JOIN j1_tbl xx(xx1, xx2) ON (x.a = xx1) ORDER BY 1, 2, 3, 4;
SELECT (SELECT count(*) FROM j2_tbl y(n) WHERE y.n = x.a) FROM j1_tbl x(a) ORDER BY x.a NULLS FIRST, 1;
SELECT x.* FROM j1_tbl AS x(a, b) WHERE x.b > 2 ORDER BY 1;
-- differs: a column alias list on a WITH query's name is 0A000 (docs/sql-compat.md)
WITH w AS (SELECT 1 AS p) SELECT * FROM w AS q(z);
