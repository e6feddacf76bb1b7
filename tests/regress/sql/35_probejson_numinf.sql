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
-- differs: max/min of a numeric infinity in a result column are 0A000 (the exact engine has no infinities)
SELECT max(n), min(n) FROM ninf WHERE id <> 3;
UPDATE ninf SET n = '-inf' WHERE id = 4;
SELECT id, n FROM ninf ORDER BY id;
-- differs: arithmetic of a numeric infinity in a result column is 0A000 (the exact engine has no infinities)
SELECT id, n + 1 FROM ninf WHERE id = 1;
SELECT 'inf'::numeric::int4;
