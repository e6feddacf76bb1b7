-- Writes naming a partition directly while its partitioned table has row triggers
-- (docs/sql-compat.md, "Partitioned tables"): PostgreSQL fires the partition's copy of each
-- row trigger (TG_TABLE_NAME the partition named), checks the partition constraint on the
-- row the BEFORE triggers returned, and fires the statement triggers of the relation named
-- only. Here the rows are the partitioned table's and its triggers fire for them.
CREATE TABLE m (id int, k int, v text, PRIMARY KEY (id, k)) PARTITION BY LIST (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2);
CREATE TABLE n (id int, k int, v text) PARTITION BY LIST (k);
CREATE TABLE n1 PARTITION OF n FOR VALUES IN (1);
CREATE TABLE n2 PARTITION OF n FOR VALUES IN (2);
CREATE TABLE log (i serial, what text);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log (what) VALUES (concat_ws(' ', tg_name, tg_table_name, tg_when, tg_op, tg_level));
  IF tg_level = 'STATEMENT' THEN RETURN NULL; END IF;
  IF tg_op = 'DELETE' THEN RETURN old; END IF;
  IF tg_when = 'BEFORE' AND new.v = 'up' THEN new.v := upper(new.v); END IF;
  IF tg_when = 'BEFORE' AND new.v = 'move' THEN new.k := 2; END IF;
  IF tg_when = 'BEFORE' AND new.v = 'skip' THEN RETURN NULL; END IF;
  RETURN new;
END $$;
CREATE TRIGGER b1 BEFORE INSERT OR UPDATE OR DELETE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER a1 AFTER INSERT OR UPDATE OR DELETE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TRIGGER s1 BEFORE INSERT OR UPDATE OR DELETE ON m FOR EACH STATEMENT EXECUTE FUNCTION trg();
CREATE TRIGGER s2 AFTER INSERT OR UPDATE OR DELETE ON m FOR EACH STATEMENT EXECUTE FUNCTION trg();
CREATE TRIGGER b1 BEFORE INSERT OR UPDATE ON n FOR EACH ROW EXECUTE FUNCTION trg();
-- a BEFORE trigger's changed row is written, into the partition named
INSERT INTO m1 VALUES (1, 1, 'a'), (2, 1, 'up');
INSERT INTO m1 VALUES (3, 1, 'skip');
INSERT INTO m1 VALUES (4, 1, 'b') RETURNING *;
INSERT INTO m1 VALUES (5, 1, 'up') RETURNING id, v;
-- detail
INSERT INTO m1 VALUES (6, 1, 'move');
-- detail
INSERT INTO m1 VALUES (7, 2, 'x');
-- detail
INSERT INTO m VALUES (8, 1, 'move');
UPDATE m1 SET v = 'up' WHERE id = 1 RETURNING *;
-- detail
UPDATE m1 SET v = 'move' WHERE id = 1;
-- detail
UPDATE m1 SET k = 2 WHERE id = 4;
UPDATE m1 SET v = 'skip' WHERE id = 4;
INSERT INTO m1 VALUES (4, 1, 'c') ON CONFLICT (id, k) DO UPDATE SET v = 'up';
DELETE FROM m1 WHERE id = 2;
SELECT tableoid::regclass, * FROM m ORDER BY id;
SELECT what FROM log ORDER BY i;
TRUNCATE log;
-- a table without a primary key: the changed row is written after the statement's
INSERT INTO n1 VALUES (1, 1, 'up'), (2, 1, 'a');
-- detail
INSERT INTO n1 VALUES (3, 1, 'move');
UPDATE n1 SET v = 'up' WHERE id = 2;
-- detail
UPDATE n1 SET v = 'move' WHERE id = 2;
SELECT tableoid::regclass, * FROM n ORDER BY id;
SELECT what FROM log ORDER BY i;
TRUNCATE log;
-- through the partitioned table: a BEFORE trigger moving the row is refused, as PostgreSQL
-- detail
INSERT INTO n VALUES (9, 1, 'move');
-- differs: an UPDATE moving a row to another partition of a table with row triggers is 0A000 (PostgreSQL fires its DELETE and INSERT row triggers)
UPDATE m SET k = 2 WHERE id = 5;
-- differs: the same refusal (BEFORE UPDATE and INSERT row triggers)
UPDATE n SET k = 2 WHERE id = 1;
-- differs: without the rows the refused UPDATEs moved
SELECT tableoid::regclass, * FROM n ORDER BY id;
-- differs: without the triggers of the refused UPDATEs
SELECT what FROM log ORDER BY i;
-- a table with only INSERT or DELETE row triggers: its UPDATEs that move no row run
CREATE TABLE p (id int, k int, v text) PARTITION BY LIST (k);
CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
CREATE TABLE p2 PARTITION OF p FOR VALUES IN (2);
INSERT INTO p VALUES (1, 1, 'a'), (2, 1, 'b');
CREATE TRIGGER i1 AFTER INSERT ON p FOR EACH ROW EXECUTE FUNCTION trg();
UPDATE p SET v = 'x', k = 1 WHERE id = 1;
-- detail
UPDATE p1 SET k = 2 WHERE id = 2;
-- differs: an UPDATE moving a row to another partition of a table with INSERT or DELETE row triggers is 0A000 (PostgreSQL fires them)
UPDATE p SET k = 2 WHERE id = 2;
ALTER TABLE p ADD COLUMN w int;
-- differs: the same, its guard made again with the table's columns
UPDATE p SET k = 2 WHERE id = 2;
DROP TRIGGER i1 ON p;
UPDATE p SET k = 2 WHERE id = 2;
SELECT tableoid::regclass, * FROM p ORDER BY id;
-- differs: MERGE into a partition is 0A000 (merge into its partitioned table)
MERGE INTO p1 USING (VALUES (1, 'y')) s(id, v) ON p1.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v;
MERGE INTO p USING (VALUES (1, 'y')) s(id, v) ON p.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v;
SELECT tableoid::regclass, * FROM p ORDER BY id;
