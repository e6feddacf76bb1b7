-- Sub-partitioning (docs/sql-compat.md, "Partitioned tables"): a partition that is itself
-- partitioned, rows routed through every level to the leaf PostgreSQL puts them in, the
-- errors naming the level no partition takes a row at, and the catalog's tree.
CREATE TABLE ps (a int, b text, v int) PARTITION BY RANGE (a);
CREATE TABLE ps1 PARTITION OF ps FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
CREATE TABLE ps1x PARTITION OF ps1 FOR VALUES IN ('x');
CREATE TABLE ps1y PARTITION OF ps1 FOR VALUES IN ('y', 'z');
CREATE TABLE ps2 PARTITION OF ps FOR VALUES FROM (10) TO (20);
INSERT INTO ps VALUES (1, 'x', 1), (2, 'y', 2), (15, 'q', 3);
-- detail
INSERT INTO ps VALUES (3, 'q', 4);
-- detail
INSERT INTO ps VALUES (30, 'q', 4);
-- detail
INSERT INTO ps1 VALUES (12, 'x', 5);
INSERT INTO ps1 VALUES (4, 'z', 5);
-- detail
INSERT INTO ps1x VALUES (4, 'y', 5);
INSERT INTO ps1x VALUES (5, 'x', 6);
SELECT tableoid::regclass::text, * FROM ps ORDER BY a;
SELECT tableoid::regclass::text, * FROM ps1 ORDER BY a;
SELECT tableoid::regclass::text, * FROM ps1y ORDER BY a;
SELECT c.relname, c.relkind, c.relispartition, pg_get_expr(c.relpartbound, c.oid),
       pg_get_partkeydef(c.oid)
  FROM pg_class c WHERE relname LIKE 'ps%' ORDER BY 1;
SELECT inhrelid::regclass::text, inhparent::regclass::text FROM pg_inherits
 WHERE inhrelid::regclass::text LIKE 'ps%' ORDER BY 1;
SELECT partrelid::regclass::text, partstrat, partnatts, partattrs::text
  FROM pg_partitioned_table ORDER BY 1;
SELECT pg_get_partition_constraintdef('ps1x'::regclass);
SELECT pg_get_partition_constraintdef('ps1'::regclass);
SELECT relid::regclass::text FROM pg_partition_ancestors('ps1x');
SELECT relname FROM pg_class WHERE oid IN (SELECT pg_partition_ancestors('ps1y')) ORDER BY 1;
-- the key moves the row between the leaves of a partitioned partition
UPDATE ps SET b = 'z' WHERE a = 1;
-- detail
UPDATE ps SET b = 'q' WHERE a = 1;
SELECT tableoid::regclass::text, * FROM ps ORDER BY a;
CREATE TABLE ps1d PARTITION OF ps1 DEFAULT;
INSERT INTO ps VALUES (7, 'q', 9);
SELECT tableoid::regclass::text, * FROM ps ORDER BY a;
DELETE FROM ps1 WHERE a = 7;
TRUNCATE ps1x;
SELECT tableoid::regclass::text, * FROM ps ORDER BY a;
-- the partitions follow the partitioned table's columns down every level
ALTER TABLE ps ADD COLUMN w text DEFAULT 'w';
SELECT * FROM ps1y ORDER BY a;
ALTER TABLE ps DROP COLUMN w;
SELECT * FROM ps1y ORDER BY a;
DROP TABLE ps1;
SELECT relname FROM pg_class WHERE relname LIKE 'ps%' ORDER BY 1;
-- detail
INSERT INTO ps VALUES (3, 'x', 1);
DROP TABLE ps;
SELECT relname FROM pg_class WHERE relname LIKE 'ps%' ORDER BY 1;

-- three levels, HASH and RANGE below, a DEFAULT partition that is partitioned
CREATE TABLE pt (a int, b text, v int) PARTITION BY RANGE (a);
CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10) PARTITION BY HASH (b);
CREATE TABLE pt1a PARTITION OF pt1 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE pt1b PARTITION OF pt1 FOR VALUES WITH (MODULUS 2, REMAINDER 1)
  PARTITION BY RANGE (v);
CREATE TABLE pt1b1 PARTITION OF pt1b FOR VALUES FROM (MINVALUE) TO (100);
CREATE TABLE pt2 PARTITION OF pt DEFAULT PARTITION BY LIST (b);
CREATE TABLE pt2x PARTITION OF pt2 FOR VALUES IN ('x');
INSERT INTO pt SELECT g % 10, 'k' || g, g * 3 FROM generate_series(1, 30) g;
-- detail
INSERT INTO pt VALUES (1, 'k2', 500);
INSERT INTO pt VALUES (11, 'x', 1), (-5, 'x', 2);
-- detail
INSERT INTO pt VALUES (11, 'y', 1);
SELECT tableoid::regclass::text, count(*) FROM pt GROUP BY 1 ORDER BY 1;
SELECT tableoid::regclass::text, count(*) FROM pt1 GROUP BY 1 ORDER BY 1;
SELECT relid::regclass::text FROM pg_partition_ancestors('pt1b1');
SELECT relid::regclass::text FROM pg_partition_ancestors('pt2x');
SELECT pg_get_partition_constraintdef('pt1b1'::regclass) LIKE
       '((a IS NOT NULL) AND (a >= 0) AND (a < 10) AND satisfies_hash_partition(%, 2, 1, b) AND (v IS NOT NULL) AND (v < 100))';
UPDATE pt SET v = 200 WHERE a = 1 AND b = 'k11';
UPDATE pt1b1 SET v = 7 WHERE v = 93;
DELETE FROM pt1b1 WHERE v < 10;
SELECT tableoid::regclass::text, * FROM pt WHERE a < 3 ORDER BY a, b;
INSERT INTO pt1b1 VALUES (3, 'k3', 10);
-- 23514 in both; the message differs (docs/sql-compat.md, sub-partitioning)
INSERT INTO pt1b1 VALUES (3, 'k3', 100);
INSERT INTO pt1 VALUES (3, 'k3', 10);
SELECT tableoid::regclass::text, * FROM pt1b ORDER BY a, b;
TRUNCATE pt1b;
SELECT count(*) FROM pt1;
DROP TABLE pt1b;
SELECT count(*) FROM pt1;
SELECT relname FROM pg_class WHERE relname LIKE 'pt%' ORDER BY 1;
DROP TABLE pt;

-- PostgreSQL's errors for the key of a partitioned partition
CREATE TABLE pu (a int PRIMARY KEY, b text, v int) PARTITION BY RANGE (a);
-- detail
CREATE TABLE pu1 PARTITION OF pu FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
DROP TABLE pu;
CREATE TABLE pu (a int, b text, v int, UNIQUE (a, v)) PARTITION BY RANGE (a);
-- detail
CREATE TABLE pu1 PARTITION OF pu FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
CREATE TABLE pu1 PARTITION OF pu FOR VALUES FROM (0) TO (10) PARTITION BY LIST (zz);
CREATE TABLE pu1 PARTITION OF pu FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b, v);
CREATE TABLE pu1 PARTITION OF pu FOR VALUES FROM (0) TO (10) PARTITION BY RANGE (v, a);
CREATE TABLE pu1a PARTITION OF pu1 FOR VALUES FROM (0, 0) TO (5, 5);
INSERT INTO pu VALUES (1, 'a', 1);
SELECT tableoid::regclass::text, * FROM pu;
DROP TABLE pu;
