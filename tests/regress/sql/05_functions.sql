-- Functions: strings, dates, aggregates, conditional expressions.
-- differs: not implemented yet (0A000): function initcap is not supported
SELECT upper('abc'), lower('ABC'), initcap('hello world');
SELECT length('héllo'), char_length('abc'), octet_length('héllo');
SELECT substr('hello', 2, 3), substring('hello' from 2 for 3), substring('hello', 3);
SELECT position('lo' in 'hello'), strpos('hello', 'l');
SELECT trim('  x  '), ltrim('  x  '), rtrim('  x  '), btrim('xxaxx', 'x');
SELECT trim(both 'x' from 'xxaxx'), trim(leading 'x' from 'xxa'), trim(trailing 'x' from 'axx');
-- differs: not implemented yet (0A000): function reverse is not supported
SELECT replace('hello', 'l', 'L'), reverse('abc'), repeat('ab', 3);
-- differs: not implemented yet (0A000): left()/right() with a negative or non-constant length is not supported
SELECT left('hello', 2), right('hello', 2), left('hello', -1);
-- differs: not implemented yet (0A000): function lpad is not supported
SELECT lpad('5', 3, '0'), rpad('5', 3, '*'), lpad('hello', 2);
-- differs: not implemented yet (0A000): function concat_ws is not supported
SELECT concat('a', NULL, 'b', 1), concat_ws('-', 'a', NULL, 'b');
SELECT 'a' || NULL, coalesce(NULL, 'x'), coalesce(NULL, NULL, 3);
-- differs: not implemented yet (0A000): function split_part is not supported
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5);
-- differs: not implemented yet (0A000): function md5 is not supported
SELECT md5('hello');
-- differs: not implemented yet (0A000): function ascii is not supported
SELECT ascii('A'), chr(66);
-- differs: not implemented yet (42883): function starts_with(unknown, unknown) does not exist
SELECT starts_with('hello', 'he'), 'hello' ^@ 'x';
-- differs: not implemented yet (0A000): function translate is not supported
SELECT translate('hello', 'el', 'ip');
-- differs: not implemented yet (0A000): function format is not supported
SELECT format('%s is %s', 'x', 42), format('%I', 'Some Name'), format('%L', 'it''s');
-- differs: not implemented yet (0A000): function quote_ident is not supported
SELECT quote_ident('a b'), quote_literal('it''s'), quote_nullable(NULL);
-- differs: not implemented yet (42883): function to_hex(integer) does not exist
SELECT to_hex(255), to_hex(-1);
SELECT string_agg(x, ', ') FROM (VALUES ('a'), ('b'), ('c')) v (x);
-- differs: value differs: avg 7/3 is 2.3333333333333333 in PostgreSQL; a double prints 2.3333333333333335
SELECT count(*), count(x), sum(x), avg(x), min(x), max(x) FROM (VALUES (1), (2), (NULL::int), (4)) v (x);
SELECT sum(x), avg(x) FROM (VALUES (1.5), (2.5)) v (x);
SELECT sum(x) FROM (VALUES (2147483647), (1)) v (x);
SELECT avg(x)::numeric(10,2) FROM (VALUES (1), (2)) v (x);
SELECT every(x > 0) FROM (VALUES (1), (2)) v (x);
SELECT count(*) FILTER (WHERE x > 1) FROM (VALUES (1), (2), (3)) v (x);
SELECT x, count(*) FROM (VALUES ('a'), ('b'), ('a')) v (x) GROUP BY x ORDER BY count(*) DESC, x;
-- differs: not implemented yet (42883): function stddev(...) does not exist
SELECT stddev(x), variance(x) FROM (VALUES (1.0), (2.0), (3.0)) v (x);
-- differs: not implemented yet (0A000): function date_part is not supported
SELECT date_part('year', '2024-02-29'::date), extract(month from '2024-02-29'::date);
-- differs: not implemented yet (0A000): function extract is not supported
SELECT extract(dow from '2024-02-29'::date), extract(doy from '2024-02-29'::date);
-- differs: not implemented yet (0A000): function extract is not supported
SELECT extract(epoch from '2024-01-01 00:00:00+00'::timestamptz);
-- differs: not implemented yet (0A000): function date_trunc is not supported
SELECT date_trunc('month', '2024-02-29 13:45:00'::timestamp), date_trunc('hour', '2024-02-29 13:45:00'::timestamp);
-- differs: not implemented yet (0A000): function to_char is not supported
SELECT to_char('2024-02-29 13:45:00'::timestamp, 'YYYY-MM-DD HH24:MI:SS');
-- differs: not implemented yet (0A000): function to_char is not supported
SELECT to_char(1234.5, '9999.99');
-- differs: not implemented yet (0A000): function make_date is not supported
SELECT make_date(2024, 2, 29), make_time(1, 2, 3.5);
-- differs: not implemented yet (0A000): function age is not supported
SELECT age('2024-02-29'::date, '2023-01-01'::date);
SELECT '2024-02-29'::date > '2024-01-01'::date, '2024-02-29'::timestamp < now();
SELECT now() IS NOT NULL, current_timestamp IS NOT NULL, current_date IS NOT NULL, localtimestamp IS NOT NULL;
-- differs: not implemented yet (0A000): function pg_typeof is not supported
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(now());
SELECT gen_random_uuid() IS NOT NULL;
SELECT length(gen_random_uuid()::text);
SELECT random() BETWEEN 0 AND 1;
SELECT CASE WHEN 1 > 2 THEN 'a' END, CASE WHEN NULL THEN 1 ELSE 2 END;
SELECT nullif(1, 1), nullif(1, 2), nullif('a', 'b');
SELECT greatest('a', 'b', NULL), least(1.5, 2, NULL);
SELECT current_setting('TimeZone');
-- differs: not implemented yet (0A000): function set_config is not supported
SELECT set_config('application_name', 'regress', false);
-- differs: not implemented yet (0A000): function current_setting is not supported
SELECT current_setting('application_name');
SELECT version() LIKE 'PostgreSQL 15%';
SELECT current_database() IS NOT NULL, current_user IS NOT NULL, current_schema();
-- differs: not implemented yet (0A000): function array_length is not supported
SELECT array_length(ARRAY[1, 2, 3], 1), ARRAY[1, 2] || 3;
-- differs: not implemented yet (0A000): function unnest is not supported
SELECT unnest(ARRAY[3, 1, 2]) ORDER BY 1;
-- differs: not implemented yet (0A000): ANY/ALL over an array is not supported
SELECT 1 = ANY(ARRAY[1, 2]), 3 = ALL(ARRAY[3, 3]);
-- differs: not implemented yet (0A000): function regexp_replace is not supported
SELECT regexp_replace('hello world', 'o', '0', 'g'), regexp_match('abc123', '[0-9]+');
-- differs: not implemented yet (0A000): function json_build_object is not supported
SELECT json_build_object('a', 1, 'b', 'x'), jsonb_build_array(1, 'two', NULL);
-- differs: not implemented yet (0A000): a JSON or containment operator is not supported
SELECT '{"a": {"b": 2}}'::jsonb -> 'a', '{"a": {"b": 2}}'::jsonb ->> 'a', '{"a": {"b": 2}}'::jsonb #> '{a,b}';
-- differs: not implemented yet (0A000): a JSON or containment operator is not supported
SELECT '{"a": 1}'::jsonb @> '{"a": 1}', '{"a": 1}'::jsonb ? 'a';
-- differs: not implemented yet (42883): function jsonb_typeof(unknown) does not exist
SELECT jsonb_typeof('[1]'), json_array_length('[1, 2, 3]');
-- differs: not implemented yet (0A000): function to_json is not supported
SELECT to_json('x'::text), row_to_json(r) FROM (SELECT 1 AS a, 'b' AS b) r;
-- differs: not implemented yet (0A000): function encode is not supported
SELECT encode('hello'::bytea, 'hex'), encode('hello'::bytea, 'base64'), decode('68656c6c6f', 'hex');
-- differs: not implemented yet (42883): function sha256(bytea) does not exist
SELECT sha256('abc'::bytea);
-- differs: not implemented yet (42883): function get_byte(bytea, integer) does not exist
SELECT length('abc'::bytea), get_byte('abc'::bytea, 0);
-- differs: shardlite does not raise PostgreSQL's 22003 (integer out of range)
SELECT abs(-2147483648);
-- differs: not implemented yet (0A000): function width_bucket is not supported
SELECT width_bucket(5.35, 0.024, 10.06, 5);
-- differs: not implemented yet (42883): function div(integer, integer) does not exist
SELECT div(9, 4), gcd(12, 18), lcm(4, 6), factorial(5);
