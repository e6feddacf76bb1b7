-- Tenant-local schemas: GRANT/REVOKE ON SCHEMA s (pg_namespace.nspacl, aclexplode) and ON ALL
-- TABLES/SEQUENCES/FUNCTIONS/PROCEDURES/ROUTINES IN SCHEMA s or public, recorded as
-- docs/security.md "Privileges" models them.
CREATE SCHEMA s;
CREATE TABLE s.t (id serial PRIMARY KEY);
CREATE VIEW s.v AS SELECT id FROM s.t;
CREATE TABLE pt (a int);
CREATE FUNCTION s.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE s.p() LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pf() RETURNS int LANGUAGE sql AS 'SELECT 1';
SELECT nspname, nspacl IS NULL FROM pg_namespace WHERE nspname = 's';
GRANT USAGE ON SCHEMA s TO PUBLIC;
SELECT privilege_type, is_grantable FROM aclexplode((SELECT nspacl FROM pg_namespace WHERE nspname = 's'))
 WHERE grantee = 0;
GRANT CREATE ON SCHEMA s TO PUBLIC;
SELECT privilege_type FROM aclexplode((SELECT nspacl FROM pg_namespace WHERE nspname = 's')) ORDER BY 1;
REVOKE ALL ON SCHEMA s FROM PUBLIC;
SELECT privilege_type FROM aclexplode((SELECT nspacl FROM pg_namespace WHERE nspname = 's')) WHERE grantee = 0;
GRANT ALL ON SCHEMA s TO PUBLIC;
SELECT privilege_type FROM aclexplode((SELECT nspacl FROM pg_namespace WHERE nspname = 's')) WHERE grantee = 0
 ORDER BY 1;
-- errors
-- detail
GRANT SELECT ON SCHEMA s TO PUBLIC;
-- detail
GRANT USAGE ON SCHEMA nosuch TO PUBLIC;
-- detail
GRANT USAGE ON SCHEMA s TO nosuchrole;
-- detail
GRANT USAGE ON SCHEMA s TO PUBLIC WITH GRANT OPTION;
SELECT has_schema_privilege('s', 'USAGE'), has_schema_privilege('s', 'CREATE');
-- ALL ... IN SCHEMA
GRANT SELECT ON ALL TABLES IN SCHEMA s TO PUBLIC;
SELECT privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE oid = 's.t'::regclass)) WHERE grantee = 0;
SELECT privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE oid = 's.v'::regclass)) WHERE grantee = 0;
SELECT relacl IS NULL FROM pg_class WHERE oid = 'pt'::regclass;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA s TO PUBLIC;
SELECT privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE oid = 's.t_id_seq'::regclass)) WHERE grantee = 0;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA s FROM PUBLIC;
SELECT p.proname, p.pronamespace::regnamespace, p.proacl IS NULL FROM pg_proc p
 WHERE p.proname IN ('f', 'p', 'pf') ORDER BY 1;
REVOKE EXECUTE ON ALL PROCEDURES IN SCHEMA s FROM PUBLIC;
SELECT p.proname, p.proacl IS NULL FROM pg_proc p WHERE p.proname IN ('f', 'p', 'pf') ORDER BY 1;
SELECT privilege_type FROM aclexplode((SELECT proacl FROM pg_proc WHERE proname = 'p')) WHERE grantee = 0;
GRANT EXECUTE ON ALL ROUTINES IN SCHEMA public TO PUBLIC;
SELECT p.proname, p.proacl IS NULL FROM pg_proc p WHERE p.proname IN ('f', 'p', 'pf') ORDER BY 1;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
SELECT relacl IS NULL FROM pg_class WHERE oid = 'pt'::regclass;
SELECT privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE oid = 's.t'::regclass)) WHERE grantee = 0;
-- the grants follow a renamed schema and go with a dropped one
CREATE SCHEMA g;
CREATE TABLE g.x (a int);
GRANT USAGE ON SCHEMA g TO PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA g TO PUBLIC;
ALTER SCHEMA g RENAME TO g2;
SELECT privilege_type FROM aclexplode((SELECT nspacl FROM pg_namespace WHERE nspname = 'g2')) WHERE grantee = 0;
SELECT privilege_type FROM aclexplode((SELECT relacl FROM pg_class WHERE oid = 'g2.x'::regclass)) WHERE grantee = 0;
DROP SCHEMA g2 CASCADE;
CREATE SCHEMA g2;
SELECT nspacl IS NULL FROM pg_namespace WHERE nspname = 'g2';
