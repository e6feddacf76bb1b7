-- A NOT VALID foreign key checks every row an INSERT or UPDATE writes with a changed key,
-- even beside rows that broke it before (SQLite's own check counts violations, and a broken
-- row whose key is changed counted -1, hiding another row's); the referenced side's actions
-- apply as to a valid key.
CREATE TABLE cn_p (id int PRIMARY KEY, k int, l int, UNIQUE (k, l));
INSERT INTO cn_p VALUES (1, 1, 1), (2, 2, 2);
CREATE TABLE cn_c (id int, p int, a int, b int, x int);
INSERT INTO cn_c VALUES (1, 1, 1, 1, 0), (2, 5, 5, 5, 0), (3, NULL, NULL, NULL, 0);
ALTER TABLE cn_c ADD CONSTRAINT cn_f FOREIGN KEY (p) REFERENCES cn_p ON DELETE CASCADE NOT VALID;
ALTER TABLE cn_c ADD CONSTRAINT cn_g FOREIGN KEY (a, b) REFERENCES cn_p (k, l) ON UPDATE CASCADE NOT VALID;
-- one row to a missing key while the broken row is fixed
-- detail
UPDATE cn_c SET p = CASE id WHEN 1 THEN 999 ELSE 1 END WHERE id < 3;
-- detail
UPDATE cn_c SET p = 999;
-- detail
UPDATE cn_c SET p = 998 WHERE id = 2;
BEGIN;
-- detail
UPDATE cn_c SET p = 997 WHERE id = 2;
COMMIT;
-- detail
INSERT INTO cn_c VALUES (4, 7, NULL, NULL, 0);
-- a key of two columns: partly NULL references nothing (MATCH SIMPLE)
-- detail
UPDATE cn_c SET a = CASE id WHEN 1 THEN 9 WHEN 2 THEN 1 END, b = CASE id WHEN 1 THEN 9 WHEN 2 THEN 1 END WHERE id < 3;
UPDATE cn_c SET a = CASE id WHEN 1 THEN NULL WHEN 2 THEN 1 END, b = CASE id WHEN 1 THEN 9 WHEN 2 THEN 1 END WHERE id < 3;
SELECT * FROM cn_c ORDER BY id;
-- another column of a broken row: not checked
UPDATE cn_c SET x = 1;
-- differs: SQLite checks a key whenever its columns are assigned, so a broken row's key set to the value it has is 23503 (PostgreSQL skips an unchanged key)
UPDATE cn_c SET p = p;
-- detail
UPDATE cn_c SET p = CASE id WHEN 3 THEN 7 WHEN 2 THEN 2 END WHERE id > 1;
-- the referenced side: ON UPDATE CASCADE, NO ACTION, ON DELETE CASCADE
UPDATE cn_p SET k = 10, l = 10 WHERE id = 1;
SELECT * FROM cn_c ORDER BY id;
-- detail
DELETE FROM cn_p WHERE id = 1;
UPDATE cn_c SET a = NULL WHERE id = 2;
DELETE FROM cn_p WHERE id = 1;
SELECT * FROM cn_c ORDER BY id;
-- SET CONSTRAINTS does not defer a key that is not deferrable
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
UPDATE cn_c SET x = 2;
-- detail
UPDATE cn_c SET p = CASE id WHEN 3 THEN 7 WHEN 2 THEN 2 END WHERE id > 1;
COMMIT;
-- renamed, the key still checks; dropped, it does not
ALTER TABLE cn_c RENAME COLUMN p TO pp;
ALTER TABLE cn_c RENAME TO cn_cc;
ALTER TABLE cn_cc RENAME CONSTRAINT cn_f TO cn_f2;
-- detail
UPDATE cn_cc SET pp = CASE id WHEN 3 THEN 7 WHEN 2 THEN 2 END WHERE id > 1;
ALTER TABLE cn_cc ALTER COLUMN x TYPE bigint;
-- detail
UPDATE cn_cc SET pp = CASE id WHEN 3 THEN 7 WHEN 2 THEN 2 END WHERE id > 1;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'cn_cc'::regclass ORDER BY conname;
ALTER TABLE cn_cc DROP CONSTRAINT cn_f2;
UPDATE cn_cc SET pp = CASE id WHEN 3 THEN 7 WHEN 2 THEN 2 END WHERE id > 1;
SELECT * FROM cn_cc ORDER BY id;
-- validated, then the referenced table dropped with its keys
INSERT INTO cn_p VALUES (3, 3, 3);
UPDATE cn_cc SET a = 3, b = 3 WHERE a IS NOT NULL;
ALTER TABLE cn_cc VALIDATE CONSTRAINT cn_g;
-- detail
UPDATE cn_cc SET a = 4 WHERE a = 3;
DROP TABLE cn_p CASCADE;
UPDATE cn_cc SET pp = 8, a = 8;
SELECT * FROM cn_cc ORDER BY id;
SELECT tgname FROM pg_trigger WHERE NOT tgisinternal;
