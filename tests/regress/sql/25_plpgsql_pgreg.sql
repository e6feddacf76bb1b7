-- PL/pgSQL as applications write it, found probing PostgreSQL's plpgsql regression corpus.
-- RETURNS TABLE: the columns are variables of the body; `RETURN NEXT;` adds their values.
CREATE TABLE plr_items (id int PRIMARY KEY, label text);
INSERT INTO plr_items VALUES (1, 'one'), (2, 'two'), (3, 'three');
CREATE FUNCTION plr_pairs(lim int) RETURNS TABLE(n int, tag text) LANGUAGE plpgsql AS $$ BEGIN n := 0; tag := 'start'; RETURN NEXT; FOR n, tag IN SELECT id, label FROM plr_items WHERE id <= lim ORDER BY id LOOP RETURN NEXT; END LOOP; END $$;
SELECT * FROM plr_pairs(2);
SELECT plr_pairs(1);
SELECT tag FROM plr_pairs(3) WHERE n > 1 ORDER BY n DESC;
CREATE FUNCTION plr_tens(k int) RETURNS TABLE(v int) LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..k LOOP v := i * 10; RETURN NEXT; END LOOP; END $$;
SELECT * FROM plr_tens(3);
SELECT sum(v) FROM plr_tens(4);
CREATE FUNCTION plr_into() RETURNS TABLE(n int, tag text) LANGUAGE plpgsql AS $$ BEGIN SELECT id, label INTO n, tag FROM plr_items WHERE id = 3; RETURN NEXT; DECLARE n int := 99; BEGIN RETURN NEXT; END; END $$;
SELECT * FROM plr_into();
CREATE FUNCTION plr_null_cols() RETURNS TABLE(n int, tag text) LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT; tag := 'only tag'; RETURN NEXT; END $$;
SELECT * FROM plr_null_cols();
CREATE FUNCTION plr_raise() RETURNS TABLE(n int) LANGUAGE plpgsql AS $$ BEGIN n := 1; RETURN NEXT; RAISE EXCEPTION 'stopped at %', n USING ERRCODE = 'P0001'; END $$;
SELECT * FROM plr_raise();
CREATE FUNCTION plr_no_expr() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT; END $$;
CREATE FUNCTION plr_with_expr() RETURNS TABLE(n int, tag text) LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT (1, 'x'); END $$;
-- RETURN NEXT of a row value in a function returning rows of a type: its fields are the row.
CREATE FUNCTION plr_rows() RETURNS SETOF plr_items LANGUAGE plpgsql AS $$ DECLARE r plr_items; BEGIN RETURN QUERY SELECT * FROM plr_items WHERE id = 1; RETURN NEXT (7, 'seven')::plr_items; SELECT * INTO r FROM plr_items WHERE id = 2; RETURN NEXT r; RETURN NEXT ROW(8, 'eight'::text); END $$;
SELECT * FROM plr_rows();
SELECT count(*), max(label) FROM plr_rows();
CREATE FUNCTION plr_rows_untyped() RETURNS SETOF plr_items LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT ROW(9, 'nine'); END $$;
SELECT * FROM plr_rows_untyped();
-- a function no one defines, called in FROM, does not exist (not an unsupported construct)
SELECT * FROM plr_nosuch();
SELECT * FROM plr_nosuch(1, 'a') AS t;
SELECT n FROM plr_nosuch_either(true) AS s(n);
-- an array variable (a parameter of an array type) and || append, prepend and concatenate
-- arrays (they were concatenated as text: '{1}2')
DO $$ DECLARE a int[] := '{}'; BEGIN FOR i IN 1..3 LOOP a := a || i; END LOOP; a := 0 || a; RAISE NOTICE 'built %', a; END $$;
CREATE FUNCTION plr_build(n int) RETURNS int[] LANGUAGE plpgsql AS $$ DECLARE a int[]; x int[]; BEGIN FOR i IN 1..n LOOP a := a || i; END LOOP; FOREACH x SLICE 1 IN ARRAY ARRAY[[7,8],[9,10]] LOOP a := a || x[2]; END LOOP; RETURN a || ARRAY[-1]; END $$;
SELECT plr_build(2), plr_build(0);
CREATE FUNCTION plr_tags(t text[], extra text) RETURNS text[] LANGUAGE plpgsql AS $$ BEGIN RETURN t || extra; END $$;
SELECT plr_tags('{a,b}', 'c'), plr_tags(NULL, 'z');
PREPARE plr_app(int[]) AS SELECT $1 || 2 AS appended, 1 || $1 AS prepended, $1 || $1 AS doubled;
EXECUTE plr_app('{5}');
EXECUTE plr_app('{}');
EXECUTE plr_app(NULL);
PREPARE plr_txt(text) AS SELECT $1 || 2;
EXECUTE plr_txt('{1}');
-- a LANGUAGE sql function RETURNS void is NULL when its last statement is no query (it was
-- void's empty text, which only a last SELECT gives, as a PL/pgSQL function's)
CREATE FUNCTION plr_touch() RETURNS void LANGUAGE sql AS $$ UPDATE plr_items SET label = label WHERE id = 1 $$;
SELECT plr_touch(), plr_touch() IS NULL;
CREATE FUNCTION plr_sleep() RETURNS void LANGUAGE sql AS $$ SELECT pg_sleep(0) $$;
SELECT plr_sleep() IS NULL;
CREATE FUNCTION plr_pl_void() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
SELECT plr_pl_void() IS NULL;
SELECT * FROM plr_touch();
