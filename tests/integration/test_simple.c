/* SPDX-License-Identifier: Apache-2.0 */
/* test_simple.c: simple Query statements that differ only in constants share one prepared
 * SQLite statement, the constants bound as parameters (xlat_env.bind_consts): each gets its
 * own values, types and errors; a kept statement follows schema changes made by this session
 * or another one (result columns, missing columns with PostgreSQL's position), and several
 * statements in one Query still run as before. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static void expect_row(PGconn *c, const char *sql, const char *want0, const char *want1)
{
	PGresult *r = harness_exec_ok(c, sql);
	ck_assert_msg(PQntuples(r) == 1, "%s: %d rows", sql, PQntuples(r));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), want0);
	if (want1)
		ck_assert_str_eq(PQgetvalue(r, 0, 1), want1);
	PQclear(r);
}

START_TEST(constants_bound_each_time)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE acc (id int PRIMARY KEY, name text, bal bigint)"));
	PQclear(harness_exec_ok(c, "INSERT INTO acc VALUES (1, 'a', 10), (2, 'it''s', -20), "
				   "(3, 'c', 9000000000)"));
	/* the same statement again and again with other constants, as pgbench -M simple */
	expect_row(c, "SELECT name, bal FROM acc WHERE id = 1", "a", "10");
	expect_row(c, "SELECT name, bal FROM acc WHERE id = 2", "it's", "-20");
	expect_row(c, "SELECT name, bal FROM acc WHERE id = 3", "c", "9000000000");
	expect_row(c, "SELECT id, bal + 1 FROM acc WHERE name = 'it''s'", "2", "-19");
	expect_row(c, "SELECT id, bal + 5 FROM acc WHERE name = 'a'", "1", "15");
	expect_row(c, "SELECT count(*), min(id) FROM acc WHERE bal > -9223372036854775808",
		   "3", "1");
	expect_row(c, "SELECT count(*), min(id) FROM acc WHERE bal > 8999999999", "1", "3");
	/* each run's literal keeps its own type: text, int4, int8 */
	PGresult *r = harness_exec_ok(c, "SELECT 'x', 1, 5000000000 FROM acc WHERE id = 1");
	ck_assert_uint_eq(PQftype(r, 0), 25);
	ck_assert_uint_eq(PQftype(r, 1), 23);
	ck_assert_uint_eq(PQftype(r, 2), 20);
	PQclear(r);
	r = harness_exec_ok(c, "SELECT 'yy', 2, 6000000000 FROM acc WHERE id = 2");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "yy");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "6000000000");
	PQclear(r);
	/* an error raised by the bound value, then the statement runs fine again */
	harness_expect_error(c, "UPDATE acc SET id = id + 2147483647 WHERE id = 3", "22003",
			     "integer out of range");
	PQclear(harness_exec_ok(c, "UPDATE acc SET id = id + 10 WHERE id = 3"));
	expect_row(c, "SELECT name, bal FROM acc WHERE id = 13", "c", "9000000000");
	/* ordinals stay ordinals */
	expect_row(c, "SELECT id, name FROM acc ORDER BY 1 DESC LIMIT 1", "13", "c");
	expect_row(c, "SELECT id, name FROM acc ORDER BY 2 DESC LIMIT 1", "2", "it's");
	/* several statements in one Query, and a transaction block */
	r = harness_exec_ok(c, "SELECT 1; SELECT name FROM acc WHERE id = 1");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "a");
	PQclear(r);
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO acc VALUES (4, 'd', 4)"));
	harness_exec_fail(c, "INSERT INTO acc VALUES (4, 'e', 5)", "23505");
	harness_exec_fail(c, "SELECT name FROM acc WHERE id = 4", "25P02");
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	r = harness_exec_ok(c, "SELECT name FROM acc WHERE id = 4");
	ck_assert_int_eq(PQntuples(r), 0);
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* A statement kept prepared on the pooled connection, and the schema changed under it by this
 * session or by another one: the next run describes the new columns. */
START_TEST(schema_changes_reach_kept_statements)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PGconn *d = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE r (id int PRIMARY KEY, a int)"));
	PQclear(harness_exec_ok(c, "INSERT INTO r VALUES (1, 10), (2, 20)"));
	PGresult *res = harness_exec_ok(c, "SELECT * FROM r WHERE id = 1");
	ck_assert_int_eq(PQnfields(res), 2);
	PQclear(res);
	PQclear(harness_exec_ok(c, "ALTER TABLE r ADD COLUMN b text DEFAULT 'x'"));
	res = harness_exec_ok(c, "SELECT * FROM r WHERE id = 2");
	ck_assert_int_eq(PQnfields(res), 3);
	ck_assert_str_eq(PQgetvalue(res, 0, 2), "x");
	PQclear(res);
	PQclear(harness_exec_ok(d, "ALTER TABLE r ADD COLUMN c int DEFAULT 7"));
	res = harness_exec_ok(c, "SELECT * FROM r WHERE id = 1");
	ck_assert_int_eq(PQnfields(res), 4);
	ck_assert_str_eq(PQfname(res, 3), "c");
	ck_assert_str_eq(PQgetvalue(res, 0, 3), "7");
	PQclear(res);
	/* an index changes no column: the kept statement compiles again and finds the rows */
	PQclear(harness_exec_ok(d, "CREATE INDEX r_a ON r (a)"));
	expect_row(c, "SELECT id, a FROM r WHERE a = 20", "2", "20");
	expect_row(c, "SELECT id, a FROM r WHERE a = 10", "1", "10");
	/* a column gone: 42703 at its place in this statement */
	PQclear(harness_exec_ok(d, "DROP TABLE r"));
	PQclear(harness_exec_ok(d, "CREATE TABLE r (id int PRIMARY KEY, z int)"));
	res = PQexec(c, "SELECT id, a FROM r WHERE a = 30");
	ck_assert_str_eq(PQresultErrorField(res, PG_DIAG_SQLSTATE), "42703");
	ck_assert_str_eq(PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION), "12");
	PQclear(res);
	PQfinish(d);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("simple");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, constants_bound_each_time);
	tcase_add_test(tc, schema_changes_reach_kept_statements);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
