/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_mergesrc.c: MERGE's source — the name its columns go by, the columns themselves (the
 * plan carries them by name to the actions, so they must be known before it runs: a `*` over
 * tables is spelled out), and the rule that WHEN NOT MATCHED sees the source only. */
#include "xlat_int.h"
#include "xlat_merge.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SQLSTATE_DUPLICATE_ALIAS "42712"

/* A source whose columns the scope does not know (another tenant's table, a catalog
 * relation): the plan carries the columns the actions name, source.col, or an unqualified
 * name that is not the target's (their types taken at run time). Unqualified names inside
 * subqueries are the subqueries' own. */
struct named {
	struct xlat_ctx *c;
	const struct merge *mg;
	const struct xlat_schema_col *tcols;
	size_t ntcols;
	bool known; /* the target's columns are */
	struct xlat_schema_col *out;
	size_t n, cap;
	int sublinks;
	bool insert; /* in INSERT's values, where the target is not visible */
	bool ok;
};

static void add_named(struct named *w, const char *col)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->out[i].name, col) == 0)
			return;
	if (w->n == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 8;
		struct xlat_schema_col *v = arena_zalloc(w->c->a, cap * sizeof(*v));
		if (w->n)
			memcpy(v, w->out, w->n * sizeof(*v));
		w->out = v;
		w->cap = cap;
	}
	w->out[w->n++] = (struct xlat_schema_col){.name = col, .typmod = -1};
}

static bool named_ref(void *arg, const ProtobufCMessage *m)
{
	struct named *w = arg;
	if (m->descriptor == &pg_query__sub_link__descriptor) {
		w->sublinks++;
		bool go = xlat_tree_each(m, named_ref, arg);
		w->sublinks--;
		return go;
	}
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, named_ref, arg);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
	const char *last = xlat_node_str(cr->fields[cr->n_fields - 1]);
	const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	if (rel && strcmp(rel, w->mg->src) == 0) {
		w->ok = last != NULL; /* source.* is not known */
		if (last)
			add_named(w, last);
	} else if (cr->n_fields == 1 && last && !w->sublinks) {
		w->ok = w->known || w->insert;
		if (w->insert || (w->known && !xlat_scope_col(w->tcols, w->ntcols, last)))
			add_named(w, last);
	}
	return w->ok;
}

static bool named_cols(struct xlat_ctx *c, const struct merge *mg,
		       const struct xlat_schema_col **cols, size_t *n)
{
	struct named w = {.c = c, .mg = mg, .ok = true};
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	w.known = xlat_scope_target(c, &plain, &w.tcols, &w.ntcols);
	for (size_t i = 0; w.ok && i < mg->m->n_merge_when_clauses; i++) {
		const PgQuery__MergeWhenClause *cl = xlat_merge_clause(mg, i);
		w.insert = true;
		for (size_t k = 0; w.ok && k < cl->n_values; k++)
			named_ref(&w, &cl->values[k]->base);
		w.insert = false;
		for (size_t k = 0; w.ok && cl->command_type == PG_QUERY__CMD_TYPE__CMD_UPDATE &&
				   k < cl->n_target_list;
		     k++)
			named_ref(&w, &cl->target_list[k]->res_target->val->base);
	}
	*cols = w.out;
	*n = w.n;
	return w.ok;
}

/* A join's columns: each relation's, as the scope knows them, one after another. */
static bool join_cols(struct xlat_ctx *c, struct merge *mg)
{
	const struct xlat_schema_col **cols = arena_zalloc(c->a, mg->nmembers * sizeof(*cols));
	size_t *n = arena_zalloc(c->a, mg->nmembers * sizeof(*n)), total = 0;
	for (size_t j = 0; j < mg->nmembers; j++) {
		if (xlat_scope_whole_row(c, mg->members[j], &cols[j], &n[j]) != 1)
			return xlat_unsupported(c, -1,
						"MERGE with a source whose columns are not known "
						"before it runs");
		total += n[j];
	}
	mg->cols = arena_zalloc(c->a, (total + 2) * sizeof(*mg->cols));
	mg->col_member = arena_zalloc(c->a, (total + 2) * sizeof(*mg->col_member));
	mg->ncols = 1;
	for (size_t j = 0; j < mg->nmembers; j++) {
		for (size_t i = 0; i < n[j]; i++) {
			mg->col_member[mg->ncols] = j;
			mg->cols[mg->ncols++] = cols[j][i];
		}
	}
	return true;
}

/* The source's columns as the scope knows them: the plan carries them to the actions. */
bool xlat_merge_source_cols(struct xlat_ctx *c, struct merge *mg)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	const PgQuery__Node *s = mg->m->source_relation;
	if (mg->nmembers > 1 && !join_cols(c, mg))
		return false;
	const PgQuery__RangeVar *rv = s->node_case == NODE(RANGE_VAR) ? s->range_var : NULL;
	if (rv && xlat_scope_cte_find(c, rv->relname) < 0 && xlat_scope_absent(c, rv) &&
	    !((!rv->schemaname || !*rv->schemaname) && xlat_catalog_is_relation(rv->relname)))
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, rv->location,
				 "relation \"%s\" does not exist", rv->relname);
	int known = mg->nmembers > 1;
	if (s->node_case == NODE(RANGE_FUNCTION)) { /* generate_series(...) AS g: column g */
		const char *name = NULL;
		known = xlat_srf_scope_cols(c, s->range_function, &name, &cols, &n);
		if (known < 0)
			return false;
	}
	if (known != 1 && xlat_scope_whole_row(c, mg->src, &cols, &n) != 1 &&
	    (s->node_case != NODE(RANGE_VAR) || !named_cols(c, mg, &cols, &n)))
		return xlat_unsupported(c, -1,
					"MERGE with a source whose columns are not known "
					"before it runs");
	if (mg->nmembers == 1) {
		mg->cols = arena_zalloc(c->a, (n + 2) * sizeof(*mg->cols));
		mg->col_member = arena_zalloc(c->a, (n + 2) * sizeof(*mg->col_member));
		for (size_t i = 0; i < n; i++)
			mg->cols[i + 1] = cols[i];
		mg->ncols = n + 1;
	}
	mg->cols[0] =
		(struct xlat_schema_col){.name = "__tid", .type_oid = XLAT_OID_INT8, .typmod = -1};
	for (size_t i = 1; i < mg->ncols; i++) {
		struct xlat_schema_col *col = &mg->cols[i];
		col->rowid_seq = NULL;
		col->identity = 0;
		if (col->type_oid == XLAT_OID_UNKNOWN)
			col->type_oid = XLAT_OID_TEXT;
		for (size_t k = 1; k < i; k++)
			if (mg->col_member[k] == mg->col_member[i] &&
			    strcmp(mg->cols[k].name, col->name) == 0)
				return xlat_unsupported(c, -1,
							"MERGE with a source that has two "
							"columns of one name");
	}
	return true;
}

bool xlat_merge_is_member(const struct merge *mg, const char *rel)
{
	for (size_t j = 0; rel && j < mg->nmembers; j++)
		if (strcmp(mg->members[j], rel) == 0)
			return true;
	return false;
}

/* ---- what WHEN NOT MATCHED may name ---- */

/* A WHEN NOT MATCHED clause sees the source only: the plan has the target there too (its
 * columns NULL), so a reference to it is refused as PostgreSQL refuses it. Subqueries have
 * relations of their own and are not looked into. */
struct refs {
	struct xlat_ctx *c;
	const struct merge *mg;
	const struct xlat_schema_col *tcols;
	size_t ntcols;
};

static bool source_only(void *arg, const ProtobufCMessage *m)
{
	const struct refs *r = arg;
	if (m->descriptor == &pg_query__sub_link__descriptor)
		return true;
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, source_only, arg);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
	const char *col = cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
	const char *rel = cr->n_fields >= 2 ? xlat_node_str(cr->fields[cr->n_fields - 2]) : NULL;
	const struct merge *mg = r->mg;
	if (rel && strcmp(rel, mg->talias.aliasname) == 0 && !xlat_merge_is_member(mg, rel)) {
		xlat_fail(r->c, SQLSTATE_UNDEFINED_TABLE, cr->location,
			  "invalid reference to FROM-clause entry for table \"%s\"", rel);
		pgerr_hint(r->c->err,
			   "There is an entry for table \"%s\", but it cannot be "
			   "referenced from this part of the query.",
			   rel);
		return false;
	}
	if (!rel && col && cr->n_fields == 1 && xlat_scope_col(r->tcols, r->ntcols, col) &&
	    !xlat_scope_col(mg->cols + 1, mg->ncols - 1, col))
		return xlat_fail(r->c, SQLSTATE_UNDEFINED_COLUMN, cr->location,
				 "column \"%s\" does not exist", col);
	return true;
}

bool xlat_merge_not_matched_refs(struct xlat_ctx *c, const struct merge *mg)
{
	struct refs r = {c, mg, NULL, 0};
	PgQuery__RangeVar plain = mg->target;
	plain.alias = NULL;
	(void)xlat_scope_target(c, &plain, &r.tcols, &r.ntcols);
	for (size_t i = 0; i < mg->m->n_merge_when_clauses; i++) {
		const PgQuery__MergeWhenClause *w = xlat_merge_clause(mg, i);
		if (w->matched)
			continue;
		if (w->condition && !source_only(&r, &w->condition->base))
			return false;
		for (size_t k = 0; k < w->n_values; k++)
			if (!source_only(&r, &w->values[k]->base))
				return false;
	}
	return true;
}

/* ---- the source's kind and columns ---- */

/* The columns `*` (rel NULL) or `rel.*` stands for in the FROM list v: tables only, each
 * qualified with its name in the query; false when one is not a table known here. */
static bool star_refs(struct xlat_ctx *c, PgQuery__Node **v, size_t n, const char *rel,
		      PgQuery__Node **out, size_t *nout, size_t cap)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i]->node_case != NODE(RANGE_VAR))
			return false;
		const PgQuery__RangeVar *rv = v[i]->range_var;
		const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		if (rel && strcmp(rel, name) != 0)
			continue;
		if ((rv->alias && rv->alias->n_colnames) ||
		    xlat_scope_cte_find(c, rv->relname) >= 0 ||
		    !xlat_scope_target(c, rv, &cols, &ncols) || *nout + ncols > cap)
			return false;
		for (size_t k = 0; k < ncols; k++) {
			struct xlat_colref *r = arena_zalloc(c->a, sizeof(*r));
			out[(*nout)++] = xlat_merge_res_target(
				c, (PgQuery__Node *)xlat_colref(r, name, cols[k].name, -1));
		}
	}
	return true;
}

/* `USING (SELECT * FROM staging WHERE ...) AS s`: the plan carries the source's columns by
 * name, so a `*` over tables is spelled out as PostgreSQL expands it. Anything else stays as
 * it is (and is refused when its columns are not known). */
PgQuery__Node *xlat_merge_spell_out_star(struct xlat_ctx *c, PgQuery__Node *src)
{
	const PgQuery__Node *q =
		src->node_case == NODE(RANGE_SUBSELECT) ? src->range_subselect->subquery : NULL;
	if (!q || q->node_case != NODE(SELECT_STMT))
		return src;
	const PgQuery__SelectStmt *s = q->select_stmt;
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists || !xlat_has_star(s))
		return src;
	size_t cap = s->n_target_list, n = 0;
	for (size_t i = 0; i < s->n_from_clause; i++) {
		const struct xlat_schema_col *cols = NULL;
		size_t ncols = 0;
		if (s->from_clause[i]->node_case == NODE(RANGE_VAR) &&
		    xlat_scope_target(c, s->from_clause[i]->range_var, &cols, &ncols))
			cap += ncols * s->n_target_list;
	}
	PgQuery__Node **list = arena_zalloc(c->a, (cap + 1) * sizeof(*list));
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__Node *v = s->target_list[i]->res_target->val;
		const PgQuery__ColumnRef *cr = v && v->node_case == NODE(COLUMN_REF) ? v->column_ref
										     : NULL;
		if (!cr || cr->fields[cr->n_fields - 1]->node_case != NODE(A_STAR)) {
			list[n++] = s->target_list[i];
			continue;
		}
		const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (cr->n_fields > 2 || (cr->n_fields == 2 && !rel) ||
		    !star_refs(c, s->from_clause, s->n_from_clause, rel, list, &n, cap))
			return src;
	}
	PgQuery__SelectStmt *sel = arena_zalloc(c->a, sizeof(*sel));
	PgQuery__Node *seln = arena_zalloc(c->a, sizeof(*seln)),
		      *out = arena_zalloc(c->a, sizeof(*out));
	PgQuery__RangeSubselect *rs = arena_zalloc(c->a, sizeof(*rs));
	*sel = *s;
	sel->target_list = list;
	sel->n_target_list = n;
	*seln = *q;
	seln->select_stmt = sel;
	*rs = *src->range_subselect;
	rs->subquery = seln;
	*out = *src;
	out->range_subselect = rs;
	return out;
}

/* The relations of a join source, left to right, by the names their columns go by. */
static bool join_members(struct xlat_ctx *c, const PgQuery__Node *n, struct merge *mg)
{
	const char *name = NULL;
	switch (n->node_case) {
	case NODE(JOIN_EXPR):
		if (n->join_expr->alias)
			return xlat_unsupported(c, -1, "MERGE with an aliased join as its source");
		return join_members(c, n->join_expr->larg, mg) &&
		       join_members(c, n->join_expr->rarg, mg);
	case NODE(RANGE_VAR):
		name = n->range_var->alias ? n->range_var->alias->aliasname : n->range_var->relname;
		break;
	case NODE(RANGE_SUBSELECT):
		name = n->range_subselect->alias ? n->range_subselect->alias->aliasname : NULL;
		if (!name)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "subquery in FROM must have an alias");
		break;
	case NODE(RANGE_FUNCTION):
		name = n->range_function->alias ? n->range_function->alias->aliasname : NULL;
		break;
	default:
		break;
	}
	if (!name)
		return xlat_unsupported(c, -1, "this relation in a MERGE source's join");
	if (xlat_merge_is_member(mg, name))
		return xlat_fail(c, SQLSTATE_DUPLICATE_ALIAS, -1,
				 "table name \"%s\" specified more than once", name);
	const char **v = arena_zalloc(c->a, (mg->nmembers + 1) * sizeof(*v));
	if (mg->nmembers)
		memcpy(v, mg->members, mg->nmembers * sizeof(*v));
	v[mg->nmembers++] = name;
	mg->members = v;
	return true;
}

/* ---- a source subquery naming the target ---- */

/* The walk of a USING subquery: whether name is one of its own FROM items or WITH queries
 * (at any level: such a reference may be the subquery's own), else the first column
 * reference qualified with it. */
struct target_ref {
	const char *name;
	bool own;
	const PgQuery__ColumnRef *ref;
};

static bool own_name(const struct target_ref *t, const char *n)
{
	return n && strcmp(n, t->name) == 0;
}

static bool find_target_ref(void *arg, const ProtobufCMessage *m)
{
	struct target_ref *t = arg;
	const ProtobufCMessageDescriptor *d = m->descriptor;
	if (d == &pg_query__range_var__descriptor) {
		const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *)m;
		t->own |= own_name(t, rv->alias ? rv->alias->aliasname : rv->relname);
	} else if (d == &pg_query__alias__descriptor) {
		t->own |= own_name(t, ((const PgQuery__Alias *)m)->aliasname);
	} else if (d == &pg_query__common_table_expr__descriptor) {
		t->own |= own_name(t, ((const PgQuery__CommonTableExpr *)m)->ctename);
	} else if (d == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		if (!t->ref && cr->n_fields >= 2 &&
		    own_name(t, xlat_node_str(cr->fields[cr->n_fields - 2])))
			t->ref = cr;
		return true;
	}
	return xlat_tree_each(m, find_target_ref, arg);
}

/* PostgreSQL's transformMergeStmt: the source is analyzed without the target in its
 * namespace, so a (non-LATERAL) subquery's reference to the target is 42P01 "invalid
 * reference to FROM-clause entry", with the hint errorMissingRTE gives. */
static bool subquery_names_target(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs,
				  const struct merge *mg)
{
	struct target_ref t = {.name = mg->talias.aliasname};
	if (rs->lateral || !rs->subquery || !t.name)
		return true;
	(void)find_target_ref(&t, &rs->subquery->base);
	if (t.own || !t.ref)
		return true;
	xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, t.ref->location,
		  "invalid reference to FROM-clause entry for table \"%s\"", t.name);
	pgerr_hint(c->err,
		   "There is an entry for table \"%s\", but it cannot be referenced from this "
		   "part of the query.",
		   t.name);
	return false;
}

bool xlat_merge_check_source(struct xlat_ctx *c, const PgQuery__MergeStmt *m, struct merge *mg)
{
	const PgQuery__Node *s = m->source_relation;
	const PgQuery__WithClause *w = m->with_clause;
	for (size_t i = 0; w && i < w->n_ctes; i++)
		if (xlat_modcte_is(w->ctes[i]->common_table_expr))
			return xlat_unsupported(c, -1,
						"a data-modifying statement in WITH of MERGE");
	if (s->node_case == NODE(JOIN_EXPR)) {
		if (!join_members(c, s, mg))
			return false;
		mg->src = mg->members[0];
		return true;
	}
	mg->nmembers = 1;
	mg->members = &mg->src;
	switch (s->node_case) {
	case NODE(RANGE_VAR):
		mg->src = s->range_var->alias ? s->range_var->alias->aliasname
					      : s->range_var->relname;
		return true;
	case NODE(RANGE_SUBSELECT):
		if (!s->range_subselect->alias)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "subquery in FROM must have an alias");
		mg->src = s->range_subselect->alias->aliasname;
		return subquery_names_target(c, s->range_subselect, mg);
	case NODE(RANGE_FUNCTION):
		if (s->range_function->alias) {
			mg->src = s->range_function->alias->aliasname;
			return true;
		}
		return xlat_unsupported(c, -1,
					"MERGE with a function without an alias as its source");
	default:
		return xlat_unsupported(c, -1, "MERGE with this source");
	}
}
