-- Isolation levels: what transaction_isolation shows (the transaction's own, else the default),
-- where BEGIN, SET TRANSACTION and default_transaction_isolation set it, and the 25001 checks.
-- Two-session behaviour (a new snapshot per statement in READ COMMITTED) is in
-- tests/integration/test_readcommitted.c, also run against PostgreSQL.
CREATE TABLE rcl_t (id int PRIMARY KEY, v int);
INSERT INTO rcl_t VALUES (1, 10), (2, 20);
SHOW default_transaction_isolation;
SHOW transaction_isolation;
SELECT current_setting('transaction_isolation');
BEGIN;
SHOW transaction_isolation;
SELECT v FROM rcl_t WHERE id = 1;
SHOW transaction_isolation;
COMMIT;
BEGIN ISOLATION LEVEL REPEATABLE READ;
SHOW transaction_isolation;
SELECT count(*) FROM rcl_t;
COMMIT;
SHOW transaction_isolation;
START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY;
SHOW transaction_isolation;
SHOW transaction_read_only;
COMMIT;
BEGIN ISOLATION LEVEL READ UNCOMMITTED;
SHOW transaction_isolation;
UPDATE rcl_t SET v = v + 1 WHERE id = 1;
COMMIT;
-- SET TRANSACTION before the first query sets the block's level; after it, 25001
BEGIN;
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
SHOW transaction_isolation;
SELECT v FROM rcl_t WHERE id = 2;
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
ROLLBACK;
BEGIN;
SELECT v FROM rcl_t WHERE id = 2;
SELECT v FROM rcl_t WHERE id = 1;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
ROLLBACK;
BEGIN;
SAVEPOINT s;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
ROLLBACK;
BEGIN;
SET LOCAL transaction_isolation = 'serializable';
SHOW transaction_isolation;
COMMIT;
SHOW transaction_isolation;
-- outside a block the setting lasts no longer than its own statement's transaction
SET transaction_isolation = 'repeatable read';
SHOW transaction_isolation;
-- the default: new blocks, COMMIT AND CHAIN keeps the ended block's level
SET default_transaction_isolation = 'serializable';
SHOW transaction_isolation;
BEGIN;
SHOW transaction_isolation;
COMMIT AND CHAIN;
SHOW transaction_isolation;
SET default_transaction_isolation = 'repeatable read';
COMMIT;
SHOW transaction_isolation;
BEGIN ISOLATION LEVEL READ COMMITTED;
ROLLBACK AND CHAIN;
SHOW transaction_isolation;
ROLLBACK;
-- the default changed inside a block does not change the block's level
SET default_transaction_isolation = 'serializable';
BEGIN;
SET default_transaction_isolation = 'read committed';
SHOW transaction_isolation;
SHOW default_transaction_isolation;
RESET ALL;
SHOW transaction_isolation;
COMMIT;
SHOW transaction_isolation;
SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED;
SHOW default_transaction_isolation;
SET default_transaction_isolation = 'snapshot';
RESET default_transaction_isolation;
SHOW default_transaction_isolation;
-- a Query's implicit block reads the default too
SELECT 1; SHOW transaction_isolation;
SELECT v FROM rcl_t ORDER BY id;
DROP TABLE rcl_t;
-- [NOT] DEFERRABLE of BEGIN is the block's transaction_deferrable
BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE;
SELECT current_setting('transaction_deferrable'), current_setting('transaction_isolation'), current_setting('transaction_read_only');
COMMIT;
SHOW transaction_deferrable;
START TRANSACTION NOT DEFERRABLE;
SHOW transaction_deferrable;
ROLLBACK;
