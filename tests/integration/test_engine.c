/* SPDX-License-Identifier: Apache-2.0 */
/* test_engine.c: the shard engine through the real binary — cancel (right and wrong key),
 * statement_timeout, lock_timeout, idle_in_transaction_session_timeout, writes that wait for
 * another client's transaction, other tenants answering during a long query, and many clients
 * on one tenant and across tenants keeping balances exact. No timing is asserted. */
#include <arpa/inet.h>
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

#define LONG_QUERY                                                                              \
	"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000000000) " \
	"SELECT count(*) FROM c"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

START_TEST(cancel_interrupts_running_statement)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	ck_assert(PQsendQuery(c, LONG_QUERY));
	usleep(100000);
	harness_cancel_until_done(c);
	ck_assert_str_eq(PQstatus(c) == CONNECTION_OK ? "ok" : "bad", "ok");
	harness_expect_value(c, "SELECT 41 + 1", "42");
	PQfinish(c);
}
END_TEST

/* Sends a CancelRequest by hand, with a key that is not the session's. */
static void send_cancel(int pid, uint32_t key)
{
	int fd = harness_raw_connect(&H);
	uint32_t pkt[4] = {htonl(16), htonl(80877102), htonl((uint32_t)pid), htonl(key)};
	ck_assert_int_eq(write(fd, pkt, sizeof(pkt)), (ssize_t)sizeof(pkt));
	char b;
	ck_assert_int_eq(read(fd, &b, 1), 0); /* the server just closes */
	close(fd);
}

START_TEST(cancel_with_wrong_key_does_nothing)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	ck_assert(PQsendQuery(c, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
				 "WHERE n < 300000) SELECT count(*) FROM c"));
	send_cancel(PQbackendPID(c), 0x5eed1234u);
	send_cancel(PQbackendPID(c) + 1000, 0x5eed1234u); /* no such session */
	PGresult *r = PQgetResult(c);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(c));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "300000");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	PQfinish(c);
}
END_TEST

START_TEST(statement_timeout_cancels)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "SET statement_timeout = 200"));
	harness_expect_value(c, "SHOW statement_timeout", "200ms");
	PGresult *r = PQexec(c, LONG_QUERY);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "57014");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "canceling statement due to statement timeout");
	PQclear(r);
	PQclear(harness_exec_ok(c, "RESET statement_timeout"));
	harness_expect_value(c, "SHOW statement_timeout", "0");
	harness_expect_value(c, "SELECT 1", "1");
	harness_exec_fail(c, "SET lock_timeout = 'soon'", "22023");
	PQfinish(c);
}
END_TEST

START_TEST(lock_timeout_between_two_clients)
{
	PGconn *a = harness_connect(&H, "dbname=locks");
	PGconn *b = harness_connect(&H, "dbname=locks");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (id int PRIMARY KEY, v int)"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1, 0)"));
	PQclear(harness_exec_ok(a, "BEGIN"));
	PQclear(harness_exec_ok(a, "UPDATE t SET v = 1 WHERE id = 1"));
	PQclear(harness_exec_ok(b, "SET lock_timeout = '150ms'"));
	PGresult *r = PQexec(b, "UPDATE t SET v = 2 WHERE id = 1");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "55P03");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "canceling statement due to lock timeout");
	PQclear(r);
	/* Reads are not blocked by the writer, and b is still usable. */
	harness_expect_value(b, "SELECT v FROM t WHERE id = 1", "0");
	PQclear(harness_exec_ok(a, "COMMIT"));
	PQclear(harness_exec_ok(b, "UPDATE t SET v = v + 10 WHERE id = 1"));
	harness_expect_value(a, "SELECT v FROM t WHERE id = 1", "11");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* A function that writes, called from a statement that only reads, waits for another
 * connection's write lock as a plain write does (sess_wait_call_met_lock): lock_timeout ends
 * the wait, and without one it runs once the lock is free (graphile-worker's add_job). */
START_TEST(function_write_waits_for_lock)
{
	PGconn *a = harness_connect(&H, "dbname=fnlock");
	PGconn *b = harness_connect(&H, "dbname=fnlock");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (id int PRIMARY KEY, v int)"));
	PQclear(harness_exec_ok(a, "CREATE FUNCTION add_row(int) RETURNS int LANGUAGE sql AS "
				   "'INSERT INTO t VALUES ($1, 0) RETURNING id'"));
	PQclear(harness_exec_ok(a, "BEGIN"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1, 0)"));
	PQclear(harness_exec_ok(b, "SET lock_timeout = '150ms'"));
	PGresult *r = PQexec(b, "SELECT add_row(2)");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "55P03");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "canceling statement due to lock timeout");
	PQclear(r);
	PQclear(harness_exec_ok(b, "RESET lock_timeout"));
	ck_assert_int_eq(PQsendQuery(b, "SELECT add_row(3)"), 1);
	usleep(200 * 1000); /* b waits meanwhile */
	PQclear(harness_exec_ok(a, "COMMIT"));
	r = PQgetResult(b);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(b));
	harness_expect_value(a, "SELECT string_agg(id::text, ',' ORDER BY id) FROM t", "1,3");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* SELECT ... FOR UPDATE takes the tenant's write lock (xlat_rowlock.c): a second FOR UPDATE
 * waits for the first transaction and then reads its committed row (the lock before its
 * snapshot), NOWAIT is 55P03, FOR SHARE does not wait. */
START_TEST(select_for_update_waits)
{
	PGconn *a = harness_connect(&H, "dbname=rowlock");
	PGconn *b = harness_connect(&H, "dbname=rowlock");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (id int PRIMARY KEY, v int)"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1, 0), (2, 0)"));
	PQclear(harness_exec_ok(a, "BEGIN"));
	harness_expect_value(a, "SELECT v FROM t WHERE id = 1 FOR UPDATE", "0");
	PGresult *r = PQexec(b, "SELECT v FROM t WHERE id = 1 FOR UPDATE NOWAIT");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "55P03");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "could not obtain lock on row in relation \"t\"");
	PQclear(r);
	harness_expect_value(b, "SELECT v FROM t WHERE id = 1 FOR SHARE", "0");
	ck_assert(PQsendQuery(b, "BEGIN; SELECT v FROM t WHERE id = 1 FOR UPDATE"));
	usleep(150000);
	PQclear(harness_exec_ok(a, "UPDATE t SET v = 5 WHERE id = 1"));
	PQclear(harness_exec_ok(a, "COMMIT"));
	r = PQgetResult(b); /* BEGIN */
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQgetResult(b);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "5");
	PQclear(r);
	while ((r = PQgetResult(b)))
		PQclear(r);
	PQclear(harness_exec_ok(b, "COMMIT"));
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(blocked_write_proceeds_after_commit)
{
	PGconn *a = harness_connect(&H, "dbname=waits");
	PGconn *b = harness_connect(&H, "dbname=waits");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (id int PRIMARY KEY, v int)"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1, 100)"));
	PQclear(harness_exec_ok(a, "BEGIN"));
	PQclear(harness_exec_ok(a, "UPDATE t SET v = v - 30 WHERE id = 1"));
	/* b waits in the extended protocol too (PQsendQueryParams), and a cancel of an idle
	 * session beforehand must not hit it. */
	PGcancel *cancel = PQgetCancel(b);
	char errbuf[256];
	ck_assert(PQcancel(cancel, errbuf, sizeof(errbuf)));
	PQfreeCancel(cancel);
	usleep(50000);
	const char *params[] = {"5"};
	ck_assert(PQsendQueryParams(b, "UPDATE t SET v = v * $1::int WHERE id = 1", 1, NULL, params,
				    NULL, NULL, 0));
	usleep(100000);
	PQclear(harness_exec_ok(a, "SELECT 1")); /* a's other statements still run */
	PQclear(harness_exec_ok(a, "COMMIT"));
	harness_expect_result(b, "");
	harness_expect_value(a, "SELECT v FROM t WHERE id = 1", "350");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(cancel_reaches_a_waiting_statement)
{
	PGconn *a = harness_connect(&H, "dbname=waits");
	PGconn *b = harness_connect(&H, "dbname=waits");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (v int)"));
	PQclear(harness_exec_ok(a, "BEGIN"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1)"));
	ck_assert(PQsendQuery(b, "INSERT INTO t VALUES (2)"));
	usleep(100000);
	harness_cancel_until_done(b);
	PQclear(harness_exec_ok(a, "COMMIT"));
	harness_expect_value(b, "SELECT count(*) FROM t", "1");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(stale_snapshot_is_serialization_failure)
{
	PGconn *a = harness_connect(&H, "dbname=snap");
	PGconn *b = harness_connect(&H, "dbname=snap");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (v int)"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1)"));
	/* REPEATABLE READ keeps it (READ COMMITTED takes a new one: test_readcommitted.c) */
	PQclear(harness_exec_ok(b, "BEGIN ISOLATION LEVEL REPEATABLE READ"));
	harness_expect_value(b, "SELECT v FROM t", "1"); /* b's snapshot */
	PQclear(harness_exec_ok(a, "UPDATE t SET v = 2"));
	harness_exec_fail(b, "UPDATE t SET v = 3", "40001");
	PQclear(harness_exec_ok(b, "ROLLBACK"));
	harness_expect_value(b, "SELECT v FROM t", "2");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(idle_in_transaction_timeout_closes_and_rolls_back)
{
	PGconn *a = harness_connect(&H, "dbname=idle");
	PGconn *b = harness_connect(&H, "dbname=idle");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (v int)"));
	PQclear(harness_exec_ok(a, "SET idle_in_transaction_session_timeout = '150ms'"));
	PQclear(harness_exec_ok(a, "SELECT 1")); /* idle outside a transaction: not affected */
	usleep(300000);
	PQclear(harness_exec_ok(a, "BEGIN"));
	PQclear(harness_exec_ok(a, "INSERT INTO t VALUES (1)"));
	usleep(1000000);
	PGresult *r = PQexec(a, "COMMIT");
	ck_assert(PQresultStatus(r) != PGRES_COMMAND_OK);
	/* libpq reports the FATAL that arrived while idle as a connection error, without its
	 * fields; the SQLSTATE (25P03) is checked on the wire by test_raw. */
	ck_assert_msg(strstr(PQerrorMessage(a),
			     "terminating connection due to idle-in-transaction timeout"),
		      "%s", PQerrorMessage(a));
	PQclear(r);
	ck_assert_int_eq(PQstatus(a), CONNECTION_BAD);
	harness_expect_value(b, "SELECT count(*) FROM t", "0");
	PQclear(harness_exec_ok(b, "INSERT INTO t VALUES (2)")); /* the lock was let go */
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(other_tenants_answer_during_long_query)
{
	PGconn *slow = harness_connect(&H, "dbname=slowpoke");
	PGconn *holder = harness_connect(&H, "dbname=holder");
	PGconn *fast = harness_connect(&H, "dbname=quick");
	PQclear(harness_exec_ok(fast, "CREATE TABLE kv (k int PRIMARY KEY, v text)"));
	PQclear(harness_exec_ok(fast, "INSERT INTO kv VALUES (1, 'one'), (2, 'two')"));
	PQclear(harness_exec_ok(holder, "CREATE TABLE t (v int)"));
	PQclear(harness_exec_ok(holder, "BEGIN"));
	PQclear(harness_exec_ok(holder, "INSERT INTO t VALUES (1)"));
	PQclear(harness_exec_ok(slow, "SET statement_timeout = '2s'"));
	ck_assert(PQsendQuery(slow, LONG_QUERY));
	for (int i = 0; i < 50; i++)
		harness_expect_value(fast,
			     i % 2 ? "SELECT v FROM kv WHERE k = 1"
				   : "SELECT v FROM kv "
				     "WHERE k = 2",
			     i % 2 ? "one" : "two");
	harness_expect_result(slow, "57014");
	PQclear(harness_exec_ok(holder, "COMMIT"));
	PQfinish(slow);
	PQfinish(holder);
	PQfinish(fast);
}
END_TEST

/* ---- many clients ---- */

struct client {
	char tenant[32];
	int id, naccts, rounds;
	bool ok;
	char err[256];
};

static bool run_ok(PGconn *c, const char *sql, struct client *cl, bool *retry)
{
	PGresult *r = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(r);
	bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	*retry = !ok && state && strcmp(state, "40001") == 0;
	if (!ok && !*retry)
		snprintf(cl->err, sizeof(cl->err), "%.100s: %.150s", sql, PQerrorMessage(c));
	PQclear(r);
	return ok;
}

/* Each round moves 1 between two accounts in one transaction, and reads the total, which
 * must never change. A 40001 is retried, as clients do. */
static void *client_main(void *arg)
{
	struct client *cl = arg;
	char ci[64], sql[256];
	snprintf(ci, sizeof(ci), "dbname=%s", cl->tenant);
	PGconn *c = harness_try_connect(&H, ci);
	cl->ok = PQstatus(c) == CONNECTION_OK;
	for (int i = 0; cl->ok && i < cl->rounds; i++) {
		int from = (cl->id + i) % cl->naccts, to = (cl->id + 2 * i + 1) % cl->naccts;
		snprintf(sql, sizeof(sql),
			 "BEGIN; UPDATE acct SET bal = bal - 1 WHERE id = %d; "
			 "UPDATE acct SET bal = bal + 1 WHERE id = %d; COMMIT",
			 from, to);
		bool retry = true;
		for (int t = 0; retry && t < 100; t++)
			cl->ok = run_ok(c, sql, cl, &retry);
		PGresult *r = cl->ok ? PQexec(c, "SELECT sum(bal) FROM acct") : NULL;
		if (r && (PQresultStatus(r) != PGRES_TUPLES_OK ||
			  atoi(PQgetvalue(r, 0, 0)) != 1000 * cl->naccts)) {
			cl->ok = false;
			snprintf(cl->err, sizeof(cl->err), "total changed: %s",
				 PQresultStatus(r) == PGRES_TUPLES_OK ? PQgetvalue(r, 0, 0)
								      : PQerrorMessage(c));
		}
		PQclear(r);
	}
	if (!cl->ok && !cl->err[0])
		snprintf(cl->err, sizeof(cl->err), "%s", PQerrorMessage(c));
	PQfinish(c);
	return NULL;
}

static void make_accounts(const char *tenant, int n)
{
	char ci[64], sql[128];
	snprintf(ci, sizeof(ci), "dbname=%s", tenant);
	PGconn *c = harness_connect(&H, ci);
	PQclear(harness_exec_ok(c, "CREATE TABLE acct (id int PRIMARY KEY, bal int NOT NULL)"));
	for (int i = 0; i < n; i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO acct VALUES (%d, 1000)", i);
		PQclear(harness_exec_ok(c, sql));
	}
	PQfinish(c);
}

/* The balances of tenant "branch<t>" after clients [from, to) that ran on it (i % n == t). */
static void check_branch(const struct client *cl, int from, int to, int t, int n, int naccts,
			 int rounds)
{
	char ci[64];
	int want[16];
	ck_assert_int_le(naccts, 16);
	for (int a = 0; a < naccts; a++)
		want[a] = 1000;
	for (int i = from; i < to; i++)
		for (int r = 0; i % n == t && r < rounds; r++) {
			want[(cl[i].id + r) % naccts]--;
			want[(cl[i].id + 2 * r + 1) % naccts]++;
		}
	snprintf(ci, sizeof(ci), "dbname=branch%d", t);
	PGconn *c = harness_connect(&H, ci);
	PGresult *res = harness_exec_ok(c, "SELECT id, bal FROM acct ORDER BY id");
	for (int a = 0; a < naccts; a++)
		ck_assert_msg(atoi(PQgetvalue(res, a, 1)) == want[a], "branch%d account %d: %s, want %d",
			      t, a, PQgetvalue(res, a, 1), want[a]);
	PQclear(res);
	PQfinish(c);
}

START_TEST(many_clients_keep_balances)
{
	enum { ONE = 50, SPREAD = 200, TENANTS = 50, ACCTS = 5, ROUNDS = 4 };
	make_accounts("bank", ACCTS);
	for (int t = 0; t < TENANTS; t++) {
		char name[32];
		snprintf(name, sizeof(name), "branch%d", t);
		make_accounts(name, ACCTS);
	}
	struct client *cl = calloc(ONE + SPREAD, sizeof(*cl));
	pthread_t *th = calloc(ONE + SPREAD, sizeof(*th));
	for (int i = 0; i < ONE + SPREAD; i++) {
		if (i < ONE)
			snprintf(cl[i].tenant, sizeof(cl[i].tenant), "bank");
		else
			snprintf(cl[i].tenant, sizeof(cl[i].tenant), "branch%d", i % TENANTS);
		cl[i].id = i;
		cl[i].naccts = ACCTS;
		cl[i].rounds = ROUNDS;
		ck_assert_int_eq(pthread_create(&th[i], NULL, client_main, &cl[i]), 0);
	}
	for (int i = 0; i < ONE + SPREAD; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < ONE + SPREAD; i++)
		ck_assert_msg(cl[i].ok, "client %d (%s): %s", i, cl[i].tenant, cl[i].err);
	/* Every transfer committed exactly once: each account's balance is what the rounds say. */
	PGconn *c = harness_connect(&H, "dbname=bank");
	int want[ACCTS];
	for (int a = 0; a < ACCTS; a++)
		want[a] = 1000;
	for (int i = 0; i < ONE; i++)
		for (int r = 0; r < ROUNDS; r++) {
			want[(i + r) % ACCTS]--;
			want[(i + 2 * r + 1) % ACCTS]++;
		}
	PGresult *r = harness_exec_ok(c, "SELECT id, bal FROM acct ORDER BY id");
	for (int a = 0; a < ACCTS; a++)
		ck_assert_int_eq(atoi(PQgetvalue(r, a, 1)), want[a]);
	PQclear(r);
	PQfinish(c);
	for (int t = 0; t < TENANTS; t++)
		check_branch(cl, ONE, ONE + SPREAD, t, TENANTS, ACCTS, ROUNDS);
	free(cl);
	free(th);
}
END_TEST

/* ---- settings from the config file ---- */

static void setup_config(void)
{
	static const char *const args[] = {"statement_timeout=5s", "lock_timeout=250",
					   "worker_threads=2", "max_open_tenants=2", NULL};
	harness_start(&H, args);
}

START_TEST(timeouts_default_from_config)
{
	PGconn *c = harness_connect(&H, "dbname=cfg");
	harness_expect_value(c, "SHOW statement_timeout", "5s");
	harness_expect_value(c, "SHOW lock_timeout", "250ms");
	harness_expect_value(c, "SHOW idle_in_transaction_session_timeout", "0");
	PQfinish(c);
	/* Connection churn across more tenants than max_open_tenants keeps working. */
	for (int i = 0; i < 12; i++) {
		char ci[32];
		snprintf(ci, sizeof(ci), "dbname=churn%d", i % 4);
		c = harness_connect(&H, ci);
		harness_expect_value(c, "SELECT 7", "7");
		PQfinish(c);
	}
}
END_TEST

/* Results far larger than the 256 KiB a session buffers before it yields: every row arrives,
 * in order, in both protocols, and a pipelined query after it still runs. */
START_TEST(big_results_stream_in_order)
{
	PGconn *c = harness_connect(&H, "dbname=big");
	const char *sql = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
			  "WHERE n < 200000) SELECT n, 'row number ' || n FROM c";
	PGresult *r = harness_exec_ok(c, sql);
	ck_assert_int_eq(PQntuples(r), 200000);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	ck_assert_str_eq(PQgetvalue(r, 199999, 1), "row number 200000");
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 200000");
	PQclear(r);
	r = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 200000);
	ck_assert_str_eq(PQgetvalue(r, 123456, 0), "123457");
	PQclear(r);
	/* A multi-statement Query whose first result yields, then more statements. */
	ck_assert(PQsendQuery(c, "SELECT count(*) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL "
				 "SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c) s; "
				 "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
				 "WHERE n < 100000) SELECT n, 'padding padding padding' FROM c; "
				 "SELECT 'after'"));
	int results = 0;
	while ((r = PQgetResult(c))) {
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		if (results == 1)
			ck_assert_int_eq(PQntuples(r), 100000);
		if (results == 2)
			ck_assert_str_eq(PQgetvalue(r, 0, 0), "after");
		results++;
		PQclear(r);
	}
	ck_assert_int_eq(results, 3);
	PQfinish(c);
}
END_TEST

/* SIGTERM while one client waits for another's write lock: the server closes both and exits
 * cleanly (the teardown checks the exit status and the log). The waiter connects first, so it is
 * closed after the holder, whose rollback wakes it. */
START_TEST(shutdown_with_a_waiting_client)
{
	PGconn *waiter = harness_connect(&H, "dbname=bye");
	PGconn *holder = harness_connect(&H, "dbname=bye");
	PQclear(harness_exec_ok(holder, "CREATE TABLE t (v int)"));
	PQclear(harness_exec_ok(holder, "BEGIN"));
	PQclear(harness_exec_ok(holder, "INSERT INTO t VALUES (1)"));
	ck_assert(PQsendQuery(waiter, "INSERT INTO t VALUES (2)"));
	usleep(100000);
	harness_stop(&H);
	harness_start(&H, NULL); /* for the fixture's own teardown */
	PQfinish(waiter);
	PQfinish(holder);
}
END_TEST

/* SIGTERM during a long statement: after shutdown_timeout it is interrupted, its client gets
 * FATAL 57P01, and the server exits cleanly. */
static void setup_shutdown(void)
{
	static const char *const args[] = {"shutdown_timeout=200ms", NULL};
	harness_start(&H, args);
}

START_TEST(shutdown_interrupts_long_statement)
{
	PGconn *c = harness_connect(&H, "dbname=long");
	ck_assert(PQsendQuery(c, LONG_QUERY));
	usleep(100000);
	harness_stop(&H);
	PGresult *r = PQgetResult(c);
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	ck_assert_msg(state && strcmp(state, "57P01") == 0, "got %s: %s", state ? state : "-",
		      PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
	harness_start(&H, NULL); /* for the fixture's own teardown */
}
END_TEST

/* worker_threads=2 and two long statements: a CancelRequest still gets through (it is answered
 * on the event loop, not queued behind busy workers). */
START_TEST(cancel_works_with_every_worker_busy)
{
	PGconn *a = harness_connect(&H, "dbname=busy1");
	PGconn *b = harness_connect(&H, "dbname=busy2");
	PQclear(harness_exec_ok(a, "SET statement_timeout = 0"));
	PQclear(harness_exec_ok(b, "SET statement_timeout = 0"));
	ck_assert(PQsendQuery(a, LONG_QUERY));
	ck_assert(PQsendQuery(b, LONG_QUERY));
	usleep(200000);
	harness_cancel_until_done(a);
	harness_cancel_until_done(b);
	harness_expect_value(a, "SELECT 'a'", "a");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("engine");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, cancel_interrupts_running_statement);
	tcase_add_test(tc, cancel_with_wrong_key_does_nothing);
	tcase_add_test(tc, statement_timeout_cancels);
	tcase_add_test(tc, select_for_update_waits);
	tcase_add_test(tc, lock_timeout_between_two_clients);
	tcase_add_test(tc, function_write_waits_for_lock);
	tcase_add_test(tc, blocked_write_proceeds_after_commit);
	tcase_add_test(tc, cancel_reaches_a_waiting_statement);
	tcase_add_test(tc, stale_snapshot_is_serialization_failure);
	tcase_add_test(tc, idle_in_transaction_timeout_closes_and_rolls_back);
	tcase_add_test(tc, other_tenants_answer_during_long_query);
	tcase_add_test(tc, many_clients_keep_balances);
	tcase_add_test(tc, big_results_stream_in_order);
	tcase_add_test(tc, shutdown_with_a_waiting_client);
	suite_add_tcase(s, tc);
	TCase *cfg = tcase_create("config");
	tcase_add_checked_fixture(cfg, setup_config, teardown);
	tcase_set_timeout(cfg, 30);
	tcase_add_test(cfg, timeouts_default_from_config);
	tcase_add_test(cfg, cancel_works_with_every_worker_busy);
	suite_add_tcase(s, cfg);
	TCase *sd = tcase_create("shutdown");
	tcase_add_checked_fixture(sd, setup_shutdown, teardown);
	tcase_set_timeout(sd, 30);
	tcase_add_test(sd, shutdown_interrupts_long_statement);
	suite_add_tcase(s, sd);
	return s;
}

int main(void)
{
	return check_run(suite());
}
