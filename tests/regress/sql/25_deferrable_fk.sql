-- Deferrable foreign keys and SET CONSTRAINTS: SQLite's own deferral of a key, changed per
-- transaction (PRAGMA defer_foreign_keys, and the keys immediate now checked at each
-- statement's end and at SET CONSTRAINTS ... IMMEDIATE)
CREATE TABLE dk_parent (id int PRIMARY KEY);
CREATE TABLE dk_child (id int PRIMARY KEY, p int CONSTRAINT dk_def REFERENCES dk_parent DEFERRABLE INITIALLY DEFERRED, q int CONSTRAINT dk_imm REFERENCES dk_parent DEFERRABLE INITIALLY IMMEDIATE, r int CONSTRAINT dk_strict REFERENCES dk_parent);
INSERT INTO dk_parent VALUES (1), (2);
-- INITIALLY DEFERRED: the child before its parent, checked at COMMIT
BEGIN;
INSERT INTO dk_child VALUES (1, 3, NULL, NULL);
INSERT INTO dk_parent VALUES (3);
COMMIT;
-- violated at COMMIT: 23503 and the transaction rolls back
BEGIN;
INSERT INTO dk_child VALUES (2, 4, NULL, NULL);
COMMIT;
SELECT id FROM dk_child ORDER BY id;
-- SET CONSTRAINTS name IMMEDIATE checks at once what is pending
BEGIN;
INSERT INTO dk_child VALUES (2, 4, NULL, NULL);
SET CONSTRAINTS dk_def IMMEDIATE;
ROLLBACK;
BEGIN;
INSERT INTO dk_child VALUES (2, 4, NULL, NULL);
INSERT INTO dk_parent VALUES (4);
SET CONSTRAINTS dk_def IMMEDIATE;
-- and then at each statement's end
INSERT INTO dk_child VALUES (3, 5, NULL, NULL);
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
DELETE FROM dk_parent WHERE id = 3;
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
INSERT INTO dk_child VALUES (3, 5, NULL, NULL);
INSERT INTO dk_parent VALUES (5);
COMMIT;
SELECT id, p FROM dk_child ORDER BY id;
-- INITIALLY IMMEDIATE: checked at the statement's end, unless deferred
INSERT INTO dk_child VALUES (4, NULL, 6, NULL);
BEGIN;
SET CONSTRAINTS dk_imm DEFERRED;
INSERT INTO dk_child VALUES (4, NULL, 6, NULL);
INSERT INTO dk_parent VALUES (6);
COMMIT;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
INSERT INTO dk_child VALUES (5, 7, 7, NULL);
SELECT count(*) FROM dk_child;
-- the key that is not deferrable is still checked at the statement's end
INSERT INTO dk_child VALUES (6, NULL, NULL, 8);
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
DELETE FROM dk_parent WHERE id = 1;
INSERT INTO dk_child VALUES (5, NULL, 7, NULL);
COMMIT;
BEGIN;
SET CONSTRAINTS dk_imm DEFERRED;
DELETE FROM dk_parent WHERE id = 6;
INSERT INTO dk_parent VALUES (6);
COMMIT;
-- a parent row removed while the key is immediate again
INSERT INTO dk_child VALUES (7, NULL, 2, NULL);
BEGIN;
SET CONSTRAINTS dk_imm DEFERRED;
SET CONSTRAINTS dk_imm IMMEDIATE;
DELETE FROM dk_parent WHERE id = 2;
ROLLBACK;
-- ROLLBACK TO SAVEPOINT: the modes and the rows as they were
BEGIN;
SAVEPOINT s1;
SET CONSTRAINTS dk_imm DEFERRED;
INSERT INTO dk_child VALUES (8, NULL, 9, NULL);
ROLLBACK TO SAVEPOINT s1;
INSERT INTO dk_child VALUES (8, NULL, 9, NULL);
ROLLBACK TO SAVEPOINT s1;
INSERT INTO dk_child VALUES (8, NULL, 2, NULL);
COMMIT;
SELECT id, p, q, r FROM dk_child ORDER BY id;
-- PostgreSQL's refusals: a key that is not deferrable cannot be deferred
BEGIN;
SET CONSTRAINTS dk_strict DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS dk_strict IMMEDIATE;
COMMIT;
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'dk_child'::regclass AND contype = 'f' ORDER BY conname;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dk_child'::regclass AND contype = 'f' ORDER BY conname;
-- a parent's row removed while the key is deferred, checked by SET CONSTRAINTS IMMEDIATE
-- (the message is worded from the child's side here: docs/sql-compat.md)
INSERT INTO dk_parent VALUES (10);
INSERT INTO dk_child VALUES (10, NULL, 10, NULL);
BEGIN;
SET CONSTRAINTS dk_imm DEFERRED;
DELETE FROM dk_parent WHERE id = 10;
SET CONSTRAINTS dk_imm IMMEDIATE;
ROLLBACK;
-- ON DELETE CASCADE acts at once, deferred or not
CREATE TABLE dk_item (id int PRIMARY KEY, owner int CONSTRAINT dk_owner REFERENCES dk_parent ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
INSERT INTO dk_item VALUES (1, 10), (2, 10);
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
DELETE FROM dk_child WHERE q = 10;
DELETE FROM dk_parent WHERE id = 10;
SELECT count(*) FROM dk_item;
ROLLBACK;
-- a function's statements are checked at their own end
CREATE FUNCTION dk_add(i int, pp int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO dk_child VALUES (i, pp, NULL, NULL); RETURN i; END $$;
BEGIN;
SET CONSTRAINTS dk_def IMMEDIATE;
SELECT dk_add(20, 21);
ROLLBACK;
BEGIN;
SELECT dk_add(20, 21);
INSERT INTO dk_parent VALUES (21);
COMMIT;
-- RETURNING, UPDATE
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
INSERT INTO dk_child VALUES (22, 23, NULL, NULL) RETURNING id;
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
UPDATE dk_child SET p = 24 WHERE id = 20;
ROLLBACK;
-- outside a transaction block: PostgreSQL's WARNING, and nothing changes
SET CONSTRAINTS ALL IMMEDIATE;
-- the statements of one Query: its implicit transaction's
SET CONSTRAINTS dk_imm DEFERRED; INSERT INTO dk_child VALUES (25, NULL, 26, NULL); INSERT INTO dk_parent VALUES (26);
SET CONSTRAINTS dk_imm DEFERRED; INSERT INTO dk_child VALUES (27, NULL, 28, NULL);
SET CONSTRAINTS dk_def IMMEDIATE; INSERT INTO dk_child VALUES (27, 28, NULL, NULL); INSERT INTO dk_parent VALUES (28);
-- extended
INSERT INTO dk_child VALUES (29, 30, NULL, NULL);
SELECT id, p, q, r FROM dk_child ORDER BY id;
-- a statement run as several SQLite steps (DROP TABLE a, b) keeps the keys deferred
CREATE TABLE dk_x (a int);
CREATE TABLE dk_y (a int);
BEGIN;
SET CONSTRAINTS dk_imm DEFERRED;
DROP TABLE dk_x, dk_y;
INSERT INTO dk_child VALUES (40, NULL, 41, NULL);
INSERT INTO dk_parent VALUES (41);
COMMIT;
SELECT id, q FROM dk_child WHERE id = 40;
