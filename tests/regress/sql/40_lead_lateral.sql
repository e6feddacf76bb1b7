-- A LATERAL subquery's columns by their bare names: found when no other FROM item of the
-- query level has that name, 42702 when one does (also a table column beside a one-row
-- LATERAL that computes from it); and a one-row LATERAL joined with an ON condition, LEFT
-- JOIN ... ON true, USING.
CREATE TABLE lat_u (id int PRIMARY KEY, name text, c int);
CREATE TABLE lat_o (id int PRIMARY KEY, uid int, amount int);
INSERT INTO lat_u VALUES (1, 'ann', 10), (2, 'bob', 20), (3, 'cy', 30);
INSERT INTO lat_o VALUES (1, 1, 5), (2, 1, 7), (3, 2, 11);
-- bare names of a one-row LATERAL
SELECT name, d FROM lat_u, LATERAL (SELECT lat_u.c + 1 AS d) l ORDER BY d;
SELECT name FROM lat_u, LATERAL (SELECT c * 2 AS d) l WHERE d > 25 ORDER BY 1;
SELECT d, count(*) FROM lat_u, LATERAL (SELECT c % 20 AS d) l GROUP BY d ORDER BY d;
SELECT name, e FROM lat_u, LATERAL (SELECT c + 1 AS d) a, LATERAL (SELECT d * 2 AS e) b ORDER BY e;
SELECT l.c FROM lat_u, LATERAL (SELECT c + 1 AS c) l ORDER BY 1;
-- bare names that two FROM items have
SELECT c FROM lat_u, LATERAL (SELECT lat_u.c + 1 AS c) l;
SELECT c FROM lat_u CROSS JOIN LATERAL (SELECT lat_u.c + 1 AS c) l;
SELECT c FROM lat_u, LATERAL (SELECT 1 AS c) l;
SELECT x FROM lat_u, LATERAL (SELECT 1 AS x) a, LATERAL (SELECT 2 AS x) b;
SELECT c FROM lat_u, LATERAL (SELECT sum(amount) AS c FROM lat_o WHERE uid = lat_u.id) l;
SELECT (SELECT c FROM lat_o, LATERAL (SELECT lat_u.id AS c) l LIMIT 1) FROM lat_u;
SELECT (SELECT amount FROM lat_o, LATERAL (SELECT lat_u.id AS amount) l LIMIT 1) FROM lat_u;
-- bare names in a scalar subquery's own level
SELECT name, (SELECT max(d) FROM lat_o, LATERAL (SELECT lat_u.c + lat_o.amount AS d) l) FROM lat_u ORDER BY 1;
-- packed LATERAL subqueries (with FROM) by bare names
SELECT name, total FROM lat_u, LATERAL (SELECT sum(amount) AS total FROM lat_o WHERE uid = lat_u.id) o ORDER BY 1;
SELECT name, n FROM lat_u LEFT JOIN LATERAL (SELECT count(*) AS n FROM lat_o WHERE uid = lat_u.id) o ON true ORDER BY 1;
-- a one-row LATERAL in a join
SELECT name, d FROM lat_u JOIN LATERAL (SELECT c * 2 AS d) l ON true ORDER BY 1;
SELECT name, d FROM lat_u LEFT JOIN LATERAL (SELECT c * 2 AS d) l ON true ORDER BY 1;
SELECT name, d FROM lat_u JOIN LATERAL (SELECT c * 2 AS d) l ON d > 25 ORDER BY 1;
SELECT name, d FROM lat_u LEFT JOIN LATERAL (SELECT c * 2 AS d) l ON l.d > 25 ORDER BY 1;
-- differs: refused (0A000): USING with a LATERAL subquery
SELECT name, d FROM lat_u JOIN LATERAL (SELECT c * 2 AS d, 20 AS c) l USING (c) ORDER BY 1;
SELECT u.name, l.x FROM lat_u u LEFT JOIN LATERAL (SELECT u.c / 10 AS x) l ON l.x <> 2 ORDER BY 1;
SELECT u.name, l.x, o.amount FROM lat_u u JOIN LATERAL (SELECT u.id AS x) l ON true LEFT JOIN lat_o o ON o.uid = l.x ORDER BY 1, 3;
-- a volatile call in a one-row LATERAL is made once per row, whatever reads its column
CREATE SEQUENCE lat_s;
SELECT l.r = l.r AS same FROM lat_u, LATERAL (SELECT random() AS r) l;
SELECT l.id, l.id FROM (VALUES (1), (2)) v(x), LATERAL (SELECT nextval('lat_s') AS id) l;
SELECT u.id, l.n, l.n + 0 FROM lat_u u, LATERAL (SELECT nextval('lat_s') + u.id * 0 AS n) l ORDER BY 1;
CREATE FUNCTION lat_bump() RETURNS bigint LANGUAGE sql AS $$ SELECT nextval('lat_s') $$;
SELECT l.b = l.b FROM lat_u, LATERAL (SELECT lat_bump() AS b) l;
SELECT currval('lat_s') < 20;
-- a subquery's bare reference to an enclosing query's LATERAL column
SELECT name FROM lat_u, LATERAL (SELECT lat_u.id AS k) l WHERE EXISTS (SELECT 1 FROM lat_o WHERE uid = k) ORDER BY 1;
SELECT name, (SELECT sum(amount) FROM lat_o WHERE uid = k) FROM lat_u, LATERAL (SELECT lat_u.id AS k) l ORDER BY 1;
SELECT name, (SELECT sum(amount) FROM lat_o WHERE uid = k) FROM lat_u, LATERAL (SELECT uid AS k FROM lat_o WHERE lat_o.uid = lat_u.id LIMIT 1) l ORDER BY 1;
SELECT name, (SELECT max(l.k) FROM lat_o) FROM lat_u, LATERAL (SELECT lat_u.id AS k) l ORDER BY 1;
SELECT name, t FROM lat_u, LATERAL (SELECT lat_u.c AS k) a, LATERAL (SELECT sum(amount) + k AS t FROM lat_o WHERE uid = lat_u.id) b ORDER BY 1;
SELECT name, (SELECT amount FROM lat_o WHERE uid = id ORDER BY amount LIMIT 1) FROM lat_u, LATERAL (SELECT lat_u.id * 0 AS id) l ORDER BY 1;
