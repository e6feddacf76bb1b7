-- Schema-qualified names: public. and unqualified mean the session's own tenant, pg_catalog
-- and information_schema the catalog; any other schema names a tenant (docs/sql-compat.md).
CREATE TABLE public.s1 (id int PRIMARY KEY, name text);
INSERT INTO public.s1 VALUES (1, 'one'), (2, 'two');
SELECT * FROM public.s1 ORDER BY id;
SELECT public.s1.name FROM public.s1 WHERE public.s1.id = 2;
SELECT s.name FROM public.s1 AS s JOIN s1 ON s1.id = s.id ORDER BY s.id;
UPDATE public.s1 SET name = 'uno' WHERE id = 1 RETURNING name;
DELETE FROM public.s1 WHERE id = 2;
SELECT count(*) FROM s1;
ALTER TABLE public.s1 ADD COLUMN note text;
SELECT * FROM s1;
CREATE TABLE public.s2 (a int);
DROP TABLE public.s2;
SELECT relname FROM pg_catalog.pg_class WHERE relname = 's1';
SELECT table_name FROM information_schema.tables WHERE table_name = 's1';
-- a schema that does not exist
SELECT * FROM nosuch.s1;
INSERT INTO nosuch.s1 VALUES (3, 'three');
CREATE TABLE nosuch.s3 (a int);
CREATE TABLE "no such".s3 (a int);
SELECT * FROM "no such".s3;
SELECT * FROM "Nosuch".s1;
UPDATE nosuch.s1 SET name = 'x';
WITH w AS (SELECT 1) SELECT * FROM w, nosuch.t;
SELECT * FROM otherdb.public.s1;
-- differs: the session's own tenant name is also a schema (PostgreSQL has no such schema: 42P01)
SELECT name FROM regress_08_schemas.s1;
-- search_path: missing schemas are skipped, as in PostgreSQL
SET search_path TO nosuch, public;
SHOW search_path;
SELECT name FROM s1;
SET search_path TO "$user", public;
SHOW search_path;
SET search_path TO public, pg_catalog;
SELECT count(*) FROM pg_class WHERE relname = 's1';
RESET search_path;
SHOW search_path;
SELECT name FROM s1;
-- CREATE SCHEMA IF NOT EXISTS of a schema that exists does nothing (Prisma's migrations start
-- with it); a new schema is made inside the tenant (31_schemas_basic.sql)
CREATE SCHEMA IF NOT EXISTS public;
CREATE SCHEMA IF NOT EXISTS brandnew;
DROP SCHEMA brandnew;
