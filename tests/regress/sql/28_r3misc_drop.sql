-- DROP TABLE/VIEW/INDEX/SEQUENCE of an object in a schema that does not exist: with IF EXISTS
-- PostgreSQL's NOTICE `schema "x" does not exist, skipping` and success (test_ddlnotice.c checks
-- the NOTICE), without it 3F000. A schema here names a tenant: none of these is one.
DROP TABLE IF EXISTS no_such_schema.x;
DROP VIEW IF EXISTS no_such_schema.x;
DROP INDEX IF EXISTS no_such_schema.x;
DROP SEQUENCE IF EXISTS no_such_schema.x;
DROP TABLE IF EXISTS "No Such".x, "No Such".y;
DROP TABLE IF EXISTS main.x;
DROP TABLE IF EXISTS pg_no_such.x CASCADE;
DROP VIEW IF EXISTS no_such_schema.v1, other_missing.v2;
DROP TABLE no_such_schema.x;
DROP VIEW no_such_schema.x;
DROP INDEX no_such_schema.x;
DROP SEQUENCE no_such_schema.x;
DROP TABLE IF EXISTS public.r3m_nope;
