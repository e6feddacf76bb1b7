-- result column names through * where a subquery's columns repeat a name: PostgreSQL keeps
-- each name (?column? twice), SQLite calls the second "?column?:1" (h/viewmisc)
SELECT * FROM (SELECT 1, 2) s;
SELECT s.* FROM (SELECT 1, 2) s;
SELECT * FROM (SELECT 1 AS a, 2 AS a) s;
SELECT * FROM (SELECT 1, 2, 3) s, (SELECT 4) r;
WITH w AS (SELECT 1, 2) SELECT * FROM w;
CREATE TABLE vn_t (id int, a text);
INSERT INTO vn_t VALUES (1, 'x');
SELECT * FROM vn_t AS x, vn_t AS y;
SELECT * FROM (SELECT 1 AS "a:1", 2 AS a) s;
SELECT 1, 2, 1 AS "?column?";
-- a table made from them has two columns of one name
CREATE TABLE vn_ctas AS SELECT * FROM (SELECT 1, 2) s;
