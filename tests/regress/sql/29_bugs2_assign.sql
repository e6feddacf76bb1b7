-- A value of a non-string type stored into a text, varchar or char column goes through
-- PostgreSQL's assignment cast, its output function: a boolean stores 'true', not 1.
CREATE TABLE b2_txt (id int, a text DEFAULT true, b varchar(10) DEFAULT false,
                     c text DEFAULT (1 > 2), d char(5));
INSERT INTO b2_txt (id) VALUES (1);
INSERT INTO b2_txt VALUES (2, false, true, 2 > 1, true);
INSERT INTO b2_txt (id, a, b) VALUES (3, 1.50::numeric(5,2), 2.5::float8);
INSERT INTO b2_txt (id, a, b) VALUES (4, 1.5::float4, 10::numeric / 4);
INSERT INTO b2_txt (id, a, b) VALUES (5, date '2024-01-02', interval '1 day 2 hours');
INSERT INTO b2_txt (id, a, b) VALUES (6, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '{"k": 1}'::json);
INSERT INTO b2_txt (id, a) VALUES (7, timestamp '2024-01-02 03:04:05');
INSERT INTO b2_txt (id, a) VALUES (8, ARRAY[true, false]);
INSERT INTO b2_txt (id, a) VALUES (9, 42), (10, NULL);
SELECT * FROM b2_txt ORDER BY id;
UPDATE b2_txt SET a = (id > 5), b = id % 2 = 0 WHERE id IN (1, 9);
SELECT id, a, b FROM b2_txt WHERE id IN (1, 9) ORDER BY id;
INSERT INTO b2_txt (id, a) SELECT 11, true;
SELECT a FROM b2_txt WHERE id = 11;
-- a value too long for varchar(n) after its conversion: 22001, as an assignment checks it
INSERT INTO b2_txt (id, b) VALUES (12, 123456789012::int8);
CREATE TABLE b2_short (v varchar(3));
INSERT INTO b2_short VALUES (true);
INSERT INTO b2_short VALUES (false);
SET DateStyle = 'SQL, DMY';
INSERT INTO b2_txt (id, a) VALUES (13, date '2024-01-02');
SELECT a FROM b2_txt WHERE id = 13;
RESET DateStyle;
SET IntervalStyle = 'postgres_verbose';
INSERT INTO b2_txt (id, a) VALUES (14, interval '1 day 2 hours');
SELECT a FROM b2_txt WHERE id = 14;
RESET IntervalStyle;
-- a numeric constant DEFAULT of a string column keeps its digits as written
CREATE TABLE b2_dflt (id int, a text DEFAULT 1.50, e varchar(8) DEFAULT -2.50, b text DEFAULT true);
INSERT INTO b2_dflt (id) VALUES (1);
SELECT * FROM b2_dflt;
-- differs: pg_attrdef shows a constant DEFAULT of a string column stored as its text as a string literal ('true'::text), PostgreSQL as the constant (true)
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'b2_dflt'::regclass ORDER BY adnum;
DROP TABLE b2_txt, b2_short, b2_dflt;
-- PL/pgSQL: a boolean assigned to a string variable, or returned as text, is 'true'
CREATE FUNCTION b2_booltext(b boolean) RETURNS text LANGUAGE plpgsql AS $$
DECLARE x text := b; y varchar(10) := NOT b; z text;
BEGIN z := 2 > 1; RETURN x || '/' || y || '/' || z; END $$;
CREATE FUNCTION b2_boolret() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 1 < 2; END $$;
SELECT b2_booltext(true), b2_booltext(false), b2_boolret();
DROP FUNCTION b2_booltext, b2_boolret;
