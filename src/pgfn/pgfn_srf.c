/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_srf.c: the one engine behind every set-returning function in FROM — an SQLite
 * table-valued function module whose cursor either walks rows its definition computed when
 * the scan started (the rows form) or asks the definition for each next row (the generator
 * form, for series too long to hold). The functions themselves are tables of pgfn_srf_def
 * (pgfn_srf_fns.c here, catalog_srf.c in the catalog). */
#include "pgfn.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARGS_MAX 8

/* What each registered module carries: its definition and its definer's user data. */
struct srf_aux {
	const struct pgfn_srf_def *def;
	void *data;
};

struct srf_vtab {
	sqlite3_vtab base;
	const struct srf_aux *aux;
};

struct srf_cursor {
	sqlite3_vtab_cursor base;
	struct pgfn_srf_scan s;
};

static int srf_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
		       sqlite3_vtab **out, char **errmsg)
{
	(void)argc;
	(void)argv;
	(void)errmsg;
	const struct srf_aux *x = aux;
	char decl[512];
	int n = snprintf(decl, sizeof(decl), "CREATE TABLE x(%s, ordinality int8", x->def->columns);
	for (int k = 0; k < x->def->nargs && n > 0 && (size_t)n < sizeof(decl); k++)
		n += snprintf(decl + n, sizeof(decl) - (size_t)n, ", a%d HIDDEN", k);
	ASSERT(n > 0 && (size_t)n + 2 < sizeof(decl));
	memcpy(decl + n, ")", 2);
	int rc = sqlite3_declare_vtab(db, decl);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS); /* views may use generate_series */
	struct srf_vtab *vt = sqlite3_malloc(sizeof(*vt));
	if (!vt)
		return SQLITE_NOMEM;
	memset(vt, 0, sizeof(*vt));
	vt->aux = x;
	*out = &vt->base;
	return SQLITE_OK;
}

static int srf_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

/* Every argument given must be an equality constraint on its hidden column; idxNum is the
 * mask of the given ones, so xFilter knows which argument each value is. */
static int srf_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
	const struct pgfn_srf_def *def = ((struct srf_vtab *)vtab)->aux->def;
	int first = def->ncols + 1, pos[ARGS_MAX];
	for (int k = 0; k < ARGS_MAX; k++)
		pos[k] = -1;
	for (int i = 0; i < info->nConstraint; i++) {
		const struct sqlite3_index_constraint *c = &info->aConstraint[i];
		int arg = c->iColumn - first;
		if (arg < 0 || arg >= def->nargs || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
			continue;
		if (!c->usable)
			return SQLITE_CONSTRAINT;
		pos[arg] = i;
	}
	int n = 0, mask = 0;
	for (int k = 0; k < def->nargs; k++) {
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
	cur->s.data = ((struct srf_vtab *)vt)->aux->data;
	*out = &cur->base;
	return SQLITE_OK;
}

static int srf_close(sqlite3_vtab_cursor *c)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	arena_free(cur->s.a);
	sqlite3_free(cur);
	return SQLITE_OK;
}

/* Hands a definition's failure to SQLite as the vtab's error message. */
static int failed(struct srf_cursor *cur)
{
	sqlite3_vtab *vt = cur->base.pVtab;
	sqlite3_free(vt->zErrMsg);
	vt->zErrMsg = sqlite3_mprintf("%s", cur->s.err ? cur->s.err : "set-returning function failed");
	return SQLITE_ERROR;
}

static int srf_filter(sqlite3_vtab_cursor *c, int idxnum, const char *idxstr, int argc,
		      sqlite3_value **argv)
{
	(void)idxstr;
	struct srf_cursor *cur = (struct srf_cursor *)c;
	const struct pgfn_srf_def *def = ((struct srf_vtab *)c->pVtab)->aux->def;
	arena_free(cur->s.a);
	void *data = cur->s.data;
	memset(&cur->s, 0, sizeof(cur->s));
	cur->s.data = data;
	cur->s.a = arena_new(0);
	sqlite3_value *args[ARGS_MAX] = {0};
	for (int k = 0, i = 0; k < def->nargs && i < argc; k++)
		if (idxnum & (1 << k))
			args[k] = argv[i++];
	if (!def->start(&cur->s, args))
		return failed(cur);
	if (!def->next)
		cur->s.eof = cur->s.nrows == 0;
	return SQLITE_OK;
}

static int srf_next(sqlite3_vtab_cursor *c)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	const struct pgfn_srf_def *def = ((struct srf_vtab *)c->pVtab)->aux->def;
	cur->s.pos++;
	if (!def->next)
		cur->s.eof = cur->s.pos >= cur->s.nrows;
	else if (!def->next(&cur->s))
		return failed(cur);
	return SQLITE_OK;
}

static int srf_eof(sqlite3_vtab_cursor *c) { return ((struct srf_cursor *)c)->s.eof; }

static int srf_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int i)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	const struct pgfn_srf_def *def = ((struct srf_vtab *)c->pVtab)->aux->def;
	if (i == def->ncols) {
		sqlite3_result_int64(ctx, (sqlite3_int64)cur->s.pos + 1);
		return SQLITE_OK;
	}
	if (i > def->ncols) {
		sqlite3_result_null(ctx);
		return SQLITE_OK;
	}
	if (def->column) {
		def->column(&cur->s, ctx, i);
		return SQLITE_OK;
	}
	const char *v = cur->s.cells[cur->s.pos * (size_t)def->ncols + (size_t)i];
	if (v && (cur->s.int_cols & (1u << i)))
		sqlite3_result_int64(ctx, strtoll(v, NULL, 10));
	else if (v)
		sqlite3_result_text(ctx, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	return SQLITE_OK;
}

static int srf_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *rowid)
{
	*rowid = (sqlite3_int64)((struct srf_cursor *)c)->s.pos + 1;
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

int pgfn_srf_define(sqlite3 *db, const struct pgfn_srf_def *defs, size_t n, void *data)
{
	for (size_t i = 0; i < n; i++) {
		ASSERT(defs[i].nargs <= ARGS_MAX && defs[i].ncols < 32);
		struct srf_aux *x = sqlite3_malloc(sizeof(*x));
		if (!x)
			return SQLITE_NOMEM;
		*x = (struct srf_aux){&defs[i], data};
		int rc = sqlite3_create_module_v2(db, defs[i].name, &srf_module, x, sqlite3_free);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

bool pgfn_srf_fail(struct pgfn_srf_scan *s, const char *sqlstate, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	s->err = sqlstate ? arena_printf(s->a, "pgfn:%.5s:%s", sqlstate, msg)
			  : arena_printf(s->a, "%s", msg);
	return false;
}
