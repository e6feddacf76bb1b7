/* SPDX-License-Identifier: Apache-2.0 */
/* test_locks.c: LOCK TABLE between sessions of one tenant through libpq against the real
 * binary (the table-lock manager, src/shard/shard_tlock.c) — a conflicting LOCK waits until
 * the holder's COMMIT or ROLLBACK, NOWAIT and lock_timeout are 55P03, a reader waits behind
 * ACCESS EXCLUSIVE and a writer behind SHARE (readers do not), another tenant's table is not
 * locked, a client that vanishes mid-transaction lets its locks go, and two LOCKs waiting for
 * each other are 40P01. */
#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* Sends sql on c without waiting. */
static void send_sql(PGconn *c, const char *sql) { ck_assert(PQsendQuery(c, sql)); }

/* Whether c's query ended within ms. */
static bool done_within(PGconn *c, int ms)
{
	for (int waited = 0;; waited += 10) {
		ck_assert(PQconsumeInput(c));
		if (!PQisBusy(c))
			return true;
		if (waited >= ms)
			return false;
		struct pollfd p = {.fd = PQsocket(c), .events = POLLIN};
		(void)poll(&p, 1, 10);
	}
}

/* The sent query's end: every statement ok (sqlstate NULL), or the last failed with it. */
static void expect_end(PGconn *c, const char *sqlstate)
{
	ck_assert_msg(done_within(c, 5000), "still waiting");
	char got[6] = "";
	for (PGresult *r; (r = PQgetResult(c)); PQclear(r)) {
		const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		if (st)
			snprintf(got, sizeof(got), "%s", st);
	}
	ck_assert_msg(strcmp(got, sqlstate ? sqlstate : "") == 0, "expected %s, got %s",
		      sqlstate ? sqlstate : "success", got);
}

static PGconn *acme(void) { return harness_connect(&H, "dbname=acme"); }

START_TEST(lock_waits_for_commit_and_rollback)
{
	PGconn *a = acme(), *b = acme();
	harness_exec(a, "CREATE TABLE t (v int)");
	harness_exec(a, "BEGIN");
	harness_exec(a, "LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
	send_sql(b, "BEGIN; LOCK TABLE t IN ACCESS SHARE MODE");
	ck_assert(!done_within(b, 300));
	harness_expect_value(a, "SELECT count(*) FROM pg_locks WHERE NOT granted "
				"AND mode = 'AccessShareLock' AND relation = 't'::regclass",
			     "1");
	harness_exec(a, "COMMIT");
	expect_end(b, NULL);
	harness_exec(a, "BEGIN");
	send_sql(a, "LOCK t");
	ck_assert(!done_within(a, 300)); /* b's ACCESS SHARE keeps ACCESS EXCLUSIVE out */
	harness_exec(b, "ROLLBACK");
	expect_end(a, NULL);
	harness_exec(a, "ROLLBACK");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(nowait_and_lock_timeout)
{
	PGconn *a = acme(), *b = acme();
	harness_exec(a, "CREATE TABLE t (v int)");
	harness_exec(a, "BEGIN; LOCK t IN ACCESS SHARE MODE");
	harness_exec(b, "BEGIN");
	harness_expect_error(b, "LOCK t NOWAIT", "55P03", "could not obtain lock on relation \"t\"");
	harness_exec(b, "ROLLBACK");
	harness_exec(b, "SET lock_timeout = '200ms'");
	harness_exec(b, "BEGIN");
	harness_expect_error(b, "LOCK t", "55P03", "canceling statement due to lock timeout");
	harness_exec(b, "ROLLBACK");
	harness_exec(b, "BEGIN; LOCK t IN ROW SHARE MODE NOWAIT; ROLLBACK"); /* no conflict */
	harness_exec(a, "COMMIT");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(statements_respect_locks)
{
	PGconn *a = acme(), *b = acme(), *o = harness_connect(&H, "dbname=other");
	harness_exec(a, "CREATE TABLE t (v int); INSERT INTO t VALUES (1)");
	harness_exec(o, "CREATE TABLE t (v int)");
	harness_exec(a, "BEGIN; LOCK t");
	send_sql(b, "SELECT count(*) FROM t");
	ck_assert(!done_within(b, 300)); /* a reader waits behind ACCESS EXCLUSIVE */
	harness_expect_value(a, "SELECT wait_event_type || ' ' || wait_event || ' ' || l.mode "
				"FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
				"WHERE NOT l.granted",
			     "Lock relation AccessShareLock");
	harness_exec(o, "INSERT INTO t VALUES (5)"); /* another tenant's t */
	harness_exec(a, "INSERT INTO t VALUES (2); COMMIT");
	ck_assert(done_within(b, 5000));
	PGresult *r = PQgetResult(b);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2"); /* it read after the holder's commit */
	PQclear(r);
	while ((r = PQgetResult(b)))
		PQclear(r);
	harness_exec(a, "BEGIN; LOCK t IN SHARE MODE");
	harness_expect_value(b, "SELECT count(*) FROM t", "2"); /* readers pass SHARE */
	send_sql(b, "INSERT INTO t VALUES (3)");
	ck_assert(!done_within(b, 300)); /* writers do not */
	harness_exec(a, "ROLLBACK");
	expect_end(b, NULL);
	PQfinish(a);
	PQfinish(b);
	PQfinish(o);
}
END_TEST

START_TEST(vanished_client_lets_go)
{
	PGconn *a = acme(), *b = acme();
	harness_exec(a, "CREATE TABLE t (v int)");
	harness_exec(a, "BEGIN; LOCK t");
	send_sql(b, "BEGIN; LOCK t IN EXCLUSIVE MODE");
	ck_assert(!done_within(b, 300));
	PQfinish(a); /* mid-transaction, without COMMIT or Terminate's rollback */
	expect_end(b, NULL);
	harness_exec(b, "COMMIT");
	PQfinish(b);
}
END_TEST

START_TEST(two_locks_deadlock)
{
	PGconn *a = acme(), *b = acme();
	harness_exec(a, "CREATE TABLE t (v int); CREATE TABLE u (v int)");
	harness_exec(a, "BEGIN; LOCK t IN ACCESS SHARE MODE");
	harness_exec(b, "BEGIN; LOCK u IN ACCESS SHARE MODE");
	send_sql(a, "LOCK u");
	ck_assert(!done_within(a, 300));
	harness_expect_error(b, "LOCK t", "40P01", "deadlock detected");
	harness_exec(b, "ROLLBACK");
	expect_end(a, NULL);
	harness_exec(a, "COMMIT");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("locks");
	TCase *tc = tcase_create("locks");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, lock_waits_for_commit_and_rollback);
	tcase_add_test(tc, nowait_and_lock_timeout);
	tcase_add_test(tc, statements_respect_locks);
	tcase_add_test(tc, vanished_client_lets_go);
	tcase_add_test(tc, two_locks_deadlock);
	suite_add_tcase(s, tc);
	return check_run(s);
}
