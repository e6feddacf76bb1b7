-- Issue #3, probing PostgreSQL's aggregates.sql: a float cast to numeric is the float printed to
-- 6 (real) or 15 (double precision) significant digits and read back, as float4_numeric and
-- float8_numeric do; the real's binary value (99.09700012207031) was kept, and the numeric
-- variance of b::numeric was another number than PostgreSQL's.
CREATE TABLE aggtest (a int2, b float4, d float8);
INSERT INTO aggtest VALUES (56, 7.8, 7.8), (100, 99.097, 0.1), (0, 0.09561, 1.2345678901234567), (42, 324.78, 1e300);
SELECT a, b::numeric, d::numeric FROM aggtest ORDER BY a;
SELECT sum(b::numeric), max(b::numeric), min(d::numeric) FROM aggtest;
SELECT a FROM aggtest WHERE b::numeric = 99.097;
SELECT 99.097::float4::numeric, 0.1::float8::numeric, 1.2345678901234567::float8::numeric, 1e20::float4::numeric;
SELECT (1.0/3)::float8::numeric, 123456789::float4::numeric, (0.1::float8 + 0.2::float8)::numeric, -0.0::float8::numeric;
SELECT 3.3::float4::numeric(10,3), 2.5::float8::numeric(10,0), 1234.5678::float8::numeric(6,2), 'inf'::float8::numeric, 'nan'::float4::numeric, 'nan'::float8::numeric;
SELECT pg_typeof(1.5::float8::numeric), 1.5::float8::numeric + 1, CAST(7.8::real AS decimal), NULL::float8::numeric;
