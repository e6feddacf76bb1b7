-- Declarative partitioning, LIST and RANGE (docs/sql-compat.md, "Partitioned tables"): the
-- parent holds every row, each partition shows the rows its bound takes; a row no partition
-- takes is 23514, a row written through a partition outside its bound too; overlapping and
-- empty bounds are 42P17; the catalog shows relkind 'p', relispartition, pg_inherits,
-- pg_partitioned_table and the bounds as pg_get_expr prints them.
CREATE TABLE pr (id int, k int NOT NULL, v text) PARTITION BY RANGE (k);
-- no partition yet: every row is refused
INSERT INTO pr VALUES (0, 1, 'none');
CREATE TABLE pr_lo PARTITION OF pr FOR VALUES FROM (MINVALUE) TO (10);
CREATE TABLE pr_mid PARTITION OF pr FOR VALUES FROM (10) TO (20);
CREATE TABLE pr_hi PARTITION OF pr FOR VALUES FROM (20) TO (30);
INSERT INTO pr VALUES (1, -5, 'a'), (2, 9, 'b'), (3, 10, 'c'), (4, 19, 'd'), (5, 29, 'e');
INSERT INTO pr VALUES (6, 30, 'f');
SELECT * FROM pr ORDER BY id;
SELECT * FROM pr_lo ORDER BY id;
SELECT * FROM pr_mid ORDER BY id;
SELECT id, v FROM pr_hi ORDER BY id;
SELECT count(*) FROM pr WHERE k >= 10;
-- writes through a partition stay inside its bound
INSERT INTO pr_mid VALUES (7, 15, 'g');
INSERT INTO pr_mid VALUES (8, 25, 'h');
INSERT INTO pr_mid VALUES (8, 5, 'h');
UPDATE pr_mid SET v = 'C' WHERE id = 3;
UPDATE pr_mid SET k = 25 WHERE id = 3;
DELETE FROM pr_mid WHERE id = 7;
SELECT * FROM pr_mid ORDER BY id;
-- a row updated through the parent moves to the partition its new key belongs in
UPDATE pr SET k = 12 WHERE id = 2;
SELECT id, k FROM pr_mid ORDER BY id;
SELECT id, k FROM pr_lo ORDER BY id;
UPDATE pr SET k = 100 WHERE id = 2;
-- bounds that overlap or are empty
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES FROM (25) TO (35);
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES FROM (MINVALUE) TO (0);
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES FROM (40) TO (35);
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES FROM (40) TO (40);
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES IN (40);
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES FROM (NULL) TO (40);
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES FROM (1, 2) TO (40, 3);
CREATE TABLE pr_bad PARTITION OF pr FOR VALUES FROM (k) TO (40);
CREATE TABLE pr_bad PARTITION OF nosuch FOR VALUES FROM (1) TO (40);
CREATE TABLE pr_plain (a int);
CREATE TABLE pr_bad PARTITION OF pr_plain FOR VALUES FROM (1) TO (40);
CREATE TABLE pr_top PARTITION OF pr FOR VALUES FROM (30) TO (MAXVALUE);
INSERT INTO pr VALUES (9, 1000000, 'top');
SELECT id, k FROM pr_top;
-- the catalog
SELECT c.relname, c.relkind, c.relispartition, pg_get_expr(c.relpartbound, c.oid)
  FROM pg_class c WHERE c.relname LIKE 'pr%' ORDER BY 1;
SELECT inhrelid::regclass::text, inhparent::regclass::text, inhseqno, inhdetachpending
  FROM pg_inherits ORDER BY 1;
SELECT partrelid::regclass::text, partstrat, partnatts, partattrs::text, partdefid
  FROM pg_partitioned_table ORDER BY 1;
SELECT pg_get_partkeydef('pr'::regclass), pg_get_partkeydef('pr_lo'::regclass);
SELECT pg_get_partition_constraintdef('pr_mid'::regclass);
SELECT pg_get_partition_constraintdef('pr_lo'::regclass);
SELECT relid::regclass::text FROM pg_partition_ancestors('pr_mid') ORDER BY 1;
SELECT relid::regclass::text FROM pg_partition_ancestors('pr'::regclass);
SELECT table_name, table_type FROM information_schema.tables
  WHERE table_name LIKE 'pr%' ORDER BY 1;
SELECT tablename FROM pg_tables WHERE tablename LIKE 'pr%' ORDER BY 1;
SELECT a.attname, a.attnotnull, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
  WHERE a.attrelid = 'pr_mid'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT count(*) FROM pg_trigger WHERE tgrelid = 'pr'::regclass;
-- a column added to the parent shows in its partitions; the key cannot be dropped
ALTER TABLE pr ADD COLUMN w int DEFAULT 7;
SELECT * FROM pr_mid ORDER BY id;
INSERT INTO pr_mid (id, k) VALUES (20, 11) RETURNING *;
ALTER TABLE pr DROP COLUMN k;
DROP VIEW pr_mid;
-- TRUNCATE and DROP of a partition remove its rows from the parent
TRUNCATE pr_lo;
SELECT id, k FROM pr ORDER BY id;
DROP TABLE pr_mid;
SELECT id, k FROM pr ORDER BY id;
INSERT INTO pr VALUES (10, 15, 'gone');
SELECT c.relname FROM pg_class c WHERE c.relname LIKE 'pr%' ORDER BY 1;
-- DROP of the parent drops its partitions
DROP TABLE pr;
SELECT c.relname FROM pg_class c WHERE c.relname LIKE 'pr%' ORDER BY 1;

-- LIST, with a NULL among the values and a DEFAULT partition
CREATE TABLE pl (id int, region text, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE pl_eu PARTITION OF pl FOR VALUES IN ('de', 'fr');
CREATE TABLE pl_us PARTITION OF pl FOR VALUES IN ('us');
CREATE TABLE pl_bad PARTITION OF pl FOR VALUES IN ('it', 'fr');
CREATE TABLE pl_bad PARTITION OF pl FOR VALUES FROM ('a') TO ('b');
INSERT INTO pl VALUES (1, 'de'), (2, 'fr'), (3, 'us');
INSERT INTO pl VALUES (4, 'it');
CREATE TABLE pl_other PARTITION OF pl DEFAULT;
INSERT INTO pl VALUES (4, 'it');
SELECT * FROM pl_other;
CREATE TABLE pl_default2 PARTITION OF pl DEFAULT;
-- a new partition for rows the default holds is refused
CREATE TABLE pl_it PARTITION OF pl FOR VALUES IN ('it');
CREATE TABLE pl_es PARTITION OF pl FOR VALUES IN ('es');
INSERT INTO pl VALUES (5, 'es'), (6, 'pt');
SELECT * FROM pl_es;
SELECT * FROM pl_other ORDER BY id;
SELECT * FROM pl ORDER BY id;
-- ON CONFLICT on the parent
INSERT INTO pl VALUES (1, 'de') ON CONFLICT DO NOTHING;
INSERT INTO pl VALUES (1, 'de') ON CONFLICT (id, region) DO UPDATE SET id = 11 RETURNING *;
SELECT * FROM pl_eu ORDER BY id;
INSERT INTO pl VALUES (1, 'fr');
INSERT INTO pl VALUES (1, 'fr');
-- a write through the default partition stays out of the others
INSERT INTO pl_other VALUES (7, 'de');
INSERT INTO pl_other VALUES (7, 'nl');
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
  WHERE c.relname LIKE 'pl%' AND c.relkind = 'r' ORDER BY 1;
SELECT partstrat, partdefid::regclass::text FROM pg_partitioned_table;
SELECT pg_get_partkeydef('pl'::regclass);
SELECT pg_get_partition_constraintdef('pl_eu'::regclass);
DROP TABLE pl_other;
INSERT INTO pl VALUES (8, 'nl');
SELECT * FROM pl ORDER BY id;
CREATE TABLE pn (a int, b int) PARTITION BY LIST (b);
CREATE TABLE pn_null PARTITION OF pn FOR VALUES IN (NULL, 1);
CREATE TABLE pn_two PARTITION OF pn FOR VALUES IN (2);
INSERT INTO pn VALUES (1, NULL), (2, 1), (3, 2);
INSERT INTO pn VALUES (4, 3);
SELECT * FROM pn_null ORDER BY a;
SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'pn_null';
SELECT pg_get_partition_constraintdef('pn_null'::regclass);
CREATE TABLE pn_bad PARTITION OF pn FOR VALUES IN (NULL);

-- key checks
CREATE TABLE pk_bad (a int PRIMARY KEY, b int) PARTITION BY RANGE (b);
CREATE TABLE pk_bad (a int, b int, UNIQUE (a)) PARTITION BY LIST (b);
CREATE TABLE pk_bad (a int, b int) PARTITION BY LIST (a, b);
CREATE TABLE pk_bad (a int) PARTITION BY RANGE (c);
CREATE TABLE pk_ok (a int, b bigint, PRIMARY KEY (a, b)) PARTITION BY RANGE (b);
CREATE TABLE pk_ok1 PARTITION OF pk_ok FOR VALUES FROM (1) TO (100);
CREATE TABLE pk_ok2 PARTITION OF pk_ok FOR VALUES FROM (-100) TO (1);
SELECT relname, relkind, pg_get_expr(relpartbound, oid) FROM pg_class
  WHERE relname LIKE 'pk_ok%' AND relkind <> 'i' ORDER BY 1;
SELECT relname FROM pg_class WHERE relname LIKE 'pk_ok%' AND relkind = 'i' ORDER BY 1;
SELECT pg_get_partition_constraintdef('pk_ok1'::regclass);
SELECT pg_get_partkeydef('pk_ok'::regclass);
-- keys added later must include the partition key too; the table is rebuilt under its views
CREATE TABLE pk_alt (a int NOT NULL, b int NOT NULL, c text) PARTITION BY LIST (b);
CREATE TABLE pk_alt1 PARTITION OF pk_alt FOR VALUES IN (1, 2);
CREATE TABLE pk_altd PARTITION OF pk_alt DEFAULT;
INSERT INTO pk_alt VALUES (1, 1, 'x'), (2, 5, 'y');
ALTER TABLE pk_alt ADD PRIMARY KEY (a);
ALTER TABLE pk_alt ADD CONSTRAINT pk_alt_u UNIQUE (c);
CREATE UNIQUE INDEX pk_alt_ui ON pk_alt (c);
CREATE UNIQUE INDEX pk_alt_ui ON pk_alt (c, b);
ALTER TABLE pk_alt ADD PRIMARY KEY (a, b);
INSERT INTO pk_alt VALUES (1, 1, 'z');
ALTER TABLE pk_alt ADD CONSTRAINT pk_alt_c CHECK (a > 0);
INSERT INTO pk_alt VALUES (-1, 1, 'z');
ALTER TABLE pk_alt DROP COLUMN c;
SELECT * FROM pk_alt1 ORDER BY a;
SELECT * FROM pk_altd ORDER BY a;
INSERT INTO pk_alt1 VALUES (3, 2) RETURNING *;
SELECT relname, relkind FROM pg_class WHERE relname LIKE 'pk_alt%' AND relkind <> 'i'
  ORDER BY 1;

-- dates and text keys
CREATE TABLE pd (id int, d date) PARTITION BY RANGE (d);
CREATE TABLE pd_2025 PARTITION OF pd FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE pd_2026 PARTITION OF pd FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO pd VALUES (1, '2025-06-01'), (2, '2026-01-01'), (3, '2026-12-31');
INSERT INTO pd VALUES (4, '2024-12-31');
SELECT * FROM pd_2026 ORDER BY id;
SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'pd_2025';
SELECT pg_get_partition_constraintdef('pd_2025'::regclass);
CREATE TABLE pt (id int, name text) PARTITION BY RANGE (name);
CREATE TABLE pt_am PARTITION OF pt FOR VALUES FROM ('a') TO ('n');
CREATE TABLE pt_nz PARTITION OF pt FOR VALUES FROM ('n') TO ('zzz');
INSERT INTO pt VALUES (1, 'alice'), (2, 'nora'), (3, 'mallory');
INSERT INTO pt VALUES (4, 'Zed');
SELECT * FROM pt_am ORDER BY id;
SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'pt_am';
