-- ALTER TYPE ... ADD VALUE [BEFORE | AFTER] and RENAME VALUE of an enum that an index's
-- predicate or key orders (docs/sql-compat.md, "Enums"): the index is made again from its
-- PostgreSQL definition with the labels as they now are, inside the ALTER's transaction.
CREATE TYPE ea_state AS ENUM ('created', 'retry', 'active', 'completed', 'failed');
CREATE TABLE ea_job (id int PRIMARY KEY, name text, state ea_state NOT NULL);
CREATE UNIQUE INDEX ea_job_single ON ea_job (name) WHERE state < 'completed';
CREATE INDEX ea_job_key ON ea_job ((state >= 'active'));
INSERT INTO ea_job VALUES (1, 'a', 'created'), (2, 'a', 'completed');
-- a label before 'completed' joins the predicate: two queued jobs of one name are refused
ALTER TYPE ea_state ADD VALUE 'waiting' BEFORE 'completed';
INSERT INTO ea_job VALUES (3, 'a', 'waiting');
INSERT INTO ea_job VALUES (3, 'b', 'waiting');
INSERT INTO ea_job VALUES (4, 'b', 'retry');
-- one after 'completed' does not
ALTER TYPE ea_state ADD VALUE 'archived' AFTER 'completed';
INSERT INTO ea_job VALUES (5, 'a', 'archived'), (6, 'a', 'archived');
-- nor one before the first label: it orders before 'active' too
ALTER TYPE ea_state ADD VALUE 'draft' BEFORE 'created';
INSERT INTO ea_job VALUES (7, 'c', 'draft');
INSERT INTO ea_job VALUES (8, 'c', 'draft');
SELECT pg_get_indexdef('ea_job_single'::regclass);
SELECT pg_get_indexdef('ea_job_key'::regclass);
SELECT indisunique FROM pg_index WHERE indexrelid = 'ea_job_single'::regclass;
SELECT id, state, state >= 'active' AS late FROM ea_job ORDER BY id;
-- ADD VALUE IF NOT EXISTS of a label the type has changes nothing
ALTER TYPE ea_state ADD VALUE IF NOT EXISTS 'waiting' AFTER 'failed';
INSERT INTO ea_job VALUES (9, 'c', 'waiting');
-- RENAME VALUE: the definition names the new label, the predicate holds it
ALTER TYPE ea_state RENAME VALUE 'created' TO 'new';
SELECT pg_get_indexdef('ea_job_single'::regclass);
SELECT id, state FROM ea_job ORDER BY id;
INSERT INTO ea_job VALUES (10, 'a', 'new');
ALTER TYPE ea_state RENAME VALUE 'completed' TO 'done';
SELECT pg_get_indexdef('ea_job_single'::regclass);
INSERT INTO ea_job VALUES (11, 'b', 'done'), (12, 'b', 'done');
-- an equality with a label keeps the label's text, which RENAME VALUE follows too
CREATE UNIQUE INDEX ea_job_failed ON ea_job (name) WHERE state = 'failed';
INSERT INTO ea_job VALUES (13, 'f', 'failed');
ALTER TYPE ea_state RENAME VALUE 'failed' TO 'broken';
SELECT pg_get_indexdef('ea_job_failed'::regclass);
INSERT INTO ea_job VALUES (14, 'f', 'broken');
-- in a transaction: ROLLBACK takes the label and the index's new text back
BEGIN;
ALTER TYPE ea_state RENAME VALUE 'retry' TO 'again';
SELECT pg_get_indexdef('ea_job_single'::regclass);
INSERT INTO ea_job VALUES (15, 'r', 'again');
ROLLBACK;
SELECT pg_get_indexdef('ea_job_single'::regclass);
SELECT enum_range(NULL::ea_state);
INSERT INTO ea_job VALUES (15, 'r', 'retry');
INSERT INTO ea_job VALUES (16, 'r', 'retry');
-- an error in the transaction after it rolls it all back too
BEGIN;
ALTER TYPE ea_state ADD VALUE 'later' AFTER 'archived';
SELECT pg_get_indexdef('ea_job_single'::regclass);
SELECT nosuch FROM ea_job;
ROLLBACK;
SELECT pg_get_indexdef('ea_job_single'::regclass);
SELECT enum_range(NULL::ea_state);
-- still refused: ADD VALUE of an enum a CHECK orders (its table's text)
CREATE TYPE ea_lvl AS ENUM ('low', 'high');
CREATE TABLE ea_lv (l ea_lvl CHECK (l > 'low'));
-- differs: 0A000: ADD VALUE of an enum a CHECK constraint orders (its table's text spells the labels)
ALTER TYPE ea_lvl ADD VALUE 'mid' BEFORE 'high';
-- RENAME TO makes the indexes again with the new name (31_leftovers_enumrename.sql)
ALTER TYPE ea_state RENAME TO ea_status;
-- a temporary index that orders the enum is not made again (only the tenant's own): refused
CREATE TYPE ea_t AS ENUM ('a', 'c');
CREATE TEMP TABLE ea_tmp (s ea_t);
CREATE INDEX ea_tmp_i ON ea_tmp (s) WHERE s > 'a';
-- differs: 0A000: ADD VALUE of an enum a temporary index orders
ALTER TYPE ea_t ADD VALUE 'b' AFTER 'a';
DROP TABLE ea_tmp;
ALTER TYPE ea_t ADD VALUE IF NOT EXISTS 'b' AFTER 'a';
SELECT enum_range(NULL::ea_t);
