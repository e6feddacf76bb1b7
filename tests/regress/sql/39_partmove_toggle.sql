-- ALTER TABLE p1 {ENABLE | DISABLE} TRIGGER of a partition's copies of its partitioned
-- table's row triggers (docs/sql-compat.md, "Partitioned tables"): the copy's flag is its
-- own (pg_trigger.tgenabled, psql's \d), the trigger does not fire for that partition's rows
-- (through the partitioned table or naming the partition), and the partitioned table's
-- ALTER TABLE sets its partitions' copies again, as PostgreSQL recurses.
CREATE TABLE m (k int, v text) PARTITION BY LIST (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2);
CREATE TABLE log (i serial, what text);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log (what) VALUES (concat_ws(' ', tg_name, tg_table_name, tg_when, tg_op, new.v));
  IF tg_when = 'BEFORE' THEN new.v := new.v || '!'; END IF;
  RETURN new;
END $$;
CREATE TRIGGER t BEFORE INSERT OR UPDATE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER u AFTER INSERT OR UPDATE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER s AFTER INSERT ON m FOR EACH STATEMENT EXECUTE FUNCTION trg();
ALTER TABLE m1 DISABLE TRIGGER t;
SELECT c.relname, t.tgname, t.tgenabled, t.tgparentid <> 0 AS copy
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
INSERT INTO m VALUES (1, 'a'), (2, 'b');
INSERT INTO m1 VALUES (1, 'c');
UPDATE m SET v = v || 'u' WHERE k = 1;
UPDATE m SET v = v || 'u' WHERE k = 2;
SELECT tableoid::regclass, * FROM m ORDER BY k, v;
SELECT what FROM log ORDER BY i;
TRUNCATE log;
-- the partitioned table's sets every copy again
ALTER TABLE m ENABLE TRIGGER t;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
INSERT INTO m1 VALUES (1, 'd');
SELECT what FROM log ORDER BY i;
TRUNCATE log;
-- ALL, USER, ALWAYS, REPLICA
ALTER TABLE m1 DISABLE TRIGGER ALL;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
INSERT INTO m VALUES (1, 'e'), (2, 'f');
ALTER TABLE m1 ENABLE ALWAYS TRIGGER u;
ALTER TABLE m2 ENABLE REPLICA TRIGGER t;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
INSERT INTO m VALUES (1, 'g'), (2, 'h');
SET session_replication_role = replica;
INSERT INTO m VALUES (1, 'i'), (2, 'j');
RESET session_replication_role;
SELECT what FROM log ORDER BY i;
TRUNCATE log;
ALTER TABLE m1 ENABLE TRIGGER USER;
ALTER TABLE m DISABLE TRIGGER USER;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
ALTER TABLE m ENABLE TRIGGER ALL;
-- errors
ALTER TABLE m1 ENABLE TRIGGER nosuch;
ALTER TABLE m1 DISABLE TRIGGER s;
-- a partition dropped and made again, a trigger made again: the copy has the trigger's flag
ALTER TABLE m2 DISABLE TRIGGER u;
DROP TABLE m2;
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2);
ALTER TABLE m1 DISABLE TRIGGER u;
DROP TRIGGER u ON m;
CREATE TRIGGER u AFTER INSERT OR UPDATE ON m FOR EACH ROW EXECUTE FUNCTION trg();
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
-- detached and attached again
ALTER TABLE m1 DISABLE TRIGGER t;
ALTER TABLE m DETACH PARTITION m1;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
ALTER TABLE m ATTACH PARTITION m1 FOR VALUES IN (1);
ALTER TABLE m2 DISABLE TRIGGER t;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname IN ('m', 'm1', 'm2') ORDER BY 1, 2;
SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname = 'm2' ORDER BY t.tgname;
INSERT INTO m VALUES (1, 'k'), (2, 'l');
SELECT what FROM log ORDER BY i;
SELECT tableoid::regclass, * FROM m ORDER BY k, v;
-- a partitioned partition: its copy and its partitions' copies follow, as PostgreSQL recurses
CREATE TABLE s (k int, j int, v text) PARTITION BY LIST (k);
CREATE TABLE s1 PARTITION OF s FOR VALUES IN (1) PARTITION BY LIST (j);
CREATE TABLE s11 PARTITION OF s1 FOR VALUES IN (1);
CREATE TABLE s12 PARTITION OF s1 FOR VALUES IN (2);
CREATE TRIGGER t BEFORE INSERT ON s FOR EACH ROW EXECUTE FUNCTION trg();
ALTER TABLE s11 DISABLE TRIGGER t;
INSERT INTO s VALUES (1, 1, 'a'), (1, 2, 'b');
ALTER TABLE s1 DISABLE TRIGGER t;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname LIKE 's%' ORDER BY 1, 2;
INSERT INTO s VALUES (1, 1, 'c'), (1, 2, 'd');
ALTER TABLE s12 ENABLE TRIGGER t;
INSERT INTO s VALUES (1, 1, 'e'), (1, 2, 'f');
ALTER TABLE s1 ENABLE ALWAYS TRIGGER t;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname LIKE 's%' ORDER BY 1, 2;
ALTER TABLE s DISABLE TRIGGER t;
SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relname LIKE 's%' ORDER BY 1, 2;
INSERT INTO s VALUES (1, 1, 'g'), (1, 2, 'h');
SELECT tableoid::regclass, * FROM s ORDER BY v;
SELECT what FROM log WHERE what LIKE '% s1%' ORDER BY i;
