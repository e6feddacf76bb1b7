-- DEFERRABLE UNIQUE constraints: checked at the statement's end (INITIALLY IMMEDIATE) or at
-- COMMIT (INITIALLY DEFERRED), so that keys may be swapped
CREATE TABLE du_item (id int PRIMARY KEY, pos int, CONSTRAINT du_pos UNIQUE (pos) DEFERRABLE);
INSERT INTO du_item VALUES (1, 1), (2, 2), (3, 3);
-- one statement moves every key: checked once its rows are written
UPDATE du_item SET pos = pos + 1;
SELECT id, pos FROM du_item ORDER BY id;
INSERT INTO du_item VALUES (4, 4);
UPDATE du_item SET pos = 2 WHERE id = 3;
SELECT id, pos FROM du_item ORDER BY id;
-- NULLs are distinct
INSERT INTO du_item VALUES (5, NULL), (6, NULL);
-- a swap in two statements: deferred to COMMIT
BEGIN;
SET CONSTRAINTS du_pos DEFERRED;
UPDATE du_item SET pos = 3 WHERE id = 1;
UPDATE du_item SET pos = 2 WHERE id = 2;
COMMIT;
SELECT id, pos FROM du_item ORDER BY id;
-- a duplicate left at COMMIT: 23505 there, and the transaction rolls back
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
UPDATE du_item SET pos = 3 WHERE id = 2;
SELECT count(*) FROM du_item WHERE pos = 3;
COMMIT;
SELECT id, pos FROM du_item ORDER BY id;
-- SET CONSTRAINTS ... IMMEDIATE checks the rows written so far
BEGIN;
SET CONSTRAINTS du_pos DEFERRED;
UPDATE du_item SET pos = 3 WHERE id = 2;
SET CONSTRAINTS du_pos IMMEDIATE;
ROLLBACK;
-- INITIALLY DEFERRED, named by ALTER TABLE ... ADD (as pg_dump writes it)
CREATE TABLE du_slot (id int PRIMARY KEY, a int, b text);
INSERT INTO du_slot VALUES (1, 1, 'x'), (2, 2, 'x');
ALTER TABLE du_slot ADD CONSTRAINT du_slot_ab UNIQUE (a, b) DEFERRABLE INITIALLY DEFERRED;
BEGIN;
UPDATE du_slot SET a = 2 WHERE id = 1;
UPDATE du_slot SET a = 1 WHERE id = 2;
COMMIT;
SELECT id, a, b FROM du_slot ORDER BY id;
BEGIN;
INSERT INTO du_slot VALUES (3, 1, 'x');
SET CONSTRAINTS du_slot_ab IMMEDIATE;
ROLLBACK;
-- an autocommit statement: its own transaction's COMMIT
INSERT INTO du_slot VALUES (3, 1, 'x');
INSERT INTO du_slot VALUES (3, 1, 'y');
-- ALTER TABLE ... ADD over rows that break the key (its DETAIL is left out)
INSERT INTO du_slot VALUES (4, 1, 'y');
ALTER TABLE du_slot ADD CONSTRAINT du_slot_a UNIQUE (a) DEFERRABLE;
-- the default name
CREATE TABLE du_code (code text, UNIQUE (code) DEFERRABLE INITIALLY IMMEDIATE);
INSERT INTO du_code VALUES ('a'), ('a');
-- a function's statement: checked at its end
CREATE FUNCTION du_bump() RETURNS int LANGUAGE plpgsql AS $$ BEGIN UPDATE du_item SET pos = pos + 10; RETURN 1; END $$;
SELECT du_bump();
SELECT id, pos FROM du_item ORDER BY id;
-- ROLLBACK TO SAVEPOINT
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
SAVEPOINT s1;
UPDATE du_item SET pos = 12 WHERE id = 1;
ROLLBACK TO SAVEPOINT s1;
COMMIT;
-- the catalog
SELECT conname, contype, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('du_item'::regclass, 'du_slot'::regclass, 'du_code'::regclass) ORDER BY conname;
SELECT c.relname, i.indisunique, i.indimmediate, i.indisprimary FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid IN ('du_item'::regclass, 'du_slot'::regclass, 'du_code'::regclass) ORDER BY c.relname;
SELECT pg_get_indexdef('du_pos'::regclass);
SELECT constraint_name, constraint_type, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_name IN ('du_item', 'du_slot') AND constraint_type <> 'CHECK' ORDER BY constraint_name;
-- what PostgreSQL refuses
INSERT INTO du_item VALUES (7, 100) ON CONFLICT (pos) DO NOTHING;
INSERT INTO du_item VALUES (7, 100) ON CONFLICT ON CONSTRAINT du_pos DO NOTHING;
CREATE TABLE du_child (id int PRIMARY KEY, pos int REFERENCES du_item (pos));
-- DROP CONSTRAINT and RENAME
ALTER TABLE du_slot RENAME CONSTRAINT du_slot_ab TO du_slot_ab2;
ALTER TABLE du_slot DROP CONSTRAINT du_slot_ab2;
INSERT INTO du_slot VALUES (5, 1, 'x');
SELECT conname FROM pg_constraint WHERE conrelid = 'du_slot'::regclass ORDER BY conname;
-- a table rebuilt keeps the key
ALTER TABLE du_item ALTER COLUMN pos TYPE bigint;
UPDATE du_item SET pos = pos + 1;
INSERT INTO du_item VALUES (8, 13);
SELECT conname, condeferrable FROM pg_constraint WHERE conrelid = 'du_item'::regclass ORDER BY conname;
DROP TABLE du_code;
-- RENAME CONSTRAINT keeps it deferrable, RENAME TO / RENAME COLUMN follow, DROP CONSTRAINT and
-- DROP COLUMN remove it
CREATE TABLE du_ren (id int PRIMARY KEY, a int, b text);
ALTER TABLE du_ren ADD CONSTRAINT du_ren_ab UNIQUE (a, b) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE du_ren RENAME CONSTRAINT du_ren_ab TO du_ren_ab2;
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'du_ren'::regclass ORDER BY conname;
BEGIN;
INSERT INTO du_ren VALUES (1, 1, 'x'), (2, 1, 'x');
SET CONSTRAINTS du_ren_ab2 IMMEDIATE;
ROLLBACK;
ALTER TABLE du_ren RENAME TO du_ren2;
ALTER TABLE du_ren2 RENAME COLUMN a TO aa;
INSERT INTO du_ren2 VALUES (1, 1, 'x'), (2, 1, 'x');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'du_ren_ab2';
ALTER TABLE du_ren2 DROP CONSTRAINT du_ren_ab2;
INSERT INTO du_ren2 VALUES (1, 1, 'x'), (2, 1, 'x');
ALTER TABLE du_ren2 ADD CONSTRAINT du_ren_ab2 UNIQUE (aa, b) DEFERRABLE;
DELETE FROM du_ren2 WHERE id = 2;
ALTER TABLE du_ren2 ADD CONSTRAINT du_ren_ab2 UNIQUE (aa, b) DEFERRABLE;
ALTER TABLE du_ren2 ADD COLUMN c int;
ALTER TABLE du_ren2 DROP COLUMN aa;
SELECT conname FROM pg_constraint WHERE conrelid = 'du_ren2'::regclass ORDER BY conname;
INSERT INTO du_ren2 VALUES (5, 'x', 1), (6, 'x', 1);
DROP TABLE du_ren2;
-- column-level UNIQUE DEFERRABLE
CREATE TABLE du_col (id int PRIMARY KEY, pos int UNIQUE DEFERRABLE, code text CONSTRAINT du_col_code UNIQUE DEFERRABLE INITIALLY DEFERRED NOT NULL, n int UNIQUE NOT DEFERRABLE, m int UNIQUE INITIALLY IMMEDIATE);
INSERT INTO du_col VALUES (1, 1, 'a', 1, 1), (2, 2, 'b', 2, 2);
UPDATE du_col SET pos = 3 - pos;
UPDATE du_col SET n = 3 - n;
BEGIN;
UPDATE du_col SET code = 'b' WHERE id = 1;
UPDATE du_col SET code = 'a' WHERE id = 2;
COMMIT;
INSERT INTO du_col VALUES (3, 3, 'a', 3, 3);
INSERT INTO du_col VALUES (3, 3, NULL, 3, 3);
SELECT id, pos, code, n, m FROM du_col ORDER BY id;
SELECT conname, contype, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'du_col'::regclass ORDER BY conname;
CREATE TABLE du_bad (a int UNIQUE NOT DEFERRABLE INITIALLY DEFERRED);
-- differs: a column-level DEFERRABLE key in ADD COLUMN is 0A000
ALTER TABLE du_col ADD COLUMN z int UNIQUE DEFERRABLE;
-- PRIMARY KEY ... DEFERRABLE: the key's values may be swapped; checked as a UNIQUE one
CREATE TABLE dp_item (id int PRIMARY KEY DEFERRABLE, name text);
INSERT INTO dp_item VALUES (1, 'a'), (2, 'b'), (3, 'c');
UPDATE dp_item SET id = id + 1;
INSERT INTO dp_item VALUES (4, 'd');
INSERT INTO dp_item VALUES (NULL, 'e');
SELECT id, name FROM dp_item ORDER BY id;
CREATE TABLE dp_pair (a int, b int, CONSTRAINT dp_pair_key PRIMARY KEY (a, b) DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO dp_pair VALUES (1, 1), (1, 1);
DELETE FROM dp_pair WHERE ctid IN (SELECT ctid FROM dp_pair LIMIT 1);
COMMIT;
BEGIN;
INSERT INTO dp_pair VALUES (2, 2), (2, 2);
COMMIT;
SELECT a, b FROM dp_pair ORDER BY a;
CREATE TABLE dp_serial (id serial PRIMARY KEY DEFERRABLE, v text);
INSERT INTO dp_serial (v) VALUES ('x'), ('y');
UPDATE dp_serial SET id = 3 - id;
SELECT id, v FROM dp_serial ORDER BY id;
-- the catalog
SELECT conname, contype, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('dp_item'::regclass, 'dp_pair'::regclass, 'dp_serial'::regclass) ORDER BY conname;
SELECT c.relname, i.indisunique, i.indisprimary, i.indimmediate FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid IN ('dp_item'::regclass, 'dp_pair'::regclass) ORDER BY c.relname;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'dp_pair'::regclass AND attnum > 0 ORDER BY attnum;
-- ALTER TABLE ... ADD PRIMARY KEY ... DEFERRABLE (as pg_dump writes it)
CREATE TABLE dp_late (id int NOT NULL, v text);
INSERT INTO dp_late VALUES (1, 'a'), (2, 'b');
ALTER TABLE ONLY dp_late ADD CONSTRAINT dp_late_pkey PRIMARY KEY (id) DEFERRABLE;
UPDATE dp_late SET id = 3 - id;
INSERT INTO dp_late VALUES (1, 'c');
ALTER TABLE dp_late ADD PRIMARY KEY (v) DEFERRABLE;
CREATE TABLE dp_nulls (id int, v text);
-- differs: ADD PRIMARY KEY ... DEFERRABLE on a column without NOT NULL is 0A000
ALTER TABLE dp_nulls ADD PRIMARY KEY (id) DEFERRABLE;
-- what PostgreSQL refuses
CREATE TABLE dp_child (id int PRIMARY KEY, item int REFERENCES dp_item);
CREATE TABLE dp_child2 (id int PRIMARY KEY, item int REFERENCES dp_item (id));
INSERT INTO dp_item VALUES (10, 'z') ON CONFLICT (id) DO NOTHING;
SELECT id, v FROM dp_late ORDER BY id;
