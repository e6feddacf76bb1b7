-- information_schema.view_table_usage and view_routine_usage (the relations and functions a
-- view's _RETURN rule depends on), element_types (the element types of array columns,
-- attributes, domains, parameters and results), the role views and the collation views.
CREATE TABLE isv_t (id int PRIMARY KEY, tags text[], scores int4[], name varchar(20), codes char(2)[]);
CREATE TYPE isv_mood AS ENUM ('sad', 'ok');
CREATE TABLE isv_u (id int, moods isv_mood[], t_id int REFERENCES isv_t, at timestamptz[]);
CREATE DOMAIN isv_ints AS int[];
CREATE TABLE isv_d (id int, v isv_ints);
CREATE TYPE isv_pair AS (a int, b numeric[]);
CREATE FUNCTION isv_double(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2';
CREATE FUNCTION isv_arr(a text[], n int) RETURNS int[] LANGUAGE sql AS 'SELECT ARRAY[n]';
CREATE VIEW isv_v1 AS SELECT id, tags FROM isv_t;
CREATE VIEW isv_v2 AS SELECT v.id, u.moods FROM isv_v1 v JOIN isv_u u ON u.t_id = v.id;
CREATE VIEW isv_v3 AS SELECT isv_double(id) AS d, name FROM isv_t WHERE id IN (SELECT t_id FROM isv_u);
CREATE VIEW isv_v4 AS SELECT 1 AS one;
CREATE FUNCTION isv_double(x text) RETURNS text LANGUAGE sql AS 'SELECT x || x';
CREATE FUNCTION isv_zero() RETURNS int LANGUAGE sql AS 'SELECT 0';
CREATE VIEW isv_v5 AS SELECT isv_double(name::text) AS dn, isv_zero() AS z, 'isv_double(1)' AS s FROM isv_t;
CREATE VIEW isv_v6 AS SELECT * FROM isv_v5 WHERE dn <> 'x';
SELECT view_catalog = current_database() AS vc, view_schema, view_name, table_catalog = current_database() AS tc, table_schema, table_name FROM information_schema.view_table_usage WHERE view_schema = 'public' ORDER BY view_name, table_name;
SELECT table_catalog = current_database() AS tc, table_schema, table_name, specific_catalog = current_database() AS sc, specific_schema, regexp_replace(specific_name, '_[0-9]+$', '') AS routine FROM information_schema.view_routine_usage WHERE table_schema = 'public' ORDER BY table_name, routine;
SELECT v.table_name, p.proname, pg_get_function_arguments(p.oid) AS args FROM information_schema.view_routine_usage v JOIN pg_proc p ON v.specific_name = p.proname || '_' || p.oid WHERE v.table_schema = 'public' ORDER BY 1, 2, 3;
SELECT view_catalog = current_database() AS vc, view_schema, view_name, table_catalog = current_database() AS tc, table_schema, table_name, column_name FROM information_schema.view_column_usage WHERE view_schema = 'public' ORDER BY view_name, table_name, column_name;
CREATE VIEW isv_v7 AS SELECT count(*) AS n, max(u.id) AS top FROM isv_u u, isv_t t WHERE t.scores IS NOT NULL GROUP BY t.name ORDER BY t.name;
CREATE VIEW isv_v8 AS WITH w AS (SELECT id, name FROM isv_t) SELECT w.id, v.tags FROM w JOIN isv_v1 v ON v.id = w.id;
SELECT view_name, table_name, column_name FROM information_schema.view_column_usage WHERE view_name IN ('isv_v7', 'isv_v8') ORDER BY 1, 2, 3;
CREATE VIEW isv_v9 AS SELECT w.id FROM isv_t w JOIN isv_v1 USING (id);
-- differs: view_column_usage: a USING column of the join's right side is not listed (SQLite resolves the merged column from the left side alone)
SELECT view_name, table_name, column_name FROM information_schema.view_column_usage WHERE view_name = 'isv_v9' ORDER BY 1, 2, 3;
SELECT view_name, table_name FROM information_schema.view_table_usage WHERE view_name IN ('isv_v7', 'isv_v8') ORDER BY 1, 2;
DROP VIEW isv_v3;
SELECT view_name, table_name, column_name FROM information_schema.view_column_usage WHERE view_schema = 'public' AND view_name = 'isv_v3';
SELECT view_name, table_name FROM information_schema.view_table_usage WHERE view_schema = 'public' ORDER BY 1, 2;
SELECT count(*) FROM information_schema.view_routine_usage WHERE table_schema = 'public';
SELECT object_catalog = current_database() AS oc, object_schema, object_name, object_type, collection_type_identifier, data_type, udt_catalog = current_database() AS uc, udt_schema, udt_name, dtd_identifier FROM information_schema.element_types WHERE object_schema = 'public' AND object_type <> 'ROUTINE' ORDER BY object_name, collection_type_identifier;
SELECT regexp_replace(object_name, '_[0-9]+$', '') AS routine, object_type, collection_type_identifier, data_type, udt_schema, udt_name, dtd_identifier FROM information_schema.element_types WHERE object_schema = 'public' AND object_type = 'ROUTINE' ORDER BY 1, 3;
SELECT character_maximum_length, character_octet_length, character_set_catalog, character_set_schema, character_set_name, collation_catalog, collation_schema, collation_name, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, interval_type, interval_precision, domain_default, scope_catalog, scope_schema, scope_name, maximum_cardinality FROM information_schema.element_types WHERE object_schema = 'public' AND object_name = 'isv_t' ORDER BY collection_type_identifier;
SELECT c.column_name, c.data_type, e.data_type AS element FROM information_schema.columns c JOIN information_schema.element_types e ON (c.table_catalog, c.table_schema, c.table_name, 'TABLE', c.dtd_identifier) = (e.object_catalog, e.object_schema, e.object_name, e.object_type, e.collection_type_identifier) WHERE c.table_name = 'isv_u' ORDER BY c.ordinal_position;
SELECT object_catalog = current_database() AS oc, object_schema, regexp_replace(object_name, '_[0-9]+$', '') AS object, object_type, dtd_identifier FROM information_schema.data_type_privileges WHERE object_schema = 'public' ORDER BY object_type, object, dtd_identifier;
SELECT count(*) AS without_privileges FROM information_schema.element_types e WHERE e.object_schema IN ('public', 'pg_catalog') AND NOT EXISTS (SELECT 1 FROM information_schema.data_type_privileges d WHERE (d.object_schema, d.object_name, d.object_type, d.dtd_identifier) = (e.object_schema, e.object_name, e.object_type, e.collection_type_identifier));
SELECT role_name = current_user AS me, role_name = 'pg_database_owner' AS dbo FROM information_schema.enabled_roles WHERE role_name IN (current_user, 'pg_database_owner') ORDER BY 1, 2;
SELECT grantee = current_user AS me, role_name, is_grantable FROM information_schema.applicable_roles WHERE role_name = 'pg_database_owner';
SELECT count(*) FROM information_schema.administrable_role_authorizations WHERE role_name = 'pg_database_owner' OR grantee = current_user;
SELECT collation_catalog = current_database() AS cc, collation_schema, collation_name, pad_attribute FROM information_schema.collations WHERE collation_name IN ('C', 'POSIX', 'default', 'ucs_basic') ORDER BY collation_name;
SELECT collation_catalog = current_database() AS cc, collation_schema, collation_name, character_set_catalog, character_set_schema, character_set_name FROM information_schema.collation_character_set_applicability WHERE collation_name IN ('C', 'POSIX', 'default', 'ucs_basic') ORDER BY collation_name;
SELECT a.collation_name, s.character_set_name FROM information_schema.collation_character_set_applicability a JOIN information_schema.character_sets s USING (character_set_name) WHERE a.collation_name = 'ucs_basic';
