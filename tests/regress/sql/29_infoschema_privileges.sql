-- information_schema.routine_privileges, udt_privileges, usage_privileges and their
-- role_*_grants: from each object's ACL, acldefault() when GRANT/REVOKE never touched it (the
-- owner, the session user, holds every privilege, grantable; PUBLIC EXECUTE on a function and
-- USAGE on a type or domain). The owner's name is the session user's, so it is compared with
-- current_user.
CREATE TABLE isp_t (id int PRIMARY KEY, name text);
CREATE VIEW isp_v AS SELECT id FROM isp_t;
CREATE TYPE isp_pair AS (a int, b text);
CREATE DOMAIN isp_pos AS int CHECK (VALUE > 0);
CREATE SEQUENCE isp_seq;
CREATE SEQUENCE isp_seq2;
CREATE FUNCTION isp_f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
CREATE FUNCTION isp_f(x text) RETURNS text LANGUAGE sql AS 'SELECT x';
CREATE FUNCTION isp_g() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE isp_p(x int) LANGUAGE sql AS 'SELECT 1';
SELECT grantor = current_user AS by_owner, CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee, specific_catalog = current_database() AS sc, specific_schema, regexp_replace(specific_name, '_[0-9]+$', '') AS specific, routine_catalog = current_database() AS rc, routine_schema, routine_name, privilege_type, is_grantable FROM information_schema.routine_privileges WHERE routine_schema = 'public' ORDER BY routine_name, specific_name, grantee;
SELECT r.routine_name, pg_get_function_arguments(p.oid) AS args, r.grantee = current_user AS owner FROM information_schema.routine_privileges r JOIN pg_proc p ON r.specific_name = p.proname || '_' || p.oid WHERE r.routine_schema = 'public' ORDER BY 1, 2, 3;
REVOKE EXECUTE ON FUNCTION isp_f(int) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION isp_g() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION isp_g() TO PUBLIC;
SELECT routine_name, pg_get_function_arguments(p.oid) AS args, CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee, privilege_type, is_grantable FROM information_schema.routine_privileges r JOIN pg_proc p ON r.specific_name = p.proname || '_' || p.oid WHERE r.routine_schema = 'public' ORDER BY 1, 2, 3;
SELECT routine_name, CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee, is_grantable FROM information_schema.role_routine_grants WHERE routine_schema = 'public' AND routine_name = 'isp_g' ORDER BY 1, 2;
SELECT grantor = current_user AS by_owner, CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee, udt_catalog = current_database() AS uc, udt_schema, udt_name, privilege_type, is_grantable FROM information_schema.udt_privileges WHERE udt_schema = 'public' ORDER BY udt_name, grantee;
SELECT udt_name, CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee FROM information_schema.role_udt_grants WHERE udt_schema = 'public' ORDER BY 1, 2;
SELECT grantor = current_user AS by_owner, CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee, object_catalog = current_database() AS oc, object_schema, object_name, object_type, privilege_type, is_grantable FROM information_schema.usage_privileges WHERE object_schema = 'public' OR object_name IN ('C', 'POSIX', 'default', 'ucs_basic') ORDER BY object_type, object_name, grantee;
GRANT USAGE ON SEQUENCE isp_seq TO PUBLIC;
GRANT SELECT ON SEQUENCE isp_seq2 TO PUBLIC;
SELECT CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee, object_name, object_type, privilege_type, is_grantable FROM information_schema.usage_privileges WHERE object_type = 'SEQUENCE' AND object_schema = 'public' ORDER BY object_name, grantee;
SELECT CASE WHEN grantee = current_user THEN 'OWNER' ELSE grantee END AS grantee, object_name, object_type FROM information_schema.role_usage_grants WHERE object_schema = 'public' ORDER BY object_type, object_name, grantee;
DROP FUNCTION isp_f(int);
SELECT routine_name, count(*) FROM information_schema.routine_privileges WHERE routine_schema = 'public' GROUP BY 1 ORDER BY 1;
