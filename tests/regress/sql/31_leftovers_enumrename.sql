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
DROP VIEW ern_vv, ern_v;
DROP TABLE ern_t;
DROP TYPE ern_mint;
