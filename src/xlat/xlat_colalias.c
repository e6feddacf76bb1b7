/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_colalias.c: a column alias list on a table in FROM, FROM t AS x(a, b) (found by probing
 * PostgreSQL's join.sql, issue #3; it was 0A000). The item becomes the subquery (SELECT c1 AS
 * a, c2 AS b, c3 FROM t) AS x before the query is translated, so scope, * and every reader of
 * the FROM list see a subquery's columns under their new names; the list may name fewer
 * columns than the table has (the rest keep theirs). More names than columns is PostgreSQL's
 * 42P10. A name that is a WITH query, or a relation whose columns are not known here, stays
 * as it was (0A000 in range_var). information_schema._pg_expandarray(a) in FROM is rewritten
 * here too, as unnest(a) WITH ORDINALITY AS alias(x, n). An alias on a join, (a JOIN b ...)
 * AS x [(cols)], makes the join the subquery (SELECT * FROM a JOIN b ...) AS x [(cols)]: its
 * columns are the join's (USING's merged ones first), and the joined tables' names are hidden
 * outside it, as PostgreSQL's join alias hides them (xlat_colalias_join tells such a subquery,
 * for the 42P01 and 42P10 PostgreSQL gives a join); also a join holding a LATERAL item, unless
 * that item may read a FROM item before the join, which a subquery could not see (the alias
 * then stays, 0A000 in xlat_from.c). The rewrite is made in place, with
 * xlat_tree_* nodes (later passes, xlat_view_star and xlat_group_check, read and edit the same
 * tree), and is idempotent. */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The select-list item field [AS name]: field a column name or *, name NULL for none. */
static PgQuery__Node *res_target(PgQuery__Node *field, const char *name)
{
	PgQuery__ColumnRef *cr = xlat_tree_zalloc(sizeof(*cr));
	pg_query__column_ref__init(cr);
	cr->fields = xlat_tree_zalloc(sizeof(*cr->fields));
	cr->fields[0] = field;
	cr->n_fields = 1;
	cr->location = -1;
	PgQuery__Node *crn = xlat_tree_node();
	crn->node_case = NODE(COLUMN_REF);
	crn->column_ref = cr;
	PgQuery__ResTarget *rt = xlat_tree_zalloc(sizeof(*rt));
	pg_query__res_target__init(rt);
	rt->name = name ? xlat_tree_strdup(name) : NULL;
	rt->val = crn;
	rt->location = -1;
	PgQuery__Node *n = xlat_tree_node();
	n->node_case = NODE(RES_TARGET);
	n->res_target = rt;
	return n;
}

/* col AS name (name NULL: col's own). */
static PgQuery__Node *target(const char *col, const char *name)
{
	return res_target(xlat_tree_string(col), name ? name : col);
}

static void set_str(PgQuery__Node *n, const char *s)
{
	free(n->string->sval);
	n->string->sval = xlat_tree_strdup(s);
}

/* information_schema._pg_expandarray(a) in FROM (Massive.js joins it to pg_constraint's conkey
 * at connect) becomes unnest(a) WITH ORDINALITY AS alias(x, n): PostgreSQL's definition gives
 * each element x with its position n counted from 1 (s - array_lower(a, 1) + 1). */
static void expandarray(struct xlat_ctx *c, PgQuery__RangeFunction *rf)
{
	const PgQuery__FuncCall *f = xlat_rf_call(rf);
	if (!f || c->nexpandarray == (int)ARRAY_LEN(c->expandarray) || rf->n_coldeflist ||
	    rf->ordinality || f->n_funcname != 2 || f->n_args != 1 || f->agg_star || f->over ||
	    !xlat_node_str(f->funcname[0]) ||
	    strcmp(xlat_node_str(f->funcname[0]), "information_schema") != 0 ||
	    !xlat_node_str(f->funcname[1]) ||
	    strcmp(xlat_node_str(f->funcname[1]), "_pg_expandarray") != 0)
		return;
	set_str(f->funcname[0], "pg_catalog");
	set_str(f->funcname[1], "unnest");
	rf->ordinality = true;
	c->expandarray[c->nexpandarray++] = rf;
	if (!rf->alias) {
		rf->alias = xlat_tree_zalloc(sizeof(*rf->alias));
		pg_query__alias__init(rf->alias);
		rf->alias->aliasname = xlat_tree_strdup("_pg_expandarray");
	}
	PgQuery__Alias *al = rf->alias;
	if (al->n_colnames >= 2)
		return;
	PgQuery__Node **names = xlat_tree_zalloc(2 * sizeof(*names));
	for (size_t i = 0; i < 2; i++)
		names[i] = i < al->n_colnames ? al->colnames[i] : xlat_tree_string(i ? "n" : "x");
	free(al->colnames);
	al->colnames = names;
	al->n_colnames = 2;
}

static PgQuery__SelectStmt *select_stmt(void)
{
	PgQuery__SelectStmt *sel = xlat_tree_zalloc(sizeof(*sel));
	pg_query__select_stmt__init(sel);
	sel->limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
	sel->op = PG_QUERY__SET_OPERATION__SETOP_NONE;
	return sel;
}

/* SELECT * */
static PgQuery__SelectStmt *star(void)
{
	PgQuery__AStar *as = xlat_tree_zalloc(sizeof(*as));
	pg_query__a__star__init(as);
	PgQuery__Node *asn = xlat_tree_node();
	asn->node_case = NODE(A_STAR);
	asn->a_star = as;
	PgQuery__SelectStmt *sel = select_stmt();
	sel->target_list = xlat_tree_zalloc(sizeof(*sel->target_list));
	sel->target_list[0] = res_target(asn, NULL);
	sel->n_target_list = 1;
	return sel;
}

/* The FROM item from, its alias *alias taken off, as the subquery (sel FROM from) AS al. */
static PgQuery__Node *subquery(PgQuery__SelectStmt *sel, PgQuery__Node *from, PgQuery__Alias *al,
			       PgQuery__Alias **alias)
{
	*alias = NULL;
	sel->from_clause = xlat_tree_zalloc(sizeof(*sel->from_clause));
	sel->from_clause[0] = from;
	sel->n_from_clause = 1;
	PgQuery__Node *sn = xlat_tree_node();
	sn->node_case = NODE(SELECT_STMT);
	sn->select_stmt = sel;
	PgQuery__RangeSubselect *rs = xlat_tree_zalloc(sizeof(*rs));
	pg_query__range_subselect__init(rs);
	rs->subquery = sn;
	rs->alias = al;
	PgQuery__Node *m = xlat_tree_node();
	m->node_case = NODE(RANGE_SUBSELECT);
	m->range_subselect = rs;
	return m;
}

/* The FROM items a LATERAL item inside a join may read besides the join's own: those before
 * the join in its FROM list and the left sides of the joins it is the right side of. */
struct left {
	const PgQuery__Node *v[32];
	size_t n;
	bool overflow; /* more than v holds: any of them might be read */
};

static struct left left_plus(const struct left *l, const PgQuery__Node *n)
{
	struct left out = *l;
	if (out.n < ARRAY_LEN(out.v))
		out.v[out.n++] = n;
	else
		out.overflow = true;
	return out;
}

/* Whether FROM item n might have a column called col (true when its columns are not known
 * here). */
static bool might_have(struct xlat_ctx *c, const PgQuery__Node *n, const char *col)
{
	switch (n->node_case) {
	case NODE(JOIN_EXPR):
		return might_have(c, n->join_expr->larg, col) ||
		       might_have(c, n->join_expr->rarg, col);
	case NODE(RANGE_VAR): {
		const PgQuery__RangeVar *rv = n->range_var;
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		struct pgerr saved = *c->err;
		if (((!rv->schemaname || !*rv->schemaname) &&
		     xlat_scope_cte_find(c, rv->relname) >= 0) ||
		    !xlat_scope_target(c, rv, &cols, &ncols) || !ncols) {
			*c->err = saved;
			return true;
		}
		for (size_t i = 0; rv->alias && i < rv->alias->n_colnames; i++)
			if (strcmp(xlat_node_str(rv->alias->colnames[i]), col) == 0)
				return true;
		return xlat_scope_col(cols, ncols, col) != NULL;
	}
	case NODE(RANGE_SUBSELECT): {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		for (size_t i = 0; rs->alias && i < rs->alias->n_colnames; i++)
			if (strcmp(xlat_node_str(rs->alias->colnames[i]), col) == 0)
				return true;
		size_t k = 0;
		const char **names =
			rs->subquery && rs->subquery->node_case == NODE(SELECT_STMT)
				? xlat_select_colnames(c, rs->subquery->select_stmt, &k)
				: NULL;
		for (size_t i = 0; names && i < k; i++)
			if (names[i] && strcmp(names[i], col) == 0)
				return true;
		return !names;
	}
	default:
		return true;
	}
}

/* A column reference in a LATERAL item of a join to a FROM item outside the join (left):
 * qualified with a name only such an item has, or a bare name such an item might have. */
struct outside {
	struct xlat_ctx *c;
	const PgQuery__Node *join;
	const struct left *left;
	bool found;
};

static bool outside_walk(void *arg, const ProtobufCMessage *m)
{
	struct outside *o = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		const char *first = cr->n_fields ? xlat_node_str(cr->fields[0]) : NULL;
		for (size_t i = 0; first && i < o->left->n && !o->found; i++)
			o->found = cr->n_fields >= 2 ? !xlat_names_item(o->join, first) &&
							       xlat_names_item(o->left->v[i], first)
						     : might_have(o->c, o->left->v[i], first);
		o->found = o->found || (first && o->left->overflow);
		if (o->found)
			return false;
	}
	return xlat_tree_each(m, outside_walk, arg);
}

/* Whether a LATERAL item inside join item n may read a FROM item outside it (left): a
 * subquery made of the join would not see those (such a join keeps its alias, 0A000 in
 * xlat_from.c). Functions in FROM, which may read the items before them without LATERAL,
 * count too. */
static bool lateral_outside(struct xlat_ctx *c, const PgQuery__Node *join, const PgQuery__Node *n,
			    const struct left *left)
{
	const ProtobufCMessage *m = NULL;
	switch (n->node_case) {
	case NODE(JOIN_EXPR):
		return (n->join_expr->larg && lateral_outside(c, join, n->join_expr->larg, left)) ||
		       (n->join_expr->rarg && lateral_outside(c, join, n->join_expr->rarg, left));
	case NODE(RANGE_SUBSELECT):
		m = n->range_subselect->lateral ? &n->range_subselect->base : NULL;
		break;
	case NODE(RANGE_FUNCTION):
		m = &n->range_function->base;
		break;
	default:
		break;
	}
	if (!m || (!left->n && !left->overflow))
		return false;
	struct outside o = {c, join, left, false};
	xlat_tree_each(m, outside_walk, &o);
	return o.found;
}

static void note_join(struct xlat_ctx *c, const PgQuery__SelectStmt *sel)
{
	if (c->njoinsubs == c->joinsubs_cap) {
		int cap = c->joinsubs_cap ? c->joinsubs_cap * 2 : 8;
		const PgQuery__SelectStmt **v = arena_zalloc(c->a, (size_t)cap * sizeof(*v));
		if (c->njoinsubs)
			memcpy(v, c->joinsubs, (size_t)c->njoinsubs * sizeof(*v));
		c->joinsubs = v;
		c->joinsubs_cap = cap;
	}
	c->joinsubs[c->njoinsubs++] = sel;
}

/* *slot, a FROM item, rewritten in place when it (or a join's side) is a table with a column
 * alias list, an aliased join, or _pg_expandarray; false with c->err set on failure. */
static bool item(struct xlat_ctx *c, PgQuery__Node **slot, const struct left *left)
{
	PgQuery__Node *n = *slot;
	if (n->node_case == NODE(JOIN_EXPR)) {
		PgQuery__JoinExpr *j = n->join_expr;
		if (j->larg && !item(c, &j->larg, left))
			return false;
		struct left right = j->larg ? left_plus(left, j->larg) : *left;
		if (j->rarg && !item(c, &j->rarg, &right))
			return false;
		if (j->alias && !lateral_outside(c, n, n, left)) {
			PgQuery__SelectStmt *sel = star();
			note_join(c, sel);
			*slot = subquery(sel, n, j->alias, &j->alias);
		}
		return true;
	}
	if (n->node_case == NODE(RANGE_FUNCTION))
		expandarray(c, n->range_function);
	if (n->node_case != NODE(RANGE_VAR))
		return true;
	PgQuery__RangeVar *rv = n->range_var;
	if (!rv->alias || !rv->alias->n_colnames || !rv->relname ||
	    ((!rv->schemaname || !*rv->schemaname) && xlat_scope_cte_find(c, rv->relname) >= 0) ||
	    xlat_tablesample_of(c, rv))
		return true;
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	struct pgerr saved = *c->err;
	if (!xlat_scope_target(c, rv, &cols, &ncols) || !ncols) {
		*c->err = saved;
		return true;
	}
	PgQuery__Alias *al = rv->alias;
	if (al->n_colnames > ncols)
		return xlat_fail(c, "42P10", rv->location,
				 "table \"%s\" has %zu columns available but %zu columns specified",
				 al->aliasname, ncols, al->n_colnames);
	PgQuery__SelectStmt *sel = select_stmt();
	sel->target_list = xlat_tree_zalloc(ncols * sizeof(*sel->target_list));
	for (size_t i = 0; i < ncols; i++) {
		const char *name = i < al->n_colnames ? xlat_node_str(al->colnames[i]) : NULL;
		sel->target_list[sel->n_target_list++] = target(cols[i].name, name);
	}
	for (size_t i = 0; i < al->n_colnames; i++)
		protobuf_c_message_free_unpacked(&al->colnames[i]->base, NULL);
	free(al->colnames);
	al->colnames = NULL;
	al->n_colnames = 0;
	*slot = subquery(sel, n, al, &rv->alias); /* its name, without the list */
	return true;
}

bool xlat_colalias_expandarray(const struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	for (int i = 0; i < c->nexpandarray; i++)
		if (c->expandarray[i] == rf)
			return true;
	return false;
}

bool xlat_colalias_rewrite(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	return xlat_colalias_rewrite_list(c, s->from_clause, s->n_from_clause);
}

bool xlat_colalias_rewrite_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	struct left left = {.n = 0};
	for (size_t i = 0; i < n; i++) {
		if (!item(c, &v[i], &left))
			return false;
		left = left_plus(&left, v[i]);
	}
	return true;
}

const PgQuery__Node *xlat_colalias_join(const struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	for (int i = 0; s && i < c->njoinsubs; i++)
		if (c->joinsubs[i] == s)
			return s->from_clause[0];
	return NULL;
}
