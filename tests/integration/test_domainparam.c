/* SPDX-License-Identifier: Apache-2.0 */
/* test_domainparam.c: a parameter cast to a domain through the extended protocol — the
 * domain's OID in ParameterDescription (as PostgreSQL 15 sends it), the value bound in the
 * base type's text and binary formats and checked by the cast (23514, 23502); the NOTICEs of
 * domain DDL and the result types of domains over domains and enums, which the differential
 * suite does not compare. */
#include <arpa/inet.h>
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

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

START_TEST(domain_notices)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	struct harness_notices got;
	harness_collect_notices(c, &got);
	PQclear(harness_exec_ok(c, "CREATE DOMAIN d1 AS int CHECK (VALUE > 0)"));
	PQclear(harness_exec_ok(c, "ALTER DOMAIN d1 DROP CONSTRAINT IF EXISTS nope"));
	PQclear(harness_exec_ok(c, "ALTER DOMAIN d1 DROP CONSTRAINT IF EXISTS d1_check"));
	PQclear(harness_exec_ok(c, "CREATE TABLE t1 (a d1, b d1, c int)"));
	PQclear(harness_exec_ok(c, "CREATE TABLE t2 (x d1, y int)"));
	PQclear(harness_exec_ok(c, "DROP DOMAIN d1 CASCADE"));
	PQclear(harness_exec_ok(c, "CREATE DOMAIN d2 AS text"));
	PQclear(harness_exec_ok(c, "ALTER TABLE t1 ADD COLUMN e d2"));
	PQclear(harness_exec_ok(c, "DROP DOMAIN d2 CASCADE"));
	ck_assert_str_eq(got.text,
			 "00000 constraint \"nope\" of domain \"d1\" does not exist, skipping\n"
			 "00000 drop cascades to 3 other objects / drop cascades to column b "
			 "of table t1\ndrop cascades to column a of table t1\ndrop cascades to "
			 "column x of table t2\n"
			 "00000 drop cascades to column e of table t1\n");
	PQfinish(c);
}
END_TEST

/* RowDescription: a domain over a domain sends the built-in type under them, one over an
 * enum the enum's OID, as PostgreSQL does. */
START_TEST(domain_chain_result_types)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE DOMAIN p1 AS numeric(6,2) CHECK (VALUE > 0)"));
	PQclear(harness_exec_ok(c, "CREATE DOMAIN p2 AS p1 CHECK (VALUE < 100)"));
	PQclear(harness_exec_ok(c, "CREATE TYPE mood AS ENUM ('sad', 'ok')"));
	PQclear(harness_exec_ok(c, "CREATE DOMAIN fine AS mood NOT NULL"));
	PQclear(harness_exec_ok(c, "CREATE TABLE pt (a p2, m fine)"));
	PQclear(harness_exec_ok(c, "INSERT INTO pt VALUES (1.5, 'ok')"));
	unsigned mood = type_oid(c, "mood");
	PGresult *r = harness_exec_ok(c, "SELECT a, m, 2.25::p2 AS b FROM pt");
	ck_assert_uint_eq(PQftype(r, 0), 1700);
	ck_assert_int_eq(PQfmod(r, 0), (6 << 16 | 2) + 4);
	ck_assert_uint_eq(PQftype(r, 1), mood);
	ck_assert_uint_eq(PQftype(r, 2), 1700);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1.50");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "ok");
	PQclear(r);
	r = PQexec(c, "INSERT INTO pt VALUES (100, 'ok')");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23514");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "value for domain p2 violates check constraint \"p2_check\"");
	PQclear(r);
	r = PQexec(c, "INSERT INTO pt VALUES (-1, 'ok')");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "value for domain p2 violates check constraint \"p1_check\"");
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
	tcase_add_test(tc, domain_notices);
	tcase_add_test(tc, domain_chain_result_types);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
