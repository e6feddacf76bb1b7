-- Issue #3, probing PostgreSQL's subselect.sql: a row compared with a subquery of several
-- columns, ROW(1, 2) = (SELECT a, b ...), fails with 21000 when the subquery returns a second
-- row, as a scalar subquery does; SQLite compared the first row.
CREATE TABLE subselect_tbl (f1 integer, f2 integer, f3 float);
INSERT INTO subselect_tbl VALUES (1, 2, 3), (2, 3, 4), (3, 4, 5), (1, 1, 1), (8, 9, NULL);
SELECT ROW(1, 2) = (SELECT f1, f2) AS eq FROM subselect_tbl ORDER BY f1, f2;
SELECT ROW(1, 2) = (SELECT 3, 4) AS eq FROM subselect_tbl;
SELECT ROW(1, 2) = (SELECT f1, f2 FROM subselect_tbl);
SELECT 1 WHERE (1, 2) = (SELECT f1, f2 FROM subselect_tbl);
SELECT (1, 2) < (SELECT f1, f2 FROM subselect_tbl);
SELECT (1, 2) = (SELECT f1, f2 FROM subselect_tbl WHERE f3 = 3), (1, 2) = (SELECT f1, f2 FROM subselect_tbl WHERE f1 = 7), (1, 2) <> (SELECT 1, 2);
SELECT f1, f2 FROM subselect_tbl o WHERE (f1, f2) = (SELECT i.f1, i.f2 FROM subselect_tbl i WHERE i.f1 = o.f1 AND i.f2 = o.f2) ORDER BY 1, 2;
SELECT f1 FROM subselect_tbl o WHERE (f1, 1) = (SELECT i.f1, 1 FROM subselect_tbl i WHERE i.f1 = o.f1) ORDER BY 1;
SELECT (SELECT f1 FROM subselect_tbl);
