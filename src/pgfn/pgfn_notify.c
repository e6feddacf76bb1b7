/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_notify.c: pg_notify(channel, payload), NOTIFY as a function, and what the session says
 * of its listening: pgfn_listening_channels() (the array pg_listening_channels() unnests) and
 * pg_notification_queue_usage(). The session lent to the connection (pgfn_session) keeps a
 * notification until its transaction commits (src/session/sess_notify.c); a connection
 * without one (a migration) refuses pg_notify. */
#include "pgfn_int.h"

#include <string.h>

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

/* The channels as an array text ({a,"b c"}), text[]. */
static void fn_channels(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const struct pgfn_session *s = c->sess;
	struct strbuf names, out;
	strbuf_init(&names, 0);
	strbuf_init(&out, 0);
	size_t n = s && s->channels_fn ? s->channels_fn(s->notify_arg, &names) : 0;
	strbuf_putc(&out, '{');
	const char *p = names.data;
	for (size_t i = 0; i < n && p; i++, p += strlen(p) + 1) {
		if (i)
			strbuf_putc(&out, ',');
		pgfn_array_put_elem(&out, p);
	}
	strbuf_putc(&out, '}');
	if (names.failed || out.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, out.data, (int)out.len, SQLITE_TRANSIENT);
	strbuf_fini(&names);
	strbuf_fini(&out);
}

static void fn_queue_usage(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const struct pgfn_session *s = c->sess;
	sqlite3_result_double(ctx, s && s->queue_usage_fn ? s->queue_usage_fn(s->notify_arg) : 0);
}

int pgfn_register_notify(sqlite3 *db, struct pgfn_conn *c)
{
	/* volatile and with effects: never folded, never run from a schema object */
	int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
	int rc = sqlite3_create_function_v2(db, "pg_notify", 2, flags, c, fn_notify, NULL, NULL,
					    NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "pgfn_listening_channels", 0, flags, c,
						fn_channels, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "pg_notification_queue_usage", 0, flags, c,
						fn_queue_usage, NULL, NULL, NULL);
	return rc;
}
