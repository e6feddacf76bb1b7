-- unnest(a) in FROM of an array of a composite type (or a table's row type): the type's
-- attributes as columns with their types, an alias list renaming the first ones, WITH
-- ORDINALITY, NULL elements and arrays, too many aliases (42P10), the whole row (a value of
-- the type; WITH ORDINALITY a record).
CREATE TYPE pt AS (x int, y text);
CREATE TYPE lbl AS (name text, score numeric(6,2), at date);
CREATE TABLE item (id int, tag varchar(5));
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt, ROW(2, NULL)::pt]);
SELECT * FROM unnest(ARRAY[ROW(1, 'a'), ROW(3, 'c')]::pt[]) AS u (a, b);
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt]) AS u (a);
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt]) AS u (a, b, c);
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt, NULL]) WITH ORDINALITY;
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt]) WITH ORDINALITY AS u (a, b, n);
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt]) WITH ORDINALITY AS u (a, b, n, m);
SELECT unnest.x, unnest.y FROM unnest(ARRAY[ROW(5, 'e')::pt]);
SELECT * FROM unnest('{"(a,1.5,2024-01-02)","(b,,)"}'::lbl[]) ORDER BY name DESC;
SELECT u.score * 2, pg_typeof(u.score), u.at + 1, u.name || '!' FROM unnest('{"(a,1.5,2024-01-02)","(\"b c\",2,)"}'::lbl[]) u ORDER BY 1;
SELECT * FROM unnest('{}'::lbl[]);
SELECT * FROM unnest(NULL::lbl[]);
SELECT * FROM unnest(ARRAY[ROW(7, 'abc')::item]);
SELECT i.id, i.tag, length(i.tag) FROM unnest('{"(1,xy)","(2,)"}'::item[]) AS i WHERE i.id > 0 ORDER BY i.id;
SELECT count(*), sum(x), max(y) FROM unnest(ARRAY[ROW(1, 'a')::pt, ROW(2, 'b')::pt, ROW(3, NULL)::pt]);
SELECT u FROM unnest(ARRAY[ROW(1, 'a')::pt]) AS u;
SELECT u, u.x, (u).y, u IS NULL, row_to_json(u) FROM unnest('{"(3,c)"}'::pt[]) AS u;
SELECT (u).* FROM unnest('{"(3,c)","(4,)"}'::pt[]) AS u;
SELECT u FROM unnest(ARRAY[ROW(1, 'a')::pt]) WITH ORDINALITY AS u;
SELECT p.x, q.name FROM unnest(ARRAY[ROW(1, 'a')::pt]) p JOIN unnest('{"(a,1,)"}'::lbl[]) q ON q.name = p.y;
SELECT * FROM (SELECT * FROM unnest(ARRAY[ROW(2, 'z')::pt]) WITH ORDINALITY) s;
CREATE TABLE pts (id int, ps pt[]);
INSERT INTO pts VALUES (1, ARRAY[ROW(1, 'a')::pt, ROW(2, 'b')::pt]);
SELECT (SELECT max(x) FROM unnest('{"(4,d)","(6,f)"}'::pt[])) FROM pts;
-- extended
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt, ROW(2, 'b')::pt]) WITH ORDINALITY AS u (p, q) WHERE p > 1;
-- The joined form: unnest(t.a) reading another FROM item's column (LATERAL or not),
-- in a correlated subquery, beside a standalone one.
CREATE TABLE ct (id int, ps pt[]);
INSERT INTO ct VALUES (1, ARRAY[ROW(1,'a')::pt, ROW(3,'b')::pt]), (2, '{"(5,)",NULL}'), (3, NULL), (4, '{}');
SELECT ct.id, u.* FROM ct, unnest(ct.ps) u ORDER BY 1, 2;
SELECT * FROM ct, unnest(ct.ps) WITH ORDINALITY AS u (a, b, n) ORDER BY 1, n;
SELECT id, x, y FROM ct CROSS JOIN LATERAL unnest(ps) ORDER BY id, x;
SELECT id, u.a FROM ct JOIN unnest(ct.ps) AS u (a) ON u.a > 1 ORDER BY 1, 2;
SELECT id, sum(x) FROM ct, unnest(ps) GROUP BY id ORDER BY id;
SELECT * FROM ct, unnest(ct.ps) AS u (a, b, c);
SELECT id, u FROM ct, unnest(ct.ps) u ORDER BY 1;
SELECT id, x * 10, upper(y) FROM ct, unnest(ct.ps) WHERE y IS NOT NULL ORDER BY 1, 2;
SELECT id, (SELECT max(x) FROM unnest(ct.ps)) FROM ct ORDER BY id;
SELECT id, (SELECT string_agg(u.y, ',' ORDER BY u.n) FROM unnest(ct.ps) WITH ORDINALITY u (x, y, n)) FROM ct ORDER BY id;
SELECT ct.id, u.x FROM ct LEFT JOIN LATERAL unnest(ct.ps) u ON true ORDER BY 1, 2;
SELECT * FROM ct, unnest(ct.ps), unnest(ARRAY[ROW(9, 'z')::pt]) AS w ORDER BY 1, 3;
SELECT x FROM ct, unnest(ct.ps) ORDER BY x DESC NULLS LAST;
SELECT count(*) FROM ct, unnest(ct.ps) WHERE x IS NULL;
CREATE TABLE bag (id int, items item[]);
INSERT INTO bag VALUES (1, ARRAY[ROW(7, 'abc')::item, ROW(8, NULL)::item]);
SELECT b.id, i.* FROM bag b, unnest(b.items) AS i (item_id) ORDER BY 2;
-- extended
SELECT b.id, i.tag, i.n FROM bag b, unnest(b.items) WITH ORDINALITY AS i (item_id, tag, n) WHERE i.item_id > 7;
-- differs: 0A000: unnest of several arrays one of which is of a composite type
SELECT * FROM unnest(ARRAY[ROW(1, 'a')::pt], ARRAY[1, 2]);
