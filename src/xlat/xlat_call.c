/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_call.c: calls of the tenant's functions and procedures — f(args) in an expression and
 * CALL p(args) — chosen by argument types as PostgreSQL chooses, and emitted as
 * shardlite_call(name, sig, args...), which the session answers by running the body in its
 * PL/pgSQL interpreter (src/session/sess_udf.c, through pgfn_call.c). */
#include "xlat_int.h"

#include "pgtype.h"

#include <pg_query.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SQLSTATE_AMBIGUOUS_FUNCTION "42725"
#define SQLSTATE_WRONG_OBJECT_TYPE "42809"
#define MAX_ARGS 100 /* FUNC_MAX_ARGS */

/* Whether a value of type from may be passed for an argument of type to: the same type, an
 * untyped literal or parameter, or one of PostgreSQL's implicit casts between the numeric
 * types (up the chain int2 → int4 → int8 → numeric → float4 → float8) and the string types. */
static bool implicit(uint32_t from, uint32_t to)
{
	static const uint32_t chain[] = {XLAT_OID_INT2,    XLAT_OID_INT4,   XLAT_OID_INT8,
					 XLAT_OID_NUMERIC, XLAT_OID_FLOAT4, XLAT_OID_FLOAT8};
	if (from == to || from == XLAT_OID_UNKNOWN || from == XLAT_OID_UNKNOWN_COL)
		return true;
	if (from == XLAT_OID_RECORD && to >= 16384) /* ROW(...) for a row type's parameter */
		return true;
	if (xlat_type_reg_oid(to) && (from == XLAT_OID_OID || from == XLAT_OID_INT2 ||
				      from == XLAT_OID_INT4 || from == XLAT_OID_INT8))
		return true; /* f('t'::regclass), whose value here is the OID: pg_cast's 'i' casts */
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

/* A call's arguments as given: positional ones first, then named ones (names[k] set). */
struct call_args {
	size_t n;
	bool variadic; /* f(VARIADIC array): the last argument is the array itself */
	bool temp;     /* pg_temp.f(...): the session's own functions only */
	const PgQuery__Node **expr;
	const char **names; /* NULL for a positional argument */
	const char **txt;   /* each one translated */
	struct xlat_type *tv;
};

/* A variadic function called with a list: positional arguments only, those from the last
 * parameter on its array's elements. */
static bool expanded(const struct xlat_udf *u, const struct call_args *ca, size_t *map)
{
	for (size_t k = 0; k < ca->n; k++) {
		if (ca->names[k])
			return false;
		map[k] = k < u->nargs ? k : u->nargs - 1;
	}
	return true;
}

/* The type argument k must be passed as: the parameter's, or for the variadic array's
 * elements, its element type. */
static uint32_t param_type_of(const struct xlat_udf *u, const struct call_args *ca,
			      const size_t *map, size_t k)
{
	uint32_t t = u->argtypes[map[k]];
	if (!u->variadic || ca->variadic || map[k] + 1 != u->nargs)
		return t;
	if (xlat_poly_variadic_elem(t)) /* VARIADIC anyarray: its elements are anyelement */
		return xlat_poly_variadic_elem(t);
	const struct pgtype_info *ti = pgtype_by_oid(t);
	return ti ? ti->elem_oid : 0;
}

/* Where each given argument goes among u's parameters (map[k]), as PostgreSQL matches a call
 * to a candidate: false when there are too many, a name u does not have or one a positional
 * argument already fills, or a parameter without a default is left out. */
static bool match(const struct xlat_udf *u, const struct call_args *ca, size_t *map)
{
	bool filled[MAX_ARGS + 1] = {false};
	if (ca->variadic != u->variadic && (ca->variadic || ca->n < u->nargs))
		return false; /* VARIADIC given to no variadic function, or no variadic value */
	if (u->variadic && !ca->variadic) /* the expanded form: the extra ones fill the array */
		return expanded(u, ca, map);
	if (ca->n > u->nargs || u->nargs > MAX_ARGS)
		return false;
	for (size_t k = 0; k < ca->n; k++) {
		size_t i = k;
		if (ca->names[k]) {
			for (i = 0; i < u->nargs; i++)
				if (strcmp(u->argnames[i], ca->names[k]) == 0)
					break;
			if (i == u->nargs || filled[i])
				return false;
		}
		map[k] = i;
		filled[i] = true;
	}
	for (size_t i = 0; i + u->ndefaults < u->nargs; i++)
		if (!filled[i])
			return false;
	return true;
}

/* Whether u is a procedure with OUT parameters, whose CALL passes a value (not evaluated) in
 * each OUT parameter's place too, as PostgreSQL 14+ calls it. */
static bool outs_in_call(const struct xlat_udf *u)
{
	return u->kind == 'p' && u->modes && strchr(u->modes, 'o');
}

/* Such a procedure as its CALL is matched: every parameter in order; the defaults only when
 * no OUT parameter follows the first defaulted input. */
static const struct xlat_udf *call_view(struct xlat_ctx *c, const struct xlat_udf *u)
{
	struct xlat_udf *v = arena_alloc(c->a, sizeof(*v));
	*v = *u;
	v->nargs = u->nparams;
	v->argtypes = u->alltypes;
	v->argnames = u->allnames;
	v->argdecls = u->alldecls;
	size_t in = 0, first_default = u->nargs - u->ndefaults;
	for (size_t k = 0; k < u->nparams; k++) {
		if (u->modes[k] == 'o' && u->ndefaults && in >= first_default)
			v->ndefaults = 0;
		in += u->modes[k] != 'o';
	}
	return v;
}

/* Whether the arguments' types agree with u's polymorphic parameters (true when it has
 * none), as PostgreSQL's check_generic_type_consistency; what they resolve to into *p. */
static bool poly_match(struct xlat_ctx *c, const struct xlat_udf *u, const struct call_args *ca,
		       const size_t *map, struct xlat_poly *p)
{
	*p = (struct xlat_poly){0};
	if (!xlat_udf_polymorphic(u))
		return true;
	uint32_t *decl = arena_zalloc(c->a, (ca->n + 1) * sizeof(*decl));
	uint32_t *actual = arena_zalloc(c->a, (ca->n + 1) * sizeof(*actual));
	for (size_t k = 0; k < ca->n; k++) {
		decl[k] = param_type_of(u, ca, map, k);
		actual[k] = ca->tv[k].oid;
	}
	return xlat_poly_match(c, decl, actual, ca->n, p);
}

/* The best of the functions named name that can take the call: the one with the most exact
 * matches among those every argument may be passed to, a string literal going to text first
 * (PostgreSQL's preferred type of its category); NULL when none (*ambiguous: two tie). Its
 * parameter for each argument into map; for a CALL of a procedure with OUT parameters the
 * procedure as matched (call_view), the procedure itself into *real. */
/* Whether a and b take the call's arguments as the same types (through maps ma, mb). */
static bool same_params(const struct xlat_udf *a, const size_t *ma, const struct xlat_udf *b,
			const size_t *mb, const struct call_args *ca)
{
	for (size_t k = 0; k < ca->n; k++)
		if (param_type_of(a, ca, ma, k) != param_type_of(b, ca, mb, k))
			return false;
	return true;
}

static const struct xlat_udf *choose(struct xlat_ctx *c, const char *name,
				     const struct call_args *ca, size_t *map, bool *ambiguous,
				     bool call, const struct xlat_udf **real)
{
	const struct xlat_udf *best = NULL;
	int best_exact = -1;
	bool best_expanded = false;
	size_t *m = arena_zalloc(c->a, (ca->n + 1) * sizeof(*m));
	*ambiguous = false;
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *own = &c->schema->udfs[i];
		const struct xlat_udf *u = call && outs_in_call(own) ? call_view(c, own) : own;
		if (strcmp(u->name, name) != 0 || u->temp != ca->temp || !match(u, ca, m))
			continue;
		int exact = 0; /* twice the exact matches, plus an untyped literal given text */
		bool ok = true;
		for (size_t k = 0; ok && k < ca->n; k++) {
			uint32_t from = ca->tv[k].oid, to = param_type_of(u, ca, m, k);
			ok = xlat_poly_oid(to) || implicit(from, to); /* poly: poly_match below */
			exact += 2 * (from == to);
			exact += from == XLAT_OID_UNKNOWN && to == XLAT_OID_TEXT;
		}
		struct xlat_poly p;
		if (!ok || !poly_match(c, u, ca, m, &p))
			continue;
		bool expanded = u->variadic && !ca->variadic;
		if (exact == best_exact && expanded != best_expanded &&
		    same_params(best, map, u, m, ca)) {
			/* PostgreSQL drops the variadic form a function of the same parameters hides */
			if (!expanded)
				exact++; /* this one replaces it */
			else
				continue;
		} else if (exact == best_exact) {
			*ambiguous = true;
		}
		if (exact > best_exact) {
			*ambiguous = false;
			best = u;
			best_expanded = expanded;
			*real = own;
			best_exact = exact;
			memcpy(map, m, ca->n * sizeof(*m));
		}
	}
	return best;
}

const char *xlat_expr_aside(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	struct strbuf tmp, *saved = c->sb;
	strbuf_init(&tmp, 0);
	c->sb = &tmp;
	bool ok = xlat_expr(c, n, t);
	c->sb = saved;
	const char *out = ok ? arena_strndup(c->a, tmp.data ? tmp.data : "", tmp.len) : NULL;
	strbuf_fini(&tmp);
	return out;
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

/* "f(integer, b => unknown)": a call as PostgreSQL names it, with the arguments' types. */
static const char *call_display(struct xlat_ctx *c, const char *name, const struct call_args *ca)
{
	const char **decls = arena_zalloc(c->a, (ca->n + 1) * sizeof(char *));
	for (size_t i = 0; i < ca->n; i++) {
		const struct xlat_typeinfo *ti = xlat_type_by_oid(ca->tv[i].oid);
		const struct pgtype_info *pi = ti ? NULL : pgtype_by_oid(ca->tv[i].oid);
		const struct xlat_typeinfo *ei = pi ? xlat_type_by_oid(pi->elem_oid) : NULL;
		decls[i] = ti   ? ti->sql_name
			   : ei ? arena_printf(c->a, "%s[]", ei->sql_name)
				: "unknown";
		if (ca->names[i])
			decls[i] = arena_printf(c->a, "%s => %s", ca->names[i], decls[i]);
	}
	return xlat_udf_display(c, ca->temp ? arena_printf(c->a, "pg_temp.%s", name) : name, decls,
				ca->n);
}

/* A procedure called from SELECT or a function from CALL: 42809 with PostgreSQL's hint. */
static bool kind_check(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct xlat_udf *u,
		       const struct call_args *ca, bool call)
{
	if ((u->kind == 'p') == call)
		return true;
	xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location, "%s is %sa procedure",
		  call_display(c, u->name, ca), call ? "not " : "");
	pgerr_hint(c->err,
		   call ? "To call a function, use SELECT." : "To call a procedure, use CALL.");
	return false;
}

/* A parameter the client declared void: PostgreSQL's parser drops it from a call's arguments
 * (pgJDBC's placeholder for an OUT value: {? = call f(?)} is f($1, $2) with $1 void). */
static bool void_param(const struct xlat_ctx *c, const PgQuery__Node *x)
{
	if (x->node_case != NODE(PARAM_REF))
		return false;
	int k = x->param_ref->number;
	return k >= 1 && k <= c->ngiven && c->given[k - 1] == PGTYPE_VOID;
}

/* Splits f's arguments into ca (names checked as PostgreSQL's parser does) and translates
 * each one. */
static bool read_args(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct call_args *ca)
{
	size_t n = f->n_args;
	ca->n = 0;
	ca->expr = arena_zalloc(c->a, (n + 1) * sizeof(*ca->expr));
	ca->names = arena_zalloc(c->a, (n + 1) * sizeof(*ca->names));
	ca->txt = arena_zalloc(c->a, (n + 1) * sizeof(*ca->txt));
	ca->tv = arena_zalloc(c->a, (n + 1) * sizeof(*ca->tv));
	for (size_t j = 0; j < n; j++) {
		const PgQuery__Node *x = f->args[j];
		if (void_param(c, x)) {
			(void)xlat_param(c, x->param_ref->number, 0, x->param_ref->location);
			continue;
		}
		size_t i = ca->n++;
		if (x->node_case == NODE(NAMED_ARG_EXPR)) {
			const PgQuery__NamedArgExpr *na = x->named_arg_expr;
			for (size_t k = 0; k < i; k++)
				if (ca->names[k] && strcmp(ca->names[k], na->name) == 0)
					return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, na->location,
							 "argument name \"%s\" used more than once",
							 na->name);
			ca->names[i] = na->name;
			x = na->arg;
		} else if (i && ca->names[i - 1]) {
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, xlat_tree_location(&x->base),
					 "positional argument cannot follow named argument");
		}
		ca->expr[i] = x;
		/* a whole row (f(u) of FROM users u): its text, typed as its row type; of a
		 * subquery (f(x) of FROM (SELECT u.* FROM users u) x, PostGraphile's computed
		 * columns) a record, which a row type's parameter reads as ROW(...)'s */
		if (!(ca->txt[i] = xlat_comptype_record_aside(c, x, &ca->tv[i])) &&
		    pgerr_is_set(c->err))
			return false;
		if (!ca->txt[i] && !(ca->txt[i] = xlat_expr_aside(c, x, &ca->tv[i])))
			return false;
	}
	return true;
}

/* Parameter i's default, translated in the caller's statement as the parameter's type. */
static const char *default_arg(struct xlat_ctx *c, const struct xlat_udf *u, size_t i)
{
	const char *sql = arena_printf(c->a, "SELECT (%s)::%s",
				       u->defaults[i - (u->nargs - u->ndefaults)], u->argdecls[i]);
	PgQuery__ParseResult *tree = xlat_parse_tree(sql, NULL);
	const PgQuery__Node *n = tree && tree->n_stmts == 1 ? tree->stmts[0]->stmt : NULL;
	const char *out = NULL;
	struct xlat_type t;
	if (n && n->node_case == NODE(SELECT_STMT) && n->select_stmt->n_target_list == 1)
		out = xlat_expr_aside(c, n->select_stmt->target_list[0]->res_target->val, &t);
	else
		xlat_unsupported(c, -1, "this parameter default");
	if (tree)
		pg_query__parse_result__free_unpacked(tree, NULL);
	return out;
}

/* The variadic parameter's array: ARRAY[...] of the arguments that fill it. */
static const char *variadic_array(struct xlat_ctx *c, const struct xlat_udf *u,
				  const struct call_args *ca, const size_t *map)
{
	PgQuery__AArrayExpr ae = PG_QUERY__A__ARRAY_EXPR__INIT;
	PgQuery__Node n = PG_QUERY__NODE__INIT;
	ae.elements = arena_zalloc(c->a, (ca->n + 1) * sizeof(*ae.elements));
	ae.location = -1;
	for (size_t k = 0; k < ca->n; k++) {
		if (map[k] + 1 != u->nargs)
			continue;
		param_type(c, ca->expr[k], param_type_of(u, ca, map, k));
		ae.elements[ae.n_elements++] = (PgQuery__Node *)ca->expr[k];
	}
	n.node_case = NODE(A_ARRAY_EXPR);
	n.a_array_expr = &ae;
	struct xlat_type t;
	return xlat_expr_aside(c, &n, &t);
}

/* An untyped string literal passed for a parameter of a built-in type: read by the type's
 * input function in the calling statement, as PostgreSQL coerces an unknown literal to the
 * parameter's type (f('x') of an integer parameter is 22P02 even when the body never reads
 * it). txt: the argument as translated; NULL with err set when the literal does not read. */
static const char *literal_arg(struct xlat_ctx *c, const PgQuery__Node *n, uint32_t type,
			       const char *txt)
{
	if (type >= 16384 || n->node_case != NODE(A_CONST) || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return txt;
	struct strbuf sb, *saved = c->sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	int r = xlat_infer_literal(c, n, (struct xlat_type){type, -1});
	c->sb = saved;
	const char *out = r < 0 ? NULL
			  : r > 0 && !sb.failed
				  ? arena_strndup(c->a, sb.data ? sb.data : "", sb.len)
				  : txt;
	strbuf_fini(&sb);
	return out;
}

/* shardlite_call(name, sig, inputs...) of a procedure with OUT parameters, v as its CALL
 * was matched: the arguments in the OUT parameters' places only give their parameters' types
 * (to $n), and are not passed. */
static bool emit_proc_call(struct xlat_ctx *c, const struct xlat_udf *u, const struct xlat_udf *v,
			   const struct call_args *ca, const size_t *map)
{
	xlat_puts(c, XLAT_CALL_FN "(");
	xlat_string(c, u->temp ? arena_printf(c->a, "pg_temp.%s", u->name) : u->name);
	xlat_puts(c, ", ");
	xlat_string(c, u->sig);
	for (size_t p = 0, in = 0; p < v->nargs; p++) {
		const char *txt = NULL;
		for (size_t k = 0; k < ca->n && !txt; k++) {
			if (map[k] != p)
				continue;
			param_type(c, ca->expr[k], v->argtypes[p]);
			if (!(txt = literal_arg(c, ca->expr[k], v->argtypes[p], ca->txt[k])))
				return false;
			if (xlat_type_reg_oid(v->argtypes[p]))
				txt = xlat_catalog_reg_value(c, txt, ca->tv[k].oid, v->argtypes[p]);
		}
		if (u->modes[p] == 'o')
			continue;
		if (!txt && !(txt = default_arg(c, u, in)))
			return false;
		xlat_printf(c, ", %s", txt);
		in++;
	}
	xlat_puts(c, ")");
	return true;
}

/* A numeric argument txt of type t for a numeric parameter: as its decimal text with the
 * display scale the translator knows (f(1.50) passes '1.50'), which the body's $n keeps, as a
 * numeric parameter bound by the client does; SQLite's number would lose it (1.5). */
static const char *numeric_arg(struct xlat_ctx *c, const char *txt, struct xlat_type t)
{
	struct strbuf sb, *saved = c->sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	xlat_puts(c, txt);
	xlat_text_form(c, 0, sb.len, t, XLAT_TF_SCALE);
	c->sb = saved;
	const char *out = sb.failed ? txt : arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* numeric_in's output of a plain decimal s ([+-]digits[.digits], blanks around): its digits
 * with the scale written ("007.50" is 7.50, "-0.0" 0.0); NULL for any other spelling
 * (exponents, NaN), which then goes as the number literal_arg made of it. */
static const char *plain_decimal(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	bool neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	size_t ni = strspn(s, "0123456789");
	const char *frac = s[ni] == '.' ? s + ni + 1 : s + ni;
	size_t nf = strspn(frac, "0123456789");
	const char *end = frac + nf;
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if ((ni == 0 && nf == 0) || *end)
		return NULL;
	while (ni > 1 && *s == '0')
		s++, ni--;
	bool zero = strspn(s, "0") >= ni && strspn(frac, "0") >= nf;
	return arena_printf(a, "%s%.*s%s%.*s", neg && !zero ? "-" : "", ni ? (int)ni : 1,
			    ni ? s : "0", nf ? "." : "", (int)nf, frac);
}

/* An untyped string literal n for a numeric parameter, read already by literal_arg: as its
 * decimal text with the scale written ('1.50', as numeric_arg passes 1.50); txt otherwise. */
static const char *numeric_literal_arg(struct xlat_ctx *c, const PgQuery__Node *n, const char *txt)
{
	if (n->node_case != NODE(A_CONST) || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return txt;
	const char *dec = plain_decimal(c->a, n->a_const->sval->sval);
	if (!dec)
		return txt;
	struct strbuf sb, *saved = c->sb;
	strbuf_init(&sb, 0);
	c->sb = &sb;
	xlat_string(c, dec);
	c->sb = saved;
	const char *out = sb.failed ? txt : arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* Whether the call gave parameter i of u (or, for a variadic one, its elements). */
static bool given(const struct xlat_udf *u, const struct call_args *ca, const size_t *map, size_t i)
{
	if (u->variadic && !ca->variadic && i + 1 == u->nargs)
		return true;
	for (size_t k = 0; k < ca->n; k++)
		if (map[k] == i)
			return true;
	return false;
}

/* shardlite_call(name, sig, args...): every parameter in order, given or defaulted. An
 * IMMUTABLE function's call in a DDL expression is shardlite_icall, the same call registered
 * deterministic, which SQLite allows in an index key or a generated column. */
static bool emit_call(struct xlat_ctx *c, const struct xlat_udf *u, const struct call_args *ca,
		      const size_t *map)
{
	xlat_puts(c, (c->flags & XLAT_X_NOSUBQUERY) && u->volatility == 'i' ? XLAT_ICALL_FN "("
									    : XLAT_CALL_FN "(");
	xlat_string(c, u->temp ? arena_printf(c->a, "pg_temp.%s", u->name) : u->name);
	xlat_puts(c, ", ");
	xlat_string(c, u->sig);
	for (size_t i = 0; i < u->nargs; i++) {
		const char *txt = NULL;
		if (u->variadic && !ca->variadic && i + 1 == u->nargs) {
			if (!(txt = variadic_array(c, u, ca, map)))
				return false;
		}
		for (size_t k = 0; k < ca->n && !txt; k++) {
			if (map[k] != i)
				continue;
			param_type(c, ca->expr[k], u->argtypes[i]);
			if (!(txt = literal_arg(c, ca->expr[k], u->argtypes[i], ca->txt[k])))
				return false;
			if (u->argtypes[i] == XLAT_OID_NUMERIC && ca->tv[k].oid == XLAT_OID_NUMERIC)
				txt = numeric_arg(c, txt, ca->tv[k]);
			else if (u->argtypes[i] == XLAT_OID_NUMERIC)
				txt = numeric_literal_arg(c, ca->expr[k], txt);
			/* a row type's argument given as a record or text: read by record_in as the
			 * type, so its fields take the attributes' types and modifiers */
			const char *spec = ca->tv[k].oid != u->argtypes[i]
						   ? xlat_comptype_spec(c, u->argtypes[i])
						   : NULL;
			if (spec)
				txt = arena_printf(c->a, "pgfn_record_in(%s%s)", txt, spec);
			/* f('users') of a regclass parameter: the name regclassin finds (42P01) */
			if (xlat_type_reg_oid(u->argtypes[i]))
				txt = xlat_catalog_reg_value(c, txt, ca->tv[k].oid, u->argtypes[i]);
		}
		/* a default the call left out: marked unlikely(...), SQLite's no-op, so that
		 * pg_get_viewdef shows the call as written (xlat_viewdef.c) */
		if (!txt && !(txt = default_arg(c, u, i)))
			return false;
		else if (!given(u, ca, map, i))
			txt = arena_printf(c->a, "unlikely(%s)", txt);
		xlat_printf(c, ", %s", txt);
	}
	xlat_puts(c, ")");
	return true;
}

/* Whether CALL's f, which no routine of the tenant takes, is a built-in function's call (as a
 * SELECT would take it): PostgreSQL's 42809 "random() is not a procedure". */
static bool builtin_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	if (xlat_udf_count(c, name))
		return false;
	PgQuery__Node n = PG_QUERY__NODE__INIT;
	n.node_case = NODE(FUNC_CALL);
	n.func_call = (PgQuery__FuncCall *)f;
	struct pgerr saved = *c->err;
	struct xlat_type t;
	bool ok = xlat_scope_dry_expr(c, &n, &t);
	*c->err = saved;
	return ok;
}

static int udf_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    const char *schema, struct xlat_type *t, bool call,
		    const struct xlat_udf **chosen)
{
	bool temp = schema && strcmp(schema, "pg_temp") == 0;
	bool own = !schema || strcmp(schema, "public") == 0 || strcmp(schema, "pg_catalog") == 0 ||
		   temp || (c->env && c->env->tenant && strcmp(schema, c->env->tenant) == 0);
	if (!name || !own || f->n_funcname > 2 || (!xlat_udf_count(c, name) && !call && !temp))
		return 0;
	if ((f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter || f->over) &&
	    !xlat_udf_is_aggregate(c, name)) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location,
			  "%s is not an aggregate or window function", name);
		return -1;
	}
	struct call_args ca;
	xlat_nocache(c); /* the arguments' text is copied */
	if (!read_args(c, f, &ca))
		return -1;
	ca.variadic = f->func_variadic;
	ca.temp = temp;
	bool ambiguous, named = ca.n && ca.names[ca.n - 1];
	size_t *map = arena_zalloc(c->a, (ca.n + 1) * sizeof(*map));
	const struct xlat_udf *real = NULL;
	const struct xlat_udf *u = choose(c, name, &ca, map, &ambiguous, call, &real);
	if (!u && call && !real && builtin_function(c, f, name)) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location, "%s is not a procedure",
			  call_display(c, name, &ca));
		pgerr_hint(c->err, "To call a function, use SELECT.");
		return -1;
	}
	if (!u && (call || named || temp)) {
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location, "%s %s does not exist",
			  call ? "procedure" : "function", call_display(c, name, &ca));
		pgerr_hint(c->err,
			   "No %s matches the given name and argument types. You might "
			   "need to add explicit type casts.",
			   call ? "procedure" : "function");
		return -1;
	}
	if (!u)
		return 0; /* the caller's "function f(...) does not exist" */
	if (u->rettype == XLAT_OID_TRIGGER) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			  "trigger functions can only be called as triggers");
		return -1;
	}
	if (!kind_check(c, f, u, &ca, call))
		return -1;
	if (ambiguous) {
		xlat_fail(c, SQLSTATE_AMBIGUOUS_FUNCTION, f->location, "%s %s is not unique",
			  call ? "procedure" : "function", call_display(c, name, &ca));
		pgerr_hint(c->err,
			   "Could not choose a best candidate %s. You might need to add "
			   "explicit type casts.",
			   call ? "procedure" : "function");
		return -1;
	}
	struct xlat_poly p = {0};
	if (xlat_udf_polymorphic(u)) { /* the instance of the arguments' types */
		if (real != u)
			return xlat_unsupported(c, f->location,
						"a polymorphic procedure with OUT "
						"parameters")
				       ? 0
				       : -1;
		if (!poly_match(c, u, &ca, map, &p) ||
		    !(u = real = xlat_poly_instance(c, u, &p, f->location)))
			return -1;
	}
	if (chosen)
		*chosen = u;
	if (u->kind == 'a' && ca.n && ca.names[ca.n - 1]) { /* as PostgreSQL's parser */
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			  "aggregates cannot use named arguments");
		return -1;
	}
	if (u->kind == 'a') /* CREATE AGGREGATE's (xlat_aggdef.c) */
		return call ? (xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location,
					 "%s is not a procedure", call_display(c, name, &ca)),
			       -1)
			    : xlat_udf_agg_call(c, f, u, &p, ca.txt, ca.n, t);
	if (f->agg_star || f->agg_distinct || f->n_agg_order || f->agg_filter || f->over) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location,
			  "%s is not an aggregate or window function", name);
		return -1;
	}
	if (real != u ? !emit_proc_call(c, real, u, &ca, map) : !emit_call(c, u, &ca, map))
		return -1;
	u = real;
	if (chosen)
		*chosen = u;
	if (u->volatility == 'v')
		c->volatile_seen++;
	*t = (struct xlat_type){u->rettype, -1};
	return 1;
}

/* Whether the tenant's function u takes exactly the n types tv, as PostgreSQL's exact match
 * (func_get_detail) finds it before any cast is weighed; never one of text parameters only,
 * which PostgreSQL's own function of that signature (lower(text)) would hide. rows: one that
 * returns rows (a select list's set-returning call, whose path is its own), else not. */
static bool exact_udf(const struct xlat_udf *u, const char *name, const struct xlat_type *tv,
		      size_t n, bool rows)
{
	if (strcmp(u->name, name) != 0 || u->temp || u->variadic || u->kind != 'f' ||
	    u->nargs != n || xlat_udf_rows(u) != rows)
		return false;
	bool text_only = true;
	for (size_t k = 0; k < n; k++) {
		if (u->argtypes[k] != tv[k].oid)
			return false;
		text_only = text_only && u->argtypes[k] == XLAT_OID_TEXT;
	}
	return !text_only;
}

static bool udf_exact(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name, bool rows)
{
	if (!name || f->n_funcname != 1 || !f->n_args || f->n_args > MAX_ARGS || f->agg_star ||
	    f->agg_distinct || f->n_agg_order || f->agg_filter || f->over || f->func_variadic ||
	    !c->schema || !xlat_udf_count(c, name))
		return false;
	if (xlat_func_class(name) == XLAT_FN_UNKNOWN &&
	    !(c->env && c->env->builtin_fn && c->env->builtin_fn(name)))
		return false; /* no built-in of the name: the tenant's own call path */
	struct xlat_type tv[MAX_ARGS];
	for (size_t k = 0; k < f->n_args; k++) {
		struct pgerr saved = *c->err;
		bool ok = f->args[k]->node_case != NODE(NAMED_ARG_EXPR) &&
			  xlat_scope_dry_expr(c, f->args[k], &tv[k]);
		*c->err = saved;
		/* an unknown literal or an untyped $n: PostgreSQL weighs categories (lower('AB')
		 * prefers lower(text), the string category) -- the built-in's */
		if (!ok || !tv[k].oid || tv[k].oid == XLAT_OID_UNKNOWN ||
		    tv[k].oid == XLAT_OID_UNKNOWN_COL)
			return false;
	}
	for (size_t i = 0; i < c->schema->nudfs; i++)
		if (exact_udf(&c->schema->udfs[i], name, tv, f->n_args, rows))
			return true;
	return false;
}

bool xlat_udf_exact(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	return udf_exact(c, f, name, false);
}

int xlat_udf_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  const char *schema, struct xlat_type *t)
{
	const struct xlat_udf *u = NULL;
	int r = udf_call(c, f, name, schema, t, false, &u);
	if (r > 0 && xlat_udf_rows(u))
		return xlat_unsupported(
			       c, f->location,
			       u->retset ? "a set-returning function in an expression (call "
					   "it in FROM)"
			       : xlat_udf_coldefs(u)
				       ? "a function returning record in an expression (call "
					 "it in FROM with a column definition list)"
				       : "a record of OUT parameters in an expression")
			       ? 1
			       : -1;
	return r;
}

/* ---- calls in FROM ---- */

/* udf_call translated aside: its text and function, as udf_call's result. */
static int call_aside(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		      const char *schema, const char **text, const struct xlat_udf **u)
{
	struct strbuf tmp, *saved = c->sb;
	struct xlat_type t;
	strbuf_init(&tmp, 0);
	c->sb = &tmp;
	int r = udf_call(c, f, name, schema, &t, false, u);
	c->sb = saved;
	*text = arena_strndup(c->a, tmp.data ? tmp.data : "", tmp.len);
	strbuf_fini(&tmp);
	return r;
}

int xlat_udf_any_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char **text,
		      const struct xlat_udf **u)
{
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname > 1 ? xlat_node_str(f->funcname[0]) : NULL;
	bool temp = schema && strcmp(schema, "pg_temp") == 0;
	if (!name || (!xlat_udf_count(c, name) && !temp))
		return 0;
	return call_aside(c, f, name, schema, text, u);
}

int xlat_udf_rows_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char **text,
		       const struct xlat_udf **u)
{
	int r = xlat_udf_any_call(c, f, text, u);
	return r > 0 && !xlat_udf_rows(*u) ? 0 : r;
}

/* The one plain call of a FROM item, when it names one of the tenant's functions. */
static const PgQuery__FuncCall *from_call(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
					  const char **name, const char **schema)
{
	const PgQuery__FuncCall *f = xlat_rf_call(rf);
	if (!f)
		return NULL;
	*name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	*schema = f->n_funcname > 1 ? xlat_node_str(f->funcname[0]) : NULL;
	bool temp = *schema && strcmp(*schema, "pg_temp") == 0; /* 42883 when it has none */
	return *name && (xlat_udf_count(c, *name) || temp) ? f : NULL;
}

/* The call translated on its own: 1 with its text and function, 0 when it names none of
 * the tenant's functions, -1 failed. */
static int from_text(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char **text,
		     const struct xlat_udf **u, const char **fname)
{
	const char *schema;
	const PgQuery__FuncCall *f = from_call(c, rf, fname, &schema);
	return f ? call_aside(c, f, *fname, schema, text, u) : 0;
}

const char *xlat_udf_outname(struct xlat_ctx *c, const struct xlat_udf *u, size_t i)
{
	return *u->outnames[i] ? u->outnames[i] : arena_printf(c->a, "column%zu", i + 1);
}

const char *const *xlat_udf_outnames(struct xlat_ctx *c, const struct xlat_udf *u)
{
	size_t i = 0;
	while (i < u->nouts && *u->outnames[i])
		i++;
	if (i == u->nouts)
		return u->outnames;
	const char **v = arena_zalloc(c->a, (u->nouts + 1) * sizeof(*v));
	for (i = 0; i < u->nouts; i++)
		v[i] = xlat_udf_outname(c, u, i);
	return v;
}

/* The FROM item's column i: its alias, else the function's column name. */
static const char *from_colname(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
				const struct xlat_udf *u, const char *fname, size_t i)
{
	if (xlat_udf_coldefs(u))
		return rf->coldeflist[i]->column_def->colname;
	if (rf->alias && i < rf->alias->n_colnames)
		return xlat_node_str(rf->alias->colnames[i]);
	if (u->nouts > 1 || (u->nouts && *u->outnames[i]))
		return xlat_udf_outname(c, u, i);
	return rf->alias ? rf->alias->aliasname : fname;
}

/* The column count of a call in FROM. */
static size_t from_width(const PgQuery__RangeFunction *rf, const struct xlat_udf *u)
{
	return xlat_udf_coldefs(u) ? rf->n_coldeflist : u->nouts ? u->nouts : 1;
}

/* A RETURNS [SETOF] record function's column definition list: its columns' types (checked)
 * into *types, and the type list the call passes ("23 25") into *arg. */
static bool coldefs(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, uint32_t **types,
		    int32_t **typmods, const char **arg)
{
	size_t n = rf->n_coldeflist;
	struct strbuf sb;
	*types = arena_zalloc(c->a, (n + 1) * sizeof(**types));
	*typmods = arena_zalloc(c->a, (n + 1) * sizeof(**typmods));
	strbuf_init(&sb, 0);
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		const PgQuery__ColumnDef *cd = rf->coldeflist[i]->node_case == NODE(COLUMN_DEF)
						       ? rf->coldeflist[i]->column_def
						       : NULL;
		struct xlat_typeref r;
		ok = cd && cd->colname && cd->type_name
			     ? xlat_type_resolve(c, cd->type_name, &r)
			     : xlat_unsupported(c, -1, "this column definition");
		ok = ok && xlat_domain_refuse(c, &r, "a column definition's type");
		for (size_t k = 0; ok && k < i; k++)
			if (strcmp(rf->coldeflist[k]->column_def->colname, cd->colname) == 0)
				ok = xlat_fail(c, "42701", -1,
					       "column \"%s\" specified more than once",
					       cd->colname);
		if (ok && (r.serial || !xlat_type_oid(&r)))
			ok = xlat_unsupported(c, cd->type_name->location,
					      "this column type in a column definition list");
		if (ok) {
			(*types)[i] = xlat_type_oid(&r);
			(*typmods)[i] = r.typmod;
			strbuf_printf(&sb, "%s%u", i ? " " : "", (*types)[i]);
		}
	}
	*arg = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return ok;
}

/* A function whose only OUT parameter is of a row type, or that RETURNS [SETOF] one: in FROM
 * its rows have the type's columns, as PostgreSQL's (the result type is the parameter's). */
static bool row_out(struct xlat_ctx *c, const struct xlat_udf *u, const char **rel,
		    const struct xlat_schema_col **cols, size_t *n)
{
	uint32_t t = u->nouts == 1 ? u->outtypes[0] : u->nouts || u->retset ? 0 : u->rettype;
	return !xlat_udf_coldefs(u) && t >= 16384 && xlat_composite_of(c, t, rel, cols, n);
}

bool xlat_udf_rowset(const struct xlat_udf *u, const struct xlat_schema *schema)
{
	const char *rel;
	return u->retset && !u->nouts && u->rettype >= 16384 && schema && schema->rowtype_fn &&
	       schema->rowtype_fn(schema->arg, NULL, u->rettype, &rel) == u->rettype;
}

/* RETURNS SETOF t of a row type t: the type's columns, and the call text with their types as
 * its last argument (*text, when text is not NULL). */
static bool rowset(struct xlat_ctx *c, const struct xlat_udf *u, const char **text,
		   const struct xlat_schema_col **cols, size_t *n)
{
	const char *rel;
	if (!xlat_udf_rowset(u, c->schema) && !(u->retset && !u->nouts && u->rettype >= 16384 &&
						xlat_comptype_pending(c, NULL, u->rettype)))
		return false;
	if (!xlat_composite_of(c, u->rettype, &rel, cols, n))
		return false;
	if (!text)
		return true;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < *n; i++)
		strbuf_printf(&sb, "%s%u", i ? " " : "",
			      (*cols)[i].type_oid ? (*cols)[i].type_oid : XLAT_OID_TEXT);
	size_t len = strlen(*text);
	*text = arena_printf(c->a, "%.*s, '%s')", (int)(len - 1), *text, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return true;
}

static bool from_check(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
		       const struct xlat_udf *u, const char *fname)
{
	const char *rel;
	const struct xlat_schema_col *rcols;
	size_t rn;
	bool typed = row_out(c, u, &rel, &rcols, &rn) || rowset(c, u, NULL, &rcols, &rn);
	size_t n = (typed ? rn : from_width(rf, u)) + (rf->ordinality ? 1 : 0);
	(void)fname;
	if (xlat_udf_coldefs(u) && !rf->n_coldeflist)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "a column definition list is required for functions returning "
				 "\"record\"");
	if (!xlat_udf_coldefs(u) && rf->n_coldeflist)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "a column definition list is only allowed for functions returning "
				 "\"record\"");
	if (rf->alias && rf->alias->n_colnames > n)
		return xlat_fail(c, "42P10", -1,
				 "table \"%s\" has %zu columns available but %zu columns specified",
				 rf->alias->aliasname, n, rf->alias->n_colnames);
	return true;
}

/* Joined directly rather than as a subquery: LATERAL, or an argument that reads another FROM
 * item (PostgreSQL lets a function in FROM do so without the keyword) or the query around. */
static bool from_joined(const PgQuery__RangeFunction *rf)
{
	return rf->lateral ||
	       !xlat_srf_args_standalone(rf->functions[0]->list->items[0]->func_call);
}

/* The table-valued function the call's rows come from: its rows, or its one value as a row. */
static void from_rows(struct xlat_ctx *c, const struct xlat_udf *u, const char *text)
{
	xlat_printf(c, xlat_udf_rows(u) ? "pgfn_rows(%s)" : "pgfn_rows(pgfn_rows_one(%s))", text);
}

/* The FROM item's column i (ordinality past the function's own) under the name it shows. */
static const char *from_name(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			     const struct xlat_udf *u, const char *fname, size_t i)
{
	size_t n = from_width(rf, u);
	if (i < n)
		return from_colname(c, rf, u, fname, i);
	return rf->alias && i < rf->alias->n_colnames ? xlat_node_str(rf->alias->colnames[i])
						      : "ordinality";
}

/* Column i of such a call's FROM item (ordinality past the type's own) under its name. */
static const char *row_out_name(const PgQuery__RangeFunction *rf,
				const struct xlat_schema_col *cols, size_t n, size_t i)
{
	if (rf->alias && i < rf->alias->n_colnames)
		return xlat_node_str(rf->alias->colnames[i]);
	return i < n ? cols[i].name : "ordinality";
}

/* (SELECT pgfn_record_field(c0, 0, oid) AS a, ... FROM rows) AS alias; columns: the rows have
 * the type's columns (SELECT c0 AS a, ...). */
static int row_out_from(struct xlat_ctx *c, const PgQuery__RangeFunction *rf,
			const struct xlat_udf *u, const char *text, const char *fname,
			const struct xlat_schema_col *cols, size_t n, bool columns)
{
	if (from_joined(rf))
		return xlat_unsupported(c, rf->functions[0]->list->items[0]->func_call->location,
					"a function whose only OUT parameter is of a row type "
					"joined to other FROM items")
			       ? 0
			       : -1;
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < n + (rf->ordinality ? 1 : 0); i++) {
		xlat_puts(c, i ? ", " : "");
		if (i == n)
			xlat_puts(c, "ordinality");
		else if (columns) /* RETURNS SETOF t: the rows are the type's columns */
			xlat_printf(c, "c%zu", i);
		else
			xlat_printf(c, "pgfn_record_field(c0, %zu, %u)", i,
				    xlat_comptype_field_input(c, cols[i].type_oid));
		xlat_puts(c, " AS ");
		xlat_ident(c, row_out_name(rf, cols, n, i));
	}
	xlat_puts(c, " FROM ");
	from_rows(c, u, text);
	xlat_puts(c, ") AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : fname);
	return 1;
}

int xlat_udf_range_function(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	const char *text, *fname;
	const struct xlat_udf *u = NULL;
	int r = from_text(c, rf, &text, &u, &fname);
	if (r <= 0)
		return r;
	if (!from_check(c, rf, u, fname))
		return -1;
	size_t n = from_width(rf, u);
	uint32_t *types;
	int32_t *typmods;
	const char *arg;
	if (xlat_udf_coldefs(u)) { /* the column types as the call's last argument */
		if (!coldefs(c, rf, &types, &typmods, &arg))
			return -1;
		size_t len = strlen(text);
		text = arena_printf(c->a, "%.*s, '%s')", (int)(len - 1), text, arg);
	}
	const char *rel;
	const struct xlat_schema_col *rcols;
	size_t rn;
	if (row_out(c, u, &rel, &rcols, &rn))
		return row_out_from(c, rf, u, text, fname, rcols, rn, false);
	if (rowset(c, u, &text, &rcols, &rn))
		return row_out_from(c, rf, u, text, fname, rcols, rn, true);
	if (from_joined(rf)) { /* its columns were put in scope by xlat_udf_collect */
		from_rows(c, u, text);
		xlat_puts(c, " AS ");
		xlat_ident(c, rf->alias ? rf->alias->aliasname : fname);
		return 1;
	}
	xlat_puts(c, "(SELECT ");
	for (size_t i = 0; i < n + (rf->ordinality ? 1 : 0); i++) {
		if (i == n)
			xlat_puts(c, ", ordinality AS ");
		else
			xlat_printf(c, "%sc%zu AS ", i ? ", " : "", i);
		xlat_ident(c, from_name(c, rf, u, fname, i));
	}
	xlat_puts(c, " FROM ");
	from_rows(c, u, text);
	xlat_puts(c, ") AS ");
	xlat_ident(c, rf->alias ? rf->alias->aliasname : fname);
	return 1;
}

bool xlat_udf_collect(struct xlat_ctx *c, const PgQuery__RangeFunction *rf)
{
	const char *text, *fname;
	const struct xlat_udf *u = NULL;
	c->dry++;
	int r = from_text(c, rf, &text, &u, &fname);
	c->dry--;
	if (r <= 0 || !from_joined(rf))
		return false;
	size_t n = from_width(rf, u) + (rf->ordinality ? 1 : 0);
	for (size_t i = 0; i < n; i++) {
		struct xlat_srfcol *sc = xlat_srf_newcol(c);
		sc->alias = rf->alias ? rf->alias->aliasname : fname;
		sc->name = from_name(c, rf, u, fname, i);
		sc->vcol = rf->ordinality && i + 1 == n ? "ordinality"
							: arena_printf(c->a, "c%zu", i);
	}
	return true;
}

int xlat_udf_srf_target(struct xlat_ctx *c, struct xlat_srf **srfp, const PgQuery__Node *v)
{
	if (!v || v->node_case != NODE(FUNC_CALL))
		return 0;
	const PgQuery__FuncCall *f = v->func_call;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname > 1 ? xlat_node_str(f->funcname[0]) : NULL;
	if (!name || !xlat_udf_count(c, name))
		return 0;
	if (schema && strcmp(schema, "pg_catalog") == 0)
		return 0; /* pg_catalog.lower('ZZ'): the built-in's */
	if (!schema &&
	    (xlat_func_class(name) != XLAT_FN_UNKNOWN ||
	     (c->env && c->env->builtin_fn && c->env->builtin_fn(name))) &&
	    !udf_exact(c, f, name, true))
		return 0; /* the built-in's call (lower('AB') beside a tenant's lower(int)) */
	const char *text;
	const struct xlat_udf *u = NULL;
	int r = call_aside(c, f, name, schema, &text, &u);
	if (r <= 0 || !xlat_udf_rows(u))
		return r < 0 ? -1 : 0;
	if (xlat_udf_coldefs(u))
		return xlat_unsupported(c, f->location,
					"a function returning record in a select list (call it in "
					"FROM with a column definition list)")
			       ? 0
			       : -1;
	const struct xlat_schema_col *rcols;
	size_t rn;
	(void)rowset(c, u, &text, &rcols, &rn); /* SETOF t: each row's value packed below */
	if (*srfp)
		return xlat_unsupported(c, f->location,
					"a set-returning function of the tenant's with another "
					"set-returning function in a select list")
			       ? 0
			       : -1;
	struct xlat_srf *srf = *srfp = arena_zalloc(c->a, sizeof(*srf));
	srf->alias = arena_printf(c->a, "xlat:srf%d", ++c->cte_seq);
	srf->calls[srf->ncalls++] = f;
	srf->udf = u;
	srf->udf_text = text;
	return 1;
}

bool xlat_udf_srf_value(struct xlat_ctx *c, const struct xlat_srf *srf, struct xlat_type *t)
{
	const struct xlat_udf *u = srf->udf;
	const struct xlat_schema_col *rcols;
	size_t rn;
	if (rowset(c, u, NULL, &rcols, &rn)) { /* SETOF t: the row's columns as a value of t */
		xlat_puts(c, "pgfn_record_text(");
		for (size_t i = 0; i < rn; i++) {
			xlat_puts(c, i ? ", " : "");
			size_t from = c->sb->len;
			xlat_ident(c, srf->alias);
			xlat_printf(c, ".c%zu", i);
			xlat_text_form(c, from, c->sb->len,
				       (struct xlat_type){rcols[i].type_oid ? rcols[i].type_oid
									    : XLAT_OID_TEXT,
							  -1},
				       XLAT_TF_OUTPUT);
		}
		xlat_puts(c, ")");
		*t = (struct xlat_type){u->rettype, -1};
		return true;
	}
	if (u->nouts <= 1) {
		xlat_ident(c, srf->alias);
		xlat_puts(c, ".c0");
		*t = (struct xlat_type){u->rettype, -1};
		return true;
	}
	xlat_puts(c, "pgfn_record_text(");
	for (size_t i = 0; i < u->nouts; i++) {
		xlat_puts(c, i ? ", " : "");
		size_t from = c->sb->len;
		xlat_ident(c, srf->alias);
		xlat_printf(c, ".c%zu", i);
		xlat_text_form(c, from, c->sb->len, (struct xlat_type){u->outtypes[i], -1},
			       XLAT_TF_OUTPUT);
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){XLAT_OID_RECORD, -1};
	return true;
}

int xlat_udf_scope_cols(struct xlat_ctx *c, const PgQuery__RangeFunction *rf, const char **name,
			const struct xlat_schema_col **cols, size_t *n)
{
	const char *text, *fname;
	const struct xlat_udf *u = NULL;
	c->dry++;
	int r = from_text(c, rf, &text, &u, &fname);
	c->dry--;
	if (r <= 0)
		return r;
	const char *rel;
	const struct xlat_schema_col *rcols;
	size_t rn;
	*name = rf->alias ? rf->alias->aliasname : fname;
	if (row_out(c, u, &rel, &rcols, &rn) ||
	    rowset(c, u, NULL, &rcols, &rn)) { /* the row type's columns */
		*n = rn + (rf->ordinality ? 1 : 0);
		struct xlat_schema_col *v = arena_zalloc(c->a, (*n + 1) * sizeof(*v));
		for (size_t i = 0; i < *n; i++)
			v[i] = (struct xlat_schema_col){.name = row_out_name(rf, rcols, rn, i),
							.type_oid = i == rn ? XLAT_OID_INT8
								    : rcols[i].type_oid
									    ? rcols[i].type_oid
									    : XLAT_OID_TEXT,
							.typmod = i == rn ? -1 : rcols[i].typmod};
		*cols = v;
		return 1;
	}
	size_t own = from_width(rf, u);
	*n = own + (rf->ordinality ? 1 : 0);
	uint32_t *types = NULL;
	int32_t *typmods = NULL;
	const char *arg;
	struct pgerr saved = *c->err;
	if (xlat_udf_coldefs(u) && (!rf->n_coldeflist || !coldefs(c, rf, &types, &typmods, &arg))) {
		*c->err = saved;
		return 0; /* the real pass says what is wrong */
	}
	struct xlat_schema_col *v = arena_zalloc(c->a, (*n + 1) * sizeof(*v));
	for (size_t i = 0; i < *n; i++)
		v[i] = (struct xlat_schema_col){.name = from_name(c, rf, u, fname, i),
						.type_oid = i == own   ? XLAT_OID_INT8
							    : types    ? types[i]
							    : u->nouts ? u->outtypes[i]
								       : u->rettype,
						.typmod = types && i < own ? typmods[i] : -1};
	*name = rf->alias ? rf->alias->aliasname : fname;
	*cols = v;
	return 1;
}

/* CALL of a procedure with INOUT parameters: their values as one row, named and typed as
 * the parameters (text: the call). */
static bool call_row(struct xlat_ctx *c, const struct xlat_udf *u, const char *text)
{
	struct xlat_col *cols = xlat_cols_new(c, u->nouts);
	for (size_t i = 0; i < u->nouts; i++)
		cols[i] = (struct xlat_col){.type_oid = u->outtypes[i], .typmod = -1, .scale = -1};
	c->st->ncols = (int)u->nouts;
	c->st->cols = cols;
	c->st->returns_rows = true;
	xlat_puts(c, "SELECT ");
	for (size_t i = 0; i < u->nouts; i++) {
		if (u->nouts == 1)
			xlat_puts(c, text);
		else
			xlat_printf(c, "%sc%zu", i ? ", " : "", i);
		xlat_puts(c, " AS ");
		xlat_ident(c, xlat_udf_outname(c, u, i));
	}
	if (u->nouts > 1)
		xlat_printf(c, " FROM pgfn_rows(%s)", text);
	return true;
}

/* CALL p(args): the procedure run by a one-statement script (its rows, none, dropped); with
 * $n parameters or INOUT parameters, by a statement the values are bound to, which returns
 * the INOUT values as a row, else no rows and no columns (NoData). */
bool xlat_stmt_call(struct xlat_ctx *c, const PgQuery__CallStmt *s)
{
	const PgQuery__FuncCall *f = s->funccall;
	if (!f || !f->n_funcname)
		return xlat_unsupported(c, -1, "this CALL");
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	const char *schema = f->n_funcname > 1 ? xlat_node_str(f->funcname[0]) : NULL;
	struct xlat_type t;
	const struct xlat_udf *u = NULL;
	c->st->kind = XLAT_SCRIPT;
	c->st->tag = "CALL";
	c->st->writes = true;
	struct strbuf tmp, *saved = c->sb;
	strbuf_init(&tmp, 0);
	c->sb = &tmp;
	int r = udf_call(c, f, name, schema, &t, true, &u);
	c->sb = saved;
	const char *text = arena_strndup(c->a, tmp.data ? tmp.data : "", tmp.len);
	strbuf_fini(&tmp);
	if (r < 0)
		return false;
	if (r == 0) {
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
			  "procedure %s(...) does not exist", name ? name : "?");
		pgerr_hint(c->err, "No procedure matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return false;
	}
	if (!c->max_param && !u->nouts) {
		xlat_printf(c, "SELECT %s", text);
		return true;
	}
	/* the values are bound to a statement, which a script is not */
	c->st->kind = XLAT_SQL;
	c->st->tag_style = XLAT_TAG_PLAIN;
	if (u->nouts)
		return call_row(c, u, text);
	c->st->no_data = true;
	/* the call's value (NULL for a procedure) read as rows: none, once it has run */
	xlat_printf(c, "SELECT NULL FROM pgfn_rows(%s)", text);
	return true;
}
