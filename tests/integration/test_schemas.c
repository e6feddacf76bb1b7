/* SPDX-License-Identifier: Apache-2.0 */
/* test_schemas.c: schema prefixes name tenants, through the real binary with libpq — reading,
 * writing and joining another tenant's tables, one transaction over two files, the users
 * file's tenant lists (42501 without opening the file), unknown schemas (42P01 in a query, 3F000 in DDL), search_path,
 * prepared statements across transactions, lock waits on an attached file, and the limit on
 * tenants per transaction. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

/* ann may reach home, acme and the t* tenants; ned only home. Trust: the lists still apply. */
static void setup(void)
{
	static const char users[] = "ann md5" "00000000000000000000000000000000 home,acme,t*\n"
				    "ned md5" "00000000000000000000000000000000 home\n";
	const char *args[] = {"auth.unix=trust", NULL};
	harness_start_with_users(&H, users, args);
}

static void teardown(void) { harness_stop(&H); }

/* Waits for the one result of a sent query and checks its SQLSTATE ("" = success). */
static void expect_result(PGconn *c, const char *sqlstate)
{
	PGresult *r = PQgetResult(c);
	ck_assert_ptr_nonnull(r);
	const char *got = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (!sqlstate[0])
		ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "expected success: %s",
			      PQerrorMessage(c));
	else
		ck_assert_msg(got && strcmp(got, sqlstate) == 0, "expected %s, got %s", sqlstate,
			      got ? got : "success");
	PQclear(r);
	while ((r = PQgetResult(c)))
		PQclear(r);
}

/* Tenant acme with t(id, v) = (1, 'a'), (2, 'b'); tenant home with l(id, w) = (1, 'x'). */
static void make_tenants(void)
{
	PGconn *c = harness_connect(&H, "user=ann dbname=acme");
	PQclear(harness_exec_ok(c, "CREATE TABLE t (id int PRIMARY KEY, v text)"));
	PQclear(harness_exec_ok(c, "INSERT INTO t VALUES (1, 'a'), (2, 'b')"));
	PQfinish(c);
	c = harness_connect(&H, "user=ann dbname=home");
	PQclear(harness_exec_ok(c, "CREATE TABLE l (id int PRIMARY KEY, w text)"));
	PQclear(harness_exec_ok(c, "INSERT INTO l VALUES (1, 'x')"));
	PQfinish(c);
}

START_TEST(read_write_and_join_another_tenant)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=home");
	harness_expect_value(c, "SELECT string_agg(v, ',') FROM (SELECT v FROM acme.t ORDER BY id) AS s",
		     "a,b");
	harness_expect_value(c, "SELECT l.w || t.v FROM l JOIN acme.t AS t ON t.id = l.id", "xa");
	PQclear(harness_exec_ok(c, "INSERT INTO acme.t VALUES (3, 'c')"));
	PQclear(harness_exec_ok(c, "UPDATE acme.t SET v = upper(v) WHERE id = 3"));
	PQclear(harness_exec_ok(c, "DELETE FROM acme.t WHERE id = 2"));
	harness_expect_value(c, "SELECT string_agg(v, ',') FROM (SELECT v FROM \"ACME\".t ORDER BY id) AS s",
		     "a,C");
	harness_expect_value(c, "SELECT count(*) FROM home.l", "1"); /* its own name: its own file */
	/* the writes are in acme's own file */
	PGconn *a = harness_connect(&H, "user=ann dbname=acme");
	harness_expect_value(a, "SELECT string_agg(v, ',') FROM (SELECT v FROM t ORDER BY id) AS s",
			     "a,C");
	PQfinish(a);
	PQfinish(c);
}
END_TEST

START_TEST(one_transaction_over_two_tenants)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=home");
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO l VALUES (2, 'y')"));
	PQclear(harness_exec_ok(c, "INSERT INTO acme.t VALUES (9, 'z')"));
	harness_expect_value(c, "SELECT (SELECT count(*) FROM l) + (SELECT count(*) FROM acme.t)",
			     "5");
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	harness_expect_value(c, "SELECT (SELECT count(*) FROM l) + (SELECT count(*) FROM acme.t)",
			     "3");
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO l VALUES (2, 'y')"));
	PQclear(harness_exec_ok(c, "INSERT INTO acme.t VALUES (9, 'z')"));
	PQclear(harness_exec_ok(c, "COMMIT"));
	harness_expect_value(c, "SELECT (SELECT count(*) FROM l) + (SELECT count(*) FROM acme.t)",
			     "5");
	/* an error inside the block fails it as usual; ROLLBACK undoes both files */
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "DELETE FROM l"));
	PQclear(harness_exec_ok(c, "DELETE FROM acme.t"));
	harness_expect_error(c, "INSERT INTO acme.t VALUES (1, NULL), (1, NULL)", "23505", NULL);
	harness_expect_error(c, "SELECT 1", "25P02", NULL);
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	harness_expect_value(c, "SELECT (SELECT count(*) FROM l) + (SELECT count(*) FROM acme.t)",
			     "5");
	PQfinish(c);
}
END_TEST

START_TEST(tenant_lists_and_unknown_schemas)
{
	make_tenants();
	PGconn *ned = harness_connect(&H, "user=ned dbname=home");
	harness_expect_error(ned, "SELECT * FROM acme.t", "42501",
			     "permission denied for schema acme");
	harness_expect_error(ned, "INSERT INTO acme.t VALUES (5, 'n')", "42501", NULL);
	/* refused before anything looks for the file: a tenant that does not exist stays so */
	harness_expect_error(ned, "SELECT * FROM other.t", "42501",
			     "permission denied for schema other");
	ck_assert(!harness_tenant_exists(&H, "other"));
	/* search_path skips it, as PostgreSQL skips a schema the user may not use */
	PQclear(harness_exec_ok(ned, "SET search_path TO acme, public"));
	harness_expect_error(ned, "SELECT * FROM t", "42P01", NULL);
	harness_expect_value(ned, "SELECT count(*) FROM l", "1");
	PQfinish(ned);

	PGconn *ann = harness_connect(&H, "user=ann dbname=home");
	/* a query names a relation that does not exist, DDL a schema (as PostgreSQL says) */
	harness_expect_error(ann, "SELECT * FROM tnew.t", "42P01",
			     "relation \"tnew.t\" does not exist");
	harness_expect_error(ann, "CREATE TABLE tnew.t (a int)", "3F000", NULL);
	ck_assert(!harness_tenant_exists(&H, "tnew")); /* never created through a prefix */
	harness_expect_error(ann, "SELECT * FROM \"no such\".t", "42P01", NULL);
	harness_expect_error(ann, "SELECT * FROM acme.nope", "42P01", NULL);
	PQfinish(ann);
}
END_TEST

START_TEST(search_path_routes_unqualified_names)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=home");
	PQclear(harness_exec_ok(c, "SET search_path TO acme, public"));
	harness_expect_value(c, "SHOW search_path", "acme, public");
	harness_expect_value(c, "SELECT string_agg(v, ',') FROM (SELECT v FROM t ORDER BY id) AS s",
			     "a,b");
	PQclear(harness_exec_ok(c, "INSERT INTO t VALUES (4, 'd')"));
	harness_expect_value(c, "SELECT count(*) FROM public.l", "1");
	harness_expect_value(c, "SELECT count(*) FROM pg_class WHERE relname = 'l'", "1"); /* own catalog */
	PQclear(harness_exec_ok(c, "RESET search_path"));
	harness_expect_value(c, "SHOW search_path", "\"$user\", public");
	harness_expect_error(c, "SELECT * FROM t", "42P01", NULL);
	harness_expect_value(c, "SELECT count(*) FROM acme.t", "3");
	/* the session's own tenant and public are the same place */
	PQclear(harness_exec_ok(c, "SET search_path = home"));
	harness_expect_value(c, "SELECT count(*) FROM l", "1");
	/* a schema that does not exist is skipped, and nothing is created for it */
	PQclear(harness_exec_ok(c, "SET search_path = \"$user\", tnew, acme"));
	harness_expect_value(c, "SELECT count(*) FROM t", "3");
	ck_assert(!harness_tenant_exists(&H, "tnew"));
	PQfinish(c);
}
END_TEST

/* A prepared statement outlives the transaction its file was attached for. */
START_TEST(prepared_statement_across_transactions)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=home");
	PGresult *r = PQprepare(c, "get", "SELECT v FROM acme.t WHERE id = $1", 1, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	for (int i = 1; i <= 2; i++) {
		char id[4];
		snprintf(id, sizeof(id), "%d", i);
		const char *params[] = {id};
		r = PQexecPrepared(c, "get", 1, params, NULL, NULL, 0);
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		ck_assert_str_eq(PQgetvalue(r, 0, 0), i == 1 ? "a" : "b");
		PQclear(r);
		PQclear(harness_exec_ok(c, "SELECT count(*) FROM l")); /* a statement without it */
	}
	PQfinish(c);
}
END_TEST

START_TEST(lock_waits_on_an_attached_file)
{
	make_tenants();
	PGconn *holder = harness_connect(&H, "user=ann dbname=acme");
	PGconn *c = harness_connect(&H, "user=ann dbname=home");
	PQclear(harness_exec_ok(holder, "BEGIN"));
	PQclear(harness_exec_ok(holder, "INSERT INTO t VALUES (10, 'held')"));
	/* waits (parked, not failed) until the holder commits */
	ck_assert(PQsendQuery(c, "INSERT INTO acme.t VALUES (11, 'waited')"));
	usleep(150000);
	PQclear(harness_exec_ok(holder, "COMMIT"));
	expect_result(c, "");
	harness_expect_value(c, "SELECT count(*) FROM acme.t WHERE id >= 10", "2");
	/* lock_timeout bounds the wait as for the session's own file */
	PQclear(harness_exec_ok(holder, "BEGIN"));
	PQclear(harness_exec_ok(holder, "INSERT INTO t VALUES (12, 'held')"));
	PQclear(harness_exec_ok(c, "SET lock_timeout = '150ms'"));
	harness_expect_error(c, "INSERT INTO acme.t VALUES (13, 'x')", "55P03",
		     "canceling statement due to lock timeout");
	/* holding its own file's lock, a transaction does not wait for another's: two such
	 * transactions could wait for each other forever */
	PQclear(harness_exec_ok(c, "RESET lock_timeout"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO l VALUES (5, 'mine')"));
	harness_expect_error(c, "INSERT INTO acme.t VALUES (14, 'x')", "55P03", NULL);
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQclear(harness_exec_ok(holder, "COMMIT"));
	harness_expect_value(c, "SELECT count(*) FROM acme.t WHERE id >= 10", "3");
	PQfinish(holder);
	PQfinish(c);
}
END_TEST

/* SQLite attaches at most 10 files to a connection: an 11th tenant in one transaction is
 * refused; between transactions the earlier ones are let go. */
START_TEST(tenants_per_transaction_are_bounded)
{
	char sql[128];
	for (int i = 0; i <= 10; i++) {
		snprintf(sql, sizeof(sql), "user=ann dbname=t%d", i);
		PGconn *t = harness_connect(&H, sql);
		PQclear(harness_exec_ok(t, "CREATE TABLE n (i int)"));
		PQfinish(t);
	}
	PGconn *c = harness_connect(&H, "user=ann dbname=home");
	PQclear(harness_exec_ok(c, "BEGIN"));
	for (int i = 0; i < 10; i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO t%d.n VALUES (%d)", i, i);
		PQclear(harness_exec_ok(c, sql));
	}
	harness_expect_error(c, "SELECT * FROM t10.n", "54000", NULL);
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	for (int i = 0; i <= 10; i++) { /* autocommit: one at a time, no limit */
		snprintf(sql, sizeof(sql), "INSERT INTO t%d.n VALUES (%d)", i, i);
		PQclear(harness_exec_ok(c, sql));
	}
	harness_expect_value(c, "SELECT (SELECT count(*) FROM t0.n) + (SELECT count(*) FROM t10.n)",
			     "2");
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("schemas");
	TCase *tc = tcase_create("schemas");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, read_write_and_join_another_tenant);
	tcase_add_test(tc, one_transaction_over_two_tenants);
	tcase_add_test(tc, tenant_lists_and_unknown_schemas);
	tcase_add_test(tc, search_path_routes_unqualified_names);
	tcase_add_test(tc, prepared_statement_across_transactions);
	tcase_add_test(tc, lock_waits_on_an_attached_file);
	tcase_add_test(tc, tenants_per_transaction_are_bounded);
	suite_add_tcase(s, tc);
	return check_run(s);
}
