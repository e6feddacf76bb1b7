-- default_transaction_read_only as every writing statement outside a block reads it (the
-- session looks the setting up by its index, not by name: sess_guc_default_read_only), in
-- both protocols, with the setting's other spellings and the ways it is set and reset.
CREATE TABLE perf_ro (id bigserial PRIMARY KEY, v int);
INSERT INTO perf_ro (v) VALUES (1);
SET default_transaction_read_only = true;
SHOW default_transaction_read_only;
INSERT INTO perf_ro (v) VALUES (2);
-- extended
INSERT INTO perf_ro (v) VALUES (3);
-- extended
SELECT count(*) FROM perf_ro;
SET default_transaction_read_only TO 'off';
INSERT INTO perf_ro (v) VALUES (4);
-- extended
INSERT INTO perf_ro (v) VALUES (5);
SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;
SHOW default_transaction_read_only;
UPDATE perf_ro SET v = v + 1;
-- extended
DELETE FROM perf_ro;
-- a block chooses for itself; the default is read again after it
BEGIN READ WRITE;
INSERT INTO perf_ro (v) VALUES (6);
COMMIT;
INSERT INTO perf_ro (v) VALUES (7);
RESET default_transaction_read_only;
INSERT INTO perf_ro (v) VALUES (8);
-- SET LOCAL lasts for the block only
BEGIN;
SET LOCAL default_transaction_read_only = on;
INSERT INTO perf_ro (v) VALUES (9);
COMMIT;
INSERT INTO perf_ro (v) VALUES (10);
SELECT current_setting('default_transaction_read_only');
SELECT id, v FROM perf_ro ORDER BY id;
DROP TABLE perf_ro;
