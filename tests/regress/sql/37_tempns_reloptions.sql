-- A table's storage parameters are kept and shown as PostgreSQL shows them.
CREATE TABLE ro (id int PRIMARY KEY, v text) WITH (fillfactor=70, autovacuum_enabled=off);
SELECT relname, reloptions FROM pg_class WHERE relname IN ('ro', 'ro_pkey') ORDER BY 1;
-- psql's \d+ "Options:" line
SELECT pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ') FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid) WHERE c.relname = 'ro';
-- they follow the table through ALTER TABLE, also the forms that rebuild it
ALTER TABLE ro ADD COLUMN w int;
ALTER TABLE ro ALTER COLUMN v SET NOT NULL;
ALTER TABLE ro ALTER COLUMN w TYPE bigint;
ALTER TABLE ro ADD CONSTRAINT ro_w_check CHECK (w > 0);
ALTER TABLE ro RENAME TO ro2;
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro2';
INSERT INTO ro2 VALUES (1, 'x', 2);
SELECT * FROM ro2;
-- values as given; a bare name is true
CREATE TABLE ro3 (a int) WITH (autovacuum_enabled, vacuum_index_cleanup = AUTO, autovacuum_vacuum_scale_factor = 0.2, parallel_workers = '4', oids = false);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro3';
CREATE TABLE ro4 (a int) WITH (fillfactor = 100);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro4';
CREATE TABLE ro5 (a int);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro5';
CREATE TEMP TABLE rot (a int) WITH (fillfactor = 20);
SELECT relname, reloptions FROM pg_class WHERE relname = 'rot';
-- a partitioned table
CREATE TABLE rop (a int, b text) PARTITION BY RANGE (a);
SELECT relname, reloptions FROM pg_class WHERE relname = 'rop';
-- indexes keep theirs as before
CREATE INDEX ro3_a ON ro3 (a) WITH (fillfactor = 50);
SELECT pg_get_indexdef('ro3_a'::regclass);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro3_a';
-- ALTER TABLE ... SET / RESET: the kept ones first, then the ones set
ALTER TABLE ro3 SET (fillfactor = 60, autovacuum_enabled = false);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro3';
ALTER TABLE ro3 RESET (autovacuum_enabled, vacuum_index_cleanup);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro3';
ALTER TABLE ro3 RESET (fillfactor, parallel_workers, autovacuum_vacuum_scale_factor);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro3';
ALTER TABLE ro5 SET (fillfactor = 30);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro5';
INSERT INTO ro5 VALUES (1);
SELECT * FROM ro5;
ALTER TABLE ro5 SET (fillfactor = 5);
ALTER TABLE ro5 SET (nonesuch = 1);
ALTER TABLE ro5 RESET (fillfactor);
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro5';
ALTER TABLE rop SET (fillfactor = 30);
ALTER TABLE missing SET (fillfactor = 30);
BEGIN;
ALTER TABLE ro2 SET (fillfactor = 90);
ROLLBACK;
SELECT relname, reloptions FROM pg_class WHERE relname = 'ro2';
CREATE TABLE rpx (a int) PARTITION BY RANGE (a) WITH (autovacuum_enabled = off);
CREATE TABLE rpy (a int) PARTITION BY RANGE (a) WITH (toast.autovacuum_enabled = off, oids = false);
SELECT relname, reloptions FROM pg_class WHERE relname = 'rpy';
ALTER TABLE ro5 RESET (nonesuch);
CREATE TEMP TABLE rzt (a int);
ALTER TABLE rzt SET (fillfactor = 50);
SELECT relname, reloptions FROM pg_class WHERE relname = 'rzt';
