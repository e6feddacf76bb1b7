-- A multi-row INSERT into a table with a serial key takes the numbers row by row, as
-- PostgreSQL's nextval: one that fails at row k has taken k numbers, not one per row.
CREATE TABLE dcs_b (id bigserial PRIMARY KEY, e text UNIQUE);
INSERT INTO dcs_b (e) VALUES ('a'), ('b');
-- fails at its second row: two numbers taken
INSERT INTO dcs_b (e) VALUES ('c'), ('a'), ('d'), ('f');
INSERT INTO dcs_b (e) VALUES ('g') RETURNING id;
-- fails at its last row
INSERT INTO dcs_b (e) VALUES ('h'), ('i'), ('b');
INSERT INTO dcs_b (e) VALUES ('j'), ('k') RETURNING id, e;
SELECT last_value FROM dcs_b_id_seq;
-- an explicit key above the numbers, then rows of several
INSERT INTO dcs_b VALUES (100, 'x');
SELECT setval('dcs_b_id_seq', 100);
INSERT INTO dcs_b (e) VALUES ('y'), ('z') RETURNING id;
-- a serial key of int4, in a transaction block that rolls back
CREATE TABLE dcs_i (id serial PRIMARY KEY, n int CHECK (n > 0));
BEGIN;
INSERT INTO dcs_i (n) VALUES (1), (2), (3) RETURNING id;
ROLLBACK;
INSERT INTO dcs_i (n) VALUES (4), (0), (5);
INSERT INTO dcs_i (n) VALUES (6), (7) RETURNING id, n;
SELECT * FROM dcs_i ORDER BY id;
-- from an empty table
CREATE TABLE dcs_e (id serial PRIMARY KEY, v text NOT NULL);
INSERT INTO dcs_e (v) VALUES ('a'), (NULL), ('c');
INSERT INTO dcs_e (v) VALUES ('a'), ('b') RETURNING id;
DROP TABLE dcs_b, dcs_i, dcs_e;
