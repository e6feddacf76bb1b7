-- Writes through automatically updatable views, follow-ups: INSERT without a column list
-- from a query (its * spelled out as its relation's columns, plain columns, set operations).
CREATE TABLE co_base (id int PRIMARY KEY, name text, qty int DEFAULT 5, tag text DEFAULT 'b');
CREATE VIEW co_v AS SELECT id, name AS label, qty FROM co_base WHERE qty > 0;
CREATE TABLE co_src2 (k int, n text);
CREATE TABLE co_src3 (k int, n text, q int);
CREATE TABLE co_src4 (k int, n text, q int, extra int);
INSERT INTO co_src2 VALUES (1, 'one'), (2, 'two');
INSERT INTO co_src3 VALUES (3, 'three', 30), (4, 'four', -4);
INSERT INTO co_src4 VALUES (9, 'nine', 9, 9);
-- a * fills the view's first columns, the table's defaults the others
INSERT INTO co_v SELECT * FROM co_src2;
INSERT INTO co_v SELECT * FROM co_src3 RETURNING *;
INSERT INTO co_v SELECT s.* FROM (SELECT k + 60 AS k, n FROM co_src2) s WHERE s.k = 61 RETURNING label;
INSERT INTO co_v SELECT * FROM (SELECT k + 20 AS a, n AS b, 1 AS c FROM co_src2) AS x RETURNING id, qty;
-- plain columns, a set operation, a WITH
INSERT INTO co_v SELECT k + 10, n FROM co_src2;
INSERT INTO co_v SELECT k + 30, n FROM co_src2 UNION ALL SELECT 40, 'forty';
WITH w AS (SELECT 50 AS a, 'fifty' AS b) INSERT INTO co_v SELECT a, b FROM w;
SELECT * FROM co_base ORDER BY id;
SELECT * FROM co_v ORDER BY id;
-- more columns than the view has
INSERT INTO co_v SELECT * FROM co_src4;
INSERT INTO co_v VALUES (1, 'a', 2, 3);
-- differs: a relation that does not exist is 0A000 (the * cannot be spelled out), not 42P01
INSERT INTO co_v SELECT * FROM co_nosuch;
-- a subquery's * whose columns repeat a name: SQLite expands it by position (a table)
CREATE TABLE co_pos (a int, b text, c int);
INSERT INTO co_pos SELECT * FROM (SELECT 1, 'x', 2) AS x;
CREATE VIEW co_pos_v AS SELECT a, b, c FROM co_pos;
SELECT * FROM co_pos_v ORDER BY a;
-- differs: through a view it is refused (0A000), its names not known apart
INSERT INTO co_pos_v SELECT * FROM (SELECT 3, 'y', 4) AS x;
-- differs: into a table with more columns than the * fills it is 42601 (PostgreSQL: the table's defaults)
INSERT INTO co_base SELECT * FROM (SELECT 70, 'x', 1) AS x;
