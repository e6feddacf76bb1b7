/* SPDX-License-Identifier: Apache-2.0 */
/* test_loops.c: a server with two event loops (loop_threads = 2) — connections spread over
 * both, and what crosses from one loop to the other works: a lock holder on one loop wakes a
 * waiter on the other, a CancelRequest reaches a statement whichever loop it lands on, the
 * timers of sessions on every loop fire, point selects from clients on both loops run side by
 * side, and a shutdown with statements running on both loops ends every one. (Every other
 * integration test runs with two loops too: the harness sets it.) */
#include <check.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

#define LONG_QUERY                                                                              \
	"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000000000) " \
	"SELECT count(*) FROM c"

static struct harness H;

static void setup(void)
{
	static const char *const args[] = {"loop_threads=2", "log_level=debug", NULL};
	harness_start(&H, args);
}

static void teardown(void) { harness_stop(&H); }

/* How many lines of the server's log contain text. */
static int log_count(const char *text)
{
	FILE *f = fopen(H.log_path, "r");
	ck_assert_ptr_nonnull(f);
	char line[4096];
	int n = 0;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, text) != NULL;
	fclose(f);
	return n;
}

/* How often text is in the log once it is there at all: the server logs its "ready" line just
 * after it creates the socket the harness waits for, so a loaded machine may read the log
 * first. Gives up after about five seconds. */
static int log_count_eventually(const char *text)
{
	int n = 0;
	for (int i = 0; i < 500 && (n = log_count(text)) == 0; i++)
		usleep(10000);
	return n;
}

/* Two connections opened one after the other on a fresh server: the second goes to the loop
 * without a connection, so the pair spans both loops. */
static void open_pair(PGconn **a, PGconn **b, const char *conninfo)
{
	*a = harness_connect(&H, conninfo);
	*b = harness_connect(&H, conninfo);
}

START_TEST(connections_spread_over_both_loops)
{
	ck_assert_int_eq(log_count_eventually("loops=2 "), 1);
	PGconn *c[4];
	for (int i = 0; i < 4; i++)
		c[i] = harness_connect(&H, "dbname=spread");
	for (int i = 0; i < 4; i++)
		harness_expect_value(c[i], "SELECT 40 + 2", "42");
	ck_assert_int_ge(log_count("connection on loop 0 of 2"), 1);
	ck_assert_int_ge(log_count("connection on loop 1 of 2"), 1);
	for (int i = 0; i < 4; i++)
		PQfinish(c[i]);
}
END_TEST

/* holder takes the write lock; waiter's UPDATE parks on the other loop until holder ends. */
static void wake_across(PGconn *holder, PGconn *waiter)
{
	PQclear(harness_exec_ok(holder, "BEGIN"));
	PQclear(harness_exec_ok(holder, "UPDATE t SET v = v + 1 WHERE id = 1"));
	ck_assert(PQsendQuery(waiter, "UPDATE t SET v = v + 10 WHERE id = 1"));
	usleep(100000);
	ck_assert(PQconsumeInput(waiter));
	ck_assert(PQisBusy(waiter)); /* parked */
	PQclear(harness_exec_ok(holder, "COMMIT"));
	harness_expect_result(waiter, "");
}

START_TEST(lock_wakeups_and_cancel_cross_loops)
{
	PGconn *a, *b;
	open_pair(&a, &b, "dbname=wake");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (id int PRIMARY KEY, v int)"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1, 0)"));
	wake_across(a, b);
	wake_across(b, a);
	harness_expect_value(a, "SELECT v FROM t", "22");
	/* A parked waiter and a running statement, each canceled from a third connection. */
	PQclear(harness_exec_ok(a, "BEGIN"));
	PQclear(harness_exec_ok(a, "UPDATE t SET v = 0 WHERE id = 1"));
	ck_assert(PQsendQuery(b, "UPDATE t SET v = 5 WHERE id = 1"));
	harness_cancel_until_done(b);
	PQclear(harness_exec_ok(a, "ROLLBACK"));
	ck_assert(PQsendQuery(a, LONG_QUERY));
	harness_cancel_until_done(a);
	ck_assert(PQsendQuery(b, LONG_QUERY));
	harness_cancel_until_done(b);
	harness_expect_value(b, "SELECT v FROM t", "22");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(timers_fire_on_every_loop)
{
	PGconn *a, *b;
	open_pair(&a, &b, "dbname=timers");
	PGconn *c[2] = {a, b};
	for (int i = 0; i < 2; i++) {
		PQclear(harness_exec_ok(c[i], "SET statement_timeout = '100ms'"));
		harness_exec_fail(c[i], LONG_QUERY, "57014");
		PQclear(harness_exec_ok(c[i], "SET statement_timeout = 0"));
		PQclear(harness_exec_ok(c[i], "SET idle_in_transaction_session_timeout = '150ms'"));
		PQclear(harness_exec_ok(c[i], "BEGIN"));
	}
	usleep(400000);
	for (int i = 0; i < 2; i++) {
		PGresult *r = PQexec(c[i], "SELECT 1");
		ck_assert(PQresultStatus(r) != PGRES_TUPLES_OK); /* the session was closed */
		PQclear(r);
		PQfinish(c[i]);
	}
}
END_TEST

struct reader {
	PGconn *c;
	int ok;
};

/* Prepared point selects (the fast path on the connection's loop), checking every answer. */
static void *read_many(void *arg)
{
	struct reader *rd = arg;
	PGresult *r = PQprepare(rd->c, "get", "SELECT v FROM t WHERE id = $1", 1, NULL);
	int prepared = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	for (int i = 0; prepared && i < 500; i++) {
		char id[16], want[16];
		snprintf(id, sizeof(id), "%d", i % 50);
		snprintf(want, sizeof(want), "%d", (i % 50) * 3);
		const char *params[1] = {id};
		r = PQexecPrepared(rd->c, "get", 1, params, NULL, NULL, 0);
		rd->ok += PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
			  strcmp(PQgetvalue(r, 0, 0), want) == 0;
		PQclear(r);
	}
	return NULL;
}

START_TEST(point_selects_run_on_both_loops_at_once)
{
	PGconn *setup_conn = harness_connect(&H, "dbname=reads");
	PQclear(harness_exec_ok(setup_conn, "CREATE TABLE t (id int PRIMARY KEY, v int)"));
	PQclear(harness_exec_ok(setup_conn, "INSERT INTO t SELECT g, g * 3 FROM "
					    "generate_series(0, 49) g"));
	PQfinish(setup_conn);
	struct reader rd[4] = {{0}};
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		rd[i].c = harness_connect(&H, "dbname=reads");
	for (int i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, read_many, &rd[i]);
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		ck_assert_int_eq(rd[i].ok, 500);
		PQfinish(rd[i].c);
	}
}
END_TEST

/* SIGTERM while a statement runs on each loop: the grace period (shutdown_timeout) ends, both
 * are interrupted, both clients hear FATAL 57P01, the server exits cleanly. */
START_TEST(shutdown_ends_work_on_every_loop)
{
	harness_stop(&H);
	static const char *const args[] = {"loop_threads=2", "shutdown_timeout=100ms", NULL};
	harness_start(&H, args);
	PGconn *a, *b;
	open_pair(&a, &b, "dbname=stop");
	ck_assert(PQsendQuery(a, LONG_QUERY));
	ck_assert(PQsendQuery(b, LONG_QUERY));
	usleep(100000);
	harness_stop(&H);
	for (int i = 0; i < 2; i++) {
		PGconn *c = i ? b : a;
		PGresult *r = PQgetResult(c);
		const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
		ck_assert_msg(state && strcmp(state, "57P01") == 0, "got %s: %s",
			      state ? state : "(none)", PQerrorMessage(c));
		PQclear(r);
		PQfinish(c);
	}
	harness_start(&H, NULL); /* for teardown */
}
END_TEST

/* A signal sent as soon as the socket exists reaches the server's handlers (they are installed
 * before the listeners): SIGHUP reloads, SIGTERM stops it cleanly (harness_stop checks exit 0).
 * The window this guards was microseconds wide; scripts/tsan's slower start-up is what hits it. */
START_TEST(signals_right_after_start)
{
	for (int i = 0; i < 10; i++) {
		harness_stop(&H);
		harness_start(&H, NULL);
		ck_assert_int_eq(kill(H.pid, SIGHUP), 0);
	}
	PGconn *c = harness_connect(&H, "dbname=sig");
	harness_expect_value(c, "SELECT 'up'", "up");
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("loops");
	TCase *tc = tcase_create("loops");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, connections_spread_over_both_loops);
	tcase_add_test(tc, lock_wakeups_and_cancel_cross_loops);
	tcase_add_test(tc, timers_fire_on_every_loop);
	tcase_add_test(tc, point_selects_run_on_both_loops_at_once);
	tcase_add_test(tc, shutdown_ends_work_on_every_loop);
	tcase_add_test(tc, signals_right_after_start);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
