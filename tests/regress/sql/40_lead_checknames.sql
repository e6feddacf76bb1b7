-- An unnamed CHECK of CREATE TABLE keeps the name PostgreSQL gives it when the table is made
-- (table_col_check, table_check, a digit when an earlier one has it, in the order the list
-- gives them), through RENAME COLUMN, RENAME TO, DROP CONSTRAINT and ALTER COLUMN TYPE.
CREATE TABLE cn1 (CHECK (b > 0), a int CHECK (a > 0), b int CHECK (b > a), CHECK (a < 100), CHECK (b < 100), CHECK (1 > 0));
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cn1'::regclass ORDER BY 1;
CREATE TABLE cn2 (CONSTRAINT cn2_a_check CHECK (a < 10), a int CHECK (a > 0));
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cn2'::regclass ORDER BY 1;
CREATE TABLE cn3 (a int CHECK (a > 0), CONSTRAINT cn3_a_check CHECK (a < 10));
CREATE TABLE cn4 (id int PRIMARY KEY, n int CHECK (n >= 0), m int, CHECK (m > n));
ALTER TABLE cn4 RENAME COLUMN n TO k;
SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'cn4'::regclass ORDER BY 1;
-- fields
INSERT INTO cn4 VALUES (1, -1, 0);
ALTER TABLE cn4 DROP CONSTRAINT cn4_n_check;
INSERT INTO cn4 VALUES (1, -1, 0);
ALTER TABLE cn4 RENAME TO cn5;
SELECT conname FROM pg_constraint WHERE conrelid = 'cn5'::regclass ORDER BY 1;
-- fields
INSERT INTO cn5 VALUES (2, 5, 1);
ALTER TABLE cn5 ALTER COLUMN m TYPE bigint;
SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'cn5'::regclass ORDER BY 1;
ALTER TABLE cn5 DROP CONSTRAINT cn4_check;
SELECT conname FROM pg_constraint WHERE conrelid = 'cn5'::regclass ORDER BY 1;
CREATE TABLE cn6 (a int CHECK (a > 0), b int CHECK (b > 0));
ALTER TABLE cn6 DROP CONSTRAINT cn6_a_check;
ALTER TABLE cn6 ADD CHECK (a > 1);
SELECT conname FROM pg_constraint WHERE conrelid = 'cn6'::regclass ORDER BY 1;
