-- ALTER TYPE ... ADD / DROP / RENAME ATTRIBUTE of a composite type: the catalog's rows and the
-- stored values of the columns of the type follow (an attribute added is NULL in them).
CREATE TYPE cta AS (a int, b text);
ALTER TYPE cta ADD ATTRIBUTE c numeric(5,2);
ALTER TYPE cta ADD ATTRIBUTE a int;
ALTER TYPE cta RENAME ATTRIBUTE a TO aa;
ALTER TYPE cta RENAME ATTRIBUTE zz TO z2;
ALTER TYPE cta RENAME ATTRIBUTE aa TO b;
ALTER TYPE cta DROP ATTRIBUTE zz;
SELECT ROW(1, 'x', 2.5)::cta, ROW(1, 'x')::cta;
SELECT ROW(1, 'x', 2.5, 4)::cta;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'cta'::regclass ORDER BY attnum;
CREATE TABLE cta_use (id int, x cta);
INSERT INTO cta_use VALUES (1, ROW(1, 'one', 1.5)), (2, NULL), (3, '(,,)');
ALTER TYPE cta ADD ATTRIBUTE d boolean;
SELECT id, x, (x).d FROM cta_use ORDER BY id;
INSERT INTO cta_use VALUES (4, ROW(4, 'four', NULL, true));
ALTER TYPE cta RENAME ATTRIBUTE b TO bb;
SELECT id, (x).bb, (x).* FROM cta_use ORDER BY id;
ALTER TYPE cta DROP ATTRIBUTE bb, ADD ATTRIBUTE e text;
SELECT id, x FROM cta_use ORDER BY id;
SELECT attname FROM pg_attribute WHERE attrelid = 'cta'::regclass AND NOT attisdropped ORDER BY attnum;
-- 0A000 in both while a column uses the type
ALTER TYPE cta ALTER ATTRIBUTE e TYPE varchar(5);
-- differs: DROP ATTRIBUTE IF EXISTS is 0A000 (PostgreSQL: a NOTICE when there is none)
ALTER TYPE cta DROP ATTRIBUTE IF EXISTS zz;
ALTER TYPE cta_nosuch ADD ATTRIBUTE e int;
ALTER TYPE cta_use ADD ATTRIBUTE e int;
DROP TABLE cta_use;
DROP TYPE cta;
