-- Data-modifying statements in WITH: the part of PostgreSQL 15's own regression file with.sql
-- on them (its tables made plain tables here), then the cases of one statement writing a table
-- in several parts: INSERT ... ON CONFLICT DO NOTHING after a DELETE of the same rows (pg-boss
-- 10's fail), a plain WITH query over steps' rows read by a later step, and the order
-- PostgreSQL runs the parts the primary statement does not read in (after it, the last first).

CREATE TABLE y (a INTEGER);
INSERT INTO y SELECT generate_series(1, 10);

WITH t AS (SELECT a FROM y) INSERT INTO y SELECT a+20 FROM t RETURNING *;
SELECT * FROM y ORDER BY a;
WITH t AS (SELECT a FROM y)
UPDATE y SET a = y.a-10 FROM t WHERE y.a > 20 AND t.a = y.a RETURNING y.a;
SELECT * FROM y ORDER BY a;
WITH RECURSIVE t(a) AS (SELECT 11 UNION ALL SELECT a+1 FROM t WHERE a < 50)
DELETE FROM y USING t WHERE t.a = y.a RETURNING y.a;
SELECT * FROM y ORDER BY a;
DROP TABLE y;

CREATE TABLE y (a INTEGER);
INSERT INTO y SELECT generate_series(1, 10);

-- INSERT ... RETURNING
WITH t AS (
    INSERT INTO y VALUES (11), (12), (13), (14), (15), (16), (17), (18), (19), (20)
    RETURNING *
)
SELECT * FROM t;
SELECT * FROM y ORDER BY a;

-- UPDATE ... RETURNING
WITH t AS (UPDATE y SET a=a+1 RETURNING *) SELECT * FROM t ORDER BY a;
SELECT * FROM y ORDER BY a;

-- DELETE ... RETURNING
WITH t AS (DELETE FROM y WHERE a <= 10 RETURNING *) SELECT * FROM t ORDER BY a;
SELECT * FROM y ORDER BY a;

-- forward reference
-- differs: a WITH RECURSIVE query reading a later one beside data-modifying ones is 0A000
WITH RECURSIVE t AS (
	INSERT INTO y SELECT a+5 FROM t2 WHERE a > 5 RETURNING *
), t2 AS (
	UPDATE y SET a=a-11 RETURNING *
)
SELECT * FROM t UNION ALL SELECT * FROM t2;
-- what PostgreSQL's leaves
TRUNCATE y;
INSERT INTO y VALUES (11), (12), (13), (14), (15), (0), (1), (2), (3), (4), (5), (6), (7), (8),
  (9), (10);
SELECT * FROM y ORDER BY a;

CREATE TABLE bug6051 AS SELECT i FROM generate_series(1,3) AS t(i);
SELECT * FROM bug6051 ORDER BY i;
WITH t1 AS ( DELETE FROM bug6051 RETURNING * ) INSERT INTO bug6051 SELECT * FROM t1;
SELECT * FROM bug6051 ORDER BY i;

-- a truly recursive CTE in the same list
WITH RECURSIVE t(a) AS (
	SELECT 0 UNION ALL SELECT a+1 FROM t WHERE a+1 < 5
), t2 AS (
	INSERT INTO y SELECT * FROM t RETURNING *
)
SELECT * FROM t2 JOIN y USING (a) ORDER BY a;
SELECT * FROM y ORDER BY a;

-- data-modifying WITH in a modifying statement
WITH t AS (DELETE FROM y WHERE a <= 10 RETURNING *)
INSERT INTO y SELECT -a FROM t RETURNING *;
SELECT * FROM y ORDER BY a;

-- check that WITH query is run to completion even if outer query isn't
WITH t AS (UPDATE y SET a = a * 100 RETURNING *) SELECT * FROM t ORDER BY a LIMIT 10;
SELECT * FROM y ORDER BY a;

-- data-modifying WITH containing INSERT...ON CONFLICT DO UPDATE
CREATE TABLE withz AS SELECT i AS k, (i || ' v')::text v FROM generate_series(1, 16, 3) i;
ALTER TABLE withz ADD UNIQUE (k);

WITH t AS (
    INSERT INTO withz SELECT i, 'insert'
    FROM generate_series(0, 16) i
    ON CONFLICT (k) DO UPDATE SET v = withz.v || ', now update'
    RETURNING *
)
SELECT * FROM t JOIN y ON t.k = y.a ORDER BY a, k;

-- Test EXCLUDED.* reference within CTE
WITH aa AS (
    INSERT INTO withz VALUES(1, 5) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v
    WHERE withz.k != EXCLUDED.k
    RETURNING *
)
SELECT * FROM aa;

-- New query/snapshot demonstrates side-effects of previous query.
SELECT * FROM withz ORDER BY k;

-- Ensure subqueries within the update clause work, even if they reference outside values
WITH aa AS (SELECT 1 a, 2 b)
INSERT INTO withz VALUES(1, 'insert')
ON CONFLICT (k) DO UPDATE SET v = (SELECT b || ' update' FROM aa WHERE a = 1 LIMIT 1);
WITH aa AS (SELECT 1 a, 2 b)
INSERT INTO withz VALUES(1, 'insert')
ON CONFLICT (k) DO UPDATE SET v = ' update' WHERE withz.k = (SELECT a FROM aa);
WITH aa AS (SELECT 1 a, 2 b)
INSERT INTO withz VALUES(1, 'insert')
ON CONFLICT (k) DO UPDATE SET v = (SELECT b || ' update' FROM aa WHERE a = 1 LIMIT 1);
WITH aa AS (SELECT 'a' a, 'b' b UNION ALL SELECT 'a' a, 'b' b)
INSERT INTO withz VALUES(1, 'insert')
ON CONFLICT (k) DO UPDATE SET v = (SELECT b || ' update' FROM aa WHERE a = 'a' LIMIT 1);
WITH aa AS (SELECT 1 a, 2 b)
INSERT INTO withz VALUES(1, (SELECT b || ' insert' FROM aa WHERE a = 1 ))
ON CONFLICT (k) DO UPDATE SET v = (SELECT b || ' update' FROM aa WHERE a = 1 LIMIT 1);
SELECT * FROM withz ORDER BY k;

-- Update a row more than once, in different parts of a wCTE
-- differs: ON CONFLICT DO UPDATE of a table an earlier part changes is 0A000
WITH simpletup AS (
  SELECT 2 k, 'Green' v),
upsert_cte AS (
  INSERT INTO withz VALUES(2, 'Blue') ON CONFLICT (k) DO
    UPDATE SET (k, v) = (SELECT k, v FROM simpletup WHERE simpletup.k = withz.k)
    RETURNING k, v)
INSERT INTO withz VALUES(2, 'Red') ON CONFLICT (k) DO
UPDATE SET (k, v) = (SELECT k, v FROM upsert_cte WHERE upsert_cte.k = withz.k)
RETURNING k, v;
DROP TABLE withz;

-- check that run to completion happens in proper ordering
TRUNCATE y;
INSERT INTO y SELECT generate_series(1, 3);
CREATE TABLE yy (a INTEGER);

WITH RECURSIVE t1 AS (
  INSERT INTO y SELECT * FROM y RETURNING *
), t2 AS (
  INSERT INTO yy SELECT * FROM t1 RETURNING *
)
SELECT 1;
SELECT * FROM y ORDER BY a;
SELECT * FROM yy ORDER BY a;

-- differs: a WITH RECURSIVE query reading a later one beside data-modifying ones is 0A000
WITH RECURSIVE t1 AS (
  INSERT INTO yy SELECT * FROM t2 RETURNING *
), t2 AS (
  INSERT INTO y SELECT * FROM y RETURNING *
)
SELECT 1;
TRUNCATE y;
INSERT INTO y SELECT generate_series(1, 3);

-- error cases
-- data-modifying WITH tries to use its own output
-- detail
WITH RECURSIVE t AS (INSERT INTO y SELECT * FROM t) VALUES(FALSE);
-- no RETURNING in a referenced data-modifying WITH
WITH t AS (INSERT INTO y VALUES(0)) SELECT * FROM t;
-- data-modifying WITH allowed only at the top level
-- detail
SELECT * FROM (WITH t AS (UPDATE y SET a=a+1 RETURNING *) SELECT * FROM t) ss;
-- detail
WITH x AS (WITH t AS (DELETE FROM y RETURNING *) SELECT * FROM t) SELECT * FROM x;
-- detail
SELECT 1 FROM y WHERE EXISTS (WITH t AS (DELETE FROM y RETURNING *) SELECT * FROM t);
BEGIN;
-- detail
DECLARE c CURSOR FOR WITH t AS (DELETE FROM y RETURNING *) SELECT * FROM t;
ROLLBACK;
-- check sane response to attempt to modify CTE relation
WITH test AS (SELECT 42) INSERT INTO test VALUES (1);
-- CTEs don't hide tables from data-modifying statements
CREATE TABLE test (i int);
WITH test AS (SELECT 42) INSERT INTO test SELECT * FROM test;
SELECT * FROM test;
DROP TABLE test;
SELECT * FROM y ORDER BY a;

-- pg-boss 10's fail: the job deleted and inserted again ON CONFLICT DO NOTHING, those it did
-- not take inserted as failed, a plain WITH query over both, read by a fourth part
CREATE TABLE job (id int, name text, state text, retry_limit int, retry_count int, output text,
  dead_letter text, PRIMARY KEY (name, id));
INSERT INTO job VALUES (1, 'q', 'active', 1, 0, NULL, NULL), (2, 'q', 'active', 0, 0, NULL, 'dl'),
  (3, 'q', 'created', 0, 0, NULL, NULL);
WITH deleted_jobs AS (
  DELETE FROM job WHERE name = 'q' AND state = 'active' RETURNING *
), retried_jobs AS (
  INSERT INTO job (id, name, state, retry_limit, retry_count, output, dead_letter)
  SELECT id, name, CASE WHEN retry_count < retry_limit THEN 'retry' ELSE 'failed' END,
    retry_limit, retry_count + 1, 'out', dead_letter
  FROM deleted_jobs ON CONFLICT DO NOTHING RETURNING *
), failed_jobs AS (
  INSERT INTO job (id, name, state, retry_limit, retry_count, output, dead_letter)
  SELECT id, name, 'failed', retry_limit, retry_count, 'lost', dead_letter FROM deleted_jobs
  WHERE id NOT IN (SELECT id FROM retried_jobs) RETURNING *
), results AS (
  SELECT * FROM retried_jobs UNION ALL SELECT * FROM failed_jobs
), dlq_jobs AS (
  INSERT INTO job (id, name, output, retry_limit, retry_count)
  SELECT id + 100, dead_letter, output, retry_limit, 0 FROM results
  WHERE state = 'failed' AND dead_letter IS NOT NULL AND NOT name = dead_letter
)
SELECT count(*) FROM results;
SELECT * FROM job ORDER BY name, id;
-- a key another part still holds: DO NOTHING skips it, the next part takes it
WITH d AS (
  DELETE FROM job WHERE name = 'q' AND id = 1 RETURNING *
), i AS (
  INSERT INTO job (id, name, state) SELECT 3, name, 'moved' FROM d ON CONFLICT DO NOTHING
  RETURNING id
), f AS (
  INSERT INTO job (id, name, state) SELECT 4, name, 'kept' FROM d
  WHERE NOT EXISTS (SELECT FROM i) RETURNING id
)
SELECT (SELECT count(*) FROM i) AS moved, (SELECT count(*) FROM f) AS kept;
SELECT id, name, state FROM job ORDER BY name, id;
-- PostgreSQL inserts each row as the DELETE returns it, while the later ones are still there
-- differs: here the DELETE runs to its end first: key 4 (job 3's) no longer conflicts
WITH d AS (DELETE FROM job WHERE name = 'q' AND id IN (3, 4) RETURNING *),
  i AS (INSERT INTO job (id, name, state) SELECT id + 1, name, 'next' FROM d
    ON CONFLICT DO NOTHING RETURNING id)
SELECT count(*) FROM i;
WITH x AS (DELETE FROM job WHERE name = 'q' AND id IN (3, 4, 5) RETURNING 1) SELECT 1;
INSERT INTO job (id, name, state) VALUES (3, 'q', 'created'), (4, 'q', 'kept');
-- two INSERTs of one key ON CONFLICT DO NOTHING: the one read first wins; of those nothing
-- reads, the last one (PostgreSQL runs them after the primary statement, the last first)
WITH a AS (INSERT INTO job (id, name, state) VALUES (10, 'k', 'a') ON CONFLICT DO NOTHING
    RETURNING id),
  b AS (INSERT INTO job (id, name, state) VALUES (10, 'k', 'b') ON CONFLICT DO NOTHING
    RETURNING id)
SELECT (SELECT count(*) FROM a) AS a, (SELECT count(*) FROM b) AS b;
WITH a AS (INSERT INTO job (id, name, state) VALUES (11, 'k', 'a') ON CONFLICT DO NOTHING),
  b AS (INSERT INTO job (id, name, state) VALUES (11, 'k', 'b') ON CONFLICT DO NOTHING)
SELECT 1;
SELECT id, name, state FROM job ORDER BY name, id;
-- the table read elsewhere is the one before the statement
WITH d AS (DELETE FROM job WHERE name = 'q' RETURNING id), r AS (SELECT count(*) AS n FROM d),
  i AS (INSERT INTO job (id, name, state) SELECT n, 'count', 'x' FROM r
    ON CONFLICT DO NOTHING RETURNING id)
SELECT (SELECT count(*) FROM job) AS before, (SELECT n FROM r), (SELECT id FROM i);
SELECT id, name, state FROM job ORDER BY name, id;
-- a plain WITH query over a step's rows and another plain one, read by a later step
WITH a AS (SELECT 10 AS base), d AS (DELETE FROM job WHERE name = 'count' RETURNING id),
  s AS (SELECT d.id + a.base AS id FROM d, a),
  i AS (INSERT INTO job (id, name, state) SELECT id, 'sum', 'y' FROM s RETURNING id)
SELECT * FROM i;
SELECT id, name, state FROM job ORDER BY name, id;

-- parts the primary statement does not read run after it, the last first (serial keys)
CREATE TABLE s (id serial PRIMARY KEY, v text);
WITH a AS (INSERT INTO s (v) VALUES ('a')), b AS (INSERT INTO s (v) VALUES ('b')) SELECT 1;
SELECT * FROM s ORDER BY id;
WITH a AS (INSERT INTO s (v) VALUES ('c') RETURNING id), b AS (INSERT INTO s (v) VALUES ('d'))
SELECT count(*) FROM a;
SELECT * FROM s ORDER BY id;
WITH a AS (INSERT INTO s (v) VALUES ('e') RETURNING id),
  b AS (INSERT INTO s (v) SELECT 'f' || id FROM a), c AS (INSERT INTO s (v) VALUES ('g'))
SELECT 1;
SELECT * FROM s ORDER BY id;
-- another table: fine
WITH a AS (INSERT INTO y VALUES (7)) INSERT INTO s (v) VALUES ('k') RETURNING id, v;
SELECT * FROM s ORDER BY id;
SELECT * FROM y ORDER BY a;
-- a DELETE nothing reads and the primary INSERT: the same rows whichever runs first
WITH d AS (DELETE FROM s WHERE id = 1) INSERT INTO s VALUES (20, 'j') RETURNING v;
SELECT * FROM s ORDER BY id;
-- PostgreSQL runs the unread INSERT after the primary INSERT: 0A000 here
-- differs: 0A000 (PostgreSQL's INSERT takes id 9 and the unread one 10)
WITH a AS (INSERT INTO s (v) VALUES ('h')) INSERT INTO s (v) VALUES ('i') RETURNING id;
-- differs: 0A000 (PostgreSQL's INSERT meets key 2 before the DELETE runs and skips it)
WITH d AS (DELETE FROM s WHERE id = 2) INSERT INTO s VALUES (2, 'j') ON CONFLICT DO NOTHING;
-- differs: here the DELETE runs first and the INSERT takes key 3 (PostgreSQL's INSERT: 23505)
WITH d AS (DELETE FROM s WHERE id = 3) INSERT INTO s VALUES (3, 'j');
