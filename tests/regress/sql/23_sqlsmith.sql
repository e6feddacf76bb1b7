-- Reductions of what sqlsmith (random queries generated from the catalog) found.
CREATE TYPE sm_mood AS ENUM ('sad', 'ok');
CREATE TABLE sm_k (id int PRIMARY KEY, f8 float8, t text);
INSERT INTO sm_k VALUES (1, 1.5, 'a'), (2, NULL, 'b');
-- RETURNING naming its target schema-qualified, while the session holds a temporary table
-- (public.t is then main.t, a name SQLite's RETURNING does not know)
CREATE TEMP TABLE sm_tmp (a int);
UPDATE public.sm_k SET t = t WHERE public.sm_k.id = 1 RETURNING public.sm_k.f8, public.sm_k.id;
DELETE FROM public.sm_k WHERE public.sm_k.id = 2 RETURNING public.sm_k.t, (SELECT s.a FROM pg_temp.sm_tmp AS s);
INSERT INTO sm_k VALUES (2, NULL, 'b');
-- a subquery in RETURNING reading the target table would see the statement's own change
-- (SQLite computes RETURNING as each row is changed; PostgreSQL's subquery sees the table as
-- before the statement): refused
BEGIN;
-- differs: refused (0A000): a subquery in RETURNING that reads the table being modified
DELETE FROM public.sm_k WHERE public.sm_k.id = 2 RETURNING (SELECT max(s.id) FROM public.sm_k AS s);
ROLLBACK;
DELETE FROM public.sm_k WHERE public.sm_k.id = 2;
INSERT INTO public.sm_k VALUES (3, 2.5, 'c') RETURNING public.sm_k.f8 * 2 AS twice;
INSERT INTO pg_temp.sm_tmp VALUES (1) RETURNING pg_temp.sm_tmp.a;
-- array types by their pg_type names (_int4 is int4[]), as catalog-driven clients write them
SELECT '{1,2}'::_int4 AS a, '{x,y}'::_text AS b, CAST(NULL AS _int8) AS c, '{3}'::pg_catalog._int4 AS d;
SELECT array_length('{1,2,3}'::_int4, 1), '{1,2}'::_int4 = ARRAY[1, 2];
CREATE TABLE sm_arr (a _int4, b _text, c _numeric);
INSERT INTO sm_arr VALUES ('{1}', '{x}', '{1.5}');
SELECT * FROM sm_arr;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'sm_arr'::regclass AND attnum > 0 ORDER BY attnum;
SELECT NULL::_serial;
-- differs: refused (0A000): a cast to a pseudo-type (pg_type lists it; PostgreSQL casts NULL to it)
SELECT NULL::anyrange;
-- differs: refused (0A000): a cast to a pseudo-type (PostgreSQL: 42846 cannot cast type unknown to anyenum)
SELECT NULL::anyenum;
-- array operators over scalar subqueries of array columns (they were read as text or json:
-- || appended the array as one element, @> was jsonb's, && was 42883 unknown && unknown)
CREATE TABLE sm_ia (id int, ia int[], ta text[]);
INSERT INTO sm_ia VALUES (1, '{1,2,3}', '{a,b}'), (2, '{}', '{c}');
SELECT (SELECT ia FROM sm_ia WHERE id = 1) && (SELECT ia FROM sm_ia WHERE id = 2) AS overlap;
SELECT (SELECT ia FROM sm_ia WHERE id = 1) @> (SELECT ia FROM sm_ia WHERE id = 2) AS contains;
SELECT (SELECT ia FROM sm_ia WHERE id = 1) || ARRAY[4] AS cat, (SELECT ta FROM sm_ia WHERE id = 2) || 'd'::text AS app;
SELECT '{1,2}'::_int4 || 3 AS appended, 0 || '{1}'::_int4 AS prepended;
-- an operator's function called by name is its operator (xlat_operfn.c)
SELECT int8pl(1, 2);
SELECT no_such_function_here(1);
-- gcd and lcm of numerics with fraction digits (they were taken as integers: lcm(1.50, 1.50) was 1)
SELECT lcm(1.50::numeric, 1.50::numeric) AS l1, lcm(-3.25::numeric, 2.5) AS l2, gcd(1.5::numeric, 1.0) AS g1;
SELECT gcd('1.25'::numeric, 0.5) AS g2, gcd(-7.5::numeric, 2.5) AS g3, lcm(0.5::numeric, 0) AS l3, gcd(12, 18) AS g4, lcm(4::int8, 6) AS l4;
-- string_agg of bytea: SQLite's group_concat answers text (the result was empty or wrong)
CREATE TABLE sm_b (id int, b bytea);
INSERT INTO sm_b VALUES (1, '\x0102'), (2, '\x03');
-- differs: refused (0A000): string_agg of bytea (SQLite's group_concat answers text)
SELECT string_agg(b, '\x00'::bytea ORDER BY id) FROM sm_b;
SELECT string_agg(b::text, ',' ORDER BY id) FROM sm_b;
-- make_interval's int32 fields wrap as in PostgreSQL 15 (signed overflow here before: undefined
-- behaviour, an UBSan report that stopped the sanitizer build's server)
SELECT make_interval(years => 2147483647) AS y, make_interval(days => -2147483648, weeks => 1) AS d;
SELECT make_interval(hours => 2147483647, mins => 2147483647) AS hm, make_interval(1, 2, 3, 4, 5, 6, 7.5) AS all7;
SELECT make_interval(secs => 'nan');
-- ^, power() and exp() raise as PostgreSQL's float8 ones (SQLite's pow/exp answered inf or NULL)
SELECT 0.0 ^ -1;
SELECT (-1.0) ^ 0.5;
SELECT power(10::float8, 400);
SELECT power(10::float8, -400);
SELECT exp(1000000);
SELECT exp(-1000000);
SELECT 2 ^ 10 AS p, pow(-8, 3) AS q, exp(0) AS e, 'NaN'::float8 ^ 0 AS n0, 1 ^ 'NaN'::float8 AS n1, 'NaN'::float8 ^ 2 AS n2, exp('NaN'::float8) AS n3;
SELECT 'inf'::float8 ^ 2 AS i1, exp('-inf'::float8) AS i2, exp('inf'::float8) AS i3, 0 ^ 0 AS z, (-2) ^ 'inf'::float8 AS i4;
-- the integer minimum divided by -1 is out of range, as in PostgreSQL (SQLite's int64 quotient
-- overflowed into a double: 9223372036854776000)
SELECT (-9223372036854775808)::int8 / -1;
SELECT (-2147483648)::int4 / -1;
SELECT (-32768)::int2 / (-1)::int2;
SELECT 7 / 2 AS a, -7 / 2 AS b, 9223372036854775807::int8 / -1 AS c, (-9223372036854775808)::int8 % -1 AS d;
-- interval * and / past the fields' range are 22008 (a double converted out of range before:
-- undefined behaviour, a meaningless interval); to_timestamp of a NaN
SELECT interval '2147483647 months' * 2;
SELECT interval '1 day' * 3000000000;
SELECT interval '1 month' / 0.0000000001;
SELECT interval '1 year 2 days 03:00' * 1.5 AS a, interval '1 month' / 3 AS b, interval '5 days' * -2 AS c;
SELECT to_timestamp('NaN'::float8);
-- differences sqlsmith found that remain (docs/sql-compat.md, "Random queries (sqlsmith)")
CREATE TABLE sm_p (id int PRIMARY KEY);
CREATE TABLE sm_c (id int PRIMARY KEY, p int REFERENCES sm_p (id));
INSERT INTO sm_c VALUES (1, NULL) ON CONFLICT ON CONSTRAINT sm_c_p_fkey DO NOTHING;
CREATE VIEW sm_v AS SELECT count(*) AS n, max(id) AS m FROM sm_k;
SELECT n, m FROM sm_v;
SELECT id FROM sm_k ORDER BY id;
