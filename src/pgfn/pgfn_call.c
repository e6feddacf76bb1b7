/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_call.c: shardlite_call(name, sig, args...), the call of a function the tenant made
 * with CREATE FUNCTION, and the trigger entry points of CREATE TRIGGER. The body runs in the
 * session's PL/pgSQL interpreter on this same connection (src/session/sess_udf.c,
 * sess_trigger.c), which the session lends as pgfn_session.call_fn: the arrow points down,
 * pgfn knows nothing of sessions. Also shardlite_raise(sqlstate, message). */
#include "pgfn_int.h"

#include <string.h>

static void forward(sqlite3_context *ctx, enum pgfn_call_kind kind, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const struct pgfn_session *s = c->sess;
	if (argc < 2) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "shardlite_call: missing arguments");
		return;
	}
	if (!s || !s->call_fn) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "calling function %s is not supported here (no session to run it)",
			   (const char *)sqlite3_value_text(argv[0]));
		return;
	}
	s->call_fn(s->call_arg, ctx, kind, argc, argv);
}

static void fn_call(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	forward(ctx, PGFN_CALL_FUNCTION, argc, argv);
}

static void fn_trigger(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	forward(ctx, PGFN_CALL_TRIGGER, argc, argv);
}

static void fn_apply(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	forward(ctx, PGFN_CALL_TRIGGER_APPLY, argc, argv);
}

/* pg_trigger_depth(): the trigger functions running, nested; none without a session. */
static void fn_depth(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_TRIGGER_DEPTH, argc, argv);
	else
		sqlite3_result_int(ctx, 0);
}

/* shardlite_transition(name): the rows of the running trigger function's transition table
 * (REFERENCING ... TABLE AS name) as a JSON array of arrays; none without a session. */
static void fn_transition(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_TRANSITION, argc, argv);
	else
		sqlite3_result_text(ctx, "[]", 2, SQLITE_STATIC);
}

/* shardlite_exclude_skipping(): whether an EXCLUDE constraint's conflicting row is skipped
 * (INSERT ... ON CONFLICT DO NOTHING); (keys): also with a conflict target of those key
 * columns (a NULLS NOT DISTINCT key's trigger); never without a session. */
static void fn_exclude_skipping(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_EXCLUDE_SKIP, argc, argv);
	else
		sqlite3_result_int(ctx, 0);
}

/* shardlite_unique_pending(name, rowid): the session keeps the row for the key's check; a
 * connection without a session (a migration) does not check it. */
static void fn_unique_pending(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_UNIQUE_PENDING, argc, argv);
	else
		sqlite3_result_null(ctx);
}

/* shardlite_returning(), shardlite_upsert(table), shardlite_excluded(table, column, value):
 * RETURNING and ON CONFLICT DO UPDATE as a BEFORE trigger changed the row; without a session
 * NULL, true and value. */
static void fn_returning(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_RETURNING, argc, argv);
	else
		sqlite3_result_null(ctx);
}

static void fn_upsert(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_UPSERT, argc, argv);
	else
		sqlite3_result_int(ctx, 1);
}

static void fn_excluded(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_EXCLUDED, argc, argv);
	else
		sqlite3_result_value(ctx, argv[2]);
}

/* shardlite_current_of(cursor, table): without a session there is no cursor */
static void fn_current_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	if (c->sess && c->sess->call_fn)
		c->sess->call_fn(c->sess->call_arg, ctx, PGFN_CALL_CURRENT_OF, argc, argv);
	else
		pgfn_error(ctx, "34000", "cursor \"%s\" does not exist", name ? name : "");
}

static void fn_raise(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *state = (const char *)sqlite3_value_text(argv[0]);
	const char *msg = (const char *)sqlite3_value_text(argv[1]);
	pgfn_error(ctx, state && strlen(state) == 5 ? state : SQLSTATE_INTERNAL_ERROR, "%s",
		   msg ? msg : "");
}

int pgfn_register_call(sqlite3 *db, struct pgfn_conn *c)
{
	/* Not deterministic (a function may read and write tables); innocuous so that a column
	 * DEFAULT, a view or a CHECK may call it, as in PostgreSQL (the schema is not trusted:
	 * shard_authz.c) — what it runs is the tenant's own SQL, checked like a client's. */
	static const struct pgfn_def defs[] = {
		{"shardlite_call", -1, fn_call},
		{"shardlite_trigger", -1, fn_trigger},
		{"shardlite_trigger_apply", 2, fn_apply},
		{"pg_trigger_depth", 0, fn_depth},
		{"shardlite_transition", 1, fn_transition},
		{"shardlite_exclude_skipping", 0, fn_exclude_skipping},
		{"shardlite_exclude_skipping", 1, fn_exclude_skipping},
		{"shardlite_unique_pending", 2, fn_unique_pending},
		{"shardlite_returning", -1, fn_returning},
		{"shardlite_upsert", 1, fn_upsert},
		{"shardlite_excluded", 3, fn_excluded},
		{"shardlite_current_of", 2, fn_current_of}};
	/* an IMMUTABLE function's call in an index key or a generated column (xlat_call.c) */
	static const struct pgfn_def immutable[] = {{"shardlite_icall", -1, fn_call}};
	int rc = pgfn_define_with(db, defs, ARRAY_LEN(defs), SQLITE_UTF8 | SQLITE_INNOCUOUS, c);
	if (rc == SQLITE_OK)
		rc = pgfn_define_with(db, immutable, ARRAY_LEN(immutable),
				      SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC, c);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "shardlite_raise", 2,
						SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, fn_raise,
						NULL, NULL, NULL);
	return rc;
}
