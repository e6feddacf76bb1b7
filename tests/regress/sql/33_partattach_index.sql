-- CREATE INDEX on a partition (docs/sql-compat.md, "Partitioned tables"): the partition's own
-- index, over its rows alone (a partial index of the partitioned table here), shown as the
-- partition's; DROP INDEX, ALTER INDEX RENAME; DETACH keeps it on the table.
CREATE TABLE m (id int NOT NULL, k int NOT NULL, v text) PARTITION BY RANGE (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (1) TO (10);
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM (10) TO (20);
INSERT INTO m VALUES (1, 1, 'a'), (2, 11, 'a'), (3, 12, 'b');
CREATE UNIQUE INDEX m2_v ON m2 (v);
CREATE INDEX ON m1 (v);
CREATE INDEX ON m1 (v);
CREATE INDEX IF NOT EXISTS m2_v ON m2 (v);
CREATE INDEX m1_lower ON m1 (lower(v)) WHERE id > 0;
-- unique within the partition: another partition may hold the same value
INSERT INTO m VALUES (4, 2, 'a');
INSERT INTO m VALUES (5, 13, 'a');
INSERT INTO m2 VALUES (5, 14, 'b');
UPDATE m SET k = 15 WHERE id = 4;
SELECT * FROM m ORDER BY id;
CREATE UNIQUE INDEX m1_dup ON m1 (v);
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'm%' ORDER BY 1, 2;
SELECT c.relname, x.relname, x.relkind, i.indisunique, i.indnatts
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
  WHERE c.relname LIKE 'm%' ORDER BY 1, 2;
SELECT pg_get_indexdef('m1_lower'::regclass), pg_get_indexdef('m1_lower'::regclass, 1, true);
DROP INDEX m1_v_idx;
ALTER INDEX m1_v_idx1 RENAME TO m1_renamed;
SELECT tablename, indexname FROM pg_indexes WHERE tablename LIKE 'm%' ORDER BY 1, 2;
-- the partitioned table's columns change under it
ALTER TABLE m ADD COLUMN w int;
SELECT tablename, indexname FROM pg_indexes WHERE tablename LIKE 'm%' ORDER BY 1, 2;
-- DETACH: the table keeps its indexes
ALTER TABLE m DETACH PARTITION m2;
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'm%' ORDER BY 1, 2;
INSERT INTO m2 VALUES (6, 99, 'b');
-- DROP TABLE of a partition drops its indexes
DROP TABLE m1;
SELECT tablename, indexname FROM pg_indexes WHERE tablename LIKE 'm%' ORDER BY 1, 2;
CREATE INDEX m1_v_idx ON m (v);
SELECT tablename, indexname FROM pg_indexes WHERE tablename LIKE 'm%' ORDER BY 1, 2;
