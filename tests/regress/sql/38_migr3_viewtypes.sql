-- View column types as Lemmy's views have them: a column a UNION reads from a serial or identity
-- integer key in one arm (u.id AS user_id ... UNION ALL SELECT ..., NULL) is integer, not bigint,
-- and a scalar subquery's column keeps its typmod (varchar(20), numeric(8,2), char(3)).
CREATE TABLE u1 (id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY, name varchar(20), price numeric(8,2), code char(3));
CREATE TABLE u2 (id serial PRIMARY KEY, big bigserial, uid int);
CREATE VIEW v1 AS SELECT u.id AS a FROM u1 u UNION ALL SELECT NULL;
CREATE VIEW v3 AS SELECT u.id AS a, u.big FROM u2 u UNION ALL SELECT NULL, NULL;
CREATE VIEW v4 AS SELECT u.id AS a FROM u2 u UNION SELECT u.big FROM u2 u;
CREATE VIEW v5 AS SELECT NULL AS a UNION ALL SELECT u.id FROM u1 u;
CREATE VIEW v7 AS SELECT u2.id, (SELECT name FROM u1 WHERE u1.id = u2.uid) AS n, (SELECT price FROM u1 WHERE u1.id = u2.uid) AS p, (SELECT code FROM u1 WHERE u1.id = u2.uid) AS c, (SELECT upper(name) FROM u1 WHERE u1.id = u2.uid) AS un, (SELECT count(*) FROM u1) AS cnt FROM u2;
CREATE VIEW v8 AS WITH w AS (SELECT id, name FROM u1) SELECT w.*, u2.id AS uid FROM w CROSS JOIN u2 UNION ALL SELECT w.*, NULL FROM w;
SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'v_' ORDER BY 1, ordinal_position;
SELECT attrelid::regclass::text, attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid IN ('v1'::regclass, 'v3'::regclass, 'v7'::regclass, 'v8'::regclass) AND attnum > 0 ORDER BY 1, attnum;
INSERT INTO u1 (name, price, code) VALUES ('ann', 1.5, 'ab');
INSERT INTO u2 (uid) VALUES (1), (2);
SELECT * FROM v1 ORDER BY a;
SELECT * FROM v3 ORDER BY a;
SELECT * FROM v7 ORDER BY id;
SELECT * FROM v8 ORDER BY id, uid;
