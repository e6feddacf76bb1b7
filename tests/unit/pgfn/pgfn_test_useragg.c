/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_useragg.c: shardlite_agg / shardlite_agg_end (pgfn_useragg.c), the aggregates of
 * CREATE AGGREGATE, over VALUES with hand-written transition, initial and final SQL: the
 * state through the rows, a group without rows, strict transitions, ORDER BY and DISTINCT
 * keys, each SQLite type of state, and a failing transition's error. */
#include "pgfn_test.h"

#include <string.h>

/* The aggregate over rows (VALUES ...) of column x (and k, the sort key, where given). */
#define AGG(final, init, strict, flags, args, rows)                                             \
	"(SELECT shardlite_agg_end(" final ", " init ", shardlite_agg('SELECT ?1 + ?2', " init \
	", " strict ", " flags ", " args ")) FROM (" rows "))"

START_TEST(sums_rows)
{
	ck_assert_str_eq(pgfn_test_eval(AGG("NULL", "'SELECT 0'", "0", "''", "x",
					    "SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 3")),
			 "6");
	/* a real state and a final function of another type */
	ck_assert_str_eq(pgfn_test_eval(AGG("'SELECT ''total '' || ?1'", "'SELECT 0.5'", "0", "''",
					    "x", "SELECT 1.25 AS x UNION ALL SELECT 2")),
			 "total 3.75");
}
END_TEST

START_TEST(no_rows)
{
	/* the initial state through the final function, as PostgreSQL's */
	ck_assert_str_eq(pgfn_test_eval(AGG("'SELECT ''n='' || ?1'", "'SELECT 7'", "0", "''", "x",
					    "SELECT 1 AS x WHERE 0")),
			 "n=7");
	ck_assert_str_eq(pgfn_test_eval(AGG("NULL", "NULL", "0", "''", "x",
					    "SELECT 1 AS x WHERE 0")),
			 "NULL");
	/* a NULL state after rows is not a group without rows */
	ck_assert_str_eq(pgfn_test_eval(AGG("'SELECT coalesce(?1, ''null'')'", "'SELECT 1'", "0",
					    "''", "x", "SELECT NULL AS x")),
			 "null");
}
END_TEST

START_TEST(strict)
{
	/* NULL rows skipped; without INITCOND the first value is the state */
	ck_assert_str_eq(pgfn_test_eval(AGG("NULL", "NULL", "1", "''", "x",
					    "SELECT NULL AS x UNION ALL SELECT 2 UNION ALL "
					    "SELECT NULL UNION ALL SELECT 5")),
			 "7");
	ck_assert_str_eq(pgfn_test_eval(AGG("NULL", "NULL", "1", "''", "x",
					    "SELECT NULL AS x UNION ALL SELECT NULL")),
			 "NULL");
	/* not strict: a NULL row makes the sum NULL */
	ck_assert_str_eq(pgfn_test_eval(AGG("NULL", "'SELECT 0'", "0", "''", "x",
					    "SELECT NULL AS x UNION ALL SELECT 2")),
			 "NULL");
}
END_TEST

#define CAT(flags, args, rows)                                                                  \
	"(SELECT shardlite_agg_end(NULL, 'SELECT ''''', shardlite_agg('SELECT ?1 || ?2', "     \
	"'SELECT ''''', 0, " flags ", " args ")) FROM (" rows "))"
#define WORDS                                                                                  \
	"SELECT 'b' AS x, 2 AS k UNION ALL SELECT 'a', 1 UNION ALL SELECT 'c', NULL UNION ALL " \
	"SELECT 'a', 1"

START_TEST(ordered)
{
	ck_assert_str_eq(pgfn_test_eval(CAT("'al'", "x, k", WORDS)), "aabc");
	ck_assert_str_eq(pgfn_test_eval(CAT("'af'", "x, k", WORDS)), "caab");
	ck_assert_str_eq(pgfn_test_eval(CAT("'dl'", "x, x", WORDS)), "cbaa");
	/* DISTINCT: the rows told apart by the arguments, which the keys end with */
	ck_assert_str_eq(pgfn_test_eval(CAT("'alD'", "x, x", WORDS)), "abc");
	ck_assert_str_eq(pgfn_test_eval(CAT("'dlD'", "x, x", WORDS)), "cba");
}
END_TEST

START_TEST(fails)
{
	const char *r = pgfn_test_eval(
		"(SELECT shardlite_agg_end(NULL, NULL, shardlite_agg('SELECT nosuch(?1, ?2)', "
		"NULL, 0, '', x)) FROM (SELECT 1 AS x))");
	ck_assert_msg(strncmp(r, "ERROR", 5) == 0, "%s", r);
	r = pgfn_test_eval("(SELECT shardlite_agg_end(NULL, NULL, shardlite_agg('SELECT nosuch(?1, "
			   "?2)', NULL, 0, 'al', x, x)) FROM (SELECT 1 AS x))");
	ck_assert_msg(strncmp(r, "ERROR", 5) == 0, "%s", r);
}
END_TEST

Suite *pgfn_test_useragg_suite(void)
{
	Suite *s = suite_create("useragg");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, sums_rows);
	tcase_add_test(tc, no_rows);
	tcase_add_test(tc, strict);
	tcase_add_test(tc, ordered);
	tcase_add_test(tc, fails);
	suite_add_tcase(s, tc);
	return s;
}
