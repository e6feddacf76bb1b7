-- GRANT and REVOKE on tables, views and sequences (docs/security.md "Privileges"): recorded and shown where PostgreSQL shows them; the owner's name is the session user's, so it is replaced by OWNER
CREATE TABLE acct (id int PRIMARY KEY, owner_name text);
CREATE VIEW acct_v AS SELECT id FROM acct;
CREATE SEQUENCE acct_seq;
SELECT relname, relacl FROM pg_class WHERE relname IN ('acct', 'acct_v', 'acct_seq') ORDER BY relname;
GRANT SELECT ON acct TO PUBLIC;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname IN ('acct', 'acct_v', 'acct_seq') ORDER BY relname;
GRANT INSERT, UPDATE ON TABLE acct, acct_v TO PUBLIC;
GRANT ALL ON SEQUENCE acct_seq TO CURRENT_USER;
GRANT USAGE ON acct_seq TO PUBLIC;
GRANT SELECT ON SEQUENCE acct_seq TO PUBLIC;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname IN ('acct', 'acct_v', 'acct_seq') ORDER BY relname;
REVOKE INSERT ON acct FROM PUBLIC;
REVOKE ALL PRIVILEGES ON acct_seq FROM PUBLIC;
REVOKE UPDATE ON acct_v FROM PUBLIC CASCADE;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname IN ('acct', 'acct_v', 'acct_seq') ORDER BY relname;
GRANT SELECT, TRIGGER ON ALL TABLES IN SCHEMA public TO PUBLIC;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO PUBLIC;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname IN ('acct', 'acct_v', 'acct_seq') ORDER BY relname;
SELECT c.relname, replace(array_to_string(c.relacl, E'\n'), current_user, 'OWNER') AS "Access privileges" FROM pg_class c WHERE c.relname IN ('acct', 'acct_v', 'acct_seq') ORDER BY 1;
SELECT replace(grantor, current_user, 'OWNER'), replace(grantee, current_user, 'OWNER'), table_name, privilege_type, is_grantable, with_hierarchy FROM information_schema.table_privileges WHERE table_name IN ('acct', 'acct_v') ORDER BY 3, 2, 4;
SELECT replace(grantee, current_user, 'OWNER'), table_name, privilege_type FROM information_schema.role_table_grants WHERE table_name = 'acct_v' ORDER BY 1, 3;
SELECT has_table_privilege('acct', 'SELECT'), has_table_privilege('acct', 'INSERT, DELETE'), has_table_privilege(current_user, 'acct_v', 'UPDATE');
GRANT USAGE ON SCHEMA public TO PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT replace(nspacl::text, current_user, 'OWNER') FROM pg_namespace WHERE nspname = 'public';
-- errors PostgreSQL reports the same way
GRANT SELECT ON nothing_here TO PUBLIC;
GRANT USAGE ON acct TO PUBLIC;
GRANT INSERT ON SEQUENCE acct_seq TO PUBLIC;
GRANT SELECT ON SEQUENCE acct TO PUBLIC;
GRANT frobnicate ON acct TO PUBLIC;
GRANT SELECT ON acct TO PUBLIC WITH GRANT OPTION;
GRANT SELECT ON acct TO no_such_role_anywhere;
REVOKE SELECT ON acct FROM no_such_role_anywhere;
-- differs: refused (0A000): column privileges
GRANT SELECT (id) ON acct TO PUBLIC;
-- differs: refused (0A000): REVOKE from the owner (every user that reaches a tenant acts as its owner)
REVOKE SELECT ON acct FROM CURRENT_USER;
GRANT SELECT ON acct TO CURRENT_USER;
-- differs: refused (0A000): schema privileges other than USAGE on public to PUBLIC
GRANT CREATE ON SCHEMA public TO PUBLIC;
-- differs: refused (0A000): privileges on functions
GRANT EXECUTE ON FUNCTION now() TO PUBLIC;
-- a sequence named with ON TABLE takes the privileges a sequence has (PostgreSQL also warns; warnings are not compared)
GRANT INSERT ON TABLE acct_seq TO PUBLIC;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname = 'acct_seq';
-- relations with an explicit ACL
SELECT count(*) FROM pg_class WHERE relacl IS NOT NULL AND relname LIKE 'acct%';
-- a dropped relation's grants go with it; a renamed one keeps them
DROP VIEW acct_v;
CREATE VIEW acct_v AS SELECT id FROM acct;
ALTER TABLE acct RENAME TO acct2;
DROP SEQUENCE acct_seq;
CREATE SEQUENCE acct_seq;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname IN ('acct2', 'acct_v', 'acct_seq') ORDER BY relname;
REVOKE ALL ON acct2 FROM PUBLIC;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname = 'acct2';
-- ALTER TABLE ... OWNER TO the session's own user changes nothing
ALTER TABLE acct2 OWNER TO CURRENT_USER;
ALTER TABLE acct2 OWNER TO no_such_role_anywhere;
-- a serial column's sequence loses its grants with its table
CREATE TABLE ser (id serial PRIMARY KEY);
GRANT USAGE ON SEQUENCE ser_id_seq TO PUBLIC;
SELECT relname, replace(relacl::text, current_user, 'OWNER') FROM pg_class WHERE relname = 'ser_id_seq';
DROP TABLE ser;
CREATE TABLE ser (id serial PRIMARY KEY);
SELECT relname, relacl FROM pg_class WHERE relname = 'ser_id_seq';
-- default privileges for the tables made from here on (34_schemas4_defacl.sql tests them)
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
-- EXECUTE on the tenant's own functions and procedures (PUBLIC holds it by default)
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';
CREATE FUNCTION add_one(t text) RETURNS text LANGUAGE sql AS 'SELECT t || ''1''';
CREATE PROCEDURE noop() LANGUAGE plpgsql AS $$ BEGIN END $$;
SELECT proname, proacl FROM pg_proc WHERE proname IN ('add_one', 'noop') ORDER BY 1, proargtypes::text;
GRANT EXECUTE ON FUNCTION add_one(int) TO PUBLIC;
SELECT proname, pg_get_function_arguments(oid), replace(proacl::text, current_user, 'OWNER') FROM pg_proc WHERE proname IN ('add_one', 'noop') ORDER BY 1, 2;
REVOKE ALL ON FUNCTION add_one(integer) FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE noop() FROM PUBLIC;
GRANT ALL PRIVILEGES ON ROUTINE add_one(text) TO CURRENT_USER;
SELECT proname, pg_get_function_arguments(oid), replace(proacl::text, current_user, 'OWNER') FROM pg_proc WHERE proname IN ('add_one', 'noop') ORDER BY 1, 2;
GRANT EXECUTE ON FUNCTION add_one(int) TO PUBLIC;
SELECT replace(proacl::text, current_user, 'OWNER') FROM pg_proc WHERE proname = 'add_one' AND pronargs = 1 ORDER BY 1;
DROP TABLE ser;
SELECT replace(proacl::text, current_user, 'OWNER') FROM pg_proc WHERE proname = 'add_one' AND proargtypes::text = '23';
SELECT add_one(1);
GRANT SELECT ON FUNCTION add_one(int) TO PUBLIC;
GRANT EXECUTE ON FUNCTION add_one TO PUBLIC;
GRANT EXECUTE ON FUNCTION no_such_fn(int) TO PUBLIC;
GRANT EXECUTE ON FUNCTION add_one(int) TO PUBLIC WITH GRANT OPTION;
DROP FUNCTION add_one(int);
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';
SELECT proacl FROM pg_proc WHERE proname = 'add_one' AND pronargs = 1 AND proargtypes::text = '23';
-- differs: refused (0A000): privileges on built-in functions (the server's, not the tenant's)
GRANT EXECUTE ON FUNCTION now() TO PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC;
