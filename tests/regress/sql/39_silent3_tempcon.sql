-- silent3: a temporary table and a permanent one of one name, with constraints of the same
-- names: each has its own pg_constraint rows (OID, namespace) and comments, and regclass
-- prints the permanent one qualified while the temporary one hides it.
CREATE TABLE ct (a int CONSTRAINT ct_pos CHECK (a > 0), b int UNIQUE, c int PRIMARY KEY);
CREATE TABLE ref (x int REFERENCES ct (c));
CREATE TEMP TABLE ct (a int CONSTRAINT ct_pos CHECK (a > 0), b int UNIQUE, c int PRIMARY KEY);
SELECT conname, contype, n.nspname = 'public' AS pub FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE conname LIKE 'ct%' ORDER BY 1, 3;
SELECT conname, count(DISTINCT oid) FROM pg_constraint WHERE conname LIKE 'ct%' GROUP BY 1 ORDER BY 1;
SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE conname LIKE 'ct%' ORDER BY 1, 2;
SELECT conname FROM pg_constraint WHERE conrelid = 'public.ct'::regclass ORDER BY 1;
SELECT conname FROM pg_constraint WHERE conrelid = 'pg_temp.ct'::regclass ORDER BY 1;
SELECT conname, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f';
SELECT 'public.ct'::regclass::text, 'ct'::regclass::text, 'ref'::regclass::text;
SELECT 'public.ct'::regclass = 'ct'::regclass;
COMMENT ON CONSTRAINT ct_pos ON ct IS 'temp one';
COMMENT ON CONSTRAINT ct_pos ON public.ct IS 'perm one';
COMMENT ON CONSTRAINT ct_b_key ON public.ct IS 'perm key';
SELECT n.nspname = 'public' AS pub, conname, obj_description(c.oid, 'pg_constraint') FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE conname LIKE 'ct%' ORDER BY 1, 2;
SELECT count(*) FROM pg_description WHERE classoid = 'pg_constraint'::regclass;
DROP TABLE ref;
DROP TABLE ct;
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname LIKE 'ct%' ORDER BY 1;
SELECT 'ct'::regclass::text;
DROP TABLE ct;
