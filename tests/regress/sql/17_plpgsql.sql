-- PL/pgSQL beyond the DO basics (15_do.sql): record and row-typed variables (%ROWTYPE, %TYPE,
-- SELECT INTO a record, FOR over rows, assigning a field), FOREACH over arrays, cursors, and
-- EXCEPTION blocks in functions that data-modifying statements call. Rows left in pl_log are compared.
CREATE TABLE pl_t (a int, b text, c varchar(5));
INSERT INTO pl_t VALUES (1, 'one', 'x'), (2, 'two', 'y');
CREATE TABLE pl_log (n serial PRIMARY KEY, msg text);
DO $$ DECLARE r record; BEGIN SELECT * INTO r FROM pl_t WHERE a = 2; INSERT INTO pl_log (msg) VALUES (r.b); END $$;
DO $$ DECLARE r record; BEGIN SELECT * INTO r FROM pl_t WHERE a = 2; r.b := 'changed'; INSERT INTO pl_log (msg) VALUES (r.b); END $$;
DO $$ DECLARE r pl_t%ROWTYPE; BEGIN r.a := 5; INSERT INTO pl_log (msg) VALUES (r.a || coalesce(r.b, 'null')); END $$;
DO $$ DECLARE x pl_t.c%TYPE; BEGIN x := 'abcdefg'; END $$;
DO $$ DECLARE x pl_t.a%TYPE := 3; y x%TYPE := 2.6; BEGIN INSERT INTO pl_log (msg) VALUES (x + y); END $$;
DO $$ DECLARE x nosuch.a%TYPE; BEGIN END $$;
DO $$ DECLARE x pl_t.nosuch%TYPE; BEGIN END $$;
DO $$ DECLARE r nosuch%ROWTYPE; BEGIN END $$;
DO $$ DECLARE r record; BEGIN r.a := 1; END $$;
DO $$ DECLARE r record; BEGIN SELECT * INTO r FROM pl_t WHERE a = 2; r.zz := 1; END $$;
SELECT msg FROM pl_log ORDER BY n;
CREATE TYPE pl_mood AS ENUM ('sad', 'ok');
CREATE TABLE pl_u (id serial PRIMARY KEY, name varchar(10) NOT NULL, mood pl_mood, score numeric(5,2));
INSERT INTO pl_u (name, mood, score) VALUES ('ann', 'ok', 1.5), ('bob', 'sad', 2);
DO $$ DECLARE u pl_u%ROWTYPE; BEGIN SELECT * INTO u FROM pl_u WHERE name = 'bob'; u.score := u.score * 2; u.name := upper(u.name); INSERT INTO pl_log (msg) VALUES (u.id || ' ' || u.name || ' ' || u.mood || ' ' || u.score); END $$;
DO $$ DECLARE u public.pl_u%ROWTYPE; BEGIN FOR u IN SELECT * FROM pl_u ORDER BY id LOOP INSERT INTO pl_log (msg) VALUES ('for ' || u.name || ' ' || u.score); END LOOP; END $$;
DO $$ DECLARE u pl_u%ROWTYPE; BEGIN SELECT 7, 'x' INTO u; INSERT INTO pl_log (msg) VALUES (u.id || ' ' || u.name || ' ' || coalesce(u.mood::text, 'nomood')); END $$;
DO $$ DECLARE u pl_u%ROWTYPE; BEGIN SELECT 'seven' INTO u; END $$;
DO $$ DECLARE r record; BEGIN FOR r IN SELECT id, name FROM pl_u ORDER BY id LOOP r.name := r.name || '!'; INSERT INTO pl_log (msg) VALUES (r.name); END LOOP; END $$;
DO $$ DECLARE r record; BEGIN SELECT 1 AS a INTO r; IF r.a = 1 THEN r.a := 2; ELSE r.a = 3; END IF; INSERT INTO pl_log (msg) VALUES ('r.a ' || r.a); END $$;
DO $$ DECLARE n pl_u.name%TYPE; m pl_u.mood%TYPE := 'ok'; s pl_u.score%TYPE := 1.234; BEGIN n := 'abcdefghijk'; EXCEPTION WHEN string_data_right_truncation THEN INSERT INTO pl_log (msg) VALUES ('too long ' || m || ' ' || s); END $$;
DO $$ DECLARE m pl_u.mood%TYPE; BEGIN m := 'happy'; END $$;
DO $$ DECLARE u pl_u%ROWTYPE; BEGIN u.nosuch := 1; END $$;
DO $$ DECLARE r record; BEGIN r := NULL; END $$;
SELECT msg FROM pl_log ORDER BY n;
CREATE FUNCTION pl_name_of(i int) RETURNS text LANGUAGE plpgsql AS $$ DECLARE u pl_u%ROWTYPE; v pl_u.name%TYPE; BEGIN SELECT * INTO u FROM pl_u WHERE id = i; v := u.name; RETURN v || '/' || u.mood; END $$;
SELECT pl_name_of(1), pl_name_of(2), pl_name_of(3);
DO $$ DECLARE r record; u pl_u%ROWTYPE; BEGIN SELECT 1 AS a INTO r; r := NULL; u.id := 3; u := NULL; INSERT INTO pl_log (msg) VALUES ('nulled ' || coalesce(u.id::text, 'null')); r.a := 1; END $$;
DO $$ DECLARE s numeric(5,2) := 1.234; BEGIN INSERT INTO pl_log (msg) VALUES ('s ' || s); END $$;
SELECT msg FROM pl_log ORDER BY n DESC LIMIT 2;
