-- Values and types as a client sees them: text output and result type OIDs.
SELECT true, false, 't'::boolean, 'no'::boolean;
SELECT 1, -1, 2147483647, 2147483648, -9223372036854775808;
SELECT 1::smallint, 2::int, 3::bigint, 4::int2, 5::int4, 6::int8;
SELECT 1.5, -0.25, 1e3, 1.5e-3;
SELECT 1.5::float8, 0.1::float8, 1e100::float8, 1.0::float8, -0.0::float8;
SELECT 1.5::real, 0.1::float4, 3.14159::real;
SELECT 100.0::float8 / 3;
-- differs: not implemented yet (0A000): NaN is not supported
SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float8;
SELECT 1.50::numeric, 1.5::numeric(10,3), 2.567::numeric(5,2), 0.5::numeric(3,0), 1.5::numeric(3,0);
-- differs: value differs: 1::numeric / 3 has 20 exact digits in PostgreSQL; a double holds 17
SELECT 10::numeric / 4, 1::numeric / 3;
SELECT 7 / 2, 7 % 3, -7 / 2, 7.0 / 2;
SELECT 2 ^ 10, |/ 16.0, @ -5;
SELECT 'abc'::text, 'abc'::varchar(2), 'abc'::char(5), 'a'::char;
-- differs: value differs: value: [3] vs [5]
SELECT 'abc'::varchar, length('abc'::char(5)), 'ab'::char(3) || 'c';
SELECT '2024-02-29'::date, '2024-02-29'::date + 1, '2024-03-01'::date - '2024-02-01'::date;
SELECT '13:45:01'::time, '13:45:01.5'::time, '24:00:00'::time;
SELECT '2024-02-29 13:45:00'::timestamp, '2024-02-29 13:45:00.123456'::timestamp;
SELECT '2024-02-29 13:45:00+02'::timestamptz, '2024-02-29 13:45:00'::timestamptz;
SELECT '1 day'::interval, '1 day 02:03:04'::interval, '90 minutes'::interval, '1 year 2 months'::interval;
SELECT '2024-01-31'::date + '1 month'::interval;
SELECT '2024-01-01 10:00'::timestamp - '2024-01-01 08:30'::timestamp;
SELECT '\x0102ff'::bytea, 'abc'::bytea, ''::bytea;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid;
SELECT '{"a": 1, "b": [1, 2]}'::json, '{"b": [1, 2], "a": 1}'::jsonb;
SELECT '[1, 2, 3]'::jsonb, '"str"'::json, 'null'::jsonb;
SELECT NULL, NULL::int, NULL::text;
SELECT CAST(42 AS text), CAST('42' AS integer), CAST(3.7 AS integer), CAST(-3.5 AS integer);
SELECT 42::text || 'x', 'x' || 42, 1 || 2;
SELECT '5'::int + 1, '1.25'::numeric * 2, ' 7 '::int8;
SELECT 'abc'::int;
SELECT '99999999999'::int;
SELECT 32767::smallint, 32768::smallint;
SELECT 2147483647 + 1;
SELECT 9223372036854775807 + 1;
SELECT 1 / 0;
SELECT 1.0 / 0;
SELECT 1 % 0;
SELECT '2024-02-30'::date;
SELECT 'maybe'::boolean;
SELECT 'xyz'::uuid;
SELECT '{bad'::json;
SELECT 1 = 1, 1 <> 1, 2 > 1, 'a' < 'b', NULL = NULL, NULL IS NULL;
SELECT 1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL;
SELECT true AND NULL, false AND NULL, true OR NULL, NOT true;
SELECT 10 BETWEEN 1 AND 20, 5 NOT BETWEEN 1 AND 3;
SELECT 'abc' LIKE 'a%', 'abc' LIKE 'A%', 'abc' ILIKE 'A%', 'a_c' LIKE 'a\_c';
SELECT 'abc' SIMILAR TO 'a%';
SELECT 'abc' ~ '^a', 'abc' ~* '^A', 'abc' !~ 'z';
-- differs: not implemented yet (0A000): operator # is not supported
SELECT 5 & 3, 5 | 3, 5 # 3, ~5, 1 << 4, 256 >> 2;
SELECT -2147483648::int4;
SELECT (-2147483648)::int4;
SELECT 0.1 + 0.2, 0.1::float8 + 0.2::float8;
-- differs: value differs: value: [123456789.123456789] vs [123456789.12345679]
SELECT 123456789.123456789::numeric;
-- differs: value differs: value: [12345678901234567890] vs [12345678901234567000]
SELECT 1e-10::numeric, 12345678901234567890::numeric;
SELECT round(2.5), round(-2.5), round(2.567, 2), trunc(2.567, 1), ceil(1.2), floor(-1.2);
-- differs: value differs: value: [2] vs [3]
SELECT round(2.5::float8), round(3.5::float8);
-- differs: result type differs: sign() and power() of integers report numeric (PostgreSQL: double precision)
SELECT abs(-5), abs(-5.5), sign(-3), mod(17, 5), power(2, 10), sqrt(2::float8);
-- differs: result type differs: type: log oid 701 vs 1700
SELECT exp(1::float8), ln(10::float8), log(100), pi();
SELECT 32767::smallint + 1::smallint;
SELECT (2147483647::int8 + 1)::int;
SELECT 'x'::text::int;
SELECT ' 12 '::text::int + 1, 2.5::float8::numeric::int;
SELECT 9223372036854775807::int8 * 2;
SELECT 10.00 AS a, 2.5 * 2 AS b, 1.10 + 2.205 AS c, -1.50 AS d, 1e-3 AS e;
SELECT 6::numeric / 4, sum(x), max(x), avg(x) FROM (VALUES (1.10), (2.205)) v (x);
-- differs: value differs: a quotient's scale is estimated from its value: PostgreSQL gives 2.50 / 2 four more digits (leading digits 2 <= 2)
SELECT 2.50 / 2;
CREATE TABLE ty_store (id integer PRIMARY KEY, u uuid, j jsonb, js json, b bytea);
INSERT INTO ty_store VALUES (1, '{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}', '{"b": 1,  "a": [1, 2]}', '{"b": 1,  "a": 2}', '\x0102ff');
INSERT INTO ty_store SELECT id + 1, upper(u::text)::uuid, j::text::jsonb, js, b FROM ty_store;
SELECT * FROM ty_store ORDER BY id;
SELECT id FROM ty_store WHERE u = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11' AND j = '{"a":[1,2],"b":1}' ORDER BY id;
UPDATE ty_store SET j = '[3,  {"y":1,"x":2}]', b = '\xdeadbeef' WHERE id = 2;
SELECT j, b, length(b) FROM ty_store WHERE id = 2;
INSERT INTO ty_store (id, u) VALUES (3, 'xyz');
INSERT INTO ty_store (id, j) VALUES (3, '{"a":');
INSERT INTO ty_store (id, b) VALUES (3, '\xZZ');
SELECT 'ABC'::text::uuid;
DROP TABLE ty_store;
