/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_updview.c: INSERT, UPDATE and DELETE of an automatically updatable view, done as
 * PostgreSQL's rewriter does them (rewriteTargetView): the statement's tree is rewritten onto
 * the view's base relation (view columns become the base columns they read, a view over a view
 * level by level) before the normal translation, so that the base table's triggers, defaults,
 * constraints and RETURNING work unchanged. The view's WHERE, which SQLite keeps as translated
 * text, is kept as that text: the written rows must be among the view's rows, found by the base
 * table's rowid. Not for views with an INSTEAD OF trigger for the event (SQLite runs it).
 * The view's WITH CHECK OPTION and its column defaults are xlat_updwco.c's. */
#include "xlat_int.h"
#include "xlat_updview.h"

#include <pg_query.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define NOT_PLAIN "View columns that are not columns of their base relation are not updatable."

static PgQuery__Node *str_node(struct xlat_ctx *c, const char *s)
{
	PgQuery__String *str = arena_alloc(c->a, sizeof(*str));
	*str = (PgQuery__String)PG_QUERY__STRING__INIT;
	str->sval = (char *)s;
	PgQuery__Node *n = arena_alloc(c->a, sizeof(*n));
	*n = (PgQuery__Node)PG_QUERY__NODE__INIT;
	n->node_case = NODE(STRING);
	n->string = str;
	return n;
}

static bool tok_is(const PgQuery__ScanToken *t, PgQuery__Token k) { return t->token == k; }

/* In the view's text sql: the end of the SELECT keyword (and an ALL after it) of its query
 * into l->body (0: none), and the span of its top-level WHERE's condition, which runs to the
 * next top-level clause or the end. */
static void scan_body(const char *sql, struct level *l)
{
	PgQueryScanResult r = pg_query_scan(sql);
	PgQuery__ScanResult *sr = r.error ? NULL
					  : pg_query__scan_result__unpack(
						    NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
	int depth = 0;
	l->body = l->where_kw = l->cond_at = l->cond_end = 0;
	for (size_t i = 0; sr && i < sr->n_tokens; i++) {
		const PgQuery__ScanToken *t = sr->tokens[i];
		depth += tok_is(t, PG_QUERY__TOKEN__ASCII_40) - tok_is(t, PG_QUERY__TOKEN__ASCII_41);
		if (!l->body && tok_is(t, PG_QUERY__TOKEN__SELECT)) {
			l->body = (size_t)t->end;
			if (i + 1 < sr->n_tokens && tok_is(sr->tokens[i + 1], PG_QUERY__TOKEN__ALL))
				l->body = (size_t)sr->tokens[i + 1]->end;
			continue;
		}
		if (!l->body || depth)
			continue;
		if (!l->where_kw && tok_is(t, PG_QUERY__TOKEN__WHERE)) {
			l->where_kw = (size_t)t->start;
			l->cond_at = (size_t)t->end;
		} else if (l->cond_at && !l->cond_end &&
			   (tok_is(t, PG_QUERY__TOKEN__ORDER) || tok_is(t, PG_QUERY__TOKEN__WINDOW) ||
			    tok_is(t, PG_QUERY__TOKEN__FOR) || tok_is(t, PG_QUERY__TOKEN__ASCII_59))) {
			l->cond_end = (size_t)t->start;
		}
	}
	if (l->cond_at && !l->cond_end)
		l->cond_end = strlen(sql);
	while (l->cond_end > l->cond_at && sql[l->cond_end - 1] == ' ')
		l->cond_end--;
	if (sr)
		pg_query__scan_result__free_unpacked(sr, NULL);
	pg_query_free_scan_result(r);
}

/* The option the mark after the view's name keeps (before its query). */
static char check_option(const char *sql, size_t body)
{
	const char *m = strstr(sql, XLAT_VIEW_OPTIONS_MARK);
	if (!m || (size_t)(m - sql) >= body)
		return 0;
	m += strlen(XLAT_VIEW_OPTIONS_MARK);
	return strncmp(m, "check_option=local", 18) == 0	 ? 'l'
	       : strncmp(m, "check_option=cascaded", 21) == 0 ? 'c'
							      : 0;
}

struct finds {
	const struct xlat_ctx *c;
	bool agg, window;
};

static bool find_calls(void *arg, const ProtobufCMessage *m)
{
	struct finds *f = arg;
	if (m->descriptor == &pg_query__sub_link__descriptor)
		return true; /* a subquery's aggregates are its own */
	if (m->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *fc = (const PgQuery__FuncCall *)m;
		if (fc->over)
			f->window = true;
		else if (xlat_group_is_agg_in(f->c, fc))
			f->agg = true;
	}
	return xlat_tree_each(m, find_calls, arg);
}

/* PostgreSQL's view_query_is_auto_updatable on the view's query: the DETAIL of the refusal,
 * NULL when the view is automatically updatable. */
static const char *not_updatable(struct xlat_ctx *c, const PgQuery__SelectStmt *q)
{
	if (q->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
		return "Views containing UNION, INTERSECT, or EXCEPT are not automatically "
		       "updatable.";
	if (q->n_distinct_clause)
		return "Views containing DISTINCT are not automatically updatable.";
	if (q->n_group_clause)
		return "Views containing GROUP BY are not automatically updatable.";
	if (q->having_clause)
		return "Views containing HAVING are not automatically updatable.";
	if (q->with_clause)
		return "Views containing WITH are not automatically updatable.";
	if (q->limit_count || q->limit_offset)
		return "Views containing LIMIT or OFFSET are not automatically updatable.";
	struct finds f = {.c = c};
	for (size_t i = 0; i < q->n_target_list; i++)
		(void)find_calls(&f, &q->target_list[i]->base);
	if (f.agg)
		return "Views that return aggregate functions are not automatically updatable.";
	if (f.window)
		return "Views that return window functions are not automatically updatable.";
	if (q->n_from_clause != 1 || q->from_clause[0]->node_case != NODE(RANGE_VAR) ||
	    q->n_values_lists)
		return "Views that do not select from a single table or view are not "
		       "automatically updatable.";
	return NULL;
}

/* The base column a select-list expression reads when it is a plain column of rel (read by
 * qual), else NULL. */
static const char *plain_column(const PgQuery__Node *v, const struct level *l)
{
	if (!v || v->node_case != NODE(COLUMN_REF))
		return NULL;
	const PgQuery__ColumnRef *cr = v->column_ref;
	size_t n = cr->n_fields;
	const char *col = n ? xlat_node_str(cr->fields[n - 1]) : NULL;
	if (!col || n > 3)
		return NULL;
	if (n >= 2) {
		const char *q = xlat_node_str(cr->fields[n - 2]);
		if (!q || strcasecmp(q, l->qual) != 0)
			return NULL;
	}
	/* SQLite's rowid names are no column of PostgreSQL's */
	return strcasecmp(col, "rowid") && strcasecmp(col, "oid") && strcasecmp(col, "_rowid_")
		       ? col
		       : NULL;
}

const char *xlat_updview_not_updatable(struct xlat_ctx *c, const PgQuery__SelectStmt *q)
{
	const char *detail = not_updatable(c, q);
	if (detail)
		return detail;
	const PgQuery__RangeVar *rel = q->from_clause[0]->range_var;
	struct level l = {.qual = rel->alias ? rel->alias->aliasname : rel->relname};
	for (size_t i = 0; i < q->n_target_list; i++) {
		const PgQuery__Node *t = q->target_list[i];
		const PgQuery__Node *v = t->node_case == NODE(RES_TARGET) ? t->res_target->val : NULL;
		if (v && v->node_case == NODE(COLUMN_REF) && v->column_ref->n_fields &&
		    v->column_ref->fields[v->column_ref->n_fields - 1]->node_case == NODE(A_STAR))
			return NULL; /* a * is the relation's columns */
		if (plain_column(v, &l))
			return NULL;
	}
	return "Views that have no updatable columns are not automatically updatable.";
}

static const char *verb(int event)
{
	return event == 4 ? "insert into" : event == 16 ? "update" : "delete from";
}

/* The refusal of a view that is not automatically updatable, as PostgreSQL says it. */
static bool refuse_view(struct xlat_ctx *c, const char *view, int event, const char *detail)
{
	xlat_fail(c, "55000", -1, "cannot %s view \"%s\"", verb(event), view);
	pgerr_detail(c->err, "%s", detail);
	const char *what = event == 4    ? "inserting into"
			   : event == 16 ? "updating"
					 : "deleting from";
	const char *ev = event == 4 ? "INSERT" : event == 16 ? "UPDATE" : "DELETE";
	pgerr_hint(c->err,
		   "To enable %s the view, provide an INSTEAD OF %s trigger or an unconditional ON "
		   "%s DO INSTEAD rule.",
		   what, ev, ev);
	return false;
}

int xlat_updview_find_col(const struct level *l, const char *name)
{
	for (size_t i = 0; name && i < l->ncols; i++)
		if (strcmp(l->cols[i], name) == 0)
			return (int)i;
	return -1;
}

/* Reads view name's definition into *l: false with err set when it cannot be written
 * through (PostgreSQL's 55000, or 0A000 for what shardlite cannot read back). */
static bool read_level(struct xlat_ctx *c, const char *name, const char *sql, int event,
		       struct level *l)
{
	*l = (struct level){.view = name, .sql = sql};
	const PgQuery__Node *n = xlat_parse_one(c->a, sql);
	const PgQuery__ViewStmt *vs = n && n->node_case == NODE(VIEW_STMT) ? n->view_stmt : NULL;
	const PgQuery__SelectStmt *q = vs && vs->query && vs->query->node_case == NODE(SELECT_STMT)
					       ? vs->query->select_stmt
					       : NULL;
	if (q)
		scan_body(sql, l);
	if (!l->body)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "writing through view \"%s\" is not supported: its stored query "
				 "cannot be read back",
				 name);
	const char *detail = not_updatable(c, q);
	if (detail)
		return refuse_view(c, name, event, detail);
	l->rel = q->from_clause[0]->range_var;
	l->qual = l->rel->alias ? l->rel->alias->aliasname : l->rel->relname;
	l->where = q->where_clause != NULL;
	l->check = check_option(sql, l->body);
	if (strstr(sql, XLAT_PARTITION_MARK)) /* a partition: its bound is always checked */
		l->check = 'p';
	const char **dcols, **dtexts;
	size_t nd;
	if (!xlat_view_defaults(sql, l->body, c->a, &dcols, &dtexts, &nd))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "writing through view \"%s\" is not supported: its column "
				 "defaults cannot be read back",
				 name);
	l->ncols = q->n_target_list;
	l->cols = arena_zalloc(c->a, (l->ncols + 1) * sizeof(*l->cols));
	l->base = arena_zalloc(c->a, (l->ncols + 1) * sizeof(*l->base));
	l->exprs = arena_zalloc(c->a, (l->ncols + 1) * sizeof(*l->exprs));
	bool any = false;
	for (size_t i = 0; i < l->ncols; i++) {
		const PgQuery__ResTarget *rt = q->target_list[i]->node_case == NODE(RES_TARGET)
						       ? q->target_list[i]->res_target
						       : NULL;
		const PgQuery__Node *v = rt ? rt->val : NULL;
		if (v && v->node_case == NODE(COLUMN_REF) && v->column_ref->n_fields &&
		    v->column_ref->fields[v->column_ref->n_fields - 1]->node_case == NODE(A_STAR))
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "writing through view \"%s\" is not supported: its stored "
					 "query has a *",
					 name);
		l->base[i] = plain_column(v, l);
		l->exprs[i] = l->base[i] ? NULL : v;
		l->cols[i] = i < vs->n_aliases             ? xlat_node_str(vs->aliases[i])
			     : rt && rt->name && *rt->name ? rt->name
			     : l->base[i]                  ? l->base[i]
							   : "?column?";
		any = any || l->base[i];
	}
	l->dflt = arena_zalloc(c->a, (l->ncols + 1) * sizeof(*l->dflt));
	for (size_t k = 0; k < nd; k++) {
		int at = xlat_updview_find_col(l, dcols[k]);
		if (at >= 0)
			l->dflt[at] = dtexts[k];
	}
	if (!any && event != 8)
		return refuse_view(c, name, event,
				   "Views that have no updatable columns are not automatically "
				   "updatable.");
	return true;
}

/* The mapping of column references onto the base relation, one level. */
struct remap {
	struct xlat_ctx *c;
	const struct level *l;
	const char *qual;     /* the statement's name for the target (its alias, or the view) */
	const char *excluded; /* "excluded" in ON CONFLICT DO UPDATE, else NULL */
	bool others; /* other relations are in scope (FROM, USING): bare names may be theirs */
	int sublink;
	/* the FROM lists of the subqueries around the reference, innermost last: a bare name
	 * is first theirs, as PostgreSQL resolves it */
	PgQuery__Node **const *froms[MAX_LEVELS];
	size_t nfroms[MAX_LEVELS];
	int nsub;     /* more than MAX_LEVELS: their columns not known */
	int with;     /* WITH queries in scope: a relation's name may be one of theirs */
	int computed; /* remap_ref: the computed column the reference reads, -1: none */
	bool failed;
};

/* Whether FROM item n has a column col: 1 yes, 0 no, -1 not known here (a function, a
 * subquery with *, a relation the schema does not know or a WITH query may name). */
static int item_has(struct remap *m, const PgQuery__Node *n, const char *col)
{
	const struct xlat_schema_col *cols;
	size_t ncols, nn = 0;
	const char **names = NULL;
	switch (n->node_case) {
	case NODE(RANGE_VAR):
		if (m->with || !xlat_scope_target(m->c, n->range_var, &cols, &ncols))
			return -1;
		for (size_t i = 0; i < ncols; i++)
			if (strcmp(cols[i].name, col) == 0)
				return 1;
		return 0;
	case NODE(JOIN_EXPR): {
		int l = item_has(m, n->join_expr->larg, col),
		    r = item_has(m, n->join_expr->rarg, col);
		return l > 0 || r > 0 ? 1 : l < 0 || r < 0 ? -1 : 0;
	}
	case NODE(RANGE_SUBSELECT): {
		const PgQuery__RangeSubselect *rs = n->range_subselect;
		const PgQuery__Alias *al = rs->alias;
		for (size_t i = 0; al && i < al->n_colnames; i++) {
			const char *name = xlat_node_str(al->colnames[i]);
			if (name && strcmp(name, col) == 0)
				return 1;
		}
		if (!rs->subquery || rs->subquery->node_case != NODE(SELECT_STMT))
			return -1;
		names = xlat_select_colnames(m->c, rs->subquery->select_stmt, &nn);
		if (!names)
			return -1;
		for (size_t i = al ? al->n_colnames : 0; i < nn; i++)
			if (names[i] && strcmp(names[i], col) == 0)
				return 1;
		return 0;
	}
	default:
		return -1;
	}
}

/* Whether a bare name inside a subquery is one of the subqueries' relations' (1), of none
 * (0), or not known (-1). */
static int inner_has(struct remap *m, const char *col)
{
	if (m->nsub > MAX_LEVELS)
		return -1;
	int known = 0;
	for (int d = m->nsub - 1; d >= 0; d--)
		for (size_t i = 0; i < m->nfroms[d]; i++) {
			int h = item_has(m, (*m->froms[d])[i], col);
			if (h > 0)
				return 1;
			known = h < 0 ? -1 : known;
		}
	return known;
}

static bool remap_ref(struct remap *m, PgQuery__ColumnRef *cr)
{
	size_t n = cr->n_fields;
	const char *col = n ? xlat_node_str(cr->fields[n - 1]) : NULL;
	const char *q = n == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	bool ours = n == 2 && q &&
		    (strcmp(q, m->qual) == 0 || (m->excluded && strcmp(q, m->excluded) == 0));
	if (!col || (n == 2 && !ours) || n > 2)
		return true; /* another relation's, or a * (RETURNING's: expanded before) */
	int k = xlat_updview_find_col(m->l, col);
	if (k < 0 && n == 1 && strcmp(col, m->qual) == 0)
		return xlat_fail(
			m->c, SQLSTATE_FEATURE_NOT_SUPPORTED, cr->location,
			"a whole-row reference to view \"%s\" in a write through it is not "
			"supported",
			m->l->view);
	if (k < 0 && n == 1 && (m->others || m->sublink))
		return true; /* may be another relation's */
	if (k < 0)
		return xlat_fail(m->c, "42703", cr->location,
				 n == 2 ? "column %s.%s does not exist"
					: "column \"%s\" does not exist",
				 n == 2 ? q : col, col);
	/* the subquery's own column first, as PostgreSQL reads it; beside FROM or USING, the
	 * base column named with the target (another relation may have a column of its name) */
	if (n == 1 && (m->sublink || m->others)) {
		int h = inner_has(m, col);
		if (h > 0)
			return true;
		if (h < 0)
			return xlat_fail(m->c, SQLSTATE_FEATURE_NOT_SUPPORTED, cr->location,
					 "a bare name \"%s\" of view \"%s\" inside a subquery "
					 "beside relations whose columns are not known here is not "
					 "supported (qualify it)",
					 col, m->l->view);
		if (m->l->base[k]) { /* named with the target, not a subquery column of that name */
			PgQuery__Node **f = arena_alloc(m->c->a, 2 * sizeof(*f));
			f[0] = str_node(m->c, m->qual);
			f[1] = str_node(m->c, m->l->base[k]);
			cr->fields = f;
			cr->n_fields = 2;
			return true;
		}
	}
	if (m->l->base[k])
		cr->fields[n - 1] = str_node(m->c, m->l->base[k]);
	else
		m->computed = k;
	return true;
}

struct qualify {
	struct xlat_ctx *c;
	const char *from, *to; /* the view's name for its relation, the statement's */
	const char *refused;   /* what the expression has that cannot be read again */
};

/* The expression's column references, of the view's relation, named as the statement names
 * the relation; what SQLite's text holds that is no PostgreSQL (a subquery, shardlite's own
 * functions) is refused. */
static bool qualify_walk(void *arg, const ProtobufCMessage *msg)
{
	struct qualify *q = arg;
	if (msg->descriptor == &pg_query__sub_link__descriptor)
		q->refused = "a subquery";
	if (msg->descriptor == &pg_query__func_call__descriptor) {
		const PgQuery__FuncCall *f = (const PgQuery__FuncCall *)msg;
		const char *name = f->n_funcname ? xlat_node_str(f->funcname[f->n_funcname - 1])
						 : "";
		if (name && (strncmp(name, "pgfn_", 5) == 0 || strncmp(name, "pg_", 3) == 0 ||
			     strncmp(name, "shardlite_", 10) == 0))
			q->refused = "a function call";
	}
	if (msg->descriptor == &pg_query__column_ref__descriptor) {
		PgQuery__ColumnRef *cr = (PgQuery__ColumnRef *)msg;
		const char *first = cr->n_fields ? xlat_node_str(cr->fields[0]) : NULL;
		if (cr->n_fields == 1 && first) {
			PgQuery__Node **f = arena_alloc(q->c->a, 2 * sizeof(*f));
			f[0] = str_node(q->c, q->to);
			f[1] = cr->fields[0];
			cr->fields = f;
			cr->n_fields = 2;
		} else if (cr->n_fields == 2 && first && strcasecmp(first, q->from) == 0) {
			cr->fields[0] = str_node(q->c, q->to);
		} else {
			q->refused = "this column reference";
		}
	}
	return !q->refused && xlat_tree_each(msg, qualify_walk, arg);
}

/* The Node n (a reference to computed column k) becomes that column's expression. */
static bool substitute(struct remap *m, PgQuery__Node *n, int k)
{
	PgQuery__Node *e = xlat_tree_copy(m->c->a, &m->l->exprs[k]->base);
	struct qualify q = {.c = m->c, .from = m->l->qual, .to = m->qual};
	if (!qualify_walk(&q, &e->base) || q.refused)
		return xlat_fail(m->c, SQLSTATE_FEATURE_NOT_SUPPORTED, n->column_ref->location,
				 "reading computed column \"%s\" of view \"%s\" in INSERT, UPDATE "
				 "or DELETE is not supported: its expression has %s",
				 m->l->cols[k], m->l->view, q.refused ? q.refused : "an error");
	*n = *e;
	return true;
}

static bool remap_walk(void *arg, const ProtobufCMessage *msg)
{
	struct remap *m = arg;
	if (m->failed)
		return false;
	PgQuery__Node *node = msg->descriptor == &pg_query__node__descriptor ? (PgQuery__Node *)msg
									     : NULL;
	if (node && node->node_case == NODE(COLUMN_REF)) {
		m->computed = -1;
		if (!remap_ref(m, node->column_ref) ||
		    (m->computed >= 0 && !substitute(m, node, m->computed))) {
			m->failed = true;
			return false;
		}
		return true; /* a substituted expression's names are the base relation's */
	}
	bool sub = msg->descriptor == &pg_query__sub_link__descriptor;
	bool sel = m->sublink && msg->descriptor == &pg_query__select_stmt__descriptor;
	if (sel) {
		PgQuery__SelectStmt *q = (PgQuery__SelectStmt *)msg;
		if (m->nsub < MAX_LEVELS) {
			m->froms[m->nsub] = &q->from_clause;
			m->nfroms[m->nsub] = q->n_from_clause;
		}
		m->nsub++;
		m->with += q->with_clause != NULL;
	}
	m->sublink += sub;
	bool ok = xlat_tree_each(msg, remap_walk, arg);
	m->sublink -= sub;
	if (sel) {
		m->nsub--;
		m->with -= ((PgQuery__SelectStmt *)msg)->with_clause != NULL;
	}
	return ok && !m->failed;
}

static bool remap(struct remap *m, PgQuery__Node *n)
{
	return !n || (remap_walk(m, &n->base) && !m->failed);
}

/* A target column of INSERT or UPDATE (name) as the base relation's: 42703 for no such view
 * column, PostgreSQL's 0A000 for a computed one. */
static bool target_col(struct xlat_ctx *c, const struct level *l, int event, PgQuery__ResTarget *rt)
{
	if (rt->n_indirection)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, rt->location,
				 "assigning to a field or element of view \"%s\"'s column is not "
				 "supported",
				 l->view);
	int k = xlat_updview_find_col(l, rt->name);
	if (k < 0)
		return xlat_fail(c, "42703", rt->location,
				 "column \"%s\" of relation \"%s\" does not exist", rt->name,
				 l->view);
	if (!l->base[k]) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			  "cannot %s column \"%s\" of view \"%s\"",
			  event == 4 ? "insert into" : "update", rt->name, l->view);
		pgerr_detail(c->err, NOT_PLAIN);
		return false;
	}
	rt->name = (char *)l->base[k];
	return true;
}

/* Two view columns of one base column written by one statement: PostgreSQL's 42601. */
static bool assigned_once(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < i; k++)
			if (strcmp(v[i]->res_target->name, v[k]->res_target->name) == 0)
				return xlat_fail(c, SQLSTATE_SYNTAX_ERROR,
						 v[i]->res_target->location,
						 "multiple assignments to same column \"%s\"",
						 v[i]->res_target->name);
	return true;
}

/* RETURNING's items over the base relation: * and view.* as the view's columns, a bare
 * column named as the view names it. */
static bool remap_returning(struct remap *m, PgQuery__Node ***list, size_t *n)
{
	struct xlat_ctx *c = m->c;
	const struct level *l = m->l;
	size_t cap = *n + l->ncols, k = 0;
	PgQuery__Node **out = arena_zalloc(c->a, (cap ? cap : 1) * sizeof(*out));
	for (size_t i = 0; i < *n; i++) {
		PgQuery__Node *item = (*list)[i];
		PgQuery__ResTarget *rt = item->node_case == NODE(RES_TARGET) ? item->res_target
									     : NULL;
		PgQuery__ColumnRef *cr = rt && rt->val && rt->val->node_case == NODE(COLUMN_REF)
						 ? rt->val->column_ref
						 : NULL;
		size_t nf = cr ? cr->n_fields : 0;
		bool star = nf && cr->fields[nf - 1]->node_case == NODE(A_STAR);
		const char *q = nf == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (star && (nf == 1 ? m->others : !q || strcmp(q, m->qual) != 0)) {
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, rt->location,
					 "RETURNING * of a write through view \"%s\" with FROM or "
					 "USING is not supported",
					 l->view);
		} else if (star) {
			for (size_t j = 0; j < l->ncols; j++) {
				PgQuery__Node *col = xlat_tree_copy(c->a, &item->base);
				PgQuery__ColumnRef *ref = col->res_target->val->column_ref;
				ref->fields[nf - 1] = str_node(c, l->cols[j]);
				col->res_target->name = (char *)l->cols[j];
				if (!remap(m, col->res_target->val))
					return false;
				if (k == cap) /* more columns than room: several stars */
					return xlat_fail(
						c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
						"several * in RETURNING of a write through "
						"view \"%s\" are not supported",
						l->view);
				out[k++] = col;
			}
			continue;
		}
		if (cr && (!rt->name || !*rt->name) && nf && xlat_node_str(cr->fields[nf - 1]))
			rt->name = (char *)xlat_node_str(cr->fields[nf - 1]);
		if (rt && !remap(m, rt->val))
			return false;
		if (k == cap)
			return xlat_fail(
				c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				"several * in RETURNING of a write through view \"%s\" are "
				"not supported",
				l->view);
		out[k++] = item;
	}
	*list = out;
	*n = k;
	return true;
}

/* The target after one level: the view's base relation under the statement's name for the
 * view (its alias, or the view's name), so that qualified references keep working. */
static bool base_target(struct xlat_ctx *c, const struct level *l, PgQuery__RangeVar **rv,
			const char *qual)
{
	PgQuery__RangeVar *t = xlat_tree_copy(c->a, &l->rel->base);
	const char *schema = t->schemaname && *t->schemaname ? t->schemaname : NULL;
	if (schema && strcmp(schema, "main") && strcmp(schema, "temp"))
		return xlat_fail(
			c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
			"writing through view \"%s\" over another schema's relation is not "
			"supported",
			l->view);
	t->schemaname = schema && strcmp(schema, "temp") == 0 ? (char *)"pg_temp" : NULL;
	PgQuery__Alias *al = arena_alloc(c->a, sizeof(*al));
	*al = (PgQuery__Alias)PG_QUERY__ALIAS__INIT;
	al->aliasname = (char *)qual;
	t->alias = al;
	t->location = (*rv)->location;
	*rv = t;
	return true;
}

/* The SQLite text of the view levels[i]'s rows, each with its base table's rowid. */
static const char *rows_sql(struct xlat_ctx *c, const struct level *v, size_t i, size_t n)
{
	struct strbuf *sb = c->sb, out;
	strbuf_init(&out, 0);
	c->sb = &out;
	if (i + 1 < n) { /* the next view, read by its name, is its rows with their rowid */
		xlat_puts(c, "WITH ");
		xlat_ident(c, v[i + 1].view);
		xlat_puts(c, "(" ROWID); /* its columns as the view names them (CREATE VIEW v (k)) */
		for (size_t k = 0; k < v[i + 1].ncols; k++) {
			xlat_puts(c, ", ");
			xlat_ident(c, v[i + 1].cols[k]);
		}
		xlat_puts(c, ") AS (");
		xlat_puts(c, rows_sql(c, v, i + 1, n));
		xlat_puts(c, ") ");
	}
	xlat_puts(c, "SELECT ");
	xlat_ident(c, v[i].qual);
	xlat_puts(c, i + 1 < n ? "." ROWID " AS " ROWID ", " : ".rowid AS " ROWID ", ");
	xlat_puts(c, v[i].sql + v[i].body);
	c->sb = sb;
	const char *text = arena_strdup(c->a, out.data ? out.data : "");
	if (out.failed)
		xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	strbuf_fini(&out);
	return text;
}

/* Whether name, a DML target, is a view to rewrite: its text into *sql. */
static const char *target_view(struct xlat_ctx *c, const PgQuery__RangeVar *rv, int event)
{
	const struct xlat_env *env = c->env;
	const char *schema = rv->schemaname;
	/* "main": a view's own text naming the tenant's file (xlat_relname) */
	if (!env || !env->view_fn ||
	    (schema && *schema && strcmp(schema, "public") != 0 && strcmp(schema, "main") != 0 &&
	     !(env->tenant && strcmp(schema, env->tenant) == 0)))
		return NULL;
	bool maybe = (c->schema && c->schema->relkind_fn &&
		      c->schema->relkind_fn(c->schema->arg, rv->relname) == 'v') ||
		     (env->temp_tables && env->temp_rel_fn &&
		      env->temp_rel_fn(env->session_arg, rv->relname));
	int instead = 0;
	const char *sql = maybe ? env->view_fn(env->session_arg, rv->relname, c->a, &instead)
				: NULL;
	if (sql)
		xlat_nocache(c); /* its definition and triggers are no part of the fingerprint */
	return sql && !(instead & event) ? sql : NULL;
}

/* The chain of views from the target down to a table (or a view with an INSTEAD OF trigger
 * for the event), into v; its length, 0 when rv is no view to rewrite, -1 on error. */
static int read_chain(struct xlat_ctx *c, const PgQuery__RangeVar *rv, int event, struct level *v)
{
	const char *sql = target_view(c, rv, event);
	int n = 0;
	for (const PgQuery__RangeVar *at = rv; sql; sql = target_view(c, at, event)) {
		if (n == MAX_LEVELS)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "writing through more than %d levels of views is not "
					 "supported",
					 MAX_LEVELS),
			       -1;
		/* the view's rows read the next one's by its name (rows_sql) */
		if (n && at->schemaname && *at->schemaname)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "writing through view \"%s\" over a schema-qualified view "
					 "is not supported",
					 v[n - 1].view),
			       -1;
		if (!read_level(c, at->relname, sql, event, &v[n]))
			return -1;
		at = v[n++].rel;
	}
	return n;
}

/* The restriction of the written rows to the view's: NULL when no level has a WHERE. */
static bool note_check(struct xlat_ctx *c, const void *stmt, const struct level *v, int n,
		       const char *qual)
{
	bool any = false;
	for (int i = 0; i < n; i++)
		any = any || v[i].where;
	if (!any)
		return true;
	if (c->env->view_fn(c->env->session_arg, v[n - 1].rel->relname, c->a, &(int){0}))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "writing through view \"%s\" with a WHERE clause into a view "
				 "with INSTEAD OF triggers is not supported",
				 v[0].view);
	struct strbuf *sb = c->sb, out;
	strbuf_init(&out, 0);
	c->sb = &out;
	xlat_puts(c, "EXISTS (SELECT 1 FROM (");
	xlat_puts(c, rows_sql(c, v, 0, (size_t)n));
	xlat_puts(c, ") AS _shardlite_view WHERE _shardlite_view." ROWID " = ");
	xlat_ident(c, qual);
	xlat_puts(c, ".rowid)");
	c->sb = sb;
	c->updview_for = stmt;
	c->updview_check = arena_strdup(c->a, out.data ? out.data : "");
	bool ok = !out.failed || xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	strbuf_fini(&out);
	return ok;
}

int xlat_updview_insert(struct xlat_ctx *c, const PgQuery__InsertStmt **sp)
{
	struct level v[MAX_LEVELS];
	int n = read_chain(c, (*sp)->relation, 4, v);
	if (n <= 0)
		return n;
	/* a * of the source spelled out as its relation's columns are now, in the statement's
	 * own tree (which xlat_view_star changes as protobuf-c allocates) before it is copied;
	 * the INSERT's WITH, not in scope yet, may name them: left to the refusal */
	const PgQuery__SelectStmt *src = (*sp)->select_stmt ? (*sp)->select_stmt->select_stmt
							    : NULL;
	int w = !(*sp)->n_cols && src ? xlat_insert_source_width(c, src, !(*sp)->with_clause) : 0;
	if (w < 0)
		return -1;
	PgQuery__InsertStmt *s = xlat_tree_copy(c->a, &(*sp)->base);
	const char *qual = s->relation->alias ? s->relation->alias->aliasname
					      : s->relation->relname;
	if (!s->n_cols && s->select_stmt) { /* the view's columns in order */
		size_t width = (size_t)w;
		if (!width)
			return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
					 "INSERT into view \"%s\" without a column list from this "
					 "query is not supported",
					 v[0].view),
			       -1;
		if (width > v[0].ncols) /* before any column is looked at, as PostgreSQL */
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
					 "INSERT has more expressions than target columns"),
			       -1;
		s->cols = arena_zalloc(c->a, width * sizeof(*s->cols));
		for (size_t i = 0; i < width; i++) {
			PgQuery__ResTarget *rt = arena_alloc(c->a, sizeof(*rt));
			*rt = (PgQuery__ResTarget)PG_QUERY__RES_TARGET__INIT;
			rt->name = (char *)v[0].cols[i];
			rt->location = -1;
			PgQuery__Node *node = arena_alloc(c->a, sizeof(*node));
			*node = (PgQuery__Node)PG_QUERY__NODE__INIT;
			node->node_case = NODE(RES_TARGET);
			node->res_target = rt;
			s->cols[i] = node;
		}
		s->n_cols = width;
	}
	for (int i = 0; i < n; i++) {
		struct remap m = {.c = c,
				  .l = &v[i],
				  .qual = qual,
				  .excluded = "excluded",
				  .with = s->with_clause != NULL};
		PgQuery__OnConflictClause *oc = s->on_conflict_clause;
		if (!xlat_updview_insert_defaults(c, &v[i], s) ||
		    (oc && !xlat_updview_set_defaults(c, &v[i], oc->target_list, oc->n_target_list)))
			return -1;
		for (size_t k = 0; k < s->n_cols; k++)
			if (!target_col(c, &v[i], 4, s->cols[k]->res_target))
				return -1;
		if (!assigned_once(c, s->cols, s->n_cols))
			return -1;
		if (oc && oc->infer) {
			for (size_t k = 0; k < oc->infer->n_index_elems; k++) {
				PgQuery__IndexElem *e = oc->infer->index_elems[k]->index_elem;
				int j = e && e->name ? xlat_updview_find_col(&v[i], e->name) : -1;
				if (e && e->name && j >= 0 && v[i].base[j])
					e->name = (char *)v[i].base[j];
				else if (e && e->name && j < 0)
					return xlat_fail(c, "42703", -1,
							 "column \"%s\" does not exist", e->name),
					       -1;
				else if (e && (e->name || !remap(&m, e->expr)))
					return xlat_fail(
						       c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
						       "this ON CONFLICT target of view \"%s\" is not "
						       "supported",
						       v[i].view),
					       -1;
			}
			if (!remap(&m, oc->infer->where_clause))
				return -1;
		}
		/* PostgreSQL checks DO UPDATE's columns as the INSERT's, and says so */
		for (size_t k = 0; oc && k < oc->n_target_list; k++)
			if (!target_col(c, &v[i], 4, oc->target_list[k]->res_target) ||
			    !remap(&m, oc->target_list[k]->res_target->val))
				return -1;
		if ((oc && !remap(&m, oc->where_clause)) ||
		    !remap_returning(&m, &s->returning_list, &s->n_returning_list) ||
		    !base_target(c, &v[i], &s->relation, qual))
			return -1;
	}
	if (!xlat_updview_note_wco(c, s, v, n, s->relation))
		return -1;
	*sp = s;
	return 1;
}

int xlat_updview_update(struct xlat_ctx *c, const PgQuery__UpdateStmt **sp)
{
	struct level v[MAX_LEVELS];
	int n = read_chain(c, (*sp)->relation, 16, v);
	if (n <= 0)
		return n;
	PgQuery__UpdateStmt *s = xlat_tree_copy(c->a, &(*sp)->base);
	const char *qual = s->relation->alias ? s->relation->alias->aliasname
					      : s->relation->relname;
	for (int i = 0; i < n; i++) {
		struct remap m = {.c = c,
				  .l = &v[i],
				  .qual = qual,
				  .others = s->n_from_clause > 0,
				  .with = s->with_clause != NULL};
		if (!xlat_updview_set_defaults(c, &v[i], s->target_list, s->n_target_list))
			return -1;
		for (size_t k = 0; k < s->n_target_list; k++) {
			PgQuery__ResTarget *rt = s->target_list[k]->res_target;
			if (!target_col(c, &v[i], 16, rt) || !remap(&m, rt->val))
				return -1;
		}
		if (!assigned_once(c, s->target_list, s->n_target_list) ||
		    !remap(&m, s->where_clause) ||
		    !remap_returning(&m, &s->returning_list, &s->n_returning_list) ||
		    !base_target(c, &v[i], &s->relation, qual))
			return -1;
	}
	if (!note_check(c, s, v, n, qual) || !xlat_updview_note_wco(c, s, v, n, s->relation))
		return -1;
	*sp = s;
	return 1;
}

int xlat_updview_delete(struct xlat_ctx *c, const PgQuery__DeleteStmt **sp)
{
	struct level v[MAX_LEVELS];
	int n = read_chain(c, (*sp)->relation, 8, v);
	if (n <= 0)
		return n;
	PgQuery__DeleteStmt *s = xlat_tree_copy(c->a, &(*sp)->base);
	const char *qual = s->relation->alias ? s->relation->alias->aliasname
					      : s->relation->relname;
	for (int i = 0; i < n; i++) {
		struct remap m = {.c = c,
				  .l = &v[i],
				  .qual = qual,
				  .others = s->n_using_clause > 0,
				  .with = s->with_clause != NULL};
		if (!remap(&m, s->where_clause) ||
		    !remap_returning(&m, &s->returning_list, &s->n_returning_list) ||
		    !base_target(c, &v[i], &s->relation, qual))
			return -1;
	}
	if (!note_check(c, s, v, n, qual))
		return -1;
	*sp = s;
	return 1;
}

bool xlat_updview_where(struct xlat_ctx *c, const void *stmt, const PgQuery__Node *where,
			bool and_only)
{
	const char *check = c->updview_for == stmt ? c->updview_check : NULL;
	if (and_only) {
		if (check) {
			xlat_puts(c, " AND ");
			xlat_puts(c, check);
		}
		return true;
	}
	if (!where && !check)
		return true;
	xlat_puts(c, " WHERE ");
	if (where && check)
		xlat_puts(c, "(");
	if (where && !xlat_condition(c, where))
		return false;
	if (where && check)
		xlat_puts(c, ") AND ");
	if (check)
		xlat_puts(c, check);
	return true;
}

bool xlat_updview_checked(const struct xlat_ctx *c, const void *stmt)
{
	return c->updview_for == stmt && c->updview_check;
}

bool xlat_updview_describe(const char *sql, const struct xlat_schema *schema, struct arena *a,
			   struct xlat_updview_desc *out)
{
	struct pgerr ignored;
	struct xlat_ctx c = {.a = a, .err = &ignored, .src = sql, .schema = schema};
	struct level l;
	pgerr_clear(&ignored);
	/* DELETE's question: the columns aside, as pg_relation_is_updatable asks it */
	if (!read_level(&c, "", sql, 8, &l))
		return false;
	*out = (struct xlat_updview_desc){
		.base = l.rel->relname, .names = l.cols, .cols = l.base, .ncols = l.ncols};
	return true;
}
