-- Partition keys of type bytea, time and character(n) (docs/sql-compat.md, "Partitioned
-- tables"): HASH by PostgreSQL's hashvarlenaextended, time_hash_extended and
-- hashbpcharextended (the text without its padding); LIST and RANGE by the stored values
-- (a character(n) key only LIST and HASH).
CREATE TABLE hy (k bytea) PARTITION BY HASH (k);
CREATE TABLE hy0 PARTITION OF hy FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hy1 PARTITION OF hy FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hy VALUES ('\x'), ('\x00'), ('\x0102'), ('abc'), ('\xdeadbeef'), ('0123456789abcdef');
SELECT tableoid::regclass::text AS part, k FROM hy ORDER BY k;
CREATE TABLE htm (k time) PARTITION BY HASH (k);
CREATE TABLE htm0 PARTITION OF htm FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE htm1 PARTITION OF htm FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO htm VALUES ('00:00'), ('12:34:56.5'), ('23:59:59.999999'), ('24:00'), ('08:15'),
  ('12:34:56.25');
SELECT tableoid::regclass::text AS part, k FROM htm ORDER BY k;
CREATE TABLE hc (k char(5)) PARTITION BY HASH (k);
CREATE TABLE hc0 PARTITION OF hc FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hc1 PARTITION OF hc FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hc VALUES ('ab'), ('ab   '), ('a'), ('abcde'), (''), ('x y');
SELECT tableoid::regclass::text AS part, k FROM hc ORDER BY k;
SELECT partclass::text, partcollation::text FROM pg_partitioned_table
  WHERE partrelid IN ('hy'::regclass, 'htm'::regclass, 'hc'::regclass) ORDER BY 1;
-- LIST and RANGE
CREATE TABLE ly (k bytea, v int) PARTITION BY LIST (k);
CREATE TABLE ly1 PARTITION OF ly FOR VALUES IN ('\x01', '\x0203');
CREATE TABLE ly2 PARTITION OF ly FOR VALUES IN ('abc', NULL);
INSERT INTO ly VALUES ('\x01', 1), ('\x0203', 2), ('abc', 3), (NULL, 4);
-- detail
INSERT INTO ly VALUES ('\x02', 5);
SELECT tableoid::regclass::text AS part, k, v FROM ly ORDER BY v;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid), pg_get_partition_constraintdef(c.oid)
  FROM pg_class c WHERE c.relname LIKE 'ly_' ORDER BY 1;
CREATE TABLE ry (k bytea) PARTITION BY RANGE (k);
CREATE TABLE ry1 PARTITION OF ry FOR VALUES FROM (MINVALUE) TO ('\x80');
CREATE TABLE ry2 PARTITION OF ry FOR VALUES FROM ('\x80') TO (MAXVALUE);
INSERT INTO ry VALUES ('\x'), ('\x7fff'), ('\x80'), ('\x8000'), ('\xff');
SELECT tableoid::regclass::text AS part, k FROM ry ORDER BY k;
-- detail
CREATE TABLE ry3 PARTITION OF ry FOR VALUES FROM ('\x7f') TO ('\x81');
CREATE TABLE rt (k time) PARTITION BY RANGE (k);
CREATE TABLE rt_am PARTITION OF rt FOR VALUES FROM ('00:00') TO ('12:00');
CREATE TABLE rt_pm PARTITION OF rt FOR VALUES FROM ('12:00') TO (MAXVALUE);
INSERT INTO rt VALUES ('00:00'), ('11:59:59.999999'), ('12:00'), ('12:00:00.5'), ('24:00'),
  ('09:30:00.25'), ('09:30:00.3');
SELECT tableoid::regclass::text AS part, k FROM rt ORDER BY k;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid), pg_get_partition_constraintdef(c.oid)
  FROM pg_class c WHERE c.relname LIKE 'rt\_%' ORDER BY 1;
CREATE TABLE lc (k char(3)) PARTITION BY LIST (k);
CREATE TABLE lc1 PARTITION OF lc FOR VALUES IN ('a', 'b  ');
INSERT INTO lc VALUES ('a'), ('a  '), ('b');
-- detail
INSERT INTO lc VALUES ('c');
SELECT tableoid::regclass::text AS part, k FROM lc ORDER BY k;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname = 'lc1';
-- differs: a character(n) RANGE key is 0A000 (its padded text does not order as PostgreSQL's)
CREATE TABLE rc (k char(3)) PARTITION BY RANGE (k);
-- the DETAIL of a row no partition takes prints the key as its type's output does
CREATE TABLE rz (k timestamptz, b boolean) PARTITION BY RANGE (k);
CREATE TABLE rz1 PARTITION OF rz FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
-- detail
INSERT INTO rz VALUES ('2026-03-01 12:00:00+02', true);
CREATE TABLE lb (b boolean, f float8) PARTITION BY LIST (b);
CREATE TABLE lb1 PARTITION OF lb FOR VALUES IN (true);
-- detail
INSERT INTO lb VALUES (false, 1.5);
CREATE TABLE mf (f float8, t text) PARTITION BY RANGE (f, t);
-- detail
INSERT INTO mf VALUES (1e100, NULL);
