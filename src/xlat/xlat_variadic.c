/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_variadic.c: the built-in text functions of VARIADIC "any" called with VARIADIC and an
 * array, whose elements (in their output form) are then the value arguments:
 * concat(VARIADIC a) and concat_ws(sep, VARIADIC a) are pgfn_concat_ws_va('' or sep, a)
 * (pgfn_string.c), format(fmt, VARIADIC a) is pgfn_format_va(fmt, a) (pgfn_format.c). Other
 * functions' VARIADIC is their own. */
#include "xlat_int.h"

#include <string.h>

/* The VARIADIC argument a, as text of its elements' output form; 42804 for no array, as
 * PostgreSQL's "VARIADIC argument must be an array". */
static bool array_arg(struct xlat_ctx *c, const PgQuery__Node *a)
{
	struct xlat_type t;
	size_t mark = c->sb->len;
	if (!xlat_expr(c, a, &t))
		return false;
	if (t.oid == XLAT_OID_UNKNOWN ||
	    (t.oid != XLAT_OID_UNKNOWN_COL && !xlat_array_elem_in(c, t.oid)))
		return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, xlat_tree_location(&a->base),
				 "VARIADIC argument must be an array");
	xlat_text_form(c, mark, c->sb->len, t, XLAT_TF_OUTPUT);
	return true;
}

int xlat_variadic_text(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       struct xlat_type *t)
{
	bool concat = strcmp(name, "concat") == 0, ws = strcmp(name, "concat_ws") == 0,
	     format = strcmp(name, "format") == 0;
	if (!f->func_variadic || (!concat && !ws && !format) || f->agg_star || f->agg_distinct ||
	    f->n_agg_order || f->agg_filter || f->over)
		return 0; /* the decoration's error, where the caller reports them */
	size_t nfixed = concat ? 0 : 1;
	bool named = false;
	for (size_t i = 0; i < f->n_args; i++)
		named |= f->args[i]->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR;
	if (f->n_args != nfixed + 1 || named) { /* concat('x', VARIADIC a): no such function */
		xlat_func_no_such(c, f, name);
		return -1;
	}
	struct xlat_type ignored;
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	xlat_puts(c, format ? "pgfn_format_va(" : "pgfn_concat_ws_va(");
	if (concat)
		xlat_puts(c, "''");
	else if (!xlat_text_operand(c, f->args[0], &ignored, XLAT_TF_OUTPUT))
		return -1;
	xlat_puts(c, ", ");
	if (!array_arg(c, f->args[nfixed]))
		return -1;
	xlat_puts(c, ")");
	return 1;
}
