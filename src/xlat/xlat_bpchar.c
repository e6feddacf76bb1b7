/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_bpchar.c: character(n) as PostgreSQL reads it. A char(n) value is stored without its
 * trailing blanks (shardlite_bpchar, pgfn_cast.c), so SQLite's comparisons, indexes, length()
 * and casts to text see what PostgreSQL's ignore-the-padding semantics see; what is compared
 * with such a value loses its trailing blanks too, and the two places where PostgreSQL does
 * see the padding (octet_length, LIKE) get it back with pgfn_bpchar_pad. Output pads (pgtype). */
#include "xlat_int.h"

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The declared length of a char(n) value, 0 for any other type (or an unbounded bpchar). */
static int bpchar_len(struct xlat_type t)
{
	return t.oid == XLAT_OID_BPCHAR && t.typmod >= 5 ? t.typmod - 4 : 0;
}

int xlat_bpchar_literal(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t)
{
	if (t.oid != XLAT_OID_BPCHAR || n->node_case != NODE(A_CONST) || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return 0;
	struct xlat_type ignored;
	xlat_puts(c, "rtrim(");
	if (!xlat_expr(c, n, &ignored))
		return -1;
	xlat_puts(c, ", ' ')");
	return 1;
}

/* Whether n is a $n that is a bpchar: inferred from the other operand, or so declared. */
static bool bpchar_param(const struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (!n || n->node_case != NODE(PARAM_REF))
		return false;
	int k = n->param_ref->number;
	uint32_t given = k >= 1 && k <= c->ngiven ? c->given[k - 1] : 0;
	return given ? given == XLAT_OID_BPCHAR
		     : k >= 1 && k <= c->max_param && c->ptypes[k - 1] == XLAT_OID_BPCHAR;
}

/* Whether n, compared with a char(n) value, is compared as bpchar: a $n typed bpchar, or a
 * varchar (PostgreSQL picks bpchar's operator for char(n) = varchar; text's for text). */
static bool read_as_bpchar(const struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t)
{
	return bpchar_param(c, n) || t.oid == XLAT_OID_VARCHAR;
}

void xlat_bpchar_cmp(struct xlat_ctx *c, const PgQuery__Node *l, struct xlat_type lt,
		     const PgQuery__Node *r, struct xlat_type rt, size_t lstart, size_t lend,
		     size_t rstart)
{
	/* a bpchar without a length keeps its blanks ('a '::bpchar): compared as bpchar, or as
	 * text (bpchar's cast to text drops them), it is seen without them; what a char(n) or
	 * bpchar is compared with as bpchar (a varchar, a $n) loses them too */
	bool lb = lt.oid == XLAT_OID_BPCHAR, rb = rt.oid == XLAT_OID_BPCHAR;
	bool rtrim_r = !bpchar_len(rt) && (rb || (lb && read_as_bpchar(c, r, rt)));
	bool rtrim_l = !bpchar_len(lt) && (lb || (rb && read_as_bpchar(c, l, lt)));
	if (rtrim_r) {
		xlat_insert_at(c, rstart, "rtrim(");
		xlat_puts(c, ", ' ')");
	}
	if (rtrim_l) {
		xlat_insert_at(c, lend, ", ' ')");
		xlat_insert_at(c, lstart, "rtrim(");
	}
}

void xlat_bpchar_pad(struct xlat_ctx *c, size_t start, struct xlat_type t)
{
	int n = bpchar_len(t);
	if (!n)
		return;
	xlat_insert_at(c, start, "pgfn_bpchar_pad(");
	xlat_printf(c, ", %d)", n);
}
