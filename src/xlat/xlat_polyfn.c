/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_polyfn.c: the polymorphic pseudo-types of the tenant's functions — anyelement,
 * anyarray, anynonarray, anyenum, anycompatible, anycompatiblearray, anycompatiblenonarray —
 * declared by CREATE FUNCTION, resolved per call from the arguments' types as PostgreSQL's
 * check/enforce_generic_type_consistency resolve them, and the function as one call sees it:
 * an instance with the actual types, which the session compiles and runs like any other. */
#include "xlat_int.h"

#include "pgtype.h"

#include <stdlib.h>
#include <string.h>

enum {
	ANYARRAY = 2277,
	ANYELEMENT = 2283,
	ANYNONARRAY = 2776,
	ANYENUM = 3500,
	ANYCOMPATIBLE = 5077,
	ANYCOMPATIBLEARRAY = 5078,
	ANYCOMPATIBLENONARRAY = 5079,
	INT4ARRAY = 1007,
};

static const struct {
	const char *name;
	uint32_t oid;
} poly_types[] = {
	{"anyelement", ANYELEMENT},	    {"anyarray", ANYARRAY},
	{"anynonarray", ANYNONARRAY},	    {"anyenum", ANYENUM},
	{"anycompatible", ANYCOMPATIBLE}, {"anycompatiblearray", ANYCOMPATIBLEARRAY},
	{"anycompatiblenonarray", ANYCOMPATIBLENONARRAY},
};

/* The range families: their element is a range's subtype, which no call here resolves. */
static const char *const refused_types[] = {"anyrange", "anymultirange", "anycompatiblerange",
					    "anycompatiblemultirange"};

static bool elem_family(uint32_t d)
{
	return d == ANYELEMENT || d == ANYNONARRAY || d == ANYENUM || d == ANYARRAY;
}

static bool compat_family(uint32_t d)
{
	return d == ANYCOMPATIBLE || d == ANYCOMPATIBLENONARRAY || d == ANYCOMPATIBLEARRAY;
}

bool xlat_poly_oid(uint32_t oid)
{
	return elem_family(oid) || compat_family(oid);
}

uint32_t xlat_poly_variadic_elem(uint32_t oid)
{
	return oid == ANYARRAY ? ANYELEMENT : oid == ANYCOMPATIBLEARRAY ? ANYCOMPATIBLE : 0;
}

bool xlat_udf_polymorphic(const struct xlat_udf *u)
{
	for (size_t i = 0; i < u->nargs; i++)
		if (xlat_poly_oid(u->argtypes[i]))
			return true;
	for (size_t i = 0; i < u->nouts; i++)
		if (xlat_poly_oid(u->outtypes[i]))
			return true;
	return xlat_poly_oid(u->rettype);
}

int xlat_poly_type(struct xlat_ctx *c, const PgQuery__TypeName *tn, uint32_t *oid,
		   const char **decl)
{
	const char *name = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	const char *schema = tn && tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
	if (!name || tn->n_names > 2 || (schema && strcmp(schema, "pg_catalog") != 0))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(refused_types); i++)
		if (strcmp(name, refused_types[i]) == 0)
			return xlat_unsupported(c, tn->location,
						arena_printf(c->a, "the polymorphic type %s", name))
				       ? 0
				       : -1;
	for (size_t i = 0; i < ARRAY_LEN(poly_types); i++) {
		if (strcmp(name, poly_types[i].name) != 0)
			continue;
		if (tn->n_array_bounds)
			return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, tn->location,
					 "type %s[] does not exist", name)
				       ? 0
				       : -1;
		*oid = poly_types[i].oid;
		*decl = poly_types[i].name;
		return 1;
	}
	return 0;
}

/* ---- actual types ---- */

static uint32_t elem_of(struct xlat_ctx *c, uint32_t oid)
{
	if (oid == ANYARRAY || oid == ANYCOMPATIBLEARRAY) /* an aggregate's declared types */
		return xlat_poly_variadic_elem(oid);
	uint32_t e = xlat_array_elem_in(c, oid);
	return e ? e : xlat_comptype_array_elem(c, oid);
}

static uint32_t array_of(struct xlat_ctx *c, uint32_t oid)
{
	const struct xlat_typeinfo *t = xlat_type_by_oid(oid);
	if (t)
		return t->array_oid;
	bool arr = false;
	const struct xlat_enum *e = xlat_enum_by_oid(c, oid, &arr);
	if (e)
		return arr ? 0 : e->array_oid;
	return xlat_comptype_array_of(c, oid);
}

/* A type as format_type spells it, which the body's variable declarations take. */
static const char *decl_of(struct xlat_ctx *c, uint32_t oid)
{
	const struct xlat_typeinfo *t = xlat_type_by_oid(oid);
	if (t)
		return t->sql_name;
	if ((t = xlat_type_by_array_oid(oid)))
		return arena_printf(c->a, "%s[]", t->sql_name);
	bool arr = false;
	const struct xlat_enum *e = xlat_enum_by_oid(c, oid, &arr);
	if (e)
		return arena_printf(c->a, "%s%s", xlat_enum_display(c, e->name), arr ? "[]" : "");
	uint32_t elem = xlat_comptype_array_elem(c, oid);
	const char *rel = NULL;
	const struct xlat_schema *s = c->schema;
	if (s && s->rowtype_fn && s->rowtype_fn(s->arg, NULL, elem ? elem : oid, &rel) && rel)
		return arena_printf(c->a, "%s%s", xlat_enum_display(c, rel), elem ? "[]" : "");
	const struct pgtype_info *pi = pgtype_by_oid(oid);
	return pi ? pi->sql_name : NULL;
}

/* PostgreSQL's select_common_type over two known types: the same type, the later of the
 * numeric types' implicit-cast chain, text among the string types; 0 when none. */
static uint32_t common_of(uint32_t a, uint32_t b)
{
	static const uint32_t chain[] = {XLAT_OID_INT2,	   XLAT_OID_INT4,   XLAT_OID_INT8,
					 XLAT_OID_NUMERIC, XLAT_OID_FLOAT4, XLAT_OID_FLOAT8};
	static const uint32_t strings[] = {XLAT_OID_TEXT, XLAT_OID_VARCHAR, XLAT_OID_BPCHAR};
	if (a == b)
		return a;
	int ia = -1, ib = -1, sa = -1, sb = -1;
	for (int i = 0; i < (int)ARRAY_LEN(chain); i++) {
		ia = chain[i] == a ? i : ia;
		ib = chain[i] == b ? i : ib;
	}
	if (ia >= 0 && ib >= 0)
		return chain[ia > ib ? ia : ib];
	for (int i = 0; i < (int)ARRAY_LEN(strings); i++) {
		sa = strings[i] == a ? i : sa;
		sb = strings[i] == b ? i : sb;
	}
	if (sa >= 0 && sb >= 0)
		return a == XLAT_OID_TEXT || b == XLAT_OID_TEXT ? XLAT_OID_TEXT : a;
	return 0;
}

static bool same_or_set(uint32_t *slot, uint32_t t)
{
	if (*slot && *slot != t)
		return false;
	*slot = t;
	return true;
}

/* One argument of actual type a for a parameter declared d into p: false when they cannot
 * agree. */
static bool add_actual(struct xlat_ctx *c, uint32_t d, uint32_t a, struct xlat_poly *p)
{
	if (d == ANYELEMENT || d == ANYNONARRAY || d == ANYENUM)
		return same_or_set(&p->elem, a);
	if (d == ANYARRAY)
		return same_or_set(&p->array, a);
	if (d == ANYCOMPATIBLEARRAY && !(a = elem_of(c, a)))
		return false;
	p->common = p->common ? common_of(p->common, a) : a;
	return p->common != 0;
}

/* The constraints of anynonarray, anyenum and anycompatiblenonarray on what was resolved. */
static bool constraints_hold(struct xlat_ctx *c, const uint32_t *decl, size_t n,
			     const struct xlat_poly *p)
{
	for (size_t k = 0; k < n; k++) {
		bool arr = false;
		if (decl[k] == ANYNONARRAY && p->elem && elem_of(c, p->elem))
			return false;
		if (decl[k] == ANYENUM && p->elem &&
		    (!xlat_enum_by_oid(c, p->elem, &arr) || arr))
			return false;
		if (decl[k] == ANYCOMPATIBLENONARRAY && p->common && elem_of(c, p->common))
			return false;
	}
	return true;
}

bool xlat_poly_match(struct xlat_ctx *c, const uint32_t *decl, const uint32_t *actual, size_t n,
		     struct xlat_poly *p)
{
	*p = (struct xlat_poly){0};
	for (size_t k = 0; k < n; k++) {
		uint32_t d = decl[k], a = actual[k];
		p->elem_declared |= elem_family(d);
		p->compat_declared |= compat_family(d);
		if (!xlat_poly_oid(d) || a == XLAT_OID_UNKNOWN || a == XLAT_OID_UNKNOWN_COL)
			continue;
		if (!add_actual(c, d, a, p))
			return false;
	}
	if (p->array) {
		uint32_t e = elem_of(c, p->array);
		if (!e || !same_or_set(&p->elem, e))
			return false;
	}
	return constraints_hold(c, decl, n, p);
}

/* ---- the function as one call sees it ---- */

struct resolver {
	struct xlat_ctx *c;
	const struct xlat_poly *p;
	int location;
};

/* The actual type of a parameter or result declared d (d itself when not polymorphic); 0
 * with the error set when it cannot be determined. */
static uint32_t actual_of(struct resolver *r, uint32_t d)
{
	const struct xlat_poly *p = r->p;
	if (!xlat_poly_oid(d))
		return d;
	uint32_t base = elem_family(d) ? p->elem : p->common ? p->common : XLAT_OID_TEXT;
	if (elem_family(d) && !base) {
		xlat_fail(r->c, SQLSTATE_DATATYPE_MISMATCH, r->location,
			  "could not determine polymorphic type because input has type unknown");
		return 0;
	}
	if (d == ANYARRAY && p->array)
		return p->array;
	if (d != ANYARRAY && d != ANYCOMPATIBLEARRAY)
		return base;
	uint32_t arr = array_of(r->c, base);
	if (!arr)
		xlat_fail(r->c, SQLSTATE_UNDEFINED_OBJECT, r->location,
			  "could not find array type for data type %s", decl_of(r->c, base));
	return arr;
}

uint32_t xlat_poly_actual(struct xlat_ctx *c, const struct xlat_poly *p, uint32_t declared,
			  int location)
{
	struct resolver r = {c, p, location};
	return actual_of(&r, declared);
}

const char *xlat_poly_decl(struct xlat_ctx *c, uint32_t oid)
{
	const char *d = decl_of(c, oid);
	return d ? d : "unknown";
}

/* n declared types resolved into new arrays (types, decls). */
static bool resolve_list(struct resolver *r, const uint32_t *in, const char *const *in_decls,
			 size_t n, const uint32_t **types, const char *const **decls)
{
	uint32_t *t = arena_zalloc(r->c->a, (n + 1) * sizeof(*t));
	const char **d = arena_zalloc(r->c->a, (n + 1) * sizeof(*d));
	for (size_t i = 0; i < n; i++) {
		if (!(t[i] = actual_of(r, in[i])))
			return false;
		d[i] = xlat_poly_oid(in[i]) ? decl_of(r->c, t[i]) : in_decls[i];
		if (!d[i])
			return xlat_unsupported(r->c, r->location,
						"this type as a polymorphic argument");
	}
	*types = t;
	*decls = d;
	return true;
}

const struct xlat_udf *xlat_poly_instance(struct xlat_ctx *c, const struct xlat_udf *u,
					  const struct xlat_poly *p, int location)
{
	if (!xlat_udf_polymorphic(u))
		return u;
	struct resolver r = {c, p, location};
	struct xlat_udf *v = arena_alloc(c->a, sizeof(*v));
	*v = *u;
	if (!resolve_list(&r, u->argtypes, u->argdecls, u->nargs, &v->argtypes, &v->argdecls) ||
	    !resolve_list(&r, u->outtypes, u->outdecls, u->nouts, &v->outtypes, &v->outdecls) ||
	    (u->modes && !resolve_list(&r, u->alltypes, u->alldecls, u->nparams, &v->alltypes,
				       &v->alldecls)) ||
	    (xlat_poly_oid(u->rettype) && !(v->rettype = actual_of(&r, u->rettype))))
		return NULL;
	if (xlat_poly_oid(u->rettype))
		v->retdecl = decl_of(c, v->rettype);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%s|", u->sig);
	for (size_t i = 0; i < v->nargs; i++)
		strbuf_printf(&sb, "%s%u", i ? " " : "", v->argtypes[i]);
	v->sig = arena_strndup(c->a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return v;
}

const struct xlat_udf *xlat_poly_validation_instance(struct xlat_ctx *c, const struct xlat_udf *u)
{
	/* PostgreSQL's validator compiles a PL/pgSQL body with integer for each polymorphic
	 * type (plpgsql_resolve_polymorphic_argtypes) */
	struct xlat_poly p = {.elem = XLAT_OID_INT4, .array = INT4ARRAY, .common = XLAT_OID_INT4};
	return xlat_poly_instance(c, u, &p, -1);
}

const struct xlat_udf *xlat_udf_instance(const struct xlat_udf *u, const char *resolved,
					 const struct xlat_schema *schema, struct arena *a,
					 struct pgerr *err)
{
	struct xlat_ctx *c = arena_zalloc(a, sizeof(*c));
	c->a = a;
	c->err = err;
	c->schema = schema;
	uint32_t *actual = arena_zalloc(a, (u->nargs + 1) * sizeof(*actual));
	const char *s = resolved;
	for (size_t i = 0; i < u->nargs; i++) {
		char *end;
		actual[i] = (uint32_t)strtoul(s, &end, 10);
		s = *end ? end + 1 : end;
	}
	struct xlat_poly p;
	if (!xlat_poly_match(c, u->argtypes, actual, u->nargs, &p)) {
		pgerr_set(err, SQLSTATE_UNDEFINED_FUNCTION, "function %s does not exist", u->name);
		return NULL;
	}
	return xlat_poly_instance(c, u, &p, -1);
}

bool xlat_poly_result_check(struct xlat_ctx *c, const struct xlat_udf *u)
{
	bool elem_in = false, compat_in = false;
	for (size_t i = 0; i < u->nargs; i++) {
		elem_in |= elem_family(u->argtypes[i]);
		compat_in |= compat_family(u->argtypes[i]);
	}
	uint32_t bad = 0;
	for (size_t i = 0; !bad && i < u->nouts; i++)
		if ((elem_family(u->outtypes[i]) && !elem_in) ||
		    (compat_family(u->outtypes[i]) && !compat_in))
			bad = u->outtypes[i];
	if (!bad && ((elem_family(u->rettype) && !elem_in) ||
		     (compat_family(u->rettype) && !compat_in)))
		bad = u->rettype;
	if (!bad)
		return true;
	const struct pgtype_info *pi = pgtype_by_oid(bad);
	xlat_fail(c, "42P13", -1,
		  "cannot determine result data type");
	const char *name = pi ? pi->name : "anyelement";
	if (elem_family(bad))
		pgerr_detail(c->err, "A result of type %s requires at least one input of type "
				     "anyelement, anyarray, anynonarray, anyenum, anyrange, or "
				     "anymultirange.",
			     name);
	else
		pgerr_detail(c->err, "A result of type %s requires at least one input of type "
				     "anycompatible, anycompatiblearray, anycompatiblenonarray, "
				     "anycompatiblerange, or anycompatiblemultirange.",
			     name);
	return false;
}
