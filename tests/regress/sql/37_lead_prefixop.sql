-- Prefix operators of types that have none: 42883 as PostgreSQL (-'5'::text was -5, -true
-- was true), an untyped literal's 42725; the numbers, intervals and bit strings keep theirs.
SELECT -'5'::text;
SELECT +'5'::text;
SELECT -'5'::varchar;
SELECT -true;
SELECT -'5'::json;
SELECT ~'5'::text;
SELECT -'2024-01-01'::date;
SELECT +'2024-01-01'::date;
SELECT +'1 day'::interval;
SELECT -'5';
SELECT -NULL;
SELECT -'5'::oid;
SELECT -'5'::money;
SELECT -(5), +(5), -(5.5), -('2.5'::float8), -'5'::int2, +'5'::int8, ~5, -'1 day'::interval, ~B'101', -'-5'::numeric;
CREATE TABLE pfx (i int, t text, b bool, n numeric, f float4, iv interval);
INSERT INTO pfx VALUES (1, '2', true, 3.5, 4.5, '1 hour');
SELECT -i, +i, -n, -f, -iv, ~i FROM pfx;
SELECT -t FROM pfx;
SELECT -b FROM pfx;
SELECT +iv FROM pfx;
