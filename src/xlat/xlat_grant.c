/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_grant.c: GRANT and REVOKE of privileges on the tenant's tables, views and sequences
 * (ON TABLE/SEQUENCE names, ALL TABLES/SEQUENCES IN SCHEMA public or a local schema), on its
 * own functions (EXECUTE ON FUNCTION/PROCEDURE/ROUTINE f(args), ON ALL FUNCTIONS/PROCEDURES/
 * ROUTINES IN SCHEMA) and on its own schemas (ON SCHEMA s), to PUBLIC and to the
 * users file's users, as docs/security.md "Privileges" models them: the statement becomes the
 * sidecar's creation and one shardlite_grant() call per object and grantee
 * (src/catalog/catalog_grant.c), which checks the object and the role and records the grant.
 * Privilege names are checked here, as PostgreSQL's parse analysis checks them. Other
 * objects, column lists and GRANTED BY another role are refused (0A000). ALTER DEFAULT
 * PRIVILEGES is recorded the same way (shardlite_grant's target 'd'), and a CREATE of a
 * table, view, function or schema ends with shardlite_defacl, which gives the new object
 * its ACL from them (sequences get theirs where every sequence is made). */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define OBJ(x) PG_QUERY__OBJECT_TYPE__OBJECT_##x

#define SIDECAR_PRIVILEGES                                                                        \
	"CREATE TABLE IF NOT EXISTS _shardlite_privileges (relname TEXT NOT NULL, kind TEXT NOT " \
	"NULL, grantee TEXT NOT NULL, privs TEXT NOT NULL, PRIMARY KEY (relname, kind, grantee))"

/* A privilege name's aclitem letter ('\0' when unknown). */
static char letter_of(const char *name)
{
	static const struct {
		const char *name;
		char letter;
	} privs[] = {{"insert", 'a'},   {"select", 'r'},     {"update", 'w'},    {"delete", 'd'},
		     {"truncate", 'D'}, {"references", 'x'}, {"trigger", 't'},   {"usage", 'U'},
		     {"execute", 'X'},  {"create", 'C'},     {"temporary", 'T'}, {"temp", 'T'},
		     {"connect", 'c'}};
	for (size_t i = 0; i < ARRAY_LEN(privs); i++)
		if (strcmp(privs[i].name, name) == 0)
			return privs[i].letter;
	return '\0';
}

/* The letters the statement names ("" for ALL), checked against the object type: PostgreSQL's
 * 0LP01 for one the type does not have. */
static const char *privileges(struct xlat_ctx *c, const PgQuery__GrantStmt *s, bool sequence,
			      const char *routine)
{
	bool schema = s->objtype == OBJ(SCHEMA) &&
		      s->targtype != PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA;
	bool defaults = s->targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_DEFAULTS;
	char *out = arena_zalloc(c->a, s->n_privileges + 1);
	for (size_t i = 0; i < s->n_privileges; i++) {
		const PgQuery__Node *n = s->privileges[i];
		const PgQuery__AccessPriv *p = n->node_case == NODE(ACCESS_PRIV) ? n->access_priv
										 : NULL;
		if (!p)
			return NULL;
		if (p->n_cols && defaults) {
			xlat_fail(c, "0LP01", -1, "default privileges cannot be set for columns");
			return NULL;
		}
		if (p->n_cols) {
			xlat_unsupported(c, -1, "a column privilege");
			return NULL;
		}
		if (!p->priv_name || !*p->priv_name) /* ALL (cols) */
			return "";
		char l = letter_of(p->priv_name);
		if (!l) {
			xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				  "unrecognized privilege type \"%s\"", p->priv_name);
			return NULL;
		}
		const char *allowed = schema     ? "UC"
				      : routine  ? "X"
				      : sequence ? "rwU"
				      : defaults ? "arwdDxt"
						 : "arwdDxtU"; /* USAGE: a sequence's */
		if (!strchr(allowed, l)) {
			char *upper = arena_strdup(c->a, p->priv_name);
			for (char *u = upper; *u; u++)
				*u = (char)(*u >= 'a' && *u <= 'z' ? *u - 32 : *u);
			xlat_fail(c, "0LP01", -1, "invalid privilege type %s for %s", upper,
				  schema     ? "schema"
				  : routine  ? routine
				  : sequence ? "sequence"
					     : "relation"); /* ON TABLE takes a sequence's too */
			return NULL;
		}
		if (!strchr(out, l))
			out[strlen(out)] = l;
	}
	return out;
}

/* The schema statements that change nothing in PostgreSQL 15, where public's ACL is
 * {pg_database_owner=UC/pg_database_owner,=U/pg_database_owner} from initdb on: GRANT USAGE
 * ON SCHEMA public TO PUBLIC (PUBLIC has it) and REVOKE CREATE ON SCHEMA public FROM PUBLIC
 * (PUBLIC lacks it), which pg_dump, hardening scripts and Supabase-style schemas write. Any
 * other schema grant is refused. */
static bool grantee(struct xlat_ctx *c, const PgQuery__Node *n);
static bool record(struct xlat_ctx *c, const PgQuery__GrantStmt *s, char target, const char *name,
		   const char *letters);
static bool grant_options_to_public(struct xlat_ctx *c, const PgQuery__GrantStmt *s);

/* GRANT/REVOKE ON SCHEMA s of the tenant's own schemas: recorded as a table's grants are
 * (pg_namespace.nspacl), under the key "nsp:s". */
static bool local_schema_grant(struct xlat_ctx *c, const PgQuery__GrantStmt *s)
{
	if (s->grantor && s->grantor->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
		return xlat_unsupported(c, -1, "GRANTED BY a named role");
	if (grant_options_to_public(c, s))
		return false;
	const char *letters = privileges(c, s, false, NULL);
	if (!letters)
		return false;
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c);
	xlat_puts(c, SIDECAR_PRIVILEGES);
	for (size_t i = 0; i < s->n_objects; i++)
		if (!record(c, s, 'n', xlat_node_str(s->objects[i]), letters))
			return false;
	return true;
}

static bool schema_grant(struct xlat_ctx *c, const PgQuery__GrantStmt *s)
{
	bool local = s->n_objects > 0;
	for (size_t i = 0; i < s->n_objects; i++) {
		const char *n = xlat_node_str(s->objects[i]);
		bool known = !n || xlat_local_schema(c, n) || strcmp(n, "public") == 0 ||
			     strcmp(n, "pg_catalog") == 0 || strcmp(n, "information_schema") == 0 ||
			     strcmp(n, "pg_toast") == 0 || !c->env || !c->env->tenant ||
			     c->env->no_default || strcmp(n, c->env->tenant) == 0;
		if (!known)
			return xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, -1,
					 "schema \"%s\" does not exist", n);
		local = local && n && xlat_local_schema(c, n);
	}
	if (local)
		return local_schema_grant(c, s);
	const char *noop_priv = s->is_grant ? "usage" : "create";
	bool noop = s->n_privileges == 1 && s->n_grantees >= 1 && !s->grant_option;
	for (size_t i = 0; noop && i < s->n_objects; i++) {
		const char *name = xlat_node_str(s->objects[i]);
		noop = name && strcmp(name, "public") == 0;
	}
	const PgQuery__Node *p = noop ? s->privileges[0] : NULL;
	noop = p && p->node_case == NODE(ACCESS_PRIV) && !p->access_priv->n_cols &&
	       strcmp(p->access_priv->priv_name, noop_priv) == 0;
	for (size_t i = 0; noop && i < s->n_grantees; i++) {
		const PgQuery__Node *g = s->grantees[i];
		noop = g->node_case == NODE(ROLE_SPEC) &&
		       g->role_spec->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC;
	}
	if (!noop)
		return xlat_unsupported(
			c, -1,
			s->is_grant ? "GRANT ON SCHEMA (but USAGE on public to PUBLIC)"
				    : "REVOKE ON SCHEMA (but CREATE on public from PUBLIC)");
	c->st->kind = XLAT_SCRIPT;
	xlat_puts(c, "SELECT 1 WHERE 0");
	return true;
}

/* One shardlite_grant call per grantee for object name of target. */
static bool record(struct xlat_ctx *c, const PgQuery__GrantStmt *s, char target, const char *name,
		   const char *letters)
{
	for (size_t g = 0; g < s->n_grantees; g++) {
		xlat_printf(c, "; SELECT shardlite_grant(%d, '%c', ", s->is_grant ? 1 : 0, target);
		xlat_string(c, name);
		xlat_puts(c, ", ");
		if (!grantee(c, s->grantees[g]))
			return false;
		xlat_puts(c, ", ");
		xlat_string(c, letters);
		xlat_printf(c, ", %d)", s->grant_option ? 1 : 0);
	}
	return true;
}

/* ALL FUNCTIONS / PROCEDURES / ROUTINES IN SCHEMA nsp (public: ""): the tenant's functions
 * of that kind stored in it ("s.f" of a local schema s), as PostgreSQL lists them when the
 * statement runs (the translation is not cached). */
static bool all_routines(struct xlat_ctx *c, const PgQuery__GrantStmt *s, const char *nsp,
			 const char *letters)
{
	size_t plen = *nsp ? strlen(nsp) : 0;
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		const char *dot = strchr(u->name, '.');
		bool in = plen ? dot && (size_t)(dot - u->name) == plen &&
					  strncmp(u->name, nsp, plen) == 0
			       : !dot || !xlat_local_schema(c,
							    arena_strndup(c->a, u->name,
									  (size_t)(dot - u->name)));
		bool kind = s->objtype == OBJ(ROUTINE) ||
			    (s->objtype == OBJ(PROCEDURE)) == (u->kind == 'p');
		if (u->temp || !in || !kind)
			continue;
		if (!record(c, s, 'f', xlat_routine_key(c, u), letters))
			return false;
	}
	return true;
}

/* A grant option to PUBLIC: PostgreSQL's 0LP01 (true). */
static bool grant_options_to_public(struct xlat_ctx *c, const PgQuery__GrantStmt *s)
{
	for (size_t g = 0; s->is_grant && s->grant_option && g < s->n_grantees; g++) {
		const PgQuery__Node *n = s->grantees[g];
		if (n->node_case == NODE(ROLE_SPEC) &&
		    n->role_spec->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) {
			xlat_fail(c, "0LP01", -1, "grant options can only be granted to roles");
			return true;
		}
	}
	return false;
}

/* One grantee: its kind and name for shardlite_grant. */
static bool grantee(struct xlat_ctx *c, const PgQuery__Node *n)
{
	const PgQuery__RoleSpec *r = n->node_case == NODE(ROLE_SPEC) ? n->role_spec : NULL;
	if (!r)
		return xlat_unsupported(c, -1, "this grantee");
	switch (r->roletype) {
	case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
		xlat_puts(c, "'p', NULL");
		return true;
	case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
		xlat_puts(c, "'n', ");
		xlat_string(c, r->rolename);
		return true;
	default: /* CURRENT_USER, SESSION_USER, CURRENT_ROLE */
		xlat_puts(c, "'c', NULL");
		return true;
	}
}

bool xlat_stmt_grant(struct xlat_ctx *c, const PgQuery__GrantStmt *s)
{
	c->st->tag = s->is_grant ? "GRANT" : "REVOKE";
	bool all_in = s->targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA;
	if (s->objtype == OBJ(SCHEMA) && !all_in)
		return schema_grant(c, s);
	bool sequence = s->objtype == OBJ(SEQUENCE);
	const char *routine = s->objtype == OBJ(FUNCTION)    ? "function"
			      : s->objtype == OBJ(PROCEDURE) ? "procedure"
			      : s->objtype == OBJ(ROUTINE)   ? "routine"
							     : NULL;
	if (s->objtype == OBJ(LARGEOBJECT)) /* every large object is the session user's */
		return xlat_unsupported(c, -1,
					arena_printf(c->a, "%s ON LARGE OBJECT", c->st->tag));
	if (!sequence && !routine && s->objtype != OBJ(TABLE))
		return xlat_unsupported(
			c, -1, arena_printf(c->a, "%s on this kind of object", c->st->tag));
	if (s->grantor && s->grantor->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
		return xlat_unsupported(c, -1, "GRANTED BY a named role");
	if (grant_options_to_public(c, s))
		return false;
	const char *letters = privileges(c, s, sequence, routine);
	if (!letters)
		return false;
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true; /* the sidecar may be created */
	xlat_puts(c, SIDECAR_PRIVILEGES);
	if (all_in)
		xlat_nocache(c); /* what the schema holds decides */
	for (size_t i = 0; i < s->n_objects; i++) {
		const char *name = NULL;
		bool local = false;
		if (all_in) {
			name = xlat_node_str(s->objects[i]);
			local = xlat_local_schema(c, name);
			bool own = name && (strcmp(name, "public") == 0 ||
					    (c->env && c->env->tenant &&
					     strcmp(name, c->env->tenant) == 0));
			if (!own && !local)
				return xlat_unsupported(c, -1,
							"ALL ... IN SCHEMA of another schema");
			if (!local)
				name = "";
		} else if (routine) {
			const PgQuery__Node *o = s->objects[i];
			const struct xlat_udf *u =
				o->node_case == NODE(OBJECT_WITH_ARGS)
					? xlat_routine_find(c, o->object_with_args)
					: NULL;
			if (!u)
				return o->node_case == NODE(OBJECT_WITH_ARGS)
					       ? false
					       : xlat_unsupported(c, -1, "this function name");
			if (u->temp)
				return xlat_unsupported(c, -1,
							"GRANT and REVOKE on a temporary function");
			name = xlat_routine_key(c, u);
		} else {
			const PgQuery__Node *o = s->objects[i];
			if (o->node_case != NODE(RANGE_VAR))
				return xlat_unsupported(c, -1, "this object name");
			size_t mark = c->sb->len;
			if (!xlat_relname_local(c, o->range_var)) /* checks the schema prefix */
				return false;
			c->sb->len = mark;
			name = o->range_var->relname;
		}
		if (routine && all_in) { /* each of the schema's functions of that kind */
			if (!all_routines(c, s, name, letters))
				return false;
			continue;
		}
		if (!record(c, s,
			    routine  ? 'f'
			    : all_in ? (sequence ? 'S' : 'T')
				     : (sequence ? 's' : 't'),
			    all_in ? (local ? name : "") : name, letters))
			return false;
	}
	return true;
}

/* ---- ALTER DEFAULT PRIVILEGES ---- */

/* The schema an IN SCHEMA names, as the sidecar's key holds it: a local schema's name, or
 * "public" for public and the tenant's own; NULL with 0A000 for the catalog's. A name that is
 * none of these is left for shardlite_grant's 3F000. */
static const char *defacl_schema(struct xlat_ctx *c, const PgQuery__Node *n)
{
	const char *name = xlat_node_str(n);
	if (!name)
		return xlat_unsupported(c, -1, "this schema name"), NULL;
	if (strcmp(name, "public") == 0 ||
	    (c->env && c->env->tenant && !c->env->no_default && strcmp(name, c->env->tenant) == 0 &&
	     !xlat_local_schema(c, name)))
		return "public";
	if (strcmp(name, "pg_catalog") == 0 || strcmp(name, "information_schema") == 0 ||
	    strcmp(name, "pg_toast") == 0)
		return xlat_unsupported(c, -1, "ALTER DEFAULT PRIVILEGES IN SCHEMA of the catalog"),
		       NULL;
	return name;
}

bool xlat_stmt_alter_default_privileges(struct xlat_ctx *c,
					const PgQuery__AlterDefaultPrivilegesStmt *d)
{
	const PgQuery__GrantStmt *s = d->action;
	c->st->tag = "ALTER DEFAULT PRIVILEGES";
	if (!s)
		return xlat_unsupported(c, -1, "this ALTER DEFAULT PRIVILEGES");
	char kind = s->objtype == OBJ(TABLE)      ? 'r'
		    : s->objtype == OBJ(SEQUENCE) ? 'S'
		    : s->objtype == OBJ(FUNCTION) ? 'f'
		    : s->objtype == OBJ(SCHEMA)   ? 'n'
						  : 0;
	if (!kind) /* ON TYPES: types carry no privileges here (GRANT ON TYPE is refused too) */
		return xlat_unsupported(c, -1, "ALTER DEFAULT PRIVILEGES ... ON TYPES");
	const PgQuery__List *schemas = NULL, *roles = NULL;
	for (size_t i = 0; i < d->n_options; i++) {
		const PgQuery__DefElem *e =
			d->options[i]->node_case == NODE(DEF_ELEM) ? d->options[i]->def_elem : NULL;
		const PgQuery__List *l =
			e && e->arg && e->arg->node_case == NODE(LIST) ? e->arg->list : NULL;
		if (l && strcmp(e->defname, "schemas") == 0)
			schemas = l;
		else if (l && strcmp(e->defname, "roles") == 0)
			roles = l;
		else
			return xlat_unsupported(c, -1, "this ALTER DEFAULT PRIVILEGES option");
	}
	if (grant_options_to_public(c, s))
		return false;
	const char *letters = privileges(c, s, kind == 'S', kind == 'f' ? "function" : NULL);
	if (!letters)
		return false;
	c->st->kind = XLAT_SCRIPT;
	c->st->writes = c->st->is_ddl = true;
	xlat_nocache(c); /* the tenant's own name and schemas decide */
	xlat_puts(c, SIDECAR_PRIVILEGES);
	/* FOR ROLE: the session user, whose objects every object of the tenant is (an unknown
	 * role 42704, another user 0A000, as OWNER TO) */
	for (size_t i = 0; roles && i < roles->n_items; i++) {
		const PgQuery__Node *r = roles->items[i];
		xlat_puts(c, "; SELECT shardlite_owner_check(NULL, ");
		if (r->node_case != NODE(ROLE_SPEC) || !xlat_owner_role(c, r->role_spec))
			return r->node_case == NODE(ROLE_SPEC)
				       ? false
				       : xlat_unsupported(c, -1, "this role");
		xlat_puts(c, ")");
	}
	if (kind == 'n' && schemas)
		return xlat_fail(c, "0LP01", -1,
				 "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
	for (size_t i = 0; i < (schemas ? schemas->n_items : 1); i++) {
		const char *nsp = schemas ? defacl_schema(c, schemas->items[i]) : "";
		if (!nsp || !record(c, s, 'd', arena_printf(c->a, "%c:%s", kind, nsp), letters))
			return false;
	}
	return true;
}

/* ---- REASSIGN OWNED, DROP OWNED ---- */

/* One shardlite_owned call per role (src/catalog/catalog_dump.c decides). */
static bool owned(struct xlat_ctx *c, const char *op, PgQuery__Node **roles, size_t n,
		  const PgQuery__RoleSpec *to)
{
	c->st->kind = XLAT_SCRIPT;
	for (size_t i = 0; i < n; i++) {
		if (roles[i]->node_case != NODE(ROLE_SPEC))
			return xlat_unsupported(c, -1, "this role");
		xlat_printf(c, "%sSELECT shardlite_owned('%s', ", i ? "; " : "", op);
		if (!xlat_owner_role(c, roles[i]->role_spec))
			return false;
		xlat_puts(c, ", ");
		if (!to)
			xlat_puts(c, "NULL");
		else if (!xlat_owner_role(c, to))
			return false;
		xlat_puts(c, ")");
	}
	return true;
}

bool xlat_stmt_reassign_owned(struct xlat_ctx *c, const PgQuery__ReassignOwnedStmt *s)
{
	c->st->tag = "REASSIGN OWNED";
	return s->newrole ? owned(c, "reassign", s->roles, s->n_roles, s->newrole)
			  : xlat_unsupported(c, -1, "this REASSIGN OWNED");
}

bool xlat_stmt_drop_owned(struct xlat_ctx *c, const PgQuery__DropOwnedStmt *s)
{
	c->st->tag = "DROP OWNED";
	return owned(c, "drop", s->roles, s->n_roles, NULL);
}

void xlat_defacl_created(struct xlat_ctx *c, char kind, const char *key, const char *name)
{
	/* a statement translated without a session (a migration file's, the CREATE TABLE that
	 * xlat_column_default reads a default from) stays as it is */
	if (!c->env)
		return;
	c->st->kind = XLAT_SCRIPT;
	xlat_printf(c, "; SELECT shardlite_defacl('%c', ", kind);
	xlat_string(c, key);
	xlat_puts(c, ", ");
	xlat_string(c, name);
	xlat_puts(c, ")");
}

bool xlat_written_ident(struct xlat_ctx *c, size_t at, size_t end, const char *name)
{
	size_t mark = c->sb->len;
	xlat_ident(c, name);
	if (c->sb->failed)
		return false;
	bool same = c->sb->len - mark == end - at &&
		    memcmp(c->sb->data + at, c->sb->data + mark, end - at) == 0;
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	return same;
}
