-- Row triggers: the updated_at trigger of hand-written migrations (BEFORE UPDATE changing NEW),
-- an audit log (AFTER INSERT OR UPDATE OR DELETE with TG_OP, OLD, NEW, TG_ARGV), a BEFORE
-- trigger that skips rows (RETURN NULL), DROP TRIGGER, and the errors PostgreSQL gives.
CREATE TABLE tg_posts (id serial PRIMARY KEY, title text NOT NULL, updated_at timestamptz NOT NULL DEFAULT '2000-01-01 00:00:00+00', version int NOT NULL DEFAULT 1);
CREATE OR REPLACE FUNCTION tg_set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := '2030-01-01 00:00:00+00'; NEW.version := OLD.version + 1; RETURN NEW; END $$;
CREATE TRIGGER tg_posts_upd BEFORE UPDATE ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_set_updated_at();
INSERT INTO tg_posts (title) VALUES ('a'), ('b');
UPDATE tg_posts SET title = 'a2' WHERE id = 1;
SELECT id, title, updated_at, version FROM tg_posts ORDER BY id;
UPDATE tg_posts SET title = title || '!';
SELECT id, title, updated_at, version FROM tg_posts ORDER BY id;
CREATE TABLE tg_audit (n serial PRIMARY KEY, op text, tbl text, old_title text, new_title text, args text);
CREATE FUNCTION tg_audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO tg_audit (op, tbl, old_title, args) VALUES (TG_OP, TG_TABLE_NAME, OLD.title, TG_ARGV[0]);
    RETURN OLD;
  END IF;
  INSERT INTO tg_audit (op, tbl, old_title, new_title, args) VALUES (TG_OP, TG_TABLE_NAME, OLD.title, NEW.title, TG_NARGS || ' ' || TG_ARGV[1] || ' ' || TG_WHEN || ' ' || TG_LEVEL || ' ' || TG_NAME);
  RETURN NEW;
END $$;
CREATE TRIGGER tg_posts_audit AFTER INSERT OR UPDATE OR DELETE ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_audit_fn('first', 'second');
INSERT INTO tg_posts (title) VALUES ('c');
UPDATE tg_posts SET title = 'c2' WHERE title = 'c';
DELETE FROM tg_posts WHERE title = 'b!';
SELECT op, tbl, old_title, new_title, args FROM tg_audit ORDER BY n;
SELECT id, title, version FROM tg_posts ORDER BY id;
CREATE FUNCTION tg_no_spam() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.title LIKE 'spam%' THEN RETURN NULL; END IF; RETURN NEW; END $$;
CREATE TRIGGER tg_posts_filter BEFORE INSERT ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_no_spam();
INSERT INTO tg_posts (title) VALUES ('spam 1'), ('ham'), ('spam 2');
SELECT title FROM tg_posts ORDER BY id;
CREATE TRIGGER tg_posts_filter BEFORE INSERT ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_no_spam();
CREATE OR REPLACE TRIGGER tg_posts_filter BEFORE INSERT ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_no_spam();
CREATE TRIGGER tg_bad AFTER INSERT ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_nosuch();
CREATE TRIGGER tg_bad AFTER INSERT ON tg_nosuch FOR EACH ROW EXECUTE FUNCTION tg_no_spam();
CREATE FUNCTION tg_not_trigger() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TRIGGER tg_bad AFTER INSERT ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_not_trigger();
CREATE FUNCTION tg_args(a int) RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
SELECT tg_no_spam();
CREATE TRIGGER tg_posts_cols AFTER UPDATE OF title, version ON tg_posts FOR EACH ROW EXECUTE FUNCTION tg_audit_fn('it''s');
SELECT t.tgname, t.tgtype, t.tgnargs, t.tgenabled, p.proname, pg_get_triggerdef(t.oid), pg_get_triggerdef(t.oid, true) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = 'tg_posts'::regclass ORDER BY 1;
DROP TRIGGER tg_posts_cols ON tg_posts;
DROP TRIGGER tg_posts_filter ON tg_posts;
INSERT INTO tg_posts (title) VALUES ('spam 3');
DROP TRIGGER tg_posts_filter ON tg_posts;
DROP TRIGGER IF EXISTS tg_posts_filter ON tg_posts;
ALTER TABLE tg_posts ADD CONSTRAINT tg_posts_title_key UNIQUE (title);
UPDATE tg_posts SET title = 'rebuilt' WHERE id = 1;
SELECT id, title, updated_at, version FROM tg_posts WHERE id = 1;
SELECT count(*) FROM tg_audit;
CREATE TABLE tg_docs (id int PRIMARY KEY, body text NOT NULL, hits int NOT NULL DEFAULT 0, revision int NOT NULL DEFAULT 1);
CREATE FUNCTION tg_revise() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.revision := OLD.revision + 1; RETURN NEW; END $$;
CREATE TRIGGER tg_docs_revise BEFORE UPDATE ON tg_docs FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION tg_revise();
CREATE FUNCTION tg_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tg_audit (op, tbl, new_title) VALUES (TG_OP, TG_TABLE_NAME, NEW.body); RETURN NULL; END $$;
CREATE TRIGGER tg_docs_note AFTER UPDATE ON tg_docs FOR EACH ROW WHEN (NEW.body <> OLD.body AND NEW.hits > 0) EXECUTE FUNCTION tg_note();
INSERT INTO tg_docs (id, body) VALUES (1, 'one'), (2, 'two');
UPDATE tg_docs SET body = body;
SELECT id, body, revision FROM tg_docs ORDER BY id;
UPDATE tg_docs SET body = 'one!' WHERE id = 1;
UPDATE tg_docs SET body = 'two!', hits = 1 WHERE id = 2;
SELECT id, body, hits, revision FROM tg_docs ORDER BY id;
SELECT op, tbl, new_title FROM tg_audit WHERE tbl = 'tg_docs' ORDER BY n;
CREATE TRIGGER tg_docs_bad AFTER UPDATE ON tg_docs FOR EACH ROW WHEN (NEW.body <> ) EXECUTE FUNCTION tg_note();
ALTER TABLE tg_docs DISABLE TRIGGER tg_docs_revise;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'tg_docs'::regclass ORDER BY 1;
UPDATE tg_docs SET body = 'one?' WHERE id = 1;
ALTER TABLE tg_docs ENABLE TRIGGER ALL;
UPDATE tg_docs SET body = 'one!?' WHERE id = 1;
ALTER TABLE tg_docs DISABLE TRIGGER USER;
UPDATE tg_docs SET body = 'one!?!' WHERE id = 1;
ALTER TABLE tg_docs ENABLE TRIGGER tg_docs_revise;
SELECT id, body, revision FROM tg_docs WHERE id = 1;
ALTER TABLE tg_docs DISABLE TRIGGER tg_nosuch;
-- TRUNCATE fires no row triggers (PostgreSQL fires only ON TRUNCATE ones)
CREATE TABLE trunc_log (op text);
CREATE TABLE trunc_t (id int);
CREATE FUNCTION trunc_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO trunc_log VALUES (TG_OP); RETURN OLD; END $$;
CREATE TRIGGER trunc_del BEFORE DELETE ON trunc_t FOR EACH ROW EXECUTE FUNCTION trunc_fn();
INSERT INTO trunc_t VALUES (1), (2), (3);
DELETE FROM trunc_t WHERE id = 1;
TRUNCATE trunc_t;
SELECT op, count(*) FROM trunc_log GROUP BY op;
SELECT count(*) FROM trunc_t;
DROP TABLE trunc_t, trunc_log;
DROP FUNCTION trunc_fn();
-- FOR EACH STATEMENT triggers: once per statement, also when no row is affected, before and
-- after the row triggers; TG_LEVEL STATEMENT, NEW and OLD NULL; TRUNCATE triggers; an INSERT
-- ... ON CONFLICT DO UPDATE fires INSERT's and UPDATE's; pg_trigger_depth()
CREATE TABLE st_t (id int PRIMARY KEY, v text);
CREATE TABLE st_log (n serial PRIMARY KEY, msg text);
CREATE FUNCTION st_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO st_log (msg) VALUES (TG_NAME || ' ' || TG_WHEN || ' ' || TG_LEVEL || ' ' || TG_OP || ' ' || coalesce(NEW.id::text, 'null') || ' ' || coalesce(OLD.v, 'null') || ' depth ' || pg_trigger_depth()); RETURN NULL; END $$;
CREATE FUNCTION st_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO st_log (msg) VALUES (TG_NAME || ' ' || TG_WHEN || ' ' || TG_LEVEL || ' ' || TG_OP); IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER st_a BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON st_t FOR EACH STATEMENT EXECUTE FUNCTION st_fn();
CREATE TRIGGER st_b AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON st_t FOR EACH STATEMENT EXECUTE FUNCTION st_fn();
CREATE TRIGGER st_c BEFORE INSERT OR UPDATE OR DELETE ON st_t FOR EACH ROW EXECUTE FUNCTION st_row();
CREATE TRIGGER st_d AFTER INSERT OR UPDATE OR DELETE ON st_t FOR EACH ROW EXECUTE FUNCTION st_row();
INSERT INTO st_t VALUES (1, 'a');
INSERT INTO st_t VALUES (2, 'b') RETURNING id, v;
UPDATE st_t SET v = 'x' WHERE id = 99;
INSERT INTO st_t VALUES (1, 'z') ON CONFLICT (id) DO UPDATE SET v = 'c';
DELETE FROM st_t WHERE id = 2;
TRUNCATE st_t;
SELECT n, msg FROM st_log ORDER BY n;
SELECT tgname, tgtype, tgenabled, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'st_t'::regclass ORDER BY 1;
SELECT pg_trigger_depth();
DO $$ BEGIN INSERT INTO st_t VALUES (3, 'c'); UPDATE st_t SET v = 'd' WHERE false; END $$;
SELECT n, msg FROM st_log WHERE n > 21 ORDER BY n;
DROP TRIGGER st_a ON st_t;
DROP TRIGGER st_b ON st_t;
DELETE FROM st_t;
SELECT count(*) FROM st_log;
CREATE TRIGGER st_bad BEFORE TRUNCATE ON st_t FOR EACH ROW EXECUTE FUNCTION st_fn();
CREATE TRIGGER st_bad1 AFTER INSERT ON st_t FOR EACH STATEMENT WHEN (true) EXECUTE FUNCTION st_fn();
CREATE TRIGGER st_bad2 AFTER UPDATE OF v ON st_t FOR EACH STATEMENT EXECUTE FUNCTION st_fn();
CREATE TRIGGER st_bad3 AFTER INSERT ON st_t REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION st_fn();
-- INSTEAD OF triggers on views: INSERT, UPDATE and DELETE of the view run the function; the
-- command tag and FOUND count the rows it did not skip (RETURN NULL)
CREATE TABLE it_base (id serial PRIMARY KEY, name text NOT NULL, note text);
CREATE VIEW it_v AS SELECT id, name, note FROM it_base;
CREATE FUNCTION it_fn() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE k int; BEGIN IF TG_OP = 'INSERT' THEN IF NEW.name = 'skip' THEN RETURN NULL; END IF; INSERT INTO it_base (name, note) VALUES (upper(NEW.name), TG_WHEN || ' ' || TG_LEVEL || ' ' || TG_TABLE_NAME) RETURNING id INTO k; NEW.id := k; RETURN NEW; ELSIF TG_OP = 'UPDATE' THEN UPDATE it_base SET name = NEW.name, note = 'was ' || OLD.name WHERE id = OLD.id; RETURN NEW; ELSE DELETE FROM it_base WHERE id = OLD.id; IF NOT FOUND THEN RETURN NULL; END IF; RETURN OLD; END IF; END $$;
CREATE TRIGGER it_tr INSTEAD OF INSERT OR UPDATE OR DELETE ON it_v FOR EACH ROW EXECUTE FUNCTION it_fn();
INSERT INTO it_v (name) VALUES ('a'), ('skip'), ('b');
INSERT INTO it_v (name) VALUES ('skip');
SELECT id, name, note FROM it_base ORDER BY id;
UPDATE it_v SET name = 'bb' WHERE name = 'B';
UPDATE it_v SET name = 'zz' WHERE false;
SELECT id, name, note FROM it_v ORDER BY id;
DELETE FROM it_v WHERE id = 1;
DO $$ BEGIN INSERT INTO it_v (name) VALUES ('d'); RAISE NOTICE 'found %', FOUND; INSERT INTO it_v (name) VALUES ('skip'); RAISE NOTICE 'found %', FOUND; END $$;
DELETE FROM it_v;
SELECT count(*) FROM it_base;
-- differs: RETURNING from a view with INSTEAD OF triggers is refused (0A000)
INSERT INTO it_v (name) VALUES ('c') RETURNING id, name, note;
SELECT tgname, tgtype, tgenabled, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'it_v'::regclass;
CREATE TRIGGER it_bad INSTEAD OF INSERT ON it_base FOR EACH ROW EXECUTE FUNCTION it_fn();
CREATE TRIGGER it_bad BEFORE INSERT ON it_v FOR EACH ROW EXECUTE FUNCTION it_fn();
CREATE TRIGGER it_bad INSTEAD OF INSERT ON it_v FOR EACH STATEMENT EXECUTE FUNCTION it_fn();
CREATE TRIGGER it_bad INSTEAD OF UPDATE OF name ON it_v FOR EACH ROW EXECUTE FUNCTION it_fn();
CREATE TRIGGER it_bad INSTEAD OF INSERT ON it_v FOR EACH ROW WHEN (NEW.name <> '') EXECUTE FUNCTION it_fn();
-- differs: a FOR EACH STATEMENT trigger on a view is refused (0A000)
CREATE TRIGGER it_bad AFTER INSERT ON it_v FOR EACH STATEMENT EXECUTE FUNCTION st_fn();
DROP TRIGGER it_tr ON it_v;
DROP VIEW it_v;
-- ENABLE ALWAYS / REPLICA TRIGGER and session_replication_role (pg_restore sets replica):
-- replica fires only ALWAYS and REPLICA triggers, origin and local the others
CREATE TABLE r_t (id int PRIMARY KEY, v text);
CREATE TABLE r_log (msg text);
CREATE FUNCTION r_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO r_log VALUES (TG_NAME || ' ' || TG_OP || ' ' || pg_trigger_depth()); RETURN NEW; END $$;
CREATE TRIGGER r_a AFTER INSERT ON r_t FOR EACH ROW EXECUTE FUNCTION r_fn();
CREATE TRIGGER r_b AFTER INSERT ON r_t FOR EACH ROW EXECUTE FUNCTION r_fn();
CREATE TRIGGER r_c AFTER INSERT ON r_t FOR EACH STATEMENT EXECUTE FUNCTION r_fn();
CREATE TRIGGER r_d BEFORE UPDATE ON r_t FOR EACH ROW EXECUTE FUNCTION r_fn();
ALTER TABLE r_t ENABLE ALWAYS TRIGGER r_b;
ALTER TABLE r_t ENABLE REPLICA TRIGGER r_c;
ALTER TABLE r_t DISABLE TRIGGER r_d;
ALTER TABLE r_t ENABLE ALWAYS TRIGGER r_nosuch;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'r_t'::regclass ORDER BY 1;
SET session_replication_role = replica;
SHOW session_replication_role;
INSERT INTO r_t VALUES (1, 'a');
SET session_replication_role = origin;
INSERT INTO r_t VALUES (2, 'b');
SET session_replication_role = 'local';
INSERT INTO r_t VALUES (3, 'c');
RESET session_replication_role;
SET session_replication_role = nope;
SELECT current_setting('session_replication_role');
SELECT msg, count(*) FROM r_log GROUP BY msg ORDER BY msg;
ALTER TABLE r_t DISABLE TRIGGER ALL;
INSERT INTO r_t VALUES (4, 'd');
UPDATE r_t SET v = 'x';
ALTER TABLE r_t ENABLE TRIGGER USER;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'r_t'::regclass ORDER BY 1;
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE r_t SET v = 'y' WHERE id = 1;
COMMIT;
SHOW session_replication_role;
SELECT msg, count(*) FROM r_log GROUP BY msg ORDER BY msg;
-- A BEFORE trigger's changed row is what the constraints check (NOT NULL, CHECK, UNIQUE,
-- foreign keys) and what the AFTER triggers see
CREATE TABLE bc_parent (id int PRIMARY KEY);
INSERT INTO bc_parent VALUES (1), (2);
CREATE TABLE bc_t (id int PRIMARY KEY, slug text NOT NULL CHECK (slug <> ''), title text, code text UNIQUE, parent int REFERENCES bc_parent (id));
CREATE TABLE bc_log (msg text);
CREATE FUNCTION bc_fill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.slug := lower(NEW.title); NEW.code := upper(NEW.title); IF NEW.title = 'orphan' THEN NEW.parent := 9; END IF; RETURN NEW; END $$;
CREATE FUNCTION bc_after() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO bc_log VALUES (TG_OP || ' ' || NEW.slug || ' ' || NEW.code); RETURN NULL; END $$;
CREATE TRIGGER bc_fill BEFORE INSERT OR UPDATE ON bc_t FOR EACH ROW EXECUTE FUNCTION bc_fill();
CREATE TRIGGER bc_after AFTER INSERT OR UPDATE ON bc_t FOR EACH ROW EXECUTE FUNCTION bc_after();
INSERT INTO bc_t (id, title) VALUES (1, 'Hello');
INSERT INTO bc_t (id, title, slug) VALUES (2, '', 'given');
INSERT INTO bc_t (id, title, slug) VALUES (3, 'HELLO', 'x');
INSERT INTO bc_t (id, title, parent) VALUES (4, 'orphan', 1);
INSERT INTO bc_t (id, title, parent) VALUES (5, 'World', 2), (6, 'Again', NULL);
UPDATE bc_t SET title = 'Changed' WHERE id = 5;
UPDATE bc_t SET title = '' WHERE id = 6;
UPDATE bc_t SET title = 'again' WHERE id = 1;
DO $$ BEGIN INSERT INTO bc_t (id, title) VALUES (7, 'Seven'); RAISE NOTICE 'found % %', FOUND, (SELECT slug FROM bc_t WHERE id = 7); END $$;
SELECT id, slug, title, code, parent FROM bc_t ORDER BY id;
SELECT msg FROM bc_log ORDER BY msg;
-- RETURNING shows the changed row
INSERT INTO bc_t (id, title) VALUES (8, 'Eight') RETURNING id, slug, code, upper(slug) AS up;
INSERT INTO bc_t AS b (id, title) VALUES (9, 'Nine'), (10, 'Ten') RETURNING b.id, b.slug;
UPDATE bc_t SET title = 'Nueve' WHERE id = 9 RETURNING slug, code;
UPDATE bc_t SET title = title || '!' WHERE id = 10 RETURNING *;
UPDATE bc_t SET title = 'x' WHERE id = 99 RETURNING slug;
DO $$ DECLARE v text; BEGIN INSERT INTO bc_t (id, title) VALUES (11, 'Eleven') RETURNING slug INTO v; RAISE NOTICE 'slug %', v; END $$;
SELECT id, slug, code FROM bc_t WHERE id >= 7 ORDER BY id;
-- differs: under ON CONFLICT the statement's own row is written first, so NOT NULL fails on it (23502)
INSERT INTO bc_t (id, title) VALUES (12, 'Twelve') ON CONFLICT (id) DO NOTHING;
-- NEW of a BEFORE INSERT trigger holds the serial key's number
CREATE TABLE bs_t (id serial PRIMARY KEY, label text NOT NULL);
CREATE FUNCTION bs_label() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.label := 'row ' || NEW.id; RETURN NEW; END $$;
CREATE TRIGGER bs_label BEFORE INSERT ON bs_t FOR EACH ROW EXECUTE FUNCTION bs_label();
INSERT INTO bs_t (label) VALUES ('a'), ('b');
INSERT INTO bs_t (label) VALUES ('c') RETURNING id, label;
SELECT id, label FROM bs_t ORDER BY id;
SELECT currval('bs_t_id_seq');
-- FOR EACH STATEMENT triggers of a table MERGE or a data-modifying WITH writes are refused
CREATE TABLE sm_t (id int PRIMARY KEY, v text);
CREATE TRIGGER sm_s AFTER INSERT ON sm_t FOR EACH STATEMENT EXECUTE FUNCTION st_fn();
-- differs: MERGE into a table with FOR EACH STATEMENT triggers is refused (0A000)
MERGE INTO sm_t t USING (VALUES (1, 'a')) AS s (id, v) ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v);
-- differs: a data-modifying WITH writing a table with FOR EACH STATEMENT triggers is refused (0A000)
WITH w AS (INSERT INTO sm_t VALUES (2, 'b') RETURNING id) SELECT id FROM w;
-- a function the statement calls runs statements of its own: the command tag still counts
-- the rows the triggers wrote
CREATE FUNCTION bc_title(i int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO bc_log VALUES ('title ' || i); RETURN 'T' || i; END $$;
INSERT INTO bc_t (id, title) SELECT g, bc_title(g) FROM generate_series(20, 22) AS g;
INSERT INTO bc_t (id, title) SELECT g, bc_title(g) FROM generate_series(23, 24) AS g RETURNING id, slug;
SELECT count(*) FROM bc_log WHERE msg LIKE 'title %';
