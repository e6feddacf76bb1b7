-- VACUUM and ANALYZE history (catalog_vacstat.c): last_vacuum/last_analyze and their counts in
-- pg_stat_user_tables and the pg_stat_get_* functions, per table and for the whole tenant;
-- VACUUM FULL counts no vacuum (PostgreSQL's goes through CLUSTER's code), autovacuum never
-- runs. The times vary: only whether there is one, and that it is recent, are compared.
CREATE TABLE gfv_a (id int PRIMARY KEY, t text);
CREATE TABLE gfv_b (x int);
INSERT INTO gfv_a VALUES (1, 'one'), (2, 'two');
SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed,
  vacuum_count, analyze_count, last_autovacuum, autovacuum_count
  FROM pg_stat_user_tables WHERE relname LIKE 'gfv\_%' ORDER BY relname;
VACUUM gfv_a;
SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed,
  vacuum_count, analyze_count FROM pg_stat_user_tables WHERE relname LIKE 'gfv\_%'
  ORDER BY relname;
ANALYZE gfv_a, gfv_b;
VACUUM (ANALYZE, VERBOSE false) public.gfv_a;
SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed,
  vacuum_count, analyze_count FROM pg_stat_all_tables WHERE relname LIKE 'gfv\_%'
  ORDER BY relname;
SELECT pg_stat_get_vacuum_count('gfv_a'::regclass) AS vacuums,
  pg_stat_get_analyze_count('gfv_b'::regclass) AS analyzes,
  pg_stat_get_last_vacuum_time('gfv_a'::regclass) > now() - interval '1 hour' AS recent,
  pg_stat_get_last_analyze_time('gfv_b'::regclass) <= now() AS not_later,
  pg_stat_get_last_vacuum_time('gfv_b'::regclass) AS never;
-- the whole tenant (PostgreSQL's whole database)
VACUUM;
ANALYZE;
SELECT relname, vacuum_count, analyze_count FROM pg_stat_user_tables
  WHERE relname LIKE 'gfv\_%' ORDER BY relname;
VACUUM FULL gfv_a;
SELECT relname, vacuum_count FROM pg_stat_user_tables WHERE relname = 'gfv_a';
-- ANALYZE inside a transaction block, also a read-only one
BEGIN;
ANALYZE gfv_b;
SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'gfv_b';
COMMIT;
BEGIN READ ONLY;
ANALYZE gfv_b;
COMMIT;
SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'gfv_b';
-- an OID that is no table, and tables that do not exist
SELECT pg_stat_get_last_vacuum_time(0), pg_stat_get_vacuum_count(0),
  pg_stat_get_last_analyze_time(0), pg_stat_get_analyze_count(0);
VACUUM gfv_nosuch;
ANALYZE gfv_nosuch;
-- a dropped and recreated table starts again; a renamed one keeps its history
DROP TABLE gfv_b;
CREATE TABLE gfv_b (x int);
SELECT vacuum_count, analyze_count FROM pg_stat_user_tables WHERE relname = 'gfv_b';
ANALYZE gfv_b;
ALTER TABLE gfv_b RENAME TO gfv_c;
SELECT relname, analyze_count FROM pg_stat_user_tables WHERE relname LIKE 'gfv\_%' ORDER BY 1;
DROP TABLE gfv_a, gfv_c;
