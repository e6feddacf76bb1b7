-- A foreign key broken by the row a BEFORE ROW trigger changed (the session writes that row
-- itself: sess_trgrow.c) is described as PostgreSQL describes it: constraint name and DETAIL
-- (Adminer's edit form showed "insert, update or delete violates a foreign key constraint").
-- adm_fk_try returns the error's SQLSTATE, message and DETAIL as a value.
CREATE TABLE adm_fk_parent (id serial PRIMARY KEY);
INSERT INTO adm_fk_parent DEFAULT VALUES;
CREATE TABLE adm_fk_child (id serial PRIMARY KEY,
  pid int4 NOT NULL REFERENCES adm_fk_parent (id) ON DELETE CASCADE, note text);
CREATE FUNCTION adm_fk_touch() RETURNS trigger LANGUAGE plpgsql
  AS 'BEGIN NEW.note := coalesce(NEW.note, ''touched''); RETURN NEW; END';
CREATE TRIGGER adm_fk_touch BEFORE INSERT OR UPDATE ON adm_fk_child
  FOR EACH ROW EXECUTE FUNCTION adm_fk_touch();
CREATE FUNCTION adm_fk_try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE m text; d text;
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL;
  RETURN SQLSTATE || ' ' || m || ' / ' || d;
END $$;
INSERT INTO adm_fk_child (pid) VALUES (1);
INSERT INTO adm_fk_child (pid, note) VALUES (99, NULL);
SELECT adm_fk_try('INSERT INTO adm_fk_child (pid) VALUES (99)');
SELECT adm_fk_try('INSERT INTO adm_fk_child (pid, note) VALUES (1, ''a''), (98, NULL)');
SELECT adm_fk_try('UPDATE adm_fk_child SET pid = 97, note = NULL WHERE id = 1');
BEGIN;
INSERT INTO adm_fk_child (pid) VALUES (99);
ROLLBACK;
INSERT INTO adm_fk_child (pid) VALUES (1) RETURNING id, pid, note;
SELECT id, pid, note FROM adm_fk_child ORDER BY id;
DROP TABLE adm_fk_child, adm_fk_parent;
DROP FUNCTION adm_fk_touch();
DROP FUNCTION adm_fk_try(text);
