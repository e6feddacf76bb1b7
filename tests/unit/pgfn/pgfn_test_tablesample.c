/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_tablesample.c: TABLESAMPLE's row test (pgfn_tablesample.c) by statistics over
 * 20000 rowids: the share kept is p/100 within bounds a wrong percentage fails (six standard
 * deviations: with REPEATABLE the counts are fixed, so nothing here is left to chance but the
 * two draws without a seed, whose bounds are fourteen), REPEATABLE keeps the same rows for the
 * same seed and other rows for another seed or method, and the arguments' errors. */
#include "pgfn_test.h"

#include "base.h"

#include <stdio.h>

/* "(WITH RECURSIVE g(i) AS (... 1 to 20000 ...) SELECT <what> FROM g)", the rowids. */
static const char *over_rows(const char *what)
{
	static char sql[1024];
	snprintf(sql, sizeof(sql),
		 "(WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 20000) "
		 "SELECT %s FROM g)",
		 what);
	return sql;
}

static long count_kept(const char *keep)
{
	char what[512];
	snprintf(what, sizeof(what), "sum(%s)", keep);
	return atol(pgfn_test_eval(over_rows(what)));
}

START_TEST(share_kept_is_the_percentage)
{
	/* mean 6000, standard deviation sqrt(20000 * 0.3 * 0.7) = 64.8 */
	long n = count_kept("pgfn_tablesample(0, pgfn_tablesample_args(30, 7), i)");
	ck_assert_int_ge(n, 6000 - 390);
	ck_assert_int_le(n, 6000 + 390);
	n = count_kept("pgfn_tablesample(1, pgfn_tablesample_args(30, 7), i)");
	ck_assert_int_ge(n, 6000 - 390);
	ck_assert_int_le(n, 6000 + 390);
	/* 2.5%: mean 500, deviation 22.1 */
	n = count_kept("pgfn_tablesample(0, pgfn_tablesample_args(2.5, -3.25), i)");
	ck_assert_int_ge(n, 500 - 133);
	ck_assert_int_le(n, 500 + 133);
	/* 99%: mean 19800, deviation 14.1 */
	n = count_kept("pgfn_tablesample(1, pgfn_tablesample_args(99, 1e10), i)");
	ck_assert_int_ge(n, 19800 - 85);
	ck_assert_int_le(n, 19800 + 85);
	ck_assert_int_eq(count_kept("pgfn_tablesample(0, pgfn_tablesample_args(0, 7), i)"), 0);
	ck_assert_int_eq(count_kept("pgfn_tablesample(1, pgfn_tablesample_args(100, 7), i)"),
			 20000);
	/* without a seed: 50%, mean 10000, deviation 70.7 */
	n = count_kept("pgfn_tablesample(0, pgfn_tablesample_args(50), i)");
	ck_assert_int_ge(n, 10000 - 1000);
	ck_assert_int_le(n, 10000 + 1000);
	ck_assert_int_eq(count_kept("pgfn_tablesample(0, pgfn_tablesample_args(0), i)"), 0);
	ck_assert_int_eq(count_kept("pgfn_tablesample(1, pgfn_tablesample_args(100), i)"), 20000);
}
END_TEST

START_TEST(kept_rows_spread_evenly)
{
	/* the first and the second half, the even and the odd rowids: 3000 each, deviation 45.8 */
	const char *parts[] = {"i <= 10000", "i > 10000", "i % 2 = 0", "i % 2 = 1"};
	for (size_t k = 0; k < ARRAY_LEN(parts); k++) {
		char keep[256];
		snprintf(keep, sizeof(keep),
			 "(%s AND pgfn_tablesample(0, pgfn_tablesample_args(30, 11), i))",
			 parts[k]);
		long n = count_kept(keep);
		ck_assert_int_ge(n, 3000 - 275);
		ck_assert_int_le(n, 3000 + 275);
	}
}
END_TEST

START_TEST(repeatable_keeps_the_same_rows)
{
	/* the same seed: not one row differs */
	ck_assert_int_eq(count_kept("pgfn_tablesample(0, pgfn_tablesample_args(30, 7), i) <> "
				    "pgfn_tablesample(0, pgfn_tablesample_args(30, 7), i)"),
			 0);
	/* -0 and 0 are one seed, as in PostgreSQL */
	ck_assert_int_eq(count_kept("pgfn_tablesample(0, pgfn_tablesample_args(30, 0.0), i) <> "
				    "pgfn_tablesample(0, pgfn_tablesample_args(30, -0.0), i)"),
			 0);
	/* a smaller percentage of one seed keeps a subset */
	ck_assert_int_eq(count_kept("pgfn_tablesample(0, pgfn_tablesample_args(10, 7), i) > "
				    "pgfn_tablesample(0, pgfn_tablesample_args(30, 7), i)"),
			 0);
	/* another seed, another method: independent samples differ in 2 * 0.3 * 0.7 of the
	 * rows, 8400 (deviation 69.7) */
	const char *others[] = {
		"pgfn_tablesample(0, pgfn_tablesample_args(30, 8), i)",
		"pgfn_tablesample(0, pgfn_tablesample_args(30, 7.5), i)",
		"pgfn_tablesample(1, pgfn_tablesample_args(30, 7), i)",
	};
	for (size_t k = 0; k < ARRAY_LEN(others); k++) {
		char keep[256];
		snprintf(keep, sizeof(keep),
			 "pgfn_tablesample(0, pgfn_tablesample_args(30, 7), i) <> %s", others[k]);
		long n = count_kept(keep);
		ck_assert_int_ge(n, 8400 - 420);
		ck_assert_int_le(n, 8400 + 420);
	}
}
END_TEST

static const struct {
	const char *expr, *want;
} errors[] = {
	{"typeof(pgfn_tablesample_args(50))", "blob"},
	{"typeof(pgfn_tablesample_args(0, -1))", "blob"},
	{"pgfn_tablesample_args(NULL)", "ERROR 2202H: TABLESAMPLE parameter cannot be null"},
	{"pgfn_tablesample_args(NULL, NULL)", "ERROR 2202H: TABLESAMPLE parameter cannot be null"},
	{"pgfn_tablesample_args(5, NULL)",
	 "ERROR 2202G: TABLESAMPLE REPEATABLE parameter cannot be null"},
	{"pgfn_tablesample_args(100.5, NULL)",
	 "ERROR 2202G: TABLESAMPLE REPEATABLE parameter cannot be null"},
	{"pgfn_tablesample_args(100.01)",
	 "ERROR 2202H: sample percentage must be between 0 and 100"},
	{"pgfn_tablesample_args(-0.01, 1)",
	 "ERROR 2202H: sample percentage must be between 0 and 100"},
	{"pgfn_tablesample_args('NaN')",
	 "ERROR 2202H: sample percentage must be between 0 and 100"},
	{"pgfn_tablesample(0, 'x', 1)", "ERROR XX000: pgfn_tablesample: bad arguments"},
};

START_TEST(argument_errors) { ck_assert_str_eq(pgfn_test_eval(errors[_i].expr), errors[_i].want); }
END_TEST

Suite *pgfn_test_tablesample_suite(void)
{
	Suite *s = suite_create("pgfn_tablesample");
	TCase *tc = tcase_create("tablesample");
	tcase_add_test(tc, share_kept_is_the_percentage);
	tcase_add_test(tc, kept_rows_spread_evenly);
	tcase_add_test(tc, repeatable_keeps_the_same_rows);
	tcase_add_loop_test(tc, argument_errors, 0, (int)ARRAY_LEN(errors));
	suite_add_tcase(s, tc);
	return s;
}
