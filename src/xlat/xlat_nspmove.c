/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_nspmove.c: moving relations between the tenant's own schemas. ALTER TABLE/VIEW/SEQUENCE
 * s.t SET SCHEMA s2 renames the SQLite object "s.t" to "s2.t" (public: no prefix), and ALTER
 * SCHEMA s RENAME TO s2 moves every relation of s so and renames the schema's row. Both are
 * rebuilds the shard carries out when they run (shard_rename.c): what the names are then
 * decides, as PostgreSQL's catalog lookups decide it. */
#include "xlat_int.h"

#include <string.h>

#define OBJ(x) PG_QUERY__OBJECT_TYPE__OBJECT_##x

/* The schemas PostgreSQL has in every database, which a tenant cannot create in (its user is
 * an ordinary owner there: 42501) or which are the tenant's public. */
static bool system_schema(const char *n)
{
	return strcmp(n, "pg_catalog") == 0 || strcmp(n, "information_schema") == 0 ||
	       strcmp(n, "pg_toast") == 0;
}

static bool public_schema(const struct xlat_ctx *c, const char *n)
{
	return strcmp(n, "public") == 0 || (c->env->tenant && strcmp(n, c->env->tenant) == 0);
}

/* The stored name's bare part: "s.t" of local schema s is t. */
static const char *bare_of(const struct xlat_ctx *c, const char *stored)
{
	const char *dot = strchr(stored, '.');
	if (!dot)
		return stored;
	char *nsp = arena_strndup(c->a, stored, (size_t)(dot - stored));
	return xlat_local_schema(c, nsp) ? dot + 1 : stored;
}

static char move_kind(PgQuery__ObjectType t)
{
	switch (t) {
	case OBJ(TABLE):
		return 'r';
	case OBJ(VIEW):
		return 'v';
	case OBJ(SEQUENCE):
		return 'S';
	default:
		return 0;
	}
}

static struct xlat_rebuild *rename_rebuild(struct xlat_ctx *c, const char *tag)
{
	struct xlat_rebuild *r = arena_zalloc(c->a, sizeof(*r));
	r->kind = XLAT_RB_RENAME;
	c->st->tag = tag;
	c->st->writes = c->st->is_ddl = true;
	strbuf_reset(c->sb);
	c->st->kind = XLAT_REBUILD;
	c->st->rebuild = r;
	xlat_nocache(c);
	return r;
}

/* ALTER FUNCTION/PROCEDURE/ROUTINE s.f(args) SET SCHEMA s2: the function's rename from "s.f"
 * to "s2.f" (f in public), as ALTER FUNCTION ... RENAME TO makes it (xlat_routine.c); its own
 * schema changes nothing. */
static bool routine_set_schema(struct xlat_ctx *c, const PgQuery__AlterObjectSchemaStmt *s,
			       const char *prefix)
{
	const PgQuery__ObjectWithArgs *o =
		s->object && s->object->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS
			? s->object->object_with_args
			: NULL;
	const char *stored = o && o->n_objname == 1 ? xlat_node_str(o->objname[0]) : NULL;
	if (!stored)
		return xlat_unsupported(c, -1, "this ALTER FUNCTION ... SET SCHEMA");
	const char *bare = bare_of(c, stored);
	PgQuery__RenameStmt r = PG_QUERY__RENAME_STMT__INIT;
	r.rename_type = s->object_type;
	r.object = s->object;
	r.missing_ok = s->missing_ok;
	r.newname = prefix ? arena_printf(c->a, "%s.%s", prefix, bare) : (char *)bare;
	if (strcmp(r.newname, stored) == 0) { /* found first, then nothing */
		if (!xlat_routine_find(c, o))
			return false;
		c->st->kind = XLAT_NOOP;
		return true;
	}
	return xlat_rename_routine(c, &r);
}

/* The schema a function or type moves to: *prefix the local schema's name, NULL for public;
 * PostgreSQL's 42501 for the catalog's, 3F000 for a missing one. */
static bool target_schema(struct xlat_ctx *c, const char *to, const char **prefix)
{
	if (system_schema(to))
		return xlat_fail(c, "42501", -1, "permission denied for schema %s", to);
	if (!xlat_local_schema(c, to) && !public_schema(c, to))
		return xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, -1,
				 "schema \"%s\" does not exist", to);
	*prefix = xlat_local_schema(c, to) ? to : NULL;
	return true;
}

/* ALTER TYPE/DOMAIN t SET SCHEMA s2: the type's rename from its stored name ("s.t", or "t" in
 * public) to "s2.t" (or "t"), which carries its columns, sidecar rows and users along as
 * RENAME TO does; its own schema changes nothing. */
static bool type_set_schema(struct xlat_ctx *c, const PgQuery__AlterObjectSchemaStmt *s,
			    const char *prefix)
{
	const PgQuery__List *l = s->object && s->object->node_case == PG_QUERY__NODE__NODE_LIST
					 ? s->object->list
					 : NULL;
	const char *last = l && l->n_items ? xlat_node_str(l->items[l->n_items - 1]) : NULL;
	const char *from = l && l->n_items == 2 ? xlat_node_str(l->items[0]) : NULL;
	if (!last || (l->n_items > 2))
		return xlat_unsupported(c, -1, "this ALTER TYPE ... SET SCHEMA");
	bool domain = s->object_type == OBJ(DOMAIN);
	PgQuery__RenameStmt r = PG_QUERY__RENAME_STMT__INIT;
	r.rename_type = s->object_type;
	r.object = s->object;
	r.missing_ok = s->missing_ok;
	r.newname = prefix ? arena_printf(c->a, "%s.%s", prefix, last) : (char *)last;
	const char *stored = xlat_tenant_object_name(c, l->items, l->n_items, "type");
	if (!stored)
		return false;
	bool same = from ? (prefix ? strcmp(from, prefix) == 0 : public_schema(c, from))
			 : !prefix && !strchr(stored, '.');
	if (same) { /* ALTER TYPE public.t SET SCHEMA public: nothing, once t is found */
		bool found = xlat_domain_by_name(c, stored) ||
			     (!domain &&
			      (xlat_enum_by_name(c, stored) || xlat_comptype_is_type(c, stored)));
		if (!found)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1,
					 "type \"%s\" does not exist", last);
		c->st->kind = XLAT_NOOP;
		return true;
	}
	bool ok = !domain && !xlat_domain_by_name(c, stored) ? xlat_rename_type(c, &r)
							     : xlat_rename_domain(c, &r);
	c->st->tag = domain ? "ALTER DOMAIN" : "ALTER TYPE";
	return ok;
}

bool xlat_stmt_set_schema(struct xlat_ctx *c, const PgQuery__AlterObjectSchemaStmt *s)
{
	if ((s->object_type == OBJ(TYPE) || s->object_type == OBJ(DOMAIN)) && s->newschema &&
	    c->env && c->env->tenant && !c->env->no_default) {
		c->st->tag = s->object_type == OBJ(DOMAIN) ? "ALTER DOMAIN" : "ALTER TYPE";
		const char *prefix;
		return target_schema(c, s->newschema, &prefix) && type_set_schema(c, s, prefix);
	}
	bool routine = s->object_type == OBJ(FUNCTION) || s->object_type == OBJ(PROCEDURE) ||
		       s->object_type == OBJ(ROUTINE);
	if (routine && s->newschema && c->env && c->env->tenant) {
		c->st->tag = s->object_type == OBJ(PROCEDURE) ? "ALTER PROCEDURE"
			     : s->object_type == OBJ(ROUTINE) ? "ALTER ROUTINE"
							      : "ALTER FUNCTION";
		const char *prefix;
		return target_schema(c, s->newschema, &prefix) && routine_set_schema(c, s, prefix);
	}
	const char *tag = s->object_type == OBJ(VIEW)       ? "ALTER VIEW"
			  : s->object_type == OBJ(SEQUENCE) ? "ALTER SEQUENCE"
			  : s->object_type == OBJ(MATVIEW)  ? "ALTER MATERIALIZED VIEW"
							    : "ALTER TABLE";
	char kind = move_kind(s->object_type);
	const PgQuery__RangeVar *rv = s->relation;
	const char *to = s->newschema;
	if (!kind && s->object_type != OBJ(MATVIEW))
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "ALTER ... SET SCHEMA is not supported");
	c->st->tag = tag;
	if (!kind || !rv || !to || !c->env || !c->env->tenant)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "%s ... SET SCHEMA is not supported", tag);
	if (!xlat_own_table(c, rv))
		return xlat_unsupported(c, -1, "SET SCHEMA of another tenant's relation");
	if (rv->relpersistence && *rv->relpersistence == 't')
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "cannot move objects into or out of temporary schemas");
	if (xlat_partition_is_parent(c, rv->relname) ||
	    xlat_partition_is_partition(c, rv->relname)) /* the marks name them */
		return xlat_unsupported(c, -1, "SET SCHEMA of a partitioned table or partition");
	const char *prefix = NULL; /* NULL: public */
	if (strcmp(to, "pg_temp") == 0 || strncmp(to, "pg_temp_", 8) == 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, -1,
				 "cannot move objects into or out of temporary schemas");
	if (system_schema(to))
		return xlat_fail(c, "42501", -1, "permission denied for schema %s", to);
	if (xlat_local_schema(c, to))
		prefix = to;
	else if (!public_schema(c, to))
		return xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, -1,
				 "schema \"%s\" does not exist", to);
	const char *bare = bare_of(c, rv->relname);
	struct xlat_rebuild *r = rename_rebuild(c, tag);
	r->table = arena_strdup(c->a, rv->relname);
	/* copies: the parse tree is freed before the statement runs */
	r->new_name = prefix ? arena_printf(c->a, "%s.%s", prefix, bare) : arena_strdup(c->a, bare);
	r->rename_kind = kind;
	r->set_schema = arena_strdup(c->a, prefix ? prefix : "public");
	r->missing_ok = s->missing_ok;
	if (s->missing_ok)
		xlat_skip_note(c, "relation", NULL, r->new_name + (prefix ? strlen(prefix) + 1 : 0),
			       false);
	return true;
}

bool xlat_localnsp_renames(const struct xlat_ctx *c, const char *name)
{
	return name && c->env && c->env->tenant &&
	       (xlat_local_schema(c, name) ||
		(!public_schema(c, name) && !system_schema(name) && strncmp(name, "pg_", 3) != 0));
}

/* ALTER SCHEMA s RENAME TO s2 of local schema s: PostgreSQL's checks of the new name, then a
 * rebuild that moves s's relations (rename_kind 'n', table s, new_name s2) and runs script,
 * the schema row's rename. */
bool xlat_localnsp_rename(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	const char *to = s->newname;
	c->st->tag = "ALTER SCHEMA";
	if (!xlat_local_schema(c, s->subname))
		return xlat_fail(c, SQLSTATE_INVALID_SCHEMA_NAME, -1,
				 "schema \"%s\" does not exist", s->subname);
	if (!to || !*to)
		return xlat_unsupported(c, -1, "ALTER SCHEMA ... RENAME TO this name");
	if (xlat_local_schema(c, to) || public_schema(c, to) || system_schema(to))
		return xlat_fail(c, "42P06", -1, "schema \"%s\" already exists", to);
	if (strncmp(to, "pg_", 3) == 0) {
		xlat_fail(c, "42939", -1, "unacceptable schema name \"%s\"", to);
		pgerr_detail(c->err, "The prefix \"pg_\" is reserved for system schemas.");
		return false;
	}
	if (strchr(to, '.'))
		return xlat_unsupported(c, -1, "a schema name containing a dot");
	struct xlat_rebuild *r = rename_rebuild(c, "ALTER SCHEMA");
	r->table = arena_strdup(c->a, s->subname);
	r->new_name = arena_strdup(c->a, to);
	r->rename_kind = 'n';
	r->set_schema = r->new_name;
	r->script = xlat_localnsp_rename_script(c, s->subname, to);
	return true;
}
