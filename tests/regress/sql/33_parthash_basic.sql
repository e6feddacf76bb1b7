-- HASH partitioning (docs/sql-compat.md, "Partitioned tables"): a row lands in the partition
-- PostgreSQL's partition hash puts it in (hashint4extended, hashtextextended, ... seeded with
-- HASH_PARTITION_SEED); modulus and remainder checks (42P16, 42P17); no DEFAULT partition;
-- the catalog's texts (pg_get_expr, pg_get_partkeydef, pg_get_partition_constraintdef).
CREATE TABLE hi (id int, k int, v text) PARTITION BY HASH (k);
-- no partition yet: every row is refused
-- detail
INSERT INTO hi VALUES (0, 1, 'none');
CREATE TABLE hi0 PARTITION OF hi FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE hi1 PARTITION OF hi FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE hi2 PARTITION OF hi FOR VALUES WITH (MODULUS 4, REMAINDER 2);
-- a row whose remainder has no partition yet
-- detail
INSERT INTO hi VALUES (4, 4, 'r3');
CREATE TABLE hi3 PARTITION OF hi FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO hi SELECT g, g - 5, 'v' || g FROM generate_series(1, 40) g;
INSERT INTO hi VALUES (41, NULL, 'null key');
SELECT tableoid::regclass::text AS part, k FROM hi ORDER BY k NULLS FIRST;
SELECT k FROM hi0 ORDER BY k NULLS FIRST;
SELECT k FROM hi1 ORDER BY k;
SELECT k FROM hi2 ORDER BY k;
SELECT k FROM hi3 ORDER BY k;
SELECT count(*) FROM hi;
-- writes through a partition stay inside its bound
INSERT INTO hi0 VALUES (50, 0, 'ok');
-- detail
INSERT INTO hi0 VALUES (51, 3, 'not here');
UPDATE hi1 SET v = 'upd' WHERE k = 3;
-- detail
UPDATE hi1 SET k = k + 1 WHERE k = 3;
DELETE FROM hi2 WHERE k = 1;
-- an update of the key through the parent moves the row
UPDATE hi SET k = 1000 WHERE id = 10;
SELECT tableoid::regclass::text AS part, id, k FROM hi WHERE id = 10;
-- bounds PostgreSQL refuses
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES WITH (MODULUS 0, REMAINDER 0);
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES WITH (MODULUS 4, REMAINDER 4);
-- detail
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES WITH (MODULUS 3, REMAINDER 0);
-- detail
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES WITH (MODULUS 8, REMAINDER 1);
-- detail
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES WITH (MODULUS 2, REMAINDER 1);
-- detail
CREATE TABLE hi_bad PARTITION OF hi DEFAULT;
-- detail
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES IN (1);
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES FROM (1) TO (2);
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES WITH (MODULUS 4, REMAINDER -1);
CREATE TABLE hi_bad PARTITION OF hi FOR VALUES WITH (MODULUS 4);
CREATE TABLE lr (k int) PARTITION BY LIST (k);
-- detail
CREATE TABLE lr_bad PARTITION OF lr FOR VALUES WITH (MODULUS 2, REMAINDER 0);
-- the catalog
SELECT c.relname, c.relkind, c.relispartition, pg_get_expr(c.relpartbound, c.oid)
  FROM pg_class c WHERE c.relname LIKE 'hi%' ORDER BY 1;
SELECT partrelid::regclass::text, partstrat, partnatts, partattrs::text, partdefid,
       partclass::text, partcollation::text
  FROM pg_partitioned_table WHERE partrelid = 'hi'::regclass;
SELECT pg_get_partkeydef('hi'::regclass), pg_get_partkeydef('hi0'::regclass);
SELECT replace(pg_get_partition_constraintdef('hi2'::regclass), 'hi'::regclass::oid::text, 'X');
SELECT inhrelid::regclass::text, inhparent::regclass::text FROM pg_inherits
  WHERE inhparent = 'hi'::regclass ORDER BY 1;
-- moduli that divide each other: 2, then 4 and 8 splitting the other half
CREATE TABLE hm (k bigint) PARTITION BY HASH (k);
CREATE TABLE hm_2_0 PARTITION OF hm FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hm_4_1 PARTITION OF hm FOR VALUES WITH (MODULUS 4, REMAINDER 1);
-- detail
CREATE TABLE hm_bad PARTITION OF hm FOR VALUES WITH (MODULUS 8, REMAINDER 2);
-- detail
CREATE TABLE hm_bad PARTITION OF hm FOR VALUES WITH (MODULUS 6, REMAINDER 3);
-- detail
CREATE TABLE hm_bad PARTITION OF hm FOR VALUES WITH (MODULUS 1, REMAINDER 0);
CREATE TABLE hm_8_3 PARTITION OF hm FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE hm_8_7 PARTITION OF hm FOR VALUES WITH (MODULUS 8, REMAINDER 7);
INSERT INTO hm SELECT g * 1000000007 FROM generate_series(-20, 20) g;
SELECT tableoid::regclass::text AS part, count(*), min(k), max(k) FROM hm GROUP BY 1 ORDER BY 1;
-- text, varchar, uuid, date, timestamp, timestamptz, boolean, float keys
CREATE TABLE ht (k text) PARTITION BY HASH (k);
CREATE TABLE ht0 PARTITION OF ht FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE ht1 PARTITION OF ht FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE ht2 PARTITION OF ht FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO ht VALUES ('a'), ('b'), ('abc'), (''), ('héllo'), ('a somewhat longer text value'),
  ('München'), ('x'), ('y'), ('z'), (NULL);
SELECT tableoid::regclass::text AS part, k FROM ht ORDER BY k NULLS FIRST;
CREATE TABLE hv (k varchar(20)) PARTITION BY HASH (k);
CREATE TABLE hv0 PARTITION OF hv FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hv1 PARTITION OF hv FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hv VALUES ('a'), ('b'), ('c'), ('dd'), ('eee');
SELECT tableoid::regclass::text AS part, k FROM hv ORDER BY k;
CREATE TABLE hu (k uuid) PARTITION BY HASH (k);
CREATE TABLE hu0 PARTITION OF hu FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hu1 PARTITION OF hu FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hu VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
  ('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12'), ('00000000-0000-0000-0000-000000000000'),
  ('{ffffffff-ffff-ffff-ffff-ffffffffffff}'), ('12345678123456781234567812345678');
SELECT tableoid::regclass::text AS part, k FROM hu ORDER BY k;
CREATE TABLE hd (k date) PARTITION BY HASH (k);
CREATE TABLE hd0 PARTITION OF hd FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hd1 PARTITION OF hd FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hd VALUES ('2026-03-01'), ('2000-01-01'), ('1999-12-31'), ('infinity'),
  ('-infinity'), ('0044-03-15 BC'), ('2024-02-29');
SELECT tableoid::regclass::text AS part, k FROM hd ORDER BY k;
CREATE TABLE hts (k timestamp) PARTITION BY HASH (k);
CREATE TABLE hts0 PARTITION OF hts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hts1 PARTITION OF hts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hts VALUES ('2026-03-01 12:34:56.789'), ('2000-01-01'), ('1999-12-31 23:59:59.999999'),
  ('infinity'), ('-infinity'), ('2024-02-29 00:00:01');
SELECT tableoid::regclass::text AS part, k FROM hts ORDER BY k;
CREATE TABLE htz (k timestamptz) PARTITION BY HASH (k);
CREATE TABLE htz0 PARTITION OF htz FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE htz1 PARTITION OF htz FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO htz VALUES ('2026-03-01 12:34:56.789+01'), ('2000-01-01 00:00:00+00'),
  ('2026-07-01 08:00:00-07'), ('infinity'), ('2024-02-29 00:00:01+05:30');
SELECT tableoid::regclass::text AS part, k FROM htz ORDER BY k;
CREATE TABLE hb (k boolean) PARTITION BY HASH (k);
CREATE TABLE hb0 PARTITION OF hb FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hb1 PARTITION OF hb FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hb VALUES (true), (false), (NULL);
SELECT tableoid::regclass::text AS part, k FROM hb ORDER BY k NULLS FIRST;
CREATE TABLE hs (k smallint) PARTITION BY HASH (k);
CREATE TABLE hs0 PARTITION OF hs FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hs1 PARTITION OF hs FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hs VALUES (1), (2), (3), (-32768), (32767);
SELECT tableoid::regclass::text AS part, k FROM hs ORDER BY k;
CREATE TABLE hf (k double precision) PARTITION BY HASH (k);
CREATE TABLE hf0 PARTITION OF hf FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hf1 PARTITION OF hf FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hf VALUES (1.5), (0), ('NaN'), ('Infinity'), ('-Infinity'), (0.1), (1e300);
SELECT tableoid::regclass::text AS part, k FROM hf ORDER BY k;
CREATE TABLE hr (k real) PARTITION BY HASH (k);
CREATE TABLE hr0 PARTITION OF hr FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hr1 PARTITION OF hr FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hr VALUES (1.1), (-2.5), ('NaN'), (3.4e38), (0.1);
SELECT tableoid::regclass::text AS part, k FROM hr ORDER BY k;
-- differs: a numeric key is 0A000 (its hash_numeric_extended is not computed here)
CREATE TABLE hn (k numeric) PARTITION BY HASH (k);
-- ON CONFLICT on the parent, a primary key that includes the key
CREATE TABLE hk (k int PRIMARY KEY, v text) PARTITION BY HASH (k);
CREATE TABLE hk0 PARTITION OF hk FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hk1 PARTITION OF hk FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hk VALUES (1, 'a'), (2, 'b'), (3, 'c');
INSERT INTO hk VALUES (2, 'B') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
SELECT tableoid::regclass::text AS part, k, v FROM hk ORDER BY k;
-- DETACH and ATTACH again
CREATE TABLE hx (k int, v text) PARTITION BY HASH (k);
CREATE TABLE hx0 PARTITION OF hx FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hx1 PARTITION OF hx FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hx VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
ALTER TABLE hx DETACH PARTITION hx1;
SELECT k, v FROM hx1 ORDER BY k;
-- detail
INSERT INTO hx VALUES (5, 'e');
-- detail
ALTER TABLE hx ATTACH PARTITION hx1 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
INSERT INTO hx1 VALUES (4, 'wrong half');
-- detail
ALTER TABLE hx ATTACH PARTITION hx1 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
DELETE FROM hx1 WHERE k = 4;
ALTER TABLE hx ATTACH PARTITION hx1 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hx VALUES (5, 'e');
SELECT tableoid::regclass::text AS part, k, v FROM hx ORDER BY k;
SELECT tableoid::regclass::text AS part, k, v FROM hx0 ORDER BY k;
INSERT INTO hx VALUES (6, 'f') RETURNING tableoid::regclass::text, k;
SELECT h.tableoid::regclass::text, h.k FROM hx h WHERE h.k < 3 ORDER BY h.k;
TRUNCATE hk0;
SELECT k FROM hk ORDER BY k;
DROP TABLE hk1;
SELECT count(*) FROM hk;
-- detail
INSERT INTO hk VALUES (3, 'c');
DROP TABLE hk;
DROP TABLE hi;
SELECT count(*) FROM pg_class WHERE relname LIKE 'hi%';
