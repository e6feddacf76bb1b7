-- The tenant's functions called from a view, a column default or a CHECK print by their
-- names in pg_get_viewdef, pg_get_expr and pg_get_constraintdef (and so in pg_dump, which
-- failed on such a view), qualified under pg_dump's empty search_path in a view.
CREATE FUNCTION fx_two(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';
CREATE FUNCTION fx_tag(t text, n int DEFAULT 1) RETURNS text LANGUAGE sql AS 'SELECT t || n';
CREATE TABLE fx_t (a int DEFAULT fx_two(3), b int CHECK (fx_two(b) < 100), c text DEFAULT fx_tag('x'));
INSERT INTO fx_t (b) VALUES (4);
SELECT a, b, c FROM fx_t;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'fx_t'::regclass ORDER BY adnum;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'fx_t' ORDER BY ordinal_position;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'fx_t'::regclass;
SELECT check_clause FROM information_schema.check_constraints WHERE constraint_name = 'fx_t_b_check';
CREATE VIEW fx_v AS SELECT fx_two(b) AS t, a, fx_tag(c, b) AS g FROM fx_t WHERE fx_two(a) > 1;
SELECT * FROM fx_v;
SELECT pg_get_viewdef('fx_v');
SELECT pg_get_viewdef('fx_v', true);
CREATE VIEW fx_w AS SELECT upper(fx_tag('a')) AS u, fx_two(fx_two(2)) + 1 AS n;
SELECT pg_get_viewdef('fx_w');
SET search_path = '';
SELECT pg_get_viewdef('public.fx_v');
SELECT pg_get_viewdef('public.fx_w', true);
RESET search_path;
-- the default's and CHECK's calls without defaulted arguments print as PostgreSQL's
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'fx_t'::regclass AND adnum = 1;
-- an IMMUTABLE function of the tenant's in an index key, a partial index's WHERE and a
-- generated column (SQLite refuses a function not registered deterministic there)
CREATE FUNCTION ix_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(trim(t))';
CREATE FUNCTION ix_vol(t text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN lower(t); END $$;
CREATE TABLE ix_t (id int PRIMARY KEY, email text, g text GENERATED ALWAYS AS (ix_norm(email)) STORED);
CREATE UNIQUE INDEX ix_t_norm ON ix_t (ix_norm(email));
CREATE INDEX ix_t_bad ON ix_t (ix_vol(email));
CREATE INDEX ix_t_part ON ix_t (id) WHERE ix_norm(email) <> '';
INSERT INTO ix_t (id, email) VALUES (1, ' A@x.org'), (2, 'b@x.org');
INSERT INTO ix_t (id, email) VALUES (3, 'a@x.org ');
SELECT id, g FROM ix_t WHERE ix_norm(email) = 'b@x.org';
SELECT pg_get_indexdef('ix_t_norm'::regclass), pg_get_indexdef('ix_t_part'::regclass);
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'ix_t'::regclass;
UPDATE ix_t SET email = 'c@x.org' WHERE id = 2 RETURNING g;
DROP FUNCTION ix_norm(text);
DROP TABLE ix_t;
DROP FUNCTION ix_norm(text);
