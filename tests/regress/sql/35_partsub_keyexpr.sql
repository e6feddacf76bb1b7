-- A partition key element that is a parenthesized column, PARTITION BY RANGE ((a)), is that
-- column, as PostgreSQL's transformPartitionSpec makes it (docs/sql-compat.md, "Partitioned
-- tables"); any other expression is 0A000 here.
CREATE TABLE px (a int, b text) PARTITION BY RANGE ((a));
CREATE TABLE px1 PARTITION OF px FOR VALUES FROM (0) TO (10) PARTITION BY LIST ((b));
CREATE TABLE px1x PARTITION OF px1 FOR VALUES IN ('x');
INSERT INTO px VALUES (1, 'x');
-- detail
INSERT INTO px VALUES (1, 'y');
SELECT tableoid::regclass::text, * FROM px;
SELECT relname, pg_get_partkeydef(oid) FROM pg_class WHERE relname LIKE 'px%' ORDER BY 1;
SELECT partrelid::regclass::text, partattrs::text, pg_get_expr(partexprs, partrelid)
  FROM pg_partitioned_table ORDER BY 1;
CREATE TABLE py (a int, b text) PARTITION BY LIST ((zz));
CREATE TABLE px2 PARTITION OF px FOR VALUES FROM (10) TO (20) PARTITION BY LIST ((zz));
DROP TABLE px;
