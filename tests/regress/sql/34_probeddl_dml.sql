-- Probing PostgreSQL's insert.sql and triggers.sql: a column named twice in INSERT's column
-- list is 42701 (SQLite kept the last value); a BEFORE DELETE row trigger that returns NEW
-- (NULL in a DELETE) skips the row, as one returning OLD in an INSERT does.
CREATE TABLE inserttest3 (f1 text DEFAULT 'foo', f2 text, f3 int);
INSERT INTO inserttest3 (f1, f1) VALUES ('a', 'b');
INSERT INTO inserttest3 (f3, f2, f3) SELECT 1, 'x', 2;
INSERT INTO inserttest3 (f1, f3) VALUES ('a', 1) RETURNING *;
SELECT * FROM inserttest3;
CREATE TABLE trigtest (i int PRIMARY KEY, f text);
CREATE FUNCTION trig_new() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER trigtest_b BEFORE INSERT OR UPDATE OR DELETE ON trigtest FOR EACH ROW EXECUTE FUNCTION trig_new();
INSERT INTO trigtest VALUES (1, 'a'), (2, 'b');
DELETE FROM trigtest WHERE i = 1;
SELECT * FROM trigtest ORDER BY i;
UPDATE trigtest SET f = 'c' WHERE i = 2;
SELECT * FROM trigtest ORDER BY i;
DROP TRIGGER trigtest_b ON trigtest;
CREATE FUNCTION trig_old() RETURNS trigger AS $$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER trigtest_o BEFORE INSERT OR DELETE ON trigtest FOR EACH ROW EXECUTE FUNCTION trig_old();
INSERT INTO trigtest VALUES (3, 'x');
DELETE FROM trigtest WHERE i = 2;
SELECT * FROM trigtest ORDER BY i;
