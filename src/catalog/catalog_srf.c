/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_srf.c: the set-returning functions catalog queries put in FROM, as rows of pgfn's
 * SRF engine: pg_srf_series(start, stop[, step]) (generate_series over integers, generated
 * row by row), pg_srf_unnest(array) and pg_srf_partition_ancestors(oid). Each yields the
 * columns value and ordinality; the translator renames them as PostgreSQL names them. */
#include "catalog_int.h"

#include <string.h>

/* g[0] the current value, g[1] the stop, g[2] the step. */
static bool start_series(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!args[0] && !args[1] && !args[2])
		return pgfn_srf_fail(s, NULL, "generate_series needs its arguments");
	for (int i = 0; i < 3; i++) {
		if (i < 2 && !args[i]) {
			s->eof = true;
			return true;
		}
		if (args[i] && sqlite3_value_type(args[i]) == SQLITE_NULL) {
			s->eof = true;
			return true;
		}
	}
	s->g[0] = sqlite3_value_int64(args[0]);
	s->g[1] = sqlite3_value_int64(args[1]);
	s->g[2] = args[2] ? sqlite3_value_int64(args[2]) : 1;
	if (s->g[2] == 0)
		return pgfn_srf_fail(s, NULL, "step size cannot equal zero");
	s->eof = s->g[2] > 0 ? s->g[0] > s->g[1] : s->g[0] < s->g[1];
	return true;
}

static bool next_series(struct pgfn_srf_scan *s)
{
	/* stop before the next value would leave int64, as PostgreSQL's does */
	if (__builtin_add_overflow(s->g[0], s->g[2], &s->g[0]))
		s->eof = true;
	else
		s->eof = s->g[2] > 0 ? s->g[0] > s->g[1] : s->g[0] < s->g[1];
	return true;
}

static void column_series(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col)
{
	(void)col;
	sqlite3_result_int64(ctx, s->g[0]);
}

static bool start_unnest(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (args[0] && sqlite3_value_type(args[0]) != SQLITE_NULL)
		s->cells = cat_array_parse(s->a, (const char *)sqlite3_value_text(args[0]),
					   &s->nrows);
	if (!s->cells)
		s->nrows = 0;
	return true;
}

/* Nothing is partitioned: a table's only ancestor is itself. */
static bool start_ancestors(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL)
		return true;
	char *msg = NULL;
	const struct cat_model *m = cat_conn_model(s->data, &msg);
	if (!m) {
		pgfn_srf_fail(s, NULL, "%s", msg ? msg : "catalog unavailable");
		sqlite3_free(msg);
		return false;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(args[0]);
	const struct cat_rel *rel = cat_model_rel_oid(m, oid);
	if (rel && rel->kind == 'r') {
		s->cells = arena_alloc(s->a, sizeof(*s->cells));
		s->cells[0] = arena_printf(s->a, "%u", oid);
		s->nrows = 1;
		s->int_cols = 1;
	}
	return true;
}

static const struct pgfn_srf_def srfs[] = {
	{"pg_srf_series", "value", 1, 3, start_series, next_series, column_series},
	{"pg_srf_unnest", "value", 1, 1, start_unnest, NULL, NULL},
	{"pg_srf_partition_ancestors", "value", 1, 1, start_ancestors, NULL, NULL},
};

bool cat_srf_register(sqlite3 *db, struct cat_conn *cc)
{
	return pgfn_srf_define(db, srfs, ARRAY_LEN(srfs), cc) == SQLITE_OK;
}
