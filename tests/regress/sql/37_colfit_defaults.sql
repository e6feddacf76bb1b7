-- a column DEFAULT is coerced to the column's type and typmod each time a row takes it, as
-- PostgreSQL's assignment coercion of the default: one that does not fit fails at the INSERT
-- (not at CREATE), one that fits after rounding or cutting blanks is stored so (it was stored
-- as written: varchar(5) DEFAULT 'too long' stored 'too long')
CREATE TABLE cf_t (x int, a varchar(5) DEFAULT 'too long', b int2 DEFAULT 70000, c numeric(4,2) DEFAULT 123.456, d char(2) DEFAULT 'abc');
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cf_t' ORDER BY ordinal_position;
INSERT INTO cf_t DEFAULT VALUES;
INSERT INTO cf_t(x) VALUES (1);
INSERT INTO cf_t VALUES (1, 'ok', 1, 1.5, DEFAULT);
INSERT INTO cf_t VALUES (1, 'ok', 1, DEFAULT, 'ab');
INSERT INTO cf_t(x, a, c, d) VALUES (1, 'ok', 1.5, 'ab');
INSERT INTO cf_t(x, a, b, d) SELECT 1, 'ok', 1, 'ab';
INSERT INTO cf_t(x, a, b, c) SELECT 1, 'ok', 1, 1;
INSERT INTO cf_t(x, a, b, c, d) VALUES (2, 'ok', 2, 2.555, 'ab  '), (3, DEFAULT, 3, 3, 'cd');
INSERT INTO cf_t VALUES (1, 'ok', 1, 1, 'ab');
UPDATE cf_t SET a = DEFAULT;
SELECT * FROM cf_t ORDER BY x;
MERGE INTO cf_t USING (SELECT 7 AS k) s ON cf_t.x = s.k WHEN NOT MATCHED THEN INSERT (x, a, b, c) VALUES (s.k, 'ok', 1, 1);
-- rounded, blanks cut: as the assignment of the same constant would store it
CREATE TABLE cf_r (x int, c numeric(5,2) DEFAULT 12.345, i int DEFAULT 2.5, j int2 DEFAULT -2.5, k bigint DEFAULT 7.5, v varchar(3) DEFAULT 'ab   ', w char(3) DEFAULT 'a    ', n numeric(4,2) DEFAULT 2.675, m numeric(6,2) DEFAULT '1.005', h int DEFAULT 0.5, f real DEFAULT 1e300);
INSERT INTO cf_r(x, f) VALUES (1, 1);
INSERT INTO cf_r(x, f) VALUES (2, 2), (3, 3);
UPDATE cf_r SET c = DEFAULT, v = 'z' WHERE x = 3;
INSERT INTO cf_r(x, f) SELECT g, g FROM generate_series(4, 5) g;
MERGE INTO cf_r USING (SELECT 7 AS k) s ON cf_r.x = s.k WHEN NOT MATCHED THEN INSERT (x, f) VALUES (s.k, 7);
SELECT x, c, i, j, k, v || '|' AS v, w || '|' AS w, octet_length(w), length(v), n, m, h, c = 12.35 AS rounded FROM cf_r ORDER BY x;
SELECT count(*) FROM cf_r WHERE w = 'a' AND v = 'ab ' AND c = 12.35 AND i = 3;
INSERT INTO cf_r(x) VALUES (8);
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cf_r' AND column_name IN ('c', 'i', 'v', 'w', 'm') ORDER BY ordinal_position;
-- ADD COLUMN evaluates the default at once (the table's rows get it), also for a table without rows
CREATE TABLE cf_e (x int);
ALTER TABLE cf_e ADD COLUMN b int2 DEFAULT 70000;
ALTER TABLE cf_e ADD COLUMN v varchar(2) DEFAULT 'abc';
ALTER TABLE cf_e ADD COLUMN c numeric(3,1) DEFAULT 1.25;
INSERT INTO cf_e VALUES (1);
ALTER TABLE cf_e ADD COLUMN w char(3) DEFAULT 'ab  ', ADD COLUMN i int DEFAULT 1.5;
ALTER TABLE cf_e ADD COLUMN v varchar(2) DEFAULT 'abc';
ALTER TABLE cf_e ADD COLUMN b int2 DEFAULT 70000;
ALTER TABLE cf_e ADD COLUMN n numeric(3,1) DEFAULT 100;
INSERT INTO cf_e(x) VALUES (2);
SELECT x, c, w || '|' AS w, i FROM cf_e ORDER BY x;
-- SET DEFAULT: the new default is coerced when a row takes it
ALTER TABLE cf_e ALTER COLUMN c SET DEFAULT 99.99;
INSERT INTO cf_e(x) VALUES (3);
ALTER TABLE cf_e ALTER COLUMN c SET DEFAULT 10.04;
INSERT INTO cf_e(x) VALUES (4);
ALTER TABLE cf_e ALTER COLUMN w SET DEFAULT 'long';
INSERT INTO cf_e(x) VALUES (5);
SELECT x, c, w || '|' AS w, i FROM cf_e ORDER BY x;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cf_e' ORDER BY ordinal_position;
-- a domain over a type with a typmod: the column's default and the domain's
CREATE DOMAIN cf_d3 AS varchar(3);
CREATE DOMAIN cf_d3d AS varchar(3) DEFAULT 'abcd';
CREATE DOMAIN cf_n21 AS numeric(2,1) DEFAULT 1.25;
CREATE TABLE cf_dt (x int, a cf_d3 DEFAULT 'abcd', b cf_d3d, c cf_n21, d cf_d3 DEFAULT 'ab');
INSERT INTO cf_dt(x, b) VALUES (1, 'b');
INSERT INTO cf_dt(x, a) VALUES (1, 'a');
INSERT INTO cf_dt(x, a, b) VALUES (1, 'a', 'b');
SELECT * FROM cf_dt;
-- defaults that fit are stored as written
CREATE TABLE cf_ok (x int, a int DEFAULT 0, b numeric(10,2) DEFAULT 0, c varchar(10) DEFAULT '', d timestamptz DEFAULT now(), e text DEFAULT 'x', f int2 DEFAULT 1, g char(3) DEFAULT 'abc', h numeric(4,2) DEFAULT 1.50, i int DEFAULT 5.00, j real DEFAULT 1.5, k int8 DEFAULT 9223372036854775807, l varchar(4) DEFAULT true, m char(1) DEFAULT 'é');
INSERT INTO cf_ok(x) VALUES (1);
SELECT x, a, b, c, d IS NOT NULL AS d, e, f, g, h, i, j, k, l, m FROM cf_ok;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'cf_ok' AND column_name NOT IN ('d', 'k', 'l') ORDER BY ordinal_position;
-- expressions and bit strings
CREATE TABLE cf_ex (x int, a varchar(3) DEFAULT 'ab'::text || 'cd', b int2 DEFAULT 30000 * 3, c numeric(4,1) DEFAULT 1.25 * 1, e bit(3) DEFAULT B'10', f varbit(2) DEFAULT B'101', g bit(3) DEFAULT B'101', h int2 DEFAULT 5::int, i int DEFAULT 2.5 * 1);
INSERT INTO cf_ex(x, b, c, e, f) VALUES (1, 1, 1, B'000', B'1');
INSERT INTO cf_ex(x, a, c, e, f) VALUES (1, 'a', 1, B'000', B'1');
INSERT INTO cf_ex(x, a, b, e, f) VALUES (1, 'a', 1, B'000', B'1');
INSERT INTO cf_ex(x, a, b, c, f) VALUES (1, 'a', 1, 1, B'1');
INSERT INTO cf_ex(x, a, b, c, e) VALUES (1, 'a', 1, 1, B'000');
INSERT INTO cf_ex(x, a, b, e, f) VALUES (2, 'a', 1, B'000', B'1');
SELECT * FROM cf_ex;
CREATE TABLE cf_big (x int, e int8 DEFAULT 9223372036854775808, i int DEFAULT 2147483647.4);
INSERT INTO cf_big(x, i) VALUES (1, 1);
INSERT INTO cf_big(x, e) VALUES (1, 1);
SELECT * FROM cf_big;
-- ALTER COLUMN TYPE coerces a constant default to the new type anew, as PostgreSQL does
CREATE TABLE cf_at1 (x int, a varchar(5) DEFAULT 'too long', b numeric(4,2) DEFAULT 12.345, c int2 DEFAULT 70000);
ALTER TABLE cf_at1 ALTER COLUMN a TYPE text;
ALTER TABLE cf_at1 ALTER COLUMN b TYPE numeric(6,3);
ALTER TABLE cf_at1 ALTER COLUMN c TYPE int4;
INSERT INTO cf_at1(x) VALUES (1);
SELECT * FROM cf_at1;
CREATE TABLE cf_at2 (x int, a varchar(10) DEFAULT 'abcdefg');
ALTER TABLE cf_at2 ALTER COLUMN a TYPE varchar(5);
INSERT INTO cf_at2(x) VALUES (1);
SELECT * FROM cf_at2;
CREATE TABLE cf_at3 (x int, a varchar(10) DEFAULT 'abc', b int DEFAULT 55, c numeric(6,3) DEFAULT 1.2345, d text DEFAULT 'x', e int DEFAULT -5, f char(5) DEFAULT 'ab');
ALTER TABLE cf_at3 ALTER COLUMN a TYPE varchar(2), ALTER COLUMN b TYPE varchar(1), ALTER COLUMN c TYPE numeric(5,2), ALTER COLUMN d TYPE char(3), ALTER COLUMN e TYPE int2, ALTER COLUMN f TYPE varchar(3);
INSERT INTO cf_at3(x, b) VALUES (1, '1');
INSERT INTO cf_at3(x, a) VALUES (1, 'a');
INSERT INTO cf_at3(x, a, b) VALUES (1, 'a', '2');
SELECT x, a, b, c, d || '|', e, f || '|' FROM cf_at3;
ALTER TABLE cf_at3 ALTER COLUMN a TYPE text, ALTER COLUMN b TYPE text;
INSERT INTO cf_at3(x) VALUES (2);
SELECT x, a, b, c, d || '|', e, f || '|' FROM cf_at3 ORDER BY x;
