/* SPDX-License-Identifier: Apache-2.0 */
/* test_activity.c: sessions seeing each other through the real binary — advisory locks across
 * two sessions (a blocked pg_advisory_lock proceeds when the holder unlocks, commits or
 * disconnects; lock_timeout, cancel, shared and transaction-level locks, pg_locks), sequences
 * shared by two sessions, pg_stat_activity, pg_cancel_backend and pg_terminate_backend. No
 * timing is asserted: waits are observed through pg_locks. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static PGconn *connect_app(const char *app)
{
	char ci[128];
	snprintf(ci, sizeof(ci), "dbname=acme application_name=%s", app);
	return harness_connect(&H, ci);
}

/* The first column of every row, joined with ','. */
static char *value(PGconn *c, const char *sql)
{
	PGresult *r = harness_exec_ok(c, sql);
	char buf[1024] = "";
	for (int i = 0; i < PQntuples(r); i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s", i ? "," : "",
			 PQgetisnull(r, i, 0) ? "(null)" : PQgetvalue(r, i, 0));
	PQclear(r);
	return strdup(buf);
}

static void expect_value(PGconn *c, const char *sql, const char *want)
{
	char *v = value(c, sql);
	ck_assert_msg(strcmp(v, want) == 0, "%s: got %s, want %s", sql, v, want);
	free(v);
}

/* Waits until sql (run on c) answers want, for up to 10 s. */
static void await_value(PGconn *c, const char *sql, const char *want)
{
	for (int i = 0; i < 200; i++) {
		char *v = value(c, sql);
		bool ok = strcmp(v, want) == 0;
		free(v);
		if (ok)
			return;
		usleep(50000);
	}
	ck_abort_msg("%s never answered %s", sql, want);
}

static void expect_result(PGconn *c, const char *sqlstate)
{
	PGresult *r = PQgetResult(c);
	ck_assert_ptr_nonnull(r);
	const char *got = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (!sqlstate[0])
		ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "expected success: %s",
			      PQerrorMessage(c));
	else
		ck_assert_msg(got && strcmp(got, sqlstate) == 0, "expected %s, got %s: %s",
			      sqlstate, got ? got : "(none)", PQerrorMessage(c));
	PQclear(r);
	while ((r = PQgetResult(c)))
		PQclear(r);
}

#define WAITERS "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"

START_TEST(blocked_lock_proceeds_on_unlock)
{
	PGconn *a = connect_app("a"), *b = connect_app("b");
	expect_value(a, "SELECT pg_try_advisory_lock(7)", "t");
	expect_value(b, "SELECT pg_try_advisory_lock(7)", "f");
	ck_assert(PQsendQuery(b, "SELECT pg_advisory_lock(7)"));
	await_value(a, WAITERS, "1");
	expect_value(a,
		     "SELECT l.classid || '/' || l.objid || '/' || l.objsubid || ' ' || l.mode || ' ' || "
		     "a.application_name || ' ' || a.wait_event_type || ' ' || a.wait_event FROM "
		     "pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted",
		     "0/7/1 ExclusiveLock b Lock advisory");
	expect_value(a, "SELECT pg_advisory_unlock(7)", "t");
	expect_result(b, "");
	expect_value(a, "SELECT pg_try_advisory_lock(7)", "f");
	expect_value(b, "SELECT pg_advisory_unlock(7)", "t");
	expect_value(b, "SELECT pg_advisory_unlock(7)", "f");
	expect_value(a, "SELECT pg_try_advisory_lock(7)", "t");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(disconnect_releases_locks)
{
	PGconn *a = connect_app("a"), *b = connect_app("b");
	harness_exec(a, "SELECT pg_advisory_lock(1, 2)");
	ck_assert(PQsendQuery(b, "SELECT pg_advisory_lock(1, 2)"));
	await_value(a, WAITERS, "1");
	PQfinish(a); /* the holder goes away without unlocking */
	expect_result(b, "");
	expect_value(b,
		     "SELECT classid || '/' || objid || '/' || objsubid FROM pg_locks WHERE "
		     "locktype = 'advisory' AND granted",
		     "1/2/2");
	PQfinish(b);
}
END_TEST

START_TEST(lock_timeout_and_cancel_end_the_wait)
{
	PGconn *a = connect_app("a"), *b = connect_app("b");
	harness_exec(a, "SELECT pg_advisory_lock(5)");
	harness_exec(b, "SET lock_timeout = '100ms'");
	harness_exec_fail(b, "SELECT pg_advisory_lock(5)", "55P03");
	expect_value(a, WAITERS, "0");
	harness_exec(b, "SET lock_timeout = 0");
	ck_assert(PQsendQuery(b, "SELECT pg_advisory_lock(5)"));
	await_value(a, WAITERS, "1");
	char errbuf[256];
	PGcancel *cancel = PQgetCancel(b);
	ck_assert(PQcancel(cancel, errbuf, sizeof(errbuf)));
	PQfreeCancel(cancel);
	expect_result(b, "57014");
	expect_value(a, WAITERS, "0");
	expect_value(b, "SELECT 1", "1");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(shared_and_transaction_locks)
{
	PGconn *a = connect_app("a"), *b = connect_app("b");
	harness_exec(a, "SELECT pg_advisory_lock_shared(9)");
	expect_value(b, "SELECT pg_try_advisory_lock_shared(9)", "t");
	expect_value(b, "SELECT pg_try_advisory_lock(9)", "f");
	harness_exec(a, "SELECT pg_advisory_unlock_all()");
	expect_value(b, "SELECT pg_advisory_unlock_shared(9)", "t");
	/* a transaction-level lock ends with its transaction, not with the statement */
	harness_exec(a, "BEGIN");
	expect_value(a, "SELECT pg_try_advisory_xact_lock(3)", "t");
	expect_value(b, "SELECT pg_try_advisory_lock(3)", "f");
	expect_value(a, "SELECT pg_advisory_unlock(3)", "f"); /* not a session-level lock */
	harness_exec(a, "COMMIT");
	expect_value(b, "SELECT pg_try_advisory_lock(3)", "t");
	/* in autocommit it ends with the statement */
	expect_value(a, "SELECT pg_try_advisory_xact_lock(4)", "t");
	expect_value(b, "SELECT pg_try_advisory_lock(4)", "t");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(activity_lists_the_tenants_sessions)
{
	PGconn *a = connect_app("alpha"), *b = connect_app("beta");
	PGconn *other = harness_connect(&H, "dbname=other application_name=gamma");
	harness_exec(b, "CREATE TABLE t (x int)");
	harness_exec(b, "BEGIN");
	harness_exec(b, "INSERT INTO t VALUES (1)");
	expect_value(a,
		     "SELECT application_name || ':' || state FROM pg_stat_activity ORDER BY 1",
		     "alpha:active,beta:idle in transaction");
	expect_value(a,
		     "SELECT query FROM pg_stat_activity WHERE application_name = 'beta'",
		     "INSERT INTO t VALUES (1)");
	expect_value(a,
		     "SELECT count(*) FROM pg_stat_activity WHERE pid = pg_backend_pid() AND "
		     "xact_start IS NOT NULL AND query_start IS NOT NULL AND backend_start IS NOT "
		     "NULL AND usename = current_user AND datname = current_database() AND "
		     "client_addr IS NULL AND client_port = -1 AND backend_type = 'client backend'",
		     "1");
	harness_exec(b, "COMMIT");
	expect_value(a, "SELECT state FROM pg_stat_activity WHERE application_name = 'beta'",
		     "idle");
	expect_value(other, "SELECT count(*) FROM pg_stat_activity", "1");
	PQfinish(a);
	PQfinish(b);
	PQfinish(other);
}
END_TEST

START_TEST(cancel_and_terminate_backend)
{
	PGconn *a = connect_app("a"), *b = connect_app("b");
	char *bpid = value(b, "SELECT pg_backend_pid()");
	char sql[128];
	harness_exec(a, "SELECT pg_advisory_lock(11)");
	ck_assert(PQsendQuery(b, "SELECT pg_advisory_lock(11)"));
	await_value(a, WAITERS, "1");
	snprintf(sql, sizeof(sql), "SELECT pg_cancel_backend(%s)", bpid);
	expect_value(a, sql, "t");
	expect_result(b, "57014");
	expect_value(a, "SELECT pg_cancel_backend(999999)", "f");
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%s)", bpid);
	expect_value(a, sql, "t");
	await_value(a, "SELECT count(*) FROM pg_stat_activity", "1");
	PGresult *r = PQexec(b, "SELECT 1");
	ck_assert(PQresultStatus(r) == PGRES_FATAL_ERROR);
	PQclear(r);
	free(bpid);
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(sequences_across_sessions)
{
	PGconn *a = connect_app("a"), *b = connect_app("b");
	harness_exec(a, "CREATE SEQUENCE s");
	expect_value(a, "SELECT nextval('s')", "1");
	expect_value(b, "SELECT nextval('s')", "2");
	harness_exec_fail(b, "SELECT currval('x')", "42P01");
	expect_value(a, "SELECT currval('s')", "1"); /* each session's own last value */
	expect_value(b, "SELECT lastval()", "2");
	/* a session waiting for another's write transaction gets the next value after it */
	harness_exec(a, "BEGIN");
	expect_value(a, "SELECT nextval('s')", "3");
	ck_assert(PQsendQuery(b, "SELECT nextval('s')"));
	usleep(100000);
	harness_exec(a, "COMMIT");
	PGresult *r = PQgetResult(b);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "4");
	PQclear(r);
	while ((r = PQgetResult(b)))
		PQclear(r);
	PQfinish(a);
	PQfinish(b);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("activity");
	TCase *tc = tcase_create("activity");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, blocked_lock_proceeds_on_unlock);
	tcase_add_test(tc, disconnect_releases_locks);
	tcase_add_test(tc, lock_timeout_and_cancel_end_the_wait);
	tcase_add_test(tc, shared_and_transaction_locks);
	tcase_add_test(tc, activity_lists_the_tenants_sessions);
	tcase_add_test(tc, cancel_and_terminate_backend);
	tcase_add_test(tc, sequences_across_sessions);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
