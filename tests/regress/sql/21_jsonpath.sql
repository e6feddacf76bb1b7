-- SQL/JSON path (PostgreSQL 15's jsonpath): the type's normalized text, its syntax errors,
-- jsonb_path_* in lax and strict modes, vars and silent, @? and @@, the 2203x errors.
SELECT '$.a[*] ? (@ > 1)'::jsonpath;
SELECT '$ + 1'::jsonpath, 'strict $.a.b[1 to last, 2]'::jsonpath, 'lax $'::jsonpath;
SELECT '$."a b".NULL'::jsonpath, '$a.b'::jsonpath, '-1 + -$'::jsonpath, '$[1.5e3]'::jsonpath;
SELECT '$.**{2 to last}'::jsonpath, '$.**'::jsonpath, '$.**{last}'::jsonpath, '$.**{1}'::jsonpath;
SELECT '$ ? (exists(@.a) && !(@.b > 1) || (@ == null) is unknown)'::jsonpath;
SELECT '"\u0041\x42\t"'::jsonpath, '$ ? (@ starts with $x)'::jsonpath;
SELECT '($.a + $.b).c'::jsonpath, '$.a[last - 1]'::jsonpath, '$.a.type()'::jsonpath, '$.TYPE()'::jsonpath;
SELECT '$ ? (@.a like_regex "^x" flag "ism")'::jsonpath, '$ ? (@ like_regex "a.b")'::jsonpath;
SELECT '1 * 2 + 3'::jsonpath, '1 * (2 + 3)'::jsonpath, '-(1 + 2)'::jsonpath, '$.a.size().double()'::jsonpath;
SELECT '$.*'::jsonpath, '$[*].a'::jsonpath, '$.keyvalue().key'::jsonpath, '$.a.abs().floor().ceiling()'::jsonpath;
SELECT '$ ? (@ == true || @ == false || @ != "x")'::jsonpath, '$.g ? (@ <> 1 && @ <= 2 && @ >= 0 && @ % 2 == 1)'::jsonpath;
SELECT '$.datetime()'::jsonpath, '$.datetime("HH24:MI")'::jsonpath;
SELECT '/* c */ $.a'::jsonpath, '$.last'::jsonpath, '1.5'::jsonpath, '.5'::jsonpath, '1.50'::jsonpath;
SELECT ''::jsonpath;
SELECT '$.a['::jsonpath;
SELECT '$ ? (@ > 1'::jsonpath;
SELECT '@'::jsonpath;
SELECT 'last'::jsonpath;
SELECT '$.a b'::jsonpath;
SELECT '1.a'::jsonpath;
SELECT '00'::jsonpath;
SELECT '$ ? (@ like_regex "a" flag "z")'::jsonpath;
SELECT '$ ? (@ like_regex "a" flag "x")'::jsonpath;
SELECT '$ ? (@.a)'::jsonpath;
SELECT '$.a && $.b'::jsonpath;
SELECT pg_typeof('$'::jsonpath);
-- more of the type's text: escapes in keys, numbers an accessor follows, regex checks
select '$.k.*'::jsonpath, '$.*[*].z'::jsonpath, '$[3][*][1].p.q'::jsonpath;
select '$.k.**.z'::jsonpath, '$.k.**{3 to 3}'::jsonpath, '$.k.**{0 to 4}.z'::jsonpath, '$.**{last to 2}'::jsonpath;
select '$*2'::jsonpath, '$-3'::jsonpath, '$-+-2'::jsonpath, '$.k/-+4'::jsonpath, '7 % -2 * 3 - 1 == true'::jsonpath;
select '"\f\b\"\\x\t"'::jsonpath, '"\x41\u0042\u{43}\u{0044}"'::jsonpath, '$.k\u0061\x62\"c'::jsonpath;
select '$.k ? ($.z == 2)'::jsonpath, '$.k ? (@.p == 1 && @.q == 2 || @.r == 3)'::jsonpath;
select '$.k ? (@.p == 1 && !(@.q < 5 || @.r == 6) || @.s == 7)'::jsonpath;
select '$.k ? (@.p >= @[*] ? (@.q > "x"))'::jsonpath, '$.k ? ((@.p > 1 && @.q) is unknown)'::jsonpath;
select '$.k ? (exists (@.p ? (@ != 3)))'::jsonpath, '$.k ? (-@.p <= +-(-@.q - 1))'::jsonpath;
select '$.k[0, 2 to 5, $v]'::jsonpath, '$.k[$i - 1, ($j[*]) to -($[1] + 3)]'::jsonpath, '$.k[$.k.size() - 2]'::jsonpath;
select '"last"'::jsonpath, '$ ? (last == 1)'::jsonpath, '$[$[1] ? (last < 3)]'::jsonpath;
select 'false.type()'::jsonpath, '7.type()'::jsonpath, '(7).size()'::jsonpath, '7.5.abs()'::jsonpath, '"x".type()'::jsonpath;
select '$ ? (@ like_regex "[unclosed")'::jsonpath;
select '$ ? (@ like_regex "p" flag "")'::jsonpath, '$ ? (@ like_regex "p" flag "mmii")'::jsonpath;
select '$ ? (@ like_regex "p" flag "smx")'::jsonpath;
select '$ ? (@ like_regex "p" flag "b")'::jsonpath;
select '$ >= 2'::jsonpath, '($ > 2) && $.k.z != $v'::jsonpath;
select '@ * 2'::jsonpath;
select '($).p.q'::jsonpath, '($.p.q).r'::jsonpath, '($.p - -$.q).r'::jsonpath, '(+-$.p).q'::jsonpath;
select '2 * ($.p * 3).q'::jsonpath, '2 + ($.p < 3).q'::jsonpath, '((($)))'::jsonpath;
select '((($ * 2)).p - ((3)).q ? ((((@ < 2)) && (exists(@.r)))))'::jsonpath;
select '$ ? (@.k > -.5)'::jsonpath, '$ ? (@.k > +2.5e1)'::jsonpath, '$ ? (@.k > -.2e-2)'::jsonpath, '$ ? (@.k > 3.e+1)'::jsonpath;
select '0.00'::jsonpath, '0.0020e2'::jsonpath, '0.0020e-2'::jsonpath, '2.5e0'::jsonpath;
select '7e'::jsonpath;
select '2.5e'::jsonpath;
select '2.5.e'::jsonpath, '(2.5).e'::jsonpath, '3.e2.k'::jsonpath, '3.e2.e2'::jsonpath, '2.5.e2'::jsonpath;
select '3..k'::jsonpath, '3..e1'::jsonpath, '(3.).k'::jsonpath;
select '$ ? (@.k == $"k 2")'::jsonpath, 'strict $.k ? (@ > 1) . z'::jsonpath, '$.k ? (@.m == "\uD83D\uDE03")'::jsonpath;
-- accessors (PostgreSQL's documentation, 9.16.2)
SELECT jsonb_path_query_array('{"a": [1, 2, 3, 4, 5]}', '$.a[*] ? (@ >= $min && @ <= $max)', '{"min": 2, "max": 4}');
SELECT jsonb_path_query_first('{"a": [1, 2, 3, 4, 5]}', '$.a[*] ? (@ > 2)');
SELECT jsonb_path_exists('{"a": [1, 2, 3, 4, 5]}', '$.a[*] ? (@ >= $min && @ <= $max)', '{"min": 2, "max": 4}');
SELECT jsonb_path_match('{"a": [1, 2, 3, 4, 5]}', 'exists($.a[*] ? (@ >= $min && @ <= $max))', '{"min": 2, "max": 4}');
SELECT * FROM jsonb_path_query('{"a": [1, 2, 3, 4, 5]}', '$.a[*] ? (@ >= $min && @ <= $max)', '{"min": 2, "max": 4}');
SELECT jsonb_path_query('{"a": [1, 2, 3, 4, 5]}', '$.a[*] ? (@ >= 2)') AS v, 'x' AS w;
SELECT v FROM jsonb_path_query('[1, "a", null, true, {"b": 2}, [3]]', '$[*].type()') AS v;
SELECT '{"a": [1, 2, 3, 4, 5]}'::jsonb @? '$.a[*] ? (@ > 2)', '{"a": [1, 2, 3, 4, 5]}'::jsonb @@ '$.a[*] > 2';
SELECT '{"a": 1}'::jsonb @@ '$.a', '{"a": 1}'::jsonb @? 'strict $.b', '[1]'::jsonb @@ '$[0] == 1';
SELECT jsonb_path_query_array('{"a": {"b": [1, {"c": 2}], "d": {"c": 3}}}', '$.**'),
       jsonb_path_query_array('{"a": {"b": [1, {"c": 2}], "d": {"c": 3}}}', '$.**.c'),
       jsonb_path_query_array('{"a": {"b": [1, {"c": 2}], "d": {"c": 3}}}', 'lax $.**{2}'),
       jsonb_path_query_array('{"a": {"b": [1, {"c": 2}], "d": {"c": 3}}}', '$.**{1 to 2}'),
       jsonb_path_query_array('{"a": {"b": [1, {"c": 2}], "d": {"c": 3}}}', '$.**{last}');
SELECT jsonb_path_query_array('{"a": {"b": [1, {"c": 2}]}}', 'strict $.**.c'),
       jsonb_path_query_array('{"x": 1, "y": [2, 3], "z": {"w": 4}}', '$.*'),
       jsonb_path_query_array('[1, [2, 3], {"a": 4}]', '$[*]'),
       jsonb_path_query_array('[1, [2, 3], {"a": 4}]', '$[*][*]'),
       jsonb_path_query_array('[1, [2, 3], {"a": 4}]', '$[*].a');
SELECT jsonb_path_query_array('[0, 1, 2, 3, 4, 5]', '$[1 to 3, last, 0]'),
       jsonb_path_query_array('[0, 1, 2, 3, 4, 5]', '$[last - 1 to last]'),
       jsonb_path_query_array('[0, 1, 2, 3, 4, 5]', 'lax $[4 to 10]'),
       jsonb_path_query_array('[0, 1, 2, 3, 4, 5]', '$[2.7]'),
       jsonb_path_query_array('{"a": 1}', 'lax $[0]'),
       jsonb_path_query_array('{"a": 1}', 'lax $[*]'),
       jsonb_path_query_array('{"a": 1}', '$[0].a');
SELECT jsonb_path_query_array('[{"a": 1}, {"a": 2}, {"b": 3}]', 'lax $.a'),
       jsonb_path_query_array('[{"a": 1}, {"a": 2}, {"b": 3}]', '$[*].a'),
       jsonb_path_query_array('{"a": [1, 2]}', 'lax $.a.size()'),
       jsonb_path_query_array('{"a": 1}', 'lax $.a.size()'),
       jsonb_path_query_array('{"a b": 1, "": 2}', '$."a b" + $.""');
-- strict mode's structural errors (22033 and the 2203x family)
SELECT jsonb_path_query('{"a": 1}', 'strict $.b');
SELECT jsonb_path_query('[1]', 'strict $.a');
SELECT jsonb_path_query('1', 'strict $.*');
SELECT jsonb_path_query('1', 'strict $[*]');
SELECT jsonb_path_query('1', 'strict $[0]');
SELECT jsonb_path_query('[1, 2]', 'strict $[5]');
SELECT jsonb_path_query('[1, 2]', 'strict $[1 to 0]');
SELECT jsonb_path_query('[1, 2]', '$["a"]');
SELECT jsonb_path_query('[1, 2]', '$[$x]', '{"x": [1, 2]}');
SELECT jsonb_path_query('1', 'strict $.size()');
SELECT jsonb_path_query('"a"', '$.abs()');
SELECT jsonb_path_query('"a"', '$.keyvalue()');
SELECT jsonb_path_query('[1, 2]', '$ + 1');
SELECT jsonb_path_query('1', '1 + $.a');
SELECT jsonb_path_query('1', '$ / 0');
SELECT jsonb_path_query('"x"', '-$');
SELECT jsonb_path_query('{}', '$ + $x');
SELECT jsonb_path_query('{}', '$', '[1]');
SELECT jsonb_path_query('true', '$.double()');
SELECT jsonb_path_query('"1x"', '$.double()');
SELECT jsonb_path_match('[1, 2]', '$[*]');
SELECT jsonb_path_match('1', '$');
-- silent: errors become no result
SELECT jsonb_path_query_array('{"a": 1}', 'strict $.b', '{}', true),
       jsonb_path_exists('{"a": 1}', 'strict $.b', '{}', true),
       jsonb_path_match('1', '$', '{}', true),
       jsonb_path_query_first('[1, 2]', 'strict $[5]', silent => true),
       jsonb_path_exists('[1]', 'strict $.a', silent => false, vars => '{}') IS NULL AS e;
SELECT * FROM jsonb_path_query('[1, "a", 3]', 'strict $[*] + 1', '{}', true);
SELECT jsonb_path_query_array('[1, "a", 3]', 'lax $[*] ? (@ + 1 > 2)');
-- predicates: three-valued logic, unknown, lax against strict
SELECT jsonb_path_query_array('[1, "a", null, true, [2], {"b": 1}]', '$[*] ? (@ == 1)'),
       jsonb_path_query_array('[1, "a", null, true, [2], {"b": 1}]', '$[*] ? (@ != 1)'),
       jsonb_path_query_array('[1, "a", null, true, [2], {"b": 1}]', '$[*] ? ((@ > 0) is unknown)'),
       jsonb_path_query_array('[1, "a", null, true, [2], {"b": 1}]', '$[*] ? (!(@ > 0))'),
       jsonb_path_query_array('[1, "a", null, true, [2], {"b": 1}]', '$[*] ? (@ == null)');
SELECT jsonb_path_query('[1, "a"]', '$[*] > 0'), jsonb_path_query('[1, "a"]', 'strict $[*] > 0');
SELECT jsonb_path_query('[1, 2]', 'lax $ == 1'), jsonb_path_query('[1, 2]', 'strict $ == 1');
SELECT jsonb_path_query('{"a": [1, 2], "b": [2, 3]}', '$.a == $.b'),
       jsonb_path_query('{"a": [1, 2], "b": [3, 4]}', '$.a == $.b'),
       jsonb_path_query('{"a": "abc", "b": "abd"}', '$.a < $.b'),
       jsonb_path_query('{"a": true}', '$.a > false'),
       jsonb_path_query('1', '$ == "1"');
SELECT jsonb_path_query_array('["abc", "abd", "aBdC", "xabc", 1]', '$[*] ? (@ starts with "ab")'),
       jsonb_path_query_array('["abc", "abd", "aBdC", "xabc", 1]', '$[*] ? (@ like_regex "^ab")'),
       jsonb_path_query_array('["abc", "abd", "aBdC", "xabc", 1]', '$[*] ? (@ like_regex "^ab" flag "i")'),
       jsonb_path_query_array('["a.c", "abc", "line\nab"]', '$[*] ? (@ like_regex "a.c" flag "q")'),
       jsonb_path_query_array('["a.c", "abc", "line\nab"]', '$[*] ? (@ like_regex "^ab" flag "m")'),
       jsonb_path_query_array('{"s": "x", "p": "x"}', '$ ? (@.s starts with $p)', '{"p": "x"}');
SELECT jsonb_path_query_array('{"a": [{"b": 1}, {"c": 2}]}', '$.a[*] ? (exists(@.b))'),
       jsonb_path_query_array('{"a": [{"b": 1}, {"c": 2}]}', 'strict $.a[*] ? (exists(@.b))'),
       jsonb_path_query_array('[1, 2, 3]', '$[*] ? (@ > 1 && @ < 3 || @ == 1)'),
       jsonb_path_query_array('[1, 2, 3]', '$ ? (@[*] > 2)');
-- levels of .**, subscripts that are not integers, exists of an erroring path
SELECT jsonb_path_query_array('{"p": {"q": {"r": 5}}}', 'lax $.**{0}'),
       jsonb_path_query_array('{"p": {"q": {"r": 5}}}', 'lax $.**{0}.r'),
       jsonb_path_query_array('{"p": {"q": {"r": 5}}}', 'lax $.**{2}.r ? (@ > 1)'),
       jsonb_path_query_array('{"p": {"q": {"r": 5}}}', 'lax $.**{3 to last}'),
       jsonb_path_query_array('{"p": {"q": {"r": 5}}}', 'lax $.**{1 to 1}.q');
SELECT jsonb '{"p": {"q": 2}}' @? '$.**{0}.q', jsonb '{"p": {"q": 2}}' @? '$.**{1}.q ? (@ == 2)',
       jsonb '[5]' @? '$[0.7]', jsonb '[5]' @? '$[1.1]', jsonb '[5]' @? 'strict $[1.1]',
       jsonb '[5]' @? 'lax $[20000000000]', jsonb '[5]' @? 'strict $[20000000000]';
SELECT jsonb_path_query('[5]', 'lax $[20000000000]');
SELECT jsonb_path_query('[5]', 'strict $[20000000000]');
SELECT jsonb '["x", 4, 0]' @? '-$[*]', jsonb '[4, "x"]' @? '-$[*]', jsonb '["x", 4]' @? 'strict -$[*]',
       jsonb '[4, 5]' @? '$ ? (-@[*] < -4)', jsonb '[4, 5]' @? '$ ? (+@[*] > 5)';
SELECT jsonb_path_query('[3, 0, 6]', '$[*] ? (6 / @ > 1)');
SELECT jsonb_path_query_array('[3, 0, 6]', '$[*] ? ((6 / @ > 1) is unknown)');
SELECT jsonb_path_query('0', '5 % $');
SELECT jsonb_path_query('{"v": [4]}', 'lax $.v * 2'), jsonb_path_query('{"v": [4, 5]}', 'lax -$.v');
SELECT jsonb_path_query('{"v": [4, 5]}', 'lax $.v * 2');
SELECT jsonb_path_query_array('{"v": [4, 5]}', 'lax $.v * 2', silent => true);
SELECT jsonb_path_query_array('[10, 20, 30]', '$[last ? (@.type() == "number")]'),
       jsonb_path_query_array('[10, 20, 30]', '$[last ? (@.type() == "string")]', silent => true),
       jsonb_path_query_array('[]', '$[last]');
SELECT jsonb_path_query('[]', 'strict $[last]');
SELECT jsonb_path_query_array('{"m": {"p": 1, "q": 1}}', '$.** ? (@.p == @.q)'),
       jsonb_path_query_array('{"m": {"p": 1, "q": 1}}', '$.m ? ($.m.p == @.q)'),
       jsonb_path_query_array('{"m": {"p": 3, "q": 2}}', '$.** ? (@.p == @.q + 1)'),
       jsonb_path_query_array('[{"p": 1}, {"p": 2}]', '$[0 to 1] ? (@.p > 1)');
SELECT jsonb_path_match('[[2, true], [3, false]]', 'strict $[*] ? (@[0] > $n) [1]', '{"n": 2}'),
       jsonb_path_match('[{"p": 1}, 2]', 'lax exists($[*].p)'),
       jsonb_path_match('[{"p": 1}, 2]', 'strict exists($[*].p)', silent => true),
       jsonb '[]' @@ '$[*]', jsonb '3' @@ '$ == "3"', jsonb '{}' @@ '$';
SELECT jsonb_path_query_array('[4, 5, 6]', '($[*] > 4) ? (@ == false)'),
       jsonb_path_query_array('[4, 5, 6]', '($[*].p > 4).type()'),
       jsonb_path_query_array('[4, 5, 6]', 'strict ($[*].p > 4).type()'),
       jsonb_path_query('{"p": 3.5}', '-($.p * 2).floor() % 2.5'),
       jsonb_path_query('{"p": 3}', '($.p - 8).abs() * 2');
SELECT jsonb_path_query_array('[{"k": 1, "m": [2]}, {"n": {"k": "v"}}]', '$[*].keyvalue()'),
       jsonb_path_query_array('[{"k": 1, "m": [2]}, {"n": {"k": "v"}}]', 'lax $.keyvalue().value'),
       jsonb_path_query_array('{"k": 1.25, "m": {"n": 12345.678}, "o": {"p": 0}}', '$.*.keyvalue().id');
SELECT jsonb_path_query('[{"k": 1}]', 'strict $.keyvalue()');
SELECT jsonb_path_query_array('["4.5", " -2e3 ", 7]', '$[*].double()'), jsonb_path_query_array('[]', 'strict $.double()', silent => true);
SELECT jsonb_path_query('"infinity"', '$.double()');
SELECT jsonb_path_query('"nan"', '$.double()');
SELECT jsonb_path_query('"0x10"', '$.double()');
SELECT jsonb_path_query('[]', 'strict $.double()');
SELECT jsonb_path_query('"3"', '$.floor()');
SELECT jsonb_path_query_array('[["x", "xy", 2, null]]', 'lax $ ? (@[*] starts with "x")'),
       jsonb_path_query_array('["xy", "xz", 2]', 'strict $ ? ((@[*] starts with "x") is unknown)'),
       jsonb_path_query_array('["xy", "xz"]', 'strict $ ? (@[*] starts with "x")');
-- arithmetic and item methods
SELECT jsonb_path_query('[1.5, 2]', '$[0] + $[1]'), jsonb_path_query('[1.5, 2]', '$[0] - $[1]'),
       jsonb_path_query('[1.5, 2]', '$[0] * $[1]'), jsonb_path_query('[1.5, 2]', '$[0] / $[1]'),
       jsonb_path_query('[7, 3]', '$[0] % $[1]'), jsonb_path_query('[-7, 3]', '$[0] % $[1]'),
       jsonb_path_query('[7.5, -2]', '$[0] % $[1]'), jsonb_path_query('[10, 3]', '$[0] / $[1]');
SELECT jsonb_path_query_array('[1, -2.5, 3.5]', '$[*].abs()'),
       jsonb_path_query_array('[1, -2.5, 3.5, -0.5]', '$[*].floor()'),
       jsonb_path_query_array('[1, -2.5, 3.5, -0.5]', '$[*].ceiling()'),
       jsonb_path_query_array('[1, -2.5, 3.5]', '-$[*]'),
       jsonb_path_query_array('[1, -2.5, 3.5]', '+$[*]'),
       jsonb_path_query_array('{"a": [1, 2, 3]}', '$.a.size()');
SELECT jsonb_path_query_array('[1, "1.5", "1e2", 0.1, " 2 ", 1.23456789012345678]', '$[*].double()'),
       jsonb_path_query_array('[1, "a", null, true, [2], {"b": 1}]', '$[*].type()'),
       jsonb_path_query_array('[1, [2, 3]]', 'lax $.type()'),
       jsonb_path_query('{"a": 1}', '$.a.type()');
SELECT jsonb_path_query_array('{"a": 1, "b": [1, 2]}', '$.keyvalue()'),
       jsonb_path_query_array('{"x": {"a": 1, "bb": "z"}, "y": 1.5}', '$.x.keyvalue()'),
       jsonb_path_query_array('[{"a": 1}, {"b": 2}]', '$[*].keyvalue().key'),
       jsonb_path_query_array('{}', '$.keyvalue()'),
       jsonb_path_query_array('{"a": {"b": 1}}', '$.keyvalue().value.keyvalue()'),
       jsonb_path_query_array('{}', '$v.keyvalue()', '{"v": {"k": 1}}');
-- .datetime() of ISO 8601 dates, times and timestamps
select jsonb_path_query('"2023-01-02"', '$.datetime()'), jsonb_path_query('"2023-01-02"', '$.datetime().type()');
select jsonb_path_query('"2023-01-02 10:11:12"', '$.datetime()'), jsonb_path_query('"2023-01-02T10:11:12.500"', '$.datetime()');
select jsonb_path_query('"2023-01-02 10:11:12+05"', '$.datetime()'), jsonb_path_query('"2023-01-02 10:11:12-05:30"', '$.datetime().type()');
select jsonb_path_query('"10:11:12"', '$.datetime()'), jsonb_path_query('"10:11:12.123456+01"', '$.datetime()'), jsonb_path_query('"10:11:12+01"', '$.datetime().type()');
select jsonb_path_query_array('["2023-01-02", "2024-03-04", "2022-12-31"]', '$[*].datetime() ? (@ > "2023-01-01".datetime())');
select jsonb_path_query_array('["10:00:00+01", "10:00:00+02", "09:00:00+00"]', '$[*].datetime() ? (@ == "09:00:00+00".datetime())');
select jsonb_path_query_array('["2023-01-02 10:00:00+01", "2023-01-02 09:00:00+00"]', '$[*].datetime() ? (@ == "2023-01-02 10:00:00+01".datetime())');
select jsonb_path_query('"2023-01-02"', '$.datetime() == "2023-01-02"'), jsonb_path_query('"2023-01-02"', '$.datetime() == null'), jsonb_path_query('"2023-01-02"', '$.datetime() != null');
select jsonb_path_query('["2023-01-02", "10:00:00"]', '$[0].datetime() < $[1].datetime()');
select jsonb_path_query('"2023-02-30"', '$.datetime()');
select jsonb_path_query('"2023-01-02 24:00:00"', '$.datetime()');
select jsonb_path_query('"2023-02-30"', '$.datetime()', silent => true);
select jsonb_path_query('1', '$.datetime()');
select jsonb_path_query('1', '$.datetime()', silent => true);
select jsonb_path_query('"2023-01-02"', '$.datetime().datetime()');
select jsonb_path_query('"2023-01-02"', '$.datetime().double()');
select jsonb_path_query('"2023-01-02"', '$.datetime() starts with "2023"'), jsonb_path_query('"2023-01-02"', '$.datetime() like_regex "2023"');
select jsonb_path_query_array('["2024-02-29", "2023-12-31 23:59:59.999999"]', '$.datetime()'), jsonb_path_query('"2023-01-02"', '$.datetime().size()');
select jsonb_path_query('"2023-01-02"', 'strict $.datetime().size()');
select jsonb_path_exists('["2023-01-02"]', '$[*] ? (@.datetime() < "2024-01-01".datetime())');
select jsonb_path_query('"12:34:56.5+05:30"', '$.datetime()');
select jsonb_path_query('"10:00:00-00"', '$.datetime()'), jsonb_path_query('"10:00:00+15:59"', '$.datetime()'), jsonb_path_query('"9999-12-31 23:59:59"', '$.datetime()');
select jsonb_path_query('"23:59:60"', '$.datetime()');
select jsonb_path_query('"10:00:00+16"', '$.datetime()');
select jsonb_path_query('"2023-01-02 10:11:12.1234567"', '$.datetime()');
SELECT jsonb_path_query('"2023-1-2"', '$.datetime()');
SELECT jsonb_path_query('"02.01.2023"', '$.datetime("dd.mm.yyyy")');
-- differs: comparing a date with a timestamp (a cast) is refused with 0A000
SELECT jsonb_path_query('["2023-01-02", "2023-01-02 10:00:00"]', '$[0].datetime() < $[1].datetime()');
SELECT jsonb_path_query('{"a": 1}', '$ ? (@.a == 1).a + 2'), jsonb_path_query('{"a": 1}', '($.a + 2) * 3');
SELECT jsonb_path_query('{"a": [1, 2]}', '$.a[*] ? (@ == $x)', '{"x": 2}'),
       jsonb_path_query('{"a": 2}', '$x', '{"x": {"y": 1}}'), jsonb_path_query('{}', '"s"'), jsonb_path_query('{}', 'null');
-- no implicit cast from text to jsonpath or from json to jsonb; set-returning in WHERE
SELECT jsonb_path_exists('{"a": 1}', '$.a'::text);
SELECT jsonb_path_exists('{"a": 1}'::json, '$.a');
SELECT '{}'::jsonb @? '$'::text;
SELECT 1 WHERE jsonb_path_query('[1, 2]', '$[*]') = '1';
SELECT jsonb_path_query('[1, 2]', '$[*]')::text;
SELECT '$.a'::jsonpath::text, '$.a'::text::jsonpath, jsonb_path_query_first('[{"a": "x"}]', '$[0].a') ->> 0;
SELECT jsonb_path_query_first('{"x": 1e-3}', '$.x * 1000'), jsonb_path_query_first('{"x": 1}', '$.x * 1.5e1');
SELECT jsonb_path_query('[1, 2]', '$[*]'), jsonb_path_query('[1, 2, 3]', '$[*] ? (@ > 1)');
-- _tz forms, NULL arguments, a table's column
SELECT jsonb_path_exists_tz('[1]', '$[0]'), jsonb_path_match_tz('[1]', '$[0] == 1'),
       jsonb_path_query_array_tz('[1]', '$[0]'), jsonb_path_query_first_tz('[1]', '$[0]');
SELECT jsonb_path_query_array(NULL, '$'), jsonb_path_exists('{}', NULL), jsonb_path_query_first('{}', '$', NULL);
CREATE TABLE jp_docs (id int, doc jsonb);
INSERT INTO jp_docs VALUES (1, '{"tags": ["a", "b"], "n": 3}'), (2, '{"tags": ["c"], "n": 7}'), (3, '{"n": "x"}');
SELECT id FROM jp_docs WHERE doc @? '$.tags[*] ? (@ == "c")' ORDER BY id;
SELECT id, jsonb_path_query_first(doc, '$.n + 1', '{}', true) AS n1 FROM jp_docs ORDER BY id;
SELECT id FROM jp_docs WHERE doc @@ '$.n > 2' ORDER BY id;
SELECT d.id, t FROM jp_docs d, jsonb_path_query(d.doc, '$.tags[*]') AS t ORDER BY d.id, t;
SELECT id, jsonb_path_query(doc, '$.tags[*]') FROM jp_docs ORDER BY id;
DROP TABLE jp_docs;
CREATE TABLE jp_paths (id int, p jsonpath);
INSERT INTO jp_paths VALUES (1, '$.a ? (@ > 1)'), (2, 'strict $.b');
SELECT id, p FROM jp_paths ORDER BY id;
SELECT id, jsonb_path_query_array('{"a": [1, 2, 3]}', p, '{}', true) FROM jp_paths ORDER BY id;
INSERT INTO jp_paths VALUES (3, '$.a[');
UPDATE jp_paths SET p = '$.c' WHERE id = 2 RETURNING p;
SELECT p FROM jp_paths WHERE id = 2;
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid FROM pg_attribute a
WHERE a.attrelid = 'jp_paths'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'jp_paths' ORDER BY ordinal_position;
DROP TABLE jp_paths;
-- parameters typed jsonb and jsonpath
PREPARE jp_q(jsonb, jsonpath) AS SELECT jsonb_path_query_array($1, $2);
EXECUTE jp_q('[1, 2]', '$[*] ? (@ > 1)');
EXECUTE jp_q('[1, 2]', '$[');
PREPARE jp_e AS SELECT jsonb_path_exists($1, $2, '{}', $3);
EXECUTE jp_e('[1, 2]', 'strict $[5]', true);
DEALLOCATE jp_q;
DEALLOCATE jp_e;
