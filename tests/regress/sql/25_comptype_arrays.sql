-- Arrays of composite types (pt[]): columns, ARRAY[ROW(...)::pt], casts, elements and their
-- fields, slices, unnest in a select list, array_agg of rows, || and array_append, pg_type.
CREATE TYPE pt AS (x int, y int);
CREATE TYPE lbl AS (name text, score numeric(6,2));
CREATE TABLE ct (id int, ps pt[]);
INSERT INTO ct VALUES (1, ARRAY[ROW(1,2)::pt, ROW(3,4)::pt]);
INSERT INTO ct VALUES (2, '{"(5,6)","(7,)"}');
INSERT INTO ct VALUES (3, NULL), (4, '{}'), (5, '{NULL,"(8,9)"}');
INSERT INTO ct VALUES (6, '{"(1,x)"}');
INSERT INTO ct VALUES (6, '{"(1,2,3)"}');
INSERT INTO ct VALUES (6, '{(1,2)');
INSERT INTO ct VALUES (6, ARRAY[ROW(1,2,3)]::pt[]);
SELECT * FROM ct ORDER BY id;
SELECT ps, pg_typeof(ps) FROM ct WHERE id = 1;
SELECT ARRAY[ROW(1,2)::pt], pg_typeof(ARRAY[ROW(1,2)::pt]);
SELECT ARRAY[ROW(1,2), ROW(3,NULL)]::pt[];
SELECT ARRAY[]::pt[], pg_typeof(ARRAY[]::pt[]);
SELECT ps[1], pg_typeof(ps[1]) FROM ct ORDER BY id;
SELECT (ps[1]).x, (ps[2]).y, ps[2] IS NULL FROM ct ORDER BY id;
SELECT ps[1:1] FROM ct ORDER BY id;
SELECT id, unnest(ps) FROM ct ORDER BY id, 2;
-- differs: 0A000: a field of a set-returning function's composite result is not supported
SELECT id, (unnest(ps)).x FROM ct WHERE id = 1;
SELECT * FROM unnest(ARRAY[ROW(1,2)::pt, ROW(3,4)::pt]);
SELECT ct.id, u.* FROM ct, unnest(ct.ps) u ORDER BY 1;
SELECT array_agg(ROW(id, id)::pt ORDER BY id) FROM ct;
SELECT array_agg(p), pg_typeof(array_agg(p)) FROM (SELECT ROW(1,2)::pt AS p) s;
SELECT '{"(1,2)"}'::pt[], pg_typeof('{"(1,2)"}'::pt[]);
SELECT '{"(1, 2)", "( 3 ,4)"}'::pt[];
SELECT array_length(ps, 1), cardinality(ps) FROM ct ORDER BY id;
SELECT ps || ROW(0,0)::pt FROM ct WHERE id = 1;
SELECT ROW(0,0)::pt || ps FROM ct WHERE id = 1;
SELECT ps || ps FROM ct WHERE id = 1;
SELECT array_append(ps, ROW(5,5)::pt) FROM ct WHERE id = 1;
CREATE TABLE lt (id int, ls lbl[]);
INSERT INTO lt VALUES (1, ARRAY[ROW('a b', 1.5)::lbl, ROW(NULL, 2)::lbl, ROW('q"x', NULL)::lbl]);
INSERT INTO lt VALUES (2, '{"(\"c,d\",3)"}');
SELECT * FROM lt ORDER BY id;
SELECT (ls[1]).name, (ls[1]).score, (ls[3]).name FROM lt ORDER BY id;
UPDATE lt SET ls = ls || ROW('z', 9)::lbl WHERE id = 2;
SELECT ls FROM lt WHERE id = 2;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'ct'::regclass AND attname = 'ps';
SELECT typname, typelem::regtype, typcategory FROM pg_type WHERE typname = '_pt';
SELECT ps = '{"(1,2)","(3,4)"}' FROM ct WHERE id = 1;
ALTER TABLE ct ADD COLUMN more pt[] DEFAULT '{"(0,0)"}';
SELECT more FROM ct WHERE id = 1;
-- extended
INSERT INTO ct VALUES (7, '{"(0,1)"}');
-- extended
SELECT ps, ps[1], (ps[1]).y FROM ct WHERE id = 7;
SELECT ps FROM ct WHERE ps = '{"(0,1)"}' OR id = 7;
SELECT count(*) FROM ct WHERE (ps[1]).x > 2;
-- a[i].f without parentheses, = and ANY of elements, ARRAY(SELECT row), INSERT ... SELECT array_agg
SELECT ps[1].x, ct.ps[2].y, (ct.ps[2]).y FROM ct WHERE id = 1;
SELECT (ps[1]).* FROM ct WHERE id = 1;
SELECT ps[1] = ROW(1,2)::pt, ROW(3,4)::pt = ANY(ps) FROM ct WHERE id = 1;
CREATE TABLE cp (id int, p pt);
INSERT INTO cp VALUES (1, ROW(1,2)), (2, ROW(3,4));
SELECT array_agg(p ORDER BY id), pg_typeof(array_agg(p)) FROM cp;
SELECT ARRAY(SELECT p FROM cp ORDER BY id), pg_typeof(ARRAY(SELECT p FROM cp));
INSERT INTO ct SELECT 9, array_agg(p ORDER BY id) FROM cp;
SELECT ps, ps[2].x FROM ct WHERE id = 9;
DROP TABLE cp;
-- a type a column's array uses cannot be dropped
DROP TYPE pt;
DROP TABLE ct;
DROP TYPE pt;
DROP TABLE lt;
DROP TYPE lbl;
