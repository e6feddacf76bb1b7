/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_call.c: shardlite_call / shardlite_trigger / shardlite_trigger_apply
 * (pgfn_call.c) — refused without a session, handed to the session's call_fn with their kind
 * and arguments, usable from a column default and a SQLite trigger (the schema is not
 * trusted: they are innocuous), and shardlite_raise's error with its SQLSTATE. */
#include "pgfn_test.h"

#include <stdio.h>
#include <string.h>

struct seen {
	enum pgfn_call_kind kind;
	int argc, calls;
	char first[64];
};

/* A stand-in for the session: the sum of the arguments after the first two, or an error. */
static void call_fn(void *arg, sqlite3_context *ctx, enum pgfn_call_kind kind, int argc,
		    sqlite3_value **argv)
{
	struct seen *s = arg;
	s->kind = kind;
	s->argc = argc;
	s->calls++;
	snprintf(s->first, sizeof(s->first), "%s", (const char *)sqlite3_value_text(argv[0]));
	if (strcmp(s->first, "fail") == 0) {
		pgfn_error(ctx, "P0001", "failed on purpose");
		return;
	}
	int64_t sum = 0;
	for (int i = 2; i < argc; i++)
		sum += sqlite3_value_int64(argv[i]);
	sqlite3_result_int64(ctx, sum);
}

static const char *run(sqlite3 *db, const char *sql)
{
	static char out[256];
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		snprintf(out, sizeof(out), "%s", t ? t : "NULL");
	} else if (rc == SQLITE_DONE) {
		snprintf(out, sizeof(out), "DONE");
	} else {
		char state[6];
		const char *text;
		if (pgfn_error_split(sqlite3_errmsg(db), state, &text))
			snprintf(out, sizeof(out), "ERROR %s: %s", state, text);
		else
			snprintf(out, sizeof(out), "ERROR ?????: %s", sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	return out;
}

START_TEST(without_session)
{
	ck_assert_str_eq(pgfn_test_eval("shardlite_call('f', '23', 1)"),
			 "ERROR 0A000: calling function f is not supported here (no session to "
			 "run it)");
	ck_assert_str_eq(pgfn_test_eval("shardlite_raise('42710', 'it exists')"),
			 "ERROR 42710: it exists");
}
END_TEST

START_TEST(with_session)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL), SQLITE_OK);
	struct pgfn_conn *c = pgfn_register(db);
	ck_assert_ptr_nonnull(c);
	struct seen seen = {0};
	struct pgfn_session sess = {.call_fn = call_fn, .call_arg = &seen};
	pgfn_lend(c, &sess);
	ck_assert_str_eq(run(db, "SELECT shardlite_call('add', '23 23', 2, 3)"), "5");
	ck_assert_int_eq(seen.kind, PGFN_CALL_FUNCTION);
	ck_assert_int_eq(seen.argc, 4);
	ck_assert_str_eq(seen.first, "add");
	ck_assert_str_eq(run(db, "SELECT shardlite_call('fail', '')"),
			 "ERROR P0001: failed on purpose");
	/* from a column default and from a SQLite trigger, as CREATE TRIGGER writes them */
	ck_assert_str_eq(run(db, "CREATE TABLE t (a int, b int DEFAULT (shardlite_call('d', '', "
				 "40, 2)))"),
			 "DONE");
	ck_assert_str_eq(run(db, "CREATE TRIGGER \"t.x.ins\" AFTER INSERT ON t FOR EACH ROW "
				 "BEGIN SELECT shardlite_trigger('x', 't', 'INSERT', 1, NEW.a, "
				 "NULL); END"),
			 "DONE");
	ck_assert_str_eq(run(db, "INSERT INTO t (a) VALUES (7)"), "DONE");
	ck_assert_int_eq(seen.kind, PGFN_CALL_TRIGGER);
	ck_assert_str_eq(seen.first, "x");
	ck_assert_str_eq(run(db, "SELECT b FROM t"), "42");
	ck_assert_str_eq(run(db, "SELECT shardlite_trigger_apply('t', 1)"), "0");
	ck_assert_int_eq(seen.kind, PGFN_CALL_TRIGGER_APPLY);
	pgfn_lend(c, NULL);
	sqlite3_close(db);
}
END_TEST

Suite *pgfn_test_call_suite(void)
{
	Suite *s = suite_create("pgfn_call");
	TCase *tc = tcase_create("call");
	tcase_add_test(tc, without_session);
	tcase_add_test(tc, with_session);
	suite_add_tcase(s, tc);
	return s;
}
