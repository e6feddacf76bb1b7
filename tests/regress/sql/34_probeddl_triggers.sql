-- Probing PostgreSQL's triggers.sql: a row trigger's WHEN is checked as CreateTrigger checks
-- it: a bare column is OLD's and NEW's (42702; it was made, reading one of them), a name the
-- table lacks 42703, OLD in a trigger for INSERT and NEW in one for DELETE 42P17.
CREATE TABLE main_table (a int UNIQUE, b int);
CREATE TABLE log_t (msg text);
CREATE FUNCTION trigger_func() RETURNS trigger AS $$ BEGIN INSERT INTO log_t VALUES (TG_NAME || ' ' || TG_OP); RETURN NULL; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER invalid_trig BEFORE UPDATE ON main_table FOR EACH ROW WHEN (a = 5) EXECUTE PROCEDURE trigger_func('invalid');
CREATE TRIGGER invalid_trig BEFORE INSERT ON main_table FOR EACH ROW WHEN (old.a = 5) EXECUTE PROCEDURE trigger_func('invalid');
CREATE TRIGGER invalid_trig BEFORE DELETE ON main_table FOR EACH ROW WHEN (new.a = 5) EXECUTE PROCEDURE trigger_func('invalid');
CREATE TRIGGER invalid_trig AFTER INSERT OR DELETE ON main_table FOR EACH ROW WHEN (new.a = 5 OR old.a = 4) EXECUTE PROCEDURE trigger_func('invalid');
CREATE TRIGGER invalid_trig AFTER INSERT ON main_table FOR EACH ROW WHEN (new.a = 5 OR nosuch = 1) EXECUTE PROCEDURE trigger_func('invalid');
CREATE TRIGGER invalid_trig AFTER INSERT ON main_table FOR EACH ROW WHEN (new.nosuch = 1) EXECUTE PROCEDURE trigger_func('invalid');
SELECT count(*) FROM pg_trigger WHERE tgrelid = 'main_table'::regclass;
CREATE TRIGGER insert_a AFTER INSERT ON main_table FOR EACH ROW WHEN (new.a = 123) EXECUTE PROCEDURE trigger_func('insert_a');
CREATE TRIGGER delete_a AFTER DELETE ON main_table FOR EACH ROW WHEN (old.a = 123) EXECUTE PROCEDURE trigger_func('delete_a');
CREATE TRIGGER modified_any AFTER UPDATE ON main_table FOR EACH ROW WHEN (old.* IS DISTINCT FROM new.*) EXECUTE PROCEDURE trigger_func('modified_any');
INSERT INTO main_table VALUES (123, 1), (5, 2);
UPDATE main_table SET b = b WHERE a = 5;
UPDATE main_table SET b = 10 WHERE a = 5;
DELETE FROM main_table;
SELECT * FROM log_t;
