-- time(p), timetz(p), timestamp(p) and timestamptz(p) store and cast their values rounded to p
-- fractional digits (half away from zero), as PostgreSQL does: the value itself, not only its
-- display (Prisma's DateTime is timestamp(3)); COPY rounds too (tests/integration/test_copy).
SET timezone = 'UTC';
CREATE TABLE dtp (id int PRIMARY KEY, a timestamp(0), b timestamptz(2), c time(1), d timestamp(3), e timetz(0));
INSERT INTO dtp VALUES (1, '2024-01-01 10:00:00.7', '2024-01-01 10:00:00.456+00', '10:00:00.46', '2024-01-01 10:00:00.12345', '10:00:00.5+02');
SELECT a::text, b::text, c::text, d::text, e::text FROM dtp;
SELECT a = '2024-01-01 10:00:01', d = '2024-01-01 10:00:00.123' FROM dtp;
INSERT INTO dtp (id, a, c) VALUES (2, '1999-12-31 23:59:59.5', '23:59:59.96');
SELECT a::text, c::text FROM dtp WHERE id = 2;
INSERT INTO dtp (id, a) VALUES (3, '1900-01-01 00:00:00.5'), (4, '0001-01-01 00:00:00.5 BC'), (5, 'infinity');
SELECT id, a::text FROM dtp WHERE id >= 3 ORDER BY id;
UPDATE dtp SET a = a + interval '0.6 second' WHERE id = 1 RETURNING a::text;
UPDATE dtp SET d = '2024-06-01 12:00:00.9999' WHERE id = 1 RETURNING d::text;
INSERT INTO dtp (id, a) SELECT 6, '2024-01-01 10:00:00.5'::timestamp;
SELECT a::text FROM dtp WHERE id = 6;
PREPARE dtp_ins (int, timestamp) AS INSERT INTO dtp (id, a) VALUES ($1, $2) RETURNING a::text;
EXECUTE dtp_ins (7, '2024-01-01 10:00:00.49');
SELECT '2024-01-01 10:00:00.7'::timestamp(0)::text;
SELECT CAST('2024-01-01 10:00:00.456+00' AS timestamptz(2))::text;
SELECT '10:00:00.46'::time(1)::text, '10:00:00.44'::time(1)::text;
SELECT '10:00:00.45+03'::timetz(1)::text;
SELECT '2024-01-01 10:00:00.123456'::timestamp(6)::text, '2024-01-01 10:00:00.123456'::timestamp::text;
SELECT ('2024-01-01 10:00:00'::timestamp + interval '0.75 s')::timestamp(1)::text;
SELECT NULL::timestamp(0);
SELECT pg_typeof('2024-01-01'::timestamp(0)), pg_typeof(CAST(NULL AS timestamptz(3)));
SELECT count(*) FROM dtp WHERE a = '2024-01-01 10:00:01'::timestamp(0);
