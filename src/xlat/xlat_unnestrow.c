/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_unnestrow.c: unnest(a) in FROM of one array of a row type (pt[]), whose columns are
 * the type's attributes as PostgreSQL makes them: each element (record_out's text, as such an
 * array keeps it) read field by field by pgfn_record_field: a subquery over a standalone
 * array, or, for unnest(t.a) joined directly (xlat_srf.c), its collected columns made fields. */
#include "xlat_int.h"

#include <string.h>

/* The row type of the elements of f's one argument (0: none, or not typed here). */
static uint32_t row_type(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	struct xlat_type t;
	if (f->n_args != 1 || f->agg_star || f->over)
		return 0;
	if (!xlat_scope_dry_expr(c, f->args[0], &t))
		return 0;
	return xlat_comptype_array_elem(c, t.oid);
}

/* The type's attributes; false when it has none known. */
static bool attrs(struct xlat_ctx *c, uint32_t oid, const struct xlat_schema_col **cols, size_t *n)
{
	const char *rel;
	return xlat_composite_of(c, oid, &rel, cols, n) && *n;
}

/* Column i's name: the alias list's, then the attribute's, then ordinality. */
static const char *col_name(const PgQuery__RangeFunction *rf, const struct xlat_schema_col *cols,
			    size_t n, size_t i)
{
	if (rf->alias && i < rf->alias->n_colnames)
		return xlat_node_str(rf->alias->colnames[i]);
	return i < n ? cols[i].name : "ordinality";
}

/* The call of FROM item rf when it is unnest(one argument) of pg_catalog, else NULL. */
static const PgQuery__FuncCall *unnest_call(const PgQuery__RangeFunction *rf)
{
	const PgQuery__FuncCall *f = rf->n_coldeflist ? NULL : xlat_rf_call(rf);
	if (!f || f->n_funcname > 2 || f->n_args != 1)
		return NULL;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	return name && schema && strcmp(name, "unnest") == 0 && strcmp(schema, "pg_catalog") == 0
		       ? f
		       : NULL;
}

int xlat_unnestrow_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			      const char **name, const struct xlat_schema_col **cols, size_t *n,
			      uint32_t *rowtype)
{
	const struct xlat_schema_col *ac;
	size_t an;
	const PgQuery__FuncCall *f = unnest_call(rf);
	uint32_t oid = f ? row_type(c, f) : 0;
	if (!oid || !attrs(c, oid, &ac, &an))
		return 0;
	size_t k = an + (rf->ordinality ? 1 : 0);
	if (rf->alias && rf->alias->n_colnames > k)
		return 0; /* the real pass reports it */
	struct xlat_schema_col *v = arena_zalloc(c->a, k * sizeof(*v));
	for (size_t i = 0; i < k; i++) {
		v[i] = i < an ? ac[i]
			      : (struct xlat_schema_col){.type_oid = XLAT_OID_INT8, .typmod = -1};
		v[i].name = col_name(rf, ac, an, i);
	}
	*name = rf->alias ? rf->alias->aliasname : "unnest";
	*cols = v;
	*n = k;
	*rowtype = rf->ordinality ? 0 : oid;
	return 1;
}

/* Whether rf's alias list fits its k columns (42P10 when it has more). */
static bool aliases_fit(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, size_t k)
{
	if (!rf->alias || rf->alias->n_colnames <= k)
		return true;
	return xlat_fail(c, "42P10", -1,
			 "table \"%s\" has %zu columns available but %zu columns specified",
			 rf->alias->aliasname, k, rf->alias->n_colnames);
}

int xlat_unnestrow_check(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	const struct xlat_schema_col *cols;
	size_t n;
	const PgQuery__FuncCall *f = unnest_call(rf);
	uint32_t oid = f ? row_type(c, f) : 0;
	if (!oid || !attrs(c, oid, &cols, &n))
		return 0;
	return aliases_fit(c, rf, n + (rf->ordinality ? 1 : 0)) ? 1 : -1;
}

int xlat_unnestrow_from(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			const PgQuery__FuncCall *f)
{
	const struct xlat_schema_col *cols;
	size_t n;
	uint32_t oid = row_type(c, f);
	if (!oid)
		return 0;
	if (!attrs(c, oid, &cols, &n)) {
		(void)xlat_unsupported(c, f->location, XLAT_UNNEST_ROWS);
		return -1;
	}
	const char *alias = rf->alias ? rf->alias->aliasname : "unnest";
	size_t k = n + (rf->ordinality ? 1 : 0);
	if (!aliases_fit(c, rf, k))
		return -1;
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < k; i++) {
		xlat_puts(c, i ? ", " : "");
		if (i == n)
			xlat_puts(c, "ordinality");
		else
			xlat_printf(c, "pgfn_record_field(value, %zu, %u)", i,
				    xlat_comptype_field_input(c, cols[i].type_oid));
		xlat_puts(c, " AS ");
		xlat_ident(c, col_name(rf, cols, n, i));
	}
	xlat_puts(c, " FROM pg_srf_unnest(");
	struct xlat_type ignored;
	if (!xlat_expr(c, f->args[0], &ignored))
		return -1;
	xlat_puts(c, ")) AS ");
	xlat_ident(c, alias);
	return 1;
}

/* The FROM item called alias in n (through joins) when it is unnest of one argument. */
static const PgQuery__RangeFunction *find_unnest(const PgQuery__Node *n, const char *alias)
{
	if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		const PgQuery__RangeFunction *l = find_unnest(n->join_expr->larg, alias);
		return l ? l : find_unnest(n->join_expr->rarg, alias);
	}
	if (n->node_case != PG_QUERY__NODE__NODE_RANGE_FUNCTION)
		return NULL;
	const PgQuery__RangeFunction *rf = n->range_function;
	const char *name = rf->alias ? rf->alias->aliasname : "unnest";
	return strcmp(name, alias) == 0 && unnest_call(rf) ? rf : NULL;
}

/* Replaces srfcols[i] (the element's one column, ordinality after it when asked for) by the
 * n attributes of cols; returns the index past them. */
static int expand(struct xlat_ctx *c, int i, const PgQuery__RangeFunction *rf,
		  const struct xlat_schema_col *cols, size_t n)
{
	bool ord = rf->ordinality;
	struct xlat_srfcol one = c->srfcols[i], *rest = NULL;
	int tail = c->nsrfcols - i - 1 - (ord ? 1 : 0);
	struct xlat_srfcol ordcol = ord ? c->srfcols[i + 1] : one;
	if (tail > 0) {
		rest = arena_alloc(c->a, (size_t)tail * sizeof(*rest));
		memcpy(rest, &c->srfcols[c->nsrfcols - tail], (size_t)tail * sizeof(*rest));
	}
	c->nsrfcols = i;
	for (size_t k = 0; k < n; k++) {
		struct xlat_srfcol *sc = xlat_srf_newcol(c);
		*sc = one;
		sc->name = col_name(rf, cols, n, k);
		sc->field = (int)k + 1;
		sc->field_input = xlat_comptype_field_input(c, cols[k].type_oid);
	}
	if (ord) {
		ordcol.name = col_name(rf, cols, n, n);
		*xlat_srf_newcol(c) = ordcol;
	}
	int past = c->nsrfcols;
	for (int k = 0; k < tail; k++)
		*xlat_srf_newcol(c) = rest[k];
	return past;
}

void xlat_unnestrow_joined(struct xlat_ctx *c, PgQuery__Node **v, size_t n, int mark)
{
	for (int i = mark; i < c->nsrfcols;) {
		const struct xlat_srfcol *sc = &c->srfcols[i];
		const PgQuery__RangeFunction *rf = NULL;
		for (size_t k = 0; !rf && strcmp(sc->vcol, "v0") == 0 && !sc->field && k < n; k++)
			rf = find_unnest(v[k], sc->alias);
		const struct xlat_schema_col *cols;
		size_t ncols;
		uint32_t oid = rf ? row_type(c, unnest_call(rf)) : 0;
		if (oid && attrs(c, oid, &cols, &ncols) &&
		    !(rf->alias && rf->alias->n_colnames > ncols + (rf->ordinality ? 1 : 0)))
			i = expand(c, i, rf, cols, ncols);
		else
			i++;
	}
}
