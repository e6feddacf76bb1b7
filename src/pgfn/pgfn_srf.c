/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_srf.c: set-returning functions in FROM, as SQLite table-valued functions:
 * pgfn_unnest(a0, ..., a7) (PostgreSQL's multi-argument unnest: the arrays side by side, the
 * shorter ones padded with NULLs), pgfn_json_elements(j, mode) (json[b]_array_elements[_text]),
 * pgfn_json_each(j, mode) (json[b]_each[_text]) and pgfn_json_keys(j, mode)
 * (json[b]_object_keys).
 * mode: 0 json (elements as written), 1 jsonb (canonical), 2 jsonb's text (as ->> answers),
 * 3 json's text. */
#include "pgfn_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum srf_kind { S_UNNEST, S_ELEMENTS, S_EACH, S_KEYS };

#define UNNEST_MAX 8

struct srf_def {
	const char *name;
	enum srf_kind kind;
	int ncols; /* visible value columns (ordinality follows them) */
	int nargs; /* hidden argument columns */
	const char *schema;
};

static const struct srf_def defs[] = {
#define UNNEST(suffix, t)                                                                            \
	{                                                                                            \
		"pgfn_unnest" suffix, S_UNNEST, UNNEST_MAX, UNNEST_MAX,                              \
			"CREATE TABLE x(v0 " t ", v1 " t ", v2 " t ", v3 " t ", v4 " t ", v5 " t     \
			", v6 " t ", v7 " t                                                          \
			", ordinality int8, a0 HIDDEN, a1 HIDDEN, a2 HIDDEN, a3 HIDDEN, a4 HIDDEN, " \
			"a5 HIDDEN, a6 HIDDEN, a7 HIDDEN)"                                           \
	}
	/* arrays of one element type get their columns declared with it (what the session
	 * reports); mixed ones do not */
	UNNEST("", ""),
	UNNEST("_int2", "int2"),
	UNNEST("_int4", "int4"),
	UNNEST("_int8", "int8"),
	UNNEST("_text", "text"),
	UNNEST("_numeric", "numeric"),
	UNNEST("_float8", "float8"),
	/* one module per result type: the declared column type is what the session reports */
	{"pgfn_json_elements", S_ELEMENTS, 1, 2,
	 "CREATE TABLE x(value json, ordinality int8, j HIDDEN, mode HIDDEN)"},
	{"pgfn_jsonb_elements", S_ELEMENTS, 1, 2,
	 "CREATE TABLE x(value jsonb, ordinality int8, j HIDDEN, mode HIDDEN)"},
	{"pgfn_json_elements_text", S_ELEMENTS, 1, 2,
	 "CREATE TABLE x(value text, ordinality int8, j HIDDEN, mode HIDDEN)"},
	{"pgfn_json_each", S_EACH, 2, 2,
	 "CREATE TABLE x(key text, value json, ordinality int8, j HIDDEN, mode HIDDEN)"},
	{"pgfn_jsonb_each", S_EACH, 2, 2,
	 "CREATE TABLE x(key text, value jsonb, ordinality int8, j HIDDEN, mode HIDDEN)"},
	{"pgfn_json_each_text", S_EACH, 2, 2,
	 "CREATE TABLE x(key text, value text, ordinality int8, j HIDDEN, mode HIDDEN)"},
	{"pgfn_json_keys", S_KEYS, 1, 2,
	 "CREATE TABLE x(key text, ordinality int8, j HIDDEN, mode HIDDEN)"},
};

struct srf_vtab {
	sqlite3_vtab base;
	const struct srf_def *def;
};

/* The rows, computed when the scan starts: nrows x ncols texts (NULL: SQL NULL). */
struct srf_cursor {
	sqlite3_vtab_cursor base;
	struct arena *a;
	const char **cells;
	size_t nrows, pos;
	unsigned ints; /* S_UNNEST: bit i set when array i holds only integers (returned as such) */
};

static int srf_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
		       sqlite3_vtab **out, char **errmsg)
{
	(void)argc;
	(void)argv;
	(void)errmsg;
	const struct srf_def *def = aux;
	int rc = sqlite3_declare_vtab(db, def->schema);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
	struct srf_vtab *vt = sqlite3_malloc(sizeof(*vt));
	if (!vt)
		return SQLITE_NOMEM;
	memset(vt, 0, sizeof(*vt));
	vt->def = def;
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
	const struct srf_def *def = ((struct srf_vtab *)vtab)->def;
	int first = def->ncols + 1, pos[UNNEST_MAX];
	for (int k = 0; k < UNNEST_MAX; k++)
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
	(void)vt;
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

/* An error with its SQLSTATE, in pgfn_error's "pgfn:SSSSS:text" form. */
static int fail(struct srf_cursor *cur, const char *sqlstate, const char *msg)
{
	sqlite3_vtab *vt = cur->base.pVtab;
	sqlite3_free(vt->zErrMsg);
	vt->zErrMsg = sqlite3_mprintf("pgfn:%s:%s", sqlstate, msg);
	return SQLITE_ERROR;
}

/* Every element a canonical integer ("12", "-3"; not "007" or "1.5"): int2vector, int[]. */
static bool all_integers(const char **items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *e = items[i];
		if (!e)
			continue;
		const char *d = e + (*e == '-');
		size_t len = strlen(d);
		if (!len || len > 18 || (d[0] == '0' && len > 1) || strspn(d, "0123456789") != len)
			return false;
	}
	return true;
}

static int filter_unnest(struct srf_cursor *cur, int mask, sqlite3_value **argv)
{
	const char **items[UNNEST_MAX] = {0};
	size_t n[UNNEST_MAX] = {0};
	int k = 0;
	for (int i = 0; i < UNNEST_MAX; i++) {
		if (!(mask & (1 << i)))
			continue;
		const char *s = (const char *)sqlite3_value_text(argv[k++]);
		if (!s)
			continue; /* a NULL array is an empty one */
		items[i] = pgfn_array_parse(cur->a, s, &n[i]);
		if (!items[i])
			return fail(cur, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				    "malformed array literal");
		if (n[i] > cur->nrows)
			cur->nrows = n[i];
		if (all_integers(items[i], n[i])) /* compare as numbers, as PostgreSQL's would */
			cur->ints |= 1u << i;
	}
	cur->cells = arena_zalloc(cur->a, (cur->nrows * UNNEST_MAX + 1) * sizeof(*cur->cells));
	for (int i = 0; i < UNNEST_MAX; i++)
		for (size_t r = 0; r < n[i]; r++)
			cur->cells[r * UNNEST_MAX + (size_t)i] = items[i][r];
	return SQLITE_OK;
}

/* The text a JSON value becomes in a column of the given mode. */
static const char *json_cell(struct arena *a, const struct jv *v, int mode)
{
	bool text = mode >= 2;
	if (text && v->type == J_NULL)
		return NULL;
	if (text && v->type == J_STRING)
		return arena_strndup(a, v->str, v->len);
	if (mode == 0 || mode == 3)
		return arena_strndup(a, v->src, v->srclen);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_jsonb_write(&sb, v, false);
	const char *out = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

static int filter_json(struct srf_cursor *cur, const struct srf_def *def, int mask,
		       sqlite3_value **argv)
{
	if (!(mask & 1) || sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return SQLITE_OK;
	int mode = (mask & 2) ? sqlite3_value_int(argv[1]) : 1;
	size_t len;
	const char *s = pgfn_text(argv[0], &len), *state = NULL, *err = NULL;
	struct jv *j = pgfn_json_parse(cur->a, s, len, &state, &err);
	if (!j)
		return fail(cur, state, err);
	const char *fn = def->kind == S_EACH ? "jsonb_each" : "jsonb_object_keys";
	if (mode == 1 || mode == 2)
		pgfn_jsonb_canon(cur->a, j);
	if (def->kind == S_ELEMENTS && j->type != J_ARRAY)
		return fail(cur, SQLSTATE_INVALID_PARAMETER_VALUE,
			    j->type == J_OBJECT ? "cannot extract elements from an object"
						: "cannot extract elements from a scalar");
	if (def->kind != S_ELEMENTS && j->type != J_OBJECT) {
		char msg[96];
		snprintf(msg, sizeof(msg), "cannot call %s on %s", fn,
			 def->kind == S_EACH  ? "a non-object"
			 : j->type == J_ARRAY ? "an array"
					      : "a scalar");
		return fail(cur, SQLSTATE_INVALID_PARAMETER_VALUE, msg);
	}
	int w = def->ncols;
	cur->nrows = j->n;
	cur->cells = arena_zalloc(cur->a, (j->n * (size_t)w + 1) * sizeof(*cur->cells));
	for (size_t r = 0; r < j->n; r++) {
		const struct jv *it = &j->items[r];
		if (def->kind != S_ELEMENTS)
			cur->cells[r * (size_t)w] = arena_strndup(cur->a, it->key, it->klen);
		if (def->kind != S_KEYS)
			cur->cells[r * (size_t)w + (size_t)(w - 1)] = json_cell(cur->a, it, mode);
	}
	return SQLITE_OK;
}

static int srf_filter(sqlite3_vtab_cursor *c, int idxnum, const char *idxstr, int argc,
		      sqlite3_value **argv)
{
	(void)idxstr;
	(void)argc;
	struct srf_cursor *cur = (struct srf_cursor *)c;
	const struct srf_def *def = ((struct srf_vtab *)c->pVtab)->def;
	arena_free(cur->a);
	cur->a = arena_new(0);
	cur->cells = NULL;
	cur->nrows = cur->pos = 0;
	cur->ints = 0;
	return def->kind == S_UNNEST ? filter_unnest(cur, idxnum, argv)
				     : filter_json(cur, def, idxnum, argv);
}

static int srf_next(sqlite3_vtab_cursor *c)
{
	((struct srf_cursor *)c)->pos++;
	return SQLITE_OK;
}

static int srf_eof(sqlite3_vtab_cursor *c)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	return cur->pos >= cur->nrows;
}

static int srf_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int i)
{
	struct srf_cursor *cur = (struct srf_cursor *)c;
	const struct srf_def *def = ((struct srf_vtab *)c->pVtab)->def;
	if (i == def->ncols) {
		sqlite3_result_int64(ctx, (sqlite3_int64)cur->pos + 1);
		return SQLITE_OK;
	}
	const char *v = i < def->ncols ? cur->cells[cur->pos * (size_t)def->ncols + (size_t)i]
				       : NULL;
	if (v && def->kind == S_UNNEST && (cur->ints & (1u << i)))
		sqlite3_result_int64(ctx, strtoll(v, NULL, 10));
	else if (v)
		sqlite3_result_text(ctx, v, -1, SQLITE_TRANSIENT);
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

int pgfn_register_srf(sqlite3 *db)
{
	for (size_t i = 0; i < ARRAY_LEN(defs); i++) {
		int rc = sqlite3_create_module_v2(db, defs[i].name, &srf_module, (void *)&defs[i],
						  NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}
