-- Parameter typing in PostgreSQL's parse order (parse_param.c): the first coercion of an
-- unknown $n fixes its type, and a later use is a parameter of that type, so a cast of it is
-- an ordinary cast (pg-boss 10's insertJob, docs/clients.md earlier gap #88); two contexts
-- asking different types of one still-unknown $n are 42P08.
CREATE TABLE job (id serial, name text, start_after timestamptz, k int, s text);
PREPARE p1 AS SELECT CASE WHEN right($1, 1) = 'Z' THEN CAST($1 AS timestamp with time zone)
	ELSE now() + CAST(COALESCE($1, '0') AS interval) END > now() - interval '1 day';
PREPARE p2 AS SELECT $1::int, $1::text;
PREPARE p3 AS SELECT right($1, 1), $1::int + 1;
PREPARE p5 AS SELECT k FROM job WHERE k = $1 OR s = $1::text;
PREPARE p7 AS SELECT k FROM job WHERE s = $1 AND k = $1::int;
PREPARE p8 AS SELECT $1::date, $1::timestamp;
PREPARE p9 AS SELECT reverse($1), $1::varchar(2), $1::char(1);
PREPARE p10 AS INSERT INTO job (name, start_after) VALUES ($1, CASE WHEN right($2, 1) = 'Z'
	THEN CAST($2 AS timestamptz) ELSE now() + CAST(COALESCE($2, '0') AS interval) END)
	RETURNING name, start_after > now() - interval '1 day' AS later;
SELECT name, parameter_types FROM pg_prepared_statements ORDER BY name;
EXECUTE p1('2030-01-01T00:00:00Z');
EXECUTE p1('1 hour');
EXECUTE p1(NULL);
EXECUTE p2('42');
EXECUTE p3('12');
EXECUTE p3('x1');
EXECUTE p7('5');
EXECUTE p8('2024-01-02');
EXECUTE p9('ab');
EXECUTE p9('abc');
EXECUTE p10('a', '2030-01-01T00:00:00Z');
EXECUTE p10('b', '30 seconds');
EXECUTE p10('c', 'soon');
SELECT name FROM job ORDER BY id;
PREPARE q2 AS SELECT coalesce($1, '0'), coalesce($2, NULL, 'x') || 'y';
SELECT name, parameter_types FROM pg_prepared_statements WHERE name LIKE 'q%' ORDER BY name;
EXECUTE q2(NULL, NULL);
EXECUTE q2('5', 'z');
-- two contexts of one still-unknown parameter (both $1 of the VALUES row are made before
-- either is coerced)
-- differs: the second column's type is not compared with the first's (docs/sql-compat.md)
PREPARE q1 AS INSERT INTO job (k, s) VALUES ($1, $1);
