/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rowsfrom.c: ROWS FROM (f(...), g(...)) [WITH ORDINALITY] in FROM — the functions' rows
 * side by side, the shorter padded with NULLs, as PostgreSQL runs them — over the tenant's
 * functions (xlat_call.c) and the catalog's set-returning ones that a select list runs in
 * lockstep (xlat_catalog_srf.c): each function's rows packed into a blob, joined by
 * pgfn_rows_zip (src/pgfn/pgfn_lateral.c). Column definition lists are not supported. */
#include "xlat_int.h"

#include <pg_query.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define FNS_MAX 7   /* pgfn_rows_zip's blobs */
#define COLS_MAX 31 /* its columns: the functions', then one per function */

struct fn {
	const char *blob;
	size_t width;
	const uint32_t *types;
	const char *const *names;
};

struct rowsfrom {
	struct fn fns[FNS_MAX];
	size_t n, width;
	const char *alias; /* the SQL alias: the query's, else one of ours */
};

/* Function k of ROWS FROM, or NULL (with 0A000) for what is not a plain call. */
static const PgQuery__FuncCall *item_call(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
					  size_t k)
{
	const PgQuery__Node *l = rf->functions[k];
	const PgQuery__Node *item =
		l->node_case == NODE(LIST) && l->list->n_items >= 1 ? l->list->items[0] : NULL;
	bool coldefs = l->node_case == NODE(LIST) && l->list->n_items > 1 && l->list->items[1] &&
		       l->list->items[1]->node_case == NODE(LIST) &&
		       l->list->items[1]->list->n_items;
	if (coldefs || rf->n_coldeflist) {
		xlat_unsupported(c, -1, "a column definition list in ROWS FROM");
		return NULL;
	}
	if (!item || item->node_case != NODE(FUNC_CALL)) {
		xlat_unsupported(c, -1, "this item of ROWS FROM");
		return NULL;
	}
	return item->func_call;
}

/* Whether a tenant's function of that name returns a row type's value or rows (RETURNS t,
 * RETURNS SETOF t, one OUT parameter of t), whose columns PostgreSQL spreads in ROWS FROM:
 * here they would be one column of the value. */
static bool row_typed(struct xlat_ctx *c, const char *name)
{
	for (size_t i = 0; name && c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		uint32_t t = u->nouts == 1 ? u->outtypes[0] : u->nouts ? 0 : u->rettype;
		if (strcmp(u->name, name) == 0 && t >= 16384 && xlat_comptype_of_oid(c, t))
			return true;
	}
	return false;
}

/* Function f's blob, columns and their names. */
static bool one_fn(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct fn *out)
{
	PgQuery__Node n = PG_QUERY__NODE__INIT;
	n.node_case = NODE(FUNC_CALL);
	n.func_call = (PgQuery__FuncCall *)f;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char **one = arena_zalloc(c->a, 2 * sizeof(*one));
	one[0] = name;
	out->names = one;
	out->width = 1;
	int kind = xlat_catalog_srf_kind(&n);
	if (kind) {
		uint32_t *type = arena_zalloc(c->a, sizeof(*type));
		out->types = type;
		return (out->blob = xlat_catalog_srf_blob(c, f, kind, type)) != NULL;
	}
	const char *text;
	const struct xlat_udf *u = NULL;
	if (row_typed(c, name))
		return xlat_unsupported(c, f->location, "a function returning a row type in ROWS FROM");
	int r = xlat_udf_any_call(c, f, &text, &u);
	if (r == 0)
		xlat_unsupported(c, f->location, "this function in ROWS FROM");
	if (r <= 0)
		return false;
	out->blob = xlat_udf_rows(u) ? text : arena_printf(c->a, "pgfn_rows_one(%s)", text);
	out->width = u->nouts ? u->nouts : 1;
	out->types = u->nouts ? u->outtypes : &u->rettype;
	out->names = u->nouts ? xlat_udf_outnames(c, u) : one;
	return true;
}

static bool read_fns(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, struct rowsfrom *r)
{
	if (rf->n_functions > FNS_MAX)
		return xlat_unsupported(c, -1, "ROWS FROM of more than 7 functions");
	xlat_nocache(c); /* the blobs are translated aside: their constants are in them */
	for (size_t k = 0; k < rf->n_functions; k++) {
		const PgQuery__FuncCall *f = item_call(c, rf, k);
		if (!f || !one_fn(c, f, &r->fns[k]))
			return false;
		r->width += r->fns[k].width;
	}
	r->n = rf->n_functions;
	if (r->width + r->n > COLS_MAX)
		return xlat_unsupported(c, -1, "ROWS FROM of more than 31 columns in all");
	size_t nal = rf->alias ? rf->alias->n_colnames : 0;
	if (nal > r->width + (rf->ordinality ? 1 : 0))
		return xlat_fail(c, "42P10", -1,
				 "table \"%s\" has %zu columns available but %zu columns specified",
				 rf->alias->aliasname, r->width + (rf->ordinality ? 1 : 0), nal);
	r->alias = rf->alias ? rf->alias->aliasname : "rows_from";
	return true;
}

/* Output column i: its name (the alias list's, the function's, ordinality) and type. */
static const char *col_name(const PgQuery__RangeFunction *rf, const struct rowsfrom *r, size_t i,
			    uint32_t *type)
{
	size_t nal = rf->alias ? rf->alias->n_colnames : 0;
	const char *name = "ordinality";
	*type = XLAT_OID_INT8;
	for (size_t k = 0, at = 0; k < r->n; at += r->fns[k++].width) {
		if (i >= at && i < at + r->fns[k].width) {
			name = r->fns[k].names[i - at];
			*type = r->fns[k].types[i - at];
		}
	}
	return i < nal ? xlat_node_str(rf->alias->colnames[i]) : name;
}

/* Joined directly (LATERAL, or an argument reads another FROM item), else a subquery. */
static bool joined(const PgQuery__RangeFunction *rf)
{
	if (rf->lateral)
		return true;
	for (size_t k = 0; k < rf->n_functions; k++) {
		const PgQuery__Node *l = rf->functions[k];
		if (l->node_case == NODE(LIST) && l->list->n_items &&
		    l->list->items[0]->node_case == NODE(FUNC_CALL) &&
		    !xlat_srf_args_standalone(l->list->items[0]->func_call))
			return true;
	}
	return false;
}

static void zip(struct xlat_ctx *c, const struct rowsfrom *r)
{
	xlat_puts(c, "pgfn_rows_zip('");
	for (size_t k = 0; k < r->n; k++)
		xlat_printf(c, "%s%zu", k ? "," : "", r->fns[k].width);
	xlat_puts(c, "'");
	for (size_t k = 0; k < r->n; k++)
		xlat_printf(c, ", %s", r->fns[k].blob);
	xlat_puts(c, ")");
}

int xlat_rowsfrom_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	struct rowsfrom r = {0};
	if (!rf->is_rowsfrom)
		return 0;
	if (!read_fns(c, rf, &r))
		return -1;
	size_t ncols = r.width + (rf->ordinality ? 1 : 0);
	if (!joined(rf)) {
		xlat_puts(c, "(SELECT ");
		for (size_t i = 0; i < ncols; i++) {
			uint32_t type;
			const char *name = col_name(rf, &r, i, &type);
			/* an unnested bool's "t" as 1 (xlat_unnest_tag; a 1 stays 1) */
			bool b = i < r.width && type == XLAT_OID_BOOL;
			xlat_puts(c, i ? ", " : "");
			xlat_puts(c, b ? "pgfn_array_elem(" : "");
			xlat_printf(c, i < r.width ? "c%zu" : "ordinality", i);
			xlat_puts(c, b ? ", 'b') AS " : " AS ");
			xlat_ident(c, name);
		}
		xlat_puts(c, " FROM ");
	}
	zip(c, &r);
	xlat_puts(c, joined(rf) ? " AS " : ") AS ");
	xlat_ident(c, r.alias);
	return 1;
}

bool xlat_rowsfrom_collect(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	struct rowsfrom r = {0};
	if (!rf->is_rowsfrom || !joined(rf))
		return false;
	c->dry++;
	bool ok = read_fns(c, rf, &r);
	c->dry--;
	if (!ok)
		return false; /* the FROM list's translation reports it */
	for (size_t i = 0; i < r.width + (rf->ordinality ? 1 : 0); i++) {
		uint32_t type;
		struct xlat_srfcol *sc = xlat_srf_newcol(c);
		sc->alias = r.alias;
		sc->name = col_name(rf, &r, i, &type);
		sc->vcol = i < r.width ? arena_printf(c->a, "c%zu", i) : "ordinality";
	}
	return true;
}

int xlat_rowsfrom_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			     const char **name, const struct xlat_schema_col **cols, size_t *n)
{
	struct rowsfrom r = {0};
	if (!rf->is_rowsfrom)
		return 0;
	c->dry++;
	bool ok = read_fns(c, rf, &r);
	c->dry--;
	if (!ok)
		return -1;
	*n = r.width + (rf->ordinality ? 1 : 0);
	struct xlat_schema_col *v = arena_zalloc(c->a, (*n + 1) * sizeof(*v));
	for (size_t i = 0; i < *n; i++) {
		v[i].name = col_name(rf, &r, i, &v[i].type_oid);
		v[i].typmod = -1;
	}
	*name = r.alias;
	*cols = v;
	return 1;
}
