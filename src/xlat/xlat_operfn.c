/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_operfn.c: a built-in operator's function called by name (int4pl(1, 2), texteq(a, b),
 * textcat(a, b), booleq(a, b)) is that operator on its operands, each cast to the operand type
 * pg_operator declares: the catalog names the operator (xlat_env.oper_fn, one lookup of
 * PostgreSQL 15's rows, no list here). An operand that has no implicit cast to that type
 * (int4pl(1.5, 2)) is 42883, as PostgreSQL finds no such function. */
#include "xlat_int.h"

#include <string.h>

#define NODE(k) PG_QUERY__NODE__NODE_##k

/* The rank of a number type in PostgreSQL's implicit casts (int2 → int4 → int8 → numeric →
 * float4 → float8), 0 for another type. */
static int num_rank(uint32_t oid)
{
	static const uint32_t chain[] = {XLAT_OID_INT2,	   XLAT_OID_INT4,   XLAT_OID_INT8,
					 XLAT_OID_NUMERIC, XLAT_OID_FLOAT4, XLAT_OID_FLOAT8};
	for (size_t i = 0; i < ARRAY_LEN(chain); i++) {
		if (chain[i] == oid)
			return (int)i + 1;
	}
	return 0;
}

static bool is_string(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NAME;
}

/* Whether a value of type from reaches operand type to implicitly; *cast when it needs a
 * cast to get there (an untyped literal, a narrower number, another string type). */
static bool coercible(uint32_t from, uint32_t to, bool *cast)
{
	*cast = from != to;
	if (from == to || from == XLAT_OID_UNKNOWN || from == XLAT_OID_UNKNOWN_COL)
		return true;
	if (num_rank(from) && num_rank(to))
		return num_rank(from) < num_rank(to);
	return is_string(from) && is_string(to);
}

/* n::ti's type */
static PgQuery__Node *cast_to(struct xlat_ctx *c, const PgQuery__Node *n,
			      const struct xlat_typeinfo *ti)
{
	return xlat_tree_cast(c->a, n, ti->typname, -1);
}

int xlat_oper_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		   struct xlat_type *t)
{
	uint32_t types[3] = {0, 0, 0};
	const char *op = c->env && c->env->oper_fn && name ? c->env->oper_fn(name, types) : NULL;
	if (!op || f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter || f->over ||
	    f->func_variadic || f->agg_within_group)
		return 0; /* the caller's refusal names the function */
	size_t n = types[0] ? 2 : 1;
	bool named = false;
	for (size_t i = 0; i < f->n_args; i++)
		named |= f->args[i]->node_case == NODE(NAMED_ARG_EXPR);
	if (f->n_args != n || named) { /* operators' functions have no parameter names */
		xlat_func_no_such(c, f, name);
		return -1;
	}
	const PgQuery__Node *operand[2] = {NULL, NULL};
	for (size_t i = 0; i < n; i++) {
		const PgQuery__Node *a = f->args[i];
		uint32_t want = types[i + 2 - n];
		const struct xlat_typeinfo *ti = xlat_type_by_oid(want);
		struct xlat_type at;
		bool cast;
		if (!ti)
			return 0;
		if (!xlat_scope_dry_expr(c, a, &at))
			return -1;
		if (!coercible(at.oid, want, &cast)) {
			xlat_func_no_such(c, f, name);
			return -1;
		}
		operand[i] = cast ? cast_to(c, a, ti) : a;
	}
	const PgQuery__Node *e = n == 2 ? xlat_op_node(c, op, operand[0], operand[1], f->location)
					: xlat_op_node(c, op, NULL, operand[0], f->location);
	xlat_puts(c, "(");
	if (!xlat_expr(c, e, t))
		return -1;
	xlat_puts(c, ")");
	return 1;
}
