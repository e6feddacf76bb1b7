/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_qforms.c: query forms SQLite lacks, rewritten with window functions —
 *   SELECT DISTINCT ON (e...) ... ORDER BY k...: the rows numbered per e in k's order, and
 *   only each group's first kept: SELECT cols FROM (SELECT cols, k AS shardlite_k<i>,
 *   row_number() OVER (PARTITION BY e ORDER BY k) AS shardlite_rn ...) WHERE shardlite_rn = 1
 *   ORDER BY shardlite_k<i> (k is evaluated twice: volatile sort keys are refused);
 *   A INTERSECT ALL B, A EXCEPT ALL B: each row numbered among its duplicates on both sides,
 *   so the plain set operation on (row, number) keeps min(m, n) or max(m - n, 0) copies
 *   (each side's columns renamed by a CTE inside its arm);
 *   ... ORDER BY k OFFSET m FETCH FIRST n ROWS WITH TIES: the rows ranked in k's order, those
 *   ranked within the first m + n kept: SELECT cols FROM (SELECT cols, rank() OVER (ORDER BY
 *   k) AS shardlite_rk, row_number() OVER (ORDER BY k) AS shardlite_rn ...) WHERE
 *   shardlite_rk <= n + m ORDER BY shardlite_rn LIMIT -1 OFFSET m; when the columns have no
 *   names to list (*), the rows so ranked are a prefix of the sorted rows, counted by the same
 *   query: ... ORDER BY k LIMIT max((SELECT count(*) FROM (SELECT *, rank() OVER (ORDER BY k)
 *   AS shardlite_rk, ... FROM ...) WHERE shardlite_rk <= n + m) - m, 0) OFFSET m. */
#include "xlat_int.h"

#include <string.h>

bool xlat_is_distinct_on(const PgQuery__SelectStmt *s)
{
	return s->n_distinct_clause &&
	       !(s->n_distinct_clause == 1 &&
		 s->distinct_clause[0]->node_case == PG_QUERY__NODE__NODE__NOT_SET);
}

/* Output column names, all distinct (so the outer query can name each); NULL otherwise. */
static const char **names(struct xlat_ctx *c, const PgQuery__SelectStmt *s, size_t *n)
{
	const char **v = xlat_select_colnames(c, s, n);
	for (size_t i = 0; v && i < *n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i], v[j]) == 0)
				return NULL;
	return v;
}

static void name_list(struct xlat_ctx *c, const char **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xlat_puts(c, i ? ", " : "");
		xlat_ident(c, v[i]);
	}
}

const PgQuery__Node *xlat_target_of(struct xlat_ctx *c, const PgQuery__SelectStmt *s,
				    const PgQuery__Node *n)
{
	const PgQuery__AConst *k = xlat_const_value(c, n);
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_IVAL && k->ival && k->ival->ival >= 1 &&
	    (size_t)k->ival->ival <= s->n_target_list)
		return s->target_list[k->ival->ival - 1]->res_target->val;
	if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && n->column_ref->n_fields == 1) {
		const char *name = xlat_node_str(n->column_ref->fields[0]);
		for (size_t i = 0; name && i < s->n_target_list; i++) {
			const PgQuery__ResTarget *rt = s->target_list[i]->res_target;
			if (rt->name && strcmp(rt->name, name) == 0)
				return rt->val;
		}
	}
	return n;
}

static void direction(struct xlat_ctx *c, const PgQuery__SortBy *sb)
{
	bool desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
	bool first = sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
		     (desc && sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST);
	xlat_puts(c, desc ? " DESC" : "");
	xlat_puts(c, first ? " NULLS FIRST" : " NULLS LAST");
}

/* The key emitted since mark, of type t: an interval compares as interval_cmp (1 mon = 30
 * days), in order and in equality. */
static void interval_key(struct xlat_ctx *c, size_t mark, struct xlat_type t)
{
	if (t.oid != XLAT_OID_INTERVAL)
		return;
	xlat_insert_at(c, mark, "(");
	xlat_puts(c, ") COLLATE pgfn_interval");
}

/* The ORDER BY of a window: its sort keys as expressions (SQLite's OVER sees no aliases). */
static bool window_order(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	struct xlat_type ignored;
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__SortBy *sb = s->sort_clause[i]->sort_by;
		xlat_puts(c, i ? ", " : " ORDER BY ");
		size_t mark = c->sb->len;
		if (!xlat_expr(c, xlat_target_of(c, s, sb->node), &ignored))
			return false;
		interval_key(c, mark, ignored);
		direction(c, sb);
	}
	return true;
}

/* SELECT names FROM ( */
static bool open_names(struct xlat_ctx *c, const PgQuery__SelectStmt *s, const char *what)
{
	size_t n;
	const char **v = names(c, s, &n);
	if (!v)
		return xlat_unsupported(c, -1, what);
	xlat_puts(c, "SELECT ");
	name_list(c, v, n);
	xlat_puts(c, " FROM (");
	return true;
}

bool xlat_distinct_on_open(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	return open_names(c, s, "DISTINCT ON with * or repeated column names");
}

/* After the target list: the sort keys and the row number within each DISTINCT ON group. */
bool xlat_distinct_on_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	struct xlat_type ignored;
	int vol = c->volatile_seen;
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		const PgQuery__SortBy *sb = s->sort_clause[i]->sort_by;
		if (sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING)
			return xlat_unsupported(c, sb->location, "ORDER BY ... USING");
		xlat_puts(c, ", ");
		size_t mark = c->sb->len;
		if (!xlat_expr(c, xlat_target_of(c, s, sb->node), &ignored))
			return false;
		interval_key(c, mark, ignored);
		xlat_printf(c, " AS shardlite_k%zu", i);
	}
	xlat_puts(c, ", row_number() OVER (PARTITION BY ");
	for (size_t i = 0; i < s->n_distinct_clause; i++) {
		xlat_puts(c, i ? ", " : "");
		size_t mark = c->sb->len;
		if (!xlat_expr(c, xlat_target_of(c, s, s->distinct_clause[i]), &ignored))
			return false;
		interval_key(c, mark, ignored);
	}
	if (!window_order(c, s))
		return false;
	xlat_puts(c, ") AS shardlite_rn");
	if (c->volatile_seen != vol)
		return xlat_unsupported(c, -1, "DISTINCT ON with a volatile sort key");
	return true;
}

bool xlat_distinct_on_close(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	xlat_puts(c, ") WHERE shardlite_rn = 1");
	for (size_t i = 0; i < s->n_sort_clause; i++) {
		xlat_printf(c, i ? ", shardlite_k%zu" : " ORDER BY shardlite_k%zu", i);
		direction(c, s->sort_clause[i]->sort_by);
	}
	return true;
}

bool xlat_ties_is(const PgQuery__SelectStmt *s)
{
	return s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES;
}

bool xlat_ties_named(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	size_t n;
	return names(c, s, &n) != NULL;
}

bool xlat_ties_open(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	if (s->n_distinct_clause) /* the rank columns would make every row distinct */
		return xlat_unsupported(c, -1, "FETCH ... WITH TIES with DISTINCT");
	return open_names(c, s, "FETCH ... WITH TIES with repeated column names");
}

/* After the target list: each row's rank and number in the ORDER BY order. */
bool xlat_ties_keys(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	int vol = c->volatile_seen;
	xlat_puts(c, ", rank() OVER (");
	if (!window_order(c, s))
		return false;
	xlat_puts(c, ") AS shardlite_rk, row_number() OVER (");
	if (!window_order(c, s))
		return false;
	xlat_puts(c, ") AS shardlite_rn");
	if (c->volatile_seen != vol)
		return xlat_unsupported(c, -1, "FETCH ... WITH TIES with a volatile sort key");
	return true;
}

/* ") WHERE shardlite_rk <= n [+ m]" */
static bool rank_bound(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	const PgQuery__Node *n = s->limit_count, *m = s->limit_offset;
	if (n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->isnull)
		return xlat_fail(c, "2201W", -1,
				 "row count cannot be null in FETCH FIRST ... WITH TIES clause");
	xlat_puts(c, ") WHERE shardlite_rk <= ");
	if (!xlat_limit_ties_bound(c, n))
		return false;
	if (m) {
		xlat_nocache(c); /* m is written twice */
		xlat_puts(c, " + ");
		return xlat_limit_value(c, m, false);
	}
	return true;
}

bool xlat_ties_limit(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	if (s->n_distinct_clause || xlat_is_distinct_on(s) || !s->n_sort_clause ||
	    s->op != PG_QUERY__SET_OPERATION__SETOP_NONE || s->n_values_lists)
		return xlat_unsupported(c, -1, "FETCH ... WITH TIES with DISTINCT, a set operation "
					"or VALUES");
	PgQuery__SelectStmt q = *s; /* the same rows, ranked */
	const PgQuery__SelectStmt *outer = c->ties_for;
	struct xlat_shape ignored = {0};
	int vol = c->volatile_seen;
	c->ties_for = &q;
	xlat_puts(c, " LIMIT max((SELECT count(*) FROM (");
	bool ok = xlat_select_core(c, &q, &ignored) && rank_bound(c, s);
	c->ties_for = outer;
	if (!ok)
		return false;
	xlat_puts(c, ")");
	if (s->limit_offset) {
		xlat_puts(c, " - ");
		if (!xlat_limit_value(c, s->limit_offset, false))
			return false;
	}
	xlat_puts(c, ", 0)");
	if (c->volatile_seen != vol)
		return xlat_unsupported(c, -1, "FETCH ... WITH TIES over * with a volatile function");
	if (!s->limit_offset)
		return true;
	xlat_puts(c, " OFFSET ");
	return xlat_limit_value(c, s->limit_offset, false);
}

bool xlat_ties_close(struct xlat_ctx *c, const PgQuery__SelectStmt *s)
{
	const PgQuery__Node *m = s->limit_offset;
	if (!rank_bound(c, s))
		return false;
	xlat_puts(c, " ORDER BY shardlite_rn");
	if (m) {
		xlat_puts(c, " LIMIT -1 OFFSET ");
		return xlat_limit_value(c, m, false);
	}
	return true;
}

/* One side of INTERSECT/EXCEPT ALL, its n columns renamed shardlite_c<i> by a CTE (so
 * repeated or unnamed columns are no obstacle), each row numbered among its equals. */
static bool numbered_arm(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *sh,
			 size_t n, const char *cte)
{
	xlat_printf(c, "SELECT * FROM (WITH %s(", cte);
	for (size_t i = 0; i < n; i++)
		xlat_printf(c, "%sshardlite_c%zu", i ? ", " : "", i);
	xlat_puts(c, ") AS (");
	if (!xlat_select(c, s, sh))
		return false;
	xlat_puts(c, ") SELECT *, row_number() OVER (PARTITION BY ");
	for (size_t i = 0; i < n; i++)
		xlat_printf(c, "%sshardlite_c%zu", i ? ", " : "", i);
	xlat_printf(c, ") FROM %s)", cte);
	return true;
}

bool xlat_setop_all(struct xlat_ctx *c, const PgQuery__SelectStmt *s, struct xlat_shape *shape)
{
	bool intersect = s->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT;
	size_t nl, nr;
	const char **l = xlat_select_colnames(c, s->larg, &nl);
	const char **r = xlat_select_colnames(c, s->rarg, &nr);
	if (!l || !r)
		return xlat_unsupported(c, -1,
					intersect ? "INTERSECT ALL over *" : "EXCEPT ALL over *");
	if (nl != nr)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "each %s query must have the same number of columns",
				 intersect ? "INTERSECT" : "EXCEPT");
	struct xlat_shape ls = {0}, rs = {0};
	xlat_puts(c, "SELECT ");
	for (size_t i = 0; i < nl; i++) {
		xlat_printf(c, "%sshardlite_c%zu AS ", i ? ", " : "", i);
		xlat_ident(c, l[i]);
	}
	xlat_puts(c, " FROM (");
	if (!numbered_arm(c, s->larg, &ls, nl, "shardlite_l"))
		return false;
	xlat_puts(c, intersect ? " INTERSECT " : " EXCEPT ");
	if (!numbered_arm(c, s->rarg, &rs, nr, "shardlite_r"))
		return false;
	xlat_puts(c, ")");
	if (shape) {
		shape->n = ls.n;
		shape->star = false;
		shape->types = arena_zalloc(c->a, (ls.n ? ls.n : 1) * sizeof(*shape->types));
		/* 0/0 each (xlat_select) */
		shape->origins = arena_zalloc(c->a, (ls.n ? ls.n : 1) * sizeof(*shape->origins));
		for (size_t i = 0; i < ls.n && i < rs.n; i++) {
			struct xlat_type pair[2] = {ls.types[i], rs.types[i]};
			shape->types[i] = xlat_type_common(pair, 2);
		}
	}
	return true;
}
