-- ON CONFLICT (col opclass) / (col COLLATE x) infers only a unique index whose key has that
-- operator class and collation, as PostgreSQL's infer_arbiter_indexes (any unique index of
-- the column was taken)
CREATE TABLE sr_oc1 (id int, t text);
CREATE UNIQUE INDEX sr_oc1_t ON sr_oc1 (t);
-- detail
INSERT INTO sr_oc1 VALUES (1, 'a') ON CONFLICT (t COLLATE "C") DO NOTHING;
-- detail
INSERT INTO sr_oc1 VALUES (1, 'a') ON CONFLICT (t text_pattern_ops) DO NOTHING;
-- detail
INSERT INTO sr_oc1 VALUES (1, 'a') ON CONFLICT (t COLLATE "POSIX") DO UPDATE SET id = 2;
INSERT INTO sr_oc1 VALUES (1, 'a') ON CONFLICT (t text_ops) DO NOTHING;
INSERT INTO sr_oc1 VALUES (2, 'a') ON CONFLICT (t COLLATE "default") DO UPDATE SET id = 3;
INSERT INTO sr_oc1 VALUES (4, 'a') ON CONFLICT (t, t) DO UPDATE SET id = 4;
SELECT * FROM sr_oc1;
CREATE TABLE sr_oc2 (id int, t text);
CREATE UNIQUE INDEX sr_oc2_t ON sr_oc2 (t text_pattern_ops);
INSERT INTO sr_oc2 VALUES (1, 'a') ON CONFLICT (t text_pattern_ops) DO NOTHING;
INSERT INTO sr_oc2 VALUES (1, 'a') ON CONFLICT (t) DO NOTHING;
-- detail
INSERT INTO sr_oc2 VALUES (1, 'a') ON CONFLICT (t text_ops) DO NOTHING;
SELECT * FROM sr_oc2;
-- two unique indexes of one column: the class picks one
CREATE TABLE sr_oc3 (id int, t text UNIQUE, u text UNIQUE);
CREATE UNIQUE INDEX sr_oc3_t ON sr_oc3 (t text_pattern_ops);
INSERT INTO sr_oc3 VALUES (1, 'a', 'x') ON CONFLICT (t text_pattern_ops) DO NOTHING;
-- detail
INSERT INTO sr_oc3 VALUES (1, 'a', 'y') ON CONFLICT (u text_pattern_ops) DO NOTHING;
INSERT INTO sr_oc3 VALUES (1, 'a', 'y') ON CONFLICT (t) DO UPDATE SET id = 2;
SELECT * FROM sr_oc3;
CREATE TABLE sr_oc4 (id int, t text);
CREATE UNIQUE INDEX sr_oc4_t ON sr_oc4 (lower(t));
-- detail
INSERT INTO sr_oc4 VALUES (1, 'a') ON CONFLICT (lower(t) COLLATE "C") DO NOTHING;
INSERT INTO sr_oc4 VALUES (1, 'a') ON CONFLICT (lower(t)) DO NOTHING;
-- differs: a collation inside an expression target is not checked (SQLite matches the expression)
INSERT INTO sr_oc4 VALUES (1, 'a') ON CONFLICT ((lower(t) COLLATE "C")) DO NOTHING;
CREATE TABLE sr_oc5 (id int, t text COLLATE "C" UNIQUE);
INSERT INTO sr_oc5 VALUES (1, 'a') ON CONFLICT (t COLLATE "C") DO NOTHING;
-- a translation made for one index is not reused once another replaces it
CREATE TABLE sr_oc6 (id int, t text);
CREATE UNIQUE INDEX sr_oc6_t ON sr_oc6 (t text_pattern_ops);
INSERT INTO sr_oc6 VALUES (1, 'a') ON CONFLICT (t text_pattern_ops) DO NOTHING;
DROP INDEX sr_oc6_t;
CREATE UNIQUE INDEX sr_oc6_t ON sr_oc6 (t);
-- detail
INSERT INTO sr_oc6 VALUES (1, 'a') ON CONFLICT (t text_pattern_ops) DO NOTHING;
DROP TABLE sr_oc1, sr_oc2, sr_oc3, sr_oc4, sr_oc5, sr_oc6;
