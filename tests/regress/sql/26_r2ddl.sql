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
