-- A schema inside a tenant with an enum, a sequence, tables with foreign keys (one from
-- outside the schema) and a view; DROP SCHEMA refuses while it holds them and CASCADE drops
-- them all (the outside table loses its foreign key).
CREATE SCHEMA c1;
CREATE TYPE c1.mood AS ENUM ('a', 'b');
CREATE TABLE c1.p (id serial PRIMARY KEY, m c1.mood);
CREATE TABLE c1.k (id int PRIMARY KEY, pid int REFERENCES c1.p (id));
CREATE TABLE outside (id int PRIMARY KEY, pid int REFERENCES c1.p (id));
CREATE VIEW c1.v AS SELECT id, m FROM c1.p;
CREATE SEQUENCE c1.s START 10;
SELECT nextval('c1.s'), currval('c1.s');
SELECT last_value, is_called FROM c1.s;
SELECT last_value FROM c1.p_id_seq;
INSERT INTO c1.p (m) VALUES ('a'), ('b') RETURNING id, m;
INSERT INTO c1.p (m) VALUES ('c');
SELECT * FROM c1.v ORDER BY id;
SELECT typname, typnamespace::regnamespace FROM pg_type WHERE typname = 'mood';
SELECT pg_get_serial_sequence('c1.p', 'id');
INSERT INTO outside VALUES (1, 2);
INSERT INTO outside VALUES (2, 99);
DROP SCHEMA c1;
DROP SCHEMA c1 RESTRICT;
DROP SCHEMA c1 CASCADE;
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'c1';
SELECT nspname FROM pg_namespace WHERE nspname = 'c1';
SELECT count(*) FROM pg_type WHERE typname = 'mood';
INSERT INTO outside VALUES (2, 99);
SELECT * FROM outside ORDER BY id;
SELECT * FROM c1.p;
CREATE SCHEMA c1;
CREATE TABLE c1.p (id int);
DROP SCHEMA IF EXISTS c1, nosuch CASCADE;
DROP SCHEMA IF EXISTS c1 CASCADE;
DROP TABLE outside;
