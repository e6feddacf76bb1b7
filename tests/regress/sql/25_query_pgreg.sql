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
