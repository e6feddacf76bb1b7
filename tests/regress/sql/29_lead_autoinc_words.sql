-- A table is a serial key's (SQLite's AUTOINCREMENT rowid) only when its stored definition
-- says AUTOINCREMENT as a keyword: the word inside a default's string or a quoted column name
-- made an integer key look like a serial one (a nextval default, a sequence, and its primary
-- key refused to be dropped).
CREATE TABLE aw1 (id int PRIMARY KEY, note text DEFAULT 'no autoincrement here');
SELECT pg_get_serial_sequence('aw1', 'id');
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'aw1' ORDER BY ordinal_position;
SELECT count(*) FROM pg_class WHERE relkind = 'S' AND relname LIKE 'aw1%';
INSERT INTO aw1 (note) VALUES ('no id');
INSERT INTO aw1 (id) VALUES (1) RETURNING *;
ALTER TABLE aw1 DROP CONSTRAINT aw1_pkey;
INSERT INTO aw1 (id) VALUES (1);
SELECT id, note FROM aw1 ORDER BY id, note;
CREATE TABLE aw2 (id bigint PRIMARY KEY, "autoincrement" int);
SELECT pg_get_serial_sequence('aw2', 'id');
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'aw2' ORDER BY ordinal_position;
ALTER TABLE aw2 DROP CONSTRAINT aw2_pkey;
CREATE TABLE aw3 (id serial PRIMARY KEY, note text DEFAULT 'autoincrement');
SELECT pg_get_serial_sequence('aw3', 'id');
INSERT INTO aw3 DEFAULT VALUES RETURNING *;
