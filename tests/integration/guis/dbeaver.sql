-- SPDX-License-Identifier: Apache-2.0
-- dbeaver.sql: what DBeaver's PostgreSQL plugin sends on connect and while browsing a database
-- (dbeaver/dbeaver, plugins/org.jkiss.dbeaver.ext.postgresql/src/.../model/*.java), written
-- out with the values it binds for database "shop", schema public and table orders: the OID
-- parameters as 'public'::regnamespace / 'orders'::regclass. Run by test_guis.sh.

-- action: connect: current schema and user (PostgreExecutionContext)
SELECT current_schema(), session_user;

-- action: connect: search path (PostgreExecutionContext)
SHOW search_path;

-- action: connect: SQL keywords for the editor (PostgreDialect)
SELECT string_agg(word, ',') FROM pg_catalog.pg_get_keywords();

-- action: connect: databases (PostgreDataSource, only the connected one shown)
-- differs(rows): OIDs, encoding/ACL details of the one tenant row (docs/catalog.md)
SELECT db.oid, db.* FROM pg_catalog.pg_database db WHERE datname = 'shop';

-- action: connect: roles (PostgreDatabase.RoleCache)
-- differs(columns): pg_roles lists the session user and pg_database_owner, not PostgreSQL's predefined roles
SELECT a.oid, a.* FROM pg_catalog.pg_roles a ORDER BY a.oid;

-- action: list schemas (PostgreDatabase.SchemaCache)
SELECT n.oid, n.*, d.description FROM pg_catalog.pg_namespace n
LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.objsubid = 0
  AND d.classoid = 'pg_namespace'::regclass
WHERE nspname = 'public' ORDER BY nspname;

-- action: list data types (PostgreDataTypeCache)
-- differs(columns): pg_type holds the built-in types pgtype knows, not all of PostgreSQL's
SELECT t.oid, t.*, c.relkind, format_type(nullif(t.typbasetype, 0), t.typtypmod) AS base_type_name,
  d.description
FROM pg_catalog.pg_type t
LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid = t.typelem
LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
LEFT OUTER JOIN pg_catalog.pg_description d ON t.oid = d.objoid
WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c')
  AND (et.typcategory IS NULL OR et.typcategory <> 'C');

-- action: list tables, views and sequences (PostgreSchema.TableCache)
-- differs(rows): OIDs, storage statistics (relpages, relfilenode ...) of SQLite's b-trees
SELECT c.oid, c.*, d.description,
  (SELECT array_agg(i.inhparent) FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) parents
FROM pg_catalog.pg_class c
LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind NOT IN ('i', 'c')
ORDER BY c.relname;

-- action: list table names only (PostgreSchema.TableCache, its columns that carry no OID)
SELECT c.relname, c.relkind, d.description FROM pg_catalog.pg_class c
LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind NOT IN ('i', 'c')
ORDER BY c.relname;

-- action: columns of every table (PostgreSchema.TableCache children)
-- differs(columns): pg_attribute lists no system columns (a table has ctid, tableoid and xmax
-- only, docs/sql-compat.md) and no columns of sequences (docs/catalog.md)
SELECT c.relname, a.*, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS def_value,
  dsc.description
FROM pg_catalog.pg_attribute a
INNER JOIN pg_catalog.pg_class c ON (a.attrelid = c.oid)
LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid = ad.adrelid AND a.attnum = ad.adnum)
LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid = dsc.objoid AND a.attnum = dsc.objsubid)
WHERE NOT a.attisdropped AND c.relnamespace = 'public'::regnamespace
  AND c.relkind NOT IN ('i', 'c')
ORDER BY c.relname, a.attnum;

-- action: columns of orders, what the column editor shows (PostgreTableColumn)
SELECT a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef,
  a.attidentity, a.attgenerated, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) AS def_value,
  dsc.description
FROM pg_catalog.pg_attribute a
LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid = ad.adrelid AND a.attnum = ad.adnum)
LEFT OUTER JOIN pg_catalog.pg_description dsc ON (a.attrelid = dsc.objoid AND a.attnum = dsc.objsubid)
WHERE a.attrelid = 'orders'::regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum;

-- action: constraints of orders (PostgreSchema.ConstraintCache)
-- differs(rows): OIDs (c.oid, conrelid, conindid, confrelid)
SELECT c.oid, c.*, t.relname AS tabrelname, rt.relnamespace AS refnamespace
FROM pg_catalog.pg_constraint c
INNER JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
LEFT OUTER JOIN pg_catalog.pg_class rt ON rt.oid = c.confrelid
WHERE c.conrelid = 'orders'::regclass
ORDER BY c.conname;

-- action: constraint definitions of orders (PostgreTableConstraint DDL)
SELECT c.conname, c.contype, c.conkey, c.confkey, c.confupdtype, c.confdeltype,
  pg_catalog.pg_get_constraintdef(c.oid, true)
FROM pg_catalog.pg_constraint c WHERE c.conrelid = 'orders'::regclass ORDER BY c.conname;

-- action: indexes of orders (PostgreSchema.IndexCache)
-- differs(rows): OIDs (indexrelid, indrelid, relam, indclass, indcollation)
SELECT i.*, i.indkey AS keys, c.relname, c.relnamespace, c.relam, tc.relname AS tabrelname,
  dsc.description, pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) AS expr
FROM pg_catalog.pg_index i
INNER JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
INNER JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
LEFT OUTER JOIN pg_catalog.pg_description dsc ON i.indexrelid = dsc.objoid
WHERE i.indrelid = 'orders'::regclass ORDER BY c.relname;

-- action: indexes of customers, an expression index (PostgreSchema.IndexCache)
SELECT c.relname, i.indisunique, i.indisprimary, i.indkey AS keys,
  pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) AS expr,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS pred
FROM pg_catalog.pg_index i
INNER JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'customers'::regclass ORDER BY c.relname;

-- action: expression of an index column (PostgreIndexColumn)
SELECT pg_catalog.pg_get_indexdef('customers_lower_name'::regclass, 1, true);

-- action: index DDL (PostgreIndex)
SELECT pg_catalog.pg_get_indexdef('orders_open_idx'::regclass);

-- action: triggers of orders (PostgreTableBase.TriggerCache)
SELECT x.oid, x.*, p.pronamespace AS func_schema_id, d.description
FROM pg_catalog.pg_trigger x
LEFT OUTER JOIN pg_catalog.pg_proc p ON p.oid = x.tgfoid
LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = x.oid
WHERE x.tgrelid = 'orders'::regclass AND NOT x.tgisinternal;

-- action: functions of the schema (PostgreSchema.ProceduresCache)
SELECT p.oid, p.*, d.description
FROM pg_catalog.pg_proc p
LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = p.oid
WHERE p.pronamespace = 'public'::regnamespace
ORDER BY p.proname;

-- action: view definition (PostgreViewBase)
SELECT pg_catalog.pg_get_viewdef('big_orders'::regclass, true);

-- action: sequence properties (PostgreSequence, PostgreSQL 10+)
SELECT last_value, start_value, min_value, max_value, increment_by, cycle, cache_size
FROM pg_catalog.pg_sequences WHERE schemaname = 'public' AND sequencename = 'invoice_seq';

-- action: sequences of serial columns (PostgreTableColumn, pg_get_serial_sequence)
SELECT pg_catalog.pg_get_serial_sequence('public.orders', 'id'),
  pg_catalog.pg_get_serial_sequence('public.customers', 'id');

-- action: table sizes for the navigator (PostgreSchema statistics)
-- differs: sizes are SQLite's pages, not PostgreSQL's (docs/catalog.md)
SELECT c.relname, pg_catalog.pg_total_relation_size(c.oid) AS total_rel_size,
  pg_catalog.pg_relation_size(c.oid) AS rel_size
FROM pg_catalog.pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
ORDER BY c.relname;

-- action: row count of a table (the "Calculate" button)
SELECT count(*) FROM public.orders;

-- action: table data page
SELECT * FROM public.orders LIMIT 200;

-- action: table privileges (PostgreTableBase permissions)
SELECT * FROM information_schema.table_privileges
WHERE table_catalog = 'shop' AND table_schema = 'public' AND table_name = 'orders';

-- action: session manager (PostgreSessionManager)
-- differs(columns): each server's own sessions, pids and times
SELECT sa.* FROM pg_catalog.pg_stat_activity sa;

-- action: extensions (PostgreDatabase.ExtensionCache)
SELECT e.oid, a.rolname AS owner_name, n.nspname AS schema_name, e.*
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
JOIN pg_catalog.pg_roles a ON a.oid = e.extowner
ORDER BY e.extname;

-- action: server configuration (PostgreSettingsManager)
-- differs(columns): each server's own settings
SELECT s.name, s.setting, s.unit, s.category, s.short_desc, s.context, s.vartype, s.source
FROM pg_catalog.pg_settings s ORDER BY s.name;

-- action: one setting on connect (PostgreServerExtension)
SELECT setting FROM pg_catalog.pg_settings WHERE name = 'standard_conforming_strings';

-- action: tablespaces (PostgreDatabase.TablespaceCache)
SELECT t.oid, t.*, pg_catalog.pg_tablespace_location(t.oid) loc
FROM pg_catalog.pg_tablespace t ORDER BY t.oid;

-- action: access methods (PostgreDatabase.AccessMethodCache)
SELECT am.oid, am.* FROM pg_catalog.pg_am am ORDER BY am.oid;

-- action: collations (PostgreDatabase.CollationCache)
-- differs(columns): the tenant offers the C collations, not the server's locales
SELECT c.oid, c.* FROM pg_catalog.pg_collation c ORDER BY c.oid;

-- action: foreign keys referencing customers (PostgreTableBase references)
SELECT c.conname, t.relname AS tabrelname, c.confupdtype, c.confdeltype
FROM pg_catalog.pg_constraint c
INNER JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
WHERE c.confrelid = 'customers'::regclass AND c.contype = 'f'
ORDER BY c.conname;

-- action: table statistics (PostgreTableReal statistics)
-- differs: sizes are SQLite's pages, not PostgreSQL's (docs/catalog.md)
SELECT pg_catalog.pg_total_relation_size('orders'::regclass),
  pg_catalog.pg_relation_size('orders'::regclass), pg_catalog.pg_table_size('orders'::regclass),
  pg_catalog.pg_indexes_size('orders'::regclass);

-- action: enum values of a type (PostgreDataType)
SELECT e.* FROM pg_catalog.pg_enum e WHERE e.enumtypid = 'int4'::regtype ORDER BY e.enumsortorder;

-- action: rules of a view (PostgreTableBase rules)
-- differs(rows): OIDs, and ev_action is the view's query text, not a plan tree
SELECT r.oid, r.* FROM pg_catalog.pg_rewrite r WHERE r.ev_class = 'big_orders'::regclass;

-- action: dependencies of a table (PostgreDependency)
-- differs(columns): pg_depend has one row per index, not one per column it reads, and
-- SQLite keeps no TOAST tables (docs/catalog.md)
SELECT d.deptype, c.relname AS dependent, c.relkind
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class c ON c.oid = d.objid AND d.classid = 'pg_class'::regclass
WHERE d.refobjid = 'orders'::regclass AND d.refclassid = 'pg_class'::regclass
ORDER BY c.relname;

-- action: estimated row count (PostgreTableReal)
SELECT c.reltuples FROM pg_catalog.pg_class c WHERE c.oid = 'orders'::regclass;

-- action: extensions that can be installed (PostgreDatabase.AvailableExtensionCache)
-- differs(columns): PostgreSQL ships plpgsql and contrib; a tenant offers none
SELECT name, default_version, installed_version, comment
FROM pg_catalog.pg_available_extensions ORDER BY name;

-- action: connect: keywords the dialect does not know yet (PostgreDialect, as logged in
-- datafusion-contrib/datafusion-postgres issue #135)
SELECT string_agg(word, ',') FROM pg_catalog.pg_get_keywords()
WHERE word <> ALL ('{a,abs,absolute,action,ada,add,admin,after,all,allocate,alter,always,and,any,are,array,as,asc}'::text[]);

-- action: connect: a type's name and whether its schema is on the path (pgJDBC TypeInfoCache)
SELECT n.nspname = ANY(current_schemas(true)), n.nspname, t.typname
FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid
WHERE t.oid = 1034;

-- action: open a table's data: each row with its ctid, the key DBeaver edits a row of a table
-- without a unique key by (PostgreTableReal's virtual key; docs/sql-compat.md, System columns)
SELECT ctid, id, status FROM orders ORDER BY id;
