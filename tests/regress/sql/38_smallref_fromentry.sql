-- a qualified column whose qualifier names no FROM item is PostgreSQL's 42P01 missing
-- FROM-clause entry (it was 42703 column x.id does not exist)
CREATE TABLE sr_fe (id int, a int);
CREATE TABLE sr_fe2 (id int, b int);
INSERT INTO sr_fe VALUES (1, 10);
INSERT INTO sr_fe2 VALUES (1, 20);
-- detail
SELECT x.id FROM sr_fe;
-- detail
SELECT x.id FROM sr_fe WHERE x.a = 1;
-- detail
SELECT * FROM sr_fe WHERE y.a = 1;
-- detail
SELECT sr_fe.a FROM sr_fe AS x;
-- detail
SELECT * FROM sr_fe WHERE EXISTS (SELECT 1 FROM sr_fe2 WHERE z.id = sr_fe2.id);
-- detail
UPDATE sr_fe SET a = 1 FROM sr_fe2 WHERE zz.id = sr_fe2.id;
-- detail
DELETE FROM sr_fe USING sr_fe2 WHERE zz.id = sr_fe2.id;
-- still found: tables, aliases, outer levels, LATERAL, CTEs, UPDATE ... FROM
SELECT x.id, sr_fe2.b FROM sr_fe x JOIN sr_fe2 USING (id);
SELECT (SELECT sr_fe.a FROM sr_fe2 LIMIT 1) FROM sr_fe;
SELECT s.a FROM sr_fe, LATERAL (SELECT sr_fe.a FROM sr_fe2) s;
WITH w AS (SELECT 1 AS k) SELECT w.k, sr_fe.id FROM sr_fe, w;
UPDATE sr_fe AS z SET a = 2 FROM sr_fe2 WHERE z.id = sr_fe2.id RETURNING z.a, sr_fe2.b;
SELECT * FROM sr_fe ORDER BY id;
-- two WITH queries of one name: 42712, as PostgreSQL
-- detail
WITH w AS (SELECT 1), w AS (SELECT 2) SELECT 1;
DROP TABLE sr_fe, sr_fe2;
