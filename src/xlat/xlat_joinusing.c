/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_joinusing.c: an alias on a join's USING clause, a JOIN b USING (x, y) AS u (PostgreSQL
 * 14+), which SQLite lacks: u.x names the merged column x (the left side's x, the right side's
 * for RIGHT JOIN, COALESCE of both for FULL JOIN, as PostgreSQL builds it), u has only the
 * USING columns, and the joined tables stay visible. Each u.x is entered among the query
 * level's substituted columns (xlat_lateral.c) as that expression over the join's inputs. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* schema.rel.col (schema NULL: rel.col) */
static PgQuery__Node *colref(struct xlat_ctx *c, const char *schema, const char *rel,
			     const char *col)
{
	PgQuery__ColumnRef *cr = arena_zalloc(c->a, sizeof(*cr));
	pg_query__column_ref__init(cr);
	cr->fields = arena_zalloc(c->a, 3 * sizeof(*cr->fields));
	if (schema)
		cr->fields[cr->n_fields++] = xlat_tree_name(c->a, schema);
	cr->fields[cr->n_fields++] = xlat_tree_name(c->a, rel);
	cr->fields[cr->n_fields++] = xlat_tree_name(c->a, col);
	cr->location = -1;
	PgQuery__Node *n = xlat_tree_anode(c->a);
	n->node_case = NODE(COLUMN_REF);
	n->column_ref = cr;
	return n;
}

static PgQuery__Node *coalesce(struct xlat_ctx *c, PgQuery__Node *a, PgQuery__Node *b)
{
	PgQuery__CoalesceExpr *e = arena_zalloc(c->a, sizeof(*e));
	pg_query__coalesce_expr__init(e);
	e->args = arena_zalloc(c->a, 2 * sizeof(*e->args));
	e->args[0] = a;
	e->args[1] = b;
	e->n_args = 2;
	e->location = -1;
	PgQuery__Node *n = xlat_tree_anode(c->a);
	n->node_case = NODE(COALESCE_EXPR);
	n->coalesce_expr = e;
	return n;
}

static bool named(const PgQuery__Alias *al, const char *col)
{
	for (size_t i = 0; al && i < al->n_colnames; i++)
		if (strcmp(xlat_node_str(al->colnames[i]), col) == 0)
			return true;
	return false;
}

/* Whether FROM item n has a column called col: 1 yes, 0 no, -1 not known here. */
static int has(struct xlat_ctx *c, const PgQuery__Node *n, const char *col)
{
	switch (n->node_case) {
	case NODE(RANGE_VAR): {
		const PgQuery__RangeVar *rv = n->range_var;
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		struct pgerr saved = *c->err;
		if (((!rv->schemaname || !*rv->schemaname) &&
		     xlat_scope_cte_find(c, rv->relname) >= 0) ||
		    !xlat_scope_target(c, rv, &cols, &ncols) || !ncols) {
			*c->err = saved;
			return -1;
		}
		return xlat_scope_col(cols, ncols, col) != NULL;
	}
	case NODE(RANGE_SUBSELECT): {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		if (named(rs->alias, col))
			return 1;
		size_t k = 0;
		const char **names =
			rs->subquery && rs->subquery->node_case == NODE(SELECT_STMT)
				? xlat_select_colnames(c, rs->subquery->select_stmt, &k)
				: NULL;
		if (!names)
			return -1;
		for (size_t i = rs->alias ? rs->alias->n_colnames : 0; i < k; i++)
			if (names[i] && strcmp(names[i], col) == 0)
				return 1;
		return 0;
	}
	case NODE(RANGE_FUNCTION):
		return named(n->range_function->alias, col) ? 1 : -1;
	case NODE(JOIN_EXPR): {
		const PgQuery__JoinExpr *j = n->join_expr;
		if (j->alias || !j->larg || !j->rarg)
			return -1;
		int l = has(c, j->larg, col), r = has(c, j->rarg, col);
		return l > 0 || r > 0 ? 1 : l == 0 && r == 0 ? 0 : -1;
	}
	default:
		return -1;
	}
}

static PgQuery__Node *merged(struct xlat_ctx *c, const PgQuery__JoinExpr *j, const char *col);

/* Column col of FROM item n as a reference the query level can write; NULL when it cannot be
 * told which input of a join has it. */
static PgQuery__Node *side(struct xlat_ctx *c, const PgQuery__Node *n, const char *col)
{
	switch (n->node_case) {
	case NODE(RANGE_VAR): {
		const PgQuery__RangeVar *rv = n->range_var;
		if (rv->alias)
			return colref(c, NULL, rv->alias->aliasname, col);
		bool schema = rv->schemaname && *rv->schemaname;
		return colref(c, schema ? rv->schemaname : NULL, rv->relname, col);
	}
	case NODE(RANGE_SUBSELECT):
		return n->range_subselect->alias
			       ? colref(c, NULL, n->range_subselect->alias->aliasname, col)
			       : NULL;
	case NODE(RANGE_FUNCTION):
		return n->range_function->alias
			       ? colref(c, NULL, n->range_function->alias->aliasname, col)
			       : NULL;
	case NODE(JOIN_EXPR): {
		const PgQuery__JoinExpr *j = n->join_expr;
		if (j->alias || !j->larg || !j->rarg)
			return NULL;
		for (size_t i = 0; i < j->n_using_clause; i++)
			if (strcmp(xlat_node_str(j->using_clause[i]), col) == 0)
				return merged(c, j, col);
		int l = has(c, j->larg, col), r = has(c, j->rarg, col);
		if (j->is_natural && l > 0 && r > 0)
			return merged(c, j, col);
		return l > 0 && r == 0   ? side(c, j->larg, col)
		       : r > 0 && l == 0 ? side(c, j->rarg, col)
					 : NULL;
	}
	default:
		return NULL;
	}
}

static PgQuery__Node *merged(struct xlat_ctx *c, const PgQuery__JoinExpr *j, const char *col)
{
	switch (j->jointype) {
	case PG_QUERY__JOIN_TYPE__JOIN_RIGHT:
		return side(c, j->rarg, col);
	case PG_QUERY__JOIN_TYPE__JOIN_FULL: {
		PgQuery__Node *l = side(c, j->larg, col), *r = side(c, j->rarg, col);
		return l && r ? coalesce(c, l, r) : NULL;
	}
	default:
		return side(c, j->larg, col);
	}
}

void xlat_joinusing_collect(struct xlat_ctx *c, const PgQuery__JoinExpr *j)
{
	if (!j->join_using_alias || !j->larg || !j->rarg)
		return;
	bool right = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT;
	bool full = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
	for (size_t i = 0; i < j->n_using_clause; i++) {
		const char *col = xlat_node_str(j->using_clause[i]);
		if (col) /* the side not read, whose type may widen the column */
			xlat_lateral_add_using(
				c, j->join_using_alias->aliasname, col, merged(c, j, col),
				full ? NULL : side(c, right ? j->larg : j->rarg, col));
	}
}
