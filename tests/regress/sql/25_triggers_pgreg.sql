-- Several BEFORE row triggers of one event fire in name order, each seeing the row the one
-- before returned (SQLite fires newest first); found probing PostgreSQL's triggers corpus.
CREATE TABLE trgo_t (id int PRIMARY KEY, v text, n int DEFAULT 0);
CREATE FUNCTION trgo_upper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := upper(NEW.v); NEW.n := NEW.n + 1; RETURN NEW; END $$;
CREATE FUNCTION trgo_tag() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := NEW.v || '/' || NEW.n || '/' || TG_NAME; RETURN NEW; END $$;
CREATE FUNCTION trgo_skip() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.v = 'skip' THEN RETURN NULL; END IF; RETURN NEW; END $$;
CREATE TRIGGER t2_tag BEFORE INSERT OR UPDATE ON trgo_t FOR EACH ROW EXECUTE FUNCTION trgo_tag();
CREATE TRIGGER t1_upper BEFORE INSERT OR UPDATE ON trgo_t FOR EACH ROW EXECUTE FUNCTION trgo_upper();
INSERT INTO trgo_t VALUES (1, 'a');
SELECT * FROM trgo_t ORDER BY id;
CREATE TRIGGER t3_skip BEFORE INSERT ON trgo_t FOR EACH ROW EXECUTE FUNCTION trgo_skip();
INSERT INTO trgo_t VALUES (2, 'skip');
CREATE TRIGGER t0_skip BEFORE INSERT ON trgo_t FOR EACH ROW EXECUTE FUNCTION trgo_skip();
INSERT INTO trgo_t VALUES (3, 'skip'), (4, 'keep');
UPDATE trgo_t SET v = 'b' WHERE id = 1;
SELECT * FROM trgo_t ORDER BY id;
DROP TRIGGER t0_skip ON trgo_t;
CREATE TRIGGER t5_when BEFORE INSERT ON trgo_t FOR EACH ROW WHEN (NEW.n = 1) EXECUTE FUNCTION trgo_tag();
INSERT INTO trgo_t VALUES (5, 'c');
ALTER TABLE trgo_t ADD COLUMN extra int;
INSERT INTO trgo_t VALUES (6, 'd');
SELECT id, v, n, extra FROM trgo_t ORDER BY id;
DROP TABLE trgo_t;
CREATE TABLE trgo_t (id int PRIMARY KEY, v text, n int DEFAULT 0);
CREATE TRIGGER t9_upper BEFORE INSERT ON trgo_t FOR EACH ROW EXECUTE FUNCTION trgo_upper();
INSERT INTO trgo_t VALUES (1, 'only one trigger now');
SELECT * FROM trgo_t;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'trgo_t'::regclass ORDER BY tgname;
