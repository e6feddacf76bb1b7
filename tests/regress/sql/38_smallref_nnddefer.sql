-- UNIQUE NULLS NOT DISTINCT ... DEFERRABLE: the key's NULLs are equal, checked at the
-- statement's end or at COMMIT as the other deferrable keys are (it was 0A000)
CREATE TABLE sr_nd (a int, b text, CONSTRAINT sr_nd_a UNIQUE NULLS NOT DISTINCT (a) DEFERRABLE INITIALLY DEFERRED);
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'sr_nd'::regclass;
SELECT indnullsnotdistinct, indimmediate FROM pg_index WHERE indrelid = 'sr_nd'::regclass;
INSERT INTO sr_nd VALUES (NULL, 'x');
-- detail
INSERT INTO sr_nd VALUES (NULL, 'y');
BEGIN;
INSERT INTO sr_nd VALUES (NULL, 'y');
DELETE FROM sr_nd WHERE b = 'x';
COMMIT;
SELECT * FROM sr_nd;
BEGIN;
INSERT INTO sr_nd VALUES (NULL, 'z');
-- detail
COMMIT;
INSERT INTO sr_nd VALUES (1, 'p'), (2, 'q');
UPDATE sr_nd SET a = CASE a WHEN 1 THEN 2 WHEN 2 THEN 1 END WHERE a IN (1, 2);
SELECT * FROM sr_nd ORDER BY a NULLS FIRST;
CREATE TABLE sr_nd2 (a int, c int UNIQUE NULLS NOT DISTINCT DEFERRABLE);
INSERT INTO sr_nd2 VALUES (1, NULL);
-- detail
INSERT INTO sr_nd2 VALUES (2, NULL);
CREATE TABLE sr_nd3 (a int, b int);
INSERT INTO sr_nd3 VALUES (1, NULL), (2, NULL);
ALTER TABLE sr_nd3 ADD CONSTRAINT sr_nd3_k UNIQUE NULLS NOT DISTINCT (b) DEFERRABLE;
DELETE FROM sr_nd3 WHERE a = 2;
ALTER TABLE sr_nd3 ADD CONSTRAINT sr_nd3_k UNIQUE NULLS NOT DISTINCT (b) DEFERRABLE;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'sr_nd3_k';
-- detail
INSERT INTO sr_nd3 VALUES (3, NULL);
DROP TABLE sr_nd, sr_nd2, sr_nd3;
