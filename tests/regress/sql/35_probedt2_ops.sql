-- Probing with PostgreSQL 15's horology and interval files, part 2 (h/probedt2): functions and
-- operators that were refused or named their error differently.
SET TimeZone = 'PST8PDT';
-- timestamptz(date, time) reads the local time in the session's zone, timestamptz(date,
-- timetz) keeps the offset (both were 42883)
SELECT timestamptz(date '1994-01-01', time '11:00') AS "Jan_01_1994_10am";
SELECT timestamptz(date '1994-01-01', time '10:00') AS "Jan_01_1994_9am";
SELECT timestamptz(date '1994-01-01', time with time zone '11:00-8') AS "Jan_01_1994_11am";
SELECT timestamptz(date '1994-01-01', time with time zone '11:00-5') AS "Jan_01_1994_8am";
SELECT timestamptz(date '1994-07-01', time '11:00'), timestamptz(NULL::date, time '11:00'), timestamptz(date '0044-03-15 BC', time '12:00');
CREATE TABLE dt2_ops (d date, t time, tz timetz);
INSERT INTO dt2_ops VALUES ('2024-03-10', '01:30', '01:30+05:30'), ('2024-03-10', '03:30', '23:00-07'), (NULL, '12:00', NULL);
SELECT timestamptz(d, t), timestamptz(d, tz), pg_typeof(timestamptz(d, t)) FROM dt2_ops ORDER BY t;
SELECT timestamptz(t, d) FROM dt2_ops;
SELECT timestamptz(1, 2);
-- time + date is the timestamp date + time is (42883 before); time + time is ambiguous
SELECT time '01:00' + date '2000-01-01', t + d, pg_typeof(t + d) FROM dt2_ops ORDER BY t;
SELECT time '01:00' + time '02:00';
SELECT t + t FROM dt2_ops;
SELECT time '01:00' - date '2000-01-01';
-- ISO 8601's alternative interval format (it was 22007)
SELECT interval 'P0002-10-15T10:30:20', interval 'P0002', interval 'P0002-10', interval 'PT10:30';
SELECT interval 'P00021015T103020', interval 'PT103020', interval 'P1-2-3T4:5:6.5', interval 'P1Y2M3DT4H5M6S';
SELECT interval 'P0002-10-15T10:30:20.5', interval 'P-1-2';
SELECT interval 'P1Y-2';
SELECT interval 'P1-2-3-4';
SELECT interval 'PT1:2:3:4';
SELECT interval 'P1-2:3';
-- interval overflow: a field past int32 is 22015, years and months that each fit but not
-- together 22008 interval out of range (as PostgreSQL 15's itmin2interval)
select interval '2147483648 years';
select interval '-2147483649 years';
select interval '2147483648 months';
select interval '-2147483649 months';
select interval '2147483648 days';
select interval '-2147483649 days';
select interval '2562047789 hours';
select interval '-2562047789 hours';
select interval '153722867281 minutes';
select interval '-153722867281 minutes';
select interval '9223372036855 seconds';
select interval '-9223372036855 seconds';
select interval '9223372036854777 millisecond';
select interval '-9223372036854777 millisecond';
select interval '9223372036854775808 microsecond';
select interval '-9223372036854775809 microsecond';
select interval 'P2147483648';
select interval 'P-2147483649';
select interval 'P1W2147483647D';
select interval 'P-1W-2147483648D';
select interval 'P2147483647Y1M';
select interval '0.1 millennium 2147483647 months';
select interval '0.1 centuries 2147483647 months';
select interval '0.1 decades 2147483647 months';
select interval '0.1 yrs 2147483647 months';
select interval '-0.1 millennium -2147483648 months';
select interval '0.1 weeks 2147483647 days';
select interval '0.01 months 2147483647 days';
select interval '2147483647 years 1 month';
select interval '2147483647 months 1 year';
select interval '-2147483648 years -1 month';
select interval '2147483647 days 1 week';
select interval '-2147483648 months -1 year';
-- 'now' as a time is the wall clock in the session's zone (it was UTC's)
SET TimeZone = 'Asia/Kolkata';
SELECT 'now'::time - localtime < interval '1 second' AS t, time 'now' = localtime AS same_txn;
BEGIN;
SELECT 'now'::time = localtime AS t, 'now'::timetz = current_time AS t2, 'now'::date = current_date AS t3;
COMMIT;
RESET TimeZone;
