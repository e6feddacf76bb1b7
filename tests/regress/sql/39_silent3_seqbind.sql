-- silent3: a column DEFAULT's nextval('s') (a serial's too) is bound to the sequence s means
-- when the DEFAULT is made, as PostgreSQL binds the regclass constant: a temporary sequence s
-- made later in the session does not take its place, and pg_get_expr prints the name as
-- regclass does (qualified while a temporary relation of its name hides it).
CREATE SEQUENCE s;
CREATE TABLE t (a int DEFAULT nextval('s'), b serial, c int DEFAULT nextval('public.s'),
  d bigint DEFAULT nextval('s'::regclass), e int DEFAULT currval('s'));
INSERT INTO t DEFAULT VALUES;
SELECT * FROM t;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 't'::regclass ORDER BY adnum;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position;
CREATE TEMP SEQUENCE s START 100;
CREATE TEMP SEQUENCE t_b_seq START 500;
SELECT nextval('s'), nextval('public.s'), nextval('pg_temp.s'), nextval('t_b_seq');
INSERT INTO t DEFAULT VALUES RETURNING *;
INSERT INTO t (e) VALUES (0) RETURNING *;
SELECT currval('s'), currval('public.s'), currval('t_b_seq'), currval('public.t_b_seq');
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'public.t'::regclass ORDER BY adnum;
SELECT pg_get_expr(adbin, adrelid, true) FROM pg_attrdef WHERE adrelid = 'public.t'::regclass ORDER BY adnum;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 't' AND table_schema = 'public' ORDER BY ordinal_position;
-- a table made now binds to what s means now: the temporary one
CREATE TABLE t2 (a int DEFAULT nextval('s'));
INSERT INTO t2 DEFAULT VALUES RETURNING a;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 't2'::regclass;
DROP TABLE t2;
-- a temporary table's default bound to the permanent sequence, and to a temporary one
CREATE TEMP SEQUENCE ts START 50;
CREATE TEMP TABLE tt (a int DEFAULT nextval('public.s'), b int DEFAULT nextval('ts'));
INSERT INTO tt DEFAULT VALUES RETURNING *;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'tt'::regclass ORDER BY adnum;
DROP TABLE tt;
-- the temporary sequences drop: nothing of t depends on them
DROP SEQUENCE pg_temp.s;
DROP SEQUENCE pg_temp.t_b_seq;
DROP SEQUENCE ts;
INSERT INTO t DEFAULT VALUES RETURNING *;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 't'::regclass ORDER BY adnum;
-- the permanent one does not: the defaults depend on it
DROP SEQUENCE s;
SET search_path = pg_catalog;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'public.t'::regclass ORDER BY adnum;
RESET search_path;
-- a temporary table of the permanent one's name, with a serial of its own
CREATE TEMP TABLE t (b serial, z int);
INSERT INTO t (z) VALUES (1) RETURNING *;
INSERT INTO public.t (e) VALUES (0) RETURNING b;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'public.t'::regclass AND adnum = 2;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'pg_temp.t'::regclass;
DISCARD TEMP;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 't'::regclass AND adnum = 2;
-- after ALTER TABLE rebuilds it, the defaults stay bound
ALTER TABLE t ALTER COLUMN e TYPE bigint;
CREATE TEMP SEQUENCE s START 900;
INSERT INTO public.t DEFAULT VALUES RETURNING a, b, c, d;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'public.t'::regclass ORDER BY adnum;
DISCARD TEMP;
DROP TABLE t;
DROP SEQUENCE s;
-- ADD COLUMN and ALTER COLUMN ... SET DEFAULT bind the same way
CREATE SEQUENCE s9;
CREATE TABLE u9 (a int);
INSERT INTO u9 VALUES (1);
ALTER TABLE u9 ADD COLUMN b int DEFAULT nextval('s9');
ALTER TABLE u9 ADD COLUMN c int;
ALTER TABLE u9 ALTER COLUMN c SET DEFAULT nextval('s9');
ALTER TABLE u9 ADD COLUMN d int;
ALTER TABLE u9 ALTER COLUMN d SET DEFAULT nextval('s9'::regclass);
CREATE TEMP SEQUENCE s9 START 100;
INSERT INTO u9 (a) VALUES (2) RETURNING *;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u9'::regclass ORDER BY adnum;
DISCARD TEMP;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u9'::regclass ORDER BY adnum;
DROP TABLE u9;
DROP SEQUENCE s9;
