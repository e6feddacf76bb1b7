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
SELECT ARRAY['a'] || 'b'::text[];
SELECT '{"a": 1, "b": 2}'::jsonb - ARRAY['a'], '["a", 1]'::jsonb - '{a,NULL}'::text[];
DROP TABLE ot_docs;
