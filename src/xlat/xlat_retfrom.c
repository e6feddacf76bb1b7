/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_retfrom.c: RETURNING that names a column of an UPDATE's FROM or a DELETE's USING
 * relations (RETURNING t.id, u.name; RETURNING *, which in PostgreSQL adds their columns).
 * SQLite's RETURNING sees the target's row alone, so the join runs first as a step of its own
 * (xlat_modcte_pre_sql: before anything is written, one row per target row, keyed by its
 * rowid, with the FROM columns the statement reads); the UPDATE's SET reads them from that
 * result joined by rowid, the DELETE deletes the rowids it lists, and RETURNING looks each
 * one up by the written row's rowid. So SET and RETURNING see the same FROM row (PostgreSQL
 * takes one of several matches), as it was before the statement. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define RF_NAME "_shardlite_rf"

struct xlat_retfrom {
	PgQuery__Node **items; /* the FROM/USING list */
	size_t nitems;
	const struct xlat_schema_col *tcols; /* the target's columns */
	size_t ntcols;
	const PgQuery__ColumnRef **refs; /* the FROM columns read, one per distinct name */
	const char **keys;
	size_t nrefs, cap;
	int pre;            /* the step (?preK) */
	int level;          /* of the SET and RETURNING lists */
	bool in_set;        /* SET reads RF_NAME.cI, RETURNING looks the row up */
	const char *target; /* the target's name as SET/RETURNING write it */
};

static const char *const syscols[] = {"ctid", "xmin", "cmin", "xmax", "cmax", "tableoid"};

static bool names_any(const struct xlat_retfrom *rf, const char *name)
{
	for (size_t i = 0; name && i < rf->nitems; i++)
		if (xlat_names_item(rf->items[i], name))
			return true;
	return false;
}

/* The key of a FROM column cr reads ("u.x", or "x" unqualified), NULL when cr is the
 * target's (or a system column). */
static const char *from_key(struct xlat_ctx *c, const struct xlat_retfrom *rf,
			    const PgQuery__ColumnRef *cr)
{
	if (cr->n_fields == 2 && cr->fields[1]->node_case == NODE(STRING)) {
		const char *rel = xlat_node_str(cr->fields[0]);
		if (!rel || !names_any(rf, rel))
			return NULL;
		return arena_printf(c->a, "%s.%s", rel, xlat_node_str(cr->fields[1]));
	}
	const char *name = cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	if (!name || !rf->ntcols || xlat_scope_col(rf->tcols, rf->ntcols, name))
		return NULL; /* the target's (taken to be, when its columns are not known) */
	for (size_t i = 0; i < ARRAY_LEN(syscols); i++)
		if (strcmp(name, syscols[i]) == 0)
			return NULL;
	return name;
}

static int ref_index(const struct xlat_retfrom *rf, const char *key)
{
	for (size_t i = 0; i < rf->nrefs; i++)
		if (strcmp(rf->keys[i], key) == 0)
			return (int)i;
	return -1;
}

struct collect {
	struct xlat_ctx *c;
	struct xlat_retfrom *rf;
	int depth;     /* inside subqueries */
	bool shadowed; /* a subquery there names a relation as a FROM item is named */
	const PgQuery__ColumnRef *nested;    /* a FROM column read inside such a subquery */
	const PgQuery__ColumnRef *star;      /* u.* or u (a whole row) */
	const PgQuery__ColumnRef *ambiguous; /* a bare name of the target's and a FROM item's */
};

/* Whether a subquery in m names a relation (or alias) the way a FROM item is named, so that
 * a qualified reference inside it may be its own. */
static bool shadow_walk(void *arg, const ProtobufCMessage *m)
{
	struct collect *w = arg;
	const char *name = xlat_tree_item_name(m);
	if (name && names_any(w->rf, name))
		w->shadowed = true;
	return !w->shadowed && xlat_tree_each(m, shadow_walk, arg);
}

/* Whether the bare name, a column of the target, is a column of a FROM relation too. */
static bool in_items(struct xlat_ctx *c, PgQuery__Node **items, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		const PgQuery__Node *it = items[i];
		const struct xlat_schema_col *cols;
		size_t ncols;
		if (it->node_case == NODE(JOIN_EXPR) && !it->join_expr->alias &&
		    ((it->join_expr->larg && in_items(c, &it->join_expr->larg, 1, name)) ||
		     (it->join_expr->rarg && in_items(c, &it->join_expr->rarg, 1, name))))
			return true;
		if (it->node_case == NODE(RANGE_VAR) &&
		    xlat_scope_target(c, it->range_var, &cols, &ncols) &&
		    xlat_scope_col(cols, ncols, name))
			return true;
	}
	return false;
}

static bool collect_walk(void *arg, const ProtobufCMessage *m)
{
	struct collect *w = arg;
	if (m->descriptor == &pg_query__sub_link__descriptor) {
		if (!w->depth)
			(void)xlat_tree_each(m, shadow_walk, arg);
		w->depth++;
		bool go = xlat_tree_each(m, collect_walk, arg);
		w->depth--;
		return go;
	}
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, collect_walk, arg);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
	struct xlat_retfrom *rf = w->rf;
	const PgQuery__Node *last = cr->fields[cr->n_fields - 1];
	if (cr->n_fields <= 2 && (last->node_case == NODE(A_STAR) || cr->n_fields == 1) &&
	    names_any(rf, cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : xlat_node_str(last))) {
		if (cr->n_fields == 2 ||
		    !xlat_scope_col(rf->tcols, rf->ntcols, xlat_node_str(last)))
			w->star = cr;
		return true;
	}
	if (w->depth && cr->n_fields != 2) /* unqualified names there may be the subquery's */
		return true;
	if (w->depth && w->shadowed && names_any(rf, xlat_node_str(cr->fields[0]))) {
		w->nested = cr;
		return true;
	}
	const char *bare = cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	if (bare && xlat_scope_col(rf->tcols, rf->ntcols, bare) &&
	    in_items(w->c, rf->items, rf->nitems, bare))
		w->ambiguous = cr;
	const char *key = from_key(w->c, rf, cr);
	if (!key || ref_index(rf, key) >= 0)
		return true;
	if (rf->nrefs == rf->cap) {
		size_t cap = rf->cap ? 2 * rf->cap : 8;
		const PgQuery__ColumnRef **refs = arena_zalloc(w->c->a, cap * sizeof(*refs));
		const char **keys = arena_zalloc(w->c->a, cap * sizeof(*keys));
		if (rf->nrefs) {
			memcpy(refs, rf->refs, rf->nrefs * sizeof(*refs));
			memcpy(keys, rf->keys, rf->nrefs * sizeof(*keys));
		}
		rf->refs = refs, rf->keys = keys, rf->cap = cap;
	}
	rf->refs[rf->nrefs] = cr;
	rf->keys[rf->nrefs++] = key;
	return true;
}

bool xlat_retfrom_wanted(struct xlat_ctx *c, const PgQuery__RangeVar *target, PgQuery__Node **ret,
			 size_t nret, PgQuery__Node **items, size_t nitems)
{
	if (!nitems || !nret)
		return false;
	struct xlat_retfrom rf = {.items = items, .nitems = nitems};
	(void)xlat_scope_target(c, target, &rf.tcols, &rf.ntcols);
	struct collect w = {.c = c, .rf = &rf};
	for (size_t i = 0; i < nret; i++) {
		const PgQuery__Node *v = ret[i]->res_target->val;
		if (v->node_case == NODE(COLUMN_REF) && v->column_ref->n_fields == 1 &&
		    v->column_ref->fields[0]->node_case == NODE(A_STAR))
			return true;
		(void)xlat_tree_each(&ret[i]->base, collect_walk, &w);
	}
	return rf.nrefs || w.nested || w.star || w.ambiguous;
}

/* A ResTarget of rel.col (col NULL: rel.*) in the arena. */
static PgQuery__Node *res_col(struct xlat_ctx *c, const char *rel, const char *col, int location)
{
	static PgQuery__AStar star = PG_QUERY__A__STAR__INIT;
	struct xlat_colref *r = arena_zalloc(c->a, sizeof(*r));
	(void)xlat_colref(r, rel, col ? col : "*", location);
	if (!col) {
		r->fields[1] = (PgQuery__Node)PG_QUERY__NODE__INIT;
		r->fields[1].node_case = NODE(A_STAR);
		r->fields[1].a_star = &star;
	}
	PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
	*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
	rt->val = &r->node;
	rt->location = location;
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
	n->node_case = NODE(RES_TARGET);
	n->res_target = rt;
	return n;
}

/* Appends the columns of a subquery in FROM (FROM (VALUES ...) AS v(a, b)) as v.col targets:
 * its alias list's names, then the query's own; false (0A000) when they are not known. */
static bool subselect_cols(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs,
			   PgQuery__Node ***out, size_t *n, int location)
{
	size_t nq = 0;
	const PgQuery__SelectStmt *q = rs->subquery && rs->subquery->node_case == NODE(SELECT_STMT)
					       ? rs->subquery->select_stmt
					       : NULL;
	const char **qnames = q ? xlat_select_colnames(c, q, &nq) : NULL;
	if (!rs->alias || !qnames || rs->alias->n_colnames > nq)
		return xlat_unsupported(c, location,
					"RETURNING * or u.* of this FROM or USING item (name the "
					"columns)");
	PgQuery__Node **v = arena_zalloc(c->a, (*n + nq + 1) * sizeof(*v));
	memcpy(v, *out, *n * sizeof(*v));
	for (size_t i = 0; i < nq; i++) {
		const char *name = i < rs->alias->n_colnames ? xlat_node_str(rs->alias->colnames[i])
							     : qnames[i];
		v[(*n)++] = res_col(c, rs->alias->aliasname, name, location);
	}
	*out = v;
	return true;
}

/* Appends item's columns (a relation of the tenant's) as rel.col targets; false (0A000) for
 * another kind of item, whose columns are not known here. */
static bool item_cols(struct xlat_ctx *c, const PgQuery__Node *item, PgQuery__Node ***out,
		      size_t *n, int location)
{
	const struct xlat_schema_col *cols;
	size_t ncols;
	const PgQuery__JoinExpr *j = item->node_case == NODE(JOIN_EXPR) ? item->join_expr : NULL;
	if (j && !j->alias && !j->n_using_clause && !j->is_natural && j->larg && j->rarg)
		return item_cols(c, j->larg, out, n, location) &&
		       item_cols(c, j->rarg, out, n, location);
	if (item->node_case == NODE(RANGE_SUBSELECT))
		return subselect_cols(c, item->range_subselect, out, n, location);
	if (item->node_case != NODE(RANGE_VAR) ||
	    (!xlat_modcte_shared_cols(c, item->range_var, &cols, &ncols) &&
	     !xlat_scope_target(c, item->range_var, &cols, &ncols)) ||
	    !ncols)
		return xlat_unsupported(c, location,
					"RETURNING * or u.* of this FROM or USING item (name the "
					"columns)");
	const PgQuery__RangeVar *rv = item->range_var;
	PgQuery__Node **v = arena_zalloc(c->a, (*n + ncols + 1) * sizeof(*v));
	memcpy(v, *out, *n * sizeof(*v));
	for (size_t i = 0; i < ncols; i++)
		v[(*n)++] = res_col(c, rv->alias ? rv->alias->aliasname : rv->relname, cols[i].name,
				    location);
	*out = v;
	return true;
}

/* RETURNING with * and u.* spelled out: *, as PostgreSQL's, is the target's columns and
 * then each FROM item's. */
static bool expand_stars(struct xlat_ctx *c, const PgQuery__RangeVar *target,
			 struct xlat_retfrom *rf, PgQuery__Node ***ret, size_t *nret)
{
	PgQuery__Node **out = arena_zalloc(c->a, (*nret + 1) * sizeof(*out));
	size_t n = 0;
	const char *tname = target->alias ? target->alias->aliasname : target->relname;
	for (size_t i = 0; i < *nret; i++) {
		PgQuery__Node *rt = (*ret)[i];
		const PgQuery__Node *v = rt->res_target->val;
		const PgQuery__ColumnRef *cr = v->node_case == NODE(COLUMN_REF) ? v->column_ref
										: NULL;
		bool star = cr && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR);
		const char *rel = star && cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (star && cr->n_fields == 1) {
			PgQuery__Node **v2 = arena_zalloc(c->a, (n + 2) * sizeof(*v2));
			memcpy(v2, out, n * sizeof(*v2));
			v2[n++] = res_col(c, tname, NULL, cr->location);
			out = v2;
			for (size_t k = 0; k < rf->nitems; k++)
				if (!item_cols(c, rf->items[k], &out, &n, cr->location))
					return false;
		} else if (rel && names_any(rf, rel) && strcmp(rel, tname) != 0) {
			size_t k = 0;
			while (k < rf->nitems && !xlat_names_item(rf->items[k], rel))
				k++;
			const PgQuery__Node *it = rf->items[k];
			while (it->node_case == NODE(JOIN_EXPR) && !it->join_expr->alias)
				it = xlat_names_item(it->join_expr->larg, rel) ? it->join_expr->larg
									  : it->join_expr->rarg;
			if (!item_cols(c, it, &out, &n, cr->location))
				return false;
		} else {
			PgQuery__Node **v2 = arena_zalloc(c->a, (n + 2) * sizeof(*v2));
			memcpy(v2, out, n * sizeof(*v2));
			v2[n++] = rt;
			out = v2;
		}
	}
	*ret = out;
	*nret = n;
	return true;
}

static void json_value(struct xlat_ctx *c, size_t i)
{
	xlat_printf(c,
		    "CASE json_type(value, '$[%zu]') WHEN 'object' THEN "
		    "pgfn_decode(json_extract(value, '$[%zu].x'), 'hex') "
		    "ELSE json_extract(value, '$[%zu]') END",
		    i, i, i);
}

/* The step: `[WITH ...] SELECT t.rowid, <FROM column>, ... FROM <target>, <items> WHERE cond
 * GROUP BY t.rowid`, one of the matching FROM rows per target row. */
static bool step_sql(struct xlat_ctx *c, struct xlat_retfrom *rf,
		     const struct xlat_retfrom_src *src)
{
	struct strbuf scratch, *saved = c->sb;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	const char *tname = src->target->alias ? src->target->alias->aliasname
					       : src->target->relname;
	strbuf_append(&scratch, src->with, src->nwith);
	xlat_puts(c, "SELECT ");
	xlat_ident(c, tname);
	xlat_puts(c, ".rowid");
	bool ok = true;
	for (size_t i = 0; ok && i < rf->nrefs; i++) {
		PgQuery__Node n = PG_QUERY__NODE__INIT;
		n.node_case = NODE(COLUMN_REF);
		n.column_ref = (PgQuery__ColumnRef *)rf->refs[i];
		struct xlat_type t;
		xlat_puts(c, ", ");
		ok = xlat_expr(c, &n, &t);
	}
	xlat_puts(c, " FROM ");
	strbuf_append(&scratch, src->target_sql, src->ntarget_sql);
	xlat_puts(c, ", ");
	ok = ok && xlat_from_list(c, rf->items, rf->nitems);
	if (ok && src->where) {
		xlat_puts(c, " WHERE ");
		ok = xlat_condition(c, src->where);
	}
	xlat_puts(c, " GROUP BY ");
	xlat_ident(c, tname);
	xlat_puts(c, ".rowid");
	c->sb = saved;
	if (ok && scratch.failed)
		ok = pgerr_set(c->err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			       "translated statement too long");
	if (ok)
		rf->pre = xlat_modcte_pre_sql(c, arena_strndup(c->a, scratch.data, scratch.len));
	strbuf_fini(&scratch);
	return ok;
}

bool xlat_retfrom_begin(struct xlat_ctx *c, const struct xlat_retfrom_src *src,
			struct xlat_retfrom **out)
{
	*out = NULL;
	if (!xlat_modcte_retfrom_ok(c) || c->sb != c->main_sb)
		return xlat_unsupported(c, -1,
					"RETURNING a column of an UPDATE's FROM or a DELETE's "
					"USING list in a data-modifying WITH");
	struct xlat_retfrom *rf = arena_zalloc(c->a, sizeof(*rf));
	rf->items = src->items;
	rf->nitems = src->nitems;
	rf->level = c->level;
	(void)xlat_scope_target(c, src->target, &rf->tcols, &rf->ntcols);
	for (size_t i = 0; i < src->nset; i++) { /* RETURNING looks up the rowid it wrote */
		const PgQuery__ResTarget *rt = src->set[i]->res_target;
		const struct xlat_schema_col *k =
			rt->name ? xlat_scope_col(rf->tcols, rf->ntcols, rt->name) : NULL;
		if (k && (k->rowid_seq || k->rowid_key))
			return xlat_unsupported(c, rt->location,
						"RETURNING a column of UPDATE's FROM list when SET "
						"changes the integer primary key");
	}
	if (!expand_stars(c, src->target, rf, src->ret, src->nret))
		return false;
	struct collect w = {.c = c, .rf = rf};
	for (size_t i = 0; i < src->nset; i++)
		(void)xlat_tree_each(&src->set[i]->base, collect_walk, &w);
	for (size_t i = 0; i < *src->nret; i++)
		(void)xlat_tree_each(&(*src->ret)[i]->base, collect_walk, &w);
	if (w.nested)
		return xlat_unsupported(c, w.nested->location,
					"a subquery reading a column of UPDATE's FROM or DELETE's "
					"USING list next to RETURNING one");
	if (w.ambiguous)
		return xlat_fail(c, "42702", w.ambiguous->location,
				 "column reference \"%s\" is ambiguous",
				 xlat_node_str(w.ambiguous->fields[0]));
	if (w.star)
		return xlat_unsupported(c, w.star->location,
					"a whole row of UPDATE's FROM or DELETE's USING list in "
					"RETURNING");
	if (!step_sql(c, rf, src))
		return false;
	xlat_nocache(c); /* the finished text is patched (xlat_modcte_finish) */
	*out = rf;
	return true;
}

void xlat_retfrom_mode(struct xlat_ctx *c, struct xlat_retfrom *rf, bool in_set, const char *target)
{
	if (rf) {
		rf->in_set = in_set;
		rf->target = target;
	}
	c->retfrom = rf;
}

void xlat_retfrom_update_from(struct xlat_ctx *c, const struct xlat_retfrom *rf, const char *target)
{
	xlat_puts(c, " FROM (SELECT json_extract(value, '$[0]') AS c0");
	for (size_t i = 0; i < rf->nrefs; i++) {
		xlat_puts(c, ", ");
		json_value(c, i + 1);
		xlat_printf(c, " AS c%zu", i + 1);
	}
	xlat_printf(c, " FROM json_each(?pre%d)) AS " RF_NAME " WHERE ", rf->pre);
	xlat_ident(c, target);
	xlat_puts(c, ".rowid = " RF_NAME ".c0");
}

void xlat_retfrom_delete_where(struct xlat_ctx *c, const struct xlat_retfrom *rf)
{
	xlat_printf(c,
		    " WHERE rowid IN (SELECT json_extract(value, '$[0]') FROM json_each(?pre%d))",
		    rf->pre);
}

int xlat_retfrom_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t)
{
	const struct xlat_retfrom *rf = c->retfrom;
	if (c->level != rf->level && cr->n_fields != 2)
		return 0; /* a bare name in a subquery: its own (collect_walk) */
	const char *key = from_key(c, rf, cr);
	int i = key ? ref_index(rf, key) : -1;
	if (i < 0)
		return 0;
	if (rf->in_set) {
		xlat_printf(c, RF_NAME ".c%d", i + 1);
	} else {
		xlat_puts(c, "(SELECT ");
		json_value(c, (size_t)i + 1);
		xlat_printf(
			c, " FROM json_each(?pre%d) WHERE json_extract(value, '$[0]') = ", rf->pre);
		xlat_ident(c, rf->target);
		xlat_puts(c, ".rowid)");
	}
	if (!xlat_lateral_type(c, cr, t)) /* u.x of a USING alias: its expression's */
		*t = xlat_scope_column_type(c, cr);
	return 1;
}
