-- The xid type (a 32-bit transaction id) as a column type: libpqxx's robusttransaction log
-- table. Text input as PostgreSQL 15's xidin reads it (never an error), = and <> only (of
-- two xids, or of an xid and an integer), no btree operator class, casts to and from text.
CREATE TABLE pqxx_robusttransaction_log (id INTEGER NOT NULL, username VARCHAR(256), transaction_id xid, name VARCHAR(256), date TIMESTAMP NOT NULL);
INSERT INTO pqxx_robusttransaction_log VALUES (1, 'u', '123', 'n', '2024-01-01 10:00');
INSERT INTO pqxx_robusttransaction_log (id, transaction_id, date) VALUES (2, '4294967295', '2024-01-01');
INSERT INTO pqxx_robusttransaction_log (id, transaction_id, date) VALUES (3, NULL, '2024-01-01');
SELECT id, transaction_id FROM pqxx_robusttransaction_log ORDER BY id;
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id = '123';
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id <> '123' ORDER BY id;
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id = 123;
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id = '123'::xid;
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id::text = '4294967295';
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id < '200';
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id >= '1'::xid;
SELECT transaction_id + 1 FROM pqxx_robusttransaction_log;
SELECT id FROM pqxx_robusttransaction_log WHERE 123 = transaction_id;
SELECT id FROM pqxx_robusttransaction_log WHERE transaction_id = 123::bigint;
DELETE FROM pqxx_robusttransaction_log WHERE id = 1 AND transaction_id = '123';
SELECT count(*) FROM pqxx_robusttransaction_log;
UPDATE pqxx_robusttransaction_log SET transaction_id = '77' WHERE id = 3 RETURNING transaction_id;
SELECT '123'::xid, '0x10'::xid, '010'::xid, 'abc'::xid, '-1'::xid, ' 12'::xid, '12abc'::xid, '4294967296'::xid;
SELECT pg_typeof('1'::xid), '5'::xid = '5'::xid, '5'::xid <> '6'::xid, '5'::xid = 5, '5'::xid <> 5;
SELECT '5'::xid::text, '5'::xid::varchar, 'x' || '5'::xid::text;
SELECT 5::xid;
SELECT '5'::xid::int8;
SELECT '5'::xid::int4;
SELECT '5'::xid < '6'::xid;
SELECT '5'::text::xid, NULL::xid;
CREATE TABLE xk (x xid PRIMARY KEY);
CREATE TABLE xu (x xid UNIQUE);
CREATE TABLE xi (x xid, y int);
CREATE INDEX ON xi (x);
CREATE INDEX xi_h ON xi USING hash (x);
INSERT INTO xi VALUES ('7', 1), ('8', 2), ('7', 3);
SELECT y FROM xi WHERE x = '7' ORDER BY y;
-- differs: xid has no ordering operator in PostgreSQL (42883); here xids sort as numbers
SELECT count(DISTINCT x) FROM xi;
-- differs: xid has no ordering operator in PostgreSQL (42883); here xids sort as numbers
SELECT x FROM xi ORDER BY x;
SELECT x, count(*) FROM xi GROUP BY x ORDER BY count(*);
INSERT INTO xi VALUES (9, 4);
INSERT INTO xi VALUES ('9'::text, 4);
INSERT INTO xi VALUES ('9'::text::xid, 4) RETURNING x;
ALTER TABLE xi ADD PRIMARY KEY (x);
CREATE TABLE xt (x xid, PRIMARY KEY (x));
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'xi'::regclass AND attnum > 0 ORDER BY attnum;
