/* SPDX-License-Identifier: Apache-2.0 */
/* test_trigret.c: RETURNING of rows a BEFORE trigger changed, in the extended protocol with
 * Bind parameters (which the differential suite does not send) — an upsert prepared once and
 * executed for its inserted and its updated path, several rows, a parameter in the RETURNING
 * list, Describe not showing RETURNING's hidden marker column, and a row limit
 * (PortalSuspended) over the changed rows. src/session/sess_trgret.c. */
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
	harness_exec(c, "CREATE TABLE IF NOT EXISTS u (k int PRIMARY KEY, n int, note text, "
			"updated_at timestamptz)");
	harness_exec(c, "CREATE OR REPLACE FUNCTION u_touch() RETURNS trigger LANGUAGE plpgsql "
			"AS $$ BEGIN NEW.n := NEW.n * 10; NEW.note := upper(NEW.note); "
			"NEW.updated_at := now(); RETURN NEW; END $$");
	harness_exec(c, "CREATE OR REPLACE TRIGGER u_b BEFORE INSERT OR UPDATE ON u FOR EACH ROW "
			"EXECUTE FUNCTION u_touch()");
	harness_exec(c, "DELETE FROM u");
	return c;
}

/* Row i of r as "v1|v2|...". */
static const char *row(PGresult *r, int i, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int k = 0; k < PQnfields(r) && len < n; k++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s", k ? "|" : "",
					PQgetisnull(r, i, k) ? "NULL" : PQgetvalue(r, i, k));
	return buf;
}

START_TEST(prepared_upsert)
{
	PGconn *c = fill();
	char buf[128];
	const char *sql = "INSERT INTO u (k, n, note) VALUES ($1, $2, $3) ON CONFLICT (k) DO "
			  "UPDATE SET n = excluded.n, note = excluded.note RETURNING k, n, note, "
			  "updated_at IS NOT NULL AS touched, $2 + 1 AS p";
	PGresult *r = PQprepare(c, "up", sql, 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	/* the hidden marker column is not described */
	r = PQdescribePrepared(c, "up");
	ck_assert_int_eq(PQnparams(r), 3);
	ck_assert_int_eq(PQnfields(r), 5);
	ck_assert_str_eq(PQfname(r, 4), "p");
	ck_assert_int_eq(PQftype(r, 1), 23);
	ck_assert_int_eq(PQftype(r, 3), 16);
	PQclear(r);
	static const char *const runs[][4] = {
		{"1", "1", "a", "1|10|A|t|2"}, /* inserted */
		{"1", "2", "b", "1|200|B|t|3"}, /* updated: EXCLUDED is n 20, then the UPDATE's */
		{"2", "3", "c", "2|30|C|t|4"},
		{"2", "4", "d", "2|400|D|t|5"},
	};
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		r = PQexecPrepared(c, "up", 3, runs[i], NULL, NULL, 0);
		ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s",
			      PQresultErrorMessage(r));
		ck_assert_int_eq(PQntuples(r), 1);
		ck_assert_int_eq(PQnfields(r), 5);
		ck_assert_str_eq(row(r, 0, buf, sizeof(buf)), runs[i][3]);
		ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
		PQclear(r);
	}
	harness_expect_value(c, "SELECT string_agg(k || ':' || n || ':' || note, ',' ORDER BY k) "
				"FROM u",
			     "1:200:B,2:400:D");
	PQfinish(c);
}
END_TEST

START_TEST(several_rows)
{
	PGconn *c = fill();
	char buf[128];
	harness_exec(c, "INSERT INTO u (k, n, note) VALUES (1, 1, 'a')");
	const char *vals[4] = {"3", "5", "1", "6"};
	PGresult *r = PQexecParams(c,
				   "INSERT INTO u AS t (k, n, note) VALUES ($1, $2, 'x'), "
				   "($3, $4, 'y') ON CONFLICT (k) DO UPDATE SET n = t.n + 1 "
				   "RETURNING k, n, note",
				   4, NULL, vals, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQresultErrorMessage(r));
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(row(r, 0, buf, sizeof(buf)), "3|50|X"); /* VALUES' order */
	ck_assert_str_eq(row(r, 1, buf, sizeof(buf)), "1|110|A"); /* (10 + 1) * 10 */
	PQclear(r);
	const char *one[1] = {"1"};
	r = PQexecParams(c, "UPDATE u SET note = note || $1 RETURNING k, note", 1, NULL, one, NULL,
			 NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQresultErrorMessage(r));
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_str_eq(PQcmdStatus(r), "UPDATE 2");
	PQclear(r);
	harness_expect_value(c, "SELECT string_agg(note, ',' ORDER BY k) FROM u", "A1,X1");
	PQfinish(c);
}
END_TEST

/* Execute with a row limit: the changed rows come two by two, as written. */
START_TEST(row_limit)
{
	PGconn *c = fill();
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0}, r;
	raw_startup_msg(&b, 3u << 16, "raw", "acme");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	b.n = 0;
	raw_parse(&b, "", "INSERT INTO u (k, n, note) VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c') "
			  "ON CONFLICT (k) DO NOTHING RETURNING note");
	raw_bind(&b, "", "");
	raw_execute(&b, "", 2);
	raw_execute(&b, "", 2);
	raw_sync(&b);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "12DDsDCZ");
	ck_assert_ptr_nonnull(memmem(r.d, r.n, "INSERT 0 3", 10));
	ck_assert_ptr_nonnull(memmem(r.d, r.n, "C", 1));
	ck_assert_ptr_null(memmem(r.d, r.n, "\0\0\0\1c", 5)); /* never the statement's row */
	close(fd);
	harness_expect_value(c, "SELECT string_agg(note, ',' ORDER BY k) FROM u", "A,B,C");
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("trigret");
	TCase *tc = tcase_create("trigret");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, prepared_upsert);
	tcase_add_test(tc, several_rows);
	tcase_add_test(tc, row_limit);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(suite());
}
