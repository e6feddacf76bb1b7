/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_distinct.c: PostgreSQL's parse-analysis checks of SELECT DISTINCT and DISTINCT ON
 * against their ORDER BY (42P10), which SQLite does not make: it sorts DISTINCT rows by a
 * column it did not select, and the DISTINCT ON rewrite (xlat_qforms.c) would number rows
 * in any order. Items are matched as transformSortClause matches them to the select list:
 * an output column number, an output column name, else an expression equal to a target's.
 * Only a certain mismatch is refused: column references compare by column name alone. */
#include "xlat_int.h"

#include <string.h>

#define NODE(k) PG_QUERY__NODE__NODE_##k

static const char *star_or_name(const PgQuery__ColumnRef *r)
{
	const PgQuery__Node *last = r->fields[r->n_fields - 1];
	return last->node_case == NODE(A_STAR) ? NULL : xlat_node_str(last);
}

/* Column references: the same unless their column names differ (t.a and a may be one, t.*
 * may hold any); other pairs compare field by field. */
static int maybe_same_ref(void *arg, const ProtobufCMessage *a, const ProtobufCMessage *b)
{
	(void)arg;
	if (a->descriptor != &pg_query__column_ref__descriptor)
		return -1;
	const char *x = star_or_name((const PgQuery__ColumnRef *)a);
	const char *y = star_or_name((const PgQuery__ColumnRef *)b);
	return !x || !y || strcmp(x, y) == 0;
}

static bool maybe_same(const PgQuery__Node *a, const PgQuery__Node *b)
{
	if (a->node_case == NODE(TYPE_CAST)) /* a cast to the column's own type is no node */
		a = a->type_cast->arg;
	if (b->node_case == NODE(TYPE_CAST))
		b = b->type_cast->arg;
	return a == b || xlat_tree_equal(&a->base, &b->base, maybe_same_ref, NULL);
}

static bool surely_same(const PgQuery__Node *a, const PgQuery__Node *b)
{
	return a == b || xlat_tree_equal(&a->base, &b->base, NULL, NULL);
}

/* findTargetlistEntrySQL92: an output column number or name means that target's expression;
 * NULL for a constant that is no column number (refused elsewhere). */
static const PgQuery__Node *item_expr(const PgQuery__SelectStmt *s, const PgQuery__Node *n)
{
	if (n->node_case == NODE(A_CONST)) {
		const PgQuery__AConst *k = n->a_const;
		if (k->val_case != PG_QUERY__A__CONST__VAL_IVAL || !k->ival || k->ival->ival < 1 ||
		    (size_t)k->ival->ival > s->n_target_list)
			return NULL;
		return s->target_list[k->ival->ival - 1]->res_target->val;
	}
	if (n->node_case == NODE(COLUMN_REF) && n->column_ref->n_fields == 1) {
		const char *name = xlat_node_str(n->column_ref->fields[0]);
		for (size_t i = 0; name && i < s->n_target_list; i++) {
			const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
			const char *out = rt->name && *rt->name ? rt->name : xlat_colname(rt->val);
			if (rt->val && out && strcmp(out, name) == 0)
				return rt->val;
		}
	}
	return n;
}

static const PgQuery__Node *sort_node(const PgQuery__Node *n)
{
	return n->node_case == NODE(SORT_BY) ? n->sort_by->node : n;
}

/* SELECT DISTINCT: every ORDER BY item is one of the selected columns. */
static bool distinct_order(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__Node *n = sort_node(s->sort_clause[i]);
		const PgQuery__Node *e = n ? item_expr(s, n) : NULL;
		bool found = e == NULL;
		for (size_t k = 0; !found && k < s->n_target_list; k++) {
			const PgQuery__Node *t = s->target_list[k]->res_target->val;
			found = t && maybe_same(e, t);
		}
		if (!found)
			return xlat_fail(c, "42P10", xlat_tree_location(&n->base),
					 "for SELECT DISTINCT, ORDER BY expressions must appear in "
					 "select list");
	}
	return true;
}

static bool on_mismatch(struct xlat_ctx *c, const PgQuery__Node *n)
{
	return xlat_fail(c, "42P10", xlat_tree_location(&n->base),
			 "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
}

/* transformDistinctOnClause: once an ORDER BY item that is no DISTINCT ON expression has
 * come, no DISTINCT ON expression may follow it or be missing before it. */
static bool distinct_on_order(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	size_t nd = s->n_distinct_clause, skip = s->n_sort_clause;
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__Node *e = item_expr(s, sort_node(s->sort_clause[i]));
		bool maybe = e == NULL;
		for (size_t d = 0; e && d < nd; d++) {
			const PgQuery__Node *de = item_expr(s, s->distinct_clause[d]);
			maybe = maybe || !de || maybe_same(e, de);
			if (skip < i && de && surely_same(e, de))
				return on_mismatch(c, s->distinct_clause[d]);
		}
		if (!maybe && skip == s->n_sort_clause)
			skip = i;
	}
	for (size_t d = 0; skip < s->n_sort_clause && d < nd; d++) {
		const PgQuery__Node *de = item_expr(s, s->distinct_clause[d]);
		bool found = de == NULL;
		for (size_t i = 0; !found && i < skip; i++) {
			const PgQuery__Node *e = item_expr(s, sort_node(s->sort_clause[i]));
			found = !e || maybe_same(e, de);
		}
		if (!found)
			return on_mismatch(c, s->distinct_clause[d]);
	}
	return true;
}

bool xlat_distinct_check(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || !s->n_distinct_clause ||
	    !s->n_sort_clause)
		return true;
	return xlat_is_distinct_on(s) ? distinct_on_order(c, s) : distinct_order(c, s);
}
