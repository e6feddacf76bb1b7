-- EXCLUDE constraints: over ranges (&&, =, -|-), with btree_gist's = and <> on scalar columns,
-- partial (WHERE), added to a table with rows, dropped; enforced on INSERT and UPDATE;
-- the catalog (pg_constraint contype 'x', conexclop, pg_index, pg_indexes, pg_get_constraintdef).
CREATE TABLE r1 (id int, c int4range, EXCLUDE USING gist (c WITH &&));
INSERT INTO r1 VALUES (1, '[1,5)'), (2, '[5,10)');
INSERT INTO r1 VALUES (3, '[4,6)');
INSERT INTO r1 VALUES (3, '[0,2)'), (4, '[20,30)');
INSERT INTO r1 VALUES (5, NULL), (6, NULL), (7, 'empty'), (8, 'empty');
UPDATE r1 SET c = '[8,12)' WHERE id = 4;
UPDATE r1 SET c = '[30,40)' WHERE id = 4;
UPDATE r1 SET c = c WHERE id = 1;
UPDATE r1 SET id = id + 10;
SELECT id, c FROM r1 ORDER BY id;
SELECT conname, contype, conexclop, conkey, condeferrable, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'r1'::regclass;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'r1';
SELECT c.relname, i.indisexclusion, i.indisunique, i.indisprimary, i.indimmediate FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'r1'::regclass;
SELECT count(*) FROM pg_trigger WHERE tgrelid = 'r1'::regclass;
-- psql's \d reads the constraint through the index
SELECT c2.relname, pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x')) WHERE c.oid = 'r1'::regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid ORDER BY i.indisprimary DESC, c2.relname;
-- = and -|- on ranges; the error names the constraint PostgreSQL would name
CREATE TABLE r2 (a daterange, b numrange, EXCLUDE USING gist (a WITH =, b WITH -|-));
INSERT INTO r2 VALUES ('[2024-01-01,2024-02-01)', '[1,2)'), ('[2024-01-01,2024-02-01)', '[3,4)');
INSERT INTO r2 VALUES ('[2024-01-01,2024-02-01)', '[2,3)');
INSERT INTO r2 VALUES ('[2024-01-01,2024-01-31]', '[4,5)');
INSERT INTO r2 VALUES ('[2024-01-02,2024-02-01)', '[4,5)');
SELECT conname, conexclop FROM pg_constraint WHERE conrelid = 'r2'::regclass;
-- = on an integer needs btree_gist's operator classes
CREATE TABLE booking (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));
CREATE EXTENSION btree_gist;
CREATE EXTENSION btree_gist;
CREATE EXTENSION IF NOT EXISTS btree_gist;
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname;
CREATE TABLE booking (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));
INSERT INTO booking VALUES (1, '[2024-01-01 10:00+00, 2024-01-01 11:00+00)');
INSERT INTO booking VALUES (2, '[2024-01-01 10:00+00, 2024-01-01 11:00+00)');
INSERT INTO booking VALUES (1, '[2024-01-01 10:30+00, 2024-01-01 12:00+00)');
INSERT INTO booking VALUES (1, '[2024-01-01 11:00+00, 2024-01-01 12:00+00)');
INSERT INTO booking VALUES (NULL, '[2024-01-01 10:00+00, 2024-01-01 11:00+00)'), (NULL, '[2024-01-01 10:00+00, 2024-01-01 11:00+00)');
UPDATE booking SET during = '[2024-01-01 09:00+00, 2024-01-01 10:30+00)' WHERE room = 1 AND lower(during) = '2024-01-01 11:00+00';
UPDATE booking SET room = 2 WHERE room = 1 AND lower(during) = '2024-01-01 10:00+00';
-- (COPY FROM: tests/integration/test_exclude.c)
SELECT room, during FROM booking ORDER BY room, during;
SELECT conname, contype, conexclop, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'booking'::regclass;
-- btree_gist's <> on text: rows may share a key only with the same b
CREATE TABLE n5 (a int, b text, EXCLUDE USING gist (a WITH =, b WITH <>));
INSERT INTO n5 VALUES (1, 'x'), (1, 'x'), (2, 'y');
INSERT INTO n5 VALUES (2, 'z');
-- partial: only rows that match WHERE conflict
CREATE TABLE p (id int, active bool, c int4range, CONSTRAINT p_no_overlap EXCLUDE USING gist (c WITH &&) WHERE (active));
INSERT INTO p VALUES (1, true, '[1,5)'), (2, false, '[1,5)'), (3, false, '[2,3)');
INSERT INTO p VALUES (4, true, '[3,4)');
UPDATE p SET active = true WHERE id = 2;
UPDATE p SET active = false WHERE id = 1;
UPDATE p SET active = true WHERE id = 2;
SELECT id, active, c FROM p ORDER BY id;
SELECT conname, contype, conexclop FROM pg_constraint WHERE conrelid = 'p'::regclass;
-- btree: = only
CREATE TABLE bt (a int, EXCLUDE (a WITH =));
INSERT INTO bt VALUES (1), (2);
INSERT INTO bt VALUES (1);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'bt'::regclass;
-- ALTER TABLE ... ADD on a table with rows, default and given names, DROP CONSTRAINT
CREATE TABLE a (id int, c int4range);
INSERT INTO a VALUES (1, '[1,5)'), (2, '[3,7)'), (3, '[10,20)');
ALTER TABLE a ADD CONSTRAINT a_excl EXCLUDE USING gist (c WITH &&);
DELETE FROM a WHERE id = 2;
ALTER TABLE a ADD CONSTRAINT a_excl EXCLUDE USING gist (c WITH &&);
ALTER TABLE a ADD EXCLUDE USING gist (c WITH &&);
ALTER TABLE a ADD EXCLUDE USING gist (c WITH &&);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'a'::regclass ORDER BY 1;
INSERT INTO a VALUES (4, '[4,6)');
ALTER TABLE a DROP CONSTRAINT a_excl;
ALTER TABLE a DROP CONSTRAINT a_c_excl;
INSERT INTO a VALUES (4, '[4,6)');
ALTER TABLE a DROP CONSTRAINT a_c_excl1;
ALTER TABLE a DROP CONSTRAINT a_c_excl1;
ALTER TABLE a DROP CONSTRAINT IF EXISTS a_c_excl1;
INSERT INTO a VALUES (5, '[4,6)');
SELECT conname FROM pg_constraint WHERE conrelid = 'a'::regclass ORDER BY 1;
SELECT indexname FROM pg_indexes WHERE tablename = 'a';
DROP INDEX r1_c_excl;
-- the constraint follows renames and other changes of its table
CREATE TABLE b (id serial PRIMARY KEY, room int, during tsrange, note text, EXCLUDE USING gist (room WITH =, during WITH &&));
INSERT INTO b (room, during) VALUES (1, '[2024-01-01 10:00, 2024-01-01 11:00)');
ALTER TABLE b RENAME COLUMN room TO room_no;
INSERT INTO b (room_no, during) VALUES (1, '[2024-01-01 10:30, 2024-01-01 11:30)');
ALTER TABLE b RENAME TO bk;
INSERT INTO bk (room_no, during) VALUES (1, '[2024-01-01 10:30, 2024-01-01 11:30)');
ALTER TABLE bk ADD COLUMN extra int;
ALTER TABLE bk DROP COLUMN note;
INSERT INTO bk (room_no, during) VALUES (1, '[2024-01-01 10:30, 2024-01-01 11:30)');
ALTER TABLE bk ALTER COLUMN extra TYPE bigint;
INSERT INTO bk (room_no, during) VALUES (1, '[2024-01-01 10:30, 2024-01-01 11:30)');
ALTER TABLE bk ALTER COLUMN extra SET DEFAULT 5, ADD COLUMN more text;
INSERT INTO bk (room_no, during) VALUES (1, '[2024-01-01 10:30, 2024-01-01 11:30)');
INSERT INTO bk (room_no, during) VALUES (1, '[2024-01-01 11:00, 2024-01-01 11:30)');
SELECT room_no, during, extra FROM bk ORDER BY id;
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'bk'::regclass ORDER BY 1;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'bk' ORDER BY 1;
-- dropping a column of the constraint drops the constraint
ALTER TABLE bk DROP COLUMN during;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'bk'::regclass ORDER BY 1;
INSERT INTO bk (room_no) VALUES (1);
DROP TABLE bk;
-- names: taken by a relation, by a constraint of the table; default names step on
CREATE TABLE n (a int, b int, EXCLUDE USING gist (a WITH =), CONSTRAINT n_a_excl2 CHECK (b > 0));
ALTER TABLE n ADD EXCLUDE USING gist (a WITH =);
SELECT conname FROM pg_constraint WHERE conrelid = 'n'::regclass ORDER BY 1;
CREATE TABLE n2 (a int, CONSTRAINT n_a_excl EXCLUDE USING gist (a WITH =));
CREATE TABLE n3 (a int, CONSTRAINT n3_chk CHECK (a > 0), CONSTRAINT n3_chk EXCLUDE USING gist (a WITH =));
CREATE TABLE n4 (a int, CONSTRAINT n EXCLUDE USING gist (a WITH =));
-- IF NOT EXISTS of a table that is there adds no constraint; renames of the constraint or its index
CREATE TABLE IF NOT EXISTS r1 (id int, c int4range, EXCLUDE USING gist (c WITH &&));
SELECT count(*) FROM pg_constraint WHERE conrelid = 'r1'::regclass;
ALTER TABLE r1 RENAME CONSTRAINT r1_c_excl TO r1_nov;
ALTER INDEX r1_nov RENAME TO r1_nov2;
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'r1'::regclass;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'r1';
INSERT INTO r1 VALUES (30, '[2,3)');
ALTER TABLE r1 RENAME CONSTRAINT nosuch TO r1_x;
ALTER INDEX r1_nov2 RENAME TO r2;
-- LIKE ... INCLUDING INDEXES (or ALL) makes the constraint again under the new table's name
CREATE TABLE lsrc (id int, on_ bool, c int4range, EXCLUDE USING gist (c WITH &&) WHERE (on_));
CREATE TABLE ldst (LIKE lsrc INCLUDING ALL);
CREATE TABLE ldst2 (LIKE lsrc);
SELECT conrelid::regclass, conname, contype FROM pg_constraint WHERE conrelid IN ('ldst'::regclass, 'ldst2'::regclass);
INSERT INTO ldst VALUES (1, true, '[1,5)'), (2, false, '[2,3)');
INSERT INTO ldst VALUES (3, true, '[2,3)');
INSERT INTO ldst2 VALUES (1, true, '[1,5)'), (3, true, '[2,3)');
-- differs: refused (0A000): an EXCLUDE constraint on a temporary table (here through LIKE)
CREATE TEMP TABLE ltmp (LIKE lsrc INCLUDING ALL);
-- PostgreSQL's refusals
CREATE TABLE e1 (c int4range, EXCLUDE USING gist (c WITH <<));
CREATE TABLE e2 (c int4range, EXCLUDE USING btree (c WITH &&));
CREATE TABLE e3 (c int4range, EXCLUDE USING gist (c WITH <>));
CREATE TABLE e4 (c int4range, EXCLUDE USING gist (nope WITH &&));
CREATE TABLE e5 (a int, EXCLUDE USING gist (a WITH <));
CREATE TABLE e6 (a int, EXCLUDE USING gist (a WITH &&));
CREATE TABLE e7 (a int, EXCLUDE USING nosuch (a WITH =));
CREATE TABLE e8 (a jsonb, EXCLUDE USING gist (a WITH =));
ALTER TABLE nosuch ADD EXCLUDE USING gist (c WITH &&);
SELECT relname FROM pg_class WHERE relname LIKE 'e_' ORDER BY 1;
-- btree_gist stays while a constraint uses its operator classes
DROP EXTENSION btree_gist;
DROP TABLE booking, n5, n;
DROP EXTENSION btree_gist;
SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname;
CREATE TABLE e9 (a int, EXCLUDE USING gist (a WITH =));
-- differs: refused (0A000): a DEFERRABLE EXCLUDE constraint (SQLite's triggers check each row at once)
CREATE TABLE d1 (c int4range, EXCLUDE USING gist (c WITH &&) DEFERRABLE INITIALLY DEFERRED);
