-- * over several FULL JOINs merging one column (USING, NATURAL): the merged column is the
-- COALESCE of every side's, and the other columns keep their types (a constant of a
-- subquery was text when the * was left to SQLite).
CREATE TABLE fj1 (name text, n integer);
CREATE TABLE fj2 (name text, n integer);
CREATE TABLE fj3 (name text, n integer);
INSERT INTO fj1 VALUES ('bb', 11);
INSERT INTO fj2 VALUES ('bb', 12), ('cc', 22), ('ee', 42);
INSERT INTO fj3 VALUES ('bb', 13), ('cc', 23), ('dd', 33);
SELECT * FROM (SELECT name, n AS s1_n, 1 AS s1_1 FROM fj1) AS s1
  NATURAL FULL JOIN (SELECT name, n AS s2_n, 2 AS s2_2 FROM fj2) AS s2
  NATURAL FULL JOIN (SELECT name, n AS s3_n, 3 AS s3_2 FROM fj3) s3 ORDER BY 1;
SELECT * FROM (SELECT name, n AS s1_n FROM fj1) AS s1
  NATURAL FULL JOIN (SELECT * FROM (SELECT name, n AS s2_n, 2 AS s2_2 FROM fj2) AS s2
    NATURAL FULL JOIN (SELECT name, n AS s3_n FROM fj3) AS s3) ss2 ORDER BY 1;
SELECT * FROM (SELECT name, 1 AS one FROM fj1) a
  FULL JOIN ((SELECT name, n + 0.5 AS x FROM fj2) b FULL JOIN (SELECT name, n > 20 AS big FROM fj3) c USING (name)) USING (name)
  FULL JOIN (SELECT name, 'four'::text AS four FROM fj3) d USING (name) ORDER BY 1;
SELECT * FROM fj1 FULL JOIN fj2 USING (name) FULL JOIN fj3 USING (name) ORDER BY 1;
SELECT * FROM fj1 FULL JOIN fj2 USING (name) LEFT JOIN fj3 USING (name) ORDER BY 1;
SELECT * FROM fj1 FULL JOIN fj2 USING (name) RIGHT JOIN fj3 USING (name) ORDER BY 1;
SELECT name, count(*) FROM fj1 FULL JOIN fj2 USING (name) FULL JOIN fj3 USING (name) GROUP BY name ORDER BY 1;
-- a view's * so spelled keeps the COALESCE; two columns of one name are 42701, as PostgreSQL
CREATE VIEW fjv AS SELECT * FROM (SELECT name, n AS n1 FROM fj1) a
  FULL JOIN (SELECT name, n AS n2 FROM fj2) b USING (name)
  FULL JOIN (SELECT name, n AS n3 FROM fj3) c USING (name);
SELECT * FROM fjv ORDER BY 1;
CREATE VIEW fjv2 AS SELECT * FROM fj1 FULL JOIN fj2 USING (name) FULL JOIN fj3 USING (name);
