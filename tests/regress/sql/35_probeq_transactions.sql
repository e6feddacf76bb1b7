-- Probing PostgreSQL's transactions.sql: in a Query that manages transactions itself, the
-- statements outside a block between two transaction statements are one implicit block (an
-- error rolls them all back; a ROLLBACK undoes one; BEGIN adopts it); VACUUM in a Query of
-- several statements is 25001; COMMIT AND CHAIN keeps DEFERRABLE, and after a failure inside a
-- savepoint the isolation level and DEFERRABLE too; RELEASE and ROLLBACK TO give back the
-- READ ONLY the savepoint began with.
create table i_table (f1 int);
insert into i_table values(7); commit; insert into i_table values(8); select 1/0;
insert into i_table values(9); rollback; select 2;
select 1; begin; insert into i_table values(5);
rollback;
begin; insert into i_table values(3); commit; insert into i_table values(4); insert into i_table values(6); select 1/0;
select * from i_table order by f1;
SELECT 1; VACUUM;
SELECT 1; COMMIT; VACUUM;
SELECT 1; SAVEPOINT sp;
CREATE TABLE trans_abc (a int);
INSERT INTO trans_abc VALUES (7); COMMIT; INSERT INTO trans_abc VALUES (8); COMMIT AND CHAIN;
INSERT INTO trans_abc VALUES (9); ROLLBACK; INSERT INTO trans_abc VALUES (10); ROLLBACK AND CHAIN;
INSERT INTO trans_abc VALUES (11); COMMIT AND CHAIN; INSERT INTO trans_abc VALUES (12); COMMIT;
INSERT INTO trans_abc VALUES (13); ROLLBACK AND CHAIN; INSERT INTO trans_abc VALUES (14); ROLLBACK;
INSERT INTO trans_abc VALUES (15); SAVEPOINT sp;
SELECT * FROM trans_abc ORDER BY 1;
START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ WRITE, DEFERRABLE;
SAVEPOINT x;
COMMIT AND CHAIN;
SHOW transaction_isolation;
SHOW transaction_deferrable;
COMMIT;
START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ WRITE, DEFERRABLE;
SAVEPOINT x;
INSERT INTO trans_abc VALUES ('error');
COMMIT AND CHAIN;
SHOW transaction_isolation;
SHOW transaction_read_only;
SHOW transaction_deferrable;
COMMIT;
START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ WRITE, DEFERRABLE;
INSERT INTO trans_abc VALUES ('error');
ROLLBACK AND CHAIN;
SHOW transaction_isolation;
SHOW transaction_deferrable;
COMMIT;
BEGIN;
SET TRANSACTION READ WRITE;
SAVEPOINT x;
SET TRANSACTION READ ONLY;
SHOW transaction_read_only;
INSERT INTO trans_abc VALUES (16);
ROLLBACK TO SAVEPOINT x;
SHOW transaction_read_only;
SAVEPOINT y;
SET TRANSACTION READ ONLY;
SELECT count(*) FROM trans_abc;
RELEASE SAVEPOINT y;
SHOW transaction_read_only;
INSERT INTO trans_abc VALUES (17);
COMMIT;
SELECT * FROM trans_abc ORDER BY 1;
