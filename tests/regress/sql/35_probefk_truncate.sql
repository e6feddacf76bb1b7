-- Probing PostgreSQL's truncate.sql and foreign_key.sql: a table whose partitioned parent
-- another table's foreign key references is itself referenced (PostgreSQL gives each
-- partition a copy of the key), so TRUNCATE of the partition alone is 0A000 even when no row
-- refers; it was emptied. TRUNCATE ONLY of a partitioned table is 42809 before anything else.
CREATE TABLE tp (a int PRIMARY KEY) PARTITION BY RANGE (a);
CREATE TABLE tp1 PARTITION OF tp FOR VALUES FROM (0) TO (10) PARTITION BY RANGE (a);
CREATE TABLE tp11 PARTITION OF tp1 FOR VALUES FROM (0) TO (5);
CREATE TABLE tp2 PARTITION OF tp FOR VALUES FROM (10) TO (20);
CREATE TABLE tref (a int REFERENCES tp);
INSERT INTO tp VALUES (1), (11);
-- detail
TRUNCATE tp2;
-- detail
TRUNCATE tp11;
-- detail
TRUNCATE tp1, tp2;
-- detail
TRUNCATE tp;
SELECT * FROM tp ORDER BY a;
TRUNCATE tp2, tref;
SELECT * FROM tp ORDER BY a;
-- fields
TRUNCATE ONLY tp;
-- fields
TRUNCATE ONLY tp1;
-- detail
TRUNCATE ONLY tp11;
INSERT INTO tp VALUES (11);
INSERT INTO tref VALUES (1);
-- notices
TRUNCATE tp11 CASCADE;
SELECT * FROM tp ORDER BY a;
SELECT * FROM tref;
INSERT INTO tp VALUES (1);
INSERT INTO tref VALUES (1);
BEGIN;
-- notices
TRUNCATE tp2 CASCADE;
SELECT * FROM tp ORDER BY a;
SELECT * FROM tref;
ROLLBACK;
SELECT * FROM tp ORDER BY a;
SELECT * FROM tref;
DROP TABLE tref, tp;
