-- Assigning a whole record in PL/pgSQL (was 0A000 for anything but NULL): from another record
-- variable, ROW(...) or (a, b), a composite value; a row variable takes the fields by position,
-- a record the value's structure (ROW's fields named f1, f2, ...); NEW := OLD in a trigger.
CREATE TABLE rt (a int, b text);
INSERT INTO rt VALUES (1, 'x'), (2, 'y');
CREATE TYPE rpair AS (x int, y text);
-- notices
DO $$ DECLARE r record; BEGIN r := ROW(1, 'a'); RAISE NOTICE '% % %', r, r.f1, pg_typeof(r.f1); END $$;
-- notices
DO $$ DECLARE r record; BEGIN r := (1, 2.5); RAISE NOTICE '% %', r, pg_typeof(r.f2); END $$;
-- notices
DO $$ DECLARE r record; s record; BEGIN SELECT * INTO s FROM rt WHERE a = 2; r := s; s.a := 5; RAISE NOTICE '% % %', r, r.b, s; END $$;
-- notices
DO $$ DECLARE r rt%ROWTYPE; s rt%ROWTYPE; BEGIN SELECT * INTO s FROM rt WHERE a = 2; r := s; RAISE NOTICE '% %', r, r.b; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := ROW(7, 'z'); RAISE NOTICE '% %', r, r.a; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := ROW('8', 9); RAISE NOTICE '% % %', r, r.a, pg_typeof(r.b); END $$;
DO $$ DECLARE r rt; BEGIN r := ROW(1); END $$;
DO $$ DECLARE r rt; BEGIN r := ROW(1, 'a', 3); END $$;
DO $$ DECLARE r rt; BEGIN r := ROW('x', 'a'); END $$;
-- notices
DO $$ DECLARE r record; BEGIN r := (SELECT t FROM rt t WHERE a = 1); RAISE NOTICE '% % %', r, r.a, pg_typeof(r.b); END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := (SELECT t FROM rt t WHERE a = 1); RAISE NOTICE '% %', r, r.b; END $$;
-- notices
DO $$ DECLARE r rpair; BEGIN r := ROW(3, 'q')::rpair; RAISE NOTICE '% %', r, r.y; END $$;
-- notices
DO $$ DECLARE r rpair; q rpair; BEGIN r := ROW(3, 'q'); q := r; RAISE NOTICE '% %', q, q.x; END $$;
DO $$ DECLARE r record; s record; BEGIN r := s; END $$;
-- notices
DO $$ DECLARE r record; s rt; BEGIN r := s; RAISE NOTICE '[%] %', r, r.a; END $$;
DO $$ DECLARE r record; BEGIN r := 5; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := '(4,w)'; RAISE NOTICE '% %', r, r.a; END $$;
-- notices
DO $$ DECLARE r record; BEGIN r := ROW(1, 'a'); r := ROW(2, 3, 4); RAISE NOTICE '% %', r, r.f3; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := NULL; RAISE NOTICE '[%]', r; END $$;
CREATE FUNCTION rt_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.b = 'keep' THEN NEW := OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER rt_keep BEFORE UPDATE ON rt FOR EACH ROW EXECUTE FUNCTION rt_keep();
UPDATE rt SET a = a + 10, b = 'keep' WHERE a = 1;
UPDATE rt SET a = a + 10 WHERE a = 2;
SELECT * FROM rt ORDER BY a;
CREATE FUNCTION rt_f(p rt) RETURNS text LANGUAGE plpgsql AS $$ DECLARE r rt; BEGIN r := p; r.a := r.a * 100; RETURN r::text; END $$;
SELECT rt_f(t) FROM rt t ORDER BY a;
-- a row variable of a composite type from a function's value, and a record copied then changed
CREATE FUNCTION rt_make(int) RETURNS rpair LANGUAGE sql AS $$ SELECT ROW($1, 'made')::rpair $$;
-- notices
DO $$ DECLARE p rpair; q record; BEGIN p := rt_make(4); q := p; q.x := 40; RAISE NOTICE '% % %', p, q, q.y; END $$;
-- notices
DO $$ DECLARE r record; BEGIN r := rt_make(5); RAISE NOTICE '% %', r.x, r; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := ROW(1, 'a'); r := NULL; RAISE NOTICE '[%] [%]', r, r.a; END $$;
