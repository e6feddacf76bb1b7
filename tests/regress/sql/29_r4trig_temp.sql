-- Triggers of a temporary table: a BEFORE row trigger's change to NEW shows in RETURNING (the
-- session's list of triggers knew only the file's, so the changed row was written by the
-- companion after SQLite's RETURNING had read the statement's), and its FOR EACH STATEMENT
-- triggers fire. A temporary and a permanent table of the same name keep their own triggers.
CREATE TABLE r4log (msg text);
CREATE FUNCTION r4t_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.note := 'before:' || NEW.note; RETURN NEW; END $$;
CREATE FUNCTION r4t_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE r4t SET v = NEW.v * 10 WHERE id = NEW.id; RETURN NULL; END $$;
CREATE FUNCTION r4t_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO r4log VALUES (TG_WHEN || ' ' || TG_OP || ' ' || TG_TABLE_NAME); RETURN NULL; END $$;
CREATE TEMP TABLE r4t (id int PRIMARY KEY, v int, note text);
CREATE TRIGGER r4t_b BEFORE INSERT OR UPDATE ON r4t FOR EACH ROW EXECUTE FUNCTION r4t_before();
INSERT INTO r4t VALUES (1, 1, 'a') RETURNING *;
INSERT INTO r4t VALUES (2, 2, 'b'), (3, 3, 'c') RETURNING id, note;
UPDATE r4t SET v = 5 WHERE id = 1 RETURNING *;
CREATE TRIGGER r4t_a AFTER INSERT OR UPDATE ON r4t FOR EACH ROW
  WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION r4t_after();
INSERT INTO r4t VALUES (4, 4, 'd') RETURNING *;
UPDATE r4t SET v = 6 WHERE id = 4 RETURNING *;
SELECT * FROM r4t ORDER BY id;
CREATE TRIGGER r4t_s BEFORE INSERT ON r4t FOR EACH STATEMENT EXECUTE FUNCTION r4t_stmt();
CREATE TRIGGER r4t_s2 AFTER UPDATE ON r4t FOR EACH STATEMENT EXECUTE FUNCTION r4t_stmt();
INSERT INTO r4t VALUES (5, 5, 'e') RETURNING id, note;
UPDATE r4t SET v = 1 WHERE id = 0;
DELETE FROM r4t WHERE id = 5 RETURNING *;
SELECT * FROM r4t ORDER BY id;
SELECT * FROM r4log;
-- a permanent table of the same name: its triggers are its own
CREATE TABLE r4t (id int PRIMARY KEY, v int, note text);
-- differs: refused (0A000): CREATE TRIGGER on a name that a temporary and a permanent table share
CREATE TRIGGER r4t_p BEFORE INSERT ON public.r4t FOR EACH ROW EXECUTE FUNCTION r4t_before();
-- differs: refused (0A000): CREATE TRIGGER on a name that a temporary and a permanent table share
CREATE TRIGGER r4t_b BEFORE INSERT ON public.r4t FOR EACH ROW EXECUTE FUNCTION r4t_before();
INSERT INTO r4t VALUES (6, 1, 'q') RETURNING *;
-- differs: refused (0A000): writing public.t with triggers while a temporary table has its name
INSERT INTO public.r4t VALUES (1, 1, 'p') RETURNING *;
-- differs: refused (0A000): DROP TRIGGER on a name that a temporary and a permanent table share
DROP TRIGGER r4t_s ON r4t;
DROP TABLE r4t;
DROP TABLE r4t;
-- the permanent table's triggers first, then a temporary table of its name: they stay its own
CREATE TABLE r4u (id int, v text);
CREATE FUNCTION r4u_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.v := upper(NEW.v); RETURN NEW; END $$;
CREATE TRIGGER r4u_s BEFORE INSERT ON r4u FOR EACH STATEMENT EXECUTE FUNCTION r4t_stmt();
CREATE TRIGGER r4u_b BEFORE INSERT ON r4u FOR EACH ROW EXECUTE FUNCTION r4u_before();
CREATE TEMP TABLE r4u (id int, v text);
INSERT INTO r4u VALUES (1, 'a') RETURNING *;
SELECT count(*) FROM r4log;
DROP TABLE r4u;
INSERT INTO r4u VALUES (2, 'b') RETURNING *;
SELECT * FROM r4log;
SELECT * FROM r4u;
