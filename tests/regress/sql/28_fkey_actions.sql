-- ON DELETE / ON UPDATE RESTRICT refused as PostgreSQL refuses it: 23503 naming the key, with
-- the referenced key in the DETAIL (SQLite's RESTRICT action is a trigger of its own, which
-- said only "FOREIGN KEY constraint failed", 23000); NO ACTION, CASCADE and SET NULL beside it.
CREATE TABLE fa_p (id int PRIMARY KEY, v int);
CREATE TABLE fa_r (pid int REFERENCES fa_p ON DELETE RESTRICT ON UPDATE RESTRICT);
CREATE TABLE fa_c (pid int REFERENCES fa_p ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE fa_n (pid int CONSTRAINT fa_n_key REFERENCES fa_p ON DELETE SET NULL);
INSERT INTO fa_p VALUES (1, 1), (2, 2), (3, 3), (4, 4);
INSERT INTO fa_r VALUES (2);
INSERT INTO fa_c VALUES (1), (2), (3);
INSERT INTO fa_n VALUES (3), (4);
DELETE FROM fa_p WHERE id = 2;
DELETE FROM fa_p;
UPDATE fa_p SET id = 20 WHERE id = 2;
UPDATE fa_p SET id = id + 10;
UPDATE fa_p SET v = 9 WHERE id = 2;
DELETE FROM fa_p WHERE id = 1 RETURNING *;
UPDATE fa_p SET id = 30 WHERE id = 3;
SELECT pid FROM fa_c ORDER BY pid;
DELETE FROM fa_p WHERE id = 4;
SELECT pid FROM fa_n ORDER BY pid;
BEGIN;
DELETE FROM fa_p WHERE id = 2;
ROLLBACK;
PREPARE fa_del(int) AS DELETE FROM fa_p WHERE id = $1;
EXECUTE fa_del(2);
EXECUTE fa_del(30);
DEALLOCATE fa_del;
SELECT id, v FROM fa_p ORDER BY id;
SELECT pid FROM fa_c ORDER BY pid;
SELECT pid FROM fa_n ORDER BY pid;
-- a two-column RESTRICT key, a NULL in it matching nothing
CREATE TABLE fa_p2 (a int, b text, PRIMARY KEY (a, b));
CREATE TABLE fa_r2 (a int, b text, FOREIGN KEY (a, b) REFERENCES fa_p2 ON DELETE RESTRICT);
INSERT INTO fa_p2 VALUES (1, 'x'), (2, 'y');
INSERT INTO fa_r2 VALUES (1, 'x'), (2, NULL);
DELETE FROM fa_p2 WHERE a = 2;
DELETE FROM fa_p2 WHERE a = 1;
UPDATE fa_p2 SET b = 'z' WHERE a = 1;
SELECT a, b FROM fa_p2 ORDER BY a;
