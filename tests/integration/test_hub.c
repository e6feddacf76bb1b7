/* SPDX-License-Identifier: Apache-2.0 */
/* test_hub.c: sessions without a default tenant (database `postgres`, no_tenant_databases),
 * through the real binary with libpq — routing by schema prefix, search_path choosing the
 * tenant of unqualified names and of the catalog, the users file's tenant lists, tenants
 * listed as schemas, one transaction over two tenants, and a tenant named postgres. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

/* ann may reach home, acme and the t* tenants; ned only home. */
static void setup(void)
{
	static const char users[] = "ann md5" "00000000000000000000000000000000 home,acme,t*\n"
				    "ned md5" "00000000000000000000000000000000 home\n";
	const char *args[] = {"auth.unix=trust", NULL};
	harness_start_with_users(&H, users, args);
}

static void teardown(void) { harness_stop(&H); }

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

START_TEST(prefixes_route_each_statement)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=postgres");
	harness_expect_value(c, "SELECT current_database()", "postgres");
	harness_expect_value(c, "SELECT string_agg(v, ',') FROM (SELECT v FROM acme.t ORDER BY id) AS s",
		     "a,b");
	harness_expect_value(c, "SELECT l.w || t.v FROM home.l JOIN acme.t AS t ON t.id = l.id",
			     "xa");
	PQclear(harness_exec_ok(c, "INSERT INTO acme.t VALUES (3, 'c')"));
	PQclear(harness_exec_ok(c, "UPDATE home.l SET w = 'y'"));
	harness_expect_value(c, "SELECT count(*) FROM acme.t", "3");
	/* no default tenant: an unqualified name names nothing, and nothing is created */
	harness_expect_error(c, "SELECT * FROM t", "42P01", "relation \"t\" does not exist");
	harness_expect_error(c, "CREATE TABLE x (a int)", "3F000",
		     "no schema has been selected to create in");
	harness_expect_error(c, "CREATE SEQUENCE s", "3F000", NULL);
	harness_expect_value(c, "SELECT 1 + 1", "2"); /* what names no table still runs */
	ck_assert(!harness_tenant_exists(&H, "postgres"));
	/* the writes are in the tenants' own files */
	PGconn *a = harness_connect(&H, "user=ann dbname=acme");
	harness_expect_value(a, "SELECT count(*) FROM t", "3");
	PQfinish(a);
	PQfinish(c);
}
END_TEST

/* One parameter's value through the extended protocol; the first row's first value, or the
 * SQLSTATE of the error, in out. */
static void bound(PGconn *c, const char *sql, const char *param, char *out, size_t outlen)
{
	PGresult *r = PQexecParams(c, sql, 1, NULL, &param, NULL, NULL, 0);
	if (PQresultStatus(r) == PGRES_TUPLES_OK)
		snprintf(out, outlen, "%s", PQntuples(r) ? PQgetvalue(r, 0, 0) : "(none)");
	else
		snprintf(out, outlen, "%s", PQresultErrorField(r, PG_DIAG_SQLSTATE));
	PQclear(r);
}

/* A GUI connected to database postgres browses a tenant's schema with its name or OID as a
 * parameter (DBeaver: relnamespace = $1): the catalog query runs on that tenant's file, and a
 * schema has one OID whichever connection lists it. */
START_TEST(catalog_queries_bound_to_a_schema)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=postgres");
	char oid[32], got[256];
	PGresult *r = harness_exec_ok(c, "SELECT oid FROM pg_namespace WHERE nspname = 'acme'");
	snprintf(oid, sizeof(oid), "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	bound(c, "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class "
		 "WHERE relnamespace = $1 AND relkind = 'r'", oid, got, sizeof(got));
	ck_assert_str_eq(got, "t");
	bound(c, "SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_class c JOIN "
		 "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'",
	      "home", got, sizeof(got));
	ck_assert_str_eq(got, "l");
	bound(c, "SELECT n.oid::text FROM pg_namespace n WHERE n.nspname = $1", "acme", got,
	      sizeof(got));
	ck_assert_str_eq(got, oid);
	bound(c, "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
		 "information_schema.columns WHERE table_schema = $1", "acme", got, sizeof(got));
	ck_assert_str_eq(got, "id,v");
	/* pgAdmin writes the OID into the statement */
	char sql[256];
	snprintf(sql, sizeof(sql), "SELECT string_agg(relname, ',') FROM pg_class "
		 "WHERE relnamespace = %s::oid AND relkind = 'r'", oid);
	harness_expect_value(c, sql, "t");
	/* a tenant the user may not reach, or none, is not switched to */
	bound(c, "SELECT count(*) FROM pg_class WHERE relnamespace = $1", "12345", got,
	      sizeof(got));
	ck_assert_str_eq(got, "0");
	PQfinish(c);
}
END_TEST

START_TEST(search_path_chooses_the_tenant)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=postgres");
	harness_expect_value(c, "SELECT coalesce(current_schema(), 'none')", "none");
	harness_expect_value(c, "SELECT current_schemas(true)", "{pg_catalog}");
	PQclear(harness_exec_ok(c, "SET search_path TO acme"));
	harness_expect_value(c, "SELECT count(*) FROM t", "2");
	harness_expect_value(c, "SELECT current_schema()", "acme");
	harness_expect_value(c, "SELECT current_schemas(true)", "{pg_catalog,acme}");
	/* GUIs' regnamespace and privilege checks know the tenants as schemas */
	harness_expect_value(c, "SELECT 'acme'::regnamespace::oid >= 16384", "t");
	harness_expect_value(c, "SELECT 'home'::regnamespace", "home");
	harness_expect_value(c, "SELECT has_schema_privilege('home', 'USAGE')", "t");
	harness_expect_value(c, "SELECT 'acme.t'::regclass", "t");
	harness_expect_error(c, "SELECT 'public'::regnamespace", "3F000", NULL);
	PQclear(harness_exec_ok(c, "CREATE TABLE t2 (a int)"));
	PQclear(harness_exec_ok(c, "INSERT INTO t2 VALUES (7)"));
	harness_expect_value(c, "SELECT l.w FROM home.l JOIN t ON t.id = l.id", "x");
	/* the catalog describes the tenant search_path names, under its name */
	harness_expect_value(c, "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c "
			"JOIN pg_namespace n ON n.oid = c.relnamespace "
			"WHERE n.nspname = 'acme' AND c.relkind = 'r'",
		     "t,t2");
	harness_expect_value(c, "SELECT string_agg(table_schema || '.' || table_name, ',' "
			"ORDER BY table_name) FROM information_schema.tables",
		     "acme.t,acme.t2");
	/* a query naming another tenant's schema runs on that tenant's file between
	 * transactions; inside a block (its connection stays) it is refused, not answered with
	 * no tables */
	harness_expect_value(c, "SELECT string_agg(relname, ',') FROM pg_class WHERE relnamespace "
			"= (SELECT oid FROM pg_namespace WHERE nspname = 'home') AND relkind = 'r'",
		     "l");
	harness_expect_value(c, "SELECT string_agg(table_name, ',') FROM information_schema.tables "
			"WHERE table_schema = 'home'",
		     "l");
	PQclear(harness_exec_ok(c, "BEGIN"));
	harness_expect_error(c, "SELECT relname FROM pg_class WHERE relnamespace = "
			"(SELECT oid FROM pg_namespace WHERE nspname = 'home')",
		     "0A000", NULL);
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	harness_expect_value(c, "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class "
			"WHERE relname IN ('l', 't', 't2')",
		     "t,t2");
	harness_expect_value(c, "SELECT count(*) FROM information_schema.tables "
			"WHERE table_schema = 'nosuch'",
		     "0");
	/* inside a transaction block the connection stays; the new tenant is attached */
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "SET search_path TO home"));
	harness_expect_value(c, "SELECT w FROM l", "x");
	PQclear(harness_exec_ok(c, "COMMIT"));
	harness_expect_value(c, "SELECT count(*) FROM pg_class WHERE relname = 'l'", "1");
	/* RESET inside the block leaves no schema at once, as in PostgreSQL */
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "RESET search_path"));
	harness_expect_error(c, "SELECT * FROM l", "42P01", NULL);
	/* the block has failed: 25P02 before the statement is looked at, as in PostgreSQL */
	harness_expect_error(c, "CREATE TABLE l2 (i int)", "25P02", NULL);
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "RESET search_path"));
	harness_expect_error(c, "CREATE TABLE l2 (i int)", "3F000", NULL);
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	harness_expect_value(c, "SELECT current_schema()", "home");
	PQclear(harness_exec_ok(c, "RESET search_path"));
	harness_expect_error(c, "SELECT * FROM l", "42P01", NULL);
	harness_expect_value(c, "SELECT count(*) FROM pg_class WHERE relname = 'l'", "0");
	/* SET LOCAL: until the block ends; current_schema() follows it */
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "SET LOCAL search_path TO home"));
	harness_expect_value(c, "SELECT w || current_schema() FROM l", "xhome");
	PQclear(harness_exec_ok(c, "COMMIT"));
	harness_expect_value(c, "SELECT current_schema() IS NULL", "t");
	harness_expect_error(c, "SELECT * FROM l", "42P01", NULL);
	PGconn *a = harness_connect(&H, "user=ann dbname=acme");
	harness_expect_value(a, "SELECT a FROM t2", "7");
	PQfinish(a);
	PQfinish(c);
}
END_TEST

START_TEST(tenant_lists_apply)
{
	make_tenants();
	PGconn *ned = harness_connect(&H, "user=ned dbname=postgres");
	harness_expect_error(ned, "SELECT * FROM acme.t", "42501",
			     "permission denied for schema acme");
	harness_expect_error(ned, "SELECT * FROM other.t", "42501", NULL);
	ck_assert(!harness_tenant_exists(&H, "other"));
	PQclear(harness_exec_ok(ned, "SET search_path TO acme")); /* skipped, as PostgreSQL */
	harness_expect_error(ned, "SELECT * FROM t", "42P01", NULL);
	harness_expect_value(ned, "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace "
			  "WHERE nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema'",
		     "home");
	PQfinish(ned);
	PGconn *ann = harness_connect(&H, "user=ann dbname=postgres");
	/* tenants that exist and that the user may reach, no public: GUIs show them as schemas */
	harness_expect_value(ann, "SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace "
			  "WHERE nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema'",
		     "acme,home");
	/* inside a transaction the loop's fast path may run the query: the listing moves to a
	 * worker (it reads directories) and the answer is the same */
	PQclear(harness_exec_ok(ann, "BEGIN"));
	for (int i = 0; i < 3; i++)
		harness_expect_value(ann, "SELECT count(*) FROM pg_namespace WHERE nspname IN "
				  "('acme', 'home')",
			     "2");
	PQclear(harness_exec_ok(ann, "COMMIT"));
	harness_expect_value(ann, "SELECT string_agg(schema_name, ',' ORDER BY schema_name) "
			  "FROM information_schema.schemata WHERE schema_name IN "
			  "('acme', 'home', 'public')",
		     "acme,home");
	/* no search_path tenant: the catalog describes none, unless asked for one by name
	 * (then that tenant's), and says so when asked inside a transaction block */
	harness_expect_value(ann, "SELECT count(*) FROM pg_class WHERE relname IN ('t', 't2')", "0");
	harness_expect_value(ann, "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c "
			  "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relnamespace = "
			  "(SELECT oid FROM pg_namespace WHERE nspname = 'acme') AND relkind = 'r'",
		     "t");
	PQclear(harness_exec_ok(ann, "BEGIN"));
	harness_expect_error(ann, "SELECT relname FROM pg_class c JOIN pg_namespace n "
			  "ON n.oid = c.relnamespace WHERE c.relnamespace = "
			  "(SELECT oid FROM pg_namespace WHERE nspname = 'acme')",
		     "0A000",
		     "cannot describe schema \"acme\" here: the catalog describes only the "
		     "tenant search_path names (SET search_path TO acme)");
	PQclear(harness_exec_ok(ann, "ROLLBACK"));
	harness_expect_error(ann, "SELECT * FROM tnew.t", "42P01",
			     "relation \"tnew.t\" does not exist");
	harness_expect_error(ann, "CREATE TABLE tnew.t (a int)", "3F000", NULL);
	ck_assert(!harness_tenant_exists(&H, "tnew"));
	PQfinish(ann);
}
END_TEST

START_TEST(one_transaction_over_two_tenants)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=postgres");
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO home.l VALUES (2, 'y')"));
	PQclear(harness_exec_ok(c, "INSERT INTO acme.t VALUES (9, 'z')"));
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	harness_expect_value(c, "SELECT (SELECT count(*) FROM home.l) + (SELECT count(*) FROM acme.t)",
		     "3");
	PQclear(harness_exec_ok(c, "BEGIN"));
	PQclear(harness_exec_ok(c, "INSERT INTO home.l VALUES (2, 'y')"));
	PQclear(harness_exec_ok(c, "INSERT INTO acme.t VALUES (9, 'z')"));
	PQclear(harness_exec_ok(c, "COMMIT"));
	harness_expect_value(c, "SELECT (SELECT count(*) FROM home.l) + (SELECT count(*) FROM acme.t)",
		     "5");
	PQfinish(c);
}
END_TEST

static void expect_prepared(PGconn *c, const char *name, const char *sqlstate, const char *want)
{
	PGresult *r = PQexecPrepared(c, name, 0, NULL, NULL, NULL, 0);
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (sqlstate)
		ck_assert_msg(state && strcmp(state, sqlstate) == 0, "%s: want %s, got %s", name,
			      sqlstate, state ? state : "success");
	else
		ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK &&
				      strcmp(PQgetvalue(r, 0, 0), want) == 0,
			      "%s: want %s: %s", name, want, PQerrorMessage(c));
	PQclear(r);
}

/* Prepared statements keep their translation across the connection switches search_path
 * causes: unqualified names follow search_path; a prefix naming the new own tenant is 0A000. */
START_TEST(prepared_statements_and_search_path)
{
	make_tenants();
	PGconn *c = harness_connect(&H, "user=ann dbname=postgres");
	PQclear(PQprepare(c, "pre", "SELECT count(*) FROM acme.t", 0, NULL));
	expect_prepared(c, "pre", NULL, "2");
	PQclear(harness_exec_ok(c, "SET search_path TO acme"));
	PQclear(PQprepare(c, "unq", "SELECT count(*) FROM t", 0, NULL));
	expect_prepared(c, "unq", NULL, "2");
	expect_prepared(c, "pre", "0A000", NULL);
	PQclear(harness_exec_ok(c, "RESET search_path"));
	expect_prepared(c, "pre", NULL, "2");
	expect_prepared(c, "unq", "42P01", NULL);
	PQfinish(c);
}
END_TEST

/* The database name no longer names a tenant postgres; the tenant option still does. */
START_TEST(a_tenant_named_postgres)
{
	PGconn *c = harness_connect(&H, "user=ann dbname=postgres options='-c tenant=tpg'");
	PQclear(harness_exec_ok(c, "CREATE TABLE n (i int)"));
	harness_expect_value(c, "SELECT current_database()", "postgres");
	PQfinish(c);
	ck_assert(harness_tenant_exists(&H, "tpg"));
	ck_assert(!harness_tenant_exists(&H, "postgres"));
}
END_TEST

/* no_tenant_databases names the databases that choose no tenant; the others are tenants. */
START_TEST(the_list_of_databases_is_configured)
{
	struct harness h;
	const char *args[] = {"no_tenant_databases= gui , browse", NULL};
	harness_start(&h, args);
	PGconn *c = harness_connect(&h, "dbname=postgres");
	PQclear(harness_exec_ok(c, "CREATE TABLE n (i int)")); /* a tenant named postgres */
	PQfinish(c);
	c = harness_connect(&h, "dbname=browse");
	harness_expect_value(c, "SELECT count(*) FROM postgres.n", "0");
	harness_expect_error(c, "CREATE TABLE m (i int)", "3F000", NULL);
	PQfinish(c);
	c = harness_connect(&h, "dbname=gui");
	harness_expect_value(c, "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname "
			"NOT LIKE 'pg_%' AND nspname <> 'information_schema'",
		     "postgres");
	PQfinish(c);
	/* "$user", first in the default search_path, is the tenant named as the user */
	c = harness_connect(&h, "user=postgres dbname=gui");
	harness_expect_value(c, "SHOW search_path", "\"$user\", public");
	harness_expect_value(c, "SELECT count(*) FROM n", "0");
	harness_expect_value(c, "SELECT current_schema()", "postgres");
	PQfinish(c);
	c = harness_connect(&h, "user=nobody dbname=gui");
	harness_expect_error(c, "SELECT count(*) FROM n", "42P01", NULL);
	PQfinish(c);
	harness_stop(&h);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hub");
	TCase *tc = tcase_create("hub");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, prefixes_route_each_statement);
	tcase_add_test(tc, search_path_chooses_the_tenant);
	tcase_add_test(tc, catalog_queries_bound_to_a_schema);
	tcase_add_test(tc, tenant_lists_apply);
	tcase_add_test(tc, one_transaction_over_two_tenants);
	tcase_add_test(tc, a_tenant_named_postgres);
	tcase_add_test(tc, prepared_statements_and_search_path);
	suite_add_tcase(s, tc);
	TCase *cfg = tcase_create("config");
	tcase_set_timeout(cfg, 60);
	tcase_add_test(cfg, the_list_of_databases_is_configured);
	suite_add_tcase(s, cfg);
	return check_run(s);
}
