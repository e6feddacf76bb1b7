-- IntervalStyle sql_standard and postgres_verbose: output of results, casts to text, ||,
-- arrays and JSON; sql_standard's reading of a leading minus sign
CREATE TABLE fmt_iv (id int, v interval);
INSERT INTO fmt_iv VALUES (1, '1 year 2 mons'), (2, '3 days 04:05:06'), (3, '-1 year -2 mons'),
  (4, '1 year -2 days'), (5, '0'), (6, '-3 days -04:05:06.5'), (7, '04:05:06.25'), (8, '-00:00:00.5'),
  (9, '1 sec'), (10, '-1 sec'), (11, '-1 day +1 sec'), (12, '1 day -1 sec'), (13, '1 min'),
  (14, '2 years 3 mons 4 days 05:06:07'), (15, '-1 day 02:00'), (16, '100 hours'), (17, NULL);
SET IntervalStyle = sql_standard;
SHOW IntervalStyle;
SELECT id, v::text AS t, v || '' AS cat, concat(v) AS c FROM fmt_iv ORDER BY id;
SELECT id, to_json(v) AS j FROM fmt_iv ORDER BY id;
SELECT ARRAY[interval '1 day', interval '-1 mon', interval '1 year 2 days']::text AS a;
SELECT interval '-1 2:03:04'::text AS a, interval '-1 +2:03:04'::text AS b, '-1 2:03:04'::interval::text AS c;
SELECT interval '-1 year 2 months'::text AS a, interval '-1 day 2 hours'::text AS b, interval '+1 -2:03:04'::text AS c;
SELECT interval '-1 2:03' hour to minute AS a, '-1 day 2 hours 3 minutes ago'::interval::text AS b;
SELECT interval '-1 2:03:04' + interval '1 day' AS s;
PREPARE fmt_p(interval) AS SELECT $1 AS v, $1 + interval '1 hour' AS w;
EXECUTE fmt_p('-1 2:03:04');
DEALLOCATE fmt_p;
SET IntervalStyle = postgres_verbose;
SHOW IntervalStyle;
SELECT id, v::text AS t, v || '' AS cat, format('%s', v) AS f FROM fmt_iv ORDER BY id;
SELECT id, json_build_object('v', v) AS j FROM fmt_iv ORDER BY id;
SELECT ARRAY[interval '1 day', interval '-1 mon']::text AS a;
SELECT interval '-1 2:03:04'::text AS a;
SELECT '@ 1 day 2 hours ago'::interval::text AS a;
SET IntervalStyle = 'SQL_Standard';
SHOW IntervalStyle;
SET IntervalStyle = 'bogus';
RESET IntervalStyle;
SELECT id, v::text AS t FROM fmt_iv ORDER BY id;
DROP TABLE fmt_iv;
