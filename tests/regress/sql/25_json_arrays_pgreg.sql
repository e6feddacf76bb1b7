-- JSON and arrays, found probing PostgreSQL's json/jsonb/arrays regression corpus (issue 3).
-- An untyped literal beside branches of another type is read as that type (22P02 when it
-- cannot be), in CASE, COALESCE, ARRAY[], VALUES and a set operation's arms.
SELECT CASE WHEN true THEN 7 ELSE 'seven' END;
SELECT CASE WHEN false THEN 7 ELSE '8' END AS k;
SELECT CASE WHEN false THEN 2.5 ELSE '3.75' END AS k;
SELECT CASE WHEN false THEN true ELSE 'off' END AS k;
SELECT CASE WHEN false THEN 'x' ELSE 'y' END AS k;
SELECT CASE 3 WHEN 3 THEN 'three' ELSE NULL END AS k;
SELECT CASE WHEN false THEN DATE '2024-02-29' ELSE '2023-12-31' END AS k;
SELECT CASE WHEN false THEN DATE '2024-02-29' ELSE 'not a date' END AS k;
SELECT COALESCE(NULL, 4, 'four');
SELECT COALESCE(NULL::int, '41') AS k, COALESCE(NULL, 'a', 'b') AS s;
SELECT ARRAY[4, 'four'];
SELECT ARRAY[4, '5', NULL] AS k, ARRAY['p', 'q'] AS s;
SELECT ARRAY[1.5, '2'] AS k;
VALUES (10), ('ten');
VALUES (10), ('11'), (NULL) ORDER BY 1;
SELECT * FROM (VALUES (1, 'one'), ('2', 'two')) v(n, name) ORDER BY n;
SELECT 12 UNION SELECT 'twelve';
SELECT 12 UNION SELECT '12';
SELECT 12 UNION ALL SELECT '13' ORDER BY 1;
SELECT 'twelve' UNION SELECT 12;
SELECT 1 UNION SELECT 2 UNION SELECT '3' ORDER BY 1;
SELECT 1, 'a' UNION SELECT '2', 'b' ORDER BY 1;
SELECT 'a' UNION SELECT 'b' ORDER BY 1;
SELECT 5 INTERSECT SELECT '5';
SELECT 5 EXCEPT SELECT 'five';
SELECT true UNION SELECT 'no' ORDER BY 1;
SELECT 1 UNION VALUES ('3');
-- An empty ARRAY[] needs a type.
SELECT ARRAY[];
SELECT ARRAY[]::int[] AS a, cardinality(ARRAY[]::text[]) AS n;
-- Chains of || with arrays.
SELECT ARRAY[1, 2] || ARRAY[3] || ARRAY[4, 5] AS a;
SELECT 0 || ARRAY[1, 2] || 3 AS a;
SELECT ARRAY['a'] || 'b' || 'c' AS a;
SELECT 'x' || 'y' || 1 || 'z' AS s;
-- Arrays of enums (Prisma's enum[] columns).
CREATE TYPE pj_color AS ENUM ('red', 'green', 'blue');
CREATE TABLE pj_paint (id int PRIMARY KEY, colors pj_color[]);
INSERT INTO pj_paint VALUES (1, '{blue,red}'), (2, ARRAY['green']::pj_color[]), (3, '{}'), (4, NULL);
INSERT INTO pj_paint VALUES (5, '{red,purple}');
SELECT id, colors FROM pj_paint ORDER BY id;
SELECT id FROM pj_paint WHERE colors = '{blue,red}' ORDER BY id;
SELECT id FROM pj_paint WHERE colors = '{blue,purple}' ORDER BY id;
SELECT id FROM pj_paint WHERE colors <> '{}' ORDER BY id;
SELECT id FROM pj_paint WHERE 'red' = ANY(colors) ORDER BY id;
SELECT id FROM pj_paint WHERE 'purple' = ANY(colors) ORDER BY id;
SELECT id FROM pj_paint WHERE 'red'::pj_color = ANY(colors) ORDER BY id;
SELECT id FROM pj_paint WHERE colors @> '{red}' ORDER BY id;
SELECT id FROM pj_paint WHERE colors @> ARRAY['blue']::pj_color[] ORDER BY id;
SELECT id FROM pj_paint WHERE colors && '{green,blue}' ORDER BY id;
SELECT id FROM pj_paint WHERE colors <@ '{red,green,blue}' ORDER BY id;
SELECT id FROM pj_paint WHERE colors @> '{purple}' ORDER BY id;
SELECT id, unnest(colors) AS c FROM pj_paint ORDER BY 1, 2;
SELECT c FROM pj_paint, unnest(colors) c ORDER BY c;
SELECT array_agg(c ORDER BY c) FROM (SELECT unnest(colors) c FROM pj_paint) s;
SELECT colors || 'green'::pj_color AS c FROM pj_paint ORDER BY id;
SELECT colors[1] AS first, array_length(colors, 1) AS n FROM pj_paint ORDER BY id;
UPDATE pj_paint SET colors = array_append(colors, 'blue') WHERE id = 2;
SELECT colors FROM pj_paint WHERE id = 2;
-- differs: ORDER BY an enum array column sorts its text, not the labels' order
SELECT id FROM pj_paint ORDER BY colors, id;
-- width_bucket(x, thresholds)
SELECT width_bucket(5, ARRAY[1, 3, 5, 10]) AS a, width_bucket(0, ARRAY[1, 3, 5, 10]) AS b, width_bucket(11, ARRAY[1, 3, 5, 10]) AS c;
SELECT width_bucket(4.5, ARRAY[1, 3, 5, 10]) AS a, width_bucket(2.5::float8, ARRAY[1, 3.5, 5]::float8[]) AS b;
SELECT width_bucket(5, ARRAY[3, 1]) AS unsorted, width_bucket(5, '{1,9,20}') AS lit, width_bucket('6', ARRAY[1, 9, 20]) AS untyped;
SELECT width_bucket(NULL::int, ARRAY[1, 9]) AS a, width_bucket(5, NULL::int[]) AS b, width_bucket(5, ARRAY[]::int[]) AS c;
SELECT width_bucket(5, ARRAY[1, NULL, 9]);
SELECT width_bucket(5, ARRAY[[1, 2], [3, 4]]);
SELECT width_bucket('m', ARRAY['a', 'k', 'n', 'z']) AS a, width_bucket('m'::text, ARRAY['a', 'k', 'n', 'z']) AS b;
SELECT width_bucket(5, ARRAY['a', 'b']);
SELECT x, width_bucket(x, ARRAY[10, 20, 30]) FROM generate_series(0, 40, 5) x ORDER BY x;
-- differs: refused (0A000): thresholds of timestamps
SELECT width_bucket(now(), ARRAY[now() - interval '1 day', now() + interval '1 day']);
-- jsonb = and <> compare values: key order, whitespace and numbers' spelling do not matter
SELECT '{"a":1, "b":2}'::jsonb = '{"b":2,"a":1}'::jsonb AS a, '{"a": 1.0}'::jsonb = '{"a":1}'::jsonb AS b, '{"a": 1.0}'::jsonb <> '{"a":1}'::jsonb AS c;
SELECT '1e2'::jsonb = '100'::jsonb AS a, '[1, 2]'::jsonb = '[2, 1]'::jsonb AS b, '"5"'::jsonb = '5'::jsonb AS c;
CREATE TABLE pj_doc (id int PRIMARY KEY, j jsonb);
INSERT INTO pj_doc VALUES (1, '{"b":2, "a":1}'), (2, '{"a":1.0,"b":2}'), (3, '5'), (4, '5.0'), (5, NULL), (6, '"5"');
SELECT id FROM pj_doc WHERE j = '{"a":1,"b":2}' ORDER BY id;
SELECT id FROM pj_doc WHERE j <> '{"a":1,"b":2}' ORDER BY id;
SELECT id FROM pj_doc WHERE j = '5' ORDER BY id;
SELECT id FROM pj_doc WHERE j -> 'a' = '1' ORDER BY id;
SELECT a.id, b.id FROM pj_doc a JOIN pj_doc b ON a.j = b.j AND a.id < b.id ORDER BY 1, 2;
-- array_to_json, to_json of arrays of several dimensions
SELECT array_to_json(ARRAY[3, 1, 2]) AS a, array_to_json('{{1,5},{99,100}}'::int[]) AS b, array_to_json(ARRAY['x', NULL]) AS c;
SELECT array_to_json(ARRAY[jsonb '{"k": 1}', jsonb '[2, 3]']) AS a, array_to_json(ARRAY[true, false], false) AS b;
SELECT array_to_json(array_agg(x ORDER BY x)) FROM generate_series(4, 6) x;
SELECT to_json('{{1,2},{3,4}}'::int[]) AS a, to_jsonb('{{a,b},{c,d}}'::text[]) AS b, to_json('{}'::int[]) AS c;
SELECT json_build_object('m', '{{1,2},{3,4}}'::int[]) AS a;
SELECT array_to_json(5);
-- differs: refused (0A000): array_to_json's pretty form
SELECT array_to_json(ARRAY[1, 2], true);
-- jsonb's operator functions by name
SELECT jsonb_contains('{"p": 1, "q": [2, 3]}', '{"q": [3]}') AS a, jsonb_contained('{"p": 1}', '{"p": 1, "q": 2}') AS b;
SELECT jsonb_exists('{"p": null}', 'p') AS a, jsonb_exists('["p"]', 'q') AS b;
SELECT jsonb_exists_any('{"p": 1, "q": 2}', ARRAY['x', 'q']) AS a, jsonb_exists_all('{"p": 1, "q": 2}', ARRAY['p', 'x']) AS b, jsonb_exists_all('{"p": 1}', '{}'::text[]) AS c;
-- json[b]_build_object keys: scalars only, never NULL
SELECT jsonb_build_object('{a,b}'::text[], 1);
SELECT json_build_object('{"k": 1}'::jsonb, 1);
SELECT jsonb_build_object(NULL, 1);
SELECT jsonb_build_object(1, 2, 'k', 'v') AS a;
-- ARRAY(subquery) of floats, numerics, booleans, dates: their array types and output forms
SELECT ARRAY(SELECT f FROM (VALUES (1.5::float8), (2.25), (0.1)) v(f) ORDER BY f) AS a;
SELECT ARRAY(SELECT x * 1.50 FROM generate_series(1, 3) x) AS a, ARRAY(SELECT x::numeric FROM generate_series(1, 2) x) AS b;
SELECT ARRAY(SELECT b FROM (VALUES (true), (false), (NULL)) v(b)) AS a;
SELECT ARRAY(SELECT DATE '2024-01-02' + x FROM generate_series(1, 2) x) AS a;
SELECT ARRAY(SELECT x::float8 FROM generate_series(1, 0) x) AS a, ARRAY(SELECT x FROM generate_series(1, 0) x) AS b;
SELECT ARRAY(SELECT c FROM unnest(ARRAY['green', 'red']::pj_color[]) c ORDER BY c) AS a;
-- differs: refused (0A000): ARRAY(subquery) of arrays
SELECT ARRAY(SELECT ARRAY[x, x] FROM generate_series(1, 2) x);
-- varchar(n)[] and char(n)[] elements are fitted to n (22001; blanks past n cut)
CREATE TABLE pj_tags (id int PRIMARY KEY, v varchar(5)[], c char(5)[]);
INSERT INTO pj_tags (id, v, c) VALUES (1, '{abc,abcde}', '{abc,abcde}');
INSERT INTO pj_tags (id, v) VALUES (2, '{"too long"}');
INSERT INTO pj_tags (id, c) VALUES (3, '{"too long"}');
INSERT INTO pj_tags (id, v) VALUES (4, ARRAY['abcdef']);
INSERT INTO pj_tags (id, v) VALUES (5, '{"ab   ","abcde   "}');
INSERT INTO pj_tags (id, v) VALUES (6, '{"éééééé"}');
INSERT INTO pj_tags (id, v) VALUES (7, '{{"ééééé",x},{NULL,"y  "}}');
UPDATE pj_tags SET v = '{"abcdefgh"}' WHERE id = 1;
SELECT id, v FROM pj_tags ORDER BY id;
-- differs: a char(n)[] element is not padded to n on output
SELECT id, c FROM pj_tags WHERE c IS NOT NULL ORDER BY id;
-- a subquery's ORDER BY the ordinal of an enum column sorts in the labels' order
CREATE TYPE pj_size AS ENUM ('small', 'large', 'medium');
CREATE TABLE pj_box (id int PRIMARY KEY, s pj_size, sizes pj_size[]);
INSERT INTO pj_box VALUES (1, 'medium', '{medium,small}'), (2, 'small', '{large}'), (3, 'large', '{small,large,medium}');
SELECT array_agg(x) FROM (SELECT unnest(sizes) x FROM pj_box ORDER BY 1) s;
SELECT array_agg(x) FROM (SELECT id, unnest(sizes) x FROM pj_box ORDER BY 1, 2) s;
SELECT array_agg(s) FROM (SELECT s FROM pj_box ORDER BY 1 DESC) q;
-- enum arrays in JSON: their labels as strings
SELECT array_to_json(sizes) AS a, to_json(sizes) AS b, json_build_object('k', sizes) AS c FROM pj_box ORDER BY id;
SELECT jsonb_agg(sizes ORDER BY id) FROM pj_box;
SELECT array_to_json(NULL);
SELECT array_to_json('{1,2}');
-- literal casts to arrays of enums, floats, numerics, booleans and uuids
SELECT '{large,small}'::pj_size[] AS a, '{}'::pj_size[] AS b;
SELECT '{large,tiny}'::pj_size[];
SELECT 'small'::pj_size = ANY('{medium,small}'::pj_size[]) AS a;
SELECT '{1.5, 2.25, 1e2}'::float8[] AS a, '{1.5}'::float4[] AS b, '{1.50, 2}'::numeric[] AS c, '{t,false, TRUE}'::bool[] AS d;
SELECT '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}'::uuid[] AS a, '[0:1]={1.1,2.2}'::float8[] AS b;
SELECT '{x}'::uuid[];
SELECT '{1.5x}'::float8[];
SELECT '{maybe}'::bool[];
SELECT ('{1.5,2.5}'::float8[])[2] + 1 AS a, cardinality('{1,2}'::numeric[]) AS n;
CREATE TABLE pj_ids (id int PRIMARY KEY, u uuid[], f float8[]);
INSERT INTO pj_ids VALUES (1, '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}', '{1.5,2}');
SELECT id FROM pj_ids WHERE u @> '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid[];
SELECT id FROM pj_ids WHERE u = '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid[];
SELECT id FROM pj_ids WHERE f = '{1.5,2.0}'::float8[];
-- differs: refused (0A000): a literal cast to an array with a typmod
SELECT '{1.234}'::numeric(5,1)[];
-- VALUES as the first arm of a set operation with ORDER BY
VALUES (1) UNION VALUES (2) ORDER BY 1;
VALUES (2, 'b') UNION ALL VALUES (1, 'a') ORDER BY 1;
VALUES (2, 'b') UNION ALL SELECT 1, 'a' ORDER BY column1;
VALUES (1), (2) EXCEPT VALUES (2);
VALUES (1) UNION VALUES (2) ORDER BY 1 DESC LIMIT 1;
-- array_cat and || of arrays of several dimensions, and of arrays of other element types
SELECT array_cat(ARRAY[1, 2], ARRAY[[3, 4], [5, 6]]) AS a, array_cat(ARRAY[[3, 4], [5, 6]], ARRAY[1, 2]) AS b;
SELECT ARRAY[[['p', 'q']]] || ARRAY[[['r', 's']]] AS a, ARRAY[[1, 2], [3, 4]] || ARRAY[[5, 6]] AS b;
SELECT ARRAY[[1, 2], [3, 4]] || ARRAY[5, 6, 7];
SELECT ARRAY[[1, 2], [3, 4]] || ARRAY[[[5, 6]]];
SELECT ARRAY[[1, 2]] || '{}'::int[] AS a, '{}'::int[] || ARRAY[[1, 2]] AS b, array_cat(NULL, ARRAY[[1]]) AS c;
SELECT ARRAY[1] || ARRAY['a'];
SELECT ARRAY[1] || ARRAY[1.5] AS a, ARRAY[1.5] || ARRAY[2] AS b;
-- array || element: NULL beside an array is an array, a wider number widens the element type
SELECT ARRAY[1, 2] || 3 AS a, 0 || ARRAY[1, 2] AS b, ARRAY[1.5] || 2 AS c, 2 || ARRAY[1.5] AS d;
SELECT ARRAY['a'] || NULL AS a, NULL || ARRAY['a'] AS b, ARRAY[true] || false AS c;
SELECT ARRAY[1] || 2.5 AS a, 2.5 || ARRAY[1] AS b;
-- op ANY/ALL (array) with an operator that does not yield boolean (42809)
SELECT 33 * ANY ('{1,2,3}');
SELECT 33 * ANY (44);
SELECT 'a' || ALL (ARRAY['b']);
