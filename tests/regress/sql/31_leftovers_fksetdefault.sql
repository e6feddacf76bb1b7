-- ON DELETE SET DEFAULT with a column list (docs/sql-compat.md, "Tables"): refused (0A000,
-- with a DETAIL saying why and a HINT); the forms around it behave as in PostgreSQL.
CREATE TABLE fsd_p (a int, b int, PRIMARY KEY (a, b));
INSERT INTO fsd_p VALUES (0, 0), (1, 1), (1, 0);
-- differs: refused (0A000): ON DELETE SET DEFAULT with a column list
CREATE TABLE fsd_c (a int DEFAULT 0, b int DEFAULT 0,
                    FOREIGN KEY (a, b) REFERENCES fsd_p ON DELETE SET DEFAULT (b));
CREATE TABLE fsd_c2 (a int DEFAULT 0, b int DEFAULT 0);
-- differs: refused (0A000): ON DELETE SET DEFAULT with a column list
ALTER TABLE fsd_c2 ADD FOREIGN KEY (a, b) REFERENCES fsd_p ON DELETE SET DEFAULT (a);
-- a column outside the key, ON UPDATE with a list: PostgreSQL's errors
CREATE TABLE fsd_c3 (a int, b int, c int,
                     FOREIGN KEY (a, b) REFERENCES fsd_p ON DELETE SET DEFAULT (c));
CREATE TABLE fsd_c4 (a int, b int,
                     FOREIGN KEY (a, b) REFERENCES fsd_p ON UPDATE SET DEFAULT (a));
-- without a list every column of the key gets its default, as SQLite's own action does
CREATE TABLE fsd_c5 (a int DEFAULT 0, b int DEFAULT 0,
                     FOREIGN KEY (a, b) REFERENCES fsd_p ON DELETE SET DEFAULT);
INSERT INTO fsd_c5 VALUES (1, 1);
DELETE FROM fsd_p WHERE a = 1 AND b = 1;
SELECT a, b FROM fsd_c5;
-- SET NULL with a list sets only the listed columns
CREATE TABLE fsd_c6 (a int, b int, FOREIGN KEY (a, b) REFERENCES fsd_p ON DELETE SET NULL (b));
INSERT INTO fsd_c6 VALUES (1, 0);
DELETE FROM fsd_p WHERE a = 1 AND b = 0;
SELECT a, b FROM fsd_c6;
DROP TABLE IF EXISTS fsd_c;
DROP TABLE fsd_c2, fsd_c5, fsd_c6, fsd_p;
