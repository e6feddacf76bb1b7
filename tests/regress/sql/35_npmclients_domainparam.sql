-- A parameter stored into a column declared with a domain is of the domain (pgtyped types an
-- INSERT's :params by ParameterDescription); compared with it, of the base type.
CREATE DOMAIN em AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN pos AS int CHECK (VALUE > 0);
CREATE TABLE dt (id int, m em, p pos, n text);
PREPARE p1 AS INSERT INTO dt (id, m, p) VALUES ($1, $2, $3);
PREPARE p2 AS UPDATE dt SET m = $1, n = $2 WHERE p = $3;
PREPARE p3 AS SELECT * FROM dt WHERE m = $1;
PREPARE p4 AS INSERT INTO dt SELECT $1, $2, $3;
PREPARE p5 AS INSERT INTO dt (id, m) VALUES ($1, $2) ON CONFLICT DO NOTHING;
PREPARE p6 AS INSERT INTO dt (m, p) VALUES ($1::text, $2 + 1);
SELECT name, parameter_types::text FROM pg_prepared_statements ORDER BY name;
EXECUTE p1(1, 'a@x', 2);
EXECUTE p1(2, 'nope', 2);
EXECUTE p1(3, 'b@x', 0);
EXECUTE p2('c@x', 'note', 2);
SELECT * FROM dt ORDER BY id;
DEALLOCATE ALL;
DROP TABLE dt;
DROP DOMAIN em;
DROP DOMAIN pos;
