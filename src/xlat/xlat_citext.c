/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_citext.c: the citext extension's case-insensitive text in expressions. A citext column
 * is declared `citext COLLATE NOCASE`: SQLite's built-in collation, which every SQLite tool
 * has, folds ASCII letters only, exactly what citext's lower() does under the database's C
 * collation, so its comparisons, keys, indexes, ORDER BY, GROUP BY and DISTINCT are citext's.
 * Elsewhere the translator gives NOCASE (or BINARY) to the comparisons whose operator
 * PostgreSQL resolves to citext's (or to text's), and reads LIKE and ~ of a citext as ILIKE
 * and ~*, as citext's operators do. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

_Static_assert(XLAT_OID_CITEXT == PGTYPE_CITEXT && XLAT_OID_CITEXT_ARRAY == PGTYPE_CITEXT_ARRAY,
	       "citext's OIDs are pgtype's");

bool xlat_citext_exists(struct xlat_ctx *c)
{
	return !c->env || !c->env->schema || (c->env->extensions & XLAT_EXT_CITEXT);
}

static bool stringish(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NAME;
}

const char *xlat_citext_collation(uint32_t l, uint32_t r)
{
	if (l != XLAT_OID_CITEXT && r != XLAT_OID_CITEXT)
		return NULL;
	uint32_t other = l == XLAT_OID_CITEXT ? r : l;
	if (other == XLAT_OID_CITEXT || other == XLAT_OID_UNKNOWN)
		return " COLLATE NOCASE"; /* citext's operator (an untyped literal becomes citext) */
	/* citext → text is implicit, text → citext only an assignment: text's operator */
	return stringish(other) ? " COLLATE BINARY" : NULL;
}

bool xlat_citext_operand(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type t = {0, -1};
	if (!n || !xlat_scope_dry_expr(c, n, &t)) {
		pgerr_clear(c->err); /* the operand's own translation reports it */
		return false;
	}
	return t.oid == XLAT_OID_CITEXT;
}

/* citext's own overloads of these compare case-insensitively (strpos(lower(a), lower(b)),
 * regexp_*(a, b, 'i') ...); shardlite has text's only. */
static const char *const folding_fns[] = {
	"regexp_match",
	"regexp_matches",
	"regexp_replace",
	"regexp_split_to_array",
	"regexp_split_to_table",
	"strpos",
	"replace",
	"split_part",
	"translate",
};

bool xlat_citext_fn_check(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	bool folding = false;
	for (size_t i = 0; name && i < ARRAY_LEN(folding_fns); i++)
		folding |= strcmp(name, folding_fns[i]) == 0;
	if (!folding || f->n_args < 1 || !xlat_citext_operand(c, f->args[0]))
		return true;
	return xlat_unsupported(c, f->location, arena_printf(c->a, "%s() of a citext", name));
}

bool xlat_citext_any_check(struct xlat_ctx *c, const PgQuery__AExpr *e)
{
	struct xlat_type t = {0, -1};
	bool arr = e->rexpr && xlat_scope_dry_expr(c, e->rexpr, &t) &&
		   t.oid == XLAT_OID_CITEXT_ARRAY;
	pgerr_clear(c->err);
	if (!arr && !xlat_citext_operand(c, e->lexpr))
		return true;
	return xlat_unsupported(c, e->location, "ANY/ALL (array) of citext values");
}

bool xlat_citext_array_cmp_check(struct xlat_ctx *c, uint32_t l, uint32_t r, int location)
{
	if (l != XLAT_OID_CITEXT_ARRAY && r != XLAT_OID_CITEXT_ARRAY)
		return true;
	return xlat_unsupported(c, location, "comparing citext[] values");
}

bool xlat_citext_similar_check(struct xlat_ctx *c, const PgQuery__AExpr *e)
{
	if (!xlat_citext_operand(c, e->lexpr))
		return true;
	return xlat_unsupported(c, e->location, "SIMILAR TO of a citext");
}
