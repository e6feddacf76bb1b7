/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_range.c: the built-in range types in expressions — literals and casts (range_in),
 * the constructors int4range(...) ... tstzrange(...), lower/upper and the bound tests,
 * range_merge, the operators @> <@ && << >> &< &> -|- + * -, and the collations
 * (pgfn_int4range, ...) that make comparisons and ORDER BY follow range_cmp rather than the
 * order of the stored text. All run as pgfn functions (pgfn_range.c). The multiranges
 * (int4multirange ...) likewise: literals and casts, their constructors and multirange(r),
 * range_agg and range_intersect_agg, lower/upper and the bound tests, @> <@ && + * - with
 * ranges and elements, and their collations (pgfn_multirange.c). The functions behind the
 * operators (range_contains, multirange_overlaps_range, ...) are the operators. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* The one table of range types: name (also the constructor's), OID, collation. */
static const struct range_type {
	const char *name;
	uint32_t oid;
	const char *collation;
} range_types[] = {
	{"int4range", PGTYPE_INT4RANGE, " COLLATE pgfn_int4range"},
	{"int8range", PGTYPE_INT8RANGE, " COLLATE pgfn_int8range"},
	{"numrange", PGTYPE_NUMRANGE, " COLLATE pgfn_numrange"},
	{"daterange", PGTYPE_DATERANGE, " COLLATE pgfn_daterange"},
	{"tsrange", PGTYPE_TSRANGE, " COLLATE pgfn_tsrange"},
	{"tstzrange", PGTYPE_TSTZRANGE, " COLLATE pgfn_tstzrange"},
};

/* The one table of multirange types: name (also the constructor's), OID, range type,
 * collation. */
static const struct mr_type {
	const char *name;
	uint32_t oid, range;
	const char *collation;
} mr_types[] = {
	{"int4multirange", PGTYPE_INT4MULTIRANGE, PGTYPE_INT4RANGE, " COLLATE pgfn_int4multirange"},
	{"int8multirange", PGTYPE_INT8MULTIRANGE, PGTYPE_INT8RANGE, " COLLATE pgfn_int8multirange"},
	{"nummultirange", PGTYPE_NUMMULTIRANGE, PGTYPE_NUMRANGE, " COLLATE pgfn_nummultirange"},
	{"datemultirange", PGTYPE_DATEMULTIRANGE, PGTYPE_DATERANGE, " COLLATE pgfn_datemultirange"},
	{"tsmultirange", PGTYPE_TSMULTIRANGE, PGTYPE_TSRANGE, " COLLATE pgfn_tsmultirange"},
	{"tstzmultirange", PGTYPE_TSTZMULTIRANGE, PGTYPE_TSTZRANGE, " COLLATE pgfn_tstzmultirange"},
};

static const struct mr_type *mr_by_oid(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(mr_types); i++)
		if (mr_types[i].oid == oid)
			return &mr_types[i];
	return NULL;
}

static const struct mr_type *mr_of_range(uint32_t range)
{
	for (size_t i = 0; i < ARRAY_LEN(mr_types); i++)
		if (mr_types[i].range == range)
			return &mr_types[i];
	return NULL;
}

bool xlat_multirange_type(uint32_t oid) { return mr_by_oid(oid) != NULL; }

uint32_t xlat_multirange_unnest(struct xlat_ctx *c, size_t from, uint32_t oid)
{
	const struct mr_type *mt = mr_by_oid(oid);
	if (!mt)
		return oid;
	xlat_insert_at(c, from, "pgfn_multirange_array(");
	xlat_printf(c, ", %u)", oid);
	const struct xlat_typeinfo *ti = xlat_type_by_oid(mt->range);
	return ti ? ti->array_oid : oid;
}

static const struct range_type *by_oid(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(range_types); i++)
		if (range_types[i].oid == oid)
			return &range_types[i];
	return NULL;
}

bool xlat_range_type(uint32_t oid) { return by_oid(oid) != NULL; }

bool xlat_range_dt(uint32_t oid)
{
	return oid == XLAT_OID_DATERANGE || oid == XLAT_OID_TSRANGE || oid == XLAT_OID_TSTZRANGE;
}

const char *xlat_range_collation(uint32_t l, uint32_t r)
{
	const struct range_type *rt = by_oid(l);
	if (rt || by_oid(r))
		return rt ? rt->collation : by_oid(r)->collation;
	const struct mr_type *mt = mr_by_oid(l) ? mr_by_oid(l) : mr_by_oid(r);
	return mt ? mt->collation : NULL;
}

/* Takes back what was emitted from mark on, and the constants' slots recorded with it, so
 * that a reader that turned out not to be ours leaves the translation as it found it. */
static void take_back(struct xlat_ctx *c, size_t mark, int nslots)
{
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	c->nslots = nslots;
}

/* Ranges of integers and numbers read the same in every session: checked and made canonical
 * now (with the literal's position), as a DDL expression must be (a tenant's schema names no
 * pgfn function). Date/time bounds depend on the session's TimeZone and DateStyle: read when
 * the statement runs. */
bool xlat_range_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location)
{
	uint32_t st = pgtype_range_subtype(oid);
	bool now = st == PGTYPE_INT4 || st == PGTYPE_INT8 || st == PGTYPE_NUMERIC ||
		   (c->flags & XLAT_X_NOSUBQUERY);
	if (!now) {
		xlat_puts(c, "shardlite_range(");
		xlat_string(c, s);
		xlat_printf(c, ", %u)", oid);
		return true;
	}
	return xlat_net_literal(c, oid, s, location); /* read by pgtype's input function */
}

static bool texty(uint32_t oid)
{
	return oid == XLAT_OID_UNKNOWN_COL || oid == XLAT_OID_UNKNOWN || oid == XLAT_OID_TEXT ||
	       oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR;
}

/* As xlat_range_literal: multiranges of numbers are read now, date/time ones when the
 * statement runs. */
bool xlat_multirange_literal(struct xlat_ctx *c, uint32_t oid, const char *s, int location)
{
	uint32_t st = pgtype_range_subtype(mr_by_oid(oid)->range);
	bool now = st == PGTYPE_INT4 || st == PGTYPE_INT8 || st == PGTYPE_NUMERIC ||
		   (c->flags & XLAT_X_NOSUBQUERY);
	if (!now) {
		xlat_puts(c, "shardlite_multirange(");
		xlat_string(c, s);
		xlat_printf(c, ", %u)", oid);
		return true;
	}
	return xlat_net_literal(c, oid, s, location); /* read by pgtype's input function */
}

bool xlat_multirange_cast(struct xlat_ctx *c, uint32_t to, const char *x, uint32_t from,
			  int location)
{
	if (from == to) {
		xlat_puts(c, x);
		return true;
	}
	if (from == mr_by_oid(to)->range) { /* the range's cast: a multirange of it */
		xlat_printf(c, "pgfn_multirange_make(%u, %s)", to, x);
		return true;
	}
	if (!texty(from))
		return xlat_fail(c, "42846", location, "cannot cast type %s to %s", xlat_type_name(from),
				 xlat_type_name(to));
	xlat_printf(c, "shardlite_multirange(%s, %u)", x, to);
	return true;
}

bool xlat_range_cast(struct xlat_ctx *c, uint32_t to, const char *x, uint32_t from, int location)
{
	if (from == to) {
		xlat_puts(c, x);
		return true;
	}
	if (!texty(from))
		return xlat_fail(c, "42846", location, "cannot cast type %s to %s", xlat_type_name(from),
				 xlat_type_name(to));
	xlat_printf(c, "shardlite_range(%s, %u)", x, to);
	return true;
}

uint32_t xlat_range_node_type(const PgQuery__Node *n)
{
	const char *name = NULL;
	if (n->node_case == NODE(FUNC_CALL) && n->func_call->n_funcname <= 2)
		name = xlat_node_str(n->func_call->funcname[n->func_call->n_funcname - 1]);
	else if (n->node_case == NODE(TYPE_CAST) && !n->type_cast->type_name->n_array_bounds)
		name = xlat_node_str(
			n->type_cast->type_name->names[n->type_cast->type_name->n_names - 1]);
	for (size_t i = 0; name && i < ARRAY_LEN(range_types); i++)
		if (strcmp(range_types[i].name, name) == 0)
			return range_types[i].oid;
	return 0;
}

/* ---- functions ---- */

static const struct range_fn {
	const char *name;
	const char *pgfn;
	int nargs;
	uint32_t result; /* 0: the subtype; 1: the range type */
} range_fns[] = {
	{"lower", "pgfn_range_lower", 1, 0},
	{"upper", "pgfn_range_upper", 1, 0},
	{"isempty", "pgfn_range_isempty", 1, XLAT_OID_BOOL},
	{"lower_inc", "pgfn_range_lower_inc", 1, XLAT_OID_BOOL},
	{"upper_inc", "pgfn_range_upper_inc", 1, XLAT_OID_BOOL},
	{"lower_inf", "pgfn_range_lower_inf", 1, XLAT_OID_BOOL},
	{"upper_inf", "pgfn_range_upper_inf", 1, XLAT_OID_BOOL},
	{"range_merge", "pgfn_range_merge", 2, 1},
};

static int no_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       const struct xlat_type *at)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < f->n_args && i < 3; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", xlat_type_name(at[i].oid));
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location, "function %s(%s) does not exist",
		  name, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	pgerr_hint(c->err, "No function matches the given name and argument types. You might "
			   "need to add explicit type casts.");
	return -1;
}

/* Whether a value of type a converts implicitly to subtype st (a literal always does). */
static bool to_subtype(uint32_t a, uint32_t st)
{
	if (a == st || a == XLAT_OID_UNKNOWN || a == XLAT_OID_UNKNOWN_COL)
		return true;
	switch (st) {
	case PGTYPE_INT4:
		return a == XLAT_OID_INT2;
	case PGTYPE_INT8:
		return a == XLAT_OID_INT2 || a == XLAT_OID_INT4;
	case PGTYPE_NUMERIC:
		return a == XLAT_OID_INT2 || a == XLAT_OID_INT4 || a == XLAT_OID_INT8;
	case PGTYPE_TIMESTAMP:
		return a == XLAT_OID_DATE;
	case PGTYPE_TIMESTAMPTZ:
		return a == XLAT_OID_DATE || a == XLAT_OID_TIMESTAMP;
	default:
		return false;
	}
}

/* int4range(lower, upper[, flags]) and its siblings: pgfn_range_make(oid, lower, upper...). */
static int constructor(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct range_type *rt,
		       struct xlat_type *t)
{
	if (f->n_args < 2 || f->n_args > 3)
		return 0;
	const PgQuery__AConst *k = f->n_args == 3 ? xlat_const_value(c, f->args[2]) : NULL;
	const char *flags = k && k->val_case == PG_QUERY__A__CONST__VAL_SVAL ? k->sval->sval : NULL;
	if (flags && !(strlen(flags) == 2 && strchr("[(", flags[0]) && strchr("])", flags[1]))) {
		xlat_fail(c, SQLSTATE_SYNTAX_ERROR, -1,
			  "invalid range bound flags"); /* raised by the call: no position */
		pgerr_hint(c->err, "Valid values are \"[]\", \"[)\", \"(]\", and \"()\".");
		return -1;
	}
	struct xlat_type at[3];
	xlat_printf(c, "pgfn_range_make(%u", rt->oid);
	uint32_t st = pgtype_range_subtype(rt->oid);
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, ", ");
		/* numeric bounds keep their digits and scale (xlat_textout.c) */
		if (!(st == PGTYPE_NUMERIC ? xlat_text_operand(c, f->args[i], &at[i], XLAT_TF_SCALE)
					   : xlat_expr(c, f->args[i], &at[i])))
			return -1;
	}
	xlat_puts(c, ")");
	bool ok = to_subtype(at[0].oid, st) && to_subtype(at[1].oid, st) &&
		  (f->n_args < 3 || texty(at[2].oid));
	if (!ok)
		return no_function(c, f, rt->name, at);
	*t = (struct xlat_type){rt->oid, -1};
	return 1;
}

/* A range argument of a multirange function: a literal is read as range type rt. */
static bool range_arg(struct xlat_ctx *c, const PgQuery__Node *n, uint32_t rt, struct xlat_type *at)
{
	size_t mark = c->sb->len;
	if (!xlat_expr(c, n, at))
		return false;
	if (texty(at->oid)) {
		xlat_insert_at(c, mark, "shardlite_range(");
		xlat_printf(c, ", %u)", rt);
		at->oid = rt;
	}
	return true;
}

/* int4multirange([range, ...]) and its siblings: pgfn_multirange_make(oid, ranges...). */
static int mr_constructor(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
			  const struct mr_type *mt, struct xlat_type *t)
{
	struct xlat_type at[3] = {{0, -1}, {0, -1}, {0, -1}};
	if (f->func_variadic && f->n_args == 1) { /* VARIADIC array of ranges */
		const struct xlat_typeinfo *ti = xlat_type_by_oid(mt->range);
		xlat_printf(c, "pgfn_multirange_variadic(%u, ", mt->oid);
		if (!xlat_expr(c, f->args[0], &at[0]))
			return -1;
		xlat_puts(c, ")");
		if (ti && at[0].oid != ti->array_oid && at[0].oid != XLAT_OID_UNKNOWN_COL)
			return no_function(c, f, name, at);
		*t = (struct xlat_type){mt->oid, -1};
		return 1;
	}
	const PgQuery__AConst *k = f->n_args == 1 ? xlat_const_value(c, f->args[0]) : NULL;
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
		/* int4multirange('{...}') is a cast of the literal (the one-range constructor
		 * takes no unknown) */
		if (!xlat_multirange_literal(c, mt->oid, k->sval->sval, k->location))
			return -1;
		*t = (struct xlat_type){mt->oid, -1};
		return 1;
	}
	xlat_printf(c, "pgfn_multirange_make(%u", mt->oid);
	for (size_t i = 0; i < f->n_args; i++) {
		struct xlat_type one;
		xlat_puts(c, ", ");
		if (!range_arg(c, f->args[i], mt->range, &one))
			return -1;
		if (i < 3)
			at[i] = one;
		if (one.oid != mt->range && one.oid != XLAT_OID_UNKNOWN_COL)
			return no_function(c, f, name, at);
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){mt->oid, -1};
	return 1;
}

/* multirange(range): of the range's own multirange type (0: not a range, not ours). */
static int mr_of(struct xlat_ctx *c, const PgQuery__FuncCall *f, struct xlat_type *t)
{
	size_t mark = c->sb->len;
	int nslots = c->nslots;
	xlat_puts(c, "pgfn_multirange_make(");
	size_t at = c->sb->len;
	struct xlat_type a;
	if (!xlat_expr(c, f->args[0], &a))
		return -1;
	const struct mr_type *mt = mr_of_range(a.oid);
	if (!mt) {
		take_back(c, mark, nslots);
		return 0;
	}
	xlat_insert_at(c, at, arena_printf(c->a, "%u, ", mt->oid));
	xlat_puts(c, ")");
	*t = (struct xlat_type){mt->oid, -1};
	return 1;
}

/* range_agg(range or multirange) and range_intersect_agg: pgfn_range_agg(x, oid) [FILTER].
 * Union and intersection take each value once in any order: DISTINCT and ORDER BY change
 * nothing and are dropped. */
static int mr_aggregate(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
			struct xlat_type *t)
{
	if (f->agg_star || f->over || f->agg_within_group)
		return xlat_unsupported(c, f->location,
					arena_printf(c->a, "%s as a window function", name))
			       ? 1
			       : -1;
	if (f->n_args != 1)
		return 0;
	struct xlat_type at;
	xlat_printf(c, "pgfn_%s(", name);
	if (!xlat_expr(c, f->args[0], &at))
		return -1;
	bool mr = xlat_multirange_type(at.oid);
	if (!mr && !xlat_range_type(at.oid))
		return no_function(c, f, name, &at);
	xlat_printf(c, ", %u)", at.oid);
	if (!xlat_agg_filter(c, f))
		return -1;
	bool intersect = strcmp(name, "range_intersect_agg") == 0;
	*t = (struct xlat_type){mr || intersect ? at.oid : mr_of_range(at.oid)->oid, -1};
	return 1;
}

/* lower(mr), upper(mr), isempty(mr) and the bound tests: pgfn_multirange_<name>(mr, oid). */
static int mr_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		       const struct range_fn *fn, struct xlat_type *t)
{
	struct xlat_type at;
	xlat_printf(c, "pgfn_multirange_%s(", name);
	if (!xlat_expr(c, f->args[0], &at))
		return -1;
	xlat_printf(c, ", %u)", at.oid);
	*t = (struct xlat_type){
		fn->result == 0 ? pgtype_range_subtype(mr_by_oid(at.oid)->range) : fn->result, -1};
	return 1;
}

/* The functions behind the range and multirange operators: range_contains(a, b) is a @> b. */
static const struct op_fn {
	const char *name, *op;
} op_fns[] = {
	{"range_eq", "="},
	{"range_ne", "<>"},
	{"range_lt", "<"},
	{"range_le", "<="},
	{"range_gt", ">"},
	{"range_ge", ">="},
	{"range_contains", "@>"},
	{"range_contains_elem", "@>"},
	{"range_contained_by", "<@"},
	{"elem_contained_by_range", "<@"},
	{"range_overlaps", "&&"},
	{"range_before", "<<"},
	{"range_after", ">>"},
	{"range_overleft", "&<"},
	{"range_overright", "&>"},
	{"range_adjacent", "-|-"},
	{"range_union", "+"},
	{"range_intersect", "*"},
	{"range_minus", "-"},
	{"multirange_eq", "="},
	{"multirange_ne", "<>"},
	{"multirange_lt", "<"},
	{"multirange_le", "<="},
	{"multirange_gt", ">"},
	{"multirange_ge", ">="},
	{"multirange_contains_elem", "@>"},
	{"multirange_contains_range", "@>"},
	{"multirange_contains_multirange", "@>"},
	{"range_contains_multirange", "@>"},
	{"elem_contained_by_multirange", "<@"},
	{"range_contained_by_multirange", "<@"},
	{"multirange_contained_by_range", "<@"},
	{"multirange_contained_by_multirange", "<@"},
	{"range_overlaps_multirange", "&&"},
	{"multirange_overlaps_range", "&&"},
	{"multirange_overlaps_multirange", "&&"},
	{"range_before_multirange", "<<"},
	{"multirange_before_range", "<<"},
	{"multirange_before_multirange", "<<"},
	{"range_after_multirange", ">>"},
	{"multirange_after_range", ">>"},
	{"multirange_after_multirange", ">>"},
	{"range_overleft_multirange", "&<"},
	{"multirange_overleft_range", "&<"},
	{"multirange_overleft_multirange", "&<"},
	{"range_overright_multirange", "&>"},
	{"multirange_overright_range", "&>"},
	{"multirange_overright_multirange", "&>"},
	{"range_adjacent_multirange", "-|-"},
	{"multirange_adjacent_range", "-|-"},
	{"multirange_adjacent_multirange", "-|-"},
	{"multirange_union", "+"},
	{"multirange_intersect", "*"},
	{"multirange_minus", "-"},
};

/* A call of one of op_fns: its two arguments translated as the operator's operands. */
static int op_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const struct op_fn *o,
		       struct xlat_type *t)
{
	if (f->n_args != 2)
		return 0;
	const PgQuery__Node *e = xlat_op_node(c, o->op, f->args[0], f->args[1], f->location);
	return xlat_expr(c, e, t) ? 1 : -1;
}

/* range_cmp(a, b) and multirange_cmp(a, b): -1, 0 or 1 in range_cmp's order
 * (pgfn_range_cmp, pgfn_multirange_cmp); a literal takes the other argument's type. */
static int cmp_function(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
			struct xlat_type *t)
{
	bool multi = name[0] == 'm';
	struct xlat_type at[2];
	const char *x[2];
	for (size_t i = 0; i < 2; i++)
		if (!(x[i] = xlat_expr_aside(c, f->args[i], &at[i])))
			return -1;
	xlat_nocache(c); /* the arguments' constants were noted in their own texts */
	uint32_t oid = texty(at[0].oid) ? at[1].oid : at[0].oid;
	if (!(multi ? xlat_multirange_type(oid) : xlat_range_type(oid)) ||
	    (at[0].oid != oid && !texty(at[0].oid)) || (at[1].oid != oid && !texty(at[1].oid)))
		return no_function(c, f, name, at);
	const char *in = multi ? "shardlite_multirange" : "shardlite_range";
	xlat_printf(c, "pgfn_%s(", name);
	for (size_t i = 0; i < 2; i++) {
		if (texty(at[i].oid))
			xlat_printf(c, "%s(%s, %u), ", in, x[i], oid);
		else
			xlat_printf(c, "%s, ", x[i]);
	}
	xlat_printf(c, "%u)", oid);
	*t = (struct xlat_type){XLAT_OID_INT4, -1};
	return 1;
}

int xlat_range_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    struct xlat_type *t)
{
	if ((strcmp(name, "range_cmp") == 0 || strcmp(name, "multirange_cmp") == 0) &&
	    f->n_args == 2 && !f->agg_star && !f->over)
		return cmp_function(c, f, name, t);
	for (size_t i = 0; i < ARRAY_LEN(op_fns); i++)
		if (strcmp(op_fns[i].name, name) == 0 && !f->agg_star && !f->over)
			return op_function(c, f, &op_fns[i], t);
	if (strcmp(name, "range_agg") == 0 || strcmp(name, "range_intersect_agg") == 0)
		return mr_aggregate(c, f, name, t);
	if (f->agg_star || f->over || f->agg_distinct || f->agg_filter || f->n_agg_order)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(range_types); i++)
		if (strcmp(range_types[i].name, name) == 0)
			return constructor(c, f, &range_types[i], t);
	for (size_t i = 0; i < ARRAY_LEN(mr_types); i++)
		if (strcmp(mr_types[i].name, name) == 0)
			return mr_constructor(c, f, name, &mr_types[i], t);
	if (strcmp(name, "multirange") == 0 && f->n_args == 1)
		return mr_of(c, f, t);
	if (strcmp(name, "range_merge") == 0 && f->n_args == 1) {
		static const struct range_fn merge = {"range_merge", NULL, 1, 1};
		size_t mark = c->sb->len;
		int nslots = c->nslots;
		struct xlat_type at;
		if (!xlat_expr(c, f->args[0], &at))
			return -1;
		take_back(c, mark, nslots);
		if (!xlat_multirange_type(at.oid))
			return 0;
		if (mr_function(c, f, name, &merge, t) < 0)
			return -1;
		t->oid = mr_by_oid(at.oid)->range; /* a range */
		return 1;
	}
	const struct range_fn *fn = NULL;
	for (size_t i = 0; i < ARRAY_LEN(range_fns) && !fn; i++)
		fn = strcmp(range_fns[i].name, name) == 0 ? &range_fns[i] : NULL;
	if (!fn || (int)f->n_args != fn->nargs)
		return 0;
	struct xlat_type at[2];
	size_t mark = c->sb->len;
	int nslots = c->nslots;
	xlat_printf(c, "%s(", fn->pgfn);
	for (size_t i = 0; i < f->n_args; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!xlat_expr(c, f->args[i], &at[i]))
			return -1;
	}
	bool ours = fn->result == XLAT_OID_BOOL || fn->result == 1; /* no other type has these */
	if (!xlat_range_type(at[0].oid) && ours && at[0].oid == XLAT_OID_UNKNOWN_COL &&
	    (c->flags & XLAT_X_NOSUBQUERY)) /* a CHECK or DEFAULT: the column's type is unknown */
		return xlat_unsupported(c, f->location,
					arena_printf(c->a, "%s of a column in a table constraint",
						     name))
			       ? 1
			       : -1;
	if (xlat_multirange_type(at[0].oid) && fn->nargs == 1) {
		take_back(c, mark, nslots); /* lower(multirange) and the like */
		return mr_function(c, f, name, fn, t);
	}
	if (!xlat_range_type(at[0].oid)) {
		take_back(c, mark, nslots); /* lower(text) and the like: not ours */
		return 0;
	}
	if (fn->nargs == 2 && at[1].oid != at[0].oid)
		return no_function(c, f, name, at);
	xlat_printf(c, ", %u)", at[0].oid);
	*t = (struct xlat_type){fn->result == 0   ? pgtype_range_subtype(at[0].oid)
				: fn->result == 1 ? at[0].oid
						  : fn->result,
				-1};
	return 1;
}

/* ---- operators ---- */

static const struct range_op {
	const char *op;
	const char *pgfn;
	bool result; /* a range (+ * -), else a boolean */
} range_ops[] = {
	{"@>", "pgfn_range_contains", false},  {"<@", "pgfn_range_contained", false},
	{"&&", "pgfn_range_overlaps", false},  {"<<", "pgfn_range_before", false},
	{">>", "pgfn_range_after", false},     {"&<", "pgfn_range_overleft", false},
	{"&>", "pgfn_range_overright", false}, {"-|-", "pgfn_range_adjacent", false},
	{"+", "pgfn_range_union", true},       {"*", "pgfn_range_intersect", true},
	{"-", "pgfn_range_minus", true},
};

static const struct range_op *find_op(const char *op)
{
	for (size_t i = 0; i < ARRAY_LEN(range_ops); i++)
		if (strcmp(range_ops[i].op, op) == 0)
			return &range_ops[i];
	return NULL;
}

const char *xlat_range_bool_fn(const char *op)
{
	const struct range_op *o = find_op(op);
	return o && !o->result ? o->pgfn : NULL;
}

/* The operands stand in c->sb as L at [mark, lend), a separator ", " (padded with blanks) up to
 * rstart, and R to the end. The call is made around them in place (xlat_insert_at moves the
 * constants' recorded offsets along, so the translation stays cacheable): fn(L, R, oid), an
 * operand that is no range (a literal, text) wrapped in shardlite_range(x, oid). */
static void wrap_call(struct xlat_ctx *c, const char *fn, size_t mark, size_t lend, size_t rstart,
		      bool wrap_l, bool wrap_r, const char *tail)
{
	if (wrap_r) {
		xlat_puts(c, tail);
		xlat_insert_at(c, rstart, "shardlite_range(");
	}
	if (wrap_l) {
		xlat_insert_at(c, lend, tail);
		xlat_insert_at(c, mark, "shardlite_range(");
	}
	xlat_insert_at(c, mark, arena_printf(c->a, "%s(", fn));
}

/* The multirange operators, with what their pgfn function returns (0: a multirange). */
static const struct {
	const char *op, *fn;
	uint32_t result;
} mr_ops[] = {
	{"@>", "pgfn_multirange_contains", XLAT_OID_BOOL},
	{"<@", "pgfn_multirange_contained", XLAT_OID_BOOL},
	{"&&", "pgfn_multirange_overlaps", XLAT_OID_BOOL},
	{"<<", "pgfn_multirange_before", XLAT_OID_BOOL},
	{">>", "pgfn_multirange_after", XLAT_OID_BOOL},
	{"&<", "pgfn_multirange_overleft", XLAT_OID_BOOL},
	{"&>", "pgfn_multirange_overright", XLAT_OID_BOOL},
	{"-|-", "pgfn_multirange_adjacent", XLAT_OID_BOOL},
	{"+", "pgfn_multirange_union", 0},
	{"*", "pgfn_multirange_intersect", 0},
	{"-", "pgfn_multirange_minus", 0},
};

/* An operand of a multirange operator: a literal read as multirange type mt. */
static uint32_t mr_operand(struct xlat_ctx *c, uint32_t oid, const struct mr_type *mt, size_t from,
			   size_t to, bool last)
{
	if (!texty(oid))
		return oid;
	if (last)
		xlat_printf(c, ", %u)", mt->oid);
	else
		xlat_insert_at(c, to, arena_printf(c->a, ", %u)", mt->oid));
	xlat_insert_at(c, from, "shardlite_multirange(");
	return mt->oid;
}

/* An operator with a multirange operand: fn(L, R, L's type, R's type); the other operand a
 * multirange or a range of the same range type, or (@>, <@) an element of its subtype. */
static int mr_operator(struct xlat_ctx *c, const char *op, size_t mark, size_t lend, size_t rstart,
		       struct xlat_type l, struct xlat_type r, int location, struct xlat_type *t)
{
	const struct mr_type *mt = mr_by_oid(l.oid) ? mr_by_oid(l.oid) : mr_by_oid(r.oid);
	size_t k = 0;
	while (k < ARRAY_LEN(mr_ops) && strcmp(mr_ops[k].op, op) != 0)
		k++;
	if (k == ARRAY_LEN(mr_ops))
		return xlat_unsupported(c, location,
					arena_printf(c->a, "the operator %s of a multirange", op))
			       ? 1
			       : -1;
	uint32_t st = pgtype_range_subtype(mt->range);
	bool elem_r = strcmp(op, "@>") == 0 && mr_by_oid(l.oid) && !texty(r.oid) &&
		      !mr_by_oid(r.oid) && !by_oid(r.oid);
	bool elem_l = strcmp(op, "<@") == 0 && mr_by_oid(r.oid) && !texty(l.oid) &&
		      !mr_by_oid(l.oid) && !by_oid(l.oid);
	if (elem_r || elem_l) {
		uint32_t e = elem_r ? r.oid : l.oid; /* anyelement: no implicit cast */
		if (e != st && e != XLAT_OID_UNKNOWN_COL)
			return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
		xlat_printf(c, ", %u)", mt->oid);
		xlat_insert_at(c, mark,
			       elem_r ? "pgfn_multirange_has(" : "pgfn_multirange_elem_in(");
		*t = (struct xlat_type){XLAT_OID_BOOL, -1};
		return 1;
	} else {
		/* the right operand first: inserting at the left moves it */
		uint32_t ro = mr_operand(c, r.oid, mt, rstart, c->sb->len, true);
		uint32_t lo = mr_operand(c, l.oid, mt, mark, lend, false);
		bool fits = (lo == mt->oid || lo == mt->range) &&
			    (ro == mt->oid || ro == mt->range);
		if (!fits || (mr_ops[k].result == 0 && (lo != mt->oid || ro != mt->oid)))
			return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
		l.oid = lo, r.oid = ro;
	}
	xlat_printf(c, ", %u, %u)", l.oid, r.oid);
	xlat_insert_at(c, mark, arena_printf(c->a, "%s(", mr_ops[k].fn));
	*t = (struct xlat_type){mr_ops[k].result ? mr_ops[k].result : mt->oid, -1};
	return 1;
}

int xlat_range_operator(struct xlat_ctx *c, const char *op, size_t mark, size_t lend, size_t rstart,
			struct xlat_type l, struct xlat_type r, int location, struct xlat_type *t)
{
	if (mr_by_oid(l.oid) || mr_by_oid(r.oid))
		return mr_operator(c, op, mark, lend, rstart, l, r, location, t);
	const struct range_op *o = find_op(op);
	bool lr = xlat_range_type(l.oid), rr = xlat_range_type(r.oid);
	if (!o || (!lr && !rr))
		return 0;
	uint32_t oid = lr ? l.oid : r.oid;
	const char *tail = arena_printf(c->a, ", %u)", oid);
	bool elem = strcmp(op, "@>") == 0   ? !rr && !texty(r.oid)
		    : strcmp(op, "<@") == 0 ? !lr && !texty(l.oid)
					    : false;
	if (elem) { /* range @> element, element <@ range: anyelement takes no implicit cast */
		uint32_t et = lr ? r.oid : l.oid;
		if ((lr ? rr : lr) ||
		    (et != pgtype_range_subtype(oid) && et != XLAT_OID_UNKNOWN_COL))
			return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
		wrap_call(c, lr ? "pgfn_range_has" : "pgfn_range_elem_in", mark, lend, rstart,
			  false, false, tail);
		xlat_puts(c, tail);
		*t = (struct xlat_type){XLAT_OID_BOOL, -1};
		return 1;
	}
	if ((lr && rr && l.oid != r.oid) || (!lr && !texty(l.oid)) || (!rr && !texty(r.oid)))
		return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
	wrap_call(c, o->pgfn, mark, lend, rstart, !lr, !rr, tail);
	xlat_puts(c, tail);
	*t = (struct xlat_type){o->result ? oid : XLAT_OID_BOOL, -1};
	return 1;
}

/* @> <@ && << >> &< &> -|- with a range operand (a_op's early look: the JSON, array and
 * inet readings of some of these come later); 0 when neither operand is a range. */
int xlat_range_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op, struct xlat_type *t)
{
	const struct range_op *o = find_op(op);
	if (!o || o->result)
		return 0;
	size_t mark = c->sb->len;
	int nslots = c->nslots;
	struct xlat_type l, r;
	if (!xlat_expr(c, e->lexpr, &l))
		return -1;
	size_t lend = c->sb->len;
	xlat_puts(c, ", ");
	size_t rstart = c->sb->len;
	if (!xlat_expr(c, e->rexpr, &r))
		return -1;
	if (!xlat_range_type(l.oid) && !xlat_range_type(r.oid) && !mr_by_oid(l.oid) &&
	    !mr_by_oid(r.oid)) {
		int ts = xlat_ts_contains(c, op, mark, l, r, t); /* tsquery @> tsquery */
		if (ts)
			return ts;
		take_back(c, mark, nslots);
		return 0; /* not ours: translated again by its own reader */
	}
	xlat_infer_pair(c, e->lexpr, &l, e->rexpr, &r);
	return xlat_range_operator(c, op, mark, lend, rstart, l, r, e->location, t);
}
