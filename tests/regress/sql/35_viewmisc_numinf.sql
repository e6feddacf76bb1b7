-- sign of NaN and infinities, and sqrt, exp, ln, log and power of a numeric infinity, as
-- PostgreSQL 15's numeric.c special cases (POSIX pow's rules for power) (h/viewmisc)
SELECT sign('nan'::numeric), sign('nan'::float8), sign('-inf'::float8), sign('nan'::float4), sign('inf'::numeric), sign('-inf'::numeric), sign(0::numeric), sign(-2.5), sign(3.5::float8);
SELECT x, sign(x) FROM (VALUES ('nan'::numeric), ('inf'), ('-5'), ('0')) v(x);
SELECT x, sign(x) FROM (VALUES ('nan'::float8), ('inf'), ('-5'), ('0')) v(x);
CREATE TABLE vmi (id int, n numeric, f float8);
INSERT INTO vmi VALUES (1, 'nan', 'nan'), (2, 'inf', '-inf'), (3, -2, 0), (4, NULL, NULL);
SELECT id, sign(n), sign(f) FROM vmi ORDER BY id;
SELECT id FROM vmi WHERE sign(f) = 0 ORDER BY id;
SELECT sqrt('inf'::numeric), ln('inf'::numeric), exp('inf'::numeric), exp('-inf'::numeric), log('inf'::numeric), log10('inf'::numeric);
SELECT sqrt('-inf'::numeric);
SELECT ln('-inf'::numeric);
SELECT log(10, 'inf'::numeric), log('inf'::numeric, 10), log('inf'::numeric, 'inf'::numeric), log(1::numeric, 'inf'::numeric), log('nan'::numeric, 'inf'::numeric);
SELECT log(0::numeric, 'inf'::numeric);
SELECT log(-1::numeric, 'inf'::numeric);
SELECT x, y, power(x, y) FROM (VALUES ('inf'::numeric), ('-inf'), ('0'), ('1'), ('-1'), ('0.5'), ('-0.5'), ('2'), ('-2'), ('nan')) a(x), (VALUES ('inf'::numeric), ('-inf'), ('0'), ('3'), ('-3'), ('2'), ('-2'), ('0.5'), ('nan')) b(y) WHERE (x IN ('inf', '-inf') OR y IN ('inf', '-inf')) AND NOT (x = 0 AND y < 0) AND NOT (x < 0 AND y = 0.5) ORDER BY 1, 2;
SELECT power(0::numeric, '-inf'::numeric);
SELECT power('-inf'::numeric, 0.5);
SELECT power(-2::numeric, 'inf'::numeric), power(-0.5::numeric, '-inf'::numeric);
SELECT 'inf'::numeric ^ 2, 2 ^ 'inf'::numeric, '-inf'::numeric ^ 3, '-inf'::numeric ^ 4;
SELECT sqrt(x), exp(x), ln(x) FROM (VALUES ('inf'::numeric), (4)) v(x);
SELECT id, sqrt(n), exp(n) FROM vmi WHERE id IN (2, 4) ORDER BY id;
-- width_bucket of a numeric infinity: an infinite operand lies outside every bucket, an
-- infinite bound is 2201G after any NaN; gcd and lcm of NaN or an infinity are NaN
SELECT width_bucket('Infinity'::numeric, 1, 10, 3), width_bucket('-Infinity'::numeric, 1, 10, 3), width_bucket('Infinity'::numeric, 10, 1, 3), width_bucket('-Infinity'::numeric, 10, 1, 3);
SELECT width_bucket(5::numeric, '-Infinity', 10, 3);
SELECT width_bucket(5::numeric, 1, 'Infinity', 3);
SELECT width_bucket('NaN'::numeric, 1, 'Infinity', 3);
SELECT width_bucket('Infinity'::numeric, 'NaN', 1, 3);
SELECT width_bucket('Infinity'::numeric, 1, 1, 3);
SELECT gcd('Infinity'::numeric, 4), gcd(4::numeric, '-Infinity'), gcd('NaN'::numeric, 4), lcm('Infinity'::numeric, 4), lcm('NaN'::numeric, 'NaN'), gcd(12.5::numeric, 5);
SELECT n, gcd(n, 6::numeric), lcm(n, 4::numeric) FROM (VALUES ('Infinity'::numeric), ('12'), ('NaN'), ('-Infinity')) v(n);
