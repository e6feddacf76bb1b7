-- The extended protocol: each statement under `-- extended` is sent as Parse, Bind, Describe,
-- Execute and Sync in one packet (PQexecParams), so it is alone in its implicit transaction
-- block; a read there runs as its own SQLite transaction (docs/architecture.md, The read fast
-- path). What it and its functions leave behind must be what PostgreSQL leaves.
CREATE TABLE ext_t (id int PRIMARY KEY, v text);
INSERT INTO ext_t VALUES (1, 'one'), (2, 'two');
CREATE SEQUENCE ext_s;

-- extended
SELECT id, v FROM ext_t ORDER BY id;
-- extended
SELECT v, id + 1 AS next FROM ext_t WHERE id = 2;
-- extended
SELECT v FROM ext_t WHERE id = 3;
-- extended
SELECT 1 / 0 AS boom;
-- extended
SELECT count(*) FROM ext_t;
-- extended
SELECT no_such_column FROM ext_t;
-- extended
SELECT v FROM ext_t WHERE id = 1;

-- A local setting lasts to the end of the implicit block, a session one stays.
-- extended
SELECT set_config('ext.loc', 'local', true);
-- extended
SELECT current_setting('ext.loc');
SELECT current_setting('ext.loc');
-- extended
SELECT set_config('ext.ses', 'session', false);
-- extended
SELECT current_setting('ext.ses');

-- Functions that write or lock from a read.
-- extended
SELECT nextval('ext_s');
-- extended
SELECT nextval('ext_s'), currval('ext_s');
SELECT currval('ext_s');
-- extended
SELECT pg_advisory_xact_lock(7);
-- extended
SELECT count(*) FROM pg_locks WHERE locktype = 'advisory';
-- extended
SELECT pg_advisory_lock(8);
-- extended
SELECT count(*) FROM pg_locks WHERE locktype = 'advisory';
-- extended
SELECT pg_advisory_unlock(8);
LISTEN ext_c;
-- extended
SELECT pg_notify('ext_c', 'from a lone read');
-- extended
SELECT 1 AS after_notify;
UNLISTEN ext_c;

-- Inside a block the statements share its transaction.
BEGIN;
-- extended
SELECT set_config('ext.blk', 'in block', true);
-- extended
SELECT current_setting('ext.blk');
-- extended
INSERT INTO ext_t VALUES (3, 'three') RETURNING id;
-- extended
SELECT count(*) FROM ext_t;
ROLLBACK;
-- extended
SELECT count(*) FROM ext_t;
-- extended
SELECT current_setting('ext.blk');
BEGIN;
-- extended
SELECT 1 / 0 AS boom;
-- extended
SELECT 1 AS after_error;
ROLLBACK;

-- Writes alone before their Sync, and a temporary table emptied at each commit.
-- extended
INSERT INTO ext_t VALUES (4, 'four') RETURNING id, v;
-- extended
SELECT id, v FROM ext_t WHERE id = 4;
CREATE TEMP TABLE ext_tmp (a int) ON COMMIT DELETE ROWS;
-- extended
INSERT INTO ext_tmp VALUES (1);
-- extended
SELECT count(*) FROM ext_tmp;
BEGIN;
-- extended
INSERT INTO ext_tmp VALUES (2);
-- extended
SELECT count(*) FROM ext_tmp;
COMMIT;
-- extended
SELECT count(*) FROM ext_tmp;

-- A read-only default.
SET default_transaction_read_only = on;
-- extended
SELECT count(*) FROM ext_t;
-- extended
INSERT INTO ext_t VALUES (5, 'five');
SET default_transaction_read_only = off;
