/* SPDX-License-Identifier: Apache-2.0 */
/* test_typedparam.c: operators whose meaning depends on an operand's type, given parameters
 * whose types the client declared in Parse (jsonb 3802, int4[] 1007, bytea 17, numeric 1700,
 * date 1082) and bound in text and binary: jsonb's || and - are jsonb's, not text's, and a
 * jsonb value bound as sent reads as its canonical text. The differential suite covers the same
 * through PREPARE and function arguments (tests/regress/sql/28_jsonbparam_*.sql). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

enum { JSONB = 3802, TEXT = 25, INT4 = 23, INT4_ARRAY = 1007, BYTEA = 17, NUMERIC = 1700,
       DATE = 1082 };

/* Runs sql with the text parameters vals of types types; checks row 0 against want. */
static void expect_row(PGconn *c, const char *sql, int n, const Oid *types, const char *const *vals,
		       int ncols, const char *const *want)
{
	PGresult *r = PQexecParams(c, sql, n, types, vals, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql, PQresultErrorMessage(r));
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_int_eq(PQnfields(r), ncols);
	for (int i = 0; i < ncols; i++)
		ck_assert_msg(strcmp(PQgetvalue(r, 0, i), want[i]) == 0, "%s column %d: %s, not %s",
			      sql, i, PQgetvalue(r, 0, i), want[i]);
	PQclear(r);
}

START_TEST(jsonb_operators_of_declared_parameters)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	Oid jj[] = {JSONB, JSONB, TEXT};
	const char *v[] = {"{\"a\":1}", "{\"b\":2}", "a"};
	expect_row(c, "SELECT $1 || $2, $1 || $2 || '{\"c\": 3}', ($1 || $2) - $3", 3, jj, v, 3,
		   (const char *[]){"{\"a\": 1, \"b\": 2}", "{\"a\": 1, \"b\": 2, \"c\": 3}",
				    "{\"b\": 2}"});
	expect_row(c, "SELECT $1 - $3, $1 ? $3, $1 @> $2, $1 -> $3, $1 ->> $3", 3, jj, v, 5,
		   (const char *[]){"{}", "t", "f", "1", "1"});
	/* a text parameter beside jsonb: text's || (textanycat), with jsonb's canonical text */
	Oid jt[] = {JSONB, TEXT};
	const char *w[] = {"{\"b\":1,  \"a\":[1,2]}", "!"};
	expect_row(c, "SELECT $1 || $2, $1, $1::text", 2, jt, w, 3,
		   (const char *[]){"{\"a\": [1, 2], \"b\": 1}!", "{\"a\": [1, 2], \"b\": 1}",
				    "{\"a\": [1, 2], \"b\": 1}"});
	PQfinish(c);
}
END_TEST

/* jsonb's binary format is a version byte (1) and the text: bound so, it is jsonb all the same. */
START_TEST(jsonb_parameters_in_binary)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	Oid types[] = {JSONB, JSONB};
	const char *vals[] = {"\001{\"a\":1}", "\001[2,  3]"};
	int lens[] = {8, 8}, fmts[] = {1, 1};
	PGresult *r = PQexecParams(c, "SELECT $1 || $2, $2 - 0", 2, types, vals, lens, fmts, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQresultErrorMessage(r));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "[{\"a\": 1}, 2, 3]");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "[3]");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* A named statement: Parse with the OIDs, then Bind; a function's jsonb arguments too. */
START_TEST(prepared_statement_and_function)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	Oid types[] = {JSONB, JSONB};
	PGresult *r = PQprepare(c, "cat", "SELECT $1 || $2 AS j", 2, types);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	const char *vals[] = {"{\"a\":1}", "{\"b\":2}"};
	r = PQexecPrepared(c, "cat", 2, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_uint_eq(PQftype(r, 0), JSONB);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "{\"a\": 1, \"b\": 2}");
	PQclear(r);
	PQclear(harness_exec_ok(c, "CREATE FUNCTION jcat(a jsonb, b jsonb) RETURNS jsonb "
				   "LANGUAGE sql AS 'SELECT a || b'"));
	expect_row(c, "SELECT jcat($1, $2)", 2, types, vals, 1,
		   (const char *[]){"{\"a\": 1, \"b\": 2}"});
	PQfinish(c);
}
END_TEST

/* The other type-dependent operators read the declared types already: kept so. */
START_TEST(other_operators_of_declared_parameters)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	Oid arr[] = {INT4_ARRAY, INT4};
	expect_row(c, "SELECT $1 || $2, $2 || $1, $1 || $1", 2, arr, (const char *[]){"{1,2}", "3"},
		   3, (const char *[]){"{1,2,3}", "{3,1,2}", "{1,2,1,2}"});
	Oid by[] = {BYTEA, BYTEA};
	expect_row(c, "SELECT $1 || $2", 2, by, (const char *[]){"\\x01", "\\x02ff"}, 1,
		   (const char *[]){"\\x0102ff"});
	Oid num[] = {NUMERIC, NUMERIC};
	expect_row(c, "SELECT $1 + $2, $1 * $2, array_append(ARRAY[$1], $2)", 2, num,
		   (const char *[]){"1.50", "2.0"}, 3,
		   (const char *[]){"3.50", "3.000", "{1.50,2.0}"});
	Oid dt[] = {DATE, INT4};
	expect_row(c, "SELECT $1 + $2, $1 - $2", 2, dt, (const char *[]){"2024-02-28", "2"}, 2,
		   (const char *[]){"2024-03-01", "2024-02-26"});
	PQfinish(c);
}
END_TEST

/* abs() and @ of a numeric parameter keep its display scale, as numeric_abs does (PostgreSQL
 * 1.50; it was 1.5); round, trunc, greatest and coalesce already did. */
START_TEST(numeric_parameter_scale_through_functions)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	Oid num[] = {NUMERIC};
	expect_row(c, "SELECT abs($1), @ $1, abs($1) * 2, abs(-$1)", 1, num,
		   (const char *[]){"-1.50"}, 4, (const char *[]){"1.50", "1.50", "3.00", "1.50"});
	expect_row(c, "SELECT round($1, 1), trunc($1, 3), greatest($1, 1.0), coalesce($1, 2)", 1,
		   num, (const char *[]){"-1.55"}, 4,
		   (const char *[]){"-1.6", "-1.550", "1.0", "-1.55"});
	expect_row(c, "SELECT abs($1), abs($1) IS NULL", 1, num, (const char *[]){"NaN"}, 2,
		   (const char *[]){"NaN", "f"});
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("typedparam");
	TCase *tc = tcase_create("typedparam");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, jsonb_operators_of_declared_parameters);
	tcase_add_test(tc, jsonb_parameters_in_binary);
	tcase_add_test(tc, prepared_statement_and_function);
	tcase_add_test(tc, other_operators_of_declared_parameters);
	tcase_add_test(tc, numeric_parameter_scale_through_functions);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
