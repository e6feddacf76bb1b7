-- UPDATE / DELETE ... WHERE CURRENT OF a cursor declared on one table: the row the cursor is
-- on, read by FETCH (or MOVE) as it goes; PostgreSQL's 24000 when the cursor is on no row or
-- is no simply updatable scan of the table, 34000 when there is no cursor. (Each cursor
-- reads rows no earlier statement updated: PostgreSQL's heap moves an updated row to its end.)
CREATE TABLE cc_t (id int PRIMARY KEY, v text);
CREATE TABLE cc_u (id int);
INSERT INTO cc_t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
INSERT INTO cc_u VALUES (1);
BEGIN;
DECLARE cc1 CURSOR FOR SELECT v FROM cc_t WHERE id > 1;
UPDATE cc_t SET v = 'x' WHERE CURRENT OF cc1;
ROLLBACK;
BEGIN;
DECLARE cc1 CURSOR FOR SELECT v FROM cc_t WHERE id > 1;
FETCH cc1;
UPDATE cc_t SET v = v || '!' WHERE CURRENT OF cc1 RETURNING *;
MOVE cc1;
DELETE FROM cc_t WHERE CURRENT OF cc1 RETURNING id;
DELETE FROM cc_t WHERE CURRENT OF cc1;
FETCH cc1;
UPDATE cc_t AS t SET v = upper(t.v) WHERE CURRENT OF cc1;
SELECT * FROM cc_t ORDER BY id;
FETCH cc1;
UPDATE cc_t SET v = 'past' WHERE CURRENT OF cc1;
ROLLBACK;
-- a cursor without HOLD moving back
BEGIN;
DECLARE cc2 CURSOR FOR SELECT * FROM cc_t;
FETCH 3 FROM cc2;
FETCH PRIOR FROM cc2;
UPDATE cc_t SET v = 'back' WHERE CURRENT OF cc2;
SELECT * FROM cc_t ORDER BY id;
ROLLBACK;
-- a scrollable one
BEGIN;
DECLARE cc3 SCROLL CURSOR FOR SELECT id FROM cc_t;
FETCH LAST FROM cc3;
DELETE FROM cc_t WHERE CURRENT OF cc3;
FETCH ABSOLUTE 1 FROM cc3;
UPDATE cc_t SET v = 'first' WHERE CURRENT OF cc3;
SELECT * FROM cc_t ORDER BY id;
ROLLBACK;
-- a held one, in its transaction and after it (24000)
BEGIN;
DECLARE cc4 CURSOR WITH HOLD FOR SELECT id FROM cc_t WHERE id = 3;
FETCH cc4;
UPDATE cc_t SET v = 'held' WHERE CURRENT OF cc4;
COMMIT;
BEGIN;
UPDATE cc_t SET v = 'later' WHERE CURRENT OF cc4;
ROLLBACK;
CLOSE cc4;
-- FOR UPDATE
BEGIN;
DECLARE cc5 CURSOR FOR SELECT * FROM cc_t WHERE id = 2 FOR UPDATE;
FETCH cc5;
DELETE FROM cc_t WHERE CURRENT OF cc5;
COMMIT;
SELECT * FROM cc_t ORDER BY id;
-- not on a row: after the last
BEGIN;
DECLARE cc6 CURSOR FOR SELECT * FROM cc_t WHERE id = 1;
FETCH ALL FROM cc6;
UPDATE cc_t SET v = 'z' WHERE CURRENT OF cc6;
ROLLBACK;
-- no such cursor
BEGIN;
DELETE FROM cc_t WHERE CURRENT OF cc_nope;
ROLLBACK;
UPDATE cc_t SET v = 'z' WHERE CURRENT OF cc_nope;
-- not a simply updatable scan of the table: a join, an aggregate, another table, DISTINCT
BEGIN;
DECLARE cc7 CURSOR FOR SELECT * FROM cc_t, cc_u WHERE cc_t.id = 1;
FETCH cc7;
UPDATE cc_t SET v = 'j' WHERE CURRENT OF cc7;
ROLLBACK;
BEGIN;
DECLARE cc8 CURSOR FOR SELECT count(*) FROM cc_t;
FETCH cc8;
UPDATE cc_t SET v = 'g' WHERE CURRENT OF cc8;
ROLLBACK;
BEGIN;
DECLARE cc9 CURSOR FOR SELECT * FROM cc_u;
FETCH cc9;
UPDATE cc_t SET v = 'o' WHERE CURRENT OF cc9;
ROLLBACK;
BEGIN;
DECLARE cc10 CURSOR FOR SELECT DISTINCT v FROM cc_t WHERE id = 1;
FETCH cc10;
DELETE FROM cc_t WHERE CURRENT OF cc10;
ROLLBACK;
SELECT * FROM cc_t ORDER BY id;
-- a PL/pgSQL block's own cursor (30_leftovers_plcurrentof.sql); the session's cursor is reached
CREATE TABLE cc_pl (id int, v text);
INSERT INTO cc_pl VALUES (1, 'a'), (2, 'b');
CREATE TABLE cc_pl2 (id int, v text);
INSERT INTO cc_pl2 VALUES (1, 'a');
DO $$ DECLARE c CURSOR FOR SELECT * FROM cc_pl2; r record; BEGIN OPEN c; FETCH c INTO r; UPDATE cc_pl2 SET v = 'pl' WHERE CURRENT OF c; CLOSE c; END $$;
BEGIN;
DECLARE cc11 CURSOR FOR SELECT * FROM cc_pl;
FETCH cc11;
DO $$ BEGIN UPDATE cc_pl SET v = 'from do' WHERE CURRENT OF cc11; END $$;
COMMIT;
SELECT * FROM cc_pl ORDER BY id;
-- the extended protocol
BEGIN;
DECLARE cc12 CURSOR FOR SELECT id FROM cc_pl WHERE id = 2;
FETCH cc12;
-- extended
DELETE FROM cc_pl WHERE CURRENT OF cc12;
COMMIT;
SELECT * FROM cc_pl ORDER BY id;
-- FOR UPDATE / FOR SHARE of one table of a join: that table's row
CREATE TABLE cc_j (id int, w text);
INSERT INTO cc_j VALUES (1, 'p'), (2, 'q');
BEGIN;
DECLARE cc13 CURSOR FOR SELECT a.id, a.w, b.id AS u FROM cc_j a, cc_u b WHERE a.id = b.id FOR SHARE OF a;
FETCH cc13;
UPDATE cc_j SET w = 'locked' WHERE CURRENT OF cc13;
UPDATE cc_u SET id = 9 WHERE CURRENT OF cc13;
ROLLBACK;
BEGIN;
DECLARE cc14 CURSOR FOR SELECT * FROM cc_j a, cc_j b WHERE a.id = b.id + 1 FOR UPDATE;
FETCH cc14;
UPDATE cc_j SET w = 'two' WHERE CURRENT OF cc14;
ROLLBACK;
SELECT * FROM cc_j ORDER BY id;
-- FOR UPDATE / FOR SHARE where PostgreSQL refuses row locks (0A000), in a cursor or not
BEGIN;
DECLARE cc15 CURSOR FOR SELECT min(id) FROM cc_j FOR UPDATE;
ROLLBACK;
SELECT min(id) FROM cc_j FOR UPDATE;
SELECT DISTINCT w FROM cc_j FOR SHARE;
SELECT w FROM cc_j GROUP BY w FOR NO KEY UPDATE;
SELECT count(*) FROM cc_j HAVING count(*) > 0 FOR KEY SHARE;
SELECT row_number() OVER () FROM cc_j FOR UPDATE;
SELECT id FROM cc_j WHERE id = 1 FOR UPDATE;
