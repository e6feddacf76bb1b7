-- Errors for common mistakes: the SQLSTATE PostgreSQL gives, not SQLite's raw message as XX000.
CREATE TABLE er (id int PRIMARY KEY, name text NOT NULL, email text UNIQUE);
CREATE VIEW er_v AS SELECT id, name FROM er;
INSERT INTO er VALUES (1, 'a', 'a@x');
-- duplicate columns
CREATE TABLE er_dup (a int, a int);
ALTER TABLE er ADD COLUMN name text;
ALTER TABLE er ADD name varchar(3) DEFAULT 'x';
ALTER TABLE er RENAME COLUMN name TO email;
ALTER TABLE er ADD COLUMN IF NOT EXISTS name int;
ALTER TABLE er ADD COLUMN IF NOT EXISTS extra text DEFAULT 'x';
ALTER TABLE er ADD COLUMN IF NOT EXISTS extra int;
SELECT * FROM er;
SELECT name FROM er;
-- two primary keys
CREATE TABLE er_pk (a int PRIMARY KEY, b int PRIMARY KEY);
-- a view that names a missing column or table is refused when it is created
CREATE VIEW er_bad AS SELECT nocol FROM er;
CREATE VIEW er_bad AS SELECT 1 FROM no_such_table;
SELECT count(*) FROM pg_views WHERE viewname = 'er_bad';
CREATE VIEW er_ok AS SELECT id FROM er;
SELECT * FROM er_ok;
-- the wrong DROP for the kind of relation
DROP VIEW er;
DROP TABLE er_v;
CREATE INDEX er_name_i ON er (name);
DROP TABLE er_name_i;
DROP INDEX er;
DROP INDEX er_v;
SELECT * FROM er_name_i;
DROP INDEX er_name_i;
-- a DEFAULT naming a column
CREATE TABLE er_def (a int DEFAULT nocol);
-- out-of-range ORDER BY position, set operations of different widths, USING a missing column
SELECT * FROM er ORDER BY 5000;
SELECT 1 UNION SELECT 1, 2;
SELECT 1 INTERSECT SELECT 1, 2;
SELECT 1 EXCEPT SELECT 1, 2;
SELECT * FROM er JOIN er_v USING (nocol);
-- row values of different lengths
SELECT (1, 2) = (1, 2, 3);
-- square roots and logarithms outside their domain
SELECT sqrt(-1);
SELECT sqrt(-1.5::float8);
SELECT ln(0);
SELECT ln(-1::float8);
SELECT log(0);
SELECT log10(-2::float8);
SELECT sqrt(2.25::float8), ln(1::float8), log10(1000::float8), sqrt(NULL::float8);
DROP VIEW er_ok, er_v;
DROP TABLE er;
