/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_math.c: arithmetic functions, table-driven: expression → text or error. */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"7 / shardlite_divisor(2)", "3"},
	{"7.5 / shardlite_divisor(2.5)", "3.0"},
	{"shardlite_divisor(NULL)", "NULL"},
	{"1 / shardlite_divisor(0)", "ERROR 22012: division by zero"},
	{"1 / shardlite_divisor(0.0)", "ERROR 22012: division by zero"},
};

START_TEST(math_case)
{
	ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want);
}
END_TEST

START_TEST(error_split_rejects_foreign_messages)
{
	char state[6];
	const char *text;
	ck_assert(!pgfn_error_split("no such table: t", state, &text));
	ck_assert(!pgfn_error_split("pgfn:2201", state, &text));
	ck_assert(pgfn_error_split("pgfn:22P02:bad", state, &text));
	ck_assert_str_eq(state, "22P02");
	ck_assert_str_eq(text, "bad");
}
END_TEST

Suite *pgfn_test_math_suite(void)
{
	Suite *s = suite_create("pgfn_math");
	TCase *tc = tcase_create("math");
	tcase_add_loop_test(tc, math_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_test(tc, error_split_rejects_foreign_messages);
	suite_add_tcase(s, tc);
	return s;
}
