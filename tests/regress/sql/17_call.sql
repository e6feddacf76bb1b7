-- CALL of procedures with INOUT parameters: their values come back as one row, named and
-- typed as the parameters (tag CALL).
CREATE TABLE cx_log (v int);
CREATE PROCEDURE cx_inc(INOUT n int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO cx_log VALUES (n); n := n + 1; END $$;
CALL cx_inc(5);
CALL cx_inc(NULL);
CREATE PROCEDURE cx_two(INOUT a int, INOUT b text, k int DEFAULT 2) LANGUAGE plpgsql AS $$ BEGIN a := a * k; b := b || '!'; END $$;
CALL cx_two(3, 'x');
CALL cx_two(b => 'y', a => 4, k => 10);
CREATE PROCEDURE cx_sql(INOUT x int, INOUT y numeric) LANGUAGE sql AS 'SELECT x + 1, y * 2';
CALL cx_sql(2, 5.5);
CREATE PROCEDURE cx_fail(INOUT n int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO cx_log VALUES (n); RAISE EXCEPTION 'no' USING ERRCODE = '22023'; END $$;
CALL cx_fail(7);
SELECT * FROM cx_log ORDER BY 1;
CREATE PROCEDURE cx_plain(a int) LANGUAGE sql AS 'INSERT INTO cx_log VALUES (a)';
CALL cx_plain(9);
SELECT count(*) FROM cx_log;
CREATE PROCEDURE cx_s1(INOUT x int) LANGUAGE sql AS 'SELECT x * 3';
CALL cx_s1(4);
SELECT proname, prokind, prorettype::regtype, proargtypes, proallargtypes, proargmodes, proargnames, pg_get_function_arguments(oid) FROM pg_proc WHERE proname IN ('cx_inc', 'cx_two', 'cx_s1') ORDER BY 1;
SELECT cx_inc(1);
DROP PROCEDURE cx_inc(int);
CALL cx_inc(1);
-- OUT parameters: CALL passes a value in their places too (not evaluated), as PostgreSQL 14+.
CREATE PROCEDURE cx_out(IN a int, OUT b int, INOUT c text) LANGUAGE plpgsql AS $$ BEGIN b := a * 2; c := c || a; END $$;
SELECT proname, pronargs, proargtypes, proallargtypes, proargmodes, prorettype::regtype, pg_get_function_arguments(oid), pg_get_function_identity_arguments(oid) FROM pg_proc WHERE proname = 'cx_out';
CALL cx_out(3, NULL, 'x');
CALL cx_out(3, 'x');
CALL cx_out(3, 1, 'x');
DROP PROCEDURE cx_out(int, int, text);
CREATE PROCEDURE cx_o2(OUT x int, INOUT y int, z int DEFAULT 5) LANGUAGE sql AS 'SELECT y + z, y * z';
CALL cx_o2(NULL, 2);
CALL cx_o2(NULL, 2, 3);
CALL cx_o2(y => 4, x => NULL);
SELECT cx_o2(1, 2);
DROP PROCEDURE cx_o2(int, int);
