/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_domain.c: DROP DOMAIN. CREATE DOMAIN is refused (0A000), so a tenant holds no domain:
 * DROP DOMAIN IF EXISTS of a name that is no type is PostgreSQL's notice and no change (pg_dump
 * --clean --if-exists writes one per domain), a name that is another type (built-in, enum, a
 * table's row type) is 42809, and any other name 42704, as PostgreSQL answers them. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The type a name is, as format_type prints it; NULL when there is none (err left clear) or
 * on an error the name itself makes (err set). */
static const char *other_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, const char *name)
{
	struct xlat_typeref r;
	if (xlat_type_resolve(c, tn, &r)) {
		if (r.serial) /* serial is a column's shorthand, not a type */
			return NULL;
		return r.is_array ? arena_printf(c->a, "%s[]", r.info->sql_name) : r.info->sql_name;
	}
	if (strcmp(c->err->sqlstate, SQLSTATE_UNDEFINED_OBJECT) != 0)
		return NULL;
	pgerr_clear(c->err);
	bool row = c->schema && c->schema->rowtype_fn && !tn->n_array_bounds &&
		   c->schema->rowtype_fn(c->schema->arg, name, 0, NULL) != 0;
	return row ? xlat_enum_display(c, name) : NULL;
}

/* The name PostgreSQL's messages print: as written, schema and all. */
static const char *written(struct xlat_ctx *c, const PgQuery__TypeName *tn)
{
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	if (tn->n_names != 2)
		return name;
	return arena_printf(c->a, "%s.%s", xlat_node_str(tn->names[0]), name);
}

static bool drop_one(struct xlat_ctx *c, const PgQuery__DropStmt *s, const PgQuery__Node *o)
{
	if (o->node_case != NODE(TYPE_NAME) || !o->type_name->n_names)
		return xlat_unsupported(c, -1, "this DROP DOMAIN");
	const PgQuery__TypeName *tn = o->type_name;
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
	/* integer, double precision ...: the parser's pg_catalog.int4 */
	bool builtin = schema && strcmp(schema, "pg_catalog") == 0;
	const char *name = builtin ? xlat_node_str(tn->names[1])
				   : xlat_tenant_object_name(c, tn->names, tn->n_names, "type");
	if (!name)
		return false;
	const char *other = other_type(c, tn, name);
	if (other)
		return xlat_fail(c, "42809", -1, "\"%s\" is not a domain", other);
	if (pgerr_is_set(c->err))
		return false;
	if (!s->missing_ok)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "type \"%s\" does not exist",
				 written(c, tn));
	xlat_skip_note(c, "type", NULL, written(c, tn), false);
	return true;
}

bool xlat_drop_domains(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	for (size_t i = 0; i < s->n_objects; i++) {
		if (!drop_one(c, s, s->objects[i]))
			return false;
	}
	c->st->kind = XLAT_NOOP;
	return true;
}
