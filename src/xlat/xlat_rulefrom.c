/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rulefrom.c: the query levels of pg_get_viewdef's layout (xlat_ruleutils.c): FROM items
 * and the names they bring into scope (JOIN ... USING's merged columns), WITH queries, the
 * clauses, set operations and their resolved column types, and set_rtable_names' renaming of
 * a relation read at several levels. */
#include "xlat_ruleutils.h"

#include <ctype.h>
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- FROM ---- */

static const struct cte *find_cte(const struct ru *r, const char *name)
{
	for (const struct level *l = r->lvl; l; l = l->up)
		for (size_t i = 0; i < l->nctes; i++)
			if (strcmp(l->ctes[i].name, name) == 0)
				return &l->ctes[i];
	return NULL;
}

static struct rel *add_rel(struct ru *r, const char *refname)
{
	struct level *l = r->lvl;
	if (l->nrels == ARRAY_LEN(l->rels) || strlen(refname) > 48) {
		r->fail = true;
		return NULL;
	}
	struct rel *rel = &l->rels[l->nrels++];
	rel->refname = refname;
	rel->shown = ru_zalloc(r, sizeof(*rel->shown));
	*rel->shown = refname;
	return rel;
}

static void rel_from_query(struct ru *r, struct rel *rel, const struct rquery *q)
{
	rel->names = q->resnames;
	rel->types = q->types;
	rel->n = q->ntargets;
}

/* Which relation of rels [from, to) (one input of a join) column col is: the one a USING
 * there merged it into, else the only one that has it; -1 when none or several. */
static long side_rel(const struct level *l, size_t from, size_t to, const char *col)
{
	for (size_t i = l->nmerged; i-- > 0;)
		if (l->merged[i].rel >= from && l->merged[i].rel < to &&
		    strcmp(l->merged[i].name, col) == 0)
			return (long)l->merged[i].rel;
	long hit = -1;
	for (size_t i = from; i < to; i++) {
		if (rel_col(&l->rels[i], col) < 0)
			continue;
		if (hit >= 0)
			return -1;
		hit = (long)i;
	}
	return hit;
}

/* buildMergedJoinVar: the input whose column a USING column reads as, 0 the left one, 1 the
 * right one: one needing no coercion to the common type (left preferred by INNER JOIN; LEFT
 * JOIN takes the left, RIGHT JOIN the right); -1 when it would be a coerced expression. */
static long merged_side(PgQuery__JoinType jt, struct rtype l, struct rtype r)
{
	struct rnode a = {.kind = R_RAW, .type = l}, b = {.kind = R_RAW, .type = r};
	struct rnode *v[2] = {&a, &b};
	struct rtype t;
	if (l.oid == NOTYPE || r.oid == NOTYPE || !xlat_ru_common_type(v, 2, &t))
		return -1;
	bool lok = l.oid == t.oid, rok = r.oid == t.oid;
	if (jt == PG_QUERY__JOIN_TYPE__JOIN_LEFT)
		return lok ? 0 : -1;
	if (jt == PG_QUERY__JOIN_TYPE__JOIN_RIGHT)
		return rok ? 1 : -1;
	return lok ? 0 : rok ? 1 : -1;
}

static struct rfrom *from_item(struct ru *r, PgQuery__Node *n)
{
	struct rfrom *f = ru_zalloc(r, sizeof(*f));
	if (n->node_case == NODE(RANGE_VAR)) {
		const PgQuery__RangeVar *rv = n->range_var;
		const char *alias = rv->alias ? rv->alias->aliasname : NULL;
		if ((rv->alias && rv->alias->n_colnames) || !rv->inh ||
		    (rv->catalogname && *rv->catalogname))
			return NULL;
		const char *refname = alias ? alias : rv->relname;
		bool schema = rv->schemaname && *rv->schemaname;
		const struct cte *c = schema ? NULL : find_cte(r, rv->relname);
		struct rel *rel = add_rel(r, refname);
		if (!rel)
			return NULL;
		if (c) {
			rel_from_query(r, rel, c->q);
		} else {
			const struct xlat_schema_col *cols;
			size_t ncols;
			if (schema || strncmp(rv->relname, "pg_", 3) == 0 || !r->schema ||
			    !r->schema->table_fn(r->schema->arg, rv->relname, r->a, &cols, &ncols))
				return NULL;
			rel->n = ncols;
			rel->names = ru_zalloc(r, ncols * sizeof(*rel->names));
			rel->types = ru_zalloc(r, ncols * sizeof(*rel->types));
			for (size_t k = 0; k < ncols; k++) {
				rel->names[k] = cols[k].name;
				rel->types[k] = (struct rtype){cols[k].type_oid, cols[k].typmod};
				/* a view's column of no recorded type: text, as the catalog shows it */
				if (!cols[k].type_oid)
					rel->types[k] = T(PGTYPE_TEXT);
			}
		}
		const char *name = xlat_ru_quote(r, rv->relname);
		const char *dot = strchr(rv->relname, '.');
		if (!c && dot) /* a schema's "s.t" inside the tenant (xlat_localnsp.c): s.t */
			name = arena_printf(r->a, "%s.%s",
					    xlat_ru_quote(r, arena_strndup(r->a, rv->relname,
									   (size_t)(dot - rv->relname))),
					    xlat_ru_quote(r, dot + 1));
		else if (!c && r->qualify)
			name = arena_printf(r->a, "%s.%s", xlat_ru_quote(r, r->qualify), name);
		f->kind = 'r';
		f->text = name;
		/* s.t as t: the reference name PostgreSQL gives s.t itself (xlat_localnsp.c) */
		bool own_name = alias && !c && dot && strcmp(alias, dot + 1) == 0;
		f->relname = own_name ? dot + 1 : rv->relname;
		f->aliased = alias != NULL && !own_name;
		f->shown = rel->shown;
		return f;
	}
	if (n->node_case == NODE(RANGE_SUBSELECT)) {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		if (rs->lateral || !rs->alias || rs->alias->n_colnames || !rs->subquery ||
		    rs->subquery->node_case != NODE(SELECT_STMT))
			return NULL;
		struct rquery *q = xlat_ru_analyze(r, rs->subquery->select_stmt);
		struct rel *rel = q ? add_rel(r, rs->alias->aliasname) : NULL;
		if (!rel)
			return NULL;
		rel_from_query(r, rel, q);
		f->kind = 's';
		f->sub = q;
		f->shown = rel->shown;
		return f;
	}
	if (n->node_case != NODE(JOIN_EXPR))
		return NULL;
	const PgQuery__JoinExpr *j = n->join_expr;
	if (j->is_natural || j->alias || j->join_using_alias ||
	    (j->jointype != PG_QUERY__JOIN_TYPE__JOIN_INNER &&
	     j->jointype != PG_QUERY__JOIN_TYPE__JOIN_LEFT &&
	     j->jointype != PG_QUERY__JOIN_TYPE__JOIN_RIGHT &&
	     j->jointype != PG_QUERY__JOIN_TYPE__JOIN_FULL))
		return NULL;
	size_t first = r->lvl->nrels;
	f->kind = 'j';
	f->jt = j->jointype;
	if (!(f->l = from_item(r, j->larg)))
		return NULL;
	size_t mid = r->lvl->nrels;
	if (!(f->r = from_item(r, j->rarg)))
		return NULL;
	if (j->n_using_clause) {
		/* FULL JOIN's merged column is a COALESCE: not laid out */
		if (f->jt == PG_QUERY__JOIN_TYPE__JOIN_FULL)
			return NULL;
		f->using = ru_zalloc(r, j->n_using_clause * sizeof(*f->using));
		for (size_t i = 0; i < j->n_using_clause; i++) {
			const char *col = xlat_node_str(j->using_clause[i]);
			struct level *l = r->lvl;
			long lr = col ? side_rel(l, first, mid, col) : -1;
			long rr = col ? side_rel(l, mid, l->nrels, col) : -1;
			if (lr < 0 || rr < 0 || l->nmerged == ARRAY_LEN(l->merged))
				return NULL;
			long side = merged_side(f->jt,
						l->rels[lr].types[rel_col(&l->rels[lr], col)],
						l->rels[rr].types[rel_col(&l->rels[rr], col)]);
			if (side < 0)
				return NULL;
			l->merged[l->nmerged].name = col;
			l->merged[l->nmerged++].rel = (size_t)(side ? rr : lr);
			f->using[f->nusing++] = xlat_ru_quote(r, col);
		}
		return f;
	}
	if (!j->quals) {
		f->cross = f->jt == PG_QUERY__JOIN_TYPE__JOIN_INNER;
		return f->cross ? f : NULL;
	}
	f->quals = xlat_ru_clause(r, j->quals, T(PGTYPE_BOOL));
	return f;
}

/* ---- queries ---- */

/* FigureColname's name of a target without AS, NULL when this file does not know it. */
static const char *figure_colname(PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(COLUMN_REF): {
		const PgQuery__ColumnRef *cr = n->column_ref;
		return cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
	}
	case NODE(FUNC_CALL):
		return xlat_node_str(n->func_call->funcname[n->func_call->n_funcname - 1]);
	case NODE(CASE_EXPR):
		return "case";
	case NODE(COALESCE_EXPR):
		return "coalesce";
	case NODE(A_CONST):
	case NODE(A_EXPR):
	case NODE(BOOL_EXPR):
	case NODE(NULL_TEST):
		return "?column?";
	default:
		return NULL;
	}
}

static bool with_clause(struct ru *r, const PgQuery__WithClause *w)
{
	if (!w)
		return true;
	if (w->recursive)
		return false;
	for (size_t i = 0; i < w->n_ctes; i++) {
		const PgQuery__CommonTableExpr *c = w->ctes[i]->node_case == NODE(COMMON_TABLE_EXPR)
							    ? w->ctes[i]->common_table_expr
							    : NULL;
		struct level *l = r->lvl;
		if (!c || c->n_aliascolnames || c->search_clause || c->cycle_clause ||
		    c->ctematerialized != PG_QUERY__CTEMATERIALIZE__CTEMaterializeDefault ||
		    !c->ctequery || c->ctequery->node_case != NODE(SELECT_STMT) ||
		    l->nctes == ARRAY_LEN(l->ctes))
			return false;
		struct rquery *q = xlat_ru_analyze(r, c->ctequery->select_stmt);
		if (!q)
			return false;
		l->ctes[l->nctes].name = c->ctename;
		l->ctes[l->nctes++].q = q;
	}
	return true;
}

/* The target an ORDER BY / GROUP BY item means: an ordinal, or (ORDER BY) an output name. */
static long target_ref(const PgQuery__SelectStmt *s, size_t ntargets, const PgQuery__Node *n,
		       bool names)
{
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		long k = n->a_const->ival->ival;
		return k >= 1 && (size_t)k <= ntargets ? k - 1 : -2;
	}
	if (!names || n->node_case != NODE(COLUMN_REF) || n->column_ref->n_fields != 1)
		return -1;
	const char *col = xlat_node_str(n->column_ref->fields[0]);
	for (size_t i = 0; col && i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (rt && rt->name && *rt->name && strcmp(rt->name, col) == 0)
			return (long)i;
	}
	return -1;
}

static bool plain_select(struct ru *r, PgQuery__SelectStmt *s, struct rquery *q)
{
	if (s->n_window_clause || s->n_values_lists || s->n_locking_clause || s->into_clause ||
	    s->group_distinct ||
	    (s->n_distinct_clause && s->distinct_clause[0] && s->distinct_clause[0]->node_case))
		return false;
	q->distinct = s->n_distinct_clause > 0;
	q->from = ru_zalloc(r, s->n_from_clause * sizeof(*q->from));
	for (size_t i = 0; i < s->n_from_clause; i++)
		if (!(q->from[q->nfrom++] = from_item(r, s->from_clause[i])))
			return false;
	q->nshown = r->lvl->nrels;
	q->shown = ru_zalloc(r, q->nshown * sizeof(*q->shown));
	for (size_t i = 0; i < q->nshown; i++)
		q->shown[i] = r->lvl->rels[i].shown;
	q->ntargets = s->n_target_list;
	q->targets = ru_zalloc(r, q->ntargets * sizeof(*q->targets));
	q->resnames = ru_zalloc(r, q->ntargets * sizeof(*q->resnames));
	q->types = ru_zalloc(r, q->ntargets * sizeof(*q->types));
	for (size_t i = 0; i < q->ntargets; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (!rt || !rt->val || rt->n_indirection)
			return false;
		const PgQuery__ColumnRef *cr =
			rt->val->node_case == NODE(COLUMN_REF) ? rt->val->column_ref : NULL;
		if (cr && cr->n_fields && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR))
			return false; /* a * the view's SQL kept (docs/sql-compat.md) */
		q->resnames[i] = rt->name && *rt->name ? rt->name : figure_colname(rt->val);
		if (!q->resnames[i])
			return false;
		struct rnode *e = r->leaf ? xlat_ru_expr(r, rt->val) : NULL;
		q->targets[i] = e && e->kind == R_CONST && e->type.oid == PGTYPE_UNKNOWN
					? e
					: xlat_ru_clause(r, rt->val, T(NOTYPE));
		q->types[i] = q->targets[i]->type;
	}
	if (s->where_clause)
		q->where = xlat_ru_clause(r, s->where_clause, T(PGTYPE_BOOL));
	q->group = ru_zalloc(r, s->n_group_clause * sizeof(*q->group));
	for (size_t i = 0; i < s->n_group_clause; i++) {
		long k = target_ref(s, q->ntargets, s->group_clause[i], false);
		if (k == -2)
			return false;
		q->group[q->ngroup++] = k >= 0 ? q->targets[k]
					       : xlat_ru_clause(r, s->group_clause[i], T(NOTYPE));
	}
	if (s->having_clause)
		q->having = xlat_ru_clause(r, s->having_clause, T(PGTYPE_BOOL));
	return true;
}

static bool sort_limit(struct ru *r, PgQuery__SelectStmt *s, struct rquery *q, bool setop)
{
	q->sort = ru_zalloc(r, s->n_sort_clause * sizeof(*q->sort));
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__SortBy *sb = s->sort_clause[i]->node_case == NODE(SORT_BY)
						    ? s->sort_clause[i]->sort_by
						    : NULL;
		if (!sb || sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING)
			return false;
		struct rsort *o = &q->sort[q->nsort++];
		o->desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
		o->nulls_first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT
					 ? o->desc
					 : sb->sortby_nulls ==
						   PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST;
		long k = target_ref(s, q->ntargets, sb->node, !setop);
		if (setop && k < 0)
			return false; /* ORDER BY of a set operation: its columns, not laid out */
		if (k == -2)
			return false;
		o->e = setop    ? NULL
		       : k >= 0 ? q->targets[k]
				: xlat_ru_clause(r, sb->node, T(NOTYPE));
		if (setop) {
			o->e = xlat_ru_node(r, R_RAW, q->types[k]);
			o->e->text = arena_printf(r->a, "%ld", k + 1);
		}
	}
	if (s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES)
		return false;
	if (s->limit_offset)
		q->offset = xlat_ru_clause(r, s->limit_offset, T(NOTYPE));
	if (s->limit_count) {
		const PgQuery__Node *lc = s->limit_count;
		if (lc->node_case == NODE(A_CONST) && lc->a_const->isnull)
			return false;
		q->limit = xlat_ru_clause(r, s->limit_count, T(NOTYPE));
	}
	return true;
}

/* transformSetOperationTree's column types: the branches' resolved type; a branch's literal
 * is coerced to it in that branch. */
static bool setop_types(struct ru *r, struct rquery *q)
{
	struct rquery *l = q->larg, *rr = q->rarg;
	if (l->ntargets != rr->ntargets)
		return false;
	q->ntargets = l->ntargets;
	q->types = ru_zalloc(r, q->ntargets * sizeof(*q->types));
	q->resnames = l->resnames;
	for (size_t i = 0; i < q->ntargets; i++) {
		struct rnode *v[2] = {xlat_ru_node(r, R_RAW, l->types[i]),
				      xlat_ru_node(r, R_RAW, rr->types[i])};
		if (!xlat_ru_common_type(v, 2, &q->types[i]))
			return false;
		/* a branch's literal becomes a constant of the resolved type, in the branch */
		struct rquery *side[2] = {l, rr};
		for (size_t k = 0; k < 2; k++) {
			if (side[k]->larg || side[k]->types[i].oid != PGTYPE_UNKNOWN)
				continue;
			side[k]->targets[i] = xlat_ru_coerce(r, side[k]->targets[i], q->types[i]);
			if (!side[k]->targets[i])
				return false;
			side[k]->types[i] = q->types[i];
		}
	}
	return true;
}

static struct rquery *setop_tree(struct ru *r, PgQuery__SelectStmt *s)
{
	struct rquery *q = ru_zalloc(r, sizeof(*q));
	if (s->op == PG_QUERY__SET_OPERATION__SETOP_NONE) {
		struct level lvl = {.up = r->lvl};
		r->lvl = &lvl;
		bool leaf = r->leaf;
		r->leaf = true;
		bool ok = !s->with_clause && !s->n_sort_clause && !s->limit_count &&
			  !s->limit_offset && plain_select(r, s, q);
		r->leaf = leaf;
		r->lvl = lvl.up;
		return ok ? q : NULL;
	}
	if (s->with_clause || s->n_sort_clause || s->limit_count || s->limit_offset)
		return NULL;
	q->op = s->op;
	q->all = s->all;
	if (!s->larg || !s->rarg || !(q->larg = setop_tree(r, s->larg)) ||
	    !(q->rarg = setop_tree(r, s->rarg)))
		return NULL;
	return setop_types(r, q) ? q : NULL;
}

struct rquery *xlat_ru_analyze(struct ru *r, PgQuery__SelectStmt *s)
{
	struct level lvl = {.up = r->lvl};
	r->lvl = &lvl;
	struct rquery *q = NULL;
	bool leaf = r->leaf;
	r->leaf = false;
	if (with_clause(r, s->with_clause)) {
		if (s->op == PG_QUERY__SET_OPERATION__SETOP_NONE) {
			q = ru_zalloc(r, sizeof(*q));
			if (!plain_select(r, s, q) || !sort_limit(r, s, q, false))
				q = NULL;
		} else {
			PgQuery__SelectStmt top = *s;
			top.with_clause = NULL;
			top.n_sort_clause = 0;
			top.limit_count = top.limit_offset = NULL;
			q = setop_tree(r, &top);
			if (q && !sort_limit(r, s, q, true))
				q = NULL;
		}
	}
	if (q) {
		q->ctes = ru_zalloc(r, lvl.nctes * sizeof(*q->ctes));
		memcpy(q->ctes, lvl.ctes, lvl.nctes * sizeof(*q->ctes));
		q->nctes = lvl.nctes;
	}
	r->lvl = lvl.up;
	r->leaf = leaf;
	if (!q)
		r->fail = true;
	return q;
}

/* ---- set_rtable_names: each level's relation names made unique against its own and its
 * enclosing levels' (u, u_1, u_2); a nested query sees the whole of its enclosing levels ---- */

static bool taken(const struct names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], s) == 0)
			return true;
	return false;
}

static void rename_expr(struct ru *r, const struct rnode *e, const struct names *ns)
{
	if (!e)
		return;
	if (e->kind == R_SUBLINK)
		xlat_ru_rename(r, e->sub, ns);
	for (size_t i = 0; e->kind != R_VAR && i < e->nargs; i++)
		rename_expr(r, e->args[i], ns);
}

static void rename_from(struct ru *r, const struct rfrom *f, const struct names *ns)
{
	if (f->kind == 's')
		xlat_ru_rename(r, f->sub, ns);
	if (f->kind == 'j') {
		rename_from(r, f->l, ns);
		rename_from(r, f->r, ns);
		rename_expr(r, f->quals, ns);
	}
}

void xlat_ru_rename(struct ru *r, const struct rquery *q, const struct names *up)
{
	struct names ns = {ru_zalloc(r, (up->n + q->nshown) * sizeof(*ns.v)), up->n};
	if (up->n)
		memcpy(ns.v, up->v, up->n * sizeof(*ns.v));
	for (size_t i = 0; i < q->nshown; i++) {
		const char *name = *q->shown[i];
		for (int k = 1; taken(&ns, name); k++)
			name = arena_printf(r->a, "%s_%d", *q->shown[i], k);
		*q->shown[i] = name;
		ns.v[ns.n++] = name;
	}
	for (size_t i = 0; i < q->nctes; i++)
		xlat_ru_rename(r, q->ctes[i].q, &ns);
	if (q->larg) {
		xlat_ru_rename(r, q->larg, &ns);
		xlat_ru_rename(r, q->rarg, &ns);
	}
	for (size_t i = 0; i < q->nfrom; i++)
		rename_from(r, q->from[i], &ns);
	for (size_t i = 0; !q->larg && i < q->ntargets; i++)
		rename_expr(r, q->targets[i], &ns);
	rename_expr(r, q->where, &ns);
	for (size_t i = 0; i < q->ngroup; i++)
		rename_expr(r, q->group[i], &ns);
	rename_expr(r, q->having, &ns);
	for (size_t i = 0; i < q->nsort; i++)
		rename_expr(r, q->sort[i].e, &ns);
	rename_expr(r, q->offset, &ns);
	rename_expr(r, q->limit, &ns);
}
