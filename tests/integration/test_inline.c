/* SPDX-License-Identifier: Apache-2.0 */
/* test_inline.c: the fast path (src/session/sess_inline.c) — statements run on the event loop
 * under a VM-step budget; one that goes over is restarted from scratch on a worker and returns
 * its rows exactly once, in the simple and the extended protocol, alone, inside a Query of
 * several statements and inside a transaction; effects never run inline, writes only when
 * chosen (cheap before, cannot block); a long
 * query of one tenant does not hold up another tenant's point selects. Restarts are counted
 * from the server's debug log, never from timing. */
#include <check.h>
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../check_run.h"
#include "harness.h"

#define ROWS 5000

static struct harness H;

static void setup(void)
{
	static const char *const args[] = {"inline_budget=2000", "log_level=debug", NULL};
	harness_start(&H, args);
}

static void teardown(void) { harness_stop(&H); }

/* Lines of the server's log that contain needle. */
static int log_count(const char *needle)
{
	FILE *f = fopen(H.log_path, "r");
	ck_assert_ptr_nonnull(f);
	char line[1024];
	int n = 0;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, needle) != NULL;
	fclose(f);
	return n;
}

/* Restarts so far: the lines the server logged for them. */
static int restarts(void) { return log_count("over inline_budget: restarted on a worker"); }

static PGconn *fill(const char *db)
{
	char ci[64];
	snprintf(ci, sizeof(ci), "dbname=%s", db);
	PGconn *c = harness_connect(&H, ci);
	harness_exec(c, "CREATE TABLE big (i int PRIMARY KEY, s text)");
	harness_exec(c, "INSERT INTO big SELECT g, 'row ' || g FROM generate_series(1, 5000) AS g");
	return c;
}

START_TEST(point_select_stays_inline)
{
	PGconn *c = fill("acme");
	harness_expect_value(c, "SELECT s FROM big WHERE i = 42",
			     "row 42"); /* reads the column types */
	int before = restarts();
	for (int i = 0; i < 20; i++)
		harness_expect_value(c, "SELECT s FROM big WHERE i = 7", "row 7");
	ck_assert_int_eq(restarts(), before);
	PQfinish(c);
}
END_TEST

START_TEST(over_budget_restarts_simple)
{
	PGconn *c = fill("acme");
	harness_expect_value(c, "SELECT 1", "1");
	int before = restarts();
	harness_expect_value(c, "SELECT count(*) FROM big WHERE s LIKE 'row %'", "5000");
	ck_assert_int_eq(restarts(), before + 1);
	/* Every row once, in order, after the restart. */
	PGresult *r = harness_exec_ok(c, "SELECT i FROM big ORDER BY i");
	ck_assert_int_eq(PQntuples(r), ROWS);
	for (int i = 0; i < ROWS; i++)
		ck_assert_int_eq(atoi(PQgetvalue(r, i, 0)), i + 1);
	PQclear(r);
	ck_assert_int_eq(restarts(), before + 2);
	PQfinish(c);
}
END_TEST

/* A simple Query's statement seen before runs its kept sqlite3_stmt with the constants bound
 * (xlat_env.bind_consts): over the budget it restarts on a worker with its own values, and a
 * cheap run of the same statement stays inline. */
START_TEST(over_budget_restarts_kept_statement)
{
	PGconn *c = fill("acme");
	harness_expect_value(c, "SELECT count(*) FROM big WHERE i > 1", "4999");
	int before = restarts();
	harness_expect_value(c, "SELECT count(*) FROM big WHERE i > 10", "4990");
	ck_assert_int_eq(restarts(), before + 1);
	harness_expect_value(c, "SELECT count(*) FROM big WHERE i > 4995", "5");
	ck_assert_int_eq(restarts(), before + 1);
	harness_expect_value(c, "SELECT count(*) FROM big WHERE i > 100", "4900");
	ck_assert_int_eq(restarts(), before + 2);
	PQfinish(c);
}
END_TEST

START_TEST(over_budget_restarts_in_a_query_of_several)
{
	PGconn *c = fill("acme");
	harness_expect_value(c, "SELECT 1", "1");
	int before = restarts();
	ck_assert_int_eq(PQsendQuery(c, "SELECT 1; SELECT count(*) FROM big WHERE i > 0; SELECT 3"),
			 1);
	const char *want[] = {"1", "5000", "3"};
	int n = 0;
	for (PGresult *r; (r = PQgetResult(c)) != NULL; PQclear(r)) {
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		ck_assert_int_lt(n, 3);
		ck_assert_str_eq(PQgetvalue(r, 0, 0), want[n++]);
	}
	ck_assert_int_eq(n, 3);
	ck_assert_int_ge(restarts(), before + 1);
	PQfinish(c);
}
END_TEST

START_TEST(over_budget_restarts_extended)
{
	PGconn *c = fill("acme");
	harness_expect_value(c, "SELECT 1", "1");
	int before = restarts();
	const char *v[] = {"10"};
	PGresult *r = PQexecParams(c, "SELECT i, s FROM big WHERE i > $1 ORDER BY i", 1, NULL, v,
				   NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), ROWS - 10);
	for (int i = 0; i < ROWS - 10; i++)
		ck_assert_int_eq(atoi(PQgetvalue(r, i, 0)), i + 11);
	PQclear(r);
	ck_assert_int_eq(restarts(), before + 1);
	/* A prepared statement: the second Execute restarts the same way. */
	PQclear(PQprepare(c, "cnt", "SELECT count(*) FROM big WHERE i >= $1", 1, NULL));
	for (int k = 0; k < 2; k++) {
		const char *one[] = {"1"};
		r = PQexecPrepared(c, "cnt", 1, one, NULL, NULL, 0);
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		ck_assert_str_eq(PQgetvalue(r, 0, 0), "5000");
		PQclear(r);
	}
	ck_assert_int_eq(restarts(), before + 3);
	PQfinish(c);
}
END_TEST

/* Inside a transaction: the restarted read sees the transaction's own write, a write after it
 * runs on a worker, a read after the write runs inline again (and is restarted: SQLite does
 * not roll back a transaction for an interrupted read), and COMMIT keeps both. */
START_TEST(over_budget_restarts_in_a_transaction)
{
	PGconn *c = fill("acme");
	harness_expect_value(c, "SELECT 1", "1");
	int before = restarts();
	harness_exec(c, "BEGIN");
	harness_expect_value(c, "SELECT count(*) FROM big WHERE i > 0", "5000");
	harness_exec(c, "INSERT INTO big VALUES (5001, 'x')");
	harness_expect_value(c, "SELECT count(*) FROM big WHERE i > 0", "5001");
	harness_exec(c, "COMMIT");
	ck_assert_int_eq(restarts(), before + 2);
	harness_expect_value(c, "SELECT count(*) FROM big", "5001");
	harness_exec(c, "BEGIN");
	harness_expect_value(c, "SELECT count(*) FROM big", "5001");
	harness_exec(c, "ROLLBACK");
	PQfinish(c);
}
END_TEST

/* Group commit: eight clients commit at once, so most commits wait for another's flush; their
 * answers are then sent from the loop. Rounds go on until the log shows that happened (it
 * needs two commits to overlap, which the first rounds almost always bring); every insert is
 * answered once and kept. */
START_TEST(held_commit_answers_sent_from_the_loop)
{
	enum { N = 8 };
	const char *line = "durable commit's answers sent from the loop";
	PGconn *c[N];
	for (int i = 0; i < N; i++)
		c[i] = harness_connect(&H, "dbname=acme");
	harness_exec(c[0], "CREATE TABLE m (id bigserial PRIMARY KEY, v int)");
	int rounds = 0;
	for (; rounds < 200 && log_count(line) == 0; rounds++) {
		for (int i = 0; i < N; i++)
			ck_assert_int_eq(PQsendQuery(c[i], "INSERT INTO m (v) VALUES (1)"), 1);
		for (int i = 0; i < N; i++) {
			int results = 0;
			for (PGresult *r; (r = PQgetResult(c[i])) != NULL; PQclear(r), results++)
				ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
			ck_assert_int_eq(results, 1);
		}
	}
	ck_assert_int_gt(log_count(line), 0);
	char want[16];
	snprintf(want, sizeof(want), "%d", rounds * N);
	harness_expect_value(c[N - 1], "SELECT count(*) FROM m", want);
	for (int i = 0; i < N; i++)
		PQfinish(c[i]);
}
END_TEST

static void exec_prepared(PGconn *c, const char *name, const char *arg, const char *tag)
{
	const char *v[] = {arg};
	PGresult *r = PQexecPrepared(c, name, 1, v, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQerrorMessage(c));
	ck_assert_str_eq(PQcmdStatus(r), tag);
	PQclear(r);
}

/* inline_writes: a prepared write runs on the loop once an earlier run of it stayed under the
 * budget — in autocommit, as a transaction's first write (the lock was free) and inside a
 * transaction that holds the lock; one that went over stays on workers. The data is what the
 * statements say either way, and ROLLBACK undoes writes made on the loop. */
START_TEST(cheap_writes_run_inline)
{
	const char *line = "write ran on the loop";
	PGconn *c = fill("acme");
	PQclear(PQprepare(c, "one", "UPDATE big SET s = s || '+' WHERE i = $1", 1, NULL));
	PQclear(PQprepare(c, "all", "UPDATE big SET s = s || '*' WHERE i >= $1", 1, NULL));
	int before = log_count(line);
	exec_prepared(c, "one", "1", "UPDATE 1"); /* no history yet: on a worker */
	ck_assert_int_eq(log_count(line), before);
	exec_prepared(c, "one", "1", "UPDATE 1"); /* autocommit, cheap before: on the loop */
	ck_assert_int_eq(log_count(line), before + 1);
	harness_exec(c, "BEGIN");
	exec_prepared(c, "one", "2", "UPDATE 1"); /* takes the free lock: on the loop */
	exec_prepared(c, "one", "3", "UPDATE 1"); /* lock held: on the loop */
	ck_assert_int_eq(log_count(line), before + 3);
	exec_prepared(c, "all", "4990", "UPDATE 11"); /* no history yet */
	exec_prepared(c, "all", "1", "UPDATE 5000");  /* the history is cheap: runs long here */
	exec_prepared(c, "all", "4990", "UPDATE 11"); /* went over once: a worker's from now on */
	ck_assert_int_eq(log_count(line), before + 4);
	harness_expect_value(c, "SELECT s FROM big WHERE i = 3", "row 3+*");
	harness_exec(c, "COMMIT");
	harness_expect_value(c, "SELECT s FROM big WHERE i = 1", "row 1++*");
	harness_expect_value(c, "SELECT s FROM big WHERE i = 4995", "row 4995***");
	harness_exec(c, "BEGIN");
	exec_prepared(c, "one", "5", "UPDATE 1");
	exec_prepared(c, "one", "6", "UPDATE 1");
	ck_assert_int_eq(log_count(line), before + 6);
	harness_exec(c, "ROLLBACK");
	harness_expect_value(c, "SELECT s FROM big WHERE i = 6", "row 6*");
	PQfinish(c);
}
END_TEST

/* A write chosen for the loop that meets another session's write lock parks there (no worker
 * holds it) and runs once the holder commits, with the holder's change visible to it, on the
 * holder's connection (sess_conn_refresh). */
START_TEST(loop_write_waits_for_the_lock)
{
	const char *line = "write ran on the loop";
	const char *parked = "write met the write lock on the loop: parked";
	PGconn *a = fill("acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	PQclear(PQprepare(b, "one", "UPDATE big SET s = s || '+' WHERE i = $1", 1, NULL));
	exec_prepared(b, "one", "7", "UPDATE 1"); /* its history: cheap */
	harness_exec(a, "BEGIN"); /* two connections in the pool: the loop opens none */
	harness_exec(b, "BEGIN");
	harness_exec(a, "COMMIT");
	harness_exec(b, "COMMIT");
	harness_exec(a, "BEGIN");
	harness_exec(a, "UPDATE big SET s = s || 'a' WHERE i = 7");
	int before = log_count(line);
	const char *v[] = {"7"};
	ck_assert_int_eq(PQsendQueryPrepared(b, "one", 1, v, NULL, NULL, 0), 1);
	/* until the server has b's write parked (a loaded machine may take a while to read it) */
	for (int i = 0; i < 1000 && log_count(parked) == 0; i++)
		usleep(10000);
	for (int i = 0; i < 20; i++)
		harness_expect_value(a, "SELECT s FROM big WHERE i = 7", "row 7+a");
	ck_assert_int_eq(PQconsumeInput(b), 1);
	ck_assert(PQisBusy(b)); /* parked behind a's lock */
	harness_exec(a, "COMMIT");
	PGresult *r = PQgetResult(b);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "UPDATE 1");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(b));
	ck_assert_int_eq(log_count(line), before + 1);
	ck_assert_int_eq(log_count(parked), 1);
	/* a's connection, back in the pool before b was woken, holds the current page cache */
	ck_assert_int_eq(log_count("woken write moved to the connection of the last commit"), 1);
	harness_expect_value(b, "SELECT s FROM big WHERE i = 7", "row 7+a+");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* Size of tenant name's WAL file in bytes (0 when there is none). */
static long wal_bytes(const char *name)
{
	char pat[256];
	snprintf(pat, sizeof(pat), "%s/tenants/*/%s.db-wal", H.data_dir, name);
	glob_t g;
	long n = 0;
	if (glob(pat, 0, NULL, &g) == 0 && g.gl_pathc == 1) {
		struct stat st;
		if (stat(g.gl_pathv[0], &st) == 0)
			n = (long)st.st_size;
	}
	globfree(&g);
	return n;
}

/* Commits made on the loop never checkpoint there (two fsyncs). A commit on the loop that
 * takes the WAL past the checkpoint size leaves the checkpoint to a worker, which starts the
 * WAL over, so it stays near that size; while it is past the size commits go to workers,
 * which checkpoint inside the commit as SQLite would. Autocommit inserts stay on the loop up
 * to the size: only the one that crosses it, and what comes while its checkpoint runs, go to
 * a worker (they left the loop 100 frames before it, about one insert in ten). Every row is
 * there either way. */
static PGconn *messages(const char *db)
{
	char ci[64];
	snprintf(ci, sizeof(ci), "dbname=%s", db);
	PGconn *c = harness_connect(&H, ci);
	harness_exec(c, "CREATE TABLE m (id bigserial PRIMARY KEY, ch int, body text)");
	harness_exec(c, "CREATE INDEX m_ch ON m (ch, id)");
	PQclear(PQprepare(c, "ins", "INSERT INTO m (ch, body) VALUES ($1, $2)", 2, NULL));
	return c;
}

static void insert(PGconn *c, const char *body)
{
	const char *v[2] = {"1", body};
	PGresult *r = PQexecPrepared(c, "ins", 2, v, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
}

START_TEST(loop_commits_leave_checkpoints_to_workers)
{
	const char *line = "checkpoint a commit on the loop left due: run on a worker";
	static char body[3001]; /* most of a page */
	memset(body, 'x', sizeof(body) - 1);
	PGconn *c = messages("ckpt");
	int before = log_count("write ran on the loop");
	long max_wal = 0;
	for (int i = 0; i < 1200; i++) {
		insert(c, i % 2 ? "hello" : body);
		long w = wal_bytes("ckpt");
		max_wal = w > max_wal ? w : max_wal;
	}
	int crossed = log_count(line);
	ck_assert_int_ge(crossed, 1); /* 1,200 inserts of 1.5 pages: one or two crossings */
	ck_assert_int_gt(log_count("write ran on the loop"), before + 1200 - 10 * crossed);
	ck_assert_int_gt(max_wal, 1000L * 4096);
	ck_assert_int_lt(max_wal, 1100L * (4096 + 24)); /* 1,000 frames and a transaction */
	harness_expect_value(c, "SELECT count(*) FROM m", "1200");
	PQfinish(c);
	c = messages("ckpt2"); /* an empty WAL: the COMMIT below runs on the loop */
	harness_exec(c, "BEGIN");
	for (int i = 0; i < 1200; i++)
		insert(c, body);
	harness_exec(c, "COMMIT"); /* 1,200 pages and more */
	ck_assert_int_eq(log_count(line), crossed + 1);
	harness_expect_value(c, "SELECT count(*) FROM m", "1200");
	PQfinish(c);
}
END_TEST

/* nextval is a write SQLite calls read-only (its function writes): never chosen to run on the
 * loop, and each call counts once inside a transaction that holds the lock. */
START_TEST(nextval_in_a_writing_transaction_counts_once)
{
	PGconn *c = fill("acme");
	harness_exec(c, "CREATE SEQUENCE sq");
	PQclear(PQprepare(c, "one", "UPDATE big SET s = s || '+' WHERE i = $1", 1, NULL));
	PQclear(PQprepare(c, "nv", "SELECT nextval('sq')", 0, NULL));
	harness_exec(c, "BEGIN");
	exec_prepared(c, "one", "1", "UPDATE 1");
	for (int k = 1; k <= 3; k++) {
		PGresult *r = PQexecPrepared(c, "nv", 0, NULL, NULL, NULL, 0);
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		ck_assert_int_eq(atoi(PQgetvalue(r, 0, 0)), k);
		PQclear(r);
	}
	harness_exec(c, "COMMIT");
	harness_expect_value(c, "SELECT nextval('sq')", "4");
	harness_expect_value(c, "SELECT s FROM big WHERE i = 1", "row 1+");
	PQfinish(c);
}
END_TEST

/* Advisory locks are effects a rerun would repeat: counted once even when the statement would
 * go over the budget after taking the lock. */
START_TEST(effects_are_not_repeated)
{
	PGconn *c = fill("acme");
	harness_expect_value(c, "SELECT 1", "1");
	PGresult *r = harness_exec_ok(
		c, "SELECT pg_advisory_lock(7), (SELECT count(*) FROM big WHERE s LIKE 'row%')");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "5000");
	PQclear(r);
	harness_expect_value(c, "SELECT pg_advisory_unlock(7)", "t");
	harness_expect_value(c, "SELECT pg_advisory_unlock(7)",
			     "f"); /* taken once, so held no more */
	PQfinish(c);
}
END_TEST

/* Catalog tables run statements of their own inside the statement; one of them may be the one
 * the budget interrupts. The answer is whole either way. */
START_TEST(catalog_reads_are_whole)
{
	PGconn *c = harness_connect(&H, "dbname=cat");
	for (int i = 0; i < 40; i++) {
		char sql[96];
		snprintf(sql, sizeof(sql), "CREATE TABLE t%02d (a int, b text, c float8)", i);
		harness_exec(c, sql);
	}
	for (int i = 0; i < 3; i++) {
		harness_expect_value(
			c,
			"SELECT count(*) FROM information_schema.columns WHERE table_name LIKE "
			"'t%'",
			"120");
		harness_expect_value(
			c,
			"SELECT count(*) FROM pg_attribute a JOIN pg_class r ON "
			"r.oid = a.attrelid WHERE r.relname LIKE 't%' AND a.attnum > 0",
			"120");
	}
	PQfinish(c);
}
END_TEST

/* Tenant slow runs a query of a second or more (on a worker: it goes over the budget at
 * once); tenant quick's point selects all finish while it runs. */
START_TEST(long_query_does_not_hold_up_other_tenants)
{
	PGconn *q = fill("quick");
	PGconn *slow = harness_connect(&H, "dbname=slow");
	harness_expect_value(q, "SELECT s FROM big WHERE i = 1", "row 1");
	ck_assert_int_eq(PQsendQuery(slow,
				     "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
				     "FROM c WHERE n < 20000000) SELECT count(*) FROM c"),
			 1);
	int done = 0;
	for (; done < 200; done++) {
		harness_expect_value(q, "SELECT s FROM big WHERE i = 99", "row 99");
		ck_assert_int_eq(PQconsumeInput(slow), 1);
		if (!PQisBusy(slow))
			break;
	}
	ck_assert_int_eq(done, 200); /* every select answered while the long query ran */
	PGcancel *cn = PQgetCancel(slow);
	char err[256];
	ck_assert_int_eq(PQcancel(cn, err, sizeof(err)), 1);
	PQfreeCancel(cn);
	for (PGresult *r; (r = PQgetResult(slow)) != NULL; PQclear(r))
		;
	PQfinish(slow);
	PQfinish(q);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("inline");
	TCase *tc = tcase_create("inline");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, point_select_stays_inline);
	tcase_add_test(tc, over_budget_restarts_simple);
	tcase_add_test(tc, over_budget_restarts_kept_statement);
	tcase_add_test(tc, over_budget_restarts_in_a_query_of_several);
	tcase_add_test(tc, over_budget_restarts_extended);
	tcase_add_test(tc, over_budget_restarts_in_a_transaction);
	tcase_add_test(tc, held_commit_answers_sent_from_the_loop);
	tcase_add_test(tc, cheap_writes_run_inline);
	tcase_add_test(tc, loop_write_waits_for_the_lock);
	tcase_add_test(tc, loop_commits_leave_checkpoints_to_workers);
	tcase_add_test(tc, nextval_in_a_writing_transaction_counts_once);
	tcase_add_test(tc, effects_are_not_repeated);
	tcase_add_test(tc, catalog_reads_are_whole);
	tcase_add_test(tc, long_query_does_not_hold_up_other_tenants);
	suite_add_tcase(s, tc);
	return check_run(s);
}
