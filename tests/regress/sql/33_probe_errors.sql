-- Issue #3, probing PostgreSQL's window.sql, with.sql and update.sql: statements that were
-- SQLite's internal errors (XX000) or a wrong 42601 are PostgreSQL's answer or a clear 0A000.
CREATE TABLE w (u int, f int);
INSERT INTO w SELECT g, g % 4 FROM generate_series(0, 9) g;
SELECT ntile(0) OVER (ORDER BY u), u FROM w;
SELECT ntile(-1) OVER (ORDER BY u), u FROM w;
-- differs: ntile(NULL) is 0A000 (docs/sql-compat.md), PostgreSQL's NULL
SELECT ntile(NULL) OVER (ORDER BY u), u FROM w;
SELECT ntile(3) OVER (ORDER BY u), u FROM w ORDER BY u;
-- differs: a subquery in a window frame offset is 0A000 (docs/sql-compat.md)
SELECT sum(u) OVER (ORDER BY u ROWS (SELECT 1) + 1 PRECEDING), u FROM w;
SELECT sum(u) OVER (ORDER BY u ROWS 2 PRECEDING), u FROM w ORDER BY u;
SELECT sum(u) OVER (ORDER BY u ROWS BETWEEN 1 PRECEDING AND 1::int8 FOLLOWING), u FROM w ORDER BY u;
CREATE TABLE department (id int PRIMARY KEY, parent_department int, name text);
INSERT INTO department VALUES (0, NULL, 'ROOT'), (1, 0, 'A'), (2, 1, 'B'), (3, 2, 'C');
-- differs: a recursive reference inside a WITH of the recursive term is 0A000 (docs/sql-compat.md)
with recursive q as (select * from department union all (with x as (select * from q) select * from x)) select * from q limit 24;
-- differs: a WITH clause in the recursive term is 0A000 (docs/sql-compat.md)
with recursive q(n) as (select 1 union all (with x as (select 1) select n+1 from q, x where n < 3)) select * from q;
WITH RECURSIVE t(j) AS (WITH RECURSIVE s(i) AS (VALUES (1) UNION ALL SELECT i+1 FROM s WHERE i < 3) SELECT i FROM s UNION ALL SELECT j+1 FROM t WHERE j < 4) SELECT * FROM t ORDER BY j;
CREATE TABLE update_test (a INT DEFAULT 10, b INT, c TEXT DEFAULT 'd');
INSERT INTO update_test VALUES (5, 10, 'foo'), (1, 2, 'x'), (7, 7, 'y');
UPDATE update_test SET (c, b, a) = ('bugle', b + 11, DEFAULT) WHERE c = 'foo';
UPDATE update_test SET (a, c) = (a + 1, DEFAULT), b = 0 WHERE a = 1;
UPDATE update_test SET (b, c) = (DEFAULT, DEFAULT) WHERE a = 7 RETURNING *;
UPDATE update_test SET (a, b) = (b, a) WHERE a = 2 RETURNING a, b, c;
SELECT * FROM update_test ORDER BY a, b;
