/* SPDX-License-Identifier: Apache-2.0 */
/* test_merge.c: MERGE against the real binary in the extended protocol, as jOOQ, Hibernate 6,
 * Spring Data and dbt send it — parameters described with the types of what they are compared
 * with or assigned to, the same prepared statement executed again with other values, the
 * command tag counting every action, 21000 failing the statement and undoing its earlier
 * actions, a MERGE in a transaction block that a later error rolls back, another tenant's
 * table as target or source, and a MERGE that waits for another session's write lock. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static PGconn *fill(void)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE acct (id integer PRIMARY KEY, owner text NOT NULL, "
			"balance bigint NOT NULL DEFAULT 0)");
	harness_exec(c, "INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 50)");
	return c;
}

/* "id:owner:balance;..." of every row */
static void rows(PGconn *c, char *buf, size_t n)
{
	PGresult *r = harness_exec_ok(c, "SELECT id, owner, balance FROM acct ORDER BY id");
	size_t at = 0;
	buf[0] = '\0';
	for (int i = 0; i < PQntuples(r) && at < n; i++)
		at += (size_t)snprintf(buf + at, n - at, "%s:%s:%s;", PQgetvalue(r, i, 0),
				       PQgetvalue(r, i, 1), PQgetvalue(r, i, 2));
	PQclear(r);
}

static const char *upsert = "MERGE INTO acct a USING (SELECT $1::integer AS id) s ON a.id = s.id "
			    "WHEN MATCHED AND $3 < 0 THEN DELETE "
			    "WHEN MATCHED THEN UPDATE SET balance = a.balance + $3 "
			    "WHEN NOT MATCHED THEN INSERT (id, owner, balance) VALUES (s.id, $2, $3)";

START_TEST(prepared)
{
	PGconn *c = fill();
	char buf[256];
	PGresult *r = PQprepare(c, "up", upsert, 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "up");
	ck_assert_int_eq(PQnparams(r), 3);
	ck_assert_int_eq(PQparamtype(r, 0), 23); /* the cast */
	ck_assert_int_eq(PQparamtype(r, 1), 25); /* inserted into owner */
	ck_assert_int_eq(PQparamtype(r, 2), 23); /* compared with 0 first, as PostgreSQL */
	ck_assert_int_eq(PQnfields(r), 0);
	PQclear(r);
	const char *v1[3] = {"1", "x", "5"}, *v2[3] = {"3", "cy", "7"}, *v3[3] = {"2", "x", "-1"};
	r = PQexecPrepared(c, "up", 3, v1, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "MERGE 1");
	PQclear(r);
	r = PQexecPrepared(c, "up", 3, v2, NULL, NULL, 0);
	ck_assert_str_eq(PQcmdStatus(r), "MERGE 1");
	PQclear(r);
	r = PQexecPrepared(c, "up", 3, v3, NULL, NULL, 0);
	ck_assert_str_eq(PQcmdStatus(r), "MERGE 1");
	PQclear(r);
	rows(c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:ann:105;3:cy:7;");
	PQfinish(c);
}
END_TEST

/* Several actions in one statement: the tag counts the rows of each. */
START_TEST(tag_counts_all)
{
	PGconn *c = fill();
	char buf[256];
	const char *sql = "MERGE INTO acct a USING (VALUES (1, $1::text), (2, $1), (4, 'dee'), "
			  "(5, 'eve')) AS v(id, name) ON a.id = v.id "
			  "WHEN MATCHED AND a.id = 2 THEN DELETE "
			  "WHEN MATCHED THEN UPDATE SET owner = v.name "
			  "WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id, v.name)";
	const char *vals[1] = {"zed"};
	PGresult *r = PQexecParams(c, sql, 1, NULL, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "MERGE 4");
	ck_assert_str_eq(PQcmdTuples(r), "4");
	PQclear(r);
	rows(c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:zed:100;4:dee:0;5:eve:0;");
	PQfinish(c);
}
END_TEST

/* 21000 after an INSERT action would have run: nothing of the statement stays. */
START_TEST(twice_undoes_all)
{
	PGconn *c = fill();
	char buf[256];
	const char *sql = "MERGE INTO acct a USING (VALUES ($1::integer), ($1), (9)) AS v(id) "
			  "ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id, 'n') "
			  "WHEN MATCHED THEN UPDATE SET balance = 0";
	const char *vals[1] = {"1"};
	PGresult *r = PQexecParams(c, sql, 1, NULL, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "21000");
	PQclear(r);
	rows(c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:ann:100;2:bob:50;");
	/* a NOT NULL violation in the last action undoes the first one's update */
	const char *bad = "MERGE INTO acct a USING (VALUES (1, 'z'), (7, NULL)) AS v(id, name) "
			  "ON a.id = v.id WHEN MATCHED THEN UPDATE SET owner = v.name "
			  "WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id, v.name)";
	r = PQexecParams(c, bad, 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23502");
	PQclear(r);
	rows(c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:ann:100;2:bob:50;");
	PQfinish(c);
}
END_TEST

START_TEST(in_transaction)
{
	PGconn *c = fill();
	char buf[256];
	harness_exec(c, "BEGIN");
	const char *vals[3] = {"2", "x", "10"};
	PGresult *r = PQexecParams(c, upsert, 3, NULL, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQcmdStatus(r), "MERGE 1");
	PQclear(r);
	rows(c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:ann:100;2:bob:60;");
	harness_exec_fail(c, "SELECT 1/0", "22012");
	ck_assert_int_eq(PQtransactionStatus(c), PQTRANS_INERROR);
	harness_exec(c, "ROLLBACK");
	rows(c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:ann:100;2:bob:50;");
	PQfinish(c);
}
END_TEST

/* The target, or the source, in another tenant's file, named through its schema prefix. */
START_TEST(other_tenant)
{
	PGconn *a = fill();
	char buf[256];
	PGconn *c = harness_connect(&H, "dbname=home");
	harness_exec(c, "CREATE TABLE l (id integer PRIMARY KEY, w text)");
	harness_exec(c, "INSERT INTO l VALUES (2, 'lee'), (9, 'nia')");
	const char *vals[1] = {"1000"};
	PGresult *r = PQexecParams(c,
				   "MERGE INTO acme.acct AS a USING l ON a.id = l.id "
				   "WHEN MATCHED THEN UPDATE SET owner = l.w, balance = $1 "
				   "WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (l.id, l.w)",
				   1, NULL, vals, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	ck_assert_str_eq(PQcmdStatus(r), "MERGE 2");
	PQclear(r);
	rows(a, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:ann:100;2:lee:1000;9:nia:0;");
	harness_exec(c, "MERGE INTO l USING acme.acct AS a ON l.id = a.id "
			"WHEN NOT MATCHED THEN INSERT VALUES (a.id, a.owner)");
	harness_expect_value(c, "SELECT string_agg(w, ',' ORDER BY id) FROM l", "ann,lee,nia");
	PQfinish(c);
	PQfinish(a);
}
END_TEST

/* Another session holds the write lock: the MERGE waits (parked, no worker held) and then
 * runs from its start, so its plan sees the row the other session committed meanwhile. */
START_TEST(lock_wait)
{
	PGconn *c = fill();
	PGconn *holder = harness_connect(&H, "dbname=acme");
	char buf[256];
	harness_exec(holder, "BEGIN");
	harness_exec(holder, "INSERT INTO acct VALUES (4, 'dee', 0)");
	ck_assert_int_eq(PQsendQueryParams(c,
					   "MERGE INTO acct a USING (VALUES (4)) AS v(id) "
					   "ON a.id = v.id WHEN MATCHED THEN UPDATE SET balance = 7 "
					   "WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id, 'x')",
					   0, NULL, NULL, NULL, NULL, 0),
			 1);
	usleep(200 * 1000);
	harness_exec(holder, "COMMIT");
	PGresult *r = PQgetResult(c);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	ck_assert_str_eq(PQcmdStatus(r), "MERGE 1");
	PQclear(r);
	while ((r = PQgetResult(c)))
		PQclear(r);
	rows(c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "1:ann:100;2:bob:50;4:dee:7;");
	PQfinish(holder);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("merge");
	TCase *tc = tcase_create("merge");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, prepared);
	tcase_add_test(tc, tag_counts_all);
	tcase_add_test(tc, twice_undoes_all);
	tcase_add_test(tc, in_transaction);
	tcase_add_test(tc, other_tenant);
	tcase_add_test(tc, lock_wait);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
