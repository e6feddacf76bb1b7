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
-- a bare name inside a subquery of UPDATE/DELETE through a view: the subquery's own column
-- first (as PostgreSQL resolves it), else the view's column
CREATE TABLE co_bt (id int PRIMARY KEY, name text, qty int);
CREATE TABLE co_other (k int, name text, label text);
INSERT INTO co_bt VALUES (1, 'a', 1), (2, 'b', 2), (3, 'zz', 3);
INSERT INTO co_other VALUES (1, 'b', 'zz'), (2, 'q', 'a');
CREATE VIEW co_bv AS SELECT id, name AS label, qty, qty * 10 AS big FROM co_bt;
UPDATE co_bv SET qty = 10 WHERE EXISTS (SELECT 1 FROM co_other o WHERE o.name = label);
UPDATE co_bv SET qty = 11 WHERE EXISTS (SELECT 1 FROM co_other o WHERE o.label = co_bv.label) RETURNING *;
UPDATE co_bv SET qty = 12 WHERE EXISTS (SELECT 1 FROM co_other o WHERE o.k = id AND o.name = 'q') RETURNING id, label;
UPDATE co_bv SET qty = 13 WHERE label IN (SELECT name FROM co_other WHERE k = 1) RETURNING id, label, qty;
UPDATE co_bv SET qty = 14 WHERE 'zz' IN (SELECT label FROM co_other) AND id = 3;
UPDATE co_bv SET qty = qty + 1 WHERE EXISTS (SELECT 1 FROM co_other o JOIN co_src2 s ON s.k = o.k WHERE s.n = 'one' AND o.k = id);
UPDATE co_bv SET qty = qty + 1 WHERE big IN (SELECT x.v * 10 FROM (SELECT 14 AS v) AS x);
SELECT * FROM co_bt ORDER BY id;
DELETE FROM co_bv WHERE EXISTS (SELECT 1 FROM co_other WHERE name = label) RETURNING *;
DELETE FROM co_bv WHERE EXISTS (SELECT 1 FROM co_other WHERE co_other.name = label) RETURNING *;
SELECT * FROM co_bt ORDER BY id;
-- UPDATE ... FROM and DELETE ... USING through a view: a bare view column beside a relation
-- that has a column of its base column's name
CREATE TABLE co_fo (k int, name text);
INSERT INTO co_fo VALUES (1, 'zz'), (2, 'b');
UPDATE co_bv SET qty = 20 FROM co_fo WHERE co_fo.k = co_bv.id AND co_fo.name = label RETURNING co_bv.id, co_bv.qty;
UPDATE co_bv SET label = co_fo.name FROM co_fo WHERE co_fo.k = id AND label = 'a' RETURNING co_bv.id, co_bv.label;
DELETE FROM co_bv USING co_fo WHERE co_fo.k = id AND co_fo.name = label;
SELECT * FROM co_bt ORDER BY id;
-- computed columns and bare names beside FROM/USING, in SET, subqueries and RETURNING
CREATE TABLE co_gt (id int PRIMARY KEY, name text, qty int);
CREATE TABLE co_go (k int, name text, qty int);
INSERT INTO co_gt VALUES (1, 'a', 1), (2, 'b', 2);
INSERT INTO co_go VALUES (1, 'zz', 100), (2, 'b', 200);
CREATE VIEW co_gv AS SELECT id, name AS label, qty, qty * 2 AS dbl FROM co_gt WHERE qty < 50;
UPDATE co_gv SET qty = co_go.qty / 10 + dbl FROM co_go WHERE co_go.k = id RETURNING label, co_gv.qty, dbl;
UPDATE co_gv SET label = label || '!' FROM co_go WHERE co_go.k = id AND co_go.name <> label RETURNING id, label;
UPDATE co_gv SET qty = (SELECT max(qty) FROM co_go WHERE k = id) - 190 WHERE id = 2 RETURNING *;
UPDATE co_gv SET qty = (SELECT count(*) FROM co_go WHERE co_go.qty > dbl) WHERE id = 1 RETURNING *;
DELETE FROM co_gv USING co_go WHERE co_go.k = id AND co_go.qty > dbl RETURNING co_gv.id, label;
SELECT * FROM co_gt ORDER BY id;
-- differs: beside a relation whose columns are not known here (a function), refused (0A000): qualify the name
UPDATE co_bv SET qty = 0 WHERE EXISTS (SELECT 1 FROM generate_series(1, 2) g WHERE g = id);
-- a view's column default (30_viewcheck_defaults.sql has more)
ALTER VIEW co_v ALTER COLUMN qty SET DEFAULT 9;
-- a view's check option (30_viewcheck_options.sql has more)
ALTER VIEW co_v SET (check_option = local);
-- differs: a view's column is not renamed (0A000)
ALTER VIEW co_v RENAME COLUMN label TO lab;
-- ON CONFLICT through a view names the view's columns: another name is 42703
CREATE TABLE co_ht (a int PRIMARY KEY, b text);
CREATE VIEW co_hv AS SELECT a AS aa, b AS bb, upper(b) AS ub FROM co_ht;
INSERT INTO co_hv (aa) VALUES (1) ON CONFLICT (a) DO NOTHING;
INSERT INTO co_hv (aa, bb) VALUES (1, 'x') ON CONFLICT (aa) DO UPDATE SET bb = 'y' RETURNING *;
INSERT INTO co_hv (aa, bb) VALUES (1, 'x') ON CONFLICT (aa) DO UPDATE SET bb = 'y' RETURNING *;
-- a view's * over a subquery whose columns repeat a name stays PostgreSQL's 42701
CREATE VIEW co_dupv AS SELECT * FROM (SELECT 1, 'x', 2) AS x;
