-- Probe (PostgreSQL 15 regression files): json as PostgreSQL's json.sql and json_encoding.sql test it: input, to_json/row_to_json/
-- json_agg/json_build_*, operators, json_each/json_array_elements/json_to_record,
-- \u escapes (surrogate pairs, \u0000).
SELECT '""'::json;
SELECT $$''$$::json;
SELECT '"abc"'::json;
SELECT '"abc'::json;
SELECT '"abc
def"'::json;
SELECT '"\n\"\\"'::json;
SELECT '"\v"'::json;
SELECT '1'::json;
SELECT '0'::json;
SELECT '01'::json;
SELECT '0.1'::json;
SELECT '9223372036854775808'::json;
SELECT '1e100'::json;
SELECT '1.3e100'::json;
SELECT '1f2'::json;
SELECT '0.x1'::json;
SELECT '1.3ex100'::json;
SELECT '[]'::json;
SELECT '[1,2]'::json;
SELECT '[1,2,]'::json;
SELECT '[1,2'::json;
SELECT '[1,[2]'::json;
SELECT '{}'::json;
SELECT '{"abc"}'::json;
SELECT '{"abc":1}'::json;
SELECT '{1:"abc"}'::json;
SELECT '{"abc",1}'::json;
SELECT '{"abc"=1}'::json;
SELECT '{"abc"::1}'::json;
SELECT '{"abc":1,"def":2,"ghi":[3,4],"hij":{"klm":5,"nop":[6]}}'::json;
SELECT '{"abc":1:2}'::json;
SELECT '{"abc":1,3}'::json;
SELECT 'true'::json;
SELECT 'false'::json;
SELECT 'null'::json;
SELECT ' true '::json;
SELECT 'true false'::json;
SELECT 'true, false'::json;
SELECT 'truf'::json;
SELECT 'trues'::json;
SELECT ''::json;
SELECT '    '::json;
SELECT '{ "a":  1, "b" : 2 }'::json, '{"a":1,"a":2}'::json;
SELECT array_to_json(array(select 1 as a));
-- differs: array_agg of a subquery's row (array_agg(q)) is 42703
SELECT array_to_json(array_agg(q),false) from (select x as b, x * 2 as c from generate_series(1,3) x) q;
-- differs: array_to_json(..., true) is 0A000
SELECT array_to_json(array_agg(q),true) from (select x as b, x * 2 as c from generate_series(1,3) x) q;
SELECT array_to_json('{{1,5},{99,100}}'::int[]);
SELECT row_to_json(row(1,'foo'));
-- differs: a whole-row reference in ROW() is 0A000
SELECT row_to_json(q) FROM (SELECT $$a$$ || x AS b, y AS c, ARRAY[ROW(x.*,ARRAY[1,2,3]), ROW(y.*,ARRAY[4,5,6])] AS z FROM generate_series(1,2) x, generate_series(4,5) y) q;
-- differs: row_to_json(q, true) is 42883
SELECT row_to_json(q,true) FROM (SELECT x AS b, 'z' AS c FROM generate_series(1,2) x) q;
SELECT to_json(1), to_json('abc'::text), to_json(1.50), to_json(true), to_json(NULL::text), to_json('a"b'::text), to_json(array[1,2]), to_json('inf'::float8), to_json('nan'::numeric), to_json(1e100::float8), to_json(0.1::float4);
SELECT to_json(timestamp '2014-05-28 12:22:35.614298');
SELECT to_json(date '2014-05-28'), to_json(date 'Infinity'), to_json(timestamp 'Infinity');
SELECT json_agg(q) FROM (SELECT x AS a, 'b' || x AS b FROM generate_series(1,3) x) q;
SELECT json_agg(x ORDER BY x DESC), json_agg(NULL::int) FROM generate_series(1,3) x;
SELECT json_object_agg(k, v) FROM (VALUES ('a', 1), ('b', NULL), ('a', 3)) t(k, v);
SELECT json_object_agg(k, v) FROM (VALUES (NULL, 1)) t(k, v);
SELECT json_build_array('a',1,'b',1.2,'c',true,'d',null,'e',json '{"x": 3, "y": [1,2,3]}');
SELECT json_build_object('a',1,'b',1.2,'c',true,'d',null,'e',json '{"x": 3, "y": [1,2,3]}');
SELECT json_build_object('{a,b,c}'::text[]);
SELECT json_build_object('a', 'b', 'c');
SELECT json_build_object(NULL, 'a');
SELECT json_build_object(1,2);
SELECT json_build_array(), json_build_object();
SELECT json_object('{a,1,b,2,3,NULL,"d e f","a b c"}');
SELECT json_object('{a,b,c}');
SELECT json_object('{{a,1},{b,2}}');
SELECT json_object('{a,b}', '{1,2}');
SELECT json_object('{a,b}', '{1}');
SELECT '{"a":1,"b":[1,2,{"c":"x"}]}'::json -> 'b', '{"a":1}'::json -> 'x', '[1,2,3]'::json -> 2, '[1,2,3]'::json -> -1, '[1,2,3]'::json -> 5, '{"a":"x"}'::json ->> 'a', '[1,"2"]'::json ->> 1, '{"a":null}'::json ->> 'a', '{"a":null}'::json -> 'a';
SELECT '{"a":{"b":[1,2]}}'::json #> '{a,b,1}', '{"a":{"b":[1,2]}}'::json #>> '{a,b}', '{"a":{"b":[1,2]}}'::json #> '{}', '{"a":{"b":[1,2]}}'::json #> '{a,x}', '"abc"'::json -> 0, '"abc"'::json ->> 'a';
SELECT json_array_length('[1,2,3,{"f1":1,"f2":[5,6]},4]'), json_array_length('[]');
SELECT json_array_length('{"f1":1}');
SELECT json_typeof('1'), json_typeof('"x"'), json_typeof('null'), json_typeof('[]'), json_typeof('{}'), json_typeof('true'), json_typeof(NULL);
SELECT * FROM json_each('{"f1":[1,2,3],"f2":{"f3":1},"f4":null,"f5":99,"f6":"stringy"}') q;
SELECT * FROM json_each_text('{"f1":[1,2,3],"f2":{"f3":1},"f4":null,"f5":"null","f6":"stringy"}') q;
SELECT json_object_keys('{"a":1,"b":2,"a":3}');
SELECT json_object_keys('[1]');
SELECT * FROM json_array_elements('[1,true,[1,[2,3]],null,{"f1":1,"f2":[7,8,9]},false,"stringy"]') q;
SELECT * FROM json_array_elements_text('[1,true,[1,[2,3]],null,{"f1":1,"f2":[7,8,9]},false,"stringy"]') q;
-- differs: json_array_elements in a select list is 0A000
SELECT json_array_elements('{"a":1}');
SELECT json_extract_path('{"f2":{"f3":1},"f4":{"f5":99,"f6":"stringy"}}','f4','f6'), json_extract_path_text('{"f2":{"f3":1},"f4":{"f5":99,"f6":"stringy"}}','f4','f6'), json_extract_path('{"f2":["f3",1]}','f2','0');
-- differs: json_strip_nulls is missing (42883)
SELECT json_strip_nulls('{"a":1,"b":null,"c":[2,null,3],"d":{"e":null}}'), json_strip_nulls('null');
-- differs: json_populate_record is missing (42883)
SELECT json_populate_record(null::record, '{"x":1}');
CREATE TYPE jpop AS (a text, b int, c timestamp);
-- differs: json_populate_record(set) is missing (42883)
SELECT * FROM json_populate_recordset(null::jpop, '[{"a":"blurfl","x":43.2},{"b":3,"c":"2012-01-20 10:42:53"}]') q;
SELECT * FROM json_to_record('{"a":1,"b":"foo","c":"bar"}') as x(a int, b text, d text);
SELECT * FROM json_to_recordset('[{"a":1,"b":"foo","d":false},{"a":2,"b":"bar","c":true}]') as x(a int, b text, c boolean);
SELECT * FROM json_to_record('{"a":"x"}') as x(a int);
SELECT '{"a":1}'::json::text, '[1, 2]'::json::jsonb::text, '{"b":1, "a":2}'::jsonb::json, '1.50'::json::text, '  [1 , 2]  '::json::text;
-- differs: json = json is compared as text (PostgreSQL 42883)
SELECT '{"a":1}'::json = '{"a":1}'::json;
SELECT json_agg(x) FROM (VALUES (1.0::float8), (1e20::float8)) v(x);
SELECT to_json('2014-05-28 12:22:35.614298-04'::timestamptz), to_json(interval '1 day'), to_json('\x01'::bytea), to_json(ARRAY['a', NULL]), to_json(row(1, 'x'));
SELECT json '{"a":"\u00e9"}' ->> 'a', json '"\ud83d\ude00"' #>> '{}', json '"\u0000"';
SELECT json '"\u0000"' ->> 0;
SELECT '"\u0000"'::json #>> '{}';
SELECT '"\u"'::json;
SELECT '"\u00"'::json;
SELECT '"\u000g"'::json;
SELECT '"\u0045"'::json, '"\u00e9"'::json, '"\ud83d\ude04\ud83d\udc36"'::json;
SELECT '"\ud83d\ud83d"'::json;
SELECT '"\ude04\ud83d"'::json;
SELECT '"\ud83dX"'::json;
SELECT '"\ude04X"'::json;
SELECT '"the Copyright \u00a9 sign"'::json ->> 0;
SELECT '["\u00e9", "\u0041"]'::json ->> 0;
SELECT '{"a":"dollar \u0024 character"}'::json ->> 'a';
SELECT '{"a":"dollar \\u0024 character"}'::json ->> 'a';
SELECT '{"a":"null \\u0000 escape"}'::json ->> 'a';
SELECT '"\ud83d\ude04\ud83d\udc36"'::jsonb, '"\u00e9"'::jsonb;
SELECT '"\u0000"'::jsonb;
SELECT '"\ud83d\ud83d"'::jsonb;
