/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_srf.c: set-returning functions in FROM that pgfn provides as table-valued functions:
 * unnest(a, b, ...) with several arrays, json[b]_array_elements[_text], json[b]_each[_text],
 * json[b]_object_keys — with WITH ORDINALITY and column aliases, as PostgreSQL names their
 * columns. Single-array unnest and generate_series stay with the catalog (xlat_catalog_srf.c). */
#include "xlat_int.h"

#include <stdio.h>
#include <string.h>

struct srf {
	const char *name;
	const char *sqlite;
	int min, max;
	int mode; /* -1: none; else pgfn's json mode (0 json, 1 jsonb, 2 jsonb text, 3 json text) */
	const char *cols[2];  /* PostgreSQL's column names (NULL: the alias or the function name) */
	const char *vcols[2]; /* the table-valued function's columns */
};

static const struct srf srfs[] = {
	{"unnest", "pgfn_unnest", 2, 8, -1, {NULL, NULL}, {NULL, NULL}},
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
};

/* Arguments that cannot refer to another FROM item: constants, parameters, casts, arrays and
 * calls of those. A subquery may then rename the columns; otherwise the function is joined
 * directly, so SQLite passes it the other item's columns row by row. */
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
	default:
		return false;
	}
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
	xlat_puts(c, s->sqlite);
	size_t suffix_at = c->sb->len;
	xlat_puts(c, s->mode < 0 && s->min > 1 ? "        (" : "(");
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!xlat_expr(c, f->args[i], &tv[i < 8 ? i : 7]))
			return false;
	}
	if (s->mode < 0 && s->min > 1 && !c->sb->failed) /* same width: no constant moves */
		memcpy(c->sb->data + suffix_at, unnest_suffix(tv, f->n_args), 8);
	if (s->mode >= 0)
		xlat_printf(c, ", %d", s->mode);
	xlat_puts(c, ")");
	return true;
}

/* One output column: the alias the query gave it, or PostgreSQL's name. */
static void column(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, size_t i, const char *vcol,
		   const char *pgname, bool *first)
{
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	xlat_puts(c, *first ? "" : ", ");
	*first = false;
	xlat_puts(c, vcol);
	xlat_puts(c, " AS ");
	xlat_ident(c, i < ncol ? xlat_node_str(rf->alias->colnames[i]) : pgname);
}

int xlat_srf_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	const PgQuery__Node *item =
		rf->n_functions == 1 && rf->functions[0]->node_case == PG_QUERY__NODE__NODE_LIST &&
				rf->functions[0]->list->n_items >= 1
			? rf->functions[0]->list->items[0]
			: NULL;
	if (!item || item->node_case != PG_QUERY__NODE__NODE_FUNC_CALL || rf->is_rowsfrom ||
	    rf->n_coldeflist)
		return 0;
	const PgQuery__FuncCall *f = item->func_call;
	const char *name;
	const struct srf *s = find(f, &name);
	if (!s)
		return 0;
	const char *alias = rf->alias ? rf->alias->aliasname : name;
	size_t nout = s->min > 1 ? f->n_args : s->cols[1] ? 2 : 1;
	size_t ncol = rf->alias ? rf->alias->n_colnames : 0;
	if (ncol > nout + (rf->ordinality ? 1 : 0))
		return xlat_fail(c, "42P10", -1,
				 "too many column aliases specified for function %s", name)
			       ? 1
			       : -1;
	bool standalone = true;
	for (size_t i = 0; i < f->n_args; i++)
		standalone = standalone && is_standalone(f->args[i]);
	if (!standalone) {
		if (ncol || s->min > 1 || rf->ordinality || !s->cols[0])
			return xlat_unsupported(c, f->location,
						"this set-returning function over another FROM "
						"item's columns")
				       ? 1
				       : -1;
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
		snprintf(vcol, sizeof(vcol), "v%zu", i);
		column(c, rf, i, s->min > 1 ? vcol : s->vcols[i],
		       s->min > 1   ? "unnest"
		       : s->cols[i] ? s->cols[i]
				    : alias,
		       &first);
	}
	if (rf->ordinality)
		column(c, rf, nout, "ordinality", "ordinality", &first);
	xlat_puts(c, " FROM ");
	if (!call(c, s, f))
		return -1;
	xlat_puts(c, ") AS ");
	xlat_ident(c, alias);
	return 1;
}
