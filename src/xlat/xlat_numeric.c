/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_numeric.c: where numeric arithmetic is computed exactly. A numeric value in SQLite is a
 * number (INTEGER or REAL); the exact engine (pgfn_num_*, src/pgfn/pgfn_numfn.c) answers
 * decimal TEXT, which SQLite would compare, sort, group and deduplicate as text, below every
 * number. So the translator emits the engine only where its value goes straight to the
 * client: the result columns of the statement's own SELECT, through + - * /, ^, sqrt, exp, ln,
 * log, power and the sum, avg and variance family aggregates, when nothing compares those columns (no DISTINCT, no set
 * operation, no ORDER BY or GROUP BY naming a result column by name or position). Everywhere
 * else numeric arithmetic stays SQLite's (docs/sql-compat.md, "numeric"). */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static const char *const exact_aggs[] = {
	"sum",	    "avg",	   "variance",	  "var_samp",
	"var_pop",  "stddev",	   "stddev_samp", "stddev_pop",
	"min",	    "max",
};

/* Functions of numeric the engine computes with numeric.c's digits (pgfn_numtrans.c; abs in
 * pgfn_numfn.c). */
static const char *const trans_fns[][2] = {
	{"sqrt", "pgfn_num_sqrt"}, {"exp", "pgfn_num_exp"},   {"ln", "pgfn_num_ln"},
	{"log", "pgfn_num_log"},   {"log10", "pgfn_num_log"}, {"power", "pgfn_num_pow"},
	{"pow", "pgfn_num_pow"},   {"abs", "pgfn_num_abs"},
};

static const char *trans_fn(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(trans_fns); i++) {
		if (strcmp(trans_fns[i][0], name) == 0)
			return trans_fns[i][1];
	}
	return NULL;
}

static bool exact_agg_call(const PgQuery__FuncCall *f)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname == 2 ? xlat_node_str(f->funcname[0]) : "pg_catalog";
	if (!name || !schema || strcmp(schema, "pg_catalog") != 0 || f->n_funcname > 2 ||
	    f->agg_star || f->n_agg_order)
		return false;
	/* sum and avg also over a window frame (pgfn_numfn.c's inverse transition) */
	if (f->over && (strcmp(name, "lag") == 0 || strcmp(name, "lead") == 0 ||
			strcmp(name, "first_value") == 0 || strcmp(name, "last_value") == 0 ||
			strcmp(name, "nth_value") == 0))
		return true; /* each value keeps its own scale (lag's default too): xlat_exact_wrap */
	if (f->over)
		return f->n_args == 1 && !f->agg_distinct &&
		       (strcmp(name, "sum") == 0 || strcmp(name, "avg") == 0);
	if ((strcmp(name, "round") == 0 || strcmp(name, "trunc") == 0) && f->n_args >= 1 &&
	    f->n_args <= 2 && !f->agg_distinct && !f->agg_filter)
		return true; /* round(x[, n]), trunc(x[, n]) */
	if (((strcmp(name, "extract") == 0 || strcmp(name, "to_number") == 0) && f->n_args == 2) ||
	    (strcmp(name, "trim_scale") == 0 && f->n_args == 1))
		return true; /* their decimal text (xlat_dt_extract, sp_to_number, sp_scale),
			      * arguments not exact */
	if ((trans_fn(name) || strcmp(name, "mod") == 0 || strcmp(name, "div") == 0 ||
	     strcmp(name, "to_char") == 0) &&
	    f->n_args >= 1 && f->n_args <= 2 && !f->agg_distinct && !f->agg_filter)
		return true; /* sqrt(x), power(x, y), mod(x, y), to_char(x, fmt) of all its digits */
	if (f->n_args != 1)
		return false;
	if (f->agg_distinct && f->args[0]->node_case != NODE(COLUMN_REF))
		return false; /* DISTINCT over decimal text would compare text */
	for (size_t i = 0; i < ARRAY_LEN(exact_aggs); i++) {
		if (strcmp(exact_aggs[i], name) == 0)
			return true;
	}
	return false;
}

bool xlat_exact_node(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(A_CONST):
	case NODE(COLUMN_REF):
	case NODE(PARAM_REF):
		return true;
	case NODE(TYPE_CAST): /* a literal's or a parameter's cast: 1.50::numeric, $1::numeric */
		return n->type_cast->arg && (n->type_cast->arg->node_case == NODE(A_CONST) ||
					     n->type_cast->arg->node_case == NODE(PARAM_REF));
	case NODE(A_EXPR): {
		const PgQuery__AExpr *e = n->a_expr;
		const char *op = e->n_name == 1 ? xlat_node_str(e->name[0]) : NULL;
		if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || !e->rexpr || !op ||
		    strlen(op) != 1)
			return false;
		return e->lexpr ? strchr("+-*/^%", op[0]) != NULL : op[0] == '-' || op[0] == '@';
	}
	case NODE(FUNC_CALL):
		return exact_agg_call(n->func_call);
	case NODE(A_INDIRECTION): /* a numeric array's element: its text (xlat_catalog.c) */
	case NODE(COALESCE_EXPR): /* their results, made decimal text by xlat_exact_wrap */
	case NODE(MIN_MAX_EXPR):  /* decimal text by xlat_minmax */
		return true;
	case NODE(CASE_EXPR): /* not CASE x WHEN v: that compares x */
		return !n->case_expr->arg;
	default:
		return false;
	}
}

/* The result column a sort or grouping item names, by position or by alias; -1: none. */
static int named_result(const PgQuery__Node *n, const PgQuery__SelectStmt *s)
{
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
		return n->a_const->ival->ival - 1;
	if (n->node_case != NODE(COLUMN_REF) || n->column_ref->n_fields != 1)
		return -1;
	const char *name = xlat_node_str(n->column_ref->fields[0]);
	for (size_t i = 0; name && i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (rt->name && strcmp(rt->name, name) == 0)
			return (int)i;
	}
	return -1;
}

bool xlat_exact_select(const struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	if (c->in_cte || c->assign_targets || !c->top_stmt ||
	    c->top_stmt->node_case != NODE(SELECT_STMT) || c->top_stmt->select_stmt != s ||
	    xlat_is_distinct_on(s) || s->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return false;
	bool star = xlat_has_star(s);
	for (size_t i = 0; star && i < s->n_sort_clause; i++) {
		if (named_result(s->sort_clause[i]->sort_by->node, s) >= 0)
			return false; /* which column it is depends on what * stands for */
	}
	for (size_t i = 0; star && i < s->n_group_clause; i++) {
		if (named_result(s->group_clause[i], s) >= 0)
			return false;
	}
	return true;
}

bool xlat_exact_compared(const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_group_clause; i++) {
		if (named_result(s->group_clause[i], s) >= 0)
			return true;
	}
	return s->n_distinct_clause > 0;
}

void xlat_exact_sort_item(struct xlat_ctx *c, const PgQuery__Node *item)
{
	const struct xlat_shape *shape = c->exact_shape;
	int i = c->exact_sel ? named_result(item, c->exact_sel) : -1;
	if (shape && !shape->star && i >= 0 && (size_t)i < shape->n &&
	    shape->types[i].oid == XLAT_OID_NUMERIC)
		xlat_puts(c, " COLLATE pgfn_num"); /* every value of the column is decimal text */
}

/* lag, lead, first_value, last_value, nth_value: their values are the argument's */
static bool value_window_call(const PgQuery__Node *n)
{
	if (n->node_case != NODE(FUNC_CALL) || !n->func_call->over)
		return false;
	const PgQuery__FuncCall *f = n->func_call;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	return name && (strcmp(name, "lag") == 0 || strcmp(name, "lead") == 0 ||
			strcmp(name, "first_value") == 0 || strcmp(name, "last_value") == 0 ||
			strcmp(name, "nth_value") == 0);
}

void xlat_exact_wrap(struct xlat_ctx *c, const PgQuery__Node *n, size_t mark, struct xlat_type t)
{
	if (!(c->flags & XLAT_X_EXACT) || t.oid != XLAT_OID_NUMERIC ||
	    (n->node_case != NODE(COALESCE_EXPR) && n->node_case != NODE(CASE_EXPR) &&
	     !value_window_call(n)))
		return;
	/* its branches mix decimal text and numbers: all text, so that a sort or DISTINCT by
	 * the column (collation pgfn_num) sees one kind of value */
	xlat_insert_at(c, mark, "pgfn_num_add(");
	xlat_printf(c, ", 0, %d, 0)", xlat_numeric_scale_of(t));
}

void xlat_exact_branch(struct xlat_ctx *c, size_t mark, struct xlat_type t)
{
	int scale = xlat_numeric_scale_of(t);
	if (!(c->flags & XLAT_X_EXACT) || t.oid != XLAT_OID_NUMERIC || scale < 0)
		return;
	/* each branch keeps its own scale, whatever the others' (coalesce(price, 0) is 1.50,
	 * as PostgreSQL's value carries it): decimal text before they meet */
	xlat_insert_at(c, mark, "pgfn_num_add(");
	xlat_printf(c, ", 0, %d, 0)", scale);
}

bool xlat_exact_arith(struct xlat_ctx *c, char op, size_t mark, size_t lend, size_t rstart,
		      struct xlat_type l, struct xlat_type r)
{
	static const char *const fns[] = {"pgfn_num_add(", "pgfn_num_sub(", "pgfn_num_mul(",
					  "pgfn_num_div(", "pgfn_num_mod("};
	const char *p = op ? strchr("+-*/%", op) : NULL;
	struct strbuf *sb = c->sb;
	if (!p || rstart - lend < 2 || sb->failed)
		return false;
	/* " op " becomes ", " plus blanks in place: the constants' recorded offsets stay true */
	memset(sb->data + lend, ' ', rstart - lend);
	sb->data[lend] = ',';
	xlat_insert_at(c, mark, fns[p - "+-*/%"]);
	xlat_printf(c, ", %d, %d)", xlat_numeric_scale_of(l), xlat_numeric_scale_of(r));
	return true;
}

const char *xlat_exact_divmod(struct xlat_ctx *c, const char *name, const struct xlat_type *tv)
{
	if (!(c->flags & XLAT_X_EXACT) || xlat_numeric_fn_type(tv, 2) != XLAT_OID_NUMERIC)
		return NULL;
	return strcmp(name, "mod") == 0 ? "num_" : strcmp(name, "div") == 0 ? "num_i" : NULL;
}

const char *xlat_exact_round(struct xlat_ctx *c, const char *name, struct xlat_type arg)
{
	if (!(c->flags & XLAT_X_EXACT) || arg.oid != XLAT_OID_NUMERIC)
		return NULL;
	return strcmp(name, "round") == 0   ? "pgfn_num_round"
	       : strcmp(name, "trunc") == 0 ? "pgfn_num_trunc"
					    : NULL;
}

bool xlat_exact_agg(struct xlat_ctx *c, struct xlat_type arg)
{
	return (c->flags & XLAT_X_EXACT) &&
	       (arg.oid == XLAT_OID_NUMERIC || arg.oid == XLAT_OID_INT2 ||
		arg.oid == XLAT_OID_INT4 || arg.oid == XLAT_OID_INT8);
}

uint32_t xlat_numeric_fn_type(const struct xlat_type *tv, size_t n)
{
	bool numeric = false, unknown = false;
	for (size_t i = 0; i < n; i++) {
		if (tv[i].oid == XLAT_OID_FLOAT4 || tv[i].oid == XLAT_OID_FLOAT8)
			return XLAT_OID_FLOAT8; /* numeric → float8 is implicit, not the reverse */
		numeric |= tv[i].oid == XLAT_OID_NUMERIC;
		unknown |= tv[i].oid == 0;
	}
	return numeric ? XLAT_OID_NUMERIC : unknown ? 0 : XLAT_OID_FLOAT8;
}

bool xlat_exact_trans_fn(const struct xlat_ctx *c, const char *name)
{
	return (c->flags & XLAT_X_EXACT) && trans_fn(name);
}

const char *xlat_exact_trans(struct xlat_ctx *c, const char *name, const struct xlat_type *tv,
			     size_t n, size_t mark)
{
	const char *fn = trans_fn(name);
	uint32_t ty = xlat_numeric_fn_type(tv, n);
	bool fl = false;
	for (size_t i = 0; i < n; i++)
		fl |= tv[i].oid == XLAT_OID_FLOAT4 || tv[i].oid == XLAT_OID_FLOAT8;
	if (n == 2 && strcmp(fn ? fn : "", "pgfn_num_log") == 0 && !fl && ty == XLAT_OID_FLOAT8)
		ty = XLAT_OID_NUMERIC; /* log(10, 1000) of integers is log(numeric, numeric) */
	if (!fn || !(c->flags & XLAT_X_EXACT) || ty != XLAT_OID_NUMERIC)
		return NULL;
	if (n == 1 && strcmp(fn, "pgfn_num_log") == 0) { /* log(x) is log(10, x) */
		xlat_insert_at(c, mark + 1, "10, ");
		xlat_printf(c, ", 0, %d", xlat_numeric_scale_of(tv[0]));
	} else if (n == 1) {
		xlat_printf(c, ", %d", xlat_numeric_scale_of(tv[0]));
	} else {
		xlat_printf(c, ", %d, %d", xlat_numeric_scale_of(tv[0]),
			    xlat_numeric_scale_of(tv[1]));
	}
	return fn;
}
