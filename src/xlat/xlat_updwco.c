/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_updwco.c: two parts of a write through a view that the view's own definition adds
 * (xlat_updview.c does the rewrite): its WITH [LOCAL | CASCADED] CHECK OPTION, an expression
 * of the statement's RETURNING that fails a written row the checked views would not show, and
 * its columns' defaults (ALTER VIEW ... SET DEFAULT), put into the statement's tree. */
#include "xlat_updview.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* ---- WITH CHECK OPTION (PostgreSQL's rewriteTargetView and ExecWithCheckOptions) ---- */

#define NEW_ROW "_shardlite_new"

/* The SQLite text of view v[j]'s rows without any level's WHERE, each with its base table's
 * rowid (as rows_sql, the lower views read by their names as such rows). */
static void put_all_rows(struct xlat_ctx *c, const struct level *v, size_t j, size_t n)
{
	if (j + 1 < n) {
		xlat_puts(c, "WITH ");
		xlat_ident(c, v[j + 1].view);
		xlat_puts(c, "(" ROWID);
		for (size_t k = 0; k < v[j + 1].ncols; k++) {
			xlat_puts(c, ", ");
			xlat_ident(c, v[j + 1].cols[k]);
		}
		xlat_puts(c, ") AS (");
		put_all_rows(c, v, j + 1, n);
		xlat_puts(c, ") ");
	}
	xlat_puts(c, "SELECT ");
	xlat_ident(c, v[j].qual);
	xlat_puts(c, j + 1 < n ? "." ROWID ", " : ".rowid, ");
	size_t end = v[j].where_kw ? v[j].where_kw : strlen(v[j].sql);
	strbuf_append(c->sb, v[j].sql + v[j].body, end - v[j].body);
}

/* Whether the row of base table `table` (RETURNING's) passes view v[i]'s own condition, read
 * of the row its relation makes of it: the base table's row, or the next view's of it. */
static void put_level_check(struct xlat_ctx *c, const struct level *v, size_t i, size_t n,
			    const char *table)
{
	xlat_puts(c, "EXISTS (SELECT 1 FROM (SELECT ");
	xlat_ident(c, table);
	xlat_puts(c, ".rowid AS _o) AS " NEW_ROW ", ");
	if (i + 1 == n) {
		xlat_ident(c, table);
	} else {
		xlat_puts(c, "(WITH _shardlite_rel(" ROWID);
		for (size_t k = 0; k < v[i + 1].ncols; k++) {
			xlat_puts(c, ", ");
			xlat_ident(c, v[i + 1].cols[k]);
		}
		xlat_puts(c, ") AS (");
		put_all_rows(c, v, i + 1, n);
		xlat_puts(c, ") SELECT * FROM _shardlite_rel)");
	}
	xlat_puts(c, " AS ");
	xlat_ident(c, v[i].qual);
	xlat_puts(c, " WHERE ");
	xlat_ident(c, v[i].qual);
	xlat_puts(c, i + 1 == n ? ".rowid" : "." ROWID);
	xlat_puts(c, " = " NEW_ROW "._o AND (");
	strbuf_append(c->sb, v[i].sql + v[i].cond_at, v[i].cond_end - v[i].cond_at);
	xlat_puts(c, "))");
}

/* The expression RETURNING evaluates for each written row: NULL, or the failure of the
 * lowest checked view whose condition the row does not meet (PostgreSQL checks the
 * innermost view's first). A view is checked when it has the option or a view above it has
 * CASCADED; its own condition only. */
bool xlat_updview_note_wco(struct xlat_ctx *c, const void *stmt, const struct level *v, int n,
			   const PgQuery__RangeVar *base)
{
	bool checked[MAX_LEVELS], cascaded = false, any = false, part = true;
	for (int i = 0; i < n; i++) {
		checked[i] = (v[i].check || cascaded) && v[i].where;
		cascaded = cascaded || v[i].check == 'c';
		any = any || checked[i];
		part = part && (!checked[i] || v[i].check == 'p');
		if (checked[i] && !v[i].cond_at)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "WITH CHECK OPTION of view \"%s\": its stored condition "
					 "cannot be read back",
					 v[i].view);
	}
	if (!any)
		return true;
	if (c->updview_wco_for && c->updview_wco_for != stmt) /* one statement's, at most */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "WITH CHECK OPTION of view \"%s\" in a statement with another "
				 "checked write is not supported",
				 v[0].view);
	if (c->env->view_fn(c->env->session_arg, base->relname, c->a, &(int){0}))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "WITH CHECK OPTION of view \"%s\" over a view with INSTEAD OF "
				 "triggers is not supported",
				 v[0].view);
	const struct xlat_schema_col *cols = NULL;
	size_t ncols = 0;
	if (!xlat_scope_target(c, base, &cols, &ncols) || !ncols)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "WITH CHECK OPTION of view \"%s\": the columns of its base table "
				 "are not known",
				 v[0].view);
	struct strbuf *sb = c->sb, out;
	strbuf_init(&out, 0);
	c->sb = &out;
	xlat_puts(c, "CASE");
	for (int i = n - 1; i >= 0; i--) {
		if (!checked[i])
			continue;
		xlat_puts(c, " WHEN NOT ");
		put_level_check(c, v, (size_t)i, (size_t)n, base->relname);
		xlat_puts(c, v[i].check == 'p' ? " THEN shardlite_partition_check_failed("
					       : " THEN shardlite_view_check_failed(");
		xlat_string(c, v[i].view);
		for (size_t k = 0; k < ncols; k++) {
			xlat_puts(c, ", pgfn_text_out(");
			xlat_ident(c, base->relname);
			xlat_puts(c, ".");
			xlat_ident(c, cols[k].name);
			xlat_printf(c, ", %u, %d)", cols[k].type_oid ? cols[k].type_oid : 25u,
				    cols[k].type_oid ? (int)cols[k].typmod : -1);
		}
		xlat_puts(c, ")");
	}
	xlat_puts(c, " END");
	c->sb = sb;
	c->updview_wco_for = stmt;
	c->updview_wco_rls = false;
	c->updview_wco_part = part;
	c->updview_wco = arena_strdup(c->a, out.data ? out.data : "");
	bool ok = !out.failed || xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	strbuf_fini(&out);
	return ok;
}

const char *xlat_updview_wco(const struct xlat_ctx *c, const void *stmt)
{
	return c->updview_wco_for == stmt ? c->updview_wco : NULL;
}

/* ---- a view's column defaults (ALTER VIEW ... ALTER COLUMN ... SET DEFAULT) ---- */

/* Default text (PostgreSQL's) parsed, a tree of its own in c's arena. */
static PgQuery__Node *default_expr(struct xlat_ctx *c, const struct level *l, size_t k)
{
	PgQuery__Node *e = xlat_parse_expr(c->a, l->dflt[k]);
	if (!e)
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			  "the default of column \"%s\" of view \"%s\" cannot be read back",
			  l->cols[k], l->view);
	return e;
}

static bool is_set_default(const PgQuery__Node *n)
{
	return n && n->node_case == NODE(SET_TO_DEFAULT);
}

static bool append_node(struct xlat_ctx *c, PgQuery__Node ***v, size_t *n, PgQuery__Node *add)
{
	PgQuery__Node **out = arena_alloc(c->a, (*n + 1) * sizeof(*out));
	if (*n)
		memcpy(out, *v, *n * sizeof(*out));
	out[(*n)++] = add;
	*v = out;
	return true;
}

/* The INSERT's columns the view's level l has a default for: a column it leaves out is given
 * the view's default (each row its own copy), a DEFAULT in VALUES for such a column too, as
 * PostgreSQL's rewriteTargetListIU does for each view the statement goes through. */
bool xlat_updview_insert_defaults(struct xlat_ctx *c, const struct level *l, PgQuery__InsertStmt *s)
{
	bool any = false;
	for (size_t k = 0; k < l->ncols; k++)
		any = any || l->dflt[k];
	if (!any)
		return true;
	if (!s->select_stmt) { /* DEFAULT VALUES: a row of the defaults */
		PgQuery__SelectStmt *q = arena_alloc(c->a, sizeof(*q));
		*q = (PgQuery__SelectStmt)PG_QUERY__SELECT_STMT__INIT;
		q->op = PG_QUERY__SET_OPERATION__SETOP_NONE;
		q->limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
		PgQuery__List *row = arena_alloc(c->a, sizeof(*row));
		*row = (PgQuery__List)PG_QUERY__LIST__INIT;
		PgQuery__Node *rn = arena_alloc(c->a, sizeof(*rn));
		*rn = (PgQuery__Node)PG_QUERY__NODE__INIT;
		rn->node_case = NODE(LIST);
		rn->list = row;
		(void)append_node(c, &q->values_lists, &q->n_values_lists, rn);
		PgQuery__Node *qn = arena_alloc(c->a, sizeof(*qn));
		*qn = (PgQuery__Node)PG_QUERY__NODE__INIT;
		qn->node_case = NODE(SELECT_STMT);
		qn->select_stmt = q;
		s->select_stmt = qn;
	}
	PgQuery__SelectStmt *src =
		s->select_stmt->node_case == NODE(SELECT_STMT) ? s->select_stmt->select_stmt : NULL;
	bool values = src && src->n_values_lists && src->op == PG_QUERY__SET_OPERATION__SETOP_NONE;
	for (size_t k = 0; k < l->ncols; k++) {
		if (!l->dflt[k])
			continue;
		size_t at = 0;
		while (at < s->n_cols && strcmp(s->cols[at]->res_target->name, l->cols[k]) != 0)
			at++;
		if (at < s->n_cols && !values)
			continue;
		if (!values)
			return xlat_fail(
				c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				"INSERT ... SELECT into view \"%s\" leaving out column \"%s\", "
				"which has a default, is not supported",
				l->view, l->cols[k]);
		if (at == s->n_cols) {
			PgQuery__ResTarget *rt = arena_alloc(c->a, sizeof(*rt));
			*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
			rt->name = (char *)l->cols[k];
			rt->location = -1;
			PgQuery__Node *node = arena_alloc(c->a, sizeof(*node));
			*node = (PgQuery__Node)PG_QUERY__NODE__INIT;
			node->node_case = NODE(RES_TARGET);
			node->res_target = rt;
			(void)append_node(c, &s->cols, &s->n_cols, node);
		}
		for (size_t r = 0; r < src->n_values_lists; r++) {
			PgQuery__List *row = src->values_lists[r]->list;
			if (at < row->n_items && !is_set_default(row->items[at]))
				continue;
			PgQuery__Node *e = default_expr(c, l, k);
			if (!e)
				return false;
			if (at < row->n_items)
				row->items[at] = e;
			else
				(void)append_node(c, &row->items, &row->n_items, e);
		}
	}
	return true;
}

/* SET c = DEFAULT (UPDATE's, ON CONFLICT DO UPDATE's) of a column the view's level l has a
 * default for. */
bool xlat_updview_set_defaults(struct xlat_ctx *c, const struct level *l, PgQuery__Node **v,
			       size_t n)
{
	for (size_t i = 0; i < n; i++) {
		PgQuery__ResTarget *rt = v[i]->res_target;
		int k = is_set_default(rt->val) ? xlat_updview_find_col(l, rt->name) : -1;
		if (k >= 0 && l->dflt[k] && !(rt->val = default_expr(c, l, (size_t)k)))
			return false;
	}
	return true;
}
