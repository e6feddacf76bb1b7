/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_jsonpath.c: the jsonpath type's normalized text and errors (pgfn_jsonpath_in) and
 * the evaluator (pgfn_jsonb_path(target, path, vars, silent, fn, nargs); fn 0 exists, 1 match,
 * 2 query_array, 3 query_first, 4 the rows as jsonb[]), table-driven: expression → text or
 * error. Expected values are what PostgreSQL 15 prints for the same call. */
#include "pgfn_test.h"

#define Q(path) \
	"pgfn_jsonb_path('{\"a\": [1, 2, {\"b\": 3}], \"c\": \"x\"}', '" path "', '{}', 0, 2, 2)"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_jsonpath_in('$.a[*] ? (@ > 1)')", "$.\"a\"[*]?(@ > 1)"},
	{"pgfn_jsonpath_in('strict $.a.b[1 to last, 2]')", "strict $.\"a\".\"b\"[1 to last,2]"},
	{"pgfn_jsonpath_in('lax $ + 1')", "($ + 1)"},
	{"pgfn_jsonpath_in('-1 + -$')", "(-1 + -$)"},
	{"pgfn_jsonpath_in('- -1.50')", "1.50"},
	{"pgfn_jsonpath_in('$[1.5e3]')", "$[1500]"},
	{"pgfn_jsonpath_in('1 * (2 + 3)')", "(1 * (2 + 3))"},
	{"pgfn_jsonpath_in('($.a + $.b).c')", "($.\"a\" + $.\"b\").\"c\""},
	{"pgfn_jsonpath_in('$.**{2 to last}.TYPE()')", "$.**{2 to last}.type()"},
	{"pgfn_jsonpath_in('$.size')", "$.\"size\""},
	{"pgfn_jsonpath_in('$ ? (exists(@.a) && !(@.b > 1) || (@ == null) is unknown)')",
	 "$?(exists (@.\"a\") && !(@.\"b\" > 1) || (@ == null) is unknown)"},
	{"pgfn_jsonpath_in('$ ? (@ like_regex \"^x\" flag \"mis\")')",
	 "$?(@ like_regex \"^x\" flag \"ism\")"},
	{"pgfn_jsonpath_in('\"\\u0041\\x42\\t\" /* c */')", "\"AB\\t\""},
	{"pgfn_jsonpath_in('$var.x')", "$\"var\".\"x\""},
	{"pgfn_jsonpath_in('')", "ERROR 22P02: invalid input syntax for type jsonpath: \"\""},
	{"pgfn_jsonpath_in('$.a[')", "ERROR 42601: syntax error at end of jsonpath input"},
	{"pgfn_jsonpath_in('$ $')", "ERROR 42601: syntax error at or near \"$\" of jsonpath input"},
	{"pgfn_jsonpath_in('@')", "ERROR 42601: @ is not allowed in root expressions"},
	{"pgfn_jsonpath_in('last')", "ERROR 42601: LAST is allowed only in array subscripts"},
	{"pgfn_jsonpath_in('1.a')",
	 "ERROR 42601: trailing junk after numeric literal at or near \"1.a\" of jsonpath input"},
	{"pgfn_jsonpath_in('$ ? (@ like_regex \"a\" flag \"x\")')",
	 "ERROR 0A000: XQuery \"x\" flag (expanded regular expressions) is not implemented"},
	{"pgfn_jsonpath_in('$ ? (@.a)')",
	 "ERROR 42601: syntax error at or near \")\" of jsonpath input"},
	{Q("$.a[*]"), "[1, 2, {\"b\": 3}]"},
	{Q("$.a[*].b"), "[3]"},
	{Q("strict $.a[*].b"),
	 "ERROR 2203A: jsonpath member accessor can only be applied to an object"},
	{Q("$.a[last]"), "[{\"b\": 3}]"},
	{Q("$.a[0 to 1] * 2"), "ERROR 22038: left operand of jsonpath operator * is not a single "
			       "numeric value"},
	{Q("$.a[0 to 1] ? (@ * 2 > 2)"), "[2]"},
	{Q("$.**"),
	 "[{\"a\": [1, 2, {\"b\": 3}], \"c\": \"x\"}, [1, 2, {\"b\": 3}], 1, 2, {\"b\": 3}, 3, \"x\"]"},
	{Q("$.**{2}"), "[1, 2, {\"b\": 3}]"},
	{Q("$.c starts with \"x\""), "[true]"},
	{Q("$.c > 1"), "[null]"},
	{Q("$.keyvalue()"),
	 "[{\"id\": 0, \"key\": \"a\", \"value\": [1, 2, {\"b\": 3}]}, {\"id\": 0, \"key\": \"c\", \"value\": \"x\"}]"},
	{Q("$.a[2].keyvalue().id"), "[56]"},
	{Q("$.a.size() + 7 % 4 - 2.5 / 2"), "[4.75000000000000000000]"},
	{Q("$.a[1].double()"), "[2]"},
	{Q("$.c.double()"), "ERROR 22036: string argument of jsonpath item method .double() is not "
			    "a valid representation of a double precision number"},
	{Q("$x"), "ERROR 42704: could not find jsonpath variable \"x\""},
	{Q("$.a[0] / 0"), "ERROR 22012: division by zero"},
	{Q("$.datetime()"),
	 "ERROR 22031: jsonpath item method .datetime() can only be applied to a string"},
	{Q("$.c.datetime()"), "ERROR 22031: datetime format is not recognized: \"x\""},
	{Q("$.c.datetime(\"HH24\")"), "ERROR 22007: invalid value \"x\" for \"HH24\""},
	{"pgfn_jsonb_path('[\"2023-01-02 10:11:12.5-05:30\", \"10:11:12\"]', "
	 "'$[*].datetime()', '{}', 0, 2, 2)",
	 "[\"2023-01-02T10:11:12.5-05:30\", \"10:11:12\"]"},
	{"pgfn_jsonb_path('[\"2023-01-02\"]', '$[0].datetime().type()', '{}', 0, 2, 2)",
	 "[\"date\"]"},
	{"pgfn_jsonb_path('\"2023-02-29\"', '$.datetime()', '{}', 0, 2, 2)",
	 "ERROR 22031: datetime format is not recognized: \"2023-02-29\""},
	{"pgfn_jsonb_path('[1, 2]', '$[*] ? (@ > $m)', '{\"m\": 1}', 0, 2, 3)", "[2]"},
	{"pgfn_jsonb_path('[1, 2]', '$', '[1]', 0, 2, 3)",
	 "ERROR 22023: \"vars\" argument is not an object"},
	{"pgfn_jsonb_path('[1, 2]', 'strict $[5]', '{}', 1, 2, 4)", "[]"},
	{"pgfn_jsonb_path('[1, 2]', 'strict $[5]', '{}', 1, 0, 4)", "NULL"},
	{"pgfn_jsonb_path('[1, 2]', 'strict $[5]', '{}', 0, 0, 2)",
	 "ERROR 22033: jsonpath array subscript is out of bounds"},
	{"pgfn_jsonb_path('[1, 2]', '$[*] == 2', '{}', 0, 1, 2)", "1"},
	{"pgfn_jsonb_path('[1, 2]', '$[*]', '{}', 0, 1, 2)",
	 "ERROR 22038: single boolean result is expected"},
	{"pgfn_jsonb_path('[1, 2]', '$[*]', '{}', 1, 1, 4)", "NULL"},
	{"pgfn_jsonb_path('[1, \"a\"]', '$[*]', '{}', 0, 3, 2)", "1"},
	{"pgfn_jsonb_path('[1, \"a\"]', '$[*]', '{}', 0, 4, 2)", "{1,\"\\\"a\\\"\"}"},
	{"pgfn_jsonb_path(NULL, '$', '{}', 0, 2, 2)", "NULL"},
};

START_TEST(jsonpath_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_jsonpath_suite(void)
{
	Suite *s = suite_create("pgfn_jsonpath");
	TCase *tc = tcase_create("jsonpath");
	tcase_add_loop_test(tc, jsonpath_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
