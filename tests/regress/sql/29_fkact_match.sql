-- ALTER TABLE ... ADD FOREIGN KEY ... MATCH FULL of several columns: the rows there are
-- checked (a key partly NULL is 23503 with PostgreSQL's DETAIL, as one without its row), and
-- later writes are checked as for a key made by CREATE TABLE.
CREATE TABLE fm2_p (a int, b int, PRIMARY KEY (a, b));
INSERT INTO fm2_p VALUES (1, 1), (1, 2);
CREATE TABLE fm2_c (id int, a int, b int);
INSERT INTO fm2_c VALUES (1, 1, 1), (2, NULL, NULL), (3, 1, NULL);
-- detail
ALTER TABLE fm2_c ADD FOREIGN KEY (a, b) REFERENCES fm2_p MATCH FULL;
DELETE FROM fm2_c WHERE id = 3;
INSERT INTO fm2_c VALUES (4, 9, 9);
-- detail
ALTER TABLE fm2_c ADD CONSTRAINT fm2_k FOREIGN KEY (a, b) REFERENCES fm2_p MATCH FULL ON DELETE CASCADE;
DELETE FROM fm2_c WHERE id = 4;
ALTER TABLE fm2_c ADD CONSTRAINT fm2_k FOREIGN KEY (a, b) REFERENCES fm2_p MATCH FULL ON DELETE CASCADE;
-- detail
INSERT INTO fm2_c VALUES (5, NULL, 2);
INSERT INTO fm2_c VALUES (6, 1, 2), (7, NULL, NULL);
-- detail
UPDATE fm2_c SET b = NULL WHERE id = 6;
DELETE FROM fm2_p WHERE b = 2;
SELECT * FROM fm2_c ORDER BY id;
SELECT conname, confmatchtype, confdeltype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'fm2_c'::regclass ORDER BY 1;
SELECT count(*) FROM information_schema.check_constraints WHERE constraint_name LIKE 'fm2%';
-- unnamed: PostgreSQL's default name, kept by key and guard
CREATE TABLE fm2_d (x int, y int);
ALTER TABLE fm2_d ADD FOREIGN KEY (x, y) REFERENCES fm2_p (a, b) MATCH FULL;
-- detail
INSERT INTO fm2_d VALUES (1, NULL);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'fm2_d'::regclass;
-- a second one takes a digit, as in PostgreSQL
ALTER TABLE fm2_d ADD FOREIGN KEY (x, y) REFERENCES fm2_p (a, b) MATCH FULL;
ALTER TABLE fm2_d ADD FOREIGN KEY (x, y) REFERENCES fm2_p (a, b);
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'fm2_d'::regclass ORDER BY 1;
ALTER TABLE fm2_d DROP CONSTRAINT fm2_d_x_y_fkey;
-- detail
INSERT INTO fm2_d VALUES (1, NULL);
ALTER TABLE fm2_d DROP CONSTRAINT fm2_d_x_y_fkey1;
INSERT INTO fm2_d VALUES (1, NULL);
-- inside a transaction block, and on a table other tables reference (written in place)
CREATE TABLE fm2_e (id int PRIMARY KEY, a int, b int);
CREATE TABLE fm2_f (e int REFERENCES fm2_e);
INSERT INTO fm2_e VALUES (1, 1, 1), (2, NULL, 1);
BEGIN;
-- detail
ALTER TABLE fm2_e ADD CONSTRAINT fm2_ek FOREIGN KEY (a, b) REFERENCES fm2_p MATCH FULL;
ROLLBACK;
UPDATE fm2_e SET a = NULL, b = NULL WHERE id = 2;
BEGIN;
ALTER TABLE fm2_e ADD CONSTRAINT fm2_ek FOREIGN KEY (a, b) REFERENCES fm2_p MATCH FULL;
-- detail
INSERT INTO fm2_e VALUES (3, 1, NULL);
ROLLBACK;
-- a key of one column: MATCH FULL is MATCH SIMPLE
ALTER TABLE fm2_c ADD FOREIGN KEY (id) REFERENCES fm2_e MATCH FULL;
SELECT conname, confmatchtype FROM pg_constraint WHERE conrelid = 'fm2_c'::regclass ORDER BY 1;
