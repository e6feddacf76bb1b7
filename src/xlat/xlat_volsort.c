/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_volsort.c: a volatile function in the select list of a sorted query (SELECT
 * nextval('s'), k FROM t ORDER BY k DESC LIMIT 2) runs after the sort, in the output order,
 * and only for the rows LIMIT lets through, as PostgreSQL's planner postpones it
 * (make_sort_input_target); SQLite computes every select list item of every row before it
 * sorts (found by probing PostgreSQL's sequence.sql). Before the query is translated its tree
 * is rewritten in place to
 *
 *   WITH "xlat:sorted" AS MATERIALIZED (SELECT <items, NULL for the volatile ones>
 *                                       FROM ... ORDER BY ... LIMIT ...)
 *   SELECT <the volatile items, "xlat:sorted".<name> for the others> FROM "xlat:sorted"
 *
 * (a materialized WITH query is never merged into its reader and is read in the order it was
 * written). Only what is certain is rewritten: one SELECT with ORDER BY and without OFFSET,
 * grouping, DISTINCT, windows or locking, whose volatile items read no column, and whose
 * ORDER BY neither names nor computes a volatile item; anything else stays as it was. */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SORTED "xlat:sorted"

/* The functions PostgreSQL marks volatile that a select list calls for each row it returns. */
static const char *const volatile_fns[] = {
	"clock_timestamp", "gen_random_uuid", "nextval",          "random",
	"setval",          "timeofday",       "uuid_generate_v4",
};

static bool volatile_builtin(const char *name)
{
	for (size_t i = 0; name && i < ARRAY_LEN(volatile_fns); i++)
		if (strcmp(name, volatile_fns[i]) == 0)
			return true;
	return false;
}

struct volatile_walk {
	const struct xlat_ctx *c;
	bool found;
};

static bool volatile_call(void *arg, const ProtobufCMessage *m)
{
	struct volatile_walk *w = arg;
	if (m->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
		w->found |= volatile_builtin(name);
		const struct xlat_schema *schema = w->c->schema;
		for (uint32_t i = 0; name && schema && i < schema->nudfs; i++)
			w->found |= schema->udfs[i].volatility == 'v' &&
				    strcmp(schema->udfs[i].name, name) == 0;
	}
	return !w->found && xlat_tree_each(m, volatile_call, w);
}

bool xlat_volatile_in(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct volatile_walk w = {c, false};
	if (n)
		volatile_call(&w, &n->base);
	return w.found;
}

/* What an item holds: VOLATILE a volatile call, COLUMN a column or a subquery, OTHER one
 * this rewrite does not take (an aggregate, a window, a *). */
enum { HOLDS_VOLATILE = 1, HOLDS_COLUMN = 2, HOLDS_OTHER = 4 };

static bool holds(void *arg, const ProtobufCMessage *m)
{
	int *h = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor ||
	    m->descriptor == &pg_query__sub_link__descriptor ||
	    m->descriptor == &pg_query__param_ref__descriptor)
		*h |= HOLDS_COLUMN;
	if (m->descriptor == &pg_query__a__star__descriptor)
		*h |= HOLDS_OTHER;
	if (m->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
		if (volatile_builtin(name))
			*h |= HOLDS_VOLATILE;
		if (f->over || f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter ||
		    xlat_group_is_agg(f))
			*h |= HOLDS_OTHER;
	}
	if (m->descriptor == &pg_query__select_stmt__descriptor)
		return true; /* a subquery's calls are its own (its SubLink counts as a column) */
	return xlat_tree_each(m, holds, h);
}

static int what(const PgQuery__Node *n)
{
	int h = 0;
	if (n)
		holds(&h, &n->base);
	return h;
}

/* Whether ORDER BY key k is, names or computes one of the volatile items (vol[i]). */
static bool sorts_by_volatile(const PgQuery__Node *k, const char **names, const bool *vol, size_t n)
{
	if (what(k) & HOLDS_VOLATILE)
		return true;
	if (k->node_case == NODE(A_CONST) && k->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		long i = k->a_const->ival->ival;
		return i >= 1 && (size_t)i <= n && vol[i - 1];
	}
	if (k->node_case != NODE(COLUMN_REF) || k->column_ref->n_fields != 1)
		return false;
	const char *name = xlat_node_str(k->column_ref->fields[0]);
	for (size_t i = 0; name && i < n; i++)
		if (vol[i] && strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* Whether s is a query this rewrite takes; names[i] each item's output name, vol[i] whether
 * it is one to compute after the sort. */
static bool takes(const PgQuery__SelectStmt *s, const char **names, bool *vol)
{
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || !s->n_sort_clause ||
	    s->n_distinct_clause || s->n_group_clause || s->having_clause || s->n_window_clause ||
	    s->n_locking_clause || s->into_clause || s->n_values_lists || s->limit_offset ||
	    s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES)
		return false;
	for (size_t i = 0; s->with_clause && i < s->with_clause->n_ctes; i++) {
		const PgQuery__Node *e = s->with_clause->ctes[i];
		if (e->node_case != NODE(COMMON_TABLE_EXPR) || !e->common_table_expr->ctequery ||
		    e->common_table_expr->ctequery->node_case != NODE(SELECT_STMT))
			return false; /* a data-modifying WITH stays at the top */
	}
	bool any = false;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__Node *t = s->target_list[i];
		if (t->node_case != NODE(RES_TARGET) || !t->res_target->val ||
		    t->res_target->n_indirection)
			return false;
		int h = what(t->res_target->val);
		if (h & HOLDS_OTHER)
			return false;
		vol[i] = h & HOLDS_VOLATILE;
		if (vol[i] && (h & HOLDS_COLUMN))
			return false; /* it would need its columns from the sorted rows */
		any |= vol[i];
		names[i] = t->res_target->name && *t->res_target->name
				   ? t->res_target->name
				   : xlat_colname(t->res_target->val);
		if (!names[i])
			return false;
		for (size_t j = 0; j < i; j++) /* the outer query names the others */
			if (strcmp(names[i], names[j]) == 0)
				return false;
	}
	for (size_t i = 0; any && i < s->n_sort_clause; i++) {
		const PgQuery__Node *sb = s->sort_clause[i];
		if (sb->node_case != NODE(SORT_BY) ||
		    sorts_by_volatile(sb->sort_by->node, names, vol, s->n_target_list))
			return false;
	}
	return any;
}

/* "xlat:sorted".name AS name */
static PgQuery__Node *sorted_column(const char *name)
{
	PgQuery__ColumnRef *cr = xlat_tree_zalloc(sizeof(*cr));
	pg_query__column_ref__init(cr);
	cr->fields = xlat_tree_zalloc(2 * sizeof(*cr->fields));
	cr->fields[cr->n_fields++] = xlat_tree_string(SORTED);
	cr->fields[cr->n_fields++] = xlat_tree_string(name);
	cr->location = -1;
	PgQuery__Node *n = xlat_tree_node();
	n->node_case = NODE(COLUMN_REF);
	n->column_ref = cr;
	return n;
}

static PgQuery__Node *null_const(void)
{
	PgQuery__AConst *k = xlat_tree_zalloc(sizeof(*k));
	pg_query__a__const__init(k);
	k->isnull = true;
	k->location = -1;
	PgQuery__Node *n = xlat_tree_node();
	n->node_case = NODE(A_CONST);
	n->a_const = k;
	return n;
}

void xlat_volsort_rewrite(struct xlat_ctx *c, PgQuery__SelectStmt *s)
{
	size_t n = s->n_target_list;
	const char **names = arena_zalloc(c->a, (n + 1) * sizeof(*names));
	bool *vol = arena_zalloc(c->a, n + 1);
	if (!takes(s, names, vol))
		return;
	/* the query as it was, volatile items NULL, every item named */
	PgQuery__SelectStmt *inner = xlat_tree_zalloc(sizeof(*inner));
	*inner = *s;
	inner->target_list = xlat_tree_zalloc(n * sizeof(*inner->target_list));
	PgQuery__Node **outer = xlat_tree_zalloc(n * sizeof(*outer));
	for (size_t i = 0; i < n; i++) {
		PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (!rt->name || !*rt->name) /* the parser's "" is its own: not freed */
			rt->name = xlat_tree_strdup(names[i]);
		PgQuery__ResTarget *in = xlat_tree_zalloc(sizeof(*in));
		pg_query__res_target__init(in);
		in->name = xlat_tree_strdup(names[i]);
		in->location = -1;
		if (vol[i]) {
			in->val = null_const();
			outer[i] = s->target_list[i]; /* computed over the sorted rows */
		} else {
			in->val = rt->val;
			rt->val = sorted_column(names[i]);
			outer[i] = s->target_list[i];
		}
		PgQuery__Node *inn = xlat_tree_node();
		inn->node_case = NODE(RES_TARGET);
		inn->res_target = in;
		inner->target_list[i] = inn;
	}
	free(s->target_list);
	PgQuery__Node *q = xlat_tree_node();
	q->node_case = NODE(SELECT_STMT);
	q->select_stmt = inner;
	PgQuery__CommonTableExpr *e = xlat_tree_zalloc(sizeof(*e));
	pg_query__common_table_expr__init(e);
	e->ctename = xlat_tree_strdup(SORTED);
	e->ctematerialized = PG_QUERY__CTEMATERIALIZE__CTEMaterializeAlways;
	e->ctequery = q;
	e->location = -1;
	PgQuery__Node *en = xlat_tree_node();
	en->node_case = NODE(COMMON_TABLE_EXPR);
	en->common_table_expr = e;
	PgQuery__WithClause *w = xlat_tree_zalloc(sizeof(*w));
	pg_query__with_clause__init(w);
	w->ctes = xlat_tree_zalloc(sizeof(*w->ctes));
	w->ctes[w->n_ctes++] = en;
	w->location = -1;
	PgQuery__RangeVar *rv = xlat_tree_zalloc(sizeof(*rv));
	pg_query__range_var__init(rv);
	rv->relname = xlat_tree_strdup(SORTED);
	rv->inh = true;
	rv->relpersistence = xlat_tree_strdup("p");
	rv->location = -1;
	PgQuery__Node *rvn = xlat_tree_node();
	rvn->node_case = NODE(RANGE_VAR);
	rvn->range_var = rv;
	/* the outer query: the items over the sorted rows, nothing else of its own */
	PgQuery__SelectStmt outer_s = PG_QUERY__SELECT_STMT__INIT;
	outer_s.target_list = outer;
	outer_s.n_target_list = n;
	outer_s.from_clause = xlat_tree_zalloc(sizeof(*outer_s.from_clause));
	outer_s.from_clause[outer_s.n_from_clause++] = rvn;
	outer_s.with_clause = w;
	outer_s.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
	outer_s.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
	*s = outer_s;
}
