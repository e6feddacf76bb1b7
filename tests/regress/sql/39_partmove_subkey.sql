-- An UPDATE through a partitioned table moving a row between two partitions of a
-- partitioned partition (by that partition's own key, not the top table's) while the table
-- has INSERT or DELETE row triggers: PostgreSQL fires the DELETE and INSERT row triggers; here
-- it is refused (0A000) as a move between the top table's partitions is, whether the
-- partitioned partition was made before or after the trigger, or attached
-- (docs/sql-compat.md, "Partitioned tables"). It was a silent difference: the row moved and
-- no trigger fired.
CREATE TABLE m (id int, k int, v text) PARTITION BY LIST (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
CREATE TABLE log (i serial, what text);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log (what) VALUES (concat_ws(' ', tg_name, tg_table_name, tg_when, tg_op));
  RETURN coalesce(new, old);
END $$;
CREATE TRIGGER a AFTER INSERT OR DELETE ON m FOR EACH ROW EXECUTE FUNCTION trg();
CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2) PARTITION BY LIST (id);
CREATE TABLE m21 PARTITION OF m2 FOR VALUES IN (1, 2);
CREATE TABLE m22 PARTITION OF m2 FOR VALUES IN (3, 4);
INSERT INTO m VALUES (1, 2, 'a'), (5, 1, 'b');
BEGIN;
-- differs: a move between a partitioned partition's partitions with INSERT or DELETE row triggers is 0A000 (PostgreSQL fires them)
UPDATE m SET id = 3 WHERE id = 1;
ROLLBACK;
-- within one leaf, and a change of no key: no move
UPDATE m SET id = 2 WHERE id = 1;
UPDATE m SET v = 'c';
SELECT tableoid::regclass, * FROM m ORDER BY id;
-- a partitioned table attached as a partition
CREATE TABLE n (id int, k int, v text) PARTITION BY LIST (id);
CREATE TABLE n1 PARTITION OF n FOR VALUES IN (1);
CREATE TABLE n2 PARTITION OF n FOR VALUES IN (2);
ALTER TABLE m ATTACH PARTITION n FOR VALUES IN (3);
INSERT INTO m VALUES (1, 3, 'n');
BEGIN;
-- differs: a move between a partitioned partition's partitions with INSERT or DELETE row triggers is 0A000 (PostgreSQL fires them)
UPDATE m SET id = 2 WHERE k = 3;
ROLLBACK;
SELECT tableoid::regclass, * FROM m ORDER BY k, id;
-- the trigger made after the partitions
DROP TRIGGER a ON m;
CREATE TRIGGER a AFTER INSERT OR DELETE ON m FOR EACH ROW EXECUTE FUNCTION trg();
BEGIN;
-- differs: a move between a partitioned partition's partitions with INSERT or DELETE row triggers is 0A000 (PostgreSQL fires them)
UPDATE m SET id = 4 WHERE id = 2 AND k = 2;
ROLLBACK;
SELECT tableoid::regclass, * FROM m ORDER BY k, id;
SELECT what FROM log ORDER BY i;
