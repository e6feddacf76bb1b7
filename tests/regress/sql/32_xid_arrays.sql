-- Date/time array literal casts ('{2024-01-01,2024-02-01}'::date[] and the others), printed
-- as PostgreSQL prints their elements; a numeric array's element keeps its display scale
-- when subscripted.
SET TimeZone = 'UTC';
SELECT '{2024-01-01,2024-02-01}'::date[];
SELECT '{"2024-01-01 10:00",2024-02-01}'::timestamp[];
SELECT '{2024-01-01 10:00+02}'::timestamptz[];
SELECT '{10:00,11:30:01.5}'::time[];
SELECT '{10:00+02}'::timetz[];
SELECT '{1 day,"2 hours 3 min"}'::interval[];
SELECT '{{2024-01-01},{2024-03-01}}'::date[], '{NULL,2024-01-02}'::date[], '{}'::date[];
SELECT pg_typeof('{2024-01-01}'::date[]), pg_typeof('{1 day}'::interval[]);
SELECT ('{2024-01-01,2024-02-01}'::date[])[2];
SELECT array_length('{2024-01-01,2024-02-01}'::date[], 1);
SELECT '{2024-13-01}'::date[];
SELECT '{2024-01-01'::date[];
SET TimeZone = 'America/New_York';
SELECT '{2024-01-01 10:00}'::timestamptz[];
SET DateStyle = 'SQL, DMY';
SELECT '{2024-01-31}'::date[], '{2024-01-31 10:00}'::timestamp[];
RESET DateStyle;
RESET TimeZone;
SELECT ('{1.10}'::numeric[])[1];
SELECT ('{1.10,2.500,3,NaN}'::numeric[])[2], ('{1.10,2.500,3,NaN}'::numeric[])[3], ('{1.10,2.500,3,NaN}'::numeric[])[4];
SELECT ('{1.10}'::numeric[])[1] + 1, ('{1.10}'::numeric[])[1] * 2;
SELECT ('{1.10}'::numeric[])[1] > 1, ('{1.10}'::numeric[])[1] = 1.1;
CREATE TABLE na (id int, a numeric[]);
INSERT INTO na VALUES (1, '{1.10,0.5}'), (2, '{2.000,10}');
SELECT id, a[1], a[2] FROM na ORDER BY id;
SELECT id FROM na WHERE a[1] > 1.5;
SELECT a[1] FROM na ORDER BY a[1] DESC;
SELECT sum(a[1]) FROM na;
INSERT INTO na VALUES (3, '{2.0,5}'), (4, '{2,1.0}');
SELECT DISTINCT a[1] FROM na WHERE a[1] = 2;
SELECT count(DISTINCT a[1]) FROM na;
SELECT a[1], count(*) FROM na WHERE a[1] = 2 GROUP BY a[1];
SELECT id, a[1] = a[1], a[1], a[2] FROM na WHERE a[1] = 2 ORDER BY id;
SELECT x, ('{10,9.5,-1.00}'::numeric[])[x] FROM (VALUES (1), (2), (3)) v(x) ORDER BY ('{10,9.5,-1.00}'::numeric[])[x];
