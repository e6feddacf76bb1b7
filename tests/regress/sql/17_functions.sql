-- User-defined functions: CREATE [OR REPLACE] FUNCTION in LANGUAGE plpgsql and sql, calls in
-- select lists, WHERE, INSERT values and column defaults, overloading by argument types,
-- STRICT, result types, errors at creation and at call time, DROP FUNCTION.
CREATE FUNCTION fn_add_one(a integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN a + 1; END $$;
SELECT fn_add_one(41);
SELECT fn_add_one(fn_add_one(1)) AS two_more;
CREATE FUNCTION fn_twice(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';
SELECT fn_twice(21), fn_add_one(fn_twice(3));
CREATE FUNCTION fn_add_one(a integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN a + 2; END $$;
CREATE OR REPLACE FUNCTION fn_add_one(a integer) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN a; END $$;
CREATE OR REPLACE FUNCTION fn_add_one(a integer) RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN a + 100; END $$;
SELECT fn_add_one(1);
CREATE TABLE fn_items (id int PRIMARY KEY, name text NOT NULL, qty int);
INSERT INTO fn_items VALUES (fn_twice(1), 'two', 5), (fn_twice(2), 'four', 7);
SELECT id, name FROM fn_items WHERE id = fn_twice(2);
CREATE FUNCTION fn_total() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT sum(qty) FROM fn_items $$;
SELECT fn_total();
CREATE FUNCTION fn_kind(n integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  label text;
BEGIN
  IF n < 0 THEN
    label := 'negative';
  ELSIF n = 0 THEN
    label := 'zero';
  ELSE
    label := 'positive';
  END IF;
  RETURN label;
END
$$;
SELECT n, fn_kind(n) FROM (VALUES (-3), (0), (8)) AS v(n) ORDER BY n;
CREATE FUNCTION fn_ov(integer) RETURNS text LANGUAGE sql AS $$ SELECT 'integer' $$;
CREATE FUNCTION fn_ov(text) RETURNS text LANGUAGE sql AS $$ SELECT 'text' $$;
SELECT fn_ov(1), fn_ov('x'::text), fn_ov('x');
SELECT fn_ov(1.5);
SELECT fn_ov(true);
SELECT fn_nosuch(1);
CREATE FUNCTION fn_cat(a text, b text) RETURNS text LANGUAGE sql STRICT AS $$ SELECT a || b $$;
SELECT fn_cat('a', 'b'), fn_cat('a', NULL) IS NULL AS strict_null;
CREATE FUNCTION fn_lax(a text, b text) RETURNS text LANGUAGE sql AS $$ SELECT coalesce(a, '?') || coalesce(b, '?') $$;
SELECT fn_lax('a', NULL);
CREATE FUNCTION fn_half(x numeric) RETURNS numeric LANGUAGE plpgsql AS $$ BEGIN RETURN x / 2; END $$;
SELECT fn_half(5), fn_half(1.50);
CREATE FUNCTION fn_neg(b boolean) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT NOT b $$;
SELECT fn_neg(true), fn_neg(false), fn_neg(NULL);
CREATE FUNCTION fn_day(d date) RETURNS date LANGUAGE sql AS $$ SELECT d + 1 $$;
SELECT fn_day('2024-02-28'), fn_day('2024-02-29'::date);
CREATE FUNCTION fn_noop() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;
SELECT fn_noop();
CREATE FUNCTION fn_noret(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN IF x > 0 THEN RETURN 1; END IF; END $$;
SELECT fn_noret(1);
SELECT fn_noret(0);
CREATE FUNCTION fn_raise(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN IF x < 0 THEN RAISE EXCEPTION 'negative: %', x USING ERRCODE = '22023'; END IF; RETURN x; END $$;
SELECT fn_raise(3);
SELECT fn_raise(-3);
CREATE FUNCTION fn_safe_div(a int, b int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN a / b; EXCEPTION WHEN division_by_zero THEN RETURN NULL; END $$;
SELECT fn_safe_div(10, 2), fn_safe_div(1, 0);
CREATE TABLE fn_log (n serial PRIMARY KEY, msg text);
CREATE FUNCTION fn_note(m text) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fn_log (msg) VALUES (m); RETURN (SELECT count(*) FROM fn_log); END $$;
SELECT fn_note('first');
CREATE TABLE fn_defaults (id int PRIMARY KEY, seq bigint DEFAULT fn_note('from a default'));
INSERT INTO fn_defaults (id) VALUES (1), (2);
SELECT id, seq FROM fn_defaults ORDER BY id;
CREATE FUNCTION fn_fails() RETURNS int LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fn_log (msg) VALUES ('undone'); RAISE EXCEPTION 'failed on purpose'; END $$;
SELECT fn_fails();
SELECT msg FROM fn_log ORDER BY n;
CREATE FUNCTION fn_sql_multi(a int) RETURNS int LANGUAGE sql AS $$ INSERT INTO fn_log (msg) VALUES ('multi ' || a); SELECT count(*)::int FROM fn_log $$;
SELECT fn_sql_multi(7);
CREATE FUNCTION fn_bad_sql() RETURNS int LANGUAGE sql AS $$ INSERT INTO fn_log (msg) VALUES ('x') $$;
CREATE FUNCTION fn_bad_void() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
CREATE FUNCTION fn_bad_ret() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN; END $$;
CREATE FUNCTION fn_bad_syntax() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1 END $$;
CREATE FUNCTION fn_bad_lang() RETURNS int LANGUAGE plperl AS $$ return 1; $$;
CREATE FUNCTION fn_dup_arg(a int, a int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION fn_no_type() LANGUAGE sql AS $$ SELECT 1 $$;
SELECT p.proname, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), l.lanname, p.provolatile, p.proisstrict, p.proargnames, p.pronargs FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.pronamespace = 'public'::regnamespace AND p.proname IN ('fn_twice', 'fn_cat', 'fn_kind', 'fn_neg') ORDER BY 1;
SELECT pg_get_functiondef('fn_neg'::regproc);
SELECT pg_get_functiondef('fn_kind'::regproc);
DROP FUNCTION fn_twice(integer);
SELECT fn_twice(2);
DROP FUNCTION fn_twice(integer);
DROP FUNCTION IF EXISTS fn_twice(integer);
DROP FUNCTION fn_ov;
DROP FUNCTION fn_ov(integer), fn_ov(text);
SELECT fn_ov(1);
DROP FUNCTION fn_nosuch;
DROP FUNCTION IF EXISTS fn_nosuch;
DROP FUNCTION fn_kind;
CREATE TABLE fn_acct (id int PRIMARY KEY, bal numeric NOT NULL);
INSERT INTO fn_acct VALUES (1, 100), (2, 0);
CREATE PROCEDURE fn_transfer(src int, dst int, amt numeric) LANGUAGE plpgsql AS $$
BEGIN
  UPDATE fn_acct SET bal = bal - amt WHERE id = src;
  UPDATE fn_acct SET bal = bal + amt WHERE id = dst;
  IF (SELECT bal FROM fn_acct WHERE id = src) < 0 THEN
    RAISE EXCEPTION 'insufficient funds';
  END IF;
END
$$;
CALL fn_transfer(1, 2, 30);
SELECT id, bal FROM fn_acct ORDER BY id;
CALL fn_transfer(1, 2, 300);
SELECT id, bal FROM fn_acct ORDER BY id;
SELECT fn_transfer(1, 2, 1);
CALL fn_neg(true);
CALL fn_nosuch(1);
CREATE PROCEDURE fn_open(x int) LANGUAGE sql AS $$ INSERT INTO fn_acct VALUES (x, 0) $$;
CALL fn_open(3);
SELECT count(*) FROM fn_acct;
CREATE PROCEDURE fn_commits() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;
SELECT p.proname, p.prokind, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid) FROM pg_proc p WHERE p.proname IN ('fn_transfer', 'fn_open') ORDER BY 1;
DROP PROCEDURE fn_open(int);
DROP PROCEDURE fn_transfer;
CALL fn_transfer(1, 2, 3);
