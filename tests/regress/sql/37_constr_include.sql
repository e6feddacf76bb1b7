-- CREATE UNIQUE INDEX ... INCLUDE (cols): unique over the key columns only; the included
-- columns are shown by pg_index (indnatts, indnkeyatts, indkey), pg_get_indexdef and \d.
CREATE TABLE ci_t (a int, b text, "C" int, d int);
CREATE UNIQUE INDEX ci_a_inc ON ci_t (a) INCLUDE (b, "C");
CREATE INDEX ci_d_inc ON ci_t (d) INCLUDE (a);
SELECT indexrelid::regclass::text, indnatts, indnkeyatts, indisunique, indkey FROM pg_index WHERE indrelid = 'ci_t'::regclass ORDER BY 1;
SELECT pg_get_indexdef('ci_a_inc'::regclass);
SELECT pg_get_indexdef('ci_a_inc'::regclass, 1, true), pg_get_indexdef('ci_a_inc'::regclass, 2, true), pg_get_indexdef('ci_a_inc'::regclass, 3, true);
SELECT i.relname, i.relnatts FROM pg_class i WHERE i.relname = 'ci_a_inc';
INSERT INTO ci_t VALUES (1, 'x', 1, 1), (2, 'x', 1, 1);
-- detail
INSERT INTO ci_t VALUES (1, 'y', 2, 2);
INSERT INTO ci_t VALUES (NULL, 'y', 2, 2), (NULL, 'y', 2, 2);
INSERT INTO ci_t VALUES (1, 'z', 3, 3) ON CONFLICT (a) DO UPDATE SET b = excluded.b;
INSERT INTO ci_t VALUES (2, 'w', 3, 3) ON CONFLICT (a) DO NOTHING;
-- detail
UPDATE ci_t SET a = 1 WHERE a = 2;
SELECT * FROM ci_t ORDER BY a, b;
-- a rename follows; a foreign key may reference the key columns
ALTER TABLE ci_t RENAME COLUMN b TO bb;
SELECT pg_get_indexdef('ci_a_inc'::regclass);
CREATE TABLE ci_r (x int REFERENCES ci_t (a));
INSERT INTO ci_r VALUES (1);
-- detail
INSERT INTO ci_r VALUES (5);
DROP TABLE ci_r;
-- dropping an included column drops the index, as PostgreSQL does
ALTER TABLE ci_t DROP COLUMN "C";
SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'ci_t'::regclass ORDER BY 1;
-- made over rows that break it; PostgreSQL's refusals
-- detail
UPDATE ci_t SET d = 7 WHERE a = 1;
CREATE UNIQUE INDEX ci_d_u ON ci_t (d) INCLUDE (bb);
CREATE UNIQUE INDEX ci_e ON ci_t (a) INCLUDE (lower(bb));
CREATE UNIQUE INDEX ci_f ON ci_t (a) INCLUDE (nosuch);
CREATE UNIQUE INDEX ON ci_t (bb) INCLUDE (a, d);
SELECT indexrelid::regclass::text, indnatts, indnkeyatts, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'ci_t'::regclass ORDER BY 1;
DROP INDEX ci_t_bb_a_d_idx;
-- a table rebuild keeps it
ALTER TABLE ci_t ALTER COLUMN d TYPE bigint;
SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'ci_t'::regclass ORDER BY 1;
-- detail
INSERT INTO ci_t VALUES (1, 'q', 9);
-- a unique index with a method or an operator class over rows that break it
CREATE TABLE ci_u (a int, b text);
INSERT INTO ci_u VALUES (1, 'x'), (1, 'y');
-- detail
CREATE UNIQUE INDEX ci_u_h ON ci_u USING btree (a int4_ops);
-- detail
CREATE UNIQUE INDEX ci_u_n ON ci_u (a NULLS FIRST);
-- UNIQUE (...) INCLUDE (...) constraints, in CREATE TABLE and ALTER TABLE ... ADD
CREATE TABLE ci_k (id int PRIMARY KEY, a int, b text, c int, CONSTRAINT ci_k_a UNIQUE (a) INCLUDE (b, c), UNIQUE (c) INCLUDE (a));
SELECT conname, contype, conkey, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ci_k'::regclass ORDER BY conname;
SELECT indexrelid::regclass::text, indnatts, indnkeyatts, indisunique, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'ci_k'::regclass ORDER BY 1;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name = 'ci_k' AND constraint_type <> 'CHECK' ORDER BY 1;
INSERT INTO ci_k VALUES (1, 1, 'x', 1), (2, 2, 'x', 2);
-- detail
INSERT INTO ci_k VALUES (3, 1, 'y', 3);
INSERT INTO ci_k VALUES (3, 3, 'y', 3) ON CONFLICT ON CONSTRAINT ci_k_a DO NOTHING;
INSERT INTO ci_k VALUES (3, 1, 'y', 3) ON CONFLICT (a) DO UPDATE SET b = excluded.b;
SELECT * FROM ci_k ORDER BY id;
CREATE TABLE ci_kr (x int REFERENCES ci_k (a));
INSERT INTO ci_kr VALUES (1);
-- detail
INSERT INTO ci_kr VALUES (9);
DROP TABLE ci_kr;
-- detail
ALTER TABLE ci_k ADD CONSTRAINT ci_k_b UNIQUE (b) INCLUDE (id);
ALTER TABLE ci_k ADD CONSTRAINT ci_k_id UNIQUE (id) INCLUDE (b);
ALTER TABLE ci_k ADD UNIQUE (a) INCLUDE (id);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ci_k'::regclass ORDER BY conname;
ALTER TABLE ci_k DROP CONSTRAINT ci_k_id;
ALTER TABLE ci_k RENAME CONSTRAINT ci_k_c_a_key TO ci_k_c2;
ALTER TABLE ci_k RENAME COLUMN b TO bb;
ALTER TABLE ci_k ALTER COLUMN id TYPE bigint;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ci_k'::regclass ORDER BY conname;
-- detail
INSERT INTO ci_k VALUES (4, 4, 'z', 3);
-- an included column dropped: its index and constraint go
ALTER TABLE ci_k DROP COLUMN bb;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ci_k'::regclass ORDER BY conname;
CREATE TABLE ci_kv (a int, UNIQUE (a) INCLUDE (nosuch));
