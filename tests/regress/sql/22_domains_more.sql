-- Domains, second round (docs/sql-compat.md "Domains"): a domain over another domain checks
-- the constraints of every level, in the innermost domain's first
CREATE DOMAIN dm2_pos AS integer CONSTRAINT dm2_pos_c CHECK (VALUE > 0);
CREATE DOMAIN dm2_small AS dm2_pos CONSTRAINT dm2_small_c CHECK (VALUE < 100);
CREATE DOMAIN dm2_even AS public.dm2_small NOT NULL CHECK (VALUE % 2 = 0);
CREATE DOMAIN dm2_bad AS dm2_pos(3);
SELECT 4::dm2_even, 7::dm2_small, pg_typeof(4::dm2_even), pg_typeof(7::dm2_small);
SELECT 0::dm2_small;
SELECT 200::dm2_small;
SELECT 0::dm2_even;
SELECT 3::dm2_even;
SELECT 102::dm2_even;
SELECT NULL::dm2_even;
SELECT NULL::dm2_small;
CREATE TABLE dm2_t (k int PRIMARY KEY, s dm2_small, e dm2_even);
INSERT INTO dm2_t VALUES (1, 5, 8);
INSERT INTO dm2_t VALUES (2, 0, 8);
INSERT INTO dm2_t VALUES (3, 500, 8);
INSERT INTO dm2_t VALUES (4, 5, 7);
INSERT INTO dm2_t VALUES (5, 5, -2);
INSERT INTO dm2_t VALUES (6, 5, NULL);
INSERT INTO dm2_t (k, s) VALUES (7, 5);
UPDATE dm2_t SET s = 100 WHERE k = 1;
UPDATE dm2_t SET e = 98 WHERE k = 1;
SELECT * FROM dm2_t ORDER BY k;
-- differs: pg_typeof of a domain column is its base type here
SELECT pg_typeof(s), pg_typeof(e) FROM dm2_t;
-- the catalog: typbasetype names the domain below, typtypmod -1, format_type the domain
SELECT t.typname, b.typname AS base, t.typtypmod, t.typnotnull, t.typtype
  FROM pg_type t JOIN pg_type b ON b.oid = t.typbasetype
  WHERE t.typname LIKE 'dm2_%' ORDER BY t.typname;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
  WHERE a.attrelid = 'dm2_t'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT domain_name, data_type, udt_name FROM information_schema.domains
  WHERE domain_name LIKE 'dm2_%' ORDER BY domain_name;
SELECT c.conname, t.typname FROM pg_constraint c JOIN pg_type t ON t.oid = c.contypid
  WHERE t.typname LIKE 'dm2_%' ORDER BY c.conname;
-- a DEFAULT is copied from the domain below when the new one has none
CREATE DOMAIN dm2_d1 AS text DEFAULT 'one';
CREATE DOMAIN dm2_d2 AS dm2_d1;
CREATE DOMAIN dm2_d3 AS dm2_d1 DEFAULT 'three';
-- differs: a domain's DEFAULT and CHECK are kept as libpg_query deparses them (VALUE > 0), PostgreSQL's print casts and upper-case VALUE
SELECT typname, typdefault FROM pg_type WHERE typname LIKE 'dm2_d_' ORDER BY typname;
SELECT typname, typdefault IS NOT NULL FROM pg_type WHERE typname LIKE 'dm2_d_' ORDER BY typname;
CREATE TABLE dm2_dt (k int, a dm2_d2, b dm2_d3);
INSERT INTO dm2_dt (k) VALUES (1);
SELECT * FROM dm2_dt;
-- ALTER DOMAIN of the outer domain rebuilds its columns with every level's checks
ALTER DOMAIN dm2_even ADD CONSTRAINT dm2_even_big CHECK (VALUE > 2);
INSERT INTO dm2_t VALUES (8, 5, 2);
ALTER DOMAIN dm2_even ADD CONSTRAINT dm2_even_huge CHECK (VALUE > 50);
ALTER DOMAIN dm2_even DROP CONSTRAINT dm2_even_big;
INSERT INTO dm2_t VALUES (9, 5, 2);
INSERT INTO dm2_t VALUES (10, 5, 200);
-- DROP of a domain another domain is over: 2BP01
DROP DOMAIN dm2_pos;
DROP DOMAIN dm2_small;
-- ALTER DOMAIN of a domain others are over: their columns follow too
ALTER DOMAIN dm2_pos ADD CONSTRAINT dm2_pos_odd CHECK (VALUE % 2 = 1);
ALTER DOMAIN dm2_pos ADD CONSTRAINT dm2_pos_big CHECK (VALUE < 99);
INSERT INTO dm2_t VALUES (11, 99, 8);
SELECT 99::dm2_even;
ALTER DOMAIN dm2_pos DROP CONSTRAINT dm2_pos_big;
INSERT INTO dm2_t VALUES (11, 99, 8);
ALTER DOMAIN dm2_pos ADD CONSTRAINT dm2_pos_nv CHECK (VALUE < 50) NOT VALID;
ALTER DOMAIN dm2_pos VALIDATE CONSTRAINT dm2_pos_nv;
ALTER DOMAIN dm2_pos RENAME CONSTRAINT dm2_pos_nv TO dm2_pos_nv2;
INSERT INTO dm2_t VALUES (12, 60, 8);
ALTER DOMAIN dm2_pos DROP CONSTRAINT dm2_pos_nv2;
ALTER DOMAIN dm2_pos SET NOT NULL;
ALTER DOMAIN dm2_pos SET DEFAULT 4;
SELECT * FROM dm2_t ORDER BY k;
ALTER DOMAIN dm2_pos DROP NOT NULL;
ALTER DOMAIN dm2_pos DROP DEFAULT;
BEGIN;
-- differs: refused (0A000): ALTER DOMAIN ... RENAME TO of a domain another domain is over
ALTER DOMAIN dm2_pos RENAME TO dm2_posx;
ROLLBACK;
-- PL/pgSQL variables and function parameters of a domain over a domain
DO $$ DECLARE v dm2_small := 5; BEGIN v := v * 2; RAISE NOTICE '%', v; END $$;
DO $$ DECLARE v dm2_small := 5; BEGIN v := v * 100; END $$;
DO $$ DECLARE v dm2_small := 5; BEGIN v := -v; END $$;
CREATE FUNCTION dm2_half(x dm2_even) RETURNS dm2_small LANGUAGE sql AS 'SELECT x / 2';
SELECT dm2_half(8);
SELECT dm2_half(7);
SELECT dm2_half(0);
DROP FUNCTION dm2_half;
DROP TABLE dm2_t, dm2_dt;
DROP DOMAIN dm2_pos, dm2_small, dm2_even;
DROP DOMAIN dm2_d3, dm2_d2, dm2_d1;
-- ALTER DOMAIN ... DROP CONSTRAINT IF EXISTS of a missing constraint (a NOTICE in both)
CREATE DOMAIN dm2_x AS int CHECK (VALUE > 0);
ALTER DOMAIN dm2_x DROP CONSTRAINT IF EXISTS dm2_none;
ALTER DOMAIN dm2_x DROP CONSTRAINT dm2_none;
DROP DOMAIN dm2_x;
-- ALTER DOMAIN ... ADD ... NOT VALID: new values are checked, the rows there are left; VALIDATE
-- checks them (23514 with PostgreSQL's words) and then marks the constraint valid
CREATE DOMAIN dm2_nv AS int;
CREATE TABLE dm2_nvt (k int, v dm2_nv);
INSERT INTO dm2_nvt VALUES (1, 5), (2, -5), (3, NULL);
ALTER DOMAIN dm2_nv ADD CONSTRAINT dm2_nv_pos CHECK (VALUE > 0);
ALTER DOMAIN dm2_nv ADD CONSTRAINT dm2_nv_pos CHECK (VALUE > 0) NOT VALID;
SELECT conname, convalidated FROM pg_constraint WHERE conname = 'dm2_nv_pos';
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'dm2_nv_pos';
SELECT * FROM dm2_nvt ORDER BY k;
INSERT INTO dm2_nvt VALUES (4, -1);
INSERT INTO dm2_nvt VALUES (4, 1);
UPDATE dm2_nvt SET v = -7 WHERE k = 1;
SELECT (-1)::dm2_nv;
ALTER DOMAIN dm2_nv VALIDATE CONSTRAINT dm2_nv_pos;
-- other ALTER DOMAINs leave the rows a NOT VALID constraint refuses
ALTER DOMAIN dm2_nv ADD CONSTRAINT dm2_nv_small CHECK (VALUE < 10);
-- differs: ALTER DOMAIN ... SET/DROP DEFAULT rebuilds the domain's tables, whose copy checks the rows a NOT VALID constraint refuses (23514)
ALTER DOMAIN dm2_nv SET DEFAULT 3;
ALTER DOMAIN dm2_nv DROP DEFAULT;
INSERT INTO dm2_nvt (k) VALUES (5);
ALTER DOMAIN dm2_nv RENAME CONSTRAINT dm2_nv_pos TO dm2_nv_plus;
SELECT conname, convalidated FROM pg_constraint WHERE conname LIKE 'dm2_nv_%' ORDER BY 1;
ALTER DOMAIN dm2_nv VALIDATE CONSTRAINT dm2_nv_plus;
DELETE FROM dm2_nvt WHERE v < 0;
ALTER DOMAIN dm2_nv VALIDATE CONSTRAINT dm2_nv_plus;
ALTER DOMAIN dm2_nv SET DEFAULT 3;
INSERT INTO dm2_nvt (k) VALUES (6);
SELECT conname, convalidated FROM pg_constraint WHERE conname LIKE 'dm2_nv_%' ORDER BY 1;
ALTER DOMAIN dm2_nv VALIDATE CONSTRAINT dm2_nv_none;
ALTER DOMAIN dm2_nv DROP CONSTRAINT dm2_nv_small;
SELECT * FROM dm2_nvt ORDER BY k;
-- a constraint dropped while it is not valid
ALTER DOMAIN dm2_nv ADD CONSTRAINT dm2_nv_odd CHECK (VALUE % 2 = 1) NOT VALID;
ALTER DOMAIN dm2_nv DROP CONSTRAINT dm2_nv_odd;
SELECT conname, convalidated FROM pg_constraint WHERE conname LIKE 'dm2_nv_%' ORDER BY 1;
DROP TABLE dm2_nvt;
DROP DOMAIN dm2_nv;
-- information_schema: column_domain_usage, domain_udt_usage, columns of a domain over a domain
CREATE DOMAIN dm2_iu AS varchar(8) CHECK (VALUE <> '');
CREATE DOMAIN dm2_iu2 AS dm2_iu;
CREATE DOMAIN dm2_iua AS text[];
CREATE TABLE dm2_it (k int, a dm2_iu, b dm2_iu2, c dm2_iua);
SELECT * FROM information_schema.column_domain_usage WHERE domain_name LIKE 'dm2_%'
  ORDER BY table_name, column_name;
SELECT * FROM information_schema.domain_udt_usage WHERE domain_name LIKE 'dm2_%'
  ORDER BY domain_name;
SELECT column_name, data_type, domain_name, udt_schema, udt_name, character_maximum_length
  FROM information_schema.columns WHERE table_name = 'dm2_it' ORDER BY ordinal_position;
DROP TABLE dm2_it;
DROP DOMAIN dm2_iu2, dm2_iu, dm2_iua;
-- a domain among a function's result columns (SETOF d, RETURNS TABLE, OUT): each value checked
CREATE DOMAIN dm2_rpos AS int CHECK (VALUE > 0);
CREATE FUNCTION dm2_set(n int, d int) RETURNS SETOF dm2_rpos LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..n LOOP RETURN NEXT n - i + d; END LOOP; END $$;
SELECT * FROM dm2_set(3, 1);
SELECT * FROM dm2_set(3, 0);
SELECT dm2_set(2, 1);
CREATE FUNCTION dm2_tab(n int) RETURNS TABLE (k int, v dm2_rpos) LANGUAGE sql AS $$ SELECT g, 3 - g FROM generate_series(1, n) g $$;
SELECT * FROM dm2_tab(2);
SELECT * FROM dm2_tab(3);
-- differs: pg_typeof of a function's domain result column is its base type here
SELECT pg_typeof(v) FROM dm2_tab(1);
CREATE FUNCTION dm2_q(x int) RETURNS TABLE (v dm2_rpos) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT (y - x)::dm2_rpos FROM (VALUES (1), (2)) t(y); END $$;
SELECT * FROM dm2_q(0);
SELECT * FROM dm2_q(1);
CREATE FUNCTION dm2_out(x int, OUT a int, OUT b dm2_rpos) LANGUAGE sql AS $$ SELECT 1, x $$;
SELECT * FROM dm2_out(4);
SELECT * FROM dm2_out(-4);
CREATE FUNCTION dm2_pout(x int, OUT a int, OUT b dm2_rpos) LANGUAGE plpgsql AS $$ BEGIN a := 1; b := x; END $$;
SELECT * FROM dm2_pout(4);
SELECT * FROM dm2_pout(-4);
CREATE FUNCTION dm2_qb() RETURNS TABLE (v dm2_rpos) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 1; END $$;
-- differs: RETURN QUERY of a column of the domain's base type is checked against the domain here; PostgreSQL wants the domain itself (42804)
SELECT * FROM dm2_qb();
SELECT proname, proallargtypes::regtype[]::text FROM pg_proc WHERE proname = 'dm2_tab';
DROP FUNCTION dm2_set, dm2_tab, dm2_q, dm2_out, dm2_pout, dm2_qb;
DROP DOMAIN dm2_rpos;
-- COLLATE in CREATE DOMAIN: the collations shardlite's columns have ("C", "POSIX")
CREATE DOMAIN dm2_c AS text COLLATE "C" CHECK (VALUE <> '');
CREATE DOMAIN dm2_cp AS varchar(4) COLLATE "POSIX";
CREATE DOMAIN dm2_bad AS int COLLATE "C";
CREATE DOMAIN dm2_bad AS dm2_pos2 COLLATE "C";
CREATE TABLE dm2_ct (k int, v dm2_c, w dm2_cp);
INSERT INTO dm2_ct VALUES (1, 'b', 'ab'), (2, 'B', 'Ab'), (3, 'a', 'abc');
INSERT INTO dm2_ct VALUES (4, '', 'x');
INSERT INTO dm2_ct VALUES (4, 'x', 'abcde');
SELECT v, w FROM dm2_ct ORDER BY v;
SELECT 'x'::dm2_c < 'y'::dm2_c, pg_typeof('x'::dm2_cp);
-- differs: pg_type.typcollation of a domain declared COLLATE "C" is the default collation's (100) here, as a column's COLLATE "C" (PostgreSQL: 950)
SELECT typname, typcollation FROM pg_type WHERE typname = 'dm2_c';
DROP TABLE dm2_ct;
DROP DOMAIN dm2_c, dm2_cp;
-- a domain over an enum (its CHECKs on a column are refused as an enum column's ordering is)
CREATE TYPE dm2_mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN dm2_good AS dm2_mood CHECK (VALUE <> 'sad');
CREATE DOMAIN dm2_good2 AS dm2_good NOT NULL;
CREATE DOMAIN dm2_anymood AS dm2_mood NOT NULL DEFAULT 'ok';
SELECT 'ok'::dm2_good, pg_typeof('ok'::dm2_good), 'happy'::dm2_good2;
SELECT 'sad'::dm2_good;
SELECT 'sad'::dm2_good2;
SELECT NULL::dm2_good2;
SELECT 'nope'::dm2_good;
-- differs: ordering operators of a domain over an enum are the enum's here; PostgreSQL finds none (42883)
SELECT 'happy'::dm2_good > 'ok'::dm2_mood;
CREATE TABLE dm2_em (k int, m dm2_anymood);
INSERT INTO dm2_em VALUES (1, 'happy');
INSERT INTO dm2_em (k) VALUES (2);
INSERT INTO dm2_em VALUES (3, 'sad');
INSERT INTO dm2_em VALUES (4, 'nope');
INSERT INTO dm2_em VALUES (5, NULL);
SELECT * FROM dm2_em ORDER BY m;
SELECT * FROM dm2_em WHERE m::dm2_mood = 'ok' ORDER BY k;
SELECT t.typname, b.typname, t.typcategory, t.typlen, t.typbyval, t.typnotnull FROM pg_type t JOIN pg_type b ON b.oid = t.typbasetype WHERE t.typname LIKE 'dm2\_%' ORDER BY 1;
SELECT domain_name, data_type, udt_name FROM information_schema.domains WHERE domain_name LIKE 'dm2\_%' ORDER BY 1;
SELECT column_name, data_type, domain_name, udt_name FROM information_schema.columns WHERE table_name = 'dm2_em' ORDER BY ordinal_position;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'dm2_em'::regclass AND attnum > 0 ORDER BY attnum;
DROP TYPE dm2_mood;
ALTER TYPE dm2_mood ADD VALUE 'great';
SELECT 'great'::dm2_good;
BEGIN;
-- differs: refused (0A000): ALTER TYPE ... RENAME TO of an enum a domain is over
ALTER TYPE dm2_mood RENAME TO dm2_feel;
ROLLBACK;
DROP TABLE dm2_em;
DROP DOMAIN dm2_good2, dm2_good, dm2_anymood;
DROP TYPE dm2_mood;
-- a numeric domain's CHECKs over a cast's exact value (decimal text) compare numbers
CREATE DOMAIN dm2_price AS numeric(8,2) CHECK (VALUE < 100) CHECK (VALUE >= 0.5);
SELECT 2.25::dm2_price, 99.99::dm2_price, CAST('7.5' AS dm2_price);
SELECT 100::dm2_price;
SELECT 0.49::dm2_price;
SELECT (x * 2)::dm2_price FROM (VALUES (1.25), (30.5)) v(x);
DO $$ DECLARE p dm2_price := 3.5; BEGIN p := p * 2; RAISE NOTICE '%', p; p := p * 100; END $$;
DROP DOMAIN dm2_price;
-- a domain over an array, and one over that
CREATE DOMAIN dm2_tags AS text[] CHECK (cardinality(VALUE) < 3) CHECK (array_position(VALUE, '') IS NULL);
CREATE DOMAIN dm2_tags2 AS dm2_tags CHECK (VALUE[1] <> 'q');
CREATE TABLE dm2_tg (k int, t dm2_tags, u dm2_tags2);
INSERT INTO dm2_tg VALUES (1, '{a,b}', '{b}');
INSERT INTO dm2_tg VALUES (2, '{a,b,c}', NULL);
INSERT INTO dm2_tg VALUES (3, ARRAY['x', ''], NULL);
INSERT INTO dm2_tg VALUES (4, NULL, '{q}');
INSERT INTO dm2_tg VALUES (5, NULL, '{a,b,c}');
SELECT '{a}'::dm2_tags, '{a,b,c}'::dm2_tags;
SELECT '{q,r}'::dm2_tags2;
SELECT t, t[1], u FROM dm2_tg;
UPDATE dm2_tg SET t = t || 'z'::text;
SELECT * FROM dm2_tg;
DROP TABLE dm2_tg;
DROP DOMAIN dm2_tags2, dm2_tags;
-- a table rebuild over rows a NOT VALID domain constraint refuses
CREATE DOMAIN dm2_nv2 AS numeric(12,2);
CREATE TABLE dm2_nvk (id int, m dm2_nv2);
INSERT INTO dm2_nvk VALUES (1, -1.5);
ALTER DOMAIN dm2_nv2 ADD CONSTRAINT dm2_nv2_nonneg CHECK (VALUE >= 0) NOT VALID;
-- differs: a table rebuild (ADD PRIMARY KEY, ALTER COLUMN TYPE ...) copies the rows, and so checks those a NOT VALID domain constraint refuses (23514)
ALTER TABLE dm2_nvk ADD PRIMARY KEY (id);
DROP TABLE dm2_nvk;
DROP DOMAIN dm2_nv2;
