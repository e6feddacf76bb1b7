/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_jsonbsub.c: jsonb subscripting, j['a'][0] (PostgreSQL 14's jsonb_subscript_handler),
 * found by probing PostgreSQL's jsonb.sql (issue #3): it was read as an array element
 * (pg_array_get), so ('[1,[2,3]]'::jsonb)[1] was NULL, silently, and j[1][0] 22P02. A
 * subscript chain reads as jsonb_extract_path(j, k1::text, k2::text ...), which is what
 * PostgreSQL's does: a text key of an array is read as its index, an integer key of an object
 * as its text, a negative index counts from the end, a NULL key gives NULL. The subscripts
 * must be coercible to integer or text (42804, as PostgreSQL's); a slice is 42804 too. json
 * has no subscripting (42804). */
#include "xlat_int.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* k::text */
static PgQuery__Node *to_text(struct xlat_ctx *c, PgQuery__Node *k)
{
	PgQuery__TypeName *tn = arena_zalloc(c->a, sizeof(*tn));
	pg_query__type_name__init(tn);
	tn->names = arena_zalloc(c->a, sizeof(*tn->names));
	tn->names[0] = xlat_tree_name(c->a, "text");
	tn->n_names = 1;
	tn->typemod = -1;
	tn->location = -1;
	PgQuery__TypeCast *tc = arena_zalloc(c->a, sizeof(*tc));
	pg_query__type_cast__init(tc);
	tc->arg = k;
	tc->type_name = tn;
	tc->location = -1;
	PgQuery__Node *n = xlat_tree_anode(c->a);
	n->node_case = NODE(TYPE_CAST);
	n->type_cast = tc;
	return n;
}

static bool key_type_ok(uint32_t oid)
{
	return oid == XLAT_OID_INT4 || oid == XLAT_OID_INT2 || oid == XLAT_OID_TEXT ||
	       oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR || oid == XLAT_OID_NAME ||
	       oid == XLAT_OID_UNKNOWN || oid == XLAT_OID_UNKNOWN_COL || oid == 0;
}

int xlat_jsonb_subscript(struct xlat_ctx *c, const PgQuery__AIndirection *ind,
			 struct xlat_type *t)
{
	struct xlat_type at;
	if (!xlat_scope_dry_expr(c, ind->arg, &at))
		return -1;
	if (at.oid == XLAT_OID_JSON)
		return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, xlat_tree_location(&ind->arg->base),
				 "cannot subscript type json because it does not support "
				 "subscripting")
			       ? 1
			       : -1;
	if (at.oid != XLAT_OID_JSONB)
		return 0;
	PgQuery__FuncCall *f = arena_zalloc(c->a, sizeof(*f));
	pg_query__func_call__init(f);
	f->funcname = arena_zalloc(c->a, sizeof(*f->funcname));
	f->funcname[0] = xlat_tree_name(c->a, "jsonb_extract_path");
	f->n_funcname = 1;
	f->location = -1;
	f->args = arena_zalloc(c->a, (ind->n_indirection + 1) * sizeof(*f->args));
	f->args[f->n_args++] = ind->arg;
	for (size_t i = 0; i < ind->n_indirection; i++) {
		const PgQuery__Node *k = ind->indirection[i];
		if (k->node_case != NODE(A_INDICES))
			return xlat_unsupported(c, -1, "field selection of a jsonb value") ? 1 : -1;
		PgQuery__Node *u = k->a_indices->uidx;
		if (k->a_indices->is_slice || !u)
			return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH,
					 u ? xlat_tree_location(&u->base) : -1,
					 "jsonb subscript does not support slices")
				       ? 1
				       : -1;
		struct xlat_type kt;
		if (!xlat_scope_dry_expr(c, u, &kt))
			return -1;
		if (!key_type_ok(kt.oid)) {
			const struct xlat_typeinfo *ti = xlat_type_by_oid(kt.oid);
			xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, xlat_tree_location(&u->base),
				  "subscript type %s is not supported", ti ? ti->sql_name : "unknown");
			pgerr_hint(c->err, "jsonb subscript must be coercible to either integer or "
					   "text.");
			return -1;
		}
		f->args[f->n_args++] = to_text(c, u);
	}
	PgQuery__Node *call = xlat_tree_anode(c->a);
	call->node_case = NODE(FUNC_CALL);
	call->func_call = f;
	return xlat_expr(c, call, t) ? 1 : -1;
}
