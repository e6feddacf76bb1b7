/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_rls.c: row-level security applied as PostgreSQL's rewriter applies it, on a copy of
 * the statement's tree before it is translated. A table whose policies apply to the session
 * (ENABLE and FORCE ROW LEVEL SECURITY: every user acts as the tenant's owner, so only FORCE
 * subjects it, docs/security.md) read in a FROM list becomes (SELECT * FROM t WHERE <policies'
 * USING>) under its alias; DELETE's and UPDATE's target gets the condition in its WHERE, and
 * a written row RETURNING reads must pass the SELECT policies. What is not built yet (MERGE,
 * views over such tables) is 0A000. */
#include "xlat_int.h"

#include <string.h>
#include <strings.h>

/* Scans of tables under row-level security one statement may read, policies' own included. */
#define XLAT_RLS_MAX_SCANS 64

struct rls_walk {
	struct xlat_ctx *c;
	const PgQuery__RangeVar **made; /* the inner scans already rewritten */
	size_t nmade, cap;
	const char *const *ctes; /* every WITH query's name in the statement */
	size_t nctes;
	bool applied, failed;
};

static bool own_schema(const struct xlat_ctx *c, const char *schema)
{
	return !schema || !schema[0] || strcmp(schema, "public") == 0 ||
	       (c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0);
}

const struct xlat_rls *xlat_rls_find(const struct xlat_ctx *c, const char *table)
{
	const struct xlat_env *s = c->env;
	for (size_t i = 0; s && table && i < s->nrls; i++)
		if (strcasecmp(s->rls[i].table, table) == 0)
			return &s->rls[i];
	return NULL;
}

/* The table's row-level security when it applies to the session: enabled and forced (the
 * session's user owns every table, and an owner is subject only under FORCE). */
static const struct xlat_rls *subject(const struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	if (!rv || !rv->relname || !own_schema(c, rv->schemaname))
		return NULL;
	const struct xlat_rls *t = xlat_rls_find(c, rv->relname);
	return t && t->enabled && t->forced ? t : NULL;
}

/* Whether policy p applies to the current user: PUBLIC, the user, or pg_database_owner
 * (every user of a tenant acts as its owner). */
static bool applies(const struct xlat_ctx *c, const struct xlat_policy *p)
{
	if (!p->roles || !p->roles[0])
		return true;
	const char *user = c->env ? c->env->user : NULL;
	size_t ul = user ? strlen(user) : 0;
	for (const char *s = p->roles; *s;) {
		size_t n = strcspn(s, ",");
		if ((n == 17 && strncmp(s, "pg_database_owner", 17) == 0) ||
		    (user && n == ul && strncmp(s, user, n) == 0))
			return true;
		s += n + (s[n] == ',');
	}
	return false;
}

/* The USING condition of t's policies for command cmd ('r', 'w', 'd') as PostgreSQL text:
 * the applicable permissive ones OR-ed (none: false), each restrictive one AND-ed. */
static const char *using_text(struct xlat_ctx *c, const struct xlat_rls *t, char cmd)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int npermissive = 0;
	for (size_t i = 0; i < t->npolicies; i++) {
		const struct xlat_policy *p = &t->policies[i];
		if (!p->permissive || (p->cmd != '*' && p->cmd != cmd) || !p->qual ||
		    !applies(c, p))
			continue;
		strbuf_printf(&sb, "%s(%s)", npermissive++ ? " OR " : "(", p->qual);
	}
	strbuf_puts(&sb, npermissive ? ")" : "false");
	for (size_t i = 0; i < t->npolicies; i++) {
		const struct xlat_policy *p = &t->policies[i];
		if (p->permissive || (p->cmd != '*' && p->cmd != cmd) || !p->qual || !applies(c, p))
			continue;
		strbuf_printf(&sb, " AND (%s)", p->qual);
	}
	const char *out = arena_strndup(c->a, sb.data ? sb.data : "false", sb.len);
	strbuf_fini(&sb);
	return out;
}

static bool refuse(struct rls_walk *w, const char *what)
{
	w->failed = true;
	return xlat_unsupported(w->c, -1, what);
}

/* row_security = off: 42501 where a policy would apply, as PostgreSQL's check_enable_rls. */
static bool allowed(struct rls_walk *w, const struct xlat_rls *t)
{
	w->applied = true;
	xlat_nocache(w->c); /* the user and row_security decide the translation */
	if (!w->c->env || !w->c->env->row_security_off)
		return true;
	w->failed = true;
	xlat_fail(w->c, SQLSTATE_INSUFFICIENT_PRIVILEGE, -1,
		  "query would be affected by row-level security policy for table \"%s\"",
		  t->table);
	pgerr_hint(w->c->err, "To disable the policy for the table's owner, use ALTER TABLE NO "
			      "FORCE ROW LEVEL SECURITY.");
	return false;
}

static bool is_made(const struct rls_walk *w, const PgQuery__RangeVar *rv)
{
	for (size_t i = 0; i < w->nmade; i++)
		if (w->made[i] == rv)
			return true;
	return false;
}

static bool is_cte(const struct rls_walk *w, const PgQuery__RangeVar *rv)
{
	if (rv->schemaname && rv->schemaname[0])
		return false;
	for (size_t i = 0; i < w->nctes; i++)
		if (strcmp(w->ctes[i], rv->relname) == 0)
			return true;
	return false;
}

/* A view the session reads whose query names a table policies apply to: PostgreSQL applies
 * them inside the view (as its owner or, security_invoker, as the caller); SQLite's view is
 * read as it is, so it is refused rather than read unfiltered. */
static bool view_ok(struct rls_walk *w, const PgQuery__RangeVar *rv)
{
	struct xlat_ctx *c = w->c;
	if (!c->env || !c->env->view_fn || !own_schema(c, rv->schemaname))
		return true;
	bool any = false;
	for (size_t i = 0; i < c->env->nrls; i++)
		any |= c->env->rls[i].enabled && c->env->rls[i].forced;
	if (!any)
		return true;
	int instead = 0;
	const char *sql = c->env->view_fn(c->env->session_arg, rv->relname, c->a, &instead);
	for (size_t i = 0; sql && i < c->env->nrls; i++) {
		const struct xlat_rls *t = &c->env->rls[i];
		if (t->enabled && t->forced && xlat_find_ident(sql, 0, strlen(sql), t->table) >= 0)
			return refuse(w,
				      arena_printf(c->a,
						   "reading view \"%s\" over table \"%s\", whose "
						   "row-level security policies apply,",
						   rv->relname, t->table));
	}
	return true;
}

/* A FROM item n that is a scan of such a table becomes (SELECT * FROM t WHERE using) AS
 * alias, as PostgreSQL adds the policies' quals to the scan. */
static bool from_item(struct rls_walk *w, PgQuery__Node *n)
{
	if (!n || n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
		return true;
	PgQuery__RangeVar *rv = n->range_var;
	if (is_made(w, rv))
		return true;
	const struct xlat_rls *t = subject(w->c, rv);
	if (!t)
		return view_ok(w, rv);
	if (is_cte(w, rv))
		return refuse(w, "a WITH query named as a table with row-level security");
	if (!allowed(w, t))
		return false;
	struct xlat_ctx *c = w->c;
	/* a policy whose expression reads its own table (or tables whose policies read it back)
	 * would be expanded without end: PostgreSQL's 42P17 */
	if (w->nmade >= XLAT_RLS_MAX_SCANS) {
		w->failed = true;
		return xlat_fail(c, "42P17", -1,
				 "infinite recursion detected in policy for relation \"%s\"",
				 t->table);
	}
	PgQuery__Node *q = xlat_parse_one(c->a, arena_printf(c->a, "SELECT * FROM x WHERE %s",
							     using_text(c, t, 'r')));
	if (!q || q->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
	    q->select_stmt->n_from_clause != 1)
		return refuse(w, arena_printf(c->a, "a policy of table \"%s\" that does not parse",
					      t->table));
	PgQuery__RangeVar *inner = xlat_tree_copy(c->a, &rv->base);
	inner->alias = NULL;
	q->select_stmt->from_clause[0]->range_var = inner;
	if (w->nmade == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 8;
		const PgQuery__RangeVar **v = arena_zalloc(c->a, w->cap * sizeof(*v));
		if (w->nmade)
			memcpy(v, w->made, w->nmade * sizeof(*v));
		w->made = v;
	}
	w->made[w->nmade++] = inner;
	PgQuery__RangeSubselect *sub = arena_zalloc(c->a, sizeof(*sub));
	pg_query__range_subselect__init(sub);
	sub->subquery = q;
	PgQuery__Alias *alias = rv->alias ? rv->alias : arena_zalloc(c->a, sizeof(*alias));
	if (!rv->alias) {
		pg_query__alias__init(alias);
		alias->aliasname = rv->relname;
	}
	sub->alias = alias;
	n->node_case = PG_QUERY__NODE__NODE_RANGE_SUBSELECT;
	n->range_subselect = sub;
	return true;
}

static bool target(struct rls_walk *w, const PgQuery__RangeVar *rv, PgQuery__Node **where, char cmd,
		   bool reads, const char *what)
{
	const struct xlat_rls *t = subject(w->c, rv);
	if (!t)
		return true;
	if (!allowed(w, t))
		return false;
	struct xlat_ctx *c = w->c;
	if (cmd == 'a' && !where) /* INSERT, COPY FROM: the table's triggers check new rows */
		return true;
	if (cmd != 'd' && cmd != 'w')
		return refuse(w, arena_printf(c->a,
					      "%s table \"%s\" under its row-level security "
					      "policies",
					      what, t->table));
	/* unqualified, the policies' columns name the target, as in PostgreSQL's own scan of
	 * it (a USING table with a column of the same name makes them ambiguous: 42702) */
	const char *cond = using_text(c, t, cmd);
	if (reads) /* a statement that reads the rows sees only those SELECT policies show */
		cond = arena_printf(c->a, "(%s) AND (%s)", cond, using_text(c, t, 'r'));
	PgQuery__Node *cnd = xlat_parse_expr(c->a, arena_printf(c->a, "(%s)", cond));
	if (!cnd)
		return refuse(w, arena_printf(c->a, "a policy of table \"%s\" that does not parse",
					      t->table));
	if (!*where) {
		*where = cnd;
		return true;
	}
	PgQuery__BoolExpr *b = arena_zalloc(c->a, sizeof(*b));
	pg_query__bool_expr__init(b);
	b->boolop = PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
	b->n_args = 2;
	b->args = arena_zalloc(c->a, 2 * sizeof(*b->args));
	b->args[0] = *where;
	b->args[1] = cnd;
	b->location = -1;
	PgQuery__Node *wrap = arena_zalloc(c->a, sizeof(*wrap));
	pg_query__node__init(wrap);
	wrap->node_case = PG_QUERY__NODE__NODE_BOOL_EXPR;
	wrap->bool_expr = b;
	*where = wrap;
	return true;
}

/* The written row's check against the SELECT policies, for a statement that reads the rows
 * it writes (RETURNING; an UPDATE that reads a column): PostgreSQL adds them as WITH CHECK
 * OPTIONs (42501, not a filter, so that no written row is silently dropped). Here it is an
 * expression of the statement's RETURNING that fails the row, as a view's CHECK OPTION is
 * (xlat_updwco.c): it reads the row back by rowid, as the new-row triggers do. */
static bool select_check(struct rls_walk *w, const void *stmt, const struct xlat_rls *t)
{
	struct xlat_ctx *c = w->c;
	if (c->updview_wco_for && c->updview_wco_for != stmt) /* one statement's, at most */
		return refuse(w, "a second write whose RETURNING row-level security checks in one "
				 "statement");
	struct strbuf q;
	strbuf_init(&q, 0);
	strbuf_puts(&q, "SELECT 1 FROM ");
	strbuf_put_quoted(&q, t->table, '"');
	strbuf_printf(&q, " WHERE NOT COALESCE((%s), false)", using_text(c, t, 'r'));
	const char *probe = arena_strndup(c->a, q.data ? q.data : "", q.len);
	strbuf_fini(&q);
	struct xlat_env env = *c->env;
	env.later = env.aborted = env.bind_consts = false;
	env.nrls = 0; /* reads the written row itself, as the new-row triggers */
	env.rls = NULL;
	struct xlat_stmt *x;
	size_t nx;
	if (!xlat_translate_in(&env, probe, NULL, 0, c->a, &x, &nx, c->err)) {
		c->err->position = 0;
		w->failed = true;
		return false;
	}
	if (nx != 1 || x[0].kind != XLAT_SQL || !x[0].sql || x[0].nparams ||
	    strncmp(x[0].sql, "SELECT 1 ", 9) != 0 || !strstr(x[0].sql, " WHERE "))
		return refuse(w, arena_printf(c->a, "a SELECT policy of table \"%s\" in RETURNING",
					      t->table));
	struct strbuf *saved = c->sb, out;
	strbuf_init(&out, 0);
	c->sb = &out;
	/* unqualified, rowid is RETURNING's row (the FROM of the inner query would hide it) */
	xlat_printf(c, "CASE WHEN EXISTS (SELECT 1 FROM (SELECT rowid AS _o) AS _shardlite_new "
		       "WHERE EXISTS (%s AND rowid = _shardlite_new._o)) THEN "
		       "shardlite_rls_violation(",
		    x[0].sql);
	xlat_string(c, t->table);
	xlat_puts(c, ") END");
	c->sb = saved;
	c->updview_wco_for = stmt;
	c->updview_wco = arena_strndup(c->a, out.data ? out.data : "", out.len);
	c->updview_wco_rls = true;
	c->updview_wco_part = false;
	bool failed = out.failed;
	strbuf_fini(&out);
	if (failed) {
		w->failed = true;
		return xlat_fail(c, SQLSTATE_OUT_OF_MEMORY, -1, "out of memory");
	}
	return true;
}

static bool find_column_ref(void *arg, const ProtobufCMessage *m)
{
	bool *found = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor)
		*found = true;
	return !*found && xlat_tree_each(m, find_column_ref, arg);
}

/* Whether an UPDATE reads the table's rows, which PostgreSQL's SELECT privilege on it marks
 * (then the SELECT policies filter the rows and check the new ones): a WHERE, FROM or
 * RETURNING, or a column in a SET value (any column: a subquery's of another table too). */
static bool update_reads(const PgQuery__UpdateStmt *s)
{
	if (s->where_clause || s->n_from_clause || s->n_returning_list)
		return true;
	bool found = false;
	for (size_t i = 0; i < s->n_target_list && !found; i++)
		(void)find_column_ref(&found, &s->target_list[i]->base);
	return found;
}

static bool visit(void *arg, const ProtobufCMessage *m);

/* COPY t [(cols)] TO: as PostgreSQL does for a table under row-level security, COPY (SELECT
 * cols FROM t) TO, whose scan the walk then filters. */
static bool copy_to(struct rls_walk *w, PgQuery__CopyStmt *s)
{
	const struct xlat_rls *t = subject(w->c, s->relation);
	if (!t)
		return true;
	struct xlat_ctx *c = w->c;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "SELECT ");
	for (size_t i = 0; i < s->n_attlist; i++) {
		const char *col = xlat_node_str(s->attlist[i]);
		if (!col) {
			strbuf_fini(&sb);
			return refuse(w, "this COPY column list");
		}
		if (i)
			strbuf_puts(&sb, ", ");
		strbuf_put_quoted(&sb, col, '"');
	}
	strbuf_puts(&sb, s->n_attlist ? " FROM x" : "* FROM x");
	PgQuery__Node *q =
		xlat_parse_one(c->a, arena_strndup(c->a, sb.data ? sb.data : "", sb.len));
	strbuf_fini(&sb);
	if (!q || q->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
	    q->select_stmt->n_from_clause != 1)
		return refuse(w, "this COPY TO");
	q->select_stmt->from_clause[0]->range_var = s->relation;
	s->relation = NULL;
	s->query = q;
	s->n_attlist = 0;
	s->attlist = NULL;
	(void)t;
	return true;
}

static bool each_item(struct rls_walk *w, PgQuery__Node **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!from_item(w, v[i]))
			return false;
	return true;
}

static bool visit(void *arg, const ProtobufCMessage *cm)
{
	struct rls_walk *w = arg;
	ProtobufCMessage *m = (ProtobufCMessage *)cm; /* the copy this file owns */
	const ProtobufCMessageDescriptor *d = m->descriptor;
	bool ok = true;
	if (d == &pg_query__select_stmt__descriptor) {
		PgQuery__SelectStmt *s = (PgQuery__SelectStmt *)m;
		ok = each_item(w, s->from_clause, s->n_from_clause);
	} else if (d == &pg_query__join_expr__descriptor) {
		PgQuery__JoinExpr *j = (PgQuery__JoinExpr *)m;
		ok = from_item(w, j->larg) && from_item(w, j->rarg);
	} else if (d == &pg_query__delete_stmt__descriptor) {
		PgQuery__DeleteStmt *s = (PgQuery__DeleteStmt *)m;
		ok = each_item(w, s->using_clause, s->n_using_clause) &&
		     target(w, s->relation, &s->where_clause, 'd',
			    s->where_clause || s->n_returning_list, "DELETE from");
	} else if (d == &pg_query__update_stmt__descriptor) {
		PgQuery__UpdateStmt *s = (PgQuery__UpdateStmt *)m;
		bool reads = update_reads(s);
		const struct xlat_rls *t = subject(w->c, s->relation);
		ok = each_item(w, s->from_clause, s->n_from_clause) &&
		     target(w, s->relation, &s->where_clause, 'w', reads, "UPDATE of") &&
		     (!t || !reads || select_check(w, s, t));
	} else if (d == &pg_query__insert_stmt__descriptor) {
		PgQuery__InsertStmt *s = (PgQuery__InsertStmt *)m;
		const struct xlat_rls *t = subject(w->c, s->relation);
		ok = target(w, s->relation, NULL, 'a', false, "INSERT into") &&
		     (!t || !s->n_returning_list || select_check(w, s, t));
	} else if (d == &pg_query__merge_stmt__descriptor) {
		PgQuery__MergeStmt *s = (PgQuery__MergeStmt *)m;
		ok = from_item(w, s->source_relation) &&
		     target(w, s->relation, NULL, 'm', false, "MERGE into");
	} else if (d == &pg_query__copy_stmt__descriptor) {
		PgQuery__CopyStmt *s = (PgQuery__CopyStmt *)m;
		ok = s->is_from ? target(w, s->relation, NULL, 'a', false, "COPY FROM into")
				: copy_to(w, s);
	}
	return ok && !w->failed && xlat_tree_each(m, visit, w);
}

static bool collect_ctes(void *arg, const ProtobufCMessage *m)
{
	struct rls_walk *w = arg;
	if (m->descriptor == &pg_query__common_table_expr__descriptor) {
		const char **v = arena_zalloc(w->c->a, (w->nctes + 1) * sizeof(*v));
		if (w->nctes)
			memcpy(v, w->ctes, w->nctes * sizeof(*v));
		v[w->nctes++] = ((const PgQuery__CommonTableExpr *)m)->ctename;
		w->ctes = v;
	}
	return xlat_tree_each(m, collect_ctes, w);
}

static bool any_subject(const struct xlat_ctx *c)
{
	for (size_t i = 0; c->env && i < c->env->nrls; i++)
		if (c->env->rls[i].enabled && c->env->rls[i].forced)
			return true;
	return false;
}

bool xlat_rls_apply(struct xlat_ctx *c, const PgQuery__Node **stmt)
{
	if (!any_subject(c) || !*stmt)
		return true;
	switch ((*stmt)->node_case) {
	case PG_QUERY__NODE__NODE_SELECT_STMT:
	case PG_QUERY__NODE__NODE_INSERT_STMT:
	case PG_QUERY__NODE__NODE_UPDATE_STMT:
	case PG_QUERY__NODE__NODE_DELETE_STMT:
	case PG_QUERY__NODE__NODE_MERGE_STMT:
	case PG_QUERY__NODE__NODE_COPY_STMT:
	case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
	case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT:
	case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
	case PG_QUERY__NODE__NODE_VIEW_STMT:
		break;
	default:
		return true;
	}
	struct rls_walk w = {.c = c};
	PgQuery__Node *copy = xlat_tree_copy(c->a, &(*stmt)->base);
	(void)collect_ctes(&w, &copy->base);
	if ((*stmt)->node_case == PG_QUERY__NODE__NODE_VIEW_STMT) /* applied when it is read */
		return true;
	bool ok = visit(&w, &copy->base) && !w.failed;
	if (ok && w.applied)
		*stmt = copy;
	return ok;
}
