-- pg_partition_tree, pg_partition_root and pg_partition_ancestors over a sub-partitioned tree
-- (docs/sql-compat.md, "Partitioned tables"); a table that is neither partitioned nor a
-- partition has no rows and no root.
CREATE TABLE pv (a int, b text, v int) PARTITION BY RANGE (a);
CREATE TABLE pv1 PARTITION OF pv FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
CREATE TABLE pv1x PARTITION OF pv1 FOR VALUES IN ('x');
CREATE TABLE pv1y PARTITION OF pv1 FOR VALUES IN ('y') PARTITION BY RANGE (v);
CREATE TABLE pv1y1 PARTITION OF pv1y FOR VALUES FROM (0) TO (5);
CREATE TABLE pv2 PARTITION OF pv FOR VALUES FROM (10) TO (20);
CREATE TABLE pvplain (a int);
SELECT relid::regclass::text, parentrelid::regclass::text, isleaf, level FROM pg_partition_tree('pv') ORDER BY 1;
SELECT relid::regclass::text, parentrelid::regclass::text, isleaf, level FROM pg_partition_tree('pv1') ORDER BY 1;
SELECT relid::regclass::text, parentrelid::regclass::text, isleaf, level FROM pg_partition_tree('pv1x') ORDER BY 1;
SELECT count(*) FROM pg_partition_tree('pvplain');
SELECT t.level, count(*) FROM pg_partition_tree('pv') AS t GROUP BY 1 ORDER BY 1;
SELECT x.r::regclass::text, x.l FROM pg_partition_tree('pv') AS x(r, p, i, l) ORDER BY 1;
SELECT pg_partition_root('pv1y1')::regclass::text, pg_partition_root('pv')::regclass::text, pg_partition_root('pvplain') IS NULL;
SELECT pg_partition_root('pv1y1');
SELECT relname FROM pg_class c WHERE c.oid IN (SELECT pg_partition_ancestors('pv1y1')) ORDER BY 1;
SELECT count(*) FROM (SELECT pg_partition_ancestors('pv1y1')) s;
SELECT count(*) FROM (SELECT pg_partition_ancestors('pvplain')) s;

SELECT count(*) FROM pg_partition_ancestors('pvplain');
SELECT pg_partition_root('pv1x')::regclass::text, pg_partition_root('pv1x') = 'pv'::regclass;
SELECT relname FROM pg_class WHERE oid = pg_partition_root('pv1y');
DROP TABLE pv, pvplain;
