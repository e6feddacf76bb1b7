/* SPDX-License-Identifier: Apache-2.0 */
/* test_udf.c: CREATE FUNCTION and CREATE TRIGGER against the real binary through libpq's
 * extended protocol — a call's parameter takes the argument's type in ParameterDescription and
 * its result the declared type, another session sees a function as soon as it is created (and
 * not after a rolled-back CREATE), errors keep their CONTEXT, and the updated_at and audit
 * triggers fire for statements with Bind parameters, also inside a transaction block; CALL
 * with Bind parameters, INOUT values as a row; a refcursor result FETCHed in its transaction; a
 * procedure waiting for another session's lock after its COMMIT. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../check_run.h"

static struct harness H;

static void setup(void) { harness_start(&H, NULL); }
static void teardown(void) { harness_stop(&H); }

static PGresult *params(PGconn *c, const char *sql, int n, const char *const *values)
{
	PGresult *r = PQexecParams(c, sql, n, NULL, values, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK,
		      "%s: %s", sql, PQresultErrorMessage(r));
	return r;
}

START_TEST(functions_through_bind)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "CREATE FUNCTION price_with_tax(p numeric, rate numeric) RETURNS numeric "
			"LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN round(p * (1 + rate), 2); "
			"END $$");
	harness_exec(a, "CREATE FUNCTION greet(who text) RETURNS text LANGUAGE sql "
			"AS $$ SELECT 'hello ' || who $$");
	/* the parameter is the argument's type; the result is numeric */
	PGresult *r = PQprepare(b, "tax", "SELECT price_with_tax($1, 0.2)", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(b, "tax");
	ck_assert_int_eq(PQnparams(r), 1);
	ck_assert_int_eq((int)PQparamtype(r, 0), 1700);
	ck_assert_int_eq((int)PQftype(r, 0), 1700);
	PQclear(r);
	const char *v[] = {"10.00"};
	r = PQexecPrepared(b, "tax", 1, v, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "12.00");
	PQclear(r);
	const char *w[] = {"world"};
	r = params(b, "SELECT greet($1)", 1, w);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "hello world");
	ck_assert_int_eq((int)PQftype(r, 0), 25);
	PQclear(r);
	/* a rolled-back CREATE leaves nothing behind */
	harness_exec(a, "BEGIN");
	harness_exec(a, "CREATE FUNCTION gone() RETURNS int LANGUAGE sql AS 'SELECT 1'");
	harness_expect_value(a, "SELECT gone()", "1");
	harness_exec(a, "ROLLBACK");
	harness_exec_fail(a, "SELECT gone()", "42883");
	harness_exec_fail(b, "SELECT gone()", "42883");
	/* an error raised inside keeps PostgreSQL's CONTEXT */
	harness_exec(a, "CREATE FUNCTION must_be_positive(x int) RETURNS int LANGUAGE plpgsql AS $$ "
			"BEGIN IF x <= 0 THEN RAISE EXCEPTION 'not positive: %', x USING ERRCODE = "
			"'22023'; END IF; RETURN x; END $$");
	const char *neg[] = {"-4"};
	r = PQexecParams(b, "SELECT must_be_positive($1)", 1, NULL, neg, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22023");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), "not positive: -4");
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_CONTEXT),
			 "PL/pgSQL function must_be_positive(integer) line 1 at RAISE");
	PQclear(r);
	harness_exec(a, "DROP FUNCTION greet(text)");
	harness_exec_fail(b, "SELECT greet('x')", "42883");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

START_TEST(triggers_through_bind)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE docs (id serial PRIMARY KEY, body text NOT NULL, "
			"updated_at timestamptz NOT NULL DEFAULT now(), revision int NOT NULL "
			"DEFAULT 1)");
	harness_exec(c, "CREATE TABLE docs_log (n serial PRIMARY KEY, op text, doc int, body text)");
	harness_exec(c, "CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE "
			"plpgsql AS $$ BEGIN NEW.updated_at := '2031-05-06 07:08:09+00'; "
			"NEW.revision := OLD.revision + 1; RETURN NEW; END $$");
	harness_exec(c, "CREATE TRIGGER docs_upd BEFORE UPDATE ON docs FOR EACH ROW EXECUTE "
			"FUNCTION set_updated_at()");
	harness_exec(c, "CREATE FUNCTION log_docs() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
			"IF TG_OP = 'DELETE' THEN INSERT INTO docs_log (op, doc, body) VALUES (TG_OP, "
			"OLD.id, OLD.body); RETURN OLD; END IF; INSERT INTO docs_log (op, doc, body) "
			"VALUES (TG_OP, NEW.id, NEW.body); RETURN NEW; END $$");
	harness_exec(c, "CREATE TRIGGER docs_log AFTER INSERT OR UPDATE OR DELETE ON docs FOR EACH "
			"ROW EXECUTE FUNCTION log_docs()");
	const char *ins[] = {"first draft"};
	PQclear(params(c, "INSERT INTO docs (body) VALUES ($1)", 1, ins));
	harness_exec(c, "BEGIN");
	const char *upd[] = {"second draft", "1"};
	PGresult *r = params(c, "UPDATE docs SET body = $1 WHERE id = $2", 2, upd);
	ck_assert_str_eq(PQcmdTuples(r), "1");
	PQclear(r);
	harness_exec(c, "COMMIT");
	r = harness_exec_ok(c, "SELECT body, updated_at, revision FROM docs");
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "second draft");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "2031-05-06 07:08:09+00");
	ck_assert_str_eq(PQgetvalue(r, 0, 2), "2");
	PQclear(r);
	const char *del[] = {"1"};
	PQclear(params(c, "DELETE FROM docs WHERE id = $1", 1, del));
	r = harness_exec_ok(c, "SELECT op || ':' || doc || ':' || body FROM docs_log ORDER BY n");
	ck_assert_int_eq(PQntuples(r), 3);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "INSERT:1:first draft");
	ck_assert_str_eq(PQgetvalue(r, 1, 0), "UPDATE:1:second draft");
	ck_assert_str_eq(PQgetvalue(r, 2, 0), "DELETE:1:second draft");
	PQclear(r);
	/* a rolled-back statement leaves no log row */
	harness_exec(c, "BEGIN");
	PQclear(params(c, "INSERT INTO docs (body) VALUES ($1)", 1, ins));
	harness_exec(c, "ROLLBACK");
	harness_expect_value(c, "SELECT count(*) FROM docs_log", "3");
	harness_exec(c, "DROP TRIGGER docs_log ON docs");
	PQclear(params(c, "INSERT INTO docs (body) VALUES ($1)", 1, ins));
	harness_expect_value(c, "SELECT count(*) FROM docs_log", "3");
	PQfinish(c);
}
END_TEST

/* CALL p($1) of a procedure that COMMITs (a batching migration, through psycopg or JDBC):
 * outside a transaction block each COMMIT ends a transaction, and the statement's own ends
 * after it; inside one it is 2D000, as PostgreSQL's. */
START_TEST(call_commit_through_bind)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE batches (i int)");
	harness_exec(c, "CREATE PROCEDURE batch(n int) LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..n "
			"LOOP INSERT INTO batches VALUES (i); IF i = 2 THEN ROLLBACK; ELSE COMMIT; "
			"END IF; END LOOP; INSERT INTO batches VALUES (100); END $$");
	PGresult *r = params(c, "CALL batch($1)", 1, (const char *[]){"3"});
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	ck_assert_str_eq(PQcmdStatus(r), "CALL");
	PQclear(r);
	harness_expect_value(c, "SELECT string_agg(i::text, ',' ORDER BY i) FROM batches",
			     "1,3,100");
	harness_exec(c, "BEGIN");
	r = PQexecParams(c, "CALL batch($1)", 1, NULL, (const char *[]){"1"}, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "2D000");
	PQclear(r);
	harness_exec(c, "ROLLBACK");
	/* no transaction is left open: a later one begins and ends as usual */
	harness_exec(c, "BEGIN");
	harness_exec(c, "INSERT INTO batches VALUES (7)");
	harness_exec(c, "ROLLBACK");
	harness_expect_value(c, "SELECT count(*) FROM batches", "3");
	PQfinish(c);
}
END_TEST

/* CALL p($1, $2) as JDBC's {call p(?, ?)}, psycopg and node-postgres send it: the values are
 * bound, the procedure runs once, Describe answers NoData and the tag is CALL; an error it
 * does not handle undoes its changes. */
START_TEST(call_through_bind)
{
	PGconn *c = harness_connect(&H, "dbname=acme");
	harness_exec(c, "CREATE TABLE moves (who text, n int)");
	harness_exec(c, "CREATE PROCEDURE record_move(w text, k int) LANGUAGE plpgsql AS $$ BEGIN "
			"INSERT INTO moves VALUES (w, k); IF k < 0 THEN RAISE EXCEPTION 'negative "
			"%', k USING ERRCODE = '22023'; END IF; END $$");
	PGresult *r = PQprepare(c, "mv", "CALL record_move($1, $2)", 0, NULL);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	PQclear(r);
	r = PQdescribePrepared(c, "mv");
	ck_assert_int_eq(PQnparams(r), 2);
	ck_assert_int_eq((int)PQparamtype(r, 0), 25);
	ck_assert_int_eq((int)PQparamtype(r, 1), 23);
	ck_assert_int_eq(PQnfields(r), 0);
	PQclear(r);
	const char *v[] = {"ann", "3"};
	r = PQexecPrepared(c, "mv", 2, v, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	ck_assert_str_eq(PQcmdStatus(r), "CALL");
	PQclear(r);
	const char *bad[] = {"bob", "-1"};
	r = PQexecPrepared(c, "mv", 2, bad, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "22023");
	PQclear(r);
	PQclear(params(c, "CALL record_move(k => $1, w => 'cy')", 1, (const char *[]){"4"}));
	harness_expect_value(c, "SELECT string_agg(who || n, ',' ORDER BY n) FROM moves", "ann3,cy4");
	/* INOUT parameters: their values as one row, typed as the parameters */
	harness_exec(c, "CREATE PROCEDURE bump(INOUT n int, INOUT tag text) LANGUAGE plpgsql AS "
			"$$ BEGIN n := n + 1; tag := tag || n; END $$");
	r = params(c, "CALL bump($1, $2)", 2, (const char *[]){"41", "t"});
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQcmdStatus(r), "CALL");
	ck_assert_int_eq(PQnfields(r), 2);
	ck_assert_str_eq(PQfname(r, 0), "n");
	ck_assert_int_eq((int)PQftype(r, 0), 23);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "42");
	ck_assert_str_eq(PQgetvalue(r, 0, 1), "t42");
	PQclear(r);
	/* an OUT parameter's place takes a (NULL) parameter of its type, as JDBC sends it */
	harness_exec(c, "CREATE PROCEDURE halve(n int, OUT h int) LANGUAGE plpgsql AS "
			"$$ BEGIN h := n / 2; END $$");
	r = PQprepare(c, "hv", "CALL halve($1, $2)", 0, NULL);
	ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	r = PQdescribePrepared(c, "hv");
	ck_assert_int_eq((int)PQparamtype(r, 1), 23);
	ck_assert_int_eq(PQnfields(r), 1);
	PQclear(r);
	r = PQexecPrepared(c, "hv", 2, (const char *[]){"9", NULL}, NULL, NULL, 0);
	ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "4");
	PQclear(r);
	/* set-returning functions side by side with Bind parameters in their arguments */
	harness_exec(c, "CREATE FUNCTION upto(n int) RETURNS SETOF int LANGUAGE sql AS "
			"'SELECT generate_series(1, n)'");
	r = params(c, "SELECT upto($1) AS u, generate_series(10, $2) + 1 AS g", 2,
		   (const char *[]){"1", "11"});
	ck_assert_int_eq(PQntuples(r), 2);
	ck_assert_int_eq((int)PQftype(r, 0), 23);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	ck_assert_int_eq(PQgetisnull(r, 1, 0), 1);
	ck_assert_str_eq(PQgetvalue(r, 1, 1), "12");
	PQclear(r);
	/* a parameter declared void is no argument, as PostgreSQL's parser drops it (pgJDBC's
	 * OUT placeholder), first or last */
	const Oid vtypes[] = {2278, 23};
	r = PQprepare(c, "vd1", "SELECT * FROM upto($1, $2) AS result", 2, vtypes);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	PQclear(r);
	r = PQexecPrepared(c, "vd1", 2, (const char *[]){NULL, "2"}, NULL, NULL, 0);
	ck_assert_int_eq(PQntuples(r), 2);
	PQclear(r);
	const Oid vtypes2[] = {23, 2278};
	r = PQprepare(c, "vd2", "SELECT upto($1, $2)", 2, vtypes2);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	PQclear(r);
	r = PQexecPrepared(c, "vd2", 2, (const char *[]){"3", NULL}, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQresultErrorMessage(r));
	ck_assert_int_eq(PQntuples(r), 3);
	PQclear(r);
	/* a refcursor result FETCHed in the same transaction, as JDBC and psqlODBC do */
	harness_exec(c, "CREATE FUNCTION moves_of(w text) RETURNS refcursor LANGUAGE plpgsql AS "
			"$$ DECLARE c refcursor; BEGIN OPEN c FOR SELECT n FROM moves WHERE who = w; "
			"RETURN c; END $$");
	harness_exec(c, "BEGIN");
	r = params(c, "SELECT moves_of($1)", 1, (const char *[]){"cy"});
	ck_assert_int_eq((int)PQftype(r, 0), 1790);
	char *portal = strdup(PQgetvalue(r, 0, 0));
	PQclear(r);
	char *fetch = malloc(strlen(portal) + 32);
	sprintf(fetch, "FETCH ALL IN \"%s\"", portal);
	r = params(c, fetch, 0, NULL);
	ck_assert_int_eq(PQntuples(r), 1);
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "4");
	ck_assert_int_eq((int)PQftype(r, 0), 23);
	PQclear(r);
	harness_exec(c, "COMMIT");
	harness_exec_fail(c, fetch, "34000");
	free(fetch);
	free(portal);
	PQfinish(c);
}
END_TEST

/* A procedure's statement after its COMMIT that meets another session's write lock waits for
 * it, as PostgreSQL's does (its committed part cannot run again, so it does not park and start
 * over): the CALL ends once the other transaction commits, with every row; lock_timeout still
 * ends the wait with 55P03. */
START_TEST(call_waits_after_commit)
{
	PGconn *a = harness_connect(&H, "dbname=acme");
	PGconn *b = harness_connect(&H, "dbname=acme");
	harness_exec(a, "CREATE TABLE lt (v int)");
	harness_exec(a, "CREATE PROCEDURE lp(k int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO lt "
			"VALUES (k); COMMIT; PERFORM pg_sleep(0.4); INSERT INTO lt VALUES (k + 1); "
			"COMMIT; END $$");
	ck_assert_int_eq(PQsendQuery(a, "CALL lp(1)"), 1);
	harness_exec(b, "SELECT pg_sleep(0.15)"); /* a's first row committed meanwhile */
	harness_exec(b, "BEGIN");
	harness_exec(b, "INSERT INTO lt VALUES (10)");
	harness_exec(b, "SELECT pg_sleep(0.8)"); /* a's second INSERT meets the lock */
	harness_exec(b, "COMMIT");
	PGresult *r = PQgetResult(a);
	ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK, "%s", PQresultErrorMessage(r));
	PQclear(r);
	while ((r = PQgetResult(a)))
		PQclear(r);
	harness_expect_value(a, "SELECT string_agg(v::text, ',' ORDER BY v) FROM lt", "1,2,10");
	/* with lock_timeout the wait ends in PostgreSQL's error */
	harness_exec(a, "SET lock_timeout = '200ms'");
	ck_assert_int_eq(PQsendQuery(a, "CALL lp(20)"), 1);
	harness_exec(b, "SELECT pg_sleep(0.15)");
	harness_exec(b, "BEGIN");
	harness_exec(b, "INSERT INTO lt VALUES (30)");
	harness_exec(b, "SELECT pg_sleep(0.8)");
	harness_exec(b, "COMMIT");
	r = PQgetResult(a);
	ck_assert_int_eq(PQresultStatus(r), PGRES_FATAL_ERROR);
	ck_assert_str_eq(PQresultErrorField(r, PG_DIAG_SQLSTATE), "55P03");
	PQclear(r);
	while ((r = PQgetResult(a)))
		PQclear(r);
	harness_expect_value(a, "SELECT count(*) FROM lt WHERE v = 21", "0");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("udf");
	TCase *tc = tcase_create("udf");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, functions_through_bind);
	tcase_add_test(tc, triggers_through_bind);
	tcase_add_test(tc, call_through_bind);
	tcase_add_test(tc, call_commit_through_bind);
	tcase_add_test(tc, call_waits_after_commit);
	suite_add_tcase(s, tc);
	return check_run(s);
}
