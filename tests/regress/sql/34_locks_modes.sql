-- LOCK TABLE in each of PostgreSQL's eight modes, held to the end of the transaction by the
-- table-lock manager (src/shard/shard_tlock.c); conflicts between sessions are
-- tests/integration/test_locks.c. pg_locks shows the session's own locks: its AccessShareLock
-- on pg_locks itself, and the relation locks it took (virtualxid rows differ: ids).
CREATE TABLE lm_a (id int PRIMARY KEY, v text);
CREATE TABLE lm_b (id int);
INSERT INTO lm_a VALUES (1, 'one');
-- outside a transaction block: 25P01
LOCK lm_a;
LOCK TABLE lm_a IN SHARE MODE NOWAIT;
BEGIN;
LOCK TABLE lm_a IN ACCESS SHARE MODE;
LOCK TABLE lm_a IN ROW SHARE MODE;
LOCK TABLE lm_a IN ROW EXCLUSIVE MODE;
LOCK TABLE lm_a IN SHARE UPDATE EXCLUSIVE MODE;
LOCK TABLE lm_a IN SHARE MODE;
LOCK TABLE lm_a IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE lm_a IN EXCLUSIVE MODE;
LOCK TABLE lm_a IN ACCESS EXCLUSIVE MODE;
LOCK TABLE lm_a IN ACCESS EXCLUSIVE MODE NOWAIT;
SELECT c.relname, l.mode, l.granted, l.fastpath FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.locktype = 'relation' AND c.relname LIKE 'lm_%' ORDER BY 1, 2;
SELECT * FROM lm_a;
UPDATE lm_a SET v = 'uno' WHERE id = 1;
COMMIT;
-- released at COMMIT
SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname LIKE 'lm_%';
BEGIN;
LOCK lm_a, lm_b;
SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname LIKE 'lm_%' ORDER BY 1;
ROLLBACK;
SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname LIKE 'lm_%';
-- the querying session's own locks: always there
SELECT locktype, mode, granted, fastpath FROM pg_locks WHERE pid = pg_backend_pid() ORDER BY 1;
SELECT count(*) > 0 AS found FROM pg_locks l RIGHT JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database();
-- a missing table: 42P01, the transaction failed
BEGIN;
LOCK TABLE lm_a, lm_nosuch IN SHARE MODE;
SELECT 1;
ROLLBACK;
BEGIN;
LOCK TABLE ONLY lm_b IN ROW EXCLUSIVE MODE NOWAIT;
INSERT INTO lm_b VALUES (1);
COMMIT;
DROP TABLE lm_a, lm_b;
