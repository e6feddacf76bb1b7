/* SPDX-License-Identifier: Apache-2.0 */
/* test_funcs.c: PostgreSQL's functions, JSON and arrays as drivers meet them through the
 * extended protocol — array parameters with = ANY($1) and the types ParameterDescription
 * reports, array and JSON result type OIDs, a jsonb parameter, set_config and the
 * ParameterStatus it sends; pg_sleep cancelled, timed out, and other sessions served while it
 * sleeps. */
#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

START_TEST(array_parameter_with_any)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE items (id int PRIMARY KEY, tag text)"));
	PQclear(harness_exec_ok(c, "INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
	PGresult *r = PQprepare(c, "q",
				"SELECT id FROM items WHERE id = ANY($1) AND tag <> ALL($2) "
				"ORDER BY id",
				0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "q");
	ck_assert_int_eq(PQnparams(r), 2);
	ck_assert_int_eq(PQparamtype(r, 1),
			 1009); /* text[]: tag's type is known at run time only */
	PQclear(r);
	const char *v[] = {"{1,2,3}", "{b,\"x y\"}"};
	r = PQexecPrepared(c, "q", 2, v, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "3");
	PQclear(r);
	r = PQprepare(c, "k", "SELECT 2 = ANY($1)", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	const char *bad[] = {"{1,"};
	r = PQexecPrepared(c, "k", 1, bad, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22P02");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(result_types_of_arrays_and_json)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PGresult *r = harness_exec_ok(c,
				      "SELECT ARRAY[1, 2], ARRAY['a'], jsonb_build_object('b', 1, "
				      "'a', true), json_build_array(1), to_hex(255), md5('a')");
	static const Oid want[] = {1007, 1009, 3802, 114, 25, 25};
	for (int i = 0; i < 6; i++)
		ck_assert_int_eq(PQftype(r, i), want[i]);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "{1,2}");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "{\"a\": true, \"b\": 1}");
	ck_assert_str_eq(PQgetvalue(r, 0, 3), "[1]");
	PQclear(r);
	const char *v[] = {"{\"k\": [10, 20]}"};
	r = PQexecParams(c, "SELECT $1::jsonb -> 'k' ->> 1", 1, NULL, v, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "20");
	PQclear(r);
	harness_exec_fail(c, "SELECT '{bad'::jsonb", "22P02");
	PQfinish(c);
}
END_TEST

START_TEST(set_config_changes_the_session)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "SELECT set_config('application_name', 'funcs', false)"));
	ck_assert_str_eq(PQparameterStatus(c, "application_name"), "funcs");
	PGresult *r = harness_exec_ok(c, "SHOW application_name");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "funcs");
	PQclear(r);
	harness_exec_fail(c, "SELECT set_config('no_such_setting', 'x', false)", "42704");
	PQfinish(c);
}
END_TEST

/* SELECT without result columns: a RowDescription of no fields and rows of no values, in
 * both protocols, as PostgreSQL answers. */
START_TEST(select_without_columns)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE z (a int4); INSERT INTO z VALUES (1), (2), (3)"));
	PGresult *r = harness_exec_ok(c, "SELECT FROM z WHERE a > 1");
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQnfields(r), 0);
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 2");
	PQclear(r);
	r = PQprepare(c, "zc", "SELECT FROM z WHERE a > $1", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "zc");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_int_eq(PQnfields(r), 0);
	PQclear(r);
	const char *vals[] = {"2"};
	r = PQexecPrepared(c, "zc", 1, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQnfields(r), 0);
	ck_assert_int_eq(PQntuples(r), 1);
	PQclear(r);
	PQfinish(c);
}
END_TEST

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A pg_sleep holds neither the event loop nor the tenant: another session reads and writes
 * while it sleeps; a CancelRequest and statement_timeout end it at once with 57014. */
START_TEST(sleep_cancelled_timed_out_and_others_served)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PGconn *other = harness_connect(&H, "dbname=acme");
	harness_exec(other, "CREATE TABLE sl (id int PRIMARY KEY)");
	harness_expect_value(c, "SELECT pg_sleep(0.05)::text || 'x'", "x");
	double t0 = now_s();
	ck_assert(PQsendQuery(c, "SELECT pg_sleep(30)"));
	for (int i = 0; i < 20; i++) { /* reads and autocommit writes while it sleeps */
		char sql[64];
		snprintf(sql, sizeof(sql), "INSERT INTO sl VALUES (%d)", i);
		harness_exec(other, sql);
		harness_expect_value(other, "SELECT 41 + 1", "42");
	}
	harness_expect_value(other, "SELECT count(*) FROM sl", "20");
	ck_assert(PQconsumeInput(c));
	ck_assert(PQisBusy(c)); /* still sleeping */
	harness_cancel_until_done(c);
	ck_assert(now_s() - t0 < 10);
	harness_exec(c, "SET statement_timeout = 200");
	t0 = now_s();
	harness_expect_error(c, "SELECT pg_sleep_for('30 seconds')", "57014",
			     "canceling statement due to statement timeout");
	ck_assert(now_s() - t0 < 10);
	harness_exec(c, "BEGIN");
	harness_expect_error(c, "SELECT pg_sleep(30)", "57014",
			     "canceling statement due to statement timeout");
	harness_exec(c, "ROLLBACK");
	harness_expect_value(c, "SELECT 1", "1");
	PQfinish(other);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("funcs");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, array_parameter_with_any);
	tcase_add_test(tc, result_types_of_arrays_and_json);
	tcase_add_test(tc, set_config_changes_the_session);
	tcase_add_test(tc, select_without_columns);
	tcase_add_test(tc, sleep_cancelled_timed_out_and_others_served);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
