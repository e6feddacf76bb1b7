-- Probing with PostgreSQL 15's date/time regression files (date, time, timetz, timestamp,
-- timestamptz, interval, horology): values shardlite answered differently, now as PostgreSQL.
SET TimeZone = 'PST8PDT';
-- An untyped string or parameter AT TIME ZONE is a timestamptz read in the session's zone
-- (it was read as a timestamp in UTC: 12:32 instead of 20:32).
SELECT '19970210 173201' AT TIME ZONE 'America/New_York';
SELECT '19970710 173201' AT TIME ZONE 'America/New_York';
SELECT '2024-01-01 10:00' AT TIME ZONE 'UTC', timezone('UTC', '2024-07-01 10:00');
SELECT pg_typeof('2024-01-01 10:00' AT TIME ZONE 'UTC');
SELECT '2024-01-01 10:00'::timestamp AT TIME ZONE 'UTC', '2024-01-01 10:00'::timestamptz AT TIME ZONE 'UTC';
SELECT 'not a time' AT TIME ZONE 'UTC';
PREPARE atz AS SELECT $1 AT TIME ZONE 'Asia/Tokyo';
EXECUTE atz('2024-03-10 01:30');
DEALLOCATE atz;
-- to_timestamp's FFn: the digits read are the fraction ('.1' as FF2 is 0.1 s; it was 0.01)
-- and the result is rounded to n digits ('.12' as FF1 is 0.1 s).
SELECT i, to_timestamp('2018-11-02 12:34:56.1', 'YYYY-MM-DD HH24:MI:SS.FF' || i) FROM generate_series(1, 6) i;
SELECT i, to_timestamp('2018-11-02 12:34:56.12', 'YYYY-MM-DD HH24:MI:SS.FF' || i) FROM generate_series(1, 6) i;
SELECT i, to_timestamp('2018-11-02 12:34:56.123456', 'YYYY-MM-DD HH24:MI:SS.FF' || i) FROM generate_series(1, 6) i;
SELECT i, to_timestamp('20181102123456123456', 'YYYYMMDDHH24MISSFF' || i) FROM generate_series(1, 6) i;
SELECT to_timestamp('2018-11-02 12:34:56.96', 'YYYY-MM-DD HH24:MI:SS.FF1'), to_timestamp('1999-12-31 23:59:59.95', 'YYYY-MM-DD HH24:MI:SS.FF1');
-- to_char(interval, 'RM'): a negative month counts back from December, whole years are XII
-- (I when negative); they printed nothing.
SELECT i, to_char(i * interval '1mon', 'rm'), to_char(i * interval '1mon', 'RM') FROM generate_series(-13, 13) i;
SELECT to_char(interval '2 years', 'RM'), to_char(interval '-1 year', 'FMRM'), to_char(interval '0', 'RM');
-- A two-digit year with BC is that year BC (it was moved to 1999 BC).
SELECT date 'January 8, 99 BC', date 'Jan 8, 0099 BC', '1/8/99 BC'::date, timestamp 'Jan 8 99 BC 10:00';
SELECT date 'January 8, 99', date '1/8/00', date '08-Jan-69', date '08-Jan-70';
SELECT date 'Jan 8 00 BC';
-- A zone word glued to an offset is a POSIX zone, west positive (GMT+8 is 8 hours behind
-- UTC), and a zone name may stand before the year; both were 22007.
SELECT timestamptz '2000-03-15 08:14:01 GMT+8', timestamptz '2000-03-15 03:14:04 PST+8', timestamptz '2000-03-15 02:14:05 MST+7:00';
SELECT timestamptz 'Wed Jul 11 10:51:14 GMT+4 2001', timestamptz 'Wed Jul 11 10:51:14 PST-03:00 2001', timestamp '2000-03-15 08:14:01 GMT+8';
SELECT timestamptz 'Wed Jul 11 10:51:14 America/New_York 2001', timestamptz '2001-07-11 10:51:14 Europe/Paris';
SELECT timestamptz '2001-07-11 10:51:14 Mars/Olympus', timestamptz '2001-07-11 10:51:14 GMT+x';
-- A date past what a timestamp holds (294277 AD on) compares above every timestamp, as
-- PostgreSQL 15's date2timestamp_no_overflow (it wrapped around: false), and a cast or sum
-- making a timestamp of it is 22008 (it printed 11623025-08-14 15:52:41.793536).
SELECT '2202020-10-05'::date > '2020-10-05'::timestamp AS t, '2020-10-05'::timestamp > '2202020-10-05'::date AS f;
SELECT '2202020-10-05'::date > '2020-10-05'::timestamptz AS t, '2020-10-05'::timestamptz > '2202020-10-05'::date AS f;
SELECT '294276-12-31'::date::timestamp, 'infinity'::date::timestamp, '-infinity'::date::timestamptz;
SELECT '294277-01-01'::date::timestamp;
SELECT '2202020-10-05'::date::timestamptz;
SELECT '294277-01-01'::date + interval '1 day';
SELECT '294277-01-01'::date + time '10:00';
SELECT 'infinity'::date + time '10:00', '-infinity'::date + interval '1 day', '2024-01-01'::date + time '10:00', '2024-01-01'::date - interval '1 hour';
SELECT '294277-01-01'::date - 1, '5874897-12-31'::date > '2024-01-01'::date;
-- Interval arithmetic past int32 days or months is 22008 interval out of range (justify_*
-- and interval * float wrapped around: -178956970 years -8 mons).
SELECT '1 month 2146410 days'::interval * 1000.5002;
SELECT justify_hours(interval '2147483647 days 24 hrs');
SELECT justify_days(interval '2147483647 months 30 days');
SELECT justify_interval(interval '2147483647 months 30 days');
SELECT justify_interval(interval '-2147483648 months -30 days');
SELECT justify_interval(interval '2147483647 months -30 days 1440 hrs');
SELECT justify_interval(interval '-2147483648 months 30 days -1440 hrs');
SELECT justify_interval(interval '1 mon -1 hour'), justify_hours(interval '50 hours'), justify_days(interval '-45 days'), interval '1 mon 3 days' * 1.5, interval '10 days' / 3;
SELECT timestamp '294276-12-31' - timestamp '4713-01-01 BC', timestamp '2024-01-01' - timestamp '2023-01-01 10:00';
-- The first date is 4714-11-24 BC (a day before was taken).
SELECT '4714-11-24 BC'::date, '4714-11-24 BC'::timestamp;
SELECT '4714-11-23 BC'::date;
SELECT '4714-11-23 BC'::timestamp;
-- make_timestamptz's numeric zone is ISO (east positive) and checked as parse_sane_timezone
-- does: '-15:59' was read as another offset, '2' and '+16' were taken.
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '+2'), make_timestamptz(2014, 12, 10, 10, 10, 10, '-15:59'), make_timestamptz(2014, 12, 10, 10, 10, 10, '+05:30:15'), make_timestamptz(2014, 12, 10, 10, 10, 10, '-0530');
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, 'Europe/Paris'), make_timestamptz(2014, 12, 10, 10, 10, 10, 'UTC');
SELECT make_timestamptz(1973, 07, 15, 08, 15, 55.33, '2');
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '+16');
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '-16');
SELECT make_timestamptz(2014, 12, 10, 10, 10, 10, '+053015');
-- A zone east of UTC moves the first day before the first timestamp: 22008 (it was taken).
SET TimeZone = 'UTC-2';
SELECT '4714-11-24 BC'::date::timestamptz;
SELECT '4714-11-24 BC'::timestamp::timestamptz;
SELECT '4714-11-24 BC'::date < '2020-10-05'::timestamptz AS t, '4714-11-25 BC'::date::timestamptz;
RESET TimeZone;
SELECT '4714-11-24 BC'::date::timestamptz;
