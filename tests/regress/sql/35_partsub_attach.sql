-- ATTACH PARTITION with sub-partitioning (docs/sql-compat.md, "Partitioned tables"): of a
-- partitioned table (its partitions come along) and to a partitioned partition, as pg_dump's
-- dump of a sub-partitioned table restores them (each level CREATE TABLE ... PARTITION BY,
-- then ALTER TABLE ONLY ... ATTACH PARTITION).
CREATE TABLE qa (a int, b text, v int) PARTITION BY RANGE (a);
CREATE TABLE qa1 (a int, b text, v int) PARTITION BY LIST (b);
CREATE TABLE qa1x (a int, b text, v int);
CREATE TABLE qa1y (a int, b text, v int);
INSERT INTO qa1y VALUES (3, 'y', 1), (30, 'y', 2);
ALTER TABLE ONLY qa ATTACH PARTITION qa1 FOR VALUES FROM (0) TO (10);
ALTER TABLE ONLY qa1 ATTACH PARTITION qa1x FOR VALUES IN ('x');
-- detail
ALTER TABLE ONLY qa1 ATTACH PARTITION qa1y FOR VALUES IN ('y');
DELETE FROM qa1y WHERE a = 30;
ALTER TABLE ONLY qa1 ATTACH PARTITION qa1y FOR VALUES IN ('y');
INSERT INTO qa VALUES (1, 'x', 1);
-- detail
INSERT INTO qa VALUES (1, 'q', 1);
SELECT tableoid::regclass::text, * FROM qa ORDER BY a, b;
CREATE TABLE qb (a int, b text, v int) PARTITION BY LIST (b);
CREATE TABLE qbx PARTITION OF qb FOR VALUES IN ('x');
INSERT INTO qb VALUES (15, 'x', 5);
ALTER TABLE qa ATTACH PARTITION qb FOR VALUES FROM (10) TO (20);
INSERT INTO qa VALUES (16, 'x', 6);
-- detail
INSERT INTO qa VALUES (16, 'z', 6);
SELECT tableoid::regclass::text, * FROM qa ORDER BY a, b;
SELECT c.relname, c.relkind, c.relispartition, pg_get_expr(c.relpartbound, c.oid), pg_get_partkeydef(c.oid)
  FROM pg_class c WHERE relname LIKE 'q%' ORDER BY 1;
CREATE TABLE qc (a int PRIMARY KEY, b text, v int) PARTITION BY LIST (b);
-- detail
ALTER TABLE qa ATTACH PARTITION qc FOR VALUES FROM (20) TO (30);
ALTER TABLE qa1 ATTACH PARTITION qc FOR VALUES IN ('c');
CREATE TABLE qd (a int, b text, v int);
ALTER TABLE qa1 ATTACH PARTITION qd DEFAULT;
INSERT INTO qa VALUES (2, 'zz', 0);
SELECT tableoid::regclass::text, * FROM qa ORDER BY a, b;
DROP TABLE qa;
SELECT relname FROM pg_class WHERE relname LIKE 'q%' ORDER BY 1;
DROP TABLE qc;
