/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_pliter.c: the PL/pgSQL loops over something other than a query — FOREACH over an
 * array's elements or slices — loaded as FOR loops (XLAT_PL_FORS) whose rows the session
 * makes from the array. */
#include "xlat_plpgsql.h"

#include <string.h>

bool xlat_plload_foreach(struct xlat_plloader *l, const struct xlat_json *b,
			 struct xlat_pl_stmt *st)
{
	size_t mark = l->nscope;
	xlat_plload_push(l, st->label, -1);
	st->kind = XLAT_PL_FORS;
	st->iter = XLAT_PL_ITER_ARRAY;
	st->slice = xlat_json_int(b, "slice", 0);
	int var = xlat_json_int(b, "varno", -1);
	const char *kind;
	const struct xlat_json *d = var >= 0 && (size_t)var < l->datums->n
					    ? xlat_plload_node(&l->datums->items[var], &kind)
					    : NULL;
	bool ok = true;
	if (!d || strcmp(kind, "PLpgSQL_var") != 0 || !l->vars[var].name || !l->vars[var].type) {
		ok = xlat_plload_unsupported(l, "FOREACH into a record or several variables");
	} else {
		int *v = arena_zalloc(l->c->a, sizeof(int));
		*v = var;
		st->targets = v;
		st->ntargets = 1;
	}
	ok = ok && (st->expr = xlat_plload_expr(l, xlat_json_get(b, "expr"))) &&
	     xlat_plload_list(l, xlat_json_get(b, "body"), &st->body);
	l->nscope = mark;
	return ok;
}
