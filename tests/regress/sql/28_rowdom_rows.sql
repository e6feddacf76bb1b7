-- Row values and composite columns against PostgreSQL's own regression probes
-- (docs/sql-compat.md "Composite values"): a column of a temporary table's row type is of that
-- type (RowDescription, pg_typeof, field access), not text
CREATE TEMP TABLE rr_name (first text, n int);
CREATE TEMP TABLE rr_people (id int, who rr_name);
INSERT INTO rr_people VALUES (1, '(Ann,3)'), (2, ROW('Bo "B"', NULL)), (3, NULL);
INSERT INTO rr_people VALUES (4, '(Cy,x)');
SELECT * FROM rr_people ORDER BY id;
SELECT id, pg_typeof(who), (who).first, (who).n + 1 AS n1 FROM rr_people ORDER BY id;
SELECT id FROM rr_people WHERE (who).n = 3;
DROP TABLE rr_people;
DROP TABLE rr_name;
-- a table whose row type a column of another table uses: ADD COLUMN without a default gives
-- the stored values a NULL field, DROP COLUMN takes the field away, a rewrite is refused
CREATE TABLE rr_addr (street text, city text);
CREATE TABLE rr_cust (id int PRIMARY KEY, home rr_addr);
INSERT INTO rr_cust VALUES (1, '("1 Main St",Oslo)'), (2, NULL), (3, ROW(NULL, 'Rome'));
ALTER TABLE rr_addr ADD COLUMN zip text DEFAULT '0000';
ALTER TABLE rr_addr ADD COLUMN zip text DEFAULT NULL;
SELECT * FROM rr_cust ORDER BY id;
UPDATE rr_cust SET home = ROW('2 Elm', 'Bergen', '5003') WHERE id = 2;
ALTER TABLE rr_addr ADD COLUMN floor int;
SELECT id, home, (home).zip, (home).floor FROM rr_cust ORDER BY id;
ALTER TABLE rr_addr DROP COLUMN city;
SELECT id, home, (home).zip FROM rr_cust ORDER BY id;
ALTER TABLE rr_addr ALTER COLUMN floor TYPE bigint;
ALTER TABLE rr_addr ADD COLUMN n serial;
ALTER TABLE rr_addr ADD COLUMN g int GENERATED ALWAYS AS (floor * 2) STORED;
ALTER TABLE rr_addr RENAME COLUMN street TO line1;
SELECT (home).line1 FROM rr_cust ORDER BY id;
ALTER TABLE rr_addr ADD COLUMN zip text;
ALTER TABLE rr_addr DROP COLUMN nosuch;
ALTER TABLE rr_addr ADD COLUMN IF NOT EXISTS zip text;
ALTER TABLE rr_addr DROP COLUMN IF EXISTS nosuch;
BEGIN;
-- differs: refused (0A000) where the table's row type is a column's type; PostgreSQL adds the column (a NULL field)
ALTER TABLE rr_addr ADD COLUMN IF NOT EXISTS extra text;
ROLLBACK;
SELECT * FROM rr_cust ORDER BY id;
DROP TABLE rr_cust;
DROP TABLE rr_addr;
-- a whole row compared with a value of its row type: as composite values compare
CREATE TABLE rr_pair (a int8, b int8);
INSERT INTO rr_pair VALUES (123, 456), (4567890123456789, 123), (1, NULL);
SELECT * FROM rr_pair p WHERE p = ROW(123, 456)::rr_pair;
SELECT * FROM rr_pair p WHERE p <> ROW(123, 456)::rr_pair ORDER BY a;
SELECT * FROM rr_pair p WHERE p = ROW(1, NULL)::rr_pair;
SELECT * FROM rr_pair p WHERE p IN (ROW(123, 456)::rr_pair, '(4567890123456789,123)') ORDER BY a;
SELECT * FROM rr_pair p WHERE p NOT IN ('(1,)', ROW(123, 456)::rr_pair);
SELECT * FROM rr_pair p WHERE p > ROW(100, 0)::rr_pair ORDER BY a;
SELECT count(*) FROM rr_pair p WHERE p = '(123,456)';
DROP TABLE rr_pair;
-- a field of an anonymous row: f1, f2, ... as PostgreSQL names them
SELECT (ROW(1, 2.5)).f1, (ROW(1, 2.5)).f2;
SELECT (ROW(7, 'x'::text, NULL::int)).f3 IS NULL AS f3_null, (ROW(7, 'x'::text)).f2 || 'y' AS f2y;
SELECT (ROW(ROW(1, 2), 3)).f2;
SELECT (ROW(1, 2)).nosuch;
SELECT (ROW(1, 2)).f3;
SELECT (ROW(1, 2)).f0;
-- a temporary table's row type as a function's parameter (LANGUAGE sql and plpgsql, %ROWTYPE)
CREATE TEMP TABLE rr_tmp (first text, n int);
INSERT INTO rr_tmp VALUES ('Joe', 2);
CREATE FUNCTION rr_tmp_label(rr_tmp) RETURNS text LANGUAGE sql AS $$ SELECT $1.first || '#' || $1.n $$;
SELECT rr_tmp_label(t) FROM rr_tmp t;
SELECT rr_tmp_label(ROW('Ann', 5));
CREATE FUNCTION rr_tmp_pl(x rr_tmp) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN x.n * 10; END $$;
SELECT rr_tmp_pl(t) FROM rr_tmp t;
CREATE FUNCTION rr_tmp_first() RETURNS text LANGUAGE plpgsql AS $$ DECLARE r rr_tmp%ROWTYPE; BEGIN SELECT * INTO r FROM rr_tmp; RETURN r.first; END $$;
SELECT rr_tmp_first();
DROP FUNCTION rr_tmp_label(rr_tmp);
DROP FUNCTION rr_tmp_pl(rr_tmp);
DROP FUNCTION rr_tmp_first();
DROP TABLE rr_tmp;
-- GROUP BY a whole row groups by its columns (a NULL field equal to another, as records
-- group); a column of it alone in the select list is still not grouped
CREATE TABLE rr_g (a int, b text);
INSERT INTO rr_g VALUES (1, 'x'), (1, 'x'), (2, NULL), (2, NULL), (3, 'y');
SELECT count(*), min(a) FROM rr_g t GROUP BY t ORDER BY 2;
SELECT count(*) FROM rr_g GROUP BY rr_g ORDER BY 1;
SELECT a, count(*) FROM rr_g t GROUP BY t;
SELECT a, count(*) FROM rr_g t GROUP BY t, a ORDER BY 1;
DROP TABLE rr_g;
