/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_srf.c: set-returning functions in FROM that pgfn provides as table-valued functions:
 * unnest(a, b, ...) with several arrays, json[b]_array_elements[_text], json[b]_each[_text],
 * json[b]_object_keys — with WITH ORDINALITY and column aliases, as PostgreSQL names their
 * columns. Single-array unnest and generate_series stay with the catalog (xlat_catalog_srf.c). */
#include "xlat_int.h"

#include "pgtype.h"

#include <stdio.h>
#include <string.h>

struct srf {
	const char *name;
	const char *sqlite;
	int min, max;
	int mode; /* -1: none; -2: none, one jsonb column (jsonb_path_query); -3: none, the
		   * module chosen by the arguments' types (generate_series); else pgfn's json
		   * mode (0 json, 1 jsonb, 2 jsonb text, 3 json text) */
	const char *cols[2];  /* PostgreSQL's column names (NULL: the alias or the function name) */
	const char *vcols[2]; /* the table-valued function's columns */
};

/* unnest of one array is the catalog's (xlat_catalog_srf.c) unless it takes another FROM item's
 * columns; unnest of several arrays is always ours. */
#define IS_UNNEST(s) ((s)->vcols[0] == NULL)
/* generate_series is the catalog's too (xlat_catalog_srf.c) unless it takes another FROM
 * item's columns (FROM t, generate_series(1, t.n)). */
#define IS_SERIES(s) ((s)->mode == -3)

static const struct srf srfs[] = {
	{"unnest", "pgfn_unnest", 1, 8, -1, {NULL, NULL}, {NULL, NULL}},
	{"json_array_elements", "pgfn_json_elements", 1, 1, 0, {"value", NULL}, {"value", NULL}},
	{"jsonb_array_elements", "pgfn_jsonb_elements", 1, 1, 1, {"value", NULL}, {"value", NULL}},
	{"json_array_elements_text",
	 "pgfn_json_elements_text",
	 1,
	 1,
	 3,
	 {"value", NULL},
	 {"value", NULL}},
	{"jsonb_array_elements_text",
	 "pgfn_json_elements_text",
	 1,
	 1,
	 2,
	 {"value", NULL},
	 {"value", NULL}},
	{"json_each", "pgfn_json_each", 1, 1, 0, {"key", "value"}, {"key", "value"}},
	{"jsonb_each", "pgfn_jsonb_each", 1, 1, 1, {"key", "value"}, {"key", "value"}},
	{"json_each_text", "pgfn_json_each_text", 1, 1, 3, {"key", "value"}, {"key", "value"}},
	{"jsonb_each_text", "pgfn_json_each_text", 1, 1, 2, {"key", "value"}, {"key", "value"}},
	{"json_object_keys", "pgfn_json_keys", 1, 1, 0, {NULL, NULL}, {"key", NULL}},
	{"jsonb_object_keys", "pgfn_json_keys", 1, 1, 1, {NULL, NULL}, {"key", NULL}},
	{"regexp_matches", "pgfn_regexp_matches", 2, 3, -1, {NULL, NULL}, {"value", NULL}},
	{"jsonb_path_query", "pgfn_jsonb_path_query", 2, 4, -2, {NULL, NULL}, {"value", NULL}},
	{"jsonb_path_query_tz", "pgfn_jsonb_path_query", 2, 4, -2, {NULL, NULL}, {"value", NULL}},
	{"generate_series", "pg_srf_series", 2, 3, -3, {NULL, NULL}, {"value", NULL}},
};

/* The relation names a subquery's FROM items give (aliases, else table names), and whether
 * a column reference of it names another: a qualified one naming none of them, or any when it
 * has none (a bare name may then be the query's around). */
struct sublink_names {
	const char *names[16];
	size_t n;
	bool full, outer;
};

static bool collect_names(void *arg, const ProtobufCMessage *m)
{
	struct sublink_names *w = arg;
	const char *name = xlat_tree_item_name(m);
	if (name && w->n < ARRAY_LEN(w->names))
		w->names[w->n++] = name;
	else if (name)
		w->full = true;
	return xlat_tree_each(m, collect_names, arg);
}

static bool find_outer(void *arg, const ProtobufCMessage *m)
{
	struct sublink_names *w = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		const char *first = cr->n_fields >= 2 ? xlat_node_str(cr->fields[0]) : NULL;
		bool known = w->n > 0 && !first;
		for (size_t i = 0; first && i < w->n; i++)
			known |= w->names[i] && strcmp(w->names[i], first) == 0;
		if (!known) {
			w->outer = true;
			return false;
		}
	}
	return xlat_tree_each(m, find_outer, arg);
}

static bool uncorrelated(const PgQuery__Node *q)
{
	struct sublink_names w = {0};
	if (!q)
		return false;
	collect_names(&w, &q->base);
	if (w.full)
		return false;
	find_outer(&w, &q->base);
	return !w.outer;
}

/* Arguments that cannot refer to another FROM item: constants, parameters, casts, arrays and
 * calls of those. A subquery may then rename the columns; otherwise the function is joined
 * directly, so SQLite passes it the other item's columns row by row, and references to its
 * columns (and * over the FROM list) are rewritten to the function's own column names. */
static bool is_standalone(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_A_CONST:
	case PG_QUERY__NODE__NODE_PARAM_REF:
		return true;
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		return is_standalone(n->type_cast->arg);
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
		for (size_t i = 0; i < n->a_array_expr->n_elements; i++)
			if (!is_standalone(n->a_array_expr->elements[i]))
				return false;
		return true;
	case PG_QUERY__NODE__NODE_FUNC_CALL:
		for (size_t i = 0; i < n->func_call->n_args; i++)
			if (!is_standalone(n->func_call->args[i]))
				return false;
		return true;
	case PG_QUERY__NODE__NODE_A_EXPR: /* now() + interval '1 hour' */
		return (!n->a_expr->lexpr || is_standalone(n->a_expr->lexpr)) &&
		       n->a_expr->rexpr && is_standalone(n->a_expr->rexpr);
	case PG_QUERY__NODE__NODE_ROW_EXPR: /* ROW(1, 'a')::pt */
		for (size_t i = 0; i < n->row_expr->n_args; i++)
			if (!is_standalone(n->row_expr->args[i]))
				return false;
		return true;
	case PG_QUERY__NODE__NODE_SUB_LINK: /* f((SELECT max(id) FROM t)) */
		return n->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK &&
		       uncorrelated(n->sub_link->subselect);
	default:
		return false;
	}
}

bool xlat_srf_args_standalone(const PgQuery__FuncCall *f)
{
	for (size_t i = 0; i < f->n_args; i++) {
		const PgQuery__Node *a = f->args[i];
		if (a->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR)
			a = a->named_arg_expr->arg;
		if (!is_standalone(a))
			return false;
	}
	return true;
}

static const struct srf *find(const PgQuery__FuncCall *f, const char **name)
{
	const char *schema = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	*name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	if (f->n_funcname > 2 || !schema || strcmp(schema, "pg_catalog") != 0 || !*name)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(srfs); i++) {
		if (strcmp(srfs[i].name, *name) == 0 && (int)f->n_args >= srfs[i].min &&
		    (int)f->n_args <= srfs[i].max)
			return &srfs[i];
	}
	return NULL;
}

/* pgfn's unnest module whose columns are declared with the element type shared by every
 * array (the arrays' types are known after they are emitted: the name is patched in then). */
static const char *unnest_suffix(const struct xlat_type *tv, size_t n)
{
	static const struct {
		uint32_t array;
		const char *suffix;
	} typed[] = {{1005, "_int2   "}, {1007, "_int4   "}, {1016, "_int8   "},
		     {1009, "_text   "}, {1231, "_numeric"}, {1022, "_float8 "}};
	for (size_t k = 0; k < ARRAY_LEN(typed); k++) {
		size_t i = 0;
		while (i < n && tv[i].oid == typed[k].array)
			i++;
		if (i == n)
			return typed[k].suffix;
	}
	return "        ";
}

static bool call(struct xlat_ctx *c, const struct srf *s, const PgQuery__FuncCall *f)
{
	struct xlat_type tv[8];
	size_t name_at = c->sb->len;
	if (IS_SERIES(s)) /* the name is patched once the arguments' types are known */
		xlat_printf(c, "%-19s", s->sqlite);
	else
		xlat_puts(c, s->sqlite);
	size_t suffix_at = c->sb->len;
	xlat_puts(c, s->mode < 0 && IS_UNNEST(s) ? "        (" : "(");
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		size_t from = c->sb->len;
		if (!xlat_expr(c, f->args[i], &tv[i < 8 ? i : 7]))
			return false;
		if (IS_UNNEST(s)) /* a multirange's ranges */
			tv[i < 8 ? i : 7].oid = xlat_multirange_unnest(c, from, tv[i < 8 ? i : 7].oid);
		if (IS_UNNEST(s) && f->n_args > 1 &&
		    xlat_comptype_array_elem(c, tv[i < 8 ? i : 7].oid))
			return xlat_unsupported(c, f->location, XLAT_UNNEST_ROWS);
		if (IS_UNNEST(s) && xlat_array_elem(tv[i < 8 ? i : 7].oid) == XLAT_OID_MONEY)
			return xlat_unsupported(c, f->location, "unnest() of a money[] beside the "
								"FROM items to its left");
		if (IS_UNNEST(s) && tv[i < 8 ? i : 7].oid == XLAT_OID_TSVECTOR)
			return xlat_unsupported(c, f->location, "unnest(tsvector) of a column of the "
								"FROM items to its left");
	}
	if (s->mode < 0 && IS_UNNEST(s) && !c->sb->failed) /* same width: no constant moves */
		memcpy(c->sb->data + suffix_at, unnest_suffix(tv, f->n_args), 8);
	if (IS_SERIES(s) && !xlat_series_module(c, tv, f->n_args, name_at))
		return false;
	if (s->mode >= 0)
		xlat_printf(c, ", %d", s->mode);
	xlat_puts(c, ")");
	return true;
}

/* One output column: the alias the query gave it, or PostgreSQL's name; tag: the
 * pgfn_array_elem tag its values need (xlat_unnest_tag), or 0. */
static void column(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, size_t i, const char *vcol,
		   const char *pgname, char tag, bool *first)
{
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	xlat_puts(c, *first ? "" : ", ");
	*first = false;
	xlat_puts(c, tag ? "pgfn_array_elem(" : "");
	xlat_puts(c, vcol);
	if (tag)
		xlat_printf(c, ", '%c')", tag);
	xlat_puts(c, " AS ");
	xlat_ident(c, i < ncol ? xlat_node_str(rf->alias->colnames[i]) : pgname);
}

const PgQuery__FuncCall *xlat_rf_call(const PgQuery__RangeFunction *rf)
{
	const PgQuery__Node *item =
		rf->n_functions == 1 && rf->functions[0]->node_case == PG_QUERY__NODE__NODE_LIST &&
				rf->functions[0]->list->n_items >= 1
			? rf->functions[0]->list->items[0]
			: NULL;
	if (!item || item->node_case != PG_QUERY__NODE__NODE_FUNC_CALL || rf->is_rowsfrom)
		return NULL;
	return item->func_call;
}

/* The function call of a FROM item that is a single plain call without a column definition
 * list, else NULL. */
static const PgQuery__FuncCall *single_call(const PgQuery__RangeFunction *rf)
{
	return rf->n_coldeflist ? NULL : xlat_rf_call(rf);
}

/* The one function call of a FROM item that is one of ours, else NULL. */
static const struct srf *our_function(const PgQuery__RangeFunction *rf, const PgQuery__FuncCall **f,
				      const char **name)
{
	*f = single_call(rf);
	return *f ? find(*f, name) : NULL;
}

/* Joined directly: an argument refers to another FROM item, or unnest of several arrays,
 * whose columns all called unnest a subquery cannot name (SQLite would rename the second
 * unnest:1); a bare * then spells them out under PostgreSQL's names. */
static bool joined_directly(const PgQuery__FuncCall *f)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	if (f->n_args > 1 && name && strcmp(name, "unnest") == 0)
		return true;
	for (size_t i = 0; i < f->n_args; i++)
		if (!is_standalone(f->args[i]))
			return true;
	return false;
}

/* Ours to translate: not unnest of one standalone array, which the catalog keeps. */
static const struct srf *ours(const PgQuery__RangeFunction *rf, const PgQuery__FuncCall **f,
			      const char **name)
{
	const struct srf *s = our_function(rf, f, name);
	return s && ((IS_UNNEST(s) && (*f)->n_args == 1) || (IS_SERIES(s) && !rf->lateral)) &&
			       !joined_directly(*f)
		       ? NULL
		       : s;
}

static size_t out_count(const struct srf *s, const PgQuery__FuncCall *f)
{
	return IS_UNNEST(s) ? f->n_args : s->cols[1] ? 2 : 1;
}

/* The PostgreSQL name and the table-valued function's column of output column i (nout: the
 * ordinality column). */
static void out_column(const struct srf *s, const PgQuery__RangeFunction *rf, const char *alias,
		       size_t i, size_t nout, struct xlat_srfcol *sc, struct arena *a)
{
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	bool ord = i == nout;
	sc->alias = alias;
	sc->vcol = ord ? "ordinality" : IS_UNNEST(s) ? arena_printf(a, "v%zu", i) : s->vcols[i];
	sc->name = i < ncol                   ? xlat_node_str(rf->alias->colnames[i])
		   : ord                      ? "ordinality"
		   : IS_UNNEST(s) && nout > 1 ? "unnest"
		   : s->cols[i]               ? s->cols[i]
					      : alias;
}

struct xlat_srfcol *xlat_srf_newcol(struct xlat_ctx *c)
{
	if (c->nsrfcols == c->srfcols_cap) {
		int cap = c->srfcols_cap ? 2 * c->srfcols_cap : 8;
		struct xlat_srfcol *nv = arena_zalloc(c->a, (size_t)cap * sizeof(*nv));
		if (c->nsrfcols)
			memcpy(nv, c->srfcols, (size_t)c->nsrfcols * sizeof(*nv));
		c->srfcols = nv;
		c->srfcols_cap = cap;
	}
	return &c->srfcols[c->nsrfcols++];
}

/* Collects one FROM item's directly joined functions, inside JOINs too (Django's
 * get_constraints: unnest(c.conkey) WITH ORDINALITY cols(colid, arridx) JOIN pg_attribute). */
static bool collect_item(struct xlat_ctx *c, const PgQuery__Node *item)
{
	if (item->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		if (!xlat_enter(c)) /* the FROM list's translation reports the depth */
			return false;
		bool l = collect_item(c, item->join_expr->larg);
		bool r = collect_item(c, item->join_expr->rarg);
		xlat_leave(c);
		return l || r;
	}
	if (item->node_case != PG_QUERY__NODE__NODE_RANGE_FUNCTION)
		return false;
	const PgQuery__RangeFunction *rf = item->range_function;
	const PgQuery__FuncCall *f;
	const char *name;
	const struct srf *s = ours(rf, &f, &name);
	if (!s)
		return xlat_udf_collect(c, rf) || xlat_rowsfrom_collect(c, rf); /* joined directly */
	if (!joined_directly(f))
		return false;
	const char *alias = rf->alias ? rf->alias->aliasname : name;
	size_t nout = out_count(s, f);
	for (size_t i = 0; i < nout + (rf->ordinality ? 1 : 0); i++)
		out_column(s, rf, alias, i, nout, xlat_srf_newcol(c), c->a);
	return true;
}

void xlat_srf_collect(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	c->star_from = NULL;
	c->n_star_from = 0;
	for (size_t k = 0; k < n; k++) {
		if (!collect_item(c, v[k]))
			continue;
		c->star_from = v;
		c->n_star_from = n;
	}
}

static void emit_col(struct xlat_ctx *c, const struct xlat_srfcol *sc)
{
	/* parenthesized: a substituted reference (xlat_targets names its column) */
	xlat_puts(c, sc->field ? "(pgfn_record_field((" : "(");
	xlat_ident(c, sc->alias);
	xlat_printf(c, ".%s)", sc->vcol);
	if (sc->field) /* an attribute of the element (xlat_unnestrow.c) */
		xlat_printf(c, ", %d, %u))", sc->field - 1, sc->field_input);
}

/* As emit_col, an unnested bool's "t" read as 1 (xlat_unnest_tag; a value stored as 1 stays
 * so); t: the column's type. */
static void emit_typed_col(struct xlat_ctx *c, const struct xlat_srfcol *sc, struct xlat_type t)
{
	bool b = t.oid == XLAT_OID_BOOL && !sc->field;
	xlat_puts(c, b ? "(pgfn_array_elem(" : ""); /* parenthesized as emit_col's */
	emit_col(c, sc);
	xlat_puts(c, b ? ", 'b'))" : "");
}

/* alias.* of a directly joined function: its columns under their PostgreSQL names. */
static bool alias_star(struct xlat_ctx *c, const char *alias, bool *first)
{
	bool found = false;
	for (int i = 0; i < c->nsrfcols; i++) {
		if (strcmp(c->srfcols[i].alias, alias) != 0)
			continue;
		xlat_puts(c, *first ? "" : ", ");
		*first = false;
		found = true;
		struct xlat_colref ref;
		const PgQuery__Node *cr =
			xlat_colref(&ref, c->srfcols[i].alias, c->srfcols[i].name, -1);
		emit_typed_col(c, &c->srfcols[i], xlat_scope_column_type(c, cr->column_ref));
		xlat_puts(c, " AS ");
		xlat_ident(c, c->srfcols[i].name);
	}
	return found;
}

int xlat_srf_column_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t)
{
	const char *alias = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	const char *col = xlat_node_str(cr->fields[cr->n_fields - 1]);
	if (alias && cr->fields[1]->node_case == PG_QUERY__NODE__NODE_A_STAR) {
		bool first = true;
		return (c->flags & XLAT_X_STAR) && alias_star(c, alias, &first) ? 1 : 0;
	}
	if (!col || cr->n_fields > 2)
		return 0;
	for (int i = c->nsrfcols - 1; i >= 0; i--) {
		const struct xlat_srfcol *sc = &c->srfcols[i];
		if (strcmp(sc->name, col) == 0 && (!alias || strcmp(sc->alias, alias) == 0)) {
			*t = xlat_scope_column_type(c, cr);
			emit_typed_col(c, sc, *t);
			return 1;
		}
	}
	return 0;
}

/* The alias * means for one FROM item (NULL: cannot tell, as for a join). */
static const char *item_alias(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_RANGE_VAR:
		return n->range_var->alias ? n->range_var->alias->aliasname : n->range_var->relname;
	case PG_QUERY__NODE__NODE_RANGE_SUBSELECT:
		return n->range_subselect->alias ? n->range_subselect->alias->aliasname : NULL;
	case PG_QUERY__NODE__NODE_RANGE_FUNCTION: { /* unaliased: named after the function */
		const PgQuery__RangeFunction *rf = n->range_function;
		const PgQuery__Node *item =
			rf->n_functions == 1 && rf->functions[0]->node_case == PG_QUERY__NODE__NODE_LIST &&
					rf->functions[0]->list->n_items >= 1
				? rf->functions[0]->list->items[0]
				: NULL;
		if (rf->alias)
			return rf->alias->aliasname;
		if (rf->is_rowsfrom && rf->n_functions > 1)
			return "rows_from"; /* xlat_rowsfrom.c's */
		if (!item || item->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
			return NULL;
		const PgQuery__FuncCall *f = item->func_call;
		return xlat_node_str(f->funcname[f->n_funcname - 1]);
	}
	default:
		return NULL;
	}
}

/* One FROM item's columns for a *: a directly joined function's and a LATERAL subquery's
 * spelled out, a join's sides in turn, others as alias.*. */
static bool star_item(struct xlat_ctx *c, const PgQuery__Node *n, bool *first)
{
	const PgQuery__FuncCall *f;
	const char *name;
	if (n->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR) {
		const PgQuery__JoinExpr *j = n->join_expr;
		if (j->n_using_clause || j->is_natural) /* their columns merge */
			return xlat_unsupported(c, -1, "* over a join with USING or NATURAL beside "
						       "a set-returning function or LATERAL subquery");
		return star_item(c, j->larg, first) && star_item(c, j->rarg, first);
	}
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_FUNCTION &&
	    ours(n->range_function, &f, &name) && joined_directly(f)) {
		const PgQuery__Alias *al = n->range_function->alias;
		alias_star(c, al ? al->aliasname : name, first);
		return true;
	}
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_FUNCTION && item_alias(n) &&
	    alias_star(c, item_alias(n), first))
		return true; /* the tenant's function joined directly */
	int lat = xlat_lateral_star(c, n, first);
	if (lat)
		return lat > 0;
	const char *alias = item_alias(n);
	if (!alias)
		return xlat_unsupported(c, -1, "* over this FROM list with a set-returning function");
	xlat_puts(c, *first ? "" : ", ");
	*first = false;
	xlat_ident(c, alias);
	xlat_puts(c, ".*");
	return true;
}

bool xlat_srf_star(struct xlat_ctx *c)
{
	bool first = true;
	for (size_t k = 0; k < c->n_star_from; k++)
		if (!star_item(c, c->star_from[k], &first))
			return false;
	return true;
}

int xlat_srf_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	const PgQuery__FuncCall *f;
	const char *name;
	const struct srf *s = ours(rf, &f, &name);
	if (!s)
		return 0;
	bool failed = false; /* citext's regexp_matches folds case: refused (xlat_citext.c) */
	if (strcmp(name, "regexp_matches") == 0 && xlat_citext_regexp_flags(c, f, &failed) &&
	    !failed)
		failed = !xlat_unsupported(c, f->location, "regexp_matches() of a citext");
	if (failed)
		return -1;
	const char *alias = rf->alias ? rf->alias->aliasname : name;
	size_t nout = out_count(s, f);
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	int rows = IS_UNNEST(s) ? xlat_unnestrow_check(c, rf) : 0; /* unnest(t.a) of pt[] */
	if (rows)
		nout = ncol; /* (its attributes, checked) */
	if (rows < 0)
		return -1;
	if (ncol > nout + (rf->ordinality ? 1 : 0))
		return xlat_fail(c, "42P10", -1,
				 "too many column aliases specified for function %s", name)
			       ? 1
			       : -1;
	if (joined_directly(f)) { /* its columns were put in scope by xlat_srf_collect */
		if (!call(c, s, f))
			return -1;
		xlat_puts(c, " AS ");
		xlat_ident(c, alias);
		return 1;
	}
	bool first = true;
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < nout; i++) {
		char vcol[24];
		struct xlat_type at = {0, -1};
		snprintf(vcol, sizeof(vcol), "v%zu", i);
		if (IS_UNNEST(s) && !rows && i < f->n_args &&
		    !xlat_scope_dry_expr(c, f->args[i], &at))
			return -1;
		column(c, rf, i, IS_UNNEST(s) ? vcol : s->vcols[i],
		       IS_UNNEST(s) ? "unnest"
		       : s->cols[i] ? s->cols[i]
				    : alias,
		       IS_UNNEST(s) ? xlat_unnest_tag(at.oid) : 0, &first);
	}
	if (rf->ordinality)
		column(c, rf, nout, "ordinality", "ordinality", 0, &first);
	xlat_puts(c, " FROM ");
	if (!call(c, s, f))
		return -1;
	xlat_puts(c, ") AS ");
	xlat_ident(c, alias);
	return 1;
}

/* ---- typing for the scope ---- */

/* generate_series' result type by its arguments' types (0: not known here). */
static uint32_t series_type(const struct xlat_type *tv, size_t n)
{
	uint32_t t = XLAT_OID_INT4;
	for (size_t i = 0; i < n && i < 2; i++) { /* over timestamps: see series_module */
		if (tv[i].oid == XLAT_OID_TIMESTAMPTZ || tv[i].oid == XLAT_OID_DATE)
			return XLAT_OID_TIMESTAMPTZ;
		if (tv[i].oid == XLAT_OID_TIMESTAMP)
			t = XLAT_OID_TIMESTAMP;
	}
	if (t == XLAT_OID_TIMESTAMP)
		return n == 3 ? t : 0;
	for (size_t i = 0; i < n; i++) {
		if (tv[i].oid == XLAT_OID_NUMERIC)
			t = XLAT_OID_NUMERIC;
		else if (tv[i].oid == XLAT_OID_INT8 && t != XLAT_OID_NUMERIC)
			t = XLAT_OID_INT8;
		else if (tv[i].oid != XLAT_OID_INT2 && tv[i].oid != XLAT_OID_INT4 &&
			 tv[i].oid != XLAT_OID_INT8 && tv[i].oid != XLAT_OID_NUMERIC &&
			 tv[i].oid != XLAT_OID_UNKNOWN)
			return 0;
	}
	return t;
}

/* The JSON function's column types: pgfn's mode says json, jsonb or text. */
static uint32_t json_mode_type(int mode)
{
	return mode == 0 ? XLAT_OID_JSON : mode == 1 ? XLAT_OID_JSONB : XLAT_OID_TEXT;
}

/* The value columns' types and PostgreSQL names: -1 failed, 0 not known, else how many. */
static int value_cols(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		      const char *alias, struct xlat_schema_col *v)
{
	struct xlat_type tv[8];
	if (f->n_args > 8 || f->agg_star || f->over)
		return 0;
	for (size_t i = 0; i < f->n_args; i++)
		if (!xlat_scope_dry_expr(c, f->args[i], &tv[i]))
			return -1;
	if (strcmp(name, "generate_series") == 0) {
		if (f->n_args < 2 || f->n_args > 3)
			return 0;
		v[0] = (struct xlat_schema_col){
			.name = alias, .type_oid = series_type(tv, f->n_args), .typmod = -1};
		return v[0].type_oid ? 1 : 0;
	}
	if (xlat_scalar_in_from(f, name, "pg_catalog")) { /* one column of the call's type */
		PgQuery__Node call = PG_QUERY__NODE__INIT;
		call.node_case = PG_QUERY__NODE__NODE_FUNC_CALL;
		call.func_call = (PgQuery__FuncCall *)f;
		struct xlat_type t;
		if (!xlat_scope_dry_expr(c, &call, &t))
			return -1;
		v[0] = (struct xlat_schema_col){.name = alias, .type_oid = t.oid, .typmod = t.typmod};
		return t.oid ? 1 : 0;
	}
	if (strcmp(name, "generate_subscripts") == 0) { /* xlat_catalog_srf.c */
		v[0] = (struct xlat_schema_col){
			.name = alias, .type_oid = XLAT_OID_INT4, .typmod = -1};
		return f->n_args == 2 ? 1 : 0;
	}
	if (strcmp(name, "unnest") == 0 && f->n_args == 1 && tv[0].oid == XLAT_OID_TSVECTOR) {
		/* unnest(tsvector): pgfn_ts_unnest's rows (xlat_catalog_srf.c) */
		v[0] = (struct xlat_schema_col){.name = "lexeme", .type_oid = XLAT_OID_TEXT, .typmod = -1};
		v[1] = (struct xlat_schema_col){.name = "positions", .type_oid = 1005, .typmod = -1};
		v[2] = (struct xlat_schema_col){.name = "weights", .type_oid = 1009, .typmod = -1};
		return 3;
	}
	const struct srf *s = find(f, &name);
	if (!s)
		return 0;
	if (IS_UNNEST(s)) {
		for (size_t i = 0; i < f->n_args; i++) {
			/* a multirange's ranges (xlat_multirange_unnest) */
			uint32_t mr = pgtype_multirange_range(tv[i].oid);
			const struct pgtype_info *ti = pgtype_by_oid(tv[i].oid);
			uint32_t el = mr ? mr : ti ? ti->elem_oid : xlat_array_elem_in(c, tv[i].oid);
			if (!el) /* (an enum's array gives the enum) */
				return 0;
			v[i] = (struct xlat_schema_col){
				.name = f->n_args > 1 ? "unnest" : alias, .type_oid = el, .typmod = -1};
		}
		return (int)f->n_args;
	}
	int n = s->cols[1] ? 2 : 1;
	for (int i = 0; i < n; i++)
		v[i] = (struct xlat_schema_col){
			.name = s->cols[i] ? s->cols[i] : alias,
			.type_oid = s->mode == -2  ? XLAT_OID_JSONB
				    : s->mode < 0 ? 1009 /* regexp_matches: text[] */
				    : strcmp(s->vcols[i], "key") == 0 ? XLAT_OID_TEXT
								      : json_mode_type(s->mode),
			.typmod = -1};
	return n;
}

int xlat_srf_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char **name,
			const struct xlat_schema_col **cols, size_t *n)
{
	const PgQuery__FuncCall *f = single_call(rf);
	if (!f)
		return 0;
	const char *fn = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	if (!fn || !schema || f->n_funcname > 2 || strcmp(schema, "pg_catalog") != 0)
		return 0;
	*name = rf->alias ? rf->alias->aliasname : fn;
	struct xlat_schema_col *v = arena_zalloc(c->a, 10 * sizeof(*v));
	int got = value_cols(c, f, fn, *name, v);
	if (got <= 0)
		return got;
	size_t k = (size_t)got;
	if (rf->ordinality) /* (_pg_expandarray's n: an int4) */
		v[k++] = (struct xlat_schema_col){.name = "ordinality",
						  .type_oid = xlat_colalias_expandarray(c, rf)
								      ? XLAT_OID_INT4
								      : XLAT_OID_INT8,
						  .typmod = -1};
	size_t nal = rf->alias ? rf->alias->n_colnames : 0;
	if (nal > k)
		return 0; /* the real pass reports it */
	for (size_t i = 0; i < nal; i++)
		v[i].name = xlat_node_str(rf->alias->colnames[i]);
	*cols = v;
	*n = k;
	return 1;
}
