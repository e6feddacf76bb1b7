-- Enum ordering inside a partial index's predicate, an index key and a CHECK constraint
-- (docs/sql-compat.md, "Enums"): by the labels' order, not their text, as pg-boss's
-- job_singletonKey (WHERE state < 'completed') needs.
CREATE TYPE ep_state AS ENUM ('created', 'retry', 'active', 'completed', 'expired', 'cancelled', 'failed');
CREATE TABLE ep_job (id int PRIMARY KEY, name text, k text, state ep_state NOT NULL DEFAULT 'created', prev ep_state);
CREATE UNIQUE INDEX ep_job_single ON ep_job (name, k) WHERE state < 'completed';
SELECT pg_get_indexdef('ep_job_single'::regclass);
SELECT pg_get_indexdef('ep_job_single'::regclass, 0, true);
INSERT INTO ep_job VALUES (1, 'a', 'k', 'created');
-- a second queued job with the same key is refused, a finished one is not in the index
INSERT INTO ep_job VALUES (2, 'a', 'k', 'retry');
INSERT INTO ep_job VALUES (3, 'a', 'k', 'completed'), (4, 'a', 'k', 'failed'), (5, 'a', 'k', 'cancelled');
INSERT INTO ep_job VALUES (6, 'a', 'k', 'active') ON CONFLICT DO NOTHING;
UPDATE ep_job SET state = 'completed' WHERE id = 1;
INSERT INTO ep_job VALUES (6, 'a', 'k', 'active') ON CONFLICT DO NOTHING;
SELECT id, state FROM ep_job ORDER BY id;
-- <=, >, >= and a constant on the left
CREATE UNIQUE INDEX ep_job_le ON ep_job (k) WHERE state <= 'retry';
INSERT INTO ep_job VALUES (7, 'b', 'k', 'retry');
INSERT INTO ep_job VALUES (8, 'c', 'k', 'created');
CREATE UNIQUE INDEX ep_job_gt ON ep_job (name) WHERE 'expired' < state;
CREATE UNIQUE INDEX ep_job_gt ON ep_job (name, id) WHERE 'expired' < state;
CREATE UNIQUE INDEX ep_job_ge ON ep_job (name, id) WHERE state >= 'completed'::ep_state;
SELECT pg_get_indexdef('ep_job_gt'::regclass);
SELECT pg_get_indexdef('ep_job_ge'::regclass);
-- BETWEEN, NOT BETWEEN, NOT
CREATE UNIQUE INDEX ep_job_btw ON ep_job (name) WHERE state BETWEEN 'retry' AND 'active';
INSERT INTO ep_job VALUES (9, 'a', 'z', 'retry');
SELECT pg_get_indexdef('ep_job_btw'::regclass);
CREATE TABLE ep_b (id int, s ep_state);
CREATE UNIQUE INDEX ep_b_nbtw ON ep_b ((1)) WHERE s NOT BETWEEN 'retry' AND 'expired';
CREATE UNIQUE INDEX ep_b_not ON ep_b ((2)) WHERE NOT (s > 'created');
INSERT INTO ep_b VALUES (1, 'active'), (2, 'retry'), (3, NULL), (4, 'failed');
INSERT INTO ep_b VALUES (5, 'cancelled');
INSERT INTO ep_b VALUES (6, 'created');
INSERT INTO ep_b VALUES (7, 'created');
SELECT pg_get_indexdef('ep_b_nbtw'::regclass);
SELECT pg_get_indexdef('ep_b_not'::regclass);
-- no label before the first: nothing is in the index
CREATE UNIQUE INDEX ep_b_none ON ep_b ((3)) WHERE s < 'created';
INSERT INTO ep_b VALUES (8, 'retry'), (9, 'retry');
-- an index key ordering the enum
CREATE INDEX ep_job_key ON ep_job ((state > 'active'));
SELECT pg_get_indexdef('ep_job_key'::regclass);
-- two columns of the enum compare by their positions
CREATE TABLE ep_two (a ep_state, b ep_state, CHECK (a <= b));
INSERT INTO ep_two VALUES ('created', 'failed'), ('active', 'active'), (NULL, 'retry');
INSERT INTO ep_two VALUES ('failed', 'created');
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ep_two'::regclass;
-- CHECK constraints, in CREATE TABLE and ALTER TABLE ADD CONSTRAINT
CREATE TABLE ep_chk (id int, s ep_state CHECK (s < 'completed'), CONSTRAINT ep_chk_from CHECK (s >= 'retry'));
INSERT INTO ep_chk VALUES (1, 'retry'), (2, 'active'), (3, NULL);
INSERT INTO ep_chk VALUES (4, 'created');
INSERT INTO ep_chk VALUES (5, 'expired');
UPDATE ep_chk SET s = 'failed' WHERE id = 1;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ep_chk'::regclass ORDER BY 1;
ALTER TABLE ep_chk ADD CONSTRAINT ep_chk_btw CHECK (s BETWEEN 'created' AND 'retry');
ALTER TABLE ep_chk ADD CONSTRAINT ep_chk_btw CHECK (s BETWEEN 'retry' AND 'active');
INSERT INTO ep_chk VALUES (6, 'active');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ep_chk_btw';
SELECT check_clause FROM information_schema.check_constraints WHERE constraint_name = 'ep_chk_btw';
-- a label the enum lacks, as enum_in refuses it
CREATE INDEX ep_bad ON ep_job (name) WHERE state < 'nope';
CREATE TABLE ep_bad (s ep_state CHECK (s > 'nope'));
-- ALTER TYPE of an enum a predicate or CHECK orders (a type of its own: PostgreSQL makes it)
CREATE TYPE ep_lvl AS ENUM ('low', 'mid', 'high');
CREATE TABLE ep_lv (l ep_lvl CHECK (l > 'low'));
CREATE INDEX ep_lv_hi ON ep_lv (l) WHERE l >= 'mid';
-- two different enums have no ordering operator
CREATE TABLE ep_two_types (a ep_state, b ep_lvl, CHECK (a < b));
-- differs: 0A000: ADD VALUE of an enum an index or a CHECK constraint orders (its translation spells the labels)
ALTER TYPE ep_lvl ADD VALUE 'lower' BEFORE 'low';
-- differs: 0A000: RENAME VALUE of an enum an index or a CHECK constraint orders
ALTER TYPE ep_lvl RENAME VALUE 'mid' TO 'medium';
-- RENAME TO: the CHECK's marks and casts and the indexes follow the new name
ALTER TYPE ep_lvl RENAME TO ep_level;
-- without them ADD VALUE works, and a predicate made afterwards has the new label in place
DROP TABLE ep_chk, ep_two, ep_b;
DROP INDEX ep_job_single, ep_job_le, ep_job_gt, ep_job_ge, ep_job_btw, ep_job_key;
ALTER TYPE ep_state ADD VALUE 'waiting' BEFORE 'active';
ALTER TYPE ep_state ADD VALUE 'done' AFTER 'completed';
CREATE UNIQUE INDEX ep_job_wait ON ep_job (name, k) WHERE state < 'active';
INSERT INTO ep_job VALUES (20, 'w', 'k', 'waiting');
INSERT INTO ep_job VALUES (21, 'w', 'k', 'created');
INSERT INTO ep_job VALUES (22, 'w', 'k', 'done');
SELECT pg_get_indexdef('ep_job_wait'::regclass);
CREATE TABLE ep_after (s ep_state CHECK (s BETWEEN 'waiting' AND 'done'));
INSERT INTO ep_after VALUES ('active'), ('completed'), ('done');
INSERT INTO ep_after VALUES ('retry');
INSERT INTO ep_after VALUES ('expired');
-- a domain over an enum: its CHECK compares VALUE by the labels' order (= and <> as well)
CREATE TYPE ep_mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN ep_good AS ep_mood CHECK (VALUE > 'sad');
CREATE DOMAIN ep_not_sad AS ep_mood CHECK (VALUE <> 'sad');
CREATE DOMAIN ep_mid AS ep_mood CHECK (VALUE BETWEEN 'ok' AND 'ok');
CREATE DOMAIN ep_bad AS ep_mood CHECK (VALUE > 'nope');
CREATE TABLE ep_dt (g ep_good, n ep_not_sad, m ep_mid);
INSERT INTO ep_dt VALUES ('ok', 'happy', 'ok'), (NULL, NULL, NULL);
INSERT INTO ep_dt VALUES ('sad', 'ok', 'ok');
INSERT INTO ep_dt VALUES ('ok', 'sad', 'ok');
INSERT INTO ep_dt VALUES ('ok', 'ok', 'happy');
SELECT 'sad'::ep_good;
SELECT 'happy'::ep_good, 'ok'::ep_mid;
ALTER DOMAIN ep_good ADD CONSTRAINT ep_good_lo CHECK (VALUE < 'happy');
INSERT INTO ep_dt VALUES ('happy', 'ok', 'ok');
SELECT * FROM ep_dt ORDER BY g;
-- differs: 0A000: ADD VALUE of an enum a domain's CHECK orders, while a column uses the domain
ALTER TYPE ep_mood ADD VALUE 'meh';
