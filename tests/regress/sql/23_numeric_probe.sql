-- Numeric and aggregate results probed against PostgreSQL 15 (issue 3: silent wrong or
-- differently-typed results): transcendental functions of numeric, display scales, aggregates.
-- power, ^, exp, ln, log, sqrt of numeric: numeric results with numeric.c's result scales.
SELECT sqrt(2::numeric), sqrt(2.0::numeric), sqrt(100::numeric), sqrt(0.0001::numeric), sqrt(1e-20::numeric), sqrt(12345678901234567890::numeric);
SELECT exp(1::numeric), exp(0::numeric), exp(1.5::numeric), exp(-1::numeric), exp(10::numeric), exp(100::numeric), exp(-100::numeric);
SELECT ln(10::numeric), ln(2::numeric), ln(1::numeric), ln(0.5::numeric), ln(1e100::numeric), ln(1.000001::numeric);
SELECT log(100::numeric), log(2::numeric), log(0.001::numeric), log10(1000::numeric), log(2::numeric, 8::numeric), log(10::numeric, 2::numeric), log(2, 1024.0);
SELECT power(2::numeric, 0.5), 2::numeric ^ 10, 2.0 ^ 10, power(2::numeric, 10::numeric), 2::numeric ^ -2, 10::numeric ^ 20, 0.5::numeric ^ 3, (-2)::numeric ^ 3, 1.5::numeric ^ 2.5;
SELECT pg_typeof(2::numeric ^ 10), pg_typeof(power(2::numeric, 0.5)), pg_typeof(2 ^ 10), pg_typeof(exp(1::numeric)), pg_typeof(ln(2.0)), pg_typeof(sqrt(2.0));
SELECT 0::numeric ^ 0, 0::numeric ^ 2, 1::numeric ^ 1000, 1.1::numeric ^ 100, 2::numeric ^ 0.1, 9::numeric ^ 0.5, 100::numeric ^ -0.5;
SELECT 0::numeric ^ -1;
SELECT (-8)::numeric ^ (1.0/3);
SELECT ln(0::numeric);
SELECT ln(-1::numeric);
SELECT sqrt(-1::numeric);
SELECT log(0::numeric);
SELECT exp(x), ln(x), sqrt(x), x ^ 2, power(x, 0.5), log(x) FROM (VALUES (1.5::numeric), (2.25), (1000), (0.01)) v(x) ORDER BY x;
CREATE TABLE np_t (id int, i int, b bigint, n numeric, n2 numeric(10,2), r real, d float8, s smallint);
INSERT INTO np_t VALUES (1, 1, 10, 1.5, 1.50, 1.1, 1.1, 1), (2, 2, 20, 2.25, 2.25, 2.2, 2.2, 2), (3, 4, 30, 3, 3.00, 2.1, 2.1, 3), (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, sqrt(n2), exp(n2), ln(n2), n2 ^ 2, power(n2, 2) FROM np_t WHERE n2 IS NOT NULL ORDER BY id;
-- avg of real sums float4 into float8.
SELECT avg(r), sum(r), avg(d), sum(d), pg_typeof(avg(r)), pg_typeof(sum(r)) FROM np_t;
SELECT avg(x) FROM (VALUES (1.1::real), (2.5::real), (0.7::real)) v(x);
-- Aggregates of integer and numeric columns: types and scales.
SELECT sum(i), sum(b), sum(n), sum(n2), sum(s), avg(i), avg(b), avg(n), avg(n2), avg(s) FROM np_t;
SELECT pg_typeof(sum(i)), pg_typeof(sum(b)), pg_typeof(sum(n)), pg_typeof(avg(i)), pg_typeof(avg(b)), pg_typeof(avg(s)) FROM np_t;
SELECT stddev(i), stddev(b), stddev(n), stddev(n2), variance(i), variance(b), variance(n), variance(n2) FROM np_t;
SELECT var_pop(i), var_pop(n2), var_samp(i), stddev_pop(i), stddev_samp(n2), stddev_pop(n) FROM np_t;
SELECT regr_count(i, b), regr_sxx(i, b), regr_syy(i, b), regr_sxy(i, b), regr_avgx(i, b), regr_avgy(i, b), regr_slope(i, b), regr_intercept(i, b), regr_r2(i, b), corr(i, b), covar_pop(i, b), covar_samp(i, b) FROM np_t;
SELECT regr_slope(n, n2), corr(n, d), pg_typeof(regr_slope(n, n2)), pg_typeof(corr(i, b)) FROM np_t;
-- Window aggregates keep numeric's display scale; lag's default has the column's type.
SELECT id, avg(n2) OVER (ORDER BY id), sum(n2) OVER (ORDER BY id), avg(i) OVER (ORDER BY id), avg(n) OVER () FROM np_t ORDER BY id;
SELECT id, lag(n2, 1, 5) OVER (ORDER BY id) l FROM np_t ORDER BY l, id;
SELECT id, lag(n2, 2, 0.5) OVER (ORDER BY id), first_value(n2) OVER (ORDER BY id), nth_value(n2 * 2, 2) OVER (ORDER BY id), lag(n, 1, 0.0) OVER (ORDER BY id) FROM np_t ORDER BY id;
SELECT id, lag(n2, 1, 0) OVER (ORDER BY id), lead(n2, 1, 0) OVER (ORDER BY id), lag(n2) OVER (ORDER BY id), lag(i, 1, 0) OVER (ORDER BY id) FROM np_t ORDER BY id;
SELECT id, avg(n2) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM np_t ORDER BY id;
-- A moving frame drops values: the sum shows the largest scale of those left, NaN leaves too.
INSERT INTO np_t VALUES (5, 7, 70, 'NaN', 1.1, NULL, NULL, NULL), (6, 1, 1, 0.125, 1, NULL, NULL, NULL);
SELECT id, sum(n) OVER w, avg(n) OVER w, avg(n2) FILTER (WHERE id > 1) OVER w, sum(b) OVER w, sum(n2 * 2) OVER (PARTITION BY n2 * 2 > 3 ORDER BY id) FROM np_t WINDOW w AS (ORDER BY id ROWS 1 PRECEDING) ORDER BY id;
DELETE FROM np_t WHERE id > 4;
-- round/trunc with negative scale, div/mod, %.
SELECT round(1234.5678, -2), round(1250::numeric, -2), round(-1250::numeric, -2), trunc(1234.5678, -2), trunc(-1299.9, -2), round(1234.5678, 2), trunc(1234.5678, 2), round(5.5), round(-5.5), trunc(-5.9);
SELECT round(1234::int, -2), round(1234.5::float8), round(2.5::float8), trunc(2.7::float8), round(1.23456789::numeric(20,8), 3);
SELECT round(12.345::float8, 2);
SELECT trunc(1234.5::real, -2);
SELECT cbrt(27), |/ 2.0, ||/ 8, ||/ -27.0, @ -2.5, pg_typeof(||/ 8), pg_typeof(|/ 2.0);
SELECT |/ -1;
SELECT div(17, 5), div(-17, 5), div(17.5, 5), div(-17.5, 2.5), mod(17, 5), mod(-17, 5), mod(17.5, 5), mod(-17.5, 2.3), mod(5.55, 1.1);
SELECT 17 % 5, -17 % 5, 17.5 % 5, 10.25 % 3, -10.25 % 3, 10 % 3.5, 5.55 % 1.1;
SELECT mod(1::numeric, 0);
SELECT 1.5 % 0;
SELECT div(1::numeric, 0);
SELECT 1.5::float8 % 2;
SELECT id, div(n2, 2), mod(n2, 2), n2 % 2, n2 % 0.3, div(-7.5, 2), mod(7, -2.5), mod(123456789012345678901234, 7) FROM np_t ORDER BY id;
SELECT id FROM np_t WHERE n2 % 2 = 1.5 OR mod(n2, 2) = 0.25 ORDER BY id;
SELECT 'NaN'::numeric % 2, mod('NaN'::numeric, 2), div(2::numeric, 'NaN');
CREATE VIEW np_v AS SELECT 7.5 % 2 AS m, 7 % 2 AS i, sqrt(2::numeric) AS s;
SELECT m, i, pg_typeof(m), pg_typeof(s) FROM np_v;
DROP VIEW np_v;
PREPARE np_p(numeric) AS SELECT sqrt($1), $1 ^ 2, power($1, 0.5), mod($1, 3), to_char($1, '9.99'), $1 % 2, exp($1), ln($1), log($1);
EXECUTE np_p(2.50);
EXECUTE np_p(1.005);
DEALLOCATE np_p;
-- to_char of numeric.
SELECT to_char(1234.5678, '9999.99'), to_char(1234.5678, 'FM9999.99'), to_char(-1234.5678, '9,999.999'), to_char(0.5, '0.99'), to_char(0.5, '9.99'), to_char(12, '0000'), to_char(-12.5, 'S999.9'), to_char(12.5, '999.9MI'), to_char(1234, '9G999D99');
SELECT to_char(123456789012345678.9::numeric, '999999999999999999.9'), to_char(1.23456789012345678::numeric, '9.99999999999999999'), to_char(485, 'RN'), to_char(1234.5, '99'), to_char(3, 'FM9th');
SELECT to_char(12345.678, '99999.9EEEE'), to_char(0.000123, '9.99EEEE'), to_char(-5, '999PR'), to_char(5, '999PR');
SELECT to_char(42, 'FM999SG');
-- MI before the digits is the minus in its place, S after them trails; no point without digit positions after it.
SELECT to_char(123, '999.'), to_char(123.456, 'FM999.'), to_char(-5, 'MI999'), to_char(5, 'S9'), to_char(-5, '9S'), to_char(5, 'MI999'), to_char(5, '999MI'), to_char(-5, '999MI'), to_char(-5, 'FMMI999'), to_char(5, 'FMMI999');
SELECT to_char(-5.5, 'S99.9'), to_char(5.5, '99.9S'), to_char(-5.5, '99.9S'), to_char(5, 'FM9S'), to_char(-5, 'FMS9'), to_char(5.0, 'FM9.99'), to_char(5, 'FM9.'), to_char(-12.5, 'S999.9'), to_char(12.5, '999.9MI'), to_char(-0.1, 'FM9.99'), to_char(0, 'FM9.99');
SELECT to_char(x, '9,999.99'), to_char(x, 'FMS9990.0'), to_char(x, '00000') FROM (VALUES (1.5), (-1234.567), (0), (99999.5)) v(x);
SELECT to_char(0.001, 'FM9.99'), to_char(0, 'FM0.99'), to_char(-0.001, 'FM9.99'), to_char(0, 'FM9.9'), to_char(0.0, '9.99'), to_char(10, 'FM99.9');
-- A numeric rounds in decimal (1.005 to 1.01, as numeric_to_char; a double would give 1.00) and keeps all its digits.
SELECT to_char(1.005, '9.99'), to_char(2.675, '9.99'), to_char(1.115, 'FM9.99'), to_char(-1.005, '9.99'), to_char(9223372036854775807, '9999999999999999999'), to_char(0.5, '9'), to_char(-0.5, '9'), to_char(-0.004, '9.99'), to_char(1.005::float8, '9.99');
SELECT to_char(123456789012345678.9::numeric, '999999999999999999.9'), to_char(1.23456789012345678::numeric, '9.99999999999999999'), to_char(12345678901234567890, '99999999999999999999'), to_char(1.5 * 2, '9.9');
SELECT id, to_char(n2 * 1.005, 'FM999.00'), to_char(n2 / 3, '9.999999999999999999999') FROM np_t ORDER BY id;
SELECT '[' || to_char(485, 'RN') || ']', '[' || to_char(485, 'FMRN') || ']', '[' || to_char(4000, 'RN') || ']', '[' || to_char(0, 'RN') || ']', '[' || to_char(3.5, 'rn') || ']', '[' || to_char(-5, '999PR') || ']', '[' || to_char(5, '999PR') || ']', '[' || to_char(-5.5, 'FM999.99PR') || ']', '[' || to_char(5, 'FM999PR') || ']', '[' || to_char(1999, 'FMrn') || ']', '[' || to_char(-3, 'RN') || ']';
SELECT to_char(1994::float8, 'RN'), to_char(2.5::real, 'FMRN'), to_char(-1234.5, '9,999.9PR'), to_char(3888, 'FMRN'), to_char(2.5::float8, 'FMRN'), to_char(n2, 'FMRN') FROM np_t ORDER BY id;
-- scale, min_scale, trim_scale.
SELECT scale(1.50), scale(1::numeric), scale(0.000), min_scale(1.50), min_scale(100::numeric), min_scale(0.00), trim_scale(1.500), trim_scale(100.0), trim_scale(0.000);
SELECT scale(n2), min_scale(n2), trim_scale(n2) FROM np_t ORDER BY id;
-- width_bucket, factorial, gcd, lcm.
SELECT width_bucket(5.35, 0.024, 10.06, 5), width_bucket(5, 0, 10, 5), width_bucket(-1, 0, 10, 5), width_bucket(11, 0, 10, 5), width_bucket(5.0::float8, 10, 0, 4), width_bucket(5, ARRAY[1, 3, 5, 7]);
SELECT width_bucket(2.5::numeric, 1, 3, 4), width_bucket(0.1::float8, 0, 1, 10), width_bucket(1e-20, 0, 1e-19, 10), width_bucket(7.5, 10.0, 0.0, 4), width_bucket(10.0, 10, 0.0, 4), width_bucket(-0.1, 10, 0.0, 4);
SELECT width_bucket(1.5, 1, 1, 3);
SELECT width_bucket(1.5, 1, 2, 0);
SELECT width_bucket('NaN'::numeric, 1, 2, 3);
SELECT factorial(0), factorial(5), factorial(20), factorial(25), pg_typeof(factorial(5));
SELECT gcd(12, 18), gcd(0, 0), gcd(-12, 18), lcm(4, 6), lcm(0, 5), gcd(12.5, 7.5), lcm(1.5, 2.5), gcd(9223372036854775806, 6), pg_typeof(gcd(1::int8, 2));
SELECT gcd(-2147483648, 0);
SELECT lcm(2147483647, 2147483646);
SELECT factorial(-1);
-- extract / date_part of every field, on date, timestamp, timestamptz, interval and time.
SELECT extract(julian FROM date '2024-03-10'), extract(julian FROM timestamp '2024-03-10 12:34:56.789'), extract(julian FROM timestamptz '2024-03-10 12:34:56.789+00'), date_part('julian', timestamp '2024-03-10 06:00');
SELECT extract(epoch FROM date '2024-03-10'), extract(year FROM date '2024-03-10'), extract(doy FROM date '2024-03-10'), extract(dow FROM date '2024-03-10'), extract(isodow FROM date '2024-03-10'), extract(week FROM date '2024-03-10'), extract(isoyear FROM date '2024-01-01'), extract(quarter FROM date '2024-03-10'), extract(decade FROM date '2024-03-10'), extract(century FROM date '2024-03-10'), extract(millennium FROM date '2024-03-10'), extract(month FROM date '2024-03-10'), extract(day FROM date '2024-03-10');
SELECT extract(hour FROM date '2024-03-10');
SELECT extract(microseconds FROM timestamp '2024-03-10 12:34:56.789'), extract(milliseconds FROM timestamp '2024-03-10 12:34:56.789'), extract(second FROM timestamp '2024-03-10 12:34:56.789'), extract(minute FROM timestamp '2024-03-10 12:34:56.789'), extract(hour FROM timestamp '2024-03-10 12:34:56.789'), extract(epoch FROM timestamp '2024-03-10 12:34:56.789'), extract(doy FROM timestamp '2024-03-10 12:34:56.789'), extract(week FROM timestamp '2024-12-30 00:00'), extract(isoyear FROM timestamp '2024-12-30 00:00');
SELECT extract(timezone FROM timestamptz '2024-03-10 12:34:56.789+00'), extract(timezone_hour FROM timestamptz '2024-03-10 12:34:56+00'), extract(timezone_minute FROM timestamptz '2024-03-10 12:34:56+00'), extract(epoch FROM timestamptz '2024-03-10 12:34:56.789+00'), extract(second FROM timestamptz '2024-03-10 12:34:56.789+00');
SELECT extract(epoch FROM interval '1 day 2 hours 3.5 seconds'), extract(second FROM interval '1 day 2 hours 3.5 seconds'), extract(microseconds FROM interval '3.5 seconds'), extract(milliseconds FROM interval '3.5 seconds'), extract(minute FROM interval '90 minutes'), extract(hour FROM interval '-25 hours'), extract(day FROM interval '40 days'), extract(month FROM interval '14 months'), extract(year FROM interval '14 months'), extract(quarter FROM interval '14 months'), extract(decade FROM interval '25 years'), extract(century FROM interval '250 years'), extract(millennium FROM interval '2500 years');
SELECT extract(epoch FROM interval '1 year 1 month'), extract(epoch FROM interval '-1.5 days');
SELECT date_part('epoch', interval '1 year 2 months 3 days 04:05:06.789'), date_part('epoch', interval '-1.5 days -3 hours'), date_part('epoch', interval '100 years -1 month 0.000001 sec');
SELECT extract(julian FROM interval '1 day');
SELECT extract(epoch FROM time '12:34:56.789'), extract(hour FROM time '12:34:56.789'), extract(minute FROM time '12:34:56.789'), extract(second FROM time '12:34:56.789'), extract(milliseconds FROM time '12:34:56.789'), extract(microseconds FROM time '12:34:56.789');
SELECT extract(day FROM time '12:34');
SELECT date_part('julian', date '2024-03-10'), date_part('epoch', timestamp '2024-03-10 12:34:56.789'), date_part('second', time '12:34:56.789'), date_part('epoch', interval '1 day 3.5 seconds'), date_part('doy', date '2024-03-10'), date_part('week', timestamptz '2024-03-10 12:00+00');
SELECT pg_typeof(extract(julian FROM date '2024-03-10')), pg_typeof(date_part('julian', date '2024-03-10')), pg_typeof(extract(second FROM time '12:00'));
SELECT extract(julian FROM ts), extract(epoch FROM ts), extract(second FROM ts) FROM (VALUES (timestamp '2000-01-01 00:00'), (timestamp '1999-12-31 23:59:59.999999'), (timestamp '4713-01-01 00:00 BC')) v(ts);
DROP TABLE np_t;
