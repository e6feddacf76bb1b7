/* SPDX-License-Identifier: Apache-2.0 */
/* test_commitfail.c: the messages around a commit that fails — a deferred unique or foreign
 * key, a deferred constraint trigger — read raw off the wire. PostgreSQL's simple protocol
 * commits before the last statement's CommandComplete, so a failed commit answers its rows
 * and notices, then only the error; the extended protocol completes at Execute and fails at
 * Sync. Each sequence here is what PostgreSQL 15 sends. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static int raw_login(void)
{
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0}, r;
	raw_startup_msg(&b, 3u << 16, "raw", "acme");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	return fd;
}

/* Sends one Query; checks the message types of the answer and, when given, its SQLSTATE. */
static void expect_query(int fd, const char *sql, const char *types, const char *sqlstate)
{
	struct raw_buf b = {.n = 0}, r;
	raw_query(&b, sql);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_msg(strcmp(t, types) == 0, "%s: %s, not %s", sql, t, types);
	const char *code = raw_error_field(&r, 'C');
	if (sqlstate)
		ck_assert_msg(code && strcmp(code, sqlstate) == 0, "%s: %s", sql,
			      code ? code : "-");
	ck_assert_int_eq(r.d[r.n - 1], 'I');
}

/* Parse, Bind, Execute for each statement, then one Sync. */
static void expect_ext(int fd, const char *const *sqls, size_t n, const char *types,
		       const char *sqlstate)
{
	struct raw_buf b = {.n = 0}, r;
	for (size_t i = 0; i < n; i++) {
		raw_parse(&b, "", sqls[i]);
		raw_bind(&b, "", "");
		raw_execute(&b, "", 0);
	}
	raw_sync(&b);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_msg(strcmp(t, types) == 0, "%s: %s, not %s", sqls[n - 1], t, types);
	const char *code = raw_error_field(&r, 'C');
	ck_assert_msg(code && strcmp(code, sqlstate) == 0, "%s: %s", sqls[n - 1],
		      code ? code : "-");
	ck_assert_int_eq(r.d[r.n - 1], 'I');
}

static void expect_value(PGconn *c, const char *sql, const char *want)
{
	PGresult *r = PQexec(c, sql);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql, PQresultErrorMessage(r));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), want);
	PQclear(r);
}

START_TEST(deferred_key_commit_fails_without_tag)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE u (k int UNIQUE DEFERRABLE INITIALLY DEFERRED)");
	harness_exec(c, "CREATE TABLE p (id int PRIMARY KEY)");
	harness_exec(c, "CREATE TABLE f (p int REFERENCES p DEFERRABLE INITIALLY DEFERRED)");
	int fd = raw_login();
	expect_query(fd, "INSERT INTO u VALUES (1)", "CZ", NULL);
	expect_query(fd, "INSERT INTO u VALUES (1)", "EZ", "23505");
	/* RETURNING's rows were sent before the commit: they stay */
	expect_query(fd, "INSERT INTO u VALUES (1) RETURNING k", "TDEZ", "23505");
	/* the implicit block of several statements: only the last one's tag waits */
	expect_query(fd, "INSERT INTO u VALUES (2); INSERT INTO u VALUES (1)", "CEZ", "23505");
	expect_query(fd, "INSERT INTO u VALUES (1); SELECT 1", "CTDEZ", "23505");
	expect_query(fd, "SELECT 1; INSERT INTO u VALUES (1) RETURNING k", "TDCTDEZ", "23505");
	/* a COMMIT's own failure, and an autocommit statement after it */
	expect_query(fd, "BEGIN; INSERT INTO u VALUES (1); COMMIT", "CCEZ", "23505");
	expect_query(fd, "BEGIN; INSERT INTO u VALUES (5); COMMIT; INSERT INTO u VALUES (1)",
		     "CCCEZ", "23505");
	/* COMMIT in the implicit block warns (25P01), as PostgreSQL's, and fails there */
	expect_query(fd, "INSERT INTO u VALUES (1); COMMIT", "CNEZ", "23505");
	expect_query(fd, "INSERT INTO u VALUES (1); ROLLBACK", "CNCZ", NULL);
	expect_query(fd, "INSERT INTO f VALUES (7)", "EZ", "23503");
	expect_query(fd, "INSERT INTO f VALUES (7) RETURNING p", "TDEZ", "23503");
	expect_value(c, "SELECT string_agg(k::text, ',' ORDER BY k) FROM u", "1,5");
	expect_value(c, "SELECT count(*) FROM f", "0");
	close(fd);
	PQfinish(c);
}
END_TEST

START_TEST(deferred_trigger_notices_then_tag_or_error)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE t (v int)");
	harness_exec(c, "CREATE FUNCTION chk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
			"RAISE NOTICE 'checking %', NEW.v; IF NEW.v < 0 THEN "
			"RAISE EXCEPTION 'negative %', NEW.v USING ERRCODE = '23514'; END IF; "
			"RETURN NULL; END $$");
	harness_exec(c, "CREATE CONSTRAINT TRIGGER t_chk AFTER INSERT ON t DEFERRABLE INITIALLY "
			"DEFERRED FOR EACH ROW EXECUTE FUNCTION chk()");
	int fd = raw_login();
	/* the commit's notices come before the tag, as after PostgreSQL's finish_xact_command */
	expect_query(fd, "INSERT INTO t VALUES (1)", "NCZ", NULL);
	expect_query(fd, "INSERT INTO t VALUES (-1)", "NEZ", "23514");
	expect_query(fd, "INSERT INTO t VALUES (-2) RETURNING v", "TDNEZ", "23514");
	expect_query(fd, "INSERT INTO t VALUES (3); INSERT INTO t VALUES (-3)", "CNNEZ", "23514");
	expect_value(c, "SELECT string_agg(v::text, ',') FROM t", "1");
	close(fd);
	PQfinish(c);
}
END_TEST

/* COPY FROM STDIN as the Query's last statement: its tag waits for the commit too. */
START_TEST(copy_commit_fails_without_tag)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE u (k int UNIQUE DEFERRABLE INITIALLY DEFERRED)");
	harness_exec(c, "INSERT INTO u VALUES (1)");
	int fd = raw_login();
	const char *queries[] = {"COPY u FROM STDIN", "COPY u FROM STDIN; SELECT 2"};
	const char *want[] = {"EZ", "CTDEZ"};
	for (size_t i = 0; i < 2; i++) {
		struct raw_buf b = {.n = 0}, r;
		raw_query(&b, queries[i]);
		raw_send(fd, &b);
		raw_recv_msg(fd, &r);
		ck_assert_int_eq(r.d[0], 'G');
		b.n = 0;
		raw_msg(&b, 'd', "1\n", 2);
		raw_msg(&b, 'c', NULL, 0);
		raw_send(fd, &b);
		raw_recv_until_ready(fd, &r);
		char t[64];
		raw_types(&r, 0, t, sizeof(t));
		ck_assert_msg(strcmp(t, want[i]) == 0, "%s: %s", queries[i], t);
		ck_assert_str_eq(raw_error_field(&r, 'C'), "23505");
	}
	expect_value(c, "SELECT count(*) FROM u", "1");
	close(fd);
	PQfinish(c);
}
END_TEST

/* Extended protocol: CommandComplete (and rows) at Execute, the commit's error at Sync. */
START_TEST(extended_completes_at_execute_fails_at_sync)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE u (k int UNIQUE DEFERRABLE INITIALLY DEFERRED)");
	harness_exec(c, "CREATE TABLE p (id int PRIMARY KEY)");
	harness_exec(c, "CREATE TABLE f (p int REFERENCES p DEFERRABLE INITIALLY DEFERRED)");
	harness_exec(c, "INSERT INTO u VALUES (1)");
	int fd = raw_login();
	const char *dup[] = {"INSERT INTO u VALUES (1)"};
	expect_ext(fd, dup, 1, "12CEZ", "23505");
	const char *ret[] = {"INSERT INTO u VALUES (1) RETURNING k"};
	expect_ext(fd, ret, 1, "12DCEZ", "23505");
	const char *two[] = {"INSERT INTO u VALUES (9)", "INSERT INTO u VALUES (1)"};
	expect_ext(fd, two, 2, "12C12CEZ", "23505");
	const char *commit[] = {"INSERT INTO u VALUES (1)", "COMMIT"};
	expect_ext(fd, commit, 2, "12C12NEZ", "23505");
	const char *fk[] = {"SELECT 1", "INSERT INTO f VALUES (7)"};
	expect_ext(fd, fk, 2, "12DC12CEZ", "23503");
	expect_value(c, "SELECT count(*) FROM u", "1");
	close(fd);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("commitfail");
	TCase *tc = tcase_create("wire");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, deferred_key_commit_fails_without_tag);
	tcase_add_test(tc, deferred_trigger_notices_then_tag_or_error);
	tcase_add_test(tc, copy_commit_fails_without_tag);
	tcase_add_test(tc, extended_completes_at_execute_fails_at_sync);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
