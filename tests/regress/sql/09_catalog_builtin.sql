-- Catalog relations and functions about the server: pg_range, pg_timezone_names,
-- pg_get_keywords(), transaction ids and the start time.
SELECT * FROM pg_range ORDER BY rngtypid;
SELECT rngtypid, rngsubtype, rngcanonical, rngsubdiff FROM pg_catalog.pg_range WHERE rngsubtype = 1082;
SELECT count(*) FROM pg_range;
-- zones without daylight-saving time, so the answer does not depend on the date
SELECT * FROM pg_timezone_names WHERE name IN ('UTC', 'Asia/Tokyo', 'Asia/Kolkata', 'Etc/GMT+5', 'posix/Asia/Tokyo') ORDER BY name;
SELECT name, utc_offset FROM pg_catalog.pg_timezone_names WHERE name LIKE 'Asia/Ko%' ORDER BY name;
SELECT count(*) > 400 FROM pg_timezone_names WHERE name LIKE 'posix/%';
SELECT * FROM pg_get_keywords() WHERE word IN ('select', 'abort', 'between', 'authorization', 'year', 'over') ORDER BY word;
SELECT count(*), count(*) FILTER (WHERE barelabel), count(*) FILTER (WHERE catcode = 'R') FROM pg_get_keywords();
SELECT catcode, catdesc, count(*) FROM pg_catalog.pg_get_keywords() GROUP BY catcode, catdesc ORDER BY catcode;
SELECT w, c FROM pg_get_keywords() AS k(w, c) WHERE w LIKE 'ou%' ORDER BY w;
SELECT k.word FROM pg_get_keywords() k WHERE NOT k.barelabel ORDER BY k.word LIMIT 5;
SELECT txid_current() = txid_current(), txid_current() > 0, pg_current_xact_id() IS NOT NULL;
CREATE TABLE xids (x bigint);
BEGIN;
INSERT INTO xids SELECT txid_current();
INSERT INTO xids SELECT txid_current();
SELECT count(DISTINCT x) FROM xids;
COMMIT;
INSERT INTO xids SELECT txid_current();
SELECT count(*), count(DISTINCT x), min(x) < max(x) FROM xids;
SELECT pg_postmaster_start_time() <= now(), pg_postmaster_start_time() > now() - interval '1 day';
-- what SQL GUIs read while browsing (tests/integration/guis/): languages, the catalog's own
-- relations in pg_class, tableoid, privileges in information_schema, pg_depend of constraint indexes
SELECT oid, lanname, lanispl, lanpltrusted, lanvalidator FROM pg_language WHERE lanname IN ('internal', 'c', 'sql') ORDER BY oid;
SELECT count(*) FROM pg_shdescription WHERE objoid = (SELECT oid FROM pg_database WHERE datname = current_database());
SELECT c.oid, c.relname, c.relkind, c.relnatts, c.relisshared FROM pg_class c WHERE c.relname IN ('pg_class', 'pg_constraint', 'pg_database', 'pg_namespace', 'pg_language') AND c.relnamespace = 'pg_catalog'::regnamespace ORDER BY c.oid;
SELECT relkind, relhasrules FROM pg_class WHERE relname = 'tables' AND relnamespace = 'information_schema'::regnamespace;
SELECT (SELECT oid FROM pg_class WHERE relname = 'pg_constraint') = 'pg_constraint'::regclass;
CREATE TABLE gui_t (id serial PRIMARY KEY, name varchar(20) UNIQUE, n int4);
CREATE INDEX gui_t_n ON gui_t (n);
CREATE VIEW gui_v AS SELECT id, name FROM gui_t;
SELECT DISTINCT tableoid, tableoid::regclass FROM pg_constraint WHERE conrelid = 'gui_t'::regclass;
SELECT d.objid::regclass, d.refclassid::regclass, c.conname, d.deptype FROM pg_depend d JOIN pg_constraint c ON c.oid = d.refobjid WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_constraint'::regclass AND c.conrelid = 'gui_t'::regclass ORDER BY 3;
-- pg_depend of a view's _RETURN rule on the view ('i') and on the tables it reads ('n'), the
-- query pgModeler finds a view's tables with; built-in rows below 16384 (information_schema's
-- views on their schema: pgModeler's "last system OID")
SELECT DISTINCT dv.deptype, dt.refobjid::regclass, dt.deptype FROM pg_depend dv JOIN pg_depend dt ON dt.objid = dv.objid AND dt.classid = dv.classid AND dt.refobjid <> dv.refobjid JOIN pg_rewrite r ON r.oid = dv.objid WHERE dv.classid = 'pg_rewrite'::regclass AND dv.refclassid = 'pg_class'::regclass AND dv.refobjid = 'gui_v'::regclass AND dv.deptype = 'i' AND r.rulename = '_RETURN';
SELECT (SELECT objid FROM pg_depend WHERE objid > 0 AND objid <= 16383 ORDER BY objid DESC LIMIT 1) > 12000 AS last_system_oid;
SELECT c.relname, d.deptype FROM pg_depend d JOIN pg_class c ON c.oid = d.objid WHERE d.classid = 'pg_class'::regclass AND d.objsubid = 0 AND d.refclassid = 'pg_namespace'::regclass AND d.refobjid = 'information_schema'::regnamespace AND c.relname IN ('tables', 'columns', 'views') ORDER BY 1;
-- pg_depend of constraints on their table's columns, and of a foreign key on the referenced
-- columns and key index: pg_dump turns them into the order pg_restore -j works in
CREATE TABLE dep_p (id int PRIMARY KEY, u text UNIQUE);
CREATE TABLE dep_c (pid int REFERENCES dep_p (id), k int, PRIMARY KEY (k, pid));
SELECT c.conname, d.refclassid::regclass, d.refobjid::regclass, d.refobjsubid, d.deptype FROM pg_depend d JOIN pg_constraint c ON c.oid = d.objid WHERE d.classid = 'pg_constraint'::regclass AND c.conrelid IN ('dep_p'::regclass, 'dep_c'::regclass) ORDER BY 1, d.refobjid::regclass::text, 4;
DROP TABLE dep_c, dep_p;
SELECT grantor = current_user, grantee = current_user, table_catalog = current_database(), table_schema, table_name, privilege_type, is_grantable, with_hierarchy FROM information_schema.table_privileges WHERE table_name IN ('gui_t', 'gui_v') ORDER BY table_name, privilege_type;
SELECT table_name, column_name, privilege_type, is_grantable FROM information_schema.column_privileges WHERE table_name = 'gui_t' ORDER BY column_name, privilege_type;
SELECT count(*) FROM information_schema.role_table_grants WHERE table_name = 'gui_t';
SELECT count(*) FROM information_schema.role_column_grants WHERE table_name = 'gui_t';
SELECT has_schema_privilege('information_schema'::regnamespace, 'USAGE'), current_setting('default_tablespace');
-- has_function_privilege: EXECUTE is PUBLIC's (psqlODBC's SQLProcedureColumns asks it of each function)
SELECT has_function_privilege(870, 'execute'), has_function_privilege('lower(text)', 'EXECUTE'), has_function_privilege(current_user, 870::oid, 'execute'), has_function_privilege(1, 'execute'), has_function_privilege(NULL::oid, 'execute');
SELECT proname, has_function_privilege(p.oid, 'EXECUTE') FROM pg_proc p WHERE proname IN ('lower', 'upper') ORDER BY p.oid;
SELECT has_function_privilege('nosuch(int)', 'execute');
SELECT has_function_privilege(870, 'usage');
SET default_tablespace = '';
SELECT pg_blocking_pids(pg_backend_pid()), pg_blocking_pids(NULL);
INSERT INTO gui_t (name, n) SELECT 'n' || g, g FROM generate_series(1, 200) g;
SELECT pg_total_relation_size('gui_t') >= pg_relation_size('gui_t') + pg_indexes_size('gui_t'), pg_indexes_size('gui_t') > 0, pg_indexes_size('public.gui_v'), pg_relation_size('gui_v'), pg_relation_size(NULL);
SELECT pg_relation_size('nosuch');
SELECT s.indexrelname, s.relname, s.idx_scan >= 0, io.idx_blks_read >= 0 FROM pg_stat_user_indexes s JOIN pg_statio_user_indexes io USING (indexrelid) WHERE s.relid = 'gui_t'::regclass ORDER BY 1;
SELECT count(*) FROM pg_stat_all_indexes WHERE relname = 'gui_t';
SELECT datname = current_database(), numbackends >= 1, xact_commit >= 0, checksum_failures FROM pg_stat_database WHERE datname = current_database();
SELECT (SELECT count(*) FROM pg_ts_config WHERE cfgnamespace = 'public'::regnamespace), (SELECT count(*) FROM pg_foreign_table), (SELECT count(*) FROM pg_foreign_server), (SELECT count(*) FROM pg_event_trigger), (SELECT count(*) FROM pg_subscription);
-- pg_user_mappings (pgmodeler-cli's import): no foreign servers, so none
SELECT um.umid AS oid, um.usename || '@' || um.srvname AS name, srvid, umuser, umoptions FROM pg_user_mappings AS um;
SELECT count(*) FROM pg_available_extensions WHERE installed_version IS NOT NULL AND name <> 'plpgsql';
DROP VIEW gui_v;
DROP TABLE gui_t;
-- tableoid, the system column clients join pg_description on
SELECT count(*) > 0 FROM pg_class c WHERE c.tableoid = 'pg_class'::regclass;
SELECT DISTINCT tableoid::int FROM pg_attribute;
SELECT DISTINCT tableoid::int FROM pg_namespace;
-- built-in casts and operators (psql's \dC and \do), with their descriptions
SELECT count(*) FROM pg_cast;
SELECT * FROM pg_cast WHERE castsource = 'int8'::regtype ORDER BY casttarget;
SELECT c.castsource::regtype, c.casttarget::regtype, p.proname, c.castcontext FROM pg_cast c JOIN pg_proc p ON p.oid = c.castfunc WHERE c.casttarget = 'numeric'::regtype ORDER BY c.castsource;
SELECT count(*), count(DISTINCT oprname) FROM pg_operator;
SELECT oid, oprname, oprkind, oprleft, oprright, oprresult, oprcom, oprnegate, oprcode FROM pg_operator WHERE oprname = '+' AND oprleft = 'int4'::regtype ORDER BY oid;
SELECT o.oprname, obj_description(o.oid, 'pg_operator'), obj_description(o.oprcode, 'pg_proc') FROM pg_operator o WHERE o.oid = 551;
SELECT count(*) FROM pg_operator o WHERE o.oprcode::text NOT IN (SELECT p.proname::text FROM pg_proc p);
SELECT obj_description(1397, 'pg_proc'), obj_description(0, 'pg_proc'), obj_description(NULL, 'pg_operator');
SELECT pg_get_function_sqlbody(1397), pg_get_function_sqlbody(0);
SELECT pg_operator_is_visible(551), pg_opclass_is_visible(1978), pg_opfamily_is_visible(1976), pg_conversion_is_visible(NULL);
-- differs: pg_aggregate lists the aggregates of pg_proc, which lists the built-ins the translator accepts
SELECT count(*) FROM pg_aggregate;
SELECT aggfnoid, aggkind, aggtransfn, aggfinalfn, aggcombinefn, aggtranstype, agginitval FROM pg_aggregate WHERE aggtransfn IN ('int8inc', 'int8inc_any', 'int4_sum') ORDER BY aggtransfn::text;
-- operator classes and families (psql's \dAc, \dAf, \dd), access methods' descriptions (\dA+)
SELECT count(*), count(*) FILTER (WHERE opcdefault) FROM pg_opclass;
SELECT c.oid, c.opcname, f.opfname, c.opcintype::regtype, c.opcdefault FROM pg_opclass c JOIN pg_opfamily f ON f.oid = c.opcfamily JOIN pg_am a ON a.oid = c.opcmethod WHERE a.amname = 'btree' AND c.opcintype IN (20, 23, 25) ORDER BY c.oid;
SELECT a.amname, obj_description(a.oid, 'pg_am') FROM pg_am a ORDER BY a.oid;
SELECT obj_description(23, 'pg_type'), obj_description(1976, 'pg_opfamily'), obj_description(1978, 'pg_opclass');
SELECT c.relname, c.oid FROM pg_class c WHERE c.relname IN ('pg_operator', 'pg_cast', 'pg_aggregate', 'pg_opclass', 'pg_opfamily', 'pg_rewrite') ORDER BY 1;
-- aclexplode over aclitem arrays (pgAdmin's privileges), in FROM and in a select list (the
-- two servers' session users differ: the literals name pg_database_owner and PUBLIC)
SELECT * FROM aclexplode('{pg_database_owner=arw*/pg_database_owner,=r/pg_database_owner}') a;
SELECT a.grantee, a.privilege_type FROM pg_catalog.aclexplode('{pg_database_owner=U*C/pg_database_owner}') AS a WHERE a.is_grantable;
SELECT * FROM aclexplode('{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}') AS x(gr, ge, p);
SELECT * FROM aclexplode(NULL);
SELECT * FROM aclexplode('{}');
SELECT * FROM aclexplode('{NULL}');
SELECT * FROM aclexplode('{nosuchrole=r/pg_database_owner}');
SELECT * FROM aclexplode('{pg_database_owner=rq/pg_database_owner}');
SELECT aclexplode('{pg_database_owner=arw*/pg_database_owner,=r/pg_database_owner}') AS d;
SELECT (d).grantee, (d).privilege_type, (d).is_grantable FROM (SELECT aclexplode('{pg_database_owner=arwdDxt/pg_database_owner}') AS d) s WHERE (d).grantor = 6171;
SELECT (aclexplode('{pg_database_owner=ar/pg_database_owner}')).privilege_type, 1 AS one;
SELECT count(*) FROM (SELECT aclexplode(relacl) FROM pg_class WHERE relname = 'xids') s;
-- information_schema is not on the search path (psql's \dp lists visible relations only)
SELECT c.relname, pg_table_is_visible(c.oid) FROM pg_class c WHERE c.relname IN ('tables', 'columns', 'pg_class') ORDER BY 1;
SELECT pg_table_is_visible(NULL);
-- numeric defaults written as strings: kept as written, shown as PostgreSQL shows the constant
CREATE TABLE cb_dflt (p numeric(10,2) DEFAULT '0', q numeric(10,2) DEFAULT 0, r numeric DEFAULT 1.50, s numeric(10,2) DEFAULT '1.5', s3 numeric DEFAULT '-2', s4 numeric DEFAULT 'NaN', s5 numeric(4,1) DEFAULT '7.50', t integer DEFAULT '7', id int);
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'cb_dflt'::regclass ORDER BY 1;
INSERT INTO cb_dflt (id) VALUES (1);
SELECT p, q, s, s3, s4, s5, t FROM cb_dflt;
DROP TABLE cb_dflt;
-- names that are keywords are quoted, as PostgreSQL's quote_identifier does
CREATE TABLE "user" (id int PRIMARY KEY, "order" int);
CREATE INDEX user_order_idx ON "user" ("order");
SELECT pg_get_indexdef('user_order_idx'::regclass) AS def, pg_get_indexdef('user_pkey'::regclass) AS pk;
DROP TABLE "user";
-- regproc columns: printed as names, compared with OIDs (Ruby pg's BasicTypeMap joins so)
SELECT typname, typinput, typoutput, typreceive, typsend, typmodin, typmodout, typanalyze FROM pg_type WHERE typname IN ('varchar', 'numeric', 'point', 'int4range', '_int4', 'bool', 'tsvector', 'refcursor', 'record', 'int4multirange') ORDER BY 1;
SELECT t.typname, ti.proname, ti.oid = t.typinput::oid FROM pg_type t JOIN pg_proc ti ON ti.oid = t.typinput WHERE t.typname IN ('int4', 'numeric', '_text', 'point', 'int4range', 'bool', 'record') ORDER BY 1;
SELECT count(*) = count(ti.oid) FROM pg_type t LEFT JOIN pg_proc ti ON t.typoutput = ti.oid WHERE t.typnamespace = 11;
SELECT typinput::oid, typoutput::oid FROM pg_type WHERE typname = 'int8';
-- what monitoring tools read (pg_activity, pg_top): no replication, no temporary files, the
-- connection's addresses (NULL on this Unix socket), bytes read as text
SELECT count(*) FROM pg_stat_replication;
SELECT count(*) FROM pg_stat_wal_receiver;
SELECT count(*) FROM pg_replication_slots;
SELECT count(*) AS temp_files, COALESCE(SUM(size), 0) AS temp_bytes FROM pg_tablespace ts, LATERAL pg_catalog.pg_ls_tmpdir(ts.oid) tmp WHERE spcname <> 'pg_global';
SELECT inet_server_addr(), inet_client_addr(), inet_server_port(), inet_client_port();
SELECT current_setting('max_connections')::int > 0;
-- differs: the server's data directory is never shown (42501); PostgreSQL shows it to superusers
SHOW data_directory;
SELECT convert_from(replace('a\b é', '\', '\\')::bytea, coalesce(pg_catalog.pg_encoding_to_char(6), 'UTF8')), convert_from('\xe9'::bytea, 'latin1'), convert_to('é', 'LATIN1'), convert_to('é', 'utf-8');
SELECT convert_from('\xff'::bytea, 'UTF8');
SELECT convert_from('a', 'nosuch');
SELECT convert_to('€', 'LATIN1');
SELECT (x)::bytea, replace(x, 'a', '\\')::bytea FROM (VALUES ('\x0102'), ('a\\b')) AS v(x);
-- differs: shardlite has no worker processes of any kind, PostgreSQL's defaults are 8, 8, 4, 10, 10, 3
SELECT current_setting('max_worker_processes'), current_setting('max_parallel_workers'), current_setting('max_logical_replication_workers'), current_setting('max_wal_senders'), current_setting('max_replication_slots'), current_setting('autovacuum_max_workers');
SHOW max_prepared_transactions;
-- Expressions over information_schema columns take their types (MikroORM's
-- coalesce(datetime_precision, character_maximum_length) is integer, as in PostgreSQL)
CREATE TABLE is_types (id int PRIMARY KEY, d date, ts timestamp(3), v varchar(12), n numeric(7,2));
SELECT column_name, coalesce(datetime_precision, character_maximum_length) AS len, numeric_precision + 0 AS p, coalesce(numeric_scale, -1) AS s, upper(is_nullable) AS nul, ordinal_position * 2 AS pos FROM information_schema.columns WHERE table_name = 'is_types' ORDER BY ordinal_position;
SELECT max(ordinal_position), min(column_name), count(DISTINCT data_type) FROM information_schema.columns WHERE table_name = 'is_types';
SELECT c.table_name, k.ordinal_position + 1 AS k FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k USING (constraint_name) WHERE c.table_name = 'is_types';
DROP TABLE is_types;
