-- What partitions inherit, at every level of sub-partitioning (docs/sql-compat.md,
-- "Partitioned tables"): the copies of the partitioned table's keys, indexes, foreign keys
-- and row triggers on a partitioned partition and on its partitions in turn.
CREATE TABLE pk (a int, b text, v int, PRIMARY KEY (a, b)) PARTITION BY RANGE (a);
CREATE TABLE pk1 PARTITION OF pk FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
CREATE TABLE pk1x PARTITION OF pk1 FOR VALUES IN ('x');
CREATE INDEX ON pk (v);
INSERT INTO pk VALUES (1, 'x', 1);
INSERT INTO pk VALUES (1, 'x', 2);
INSERT INTO pk VALUES (1, 'x', 2) ON CONFLICT (a, b) DO UPDATE SET v = 9;
SELECT * FROM pk;
UPDATE pk1x SET b = 'y';
UPDATE pk1 SET b = 'y';
UPDATE pk1x SET a = 12;
SELECT c.relname, c.relkind FROM pg_class c WHERE c.relname LIKE 'pk%' ORDER BY 1;
SELECT indexrelid::regclass::text, indrelid::regclass::text FROM pg_index
 WHERE indrelid::regclass::text LIKE 'pk%' ORDER BY 1;
SELECT c.relname, p.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  JOIN pg_class p ON p.oid = i.inhparent WHERE c.relname LIKE 'pk%' ORDER BY 1;
SELECT conname, conrelid::regclass::text, contype FROM pg_constraint
 WHERE conrelid::regclass::text LIKE 'pk%' ORDER BY 1, 2;
DROP TABLE pk;

CREATE TABLE rf (id int PRIMARY KEY);
INSERT INTO rf VALUES (1);
CREATE TABLE tg (a int, b text, r int REFERENCES rf) PARTITION BY RANGE (a);
CREATE TABLE tg1 PARTITION OF tg FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
CREATE TABLE tg1x PARTITION OF tg1 FOR VALUES IN ('x');
CREATE FUNCTION tgf() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tglog VALUES (TG_TABLE_NAME, NEW.a);
  RETURN NEW;
END $$;
CREATE TABLE tglog (t text, a int);
CREATE TRIGGER tgt BEFORE INSERT ON tg FOR EACH ROW EXECUTE FUNCTION tgf();
INSERT INTO tg VALUES (1, 'x', 1);
INSERT INTO tg VALUES (2, 'x', 5);
SELECT * FROM tglog;
SELECT conname, conrelid::regclass::text, contype, conparentid <> 0 FROM pg_constraint
 WHERE conrelid::regclass::text LIKE 'tg%' ORDER BY 1, 2;
SELECT tgname, tgrelid::regclass::text, tgparentid <> 0 FROM pg_trigger
 WHERE tgrelid::regclass::text LIKE 'tg%' AND tgname NOT LIKE 'RI%' ORDER BY 1, 2;
DROP TABLE tg;
DROP TABLE rf;
DROP TABLE tglog;
DROP FUNCTION tgf();

-- a key of the partitioned table must include every partitioned partition's key
CREATE TABLE pw (a int NOT NULL, b text NOT NULL, v int) PARTITION BY RANGE (a);
CREATE TABLE pw1 PARTITION OF pw FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
CREATE TABLE pw1x PARTITION OF pw1 FOR VALUES IN ('x');
-- detail
ALTER TABLE pw ADD PRIMARY KEY (a);
-- detail
ALTER TABLE pw ADD CONSTRAINT pw_u UNIQUE (a, v);
SELECT conname FROM pg_constraint WHERE conrelid = 'pw'::regclass ORDER BY 1;
ALTER TABLE pw ADD PRIMARY KEY (a, b);
SELECT conname, conrelid::regclass::text FROM pg_constraint WHERE conname LIKE 'pw%' ORDER BY 1;
INSERT INTO pw VALUES (1, 'x', 1);
DROP TABLE pw;

-- a partition's columns are the partitioned table's at the top (NOT NULL, defaults), also
-- under a DEFAULT partition made again after its partitions
CREATE TABLE pn (t text NOT NULL, d int NOT NULL DEFAULT 7, n int) PARTITION BY LIST (t);
CREATE TABLE pn_rest PARTITION OF pn DEFAULT PARTITION BY HASH (d);
CREATE TABLE pn_rest0 PARTITION OF pn_rest FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE pn_a PARTITION OF pn FOR VALUES IN ('a');
SELECT c.relname, a.attname, a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE c.relname LIKE 'pn%' AND a.attnum > 0 ORDER BY 1, 2;
DROP TABLE pn;

-- CREATE UNIQUE INDEX on the partitioned table: every partitioned partition's key in it too
CREATE TABLE ks (a int, b text, v int) PARTITION BY RANGE (a);
CREATE TABLE ks1 PARTITION OF ks FOR VALUES FROM (0) TO (10) PARTITION BY LIST (b);
CREATE TABLE ks1x PARTITION OF ks1 FOR VALUES IN ('x');
-- detail
CREATE UNIQUE INDEX ON ks (a);
-- detail
CREATE UNIQUE INDEX ks_u ON ks (a, v);
CREATE UNIQUE INDEX ON ks (a, b);
CREATE UNIQUE INDEX IF NOT EXISTS ks_ab ON ks (b, a);
CREATE UNIQUE INDEX IF NOT EXISTS ks_ab ON ks (b, a);
CREATE INDEX ON ks (v);
SELECT indexrelid::regclass::text, indrelid::regclass::text, indisunique FROM pg_index WHERE indrelid::regclass::text LIKE 'ks%' ORDER BY 1;
INSERT INTO ks VALUES (1, 'x', 1);
INSERT INTO ks VALUES (1, 'x', 2);
DROP TABLE ks;
CREATE TABLE kt (a int, b text) PARTITION BY RANGE (a);
CREATE UNIQUE INDEX ON kt (a);
CREATE TABLE kt1 PARTITION OF kt FOR VALUES FROM (0) TO (10);
SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid::regclass::text LIKE 'kt%' ORDER BY 1;
DROP TABLE kt;
