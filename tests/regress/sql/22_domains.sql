-- Domains (docs/sql-compat.md): DROP DOMAIN of a name that is no domain answers as PostgreSQL
-- does (pg_dump --clean --if-exists writes DROP DOMAIN IF EXISTS for each domain).
DROP DOMAIN IF EXISTS dm_none;
DROP DOMAIN IF EXISTS dm_none, dm_other CASCADE;
DROP DOMAIN IF EXISTS public.dm_none RESTRICT;
DROP DOMAIN dm_none;
DROP DOMAIN dm_none CASCADE;
DROP DOMAIN integer;
DROP DOMAIN IF EXISTS text;
DROP DOMAIN int4[];
DROP DOMAIN serial;
CREATE TYPE dm_mood AS ENUM ('a', 'b');
DROP DOMAIN dm_mood;
DROP DOMAIN IF EXISTS dm_mood;
CREATE TABLE dm_t (k int);
DROP DOMAIN dm_t;
DROP TABLE dm_t;
DROP TYPE dm_mood;
DROP DOMAIN IF EXISTS dm_mood;
-- CREATE DOMAIN over built-in types, with NOT NULL, DEFAULT and CHECK constraints
CREATE DOMAIN dm_email AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE DOMAIN dm_posint AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN dm_money2 AS numeric(12,2);
CREATE DOMAIN dm_code varchar(3);
CREATE DOMAIN public.dm_small AS int CONSTRAINT dm_pos CHECK (VALUE > 0) CONSTRAINT dm_nn NOT NULL CHECK (VALUE < 10);
CREATE DOMAIN dm_twice AS text DEFAULT 'x' CHECK (VALUE <> '') CHECK (length(VALUE) < 5);
CREATE DOMAIN dm_opt AS bigint NULL;
CREATE DOMAIN dm_email AS text;
CREATE DOMAIN dm_bad AS nosuch;
CREATE DOMAIN dm_bad AS serial;
CREATE DOMAIN dm_bad AS int NULL NOT NULL;
CREATE DOMAIN dm_bad AS int DEFAULT 1 DEFAULT 2;
CREATE DOMAIN dm_bad AS int DEFAULT 'abc';
CREATE DOMAIN dm_bad AS int UNIQUE;
CREATE DOMAIN dm_bad AS int PRIMARY KEY;
CREATE DOMAIN dm_bad AS int CHECK (VALUE > 0) NO INHERIT;
CREATE DOMAIN dm_bad AS int CHECK (VALUE > 0) DEFERRABLE;
CREATE DOMAIN dm_bad AS int CHECK (x > 0);
CREATE DOMAIN dm_bad AS int CHECK (VALUE);
CREATE DOMAIN dm_bad AS text CHECK (length(VALUE) > 'a');
CREATE DOMAIN dm_bad AS text CONSTRAINT c1 CHECK (VALUE <> 'a') CONSTRAINT c1 CHECK (VALUE <> 'b');
CREATE DOMAIN dm_bad AS int CHECK (VALUE > (SELECT 1));
CREATE TYPE dm_email AS ENUM ('a');
-- casts: the value checked, the base type's OID in RowDescription
SELECT 'a@b'::dm_email, 3::dm_posint, 1.234::dm_money2, 'abcd'::dm_code, CAST('7' AS dm_small);
SELECT NULL::dm_email, NULL::dm_money2, 5::dm_posint + 1;
SELECT 'x'::dm_email;
SELECT 0::dm_posint;
SELECT NULL::dm_posint;
SELECT CAST(NULL AS dm_small);
SELECT 10::dm_small;
SELECT ''::dm_twice;
SELECT 'abcdef'::dm_twice;
SELECT (k - 2)::dm_posint FROM (VALUES (3), (4)) v(k);
SELECT (k - 5)::dm_posint FROM (VALUES (3), (4)) v(k);
SELECT sum(k)::dm_posint FROM (VALUES (3), (4)) v(k);
SELECT 1::dm_email(3);
CREATE TABLE dm_ctas AS SELECT 0::dm_posint AS a;
CREATE VIEW dm_view AS SELECT (k - 3)::dm_posint AS a FROM (VALUES (3), (4)) v(k);
SELECT * FROM dm_view;
DROP VIEW dm_view;
-- columns: the domain's constraints on INSERT and UPDATE (COPY: tests/integration/test_copy_psql.sh), its default without one of the column's
CREATE TABLE dm_u (id int, e dm_email, p dm_posint, m dm_money2, c dm_code, t dm_twice DEFAULT 'yy');
INSERT INTO dm_u VALUES (1, 'a@b', 5, 1.234, 'ab', 'z');
INSERT INTO dm_u (id) VALUES (2);
INSERT INTO dm_u (id, e) VALUES (3, 'bad');
INSERT INTO dm_u (id, p) VALUES (3, 0);
INSERT INTO dm_u (id, p) VALUES (3, NULL);
INSERT INTO dm_u (id, c) VALUES (3, 'abcd');
INSERT INTO dm_u (id, t) VALUES (3, '');
UPDATE dm_u SET p = -1;
UPDATE dm_u SET p = p + 1 RETURNING id, p;
INSERT INTO dm_u (id, p) SELECT 7, k FROM (VALUES (0)) v(k);
INSERT INTO dm_u (id, e) VALUES (8, 'a@b'), (9, 'b');
SELECT * FROM dm_u ORDER BY id;
ALTER TABLE dm_u ADD COLUMN s dm_small;
ALTER TABLE dm_u ADD COLUMN q dm_posint;
SELECT id, q FROM dm_u ORDER BY id;
INSERT INTO dm_u (id, q) VALUES (6, 0);
CREATE TABLE dm_v (k int, n dm_small);
INSERT INTO dm_v VALUES (1, 2);
INSERT INTO dm_v (k) VALUES (2);
CREATE TABLE dm_x (k int, p dm_posint DEFAULT 9);
ALTER TABLE dm_x ALTER COLUMN p DROP DEFAULT;
INSERT INTO dm_x (k) VALUES (1);
ALTER TABLE dm_x ALTER COLUMN p SET DEFAULT 3;
INSERT INTO dm_x (k) VALUES (2);
-- differs: refused (0A000): DROP DEFAULT of a column whose domain has a default, among other actions
ALTER TABLE dm_x ALTER COLUMN p DROP DEFAULT, ALTER COLUMN k SET DEFAULT 0;
SELECT * FROM dm_x ORDER BY k;
DROP TABLE dm_x;
-- catalog: pg_type, pg_constraint, pg_attribute, format_type, information_schema
SELECT typname, typtype, typbasetype::regtype, typtypmod, typnotnull, typdefault IS NOT NULL, typlen, typbyval, typcategory, typinput, typoutput, typalign, typstorage, typcollation
FROM pg_type WHERE typname LIKE 'dm\_%' AND typtype = 'd' ORDER BY 1;
SELECT t.typname, a.typname, a.typelem = t.oid, a.typcategory FROM pg_type t JOIN pg_type a ON a.oid = t.typarray WHERE t.typtype = 'd' AND t.typname LIKE 'dm\_%' ORDER BY 1;
SELECT c.conname, c.contype, c.contypid::regtype, c.conrelid FROM pg_constraint c WHERE c.contypid <> 0 AND c.conname NOT IN ('cardinal_number_domain_check', 'yes_or_no_check') ORDER BY 1;
SELECT conname FROM pg_constraint WHERE conrelid = 'dm_u'::regclass;
SELECT attname, atttypid::regtype, atttypmod, attnotnull, atthasdef FROM pg_attribute WHERE attrelid = 'dm_u'::regclass AND attnum > 0 ORDER BY attnum;
SELECT format_type('dm_email'::regtype, NULL), format_type('dm_money2'::regtype, -1), 'dm_posint'::regtype::oid = (SELECT oid FROM pg_type WHERE typname = 'dm_posint');
SELECT column_name, data_type, domain_name, udt_name, numeric_precision, character_maximum_length FROM information_schema.columns WHERE table_name = 'dm_u' ORDER BY ordinal_position;
SELECT domain_name, data_type, character_maximum_length, numeric_precision, numeric_scale, udt_name, domain_default IS NOT NULL FROM information_schema.domains WHERE domain_schema = 'public' ORDER BY 1;
SELECT constraint_name, domain_name, is_deferrable, initially_deferred FROM information_schema.domain_constraints WHERE domain_schema = 'public' ORDER BY 1;
-- psql's \dD and \d
SELECT n.nspname as "Schema", t.typname as "Name", pg_catalog.format_type(t.typbasetype, t.typtypmod) as "Type",
 (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type bt WHERE c.oid = t.typcollation AND bt.oid = t.typbasetype AND t.typcollation <> bt.typcollation) as "Collation",
 CASE WHEN t.typnotnull THEN 'not null' END as "Nullable"
FROM pg_catalog.pg_type t LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd' AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' AND pg_catalog.pg_type_is_visible(t.oid)
ORDER BY 1, 2;
SELECT t.typname, t.typdefault, pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.pg_get_constraintdef(r.oid, true) FROM pg_catalog.pg_constraint r WHERE t.oid = r.contypid), ' ') FROM pg_type t WHERE t.typname IN ('dm_email', 'dm_small') ORDER BY 1;
SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
 (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) FROM pg_catalog.pg_attrdef d WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef)
FROM pg_catalog.pg_attribute a WHERE a.attrelid = 'dm_u'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
-- not carried (0A000, unit tests): a PREPARE argument
-- a PL/pgSQL variable of a domain: each assignment checked (23514, 23502; a NOT NULL domain's variable without a default fails on entry)
DO $$ DECLARE x dm_posint := 5; BEGIN x := x - 1; RAISE NOTICE 'x=%', x; END $$;
DO $$ DECLARE x dm_posint := 5; BEGIN x := 0; END $$;
DO $$ DECLARE x dm_posint := 5; BEGIN x := NULL; END $$;
DO $$ DECLARE x dm_posint; BEGIN x := 2; END $$;
DO $$ DECLARE e dm_email; BEGIN e := 'a@b'; e := NULL; e := 'nope'; END $$;
DO $$ DECLARE c dm_code := 'ab'; BEGIN c := 'abcd'; END $$;
DO $$ DECLARE e dm_email := 'x'; BEGIN NULL; END $$;
DO $$ DECLARE n dm_posint := 3; BEGIN SELECT 0 INTO n; END $$;
DO $$ DECLARE n dm_posint := 3; BEGIN FOR n IN 1..2 LOOP RAISE NOTICE 'n=%', n; END LOOP; END $$;
-- differs: refused (0A000): an array of a domain as a PL/pgSQL variable's type
DO $$ DECLARE x dm_posint[]; BEGIN NULL; END $$;
-- a domain as a function's parameter or result type: the argument and the value returned checked
CREATE FUNCTION dm_next(p dm_posint) RETURNS dm_posint LANGUAGE plpgsql AS $$ BEGIN RETURN p - 1; END $$;
CREATE FUNCTION dm_mail(u text, h text) RETURNS dm_email LANGUAGE plpgsql AS $$ BEGIN RETURN u || h; END $$;
CREATE FUNCTION dm_host(e dm_email) RETURNS text LANGUAGE sql AS $$ SELECT split_part(e, '@', 2) $$;
SELECT dm_next(5), dm_mail('a@', 'b'), dm_host('a@b');
SELECT dm_next(1);
SELECT dm_next(0);
SELECT dm_next(NULL);
SELECT dm_mail('a', 'b');
SELECT dm_host('nope');
SELECT dm_host(NULL);
SELECT proname, pg_get_function_arguments(oid), pg_get_function_result(oid) FROM pg_proc WHERE proname LIKE 'dm\_%' ORDER BY 1;
-- differs: arrays have no explicit lower bounds here: an oidvector's regtype[] prints {text,integer}, not [0:1]={text,integer}
SELECT proname, proargtypes::regtype[]::text, prorettype::regtype FROM pg_proc WHERE proname LIKE 'dm\_%' ORDER BY 1;
SELECT proname, proargtypes[0]::regtype, prorettype::regtype FROM pg_proc WHERE proname LIKE 'dm\_%' ORDER BY 1;
-- DROP DOMAIN of a domain a function uses: 2BP01
DROP DOMAIN dm_email;
CREATE FUNCTION dm_set() RETURNS SETOF dm_email LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT 'a@b'; END $$;
CREATE FUNCTION dm_tab() RETURNS TABLE (e dm_email, n int) LANGUAGE sql AS $$ SELECT 'a@b', 1 $$;
DROP FUNCTION dm_next(dm_posint);
SELECT * FROM dm_set(), dm_tab();
DROP FUNCTION dm_mail, dm_host, dm_set, dm_tab;
-- pg_typeof of a cast to a domain names the domain; an expression over a domain value is of the base type
SELECT pg_typeof(5::dm_posint), pg_typeof(CAST(NULL AS public.dm_email)), pg_typeof(5::dm_posint + 1), pg_typeof('ab'::dm_code);
SELECT pg_typeof(x::dm_posint) FROM (VALUES (1), (2)) v(x);
-- ALTER DOMAIN ... OWNER TO the session's user (pg_dump writes one per domain)
ALTER DOMAIN dm_money2 OWNER TO CURRENT_USER;
ALTER DOMAIN dm_none OWNER TO CURRENT_USER;
-- ALTER DOMAIN: the columns of the domain follow (their rows checked against the change)
CREATE TABLE dm_w (k int, p dm_posint, e dm_email, q dm_posint DEFAULT 9);
INSERT INTO dm_w (k) VALUES (1);
INSERT INTO dm_w (k, e) VALUES (2, 'x@y');
ALTER DOMAIN dm_posint SET DEFAULT 5;
INSERT INTO dm_w (k) VALUES (3);
SELECT * FROM dm_w ORDER BY k;
ALTER DOMAIN dm_posint DROP DEFAULT;
INSERT INTO dm_w (k) VALUES (4);
ALTER DOMAIN dm_posint DROP NOT NULL;
INSERT INTO dm_w (k) VALUES (4);
ALTER DOMAIN dm_posint SET NOT NULL;
DELETE FROM dm_w WHERE k = 4;
ALTER DOMAIN dm_posint SET NOT NULL;
ALTER DOMAIN dm_email ADD CONSTRAINT dm_has_dot CHECK (VALUE ~ '[.]');
ALTER DOMAIN dm_email ADD CHECK (length(VALUE) > 1);
ALTER DOMAIN dm_email ADD CONSTRAINT dm_long CHECK (length(VALUE) > 1);
ALTER DOMAIN dm_email ADD CONSTRAINT dm_long CHECK (length(VALUE) > 1);
ALTER DOMAIN dm_email ADD UNIQUE (VALUE);
INSERT INTO dm_w (k, e) VALUES (5, 'z');
INSERT INTO dm_w (k, e) VALUES (5, 'z@q');
ALTER DOMAIN dm_email DROP CONSTRAINT dm_long;
ALTER DOMAIN dm_email DROP CONSTRAINT dm_long;
ALTER DOMAIN dm_email DROP CONSTRAINT IF EXISTS dm_long;
ALTER DOMAIN dm_email VALIDATE CONSTRAINT dm_email_check;
ALTER DOMAIN dm_email VALIDATE CONSTRAINT dm_none;
ALTER DOMAIN dm_email RENAME CONSTRAINT dm_email_check TO dm_at;
ALTER DOMAIN dm_email RENAME CONSTRAINT dm_none TO dm_x;
INSERT INTO dm_w (k, e) VALUES (6, 'q');
ALTER DOMAIN dm_posint ADD CONSTRAINT dm_tiny CHECK (VALUE < 3);
ALTER DOMAIN dm_none SET NOT NULL;
ALTER DOMAIN dm_mood2 SET NOT NULL;
ALTER DOMAIN dm_twice RENAME TO dm_posint;
ALTER DOMAIN dm_twice RENAME TO dm_thrice;
SELECT 'a'::dm_thrice;
SELECT conname, contypid::regtype FROM pg_constraint WHERE contypid IN ('dm_email'::regtype, 'dm_thrice'::regtype) ORDER BY 1;
SELECT typname, typnotnull, typdefault IS NULL FROM pg_type WHERE typname IN ('dm_posint', 'dm_thrice') ORDER BY 1;
SELECT * FROM dm_w ORDER BY k;
DROP TABLE dm_w;
-- DROP DOMAIN: 2BP01 while a column uses it, CASCADE drops the columns, DROP TYPE drops one too
DROP DOMAIN dm_email;
DROP DOMAIN dm_email CASCADE;
SELECT column_name FROM information_schema.columns WHERE table_name = 'dm_u' ORDER BY ordinal_position;
DROP DOMAIN dm_email;
DROP DOMAIN IF EXISTS dm_email;
DROP TYPE dm_small;
DROP TYPE dm_small CASCADE;
DROP DOMAIN dm_small;
DROP TABLE dm_u, dm_v;
DROP DOMAIN dm_posint, dm_money2, dm_code;
DROP DOMAIN dm_thrice, dm_opt RESTRICT;
SELECT count(*) FROM pg_type WHERE typname LIKE 'dm\_%';
-- CREATE TABLE ... (LIKE t) of a table with columns of domains: the columns are of the domains (their rules, and the domain's DEFAULT unless a default of their own is copied)
CREATE DOMAIN lk_pos AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN lk_mail AS text CHECK (VALUE ~ '@');
CREATE TABLE lk_src (id int PRIMARY KEY, n lk_pos, m lk_mail, o lk_pos DEFAULT 7);
CREATE TABLE lk_a (LIKE lk_src);
CREATE TABLE lk_b (LIKE lk_src INCLUDING DEFAULTS);
CREATE TEMP TABLE lk_t (LIKE lk_src INCLUDING ALL);
CREATE TEMP TABLE lk_t2 (LIKE lk_t);
INSERT INTO lk_t2 (id, n) VALUES (1, -1);
INSERT INTO lk_a (id) VALUES (1);
INSERT INTO lk_b (id) VALUES (1);
INSERT INTO lk_t (id) VALUES (1);
SELECT * FROM lk_a;
SELECT * FROM lk_b;
SELECT * FROM lk_t;
INSERT INTO lk_a (id, n) VALUES (2, 0);
INSERT INTO lk_a (id, m) VALUES (3, 'x');
INSERT INTO lk_b (id, n) VALUES (2, NULL);
INSERT INTO lk_t (id, m) VALUES (2, 'x');
UPDATE lk_b SET o = -1;
SELECT a.attrelid::regclass, a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid IN ('lk_a'::regclass, 'lk_b'::regclass) AND a.attnum > 0 ORDER BY 1, a.attnum;
SELECT table_name, column_name, domain_name FROM information_schema.columns WHERE table_name IN ('lk_a', 'lk_b') AND domain_name IS NOT NULL ORDER BY 1, 2;
ALTER DOMAIN lk_mail ADD CONSTRAINT lk_dot CHECK (VALUE ~ '[.]');
INSERT INTO lk_a (id, m) VALUES (4, 'a@b');
INSERT INTO lk_a (id, m) VALUES (4, 'a@b.c');
DROP DOMAIN lk_mail;
DROP TABLE lk_src, lk_a, lk_b, lk_t, lk_t2;
DROP DOMAIN lk_pos, lk_mail;
-- ALTER COLUMN ... TYPE to a domain (each row's value checked, the domain's DEFAULT unless the column has one), from a domain (its rules gone), USING
CREATE DOMAIN at_pos AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
CREATE DOMAIN at_mail AS text CHECK (VALUE ~ '@');
CREATE TABLE at_t (id int PRIMARY KEY, a int, b text, c at_pos, d at_mail DEFAULT 'x@y');
INSERT INTO at_t VALUES (1, 5, 'p@q', 3, 'a@b'), (2, 7, 'r@s', 4, NULL);
ALTER TABLE at_t ALTER COLUMN a TYPE at_pos;
ALTER TABLE at_t ALTER COLUMN b TYPE at_mail;
INSERT INTO at_t (id, b) VALUES (3, 'zz');
INSERT INTO at_t (id, a) VALUES (3, 0);
INSERT INTO at_t (id) VALUES (3);
SELECT * FROM at_t ORDER BY id;
ALTER TABLE at_t ALTER COLUMN c TYPE bigint;
ALTER TABLE at_t ALTER COLUMN d TYPE varchar(10);
INSERT INTO at_t (id, c, d) VALUES (4, NULL, 'nope');
INSERT INTO at_t (id, c, d) VALUES (5, -1, DEFAULT);
SELECT * FROM at_t ORDER BY id;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'at_t'::regclass AND attnum > 0 ORDER BY attnum;
SELECT column_name, domain_name FROM information_schema.columns WHERE table_name = 'at_t' ORDER BY ordinal_position;
UPDATE at_t SET a = 0 WHERE id = 1;
ALTER TABLE at_t ALTER COLUMN c TYPE at_pos;
DELETE FROM at_t WHERE c IS NULL OR c < 1;
ALTER TABLE at_t ALTER COLUMN c TYPE at_pos;
ALTER TABLE at_t ALTER COLUMN d TYPE at_mail USING d || '@';
SELECT * FROM at_t ORDER BY id;
-- differs: refused (0A000): ALTER COLUMN TYPE to or from a domain among other actions of one ALTER TABLE
ALTER TABLE at_t ALTER COLUMN a TYPE text, ALTER COLUMN b SET DEFAULT 'q@r';
ALTER DOMAIN at_pos ADD CONSTRAINT at_small CHECK (VALUE < 100);
UPDATE at_t SET c = 100;
DROP TABLE at_t;
DROP DOMAIN at_pos, at_mail;
