/* SPDX-License-Identifier: Apache-2.0 */
/* test_notify.c: LISTEN / NOTIFY / UNLISTEN and pg_notify() through libpq against the real
 * binary — delivery to an idle listener that sends nothing, commit and rollback, savepoints,
 * duplicates folded, commit order, the notifier hearing itself, tenants kept apart, the
 * payload and channel limits, UNLISTEN and DISCARD ALL, and the bounded queue (54000). */
#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* The next notification on c, waiting up to ms for the server to push it (the client sends
 * nothing meanwhile); NULL when none came. Caller PQfreemem. */
static PGnotify *wait_notify(PGconn *c, int ms)
{
	for (int waited = 0;; waited += 10) {
		ck_assert(PQconsumeInput(c));
		PGnotify *n = PQnotifies(c);
		if (n || waited >= ms)
			return n;
		struct pollfd p = {.fd = PQsocket(c), .events = POLLIN};
		(void)poll(&p, 1, 10);
	}
}

static void expect_notify(PGconn *c, const char *channel, const char *payload, int pid)
{
	PGnotify *n = wait_notify(c, 3000);
	ck_assert_msg(n != NULL, "no notification %s/%s", channel, payload);
	ck_assert_str_eq(n->relname, channel);
	ck_assert_str_eq(n->extra, payload);
	ck_assert_int_eq(n->be_pid, pid);
	PQfreemem(n);
}

static void expect_none(PGconn *c, int ms)
{
	PGnotify *n = wait_notify(c, ms);
	ck_assert_msg(n == NULL, "unexpected notification %s/%s", n ? n->relname : "",
		      n ? n->extra : "");
}

START_TEST(idle_listener_gets_commits_only)
{
	PGconn *l = harness_connect(&H, "dbname=acme"), *n = harness_connect(&H, "dbname=acme");
	int pid = PQbackendPID(n);
	harness_exec(l, "LISTEN jobs");
	harness_exec(n, "NOTIFY jobs, 'one'");
	expect_notify(l, "jobs", "one", pid); /* pushed to a connection that sent nothing */
	harness_exec(n, "NOTIFY jobs"); /* no payload: an empty one */
	expect_notify(l, "jobs", "", pid);
	harness_exec(n, "BEGIN");
	harness_exec(n, "NOTIFY jobs, 'later'");
	expect_none(l, 200); /* not before COMMIT */
	harness_exec(n, "COMMIT");
	expect_notify(l, "jobs", "later", pid);
	harness_exec(n, "BEGIN");
	harness_exec(n, "NOTIFY jobs, 'never'");
	harness_exec(n, "ROLLBACK");
	harness_exec(n, "NOTIFY other, 'not listened to'");
	expect_none(l, 200);
	PQfinish(l);
	PQfinish(n);
}
END_TEST

START_TEST(savepoints_duplicates_order)
{
	PGconn *l = harness_connect(&H, "dbname=acme"), *n = harness_connect(&H, "dbname=acme");
	int pid = PQbackendPID(n);
	harness_exec(l, "LISTEN a");
	harness_exec(n, "BEGIN");
	harness_exec(n, "NOTIFY a, '1'");
	harness_exec(n, "SAVEPOINT s");
	harness_exec(n, "NOTIFY a, '2'");
	harness_exec(n, "ROLLBACK TO s");
	harness_exec(n, "NOTIFY a, '3'");
	harness_exec(n, "NOTIFY a, '1'"); /* the same channel and payload: folded */
	harness_exec(n, "SAVEPOINT t");
	harness_exec(n, "NOTIFY a, '4'");
	harness_exec(n, "RELEASE t");
	harness_exec(n, "COMMIT");
	expect_notify(l, "a", "1", pid);
	expect_notify(l, "a", "3", pid);
	expect_notify(l, "a", "4", pid);
	expect_none(l, 100);
	/* a session's first savepoint comes before it ever notified */
	PGconn *fresh = harness_connect(&H, "dbname=acme");
	harness_exec(fresh, "BEGIN; SAVEPOINT early; NOTIFY a, 'early'; SAVEPOINT late; "
		       "NOTIFY a, 'late'; ROLLBACK TO early; NOTIFY a, 'kept'; COMMIT");
	expect_notify(l, "a", "kept", PQbackendPID(fresh));
	expect_none(l, 100);
	PQfinish(fresh);
	/* commit order; a transaction's notifications in the order they were made */
	harness_exec(n, "NOTIFY a, 'first'");
	harness_exec(n, "BEGIN; NOTIFY a, 'second'; NOTIFY a, 'third'; COMMIT");
	expect_notify(l, "a", "first", pid);
	expect_notify(l, "a", "second", pid);
	expect_notify(l, "a", "third", pid);
	/* a failed statement inside a block: the transaction rolls back, and its notifications */
	harness_exec(n, "BEGIN");
	harness_exec(n, "NOTIFY a, 'doomed'");
	harness_exec_fail(n, "SELECT 1/0", "22012");
	harness_exec(n, "COMMIT"); /* answers ROLLBACK */
	expect_none(l, 200);
	PQfinish(l);
	PQfinish(n);
}
END_TEST

START_TEST(busy_listener_and_self)
{
	PGconn *l = harness_connect(&H, "dbname=acme"), *n = harness_connect(&H, "dbname=acme");
	harness_exec(l, "LISTEN a");
	/* the listener in a transaction hears nothing until it ends */
	harness_exec(l, "BEGIN");
	harness_exec(n, "NOTIFY a, 'while busy'");
	expect_none(l, 200);
	harness_exec(l, "COMMIT");
	expect_notify(l, "a", "while busy", PQbackendPID(n));
	/* the notifier listens too: its own notification comes with its command's answer */
	harness_exec(l, "NOTIFY a, 'me'");
	PGnotify *self = PQnotifies(l);
	ck_assert_ptr_nonnull(self);
	ck_assert_str_eq(self->extra, "me");
	ck_assert_int_eq(self->be_pid, PQbackendPID(l));
	PQfreemem(self);
	/* LISTEN x; NOTIFY x in one transaction hears itself at COMMIT */
	harness_exec(n, "BEGIN; LISTEN b; NOTIFY b, 'both'; COMMIT");
	self = PQnotifies(n);
	ck_assert_ptr_nonnull(self);
	ck_assert_str_eq(self->relname, "b");
	PQfreemem(self);
	/* a LISTEN rolled back never took effect */
	harness_exec(l, "BEGIN; LISTEN c; ROLLBACK");
	harness_exec(n, "NOTIFY c, 'x'");
	expect_none(l, 200);
	PQfinish(l);
	PQfinish(n);
}
END_TEST

START_TEST(pg_notify_function)
{
	PGconn *l = harness_connect(&H, "dbname=acme"), *n = harness_connect(&H, "dbname=acme");
	int pid = PQbackendPID(n);
	harness_exec(l, "LISTEN fn");
	harness_expect_value(n, "SELECT pg_notify('fn', 'select')", "");
	expect_notify(l, "fn", "select", pid);
	harness_exec(n, "BEGIN");
	harness_exec(n, "SELECT pg_notify('fn', 'row ' || g) FROM generate_series(1, 3) g");
	expect_none(l, 100);
	harness_exec(n, "COMMIT");
	expect_notify(l, "fn", "row 1", pid);
	expect_notify(l, "fn", "row 2", pid);
	expect_notify(l, "fn", "row 3", pid);
	/* extended protocol, parameters */
	const char *vals[] = {"fn", "bound"};
	PGresult *r = PQexecParams(n, "SELECT pg_notify($1, $2)", 2, NULL, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	PQclear(r);
	expect_notify(l, "fn", "bound", pid);
	/* a statement that fails after pg_notify ran: nothing sent */
	harness_exec_fail(n, "SELECT pg_notify('fn', 'lost'), 1/0", "22012");
	expect_none(l, 200);
	harness_expect_error(n, "SELECT pg_notify('', 'x')", "22023",
			     "channel name cannot be empty");
	harness_expect_error(n, "SELECT pg_notify(NULL, 'x')", "22023",
			     "channel name cannot be empty");
	harness_expect_error(n, "SELECT pg_notify(repeat('c', 64), 'x')", "22023",
			     "channel name too long");
	PQfinish(l);
	PQfinish(n);
}
END_TEST

START_TEST(limits_unlisten_tenants)
{
	PGconn *l = harness_connect(&H, "dbname=acme"), *n = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=beta");
	int pid = PQbackendPID(n);
	harness_exec(l, "LISTEN a");
	harness_exec(b, "LISTEN a");
	char sql[9000];
	snprintf(sql, sizeof(sql), "NOTIFY a, '%08000d'", 7); /* PostgreSQL: 7999 at most */
	PGresult *r = PQexec(n, sql);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22023");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), "payload string too long");
	PQclear(r);
	snprintf(sql, sizeof(sql), "NOTIFY a, '%07999d'", 7);
	harness_exec(n, sql);
	PGnotify *got = wait_notify(l, 3000);
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq((int)strlen(got->extra), 7999);
	PQfreemem(got);
	expect_none(b, 200); /* another tenant's channel of the same name */
	harness_exec(b, "NOTIFY a, 'beta'");
	expect_notify(b, "a", "beta", PQbackendPID(b));
	expect_none(l, 100);
	harness_exec(l, "UNLISTEN a");
	harness_exec(n, "NOTIFY a, 'gone'");
	expect_none(l, 200);
	harness_exec(l, "LISTEN a; LISTEN z");
	harness_exec(l, "UNLISTEN *");
	harness_exec(n, "NOTIFY a, 'gone'; NOTIFY z, 'gone'");
	expect_none(l, 200);
	harness_exec(l, "LISTEN a");
	harness_exec(l, "DISCARD ALL");
	harness_exec(n, "NOTIFY a, 'discarded'");
	expect_none(l, 200);
	harness_exec(l, "LISTEN a");
	harness_exec(n, "NOTIFY a, 'back'");
	expect_notify(l, "a", "back", pid);
	/* without a default tenant: refused, naming it */
	PGconn *h = harness_connect(&H, "dbname=postgres");
	harness_exec_fail(h, "LISTEN a", "0A000");
	harness_exec_fail(h, "NOTIFY a", "0A000");
	PQfinish(h);
	PQfinish(l);
	PQfinish(n);
	PQfinish(b);
}
END_TEST

/* A listener that never reads: its queue fills (8 MiB) and NOTIFY's COMMIT fails with 54000
 * instead of the server's memory growing; once it reads, everything queued arrives. */
START_TEST(queue_bounded)
{
	PGconn *l = harness_connect(&H, "dbname=acme"), *n = harness_connect(&H, "dbname=acme");
	harness_exec(l, "LISTEN q");
	/* one transaction's own notifications are bounded the same way */
	harness_exec_fail(n, "SELECT pg_notify('q', repeat('x', 7000) || g) FROM "
			     "generate_series(1, 3000) g", "54000");
	int ok = 0;
	bool full = false;
	for (int i = 0; i < 20 && !full; i++) {
		char sql[200];
		snprintf(sql, sizeof(sql), "SELECT pg_notify('q', repeat('y', 7000) || g || '-%d') "
			 "FROM generate_series(1, 500) g", i);
		PGresult *r = PQexec(n, sql);
		if (PQresultStatus(r) == PGRES_TUPLES_OK) {
			ok++;
		} else {
			ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "54000");
			full = true;
		}
		PQclear(r);
	}
	ck_assert_msg(full, "the queue never filled");
	/* pg_notification_queue_usage(): the fullest listener's queue, nearly full now */
	PGresult *r = harness_exec_ok(n, "SELECT pg_notification_queue_usage() > 0.5");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "t");
	PQclear(r);
	int count = 0;
	for (PGnotify *got; (got = wait_notify(l, 2000)) != NULL; count++)
		PQfreemem(got);
	ck_assert_int_eq(count, ok * 500);
	harness_expect_value(n, "SELECT pg_notification_queue_usage()", "0");
	harness_exec(n, "NOTIFY q, 'room again'");
	expect_notify(l, "q", "room again", PQbackendPID(n));
	PQfinish(l);
	PQfinish(n);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("notify");
	TCase *tc = tcase_create("notify");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, idle_listener_gets_commits_only);
	tcase_add_test(tc, savepoints_duplicates_order);
	tcase_add_test(tc, busy_listener_and_self);
	tcase_add_test(tc, pg_notify_function);
	tcase_add_test(tc, limits_unlisten_tenants);
	tcase_add_test(tc, queue_bounded);
	suite_add_tcase(s, tc);
	return check_run(s);
}
