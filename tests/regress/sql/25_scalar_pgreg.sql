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
-- A real holds the value of a real whichever way it was stored (a literal, a numeric, a
-- double), and an untyped literal compared with it is read as a real on either side.
CREATE TABLE sc_real (id int, f real);
INSERT INTO sc_real VALUES (1, '1004.3'), (2, 1004.3), (3, 1004.3::float8), (4, '-34.84'), (5, 0);
SELECT id, f, f::float8, f = '1004.3', f < '1004.3', '1004.3' > f, '1004.3' = f, '1004.3' <> f, '1004.3' >= f, '1004.3' <= f, f = 1004.3::float4, f = 1004.3 FROM sc_real ORDER BY id;
SELECT id FROM sc_real WHERE '1004.3' > f ORDER BY id;
SELECT id FROM sc_real WHERE '0' < f ORDER BY id;
SELECT count(*) FROM sc_real WHERE '1004.3' = f;
SELECT 'abc' = 'abc', 'b' > 'a', '2' < '10';
-- A numeric NaN cast to a float is NaN (its stored text read as a number was 0).
SELECT 'NaN'::numeric::float8, 'NaN'::numeric::float4, 1.5::numeric::float8, 12::numeric::float8 / 5, (12::numeric)::float4 / 5;
SELECT x::float8, x::float4 FROM (VALUES ('NaN'::numeric), (2.5), (-7)) t(x);
-- The trigonometric functions: NaN in and out, 22003 outside the domain, degree forms exact
-- at multiples of 30 and 45 degrees, hyperbolic functions.
SELECT sin(float8 'NaN'), cos(float8 'NaN'), tan(float8 'NaN'), asin(float8 'NaN'), acos(float8 'NaN'), atan(float8 'NaN'), atan2(float8 'NaN', 1), cot(float8 'NaN');
SELECT asin(1), acos(-1), atan(1), atan2(1, 1), cot(1), sin(0), cos(0), tan(0), cot(0);
SELECT acos(2::float8);
SELECT asin(-1.5::float8);
SELECT sin(float8 'Infinity');
SELECT cos(float8 '-Infinity');
SELECT x, sind(x), cosd(x), tand(x), cotd(x) FROM (VALUES (0), (30), (45), (60), (90), (120), (135), (150), (180), (210), (225), (270), (315), (330), (360), (-30), (405), (-450)) AS t(x);
SELECT x, asind(x), acosd(x), atand(x) FROM (VALUES (-1), (-0.5), (0), (0.5), (1)) AS t(x);
SELECT atand(float8 '-Infinity'), atand(float8 'Infinity'), atand(float8 'NaN'), sind(float8 'NaN');
SELECT x, y, atan2d(y, x) FROM (SELECT 10 * cosd(a), 10 * sind(a) FROM generate_series(0, 360, 45) AS t(a)) AS t(x, y);
SELECT sind(float8 'Infinity');
SELECT asind(2);
SELECT acosd(-1.01);
SELECT sinh(float8 '1'), cosh(float8 '1'), tanh(float8 '1'), asinh(float8 '1'), acosh(float8 '2'), atanh(float8 '0.5'), sinh(0), atanh(1), atanh(-1);
SELECT sinh(float8 'infinity'), sinh(float8 '-infinity'), sinh(float8 'nan'), cosh(float8 'infinity'), cosh(float8 '-infinity'), cosh(float8 'nan'), cosh(1000);
SELECT tanh(float8 'infinity'), tanh(float8 '-infinity'), tanh(float8 'nan'), asinh(float8 'infinity'), asinh(float8 '-infinity'), asinh(float8 'nan'), acosh(float8 'nan'), atanh(float8 'nan');
SELECT acosh(float8 '-infinity');
SELECT acosh(0.5);
SELECT atanh(float8 'infinity');
SELECT atanh(1.5);
SELECT pg_typeof(sind(1)), pg_typeof(sinh(1)), pg_typeof(atan2d(1, 1)), pg_typeof(cot(1));
-- x = ANY of an empty array is false, even for a NULL x; <> ALL of it is true.
SELECT NULL::int = ANY('{}'::int[]), NULL::int = ANY('{1}'::int[]), NULL::int <> ALL('{}'::int[]), NULL::text = ANY('{}'), 1 = ANY('{}'::int[]), NULL::int = ANY('{NULL}'::int[]);
SELECT x, x = ANY(a), x <> ALL(a) FROM (VALUES (NULL::int, '{}'::int[]), (1, '{}'), (NULL, '{2,3}'), (2, '{2,NULL}'), (4, '{2,NULL}')) t(x, a) ORDER BY x NULLS FIRST, a;
-- ~~ !~~ ~~* !~~* are the operators LIKE, NOT LIKE, ILIKE and NOT ILIKE are spelled with.
SELECT 'abc' ~~ 'a%', 'abc' !~~ 'a%', 'abc' ~~* 'A%', 'abc' !~~* 'A%', 'a_c' ~~ 'a\_c', 'abc' ~~ 'a\_c', NULL ~~ 'a';
SELECT v FROM (VALUES ('Alpha'), ('beta'), ('ALPINE'), (NULL)) t(v) WHERE v ~~* 'al%' ORDER BY v;
SELECT v FROM (VALUES ('Alpha'), ('beta'), ('ALPINE')) t(v) WHERE v !~~ '%a' ORDER BY v;
-- An untyped literal passed to a bytea parameter is read by byteain ('\x41' is one byte).
SELECT encode(E'\\x1234567890abcdef00', 'hex'), encode('\x41', 'escape'), encode('abc', 'base64'), sha256('\x41'), sha224('abc'), get_byte('\x1234', 1), set_byte('\x1234', 0, 255), encode('a\000b', 'hex');
SELECT encode('\xzz', 'hex');
-- regexp_split_to_array/_to_table: an empty match at either end, or right after a match,
-- splits nothing.
SELECT regexp_split_to_array('the quick  brown fox', $re$\s*$re$), regexp_split_to_array('123456', '1'), regexp_split_to_array('123456', '6'), regexp_split_to_array('123456', '.'), regexp_split_to_array('', '');
SELECT regexp_split_to_array('abc', ''), regexp_split_to_array('abc', 'x*'), regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('héllo wörld', 'l*'), regexp_split_to_array(',a,', ','), regexp_split_to_array('aXbX', 'x', 'i'), regexp_split_to_array('', 'x');
SELECT regexp_split_to_table('the quick', $re$\s*$re$);
-- boolean casts from and to integers exist for int4 only; uuid and numbers have no cast to bytea.
SELECT 5::boolean, 0::bool, true::int, false::int4, 'yes'::text::bool, true::text;
SELECT 1::int8::boolean;
SELECT 't'::bool::int2;
SELECT true::int8;
SELECT 1::int2::bool;
SELECT '11111111-1111-1111-1111-111111111111'::uuid::bytea;
SELECT now()::bytea;
SELECT 1.5::bytea;
SELECT 'abc'::text::bytea, 'x'::varchar::bytea;
-- ~ on a char(n) value sees its padding, as LIKE does (bpcharregexeq).
SELECT 'ab'::char(4) ~ 'b$', 'ab'::char(4) ~ 'b *$', 'ab'::char(4) !~ 'b$', 'AB'::char(4) ~* 'b  $', 'ab'::varchar(4) ~ 'b$', 'ab'::char(4)::text ~ 'b$';
CREATE TABLE sc_bpchar (c char(5));
INSERT INTO sc_bpchar VALUES ('ab'), ('abcde');
SELECT c, c ~ 'b$', c ~ '^ab   $', c::text ~ 'b$', c ~ 'e$' FROM sc_bpchar ORDER BY c;
-- get_bit/set_bit of bytea (bit n is bit n % 8 of byte n / 8).
SELECT get_bit('\x1234567890abcdef00'::bytea, 43), set_bit('\x1234567890abcdef00'::bytea, 43, 0), get_bit('\x01'::bytea, 0), get_bit('\x80'::bytea, 7), set_bit('\x0000'::bytea, 9::int8 - 1, 1), pg_typeof(get_bit('\x01'::bytea, 0));
SELECT get_bit('\x12'::bytea, 8);
SELECT set_bit('\x12'::bytea, 0, 2);
SELECT set_bit('\x12'::bytea, -1, 1);
-- An untyped literal tested with IN takes the list's type ('1' IN (1, 2) compared text).
SELECT '1' IN (1, 2), '1' NOT IN (1, 2), '1.5' IN (1.5, 2), 'y ' IN ('y'::char(3)), 'a' IN ('a', 'b'), '2024-1-5' IN (date '2024-01-05'), '1' IN ('1', 2), 't' IN (true, false);
SELECT 'x' IN (1, 2);
CREATE TABLE sc_in (i int, d date, b boolean);
INSERT INTO sc_in VALUES (1, '2024-01-05', true), (2, '2024-02-01', false);
SELECT i, '1' IN (i, 5), '2024-1-5' IN (d), 't' IN (b), '07' NOT IN (i, 7) FROM sc_in ORDER BY i;
SELECT '1' IN (SELECT 1), '1' NOT IN (SELECT 2), '2024-1-5' IN (SELECT date '2024-01-05'), 'a' IN (SELECT 'a'), '1' IN (SELECT '1'), '01' IN (SELECT 1 UNION SELECT 3), 't' IN (SELECT true);
SELECT 'x' IN (SELECT 1);
SELECT '2' IN (SELECT i FROM sc_in), '2024-02-01' IN (SELECT d FROM sc_in), '1' NOT IN (SELECT i FROM sc_in WHERE i > 1);
-- A shift count is an integer (int2 or int4), and only integers shift (42883).
SELECT 1 << 2.5;
SELECT 1::int8 << 2::int8;
SELECT 1.5 << 1;
SELECT 2.0::float8 >> 1;
SELECT 1 << 2::int2, 8::int8 >> 1, inet '10.0.0.1' << inet '10.0.0.0/8';
