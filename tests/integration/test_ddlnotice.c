/* SPDX-License-Identifier: Apache-2.0 */
/* test_ddlnotice.c: the NOTICEs of ALTER TABLE's DROP CONSTRAINT / DROP IDENTITY / DROP
 * EXPRESSION IF EXISTS, of DROP ... CASCADE ("drop cascades to ..."), of DROP ... IF EXISTS
 * in a schema that does not exist (no such tenant) and of CREATE VIEW over a temporary table
 * (the view is made temporary), as PostgreSQL 15 sends them, which the differential suite
 * does not compare; and a failed statement's NOTICEs sent once, though the key's values and
 * the failing row are read by running it again. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

START_TEST(alter_if_exists_notices)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	PQclear(harness_exec_ok(c, "CREATE TABLE an (a int CONSTRAINT an_pos CHECK (a > 0), "
				   "b int GENERATED ALWAYS AS IDENTITY, "
				   "d int GENERATED ALWAYS AS (a * 2) STORED)"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an ALTER COLUMN a DROP IDENTITY IF EXISTS"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an ALTER COLUMN b DROP IDENTITY IF EXISTS"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an ALTER COLUMN b DROP IDENTITY IF EXISTS"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an ALTER COLUMN a DROP EXPRESSION IF EXISTS"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an ALTER COLUMN d DROP EXPRESSION IF EXISTS"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an ALTER COLUMN d DROP EXPRESSION IF EXISTS"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an DROP CONSTRAINT IF EXISTS nope"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an DROP CONSTRAINT IF EXISTS an_pos"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an DROP CONSTRAINT IF EXISTS an_pos, "
				   "DROP CONSTRAINT IF EXISTS nope2"));
	PQclear(harness_exec_ok(c, "DROP TRIGGER IF EXISTS tx ON an"));
	PQclear(harness_exec_ok(c, "DROP TRIGGER IF EXISTS tx ON nosuch"));
	ck_assert_str_eq(got.text,
			 "00000 column \"a\" of relation \"an\" is not an identity column, "
			 "skipping\n"
			 "00000 column \"b\" of relation \"an\" is not an identity column, "
			 "skipping\n"
			 "00000 column \"a\" of relation \"an\" is not a stored generated column, "
			 "skipping\n"
			 "00000 column \"d\" of relation \"an\" is not a stored generated column, "
			 "skipping\n"
			 "00000 constraint \"nope\" of relation \"an\" does not exist, skipping\n"
			 "00000 constraint \"an_pos\" of relation \"an\" does not exist, skipping\n"
			 "00000 constraint \"nope2\" of relation \"an\" does not exist, skipping\n"
			 "00000 trigger \"tx\" for relation \"an\" does not exist, skipping\n"
			 "00000 relation \"nosuch\" does not exist, skipping\n");
	got.text[0] = '\0';
	PQclear(harness_exec_ok(c, "SET client_min_messages = warning"));
	PQclear(harness_exec_ok(c, "ALTER TABLE an DROP CONSTRAINT IF EXISTS nope"));
	ck_assert_str_eq(got.text, "");
	PQfinish(c);
}
END_TEST

/* A NOTICE of a function the failed statement called, once (the runs that find the key's
 * values and the failing row drop theirs). */
START_TEST(failed_statement_notices_once)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	PQclear(harness_exec_ok(c, "CREATE FUNCTION fn_n(x int) RETURNS int LANGUAGE plpgsql AS "
				   "$$ BEGIN RAISE NOTICE 'called %', x; RETURN x; END $$"));
	PQclear(harness_exec_ok(c, "CREATE TABLE fn_a (a int NOT NULL, b int UNIQUE)"));
	PQclear(harness_exec_ok(c, "INSERT INTO fn_a VALUES (1, 1)"));
	harness_expect_error(c, "INSERT INTO fn_a VALUES (fn_n(NULL), 2)", "23502",
			     "null value in column \"a\" of relation \"fn_a\" violates not-null "
			     "constraint");
	harness_expect_error(c, "INSERT INTO fn_a VALUES (2, fn_n(1))", "23505",
			     "duplicate key value violates unique constraint \"fn_a_b_key\"");
	ck_assert_str_eq(got.text, "00000 called <NULL>\n00000 called 1\n");
	PQfinish(c);
}
END_TEST

START_TEST(drop_cascade_notices)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	PQclear(harness_exec_ok(c, "CREATE TABLE dc (a int, b int)"));
	PQclear(harness_exec_ok(c, "CREATE VIEW dc_v AS SELECT * FROM dc"));
	PQclear(harness_exec_ok(c, "CREATE VIEW dc_w AS SELECT a FROM dc_v"));
	PQclear(harness_exec_ok(c, "CREATE VIEW dc_other AS SELECT 1 AS x"));
	PQclear(harness_exec_ok(c, "DROP TABLE dc CASCADE"));
	PQclear(harness_exec_ok(c, "DROP VIEW dc_other CASCADE")); /* nothing depends on it */
	PQclear(harness_exec_ok(c, "CREATE TABLE dc (a int, b int)"));
	PQclear(harness_exec_ok(c, "CREATE VIEW dc_v AS SELECT a FROM dc"));
	PQclear(harness_exec_ok(c, "ALTER TABLE dc DROP COLUMN a CASCADE"));
	PQclear(harness_exec_ok(c, "CREATE VIEW dc_v AS SELECT * FROM dc"));
	PQclear(harness_exec_ok(c, "CREATE VIEW dc_w AS SELECT b FROM dc_v"));
	PQclear(harness_exec_ok(c, "DROP VIEW dc_v CASCADE"));
	PQclear(harness_exec_ok(c, "CREATE TABLE dp (id int PRIMARY KEY)"));
	PQclear(harness_exec_ok(c, "CREATE TABLE dk (id int, pid int REFERENCES dp)"));
	PQclear(harness_exec_ok(c, "DROP TABLE dp CASCADE"));
	/* a failed statement's dependents are not reported by the next one */
	PQclear(harness_exec_ok(c, "CREATE VIEW dc_v AS SELECT * FROM dc"));
	harness_exec_fail(c, "DROP TABLE dc, nosuch CASCADE", "42P01");
	PQclear(harness_exec_ok(c, "DROP TABLE dk CASCADE"));
	ck_assert_str_eq(got.text, "00000 drop cascades to 2 other objects / drop cascades to view "
			      "dc_v\ndrop cascades to view dc_w\n"
			      "00000 drop cascades to view dc_v\n"
			      "00000 drop cascades to view dc_w\n"
			      "00000 drop cascades to constraint dk_pid_fkey on table dk\n");
	PQfinish(c);
}
END_TEST

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
	Suite *s = suite_create("ddlnotice");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, alter_if_exists_notices);
	tcase_add_test(tc, failed_statement_notices_once);
	tcase_add_test(tc, drop_cascade_notices);
	tcase_add_test(tc, drop_in_missing_schema);
	tcase_add_test(tc, view_over_temp_table);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
