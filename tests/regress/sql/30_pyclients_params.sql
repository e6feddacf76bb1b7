-- A $n beside an array or jsonb operator takes the type PostgreSQL resolves the operator to
-- (what ParameterDescription reports, and how a binary-format client such as asyncpg encodes
-- the value): anyarray @> <@ && || anyarray, jsonb @> <@ || jsonb, text[] for jsonb's ?| ?& #-
-- and #>, text for ? and ->. encode/databases over asyncpg sends tags @> $1 for .contains().
CREATE TABLE pyc_t (id int, tags text[], scores int[], names varchar(5)[], doc jsonb);
INSERT INTO pyc_t VALUES (1, '{a,"b c"}', '{1,2,3}', '{x}', '{"k": {"x": 1}, "a": [1, 2]}'), (2, '{d}', '{4}', '{y,z}', '{"z": 1}');
PREPARE pyc_a1 AS SELECT id FROM pyc_t WHERE tags @> $1;
PREPARE pyc_a2 AS SELECT id FROM pyc_t WHERE $1 <@ tags ORDER BY id;
PREPARE pyc_a3 AS SELECT id FROM pyc_t WHERE scores && $1 ORDER BY id;
PREPARE pyc_a4 AS SELECT id FROM pyc_t WHERE names @> $1;
PREPARE pyc_a5 AS SELECT tags || $1 FROM pyc_t WHERE id = 1;
PREPARE pyc_a6 AS SELECT $1 || scores FROM pyc_t WHERE id = 2;
PREPARE pyc_j1 AS SELECT id FROM pyc_t WHERE doc @> $1;
PREPARE pyc_j2 AS SELECT $1 @> doc FROM pyc_t WHERE id = 2;
PREPARE pyc_j3 AS SELECT doc || $1 FROM pyc_t WHERE id = 2;
PREPARE pyc_j4 AS SELECT doc ?| $1, doc ?& $1 FROM pyc_t WHERE id = 1;
PREPARE pyc_j5 AS SELECT doc #- $1 FROM pyc_t WHERE id = 1;
PREPARE pyc_j6 AS SELECT doc #> $1, doc #>> $1 FROM pyc_t WHERE id = 1;
PREPARE pyc_j7 AS SELECT doc ? $1, doc -> $1, doc - $1 FROM pyc_t WHERE id = 1;
SELECT name, parameter_types FROM pg_prepared_statements WHERE name LIKE 'pyc%' ORDER BY name;
EXECUTE pyc_a1('{a}');
EXECUTE pyc_a1('{a,d}');
EXECUTE pyc_a2('{}');
EXECUTE pyc_a3('{3,4}');
EXECUTE pyc_a4('{z}');
EXECUTE pyc_a5('{e,NULL}');
EXECUTE pyc_a5('e');
EXECUTE pyc_a6('{7}');
EXECUTE pyc_j1('{"k": {"x": 1}}');
EXECUTE pyc_j1('nope');
EXECUTE pyc_j2('{"z": 1, "q": 2}');
EXECUTE pyc_j3('{"y": [true]}');
EXECUTE pyc_j4('{z,a}');
EXECUTE pyc_j5('{k,x}');
EXECUTE pyc_j6('{a,1}');
EXECUTE pyc_j7('a');
DEALLOCATE ALL;
DROP TABLE pyc_t;
