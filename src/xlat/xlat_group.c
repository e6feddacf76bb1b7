/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_group.c: PostgreSQL's parse-analysis checks of aggregates, window functions and
 * grouped queries (42803, 42P20), run over the parse tree once a statement has translated.
 * SQLite accepts `SELECT a, b FROM t GROUP BY a` and answers with some row's b; PostgreSQL
 * refuses it, and so must we. Only what can be decided with certainty is refused: a column
 * reference this pass cannot resolve (a relation of unknown columns in the way) is let through. */
#include "xlat_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NODE(k) PG_QUERY__NODE__NODE_##k
/* Used by this file only (base.h holds the codes shared between modules). */
#define GROUPING_ERROR "42803"
#define WINDOWING_ERROR "42P20"
#define GROUP_STEPS_MAX 200000 /* node visits; beyond it the rest goes unchecked */

/* A FROM item of one query level: its reference name and, when known, its columns. */
struct grel {
	const char *name;
	const char **cols; /* column names (NULL with known false) */
	size_t ncols;
	bool known;
	const char *const *pkey; /* a table's primary key, on which its columns depend */
	size_t npkey;
};

/* Where an expression stands, which decides what may stand in it. */
enum gclause { CL_OTHER, CL_TARGET, CL_WHERE, CL_JOIN, CL_GROUP, CL_HAVING, CL_ORDER,
	       CL_WINDOW, CL_VALUES, CL_FROM_FUNC, CL_RETURNING, CL_INDEX_EXPR, CL_INDEX_PRED };

struct glevel {
	struct glevel *up;
	struct grel *rels;
	size_t nrels, cap;
	PgQuery__Node **groups; /* GROUP BY items, ordinals and output names replaced */
	size_t ngroups;
	const PgQuery__SelectStmt *s;
	bool grouped;   /* GROUP BY, HAVING or an aggregate of this level */
	bool unsure;    /* a GROUP BY item names a column this pass cannot resolve */
	bool nonvar;    /* some GROUP BY item is not a plain column */
	enum gclause clause;
	int in_agg, in_win;
	bool outer_agg; /* a subquery calls an aggregate of this level (found by a dry walk) */
	const struct xlat_ctx *c; /* whose schema's aggregates count (is_agg_in) */
};

/* A visible WITH query. */
struct gcte {
	const PgQuery__CommonTableExpr *e;
	struct gcte *next;
};

struct gctx {
	struct xlat_ctx *c;
	struct gcte *ctes;
	long steps;
	int dry; /* > 0: a walk that only finds outer levels' aggregates, refusing nothing */
	bool collect; /* xlat_group_mark_outer: note each outer level's aggregate */
};

/* A resolved column reference. */
struct gres {
	struct glevel *lv;
	size_t rel;
	const char *col;
	int up; /* levels above the reference's own */
};

static bool query(struct gctx *g, struct glevel *up, const PgQuery__SelectStmt *s);

/* Fails with PostgreSQL's error, unless this is a dry walk. */
static bool refuse(struct gctx *g, const char *state, int location, const char *fmt, ...)
	PRINTF_LIKE(4, 5);
static bool refuse(struct gctx *g, const char *state, int location, const char *fmt, ...)
{
	if (g->dry)
		return true;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return xlat_fail(g->c, state, location, "%s", msg);
}
static bool walk(struct gctx *g, struct glevel *lv, const ProtobufCMessage *m);

/* PostgreSQL's built-in aggregate functions (pg_aggregate), sorted. */
static const char *const aggs[] = {
	"any_value", "array_agg", "avg", "bit_and", "bit_or", "bit_xor", "bool_and", "bool_or",
	"corr", "count", "covar_pop", "covar_samp", "cume_dist", "dense_rank", "every",
	"json_agg", "json_object_agg", "jsonb_agg", "jsonb_object_agg", "max", "min", "mode",
	"percent_rank", "percentile_cont", "percentile_disc", "range_agg",
	"range_intersect_agg", "rank", "regr_avgx", "regr_avgy", "regr_count",
	"regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy",
	"stddev", "stddev_pop", "stddev_samp", "string_agg", "sum", "var_pop", "var_samp",
	"variance", "xmlagg",
};

static int cmp_name(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

/* Whether f calls an aggregate (not as a window function). */
static bool is_agg(const PgQuery__FuncCall *f)
{
	if (f->over || f->n_funcname == 0 || f->n_funcname > 2)
		return false;
	if (f->n_funcname == 2) {
		const char *schema = xlat_node_str(f->funcname[0]);
		if (!schema || strcmp(schema, "pg_catalog") != 0)
			return false;
	}
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	if (!name)
		return false;
	if (f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter ||
	    f->agg_within_group)
		return true;
	return bsearch(name, aggs, ARRAY_LEN(aggs), sizeof(aggs[0]), cmp_name) != NULL;
}

bool xlat_group_is_agg(const PgQuery__FuncCall *f)
{
	return is_agg(f);
}

/* is_agg, or a call of one of the tenant's aggregates (CREATE AGGREGATE). */
static bool is_agg_in(const struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	if (is_agg(f))
		return true;
	const char *name = f->over || !f->n_funcname || f->n_funcname > 2
				   ? NULL
				   : xlat_node_str(f->funcname[f->n_funcname - 1]);
	return name && xlat_udf_is_aggregate(c, name);
}

bool xlat_group_is_agg_in(const struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	return is_agg_in(c, f);
}

static bool resolve(const struct glevel *lv, const PgQuery__ColumnRef *cr, struct gres *out);

struct walk_arg {
	struct gctx *g;
	struct glevel *lv;
};

static bool walk_child(void *arg, const ProtobufCMessage *m)
{
	const struct walk_arg *w = arg;
	return walk(w->g, w->lv, m);
}

/* Walks every child of m (the node itself is not looked at). */
static bool walk_fields(struct gctx *g, struct glevel *lv, const ProtobufCMessage *m)
{
	return xlat_tree_each(m, walk_child, &(struct walk_arg){g, lv});
}

/* Column references compare by what they resolve to (e.salary and salary alike). */
static int same_ref(void *arg, const ProtobufCMessage *a, const ProtobufCMessage *b)
{
	const struct glevel *lv = arg;
	struct gres x, y;
	if (a->descriptor != &pg_query__column_ref__descriptor ||
	    !resolve(lv, (const PgQuery__ColumnRef *)a, &x) ||
	    !resolve(lv, (const PgQuery__ColumnRef *)b, &y))
		return -1;
	return x.lv == y.lv && x.rel == y.rel && strcasecmp(x.col, y.col) == 0;
}

/* PostgreSQL's equal() on two expressions of level lv. */
static bool same(const struct glevel *lv, const ProtobufCMessage *a, const ProtobufCMessage *b)
{
	return xlat_tree_equal(a, b, same_ref, (void *)lv);
}

/* ---- names ---- */

static const struct grel *rel_at(const struct glevel *lv, const char *name)
{
	for (size_t i = 0; name && i < lv->nrels; i++) {
		if (lv->rels[i].name && strcmp(lv->rels[i].name, name) == 0)
			return &lv->rels[i];
	}
	return NULL;
}

static bool rel_has(const struct grel *r, const char *col)
{
	for (size_t i = 0; i < r->ncols; i++) {
		if (r->cols[i] && strcasecmp(r->cols[i], col) == 0)
			return true;
	}
	return false;
}

/* A column reference's level, relation and column; false when not certain. */
static bool resolve(const struct glevel *lv, const PgQuery__ColumnRef *cr, struct gres *out)
{
	if (cr->n_fields == 0 || cr->n_fields > 3)
		return false;
	const char *col = xlat_node_str(cr->fields[cr->n_fields - 1]);
	const char *rel = cr->n_fields > 1 ? xlat_node_str(cr->fields[cr->n_fields - 2]) : NULL;
	if (!col || (cr->n_fields > 1 && !rel))
		return false;
	int up = 0;
	for (const struct glevel *l = lv; l; l = l->up, up++) {
		if (rel) {
			const struct grel *r = rel_at(l, rel);
			if (!r)
				continue;
			if (r->known && !rel_has(r, col))
				return false;
			*out = (struct gres){(struct glevel *)l, (size_t)(r - l->rels), col, up};
			return true;
		}
		size_t hits = 0, at = 0;
		bool unknown = false;
		for (size_t i = 0; i < l->nrels; i++) {
			if (!l->rels[i].known)
				unknown = true;
			else if (rel_has(&l->rels[i], col))
				hits++, at = i;
		}
		if (unknown || hits > 1)
			return false;
		if (hits == 1) {
			*out = (struct gres){(struct glevel *)l, at, col, up};
			return true;
		}
	}
	return false;
}

/* The name PostgreSQL gives a result column (FigureColname), NULL when not certain. */
static const char *out_name(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(COLUMN_REF): {
		const PgQuery__ColumnRef *cr = n->column_ref;
		return cr->n_fields ? xlat_node_str(cr->fields[cr->n_fields - 1]) : NULL;
	}
	case NODE(FUNC_CALL): {
		const PgQuery__FuncCall *f = n->func_call;
		return f->n_funcname ? xlat_node_str(f->funcname[f->n_funcname - 1]) : NULL;
	}
	case NODE(TYPE_CAST):
		return n->type_cast->arg ? out_name(n->type_cast->arg) : NULL;
	case NODE(A_EXPR):
	case NODE(A_CONST):
		return "?column?";
	default:
		return NULL;
	}
}

/* Whether a target list item has AS name (protobuf-c gives "" for none). */
static bool named(const PgQuery__ResTarget *rt)
{
	return rt->name && *rt->name;
}

/* The output column names of s into r (aliases: names given in FROM or WITH). */
static void query_cols(struct gctx *g, const PgQuery__SelectStmt *s, PgQuery__Node **aliases,
		       size_t naliases, struct grel *r)
{
	while (s && s->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		s = s->larg;
	if (!s)
		return;
	size_t n = s->n_values_lists ? 0 : s->n_target_list;
	if (s->n_values_lists && s->values_lists[0]->node_case == NODE(LIST))
		n = s->values_lists[0]->list->n_items;
	const char **v = arena_zalloc(g->c->a, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		if (i < naliases) {
			v[i] = xlat_node_str(aliases[i]);
		} else if (s->n_values_lists) {
			v[i] = arena_printf(g->c->a, "column%zu", i + 1);
		} else {
			const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
			if (!rt || !rt->val)
				return;
			v[i] = named(rt) ? rt->name : out_name(rt->val);
			if (rt->val->node_case == NODE(COLUMN_REF) &&
			    rt->val->column_ref->fields[rt->val->column_ref->n_fields - 1]
				    ->node_case == NODE(A_STAR))
				return; /* * : columns not counted here */
		}
		if (!v[i])
			return;
	}
	r->cols = v;
	r->ncols = n;
	r->known = true;
}

static struct grel *push_rel(struct gctx *g, struct glevel *lv, const char *name)
{
	if (lv->nrels == lv->cap) {
		size_t cap = lv->cap ? 2 * lv->cap : 4;
		struct grel *v = arena_zalloc(g->c->a, cap * sizeof(*v));
		if (lv->nrels)
			memcpy(v, lv->rels, lv->nrels * sizeof(*v));
		lv->rels = v;
		lv->cap = cap;
	}
	struct grel *r = &lv->rels[lv->nrels++];
	*r = (struct grel){.name = name};
	return r;
}

static const struct gcte *find_cte(const struct gctx *g, const char *name)
{
	for (const struct gcte *e = g->ctes; e; e = e->next) {
		if (strcmp(e->e->ctename, name) == 0)
			return e;
	}
	return NULL;
}

static void range_var(struct gctx *g, struct glevel *lv, const PgQuery__RangeVar *rv)
{
	struct grel *r = push_rel(g, lv, rv->alias ? rv->alias->aliasname : rv->relname);
	bool schema = rv->schemaname && *rv->schemaname;
	const struct gcte *cte = schema ? NULL : find_cte(g, rv->relname);
	if (cte) {
		const PgQuery__CommonTableExpr *e = cte->e;
		if (e->ctequery && e->ctequery->node_case == NODE(SELECT_STMT))
			query_cols(g, e->ctequery->select_stmt, e->aliascolnames,
				   e->n_aliascolnames, r);
		return;
	}
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	if (!xlat_scope_target(g->c, rv, &cols, &n))
		return;
	const char **v = arena_zalloc(g->c->a, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = cols[i].name;
	*r = (struct grel){r->name, v, n, true, NULL, 0};
	const struct xlat_schema *sc = g->c->schema;
	if (sc->pkey_fn && !sc->pkey_fn(sc->arg, rv->relname, NULL, &r->pkey, &r->npkey))
		r->npkey = 0;
}

/* A FROM item: its relations into lv, its subqueries and JOIN conditions checked. */
static bool from_item(struct gctx *g, struct glevel *lv, const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(RANGE_VAR):
		range_var(g, lv, n->range_var);
		return true;
	case NODE(RANGE_SUBSELECT): {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		const PgQuery__Alias *al = rs->alias;
		struct grel *r = push_rel(g, lv, al ? al->aliasname : NULL);
		if (!rs->subquery || rs->subquery->node_case != NODE(SELECT_STMT))
			return true;
		struct grel got = *r;
		query_cols(g, rs->subquery->select_stmt, al ? al->colnames : NULL,
			   al ? al->n_colnames : 0, &got);
		lv->rels[lv->nrels - 1] = got;
		return query(g, rs->lateral ? lv : lv->up, rs->subquery->select_stmt);
	}
	case NODE(JOIN_EXPR): {
		const PgQuery__JoinExpr *j = n->join_expr;
		struct glevel inner = {.up = lv->up, .c = lv->c};
		struct glevel *into = j->alias ? &inner : lv;
		if (!from_item(g, into, j->larg) || !from_item(g, into, j->rarg))
			return false;
		if (j->alias)
			push_rel(g, lv, j->alias->aliasname); /* hides its members; columns unknown */
		enum gclause was = into->clause;
		into->clause = CL_JOIN;
		bool ok = !j->quals || walk(g, into, &j->quals->base);
		into->clause = was;
		return ok;
	}
	case NODE(RANGE_FUNCTION): {
		const PgQuery__RangeFunction *rf = n->range_function;
		push_rel(g, lv, rf->alias ? rf->alias->aliasname : NULL);
		lv->clause = CL_FROM_FUNC;
		bool ok = walk_fields(g, lv, &rf->base);
		lv->clause = CL_OTHER;
		return ok;
	}
	default:
		push_rel(g, lv, NULL);
		return true;
	}
}

/* ---- grouping ---- */

/* Whether the columns of r (a table) depend on the GROUP BY items: all of its primary key's
 * columns are grouped plain columns. */
static bool depends_on_key(const struct glevel *lv, size_t rel)
{
	const struct grel *r = &lv->rels[rel];
	for (size_t i = 0; i < r->npkey; i++) {
		bool found = false;
		for (size_t k = 0; k < lv->ngroups && !found; k++) {
			struct gres x;
			const PgQuery__Node *gi = lv->groups[k];
			found = gi->node_case == NODE(COLUMN_REF) &&
				resolve(lv, gi->column_ref, &x) && x.lv == lv && x.rel == rel &&
				r->pkey[i] && strcasecmp(x.col, r->pkey[i]) == 0;
		}
		if (!found)
			return false;
	}
	return r->npkey > 0;
}

static bool column_grouped(const struct glevel *lv, size_t rel, const char *col)
{
	for (size_t k = 0; k < lv->ngroups; k++) {
		struct gres x;
		const PgQuery__Node *gi = lv->groups[k];
		if (gi->node_case == NODE(COLUMN_REF) && resolve(lv, gi->column_ref, &x) &&
		    x.lv == lv && x.rel == rel && strcasecmp(x.col, col) == 0)
			return true;
	}
	return depends_on_key(lv, rel);
}

static bool ungrouped(struct gctx *g, const struct gres *x, int location)
{
	const char *rel = x->lv->rels[x->rel].name;
	if (x->up > 0)
		return refuse(g, GROUPING_ERROR, location,
				 "subquery uses ungrouped column \"%s.%s\" from outer query",
				 rel, x->col);
	return refuse(g, GROUPING_ERROR, location,
			 "column \"%s.%s\" must appear in the GROUP BY clause or be used in an "
			 "aggregate function",
			 rel, x->col);
}

/* Whether a reference to x stands where the grouping rule holds for x's level. */
static bool rule_applies(const struct gres *x)
{
	const struct glevel *l = x->lv;
	return l->grouped && !l->unsure && !l->in_agg &&
	       (l->clause == CL_TARGET || l->clause == CL_HAVING || l->clause == CL_ORDER ||
		l->clause == CL_WINDOW);
}

static bool column_ref(struct gctx *g, struct glevel *lv, const PgQuery__ColumnRef *cr)
{
	if (cr->n_fields && cr->fields[cr->n_fields - 1]->node_case == NODE(A_STAR)) {
		/* * and t.*: every column of the relations it stands for */
		const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (!lv->grouped || lv->unsure || lv->in_agg || lv->clause != CL_TARGET ||
		    cr->n_fields > 2)
			return true;
		for (size_t i = 0; i < lv->nrels; i++) {
			const struct grel *r = &lv->rels[i];
			if ((rel && (!r->name || strcmp(r->name, rel) != 0)) || !r->known)
				continue;
			for (size_t k = 0; k < r->ncols; k++) {
				if (!column_grouped(lv, i, r->cols[k]))
					return ungrouped(g, &(struct gres){lv, i, r->cols[k], 0},
							 cr->location);
			}
		}
		return true;
	}
	struct gres x;
	if (!resolve(lv, cr, &x) || !rule_applies(&x) || column_grouped(x.lv, x.rel, x.col))
		return true;
	return ungrouped(g, &x, cr->location);
}

/* The level an aggregate belongs to: that of the innermost column its arguments read (not
 * counting subqueries'), its own when they read none. */
struct refs_arg {
	const struct glevel *lv;
	int best; /* levels up, -1: no column seen */
};

static bool agg_refs(void *arg, const ProtobufCMessage *m)
{
	struct refs_arg *r = arg;
	if (m->descriptor == &pg_query__select_stmt__descriptor)
		return true;
	if (m->descriptor != &pg_query__column_ref__descriptor)
		return xlat_tree_each(m, agg_refs, r);
	struct gres x;
	int up = resolve(r->lv, (const PgQuery__ColumnRef *)m, &x) ? x.up : 0;
	if (r->best < 0 || up < r->best)
		r->best = up;
	return true;
}

static struct glevel *agg_level(struct glevel *lv, const PgQuery__FuncCall *f)
{
	struct refs_arg r = {lv, -1};
	for (size_t i = 0; i < f->n_args; i++)
		agg_refs(&r, &f->args[i]->base);
	for (size_t i = 0; i < f->n_agg_order; i++)
		agg_refs(&r, &f->agg_order[i]->base);
	if (f->agg_filter)
		agg_refs(&r, &f->agg_filter->base);
	for (int k = 0; k < r.best && lv->up; k++)
		lv = lv->up;
	return lv;
}

static const char *clause_name(enum gclause k)
{
	switch (k) {
	case CL_WHERE: return "WHERE";
	case CL_JOIN: return "JOIN conditions";
	case CL_GROUP: return "GROUP BY";
	case CL_HAVING: return "HAVING";
	case CL_WINDOW: return "window definitions";
	case CL_VALUES: return "VALUES";
	case CL_FROM_FUNC: return "functions in FROM";
	case CL_RETURNING: return "RETURNING";
	case CL_INDEX_EXPR: return "index expressions";
	case CL_INDEX_PRED: return "index predicates";
	default: return NULL;
	}
}

static bool aggregate(struct gctx *g, struct glevel *lv, const PgQuery__FuncCall *f)
{
	struct glevel *at = agg_level(lv, f);
	const char *name = f->n_funcname ? xlat_node_str(f->funcname[f->n_funcname - 1]) : NULL;
	bool builtin = name && bsearch(name, aggs, ARRAY_LEN(aggs), sizeof(aggs[0]), cmp_name);
	if (at != lv && !builtin && name && xlat_udf_is_aggregate(g->c, name)) /* SQLite: XX000 */
		return refuse(g, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			      "an aggregate made with CREATE AGGREGATE over an outer query's columns "
			      "is not supported");
	if (at != lv)
		at->outer_agg = true;
	if (at != lv && g->collect && !xlat_group_outer_agg(g->c, f)) {
		const PgQuery__FuncCall **v =
			arena_alloc(g->c->a, (g->c->n_outer_aggs + 1) * sizeof(*v));
		for (size_t i = 0; i < g->c->n_outer_aggs; i++)
			v[i] = g->c->outer_aggs[i];
		v[g->c->n_outer_aggs++] = f;
		g->c->outer_aggs = v;
	}
	const char *where = clause_name(at->clause);
	if (where && at->clause != CL_HAVING && at->clause != CL_WINDOW)
		return refuse(g, GROUPING_ERROR, f->location,
				 "aggregate functions are not allowed in %s", where);
	if (at->in_agg)
		return refuse(g, GROUPING_ERROR, f->location,
				 "aggregate function calls cannot be nested");
	at->in_agg++;
	int win = at->in_win;
	at->in_win = 0; /* a window function inside is the aggregate's, not the window's */
	bool ok = walk_fields(g, lv, &f->base);
	at->in_win = win;
	at->in_agg--;
	return ok;
}

static bool window_def(struct gctx *g, struct glevel *lv, const PgQuery__WindowDef *w)
{
	enum gclause was = lv->clause;
	lv->clause = CL_WINDOW;
	bool ok = walk_fields(g, lv, &w->base);
	lv->clause = was;
	return ok;
}

static bool window_func(struct gctx *g, struct glevel *lv, const PgQuery__FuncCall *f)
{
	const char *where = clause_name(lv->clause);
	if (lv->in_agg)
		return refuse(g, GROUPING_ERROR, f->location,
				 "aggregate function calls cannot contain window function calls");
	if (lv->in_win)
		return refuse(g, WINDOWING_ERROR, f->location,
				 "window function calls cannot be nested");
	if (where)
		return refuse(g, WINDOWING_ERROR, f->location,
				 "window functions are not allowed in %s", where);
	lv->in_win++;
	bool ok = true;
	for (size_t i = 0; ok && i < f->n_args; i++)
		ok = walk(g, lv, &f->args[i]->base);
	if (ok && f->agg_filter)
		ok = walk(g, lv, &f->agg_filter->base);
	lv->in_win--;
	return ok && window_def(g, lv, f->over);
}

/* Whether m, an expression of lv, is one of its GROUP BY items as a whole. */
static bool is_group_item(const struct glevel *lv, const ProtobufCMessage *m)
{
	if (!lv->grouped || !lv->nonvar || lv->in_agg || m->descriptor != &pg_query__node__descriptor)
		return false;
	const PgQuery__Node *n = (const PgQuery__Node *)m;
	if (n->node_case == NODE(COLUMN_REF) || n->node_case == NODE(A_CONST))
		return false;
	for (size_t k = 0; k < lv->ngroups; k++) {
		if (same(lv, &lv->groups[k]->base, m))
			return true;
	}
	return false;
}

static bool walk(struct gctx *g, struct glevel *lv, const ProtobufCMessage *m)
{
	if (++g->steps > GROUP_STEPS_MAX)
		return true;
	const ProtobufCMessageDescriptor *d = m->descriptor;
	if (d == &pg_query__column_ref__descriptor)
		return column_ref(g, lv, (const PgQuery__ColumnRef *)m);
	if (d == &pg_query__select_stmt__descriptor)
		return query(g, lv, (const PgQuery__SelectStmt *)m);
	if (d == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)m;
		if (is_agg_in(g->c, f))
			return aggregate(g, lv, f);
		if (f->over)
			return window_func(g, lv, f);
	}
	if (d == &pg_query__window_def__descriptor)
		return window_def(g, lv, (const PgQuery__WindowDef *)m);
	if ((lv->clause == CL_TARGET || lv->clause == CL_HAVING || lv->clause == CL_ORDER ||
	     lv->clause == CL_WINDOW) && is_group_item(lv, m))
		return true;
	return walk_fields(g, lv, m);
}

/* ---- one query level ---- */

/* The target list item a GROUP BY ordinal or output name stands for, else n itself. In GROUP
 * BY a name that is an input column means the column (ORDER BY prefers the output name). */
static PgQuery__Node *group_item(const struct glevel *lv, PgQuery__Node *n)
{
	const PgQuery__SelectStmt *s = lv->s;
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		int32_t k = n->a_const->ival ? n->a_const->ival->ival : 0;
		if (k >= 1 && (size_t)k <= s->n_target_list && s->target_list[k - 1]->res_target)
			return s->target_list[k - 1]->res_target->val;
		return n;
	}
	if (n->node_case != NODE(COLUMN_REF) || n->column_ref->n_fields != 1)
		return n;
	const char *name = xlat_node_str(n->column_ref->fields[0]);
	struct gres x;
	if (!name || resolve(lv, n->column_ref, &x))
		return n;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (rt && named(rt) && strcmp(rt->name, name) == 0)
			return rt->val;
	}
	return n;
}

/* Whether cr is a whole row of one of lv's relations of known columns: its name, which no
 * column of them has. */
static bool whole_row(const struct glevel *lv, const PgQuery__ColumnRef *cr)
{
	const char *name = cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	bool rel = false;
	for (size_t i = 0; name && i < lv->nrels; i++) {
		const struct grel *r = &lv->rels[i];
		if (!r->known)
			return false;
		for (size_t k = 0; k < r->ncols; k++)
			if (strcmp(r->cols[k], name) == 0)
				return false;
		rel |= r->name && strcmp(r->name, name) == 0;
	}
	return rel;
}

static void add_group(struct gctx *g, struct glevel *lv, PgQuery__Node *n, size_t *cap)
{
	if (n->node_case == NODE(GROUPING_SET)) { /* ROLLUP, CUBE, GROUPING SETS */
		for (size_t i = 0; i < n->grouping_set->n_content; i++)
			add_group(g, lv, n->grouping_set->content[i], cap);
		return;
	}
	if (n->node_case == NODE(ROW_EXPR) && /* (a, b): a and b */
	    n->row_expr->row_format == PG_QUERY__COERCION_FORM__COERCE_IMPLICIT_CAST) {
		for (size_t i = 0; i < n->row_expr->n_args; i++)
			add_group(g, lv, n->row_expr->args[i], cap);
		return;
	}
	if (lv->ngroups == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		PgQuery__Node **v = arena_zalloc(g->c->a, *cap * sizeof(*v));
		if (lv->ngroups)
			memcpy(v, lv->groups, lv->ngroups * sizeof(*v));
		lv->groups = v;
	}
	n = group_item(lv, n);
	lv->groups[lv->ngroups++] = n;
	struct gres x;
	if (n->node_case != NODE(COLUMN_REF) || whole_row(lv, n->column_ref))
		lv->nonvar = true; /* GROUP BY t of a whole row: t matches as a whole only */
	else if (!resolve(lv, n->column_ref, &x))
		lv->unsure = true;
}

/* Whether an expression of lv (not looking into subqueries) calls an aggregate of lv:
 * xlat_tree_each stops (false) at the first. */
static bool no_agg(void *arg, const ProtobufCMessage *m)
{
	struct glevel *lv = arg;
	const ProtobufCMessageDescriptor *d = m->descriptor;
	if (d == &pg_query__select_stmt__descriptor)
		return true;
	if (d == &pg_query__func_call__descriptor && is_agg_in(lv->c, (const PgQuery__FuncCall *)m) &&
	    agg_level(lv, (const PgQuery__FuncCall *)m) == lv)
		return false;
	return xlat_tree_each(m, no_agg, lv);
}

static bool list_has_agg(struct glevel *lv, PgQuery__Node **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!no_agg(lv, &v[i]->base))
			return true;
	}
	return false;
}

static bool walk_list(struct gctx *g, struct glevel *lv, enum gclause k,
		      PgQuery__Node *const *v, size_t n)
{
	lv->clause = k;
	for (size_t i = 0; i < n; i++) {
		if (!walk(g, lv, &v[i]->base))
			return false;
	}
	lv->clause = CL_OTHER;
	return true;
}

/* ORDER BY: an ordinal or an output column's name stands for a target list item, checked
 * there; anything else is an expression of the level. */
static bool order_by(struct gctx *g, struct glevel *lv, PgQuery__Node **v, size_t n)
{
	const PgQuery__SelectStmt *s = lv->s;
	lv->clause = CL_ORDER;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__Node *e = v[i]->node_case == NODE(SORT_BY) ? v[i]->sort_by->node
									 : v[i];
		if (!e || e->node_case == NODE(A_CONST))
			continue;
		const char *name = e->node_case == NODE(COLUMN_REF) && e->column_ref->n_fields == 1
					   ? xlat_node_str(e->column_ref->fields[0])
					   : NULL;
		bool output = false;
		for (size_t k = 0; name && k < s->n_target_list && !output; k++) {
			const PgQuery__ResTarget *rt = s->target_list[k]->res_target;
			const char *as = !rt ? NULL : named(rt) ? rt->name : out_name(rt->val);
			output = as && strcmp(as, name) == 0;
		}
		if (!output && !walk(g, lv, &e->base))
			return false;
	}
	lv->clause = CL_OTHER;
	return true;
}

static bool with_clause(struct gctx *g, struct glevel *up, const PgQuery__WithClause *w)
{
	for (size_t i = 0; i < w->n_ctes; i++) {
		const PgQuery__Node *n = w->ctes[i];
		if (n->node_case != NODE(COMMON_TABLE_EXPR))
			continue;
		struct gcte *e = arena_zalloc(g->c->a, sizeof(*e));
		*e = (struct gcte){n->common_table_expr, g->ctes};
		g->ctes = e; /* visible in the queries after it (and in itself, when recursive) */
		const PgQuery__Node *q = n->common_table_expr->ctequery;
		if (q && q->node_case == NODE(SELECT_STMT) && !query(g, up, q->select_stmt))
			return false;
	}
	return true;
}

/* Whether m holds a subquery that calls an aggregate (*arg: m is inside one): false stops
 * xlat_tree_each at the first. */
struct nested {
	bool inside;
	const struct xlat_ctx *c;
};

static bool no_nested_agg(void *arg, const ProtobufCMessage *m)
{
	struct nested n = *(const struct nested *)arg;
	if (m->descriptor == &pg_query__select_stmt__descriptor)
		n.inside = true;
	else if (n.inside && m->descriptor == &pg_query__func_call__descriptor &&
		 is_agg_in(n.c, (const PgQuery__FuncCall *)m))
		return false;
	return xlat_tree_each(m, no_nested_agg, &n);
}

/* A query without GROUP BY, HAVING or aggregates of its own is still grouped when a subquery
 * in its select list (or ORDER BY, DISTINCT ON, window) calls an aggregate of its columns
 * only, (SELECT max(t.a) FROM u): a dry walk finds those, refusing nothing. */
static bool outer_aggs(struct gctx *g, struct glevel *lv, const PgQuery__SelectStmt *s)
{
	struct nested outside = {false, g->c};
	if (xlat_tree_each(&s->base, no_nested_agg, &outside))
		return true;
	g->dry++;
	bool ok = walk_list(g, lv, CL_TARGET, s->target_list, s->n_target_list) &&
		  order_by(g, lv, s->sort_clause, s->n_sort_clause) &&
		  walk_list(g, lv, CL_ORDER, s->distinct_clause, s->n_distinct_clause) &&
		  walk_list(g, lv, CL_WINDOW, s->window_clause, s->n_window_clause);
	g->dry--;
	lv->grouped = lv->outer_agg;
	lv->outer_agg = false;
	return ok;
}

/* The checks of one SELECT, whose outer references reach up. */
static bool query_level(struct gctx *g, struct glevel *lv, const PgQuery__SelectStmt *s)
{
	for (size_t i = 0; i < s->n_from_clause; i++) {
		if (!from_item(g, lv, s->from_clause[i]))
			return false;
	}
	size_t cap = 0;
	for (size_t i = 0; i < s->n_group_clause; i++)
		add_group(g, lv, s->group_clause[i], &cap);
	lv->grouped = s->n_group_clause || s->having_clause ||
		      list_has_agg(lv, s->target_list, s->n_target_list) ||
		      list_has_agg(lv, s->sort_clause, s->n_sort_clause) ||
		      list_has_agg(lv, s->window_clause, s->n_window_clause) ||
		      list_has_agg(lv, s->distinct_clause, s->n_distinct_clause);
	if (!lv->grouped && !outer_aggs(g, lv, s))
		return false;
	if (!walk_list(g, lv, CL_TARGET, s->target_list, s->n_target_list) ||
	    !walk_list(g, lv, CL_WHERE, &s->where_clause, s->where_clause != NULL) ||
	    !walk_list(g, lv, CL_GROUP, s->group_clause, s->n_group_clause) ||
	    !walk_list(g, lv, CL_HAVING, &s->having_clause, s->having_clause != NULL) ||
	    !order_by(g, lv, s->sort_clause, s->n_sort_clause) ||
	    !walk_list(g, lv, CL_ORDER, s->distinct_clause, s->n_distinct_clause) ||
	    !walk_list(g, lv, CL_WINDOW, s->window_clause, s->n_window_clause))
		return false;
	return walk_list(g, lv, CL_VALUES, s->values_lists, s->n_values_lists) &&
	       walk_list(g, lv, CL_OTHER, &s->limit_count, s->limit_count != NULL) &&
	       walk_list(g, lv, CL_OTHER, &s->limit_offset, s->limit_offset != NULL);
}

static bool query(struct gctx *g, struct glevel *up, const PgQuery__SelectStmt *s)
{
	if (!s || !xlat_enter(g->c))
		return s == NULL;
	struct gcte *ctes = g->ctes;
	bool ok = !s->with_clause || with_clause(g, up, s->with_clause);
	if (ok && s->op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
		ok = query(g, up, s->larg) && query(g, up, s->rarg);
	} else if (ok) {
		struct glevel lv = {.up = up, .s = s, .c = g->c};
		ok = query_level(g, &lv, s);
	}
	g->ctes = ctes;
	xlat_leave(g->c);
	return ok;
}

/* INSERT, UPDATE and DELETE: their WHERE and RETURNING (aggregates and window functions
 * refused, not SQLite's XX000 "misuse of window function") and subqueries. */
static bool dml_level(struct gctx *g, const PgQuery__RangeVar *rv, PgQuery__Node **from,
		      size_t nfrom, PgQuery__Node *where, PgQuery__Node **rest, size_t nrest,
		      PgQuery__Node **ret, size_t nret)
{
	struct glevel lv = {.c = g->c};
	if (rv)
		range_var(g, &lv, rv);
	for (size_t i = 0; i < nfrom; i++) {
		if (!from_item(g, &lv, from[i]))
			return false;
	}
	return walk_list(g, &lv, CL_WHERE, &where, where != NULL) &&
	       walk_list(g, &lv, CL_OTHER, rest, nrest) &&
	       walk_list(g, &lv, CL_RETURNING, ret, nret);
}

/* The query of CREATE VIEW, DECLARE, COPY (query) TO, CREATE TABLE AS: a SELECT's checks. */
static bool inner_query(struct gctx *g, const PgQuery__Node *q)
{
	return !q || q->node_case != NODE(SELECT_STMT) || query(g, NULL, q->select_stmt);
}

static bool check(struct gctx *g, const PgQuery__Node *n);

bool xlat_group_check(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct gctx g = {.c = c};
	return check(&g, n);
}

static bool no_sublink(void *arg, const ProtobufCMessage *m)
{
	(void)arg;
	return m->descriptor != &pg_query__sub_link__descriptor &&
	       xlat_tree_each(m, no_sublink, NULL);
}

void xlat_group_mark_outer(struct xlat_ctx *c, const PgQuery__Node *n)
{
	c->outer_aggs = NULL;
	c->n_outer_aggs = 0;
	if (no_sublink(NULL, &n->base)) /* no subquery: no outer level's aggregate */
		return;
	struct gctx g = {.c = c, .dry = 1, .collect = true};
	if (!check(&g, n)) /* too deep: the translation says so itself */
		pgerr_clear(c->err);
}

bool xlat_group_outer_agg(const struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	for (size_t i = 0; i < c->n_outer_aggs; i++)
		if (c->outer_aggs[i] == f)
			return true;
	return false;
}

/* The walk of xlat_group_check (g->dry: refusing nothing). */
static bool check(struct gctx *g0, const PgQuery__Node *n)
{
	struct gctx g = *g0;
	struct xlat_ctx *c = g.c;
	switch (n->node_case) {
	case NODE(SELECT_STMT):
		return query(&g, NULL, n->select_stmt);
	case NODE(VIEW_STMT):
		return inner_query(&g, n->view_stmt->query);
	case NODE(DECLARE_CURSOR_STMT):
		return inner_query(&g, n->declare_cursor_stmt->query);
	case NODE(COPY_STMT):
		return inner_query(&g, n->copy_stmt->query);
	case NODE(CREATE_TABLE_AS_STMT):
		return inner_query(&g, n->create_table_as_stmt->query);
	case NODE(INDEX_STMT): { /* not SQLite's XX000 "misuse of aggregate function" */
		const PgQuery__IndexStmt *s = n->index_stmt;
		PgQuery__Node *where = s->where_clause;
		struct glevel lv = {.c = c};
		if (s->relation)
			range_var(&g, &lv, s->relation);
		return walk_list(&g, &lv, CL_INDEX_EXPR, s->index_params, s->n_index_params) &&
		       walk_list(&g, &lv, CL_INDEX_PRED, &where, where != NULL);
	}
	case NODE(INSERT_STMT): {
		const PgQuery__InsertStmt *s = n->insert_stmt;
		if (s->with_clause && !with_clause(&g, NULL, s->with_clause))
			return false;
		if (s->select_stmt && s->select_stmt->node_case == NODE(SELECT_STMT) &&
		    !query(&g, NULL, s->select_stmt->select_stmt))
			return false;
		return dml_level(&g, s->relation, NULL, 0, NULL, NULL, 0, s->returning_list,
				 s->n_returning_list);
	}
	case NODE(UPDATE_STMT): {
		const PgQuery__UpdateStmt *s = n->update_stmt;
		if (s->with_clause && !with_clause(&g, NULL, s->with_clause))
			return false;
		return dml_level(&g, s->relation, s->from_clause, s->n_from_clause,
				 s->where_clause, s->target_list, s->n_target_list,
				 s->returning_list, s->n_returning_list);
	}
	case NODE(DELETE_STMT): {
		const PgQuery__DeleteStmt *s = n->delete_stmt;
		if (s->with_clause && !with_clause(&g, NULL, s->with_clause))
			return false;
		return dml_level(&g, s->relation, s->using_clause, s->n_using_clause,
				 s->where_clause, NULL, 0, s->returning_list, s->n_returning_list);
	}
	default:
		return true;
	}
}
