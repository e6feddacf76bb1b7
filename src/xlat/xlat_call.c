/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_call.c: calls of the tenant's functions and procedures — f(args) in an expression and
 * CALL p(args) — chosen by argument types as PostgreSQL chooses, and emitted as
 * shardlite_call(name, sig, args...), which the session answers by running the body in its
 * PL/pgSQL interpreter (src/session/sess_udf.c, through pgfn_call.c). */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SQLSTATE_AMBIGUOUS_FUNCTION "42725"
#define SQLSTATE_WRONG_OBJECT_TYPE "42809"

/* Whether a value of type from may be passed for an argument of type to: the same type, an
 * untyped literal or parameter, or one of PostgreSQL's implicit casts between the numeric
 * types (up the chain int2 → int4 → int8 → numeric → float4 → float8) and the string types. */
static bool implicit(uint32_t from, uint32_t to)
{
	static const uint32_t chain[] = {XLAT_OID_INT2, XLAT_OID_INT4, XLAT_OID_INT8,
					 XLAT_OID_NUMERIC, XLAT_OID_FLOAT4, XLAT_OID_FLOAT8};
	if (from == to || from == XLAT_OID_UNKNOWN || from == XLAT_OID_UNKNOWN_COL)
		return true;
	int f = -1, t = -1;
	for (int i = 0; i < (int)ARRAY_LEN(chain); i++) {
		f = chain[i] == from ? i : f;
		t = chain[i] == to ? i : t;
	}
	if (f >= 0 && t >= 0)
		return f < t;
	bool from_str = from == XLAT_OID_TEXT || from == XLAT_OID_VARCHAR ||
			from == XLAT_OID_BPCHAR || from == XLAT_OID_NAME;
	return from_str && (to == XLAT_OID_TEXT || to == XLAT_OID_VARCHAR);
}

/* The best of the functions named name taking n arguments of types tv: the one with the
 * most exact matches among those every argument may be passed to, a string literal going to
 * text first (PostgreSQL's preferred type of its category); NULL when none (*ambiguous: two
 * tie). */
static const struct xlat_udf *choose(struct xlat_ctx *c, const char *name,
				     const struct xlat_type *tv, size_t n, bool *ambiguous)
{
	const struct xlat_udf *best = NULL;
	int best_exact = -1;
	*ambiguous = false;
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		if (u->nargs != n || strcmp(u->name, name) != 0)
			continue;
		int exact = 0; /* twice the exact matches, plus an untyped literal given text */
		bool ok = true;
		for (size_t k = 0; ok && k < n; k++) {
			ok = implicit(tv[k].oid, u->argtypes[k]);
			exact += 2 * (tv[k].oid == u->argtypes[k]);
			exact += tv[k].oid == XLAT_OID_UNKNOWN && u->argtypes[k] == XLAT_OID_TEXT;
		}
		if (!ok)
			continue;
		*ambiguous = exact == best_exact;
		if (exact > best_exact) {
			best = u;
			best_exact = exact;
		}
	}
	return best;
}

/* A parameter passed as an argument takes the argument's type (ParameterDescription). */
static void param_type(struct xlat_ctx *c, const PgQuery__Node *n, uint32_t oid)
{
	if (!n || n->node_case != NODE(PARAM_REF))
		return;
	const PgQuery__ParamRef *p = n->param_ref;
	if (!xlat_param(c, p->number, 0, p->location))
		return;
	if (p->number <= c->ngiven && c->given[p->number - 1])
		return;
	if (!c->ptypes[p->number - 1])
		c->ptypes[p->number - 1] = oid;
}

/* "f(integer, unknown)": a call as PostgreSQL names it, with the arguments' types. */
static const char *call_display(struct xlat_ctx *c, const char *name, const struct xlat_type *tv,
				size_t n)
{
	const char **decls = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		const struct xlat_typeinfo *ti = xlat_type_by_oid(tv[i].oid);
		decls[i] = ti ? ti->sql_name : "unknown";
	}
	return xlat_udf_display(c, name, decls, n);
}

/* A procedure called from SELECT or a function from CALL: 42809 with PostgreSQL's hint. */
static bool kind_check(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct xlat_udf *u,
		       const struct xlat_type *tv, bool call)
{
	if ((u->kind == 'p') == call)
		return true;
	xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location, "%s is %sa procedure",
		  call_display(c, u->name, tv, u->nargs), call ? "not " : "");
	pgerr_hint(c->err, call ? "To call a function, use SELECT."
				: "To call a procedure, use CALL.");
	return false;
}

static int udf_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    const char *schema, struct xlat_type *t, bool call)
{
	bool own = !schema || strcmp(schema, "public") == 0 || strcmp(schema, "pg_catalog") == 0 ||
		   (c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0);
	if (!name || !own || f->n_funcname > 2 || (!xlat_udf_count(c, name) && !call))
		return 0;
	if (f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter || f->over ||
	    f->func_variadic) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location,
			  "%s is not an aggregate or window function", name);
		return -1;
	}
	size_t n = f->n_args;
	struct xlat_type *tv = arena_zalloc(c->a, (n + 1) * sizeof(*tv));
	const char **txt = arena_zalloc(c->a, (n + 1) * sizeof(*txt));
	struct strbuf *saved = c->sb;
	xlat_nocache(c); /* the arguments' text is copied */
	for (size_t i = 0; i < n; i++) {
		struct strbuf tmp;
		strbuf_init(&tmp, 0);
		c->sb = &tmp;
		bool ok = xlat_expr(c, f->args[i], &tv[i]);
		c->sb = saved;
		txt[i] = arena_strndup(c->a, tmp.data ? tmp.data : "", tmp.len);
		strbuf_fini(&tmp);
		if (!ok)
			return -1;
	}
	bool ambiguous;
	const struct xlat_udf *u = choose(c, name, tv, n, &ambiguous);
	if (!u && call) {
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location, "procedure %s does not exist",
			  call_display(c, name, tv, n));
		pgerr_hint(c->err, "No procedure matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return -1;
	}
	if (!u)
		return 0; /* the caller's "function f(...) does not exist" */
	if (u->rettype == XLAT_OID_TRIGGER) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			  "trigger functions can only be called as triggers");
		return -1;
	}
	if (!kind_check(c, f, u, tv, call))
		return -1;
	if (ambiguous) {
		xlat_fail(c, SQLSTATE_AMBIGUOUS_FUNCTION, f->location,
			  "function %s is not unique", xlat_udf_display(c, name, u->argdecls, n));
		pgerr_hint(c->err, "Could not choose a best candidate function. You might need "
				   "to add explicit type casts.");
		return -1;
	}
	xlat_puts(c, "shardlite_call(");
	xlat_string(c, u->name);
	xlat_puts(c, ", ");
	xlat_string(c, u->sig);
	for (size_t i = 0; i < n; i++) {
		param_type(c, f->args[i], u->argtypes[i]);
		xlat_printf(c, ", %s", txt[i]);
	}
	xlat_puts(c, ")");
	if (u->volatility == 'v')
		c->volatile_seen++;
	*t = (struct xlat_type){u->rettype, -1};
	return 1;
}

int xlat_udf_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  const char *schema, struct xlat_type *t)
{
	return udf_call(c, f, name, schema, t, false);
}

/* CALL p(args): the procedure run by a one-statement script (its rows, none, dropped). */
bool xlat_stmt_call(struct xlat_ctx *c, const PgQuery__CallStmt *s)
{
	const PgQuery__FuncCall *f = s->funccall;
	if (!f || !f->n_funcname)
		return xlat_unsupported(c, -1, "this CALL");
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname > 1 ? xlat_node_str(f->funcname[0]) : NULL;
	struct xlat_type t;
	c->st->kind = XLAT_SCRIPT;
	c->st->tag = "CALL";
	c->st->writes = true;
	xlat_puts(c, "SELECT ");
	int r = udf_call(c, f, name, schema, &t, true);
	if (r < 0)
		return false;
	if (r == 0) {
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
			  "procedure %s(...) does not exist", name ? name : "?");
		pgerr_hint(c->err, "No procedure matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return false;
	}
	if (c->max_param)
		return xlat_unsupported(c, -1, "CALL with $n parameters");
	return true;
}
