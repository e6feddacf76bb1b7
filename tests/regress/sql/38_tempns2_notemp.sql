-- pg_temp.x of no temporary x never reaches the permanent x: before the session has a temp
-- schema (3F000) and after (42P01)
CREATE TABLE x (a int, b text);
ALTER TABLE pg_temp.x ALTER COLUMN a TYPE bigint;
ALTER TABLE pg_temp.x SET (fillfactor = 50);
ALTER TABLE pg_temp.x ADD CONSTRAINT xc CHECK (a > 0);
SELECT relname, relpersistence, reloptions FROM pg_class WHERE relname = 'x';
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'public.x'::regclass AND attnum > 0 ORDER BY attnum;
SELECT conname FROM pg_constraint WHERE conrelid = 'public.x'::regclass;
CREATE TEMP TABLE tt (a int);
ALTER TABLE pg_temp.x ALTER COLUMN a TYPE bigint;
ALTER TABLE pg_temp.x SET (fillfactor = 50);
ALTER TABLE pg_temp.x DROP COLUMN b;
SELECT relname, relpersistence, reloptions FROM pg_class WHERE relname = 'x';
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'public.x'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE pg_temp.tt ALTER COLUMN a TYPE bigint;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'pg_temp.tt'::regclass AND attname = 'a';
