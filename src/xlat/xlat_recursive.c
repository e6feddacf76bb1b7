/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_recursive.c: PostgreSQL's checks of a WITH RECURSIVE query that reads itself
 * (parse_cte.c's checkWellFormedRecursion): the form non-recursive-term UNION [ALL]
 * recursive-term, one self-reference outside subqueries, outer joins' nullable sides,
 * INTERSECT and EXCEPT, no ORDER BY/LIMIT/OFFSET/FOR UPDATE on the union, no aggregate in
 * the recursive term. SQLite takes some of these (an ORDER BY there reorders its queue and
 * never ends, a LIMIT counts the rows, an outer join answers), refuses others as XX000. */
#include "xlat_int.h"

#include <string.h>

#define NODE(k) PG_QUERY__NODE__NODE_##k
#define INVALID_RECURSION "42P19"

struct rwalk {
	const char *name;
	int refs;
	const char *within; /* the construct the walk is inside of, NULL at the top */
	int location;       /* of the offending reference, -1 for none */
	const char *err;
	bool nested; /* inside a FROM subquery, a set operation or a WITH of the term's own:
		      * SQLite's XX000 "circular reference" */
	bool sqlite; /* such a reference was found */
};

static bool walk(void *arg, const ProtobufCMessage *m);

static bool walk_within(struct rwalk *w, const ProtobufCMessage *m, const char *within)
{
	if (!m)
		return true;
	const char *saved = w->within;
	w->within = within ? within : saved;
	bool ok = walk(w, m);
	w->within = saved;
	return ok;
}

static bool walk_node_within(struct rwalk *w, const PgQuery__Node *n, const char *within)
{
	return !n || walk_within(w, &n->base, within);
}

static bool walk_join(struct rwalk *w, const PgQuery__JoinExpr *j)
{
	const char *outer = "an outer join";
	bool left_outer = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_RIGHT ||
			  j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
	bool right_outer = j->jointype == PG_QUERY__JOIN_TYPE__JOIN_LEFT ||
			   j->jointype == PG_QUERY__JOIN_TYPE__JOIN_FULL;
	return walk_node_within(w, j->larg, left_outer ? outer : NULL) &&
	       walk_node_within(w, j->rarg, right_outer ? outer : NULL) &&
	       walk_node_within(w, j->quals, NULL);
}

/* INTERSECT ALL and EXCEPT ALL take no self-reference, EXCEPT none on its right. */
static bool walk_setop(struct rwalk *w, const PgQuery__SelectStmt *s)
{
	bool intersect = s->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT;
	bool except = s->op == PG_QUERY__SET_OPERATION__SETOP_EXCEPT;
	const char *what = intersect ? "INTERSECT" : except ? "EXCEPT" : NULL;
	bool nested = w->nested;
	w->nested = true;
	bool ok = walk_within(w, s->larg ? &s->larg->base : NULL, s->all ? what : NULL) &&
		  walk_within(w, s->rarg ? &s->rarg->base : NULL, s->all || except ? what : NULL) &&
		  (!s->with_clause || walk(w, &s->with_clause->base));
	w->nested = nested;
	return ok;
}

static bool walk(void *arg, const ProtobufCMessage *m)
{
	struct rwalk *w = arg;
	if (m->descriptor == &pg_query__range_var__descriptor) {
		const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;
		if ((rv->schemaname && *rv->schemaname) || strcmp(rv->relname, w->name) != 0)
			return true;
		w->refs++;
		w->location = rv->location;
		if (w->within)
			w->err = w->within;
		else if (w->refs > 1)
			w->err = "";
		w->sqlite = w->sqlite || w->nested;
		return !w->err;
	}
	if (m->descriptor == &pg_query__range_subselect__descriptor ||
	    m->descriptor == &pg_query__with_clause__descriptor) { /* a WITH of its own too */
		bool nested = w->nested;
		w->nested = true;
		bool ok = xlat_tree_each(m, walk, w);
		w->nested = nested;
		return ok;
	}
	if (m->descriptor == &pg_query__sub_link__descriptor) {
		const char *saved = w->within;
		w->within = "a subquery";
		bool ok = xlat_tree_each(m, walk, w);
		w->within = saved;
		return ok;
	}
	if (m->descriptor == &pg_query__join_expr__descriptor)
		return walk_join(w, (const PgQuery__JoinExpr *)m);
	if (m->descriptor == &pg_query__select_stmt__descriptor &&
	    ((const PgQuery__SelectStmt *)m)->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return walk_setop(w, (const PgQuery__SelectStmt *)m);
	return xlat_tree_each(m, walk, w);
}

/* Whether m names the relation name (unqualified) anywhere in it; *location: the first. */
static bool reads(const ProtobufCMessage *m, const char *name, int *location)
{
	struct rwalk w = {.name = name, .within = "", .location = -1};
	(void)walk(&w, m); /* stops at the first: within is set */
	if (location)
		*location = w.location;
	return w.refs > 0;
}

static bool agg_walk(void *arg, const ProtobufCMessage *m)
{
	(void)arg;
	if (m->descriptor == &pg_query__sub_link__descriptor ||
	    m->descriptor == &pg_query__select_stmt__descriptor)
		return true;
	if (m->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		const char *name = f->n_funcname ? xlat_node_str(f->funcname[f->n_funcname - 1])
						 : NULL;
		if (!f->over && (f->agg_star || (name && xlat_func_class(name) == XLAT_FN_AGG)))
			return false;
	}
	return xlat_tree_each(m, agg_walk, NULL);
}

/* An aggregate of the recursive term's own level (its select list or HAVING). */
static bool has_agg(const PgQuery__SelectStmt *s)
{
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return false;
	for (size_t i = 0; i < s->n_target_list; i++) {
		if (!agg_walk(NULL, &s->target_list[i]->base))
			return true;
	}
	return s->having_clause && !agg_walk(NULL, &s->having_clause->base);
}

static bool mutual(const PgQuery__WithClause *w, size_t i)
{
	const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
	for (size_t k = 0; k < w->n_ctes; k++) {
		const PgQuery__CommonTableExpr *o = w->ctes[k]->common_table_expr;
		if (k != i && o->ctequery && reads(&o->ctequery->base, e->ctename, NULL) &&
		    reads(&e->ctequery->base, o->ctename, NULL))
			return true;
	}
	return false;
}

static bool not_implemented(struct xlat_ctx *c, int location, const char *what)
{
	return xlat_fail(c, "0A000", location, "%s in a recursive query is not implemented", what);
}

bool xlat_recursive_check(struct xlat_ctx *c, const PgQuery__WithClause *w, size_t i)
{
	const PgQuery__CommonTableExpr *e = w->ctes[i]->common_table_expr;
	const PgQuery__SelectStmt *s = e->ctequery->select_stmt;
	const char *name = e->ctename;
	if (mutual(w, i))
		return xlat_fail(c, "0A000", e->location,
				 "mutual recursion between WITH items is not implemented");
	if (!reads(&s->base, name, NULL))
		return true; /* RECURSIVE without a self-reference: a plain WITH query */
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_UNION || !s->larg || !s->rarg)
		return xlat_fail(c, INVALID_RECURSION, e->location,
				 "recursive query \"%s\" does not have the form "
				 "non-recursive-term UNION [ALL] recursive-term",
				 name);
	int at;
	if (reads(&s->larg->base, name, &at))
		return xlat_fail(c, INVALID_RECURSION, at,
				 "recursive reference to query \"%s\" must not appear within its "
				 "non-recursive term",
				 name);
	struct rwalk rw = {.name = name, .location = -1};
	if (!walk(&rw, &s->rarg->base))
		return *rw.err ? xlat_fail(c, INVALID_RECURSION, rw.location,
					   "recursive reference to query \"%s\" must not appear "
					   "within %s",
					   name, rw.err)
			       : xlat_fail(c, INVALID_RECURSION, rw.location,
					   "recursive reference to query \"%s\" must not appear "
					   "more than once",
					   name);
	if (s->n_sort_clause) {
		const PgQuery__Node *k = s->sort_clause[0];
		if (k->node_case == NODE(SORT_BY) && k->sort_by->node)
			k = k->sort_by->node;
		return not_implemented(c, xlat_tree_location(&k->base), "ORDER BY");
	}
	if (s->limit_offset)
		return not_implemented(c, xlat_tree_location(&s->limit_offset->base), "OFFSET");
	if (s->limit_count)
		return not_implemented(c, xlat_tree_location(&s->limit_count->base), "LIMIT");
	if (s->n_locking_clause)
		return not_implemented(c, -1, "FOR UPDATE/SHARE");
	if (has_agg(s->rarg))
		return xlat_fail(c, INVALID_RECURSION, -1,
				 "aggregate functions are not allowed in a recursive query's "
				 "recursive term");
	if (rw.sqlite)
		return xlat_unsupported(c, rw.location,
					"a recursive reference inside a subquery in FROM, a WITH or a "
					"set operation of the recursive term");
	if (s->rarg->with_clause) /* SQLite's XX000 */
		return xlat_unsupported(c, s->rarg->with_clause->location,
					"a WITH clause in the recursive term of a recursive query");
	return true;
}

bool xlat_recursive_is(const PgQuery__CommonTableExpr *e)
{
	return e->ctequery && e->ctequery->node_case == NODE(SELECT_STMT) &&
	       reads(&e->ctequery->base, e->ctename, NULL);
}
