-- A function in FROM whose argument is an uncorrelated scalar subquery (was 0A000 for a
-- function returning a row type: "joined to other FROM items").
CREATE TABLE rt (a int, b text);
INSERT INTO rt VALUES (1, 'x'), (2, 'y');
CREATE FUNCTION f(i int) RETURNS rt LANGUAGE plpgsql AS $$ DECLARE r rt; BEGIN SELECT * INTO r FROM rt WHERE a = i; RETURN r; END $$;
SELECT * FROM f((SELECT max(a) FROM rt));
SELECT * FROM f((SELECT min(a) FROM rt)) AS x;
SELECT b FROM f((SELECT max(a) FROM rt));
SELECT * FROM f(1 + (SELECT count(*)::int FROM rt));
SELECT * FROM rt x, f((SELECT max(t.a) FROM rt t)) ORDER BY 1;
CREATE FUNCTION g(i int) RETURNS SETOF rt LANGUAGE sql AS $$ SELECT * FROM rt WHERE a <= i $$;
SELECT * FROM g((SELECT max(a) FROM rt)) ORDER BY a;
SELECT * FROM g((SELECT max(a) FROM rt WHERE a < 5)) WITH ORDINALITY;
SELECT * FROM generate_series(1, (SELECT max(a) FROM rt)) g;
SELECT * FROM rt x, generate_series(1, (SELECT x.a)) g ORDER BY 1, 3;
SELECT * FROM rt x, generate_series(1, (SELECT max(a) FROM rt)) g ORDER BY 1, 3;
SELECT * FROM unnest((SELECT array_agg(a ORDER BY a) FROM rt)) u;
