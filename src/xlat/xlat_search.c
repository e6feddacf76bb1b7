/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_search.c: SEARCH DEPTH/BREADTH FIRST BY ... SET col and CYCLE ... SET mark [TO v DEFAULT
 * d] USING path of a recursive WITH query, rewritten as PostgreSQL's rewriteSearchAndCycle does:
 * extra columns each term of the union computes. SQLite has no records, so they are the text
 * PostgreSQL shows: depth first an array of the rows of the search columns, {(1),(1,2)}
 * (record[]), breadth first the row (depth, columns...) (record), the path an array like the
 * depth first one; each is declared with the collation of pgfn_reccmp.c that orders that text
 * as PostgreSQL orders the values, so ORDER BY the column sorts as PostgreSQL's. */
#include "xlat_int.h"

#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SYNTAX "42601"

struct xlat_search {
	const PgQuery__SelectStmt *larg, *rarg;
	PgQuery__Node **lt, **rt; /* their target lists, * and t.* spelled out */
	size_t nlt, nrt;
	const char *ref; /* the query's name in the recursive term */
	size_t *spos, nspos;
	size_t *cpos, ncpos;
	bool breadth;
	const char *seq, *mark, *path;
	const PgQuery__Node *mark_value, *mark_default;
	const char *seq_coll, *path_coll;
};

static int find(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; name && i < n; i++)
		if (names[i] && strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* The positions of the SEARCH or CYCLE columns list in names; false (42601/42701) for one not
 * there or named twice. */
static bool positions(struct xlat_ctx *c, PgQuery__Node **list, size_t n, const char *const *names,
		      size_t nnames, const char *what, size_t **out, int location)
{
	size_t *pos = arena_zalloc(c->a, (n + 1) * sizeof(*pos));
	for (size_t i = 0; i < n; i++) {
		const char *name = xlat_node_str(list[i]);
		int k = find(names, nnames, name);
		if (k < 0)
			return xlat_fail(c, SYNTAX, location,
					 "%s column \"%s\" not in WITH query column list", what,
					 name ? name : "?");
		for (size_t j = 0; j < i; j++)
			if (pos[j] == (size_t)k)
				return xlat_fail(c, "42701", location,
						 "%s column \"%s\" specified more than once", what,
						 name);
		pos[i] = (size_t)k;
	}
	*out = pos;
	return true;
}

/* The relation name the recursive term reads the query by. */
static const char *self_ref(const PgQuery__Node *item, const char *name)
{
	if (item->node_case == NODE(RANGE_VAR)) {
		const PgQuery__RangeVar *rv = item->range_var;
		if ((!rv->schemaname || !*rv->schemaname) && strcmp(rv->relname, name) == 0)
			return rv->alias ? rv->alias->aliasname : rv->relname;
		return NULL;
	}
	if (item->node_case != NODE(JOIN_EXPR))
		return NULL;
	const char *r = item->join_expr->larg ? self_ref(item->join_expr->larg, name) : NULL;
	return r ? r : item->join_expr->rarg ? self_ref(item->join_expr->rarg, name) : NULL;
}

/* " COLLATE <prefix><letters>" (pgfn.h's PGFN_RECORD_COLLATION_PREFIX or
 * PGFN_RECARRAY_COLLATION_PREFIX, a letter per field) for the columns at pos, NULL when a type's text does not order
 * as its values. */
static const char *collation(struct xlat_ctx *c, const char *prefix, const char *first,
			     const size_t *pos, size_t n, const struct xlat_type *types)
{
	size_t len = strlen(prefix) + strlen(first);
	char *s = arena_zalloc(c->a, len + n + sizeof(" COLLATE "));
	strcpy(s, " COLLATE ");
	strcat(s, prefix);
	strcat(s, first);
	size_t at = strlen(s);
	for (size_t i = 0; i < n; i++) {
		uint32_t oid = types[pos[i]].oid;
		/* an untyped literal's column is text, as PostgreSQL resolves it there */
		char k = oid == XLAT_OID_UNKNOWN || oid == XLAT_OID_UNKNOWN_COL
				 ? 't'
				 : xlat_comptype_field_order(oid);
		if (!k)
			return NULL;
		s[at++] = k;
	}
	return s;
}

/* A reference of the recursive term to a column of the query whose name the query's new
 * column takes again: PostgreSQL analyses that term with both columns and finds it ambiguous
 * (42702) before it checks the names. */
struct dup_ref {
	const char *ref, *name;
	bool bare_ok; /* the query is the term's only FROM item */
	const PgQuery__ColumnRef *found;
};

static bool dup_walk(void *arg, const ProtobufCMessage *m)
{
	struct dup_ref *d = arg;
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, dup_walk, arg);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
	const char *a = xlat_node_str(cr->fields[0]),
		   *b = cr->n_fields == 2 ? xlat_node_str(cr->fields[1]) : NULL;
	if ((cr->n_fields == 2 && a && b && strcmp(a, d->ref) == 0 && strcmp(b, d->name) == 0) ||
	    (cr->n_fields == 1 && d->bare_ok && a && strcmp(a, d->name) == 0))
		d->found = cr;
	return !d->found;
}

static bool no_dup_ref(struct xlat_ctx *c, const struct xlat_search *xs, const char *name)
{
	const PgQuery__SelectStmt *r = xs->rarg;
	struct dup_ref d = {xs->ref ? xs->ref : "", name, r->n_from_clause == 1, NULL};
	for (size_t i = 0; !d.found && i < r->n_target_list; i++)
		(void)dup_walk(&d, &r->target_list[i]->base);
	if (!d.found && r->where_clause)
		(void)dup_walk(&d, &r->where_clause->base);
	return !d.found || xlat_fail(c, "42702", d.found->location,
				     "column reference \"%s\" is ambiguous", name);
}

static bool names_distinct(struct xlat_ctx *c, const char *a, const char *b, const char *what,
			   int location)
{
	return !a || !b || strcmp(a, b) != 0 ||
	       xlat_fail(c, SYNTAX, location, "%s are the same", what);
}

static bool simple_arm(const PgQuery__SelectStmt *s)
{
	return s && s->op == PG_QUERY__SET_OPERATION__SETOP_NONE && !s->n_values_lists;
}

/* The columns of a VALUES first term as the extra columns read them: of one row its values;
 * of several columnN of the VALUES (SQLite's name for it too, xlat_select.c wraps it: SELECT
 * *, ... FROM (VALUES ...)), cast to the query's column type so that each field prints as that
 * type's (false for a numeric one, whose cast would lose the scale the values print with). */
static bool values_targets(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
			   const struct xlat_shape *shape, PgQuery__Node ***list, size_t *nlist)
{
	size_t n = s->values_lists[0]->list->n_items;
	for (size_t r = 0; r < s->n_values_lists; r++)
		if (s->values_lists[r]->list->n_items != n)
			return false;
	PgQuery__Node **v = arena_zalloc(c->a, (n + 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		if (s->n_values_lists > 1 && i < shape->n &&
		    shape->types[i].oid == XLAT_OID_NUMERIC) /* a cast would drop its scale */
			return false;
		if (s->n_values_lists == 1) { /* one row: its own values, as a SELECT's */
			PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
			*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
			rt->val = s->values_lists[0]->list->items[i];
			rt->location = -1;
			v[i] = arena_zalloc(c->a, sizeof(*v[i]));
			*v[i] = (PgQuery__Node)PG_QUERY__NODE__INIT;
			v[i]->node_case = NODE(RES_TARGET);
			v[i]->res_target = rt;
			continue;
		}
		struct xlat_colref *r = arena_zalloc(c->a, sizeof(*r));
		PgQuery__Node *col = (PgQuery__Node *)xlat_colref(
			r, "", arena_printf(c->a, "column%zu", i + 1), -1);
		r->ref.n_fields = 1; /* the bare name */
		r->ref.fields = &r->field_ptrs[1];
		const struct xlat_typeinfo *ti =
			i < shape->n ? xlat_type_by_oid(shape->types[i].oid) : NULL;
		PgQuery__Node *val = col;
		if (ti && ti->typname) {
			PgQuery__String *str = arena_zalloc(c->a, sizeof(*str));
			PgQuery__Node *sn = arena_zalloc(c->a, sizeof(*sn));
			PgQuery__Node **names = arena_zalloc(c->a, sizeof(*names));
			PgQuery__TypeName *tn = arena_zalloc(c->a, sizeof(*tn));
			PgQuery__TypeCast *tc = arena_zalloc(c->a, sizeof(*tc));
			PgQuery__Node *cast = arena_zalloc(c->a, sizeof(*cast));
			*str = (PgQuery__String)PG_QUERY__STRING__INIT;
			str->sval = (char *)ti->typname;
			*sn = (PgQuery__Node)PG_QUERY__NODE__INIT;
			sn->node_case = NODE(STRING);
			sn->string = str;
			names[0] = sn;
			*tn = (PgQuery__TypeName)PG_QUERY__TYPE_NAME__INIT;
			tn->names = names;
			tn->n_names = 1;
			tn->typemod = -1;
			tn->location = -1;
			*tc = (PgQuery__TypeCast)PG_QUERY__TYPE_CAST__INIT;
			tc->arg = col;
			tc->type_name = tn;
			tc->location = -1;
			*cast = (PgQuery__Node)PG_QUERY__NODE__INIT;
			cast->node_case = NODE(TYPE_CAST);
			cast->type_cast = tc;
			val = cast;
		}
		PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
		*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
		rt->val = val;
		rt->location = -1;
		v[i] = arena_zalloc(c->a, sizeof(*v[i]));
		*v[i] = (PgQuery__Node)PG_QUERY__NODE__INIT;
		v[i]->node_case = NODE(RES_TARGET);
		v[i]->res_target = rt;
	}
	*list = v;
	*nlist = n;
	return true;
}

/* Appends rel.col targets for the columns of FROM item it (a table of the tenant's, or a join
 * of such without USING) named rel (NULL: any); false when they are not known here. */
static bool item_targets(struct xlat_ctx *c, const PgQuery__Node *it, const char *rel,
			 PgQuery__Node ***out, size_t *n, int location)
{
	if (it->node_case == NODE(JOIN_EXPR)) {
		const PgQuery__JoinExpr *j = it->join_expr;
		if (j->alias || j->n_using_clause || j->is_natural || !j->larg || !j->rarg)
			return false;
		if (!rel)
			return item_targets(c, j->larg, NULL, out, n, location) &&
			       item_targets(c, j->rarg, NULL, out, n, location);
		return item_targets(c, j->larg, rel, out, n, location) ||
		       item_targets(c, j->rarg, rel, out, n, location);
	}
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (it->node_case != NODE(RANGE_VAR))
		return false;
	const PgQuery__RangeVar *rv = it->range_var;
	const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
	if (rel && strcmp(rel, name) != 0)
		return false;
	if (!xlat_scope_target(c, rv, &cols, &ncols) || !ncols)
		return false;
	PgQuery__Node **v = arena_zalloc(c->a, (*n + ncols + 1) * sizeof(*v));
	memcpy(v, *out, *n * sizeof(*v));
	for (size_t i = 0; i < ncols; i++) {
		struct xlat_colref *r = arena_zalloc(c->a, sizeof(*r));
		PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
		*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
		rt->val = (PgQuery__Node *)xlat_colref(r, name, cols[i].name, location);
		rt->location = location;
		PgQuery__Node *node = arena_zalloc(c->a, sizeof(*node));
		*node = (PgQuery__Node)PG_QUERY__NODE__INIT;
		node->node_case = NODE(RES_TARGET);
		node->res_target = rt;
		v[(*n)++] = node;
	}
	*out = v;
	return true;
}

/* * or ref.* of the recursive term over the query itself stands, in PostgreSQL, for the
 * query's own columns, not the extra ones SQLite's * would add: spelled out in the tree. */
static bool self_star(struct xlat_ctx *c, const struct xlat_search *xs, const char **names,
		      size_t n)
{
	PgQuery__SelectStmt *s = (PgQuery__SelectStmt *)xs->rarg;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		const PgQuery__ColumnRef *cr = rt->val && rt->val->node_case == NODE(COLUMN_REF)
						       ? rt->val->column_ref
						       : NULL;
		if (!cr || cr->fields[cr->n_fields - 1]->node_case != NODE(A_STAR))
			continue;
		const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (cr->n_fields == 1 ? s->n_from_clause != 1 ||
						s->from_clause[0]->node_case != NODE(RANGE_VAR)
				      : !rel || strcmp(rel, xs->ref) != 0)
			continue; /* another relation's (expand_stars), or 0A000 there */
		int location = cr->location;
		/* the tree's own allocator: its owner frees the new list and nodes */
		size_t total = s->n_target_list - 1 + n;
		PgQuery__Node **v = calloc(total ? total : 1, sizeof(*v));
		if (!v)
			return xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
		size_t used = 0;
		for (size_t k = 0; k < i; k++)
			v[used++] = s->target_list[k];
		for (size_t k = 0; k < n; k++) {
			PgQuery__Node *t = xlat_viewstar_target(xs->ref, names[k], location);
			if (t)
				v[used++] = t;
		}
		for (size_t k = i + 1; k < s->n_target_list; k++)
			v[used++] = s->target_list[k];
		pg_query__node__free_unpacked(s->target_list[i], NULL);
		free(s->target_list);
		s->target_list = v;
		s->n_target_list = used;
		if (used != total)
			return xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
		i += n - 1;
	}
	return true;
}

/* A term's target list with * and t.* spelled out (the extra columns read the term's columns
 * by position; the tree is left as it is); false when a relation's columns are not known. */
static bool expand_stars(struct xlat_ctx *c, const PgQuery__SelectStmt *s, PgQuery__Node ***list,
			 size_t *nlist)
{
	*list = s->target_list;
	*nlist = s->n_target_list;
	if (!xlat_has_star(s))
		return true;
	PgQuery__Node **out = arena_zalloc(c->a, sizeof(*out));
	size_t n = 0;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		const PgQuery__ColumnRef *cr = rt->val && rt->val->node_case == NODE(COLUMN_REF)
						       ? rt->val->column_ref
						       : NULL;
		bool star = cr && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR);
		if (!star) {
			PgQuery__Node **v = arena_zalloc(c->a, (n + 2) * sizeof(*v));
			memcpy(v, out, n * sizeof(*v));
			v[n++] = s->target_list[i];
			out = v;
			continue;
		}
		const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (cr->n_fields > 2 || (cr->n_fields == 2 && !rel))
			return false;
		bool found = false;
		for (size_t k = 0; k < s->n_from_clause && !(rel && found); k++) {
			bool got = item_targets(c, s->from_clause[k], rel, &out, &n, cr->location);
			if (!rel && !got)
				return false;
			found = found || got;
		}
		if (!found)
			return false;
	}
	*list = out;
	*nlist = n;
	return true;
}

/* The mark's type: its value's and default's common type (text for two untyped literals). */
static bool mark_type(struct xlat_ctx *c, const struct xlat_search *xs, struct xlat_type *t)
{
	if (!xs->mark_value) {
		*t = (struct xlat_type){XLAT_OID_BOOL, -1};
		return true;
	}
	if (xs->mark_value->node_case != NODE(A_CONST) ||
	    xs->mark_default->node_case != NODE(A_CONST))
		return xlat_unsupported(c, -1, "a CYCLE mark value that is not a constant");
	struct xlat_type pair[2];
	if (!xlat_scope_dry_expr(c, xs->mark_value, &pair[0]) ||
	    !xlat_scope_dry_expr(c, xs->mark_default, &pair[1]))
		return false;
	if (xlat_type_unmatched(pair[0], pair[1])) {
		const struct xlat_typeinfo *x = xlat_type_by_oid(pair[0].oid),
					   *y = xlat_type_by_oid(pair[1].oid);
		return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
				 "CYCLE types %s and %s cannot be matched", x ? x->sql_name : "?",
				 y ? y->sql_name : "?");
	}
	*t = xlat_type_common(pair, 2);
	if (t->oid == XLAT_OID_UNKNOWN || t->oid == XLAT_OID_UNKNOWN_COL || !t->oid)
		*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	return true;
}

bool xlat_search_form(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e)
{
	const PgQuery__SelectStmt *q = e->ctequery->select_stmt;
	int location = e->search_clause ? e->search_clause->location : e->cycle_clause->location;
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_UNION || !q->larg || !q->rarg)
		return true; /* xlat_recursive_check says what is wrong */
	if (q->larg->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return xlat_fail(
			c, SQLSTATE_FEATURE_NOT_SUPPORTED, location,
			"with a SEARCH or CYCLE clause, the left side of the UNION must be a "
			"SELECT");
	if (q->rarg->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return xlat_fail(
			c, SYNTAX, location,
			"with a SEARCH or CYCLE clause, the right side of the UNION must be "
			"a SELECT");
	const char *ref = NULL;
	for (size_t i = 0; !q->rarg->with_clause && !ref && i < q->rarg->n_from_clause; i++)
		ref = self_ref(q->rarg->from_clause[i], e->ctename);
	if (!ref)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, location,
				 "with a SEARCH or CYCLE clause, the recursive reference to WITH "
				 "query \"%s\" must be at the top level of its right-hand SELECT",
				 e->ctename);
	return true;
}

bool xlat_search_prepare(struct xlat_ctx *c, const PgQuery__CommonTableExpr *e, const char **names,
			 const struct xlat_shape *shape, const struct xlat_search **out)
{
	const PgQuery__CTESearchClause *sc = e->search_clause;
	const PgQuery__CTECycleClause *cc = e->cycle_clause;
	const PgQuery__SelectStmt *q = e->ctequery->select_stmt;
	int location = sc ? sc->location : cc->location;
	*out = NULL;
	size_t n = shape->n;
	struct xlat_search *xs = arena_zalloc(c->a, sizeof(*xs));
	xs->larg = q->larg;
	xs->rarg = q->rarg;
	for (size_t i = 0; !xs->ref && i < xs->rarg->n_from_clause; i++) /* xlat_search_form */
		xs->ref = self_ref(xs->rarg->from_clause[i], e->ctename);
	if (sc) {
		xs->seq = sc->search_seq_column;
		xs->breadth = sc->search_breadth_first;
		if (!positions(c, sc->search_col_list, sc->n_search_col_list, names, n, "search",
			       &xs->spos, location))
			return false;
		xs->nspos = sc->n_search_col_list;
		if (find(names, n, xs->seq) >= 0 && !no_dup_ref(c, xs, xs->seq))
			return false;
		if (find(names, n, xs->seq) >= 0)
			return xlat_fail(c, SYNTAX, location,
					 "search sequence column name \"%s\" already used in WITH "
					 "query column list",
					 xs->seq);
	}
	if (cc) {
		xs->mark = cc->cycle_mark_column;
		xs->path = cc->cycle_path_column;
		xs->mark_value = cc->cycle_mark_value;
		xs->mark_default = cc->cycle_mark_default;
		if (!positions(c, cc->cycle_col_list, cc->n_cycle_col_list, names, n, "cycle",
			       &xs->cpos, location))
			return false;
		xs->ncpos = cc->n_cycle_col_list;
		if (find(names, n, xs->mark) >= 0 && !no_dup_ref(c, xs, xs->mark))
			return false;
		if (find(names, n, xs->mark) >= 0)
			return xlat_fail(c, SYNTAX, location,
					 "cycle mark column name \"%s\" already used in WITH query "
					 "column list",
					 xs->mark);
		if (find(names, n, xs->path) >= 0 && !no_dup_ref(c, xs, xs->path))
			return false;
		if (find(names, n, xs->path) >= 0)
			return xlat_fail(c, SYNTAX, location,
					 "cycle path column name \"%s\" already used in WITH query "
					 "column list",
					 xs->path);
	}
	if (!names_distinct(c, xs->mark, xs->path,
			    "cycle mark column name and cycle path column name", location) ||
	    !names_distinct(c, xs->seq, xs->mark,
			    "search sequence column name and cycle mark column name", location) ||
	    !names_distinct(c, xs->seq, xs->path,
			    "search sequence column name and cycle path column name", location))
		return false;
	bool values = xs->larg->op == PG_QUERY__SET_OPERATION__SETOP_NONE &&
		      xs->larg->n_values_lists;
	if ((values ? !values_targets(c, xs->larg, shape, &xs->lt, &xs->nlt)
		    : !simple_arm(xs->larg) || !expand_stars(c, xs->larg, &xs->lt, &xs->nlt)) ||
	    !simple_arm(xs->rarg) || (xs->ref && !self_star(c, xs, names, n)) ||
	    !expand_stars(c, xs->rarg, &xs->rt, &xs->nrt))
		return xlat_unsupported(c, location,
					"SEARCH or CYCLE over this form of recursive query");
	if (xs->nlt != n || xs->nrt != n)
		return xlat_fail(c, SYNTAX, -1,
				 "each UNION query must have the same number of columns");
	if (!xs->ref)
		return xlat_unsupported(c, location,
					"SEARCH or CYCLE where the recursive term reads the query "
					"inside a subquery");
	if (sc) {
		xs->seq_coll = collation(c, xs->breadth ? "pgfn_record_" : "pgfn_recarr_",
					 xs->breadth ? "n" : "", xs->spos, xs->nspos, shape->types);
		if (!xs->seq_coll)
			return xlat_unsupported(c, location,
						"SEARCH BY a column of a type whose order is not "
						"its text's");
	}
	if (cc)
		xs->path_coll = collation(c, "pgfn_recarr_", "", xs->cpos, xs->ncpos, shape->types);
	/* the query's columns, then the sequence, mark and path (rewriteSearchAndCycle) */
	struct xlat_schema_col *cols = arena_zalloc(c->a, (n + 4) * sizeof(*cols));
	size_t k = 0;
	for (; k < n; k++)
		cols[k] = (struct xlat_schema_col){.name = names[k],
						   .type_oid = shape->types[k].oid,
						   .typmod = shape->types[k].typmod};
	if (sc)
		cols[k++] =
			(struct xlat_schema_col){.name = xs->seq,
						 .type_oid = xs->breadth ? XLAT_OID_RECORD : 2287,
						 .typmod = -1};
	if (cc) {
		struct xlat_type mt = {XLAT_OID_BOOL, -1};
		if (!mark_type(c, xs, &mt))
			return false;
		cols[k++] = (struct xlat_schema_col){
			.name = xs->mark, .type_oid = mt.oid, .typmod = mt.typmod};
		cols[k++] =
			(struct xlat_schema_col){.name = xs->path, .type_oid = 2287, .typmod = -1};
	}
	xlat_scope_cte_cols(c, e->ctename, cols, k);
	*out = xs;
	return true;
}

void xlat_search_colnames(struct xlat_ctx *c, const struct xlat_search *xs)
{
	const char *v[] = {xs->seq, xs->mark, xs->path};
	for (size_t i = 0; i < ARRAY_LEN(v); i++) {
		if (!v[i])
			continue;
		xlat_puts(c, ", ");
		xlat_ident(c, v[i]);
	}
}

/* The fields of s's columns at pos, as record_out writes each. */
static bool fields(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const size_t *pos, size_t n)
{
	const struct xlat_search *xs = c->search;
	PgQuery__Node **targets = s == xs->rarg ? xs->rt : xs->lt;
	PgQuery__Node **args = arena_zalloc(c->a, (n + 1) * sizeof(*args));
	for (size_t i = 0; i < n; i++)
		args[i] = targets[pos[i]]->res_target->val;
	return xlat_row_fields(c, args, n);
}

static bool row(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const size_t *pos, size_t n)
{
	xlat_puts(c, "pgfn_record_text(");
	bool ok = fields(c, s, pos, n);
	xlat_puts(c, ")");
	return ok;
}

/* A column of the previous row, in the recursive term. */
static void prev(struct xlat_ctx *c, const struct xlat_search *xs, const char *col)
{
	xlat_ident(c, xs->ref);
	xlat_puts(c, ".");
	xlat_ident(c, col);
}

/* array || ROW(columns at pos): the previous row's array in the recursive term. */
static bool append(struct xlat_ctx *c, const struct xlat_search *xs, const PgQuery__SelectStmt *s,
		   const char *col, const size_t *pos, size_t n)
{
	xlat_puts(c, "pgfn_array_append(");
	if (s == xs->rarg)
		prev(c, xs, col);
	else
		xlat_puts(c, "NULL");
	xlat_puts(c, ", ");
	bool ok = row(c, s, pos, n);
	xlat_puts(c, ", '.')");
	return ok;
}

static bool mark_value(struct xlat_ctx *c, const PgQuery__Node *n, bool value)
{
	struct xlat_type t;
	if (!n) {
		xlat_puts(c, value ? "1" : "0");
		return true;
	}
	return xlat_expr(c, n, &t);
}

bool xlat_search_targets(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	const struct xlat_search *xs = c->search;
	if (!xs || (s != xs->larg && s != xs->rarg))
		return true;
	bool rec = s == xs->rarg, ok = true;
	if (xs->seq && xs->breadth) {
		xlat_puts(c, ", pgfn_record_text(");
		if (rec) { /* the previous row's depth + 1: its first field, never quoted */
			xlat_puts(c, "CAST(substr(");
			prev(c, xs, xs->seq);
			xlat_puts(c, ", 2, instr(");
			prev(c, xs, xs->seq);
			xlat_puts(c, ", ',') - 2) AS INTEGER) + 1, ");
		} else {
			xlat_puts(c, "0, ");
		}
		ok = fields(c, s, xs->spos, xs->nspos);
		xlat_puts(c, ")");
	} else if (xs->seq) {
		xlat_puts(c, ", ");
		ok = append(c, xs, s, xs->seq, xs->spos, xs->nspos);
	}
	if (xs->seq) {
		xlat_puts(c, xs->seq_coll);
		xlat_puts(c, " AS ");
		xlat_ident(c, xs->seq);
	}
	if (!ok || !xs->mark)
		return ok;
	xlat_puts(c, ", ");
	if (rec) { /* ROW(columns) = ANY (path) */
		xlat_puts(c, "CASE WHEN pgfn_array_contains(");
		prev(c, xs, xs->path);
		xlat_puts(c, ", pgfn_array_append(NULL, ");
		ok = row(c, s, xs->cpos, xs->ncpos);
		xlat_puts(c, ", '.'), 0) THEN ");
		ok = ok && mark_value(c, xs->mark_value, true);
		xlat_puts(c, " ELSE ");
		ok = ok && mark_value(c, xs->mark_default, false);
		xlat_puts(c, " END");
	} else {
		ok = mark_value(c, xs->mark_default, false);
	}
	xlat_puts(c, " AS ");
	xlat_ident(c, xs->mark);
	xlat_puts(c, ", ");
	ok = ok && append(c, xs, s, xs->path, xs->cpos, xs->ncpos);
	xlat_puts(c, xs->path_coll ? xs->path_coll : "");
	xlat_puts(c, " AS ");
	xlat_ident(c, xs->path);
	return ok;
}

bool xlat_search_filters(const struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	return c->search && c->search->mark && s == c->search->rarg;
}

bool xlat_search_where(struct xlat_ctx *c)
{
	const struct xlat_search *xs = c->search;
	prev(c, xs, xs->mark);
	xlat_puts(c, " IS NOT ");
	return mark_value(c, xs->mark_value, true);
}
