-- DROP TYPE ... CASCADE of a composite type: the columns of the type and of its array type
-- dropped with it (PostgreSQL's NOTICE drop cascades to column c of table t).
CREATE TYPE dc_pt AS (x int, y int);
CREATE TABLE dc_k1 (id int, p dc_pt, q dc_pt);
CREATE TABLE dc_k2 (id int, ps dc_pt[]);
INSERT INTO dc_k1 VALUES (1, ROW(1,2), NULL);
INSERT INTO dc_k2 VALUES (1, ARRAY[ROW(3,4)::dc_pt]);
DROP TYPE dc_pt;
DROP TYPE dc_pt CASCADE;
SELECT * FROM dc_k1;
SELECT * FROM dc_k2;
SELECT count(*) FROM pg_type WHERE typname IN ('dc_pt', '_dc_pt');
CREATE TYPE dc_pt AS (x int, y int);
DROP TYPE dc_pt CASCADE;
DROP TYPE IF EXISTS dc_nosuch CASCADE;
CREATE TYPE dc_pt AS (x int, y int);
CREATE TYPE dc_seg AS (a dc_pt);
-- differs: 0A000: CASCADE of a composite type another composite type has an attribute of (PostgreSQL drops the attribute)
DROP TYPE dc_pt CASCADE;
DROP TYPE dc_seg;
DROP TYPE IF EXISTS dc_pt;
CREATE TYPE dc_p2 AS (x int);
CREATE FUNCTION dc_fp(v dc_p2) RETURNS int LANGUAGE sql AS 'SELECT ($1).x';
-- differs: 0A000: CASCADE of a composite type a function uses (PostgreSQL drops the function)
DROP TYPE dc_p2 CASCADE;
DROP FUNCTION IF EXISTS dc_fp(dc_p2);
DROP TYPE IF EXISTS dc_p2;
