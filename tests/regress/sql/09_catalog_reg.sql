-- reg* literals: names to OIDs and back, as PostgreSQL resolves them; pg_proc's built-ins.
SELECT 'int4'::regtype, 'integer'::regtype, 'int4'::regtype::oid, 'integer'::regtype::oid;
SELECT 'character varying'::regtype, 'int4[]'::regtype, 'double precision'::regtype::oid, 'pg_catalog.int4'::regtype, 'INT4'::regtype;
SELECT 'public'::regnamespace, 'public'::regnamespace::oid, 'pg_catalog'::regnamespace::oid, 'information_schema'::regnamespace;
SELECT 'pg_catalog.now'::regproc, 'now'::regproc, 'now'::regproc::oid, 'pg_catalog.now'::regproc::oid;
SELECT 'int4in'::regproc, 'int4in'::regproc::oid, 'textout'::regproc::oid;
SELECT 'pg_class'::regclass, 'pg_class'::regclass::oid;
SELECT 23::regtype, 2200::regnamespace;
SELECT typname FROM pg_type WHERE oid = 'int4'::regtype;
SELECT nspname FROM pg_namespace WHERE oid = 'public'::regnamespace;
SELECT proname, pronargs, prorettype, prokind, proretset, provolatile FROM pg_proc WHERE oid = 'now'::regproc::oid;
SELECT count(*) FROM pg_proc WHERE proname = 'now';
SELECT p.oid, p.proargtypes FROM pg_catalog.pg_proc p WHERE p.proname = 'abs' ORDER BY p.oid;
SELECT 'nosuch'::regtype;
SELECT 'nosuch'::regnamespace;
SELECT 'nosuch'::regproc;
SELECT 'abs'::regproc;
SELECT 'nosuch'::regproc::oid;
SELECT 'nosuch'::regtype::oid;
SELECT '1299'::regproc, 1299::regproc, 0::regproc, 99999::regproc, '1299'::regproc::oid, 42::regproc::oid;
SELECT typname, typinput FROM pg_type WHERE typinput = 'int4in'::regproc;
SELECT proname FROM pg_proc WHERE oid = 1299::regproc::oid;
-- a reg* literal is the OID wherever it is not what the client sees
SELECT x = 23 FROM (SELECT 'int4'::regtype AS x) s;
WITH w AS (SELECT 'public'::regnamespace AS n) SELECT n = 2200 FROM w;
SELECT 1 WHERE 23 IN (SELECT 'int4'::regtype);
SELECT 'int4'::regtype UNION ALL SELECT 'text'::regtype;
CREATE TABLE oids (x oid);
INSERT INTO oids SELECT 'int4'::regtype;
INSERT INTO oids SELECT 'public'::regnamespace;
SELECT x FROM oids ORDER BY x;
-- what psql's \df prints for the built-ins
SELECT p.oid, pg_get_function_arguments(p.oid), pg_get_function_identity_arguments(p.oid), pg_get_function_result(p.oid) FROM pg_proc p WHERE p.proname IN ('abs', 'now', 'generate_series', 'lower') ORDER BY p.oid;
SELECT pg_get_function_result(0), pg_get_function_arguments(NULL);
