-- RETURN NEXT of a variable in a PL/pgSQL function RETURNS SETOF: a record's or row-typed
-- variable's fields are the next row (record, %ROWTYPE, a table's name as the type), a scalar
-- variable's value is (RETURNS SETOF int); mixed with RETURN QUERY and RETURN NEXT expr.
CREATE TABLE srec_items (id int, name text);
INSERT INTO srec_items VALUES (1, 'a'), (2, 'b'), (3, NULL);
CREATE FUNCTION srec_loop() RETURNS SETOF record LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN FOR r IN SELECT id, name FROM srec_items ORDER BY id LOOP RETURN NEXT r; END LOOP; RETURN; END $$;
SELECT * FROM srec_loop() AS t(a int, b text);
SELECT b, a FROM srec_loop() AS t(a int, b text) WHERE a > 1 ORDER BY a DESC;
CREATE FUNCTION srec_ints(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$ DECLARE i int; BEGIN FOR i IN 1..n LOOP RETURN NEXT i; END LOOP; END $$;
SELECT * FROM srec_ints(3);
SELECT srec_ints(2);
CREATE FUNCTION srec_arg(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT n; RETURN NEXT n + 1; RETURN NEXT "n"; END $$;
SELECT * FROM srec_arg(7);
CREATE FUNCTION srec_row() RETURNS SETOF record LANGUAGE plpgsql AS $$ DECLARE r srec_items; BEGIN SELECT * INTO r FROM srec_items WHERE id = 2; RETURN NEXT r; r.name := 'z'; RETURN NEXT r; END $$;
SELECT * FROM srec_row() AS t(a int, b text);
-- the column definition list does not match the record: 42804 wrong record type supplied in RETURN NEXT
SELECT * FROM srec_row() AS t(a int, b int);
SELECT * FROM srec_row() AS t(a int);
-- a record not assigned yet: 55000
CREATE FUNCTION srec_unset() RETURNS SETOF record LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN RETURN NEXT r; END $$;
SELECT * FROM srec_unset() AS t(a int);
CREATE FUNCTION srec_mixed() RETURNS SETOF record LANGUAGE plpgsql AS $$ DECLARE r srec_items%ROWTYPE; "Q" record; BEGIN RETURN NEXT r; SELECT 5 AS x, 'y' AS y INTO "Q"; RETURN NEXT "Q"; RETURN QUERY SELECT 7, 'w'; END $$;
SELECT * FROM srec_mixed() AS t(a int, b text);
-- RETURN NEXT in a loop over a query, with the variable's fields changed
CREATE FUNCTION srec_upper() RETURNS SETOF record LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN FOR r IN SELECT id, name FROM srec_items WHERE name IS NOT NULL ORDER BY id LOOP r.name := upper(r.name); RETURN NEXT r; END LOOP; END $$;
SELECT * FROM srec_upper() AS t(a int, b text);
-- in a non-SETOF function: 42804 at CREATE
CREATE FUNCTION srec_bad() RETURNS int LANGUAGE plpgsql AS $$ DECLARE i int := 1; BEGIN RETURN NEXT i; END $$;
-- RETURNS record in PL/pgSQL: RETURN ROW(...), RETURN (a, b), RETURN NULL (a row of NULLs)
CREATE FUNCTION srec_one(k int) RETURNS record LANGUAGE plpgsql AS $$ BEGIN IF k > 0 THEN RETURN ROW(k, k * 2); ELSIF k = 0 THEN RETURN (k, -1); END IF; RETURN NULL; END $$;
SELECT * FROM srec_one(2) AS t(a int, b int);
SELECT * FROM srec_one(0) AS t(a int, b int);
SELECT * FROM srec_one(-1) AS t(a int, b int);
SELECT a IS NULL AS an, b IS NULL AS bn FROM srec_one(-1) AS t(a int, b text);
-- the row's fields must have the list's types: 42804
SELECT * FROM srec_one(2) AS t(a int, b text);
SELECT * FROM srec_one(2) AS t(a int);
SELECT * FROM srec_one(2) AS t(a int, b bigint);
-- a string literal or NULL in the row is of type unknown to PostgreSQL, which matches no column: 42804
CREATE FUNCTION srec_lit(k int) RETURNS record LANGUAGE plpgsql AS $$ BEGIN IF k = 1 THEN RETURN ROW(1, 'x'); ELSIF k = 2 THEN RETURN ROW(1, NULL); END IF; RETURN ROW('a'::text, k, NULL::date); END $$;
SELECT * FROM srec_lit(1) AS t(a int, b text);
SELECT * FROM srec_lit(2) AS t(a int, b text);
SELECT * FROM srec_lit(3) AS t(a text, b int, c date);
CREATE FUNCTION srec_vars() RETURNS record LANGUAGE plpgsql AS $$ DECLARE x numeric := 1.5; y text := 'q'; BEGIN RETURN ROW(x, upper(y), x * 2); END $$;
SELECT * FROM srec_vars() AS t(a numeric, b text, c numeric);
-- RETURN NEXT with a value where the function has OUT parameters (RETURNS TABLE's columns): 42804 at CREATE
CREATE FUNCTION srec_tab() RETURNS TABLE (a int) LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN RETURN NEXT r; END $$;
CREATE FUNCTION srec_tab2() RETURNS TABLE (a int) LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT 1; END $$;
DO $$ DECLARE r record; BEGIN RETURN NEXT r; END $$;
