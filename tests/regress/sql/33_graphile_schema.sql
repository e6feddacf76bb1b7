-- graphile-worker's migrations (npm graphile-worker, tests/integration/clients_graphileworker.js):
-- functions, triggers and row-typed PL/pgSQL variables in a schema of the tenant, and
-- ALTER TABLE ADD COLUMN ... UNIQUE of a table with rows.
CREATE SCHEMA gw;
CREATE TABLE gw.queues (queue_name text PRIMARY KEY, job_count int NOT NULL);
CREATE TABLE gw.jobs (id bigserial PRIMARY KEY, queue_name text, task text NOT NULL,
  attempts int NOT NULL DEFAULT 0, last_error text);
INSERT INTO gw.jobs (queue_name, task) VALUES ('q', 'a'), (NULL, 'b');
-- ADD COLUMN with UNIQUE (SQLite's own ADD COLUMN refuses it): the table is rebuilt with the key
ALTER TABLE gw.jobs ADD COLUMN key text UNIQUE CHECK (length(key) > 0);
ALTER TABLE gw.jobs ADD COLUMN serial_no int;
UPDATE gw.jobs SET key = 'k' || id;
SELECT id, task, key FROM gw.jobs ORDER BY id;
INSERT INTO gw.jobs (task, key) VALUES ('c', 'k1');
INSERT INTO gw.jobs (task, key) VALUES ('c', '');
CREATE TABLE plain_rows (a int);
INSERT INTO plain_rows VALUES (1), (2);
ALTER TABLE plain_rows ADD COLUMN b int PRIMARY KEY;
ALTER TABLE plain_rows ADD COLUMN c text UNIQUE;
INSERT INTO plain_rows (a, c) VALUES (3, 'x');
INSERT INTO plain_rows (a, c) VALUES (4, 'x');
SELECT a, c FROM plain_rows ORDER BY a;
DROP TABLE plain_rows;
DELETE FROM gw.jobs;
-- ON CONFLICT ... SET names the target table by its own name
INSERT INTO gw.queues VALUES ('q', 1);
INSERT INTO gw.queues (queue_name, job_count) VALUES ('q', 1)
  ON CONFLICT (queue_name) DO UPDATE SET job_count = queues.job_count + 1 RETURNING *;
-- a trigger function in the schema, its trigger, and DROP TRIGGER ... ON gw.jobs
CREATE FUNCTION gw.count_up() RETURNS trigger AS $$
BEGIN
  INSERT INTO gw.queues (queue_name, job_count) VALUES (new.queue_name, 1)
    ON CONFLICT (queue_name) DO UPDATE SET job_count = queues.job_count + 1;
  RETURN new;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER _500_count_up AFTER INSERT ON gw.jobs FOR EACH ROW
  WHEN (new.queue_name IS NOT NULL) EXECUTE PROCEDURE gw.count_up();
INSERT INTO gw.jobs (queue_name, task) VALUES ('q', 'a'), ('r', 'b'), (NULL, 'c');
SELECT * FROM gw.queues ORDER BY queue_name;
DROP TRIGGER _500_count_up ON gw.jobs;
INSERT INTO gw.jobs (queue_name, task) VALUES ('q', 'd');
SELECT * FROM gw.queues ORDER BY queue_name;
DROP TRIGGER _500_count_up ON gw.jobs;
DROP TRIGGER IF EXISTS _500_count_up ON gw.jobs;
-- a function returning the schema's row type, with a variable of that type
CREATE FUNCTION gw.add_job(identifier text, queue_name text = NULL) RETURNS gw.jobs AS $$
DECLARE
  v_job gw.jobs;
BEGIN
  INSERT INTO gw.jobs (queue_name, task) VALUES (add_job.queue_name, identifier)
    RETURNING * INTO v_job;
  RETURN v_job;
END;
$$ LANGUAGE plpgsql VOLATILE;
SELECT id, queue_name, task, attempts FROM gw.add_job('e', 'q');
SELECT task, queue_name FROM gw.add_job('f');
CREATE FUNCTION gw.fail_job(job_id bigint, message text) RETURNS gw.jobs AS $$
DECLARE
  v_row gw.jobs%ROWTYPE;
BEGIN
  UPDATE gw.jobs SET attempts = attempts + 1, last_error = message WHERE id = job_id
    RETURNING * INTO v_row;
  IF v_row.queue_name IS NOT NULL THEN
    UPDATE gw.queues SET job_count = job_count - 1 WHERE queue_name = v_row.queue_name;
  END IF;
  RETURN v_row;
END;
$$ LANGUAGE plpgsql STRICT;
SELECT task, attempts, last_error FROM gw.fail_job(5, 'boom');
SELECT * FROM gw.queues ORDER BY queue_name;
SELECT gw.fail_job(NULL, 'x') IS NULL AS strict_null;
SELECT task, attempts, last_error FROM gw.jobs ORDER BY id;
-- LANGUAGE sql: an argument named by the function's name (graphile-worker's reschedule_jobs)
CREATE FUNCTION gw.reschedule(job_id bigint, attempts int = NULL) RETURNS SETOF gw.jobs AS $$
  UPDATE gw.jobs SET attempts = coalesce(reschedule.attempts, jobs.attempts)
    WHERE id = reschedule.job_id RETURNING *;
$$ LANGUAGE sql VOLATILE;
SELECT task, attempts FROM gw.reschedule(5, 7);
SELECT task, attempts FROM gw.reschedule(5);
SELECT task, attempts FROM gw.reschedule((SELECT id FROM gw.jobs WHERE task = 'e'));
CREATE FUNCTION plain_next(n int) RETURNS int AS $$ SELECT plain_next.n + 1 $$ LANGUAGE sql;
SELECT plain_next(1);
-- a function of the schema named in a select list, by itself and as an argument
CREATE FUNCTION gw.twice(n int) RETURNS int AS $$ SELECT twice.n * 2 $$ LANGUAGE sql IMMUTABLE;
SELECT gw.twice(2), gw.twice(3) AS six, plain_next(gw.twice(4));
SELECT x.twice FROM gw.twice(5) AS x;
-- a FROM function's argument computed by an operator
SELECT task, queue_name FROM gw.add_job('h' || 'i', 'q' || 'r');
SELECT twice FROM gw.twice(2 + 3);
-- renamed, it stays in its schema
CREATE FUNCTION gw.inc(n int) RETURNS int AS $$ SELECT n + 1 $$ LANGUAGE sql;
ALTER FUNCTION gw.inc(int) RENAME TO plus_one;
SELECT gw.plus_one(41);
SELECT gw.inc(1);
DROP FUNCTION gw.plus_one(int);
CALL gw.nosuch();
DROP FUNCTION plain_next(int);
DROP FUNCTION gw.twice(int);
DROP FUNCTION gw.reschedule;
DROP FUNCTION gw.fail_job(bigint, text);
DROP FUNCTION gw.add_job;
SELECT gw.add_job('g');
DROP FUNCTION gw.count_up();
DROP TABLE gw.jobs, gw.queues;
DROP SCHEMA gw;
