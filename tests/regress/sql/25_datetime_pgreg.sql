-- Date and time behaviour found by probing with PostgreSQL's own regression corpus (issue 3):
-- intervals sort in interval_cmp's order, extract/date_part of infinite values, of timetz
-- fields and epoch, units spelled as datetime.c spells them, centuries of BC years.
SET timezone = 'UTC';
CREATE TABLE dt_iv (id int PRIMARY KEY, iv interval);
INSERT INTO dt_iv VALUES (1, '34 years'), (2, '5 months'), (3, '10 days'), (4, '6 years'), (5, '-14 seconds'), (6, '1 mon'), (7, '29 days 23:59:59'), (8, NULL);
SELECT id, iv FROM dt_iv ORDER BY iv, id;
SELECT id, iv FROM dt_iv ORDER BY iv DESC NULLS LAST, id;
SELECT id FROM dt_iv ORDER BY 2 DESC, id LIMIT 0;
SELECT iv AS x FROM dt_iv WHERE id < 5 ORDER BY x;
SELECT greatest(interval '1 mon', interval '29 days'), least(interval '1 year', interval '300 days');
SELECT v FROM (VALUES (interval '2 days'), (interval '36 hours'), (interval '1 day 13:00')) t(v) ORDER BY v;
-- extract/date_part of infinity: the fields that grow with time are infinite, the others NULL
SELECT extract(year FROM date 'infinity'), extract(epoch FROM date '-infinity'), extract(day FROM date 'infinity'), extract(dow FROM date 'infinity');
SELECT extract(century FROM timestamp 'infinity'), extract(julian FROM timestamp '-infinity'), extract(hour FROM timestamp 'infinity'), extract(isoyear FROM timestamp 'infinity');
SELECT date_part('year', timestamptz '-infinity'), date_part('epoch', timestamptz 'infinity'), date_part('month', timestamptz 'infinity'), date_part('timezone', timestamptz 'infinity');
SELECT extract(timezone FROM timestamp 'infinity');
SELECT extract(hour FROM date 'infinity');
SELECT extract(nonsense FROM timestamp 'infinity');
SELECT extract(year FROM d) > 3000 FROM (VALUES (date 'infinity'), (date '2024-01-01')) v(d);
-- the epoch near the end of the timestamp range
SELECT extract(epoch FROM '294270-01-01 00:00:00'::timestamp), date_part('epoch', '294270-01-01 00:00:00'::timestamp);
-- time with time zone: its zone fields, and an epoch of UTC's time of day
SELECT extract(timezone FROM timetz '13:30:25.575401-04:30'), extract(timezone_hour FROM timetz '13:30:25-04:30'), extract(timezone_minute FROM timetz '13:30:25-04:30');
SELECT extract(epoch FROM timetz '13:30:25.575401-04'), date_part('epoch', timetz '13:30:25.575401-04'), extract(second FROM timetz '13:30:25.5+02');
SELECT extract(day FROM timetz '13:30:25-04');
-- unit spellings: abbreviations and the first ten characters
SELECT date_part('msec', timestamp '2020-01-01 10:11:12.345'), date_part('usec', timestamp '2020-01-01 10:11:12.345'), extract(microsecondsxyz FROM timestamp '2020-01-01 10:11:12.345');
SELECT date_part('c', date '2020-01-01'), date_part('y', date '2020-01-01'), date_part('qtr', date '2020-08-01'), date_part('mils', date '2020-01-01'), date_part('decs', date '2020-01-01'), date_part('hr', timestamp '2020-01-01 10:00');
SELECT extract(timezone_hours FROM timestamptz '2020-01-01 10:00+00'), date_part('w', date '2020-03-01');
-- centuries and millennia of BC years
SELECT extract(century FROM date '0100-12-31 BC'), extract(century FROM date '0101-01-01 BC'), extract(millennium FROM date '1000-06-01 BC'), extract(millennium FROM date '1001-06-01 BC'), extract(century FROM date '0001-01-01 BC');
DROP TABLE dt_iv;
-- interval(p) and INTERVAL fields: the typmod kept in the catalog, values read with the
-- fields (a number without a unit is of the last field) and cut to them, seconds rounded
SELECT interval '2' year, interval '3' month, interval '4' day, interval '5' hour, interval '6' minute, interval '7' second, interval '999' minute;
SELECT interval '1-2' year to month, interval '1 2' day to hour, interval '1 2:03:04' day to hour, interval '1 2:03:04' day to minute, interval '1 2:03' hour to second;
SELECT interval '1 2:03' minute to second, interval '1 -2:03' minute to second, interval '12:34.5678' minute to second(2), interval '1 2:03:04.5678' day to second(2);
SELECT interval(0) '1 day 01:23:45.6789', interval(2) '1 day 01:23:45.6789', interval '1.234' second(2), interval '2006-10-25 15:20:22' year to second;
SELECT interval(7) '1.2345678 second';
SELECT interval '123 11' day;
SELECT interval '1 2 3' day to hour;
SELECT interval(-1) '1';
CREATE TABLE dt_ivm (id int PRIMARY KEY, a interval(2), b interval day to second(0), c interval year to month, d interval hour, e interval minute to second);
SELECT attname, format_type(atttypid, atttypmod), atttypmod FROM pg_attribute WHERE attrelid = 'dt_ivm'::regclass AND attnum > 1 ORDER BY attnum;
SELECT column_name, data_type, interval_type, interval_precision, datetime_precision FROM information_schema.columns WHERE table_name = 'dt_ivm' AND column_name <> 'id' ORDER BY ordinal_position;
INSERT INTO dt_ivm VALUES (1, '1 year 2 mons 3 days 04:05:06.789', '1 year 2 mons 3 days 04:05:06.789', '1 year 2 mons 3 days 04:05:06.789', '1 year 2 mons 3 days 04:05:06.789', '2:03');
INSERT INTO dt_ivm (id, a, c, d) VALUES (2, interval '1.155 s', '25', '1 2');
INSERT INTO dt_ivm (id, a, b) SELECT 3, interval '1.555 s' + interval '1 s', interval '-1.5 s';
SELECT * FROM dt_ivm ORDER BY id;
UPDATE dt_ivm SET a = a * 1.11, d = d + interval '90 minutes' WHERE id = 1 RETURNING a, d;
SELECT x::interval(0), CAST(x AS interval hour to minute), x::interval year FROM (VALUES (interval '1.5 s'), (interval '-1.5 s'), (interval '14 mons 1 day 10:11:12.5')) v(x);
SELECT pg_typeof(interval '1' day), pg_typeof('1'::interval(3));
PREPARE dt_ivp(interval) AS INSERT INTO dt_ivm (id, a) VALUES (9, $1) RETURNING a;
EXECUTE dt_ivp('1.266 s');
CREATE TABLE dt_ivc AS SELECT a, c FROM dt_ivm;
SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'dt_ivc'::regclass AND attnum > 0 ORDER BY attnum;
DROP TABLE dt_ivm, dt_ivc;
-- a window's RANGE frame offset by an interval over a date, timestamp, timestamptz or time
-- key: the key as microseconds, the offset as theirs (a fixed span only)
CREATE TABLE dt_win (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, t time, iv interval, v int);
INSERT INTO dt_win VALUES (1, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', '10:00', '1 hour', 1), (2, '2024-01-02', '2024-01-01 22:00', '2024-01-01 22:00+00', '12:00', '2 hours', 2), (3, '2024-01-02', '2024-01-02 09:00', '2024-01-02 09:00+00', '12:30', '1 day', 3), (4, '2024-01-05', '2024-01-05 00:00', '2024-01-05 00:00+00', '20:00', '3 days', 4), (5, NULL, NULL, NULL, NULL, NULL, 5), (6, 'infinity', 'infinity', '-infinity', '23:59', '1 mon', 6);
SELECT id, sum(v) OVER (ORDER BY d RANGE BETWEEN '1 day' PRECEDING AND CURRENT ROW) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY d RANGE BETWEEN interval '1 day' PRECEDING AND interval '1 day' FOLLOWING) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY ts RANGE BETWEEN interval '12 hours' PRECEDING AND CURRENT ROW) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY ts DESC NULLS LAST RANGE BETWEEN interval '12 hours' PRECEDING AND interval '1 hour' FOLLOWING EXCLUDE CURRENT ROW) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY tz RANGE BETWEEN '11:00' PRECEDING AND CURRENT ROW) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY t RANGE BETWEEN interval '1 hour' PRECEDING AND interval '1 hour' FOLLOWING) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (PARTITION BY v % 2 ORDER BY ts RANGE BETWEEN '1 day' PRECEDING AND '1 day' FOLLOWING) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER w FROM dt_win WINDOW w AS (ORDER BY ts RANGE interval '1 day' PRECEDING) ORDER BY id;
SELECT id, iv, first_value(id) OVER (ORDER BY iv ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM dt_win ORDER BY iv, id;
SELECT id, sum(v) OVER (ORDER BY d RANGE BETWEEN '-1 day' PRECEDING AND CURRENT ROW) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY d RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM dt_win ORDER BY id;
SELECT id, sum(v) OVER (ORDER BY v RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM dt_win ORDER BY id;
DROP TABLE dt_win;
-- date + timetz is a timestamptz; a timetz in any other sum or difference no operator
SET TimeZone = 'America/New_York';
SELECT date '2020-01-01' + timetz '10:00+03', timetz '23:30-02' + date '2020-06-30', date '1991-02-03' + time with time zone '04:05:06 PST';
SELECT x + timetz '10:00' FROM (VALUES (date '2021-03-14')) v(x);
SELECT timetz '10:00+03' + timetz '01:00+00';
SELECT timetz '10:00+03' - date '2020-01-01';
-- a date only DMY reads is read in the session's DateStyle (it was 22008 in MDY terms)
SET DateStyle = 'ISO, DMY';
SELECT date '13/06/1957', '13/06/1957 10:00'::timestamp, timestamptz '13.06.1957 10:00';
CREATE TABLE dt_dmy (d date);
INSERT INTO dt_dmy VALUES ('13/06/1957'), ('01/02/2003');
SELECT d FROM dt_dmy ORDER BY d;
DROP TABLE dt_dmy;
SET DateStyle = 'SQL, DMY';
SELECT date '13/06/1957', '13/06/1957 10:00'::timestamp::text;
SET DateStyle = 'German';
SELECT date '13.06.1957', timestamp '13.06.1957 10:00:01.5', timestamptz '13.06.1957 10:00';
SET DateStyle = 'Postgres, DMY';
SELECT date '13/06/1957'::text, timestamp '13/06/1957 10:00'::text;
RESET DateStyle;
-- out of range in MDY: 22008 when the statement runs (no position or hint there)
SELECT date '13/06/1957';
RESET TimeZone;
-- infinity: ± an interval stays infinite; subtracting an infinite date is 22008
SELECT timestamp 'infinity' + interval '1 day', timestamp '-infinity' - interval '1 year', timestamptz 'infinity' - interval '1 mon', date 'infinity' + interval '1 hour', interval '1 day' + timestamp '-infinity';
SELECT date 'infinity' + 1, date '-infinity' - 5, isfinite(timestamp 'infinity' + interval '1 day');
SELECT date 'infinity' - date '2000-01-01';
SELECT date '2000-01-01' - date '-infinity';
SELECT date 'infinity' - timestamp '2000-01-01';
-- interval input: a field given twice is 22007 (it was summed), units by their first ten
-- characters, the int32 minimum of days and months, the epoch of the widest intervals
SELECT '1 day 1 day'::interval;
SELECT '1 second 2 seconds'::interval;
SELECT '5.5 seconds 3 milliseconds'::interval;
SELECT '1:20:05 5 microseconds'::interval;
SELECT '500 seconds 99 milliseconds 51 microseconds'::interval, '1 day 2 hours 3 minutes 4 seconds'::interval, '-1 days +02:03'::interval, '1-2 3 4:05:06'::interval;
SELECT '4 millenniums 5 centuries 4 decades 1 year 4 months 4 days 17 minutes 31 seconds'::interval;
SELECT '-2147483648 days'::interval, '-2147483648 months'::interval, extract(epoch from '-2147483648 days'::interval), extract(epoch from '2147483647 months 2147483647 days'::interval);
-- AM/PM glued to the time ("5:32PM")
SELECT timestamp 'Feb 10 5:32PM 1997', timestamptz '1997-02-10 5:32pm+00', timestamp '1997-02-10 12:05am', time '5:32pm', time '11:59:59.99 PM';
SELECT timestamp '1997-02-10 13:05pm';
-- a date of eight digits followed by a time of six ("19970210 173201")
SELECT timestamptz '19970210 173201 -0800', timestamp '19970210 173201', timestamptz '19970710 173201 America/New_York', timestamp '1997-02-10 173201';
-- a time with a named zone and no date: 22007, as PostgreSQL cannot resolve the zone
SELECT time '15:36:39 America/New_York';
SELECT timetz '15:36:39 America/New_York';
SELECT time '2003-07-07 15:36:39 America/New_York', timetz '2003-07-07 15:36:39 America/New_York', time '15:36:39 EST', timetz '15:36:39 PDT';
-- timetz compares and sorts by its UTC time, then its zone (timetz_cmp), not by its text
SET TimeZone = 'America/Los_Angeles';
CREATE TABLE dt_ttz (id int PRIMARY KEY, t timetz);
INSERT INTO dt_ttz VALUES (1, '07:07 PST'), (2, '08:08 EDT'), (3, '11:59 PDT'), (4, '10:00+02'), (5, '09:00+01'), (6, '00:01 PDT'), (7, NULL);
SELECT id, t FROM dt_ttz ORDER BY t, id;
SELECT id, t FROM dt_ttz ORDER BY t DESC, id;
SELECT id FROM dt_ttz WHERE t > '05:06:07-07' ORDER BY id;
SELECT id FROM dt_ttz WHERE t >= '00:00' ORDER BY id;
SELECT timetz '10:00+02' = timetz '09:00+01', timetz '10:00+02' < timetz '10:00+01', timetz '10:00+02' <> timetz '08:00+00', max(t), min(t) FROM dt_ttz;
SELECT greatest(timetz '10:00+02', timetz '09:30+00'), least(timetz '10:00+02', timetz '09:30+00');
DROP TABLE dt_ttz;
RESET TimeZone;
-- to_char's CC of BC years counts from the astronomical year (97 BC is -01)
SELECT to_char(timestamp '0097-02-16 BC', 'CC'), to_char(date '0001-01-01 BC', 'CC'), to_char(date '0100-01-01 BC', 'CC'), to_char(date '0101-01-01 BC','CC'), to_char(date '2000-01-01', 'CC'), to_char(date '2001-01-01', 'FMCC'), to_char(interval '250 years', 'CC'), to_char(interval '-250 years', 'CC'), to_char(date '0001-06-01', 'CCth');
