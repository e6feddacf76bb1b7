/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_gsets.c: GROUP BY GROUPING SETS / ROLLUP / CUBE / DISTINCT and grouping(), which SQLite
 * lacks, as one grouped SELECT per grouping set joined by UNION ALL (UNION for DISTINCT):
 *   SELECT NULL AS name... WHERE 0 UNION ALL arm1 UNION ALL arm2 ... ORDER BY k LIMIT n
 * Each arm groups by its set; in its select list and HAVING a grouping expression of another
 * set reads NULL (outside aggregate arguments) and grouping(...) is the arm's constant bit
 * mask. The first, empty arm only names the columns (a nulled column would be named "NULL";
 * a subquery in FROM would rename repeated names). ORDER BY items must name result columns
 * (by position, name or the same expression). */
#include "xlat_int.h"

#include <string.h>

#define NODE(k) PG_QUERY__NODE__NODE_##k
#define GSETS_MAX 4096 /* PostgreSQL's limit */
#define GEXPRS_MAX 64  /* one bit each in a set's mask */
#define CUBE_MAX 12

/* The grouping expressions of a query and the set of the arm being emitted. */
struct xlat_gset {
	const PgQuery__Node **exprs;
	int *tle; /* per expression: the select list item it stands for (by name or position), -1 */
	size_t nexprs;
	const PgQuery__SelectStmt *s;
	uint64_t cur;	/* bit k: exprs[k] is grouped by this arm */
	bool force_agg; /* an arm of () without aggregates: SQLite needs one to make one row */
	int forced;	/* aggregates emitted for it */
};

struct sets {
	uint64_t *v;
	size_t n, cap;
};

/* Column references compare by name (t.a and a alike, unless both are qualified). */
static int same_ref(void *arg, const ProtobufCMessage *a, const ProtobufCMessage *b)
{
	(void)arg;
	if (a->descriptor != &pg_query__column_ref__descriptor)
		return -1;
	const PgQuery__ColumnRef *x = (const void *)a, *y = (const void *)b;
	const char *xn = xlat_node_str(x->fields[x->n_fields - 1]);
	const char *yn = xlat_node_str(y->fields[y->n_fields - 1]);
	if (!xn || !yn || strcmp(xn, yn) != 0)
		return 0;
	if (x->n_fields == 1 || y->n_fields == 1)
		return 1;
	return xlat_tree_equal(a, b, NULL, NULL);
}

static int find_expr(const struct xlat_gset *g, const PgQuery__Node *n)
{
	for (size_t k = 0; k < g->nexprs; k++) {
		if (xlat_tree_equal(&n->base, &g->exprs[k]->base, same_ref, NULL))
			return (int)k;
	}
	return -1;
}

/* The grouping expression of select list item tle (by name or position), -1 if none. */
static int find_tle(const struct xlat_gset *g, int tle)
{
	for (size_t k = 0; tle >= 0 && k < g->nexprs; k++) {
		if (g->tle[k] == tle)
			return (int)k;
	}
	return -1;
}

/* A grouping element's expression: the one it already is. Two select list items of the same
 * expression grouped by their names or positions are two grouping columns, as PostgreSQL's
 * sortgrouprefs keep them apart (SELECT g AS x, g AS y ... GROUP BY x, ROLLUP (y)). */
static int find_element(const struct xlat_gset *g, const PgQuery__Node *n, int tle)
{
	int k = find_tle(g, tle);
	for (size_t i = 0; k < 0 && i < g->nexprs; i++) {
		if ((tle < 0 || g->tle[i] < 0) &&
		    xlat_tree_equal(&n->base, &g->exprs[i]->base, same_ref, NULL))
			k = (int)i;
	}
	return k;
}

/* The select list item a grouping element stands for: the one it names (by position or
 * name, resolved to its expression r), else the first of an equal expression; -1 if none. */
static int target_index(const PgQuery__SelectStmt *s, const PgQuery__Node *n, const PgQuery__Node *r)
{
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (rt && rt->val == r && r != n)
			return (int)i;
	}
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (rt && rt->val && xlat_tree_equal(&r->base, &rt->val->base, same_ref, NULL))
			return (int)i;
	}
	return -1;
}

static bool is_row(const PgQuery__Node *n)
{
	return n->node_case == NODE(ROW_EXPR) &&
	       n->row_expr->row_format == PG_QUERY__COERCION_FORM__COERCE_IMPLICIT_CAST;
}

/* The mask of one element: an expression, or (a, b) standing for its members. */
static bool element(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_gset *g,
		    const PgQuery__Node *n, uint64_t *mask)
{
	if (is_row(n)) {
		for (size_t i = 0; i < n->row_expr->n_args; i++) {
			if (!element(c, s, g, n->row_expr->args[i], mask))
				return false;
		}
		return true;
	}
	const PgQuery__Node *r = xlat_target_of(c, s, n);
	int tle = target_index(s, n, r);
	int k = find_element(g, r, tle);
	if (k < 0) {
		if (g->nexprs == GEXPRS_MAX)
			return xlat_unsupported(c, xlat_tree_location(&r->base),
						"more than 64 grouping expressions");
		k = (int)g->nexprs;
		g->tle[k] = tle;
		g->exprs[g->nexprs++] = r;
	}
	*mask |= (uint64_t)1 << k;
	return true;
}

static bool add(struct xlat_ctx *c, struct sets *out, uint64_t m)
{
	if (out->n == GSETS_MAX)
		return xlat_fail(c, SQLSTATE_STATEMENT_TOO_COMPLEX, -1, "too many grouping sets present (maximum %d)",
				 GSETS_MAX);
	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 16;
		uint64_t *v = arena_alloc(c->a, out->cap * sizeof(*v));
		if (out->n)
			memcpy(v, out->v, out->n * sizeof(*v));
		out->v = v;
	}
	out->v[out->n++] = m;
	return true;
}

/* The sets one GROUP BY item (or an item of GROUPING SETS) stands for, appended to out. */
static bool item_sets(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_gset *g,
		      const PgQuery__Node *n, struct sets *out)
{
	uint64_t m = 0;
	if (n->node_case != NODE(GROUPING_SET))
		return element(c, s, g, n, &m) && add(c, out, m);
	const PgQuery__GroupingSet *gs = n->grouping_set;
	uint64_t el[CUBE_MAX];
	switch (gs->kind) {
	case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_SETS:
		for (size_t i = 0; i < gs->n_content; i++) {
			if (!item_sets(c, s, g, gs->content[i], out))
				return false;
		}
		return true;
	case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_ROLLUP:
		for (size_t i = 0; i < gs->n_content; i++) {
			if (!element(c, s, g, gs->content[i], &m) || !add(c, out, m))
				return false;
		}
		/* the longest prefix first, as PostgreSQL lists them; () last */
		for (size_t i = 0, j = out->n - gs->n_content; i < gs->n_content / 2; i++) {
			uint64_t t = out->v[j + i];
			out->v[j + i] = out->v[out->n - 1 - i];
			out->v[out->n - 1 - i] = t;
		}
		return add(c, out, 0);
	case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_CUBE:
		if (gs->n_content > CUBE_MAX)
			return xlat_fail(c, "54011", gs->location,
					 "CUBE is limited to 12 elements");
		for (size_t i = 0; i < gs->n_content; i++) {
			el[i] = 0;
			if (!element(c, s, g, gs->content[i], &el[i]))
				return false;
		}
		for (size_t bits = ((size_t)1 << gs->n_content); bits-- > 0;) {
			m = 0;
			for (size_t i = 0; i < gs->n_content; i++)
				m |= (bits >> (gs->n_content - 1 - i)) & 1 ? el[i] : 0;
			if (!add(c, out, m))
				return false;
		}
		return true;
	case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_SIMPLE:
		for (size_t i = 0; i < gs->n_content; i++) {
			if (!element(c, s, g, gs->content[i], &m))
				return false;
		}
		return add(c, out, m);
	default: /* () */
		return add(c, out, 0);
	}
}

/* The grouping sets of s: the product of its GROUP BY items' sets, deduplicated for GROUP
 * BY DISTINCT (PostgreSQL's expand_grouping_sets). */
static bool expand(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_gset *g,
		   struct sets *all)
{
	if (!add(c, all, 0))
		return false;
	for (size_t i = 0; i < s->n_group_clause; i++) {
		struct sets one = {0}, prod = {0};
		if (!item_sets(c, s, g, s->group_clause[i], &one))
			return false;
		for (size_t p = 0; p < all->n; p++) {
			for (size_t q = 0; q < one.n; q++) {
				if (!add(c, &prod, all->v[p] | one.v[q]))
					return false;
			}
		}
		*all = prod;
	}
	if (!s->group_distinct)
		return true;
	size_t kept = 0;
	for (size_t i = 0; i < all->n; i++) {
		size_t j = 0;
		while (j < kept && all->v[j] != all->v[i])
			j++;
		if (j == kept)
			all->v[kept++] = all->v[i];
	}
	all->n = kept;
	return true;
}

/* ---- what may stand in such a query ---- */

struct scan {
	bool grouping, window, sublink, agg;
	int grouping_at; /* the first grouping()'s location */
};

static bool scan_node(void *arg, const ProtobufCMessage *m)
{
	struct scan *sc = arg;
	const ProtobufCMessageDescriptor *d = m->descriptor;
	if (d == &pg_query__select_stmt__descriptor) /* another query level */
		return true;
	if (d == &pg_query__sub_link__descriptor)
		sc->sublink = true;
	if (d == &pg_query__grouping_func__descriptor && !sc->grouping) {
		sc->grouping = true;
		sc->grouping_at = ((const PgQuery__GroupingFunc *)m)->location;
	}
	if (d == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const void *)m;
		sc->window |= f->over != NULL;
		sc->agg |= xlat_group_is_agg(f);
	}
	return xlat_tree_each(m, scan_node, sc);
}

static void scan_list(struct scan *sc, PgQuery__Node *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		scan_node(sc, &v[i]->base);
}

/* What the select list, HAVING and ORDER BY of s hold. */
static struct scan scan_query(const PgQuery__SelectStmt *s)
{
	struct scan sc = {0};
	scan_list(&sc, s->target_list, s->n_target_list);
	scan_list(&sc, s->sort_clause, s->n_sort_clause);
	if (s->having_clause)
		scan_node(&sc, &s->having_clause->base);
	return sc;
}

bool xlat_gsets_is(const PgQuery__SelectStmt *s)
{
	if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists)
		return false;
	if (s->group_distinct)
		return true;
	for (size_t i = 0; i < s->n_group_clause; i++) {
		const PgQuery__Node *n = s->group_clause[i];
		if (n->node_case == NODE(GROUPING_SET) || is_row(n))
			return true;
	}
	return scan_query(s).grouping;
}

/* ---- emitting ---- */

/* n emitted as usual, grouped columns inside it not nulled. */
static int plain(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	struct xlat_gset *g = c->gset;
	c->gset = NULL;
	bool ok = xlat_expr(c, n, t);
	c->gset = g;
	return ok ? 1 : -1;
}

static int grouping(struct xlat_ctx *c, struct xlat_gset *g, const PgQuery__GroupingFunc *f,
		    struct xlat_type *t)
{
	if (f->n_args > 31) {
		xlat_fail(c, "54023", f->location, "GROUPING must have fewer than 32 arguments");
		return -1;
	}
	unsigned v = 0;
	for (size_t i = 0; i < f->n_args; i++) {
		int k = find_expr(g, f->args[i]);
		if (k < 0) {
			xlat_fail(c, "42803", xlat_tree_location(&f->args[i]->base),
				  "arguments to GROUPING must be grouping expressions of the "
				  "associated query level");
			return -1;
		}
		v = v << 1 | !(g->cur >> k & 1);
	}
	g->forced += g->force_agg;
	xlat_printf(c, g->force_agg ? "max(%u)" : "%u", v);
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	return 1;
}

int xlat_gsets_expr(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	struct xlat_gset *g = c->gset;
	if (n->node_case == NODE(GROUPING_FUNC))
		return grouping(c, g, n->grouping_func, t);
	if (n->node_case == NODE(FUNC_CALL) && xlat_group_is_agg_in(c, n->func_call))
		return plain(c, n, t); /* its arguments read the input rows */
	int tle = -1; /* n is a select list item itself: its own grouping column first */
	for (size_t i = 0; i < g->s->n_target_list && tle < 0; i++) {
		const PgQuery__ResTarget *rt = g->s->target_list[i]->res_target;
		tle = rt && rt->val == n ? (int)i : -1;
	}
	int k = find_tle(g, tle);
	k = k < 0 ? find_expr(g, n) : k;
	if (k < 0)
		return 0;
	if (g->cur >> k & 1)
		return plain(c, n, t);
	c->gset = NULL; /* a grouping expression this arm does not group by reads NULL */
	bool ok = xlat_scope_dry_expr(c, n, t);
	c->gset = g;
	g->forced += g->force_agg;
	xlat_puts(c, g->force_agg ? "max(NULL)" : "NULL");
	return ok ? 1 : -1;
}

/* The result column an ORDER BY item names (0-based), -1 after a failure. */
static int sort_column(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char **names,
		       const PgQuery__Node *n)
{
	const PgQuery__AConst *k = xlat_const_value(c, n);
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
		int32_t v = k->ival ? k->ival->ival : 0;
		if (v >= 1 && (size_t)v <= s->n_target_list)
			return v - 1;
		xlat_fail(c, "42P10", k->location, "ORDER BY position %d is not in select list", v);
		return -1;
	}
	if (n->node_case == NODE(COLUMN_REF) && n->column_ref->n_fields == 1) {
		const char *name = xlat_node_str(n->column_ref->fields[0]);
		for (size_t i = 0; name && i < s->n_target_list; i++) {
			if (strcmp(names[i], name) == 0)
				return (int)i;
		}
	}
	for (size_t i = 0; i < s->n_target_list; i++) {
		if (xlat_tree_equal(&n->base, &s->target_list[i]->res_target->val->base, same_ref,
				    NULL))
			return (int)i;
	}
	xlat_unsupported(c, xlat_tree_location(&n->base),
			 "ORDER BY an expression not in the select list of a query with GROUPING "
			 "SETS, ROLLUP or CUBE");
	return -1;
}

static bool order_by(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char **names)
{
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__SortBy *sb = s->sort_clause[i]->sort_by;
		if (sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING)
			return xlat_unsupported(c, sb->location, "ORDER BY ... USING");
		int k = sort_column(c, s, names, sb->node);
		if (k < 0)
			return false;
		bool desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
		bool first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
			     (desc && sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST);
		xlat_printf(c, "%s%d%s%s", i ? ", " : " ORDER BY ", k + 1, desc ? " DESC" : "",
			    first ? " NULLS FIRST" : " NULLS LAST");
	}
	return true;
}

/* One arm: s grouped by the expressions of mask. */
static bool arm(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_gset *g,
		uint64_t mask, bool agg, struct xlat_shape *shape)
{
	PgQuery__SelectStmt a = *s;
	PgQuery__Node **keys = arena_zalloc(c->a, (g->nexprs + 1) * sizeof(*keys));
	a.n_group_clause = 0;
	for (size_t k = 0; k < g->nexprs; k++) {
		if (mask >> k & 1)
			keys[a.n_group_clause++] = (PgQuery__Node *)g->exprs[k];
	}
	a.group_clause = keys;
	a.group_distinct = false;
	a.n_distinct_clause = 0;
	a.n_sort_clause = 0;
	a.limit_count = a.limit_offset = NULL;
	a.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
	a.with_clause = NULL;
	a.n_locking_clause = 0;
	g->cur = mask;
	g->force_agg = !mask && !agg;
	g->forced = 0;
	c->gset_arm = g;
	c->gset_for = &a;
	bool ok = xlat_select_core(c, &a, shape);
	c->gset_arm = NULL;
	c->gset_for = NULL;
	if (ok && g->force_agg && !g->forced)
		return xlat_unsupported(c, -1, "the grouping set () of a query whose select list "
					"has neither aggregates nor grouped columns");
	return ok;
}

bool xlat_gsets(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	struct scan sc = scan_query(s);
	if (sc.window)
		return xlat_unsupported(c, -1, "window functions in a query with GROUPING SETS");
	if (sc.sublink)
		return xlat_unsupported(c, -1, "a subquery in the select list, HAVING or ORDER BY "
					"of a query with GROUPING SETS");
	if (xlat_is_distinct_on(s))
		return xlat_unsupported(c, -1, "DISTINCT ON with GROUPING SETS");
	struct scan where = {0};
	if (s->where_clause)
		scan_node(&where, &s->where_clause->base);
	if (where.grouping)
		return xlat_fail(c, "42803", where.grouping_at,
				 "grouping operations are not allowed in WHERE");
	size_t n;
	const char **names = xlat_select_colnames(c, s, &n);
	if (!names)
		return xlat_unsupported(c, -1, "* in a query with GROUPING SETS");
	struct xlat_gset g = {arena_zalloc(c->a, GEXPRS_MAX * sizeof(*g.exprs)),
			      arena_zalloc(c->a, GEXPRS_MAX * sizeof(*g.tle)), 0, s, 0, false, 0};
	struct sets all = {0};
	if (!expand(c, s, &g, &all))
		return false;
	xlat_nocache(c); /* each arm repeats the statement's constants */
	xlat_puts(c, "SELECT ");
	for (size_t i = 0; i < n; i++) {
		xlat_puts(c, i ? ", NULL AS " : "NULL AS ");
		xlat_ident(c, names[i]);
	}
	xlat_puts(c, " WHERE 0");
	struct xlat_type *types = arena_zalloc(c->a, (n + 1) * all.n * sizeof(*types));
	for (size_t i = 0; i < all.n; i++) {
		struct xlat_shape one = {0};
		xlat_puts(c, s->n_distinct_clause ? " UNION " : " UNION ALL ");
		if (!arm(c, s, &g, all.v[i], sc.agg, &one))
			return false;
		for (size_t k = 0; k < n && k < one.n; k++)
			types[k * all.n + i] = one.types[k];
	}
	if (shape) {
		shape->types = arena_zalloc(c->a, (n + 1) * sizeof(*shape->types));
		shape->n = n;
		shape->star = false;
		shape->origins = NULL; /* SQLite's */
		for (size_t k = 0; k < n; k++)
			shape->types[k] = xlat_type_common(&types[k * all.n], all.n);
	}
	return order_by(c, s, names) && xlat_select_limit(c, s);
}
