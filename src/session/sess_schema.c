/* SPDX-License-Identifier: Apache-2.0 */
/* sess_schema.c: schema prefixes name tenants, the session's half. search_path becomes the
 * translator's environment; before a statement that names other tenants runs, each is checked
 * (the user's tenant list: 42501, as at connect time; existence: 3F000) and its file attached
 * to the session's connection. Attachments end with the transaction (or the autocommit
 * statement): they are dropped whenever the session is between transactions. */
#include "session_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The next element of a search_path list into out (unquoted, as PostgreSQL's
 * SplitIdentifierString: "x" keeps case, bare words are folded); false at the end. */
static bool next_elem(const char **p, char *out, size_t outlen)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t' || *s == ',')
		s++;
	if (!*s)
		return false;
	size_t n = 0;
	if (*s == '"') {
		for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
			if (*s == '"')
				s++; /* "" is one quote */
			if (n + 1 < outlen)
				out[n++] = *s;
		}
		if (*s == '"')
			s++;
	} else {
		for (; *s && *s != ',' && *s != ' ' && *s != '\t'; s++)
			if (n + 1 < outlen)
				out[n++] = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
	}
	out[n] = '\0';
	while (*s && *s != ',')
		s++;
	*p = s;
	return true;
}

/* Whether a search_path element is one that unqualified table names never resolve to here:
 * "$user" (no such schemas), the catalog schemas (catalog names are found first anyway). */
static bool skipped(const char *elem)
{
	return strcmp(elem, "$user") == 0 || strcmp(elem, "pg_catalog") == 0 ||
	       strcmp(elem, "pg_temp") == 0 || strcmp(elem, "information_schema") == 0;
}

static bool is_local(const char *const *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], name) == 0)
			return true;
	return false;
}

/* xlat_env.search_local: search_path's elements that are the tenant's own schemas or public
 * (the tenant's own name too), kept only when one of its own schemas is among them; and
 * where pg_temp stands among them (xlat_env.temp_after, .temp_first), which matters only
 * while the session holds temporary relations. */
static void search_local(struct session *s, const char *own, struct xlat_env *env)
{
	env->nsearch_local = 0;
	env->ntemp_after = 0;
	env->temp_first = false;
	bool any = false, temp = false, first = true;
	const char *p = sess_guc_search_path(s);
	char elem[256];
	while (p && next_elem(&p, elem, sizeof(elem)) &&
	       env->nsearch_local < XLAT_SEARCH_LOCAL_MAX) {
		if (strcmp(elem, "pg_temp") == 0 && !temp) {
			temp = true;
			env->temp_first = first;
			env->ntemp_after = env->nsearch_local; /* those before it */
			memcpy(env->temp_after, env->search_local,
			       env->nsearch_local * sizeof(*env->temp_after));
			continue;
		}
		first = false;
		if (strcmp(elem, "$user") == 0 && s->user)
			snprintf(elem, sizeof(elem), "%s", s->user);
		for (size_t i = 0; i < env->nlocal_schemas; i++) {
			if (strcmp(env->local_schemas[i], elem) == 0) { /* the snapshot's string */
				env->search_local[env->nsearch_local++] = env->local_schemas[i];
				any = true;
				elem[0] = '\0';
				break;
			}
		}
		if (elem[0] && (strcmp(elem, "public") == 0 || strcmp(elem, own) == 0))
			env->search_local[env->nsearch_local++] = "";
	}
	if (!any)
		env->nsearch_local = 0;
	if (!env->temp_tables) /* no temporary relation to find or hide */
		env->ntemp_after = 0;
}

/* The tenant search_path chooses for unqualified names, written to search: the first element
 * that is a tenant other than own (the connection's file) the user may reach and that exists;
 * NULL when the first usable element is public (in a session with a tenant) or own (*chose
 * true), or when none is left (*chose false). */
static const char *search_tenant(struct session *s, const char *own,
				 char search[SHARD_TENANT_MAX + 1], bool *chose)
{
	*chose = true;
	const char *p = sess_guc_search_path(s);
	char elem[256];
	struct pgerr ignored;
	while (p && next_elem(&p, elem, sizeof(elem))) {
		/* without a default tenant, "$user" is the tenant named as the user, as PostgreSQL's
		 * schema of that name (with one, it would take unqualified names elsewhere) */
		if (strcmp(elem, "$user") == 0 && !s->tenant[0] && s->user)
			snprintf(elem, sizeof(elem), "%s", s->user);
		else if (skipped(elem))
			continue;
		size_t nl = 0; /* the tenant's own schema of that name comes first */
		const char *const *locals = s->tenant[0] ? sess_types_local_schemas(s, &nl) : NULL;
		if (is_local(locals, nl, elem))
			continue;
		if (strcmp(elem, "public") == 0 && s->tenant[0])
			return NULL;
		if (!shard_tenant_name_check(elem, search, &ignored))
			continue; /* cannot be a tenant, so it does not exist */
		if (strcmp(search, own) == 0)
			return NULL;
		/* PostgreSQL skips schemas that do not exist or that the user may not use; the
		 * user's tenant list is checked first, so the others' existence does not show */
		if (strcmp(search, "main") == 0 || strcmp(search, "temp") == 0 ||
		    (s->auth_user && !auth_user_may_reach(s->auth_user, search)) ||
		    !shard_tenant_exists(s->env->shards, search))
			continue;
		return search;
	}
	*chose = false;
	return NULL;
}

/* xlat_env.tenant_missing_fn: a tenant the user may reach that has no file (one the user may
 * not reach is not said to be missing: its 42501 comes first, as for any other statement). */
static bool tenant_missing(void *arg, const char *tenant)
{
	struct session *s = arg;
	if (s->auth_user && !auth_user_may_reach(s->auth_user, tenant))
		return false;
	return !shard_tenant_exists(s->env->shards, tenant);
}

void sess_schema_env(struct session *s, struct xlat_env *env, char search[SHARD_TENANT_MAX + 1])
{
	const char *own = s->conn ? shard_conn_tenant(s->conn) : s->tenant;
	env->tenant = own[0] ? own : NULL;
	bool chose;
	env->no_default = !s->tenant[0];
	env->schema = sess_types(s); /* first: its own schemas are not tenants */
	env->search = search_tenant(s, own, search, &chose);
	env->no_search = env->no_default && !chose;
	env->bind_consts = false; /* the simple protocol asks for it (sess_simple.c) */
	env->later = false;
	env->aborted = false; /* the simple and extended protocols ask for it */
	env->temp_tables = s->conn && shard_conn_pinned(s->conn);
	env->transitions = sess_trigger_transitions(s, &env->ntransitions);
	env->builtin_fn = catalog_builtin_function;
	env->builtin_call = catalog_builtin_call;
	env->oper_fn = catalog_operator_function;
	env->extensions = sess_types_extensions(s);
	env->local_schemas = NULL;
	env->nlocal_schemas = 0;
	if (!env->no_default) /* a session without a default tenant: prefixes name tenants */
		env->local_schemas = sess_types_local_schemas(s, &env->nlocal_schemas);
	search_local(s, own, env);
	env->defkey_fn = sess_types_defkey;
	env->arbiter_fn = sess_types_arbiter;
	env->refkey_fn = sess_types_refkey;
	env->rowtype_users_fn = sess_types_rowtype_users;
	env->tenant_missing_fn = tenant_missing;
	env->temp_rel_fn = sess_temp_relation;
	env->file_rel_fn = sess_temp_file_relation;
	env->file_table_fn = sess_types_file_table;
	env->view_fn = sess_view_sql;
	env->table_sql_fn = sess_table_sql;
	env->partition_fn = sess_types_partition;
	env->enum_indexes_fn = sess_enum_indexes;
	env->user = s->user;
	env->rls = env->schema ? sess_types_rls(s, &env->nrls) : NULL;
	if (!env->rls)
		env->nrls = 0;
	const char *rs = sess_guc_get(s, "row_security");
	env->row_security_off = rs && (strcasecmp(rs, "off") == 0 || strcasecmp(rs, "false") == 0 ||
				       strcmp(rs, "0") == 0);
	env->session_arg = s;
}

const char *sess_schema_home(struct session *s, char out[SHARD_TENANT_MAX + 1])
{
	if (s->tenant[0])
		return s->tenant;
	if (s->rare && s->rare->describe[0]) /* for one catalog query (sess_hub_describe) */
		return s->rare->describe;
	bool chose;
	const char *t = search_tenant(s, SHARD_HUB, out, &chose);
	return t ? t : SHARD_HUB;
}

static bool check_reach(struct session *s, const char *tenant, struct pgerr *err)
{
	if (!s->auth_user || auth_user_may_reach(s->auth_user, tenant))
		return true;
	return pgerr_set(err, SQLSTATE_INSUFFICIENT_PRIVILEGE, "permission denied for schema %s",
			 tenant);
}

bool sess_schema_attach(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (!x || !x->ntenants)
		return true;
	int missing = 0;
	for (size_t i = 0; i < x->ntenants; i++) {
		if (!check_reach(s, x->tenants[i], err))
			return false;
		/* translated on another connection of a session without a default tenant, before
		 * search_path made this tenant's file the connection's own */
		if (strcmp(x->tenants[i], shard_conn_tenant(s->conn)) == 0) {
			pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
				  "prepared statement names schema \"%s\", the tenant search_path "
				  "has since made the connection's own", x->tenants[i]);
			pgerr_hint(err, "Prepare the statement again.");
			return false;
		}
		missing += !shard_conn_attached(s->conn, x->tenants[i]);
	}
	/* between transactions, files earlier statements attached may go to make room */
	if (missing && shard_conn_nattached(s->conn) + missing > SHARD_ATTACH_MAX &&
	    s->txn == SESS_TXN_IDLE)
		(void)shard_conn_detach_all(s->conn);
	for (size_t i = 0; i < x->ntenants; i++) {
		if (shard_conn_attach(s->conn, x->tenants[i], err))
			continue;
		/* in a query PostgreSQL finds no relation of that name rather than no schema */
		if (x->tenant_rels && x->tenant_rels[i] &&
		    strcmp(err->sqlstate, SQLSTATE_INVALID_SCHEMA_NAME) == 0) {
			pgerr_set(err, SQLSTATE_UNDEFINED_TABLE, "relation \"%s\" does not exist",
				  x->tenant_rels[i]);
			err->position = x->tenant_pos[i];
		}
		return false;
	}
	return true;
}

void sess_schema_release(struct session *s)
{
	if (s->conn && s->txn == SESS_TXN_IDLE && shard_conn_nattached(s->conn) > 0)
		(void)shard_conn_detach_all(s->conn); /* kept while a statement still runs */
}
