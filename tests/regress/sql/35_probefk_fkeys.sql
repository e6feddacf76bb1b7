-- Probing PostgreSQL's foreign_key.sql: ON DELETE SET NULL (col) naming a column the table
-- lacks is 42703, before the 42P10 of a column outside the key (it was 42P10); a MATCH FULL
-- key of a partitioned table refuses a partly NULL key with the key's 23503 (it was 23514).
CREATE TABLE pktable (tid int, id int, PRIMARY KEY (tid, id));
-- detail
CREATE TABLE fktable (tid int, id int, foo int, FOREIGN KEY (tid, id) REFERENCES pktable ON DELETE SET NULL (bar));
-- detail
CREATE TABLE fktable (tid int, id int, foo int, FOREIGN KEY (tid, id) REFERENCES pktable ON DELETE SET NULL (foo));
CREATE TABLE fktable (tid int, id int, foo int);
-- detail
ALTER TABLE fktable ADD FOREIGN KEY (tid, id) REFERENCES pktable ON DELETE SET NULL (bar);
-- detail
ALTER TABLE fktable ADD FOREIGN KEY (tid, id) REFERENCES pktable ON DELETE SET NULL (foo);
-- detail
CREATE TABLE fk2 (tid int, id int REFERENCES pktable ON DELETE SET NULL (zz));
DROP TABLE fktable, pktable;
CREATE TABLE pk (a int, b int, PRIMARY KEY (a, b));
INSERT INTO pk VALUES (1, 2);
CREATE TABLE fkp (x int, y int) PARTITION BY RANGE (x);
CREATE TABLE fkp_1 PARTITION OF fkp DEFAULT;
ALTER TABLE fkp ADD FOREIGN KEY (x, y) REFERENCES pk MATCH FULL;
INSERT INTO fkp VALUES (1, NULL);
INSERT INTO fkp_1 VALUES (1, NULL);
INSERT INTO fkp VALUES (1, 2), (NULL, NULL);
UPDATE fkp SET y = NULL WHERE x = 1;
SELECT * FROM fkp ORDER BY x;
CREATE TABLE fkq (x int, y int, CONSTRAINT q_fk FOREIGN KEY (x, y) REFERENCES pk MATCH FULL) PARTITION BY LIST (x);
CREATE TABLE fkq_1 PARTITION OF fkq FOR VALUES IN (1);
INSERT INTO fkq VALUES (1, NULL);
INSERT INTO fkq VALUES (1, 2);
SELECT * FROM fkq;
DROP TABLE fkq, fkp, pk;
