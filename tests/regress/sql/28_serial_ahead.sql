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
-- A number given to a transaction that rolled back is not given again (PostgreSQL's nextval is
-- not transactional): a table's first insert, one from the numbers held, one past them, a
-- savepoint's, a statement that failed on its own.
CREATE TABLE ps_rb (id serial PRIMARY KEY, v int NOT NULL);
BEGIN;
INSERT INTO ps_rb (v) VALUES (1) RETURNING id;
ROLLBACK;
-- extended
INSERT INTO ps_rb (v) VALUES (2) RETURNING id;
BEGIN;
INSERT INTO ps_rb (v) VALUES (3) RETURNING id;
COMMIT;
BEGIN;
-- extended
INSERT INTO ps_rb (v) VALUES (4) RETURNING id;
INSERT INTO ps_rb (v) VALUES (5), (6) RETURNING id;
ROLLBACK;
-- extended
INSERT INTO ps_rb (v) VALUES (7) RETURNING id;
BEGIN;
INSERT INTO ps_rb (v) VALUES (8) RETURNING id;
SAVEPOINT s;
INSERT INTO ps_rb (v) VALUES (9) RETURNING id;
ROLLBACK TO SAVEPOINT s;
INSERT INTO ps_rb (v) VALUES (10) RETURNING id;
COMMIT;
INSERT INTO ps_rb (v) VALUES (NULL) RETURNING id;
-- extended
INSERT INTO ps_rb (v) VALUES (11) RETURNING id;
SELECT last_value, is_called FROM ps_rb_id_seq;
SELECT currval('ps_rb_id_seq');
SELECT nextval('ps_rb_id_seq');
-- extended
INSERT INTO ps_rb (v) VALUES (12) RETURNING id;
BEGIN;
INSERT INTO ps_rb (v) SELECT g FROM generate_series(13, 50) g;
ROLLBACK;
SELECT last_value FROM ps_rb_id_seq;
-- extended
INSERT INTO ps_rb (v) VALUES (51) RETURNING id;
-- nextval and setval are not undone by a rollback either
BEGIN;
SELECT nextval('ps_rb_id_seq');
ROLLBACK;
-- extended
INSERT INTO ps_rb (v) VALUES (53) RETURNING id;
BEGIN;
SELECT setval('ps_rb_id_seq', 500);
ROLLBACK;
-- extended
INSERT INTO ps_rb (v) VALUES (54) RETURNING id;
SELECT last_value, is_called FROM ps_rb_id_seq;
BEGIN;
SELECT setval('ps_rb_id_seq', 600, false);
INSERT INTO ps_rb (v) VALUES (55) RETURNING id;
COMMIT;
-- extended
INSERT INTO ps_rb (v) VALUES (56) RETURNING id;
-- a table dropped leaves the other tables' numbers held: no gap in ps_rb
CREATE TABLE ps_gone (id serial PRIMARY KEY, v int);
INSERT INTO ps_gone (v) VALUES (1);
DROP TABLE ps_gone;
-- extended
INSERT INTO ps_rb (v) VALUES (52) RETURNING id;
SELECT id, v FROM ps_rb ORDER BY id;
DROP TABLE ps_rb;
-- a table's first rows rolled back, its sqlite_sequence row with them
CREATE TABLE ps_first (id bigserial PRIMARY KEY, v int);
BEGIN;
INSERT INTO ps_first (v) VALUES (1) RETURNING id;
-- extended
INSERT INTO ps_first (v) VALUES (2) RETURNING id;
ROLLBACK;
-- extended
INSERT INTO ps_first (v) VALUES (3) RETURNING id;
SELECT last_value FROM ps_first_id_seq;
DROP TABLE ps_first;
CREATE TABLE ps_first2 (id serial PRIMARY KEY, v int);
BEGIN;
SAVEPOINT a;
INSERT INTO ps_first2 (v) VALUES (1) RETURNING id;
ROLLBACK TO SAVEPOINT a;
-- extended
INSERT INTO ps_first2 (v) VALUES (2) RETURNING id;
COMMIT;
-- extended
INSERT INTO ps_first2 (v) VALUES (3) RETURNING id;
DROP TABLE ps_first2;
-- an insert that fails on another unique key or a foreign key took its number too (the
-- server runs it again for the error's DETAIL: that run gives none)
CREATE TABLE ps_par (k int PRIMARY KEY);
INSERT INTO ps_par VALUES (1);
CREATE TABLE ps_u (id serial PRIMARY KEY, name text UNIQUE, k int REFERENCES ps_par);
INSERT INTO ps_u (name) VALUES ('a') RETURNING id;
INSERT INTO ps_u (name) VALUES ('a');
-- extended
INSERT INTO ps_u (name) VALUES ('b') RETURNING id;
BEGIN;
INSERT INTO ps_u (name) VALUES ('c') RETURNING id;
SAVEPOINT s;
-- extended
INSERT INTO ps_u (name) VALUES ('a');
ROLLBACK TO SAVEPOINT s;
INSERT INTO ps_u (name) VALUES ('d') RETURNING id;
INSERT INTO ps_u (name, k) VALUES ('e', 2);
ROLLBACK;
INSERT INTO ps_u (name, k) VALUES ('f', 2);
INSERT INTO ps_u (name) VALUES ('g') RETURNING id;
SELECT id, name FROM ps_u ORDER BY id;
DROP TABLE ps_u;
DROP TABLE ps_par;
