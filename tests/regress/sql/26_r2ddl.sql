-- Small DDL differences found probing PostgreSQL's DDL regression files: a column definition
-- after a table constraint, CREATE UNIQUE INDEX over duplicate rows, a table's name after its
-- alias in FROM.
CREATE TABLE r2_mixed (a int, CHECK (a > 0), b text, CONSTRAINT r2_mixed_pk PRIMARY KEY (a), c int UNIQUE, UNIQUE (b, c), d date);
INSERT INTO r2_mixed VALUES (1, 'x', 2, '2024-01-02');
SELECT * FROM r2_mixed;
INSERT INTO r2_mixed VALUES (0, 'y', 3, NULL);
INSERT INTO r2_mixed VALUES (1, 'y', 3, NULL);
SELECT attname, attnum FROM pg_attribute WHERE attrelid = 'r2_mixed'::regclass AND attnum > 0 ORDER BY attnum;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'r2_mixed'::regclass ORDER BY conname;
CREATE TABLE r2_mixed2 (CHECK (w > 0), w int, FOREIGN KEY (v) REFERENCES r2_mixed (a), v int);
INSERT INTO r2_mixed2 VALUES (1, 1);
INSERT INTO r2_mixed2 VALUES (2, 5);
SELECT w, v FROM r2_mixed2;
CREATE TABLE r2_serial (CHECK (n < 100), id serial PRIMARY KEY, n int);
INSERT INTO r2_serial (n) VALUES (5), (6) RETURNING id, n;

CREATE TABLE r2_dup (a int, b text, c int);
INSERT INTO r2_dup VALUES (1, 'x', 1), (2, 'y', NULL), (1, 'z', NULL), (3, 'y', NULL);
CREATE UNIQUE INDEX r2_dup_a ON r2_dup (a);
CREATE UNIQUE INDEX r2_dup_bc ON r2_dup (b, c);
CREATE UNIQUE INDEX r2_dup_b ON r2_dup (b);
CREATE UNIQUE INDEX IF NOT EXISTS "R2 Dup" ON r2_dup (b);
CREATE UNIQUE INDEX ON r2_dup (a, b);
CREATE UNIQUE INDEX ON r2_dup (b);
CREATE UNIQUE INDEX r2_dup_lower ON r2_dup (lower(b));
CREATE UNIQUE INDEX r2_dup_part ON r2_dup (a) WHERE c IS NULL;
SELECT indexname FROM pg_indexes WHERE tablename = 'r2_dup' ORDER BY 1;
CREATE UNIQUE INDEX r2_dup_ab ON r2_dup (a, b);
BEGIN;
CREATE UNIQUE INDEX r2_dup_a2 ON r2_dup (a);
ROLLBACK;
INSERT INTO r2_dup VALUES (3, 'y', 7);
SELECT a, b, c FROM r2_dup ORDER BY a, b;

CREATE TABLE r2_t (a int, b text);
INSERT INTO r2_t VALUES (1, 'one');
SELECT r2_t.a FROM r2_t AS x;
SELECT x.a FROM r2_t AS x;
SELECT r2_t.a FROM r2_t;
SELECT a FROM r2_t x WHERE r2_t.b = 'one';
SELECT x.a FROM r2_t x JOIN r2_mixed m ON r2_t.a = m.a;
SELECT (SELECT r2_t.b FROM r2_mixed m) FROM r2_t AS x;
SELECT r2_t.a FROM r2_t AS x, r2_t;
UPDATE r2_t AS x SET b = 'two' WHERE r2_t.a = 1;
DELETE FROM r2_t AS x WHERE r2_t.a = 1;
SELECT a, b FROM r2_t;

-- A foreign key between columns of incompatible types is refused (42804); int2/int4/int8,
-- varchar/text/name mixes are foreign keys as in PostgreSQL.
CREATE TABLE r2_pk (id int PRIMARY KEY, code varchar(10) UNIQUE, d date UNIQUE, u uuid UNIQUE, UNIQUE (id, code));
CREATE TABLE r2_fk1 (a text REFERENCES r2_pk (id));
CREATE TABLE r2_fk2 (a int, CONSTRAINT r2_fk2_named FOREIGN KEY (a) REFERENCES r2_pk (code));
CREATE TABLE r2_fk3 (a bigint REFERENCES r2_pk (id), b text REFERENCES r2_pk (code), c smallint, FOREIGN KEY (c) REFERENCES r2_pk (id));
-- differs: refused (0A000): a timestamp referencing a date (their stored values differ: 29_fkact_types.sql)
CREATE TABLE r2_fk4a (a timestamp REFERENCES r2_pk (d));
CREATE TABLE r2_fk4 (b int8 REFERENCES r2_pk (id), c name REFERENCES r2_pk (code));
CREATE TABLE r2_fk5 (a boolean REFERENCES r2_pk (id));
CREATE TABLE r2_fk6 (a text REFERENCES r2_pk (u));
CREATE TABLE r2_fk7 (a int, b text, FOREIGN KEY (b, a) REFERENCES r2_pk (id, code));
CREATE TABLE r2_self (id int PRIMARY KEY, parent text REFERENCES r2_self (id));
CREATE TABLE r2_self2 (id int PRIMARY KEY, parent bigint REFERENCES r2_self2 (id));
CREATE TABLE r2_fk8 (a text, b int);
ALTER TABLE r2_fk8 ADD FOREIGN KEY (a) REFERENCES r2_pk (id);
ALTER TABLE r2_fk8 ADD FOREIGN KEY (b) REFERENCES r2_pk (id);
INSERT INTO r2_pk VALUES (1, 'x', '2024-01-02', NULL);
INSERT INTO r2_fk3 VALUES (1, 'x', 1);
INSERT INTO r2_fk3 VALUES (2, 'x', 1);
SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text LIKE 'r2_%' AND conname NOT IN ('r2_fk8_a_fkey', 'r2_fk4a_a_fkey') ORDER BY 1;
-- A name value is cut to 63 bytes (NAMEDATALEN - 1), never inside a UTF-8 character.
SELECT 'abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789abcdefghij'::name AS n, octet_length('abcdefghij0123456789abcdefghij0123456789abcdefghij0123456789abcdefghij'::name) AS len;
SELECT octet_length(repeat('é', 40)::name) AS two_byte, octet_length(('a' || repeat('é', 40))::name) AS odd, octet_length(repeat('€', 30)::name) AS three_byte;
SELECT repeat('x', 63)::name = repeat('x', 70)::name AS same, CAST(repeat('y', 64) AS name) AS y, 'short'::name AS s, NULL::name AS nul;
CREATE TABLE r2_names (t text);
INSERT INTO r2_names VALUES (repeat('ab', 40)), (repeat('ü', 35)), (NULL);
SELECT t::name AS n, octet_length(t::name) AS len FROM r2_names ORDER BY 2;
CREATE TABLE r2_namecol (id int, n name);
INSERT INTO r2_namecol VALUES (1, repeat('a', 70)), (2, 'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc'), (3, repeat('ö', 40));
INSERT INTO r2_namecol SELECT 4, t FROM r2_names WHERE t LIKE 'ab%';
UPDATE r2_namecol SET n = n || 'zzzz' WHERE id = 2;
SELECT id, n, octet_length(n) FROM r2_namecol ORDER BY id;
CREATE TABLE r2_fk9 (b numeric REFERENCES r2_pk (id));
