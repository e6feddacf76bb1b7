-- silent3: a tenant function named as a built-in one: where PostgreSQL's overload resolution
-- would pick it over the built-in forms (annotated: docs/sql-compat.md lists them).
CREATE FUNCTION lower(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1000';
SELECT lower('Xy'::text);
-- differs: with a tenant lower(int), an unknown literal goes to it (22P02 for 'AB'); PostgreSQL prefers lower(text), the string category
SELECT lower('AB');
-- differs: a tenant function lower(int) loses to the built-in lower(text) for an int argument (PostgreSQL: the exact match, 1005)
SELECT lower(5);
-- differs: nor is it a column DEFAULT's (42804 here; PostgreSQL calls lower(int))
CREATE TABLE lw (c int DEFAULT lower(5));
DROP TABLE IF EXISTS lw;
DROP FUNCTION lower(int);
