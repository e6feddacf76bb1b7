-- Functions, procedures, domains and row types found different probing PostgreSQL's own
-- regression files (create_function_sql, create_procedure, rangefuncs, domain, rowtypes,
-- polymorphism): statements written for this suite, names prefixed pf_.
-- a cast to a domain over an array is an array to ||, @> and ANY
CREATE DOMAIN pf_dia AS int[];
SELECT '{1,2,3}'::pf_dia || 42 AS app, pg_typeof('{1,2,3}'::pf_dia || 42) AS t;
SELECT 0 || '{1,2,3}'::pf_dia AS pre, '{1,2}'::pf_dia || ARRAY[7, 8] AS cat;
SELECT '{1,2,3}'::pf_dia @> ARRAY[2] AS has, 3 = ANY('{1,2,3}'::pf_dia) AS anyof;
CREATE TABLE pf_dia_t (id int, a pf_dia);
INSERT INTO pf_dia_t VALUES (1, '{5,6}');
SELECT id, a || 7 AS a7, '{0}'::pf_dia || a AS both FROM pf_dia_t;
-- composite values of two types: same attribute types compare; different ones PostgreSQL
-- compares value by value (42804 once it reaches a dissimilar pair)
CREATE TYPE pf_ab AS (a int, b int);
CREATE TYPE pf_xy AS (x int, y int);
CREATE TYPE pf_at AS (a int, b text);
CREATE TYPE pf_a1 AS (a int);
SELECT ROW(1, 2)::pf_ab = ROW(1, 2)::pf_xy AS eq, ROW(1, 2)::pf_ab < ROW(1, 3)::pf_xy AS lt;
-- differs: 0A000: comparing composite values of types whose attributes differ (PostgreSQL 42804 cannot compare dissimilar column types integer and text at record column 2)
SELECT ROW(1, 2)::pf_ab < ROW(1, 'abc')::pf_at;
-- differs: 0A000: comparing composite values of types whose attributes differ (PostgreSQL 42804 cannot compare record types with different numbers of columns)
SELECT ROW(1, 2)::pf_ab <> ROW(1)::pf_a1;
