-- FOREIGN KEY ... MATCH FULL of several columns: a key partly NULL is refused (SQLite checks
-- every key as MATCH SIMPLE; a hidden guard refuses it with PostgreSQL's 23503), all NULL or
-- all set as usual; the guard is no constraint of the catalog's, and goes with the key.
CREATE TABLE fm_p (a int, b int, c text, PRIMARY KEY (a, b));
CREATE TABLE fm_c (id int, a int, b int, CONSTRAINT fm_k FOREIGN KEY (a, b) REFERENCES fm_p MATCH FULL ON DELETE SET NULL ON UPDATE CASCADE);
CREATE TABLE fm_d (x int DEFAULT 1, y int DEFAULT 1, z int, FOREIGN KEY (x, y) REFERENCES fm_p (a, b) MATCH FULL ON DELETE SET DEFAULT);
CREATE TABLE fm_s (a int, b int, FOREIGN KEY (a, b) REFERENCES fm_p MATCH SIMPLE);
INSERT INTO fm_p VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 2, 'c');
INSERT INTO fm_c VALUES (1, 1, NULL);
INSERT INTO fm_c VALUES (2, NULL, 1);
INSERT INTO fm_c VALUES (3, NULL, NULL), (4, 1, 1), (5, 1, 2);
INSERT INTO fm_c VALUES (6, 9, 9);
UPDATE fm_c SET b = NULL WHERE id = 4;
UPDATE fm_c SET a = NULL, b = NULL WHERE id = 4;
INSERT INTO fm_s VALUES (1, NULL), (NULL, 9), (9, NULL);
INSERT INTO fm_s VALUES (9, 9);
INSERT INTO fm_d VALUES (2, 2, 1), (NULL, NULL, 2);
INSERT INTO fm_d (x, z) VALUES (5, 3);
DELETE FROM fm_p WHERE b = 2 AND a = 1;
UPDATE fm_p SET b = 7 WHERE a = 1 AND b = 1;
SELECT * FROM fm_c ORDER BY id;
DELETE FROM fm_p WHERE a = 2;
SELECT * FROM fm_d ORDER BY z;
SELECT conname, contype, confmatchtype, conkey, confkey, confupdtype, confdeltype FROM pg_constraint WHERE conrelid IN ('fm_c'::regclass, 'fm_d'::regclass, 'fm_s'::regclass) ORDER BY conname;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('fm_c'::regclass, 'fm_d'::regclass) ORDER BY conname;
SELECT constraint_name, match_option, update_rule, delete_rule FROM information_schema.referential_constraints WHERE constraint_name LIKE 'fm%' ORDER BY 1;
SELECT count(*) FROM information_schema.check_constraints WHERE constraint_name LIKE 'fm%';
SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name LIKE 'fm%' AND constraint_type <> 'CHECK' ORDER BY 1;
-- the key renamed, a column renamed, the table rebuilt: the guard follows
ALTER TABLE fm_c RENAME CONSTRAINT fm_k TO fm_k2;
INSERT INTO fm_c VALUES (7, 1, NULL);
ALTER TABLE fm_d RENAME COLUMN y TO yy;
INSERT INTO fm_d VALUES (NULL, 7, 4);
SELECT conname FROM pg_constraint WHERE conrelid = 'fm_d'::regclass ORDER BY 1;
ALTER TABLE fm_c ALTER COLUMN id TYPE bigint;
INSERT INTO fm_c VALUES (8, NULL, 7);
-- dropped with the key
ALTER TABLE fm_c DROP CONSTRAINT fm_k2;
INSERT INTO fm_c VALUES (9, 1, NULL);
INSERT INTO fm_c VALUES (10, 5, 5);
ALTER TABLE fm_d DROP CONSTRAINT fm_d_x_y_fkey;
INSERT INTO fm_d VALUES (5, NULL, 5);
SELECT conname FROM pg_constraint WHERE conrelid IN ('fm_c'::regclass, 'fm_d'::regclass) ORDER BY 1;
SELECT id, a, b FROM fm_c ORDER BY id;
