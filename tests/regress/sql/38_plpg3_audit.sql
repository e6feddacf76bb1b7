-- Audit and history triggers: EXECUTE ... USING OLD with $1.* / $1.col (was an error), to_jsonb(NEW)
-- under jsonb operators, NEW and OLD fields of numeric(p,s) columns with their scale.
CREATE TABLE acct (id int PRIMARY KEY, name text, bal numeric(10,2), deleted_at timestamptz);
CREATE TABLE acct_history (id int, name text, bal numeric(10,2), deleted_at timestamptz);
CREATE TABLE changes (tbl text, op text, diff jsonb);
CREATE FUNCTION hist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO %I.%I SELECT $1.*', TG_TABLE_SCHEMA, TG_TABLE_NAME || '_history') USING OLD;
  RETURN NEW;
END $$;
CREATE TRIGGER acct_hist AFTER UPDATE ON acct FOR EACH ROW EXECUTE FUNCTION hist();
INSERT INTO acct VALUES (1, 'a', 10), (2, 'b', 20);
UPDATE acct SET bal = bal + 1 WHERE id = 1;
SELECT * FROM acct_history;
CREATE FUNCTION hist2() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO acct_history VALUES (OLD.*);
  INSERT INTO acct_history SELECT OLD.*;
  RETURN NULL;
END $$;
CREATE TRIGGER acct_hist2 AFTER DELETE ON acct FOR EACH ROW EXECUTE FUNCTION hist2();
DELETE FROM acct WHERE id = 2;
SELECT * FROM acct_history ORDER BY id, bal;
CREATE FUNCTION diff() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE d jsonb := '{}'; k text; v jsonb;
BEGIN
  FOR k, v IN SELECT key, value FROM jsonb_each(to_jsonb(NEW)) LOOP
    IF to_jsonb(OLD) -> k IS DISTINCT FROM v THEN d := d || jsonb_build_object(k, v); END IF;
  END LOOP;
  INSERT INTO changes VALUES (TG_TABLE_NAME, TG_OP, d);
  INSERT INTO changes VALUES (TG_TABLE_NAME, TG_OP, to_jsonb(NEW) - 'deleted_at');
  RETURN NEW;
END $$;
CREATE TRIGGER acct_diff AFTER UPDATE ON acct FOR EACH ROW EXECUTE FUNCTION diff();
UPDATE acct SET name = 'z', bal = 5.5 WHERE id = 1;
SELECT * FROM changes;
CREATE FUNCTION soft_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE acct SET deleted_at = '2024-01-01 00:00:00+00' WHERE id = OLD.id;
  RETURN NULL;
END $$;
CREATE TRIGGER acct_soft BEFORE DELETE ON acct FOR EACH ROW EXECUTE FUNCTION soft_del();
DELETE FROM acct WHERE id = 1;
SELECT id, name, bal, deleted_at FROM acct;
CREATE FUNCTION eqtest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'eq=% rowdist=% new=%', NEW = OLD, row(NEW.*) IS DISTINCT FROM row(OLD.*), NEW;
  RETURN NEW;
END $$;
CREATE TRIGGER acct_eq BEFORE UPDATE ON acct FOR EACH ROW EXECUTE FUNCTION eqtest();
-- notices
UPDATE acct SET name = name;
-- notices
UPDATE acct SET name = 'q';
CREATE FUNCTION dynf() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n text; b numeric;
BEGIN
  EXECUTE 'SELECT $1.name, ($1).bal, $2' INTO n, b USING NEW, 'x';
  RAISE NOTICE '% % %', n, b, to_jsonb(NEW) ->> 'name';
  EXECUTE 'SELECT $1.name || ''$1.name''' INTO n USING NEW;
  RAISE NOTICE '%', n;
  RETURN NEW;
END $$;
CREATE TRIGGER acct_dyn BEFORE INSERT ON acct FOR EACH ROW EXECUTE FUNCTION dynf();
-- notices
INSERT INTO acct VALUES (8, 'dyn', 2.5);
SELECT * FROM acct_history ORDER BY id, bal;
