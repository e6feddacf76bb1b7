-- PL/pgSQL cursors and LANGUAGE sql parameters, found probing PostgreSQL's plpgsql corpus.
-- A comment after a cursor statement or declaration (`OPEN c; -- why`) no longer hides the
-- next statement from the body's reader (it was 42804 variable "c" must be of type cursor).
CREATE TABLE pc_rc (a int, b int);
INSERT INTO pc_rc VALUES (5, 10), (50, 100), (500, 1000);
-- notices
DO $$ DECLARE c CURSOR FOR SELECT a FROM pc_rc ORDER BY a; -- the cursor
n int; /* a count */ k int := 0; BEGIN OPEN c; -- open it
LOOP FETCH c INTO n; -- one row
EXIT WHEN NOT FOUND; k := k + n; END LOOP; CLOSE c; /* done */ RAISE NOTICE 'sum %', k; END $$;
CREATE FUNCTION pc_count(int) RETURNS int4 LANGUAGE plpgsql AS $$ DECLARE c1 CURSOR (p1 int, p2 int) FOR SELECT count(*) FROM pc_rc WHERE a > p1 AND b > p2; n int4; BEGIN OPEN c1 ($1 -- test
, 0); FETCH c1 INTO n; RETURN n; END $$;
SELECT pc_count(20);
-- a refcursor argument is a cursor variable: OPEN rc FOR ... opens the portal it names
-- (CREATE FUNCTION was 42804 variable "rc" must be of type cursor or refcursor)
CREATE FUNCTION pc_open(rc refcursor) RETURNS refcursor LANGUAGE plpgsql AS $$ BEGIN OPEN rc FOR SELECT a FROM pc_rc ORDER BY a; RETURN rc; END $$;
BEGIN;
SELECT pc_open('pc_cur');
FETCH NEXT IN pc_cur;
FETCH ALL FROM pc_cur;
COMMIT;
FETCH NEXT FROM pc_cur;
CREATE FUNCTION pc_first(rc refcursor) RETURNS int LANGUAGE plpgsql AS $$ DECLARE n int; BEGIN OPEN rc FOR EXECUTE 'SELECT b FROM pc_rc WHERE a > $1 ORDER BY a' USING 10; FETCH rc INTO n; CLOSE rc; RETURN n; END $$;
SELECT pc_first('x'), pc_first(NULL);
-- $n in a LANGUAGE sql body counts the input parameters only (an OUT one before them took
-- the number: $1 read NULL)
CREATE FUNCTION pc_out_first(OUT a int, b int DEFAULT 1) RETURNS int LANGUAGE sql AS 'SELECT $1';
SELECT pc_out_first(), pc_out_first(7);
CREATE FUNCTION pc_outs(OUT a int, b int, OUT c text) LANGUAGE sql AS 'SELECT $1 * 2, $1::text';
SELECT * FROM pc_outs(5);
SELECT pc_outs(6);
CREATE PROCEDURE pc_proc(INOUT x int, y int) LANGUAGE sql AS 'SELECT $1 + $2';
CALL pc_proc(1, 2);
-- a PL/pgSQL body numbers every parameter, OUT ones too, as PostgreSQL's
CREATE FUNCTION pc_pl_out(OUT a int, b int) LANGUAGE plpgsql AS $$ BEGIN $1 := $2 * 3; END $$;
SELECT pc_pl_out(5);
-- differs: #variable_conflict use_column is 0A000 (names resolve to the variable, as use_variable)
CREATE FUNCTION pc_conflict() RETURNS SETOF pc_rc LANGUAGE plpgsql AS $$ #variable_conflict use_column
DECLARE r record; a int := 42; BEGIN FOR r IN SELECT a, b FROM pc_rc LOOP RETURN NEXT r; END LOOP; END $$;
-- a function of the same parameters as a call's expanded variadic form is chosen over it, as
-- PostgreSQL drops the variadic candidate (it was 42725 function pc_least(integer) is not unique)
CREATE FUNCTION pc_least(VARIADIC numeric[]) RETURNS numeric LANGUAGE sql AS 'SELECT min(x) FROM unnest($1) x';
CREATE FUNCTION pc_least(numeric) RETURNS numeric LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'non-variadic function called'; RETURN $1; END $$;
-- notices
SELECT pc_least(10);
SELECT pc_least(10, 1), pc_least(VARIADIC ARRAY[3.5, 2]);
CREATE FUNCTION pc_vv(VARIADIC int[]) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pc_vv(int, int) RETURNS int LANGUAGE sql AS 'SELECT 2';
SELECT pc_vv(1, 2), pc_vv(1), pc_vv(1, 2, 3);
CREATE FUNCTION pc_amb(int, text) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION pc_amb(text, int) RETURNS int LANGUAGE sql AS 'SELECT 2';
CREATE FUNCTION pc_amb(int, int) RETURNS int LANGUAGE sql AS 'SELECT 3';
SELECT pc_amb(1, '2');
SELECT pc_amb('1', 2);
-- `r RECORD;` in upper (or mixed) case is a record, as `r record;` (FOR r IN ... and SELECT
-- INTO r were 0A000 this INTO or FOR target is not supported)
CREATE TABLE pc_found (a int);
INSERT INTO pc_found VALUES (1), (2);
CREATE FUNCTION pc_recs() RETURNS SETOF pc_found LANGUAGE plpgsql AS $$ DECLARE rec RECORD; BEGIN FOR rec IN SELECT * FROM pc_found ORDER BY a LOOP RETURN NEXT rec; END LOOP; RETURN; END $$;
SELECT * FROM pc_recs();
CREATE FUNCTION pc_dyn(int) RETURNS SETOF record LANGUAGE plpgsql AS $$ DECLARE retval Record; BEGIN IF $1 > 10 THEN SELECT INTO retval 5, 10, 15; ELSE SELECT INTO retval 50, 5::numeric, 'xxx'::text; END IF; RETURN NEXT retval; RETURN NEXT retval; END $$;
SELECT * FROM pc_dyn(1500) AS (a int, b int, c int);
SELECT * FROM pc_dyn(5) AS (a int, b numeric, c text);
-- notices
DO $$ DECLARE r CONSTANT RECORD := NULL; "RECORD" int := 3; BEGIN RAISE NOTICE '% %', r, "RECORD"; END $$;
-- a refcursor argument passed on to a function taking a refcursor
CREATE FUNCTION pc_pass(refcursor) RETURNS refcursor LANGUAGE plpgsql AS $$ BEGIN PERFORM pc_open($1); RETURN $1; END $$;
BEGIN;
SELECT pc_pass('pc_cur2');
FETCH ALL IN pc_cur2;
COMMIT;
