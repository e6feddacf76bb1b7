/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_cursor.c: SQL-level cursors — DECLARE [SCROLL] (its query translated as a SELECT),
 * FETCH and MOVE in every direction, CLOSE. The session keeps the cursors (sess_cursor.c); this file only checks
 * what can be had and says which cursor and how many rows. */
#include "xlat_int.h"

#include <pg_query.h>

#include <stdio.h>
#include <string.h>

/* DECLARE's option bits, as PostgreSQL's parsenodes.h numbers them. */
#define CURSOR_OPT_BINARY 0x0001
#define CURSOR_OPT_SCROLL 0x0002
#define CURSOR_OPT_NO_SCROLL 0x0004
#define CURSOR_OPT_INSENSITIVE 0x0008
#define CURSOR_OPT_HOLD 0x0020

static bool scans_backward(const PgQuery__SelectStmt *q, const PgQuery__WithClause *outer);

/* PostgreSQL 15's built-in aggregates and window functions, by name. */
static bool is_aggregate(const char *name)
{
	static const char aggs[] =
		"|array_agg|avg|bit_and|bit_or|bit_xor|bool_and|bool_or|corr|count|covar_pop"
		"|covar_samp|every|json_agg|json_object_agg|jsonb_agg|jsonb_object_agg|max|min|mode"
		"|percentile_cont|percentile_disc|range_agg|range_intersect_agg|regr_avgx|regr_avgy"
		"|regr_count|regr_intercept|regr_r2|regr_slope|regr_sxx|regr_sxy|regr_syy|stddev"
		"|stddev_pop|stddev_samp|string_agg|sum|variance|var_pop|var_samp|xmlagg|rank"
		"|dense_rank|percent_rank|cume_dist|";
	char key[80];
	snprintf(key, sizeof(key), "|%.70s|", name);
	return strstr(aggs, key) != NULL;
}

static bool any_agg(PgQuery__Node **v, size_t n);

/* Whether expression n calls an aggregate or window function at this query level (those
 * inside a subquery belong to it). */
static bool has_agg(const PgQuery__Node *n)
{
	if (!n)
		return false;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_FUNC_CALL: {
		const PgQuery__FuncCall *f = n->func_call;
		const PgQuery__Node *last = f->n_funcname ? f->funcname[f->n_funcname - 1] : NULL;
		const char *name = last ? xlat_node_str(last) : NULL;
		return f->over || f->agg_star || f->agg_distinct || f->n_agg_order ||
		       f->agg_filter || f->agg_within_group || (name && is_aggregate(name)) ||
		       any_agg(f->args, f->n_args);
	}
	case PG_QUERY__NODE__NODE_A_EXPR:
		return has_agg(n->a_expr->lexpr) || has_agg(n->a_expr->rexpr);
	case PG_QUERY__NODE__NODE_BOOL_EXPR:
		return any_agg(n->bool_expr->args, n->bool_expr->n_args);
	case PG_QUERY__NODE__NODE_TYPE_CAST:
		return has_agg(n->type_cast->arg);
	case PG_QUERY__NODE__NODE_NULL_TEST:
		return has_agg((const PgQuery__Node *)n->null_test->arg);
	case PG_QUERY__NODE__NODE_COALESCE_EXPR:
		return any_agg(n->coalesce_expr->args, n->coalesce_expr->n_args);
	case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
		return any_agg(n->min_max_expr->args, n->min_max_expr->n_args);
	case PG_QUERY__NODE__NODE_CASE_EXPR:
		return has_agg((const PgQuery__Node *)n->case_expr->arg) ||
		       any_agg(n->case_expr->args, n->case_expr->n_args) ||
		       has_agg((const PgQuery__Node *)n->case_expr->defresult);
	case PG_QUERY__NODE__NODE_CASE_WHEN:
		return has_agg((const PgQuery__Node *)n->case_when->expr) ||
		       has_agg((const PgQuery__Node *)n->case_when->result);
	case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
		return any_agg(n->a_array_expr->elements, n->a_array_expr->n_elements);
	case PG_QUERY__NODE__NODE_ROW_EXPR:
		return any_agg(n->row_expr->args, n->row_expr->n_args);
	default:
		return false;
	}
}

static bool any_agg(PgQuery__Node **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (has_agg(v[i]))
			return true;
	return false;
}

/* A FROM item PostgreSQL scans backward: a table (a sequential or btree index scan), VALUES
 * or a function (both read from a tuplestore), or a subquery or WITH query that itself
 * does; a materialized WITH query is a tuplestore too. */
static bool item_backward(const PgQuery__Node *n, const PgQuery__WithClause *with)
{
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_RANGE_VAR:
		for (size_t i = 0; with && !n->range_var->schemaname[0] && i < with->n_ctes; i++) {
			const PgQuery__CommonTableExpr *e = with->ctes[i]->common_table_expr;
			if (strcmp(e->ctename, n->range_var->relname) != 0)
				continue;
			if (with->recursive ||
			    e->ctematerialized == PG_QUERY__CTEMATERIALIZE__CTEMaterializeAlways)
				return true;
			return e->ctequery->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
			       scans_backward(e->ctequery->select_stmt, NULL);
		}
		return true;
	case PG_QUERY__NODE__NODE_RANGE_FUNCTION:
		return !n->range_function->lateral;
	case PG_QUERY__NODE__NODE_RANGE_SUBSELECT:
		return !n->range_subselect->lateral && n->range_subselect->subquery &&
		       n->range_subselect->subquery->node_case ==
			       PG_QUERY__NODE__NODE_SELECT_STMT &&
		       scans_backward(n->range_subselect->subquery->select_stmt, with);
	default:
		return false; /* a join: no join node scans backward */
	}
}

/* Whether a WHERE conjunct is an IN / EXISTS / NOT EXISTS subquery, which PostgreSQL's
 * planner turns into a semi- or anti-join. */
static bool pulls_up_join(const PgQuery__Node *w)
{
	if (!w)
		return false;
	if (w->node_case == PG_QUERY__NODE__NODE_SUB_LINK)
		return w->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK ||
		       w->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK;
	if (w->node_case != PG_QUERY__NODE__NODE_BOOL_EXPR)
		return false;
	const PgQuery__BoolExpr *b = w->bool_expr;
	if (b->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR)
		return b->n_args == 1 && b->args[0]->node_case == PG_QUERY__NODE__NODE_SUB_LINK &&
		       b->args[0]->sub_link->sub_link_type ==
			       PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK;
	if (b->boolop != PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR)
		return false;
	for (size_t i = 0; i < b->n_args; i++)
		if (pulls_up_join(b->args[i]))
			return true;
	return false;
}

/* Whether PostgreSQL's plan for q could scan backward (ExecSupportsBackwardScan), read from
 * the query's shape since the plan is not at hand: a plan that ends in a Sort does (an ORDER
 * BY of a query without joins; an index that gives the order scans backward too), and so does
 * one scan — a table, VALUES, a function, a subquery or WITH query that itself does — under
 * filters and LIMIT, or a UNION ALL (Append) of such. Joins (also IN and EXISTS subqueries,
 * which become semi-joins), aggregation without ORDER BY, DISTINCT, window functions,
 * FOR UPDATE and a FROM-less SELECT (a Result node) do not. Where PostgreSQL's planner picks
 * a bitmap scan (no backward scan) for an indexed condition, or an index that orders a join or
 * a grouping (no Sort on top), this says yes where PostgreSQL says no. */
static bool scans_backward(const PgQuery__SelectStmt *q, const PgQuery__WithClause *outer)
{
	const PgQuery__WithClause *with = q->with_clause ? q->with_clause : outer;
	if (q->n_locking_clause)
		return false;
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return q->n_sort_clause ||
		       (q->op == PG_QUERY__SET_OPERATION__SETOP_UNION && q->all && q->larg &&
			q->rarg && scans_backward(q->larg, with) && scans_backward(q->rarg, with));
	if (q->n_values_lists)
		return true;
	if (q->n_from_clause != 1 || q->n_window_clause || pulls_up_join(q->where_clause))
		return false;
	bool agg = q->n_group_clause || q->having_clause || q->n_distinct_clause;
	for (size_t i = 0; i < q->n_target_list; i++) {
		const PgQuery__Node *val = q->target_list[i]->res_target->val;
		if (val && val->node_case == PG_QUERY__NODE__NODE_FUNC_CALL && val->func_call->over)
			return false; /* a WindowAgg ends the plan */
		agg |= has_agg(val);
	}
	bool joins = q->from_clause[0]->node_case == PG_QUERY__NODE__NODE_JOIN_EXPR;
	if (q->n_sort_clause && !joins)
		return true;
	return !agg && item_backward(q->from_clause[0], with);
}

/* Whether a WITH clause has a data-modifying query (INSERT, UPDATE, DELETE, MERGE). */
static bool with_modifies(const PgQuery__WithClause *w)
{
	for (size_t i = 0; w && i < w->n_ctes; i++) {
		const PgQuery__Node *cte = w->ctes[i];
		const PgQuery__Node *q = cte->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR
						 ? cte->common_table_expr->ctequery
						 : NULL;
		if (q && q->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
			return true;
	}
	return false;
}

/* A cursor over a query with FOR UPDATE / FOR SHARE must be read only: not WITH HOLD, SCROLL
 * or INSENSITIVE (analyze.c's transformDeclareCursorStmt, its order and words). */
static bool locking_cursor(struct xlat_ctx *c, const PgQuery__DeclareCursorStmt *s)
{
	const PgQuery__SelectStmt *q = s->query->select_stmt;
	if (!q->n_locking_clause || q->locking_clause[0]->node_case != PG_QUERY__NODE__NODE_LOCKING_CLAUSE)
		return true;
	static const char *const words[] = {
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORKEYSHARE] = "FOR KEY SHARE",
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORSHARE] = "FOR SHARE",
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORNOKEYUPDATE] = "FOR NO KEY UPDATE",
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORUPDATE] = "FOR UPDATE"};
	unsigned k = (unsigned)q->locking_clause[0]->locking_clause->strength;
	const char *lcs = k < ARRAY_LEN(words) && words[k] ? words[k] : "FOR UPDATE";
	const char *kind = s->options & CURSOR_OPT_HOLD	  ? "CURSOR WITH HOLD"
			   : s->options & CURSOR_OPT_SCROLL ? "SCROLL CURSOR"
							    : NULL;
	if (kind) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "DECLARE %s ... %s is not supported",
			  kind, lcs);
		pgerr_detail(c->err, "%s cursors must be READ ONLY.",
			     s->options & CURSOR_OPT_HOLD ? "Holdable" : "Scrollable");
		return false;
	}
	if (s->options & CURSOR_OPT_INSENSITIVE) {
		xlat_fail(c, "42P11", -1, "DECLARE INSENSITIVE CURSOR ... %s is not valid", lcs);
		pgerr_detail(c->err, "Insensitive cursors must be READ ONLY.");
		return false;
	}
	return true;
}

bool xlat_locking_check(struct xlat_ctx *c, const PgQuery__SelectStmt *q)
{
	static const char *const words[] = {
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORKEYSHARE] = "FOR KEY SHARE",
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORSHARE] = "FOR SHARE",
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORNOKEYUPDATE] = "FOR NO KEY UPDATE",
		[PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORUPDATE] = "FOR UPDATE"};
	if (!q->n_locking_clause ||
	    q->locking_clause[0]->node_case != PG_QUERY__NODE__NODE_LOCKING_CLAUSE)
		return true;
	unsigned k = (unsigned)q->locking_clause[0]->locking_clause->strength;
	const char *lcs = k < ARRAY_LEN(words) && words[k] ? words[k] : "FOR UPDATE";
	bool agg = false, window = false;
	for (size_t i = 0; i < q->n_target_list; i++) {
		const PgQuery__Node *val = q->target_list[i]->res_target->val;
		bool over = val && val->node_case == PG_QUERY__NODE__NODE_FUNC_CALL &&
			    val->func_call->over;
		window |= over;
		agg |= !over && has_agg(val);
	}
	/* transformSetOperationStmt's (SQLite took the clause as of the query's last SELECT) */
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s is not allowed with UNION/INTERSECT/EXCEPT", lcs);
	/* analyze.c's CheckSelectLocking, its order */
	const char *what = q->n_distinct_clause ? "DISTINCT clause"
			   : q->n_group_clause	 ? "GROUP BY clause"
			   : q->having_clause	 ? "HAVING clause"
			   : agg		 ? "aggregate functions"
			   : window		 ? "window functions"
						 : NULL;
	if (!what)
		return true;
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1, "%s is not allowed with %s", lcs,
			 what);
}

/* The plain tables of FROM item n (a join's too) into out from k on (at most cap); -1 when an
 * item is anything else (a subquery, a function). */
static int from_tables(const PgQuery__Node *n, const PgQuery__RangeVar **out, int k, int cap)
{
	if (k < 0 || k >= cap)
		return -1;
	if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
		out[k] = n->range_var;
		return k + 1;
	}
	if (n->node_case != PG_QUERY__NODE__NODE_JOIN_EXPR || !n->join_expr->larg ||
	    !n->join_expr->rarg)
		return -1;
	return from_tables(n->join_expr->rarg, out, from_tables(n->join_expr->larg, out, k, cap),
			   cap);
}

/* Whether FOR UPDATE / FOR SHARE of q locks rv (named by its alias, else its name). */
static bool locks(const PgQuery__SelectStmt *q, const PgQuery__RangeVar *rv)
{
	const char *name = rv->alias ? rv->alias->aliasname : rv->relname;
	for (size_t i = 0; i < q->n_locking_clause; i++) {
		const PgQuery__LockingClause *l = q->locking_clause[i]->locking_clause;
		if (!l->n_locked_rels)
			return true;
		for (size_t j = 0; j < l->n_locked_rels; j++) {
			const PgQuery__Node *r = l->locked_rels[j];
			if (r->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
			    strcmp(r->range_var->relname, name) == 0)
				return true;
		}
	}
	return false;
}

/* The table whose rows a cursor over q can name for WHERE CURRENT OF, as PostgreSQL's
 * execCurrentOf finds it: with FOR UPDATE / FOR SHARE the one table locked (of a join too),
 * else the table of a simply updatable scan (one plain table in FROM, and no grouping,
 * aggregate, DISTINCT, window, set operation or WITH above it); one of the tenant's tables,
 * not a view. NULL when none. */
static const PgQuery__RangeVar *scanned(struct xlat_ctx *c, const PgQuery__SelectStmt *q)
{
	const PgQuery__RangeVar *v[16], *rv = NULL;
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE || q->n_values_lists || q->with_clause ||
	    q->into_clause || !q->n_from_clause)
		return NULL;
	int n = 0;
	for (size_t i = 0; i < q->n_from_clause; i++)
		n = from_tables(q->from_clause[i], v, n, (int)ARRAY_LEN(v));
	if (q->n_locking_clause) {
		for (int i = 0; i < n; i++) {
			if (!locks(q, v[i]))
				continue;
			if (rv) /* several locked: PostgreSQL names the table it means */
				return NULL;
			rv = v[i];
		}
	} else if (n == 1 && q->n_from_clause == 1 &&
		   q->from_clause[0]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR &&
		   !q->n_window_clause && !q->n_group_clause && !q->having_clause &&
		   !q->n_distinct_clause) {
		rv = v[0];
		for (size_t i = 0; i < q->n_target_list; i++)
			if (has_agg(q->target_list[i]->res_target->val))
				return NULL;
	}
	const struct xlat_schema_col *cols;
	size_t ncols;
	if (!rv || !rv->inh || (rv->schemaname[0] && strcmp(rv->schemaname, "public") != 0) ||
	    !c->schema || !c->schema->table_fn ||
	    !c->schema->table_fn(c->schema->arg, rv->relname, c->a, &cols, &ncols) ||
	    (c->schema->relkind_fn && c->schema->relkind_fn(c->schema->arg, rv->relname)))
		return NULL;
	return rv;
}

/* A String node of s. */
static PgQuery__Node *string_node(struct xlat_ctx *c, const char *s)
{
	PgQuery__String *str = arena_zalloc(c->a, sizeof(*str));
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	pg_query__string__init(str);
	pg_query__node__init(n);
	str->sval = (char *)s;
	n->node_case = PG_QUERY__NODE__NODE_STRING;
	n->string = str;
	return n;
}

/* q with rv's ctid appended to its columns (the session reads each row's rowid from it and
 * shows the columns before it only). */
static const PgQuery__SelectStmt *with_ctid(struct xlat_ctx *c, const PgQuery__SelectStmt *q,
					    const PgQuery__RangeVar *rv)
{
	PgQuery__SelectStmt *w = arena_zalloc(c->a, sizeof(*w));
	*w = *q;
	w->target_list = arena_zalloc(c->a, (q->n_target_list + 1) * sizeof(*w->target_list));
	memcpy(w->target_list, q->target_list, q->n_target_list * sizeof(*w->target_list));
	PgQuery__ColumnRef *cr = arena_zalloc(c->a, sizeof(*cr));
	PgQuery__Node *crn = arena_zalloc(c->a, sizeof(*crn));
	PgQuery__ResTarget *rt = arena_zalloc(c->a, sizeof(*rt));
	PgQuery__Node *rtn = arena_zalloc(c->a, sizeof(*rtn));
	pg_query__column_ref__init(cr);
	pg_query__node__init(crn);
	pg_query__res_target__init(rt);
	pg_query__node__init(rtn);
	cr->fields = arena_zalloc(c->a, 2 * sizeof(*cr->fields));
	cr->fields[0] = string_node(c, rv->alias ? rv->alias->aliasname : rv->relname);
	cr->fields[1] = string_node(c, "ctid");
	cr->n_fields = 2;
	cr->location = -1;
	crn->node_case = PG_QUERY__NODE__NODE_COLUMN_REF;
	crn->column_ref = cr;
	rt->val = crn;
	rt->location = -1;
	rtn->node_case = PG_QUERY__NODE__NODE_RES_TARGET;
	rtn->res_target = rt;
	w->target_list[q->n_target_list] = rtn;
	w->n_target_list = q->n_target_list + 1;
	return w;
}

int xlat_current_of(struct xlat_ctx *c, const PgQuery__RangeVar *target, const PgQuery__Node *where,
		    size_t nfrom)
{
	if (!where || where->node_case != PG_QUERY__NODE__NODE_CURRENT_OF_EXPR)
		return 0;
	if ((target->schemaname[0] && strcmp(target->schemaname, "public") != 0) || nfrom) {
		(void)xlat_unsupported(c, -1,
				       nfrom ? "WHERE CURRENT OF with FROM or USING"
					     : "WHERE CURRENT OF on another tenant's table");
		return -1;
	}
	const char *name = where->current_of_expr->cursor_name;
	if (!name || !*name) { /* PL/pgSQL's cursor variable: its portal is the PL cursor */
		(void)xlat_unsupported(c, -1, "WHERE CURRENT OF a cursor parameter");
		return -1;
	}
	xlat_ident(c, target->alias ? target->alias->aliasname : target->relname);
	xlat_puts(c, ".rowid = shardlite_current_of(");
	xlat_string(c, name);
	xlat_puts(c, ", ");
	xlat_string(c, target->relname);
	xlat_puts(c, ")");
	return 1;
}

const char *xlat_cursor_scan_sql(const struct xlat_env *env, const char *sql, struct arena *a,
				 const char **table)
{
	*table = NULL;
	PgQuery__ParseResult *tree = xlat_parse_tree(sql, NULL);
	const PgQuery__Node *n = tree && tree->n_stmts == 1 ? tree->stmts[0]->stmt : NULL;
	const char *out = NULL;
	if (n && n->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
		struct pgerr err;
		pgerr_clear(&err);
		struct xlat_ctx c = {.a = a, .err = &err, .env = env, .schema = env->schema};
		const PgQuery__RangeVar *rv = scanned(&c, n->select_stmt);
		PgQuery__Node w = *n;
		w.select_stmt = rv ? (PgQuery__SelectStmt *)with_ctid(&c, n->select_stmt, rv) : NULL;
		out = rv ? xlat_deparse_in(a, &w) : NULL;
		*table = out ? arena_strdup(a, rv->relname) : NULL;
	}
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	return out;
}

bool xlat_stmt_declare(struct xlat_ctx *c, const PgQuery__DeclareCursorStmt *s)
{
	if (!s->query || s->query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
		return xlat_unsupported(c, -1, "DECLARE CURSOR over anything but a query");
	const PgQuery__SelectStmt *q = s->query->select_stmt;
	const PgQuery__RangeVar *scan = scanned(c, q);
	if (!xlat_stmt_select(c, scan ? with_ctid(c, q, scan) : q))
		return false;
	/* A $n is bound at Bind into the query the cursor takes at Execute (sess_cursor.c) */
	/* PostgreSQL refuses it too; FOR UPDATE / FOR SHARE (writes too: row locks) is taken,
	 * SQLite's transaction holding the whole tenant */
	if (c->st->writes && with_modifies(s->query->select_stmt->with_clause))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "DECLARE CURSOR must not contain data-modifying statements in WITH");
	if (!locking_cursor(c, s))
		return false;
	struct xlat_cursor *cur = arena_zalloc(c->a, sizeof(*cur));
	cur->op = XLAT_CUR_DECLARE;
	cur->name = arena_strdup(c->a, s->portalname);
	cur->hold = (s->options & CURSOR_OPT_HOLD) != 0;
	cur->binary = (s->options & CURSOR_OPT_BINARY) != 0;
	cur->scroll = (s->options & CURSOR_OPT_SCROLL) != 0;
	cur->no_scroll = (s->options & CURSOR_OPT_NO_SCROLL) != 0;
	cur->backward_ok = scans_backward(s->query->select_stmt, NULL);
	cur->scan_table = scan ? arena_strdup(c->a, scan->relname) : NULL;
	struct xlat_stmt *st = c->st;
	st->kind = XLAT_CURSOR;
	st->cursor = cur;
	st->tag = "DECLARE CURSOR";
	st->tag_style = XLAT_TAG_PLAIN;
	st->returns_rows = false;
	return true;
}

/* PostgreSQL's reading of a direction and count: a negative count turns FORWARD into
 * BACKWARD and back, a count of 0 is the current row (RELATIVE 0). */
static void direction(const PgQuery__FetchStmt *s, struct xlat_cursor *cur)
{
	int64_t n = s->how_many;
	switch (s->direction) {
	case PG_QUERY__FETCH_DIRECTION__FETCH_BACKWARD:
		cur->dir = n < 0 ? XLAT_FETCH_FORWARD : XLAT_FETCH_BACKWARD;
		break;
	case PG_QUERY__FETCH_DIRECTION__FETCH_ABSOLUTE:
		cur->dir = XLAT_FETCH_ABSOLUTE;
		break;
	case PG_QUERY__FETCH_DIRECTION__FETCH_RELATIVE:
		cur->dir = XLAT_FETCH_RELATIVE;
		break;
	default:
		cur->dir = n < 0 ? XLAT_FETCH_BACKWARD : XLAT_FETCH_FORWARD;
		break;
	}
	if ((cur->dir == XLAT_FETCH_FORWARD || cur->dir == XLAT_FETCH_BACKWARD) && n == 0)
		cur->dir = XLAT_FETCH_RELATIVE;
	if (cur->dir == XLAT_FETCH_FORWARD || cur->dir == XLAT_FETCH_BACKWARD)
		n = n == INT64_MAX ? XLAT_CURSOR_ALL : n < 0 ? -n : n;
	cur->count = n;
}

bool xlat_stmt_fetch(struct xlat_ctx *c, const PgQuery__FetchStmt *s)
{
	struct xlat_cursor *cur = arena_zalloc(c->a, sizeof(*cur));
	cur->op = s->ismove ? XLAT_CUR_MOVE : XLAT_CUR_FETCH;
	cur->name = arena_strdup(c->a, s->portalname);
	direction(s, cur);
	struct xlat_stmt *st = c->st;
	st->kind = XLAT_CURSOR;
	st->cursor = cur;
	st->tag = s->ismove ? "MOVE" : "FETCH";
	st->tag_style = XLAT_TAG_ROWS;
	st->returns_rows = !s->ismove;
	return true;
}

bool xlat_stmt_close(struct xlat_ctx *c, const PgQuery__ClosePortalStmt *s)
{
	struct xlat_cursor *cur = arena_zalloc(c->a, sizeof(*cur));
	cur->op = XLAT_CUR_CLOSE;
	cur->name = s->portalname && *s->portalname ? arena_strdup(c->a, s->portalname) : NULL;
	c->st->kind = XLAT_CURSOR;
	c->st->cursor = cur;
	c->st->tag = cur->name ? "CLOSE CURSOR" : "CLOSE CURSOR ALL";
	return true;
}
