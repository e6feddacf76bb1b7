/* SPDX-License-Identifier: Apache-2.0 */
/* test_r3misc.c: NOTICEs the differential suite does not compare, as PostgreSQL 15 sends
 * them: DROP ... IF EXISTS of an object in a schema that does not exist (no such tenant),
 * CREATE VIEW over a temporary table (the view is made temporary). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

START_TEST(drop_in_missing_schema)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	PQclear(harness_exec_ok(c, "DROP TABLE IF EXISTS no_such_schema.x"));
	PQclear(harness_exec_ok(c, "DROP VIEW IF EXISTS no_such_schema.x"));
	PQclear(harness_exec_ok(c, "DROP INDEX IF EXISTS no_such_schema.x"));
	PQclear(harness_exec_ok(c, "DROP SEQUENCE IF EXISTS no_such_schema.x"));
	PQclear(harness_exec_ok(c, "DROP TABLE IF EXISTS \"No Such\".x, main.y"));
	/* a tenant that exists keeps its refusal (DROP TABLE reaches the session's file only) */
	PGconn *other = harness_connect(&H, "dbname=beta");
	PQfinish(other);
	harness_exec_fail(c, "DROP TABLE IF EXISTS beta.x", "0A000");
	harness_exec_fail(c, "DROP TABLE no_such_schema.x", "3F000");
	harness_exec_fail(c, "DROP TABLE IF EXISTS no_such_schema.x, y", "0A000");
	ck_assert_str_eq(got.text, "00000 schema \"no_such_schema\" does not exist, skipping\n"
				   "00000 schema \"no_such_schema\" does not exist, skipping\n"
				   "00000 schema \"no_such_schema\" does not exist, skipping\n"
				   "00000 schema \"no_such_schema\" does not exist, skipping\n"
				   "00000 schema \"No Such\" does not exist, skipping\n"
				   "00000 schema \"main\" does not exist, skipping\n");
	/* the tenant created since is found: no longer translated from before */
	PQclear(harness_exec_ok(c, "DROP TABLE IF EXISTS gamma.x"));
	other = harness_connect(&H, "dbname=gamma");
	PQfinish(other);
	harness_exec_fail(c, "DROP TABLE IF EXISTS gamma.x", "0A000");
	PQfinish(c);
}
END_TEST

START_TEST(view_over_temp_table)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	PQclear(harness_exec_ok(c, "CREATE TABLE pt (a int)"));
	PQclear(harness_exec_ok(c, "CREATE VIEW pv AS SELECT * FROM pt")); /* none yet */
	PQclear(harness_exec_ok(c, "CREATE TEMP TABLE tt (a int)"));
	PQclear(harness_exec_ok(c, "CREATE VIEW pv2 AS SELECT * FROM pt"));
	PQclear(harness_exec_ok(c, "CREATE VIEW tv AS SELECT * FROM pt JOIN tt USING (a)"));
	PQclear(harness_exec_ok(c, "CREATE TEMP VIEW tv2 AS SELECT * FROM tt")); /* said TEMP */
	PQclear(harness_exec_ok(c, "CREATE VIEW tv3 AS SELECT * FROM tv2"));
	harness_exec_fail(c, "CREATE VIEW public.tv4 AS SELECT * FROM tt", "42P16");
	harness_exec_fail(c, "CREATE MATERIALIZED VIEW mv AS SELECT * FROM tt", "0A000");
	ck_assert_str_eq(got.text, "00000 view \"tv\" will be a temporary view\n"
				   "00000 view \"tv3\" will be a temporary view\n");
	PGresult *r = harness_exec_ok(c, "SELECT string_agg(relname || ':' || relpersistence, ' ' "
					 "ORDER BY relname) FROM pg_class WHERE relkind = 'v' AND "
					 "(relname LIKE 'pv%' OR relname LIKE 'tv%')");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "pv:p pv2:p tv:t tv2:t tv3:t");
	PQclear(r);
	PQfinish(c);
	/* gone with the session */
	c = harness_connect(&H, "dbname=acme");
	r = harness_exec_ok(c, "SELECT count(*) FROM pg_class WHERE relname LIKE 'tv%'");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("r3misc");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, drop_in_missing_schema);
	tcase_add_test(tc, view_over_temp_table);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
