/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_notify.c: pg_notify() (pgfn_notify.c) — refused without a session, handing the
 * channel and payload (NULL as given) to the session's notify_fn, and its errors passed on
 * with their SQLSTATE. */
#include "pgfn_test.h"

#include <stdio.h>
#include <string.h>

struct seen {
	char channel[80], payload[80];
	bool channel_null, payload_null;
	int calls;
};

static bool notify_fn(void *arg, const char *channel, const char *payload, struct pgerr *err)
{
	struct seen *s = arg;
	s->calls++;
	s->channel_null = !channel;
	s->payload_null = !payload;
	snprintf(s->channel, sizeof(s->channel), "%s", channel ? channel : "");
	snprintf(s->payload, sizeof(s->payload), "%s", payload ? payload : "");
	if (channel && strcmp(channel, "full") == 0)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "too many notifications in the NOTIFY queue");
	return true;
}

/* Runs sql on db; returns the first column's text, or "ERROR SSSSS: text". */
static const char *run(sqlite3 *db, const char *sql)
{
	static char out[256];
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, sizeof(out), "%s", (const char *)sqlite3_column_text(st, 0));
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
	ck_assert_str_eq(pgfn_test_eval("pg_notify('a', 'b')"),
			 "ERROR 0A000: pg_notify() is not supported here (no session to notify from)");
}
END_TEST

START_TEST(with_session)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	struct pgfn_conn *c = pgfn_register(db);
	ck_assert_ptr_nonnull(c);
	struct seen seen = {0};
	struct pgfn_session sess = {.notify_fn = notify_fn, .notify_arg = &seen};
	pgfn_lend(c, &sess);
	ck_assert_str_eq(run(db, "SELECT pg_notify('jobs', 'x')"), "");
	ck_assert_int_eq(seen.calls, 1);
	ck_assert_str_eq(seen.channel, "jobs");
	ck_assert_str_eq(seen.payload, "x");
	/* not strict, as PostgreSQL's: NULLs reach the session, which decides */
	ck_assert_str_eq(run(db, "SELECT pg_notify(NULL, NULL)"), "");
	ck_assert(seen.channel_null && seen.payload_null);
	/* once per row, never folded by SQLite */
	ck_assert_str_eq(run(db, "SELECT count(pg_notify('jobs', 'same')) FROM (SELECT 1 UNION "
				 "ALL SELECT 2 UNION ALL SELECT 3)"), "3");
	ck_assert_int_eq(seen.calls, 5);
	ck_assert_str_eq(run(db, "SELECT pg_notify('full', 'x')"),
			 "ERROR 54000: too many notifications in the NOTIFY queue");
	pgfn_lend(c, NULL);
	sqlite3_close(db);
}
END_TEST

Suite *pgfn_test_notify_suite(void)
{
	Suite *s = suite_create("pgfn_notify");
	TCase *tc = tcase_create("notify");
	tcase_add_test(tc, without_session);
	tcase_add_test(tc, with_session);
	suite_add_tcase(s, tc);
	return s;
}
