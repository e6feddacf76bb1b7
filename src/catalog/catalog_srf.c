/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_srf.c: the set-returning functions catalog queries put in FROM, as SQLite
 * table-valued functions: pg_srf_series(start, stop[, step]) (generate_series over
 * integers), pg_srf_unnest(array) and pg_srf_partition_ancestors(oid). Each yields the
 * columns value and ordinality; the translator renames them as PostgreSQL names them. */
#include "catalog_int.h"

#include <stdlib.h>
#include <string.h>

enum srf_kind { SRF_SERIES, SRF_UNNEST, SRF_ANCESTORS };

enum { COL_VALUE, COL_ORDINALITY, COL_ARG0 }; /* hidden arguments follow */

struct srf_vtab {
	sqlite3_vtab base;
	enum srf_kind kind;
	struct cat_conn *cc;
};

struct srf_cursor {
	sqlite3_vtab_cursor base;
	struct arena *a;
	const char **items; /* SRF_UNNEST, SRF_ANCESTORS: the values as text (NULL: SQL NULL) */
	int64_t start, stop, step, cur; /* SRF_SERIES */
	size_t n, pos;
	bool eof;
};

struct srf_def {
	const char *name;
	enum srf_kind kind;
	int nargs_min, nargs_max;
};

static const struct srf_def srfs[] = {
	{"pg_srf_series", SRF_SERIES, 2, 3},
	{"pg_srf_unnest", SRF_UNNEST, 1, 1},
	{"pg_srf_partition_ancestors", SRF_ANCESTORS, 1, 1},
};

struct srf_arg {
	const struct srf_def *def;
	struct cat_conn *cc;
};

static int srf_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
		       sqlite3_vtab **out, char **errmsg)
{
	const struct srf_arg *arg = aux;
	int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(value, ordinality int8, a0 HIDDEN, "
					  "a1 HIDDEN, a2 HIDDEN)");
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS); /* views may use generate_series */
	struct srf_vtab *vt = sqlite3_malloc(sizeof(*vt));
	if (!vt)
		return SQLITE_NOMEM;
	memset(vt, 0, sizeof(*vt));
	vt->kind = arg->def->kind;
	vt->cc = arg->cc;
	*out = &vt->base;
	return SQLITE_OK;
}

static int srf_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

/* The hidden columns are the arguments: each must be given by an equality constraint. The
 * idxNum bit mask says which were given, in argv order a0, a1, a2. */
static int srf_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
	int pos[3] = {-1, -1, -1};
	for (int i = 0; i < info->nConstraint; i++) {
		const struct sqlite3_index_constraint *c = &info->aConstraint[i];
		int arg = c->iColumn - COL_ARG0;
		if (arg < 0 || arg > 2 || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
			continue;
		if (!c->usable)
			return SQLITE_CONSTRAINT;
		pos[arg] = i;
	}
	int n = 0, mask = 0;
	for (int k = 0; k < 3; k++) {
		if (pos[k] < 0)
			continue;
		info->aConstraintUsage[pos[k]].argvIndex = ++n;
		info->aConstraintUsage[pos[k]].omit = 1;
		mask |= 1 << k;
	}
	info->idxNum = mask;
	info->estimatedCost = 10;
	info->estimatedRows = 10;
	return SQLITE_OK;
}

static int srf_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct srf_cursor *cur = sqlite3_malloc(sizeof(*cur));
	if (!cur)
		return SQLITE_NOMEM;
	memset(cur, 0, sizeof(*cur));
	*out = &cur->base;
	return SQLITE_OK;
}

static int srf_close(sqlite3_vtab_cursor *c)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	arena_free(cur->a);
	sqlite3_free(cur);
	return SQLITE_OK;
}

static int fail(struct srf_cursor *cur, const char *msg)
{
	sqlite3_vtab *vt = cur->base.pVtab;
	sqlite3_free(vt->zErrMsg);
	vt->zErrMsg = sqlite3_mprintf("%s", msg);
	return SQLITE_ERROR;
}

static int filter_series(struct srf_cursor *cur, int argc, sqlite3_value **argv)
{
	if (argc < 2) {
		cur->eof = true;
		return argc == 0 ? fail(cur, "generate_series needs its arguments") : SQLITE_OK;
	}
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			cur->eof = true;
			return SQLITE_OK;
		}
	}
	cur->start = sqlite3_value_int64(argv[0]);
	cur->stop = sqlite3_value_int64(argv[1]);
	cur->step = argc > 2 ? sqlite3_value_int64(argv[2]) : 1;
	if (cur->step == 0)
		return fail(cur, "step size cannot equal zero");
	cur->cur = cur->start;
	cur->eof = cur->step > 0 ? cur->cur > cur->stop : cur->cur < cur->stop;
	return SQLITE_OK;
}

static int srf_filter(sqlite3_vtab_cursor *c, int idxnum, const char *idxstr, int argc,
		      sqlite3_value **argv)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	struct srf_vtab *vt = (struct srf_vtab *)c->pVtab;
	arena_free(cur->a);
	cur->a = arena_new(0);
	cur->n = cur->pos = 0;
	cur->eof = false;
	if (vt->kind == SRF_SERIES)
		return filter_series(cur, argc, argv);
	if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		cur->eof = true;
		return SQLITE_OK;
	}
	if (vt->kind == SRF_UNNEST) {
		cur->items =
			cat_array_parse(cur->a, (const char *)sqlite3_value_text(argv[0]), &cur->n);
	} else {
		/* nothing is partitioned: a table's only ancestor is itself */
		char *msg = NULL;
		const struct cat_model *m = cat_conn_model(vt->cc, &msg);
		if (!m) {
			sqlite3_free(vt->base.zErrMsg);
			vt->base.zErrMsg = msg;
			return SQLITE_ERROR;
		}
		uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
		const struct cat_rel *rel = cat_model_rel_oid(m, oid);
		if (rel && rel->kind == 'r') {
			cur->items = arena_alloc(cur->a, sizeof(*cur->items));
			cur->items[0] = arena_printf(cur->a, "%u", oid);
			cur->n = 1;
		}
	}
	cur->eof = cur->n == 0;
	return SQLITE_OK;
}

static int srf_next(sqlite3_vtab_cursor *c)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	struct srf_vtab *vt = (struct srf_vtab *)c->pVtab;
	cur->pos++;
	if (vt->kind == SRF_SERIES) {
		/* stop before the next value would leave int64, as PostgreSQL's does */
		if (__builtin_add_overflow(cur->cur, cur->step, &cur->cur))
			cur->eof = true;
		else
			cur->eof = cur->step > 0 ? cur->cur > cur->stop : cur->cur < cur->stop;
	} else {
		cur->eof = cur->pos >= cur->n;
	}
	return SQLITE_OK;
}

static int srf_eof(sqlite3_vtab_cursor *c) { return ((struct srf_cursor *)c)->eof; }

static int srf_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int i)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	struct srf_vtab *vt = (struct srf_vtab *)c->pVtab;
	if (i == COL_ORDINALITY)
		sqlite3_result_int64(ctx, (sqlite3_int64)cur->pos + 1);
	else if (i != COL_VALUE)
		sqlite3_result_null(ctx);
	else if (vt->kind == SRF_SERIES)
		sqlite3_result_int64(ctx, cur->cur);
	else if (vt->kind == SRF_ANCESTORS)
		sqlite3_result_int64(ctx, strtoll(cur->items[cur->pos], NULL, 10));
	else if (cur->items[cur->pos])
		sqlite3_result_text(ctx, cur->items[cur->pos], -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	return SQLITE_OK;
}

static int srf_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
	*rowid = (sqlite3_int64)((struct srf_cursor *)c)->pos + 1;
	return SQLITE_OK;
}

static const sqlite3_module srf_module = {
	.iVersion = 0,
	.xConnect = srf_connect,
	.xBestIndex = srf_best_index,
	.xDisconnect = srf_disconnect,
	.xOpen = srf_open,
	.xClose = srf_close,
	.xFilter = srf_filter,
	.xNext = srf_next,
	.xEof = srf_eof,
	.xColumn = srf_column,
	.xRowid = srf_rowid,
};

bool cat_srf_register(sqlite3 *db, struct cat_conn *cc)
{
	struct srf_arg *args = base_xcalloc(ARRAY_LEN(srfs), sizeof(*args));
	for (size_t i = 0; i < ARRAY_LEN(srfs); i++) {
		args[i] = (struct srf_arg){&srfs[i], cc};
		if (sqlite3_create_module_v2(db, srfs[i].name, &srf_module, &args[i],
					     i == 0 ? free : NULL) != SQLITE_OK)
			return false;
	}
	return true;
}
