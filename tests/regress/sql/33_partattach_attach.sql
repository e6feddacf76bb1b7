-- ATTACH PARTITION of a table with indexes, CHECKs and foreign keys of its own, as pg-boss 10's
-- createQueue makes one (docs/sql-compat.md, "Partitioned tables"): its indexes hold within
-- the partition (partial indexes of the parent here), its CHECKs and foreign keys hold for
-- its rows, the catalog shows them as the partition's, DETACH gives them back and DROP drops
-- them.
CREATE TABLE queue (name text PRIMARY KEY, policy text);
INSERT INTO queue VALUES ('q1', 'short'), ('q2', 'short'), ('dlq', 'short');
CREATE TABLE job (id int NOT NULL, name text NOT NULL, state int NOT NULL DEFAULT 0,
  singleton_key text, dead_letter text) PARTITION BY LIST (name);
ALTER TABLE job ADD PRIMARY KEY (name, id);
CREATE TABLE j1 (LIKE job INCLUDING DEFAULTS);
ALTER TABLE j1 ADD PRIMARY KEY (name, id);
ALTER TABLE j1 ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES queue (name)
  ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE j1 ADD CONSTRAINT dlq_fkey FOREIGN KEY (dead_letter) REFERENCES queue (name)
  ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED;
CREATE UNIQUE INDEX j1_i1 ON j1 (name, COALESCE(singleton_key, '')) WHERE state = 0;
CREATE INDEX j1_i5 ON j1 (name, state) INCLUDE (id) WHERE state < 2;
CREATE INDEX j1_i6 ON j1 (singleton_key);
ALTER TABLE j1 ADD CONSTRAINT cjc CHECK (name = 'q1');
INSERT INTO j1 VALUES (1, 'q1', 0, 'a', NULL);
ALTER TABLE job ATTACH PARTITION j1 FOR VALUES IN ('q1');
-- a second partition the same way: its index names and CHECK are its own
CREATE TABLE j2 (LIKE job INCLUDING DEFAULTS);
ALTER TABLE j2 ADD CONSTRAINT q_fkey FOREIGN KEY (name) REFERENCES queue (name);
CREATE UNIQUE INDEX j2_i1 ON j2 (name, COALESCE(singleton_key, '')) WHERE state = 0;
ALTER TABLE j2 ADD CONSTRAINT cjc CHECK (name = 'q2');
ALTER TABLE job ATTACH PARTITION j2 FOR VALUES IN ('q2');
SELECT * FROM job ORDER BY name, id;
-- uniqueness holds within the partition, as its own index's predicate says
INSERT INTO job VALUES (2, 'q1', 0, 'a', NULL);
INSERT INTO job VALUES (2, 'q1', 1, 'a', NULL);
INSERT INTO job VALUES (1, 'q2', 0, 'a', NULL);
INSERT INTO j2 VALUES (2, 'q2', 0, 'a', NULL);
-- its foreign keys hold for its rows, and the rows referenced stay
-- detail
INSERT INTO job VALUES (3, 'q1', 0, 'b', 'nosuch');
INSERT INTO job VALUES (3, 'q1', 0, 'b', 'dlq');
-- detail
DELETE FROM queue WHERE name = 'dlq';
DELETE FROM queue WHERE name = 'q2';
UPDATE job SET dead_letter = 'none' WHERE id = 3;
UPDATE job SET dead_letter = 'q2' WHERE id = 3;
SELECT * FROM j1 ORDER BY id;
SELECT * FROM j2 ORDER BY id;
-- the catalog shows them as the partition's
SELECT c.relname, i.indisunique, i.indisprimary, pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
  WHERE c.relname IN ('j1', 'j2') AND NOT i.indisprimary ORDER BY 1, 4;
SELECT tablename, indexname, indexdef FROM pg_indexes
  WHERE tablename IN ('j1', 'j2') AND indexname NOT LIKE '%pkey' ORDER BY 1, 2;
SELECT conrelid::regclass, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
  WHERE conrelid IN ('j1'::regclass, 'j2'::regclass, 'job'::regclass) AND contype <> 'p'
  ORDER BY 1, 2;
SELECT confrelid::regclass, count(*) FROM pg_constraint WHERE contype = 'f'
  GROUP BY 1 ORDER BY 1;
SELECT pg_get_indexdef('j1_i1'::regclass, 2, true), pg_get_indexdef('j1_i5'::regclass);
SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints
  WHERE table_name IN ('j1', 'j2') AND constraint_type IN ('CHECK', 'FOREIGN KEY')
  AND constraint_name NOT LIKE '%not_null' ORDER BY 1, 2;
-- DETACH: the table has them again
ALTER TABLE job DETACH PARTITION j1;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'j1'
  AND indexname NOT LIKE '%pkey' ORDER BY 1;
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint
  WHERE conrelid = 'j1'::regclass AND contype <> 'p' ORDER BY 1;
SELECT * FROM j1 ORDER BY id;
INSERT INTO j1 VALUES (9, 'q2', 0, NULL, NULL);
INSERT INTO j1 VALUES (9, 'q1', 0, 'a', NULL);
INSERT INTO j1 VALUES (9, 'q1', 0, 'z', 'nosuch');
INSERT INTO job VALUES (9, 'q1', 0, 'z', 'nosuch');
-- ... and attached again
ALTER TABLE job ATTACH PARTITION j1 FOR VALUES IN ('q1');
INSERT INTO job VALUES (10, 'q1', 0, 'a', NULL);
SELECT count(*) FROM pg_indexes WHERE tablename = 'j1' AND indexname NOT LIKE '%pkey';
-- DROP TABLE of a partition drops its indexes and constraints
DROP TABLE j2;
SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'j2%';
DELETE FROM queue WHERE name = 'q2';
SELECT name FROM queue ORDER BY 1;
DELETE FROM queue WHERE name = 'dlq';
-- DROP TABLE of the partitioned table drops them all
DROP TABLE job;
DELETE FROM queue WHERE name = 'dlq';
SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'j%';
-- the partitioned table's columns change: a partition's constraint on a dropped column goes
-- with it, as its index does; the others stay
CREATE TABLE mq (name text PRIMARY KEY);
INSERT INTO mq VALUES ('a'), ('b');
CREATE TABLE mj (id int NOT NULL, name text NOT NULL, note text, ref text, w int)
  PARTITION BY LIST (name);
CREATE TABLE mj1 (LIKE mj);
ALTER TABLE mj1 ADD CONSTRAINT mj1_ref FOREIGN KEY (ref) REFERENCES mq (name);
ALTER TABLE mj1 ADD CONSTRAINT mj1_name FOREIGN KEY (name) REFERENCES mq (name);
ALTER TABLE mj1 ADD CONSTRAINT c_id CHECK (id > 0);
ALTER TABLE mj1 ADD CONSTRAINT c_note CHECK (note <> 'x');
CREATE INDEX mj1_w ON mj1 (w);
ALTER TABLE mj ATTACH PARTITION mj1 FOR VALUES IN ('a');
INSERT INTO mj VALUES (1, 'a', 'n', 'b', 1);
ALTER TABLE mj ADD COLUMN extra int;
ALTER TABLE mj DROP COLUMN w;
ALTER TABLE mj DROP COLUMN note;
ALTER TABLE mj DROP COLUMN ref;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'mj1'::regclass ORDER BY 1;
SELECT count(*) FROM pg_indexes WHERE tablename = 'mj1';
INSERT INTO mj VALUES (0, 'a', 1);
INSERT INTO mj VALUES (2, 'a', 1);
SELECT * FROM mj ORDER BY id;
DELETE FROM mq WHERE name = 'b';
-- DROP TABLE of the referenced table: RESTRICT refuses, CASCADE drops the partition's keys
DROP TABLE mq;
DROP TABLE mq CASCADE;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'mj1'::regclass ORDER BY 1;
INSERT INTO mj VALUES (3, 'a', 1);
SELECT * FROM mj ORDER BY id;
-- what stays 0A000
CREATE TABLE mj2 (LIKE mj);
CREATE TABLE mq2 (name text PRIMARY KEY);
ALTER TABLE mj2 ADD FOREIGN KEY (name) REFERENCES mq2 (name) ON DELETE CASCADE;
-- differs: a partition's own foreign key with ON DELETE CASCADE is not supported
ALTER TABLE mj ATTACH PARTITION mj2 FOR VALUES IN ('b');
CREATE TABLE mj3 (LIKE mj);
CREATE INDEX mj3_x ON mj3 (extra);
-- differs: the DEFAULT partition's own index is not supported
ALTER TABLE mj ATTACH PARTITION mj3 DEFAULT;
CREATE TABLE mj4 (id int NOT NULL, name text NOT NULL, extra int, UNIQUE (id));
-- differs: a PRIMARY KEY or UNIQUE constraint of its own is not supported
ALTER TABLE mj ATTACH PARTITION mj4 FOR VALUES IN ('d');
