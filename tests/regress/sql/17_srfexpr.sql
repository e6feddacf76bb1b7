-- Set-returning functions in a select list beside others, inside expressions, (f()).col;
-- the tenant's functions in FROM with WITH ORDINALITY and LATERAL, ROWS FROM.
CREATE TABLE sx_t (id int PRIMARY KEY, n int, tag text);
INSERT INTO sx_t VALUES (1, 2, 'a'), (2, 3, 'b'), (3, 0, 'c');
CREATE FUNCTION sx_ids(lo int) RETURNS SETOF int LANGUAGE sql AS 'SELECT g FROM generate_series(lo, 3) g';
CREATE FUNCTION sx_tab(k int) RETURNS TABLE(name text, qty int) LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT 'n' || i, i * 10 FROM generate_series(1, k) i; END $$;
CREATE FUNCTION sx_pair(x int, OUT a int, OUT b text) LANGUAGE sql AS $$ SELECT x + 1, 'v' || x $$;
CREATE FUNCTION sx_sq(x int) RETURNS int LANGUAGE sql AS 'SELECT x * x';
-- Two or more set-returning functions in lockstep, the shorter padded with NULLs.
SELECT generate_series(1, 3) AS a, generate_series(1, 5) AS b;
SELECT generate_series(1, 2), unnest(ARRAY['x', 'y', 'z']);
SELECT sx_ids(1), sx_ids(2);
SELECT sx_ids(2) AS i, generate_series(10, 14) AS g, unnest(ARRAY[true, false]) AS u;
SELECT id, sx_ids(id), generate_series(1, n) FROM sx_t ORDER BY 1, 2, 3;
SELECT sx_tab(2), generate_series(1, 3);
SELECT generate_series(1, 0), unnest(ARRAY[]::int[]);
-- Inside expressions.
SELECT generate_series(1, 3) + 1 AS x;
SELECT upper(unnest(ARRAY['a', 'b'])) AS u;
SELECT sx_ids(1) * 10 AS t, 'k' || sx_ids(2) AS s;
SELECT id, generate_series(1, n) * id AS p FROM sx_t ORDER BY 1, 2;
SELECT sx_sq(generate_series(1, 3)) AS sq;
SELECT (sx_tab(3)).qty, (sx_tab(3)).name;
SELECT (sx_tab(2)).qty + 1 AS q;
SELECT (sx_pair(4)).b, (sx_pair(4)).a;
SELECT (sx_tab(2)).nosuch;
-- PostgreSQL's errors.
SELECT CASE WHEN id > 1 THEN generate_series(1, 2) END FROM sx_t;
SELECT COALESCE(unnest(ARRAY[1, NULL]), 0);
SELECT CASE WHEN true THEN sx_ids(1) ELSE 0 END;
SELECT sum(generate_series(1, 3));
SELECT count(sx_ids(1));
SELECT * FROM sx_t WHERE generate_series(1, 2) > 1;
SELECT * FROM sx_t WHERE sx_ids(1) > 1;
-- The tenant's functions in FROM: WITH ORDINALITY, LATERAL, arguments from other FROM items.
SELECT * FROM sx_ids(1) WITH ORDINALITY;
SELECT * FROM sx_tab(2) WITH ORDINALITY AS t(nm, q, o);
SELECT o.*, o.ordinality * 2 AS d FROM sx_sq(5) WITH ORDINALITY o;
SELECT t.id, s.* FROM sx_t t, LATERAL sx_ids(t.n) s ORDER BY 1, 2;
SELECT t.id, s FROM sx_t t, sx_ids(t.id) s ORDER BY 1, 2;
SELECT t.id, x.name, x.qty FROM sx_t t CROSS JOIN LATERAL sx_tab(t.n) x ORDER BY 1, 3;
SELECT t.id, x.name FROM sx_t t LEFT JOIN LATERAL sx_tab(t.n) x ON true ORDER BY 1, 2;
SELECT t.id, x.* FROM sx_t t, LATERAL sx_tab(t.n) WITH ORDINALITY x(a, b, k) ORDER BY 1, 4;
SELECT t.id, q.sq FROM sx_t t, LATERAL sx_sq(t.n) q(sq) ORDER BY 1;
SELECT t.id, p.* FROM sx_t t, sx_pair(t.id) p ORDER BY 1;
SELECT * FROM sx_t t, LATERAL sx_ids(t.n) s ORDER BY 1, 4;
-- ROWS FROM: the functions' rows side by side.
SELECT * FROM ROWS FROM (sx_ids(1), generate_series(1, 5)) ORDER BY 2;
SELECT * FROM ROWS FROM (sx_tab(2), sx_ids(2), sx_sq(3)) WITH ORDINALITY AS r(a, b, c, d, o);
SELECT r.* FROM ROWS FROM (unnest(ARRAY['a', 'b', 'c']), sx_pair(1)) AS r;
SELECT t.id, r.* FROM sx_t t, ROWS FROM (sx_ids(t.n), generate_series(1, t.id)) WITH ORDINALITY AS r(x, y, k) ORDER BY 1, 4;
SELECT r.x + 1 AS x1 FROM ROWS FROM (sx_ids(2)) AS r(x);
SELECT * FROM ROWS FROM (sx_ids(1), sx_ids(2)) AS r(a, b, c);
SELECT * FROM ROWS FROM (sx_ids(2)) WITH ORDINALITY;
SELECT count(*) FROM sx_t t, sx_tab(t.id) x;
SELECT DISTINCT generate_series(1, 3) + sx_ids(3) AS v ORDER BY 1;
SELECT tag, unnest(ARRAY[id, n]) * 2 AS u, generate_series(1, 2) AS g FROM sx_t ORDER BY 1, 2, 3;
SELECT regexp_split_to_table('a b c', ' ') || sx_ids(2) AS s;
-- differs: refused (0A000): a set-returning function beside an aggregate without GROUP BY
SELECT count(*), generate_series(1, 2) FROM sx_t;
SELECT (sx_tab(2)).*;
SELECT id, (sx_tab(id)).*, 'z' AS z FROM sx_t ORDER BY 1, 3;
SELECT (sx_pair(id)).*, id FROM sx_t ORDER BY id;
SELECT (sx_pair(7)).*;
SELECT (sx_tab(2)).*, generate_series(1, 3) AS g;
SELECT * FROM (SELECT (sx_tab(2)).*) s;
SELECT s.qty + 1 AS q FROM (SELECT (sx_tab(2)).*) s;
WITH w AS (SELECT (sx_pair(1)).*) SELECT * FROM w;
SELECT (sx_tab(2)).* UNION ALL SELECT 'z', 1;
SELECT generate_series(1, 2) AS a, generate_series(1, 2) AS b;
SELECT * FROM sx_tab(2) t, sx_pair(t.qty) p;
SELECT n FROM sx_t GROUP BY n HAVING generate_series(1, 2) > 1;
SELECT * FROM sx_t WHERE id IN (SELECT generate_series(1, 2));
SELECT * FROM sx_t WHERE EXISTS (SELECT sx_ids(2) WHERE false) OR id = 1;
