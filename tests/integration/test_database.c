/* SPDX-License-Identifier: Apache-2.0 */
/* test_database.c: tenants created, dropped and renamed with PostgreSQL's database commands
 * through the real binary with libpq — CREATE DATABASE under auto_create = off, the errors
 * PostgreSQL gives (42P04, 3D000, 25001, 55006 with its DETAIL, 22023, 42704), the users
 * file's patterns (42501), DROP ... WITH (FORCE) ending the tenant's sessions with 57P01, and
 * clients connecting while the tenant is dropped and created again. */
#include <check.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void)
{
	const char *args[] = {"auto_create=off", NULL};
	harness_start(&H, args);
}

static void teardown(void) { harness_stop(&H); }

/* The error's DETAIL of sql run on c (caller frees). */
static char *error_detail(PGconn *c, const char *sql, const char *sqlstate)
{
	PGresult *r = PQexec(c, sql);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), sqlstate);
	const char *d = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
	char *out = strdup(d ? d : "");
	PQclear(r);
	return out;
}

START_TEST(create_and_drop_with_auto_create_off)
{
	PGconn *c = harness_connect(&H, "dbname=postgres");
	PGconn *x = harness_try_connect(&H, "dbname=acme");
	ck_assert_int_eq(PQstatus(x), CONNECTION_BAD); /* 3D000: auto_create is off */
	PQfinish(x);
	PQclear(harness_exec_ok(c, "CREATE DATABASE acme"));
	ck_assert(harness_tenant_exists(&H, "acme"));
	PGconn *a = harness_connect(&H, "dbname=acme");
	PQclear(harness_exec_ok(a, "CREATE TABLE t (id int PRIMARY KEY)"));
	harness_expect_value(a, "SELECT current_database()", "acme");
	PQfinish(a);
	harness_expect_value(c, "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database",
			     "acme,postgres");
	harness_expect_value(c, "SELECT pg_database_size('acme') > 0 AND "
				"has_database_privilege('acme', 'CONNECT')", "t");
	harness_expect_error(c, "SELECT pg_database_size('nosuch')", "3D000",
			     "database \"nosuch\" does not exist");
	harness_expect_error(c, "CREATE DATABASE acme", "42P04",
			     "database \"acme\" already exists");
	harness_expect_error(c, "CREATE DATABASE postgres", "42P04", NULL);
	PQclear(harness_exec_ok(c, "DROP DATABASE acme"));
	ck_assert(!harness_tenant_exists(&H, "acme"));
	harness_expect_error(c, "DROP DATABASE acme", "3D000", "database \"acme\" does not exist");
	PQclear(harness_exec_ok(c, "DROP DATABASE IF EXISTS acme"));
	PQfinish(c);
}
END_TEST

START_TEST(errors_as_postgresql)
{
	PGconn *c = harness_connect(&H, "dbname=postgres");
	PQclear(harness_exec_ok(c, "CREATE DATABASE beta WITH TEMPLATE = template0 ENCODING = "
				   "'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C'"));
	harness_expect_error(c, "CREATE DATABASE \"Beta\"", "42602", NULL);
	harness_expect_error(c, "CREATE DATABASE x ENCODING 'LATIN1'", "22023", NULL);
	harness_expect_error(c, "CREATE DATABASE x ENCODING 'nosuch'", "42704",
			     "nosuch is not a valid encoding name");
	harness_expect_error(c, "CREATE DATABASE x LOCALE 'en_US.UTF-8'", "0A000", NULL);
	harness_expect_error(c, "CREATE DATABASE x TEMPLATE nosuch", "3D000",
			     "template database \"nosuch\" does not exist");
	harness_expect_error(c, "CREATE DATABASE x TEMPLATE beta", "0A000", NULL);
	harness_expect_error(c, "CREATE DATABASE x nosuch 1", "42601",
			     "option \"nosuch\" not recognized");
	harness_expect_error(c, "CREATE DATABASE x OWNER nosuch", "42704",
			     "role \"nosuch\" does not exist");
	harness_expect_error(c, "DROP DATABASE postgres", "55006",
			     "cannot drop the currently open database");
	ck_assert(!harness_tenant_exists(&H, "x"));
	PQclear(harness_exec_ok(c, "BEGIN"));
	harness_expect_error(c, "CREATE DATABASE y", "25001",
			     "CREATE DATABASE cannot run inside a transaction block");
	PQclear(harness_exec_ok(c, "ROLLBACK"));
	PQclear(harness_exec_ok(c, "ALTER DATABASE beta RENAME TO gamma"));
	ck_assert(!harness_tenant_exists(&H, "beta") && harness_tenant_exists(&H, "gamma"));
	PGconn *g = harness_connect(&H, "dbname=gamma");
	harness_expect_error(g, "DROP DATABASE gamma", "55006", NULL);
	harness_expect_error(g, "ALTER DATABASE gamma RENAME TO delta", "0A000",
			     "current database cannot be renamed");
	harness_expect_error(c, "ALTER DATABASE gamma RENAME TO delta", "55006",
			     "database \"gamma\" is being accessed by other users");
	PQfinish(g);
	PQfinish(c);
}
END_TEST

/* A session of the tenant keeps it: 55006 and PostgreSQL's DETAIL; FORCE ends the session
 * (57P01 at its next statement) and drops. */
START_TEST(drop_in_use_and_force)
{
	PGconn *c = harness_connect(&H, "dbname=postgres");
	PQclear(harness_exec_ok(c, "CREATE DATABASE busy"));
	PGconn *u = harness_connect(&H, "dbname=busy");
	PQclear(harness_exec_ok(u, "CREATE TABLE t (a int)"));
	char *detail = error_detail(c, "DROP DATABASE busy", "55006");
	ck_assert_str_eq(detail, "There is 1 other session using the database.");
	free(detail);
	ck_assert(harness_tenant_exists(&H, "busy"));
	harness_expect_value(u, "SELECT count(*) FROM t", "0"); /* untouched */
	PQclear(harness_exec_ok(c, "DROP DATABASE busy WITH (FORCE)"));
	ck_assert(!harness_tenant_exists(&H, "busy"));
	PGresult *r = PQexec(u, "SELECT 1");
	const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	ck_assert(PQstatus(u) == CONNECTION_BAD || (st && strcmp(st, "57P01") == 0));
	PQclear(r);
	PQfinish(u);
	PQfinish(c);
}
END_TEST

/* ann may reach team-* only, root every tenant. */
START_TEST(users_file_patterns)
{
	harness_stop(&H);
	static const char users[] = "ann md5" "00000000000000000000000000000000 team-*\n"
				    "root md5" "00000000000000000000000000000000 *\n";
	const char *args[] = {"auth.unix=trust", "auto_create=off", NULL};
	harness_start_with_users(&H, users, args);
	PGconn *c = harness_connect(&H, "user=ann dbname=postgres");
	harness_expect_error(c, "CREATE DATABASE other", "42501",
			     "permission denied to create database");
	ck_assert(!harness_tenant_exists(&H, "other"));
	PQclear(harness_exec_ok(c, "CREATE DATABASE \"team-a\""));
	PGconn *r = harness_connect(&H, "user=root dbname=postgres");
	PQclear(harness_exec_ok(r, "CREATE DATABASE other"));
	PQfinish(r);
	harness_expect_error(c, "DROP DATABASE other", "42501", "must be owner of database other");
	harness_expect_value(c, "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database",
			     "postgres,team-a");
	harness_expect_value(c, "SELECT count(*) FROM pg_authid WHERE rolname = 'ann' AND "
				"rolpassword IS NULL", "1");
	PQclear(harness_exec_ok(c, "DROP DATABASE \"team-a\""));
	PQfinish(c);
}
END_TEST

/* Clients connect to tenant race and write while another drops it (FORCE) and creates it
 * again: each client gets the old tenant or a fresh one, or 3D000 between the two, or 57P01
 * when FORCE ends it (or 40001: two clients creating the table at once); never another error
 * (a half-removed file would show as XX001/58030). */
static atomic_bool stop_clients;
static atomic_int bad_errors, good_runs;

static void *client_loop(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop_clients)) {
		PGconn *c = harness_try_connect(&H, "dbname=race");
		if (PQstatus(c) != CONNECTION_OK) {
			/* 3D000 between drop and create; FORCE may end a session still starting */
			if (!strstr(PQerrorMessage(c), "does not exist") &&
			    !strstr(PQerrorMessage(c), "administrator command")) {
				fprintf(stderr, "connect: %s", PQerrorMessage(c));
				atomic_fetch_add(&bad_errors, 1);
			}
			PQfinish(c);
			continue;
		}
		PGresult *r = PQexec(c, "CREATE TABLE IF NOT EXISTS t (a int); INSERT INTO t "
					"VALUES (1); SELECT count(*) FROM t");
		const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		if (PQresultStatus(r) == PGRES_TUPLES_OK)
			atomic_fetch_add(&good_runs, 1);
		else if (PQstatus(c) == CONNECTION_OK && (!st || (strcmp(st, "57P01") != 0 &&
								 strcmp(st, "40001") != 0))) {
			fprintf(stderr, "client: %s", PQerrorMessage(c));
			atomic_fetch_add(&bad_errors, 1);
		}
		PQclear(r);
		PQfinish(c);
	}
	return NULL;
}

START_TEST(drop_while_connecting)
{
	PGconn *c = harness_connect(&H, "dbname=postgres");
	PQclear(harness_exec_ok(c, "CREATE DATABASE race"));
	pthread_t th[3];
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, client_loop, NULL), 0);
	for (int round = 0; round < 15; round++) {
		usleep(20000);
		/* sessions that registered just before the drop and borrow after it started wait
		 * for it, told to end: the drop does not wait for them */
		PQclear(harness_exec_ok(c, "DROP DATABASE race WITH (FORCE)"));
		PQclear(harness_exec_ok(c, "CREATE DATABASE race"));
	}
	atomic_store(&stop_clients, true);
	for (int i = 0; i < 3; i++)
		pthread_join(th[i], NULL);
	ck_assert_int_eq(atomic_load(&bad_errors), 0);
	ck_assert_int_gt(atomic_load(&good_runs), 0);
	/* the tenant left after the races serves (a client may or may not have made t in it
	 * before they stopped) */
	PGconn *r = harness_connect(&H, "dbname=race");
	harness_exec(r, "CREATE TABLE IF NOT EXISTS t (a int)");
	harness_expect_value(r, "SELECT count(*) >= 0 FROM t", "t");
	PQfinish(r);
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("database");
	TCase *tc = tcase_create("database");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, create_and_drop_with_auto_create_off);
	tcase_add_test(tc, errors_as_postgresql);
	tcase_add_test(tc, drop_in_use_and_force);
	tcase_add_test(tc, users_file_patterns);
	tcase_add_test(tc, drop_while_connecting);
	suite_add_tcase(s, tc);
	return check_run(s);
}
