-- unnest of a bool[] gives booleans: tested, cast, stored (pg-typed's and Slonik's bulk
-- INSERT ... SELECT * FROM unnest($1::bool[], $2::text[], ...)), in FROM (one array or
-- several, joined to a table or not, with ORDINALITY) and in a target list; and
-- UPDATE ... SET (col) = ROW(value), a one-column row assignment (zapatos' update and upsert).
SELECT u, u::int, NOT u AS n FROM unnest('{t,f,NULL}'::bool[]) u;
SELECT u FROM unnest('{t,f}'::bool[]) u WHERE NOT u;
SELECT b FROM unnest(ARRAY[true, false]) b WHERE b;
SELECT * FROM unnest('{t,f,NULL}'::bool[], '{1,2}'::int[]) u(b, i) WHERE b IS NOT FALSE;
SELECT b, i FROM unnest('{t,f}'::bool[], '{1,2}'::int[]) u(b, i) WHERE b;
SELECT u.* FROM unnest('{t,f}'::bool[], '{x,y}'::text[]) u(a, b) WHERE a;
SELECT * FROM unnest('{t,f}'::bool[]) WITH ORDINALITY AS u(b, o) WHERE b;
SELECT * FROM unnest('{t,f}'::bool[], '{1,2}'::int[]) WITH ORDINALITY AS u(b, i, o) WHERE NOT b;
SELECT unnest('{t,f}'::bool[]) AS x, unnest('{1,2,3}'::int[]) AS y;
SELECT count(*) FILTER (WHERE x) AS yes, count(*) FILTER (WHERE NOT x) AS no
  FROM (SELECT unnest('{t,f,t}'::bool[]) AS x) s;
CREATE TABLE bt (id int, flags bool[], n int[]);
INSERT INTO bt VALUES (1, '{t,f}', '{10,20}');
SELECT bt.id, u.f FROM bt, unnest(bt.flags) AS u(f) WHERE u.f;
SELECT bt.id, u.* FROM bt, unnest(bt.flags, bt.n) AS u(f, k) WHERE u.f;
SELECT * FROM bt, unnest(bt.flags, bt.n) AS u(f, k) WHERE NOT f;
SELECT bt.id, u FROM bt, unnest(bt.flags) AS u WHERE u;
SELECT id, unnest(flags) AS f FROM bt ORDER BY 2;
-- stored as booleans, then found by them
CREATE TABLE posts (id int, published bool NOT NULL DEFAULT false, title text);
INSERT INTO posts (published, title, id)
  SELECT * FROM unnest('{t,f}'::bool[], '{one,two}'::text[], '{7,8}'::int4[]) RETURNING *;
INSERT INTO posts (published, id) SELECT unnest('{f,t}'::bool[]), 9;
SELECT id, published, title FROM posts WHERE published ORDER BY id;
SELECT id FROM posts WHERE NOT published ORDER BY id;
SELECT published, count(*) FROM posts GROUP BY published ORDER BY published;
PREPARE ins(bool[], int[]) AS INSERT INTO posts (published, id) SELECT * FROM unnest($1, $2);
EXECUTE ins('{t,f}', '{10,11}');
SELECT id FROM posts WHERE published ORDER BY id;
-- SET (col) = ROW(value): one column from a one-field row
UPDATE posts SET (title) = ROW('renamed') WHERE id = 7 RETURNING id, title;
UPDATE posts SET (title) = ROW(title || '!'), (published) = ROW(NOT published) WHERE id = 8
  RETURNING id, title, published;
UPDATE posts SET (published, title) = ROW(true, 'both') WHERE id = 9 RETURNING id, published, title;
UPDATE posts SET (title) = ROW(DEFAULT) WHERE id = 10 RETURNING id, title;
UPDATE posts SET (nosuch) = ROW(1) WHERE id = 10;
CREATE UNIQUE INDEX posts_id ON posts (id) WHERE id < 9;
INSERT INTO posts (id, title) VALUES (7, 'upserted') ON CONFLICT (id) WHERE id < 9
  DO UPDATE SET (title) = ROW(EXCLUDED.title) RETURNING id, title;
SELECT id, published, title FROM posts ORDER BY id, title;
DROP TABLE posts, bt;
-- a multiple-column assignment's source: a ROW() of as many values, or a sub-SELECT
CREATE TABLE p2 (a int, b text);
INSERT INTO p2 VALUES (1, 'x');
UPDATE p2 SET (a, b) = ROW(1);
UPDATE p2 SET (a) = ROW(1, 'x');
UPDATE p2 SET (a, b) = ROW(1, 'x', 3);
UPDATE p2 SET (a, b) = (1);
UPDATE p2 SET (a) = (1);
UPDATE p2 SET (a, b) = (SELECT 2, 'y') RETURNING *;
UPDATE p2 SET (a) = (SELECT a + 1) RETURNING *;
UPDATE p2 SET (b, a) = ROW(b || a, a * 10) RETURNING *;
DROP TABLE p2;
-- = ANY / <> ALL over a bool[]
SELECT true = ANY('{t,f}'::bool[]) AS a, false = ALL('{t,f}'::bool[]) AS b,
  true <> ALL('{f}'::bool[]) AS c, NULL::bool = ANY('{t}'::bool[]) AS d;
CREATE TABLE bf (id int, ok bool, flags bool[]);
INSERT INTO bf VALUES (1, true, '{t}'), (2, false, '{t,f}'), (3, NULL, '{f}');
SELECT id FROM bf WHERE ok = ANY(flags) ORDER BY id;
SELECT id FROM bf WHERE true = ANY(flags) ORDER BY id;
SELECT id FROM bf WHERE ok <> ALL('{f}'::bool[]) ORDER BY id;
DROP TABLE bf;
-- unnest of a bool[] inside ROWS FROM, alone or beside other functions, joined or not
SELECT * FROM ROWS FROM (unnest('{t,f}'::bool[]), generate_series(1,2)) AS r(b, g) WHERE b;
SELECT * FROM ROWS FROM (unnest('{t,f}'::bool[]), unnest('{1,2,3}'::int[])) WITH ORDINALITY AS r(b, i, o) WHERE NOT b;
CREATE TABLE rb (id int, fl bool[]);
INSERT INTO rb VALUES (1, '{t,f}');
SELECT rb.id, r.* FROM rb, ROWS FROM (unnest(rb.fl), generate_series(1, 2)) AS r(b, g) WHERE b;
SELECT rb.id, r.b FROM rb, ROWS FROM (unnest(rb.fl)) AS r(b) WHERE NOT r.b;
CREATE FUNCTION bools() RETURNS SETOF bool LANGUAGE sql AS 'SELECT true UNION ALL SELECT false';
SELECT * FROM ROWS FROM (bools(), generate_series(1, 2)) AS r(b, g) WHERE b;
SELECT * FROM rb, ROWS FROM (bools()) AS r(b) WHERE NOT b;
DROP FUNCTION bools();
DROP TABLE rb;
-- array_position of a bool[]
SELECT array_position('{t,f,t}'::bool[], false) AS a, array_position('{t,f}'::bool[], true) AS b,
  array_position('{t,NULL}'::bool[], NULL) AS c, array_position('{1,2}'::int[], 2) AS d;
SELECT array_position('{a,NULL,b}'::text[], NULL) AS a, array_position(NULL::int[], 1) AS b,
  array_position('{1,2}'::int[], NULL) AS c;
