/* SPDX-License-Identifier: Apache-2.0 */
/* test_readcommitted.c: READ COMMITTED with two libpq connections — a statement sees what
 * other sessions committed before it began (sess_rc.c), a write after another's commit works
 * on the newest row (Hibernate's @Version check matches none), FOR UPDATE after a read returns
 * the newest row, a cursor keeps its rows, REPEATABLE READ and SERIALIZABLE keep one snapshot
 * and 40001. Each scenario runs on shardlite and, when test_readcommitted.sh started one
 * (RC_PG_CONNINFO), on a real PostgreSQL 15 with the same expected answers, so they are
 * PostgreSQL's; a step whose answer differs (documented) says what PostgreSQL answers. */
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

/* One step of a scenario on connection a or b:
 *   'x' run sql and expect want (below); 's' send it and go on (it waits for a lock: not
 *   asserted how long); 'r' read the answer of what 's' sent on that connection.
 * want: NULL any success; "!SQLSTATE" that error; else the first column of every row joined
 * by ',' (a command: its tag, "UPDATE 0"). pg, when set, is PostgreSQL's different answer. */
struct step {
	char conn, op;
	const char *sql;
	const char *want;
	const char *pg;
};

#define END {0, 0, NULL, NULL, NULL}

static void check_result(PGconn *c, PGresult *r, const char *sql, const char *want,
			 const char *server)
{
	ExecStatusType st = PQresultStatus(r);
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
	if (want && want[0] == '!') {
		ck_assert_msg(!ok && state && strcmp(state, want + 1) == 0,
			      "%s: %s: expected %s, got %s %s", server, sql, want + 1,
			      state ? state : "success", PQerrorMessage(c));
		return;
	}
	ck_assert_msg(ok, "%s: %s: %s", server, sql, PQerrorMessage(c));
	if (!want)
		return;
	char got[512] = "";
	if (st == PGRES_COMMAND_OK) {
		snprintf(got, sizeof(got), "%s", PQcmdStatus(r));
	} else {
		size_t n = 0;
		for (int i = 0; i < PQntuples(r) && n < sizeof(got); i++)
			n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s", i ? "," : "",
					      PQgetvalue(r, i, 0));
	}
	ck_assert_msg(strcmp(got, want) == 0, "%s: %s: expected [%s], got [%s]", server, sql, want,
		      got);
}

static void run_on(PGconn *a, PGconn *b, const struct step *steps, bool pg)
{
	const char *server = pg ? "PostgreSQL" : "shardlite";
	for (const struct step *s = steps; s->op; s++) {
		PGconn *c = s->conn == 'a' ? a : b;
		const char *want = pg && s->pg ? s->pg : s->want;
		if (s->op == 's') {
			ck_assert(PQsendQuery(c, s->sql));
			/* let it reach the lock; either order gives one answer */
			usleep(150 * 1000);
			continue;
		}
		PGresult *r = s->op == 'r' ? PQgetResult(c) : PQexec(c, s->sql);
		ck_assert_msg(r != NULL, "%s: %s: no result", server, s->sql);
		check_result(c, r, s->sql, want, server);
		PQclear(r);
		if (s->op == 'r')
			while ((r = PQgetResult(c)))
				PQclear(r);
	}
}

/* The scenario on shardlite (tenant rc) and, when one was started, on PostgreSQL. */
static void run(const struct step *steps)
{
	PGconn *a = harness_connect(&H, "dbname=rc");
	PGconn *b = harness_connect(&H, "dbname=rc");
	run_on(a, b, steps, false);
	PQfinish(a);
	PQfinish(b);
	const char *pg = getenv("RC_PG_CONNINFO");
	if (!pg || !*pg)
		return;
	a = PQconnectdb(pg);
	b = PQconnectdb(pg);
	ck_assert_msg(PQstatus(a) == CONNECTION_OK && PQstatus(b) == CONNECTION_OK,
		      "PostgreSQL: %s", PQerrorMessage(a));
	run_on(a, b, steps, true);
	PQfinish(a);
	PQfinish(b);
}

#define BOOK                                                                                    \
	{'a', 'x', "DROP TABLE IF EXISTS book", NULL, NULL},                                    \
	{'a', 'x', "CREATE TABLE book (id int PRIMARY KEY, title text, version int NOT NULL)",  \
	 NULL, NULL},                                                                           \
	{'a', 'x', "INSERT INTO book VALUES (1, 'first', 0), (2, 'second', 0)", NULL, NULL}

/* The ORM pattern: read, another session commits, update — the newest row is updated. */
START_TEST(update_after_a_read_updates_the_newest_row)
{
	static const struct step s[] = {
		BOOK,
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "0", NULL},
		{'a', 'x', "UPDATE book SET title = 'by a', version = version + 1 WHERE id = 1",
		 "UPDATE 1", NULL},
		{'b', 'x', "SELECT title FROM book WHERE id = 1", "by a", NULL},
		{'b', 'x', "UPDATE book SET version = version + 10 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "11", NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		{'a', 'x', "SELECT title || ' ' || version FROM book WHERE id = 1", "by a 11", NULL},
		END,
	};
	run(s);
}
END_TEST

/* Hibernate's @Version: the second writer's UPDATE ... WHERE version = 0 matches no row once
 * the first committed version 1 (StaleObjectStateException), instead of 40001. */
START_TEST(version_check_after_another_commit_matches_no_row)
{
	static const struct step s[] = {
		BOOK,
		{'a', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "BEGIN", NULL, NULL},
		{'a', 'x', "SELECT version FROM book WHERE id = 1", "0", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "0", NULL},
		{'a', 'x', "UPDATE book SET title = 'a', version = 1 WHERE id = 1 AND version = 0",
		 "UPDATE 1", NULL},
		{'a', 'x', "COMMIT", NULL, NULL},
		{'b', 'x', "UPDATE book SET title = 'b', version = 1 WHERE id = 1 AND version = 0",
		 "UPDATE 0", NULL},
		{'b', 'x', "ROLLBACK", NULL, NULL},
		{'a', 'x', "SELECT title FROM book WHERE id = 1", "a", NULL},
		END,
	};
	run(s);
}
END_TEST

/* A write that waits for another's write lock, in a transaction that read before: once the
 * other commits, it works on the row that one left (PostgreSQL re-reads the updated row). */
START_TEST(waiting_write_after_a_read_sees_the_commit)
{
	static const struct step s[] = {
		BOOK,
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "0", NULL},
		{'a', 'x', "BEGIN", NULL, NULL},
		{'a', 'x', "UPDATE book SET version = 5 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 's', "UPDATE book SET version = version + 1 WHERE id = 1", NULL, NULL},
		{'a', 'x', "COMMIT", NULL, NULL},
		{'b', 'r', "UPDATE book SET version = version + 1 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "6", NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		END,
	};
	run(s);
}
END_TEST

/* A function that reads, then writes after another session committed (graphile-worker's
 * add_job while its workers run): SQLite's stale snapshot at its first write made the call
 * 40001; the calling statement runs again with a new snapshot, alone and in a block, as
 * PostgreSQL's READ COMMITTED never fails it. */
START_TEST(function_write_after_another_commit_runs_again)
{
	static const struct step s[] = {
		{'a', 'x', "DROP TABLE IF EXISTS jobq", NULL, NULL},
		{'a', 'x', "CREATE TABLE jobq (n int)", NULL, NULL},
		{'a', 'x',
		 "CREATE OR REPLACE FUNCTION rc_add(v int) RETURNS bigint AS $$ BEGIN "
		 "PERFORM count(*) FROM jobq; PERFORM pg_sleep(0.6); INSERT INTO jobq VALUES (v); "
		 "RETURN (SELECT count(*) FROM jobq); END $$ LANGUAGE plpgsql",
		 NULL, NULL},
		{'b', 's', "SELECT rc_add(1)", NULL, NULL},
		{'a', 'x', "INSERT INTO jobq VALUES (10)", "INSERT 0 1", NULL},
		{'b', 'r', "SELECT rc_add(1)", "2", NULL},
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "SELECT count(*) FROM jobq", "2", NULL},
		{'b', 's', "SELECT * FROM rc_add(2)", NULL, NULL},
		{'a', 'x', "INSERT INTO jobq VALUES (20)", "INSERT 0 1", NULL},
		{'b', 'r', "SELECT * FROM rc_add(2)", "4", NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		{'a', 'x', "SELECT n FROM jobq ORDER BY n", "1,2,10,20", NULL},
		END,
	};
	run(s);
}
END_TEST

/* A plain SELECT sees another's commit at the block's next statement; so do a prepared
 * statement (extended protocol), a statement after a savepoint (which stays usable), and the
 * statements of a multi-statement Query's implicit block. */
START_TEST(next_statement_sees_the_commit)
{
	static const struct step s[] = {
		BOOK,
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "SELECT count(*) FROM book", "2", NULL},
		{'a', 'x', "INSERT INTO book VALUES (3, 'third', 0)", NULL, NULL},
		{'b', 'x', "SELECT count(*) FROM book", "3", NULL},
		{'b', 'x', "SAVEPOINT one", NULL, NULL},
		{'b', 'x', "SELECT count(*) FROM book", "3", NULL},
		{'a', 'x', "INSERT INTO book VALUES (4, 'fourth', 0)", NULL, NULL},
		{'b', 'x', "SELECT count(*) FROM book", "4", NULL},
		{'b', 'x', "INSERT INTO book VALUES (10, 'b', 0)", NULL, NULL},
		{'b', 'x', "ROLLBACK TO SAVEPOINT one", NULL, NULL},
		{'b', 'x', "SELECT count(*) FROM book", "4", NULL},
		{'b', 'x', "RELEASE SAVEPOINT one", NULL, NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		{'b', 'x', "SELECT count(*) FROM book", "4", NULL},
		END,
	};
	run(s);
}
END_TEST

START_TEST(prepared_statement_sees_the_commit)
{
	PGconn *a = harness_connect(&H, "dbname=rcp");
	PGconn *b = harness_connect(&H, "dbname=rcp");
	harness_exec(a, "CREATE TABLE t (v int)");
	harness_exec(a, "INSERT INTO t VALUES (1)");
	PQclear(PQprepare(b, "cnt", "SELECT count(*) FROM t WHERE v > $1", 1, NULL));
	const char *zero[] = {"0"};
	harness_exec(b, "BEGIN");
	PGresult *r = PQexecPrepared(b, "cnt", 1, zero, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(b));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "1");
	PQclear(r);
	harness_exec(a, "INSERT INTO t VALUES (2)");
	r = PQexecPrepared(b, "cnt", 1, zero, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s", PQerrorMessage(b));
	ck_assert_str_eq(PQgetvalue(r, 0, 0), "2");
	PQclear(r);
	harness_exec(b, "COMMIT");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* SELECT ... FOR UPDATE after a read waits for the other's write lock and then returns the
 * row as the other committed it (it was 40001: docs/sql-compat.md). */
START_TEST(for_update_after_a_read_returns_the_newest_row)
{
	static const struct step s[] = {
		BOOK,
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "SELECT title FROM book WHERE id = 1", "first", NULL},
		{'a', 'x', "BEGIN", NULL, NULL},
		{'a', 'x', "UPDATE book SET title = 'locked by a' WHERE id = 1", "UPDATE 1", NULL},
		{'b', 's', "SELECT title FROM book WHERE id = 1 FOR UPDATE", NULL, NULL},
		{'a', 'x', "COMMIT", NULL, NULL},
		{'b', 'r', "SELECT title FROM book WHERE id = 1 FOR UPDATE", "locked by a", NULL},
		{'b', 'x', "UPDATE book SET version = 2 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		END,
	};
	run(s);
}
END_TEST

/* REPEATABLE READ and SERIALIZABLE keep the first statement's snapshot, and a write after
 * another's commit fails with 40001, as PostgreSQL's; so does a block begun under
 * default_transaction_isolation = 'repeatable read', or SET TRANSACTION's level. */
START_TEST(repeatable_read_keeps_its_snapshot)
{
	static const struct step s[] = {
		BOOK,
		{'b', 'x', "BEGIN ISOLATION LEVEL REPEATABLE READ", NULL, NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "0", NULL},
		{'a', 'x', "UPDATE book SET version = 1 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "0", NULL},
		{'b', 'x', "UPDATE book SET version = 7 WHERE id = 1", "!40001", NULL},
		{'b', 'x', "ROLLBACK", NULL, NULL},
		{'b', 'x', "BEGIN ISOLATION LEVEL SERIALIZABLE", NULL, NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 2", "0", NULL},
		{'a', 'x', "UPDATE book SET version = 1 WHERE id = 2", "UPDATE 1", NULL},
		{'b', 'x', "UPDATE book SET version = 7 WHERE id = 2", "!40001", NULL},
		{'b', 'x', "ROLLBACK", NULL, NULL},
		{'b', 'x', "SET default_transaction_isolation = 'repeatable read'", NULL, NULL},
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "SHOW transaction_isolation", "repeatable read", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "1", NULL},
		{'a', 'x', "UPDATE book SET version = 2 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "1", NULL},
		{'b', 'x', "ROLLBACK", NULL, NULL},
		{'b', 'x', "RESET default_transaction_isolation", NULL, NULL},
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", NULL, NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "2", NULL},
		{'a', 'x', "UPDATE book SET version = 3 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "2", NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		{'b', 'x', "SHOW transaction_isolation", "read committed", NULL},
		END,
	};
	run(s);
}
END_TEST

/* A cursor declared before another's commit keeps its rows. Differs (docs/sql-compat.md):
 * while it is open the block's other statements keep that snapshot too; PostgreSQL's see the
 * commit. Once it is closed they do. */
START_TEST(cursor_keeps_its_rows)
{
	static const struct step s[] = {
		BOOK,
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "DECLARE c CURSOR FOR SELECT id FROM book ORDER BY id", NULL, NULL},
		{'b', 'x', "FETCH 1 FROM c", "1", NULL},
		{'a', 'x', "INSERT INTO book VALUES (3, 'third', 0)", NULL, NULL},
		{'a', 'x', "DELETE FROM book WHERE id = 2", NULL, NULL},
		{'b', 'x', "FETCH ALL FROM c", "2", NULL},
		{'b', 'x', "SELECT count(*) FROM book", "2", "2"},
		{'b', 'x', "SELECT string_agg(id::text, ',' ORDER BY id) FROM book", "1,2", "1,3"},
		{'b', 'x', "CLOSE c", NULL, NULL},
		{'b', 'x', "SELECT string_agg(id::text, ',' ORDER BY id) FROM book", "1,3", NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		END,
	};
	run(s);
}
END_TEST

/* A block that wrote keeps its snapshot: it holds the tenant's write lock, so no one else
 * commits meanwhile (another writer waits for it, and then sees its rows). */
START_TEST(written_block_is_the_newest)
{
	static const struct step s[] = {
		BOOK,
		{'b', 'x', "BEGIN", NULL, NULL},
		{'b', 'x', "UPDATE book SET version = 1 WHERE id = 1", "UPDATE 1", NULL},
		{'a', 's', "UPDATE book SET version = version + 1 WHERE id = 1", NULL, NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "1", NULL},
		{'b', 'x', "COMMIT", NULL, NULL},
		{'a', 'r', "UPDATE book SET version = version + 1 WHERE id = 1", "UPDATE 1", NULL},
		{'b', 'x', "SELECT version FROM book WHERE id = 1", "2", NULL},
		END,
	};
	run(s);
}
END_TEST

/* Another process (the sqlite3 shell) commits to the tenant's file: the server's commit
 * counters do not see it, so a read keeps the old snapshot (documented), but a write meets
 * SQLITE_BUSY_SNAPSHOT, which READ COMMITTED answers by running it again with a new snapshot;
 * REPEATABLE READ's is 40001. */
static void other_process_sets(const char *tenant, const char *sql)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd),
		 "f=$(find '%s' -name '%s.db') && [ -n \"$f\" ] && "
		 "sqlite3 \"$f\" 'PRAGMA busy_timeout = 5000; %s;' >/dev/null",
		 H.data_dir, tenant, sql);
	ck_assert_msg(system(cmd) == 0, "%s", cmd);
}

START_TEST(write_after_another_process_commit_runs_again)
{
	PGconn *a = harness_connect(&H, "dbname=rcx");
	PGconn *b = harness_connect(&H, "dbname=rcx");
	harness_exec(a, "CREATE TABLE t (v int)");
	harness_exec(a, "INSERT INTO t VALUES (1)");
	harness_exec(b, "BEGIN");
	harness_expect_value(b, "SELECT v FROM t", "1");
	other_process_sets("rcx", "UPDATE t SET v = 2");
	harness_expect_value(b, "SELECT v FROM t", "1"); /* PostgreSQL: 2 (docs/sql-compat.md) */
	PGresult *r = harness_exec_ok(b, "UPDATE t SET v = v + 10");
	ck_assert_str_eq(PQcmdStatus(r), "UPDATE 1");
	PQclear(r);
	harness_expect_value(b, "SELECT v FROM t", "12");
	harness_exec(b, "COMMIT");
	harness_exec(b, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	harness_expect_value(b, "SELECT v FROM t", "12");
	other_process_sets("rcx", "UPDATE t SET v = 3");
	harness_exec_fail(b, "UPDATE t SET v = v + 10", "40001");
	harness_exec(b, "ROLLBACK");
	harness_expect_value(a, "SELECT v FROM t", "3");
	PQfinish(a);
	PQfinish(b);
}
END_TEST

/* A commit made through another tenant's session (a schema prefix attaches the file) counts
 * too; and a block that reads two tenants' files takes new snapshots of both. */
START_TEST(commit_through_a_schema_prefix_is_seen)
{
	PGconn *a = harness_connect(&H, "dbname=rca");
	PGconn *o = harness_connect(&H, "dbname=rco");
	harness_exec(a, "CREATE TABLE t (v int)");
	harness_exec(a, "INSERT INTO t VALUES (1)");
	harness_exec(o, "CREATE TABLE u (v int)");
	harness_exec(a, "BEGIN");
	harness_expect_value(a, "SELECT count(*) FROM t", "1");
	harness_exec(o, "INSERT INTO rca.t VALUES (2)");
	harness_expect_value(a, "SELECT count(*) FROM t", "2");
	harness_expect_value(a, "SELECT count(*) FROM rco.u", "0");
	harness_exec(o, "INSERT INTO u VALUES (1)");
	harness_expect_value(a, "SELECT (SELECT count(*) FROM rco.u) + (SELECT count(*) FROM t)",
			     "3");
	harness_exec(a, "COMMIT");
	PQfinish(a);
	PQfinish(o);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("readcommitted");
	TCase *tc = tcase_create("two sessions");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, update_after_a_read_updates_the_newest_row);
	tcase_add_test(tc, version_check_after_another_commit_matches_no_row);
	tcase_add_test(tc, waiting_write_after_a_read_sees_the_commit);
	tcase_add_test(tc, function_write_after_another_commit_runs_again);
	tcase_add_test(tc, next_statement_sees_the_commit);
	tcase_add_test(tc, prepared_statement_sees_the_commit);
	tcase_add_test(tc, for_update_after_a_read_returns_the_newest_row);
	tcase_add_test(tc, repeatable_read_keeps_its_snapshot);
	tcase_add_test(tc, cursor_keeps_its_rows);
	tcase_add_test(tc, written_block_is_the_newest);
	tcase_add_test(tc, write_after_another_process_commit_runs_again);
	tcase_add_test(tc, commit_through_a_schema_prefix_is_seen);
	suite_add_tcase(su, tc);
	return check_run(su);
}
