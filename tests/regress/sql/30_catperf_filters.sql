-- The catalog's virtual tables with an = shown to xFilter (catalog_filter.c: any column under
-- BINARY collation, = NULL keeps no row) and rows lent between the cursors of one statement
-- run (catalog.c: a correlated subquery opens its cursor again for every outer row): the
-- answers stay PostgreSQL's.
CREATE TYPE cpf_mood AS ENUM ('sad', 'ok');
CREATE TABLE cpf_a (id int PRIMARY KEY, name text NOT NULL, code varchar(10) UNIQUE);
CREATE TABLE cpf_b (id serial PRIMARY KEY, a_id int REFERENCES cpf_a(id), m cpf_mood);
CREATE INDEX cpf_b_a_idx ON cpf_b (a_id);
CREATE VIEW cpf_v AS SELECT id, name FROM cpf_a;
COMMENT ON TABLE cpf_a IS 'first';
-- correlated subqueries over pg_class and pg_attribute, one per outer row
SELECT c.relname,
       (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0) AS ncols,
       EXISTS (SELECT 1 FROM pg_class c2 WHERE c2.relname = c.relname || '_pkey') AS has_pkey,
       (SELECT d.description FROM pg_description d WHERE d.objoid = c.oid AND d.objsubid = 0)
         AS comment
  FROM pg_class c WHERE c.relname LIKE 'cpf\_%' AND c.relkind IN ('r', 'v') ORDER BY 1;
-- pgAdmin's column types, restricted to the tenant's enums
SELECT t.typname,
       (SELECT count(1) FROM pg_type t2 WHERE t2.typname = t.typname) > 1 AS isdup
  FROM pg_type t
 WHERE t.typnamespace = 'public'::regnamespace AND t.typtype = 'e'
   AND NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = t.typnamespace
                   AND relname = t.typname AND relkind != 'c')
 ORDER BY 1;
-- = on a text column, on an integer column with a text value, on an OID
SELECT relname FROM pg_class WHERE relname = 'cpf_a';
SELECT relname FROM pg_class WHERE relkind = 'v' AND relname = 'cpf_v';
SELECT attname FROM pg_attribute WHERE attrelid = 'cpf_a'::regclass AND attnum = '2';
SELECT relname FROM pg_class WHERE oid = 'cpf_b'::regclass;
-- = NULL matches nothing, in a WHERE and in a join
SELECT count(*) FROM pg_class WHERE relname = NULL;
SELECT c.relname, c2.relname AS other FROM pg_class c
  LEFT JOIN pg_class c2 ON c2.relname = NULL WHERE c.relname = 'cpf_a';
SELECT count(*) FROM pg_class c JOIN pg_class c2 ON c2.relname = nullif(c.relname, c.relname)
 WHERE c.relname LIKE 'cpf\_%';
-- another collation than BINARY is left to SQLite
SELECT relname FROM pg_class WHERE relname = 'cpf_a' COLLATE "C";
-- a join of pg_constraint with pg_class by OID on both sides, for each foreign key
SELECT con.conname, cl.relname, ref.relname AS refname
  FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid
  JOIN pg_class ref ON ref.oid = con.confrelid
 WHERE con.contype = 'f' AND cl.relname LIKE 'cpf\_%' ORDER BY 1;
-- the rows follow a change between two statements
COMMENT ON TABLE cpf_a IS 'second';
SELECT c.relname,
       (SELECT d.description FROM pg_description d WHERE d.objoid = c.oid AND d.objsubid = 0)
         AS comment
  FROM pg_class c WHERE c.relname = 'cpf_a';
BEGIN;
CREATE TABLE cpf_c (x int);
SELECT c.relname, EXISTS (SELECT 1 FROM pg_class c2 WHERE c2.relname = c.relname) AS seen
  FROM pg_class c WHERE c.relname LIKE 'cpf\_%' AND c.relkind = 'r' ORDER BY 1;
ROLLBACK;
SELECT c.relname, EXISTS (SELECT 1 FROM pg_class c2 WHERE c2.relname = c.relname) AS seen
  FROM pg_class c WHERE c.relname LIKE 'cpf\_%' AND c.relkind = 'r' ORDER BY 1;
-- a tenant's aggregate joined with pg_proc through aggfnoid (a regproc name)
CREATE FUNCTION cpf_add(int, int) RETURNS int LANGUAGE sql AS 'SELECT $1 + $2';
CREATE AGGREGATE cpf_sum (int) (SFUNC = cpf_add, STYPE = int);
SELECT p.proname FROM pg_aggregate ag JOIN pg_proc p ON p.oid = ag.aggfnoid
 WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1;
DROP AGGREGATE cpf_sum (int);
DROP FUNCTION cpf_add(int, int);
DROP VIEW cpf_v;
DROP TABLE cpf_b, cpf_a;
DROP TYPE cpf_mood;
