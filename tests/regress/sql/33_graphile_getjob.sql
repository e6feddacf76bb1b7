-- graphile-worker's getJob (its "strategy 2"): a plain WITH query, FOR UPDATE SKIP LOCKED, read
-- both by a data-modifying WITH query and by the primary UPDATE ... FROM, whose RETURNING *
-- has the WITH query's columns too. PostgreSQL evaluates the WITH query once: every part sees
-- the same rows.
CREATE TABLE gq (id int PRIMARY KEY, locked_by text,
  is_available bool GENERATED ALWAYS AS (locked_by IS NULL) STORED);
CREATE TABLE gj (id serial PRIMARY KEY, qid int, priority int DEFAULT 0, attempts int DEFAULT 0,
  locked_by text);
INSERT INTO gq (id) VALUES (1), (2);
INSERT INTO gj (qid, priority) VALUES (1, 0), (NULL, 1), (2, 2), (1, 3);
PREPARE get_job(text) AS
WITH j AS (
  SELECT jobs.qid, jobs.priority, jobs.id FROM gj AS jobs
  WHERE jobs.locked_by IS NULL
  AND (jobs.qid IS NULL OR jobs.qid IN (SELECT id FROM gq AS job_queues
    WHERE job_queues.is_available = true FOR UPDATE SKIP LOCKED))
  ORDER BY priority ASC LIMIT 1 FOR UPDATE SKIP LOCKED
), q AS (
  UPDATE gq AS job_queues SET locked_by = $1::text FROM j WHERE job_queues.id = j.qid
)
UPDATE gj AS jobs SET attempts = jobs.attempts + 1, locked_by = $1::text
  FROM j WHERE jobs.id = j.id RETURNING *;
EXECUTE get_job('w1');
EXECUTE get_job('w2');
SELECT * FROM gq ORDER BY id;
-- RETURNING names columns of both
WITH j AS (SELECT id, priority FROM gj WHERE locked_by IS NULL ORDER BY priority LIMIT 1),
  q AS (UPDATE gq SET locked_by = 'w3' FROM j WHERE gq.id = 2 AND j.id IS NOT NULL)
UPDATE gj SET attempts = gj.attempts + 1, locked_by = 'w3' FROM j WHERE gj.id = j.id
  RETURNING gj.id, j.priority, gj.attempts;
EXECUTE get_job('w4');
SELECT * FROM gj ORDER BY id;
SELECT * FROM gq ORDER BY id;
-- a WITH query read by a DELETE step and by the primary SELECT
WITH old AS (SELECT id FROM gj WHERE attempts > 0 ORDER BY id LIMIT 2),
  d AS (DELETE FROM gj USING old WHERE gj.id = old.id RETURNING gj.id)
SELECT (SELECT count(*) FROM old) AS chosen, (SELECT count(*) FROM d) AS deleted;
SELECT id FROM gj ORDER BY id;
DEALLOCATE get_job;
DROP TABLE gj, gq;
