/* SPDX-License-Identifier: Apache-2.0 */
/* test_modcte.c: data-modifying statements in WITH against the real binary in the extended
 * protocol — Describe of the prepared statement (parameter and column types), parameters
 * reaching the data-modifying part, an error in the primary statement undoing every step,
 * a row limit (PortalSuspended) over the returned rows, a lock wait that parks the
 * statement and runs it again from scratch, and the table a step modifies read elsewhere in
 * the statement as it was before (PostgreSQL's one snapshot); the step an UPDATE ... FROM
 * whose RETURNING reads the FROM tables runs first. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check_run.h"
#include "harness.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static const char *one(PGconn *c, const char *sql, char *buf, size_t n)
{
	PGresult *r = harness_exec_ok(c, sql);
	snprintf(buf, n, "%s", PQntuples(r) ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return buf;
}

static PGconn *fill(void)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE IF NOT EXISTS q (id integer PRIMARY KEY, v text)");
	harness_exec(c, "CREATE TABLE IF NOT EXISTS done (id integer PRIMARY KEY, v text)");
	harness_exec(c, "DELETE FROM q");
	harness_exec(c, "DELETE FROM done");
	harness_exec(c, "INSERT INTO q VALUES (1, 'a'), (2, 'b'), (3, 'c')");
	return c;
}

START_TEST(prepared)
{
	PGconn *c = fill();
	char buf[64];
	const char *sql = "WITH ins AS (INSERT INTO q (id, v) VALUES ($1, $2) RETURNING id, v) "
			  "SELECT id, v || '!' AS w FROM ins";
	PGresult *r = PQprepare(c, "ins", sql, 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "ins");
	ck_assert_int_eq(PQnparams(r), 2);
	ck_assert_int_eq(PQparamtype(r, 0), 23);
	ck_assert_int_eq(PQparamtype(r, 1), 25);
	ck_assert_int_eq(PQnfields(r), 2);
	ck_assert_str_eq(PQfname(r, 0), "id");
	ck_assert_int_eq(PQftype(r, 0), 23);
	ck_assert_str_eq(PQfname(r, 1), "w");
	ck_assert_int_eq(PQftype(r, 1), 25);
	PQclear(r);
	const char *vals[2] = {"7", "it's \"quoted\"\n"};
	r = PQexecPrepared(c, "ins", 2, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "7");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "it's \"quoted\"\n!");
	ck_assert_str_eq(PQcmdStatus(r), "SELECT 1");
	PQclear(r);
	ck_assert_str_eq(one(c, "SELECT v FROM q WHERE id = 7", buf, sizeof(buf)),
			 "it's \"quoted\"\n");
	/* the same key again: the step fails, nothing is left behind */
	r = PQexecPrepared(c, "ins", 2, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "23505");
	PQclear(r);
	ck_assert_str_eq(one(c, "SELECT count(*) FROM q", buf, sizeof(buf)), "4");
	PQfinish(c);
}
END_TEST

/* The primary statement and a later step read q as it was before the UPDATE: its declared
 * column types come through Describe, and parameters reach every part. */
START_TEST(pre_image)
{
	PGconn *c = fill();
	char buf[64];
	const char *sql = "WITH u AS (UPDATE q SET v = v || $1 WHERE id <= $2 RETURNING id), "
			  "i AS (INSERT INTO done SELECT id, v FROM q WHERE id <= $2 RETURNING id) "
			  "SELECT q.id, q.v, (SELECT count(*) FROM i) AS n FROM q "
			  "LEFT JOIN u ON u.id = q.id ORDER BY q.id";
	PGresult *r = PQprepare(c, "pre", sql, 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "pre");
	ck_assert_int_eq(PQnparams(r), 2);
	ck_assert_int_eq(PQnfields(r), 3);
	ck_assert_int_eq(PQftype(r, 0), 23);
	ck_assert_int_eq(PQftype(r, 1), 25);
	ck_assert_int_eq(PQftype(r, 2), 20);
	PQclear(r);
	const char *vals[2] = {"+", "2"};
	r = PQexecPrepared(c, "pre", 2, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 3);
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "a");
	ck_assert_str_eq(PQgetvalue(r, 1, 1), "b");
	ck_assert_str_eq(PQgetvalue(r, 2, 1), "c");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "2");
	PQclear(r);
	ck_assert_str_eq(one(c, "SELECT string_agg(v, ',' ORDER BY id) FROM q", buf, sizeof(buf)),
			 "a+,b+,c");
	ck_assert_str_eq(
		one(c, "SELECT string_agg(v, ',' ORDER BY id) FROM done", buf, sizeof(buf)), "a,b");
	PQfinish(c);
}
END_TEST

/* pg-boss 10's fail, prepared: the row deleted and inserted again ON CONFLICT DO NOTHING (its
 * key free once the DELETE ran), a plain WITH query over two steps' rows that a later step
 * reads and the primary statement counts; run twice, the second time a row the INSERT takes
 * from q ends in done through the later step. */
START_TEST(reinsert)
{
	PGconn *c = fill();
	char buf[64];
	const char *sql =
		"WITH d AS (DELETE FROM q WHERE id = $1 RETURNING id, v), "
		"r AS (INSERT INTO q SELECT id, v || $2 FROM d WHERE v NOT LIKE '%' || $2 "
		"|| '%' ON CONFLICT DO NOTHING RETURNING id, v), "
		"f AS (INSERT INTO q SELECT id, 'failed' FROM d WHERE id NOT IN "
		"(SELECT id FROM r) RETURNING id, v), "
		"res AS (SELECT * FROM r UNION ALL SELECT * FROM f), "
		"dl AS (INSERT INTO done SELECT id, v FROM res WHERE v = 'failed') "
		"SELECT count(*) FROM res";
	PGresult *r = PQprepare(c, "fail", sql, 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	const char *vals[2] = {"2", "!"};
	for (int i = 0; i < 2; i++) {
		r = PQexecPrepared(c, "fail", 2, vals, NULL, NULL, 0);
		ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
		ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
		PQclear(r);
		ck_assert_str_eq(one(c, "SELECT v FROM q WHERE id = 2", buf, sizeof(buf)),
				 i ? "failed" : "b!");
	}
	ck_assert_str_eq(one(c, "SELECT count(*) FROM q", buf, sizeof(buf)), "3");
	ck_assert_str_eq(one(c, "SELECT id || v FROM done", buf, sizeof(buf)), "2failed");
	PQfinish(c);
}
END_TEST

START_TEST(error_undoes_steps)
{
	PGconn *c = fill();
	char buf[64];
	const char *sql = "WITH m AS (DELETE FROM q WHERE id <= $1 RETURNING id, v) "
			  "INSERT INTO done SELECT id, v FROM m RETURNING 10 / (id - 2)";
	const char *vals[1] = {"3"};
	PGresult *r = PQexecParams(c, sql, 1, NULL, vals, NULL, NULL, 0);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22012");
	PQclear(r);
	ck_assert_str_eq(one(c, "SELECT count(*) FROM q", buf, sizeof(buf)), "3");
	ck_assert_str_eq(one(c, "SELECT count(*) FROM done", buf, sizeof(buf)), "0");
	vals[0] = "1";
	r = PQexecParams(c, sql, 1, NULL, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "-10");
	ck_assert_str_eq(PQcmdStatus(r), "INSERT 0 1");
	PQclear(r);
	ck_assert_str_eq(one(c, "SELECT v FROM done", buf, sizeof(buf)), "a");
	PQfinish(c);
}
END_TEST

/* Execute with a row limit: the steps run once, the suspended portal keeps the rows. */
START_TEST(row_limit)
{
	PGconn *c = fill();
	char buf[64];
	int fd = harness_raw_connect(&H);
	struct raw_buf b = {.n = 0}, r;
	raw_startup_msg(&b, 3u << 16, "raw", "acme");
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	b.n = 0;
	raw_parse(&b, "", "WITH d AS (DELETE FROM q RETURNING id) SELECT id FROM d ORDER BY id");
	raw_bind(&b, "", "");
	raw_execute(&b, "", 2);
	raw_execute(&b, "", 2);
	raw_sync(&b);
	raw_send(fd, &b);
	raw_recv_until_ready(fd, &r);
	char t[64];
	raw_types(&r, 0, t, sizeof(t));
	ck_assert_str_eq(t, "12DDsDCZ");
	ck_assert_ptr_nonnull(memmem(r.d, r.n, "SELECT 1", 9));
	close(fd);
	ck_assert_str_eq(one(c, "SELECT count(*) FROM q", buf, sizeof(buf)), "0");
	PQfinish(c);
}
END_TEST

/* Another session holds the write lock: the statement parks, then runs from scratch and
 * sees that session's committed row. */
START_TEST(lock_wait)
{
	PGconn *c = fill();
	PGconn *holder = harness_connect(&H, "dbname=acme");
	harness_exec(holder, "BEGIN");
	harness_exec(holder, "INSERT INTO q VALUES (4, 'd')");
	ck_assert_int_eq(PQsendQueryParams(c,
					   "WITH d AS (DELETE FROM q RETURNING id) "
					   "SELECT count(*) FROM d",
					   0, NULL, NULL, NULL, NULL, 0),
			 1);
	usleep(200 * 1000);
	harness_exec(holder, "COMMIT");
	PGresult *r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "4");
	PQclear(r);
	while ((r = PQgetResult(c)))
		PQclear(r);
	PQfinish(holder);
	PQfinish(c);
}
END_TEST

/* UPDATE ... FROM ... RETURNING a FROM table's column (xlat_retfrom.c: the join a step of
 * its own) prepared: Describe's types, the parameters in SET, WHERE and the join, a row limit
 * over the rows, and each run reading the FROM row as it was before it. */
START_TEST(returning_from)
{
	PGconn *c = fill();
	harness_exec(c, "INSERT INTO done VALUES (1, 'x'), (3, 'z')");
	const char *sql = "UPDATE q SET v = $1 || d.v FROM done d WHERE d.id = q.id AND d.id >= $2 "
			  "RETURNING q.id, q.v AS now, d.v AS src";
	PGresult *r = PQprepare(c, "rf", sql, 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "rf");
	ck_assert_int_eq(PQnparams(r), 2);
	ck_assert_int_eq(PQparamtype(r, 0), 25);
	ck_assert_int_eq(PQparamtype(r, 1), 23);
	ck_assert_int_eq(PQnfields(r), 3);
	ck_assert_str_eq(PQfname(r, 2), "src");
	ck_assert_int_eq(PQftype(r, 2), 25);
	PQclear(r);
	const char *vals[2] = {"p-", "2"};
	r = PQexecPrepared(c, "rf", 2, vals, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "3");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "p-z");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "z");
	ck_assert_str_eq(PQcmdStatus(r), "UPDATE 1");
	PQclear(r);
	/* one row at a time: the steps ran once, both rows come */
	ck_assert(PQsendQueryPrepared(c, "rf", 2, (const char *[]){"q-", "1"}, NULL, NULL, 0));
	ck_assert(PQsetSingleRowMode(c));
	int rows = 0;
	while ((r = PQgetResult(c))) {
		if (PQresultStatus(r) == PGRES_SINGLE_TUPLE)
			rows++;
		else
			ck_assert_str_eq(PQcmdStatus(r), "UPDATE 2");
		PQclear(r);
	}
	ck_assert_int_eq(rows, 2);
	/* SEARCH over parameters: the sequence column is record[] */
	r = PQexecParams(
		c,
		"WITH RECURSIVE w (n) AS (SELECT $1::int UNION ALL SELECT n + 1 FROM w "
		"WHERE n < $2::int) SEARCH DEPTH FIRST BY n SET o SELECT n, o FROM w ORDER "
		"BY o DESC",
		2, NULL, (const char *[]){"8", "10"}, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_int_eq(PQntuples(r), 3);
	ck_assert_int_eq(PQftype(r, 1), 2287);
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "{(8),(9),(10)}");
	PQclear(r);
	PQfinish(c);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("modcte");
	TCase *tc = tcase_create("modcte");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, prepared);
	tcase_add_test(tc, error_undoes_steps);
	tcase_add_test(tc, reinsert);
	tcase_add_test(tc, pre_image);
	tcase_add_test(tc, row_limit);
	tcase_add_test(tc, lock_wait);
	tcase_add_test(tc, returning_from);
	suite_add_tcase(s, tc);
	return s;
}

int main(void) { return check_run(suite()); }
