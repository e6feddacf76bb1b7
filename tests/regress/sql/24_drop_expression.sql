-- ALTER TABLE ... ALTER COLUMN c DROP EXPRESSION [IF EXISTS]: a stored generated column becomes a
-- plain one keeping its values (55000 for a column that is not generated; IF EXISTS: nothing).
CREATE TABLE ge (id int PRIMARY KEY, a int, b int GENERATED ALWAYS AS (a * 2) STORED, c text);
INSERT INTO ge (id, a, c) VALUES (1, 1, 'x'), (2, NULL, 'y');
ALTER TABLE ge ALTER COLUMN b DROP EXPRESSION;
SELECT id, a, b, c FROM ge ORDER BY id;
SELECT attname, attgenerated FROM pg_attribute WHERE attrelid = 'ge'::regclass AND attnum > 0 ORDER BY attnum;
SELECT column_name, is_generated, generation_expression FROM information_schema.columns WHERE table_name = 'ge' ORDER BY ordinal_position;
INSERT INTO ge (id, a, b) VALUES (3, 5, 7);
UPDATE ge SET b = 9 WHERE id = 1;
SELECT id, a, b FROM ge ORDER BY id;
ALTER TABLE ge ALTER COLUMN b DROP EXPRESSION;
ALTER TABLE ge ALTER COLUMN b DROP EXPRESSION IF EXISTS;
ALTER TABLE ge ALTER COLUMN nosuch DROP EXPRESSION;
ALTER TABLE nosuch ALTER COLUMN b DROP EXPRESSION;
CREATE TABLE ge2 (a int, g int GENERATED ALWAYS AS (a + 1) STORED, h int GENERATED ALWAYS AS (a + 2) STORED);
INSERT INTO ge2 (a) VALUES (1);
ALTER TABLE ge2 ALTER g DROP EXPRESSION, ALTER h DROP EXPRESSION;
UPDATE ge2 SET a = 10;
SELECT * FROM ge2;
SELECT attname, attgenerated FROM pg_attribute WHERE attrelid = 'ge2'::regclass AND attnum > 0 ORDER BY attnum;
-- a generated column a view and an index read, on a table others reference
CREATE TABLE ge3 (id int PRIMARY KEY, a int, g int GENERATED ALWAYS AS (a * 10) STORED);
CREATE INDEX ge3_g ON ge3 (g);
CREATE VIEW ge3_v AS SELECT id, g FROM ge3;
CREATE TABLE ge3_kid (id int REFERENCES ge3);
INSERT INTO ge3 (id, a) VALUES (1, 1), (2, 2);
INSERT INTO ge3_kid VALUES (1);
ALTER TABLE ge3 ALTER COLUMN g DROP EXPRESSION;
SELECT * FROM ge3_v ORDER BY id;
SELECT id FROM ge3 WHERE g = 20;
INSERT INTO ge3 VALUES (3, 3, 4);
SELECT * FROM ge3 ORDER BY id;
