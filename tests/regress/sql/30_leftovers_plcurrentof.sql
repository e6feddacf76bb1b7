-- UPDATE/DELETE ... WHERE CURRENT OF a PL/pgSQL block's own cursor: bound and unbound
-- cursors, FOR rec IN cursor loops, refcursor variables, and PostgreSQL's errors.
CREATE TABLE lco (id int PRIMARY KEY, v int, note text);
INSERT INTO lco VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c'), (4, 40, 'd');
-- a bound cursor: FETCH, then the row it is on
DO $$ DECLARE c CURSOR FOR SELECT * FROM lco ORDER BY id; r record; BEGIN OPEN c; FETCH c INTO r; UPDATE lco SET v = v + 1 WHERE CURRENT OF c; FETCH c INTO r; FETCH c INTO r; DELETE FROM lco WHERE CURRENT OF c; CLOSE c; END $$;
SELECT * FROM lco ORDER BY id;
-- FOR rec IN cursor: the loop's row
DO $$ DECLARE c CURSOR FOR SELECT id, v FROM lco WHERE v > 15; BEGIN FOR r IN c LOOP UPDATE lco SET note = 'loop ' || r.id WHERE CURRENT OF c; END LOOP; END $$;
SELECT * FROM lco ORDER BY id;
-- an unbound refcursor opened FOR a query, with a variable in it
DO $$ DECLARE c refcursor; r record; lim int := 2; BEGIN OPEN c FOR SELECT * FROM lco WHERE id > lim ORDER BY id; FETCH c INTO r; UPDATE lco SET v = -r.v WHERE CURRENT OF c; CLOSE c; END $$;
SELECT * FROM lco ORDER BY id;
-- a bound cursor with arguments, MOVE, and a function
CREATE FUNCTION lco_bump(k int) RETURNS int LANGUAGE plpgsql AS $$ DECLARE c CURSOR (x int) FOR SELECT * FROM lco WHERE id >= x ORDER BY id; n int := 0; BEGIN OPEN c(k); LOOP MOVE c; EXIT WHEN NOT FOUND; UPDATE lco SET v = v * 10 WHERE CURRENT OF c; n := n + 1; END LOOP; CLOSE c; RETURN n; END $$;
SELECT lco_bump(2);
SELECT * FROM lco ORDER BY id;
-- the cursor's name given by the refcursor variable's value
DO $$ DECLARE c refcursor := 'named_one'; r record; BEGIN OPEN c FOR SELECT * FROM lco ORDER BY id; FETCH LAST FROM c INTO r; UPDATE lco SET note = 'last' WHERE CURRENT OF named_one; CLOSE c; END $$;
SELECT * FROM lco ORDER BY id;
-- errors: not on a row (24000), another table (24000), not a simple scan (24000), not open (34000)
DO $$ DECLARE c CURSOR FOR SELECT * FROM lco ORDER BY id; BEGIN OPEN c; UPDATE lco SET v = 0 WHERE CURRENT OF c; END $$;
DO $$ DECLARE c CURSOR FOR SELECT * FROM lco ORDER BY id; r record; BEGIN OPEN c; LOOP FETCH c INTO r; EXIT WHEN NOT FOUND; END LOOP; UPDATE lco SET v = 0 WHERE CURRENT OF c; END $$;
CREATE TABLE lco_other (id int);
DO $$ DECLARE c CURSOR FOR SELECT * FROM lco ORDER BY id; r record; BEGIN OPEN c; FETCH c INTO r; DELETE FROM lco_other WHERE CURRENT OF c; END $$;
DO $$ DECLARE c CURSOR FOR SELECT count(*) FROM lco; r record; BEGIN OPEN c; FETCH c INTO r; DELETE FROM lco WHERE CURRENT OF c; END $$;
DO $$ DECLARE c CURSOR FOR SELECT * FROM lco; BEGIN UPDATE lco SET v = 0 WHERE CURRENT OF c; END $$;
DO $$ DECLARE c CURSOR FOR SELECT * FROM lco ORDER BY id; r record; BEGIN OPEN c; FETCH c INTO r; CLOSE c; UPDATE lco SET v = 0 WHERE CURRENT OF c; END $$;
DO $$ BEGIN UPDATE lco SET v = 0 WHERE CURRENT OF nosuch; END $$;
-- a session's cursor is still found from a DO block
BEGIN;
DECLARE sc CURSOR FOR SELECT * FROM lco ORDER BY id;
FETCH sc;
DO $$ BEGIN UPDATE lco SET note = 'session' WHERE CURRENT OF sc; END $$;
COMMIT;
SELECT * FROM lco ORDER BY id;
-- a cursor a function leaves open (the refcursor it returns): FETCH from it, then the row
CREATE FUNCTION lco_open() RETURNS refcursor LANGUAGE plpgsql AS $$ DECLARE c refcursor := 'lco_c'; r record; BEGIN OPEN c FOR SELECT id, v FROM lco ORDER BY id; FETCH c INTO r; RETURN c; END $$;
BEGIN;
SELECT lco_open();
UPDATE lco SET note = 'left open' WHERE CURRENT OF lco_c;
FETCH lco_c;
DELETE FROM lco WHERE CURRENT OF lco_c;
COMMIT;
SELECT * FROM lco ORDER BY id;
