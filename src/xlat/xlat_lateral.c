/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_lateral.c: LATERAL subqueries in FROM, which SQLite does not have. A one-row
 * LATERAL (SELECT e1, e2) AS o(a, b) (pgbench's, catalog queries') is substituted: each o.a
 * is written as e1. Any other LATERAL subquery becomes a table-valued function, whose
 * argument SQLite lets read the FROM items to its left: a correlated scalar subquery packs
 * the subquery's rows for the current left row (pgfn_rows_pack), and pgfn_rows gives them
 * back as columns c0, c1, ... of the FROM item (src/pgfn/pgfn_lateral.c, values exactly as
 * they were). References to o.col are written "o".c<i>, typed by the subquery's columns:
 *
 *   FROM u LEFT JOIN LATERAL (SELECT title FROM p WHERE p.uid = u.id LIMIT 2) o ON true
 *   FROM u LEFT JOIN pgfn_rows((WITH "xlat:1"(c0) AS MATERIALIZED (SELECT title FROM p
 *        WHERE p.uid = u.id LIMIT 2) SELECT pgfn_rows_pack(c0) FROM "xlat:1")) AS o ON true
 *
 * The CTE is materialized so that the packing aggregate reads the rows in the subquery's
 * order. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define LATERAL_MAX_COLS 31 /* pgfn_rows' columns */

/* ---- one-row LATERAL subqueries ---- */

/* Whether expression n calls a set-returning function (drizzle-kit's LATERAL (SELECT
 * unnest(i.indkey), generate_subscripts(i.indkey, 1) + 1) gives a row per element). */
static bool returns_set(const PgQuery__Node *n)
{
	if (!n)
		return false;
	switch (n->node_case) {
	case NODE(FUNC_CALL):
		if (xlat_catalog_srf_kind(n))
			return true;
		for (size_t i = 0; i < n->func_call->n_args; i++)
			if (returns_set(n->func_call->args[i]))
				return true;
		return false;
	case NODE(A_EXPR):
		return returns_set(n->a_expr->lexpr) || returns_set(n->a_expr->rexpr);
	case NODE(TYPE_CAST):
		return returns_set(n->type_cast->arg);
	default:
		return false;
	}
}

/* LATERAL (SELECT e1, e2) AS o(a, b): one row whose values depend on the row to its left,
 * so each o.a is e1 evaluated right there. Only that exact shape is substituted (not when an
 * expression returns a set: that is rows). */
static bool lateral_row(const PgQuery__Node *n)
{
	if (n->node_case != NODE(RANGE_SUBSELECT) || !n->range_subselect->lateral ||
	    !n->range_subselect->alias || !n->range_subselect->subquery ||
	    n->range_subselect->subquery->node_case != NODE(SELECT_STMT))
		return false;
	const PgQuery__SelectStmt *s = n->range_subselect->subquery->select_stmt;
	if (s->n_from_clause || s->where_clause || s->n_group_clause || s->having_clause ||
	    s->n_distinct_clause || s->n_values_lists ||
	    s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_sort_clause || s->limit_count ||
	    s->limit_offset || s->with_clause || s->n_window_clause || !s->n_target_list)
		return false;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		if (!rt->val || rt->val->node_case == NODE(COLUMN_REF) || returns_set(rt->val))
			return false; /* a star, or a plain reference (which may be a *) */
	}
	return true;
}

static void lateral_add(struct xlat_ctx *c, const char *alias, const char *col,
			const PgQuery__Node *expr, const char *sql)
{
	if (c->nlat == c->lat_cap) {
		int cap = c->lat_cap ? c->lat_cap * 2 : 8;
		struct xlat_lateral *v = arena_zalloc(c->a, (size_t)cap * sizeof(*v));
		if (c->nlat)
			memcpy(v, c->lat, (size_t)c->nlat * sizeof(*v));
		c->lat = v;
		c->lat_cap = cap;
	}
	c->lat[c->nlat++] = (struct xlat_lateral){alias, col, expr, sql, false, NULL, c->lat_bare};
}

void xlat_lateral_add_using(struct xlat_ctx *c, const char *alias, const char *col,
			    const PgQuery__Node *expr, const PgQuery__Node *other)
{
	lateral_add(c, alias, col, expr, NULL);
	c->lat[c->nlat - 1].using_alias = true;
	c->lat[c->nlat - 1].other = other;
}

static int num_rank(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_INT2:
		return 1;
	case XLAT_OID_INT4:
		return 2;
	case XLAT_OID_INT8:
		return 3;
	case XLAT_OID_NUMERIC:
		return 4;
	case XLAT_OID_FLOAT8:
		return 5;
	default:
		return 0;
	}
}

/* The expression entry l stands for: a USING column read from one side is cast to the other
 * side's type when that one is the wider number type, as PostgreSQL's merged column has
 * their common type (int and bigint: bigint). */
static const PgQuery__Node *entry_expr(struct xlat_ctx *c, const struct xlat_lateral *l)
{
	static const char *const names[] = {"", "int2", "int4", "int8", "numeric", "float8"};
	struct xlat_type a, b;
	if (!l->other || !l->expr || !xlat_scope_dry_expr(c, l->expr, &a) ||
	    !xlat_scope_dry_expr(c, l->other, &b) || a.oid == b.oid || !num_rank(a.oid) ||
	    num_rank(b.oid) <= num_rank(a.oid))
		return l->expr;
	return xlat_tree_cast(c->a, l->expr, names[num_rank(b.oid)], -1);
}

bool xlat_lateral_since(const struct xlat_ctx *c, int mark)
{
	for (int i = mark; i < c->nlat; i++)
		if (!c->lat[i].using_alias)
			return true;
	return false;
}

/* ---- other LATERAL subqueries: packed rows ---- */

/* Whether the one-row LATERAL subquery n is packed like the others all the same
 * (xlat_lateral_collect noted it): the right side of a join that may drop or null its row (an
 * ON condition other than true, USING, an outer join but LEFT ... ON true), or one whose
 * expressions call a volatile function, which each substituted reference would call again. */
static bool packed_anyway(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	for (int i = 0; i < c->nlat_packed; i++)
		if (c->lat_packed[i] == n)
			return true;
	return false;
}

static bool on_true(const PgQuery__Node *q)
{
	return !q || (q->node_case == NODE(A_CONST) &&
		      q->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL &&
		      q->a_const->boolval->boolval);
}

static void note_packed(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (!lateral_row(n) || packed_anyway(c, n))
		return;
	if (c->nlat_packed == c->lat_packed_cap) {
		int cap = c->lat_packed_cap ? c->lat_packed_cap * 2 : 4;
		const PgQuery__Node **v = arena_zalloc(c->a, (size_t)cap * sizeof(*v));
		if (c->nlat_packed)
			memcpy(v, c->lat_packed, (size_t)c->nlat_packed * sizeof(*v));
		c->lat_packed = v;
		c->lat_packed_cap = cap;
	}
	c->lat_packed[c->nlat_packed++] = n;
}

static bool packed(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	return n->node_case == NODE(RANGE_SUBSELECT) && n->range_subselect->lateral &&
	       (!lateral_row(n) || packed_anyway(c, n)) && n->range_subselect->alias &&
	       n->range_subselect->subquery &&
	       n->range_subselect->subquery->node_case == NODE(SELECT_STMT);
}

/* The subquery's column names as the FROM item shows them (the alias list's first), or
 * NULL when its columns are not known from its text (a *). */
static const char **packed_names(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs,
				 size_t *n)
{
	const char **names = xlat_select_colnames(c, rs->subquery->select_stmt, n);
	for (size_t i = 0; names && i < rs->alias->n_colnames && i < *n; i++)
		names[i] = xlat_node_str(rs->alias->colnames[i]);
	return names;
}

static void collect_packed(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs)
{
	size_t n = 0;
	const char **names = packed_names(c, rs, &n);
	for (size_t i = 0; names && i < n && i < LATERAL_MAX_COLS; i++) {
		struct strbuf *saved = c->sb, sb;
		strbuf_init(&sb, 0);
		c->sb = &sb;
		xlat_ident(c, rs->alias->aliasname);
		xlat_printf(c, ".c%zu", i);
		c->sb = saved;
		lateral_add(c, rs->alias->aliasname, names[i], NULL,
			    arena_strdup(c->a, sb.data ? sb.data : ""));
		strbuf_fini(&sb);
	}
}

bool xlat_lateral_subquery(struct xlat_ctx *c, const PgQuery__RangeSubselect *rs)
{
	if (!rs->alias)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "subquery in FROM must have an alias");
	size_t n = 0;
	const char **names = packed_names(c, rs, &n);
	if (!names)
		return xlat_unsupported(c, -1, "a LATERAL subquery selecting *");
	if (n > LATERAL_MAX_COLS)
		return xlat_unsupported(c, -1, "a LATERAL subquery of more than 31 columns");
	if (rs->alias->n_colnames > n)
		return xlat_fail(c, "42P10", -1,
				 "table \"%s\" has %zu columns available but %zu columns specified",
				 rs->alias->aliasname, n, rs->alias->n_colnames);
	const char *cte = arena_printf(c->a, "xlat:%d", ++c->cte_seq);
	xlat_puts(c, "pgfn_rows((WITH ");
	xlat_ident(c, cte);
	for (size_t i = 0; i < n; i++)
		xlat_printf(c, "%sc%zu", i ? ", " : "(", i);
	xlat_puts(c, ") AS MATERIALIZED (");
	c->volatile_seen++;
	if (!xlat_select(c, rs->subquery->select_stmt, NULL))
		return false;
	xlat_puts(c, ") SELECT pgfn_rows_pack(");
	for (size_t i = 0; i < n; i++)
		xlat_printf(c, "%sc%zu", i ? ", " : "", i);
	xlat_puts(c, ") FROM ");
	xlat_ident(c, cte);
	xlat_puts(c, ")) AS ");
	xlat_ident(c, rs->alias->aliasname);
	return true;
}

/* ---- both kinds: collected before the query level's select list is written ---- */

static void collect(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case == NODE(JOIN_EXPR)) {
		const PgQuery__JoinExpr *j = n->join_expr;
		if ((j->jointype != PG_QUERY__JOIN_TYPE__JOIN_INNER &&
		     j->jointype != PG_QUERY__JOIN_TYPE__JOIN_LEFT) ||
		    j->n_using_clause || j->is_natural || !on_true(j->quals))
			note_packed(c, j->rarg);
		collect(c, n->join_expr->larg);
		collect(c, n->join_expr->rarg);
		xlat_joinusing_collect(c, n->join_expr); /* JOIN ... USING (x) AS u */
		return;
	}
	if (lateral_row(n) && xlat_volatile_in(c, n->range_subselect->subquery))
		note_packed(c, n);
	if (packed(c, n)) {
		collect_packed(c, n->range_subselect);
		return;
	}
	if (!lateral_row(n))
		return;
	const PgQuery__RangeSubselect *rs = n->range_subselect;
	const PgQuery__SelectStmt *s = rs->subquery->select_stmt;
	for (size_t i = 0; i < s->n_target_list; i++) {
		const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
		const char *col = i < rs->alias->n_colnames ? xlat_node_str(rs->alias->colnames[i])
				  : rt->name && *rt->name ? rt->name
							    : xlat_colname(rt->val);
		lateral_add(c, rs->alias->aliasname, col, rt->val, NULL);
	}
}

void xlat_lateral_collect(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		collect(c, v[i]);
}

bool xlat_lateral_skip(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	return lateral_row(n) && !packed_anyway(c, n);
}

/* Whether name is a LATERAL item (or USING alias) among lat[first..nlat). */
static bool alias_since(const struct xlat_ctx *c, int first, const char *name)
{
	for (int i = first; i < c->nlat; i++)
		if (strcmp(c->lat[i].alias, name) == 0)
			return true;
	return false;
}

/* ... of the current query level; of any level (callbacks of the scope's lookups) */
static bool lateral_alias(const struct xlat_ctx *c, const char *name)
{
	return alias_since(c, c->lat_bare, name);
}

static bool any_lateral_alias(const struct xlat_ctx *c, const char *name)
{
	return alias_since(c, 0, name);
}

/* The entries a reference may see: a LATERAL column's expression only the items before its
 * own (LATERAL reads to its left). */
static int visible(const struct xlat_ctx *c)
{
	return c->lat_upto > 0 && c->lat_upto - 1 < c->nlat ? c->lat_upto - 1 : c->nlat;
}

/* The entry a reference names: alias.col, or a bare col that exactly one LATERAL column of
 * this query level is called while no other FROM item of the level has it, else that an
 * enclosing level's is called while no FROM item in scope has it (a subquery's own columns are
 * not looked for). *ambiguous: col is two such columns of a level, or one and another FROM
 * item's of its level (PostgreSQL's 42702). */
static const struct xlat_lateral *find(const struct xlat_ctx *c, const PgQuery__ColumnRef *cr,
				       bool *ambiguous)
{
	const char *alias = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	const char *col = xlat_node_str(cr->fields[cr->n_fields - 1]);
	const struct xlat_lateral *hit = NULL;
	*ambiguous = false;
	for (int i = visible(c) - 1; col && i >= 0; i--) {
		const struct xlat_lateral *l = &c->lat[i];
		if (strcmp(l->col, col) != 0)
			continue;
		if (alias && strcmp(l->alias, alias) == 0)
			return l;
		if (!alias && !l->using_alias && i >= c->lat_bare) {
			if (hit) {
				*ambiguous = true;
				return NULL;
			}
			hit = l;
		}
	}
	if (alias || !col)
		return NULL;
	if (hit) {
		*ambiguous = xlat_scope_level_has(c, col, lateral_alias) > 0;
		return *ambiguous ? NULL : hit;
	}
	if (c->scope_left || xlat_scope_any_has(c, col, any_lateral_alias))
		return NULL; /* (ORDER BY: the query's own FROM items are not in scope to tell) */
	/* an enclosing query level's, the nearest first (a subquery's reference to it) */
	for (int g = c->lat_bare; g > 0 && !hit;) {
		int start = c->lat[g - 1].group, end = g < visible(c) ? g : visible(c);
		for (int i = start; i < end; i++) {
			const struct xlat_lateral *l = &c->lat[i];
			if (l->using_alias || strcmp(l->col, col) != 0)
				continue;
			if (hit) {
				*ambiguous = true;
				return NULL;
			}
			hit = l;
		}
		g = start;
	}
	return hit;
}

int xlat_lateral_enter(struct xlat_ctx *c, const char *alias)
{
	int saved = c->lat_upto;
	for (int i = c->lat_bare; alias && i < c->nlat; i++)
		if (strcmp(c->lat[i].alias, alias) == 0) {
			c->lat_upto = i + 1;
			break;
		}
	return saved;
}

/* Writes (or with dry, types) the expression entry l stands for, seeing only the LATERAL
 * items before l's own. */
static bool entry_write(struct xlat_ctx *c, const struct xlat_lateral *l, bool dry,
			struct xlat_type *t)
{
	int first = (int)(l - c->lat), saved = c->lat_upto;
	while (first > 0 && strcmp(c->lat[first - 1].alias, l->alias) == 0)
		first--;
	c->lat_upto = first + 1;
	const PgQuery__Node *e = entry_expr(c, l);
	bool ok = dry ? xlat_scope_dry_expr(c, e, t) : xlat_expr(c, e, t);
	c->lat_upto = saved;
	return ok;
}

/* alias.* of a LATERAL subquery: each column as its reference writes it, under its name. */
static int alias_star(struct xlat_ctx *c, const char *alias, bool *first)
{
	int found = 0;
	for (int i = 0; alias && i < c->nlat; i++) {
		const struct xlat_lateral *l = &c->lat[i];
		if (strcmp(l->alias, alias) != 0)
			continue;
		struct xlat_type ignored;
		if (l->using_alias && !l->expr) {
			(void)xlat_unsupported(
				c, -1, "a USING alias's column whose join input is not known");
			return -1;
		}
		xlat_puts(c, *first ? "(" : ", (");
		*first = false;
		if (l->sql)
			xlat_puts(c, l->sql);
		else if (!entry_write(c, l, false, &ignored))
			return -1;
		xlat_puts(c, ") AS ");
		xlat_ident(c, l->col);
		found = 1;
	}
	return found;
}

int xlat_lateral_star(struct xlat_ctx *c, const PgQuery__Node *n, bool *first)
{
	if (n->node_case != NODE(RANGE_SUBSELECT) || !n->range_subselect->lateral ||
	    !n->range_subselect->alias)
		return 0;
	return alias_star(c, n->range_subselect->alias->aliasname, first);
}

/* u.x where u is a join's USING alias of this query level or an enclosing one and x is not
 * among its columns: PostgreSQL's 42703 (-1), else 0. */
static int using_alias_col(struct xlat_ctx *c, const PgQuery__ColumnRef *cr)
{
	const char *alias = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	const char *col = cr->n_fields == 2 ? xlat_node_str(cr->fields[1]) : NULL;
	for (int i = c->nlat - 1; alias && col && i >= 0; i--) {
		if (!c->lat[i].using_alias || strcmp(c->lat[i].alias, alias) != 0)
			continue;
		xlat_fail(c, "42703", cr->location, "column %s.%s does not exist", alias, col);
		return -1;
	}
	return 0;
}

int xlat_lateral_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t)
{
	if ((cr->n_fields != 1 && cr->n_fields != 2) || !c->nlat)
		return 0;
	if (cr->n_fields == 2 && cr->fields[1]->node_case == NODE(A_STAR)) { /* o.* */
		bool first = true;
		return (c->flags & XLAT_X_STAR) ? alias_star(c, xlat_node_str(cr->fields[0]), &first)
						: 0;
	}
	bool ambiguous;
	const struct xlat_lateral *l = find(c, cr, &ambiguous);
	if (ambiguous) {
		(void)xlat_fail(c, "42702", cr->location, "column reference \"%s\" is ambiguous",
				xlat_node_str(cr->fields[cr->n_fields - 1]));
		return -1;
	}
	if (!l)
		return using_alias_col(c, cr);
	if (l->using_alias && !l->expr) {
		(void)xlat_unsupported(c, cr->location,
				       "a USING alias's column whose join input is not known");
		return -1;
	}
	if (l->sql) { /* in parentheses: the select list names the column after the reference */
		xlat_printf(c, "(%s)", l->sql);
		*t = xlat_scope_column_type(c, cr);
		return 1;
	}
	xlat_puts(c, "(");
	bool ok = entry_write(c, l, false, t);
	xlat_puts(c, ")");
	return ok ? 1 : -1;
}

PgQuery__Node *xlat_lateral_using_row(struct xlat_ctx *c, const char *alias)
{
	size_t n = 0;
	for (int i = 0; alias && i < c->nlat; i++)
		n += c->lat[i].using_alias && strcmp(c->lat[i].alias, alias) == 0;
	if (!n)
		return NULL;
	PgQuery__Node **args = arena_zalloc(c->a, n * sizeof(*args));
	struct xlat_colref *refs = arena_zalloc(c->a, n * sizeof(*refs));
	size_t k = 0;
	for (int i = 0; i < c->nlat && k < n; i++) {
		const struct xlat_lateral *l = &c->lat[i];
		if (l->using_alias && strcmp(l->alias, alias) == 0) {
			args[k] = (PgQuery__Node *)xlat_colref(&refs[k], alias, l->col, -1);
			k++;
		}
	}
	PgQuery__RowExpr *row = arena_zalloc(c->a, sizeof(*row));
	PgQuery__Node *node = arena_zalloc(c->a, sizeof(*node));
	pg_query__row_expr__init(row);
	pg_query__node__init(node);
	row->n_args = n;
	row->args = args;
	row->row_format = PG_QUERY__COERCION_FORM__COERCE_IMPLICIT_CAST;
	row->location = -1;
	node->node_case = NODE(ROW_EXPR);
	node->row_expr = row;
	return node;
}

int xlat_lateral_using_shape(struct xlat_ctx *c, const char *alias, struct xlat_type *types,
			     const char **names, struct xlat_origin *origins, size_t *n, size_t cap)
{
	int found = 0;
	for (int i = 0; i < c->nlat; i++) {
		const struct xlat_lateral *l = &c->lat[i];
		if (!l->using_alias || strcmp(l->alias, alias) != 0)
			continue;
		struct xlat_type t;
		const PgQuery__Node *e = l->expr ? entry_expr(c, l) : NULL;
		if (!e || *n == cap || !entry_write(c, l, true, &t))
			return -1;
		/* a merged column read from one side is that side's column; COALESCE is 0/0 */
		origins[*n] = e->node_case == NODE(COLUMN_REF)
				      ? xlat_scope_column_origin(c, e->column_ref, false)
				      : (struct xlat_origin){XLAT_ORIGIN_NONE, NULL, NULL};
		names[*n] = l->col;
		types[(*n)++] = t;
		found = 1;
	}
	return found;
}

bool xlat_lateral_type(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t)
{
	if ((cr->n_fields != 1 && cr->n_fields != 2) || !c->nlat ||
	    cr->fields[cr->n_fields - 1]->node_case != NODE(STRING))
		return false;
	bool ambiguous;
	const struct xlat_lateral *l = find(c, cr, &ambiguous);
	return l && l->expr && entry_write(c, l, true, t);
}
