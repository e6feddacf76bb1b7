-- A serial key's numbers held ahead (shard_serial.c): an INSERT that leaves the key out takes
-- it from the numbers the tenant holds, the sqlite_sequence row written 32 ahead at a commit,
-- as PostgreSQL logs a sequence ahead. What PostgreSQL shows must not change: the numbers in
-- order, nextval/currval/setval/RESTART between inserts, the sequence's last_value, renames,
-- rebuilds, a table made again, several rows, a query's rows, the type's maximum.
CREATE TABLE ps_m (id bigserial PRIMARY KEY, ch int, body text);
CREATE INDEX ps_m_ch ON ps_m (ch, id);
INSERT INTO ps_m (ch, body) VALUES (1, 'a') RETURNING id;
-- extended
INSERT INTO ps_m (ch, body) VALUES (2, 'b') RETURNING id;
-- extended
INSERT INTO ps_m (ch, body) VALUES (3, 'c') RETURNING id;
SELECT currval('ps_m_id_seq');
SELECT last_value, is_called FROM ps_m_id_seq;
SELECT sequencename, last_value FROM pg_sequences WHERE sequencename = 'ps_m_id_seq';
SELECT nextval('ps_m_id_seq');
-- extended
INSERT INTO ps_m (ch, body) VALUES (4, 'd') RETURNING id;
INSERT INTO ps_m (ch, body) VALUES (5, 'e'), (6, 'f') RETURNING id;
INSERT INTO ps_m (ch, body) SELECT 7, 'g' RETURNING id;
INSERT INTO ps_m (ch) SELECT ch + 10 FROM ps_m WHERE ch <= 2 ORDER BY ch RETURNING id, ch;
INSERT INTO ps_m DEFAULT VALUES RETURNING id;
BEGIN;
INSERT INTO ps_m (ch) VALUES (20) RETURNING id;
INSERT INTO ps_m (ch) VALUES (21) RETURNING id;
COMMIT;
SELECT setval('ps_m_id_seq', 100);
-- extended
INSERT INTO ps_m (ch) VALUES (22) RETURNING id;
-- extended
INSERT INTO ps_m (ch) VALUES (23) RETURNING id;
ALTER SEQUENCE ps_m_id_seq RESTART WITH 200;
-- extended
INSERT INTO ps_m (ch) VALUES (24) RETURNING id;
-- a rename keeps the sequence; a rebuild (ADD CONSTRAINT) too
ALTER TABLE ps_m RENAME TO ps_n;
-- extended
INSERT INTO ps_n (ch) VALUES (27) RETURNING id;
ALTER TABLE ps_n ADD CONSTRAINT ps_n_ch_pos CHECK (ch > 0);
-- extended
INSERT INTO ps_n (ch) VALUES (28) RETURNING id;
SELECT last_value FROM ps_m_id_seq;
SELECT count(*), count(DISTINCT id), max(id) FROM ps_n;
-- a table made again by the same name starts again at 1
DROP TABLE ps_n;
CREATE TABLE ps_n (id serial PRIMARY KEY, ch int);
-- extended
INSERT INTO ps_n (ch) VALUES (1) RETURNING id;
-- extended
INSERT INTO ps_n (ch) VALUES (2) RETURNING id;
TRUNCATE ps_n RESTART IDENTITY;
-- extended
INSERT INTO ps_n (ch) VALUES (3) RETURNING id;
SELECT id, ch FROM ps_n ORDER BY id;
INSERT INTO ps_n (id, ch) VALUES (50, 4) RETURNING id;
-- differs: a key given above the sequence's value is numbered past (SQLite's rowid never goes below the largest key), where PostgreSQL's sequence goes on below it: 2 there, 51 here (docs/sql-compat.md, serial and identity)
INSERT INTO ps_n (ch) VALUES (5) RETURNING id;
-- int4's maximum
CREATE TABLE ps_max (id serial PRIMARY KEY, v int);
SELECT setval('ps_max_id_seq', 2147483646);
-- extended
INSERT INTO ps_max (v) VALUES (1) RETURNING id;
-- extended
INSERT INTO ps_max (v) VALUES (2) RETURNING id;
SELECT count(*) FROM ps_max;
DROP TABLE ps_n;
DROP TABLE ps_max;
