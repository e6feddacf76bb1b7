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
	{"pgfn_mod(-7, 3)", "-1"},
	{"pgfn_mod(7.5, 2)", "1.5"},
	{"pgfn_mod(-9223372036854775808, -1)", "0"},
	{"pgfn_mod(1, 0)", "ERROR 22012: division by zero"},
	{"pgfn_div(-9, 4)", "-2"},
	{"pgfn_div(9.5, 2)", "4"},
	{"pgfn_div(1.5, 0.0)", "ERROR 22012: division by zero"},
	{"pgfn_trunc(1.789, 2)", "1.78"},
	{"pgfn_trunc(-1.789, 1)", "-1.7"},
	{"pgfn_trunc(1789, -2)", "1700"},
	{"pgfn_trunc(0.3, 1)", "0.3"},
	{"pgfn_round(1234.5, -2)", "1200"},
	{"pgfn_round(1250, -2)", "1300"},
	{"pgfn_round(-1250, -2)", "-1300"},
	{"pgfn_round(1.005, 2)", "1.01"},
	{"pgfn_round(-2.5, 0)", "-3"},
	{"pgfn_round(7, 2)", "7"},
	{"pgfn_rint(2.5)", "2.0"},
	{"pgfn_rint(3.5)", "4.0"},
	{"pgfn_rint(-1.5)", "-2.0"},
	{"pgfn_rint(NULL)", "NULL"},
	{"pgfn_rint('NaN')", "NaN"},
	{"pgfn_fop(1.5, '+', 2)", "3.5"},
	{"pgfn_fop('NaN', '*', 0)", "NaN"},
	{"pgfn_fop(9e999, '-', 9e999)", "NaN"},
	{"pgfn_fop(9e999, '*', 2)", "Inf"},
	{"pgfn_fop(1e300, '*', 1e300)", "ERROR 22003: value out of range: overflow"},
	{"pgfn_fop(1e-300, '*', 1e-300)", "ERROR 22003: value out of range: underflow"},
	{"pgfn_fop(1, '/', 0)", "ERROR 22012: division by zero"},
	{"pgfn_fop('NaN', '/', 0)", "NaN"},
	{"pgfn_fop(NULL, '+', 1)", "NULL"},
	{"pgfn_fop(1e38, '*4', 10)", "ERROR 22003: value out of range: overflow"},
	{"pgfn_fop(1e-38, '/4', 1e10)", "ERROR 22003: value out of range: underflow"},
	{"pgfn_fop(1e38, '*', 10)", "1.0e+39"},
	{"pgfn_fop(9e999, '*4', 2)", "Inf"},
	{"pgfn_width_bucket('NaN', 0, 10, 5)",
	 "ERROR 2201G: operand, lower bound, and upper bound cannot be NaN"},
	{"pgfn_width_bucket(5, 'inf', 10, 5)",
	 "ERROR 2201G: lower and upper bounds must be finite"},
	{"pgfn_gcd(-1, -9223372036854775808)", "1"},
	{"pgfn_gcd(-9223372036854775808, -1)", "1"},
	{"pgfn_lcm(-9223372036854775808, 0)", "0"},
	{"pgfn_log(10, 1000)", "3.0"},
	{"pgfn_log(2, 64)", "6.0"},
	{"pgfn_xor(5, 3)", "6"},
	{"pgfn_xor(-1, 1)", "-2"},
	{"pgfn_abs(-9223372036854775807)", "9223372036854775807"},
	{"pgfn_abs(-9223372036854775807 - 1)", "ERROR 22003: bigint out of range"},
	{"pgfn_abs(-2.5)", "2.5"},
	{"pgfn_abs(-0.0) || ''", "0.0"}, /* float8abs: no -0 */
	{"pgfn_abs('NaN')", "NaN"},
	{"pgfn_abs('-Infinity') > 1e308", "1"},
	{"pgfn_width_bucket(5.35, 0.024, 10.06, 5)", "3"},
	{"pgfn_width_bucket(10, 0, 10, 5)", "6"},
	{"pgfn_width_bucket(5, 10, 0, 5)", "3"},
	{"pgfn_width_bucket(1, 0, 10, 0)", "ERROR 2201G: count must be greater than zero"},
	{"pgfn_width_bucket(1, 2, 2, 5)", "ERROR 2201G: lower bound cannot equal upper bound"},
	{"pgfn_gcd(-12, 18)", "6"},
	{"pgfn_lcm(-4, 6)", "12"},
	{"pgfn_lcm(9223372036854775807, 2)", "ERROR 22003: bigint out of range"},
	{"pgfn_gcd(1.5, 1.0)", "0.5"},
	{"pgfn_lcm(-3.25, 2.5)", "32.50"},
	{"pgfn_gcd('1.25', 0.5)", "0.25"},
	{"pgfn_lcm(0.5, 0)", "0.0"},
	{"pgfn_factorial(20)", "2432902008176640000"},
	{"pgfn_factorial(25)", "15511210043330985984000000"},
	{"pgfn_factorial(-1)", "ERROR 22003: factorial of a negative number is undefined"},
	{"pgfn_cbrt(-8)", "-2.0"},
	{"pgfn_sqrt(2.25)", "1.5"},
	{"pgfn_sqrt(-1)", "ERROR 2201F: cannot take square root of a negative number"},
	{"pgfn_sqrt('x')", "NULL"},
	{"pgfn_ln(0)", "ERROR 2201E: cannot take logarithm of zero"},
	{"pgfn_ln(-1)", "ERROR 2201E: cannot take logarithm of a negative number"},
	{"pgfn_log10(1000)", "3.0"},
	{"pgfn_log(100)", "2.0"},
	{"pgfn_log(2, 8)", "3.0"},
	{"pgfn_log(1, 8)", "ERROR 22012: division by zero"},
	{"pgfn_log(0, 8)", "ERROR 2201E: cannot take logarithm of zero"},
	{"pgfn_log(NULL)", "NULL"},
	{"(SELECT pgfn_var_samp(x) FROM (SELECT 1.0 AS x UNION ALL SELECT 2.0 UNION ALL SELECT 4.0))",
	 "2.33333333333333"},
	{"(SELECT pgfn_stddev_pop(x) FROM (SELECT 2.0 AS x UNION ALL SELECT 4.0))", "1.0"},
	{"(SELECT pgfn_var_samp(1.0))", "NULL"},
	{"(SELECT pgfn_bit_and(x) FROM (SELECT 12 AS x UNION ALL SELECT 10))", "8"},
	{"(SELECT pgfn_bit_xor(x) FROM (SELECT 12 AS x UNION ALL SELECT 10))", "6"},
	{"(SELECT pgfn_bit_or(NULL))", "NULL"},
};

START_TEST(math_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
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
