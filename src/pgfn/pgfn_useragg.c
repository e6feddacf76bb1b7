/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_useragg.c: the aggregates of CREATE AGGREGATE, as the translator writes a call:
 *   shardlite_agg_end(final, init, shardlite_agg(step, init, strict, flags, args..., keys...))
 * shardlite_agg runs the SQLite SQL of the transition call (step: the state ?1 and the
 * arguments ?2.. into the new state) per row from the initial state (init's SQL, NULL when
 * there is no INITCOND), on the same connection, as PostgreSQL's advance_transition_function
 * does (strict: rows with a NULL argument are skipped, and without INITCOND the first one's
 * value is the state); shardlite_agg_end gives a group without rows the initial state and runs
 * the final function (final: ?1 the state, NULL when none); the state passes between them
 * wrapped (result_wrapped). flags '' runs each row as it
 * comes; else the call had ORDER BY or DISTINCT: two letters per sort key (a/d, j/J for a
 * jsonb key; f/l NULLS FIRST/LAST, as pgfn_ordered_agg's) and a D for DISTINCT, and the rows
 * are kept, sorted and (DISTINCT) told apart by their arguments when the group ends. A
 * transition or final function that is the tenant's own goes through shardlite_call like any
 * call. Not a window function. */
#include "pgfn_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct agg {
	bool begun;       /* the initial state is set */
	sqlite3_value *state; /* NULL: SQL NULL */
	sqlite3_stmt *step;   /* prepared at the first row, kept for the group */
	bool failed;
	/* ORDER BY / DISTINCT: the rows kept (width values each: args, then keys) */
	char *step_sql, *init_sql, flags[40];
	bool strict, kept;
	int nargs, nkeys;
	sqlite3_value **rows;
	size_t n, cap;
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

/* One row's arguments into the state (a strict transition function's NULL rules). */
static bool advance(sqlite3_context *ctx, struct agg *g, const char *sql, sqlite3_value **args,
		    int nargs)
{
	for (int i = 0; g->strict && i < nargs; i++)
		if (sqlite3_value_type(args[i]) == SQLITE_NULL)
			return true; /* a strict transition function skips the row */
	if (g->strict && !g->state && nargs > 0) { /* no INITCOND: the first input is the state */
		if (!(g->state = sqlite3_value_dup(args[0])))
			sqlite3_result_error_nomem(ctx);
		return g->state != NULL;
	}
	if (g->strict && !g->state)
		return true;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (!g->step && sqlite3_prepare_v2(db, sql ? sql : "", -1, &g->step, NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		return false;
	}
	sqlite3_value *params[101];
	params[0] = g->state;
	for (int i = 0; i < nargs; i++)
		params[i + 1] = args[i];
	sqlite3_value *next = NULL;
	if (!run(ctx, g->step, params, nargs + 1, &next))
		return false;
	sqlite3_value_free(g->state);
	g->state = next;
	return true;
}

static char *dup_text(sqlite3_value *v)
{
	const char *t = (const char *)sqlite3_value_text(v);
	return t ? strdup(t) : NULL;
}

/* ORDER BY / DISTINCT: the row kept for the group's end. */
static bool keep(sqlite3_context *ctx, struct agg *g, sqlite3_value **argv, int argc)
{
	if (!g->kept) {
		const char *flags = (const char *)sqlite3_value_text(argv[3]);
		snprintf(g->flags, sizeof(g->flags), "%s", flags ? flags : "");
		g->nkeys = (int)(strlen(g->flags) - (strchr(g->flags, 'D') ? 1 : 0)) / 2;
		g->nargs = argc - 4 - g->nkeys;
		g->step_sql = dup_text(argv[0]);
		g->init_sql = sqlite3_value_type(argv[1]) == SQLITE_NULL ? NULL : dup_text(argv[1]);
		g->strict = sqlite3_value_int(argv[2]) != 0;
		g->kept = true;
		if (g->nargs < 0) {
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "shardlite_agg: bad flags");
			return false;
		}
	}
	size_t width = (size_t)(argc - 4);
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->rows = base_xrealloc(g->rows, g->cap * width * sizeof(*g->rows));
	}
	for (size_t i = 0; i < width; i++)
		g->rows[g->n * width + i] = sqlite3_value_dup(argv[4 + i]);
	g->n++;
	return true;
}

static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg *g = sqlite3_aggregate_context(ctx, sizeof(*g));
	if (!g) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (g->failed || argc < 4)
		return;
	if (sqlite3_value_bytes(argv[3]) > 0) { /* ORDER BY / DISTINCT: at the group's end */
		g->failed = !keep(ctx, g, argv, argc);
		return;
	}
	if (!g->begun && !begin(ctx, g, argv[1])) {
		g->failed = true;
		return;
	}
	g->strict = sqlite3_value_int(argv[2]) != 0;
	int nargs = argc - 4 > 100 ? 100 : argc - 4; /* FUNC_MAX_ARGS */
	g->failed = !advance(ctx, g, (const char *)sqlite3_value_text(argv[0]), argv + 4, nargs);
}

/* ---- the kept rows: sorted as pgfn_ordered_agg sorts them ---- */

struct sorting {
	const struct agg *g;
	size_t width;
};

static int cmp_kept(const void *a, const void *b, void *arg)
{
	const struct sorting *so = arg;
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
	const struct agg *g = so->g;
	for (int k = 0; k < g->nkeys; k++) {
		sqlite3_value *x = g->rows[ra * so->width + (size_t)(g->nargs + k)];
		sqlite3_value *y = g->rows[rb * so->width + (size_t)(g->nargs + k)];
		int c = pgfn_sortkey_cmp(x, y, g->flags + 2 * k);
		if (c)
			return c;
	}
	return ra < rb ? -1 : ra > rb; /* input order breaks ties */
}

/* The kept rows in order through the transition function (then freed). */
static bool replay(sqlite3_context *ctx, struct agg *g)
{
	size_t width = (size_t)(g->nargs + g->nkeys);
	size_t *idx = base_xmalloc((g->n + 1) * sizeof(*idx));
	for (size_t i = 0; i < g->n; i++)
		idx[i] = i;
	struct sorting so = {g, width};
	qsort_r(idx, g->n, sizeof(*idx), cmp_kept, &so);
	bool distinct = strchr(g->flags, 'D') != NULL, ok = true;
	sqlite3_value **last = NULL;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	if (g->init_sql) {
		sqlite3_stmt *st = NULL;
		ok = sqlite3_prepare_v2(db, g->init_sql, -1, &st, NULL) == SQLITE_OK;
		if (!ok)
			sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		ok = ok && run(ctx, st, NULL, 0, &g->state);
		sqlite3_finalize(st);
	}
	for (size_t i = 0; ok && i < g->n; i++) {
		sqlite3_value **row = &g->rows[idx[i] * width];
		if (distinct && last && pgfn_values_same(last, row, g->nargs))
			continue;
		last = row;
		ok = advance(ctx, g, g->step_sql, row, g->nargs > 100 ? 100 : g->nargs);
	}
	free(idx);
	return ok;
}

static void kept_free(struct agg *g)
{
	size_t width = (size_t)(g->nargs + g->nkeys);
	for (size_t i = 0; g->rows && i < g->n * width; i++)
		sqlite3_value_free(g->rows[i]);
	free(g->rows);
	free(g->step_sql);
	free(g->init_sql);
	g->rows = NULL;
	g->step_sql = g->init_sql = NULL;
}

/* The group's state wrapped as a blob: its SQLite type, then its bytes (an integer's or a
 * real's 8 in host order), so that a NULL state differs from a group without rows (SQL NULL:
 * shardlite_agg_end begins it). A row count beside it would be an aggregate of its own, which
 * SQLite may give another query level than this one (agg(t.v) in a subquery of t's query). */
static void result_wrapped(sqlite3_context *ctx, sqlite3_value *v)
{
	int type = v ? sqlite3_value_type(v) : SQLITE_NULL;
	unsigned char num[9] = {(unsigned char)type};
	if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
		sqlite3_int64 i = sqlite3_value_int64(v);
		double d = sqlite3_value_double(v);
		memcpy(num + 1, type == SQLITE_INTEGER ? (const void *)&i : (const void *)&d, 8);
		sqlite3_result_blob(ctx, num, 9, SQLITE_TRANSIENT);
		return;
	}
	if (type == SQLITE_NULL) {
		sqlite3_result_blob(ctx, num, 1, SQLITE_TRANSIENT);
		return;
	}
	int n = sqlite3_value_bytes(v);
	const void *p = type == SQLITE_TEXT ? (const void *)sqlite3_value_text(v)
					    : sqlite3_value_blob(v);
	unsigned char *buf = sqlite3_malloc(n + 1);
	if (!buf) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	buf[0] = (unsigned char)type;
	if (n)
		memcpy(buf + 1, p, (size_t)n);
	sqlite3_result_blob(ctx, buf, n + 1, sqlite3_free);
}

static void agg_final(sqlite3_context *ctx)
{
	struct agg *g = sqlite3_aggregate_context(ctx, 0);
	if (!g) {
		sqlite3_result_null(ctx);
		return;
	}
	if (g->kept && !g->failed)
		g->failed = !replay(ctx, g);
	if (g->kept)
		kept_free(g);
	sqlite3_finalize(g->step);
	g->step = NULL;
	if (g->failed && !g->kept) /* (replay and keep set their error) */
		sqlite3_result_error(ctx, "shardlite_agg: the transition failed", -1);
	else if (!g->failed)
		result_wrapped(ctx, g->state);
	sqlite3_value_free(g->state);
	g->state = NULL;
}

/* A wrapped state back as a value (*out NULL for SQL NULL). */
static bool unwrap(sqlite3_context *ctx, sqlite3_value *w, sqlite3_value **out)
{
	const unsigned char *p = sqlite3_value_blob(w);
	int n = sqlite3_value_bytes(w);
	*out = NULL;
	if (!p || n < 1 || p[0] == SQLITE_NULL)
		return true;
	sqlite3 *db = sqlite3_context_db_handle(ctx);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT ?1", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
		return false;
	}
	sqlite3_int64 i;
	double d;
	if (p[0] == SQLITE_INTEGER && n == 9) {
		memcpy(&i, p + 1, 8);
		sqlite3_bind_int64(st, 1, i);
	} else if (p[0] == SQLITE_FLOAT && n == 9) {
		memcpy(&d, p + 1, 8);
		sqlite3_bind_double(st, 1, d);
	} else if (p[0] == SQLITE_TEXT) {
		sqlite3_bind_text(st, 1, (const char *)p + 1, n - 1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_blob(st, 1, p + 1, n - 1, SQLITE_TRANSIENT);
	}
	bool ok = sqlite3_step(st) == SQLITE_ROW;
	if (ok && !(*out = sqlite3_value_dup(sqlite3_column_value(st, 0))))
		sqlite3_result_error_nomem(ctx);
	ok = ok && *out;
	sqlite3_finalize(st);
	return ok;
}

/* shardlite_agg_end(final, init, wrapped state): the aggregate's value. */
static void agg_end(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *state = NULL, *result = NULL;
	bool empty = sqlite3_value_type(argv[2]) == SQLITE_NULL; /* a group without rows */
	if (empty && sqlite3_value_type(argv[1]) != SQLITE_NULL &&
	    !run_once(ctx, argv[1], NULL, 0, &state))
		return;
	if (!empty && !unwrap(ctx, argv[2], &state))
		return;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		if (state)
			sqlite3_result_value(ctx, state);
		else
			sqlite3_result_null(ctx);
	} else if (run_once(ctx, argv[0], &state, 1, &result)) {
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
		rc = sqlite3_create_function_v2(db, "shardlite_agg_end", 3,
						SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, agg_end, NULL,
						NULL, NULL);
	return rc;
}
