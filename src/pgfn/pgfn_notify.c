/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_notify.c: pg_notify(channel, payload), NOTIFY as a function. The session lent to the
 * connection (pgfn_session.notify_fn) keeps the notification until its transaction commits
 * (src/session/sess_notify.c); a connection without one (a migration) refuses it. */
#include "pgfn_int.h"

static const char *text_arg(sqlite3_value *v)
{
	return sqlite3_value_type(v) == SQLITE_NULL ? NULL : (const char *)sqlite3_value_text(v);
}

static void fn_notify(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const struct pgfn_session *s = c->sess;
	if (!s || !s->notify_fn) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "pg_notify() is not supported here (no session to notify from)");
		return;
	}
	struct pgerr err;
	pgerr_clear(&err);
	/* PostgreSQL's pg_notify is not strict: a NULL channel is an empty one (refused), a
	 * NULL payload an empty one */
	if (!s->notify_fn(s->notify_arg, text_arg(argv[0]), text_arg(argv[1]), &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); /* void: an empty text, as void_out */
}

int pgfn_register_notify(sqlite3 *db, struct pgfn_conn *c)
{
	/* volatile and with effects: never folded, never run from a schema object */
	return sqlite3_create_function_v2(db, "pg_notify", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, c,
					  fn_notify, NULL, NULL, NULL);
}
