-- A trigger function's RETURN of an expression (was 0A000 for anything but NEW, OLD or NULL):
-- COALESCE(NEW, OLD), CASE ... END, a record or %ROWTYPE variable, ROW(...), NULL; the row
-- returned replaces NEW in a BEFORE row trigger, NULL skips the row; PostgreSQL's 42804 for a
-- row of another structure or a value that is not a row.
CREATE TABLE au (id serial PRIMARY KEY, v text, updated int DEFAULT 0);
CREATE TABLE au_log (op text, tbl text, v text);
CREATE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO au_log VALUES (TG_OP, TG_TABLE_NAME, COALESCE(NEW.v, OLD.v));
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER au_b BEFORE INSERT OR UPDATE OR DELETE ON au FOR EACH ROW EXECUTE FUNCTION au_trg();
INSERT INTO au (v) VALUES ('a'), ('b');
UPDATE au SET v = 'c' WHERE id = 1;
DELETE FROM au WHERE id = 2;
SELECT * FROM au ORDER BY id;
SELECT * FROM au_log;
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN NEW.updated := NEW.updated + 1; END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
INSERT INTO au (v) VALUES ('d');
UPDATE au SET v = 'e';
DELETE FROM au WHERE v = 'e' AND id = 1;
SELECT * FROM au ORDER BY id;
-- the COALESCE the other way round: OLD of an INSERT is NULL, so NEW is returned
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN COALESCE(OLD, NEW);
END $$;
INSERT INTO au (v) VALUES ('old-new');
UPDATE au SET v = 'kept-old' WHERE v = 'old-new';
SELECT * FROM au ORDER BY id;
DROP TRIGGER au_b ON au;
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r au%ROWTYPE;
BEGIN
  r := NEW; r.v := upper(r.v);
  RETURN r;
END $$;
CREATE TRIGGER au_b BEFORE INSERT OR UPDATE ON au FOR EACH ROW EXECUTE FUNCTION au_trg();
INSERT INTO au (v) VALUES ('lower');
SELECT * FROM au ORDER BY id;
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT NEW.id, 'rec' || NEW.v, 7 INTO r;
  RETURN r;
END $$;
INSERT INTO au (v) VALUES ('x') RETURNING *;
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT NEW.id, NEW.v INTO r;
  RETURN r;
END $$;
-- detail
INSERT INTO au (v) VALUES ('short');
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT NEW.id, NEW.v, 'x'::text INTO r;
  RETURN r;
END $$;
-- detail
INSERT INTO au (v) VALUES ('badtype');
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN ROW(NEW.id, 'row'::text, 9);
END $$;
INSERT INTO au (v) VALUES ('y') RETURNING *;
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN ROW(NEW.id, 'row'::text);
END $$;
-- detail
INSERT INTO au (v) VALUES ('z');
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN 5;
END $$;
-- detail
INSERT INTO au (v) VALUES ('z');
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN (NULL::au);
END $$;
INSERT INTO au (v) VALUES ('z');
CREATE OR REPLACE FUNCTION au_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN CASE WHEN NEW.v = 'skip' THEN NULL ELSE NEW END;
END $$;
INSERT INTO au (v) VALUES ('skip'), ('keep');
SELECT id > 0, v, updated FROM au ORDER BY v;
-- an audit trigger: to_jsonb / row_to_json / to_json of NEW and OLD name the table's columns,
-- and are NULL where the event has no such row (were f1, f2, ... and a row of NULLs)
CREATE TABLE aj (id int PRIMARY KEY, v text, k int);
CREATE TABLE aj_log (op text, tbl text, sch text, lvl text, wh text, nargs int, arg0 text, oldj jsonb, newj jsonb, oldr json, newr text, tj text);
CREATE FUNCTION aj_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO aj_log VALUES (TG_OP, TG_TABLE_NAME, TG_TABLE_SCHEMA, TG_LEVEL, TG_WHEN, TG_NARGS, TG_ARGV[0], to_jsonb(OLD), to_jsonb(NEW), row_to_json(OLD), row_to_json(NEW)::text, to_json(NEW)::text);
  RETURN NULL;
END $$;
CREATE TRIGGER aj_a AFTER INSERT OR UPDATE OR DELETE ON aj FOR EACH ROW EXECUTE FUNCTION aj_trg('x', 'y');
INSERT INTO aj VALUES (1, 'a', 10), (2, NULL, 20);
UPDATE aj SET v = 'c' WHERE id = 1;
DELETE FROM aj WHERE id = 2;
SELECT * FROM aj_log;
CREATE FUNCTION aj_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % % [%] [%] %', TG_OP, TG_LEVEL, TG_WHEN, TG_NARGS, to_jsonb(NEW), row_to_json(OLD), NEW IS NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER aj_s AFTER INSERT ON aj FOR EACH STATEMENT EXECUTE FUNCTION aj_stmt();
-- notices
INSERT INTO aj VALUES (3, 'q', 30);
CREATE FUNCTION aj_diff() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW IS DISTINCT FROM OLD THEN RAISE NOTICE 'changed % %', TG_OP, OLD IS NULL; ELSE RAISE NOTICE 'same %', TG_OP; END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER aj_b BEFORE INSERT OR UPDATE OR DELETE ON aj FOR EACH ROW EXECUTE FUNCTION aj_diff();
-- notices
INSERT INTO aj VALUES (4, 'w', 40);
-- notices
UPDATE aj SET v = v WHERE id = 4;
-- notices
UPDATE aj SET v = 'z' WHERE id = 4;
-- notices
DELETE FROM aj WHERE id = 4;
SELECT * FROM aj ORDER BY id;
-- BEFORE triggers on a table with a stored generated column: the value a trigger returns (or
-- assigns) for it is not written; it is computed from the row after the triggers (was
-- SQLite's 'cannot INSERT/UPDATE generated column'). Chained triggers returning expressions,
-- ON CONFLICT, INSTEAD OF triggers on a view, a temporary table.
CREATE TABLE gx (id int PRIMARY KEY, v text, n int DEFAULT 5, g int GENERATED ALWAYS AS (n * 2) STORED);
CREATE FUNCTION a1() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.v := NEW.v || '1'; RETURN COALESCE(NEW, OLD); END $$;
CREATE FUNCTION a2() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.v := NEW.v || '2'; RETURN CASE WHEN NEW.v LIKE 'skip%' THEN NULL ELSE NEW END; END $$;
CREATE TRIGGER a1 BEFORE INSERT OR UPDATE ON gx FOR EACH ROW EXECUTE FUNCTION a1();
CREATE TRIGGER a2 BEFORE INSERT OR UPDATE ON gx FOR EACH ROW EXECUTE FUNCTION a2();
INSERT INTO gx (id, v) VALUES (1, 'x'), (2, 'skip') RETURNING *;
UPDATE gx SET v = 'y' RETURNING *;
INSERT INTO gx (id, v) VALUES (1, 'c') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v || 'u' RETURNING *;
SELECT * FROM gx;
CREATE FUNCTION a3() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RETURN ROW(NEW.id, 'built', 7, NULL)::gx; END $$;
CREATE TRIGGER a3 BEFORE INSERT ON gx FOR EACH ROW EXECUTE FUNCTION a3();
INSERT INTO gx (id, v) VALUES (3, 'z') RETURNING *;
CREATE VIEW tv AS SELECT id, v FROM gx;
CREATE FUNCTION io() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN DELETE FROM gx WHERE id = OLD.id; ELSE UPDATE gx SET v = NEW.v WHERE id = NEW.id; END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER io INSTEAD OF UPDATE OR DELETE ON tv FOR EACH ROW EXECUTE FUNCTION io();
UPDATE tv SET v = 'viewed' WHERE id = 1;
DELETE FROM tv WHERE id = 3;
SELECT * FROM gx ORDER BY id;
CREATE TEMP TABLE tt (a int, b text);
CREATE FUNCTION tt_f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.b := upper(NEW.b); RETURN COALESCE(NEW, OLD); END $$;
CREATE TRIGGER tt_b BEFORE INSERT ON tt FOR EACH ROW EXECUTE FUNCTION tt_f();
INSERT INTO tt VALUES (1, 'temp');
SELECT * FROM tt;
CREATE TABLE gt (id int PRIMARY KEY, n int, g int GENERATED ALWAYS AS (n * 2) STORED);
CREATE FUNCTION gt_f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.g := 99; NEW.n := NEW.n + 1; RETURN NEW; END $$;
CREATE TRIGGER gt_b BEFORE INSERT OR UPDATE ON gt FOR EACH ROW EXECUTE FUNCTION gt_f();
INSERT INTO gt (id, n) VALUES (1, 1) RETURNING *;
UPDATE gt SET n = 5 RETURNING *;
SELECT * FROM gt;
