-- Issue #3, probing PostgreSQL's jsonb.sql: jsonb subscripting j['a'][0] reads as
-- jsonb_extract_path does (it was read as an array element: ('[1,[2,3]]'::jsonb)[1] was NULL,
-- j[1][0] 22P02); json has none (42804), a slice or a numeric subscript is 42804.
CREATE TABLE jsub (id int, j jsonb, js json, a int[]);
INSERT INTO jsub VALUES (1, '[1,[2,3]]', '[1]', '{5,6}'), (2, '{"a":[7,8], "1":"one", "b":{"c":null}}', '{}', '{7}'), (3, NULL, NULL, NULL), (4, '"scalar"', '1', '{}');
SELECT id, j[1], j['a'], j['a'][0], j[0], j[-1], j['1'], j[1][0], j[null], a[1] FROM jsub ORDER BY id;
SELECT id, j['b']['c'], j['b']['x'], j['a'][-1], j['a'][5], j[0][0] FROM jsub ORDER BY id;
SELECT pg_typeof(j[0]) FROM jsub WHERE id = 1;
SELECT id FROM jsub WHERE j[0] = '1';
SELECT id FROM jsub WHERE j['a'] IS NOT NULL;
SELECT ('[1,[2,3]]'::jsonb)[1], ('[1,[2,3]]'::jsonb)[1][0], ('{"a":{"b":[5,6]}}'::jsonb)['a']['b'][1], ('{"a":1}'::jsonb)['a'];
SELECT ('{"1":5}'::jsonb)[1], ('[1,2]'::jsonb)['1'], ('[1,2]'::jsonb)[-1], ('[1,2]'::jsonb)[1::int2], ('[1,2]'::jsonb)['x'];
SELECT ('[1,2]'::jsonb)[1:2];
SELECT ('[1,2]'::json)[1];
SELECT ('[1,2]'::jsonb)[1.5];
SELECT ('[1,2]'::jsonb)[1::int8];
-- extended
SELECT ('{"k":[10,20]}'::jsonb)['k'][1];
