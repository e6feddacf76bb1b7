/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_aggdef.c: the tenant's own aggregates. CREATE AGGREGATE name (args) (SFUNC, STYPE,
 * FINALFUNC, INITCOND) is kept in the functions' sidecar as a routine of kind 'a' (its body
 * the definition, docs/catalog.md); a call becomes pgfn_useragg.c's
 *   shardlite_agg_end(final, init, shardlite_agg(step, init, strict, flags, args..., keys...))
 * where step, init and final are the SQLite SQL of the transition call sfunc($1, $2, ...),
 * of INITCOND read as the state type and of ffunc($1), translated here for the call's
 * (resolved) types. Moving-aggregate, ordered-set and hypothetical options are refused. */
#include "xlat_int.h"

#include "pgtype.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define SEP '\x1f'
#define SQLSTATE_WRONG_OBJECT_TYPE "42809"
#define SQLSTATE_INVALID_FUNCTION_DEFINITION "42P13"

/* The definition as the body keeps it: sfunc SEP stype SEP stype-oid SEP ffunc SEP init,
 * init "" for none and "=text" for INITCOND 'text'. */
struct aggdef {
	const char *sfunc, *stype, *ffunc, *init; /* ffunc, init: NULL for none */
	uint32_t stype_oid;
};

static const char *field(struct xlat_ctx *c, const char **s)
{
	const char *end = strchr(*s, SEP);
	size_t n = end ? (size_t)(end - *s) : strlen(*s);
	const char *out = arena_strndup(c->a, *s, n);
	*s += end ? n + 1 : n;
	return out;
}

static bool def_read(struct xlat_ctx *c, const char *body, struct aggdef *d)
{
	const char *s = body ? body : "";
	d->sfunc = field(c, &s);
	d->stype = field(c, &s);
	d->stype_oid = (uint32_t)strtoul(field(c, &s), NULL, 10);
	d->ffunc = field(c, &s);
	d->init = field(c, &s);
	d->ffunc = *d->ffunc ? d->ffunc : NULL;
	d->init = *d->init == '=' ? d->init + 1 : NULL;
	return *d->sfunc && d->stype_oid;
}

bool xlat_udf_is_aggregate(const struct xlat_ctx *c, const char *name)
{
	for (size_t i = 0; c && c->schema && i < c->schema->nudfs; i++)
		if (c->schema->udfs[i].kind == 'a' && strcmp(c->schema->udfs[i].name, name) == 0)
			return true;
	return false;
}

/* ---- the SQL of the transition, initial state and final function ---- */

static const char *quoted(struct xlat_ctx *c, const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			strbuf_putc(&sb, '\'');
		strbuf_putc(&sb, *s);
	}
	strbuf_putc(&sb, '\'');
	const char *out = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* "SELECT fn($1, ..., $n)" translated with the parameters' types: its SQLite SQL, the
 * result's type into *type. */
static const char *call_sql(struct xlat_ctx *c, const char *fn, const uint32_t *types, size_t n,
			    uint32_t *type)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "SELECT %s(", fn);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s$%zu", i ? ", " : "", i + 1);
	strbuf_puts(&sb, ")");
	const char *pg = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	struct xlat_env env = {.schema = c->schema};
	struct xlat_stmt *v = NULL;
	size_t nv = 0;
	if (!xlat_translate_in(&env, pg, types, n, c->a, &v, &nv, c->err)) {
		c->err->position = 0; /* a place in our text, not in the statement's */
		bool builtin = c->env && c->env->builtin_fn && c->env->builtin_fn(fn);
		if (builtin && !xlat_udf_count(c, fn)) /* pg_proc's, which no call here reaches */
			xlat_unsupported(c, -1, arena_printf(c->a, "the built-in function %s as an "
							   "aggregate support function", fn));
		return NULL;
	}
	if (nv != 1 || !v[0].sql || v[0].ncols != 1) {
		xlat_unsupported(c, -1, arena_printf(c->a, "the aggregate support function %s", fn));
		return NULL;
	}
	*type = v[0].cols[0].type_oid;
	return v[0].sql;
}

static const char *init_sql(struct xlat_ctx *c, const char *init, const char *stype_decl)
{
	struct xlat_env env = {.schema = c->schema};
	struct xlat_stmt *v = NULL;
	size_t nv = 0;
	const char *pg = arena_printf(c->a, "SELECT %s::%s", quoted(c, init), stype_decl);
	if (!xlat_translate_in(&env, pg, NULL, 0, c->a, &v, &nv, c->err)) {
		c->err->position = 0;
		return NULL;
	}
	if (nv == 1 && v[0].sql)
		return v[0].sql;
	xlat_unsupported(c, -1, "this INITCOND");
	return NULL;
}

/* Whether sfunc is one of the tenant's strict functions (a built-in one is taken as not:
 * the built-in functions a transition may call here, array_append, are not strict). */
static bool strict_fn(struct xlat_ctx *c, const char *name, size_t nargs)
{
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		if (u->kind == 'f' && u->nargs == nargs && strcmp(u->name, name) == 0)
			return u->strict;
	}
	return false;
}

/* ---- a call ---- */

static void sql_or_null(struct xlat_ctx *c, const char *sql)
{
	xlat_string_or_null(c, sql);
}

static bool refuse_decorations(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name)
{
	if (f->over)
		return xlat_unsupported(c, f->location,
					arena_printf(c->a, "the aggregate %s as a window function",
						     name));
	if (f->agg_within_group)
		return xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location,
				 "%s is not an ordered-set aggregate, so it cannot have WITHIN GROUP",
				 name);
	return true;
}

/* ORDER BY inside the call, and DISTINCT (the rows told apart by all their arguments, which
 * the keys end with), as pgfn_useragg.c's sort keys: their text (", k1, k2") emitted, their
 * flags into flags (2 letters a key, then D). PostgreSQL's 42P10 for a DISTINCT call's ORDER
 * BY key that is no argument. */
static bool sort_keys(struct xlat_ctx *c, const PgQuery__FuncCall *f, char flags[40])
{
	if (!f->agg_distinct && !f->n_agg_order)
		return true;
	size_t n = f->n_agg_order;
	PgQuery__Node **order = arena_zalloc(c->a, (n + f->n_args + 1) * sizeof(*order));
	for (size_t i = 0; i < f->n_agg_order; i++)
		order[i] = f->agg_order[i];
	if (f->agg_distinct && !xlat_agg_distinct_order_ok(c, f))
		return false;
	for (size_t j = 0; f->agg_distinct && j < f->n_args; j++) {
		bool keyed = false;
		for (size_t i = 0; i < f->n_agg_order && !keyed; i++)
			keyed = order[i]->node_case == NODE(SORT_BY) &&
				xlat_tree_equal(&order[i]->sort_by->node->base, &f->args[j]->base,
						NULL, NULL);
		if (keyed)
			continue;
		PgQuery__SortBy *sb = arena_zalloc(c->a, sizeof(*sb));
		pg_query__sort_by__init(sb);
		sb->node = f->args[j];
		PgQuery__Node *node = arena_zalloc(c->a, sizeof(*node));
		pg_query__node__init(node);
		node->node_case = NODE(SORT_BY);
		node->sort_by = sb;
		order[n++] = node;
	}
	if (n > 16)
		return xlat_unsupported(c, f->location, "more than 16 ORDER BY keys in an aggregate");
	PgQuery__FuncCall g = *f;
	g.agg_order = order;
	g.n_agg_order = n;
	if (!xlat_agg_sort_keys(c, &g, flags))
		return false;
	if (f->agg_distinct)
		strcat(flags, "D");
	return true;
}

int xlat_udf_agg_call(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct xlat_udf *u,
		      const struct xlat_poly *p, const char *const *args, size_t nargs,
		      struct xlat_type *t)
{
	struct aggdef d;
	if (!refuse_decorations(c, f, u->name))
		return -1;
	if (!def_read(c, u->body, &d))
		return xlat_unsupported(c, f->location, "this aggregate's definition") ? 0 : -1;
	if (f->agg_star != (u->nargs == 0)) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, f->location,
			  f->agg_star ? "%s(*) specified, but %s is not an aggregate function"
				      : "function %s() does not exist",
			  u->name, u->name);
		return -1;
	}
	uint32_t stype = xlat_poly_oid(d.stype_oid) ? xlat_poly_actual(c, p, d.stype_oid, f->location)
						    : d.stype_oid;
	if (!stype)
		return -1;
	uint32_t *types = arena_zalloc(c->a, (u->nargs + 2) * sizeof(*types));
	types[0] = stype;
	memcpy(types + 1, u->argtypes, u->nargs * sizeof(*types));
	uint32_t got, result = stype;
	const char *step = call_sql(c, d.sfunc, types, u->nargs + 1, &got);
	const char *fin = d.ffunc ? call_sql(c, d.ffunc, types, 1, &result) : NULL;
	const char *init = d.init ? init_sql(c, d.init, xlat_poly_decl(c, stype)) : NULL;
	if (!step || (d.ffunc && !fin) || (d.init && !init))
		return -1;
	xlat_puts(c, "shardlite_agg_end(");
	sql_or_null(c, fin);
	xlat_puts(c, ", ");
	sql_or_null(c, init);
	xlat_puts(c, ", shardlite_agg(");
	xlat_string(c, step);
	xlat_puts(c, ", ");
	sql_or_null(c, init);
	xlat_printf(c, ", %d, ", strict_fn(c, d.sfunc, u->nargs + 1) ? 1 : 0);
	struct strbuf keys, *saved = c->sb; /* the keys' text, before which the flags come */
	char flags[40] = "";
	strbuf_init(&keys, 0);
	c->sb = &keys;
	bool ok = sort_keys(c, f, flags);
	c->sb = saved;
	xlat_string(c, flags);
	for (size_t i = 0; i < nargs; i++)
		xlat_printf(c, ", %s", args[i]);
	xlat_printf(c, "%.*s)", (int)keys.len, keys.data ? keys.data : "");
	strbuf_fini(&keys);
	if (!ok)
		return -1;
	if (!xlat_agg_filter(c, f))
		return -1;
	xlat_puts(c, ")");
	*t = (struct xlat_type){result, -1};
	return 1;
}

/* ---- CREATE AGGREGATE ---- */

static const char *def_name(const PgQuery__DefElem *e)
{
	const PgQuery__Node *a = e->arg;
	if (!a)
		return NULL;
	if (a->node_case == NODE(TYPE_NAME) && a->type_name->n_names)
		return xlat_node_str(a->type_name->names[a->type_name->n_names - 1]);
	if (a->node_case == NODE(LIST) && a->list->n_items)
		return xlat_node_str(a->list->items[a->list->n_items - 1]);
	return xlat_node_str(a);
}

/* What CREATE AGGREGATE's options say. */
struct opts {
	struct aggdef d;
	const PgQuery__TypeName *stype;
	const PgQuery__Node *basetype; /* the old syntax's argument type ('ANY': none) */
	bool serial, deserial;
};

/* PARALLEL's value, which PostgreSQL checks though it only steers plans. */
static bool parallel_ok(struct xlat_ctx *c, const PgQuery__DefElem *e)
{
	const char *v = def_name(e);
	if (v && (strcasecmp(v, "safe") == 0 || strcasecmp(v, "restricted") == 0 ||
		  strcasecmp(v, "unsafe") == 0))
		return true;
	return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
			 "parameter \"parallel\" must be SAFE, RESTRICTED, or UNSAFE");
}

/* One option into o. */
static bool option(struct xlat_ctx *c, const PgQuery__DefElem *e, struct opts *o)
{
	static const char *const ignored[] = {"combinefunc", "sspace", "sortop"};
	static const char *const refused[] = {"msfunc", "minvfunc", "mstype", "msspace",
					      "mfinalfunc", "mfinalfunc_extra",
					      "mfinalfunc_modify", "minitcond", "hypothetical",
					      "finalfunc_extra", "finalfunc_modify"};
	const char *k = e->defname;
	for (size_t i = 0; i < ARRAY_LEN(ignored); i++)
		if (strcmp(k, ignored[i]) == 0) /* plans only: a combine function, PARALLEL */
			return true;
	for (size_t i = 0; i < ARRAY_LEN(refused); i++)
		if (strcmp(k, refused[i]) == 0)
			return xlat_unsupported(c, e->location,
						arena_printf(c->a, "CREATE AGGREGATE ... %s", k));
	struct aggdef *d = &o->d;
	if (strcmp(k, "sfunc") == 0 || strcmp(k, "sfunc1") == 0)
		d->sfunc = def_name(e);
	else if (strcmp(k, "stype") == 0 || strcmp(k, "stype1") == 0)
		o->stype = e->arg && e->arg->node_case == NODE(TYPE_NAME) ? e->arg->type_name : NULL;
	else if (strcmp(k, "finalfunc") == 0 || strcmp(k, "finalfunc1") == 0)
		d->ffunc = def_name(e);
	else if (strcmp(k, "initcond") == 0 || strcmp(k, "initcond1") == 0)
		d->init = xlat_node_str(e->arg) ? xlat_node_str(e->arg) : def_name(e);
	else if (strcmp(k, "basetype") == 0)
		o->basetype = e->arg;
	else if (strcmp(k, "serialfunc") == 0)
		o->serial = true;
	else if (strcmp(k, "deserialfunc") == 0)
		o->deserial = true;
	else if (strcmp(k, "parallel") == 0)
		return parallel_ok(c, e);
	/* anything else: PostgreSQL's WARNING "aggregate attribute not recognized", ignored */
	return true;
}

/* The argument list: FunctionParameters (none for (*)); ordered-set aggregates refused. */
static bool agg_args(struct xlat_ctx *c, const PgQuery__DefineStmt *s, PgQuery__Node ***params,
		     size_t *n)
{
	*params = NULL;
	*n = 0;
	if (s->oldstyle)
		return true; /* BASETYPE, among the options */
	if (s->n_args != 2)
		return xlat_unsupported(c, -1, "this CREATE AGGREGATE");
	const PgQuery__Node *direct = s->args[1];
	if (direct && direct->node_case == NODE(INTEGER) && direct->integer->ival >= 0)
		return xlat_unsupported(c, -1, "an ordered-set aggregate (WITHIN GROUP)");
	const PgQuery__Node *l = s->args[0];
	if (l && l->node_case == NODE(LIST)) {
		*params = l->list->items;
		*n = l->list->n_items;
	}
	return true;
}

/* The old syntax's BASETYPE as the one parameter (none for 'ANY', PostgreSQL's agg(*)). */
static bool old_args(struct xlat_ctx *c, const struct opts *o, PgQuery__Node ***params,
		     size_t *n)
{
	const PgQuery__Node *b = o->basetype;
	if (!b)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "aggregate input type must be specified");
	const char *any = b->node_case == NODE(TYPE_NAME) ? NULL : xlat_node_str(b);
	if (any && strcasecmp(any, "any") == 0)
		return true;
	if (b->node_case != NODE(TYPE_NAME))
		return xlat_unsupported(c, -1, "this BASETYPE");
	PgQuery__FunctionParameter *fp = arena_zalloc(c->a, sizeof(*fp));
	pg_query__function_parameter__init(fp);
	fp->arg_type = b->type_name;
	fp->mode = PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_IN;
	PgQuery__Node *node = arena_zalloc(c->a, sizeof(*node));
	pg_query__node__init(node);
	node->node_case = NODE(FUNCTION_PARAMETER);
	node->function_parameter = fp;
	*params = arena_zalloc(c->a, 2 * sizeof(**params));
	(*params)[0] = node;
	*n = 1;
	return true;
}

static const char *def_body(struct xlat_ctx *c, const struct aggdef *d)
{
	return arena_printf(c->a, "%s%c%s%c%u%c%s%c%s%s", d->sfunc, SEP, d->stype, SEP,
			    d->stype_oid, SEP, d->ffunc ? d->ffunc : "", SEP, d->init ? "=" : "",
			    d->init ? d->init : "");
}

/* Whether one of the tenant's functions named fn takes the declared types (polymorphic ones
 * as such), as PostgreSQL's lookup_agg_function matches them: a parameter of a concrete type
 * takes no polymorphic type, and one polymorphic family resolves consistently. true when fn
 * is no function of the tenant's (a built-in's call is checked when it is translated). */
static bool declared_match(struct xlat_ctx *c, const char *fn, const uint32_t *types,
			   const char *const *decls, size_t n)
{
	bool any = false;
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *f = &c->schema->udfs[i];
		if (f->kind != 'f' || f->nargs != n || strcmp(f->name, fn) != 0)
			continue;
		any = true;
		bool ok = true;
		for (size_t k = 0; ok && k < n; k++)
			ok = xlat_poly_oid(f->argtypes[k]) || !xlat_poly_oid(types[k]);
		struct xlat_poly p;
		if (ok && xlat_poly_match(c, f->argtypes, types, n, &p))
			return true;
	}
	if (!any)
		return true;
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, -1, "function %s does not exist",
		  xlat_udf_display(c, fn, decls, n));
	return false;
}

/* The transition and final functions as a call of the aggregate would translate them, with
 * integer for each polymorphic type (as PostgreSQL's validator compiles a body). */
static bool check_functions(struct xlat_ctx *c, const struct xlat_udf *u, const struct aggdef *d,
			    uint32_t *result)
{
	const char **decls = arena_zalloc(c->a, (u->nargs + 2) * sizeof(*decls));
	uint32_t *declared = arena_zalloc(c->a, (u->nargs + 2) * sizeof(*declared));
	decls[0] = d->stype;
	declared[0] = d->stype_oid;
	for (size_t i = 0; i < u->nargs; i++) {
		decls[i + 1] = u->argdecls[i];
		declared[i + 1] = u->argtypes[i];
	}
	if (!declared_match(c, d->sfunc, declared, decls, u->nargs + 1) ||
	    (d->ffunc && !declared_match(c, d->ffunc, declared, decls, 1)))
		return false;
	struct xlat_poly p = {.elem = XLAT_OID_INT4, .array = 1007, .common = XLAT_OID_INT4};
	const struct xlat_udf *v = xlat_poly_instance(c, u, &p, -1);
	uint32_t stype = xlat_poly_oid(d->stype_oid) ? xlat_poly_actual(c, &p, d->stype_oid, -1)
						     : d->stype_oid;
	if (!v || !stype)
		return false;
	uint32_t *types = arena_zalloc(c->a, (u->nargs + 2) * sizeof(*types));
	types[0] = stype;
	memcpy(types + 1, v->argtypes, u->nargs * sizeof(*types));
	uint32_t got;
	if (!call_sql(c, d->sfunc, types, u->nargs + 1, &got))
		return false;
	if (got != stype) {
		return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
				 "return type of transition function %s is not %s", d->sfunc,
				 d->stype);
	}
	*result = stype;
	if (d->ffunc && !call_sql(c, d->ffunc, types, 1, result))
		return false;
	return !d->init || init_sql(c, d->init, xlat_poly_decl(c, stype));
}

/* A final function of the tenant's: its declared result (polymorphic: resolved per call). */
static bool declared_result(struct xlat_ctx *c, const char *ffunc, struct xlat_udf *u)
{
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *f = &c->schema->udfs[i];
		if (f->kind == 'f' && f->nargs == 1 && strcmp(f->name, ffunc) == 0) {
			u->rettype = f->rettype;
			u->retdecl = f->retdecl;
			break;
		}
	}
	return u->retdecl != NULL;
}

bool xlat_stmt_create_aggregate(struct xlat_ctx *c, const PgQuery__DefineStmt *s)
{
	PgQuery__Node **params;
	size_t n;
	struct opts o = {0};
	if (!agg_args(c, s, &params, &n))
		return false;
	for (size_t i = 0; i < s->n_definition; i++) {
		const PgQuery__Node *e = s->definition[i];
		if (e->node_case != NODE(DEF_ELEM) || !option(c, e->def_elem, &o))
			return e->node_case == NODE(DEF_ELEM) ? false
							       : xlat_unsupported(c, -1, "this option");
	}
	struct aggdef d = o.d;
	const PgQuery__TypeName *stype = o.stype;
	if (o.serial != o.deserial)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "must specify both or neither of serialization and "
				 "deserialization functions");
	if (!stype)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "aggregate stype must be specified");
	if (!d.sfunc)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "aggregate sfunc must be specified");
	if (s->oldstyle && !old_args(c, &o, &params, &n))
		return false;
	struct xlat_udf *u = arena_zalloc(c->a, sizeof(*u));
	if (!xlat_routine_signature(c, s->defnames, s->n_defnames, params, n, u) ||
	    !xlat_routine_param_type(c, stype, &d.stype_oid, &d.stype))
		return false;
	if (u->variadic)
		return xlat_unsupported(c, -1, "a VARIADIC aggregate");
	bool poly_in = false;
	for (size_t i = 0; i < u->nargs; i++)
		poly_in |= xlat_poly_oid(u->argtypes[i]);
	if (xlat_poly_oid(d.stype_oid) && !poly_in) {
		xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
			  "cannot determine transition data type");
		pgerr_detail(c->err, "An aggregate using a polymorphic transition type must have at "
				     "least one polymorphic argument.");
		return false;
	}
	uint32_t result;
	if (!check_functions(c, u, &d, &result))
		return false;
	/* the result: the final function's declared one, else the state's (polymorphic ones
	 * are resolved per call) */
	u->rettype = d.ffunc ? result : d.stype_oid;
	u->retdecl = d.ffunc ? xlat_poly_decl(c, result) : d.stype;
	if (d.ffunc && xlat_poly_oid(d.stype_oid) && !declared_result(c, d.ffunc, u))
		return false;
	u->lang = "internal";
	u->body = def_body(c, &d);
	u->volatility = 'i';
	u->kind = 'a';
	return xlat_routine_store(c, u, s->replace, "CREATE AGGREGATE");
}
