-- FOREIGN KEY ... ON DELETE SET NULL (col, ...) (PostgreSQL 15): only the listed referencing
-- columns become NULL when the referenced row goes.
CREATE TABLE lfk_tenant (tid int, uid int, name text, PRIMARY KEY (tid, uid));
INSERT INTO lfk_tenant VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'c');
CREATE TABLE lfk_post (id int PRIMARY KEY, tid int NOT NULL, author int,
  FOREIGN KEY (tid, author) REFERENCES lfk_tenant ON DELETE SET NULL (author));
INSERT INTO lfk_post VALUES (1, 1, 1), (2, 1, 2), (3, 2, 1), (4, 1, NULL);
DELETE FROM lfk_tenant WHERE tid = 1 AND uid = 1;
SELECT * FROM lfk_post ORDER BY id;
DELETE FROM lfk_tenant WHERE tid = 2;
SELECT * FROM lfk_post ORDER BY id;
-- the catalog: confdeltype, confdelsetcols, pg_get_constraintdef
SELECT conname, confdeltype, confdelsetcols, pg_get_constraintdef(oid) FROM pg_constraint
  WHERE conrelid = 'lfk_post'::regclass AND contype = 'f';
-- no trigger shows
SELECT count(*) FROM pg_trigger WHERE tgrelid = 'lfk_tenant'::regclass AND NOT tgisinternal;
-- named key, referenced columns written, several columns listed, a column constraint
CREATE TABLE lfk_p2 (a int, b int, c int, UNIQUE (a, b, c));
CREATE TABLE lfk_c2 (id int, x int, y int, z int,
  CONSTRAINT lfk_c2_k FOREIGN KEY (x, y, z) REFERENCES lfk_p2 (a, b, c)
    ON UPDATE CASCADE ON DELETE SET NULL (z, y));
CREATE TABLE lfk_c3 (id int, r int REFERENCES lfk_tenant (uid) ON DELETE SET NULL (r));
CREATE TABLE lfk_p3 (k int PRIMARY KEY);
CREATE TABLE lfk_c4 (id int, r int REFERENCES lfk_p3 ON DELETE SET NULL (r));
INSERT INTO lfk_p3 VALUES (1), (2);
INSERT INTO lfk_c4 VALUES (1, 1), (2, 2);
DELETE FROM lfk_p3 WHERE k = 1;
SELECT * FROM lfk_c4 ORDER BY id;
INSERT INTO lfk_p2 VALUES (1, 2, 3), (4, 5, 6);
INSERT INTO lfk_c2 VALUES (1, 1, 2, 3), (2, 4, 5, 6);
UPDATE lfk_p2 SET a = 7 WHERE a = 4;
SELECT * FROM lfk_c2 ORDER BY id;
DELETE FROM lfk_p2;
SELECT * FROM lfk_c2 ORDER BY id;
SELECT pg_get_constraintdef(oid), confdelsetcols FROM pg_constraint WHERE conname = 'lfk_c2_k';
-- errors: a column outside the key (42P10), ON UPDATE with a list (its grammar's 0A000)
CREATE TABLE lfk_bad1 (a int, b int, FOREIGN KEY (a) REFERENCES lfk_p3 ON DELETE SET NULL (b));
CREATE TABLE lfk_bad2 (a int, FOREIGN KEY (a) REFERENCES lfk_p3 ON UPDATE SET NULL (a));
-- differs: 0A000: ON DELETE SET DEFAULT with a column list
CREATE TABLE lfk_bad3 (a int DEFAULT 0, b int, FOREIGN KEY (a, b) REFERENCES lfk_tenant ON DELETE SET DEFAULT (b));
-- ALTER TABLE ... ADD FOREIGN KEY, and a rename of the table and of a column
CREATE TABLE lfk_c5 (id int, t int, u int);
INSERT INTO lfk_tenant VALUES (3, 1, 'd'), (3, 2, 'e');
INSERT INTO lfk_c5 VALUES (1, 3, 1), (2, 3, 2);
ALTER TABLE lfk_c5 ADD CONSTRAINT lfk_c5_k FOREIGN KEY (t, u) REFERENCES lfk_tenant ON DELETE SET NULL (u);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'lfk_c5_k';
ALTER TABLE lfk_c5 RENAME COLUMN u TO uu;
ALTER TABLE lfk_c5 RENAME TO lfk_c6;
DELETE FROM lfk_tenant WHERE tid = 3 AND uid = 1;
SELECT * FROM lfk_c6 ORDER BY id;
SELECT pg_get_constraintdef(oid), confdelsetcols FROM pg_constraint WHERE conname = 'lfk_c5_k';
-- the key dropped: SQLite's own action goes with it, so does the trigger
ALTER TABLE lfk_c6 DROP CONSTRAINT lfk_c5_k;
DELETE FROM lfk_tenant WHERE tid = 3;
SELECT * FROM lfk_c6 ORDER BY id;
-- the referencing table dropped: deleting from the referenced one still works
DROP TABLE lfk_post;
DELETE FROM lfk_tenant;
SELECT count(*) FROM lfk_tenant;
-- several actions in one ALTER TABLE, and pg_dump's text through the catalog
CREATE TABLE lfk_c7 (id int, t int, u int);
ALTER TABLE lfk_c7 ADD COLUMN v int, ADD FOREIGN KEY (t, u) REFERENCES lfk_tenant ON DELETE SET NULL (u);
INSERT INTO lfk_tenant VALUES (5, 1, 'x');
INSERT INTO lfk_c7 VALUES (1, 5, 1, 0);
DELETE FROM lfk_tenant WHERE tid = 5;
SELECT * FROM lfk_c7;
SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'lfk_c7'::regclass;
-- a self-reference
CREATE TABLE lfk_tree (g int, id int, parent int, PRIMARY KEY (g, id),
  FOREIGN KEY (g, parent) REFERENCES lfk_tree ON DELETE SET NULL (parent));
INSERT INTO lfk_tree VALUES (1, 1, NULL), (1, 2, 1), (1, 3, 1), (1, 4, 3);
DELETE FROM lfk_tree WHERE id = 1;
SELECT * FROM lfk_tree ORDER BY id;
-- the referenced table and its columns renamed; a rebuild of each table (a column's type)
CREATE TABLE lfk_rp (g int, k int, PRIMARY KEY (g, k));
CREATE TABLE lfk_rc (id int, g int, k int, FOREIGN KEY (g, k) REFERENCES lfk_rp ON DELETE SET NULL (k));
INSERT INTO lfk_rp VALUES (1, 1), (1, 2), (1, 3);
INSERT INTO lfk_rc VALUES (1, 1, 1), (2, 1, 2), (3, 1, 3);
ALTER TABLE lfk_rp RENAME TO lfk_rp2;
ALTER TABLE lfk_rp2 RENAME COLUMN k TO kk;
DELETE FROM lfk_rp2 WHERE kk = 1;
ALTER TABLE lfk_rc ALTER COLUMN id TYPE bigint;
DELETE FROM lfk_rp2 WHERE kk = 2;
ALTER TABLE lfk_rp2 ADD COLUMN note text DEFAULT 'n' NOT NULL;
DELETE FROM lfk_rp2 WHERE kk = 3;
SELECT * FROM lfk_rc ORDER BY id;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'lfk_rc'::regclass AND contype = 'f';
