-- numeric Infinity (PostgreSQL 14's) as a value: input, storage, comparison, casts to float and
-- typmods, and strings stored into a numeric column read by numeric_in (found probing
-- PostgreSQL 15's numeric.sql; h/probejson)
SELECT 'inf'::numeric, '-inf'::numeric, 'infinity'::numeric, '+Infinity'::numeric, ' -INF '::numeric;
SELECT 'infinit'::numeric;
SELECT 'Infinity'::numeric(10,2);
SELECT pg_typeof('inf'::numeric);
SELECT 'Infinity'::numeric::float8, '-Infinity'::numeric::float4, 'Infinity'::float8::numeric;
SELECT 'inf'::numeric = 'inf'::numeric, 'inf'::numeric > 1e100::numeric, '-inf'::numeric < -1e100::numeric;
SELECT 'nan'::numeric > 'inf'::numeric, 'inf'::numeric < 'nan'::numeric;
SELECT x FROM (VALUES ('1'::numeric), ('inf'), ('-inf'), ('nan'), ('-5.5')) v(x) ORDER BY x;
SELECT ('inf'::float8)::numeric(10,2);
SELECT ('-inf'::float4)::numeric(5,1);
SELECT ('nan'::float8)::numeric(10,2), (1.005::float8)::numeric(10,2), (2.675::float4)::numeric(5,2);
SELECT (12345.6::float8)::numeric(3,1);
SELECT 1.25::float8::numeric(5,1), x::numeric(6,2) FROM (VALUES (1.234::float8), (NULL)) v(x);
CREATE TABLE ninf (id int, n numeric, n2 numeric(10,2));
INSERT INTO ninf VALUES (1, 'inf', 1.5), (2, '-infinity', 2), (3, 'nan', 3), (4, 2.5, 4);
INSERT INTO ninf VALUES (5, 'abc', 1);
INSERT INTO ninf VALUES (6, ' 7 ', 1);
-- detail
INSERT INTO ninf VALUES (7, 1, 'inf');
SELECT id, n, n2 FROM ninf ORDER BY id;
SELECT id, n FROM ninf WHERE n > 100 ORDER BY id;
SELECT id, n FROM ninf WHERE n = 'inf' ORDER BY id;
SELECT id, n FROM ninf WHERE n < '-1e300' ORDER BY id;
SELECT n::float8, n::text FROM ninf ORDER BY id;
SELECT id FROM ninf ORDER BY n DESC, id;
SELECT max(n), min(n) FROM ninf WHERE id <> 3;
UPDATE ninf SET n = '-inf' WHERE id = 4;
SELECT id, n FROM ninf ORDER BY id;
SELECT id, n + 1 FROM ninf WHERE id = 1;
SELECT 'inf'::numeric::int4;
-- arithmetic, rounding and aggregates of infinities, as numeric.c's special cases
SELECT x1, x2, x1 + x2 AS sum, x1 - x2 AS diff, x1 * x2 AS prod
FROM (VALUES ('0'::numeric), ('1'), ('-1'), ('4.2'), ('inf'), ('-inf'), ('nan')) v1(x1),
     (VALUES ('0'::numeric), ('1'), ('-1'), ('4.2'), ('inf'), ('-inf'), ('nan')) v2(x2);
SELECT x1, x2, x1 / x2 AS quot, x1 % x2 AS mod, div(x1, x2) AS div
FROM (VALUES ('0'::numeric), ('1'), ('-1'), ('4.2'), ('inf'), ('-inf'), ('nan')) v1(x1),
     (VALUES ('0'::numeric), ('1'), ('-1'), ('4.2'), ('inf'), ('-inf'), ('nan')) v2(x2) WHERE x2 != 0;
SELECT x, round(x), round(x,1) as round1, trunc(x), trunc(x,1) as trunc1
FROM (VALUES ('0'::numeric), ('1'), ('-1'), ('4.2'), ('-7.777'), ('inf'), ('-inf'), ('nan')) v(x);
SELECT sum(x), avg(x) FROM (VALUES ('1'::numeric), ('inf')) v(x);
SELECT sum(x), avg(x) FROM (VALUES ('1'::numeric), ('inf'), ('-inf')) v(x);
SELECT sum(x), avg(x) FROM (VALUES ('-inf'::numeric), ('1')) v(x);
SELECT var_pop(x), stddev(x) FROM (VALUES ('1'::numeric), ('inf')) v(x);
SELECT max(x), min(x) FROM (VALUES ('1'::numeric), ('inf'), ('-inf'), ('-5.5')) v(x);
SELECT max(x), min(x) FROM (VALUES ('1'::numeric), ('inf'), ('nan')) v(x);
SELECT max(x), min(x) FROM (VALUES ('-inf'::numeric), ('nan')) v(x);
SELECT max(x), min(x) FROM (VALUES ('-inf'::numeric)) v(x);
SELECT max(x), min(x) FROM (VALUES ('inf'::numeric), ('inf')) v(x);
SELECT sum(x) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, '1'::numeric), (2, 'inf'), (3, '2'), (4, '-inf'), (5, '3')) v(i, x);
CREATE TABLE ninf2 (id int, n numeric);
INSERT INTO ninf2 VALUES (1, 'inf'), (2, '-inf'), (3, 'nan'), (4, 2.5);
SELECT id, n + 1, n - n, n * 0, n / 2, -n FROM ninf2 ORDER BY id;
SELECT id FROM ninf2 WHERE n - n > 0 ORDER BY id;
SELECT id FROM ninf2 WHERE n * 0 IS NULL ORDER BY id;
SELECT sum(n), avg(n), max(n), min(n) FROM ninf2 WHERE id <> 3;
SELECT sum(n), max(n), min(n) FROM ninf2;
SELECT (n + 1)::text, n::int8 FROM ninf2 WHERE id = 4;
SELECT n::int8 FROM ninf2 WHERE id = 1;
SELECT 'inf'::numeric::int4;
SELECT floor('nan'::numeric), ceil('nan'::numeric), floor('nan'::float8), ceiling('nan'::float8), floor(-2.5::float8), ceil(2), floor(7.5);
SELECT sign('nan'::numeric), sign('nan'::float8);
SELECT greatest('inf'::numeric, 1), least('-inf'::numeric, 1), greatest('nan'::numeric, 'inf'), least(1.5, 'nan'::numeric);
SELECT sqrt('inf'::numeric);
