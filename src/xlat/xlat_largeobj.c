/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_largeobj.c: the statements naming a large object by its OID — COMMENT ON LARGE OBJECT
 * and ALTER LARGE OBJECT ... OWNER TO — as calls of the catalog's writers over the
 * large-object sidecar (src/catalog/catalog_lo.c), which check the object exists (42704).
 * GRANT ... ON LARGE OBJECT stays refused (xlat_grant.c). */
#include "xlat_int.h"

#include <stdlib.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The OID as the grammar's NumericOnly gives it: an Integer, or a Float past int4's range
 * (PostgreSQL's oidin of the text: a fraction or a value outside oid's range is 22P02). */
static bool object_oid(struct xlat_ctx *c, const PgQuery__Node *n, uint32_t *oid)
{
	if (n && n->node_case == NODE(INTEGER)) {
		*oid = (uint32_t)n->integer->ival; /* a negative one wraps, as oidin's does */
		return true;
	}
	const char *s = n && n->node_case == NODE(FLOAT) ? n->float_->fval : NULL;
	char *end = NULL;
	unsigned long long v = s ? strtoull(s, &end, 10) : 0;
	if (s && *end == '\0' && v <= UINT32_MAX) {
		*oid = (uint32_t)v;
		return true;
	}
	return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, -1,
			 "invalid input syntax for type oid: \"%s\"", s ? s : "");
}

bool xlat_lo_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	uint32_t oid;
	if (!object_oid(c, s->object, &oid))
		return false;
	xlat_sidecar_script(c, "COMMENT");
	xlat_printf(c, "SELECT shardlite_lo_comment(%u, ", oid);
	if (s->comment && *s->comment)
		xlat_string(c, s->comment);
	else
		xlat_puts(c, "NULL"); /* IS NULL or IS '': the comment goes */
	xlat_puts(c, ")");
	return true;
}

bool xlat_lo_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s)
{
	uint32_t oid;
	if (!object_oid(c, s->object, &oid))
		return false;
	xlat_sidecar_script(c, "ALTER LARGE OBJECT");
	xlat_printf(c, "SELECT shardlite_lo_owner(%u, ", oid);
	if (!xlat_owner_role(c, s->newowner))
		return false;
	xlat_puts(c, ")");
	return true;
}
