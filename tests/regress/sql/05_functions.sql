-- Functions: strings, dates, aggregates, conditional expressions.
SELECT upper('abc'), lower('ABC'), initcap('hello world');
SELECT length('héllo'), char_length('abc'), octet_length('héllo');
SELECT substr('hello', 2, 3), substring('hello' from 2 for 3), substring('hello', 3);
SELECT position('lo' in 'hello'), strpos('hello', 'l');
SELECT trim('  x  '), ltrim('  x  '), rtrim('  x  '), btrim('xxaxx', 'x');
SELECT trim(both 'x' from 'xxaxx'), trim(leading 'x' from 'xxa'), trim(trailing 'x' from 'axx');
SELECT replace('hello', 'l', 'L'), reverse('abc'), repeat('ab', 3);
SELECT left('hello', 2), right('hello', 2), left('hello', -1);
SELECT lpad('5', 3, '0'), rpad('5', 3, '*'), lpad('hello', 2);
SELECT concat('a', NULL, 'b', 1), concat_ws('-', 'a', NULL, 'b');
SELECT 'a' || NULL, coalesce(NULL, 'x'), coalesce(NULL, NULL, 3);
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5);
SELECT md5('hello');
SELECT ascii('A'), chr(66);
SELECT starts_with('hello', 'he'), 'hello' ^@ 'x';
SELECT translate('hello', 'el', 'ip');
SELECT format('%s is %s', 'x', 42), format('%I', 'Some Name'), format('%L', 'it''s');
SELECT quote_ident('a b'), quote_literal('it''s'), quote_nullable(NULL);
SELECT to_hex(255), to_hex(-1);
SELECT string_agg(x, ', ') FROM (VALUES ('a'), ('b'), ('c')) v (x);
-- differs: result type differs: type: sum oid 20 vs 1700; type: min oid 23 vs 25; type: max oid 23 vs 25; value: [2.3333333333333333] vs [2.3333333333333335]
SELECT count(*), count(x), sum(x), avg(x), min(x), max(x) FROM (VALUES (1), (2), (NULL::int), (4)) v (x);
-- differs: value differs: value: [4.0] vs [4]
SELECT sum(x), avg(x) FROM (VALUES (1.5), (2.5)) v (x);
-- differs: result type differs: type: sum oid 20 vs 1700
SELECT sum(x) FROM (VALUES (2147483647), (1)) v (x);
SELECT avg(x)::numeric(10,2) FROM (VALUES (1), (2)) v (x);
SELECT every(x > 0) FROM (VALUES (1), (2)) v (x);
SELECT count(*) FILTER (WHERE x > 1) FROM (VALUES (1), (2), (3)) v (x);
SELECT x, count(*) FROM (VALUES ('a'), ('b'), ('a')) v (x) GROUP BY x ORDER BY count(*) DESC, x;
-- differs: numeric variance and standard deviation are computed in double precision: no numeric scale (1.00000000000000000000 prints 1)
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
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(now());
SELECT gen_random_uuid() IS NOT NULL;
SELECT length(gen_random_uuid()::text);
SELECT random() BETWEEN 0 AND 1;
SELECT CASE WHEN 1 > 2 THEN 'a' END, CASE WHEN NULL THEN 1 ELSE 2 END;
SELECT nullif(1, 1), nullif(1, 2), nullif('a', 'b');
SELECT greatest('a', 'b', NULL), least(1.5, 2, NULL);
SELECT current_setting('TimeZone');
SELECT set_config('application_name', 'regress', false);
SELECT current_setting('application_name');
SELECT version() LIKE 'PostgreSQL 15%';
SELECT current_database() IS NOT NULL, current_user IS NOT NULL, current_schema();
SELECT array_length(ARRAY[1, 2, 3], 1), ARRAY[1, 2] || 3;
-- differs: result type differs: unnest() in a select list reports text (the element type of its array is not tracked there)
SELECT unnest(ARRAY[3, 1, 2]) ORDER BY 1;
SELECT 1 = ANY(ARRAY[1, 2]), 3 = ALL(ARRAY[3, 3]);
SELECT regexp_replace('hello world', 'o', '0', 'g'), regexp_match('abc123', '[0-9]+');
SELECT json_build_object('a', 1, 'b', 'x'), jsonb_build_array(1, 'two', NULL);
SELECT '{"a": {"b": 2}}'::jsonb -> 'a', '{"a": {"b": 2}}'::jsonb ->> 'a', '{"a": {"b": 2}}'::jsonb #> '{a,b}';
SELECT '{"a": 1}'::jsonb @> '{"a": 1}', '{"a": 1}'::jsonb ? 'a';
SELECT jsonb_typeof('[1]'), json_array_length('[1, 2, 3]');
-- differs: not implemented yet (0A000): function to_json is not supported
SELECT to_json('x'::text), row_to_json(r) FROM (SELECT 1 AS a, 'b' AS b) r;
SELECT encode('hello'::bytea, 'hex'), encode('hello'::bytea, 'base64'), decode('68656c6c6f', 'hex');
SELECT sha256('abc'::bytea);
SELECT length('abc'::bytea), get_byte('abc'::bytea, 0);
-- differs: shardlite does not raise PostgreSQL's 22003 (integer out of range)
SELECT abs(-2147483648);
SELECT width_bucket(5.35, 0.024, 10.06, 5);
SELECT div(9, 4), gcd(12, 18), lcm(4, 6), factorial(5);
-- Text and bytea functions implemented in pgfn (src/pgfn/pgfn_string.c, pgfn_bytes.c, pgfn_format.c).
SELECT lpad('hello', 8, 'ab'), rpad('hi', 5, 'xy'), lpad('x', -1), lpad('abc', 5, ''), lpad('é', 3, 'ü');
SELECT lpad(NULL, 3), rpad('x', NULL), lpad('x', 3, NULL);
SELECT split_part('a,b,c', ',', -1), split_part('a,b,c', ',', -4), split_part('', ',', 1), split_part('abc', '', 1), split_part('a::b', '::', 2);
SELECT split_part('a,b', ',', 0);
SELECT reverse('héllo'), reverse(''), reverse(NULL);
SELECT initcap('hELLO wORLD-foo_bar 1abc'), initcap(''), translate('12345', '143', 'ax'), translate('héllo', 'é', 'e');
SELECT ascii(''), ascii('é'), chr(233), chr(128512);
SELECT chr(0);
SELECT chr(-1);
SELECT left('hello', -2), right('hello', -2), left('hé', 5), right('abc', 0), left('abc', -5);
SELECT left('abcdef', x), right('abcdef', x) FROM (VALUES (-7), (-1), (0), (3), (9)) v (x) ORDER BY x;
SELECT repeat('ab', 0), repeat('ab', -1), repeat('é', 3);
SELECT starts_with('hello', 'lo'), starts_with('', ''), starts_with(NULL, 'a');
SELECT concat_ws(',', 1, NULL, 'x'), concat_ws(NULL, 'a'), concat_ws('', 'a', 'b');
SELECT to_hex(0), to_hex(2147483647), to_hex(-2147483648), to_hex(-1::bigint), to_hex(9223372036854775807);
SELECT bit_length('héllo'), bit_length(''), octet_length('é');
SELECT md5(''), md5('é'), md5(NULL), md5('abc'::bytea);
SELECT sha224('abc'::bytea), sha384(''::bytea);
SELECT sha512('abc'::bytea);
SELECT encode('\x00ff5c41'::bytea, 'escape'), encode('\x'::bytea, 'hex'), encode(repeat('x', 60)::bytea, 'base64');
SELECT decode('aGk=', 'base64'), decode('68 65', 'hex'), decode('a\000b', 'escape');
SELECT decode('zz', 'hex');
SELECT decode('abc', 'hex');
SELECT decode('a', 'base64');
SELECT encode('a'::bytea, 'foo');
SELECT get_byte('abc'::bytea, 5);
SELECT set_byte('abc'::bytea, 1, 65), get_byte(set_byte('\x00'::bytea, 0, 255), 0);
SELECT format('%2$s %1$s %s', 'a', 'b'), format('%L %L %s', NULL, 1.5, NULL), format('100%%');
SELECT format('%-5s|%5s|%*s|%-*s|', 'a', 'b', 3, 'c', 2, 'd'), format(NULL, 1);
SELECT format('%s %s', 'a');
SELECT format('%z', 'a');
SELECT format('%I', NULL);
SELECT quote_ident('Foo'), quote_ident('select'), quote_ident('abc'), quote_ident('a"b'), quote_ident('_x1'), quote_ident('1x'), quote_ident('user'), quote_ident('name');
SELECT quote_literal(E'a\\b'), quote_literal(42), quote_literal(NULL), quote_nullable(1), quote_nullable(NULL);
SELECT lpad(b, 6, '.'), md5(b), initcap(b) FROM (VALUES ('one'), ('two'), (NULL)) v (b) ORDER BY 1;
-- JSON (src/pgfn/pgfn_json.c, pgfn_jsonfn.c, pgfn_jsonop.c): json keeps its text, jsonb is canonical.
SELECT '{"b":1, "a" : [1,2,{"c":"\u00e9\n"}], "b":3, "aa":1e2, "z":-0.0, "y":1.50E-3}'::jsonb;
SELECT '  {"b":1,   "a":2} '::json, '[]'::jsonb, '"x"'::jsonb, 'null'::jsonb, '12.50'::jsonb, '1E-2'::jsonb;
SELECT '[1,'::jsonb;
SELECT '{"a" 1}'::json;
SELECT json_build_object('a', 1, 'b', true, 'c', NULL, 'd', 'x', 'e', 1.5, 'f', '{"x": [1]}'::json);
SELECT jsonb_build_object('b', 1, 'a', 2, 'b', 3), jsonb_build_object(), json_build_object(), json_build_array(), jsonb_build_array();
SELECT json_build_object(1, 2), json_build_array(1, 'two', NULL, false, '[1, 2]'::jsonb);
SELECT json_build_object(NULL, 2);
SELECT json_build_object('a');
SELECT to_json('x'::text), to_json(E'a"\\\b\x01'::text), to_json(true), to_json(42), to_jsonb('{"b": 1, "a": 2}'::jsonb), to_json(NULL::text);
SELECT to_json(1e20::float8), to_jsonb(1.5::float8), to_json('\x6869'::bytea);
SELECT '{"a": {"b": [10, 20]}}'::json -> 'a', '{"a": {"b":  [10, 20]}}'::json -> 'a' -> 'b' ->> 1, '[1, 2, 3]'::json -> -1, '[1, 2, 3]'::json -> 5;
SELECT '{"a": {"b": [10, 20]}}'::jsonb #> '{a,b,0}', '{"a": {"b": [10, 20]}}'::jsonb #>> '{a,b}', '{"a": 1}'::jsonb #> '{}', '{"a": null}'::jsonb ->> 'a', '{"a": "x"}'::jsonb ->> 'a';
SELECT '{"a": 1, "b": {"c": 2}}'::jsonb @> '{"b": {"c": 2}}', '[1, 2, [3]]'::jsonb @> '[[3], 1]', '[1, 2]'::jsonb @> '1', '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}', '{"a": 1}'::jsonb @> '{"a": 2}';
SELECT '{"a": 1, "b": 2}'::jsonb ?| '{b,c}', '{"a": 1, "b": 2}'::jsonb ?& '{a,c}', '["x", "y"]'::jsonb ? 'x', '"x"'::jsonb ? 'x', '{"a": 1}'::jsonb ? 'b';
SELECT '{"a": 1}'::jsonb || '{"b": 2, "a": 3}'::jsonb, '[1]'::jsonb || '[2, 3]'::jsonb, '[1]'::jsonb || '2'::jsonb, '{"a": 1}'::jsonb || '[2]'::jsonb;
SELECT '{"a": 1, "b": 2}'::jsonb - 'a', '["a", "b", "a"]'::jsonb - 'a', '[1, 2, 3]'::jsonb - 1, '[1, 2, 3]'::jsonb - -1;
SELECT '1'::jsonb - 'a';
SELECT jsonb_typeof('{}'), jsonb_typeof('1.5'), json_typeof('"x"'), jsonb_typeof('null'), jsonb_typeof('true'), json_array_length('[]'), jsonb_array_length('[1, [2, 3]]');
SELECT json_array_length('{}');
SELECT jsonb_array_length('1');
SELECT jsonb_pretty('{"a": [1, {"b": null}], "c": {}, "d": []}'), jsonb_pretty('[]');
SELECT jsonb_strip_nulls('{"a": null, "b": [null, {"c": null, "d": 1}]}');
SELECT jsonb_set('{"a": [1, 2]}', '{a,0}', '"x"'), jsonb_set('{"a": 1}', '{b}', '2'), jsonb_set('{"a": 1}', '{b}', '2', false), jsonb_set('[1, 2]', '{5}', '3'), jsonb_set('[1, 2]', '{-5}', '0');
SELECT jsonb_set('{"a": {"b": 1}}', '{a,b}', '{"c": [1]}'), jsonb_set('{"a": 1}', '{x,y}', '2'), jsonb_set('{"a": 1}', '{a}', NULL);
SELECT jsonb_set('1', '{a}', '2');
SELECT jsonb_insert('[1, 2]', '{1}', '9'), jsonb_insert('[1, 2]', '{1}', '9', true), jsonb_insert('{"a": 1}', '{b}', '2');
SELECT jsonb_insert('{"a": 1}', '{a}', '2');
SELECT json_agg(x), jsonb_agg(x), json_agg(y), json_object_agg(y, x), jsonb_object_agg(y, x) FROM (VALUES (1, 'b'), (2, 'a'), (NULL, 'c')) v (x, y);
SELECT json_agg(x) FROM (VALUES (1)) v (x) WHERE false;
SELECT json_agg(x) FILTER (WHERE x > 1), count(*) FROM (VALUES (1), (2), (3)) v (x);
SELECT y, json_agg(x) FROM (VALUES (1, 'a'), (2, 'b'), (3, 'a')) v (x, y) GROUP BY y ORDER BY y;
-- Math in pgfn (src/pgfn/pgfn_math.c).
SELECT mod(7, 3), mod(-7, 3), mod(7, -3), mod(7.5, 2), mod(-7.5, 2), mod(7::bigint, 2), mod(NULL, 2);
SELECT mod(1, 0);
SELECT div(-9, 4), div(9.5, 2), div(7, 7);
SELECT div(1, 0);
SELECT trunc(1.789, 2), trunc(-1.789, 1), trunc(1789, -2), trunc(NULL, 1);
SELECT width_bucket(-1, 0, 10, 5), width_bucket(11, 0, 10, 5), width_bucket(5, 10, 0, 5), width_bucket(10, 0, 10, 5), width_bucket(0, 0, 10, 5);
SELECT width_bucket(1, 0, 10, 0);
SELECT width_bucket(1, 0, 0, 5);
SELECT gcd(0, 0), lcm(0, 5), gcd(-12, 18), lcm(-4, 6), gcd(12::bigint, 18), factorial(0), factorial(20), factorial(30), cbrt(27::float8);
SELECT factorial(-1);
CREATE TABLE fn_nums (i int, f float8);
INSERT INTO fn_nums VALUES (12, 1.0), (10, 2.0), (NULL, 4.0);
SELECT stddev(f), variance(f), stddev_pop(f), var_pop(f), stddev_samp(f), var_samp(f) FROM fn_nums;
SELECT stddev(f), var_samp(f), var_pop(f) FROM fn_nums WHERE f = 1;
SELECT stddev(f) FROM fn_nums WHERE false;
-- differs: result type differs: an aggregate of a column whose type is known only at run time reports text
SELECT bit_and(i), bit_or(i), bit_xor(i), bit_and(i) FILTER (WHERE i > 10) FROM fn_nums;
SELECT bit_and(x::int), bit_or(x::int), bit_xor(12) FROM (VALUES (12), (10)) v (x);
SELECT num_nulls(1, NULL, 'a', NULL), num_nonnulls(1, NULL, 'a'), num_nulls(NULL);
SELECT pg_typeof('a'), pg_typeof(1::bigint), pg_typeof(true), pg_typeof('{}'::jsonb), pg_typeof(NULL), pg_typeof(1.5::float4), pg_typeof('x'::varchar(3));
SELECT pg_typeof(mod(7, 3)), pg_typeof(mod(7.5, 2)), pg_typeof(div(9, 4)), pg_typeof(md5('a')), pg_typeof(to_hex(1)), pg_typeof(json_build_object());
SELECT set_config('my.custom', 'v1', false), current_setting('my.custom');
SELECT set_config('nope', 'v', false);
SELECT set_config('server_version', 'v', false);
-- Arrays in PostgreSQL's text form (src/pgfn/pgfn_array.c, pgfn_arrayop.c; src/xlat/xlat_array.c).
SELECT ARRAY[1, 2, 3], ARRAY['a', 'b c', NULL, '', 'NULL', 'x"y', 'a\b'], ARRAY[true, false], ARRAY[1.5::float8, 0.1::float8];
SELECT ARRAY[1, 2] || 3, 0 || ARRAY[1, 2], ARRAY[1] || ARRAY[2, 3], ARRAY['a'] || 'b'::text;
SELECT array_length(ARRAY[1, 2, 3], 1), array_length(ARRAY[1], 2), array_length('{}'::int[], 1), array_lower(ARRAY[5, 6], 1), array_upper(ARRAY[5, 6], 1), cardinality(ARRAY[1, 2]), cardinality('{}'::int[]), array_ndims(ARRAY[1]);
SELECT array_append(ARRAY[1, 2], 3), array_prepend(0, ARRAY[1]), array_cat(ARRAY[1], ARRAY[2, 3]), array_append(NULL, 1), array_cat(NULL, ARRAY[1]);
SELECT string_to_array('a,b,,c', ','), string_to_array('abc', NULL), string_to_array('', ','), string_to_array('a,b,', ','), string_to_array('a,NA', ',', 'NA'), string_to_array('abc', '');
SELECT array_to_string(ARRAY[1, NULL, 3], ','), array_to_string(ARRAY['a', NULL], '-', '*'), array_position(ARRAY['a', 'b'], 'b');
SELECT 1 = ANY(ARRAY[1, 2]), 3 = ALL(ARRAY[3, 3]), 5 > ALL(ARRAY[1, 2]), 5 < ANY(ARRAY[1, NULL]), 5 < ALL('{}'::int[]), 5 = ANY('{}'::int[]);
SELECT 'ab' LIKE ANY(ARRAY['a%', 'x']), 'ab' NOT LIKE ALL(ARRAY['x%', 'y']), 'AB' ILIKE ANY(ARRAY['a_']), 'x' <> ALL('{a,b}'::text[]), 2 <= ANY('{1,3}'::int[]);
SELECT NULL::int = ANY(ARRAY[1]), 1 = ANY(NULL::int[]), 1 = ANY(ARRAY[NULL, 1]), 2 = ANY(ARRAY[NULL, 1]);
SELECT array_agg(x::int), array_agg(x::int ORDER BY x DESC), array_agg(y ORDER BY x), array_agg(y ORDER BY y NULLS FIRST) FROM (VALUES (1, 'b'), (2, NULL), (3, 'a')) v (x, y);
SELECT string_agg(y, ',' ORDER BY x DESC), json_agg(x ORDER BY y DESC), jsonb_agg(y ORDER BY x) FROM (VALUES (1, 'b'), (2, NULL), (3, 'a')) v (x, y);
SELECT g, array_agg(x::int ORDER BY x) FILTER (WHERE x > 1) FROM (VALUES (1, 'a'), (2, 'a'), (3, 'b')) v (x, g) GROUP BY g ORDER BY g;
SELECT array_agg(x::int) FROM (VALUES (1)) v (x) WHERE false;
-- differs: not implemented yet (0A000): a multidimensional array is not supported
SELECT ARRAY[[1, 2], [3, 4]];
-- Set-returning functions in FROM (src/pgfn/pgfn_srf.c, src/xlat/xlat_srf.c).
-- differs: result type differs: unnest over arrays of different element types reports text columns, and SQLite names a second unnest column unnest:1
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']);
-- differs: result type differs: unnest over arrays of different element types reports text columns
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) WITH ORDINALITY AS t (x, y, n);
SELECT * FROM unnest(ARRAY[1, 2], ARRAY[3, 4, 5]) WITH ORDINALITY AS t (x, y, n);
SELECT x, y FROM unnest('{a,b}'::text[], '{c,NULL,d}'::text[]) AS u (x, y) ORDER BY x NULLS FIRST;
SELECT a, b FROM unnest('{1,2}'::int2[], '{3,4}'::int2[]) AS k (a, b) ORDER BY a DESC;
SELECT * FROM jsonb_array_elements('[1, "a", {"b": [1,  2]}]') AS t;
SELECT * FROM json_array_elements('[1, "a", {"b": [1,  2]}]') WITH ORDINALITY;
SELECT * FROM jsonb_array_elements_text('[1, "a", null, [2]]');
SELECT * FROM json_array_elements_text('[1, "x", [2,  3], null]');
SELECT * FROM jsonb_each('{"b": 1, "a": [2]}');
SELECT key, value FROM json_each_text('{"b": 1, "a": [2,  3], "c": null}');
SELECT * FROM jsonb_each_text('{"b": "x", "a": null}') AS e (k, v);
SELECT * FROM jsonb_object_keys('{"b": 1, "a": 2, "b": 3}') AS t;
SELECT * FROM json_object_keys('{"b": 1, "a": 2}');
SELECT * FROM jsonb_array_elements('{}');
SELECT * FROM jsonb_each('[]');
SELECT * FROM jsonb_object_keys('1');
CREATE TABLE fn_docs (id int PRIMARY KEY, doc jsonb);
INSERT INTO fn_docs VALUES (1, '{"a": [1, 2], "n": "x"}'), (2, '{"a": [3]}');
SELECT d.id, e.value FROM fn_docs d, jsonb_array_elements(d.doc -> 'a') e ORDER BY d.id, e.value;
SELECT d.id, e.key, e.value FROM fn_docs d, jsonb_each_text(d.doc) e ORDER BY 1, 2;
SELECT id, doc ->> 'n', doc -> 'a' -> 0, jsonb_typeof(doc -> 'a') FROM fn_docs ORDER BY id;
SELECT id FROM fn_docs WHERE doc @> '{"a": [3]}' OR doc ? 'n' ORDER BY id;
-- Regular expressions (src/pgfn/pgfn_regex.c) and SIMILAR TO.
SELECT regexp_replace('abc', 'b', 'X'), regexp_replace('aaa', 'a', 'b', 'g'), regexp_replace('Hello', 'l+', '<\&>'), regexp_replace('John Smith', '(\w+) (\w+)', '\2, \1'), regexp_replace('abc', 'x*', '-', 'g');
SELECT regexp_replace('ABC abc', 'b', '_', 'gi'), regexp_replace(NULL, 'a', 'b'), regexp_replace('a1b22', '\d', '#', 'g');
SELECT regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('abc', 'x'), regexp_match('a1b22', '\d+'), regexp_match('ab', '(a)(x)?'), regexp_match('ABC', 'b', 'i');
SELECT regexp_split_to_array('hello world  foo', '\s+'), regexp_split_to_array('abc', ''), regexp_split_to_array('a,b', ','), regexp_split_to_array('', ',');
SELECT regexp_like('ABC', 'b', 'i'), regexp_like('ABC', 'b'), 'ab' ~ '\d', 'a1' ~ '\d', 'a b' ~ '\s', 'ab' ~ '^\w+$';
SELECT regexp_replace('a', '(', 'x');
SELECT regexp_match('a', 'a', 'z');
SELECT 'abc' SIMILAR TO 'abc', 'abc' SIMILAR TO 'a', 'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(a|b)%', 'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c', 'abc' NOT SIMILAR TO '_b_';
SELECT 'a%c' SIMILAR TO 'a!%c' ESCAPE '!', 'abc' SIMILAR TO 'a!%c' ESCAPE '!', 'a^b$' SIMILAR TO 'a^b$', 'aaa' SIMILAR TO 'a{2,3}', 'ab' SIMILAR TO '[a-c]+', NULL SIMILAR TO 'a';
SELECT name FROM (VALUES ('alice'), ('bob'), ('carol')) v (name) WHERE name SIMILAR TO '(a|c)%' ORDER BY name;
SELECT '{"a": {"b": [1, 2]}, "c": 1}'::jsonb #- '{a,b,0}', '[1, 2, 3]'::jsonb #- '{-1}', '{"a": 1}'::jsonb #- '{x,y}', '{"a": 1}'::jsonb #- '{}';
SELECT '1'::jsonb #- '{a}';
SELECT 'hello' ^@ 'hel', '' ^@ '', NULL ^@ 'a';
SELECT round(1234.5, -2), round(1.005, 2), round(1.785, 2), round(-1250, -2), round(-0.5, 0), round(NULL, 1), round(2.5, NULL);
SELECT to_json(ARRAY[1, 2]), to_jsonb(ARRAY['a', NULL]), json_build_object('a', ARRAY[true]), json_build_array(ARRAY[1.5]), to_json('{}'::int[]), to_json('{"x y",z}'::text[]);
SELECT jsonb_build_object('x', array_agg(v::int ORDER BY v DESC)), json_agg(ARRAY[v::int]) FROM (VALUES (1), (2)) t (v);
SELECT format('%s|%s|%L', true, 1e20::float8, false), concat_ws(',', true, 0.1::float8, 1.5), quote_literal(false), quote_nullable(2.5::float8);
CREATE TABLE fn_arr (id int PRIMARY KEY, a int[], b int[]);
INSERT INTO fn_arr VALUES (1, '{1,2}', '{5,6,7}'), (2, '{3}', '{8}');
-- differs: result type differs: the columns of unnest over another FROM item's arrays report text
SELECT id, u.x, y FROM fn_arr, unnest(fn_arr.a, fn_arr.b) u (x, y) ORDER BY 1, 2 NULLS LAST, 3;
SELECT id, u.x::int, y::int FROM fn_arr, unnest(fn_arr.a, fn_arr.b) u (x, y) ORDER BY 1, 2 NULLS LAST, 3;
-- differs: result type differs: the columns of unnest over another FROM item's arrays report text
SELECT idx.id, idx.key, idx.arridx FROM (SELECT * FROM fn_arr i, unnest(i.a, i.b) WITH ORDINALITY koi (key, option, arridx)) idx WHERE idx.key >= 2 OR idx.key IS NULL ORDER BY 1, 3;
SELECT d.id, k FROM fn_docs d, jsonb_object_keys(d.doc) k ORDER BY 1, 2;
SELECT d.id, e.value, e.ordinality FROM fn_docs d, jsonb_array_elements_text(d.doc -> 'a') WITH ORDINALITY e ORDER BY 1, 3;
SELECT c.relname, array_agg(a.attname::text ORDER BY k.n) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid, unnest(i.indkey) WITH ORDINALITY k (attnum, n), pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum AND c.relname LIKE 'fn_%' GROUP BY c.relname ORDER BY 1;
