-- information_schema.triggers: one row per event of each trigger (INSERT, DELETE, UPDATE; not
-- TRUNCATE), its action parsed out of pg_get_triggerdef's text as PostgreSQL's view does.
CREATE TABLE ist_t (id int PRIMARY KEY, v text, n int);
CREATE TABLE ist_log (id int, op text);
CREATE VIEW ist_v AS SELECT id, v FROM ist_t;
CREATE FUNCTION ist_f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION ist_g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER ist_b_ins BEFORE INSERT OR UPDATE ON ist_t FOR EACH ROW EXECUTE FUNCTION ist_f();
CREATE TRIGGER ist_a_ins BEFORE INSERT ON ist_t FOR EACH ROW EXECUTE FUNCTION ist_f();
CREATE TRIGGER ist_after AFTER DELETE OR INSERT OR UPDATE OF v ON ist_t FOR EACH STATEMENT EXECUTE FUNCTION ist_g();
CREATE TRIGGER ist_when AFTER UPDATE ON ist_t FOR EACH ROW WHEN (OLD.v IS DISTINCT FROM NEW.v AND NEW.n > 0) EXECUTE FUNCTION ist_g();
CREATE TRIGGER ist_args AFTER INSERT ON ist_log FOR EACH ROW EXECUTE FUNCTION ist_g('a', 'b c');
CREATE TRIGGER ist_trunc AFTER TRUNCATE ON ist_log FOR EACH STATEMENT EXECUTE FUNCTION ist_g();
CREATE TRIGGER ist_trans AFTER INSERT ON ist_log REFERENCING NEW TABLE AS newrows FOR EACH STATEMENT EXECUTE FUNCTION ist_g();
CREATE TRIGGER ist_instead INSTEAD OF INSERT ON ist_v FOR EACH ROW EXECUTE FUNCTION ist_f();
SELECT trigger_catalog = current_database() AS cat_ok, trigger_schema, trigger_name, event_manipulation, event_object_catalog = current_database() AS ocat_ok, event_object_schema, event_object_table, action_order, action_condition IS NOT NULL AS has_cond, action_statement, action_orientation, action_timing, action_reference_old_table, action_reference_new_table, action_reference_old_row, action_reference_new_row, created FROM information_schema.triggers WHERE trigger_schema = 'public' ORDER BY event_object_table, trigger_name, event_manipulation;
-- differs: action_condition is WHEN's condition as written (pg_get_triggerdef's text here), not PostgreSQL's deparse ((old.v IS DISTINCT FROM new.v) AND (new.n > 0))
SELECT trigger_name, event_manipulation, action_condition FROM information_schema.triggers WHERE trigger_name = 'ist_when' ORDER BY 1, 2;
SELECT trigger_name, event_manipulation, action_condition FROM information_schema.triggers WHERE action_condition IS NULL AND event_object_schema = 'public' ORDER BY 1, 2;
-- DataGrip's and schema-diff tools' shapes
SELECT event_object_table, trigger_name, string_agg(event_manipulation, ',' ORDER BY event_manipulation) FROM information_schema.triggers WHERE event_object_schema = 'public' GROUP BY event_object_table, trigger_name, action_timing ORDER BY 1, 2;
SELECT trigger_name, action_order FROM information_schema.triggers WHERE event_object_table = 'ist_t' AND event_manipulation = 'INSERT' ORDER BY action_timing, action_order, trigger_name;
SELECT count(*) FROM information_schema.triggers WHERE event_object_table = 'ist_log';
ALTER TABLE ist_t DISABLE TRIGGER ist_when;
SELECT trigger_name, event_manipulation FROM information_schema.triggers WHERE trigger_name = 'ist_when' ORDER BY 1, 2;
DROP TRIGGER ist_b_ins ON ist_t;
SELECT trigger_name, event_manipulation, action_order FROM information_schema.triggers WHERE event_object_table = 'ist_t' ORDER BY 1, 2;
SELECT * FROM information_schema.triggers WHERE trigger_name = 'ist_args';
DROP TABLE ist_log;
SELECT count(*) FROM information_schema.triggers WHERE event_object_table = 'ist_log';
-- information_schema.triggered_update_columns: each column of an UPDATE OF list
CREATE TABLE ist_u (id int, a text, "B c" int, d int);
CREATE TRIGGER ist_upd_of AFTER UPDATE OF a, "B c" ON ist_u FOR EACH ROW EXECUTE FUNCTION ist_g();
CREATE TRIGGER ist_upd_all AFTER INSERT OR UPDATE ON ist_u FOR EACH ROW EXECUTE FUNCTION ist_g();
SELECT trigger_catalog = current_database() AS tc, trigger_schema, trigger_name, event_object_catalog = current_database() AS oc, event_object_schema, event_object_table, event_object_column FROM information_schema.triggered_update_columns WHERE trigger_schema = 'public' ORDER BY trigger_name, event_object_column;
SELECT * FROM information_schema.triggered_update_columns WHERE trigger_name = 'ist_upd_of' AND trigger_catalog = current_database() ORDER BY event_object_column;
