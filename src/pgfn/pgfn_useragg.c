/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_useragg.c: the aggregates of CREATE AGGREGATE, as the translator writes a call:
 *   shardlite_agg_end(final, init, count(*), shardlite_agg(step, init, strict, args...))
 * shardlite_agg runs the SQLite SQL of the transition call (step: the state ?1 and the
 * arguments ?2.. into the new state) per row from the initial state (init's SQL, NULL when
 * there is no INITCOND), on the same connection, as PostgreSQL's advance_transition_function
 * does (strict: rows with a NULL argument are skipped, and without INITCOND the first one's
 * value is the state); shardlite_agg_end gives a group without rows the initial state and runs
 * the final function (final: ?1 the state, NULL when none). A transition or final function
 * that is the tenant's own goes through shardlite_call like any call. Not a window function. */
#include "pgfn_int.h"

#include <string.h>

struct agg {
	bool begun;       /* the initial state is set */
	sqlite3_value *state; /* NULL: SQL NULL */
	sqlite3_stmt *step;   /* prepared at the first row, kept for the group */
	bool failed;
};

/* The first row of sql (parameters bound from argv, n of them) into *out (a copy; NULL for
 * SQL NULL); false with ctx's error. */
static bool run(sqlite3_context *ctx, sqlite3_stmt *st, sqlite3_value *const *argv, int n,
		sqlite3_value **out)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	for (int i = 0; i < n; i++) {
		int rc = argv[i] ? sqlite3_bind_value(st, i + 1, argv[i]) : sqlite3_bind_null(st, i + 1);
		if (rc != SQLITE_OK) {
			sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
			return false;
		}
	}
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1); /* keeps the SQLSTATE tag */
		sqlite3_reset(st);
		return false;
	}
	sqlite3_value *v = sqlite3_column_value(st, 0);
	*out = sqlite3_value_type(v) == SQLITE_NULL ? NULL : sqlite3_value_dup(v);
	bool ok = sqlite3_value_type(v) == SQLITE_NULL || *out;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!ok)
		sqlite3_result_error_nomem(ctx);
	return ok;
}

/* sql prepared, run once with the n values of argv. */
static bool run_once(sqlite3_context *ctx, sqlite3_value *sqlv, sqlite3_value *const *argv,
		     int n, sqlite3_value **out)
{
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	const char *sql = (const char *)sqlite3_value_text(sqlv);
	if (sqlite3_prepare_v2(db, sql ? sql : "", -1, &st, NULL) != SQLITE_OK || !st) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		sqlite3_finalize(st);
		return false;
	}
	bool ok = run(ctx, st, argv, n, out);
	sqlite3_finalize(st);
	return ok;
}

/* The state before the first row: INITCOND read as the state's type, or NULL. */
static bool begin(sqlite3_context *ctx, struct agg *g, sqlite3_value *init)
{
	g->begun = true;
	if (sqlite3_value_type(init) == SQLITE_NULL)
		return true;
	return run_once(ctx, init, NULL, 0, &g->state);
}

static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg *g = sqlite3_aggregate_context(ctx, sizeof(*g));
	if (!g) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (g->failed || argc < 3)
		return;
	if (!g->begun && !begin(ctx, g, argv[1])) {
		g->failed = true;
		return;
	}
	int nargs = argc - 3 > 100 ? 100 : argc - 3; /* FUNC_MAX_ARGS */
	bool strict = sqlite3_value_int(argv[2]) != 0;
	for (int i = 0; strict && i < nargs; i++)
		if (sqlite3_value_type(argv[3 + i]) == SQLITE_NULL)
			return; /* a strict transition function skips the row */
	if (strict && !g->state && nargs > 0) { /* no INITCOND: the first input is the state */
		if (!(g->state = sqlite3_value_dup(argv[3])))
			sqlite3_result_error_nomem(ctx);
		return;
	}
	if (strict && !g->state)
		return;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	const char *sql = (const char *)sqlite3_value_text(argv[0]);
	if (!g->step && sqlite3_prepare_v2(db, sql ? sql : "", -1, &g->step, NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		g->failed = true;
		return;
	}
	sqlite3_value *params[101];
	params[0] = g->state;
	for (int i = 0; i < nargs; i++)
		params[i + 1] = argv[3 + i];
	sqlite3_value *next = NULL;
	if (!run(ctx, g->step, params, nargs + 1, &next)) {
		g->failed = true;
		return;
	}
	sqlite3_value_free(g->state);
	g->state = next;
}

/* The group's state (NULL when it had no rows: shardlite_agg_end begins it). */
static void agg_final(sqlite3_context *ctx)
{
	struct agg *g = sqlite3_aggregate_context(ctx, 0);
	if (!g) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_finalize(g->step);
	g->step = NULL;
	if (g->failed)
		sqlite3_result_error(ctx, "shardlite_agg: the transition failed", -1);
	else if (g->state)
		sqlite3_result_value(ctx, g->state);
	else
		sqlite3_result_null(ctx);
	sqlite3_value_free(g->state);
	g->state = NULL;
}

/* shardlite_agg_end(final, init, nrows, state): the aggregate's value. */
static void agg_end(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *state = NULL, *result = NULL;
	bool empty = sqlite3_value_int64(argv[2]) == 0;
	if (empty && sqlite3_value_type(argv[1]) != SQLITE_NULL &&
	    !run_once(ctx, argv[1], NULL, 0, &state))
		return;
	sqlite3_value *in = empty ? state : sqlite3_value_type(argv[3]) == SQLITE_NULL ? NULL : argv[3];
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		if (in)
			sqlite3_result_value(ctx, in);
		else
			sqlite3_result_null(ctx);
	} else if (run_once(ctx, argv[0], &in, 1, &result)) {
		if (result)
			sqlite3_result_value(ctx, result);
		else
			sqlite3_result_null(ctx);
	}
	sqlite3_value_free(state);
	sqlite3_value_free(result);
}

int pgfn_register_useragg(sqlite3 *db)
{
	/* innocuous as shardlite_call: what runs is the tenant's own SQL */
	int rc = sqlite3_create_function_v2(db, "shardlite_agg", -1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					    NULL, NULL, agg_step, agg_final, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function_v2(db, "shardlite_agg_end", 4,
						SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, agg_end, NULL,
						NULL, NULL);
	return rc;
}
