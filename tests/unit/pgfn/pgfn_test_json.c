/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_json.c: json and jsonb functions, table-driven: expression → text or error.
 * Expected values are what PostgreSQL 15 prints for the same call. */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_jsonb_in('{\"b\":1, \"a\":[1,2], \"b\":3, \"aa\":1e2}')",
	 "{\"a\": [1, 2], \"b\": 3, \"aa\": 100}"},
	{"pgfn_jsonb_in('[-0.0, 1.50E-3, 0.1e1, 12e-1, 5]')", "[0.0, 0.00150, 1, 1.2, 5]"},
	{"pgfn_jsonb_in('\"\\u00e9\\t\\u0001\"')", "\"é\\t\\u0001\""},
	{"pgfn_jsonb_in('\"\\ud83d\\ude00\"')", "\"😀\""},
	{"pgfn_jsonb_in('\"\\u0000\"')", "ERROR 22P05: unsupported Unicode escape sequence"},
	{"pgfn_json_in(' {\"b\":1,  \"a\":2} ')", " {\"b\":1,  \"a\":2} "},
	{"pgfn_json_in('{\"a\" 1}')", "ERROR 22P02: invalid input syntax for type json"},
	{"pgfn_json_in('[1,]')", "ERROR 22P02: invalid input syntax for type json"},
	{"pgfn_json_in('01')", "ERROR 22P02: invalid input syntax for type json"},
	{"pgfn_json_in('[1] x')", "ERROR 22P02: invalid input syntax for type json"},
	{"pgfn_json_in(printf('%.*c', 2000, '['))", "ERROR 54001: stack depth limit exceeded"},
	{"pgfn_json_build_object('a', 1, 'b', 1, 'c', NULL, 'd', '[1]', 'tntbt.tj')",
	 "{\"a\" : 1, \"b\" : true, \"c\" : null, \"d\" : [1]}"},
	{"pgfn_jsonb_build_object('b', 1, 'a', 'x', 'tntt')", "{\"a\": \"x\", \"b\": 1}"},
	{"pgfn_json_build_object('a', '')", "ERROR 22023: argument list must have even number of "
					    "elements"},
	{"pgfn_json_build_object(NULL, 1, 'tn')", "ERROR 22023: argument 1: key must not be null"},
	{"pgfn_json_build_object('{a}', 1, 'Sn')",
	 "ERROR 22023: key value must be scalar, not array, composite, or json"},
	{"pgfn_to_json('{{1,5},{99,NULL}}', 'A')", "[[1,5],[99,null]]"},
	{"pgfn_to_json('[0:1]={a,b}', 'S')", "[\"a\",\"b\"]"},
	{"pgfn_json_build_array(1, 'x', x'6869', 2.5, 'ntxn')", "[1, \"x\", \"\\\\x6869\", 2.5]"},
	{"pgfn_to_json('2024-01-01 10:00:00+00', 'Z')", "\"2024-01-01T10:00:00+00:00\""},
	{"pgfn_to_json('2024-01-01 10:00:00', 'T')", "\"2024-01-01T10:00:00\""},
	{"pgfn_to_json(1e300 * 1e300, 'f')", "\"Infinity\""},
	{"pgfn_to_json(0.1, 'f')", "0.1"},
	/* numbers as text (pgfn_text_out): as written; NaN and the infinities are strings */
	{"pgfn_to_json('1.50', 'n')", "1.50"},
	{"pgfn_to_json('-0.50', 'n')", "-0.50"},
	{"pgfn_to_json('3.4e+38', 'f')", "3.4e+38"},
	{"pgfn_to_json('NaN', 'n')", "\"NaN\""},
	{"pgfn_to_json('NaN', 'f')", "\"NaN\""},
	{"pgfn_to_json('-Infinity', 'f')", "\"-Infinity\""},
	{"pgfn_to_json('Infinity', 'f')", "\"Infinity\""},
	{"pgfn_to_json('{1,NULL}', 'A')", "[1,null]"},
	{"pgfn_to_json('{t,f}', 'B')", "[true,false]"},
	{"pgfn_to_json('{\"a b\",c}', 'S')", "[\"a b\",\"c\"]"},
	{"pgfn_to_json('not an array', 'S')", "\"not an array\""},
	{"pgfn_json_get('{\"a\": {\"b\":  2}}', 'a', 0)", "{\"b\":  2}"},
	{"pgfn_json_get('{\"a\": {\"b\":  2}}', 'a', 2)", "{\"b\": 2}"},
	{"pgfn_json_get('[1, \"x\"]', -1, 1)", "x"},
	{"pgfn_json_get('[1, \"x\"]', 2, 1)", "NULL"},
	{"pgfn_json_get('{\"a\": null}', 'a', 1)", "NULL"},
	{"pgfn_json_get('{\"a\": null}', 'a', 0)", "null"},
	{"pgfn_json_get('5', 0, 2)", "5"},
	{"pgfn_json_path('{\"a\": [10, {\"b\": 2}]}', '{a,1,b}', 1)", "2"},
	{"pgfn_json_path('{\"a\": [10]}', '{a,x}', 1)", "NULL"},
	{"pgfn_json_path('{\"a\": 1}', 'a', 1)", "ERROR 22P02: malformed array literal: \"a\""},
	{"pgfn_jsonb_contains('{\"a\": [1, 2], \"b\": 1}', '{\"a\": [2]}')", "1"},
	{"pgfn_jsonb_contains('[1, 2]', '1')", "1"},
	{"pgfn_jsonb_contains('[[1, 2]]', '[1]')", "0"},
	{"pgfn_jsonb_contains('{\"a\": 1.0}', '{\"a\": 1}')", "1"},
	{"pgfn_jsonb_exists('[\"a\", 1]', 'a', 0)", "1"},
	{"pgfn_jsonb_exists('{\"a\": 1}', '{b,a}', 1)", "1"},
	{"pgfn_jsonb_exists('{\"a\": 1}', '{b,a}', 2)", "0"},
	{"pgfn_jsonb_concat('{\"a\": 1}', '{\"a\": 2, \"b\": 3}')", "{\"a\": 2, \"b\": 3}"},
	{"pgfn_jsonb_concat('1', '[2]')", "[1, 2]"},
	{"pgfn_jsonb_delete('[1, 2, 3]', -1)", "[1, 2]"},
	{"pgfn_jsonb_delete('{\"a\": 1}', 0)",
	 "ERROR 22023: cannot delete from object using integer index"},
	{"pgfn_jsonb_set('{\"a\": [1, 2]}', '{a,-1}', '\"x\"', 1)", "{\"a\": [1, \"x\"]}"},
	{"pgfn_jsonb_set('[1]', '{9}', '2', 1)", "[1, 2]"},
	{"pgfn_jsonb_set('[1]', '{-9}', '0', 1)", "[0, 1]"},
	{"pgfn_jsonb_set('[1]', '{9}', '2', 0)", "[1]"},
	{"pgfn_jsonb_set('[1]', '{x}', '2', 1)",
	 "ERROR 22P02: path element at position 1 is not an integer: \"x\""},
	{"pgfn_jsonb_insert('{\"a\": [1, 2]}', '{a,0}', '0', 0)", "{\"a\": [0, 1, 2]}"},
	{"pgfn_jsonb_insert('{\"a\": [1, 2]}', '{a,-1}', '3', 1)", "{\"a\": [1, 2, 3]}"},
	{"pgfn_jsonb_insert('{\"a\": 1}', '{a}', '2', 0)",
	 "ERROR 22023: cannot replace existing key"},
	{"pgfn_json_typeof('[]')", "array"},
	{"pgfn_json_array_length('\"x\"')", "ERROR 22023: cannot get array length of a scalar"},
	{"pgfn_jsonb_strip_nulls('[null, {\"a\": null}]')", "[null, {}]"},
	{"pgfn_json_strip_nulls('[ null , {\"a\" : null, \"b\" : 1.50e2, \"b\": \"x\\\" \"} ]')",
	 "[null,{\"b\":1.50e2,\"b\":\"x\\\" \"}]"},
	{"pgfn_json_strip_nulls('{\"a\":')", "ERROR 22P02: invalid input syntax for type json"},
	{"pgfn_jsonb_pretty('{\"a\": [1]}')", "{\n    \"a\": [\n        1\n    ]\n}"},
	{"(SELECT pgfn_json_agg(x, 'n') FROM (SELECT 1 AS x UNION ALL SELECT NULL))", "[1, null]"},
	{"(SELECT pgfn_jsonb_object_agg(k, 1, 'n') FROM (SELECT 'b' AS k UNION ALL SELECT 'a'))",
	 "{\"a\": 1, \"b\": 1}"},
	{"(SELECT pgfn_json_object_agg(k, 1, 'n') FROM (SELECT 'b' AS k UNION ALL SELECT 'a'))",
	 "{ \"b\" : 1, \"a\" : 1 }"},
	{"(SELECT pgfn_json_agg(1, 'n') WHERE 0)", "NULL"},
};

START_TEST(json_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_json_suite(void)
{
	Suite *s = suite_create("pgfn_json");
	TCase *tc = tcase_create("json");
	tcase_add_loop_test(tc, json_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
