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
-- REFERENCING transition tables: a statement trigger summarises the statement's rows, a row
-- trigger sees all of them from its first row; OLD TABLE and NEW TABLE of an UPDATE
CREATE TABLE tt_items (id int PRIMARY KEY, name text, price numeric(8,2), ok boolean, data bytea);
CREATE TABLE tt_audit (n serial PRIMARY KEY, msg text);
CREATE FUNCTION tt_summary() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tt_audit (msg) SELECT TG_NAME || ' ' || TG_OP || ' ' || TG_LEVEL || ' ' || count(*) || ' ' || coalesce(sum(price), 0) || ' ' || coalesce(string_agg(name, ',' ORDER BY id), '-') FROM ins; RETURN NULL; END $$;
CREATE TRIGGER tt_ins AFTER INSERT ON tt_items REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION tt_summary();
INSERT INTO tt_items VALUES (1, 'apple', 1.50, true, '\x0001'), (2, 'pear', 2, false, NULL);
INSERT INTO tt_items SELECT 3, 'none', 0, NULL, NULL WHERE false;
SELECT msg FROM tt_audit ORDER BY n;
CREATE FUNCTION tt_changes() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN FOR r IN SELECT o.id, o.name AS was, nw.name AS now, nw.price - o.price AS delta, nw.data, nw.ok FROM old_rows o JOIN new_rows nw USING (id) ORDER BY o.id LOOP INSERT INTO tt_audit (msg) VALUES (TG_NAME || ' for ' || NEW.id || ': ' || r.id || ' ' || r.was || '->' || r.now || ' ' || r.delta || ' ' || coalesce(encode(r.data, 'hex'), 'null') || ' ' || coalesce(r.ok::text, 'null')); END LOOP; RETURN NULL; END $$;
CREATE TRIGGER tt_upd AFTER UPDATE ON tt_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH ROW EXECUTE FUNCTION tt_changes();
UPDATE tt_items SET name = upper(name), price = price * 2;
SELECT msg FROM tt_audit WHERE msg LIKE 'tt_upd%' ORDER BY n;
CREATE FUNCTION tt_gone() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tt_audit (msg) SELECT 'gone ' || string_agg(g.id || ':' || g.name, ',' ORDER BY g.id) || ' ' || pg_typeof(min(g.price)) FROM gone AS g; RAISE NOTICE 'columns %', (SELECT string_agg(k, ',') FROM (SELECT jsonb_object_keys(to_jsonb(t)) AS k FROM gone t LIMIT 1) s); RETURN NULL; END $$;
CREATE TRIGGER tt_del AFTER DELETE ON tt_items REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION tt_gone();
DELETE FROM tt_items WHERE id <= 2;
DELETE FROM tt_items WHERE false;
SELECT msg FROM tt_audit WHERE msg LIKE 'gone%' ORDER BY n;
-- INSERT ... ON CONFLICT DO UPDATE: the inserted rows in INSERT's, the updated ones in UPDATE's
CREATE FUNCTION tt_upd_summary() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tt_audit (msg) SELECT TG_NAME || ' ' || count(*) || ' ' || coalesce(string_agg(name, ',' ORDER BY id), '-') FROM upd; RETURN NULL; END $$;
CREATE TRIGGER tt_upd_s AFTER UPDATE ON tt_items REFERENCING NEW TABLE AS upd FOR EACH STATEMENT EXECUTE FUNCTION tt_upd_summary();
INSERT INTO tt_items VALUES (10, 'ten', 10, true, NULL);
DROP TRIGGER tt_upd ON tt_items;
INSERT INTO tt_items VALUES (10, 'TEN', 1, true, NULL), (11, 'eleven', 11, true, NULL) ON CONFLICT (id) DO UPDATE SET name = excluded.name;
SELECT msg FROM tt_audit WHERE n > 8 ORDER BY n;
SELECT tgname, tgoldtable, tgnewtable, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'tt_items'::regclass ORDER BY 1;
-- a transition table hides a table of its name in the trigger function's own statements only
CREATE TABLE ins (x int);
INSERT INTO ins VALUES (42);
CREATE FUNCTION tt_peek() RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM ins); END $$;
CREATE FUNCTION tt_nested() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tt_audit (msg) VALUES ('nested ' || (SELECT count(*) FROM ins) || ' ' || tt_peek()); RETURN NULL; END $$;
CREATE TABLE tt_other (id int);
CREATE TRIGGER tt_nested AFTER INSERT ON tt_other REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION tt_nested();
INSERT INTO tt_other VALUES (1), (2), (3);
WITH ins AS (SELECT 1) SELECT count(*) FROM ins;
SELECT msg FROM tt_audit WHERE msg LIKE 'nested%';
-- the trigger follows its table's rename and its new columns
ALTER TABLE tt_other RENAME TO tt_other2;
ALTER TABLE tt_other2 ADD COLUMN note text;
INSERT INTO tt_other2 VALUES (4, 'four');
SELECT msg FROM tt_audit WHERE msg LIKE 'nested%';
SELECT tgname, tgnewtable, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'tt_other2'::regclass;
CREATE OR REPLACE TRIGGER tt_nested AFTER INSERT ON tt_other2 FOR EACH STATEMENT EXECUTE FUNCTION tt_nested();
SELECT tgname, tgnewtable FROM pg_trigger WHERE tgrelid = 'tt_other2'::regclass;
INSERT INTO tt_other2 VALUES (5, 'five');
SELECT msg FROM tt_audit WHERE msg LIKE 'nested%';
-- what PostgreSQL refuses
CREATE TRIGGER tt_bad BEFORE INSERT ON tt_items REFERENCING NEW TABLE AS n FOR EACH ROW EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER INSERT OR UPDATE ON tt_items REFERENCING NEW TABLE AS n FOR EACH ROW EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER INSERT ON tt_items REFERENCING OLD TABLE AS n FOR EACH ROW EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER DELETE ON tt_items REFERENCING NEW TABLE AS n FOR EACH ROW EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER UPDATE ON tt_items REFERENCING NEW TABLE AS n OLD TABLE AS n FOR EACH ROW EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER UPDATE OF name ON tt_items REFERENCING NEW TABLE AS n FOR EACH ROW EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER UPDATE ON tt_items REFERENCING NEW ROW AS n FOR EACH ROW EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER TRUNCATE ON tt_items REFERENCING OLD TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION tt_summary();
CREATE TRIGGER tt_bad AFTER UPDATE ON tt_items REFERENCING NEW TABLE AS n NEW TABLE AS m FOR EACH ROW EXECUTE FUNCTION tt_summary();
-- a WHEN condition follows ALTER TABLE ... RENAME COLUMN of a column it names
CREATE TABLE tw_t (id int PRIMARY KEY, body text, "Hits" int DEFAULT 0);
CREATE TABLE tw_log (msg text);
CREATE FUNCTION tw_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tw_log VALUES (TG_NAME || ' ' || NEW.id); RETURN NULL; END $$;
CREATE TRIGGER tw_changed AFTER UPDATE ON tw_t FOR EACH ROW WHEN (NEW.body IS DISTINCT FROM old.Body AND NEW."Hits" >= 0) EXECUTE FUNCTION tw_note();
INSERT INTO tw_t VALUES (1, 'a'), (2, 'b');
ALTER TABLE tw_t RENAME COLUMN body TO content;
ALTER TABLE tw_t RENAME COLUMN "Hits" TO "Views Count";
UPDATE tw_t SET content = 'a2' WHERE id = 1;
UPDATE tw_t SET content = 'b' WHERE id = 2;
SELECT msg FROM tw_log;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'tw_t'::regclass;
-- WHEN on a FOR EACH STATEMENT trigger: a condition without column values
CREATE TABLE tsw (id int PRIMARY KEY);
CREATE TABLE tsw_log (msg text);
CREATE FUNCTION tsw_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tsw_log VALUES (TG_NAME || ' ' || TG_OP || ' depth ' || pg_trigger_depth()); IF TG_NAME = 'tsw_a' THEN INSERT INTO tsw VALUES (100 + (SELECT count(*) FROM tsw_log)); END IF; RETURN NULL; END $$;
CREATE TRIGGER tsw_a AFTER INSERT ON tsw FOR EACH STATEMENT WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION tsw_fn();
CREATE TRIGGER tsw_b BEFORE INSERT OR DELETE ON tsw FOR EACH STATEMENT WHEN (current_setting('application_name') = 'nobody') EXECUTE FUNCTION tsw_fn();
INSERT INTO tsw VALUES (1);
DELETE FROM tsw WHERE id = 1;
SELECT msg FROM tsw_log;
SELECT id FROM tsw ORDER BY id;
CREATE TRIGGER tsw_bad AFTER INSERT ON tsw FOR EACH STATEMENT WHEN (NEW.id > 0) EXECUTE FUNCTION tsw_fn();
CREATE TRIGGER tsw_bad AFTER DELETE ON tsw FOR EACH STATEMENT WHEN (OLD IS NULL) EXECUTE FUNCTION tsw_fn();
-- CREATE CONSTRAINT TRIGGER (NOT DEFERRABLE, or DEFERRABLE INITIALLY IMMEDIATE): an AFTER ROW
-- trigger fired at the statement's end among the others by name, with its pg_constraint row
CREATE TABLE tc_t (id int PRIMARY KEY, v int);
CREATE TABLE tc_log (n serial PRIMARY KEY, msg text);
CREATE FUNCTION tc_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tc_log (msg) VALUES (TG_NAME || ' ' || NEW.id || ' ' || TG_NARGS || ' sees ' || (SELECT count(*) FROM tc_t)); IF NEW.v < 0 THEN RAISE EXCEPTION 'negative v in row %', NEW.id USING ERRCODE = '23514'; END IF; RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER tc_a AFTER INSERT ON tc_t FOR EACH ROW EXECUTE FUNCTION tc_fn();
CREATE CONSTRAINT TRIGGER tc_c AFTER INSERT OR UPDATE OF v ON tc_t DEFERRABLE FOR EACH ROW WHEN (NEW.v > 0) EXECUTE FUNCTION tc_fn('x');
CREATE TRIGGER tc_b AFTER INSERT ON tc_t FOR EACH ROW EXECUTE FUNCTION tc_fn();
CREATE CONSTRAINT TRIGGER tc_d AFTER INSERT ON tc_t NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION tc_fn();
INSERT INTO tc_t VALUES (1, 1), (2, 0);
UPDATE tc_t SET v = 5 WHERE id = 2;
INSERT INTO tc_t VALUES (3, 1), (4, -1);
SELECT count(*) FROM tc_t;
SELECT msg FROM tc_log ORDER BY n;
SELECT tgname, tgtype, tgisinternal, tgconstraint <> 0 AS has_con, tgdeferrable, tginitdeferred FROM pg_trigger WHERE tgrelid = 'tc_t'::regclass ORDER BY 1;
SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'tc_t'::regclass AND tgname <> 'tc_c' ORDER BY tgname;
SELECT c.conname, c.contype, c.condeferrable, c.condeferred, c.convalidated, c.conkey, t.tgname FROM pg_constraint c LEFT JOIN pg_trigger t ON t.tgconstraint = c.oid WHERE c.conrelid = 'tc_t'::regclass ORDER BY 1;
DROP TRIGGER tc_a ON tc_t;
SELECT conname FROM pg_constraint WHERE conrelid = 'tc_t'::regclass ORDER BY 1;
-- differs: PostgreSQL's parser refuses OR REPLACE with 0A000; libpg_query's errors carry no SQLSTATE (42601)
CREATE OR REPLACE CONSTRAINT TRIGGER tc_e AFTER INSERT ON tc_t FOR EACH ROW EXECUTE FUNCTION tc_fn();
CREATE CONSTRAINT TRIGGER tc_e AFTER INSERT ON tc_t NOT DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tc_fn();
CREATE CONSTRAINT TRIGGER tc_b AFTER INSERT ON tc_t FOR EACH ROW EXECUTE FUNCTION tc_fn();
CREATE CONSTRAINT TRIGGER tc_e AFTER INSERT ON tc_t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tc_fn();
CREATE CONSTRAINT TRIGGER tc_e AFTER INSERT ON tc_t FROM tc_log FOR EACH ROW EXECUTE FUNCTION tc_fn();
-- AFTER triggers whose statements fire triggers again (each nested statement's at its own end),
-- an error caught by the calling function's EXCEPTION block, prepared statements, savepoints
CREATE TABLE tn_r (id int primary key, parent int, note text);
CREATE TABLE tn_log (n serial primary key, msg text);
CREATE FUNCTION tn_rf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tn_log (msg) VALUES (TG_OP || ' ' || coalesce(NEW.id, OLD.id) || ' depth ' || pg_trigger_depth() || ' count ' || (SELECT count(*) FROM tn_r)); IF TG_OP = 'INSERT' AND NEW.parent IS NULL AND pg_trigger_depth() < 2 THEN INSERT INTO tn_r VALUES (NEW.id * 10, NEW.id, 'child'), (NEW.id * 10 + 1, NEW.id, 'child'); END IF; IF TG_OP = 'DELETE' THEN UPDATE tn_r SET note = 'orphan ' || OLD.id WHERE parent = OLD.id; END IF; RETURN NULL; END $$;
CREATE TRIGGER tn_ra AFTER INSERT OR UPDATE OR DELETE ON tn_r FOR EACH ROW EXECUTE FUNCTION tn_rf();
INSERT INTO tn_r VALUES (1, NULL, 'p'), (2, NULL, 'p');
DELETE FROM tn_r WHERE id IN (1, 2) RETURNING id;
SELECT id, parent, note FROM tn_r ORDER BY id;
SELECT n, msg FROM tn_log ORDER BY n;
CREATE FUNCTION tn_safe_ins(i int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tn_r VALUES (i, -1, 'x'); RETURN 'ok'; EXCEPTION WHEN others THEN RETURN 'caught ' || SQLERRM; END $$;
CREATE FUNCTION tn_bad() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.parent = -1 THEN RAISE EXCEPTION 'no -1 (%)', (SELECT count(*) FROM tn_r WHERE parent = -1); END IF; RETURN NULL; END $$;
CREATE TRIGGER tn_rb AFTER INSERT ON tn_r FOR EACH ROW EXECUTE FUNCTION tn_bad();
SELECT tn_safe_ins(100);
SELECT count(*) FROM tn_r WHERE id = 100;
DO $$ DECLARE x int; BEGIN FOR x IN SELECT id FROM tn_r WHERE parent IS NOT NULL ORDER BY id LOOP UPDATE tn_r SET note = 'seen' WHERE id = x; END LOOP; END $$;
SELECT count(*) FROM tn_log;
PREPARE tn_p1(int) AS INSERT INTO tn_r VALUES ($1, 5, 'prep');
EXECUTE tn_p1(500);
EXECUTE tn_p1(501);
SELECT count(*) FROM tn_log;
BEGIN;
INSERT INTO tn_r VALUES (600, 5, 'tx');
SAVEPOINT s1;
INSERT INTO tn_r VALUES (601, -1, 'tx');
ROLLBACK TO s1;
INSERT INTO tn_r VALUES (602, 5, 'tx');
COMMIT;
SELECT id FROM tn_r WHERE id >= 600 ORDER BY id;
SELECT count(*) FROM tn_log;
-- UPDATE OF on a FOR EACH STATEMENT trigger: fires when the statement's SET list names one of
-- the columns, also when no row is updated; an upsert's DO UPDATE SET counts
CREATE TABLE tu_t (id int PRIMARY KEY, v text, w text);
CREATE TABLE tu_log (n serial PRIMARY KEY, msg text);
CREATE FUNCTION tu_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tu_log (msg) VALUES (TG_NAME || ' ' || TG_WHEN || ' ' || TG_OP); RETURN NULL; END $$;
CREATE TRIGGER tu_v AFTER UPDATE OF v ON tu_t FOR EACH STATEMENT EXECUTE FUNCTION tu_fn();
CREATE TRIGGER tu_vw BEFORE UPDATE OF W, v ON tu_t FOR EACH STATEMENT EXECUTE FUNCTION tu_fn();
INSERT INTO tu_t VALUES (1, 'a', 'b');
UPDATE tu_t SET v = 'x';
UPDATE tu_t SET w = 'x' WHERE false;
UPDATE tu_t SET id = 1;
INSERT INTO tu_t VALUES (1, 'a', 'b') ON CONFLICT (id) DO UPDATE SET w = 'z';
INSERT INTO tu_t VALUES (1, 'a', 'b') ON CONFLICT (id) DO UPDATE SET v = excluded.v;
DO $$ BEGIN UPDATE tu_t SET v = v || '!'; END $$;
SELECT n, msg FROM tu_log ORDER BY n;
SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'tu_t'::regclass ORDER BY 1;
ALTER TABLE tu_t RENAME COLUMN v TO vv;
UPDATE tu_t SET vv = 'y';
SELECT count(*) FROM tu_log;
ALTER TABLE tu_t DROP COLUMN vv;
CREATE TRIGGER tu_bad AFTER UPDATE OF nosuch ON tu_t FOR EACH STATEMENT EXECUTE FUNCTION tu_fn();
CREATE TRIGGER tu_bad AFTER UPDATE OF nosuch ON tu_t FOR EACH ROW EXECUTE FUNCTION tu_fn();
-- through the extended protocol (its implicit block lasts to the Sync)
TRUNCATE ta_log;
-- extended
INSERT INTO ta_t VALUES (30, 1), (31, 2) RETURNING id;
-- extended
UPDATE ta_t SET v = v * 10 WHERE id >= 30;
-- extended
INSERT INTO ta_t VALUES (32, -5);
SELECT msg FROM ta_log ORDER BY n;
SELECT id, v FROM ta_t WHERE id >= 30 ORDER BY id;
-- an AFTER trigger's EXCEPTION block undoes what its block wrote (the statement is done)
CREATE TABLE tx_e (id int PRIMARY KEY);
CREATE TABLE tx_log (msg text);
CREATE FUNCTION tx_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN BEGIN INSERT INTO tx_log VALUES ('in ' || NEW.id); RAISE EXCEPTION 'x'; EXCEPTION WHEN others THEN INSERT INTO tx_log VALUES ('caught ' || NEW.id); END; RETURN NULL; END $$;
CREATE TRIGGER tx_t AFTER INSERT ON tx_e FOR EACH ROW EXECUTE FUNCTION tx_fn();
INSERT INTO tx_e VALUES (1), (2);
-- differs: under RETURNING the statement is still open when its AFTER triggers fire: the EXCEPTION block cannot undo its rows (0A000)
INSERT INTO tx_e VALUES (3) RETURNING id;
SELECT msg FROM tx_log WHERE msg NOT LIKE '% 3' ORDER BY msg;
