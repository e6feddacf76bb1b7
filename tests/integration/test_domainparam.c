/* SPDX-License-Identifier: Apache-2.0 */
/* test_domainparam.c: a parameter cast to a domain through the extended protocol — the
 * domain's OID in ParameterDescription (as PostgreSQL 15 sends it), the value bound in the
 * base type's text and binary formats and checked by the cast (23514, 23502). */
#include <arpa/inet.h>
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static unsigned type_oid(PGconn *c, const char *name)
{
	const char *v[] = {name};
	PGresult *r = PQexecParams(c, "SELECT oid FROM pg_type WHERE typname = $1", 1, NULL, v,
				   NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 1);
	unsigned oid = (unsigned)strtoul(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return oid;
}

START_TEST(parameter_of_a_domain)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE DOMAIN posint AS integer NOT NULL CHECK (VALUE > 0)"));
	unsigned posint = type_oid(c, "posint");
	PGresult *r = PQprepare(c, "q", "SELECT CAST($1 AS posint) + 1 AS n", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "q");
	ck_assert_int_eq(PQnparams(r), 1);
	ck_assert_uint_eq(PQparamtype(r, 0), posint);
	ck_assert_uint_eq(PQftype(r, 0), 23); /* a result: the base type */
	PQclear(r);

	const char *text[] = {"41"};
	r = PQexecPrepared(c, "q", 1, text, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "42");
	PQclear(r);

	uint32_t be = htonl(6); /* the base type's binary format */
	const char *bin[] = {(const char *)&be};
	int len[] = {4}, fmt[] = {1};
	r = PQexecPrepared(c, "q", 1, bin, len, fmt, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "7");
	PQclear(r);

	const char *zero[] = {"0"}, *null[] = {NULL};
	r = PQexecPrepared(c, "q", 1, zero, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23514");
	PQclear(r);
	r = PQexecPrepared(c, "q", 1, null, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23502");
	PQclear(r);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("domainparam");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, parameter_of_a_domain);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
