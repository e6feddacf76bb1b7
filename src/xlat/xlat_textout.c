/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_textout.c: where a value becomes text inside SQL — a cast to text, ||, concat, format,
 * concat_ws, an element of a JSON value or of an array — it must read as PostgreSQL prints it,
 * not as SQLite turns its stored form into text: a numeric keeps its display scale (1.50, not
 * 1.5), floats their shortest form (1e+100, not 1.0e+100), bool t/f or true/false (not 1/0),
 * bytea hex. pgfn_text_out(x, oid, typmod) prints with the session's own encoder (pgtype).
 * Date/time values are stored in PostgreSQL's text form already (their casts are in
 * xlat_datetime.c); JSON and array writers render bool, float and bytea by their tags. */
#include "xlat_int.h"

/* How each type that needs it is printed in each form: 0 as stored, 'o' through pgfn_text_out,
 * 'B' as a cast of bool to text (true/false). */
static const struct {
	uint32_t oid;
	char form[3]; /* by enum xlat_textform */
} forms[] = {
	{XLAT_OID_NUMERIC, {'o', 'o', 'o'}}, {XLAT_OID_BOOL, {'B', 'o', 0}},
	{XLAT_OID_FLOAT4, {'o', 'o', 0}},    {XLAT_OID_FLOAT8, {'o', 'o', 0}},
	{XLAT_OID_BYTEA, {'o', 'o', 0}},
};

/* DDL expressions and views are kept in the tenant's schema, which names no pgfn function. */
static bool schema_kept(const struct xlat_ctx *c)
{
	return (c->flags & XLAT_X_NOSUBQUERY) ||
	       (c->top_stmt && c->top_stmt->node_case == PG_QUERY__NODE__NODE_VIEW_STMT);
}

void xlat_text_form(struct xlat_ctx *c, size_t from, size_t to, struct xlat_type t,
		    enum xlat_textform form)
{
	char how = 0;
	for (size_t i = 0; i < ARRAY_LEN(forms); i++) {
		if (forms[i].oid == t.oid)
			how = forms[i].form[form];
	}
	/* a numeric whose scale is not known prints as its value comes, as SQLite's does */
	if (!how || schema_kept(c) ||
	    (t.oid == XLAT_OID_NUMERIC && xlat_numeric_scale_of(t) < 0))
		return;
	if (how == 'B') {
		xlat_insert_at(c, to, ", 'B')");
		xlat_insert_at(c, from, "pgfn_pgtext(");
		return;
	}
	xlat_insert_at(c, to, arena_printf(c->a, ", %u, %d)", t.oid,
					   t.oid == XLAT_OID_NUMERIC ? (int)t.typmod : -1));
	xlat_insert_at(c, from, "pgfn_text_out(");
}

bool xlat_text_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t,
		       enum xlat_textform form)
{
	size_t mark = c->sb->len;
	if (!xlat_expr(c, n, t))
		return false;
	xlat_text_form(c, mark, c->sb->len, *t, form);
	return true;
}
