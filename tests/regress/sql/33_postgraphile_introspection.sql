-- PostGraphile 4's introspection query over pg_catalog (tests/integration/clients_postgraphile.js):
-- the pieces of it shardlite answers as PostgreSQL does — COMMENT ON FUNCTION in
-- pg_description, ARRAY[...]::"char"[], count(t.*), aclexplode() of an outer query's column,
-- every relation's row type among the types, int2vector and oidvector as JSON arrays,
-- coalesce(proallargtypes, proargtypes) and coalesce(proargmodes, array[]::text[]).
CREATE TABLE person (id serial PRIMARY KEY, first_name text NOT NULL, last_name text);
CREATE TABLE post_like (post_id integer, person_id integer, stars smallint, PRIMARY KEY (post_id, person_id));
INSERT INTO person (first_name, last_name) VALUES ('Ada', 'Lovelace'), ('Alan', NULL);
CREATE FUNCTION person_full_name(p person) RETURNS text AS $$ SELECT p.first_name || ' ' || coalesce(p.last_name, '') $$ LANGUAGE sql STABLE;
CREATE FUNCTION add_score(post_id integer, delta integer, OUT old_score integer, OUT new_score integer) AS $$ SELECT delta, delta + 1 $$ LANGUAGE sql;
CREATE FUNCTION g(x int, y text DEFAULT 'a') RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
-- COMMENT ON FUNCTION: pg_description's row of pg_proc, obj_description(oid, 'pg_proc')
COMMENT ON FUNCTION person_full_name(person) IS 'First and last name.';
COMMENT ON FUNCTION g(int, text) IS 'the g';
SELECT p.proname, d.description, obj_description(p.oid, 'pg_proc') FROM pg_proc p JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::regclass WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1;
SELECT obj_description('g'::regproc, 'pg_proc'), obj_description('add_score'::regproc, 'pg_proc');
-- CREATE OR REPLACE keeps it, RENAME TO carries it, DROP takes it along
CREATE OR REPLACE FUNCTION g(x int, y text DEFAULT 'a') RETURNS int AS $$ SELECT x + 1 $$ LANGUAGE sql;
SELECT obj_description('g'::regproc, 'pg_proc');
ALTER FUNCTION g(int, text) RENAME TO h;
SELECT obj_description('h'::regproc, 'pg_proc');
COMMENT ON FUNCTION h IS 'again';
SELECT obj_description('h'::regproc, 'pg_proc');
COMMENT ON FUNCTION h(int, text) IS NULL;
SELECT count(*) FROM pg_description d JOIN pg_proc p ON p.oid = d.objoid AND d.classoid = 1255 WHERE p.pronamespace = 'public'::regnamespace;
COMMENT ON FUNCTION h(int, text) IS 'x';
DROP FUNCTION h;
CREATE FUNCTION h(x int, y text DEFAULT 'a') RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
SELECT count(*) FROM pg_description d JOIN pg_proc p ON p.oid = d.objoid AND d.classoid = 1255 WHERE p.pronamespace = 'public'::regnamespace;
COMMENT ON FUNCTION nope(int) IS 'x';
COMMENT ON PROCEDURE h(int, text) IS 'x';
COMMENT ON ROUTINE h(int, text) IS 'routine';
SELECT obj_description('h'::regproc, 'pg_proc');
-- ARRAY[...]::"char"[] against proargmodes
SELECT ARRAY['i', 'o']::"char"[], ARRAY['in', 'b']::"char"[], ARRAY[]::"char"[];
SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND (proargmodes IS NULL OR proargmodes OPERATOR(pg_catalog.<@) ARRAY['i','o','b','t']::"char"[]) ORDER BY 1;
SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proargmodes && ARRAY['o','b','t']::pg_catalog."char"[] ORDER BY 1;
-- count(t.*): every row of a relation no outer join pads
SELECT count(p.*), count(p) FROM person p;
SELECT (SELECT count(pro2.*) FROM pg_catalog.pg_proc AS pro2 WHERE pro2.pronamespace = pro.pronamespace AND pro2.proname = pro.proname) FROM pg_proc pro WHERE proname = 'add_score';
SELECT count(l.*) FILTER (WHERE l.stars > 1) FROM post_like l;
-- differs: refused (0A000): count(t.*) of a relation on the nullable side of an outer join (PostgreSQL counts the joined rows)
SELECT count(l.*) FROM person p LEFT JOIN post_like l ON l.person_id = p.id;
-- aclexplode() of a column of the query around it
SELECT att.attname, att.attacl IS NOT NULL AND exists(SELECT 1 FROM aclexplode(att.attacl) aclitem WHERE aclitem.privilege_type = 'SELECT') FROM pg_attribute att WHERE att.attrelid = 'person'::regclass AND att.attnum > 0 ORDER BY att.attnum;
-- every relation has its row type among the types (the catalog's own too)
SELECT count(*) FROM pg_class c WHERE c.relkind IN ('r', 'v', 'm', 'c', 'f') AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = c.reltype);
SELECT c.relname, c.reltype, t.typname, t.typtype, t.typrelid = c.oid, t.typarray <> 0 FROM pg_class c JOIN pg_type t ON t.oid = c.reltype WHERE c.relname IN ('pg_class', 'pg_proc', 'pg_type', 'pg_attribute', 'pg_namespace', 'pg_index') ORDER BY 1;
SELECT c.relname, t.typname, t.typnamespace = c.relnamespace FROM pg_class c JOIN pg_type t ON t.oid = c.reltype WHERE c.relname = 'tables' AND c.relnamespace = 'information_schema'::regnamespace;
-- int2vector and oidvector as JSON arrays (numbers; oids as strings, as oid[])
SELECT row_to_json(x) FROM (SELECT indkey AS "attributeNums", indoption FROM pg_index WHERE indexrelid = 'post_like_pkey'::regclass) x;
SELECT to_json(indkey), to_jsonb(indkey), json_build_object('a', indkey) FROM pg_index WHERE indexrelid = 'person_pkey'::regclass;
SELECT to_json(proargtypes), json_build_object('x', proargtypes) FROM pg_proc WHERE proname = 'h';
-- coalesce of oid[] and oidvector is oid[], of "char"[] and text[] text[]
SELECT proname, row_to_json(x) FROM (SELECT proname, coalesce(pro.proallargtypes, pro.proargtypes) AS "argTypeIds", coalesce(pro.proargmodes, array[]::text[]) AS "argModes", coalesce(pro.proargnames, array[]::text[]) AS "argNames" FROM pg_proc pro WHERE pro.pronamespace = 'public'::regnamespace AND proname <> 'person_full_name') x ORDER BY 1;
SELECT coalesce(proargmodes, array[]::text[]), coalesce(proallargtypes, proargtypes) FROM pg_proc WHERE proname = 'add_score';
-- differs: an oidvector coalesced with oid[] prints as {23,25} here, [0:1]={23,25} in PostgreSQL (an oidvector's lower bound is 0)
SELECT coalesce(proallargtypes, proargtypes) FROM pg_proc WHERE proname = 'h';
