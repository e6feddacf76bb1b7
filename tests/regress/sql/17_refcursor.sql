-- A PL/pgSQL function returning a refcursor whose cursor the caller then FETCHes in the same
-- transaction (psqlODBC's and JDBC's refcursor results).
CREATE TABLE rc_t (id int, name text);
INSERT INTO rc_t VALUES (1, 'a'), (2, 'b'), (3, 'c');
CREATE FUNCTION rc_open(lo int) RETURNS refcursor LANGUAGE plpgsql AS $$ DECLARE c refcursor; BEGIN OPEN c FOR SELECT id, name FROM rc_t WHERE id >= lo ORDER BY id; RETURN c; END $$;
CREATE FUNCTION rc_named() RETURNS refcursor LANGUAGE plpgsql AS $$ DECLARE c refcursor := 'rc_cur'; BEGIN OPEN c FOR SELECT id * 10 AS tens FROM rc_t ORDER BY id; RETURN c; END $$;
BEGIN;
SELECT rc_open(2);
FETCH ALL IN "<unnamed portal 1>";
SELECT rc_open(1);
FETCH 1 IN "<unnamed portal 2>";
FETCH NEXT FROM "<unnamed portal 2>";
MOVE BACKWARD 1 IN "<unnamed portal 2>";
FETCH 5 FROM "<unnamed portal 2>";
SELECT rc_named();
FETCH ALL FROM rc_cur;
SELECT name, is_holdable, is_binary FROM pg_cursors ORDER BY name;
CLOSE rc_cur;
SELECT rc_named();
SELECT rc_named();
ROLLBACK;
FETCH ALL IN "<unnamed portal 1>";
BEGIN;
DO $$ DECLARE c refcursor := 'rc_do'; BEGIN OPEN c FOR SELECT name FROM rc_t WHERE id = 3; END $$;
FETCH ALL IN rc_do;
COMMIT;
FETCH ALL IN rc_do;
SELECT rc_named();
FETCH ALL IN rc_cur;
