/* SPDX-License-Identifier: Apache-2.0 */
/* test_ctas.c: CREATE TABLE AS and SELECT INTO against the real binary through libpq's
 * extended protocol — parameters bound by Bind, Describe answering NoData, the tag `SELECT n`,
 * a prepared CREATE TABLE AS run twice, errors rolling back, and temporary tables made so
 * (gone with the session). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static void seed(PGconn *c)
{
	harness_exec(c, "CREATE TABLE src (id serial PRIMARY KEY, price numeric(8,2), "
			"name varchar(12))");
	harness_exec(c, "INSERT INTO src (price, name) VALUES (1.5, 'one'), (2.25, 'two'), "
			"(10, 'ten')");
}

/* PQexecParams: the parameters filter the query; the new table has the source's types. */
START_TEST(parameters_through_bind)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	seed(c);
	const char *vals[] = {"2"};
	PGresult *r = PQexecParams(c, "CREATE TABLE cheap AS SELECT id, price, name FROM src "
				      "WHERE price < $1",
				   1, NULL, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 1");
	ck_assert_int_eq(PQnfields(r), 0);
	PQclear(r);
	r = harness_exec_ok(c, "SELECT id, price, name FROM cheap");
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "1.50");
	ck_assert_int_eq((int)PQftype(r, 0), 23);
	ck_assert_int_eq((int)PQftype(r, 1), 1700);
	ck_assert_int_eq(PQfmod(r, 1), ((8 << 16) | 2) + 4);
	ck_assert_int_eq((int)PQftype(r, 2), 1043);
	ck_assert_int_eq(PQfmod(r, 2), 12 + 4);
	PQclear(r);
	const char *into[] = {"one"};
	r = PQexecParams(c, "SELECT name, length($1::text) AS len INTO TEMP picked FROM src "
			    "WHERE name <> $1",
			 1, NULL, into, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 2");
	PQclear(r);
	harness_expect_value(c, "SELECT string_agg(name || len, ',' ORDER BY name) FROM picked",
			     "ten3,two3");
	harness_expect_value(c, "SELECT relpersistence FROM pg_class WHERE relname = 'picked'",
			     "t");
	PQfinish(c);
	/* the session's end drops it: the next session, on the pooled connection, has none */
	for (int i = 0; i < 3; i++) {
		c = harness_connect(&H, "dbname=acme");
		harness_exec_fail(c, "SELECT * FROM picked", "42P01");
		PQfinish(c);
	}
}
END_TEST

/* Parse + Describe: no result columns (NoData), the parameter's inferred type; executed
 * twice, the second run finds the table there (42P07) and leaves the session usable. */
START_TEST(prepared_and_described)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	seed(c);
	PGresult *r = PQprepare(c, "mk", "CREATE TABLE named_ones AS SELECT name FROM src "
					 "WHERE id >= $1",
				0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "mk");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_int_eq(PQnfields(r), 0);
	ck_assert_int_eq(PQnparams(r), 1);
	ck_assert_int_eq((int)PQparamtype(r, 0), 23);
	PQclear(r);
	const char *vals[] = {"2"};
	r = PQexecPrepared(c, "mk", 1, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 2");
	PQclear(r);
	r = PQexecPrepared(c, "mk", 1, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42P07");
	PQclear(r);
	harness_expect_value(c, "SELECT count(*) FROM named_ones", "2");
	PQfinish(c);
}
END_TEST

/* In a transaction block: an error in the query (22012 on the third row) leaves no table,
 * and a table made before it goes with the ROLLBACK. */
START_TEST(all_or_nothing)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	seed(c);
	harness_exec_fail(c, "CREATE TABLE bad AS SELECT 1 / (id - 3) AS q FROM src", "22012");
	harness_expect_value(c, "SELECT count(*) FROM pg_class WHERE relname = 'bad'", "0");
	harness_exec(c, "BEGIN");
	const char *vals[] = {"5"};
	PGresult *r = PQexecParams(c, "CREATE TABLE in_txn AS SELECT id * $1::int AS x FROM src",
				   1, NULL, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 3");
	PQclear(r);
	harness_expect_value(c, "SELECT sum(x) FROM in_txn", "30");
	harness_exec(c, "ROLLBACK");
	harness_exec_fail(c, "SELECT * FROM in_txn", "42P01");
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ctas");
	TCase *tc = tcase_create("ctas");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, parameters_through_bind);
	tcase_add_test(tc, prepared_and_described);
	tcase_add_test(tc, all_or_nothing);
	suite_add_tcase(s, tc);
	return check_run(s);
}
