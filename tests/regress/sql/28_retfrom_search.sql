-- SEARCH DEPTH/BREADTH FIRST and CYCLE of a recursive WITH query (xlat_search.c): the extra
-- columns PostgreSQL adds, with its values, types and order.
CREATE TABLE sc_node (id int, parent int, name text);
INSERT INTO sc_node VALUES (1, NULL, 'root'), (2, 1, 'b two'), (3, 1, ''), (9, 2, NULL),
  (10, 2, 'ten'), (11, 3, 'x,y'), (12, 10, 'q"q');
WITH RECURSIVE t (id, parent, name) AS (
  SELECT id, parent, name FROM sc_node WHERE parent IS NULL
  UNION ALL
  SELECT n.id, n.parent, n.name FROM sc_node n JOIN t ON n.parent = t.id
) SEARCH DEPTH FIRST BY id SET ord
SELECT * FROM t ORDER BY ord;
WITH RECURSIVE t (id, parent, name) AS (
  SELECT id, parent, name FROM sc_node WHERE parent IS NULL
  UNION ALL
  SELECT n.id, n.parent, n.name FROM sc_node n JOIN t ON n.parent = t.id
) SEARCH DEPTH FIRST BY name, id SET ord
SELECT id, ord FROM t ORDER BY ord DESC;
WITH RECURSIVE t (id, parent) AS (
  SELECT id, parent FROM sc_node WHERE parent IS NULL
  UNION ALL
  SELECT n.id, n.parent FROM sc_node n, t WHERE n.parent = t.id
) SEARCH BREADTH FIRST BY id SET ord
SELECT * FROM t ORDER BY ord;
WITH RECURSIVE t AS (
  SELECT id, name FROM sc_node WHERE id = 2
  UNION ALL
  SELECT n.id, n.name FROM sc_node n, t WHERE n.parent = t.id
) SEARCH BREADTH FIRST BY name SET lvl
SELECT name, lvl FROM t ORDER BY lvl;
-- the ordering column compared with itself, and the tree's own nodes in FROM (sc_node.*)
WITH RECURSIVE t (id, parent, name) AS (
  SELECT * FROM sc_node WHERE id = 1
  UNION ALL
  SELECT sc_node.* FROM sc_node, t WHERE sc_node.parent = t.id
) SEARCH DEPTH FIRST BY id SET ord
SELECT a.id, b.id AS later FROM t a, t b WHERE a.ord < b.ord AND a.id >= 10 ORDER BY a.ord, b.ord;
-- CYCLE: a graph with loops
CREATE TABLE sc_edge (src int, dst int, note text);
INSERT INTO sc_edge VALUES (1, 2, 'a'), (2, 3, 'b'), (3, 1, 'c'), (2, 4, 'd'), (4, 4, 'self');
WITH RECURSIVE w (src, dst, note) AS (
  SELECT src, dst, note FROM sc_edge WHERE src = 1
  UNION ALL
  SELECT e.src, e.dst, e.note FROM sc_edge e, w WHERE e.src = w.dst
) CYCLE src SET looped USING trail
SELECT * FROM w ORDER BY trail;
WITH RECURSIVE w (src, dst) AS (
  SELECT src, dst FROM sc_edge WHERE src = 2
  UNION ALL
  SELECT e.src, e.dst FROM sc_edge e, w WHERE e.src = w.dst
) CYCLE src, dst SET looped TO 'yes' DEFAULT 'no' USING trail
SELECT * FROM w ORDER BY trail;
WITH RECURSIVE w (src, dst) AS (
  SELECT src, dst FROM sc_edge WHERE src = 3
  UNION
  SELECT e.src, e.dst FROM sc_edge e JOIN w ON e.src = w.dst
) CYCLE dst SET looped TO 1 DEFAULT 0 USING trail
SELECT src, dst, looped, trail, pg_typeof(looped) FROM w ORDER BY trail;
WITH RECURSIVE w (src, dst) AS (
  SELECT src, dst FROM sc_edge WHERE src = 1
  UNION ALL
  SELECT e.src, e.dst FROM sc_edge e, w WHERE e.src = w.dst
) SEARCH DEPTH FIRST BY src, dst SET ord CYCLE src SET looped USING trail
SELECT * FROM w ORDER BY ord;
WITH RECURSIVE w (src, dst) AS (
  SELECT src, dst FROM sc_edge WHERE src = 1
  UNION ALL
  SELECT e.src, e.dst FROM sc_edge e, w WHERE e.src = w.dst
) SEARCH BREADTH FIRST BY dst SET ord CYCLE src SET looped USING trail
SELECT count(*), max(ord::text) FROM w WHERE NOT looped;
-- in a view
CREATE VIEW sc_tree AS WITH RECURSIVE t (id, parent) AS (
  SELECT id, parent FROM sc_node WHERE parent IS NULL
  UNION ALL
  SELECT n.id, n.parent FROM sc_node n, t WHERE n.parent = t.id
) SEARCH DEPTH FIRST BY id SET ord
SELECT id, ord FROM t;
CREATE VIEW sc_tree AS WITH RECURSIVE t (id, parent) AS (
  SELECT id, parent FROM sc_node WHERE parent IS NULL
  UNION ALL
  SELECT n.id, n.parent FROM sc_node n, t WHERE n.parent = t.id
) SEARCH DEPTH FIRST BY id SET ord
SELECT id, rank() OVER (ORDER BY ord) AS pos FROM t;
SELECT * FROM sc_tree ORDER BY pos;
-- PostgreSQL's errors
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3)
  SEARCH DEPTH FIRST BY nope SET ord SELECT * FROM t;
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL SELECT t.id + 1 FROM t WHERE t.id < 3)
  SEARCH DEPTH FIRST BY id SET id SELECT * FROM t;
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3)
  SEARCH BREADTH FIRST BY id, id SET ord SELECT * FROM t;
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3)
  CYCLE id SET mark USING mark SELECT * FROM t;
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3)
  SEARCH DEPTH FIRST BY id SET x CYCLE id SET x USING p SELECT * FROM t;
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3)
  CYCLE id SET c TO true DEFAULT 7 USING p SELECT * FROM t;
WITH t (id) AS (SELECT 1) SEARCH DEPTH FIRST BY id SET ord SELECT * FROM t;
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL (SELECT 2 UNION ALL SELECT id + 1 FROM t WHERE id < 3))
  SEARCH DEPTH FIRST BY id SET ord SELECT * FROM t;
WITH RECURSIVE t (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM t WHERE id < 3)
  SEARCH DEPTH FIRST BY id SET ord SELECT * FROM t WHERE ord > '{(1)}';
-- VALUES as the first term
WITH RECURSIVE t (id) AS (VALUES (1) UNION ALL SELECT id + 1 FROM t WHERE id < 3)
  SEARCH DEPTH FIRST BY id SET ord SELECT * FROM t ORDER BY ord;
WITH RECURSIVE t (id, ok, x, s) AS (VALUES (1, true, 1.5::float8, 'p q'), (2, false, 0.25::float8, '')
  UNION ALL SELECT id + 2, NOT ok, x * 2, s || 'r' FROM t WHERE id < 5)
  SEARCH BREADTH FIRST BY id, ok, s SET ord CYCLE x SET c USING p SELECT * FROM t ORDER BY ord;
WITH RECURSIVE t AS (VALUES (1, 'a') UNION ALL SELECT column1 + 1, column2 FROM t WHERE column1 < 3)
  SEARCH DEPTH FIRST BY column1 SET ord SELECT * FROM t ORDER BY ord DESC;
-- * over the query itself in the recursive term: its own columns, not the extra ones
WITH RECURSIVE t AS (SELECT 1 AS id UNION ALL SELECT * FROM t) CYCLE id SET c USING p
  SELECT * FROM t ORDER BY p;
WITH RECURSIVE t (a, b) AS (SELECT 1, 2 UNION ALL SELECT t.* FROM t WHERE a < 3)
  CYCLE a, b SET c TO 'y' DEFAULT 'n' USING p SELECT * FROM t ORDER BY p;
WITH RECURSIVE t (a, b) AS (SELECT 1, 2 UNION ALL SELECT b, t.* FROM t WHERE a < 3)
  SEARCH DEPTH FIRST BY a SET s SELECT * FROM t;
-- refused: several VALUES rows with a numeric column
-- differs: 0A000: SEARCH or CYCLE over VALUES of several rows with a numeric column
WITH RECURSIVE t (id, d) AS (VALUES (1, 2.50), (2, 1.5) UNION ALL SELECT id + 2, d * 2 FROM t WHERE id < 4)
  CYCLE d SET c USING p SELECT * FROM t ORDER BY p;
