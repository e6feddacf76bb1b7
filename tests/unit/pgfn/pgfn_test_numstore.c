/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_numstore.c: which decimals a numeric column keeps (pgfn_num_store: SQLite's own
 * conversion, then whether that number reads back as the same value), after numeric(p,s)'s
 * rounding (pgfn_num_fit), table-driven: kept values as SQLite returns them, refusals 0A000. */
#include "pgfn_test.h"

#include <stdio.h>
#include <string.h>

#define REFUSED "ERROR 0A000: numeric value "
#define N(p, s) (((p) << 16 | ((s)&0x7ff)) + 4)

static const struct {
	const char *text;
	int typmod;       /* -1: numeric without one */
	const char *want; /* the stored value's text, or REFUSED */
} cases[] = {
	{"1.50", -1, "1.5"}, /* the display scale is not kept, the value is */
	{"0.1", -1, "0.1"},
	{"-0.0", -1, "0.0"},
	{"9223372036854775807", -1, "9223372036854775807"},
	{"-9223372036854775808", -1, "-9223372036854775808"},
	{"9223372036854775808", -1, REFUSED},
	{"123456789012345", -1, "123456789012345"},
	{"1234567890123456789", -1, "1234567890123456789"},
	{"12345678901234567890", -1, REFUSED},
	{"12345678901234567890.5", -1, REFUSED},
	{"0.1234567890123456789", -1, REFUSED},
	{"1.5000000000000000000000000", -1, "1.5"}, /* trailing zeros: the same value */
	{"123456789.123456789", -1, REFUSED},
	{"0.30000000000000004", -1, "0.3"}, /* SQLite's double for it reads back as 0.3 */
	{"1e3", -1, "1000.0"},
	{"1.5e-7", -1, "1.5e-07"},
	{"1e400", -1, REFUSED}, /* beyond a double: SQLite's infinity */
	{"NaN", -1, "NaN"},     /* not a decimal: the text, as before */
	{"1.005", N(10, 2), "1.01"},
	{"1.50", N(10, 2), "1.5"},
	{"12345678901234567.891", N(30, 2), REFUSED},
	{"12345678901234567.891", N(30, -2), "12345678901234600"},
	{"99.995", N(4, 2), "ERROR 22003: numeric field overflow"},
	{"abc", N(4, 2), "ERROR 22P02: invalid input syntax for type numeric: \"abc\""},
	{".", N(4, 2), "ERROR 22P02: invalid input syntax for type numeric: \".\""},
	{"-12.5", N(4, 2), "-12.5"}, /* fits as written: passed on as it is */
	{"0012.50", N(4, 2), "12.5"},
	{"123.5", N(4, 2), "ERROR 22003: numeric field overflow"},
};

START_TEST(numstore_case)
{
	char expr[256];
	if (cases[_i].typmod < 0)
		snprintf(expr, sizeof(expr), "pgfn_num_store('%s', 'x')", cases[_i].text);
	else
		snprintf(expr, sizeof(expr), "pgfn_num_store(pgfn_num_fit('%s', %d), 'x')",
			 cases[_i].text, cases[_i].typmod);
	const char *got = pgfn_test_eval(expr);
	const char *want = cases[_i].want;
	ck_assert_msg(strncmp(got, want, strlen(want)) == 0 &&
			      (strcmp(want, REFUSED) == 0 || strlen(got) == strlen(want) ||
			       got[strlen(want)] == '\x1e'),
		      "%s: want %s, got %s", expr, want, got);
}
END_TEST

/* A number computed by SQLite (a double) and NULL pass as they are. */
START_TEST(numstore_numbers_pass)
{
	ck_assert_str_eq(pgfn_test_eval("pgfn_num_store(1.0 / 3, 'x')"), "0.333333333333333");
	ck_assert_str_eq(pgfn_test_eval("pgfn_num_store(12345678901234567890, 'x')"),
			 "1.23456789012346e+19");
	ck_assert_str_eq(pgfn_test_eval("pgfn_num_store(NULL, 'x')"), "NULL");
	ck_assert_str_eq(pgfn_test_eval("pgfn_num_store(pgfn_num_fit(NULL, 655366), 'x')"), "NULL");
	ck_assert_str_eq(pgfn_test_eval("pgfn_num_fit(2.567, (5 << 16 | 2) + 4)"), "2.57");
}
END_TEST

/* The message names the value and the column; the DETAIL what it would read back as. */
START_TEST(numstore_message)
{
	ck_assert_str_eq(pgfn_test_eval("pgfn_num_store('12345678901234567890.5', 'n')"),
			 "ERROR 0A000: numeric value 12345678901234567890.5 cannot be stored "
			 "exactly in column \"n\"\x1e"
			 "A tenant file keeps a numeric value as an SQLite number (a 64-bit "
			 "integer, or a double of 15 to 17 significant digits); this one would "
			 "read back as 12345678901234567000.");
	ck_assert_str_eq(pgfn_test_eval("pgfn_num_store('9223372036854775808', NULL)"),
			 "ERROR 0A000: numeric value 9223372036854775808 cannot be stored "
			 "exactly\x1e"
			 "A tenant file keeps a numeric value as an SQLite number (a 64-bit "
			 "integer, or a double of 15 to 17 significant digits); this one would "
			 "read back as 9223372036854776000.");
}
END_TEST

Suite *pgfn_test_numstore_suite(void)
{
	Suite *s = suite_create("numstore");
	TCase *tc = tcase_create("numstore");
	tcase_add_loop_test(tc, numstore_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, numstore_numbers_pass);
	tcase_add_test(tc, numstore_message);
	suite_add_tcase(s, tc);
	return s;
}
