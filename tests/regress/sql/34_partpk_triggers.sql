-- Row triggers of a partitioned table (docs/sql-compat.md, "Partitioned tables"): PostgreSQL
-- copies each to every partition (pg_trigger.tgparentid), also to one created or attached
-- later, and fires the copy of the row's partition (TG_TABLE_NAME); statement triggers stay
-- on the parent. Here the trigger fires on the parent's table and TG_TABLE_NAME names the
-- row's partition.
CREATE TABLE m (id int, k int, v text) PARTITION BY LIST (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % %', tg_name, tg_table_name, tg_when, tg_op;
  IF tg_op = 'DELETE' THEN RETURN old; END IF;
  RETURN new;
END $$;
CREATE TRIGGER t1 BEFORE INSERT OR UPDATE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER t2 AFTER DELETE ON m FOR EACH STATEMENT EXECUTE FUNCTION trg();
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2);
CREATE TRIGGER "T3" AFTER UPDATE OF v OR DELETE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TABLE t (id int, k int, v text);
ALTER TABLE m ATTACH PARTITION t FOR VALUES IN (3);
SELECT tgname, tgrelid::regclass, tgparentid <> 0 AS copy, tgisinternal, tgtype,
       pg_get_triggerdef(oid)
  FROM pg_trigger WHERE tgrelid IN ('m'::regclass, 'm1'::regclass, 'm2'::regclass, 't'::regclass)
  ORDER BY 1, tgrelid::regclass::text;
SELECT trigger_name, event_object_table, action_timing, event_manipulation, action_orientation
  FROM information_schema.triggers ORDER BY 2, 1, 4;
SELECT relname, relhastriggers FROM pg_class WHERE relname IN ('m', 'm1', 'm2', 't') ORDER BY 1;
INSERT INTO m VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c');
-- an INSERT into a partition directly fires its partitioned table's row triggers (38_partrig_direct.sql)
INSERT INTO m1 VALUES (4, 1, 'd');
UPDATE m SET v = 'x' WHERE id = 2;
DELETE FROM m WHERE id = 3;
SELECT * FROM m ORDER BY id;
-- the copy belongs to the parent's trigger
DROP TRIGGER t1 ON m1;
DROP TRIGGER t2 ON m1;
DROP TRIGGER t1 ON m;
SELECT tgname, tgrelid::regclass FROM pg_trigger WHERE tgname = 't1';
INSERT INTO m VALUES (5, 2, 'e');
-- differs: a row trigger made on a partition itself is 0A000 (its rows are the partitioned table's)
CREATE TRIGGER t_on_part BEFORE INSERT ON m1 FOR EACH ROW EXECUTE FUNCTION trg();
CREATE FUNCTION trg_expr() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN coalesce(new, old); END $$;
