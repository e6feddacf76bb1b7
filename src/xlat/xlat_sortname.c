/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_sortname.c: ORDER BY name where name is a result column's name, as PostgreSQL's
 * findTargetlistEntrySQL92 takes it: the result column, before any input column. SQLite looks
 * up only an explicit alias (AS name) among the result columns, so ORDER BY n of
 * SELECT a.n FROM a JOIN b (both with an n) was its "ambiguous column name": the key is
 * written as the result column's own reference (a.n). */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The result column ORDER BY name stands for when it is the only result column of that name
 * and an unaliased column reference with a qualifier (a.n, s.a.n); NULL otherwise: an alias
 * SQLite finds itself, a bare n that is already the reference, and two columns of the name
 * (order_limit's 42702 when they differ) are left as they are. */
static const PgQuery__Node *target_ref(const PgQuery__SelectStmt *s, const char *name)
{
	const PgQuery__ResTarget *found = NULL;
	for (size_t k = 0; k < s->n_target_list; k++) {
		if (s->target_list[k]->node_case != NODE(RES_TARGET))
			continue;
		const PgQuery__ResTarget *rt = s->target_list[k]->res_target;
		const char *out = rt->name && *rt->name ? rt->name
				  : rt->val		 ? xlat_colname(rt->val)
							 : NULL;
		if (!out || strcmp(out, name) != 0)
			continue;
		if (found)
			return NULL;
		found = rt;
	}
	if (!found || (found->name && *found->name) || !found->val ||
	    found->val->node_case != NODE(COLUMN_REF))
		return NULL;
	const PgQuery__ColumnRef *cr = found->val->column_ref;
	return cr->n_fields > 1 && cr->fields[cr->n_fields - 1]->node_case == NODE(STRING)
		       ? found->val
		       : NULL;
}

const PgQuery__SelectStmt *xlat_sort_by_targets(struct xlat_ctx *c,
						const PgQuery__SelectStmt *s)
{
	PgQuery__Node **keys = NULL;
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		if (s->sort_clause[i]->node_case != NODE(SORT_BY))
			continue;
		const PgQuery__SortBy *sb = s->sort_clause[i]->sort_by;
		const PgQuery__Node *n = sb->node;
		if (!n || n->node_case != NODE(COLUMN_REF) || n->column_ref->n_fields != 1)
			continue;
		const char *name = xlat_node_str(n->column_ref->fields[0]);
		const PgQuery__Node *ref = name ? target_ref(s, name) : NULL;
		if (!ref)
			continue;
		if (!keys) {
			keys = arena_zalloc(c->a, s->n_sort_clause * sizeof(*keys));
			memcpy(keys, s->sort_clause, s->n_sort_clause * sizeof(*keys));
		}
		PgQuery__SortBy *copy = arena_zalloc(c->a, sizeof(*copy));
		*copy = *sb;
		copy->node = (PgQuery__Node *)ref;
		PgQuery__Node *node = arena_zalloc(c->a, sizeof(*node));
		pg_query__node__init(node);
		node->node_case = NODE(SORT_BY);
		node->sort_by = copy;
		keys[i] = node;
	}
	if (!keys)
		return s;
	PgQuery__SelectStmt *t = arena_zalloc(c->a, sizeof(*t));
	*t = *s;
	t->sort_clause = keys;
	return t;
}
