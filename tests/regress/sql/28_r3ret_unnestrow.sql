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
