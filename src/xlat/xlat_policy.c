/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_policy.c: row-level security's DDL — ALTER TABLE ... ENABLE | DISABLE | FORCE | NO
 * FORCE ROW LEVEL SECURITY, CREATE POLICY, ALTER POLICY (roles, USING, WITH CHECK, RENAME TO)
 * and DROP POLICY — as scripts over the sidecars catalog_policy.c reads (CATALOG_RLS_SIDECARS),
 * checked as PostgreSQL's policy.c checks them. xlat_rls.c applies the policies. */
#include "xlat_int.h"

#include "catalog.h"

#include <string.h>

#define OBJ(x) PG_QUERY__OBJECT_TYPE__OBJECT_##x
#define AT(x) PG_QUERY__ALTER_TABLE_TYPE__AT_##x

static void script(struct xlat_ctx *c, const char *tag)
{
	c->st->tag = tag;
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, CATALOG_RLS_SIDECARS);
}

/* The table rv names (the session's own, a table, not a view): 42P01 / 42809 otherwise. */
static bool own_table(struct xlat_ctx *c, const PgQuery__RangeVar *rv, bool *missing)
{
	const char *schema = rv->schemaname;
	const struct xlat_schema_col *cols;
	size_t n;
	if (missing)
		*missing = false;
	if (schema && schema[0] && strcmp(schema, "public") != 0 &&
	    !(c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0))
		return xlat_unsupported(c, rv->location,
					"row-level security of another tenant's table");
	if (!c->schema || !c->schema->table_fn(c->schema->arg, rv->relname, c->a, &cols, &n)) {
		if (missing) {
			*missing = true;
			return false;
		}
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, -1, /* no position: PostgreSQL's */
				 "relation \"%s\" does not exist", rv->relname);
	}
	char kind = c->schema->relkind_fn ? c->schema->relkind_fn(c->schema->arg, rv->relname) : 0;
	if (kind)
		return xlat_fail(c, "42809", -1, "\"%s\" is not a table", rv->relname);
	return true;
}

static const struct xlat_policy *policy(const struct xlat_ctx *c, const char *table,
					const char *name)
{
	const struct xlat_rls *t = xlat_rls_find(c, table);
	for (size_t i = 0; t && i < t->npolicies; i++)
		if (strcmp(t->policies[i].name, name) == 0)
			return &t->policies[i];
	return NULL;
}

static bool no_policy(struct xlat_ctx *c, const char *table, const char *name)
{
	return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
			 "policy \"%s\" for table \"%s\" does not exist", name, table);
}

/* TO roles as the sidecar keeps them ("a,b"; NULL: PUBLIC), each checked to exist when the
 * script runs (shardlite_policy_role). */
static bool roles_text(struct xlat_ctx *c, PgQuery__Node **roles, size_t n, const char **out,
		       struct strbuf *checks)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool public = false;
	for (size_t i = 0; i < n; i++) {
		const PgQuery__RoleSpec *r = roles[i]->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC
						     ? roles[i]->role_spec
						     : NULL;
		const char *name = NULL;
		switch (r ? r->roletype : PG_QUERY__ROLE_SPEC_TYPE__ROLE_SPEC_TYPE_UNDEFINED) {
		case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
			public
			= true;
			continue;
		case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
			name = r->rolename;
			strbuf_puts(checks, "; SELECT shardlite_policy_role(");
			strbuf_put_quoted(checks, name, '\'');
			strbuf_puts(checks, ")");
			break;
		case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER:
		case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE:
		case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER:
			name = c->env ? c->env->user : NULL;
			break;
		default:
			break;
		}
		if (!name || strchr(name, ',')) {
			strbuf_fini(&sb);
			return xlat_unsupported(c, r ? r->location : -1, "this policy role");
		}
		strbuf_printf(&sb, "%s%s", sb.len ? "," : "", name);
	}
	/* PostgreSQL keeps PUBLIC alone when it is named among others */
	*out = public || !sb.len ? NULL : arena_strndup(c->a, sb.data, sb.len);
	strbuf_fini(&sb);
	return true;
}

/* An expression as pg_get_expr prints it (as an index predicate over the table's columns),
 * else as libpg_query deparses it; checked by translating a scan of the table with it, whose
 * SQLite text the script prepares (*probe: SQLite finds the columns; 42703). */
static bool expr_text(struct xlat_ctx *c, const char *table, PgQuery__Node *n, const char **out,
		      struct strbuf *probes)
{
	*out = NULL;
	if (!n)
		return true;
	const char *src = xlat_deparse_expr(c, n);
	if (!src)
		return xlat_unsupported(c, xlat_tree_location(&n->base), "this policy expression");
	if (c->env) { /* 42703 for a column the table lacks, 42883 for a function, ... */
		struct xlat_env env = *c->env;
		env.later = env.aborted = env.bind_consts = false;
		struct xlat_stmt *st;
		size_t nst;
		struct strbuf q;
		strbuf_init(&q, 0);
		strbuf_puts(&q, "SELECT 1 FROM ");
		strbuf_put_quoted(&q, table, '"');
		strbuf_printf(&q, " WHERE (%s)::boolean", src);
		const char *probe = arena_strndup(c->a, q.data ? q.data : "", q.len);
		strbuf_fini(&q);
		if (!xlat_translate_in(&env, probe, NULL, 0, c->a, &st, &nst, c->err)) {
			c->err->position = 0;
			return false;
		}
		if (nst == 1 && st[0].kind == XLAT_SQL && st[0].sql && !st[0].nparams)
			strbuf_printf(probes, "; SELECT 1 FROM (%s) WHERE 0", st[0].sql);
	}
	const char *pg = NULL;
	PgQuery__Node *copy = xlat_tree_copy(c->a, &n->base);
	if (xlat_ruleutils_indexexpr(table, copy, true, false, c->schema, c->a, &pg) && pg)
		*out = pg;
	else
		*out = arena_printf(c->a, "(%s)", src);
	return true;
}

static char cmd_of(const char *name)
{
	if (!name || strcmp(name, "all") == 0)
		return '*';
	if (strcmp(name, "select") == 0)
		return 'r';
	if (strcmp(name, "insert") == 0)
		return 'a';
	if (strcmp(name, "update") == 0)
		return 'w';
	return 'd';
}

static void put_text(struct xlat_ctx *c, const char *s)
{
	xlat_string_or_null(c, s);
}

/* ---- WITH CHECK: SQLite triggers that check each new row ----
 * A table whose policies apply (enabled and forced) carries two SQLite triggers, made again
 * by every change of its policies or flags: AFTER INSERT and AFTER UPDATE, each reading the
 * new row (by rowid) against the policies' WITH CHECK (USING where a policy has none) and
 * raising PostgreSQL's 42501 when it fails, so that every way a row is written (INSERT, ON
 * CONFLICT DO UPDATE, COPY FROM, a function's statements) is checked. Their names end with
 * XLAT_RLS_INSERT / XLAT_RLS_UPDATE; the catalog does not show them. */

struct rls_state {
	bool enabled, forced;
	const struct xlat_policy *p;
	size_t n;
};

/* The policy's TO list as a condition on the current user (NULL: everyone). */
static const char *role_cond(struct xlat_ctx *c, const struct xlat_policy *p)
{
	if (!p->roles || !p->roles[0])
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "current_user IN (");
	const char *s = p->roles;
	bool first = true;
	while (*s) {
		size_t n = strcspn(s, ",");
		char *name = arena_strndup(c->a, s, n);
		if (strcmp(name, "pg_database_owner") == 0) { /* every user acts as the owner */
			strbuf_fini(&sb);
			return NULL;
		}
		strbuf_puts(&sb, first ? "" : ", ");
		strbuf_put_quoted(&sb, name, '\'');
		first = false;
		s += n + (s[n] == ',');
	}
	strbuf_puts(&sb, ")");
	const char *out = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* The new-row check for command cmd ('a' INSERT, 'w' UPDATE) as PostgreSQL text, as
 * PostgreSQL combines the policies' WITH CHECK (or USING) expressions. */
static const char *check_text(struct xlat_ctx *c, const struct rls_state *st, char cmd)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	int np = 0;
	for (int restrictive = 0; restrictive < 2; restrictive++) {
		if (restrictive)
			strbuf_puts(&sb, np ? ")" : "false");
		for (size_t i = 0; i < st->n; i++) {
			const struct xlat_policy *p = &st->p[i];
			const char *e = p->with_check ? p->with_check : p->qual;
			if (p->permissive == restrictive || (p->cmd != '*' && p->cmd != cmd) || !e)
				continue;
			const char *who = role_cond(c, p);
			if (!restrictive && who)
				strbuf_printf(&sb, "%s(%s AND (%s))", np++ ? " OR " : "(", who, e);
			else if (!restrictive)
				strbuf_printf(&sb, "%s(%s)", np++ ? " OR " : "(", e);
			else if (who)
				strbuf_printf(&sb, " AND (NOT %s OR (%s))", who, e);
			else
				strbuf_printf(&sb, " AND (%s)", e);
		}
	}
	const char *out = arena_strndup(c->a, sb.data ? sb.data : "false", sb.len);
	strbuf_fini(&sb);
	return out;
}

static bool emit_trigger(struct xlat_ctx *c, const char *table, const struct rls_state *st,
			 char cmd)
{
	struct strbuf q;
	strbuf_init(&q, 0);
	strbuf_puts(&q, "SELECT 1 FROM ");
	strbuf_put_quoted(&q, table, '"');
	strbuf_printf(&q, " WHERE NOT COALESCE((%s), false)", check_text(c, st, cmd));
	const char *probe = arena_strndup(c->a, q.data ? q.data : "", q.len);
	strbuf_fini(&q);
	struct xlat_env env = c->env ? *c->env : (struct xlat_env){0};
	env.later = env.aborted = env.bind_consts = false;
	env.nrls = 0; /* the check reads the new row itself */
	env.rls = NULL;
	struct xlat_stmt *x;
	size_t nx;
	if (!xlat_translate_in(&env, probe, NULL, 0, c->a, &x, &nx, c->err)) {
		c->err->position = 0;
		return false;
	}
	if (nx != 1 || x[0].kind != XLAT_SQL || !x[0].sql || x[0].nparams ||
	    strncmp(x[0].sql, "SELECT 1 ", 9) != 0 || !strstr(x[0].sql, " WHERE "))
		return xlat_unsupported(c, -1, "this policy's WITH CHECK expression");
	const char *suffix = cmd == 'a' ? XLAT_RLS_INSERT : XLAT_RLS_UPDATE;
	xlat_puts(c, "; CREATE TRIGGER ");
	xlat_ident(c, arena_printf(c->a, "%s%s", table, suffix));
	xlat_puts(c, cmd == 'a' ? " AFTER INSERT ON " : " AFTER UPDATE ON ");
	xlat_ident(c, table);
	xlat_puts(c, " BEGIN SELECT shardlite_rls_violation(");
	xlat_string(c, table);
	xlat_printf(c, ") WHERE EXISTS (%s AND rowid = NEW.rowid); END", x[0].sql);
	return true;
}

static bool emit_triggers(struct xlat_ctx *c, const char *table, const struct rls_state *st)
{
	xlat_puts(c, "; SELECT shardlite_rls_untrigger(");
	xlat_string(c, table);
	xlat_puts(c, ")");
	if (!st->enabled || !st->forced)
		return true;
	return emit_trigger(c, table, st, 'a') && emit_trigger(c, table, st, 'w');
}

/* The table's state as recorded, with policy `without` left out and `with` added (either
 * NULL: none). */
static struct rls_state state_of(struct xlat_ctx *c, const char *table, const char *without,
				 const struct xlat_policy *with)
{
	const struct xlat_rls *t = xlat_rls_find(c, table);
	struct rls_state st = {t && t->enabled, t && t->forced, NULL, 0};
	size_t n = t ? t->npolicies : 0;
	struct xlat_policy *v = arena_zalloc(c->a, (n + 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		if (!without || strcmp(t->policies[i].name, without) != 0)
			v[st.n++] = t->policies[i];
	if (with)
		v[st.n++] = *with;
	st.p = v;
	return st;
}

bool xlat_stmt_create_policy(struct xlat_ctx *c, const PgQuery__CreatePolicyStmt *s)
{
	char cmd = cmd_of(s->cmd_name);
	if ((cmd == 'r' || cmd == 'd') && s->with_check)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "WITH CHECK cannot be applied to SELECT or DELETE");
	if (cmd == 'a' && s->qual)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "only WITH CHECK expression allowed for INSERT");
	const char *table = s->table->relname;
	if (!own_table(c, s->table, NULL))
		return false;
	if (policy(c, table, s->policy_name))
		return xlat_fail(c, "42710", -1, "policy \"%s\" for table \"%s\" already exists",
				 s->policy_name, table);
	struct strbuf checks;
	strbuf_init(&checks, 0);
	const char *roles, *qual, *check;
	bool ok = roles_text(c, s->roles, s->n_roles, &roles, &checks) &&
		  expr_text(c, table, s->qual, &qual, &checks) &&
		  expr_text(c, table, s->with_check, &check, &checks);
	if (ok) {
		script(c, "CREATE POLICY");
		xlat_puts(c, checks.data ? checks.data : "");
		xlat_puts(c, "; INSERT INTO " CATALOG_SIDECAR_POLICIES " VALUES (");
		xlat_string(c, table);
		xlat_puts(c, ", ");
		xlat_string(c, s->policy_name);
		xlat_printf(c, ", '%c', %d, ", cmd, s->permissive ? 1 : 0);
		put_text(c, roles);
		xlat_puts(c, ", ");
		put_text(c, qual);
		xlat_puts(c, ", ");
		put_text(c, check);
		xlat_puts(c, ")");
		struct xlat_policy np = {s->policy_name, cmd, s->permissive, roles, qual, check};
		struct rls_state st = state_of(c, table, NULL, &np);
		ok = emit_triggers(c, table, &st);
		xlat_puts(c, CATALOG_RLS_BUMP);
	}
	strbuf_fini(&checks);
	return ok;
}

bool xlat_stmt_alter_policy(struct xlat_ctx *c, const PgQuery__AlterPolicyStmt *s)
{
	const char *table = s->table->relname;
	if (!own_table(c, s->table, NULL))
		return false;
	const struct xlat_policy *p = policy(c, table, s->policy_name);
	if (!p)
		return no_policy(c, table, s->policy_name);
	if (p->cmd == 'a' && s->qual)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "only WITH CHECK expression allowed for INSERT");
	if ((p->cmd == 'r' || p->cmd == 'd') && s->with_check)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "only USING expression allowed for SELECT, DELETE");
	struct strbuf checks;
	strbuf_init(&checks, 0);
	const char *roles = p->roles, *qual = p->qual, *check = p->with_check;
	bool ok = (!s->n_roles || roles_text(c, s->roles, s->n_roles, &roles, &checks)) &&
		  (!s->qual || expr_text(c, table, s->qual, &qual, &checks)) &&
		  (!s->with_check || expr_text(c, table, s->with_check, &check, &checks));
	if (ok) {
		script(c, "ALTER POLICY");
		xlat_puts(c, checks.data ? checks.data : "");
		xlat_puts(c, "; UPDATE " CATALOG_SIDECAR_POLICIES " SET roles = ");
		put_text(c, roles);
		xlat_puts(c, ", qual = ");
		put_text(c, qual);
		xlat_puts(c, ", with_check = ");
		put_text(c, check);
		xlat_puts(c, " WHERE relname = ");
		xlat_string(c, table);
		xlat_puts(c, " AND name = ");
		xlat_string(c, s->policy_name);
		struct xlat_policy np = {p->name, p->cmd, p->permissive, roles, qual, check};
		struct rls_state st = state_of(c, table, p->name, &np);
		ok = emit_triggers(c, table, &st);
		xlat_puts(c, CATALOG_RLS_BUMP);
	}
	strbuf_fini(&checks);
	return ok;
}

bool xlat_rename_policy(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	const char *table = s->relation->relname;
	if (!own_table(c, s->relation, NULL))
		return false;
	if (!policy(c, table, s->subname))
		return no_policy(c, table, s->subname);
	if (policy(c, table, s->newname))
		return xlat_fail(c, "42710", -1, "policy \"%s\" for table \"%s\" already exists",
				 s->newname, table);
	script(c, "ALTER POLICY");
	xlat_puts(c, "; UPDATE " CATALOG_SIDECAR_POLICIES " SET name = ");
	xlat_string(c, s->newname);
	xlat_puts(c, " WHERE relname = ");
	xlat_string(c, table);
	xlat_puts(c, " AND name = ");
	xlat_string(c, s->subname);
	xlat_puts(c, CATALOG_RLS_BUMP);
	return true;
}

bool xlat_drop_policies(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	script(c, "DROP POLICY");
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__Node *o = s->objects[i];
		size_t k = o->node_case == PG_QUERY__NODE__NODE_LIST ? o->list->n_items : 0;
		const char *table = k >= 2 ? xlat_node_str(o->list->items[k - 2]) : NULL;
		const char *name = k >= 2 ? xlat_node_str(o->list->items[k - 1]) : NULL;
		if (!table || !name || k > 3)
			return xlat_unsupported(c, -1, "this DROP POLICY");
		PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
		rv.relname = (char *)table;
		rv.schemaname = k == 3 ? (char *)xlat_node_str(o->list->items[0]) : NULL;
		rv.location = -1;
		bool missing;
		if (!own_table(c, &rv, &missing)) {
			if (!missing)
				return false;
			if (!s->missing_ok)
				return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, -1,
						 "relation \"%s\" does not exist", table);
			xlat_skip_note(c, "relation", NULL, table, false);
			continue;
		}
		if (!policy(c, table, name)) {
			if (!s->missing_ok)
				return no_policy(c, table, name);
			xlat_skip_note(c, "policy", table, name, false);
			continue;
		}
		xlat_puts(c, "; DELETE FROM " CATALOG_SIDECAR_POLICIES " WHERE relname = ");
		xlat_string(c, table);
		xlat_puts(c, " AND name = ");
		xlat_string(c, name);
		if (s->n_objects > 1) /* the triggers of several at once: one at a time only */
			return xlat_unsupported(c, -1, "DROP POLICY of several policies");
		struct rls_state st = state_of(c, table, name, NULL);
		if (!emit_triggers(c, table, &st))
			return false;
	}
	xlat_puts(c, CATALOG_RLS_BUMP);
	return true;
}

/* ALTER TABLE t whose actions are all ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY. */
static bool rls_action(const PgQuery__Node *n)
{
	int t = n->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD ? n->alter_table_cmd->subtype
								     : 0;
	return t == AT(EnableRowSecurity) || t == AT(DisableRowSecurity) ||
	       t == AT(ForceRowSecurity) || t == AT(NoForceRowSecurity);
}

bool xlat_alter_rls_only(const PgQuery__AlterTableStmt *s)
{
	for (size_t i = 0; i < s->n_cmds; i++)
		if (!rls_action(s->cmds[i]))
			return false;
	return s->n_cmds > 0;
}

bool xlat_alter_rls(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	const char *table = s->relation->relname;
	bool missing;
	if (!own_table(c, s->relation, s->missing_ok ? &missing : NULL)) {
		if (!s->missing_ok || !missing)
			return false;
		c->st->tag = "ALTER TABLE";
		c->st->kind = XLAT_NOOP;
		xlat_skip_note(c, "relation", NULL, table, false);
		return true;
	}
	script(c, "ALTER TABLE");
	struct rls_state st = state_of(c, table, NULL, NULL);
	for (size_t i = 0; i < s->n_cmds; i++) {
		int t = s->cmds[i]->alter_table_cmd->subtype;
		bool flag = t == AT(EnableRowSecurity) || t == AT(ForceRowSecurity);
		bool force = t == AT(ForceRowSecurity) || t == AT(NoForceRowSecurity);
		xlat_puts(c, "; INSERT INTO " CATALOG_SIDECAR_ROWSECURITY " VALUES (");
		xlat_string(c, table);
		xlat_printf(c, ", %d, %d) ON CONFLICT (relname) DO UPDATE SET %s = %d",
			    !force && flag, force && flag, force ? "forced" : "enabled", flag);
		if (force)
			st.forced = flag;
		else
			st.enabled = flag;
	}
	if (!emit_triggers(c, table, &st))
		return false;
	xlat_puts(c, CATALOG_RLS_BUMP);
	return true;
}

bool xlat_policy_names(const struct xlat_ctx *c, const char *table)
{
	const struct xlat_rls *t = table ? xlat_rls_find(c, table) : NULL;
	return t && t->npolicies;
}

struct col_use {
	const char *table, *col;
	bool found;
};

static bool find_col(void *arg, const ProtobufCMessage *m)
{
	struct col_use *u = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor) {
		const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)m;
		const char *last = xlat_node_str(cr->fields[cr->n_fields - 1]);
		const char *rel = cr->n_fields == 2 ? xlat_node_str(cr->fields[0]) : NULL;
		if (last && strcmp(last, u->col) == 0 &&
		    (cr->n_fields == 1 || (rel && strcmp(rel, u->table) == 0)))
			u->found = true;
	}
	return !u->found && xlat_tree_each(m, find_col, arg);
}

/* Whether the policy expression text e names column col of table: unqualified or as
 * table.col (anywhere, a subquery's column of the same name too); one that does not parse
 * counts as naming it. */
static bool uses_column(struct xlat_ctx *c, const char *table, const char *e, const char *col)
{
	if (!e)
		return false;
	PgQuery__Node *n = xlat_parse_expr(c->a, e);
	struct col_use u = {table, col, n == NULL};
	if (n)
		(void)find_col(&u, &n->base);
	return u.found;
}

/* DROP COLUMN / ALTER COLUMN TYPE of a column one of the table's policies reads: PostgreSQL's
 * dependency error (2BP01; CASCADE, which drops the policy, is 0A000 here) or its
 * ALTER TYPE refusal (0A000); of a column no policy reads they run as for any table (the
 * new-row triggers read only the policies' columns). */
static bool column_kept(struct xlat_ctx *c, const char *table, const PgQuery__AlterTableCmd *a)
{
	const struct xlat_rls *t = xlat_rls_find(c, table);
	const char *col = a->name;
	for (size_t i = 0; t && col && i < t->npolicies; i++) {
		const struct xlat_policy *p = &t->policies[i];
		if (!uses_column(c, table, p->qual, col) && !uses_column(c, table, p->with_check, col))
			continue;
		if (a->subtype == AT(AlterColumnType)) {
			xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				  "cannot alter type of a column used in a policy definition");
			pgerr_detail(c->err, "policy %s on table %s depends on column \"%s\"",
				     p->name, table, col);
			return false;
		}
		if (a->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
			return xlat_unsupported(c, -1,
						"ALTER TABLE ... DROP COLUMN ... CASCADE of a column a "
						"row-level security policy reads");
		xlat_fail(c, "2BP01", -1,
			  "cannot drop column %s of table %s because other objects depend on it",
			  col, table);
		pgerr_detail(c->err, "policy %s on table %s depends on column %s of table %s",
			     p->name, table, col, table);
		pgerr_hint(c->err, "Use DROP ... CASCADE to drop the dependent objects too.");
		return false;
	}
	return true;
}

bool xlat_policy_columns_kept(struct xlat_ctx *c, const PgQuery__AlterTableStmt *s)
{
	if (!s->relation || !xlat_policy_names(c, s->relation->relname))
		return true;
	for (size_t i = 0; i < s->n_cmds; i++) {
		const PgQuery__AlterTableCmd *a =
			s->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD
				? s->cmds[i]->alter_table_cmd
				: NULL;
		if (a && (a->subtype == AT(DropColumn) || a->subtype == AT(AlterColumnType)) &&
		    !column_kept(c, s->relation->relname, a))
			return false;
	}
	return true;
}
