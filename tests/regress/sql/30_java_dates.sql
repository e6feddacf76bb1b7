-- A numeric time zone standing alone after a date ("1930-01-01 +00"): pgJDBC's setDate sends
-- dates that way (Hibernate's @Temporal(DATE)); date input reads and drops the zone,
-- timestamp drops it, timestamptz applies it to midnight, as PostgreSQL's DecodeDateTime does.
SET TimeZone = 'UTC';
SELECT '1930-01-01 +00'::date AS a, '+00 1930-01-01'::date AS b, 'Jan 5 2024 +02'::date AS c,
       '2024-02-29 -05:30'::date AS d;
SELECT '2024-01-01 -05'::timestamptz AS a, '2024-01-01 -0530'::timestamptz AS b,
       '-05 2024-01-01'::timestamptz AS c, '2024-01-01 +05:30'::timestamp AS d;
-- before a time, with a sign and one digit, before BC
SELECT '2024-01-01 +05 10:00:00'::timestamptz AS a, '+05 10:00'::time AS b, '+05 10:00'::timetz AS c,
       '2024-01-01 -1'::date AS d, '1930-01-01 +00 BC'::date AS e, '2024-01-01 +5:30'::timestamptz AS f;
CREATE TABLE jd_t (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz);
INSERT INTO jd_t VALUES (1, '1930-01-01 +00', '2023-11-15 +01', '2023-11-15 +01');
SELECT id, d, ts, tz FROM jd_t;
-- still refused: a zone and nothing else, two zones
SELECT '+05'::timestamptz;
SELECT '2024-01-01 +05 +06'::date;
SELECT '2024-01-01 +05 UTC'::timestamptz;
SELECT '2024-01-01 +abc'::date;
