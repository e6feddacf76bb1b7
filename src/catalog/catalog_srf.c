/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_srf.c: the set-returning functions catalog queries put in FROM, as rows of pgfn's
 * SRF engine: pg_srf_series(start, stop[, step]) (pgfn's generate_series over integers, for
 * views that name it), pg_srf_unnest(array) and pg_srf_partition_ancestors(oid). Each yields the
 * columns value and ordinality; the translator renames them as PostgreSQL names them. */
#include "catalog_int.h"

#include <string.h>

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
	{"pg_srf_series", "value", 1, 3, pgfn_srf_series_start, pgfn_srf_series_next,
	 pgfn_srf_series_column},
	{"pg_srf_unnest", "value", 1, 1, start_unnest, NULL, NULL},
	{"pg_srf_partition_ancestors", "value", 1, 1, start_ancestors, NULL, NULL},
};

bool cat_srf_register(sqlite3 *db, struct cat_conn *cc)
{
	return pgfn_srf_define(db, srfs, ARRAY_LEN(srfs), cc) == SQLITE_OK;
}
