-- ALTER TYPE ... RENAME TO of an enum that columns and views use (docs/sql-compat.md, "Enum
-- types"): the columns, their defaults' casts, the array type, the views over them follow
-- the new name, as in PostgreSQL.
CREATE TYPE ern_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE ern_t (id int, m ern_mood DEFAULT 'ok'::ern_mood, ms ern_mood[]);
INSERT INTO ern_t VALUES (1, 'sad', '{ok}'), (2, 'happy', NULL);
CREATE VIEW ern_v AS SELECT id, m, m = 'ok'::ern_mood AS isok FROM ern_t WHERE m <> 'sad'::ern_mood;
CREATE VIEW ern_vv AS SELECT * FROM ern_v;
ALTER TYPE ern_mood RENAME TO ern_feeling;
SELECT *, pg_typeof(m) FROM ern_v ORDER BY id;
SELECT *, pg_typeof(m) FROM ern_vv ORDER BY id;
INSERT INTO ern_t (id) VALUES (3);
SELECT id, m, pg_typeof(m), ms, pg_typeof(ms) FROM ern_t ORDER BY id;
SELECT column_default FROM information_schema.columns
WHERE table_name = 'ern_t' AND column_name = 'm';
SELECT 'ok'::ern_feeling, '{sad}'::_ern_feeling, '{sad}'::ern_feeling[];
SELECT 'ok'::ern_mood;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
WHERE attrelid = 'ern_v'::regclass AND attname = 'm';
SELECT m FROM ern_t WHERE m > 'sad' ORDER BY m;
-- a name whose SQLite affinity differs (INT): the table is rebuilt, the views still read it
ALTER TYPE ern_feeling RENAME TO ern_mint;
SELECT *, pg_typeof(m) FROM ern_v ORDER BY id;
SELECT id, m, pg_typeof(m), ms, pg_typeof(ms) FROM ern_t ORDER BY id;
INSERT INTO ern_t (id, m) VALUES (4, 'happy');
SELECT count(*) FROM ern_vv;
-- inside a transaction block, and rolled back
BEGIN;
ALTER TYPE ern_mint RENAME TO ern_x;
SELECT pg_typeof(m) FROM ern_v LIMIT 1;
ROLLBACK;
SELECT pg_typeof(m) FROM ern_v LIMIT 1;
-- PostgreSQL's errors
ALTER TYPE ern_mint RENAME TO ern_t;
ALTER TYPE ern_missing RENAME TO ern_y;
-- a CHECK that orders the enum (its labels kept as a membership list): its text and marks
-- follow the name, pg_get_constraintdef prints the new casts
CREATE TYPE ern_js AS ENUM ('created', 'active', 'done');
CREATE TABLE ern_jt (id int, s ern_js, CONSTRAINT ern_jt_s CHECK (s < 'done'),
                     CONSTRAINT ern_jt_b CHECK (s BETWEEN 'created'::ern_js AND 'active'::ern_js));
INSERT INTO ern_jt VALUES (1, 'created');
ALTER TYPE ern_js RENAME TO ern_job_state;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = 'ern_jt'::regclass ORDER BY conname;
INSERT INTO ern_jt VALUES (2, 'active');
SELECT id, s, pg_typeof(s) FROM ern_jt ORDER BY id;
CREATE TYPE "Ern Mood" AS ENUM ('a', 'b', 'c');
CREATE TYPE "Ern Mood2" AS ENUM ('x', 'y');
CREATE TABLE ern_qt (m "Ern Mood" CHECK (m > 'a'), n "Ern Mood2" CHECK (n < 'y'));
ALTER TYPE "Ern Mood" RENAME TO "Ern New";
ALTER TYPE "Ern Mood2" RENAME TO ern_plain;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = 'ern_qt'::regclass ORDER BY conname;
INSERT INTO ern_qt VALUES ('b', 'x');
SELECT m, pg_typeof(m), n, pg_typeof(n) FROM ern_qt;
-- differs: refused (0A000): ADD VALUE of an enum a CHECK orders (the membership list would not follow)
ALTER TYPE ern_job_state ADD VALUE 'paused' BEFORE 'done';
-- indexes that order the enum or compare it with a label: made again with the new name
CREATE INDEX ern_jt_i ON ern_jt (id) WHERE s < 'active';
CREATE INDEX ern_jt_i2 ON ern_jt (s) WHERE s = 'active';
ALTER TYPE ern_job_state RENAME TO ern_js3;
SELECT pg_get_indexdef('ern_jt_i'::regclass);
SELECT pg_get_indexdef('ern_jt_i2'::regclass);
SELECT id FROM ern_jt WHERE s < 'active' ORDER BY id;
BEGIN;
ALTER TYPE ern_js3 RENAME TO ern_js4;
SELECT pg_get_indexdef('ern_jt_i'::regclass);
ROLLBACK;
SELECT pg_get_indexdef('ern_jt_i'::regclass);
-- after the rename ADD VALUE and RENAME VALUE still find the index (its mark followed)
CREATE TYPE ern_ks AS ENUM ('a', 'c');
CREATE TABLE ern_kt (id int, s ern_ks);
INSERT INTO ern_kt VALUES (1, 'a'), (2, 'c');
CREATE INDEX ern_kt_i ON ern_kt (id) WHERE s < 'c';
ALTER TYPE ern_ks RENAME TO ern_ks2;
ALTER TYPE ern_ks2 ADD VALUE 'b' BEFORE 'c';
INSERT INTO ern_kt VALUES (3, 'b');
ALTER TYPE ern_ks2 RENAME VALUE 'a' TO 'aa';
SELECT pg_get_indexdef('ern_kt_i'::regclass);
SELECT id, s FROM ern_kt WHERE s < 'c' ORDER BY id;
DROP TABLE ern_kt;
DROP TYPE ern_ks2;
DROP TABLE ern_jt, ern_qt;
DROP TYPE IF EXISTS ern_job_state;
DROP TYPE IF EXISTS ern_js3;
DROP TYPE "Ern New", ern_plain;
DROP VIEW ern_vv, ern_v;
DROP TABLE ern_t;
DROP TYPE ern_mint;
