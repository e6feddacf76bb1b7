/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_array.c: one-dimensional arrays in PostgreSQL's text form — ARRAY[...] constructors,
 * x op ANY/ALL (array) beyond the catalog's = and <>, array || element, the array functions,
 * and aggregates with ORDER BY inside the call (array_agg, string_agg, json[b]_agg), which
 * SQLite 3.40 lacks: pgfn_ordered_agg keeps the rows and sorts them itself; the ordered-set
 * aggregates percentile_cont/percentile_disc/mode WITHIN GROUP likewise (pgfn_osagg). */
#include "xlat_int.h"

#include <string.h>

/* Array type OIDs and their element types (pg_type.dat). */
static const struct {
	uint32_t array, elem;
} arrays[] = {
	{1000, XLAT_OID_BOOL},   {1001, XLAT_OID_BYTEA},     {1003, XLAT_OID_NAME},
	{1005, XLAT_OID_INT2},   {1007, XLAT_OID_INT4},      {1016, XLAT_OID_INT8},
	{1009, XLAT_OID_TEXT},   {1015, XLAT_OID_VARCHAR},   {1014, XLAT_OID_BPCHAR},
	{1021, XLAT_OID_FLOAT4}, {1022, XLAT_OID_FLOAT8},    {1231, XLAT_OID_NUMERIC},
	{1182, XLAT_OID_DATE},   {1115, XLAT_OID_TIMESTAMP}, {1185, XLAT_OID_TIMESTAMPTZ},
	{2951, XLAT_OID_UUID},   {199, XLAT_OID_JSON},       {3807, XLAT_OID_JSONB},
	{1028, XLAT_OID_OID},    {1183, XLAT_OID_TIME},      {1187, XLAT_OID_INTERVAL},
	{1002, 18 /* "char" */},
	{1041, XLAT_OID_INET},   {651, XLAT_OID_CIDR},       {1040, XLAT_OID_MACADDR},
	{775, XLAT_OID_MACADDR8}, {3643, XLAT_OID_TSVECTOR}, {3645, XLAT_OID_TSQUERY},
	{1561, XLAT_OID_BIT},    {1563, XLAT_OID_VARBIT},    {791, XLAT_OID_MONEY},
	{3905, XLAT_OID_INT4RANGE}, {3927, XLAT_OID_INT8RANGE}, {3907, XLAT_OID_NUMRANGE},
	{3913, XLAT_OID_DATERANGE}, {3909, XLAT_OID_TSRANGE},   {3911, XLAT_OID_TSTZRANGE},
	{6150, XLAT_OID_INT4MULTIRANGE}, {6157, XLAT_OID_INT8MULTIRANGE},
	{6151, XLAT_OID_NUMMULTIRANGE}, {6155, XLAT_OID_DATEMULTIRANGE},
	{6152, XLAT_OID_TSMULTIRANGE}, {6153, XLAT_OID_TSTZMULTIRANGE},
};

enum { OID_TEXT_ARRAY = 1009 };

static uint32_t elem_of(uint32_t array);

uint32_t xlat_array_elem(uint32_t array) { return elem_of(array); }

char xlat_unnest_tag(uint32_t array)
{
	uint32_t elem = elem_of(array);
	return elem == XLAT_OID_MONEY ? 'm' : elem == XLAT_OID_BOOL ? 'b' : 0;
}

uint32_t xlat_array_elem_in(struct xlat_ctx *c, uint32_t array)
{
	bool arr = false;
	const struct xlat_enum *e = elem_of(array) ? NULL : xlat_enum_by_oid(c, array, &arr);
	return e && arr ? e->oid : elem_of(array);
}

const char *xlat_array_collation(uint32_t l, uint32_t r, const char *op)
{
	uint32_t e = elem_of(l) ? elem_of(l) : elem_of(r);
	/* equal texts are equal arrays, and a plain = keeps the column's index */
	if (!e || (op && (strcmp(op, "=") == 0 || strcmp(op, "<>") == 0)))
		return NULL;
	switch (e) {
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_NUMERIC:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
		return " COLLATE pgfn_array_num";
	case XLAT_OID_TEXT:
	case XLAT_OID_VARCHAR:
	case XLAT_OID_BPCHAR:
	case XLAT_OID_NAME:
		return " COLLATE pgfn_array_text";
	default:
		return NULL;
	}
}

static uint32_t elem_of(uint32_t array)
{
	for (size_t i = 0; i < ARRAY_LEN(arrays); i++) {
		if (arrays[i].array == array)
			return arrays[i].elem;
	}
	return 0;
}

/* The array type of elements of type t; text[] for unknown literals and for values whose type
 * is known only at run time (their text form is the same in any array). */
static uint32_t array_of(struct xlat_type t)
{
	for (size_t i = 0; i < ARRAY_LEN(arrays); i++) {
		if (arrays[i].elem == t.oid)
			return arrays[i].array;
	}
	return OID_TEXT_ARRAY;
}

/* The type of an aggregate's array of t: an enum's own array type, as PostgreSQL's
 * array_agg(anynonarray) resolves it. */
static uint32_t agg_array_of(struct xlat_ctx *c, struct xlat_type t)
{
	bool array = false;
	const struct xlat_enum *e = xlat_enum_by_oid(c, t.oid, &array);
	uint32_t rows = e ? 0 : xlat_comptype_array_of(c, t.oid); /* array_agg(p) of pt: pt[] */
	return e && !array && e->array_oid ? e->array_oid : rows ? rows : array_of(t);
}

/* The letter pgfn_array_put_value reads: b bool (t/f), f float, x bytea, m money (its cents
 * as cash_out's text), . anything else. */
static char tag_of(struct xlat_type t)
{
	return t.oid == XLAT_OID_BOOL                                 ? 'b'
	       : t.oid == XLAT_OID_FLOAT4 || t.oid == XLAT_OID_FLOAT8 ? 'f'
	       : t.oid == XLAT_OID_BYTEA                              ? 'x'
	       : t.oid == XLAT_OID_MONEY                              ? 'm'
								      : '.';
}

char xlat_array_put_tag(struct xlat_type t) { return tag_of(t); }

static bool is_array_node(const PgQuery__Node *n);
static bool unknown_literal(const PgQuery__Node *n);

static bool is_number(uint32_t oid)
{
	return oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8 ||
	       oid == XLAT_OID_FLOAT4 || oid == XLAT_OID_FLOAT8 || oid == XLAT_OID_NUMERIC ||
	       oid == XLAT_OID_UNKNOWN_COL;
}

/* ARRAY[[1, 2], [3, 4]] or ARRAY[ARRAY[...], ...]: pgfn_array_md joins the sub-arrays,
 * which must have matching dimensions (2202E otherwise, as in PostgreSQL). */
static bool array_of_arrays(struct xlat_ctx *c, const PgQuery__AArrayExpr *e, struct xlat_type *t)
{
	struct xlat_type *tv = arena_zalloc(c->a, (e->n_elements + 1) * sizeof(*tv));
	xlat_puts(c, "pgfn_array_md(");
	for (size_t i = 0; i < e->n_elements; i++) {
		if (i)
			xlat_puts(c, ", ");
		if (!xlat_expr(c, e->elements[i], &tv[i]))
			return false;
		if (!elem_of(tv[i].oid) && tv[i].oid != XLAT_OID_UNKNOWN)
			return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, e->location,
					 "ARRAY could not convert type %s to an array",
					 xlat_type_by_oid(tv[i].oid)
						 ? xlat_type_by_oid(tv[i].oid)->sql_name
						 : "unknown");
	}
	xlat_puts(c, ")");
	*t = xlat_type_common(tv, e->n_elements);
	if (!elem_of(t->oid))
		*t = (struct xlat_type){OID_TEXT_ARRAY, -1};
	return true;
}

bool xlat_array_expr(struct xlat_ctx *c, const PgQuery__AArrayExpr *e, struct xlat_type *t)
{
	if (e->n_elements && (e->elements[0]->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR ||
			      is_array_node(e->elements[0])))
		return array_of_arrays(c, e, t);
	if (!e->n_elements && e->location >= 0) /* not under a cast (xlat_array_ctor_cast) */
		return xlat_fail(c, SQLSTATE_INDETERMINATE_DATATYPE, e->location,
				 "cannot determine type of empty array");
	struct xlat_type *tv = arena_zalloc(c->a, (e->n_elements + 1) * sizeof(*tv));
	char *tags = arena_zalloc(c->a, e->n_elements + 1);
	struct xlat_type common = xlat_branches_type(c, e->elements, e->n_elements);
	xlat_puts(c, "pgfn_array(");
	for (size_t i = 0; i < e->n_elements; i++) {
		if (e->elements[i]->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR)
			return xlat_fail(c, "42601", e->location,
					 "syntax error: an array of arrays mixed with values");
		if (unknown_literal(e->elements[i]) && common.oid != XLAT_OID_UNKNOWN) {
			size_t at = c->sb->len;
			if (!xlat_branch(c, e->elements[i], common, &tv[i]))
				return false;
			if (tv[i].oid == XLAT_OID_MONEY) /* read as cents: shown as cash_out's */
				xlat_text_form(c, at, c->sb->len, tv[i], XLAT_TF_SCALE);
		} else if (!xlat_text_operand(c, e->elements[i], &tv[i], XLAT_TF_SCALE))
			return false;
		tags[i] = tag_of(tv[i]);
		xlat_puts(c, ", ");
	}
	xlat_string(c, tags);
	xlat_puts(c, ")");
	struct xlat_type el = e->n_elements ? xlat_type_common(tv, e->n_elements)
					    : (struct xlat_type){XLAT_OID_UNKNOWN, -1};
	if (elem_of(el.oid)) /* ARRAY[a, b] of array columns: their sub-arrays joined */
		return xlat_unsupported(c, e->location,
					"ARRAY[...] of array values other than the first element");
	bool arr = false; /* an enum's elements make its array type (pg_type.typarray) */
	const struct xlat_enum *en = xlat_enum_by_oid(c, el.oid, &arr);
	uint32_t rows = en ? 0 : xlat_comptype_array_of(c, el.oid); /* a row type's: pt[] */
	*t = (struct xlat_type){en && !arr ? en->array_oid : rows ? rows : array_of(el), -1};
	return true;
}

/* ARRAY[...]::type[]: PostgreSQL's parser hands the target's element type down to the
 * constructor (transformTypeCast → transformArrayExpr), so each element is cast to it and a
 * sub-array ARRAY[...] to the array type in turn; an empty ARRAY[] takes the target's type. */
bool xlat_array_ctor_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc, uint32_t to_oid,
			  struct xlat_type *t)
{
	const PgQuery__AArrayExpr *src = tc->arg->a_array_expr;
	PgQuery__TypeName *elem_tn = arena_zalloc(c->a, sizeof(*elem_tn));
	*elem_tn = *tc->type_name;
	elem_tn->n_array_bounds = 0;
	elem_tn->array_bounds = NULL;
	PgQuery__AArrayExpr *e = arena_zalloc(c->a, sizeof(*e));
	*e = *src;
	if (!src->n_elements)
		e->location = -1; /* typed by the cast, not 42P18 */
	e->elements = arena_zalloc(c->a, (src->n_elements + 1) * sizeof(*e->elements));
	for (size_t i = 0; i < src->n_elements; i++) {
		PgQuery__Node *el = src->elements[i];
		bool sub = el->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR;
		PgQuery__TypeCast *cast = arena_zalloc(c->a, sizeof(*cast));
		PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
		pg_query__type_cast__init(cast);
		pg_query__node__init(n);
		cast->arg = el;
		cast->type_name = sub ? tc->type_name : elem_tn;
		cast->location = tc->location;
		n->node_case = PG_QUERY__NODE__NODE_TYPE_CAST;
		n->type_cast = cast;
		e->elements[i] = n;
	}
	if (!xlat_array_expr(c, e, t))
		return false;
	*t = (struct xlat_type){to_oid, -1};
	return true;
}

/* The comparison pgfn_array_cmp evaluates for an operator name; NULL when it has none. */
static const char *cmp_op(const char *op)
{
	static const struct {
		const char *pg, *fn;
	} ops[] = {
		{"=", "="},          {"<>", "<>"},     {"!=", "<>"},          {"<", "<"},
		{"<=", "<="},        {">", ">"},       {">=", ">="},          {"~~", "LIKE"},
		{"!~~", "NOT LIKE"}, {"~~*", "ILIKE"}, {"!~~*", "NOT ILIKE"},
	};
	for (size_t i = 0; op && i < ARRAY_LEN(ops); i++) {
		if (strcmp(ops[i].pg, op) == 0)
			return ops[i].fn;
	}
	return NULL;
}

int xlat_array_any(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	bool all = e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL;
	const char *op = xlat_op_name(e);
	bool param = e->rexpr->node_case == PG_QUERY__NODE__NODE_PARAM_REF;
	bool ctor = e->rexpr->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR;
	struct xlat_type l, r;
	if (op && strcmp(op, all ? "<>" : "=") == 0 && !param && !ctor) {
		struct pgerr saved = *c->err; /* an interval: interval_cmp's equality, below */
		bool iv = xlat_scope_dry_expr(c, e->lexpr, &l) && l.oid == XLAT_OID_INTERVAL;
		*c->err = saved;
		if (!iv) /* the catalog's pg_array_has, which also reads int2vector/oidvector */
			return 0;
	}
	const char *fn = cmp_op(op);
	static const char *const arith[] = {"+", "-", "*", "/", "%", "^", "||"};
	const PgQuery__Node *x = e->lexpr; /* a number (a string for ||): the operator exists */
	bool num = x->node_case == PG_QUERY__NODE__NODE_A_CONST && !x->a_const->isnull &&
		   (x->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL ||
		    x->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL);
	for (size_t i = 0; !fn && op && i < ARRAY_LEN(arith); i++) {
		if (strcmp(arith[i], op) != 0 || !(i < 6 ? num : unknown_literal(x)))
			continue;
		/* parse analysis refuses these before running anything (42809) */
		bool arr = !(e->rexpr->node_case == PG_QUERY__NODE__NODE_A_CONST &&
			     !e->rexpr->a_const->isnull &&
			     e->rexpr->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL);
		xlat_fail(c, "42809", e->location,
			  arr ? "op ANY/ALL (array) requires operator to yield boolean"
			      : "op ANY/ALL (array) requires array on right side");
		return -1;
	}
	int ts = !fn && op && strcmp(op, "@@") == 0 ? xlat_ts_any(c, e, all, t) : 0;
	if (ts)
		return ts;
	if (!fn)
		return xlat_unsupported(c, e->location, "this operator with ANY/ALL") ? 1 : -1;
	xlat_puts(c, "pgfn_array_cmp(");
	if (!xlat_expr(c, e->lexpr, &l))
		return -1;
	xlat_puts(c, ", ");
	if (param &&
	    !xlat_param(c, e->rexpr->param_ref->number, array_of(l), e->rexpr->param_ref->location))
		return -1;
	if (!xlat_expr(c, e->rexpr, &r))
		return -1;
	bool icmp = l.oid == XLAT_OID_INTERVAL && !strstr(fn, "LIKE"); /* interval_cmp's */
	xlat_printf(c, ", '%s%s', %d)", icmp ? "i" : "", fn, all);
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return 1;
}

static bool is_array_type(struct xlat_type t) { return elem_of(t.oid) != 0; }

/* is_array_type, or an array of a row type of the tenant (pt[]). */
static bool is_array_c(struct xlat_ctx *c, struct xlat_type t)
{
	return is_array_type(t) || xlat_array_elem_in(c, t.oid) != 0 || /* an enum's array */
	       xlat_comptype_array_elem(c, t.oid) != 0;
}

/* Whether n is visibly an array: a constructor, a cast to an array type, an array function. */
static bool is_array_node(const PgQuery__Node *n)
{
	static const char *const fns[] = {"array_append", "array_prepend", "array_cat", "array_agg",
					  "string_to_array"};
	if (n->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR)
		return true;
	if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK) /* ARRAY(SELECT ...) */
		return n->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK;
	if (n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
		return n->type_cast->type_name->n_array_bounds > 0;
	if (n->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
		return false;
	const PgQuery__FuncCall *f = n->func_call;
	const char *name = xlat_node_str(f->funcname[f->n_funcname - 1]);
	for (size_t i = 0; name && i < ARRAY_LEN(fns); i++) {
		if (strcmp(fns[i], name) == 0)
			return true;
	}
	return false;
}

bool xlat_array_operand(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type t;
	if (is_array_node(n))
		return true;
	switch (n->node_case) {
	case PG_QUERY__NODE__NODE_COLUMN_REF:
		return is_array_c(c, xlat_scope_column_type(c, n->column_ref));
	case PG_QUERY__NODE__NODE_SUB_LINK: /* (SELECT array_col ...): its select list's type */
		return n->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK &&
		       xlat_scope_dry_expr(c, n, &t) && is_array_c(c, t);
	case PG_QUERY__NODE__NODE_TYPE_CAST: /* '{1}'::_int4, or to a domain over an array */
		return xlat_type_cast_unalias(c, n->type_cast) != n->type_cast ||
		       (n->type_cast->type_name->n_array_bounds == 0 &&
			xlat_scope_dry_expr(c, n, &t) && is_array_c(c, t));
	case PG_QUERY__NODE__NODE_FUNC_CALL: /* array_remove(...), regexp_split_to_array(...) */
		return xlat_scope_dry_expr(c, n, &t) && is_array_c(c, t);
	case PG_QUERY__NODE__NODE_A_EXPR: /* a || b || c: an array when either side of one is */
		return n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP &&
		       n->a_expr->n_name == 1 && xlat_node_str(n->a_expr->name[0]) &&
		       strcmp(xlat_node_str(n->a_expr->name[0]), "||") == 0 && n->a_expr->lexpr &&
		       (xlat_array_operand(c, n->a_expr->lexpr) ||
			xlat_array_operand(c, n->a_expr->rexpr));
	case PG_QUERY__NODE__NODE_PARAM_REF: /* $1 of a declared array type (a PL/pgSQL array
					      * variable, PREPARE q(int[])) */
		return xlat_scope_dry_expr(c, n, &t) && is_array_type(t);
	default:
		return false;
	}
}

/* An untyped string literal or NULL, which PostgreSQL reads as the array type beside it. */
static bool unknown_literal(const PgQuery__Node *n)
{
	return n->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	       (n->a_const->isnull || n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL);
}

/* Operand n of an array operator whose other operand is the array `other`: an untyped
 * literal as 'n'::type-of-other (so '{b,c}' is two elements, 'b' is 22P02) where that cast
 * reads literals, else as it is written (the array's stored text when canonical). */
static bool array_side(struct xlat_ctx *c, const PgQuery__Node *n, const PgQuery__Node *other,
		       struct xlat_type *t)
{
	struct xlat_type at;
	const struct xlat_typeinfo *ei = NULL;
	bool typed = unknown_literal(n) && !xlat_array_operand(c, n) &&
		     xlat_scope_dry_expr(c, other, &at);
	if (typed && !is_array_type(at) && xlat_array_elem_in(c, at.oid)) {
		int lit = xlat_infer_literal(c, n, at); /* an enum's array: its labels checked */
		return lit == 0 ? xlat_expr(c, n, t) : lit > 0 && (*t = at, true);
	}
	if (typed && is_array_type(at))
		ei = xlat_type_by_oid(elem_of(at.oid));
	if (!ei || !xlat_array_castable(ei->typname)) /* the literal as the array's text */
		return xlat_expr(c, n, t);
	/* n::elem[], as the parser would give it */
	PgQuery__String name = PG_QUERY__STRING__INIT;
	PgQuery__Node namen = PG_QUERY__NODE__INIT, *names[1] = {&namen};
	PgQuery__Integer dim = PG_QUERY__INTEGER__INIT;
	PgQuery__Node dimn = PG_QUERY__NODE__INIT, *dims[1] = {&dimn};
	PgQuery__TypeName tn = PG_QUERY__TYPE_NAME__INIT;
	PgQuery__TypeCast tc = PG_QUERY__TYPE_CAST__INIT;
	name.sval = (char *)ei->typname;
	namen.node_case = PG_QUERY__NODE__NODE_STRING;
	namen.string = &name;
	dim.ival = -1;
	dimn.node_case = PG_QUERY__NODE__NODE_INTEGER;
	dimn.integer = &dim;
	tn.n_names = 1;
	tn.names = names;
	tn.n_array_bounds = 1;
	tn.array_bounds = dims;
	tn.typemod = -1;
	tn.location = -1;
	tc.arg = (PgQuery__Node *)n;
	tc.type_name = &tn;
	tc.location = -1;
	return xlat_cast(c, &tc, t);
}

/* The element of array || element, element || array, array_append and array_prepend: as an
 * element of ARRAY[...] is written, a numeric with its display scale (ARRAY[1.50] || 2.0 is
 * {1.50,2.0}), since the element's text is what the array keeps. */
static bool elem_side(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	return xlat_text_operand(c, n, t, XLAT_TF_SCALE);
}

/* array || array, array || element, element || array: 1 emitted, 0 not arrays, -1 failed. An
 * untyped literal beside an array is an array, as in PostgreSQL (ARRAY['a'] || '{b,c}'). */
int xlat_array_concat(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	bool la = xlat_array_operand(c, e->lexpr), ra = xlat_array_operand(c, e->rexpr);
	if (!la && !ra)
		return 0;
	/* an untyped literal or $n beside an array is an array: anyarray || anyarray */
	la = la || unknown_literal(e->lexpr) || xlat_untyped_param(c, e->lexpr);
	ra = ra || unknown_literal(e->rexpr) || xlat_untyped_param(c, e->rexpr);
	struct xlat_type l, r;
	xlat_puts(c, la && ra ? "pgfn_array_cat("
		     : la     ? "pgfn_array_append("
			      : "pgfn_array_prepend(");
	if (!(la ? array_side(c, e->lexpr, e->rexpr, &l) : elem_side(c, e->lexpr, &l)))
		return -1;
	xlat_puts(c, ", ");
	if (!(ra ? array_side(c, e->rexpr, e->lexpr, &r) : elem_side(c, e->rexpr, &r)))
		return -1;
	if (!(la && ra))
		xlat_printf(c, ", '%c'", tag_of(la ? r : l));
	xlat_puts(c, ")");
	if (la && ra)
		xlat_infer_pair(c, e->lexpr, &l, e->rexpr, &r);
	struct xlat_type el[2] = {{elem_of(l.oid), -1}, {elem_of(r.oid), -1}};
	struct xlat_type common = xlat_type_common(el, 2);
	if (la && ra && el[0].oid && el[1].oid && !common.oid) {
		const struct xlat_typeinfo *a = xlat_type_by_oid(el[0].oid),
					   *b = xlat_type_by_oid(el[1].oid);
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, e->location,
				 "operator does not exist: %s[] || %s[]", a ? a->sql_name : "unknown",
				 b ? b->sql_name : "unknown")
			       ? 1
			       : -1;
	}
	if (!(la && ra)) { /* int[] || 2.5 is numeric[] */
		el[0] = (struct xlat_type){elem_of((la ? l : r).oid), -1};
		el[1] = (struct xlat_type){(la ? r : l).oid, -1};
		common = xlat_type_common(el, 2);
	}
	if (el[0].oid && el[1].oid && el[0].oid != el[1].oid && is_number(el[0].oid) &&
	    is_number(el[1].oid)) { /* int[] || numeric[] is numeric[] */
		*t = (struct xlat_type){array_of(common), -1};
		return 1;
	}
	*t = is_array_c(c, la ? l : r) ? (la ? l : r)
				       : (struct xlat_type){agg_array_of(c, la ? r : l), -1};
	return 1;
}

int xlat_array_sublink_typed(struct xlat_ctx *c, const PgQuery__SelectStmt *sel, const char *col,
			     struct xlat_type *t)
{
	struct xlat_shape shape = {0};
	if (!xlat_scope_dry_select(c, sel, &shape) || shape.star || shape.n != 1)
		return 0; /* the catalog's pg_array_agg, text[] */
	struct xlat_type el = shape.types[0];
	switch (el.oid) { /* their text is the element's (xlat_catalog.c's array_sublink_type) */
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_OID:
	case XLAT_OID_TEXT:
	case XLAT_OID_VARCHAR:
	case XLAT_OID_NAME:
		return 0;
	default:
		break;
	}
	if (xlat_array_elem_in(c, el.oid)) /* PostgreSQL's answer has a dimension more */
		return xlat_unsupported(c, -1, "ARRAY(subquery) of array values") ? 1 : -1;
	uint32_t arr = agg_array_of(c, el);
	if (arr == OID_TEXT_ARRAY)
		return 0; /* no array type of its own here */
	xlat_puts(c, "coalesce((SELECT pgfn_array_agg(");
	size_t mark = c->sb->len;
	xlat_ident(c, col);
	xlat_text_form(c, mark, c->sb->len, el, XLAT_TF_SCALE);
	xlat_printf(c, ", '%c') FROM (", tag_of(el));
	struct xlat_shape real = {0};
	if (!xlat_select(c, sel, &real))
		return -1;
	xlat_puts(c, ")), '{}')");
	*t = (struct xlat_type){arr, -1};
	return 1;
}

/* array @> array, array <@ array, array && array (pgloader's array[attnum::integer] <@
 * indkey::integer[], tags @> '{a}'): 1 emitted, 0 neither side an array, -1 failed. */
int xlat_array_contains(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
			struct xlat_type *t)
{
	if (!xlat_array_operand(c, e->lexpr) && !xlat_array_operand(c, e->rexpr))
		return 0;
	bool swap = strcmp(op, "<@") == 0;
	struct xlat_type l, r;
	xlat_puts(c, "pgfn_array_contains(");
	if (!array_side(c, swap ? e->rexpr : e->lexpr, swap ? e->lexpr : e->rexpr, &l))
		return -1;
	xlat_puts(c, ", ");
	if (!array_side(c, swap ? e->lexpr : e->rexpr, swap ? e->rexpr : e->lexpr, &r))
		return -1;
	xlat_printf(c, ", %d)", strcmp(op, "&&") == 0);
	/* anyarray @> anyarray: tags @> $1 makes $1 a text[] */
	xlat_infer_pair(c, swap ? e->rexpr : e->lexpr, &l, swap ? e->lexpr : e->rexpr, &r);
	*t = (struct xlat_type){XLAT_OID_BOOL, -1};
	return 1;
}

/* ---- functions ---- */

enum afn {
	A_DIM,
	A_CARD,
	A_DIMS,
	A_APPEND,
	A_PREPEND,
	A_CAT,
	A_SPLIT,
	A_AGG,
	A_REMOVE,
	A_REPLACE,
	A_POSITIONS,
	A_FILL
};

static const struct {
	const char *name;
	enum afn kind;
	int min, max;
	int what; /* A_DIM: pgfn_array_dim's selector */
} afns[] = {
	{"array_length", A_DIM, 2, 2, 0},    {"array_lower", A_DIM, 2, 2, 1},
	{"array_ndims", A_CARD, 1, 1, 4},    {"cardinality", A_CARD, 1, 1, 3},
	{"array_dims", A_DIMS, 1, 1, 0},     {"array_upper", A_DIM, 2, 2, 2},
	{"array_append", A_APPEND, 2, 2, 0}, {"array_prepend", A_PREPEND, 2, 2, 0},
	{"array_cat", A_CAT, 2, 2, 0},       {"string_to_array", A_SPLIT, 2, 3, 0},
	{"array_agg", A_AGG, 1, 1, 0},       {"array_remove", A_REMOVE, 2, 2, 0},
	{"array_replace", A_REPLACE, 3, 3, 0}, {"array_positions", A_POSITIONS, 2, 2, 0},
	{"array_fill", A_FILL, 2, 3, 0},
};

static bool emit_args(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv)
{
	for (size_t i = 0; i < f->n_args; i++) {
		if (i)
			xlat_puts(c, ", ");
		if (!xlat_expr(c, f->args[i], &tv[i]))
			return false;
	}
	return true;
}

/* The type of array arr with element e added: anycompatiblearray's, the common type when both
 * are numbers (array_append(ARRAY[1], 2.5) is numeric[]), else arr's. */
static struct xlat_type number_common(struct xlat_type arr, struct xlat_type e)
{
	struct xlat_type el[2] = {{elem_of(arr.oid), -1}, {e.oid, -1}};
	if (!el[0].oid || !el[1].oid || el[0].oid == el[1].oid || !is_number(el[0].oid) ||
	    !is_number(el[1].oid))
		return arr;
	struct xlat_type common = xlat_type_common(el, 2);
	return common.oid ? (struct xlat_type){array_of(common), -1} : arr;
}

/* array_append(a, e), array_prepend(e, a): the element (argument elem) as elem_side writes it. */
static bool append_args(struct xlat_ctx *c, const PgQuery__FuncCall *f, size_t elem,
			struct xlat_type *tv)
{
	for (size_t i = 0; i < 2; i++) {
		if (i)
			xlat_puts(c, ", ");
		bool ok = i == elem ? elem_side(c, f->args[i], &tv[i])
				    : xlat_expr(c, f->args[i], &tv[i]);
		if (!ok)
			return false;
	}
	return true;
}

static bool array_agg(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *tv,
		      struct xlat_type *t)
{
	if (f->over)
		return xlat_unsupported(c, f->location, "array_agg as a window function");
	if (f->agg_distinct)
		return xlat_unsupported(c, f->location, "array_agg(DISTINCT ...)");
	xlat_puts(c, "pgfn_array_agg(");
	if (!xlat_text_operand(c, f->args[0], &tv[0], XLAT_TF_SCALE))
		return false;
	if (tv[0].oid == XLAT_OID_UNKNOWN) /* array_agg(anynonarray) and array_agg(anyarray) */
		return xlat_func_not_unique(c, "array_agg", tv, 1, f->location);
	if (is_array_type(tv[0]) || is_array_node(f->args[0]))
		return xlat_unsupported(c, f->location, "array_agg of arrays");
	xlat_printf(c, ", '%c')", tag_of(tv[0]));
	*t = (struct xlat_type){agg_array_of(c, tv[0]), -1};
	return xlat_agg_filter(c, f);
}

bool xlat_array_untyped(struct xlat_ctx *c, struct xlat_type t, int location)
{
	return t.oid != XLAT_OID_UNKNOWN ||
	       xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, location,
			 "could not determine polymorphic type because input has type unknown");
}

/* array_replace(a, from, to), array_positions(a, v), array_fill(v, dims[, lbs]): pgfn's
 * with the element values' tag letter last. */
static bool search_fn(struct xlat_ctx *c, const PgQuery__FuncCall *f, enum afn kind,
		      struct xlat_type *tv, struct xlat_type *t)
{
	xlat_puts(c, kind == A_REPLACE	   ? "pgfn_array_replace("
		     : kind == A_POSITIONS ? "pgfn_array_positions("
					   : "pgfn_array_fill(");
	if (!emit_args(c, f, tv))
		return false;
	struct xlat_type elem = kind == A_FILL ? tv[0] : tv[f->n_args - 1];
	xlat_printf(c, ", '%c')", tag_of(elem));
	if (kind == A_POSITIONS)
		*t = (struct xlat_type){1007 /* int4[] */, -1};
	else if (kind == A_REPLACE && is_array_type(tv[0]))
		*t = tv[0];
	else
		*t = (struct xlat_type){array_of(elem), -1};
	return true;
}

int xlat_array_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    struct xlat_type *t)
{
	size_t k = 0;
	while (k < ARRAY_LEN(afns) && strcmp(afns[k].name, name) != 0)
		k++;
	if (k == ARRAY_LEN(afns) || (int)f->n_args < afns[k].min || (int)f->n_args > afns[k].max)
		return 0;
	if (afns[k].kind != A_AGG && (f->agg_star || f->agg_distinct || f->agg_filter || f->over))
		return xlat_fail(c, "42809", f->location, "%s is not an aggregate function", name)
			       ? 1
			       : -1;
	struct xlat_type *tv = arena_zalloc(c->a, (f->n_args + 1) * sizeof(*tv));
	bool ok;
	switch (afns[k].kind) {
	case A_AGG:
		return array_agg(c, f, tv, t) ? 1 : -1;
	case A_DIM:
	case A_CARD:
		xlat_puts(c, "pgfn_array_dim(");
		ok = emit_args(c, f, tv) && xlat_array_untyped(c, tv[0], f->location);
		xlat_printf(c, "%s, %d)", afns[k].kind == A_CARD ? ", 1" : "", afns[k].what);
		*t = (struct xlat_type){XLAT_OID_INT4, -1};
		return ok ? 1 : -1;
	case A_DIMS:
		xlat_puts(c, "pgfn_array_dims(");
		ok = emit_args(c, f, tv) && xlat_array_untyped(c, tv[0], f->location);
		xlat_puts(c, ")");
		*t = (struct xlat_type){XLAT_OID_TEXT, -1};
		return ok ? 1 : -1;
	case A_APPEND:
	case A_PREPEND:
		xlat_puts(c,
			  afns[k].kind == A_APPEND ? "pgfn_array_append(" : "pgfn_array_prepend(");
		ok = append_args(c, f, afns[k].kind == A_APPEND ? 1 : 0, tv);
		xlat_printf(c, ", '%c')", tag_of(tv[afns[k].kind == A_APPEND ? 1 : 0]));
		*t = tv[afns[k].kind == A_APPEND ? 0 : 1];
		if (!is_array_c(c, *t))
			*t = (struct xlat_type){agg_array_of(c, tv[afns[k].kind == A_APPEND ? 1 : 0]),
						-1};
		else
			*t = number_common(*t, tv[afns[k].kind == A_APPEND ? 1 : 0]);
		return ok ? 1 : -1;
	case A_CAT:
		xlat_puts(c, "pgfn_array_cat(");
		ok = emit_args(c, f, tv);
		xlat_puts(c, ")");
		*t = is_array_c(c, tv[0]) ? tv[0] : tv[1];
		if (t->oid == XLAT_OID_UNKNOWN) /* array_cat(NULL, NULL): text[] */
			*t = (struct xlat_type){OID_TEXT_ARRAY, -1};
		return ok ? 1 : -1;
	case A_REMOVE:
		xlat_puts(c, "pgfn_array_remove(");
		ok = emit_args(c, f, tv);
		xlat_puts(c, ")");
		*t = is_array_c(c, tv[0]) ? tv[0] : (struct xlat_type){agg_array_of(c, tv[1]), -1};
		return ok ? 1 : -1;
	case A_REPLACE:
	case A_POSITIONS:
	case A_FILL:
		return search_fn(c, f, afns[k].kind, tv, t) ? 1 : -1;
	case A_SPLIT:
	default:
		xlat_puts(c, "pgfn_string_to_array(");
		ok = emit_args(c, f, tv);
		xlat_puts(c, ")");
		*t = (struct xlat_type){OID_TEXT_ARRAY, -1};
		return ok ? 1 : -1;
	}
}

/* ---- aggregates with ORDER BY inside the call ----
 * pgfn_ordered_agg(values..., sort keys..., kind, flags): see pgfn_arrayop.c. */

/* The sort flags of pgfn_ordered_agg: a/d (j/J for a jsonb key), then f/l (PostgreSQL: NULLS
 * LAST ascending). */
bool xlat_agg_sort_keys(struct xlat_ctx *c, const PgQuery__FuncCall *f, char *flags)
{
	for (size_t i = 0; i < f->n_agg_order; i++) {
		const PgQuery__SortBy *sb = f->agg_order[i]->sort_by;
		if (f->agg_order[i]->node_case != PG_QUERY__NODE__NODE_SORT_BY ||
		    sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING)
			return xlat_unsupported(c, f->location,
						"ORDER BY ... USING in an aggregate");
		bool desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
		bool first =
			sb->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST ||
			(desc && sb->sortby_nulls != PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST);
		flags[2 * i] = desc ? 'd' : 'a';
		flags[2 * i + 1] = first ? 'f' : 'l';
		xlat_puts(c, ", ");
		size_t mark = c->sb->len;
		struct xlat_type kt;
		if (!xlat_expr(c, sb->node, &kt))
			return false;
		xlat_enum_sort_key(c, mark, kt.oid); /* labels in the enum's order, not by text */
		if (kt.oid == XLAT_OID_JSONB) /* in jsonb's btree order (j/J) */
			flags[2 * i] = desc ? 'J' : 'j';
	}
	return true;
}

/* An aggregate with DISTINCT sorted by its arguments, as PostgreSQL drops the duplicates:
 * array_agg(DISTINCT x) comes out ordered by x. With ORDER BY, each key must be one of the
 * arguments (42P10); without, the first argument is the key. *g is f with those keys. */
bool xlat_agg_distinct_order_ok(struct xlat_ctx *c, const PgQuery__FuncCall *f)
{
	for (size_t i = 0; i < f->n_agg_order; i++) {
		const PgQuery__SortBy *sb = f->agg_order[i]->node_case == PG_QUERY__NODE__NODE_SORT_BY
						    ? f->agg_order[i]->sort_by
						    : NULL;
		bool found = false;
		for (size_t j = 0; sb && j < f->n_args && !found; j++)
			found = xlat_tree_equal(&sb->node->base, &f->args[j]->base, NULL, NULL);
		if (!found)
			return xlat_fail(c, "42P10",
					 sb && sb->node ? xlat_tree_location(&sb->node->base)
							: f->location,
					 "in an aggregate with DISTINCT, ORDER BY expressions must "
					 "appear in argument list");
	}
	return true;
}

static bool distinct_keys(struct xlat_ctx *c, const PgQuery__FuncCall *f,
			  const PgQuery__FuncCall **g)
{
	if (!xlat_agg_distinct_order_ok(c, f))
		return false;
	if (f->n_agg_order)
		return true;
	PgQuery__SortBy *sb = arena_zalloc(c->a, sizeof(*sb));
	pg_query__sort_by__init(sb);
	sb->node = f->args[0];
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	pg_query__node__init(n);
	n->node_case = PG_QUERY__NODE__NODE_SORT_BY;
	n->sort_by = sb;
	PgQuery__Node **order = arena_zalloc(c->a, sizeof(*order));
	order[0] = n;
	PgQuery__FuncCall *copy = arena_zalloc(c->a, sizeof(*copy));
	*copy = *f;
	copy->n_agg_order = 1;
	copy->agg_order = order;
	*g = copy;
	return true;
}

int xlat_ordered_agg(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		     struct xlat_type *t)
{
	static const char *const names[] = {"array_agg", "string_agg", "json_agg", "jsonb_agg"};
	size_t k = 0;
	while (k < ARRAY_LEN(names) && strcmp(names[k], name) != 0)
		k++;
	if (k == ARRAY_LEN(names) || (!f->n_agg_order && !f->agg_distinct) ||
	    f->agg_within_group || f->n_args != (k == 1 ? 2u : 1u))
		return 0;
	if (f->over || f->n_agg_order > 16)
		return xlat_unsupported(c, f->location,
					f->over ? "an ordered aggregate as a window function"
						: "more than 16 ORDER BY keys in an aggregate")
			       ? 1
			       : -1;
	if (f->agg_distinct && !distinct_keys(c, f, &f))
		return -1;
	char flags[40] = "";
	struct xlat_type tv[2];
	xlat_puts(c, "pgfn_ordered_agg(");
	bool ok = k == 1 ? emit_args(c, f, tv) /* string_agg's are text */
			 : xlat_text_operand(c, f->args[0], &tv[0],
					     k == 0 ? XLAT_TF_SCALE : XLAT_TF_JSON);
	if (!ok || !xlat_agg_sort_keys(c, f, flags))
		return -1;
	if (k == 0 && (is_array_type(tv[0]) || is_array_node(f->args[0]))) /* as array_agg() */
		return xlat_unsupported(c, f->location, "array_agg of arrays") ? 1 : -1;
	static const char *const kinds[] = {"array", "string", "json", "jsonb"};
	if (f->agg_distinct)
		strcat(flags, "D");
	if (k == 1)
		xlat_printf(c, ", 'string', '%s')", flags);
	else
		xlat_printf(c, ", '%s:%c', '%s')", kinds[k],
			    k == 0 ? tag_of(tv[0]) : xlat_json_tag(c, tv[0]), flags);
	*t = k == 0   ? (struct xlat_type){agg_array_of(c, tv[0]), -1}
	     : k == 1 ? (struct xlat_type){XLAT_OID_TEXT, -1}
	     : k == 2 ? (struct xlat_type){XLAT_OID_JSON, -1}
		      : (struct xlat_type){XLAT_OID_JSONB, -1};
	return xlat_agg_filter(c, f) ? 1 : -1;
}

/* ---- ordered-set aggregates: pgfn_osagg(fn, fraction, x, order, tag) (pgfn_osagg.c) ---- */

static const char *type_name(struct xlat_ctx *c, uint32_t oid)
{
	const struct xlat_typeinfo *ti = xlat_type_by_oid(elem_of(oid) ? elem_of(oid) : oid);
	const char *name = ti ? ti->sql_name : "unknown";
	return elem_of(oid) ? arena_printf(c->a, "%s[]", name) : name;
}

/* The result type of fn ('c', 'd', 'm'; upper case over an array of fractions) on x of type
 * xt, and the tag pgfn_osagg reads; false when PostgreSQL has no such function. */
static bool os_result(char fn, struct xlat_type xt, uint32_t *oid, char *tag)
{
	bool array = fn == 'C' || fn == 'D';
	*tag = xt.oid == XLAT_OID_INTERVAL ? 'i' : tag_of(xt);
	if ((fn | 0x20) == 'c' && xt.oid != XLAT_OID_INTERVAL) {
		*tag = 'f';
		*oid = array ? 1022 : XLAT_OID_FLOAT8;
		return is_number(xt.oid);
	}
	*oid = array ? array_of(xt) : xt.oid;
	return true;
}

int xlat_osagg(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
	       struct xlat_type *t)
{
	char fn = strcmp(name, "percentile_cont") == 0	 ? 'c'
		  : strcmp(name, "percentile_disc") == 0 ? 'd'
		  : strcmp(name, "mode") == 0		 ? 'm'
							 : 0;
	if (!fn || !f->agg_within_group)
		return 0;
	if (f->over) {
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, f->location,
			  "OVER is not supported for ordered-set aggregate %s", name);
		return -1;
	}
	const PgQuery__SortBy *sb = f->n_agg_order == 1 ? f->agg_order[0]->sort_by : NULL;
	struct xlat_type ft = {XLAT_OID_NUMERIC, -1}, xt;
	char tag;
	if (!sb || f->n_args != (fn == 'm' ? 0u : 1u)) {
		xlat_fail(c, "42883", f->location, "function %s with these arguments does not exist",
			  name);
		return -1;
	}
	if (sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_USING) {
		xlat_unsupported(c, sb->location, "ORDER BY ... USING in an aggregate");
		return -1;
	}
	if ((f->n_args && !xlat_scope_dry_expr(c, f->args[0], &ft)) ||
	    !xlat_scope_dry_expr(c, sb->node, &xt))
		return -1;
	if (f->n_args && elem_of(ft.oid))
		fn = (char)(fn - 0x20); /* percentile_cont(ARRAY[0.25, 0.5]) */
	/* disc and mode give one of the values: a numeric keeps its column's scale */
	*t = (struct xlat_type){0, fn == 'd' || fn == 'm' ? xt.typmod : -1};
	if (!os_result(fn, xt, &t->oid, &tag)) {
		xlat_fail(c, "42883", f->location, "function %s(%s, %s) does not exist", name,
			  type_name(c, ft.oid), type_name(c, xt.oid));
		return -1;
	}
	const PgQuery__Node *frac = f->n_args ? f->args[0] : NULL;
	if (frac && frac->node_case == PG_QUERY__NODE__NODE_PARAM_REF &&
	    !xlat_param(c, frac->param_ref->number, XLAT_OID_FLOAT8, frac->param_ref->location))
		return -1;
	xlat_printf(c, "pgfn_osagg('%c', ", fn);
	if (!frac)
		xlat_puts(c, "NULL");
	else if (!xlat_expr(c, frac, &ft))
		return -1;
	xlat_puts(c, ", ");
	if (!xlat_expr(c, sb->node, &xt))
		return -1;
	bool desc = sb->sortby_dir == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
	int scale = xt.oid == XLAT_OID_NUMERIC ? xlat_numeric_scale_of(xt) : -1;
	if (fn == 'D' && scale >= 0) /* the elements show the numeric's scale */
		xlat_printf(c, ", '%c', 'n%d')", desc ? 'd' : 'a', scale);
	else
		xlat_printf(c, ", '%c', '%c')", desc ? 'd' : 'a', tag);
	return xlat_agg_filter(c, f) ? 1 : -1;
}

bool xlat_array_slice_args(struct xlat_ctx *c, PgQuery__Node *const *ind, size_t n)
{
	struct xlat_type ignored;
	char spec[2 * 6 + 1];
	for (size_t i = 0; i < n && i < 6; i++) {
		const PgQuery__AIndices *k = ind[i]->a_indices;
		spec[2 * i] = !k->is_slice || k->lidx ? 'v' : '-';
		spec[2 * i + 1] = k->uidx ? 'v' : '-';
	}
	spec[2 * (n < 6 ? n : 6)] = '\0';
	xlat_printf(c, ", '%s'", spec);
	for (size_t i = 0; i < n; i++) {
		const PgQuery__AIndices *k = ind[i]->a_indices;
		const PgQuery__Node *b[2] = {k->is_slice ? k->lidx : NULL, k->uidx};
		xlat_puts(c, k->is_slice ? "" : ", 1");
		for (int j = 0; j < 2; j++) {
			xlat_puts(c, b[j] ? ", " : "");
			if (b[j] && !xlat_expr(c, b[j], &ignored))
				return false;
		}
	}
	return true;
}
