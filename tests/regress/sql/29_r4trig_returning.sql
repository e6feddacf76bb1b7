-- RETURNING shows the row as the statement wrote it: after its BEFORE triggers, before its
-- AFTER triggers, even when an AFTER trigger changes the same row (the session kept the rowids
-- of the rows a BEFORE trigger changed and read RETURNING after the AFTER triggers ran).
CREATE TABLE r4r (id int PRIMARY KEY, v int, note text);
CREATE FUNCTION r4r_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE r4r SET v = NEW.v * 100, note = 'after' WHERE id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER r4r_a AFTER INSERT OR UPDATE ON r4r FOR EACH ROW
  WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION r4r_after();
INSERT INTO r4r VALUES (1, 2, 'x') RETURNING *;
UPDATE r4r SET v = 3 WHERE id = 1 RETURNING id, v, note;
SELECT * FROM r4r ORDER BY id;
CREATE FUNCTION r4r_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.note := 'before:' || NEW.note; RETURN NEW; END $$;
CREATE TRIGGER r4r_b BEFORE INSERT OR UPDATE ON r4r FOR EACH ROW EXECUTE FUNCTION r4r_before();
INSERT INTO r4r VALUES (2, 5, 'y') RETURNING *;
INSERT INTO r4r VALUES (3, 6, 'z'), (4, 7, 'w') RETURNING id, v * 2 AS v2, note;
UPDATE r4r SET v = 7 WHERE id = 2 RETURNING *;
UPDATE r4r SET v = v + 1 WHERE id IN (3, 4) RETURNING id, v, note;
SELECT * FROM r4r ORDER BY id;
-- inside PL/pgSQL: INSERT ... RETURNING INTO
CREATE FUNCTION r4r_ins(i int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; BEGIN INSERT INTO r4r VALUES (i, 1, 'f') RETURNING v || ':' || note INTO r; RETURN r; END $$;
SELECT r4r_ins(5);
SELECT * FROM r4r WHERE id = 5;
-- constants in the RETURNING list, the same statement again with others (a cache hit)
INSERT INTO r4r VALUES (6, 1, 'c') RETURNING v || ':' || note, 5 AS k;
INSERT INTO r4r VALUES (7, 1, 'c') RETURNING v || ':' || note, 6 AS k;
UPDATE r4r SET v = 2 WHERE id = 6 RETURNING id, 'x' AS x, note;
UPDATE r4r SET v = 2 WHERE id = 7 RETURNING id, 'y' AS x, note;
-- the row a BEFORE trigger changed, where SQLite's RETURNING would show the statement's row
WITH w AS (UPDATE r4r SET v = 9 WHERE id = 5 RETURNING *) SELECT * FROM w;
WITH w AS (UPDATE r4r SET v = 9 WHERE id = 5) SELECT 1 AS one;
SELECT * FROM r4r WHERE id = 5;
PREPARE r4p(int) AS INSERT INTO r4r VALUES ($1, 1, 'p') RETURNING note, $1 + 1 AS p;
EXECUTE r4p(8);
INSERT INTO r4r VALUES (9, 1, 'p') ON CONFLICT (id) DO NOTHING RETURNING *;
-- unchanged rows still return under ON CONFLICT
CREATE FUNCTION r4r_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RETURN NEW; END $$;
CREATE TABLE r4k (id int PRIMARY KEY, v text);
CREATE TRIGGER r4k_b BEFORE INSERT ON r4k FOR EACH ROW EXECUTE FUNCTION r4r_keep();
INSERT INTO r4k VALUES (1, 'a') ON CONFLICT (id) DO NOTHING RETURNING *;
SELECT * FROM r4r WHERE id <= 7 ORDER BY id;
-- an AFTER trigger that deletes the row: RETURNING still shows it
CREATE TABLE r4d (id int PRIMARY KEY, v text);
CREATE FUNCTION r4d_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.v := upper(NEW.v); RETURN NEW; END $$;
CREATE FUNCTION r4d_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN DELETE FROM r4d WHERE id = NEW.id; RETURN NULL; END $$;
CREATE TRIGGER r4d_b BEFORE INSERT ON r4d FOR EACH ROW EXECUTE FUNCTION r4d_before();
CREATE TRIGGER r4d_a AFTER INSERT ON r4d FOR EACH ROW EXECUTE FUNCTION r4d_after();
INSERT INTO r4d VALUES (1, 'a'), (2, 'b') RETURNING *;
SELECT count(*) FROM r4d;
