/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_array.c: arrays in text form, ANY/ALL comparisons and ordered aggregates,
 * table-driven: expression → text or error. Expected values are PostgreSQL 15's. */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_array(1, 'a b', NULL, '', 'NULL', 'x\"y', 'a\\b', '.......')",
	 "{1,\"a b\",NULL,\"\",\"NULL\",\"x\\\"y\",\"a\\\\b\"}"},
	{"pgfn_array(1, 0, 1.5, 'bbf')", "{t,f,1.5}"},
	{"pgfn_array('')", "{}"},
	{"pgfn_array_dim('{1,2,3}', 1, 0)", "3"},
	{"pgfn_array_dim('{1,2,3}', 2, 0)", "NULL"},
	{"pgfn_array_dim('{}', 1, 3)", "0"},
	{"pgfn_array_dim(' { a , \"b\" } ', 1, 3)", "2"},
	{"pgfn_array_dim('1 2 3', 1, 3)", "3"},
	/* generate_subscripts' arrays: an int2vector counts from 0 */
	{"pgfn_array_subscripts('{a,b,c}', 1)", "{1,2,3}"},
	{"pgfn_array_subscripts('{{1,2},{3,4},{5,6}}', 2)", "{1,2}"},
	{"pgfn_array_subscripts('{1,2}', 2)", "NULL"},
	{"pgfn_array_subscripts('{}', 1)", "NULL"},
	{"pgfn_array_subscripts('1 2', 1)", "{0,1}"},
	{"pgfn_array_subscripts(NULL, 1)", "NULL"},
	{"pgfn_array_dim('{1', 1, 3)", "ERROR 22P02: malformed array literal: \"{1\""},
	/* several dimensions (pgfn_arraymd.c) */
	{"pgfn_array_dim('{{1},{2}}', 1, 3)", "2"},
	{"pgfn_array_dim('{{1,2,3},{4,5,6}}', 2, 0)", "3"},
	{"pgfn_array_dim('{{1,2,3},{4,5,6}}', 1, 2)", "2"},
	{"pgfn_array_dim('{{1,2,3},{4,5,6}}', 3, 0)", "NULL"},
	{"pgfn_array_dim('{{{1}},{{2}}}', 1, 4)", "3"},
	{"pgfn_array_dim('{{1,2},{3}}', 1, 3)",
	 "ERROR 22P02: malformed array literal: \"{{1,2},{3}}\""},
	{"pgfn_array_dim('{{1},2}', 1, 3)", "ERROR 22P02: malformed array literal: \"{{1},2}\""},
	{"pgfn_array_dim('{{}}', 1, 3)", "ERROR 22P02: malformed array literal: \"{{}}\""},
	{"pgfn_array_dim('{{{{{{{1}}}}}}}', 1, 4)",
	 "ERROR 22P02: malformed array literal: \"{{{{{{{1}}}}}}}\""},
	{"pgfn_array_dims('{{1,2},{3,4},{5,6}}')", "[1:3][1:2]"},
	{"pgfn_array_dims('{}')", "NULL"},
	{"pgfn_array_dims('[0:1]={1,2}')", "[0:1]"},
	{"pgfn_array_dims(' [0:1] [-1:0] = {{1,2},{3,4}} ')", "[0:1][-1:0]"},
	/* pgfn_array_in(x, elem oid): stored as PostgreSQL prints it */
	{"pgfn_array_in('{\"a\",\"b c\"}', 25)", "{a,\"b c\"}"},
	{"pgfn_array_in('{ 1 , 02 }', 23)", "{1,2}"},
	{"pgfn_array_in('{true,f}', 16)", "{t,f}"},
	{"pgfn_array_in('[1:1][1:1]={{\"x\"}}', 25)", "{{x}}"},
	{"pgfn_array_in('[1:1]={{x}}', 25)", "ERROR 22P02: malformed array literal: \"[1:1]={{x}}\""},
	{"pgfn_array_in(NULL, 23)", "NULL"},
	{"pgfn_array_in('{1,x}', 23)", "ERROR 22P02: invalid input syntax for type integer: \"x\""},
	{"pgfn_array_in('{1', 23)", "ERROR 22P02: malformed array literal: \"{1\""},
	{"pgfn_array_check('[0:1]={1,2}')", "[0:1]={1,2}"},
	{"pgfn_array_check('[1:2] = {1,2} ')", "{1,2}"},
	{"pgfn_array_check('[2]={1,2}')", "{1,2}"},
	{"pgfn_array_check('[0:2]={1,2}')", "ERROR 22P02: malformed array literal: \"[0:2]={1,2}\""},
	{"pgfn_array_check('[0:1]{1,2}')", "ERROR 22P02: malformed array literal: \"[0:1]{1,2}\""},
	{"pgfn_array_at('[0:2]={a,b,c}', 0) || pgfn_array_at('[0:2]={a,b,c}', 2)", "ac"},
	{"pgfn_array_at('[0:2]={a,b,c}', 3)", "NULL"},
	{"pgfn_array_slice('[0:3]={1,2,3,4}', 'vv', 0, 1)", "{1,2}"},
	{"pgfn_array_slice('[0:3]={1,2,3,4}', 'v-', 2)", "{3,4}"},
	{"pgfn_array_at('{{a,b},{c,\"d e\"}}', 2, 2)", "d e"},
	{"pgfn_array_at('{{a,b},{c,d}}', 1)", "NULL"},
	{"pgfn_array_at('{{a,b},{c,d}}', 3, 1)", "NULL"},
	{"pgfn_array_at('{{a,NULL},{c,d}}', 1, 2)", "NULL"},
	{"pgfn_array_slice('{1,2,3,4}', 'vv', 2, 3)", "{2,3}"},
	{"pgfn_array_slice('{1,2,3,4}', '-v', 2)", "{1,2}"},
	{"pgfn_array_slice('{1,2,3,4}', 'v-', 3)", "{3,4}"},
	{"pgfn_array_slice('{1,2,3,4}', 'vv', -5, 99)", "{1,2,3,4}"},
	{"pgfn_array_slice('{1,2,3,4}', 'vv', 3, 2)", "{}"},
	{"pgfn_array_slice('{1,2,3,4}', 'vv', 5, 9)", "{}"},
	{"pgfn_array_slice('{1,2,3,4}', 'vv', NULL, 2)", "NULL"},
	{"pgfn_array_slice('{1,2}', 'vvvv', 1, 1, 1, 1)", "{}"},
	{"pgfn_array_slice('{\"a b\",NULL,c}', 'vv', 1, 2)", "{\"a b\",NULL}"},
	{"pgfn_array_slice('{{1,2,3},{4,5,6}}', 'vvvv', 1, 2, 2, 3)", "{{2,3},{5,6}}"},
	{"pgfn_array_slice('{{1,2,3},{4,5,6}}', 'vv', 2, 2)", "{{4,5,6}}"},
	{"typeof(pgfn_array_elem('12', 'i')) || pgfn_array_elem('12', 'i')", "integer12"},
	{"typeof(pgfn_array_elem('1.5', 'n'))", "real"},
	{"typeof(pgfn_array_elem('x', 'i'))", "text"},
	{"pgfn_array_elem('t', 'b') || pgfn_array_elem('f', 'b')", "10"},
	{"hex(pgfn_array_elem('\\x0aff', 'x'))", "0AFF"},
	{"pgfn_array_md('{1,2}', ' {3,4}')", "{{1,2},{3,4}}"},
	{"pgfn_array_md('{{1},{2}}', '{{3},{4}}')", "{{{1},{2}},{{3},{4}}}"},
	{"pgfn_array_md('{1,2}', '{3}')",
	 "ERROR 2202E: multidimensional arrays must have array expressions with matching "
	 "dimensions"},
	{"pgfn_array_check('{{1,2},{3,4}}')", "{{1,2},{3,4}}"},
	{"pgfn_array_check('{{1,2},{3}}')",
	 "ERROR 22P02: malformed array literal: \"{{1,2},{3}}\""},
	{"pgfn_array_append('{a}', 'b c', '.')", "{a,\"b c\"}"},
	{"pgfn_array_prepend(1, '{}', '.')", "{1}"},
	{"pgfn_array_cat('{1}', '{}')", "{1}"},
	{"pgfn_array_cat(NULL, '{2}')", "{2}"},
	{"pgfn_string_to_array('a,b,,c', ',')", "{a,b,\"\",c}"},
	{"pgfn_string_to_array('héllo', NULL)", "{h,é,l,l,o}"},
	{"pgfn_string_to_array('a::b', '::')", "{a,b}"},
	{"pgfn_array_cmp(1, '{1,2}', '=', 0)", "1"},
	{"pgfn_array_cmp(3, '{1,NULL}', '=', 0)", "NULL"},
	{"pgfn_array_cmp(3, '{3,3}', '=', 1)", "1"},
	{"pgfn_array_cmp(3, '{}', '=', 1)", "1"},
	{"pgfn_array_cmp(3, '{}', '=', 0)", "0"},
	{"pgfn_array_cmp(2.5, '{1,2}', '>', 1)", "1"},
	{"pgfn_array_cmp('b', '{a,c}', '>=', 0)", "1"},
	{"pgfn_array_cmp(1, '{t,f}', '=', 0)", "1"},
	{"pgfn_array_cmp('abc', '{a%,x}', 'LIKE', 0)", "1"},
	{"pgfn_array_cmp('a_c', '{a\\_c}', 'LIKE', 0)", "1"},
	{"pgfn_array_cmp('abc', '{a\\_c}', 'LIKE', 0)", "1"}, /* array_in took the backslash */
	{"pgfn_array_cmp('abc', '{\"a\\\\_c\"}', 'LIKE', 0)", "0"},
	{"pgfn_array_cmp('ABC', '{a%}', 'ILIKE', 0)", "1"},
	{"pgfn_array_cmp('abc', '{x%,y%}', 'NOT LIKE', 1)", "1"},
	{"pgfn_array_cmp('é', '{_}', 'LIKE', 0)", "1"},
	{"(SELECT pgfn_array_agg(x, '.') FROM (SELECT 1 AS x UNION ALL SELECT NULL))", "{1,NULL}"},
	{"(SELECT pgfn_ordered_agg(x, x, 'array:.', 'dl') FROM (SELECT 1 AS x UNION ALL SELECT NULL "
	 "UNION ALL SELECT 3))",
	 "{3,1,NULL}"},
	{"(SELECT pgfn_ordered_agg(x, '-', x, 'string', 'al') FROM (SELECT 'b' AS x UNION ALL "
	 "SELECT NULL UNION ALL SELECT 'a'))",
	 "a-b"},
	{"(SELECT pgfn_ordered_agg(x, y, 'jsonb:.', 'af') FROM (SELECT 1 AS x, 2 AS y UNION ALL "
	 "SELECT 2, NULL))",
	 "[2, 1]"},
	{"(SELECT pgfn_ordered_agg(1, 1, 'json:.', 'al') WHERE 0)", "NULL"},
	/* ordered-set aggregates (pgfn_osagg.c) */
	{"(SELECT pgfn_osagg('c', 0.25, x, 'a', 'f') FROM (SELECT 4 AS x UNION ALL SELECT 1 "
	 "UNION ALL SELECT NULL UNION ALL SELECT 2))",
	 "1.5"},
	{"(SELECT pgfn_osagg('d', 0.5, x, 'd', '.') FROM (SELECT 'a' AS x UNION ALL SELECT 'c' "
	 "UNION ALL SELECT 'b' UNION ALL SELECT 'd'))",
	 "c"},
	{"(SELECT pgfn_osagg('C', '{0,0.5,NULL}', x, 'a', 'i') FROM (SELECT '1 day' AS x "
	 "UNION ALL SELECT '1 mon'))",
	 "{\"1 day\",\"16 days -12:00:00\",NULL}"}, /* as PostgreSQL */
	{"(SELECT pgfn_osagg('D', '{1}', x, 'a', 'n2') FROM (SELECT 2.5 AS x))", "{2.50}"},
	{"(SELECT pgfn_osagg('m', NULL, x, 'a', '.') FROM (SELECT 3 AS x UNION ALL SELECT 2 "
	 "UNION ALL SELECT 3 UNION ALL SELECT 2))",
	 "2"},
	{"(SELECT pgfn_osagg('c', 2, 1, 'a', 'f'))",
	 "ERROR 22003: percentile value 2 is not between 0 and 1"},
	{"(SELECT pgfn_osagg('c', 0.5, 1, 'a', 'f') WHERE 0)", "NULL"},
};

START_TEST(array_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_array_suite(void)
{
	Suite *s = suite_create("pgfn_array");
	TCase *tc = tcase_create("array");
	tcase_add_loop_test(tc, array_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
