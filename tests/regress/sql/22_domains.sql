-- Domains (docs/sql-compat.md): CREATE DOMAIN is refused (0A000), so a tenant holds no domain;
-- DROP DOMAIN answers as PostgreSQL does for a name that is no domain (pg_dump --clean
-- --if-exists writes DROP DOMAIN IF EXISTS for each domain).
DROP DOMAIN IF EXISTS dm_none;
DROP DOMAIN IF EXISTS dm_none, dm_other CASCADE;
DROP DOMAIN IF EXISTS public.dm_none RESTRICT;
DROP DOMAIN dm_none;
DROP DOMAIN dm_none CASCADE;
DROP DOMAIN integer;
DROP DOMAIN IF EXISTS text;
DROP DOMAIN int4[];
DROP DOMAIN serial;
CREATE TYPE dm_mood AS ENUM ('a', 'b');
DROP DOMAIN dm_mood;
DROP DOMAIN IF EXISTS dm_mood;
CREATE TABLE dm_t (k int);
DROP DOMAIN dm_t;
DROP TABLE dm_t;
DROP TYPE dm_mood;
DROP DOMAIN IF EXISTS dm_mood;
-- differs: refused (0A000): CREATE DOMAIN
CREATE DOMAIN dm_email AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
-- differs: refused (0A000): ALTER DOMAIN
ALTER DOMAIN dm_email SET DEFAULT 'a@b';
