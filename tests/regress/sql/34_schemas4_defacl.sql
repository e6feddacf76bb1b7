-- ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT/REVOKE ... ON TABLES/SEQUENCES/
-- FUNCTIONS/ROUTINES/SCHEMAS (pg_dump output, Supabase-style setup scripts): recorded as
-- pg_default_acl rows, and objects created afterwards get their ACL from them. The owner's
-- name is the session user's, so it is replaced by OWNER.
SELECT count(*) FROM pg_default_acl;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO PUBLIC;
-- psql's \ddp
SELECT replace(pg_catalog.pg_get_userbyid(d.defaclrole), current_user, 'OWNER') AS "Owner",
  n.nspname AS "Schema",
  CASE d.defaclobjtype WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'function'
    WHEN 'T' THEN 'type' WHEN 'n' THEN 'schema' END AS "Type",
  replace(pg_catalog.array_to_string(d.defaclacl, E'\n'), current_user, 'OWNER') AS "Access privileges"
FROM pg_catalog.pg_default_acl d LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
ORDER BY 1, 2, 3;
CREATE SCHEMA s;
ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT INSERT ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE CURRENT_USER IN SCHEMA s GRANT UPDATE ON TABLES TO CURRENT_USER;
SELECT n.nspname, d.defaclobjtype, replace(d.defaclacl::text, current_user, 'OWNER')
FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 1, 2;
-- objects made afterwards: the tenant's defaults merged with their schema's
CREATE TABLE s.t (id serial);
CREATE TABLE t2 (id int);
CREATE VIEW s.v AS SELECT 1 AS a;
CREATE FUNCTION s.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE p2() LANGUAGE sql AS 'SELECT 1';
CREATE SEQUENCE s.q;
CREATE TABLE t3 (id int GENERATED ALWAYS AS IDENTITY);
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class
 WHERE relname IN ('t', 't2', 't3', 'v', 't_id_seq', 't3_id_seq', 'q') ORDER BY 1;
SELECT proname, replace(proacl::text, current_user, 'OWNER') FROM pg_proc WHERE proname IN ('f', 'p2') ORDER BY 1;
SELECT privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE oid = 's.t'::regclass))
 WHERE grantee = 0 ORDER BY 1;
-- a replaced view keeps its own ACL
REVOKE ALL ON s.v FROM PUBLIC;
CREATE OR REPLACE VIEW s.v AS SELECT 2 AS a;
SELECT replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE oid = 's.v'::regclass;
-- errors
ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT INSERT ON SEQUENCES TO PUBLIC;
-- detail
ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON SCHEMAS TO PUBLIC;
-- detail
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC WITH GRANT OPTION;
-- detail
ALTER DEFAULT PRIVILEGES IN SCHEMA nosuch GRANT SELECT ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO nosuch;
ALTER DEFAULT PRIVILEGES FOR ROLE nosuch GRANT SELECT ON TABLES TO PUBLIC;
-- detail
ALTER DEFAULT PRIVILEGES GRANT frob ON TABLES TO PUBLIC;
-- detail
ALTER DEFAULT PRIVILEGES GRANT SELECT (a) ON TABLES TO PUBLIC;
-- schemas made afterwards
ALTER DEFAULT PRIVILEGES GRANT CREATE ON SCHEMAS TO PUBLIC;
CREATE SCHEMA s2;
SELECT nspname, replace(nspacl::text, current_user, 'OWNER') FROM pg_namespace WHERE nspname IN ('s', 's2') ORDER BY 1;
-- back to the hard-wired defaults: the rows go
ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SEQUENCES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE CREATE ON SCHEMAS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON ROUTINES TO PUBLIC;
SELECT n.nspname, d.defaclobjtype, replace(d.defaclacl::text, current_user, 'OWNER')
FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 1, 2;
CREATE TABLE t4 (a int);
SELECT relacl IS NULL FROM pg_class WHERE relname = 't4';
-- IN SCHEMA public (Supabase's setup writes it)
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON SEQUENCES TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO PUBLIC;
CREATE SEQUENCE pq;
CREATE TABLE t5 (a int);
CREATE FUNCTION f5() RETURNS int LANGUAGE sql AS 'SELECT 5';
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname IN ('pq', 't5') ORDER BY 1;
SELECT proacl IS NULL FROM pg_proc WHERE proname = 'f5';
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON FUNCTIONS FROM PUBLIC;
-- a schema's default ACLs go with it
DROP SCHEMA s CASCADE;
SELECT n.nspname, d.defaclobjtype, replace(d.defaclacl::text, current_user, 'OWNER')
FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace ORDER BY 1, 2;
CREATE SCHEMA s;
SELECT count(*) FROM pg_default_acl;
-- differs: refused (0A000): types carry no privileges here (GRANT ON TYPE is refused too)
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO PUBLIC;
-- differs: refused (0A000): REVOKE from the owner (every user that reaches a tenant acts as its owner)
ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM CURRENT_USER;
