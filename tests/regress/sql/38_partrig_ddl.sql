-- Trigger DDL of a partitioned table (docs/sql-compat.md, "Partitioned tables"):
-- ENABLE/DISABLE TRIGGER of the partitioned table reaches its partitions' copies, and a row
-- trigger with transition tables is refused as PostgreSQL refuses it.
CREATE TABLE m (id int, k int, v text) PARTITION BY LIST (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2) PARTITION BY LIST (id);
CREATE TABLE m21 PARTITION OF m2 FOR VALUES IN (1, 2, 3, 4);
CREATE TABLE log (i serial, what text);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log (what) VALUES (concat_ws(' ', tg_name, tg_table_name, tg_when, tg_op, tg_level));
  RETURN new;
END $$;
CREATE TRIGGER b1 BEFORE INSERT OR UPDATE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER a1 AFTER INSERT ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER s1 AFTER INSERT ON m FOR EACH STATEMENT EXECUTE FUNCTION trg();
-- detail
CREATE TRIGGER tt AFTER INSERT ON m REFERENCING NEW TABLE AS nt FOR EACH ROW EXECUTE FUNCTION trg();
-- detail
CREATE TRIGGER tt AFTER INSERT ON m2 REFERENCING NEW TABLE AS nt FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER tt AFTER INSERT ON m REFERENCING NEW TABLE AS nt FOR EACH STATEMENT EXECUTE FUNCTION trg();
ALTER TABLE m DISABLE TRIGGER b1;
SELECT tgname, tgrelid::regclass, tgenabled FROM pg_trigger WHERE tgname IN ('b1', 'a1')
  ORDER BY tgname, tgrelid::regclass::text;
INSERT INTO m VALUES (1, 1, 'a'), (2, 2, 'b');
ALTER TABLE m ENABLE ALWAYS TRIGGER b1;
ALTER TABLE m DISABLE TRIGGER ALL;
SELECT tgname, tgrelid::regclass, tgenabled FROM pg_trigger WHERE tgname IN ('b1', 'a1', 's1')
  ORDER BY tgname, tgrelid::regclass::text;
INSERT INTO m VALUES (3, 1, 'c');
ALTER TABLE m ENABLE TRIGGER USER;
ALTER TABLE m ENABLE REPLICA TRIGGER a1;
SELECT tgname, tgrelid::regclass, tgenabled FROM pg_trigger WHERE tgname IN ('b1', 'a1', 's1')
  ORDER BY tgname, tgrelid::regclass::text;
INSERT INTO m VALUES (4, 2, 'd');
ALTER TABLE m ENABLE TRIGGER a1;
-- detail
ALTER TABLE m DISABLE TRIGGER nope;
SELECT what FROM log ORDER BY i;
-- ATTACH PARTITION, DETACH PARTITION and DROP TABLE of a partition move rows in and out of
-- the partitioned table's one table here: no row trigger fires for them (PostgreSQL fires
-- none), so one that skips its row loses or keeps none
CREATE TABLE q (id int, k int, v text) PARTITION BY LIST (k);
CREATE TABLE q1 PARTITION OF q FOR VALUES IN (1);
CREATE TABLE q2 PARTITION OF q FOR VALUES IN (2);
CREATE TABLE t3 (id int, k int, v text);
INSERT INTO t3 VALUES (3, 3, 'c');
INSERT INTO q VALUES (1, 1, 'a'), (2, 2, 'b');
CREATE FUNCTION skip() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log (what) VALUES (concat_ws(' ', tg_name, tg_table_name, tg_when, tg_op, tg_level));
  RETURN NULL;
END $$;
CREATE TRIGGER b1 BEFORE INSERT OR UPDATE OR DELETE ON q FOR EACH ROW EXECUTE FUNCTION skip();
CREATE TRIGGER a1 AFTER INSERT OR UPDATE OR DELETE ON q FOR EACH ROW EXECUTE FUNCTION skip();
CREATE TRIGGER s1 AFTER INSERT OR UPDATE OR DELETE ON q FOR EACH STATEMENT EXECUTE FUNCTION skip();
TRUNCATE log;
ALTER TABLE q ATTACH PARTITION t3 FOR VALUES IN (3);
ALTER TABLE q DETACH PARTITION q1;
DROP TABLE q2;
SELECT tableoid::regclass, * FROM q ORDER BY id;
SELECT * FROM q1 ORDER BY id;
SELECT what FROM log ORDER BY i;
