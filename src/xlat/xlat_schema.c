/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_schema.c: schema prefixes name tenants. `public.t` and `t` are the session's own file
 * (SQLite's "main"), `pg_catalog.t` and `information_schema.t` the catalog, and any other
 * schema the tenant of that name, emitted as the SQLite schema the session attaches its file
 * under ("acme".t); `pg_temp.t` is the connection's temp schema (temp.t), where temporary
 * tables live (unqualified names find them first, as pg_temp leads PostgreSQL's search_path,
 * because SQLite resolves unqualified names in temp before main). Which tenants may be reached and whether they exist is the session's
 * business; here a schema only has to be a possible tenant name. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

#define TENANT_MAX 63 /* shard's SHARD_TENANT_MAX (xlat does not link shard) */

/* shard_tenant_name_check's rule, [a-z0-9][a-z0-9_-]{0,62} after folding to lower case:
 * the parser already folded unquoted names, a quoted "Acme" folds as a tenant name does. */
static bool tenant_name(const char *raw, char out[TENANT_MAX + 1])
{
	size_t n = strlen(raw);
	if (n < 1 || n > TENANT_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = raw[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
			  (i > 0 && (ch == '_' || ch == '-'));
		if (!ok)
			return false;
		out[i] = ch;
	}
	out[n] = '\0';
	return true;
}

void xlat_schema_reset(struct xlat_ctx *c)
{
	c->tenants = c->tenant_rels = NULL;
	c->tenant_pos = NULL;
	c->ntenants = c->tenants_cap = 0;
}

static void *grown(struct arena *a, const void *v, size_t n, size_t cap, size_t size)
{
	void *p = arena_alloc(a, cap * size);
	if (n)
		memcpy(p, v, n * size);
	return p;
}

/* Remembers tenant name, with the first relation named in it (schema as written). */
static void note_tenant(struct xlat_ctx *c, const char *name, const PgQuery__RangeVar *rv)
{
	for (size_t i = 0; i < c->ntenants; i++)
		if (strcmp(c->tenants[i], name) == 0)
			return;
	if (c->ntenants == c->tenants_cap) {
		size_t cap = c->tenants_cap ? c->tenants_cap * 2 : 4;
		c->tenants = grown(c->a, c->tenants, c->ntenants, cap, sizeof(*c->tenants));
		c->tenant_rels =
			grown(c->a, c->tenant_rels, c->ntenants, cap, sizeof(*c->tenant_rels));
		c->tenant_pos = grown(c->a, c->tenant_pos, c->ntenants, cap, sizeof(*c->tenant_pos));
		c->tenants_cap = cap;
	}
	bool prefixed = rv && rv->schemaname && *rv->schemaname;
	c->tenant_rels[c->ntenants] = !rv	    ? NULL
				      : prefixed ? arena_printf(c->a, "%s.%s", rv->schemaname, rv->relname)
						 : arena_strdup(c->a, rv->relname);
	c->tenant_pos[c->ntenants] = rv ? xlat_position(c, rv->location) : 0;
	c->tenants[c->ntenants++] = arena_strdup(c->a, name);
}

/* Where PostgreSQL reports a missing schema as a missing relation: in queries. */
static bool is_query(const struct xlat_stmt *st)
{
	static const char *const tags[] = {"SELECT", "INSERT", "UPDATE", "DELETE"};
	for (size_t i = 0; st->kind == XLAT_SQL && st->tag && i < ARRAY_LEN(tags); i++)
		if (strcmp(st->tag, tags[i]) == 0)
			return true;
	return false;
}

/* The tenant a schema prefix names, folded into out; NULL when it is the session's own. */
static bool prefix_tenant(struct xlat_ctx *c, const PgQuery__RangeVar *rv,
			  char out[TENANT_MAX + 1], bool *own)
{
	const char *schema = rv->schemaname;
	int location = rv->location;
	/* SQLite's own schema names cannot be attachment names; pg_* are PostgreSQL's. */
	if (!tenant_name(schema, out) || strcmp(out, "main") == 0 || strcmp(out, "temp") == 0 ||
	    strncmp(out, "pg_", 3) == 0)
		return is_query(c->st) /* as PostgreSQL answers a query */
			       ? xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, location,
					   "relation \"%s.%s\" does not exist", schema, rv->relname)
			       : xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, location,
				 "schema \"%s\" does not exist", schema);
	*own = c->env && c->env->tenant && strcmp(out, c->env->tenant) == 0;
	return true;
}

bool xlat_temp_hides(struct xlat_ctx *c, const char *name)
{
	const struct xlat_env *env = c->env;
	static const char *const making[] = {"CREATE TABLE", "CREATE VIEW",
					     "CREATE MATERIALIZED VIEW", "CREATE TABLE AS",
					     "CREATE SEQUENCE"};
	for (size_t i = 0; c->st->tag && i < ARRAY_LEN(making); i++)
		if (strcmp(c->st->tag, making[i]) == 0)
			return false; /* SQLite makes an unqualified name in main */
	if (!env || !env->temp_tables || !env->temp_rel_fn || !name ||
	    !env->temp_rel_fn(env->session_arg, name))
		return false;
	xlat_nocache(c);
	return true;
}

bool xlat_temp_rebuild_check(struct xlat_ctx *c, const PgQuery__Node *stmt)
{
	const PgQuery__RangeVar *rv = NULL;
	if (c->st->kind != XLAT_REBUILD || !stmt || !c->st->rebuild)
		return true;
	if (stmt->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)
		rv = stmt->alter_table_stmt->relation;
	else if (stmt->node_case == PG_QUERY__NODE__NODE_RENAME_STMT)
		rv = stmt->rename_stmt->relation;
	const char *schema = rv ? rv->schemaname : NULL;
	bool own = c->env && c->env->tenant && schema && strcmp(schema, c->env->tenant) == 0;
	if (schema && (strcmp(schema, "public") == 0 || own) && xlat_temp_hides(c, rv->relname))
		((struct xlat_rebuild *)c->st->rebuild)->hidden = true; /* the shard's to settle */
	/* the rebuild finds a temporary table first, else the permanent one: pg_temp.t of no
	 * temporary t must not reach the permanent t (PostgreSQL: no temp schema yet, 3F000) */
	if (schema && strcmp(schema, "pg_temp") == 0 && !xlat_temp_hides(c, rv->relname))
		return c->env && c->env->temp_tables
			       ? xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, rv->location,
					   "relation \"pg_temp.%s\" does not exist", rv->relname)
			       : xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, rv->location,
					   "schema \"pg_temp\" does not exist");
	return true;
}

bool xlat_schema_missing(struct xlat_ctx *c, const char *schema)
{
	static const char *const known[] = {"public", "pg_catalog", "information_schema",
					    "pg_temp", "pg_toast"};
	char t[TENANT_MAX + 1];
	for (size_t i = 0; i < ARRAY_LEN(known); i++)
		if (strcmp(schema, known[i]) == 0)
			return false;
	if (strncmp(schema, "pg_temp_", 8) == 0)
		return false; /* another session's temp schema: left to the usual refusal */
	bool missing = !tenant_name(schema, t) || strcmp(t, "main") == 0 ||
		       strcmp(t, "temp") == 0 || strncmp(t, "pg_", 3) == 0;
	if (!missing && !(c->env && c->env->tenant && strcmp(t, c->env->tenant) == 0))
		missing = c->env && c->env->tenant_missing_fn &&
			  c->env->tenant_missing_fn(c->env->session_arg, t);
	if (missing)
		xlat_nocache(c); /* the tenant may be created later */
	return missing;
}

/* "acme".t, remembering acme. */
static void emit_tenant_rel(struct xlat_ctx *c, const char *tenant, const PgQuery__RangeVar *rv)
{
	note_tenant(c, tenant, rv);
	c->rel_schema = tenant;
	xlat_ident(c, tenant);
	xlat_puts(c, ".");
	xlat_ident(c, rv->relname);
}

/* An unqualified name when search_path names no schema (xlat_env.no_search): nothing to find
 * it in, or to create it in, as PostgreSQL with an empty search_path. */
static bool no_schema(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	switch (c->top_stmt ? c->top_stmt->node_case : NODE(SELECT_STMT)) {
	case NODE(CREATE_STMT):
	case NODE(CREATE_TABLE_AS_STMT):
	case NODE(VIEW_STMT):
	case NODE(CREATE_SEQ_STMT):
		return xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, rv->location,
				 "no schema has been selected to create in");
	default:
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, rv->location,
				 "relation \"%s\" does not exist", rv->relname);
	}
}

bool xlat_relname(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	const char *schema = rv->schemaname;
	c->rel_schema = NULL;
	if (c->mod && !xlat_modcte_check(c, rv))
		return false;
	if (rv->catalogname && *rv->catalogname)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, rv->location,
				 "cross-database references are not implemented: %s.%s.%s",
				 rv->catalogname, schema, rv->relname);
	bool catalog = (!schema || !*schema) ? xlat_catalog_is_relation(rv->relname)
					     : strcmp(schema, "pg_catalog") == 0 ||
						       strcmp(schema, "information_schema") == 0;
	c->st->names_tables |= !catalog;
	if (!schema || !*schema) {
		if (c->env && c->env->no_search && !xlat_catalog_is_relation(rv->relname) &&
		    xlat_scope_cte_find(c, rv->relname) < 0)
			return no_schema(c, rv);
		/* pg_catalog is searched first, whatever search_path says */
		const char *search = c->env ? c->env->search : NULL;
		c->no_bind |= catalog; /* its virtual table may read constants while planning */
		if (search && !catalog && xlat_scope_cte_find(c, rv->relname) < 0) /* not a CTE */
			emit_tenant_rel(c, search, rv);
		else
			xlat_ident(c, rv->relname);
		return true;
	}
	if (strcmp(schema, "pg_catalog") == 0 || strcmp(schema, "information_schema") == 0)
		c->no_bind = true;
	if (strcmp(schema, "pg_catalog") == 0)
		return xlat_catalog_relname(c, rv);
	if (strcmp(schema, "information_schema") == 0)
		return xlat_catalog_infoschema(c, rv);
	if (strcmp(schema, "public") == 0) {
		if (c->env && c->env->temp_tables &&
		    (is_query(c->st) || xlat_temp_hides(c, rv->relname))) {
			c->rel_schema = "main";
			xlat_puts(c, "main.");
		}
		xlat_ident(c, rv->relname);
		return true;
	}
	if (strcmp(schema, "pg_temp") == 0) { /* the session's temp schema: its connection's */
		c->rel_schema = "temp";
		xlat_puts(c, "temp.");
		xlat_ident(c, rv->relname);
		return true;
	}
	char name[TENANT_MAX + 1];
	bool own = false;
	if (!prefix_tenant(c, rv, name, &own))
		return false;
	/* what acme.t means depends on the session's tenant, which is not in the cache key */
	xlat_nocache(c);
	if (own)
		xlat_ident(c, rv->relname);
	else
		emit_tenant_rel(c, name, rv);
	return true;
}

bool xlat_temp_is(const PgQuery__RangeVar *rv)
{
	return (rv->relpersistence && *rv->relpersistence == 't') ||
	       (rv->schemaname && strcmp(rv->schemaname, "pg_temp") == 0);
}

#define SQLSTATE_INVALID_TABLE_DEFINITION "42P16"

bool xlat_temp_create(struct xlat_ctx *c, const PgQuery__RangeVar *rv, PgQuery__OnCommitAction oc)
{
	/* PRESERVE ROWS written out is refused on a permanent table too, as in PostgreSQL */
	bool on_commit = oc == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DELETE_ROWS ||
			 oc == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP ||
			 oc == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_PRESERVE_ROWS;
	if (!xlat_temp_is(rv))
		return !on_commit ||
		       xlat_fail(c, SQLSTATE_INVALID_TABLE_DEFINITION, -1,
				 "ON COMMIT can only be used on temporary tables");
	if (rv->schemaname && *rv->schemaname && strcmp(rv->schemaname, "pg_temp") != 0)
		return xlat_fail(c, SQLSTATE_INVALID_TABLE_DEFINITION, rv->location,
				 "cannot create temporary relation in non-temporary schema");
	/* a temp table lives on the session's connection; a hub session's changes file */
	if (c->env && c->env->no_default)
		return xlat_unsupported(c, rv->location,
					"a temporary table in a session without a default tenant");
	xlat_nocache(c); /* temp_table below is the statement's own */
	c->st->temp_on_commit = oc == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP	       ? 'D'
				: oc == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DELETE_ROWS ? 'd'
											 : 0;
	c->st->temp_table = arena_strdup(c->a, rv->relname);
	return true;
}

/* The schema name a catalog filter asks for: the string s compared with = or, for ~, psql's
 * exact-name pattern ^(name)$; NULL for any other pattern. */
static const char *asked_name(struct xlat_ctx *c, const char *op, const char *s)
{
	if (strcmp(op, "=") == 0)
		return s;
	size_t n = strlen(s);
	if (n < 5 || strncmp(s, "^(", 2) != 0 || strcmp(s + n - 2, ")$") != 0 ||
	    strspn(s + 2, "abcdefghijklmnopqrstuvwxyz0123456789_-") != n - 4)
		return NULL;
	return arena_strndup(c->a, s + 2, n - 4);
}

/* A catalog column holding a relation's OID. */
static bool oid_column(const char *col)
{
	static const char *const cols[] = {"oid",      "attrelid", "indrelid", "conrelid",
					   "inhrelid", "inhparent", "tgrelid", "polrelid",
					   "stxrelid", "partrelid", "ev_class", "adrelid",
					   "objoid",   "indexrelid", "confrelid"};
	for (size_t i = 0; i < ARRAY_LEN(cols); i++)
		if (strcmp(col, cols[i]) == 0)
			return true;
	return false;
}

static const char *const schema_name_cols[] = {"nspname", "table_schema", "schemaname",
						"schema_name"};

static bool listed(const char *col, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(col, names[i]) == 0)
			return true;
	return false;
}

/* A column holding a relation's, type's, constraint's or function's schema OID. */
static bool nsp_oid_column(const char *col)
{
	static const char *const cols[] = {"relnamespace", "typnamespace", "connamespace",
					   "pronamespace"};
	return listed(col, cols, ARRAY_LEN(cols));
}

/* `nspname = $n` (a schema's name) or `relnamespace = $n` (its OID): the schema asked for is
 * known once bound (xlat_stmt.described_param). */
static void note_param(struct xlat_stmt *st, const char *col, int number)
{
	bool by_name = listed(col, schema_name_cols, ARRAY_LEN(schema_name_cols));
	bool by_oid = nsp_oid_column(col);
	if ((!by_name && !by_oid) || number < 1 || number > UINT16_MAX)
		return;
	if ((st->described_param && (st->described_param != number ||
				     st->described_by_oid != by_oid)) ||
	    st->described_schema)
		st->described_many = true;
	st->described_param = (uint16_t)number;
	st->described_by_oid = by_oid;
}

/* The schema asked for by a constant: its name, or with by_oid its OID's digits. */
static void note_const(struct xlat_ctx *c, const char *value, bool by_oid)
{
	struct xlat_stmt *st = c->st;
	xlat_nocache(c); /* the value is a constant, which the cache key leaves out */
	if ((st->described_schema &&
	     (strcmp(st->described_schema, value) != 0 || st->described_by_oid != by_oid)) ||
	    st->described_param)
		st->described_many = true;
	st->described_schema = arena_strdup(c->a, value);
	st->described_by_oid = by_oid;
}

/* `relnamespace = 1710209894`, `= 1710209894::oid` (pgAdmin) or `= 'beta'::regnamespace`.
 * Only a session without a default tenant moves for it (sess_hub_describe); elsewhere the
 * statement stays cacheable. */
static void note_nsp_oid(struct xlat_ctx *c, const PgQuery__Node *r)
{
	if (!c->env || !c->env->no_default)
		return;
	const char *cast = NULL;
	if (r->node_case == NODE(TYPE_CAST) && r->type_cast->type_name &&
	    r->type_cast->type_name->n_names && !r->type_cast->type_name->n_array_bounds) {
		const PgQuery__TypeName *tn = r->type_cast->type_name;
		cast = xlat_node_str(tn->names[tn->n_names - 1]);
		r = r->type_cast->arg;
	}
	if (!r || r->node_case != NODE(A_CONST))
		return;
	const PgQuery__AConst *k = r->a_const;
	bool is_int = k->val_case == PG_QUERY__A__CONST__VAL_IVAL;
	bool is_str = k->val_case == PG_QUERY__A__CONST__VAL_SVAL;
	if (cast && strcmp(cast, "regnamespace") == 0 && is_str)
		note_const(c, k->sval->sval, false);
	else if ((!cast || strcmp(cast, "oid") == 0) && is_int && k->ival->ival > 0)
		note_const(c, arena_printf(c->a, "%d", k->ival->ival), true);
	else if (cast && strcmp(cast, "oid") == 0 && is_str && k->sval->sval[0] &&
		 strspn(k->sval->sval, "0123456789") == strlen(k->sval->sval))
		note_const(c, k->sval->sval, true);
}

void xlat_schema_note_filter(struct xlat_ctx *c, const PgQuery__AExpr *e)
{
	/* OPERATOR(pg_catalog.~), as psql writes it, is the same operator */
	const char *op = e->n_name == 1 || (e->n_name == 2 && xlat_node_str(e->name[0]) &&
					   strcmp(xlat_node_str(e->name[0]), "pg_catalog") == 0)
				 ? xlat_node_str(e->name[e->n_name - 1])
				 : NULL;
	const PgQuery__Node *l = e->lexpr, *r = e->rexpr;
	if (!op || (strcmp(op, "=") != 0 && strcmp(op, "~") != 0) || !l || !r ||
	    l->node_case != NODE(COLUMN_REF))
		return;
	if (r->node_case == NODE(COLLATE_CLAUSE)) /* psql: '^(beta)$' COLLATE pg_catalog.default */
		r = r->collate_clause->arg;
	const PgQuery__ColumnRef *cr = l->column_ref;
	const char *col = xlat_node_str(cr->fields[cr->n_fields - 1]);
	bool eq = strcmp(op, "=") == 0;
	if (!col || !r)
		return;
	if (r->node_case == NODE(A_CONST) && eq)
		c->st->oid_lookup |= oid_column(col);
	if (r->node_case == NODE(PARAM_REF) && eq)
		note_param(c->st, col, r->param_ref->number);
	if (eq && nsp_oid_column(col))
		note_nsp_oid(c, r);
	if (r->node_case != NODE(A_CONST) || r->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
	    !listed(col, schema_name_cols, ARRAY_LEN(schema_name_cols)))
		return;
	const char *name = asked_name(c, op, r->a_const->sval->sval);
	if (name)
		note_const(c, name, false);
}

bool xlat_relname_local(struct xlat_ctx *c, const PgQuery__RangeVar *rv)
{
	size_t before = c->ntenants;
	struct strbuf *saved = c->sb, scratch;
	strbuf_init(&scratch, 0);
	c->sb = &scratch;
	bool ok = xlat_relname(c, rv);
	c->sb = saved;
	strbuf_fini(&scratch);
	if (ok && c->ntenants != before)
		return xlat_unsupported(c, rv->location,
					"a reference to a table in another tenant's schema");
	if (!ok)
		return false;
	/* emitted again in place: what went to the scratch buffer is not in the statement */
	return xlat_relname(c, rv);
}

/* Statements whose SQLite form names the table apart from its schema, or which the session
 * runs as several steps by table name, only work in the session's own file. */
static const char *local_only(const struct xlat_stmt *st)
{
	switch (st->kind) {
	case XLAT_COPY:
		return st->copy && st->copy->table ? "COPY of a table in another tenant's schema"
						   : NULL;
	case XLAT_REBUILD:
		if (st->rebuild && st->rebuild->kind == XLAT_RB_SCRIPT && st->rebuild->label)
			return "CREATE INDEX in another tenant's schema";
		if (st->rebuild && st->rebuild->kind == XLAT_RB_RENAME_CONSTRAINT)
			return "RENAME CONSTRAINT in another tenant's schema";
		if (st->rebuild && st->rebuild->kind == XLAT_RB_VALIDATE && !st->rebuild->next)
			return "VALIDATE CONSTRAINT in another tenant's schema";
		if (st->rebuild && st->rebuild->kind == XLAT_RB_ALTER_CONSTRAINT &&
		    !st->rebuild->next)
			return "ALTER CONSTRAINT in another tenant's schema";
		return st->rebuild && st->rebuild->next
			       ? "ALTER TABLE with several actions on a table in another tenant's schema"
			       : "adding a constraint to a table in another tenant's schema";
	case XLAT_SCRIPT: /* TRUNCATE's keys are looked up in each table's file */
		if (st->truncate && !st->truncate_restart)
			return NULL;
		return st->truncate ? "TRUNCATE ... RESTART IDENTITY in another tenant's schema"
				    : "a statement on several tables in another tenant's schema";
	case XLAT_SQL:
		if (st->tag && strcmp(st->tag, "CREATE VIEW") == 0)
			return "CREATE VIEW in or over another tenant's schema";
		if (st->tag && strcmp(st->tag, "CREATE INDEX") == 0)
			return "CREATE INDEX in another tenant's schema";
		return NULL;
	default:
		return NULL;
	}
}

bool xlat_schema_finish(struct xlat_ctx *c)
{
	struct xlat_stmt *st = c->st;
	if (!c->ntenants)
		return true;
	const char *what = local_only(st);
	if (what)
		return xlat_unsupported(c, -1, what);
	st->tenants = c->tenants;
	st->ntenants = c->ntenants;
	if (is_query(st)) {
		st->tenant_rels = c->tenant_rels;
		st->tenant_pos = c->tenant_pos;
	}
	return true;
}
