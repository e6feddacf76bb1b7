-- RETURNS SETOF record (or SETOF the one's type) with OUT parameters (was 0A000): RETURN NEXT;
-- adds the OUT parameters' values as the next row, RETURN QUERY its rows, a LANGUAGE sql body
-- its last query's rows. A LANGUAGE sql body names its input parameters only: an OUT
-- parameter's name is the column's (it read the NULL parameter).
CREATE TABLE so (id int, name text, qty int);
INSERT INTO so VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30);
CREATE FUNCTION so_f(OUT a int, OUT b text) RETURNS SETOF record LANGUAGE plpgsql AS $$ BEGIN a := 1; b := 'x'; RETURN NEXT; a := 2; RETURN NEXT; END $$;
SELECT * FROM so_f();
SELECT so_f();
SELECT a FROM so_f() WHERE b = 'x' ORDER BY a DESC;
CREATE FUNCTION so_items(min_qty int, OUT item_id int, OUT item_name text) RETURNS SETOF record LANGUAGE plpgsql AS $$
BEGIN
  FOR item_id, item_name IN SELECT id, name FROM so WHERE qty >= min_qty ORDER BY id LOOP
    RETURN NEXT;
  END LOOP;
END $$;
SELECT * FROM so_items(15);
SELECT item_name FROM so_items(0) WHERE item_id > 1;
CREATE FUNCTION so_q(INOUT n int, OUT sq int) RETURNS SETOF record LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT g, g * g FROM generate_series(1, n) g;
END $$;
SELECT * FROM so_q(3);
CREATE FUNCTION so_one(OUT v int) RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..3 LOOP v := i * 7; RETURN NEXT; END LOOP; END $$;
SELECT * FROM so_one();
SELECT so_one();
CREATE FUNCTION so_sql(lim int, OUT id int, OUT name text) RETURNS SETOF record LANGUAGE sql AS $$ SELECT id, name FROM so ORDER BY id LIMIT lim $$;
SELECT * FROM so_sql(2);
SELECT * FROM so_sql(5) s WHERE s.name <> 'a';
CREATE FUNCTION so_empty(OUT a int, OUT b int) RETURNS SETOF record LANGUAGE plpgsql AS $$ BEGIN RETURN; END $$;
SELECT count(*) FROM so_empty();
CREATE FUNCTION so_bad(OUT a int, OUT b int) RETURNS SETOF record LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT 1; END $$;
CREATE FUNCTION so_bad2(OUT a int, OUT b int) RETURNS SETOF record LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
CREATE FUNCTION so_bad3(OUT a int, OUT b int) RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN; END $$;
SELECT proname, proretset, prorettype::regtype, proargmodes, pg_get_function_result(oid), pg_get_function_arguments(oid) FROM pg_proc WHERE proname LIKE 'so\_%' ORDER BY proname;
SELECT * FROM so_f() AS t(x, y);
CREATE FUNCTION so_x(lim int, OUT id int, OUT name text) LANGUAGE sql AS $$ SELECT id, name FROM so ORDER BY id LIMIT lim $$;
SELECT * FROM so_x(1);
SELECT so_x(1);
