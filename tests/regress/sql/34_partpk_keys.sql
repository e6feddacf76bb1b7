-- A partitioned table's indexes and keys on each partition (docs/sql-compat.md, "Partitioned
-- tables"): PostgreSQL makes a copy of each per partition (attached to it: pg_inherits, a
-- key's constraint with conparentid), or adopts an equal index the partition has; shown so
-- here (src/catalog/catalog_partinh.c), the file's one index over all rows doing the work.
CREATE TABLE m (id int, k int, v text, PRIMARY KEY (id, k)) PARTITION BY RANGE (k);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (0) TO (10);
CREATE INDEX m1_own ON m1 (v);
CREATE UNIQUE INDEX ON m (k, id);
CREATE INDEX ON m (lower(v)) WHERE v > 'a';
CREATE INDEX ON m (v);
ALTER TABLE m ADD CONSTRAINT uq UNIQUE (k, id);
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM (10) TO (20);
SELECT c.relname, c.relkind, c.relispartition, i.indisunique, i.indisprimary, i.indnatts,
       pg_get_indexdef(i.indexrelid), inh.inhparent::regclass AS parent, inh.inhseqno
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  LEFT JOIN pg_inherits inh ON inh.inhrelid = i.indexrelid
  WHERE i.indrelid IN ('m'::regclass, 'm1'::regclass, 'm2'::regclass) ORDER BY 1;
SELECT conname, conrelid::regclass, contype, conindid::regclass,
       (SELECT p.conname FROM pg_constraint p WHERE p.oid = c.conparentid) AS parent,
       conislocal, coninhcount, connoinherit, conkey
  FROM pg_constraint c WHERE conrelid IN ('m'::regclass, 'm1'::regclass, 'm2'::regclass)
  AND contype IN ('p', 'u') ORDER BY 1, conrelid::regclass::text;
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'm%' ORDER BY 2;
SELECT constraint_name, table_name, constraint_type FROM information_schema.table_constraints
  WHERE table_name LIKE 'm%' AND constraint_type <> 'CHECK' ORDER BY 1;
SELECT relname, relhasindex FROM pg_class WHERE relname IN ('m', 'm1', 'm2') ORDER BY 1;
-- the key holds across partitions (it includes the partition key); ON CONFLICT on it
INSERT INTO m VALUES (1, 1, 'a'), (1, 11, 'b');
INSERT INTO m VALUES (2, 2, 'c') ON CONFLICT (id, k) DO NOTHING;
INSERT INTO m VALUES (1, 1, 'z') ON CONFLICT (id, k) DO UPDATE SET v = excluded.v;
SELECT tableoid::regclass, * FROM m ORDER BY id, k;
-- a key without the partition key
CREATE TABLE bad (id int, k int, PRIMARY KEY (id)) PARTITION BY RANGE (k);
ALTER TABLE m ADD UNIQUE (v);
-- a partition's copy cannot be dropped on its own
DROP INDEX m1_pkey;
DROP INDEX m1_own;
DROP INDEX m2_v_idx;
-- pg_dump's restore: each partition's copy of a key, then ALTER INDEX ... ATTACH PARTITION
-- differs: the copy of the parent's key is there already; shardlite takes pg_dump's statement as a no-op
ALTER TABLE ONLY m1 ADD CONSTRAINT m1_pkey PRIMARY KEY (id, k);
-- differs: the copy of the parent's key is there already; shardlite takes pg_dump's statement as a no-op
ALTER TABLE ONLY m1 ADD CONSTRAINT m1_k_id_key UNIQUE (k, id);
ALTER TABLE ONLY m1 ADD CONSTRAINT other PRIMARY KEY (id, k);
ALTER INDEX m_pkey ATTACH PARTITION m1_pkey;
ALTER INDEX m_v_idx ATTACH PARTITION m1_own;
ALTER INDEX m_v_idx ATTACH PARTITION m1_pkey;
ALTER INDEX m_pkey ATTACH PARTITION nosuch;
-- a table attached later gets copies too; its own equal index is adopted
CREATE TABLE t (id int NOT NULL, k int NOT NULL, v text);
CREATE INDEX t_v ON t (v);
ALTER TABLE m ATTACH PARTITION t FOR VALUES FROM (20) TO (30);
SELECT c.relname, inh.inhparent::regclass FROM pg_inherits inh JOIN pg_class c
  ON c.oid = inh.inhrelid WHERE c.relname LIKE 't%' ORDER BY 1;
ALTER TABLE m DETACH PARTITION t;
-- differs: a detached partition keeps only the indexes it owns, not copies of the parent's
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 't'::regclass ORDER BY 1;
-- DROP INDEX of the parent's drops the copies
DROP INDEX m_v_idx;
-- differs: the partition's own index the parent's had adopted (m1_own) stays
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'm1'::regclass ORDER BY 1;
