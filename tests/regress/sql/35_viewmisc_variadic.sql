-- json[b]_build_object and json[b]_build_array called with VARIADIC and an array: its
-- elements (every dimension's, in order) are the arguments, typed by the array's element type
-- (h/viewmisc)
SELECT json_build_object(VARIADIC ARRAY['a','1']);
SELECT json_build_object(VARIADIC ARRAY['a', 'x', 'b', NULL]), jsonb_build_object(VARIADIC ARRAY['a','1','b','2']);
SELECT json_build_array(VARIADIC ARRAY[1,2]), jsonb_build_array(VARIADIC ARRAY['x', NULL]);
SELECT json_build_array(VARIADIC ARRAY[[1,2],[3,4]]), json_build_array(VARIADIC ARRAY[true, false]);
SELECT json_build_object(VARIADIC ARRAY[1, 2, 3, 4]), jsonb_build_object(VARIADIC ARRAY[true, false]);
SELECT json_build_object(VARIADIC '{}'::text[]), json_build_array(VARIADIC '{}'::int[]), jsonb_build_object(VARIADIC '{}'::text[]);
SELECT json_build_object(VARIADIC NULL::text[]), json_build_array(VARIADIC NULL::int[]);
SELECT json_build_array(VARIADIC ARRAY['{"a":1}'::json, '[2]']), jsonb_build_array(VARIADIC ARRAY['{"a":1}'::jsonb]);
SELECT json_build_array(VARIADIC ARRAY[1.5, 2.25]::numeric[]), json_build_array(VARIADIC ARRAY['a"b', 'c\d']);
SELECT json_build_array(VARIADIC ARRAY['2024-01-02 03:04:05'::timestamp]), json_build_object(VARIADIC ARRAY['2024-01-02 03:04:05'::timestamp, '2024-01-03']);
-- detail
SELECT json_build_object(VARIADIC ARRAY['a']);
SELECT json_build_object(VARIADIC ARRAY['a', 'b', NULL, 'c']);
SELECT json_build_object(VARIADIC ARRAY['{"a":1}'::json, '1']);
SELECT json_build_object(VARIADIC 'x');
SELECT json_build_object(VARIADIC 1);
SELECT json_build_array(VARIADIC ARRAY[1], 2);
CREATE TABLE vva (id int, a text[], n int[]);
INSERT INTO vva VALUES (1, ARRAY['k', 'v'], ARRAY[1, 2]), (2, '{}', '{}'), (3, NULL, NULL);
SELECT id, json_build_object(VARIADIC a), jsonb_build_array(VARIADIC n) FROM vva ORDER BY id;
