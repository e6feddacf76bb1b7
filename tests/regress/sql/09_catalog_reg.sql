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
-- ActiveRecord's type map: functions named by their signature
SELECT 'array_in(cstring,oid,integer)'::regprocedure::oid, 'lower(text)'::regprocedure::oid, 'pg_catalog.abs(integer)'::regprocedure::oid;
SELECT typname FROM pg_type t WHERE t.typinput = 'array_in(cstring,oid,integer)'::regprocedure AND typname IN ('_int4', '_text', 'int4') ORDER BY 1;
SELECT 'lower(integer)'::regprocedure;
-- regprocedure literals print name(argument types); an overloaded name prints qualified as regproc
SELECT 'now()'::regprocedure, 'abs(int4)'::regprocedure, 'pg_catalog.lower(text)'::regprocedure, '1299'::regprocedure, 1299::regprocedure;
SELECT 1397::regproc, 1299::regproc, 'now'::regproc, '1397'::regproc;
SELECT 'abs'::regproc;
SELECT 'nosuch()'::regprocedure;
CREATE TABLE "Reg Quoted" (id int PRIMARY KEY, "Name" text);
SELECT '"Reg Quoted"'::regclass, '"public"."Reg Quoted"'::regclass, '"pg_class"'::regclass::oid;
SELECT a.attname FROM pg_attribute a WHERE a.attrelid = '"Reg Quoted"'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT '"nosuch"'::regclass;
DROP TABLE "Reg Quoted";
SELECT 'abs(int4)'::regprocedure::oid;
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
-- pg_get_functiondef of built-ins: SUPPORT, COST/ROWS, WINDOW, keyword names quoted, SQL-standard bodies; aggregates are refused
SELECT pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.proname IN ('lower', 'generate_series', 'lpad', 'row_number', 'left', 'random', 'to_char', 'substring', 'now') AND p.prokind <> 'a' ORDER BY p.oid;
SELECT pg_get_functiondef(0), pg_get_functiondef(NULL);
SELECT count(*) FROM pg_proc p WHERE p.prokind <> 'a' AND p.pronamespace = 11 AND pg_get_functiondef(p.oid) IS NULL;
SELECT pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.proname = 'count' ORDER BY p.oid LIMIT 1;
-- row types: every table and view has a composite pg_type row and its array type; indexes and sequences none
CREATE TABLE reg_rt (id int PRIMARY KEY, note text);
CREATE VIEW reg_rtv AS SELECT id FROM reg_rt;
CREATE SEQUENCE reg_rts;
SELECT c.relname, c.relkind, t.typname, t.typnamespace = c.relnamespace, t.typtype, t.typcategory, t.typrelid = c.oid, t.typlen, t.typbyval, t.typalign, t.typstorage, t.typinput, t.typoutput, t.typreceive, t.typsend, t.typelem, a.typname, a.typtype, a.typelem = t.oid, a.typcategory, a.typarray, a.typsubscript, a.typinput, a.typanalyze, format_type(t.oid, NULL), format_type(a.oid, NULL) FROM pg_class c LEFT JOIN pg_type t ON t.oid = c.reltype LEFT JOIN pg_type a ON a.oid = t.typarray WHERE c.relname LIKE 'reg_rt%' ORDER BY 1;
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.reltype > 0 ORDER BY 1;
SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY 1;
-- defaults of the current time read back as PostgreSQL prints them (now() and CURRENT_TIMESTAMP are one spelling in SQLite)
CREATE TABLE reg_dflt (a timestamp(3) DEFAULT now(), b timestamptz DEFAULT now(), c timestamp DEFAULT now(), d date DEFAULT CURRENT_DATE);
SELECT d.adnum, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid WHERE c.relname = 'reg_dflt' ORDER BY 1;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'reg_dflt' ORDER BY ordinal_position;
-- regtype from a name computed at run time, quoted and qualified (TypeORM's column query), and of row types
SELECT column_name, ('"' || udt_schema || '"."' || udt_name || '"')::regtype AS rt FROM information_schema.columns WHERE table_name = 'reg_rt' ORDER BY ordinal_position;
SELECT '"pg_catalog"."int4"'::regtype, '"_int4"'::regtype, '"public"."reg_rt"'::regtype, 'reg_rt'::regtype, '_reg_rt'::regtype, 'public.reg_rtv'::regtype;
SELECT c.relname, c.reltype::regtype FROM pg_class c WHERE c.relname LIKE 'reg_rt%' AND c.reltype <> 0 ORDER BY 1;
SELECT '"nope"'::regtype;
SELECT 'public.nope'::regtype;
-- numeric defaults given as strings keep PostgreSQL's deparsed form; gen_random_uuid() reads back by name
CREATE TABLE reg_numdef (a numeric(10,2) NOT NULL DEFAULT '0', b numeric DEFAULT '1.50', c numeric(5,1) DEFAULT '-1.5', d numeric DEFAULT 0, e numeric(4,2) DEFAULT 1.5, u uuid DEFAULT gen_random_uuid());
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'reg_numdef' ORDER BY ordinal_position;
INSERT INTO reg_numdef DEFAULT VALUES;
SELECT a, c, d, e, u IS NOT NULL FROM reg_numdef;
-- pgcli's catalog queries: argument types as regtype[], a run-time name ::regproc::oid, words of function sources grouped
-- differs: arrays have no explicit lower bounds here: an oidvector's regtype[] prints {text,integer}, not [0:1]={text,integer}
SELECT proname, proargtypes::regtype[], COALESCE(proallargtypes::regtype[], proargtypes::regtype[])::text[] AS t FROM pg_proc WHERE proname IN ('lpad', 'now', 'generate_series') ORDER BY oid;
SELECT ('n' || 'ow')::regproc::oid, pg_get_functiondef(('n' || 'ow')::regproc::oid) IS NOT NULL;
SELECT ('lo' || 'wer')::regproc::oid;
SELECT ('no' || 'pe')::regproc::oid;
SELECT regexp_split_to_table(x, '\W+') AS word, count(1) FROM (VALUES ('a b'), ('b-c')) t (x) GROUP BY word ORDER BY 1;
SELECT regexp_split_to_table('a,b,,c', ','), unnest(ARRAY[1, 2]) AS n;
-- differs: a set-returning function with GROUP BY of other columns is 0A000 here
SELECT regexp_split_to_table(x, ',') AS w, count(1) FROM (VALUES ('a,b')) t (x) GROUP BY x;
-- a name's characters by subscript, from 0 (pg_dump tells array types by typname[0] = '_')
SELECT typname[0], typname[1], typname[0] = '_' FROM pg_type WHERE typname = '_int4';
SELECT typname, typname[0] = '_' AND typelem != 0 AND (SELECT typarray FROM pg_type te WHERE oid = pg_type.typelem) = oid AS isarray, CASE WHEN typrelid = 0 THEN ' '::"char" ELSE (SELECT relkind FROM pg_class WHERE oid = typrelid) END AS typrelkind FROM pg_type WHERE typname LIKE '%reg_rt%' ORDER BY 1;
-- pgloader: table names in a VALUES list cast to regclass and on to their OIDs (not 0)
CREATE TABLE reg_plain (id int);
SELECT n, n::regclass, n::regclass::oid = (SELECT oid FROM pg_class WHERE relname = n) FROM (VALUES ('reg_plain'), ('pg_class')) AS t(n);
SELECT n::regclass FROM (VALUES ('nosuch_rel')) AS t(n);
SELECT c.oid::regclass::oid = c.oid, c.relnamespace::regnamespace, c.relnamespace::regnamespace::oid FROM pg_class c WHERE c.relname = 'Reg Quoted';
-- TypeORM's column query names the current database: "db"."schema"."table"::regclass
SELECT ('"' || current_database() || '"."public"."reg_plain"')::regclass::oid = 'reg_plain'::regclass::oid, ('"public"."' || 'reg_plain' || '"')::regclass;
-- to_regclass and its siblings: the cast's lookup, NULL (never an error) for a missing name
SELECT to_regclass('pg_class'), to_regclass('reg_plain'), to_regclass('public.reg_plain'), to_regclass('nosuch'), to_regclass(NULL), to_regclass('1259');
SELECT to_regclass('reg_plain') = 'reg_plain'::regclass::oid, to_regclass('nosuch') IS NULL, (SELECT relname FROM pg_class WHERE oid = to_regclass('reg_plain'));
SELECT n, to_regclass(n) FROM (VALUES ('reg_plain'), ('nosuch_rel'), ('pg_type')) AS t(n);
SELECT to_regtype('int4'), to_regtype('integer'), to_regtype('character varying'), to_regtype('nosuch'), to_regtype('int4') = 23;
SELECT to_regproc('now'), to_regproc('pg_catalog.now'), to_regproc('abs'), to_regproc('nosuch'), to_regprocedure('abs(int4)'), to_regprocedure('abs(text)'), to_regprocedure('nosuch(int4)');
SELECT to_regnamespace('public'), to_regnamespace('pg_catalog'), to_regnamespace('nosuch'), to_regoper('||/'), to_regoper('+'), to_regoper('@@@@'), to_regrole('pg_database_owner'), to_regrole('nosuch');
