/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_arrayset.c: UPDATE's SET targets with subscripts, a[i] = v, a[i][j] = v, a[l:u] = src
 * of an array column: the column assigned pgfn_array_set / pgfn_array_setslice of itself
 * (pgfn_arrayset.c), several such targets of one column nested in their order, as
 * PostgreSQL's rewriter combines them. The element assigned is cast as a value of the array's
 * element type would be assigned, a slice's source as a value of the array's type. */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static bool is_subscripts(const PgQuery__ResTarget *rt)
{
	for (size_t i = 0; i < rt->n_indirection; i++)
		if (rt->indirection[i]->node_case != NODE(A_INDICES))
			return false;
	return rt->n_indirection > 0;
}

static bool is_slice(const PgQuery__ResTarget *rt)
{
	for (size_t i = 0; i < rt->n_indirection; i++)
		if (rt->indirection[i]->a_indices->is_slice)
			return true;
	return false;
}

/* The element type of col's array type (an enum's or a row type's too); 0 for no array. */
static uint32_t elem_type(struct xlat_ctx *c, const struct xlat_schema_col *col)
{
	uint32_t elem = col && col->type_oid ? xlat_array_elem_in(c, col->type_oid) : 0;
	return elem ? elem : col && col->type_oid ? xlat_comptype_array_elem(c, col->type_oid) : 0;
}

/* ", v, 'tag', i1, ..., ik)" of an element target. */
static bool element_tail(struct xlat_ctx *c, const struct xlat_schema_col *col, uint32_t elem,
			 const PgQuery__ResTarget *rt)
{
	struct xlat_schema_col ec = {.name = col->name, .type_oid = elem, .typmod = col->typmod};
	struct xlat_type ignored;
	xlat_puts(c, ", ");
	if (!xlat_assign_value(c, &ec, rt->val))
		return false;
	xlat_printf(c, ", '%c'", xlat_array_put_tag((struct xlat_type){elem, -1}));
	for (size_t i = 0; i < rt->n_indirection; i++) {
		xlat_puts(c, ", ");
		if (!xlat_expr(c, rt->indirection[i]->a_indices->uidx, &ignored))
			return false;
	}
	xlat_puts(c, ")");
	return true;
}

/* ", src, 'spec', bounds...)" of a slice target; a subscript without a colon is 1:i. */
static bool slice_tail(struct xlat_ctx *c, const struct xlat_schema_col *col,
		       const PgQuery__ResTarget *rt)
{
	size_t n = rt->n_indirection;
	if (n > 6)
		return xlat_fail(c, "54000", -1,
				 "number of array dimensions (%zu) exceeds the maximum allowed (6)",
				 n);
	xlat_puts(c, ", ");
	if (!xlat_assign_value(c, col, rt->val) || !xlat_array_slice_args(c, rt->indirection, n))
		return false;
	xlat_puts(c, ")");
	return true;
}

/* The -1 of a failure whose error xlat_fail / xlat_unsupported has set. */
static int failed(bool ignored)
{
	(void)ignored;
	return -1;
}

int xlat_array_set_target(struct xlat_ctx *c, PgQuery__Node **v, size_t n, size_t i,
			  const struct xlat_schema_col *col, bool more)
{
	const PgQuery__ResTarget *rt = v[i]->res_target;
	uint32_t elem = elem_type(c, col);
	if (!elem || !is_subscripts(rt))
		return 0;
	size_t same[64], ns = 0;
	for (size_t k = 0; k < n; k++) {
		const PgQuery__ResTarget *o = v[k]->res_target;
		if (strcmp(o->name, rt->name) != 0)
			continue;
		if (!is_subscripts(o))
			return failed(xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
						"multiple assignments to same column \"%s\"",
						rt->name));
		if (k < i)
			return 1; /* assigned with the first of them */
		if (o->val->node_case == NODE(MULTI_ASSIGN_REF))
			return failed(xlat_unsupported(
				c, o->location,
				"assigning to an array element in a multiple-column "
				"assignment"));
		if (ns == sizeof(same) / sizeof(same[0]))
			return failed(xlat_unsupported(
				c, o->location,
				"more than 64 subscripted assignments to one column"));
		same[ns++] = k;
	}
	xlat_puts(c, more ? ", " : "");
	xlat_ident(c, rt->name);
	xlat_puts(c, " = ");
	for (size_t k = ns; k-- > 0;)
		xlat_puts(c, is_slice(v[same[k]]->res_target) ? "pgfn_array_setslice("
							      : "pgfn_array_set(");
	xlat_ident(c, rt->name);
	for (size_t k = 0; k < ns; k++) {
		const PgQuery__ResTarget *o = v[same[k]]->res_target;
		if (!(is_slice(o) ? slice_tail(c, col, o) : element_tail(c, col, elem, o)))
			return -1;
	}
	return 1;
}
