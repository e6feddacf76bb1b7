-- Tenant-local schemas: ALTER TABLE/VIEW/SEQUENCE s.t SET SCHEMA s2 and ALTER SCHEMA s
-- RENAME TO s2 move the tenant file's "s.t" to "s2.t": indexes, constraints, a serial's
-- sequence, rows, foreign keys, views and triggers that name it, comments and grants follow.
CREATE SCHEMA a;
CREATE SCHEMA b;
CREATE TABLE a.t (id serial PRIMARY KEY, x int CONSTRAINT t_x_uniq UNIQUE, y text);
CREATE INDEX ti ON a.t (y);
CREATE VIEW a.v AS SELECT id, y FROM a.t;
CREATE VIEW pv AS SELECT t.id, t.x FROM a.t;
CREATE SEQUENCE a.s;
CREATE TABLE ref (id int PRIMARY KEY, t_id int REFERENCES a.t (id));
COMMENT ON TABLE a.t IS 'moving table';
INSERT INTO a.t (x, y) VALUES (1, 'one'), (2, 'two');
INSERT INTO ref VALUES (1, 1);
-- errors
-- detail
ALTER TABLE a.t SET SCHEMA nosuch;
-- detail
ALTER TABLE a.nosuch SET SCHEMA b;
-- notices
ALTER TABLE IF EXISTS a.nosuch SET SCHEMA b;
-- detail
ALTER VIEW a.t SET SCHEMA b;
-- detail
ALTER SEQUENCE a.t SET SCHEMA b;
-- detail
ALTER SEQUENCE a.t_id_seq SET SCHEMA b;
-- detail
ALTER TABLE a.ti SET SCHEMA b;
CREATE TABLE b.t (z int);
-- detail
ALTER TABLE a.t SET SCHEMA b;
DROP TABLE b.t;
-- in its own schema: nothing
ALTER TABLE a.t SET SCHEMA a;
ALTER TABLE a.t SET SCHEMA b;
SELECT c.relname, n.nspname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('a', 'b') ORDER BY 2, 1;
SELECT conname, connamespace::regnamespace, contype FROM pg_constraint WHERE conrelid = 'b.t'::regclass ORDER BY 1;
SELECT schemaname, indexname, indexdef FROM pg_indexes WHERE tablename = 't' ORDER BY 2;
SELECT pg_get_serial_sequence('b.t', 'id');
SELECT pg_get_viewdef('a.v'::regclass);
SELECT pg_get_viewdef('pv'::regclass);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ref'::regclass AND contype = 'f';
SELECT obj_description('b.t'::regclass, 'pg_class');
SELECT * FROM b.t ORDER BY id;
SELECT * FROM a.t;
SELECT * FROM a.v ORDER BY id;
SELECT * FROM pv ORDER BY id;
INSERT INTO b.t (x, y) VALUES (3, 'three') RETURNING id;
INSERT INTO b.t (x, y) VALUES (3, 'dup');
INSERT INTO ref VALUES (2, 99);
DELETE FROM b.t WHERE id = 1;
-- to public and back
ALTER TABLE b.t SET SCHEMA public;
SELECT c.relname, c.relnamespace::regnamespace FROM pg_class c WHERE c.relname IN ('t', 'ti', 't_id_seq', 't_pkey', 't_x_uniq') ORDER BY 1;
SELECT count(*) FROM t;
ALTER TABLE t SET SCHEMA a;
SELECT 'a.t'::regclass, 'a.ti'::regclass, 'a.t_id_seq'::regclass;
-- a view and a sequence
ALTER VIEW a.v SET SCHEMA b;
SELECT schemaname, viewname FROM pg_views WHERE viewname = 'v';
SELECT * FROM b.v ORDER BY id;
SELECT nextval('a.s');
ALTER SEQUENCE a.s SET SCHEMA b;
SELECT nextval('b.s');
SELECT schemaname, sequencename FROM pg_sequences WHERE sequencename = 's';
ALTER TABLE b.s SET SCHEMA public;
SELECT nextval('s');
-- search_path names the table
SET search_path TO b, public;
ALTER TABLE v SET SCHEMA a;
RESET search_path;
SELECT schemaname, viewname FROM pg_views WHERE viewname = 'v';
-- ALTER SCHEMA ... RENAME TO
-- detail
ALTER SCHEMA a RENAME TO b;
-- detail
ALTER SCHEMA a RENAME TO public;
-- detail
ALTER SCHEMA a RENAME TO pg_a;
-- detail
ALTER SCHEMA nosuch RENAME TO c;
COMMENT ON SCHEMA a IS 'schema a';
ALTER SCHEMA a RENAME TO c;
SELECT nspname, obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname IN ('a', 'b', 'c') ORDER BY 1;
SELECT c.relname, n.nspname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('a', 'b', 'c') ORDER BY 2, 1;
SELECT * FROM c.t ORDER BY id;
SELECT * FROM c.v ORDER BY id;
SELECT * FROM pv ORDER BY id;
SELECT * FROM a.t;
INSERT INTO c.t (x, y) VALUES (4, 'four') RETURNING id;
SELECT pg_get_serial_sequence('c.t', 'id');
SELECT obj_description('c.t'::regclass, 'pg_class');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ref'::regclass AND contype = 'f';
CREATE TABLE c.t2 (id int);
DROP SCHEMA c CASCADE;
SELECT nspname FROM pg_namespace WHERE nspname IN ('a', 'b', 'c') ORDER BY 1;
-- a schema holding a type or a function is not renamed yet (the two schemas are left as
-- they are: PostgreSQL renamed them)
CREATE SCHEMA d;
CREATE FUNCTION d.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
-- differs: a schema holding functions or types cannot be renamed yet (0A000)
ALTER SCHEMA d RENAME TO d2;
CREATE SCHEMA e;
CREATE TYPE e.mood AS ENUM ('x');
-- differs: a schema holding functions or types cannot be renamed yet (0A000)
ALTER SCHEMA e RENAME TO e2;
