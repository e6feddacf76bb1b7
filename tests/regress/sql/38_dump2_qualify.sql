-- The tenant's own functions called from a DEFAULT, a CHECK, a generated column, an index key
-- or predicate, a trigger's WHEN and a view are printed qualified (public.f) when public is
-- not on the search path, as pg_dump's empty one: its restore must find them.
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + 1';
CREATE FUNCTION lbl(s text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT upper(s)';
CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT f(1), b int CHECK (f(b) > 0),
  c int GENERATED ALWAYS AS (f(a)) STORED, s text DEFAULT lbl(lbl(NULL)),
  CONSTRAINT t_s CHECK (lbl(s) <> 'NO'));
ALTER TABLE t ADD CONSTRAINT t_late CHECK (f(a) < 1000) NOT VALID;
CREATE INDEX t_fa ON t (f(a)) WHERE f(b) > 0;
CREATE INDEX t_ls ON t (lbl(s), abs(a));
CREATE VIEW v AS SELECT id, f(a) AS fa FROM t WHERE lbl(s) = 'X';
CREATE FUNCTION tg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_when BEFORE INSERT ON t FOR EACH ROW WHEN (f(NEW.a) > 0) EXECUTE FUNCTION tg();
INSERT INTO t (id, b) VALUES (1, 5);
CREATE TABLE u (s text DEFAULT lbl('x'));
SELECT * FROM t;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
  JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
  WHERE d.adrelid = 't'::regclass ORDER BY a.attnum;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
  WHERE conrelid = 't'::regclass AND contype = 'c' ORDER BY conname;
SELECT pg_get_indexdef(indexrelid), pg_get_indexdef(indexrelid, 1, false),
  pg_get_expr(indpred, indrelid) FROM pg_index
  WHERE indrelid = 't'::regclass AND indexprs IS NOT NULL ORDER BY indexrelid::regclass::text;
SELECT pg_get_viewdef('v'::regclass);
-- differs: a trigger's WHEN is printed as written (NEW.a, one pair of parentheses)
SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 't_when';
SET search_path = '';
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d
  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
  WHERE d.adrelid = 'public.t'::regclass ORDER BY a.attnum;
SELECT conname, pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint
  WHERE conrelid = 'public.t'::regclass AND contype = 'c' ORDER BY conname;
SELECT pg_get_indexdef(indexrelid), pg_get_indexdef(indexrelid, 1, false),
  pg_get_expr(indpred, indrelid) FROM pg_catalog.pg_index
  WHERE indrelid = 'public.t'::regclass AND indexprs IS NOT NULL ORDER BY indexrelid::regclass::text;
SELECT pg_get_viewdef('public.v'::regclass);
-- differs: a trigger's WHEN is printed as written (NEW.a, one pair of parentheses)
SELECT pg_get_triggerdef(oid) FROM pg_catalog.pg_trigger WHERE tgname = 't_when';
SELECT replace(replace(pg_get_triggerdef(oid), '((', '('), '))', ')') ILIKE
  '%WHEN (public.f(new.a) > 0) EXECUTE FUNCTION public.tg()' AS qualified
  FROM pg_catalog.pg_trigger WHERE tgname = 't_when';
-- a string literal passed to the tenant's function in a DEFAULT: cast to its parameter's type
SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d
  JOIN pg_catalog.pg_class c ON c.oid = d.adrelid WHERE c.relname = 'u';
SET search_path = public;
SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
  WHERE d.adrelid = 't'::regclass AND d.adnum = 2;
RESET search_path;
-- a call that left out defaulted arguments prints as written, not with the defaults
CREATE FUNCTION g(a int, b int DEFAULT 2, c text DEFAULT 'z') RETURNS text LANGUAGE sql
  IMMUTABLE AS 'SELECT a + b || c';
CREATE FUNCTION d(x date, y varchar DEFAULT NULL) RETURNS text LANGUAGE sql
  AS 'SELECT x || coalesce(y, ''-'')';
CREATE TABLE w (id int, p text DEFAULT g(1), q text DEFAULT g(1, 2), r text DEFAULT g(1, 5, 'y'),
  s text DEFAULT d('2024-01-02'), u text DEFAULT d(NULL, 'v'), k text DEFAULT g(a => 4, c => 'n'));
INSERT INTO w (id) VALUES (1);
SELECT * FROM w;
-- differs: a call in named notation prints positionally, a default it skipped as its value (g(4, 2, 'n'::text))
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'w'::regclass ORDER BY adnum;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'w'::regclass AND adnum < 7 ORDER BY adnum;
CREATE VIEW wv AS SELECT g(id) AS a, g(id, 3) AS b, g(id, 3, 'q') AS c, g(2 * id) || 'x' AS e FROM w;
SELECT * FROM wv;
SELECT pg_get_viewdef('wv'::regclass);
SELECT pg_get_viewdef('wv'::regclass, true);
SET search_path = '';
SELECT pg_get_viewdef('public.wv'::regclass);
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_catalog.pg_attrdef
  WHERE adrelid = 'public.w'::regclass AND adnum < 7 ORDER BY adnum;
RESET search_path;
-- a function of the tenant's that shares a built-in's name: the built-in's calls stay
-- unqualified (public.lower('x') would not restore)
CREATE FUNCTION lower(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x';
CREATE TABLE lo (s text, CHECK (lower(s) <> 'x'));
SET search_path = '';
SELECT pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint
  WHERE conrelid = 'public.lo'::pg_catalog.regclass;
