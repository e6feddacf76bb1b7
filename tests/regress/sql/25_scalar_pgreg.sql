-- Scalar types probed with PostgreSQL's regression corpus (issue 3): integers, floats, casts.
-- Each block is a difference found by probing, now answered as PostgreSQL does.
-- Negating a value that is itself negative: "-" before "-5" must not open an SQL comment.
SELECT -('-5'::int8), -('-7'::int4), -('-3'::int2), 2 - -('-3'::int4), -(-(int8 '-9223372036854775807'));
SELECT pg_typeof(-('-3'::int2)), pg_typeof(-('-3'::int8));
-- Negating the smallest integer of each type leaves its range (22003).
SELECT -('-9223372036854775808'::int8);
SELECT -x FROM (VALUES (int4 '-2147483648')) t(x);
SELECT -x FROM (VALUES (int2 '-32768')) t(x);
SELECT -x, -y, -z FROM (VALUES (int2 '-32767', int4 '-2147483647', int8 '9223372036854775807')) t(x, y, z);
-- Integer shifts keep the left operand's type and wrap to its width.
SELECT 1::int4 << 31, 1::int4 << 30, 1::int2 << 15, 1::int2 << 14, (-8)::int4 >> 1, (-8)::int2 >> 2, 1::int8 << 63, 1::int8 << 62;
SELECT pg_typeof(1::int2 << 3), pg_typeof(1::int2 >> 1::int2), pg_typeof(1::int8 << 3), pg_typeof(1 << 3);
SELECT x, x << 2 AS shl, x >> 3 AS shr FROM (VALUES (int8 '4567890123456789'), (int8 '-4567890123456789'), (123)) t(x);
SELECT (-1::int8 << 63)::text, ((-1::int8 << 63) + 1)::text, (-1::int4 << 31)::text;
-- lcm of bigints whose absolute value leaves bigint's range.
SELECT lcm((-9223372036854775808)::int8, 1::int8);
SELECT lcm(288484263558::int8, 29893644334::int8), lcm((-9223372036854775807)::int8, 1::int8);
-- float4in and float8in: blanks, ranges (a real rounding to 0 or to an infinity is 22003),
-- subnormal doubles.
SELECT '10e70'::float4;
SELECT '-10e70'::float4;
SELECT '10e-70'::float4;
SELECT '     '::float8;
SELECT '   '::float4;
SELECT float8 '5e-324', float8 '1e-310', float4 '1e-40', float4 '3.4e38', float4 '   1.5  ';
SELECT f::float4 FROM (VALUES ('1e39'), ('1e-50')) t(f) WHERE f = '1e39';
SELECT f::float8 FROM (VALUES (' '), ('1')) t(f) WHERE f = ' ';
CREATE TABLE sc_float (r real, d double precision);
INSERT INTO sc_float(r) VALUES ('1e39');
INSERT INTO sc_float(r) VALUES ('1e-50');
INSERT INTO sc_float(d) VALUES ('   ');
INSERT INTO sc_float(d) VALUES ('5e-324');
INSERT INTO sc_float(r) VALUES ('10e70'::float8);
INSERT INTO sc_float(r) SELECT 1e-70::float8;
INSERT INTO sc_float(r) VALUES (1.5::float8), (3), ('NaN'), ('Infinity'::float8), (NULL);
UPDATE sc_float SET r = d * 1e300 WHERE d IS NOT NULL;
SELECT r, d FROM sc_float ORDER BY r, d;
-- A double precision value cast to real: 22003 past a real's range.
SELECT (1e70::float8)::float4;
SELECT (1e-70::float8)::float4;
SELECT (1.5::float8)::float4, ('Infinity'::float8)::float4, (0::float8)::float4, (12345::numeric)::float4;
-- Function-style casts: a call of one argument named as a type is the cast.
SELECT float8(1), float4(2), int2(3), int4(4.5), int8(5.5::float8), int4(true), bool(1), text(true), text(1.50), int4(' 7 '::text);
SELECT pg_typeof(float8(1)), pg_typeof(int8(1)), pg_typeof(text(1)), pg_typeof(bool(0)), pg_typeof(date('2020-01-02'));
SELECT date('2020-01-02'), uuid('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), jsonb('{"a": 1}'), inet('10.1.2.3'), bytea('abc'), "numeric"(1.5::float8), "varchar"(12);
SELECT q, float8(q), int4(q / 2), text(q) FROM (VALUES (int8 '123'), (int8 '-4567890123')) t(q);
SELECT int2(1e10);
SELECT int4('x');
