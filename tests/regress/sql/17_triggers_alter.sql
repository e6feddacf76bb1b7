-- Triggers across ALTER TABLE: the updated_at trigger of a migration stays right when later
-- migrations add, drop and rename columns or rename the table (its SQLite triggers pass the
-- table's columns, so they are made again: shardlite_trigger_refit, catalog_trigger.c).
CREATE TABLE tga (id serial PRIMARY KEY, a text, updated_at timestamptz);
CREATE FUNCTION tga_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := '2020-01-01 00:00:00+00'; RETURN NEW; END $$;
CREATE TRIGGER tga_touch BEFORE INSERT OR UPDATE ON tga FOR EACH ROW EXECUTE FUNCTION tga_touch();
INSERT INTO tga (a) VALUES ('one') RETURNING *;
ALTER TABLE tga ADD COLUMN b text NOT NULL DEFAULT 'x';
INSERT INTO tga (a, b) VALUES ('two', 'bee') RETURNING *;
UPDATE tga SET b = 'cee', updated_at = NULL WHERE a = 'one' RETURNING *;
ALTER TABLE tga DROP COLUMN a;
INSERT INTO tga (b) VALUES ('dee') RETURNING *;
SELECT * FROM tga ORDER BY id;
ALTER TABLE tga ADD COLUMN c int, ADD COLUMN d int DEFAULT 4;
INSERT INTO tga (c) VALUES (3) RETURNING *;
ALTER TABLE tga ADD COLUMN IF NOT EXISTS e int;
ALTER TABLE tga ADD COLUMN IF NOT EXISTS e int;
INSERT INTO tga (e) VALUES (5) RETURNING *;
ALTER TABLE tga ADD COLUMN q serial;
INSERT INTO tga (b) VALUES ('serial') RETURNING *;
ALTER TABLE tga DROP COLUMN q;
ALTER TABLE tga DROP COLUMN IF EXISTS e;
ALTER TABLE tga DROP COLUMN IF EXISTS e;
INSERT INTO tga (b) VALUES ('fff') RETURNING *;
DO $$ BEGIN ALTER TABLE tga ADD COLUMN w int NOT NULL DEFAULT 1; END $$;
INSERT INTO tga (b, w) VALUES ('ggg', 7) RETURNING *;
BEGIN;
ALTER TABLE tga DROP COLUMN w;
UPDATE tga SET b = 'in txn', updated_at = NULL WHERE b = 'ggg' RETURNING *;
ROLLBACK;
SELECT * FROM tga ORDER BY id;
-- A trigger UPDATE OF a column depends on it (2BP01); renames carry it along.
CREATE TABLE tga_log (msg text);
CREATE FUNCTION tga_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tga_log VALUES (TG_NAME || ' ' || TG_TABLE_NAME || ' ' || NEW.id); RETURN NULL; END $$;
CREATE TRIGGER tga_of AFTER UPDATE OF b ON tga FOR EACH ROW EXECUTE FUNCTION tga_note();
ALTER TABLE tga DROP COLUMN b;
ALTER TABLE tga RENAME COLUMN b TO bb;
UPDATE tga SET bb = 'renamed', updated_at = NULL WHERE id = 1 RETURNING *;
ALTER TABLE tga RENAME TO tgb;
INSERT INTO tgb (bb) VALUES ('table renamed') RETURNING *;
UPDATE tgb SET bb = 'again', updated_at = NULL WHERE id = 2 RETURNING *;
UPDATE tgb SET c = 1 WHERE id = 3;
SELECT * FROM tga_log;
SELECT tgname, tgrelid::regclass, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'tgb'::regclass ORDER BY 1;
-- Statement triggers follow a rename too.
CREATE TABLE tgs (id int);
CREATE TABLE tgs_log (msg text);
CREATE FUNCTION tgs_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tgs_log VALUES (TG_OP || ' on ' || TG_TABLE_NAME); RETURN NULL; END $$;
CREATE TRIGGER tgs_stmt AFTER INSERT ON tgs FOR EACH STATEMENT EXECUTE FUNCTION tgs_note();
ALTER TABLE tgs RENAME TO tgs2;
ALTER TABLE tgs2 ADD COLUMN v text;
INSERT INTO tgs2 VALUES (1, 'x');
SELECT * FROM tgs_log;
SELECT tgname, tgrelid::regclass FROM pg_trigger WHERE tgrelid = 'tgs2'::regclass;
DROP TABLE tgb, tgs2, tgs_log, tga_log;
DROP FUNCTION tga_touch(), tga_note(), tgs_note();
