-- silent3: a tenant function named as a built-in one: where PostgreSQL's overload resolution
-- picks it over the built-in forms (the exact match) and where not (an unknown literal).
CREATE FUNCTION lower(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1000';
SELECT lower('Xy'::text);
SELECT lower('AB');
SELECT lower(5);
CREATE TABLE lw (c int DEFAULT lower(5));
INSERT INTO lw DEFAULT VALUES;
SELECT * FROM lw;
DROP TABLE IF EXISTS lw;
DROP FUNCTION lower(int);
