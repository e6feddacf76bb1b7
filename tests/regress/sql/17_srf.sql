-- User-defined functions beyond scalar calls: parameter defaults and named arguments
-- (PostgreSQL's overload resolution and errors).
CREATE FUNCTION srf_add(a int, b int DEFAULT 10) RETURNS int LANGUAGE sql AS 'SELECT a + b';
SELECT srf_add(1), srf_add(1, 2), srf_add(b => 3, a => 1), srf_add(1, b := 5);
SELECT srf_add(c => 1);
SELECT srf_add(1, a => 2);
SELECT srf_add();
SELECT srf_add(a => 1, a => 2);
SELECT srf_add(a => 1, 2);
CREATE FUNCTION srf_add(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
SELECT srf_add(1);
SELECT srf_add(a => 1);
SELECT srf_add(1, 2);
SELECT p.proname, pg_get_function_arguments(p.oid), pg_get_function_identity_arguments(p.oid), p.pronargs, p.pronargdefaults FROM pg_proc p WHERE p.proname = 'srf_add' ORDER BY p.pronargs;
DROP FUNCTION srf_add(int);
CREATE FUNCTION srf_bad(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION srf_bad(a int DEFAULT 'x') RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION srf_bad(a int DEFAULT x) RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION srf_bad(a int DEFAULT (SELECT 1)) RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION srf_bad(a int DEFAULT nosuch()) RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION srf_greet(name text, greeting text = 'hello', punct text DEFAULT '!') RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN greeting || ', ' || name || punct; END $$;
SELECT srf_greet('ann'), srf_greet('bob', 'hi'), srf_greet('cy', punct => '?'), srf_greet(punct => '.', name => 'di');
SELECT srf_greet(greeting => 'yo');
CREATE OR REPLACE FUNCTION srf_greet(name text, greeting text, punct text DEFAULT '!') RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN greeting || name || punct; END $$;
CREATE FUNCTION srf_day(d date DEFAULT '2024-02-28', n int = 1 + 1) RETURNS date LANGUAGE sql AS 'SELECT d + n';
SELECT srf_day(), srf_day('2023-12-31'), srf_day(n => 0);
CREATE FUNCTION srf_two(x int, y numeric DEFAULT 1.5) RETURNS text LANGUAGE sql AS $$ SELECT 'int ' || y $$;
CREATE FUNCTION srf_two(x numeric) RETURNS text LANGUAGE sql AS $$ SELECT 'numeric' $$;
SELECT srf_two(1), srf_two(1.0), srf_two(x => 2, y => 0.25);
SELECT srf_two(y => 1);
CREATE PROCEDURE srf_proc(a int, b int DEFAULT 2) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'a=% b=%', a, b; END $$;
CALL srf_proc(1);
CALL srf_proc(b => 5, a => 4);
CALL srf_proc(c => 1);
PREPARE srf_prep AS SELECT srf_greet($1, punct => $2);
EXECUTE srf_prep('eve', '...');
-- RETURNS SETOF and RETURNS TABLE (LANGUAGE sql), called in FROM.
CREATE TABLE srf_items (id int PRIMARY KEY, name text, qty int);
INSERT INTO srf_items VALUES (1, 'a', 5), (2, 'b', 7), (3, 'c', 9);
CREATE FUNCTION srf_ids(lo int) RETURNS SETOF int LANGUAGE sql AS 'SELECT id FROM srf_items WHERE id >= lo ORDER BY id';
SELECT * FROM srf_ids(2);
SELECT x.v FROM srf_ids(1) AS x(v) ORDER BY 1 DESC;
SELECT * FROM srf_ids(1) AS s;
CREATE FUNCTION srf_tab(minq int DEFAULT 0) RETURNS TABLE(name text, qty int) LANGUAGE sql STABLE AS $$ SELECT name, qty FROM srf_items WHERE qty >= minq ORDER BY qty $$;
SELECT * FROM srf_tab(6);
SELECT t.qty * 2 AS dbl, t.name FROM srf_tab() t WHERE t.name <> 'b';
SELECT i.id, t.qty FROM srf_items i JOIN srf_tab(0) t ON t.name = i.name ORDER BY 1;
SELECT count(*) FROM srf_tab(100);
SELECT * FROM srf_tab(0) AS t(a, b, c);
SELECT proname, proretset, pg_get_function_result(oid), proallargtypes, proargmodes, proargnames FROM pg_proc WHERE proname IN ('srf_ids', 'srf_tab') ORDER BY 1;
CREATE FUNCTION srf_one(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2';
SELECT * FROM srf_one(21);
SELECT * FROM srf_one(21) AS o(v);
SELECT srf_ids(2);
SELECT srf_ids(1) AS v, 'x' AS k;
SELECT id, srf_ids(id) FROM srf_items ORDER BY 1, 2;
SELECT srf_tab(6);
-- differs: refused (0A000): two set-returning functions in one select list
SELECT srf_tab(6), srf_ids(1);
-- differs: refused (0A000): a set-returning function inside an expression
SELECT srf_ids(1) + 1;
CREATE OR REPLACE FUNCTION srf_ids(lo int) RETURNS int LANGUAGE sql AS 'SELECT lo';
-- differs: the body's result columns are checked when it runs (PostgreSQL: at CREATE, 42P13)
CREATE FUNCTION srf_bad() RETURNS SETOF int LANGUAGE sql AS 'SELECT 1, 2';
-- Set-returning PL/pgSQL functions: RETURN NEXT, RETURN QUERY [EXECUTE].
CREATE FUNCTION srf_evens(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..n LOOP IF i % 2 = 0 THEN RETURN NEXT i * 10; END IF; END LOOP; RETURN; END $$;
SELECT * FROM srf_evens(7);
SELECT sum(e) FROM srf_evens(100) AS s(e);
CREATE FUNCTION srf_big(minq int) RETURNS TABLE(name text, qty int) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT i.name, i.qty FROM srf_items i WHERE i.qty >= minq ORDER BY i.qty DESC; RETURN QUERY EXECUTE 'SELECT $1::text, $2::int' USING 'extra', minq; END $$;
SELECT * FROM srf_big(6);
SELECT b.name FROM srf_big(100) b;
CREATE FUNCTION srf_none() RETURNS SETOF text LANGUAGE plpgsql AS $$ BEGIN END $$;
SELECT count(*) FROM srf_none();
CREATE FUNCTION srf_bad_ret() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
CREATE FUNCTION srf_bad_query() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 1, 2; END $$;
SELECT * FROM srf_bad_query();
SELECT p.proname, pg_get_function_result(p.oid), p.proretset FROM pg_proc p WHERE p.proname IN ('srf_evens', 'srf_big') ORDER BY 1;
-- OUT and INOUT parameters: one is the result, several make a record.
CREATE FUNCTION srf_o1(x int, OUT y int) LANGUAGE plpgsql AS $$ BEGIN y := x * 2; END $$;
SELECT srf_o1(4);
SELECT * FROM srf_o1(4);
CREATE FUNCTION srf_o2(x int, OUT a int, OUT b text) LANGUAGE plpgsql AS $$ BEGIN a := x + 1; b := 'v' || x; RETURN; END $$;
SELECT srf_o2(1);
SELECT * FROM srf_o2(1);
SELECT t.b FROM srf_o2(5) t;
SELECT id, srf_o2(id) FROM srf_items ORDER BY id;
CREATE FUNCTION srf_io(INOUT n int, OUT sq int) LANGUAGE sql AS 'SELECT n + 1, n * n';
SELECT * FROM srf_io(3);
SELECT srf_io(3);
CREATE FUNCTION srf_osql(x int, OUT r text) LANGUAGE sql AS $$ SELECT 'r' || x $$;
SELECT srf_osql(5), o.* FROM srf_osql(6) o;
CREATE FUNCTION srf_obad(x int, OUT y int) RETURNS text LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION srf_obad(x int, OUT y int, OUT z int) RETURNS int LANGUAGE sql AS 'SELECT 1, 2';
CREATE FUNCTION srf_obad(x int, OUT y int DEFAULT 1) LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION srf_obad2(OUT y int) LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
SELECT proname, proargtypes, proallargtypes, proargmodes, proargnames, pg_get_function_result(oid), pg_get_function_arguments(oid), pg_get_function_identity_arguments(oid) FROM pg_proc WHERE proname IN ('srf_o1', 'srf_o2', 'srf_io') ORDER BY 1;
-- differs: refused (0A000): a record of OUT parameters inside an expression
SELECT srf_o2(1) IS NOT NULL;
