-- SQL-standard function bodies (PostgreSQL 14+, what pg_dump writes for such functions):
-- RETURN expr and BEGIN ATOMIC ... END, kept as the LANGUAGE sql body they mean.
CREATE FUNCTION sb_inc(int) RETURNS int LANGUAGE sql RETURN $1 + 1;
SELECT sb_inc(2);
CREATE FUNCTION sb_twice(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT $1 * 2; END;
SELECT sb_twice(4);
CREATE FUNCTION sb_mul(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE RETURN a * b;
SELECT sb_mul(3, 4), sb_mul(NULL, 1);
CREATE OR REPLACE FUNCTION sb_mul(a int, b int) RETURNS int RETURN a + b;
SELECT sb_mul(3, 4);
CREATE TABLE sb_t (x int);
CREATE PROCEDURE sb_ins(v int) LANGUAGE sql BEGIN ATOMIC INSERT INTO sb_t VALUES (v); INSERT INTO sb_t VALUES (v + 1); END;
CALL sb_ins(10);
SELECT x FROM sb_t ORDER BY x;
CREATE FUNCTION sb_both(t text) RETURNS SETOF text LANGUAGE sql BEGIN ATOMIC SELECT upper(t) UNION ALL SELECT lower(t); END;
SELECT * FROM sb_both('Ab') ORDER BY 1;
CREATE FUNCTION sb_bad() RETURNS int LANGUAGE plpgsql RETURN 1;
SELECT proname, prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql') FROM pg_proc WHERE proname LIKE 'sb\_%' ORDER BY 1;
