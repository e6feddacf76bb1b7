-- FOREACH into a record, a row variable or several variables over an array of a row type
-- (was 0A000): each element's fields, by position; 42804 for elements that are no rows.
CREATE TYPE fpair AS (x int, y text);
CREATE TABLE ft (a int, b text);
INSERT INTO ft VALUES (1, 'one'), (2, 'two');
-- notices
DO $$ DECLARE e fpair; BEGIN FOREACH e IN ARRAY ARRAY[ROW(1,'a')::fpair, ROW(2,'b')::fpair] LOOP RAISE NOTICE '% % %', e, e.x, e.y; END LOOP; END $$;
-- notices
DO $$ DECLARE e record; BEGIN FOREACH e IN ARRAY ARRAY[ROW(1,'a')::fpair, ROW(3,NULL)::fpair] LOOP RAISE NOTICE '% % %', e, e.x, e.y; END LOOP; END $$;
-- notices
DO $$ DECLARE x int; y text; BEGIN FOREACH x, y IN ARRAY ARRAY[ROW(1,'a')::fpair, ROW(2,'b')::fpair] LOOP RAISE NOTICE '% %', x, y; END LOOP; END $$;
-- notices
DO $$ DECLARE t ft; n int := 0; BEGIN FOREACH t IN ARRAY (SELECT array_agg(ROW(a, b)::ft ORDER BY a) FROM ft) LOOP n := n + t.a; RAISE NOTICE '% %', t, t.b; END LOOP; RAISE NOTICE 'n %', n; END $$;
-- notices
DO $$ DECLARE e ft; BEGIN FOREACH e IN ARRAY ARRAY[ROW(1,'a')::fpair] LOOP RAISE NOTICE '% %', e, e.b; END LOOP; END $$;
-- notices
DO $$ DECLARE e record; BEGIN FOREACH e IN ARRAY ARRAY[1, 2] LOOP RAISE NOTICE '%', e; END LOOP; END $$;
-- notices
DO $$ DECLARE x int; y int; BEGIN FOREACH x, y IN ARRAY ARRAY[1, 2] LOOP RAISE NOTICE '%', x; END LOOP; END $$;
-- notices
DO $$ DECLARE e record; BEGIN FOREACH e SLICE 1 IN ARRAY ARRAY[ROW(1,'a')::fpair] LOOP RAISE NOTICE '%', e; END LOOP; END $$;
-- notices
DO $$ DECLARE e fpair; BEGIN FOREACH e IN ARRAY '{"(5,five)","(6,\"s i x\")"}'::fpair[] LOOP RAISE NOTICE '% %', e.x, e.y; END LOOP; END $$;
CREATE FUNCTION fsum(ps fpair[]) RETURNS int LANGUAGE plpgsql AS $$ DECLARE p fpair; s int := 0; BEGIN FOREACH p IN ARRAY ps LOOP s := s + p.x; END LOOP; RETURN s; END $$;
SELECT fsum(ARRAY[ROW(1,'a')::fpair, ROW(41,'b')::fpair]);
-- a row variable's NULL element: its fields NULL
-- notices
DO $$ DECLARE e fpair; BEGIN FOREACH e IN ARRAY ARRAY[NULL::fpair, ROW(7, 'z')::fpair] LOOP RAISE NOTICE '[%] % %', e, e.x, e IS NULL; END LOOP; END $$;
-- a table's row type, from a parameter
CREATE FUNCTION fnames(rows ft[]) RETURNS text LANGUAGE plpgsql AS $$ DECLARE a int; b text; s text := ''; BEGIN FOREACH a, b IN ARRAY rows LOOP s := s || a || '=' || b || ';'; END LOOP; RETURN s; END $$;
SELECT fnames(ARRAY[ROW(1, 'x')::ft, ROW(2, 'y')::ft]);
