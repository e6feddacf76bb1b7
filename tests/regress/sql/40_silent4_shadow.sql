-- silent4: a tenant function named as a built-in one with another signature: PostgreSQL's
-- exact match picks the tenant's (lower(5) beside lower(int)); an unknown literal prefers the
-- string category (lower('AB') is lower(text)); the built-in's own types stay the built-in's.
CREATE FUNCTION lower(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1000';
SELECT lower(5), lower(5) + 1, pg_typeof(lower(5));
SELECT lower('AB'), lower('Xy'::text), lower('Ab'::varchar);
CREATE TABLE s4sh (id int, n int, s text, c int DEFAULT lower(7));
INSERT INTO s4sh (id, n, s) VALUES (1, 2, 'QQ'), (2, NULL, NULL);
SELECT id, lower(n), lower(s), c FROM s4sh ORDER BY id;
SELECT id FROM s4sh WHERE lower(n) = 1002;
SELECT pg_catalog.lower('ZZ');
-- differs: a tenant overload reached by an implicit cast (lower(smallint) to lower(int)) loses to the built-in here; PostgreSQL's candidates are the tenant's alone
SELECT lower(5::smallint);
CREATE FUNCTION upper(varchar) RETURNS text LANGUAGE sql AS 'SELECT ''v:'' || $1';
CREATE TABLE s4sv (v varchar(10), t text);
INSERT INTO s4sv VALUES ('ab', 'cd');
SELECT upper(v), upper(t), upper('ef') FROM s4sv;
CREATE FUNCTION round(int, int) RETURNS text LANGUAGE sql AS 'SELECT ''r'' || $1 || ''/'' || $2';
SELECT round(5, 1), round(5.55, 1), round(5);
DROP TABLE s4sh, s4sv;
DROP FUNCTION lower(int);
DROP FUNCTION upper(varchar);
DROP FUNCTION round(int, int);
