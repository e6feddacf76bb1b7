-- float8/float4 negative zero: PostgreSQL prints -0
SELECT '-0'::float8, -0.0::float8, (-0.0)::float8::text, '-0'::float4, -0::float8, 0.0::float8 * -1, -(0::float8);
SELECT '-0'::float8::text, ('-0'::float8)::numeric, '-0'::float8 = 0, 1/'-0'::float8 > 0;
SELECT -'0'::float8, -('0'::float4), '-0.0e5'::float8, float8 '-0', ('-0'::float8)::float4, ('-0'::float4)::float8;
SELECT ARRAY['-0'::float8, 0], '{-0}'::float8[], ('{-0}'::float8[])[1], json_build_array('-0'::float8), to_jsonb('-0'::float4);
SELECT sqrt('-0'::float8), cbrt('-0'::float8), trunc('-0'::float8), floor('-0'::float8), ceil(-0.5::float8), round(-0.4::float8), sign('-0'::float8);
SELECT format('%s', '-0'::float8), concat('-0'::float8), '-0'::float8::varchar, '-0'::float8 || 'x';
SELECT * FROM (SELECT '-0'::float8 AS x UNION ALL SELECT 1) s ORDER BY x;
-- abs and @ of a float are fabs: -0 is 0, NaN stays NaN (abs('NaN'::float8) was 0)
SELECT abs('-0'::float8), abs('-0'::float4), @ '-0'::float8, abs('NaN'::float8), @ 'NaN'::float4, abs('-Infinity'::float8), abs(-2.5::float8), @ -3::float4;
SELECT abs(-9223372036854775807::int8), @ -5::int8;
SELECT @ (-9223372036854775807::int8 - 1);
CREATE TABLE nz_t (a float8, b float4);
INSERT INTO nz_t VALUES (0, 0), (1, 1), ('NaN', 'NaN');
SELECT -a, -b, a * -1, abs(-a), @ (-b) FROM nz_t ORDER BY a;
INSERT INTO nz_t VALUES ('-0', '-0');
-- differs: a float column stores -0 as 0 (SQLite's REAL affinity stores a whole-number REAL as an integer)
SELECT a, b, a::text AS t FROM nz_t WHERE a = 0 ORDER BY a::text;
SELECT count(*) FROM nz_t WHERE a = 0 AND b = 0;
-- differs: sum of only -0 values is 0 (SQLite's sum starts from 0)
SELECT sum(x) FROM (VALUES ('-0'::float8)) v(x);
-- differs: least keeps the last of equal values (SQLite's min)
SELECT least('-0'::float8, 0);
-- differs: to_char of -0 prints no sign
SELECT to_char('-0'::float8, '9.9');
