-- A subquery in DELETE ... USING does not see the target table (PostgreSQL's 42703 / 42P01):
-- SQLite, whose EXISTS holds the USING list, read it as a correlated reference and deleted
-- every row. From PostgreSQL's join.sql.
CREATE TABLE us4 (f1 int);
INSERT INTO us4 VALUES (0), (123456), (-123456);
CREATE TABLE usx (x1 int, x2 int);
INSERT INTO usx SELECT f1, -f1 FROM us4;
-- fields
DELETE FROM usx USING (SELECT * FROM us4 WHERE f1 = x1) ss;
-- fields
DELETE FROM usx USING (SELECT * FROM us4 WHERE f1 = usx.x1) ss;
-- fields
DELETE FROM usx AS t USING (SELECT * FROM us4 WHERE f1 = t.x1) ss;
SELECT * FROM usx ORDER BY 1;
DELETE FROM usx USING (SELECT f1 AS x1 FROM us4 WHERE f1 > 0) ss WHERE usx.x1 = ss.x1;
DELETE FROM usx USING us4 WHERE usx.x1 = us4.f1 AND EXISTS (SELECT 1 FROM us4 b WHERE b.f1 = usx.x2);
SELECT * FROM usx ORDER BY 1;
