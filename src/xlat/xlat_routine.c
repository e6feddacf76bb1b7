/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_routine.c: user-defined functions and procedures. CREATE [OR REPLACE] FUNCTION /
 * PROCEDURE and DROP FUNCTION / PROCEDURE become scripts over the sidecar
 * `_shardlite_functions` (docs/catalog.md); calls are xlat_call.c's. The functions come from
 * the schema (xlat_schema.udfs), whose fingerprint covers them. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define MODE(x) PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_##x
#define SQLSTATE_INVALID_FUNCTION_DEFINITION "42P13"
#define SQLSTATE_DUPLICATE_FUNCTION "42723"
#define SQLSTATE_AMBIGUOUS_FUNCTION "42725"
#define SQLSTATE_WRONG_OBJECT_TYPE "42809"
#define MAX_ARGS 100 /* FUNC_MAX_ARGS */

/* Both sidecars exist in the tenant's file and, for pg_temp functions, in SQLite's temp
 * schema (%s: "main." or "temp."; always named: a temp table would hide the file's). */
#define SIDECAR                                                                                      \
	"CREATE TABLE IF NOT EXISTS %s_shardlite_functions (name TEXT NOT NULL, sig TEXT NOT NULL, " \
	"argnames TEXT NOT NULL, argdecls TEXT NOT NULL, rettype INTEGER NOT NULL, "                 \
	"retdecl TEXT NOT NULL, lang TEXT NOT NULL, body TEXT NOT NULL, volatility TEXT NOT "        \
	"NULL, strict INTEGER NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (name, sig))"
/* What only some functions have, as key and value rows (key "defaults": the parameter
 * defaults), so that a new property needs no new column. */
#define EXT_SIDECAR                                                                                 \
	"; CREATE TABLE IF NOT EXISTS %s_shardlite_function_ext (name TEXT NOT NULL, sig TEXT NOT " \
	"NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (name, sig, key))"
/* A row change leaves SQLite's schema alone; this moves schema_version, so that every session
 * reads the functions again (as enum DDL does, xlat_enum.c) */
#define SCHEMA_BUMP                                                                                  \
	"; DROP INDEX IF EXISTS %s_shardlite_functions_v; CREATE INDEX %s_shardlite_functions_v ON " \
	"_shardlite_functions (name)"
#define SCHEMA(temp) ((temp) ? "temp." : "main.")
#define FNS(temp) ((temp) ? "temp._shardlite_functions" : "main._shardlite_functions")
#define EXT(temp) ((temp) ? "temp._shardlite_function_ext" : "main._shardlite_function_ext")
/* Argument names and types are stored joined by this byte, which no name may hold. */
#define SEP "\x1f"

/* ---- the functions the schema knows ---- */

static const struct xlat_udf *find_udf(struct xlat_ctx *c, const char *name, const char *sig,
				       bool temp)
{
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		if (strcmp(u->name, name) == 0 && (!sig || strcmp(u->sig, sig) == 0) &&
		    u->temp == temp)
			return u;
	}
	return NULL;
}

/* A function's name: pg_temp.f is the session's own (*temp), others the tenant's. */
static const char *routine_name(struct xlat_ctx *c, PgQuery__Node **names, size_t n, bool *temp)
{
	const char *schema = n == 2 ? xlat_node_str(names[0]) : NULL;
	*temp = schema && strcmp(schema, "pg_temp") == 0;
	if (*temp)
		return xlat_node_str(names[1]);
	return xlat_tenant_object_name(c, names, n, "function");
}

size_t xlat_udf_count(struct xlat_ctx *c, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++)
		n += strcmp(c->schema->udfs[i].name, name) == 0;
	return n;
}

/* "f(integer, text)", as PostgreSQL names a function in its messages. */
const char *xlat_udf_display(struct xlat_ctx *c, const char *name, const char *const *decls,
			     size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s(", name);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", decls[i]);
	strbuf_puts(&sb, ")");
	const char *out = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* ---- argument and result types ---- */

struct proto {
	const char *name;
	size_t nargs;
	const char **argnames, **argdecls;
	uint32_t *argtypes;
	const char *sig;
	const char **defaults; /* of the last ndefaults arguments */
	size_t ndefaults;
	const char **outnames, **outdecls; /* RETURNS TABLE's columns, or OUT parameters */
	uint32_t *outtypes;
	size_t nouts;
	bool table;  /* the outs are RETURNS TABLE's */
	char *modes; /* with OUT parameters: 'i', 'o', 'b' each */
	const char **allnames, **alldecls;
	uint32_t *alltypes;
	size_t nparams;
	bool has_out;
	bool variadic; /* the last input parameter so far is VARIADIC */
};

/* Whether tn names a table or view of the tenant: its row type, a composite. */
static bool row_type(struct xlat_ctx *c, const PgQuery__TypeName *tn)
{
	const struct xlat_schema_col *cols;
	size_t n;
	const char *name = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	return name && c->schema && c->schema->table_fn &&
	       c->schema->table_fn(c->schema->arg, name, c->a, &cols, &n);
}

/* An OUT parameter of a table's row type (Sequelize's findOrCreate: OUT response "Authors"):
 * its value is the row's text (xlat_composite.c); true with its OID and the name as
 * format_type prints it ("Authors" quoted, t bare) when tn names such a type. */
static bool out_row_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
			 const char **decl)
{
	const char *name = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	if (!name || tn->n_array_bounds || tn->n_typmods || !row_type(c, tn) ||
	    !c->schema->rowtype_fn ||
	    !(*oid = c->schema->rowtype_fn(c->schema->arg, name, 0, NULL)))
		return false;
	const char *rel;
	(void)c->schema->rowtype_fn(c->schema->arg, NULL, *oid, &rel); /* as the file spells it */
	bool bare = (*rel >= 'a' && *rel <= 'z') || *rel == '_';
	for (const char *q = rel; *q && bare; q++)
		bare = (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_';
	*decl = bare ? arena_strdup(c->a, rel) : arena_printf(c->a, "\"%s\"", rel);
	return true;
}

static bool arg_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
		     const char **decl);

/* A parameter's type (not the result's): a row type (a table's, a view's or a composite
 * type's) too, whose value is the row's text; in the body the parameter is a record. */
static bool param_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
		       const char **decl)
{
	return out_row_type(c, tn, oid, decl) || arg_type(c, tn, oid, decl);
}

static bool arg_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
		     const char **decl)
{
	struct xlat_typeref r;
	int poly = xlat_poly_type(c, tn, oid, decl); /* anyelement, anyarray, ... */
	if (poly)
		return poly > 0;
	if (row_type(c, tn) && !tn->n_array_bounds) /* an array of them is an array type */
		return xlat_unsupported(c, tn->location,
					"a table's row type as a parameter or "
					"result type");
	if (!tn || !xlat_type_resolve(c, tn, &r))
		return tn ? false : xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1, "missing type");
	*oid = xlat_type_oid(&r);
	r.typmod = -1;  /* PostgreSQL drops an argument's modifiers */
	if (r.domain) { /* called as its base type; the body's variable checks the domain */
		*decl = r.domain->name;
		return *oid != 0 || xlat_unsupported(c, tn->location, "this argument type");
	}
	*decl = xlat_enum_by_oid(c, r.info->oid, NULL)
			? xlat_type_format(c, &r)
			: arena_printf(c->a, "%s%s", r.info->sql_name, r.is_array ? "[]" : "");
	return *oid != 0 || xlat_unsupported(c, tn->location, "this argument type");
}

static const char *make_sig(struct xlat_ctx *c, const uint32_t *oids, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%u", i ? " " : "", oids[i]);
	const char *out = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* The first column reference, subquery or $n of a DEFAULT, which PostgreSQL refuses. */
static bool refused_in_default(void *arg, const ProtobufCMessage *m)
{
	const ProtobufCMessage **hit = arg;
	if (m->descriptor == &pg_query__column_ref__descriptor ||
	    m->descriptor == &pg_query__sub_link__descriptor ||
	    m->descriptor == &pg_query__param_ref__descriptor) {
		*hit = m;
		return false;
	}
	return xlat_tree_each(m, refused_in_default, arg);
}

static bool default_refs(struct xlat_ctx *c, const PgQuery__Node *expr)
{
	const ProtobufCMessage *hit = NULL;
	if (refused_in_default(&hit, &expr->base) || !hit)
		return true;
	int at = xlat_tree_location(hit);
	if (hit->descriptor == &pg_query__sub_link__descriptor)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, at,
				 "cannot use subquery in DEFAULT expression");
	if (hit->descriptor == &pg_query__param_ref__descriptor)
		return xlat_fail(c, SQLSTATE_UNDEFINED_PARAMETER, at, "there is no parameter $%d",
				 ((const PgQuery__ParamRef *)hit)->number);
	const PgQuery__ColumnRef *cr = (const PgQuery__ColumnRef *)hit;
	const char *col = xlat_node_str(cr->fields[cr->n_fields - 1]);
	return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, at, "column \"%s\" does not exist",
			 col ? col : "*");
}

/* A parameter's DEFAULT as PostgreSQL text (xlat_deparse_expr),
 * translated once here so that what a call cannot translate fails at CREATE. */
static bool default_text(struct xlat_ctx *c, struct proto *p, PgQuery__Node *expr,
			 PgQuery__TypeName *type)
{
	PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
	PgQuery__Node cast = PG_QUERY__NODE__INIT;
	tc.arg = expr;
	tc.type_name = type;
	tc.location = -1;
	cast.node_case = NODE(TYPE_CAST);
	cast.type_cast = &tc;
	const char *text = xlat_deparse_expr(c, expr);
	struct xlat_type t;
	uint32_t poly;
	const char *decl;
	bool polymorphic = xlat_poly_type(c, type, &poly, &decl) > 0; /* cast once resolved */
	if (!default_refs(c, expr) ||
	    (!polymorphic &&
	     !xlat_scope_dry_expr(c, &cast, &t))) /* 22P02 for DEFAULT 'x' of an integer */
		return false;
	if (!text || strstr(text, SEP))
		return xlat_unsupported(c, -1, "this parameter default");
	p->defaults[p->ndefaults++] = text;
	return true;
}

/* A column of RETURNS TABLE (a TABLE-mode parameter of the parse tree). */
static bool table_column(struct xlat_ctx *c, struct proto *p, const PgQuery__FunctionParameter *fp)
{
	size_t i = p->nouts;
	p->table = true;
	p->outnames[i] = arena_strdup(c->a, fp->name ? fp->name : "");
	if (strstr(p->outnames[i], SEP))
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "parameter name \"%s\" is not supported", p->outnames[i]);
	if (!arg_type(c, fp->arg_type, &p->outtypes[i], &p->outdecls[i]))
		return false;
	p->nouts++;
	return true;
}

/* Any parameter but a TABLE column into the list of them all (its mode, name and type). */
static bool any_param(struct xlat_ctx *c, struct proto *p, const PgQuery__FunctionParameter *fp,
		      char mode)
{
	size_t i = p->nparams;
	const char *name = fp->name ? fp->name : "";
	for (size_t k = 0; *name && k < i; k++) {
		if (strcmp(p->allnames[k], name) == 0)
			return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
					 "parameter name \"%s\" used more than once", name);
	}
	p->allnames[i] = arena_strdup(c->a, name);
	if (!param_type(c, fp->arg_type, &p->alltypes[i], &p->alldecls[i]))
		return false;
	p->modes[i] = mode;
	p->nparams++;
	return true;
}

static bool parameter(struct xlat_ctx *c, struct proto *p, const PgQuery__FunctionParameter *fp)
{
	if (fp->mode == MODE(TABLE))
		return table_column(c, p, fp);
	bool out = fp->mode == MODE(OUT), inout = fp->mode == MODE(INOUT);
	if (p->variadic && !out)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "VARIADIC parameter must be the last input parameter");
	p->variadic = fp->mode == MODE(VARIADIC);
	if (out && fp->defexpr)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "only input parameters can have default values");
	if (!any_param(c, p, fp, out ? 'o' : inout ? 'b' : p->variadic ? 'v' : 'i'))
		return false;
	const struct pgtype_info *ti = pgtype_by_oid(p->alltypes[p->nparams - 1]);
	if (p->variadic && (!ti || !ti->elem_oid) &&
	    !xlat_poly_variadic_elem(p->alltypes[p->nparams - 1]))
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "VARIADIC parameter must be an array");
	if (out || inout) {
		p->has_out = true;
		p->outnames[p->nouts] = p->allnames[p->nparams - 1];
		p->outdecls[p->nouts] = p->alldecls[p->nparams - 1];
		p->outtypes[p->nouts++] = p->alltypes[p->nparams - 1];
	}
	if (out)
		return true;
	if (fp->defexpr && !default_text(c, p, fp->defexpr, fp->arg_type))
		return false;
	if (!fp->defexpr && p->ndefaults)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "input parameters after one with a default value must also have "
				 "defaults");
	size_t i = p->nargs;
	const char *name = fp->name ? fp->name : "";
	if (strstr(name, SEP))
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "parameter name \"%s\" is not supported", name);
	p->argnames[i] = arena_strdup(c->a, name);
	if (!param_type(c, fp->arg_type, &p->argtypes[i], &p->argdecls[i]))
		return false;
	p->nargs++;
	return true;
}

static bool parameters(struct xlat_ctx *c, struct proto *p, PgQuery__Node **v, size_t n)
{
	if (n > MAX_ARGS)
		return xlat_fail(c, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, -1,
				 "functions cannot have more than %d arguments", MAX_ARGS);
	p->argnames = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	p->argdecls = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	p->argtypes = arena_zalloc(c->a, (n + 1) * sizeof(uint32_t));
	p->defaults = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	p->outnames = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	p->outdecls = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	p->outtypes = arena_zalloc(c->a, (n + 1) * sizeof(uint32_t));
	p->allnames = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	p->alldecls = arena_zalloc(c->a, (n + 1) * sizeof(char *));
	p->alltypes = arena_zalloc(c->a, (n + 1) * sizeof(uint32_t));
	p->modes = arena_zalloc(c->a, n + 1);
	for (size_t i = 0; i < n; i++) {
		if (v[i]->node_case != NODE(FUNCTION_PARAMETER))
			return xlat_unsupported(c, -1, "this parameter");
		if (!parameter(c, p, v[i]->function_parameter))
			return false;
	}
	p->sig = make_sig(c, p->argtypes, p->nargs);
	return true;
}

/* The result of a function with OUT parameters: the one's type, or record for more; a
 * RETURNS clause must say the same. */
static bool out_result(struct xlat_ctx *c, const PgQuery__TypeName *tn, const struct proto *p,
		       struct xlat_udf *u)
{
	if (p->table)
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
				 "OUT and INOUT arguments aren't allowed in TABLE functions");
	u->rettype = p->nouts == 1 ? p->outtypes[0] : XLAT_OID_RECORD;
	u->retdecl = p->nouts == 1 ? p->outdecls[0] : "record";
	if (!tn)
		return true;
	u->retset = tn->setof;         /* RETURN NEXT adds the OUT parameters' values */
	PgQuery__TypeName plain = *tn; /* SETOF's type as any other */
	plain.setof = false;
	const char *name = tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	uint32_t oid = XLAT_OID_RECORD;
	const char *decl;
	if (!(name && strcmp(name, "record") == 0) && !arg_type(c, &plain, &oid, &decl))
		return false;
	if (oid == u->rettype)
		return true;
	return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
			 "function result type must be %s because of OUT parameters",
			 p->nouts == 1 ? p->outdecls[0] : "record");
}

static bool result_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, const struct proto *p,
			struct xlat_udf *u)
{
	const char *name = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	if (p->has_out)
		return out_result(c, tn, p, u);
	if (p->nouts) { /* RETURNS TABLE: one column is a set of its type, more of records */
		u->retset = true;
		u->rettype = p->nouts == 1 ? p->outtypes[0] : XLAT_OID_RECORD;
		u->retdecl = p->nouts == 1 ? p->outdecls[0] : "record";
		return true;
	}
	if (!tn)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "function result type must be specified");
	u->retset = tn->setof;
	if (tn->setof && name && (strcmp(name, "void") == 0 || strcmp(name, "trigger") == 0))
		return xlat_unsupported(c, -1, arena_printf(c->a, "RETURNS SETOF %s", name));
	if (name && tn->n_names <= 2 && !tn->n_array_bounds) {
		if (strcmp(name, "void") == 0) {
			u->rettype = PGTYPE_VOID;
			u->retdecl = "void";
			return true;
		}
		if (strcmp(name, "trigger") == 0) {
			u->rettype = XLAT_OID_TRIGGER;
			u->retdecl = "trigger";
			return true;
		}
		if (strcmp(name, "event_trigger") == 0)
			return xlat_unsupported(c, -1, "an event trigger function");
		if (strcmp(name, "record") == 0) { /* its columns: a call's definition list */
			u->rettype = XLAT_OID_RECORD;
			u->retdecl = "record";
			return true;
		}
	}
	PgQuery__TypeName plain = *tn; /* SETOF's type as any other */
	plain.setof = false;
	/* a row type (a composite type's, a table's): the value is the row's text, expanded
	 * into the type's columns in FROM (xlat_call.c) */
	return out_row_type(c, &plain, &u->rettype, &u->retdecl) ||
	       arg_type(c, &plain, &u->rettype, &u->retdecl);
}

/* ---- CREATE FUNCTION ---- */

static bool same_outs(const struct xlat_udf *a, const struct xlat_udf *b)
{
	if (a->nouts != b->nouts)
		return false;
	for (size_t i = 0; i < a->nouts; i++)
		if (a->outtypes[i] != b->outtypes[i] || strcmp(a->outnames[i], b->outnames[i]) != 0)
			return false;
	return true;
}

/* "f(integer,text)": a function as PostgreSQL's hints name it (format_procedure). */
static const char *drop_display(struct xlat_ctx *c, const struct xlat_udf *u)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < u->nargs; i++)
		strbuf_printf(&sb, "%s%s", i ? "," : "", u->argdecls[i]);
	const char *out =
		arena_printf(c->a, "%s(%.*s)", u->name, (int)sb.len, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	return out;
}

static const char *option_str(const PgQuery__DefElem *d)
{
	const PgQuery__Node *a = d->arg;
	if (a && a->node_case == NODE(LIST) && a->list->n_items == 1)
		return xlat_node_str(a->list->items[0]);
	return a ? xlat_node_str(a) : NULL;
}

static bool option_bool(const PgQuery__DefElem *d)
{
	const PgQuery__Node *a = d->arg;
	if (a && a->node_case == NODE(BOOLEAN))
		return a->boolean->boolval;
	return a && a->node_case == NODE(INTEGER) && a->integer->ival != 0;
}

/* One of CREATE FUNCTION's options into u: the body, language, volatility and strictness
 * matter; SECURITY, LEAKPROOF, COST, ROWS and PARALLEL change nothing here. */
static bool option(struct xlat_ctx *c, const PgQuery__DefElem *d, struct xlat_udf *u)
{
	const char *k = d->defname;
	if (strcmp(k, "as") == 0) {
		const PgQuery__Node *a = d->arg;
		if (a && a->node_case == NODE(LIST) && a->list->n_items != 1)
			u->body = ""; /* language() answers for it: only C takes two items */
		else
			u->body = option_str(d);
	} else if (strcmp(k, "language") == 0) {
		u->lang = option_str(d);
	} else if (strcmp(k, "volatility") == 0) {
		const char *v = option_str(d);
		u->volatility = v && strcmp(v, "immutable") == 0 ? 'i'
				: v && strcmp(v, "stable") == 0  ? 's'
								 : 'v';
	} else if (strcmp(k, "strict") == 0) {
		u->strict = option_bool(d);
	} else if (strcmp(k, "security") == 0) {
		u->secdef = option_bool(d);
	} else if (strcmp(k, "leakproof") == 0) {
		u->leakproof = option_bool(d);
	} else if (strcmp(k, "rows") == 0 && !u->retset) {
		return xlat_fail(c, SQLSTATE_INVALID_PARAMETER_VALUE, d->location,
				 "ROWS is not applicable when function does not return a set");
	} else if (strcmp(k, "window") == 0) {
		return xlat_unsupported(c, d->location, "WINDOW functions");
	} else if (strcmp(k, "set") == 0) {
		return xlat_unsupported(c, d->location, "CREATE FUNCTION ... SET");
	} else if (strcmp(k, "support") == 0) {
		return xlat_unsupported(c, d->location, "SUPPORT functions");
	}
	return true;
}

/* A procedure takes SECURITY and SET of the routine attributes (PostgreSQL's
 * compute_common_attribute), besides its body and language: others are 42P13. */
static bool procedure_option(struct xlat_ctx *c, bool is_procedure, const PgQuery__DefElem *d)
{
	static const char *const fn_only[] = {"volatility", "strict",  "leakproof", "cost",
					      "rows",       "support", "parallel",  "window"};
	for (size_t i = 0; is_procedure && i < ARRAY_LEN(fn_only); i++)
		if (strcmp(d->defname, fn_only[i]) == 0)
			return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, d->location,
					 "invalid attribute in procedure definition");
	return true;
}

/* body "": AS 'obj_file', 'link_symbol', which only C takes. */
static bool language(struct xlat_ctx *c, const char *lang, const char *body)
{
	if (!lang)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "no language specified");
	bool ours = strcmp(lang, "plpgsql") == 0 || strcmp(lang, "sql") == 0;
	if (ours && body && !*body)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "only one AS item needed for language \"%s\"", lang);
	if (ours)
		return true;
	if (strcmp(lang, "c") == 0 || strcmp(lang, "internal") == 0)
		return xlat_unsupported(c, -1, arena_printf(c->a, "LANGUAGE %s", lang));
	return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, -1, "language \"%s\" does not exist", lang);
}

/* A trigger function is PL/pgSQL without declared arguments (42P13 as PostgreSQL). */
static bool trigger_check(struct xlat_ctx *c, const struct xlat_udf *u, size_t nargs)
{
	if (u->rettype != XLAT_OID_TRIGGER)
		return true;
	if (strcmp(u->lang, "sql") == 0)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "SQL functions cannot return type trigger");
	if (!nargs)
		return true;
	xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
		  "trigger functions cannot have declared arguments");
	pgerr_hint(c->err, "The arguments of the trigger can be accessed through TG_NARGS and "
			   "TG_ARGV instead.");
	return false;
}

static bool validate_returns(struct xlat_ctx *c, const struct xlat_udf *u)
{
	xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
		  "return type mismatch in function declared to return %s", u->retdecl);
	pgerr_detail(c->err, "Function's final statement must be SELECT or INSERT/UPDATE/DELETE "
			     "RETURNING.");
	return false;
}

/* The body as PostgreSQL validates it when the function is created (check_function_bodies):
 * compiled, and a LANGUAGE sql function's last statement must return its result. */
static bool validate(struct xlat_ctx *c, const struct xlat_udf *u)
{
	const struct xlat_pl_func *f;
	bool sql = strcmp(u->lang, "sql") == 0;
	if (xlat_udf_polymorphic(u) && sql) /* PostgreSQL only parses such a body */
		return xlat_sql_body_returns(u->body) || u->rettype == PGTYPE_VOID ||
		       validate_returns(c, u);
	if (xlat_udf_polymorphic(u) && !(u = xlat_poly_validation_instance(c, u)))
		return false;
	if (!xlat_udf_compile(u, c->schema, c->a, &f, c->err))
		return false;
	if (!f->sql_body || u->rettype == PGTYPE_VOID || xlat_sql_body_returns(u->body))
		return true;
	return validate_returns(c, u);
}

static const char *joined(struct xlat_ctx *c, const char *const *v, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? SEP : "", v[i]);
	const char *out = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

static void delete_rows(struct xlat_ctx *c, const char *table, const struct xlat_udf *u)
{
	xlat_printf(c, "; DELETE FROM %s WHERE name = ", table);
	xlat_string(c, u->name);
	xlat_puts(c, " AND sig = ");
	xlat_string(c, u->sig);
}

/* One row of the second sidecar. */
static void ext_row(struct xlat_ctx *c, const struct xlat_udf *u, const char *key,
		    const char *value)
{
	xlat_printf(c, "; INSERT INTO %s VALUES (", EXT(u->temp));
	xlat_string(c, u->name);
	xlat_puts(c, ", ");
	xlat_string(c, u->sig);
	xlat_puts(c, ", ");
	xlat_string(c, key);
	xlat_puts(c, ", ");
	xlat_string(c, value);
	xlat_puts(c, ")");
}

static void emit_create(struct xlat_ctx *c, const struct xlat_udf *u)
{
	const char *temp = SCHEMA(u->temp);
	xlat_printf(c, SIDECAR, temp);
	delete_rows(c, FNS(u->temp), u);
	xlat_printf(c, "; INSERT INTO %s VALUES (", FNS(u->temp));
	xlat_string(c, u->name);
	xlat_puts(c, ", ");
	xlat_string(c, u->sig);
	xlat_puts(c, ", ");
	xlat_string(c, joined(c, u->argnames, u->nargs));
	xlat_puts(c, ", ");
	xlat_string(c, joined(c, u->argdecls, u->nargs));
	xlat_printf(c, ", %u, ", u->rettype);
	xlat_string(c, u->retdecl);
	xlat_puts(c, ", ");
	xlat_string(c, u->lang);
	xlat_puts(c, ", ");
	xlat_string(c, u->body);
	xlat_printf(c, ", '%c', %d, '%c')" EXT_SIDECAR, u->volatility, u->strict ? 1 : 0, u->kind,
		    temp);
	/* every property but its comment, which CREATE OR REPLACE keeps, as PostgreSQL's */
	delete_rows(c, EXT(u->temp), u);
	xlat_puts(c, " AND key <> 'comment'");
	if (u->ndefaults)
		ext_row(c, u, "defaults", joined(c, u->defaults, u->ndefaults));
	if (u->retset)
		ext_row(c, u, "retset", "1");
	if (u->variadic)
		ext_row(c, u, "variadic", "1");
	if (u->secdef)
		ext_row(c, u, "secdef", "1");
	if (u->leakproof)
		ext_row(c, u, "leakproof", "1");
	if (u->modes) {
		ext_row(c, u, "modes", u->modes);
		ext_row(c, u, "allnames", joined(c, u->allnames, u->nparams));
		ext_row(c, u, "alldecls", joined(c, u->alldecls, u->nparams));
		ext_row(c, u, "alltypes", make_sig(c, u->alltypes, u->nparams));
	}
	if (u->nouts) {
		ext_row(c, u, "outnames", joined(c, u->outnames, u->nouts));
		ext_row(c, u, "outdecls", joined(c, u->outdecls, u->nouts));
		ext_row(c, u, "outtypes", make_sig(c, u->outtypes, u->nouts));
	}
	xlat_printf(c, SCHEMA_BUMP, temp, temp);
}

/* One statement of a SQL-standard body as LANGUAGE sql text: RETURN expr is SELECT expr. */
static const char *standard_stmt(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case != NODE(RETURN_STMT))
		return xlat_deparse(c, n);
	const char *e = n->return_stmt->returnval ? xlat_deparse_expr(c, n->return_stmt->returnval)
						  : NULL;
	return e ? arena_printf(c->a, "SELECT %s", e) : NULL;
}

/* A SQL-standard body (RETURN expr, or BEGIN ATOMIC stmt; ... END) of a LANGUAGE sql routine:
 * kept as the LANGUAGE sql body it means, its statements' text (PostgreSQL keeps the parsed
 * body; pg_get_functiondef here shows the AS form). */
static bool standard_body(struct xlat_ctx *c, const PgQuery__Node *body, struct xlat_udf *u)
{
	if (u->lang && strcmp(u->lang, "sql") != 0)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "inline SQL function body only valid for language SQL");
	if (u->body)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "duplicate function body specified");
	u->lang = "sql";
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = true;
	if (body->node_case == NODE(LIST)) { /* BEGIN ATOMIC: a list holding the statement list */
		const PgQuery__List *outer = body->list;
		for (size_t i = 0; ok && i < outer->n_items; i++) {
			const PgQuery__Node *inner = outer->items[i];
			size_t n = inner->node_case == NODE(LIST) ? inner->list->n_items : 1;
			for (size_t k = 0; ok && k < n; k++) {
				const char *t = standard_stmt(c, inner->node_case == NODE(LIST)
									 ? inner->list->items[k]
									 : inner);
				ok = t != NULL;
				strbuf_printf(&sb, "%s%s", sb.len ? "; " : "", t ? t : "");
			}
		}
	} else {
		const char *t = standard_stmt(c, body);
		ok = t != NULL;
		strbuf_puts(&sb, t ? t : "");
	}
	u->body = ok && !sb.failed ? arena_strndup(c->a, sb.data ? sb.data : "", sb.len) : NULL;
	strbuf_fini(&sb);
	return u->body ? true : xlat_unsupported(c, -1, "this SQL-standard function body");
}

bool xlat_stmt_create_function(struct xlat_ctx *c, const PgQuery__CreateFunctionStmt *s)
{
	struct proto p = {0};
	struct xlat_udf *u = arena_zalloc(c->a, sizeof(*u));
	bool temp;
	u->volatility = 'v';
	if (!(p.name = routine_name(c, s->funcname, s->n_funcname, &temp)) ||
	    !parameters(c, &p, s->parameters, s->n_parameters))
		return false;
	if (s->is_procedure && p.has_out) {   /* CALL returns the OUT/INOUT values as one row */
		u->rettype = XLAT_OID_RECORD; /* even of one, as PostgreSQL's prorettype */
		u->retdecl = "record";
	} else if (s->is_procedure) { /* a procedure returns nothing: void to the interpreter */
		u->rettype = PGTYPE_VOID;
		u->retdecl = "void";
	} else if (!result_type(c, s->return_type, &p, u)) {
		return false;
	}
	for (size_t i = 0; i < s->n_options; i++) {
		if (s->options[i]->node_case == NODE(DEF_ELEM) &&
		    (!procedure_option(c, s->is_procedure, s->options[i]->def_elem) ||
		     !option(c, s->options[i]->def_elem, u)))
			return false;
	}
	if (s->sql_body && !standard_body(c, s->sql_body, u))
		return false;
	if (!language(c, u->lang, u->body) || !trigger_check(c, u, p.nargs))
		return false;
	if (!u->body)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "no function body specified");
	bool secdef = u->secdef, leakproof = u->leakproof;
	*u = (struct xlat_udf){arena_strdup(c->a, p.name),
			       p.sig,
			       p.nargs,
			       p.argtypes,
			       p.argnames,
			       p.argdecls,
			       u->rettype,
			       u->retdecl,
			       arena_strdup(c->a, u->lang),
			       arena_strdup(c->a, u->body),
			       u->volatility,
			       u->strict,
			       s->is_procedure ? 'p' : 'f',
			       p.ndefaults,
			       p.defaults,
			       u->retset,
			       p.nouts,
			       p.outnames,
			       p.outdecls,
			       p.outtypes,
			       p.has_out ? p.modes : NULL,
			       p.nparams,
			       p.allnames,
			       p.alldecls,
			       p.alltypes,
			       p.variadic,
			       temp,
			       secdef,
			       leakproof};
	/* a domain parameter or result is a variable of the body, checked when it is assigned;
	 * the rows of a set or of a LANGUAGE sql body are checked as they are added
	 * (sess_udf.c, check_domains) */
	if (!xlat_poly_result_check(c, u))
		return false;
	const struct xlat_udf *old = find_udf(c, u->name, u->sig, temp);
	if (old && !s->replace)
		return xlat_fail(c, SQLSTATE_DUPLICATE_FUNCTION, -1,
				 "%s \"%s\" already exists with same argument types",
				 u->kind == 'p' ? "procedure" : "function", u->name);
	if (old && old->kind != u->kind) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, -1, "cannot change routine kind");
		pgerr_detail(c->err, "\"%s\" is a %s.", u->name,
			     old->kind == 'p' ? "procedure" : "function");
		return false;
	}
	if (old && (old->rettype != u->rettype || old->retset != u->retset || !same_outs(old, u))) {
		xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
			  "cannot change return type of existing function");
		pgerr_hint(c->err, "Use DROP FUNCTION %s first.",
			   xlat_udf_display(c, u->name, u->argdecls, u->nargs));
		return false;
	}
	for (size_t i = 0; old && old->argnames && i < old->nargs && i < u->nargs; i++) {
		const char *was = old->argnames[i], *now = u->argnames ? u->argnames[i] : NULL;
		if (!was || !*was || (now && strcmp(was, now) == 0))
			continue;
		/* ProcedureCreate: a named input parameter keeps its name (callers may use it) */
		xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
			  "cannot change name of input parameter \"%s\"", was);
		pgerr_hint(c->err, "Use DROP FUNCTION %s first.", drop_display(c, u));
		return false;
	}
	if (old && old->ndefaults > u->ndefaults) {
		xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
			  "cannot remove parameter defaults from existing function");
		pgerr_hint(c->err, "Use DROP FUNCTION %s first.", drop_display(c, u));
		return false;
	}
	if (!validate(c, u))
		return false;
	xlat_sidecar_script(c, s->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION");
	emit_create(c, u);
	if (!old && !temp) /* its ACL from ALTER DEFAULT PRIVILEGES ... ON FUNCTIONS */
		xlat_defacl_created(c, 'f', xlat_routine_key(c, u), u->name);
	return true;
}

/* ---- for CREATE AGGREGATE (xlat_aggdef.c) ---- */

bool xlat_routine_signature(struct xlat_ctx *c, PgQuery__Node **names, size_t nnames,
			    PgQuery__Node **params, size_t nparams, struct xlat_udf *u)
{
	struct proto p = {0};
	bool temp;
	if (!(p.name = routine_name(c, names, nnames, &temp)) ||
	    !parameters(c, &p, params, nparams))
		return false;
	if (p.has_out || p.nouts || p.ndefaults)
		return xlat_unsupported(c, -1, "an OUT parameter or a default of an aggregate");
	u->name = arena_strdup(c->a, p.name);
	u->sig = p.sig;
	u->nargs = p.nargs;
	u->argtypes = p.argtypes;
	u->argnames = p.argnames;
	u->argdecls = p.argdecls;
	u->variadic = p.variadic;
	u->temp = temp;
	return true;
}

bool xlat_routine_param_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
			     const char **decl)
{
	return param_type(c, tn, oid, decl);
}

bool xlat_routine_store(struct xlat_ctx *c, const struct xlat_udf *u, bool replace, const char *tag)
{
	const struct xlat_udf *old = find_udf(c, u->name, u->sig, u->temp);
	if (old && !replace)
		return xlat_fail(c, SQLSTATE_DUPLICATE_FUNCTION, -1,
				 "function \"%s\" already exists with same argument types",
				 u->name);
	if (old && old->kind != u->kind) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, -1, "cannot change routine kind");
		pgerr_detail(c->err, "\"%s\" is %s.", u->name,
			     old->kind == 'a'   ? "an aggregate function"
			     : old->kind == 'p' ? "a procedure"
						: "a function");
		return false;
	}
	if (old && old->rettype != u->rettype)
		return xlat_fail(c, SQLSTATE_INVALID_FUNCTION_DEFINITION, -1,
				 "cannot change return type of existing function");
	xlat_sidecar_script(c, tag);
	emit_create(c, u);
	return true;
}

/* ---- DROP FUNCTION ---- */

/* A procedure with OUT parameters named by all its parameters' types (PostgreSQL 14+ takes
 * its CALL's argument list there too), NULL when none. */
static const struct xlat_udf *find_by_all_params(struct xlat_ctx *c, const char *name,
						 const char *sig, bool temp)
{
	for (size_t i = 0; c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *u = &c->schema->udfs[i];
		if (u->kind == 'p' && u->modes && strchr(u->modes, 'o') && u->temp == temp &&
		    strcmp(u->name, name) == 0 &&
		    strcmp(make_sig(c, u->alltypes, u->nparams), sig) == 0)
			return u;
	}
	return NULL;
}

static bool kind_ok(const struct xlat_udf *u, char kind) { return !kind || u->kind == kind; }

static const char *kind_word(char kind)
{
	return kind == 'p' ? "procedure" : kind == 'a' ? "aggregate" : "function";
}

/* The routine of kind (a DROP or ALTER FUNCTION's 'f', PROCEDURE's 'p', ROUTINE's 0) one
 * object names, looked up as PostgreSQL's LookupFuncWithArgs: a name alone among the routines
 * of the kind, an argument list among all (another kind's is 42809 "f(integer) is not a
 * procedure", IF EXISTS or not). NULL with *missing set when there is none (err set unless
 * missing_ok), NULL with err set for an ambiguous name or a routine of another kind. */
static const struct xlat_udf *routine_target(struct xlat_ctx *c, const PgQuery__ObjectWithArgs *o,
					     char kind, bool missing_ok, bool *missing)
{
	struct proto p = {0};
	bool temp;
	*missing = false;
	if (!(p.name = routine_name(c, o->objname, o->n_objname, &temp)))
		return NULL;
	if (!o->args_unspecified) {
		p.argdecls = arena_zalloc(c->a, (o->n_objargs + 1) * sizeof(char *));
		p.argtypes = arena_zalloc(c->a, (o->n_objargs + 1) * sizeof(uint32_t));
		for (size_t i = 0; i < o->n_objargs; i++) {
			const PgQuery__Node *n = o->objargs[i];
			if (n->node_case != NODE(TYPE_NAME) ||
			    !param_type(c, n->type_name, &p.argtypes[i], &p.argdecls[i]))
				return n->node_case == NODE(TYPE_NAME)
					       ? NULL
					       : (xlat_unsupported(c, -1, "this argument"), NULL);
		}
		p.sig = make_sig(c, p.argtypes, o->n_objargs);
	}
	const struct xlat_udf *u = NULL;
	size_t n = 0;
	for (size_t i = 0; !p.sig && c->schema && i < c->schema->nudfs; i++) {
		const struct xlat_udf *x = &c->schema->udfs[i];
		if (strcmp(x->name, p.name) == 0 && x->temp == temp && kind_ok(x, kind) && !n++)
			u = x;
	}
	if (n > 1) {
		xlat_fail(c, SQLSTATE_AMBIGUOUS_FUNCTION, -1, "%s name \"%s\" is not unique",
			  kind ? kind_word(kind) : "function", p.name);
		pgerr_hint(c->err, "Specify the argument list to select the %s unambiguously.",
			   kind ? kind_word(kind) : "function");
		return NULL;
	}
	if (p.sig && !(u = find_udf(c, p.name, p.sig, temp)))
		u = find_by_all_params(c, p.name, p.sig, temp);
	if (u && !kind_ok(u, kind) && u->kind == 'a') { /* PostgreSQL's LookupFuncWithArgs */
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, -1, "\"%s\" is an aggregate function",
			  u->name);
		pgerr_hint(c->err, "Use DROP AGGREGATE to drop aggregate functions.");
		return NULL;
	}
	if (u && !kind_ok(u, kind)) {
		xlat_fail(c, SQLSTATE_WRONG_OBJECT_TYPE, -1,
			  kind == 'a' ? "function %s is not an aggregate" : "%s is not a %s",
			  xlat_udf_display(c, u->name, u->argdecls, u->nargs), kind_word(kind));
		return NULL;
	}
	if (!u && !missing_ok) {
		if (p.sig)
			xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, -1, "%s %s does not exist",
				  kind_word(kind),
				  xlat_udf_display(c, p.name, p.argdecls, o->n_objargs));
		else
			xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, -1,
				  "could not find a %s named \"%s\"", kind_word(kind), p.name);
	}
	*missing = !u;
	return u;
}

const struct xlat_udf *xlat_routine_find(struct xlat_ctx *c, const PgQuery__ObjectWithArgs *o)
{
	bool missing;
	return routine_target(c, o, 0, false, &missing);
}

/* The kind a DROP or ALTER of object type t names: 'f', 'p', 0 for ROUTINE. */
static char object_kind(PgQuery__ObjectType t)
{
	return t == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE   ? 'p'
	       : t == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION  ? 'f'
	       : t == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE ? 'a'
							      : 0;
}

/* COMMENT ON FUNCTION | PROCEDURE | ROUTINE | AGGREGATE f(...) IS 'text': a row of key
 * "comment" in the second sidecar, so it goes with DROP and follows RENAME TO; IS NULL or ''
 * removes it. pg_description shows it as pg_proc's (catalog_udf.c). */
bool xlat_routine_comment(struct xlat_ctx *c, const PgQuery__CommentStmt *s)
{
	bool missing;
	if (!s->object || s->object->node_case != NODE(OBJECT_WITH_ARGS))
		return xlat_unsupported(c, -1, "this COMMENT ON FUNCTION");
	const struct xlat_udf *u = routine_target(c, s->object->object_with_args,
						  object_kind(s->objtype), false, &missing);
	if (!u)
		return false;
	xlat_printf(c, SIDECAR EXT_SIDECAR, SCHEMA(u->temp), SCHEMA(u->temp));
	delete_rows(c, EXT(u->temp), u);
	xlat_puts(c, " AND key = 'comment'");
	if (s->comment && *s->comment)
		ext_row(c, u, "comment", s->comment);
	xlat_printf(c, SCHEMA_BUMP, SCHEMA(u->temp), SCHEMA(u->temp));
	return true;
}

const char *xlat_routine_key(struct xlat_ctx *c, const struct xlat_udf *u)
{
	return arena_printf(c->a, "proc:%s(%s)", u->name, u->sig);
}

/* PostgreSQL's name of u in messages (format_procedure): "function f(integer, text)". */
static const char *routine_display(struct xlat_ctx *c, const struct xlat_udf *u)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s %s(", kind_word(u->kind), u->name);
	for (size_t i = 0; i < u->nargs; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", u->argdecls ? u->argdecls[i] : "?");
	strbuf_putc(&sb, ')');
	const char *r = arena_strdup(c->a, sb.failed ? "" : sb.data);
	strbuf_fini(&sb);
	return r;
}

bool xlat_drop_functions(struct xlat_ctx *c, const PgQuery__DropStmt *s)
{
	bool cascade = s->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
	xlat_sidecar_script(c,
			    c->st->tag ? c->st->tag : "DROP FUNCTION"); /* or PROCEDURE, ROUTINE */
	xlat_printf(c, SIDECAR EXT_SIDECAR, "main.", "main.");
	bool temp = false; /* a pg_temp function's sidecars exist: it was found there */
	for (size_t i = 0; i < s->n_objects; i++) {
		const PgQuery__Node *n = s->objects[i];
		bool missing;
		if (n->node_case != NODE(OBJECT_WITH_ARGS))
			return xlat_unsupported(c, -1, "this DROP FUNCTION");
		const struct xlat_udf *u = routine_target(c, n->object_with_args,
							  object_kind(s->remove_type),
							  s->missing_ok, &missing);
		if (!u && !missing)
			return false;
		if (!u && !s->missing_ok)
			return false;
		if (!u)
			continue;
		if (u->kind != 'a') { /* what calls it (catalog_cascade.c) */
			xlat_puts(c, "; SELECT shardlite_function_drop(");
			xlat_string(c,
				    u->temp ? arena_printf(c->a, "pg_temp.%s", u->name) : u->name);
			xlat_puts(c, ", ");
			xlat_string(c, u->sig);
			xlat_puts(c, ", ");
			xlat_string(c, routine_display(c, u));
			xlat_printf(c, ", %d)", cascade);
		}
		delete_rows(c, FNS(u->temp), u);
		delete_rows(c, EXT(u->temp), u);
		if (!u->temp) { /* its grants go with it (src/catalog/catalog_grant.c) */
			xlat_puts(c, "; SELECT shardlite_grant_forget(");
			xlat_string(c, xlat_routine_key(c, u));
			xlat_puts(c, ")");
		}
		temp |= u->temp;
	}
	xlat_printf(c, SCHEMA_BUMP, "main.", "main.");
	if (temp)
		xlat_printf(c, SCHEMA_BUMP, "temp.", "temp.");
	return true;
}

/* ---- ALTER FUNCTION / PROCEDURE / ROUTINE ---- */

static const char *alter_tag(PgQuery__ObjectType t)
{
	char kind = object_kind(t);
	return kind == 'p'   ? "ALTER PROCEDURE"
	       : kind == 'f' ? "ALTER FUNCTION"
	       : kind == 'a' ? "ALTER AGGREGATE"
			     : "ALTER ROUTINE";
}

/* ALTER FUNCTION f(...) action ...: the volatility and strictness the sidecar keeps change;
 * SECURITY, LEAKPROOF, COST, ROWS and PARALLEL are taken and change nothing, as in CREATE
 * FUNCTION; a procedure takes SECURITY alone (42P13 for the others, as PostgreSQL). */
bool xlat_alter_routine(struct xlat_ctx *c, const PgQuery__AlterFunctionStmt *s)
{
	bool missing;
	const struct xlat_udf *u =
		routine_target(c, s->func, object_kind(s->objtype), false, &missing);
	if (!u)
		return false;
	char volatility = u->volatility;
	bool strict = u->strict, secdef = u->secdef, leakproof = u->leakproof;
	for (size_t i = 0; i < s->n_actions; i++) {
		const PgQuery__DefElem *d =
			s->actions[i]->node_case == NODE(DEF_ELEM) ? s->actions[i]->def_elem : NULL;
		if (!d)
			return xlat_unsupported(c, -1, "this ALTER FUNCTION action");
		if (!procedure_option(c, u->kind == 'p', d))
			return false;
		if (strcmp(d->defname, "set") == 0)
			return xlat_unsupported(c, d->location, "ALTER FUNCTION ... SET");
		if (strcmp(d->defname, "support") == 0)
			return xlat_unsupported(c, d->location, "SUPPORT functions");
		struct xlat_udf v = {.volatility = volatility,
				     .strict = strict,
				     .retset = u->retset,
				     .secdef = secdef,
				     .leakproof = leakproof};
		if (!option(c, d, &v))
			return false;
		volatility = v.volatility;
		strict = v.strict;
		secdef = v.secdef;
		leakproof = v.leakproof;
	}
	xlat_sidecar_script(c, alter_tag(s->objtype));
	xlat_printf(c, SIDECAR EXT_SIDECAR, SCHEMA(u->temp), SCHEMA(u->temp));
	xlat_printf(c, "; UPDATE %s SET volatility = '%c', strict = %d WHERE name = ", FNS(u->temp),
		    volatility, strict ? 1 : 0);
	xlat_string(c, u->name);
	xlat_puts(c, " AND sig = ");
	xlat_string(c, u->sig);
	xlat_printf(c, "; DELETE FROM %s WHERE key IN ('secdef', 'leakproof') AND name = ",
		    EXT(u->temp));
	xlat_string(c, u->name);
	xlat_puts(c, " AND sig = ");
	xlat_string(c, u->sig);
	if (secdef)
		ext_row(c, u, "secdef", "1");
	if (leakproof)
		ext_row(c, u, "leakproof", "1");
	xlat_printf(c, SCHEMA_BUMP, SCHEMA(u->temp), SCHEMA(u->temp));
	return true;
}

/* ALTER FUNCTION f(...) RENAME TO g: both sidecars' rows and the grants move to the new name
 * (42723 when g has a routine of the same argument types, as PostgreSQL). */
bool xlat_rename_routine(struct xlat_ctx *c, const PgQuery__RenameStmt *s)
{
	bool missing;
	if (!s->object || s->object->node_case != NODE(OBJECT_WITH_ARGS))
		return xlat_unsupported(c, -1, "this ALTER FUNCTION ... RENAME");
	const struct xlat_udf *u = routine_target(c, s->object->object_with_args,
						  object_kind(s->rename_type), false, &missing);
	if (!u)
		return false;
	if (find_udf(c, s->newname, u->sig, u->temp)) {
		/* a local schema's "s.g" is g in s (xlat_localnsp.c) */
		const char *dot = strchr(s->newname, '.');
		const char *nsp = dot ? arena_strndup(c->a, s->newname, (size_t)(dot - s->newname))
				      : NULL;
		bool local = nsp && xlat_local_schema(c, nsp);
		return xlat_fail(c, SQLSTATE_DUPLICATE_FUNCTION, -1,
				 "function %s already exists in schema \"%s\"",
				 xlat_udf_display(c, local ? dot + 1 : s->newname, u->argdecls,
						  u->nargs),
				 u->temp ? "pg_temp"
				 : local ? nsp
					 : "public");
	}
	xlat_sidecar_script(c, alter_tag(s->rename_type));
	xlat_printf(c, SIDECAR EXT_SIDECAR, SCHEMA(u->temp), SCHEMA(u->temp));
	const char *tables[] = {FNS(u->temp), EXT(u->temp)};
	for (size_t i = 0; i < ARRAY_LEN(tables); i++) {
		xlat_printf(c, "; UPDATE %s SET name = ", tables[i]);
		xlat_string(c, s->newname);
		xlat_puts(c, " WHERE name = ");
		xlat_string(c, u->name);
		xlat_puts(c, " AND sig = ");
		xlat_string(c, u->sig);
	}
	if (!u->temp) { /* its grants follow it (src/catalog/catalog_grant.c) */
		struct xlat_udf renamed = *u;
		renamed.name = s->newname;
		xlat_puts(c, "; SELECT shardlite_grant_forget(");
		xlat_string(c, xlat_routine_key(c, u));
		xlat_puts(c, ", ");
		xlat_string(c, xlat_routine_key(c, &renamed));
		xlat_puts(c, ")");
	}
	xlat_printf(c, SCHEMA_BUMP, SCHEMA(u->temp), SCHEMA(u->temp));
	return true;
}

/* ALTER FUNCTION f(...) OWNER TO role (pg_dump writes one per function): every object of a
 * tenant belongs to the session user, so naming that user (or CURRENT_USER and its kin)
 * changes nothing; shardlite_owner_check refuses another role (0A000). */
bool xlat_routine_owner(struct xlat_ctx *c, const PgQuery__AlterOwnerStmt *s)
{
	bool missing;
	if (!s->object || s->object->node_case != NODE(OBJECT_WITH_ARGS))
		return xlat_unsupported(c, -1, "this ALTER FUNCTION ... OWNER TO");
	if (!routine_target(c, s->object->object_with_args, object_kind(s->object_type), false,
			    &missing))
		return false;
	xlat_sidecar_script(c, alter_tag(s->object_type));
	xlat_puts(c, "SELECT shardlite_owner_check(NULL, ");
	if (!xlat_owner_role(c, s->newowner))
		return false;
	xlat_puts(c, ")");
	return true;
}
