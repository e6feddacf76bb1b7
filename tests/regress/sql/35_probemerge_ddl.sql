-- Probing PostgreSQL's create_index, temp, errors and merge corpora: a table's storage
-- parameters (pg_dump writes autovacuum settings), ON COMMIT on a permanent table, renaming a
-- column to a system column's name, REINDEX of a temporary table or index.
CREATE TABLE rel_av (a int) WITH (autovacuum_enabled = off);
CREATE TABLE rel_av2 (a int) WITH (autovacuum_enabled = false, toast.autovacuum_enabled = off, fillfactor = 70);
CREATE TABLE rel_av3 (a int) WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_threshold = 1000, vacuum_index_cleanup = auto, toast.vacuum_truncate = true, log_autovacuum_min_duration = -1, parallel_workers = 4);
CREATE TABLE rel_av4 (a int) WITH (autovacuum_freeze_max_age = 200000, toast_tuple_target = 128, user_catalog_table = false);
CREATE TABLE rel_oids (a int) WITH (oids = false);
INSERT INTO rel_av VALUES (1), (2);
SELECT a FROM rel_av ORDER BY a;
SELECT relname FROM pg_class WHERE relname LIKE 'rel\_%' ORDER BY 1;
-- detail
CREATE TABLE rel_bad (a int) WITH (autovacuum_enabled = maybe);
-- detail
CREATE TABLE rel_bad (a int) WITH (autovacuum_vacuum_scale_factor = 200);
-- detail
CREATE TABLE rel_bad (a int) WITH (autovacuum_vacuum_cost_limit = 0);
-- detail
CREATE TABLE rel_bad (a int) WITH (autovacuum_vacuum_cost_limit = 'x');
-- detail
CREATE TABLE rel_bad (a int) WITH (autovacuum_vacuum_scale_factor = 'x');
-- detail
CREATE TABLE rel_bad (a int) WITH (toast.fillfactor = 50);
-- detail
CREATE TABLE rel_bad (a int) WITH (toast.autovacuum_analyze_threshold = 50);
-- detail
CREATE TABLE rel_bad (a int) WITH (foo.fillfactor = 50);
-- detail
CREATE TABLE rel_bad (a int) WITH (nosuch = 50);
-- detail
CREATE TABLE rel_bad (a int) WITH (fillfactor = 50, fillfactor = 60);
-- detail
CREATE TABLE rel_bad (a int) WITH (vacuum_index_cleanup = sometimes);
-- detail
CREATE TABLE rel_bad (a int) WITH (fillfactor = 5);
-- detail
CREATE TABLE rel_bad (a int) WITH (oids = true);
-- detail
CREATE TABLE rel_bad (a int) WITH (oids = yes);
-- detail
CREATE TABLE rel_bad (a int) WITH (fillfactor = 5, oids = true);
CREATE TABLE rel_ff (a int) WITH (fillfactor = 50.4);
-- detail
CREATE TABLE rel_bad (a int) ON COMMIT PRESERVE ROWS;
-- detail
CREATE TABLE rel_bad (a int) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE rel_tmp_keep (a int) ON COMMIT PRESERVE ROWS;
CREATE TABLE emp (name text, salary int4, manager text);
-- detail
ALTER TABLE emp RENAME COLUMN salary TO ctid;
-- detail
ALTER TABLE emp RENAME COLUMN salary TO tableoid;
-- detail
ALTER TABLE emp RENAME COLUMN salary TO xmax;
ALTER TABLE emp RENAME COLUMN salary TO wage;
INSERT INTO emp VALUES ('a', 1, 'b');
SELECT name, wage FROM emp;
CREATE TEMP TABLE concur_temp_tab_1 (c1 int, c2 text) ON COMMIT PRESERVE ROWS;
INSERT INTO concur_temp_tab_1 VALUES (1, 'foo'), (2, 'bar');
CREATE INDEX concur_temp_ind_1 ON concur_temp_tab_1(c2);
REINDEX TABLE concur_temp_tab_1;
REINDEX INDEX concur_temp_ind_1;
REINDEX TABLE CONCURRENTLY concur_temp_tab_1;
REINDEX INDEX CONCURRENTLY concur_temp_ind_1;
REINDEX TABLE pg_temp.concur_temp_tab_1;
BEGIN;
REINDEX TABLE concur_temp_tab_1;
SELECT c1 FROM concur_temp_tab_1 WHERE c2 = 'bar';
COMMIT;
CREATE TABLE concur_perm (a int);
CREATE INDEX concur_perm_i ON concur_perm (a);
REINDEX INDEX concur_perm_i;
REINDEX TABLE concur_perm;
-- detail
REINDEX DATABASE not_current_database;
-- detail
REINDEX SYSTEM not_current_database;
-- detail
REINDEX SYSTEM CONCURRENTLY not_current_database;
-- detail
REINDEX (CONCURRENTLY) DATABASE not_current_database;
BEGIN;
-- detail
REINDEX DATABASE not_current_database;
ROLLBACK;
BEGIN;
-- detail
REINDEX SYSTEM CONCURRENTLY not_current_database;
ROLLBACK;
BEGIN;
-- detail
REINDEX SCHEMA public;
ROLLBACK;
REINDEX SCHEMA public;
-- MERGE rows from PostgreSQL's merge.sql: a partitioned target whose partitions were attached
-- with their columns in another order, a function as the source, triggers that skip rows.
CREATE TABLE pa_target (tid integer, balance float, val text) PARTITION BY LIST (tid);
CREATE TABLE part1 (tid integer, balance float, val text);
CREATE TABLE part2 (balance float, tid integer, val text);
CREATE TABLE part4 (tid integer, balance float, val text);
ALTER TABLE pa_target ATTACH PARTITION part1 FOR VALUES IN (1,4);
ALTER TABLE pa_target ATTACH PARTITION part2 FOR VALUES IN (2,5,6);
ALTER TABLE pa_target ATTACH PARTITION part4 DEFAULT;
CREATE TABLE pa_source (sid integer, delta float);
INSERT INTO pa_source SELECT id, id * 10 FROM generate_series(1,14) AS id;
INSERT INTO pa_target SELECT id, id * 100, 'initial' FROM generate_series(1,14,2) AS id;
MERGE INTO pa_target t USING pa_source s ON t.tid = s.sid AND tid IN (1, 5)
  WHEN MATCHED AND tid % 5 = 0 THEN DELETE
  WHEN MATCHED THEN UPDATE SET balance = balance + delta, val = val || ' updated by merge'
  WHEN NOT MATCHED THEN INSERT VALUES (sid, delta, 'inserted by merge');
SELECT tableoid::regclass, * FROM pa_target ORDER BY tid, balance, val;
MERGE INTO pa_target t USING pa_source s ON t.tid = s.sid
  WHEN MATCHED THEN UPDATE SET tid = tid + 1, balance = balance + delta
  WHEN NOT MATCHED THEN INSERT VALUES (sid, delta, 'inserted by merge');
SELECT tableoid::regclass, * FROM pa_target ORDER BY tid, balance, val;
CREATE TABLE fs_target (a int, b int, c text);
MERGE INTO fs_target t USING generate_series(1,100,1) AS id ON t.a = id
  WHEN MATCHED THEN UPDATE SET b = b + id
  WHEN NOT MATCHED THEN INSERT VALUES (id, -1);
MERGE INTO fs_target t USING generate_series(1,100,2) AS id ON t.a = id
  WHEN MATCHED THEN UPDATE SET b = b + id, c = 'updated ' || id
  WHEN NOT MATCHED THEN INSERT VALUES (id, -1, 'inserted ' || id);
SELECT count(*), sum(b), count(c) FROM fs_target;
CREATE TABLE target (tid integer, balance integer);
CREATE TABLE source (sid integer, delta integer);
INSERT INTO target VALUES (1, 10), (2, 20), (3, 30);
INSERT INTO source VALUES (2, 5), (3, 20), (4, 40);
CREATE FUNCTION skip_merge_op() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;
CREATE TRIGGER merge_skip BEFORE INSERT OR UPDATE OR DELETE ON target FOR EACH ROW EXECUTE FUNCTION skip_merge_op();
MERGE INTO target t USING source AS s ON t.tid = s.sid
  WHEN MATCHED AND s.sid = 3 THEN UPDATE SET balance = t.balance + s.delta
  WHEN MATCHED THEN DELETE
  WHEN NOT MATCHED THEN INSERT VALUES (sid, delta);
SELECT * FROM target FULL OUTER JOIN source ON (sid = tid) ORDER BY 1, 3;
DROP TRIGGER merge_skip ON target;
MERGE INTO target t USING source AS s ON t.tid = s.sid
  WHEN MATCHED AND s.sid = 3 THEN UPDATE SET balance = t.balance + s.delta
  WHEN MATCHED THEN DELETE
  WHEN NOT MATCHED THEN INSERT VALUES (sid, delta);
SELECT * FROM target ORDER BY tid;
-- detail
MERGE INTO target USING target ON tid = tid WHEN MATCHED THEN DO NOTHING;
-- detail
MERGE INTO target t USING (SELECT 1 AS sid) AS t ON true WHEN MATCHED THEN DO NOTHING;
-- detail
MERGE INTO public.target USING source AS target ON true WHEN MATCHED THEN DO NOTHING;
MERGE INTO target t USING no_such_source AS t ON true WHEN MATCHED THEN DO NOTHING;
MERGE INTO target t1 USING target t2 ON t1.tid = t2.tid WHEN MATCHED THEN UPDATE SET balance = t1.balance + 1;
SELECT * FROM target ORDER BY tid;
-- detail
MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED AND t.xmin = t.xmax THEN DELETE;
-- detail
MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED AND t.ctid IS NOT NULL THEN UPDATE SET balance = 5;
-- detail
MERGE INTO target t USING source s ON t.tid = s.sid WHEN NOT MATCHED AND s.ctid IS NOT NULL THEN DO NOTHING;
-- detail
MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED AND ctid IS NOT NULL THEN DO NOTHING;
MERGE INTO target t USING (SELECT 1 AS ctid, 2 AS sid) s ON t.tid = s.sid WHEN NOT MATCHED AND s.ctid IS NOT NULL THEN DO NOTHING;
MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED AND (SELECT t.ctid IS NOT NULL) THEN UPDATE SET balance = 3;
MERGE INTO target t USING source s ON t.tid = s.sid WHEN MATCHED AND t.tableoid > 0 THEN UPDATE SET balance = balance + 6;
MERGE INTO target t USING source s ON t.tid = s.sid AND t.ctid IS NOT NULL WHEN MATCHED THEN UPDATE SET balance = balance + 7;
SELECT * FROM target ORDER BY tid;
-- CREATE INDEX over a system column (PostgreSQL's create_index.sql)
CREATE TABLE syscol_table (a int);
CREATE INDEX ON syscol_table (ctid);
CREATE INDEX ON syscol_table ((ctid >= '(1000,0)'));
CREATE INDEX ON syscol_table (a) WHERE ctid >= '(1000,0)';
CREATE INDEX ON syscol_table (tableoid);
CREATE INDEX ON syscol_table ((tableoid::int));
CREATE INDEX ON syscol_table (a) INCLUDE (ctid);
CREATE INDEX ON syscol_table (a) WHERE syscol_table.xmin::text <> '';
CREATE INDEX ON syscolcol_table (ctid);
CREATE INDEX ON syscol_table (a) WHERE a > 0;
SELECT indexdef FROM pg_indexes WHERE tablename = 'syscol_table';
-- fields
CREATE INDEX ON syscol_table (xmin);
-- fields
CREATE INDEX ON syscol_table (a, cmax);
CREATE INDEX ON syscol_table USING hash (xmin);
CREATE INDEX ON syscol_table USING gist (xmax);
