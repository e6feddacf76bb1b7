-- AFTER ROW triggers fire once the whole statement is done, in row order (one row's triggers
-- by name), before the AFTER STATEMENT triggers: each sees the statement's complete effect
CREATE TABLE ta_t (id int PRIMARY KEY, v int);
CREATE TABLE ta_log (n serial PRIMARY KEY, msg text);
CREATE FUNCTION ta_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ta_log (msg) VALUES (TG_NAME || ' ' || TG_WHEN || ' ' || TG_LEVEL || ' ' || TG_OP || ' ' || coalesce(NEW.id, OLD.id, -1) || ' sees ' || (SELECT count(*) FROM ta_t) || ' sum ' || coalesce((SELECT sum(v) FROM ta_t), 0)); IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER ta_r2 AFTER INSERT OR UPDATE OR DELETE ON ta_t FOR EACH ROW EXECUTE FUNCTION ta_count();
CREATE TRIGGER ta_r1 AFTER INSERT OR UPDATE OR DELETE ON ta_t FOR EACH ROW EXECUTE FUNCTION ta_count();
CREATE TRIGGER ta_b BEFORE INSERT OR UPDATE OR DELETE ON ta_t FOR EACH ROW EXECUTE FUNCTION ta_count();
CREATE TRIGGER ta_s AFTER INSERT OR UPDATE OR DELETE ON ta_t FOR EACH STATEMENT EXECUTE FUNCTION ta_count();
INSERT INTO ta_t VALUES (1, 10), (2, 20), (3, 30);
UPDATE ta_t SET v = v + 1;
INSERT INTO ta_t VALUES (4, 40), (5, 50) RETURNING id, v;
DELETE FROM ta_t WHERE id >= 4;
INSERT INTO ta_t VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET v = 100;
SELECT n, msg FROM ta_log ORDER BY n;
-- inside a function and a DO block: at the end of each of their statements
TRUNCATE ta_log;
DO $$ BEGIN INSERT INTO ta_t VALUES (6, 60), (7, 70); INSERT INTO ta_log (msg) VALUES ('between'); DELETE FROM ta_t WHERE id = 7; END $$;
CREATE FUNCTION ta_add(i int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ta_t VALUES (i, i), (i + 1, i); RETURN (SELECT count(*) FROM ta_log); END $$;
SELECT ta_add(8);
SELECT n, msg FROM ta_log ORDER BY n;
-- an error in an AFTER ROW trigger undoes the whole statement, also an autocommit one
CREATE FUNCTION ta_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.v < 0 THEN RAISE EXCEPTION 'negative % with % rows', NEW.id, (SELECT count(*) FROM ta_t); END IF; RETURN NULL; END $$;
CREATE TRIGGER ta_z AFTER INSERT ON ta_t FOR EACH ROW EXECUTE FUNCTION ta_refuse();
INSERT INTO ta_t VALUES (20, 1), (21, -1), (22, 1);
SELECT count(*) FROM ta_t WHERE id >= 20;
CREATE FUNCTION ta_fail_stmt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'statement trigger fails'; END $$;
CREATE TABLE ta_s2 (id int);
CREATE TRIGGER ta_s2_fail AFTER INSERT ON ta_s2 FOR EACH STATEMENT EXECUTE FUNCTION ta_fail_stmt();
INSERT INTO ta_s2 VALUES (1);
SELECT count(*) FROM ta_s2;
-- a parent's aggregate kept by an AFTER ROW trigger on its children: each row sees every
-- child the statement inserted
CREATE TABLE ta_parent (id int PRIMARY KEY, nchildren int NOT NULL DEFAULT 0, seen text NOT NULL DEFAULT '');
CREATE TABLE ta_child (id int PRIMARY KEY, parent int REFERENCES ta_parent);
CREATE FUNCTION ta_recount() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE ta_parent SET nchildren = (SELECT count(*) FROM ta_child WHERE parent = NEW.parent), seen = seen || (SELECT count(*) FROM ta_child WHERE parent = NEW.parent) || ',' WHERE id = NEW.parent; RETURN NULL; END $$;
CREATE TRIGGER ta_recount AFTER INSERT ON ta_child FOR EACH ROW EXECUTE FUNCTION ta_recount();
INSERT INTO ta_parent (id) VALUES (1), (2);
INSERT INTO ta_child VALUES (1, 1), (2, 1), (3, 2), (4, 1);
SELECT id, nchildren, seen FROM ta_parent ORDER BY id;
-- a BEFORE trigger's changed row is what the AFTER trigger's NEW holds (a table without a
-- primary key: the changed columns are written after the statement's row)
CREATE TABLE ta_nopk (a int, b text);
CREATE FUNCTION ta_fill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.b := 'filled ' || NEW.a; RETURN NEW; END $$;
CREATE FUNCTION ta_show() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ta_log (msg) VALUES ('nopk ' || TG_OP || ' ' || NEW.b || ' stored ' || (SELECT b FROM ta_nopk WHERE a = NEW.a)); RETURN NULL; END $$;
CREATE TRIGGER ta_show AFTER INSERT OR UPDATE ON ta_nopk FOR EACH ROW EXECUTE FUNCTION ta_show();
CREATE TRIGGER ta_fill BEFORE INSERT OR UPDATE ON ta_nopk FOR EACH ROW EXECUTE FUNCTION ta_fill();
INSERT INTO ta_nopk VALUES (1, 'x'), (2, 'y');
UPDATE ta_nopk SET a = a + 10;
SELECT msg FROM ta_log WHERE msg LIKE 'nopk%' ORDER BY n;
-- AFTER ROW triggers of the tables a data-modifying WITH writes fire at its end
CREATE TABLE ta_w (id int PRIMARY KEY);
CREATE FUNCTION ta_wlog() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO ta_log (msg) VALUES ('w ' || NEW.id || ' sees ' || (SELECT count(*) FROM ta_w)); RETURN NULL; END $$;
CREATE TRIGGER ta_wlog AFTER INSERT ON ta_w FOR EACH ROW EXECUTE FUNCTION ta_wlog();
WITH ins AS (INSERT INTO ta_w VALUES (1), (2) RETURNING id) SELECT count(*) FROM ins;
SELECT msg FROM ta_log WHERE msg LIKE 'w %' ORDER BY n;
