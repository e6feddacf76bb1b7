-- Whole-record assignment from a scalar subquery whose value is a row (was 0A000):
-- r := (SELECT t FROM t WHERE ...) into a record or %ROWTYPE variable; no row is NULL, two
-- rows PostgreSQL's 21000, a subquery of several columns (t.*) its 42601.
CREATE TABLE rt (a int, b text);
INSERT INTO rt VALUES (1, 'x'), (2, 'y');
-- notices
DO $$ DECLARE r record; BEGIN r := (SELECT t FROM rt t WHERE a = 1); RAISE NOTICE '% % %', r, r.a, pg_typeof(r.b); END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := (SELECT t FROM rt t WHERE a = 1); RAISE NOTICE '% %', r, r.b; END $$;
DO $$ DECLARE r rt; BEGIN r := (SELECT t.* FROM rt t WHERE a = 1); RAISE NOTICE '% %', r, r.b; END $$;
-- notices
DO $$ DECLARE r rt%ROWTYPE; BEGIN r := (SELECT rt FROM rt WHERE a = 2); RAISE NOTICE '% %', r, r.b; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := (SELECT t FROM rt t WHERE a = 5); RAISE NOTICE '[%] [%]', r, r.b; END $$;
-- detail
DO $$ DECLARE r rt; BEGIN r := (SELECT t FROM rt t); RAISE NOTICE '% %', r, r.b; END $$;
-- notices
DO $$ DECLARE r record; BEGIN r := (SELECT t FROM rt t WHERE a = 5); RAISE NOTICE '[%]', r; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := (SELECT ROW(3,'z')::rt); RAISE NOTICE '% %', r, r.b; END $$;
-- notices
DO $$ DECLARE r rt; BEGIN r := ( SELECT t FROM rt t ORDER BY a DESC LIMIT 1 ); RAISE NOTICE '% %', r, r.b; END $$;
-- notices
DO $$ DECLARE r rt; k int := 2; BEGIN r := (SELECT t FROM rt t WHERE t.b = ')' OR a = k); RAISE NOTICE '% %', r, r.a; END $$;
CREATE FUNCTION rt_get(i int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r rt;
BEGIN
  r := (SELECT x FROM rt x WHERE x.a = i);
  IF r IS NULL THEN RETURN 'none'; END IF;
  r.b := r.b || '!';
  RETURN r::text;
END $$;
SELECT rt_get(1), rt_get(2), rt_get(3);
