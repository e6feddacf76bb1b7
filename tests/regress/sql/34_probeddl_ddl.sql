-- Probing PostgreSQL's create_table.sql and alter_table.sql: an unnamed CHECK is named after
-- the one column its expression reads, a column constraint's too (c int CHECK (c > a) is
-- t_checks_check, as PostgreSQL names it; it was t_checks_c_check); ADD COLUMN ... NOT NULL
-- without a default on a table with rows is 23502 (SQLite's XX000); an enum label longer
-- than 63 bytes is 42602.
CREATE TABLE t_checks (a int CHECK (a > 0), b int, CONSTRAINT b_pos CHECK (b > 0), c int CHECK (c > a), d int CHECK (true), e int, CHECK (e > 0), CHECK (a < e));
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 't_checks'::regclass ORDER BY 1;
INSERT INTO t_checks VALUES (2, 1, 1, NULL, 3);
ALTER TABLE t_checks DROP CONSTRAINT t_checks_check;
INSERT INTO t_checks VALUES (2, 1, 1, NULL, 3);
ALTER TABLE t_checks ADD CHECK (b < c);
SELECT conname FROM pg_constraint WHERE conrelid = 't_checks'::regclass ORDER BY 1;
CREATE TABLE e1 (a int);
ALTER TABLE e1 ADD COLUMN f int NOT NULL;
INSERT INTO e1 VALUES (1, 2);
-- detail
ALTER TABLE e1 ADD COLUMN g int NOT NULL;
ALTER TABLE e1 ADD COLUMN h int NOT NULL, ADD COLUMN i int DEFAULT 1 NOT NULL;
ALTER TABLE e1 ADD COLUMN g int NOT NULL DEFAULT 5;
ALTER TABLE e1 ADD COLUMN j text CHECK (j <> '') NOT NULL;
SELECT * FROM e1;
CREATE TABLE e2 (a int);
ALTER TABLE e2 ADD COLUMN b int NOT NULL, ADD COLUMN c int;
SELECT * FROM e2;
CREATE TYPE planets AS ENUM ('venus');
ALTER TYPE planets ADD VALUE 'plutoplutoplutoplutoplutoplutoplutoplutoplutoplutoplutoplutoplutopluto';
CREATE TYPE too_long AS ENUM ('plutoplutoplutoplutoplutoplutoplutoplutoplutoplutoplutoplutoplutopluto');
-- an aggregate or window function in a DEFAULT is 42803 / 42P20 (it was made)
CREATE TABLE default_expr_agg (a int DEFAULT (avg(1)));
CREATE TABLE default_expr_agg (a int DEFAULT (count(*) OVER ()));
CREATE TABLE default_expr_agg (a int DEFAULT (1 + 1));
-- CREATE OR REPLACE VIEW compares the columns' types with their modifiers (42P16)
CREATE TABLE vt (a int, c numeric(10,1), d varchar(5));
CREATE VIEW vv AS SELECT a, c, d FROM vt;
CREATE OR REPLACE VIEW vv AS SELECT a, c::numeric(10,2) AS c, d FROM vt;
CREATE OR REPLACE VIEW vv AS SELECT a, c, d::varchar(6) AS d FROM vt;
CREATE OR REPLACE VIEW vv AS SELECT a, c, d, 1 AS x FROM vt;
SELECT * FROM vv;
