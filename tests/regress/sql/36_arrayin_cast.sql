-- a string value cast to an array type is read by array_in when the statement runs, as a
-- literal is when it is translated: its elements checked and kept as array_out prints them
-- (it was passed through as written: ('{1,' || 'x}')::int[] was {1,x})
SELECT ('{1,' || '2}')::int[], (('{1,' || '2}')::int[])[2] + 1;
SELECT ('{1,' || 'x}')::int[];
SELECT ('{"a",' || 'b}')::text[], ('{1 ,' || ' 2}')::int[], ('{' || '}')::int[];
SELECT ('{1,' || '2')::int[];
SELECT ('[0:1]={' || '5,6}')::int[], (('[0:1]={' || '5,6}')::int[])[0];
SELECT ('{t,' || 'no}')::bool[], ('{1.50,' || '2e1}')::numeric[];
CREATE TABLE ai_t (id int, s text, v varchar(20));
INSERT INTO ai_t VALUES (1, '{3,4}', '{a,"b c"}'), (2, NULL, NULL), (3, '{}', '{}');
SELECT id, s::int[], s::bigint[], v::text[] FROM ai_t ORDER BY id;
SELECT id, array_length(s::int[], 1) FROM ai_t ORDER BY id;
INSERT INTO ai_t VALUES (4, '{5,x}', '{}');
SELECT id, s::int[] FROM ai_t ORDER BY id;
-- name elements are cut to 63 bytes as namein cuts them, never inside a character
SELECT length((('{' || repeat('x', 70) || '}')::name[])::text), (('{' || repeat('x', 70) || '}')::name[])[1] = repeat('x', 63);
SELECT octet_length((('{' || repeat('é', 40) || '}')::name[])[1]), length(('{' || repeat('y', 64) || '}')::name[]::text);
SELECT ('{' || repeat('z', 64) || ',b}')::name[] = ARRAY[repeat('z', 63), 'b']::name[];
