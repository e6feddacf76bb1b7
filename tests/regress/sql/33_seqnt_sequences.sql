-- A sequence of its own gives its numbers as PostgreSQL's (shard_seq.c): held ahead for the
-- tenant and written 32 ahead, nextval and setval are not undone by ROLLBACK (a savepoint's
-- either), ALTER SEQUENCE is; last_value, log_cnt and is_called read as PostgreSQL's;
-- INCREMENT (negative too), MINVALUE/MAXVALUE, CYCLE and the end of the range as before.
CREATE SEQUENCE nt_s;
SELECT last_value, log_cnt, is_called FROM nt_s;
SELECT nextval('nt_s');
SELECT last_value, log_cnt, is_called FROM nt_s;
SELECT nextval('nt_s');
SELECT last_value, log_cnt, is_called FROM nt_s;
SELECT sequencename, last_value FROM pg_sequences WHERE sequencename = 'nt_s';
BEGIN;
SELECT nextval('nt_s');
ROLLBACK;
SELECT nextval('nt_s');
SELECT currval('nt_s'), lastval();
-- a transaction that wrote before it took its numbers
CREATE TABLE nt_t (id bigint PRIMARY KEY, note text);
BEGIN;
INSERT INTO nt_t VALUES (nextval('nt_s'), 'rolled back');
INSERT INTO nt_t VALUES (nextval('nt_s'), 'rolled back');
ROLLBACK;
INSERT INTO nt_t VALUES (nextval('nt_s'), 'kept') RETURNING id;
SELECT last_value, log_cnt, is_called FROM nt_s;
-- a savepoint rolled back keeps the numbers given too
BEGIN;
SAVEPOINT a;
SELECT nextval('nt_s');
ROLLBACK TO SAVEPOINT a;
SELECT nextval('nt_s');
COMMIT;
-- a failed statement's numbers are not given again
INSERT INTO nt_t VALUES (nextval('nt_s'), 'x'), (1, NULL), (1, NULL);
SELECT nextval('nt_s');
-- setval is not undone by ROLLBACK
BEGIN;
SELECT setval('nt_s', 100);
ROLLBACK;
SELECT nextval('nt_s');
SELECT last_value, log_cnt, is_called FROM nt_s;
BEGIN;
INSERT INTO nt_t VALUES (0, 'a writer first');
SELECT setval('nt_s', 200, false);
ROLLBACK;
SELECT last_value, log_cnt, is_called FROM nt_s;
SELECT sequencename, last_value FROM pg_sequences WHERE sequencename = 'nt_s';
SELECT nextval('nt_s');
SELECT nextval('nt_s');
-- ALTER SEQUENCE is transactional: RESTART rolled back goes on from before
BEGIN;
ALTER SEQUENCE nt_s RESTART WITH 500;
SELECT nextval('nt_s');
SELECT nextval('nt_s');
ROLLBACK;
SELECT nextval('nt_s');
SELECT last_value, log_cnt, is_called FROM nt_s;
ALTER SEQUENCE nt_s INCREMENT BY 10;
SELECT nextval('nt_s');
SELECT last_value, is_called FROM nt_s;
ALTER SEQUENCE nt_s RESTART WITH 7;
SELECT last_value, log_cnt, is_called FROM nt_s;
SELECT nextval('nt_s');
-- renamed: goes on where it was
ALTER SEQUENCE nt_s RENAME TO nt_s2;
SELECT nextval('nt_s2');
ALTER SEQUENCE nt_s2 RENAME TO nt_s;
SELECT nextval('nt_s');
-- dropped and made again: starts over
DROP SEQUENCE nt_s;
CREATE SEQUENCE nt_s START 3;
SELECT nextval('nt_s');
BEGIN;
DROP SEQUENCE nt_s;
ROLLBACK;
SELECT nextval('nt_s');
-- made and used in one transaction
BEGIN;
CREATE SEQUENCE nt_new;
SELECT nextval('nt_new'), nextval('nt_new');
COMMIT;
SELECT nextval('nt_new');
SELECT last_value, is_called FROM nt_new;
BEGIN;
CREATE SEQUENCE nt_gone;
SELECT nextval('nt_gone');
ROLLBACK;
SELECT nextval('nt_gone');
-- negative increments, bounds, CYCLE, the end of the range
CREATE SEQUENCE nt_down INCREMENT -3 MINVALUE -10 MAXVALUE 10 START 5 CYCLE;
SELECT nextval('nt_down') FROM generate_series(1, 12);
SELECT last_value, is_called FROM nt_down;
CREATE SEQUENCE nt_neg INCREMENT -1;
SELECT nextval('nt_neg'), nextval('nt_neg');
SELECT last_value, log_cnt, is_called FROM nt_neg;
BEGIN;
SELECT nextval('nt_neg');
ROLLBACK;
SELECT nextval('nt_neg');
CREATE SEQUENCE nt_end MAXVALUE 3;
SELECT nextval('nt_end') FROM generate_series(1, 3);
SELECT nextval('nt_end');
SELECT nextval('nt_end');
SELECT setval('nt_end', 1);
SELECT nextval('nt_end');
CREATE SEQUENCE nt_small AS smallint START 32760 CYCLE;
SELECT nextval('nt_small') FROM generate_series(1, 10);
CREATE SEQUENCE nt_big MINVALUE 9223372036854775800;
SELECT nextval('nt_big') FROM generate_series(1, 7);
SELECT nextval('nt_big');
SELECT last_value, log_cnt, is_called FROM nt_big;
CREATE SEQUENCE nt_step INCREMENT 1000 START 10;
SELECT nextval('nt_step') FROM generate_series(1, 3);
SELECT last_value, log_cnt, is_called FROM nt_step;
-- an identity and a serial column that are not the rowid key: their sidecar sequences
CREATE TABLE nt_id (k text PRIMARY KEY, n int GENERATED ALWAYS AS IDENTITY, m serial);
BEGIN;
INSERT INTO nt_id (k) VALUES ('a'), ('b') RETURNING n, m;
ROLLBACK;
INSERT INTO nt_id (k) VALUES ('c') RETURNING n, m;
SELECT last_value, is_called FROM nt_id_n_seq;
TRUNCATE nt_id RESTART IDENTITY;
INSERT INTO nt_id (k) VALUES ('d') RETURNING n, m;
BEGIN;
TRUNCATE nt_id RESTART IDENTITY;
ROLLBACK;
INSERT INTO nt_id (k) VALUES ('e') RETURNING n, m;
SELECT sequencename, last_value FROM pg_sequences WHERE sequencename LIKE 'nt%' ORDER BY 1;
-- a temporary sequence keeps its numbers in the transaction (not held ahead)
CREATE TEMP SEQUENCE nt_tmp;
SELECT nextval('nt_tmp');
SELECT nextval('nt_tmp');
