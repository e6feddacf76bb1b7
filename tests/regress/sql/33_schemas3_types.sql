-- Tenant-local schemas: domains, enum and composite types, functions and procedures made in
-- schema s are s's (pg_type.typnamespace, pg_proc.pronamespace), named s.x, found through
-- search_path as PostgreSQL finds them; two schemas may each have one of a name.
CREATE SCHEMA s;
CREATE SCHEMA s2;
CREATE DOMAIN s.pos AS int CHECK (VALUE > 0);
CREATE TYPE s.pair AS (a int, b int);
CREATE TYPE s.mood AS ENUM ('sad', 'ok');
CREATE FUNCTION s.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1';
CREATE PROCEDURE s.p(INOUT r int) LANGUAGE plpgsql AS $$ BEGIN r := r * 2; END $$;
CREATE FUNCTION s2.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 2';
SELECT s.f(1), s2.f(1);
CALL s.p(21);
SELECT 'ok'::s.mood, 3::s.pos, ROW(1, 2)::s.pair;
SELECT (ROW(1, 2)::s.pair).b;
SELECT -1::s.pos;
SELECT 'meh'::s.mood;
SELECT t.typname, t.typnamespace::regnamespace, t.typtype FROM pg_type t
 WHERE t.typname IN ('pos', 'pair', 'mood', '_pos', '_pair', '_mood') ORDER BY 1;
SELECT p.proname, p.pronamespace::regnamespace, p.prokind, pg_get_function_arguments(p.oid)
 FROM pg_proc p WHERE p.proname IN ('f', 'p') ORDER BY 2, 1;
SELECT n.nspname, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname IN ('s', 's2') ORDER BY 1, 2;
SELECT format_type('s.pos'::regtype, NULL), format_type('s.pair'::regtype, NULL),
 format_type('s.mood'::regtype, NULL), 's.pair[]'::regtype, 's.f'::regproc;
SELECT 's.nosuch'::regtype;
CREATE TABLE s.t (a s.pos, b s.pair, c s.mood, d s.mood[]);
INSERT INTO s.t VALUES (1, ROW(1, 2), 'ok', '{sad,ok}');
INSERT INTO s.t VALUES (0, NULL, NULL, NULL);
SELECT a, b, c, d, s.f(a) FROM s.t;
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 's.t'::regclass AND attnum > 0 ORDER BY attnum;
-- search_path decides unqualified names
SELECT f(1);
SELECT 'ok'::mood;
SET search_path TO s, public;
SELECT f(1), 'ok'::mood, 3::pos, ROW(5, 6)::pair;
CALL p(5);
SET search_path TO s2, s, public;
SELECT f(1);
RESET search_path;
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 100';
CREATE TYPE mood AS ENUM ('x');
SELECT f(1), s.f(1), s2.f(1), 'x'::mood, 'ok'::s.mood;
SET search_path TO s, public;
SELECT f(1), 'ok'::mood;
SET search_path TO public, s;
SELECT f(1), 'x'::mood;
-- CREATE with search_path: made in its first schema
SET search_path TO s2, public;
CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $$ SELECT 'g of s2' $$;
CREATE TYPE color AS ENUM ('red');
CREATE DOMAIN short AS text CHECK (length(VALUE) < 4);
CREATE TYPE pt AS (x int, y int);
RESET search_path;
SELECT s2.g(), 'red'::s2.color, 'abc'::s2.short, ROW(1, 2)::s2.pt;
SELECT g();
SELECT t.typname, t.typnamespace::regnamespace FROM pg_type t WHERE t.typname IN ('color', 'short', 'pt') ORDER BY 1;
-- a trigger function of a schema
CREATE FUNCTION s.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.a := NEW.a + 10; RETURN NEW; END $$;
CREATE TRIGGER tr BEFORE INSERT ON s.t FOR EACH ROW EXECUTE FUNCTION s.stamp();
INSERT INTO s.t VALUES (5, NULL, NULL, NULL) RETURNING a;
-- drop
DROP FUNCTION s2.f(int);
SELECT s2.f(1);
SELECT s.f(1);
DROP FUNCTION s.nosuch(int);
DROP PROCEDURE s.p(int);
DROP TRIGGER tr ON s.t;
DROP TABLE s.t;
DROP TYPE s.mood;
DROP DOMAIN s.pos;
DROP TYPE s.pair;
SELECT 'ok'::s.mood;
SELECT t.typname FROM pg_type t WHERE t.typnamespace = 's'::regnamespace ORDER BY 1;
SELECT 'x'::mood;
