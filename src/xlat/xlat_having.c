/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_having.c: HAVING in a query without GROUP BY whose select list has no aggregate
 * (SELECT 1 FROM t HAVING count(*) > 1, SELECT 'x' FROM t HAVING 1 < 2). PostgreSQL makes
 * such a query one group of all the rows, present when the condition holds; SQLite groups a
 * query only for a GROUP BY or an aggregate in its select list ("a GROUP BY clause is required
 * before HAVING"). The query becomes
 *   SELECT targets FROM (SELECT count(*) FROM ... WHERE ... HAVING cond) AS shardlite_h
 * whose inner aggregate is that one group (with no aggregate in the condition, over no rows:
 * PostgreSQL does not read them then). Only a select list and ORDER BY without column
 * references, subqueries or window functions take this form: a column there would be
 * ungrouped (42803, which the grouping checks report of the query as written). Without a FROM
 * (SELECT 1 HAVING 1 < 2) the inner query is SQLite's one row, as PostgreSQL's. */
#include "xlat_int.h"

#define NODE(k) PG_QUERY__NODE__NODE_##k

struct hscan {
	bool agg, other; /* an aggregate; a column, subquery, window or GROUPING */
};

static bool scan_node(void *arg, const ProtobufCMessage *m)
{
	struct hscan *sc = arg;
	const ProtobufCMessageDescriptor *d = m->descriptor;
	if (d == &pg_query__sub_link__descriptor || d == &pg_query__select_stmt__descriptor ||
	    d == &pg_query__column_ref__descriptor || d == &pg_query__grouping_func__descriptor) {
		sc->other = true;
		return true;
	}
	if (d == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const void *)m;
		sc->agg |= xlat_group_is_agg(f);
		sc->other |= f->over != NULL;
	}
	return xlat_tree_each(m, scan_node, sc);
}

bool xlat_having_is(const PgQuery__SelectStmt *s)
{
	if (!s->having_clause || s->n_group_clause || s->group_distinct || s->n_window_clause ||
	    s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists ||
	    xlat_is_distinct_on(s) || s->n_locking_clause || s->into_clause)
		return false;
	struct hscan sc = {0};
	for (size_t i = 0; i < s->n_target_list; i++)
		scan_node(&sc, &s->target_list[i]->base);
	for (size_t i = 0; i < s->n_sort_clause; i++)
		scan_node(&sc, &s->sort_clause[i]->base);
	return !sc.agg && !sc.other;
}

static PgQuery__Node *node(struct xlat_ctx *c)
{
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	pg_query__node__init(n);
	return n;
}

/* CASE WHEN false THEN where END: the rows are not read, their names still resolved (SQLite
 * drops the other side of "0 AND x" unresolved). PostgreSQL plans a HAVING without aggregates
 * as a one-time filter and scans nothing: WHERE 1/a = 1 is no division by zero. */
static PgQuery__Node *no_rows(struct xlat_ctx *c, PgQuery__Node *where)
{
	PgQuery__Node *f = xlat_tree_bool(c->a, false);
	if (!where)
		return f;
	PgQuery__CaseWhen *w = arena_zalloc(c->a, sizeof(*w));
	PgQuery__CaseExpr *ce = arena_zalloc(c->a, sizeof(*ce));
	PgQuery__Node *wn = node(c), *n = node(c);
	pg_query__case_when__init(w);
	pg_query__case_expr__init(ce);
	w->expr = f;
	w->result = where;
	w->location = -1;
	wn->node_case = NODE(CASE_WHEN);
	wn->case_when = w;
	ce->args = arena_zalloc(c->a, sizeof(*ce->args));
	ce->args[0] = wn;
	ce->n_args = 1;
	ce->location = -1;
	n->node_case = NODE(CASE_EXPR);
	n->case_expr = ce;
	return n;
}

/* count(*) AS shardlite_n */
static PgQuery__Node *count_target(struct xlat_ctx *c)
{
	PgQuery__String *str = arena_zalloc(c->a, sizeof(*str));
	PgQuery__FuncCall *f = arena_zalloc(c->a, sizeof(*f));
	PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
	PgQuery__Node *name = node(c), *call = node(c), *target = node(c);
	pg_query__string__init(str);
	pg_query__func_call__init(f);
	pg_query__res_target__init(rt);
	str->sval = "count";
	name->node_case = NODE(STRING);
	name->string = str;
	f->funcname = arena_zalloc(c->a, sizeof(*f->funcname));
	f->funcname[0] = name;
	f->n_funcname = 1;
	f->agg_star = true;
	f->location = -1;
	call->node_case = NODE(FUNC_CALL);
	call->func_call = f;
	rt->name = "shardlite_n";
	rt->val = call;
	rt->location = -1;
	target->node_case = NODE(RES_TARGET);
	target->res_target = rt;
	return target;
}

const PgQuery__SelectStmt *xlat_having_outer(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	PgQuery__SelectStmt *inner = arena_alloc(c->a, sizeof(*inner));
	PgQuery__SelectStmt *outer = arena_alloc(c->a, sizeof(*outer));
	PgQuery__RangeSubselect *rs = arena_zalloc(c->a, sizeof(*rs));
	PgQuery__Alias *alias = arena_zalloc(c->a, sizeof(*alias));
	PgQuery__Node *sub = node(c), *from = node(c);
	*inner = *s;
	inner->target_list = arena_zalloc(c->a, sizeof(*inner->target_list));
	inner->target_list[0] = count_target(c);
	inner->n_target_list = 1;
	inner->n_sort_clause = 0;
	inner->limit_count = inner->limit_offset = NULL;
	inner->limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
	inner->with_clause = NULL;
	struct hscan sc = {0};
	scan_node(&sc, &s->having_clause->base);
	if (!sc.agg)
		inner->where_clause = no_rows(c, s->where_clause);
	sub->node_case = NODE(SELECT_STMT);
	sub->select_stmt = inner;
	pg_query__alias__init(alias);
	alias->aliasname = "shardlite_h";
	pg_query__range_subselect__init(rs);
	rs->subquery = sub;
	rs->alias = alias;
	from->node_case = NODE(RANGE_SUBSELECT);
	from->range_subselect = rs;
	*outer = *s;
	outer->from_clause = arena_zalloc(c->a, sizeof(*outer->from_clause));
	outer->from_clause[0] = from;
	outer->n_from_clause = 1;
	outer->where_clause = NULL;
	outer->having_clause = NULL;
	outer->with_clause = NULL; /* xlat_select wrote it */
	return outer;
}
