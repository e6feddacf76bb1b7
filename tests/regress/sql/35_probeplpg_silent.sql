-- PL/pgSQL results that differed silently, found probing PostgreSQL's plpgsql corpus.
-- INSERT/UPDATE/DELETE ... RETURNING INTO is held to one row as STRICT is (P0003; the rows
-- were written and the first assigned); EXECUTE of one is not.
CREATE TABLE pp_foo (f1 int, f2 int);
CREATE FUNCTION pp_ins_two() RETURNS int LANGUAGE plpgsql AS $$ DECLARE x record; BEGIN INSERT INTO pp_foo VALUES (7, 8), (9, 10) RETURNING * INTO x; RETURN x.f1; END $$;
SELECT pp_ins_two();
SELECT count(*) FROM pp_foo;
CREATE FUNCTION pp_ins_one() RETURNS int LANGUAGE plpgsql AS $$ DECLARE x record; BEGIN INSERT INTO pp_foo VALUES (5, 6) RETURNING * INTO x; RETURN x.f2; END $$;
SELECT pp_ins_one();
CREATE FUNCTION pp_upd_all() RETURNS int LANGUAGE plpgsql AS $$ DECLARE v int; BEGIN INSERT INTO pp_foo VALUES (1, 1); UPDATE pp_foo SET f2 = f2 + 1 RETURNING f2 INTO v; RETURN v; END $$;
SELECT pp_upd_all();
SELECT f1, f2 FROM pp_foo ORDER BY f1;
CREATE FUNCTION pp_del_none() RETURNS text LANGUAGE plpgsql AS $$ DECLARE v int; BEGIN DELETE FROM pp_foo WHERE f1 < 0 RETURNING f1 INTO v; RETURN coalesce(v::text, 'none') || ' ' || FOUND; END $$;
SELECT pp_del_none();
CREATE FUNCTION pp_exec_two() RETURNS int LANGUAGE plpgsql AS $$ DECLARE x record; BEGIN EXECUTE 'INSERT INTO pp_foo VALUES (7, 8), (9, 10) RETURNING *' INTO x; RETURN x.f1; END $$;
SELECT pp_exec_two();
SELECT count(*) FROM pp_foo;
-- notices
DO $$ DECLARE n int; BEGIN BEGIN INSERT INTO pp_foo VALUES (1, 2), (3, 4) RETURNING f1 INTO n; EXCEPTION WHEN too_many_rows THEN RAISE NOTICE 'caught % %', SQLSTATE, SQLERRM; END; END $$;
SELECT count(*) FROM pp_foo;
-- a numeric (or float) variable or parameter cast to an integer type rounds half away from
-- zero (half to even for a float), as PostgreSQL's numeric_int4 (it was truncated: 1.5::int 1)
-- notices
DO $$ DECLARE x numeric := 1.5; y numeric := -2.5; f float8 := 2.5; BEGIN RAISE NOTICE '% % % % %', x::int, y::int, x::int8, y::smallint, f::int; END $$;
PREPARE pp_q(numeric) AS SELECT $1::int, $1::int8, $1::smallint;
EXECUTE pp_q(2.5);
EXECUTE pp_q(NULL);
PREPARE pp_qf(float8) AS SELECT $1::int;
EXECUTE pp_qf(3.5);
EXECUTE pp_q(99999999999);
-- RAISE with an option given twice (a format and USING MESSAGE, a condition and USING
-- ERRCODE, DETAIL twice) is 42601, as PostgreSQL's (it sent the last one)
DO $$ BEGIN RAISE NOTICE 'some message' USING MESSAGE = 'custom' || ' message', ERRCODE = '22012'; END $$;
DO $$ BEGIN RAISE division_by_zero USING MESSAGE = 'custom message', ERRCODE = '22012'; END $$;
DO $$ BEGIN RAISE EXCEPTION USING MESSAGE = 'm', DETAIL = 'a', DETAIL = 'b'; END $$;
-- detail
DO $$ BEGIN RAISE EXCEPTION USING MESSAGE = 'm', DETAIL = 'a', HINT = 'h'; END $$;
-- an error a called function raised keeps its DETAIL, HINT and object names in the handler
-- that catches it (GET STACKED DIAGNOSTICS read them empty)
CREATE FUNCTION pp_raiser() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'custom exception' USING DETAIL = 'some detail', HINT = 'some hint'; END $$;
-- notices
DO $$ DECLARE d text; h text; m text; BEGIN PERFORM pp_raiser(); EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT; RAISE NOTICE 'message: %, detail: %, hint: %', m, d, h; END $$;
CREATE TABLE pp_u (a int CONSTRAINT pp_u_pk PRIMARY KEY);
INSERT INTO pp_u VALUES (1);
CREATE FUNCTION pp_dup() RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO pp_u VALUES (1); END $$;
-- notices
DO $$ DECLARE d text; t text; c text; BEGIN PERFORM pp_dup(); EXCEPTION WHEN unique_violation THEN GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, t = TABLE_NAME, c = CONSTRAINT_NAME; RAISE NOTICE '% % %', d, t, c; END $$;
-- RETURN QUERY sets FOUND and ROW_COUNT (FOUND was left as it was); RETURN NEXT sets neither
CREATE FUNCTION pp_rttest() RETURNS SETOF int LANGUAGE plpgsql AS $$ DECLARE rc int; BEGIN RETURN QUERY VALUES (10), (20); GET DIAGNOSTICS rc = ROW_COUNT; RAISE NOTICE '% %', FOUND, rc; RETURN QUERY SELECT * FROM (VALUES (10), (20)) f(a) WHERE false; GET DIAGNOSTICS rc = ROW_COUNT; RAISE NOTICE '% %', FOUND, rc; RETURN QUERY EXECUTE 'VALUES (10), (20)'; GET DIAGNOSTICS rc = ROW_COUNT; RAISE NOTICE '% %', FOUND, rc; RETURN NEXT 5; RAISE NOTICE '%', FOUND; END $$;
-- notices
SELECT * FROM pp_rttest();
-- label.x is the x the labelled block declares (it was the innermost x of that name), and a
-- function's name qualifies its parameters (f.param1 was 42703)
CREATE FUNCTION pp_qual_names(param1 int) RETURNS void LANGUAGE plpgsql AS $$ <<outerblock>> DECLARE param1 int := 1; BEGIN <<innerblock>> DECLARE param1 int := 2; BEGIN RAISE NOTICE 'param1 = %', param1; RAISE NOTICE 'pp_qual_names.param1 = %', pp_qual_names.param1; RAISE NOTICE 'outerblock.param1 = %', outerblock.param1; RAISE NOTICE 'innerblock.param1 = %', innerblock.param1; END; END $$;
-- notices
SELECT pp_qual_names(42);
-- notices
DO $$ <<o>> DECLARE x int := 1; BEGIN DECLARE x int := 2; BEGIN FOR x IN 3..3 LOOP RAISE NOTICE '% %', x, o.x; END LOOP; END; END $$;
CREATE TABLE pp_qq (a int, b int);
INSERT INTO pp_qq VALUES (1, 2), (2, 3);
CREATE FUNCTION pp_qf(a int) RETURNS int LANGUAGE plpgsql AS $$ DECLARE r int; BEGIN SELECT pp_qq.b INTO r FROM pp_qq WHERE pp_qq.a = pp_qf.a; RETURN r; END $$;
SELECT pp_qf(2);
