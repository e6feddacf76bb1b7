/* SPDX-License-Identifier: Apache-2.0 */
/* test_pool.c: sessions borrow a tenant connection per transaction and hold none while idle —
 * many idle clients under a small file-descriptor limit, prepared statements that outlive the
 * connection they were prepared on; commits under each durability (group commit holds the
 * answers of concurrent writers until one flush covers them). (Temporary tables, which pin a
 * connection to its session: test_temp.c; the pool's side is tests/unit/shard.) */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void teardown(void) { harness_stop(&H); }

/* Each idle session used to keep a SQLite connection (three descriptors: the file, its WAL
 * and shared-memory index). Under a hard limit of 300 descriptors, 200 clients that have each
 * run a transaction now hold one descriptor each (their socket). */
#define FD_LIMIT 300
#define CLIENTS 200

static void setup_low_fds(void)
{
	struct rlimit rl = {FD_LIMIT, FD_LIMIT};
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &rl), 0); /* this test's process and the server */
	harness_start(&H, NULL);
}

START_TEST(idle_clients_hold_no_tenant_connection)
{
	PGconn *c[CLIENTS];
	PGconn *admin = harness_connect(&H, "dbname=many");
	PQclear(harness_exec_ok(admin, "CREATE TABLE t (x int)"));
	for (int i = 0; i < CLIENTS; i++) {
		c[i] = harness_connect(&H, "dbname=many");
		char sql[64];
		snprintf(sql, sizeof(sql), "INSERT INTO t VALUES (%d)", i);
		PQclear(harness_exec_ok(c[i], sql));
	}
	char want[16];
	snprintf(want, sizeof(want), "%d", CLIENTS);
	for (int i = 0; i < CLIENTS; i += 37)
		harness_expect_value(c[i], "SELECT count(*) FROM t", want);
	/* A transaction keeps its connection across messages; others go on meanwhile. */
	PQclear(harness_exec_ok(c[0], "BEGIN"));
	PQclear(harness_exec_ok(c[0], "INSERT INTO t VALUES (-1)"));
	harness_expect_value(c[1], "SELECT count(*) FROM t", want);
	PQclear(harness_exec_ok(c[0], "COMMIT"));
	harness_expect_value(c[1], "SELECT count(*) FROM t WHERE x = -1", "1");
	for (int i = 0; i < CLIENTS; i++)
		PQfinish(c[i]);
	PQfinish(admin);
}
END_TEST

static void setup(void) { harness_start(&H, NULL); }

/* A named statement's VM stays on the connection it was prepared on when the session gives it
 * back; the session takes it back, or prepares it again, on whatever it borrows next. */
START_TEST(prepared_statements_outlive_the_connection)
{
	PGconn *a = harness_connect(&H, "dbname=prep");
	PGconn *b = harness_connect(&H, "dbname=prep");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (x int)"));
	PGresult *r = PQprepare(a, "above", "SELECT count(*) FROM t WHERE x > $1", 1, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	for (int round = 0; round < 5; round++) {
		/* b inserts and holds a transaction, so a borrows another connection in turn. */
		char sql[64];
		snprintf(sql, sizeof(sql), "INSERT INTO t (x) VALUES (%d)", round * 10);
		PQclear(harness_exec_ok(b, "BEGIN"));
		PQclear(harness_exec_ok(b, sql));
		PQclear(harness_exec_ok(b, "COMMIT"));
		if (round == 3) /* a schema change: SQLite prepares the statement again by itself */
			PQclear(harness_exec_ok(b, "ALTER TABLE t ADD COLUMN y text"));
		PQclear(harness_exec_ok(b, "BEGIN"));
		const char *param[1] = {"5"};
		r = PQexecPrepared(a, "above", 1, param, NULL, NULL, 0);
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		snprintf(sql, sizeof(sql), "%d", round);
		ck_assert_str_eq(PQgetvalue(r, 0, 0), sql);
		PQclear(r);
		r = PQdescribePrepared(a, "above");
		ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
		ck_assert_int_eq(PQnparams(r), 1);
		ck_assert_int_eq(PQnfields(r), 1);
		PQclear(r);
		PQclear(harness_exec_ok(b, "COMMIT"));
	}
	harness_expect_value(a, "SELECT count(*) FROM t", "5");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* The type of "a + 1" comes from the translator's copy of the tenant's column types. */
static void expect_sum_type(PGconn *c, Oid want)
{
	PGresult *r = harness_exec_ok(c, "SELECT a + 1 FROM t");
	ck_assert_int_eq((int)PQftype(r, 0), (int)want);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "8");
	PQclear(r);
}

/* The column types are read once per schema_version and shared by the sessions that borrow the
 * same pooled connection; DDL by another session is seen right after, and a snapshot of
 * uncommitted (rolled back) DDL is never shared. */
START_TEST(column_types_follow_ddl_across_sessions)
{
	PGconn *c = harness_connect(&H, "dbname=types");
	PQclear(harness_exec_ok(c, "CREATE TABLE t (a int)"));
	PQclear(harness_exec_ok(c, "INSERT INTO t VALUES (7)"));
	expect_sum_type(c, 23);
	PQfinish(c);
	PGconn *a = harness_connect(&H, "dbname=types");
	PGconn *b = harness_connect(&H, "dbname=types");
	expect_sum_type(a, 23);
	PQclear(harness_exec_ok(b, "DROP TABLE t"));
	PQclear(harness_exec_ok(b, "CREATE TABLE t (a bigint)"));
	PQclear(harness_exec_ok(b, "INSERT INTO t VALUES (7)"));
	expect_sum_type(a, 20);
	PQfinish(a);
	PQfinish(b);
	c = harness_connect(&H, "dbname=types");
	expect_sum_type(c, 20);
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "DROP TABLE t"));
	PQclear(harness_exec_ok(c, "CREATE TABLE t (a smallint)"));
	PQclear(harness_exec_ok(c, "INSERT INTO t VALUES (7)"));
	expect_sum_type(c, 23); /* smallint + integer is integer */
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQfinish(c);
	c = harness_connect(&H, "dbname=types");
	PQclear(harness_exec_ok(c, "DROP TABLE t"));
	PQclear(harness_exec_ok(c, "CREATE TABLE t (a numeric)"));
	PQclear(harness_exec_ok(c, "INSERT INTO t VALUES (7)"));
	PQfinish(c);
	c = harness_connect(&H, "dbname=types");
	expect_sum_type(c, 1700);
	PQfinish(c);
}
END_TEST

/* ---- durability ---- */

#define WRITERS 4
#define COMMITS 40

static void *writer_main(void *arg)
{
	int w = (int)(intptr_t)arg;
	PGconn *c = harness_connect(&H, "dbname=durable");
	for (int i = 0; i < COMMITS; i++) {
		char sql[160];
		if (i % 2) /* autocommit */
			snprintf(sql, sizeof(sql), "INSERT INTO t VALUES (%d, %d)", w, i);
		else
			snprintf(sql, sizeof(sql), "BEGIN; INSERT INTO t VALUES (%d, %d); COMMIT", w, i);
		PQclear(harness_exec_ok(c, sql));
	}
	PQfinish(c);
	return NULL;
}

/* Concurrent writers each see every one of their commits answered, in order; a Query that
 * commits and goes on writing in the same message gets all its answers after the flush. */
static void concurrent_commits(void)
{
	PGconn *c = harness_connect(&H, "dbname=durable");
	PQclear(harness_exec_ok(c, "CREATE TABLE t (w int, i int, PRIMARY KEY (w, i))"));
	pthread_t th[WRITERS];
	for (int w = 0; w < WRITERS; w++)
		ck_assert_int_eq(pthread_create(&th[w], NULL, writer_main, (void *)(intptr_t)w), 0);
	for (int w = 0; w < WRITERS; w++)
		pthread_join(th[w], NULL);
	char want[16];
	snprintf(want, sizeof(want), "%d", WRITERS * COMMITS);
	harness_expect_value(c, "SELECT count(*) FROM t", want);
	harness_expect_value(c, "BEGIN; INSERT INTO t VALUES (-1, 0); COMMIT; INSERT INTO t VALUES (-1, 1); "
			"SELECT count(*) FROM t WHERE w = -1", "2");
	PQfinish(c);
}

static void setup_full(void)
{
	static const char *const args[] = {"durability=full", NULL};
	harness_start(&H, args);
}

static void setup_off(void)
{
	static const char *const args[] = {"durability=off", NULL};
	harness_start(&H, args);
}

START_TEST(commits_under_group_durability) { concurrent_commits(); }
END_TEST

START_TEST(commits_under_full_durability) { concurrent_commits(); }
END_TEST

START_TEST(commits_under_no_durability) { concurrent_commits(); }
END_TEST

int main(void)
{
	Suite *s = suite_create("pool");
	TCase *fds = tcase_create("fds");
	tcase_add_checked_fixture(fds, setup_low_fds, teardown);
	tcase_set_timeout(fds, 60);
	tcase_add_test(fds, idle_clients_hold_no_tenant_connection);
	suite_add_tcase(s, fds);
	TCase *tc = tcase_create("borrow");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, prepared_statements_outlive_the_connection);
	tcase_add_test(tc, column_types_follow_ddl_across_sessions);
	tcase_add_test(tc, commits_under_group_durability); /* the default */
	suite_add_tcase(s, tc);
	TCase *full = tcase_create("full");
	tcase_add_checked_fixture(full, setup_full, teardown);
	tcase_set_timeout(full, 60);
	tcase_add_test(full, commits_under_full_durability);
	suite_add_tcase(s, full);
	TCase *off = tcase_create("off");
	tcase_add_checked_fixture(off, setup_off, teardown);
	tcase_set_timeout(off, 60);
	tcase_add_test(off, commits_under_no_durability);
	suite_add_tcase(s, off);
	return check_run(s);
}
