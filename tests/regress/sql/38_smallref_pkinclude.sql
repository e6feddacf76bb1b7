-- PRIMARY KEY (cols) INCLUDE (cols): a unique index of the key columns named as the
-- constraint and marked as a primary key, its key columns NOT NULL (it was 0A000)
CREATE TABLE sr_pk (a int, b text, c int, PRIMARY KEY (a) INCLUDE (b, c));
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'sr_pk'::regclass;
SELECT pg_get_indexdef(indexrelid), indisprimary, indisunique, indnatts, indnkeyatts FROM pg_index WHERE indrelid = 'sr_pk'::regclass;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'sr_pk'::regclass AND attnum > 0 ORDER BY attnum;
SELECT column_name FROM information_schema.key_column_usage WHERE table_name = 'sr_pk';
INSERT INTO sr_pk VALUES (1, 'x', 1), (2, 'x', 1);
-- detail
INSERT INTO sr_pk VALUES (1, 'y', 2);
-- detail
INSERT INTO sr_pk VALUES (NULL, 'y', 2);
INSERT INTO sr_pk VALUES (1, 'z', 3) ON CONFLICT (a) DO UPDATE SET b = 'upd';
INSERT INTO sr_pk VALUES (2, 'z', 3) ON CONFLICT ON CONSTRAINT sr_pk_pkey DO NOTHING;
SELECT * FROM sr_pk ORDER BY a;
CREATE TABLE sr_pk2 (a int NOT NULL, b text, CONSTRAINT sr_pk2_k PRIMARY KEY (a) INCLUDE (b));
CREATE TABLE sr_pk3 (a int NOT NULL, b text);
INSERT INTO sr_pk3 VALUES (1, 'p'), (2, 'q');
ALTER TABLE sr_pk3 ADD CONSTRAINT sr_pk3_k PRIMARY KEY (a) INCLUDE (b);
SELECT conrelid::regclass, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('sr_pk2'::regclass, 'sr_pk3'::regclass) ORDER BY conname;
-- detail
ALTER TABLE sr_pk3 ADD PRIMARY KEY (b);
-- detail
CREATE TABLE sr_pk4 (a int PRIMARY KEY, b text, PRIMARY KEY (a) INCLUDE (b));
-- detail
CREATE TABLE sr_pk4 (a int, b text, PRIMARY KEY (a) INCLUDE (b), PRIMARY KEY (b));
ALTER TABLE sr_pk3 DROP CONSTRAINT sr_pk3_k;
SELECT count(*) FROM pg_constraint WHERE conrelid = 'sr_pk3'::regclass;
INSERT INTO sr_pk3 VALUES (1, 'again');
SELECT count(*) FROM sr_pk3;
DROP TABLE sr_pk, sr_pk2, sr_pk3;
