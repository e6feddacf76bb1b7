-- Partition keys of several columns (docs/sql-compat.md, "Partitioned tables"): HASH combines
-- the columns' hashes (hash_combine64, a NULL column left out); RANGE compares the key's row
-- value with the bounds column by column, MINVALUE / MAXVALUE per column; the catalog's texts.
CREATE TABLE mh (a int, b text, v int) PARTITION BY HASH (a, b);
CREATE TABLE mh0 PARTITION OF mh FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE mh1 PARTITION OF mh FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE mh2 PARTITION OF mh FOR VALUES WITH (MODULUS 4, REMAINDER 2);
INSERT INTO mh VALUES (1, 'a', 1), (1, 'b', 2), (2, 'a', 3), (NULL, 'a', 4), (1, NULL, 5),
  (NULL, NULL, 6);
-- detail
INSERT INTO mh VALUES (7, 'zz', 7);
CREATE TABLE mh3 PARTITION OF mh FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO mh SELECT g % 7, 'k' || (g % 5), g FROM generate_series(10, 60) g;
SELECT tableoid::regclass::text AS part, a, b, v FROM mh ORDER BY v;
SELECT a, b FROM mh3 ORDER BY v;
-- detail
INSERT INTO mh3 VALUES (1, 'a', 100);
UPDATE mh SET b = 'moved' WHERE v = 1;
SELECT tableoid::regclass::text AS part, a, b FROM mh WHERE v = 1;
SELECT pg_get_partkeydef('mh'::regclass);
SELECT replace(pg_get_partition_constraintdef('mh1'::regclass), 'mh'::regclass::oid::text, 'X');
SELECT partstrat, partnatts, partattrs::text, partclass::text, partcollation::text
  FROM pg_partitioned_table WHERE partrelid = 'mh'::regclass;
-- RANGE of two columns
CREATE TABLE mr (a int, b text, v int) PARTITION BY RANGE (a, b);
CREATE TABLE mr_1am PARTITION OF mr FOR VALUES FROM (1, 'a') TO (1, 'm');
CREATE TABLE mr_1mz PARTITION OF mr FOR VALUES FROM (1, 'm') TO (1, MAXVALUE);
CREATE TABLE mr_2 PARTITION OF mr FOR VALUES FROM (2, MINVALUE) TO (3, MINVALUE);
CREATE TABLE mr_lo PARTITION OF mr FOR VALUES FROM (MINVALUE, MINVALUE) TO (1, 'a');
CREATE TABLE mr_hi PARTITION OF mr FOR VALUES FROM (3, 'x') TO (MAXVALUE, MAXVALUE);
INSERT INTO mr VALUES (1, 'a', 1), (1, 'l', 2), (1, 'm', 3), (1, 'zzz', 4), (2, '', 5),
  (2, 'q', 6), (0, 'z', 7), (1, '', 8), (3, 'x', 9), (100, 'a', 10);
-- detail
INSERT INTO mr VALUES (3, 'a', 11);
-- detail
INSERT INTO mr VALUES (NULL, 'a', 12);
-- detail
INSERT INTO mr VALUES (1, NULL, 13);
SELECT tableoid::regclass::text AS part, a, b, v FROM mr ORDER BY v;
SELECT v FROM mr_1am ORDER BY v;
SELECT v FROM mr_2 ORDER BY v;
-- detail
INSERT INTO mr_1am VALUES (1, 'm', 14);
UPDATE mr SET b = 'n' WHERE v = 2;
SELECT tableoid::regclass::text AS part, a, b FROM mr WHERE v = 2;
-- overlapping and empty bounds
-- detail
CREATE TABLE mr_bad PARTITION OF mr FOR VALUES FROM (1, 'l') TO (1, 'n');
-- detail
CREATE TABLE mr_bad PARTITION OF mr FOR VALUES FROM (0, 'a') TO (2, 'a');
-- detail
CREATE TABLE mr_bad PARTITION OF mr FOR VALUES FROM (3, 'a') TO (3, 'a');
-- detail
CREATE TABLE mr_bad PARTITION OF mr FOR VALUES FROM (3, 'b') TO (3, 'a');
-- detail
CREATE TABLE mr_bad PARTITION OF mr FOR VALUES FROM (3, MAXVALUE) TO (4, 'a');
CREATE TABLE mr_bad PARTITION OF mr FOR VALUES FROM (3, MINVALUE) TO (3, 'b');
CREATE TABLE mr_bad2 PARTITION OF mr FOR VALUES FROM (3, 'b') TO (3, 'x');
CREATE TABLE mr_bad3 PARTITION OF mr FOR VALUES FROM (MINVALUE, 'a') TO (1, 'a');
CREATE TABLE mr_bad3 PARTITION OF mr FOR VALUES FROM (1) TO (2);
CREATE TABLE mr_bad3 PARTITION OF mr FOR VALUES FROM (1, 'a', 3) TO (2, 'a', 3);
CREATE TABLE mr_bad3 PARTITION OF mr FOR VALUES FROM (1, NULL) TO (2, 'a');
INSERT INTO mr VALUES (3, 'a', 11);
SELECT tableoid::regclass::text AS part, v FROM mr WHERE a = 3 ORDER BY v;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
  WHERE c.relname LIKE 'mr%' ORDER BY 1;
SELECT pg_get_partkeydef('mr'::regclass);
SELECT partstrat, partnatts, partattrs::text, partclass::text, partcollation::text
  FROM pg_partitioned_table WHERE partrelid = 'mr'::regclass;
-- a DEFAULT partition takes what the others do not, NULL keys too
CREATE TABLE mr_def PARTITION OF mr DEFAULT;
INSERT INTO mr VALUES (NULL, 'a', 12), (1, NULL, 13), (5, 'a', 15);
SELECT tableoid::regclass::text AS part, v FROM mr WHERE v >= 12 ORDER BY v;
-- detail
CREATE TABLE mr_5 PARTITION OF mr FOR VALUES FROM (4, 'a') TO (6, 'a');
-- keys must include every key column; no key column may be dropped
CREATE TABLE mu (a int, b int, UNIQUE (a)) PARTITION BY RANGE (a, b);
CREATE TABLE mu (a int, b int, PRIMARY KEY (a, b)) PARTITION BY RANGE (a, b);
CREATE UNIQUE INDEX ON mu (b);
ALTER TABLE mu DROP COLUMN b;
ALTER TABLE mu ALTER COLUMN a TYPE bigint;
CREATE TABLE mu1 PARTITION OF mu FOR VALUES FROM (1, 1) TO (1, 10);
INSERT INTO mu VALUES (1, 5) ON CONFLICT (a, b) DO NOTHING;
INSERT INTO mu VALUES (1, 5) ON CONFLICT (a, b) DO NOTHING;
SELECT tableoid::regclass::text, a, b FROM mu;
-- DETACH and ATTACH a partition of a two-column range
ALTER TABLE mr DETACH PARTITION mr_2;
SELECT a, b, v FROM mr_2 ORDER BY v;
ALTER TABLE mr ATTACH PARTITION mr_2 FOR VALUES FROM (2, MINVALUE) TO (3, MINVALUE);
SELECT tableoid::regclass::text AS part, v FROM mr WHERE a = 2 ORDER BY v;
DROP TABLE mr;
DROP TABLE mh;
-- the partition constraint of a range of several columns, as PostgreSQL prints it
CREATE TABLE m3 (a int, b text, c int) PARTITION BY RANGE (a, b, c);
CREATE TABLE m3_1 PARTITION OF m3 FOR VALUES FROM (1, 'a', 1) TO (1, 'm', 5);
CREATE TABLE m3_2 PARTITION OF m3 FOR VALUES FROM (2, MINVALUE, MINVALUE) TO (3, MINVALUE, MINVALUE);
CREATE TABLE m3_3 PARTITION OF m3 FOR VALUES FROM (3, 'a', 1) TO (4, 'b', 2);
CREATE TABLE m3_4 PARTITION OF m3 FOR VALUES FROM (MINVALUE, MINVALUE, MINVALUE) TO (1, 'a', 1);
CREATE TABLE m3_5 PARTITION OF m3 FOR VALUES FROM (5, 'x', MAXVALUE) TO (MAXVALUE, MAXVALUE, MAXVALUE);
CREATE TABLE m3_6 PARTITION OF m3 FOR VALUES FROM (4, 'c', 1) TO (4, 'c', 9);
CREATE TABLE m3_7 PARTITION OF m3 FOR VALUES FROM (4, 'c', 9) TO (4, 'd', MINVALUE);
SELECT relname, pg_get_partition_constraintdef(oid) FROM pg_class
  WHERE relname LIKE 'm3\_%' ORDER BY 1;
INSERT INTO m3 VALUES (1, 'a', 1), (1, 'l', 99), (2, 'zz', -5), (3, 'a', 1), (3, 'a', 0),
  (4, 'b', 1), (4, 'c', 5), (4, 'c', 9), (4, 'c', 100), (5, 'x', 1), (5, 'y', 1), (0, 'q', 0);
SELECT tableoid::regclass::text AS part, a, b, c FROM m3 ORDER BY a, b, c;
-- detail
INSERT INTO m3 VALUES (4, 'd', 1);
-- a date or timestamp column in a range key of several columns: held to years 1 to 9999
CREATE TABLE md (region text, day date, v int) PARTITION BY RANGE (region, day);
CREATE TABLE md_eu_q1 PARTITION OF md FOR VALUES FROM ('eu', '2026-01-01') TO ('eu', '2026-04-01');
CREATE TABLE md_eu_rest PARTITION OF md FOR VALUES FROM ('eu', '2026-04-01') TO ('eu', MAXVALUE);
CREATE TABLE md_us PARTITION OF md FOR VALUES FROM ('us', MINVALUE) TO ('us', MAXVALUE);
INSERT INTO md VALUES ('eu', '2026-01-01', 1), ('eu', '2026-03-31', 2), ('eu', '2026-04-01', 3),
  ('eu', 'infinity', 4), ('us', '-infinity', 5), ('us', '2026-06-01', 6);
-- detail
INSERT INTO md VALUES ('eu', '2025-12-31', 7);
SELECT tableoid::regclass::text AS part, region, day, v FROM md ORDER BY v;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid), pg_get_partition_constraintdef(c.oid)
  FROM pg_class c WHERE c.relname LIKE 'md\_%' ORDER BY 1;
INSERT INTO md VALUES ('us', '0044-03-15 BC', 8);
CREATE TABLE md_old PARTITION OF md FOR VALUES FROM ('aa', '0044-03-15 BC') TO ('aa', '2000-01-01');
CREATE TABLE mt (k int, at timestamp) PARTITION BY RANGE (k, at);
CREATE TABLE mt1 PARTITION OF mt FOR VALUES FROM (1, '2026-01-01 00:00') TO (1, '2026-01-02 00:00');
INSERT INTO mt VALUES (1, '2026-01-01 12:00');
-- detail
INSERT INTO mt VALUES (1, '2026-01-02 00:00');
SELECT tableoid::regclass::text, k, at FROM mt;
-- a timestamptz column: its bounds printed in the session's zone
CREATE TABLE mz (k int, at timestamptz, note text) PARTITION BY RANGE (k, note, at);
CREATE TABLE mz1 PARTITION OF mz FOR VALUES FROM (1, 'it''s', '2026-03-01 00:00+01')
  TO (1, 'it''s', '2026-03-02 00:00+01');
CREATE TABLE mz2 PARTITION OF mz FOR VALUES FROM (1, 'it''s', '2026-03-02 00:00+01')
  TO (2, MINVALUE, MINVALUE);
INSERT INTO mz VALUES (1, '2026-03-01 12:00+00', 'it''s'), (1, '2026-02-28 23:30+00', 'it''s'),
  (1, '2026-03-01 23:30+00', 'it''s'), (1, '2026-03-01 22:59+00', 'it''s');
SELECT tableoid::regclass::text, k, at FROM mz ORDER BY at;
SET TimeZone = 'America/New_York';
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid), pg_get_partition_constraintdef(c.oid)
  FROM pg_class c WHERE c.relname LIKE 'mz_' ORDER BY 1;
-- detail
INSERT INTO mz VALUES (1, '2026-02-28 12:00+00', 'it''s');
RESET TimeZone;
