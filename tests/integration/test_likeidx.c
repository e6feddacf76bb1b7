/* SPDX-License-Identifier: Apache-2.0 */
/* test_likeidx.c: col LIKE 'abc%' and col LIKE $1 on an indexed text column search the index
 * (the prefix range xlat_pred.c puts beside the LIKE, docs/performance.md "LIKE and
 * indexes"), seen in the plan SQLite chose (EXPLAIN); the forms without a range scan. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }

static void teardown(void) { harness_stop(&H); }

/* The plan of sql (one parameter value, or none), its lines joined by '|'. */
static char *plan(PGconn *c, const char *sql, const char *param)
{
	PGresult *r = PQexecParams(c, sql, param ? 1 : 0, NULL, param ? &param : NULL, NULL,
				   NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql, PQerrorMessage(c));
	static char out[1024];
	out[0] = '\0';
	for (int i = 0; i < PQntuples(r); i++) {
		strncat(out, PQgetvalue(r, i, 0), sizeof(out) - strlen(out) - 2);
		strcat(out, "|");
	}
	PQclear(r);
	return out;
}

static void expect_search(PGconn *c, const char *sql, const char *param)
{
	const char *p = plan(c, sql, param);
	ck_assert_msg(strstr(p, "INDEX li_e (e>? AND e<?)"), "%s: %s", sql, p);
}

static void expect_scan(PGconn *c, const char *sql, const char *param)
{
	const char *p = plan(c, sql, param);
	ck_assert_msg(strstr(p, "SCAN li") && !strstr(p, "SEARCH"), "%s: %s", sql, p);
}

START_TEST(prefix_uses_index)
{
	PGconn *c = harness_connect(&H, "dbname=likeidx");
	harness_exec(c, "CREATE TABLE li (id int PRIMARY KEY, e text, n text)");
	harness_exec(c, "INSERT INTO li SELECT g, md5(g::text), md5(g::text) "
			"FROM generate_series(1, 2000) g");
	harness_exec(c, "CREATE INDEX li_e ON li (e)");
	expect_search(c, "EXPLAIN SELECT id FROM li WHERE e LIKE 'abc%'", NULL);
	expect_search(c, "EXPLAIN SELECT id FROM li WHERE li.e LIKE 'ab\\%c%'", NULL);
	expect_search(c, "EXPLAIN SELECT id FROM li WHERE e LIKE 'ab#_%' ESCAPE '#'", NULL);
	expect_search(c, "EXPLAIN SELECT id FROM li WHERE e LIKE $1", "abc%");
	expect_search(c, "EXPLAIN SELECT id FROM li WHERE e LIKE $1 ESCAPE '#'", "abc%");
	expect_search(c, "EXPLAIN SELECT count(*) FROM li WHERE e LIKE $1", "%");
	expect_search(c, "EXPLAIN UPDATE li SET n = 'x' WHERE e LIKE 'abc%'", NULL);
	/* no prefix, or not a plain LIKE of the column: no range */
	expect_scan(c, "EXPLAIN SELECT id FROM li WHERE e LIKE '%abc'", NULL);
	expect_scan(c, "EXPLAIN SELECT id FROM li WHERE e NOT LIKE 'abc%'", NULL);
	expect_scan(c, "EXPLAIN SELECT id FROM li WHERE e ILIKE 'abc%'", NULL);
	expect_scan(c, "EXPLAIN SELECT id FROM li WHERE lower(e) LIKE 'abc%'", NULL);
	/* the answers are the LIKE's, a parameter's as a literal's */
	harness_expect_value(c, "SELECT count(*) FROM li WHERE e LIKE 'ab%'",
			     "10"); /* md5 of 1..2000 starting with "ab" */
	PGresult *r = PQexecParams(c, "SELECT count(*) FROM li WHERE e LIKE $1", 1, NULL,
				   (const char *[]){"ab%"}, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "10");
	PQclear(r);
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("likeidx");
	TCase *tc = tcase_create("likeidx");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, prefix_uses_index);
	suite_add_tcase(s, tc);
	return check_run(s);
}
