/* SPDX-License-Identifier: Apache-2.0 */
/* test_syscol.c: system columns against the real binary through libpq's extended protocol —
 * a GUI's edit of a table without a primary key by ctid (a parameter typed tid), the upsert
 * idiom RETURNING (xmax = 0) AS inserted in a prepared statement run again, inside a
 * transaction block and in a DO block, and the refusals' SQLSTATEs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* What DBeaver does with a table without a key: reads ctid with the rows, then updates and
 * deletes the row by it, the ctid bound as a parameter. */
START_TEST(edit_by_ctid)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE nokey (a int, b text)");
	harness_exec(c, "INSERT INTO nokey VALUES (1, 'x'), (2, 'y'), (3, 'z')");
	PGresult *r = harness_exec_ok(c, "SELECT ctid, a FROM nokey ORDER BY a");
	ck_assert_int_eq(PQntuples(r), 3);
	ck_assert_int_eq((int)PQftype(r, 0), 27);
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "(0,2)");
	PQclear(r);
	r = PQprepare(c, "upd", "UPDATE nokey SET b = $1 WHERE ctid = $2", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "upd");
	ck_assert_int_eq(PQnparams(r), 2);
	ck_assert_int_eq((int)PQparamtype(r, 1), 27);
	PQclear(r);
	const char *vals[] = {"Y", "(0,2)"};
	r = PQexecPrepared(c, "upd", 2, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "UPDATE 1");
	PQclear(r);
	const char *del[] = {"(0,3)"};
	r = PQexecParams(c, "DELETE FROM nokey WHERE ctid = $1 RETURNING a", 1, NULL, del, NULL,
			 NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
	PQclear(r);
	harness_expect_value(c, "SELECT string_agg(a || b, ',' ORDER BY a) FROM nokey", "1x,2Y");
	const char *bad[] = {"(0,x)"};
	r = PQexecParams(c, "SELECT a FROM nokey WHERE ctid = $1", 1, NULL, bad, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22P02");
	PQclear(r);
	/* binary: tid's block and offset, oid and xid as four bytes (Npgsql asks so) */
	r = PQexecParams(c, "SELECT ctid, tableoid, xmax FROM nokey WHERE a = 2", 0, NULL, NULL,
			 NULL, NULL, 1);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQgetlength(r, 0, 0), 6);
	ck_assert(memcmp(PQgetvalue(r, 0, 0), "\0\0\0\0\0\2", 6) == 0);
	ck_assert_int_eq(PQgetlength(r, 0, 1), 4);
	ck_assert(memcmp(PQgetvalue(r, 0, 2), "\0\0\0\0", 4) == 0);
	PQclear(r);
	static const char tid_bin[6] = {0, 0, 0, 0, 0, 1};
	const char *bin_vals[] = {tid_bin};
	int bin_len[] = {6}, bin_fmt[] = {1};
	Oid bin_type[] = {27};
	r = PQexecParams(c, "SELECT a FROM nokey WHERE ctid = $1", 1, bin_type, bin_vals, bin_len,
			 bin_fmt, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	PQclear(r);
	harness_expect_value(c, "SELECT tableoid::regclass FROM nokey LIMIT 1", "nokey");
	harness_expect_value(c, "SELECT count(*) FROM nokey WHERE tableoid = 'nokey'::regclass",
			     "2");
	PQfinish(c);
}
END_TEST

/* The upsert idiom, prepared once and run several times, in autocommit and in a block. */
START_TEST(upsert_inserted_or_updated)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE counters (k text PRIMARY KEY, n int)");
	PGresult *r =
		PQprepare(c, "up",
			  "INSERT INTO counters VALUES ($1, 1), ($2, 1) ON CONFLICT (k) DO "
			  "UPDATE SET n = counters.n + 1 RETURNING k, n, (xmax = 0) AS inserted",
			  0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	static const struct {
		const char *a, *b, *want;
	} runs[] = {
		{"a", "b", "a1t,b1t"},
		{"b", "c", "b2f,c1t"},
		{"c", "a", "c2f,a2f"},
		{"d", "a", "d1t,a3f"},
	};
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		if (i == 2)
			harness_exec(c, "BEGIN");
		const char *vals[] = {runs[i].a, runs[i].b};
		r = PQexecPrepared(c, "up", 2, vals, NULL, NULL, 0);
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		char got[64] = "";
		for (int row = 0; row < PQntuples(r); row++)
			snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s%s%s",
				 row ? "," : "", PQgetvalue(r, row, 0), PQgetvalue(r, row, 1),
				 PQgetvalue(r, row, 2));
		ck_assert_str_eq(got, runs[i].want);
		PQclear(r);
	}
	harness_exec(c, "COMMIT");
	/* PL/pgSQL runs the statement itself */
	harness_exec(c, "CREATE TABLE seen (inserted bool)");
	harness_exec(c, "DO $$ DECLARE ins bool; BEGIN "
			"INSERT INTO counters VALUES ('e', 1) ON CONFLICT (k) DO UPDATE SET n = 0 "
			"RETURNING xmax = 0 INTO ins; INSERT INTO seen VALUES (ins); "
			"INSERT INTO counters VALUES ('e', 1) ON CONFLICT (k) DO UPDATE SET n = 0 "
			"RETURNING xmax = 0 INTO ins; INSERT INTO seen VALUES (ins); END $$");
	harness_expect_value(c, "SELECT string_agg(inserted::text, ',') FROM seen", "true,false");
	harness_exec_fail(c, "SELECT xmin FROM counters", "0A000");
	harness_exec_fail(c, "DELETE FROM counters RETURNING xmax", "0A000");
	harness_exec_fail(c, "ALTER TABLE counters ADD COLUMN ctid int", "42701");
	PQfinish(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("syscol");
	TCase *tc = tcase_create("syscol");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, edit_by_ctid);
	tcase_add_test(tc, upsert_inserted_or_updated);
	suite_add_tcase(s, tc);
	return check_run(s);
}
