/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rowval.c: a whole row as a value the client sees — SELECT ROW(1, 'a'), SELECT (a, b),
 * SELECT t FROM t — and a field of one, (t).col. SQLite has no composite values, so a row in
 * a result column is its text (record_out's form, xlat_row_text) typed as PostgreSQL types it:
 * record (2249) for a row constructor, a subquery or a CTE, the table's or view's row type for
 * a relation of the tenant. Only where that text goes straight to the client: a row compared,
 * sorted, grouped or deduplicated by its text would not behave as PostgreSQL's field-wise
 * comparison does, so everywhere else a row value stays 0A000 — but for count([DISTINCT] (a, b))
 * (its fields' pgfn_row_key), array_agg((a, b)) (of the texts) and ORDER BY (a, b) (its fields,
 * xlat_row_sort). */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The relation name a bare column reference t (or t.*) names when no column is called t. */
static const char *row_name(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	return xlat_row_rel(c, n, &cols, &ncols);
}

const char *xlat_row_rel(const struct xlat_ctx *c, const PgQuery__Node *n,
			 const struct xlat_schema_col **cols, size_t *ncols)
{
	if (n->node_case != NODE(COLUMN_REF))
		return NULL;
	const PgQuery__ColumnRef *cr = n->column_ref;
	bool star = cr->n_fields == 2 && cr->fields[1]->node_case == NODE(A_STAR);
	if (cr->n_fields != 1 && !star)
		return NULL;
	const char *name = xlat_node_str(cr->fields[0]);
	return name && xlat_scope_whole_row(c, name, cols, ncols) == 1 ? name : NULL;
}

/* Whether n names a relation (t or t.*) two of whose columns share a name. */
static bool dup_named(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (n->node_case != NODE(COLUMN_REF) || n->column_ref->n_fields > 2 ||
	    (n->column_ref->n_fields == 2 && n->column_ref->fields[1]->node_case != NODE(A_STAR)))
		return false;
	const char *name = xlat_node_str(n->column_ref->fields[0]);
	return name && xlat_scope_whole_row(c, name, &cols, &ncols) == -2;
}

/* Whether item, of an ORDER BY, GROUP BY or DISTINCT ON list, names result column i (by its
 * position or its name). */
static bool names_column(const PgQuery__Node *item, size_t i, const char *name)
{
	if (item->node_case == NODE(SORT_BY))
		item = item->sort_by->node;
	if (item->node_case == NODE(A_CONST))
		return item->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
		       item->a_const->ival->ival == (int32_t)i + 1;
	if (item->node_case != NODE(COLUMN_REF) || item->column_ref->n_fields != 1)
		return false;
	const char *s = xlat_node_str(item->column_ref->fields[0]);
	return s && strcmp(s, name) == 0;
}

static bool names_any(PgQuery__Node **v, size_t n, size_t i, const char *name)
{
	for (size_t k = 0; k < n; k++) {
		if (names_column(v[k], i, name))
			return true;
	}
	return false;
}

/* Whether result column i, called name, is one of the statement's own result columns that
 * nothing compares: a top-level SELECT without set operations or DISTINCT, whose ORDER BY and
 * GROUP BY do not name it. */
static bool goes_to_client(const struct xlat_ctx *c, size_t i, const char *name)
{
	if (c->level != 1 || c->in_cte || c->assign_targets || !c->top_stmt ||
	    c->top_stmt->node_case != NODE(SELECT_STMT))
		return false;
	const PgQuery__SelectStmt *s = c->top_stmt->select_stmt;
	return s->op == PG_QUERY__SET_OPERATION__SETOP_NONE && !s->n_distinct_clause &&
	       !names_any(s->sort_clause, s->n_sort_clause, i, name) &&
	       !names_any(s->group_clause, s->n_group_clause, i, name);
}

int xlat_row_result(struct xlat_ctx *c, const PgQuery__ResTarget *rt, size_t i, struct xlat_type *t)
{
	bool ctor = rt->val->node_case == NODE(ROW_EXPR);
	const char *rel = ctor ? NULL : row_name(c, rt->val);
	const PgQuery__ColumnRef *cr = rt->val->node_case == NODE(COLUMN_REF) ? rt->val->column_ref
									      : NULL;
	const char *one = cr && cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	PgQuery__Node *merged = !ctor && !rel && one && !xlat_scope_column_type(c, cr).oid
					? xlat_lateral_using_row(c, one)
					: NULL;
	if (merged) { /* SELECT u of JOIN ... USING (a) AS u: ROW(u.a), named u */
		PgQuery__ResTarget as = *rt;
		as.val = merged;
		as.name = rt->name && *rt->name ? rt->name : (char *)one;
		return xlat_row_result(c, &as, i, t);
	}
	if (!ctor && !rel)
		return dup_named(c, rt->val) ? xlat_row_text(c, rt->val, rt->location) : 0;
	const char *name = rt->name && *rt->name ? rt->name : ctor ? "row" : rel;
	if (!goes_to_client(c, i, name))
		return xlat_unsupported(c, rt->location,
					"a row value as a result column that is compared or stored")
			       ? 1
			       : -1;
	uint32_t oid = ctor ? XLAT_OID_RECORD : xlat_scope_row_type(c, rel);
	if (!oid)
		return xlat_unsupported(c, rt->location,
					"a whole row of a catalog relation as a result column")
			       ? 1
			       : -1;
	if (xlat_row_text(c, rt->val, rt->location) != 1)
		return -1;
	*t = (struct xlat_type){oid, -1};
	xlat_puts(c, " AS ");
	xlat_ident(c, name);
	return 1;
}

int xlat_row_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t)
{
	const char *rel = row_name(c, ind->arg);
	const char *field = xlat_node_str(ind->indirection[0]);
	if (!rel || !field)
		return 0;
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (xlat_scope_whole_row(c, rel, &cols, &ncols) != 1)
		return 0;
	if (!xlat_scope_col(cols, ncols, field))
		return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
				 "column \"%s\" not found in data type %s", field, rel)
			       ? 1
			       : -1;
	struct xlat_colref r;
	return xlat_expr(c, xlat_colref(&r, rel, field, ind->arg->column_ref->location), t) ? 1
											    : -1;
}

int xlat_row_ctor_field(struct xlat_ctx *c, const PgQuery__AIndirection *ind, struct xlat_type *t)
{
	const PgQuery__Node *arg = ind->arg;
	const char *field = xlat_node_str(ind->indirection[0]);
	if (arg->node_case != NODE(ROW_EXPR) || !field)
		return 0;
	/* an anonymous row's fields are f1, f2, ... (PostgreSQL's record of a ROW(...)); the
	 * selection is the field's expression, as PostgreSQL's planner folds it */
	const PgQuery__RowExpr *r = arg->row_expr;
	char *end = NULL;
	long k = field[0] == 'f' && field[1] >= '1' && field[1] <= '9' ? strtol(field + 1, &end, 10)
								       : 0;
	if (!end || *end || k < 1 || (size_t)k > r->n_args)
		return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, -1,
				 "could not identify column \"%s\" in record data type", field)
			       ? 1
			       : -1;
	return xlat_expr(c, r->args[k - 1], t) ? 1 : -1;
}

/* count(t.*) (PostGraphile's introspection: select count(pro2.*) from pg_proc as pro2 ...): a
 * whole row is a NULL datum only when an outer join made it, so of a relation that no outer
 * join pads it counts every row, as count(*). 0 when not that. */
static int count_whole_row(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
			   struct xlat_type *t)
{
	if (f->n_args != 1 || strcmp(name, "count") != 0 || f->agg_distinct || f->over ||
	    f->n_agg_order || f->n_funcname != 1)
		return 0;
	const char *rel = row_name(c, f->args[0]);
	if (!rel)
		return 0;
	if (!xlat_scope_row_never_null(c, rel)) {
		xlat_unsupported(c, f->location,
				 "count(t.*) of a relation an outer join may pad with NULLs");
		return -1;
	}
	xlat_puts(c, "count(*)");
	*t = (struct xlat_type){XLAT_OID_INT8, -1};
	return xlat_agg_filter(c, f) ? 1 : -1;
}

int xlat_row_agg(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		 struct xlat_type *t)
{
	int whole = count_whole_row(c, f, name, t);
	if (whole)
		return whole;
	if (f->n_args != 1 || f->args[0]->node_case != NODE(ROW_EXPR) || !xlat_group_is_agg(f))
		return 0;
	bool array = strcmp(name, "array_agg") == 0;
	if (array && !f->over && !f->n_agg_order && !f->agg_distinct) { /* of the rows' texts */
		xlat_puts(c, "pgfn_array_agg(");
		if (xlat_row_text(c, f->args[0], f->location) != 1)
			return -1;
		xlat_puts(c, ", '.')");
		*t = (struct xlat_type){2287 /* record[] */, -1};
		return xlat_agg_filter(c, f) ? 1 : -1;
	}
	if (array || strcmp(name, "json_agg") == 0 || strcmp(name, "jsonb_agg") == 0 || f->over ||
	    f->n_agg_order) {
		xlat_unsupported(c, f->location,
				 "this aggregate over a row value (count and array_agg are built)");
		return -1;
	}
	if (strcmp(name, "count") != 0) {
		xlat_fail(c, "42883", f->location, "function %s(record) does not exist", name);
		return -1;
	}
	const PgQuery__RowExpr *r = f->args[0]->row_expr;
	xlat_puts(c, f->agg_distinct ? "count(DISTINCT pgfn_row_key(" : "count(pgfn_row_key(");
	if (!xlat_expr_list(c, r->args, r->n_args))
		return -1;
	xlat_puts(c, "))");
	*t = (struct xlat_type){XLAT_OID_INT8, -1};
	return xlat_agg_filter(c, f) ? 1 : -1;
}

bool xlat_row_sort(struct xlat_ctx *c, const PgQuery__RowExpr *r, bool desc)
{
	struct xlat_type ignored;
	for (size_t i = 0; i < r->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!xlat_expr(c, r->args[i], &ignored))
			return false;
		/* record comparison puts a NULL field after the others, whatever NULLS says */
		xlat_puts(c, desc ? " DESC NULLS FIRST" : " NULLS LAST");
	}
	return true;
}
