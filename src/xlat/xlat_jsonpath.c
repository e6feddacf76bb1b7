/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_jsonpath.c: SQL/JSON path — jsonb_path_exists/match/query_array/query_first (and the
 * _tz forms), the select list's jsonb_path_query (unnested from pgfn_jsonb_path_rows), and the
 * operators jsonb @? jsonpath, jsonb @@ jsonpath: each a call of pgfn_jsonb_path(target,
 * path, vars, silent, fn, nargs), which parses and evaluates the path (pgfn_jpexec.c). The set-
 * returning jsonb_path_query in FROM is xlat_srf.c's. */
#include "xlat_int.h"

#include <string.h>

#define XLAT_OID_JSONB_ARRAY 3807

static const struct pathfn {
	const char *name;
	int fn; /* pgfn_jpexec.c's enum path_fn */
	uint32_t oid;
} pathfns[] = {
	{"jsonb_path_exists", 0, XLAT_OID_BOOL},
	{"jsonb_path_exists_tz", 0, XLAT_OID_BOOL},
	{"jsonb_path_match", 1, XLAT_OID_BOOL},
	{"jsonb_path_match_tz", 1, XLAT_OID_BOOL},
	{"jsonb_path_query_array", 2, XLAT_OID_JSONB},
	{"jsonb_path_query_array_tz", 2, XLAT_OID_JSONB},
	{"jsonb_path_query_first", 3, XLAT_OID_JSONB},
	{"jsonb_path_query_first_tz", 3, XLAT_OID_JSONB},
	/* not PostgreSQL's: the select list's jsonb_path_query[_tz] unnests it
	 * (xlat_catalog_srf.c) */
	{"pgfn_jsonb_path_rows", 4, XLAT_OID_JSONB_ARRAY},
	/* set-returning: only at a select list's top level (xlat_catalog_srf.c) and in FROM
	 * (xlat_srf.c); elsewhere (in WHERE PostgreSQL refuses it too) refused */
	{"jsonb_path_query", -1, 0},
	{"jsonb_path_query_tz", -1, 0},
};

/* The argument types PostgreSQL's signature gives a bare $n. */
static const uint32_t arg_oids[4] = {XLAT_OID_JSONB, XLAT_OID_JSONPATH, XLAT_OID_JSONB,
				     XLAT_OID_BOOL};

/* Argument i; *fits false when its type is known and not the signature's (text is no
 * jsonpath, json no jsonb: PostgreSQL has no implicit cast between them). */
static bool arg(struct xlat_ctx *c, const PgQuery__Node *n, size_t i, bool *fits, const char **type)
{
	struct xlat_type t;
	if (n->node_case == PG_QUERY__NODE__NODE_PARAM_REF &&
	    !xlat_param(c, n->param_ref->number, arg_oids[i], n->param_ref->location))
		return false;
	if (!xlat_expr(c, n, &t))
		return false;
	bool ok = t.oid == arg_oids[i] || t.oid == XLAT_OID_UNKNOWN ||
		  t.oid == XLAT_OID_UNKNOWN_COL;
	*fits = *fits && ok;
	const struct xlat_typeinfo *ti = xlat_type_by_oid(t.oid);
	*type = ti ? ti->sql_name : t.oid == XLAT_OID_UNKNOWN ? "unknown" : "?";
	return true;
}

/* The arguments in signature order: positional, then vars => and silent => by name. */
static bool place_args(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       const PgQuery__Node *slots[4], size_t *given)
{
	static const char *const names[4] = {"target", "path", "vars", "silent"};
	*given = 0;
	for (size_t i = 0; i < f->n_args; i++) {
		const PgQuery__Node *n = f->args[i];
		size_t k = i;
		if (n->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR) {
			const char *an = n->named_arg_expr->name;
			for (k = 0; k < 4 && (!an || strcmp(an, names[k]) != 0); k++)
				;
			if (k == 4)
				return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
						 "function %s does not exist", name);
			n = (const PgQuery__Node *)n->named_arg_expr->arg;
		}
		if (slots[k])
			return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
					 "function %s does not exist", name);
		slots[k] = n;
		*given = k + 1 > *given ? k + 1 : *given;
	}
	return true;
}

int xlat_jsonpath_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       struct xlat_type *t)
{
	const struct pathfn *p = NULL;
	for (size_t i = 0; i < ARRAY_LEN(pathfns) && !p; i++)
		p = strcmp(pathfns[i].name, name) == 0 ? &pathfns[i] : NULL;
	if (!p || f->n_args < 2 || f->n_args > 4)
		return 0;
	if (p->fn < 0)
		return xlat_unsupported(c, f->location,
					"jsonb_path_query inside an expression (only as a select "
					"list item or in FROM)"),
		       -1;
	if (f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter || f->over ||
	    f->func_variadic)
		return xlat_unsupported(c, f->location, "this call of a jsonb_path function"), -1;
	const PgQuery__Node *slots[4] = {0};
	size_t given;
	if (!place_args(c, f, name, slots, &given))
		return -1;
	if (!slots[0] || !slots[1])
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
				 "function %s does not exist", name),
		       -1;
	xlat_puts(c, "pgfn_jsonb_path(");
	bool fits = true;
	const char *tn[4] = {0};
	for (size_t i = 0; i < 4; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!slots[i])
			xlat_puts(c, i == 2 ? "'{}'" : "0"); /* the defaults */
		else if (!arg(c, slots[i], i, &fits, &tn[i]))
			return -1;
	}
	if (!fits)
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
				 "function %s(%s, %s%s%s%s%s) does not exist", name, tn[0], tn[1],
				 tn[2] ? ", " : "", tn[2] ? tn[2] : "", tn[3] ? ", " : "",
				 tn[3] ? tn[3] : ""),
		       -1;
	xlat_printf(c, ", %d, 4)", p->fn);
	*t = (struct xlat_type){p->oid, -1};
	return 1;
}

/* Whether n is visibly a jsonpath: a cast to it. */
static bool is_jsonpath_node(const PgQuery__Node *n)
{
	if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST)
		return false;
	const PgQuery__TypeName *tn = n->type_cast->type_name;
	const char *last = tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	return last && strcmp(last, "jsonpath") == 0 && !tn->n_array_bounds;
}

int xlat_jsonpath_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
		     struct xlat_type *t)
{
	bool match = strcmp(op, "@@") == 0;
	if (!match && strcmp(op, "@?") != 0)
		return 0;
	struct xlat_type lt;
	const char *l = xlat_expr_aside(c, e->lexpr, &lt);
	if (!l)
		return -1;
	/* @@ is also text search's: jsonpath's when an operand is visibly JSON */
	if (match && lt.oid != XLAT_OID_JSONB && lt.oid != XLAT_OID_JSON &&
	    lt.oid != XLAT_OID_UNKNOWN_COL && lt.oid != XLAT_OID_UNKNOWN &&
	    !is_jsonpath_node(e->rexpr))
		return 0;
	xlat_puts(c, "pgfn_jsonb_path(");
	bool fits = true;
	const char *ln, *rn;
	if (!arg(c, e->lexpr, 0, &fits, &ln) ||
	    (xlat_puts(c, ", "), !arg(c, e->rexpr, 1, &fits, &rn)))
		return -1;
	if (!fits)
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, e->location,
				 "operator does not exist: %s %s %s", ln, op, rn),
		       -1;
	xlat_printf(c, ", '{}', 1, %d, 4)", match ? 1 : 0); /* the operators are silent */
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return 1;
}
