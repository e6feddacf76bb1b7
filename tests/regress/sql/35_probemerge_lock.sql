-- Probing PostgreSQL's lock.sql: LOCK of what is not a table or view is PostgreSQL's 42809.
CREATE TABLE lock_tbl1 (a bigint);
CREATE VIEW lock_view1 AS SELECT * FROM lock_tbl1;
CREATE MATERIALIZED VIEW lock_mv AS SELECT * FROM lock_tbl1;
CREATE SEQUENCE lock_seq;
BEGIN;
LOCK TABLE lock_tbl1 IN ACCESS SHARE MODE;
LOCK lock_tbl1 IN ROW SHARE MODE;
LOCK TABLE lock_tbl1 IN SHARE ROW EXCLUSIVE MODE NOWAIT;
LOCK TABLE lock_tbl1 IN ACCESS EXCLUSIVE MODE;
ROLLBACK;
BEGIN;
LOCK TABLE lock_view1 IN ACCESS SHARE MODE;
ROLLBACK;
BEGIN;
-- differs: LOCK of a view in a mode above ACCESS SHARE is 0A000 (docs/sql-compat.md)
LOCK TABLE lock_view1 IN EXCLUSIVE MODE;
ROLLBACK;
BEGIN;
-- detail
LOCK TABLE lock_mv;
ROLLBACK;
BEGIN;
-- detail
LOCK TABLE lock_mv IN ACCESS SHARE MODE;
ROLLBACK;
BEGIN;
-- detail
LOCK TABLE lock_seq IN SHARE MODE;
ROLLBACK;
BEGIN;
-- detail
LOCK TABLE lock_tbl1, lock_seq;
ROLLBACK;
CREATE TEMP TABLE lock_mv (a int);
BEGIN;
LOCK TABLE lock_mv;
ROLLBACK;
