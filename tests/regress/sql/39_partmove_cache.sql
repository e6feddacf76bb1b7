-- The partitions a row of a partitioned table is in (tableoid, a row trigger's TG_TABLE_NAME)
-- are read once per connection and kept until the schema changes (catalog_partfor.c): a
-- partition made, dropped, attached or detached, and a transaction or a savepoint rolled back
-- after a partition's DDL, each answer with the partitions as they are then.
CREATE TABLE m (k int, v text) PARTITION BY RANGE (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);
CREATE TABLE md PARTITION OF m DEFAULT;
INSERT INTO m VALUES (1, 'a'), (15, 'b'), (25, 'c');
SELECT tableoid::regclass, * FROM m ORDER BY k;
-- a partition made inside a transaction that rolls back
BEGIN;
DELETE FROM md WHERE k = 15;
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM (10) TO (20);
INSERT INTO m VALUES (15, 'b');
SELECT tableoid::regclass, * FROM m ORDER BY k;
ROLLBACK;
SELECT tableoid::regclass, * FROM m ORDER BY k;
-- another partition, the same number of schema changes later
DELETE FROM md WHERE k = 25;
CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (20) TO (30);
INSERT INTO m VALUES (25, 'c');
SELECT tableoid::regclass, * FROM m ORDER BY k;
-- a savepoint rolled back
BEGIN;
SAVEPOINT s;
ALTER TABLE m DETACH PARTITION m3;
SELECT tableoid::regclass, * FROM m ORDER BY k;
ROLLBACK TO SAVEPOINT s;
SELECT tableoid::regclass, * FROM m ORDER BY k;
COMMIT;
-- detached and attached again under another bound
ALTER TABLE m DETACH PARTITION m3;
SELECT tableoid::regclass, * FROM m ORDER BY k;
ALTER TABLE m3 RENAME TO m4;
DELETE FROM m4;
INSERT INTO m4 VALUES (22, 'd');
ALTER TABLE m ATTACH PARTITION m4 FOR VALUES FROM (20) TO (25);
SELECT tableoid::regclass, * FROM m ORDER BY k;
-- a row trigger's TG_TABLE_NAME, and an UPDATE of the key within the partitions
CREATE TABLE log (i serial, what text);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log (what) VALUES (concat_ws(' ', tg_name, tg_table_name, tg_op, new.k));
  RETURN new;
END $$;
CREATE TRIGGER a1 AFTER INSERT OR UPDATE ON m FOR EACH ROW EXECUTE FUNCTION trg();
INSERT INTO m VALUES (2, 'e'), (21, 'f'), (40, 'g');
UPDATE m SET k = k + 1 WHERE k IN (2, 21);
DROP TABLE m4;
UPDATE m SET k = k + 1 WHERE k IN (3, 40);
SELECT tableoid::regclass, * FROM m ORDER BY k;
SELECT what FROM log ORDER BY i;
-- a partition made after a savepoint, rolled back, and another made in its place
BEGIN;
SAVEPOINT s;
CREATE TABLE m5 PARTITION OF m FOR VALUES FROM (30) TO (35);
INSERT INTO m VALUES (31, 'h');
SELECT tableoid::regclass, * FROM m ORDER BY k;
ROLLBACK TO SAVEPOINT s;
CREATE TABLE m6 PARTITION OF m FOR VALUES FROM (35) TO (39);
INSERT INTO m VALUES (31, 'h');
SELECT tableoid::regclass, * FROM m ORDER BY k;
COMMIT;
