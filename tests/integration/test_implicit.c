/* SPDX-License-Identifier: Apache-2.0 */
/* test_implicit.c: the extended protocol's implicit transaction blocks around reads. A read
 * whose Sync follows it in the same packet runs without SQLite's BEGIN and COMMIT (sess_txn.c,
 * "lone" blocks); these check that the block still behaves as PostgreSQL's does: local
 * settings last to the Sync, a Sync that arrives in a later packet or a second Execute keeps
 * one block, row-limited portals, errors, reads inside explicit blocks and long results. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* PQexecParams: Parse, Bind, Describe, Execute and Sync in one packet. */
static PGresult *ext(PGconn *c, const char *sql)
{
	return PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0);
}

static void expect_ext(PGconn *c, const char *sql, const char *want)
{
	PGresult *r = ext(c, sql);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql, PQresultErrorMessage(r));
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), want);
	PQclear(r);
}

/* The next result of a pipeline: one row whose first value is want, then its NULL. */
static void expect_piped(PGconn *c, const char *want)
{
	PGresult *r = PQgetResult(c);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQresultErrorMessage(r));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), want);
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
}

static void expect_pipeline_sync(PGconn *c)
{
	PGresult *r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_PIPELINE_SYNC);
	PQclear(r);
}

START_TEST(lone_read_ends_its_block_at_sync)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "SELECT set_config('t.v', 'session', false)");
	expect_ext(c, "SELECT set_config('t.v', 'lone', true)", "lone");
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
	expect_ext(c, "SELECT current_setting('t.v')", "session");
	/* _xact_ advisory locks end with it too */
	expect_ext(c, "SELECT pg_advisory_xact_lock(11)::text", "");
	PGconn *other = harness_connect(&H, "dbname=acme");
	expect_ext(other, "SELECT pg_try_advisory_xact_lock(11)", "t");
	PQfinish(other);
	PQfinish(c);
}
END_TEST

START_TEST(two_executes_share_one_block)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "SELECT set_config('t.v', 'session', false)");
	ck_assert(PQenterPipelineMode(c));
	ck_assert(PQsendQueryParams(c, "SELECT set_config('t.v', 'block', true)", 0, NULL, NULL,
				    NULL, NULL, 0));
	ck_assert(PQsendQueryParams(c, "SELECT current_setting('t.v')", 0, NULL, NULL, NULL, NULL,
				    0));
	ck_assert(PQpipelineSync(c));
	expect_piped(c, "block");
	expect_piped(c, "block");
	expect_pipeline_sync(c);
	/* the Sync in a later packet: the first read does not know it is alone */
	ck_assert(PQsendQueryParams(c, "SELECT set_config('t.v', 'split', true)", 0, NULL, NULL,
				    NULL, NULL, 0));
	ck_assert(PQsendFlushRequest(c));
	ck_assert_int_eq(PQflush(c), 0);
	usleep(100 * 1000);
	ck_assert(PQsendQueryParams(c, "SELECT current_setting('t.v')", 0, NULL, NULL, NULL, NULL,
				    0));
	ck_assert_int_eq(PQflush(c), 0);
	usleep(100 * 1000);
	ck_assert(PQpipelineSync(c));
	expect_piped(c, "split");
	expect_piped(c, "split");
	expect_pipeline_sync(c);
	ck_assert(PQexitPipelineMode(c));
	expect_ext(c, "SELECT current_setting('t.v')", "session");
	PQfinish(c);
}
END_TEST

/* A read, then writes, then the Sync: one transaction, so the failed write undoes the first. */
START_TEST(read_then_writes_fail_together)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE q (v int PRIMARY KEY)");
	ck_assert(PQenterPipelineMode(c));
	ck_assert(PQsendQueryParams(c, "SELECT count(*) FROM q", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(PQsendQueryParams(c, "INSERT INTO q VALUES (1)", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(PQsendQueryParams(c, "INSERT INTO q VALUES (1)", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(PQpipelineSync(c));
	expect_piped(c, "0");
	PGresult *r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	r = PQgetResult(c);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23505");
	PQclear(r);
	ck_assert_ptr_null(PQgetResult(c));
	expect_pipeline_sync(c);
	ck_assert(PQexitPipelineMode(c));
	expect_ext(c, "SELECT count(*) FROM q", "0");
	PQfinish(c);
}
END_TEST

START_TEST(row_limited_read_then_sync)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE lim (v int)");
	harness_exec(c, "INSERT INTO lim VALUES (1), (2), (3)");
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0}, r;
	raw_startup_msg(&b, 3u << 16, "raw", "acme");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	b.n = 0;
	raw_parse(&b, "", "SELECT v FROM lim ORDER BY v");
	raw_bind(&b, "", "");
	raw_execute(&b, "", 2);
	raw_sync(&b);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "12DDsZ");
	ck_assert_int_eq(r.d[r.n - 1], 'I');
	/* the portal went with its block: a writer is not kept waiting */
	harness_exec(c, "INSERT INTO lim VALUES (4)");
	b.n = 0;
	raw_parse(&b, "", "SELECT count(*) FROM lim");
	raw_bind(&b, "", "");
	raw_execute(&b, "", 0);
	raw_sync(&b);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "12DCZ");
	ck_assert_ptr_nonnull(memmem(r.d, r.n, "\0\0\0\0014", 5)); /* one column: "4" */
	close(fd);
	PQfinish(c);
}
END_TEST

START_TEST(lone_read_errors_and_blocks)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PGresult *r = ext(c, "SELECT 1 / 0");
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22012");
	PQclear(r);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_IDLE);
	expect_ext(c, "SELECT 2", "2");
	harness_exec(c, "BEGIN");
	expect_ext(c, "SELECT set_config('t.w', 'in block', true)", "in block");
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INTRANS);
	expect_ext(c, "SELECT current_setting('t.w')", "in block");
	r = ext(c, "SELECT 1 / 0");
	PQclear(r);
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INERROR);
	harness_exec(c, "ROLLBACK");
	expect_ext(c, "SELECT 3", "3");
	PQfinish(c);
}
END_TEST

/* A result larger than the output buffer stops for the client to read it and goes on; a
 * commit of another connection in between does not change what the read sees. */
START_TEST(long_lone_read)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE big (n int, pad text)");
	harness_exec(c,
		     "INSERT INTO big SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g");
	ck_assert(PQsendQueryParams(c, "SELECT n, pad FROM big", 0, NULL, NULL, NULL, NULL, 0));
	ck_assert(PQsetSingleRowMode(c));
	PGconn *w = harness_connect(&H, "dbname=acme");
	int rows = 0;
	for (PGresult *r; (r = PQgetResult(c)) != NULL; PQclear(r)) {
		if (PQresultStatus(r) == PGRES_SINGLE_TUPLE && ++rows == 10)
			harness_exec(w, "INSERT INTO big VALUES (0, 'late')");
		else
			ck_assert_msg(PQresultStatus(r) == PGRES_SINGLE_TUPLE ||
					      PQresultStatus(r) == PGRES_TUPLES_OK,
				      "%s", PQresultErrorMessage(r));
	}
	ck_assert_int_eq(rows, 20000);
	expect_ext(c, "SELECT count(*) FROM big", "20001");
	PQfinish(w);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("implicit");
	TCase *tc = tcase_create("blocks");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, lone_read_ends_its_block_at_sync);
	tcase_add_test(tc, two_executes_share_one_block);
	tcase_add_test(tc, read_then_writes_fail_together);
	tcase_add_test(tc, row_limited_read_then_sync);
	tcase_add_test(tc, lone_read_errors_and_blocks);
	tcase_add_test(tc, long_lone_read);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
