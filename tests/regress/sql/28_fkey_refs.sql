-- What a foreign key names is checked when it is made, as PostgreSQL checks it: the referenced
-- table, the columns of both sides, a key that is the primary key or a UNIQUE constraint or
-- unique index, the number of columns, the types (also of the implied primary key).
CREATE TABLE fr_p (id int PRIMARY KEY, code text UNIQUE, n numeric UNIQUE, f float8 UNIQUE, k1 int, k2 int, UNIQUE (k1, k2));
CREATE TABLE fr_ix (a int, b text);
CREATE UNIQUE INDEX fr_ix_a ON fr_ix (a);
CREATE VIEW fr_v AS SELECT id FROM fr_p;
CREATE SEQUENCE fr_seq;
CREATE TABLE fr_nopk (a int);
CREATE TABLE fr_c1 (a int REFERENCES fr_missing);
CREATE TABLE fr_c1 (a int REFERENCES fr_v);
CREATE TABLE fr_c1 (a int REFERENCES fr_seq);
CREATE TABLE fr_c1 (a int REFERENCES fr_p (nope));
CREATE TABLE fr_c1 (a int, FOREIGN KEY (nope) REFERENCES fr_p);
CREATE TABLE fr_c1 (a int REFERENCES fr_p (k2));
CREATE TABLE fr_c1 (a int REFERENCES fr_p (k1));
CREATE TABLE fr_c1 (a int REFERENCES fr_p (id, id));
CREATE TABLE fr_c1 (a int, b int, FOREIGN KEY (a, b) REFERENCES fr_p);
CREATE TABLE fr_c1 (a int REFERENCES fr_p (k1, k2));
CREATE TABLE fr_c1 (a int REFERENCES fr_nopk);
CREATE TABLE fr_c1 (a text REFERENCES fr_p);
CREATE TABLE fr_c1 (a numeric REFERENCES fr_p);
CREATE TABLE fr_c1 (a float8 REFERENCES fr_p (n));
CREATE TABLE fr_c1 (a int REFERENCES fr_p (code));
-- none of them was made: the referenced table is still written as before
SELECT count(*) FROM pg_class WHERE relname = 'fr_c1';
INSERT INTO fr_p VALUES (1, 'a', 1.5, 2.5, 1, 1), (2, 'b', 2, 3, 1, 2);
UPDATE fr_p SET n = n + 1 WHERE id = 2;
DELETE FROM fr_p WHERE id = 2;
-- these are made: a plain unique index, a two-column UNIQUE in another order, promotions
CREATE TABLE fr_c2 (a int REFERENCES fr_ix (a), b int, c int, d int8 REFERENCES fr_p, e int REFERENCES fr_p (n), g numeric REFERENCES fr_p (f), FOREIGN KEY (c, b) REFERENCES fr_p (k2, k1));
INSERT INTO fr_ix VALUES (7, 'x');
INSERT INTO fr_c2 VALUES (7, 1, 1, 1, NULL, 2.5);
INSERT INTO fr_c2 VALUES (8, NULL, NULL, NULL, NULL, NULL);
INSERT INTO fr_c2 VALUES (NULL, 1, 1, 9, NULL, NULL);
SELECT conname, confrelid::regclass, conkey, confkey FROM pg_constraint WHERE conrelid = 'fr_c2'::regclass AND contype = 'f' ORDER BY conname;
-- the table itself
CREATE TABLE fr_self (id int PRIMARY KEY, k int, up int REFERENCES fr_self (k));
CREATE TABLE fr_self (id int, up int REFERENCES fr_self);
CREATE TABLE fr_self (id int PRIMARY KEY, up text REFERENCES fr_self);
CREATE TABLE fr_self (id int PRIMARY KEY, k int UNIQUE, up int REFERENCES fr_self (k), up2 bigint REFERENCES fr_self);
INSERT INTO fr_self VALUES (1, 10, NULL, NULL), (2, 20, 10, 1);
INSERT INTO fr_self VALUES (3, 30, 99, NULL);
-- ALTER TABLE ... ADD FOREIGN KEY
CREATE TABLE fr_a (x int, t text, n numeric);
ALTER TABLE fr_a ADD FOREIGN KEY (x) REFERENCES fr_p (nope);
ALTER TABLE fr_a ADD FOREIGN KEY (nope) REFERENCES fr_p;
ALTER TABLE fr_a ADD FOREIGN KEY (x) REFERENCES fr_missing;
ALTER TABLE fr_a ADD FOREIGN KEY (x) REFERENCES fr_nopk;
ALTER TABLE fr_a ADD FOREIGN KEY (t) REFERENCES fr_p;
ALTER TABLE fr_a ADD CONSTRAINT fr_a_n FOREIGN KEY (n) REFERENCES fr_p (id) NOT VALID;
ALTER TABLE fr_a ADD FOREIGN KEY (x) REFERENCES fr_p (k2);
ALTER TABLE fr_a ADD COLUMN y int, ADD FOREIGN KEY (y) REFERENCES fr_p;
ALTER TABLE fr_a ADD UNIQUE (x), ADD FOREIGN KEY (y) REFERENCES fr_a (x);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'fr_a'::regclass ORDER BY conname;
-- refused by the grammar with PostgreSQL's 0A000
CREATE TABLE fr_g (a int, b int, FOREIGN KEY (a, b) REFERENCES fr_p (k1, k2) MATCH PARTIAL);
CREATE TABLE fr_g (a int, b int, FOREIGN KEY (a, b) REFERENCES fr_p (k1, k2) ON UPDATE SET NULL (a));
-- ON DELETE SET NULL/SET DEFAULT with a column list (PostgreSQL 15): a column outside the key is
-- PostgreSQL's 42P10; the list itself is refused (0A000, docs/sql-compat.md)
CREATE TABLE fr_g (a int, b int, c int, FOREIGN KEY (a, b) REFERENCES fr_p (k1, k2) ON DELETE SET NULL (c));
