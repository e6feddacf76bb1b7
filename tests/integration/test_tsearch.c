/* SPDX-License-Identifier: Apache-2.0 */
/* test_tsearch.c: full text search through libpq — parameter types PostgreSQL 15 describes for
 * the text search functions and operators, tsvector/tsquery results and parameters in binary
 * (tsvectorsend/tsquerysend bytes as PostgreSQL 15.18 sends them), a stored column searched
 * and ranked with parameters, and default_text_search_config per session. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static void expect_params(PGconn *c, const char *name, const char *sql, int n, const Oid *want)
{
	PGresult *r = PQprepare(c, name, sql, 0, NULL);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	r = PQdescribePrepared(c, name);
	ck_assert_int_eq(PQnparams(r), n);
	for (int i = 0; i < n; i++)
		ck_assert_msg(PQparamtype(r, i) == want[i], "%s: $%d is %u, want %u", sql, i + 1,
			      PQparamtype(r, i), want[i]);
	PQclear(r);
}

START_TEST(parameter_types)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE fp (id int, body text, tsv tsvector, q tsquery)"));
	expect_params(c, "p1", "INSERT INTO fp VALUES ($1, $2, $3, $4)", 4,
		      (const Oid[]){23, 25, 3614, 3615});
	expect_params(c, "p2", "SELECT to_tsvector($1) @@ to_tsquery($2)", 2,
		      (const Oid[]){25, 25});
	expect_params(c, "p3", "SELECT to_tsvector($1, $2)", 2, (const Oid[]){3734, 25});
	expect_params(c, "p4", "SELECT id FROM fp WHERE tsv @@ $1", 1, (const Oid[]){3615});
	expect_params(c, "p5", "SELECT ts_rank(tsv, $1) FROM fp", 1, (const Oid[]){3615});
	expect_params(c, "p6", "SELECT $1::tsquery, $2::tsvector", 2, (const Oid[]){3615, 3614});
	expect_params(c, "p7", "SELECT setweight($1, 'A')", 1, (const Oid[]){3614});
	expect_params(c, "p8", "SELECT to_tsvector($1::regconfig, $2)", 2, (const Oid[]){3734, 25});
	PQfinish(c);
}
END_TEST

static void expect_binary(PGconn *c, const char *sql, Oid type, const char *want, size_t n)
{
	PGresult *r = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 1);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql, PQerrorMessage(c));
	ck_assert_int_eq(PQftype(r, 0), type);
	ck_assert_int_eq(PQgetlength(r, 0, 0), (int)n);
	ck_assert(memcmp(PQgetvalue(r, 0, 0), want, n) == 0);
	PQclear(r);
}

START_TEST(binary_format)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	static const char v[] = "\0\0\0\3a\0\0\2\0\1\x80\3b\0\0\1\0\2c\0\0\0";
	expect_binary(c, "SELECT 'a:1,3B b:2 c'::tsvector", 3614, v, sizeof(v) - 1);
	static const char q[] =
		"\0\0\0\x08\2\3\2\4\0\2\1\0\0d\0\1\0\0c\0\2\2\2\1\1\x08\1b\0\1\0\0a\0";
	expect_binary(c, "SELECT 'a & !b:*A | c <2> d'::tsquery", 3615, q, sizeof(q) - 1);
	/* parameters in binary: 'y':*A & 'x' and 'a' 'b':2C */
	static const char tsq[] = {0, 0, 0, 3, 2, 2, 1, 0, 0, 'x', 0, 1, 8, 1, 'y', 0};
	static const char tsv[] = {0, 0, 0, 2, 'b', 0, 0, 1, 0x40, 2, 'a', 0, 0, 0};
	const char *vals[] = {tsq, tsv};
	PGresult *r = PQexecParams(c, "SELECT $1::tsquery, $2::tsvector", 2,
				   (const Oid[]){3615, 3614}, vals,
				   (const int[]){sizeof(tsq), sizeof(tsv)}, (const int[]){1, 1}, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "'y':*A & 'x'");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "'a' 'b':2C");
	PQclear(r);
	static const char bad[] = {0, 0, 0, 2, 'a', 0, 0, 0};
	const char *badv[] = {bad};
	r = PQexecParams(c, "SELECT $1::tsvector", 1, (const Oid[]){3614}, badv,
			 (const int[]){sizeof(bad)}, (const int[]){1}, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22P03");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(search_with_parameters)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE docs (id int PRIMARY KEY, body text, tsv tsvector "
				   "GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)"));
	PQclear(harness_exec_ok(c,
				"INSERT INTO docs (id, body) VALUES (1, 'The cat sat on the mat'), "
				"(2, 'Dogs chase cats and rats'), (3, 'Birds fly')"));
	const char *v[] = {"cat or bird -dog"};
	PGresult *r = PQexecParams(
		c,
		"SELECT id, ts_rank(tsv, websearch_to_tsquery('english', $1)) "
		"FROM docs WHERE tsv @@ websearch_to_tsquery('english', $1) ORDER BY id",
		1, NULL, v, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 3); /* 'cat' | 'bird' & !'dog': the dogs' row has cats */
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	ck_assert_str_eq(PQgetvalue(r, 2, 0), "3");
	ck_assert_int_eq(PQftype(r, 1), 700);
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "0.020264236");
	PQclear(r);
	/* the default configuration is the session's */
	harness_expect_value(c, "SELECT to_tsvector('The Cats')::text", "'cat':2");
	harness_exec(c, "SET default_text_search_config = simple");
	harness_expect_value(c, "SELECT to_tsvector('The Cats')::text", "'cats':2 'the':1");
	harness_expect_value(c, "SELECT get_current_ts_config()::text", "simple");
	PGconn *other = harness_connect(&H, "dbname=acme");
	harness_expect_value(other, "SHOW default_text_search_config", "pg_catalog.english");
	PQfinish(other);
	harness_expect_error(c, "SELECT to_tsvector('german', 'x')", "0A000", NULL);
	harness_expect_error(c, "SELECT to_tsvector('nope', 'x')", "42704", NULL);
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tsearch");
	TCase *tc = tcase_create("tsearch");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, parameter_types);
	tcase_add_test(tc, binary_format);
	tcase_add_test(tc, search_with_parameters);
	suite_add_tcase(s, tc);
	return check_run(s);
}
