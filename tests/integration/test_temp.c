/* SPDX-License-Identifier: Apache-2.0 */
/* test_temp.c: temporary tables (and views) against the real binary — each session sees only its own,
 * they shadow a permanent table of the same name, a session's end (also a client that vanishes
 * mid-transaction) drops them (with their sequences and comments) so the next borrower of the
 * pooled connection finds none, COPY
 * loads one, ON COMMIT DELETE ROWS / DROP act at commit, DISCARD TEMP drops them, and a session
 * without a default tenant is refused. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

START_TEST(sessions_see_only_their_own)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "CREATE TABLE items (id int, name text)");
	harness_exec(a, "INSERT INTO items VALUES (1, 'permanent')");
	harness_exec(a, "CREATE TEMP TABLE items (code numeric(6,2), note varchar(8))");
	harness_exec(a, "INSERT INTO items VALUES (1.5, 'mine')");
	harness_exec(b, "CREATE TEMP TABLE scratch (x int)");
	harness_exec(b, "INSERT INTO scratch VALUES (1), (2)");
	/* a's temporary items shadows the permanent one, with its own column types */
	PGresult *r = harness_exec_ok(a, "SELECT code, note FROM items");
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1.50");
	ck_assert_int_eq((int)PQftype(r, 0), 1700);
	ck_assert_int_eq((int)PQftype(r, 1), 1043);
	PQclear(r);
	harness_expect_value(b, "SELECT name FROM items", "permanent");
	harness_exec_fail(a, "SELECT * FROM scratch", "42P01");
	harness_exec_fail(b, "SELECT * FROM pg_temp.items", "42P01");
	harness_expect_value(b, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'", "1");
	/* many transactions later each session still has its own */
	for (int i = 0; i < 20; i++) {
		harness_exec(a, "BEGIN");
		harness_exec(a, "INSERT INTO items VALUES (2, 'again')");
		harness_exec(a, "COMMIT");
		harness_exec(b, "INSERT INTO scratch VALUES (3)");
	}
	harness_expect_value(a, "SELECT count(*) FROM items", "21");
	harness_expect_value(b, "SELECT count(*) FROM scratch", "22");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* The pooled connection a session gives back at its end has no temporary table left: any
 * later session of the tenant, on whichever connection, finds none. */
START_TEST(session_end_drops_them)
{
	for (int round = 0; round < 2; round++) {
		PGconn *a = harness_connect(&H, "dbname=acme");
		harness_exec(a, "CREATE TEMP TABLE left_over (x int)");
		harness_exec(a, "INSERT INTO left_over VALUES (1)");
		harness_exec(a, "CREATE TEMP VIEW left_view AS SELECT x FROM left_over");
		/* temporary sequences and comments live in the temp schema's sidecars */
		harness_exec(a, "CREATE TEMP TABLE left_serial (id serial PRIMARY KEY, n bigserial)");
		harness_exec(a, "INSERT INTO left_serial DEFAULT VALUES");
		harness_exec(a, "CREATE TEMP SEQUENCE left_seq START 7");
		harness_expect_value(a, "SELECT nextval('left_seq')", "7");
		harness_exec(a, "COMMENT ON TABLE left_serial IS 'gone with the session'");
		if (round == 1) { /* the client vanishes mid-transaction */
			harness_exec(a, "BEGIN");
			harness_exec(a, "INSERT INTO left_over VALUES (2)");
		}
		PQfinish(a);
		for (int i = 0; i < 3; i++) {
			PGconn *b = harness_connect(&H, "dbname=acme");
			harness_exec_fail(b, "SELECT * FROM left_over", "42P01");
			harness_exec_fail(b, "SELECT * FROM left_view", "42P01");
			harness_expect_value(
				b, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'", "0");
			harness_exec(b, "CREATE TEMP TABLE left_over (y text)"); /* no clash */
			harness_expect_value(b, "SELECT count(*) FROM pg_sequences", "0");
			harness_expect_value(b, "SELECT count(*) FROM pg_description WHERE "
						"description LIKE 'gone%'", "0");
			harness_exec(b, "CREATE TEMP TABLE left_serial (id serial PRIMARY KEY)");
			harness_expect_value(b, "INSERT INTO left_serial DEFAULT VALUES RETURNING id",
					     "1");
			PQfinish(b);
		}
	}
}
END_TEST

START_TEST(copy_into_a_temp_table)
{
	PGconn *c = harness_connect(&H, "dbname=load");
	harness_exec(c, "CREATE TABLE target (id int PRIMARY KEY, v text)");
	harness_exec(c, "CREATE TEMP TABLE staging (id int, v text)");
	PGresult *r = PQexec(c, "COPY staging FROM STDIN");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_IN);
	PQclear(r);
	static const char data[] = "1\tone\n2\ttwo\n3\tthree\n";
	ck_assert_int_eq(PQputCopyData(c, data, (int)strlen(data)), 1);
	ck_assert_int_eq(PQputCopyEnd(c, NULL), 1);
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "COPY 3");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	r = harness_exec_ok(c, "INSERT INTO target SELECT id, v FROM staging WHERE id > 1");
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 2");
	PQclear(r);
	harness_expect_value(c, "SELECT string_agg(v, ',' ORDER BY id) FROM target", "two,three");
	PQfinish(c);
}
END_TEST

/* COPY names a table the session reads and writes by its name, which finds a temporary table
 * first: COPY public.t while a temporary t hides it is refused, never copied from or into the
 * temporary one; pg_temp.t and t are the temporary one. */
START_TEST(copy_of_a_hidden_table)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE x (a int)");
	harness_exec(c, "INSERT INTO x VALUES (1)");
	harness_exec(c, "CREATE TEMP TABLE x (a int)");
	harness_exec(c, "INSERT INTO x VALUES (2)");
	harness_exec_fail(c, "COPY public.x TO STDOUT", "0A000");
	harness_exec_fail(c, "COPY public.x FROM STDIN", "0A000");
	harness_exec(c, "SET search_path = public, pg_temp");
	harness_exec_fail(c, "COPY x FROM STDIN", "0A000");
	harness_exec(c, "RESET search_path");
	PGresult *r = PQexec(c, "COPY pg_temp.x TO STDOUT");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COPY_OUT);
	PQclear(r);
	char *line = NULL;
	ck_assert_int_eq(PQgetCopyData(c, &line, 0), 2);
	ck_assert_str_eq(line, "2\n");
	PQfreemem(line);
	ck_assert_int_eq(PQgetCopyData(c, &line, 0), -1);
	r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	harness_expect_value(c, "SELECT count(*) FROM public.x", "1");
	harness_expect_value(c, "SELECT count(*) FROM pg_temp.x", "1");
	PQfinish(c);
}
END_TEST

START_TEST(on_commit_actions)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TEMP TABLE per_txn (x int) ON COMMIT DELETE ROWS");
	harness_exec(c, "BEGIN");
	harness_exec(c, "INSERT INTO per_txn VALUES (1), (2)");
	harness_expect_value(c, "SELECT count(*) FROM per_txn", "2");
	harness_exec(c, "COMMIT");
	harness_expect_value(c, "SELECT count(*) FROM per_txn", "0");
	/* autocommit: each statement commits, and empties it */
	harness_exec(c, "INSERT INTO per_txn VALUES (3)");
	harness_expect_value(c, "SELECT count(*) FROM per_txn", "0");
	/* the extended protocol's implicit block up to Sync */
	PGresult *r = PQexecParams(c, "INSERT INTO per_txn VALUES ($1)", 1, NULL,
				   (const char *const[]){"4"}, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	harness_expect_value(c, "SELECT count(*) FROM per_txn", "0");
	harness_exec(c, "BEGIN");
	harness_exec(c, "CREATE TEMP TABLE once (x int) ON COMMIT DROP");
	harness_exec(c, "INSERT INTO once VALUES (1)");
	harness_expect_value(c, "SELECT count(*) FROM once", "1");
	harness_exec(c, "COMMIT");
	harness_exec_fail(c, "SELECT * FROM once", "42P01");
	harness_exec(c, "SET application_name = 'kept by DISCARD TEMP'");
	harness_exec(c, "DISCARD TEMP");
	harness_exec_fail(c, "SELECT * FROM per_txn", "42P01");
	harness_expect_value(c, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'", "0");
	harness_expect_value(c, "SHOW application_name", "kept by DISCARD TEMP");
	harness_exec(c, "CREATE TEMP TABLE gone (x int)");
	harness_exec(c, "BEGIN");
	harness_exec_fail(c, "DISCARD ALL", "25001");
	harness_exec(c, "ROLLBACK");
	harness_exec(c, "DISCARD ALL");
	harness_exec_fail(c, "SELECT * FROM gone", "42P01");
	harness_expect_value(c, "SHOW application_name", "");
	PQfinish(c);
}
END_TEST

/* A session without a default tenant has no connection of its own to keep them on. */
START_TEST(refused_without_a_default_tenant)
{
	PGconn *c = harness_connect(&H, "dbname=postgres");
	harness_expect_error(c, "CREATE TEMP TABLE t (x int)", "0A000",
			     "a temporary table in a session without a default tenant is not "
			     "supported");
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("temp");
	TCase *tc = tcase_create("temp");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, sessions_see_only_their_own);
	tcase_add_test(tc, session_end_drops_them);
	tcase_add_test(tc, copy_into_a_temp_table);
	tcase_add_test(tc, copy_of_a_hidden_table);
	tcase_add_test(tc, on_commit_actions);
	tcase_add_test(tc, refused_without_a_default_tenant);
	suite_add_tcase(s, tc);
	return check_run(s);
}
