-- ALTER TYPE/DOMAIN ... SET SCHEMA (enums, domains, composite types no column uses), and
-- ALTER SEQUENCE/VIEW/MATERIALIZED VIEW ... OWNER TO the session user, as pg_dump writes them.
CREATE SCHEMA s;
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE DOMAIN pos AS int CHECK (VALUE > 0);
CREATE TYPE pair AS (x int, y int);
CREATE TABLE tt (m mood, p pos);
INSERT INTO tt VALUES ('a', 1);
ALTER TYPE mood SET SCHEMA s;
ALTER DOMAIN pos SET SCHEMA s;
ALTER TYPE pair SET SCHEMA s;
SELECT t.typname, n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typname IN ('mood', 'pos', 'pair') ORDER BY 1;
SELECT * FROM tt;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
 WHERE attrelid = 'tt'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO tt VALUES ('b', 2);
INSERT INTO tt VALUES ('b', -2);
SELECT 'a'::s.mood, 3::s.pos, ROW(1, 2)::s.pair;
SELECT 'a'::mood;
-- back, and to where it is
ALTER TYPE s.mood SET SCHEMA public;
ALTER TYPE s.pos SET SCHEMA public;
ALTER TYPE s.pair SET SCHEMA s;
ALTER TYPE mood SET SCHEMA public;
SELECT t.typname, n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typname IN ('mood', 'pos', 'pair') ORDER BY 1;
SELECT * FROM tt ORDER BY 1;
-- errors
ALTER TYPE nosuch SET SCHEMA s;
ALTER DOMAIN nosuch SET SCHEMA s;
ALTER TYPE mood SET SCHEMA nosuch;
-- differs: refused (42501): the catalog's schemas are PostgreSQL's answer to a non-superuser
ALTER TYPE mood SET SCHEMA pg_catalog;
CREATE TYPE s.mood AS ENUM ('y');
ALTER TYPE mood SET SCHEMA s;
-- OWNER TO of each kind of relation
CREATE SEQUENCE sq;
CREATE VIEW vv AS SELECT 1 AS a;
CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a;
ALTER SEQUENCE sq OWNER TO CURRENT_USER;
ALTER VIEW vv OWNER TO CURRENT_USER;
ALTER MATERIALIZED VIEW mv OWNER TO CURRENT_USER;
ALTER TABLE sq OWNER TO CURRENT_USER;
ALTER VIEW IF EXISTS nov OWNER TO CURRENT_USER;
ALTER MATERIALIZED VIEW IF EXISTS nomv OWNER TO SESSION_USER;
ALTER SEQUENCE nosq OWNER TO CURRENT_USER;
ALTER VIEW vv OWNER TO no_such_role_anywhere;
CREATE TABLE uses_pair (p s.pair);
-- differs: refused (0A000): a composite type a column uses keeps its schema (as its RENAME TO)
ALTER TYPE s.pair SET SCHEMA public;
-- REASSIGN OWNED and DROP OWNED: every object of a tenant is the session user's
REASSIGN OWNED BY no_such_role_anywhere TO CURRENT_USER;
REASSIGN OWNED BY CURRENT_USER TO no_such_role_anywhere;
REASSIGN OWNED BY PUBLIC TO CURRENT_USER;
DROP OWNED BY no_such_role_anywhere;
-- differs: PostgreSQL's bootstrap superuser (the regress run's) owns the system's objects (2BP01); reassigning the tenant's objects to their owner changes nothing
REASSIGN OWNED BY CURRENT_USER TO CURRENT_USER;
-- differs: refused (0A000): DROP OWNED BY the session user would drop every object of the tenant
DROP OWNED BY CURRENT_USER;
