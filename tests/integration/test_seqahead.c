/* SPDX-License-Identifier: Apache-2.0 */
/* test_seqahead.c: a sequence of its own gives its numbers as PostgreSQL's (shard_seq.c):
 * a number taken in a transaction that rolled back is not given again to another session,
 * nextval does not wait for another session's open transaction (one that read, one that
 * wrote), setval is not undone by ROLLBACK, ALTER SEQUENCE ... RESTART is, and currval stays
 * the session's. Two libpq sessions on one tenant. */
#include <check.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check_run.h"
#include "harness.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* The one value sql answers on c, which must come while the other session's transaction is
 * still open (it is ended only after): a nextval that waited for it would never answer. */
static long long answered(PGconn *c, const char *sql)
{
	ck_assert(PQsendQuery(c, sql));
	struct pollfd p = {.fd = PQsocket(c), .events = POLLIN};
	for (;;) {
		ck_assert_msg(poll(&p, 1, 20000) == 1, "%s waited for the other session", sql);
		ck_assert(PQconsumeInput(c));
		if (!PQisBusy(c))
			break;
	}
	PGresult *r = PQgetResult(c);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql, PQresultErrorMessage(r));
	long long v = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	return v;
}

static long long value(PGconn *c, const char *sql)
{
	PGresult *r = harness_exec_ok(c, sql);
	long long v = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

START_TEST(rolled_back_number_is_not_given_again)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "CREATE SEQUENCE hib_seq");
	harness_exec(a, "CREATE TABLE hib (id bigint PRIMARY KEY)");
	harness_exec(a, "BEGIN");
	ck_assert_int_eq(value(a, "SELECT nextval('hib_seq')"), 1);
	harness_exec(a, "INSERT INTO hib VALUES (currval('hib_seq'))");
	harness_exec(a, "ROLLBACK");
	/* Hibernate's pooled optimizer takes a block this way: a repeat is a duplicate key */
	ck_assert_int_eq(value(b, "SELECT nextval('hib_seq')"), 2);
	ck_assert_int_eq(value(a, "SELECT nextval('hib_seq')"), 3);
	/* the same in a transaction that wrote before it took the number */
	harness_exec(a, "BEGIN");
	harness_exec(a, "INSERT INTO hib VALUES (100)");
	ck_assert_int_eq(value(a, "SELECT nextval('hib_seq')"), 4);
	harness_exec(a, "ROLLBACK");
	ck_assert_int_eq(value(b, "SELECT nextval('hib_seq')"), 5);
	harness_exec(b, "INSERT INTO hib VALUES (currval('hib_seq'))");
	ck_assert_int_eq(value(a, "SELECT currval('hib_seq')"), 4); /* each session's own */
	ck_assert_int_eq(value(b, "SELECT lastval()"), 5);
	PQfinish(b);
	PQfinish(a);
}
END_TEST

START_TEST(open_transactions_do_not_make_nextval_wait)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "CREATE SEQUENCE job_seq");
	harness_exec(a, "CREATE TABLE jobs (id bigint PRIMARY KEY)");
	/* a transaction that only read: its nextval does not make it a writer */
	harness_exec(a, "BEGIN");
	ck_assert_int_eq(value(a, "SELECT nextval('job_seq')"), 1);
	ck_assert_int_eq(answered(b, "SELECT nextval('job_seq')"), 2);
	harness_exec(b, "INSERT INTO jobs VALUES (2)");
	ck_assert_int_eq(answered(b, "SELECT count(*) FROM jobs"), 1);
	ck_assert_int_eq(value(a, "SELECT nextval('job_seq')"), 3);
	harness_exec(a, "COMMIT");
	/* a transaction that holds the write lock: the others' nextval goes on */
	harness_exec(a, "BEGIN");
	harness_exec(a, "INSERT INTO jobs VALUES (1000)");
	ck_assert_int_eq(value(a, "SELECT nextval('job_seq')"), 4);
	for (long long want = 5; want < 15; want++)
		ck_assert_int_eq(answered(b, "SELECT nextval('job_seq')"), want);
	ck_assert_int_eq(value(a, "SELECT nextval('job_seq')"), 15);
	harness_exec(a, "COMMIT");
	ck_assert_int_eq(value(b, "SELECT nextval('job_seq')"), 16);
	PQfinish(b);
	PQfinish(a);
}
END_TEST

START_TEST(setval_stays_restart_rolls_back)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "CREATE SEQUENCE sv");
	ck_assert_int_eq(value(a, "SELECT nextval('sv')"), 1);
	harness_exec(a, "BEGIN");
	ck_assert_int_eq(value(a, "SELECT setval('sv', 100)"), 100);
	harness_exec(a, "ROLLBACK");
	ck_assert_int_eq(value(b, "SELECT nextval('sv')"), 101);
	harness_exec(a, "BEGIN");
	harness_exec(a,
		     "CREATE TABLE sv_t (a int)"); /* a writer first: setval in its transaction */
	ck_assert_int_eq(value(a, "SELECT setval('sv', 500, false)"), 500);
	harness_exec(a, "ROLLBACK");
	ck_assert_int_eq(value(b, "SELECT nextval('sv')"), 500);
	harness_exec(a, "BEGIN");
	harness_exec(a, "ALTER SEQUENCE sv RESTART WITH 7");
	ck_assert_int_eq(value(a, "SELECT nextval('sv')"), 7);
	harness_exec(a, "ROLLBACK");
	ck_assert_int_eq(value(b, "SELECT nextval('sv')"), 501);
	harness_exec(a, "ALTER SEQUENCE sv RESTART WITH 7");
	ck_assert_int_eq(value(b, "SELECT nextval('sv')"), 7);
	ck_assert_int_eq(value(a, "SELECT nextval('sv')"), 8);
	/* dropped and made again: starts over */
	harness_exec(a, "DROP SEQUENCE sv");
	harness_exec(a, "CREATE SEQUENCE sv START 3");
	ck_assert_int_eq(value(b, "SELECT nextval('sv')"), 3);
	ck_assert_int_eq(value(b, "SELECT last_value FROM pg_sequences WHERE sequencename = 'sv'"),
			 3);
	PQfinish(b);
	PQfinish(a);
}
END_TEST

START_TEST(identity_column_numbers_survive_rollback)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	/* not the rowid key: the identity's sequence is a sidecar one */
	harness_exec(a, "CREATE TABLE idt (k text PRIMARY KEY, n int GENERATED ALWAYS AS "
			"IDENTITY)");
	harness_exec(a, "BEGIN");
	harness_exec(a, "INSERT INTO idt (k) VALUES ('a'), ('b')");
	harness_exec(a, "ROLLBACK");
	harness_exec(b, "INSERT INTO idt (k) VALUES ('c')");
	ck_assert_int_eq(value(b, "SELECT n FROM idt WHERE k = 'c'"), 3);
	PQfinish(b);
	PQfinish(a);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("seqahead");
	TCase *tc = tcase_create("sessions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, rolled_back_number_is_not_given_again);
	tcase_add_test(tc, open_transactions_do_not_make_nextval_wait);
	tcase_add_test(tc, setval_stays_restart_rolls_back);
	tcase_add_test(tc, identity_column_numbers_survive_rollback);
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return check_run(suite()); }
