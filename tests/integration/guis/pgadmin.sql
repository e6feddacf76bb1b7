-- SPDX-License-Identifier: Apache-2.0
-- pgadmin.sql: what pgAdmin 4 sends on connect and while browsing, rendered by hand for
-- PostgreSQL 15 from its Jinja templates (pgadmin-org/pgadmin4, web/pgadmin/browser/
-- server_groups/servers/**/templates/**/sql/{15_plus,10_plus,default}/*.sql, and the dashboard's
-- web/pgadmin/dashboard/templates/dashboard/sql/default/*.sql) with database shop, schema
-- public, table orders; {{scid}}/{{tid}} become 'public'::regnamespace / 'orders'::regclass.

-- action: connect: server version (servers/utils: manager.connect)
-- differs(columns): shardlite names itself and SQLite in version() (docs/catalog.md)
SELECT version();

-- action: connect: recovery state (servers/templates/connect/sql/default/check_recovery.sql)
-- differs: pgAdmin asks only a superuser, and the oracle's postgres is one (docs/catalog.md)
SELECT CASE WHEN usesuper THEN pg_catalog.pg_is_in_recovery() ELSE NULL END AS inrecovery,
  CASE WHEN usesuper AND pg_catalog.pg_is_in_recovery()
    THEN pg_catalog.pg_is_wal_replay_paused() ELSE NULL END AS isreplaypaused
FROM pg_catalog.pg_user WHERE usename = current_user;

-- action: connect: the database node (databases/templates/databases/sql/default/nodes.sql)
-- differs(rows): OIDs
SELECT db.oid AS did, db.datname AS name, ta.spcname AS spcname, db.datallowconn,
  pg_catalog.has_database_privilege(db.oid, 'CREATE') AS cancreate, datdba AS owner,
  db.datistemplate, pg_catalog.has_database_privilege(db.datname, 'connect') AS canconnect,
  datistemplate AS is_system
FROM pg_catalog.pg_database db
LEFT OUTER JOIN pg_catalog.pg_tablespace ta ON db.dattablespace = ta.oid
WHERE db.datname = current_database()
ORDER BY datname;

-- action: connect: what the connected role may do (servers/templates/connect/sql/default/connect.sql)
-- differs: the oracle's postgres is a superuser, a shardlite user owns its tenants only
SELECT roles.oid AS id, roles.rolname AS name, roles.rolsuper AS is_superuser,
  CASE WHEN roles.rolsuper THEN true ELSE roles.rolcreaterole END AS can_create_role,
  CASE WHEN roles.rolsuper THEN true ELSE roles.rolcreatedb END AS can_create_db,
  CASE WHEN 'pg_signal_backend' = ANY(ARRAY(WITH RECURSIVE cte AS (
      SELECT pg_roles.oid, pg_roles.rolname FROM pg_roles WHERE pg_roles.oid = roles.oid
      UNION ALL
      SELECT m.roleid, pgr.rolname FROM cte cte_1
      JOIN pg_auth_members m ON m.member = cte_1.oid
      JOIN pg_roles pgr ON pgr.oid = m.roleid)
    SELECT rolname FROM cte)) THEN True ELSE False END AS can_signal_backend
FROM pg_catalog.pg_roles AS roles
WHERE rolname = current_user;

-- action: connect: database properties (databases/templates/databases/sql/15_plus/properties.sql)
-- differs(rows): OIDs, and the tenant's ACL and locale facts
SELECT db.oid AS did, db.oid, db.datname AS name, db.dattablespace AS spcoid, spcname,
  datallowconn, pg_catalog.pg_encoding_to_char(encoding) AS encoding,
  pg_catalog.pg_get_userbyid(datdba) AS datowner, db.datcollate, db.datctype,
  datconnlimit, pg_catalog.has_database_privilege(db.oid, 'CREATE') AS cancreate,
  pg_catalog.current_setting('default_tablespace') AS default_tablespace,
  descr.description AS comments, db.datistemplate AS is_template, datlocprovider,
  db.daticulocale
FROM pg_catalog.pg_database db
LEFT OUTER JOIN pg_catalog.pg_tablespace ta ON db.dattablespace = ta.oid
LEFT OUTER JOIN pg_catalog.pg_shdescription descr ON (db.oid = descr.objoid
  AND descr.classoid = 'pg_database'::regclass)
WHERE db.datname = current_database()
ORDER BY datname;

-- action: list schemas (schemas/templates/schemas/pg/default/sql/nodes.sql)
SELECT nsp.oid, nsp.nspname AS name,
  pg_catalog.has_schema_privilege(nsp.oid, 'CREATE') AS can_create,
  pg_catalog.has_schema_privilege(nsp.oid, 'USAGE') AS has_usage, des.description
FROM pg_catalog.pg_namespace nsp
LEFT OUTER JOIN pg_catalog.pg_description des ON
  (des.objoid = nsp.oid AND des.classoid = 'pg_namespace'::regclass)
WHERE nspname NOT LIKE E'pg\\_%' AND NOT (
  (nsp.nspname = 'pg_catalog' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class
    WHERE relname = 'pg_class' AND relnamespace = nsp.oid LIMIT 1)) OR
  (nsp.nspname = 'pgagent' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class
    WHERE relname = 'pga_job' AND relnamespace = nsp.oid LIMIT 1)) OR
  (nsp.nspname = 'information_schema' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class
    WHERE relname = 'tables' AND relnamespace = nsp.oid LIMIT 1)))
ORDER BY nspname;

-- action: list tables (schemas/tables/templates/tables/sql/default/nodes.sql)
-- differs(rows): PostgreSQL counts the internal triggers that enforce foreign keys; SQLite
-- enforces them without triggers, so pg_trigger has none
SELECT rel.relname AS name,
  (SELECT count(*) FROM pg_trigger WHERE tgrelid = rel.oid) AS triggercount,
  (SELECT count(*) FROM pg_trigger WHERE tgrelid = rel.oid AND tgenabled = 'O') AS has_enable_triggers,
  (SELECT count(1) FROM pg_inherits WHERE inhrelid = rel.oid LIMIT 1) AS is_inherits,
  (SELECT count(1) FROM pg_inherits WHERE inhparent = rel.oid LIMIT 1) AS is_inherited
FROM pg_class rel
WHERE rel.relkind IN ('r', 's', 't') AND rel.relnamespace = 'public'::regnamespace
ORDER BY rel.relname;

-- action: columns of orders (schemas/tables/columns/templates/columns/sql/default/properties.sql)
SELECT att.attname AS name, att.attnum AS attnum,
  pg_catalog.format_type(ty.oid, NULL) AS typname,
  pg_catalog.format_type(ty.oid, att.atttypmod) AS displaytypname, att.attnotnull,
  pg_catalog.pg_get_expr(def.adbin, def.adrelid) AS defval,
  CASE WHEN att.attndims > 0 THEN 1 ELSE 0 END AS isarray, att.attndims, att.attidentity,
  att.attgenerated, des.description,
  CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = att.attrelid
      AND i.indisprimary AND att.attnum = ANY(i.indkey)) THEN true ELSE false END AS is_pk,
  nsp.nspname AS typnspname, ty.typname AS typ
FROM pg_catalog.pg_attribute att
JOIN pg_catalog.pg_type ty ON ty.oid = atttypid
JOIN pg_catalog.pg_namespace nsp ON ty.typnamespace = nsp.oid
JOIN pg_catalog.pg_class cl ON cl.oid = att.attrelid
LEFT OUTER JOIN pg_catalog.pg_attrdef def ON adrelid = att.attrelid AND adnum = att.attnum
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = att.attrelid
  AND des.objsubid = att.attnum AND des.classoid = 'pg_class'::regclass)
WHERE att.attrelid = 'orders'::regclass AND att.attnum > 0 AND att.attisdropped IS FALSE
ORDER BY att.attnum;

-- action: indexes of orders (schemas/tables/indexes/templates/indexes/sql/default/nodes.sql)
SELECT DISTINCT ON (cls.relname) cls.relname AS name,
  (SELECT (CASE WHEN count(i.inhrelid) > 0 THEN true ELSE false END)
   FROM pg_catalog.pg_inherits i WHERE i.inhrelid = cls.oid) AS is_inherited,
  CASE contype WHEN 'p' THEN desp.description WHEN 'u' THEN desp.description
    WHEN 'x' THEN desp.description ELSE des.description END AS description
FROM pg_catalog.pg_index idx
JOIN pg_catalog.pg_class cls ON cls.oid = indexrelid
JOIN pg_catalog.pg_class tab ON tab.oid = indrelid
LEFT OUTER JOIN pg_catalog.pg_tablespace ta ON ta.oid = cls.reltablespace
JOIN pg_catalog.pg_namespace n ON n.oid = tab.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = cls.relam
LEFT JOIN pg_catalog.pg_depend dep ON (dep.classid = cls.tableoid AND dep.objid = cls.oid
  AND dep.refobjsubid = '0' AND dep.refclassid = (SELECT oid FROM pg_catalog.pg_class
    WHERE relname = 'pg_constraint') AND dep.deptype = 'i')
LEFT OUTER JOIN pg_catalog.pg_constraint con ON (con.tableoid = dep.refclassid
  AND con.oid = dep.refobjid)
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = cls.oid
  AND des.classoid = 'pg_class'::regclass)
LEFT OUTER JOIN pg_catalog.pg_description desp ON (desp.objoid = con.oid
  AND desp.objsubid = 0 AND desp.classoid = 'pg_constraint'::regclass)
WHERE indrelid = 'orders'::regclass AND conname IS NULL
ORDER BY cls.relname;

-- action: primary key of orders (schemas/tables/constraints/index_constraint/templates/index_constraint/sql/default/properties.sql)
SELECT cls.relname AS name, indnkeyatts AS col_count, amname,
  CASE WHEN length(spcname::text) > 0 THEN spcname ELSE
    (SELECT sp.spcname FROM pg_catalog.pg_database dtb
     JOIN pg_catalog.pg_tablespace sp ON dtb.dattablespace = sp.oid
     WHERE dtb.oid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))
  END AS spcname,
  CASE contype WHEN 'p' THEN desp.description WHEN 'u' THEN desp.description
    WHEN 'x' THEN desp.description ELSE des.description END AS comment,
  condeferrable, condeferred, substring(pg_catalog.array_to_string(cls.reloptions, ',')
    FROM 'fillfactor=([0-9]*)') AS fillfactor
FROM pg_catalog.pg_index idx
JOIN pg_catalog.pg_class cls ON cls.oid = indexrelid
JOIN pg_catalog.pg_class tab ON tab.oid = indrelid
LEFT OUTER JOIN pg_catalog.pg_tablespace ta ON ta.oid = cls.reltablespace
JOIN pg_catalog.pg_namespace n ON n.oid = tab.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = cls.relam
LEFT JOIN pg_catalog.pg_depend dep ON (dep.classid = cls.tableoid AND dep.objid = cls.oid
  AND dep.refobjsubid = '0' AND dep.refclassid = (SELECT oid FROM pg_catalog.pg_class
    WHERE relname = 'pg_constraint') AND dep.deptype = 'i')
LEFT OUTER JOIN pg_catalog.pg_constraint con ON (con.tableoid = dep.refclassid
  AND con.oid = dep.refobjid)
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = cls.oid
  AND des.classoid = 'pg_class'::regclass)
LEFT OUTER JOIN pg_catalog.pg_description desp ON (desp.objoid = con.oid
  AND desp.objsubid = 0 AND desp.classoid = 'pg_constraint'::regclass)
WHERE indrelid = 'orders'::regclass AND contype = 'p'
ORDER BY cls.relname;

-- action: foreign keys of orders (schemas/tables/constraints/foreign_key/templates/foreign_key/sql/default/properties.sql)
-- differs(rows): confrelid is an OID
SELECT ct.conname AS name, condeferrable, condeferred, confupdtype, confdeltype,
  CASE confmatchtype WHEN 's' THEN FALSE WHEN 'f' THEN TRUE END AS confmatchtype,
  conkey, confkey, confrelid, nl.nspname AS fknsp, cl.relname AS fktab,
  nr.nspname AS refnsp, cr.relname AS reftab, description AS comment, convalidated,
  conislocal
FROM pg_catalog.pg_constraint ct
JOIN pg_catalog.pg_class cl ON cl.oid = conrelid
JOIN pg_catalog.pg_namespace nl ON nl.oid = cl.relnamespace
JOIN pg_catalog.pg_class cr ON cr.oid = confrelid
JOIN pg_catalog.pg_namespace nr ON nr.oid = cr.relnamespace
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = ct.oid
  AND des.classoid = 'pg_constraint'::regclass)
WHERE contype = 'f' AND conrelid = 'orders'::regclass
ORDER BY conname;

-- action: check constraints of orders (schemas/tables/constraints/check_constraint/templates/check_constraint/sql/default/properties.sql)
SELECT c.conname AS name, c.connoinherit, c.convalidated, c.conislocal,
  pg_catalog.pg_get_constraintdef(c.oid, true) AS consrc,
  pg_catalog.obj_description(c.oid, 'pg_constraint') AS comment,
  c.convalidated
FROM pg_catalog.pg_class cl
JOIN pg_catalog.pg_namespace nsp ON nsp.oid = cl.relnamespace
JOIN pg_catalog.pg_constraint c ON c.conrelid = cl.oid
WHERE contype = 'c' AND cl.oid = 'orders'::regclass
ORDER BY c.conname;

-- action: triggers of orders (schemas/tables/triggers/templates/triggers/sql/default/nodes.sql)
SELECT t.tgname AS name, t.tgenabled AS is_enable_trigger
FROM pg_catalog.pg_trigger t
WHERE NOT tgisinternal AND tgrelid = 'orders'::regclass
ORDER BY tgname;

-- action: list sequences (schemas/sequences/templates/sequences/sql/default/nodes.sql)
SELECT relname AS name, description AS comment
FROM pg_catalog.pg_class cl
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = cl.oid
  AND des.classoid = 'pg_class'::regclass)
WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace
ORDER BY relname;

-- action: sequence definition (schemas/sequences/templates/sequences/sql/10_plus/get_def.sql)
SELECT last_value, seqmin AS min_value, seqmax AS max_value, seqstart AS start_value,
  seqcache AS cache_value, seqcycle AS is_cycled, seqincrement AS increment_by, is_called
FROM pg_sequence, public.invoice_seq
WHERE seqrelid = 'public.invoice_seq'::regclass;

-- action: list views (schemas/views/templates/views/sql/default/nodes.sql)
SELECT c.relname AS name, description AS comment
FROM pg_catalog.pg_class c
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = c.oid AND des.objsubid = 0
  AND des.classoid = 'pg_class'::regclass)
WHERE ((c.relhasrules AND (EXISTS (SELECT r.rulename FROM pg_catalog.pg_rewrite r
    WHERE ((r.ev_class = c.oid) AND (pg_catalog.bpchar(r.ev_type) = '1'::bpchar)))))
  AND (c.relkind = 'v'::char))
  AND c.relnamespace = 'public'::regnamespace
ORDER BY c.relname;

-- action: list functions (schemas/functions/templates/functions/pg/sql/default/node.sql)
SELECT pr.proname || '(' || COALESCE(pg_catalog.pg_get_function_identity_arguments(pr.oid), '')
    || ')' AS name, lanname, pg_catalog.pg_get_userbyid(proowner) AS funcowner, description
FROM pg_catalog.pg_proc pr
JOIN pg_catalog.pg_type typ ON typ.oid = prorettype
JOIN pg_catalog.pg_language lng ON lng.oid = prolang
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = pr.oid
  AND des.classoid = 'pg_proc'::regclass)
WHERE pr.prokind IN ('f', 'w') AND typname NOT IN ('trigger', 'event_trigger')
  AND pronamespace = 'public'::regnamespace
ORDER BY proname;

-- action: table row count (schemas/tables/templates/tables/sql/default/get_table_row_count.sql)
SELECT COUNT(*)::text FROM public.orders;

-- action: table statistics (schemas/tables/templates/tables/sql/default/stats.sql)
-- differs: counters and sizes are SQLite's (docs/catalog.md)
SELECT seq_scan AS "Sequential scans", seq_tup_read AS "Sequential tuples read",
  idx_scan AS "Index scans", idx_tup_fetch AS "Index tuples fetched",
  n_tup_ins AS "Tuples inserted", n_tup_upd AS "Tuples updated",
  n_tup_del AS "Tuples deleted", n_tup_hot_upd AS "Tuples HOT updated",
  n_live_tup AS "Live tuples", n_dead_tup AS "Dead tuples",
  heap_blks_read AS "Heap blocks read", heap_blks_hit AS "Heap blocks hit",
  idx_blks_read AS "Index blocks read", idx_blks_hit AS "Index blocks hit",
  toast_blks_read AS "Toast blocks read", toast_blks_hit AS "Toast blocks hit",
  tidx_blks_read AS "Toast index blocks read", tidx_blks_hit AS "Toast index blocks hit",
  last_vacuum AS "Last vacuum", last_autovacuum AS "Last autovacuum",
  last_analyze AS "Last analyze", last_autoanalyze AS "Last autoanalyze",
  pg_catalog.pg_relation_size(stat.relid) AS "Table size",
  CASE WHEN cl.reltoastrelid = 0 THEN NULL ELSE pg_catalog.pg_size_pretty(
    pg_catalog.pg_relation_size(cl.reltoastrelid) + COALESCE((SELECT
      SUM(pg_catalog.pg_relation_size(indexrelid)) FROM pg_catalog.pg_index
      WHERE indrelid = cl.reltoastrelid)::int8, 0)) END AS "Toast table size",
  COALESCE((SELECT SUM(pg_catalog.pg_relation_size(indexrelid))
    FROM pg_catalog.pg_index WHERE indrelid = stat.relid)::int8, 0) AS "Indexes size"
FROM pg_catalog.pg_stat_all_tables stat
JOIN pg_catalog.pg_statio_all_tables statio ON stat.relid = statio.relid
JOIN pg_catalog.pg_class cl ON cl.oid = stat.relid
WHERE stat.relid = 'orders'::regclass;

-- action: table privileges (schemas/tables/templates/tables/sql/default/acl.sql)
SELECT COALESCE(gt.rolname, 'PUBLIC') AS grantee, g.rolname AS grantor,
  pg_catalog.array_agg(privilege_type) AS privileges,
  pg_catalog.array_agg(is_grantable) AS grantable
FROM (SELECT d.grantee, d.grantor, d.is_grantable,
    CASE d.privilege_type WHEN 'DELETE' THEN 'd' WHEN 'INSERT' THEN 'a'
      WHEN 'REFERENCES' THEN 'x' WHEN 'SELECT' THEN 'r' WHEN 'TRIGGER' THEN 't'
      WHEN 'UPDATE' THEN 'w' WHEN 'TRUNCATE' THEN 'D' ELSE 'UNKNOWN' END AS privilege_type
  FROM (SELECT relacl FROM pg_catalog.pg_class cl
        WHERE cl.oid = 'orders'::regclass) acl,
    (SELECT (d).grantee AS grantee, (d).grantor AS grantor, (d).is_grantable AS is_grantable,
       (d).privilege_type AS privilege_type
     FROM (SELECT pg_catalog.aclexplode(relacl) AS d FROM pg_catalog.pg_class cl
           WHERE cl.oid = 'orders'::regclass) a) d) d
LEFT JOIN pg_catalog.pg_roles g ON (d.grantor = g.oid)
LEFT JOIN pg_catalog.pg_roles gt ON (d.grantee = gt.oid)
GROUP BY g.rolname, gt.rolname;

-- action: roles (roles/templates/roles/sql/default/nodes.sql)
-- differs(columns): pg_roles lists the session user and pg_database_owner, not PostgreSQL's predefined roles
SELECT r.oid, r.rolname, r.rolcanlogin, r.rolsuper
FROM pg_catalog.pg_roles r
ORDER BY r.rolcanlogin, r.rolname;

-- action: dashboard: server activity (dashboard/templates/dashboard/sql/default/activity.sql)
-- differs(columns): each server's own sessions, pids and times
SELECT pid, datname, usename, application_name, client_addr,
  pg_catalog.to_char(backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS backend_start, state,
  wait_event_type || ': ' || wait_event AS wait_event,
  pg_catalog.array_to_string(pg_catalog.pg_blocking_pids(pid), ', ') AS blocking_pids, query,
  pg_catalog.to_char(state_change, 'YYYY-MM-DD HH24:MI:SS TZ') AS state_change,
  pg_catalog.to_char(query_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS query_start,
  pg_catalog.to_char(xact_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS xact_start, backend_type,
  CASE WHEN state = 'active' THEN ROUND((extract(epoch FROM now() - query_start) / 60)::numeric, 2)
    ELSE 0 END AS active_since
FROM pg_catalog.pg_stat_activity
WHERE datname = 'shop'
ORDER BY pid;

-- action: dashboard: sessions (dashboard/templates/dashboard/sql/default/session_stats.sql)
SELECT (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = 'shop') AS "Total",
  (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = 'active'
    AND datname = 'shop') AS "Active",
  (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = 'idle'
    AND datname = 'shop') AS "Idle";

-- action: dashboard: transactions (dashboard/templates/dashboard/sql/default/ti_stats.sql)
-- differs(columns): SQLite collects no commit or block counters: 0 (docs/catalog.md)
SELECT (SELECT sum(xact_commit) + sum(xact_rollback) FROM pg_catalog.pg_stat_database
  WHERE datname = 'shop') AS "Transactions",
  (SELECT sum(xact_commit) FROM pg_catalog.pg_stat_database WHERE datname = 'shop') AS "Commits",
  (SELECT sum(xact_rollback) FROM pg_catalog.pg_stat_database WHERE datname = 'shop') AS "Rollbacks";

-- action: dashboard: locks (dashboard/templates/dashboard/sql/default/locks.sql)
-- differs(columns): each server's own locks
SELECT pid, locktype, datname, relation::regclass, page, tuple, virtualxid AS vxid,
  transactionid AS xid, classid::regclass, objid, objsubid, virtualtransaction AS vxact,
  mode, granted, fastpath
FROM pg_catalog.pg_locks l
LEFT OUTER JOIN pg_catalog.pg_database d ON (l.database = d.oid)
WHERE datname = 'shop'
ORDER BY pid, locktype;

-- action: column types offered by the column editor (utils/templates/get_types.sql)
-- differs(columns): pg_type holds the built-in types pgtype knows, not all of PostgreSQL's
SELECT * FROM (SELECT pg_catalog.format_type(t.oid, NULL) AS typname,
    CASE WHEN typelem > 0 THEN typelem ELSE t.oid END AS elemoid, typlen, typtype, t.oid,
    nspname,
    (SELECT COUNT(1) FROM pg_catalog.pg_type t2 WHERE t2.typname = t.typname) > 1 AS isdup
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace nsp ON typnamespace = nsp.oid
  WHERE (NOT (typname = 'unknown' AND nspname = 'pg_catalog')) AND typisdefined
    AND typtype IN ('b', 'c', 'd', 'e', 'r')
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relnamespace = typnamespace
      AND relname = typname AND relkind != 'c')
    AND (typname NOT LIKE '_%' OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class
      WHERE relnamespace = typnamespace AND substr(typname, 2)::name = relname
        AND relkind != 'c'))
    AND nsp.nspname != 'information_schema') AS dummy
ORDER BY nspname <> 'pg_catalog', nspname <> 'public', nspname, 1;

-- action: view definition (schemas/views/templates/views/sql/default/properties.sql)
SELECT c.relname AS name, description AS comment,
  pg_catalog.pg_get_userbyid(c.relowner) AS owner, nsp.nspname AS schema,
  pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
  (SELECT array_to_string(c2.reloptions, ',') FROM pg_catalog.pg_class c2
   WHERE c2.oid = c.oid) AS reloptions
FROM pg_catalog.pg_class c
LEFT OUTER JOIN pg_catalog.pg_namespace nsp ON nsp.oid = c.relnamespace
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = c.oid AND des.objsubid = 0
  AND des.classoid = 'pg_class'::regclass)
WHERE ((c.relhasrules AND (EXISTS (SELECT r.rulename FROM pg_catalog.pg_rewrite r
    WHERE ((r.ev_class = c.oid) AND (pg_catalog.bpchar(r.ev_type) = '1'::bpchar)))))
  AND (c.relkind = 'v'::char))
  AND c.oid = 'big_orders'::regclass;

-- action: table properties (schemas/tables/templates/tables/sql/default/properties.sql, core)
-- differs(rows): hastriggers: PostgreSQL enforces the foreign key to customers with triggers
SELECT rel.relname AS name, rel.reltablespace AS spcoid, rel.relacl AS relacl_str,
  (CASE WHEN length(spc.spcname::text) > 0 THEN spc.spcname ELSE
    (SELECT sp.spcname FROM pg_catalog.pg_database dtb
     JOIN pg_catalog.pg_tablespace sp ON dtb.dattablespace = sp.oid
     WHERE dtb.oid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))
   END) AS spcname,
  pg_catalog.pg_get_userbyid(rel.relowner) AS relowner, rel.relkind,
  (CASE WHEN rel.relkind = 'p' THEN true ELSE false END) AS is_partitioned,
  rel.relhassubclass, rel.reltuples::bigint, des.description, con.conname, con.conkey,
  EXISTS (SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = rel.oid
    AND tgname NOT LIKE 'pg_%') AS hastriggers,
  rel.relpersistence = 'u' AS relpersistence, rel.relrowsecurity AS rlspolicy,
  rel.relforcerowsecurity AS forcerlspolicy
FROM pg_catalog.pg_class rel
LEFT OUTER JOIN pg_catalog.pg_tablespace spc ON spc.oid = rel.reltablespace
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = rel.oid AND des.objsubid = 0
  AND des.classoid = 'pg_class'::regclass)
LEFT OUTER JOIN pg_catalog.pg_constraint con ON con.conrelid = rel.oid AND con.contype = 'p'
WHERE rel.relkind IN ('r', 's', 't', 'p') AND rel.relnamespace = 'public'::regnamespace
  AND rel.oid = 'customers'::regclass;

-- action: sequence of a serial column (schemas/tables/columns/templates/columns/sql/default/properties.sql, seqrelid)
SELECT att.attname,
  (SELECT pg_catalog.pg_get_serial_sequence(quote_ident(nsp.nspname) || '.'
     || quote_ident(cl.relname), att.attname)) AS seqname
FROM pg_catalog.pg_attribute att
JOIN pg_catalog.pg_class cl ON cl.oid = att.attrelid
JOIN pg_catalog.pg_namespace nsp ON nsp.oid = cl.relnamespace
WHERE att.attrelid = 'orders'::regclass AND att.attnum = 1;

-- action: database statistics (databases/templates/databases/sql/default/stats.sql)
-- differs(columns): SQLite collects no commit or block counters: 0 (docs/catalog.md)
SELECT db.datname AS "Database", numbackends AS "Backends", xact_commit AS "Xact committed",
  xact_rollback AS "Xact rolled back", blks_read AS "Blocks read", blks_hit AS "Blocks hit",
  pg_catalog.pg_database_size(db.datid) AS "Size"
FROM pg_catalog.pg_stat_database db
WHERE db.datname = 'shop';

-- action: connect: session setup (utils/driver/psycopg3/connection.py)
SELECT set_config('bytea_output', 'hex', false) FROM pg_catalog.pg_settings
WHERE name = 'bytea_output';

-- action: materialized views (schemas/views/templates/mviews/sql/default/nodes.sql)
SELECT c.relname AS name FROM pg_catalog.pg_class c
WHERE c.relkind = 'm' AND c.relnamespace = 'public'::regnamespace ORDER BY c.relname;

-- action: types (schemas/types/templates/types/sql/default/nodes.sql)
SELECT t.typname AS name, des.description
FROM pg_catalog.pg_type t
LEFT OUTER JOIN pg_catalog.pg_type e ON e.oid = t.typelem
LEFT OUTER JOIN pg_catalog.pg_class ct ON ct.oid = t.typrelid AND ct.relkind <> 'c'
LEFT OUTER JOIN pg_catalog.pg_description des ON (des.objoid = t.oid
  AND des.classoid = 'pg_type'::regclass)
WHERE t.typtype != 'd' AND t.typname NOT LIKE E'\\_%'
  AND t.typnamespace = 'public'::regnamespace AND ct.oid IS NULL
ORDER BY t.typname;

-- action: domains (schemas/domains/templates/domains/sql/default/node.sql)
SELECT d.typname AS name, pg_catalog.format_type(b.oid, NULL) AS basetype
FROM pg_catalog.pg_type d
JOIN pg_catalog.pg_type b ON b.oid = d.typbasetype
WHERE d.typnamespace = 'public'::regnamespace AND d.typtype = 'd'
ORDER BY d.typname;

-- action: collations (schemas/collations/templates/collations/sql/default/nodes.sql)
SELECT c.collname AS name FROM pg_catalog.pg_collation c
WHERE c.collnamespace = 'public'::regnamespace ORDER BY c.collname;

-- action: FTS configurations (schemas/fts_configurations/templates/fts_configurations/sql/default/nodes.sql)
SELECT cfg.cfgname AS name FROM pg_catalog.pg_ts_config cfg
WHERE cfg.cfgnamespace = 'public'::regnamespace ORDER BY cfg.cfgname;

-- action: FTS dictionaries (schemas/fts_dictionaries/templates/fts_dictionaries/sql/default/nodes.sql)
SELECT dict.dictname AS name FROM pg_catalog.pg_ts_dict dict
WHERE dict.dictnamespace = 'public'::regnamespace ORDER BY dict.dictname;

-- action: FTS parsers (schemas/fts_parsers/templates/fts_parsers/sql/default/nodes.sql)
SELECT prs.prsname AS name FROM pg_catalog.pg_ts_parser prs
WHERE prs.prsnamespace = 'public'::regnamespace ORDER BY prs.prsname;

-- action: FTS templates (schemas/fts_templates/templates/fts_templates/sql/default/nodes.sql)
SELECT tmpl.tmplname AS name FROM pg_catalog.pg_ts_template tmpl
WHERE tmpl.tmplnamespace = 'public'::regnamespace ORDER BY tmpl.tmplname;

-- action: foreign tables (schemas/foreign_tables/templates/foreign_tables/sql/default/node.sql)
SELECT c.relname AS name FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_foreign_table ft ON c.oid = ft.ftrelid
WHERE c.relnamespace = 'public'::regnamespace ORDER BY c.relname;

-- action: operators (schemas/operators/templates/operators/sql/default/nodes.sql)
SELECT op.oprname AS name FROM pg_catalog.pg_operator op
WHERE op.oprnamespace = 'public'::regnamespace ORDER BY op.oprname;

-- action: aggregates (schemas/aggregates/templates/aggregates/sql/default/nodes.sql)
SELECT pr.proname AS name FROM pg_catalog.pg_aggregate ag
JOIN pg_catalog.pg_proc pr ON pr.oid = ag.aggfnoid
WHERE pr.pronamespace = 'public'::regnamespace ORDER BY pr.proname;

-- action: procedures and trigger functions (schemas/functions/templates/*/pg/sql/default/node.sql)
SELECT pr.proname AS name, pr.prokind FROM pg_catalog.pg_proc pr
JOIN pg_catalog.pg_type typ ON typ.oid = pr.prorettype
WHERE (pr.prokind = 'p' OR typ.typname = 'trigger')
  AND pr.pronamespace = 'public'::regnamespace ORDER BY pr.proname;

-- action: event triggers (event_triggers/templates/event_triggers/sql/default/nodes.sql)
SELECT e.evtname AS name FROM pg_catalog.pg_event_trigger e ORDER BY e.evtname;

-- action: casts (casts/templates/casts/sql/default/nodes.sql, without system casts)
SELECT ca.oid, pg_catalog.concat(pg_catalog.format_type(st.oid, NULL), '->',
  pg_catalog.format_type(tt.oid, tt.typtypmod)) AS name
FROM pg_catalog.pg_cast ca
JOIN pg_catalog.pg_type st ON st.oid = ca.castsource
JOIN pg_catalog.pg_type tt ON tt.oid = ca.casttarget
WHERE ca.oid > 16383
ORDER BY 2;

-- action: languages (languages/templates/languages/sql/default/nodes.sql)
SELECT lan.oid, lan.lanname AS name, pg_catalog.pg_get_userbyid(lan.lanowner) AS lanowner
FROM pg_catalog.pg_language lan WHERE lanispl IS TRUE ORDER BY lanname;

-- action: foreign data wrappers (foreign_data_wrappers/templates/foreign_data_wrappers/sql/default/properties.sql)
SELECT fdw.fdwname AS name FROM pg_catalog.pg_foreign_data_wrapper fdw ORDER BY fdw.fdwname;

-- action: publications (publications/templates/publications/sql/default/nodes.sql)
SELECT pub.pubname AS name FROM pg_catalog.pg_publication pub ORDER BY pub.pubname;

-- action: subscriptions (subscriptions/templates/subscriptions/sql/default/nodes.sql)
SELECT sub.subname AS name FROM pg_catalog.pg_subscription sub
WHERE sub.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = 'shop')
ORDER BY sub.subname;

-- action: index statistics (schemas/tables/indexes/templates/indexes/sql/default/stats.sql)
-- differs: counters and sizes are SQLite's (docs/catalog.md)
SELECT idx_scan AS "Index scans", idx_tup_read AS "Index tuples read",
  idx_tup_fetch AS "Index tuples fetched", idx_blks_read AS "Index blocks read",
  idx_blks_hit AS "Index blocks hit",
  pg_catalog.pg_relation_size(stat.indexrelid) AS "Index size"
FROM pg_catalog.pg_stat_all_indexes stat
JOIN pg_catalog.pg_statio_all_indexes statio ON stat.indexrelid = statio.indexrelid
JOIN pg_catalog.pg_class cl ON cl.oid = stat.indexrelid
WHERE stat.indexrelid = 'orders_customer_idx'::regclass;

-- action: indexes of a table in the statistics tab (schemas/tables/templates/tables/sql/default/coll_table_stats.sql, index part)
SELECT indexrelname, relname FROM pg_catalog.pg_stat_user_indexes
WHERE relid = 'orders'::regclass ORDER BY indexrelname;

-- action: login role properties (roles/templates/roles/sql/default/properties.sql)
-- differs: the oracle's postgres is a superuser; a shardlite user is not (docs/catalog.md)
SELECT r.oid, r.*, pg_catalog.shobj_description(r.oid, 'pg_authid') AS description,
  ARRAY(SELECT CASE WHEN am.admin_option THEN '1' ELSE '0' END || rm.rolname
        FROM (SELECT * FROM pg_catalog.pg_auth_members WHERE member = r.oid) AS am
        LEFT JOIN pg_catalog.pg_roles AS rm ON (rm.oid = am.roleid)
        ORDER BY rm.rolname) AS rolmembership,
  (SELECT pg_catalog.array_agg(provider || '=' || label) FROM pg_catalog.pg_shseclabel sl1
   WHERE sl1.objoid = r.oid) AS seclabels
FROM pg_catalog.pg_roles r
WHERE r.rolname = current_user;

-- action: security labels of a table (schemas/tables/templates/tables/sql/default/properties.sql)
SELECT (SELECT pg_catalog.array_agg(provider || '=' || label) FROM pg_catalog.pg_seclabels sl1
        WHERE sl1.objoid = rel.oid AND sl1.objsubid = 0) AS seclabels
FROM pg_catalog.pg_class rel WHERE rel.oid = 'orders'::regclass;

-- action: tablespaces node (tablespaces/templates/tablespaces/sql/default/nodes.sql)
SELECT ts.spcname AS name, pg_catalog.pg_get_userbyid(spcowner) AS spcuser,
  pg_catalog.shobj_description(oid, 'pg_tablespace') AS description
FROM pg_catalog.pg_tablespace ts ORDER BY name;
