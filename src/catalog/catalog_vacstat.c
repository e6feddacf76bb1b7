/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_vacstat.c: a table's VACUUM and ANALYZE history — the sidecar _shardlite_vacuum
 * (one row per table: last time and count of each) that shardlite_vacuumed() writes after the
 * statement ran (xlat_utility.c emits the call), and its readers: pg_stat_get_last_vacuum_time,
 * pg_stat_get_last_analyze_time, pg_stat_get_vacuum_count, pg_stat_get_analyze_count and the
 * pg_stat_*_tables columns (catalog_stat.c). Autovacuum's are never: SQLite has none. */
#include "catalog_int.h"

#include <string.h>
#include <time.h>

#define CTX_CONN(ctx) ((struct cat_conn *)sqlite3_user_data(ctx))

bool cat_vacstat_read(sqlite3 *db, const char *sqlname, struct cat_vacstat *out)
{
	memset(out, 0, sizeof(*out));
	if (!sqlname || !cat_sidecar_exists(db, CAT_SIDECAR_VACUUM))
		return true;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT last_vacuum, vacuum_count, last_analyze, analyze_count FROM "
			       "main." CAT_SIDECAR_VACUUM " WHERE name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, sqlname, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->last_vacuum = sqlite3_column_int64(st, 0);
		out->vacuum_count = sqlite3_column_int64(st, 1);
		out->last_analyze = sqlite3_column_int64(st, 2);
		out->analyze_count = sqlite3_column_int64(st, 3);
	}
	return sqlite3_finalize(st) == SQLITE_OK;
}

bool cat_vacstat_moved(sqlite3_context *ctx, const char *table, const char *to)
{
	if (!cat_sidecar_exists(sqlite3_context_db_handle(ctx), CAT_SIDECAR_VACUUM))
		return true;
	const char *p[] = {table, to};
	return to ? cat_sidecar_exec(ctx, "vacuum",
				     "UPDATE main." CAT_SIDECAR_VACUUM
				     " SET name = ?2 WHERE name = ?1",
				     p, 2, 0)
		  : cat_sidecar_exec(ctx, "vacuum",
				     "DELETE FROM main." CAT_SIDECAR_VACUUM " WHERE name = ?1", p,
				     1, 0);
}

/* One table's row: the times are the statement's, the counts go up by one. */
static bool record(sqlite3_context *ctx, const char *sqlname, const char *vacuum,
		   const char *analyze, int64_t now_us)
{
	const char *p[] = {sqlname, vacuum, analyze};
	return cat_sidecar_exec(
		ctx, "vacuum",
		"INSERT INTO main." CAT_SIDECAR_VACUUM " (name, last_vacuum, vacuum_count, "
		"last_analyze, analyze_count) VALUES (?1, CASE WHEN ?2 THEN ?4 END, ?2, CASE WHEN ?3 "
		"THEN ?4 END, ?3) ON CONFLICT (name) DO UPDATE SET last_vacuum = CASE WHEN ?2 THEN ?4 "
		"ELSE last_vacuum END, vacuum_count = vacuum_count + ?2, last_analyze = CASE WHEN ?3 "
		"THEN ?4 ELSE last_analyze END, analyze_count = analyze_count + ?3",
		p, 3, (double)now_us);
}

/* shardlite_vacuumed(name, vacuum, analyze): the named table (as written: 't', 'public.t',
 * 's.t'), or every table of the tenant when name is NULL, was vacuumed (vacuum 1) and/or
 * analyzed (analyze 1) just now. The translator creates the sidecar before the call. */
static void fn_vacuumed(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	const struct cat_model *m = cat_fn_model(ctx);
	const char *vacuum = sqlite3_value_int(v[1]) ? "1" : "0";
	const char *analyze = sqlite3_value_int(v[2]) ? "1" : "0";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t now_us = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
	sqlite3_result_null(ctx);
	if (!m)
		return;
	if (sqlite3_value_type(v[0]) != SQLITE_NULL) {
		const char *name =
			cat_conn_unqualify(CTX_CONN(ctx), (const char *)sqlite3_value_text(v[0]));
		const struct cat_rel *rel = cat_model_rel(m, name);
		if (rel && rel->sqlname)
			(void)record(ctx, rel->sqlname, vacuum, analyze, now_us);
		return;
	}
	for (size_t i = 0; i < m->nrels; i++) {
		const struct cat_rel *t = m->rels[i];
		if (t->kind == 'r' && t->sqlname && !t->temp &&
		    !record(ctx, t->sqlname, vacuum, analyze, now_us))
			return;
	}
}

/* The readers: what the sidecar says of the table with OID argv[0]; never (NULL, 0) for one
 * not vacuumed or analyzed and for an OID that is no table, as PostgreSQL's. */
enum vac_field { VAC_LAST_VACUUM, VAC_VACUUM_COUNT, VAC_LAST_ANALYZE, VAC_ANALYZE_COUNT };

static void vac_field(sqlite3_context *ctx, sqlite3_value **argv, enum vac_field f)
{
	const struct cat_model *m = cat_fn_model(ctx);
	const struct cat_rel *rel =
		m && sqlite3_value_type(argv[0]) != SQLITE_NULL
			? cat_model_rel_oid(m, (uint32_t)sqlite3_value_int64(argv[0]))
			: NULL;
	struct cat_vacstat vs;
	if (!cat_vacstat_read(sqlite3_context_db_handle(ctx), rel ? rel->sqlname : NULL, &vs)) {
		pgfn_error(ctx, "XX000", "vacuum sidecar: %s",
			   sqlite3_errmsg(sqlite3_context_db_handle(ctx)));
		return;
	}
	struct arena *a = arena_new(0);
	const char *t = NULL;
	switch (f) {
	case VAC_LAST_VACUUM:
		t = cat_ts_text(a, vs.last_vacuum);
		break;
	case VAC_LAST_ANALYZE:
		t = cat_ts_text(a, vs.last_analyze);
		break;
	case VAC_VACUUM_COUNT:
		sqlite3_result_int64(ctx, vs.vacuum_count);
		break;
	case VAC_ANALYZE_COUNT:
		sqlite3_result_int64(ctx, vs.analyze_count);
		break;
	}
	if (f == VAC_LAST_VACUUM || f == VAC_LAST_ANALYZE) {
		if (t)
			sqlite3_result_text(ctx, t, -1, SQLITE_TRANSIENT);
		else
			sqlite3_result_null(ctx);
	}
	arena_free(a);
}

static void fn_last_vacuum(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	vac_field(ctx, argv, VAC_LAST_VACUUM);
}

static void fn_vacuum_count(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	vac_field(ctx, argv, VAC_VACUUM_COUNT);
}

static void fn_last_analyze(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	vac_field(ctx, argv, VAC_LAST_ANALYZE);
}

static void fn_analyze_count(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	vac_field(ctx, argv, VAC_ANALYZE_COUNT);
}

bool cat_vacstat_register(sqlite3 *db, struct cat_conn *cc)
{
	static const struct pgfn_def readers[] = {
		{"pg_stat_get_last_vacuum_time", 1, fn_last_vacuum},
		{"pg_stat_get_last_analyze_time", 1, fn_last_analyze},
		{"pg_stat_get_vacuum_count", 1, fn_vacuum_count},
		{"pg_stat_get_analyze_count", 1, fn_analyze_count},
	};
	static const struct pgfn_def writer[] = {{"shardlite_vacuumed", 3, fn_vacuumed}};
	return pgfn_define_with(db, readers, ARRAY_LEN(readers), SQLITE_INNOCUOUS, cc) ==
		       SQLITE_OK &&
	       pgfn_define_with(db, writer, ARRAY_LEN(writer), SQLITE_DIRECTONLY, cc) == SQLITE_OK;
}
