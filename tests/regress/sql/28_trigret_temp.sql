-- A temporary table's triggers are in pg_trigger, on its pg_temp_N relation, as psql's \d
-- lists them; and RETURNING of its rows a BEFORE trigger changed under ON CONFLICT.
CREATE TEMP TABLE trt (id int PRIMARY KEY, v text);
CREATE TABLE trp (id int PRIMARY KEY, v text);
CREATE FUNCTION trt_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.v := upper(NEW.v); RETURN NEW; END $$;
CREATE TRIGGER trt_b BEFORE INSERT OR UPDATE ON trt FOR EACH ROW EXECUTE FUNCTION trt_up();
CREATE TRIGGER trt_s AFTER DELETE ON trt FOR EACH STATEMENT EXECUTE FUNCTION trt_up();
CREATE TRIGGER trp_b BEFORE UPDATE OF v ON trp FOR EACH ROW EXECUTE FUNCTION trt_up();
SELECT tgname, tgrelid::regclass AS rel, tgtype, tgenabled, tgnargs, tgisinternal,
       pg_get_triggerdef(oid) AS def, pg_get_triggerdef(oid, true) AS pretty
  FROM pg_trigger ORDER BY tgname;
SELECT t.tgname, c.relname, n.nspname ~ '^pg_temp_' AS temp, c.relpersistence
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace ORDER BY 1;
-- psql's \d tt (the Triggers section)
SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal
  FROM pg_catalog.pg_trigger t
  WHERE t.tgrelid = 'trt'::regclass AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))
  ORDER BY 1;
SELECT count(*) FROM pg_trigger WHERE tgrelid = 'trp'::regclass;
ALTER TABLE trt DISABLE TRIGGER trt_s;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'trt'::regclass ORDER BY 1;
INSERT INTO trt VALUES (1, 'a'), (2, 'b') ON CONFLICT (id) DO UPDATE SET v = excluded.v RETURNING *;
INSERT INTO trt VALUES (1, 'c'), (3, 'd') ON CONFLICT (id) DO UPDATE SET v = excluded.v || trt.v RETURNING *;
DROP TRIGGER trt_b ON trt;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'trt'::regclass ORDER BY 1;
DROP TABLE trt;
SELECT tgname FROM pg_trigger ORDER BY 1;
