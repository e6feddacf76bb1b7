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
-- FOREACH over arrays: elements in storage order, SLICE, labels, errors
CREATE TABLE pl_flog (n serial PRIMARY KEY, msg text);
DO $$ DECLARE x int; s int := 0; BEGIN FOREACH x IN ARRAY ARRAY[1, 2, 3] LOOP s := s + x; END LOOP; INSERT INTO pl_flog (msg) VALUES ('sum ' || s || ' ' || found); END $$;
DO $$ DECLARE x text; BEGIN FOREACH x IN ARRAY ARRAY[['a', 'b c'], [NULL, '"q,}']] LOOP INSERT INTO pl_flog (msg) VALUES (coalesce(x, '<null>')); END LOOP; END $$;
DO $$ DECLARE x int[]; BEGIN FOREACH x SLICE 1 IN ARRAY ARRAY[[1, 2], [3, 4]] LOOP INSERT INTO pl_flog (msg) VALUES (x::text); END LOOP; END $$;
DO $$ DECLARE x text[]; BEGIN FOREACH x SLICE 1 IN ARRAY ARRAY[['{', 'b'], ['c"', 'd']] LOOP INSERT INTO pl_flog (msg) VALUES (x::text || ' ' || x[1]); END LOOP; END $$;
DO $$ DECLARE x int[]; BEGIN FOREACH x SLICE 2 IN ARRAY ARRAY[[1, 2], [3, 4]] LOOP INSERT INTO pl_flog (msg) VALUES (x::text); END LOOP; END $$;
DO $$ DECLARE x text; BEGIN FOREACH x IN ARRAY '{}'::text[] LOOP INSERT INTO pl_flog (msg) VALUES (x); END LOOP; INSERT INTO pl_flog (msg) VALUES ('empty ' || found); END $$;
DO $$ DECLARE x bigint; a bigint[] := '{1,20}'; BEGIN <<l>> FOREACH x IN ARRAY a LOOP CONTINUE l WHEN x < 2; INSERT INTO pl_flog (msg) VALUES ('big ' || x); END LOOP; END $$;
DO $$ DECLARE x int; BEGIN FOREACH x IN ARRAY ARRAY['1', '2', 'x'] LOOP INSERT INTO pl_flog (msg) VALUES (x); END LOOP; END $$;
DO $$ DECLARE x int; BEGIN FOREACH x IN ARRAY NULL::int[] LOOP END LOOP; END $$;
DO $$ DECLARE x int; BEGIN FOREACH x IN ARRAY 1 LOOP END LOOP; END $$;
DO $$ DECLARE x int; BEGIN FOREACH x SLICE 1 IN ARRAY ARRAY[1, 2] LOOP END LOOP; END $$;
DO $$ DECLARE x int[]; BEGIN FOREACH x SLICE 3 IN ARRAY ARRAY[1, 2] LOOP END LOOP; END $$;
DO $$ DECLARE x int; BEGIN FOREACH x IN ARRAY ARRAY[1, 0] LOOP PERFORM 1 / x; END LOOP; END $$;
CREATE FUNCTION pl_sum(a int[]) RETURNS bigint LANGUAGE plpgsql AS $$ DECLARE s bigint := 0; x int; BEGIN FOREACH x IN ARRAY a LOOP s := s + x; END LOOP; RETURN s; END $$;
SELECT pl_sum(ARRAY[4, 5, 6]), pl_sum('{}');
SELECT msg FROM pl_flog ORDER BY n;
-- cursors: bound (with arguments, positional and named) and refcursor variables, OPEN FOR [EXECUTE],
-- FETCH and MOVE in every direction, FOUND, FOR over a cursor, PostgreSQL's errors
CREATE TABLE pl_c (id int PRIMARY KEY, name text);
INSERT INTO pl_c VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
CREATE TABLE pl_clog (n serial PRIMARY KEY, msg text);
DO $$ DECLARE c CURSOR FOR SELECT id, name FROM pl_c ORDER BY id; r record; BEGIN OPEN c; LOOP FETCH c INTO r; EXIT WHEN NOT FOUND; INSERT INTO pl_clog (msg) VALUES ('row ' || r.id || r.name); END LOOP; CLOSE c; END $$;
DO $$ DECLARE c CURSOR (lo int, hi int) FOR SELECT name FROM pl_c WHERE id BETWEEN lo AND hi ORDER BY id; x text; BEGIN OPEN c(2, 3); FETCH c INTO x; INSERT INTO pl_clog (msg) VALUES ('first ' || x); FETCH NEXT FROM c INTO x; INSERT INTO pl_clog (msg) VALUES ('second ' || x); FETCH c INTO x; INSERT INTO pl_clog (msg) VALUES ('third ' || coalesce(x, 'null') || ' ' || found); CLOSE c; OPEN c(hi := 4, lo := 4); FETCH c INTO x; INSERT INTO pl_clog (msg) VALUES ('named ' || x); END $$;
DO $$ DECLARE c refcursor; a int; b text; BEGIN OPEN c FOR SELECT id, name FROM pl_c WHERE id > 1 ORDER BY id DESC; FETCH c INTO a, b; INSERT INTO pl_clog (msg) VALUES ('ref ' || a || b || ' ' || (c::text LIKE '<unnamed portal %>')); MOVE FORWARD 1 FROM c; FETCH c INTO a; INSERT INTO pl_clog (msg) VALUES ('after move ' || a); FETCH PRIOR FROM c INTO a; INSERT INTO pl_clog (msg) VALUES ('prior ' || a); FETCH FIRST FROM c INTO a; FETCH LAST FROM c INTO b; INSERT INTO pl_clog (msg) VALUES ('first/last ' || a || b); FETCH ABSOLUTE 2 FROM c INTO a; FETCH RELATIVE -1 FROM c INTO b; INSERT INTO pl_clog (msg) VALUES ('abs/rel ' || a || b); CLOSE c; END $$;
DO $$ DECLARE c refcursor := 'mine'; n int; k int := 2; BEGIN OPEN c FOR EXECUTE 'SELECT id FROM pl_c WHERE id > $1 ORDER BY id' USING k; FETCH c INTO n; INSERT INTO pl_clog (msg) VALUES ('exec ' || n || ' ' || c); MOVE LAST IN c; INSERT INTO pl_clog (msg) VALUES ('move last ' || found); MOVE NEXT FROM c; INSERT INTO pl_clog (msg) VALUES ('move past ' || found); MOVE BACKWARD ALL FROM c; INSERT INTO pl_clog (msg) VALUES ('back all ' || found); MOVE FORWARD 10 FROM c; INSERT INTO pl_clog (msg) VALUES ('fwd 10 ' || found); END $$;
DO $$ DECLARE c CURSOR (k int) FOR SELECT id, name FROM pl_c WHERE id >= k ORDER BY id; BEGIN FOR r IN c(3) LOOP INSERT INTO pl_clog (msg) VALUES ('forc ' || r.id || r.name); END LOOP; INSERT INTO pl_clog (msg) VALUES ('forc found ' || found); END $$;
DO $$ DECLARE c CURSOR FOR SELECT id FROM pl_c ORDER BY id; r record; BEGIN <<l>> FOR r IN c LOOP CONTINUE l WHEN r.id = 2; EXIT WHEN r.id > 3; INSERT INTO pl_clog (msg) VALUES ('loop ' || r.id); END LOOP; END $$;
DO $$ DECLARE c CURSOR FOR SELECT 1; BEGIN OPEN c; OPEN c; END $$;
DO $$ DECLARE c refcursor; n int; BEGIN FETCH c INTO n; END $$;
DO $$ DECLARE c refcursor := 'nope'; n int; BEGIN FETCH c INTO n; END $$;
DO $$ DECLARE c CURSOR FOR SELECT 1; BEGIN CLOSE c; END $$;
DO $$ DECLARE c NO SCROLL CURSOR FOR SELECT id FROM pl_c; n int; BEGIN OPEN c; FETCH c INTO n; FETCH PRIOR FROM c INTO n; END $$;
DO $$ DECLARE c CURSOR (k int) FOR SELECT k; BEGIN OPEN c; END $$;
DO $$ DECLARE c CURSOR (k int) FOR SELECT k; BEGIN OPEN c(1, 2); END $$;
DO $$ DECLARE c CURSOR FOR SELECT 1; BEGIN OPEN c(1); END $$;
DO $$ DECLARE c refcursor; BEGIN FOR r IN c LOOP END LOOP; END $$;
DO $$ DECLARE x int; BEGIN OPEN x FOR SELECT 1; END $$;
DO $$ DECLARE c refcursor; n int; BEGIN OPEN c FOR SELECT 1; FETCH FORWARD 2 FROM c INTO n; END $$;
DO $$ DECLARE c CURSOR FOR SELECT 1 / 0; BEGIN OPEN c; END $$;
CREATE FUNCTION pl_count_c(k int) RETURNS int LANGUAGE plpgsql AS $$ DECLARE c CURSOR FOR SELECT id FROM pl_c WHERE id > k; n int := 0; x int; BEGIN OPEN c; LOOP FETCH c INTO x; EXIT WHEN NOT FOUND; n := n + 1; END LOOP; CLOSE c; RETURN n; END $$;
SELECT pl_count_c(0), pl_count_c(2), pl_count_c(9);
DO $$ DECLARE open int := 1; close text; BEGIN open := open + 1; close := 'x'; INSERT INTO pl_clog (msg) VALUES (open || close); END $$;
DO $$ DECLARE c SCROLL CURSOR FOR SELECT * FROM pl_c ORDER BY id; u pl_c%ROWTYPE; BEGIN OPEN c; FETCH LAST FROM c INTO u; INSERT INTO pl_clog (msg) VALUES ('last ' || u.id || u.name); FETCH BACKWARD FROM c INTO u; INSERT INTO pl_clog (msg) VALUES ('back ' || u.name); END $$;
DO $$ DECLARE c CURSOR FOR SELECT id FROM pl_c ORDER BY id; BEGIN BEGIN OPEN c; PERFORM 1 / 0; EXCEPTION WHEN division_by_zero THEN INSERT INTO pl_clog (msg) VALUES ('caught'); END; END $$;
DO $$ DECLARE r record; c CURSOR FOR SELECT id FROM pl_c WHERE id < 3 ORDER BY id; BEGIN IF true THEN FOR r IN c LOOP INSERT INTO pl_clog (msg) VALUES ('in if ' || r.id); END LOOP; END IF; END $$;
CREATE FUNCTION pl_names() RETURNS text LANGUAGE plpgsql AS $$ DECLARE c refcursor; r record; s text := ''; BEGIN OPEN c FOR SELECT name FROM pl_c ORDER BY id; LOOP FETCH c INTO r; EXIT WHEN NOT FOUND; s := s || r.name; END LOOP; CLOSE c; RETURN s; END $$;
SELECT pl_names(), pl_names();
SELECT msg FROM pl_clog ORDER BY n;
-- EXCEPTION blocks in functions an INSERT or UPDATE calls: caught where the block changed no row
CREATE TABLE pl_e (id int PRIMARY KEY, v int);
CREATE TABLE pl_elog (n serial PRIMARY KEY, msg text);
CREATE TABLE pl_eu (k text PRIMARY KEY);
CREATE FUNCTION pl_safe_div(a int, b int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN a / b; EXCEPTION WHEN division_by_zero THEN RETURN -1; END $$;
INSERT INTO pl_e VALUES (1, pl_safe_div(6, 3)), (2, pl_safe_div(1, 0));
UPDATE pl_e SET v = pl_safe_div(v, 0) WHERE id = 1;
SELECT * FROM pl_e ORDER BY id;
CREATE FUNCTION pl_try_log(m text) RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO pl_eu VALUES ('one'); RETURN 1; EXCEPTION WHEN unique_violation THEN RETURN 0; END $$;
SELECT pl_try_log('first');
INSERT INTO pl_e VALUES (3, pl_try_log('dup'));
SELECT * FROM pl_e ORDER BY id;
CREATE FUNCTION pl_two_writes() RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO pl_elog (msg) VALUES ('kept?'); PERFORM 1 / 0; RETURN 1; EXCEPTION WHEN division_by_zero THEN RETURN 0; END $$;
SELECT pl_two_writes();
-- differs: refused (0A000): the block changed a row before the error, which SQLite cannot undo inside a writing statement
INSERT INTO pl_e VALUES (4, pl_two_writes());
SELECT msg FROM pl_elog ORDER BY n;
SELECT k FROM pl_eu;
CREATE FUNCTION pl_e_trig() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN BEGIN NEW.v := 10 / NEW.v; EXCEPTION WHEN division_by_zero THEN NEW.v := -2; END; RETURN NEW; END $$;
CREATE TRIGGER pl_e_bi BEFORE INSERT ON pl_e FOR EACH ROW EXECUTE FUNCTION pl_e_trig();
INSERT INTO pl_e VALUES (5, 0), (6, 5);
SELECT * FROM pl_e WHERE id > 4 ORDER BY id;
-- what migrations' and ORMs' DO blocks use besides: labels, qualified names, EXIT of a block, RETURNING INTO,
-- GET STACKED DIAGNOSTICS, EXECUTE ... USING, CONTINUE WHEN, ASSERT, RAISE USING, CONSTANT
CREATE TABLE pl_g (n serial PRIMARY KEY, msg text);
DO $$ <<outer>> DECLARE x int := 1; BEGIN DECLARE x int := 2; BEGIN INSERT INTO pl_g (msg) VALUES ('inner ' || x || ' outer ' || outer.x); END; END $$;
DO $$ <<blk>> BEGIN INSERT INTO pl_g (msg) VALUES ('before exit'); EXIT blk; INSERT INTO pl_g (msg) VALUES ('never'); END $$;
DO $$ DECLARE t text; BEGIN INSERT INTO pl_g (msg) VALUES ('x') RETURNING msg INTO t; INSERT INTO pl_g (msg) VALUES ('returned ' || t); END $$;
DO $$ DECLARE v text; BEGIN BEGIN PERFORM 1 / 0; EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS v = PG_EXCEPTION_CONTEXT; END; INSERT INTO pl_g (msg) VALUES ('stacked ' || (v <> '')); END $$;
DO $$ DECLARE n int; BEGIN EXECUTE 'SELECT $1 + $2' INTO n USING 1, 2; INSERT INTO pl_g (msg) VALUES ('using ' || n); END $$;
DO $$ DECLARE x int := 0; BEGIN WHILE x < 5 LOOP x := x + 1; CONTINUE WHEN x = 2; INSERT INTO pl_g (msg) VALUES ('w ' || x); END LOOP; END $$;
DO $$ BEGIN ASSERT (SELECT count(*) FROM pl_g) > 0, 'empty'; END $$;
DO $$ DECLARE s text; BEGIN s := format('%s-%s', 1, 'b'); RAISE NOTICE USING MESSAGE = s; INSERT INTO pl_g (msg) VALUES (s); END $$;
DO $$ DECLARE r record; BEGIN SELECT 1 AS a, 'x' AS b INTO r; INSERT INTO pl_g (msg) SELECT r.b || r.a; END $$;
DO $$ DECLARE c CONSTANT int := 1; BEGIN c := 2; END $$;
SELECT msg FROM pl_g ORDER BY n;
-- OPEN of a query that returns no rows
CREATE TABLE pl_h (a int);
DO $$ DECLARE c refcursor; BEGIN OPEN c FOR INSERT INTO pl_h VALUES (1); END $$;
DO $$ DECLARE c refcursor; BEGIN OPEN c FOR EXECUTE 'DELETE FROM pl_h'; END $$;
DO $$ DECLARE c refcursor; n int; BEGIN OPEN c FOR INSERT INTO pl_h VALUES (2) RETURNING a; FETCH c INTO n; RAISE NOTICE '%', n; END $$;
DO $$ DECLARE c CURSOR FOR SELECT a FROM pl_h; n int; BEGIN OPEN c; FETCH c INTO n; EXCEPTION WHEN invalid_cursor_definition THEN NULL; END $$;
SELECT count(*) FROM pl_h;
-- whole records: r as a row value (IS DISTINCT FROM, also NEW and OLD in a trigger), r.* as its fields
CREATE TABLE pl_w (id int PRIMARY KEY, name text, v int);
CREATE TABLE pl_w2 (id int PRIMARY KEY, name text, v int);
INSERT INTO pl_w VALUES (1, 'a', 10), (2, 'b', 20);
CREATE TABLE pl_wlog (n serial PRIMARY KEY, msg text);
DO $$ DECLARE r pl_w%ROWTYPE; BEGIN FOR r IN SELECT * FROM pl_w ORDER BY id LOOP INSERT INTO pl_w2 VALUES (r.*); END LOOP; END $$;
-- differs: PostgreSQL has no row type for a record variable here (42809 record type has not been registered); its fields are listed
DO $$ DECLARE r record; BEGIN SELECT 9 AS id, $q$z$q$ AS name, 0 AS v INTO r; INSERT INTO pl_w2 VALUES (r.*); END $$;
DO $$ DECLARE u pl_w%ROWTYPE; BEGIN SELECT * INTO u FROM pl_w WHERE id = 1; u.id := 3; INSERT INTO pl_w2 SELECT u.*; END $$;
SELECT * FROM pl_w2 WHERE id < 9 ORDER BY id;
DO $$ DECLARE a pl_w%ROWTYPE; b pl_w%ROWTYPE; BEGIN SELECT * INTO a FROM pl_w WHERE id = 1; SELECT * INTO b FROM pl_w2 WHERE id = 1; IF a IS DISTINCT FROM b THEN INSERT INTO pl_wlog (msg) VALUES ('differ'); ELSE INSERT INTO pl_wlog (msg) VALUES ('same'); END IF; b.v := 11; IF row(a.*) IS DISTINCT FROM row(b.*) THEN INSERT INTO pl_wlog (msg) VALUES ('now differ'); END IF; END $$;
DO $$ DECLARE r record; BEGIN IF r IS DISTINCT FROM r THEN NULL; END IF; END $$;
CREATE FUNCTION pl_w_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW IS DISTINCT FROM OLD THEN INSERT INTO pl_wlog (msg) VALUES ('changed ' || NEW.id); ELSE INSERT INTO pl_wlog (msg) VALUES ('unchanged ' || NEW.id); END IF; RETURN NEW; END $$;
CREATE TRIGGER pl_w_bu BEFORE UPDATE ON pl_w FOR EACH ROW EXECUTE FUNCTION pl_w_touch();
UPDATE pl_w SET v = v WHERE id = 1;
UPDATE pl_w SET v = v + 1 WHERE id = 2;
SELECT msg FROM pl_wlog ORDER BY n;
-- RAISE USING COLUMN/CONSTRAINT/TABLE/SCHEMA and GET STACKED DIAGNOSTICS of those fields (also a constraint's errors')
CREATE TABLE pl_d (id int PRIMARY KEY, email text UNIQUE, n int NOT NULL, CHECK (n > 0));
INSERT INTO pl_d VALUES (1, 'a@x', 1);
CREATE TABLE pl_dlog (n serial PRIMARY KEY, msg text);
DO $$ DECLARE c text; k text; t text; s text; BEGIN RAISE EXCEPTION 'bad' USING COLUMN = 'col1', CONSTRAINT = 'con1', TABLE = 'tab1', SCHEMA = 'sch1'; EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS c = COLUMN_NAME, k = CONSTRAINT_NAME, t = TABLE_NAME, s = SCHEMA_NAME; INSERT INTO pl_dlog (msg) VALUES (concat_ws('/', c, k, t, s)); END $$;
DO $$ DECLARE k text; t text; BEGIN INSERT INTO pl_d VALUES (2, 'a@x', 1); EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS k = CONSTRAINT_NAME, t = TABLE_NAME; INSERT INTO pl_dlog (msg) VALUES (concat_ws('/', 'unique', k, t)); END $$;
DO $$ DECLARE k text; t text; c text; BEGIN INSERT INTO pl_d VALUES (3, 'b@x', NULL); EXCEPTION WHEN not_null_violation THEN GET STACKED DIAGNOSTICS c = COLUMN_NAME, t = TABLE_NAME; INSERT INTO pl_dlog (msg) VALUES (concat_ws('/', 'notnull', c, t)); END $$;
DO $$ DECLARE k text; t text; BEGIN INSERT INTO pl_d VALUES (4, 'c@x', 0); EXCEPTION WHEN check_violation THEN GET STACKED DIAGNOSTICS k = CONSTRAINT_NAME, t = TABLE_NAME; INSERT INTO pl_dlog (msg) VALUES (concat_ws('/', 'check', k, t)); END $$;
-- differs: refused (0A000): RAISE USING DATATYPE (an error carries no data type name here)
DO $$ BEGIN RAISE EXCEPTION 'x' USING DATATYPE = 'int'; END $$;
SELECT msg FROM pl_dlog ORDER BY n;
-- assigning an array's element
CREATE TABLE pl_a (n serial PRIMARY KEY, msg text);
DO $$ DECLARE a int[] := ARRAY[1, 2, 3]; BEGIN a[2] := 20; a[4] := 4; a[6] := 6; INSERT INTO pl_a (msg) VALUES (a::text); END $$;
DO $$ DECLARE a text[]; BEGIN a[1] := 'x y'; a[2] := NULL; a[3] := 'q"{'; a[array_length(a, 1) + 1] := 'null'; INSERT INTO pl_a (msg) VALUES (a::text || ' ' || a[3]); END $$;
DO $$ DECLARE a int[] := '{}'; i int; BEGIN FOR i IN 1..3 LOOP a[i] := i * i; END LOOP; INSERT INTO pl_a (msg) VALUES (a::text); END $$;
DO $$ DECLARE a numeric[] := '{1.5}'; BEGIN a[1] := 2; a[2] := '3.25'; INSERT INTO pl_a (msg) VALUES (a::text); END $$;
DO $$ DECLARE a int[] := '{1}'; BEGIN a[1] := 'x'; END $$;
DO $$ DECLARE a int[] := '{1}'; BEGIN a[NULL] := 1; END $$;
DO $$ DECLARE a int[]; BEGIN a[3] := 1; END $$;
DO $$ DECLARE a int[] := '{{1,2},{3,4}}'; BEGIN a[1][2] := 5; END $$;
SELECT msg FROM pl_a ORDER BY n;
