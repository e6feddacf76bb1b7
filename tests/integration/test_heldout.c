/* SPDX-License-Identifier: Apache-2.0 */
/* test_heldout.c: a request whose statement waits for another connection's write lock sends
 * nothing until it ran, as PostgreSQL sends nothing before the Sync or Flush that ends it
 * (session_output_held): the ParseComplete and BindComplete before a parked Execute stay in
 * the server's buffer and reach the client with the rest of the answer in one piece. An
 * earlier request that a Sync ended in the same packet is answered at once. */
#include <check.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* Whether bytes arrive on c's socket within ms milliseconds. */
static bool readable(PGconn *c, int ms)
{
	struct pollfd p = {.fd = PQsocket(c), .events = POLLIN};
	return poll(&p, 1, ms) == 1;
}

static PGconn *holder(void)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	harness_exec(a, "CREATE TABLE IF NOT EXISTS ho (a int)");
	harness_exec(a, "BEGIN");
	harness_exec(a, "INSERT INTO ho VALUES (1)");
	return a;
}

static void expect_command(PGconn *c)
{
	PGresult *r = PQgetResult(c);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	PQclear(r);
}

START_TEST(parked_execute_sends_nothing_before_it_ran)
{
	PGconn *a = holder();
	PGconn *b = harness_connect(&H, "dbname=acme");
	/* Parse, Bind, Describe, Execute, Sync in one packet; the Execute waits for a's lock */
	ck_assert(PQsendQueryParams(b, "INSERT INTO ho VALUES (2)", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(!readable(b, 500));
	harness_exec(a, "COMMIT");
	expect_command(b);
	ck_assert_ptr_null(PQgetResult(b));
	harness_exec(b, "SELECT 1"); /* the connection goes on as usual */
	PQfinish(b);
	PQfinish(a);
}
END_TEST

START_TEST(earlier_synced_request_is_answered_at_once)
{
	PGconn *a = holder();
	PGconn *b = harness_connect(&H, "dbname=acme");
	ck_assert(PQenterPipelineMode(b));
	ck_assert(PQsendQueryParams(b, "SELECT 42", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(PQpipelineSync(b));
	ck_assert(PQsendQueryParams(b, "INSERT INTO ho VALUES (3)", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(PQpipelineSync(b));
	/* the first request's answer and ReadyForQuery arrive while the second waits */
	ck_assert(readable(b, 5000));
	PGresult *r = PQgetResult(b);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQresultErrorMessage(r));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "42");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(b));
	r = PQgetResult(b);
	ck_assert_int_eq(PQresultStatus(r), PGRES_PIPELINE_SYNC);
	PQclear(r);
	ck_assert(!readable(b, 300));
	harness_exec(a, "COMMIT");
	expect_command(b);
	ck_assert_ptr_null(PQgetResult(b));
	r = PQgetResult(b);
	ck_assert_int_eq(PQresultStatus(r), PGRES_PIPELINE_SYNC);
	PQclear(r);
	ck_assert(PQexitPipelineMode(b));
	PGresult *n = PQexec(b, "SELECT count(*) FROM ho");
	ck_assert_str_eq(PQgetvalue(n, 0, 0), "2");
	PQclear(n);
	PQfinish(b);
	PQfinish(a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("heldout");
	TCase *tc = tcase_create("parked");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, parked_execute_sends_nothing_before_it_ran);
	tcase_add_test(tc, earlier_synced_request_is_answered_at_once);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
