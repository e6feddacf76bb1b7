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
