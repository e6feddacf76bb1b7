-- Operators whose meaning depends on a column's type: jsonb's || and -, an array's @>, <@, &&
-- and || beside an untyped literal (which PostgreSQL reads as the column's type).
CREATE TABLE ot_docs (id int PRIMARY KEY, settings jsonb NOT NULL DEFAULT '{}', tags text[], nums int[], note text);
INSERT INTO ot_docs VALUES (1, '{"x": 1, "theme": "d"}', '{a,b}', '{1,2}', 'n1'), (2, '{"y": [1, 2]}', '{c}', '{3}', NULL);
SELECT id, settings || '{"theme": "dark"}' FROM ot_docs ORDER BY id;
SELECT id, '{"z": true}' || settings FROM ot_docs ORDER BY id;
SELECT id, settings || jsonb_build_object('k', id) FROM ot_docs ORDER BY id;
SELECT id, settings - 'theme', settings - 'nope' FROM ot_docs ORDER BY id;
SELECT id, settings - ARRAY['theme', 'x'], settings - '{y}'::text[] FROM ot_docs ORDER BY id;
SELECT id, settings #- '{y,0}' FROM ot_docs ORDER BY id;
SELECT id, settings::text || note FROM ot_docs ORDER BY id;
UPDATE ot_docs SET settings = settings || '{"n": 2}' WHERE id = 1 RETURNING settings;
UPDATE ot_docs SET settings = settings - 'n' WHERE id = 1 RETURNING settings;
SELECT id FROM ot_docs WHERE tags @> '{a}' ORDER BY id;
SELECT id FROM ot_docs WHERE tags <@ '{a,b,c}' ORDER BY id;
SELECT id FROM ot_docs WHERE tags && '{c,z}' ORDER BY id;
SELECT id FROM ot_docs WHERE '{a}' <@ tags ORDER BY id;
SELECT id FROM ot_docs WHERE nums @> '{2}' ORDER BY id;
SELECT id FROM ot_docs WHERE nums @> '{x}' ORDER BY id;
SELECT id, tags || '{d,e}', '{z}' || tags, nums || '{9}' FROM ot_docs ORDER BY id;
SELECT id, tags || 'single' FROM ot_docs ORDER BY id;
SELECT ARRAY['a'] || '{b,c}', '{b}' || ARRAY['a'], ARRAY[1.5] || '{2}';
SELECT ARRAY['a'] || 'b';
SELECT NULL::text[] || ARRAY(SELECT 'a' WHERE false), ARRAY['x'] || ARRAY(SELECT 'a');
SELECT ARRAY['a'] || 'b'::text[];
SELECT '{"a": 1, "b": 2}'::jsonb - ARRAY['a'], '["a", 1]'::jsonb - '{a,NULL}'::text[];
DROP TABLE ot_docs;
-- A string literal beside a date/time value under + and -: the same type where an operator of
-- two exists (date - date is integer), else interval; date + '1' is ambiguous (42725).
CREATE TABLE ot_ev (id int PRIMARY KEY, at timestamptz, ts timestamp, d date, t time, dur interval);
INSERT INTO ot_ev VALUES (1, '2024-03-10 12:00:00+00', '2024-03-10 12:00', '2024-03-10', '10:00', '1 day 02:00');
SELECT at + '1 day', '1 hour' + at, ts + '90 minutes', t + '1 hour', dur + '2 hours', dur - '1 day' FROM ot_ev;
SELECT d - '2024-01-01', at - '2024-03-01', ts - '2024-03-10', t - '09:30' FROM ot_ev;
SELECT pg_typeof(at + '1 day'), pg_typeof(d - '2024-01-01'), pg_typeof(t - '09:30') FROM ot_ev;
SELECT d + '1 day' FROM ot_ev;
SELECT '1' + d FROM ot_ev;
SELECT at - '1 hour' FROM ot_ev;
SELECT d - '1' FROM ot_ev;
DROP TABLE ot_ev;
-- sum() and avg() exist for numbers and intervals only (42883 otherwise, not SQLite's 0).
SELECT sum(v) FROM (VALUES ('a'::varchar)) t(v);
SELECT avg(d) FROM (VALUES ('2024-01-01'::date)) t(d);
SELECT sum(b) FROM (VALUES (true)) t(b);
SELECT sum(x), avg(x), sum(x::float8), sum(i) FROM (VALUES (1, '1 day'::interval), (2, '2 hours')) t(x, i);
-- ARRAY[...]::type[]: each element is cast to the element type (tokio-postgres reads
-- ARRAY[1.5, 2.5]::float8[] in binary), sub-arrays in turn; an empty ARRAY[] takes the type
SELECT ARRAY[1.5, 2.5]::float8[] AS a, ARRAY[true, NULL]::bool[] AS b, ARRAY['2024-01-01']::date[] AS c;
SELECT ARRAY[]::float8[] AS a, ARRAY[]::int4[] AS b, ARRAY[[1, 2], [3, 4]]::float4[] AS c;
SELECT ARRAY[1.25, 2]::numeric(5,1)[] AS a, ARRAY[1.7, 2.2]::int4[] AS b, ARRAY[[1.5]]::int8[] AS c;
SELECT ARRAY['a', 'b c']::varchar[] AS a, ARRAY[1, 2]::int[][] AS b, ARRAY['10:00']::time[] AS c;
SELECT ARRAY['2024-01-01 10:00+02']::timestamptz[] AS a, ARRAY['{"a":1}']::jsonb[] AS b;
SELECT array_length(ARRAY[1, 2, 3]::float8[], 1), 2 = ANY(ARRAY[1.9, 3]::int8[]);
SELECT ARRAY['a', 1]::int4[];
SELECT ARRAY['2024-13-01']::date[];
-- an array function's result is an array operand of ||, whatever the function (it was one text element)
CREATE TABLE ot_tags (k text PRIMARY KEY, tags text[] NOT NULL DEFAULT '{}');
INSERT INTO ot_tags VALUES ('a', '{upd}');
UPDATE ot_tags SET tags = array_remove(tags, 'upd') || ARRAY['x','y'] WHERE k = 'a' RETURNING tags, array_length(tags, 1), tags[2:3];
SELECT array_remove(ARRAY[1,2], 2) || ARRAY[3], regexp_split_to_array('a b', ' ') || 'c', array_replace(ARRAY['a'], 'a', 'b') || ARRAY['z'], array_positions(ARRAY[1,2,1], 1) || 9, array_fill(7, ARRAY[2]) || ARRAY[8];
SELECT 'q' || regexp_split_to_array('a b', ' '), array_remove(ARRAY['x'], 'x') || 'y'::text;
