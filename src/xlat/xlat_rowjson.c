/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rowjson.c: a whole row as JSON — row_to_json(t), to_json(t), to_jsonb(t) and
 * json[b]_agg(t), where t names a relation of the query whose columns the translator's scope
 * knows. The row becomes pgfn_json_row('a', t.a, ..., tags) ({"a":1,...}, row_to_json's form)
 * or pgfn_jsonb_build_object (jsonb's canonical form), each value rendered by its type. */
#include "xlat_int.h"

#include <string.h>

enum row_fn { ROW_JSON, ROW_JSONB, AGG_JSON, AGG_JSONB };

static const struct {
	const char *name;
	enum row_fn fn;
} row_fns[] = {
	{"row_to_json", ROW_JSON}, {"to_json", ROW_JSON},    {"to_jsonb", ROW_JSONB},
	{"json_agg", AGG_JSON},    {"jsonb_agg", AGG_JSONB},
};

/* The relation a lone bare name argument (t, or t.*: kanel's row_to_json(columns.*)) names,
 * or NULL. */
static const char *row_arg(const PgQuery__FuncCall *f)
{
	if (f->n_args != 1 || f->args[0]->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return NULL;
	const PgQuery__ColumnRef *cr = f->args[0]->column_ref;
	bool star = cr->n_fields == 2 && cr->fields[1]->node_case == PG_QUERY__NODE__NODE_A_STAR;
	if (cr->n_fields != 1 && !star)
		return NULL;
	return xlat_node_str(cr->fields[0]);
}

/* rel.col through the ordinary column path (LATERAL and SRF columns included). */
static bool emit_column(struct xlat_ctx *c, const char *rel, const char *col, int location,
			struct xlat_type *t)
{
	struct xlat_colref r;
	return xlat_expr(c, xlat_colref(&r, rel, col, location), t);
}

static bool emit_row(struct xlat_ctx *c, const char *rel, const struct xlat_schema_col *cols,
		     size_t n, bool jsonb, int location)
{
	char *tags = arena_zalloc(c->a, 2 * n + 1);
	xlat_puts(c, jsonb ? "pgfn_jsonb_build_object(" : "pgfn_json_row(");
	for (size_t i = 0; i < n; i++) {
		struct xlat_type ty;
		if (!cols[i].name)
			return xlat_unsupported(c, location,
						"a row with an unnamed column as JSON");
		xlat_puts(c, i ? ", " : "");
		xlat_string(c, cols[i].name);
		xlat_puts(c, ", ");
		size_t mark = c->sb->len;
		if (!emit_column(c, rel, cols[i].name, location, &ty))
			return false;
		xlat_text_form(c, mark, c->sb->len, ty, XLAT_TF_JSON); /* 1.50 */
		tags[2 * i] = 't';
		tags[2 * i + 1] = xlat_json_tag(c, ty);
	}
	xlat_puts(c, n ? ", " : "");
	xlat_string(c, tags);
	xlat_puts(c, ")");
	return true;
}

/* row_to_json(ROW(1, 'a')), to_json(ROW(...)), to_jsonb(ROW(...)): a row constructor's
 * fields are f1, f2, ... as PostgreSQL names an anonymous record's. */
static int row_ctor(struct xlat_ctx *c, const PgQuery__RowExpr *r, bool jsonb, struct xlat_type *t)
{
	char *tags = arena_zalloc(c->a, 2 * r->n_args + 1);
	xlat_puts(c, jsonb ? "pgfn_jsonb_build_object(" : "pgfn_json_row(");
	for (size_t i = 0; i < r->n_args; i++) {
		struct xlat_type ty;
		xlat_printf(c, "%s'f%zu', ", i ? ", " : "", i + 1);
		if (!xlat_text_operand(c, r->args[i], &ty, XLAT_TF_JSON))
			return -1;
		tags[2 * i] = 't';
		tags[2 * i + 1] = xlat_json_tag(c, ty);
	}
	xlat_puts(c, r->n_args ? ", " : "");
	xlat_string(c, tags);
	xlat_puts(c, ")");
	*t = (struct xlat_type){jsonb ? XLAT_OID_JSONB : XLAT_OID_JSON, -1};
	return 1;
}

int xlat_row_json(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  struct xlat_type *t)
{
	const char *rel = row_arg(f);
	size_t k = 0;
	while (k < ARRAY_LEN(row_fns) && strcmp(row_fns[k].name, name) != 0)
		k++;
	if (k < ARRAY_LEN(row_fns) && row_fns[k].fn != AGG_JSON && row_fns[k].fn != AGG_JSONB &&
	    f->n_args == 1 && f->args[0]->node_case == PG_QUERY__NODE__NODE_ROW_EXPR &&
	    !f->agg_star && !f->agg_distinct && !f->over && !f->agg_filter && !f->n_agg_order)
		return row_ctor(c, f->args[0]->row_expr, row_fns[k].fn == ROW_JSONB, t);
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	int found = rel && k < ARRAY_LEN(row_fns) ? xlat_scope_whole_row(c, rel, &cols, &n) : 0;
	if (found == 0)
		return 0;
	if (found < 0)
		return xlat_unsupported(
			       c, f->location,
			       arena_printf(c->a,
					    found == -2 ? "%s of a row two of whose columns share "
							  "a name"
							: "%s of a row whose columns are not known "
							  "(a catalog relation, a function or *)",
					    name))
			       ? 1
			       : -1;
	enum row_fn fn = row_fns[k].fn;
	bool agg = fn == AGG_JSON || fn == AGG_JSONB;
	if (f->agg_star || f->agg_distinct || f->over || f->n_agg_order > 16 ||
	    (!agg && (f->agg_filter || f->n_agg_order)))
		return xlat_unsupported(c, f->location,
					arena_printf(c->a, "this form of %s of a row", name))
			       ? 1
			       : -1;
	bool jsonb = fn == ROW_JSONB || fn == AGG_JSONB;
	/* json_agg(t ORDER BY ...): pgfn_ordered_agg (pgfn_arrayop.c) over the rows' json */
	if (agg)
		xlat_puts(c, f->n_agg_order ? "pgfn_ordered_agg("
			     : jsonb        ? "pgfn_jsonb_agg("
					    : "pgfn_json_agg(");
	if (!emit_row(c, rel, cols, n, jsonb, f->location))
		return -1;
	char flags[40] = "";
	if (f->n_agg_order && !xlat_agg_sort_keys(c, f, flags))
		return -1;
	if (f->n_agg_order)
		xlat_printf(c, ", '%s:R', '%s')", jsonb ? "jsonb" : "json", flags);
	else if (agg)
		xlat_puts(c, ", 'R')"); /* a row: set apart as json_agg does */
	if (agg && !xlat_agg_filter(c, f))
		return -1;
	*t = (struct xlat_type){jsonb ? XLAT_OID_JSONB : XLAT_OID_JSON, -1};
	return 1;
}
