-- ALTER TABLE ... ADD CHECK | FOREIGN KEY ... NOT VALID (Rails' validate: false, pg_dump's
-- way of writing an unvalidated constraint) and VALIDATE CONSTRAINT: the rows there are not
-- checked, later writes are; convalidated and pg_get_constraintdef say so until VALIDATE.
CREATE TABLE nv_p (id int PRIMARY KEY, v int);
INSERT INTO nv_p VALUES (1, 1), (2, 2);
CREATE TABLE nv_t (id serial PRIMARY KEY, a int, b int);
INSERT INTO nv_t (a, b) VALUES (-1, 5), (1, 1), (NULL, NULL);
ALTER TABLE nv_t ADD CONSTRAINT nv_t_a_pos CHECK (a > 0) NOT VALID;
ALTER TABLE nv_t ADD CONSTRAINT nv_t_b_fk FOREIGN KEY (b) REFERENCES nv_p (id) NOT VALID;
SELECT conname, contype, convalidated, pg_get_constraintdef(oid) LIKE '% NOT VALID' AS shown FROM pg_constraint WHERE conrelid = 'nv_t'::regclass ORDER BY conname;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'nv_t_b_fk';
SELECT pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conname = 'nv_t_b_fk';
SELECT a, b FROM nv_t ORDER BY id;
-- new and updated rows are checked
INSERT INTO nv_t (a, b) VALUES (-2, 1);
INSERT INTO nv_t (a, b) VALUES (2, 9);
INSERT INTO nv_t (a, b) VALUES (2, 2);
UPDATE nv_t SET a = -5 WHERE a = 1;
UPDATE nv_t SET b = 7 WHERE a = 2;
UPDATE nv_t SET a = 3 WHERE a = 2;
DELETE FROM nv_p WHERE id = 2;
-- VALIDATE reads every row
ALTER TABLE nv_t VALIDATE CONSTRAINT nv_t_a_pos;
ALTER TABLE nv_t VALIDATE CONSTRAINT nv_t_b_fk;
ALTER TABLE nv_t VALIDATE CONSTRAINT nv_nosuch;
ALTER TABLE nv_t VALIDATE CONSTRAINT nv_t_pkey;
ALTER TABLE nv_nosuch VALIDATE CONSTRAINT nv_t_a_pos;
-- a rebuild of the table and of the one it references keeps the old rows
ALTER TABLE nv_t ALTER COLUMN a TYPE bigint;
ALTER TABLE nv_t ADD CONSTRAINT nv_t_b_small CHECK (b < 3);
ALTER TABLE nv_t ADD CONSTRAINT nv_t_b_small CHECK (b < 100);
ALTER TABLE nv_p ADD CONSTRAINT nv_p_v_pos CHECK (v > 0);
ALTER TABLE nv_p ALTER COLUMN v SET NOT NULL;
ALTER TABLE nv_t RENAME COLUMN a TO aa;
ALTER TABLE nv_t RENAME CONSTRAINT nv_t_a_pos TO nv_t_aa_pos;
SELECT aa, b FROM nv_t ORDER BY id;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'nv_t'::regclass ORDER BY conname;
-- once the rows are fixed, VALIDATE makes it valid; again is nothing
UPDATE nv_t SET aa = 1 WHERE aa < 0;
ALTER TABLE nv_t VALIDATE CONSTRAINT nv_t_aa_pos;
ALTER TABLE nv_t VALIDATE CONSTRAINT nv_t_aa_pos;
DELETE FROM nv_t WHERE b = 5;
ALTER TABLE nv_t VALIDATE CONSTRAINT nv_t_b_fk;
SELECT conname, convalidated, pg_get_constraintdef(oid) LIKE '% NOT VALID' AS shown FROM pg_constraint WHERE conrelid = 'nv_t'::regclass ORDER BY conname;
INSERT INTO nv_t (aa, b) VALUES (-3, 1);
-- unnamed, inside a transaction block, several at once
CREATE TABLE nv_u (x int, y int);
INSERT INTO nv_u VALUES (0, 3), (1, 1);
BEGIN;
ALTER TABLE nv_u ADD CHECK (x > 0) NOT VALID, ADD FOREIGN KEY (y) REFERENCES nv_p NOT VALID;
ALTER TABLE nv_u ADD CONSTRAINT nv_u_y_pos CHECK (y > 0);
ALTER TABLE nv_u ADD CONSTRAINT nv_u_x_small CHECK (x > 5);
ROLLBACK;
BEGIN;
ALTER TABLE nv_u ADD CHECK (x > 0) NOT VALID, ADD FOREIGN KEY (y) REFERENCES nv_p NOT VALID;
ALTER TABLE nv_u ADD CONSTRAINT nv_u_y_pos CHECK (y > 0);
COMMIT;
SELECT conname, contype, convalidated FROM pg_constraint WHERE conrelid = 'nv_u'::regclass ORDER BY conname;
ALTER TABLE nv_u VALIDATE CONSTRAINT nv_u_x_check;
ALTER TABLE nv_u VALIDATE CONSTRAINT nv_u_y_fkey;
-- two keys on the same columns keep their names and states
ALTER TABLE nv_u ADD CONSTRAINT nv_u_y_fk2 FOREIGN KEY (y) REFERENCES nv_p (id);
DELETE FROM nv_u WHERE y = 3;
ALTER TABLE nv_u ADD CONSTRAINT nv_u_y_fk2 FOREIGN KEY (y) REFERENCES nv_p (id);
SELECT conname, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'nv_u'::regclass AND contype = 'f' ORDER BY conname;
ALTER TABLE nv_u DROP CONSTRAINT nv_u_y_fkey;
ALTER TABLE nv_u DROP CONSTRAINT nv_u_x_check;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'nv_u'::regclass ORDER BY conname;
-- NOT VALID of a key is PostgreSQL's 0A000; in CREATE TABLE the constraint is valid
ALTER TABLE nv_u ADD CONSTRAINT nv_u_k UNIQUE (x) NOT VALID;
ALTER TABLE nv_u ADD PRIMARY KEY (x) NOT VALID;
CREATE TABLE nv_c (x int, y int, CHECK (x > 0) NOT VALID, FOREIGN KEY (y) REFERENCES nv_p NOT VALID);
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'nv_c'::regclass ORDER BY conname;
CREATE TABLE nv_d (x int CHECK (x > 0) NOT VALID);
-- a row breaking a NOT VALID key: changing its key checks the new one, other columns not
CREATE TABLE nv_k (a int, b int);
INSERT INTO nv_k VALUES (1, 5), (2, 1);
ALTER TABLE nv_k ADD CONSTRAINT nv_k_b_fk FOREIGN KEY (b) REFERENCES nv_p (id) NOT VALID;
UPDATE nv_k SET b = 6 WHERE b = 5;
UPDATE nv_k SET a = 3 WHERE b = 5;
DELETE FROM nv_p WHERE id = 1;
SELECT a, b FROM nv_k ORDER BY a;
-- the referenced columns must be a key of the referenced table (read from its schema)
CREATE TABLE nv_q (id int PRIMARY KEY, v int, w int, x int, UNIQUE (w, x));
CREATE UNIQUE INDEX nv_q_v ON nv_q (v);
CREATE TABLE nv_nopk (v int);
CREATE TABLE nv_r (a int, b int);
INSERT INTO nv_r VALUES (1, 2);
ALTER TABLE nv_r ADD CONSTRAINT nv_r_f1 FOREIGN KEY (a) REFERENCES nv_q (x) NOT VALID;
ALTER TABLE nv_r ADD CONSTRAINT nv_r_f2 FOREIGN KEY (a) REFERENCES nv_q (v) NOT VALID;
ALTER TABLE nv_r ADD CONSTRAINT nv_r_f3 FOREIGN KEY (a, b) REFERENCES nv_q (x, w) NOT VALID;
ALTER TABLE nv_r ADD CONSTRAINT nv_r_f4 FOREIGN KEY (a) REFERENCES nv_q NOT VALID;
ALTER TABLE nv_r ADD CONSTRAINT nv_r_f5 FOREIGN KEY (a) REFERENCES nv_nopk NOT VALID;
ALTER TABLE nv_r ADD CONSTRAINT nv_r_f6 FOREIGN KEY (a, b) REFERENCES nv_q (w) NOT VALID;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'nv_r'::regclass ORDER BY conname;
INSERT INTO nv_q VALUES (1, 1, 2, 1);
ALTER TABLE nv_r VALIDATE CONSTRAINT nv_r_f2;
ALTER TABLE nv_r VALIDATE CONSTRAINT nv_r_f3;
INSERT INTO nv_r VALUES (5, 5);
