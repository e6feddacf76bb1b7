/* SPDX-License-Identifier: Apache-2.0 */
/* test_cursors.c: SQL-level cursors through libpq against the real binary — FETCH in the
 * extended protocol (Describe, binary results), BINARY cursors, a cursor fetched in batches,
 * held cursors surviving COMMIT while other sessions write, the max_result_bytes bound on a
 * held cursor, and sessions that end with cursors open. */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void)
{
	static const char *const args[] = {"max_result_bytes=1MB", NULL};
	harness_start(&H, args);
}
static void teardown(void) { harness_stop(&H); }

static PGconn *fill(void)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE IF NOT EXISTS n (i integer PRIMARY KEY, t text)");
	harness_exec(c, "DELETE FROM n");
	harness_exec(c, "INSERT INTO n SELECT g, 'row ' || g FROM generate_series(1, 5000) g");
	return c;
}

START_TEST(fetch_extended)
{
	PGconn *c = fill();
	harness_exec(c, "BEGIN");
	harness_exec(c, "DECLARE c CURSOR FOR SELECT i, t FROM n ORDER BY i");
	PGresult *r = PQprepare(c, "f", "FETCH 3 FROM c", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	/* Describe of the statement: the cursor's columns, as PostgreSQL answers */
	r = PQdescribePrepared(c, "f");
	ck_assert_int_eq(PQnfields(r), 2);
	ck_assert_str_eq(PQfname(r, 0), "i");
	ck_assert_int_eq(PQftype(r, 0), 23);
	ck_assert_int_eq(PQftype(r, 1), 25);
	PQclear(r);
	r = PQexecPrepared(c, "f", 0, NULL, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 3);
	ck_assert_str_eq(PQgetvalue(r, 2, 1), "row 3");
	ck_assert_str_eq(PQcmdStatus(r), "FETCH 3");
	PQclear(r);
	/* binary results of the same cursor: the next three rows */
	r = PQexecPrepared(c, "f", 0, NULL, NULL, NULL, 1);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 3);
	ck_assert_int_eq(PQfformat(r, 0), 1);
	ck_assert_int_eq(PQgetlength(r, 0, 0), 4);
	uint32_t be;
	memcpy(&be, PQgetvalue(r, 0, 0), 4);
	ck_assert_int_eq(ntohl(be), 4);
	PQclear(r);
	r = PQexecParams(c, "MOVE FORWARD ALL IN c", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_str_eq(PQcmdStatus(r), "MOVE 4994");
	PQclear(r);
	harness_exec(c, "COMMIT");
	r = PQexecPrepared(c, "f", 0, NULL, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "34000");
	PQclear(r);
	/* a parameter in DECLARE's query is bound at Bind (psycopg 3's named cursors), inferred
	 * from its column as PostgreSQL infers it, with and without HOLD */
	harness_exec(c, "BEGIN");
	const char *two[] = {"4997", "row 4999"};
	r = PQexecParams(c,
			 "DECLARE p CURSOR FOR SELECT i, $1::int AS k FROM n WHERE i > $1 "
			 "AND t <> $2 ORDER BY i",
			 2, NULL, two, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "DECLARE CURSOR");
	PQclear(r);
	r = harness_exec_ok(c, "FETCH ALL FROM p");
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "4998");
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "5000");
	ck_assert_str_eq(PQgetvalue(r, 1, 1), "4997");
	PQclear(r);
	harness_exec(c, "ROLLBACK");
	const char *one = "4999";
	r = PQexecParams(c,
			 "DECLARE h CURSOR WITH HOLD FOR SELECT t FROM n WHERE i >= $1 ORDER BY i",
			 1, NULL, &one, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = harness_exec_ok(c, "FETCH ALL FROM h");
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "row 4999");
	PQclear(r);
	harness_exec(c, "CLOSE h");
	/* in a simple Query a $n is 42P02, as in PostgreSQL */
	r = PQexec(c, "BEGIN; DECLARE q CURSOR FOR SELECT $1::int");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42P02");
	PQclear(r);
	harness_exec(c, "ROLLBACK");
	/* outside a transaction block the extended protocol refuses it too */
	r = PQexecParams(c, "DECLARE d CURSOR FOR SELECT 1", 0, NULL, NULL, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "25P01");
	PQclear(r);
	PQfinish(c);
}
END_TEST

START_TEST(batches_and_binary)
{
	PGconn *c = fill();
	harness_exec(c, "BEGIN");
	harness_exec(c, "DECLARE big CURSOR FOR SELECT i FROM n ORDER BY i");
	long sum = 0;
	int rows = 0, batches = 0;
	for (;;) {
		PGresult *r = harness_exec_ok(c, "FETCH FORWARD 1000 FROM big");
		int k = PQntuples(r);
		for (int i = 0; i < k; i++)
			sum += atol(PQgetvalue(r, i, 0));
		rows += k;
		PQclear(r);
		if (k == 0)
			break;
		batches++;
	}
	ck_assert_int_eq(rows, 5000);
	ck_assert_int_eq(batches, 5);
	ck_assert_int_eq(sum, 5000L * 5001 / 2);
	harness_exec(c, "DECLARE b BINARY CURSOR FOR SELECT i FROM n WHERE i = 258");
	PGresult *r = harness_exec_ok(c, "FETCH b");
	ck_assert_int_eq(PQfformat(r, 0), 1);
	uint32_t be;
	memcpy(&be, PQgetvalue(r, 0, 0), 4);
	ck_assert_int_eq(ntohl(be), 258);
	PQclear(r);
	harness_exec(c, "COMMIT");
	PQfinish(c);
}
END_TEST

START_TEST(held_cursor_survives_commit)
{
	PGconn *a = fill();
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "DECLARE h CURSOR WITH HOLD FOR SELECT i FROM n WHERE i > 4990 ORDER BY i");
	/* another session writes while the cursor is open: it reads the DECLARE's snapshot */
	harness_exec(b, "DELETE FROM n WHERE i > 4995");
	harness_exec(b, "INSERT INTO n VALUES (6000, 'late')");
	PGresult *r = harness_exec_ok(a, "FETCH 2 FROM h");
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "4991");
	PQclear(r);
	harness_exec(a, "BEGIN");
	harness_exec(a, "UPDATE n SET t = 'x' WHERE i = 1");
	harness_exec(a, "COMMIT");
	r = harness_exec_ok(a, "FETCH ALL FROM h");
	ck_assert_int_eq(PQntuples(r), 8);
	ck_assert_str_eq(PQgetvalue(r, 7, 0), "5000");
	ck_assert_str_eq(PQcmdStatus(r), "FETCH 8");
	PQclear(r);
	r = harness_exec_ok(a, "SELECT name, is_holdable FROM pg_cursors");
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "t");
	PQclear(r);
	harness_exec(a, "CLOSE h");
	harness_exec_fail(a, "CLOSE h", "34000");
	PQfinish(b);
	PQfinish(a);
}
END_TEST

START_TEST(held_cursor_bounded)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec_fail(c,
			  "DECLARE h CURSOR WITH HOLD FOR SELECT repeat('x', 1000) FROM "
			  "generate_series(1, 3000)",
			  "54000");
	PGresult *r = harness_exec_ok(c, "SELECT count(*) FROM pg_cursors");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
	/* without HOLD the rows are read as fetched: the same query is fine in batches */
	harness_exec(c, "BEGIN");
	harness_exec(c,
		     "DECLARE c CURSOR FOR SELECT repeat('x', 1000) FROM generate_series(1, 3000)");
	for (int i = 0; i < 3; i++) {
		r = harness_exec_ok(c, "FETCH 1000 FROM c");
		ck_assert_int_eq(PQntuples(r), 1000);
		PQclear(r);
	}
	/* PostgreSQL could scan it backward, so it keeps what it read, up to max_result_bytes:
	 * past that it dropped the rows, and a move back says so */
	harness_exec_fail(c, "FETCH BACKWARD 1 FROM c", "54000");
	harness_exec(c, "ROLLBACK");
	harness_exec(c, "BEGIN");
	harness_exec(c, "DECLARE k CURSOR FOR SELECT g FROM generate_series(1, 1500) g "
			"ORDER BY g DESC");
	PQclear(harness_exec_ok(c, "FETCH 1000 FROM k"));
	r = harness_exec_ok(c, "FETCH BACKWARD 2 FROM k");
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "503");
	PQclear(r);
	r = harness_exec_ok(c, "FETCH ABSOLUTE -1 FROM k");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	PQclear(r);
	harness_exec(c, "COMMIT");
	PQfinish(c);
}
END_TEST

START_TEST(session_ends_with_cursors_open)
{
	PGconn *c = fill();
	harness_exec(c, "DECLARE h CURSOR WITH HOLD FOR SELECT i FROM n");
	harness_exec(c, "BEGIN");
	harness_exec(c, "DECLARE live CURSOR FOR SELECT i FROM n");
	PQclear(harness_exec_ok(c, "FETCH 10 FROM live"));
	PQfinish(c); /* mid-transaction, both open: the server frees them (ASan, logs) */
	c = harness_connect(&H, "dbname=acme");
	PGresult *r = harness_exec_ok(c, "SELECT count(*) FROM n");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "5000");
	PQclear(r);
	harness_exec(c, "DECLARE h CURSOR WITH HOLD FOR SELECT 1");
	harness_exec(c, "DISCARD ALL");
	harness_exec_fail(c, "FETCH h", "34000");
	PQfinish(c);
}
END_TEST

/* A DECLAREd cursor is a portal to Describe (psycopg 3's named cursors); DEALLOCATE forgets
 * a protocol-level prepared statement (psycopg 3 sends DEALLOCATE ALL). */
START_TEST(cursor_portal_and_deallocate)
{
	PGconn *c = fill();
	harness_exec(c, "BEGIN");
	harness_exec(c, "DECLARE named CURSOR FOR SELECT i, t FROM n ORDER BY i");
	PGresult *r = PQdescribePortal(c, "named");
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_int_eq(PQnfields(r), 2);
	ck_assert_str_eq(PQfname(r, 1), "t");
	ck_assert_uint_eq(PQftype(r, 0), 23);
	PQclear(r);
	r = PQdescribePortal(c, "nosuch");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "34000");
	PQclear(r);
	harness_exec(c, "ROLLBACK");
	PQclear(PQprepare(c, "p1", "SELECT 1", 0, NULL));
	harness_exec(c, "DEALLOCATE p1");
	harness_exec_fail(c, "DEALLOCATE p1", "26000");
	PQclear(PQprepare(c, "p2", "SELECT 2", 0, NULL));
	harness_exec(c, "DEALLOCATE ALL");
	r = PQexecPrepared(c, "p2", 0, NULL, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "26000");
	PQclear(r);
	PQfinish(c);
}
END_TEST

/* pg_prepared_statements lists the statements of Parse messages too (from_sql false), with
 * their text, parameter types and runs; a Parse that leaves $1 untyped and unused is 42P18. */
START_TEST(prepared_statements_view)
{
	PGconn *c = fill();
	const Oid types[] = {23, 0};
	PQclear(PQprepare(c, "pp", "SELECT $1 + 1, $2", 2, types));
	const char *vals[] = {"1", "x"};
	for (int i = 0; i < 3; i++)
		PQclear(PQexecPrepared(c, "pp", 2, vals, NULL, NULL, 0));
	PQclear(PQprepare(c, "", "SELECT 3", 0, NULL)); /* the unnamed one is not listed */
	harness_exec(c, "PREPARE sq(bigint) AS SELECT $1");
	PGresult *r = harness_exec_ok(c, "SELECT name, statement, parameter_types, from_sql, "
					 "generic_plans + custom_plans FROM pg_prepared_statements "
					 "ORDER BY name");
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "pp");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "SELECT $1 + 1, $2");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "{integer,text}");
	ck_assert_str_eq(PQgetvalue(r, 0, 3), "f");
	ck_assert_str_eq(PQgetvalue(r, 0, 4), "3");
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "sq");
	ck_assert_str_eq(PQgetvalue(r, 1, 1), "PREPARE sq(bigint) AS SELECT $1");
	ck_assert_str_eq(PQgetvalue(r, 1, 2), "{bigint}");
	ck_assert_str_eq(PQgetvalue(r, 1, 3), "t");
	PQclear(r);
	r = PQprepare(c, "bad", "SELECT $2", 0, NULL);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42P18");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY),
			 "could not determine data type of parameter $1");
	PQclear(r);
	harness_exec(c, "DEALLOCATE ALL");
	r = harness_exec_ok(c, "SELECT count(*) FROM pg_prepared_statements");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "0");
	PQclear(r);
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cursors");
	TCase *tc = tcase_create("cursors");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, fetch_extended);
	tcase_add_test(tc, batches_and_binary);
	tcase_add_test(tc, held_cursor_survives_commit);
	tcase_add_test(tc, held_cursor_bounded);
	tcase_add_test(tc, session_ends_with_cursors_open);
	tcase_add_test(tc, cursor_portal_and_deallocate);
	tcase_add_test(tc, prepared_statements_view);
	suite_add_tcase(s, tc);
	return check_run(s);
}
