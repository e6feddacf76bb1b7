/* SPDX-License-Identifier: Apache-2.0 */
/* test_schemavis.c: a transaction block sees the schema as it is at its first statement. Other
 * sessions' DDL committed before a block's first statement is seen by it — with BEGIN and the
 * statement's Parse sent together as pgJDBC sends them with autocommit off (a prepared BEGIN's
 * Bind/Execute, then Parse/Describe), and with BEGIN as a Query of its own — while the block's
 * snapshot still starts at that statement, a first write still waits for another writer's lock
 * (no 40001), savepoints opened before it stay (sess_types_block_start, sess_txn_step_out),
 * and DDL committed during a REPEATABLE READ block is seen once it ends (by a READ COMMITTED
 * block's next statement). */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

/* The next result of a pipeline: success with want (NULL: a command) as the first value of its
 * first row, or the SQLSTATE given; then its NULL. */
static PGresult *piped(PGconn *c, const char *want)
{
	PGresult *r = PQgetResult(c);
	ck_assert_ptr_nonnull(r);
	ck_assert_msg(PQresultStatus(r) == (want ? PGRES_TUPLES_OK : PGRES_COMMAND_OK), "%s",
		      PQresultErrorMessage(r));
	if (want)
		ck_assert_str_eq(PQgetvalue(r, 0, 0), want);
	ck_assert_ptr_null(PQgetResult(c));
	return r;
}

static void piped_sync(PGconn *c)
{
	PGresult *r = PQgetResult(c);
	ck_assert_int_eq(PQresultStatus(r), PGRES_PIPELINE_SYNC);
	PQclear(r);
}

/* A committed block first (pgJDBC parses BEGIN once as S_1 and then only binds it), then the
 * other session's function and table; then BEGIN, a statement's Parse, its Describe and its
 * Execute in one packet: the call is typed by the new function, ParameterDescription and
 * RowDescription come from the new table. */
START_TEST(begin_and_parse_together_see_new_objects)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(b, "CREATE TABLE seen (v int)");
	PQclear(PQprepare(a, "S_1", "BEGIN", 0, NULL));
	PGresult *r = PQexecPrepared(a, "S_1", 0, NULL, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	harness_expect_value(a, "SELECT count(*) FROM seen", "0");
	harness_exec(a, "COMMIT");
	harness_exec(b, "CREATE FUNCTION tax(p numeric) RETURNS numeric LANGUAGE sql "
			"AS 'SELECT round(p * 0.2, 2)'");
	harness_exec(b, "CREATE TABLE items (price numeric(10,2))");

	ck_assert(PQenterPipelineMode(a));
	ck_assert(PQsendQueryPrepared(a, "S_1", 0, NULL, NULL, NULL, 0));
	ck_assert(PQsendPrepare(a, "ins",
				"INSERT INTO items VALUES ($1) RETURNING price, "
				"tax(price)",
				0, NULL));
	ck_assert(PQsendDescribePrepared(a, "ins"));
	const char *v[] = {"2.5"};
	ck_assert(PQsendQueryPrepared(a, "ins", 1, v, NULL, NULL, 0));
	ck_assert(PQpipelineSync(a));
	PQclear(piped(a, NULL)); /* BEGIN */
	PQclear(piped(a, NULL)); /* ParseComplete */
	r = piped(a, NULL);      /* Describe */
	ck_assert_int_eq(PQnparams(r), 1);
	ck_assert_int_eq((int)PQparamtype(r, 0), 1700);
	ck_assert_int_eq(PQnfields(r), 2);
	ck_assert_int_eq((int)PQftype(r, 0), 1700);
	ck_assert_int_eq((int)PQftype(r, 1), 1700);
	PQclear(r);
	r = piped(a, "2.50"); /* numeric(10,2): the column's typmod applies */
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "0.50");
	PQclear(r);
	piped_sync(a);
	ck_assert(PQexitPipelineMode(a));
	ck_assert_int_eq(PQtransactionStatus(a), PQTRANS_INTRANS);
	harness_exec(a, "COMMIT");
	harness_expect_value(b, "SELECT sum(price) FROM items", "2.50");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* BEGIN as a Query of its own, the other session's DDL and rows, then the block's first
 * statement: it sees both (its snapshot starts there), and in REPEATABLE READ rows committed
 * after it do not show in the block (SQLite's snapshot, docs/sql-compat.md; READ COMMITTED's
 * next statement sees them: test_readcommitted.c). */
START_TEST(begin_alone_then_new_objects)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	harness_exec(b, "CREATE FUNCTION eight() RETURNS int LANGUAGE sql AS 'SELECT 8'");
	harness_exec(b, "CREATE TABLE late (v int)");
	harness_exec(b, "INSERT INTO late VALUES (1)");
	harness_expect_value(a, "SELECT eight() + count(*)::int FROM late", "9");
	harness_exec(b, "INSERT INTO late VALUES (2)");
	harness_expect_value(a, "SELECT count(*) FROM late", "1");
	harness_exec(a, "COMMIT");
	harness_expect_value(a, "SELECT count(*) FROM late", "2");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* The block's first statement writes a table created since BEGIN while another session holds
 * the write lock: it waits for that commit and then writes, as PostgreSQL's would; reading the
 * schema inside the block's transaction would have made it 40001. */
START_TEST(first_write_waits_for_the_lock)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "BEGIN");
	harness_exec(b, "CREATE TABLE w (v int NOT NULL)");
	harness_exec(b, "BEGIN");
	harness_exec(b, "INSERT INTO w VALUES (1)");
	ck_assert(PQsendQuery(a, "INSERT INTO w VALUES (2)"));
	usleep(200 * 1000);
	harness_exec(b, "COMMIT");
	harness_expect_result(a, "");
	harness_expect_value(a, "SELECT string_agg(v::text, ',' ORDER BY v) FROM w", "1,2");
	harness_exec(a, "COMMIT");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* Savepoints opened before the block's first statement are there after it. */
START_TEST(savepoints_before_the_first_statement_stay)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "BEGIN");
	harness_exec(a, "SAVEPOINT one");
	harness_exec(a, "SAVEPOINT \"Two words\"");
	harness_exec(b, "CREATE TABLE sp (v int)");
	harness_exec(a, "INSERT INTO sp VALUES (1)");
	harness_exec(a, "ROLLBACK TO SAVEPOINT \"Two words\"");
	harness_exec(a, "INSERT INTO sp VALUES (2)");
	harness_exec(a, "RELEASE SAVEPOINT one");
	harness_exec_fail(a, "RELEASE SAVEPOINT one", "3B001");
	harness_exec(a, "ROLLBACK");
	harness_exec(a, "BEGIN");
	harness_exec(a, "SAVEPOINT one");
	harness_exec(b, "CREATE FUNCTION two() RETURNS int LANGUAGE sql AS 'SELECT 2'");
	harness_exec(a, "INSERT INTO sp SELECT two()");
	harness_exec(a, "ROLLBACK TO SAVEPOINT one");
	harness_exec(a, "INSERT INTO sp VALUES (3)");
	harness_exec(a, "COMMIT");
	harness_expect_value(b, "SELECT string_agg(v::text, ',') FROM sp", "3");
	/* a DO block first: its statements run in its own savepoint, after the read */
	harness_exec(a, "BEGIN");
	harness_exec(a, "SAVEPOINT one");
	harness_exec(b, "CREATE FUNCTION four() RETURNS int LANGUAGE sql AS 'SELECT 4'");
	harness_exec(a, "DO $$ BEGIN INSERT INTO sp VALUES (four()); END $$");
	harness_exec(a, "RELEASE SAVEPOINT one");
	harness_exec(a, "COMMIT");
	harness_expect_value(b, "SELECT string_agg(v::text, ',' ORDER BY v) FROM sp", "3,4");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* DDL another session commits while a REPEATABLE READ block reads its snapshot: the block
 * cannot see it (its snapshot is older: SQLite's, docs/sql-compat.md), the statements after
 * the block do. A READ COMMITTED block's next statement sees it, as PostgreSQL's. */
START_TEST(ddl_during_a_block_seen_after_it)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(b, "CREATE TABLE base (v int)");
	harness_exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	harness_expect_value(a, "SELECT count(*) FROM base", "0");
	harness_exec(b, "CREATE FUNCTION nine() RETURNS int LANGUAGE sql AS 'SELECT 9'");
	harness_expect_value(a, "SELECT count(*) FROM base", "0");
	harness_exec(a, "COMMIT");
	harness_exec(a, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	harness_expect_value(a, "SELECT count(*) FROM base", "0");
	harness_exec(b, "CREATE FUNCTION ten() RETURNS int LANGUAGE sql AS 'SELECT 10'");
	harness_exec_fail(a, "SELECT ten()", "42883"); /* PostgreSQL: 10 (docs/sql-compat.md) */
	harness_exec(a, "ROLLBACK");
	harness_expect_value(a, "SELECT ten()", "10");
	harness_expect_value(a, "SELECT nine()", "9");
	harness_exec(a, "BEGIN");
	harness_expect_value(a, "SELECT count(*) FROM base", "0");
	harness_exec(b, "CREATE FUNCTION eleven() RETURNS int LANGUAGE sql AS 'SELECT 11'");
	harness_exec(b, "CREATE TABLE later (v int)");
	harness_exec(b, "INSERT INTO later VALUES (1)");
	harness_expect_value(a, "SELECT eleven() + count(*)::int FROM later", "12");
	harness_exec(a, "COMMIT");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("schemavis");
	TCase *tc = tcase_create("schemavis");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, begin_and_parse_together_see_new_objects);
	tcase_add_test(tc, begin_alone_then_new_objects);
	tcase_add_test(tc, first_write_waits_for_the_lock);
	tcase_add_test(tc, savepoints_before_the_first_statement_stay);
	tcase_add_test(tc, ddl_during_a_block_seen_after_it);
	suite_add_tcase(s, tc);
	return check_run(s);
}
