-- SELECT DISTINCT in a subquery the translator reads without a result shape (IN, EXISTS,
-- ARRAY(...), INSERT ... SELECT): the composite DISTINCT check read that shape and the server
-- crashed (found by pgModeler's import).
SELECT 1 WHERE 1 IN (SELECT DISTINCT 1);
SELECT EXISTS (SELECT DISTINCT 1);
CREATE TABLE ds_t (a int, b text);
INSERT INTO ds_t VALUES (1, 'x'), (1, 'x'), (2, 'y');
SELECT b FROM ds_t WHERE a IN (SELECT DISTINCT a FROM ds_t) ORDER BY b;
SELECT ARRAY(SELECT DISTINCT a FROM ds_t ORDER BY a);
CREATE TABLE ds_u (a int, b text);
INSERT INTO ds_u SELECT DISTINCT a, b FROM ds_t;
SELECT * FROM ds_u ORDER BY a;
