-- Probe (PostgreSQL 15 regression files): numeric as the parts of PostgreSQL's numeric.sql that applications meet: arithmetic, rounding,
-- casts, scale/min_scale/trim_scale, sqrt/exp/ln/log/power, gcd/lcm, factorial, width_bucket,
-- to_char/to_number, NaN.
CREATE TABLE num_data (id int4, val numeric(210,10));
INSERT INTO num_data VALUES (0, '0'), (1, '0'), (3, '4.31'), (4, '7799461.4119'), (5, '16397.038491'), (6, '93901.57763026'), (7, '-83028485'), (8, '74881'), (9, '-24926804.045047420');
-- differs: a numeric at rest is an SQLite number (gap #71): a value it would not read back as is refused (0A000), not stored rounded
INSERT INTO num_data VALUES (2, '-34338492.215397047');
-- differs: the row the refused INSERT above did not store (DELETE 0)
DELETE FROM num_data WHERE id = 2;
INSERT INTO num_data VALUES (2, '-34338492.21539705');
SELECT id, val FROM num_data ORDER BY id;
SELECT t1.id, t2.id, t1.val + t2.val FROM num_data t1, num_data t2 WHERE t1.id < 3 AND t2.id > 6 ORDER BY 1, 2;
SELECT t1.id, t2.id, t1.val * t2.val FROM num_data t1, num_data t2 WHERE t1.id < 4 AND t2.id > 6 ORDER BY 1, 2;
SELECT t1.id, t2.id, round(t1.val / t2.val, 10) FROM num_data t1, num_data t2 WHERE t2.val <> 0 AND t1.id > 7 ORDER BY 1, 2;
SELECT id, sqrt(abs(val)) FROM num_data ORDER BY id;
SELECT id, round(ln(abs(val)), 10) FROM num_data WHERE val <> 0 ORDER BY id;
SELECT id, round(log(abs(val)), 10) FROM num_data WHERE val <> 0 ORDER BY id;
SELECT 1.1 + 2.2, 0.1 + 0.2, 1.10 * 2.0, 10.0 / 3, 1 / 3.0, 2.0 / 3, 100.00 - 0.001, -1.5 * 2;
SELECT 1.000000000000000000001 + 1, 123456789012345678901234567890 + 1, 99999999999999999999.99 * 10;
SELECT 7.0 / 2, 1.0 / 7, 1000000 / 3.0, 22.0 / 7.0, 1::numeric / 3, 10::numeric / 4, 1e20 / 3;
SELECT 5.5 % 2, -5.5 % 2, 10 % 3.3, mod(10.5, 3), mod(-7, 3::numeric), div(10.5, 3), div(-7.5, 2), div(7::numeric, 0.5);
SELECT 1.0 / 0;
SELECT 1.0 % 0;
SELECT div(1.0, 0);
SELECT round(2.5), round(-2.5), round(3.5), round(0.5), round(1.4999), round(-0.5);
SELECT round(123.456, 2), round(123.456, -1), round(123.456, -3), round(-123.456, 1), round(1234.5678, 0), round(5.5555, 3);
SELECT round(0.000005, 5), round(0.5e-20, 20), round(12345.6789, -2), round(1.005, 2);
SELECT trunc(123.456, 2), trunc(-123.456, 1), trunc(123.456, -2), trunc(-2.7), trunc(2.7), trunc(99.999);
SELECT ceil(1.2), ceil(-1.2), ceiling(2.0), floor(1.8), floor(-1.2), ceil(0.0), floor(-0.0);
SELECT pg_typeof(round(1.5)), pg_typeof(trunc(1.5, 1)), pg_typeof(ceil(1.5)), pg_typeof(floor(1.5)), pg_typeof(round(1.5::float8));
SELECT sign(-3.5), sign(0.0), sign(2.1), abs(-3.50), abs(-0.0);
SELECT scale(0), scale(0.00), scale(1.12345), scale(110123.12475871856128), scale(-1123.12471856128), scale(-13.000000000000000), scale(NULL::numeric);
SELECT min_scale(0), min_scale(0.00), min_scale(1.0), min_scale(1.1), min_scale(1.12), min_scale(1.123), min_scale(1.1234), min_scale(1.12345), min_scale(1e100), min_scale(1e100::numeric + 0.1);
SELECT trim_scale(0.00), trim_scale(1.1), trim_scale(1.120), trim_scale(1.12345000), trim_scale(1e100), trim_scale(-12.340);
SELECT sqrt(2::numeric), sqrt(4.0), sqrt(0.0001), sqrt(1e10::numeric), sqrt(2.0000000000);
SELECT sqrt(-1::numeric);
SELECT exp(1.0), exp(0.0), exp(1::numeric), exp(2.5), exp(-1.0), exp(10.0);
SELECT ln(2.0), ln(10::numeric), ln(1.0), ln(1e-10);
SELECT ln(0::numeric);
SELECT ln(-1::numeric);
SELECT log(100::numeric), log(2.0, 64.0), log(10, 1000), log(0.001), log(2::numeric, 10);
SELECT log(0::numeric);
SELECT power(2::numeric, 10), power(2.0, 0.5), power(10::numeric, -2), power(1.5, 3), 2.0 ^ 10, 2 ^ 10, power(-2.0, 3), power(0.0, 0), power(4.0, -0.5);
SELECT power(0.0, -1);
SELECT power(-8.0, 1.0/3);
-- differs: a numeric outside a result column's own arithmetic is a double (docs/sql-compat.md, Exact numeric arithmetic): power(10, 1000) in a comparison overflows
SELECT power(10::numeric, 1000) > 0;
SELECT pg_typeof(2 ^ 10), pg_typeof(2.0 ^ 10), pg_typeof(power(2, 10)), pg_typeof(power(2.0, 10));
SELECT factorial(0), factorial(1), factorial(10), factorial(20), factorial(25), 30!;
SELECT factorial(-4);
-- differs: gcd/lcm of numerics print without the operands' scale (gcd(0.0, 0) is 0, PostgreSQL 0.0)
SELECT gcd(0.0, 0), gcd(12.0, 18), gcd(-12.5, 7.5), gcd(3.0, 0.5), lcm(0.0, 5), lcm(4.0, 6), lcm(1.5, 2.5), lcm(-4.0, 6), pg_typeof(gcd(1.0, 2));
-- differs: lcm of numerics past 18 digits is 0A000
SELECT gcd(10::numeric, 4::numeric), lcm(1e20::numeric, 3);
SELECT width_bucket(5.0, 3.0, 4.0, 3), width_bucket(3.5, 3.0, 4.0, 3), width_bucket(0.1, 0, 10, 5), width_bucket(-5.5, -10, 0, 4), width_bucket(10.0, 10, 0, 5), width_bucket(2.0, 10, 0, 5);
SELECT width_bucket(5.0, 3.0, 4.0, 0);
SELECT width_bucket(5.0, 3.0, 3.0, 3);
SELECT width_bucket(5.0, 3.0, 4.0, -5);
SELECT width_bucket('NaN', 3.0, 4.0, 888);
SELECT width_bucket(2.0, 'NaN', 4.0, 888);
SELECT width_bucket(5, array[1, 3, 5, 10.0]), width_bucket(0, array[1, 3]), width_bucket(10, array[1, 3, 10]);
SELECT width_bucket(operand, b1, b2, 4) FROM (VALUES (-5.2, 0, 10), (0, 0, 10), (10, 0, 10), (9.99, 0, 10), (5, 10, 0)) v(operand, b1, b2);
SELECT 'NaN'::numeric, 'Infinity'::numeric, '-inf'::numeric, ' nan '::numeric, 'infinity'::numeric + 1, 'inf'::numeric * -1, 'nan'::numeric + 1;
SELECT 'nan'::numeric / 0;
SELECT 'inf'::numeric::int4;
SELECT 'nan'::numeric::int8;
SELECT 'nan'::numeric::int2;
SELECT sqrt('inf'::numeric), exp('-inf'::numeric), ln('inf'::numeric), scale('inf'::numeric), min_scale('nan'::numeric);
SELECT '1.5'::numeric, ' 1.5 '::numeric, '+1.5'::numeric, '-0.00'::numeric, '1e5'::numeric, '1.50e-3'::numeric, '.5'::numeric, '5.'::numeric, '1E+3'::numeric;
SELECT 'abc'::numeric;
SELECT '1 2'::numeric;
SELECT ''::numeric;
SELECT '1e'::numeric;
SELECT '1e1000000'::numeric;
SELECT 1.5::numeric(3,1), 12.345::numeric(5,2), -12.345::numeric(5,2), 0.005::numeric(3,2), 99.995::numeric(4,2);
SELECT 123.45::numeric(4,2);
SELECT 1e5::numeric(5,0);
SELECT 0.1::numeric(1,1), 12345::numeric(5), 12345.6::numeric(5);
SELECT 1.5::numeric(3,1)::text, pg_typeof(1.5::numeric(3,1));
CREATE TABLE numt (a numeric(10,2), b numeric, c numeric(5));
INSERT INTO numt VALUES (1.005, 1.005, 1.5), (2.345, 2.50, 2.5), (-1.5, 100, -2.5);
-- differs: a numeric at rest is an SQLite number, 15-17 significant digits (gap #71): an unconstrained numeric column keeps no display scale (2.50 reads 2.5)
SELECT a, b, c FROM numt ORDER BY a;
INSERT INTO numt VALUES (123456789.999, 0, 0);
INSERT INTO numt VALUES (0, 0, 123456);
SELECT sum(a), avg(a), sum(b), avg(b), min(a), max(b), pg_typeof(avg(a)) FROM numt;
SELECT a * 2, a + b, a / 3, round(a, 1), a::int4, a::float8, b::text FROM numt ORDER BY a;
UPDATE numt SET a = a * 1.1 WHERE c = 2;
SELECT a FROM numt ORDER BY a;
SELECT avg(x), sum(x), pg_typeof(sum(x)), pg_typeof(avg(x)) FROM (VALUES (1), (2), (2)) v(x);
SELECT avg(x::numeric), avg(x::int8), sum(x::int8), stddev(x), variance(x), stddev_pop(x), var_pop(x), var_samp(x::numeric) FROM (VALUES (1), (2), (4)) v(x);
SELECT avg(x) FROM (VALUES (1.5), (2.25), (3.125)) v(x);
SELECT 1::numeric::int2, 1.5::numeric::int4, 2.5::numeric::int8, -1.5::numeric::int4, 32767.5::numeric::int2;
SELECT 1.5::numeric::int2::text, 12345678901234567890::numeric;
SELECT 12345678901234567890::numeric::int8;
SELECT 9223372036854775807::numeric::int8, (-9223372036854775808)::numeric::int8;
SELECT 1.5::float8::numeric, 1e-20::float8::numeric, 1.23456789012345678::float8::numeric, 0.1::float4::numeric;
-- differs: a numeric outside a result column's own arithmetic is a double (docs/sql-compat.md, Exact numeric arithmetic): beside a comparison 1e-400 is the double 0
SELECT 1e400::numeric > 0, 1e-400::numeric;
SELECT to_char(12.34, '99.99'), to_char(-12.34, '99.99'), to_char(1234.5, '9,999.99'), to_char(0.5, '0.99'), to_char(0.5, '9.99'), to_char(123, '999'), to_char(1234, '999'), to_char(12, 'FM999'), to_char(12.5, 'FM999.999');
SELECT to_char(1234567.891, '9G999G999D99'), to_char(-0.1, '99.99'), to_char(-0.1, 'FM99.99'), to_char(0, '9'), to_char(0, '0'), to_char(5, 'S9'), to_char(-5, 'S9'), to_char(5, '9MI'), to_char(-5, '9MI'), to_char(-5, '9PR');
SELECT to_char(485, 'RN'), to_char(1999, 'FMRN'), to_char(4, 'rn'), to_char(12, '99th'), to_char(13, '99TH'), to_char(21, 'FM99th'), to_char(1.5e10, '9.99EEEE'), to_char(-0.000123, '9.9EEEE'), to_char(123.456, '999V99');
SELECT to_char(100, 'FM999.'), to_char(100, 'FM999.9'), to_char(100, 'FM990.0'), to_char(0.1, 'FM0.00'), to_char(1.5, 'L9.9'), to_char(12.345, '"$"99.99'), to_char(-12.5, 'SG99.9'), to_char(12.5, 'PL99.9');
SELECT to_char(12.5::float8, '99.9'), to_char(12.45::float4, '99.9'), to_char(1234::int4, '9,999'), to_char(-1234::int8, 'S9999'), to_char(0.125::float8, 'FM0.00');
SELECT to_number('-34,338,492', '99G999G999'), to_number('-34,338,492.654,878', '99G999G999D999G999'), to_number('<564646.654564>', '999999.999999PR'), to_number('0.00001-', '9.999999S'), to_number('5.01-', 'FM9.999999S'), to_number('5.01-', 'FM9.999999MI'), to_number('5 4 4 4 4 8 . 7 8', '9 9 9 9 9 9 . 9 9'), to_number('.01', 'FM9.99'), to_number('.0', '99999999.99999999'), to_number('0', '99.99'), to_number('.-01', 'S99.99'), to_number('.01-', '99.99S'), to_number(' . 0 1-', ' 9 9 . 9 9 S'), to_number('34,50','999,99'), to_number('123,000','999G'), to_number('123456','999G999'), to_number('$1234.56','L9,999.99'), to_number('$1234.56','L99,999.99'), to_number('$1,234.56','L99,999.99'), to_number('1234.56','L99,999.99'), to_number('1,234.56','L99,999.99'), to_number('42nd', '99th');
SELECT to_number('abc', '999');
SELECT hashnumeric(1.0) = hashnumeric(1.00), 1.0::text, 1.00::text, (1.0 + 1.00)::text, (1.5 * 1.50)::text, (1.0 / 1.00)::text;
SELECT 2::numeric ^ 0.5, 100::numeric ^ 0.5, (-1.5) ^ 2, 0.5 ^ -2, 1.0001 ^ 10000;
SELECT 1.234567890123456789012345678901234567890 * 1, 0.000000000000000000001 * 1000, 1e-30 + 1e-30;
-- differs: a numeric outside a result column's own arithmetic is a double (docs/sql-compat.md, Exact numeric arithmetic): a quotient cast to numeric(20,18) keeps 16 digits
SELECT 12345678901234567890.12345678 / 7, (2::numeric / 3)::numeric(20,18), 1 / 3.000000000000000000000000;
SELECT -0.0, -0.00::numeric, 0.0 * -1, (-0.0)::text;
SELECT 1000000000000000000000::numeric * 1000000000000000000000::numeric;
SELECT 0.1 + 0.2 = 0.3, 0.1::float8 + 0.2::float8 = 0.3::float8;
SELECT sum(x) FROM (VALUES (0.1), (0.2), (0.3)) v(x);
-- differs: a numeric outside a result column's own arithmetic is a double (docs/sql-compat.md, Exact numeric arithmetic): VALUES rows are SQLite numbers
SELECT sum(x), avg(x) FROM (VALUES (12345678901234567890.1), (1)) v(x);
