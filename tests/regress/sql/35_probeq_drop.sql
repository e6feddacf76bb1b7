-- Probing PostgreSQL's drop_if_exists.sql: DROP TYPE/DOMAIN/FUNCTION/PROCEDURE/AGGREGATE IF
-- EXISTS of an object in a schema that does not exist is PostgreSQL's NOTICE `schema "x" does
-- not exist, skipping` (it was 0A000), and 3F000 without IF EXISTS, as for tables.
-- notices
DROP TYPE IF EXISTS no_such_schema.t;
-- notices
DROP DOMAIN IF EXISTS no_such_schema.d;
-- notices
DROP FUNCTION IF EXISTS no_such_schema.f();
-- notices
DROP FUNCTION IF EXISTS no_such_schema.f(int, text);
-- notices
DROP PROCEDURE IF EXISTS no_such_schema.p;
-- notices
DROP AGGREGATE IF EXISTS no_such_schema.a(int);
DROP TYPE no_such_schema.t;
DROP FUNCTION no_such_schema.f();
DROP DOMAIN no_such_schema.d;
CREATE SCHEMA lsch;
CREATE TYPE lsch.ty AS (a int);
DROP TYPE IF EXISTS lsch.ty;
CREATE FUNCTION lsch.f() RETURNS int AS 'select 1' LANGUAGE sql;
DROP FUNCTION IF EXISTS lsch.f();
SELECT count(*) FROM pg_proc WHERE proname = 'f';
