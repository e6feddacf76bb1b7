-- Tenant-local schemas: DROP SCHEMA sees the domains, enum and composite types, functions and
-- procedures made in the schema (2BP01 while it holds them) and CASCADE drops them too.
CREATE SCHEMA k;
CREATE FUNCTION k.f(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
DROP SCHEMA k;
DROP FUNCTION k.f(int);
CREATE DOMAIN k.pos AS int CHECK (VALUE > 0);
DROP SCHEMA k;
DROP DOMAIN k.pos;
CREATE TYPE k.pair AS (a int, b int);
DROP SCHEMA k;
DROP TYPE k.pair;
DROP SCHEMA k;
-- CASCADE
CREATE SCHEMA k;
CREATE DOMAIN k.pos AS int CHECK (VALUE > 0);
CREATE TYPE k.pair AS (a int, b int);
CREATE TYPE k.mood AS ENUM ('a');
CREATE FUNCTION k.f(x int, y text) RETURNS int LANGUAGE sql AS 'SELECT x';
CREATE PROCEDURE k.p() LANGUAGE sql AS 'SELECT 1';
CREATE TABLE k.t (a k.pos, b k.pair, c k.mood);
CREATE FUNCTION f(x int, y text) RETURNS int LANGUAGE sql AS 'SELECT x + 1';
-- notices
DROP SCHEMA k CASCADE;
SELECT nspname FROM pg_namespace WHERE nspname = 'k';
SELECT count(*) FROM pg_type WHERE typname IN ('pos', 'pair', 'mood', 'k.pos', 'k.pair', 'k.mood');
SELECT proname, pronamespace::regnamespace FROM pg_proc WHERE proname IN ('f', 'p', 'k.f', 'k.p') ORDER BY 1;
SELECT f(1, 'x');
CREATE SCHEMA k;
CREATE FUNCTION k.f(x int, y text) RETURNS int LANGUAGE sql AS 'SELECT x + 2';
SELECT k.f(1, 'x');
