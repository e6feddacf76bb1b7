-- Prepared statements after DDL (pgx's statement cache, tests/integration/clients_pgx.go): a
-- statement whose result columns the DDL changed is 0A000 "cached plan must not change result
-- type" (pgx then prepares it anew), one whose columns stay runs translated again, and one
-- whose table is gone or no longer fits its parameter types fails as PostgreSQL analyzes it.
CREATE TABLE pc (a int, b text);
INSERT INTO pc VALUES (1, 'x');
PREPARE star AS SELECT * FROM pc WHERE a = $1;
PREPARE named AS SELECT a, b FROM pc WHERE a = $1;
PREPARE ins AS INSERT INTO pc (a, b) VALUES ($1, $2);
PREPARE cnt AS SELECT count(*) FROM pc;
EXECUTE star(1);
EXECUTE named(1);
ALTER TABLE pc ADD COLUMN c int DEFAULT 5;
EXECUTE star(1);
EXECUTE star(1);
EXECUTE named(1);
EXECUTE ins(2, 'y');
EXECUTE cnt;
SELECT * FROM pc ORDER BY a;
DEALLOCATE star;
PREPARE star AS SELECT * FROM pc WHERE a = $1;
EXECUTE star(2);
ALTER TABLE pc ALTER COLUMN a TYPE bigint;
EXECUTE named(1);
EXECUTE star(1);
EXECUTE cnt;
ALTER TABLE pc DROP COLUMN c;
EXECUTE star(1);
EXECUTE ins(3, 'z');
DROP TABLE pc;
EXECUTE cnt;
EXECUTE ins(4, 'w');
CREATE TABLE pc (a text, b text);
EXECUTE ins(4, 'w');
EXECUTE named(4);
EXECUTE cnt;
-- a view's columns changed by CREATE OR REPLACE VIEW
CREATE VIEW pv AS SELECT 1 AS x;
PREPARE fromview AS SELECT * FROM pv;
EXECUTE fromview;
CREATE OR REPLACE VIEW pv AS SELECT 1 AS x, 2 AS y;
EXECUTE fromview;
-- a parameter given a type in PREPARE is judged with it
CREATE TABLE pt (a text);
PREPARE typed(int) AS SELECT * FROM pt WHERE a = $1;
PREPARE typed2(int) AS SELECT * FROM pt WHERE $1 = a;
PREPARE typed3(text) AS SELECT * FROM pt WHERE a = $1;
EXECUTE typed3('q');
-- only the columns' names, types and typmods count: a table rebuilt for another column's type,
-- or a column dropped before them, keeps the statement; a renamed column does not
CREATE TABLE pr (x int, y text, z int);
INSERT INTO pr VALUES (1, 'a', 2);
PREPARE yz AS SELECT y, z FROM pr;
PREPARE zy AS SELECT z, y FROM pr WHERE z > $1;
EXECUTE yz;
ALTER TABLE pr ALTER COLUMN x TYPE bigint;
EXECUTE yz;
EXECUTE zy(0);
ALTER TABLE pr DROP COLUMN x;
EXECUTE yz;
EXECUTE zy(0);
ALTER TABLE pr RENAME COLUMN z TO w;
EXECUTE yz;
EXECUTE zy(0);
ALTER TABLE pr ALTER COLUMN y TYPE varchar(5);
PREPARE y2 AS SELECT y FROM pr;
EXECUTE y2;
ALTER TABLE pr ALTER COLUMN y TYPE varchar(6);
EXECUTE y2;
