-- regclass, regtype and regnamespace as the types of routine parameters, results and PL/pgSQL
-- variables: the value shows as its name everywhere (RAISE, format, ||, ::text, a result
-- column), a name or OID argument is read by the input function, and comparisons are the
-- OIDs'. Diesel's initial migration (00000000000000_diesel_initial_setup/up.sql) whole.
CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS VOID AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                    FOR EACH ROW EXECUTE PROCEDURE diesel_set_updated_at()', _tbl);
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION diesel_set_updated_at() RETURNS trigger AS $$
BEGIN
    IF (
        NEW IS DISTINCT FROM OLD AND
        NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at
    ) THEN
        NEW.updated_at := current_timestamp;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE users (id int PRIMARY KEY, name text, updated_at timestamp NOT NULL DEFAULT '2000-01-01');
SELECT diesel_manage_updated_at('users');
INSERT INTO users (id, name) VALUES (1, 'a'), (2, 'b');
UPDATE users SET name = 'a2' WHERE id = 1;
SELECT id, name, updated_at > '2020-01-01' AS bumped FROM users ORDER BY id;
UPDATE users SET name = 'b2', updated_at = '2010-01-01' WHERE id = 2;
UPDATE users SET name = name WHERE id = 1;
SELECT id, name, updated_at = '2010-01-01' AS kept FROM users ORDER BY id;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'users'::regclass;
CREATE TABLE "Mixed" (id int, updated_at timestamp);
SELECT diesel_manage_updated_at('"Mixed"');
SELECT tgname FROM pg_trigger WHERE tgrelid = '"Mixed"'::regclass;
SELECT diesel_manage_updated_at('nosuch');
SELECT diesel_manage_updated_at('users'::regclass);
-- a regclass parameter and variable shown: RAISE, ||, ::text, format, a result column
CREATE FUNCTION rc_show(_t regclass) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r regclass := _t;
BEGIN
  RAISE NOTICE 'tbl % and %', _t, r;
  RETURN _t::text || '/' || r || '/' || format('%I|%s', _t, r) || '/' || concat(r, '!');
END $$;
SELECT rc_show('users'), rc_show('public.users'), rc_show('"Mixed"');
SELECT rc_show((SELECT oid FROM pg_class WHERE relname = 'users'));
SELECT rc_show('nosuch');
CREATE FUNCTION rc_id(_t regclass) RETURNS regclass LANGUAGE sql AS $$ SELECT _t $$;
SELECT rc_id('users'), rc_id('public.users')::text, rc_id('users') = 'users'::regclass;
CREATE FUNCTION rc_txt(_t regclass) RETURNS text LANGUAGE sql AS $$ SELECT _t::text $$;
SELECT rc_txt('users'), rc_txt('"Mixed"');
CREATE FUNCTION rc_ret(name text) RETURNS regclass LANGUAGE plpgsql AS $$
DECLARE r regclass;
BEGIN
  r := name;
  RETURN r;
END $$;
SELECT rc_ret('users'), rc_ret('public.users');
SELECT rc_ret('nosuch');
-- comparisons: with the OID, with another regclass, with a name literal
CREATE FUNCTION rc_cmp(_t regclass) RETURNS text LANGUAGE plpgsql AS $$
DECLARE o oid;
BEGIN
  SELECT c.oid INTO o FROM pg_class c WHERE c.relname = 'users';
  RETURN concat_ws(',', _t = 'users'::regclass, _t = o, _t::oid = o, _t = '1259', _t <> '"Mixed"'::regclass, _t IS NULL);
END $$;
SELECT rc_cmp('users'), rc_cmp('"Mixed"');
CREATE FUNCTION rc_cmp2(_t regclass) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RETURN _t = 'users'; END $$;
SELECT rc_cmp2('users');
DROP FUNCTION rc_cmp2(regclass);
CREATE FUNCTION rc_cnt(_t regclass) RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM pg_attribute WHERE attrelid = _t AND attnum > 0 $$;
SELECT rc_cnt('users'), rc_cnt('"Mixed"');
-- regtype and regnamespace parameters
CREATE FUNCTION rt_show(_t regtype, _n regnamespace) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN _t || ' in ' || _n::text;
END $$;
SELECT rt_show('int4', 'public'), rt_show('character varying', 'pg_catalog');
SELECT rt_show('nosuch', 'public');
SELECT rt_show('int4', 'nosuch');
CREATE FUNCTION rt_id(_t regtype) RETURNS regtype LANGUAGE sql AS $$ SELECT _t $$;
SELECT rt_id('integer'), rt_id('int8') = 'bigint'::regtype;
-- a prepared statement's regclass parameter, OUT parameters, DO blocks, SETOF, RETURN of a name
PREPARE rc_p(regclass) AS SELECT $1, $1::oid > 0;
EXECUTE rc_p('users');
EXECUTE rc_p('nosuch');
DEALLOCATE rc_p;
CREATE FUNCTION rc_out(_t regclass, OUT r regclass, OUT n text) LANGUAGE plpgsql AS $$ BEGIN r := _t; n := r::text; END $$;
SELECT * FROM rc_out('public.users');
DO $$ DECLARE r regclass := 'users'; BEGIN RAISE NOTICE '% %', r, r::oid > 0; END $$;
DO $$ DECLARE r regclass; BEGIN SELECT 'users'::regclass INTO r; RAISE NOTICE '%', r; EXECUTE 'SELECT count(*) FROM ' || r; END $$;
DO $$ DECLARE r regtype := 'int4'; n regnamespace := 'pg_catalog'; BEGIN RAISE NOTICE '% %', r, n; END $$;
DO $$ DECLARE r regclass := 'nosuch'; BEGIN RAISE NOTICE '%', r; END $$;
DO $$ DECLARE a regproc; BEGIN SELECT typinput INTO a FROM pg_type WHERE typname = 'int4'; RAISE NOTICE '%', a; END $$;
CREATE FUNCTION rc_set() RETURNS SETOF regclass LANGUAGE sql AS $$ SELECT 'users'::regclass UNION ALL SELECT '"Mixed"'::regclass $$;
SELECT * FROM rc_set() AS s;
-- differs: ORDER BY a regclass a function returns sorts by the name it shows, PostgreSQL by the OID
SELECT * FROM rc_set() AS s ORDER BY 1;
CREATE FUNCTION rc_lit(_t regclass) RETURNS regclass LANGUAGE plpgsql AS $$ BEGIN RETURN 'users'; END $$;
SELECT rc_lit('users');
DROP FUNCTION rc_out(regclass);
DROP FUNCTION rc_set();
DROP FUNCTION rc_lit(regclass);
-- differs: an array of regclass as a parameter type is 0A000 (its elements would not be looked up)
CREATE FUNCTION rc_arr(_ts regclass[]) RETURNS text LANGUAGE sql AS $$ SELECT _ts[1]::text $$;
-- differs: a name assigned to a regproc (or regrole, regoper, a reg* array) variable is 0A000 (it would not be looked up)
DO $$ DECLARE a regproc := 'now'; BEGIN RAISE NOTICE '%', a; END $$;
-- a column or domain of them is not built
-- differs: a regclass column is 0A000 (its value would be stored as the name, which a RENAME would not follow)
CREATE TABLE reg_col (r regclass);
DROP FUNCTION rc_show(regclass);
DROP FUNCTION rc_id(regclass);
DROP FUNCTION rc_txt(regclass);
DROP FUNCTION rc_ret(text);
DROP FUNCTION rc_cmp(regclass);
DROP FUNCTION rc_cnt(regclass);
DROP FUNCTION rt_show(regtype, regnamespace);
DROP FUNCTION rt_id(regtype);
DROP TABLE users;
DROP TABLE "Mixed";
DROP FUNCTION diesel_manage_updated_at(regclass);
DROP FUNCTION diesel_set_updated_at();
