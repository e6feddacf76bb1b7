-- Range partitioning by date, timestamp and timestamptz keys, and uuid keys
-- (docs/sql-compat.md, "Partitioned tables"): bounds compare as the type's values (a
-- timestamptz bound given in another zone, 'infinity'), rows go where their key falls, and
-- pg_get_expr prints the bounds as PostgreSQL does (a timestamptz in the session's zone).
CREATE TABLE ev (id int, created_at timestamptz NOT NULL, v text) PARTITION BY RANGE (created_at);
CREATE TABLE ev_old PARTITION OF ev FOR VALUES FROM ('-infinity') TO ('2026-01-01');
CREATE TABLE ev_2026_01 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
-- the upper bound given in another zone is 2026-03-01 00:00 UTC
CREATE TABLE ev_2026_02 PARTITION OF ev FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 01:00:00+01');
CREATE TABLE ev_later PARTITION OF ev FOR VALUES FROM ('2026-03-01') TO ('infinity');
INSERT INTO ev VALUES (1, '2026-01-31 23:59:59.999999+00', 'a'), (2, '2026-02-01 00:00:00+00', 'b'),
  (3, '2026-02-01 01:00:00+01', 'c'), (4, '2026-01-01 00:30:00+01', 'd'), (5, '-infinity', 'e'),
  (6, '2026-02-28 23:59:59', 'f'), (7, '2026-03-01', 'g'), (8, '2400-01-01', 'h');
-- 'infinity' is the upper bound of the last partition, which does not take it
INSERT INTO ev VALUES (9, 'infinity', 'i');
SELECT id, created_at FROM ev_old ORDER BY id;
SELECT id, created_at FROM ev_2026_01 ORDER BY id;
SELECT id, created_at FROM ev_2026_02 ORDER BY id;
SELECT id, created_at FROM ev_later ORDER BY id;
SELECT count(*) FROM ev WHERE created_at >= '2026-02-01';
-- overlapping and empty bounds, as the type compares them
CREATE TABLE ev_bad PARTITION OF ev FOR VALUES FROM ('2026-01-15') TO ('2026-01-20');
CREATE TABLE ev_bad PARTITION OF ev FOR VALUES FROM ('2025-12-31 23:00:00-02') TO ('2026-01-02');
CREATE TABLE ev_bad PARTITION OF ev FOR VALUES FROM ('2027-05-01 02:00:00+02') TO ('2027-05-01 00:00:00+00');
-- writes through a partition are held to its bound
INSERT INTO ev_2026_01 VALUES (10, '2026-02-01', 'x');
INSERT INTO ev_2026_01 VALUES (10, '2026-01-15 12:00:00+05', 'x');
UPDATE ev SET created_at = '2026-03-15' WHERE id = 10;
SELECT id, created_at FROM ev_later ORDER BY id;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
  WHERE c.relispartition AND c.relname LIKE 'ev%' ORDER BY c.relname;
SELECT pg_get_partkeydef('ev'::regclass);
-- in another session zone: rows and new bounds read in it
SET TimeZone = 'Europe/Berlin';
INSERT INTO ev VALUES (11, '2026-02-01 00:30:00', 'j');
SELECT id, created_at FROM ev_2026_01 ORDER BY id;
CREATE TABLE ev_2027 PARTITION OF ev FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
RESET TimeZone;
SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname = 'ev_2027';
DROP TABLE ev_2027;
-- a DEFAULT partition takes what no bound does
CREATE TABLE ev_def PARTITION OF ev DEFAULT;
INSERT INTO ev VALUES (12, 'infinity', 'k');
SELECT id, created_at FROM ev_def ORDER BY id;
CREATE TABLE ev_bad PARTITION OF ev FOR VALUES FROM ('infinity') TO (MAXVALUE);
DROP TABLE ev;

-- timestamp without time zone, with MINVALUE and MAXVALUE
CREATE TABLE log (ts timestamp, msg text) PARTITION BY RANGE (ts);
CREATE TABLE log_a PARTITION OF log FOR VALUES FROM (MINVALUE) TO ('2026-06-01 12:00');
CREATE TABLE log_b PARTITION OF log FOR VALUES FROM ('2026-06-01 12:00') TO (MAXVALUE);
INSERT INTO log VALUES ('2026-06-01 11:59:59.5', 'a'), ('2026-06-01 12:00', 'b'), ('infinity', 'c'),
  ('-infinity', 'd'), ('1999-12-31', 'e');
INSERT INTO log VALUES (NULL, 'null key');
SELECT * FROM log_a ORDER BY ts;
SELECT * FROM log_b ORDER BY ts;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
  WHERE c.relispartition AND c.relname LIKE 'log%' ORDER BY c.relname;
CREATE TABLE log_bad PARTITION OF log FOR VALUES FROM ('2026-05-01') TO ('2026-07-01');
INSERT INTO log VALUES ('0044-03-15 BC', 'bc');
INSERT INTO log VALUES ('10000-01-01', 'far');
CREATE TABLE log_far PARTITION OF log FOR VALUES FROM ('0100-01-01 BC') TO ('0001-01-01');
DROP TABLE log;

-- date keys, monthly partitions
CREATE TABLE sales (d date NOT NULL, amount int) PARTITION BY RANGE (d);
CREATE TABLE sales_q1 PARTITION OF sales FOR VALUES FROM ('2026-01-01') TO ('2026-04-01');
CREATE TABLE sales_q2 PARTITION OF sales FOR VALUES FROM ('2026-04-01') TO ('2026-07-01');
INSERT INTO sales VALUES ('2026-03-31', 1), ('2026-04-01', 2), ('2026-06-30', 3);
INSERT INTO sales VALUES ('2026-07-01', 4);
SELECT * FROM sales_q1 ORDER BY d;
SELECT * FROM sales_q2 ORDER BY d;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
  WHERE c.relispartition AND c.relname LIKE 'sales%' ORDER BY c.relname;
DROP TABLE sales;

-- uuid keys, LIST and RANGE
CREATE TABLE tu (id uuid PRIMARY KEY, v int) PARTITION BY RANGE (id);
CREATE TABLE tu_lo PARTITION OF tu FOR VALUES FROM (MINVALUE) TO ('80000000-0000-0000-0000-000000000000');
CREATE TABLE tu_hi PARTITION OF tu FOR VALUES FROM ('80000000-0000-0000-0000-000000000000') TO (MAXVALUE);
INSERT INTO tu VALUES ('7FFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', 1), ('80000000-0000-0000-0000-000000000000', 2),
  ('{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', 3), ('00000000-0000-0000-0000-000000000001', 4);
SELECT * FROM tu_lo ORDER BY id;
SELECT * FROM tu_hi ORDER BY id;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
  WHERE c.relispartition AND c.relkind = 'r' AND c.relname LIKE 'tu%' ORDER BY c.relname;
DROP TABLE tu;
CREATE TABLE tl (id uuid, v int) PARTITION BY LIST (id);
CREATE TABLE tl_a PARTITION OF tl FOR VALUES IN ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL);
INSERT INTO tl VALUES ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 1), (NULL, 2);
INSERT INTO tl VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', 3);
SELECT * FROM tl_a ORDER BY v;
SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname = 'tl_a';
DROP TABLE tl;
-- a timestamptz bound is printed in the zone of the session that reads it
CREATE TABLE tz (c timestamptz) PARTITION BY RANGE (c);
CREATE TABLE tz1 PARTITION OF tz FOR VALUES FROM ('2026-01-01') TO ('2026-07-01 00:00:00+02');
SET TimeZone = 'America/New_York';
SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE c.relname = 'tz1';
SELECT pg_get_partition_constraintdef('tz1'::regclass);
INSERT INTO tz VALUES ('2026-06-30 17:59:59'), ('2025-12-31 19:00:00');
INSERT INTO tz VALUES ('2026-06-30 18:00:00');
SELECT c FROM tz1 ORDER BY c;
RESET TimeZone;
SELECT c FROM tz1 ORDER BY c;
-- the key's other rows: ALTER TABLE keeps the routing and the year check
ALTER TABLE tz ADD COLUMN n int;
INSERT INTO tz VALUES ('2026-07-01', 1);
UPDATE tz SET c = '0001-01-01 BC' WHERE c = '2026-01-01';
DROP TABLE tz;
