-- A reg* value where it becomes text — a cast to text, ||, concat, format — shows its name,
-- as regclassout prints it (Diesel's diesel_manage_updated_at formats a regclass into CREATE
-- TRIGGER ... ON %s): it showed the OID.
CREATE TABLE users (id int, updated_at timestamp);
CREATE TABLE "Mixed" (id int);
SELECT 'users'::regclass::text, '"Mixed"'::regclass::text, 'public.users'::regclass::text;
SELECT CAST('users'::regclass AS text) AS c, 'users'::regclass::varchar AS v, 'users'::regclass::name AS n;
SELECT format('%s', 'users'::regclass), format('%I', 'users'::regclass), format('%L', '"Mixed"'::regclass);
SELECT 'x ' || 'users'::regclass, 'users'::regclass || ' y', '"Mixed"'::regclass || '';
SELECT 'int4'::regtype::text, 'public'::regnamespace::text, 'integer'::regtype::text, 'varchar'::regtype || '';
SELECT length('users'::regclass::text), upper('users'::regclass::text), concat('a', 'users'::regclass), concat_ws(',', 'users'::regclass, 'x');
SELECT c.oid::regclass::text, c.oid::regclass || '!' FROM pg_class c WHERE c.relname = 'users';
SELECT 'users'::regclass = (SELECT oid FROM pg_class WHERE relname = 'users'), 'users'::regclass::oid > 0;
SELECT 'nosuch'::regclass::text;
CREATE FUNCTION mk(_tbl text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('CREATE INDEX ON %s (id)', _tbl::regclass); END $$;
SELECT mk('users');
SELECT indexdef FROM pg_indexes WHERE tablename = 'users';
DROP FUNCTION mk(text);
