-- What check_postgres reads (docs/clients.md, "check_postgres"): pg_constraint's connoinherit
-- and a foreign key's equality operators (same_schema compares them), the built-in schemas'
-- privileges, OID 0 as regclass, pg_stats and block_size (bloat), a table's vacuum and
-- analyze history (last_vacuum, last_analyze).
CREATE TABLE cp_p (a int PRIMARY KEY, b int, UNIQUE (a, b), CHECK (b > 0));
CREATE TABLE cp_n (n numeric PRIMARY KEY, t varchar(5) UNIQUE);
CREATE TABLE cp_f (x bigint REFERENCES cp_p, y int2 REFERENCES cp_p, z int REFERENCES cp_n,
  w text REFERENCES cp_n (t), v int, u int, FOREIGN KEY (v, u) REFERENCES cp_p (a, b),
  CHECK (v > 0));
SELECT conname, contype, connoinherit, conpfeqop, conppeqop, conffeqop, conrelid::regclass
  FROM pg_constraint WHERE conrelid IN ('cp_p'::regclass, 'cp_n'::regclass, 'cp_f'::regclass)
  ORDER BY conname;
SELECT c.conname, p.oprname, format_type(p.oprleft, NULL), format_type(p.oprright, NULL)
  FROM pg_constraint c, unnest(c.conpfeqop) AS o(op) JOIN pg_operator p ON p.oid = o.op
  WHERE c.conrelid = 'cp_f'::regclass ORDER BY 1, 3, 4;
CREATE DOMAIN cp_d AS int CHECK (VALUE > 0);
SELECT conname, conrelid::regclass, connoinherit FROM pg_constraint WHERE conname = 'cp_d_check';
SELECT 0::regclass, 0::oid::regclass::text, 0::regnamespace, NULL::regclass;
SELECT nspname, replace(nspacl::text, (SELECT rolname FROM pg_roles WHERE oid = 10), 'SUPERUSER')
  FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema', 'public') ORDER BY 1;
SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = 'cp_f';
SELECT attname, null_frac, avg_width FROM pg_stats WHERE tablename = 'no_such_table';
SELECT name, context FROM pg_settings WHERE name = 'block_size';
-- differs: block_size is the tenant file's SQLite page size, 4096 (PostgreSQL's 8192)
SHOW block_size;
SELECT pg_stat_get_last_vacuum_time(c.oid), pg_stat_get_last_autovacuum_time(c.oid),
  pg_stat_get_vacuum_count(c.oid), pg_stat_get_autovacuum_count(c.oid),
  pg_stat_get_autoanalyze_count(0), pg_stat_get_last_analyze_time(0)
  FROM pg_class c WHERE c.relname = 'cp_f';
SELECT relname, last_vacuum, vacuum_count FROM pg_stat_user_tables WHERE relname = 'cp_f';
DROP TABLE cp_f, cp_n, cp_p;
DROP DOMAIN cp_d;
