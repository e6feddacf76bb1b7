-- UNIQUE NULLS NOT DISTINCT (PostgreSQL 15): CREATE UNIQUE INDEX ... NULLS NOT DISTINCT, column
-- and table constraints; NULLs compare equal in the key. SQLite's unique index checks the keys
-- without a NULL; two triggers refuse a key with a NULL that another row has.
CREATE TABLE cq_t (id int, a int, b text);
CREATE UNIQUE INDEX cq_ab ON cq_t (a, b) NULLS NOT DISTINCT;
CREATE INDEX cq_x ON cq_t (a) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX cq_plain ON cq_t (id) NULLS DISTINCT;
SELECT indexrelid::regclass::text, indnullsnotdistinct, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'cq_t'::regclass ORDER BY 1;
INSERT INTO cq_t VALUES (1, NULL, 'x'), (2, NULL, NULL), (3, 1, NULL), (4, 1, 'x'), (NULL, 2, 'x'), (NULL, 3, 'x');
INSERT INTO cq_t VALUES (5, NULL, 'x');
INSERT INTO cq_t VALUES (5, NULL, NULL);
INSERT INTO cq_t VALUES (5, 1, NULL);
-- detail
INSERT INTO cq_t VALUES (5, 1, 'x');
INSERT INTO cq_t VALUES (5, 9, NULL), (6, 9, NULL);
UPDATE cq_t SET b = NULL WHERE id = 1;
UPDATE cq_t SET b = b WHERE id = 1;
UPDATE cq_t SET id = 10 WHERE id = 1;
INSERT INTO cq_t VALUES (6, NULL, 'x') ON CONFLICT DO NOTHING;
SELECT * FROM cq_t ORDER BY id, a, b;
-- renamed, rebuilt, dropped
ALTER INDEX cq_ab RENAME TO cq_ab2;
ALTER TABLE cq_t RENAME COLUMN b TO bb;
ALTER TABLE cq_t ALTER COLUMN id TYPE bigint;
SELECT pg_get_indexdef('cq_ab2'::regclass);
INSERT INTO cq_t VALUES (7, NULL, 'x');
DROP INDEX cq_ab2;
INSERT INTO cq_t VALUES (7, NULL, 'x');
SELECT tgname FROM pg_trigger WHERE NOT tgisinternal;
-- constraints
CREATE TABLE cq_c (a int, b int, UNIQUE NULLS NOT DISTINCT (a), CONSTRAINT cq_c_b UNIQUE NULLS DISTINCT (b), c int UNIQUE NULLS NOT DISTINCT);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cq_c'::regclass ORDER BY 1;
SELECT indexrelid::regclass::text, indnullsnotdistinct FROM pg_index WHERE indrelid = 'cq_c'::regclass ORDER BY 1;
INSERT INTO cq_c VALUES (NULL, NULL, NULL), (1, NULL, 1);
INSERT INTO cq_c VALUES (NULL, 2, 2);
INSERT INTO cq_c VALUES (2, 2, NULL);
-- detail
INSERT INTO cq_c VALUES (1, 2, 3);
ALTER TABLE cq_c RENAME CONSTRAINT cq_c_a_key TO cq_c_a2;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cq_c'::regclass ORDER BY 1;
INSERT INTO cq_c VALUES (NULL, 2, 2);
ALTER TABLE cq_c DROP CONSTRAINT cq_c_a2;
INSERT INTO cq_c VALUES (NULL, 2, 2);
ALTER TABLE cq_c ADD CONSTRAINT cq_c_b2 UNIQUE NULLS NOT DISTINCT (b);
DELETE FROM cq_c WHERE b IS NULL;
ALTER TABLE cq_c ADD CONSTRAINT cq_c_b2 UNIQUE NULLS NOT DISTINCT (b);
INSERT INTO cq_c VALUES (7, NULL, 7), (8, NULL, 8);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cq_c'::regclass ORDER BY 1;
SELECT * FROM cq_c ORDER BY a, b, c;
DROP TABLE cq_c;
SELECT tgname FROM pg_trigger WHERE NOT tgisinternal;
-- made over rows whose keys with a NULL repeat: nothing is made
CREATE TABLE cq_d (a int, b int);
INSERT INTO cq_d VALUES (1, NULL), (1, NULL), (NULL, NULL);
CREATE UNIQUE INDEX cq_d_ab ON cq_d (a, b) NULLS NOT DISTINCT;
-- detail
CREATE UNIQUE INDEX cq_d_a ON cq_d (a) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX cq_d_b ON cq_d (b) NULLS NOT DISTINCT;
DELETE FROM cq_d WHERE a IS NULL;
CREATE UNIQUE INDEX cq_d_b ON cq_d (b) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX ON cq_d (a, b) NULLS NOT DISTINCT;
DELETE FROM cq_d WHERE a = 1;
CREATE UNIQUE INDEX ON cq_d (a, b) NULLS NOT DISTINCT;
SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'cq_d'::regclass ORDER BY 1;
