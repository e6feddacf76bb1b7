-- What pg_dump reads of a rich schema: comments on types, domains, triggers, policies and
-- materialized views; a materialized view's dependencies on its tables (pg_rewrite, pg_depend:
-- pg_dump writes it after them); a composite type's name qualified off the search path; a
-- BEFORE UPDATE trigger of a keyed table with a generated column.
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TYPE addr AS (street text, zip integer);
CREATE DOMAIN pos_int AS integer CHECK (VALUE > 0);
CREATE TABLE people (id integer PRIMARY KEY, name text, home addr, n integer DEFAULT 0,
  len integer GENERATED ALWAYS AS (length(name)) STORED);
CREATE TABLE orders (id integer PRIMARY KEY, person_id integer, price numeric(10,2));
CREATE MATERIALIZED VIEW order_counts AS SELECT person_id, count(*) AS n FROM orders GROUP BY person_id;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.n := NEW.n + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
CREATE POLICY people_shown ON people USING (name <> 'hidden');
COMMENT ON TYPE mood IS 'how one feels';
COMMENT ON TYPE addr IS 'where';
COMMENT ON DOMAIN pos_int IS 'positive';
COMMENT ON TRIGGER people_touch ON people IS 'counts updates';
COMMENT ON POLICY people_shown ON people IS 'hide some';
COMMENT ON MATERIALIZED VIEW order_counts IS 'per person';
SELECT obj_description('mood'::regtype, 'pg_type'), obj_description('addr'::regtype, 'pg_type'),
  obj_description('pos_int'::regtype, 'pg_type'), obj_description('order_counts'::regclass, 'pg_class');
SELECT obj_description(oid, 'pg_trigger') FROM pg_trigger WHERE tgname = 'people_touch';
SELECT obj_description(oid, 'pg_policy') FROM pg_policy WHERE polname = 'people_shown';
SELECT c.relname, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.classoid
  WHERE d.objoid >= 16384 ORDER BY 1, 2;
-- a comment replaced, removed
COMMENT ON TYPE mood IS 'mood';
COMMENT ON TRIGGER people_touch ON people IS NULL;
SELECT obj_description('mood'::regtype, 'pg_type');
SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.classoid
  WHERE c.relname = 'pg_trigger' AND d.objoid >= 16384;
-- what is not there, or not of the kind named
COMMENT ON TYPE nosuch IS 'x';
COMMENT ON DOMAIN mood IS 'x';
COMMENT ON TRIGGER nosuch ON people IS 'x';
COMMENT ON POLICY nosuch ON people IS 'x';
COMMENT ON TRIGGER people_touch ON nosuch IS 'x';
COMMENT ON MATERIALIZED VIEW people IS 'x';
-- the materialized view's _RETURN rule and its dependency on orders
SELECT r.rulename, r.ev_class::regclass, r.ev_type, r.is_instead FROM pg_rewrite r
  WHERE r.ev_class = 'order_counts'::regclass;
SELECT d.refobjid::regclass, d.deptype FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
  WHERE d.classid = 'pg_rewrite'::regclass AND r.ev_class = 'order_counts'::regclass
  AND d.refobjid <> 'order_counts'::regclass;
-- a composite type's name as format_type prints it under pg_dump's empty search_path
SET search_path = '';
SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
  WHERE a.attrelid = 'public.people'::pg_catalog.regclass AND a.attname = 'home';
RESET search_path;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute
  WHERE attrelid = 'people'::regclass AND attname = 'home';
-- the trigger's row written back by key leaves the generated column to be computed
INSERT INTO people (id, name) VALUES (1, 'Ann'), (2, 'Bob');
UPDATE people SET name = 'Annie' WHERE id = 1;
SELECT id, name, n, len FROM people ORDER BY id;
