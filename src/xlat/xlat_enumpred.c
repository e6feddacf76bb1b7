/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_enumpred.c: an enum ordered inside a CHECK constraint, an index's predicate or an
 * index's key. The SQLite text kept in the file must read in any SQLite tool, so it cannot
 * name the translator's enum collation (xlat_enum.c): the expression's tree is rewritten
 * first (copied where it changes, the original still prints the PostgreSQL text) — a
 * comparison of an enum column with a label becomes a membership test over the labels in the
 * type's order (state < 'completed' as state IN ('created', 'retry', 'active')), one of two
 * columns of the enum compares their positions (CASE). ALTER TYPE ... ADD VALUE / RENAME
 * VALUE makes an index's again from its PostgreSQL definition (xlat_enumrefit.c); a CHECK's
 * makes the ALTER refuse (xlat_enumpred_guard). A date/time column compared with a BC or
 * past-9999 string constant is rewritten here too (far_dates: the constant in its stored
 * form). */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define KIND(x) PG_QUERY__A__EXPR__KIND__AEXPR_##x

struct ep {
	struct xlat_ctx *c;
	const struct xlat_schema_col *cols;
	size_t ncols;
	bool failed;
	bool eq; /* = and <> too (a domain's VALUE, whose comparisons all take the collation) */
	const struct xlat_enum *used[8]; /* the enums whose labels the rewrite spells */
	size_t nused;
	/* an index's: the enums compared with a label by = or <> (IN), whose text stays */
	bool index;
	bool check; /* a CHECK's: those enums noted too, RENAME VALUE refused (the guard) */
	const struct xlat_enum *named[8];
	size_t nnamed;
};

/* An index's or a CHECK's enum column compared with = or <> (IN too) keeps the label's text,
 * which RENAME VALUE makes again in an index (xlat_enumrefit.c) and refuses for a CHECK
 * (xlat_enumpred_guard): noted for XLAT_ENUM_LABEL_MARK. */
static bool names(struct ep *p, const struct xlat_enum *e, int loc)
{
	for (size_t i = 0; e && i < p->nnamed; i++)
		if (strcmp(p->named[i]->name, e->name) == 0)
			return true;
	if (!e || (!p->index && !p->check))
		return true;
	if (strstr(e->name, "*/") || p->nnamed == ARRAY_LEN(p->named))
		return xlat_unsupported(p->c, loc, "this enum compared in an index");
	p->named[p->nnamed++] = e;
	return true;
}

/* Notes that the rewrite spells e's labels; false (0A000 set) for a name a comment cannot
 * hold or more enums than one expression keeps. */
static bool uses(struct ep *p, const struct xlat_enum *e, int loc)
{
	for (size_t i = 0; i < p->nused; i++)
		if (strcmp(p->used[i]->name, e->name) == 0)
			return true;
	if (strstr(e->name, "*/") || p->nused == ARRAY_LEN(p->used))
		return xlat_unsupported(p->c, loc,
					"this enum ordered in a CHECK constraint or an "
					"index");
	p->used[p->nused++] = e;
	return true;
}

static PgQuery__Node *node(struct xlat_ctx *c)
{
	PgQuery__Node *n = arena_zalloc(c->a, sizeof(*n));
	pg_query__node__init(n);
	return n;
}

static PgQuery__Node *case_node(struct xlat_ctx *c, PgQuery__Node *arg, PgQuery__Node **whens,
				PgQuery__Node **thens, size_t n)
{
	PgQuery__CaseExpr *ce = arena_zalloc(c->a, sizeof(*ce));
	pg_query__case_expr__init(ce);
	ce->arg = arg;
	ce->args = arena_zalloc(c->a, (n ? n : 1) * sizeof(*ce->args));
	for (size_t i = 0; i < n; i++) {
		PgQuery__CaseWhen *w = arena_zalloc(c->a, sizeof(*w));
		pg_query__case_when__init(w);
		w->expr = whens[i];
		w->result = thens[i];
		w->location = -1;
		ce->args[i] = node(c);
		ce->args[i]->node_case = NODE(CASE_WHEN);
		ce->args[i]->case_when = w;
	}
	ce->n_args = n;
	ce->location = -1;
	PgQuery__Node *r = node(c);
	r->node_case = NODE(CASE_EXPR);
	r->case_expr = ce;
	return r;
}

/* The enum of n when n is a column of the table (bare or qualified) declared with one. */
static const struct xlat_enum *col_enum(struct ep *p, const PgQuery__Node *n)
{
	if (n->node_case != NODE(COLUMN_REF) || !n->column_ref->n_fields)
		return NULL;
	const PgQuery__ColumnRef *cr = n->column_ref;
	const char *name = xlat_node_str(cr->fields[cr->n_fields - 1]);
	const struct xlat_schema_col *col = name ? xlat_scope_col(p->cols, p->ncols, name) : NULL;
	bool array = false;
	const struct xlat_enum *e = col ? xlat_enum_by_oid(p->c, col->type_oid, &array) : NULL;
	return e && !array ? e : NULL;
}

/* The position of the label n spells (a string, bare or cast to e) into *pos: 1, 0 when n is
 * no string constant, 2 for NULL, -1 for a label e lacks (22P02 set, as enum_in's). */
static int label_of(struct ep *p, const struct xlat_enum *e, const PgQuery__Node *n, size_t *pos)
{
	if (n->node_case == NODE(TYPE_CAST)) {
		const PgQuery__TypeName *tn = n->type_cast->type_name;
		const char *ty = tn && tn->n_names && !tn->n_array_bounds
					 ? xlat_node_str(tn->names[tn->n_names - 1])
					 : NULL;
		if (!ty || strcmp(ty, e->name) != 0)
			return 0;
		n = n->type_cast->arg;
	}
	if (n->node_case != NODE(A_CONST))
		return 0;
	if (n->a_const->isnull)
		return 2;
	if (n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return 0;
	const char *s = n->a_const->sval->sval;
	for (size_t i = 0; i < e->nlabels; i++) {
		if (strcmp(e->labels[i], s) == 0) {
			*pos = i;
			return 1;
		}
	}
	xlat_fail(p->c, "22P02", n->a_const->location, "invalid input value for enum %s: \"%s\"",
		  xlat_enum_display(p->c, e->name), s);
	return -1;
}

/* col IN (the labels whose in[i] is set): NULL for a NULL col, as the comparison it stands
 * for; with no label CASE WHEN col IS NOT NULL THEN false END. */
static PgQuery__Node *member(struct ep *p, PgQuery__Node *col, const struct xlat_enum *e,
			     const bool *in)
{
	struct xlat_ctx *c = p->c;
	size_t n = 0;
	for (size_t i = 0; i < e->nlabels; i++)
		n += in[i];
	if (!n) {
		PgQuery__NullTest *nt = arena_zalloc(c->a, sizeof(*nt));
		pg_query__null_test__init(nt);
		nt->arg = col;
		nt->nulltesttype = PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL;
		nt->location = -1;
		PgQuery__Node *w = node(c), *f = xlat_tree_bool(c->a, false);
		w->node_case = NODE(NULL_TEST);
		w->null_test = nt;
		return case_node(c, NULL, &w, &f, 1);
	}
	PgQuery__List *l = arena_zalloc(c->a, sizeof(*l));
	pg_query__list__init(l);
	l->items = arena_zalloc(c->a, n * sizeof(*l->items));
	for (size_t i = 0; i < e->nlabels; i++) {
		if (in[i])
			l->items[l->n_items++] = xlat_tree_str(c->a, e->labels[i]);
	}
	PgQuery__Node *ln = node(c);
	ln->node_case = NODE(LIST);
	ln->list = l;
	PgQuery__Node *r = (PgQuery__Node *)xlat_op_node(c, "=", col, ln, -1);
	r->a_expr->kind = KIND(IN);
	return r;
}

/* CASE col WHEN 'first' THEN 0 WHEN ... END: the label's position. */
static PgQuery__Node *position(struct ep *p, PgQuery__Node *col, const struct xlat_enum *e)
{
	struct xlat_ctx *c = p->c;
	if (!e->nlabels) /* no label: the column can only be NULL */
		return col;
	PgQuery__Node **w = arena_zalloc(c->a, e->nlabels * sizeof(*w));
	PgQuery__Node **t = arena_zalloc(c->a, e->nlabels * sizeof(*t));
	for (size_t i = 0; i < e->nlabels; i++) {
		w[i] = xlat_tree_str(c->a, e->labels[i]);
		t[i] = xlat_tree_int(c->a, (int)i);
	}
	return case_node(c, col, w, t, e->nlabels);
}

static bool holds(const char *op, size_t a, size_t b)
{
	if (strcmp(op, "=") == 0 || strcmp(op, "<>") == 0)
		return (a == b) == (op[0] == '=');
	return op[0] == '<' ? (op[1] ? a <= b : a < b) : (op[1] ? a >= b : a > b);
}

static const char *flipped(const char *op)
{
	return strcmp(op, "<") == 0    ? ">"
	       : strcmp(op, "<=") == 0 ? ">="
	       : strcmp(op, ">") == 0  ? "<"
	       : strcmp(op, ">=") == 0 ? "<="
				       : op; /* = and <> */
}

/* x op y, an ordering operator: 1 with *out when an enum column is in it, 0 when none is. */
static int ordering(struct ep *p, const char *op, PgQuery__Node *x, PgQuery__Node *y, int loc,
		    PgQuery__Node **out)
{
	const struct xlat_enum *ex = col_enum(p, x), *ey = col_enum(p, y);
	if (!ex && !ey)
		return 0;
	if ((ex && !uses(p, ex, loc)) || (ey && !uses(p, ey, loc)))
		return -1;
	if (ex && ey) {
		if (ex != ey && strcmp(ex->name, ey->name) != 0) {
			xlat_fail(p->c, "42883", loc, "operator does not exist: %s %s %s",
				  xlat_enum_display(p->c, ex->name), op,
				  xlat_enum_display(p->c, ey->name));
			return -1;
		}
		*out = (PgQuery__Node *)xlat_op_node(p->c, op, position(p, x, ex),
						     position(p, y, ey), loc);
		return 1;
	}
	if (!ex) { /* 'b' > col as col < 'b' */
		PgQuery__Node *t = x;
		x = y;
		y = t;
		ex = ey;
		op = flipped(op);
	}
	size_t at = 0;
	int k = label_of(p, ex, y, &at);
	if (k < 0)
		return -1;
	if (k == 2)
		return 0; /* NULL either way, as SQLite's own comparison */
	if (k == 0) {
		xlat_unsupported(p->c, loc,
				 "ordering an enum against an expression in a CHECK constraint "
				 "or an index");
		return -1;
	}
	bool *in = arena_zalloc(p->c->a, (ex->nlabels + 1) * sizeof(*in));
	for (size_t i = 0; i < ex->nlabels; i++)
		in[i] = holds(op, i, at);
	*out = member(p, x, ex, in);
	return 1;
}

static PgQuery__Node *bool_node(struct xlat_ctx *c, PgQuery__BoolExprType op, PgQuery__Node *a,
				PgQuery__Node *b)
{
	PgQuery__BoolExpr *be = arena_zalloc(c->a, sizeof(*be));
	pg_query__bool_expr__init(be);
	be->boolop = op;
	be->args = arena_zalloc(c->a, 2 * sizeof(*be->args));
	be->args[0] = a;
	be->args[1] = b;
	be->n_args = 2;
	be->location = -1;
	PgQuery__Node *n = node(c);
	n->node_case = NODE(BOOL_EXPR);
	n->bool_expr = be;
	return n;
}

static PgQuery__Node *rewrite(struct ep *p, PgQuery__Node *n);

/* x [NOT] BETWEEN [SYMMETRIC] lo AND hi of an enum column: between two labels one
 * membership test, else the comparisons PostgreSQL's parser expands it into. */
static int between(struct ep *p, const PgQuery__AExpr *a, PgQuery__Node **out)
{
	const struct xlat_enum *e = col_enum(p, a->lexpr);
	const PgQuery__Node *l = a->rexpr;
	if (!l || l->node_case != NODE(LIST) || l->list->n_items != 2)
		return 0;
	PgQuery__Node *lo = l->list->items[0], *hi = l->list->items[1];
	if (!e && !col_enum(p, lo) && !col_enum(p, hi))
		return 0;
	bool neg = a->kind == KIND(NOT_BETWEEN) || a->kind == KIND(NOT_BETWEEN_SYM);
	bool sym = a->kind == KIND(BETWEEN_SYM) || a->kind == KIND(NOT_BETWEEN_SYM);
	size_t i = 0, j = 0;
	int ki = e ? label_of(p, e, lo, &i) : 0, kj = e && ki >= 0 ? label_of(p, e, hi, &j) : 0;
	if (ki < 0 || kj < 0)
		return -1;
	if (ki == 1 && kj == 1) {
		if (!uses(p, e, a->location))
			return -1;
		if (sym && i > j) {
			size_t t = i;
			i = j;
			j = t;
		}
		bool *in = arena_zalloc(p->c->a, (e->nlabels + 1) * sizeof(*in));
		for (size_t k = 0; k < e->nlabels; k++)
			in[k] = (k >= i && k <= j) != neg;
		*out = member(p, a->lexpr, e, in);
		return 1;
	}
	if (sym) {
		xlat_unsupported(p->c, a->location,
				 "BETWEEN SYMMETRIC of an enum with a bound that is no label in a "
				 "CHECK constraint or an index");
		return -1;
	}
	/* x >= lo AND x <= hi; NOT: x < lo OR x > hi */
	PgQuery__Node *x = a->lexpr;
	PgQuery__Node *one =
		(PgQuery__Node *)xlat_op_node(p->c, neg ? "<" : ">=", x, lo, a->location);
	PgQuery__Node *two =
		(PgQuery__Node *)xlat_op_node(p->c, neg ? ">" : "<=", x, hi, a->location);
	one = rewrite(p, one);
	two = one ? rewrite(p, two) : NULL;
	if (!one || !two)
		return -1;
	*out = bool_node(
		p->c, neg ? PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR : PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR,
		one, two);
	return 1;
}

/* The string constant n read as a value of the date/time column type oid when its stored form
 * is not its text and lies outside years 1..9999 ('0100-01-01 BC' is '.9900-01-01',
 * pgtype_dt_store): that form as a new constant, else NULL. */
static PgQuery__Node *far_const(struct ep *p, uint32_t oid, const PgQuery__Node *n)
{
	if (n->node_case != NODE(A_CONST) || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return NULL;
	const char *s = n->a_const->sval->sval;
	struct pgtype_value v;
	struct pgerr err;
	if (!pgtype_decode_text_env(oid, s, strlen(s), NULL, p->c->a, &v, &err) || v.n == 0 ||
	    (v.p[0] != '.' && v.p[0] != ':'))
		return NULL;
	PgQuery__String *str = arena_zalloc(p->c->a, sizeof(*str));
	pg_query__string__init(str);
	str->sval = arena_strndup(p->c->a, v.p, v.n);
	PgQuery__AConst *k = arena_zalloc(p->c->a, sizeof(*k));
	memcpy(k, n->a_const, sizeof(*k));
	k->sval = str;
	PgQuery__Node *r = node(p->c);
	r->node_case = NODE(A_CONST);
	r->a_const = k;
	return r;
}

/* A comparison of a date, timestamp or timestamptz column with a string constant in a CHECK
 * or an index predicate, which the file keeps as SQLite text comparing the column's stored
 * text with the constant's: a BC or past-9999 constant is written in the stored form, so it
 * compares as PostgreSQL's values do (1 with *out; 0: anything else). */
static int far_dates(struct ep *p, const PgQuery__AExpr *a, PgQuery__Node **out)
{
	static const char *const ops[] = {"<", "<=", ">", ">=", "=", "<>", "!="};
	const char *op = a->kind == KIND(OP) && a->n_name == 1 ? xlat_node_str(a->name[0]) : NULL;
	size_t i = 0;
	while (op && i < ARRAY_LEN(ops) && strcmp(op, ops[i]) != 0)
		i++;
	if (!op || i == ARRAY_LEN(ops) || !a->lexpr || !a->rexpr)
		return 0;
	PgQuery__Node *side[2] = {a->lexpr, a->rexpr};
	for (int k = 0; k < 2; k++) {
		const PgQuery__Node *col = side[k];
		if (col->node_case != NODE(COLUMN_REF) || !col->column_ref->n_fields)
			continue;
		const PgQuery__ColumnRef *cr = col->column_ref;
		const char *name = xlat_node_str(cr->fields[cr->n_fields - 1]);
		const struct xlat_schema_col *c = name ? xlat_scope_col(p->cols, p->ncols, name)
						       : NULL;
		uint32_t oid = c ? c->type_oid : 0;
		if (oid != XLAT_OID_DATE && oid != XLAT_OID_TIMESTAMP &&
		    oid != XLAT_OID_TIMESTAMPTZ)
			continue;
		PgQuery__Node *far = far_const(p, oid, side[1 - k]);
		if (!far)
			continue;
		PgQuery__AExpr *copy = arena_zalloc(p->c->a, sizeof(*copy));
		memcpy(copy, a, sizeof(*copy));
		if (k == 0)
			copy->rexpr = far;
		else
			copy->lexpr = far;
		*out = node(p->c);
		(*out)->node_case = NODE(A_EXPR);
		(*out)->a_expr = copy;
		return 1;
	}
	return 0;
}

/* 1 with *out: n rewritten; 0: n is no enum ordering (its children are walked); -1: failed. */
static int replace(struct ep *p, PgQuery__Node *n, PgQuery__Node **out)
{
	if (n->node_case != NODE(A_EXPR))
		return 0;
	const PgQuery__AExpr *a = n->a_expr;
	if (far_dates(p, a, out))
		return 1;
	if (a->kind == KIND(BETWEEN) || a->kind == KIND(NOT_BETWEEN) ||
	    a->kind == KIND(BETWEEN_SYM) || a->kind == KIND(NOT_BETWEEN_SYM))
		return between(p, a, out);
	const char *op = (a->kind == KIND(OP) || a->kind == KIND(IN)) && a->n_name == 1
				 ? xlat_node_str(a->name[0])
				 : NULL;
	if (op && a->lexpr && a->rexpr && !p->eq &&
	    (strcmp(op, "=") == 0 || strcmp(op, "<>") == 0)) {
		const struct xlat_enum *e = col_enum(p, a->lexpr);
		if (!names(p, e ? e : col_enum(p, a->rexpr), a->location))
			return -1;
		return 0;
	}
	if (!op || a->kind != KIND(OP) || !a->lexpr || !a->rexpr ||
	    !(strcmp(op, "<") == 0 || strcmp(op, "<=") == 0 || strcmp(op, ">") == 0 ||
	      strcmp(op, ">=") == 0 || (p->eq && (strcmp(op, "=") == 0 || strcmp(op, "<>") == 0))))
		return 0;
	return ordering(p, op, a->lexpr, a->rexpr, a->location, out);
}

/* ---- the copy-on-write walk over any node ---- */

static ProtobufCMessage *walk(struct ep *p, ProtobufCMessage *m);

static ProtobufCMessage *clone(struct ep *p, const ProtobufCMessage *m)
{
	ProtobufCMessage *copy = arena_zalloc(p->c->a, m->descriptor->sizeof_message);
	memcpy(copy, m, m->descriptor->sizeof_message);
	return copy;
}

static ProtobufCMessage *walk(struct ep *p, ProtobufCMessage *m)
{
	if (p->failed)
		return m;
	if (m->descriptor == &pg_query__node__descriptor) {
		PgQuery__Node *out = NULL;
		int k = replace(p, (PgQuery__Node *)m, &out);
		if (k < 0)
			p->failed = true;
		if (k)
			return k > 0 ? &out->base : m;
	}
	const ProtobufCMessageDescriptor *d = m->descriptor;
	ProtobufCMessage *copy = NULL;
	for (unsigned i = 0; i < d->n_fields && !p->failed; i++) {
		const ProtobufCFieldDescriptor *f = &d->fields[i];
		if (f->type != PROTOBUF_C_TYPE_MESSAGE)
			continue;
		char *base = (char *)(copy ? copy : m);
		if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF &&
		    *(const uint32_t *)(base + f->quantifier_offset) != f->id)
			continue;
		if (f->label != PROTOBUF_C_LABEL_REPEATED) {
			ProtobufCMessage *sub = *(ProtobufCMessage **)(base + f->offset);
			ProtobufCMessage *now = sub ? walk(p, sub) : NULL;
			if (now == sub)
				continue;
			copy = copy ? copy : clone(p, m);
			*(ProtobufCMessage **)((char *)copy + f->offset) = now;
			continue;
		}
		size_t n = *(const size_t *)(base + f->quantifier_offset);
		ProtobufCMessage **v = *(ProtobufCMessage ***)(base + f->offset);
		ProtobufCMessage **nv = NULL;
		for (size_t k = 0; k < n; k++) {
			ProtobufCMessage *now = v[k] ? walk(p, v[k]) : NULL;
			if (now == v[k])
				continue;
			if (!nv) {
				nv = arena_zalloc(p->c->a, n * sizeof(*nv));
				memcpy(nv, v, n * sizeof(*nv));
				copy = copy ? copy : clone(p, m);
				*(ProtobufCMessage ***)((char *)copy + f->offset) = nv;
			}
			nv[k] = now;
		}
	}
	return copy ? copy : m;
}

static PgQuery__Node *rewrite(struct ep *p, PgQuery__Node *n)
{
	PgQuery__Node *r = (PgQuery__Node *)walk(p, &n->base);
	return p->failed ? NULL : r;
}

/* e rewritten, with the marks ALTER TYPE looks for written before its SQLite text. */
static PgQuery__Node *finish(struct ep *p, PgQuery__Node *e)
{
	PgQuery__Node *r = rewrite(p, e);
	if (r && r != e)
		xlat_nocache(p->c); /* the text spells the labels */
	for (size_t i = 0; r && i < p->nused; i++)
		xlat_printf(p->c, XLAT_ENUM_ORDER_MARK "%s */ ", p->used[i]->name);
	for (size_t i = 0; r && i < p->nnamed; i++)
		xlat_printf(p->c, XLAT_ENUM_LABEL_MARK "%s */ ", p->named[i]->name);
	return r;
}

PgQuery__Node *xlat_enumpred(struct xlat_ctx *c, const struct xlat_schema_col *cols, size_t ncols,
			     PgQuery__Node *e)
{
	struct ep p = {.c = c, .cols = cols, .ncols = ncols, .check = true};
	if (!e || !cols || !ncols)
		return e;
	return finish(&p, e);
}

PgQuery__Node *xlat_enumpred_value(struct xlat_ctx *c, uint32_t oid, PgQuery__Node *e)
{
	bool array = false;
	const struct xlat_enum *en = xlat_enum_by_oid(c, oid, &array);
	if (!en || array)
		return e;
	struct xlat_schema_col *col = arena_zalloc(c->a, sizeof(*col));
	col->name = "value";
	col->type_oid = oid;
	col->typmod = -1;
	struct ep p = {.c = c, .cols = col, .ncols = 1, .eq = true};
	return finish(&p, e);
}

void xlat_enumpred_guard(struct xlat_ctx *c, const char *type, const char *what, bool indexes)
{
	if (strstr(type, "*/")) /* no expression spells its labels (uses) */
		return;
	xlat_puts(c, "; SELECT shardlite_raise('0A000', ");
	xlat_string(c, arena_printf(c->a,
				    "ALTER TYPE ... %s of an enum an index or a CHECK "
				    "constraint compares is not supported (",
				    what));
	xlat_puts(c, " || CASE type WHEN 'index' THEN 'index' ELSE 'table' END || ' \"' || name || "
		     "'\")') FROM (SELECT type, name, sql FROM main.sqlite_schema ");
	/* the tenant's own indexes are made again by the script (xlat_enumrefit.c), not the
	 * session's temporary ones */
	xlat_puts(c, indexes ? "" : "WHERE type <> 'index' ");
	xlat_puts(c, "UNION ALL SELECT type, name, sql FROM temp.sqlite_schema) WHERE instr(sql, ");
	xlat_string(c, arena_printf(c->a, XLAT_ENUM_ORDER_MARK "%s */", type));
	xlat_puts(c, ")");
	if (strcmp(what, "RENAME VALUE") == 0) { /* a CHECK's label, a temporary index's too */
		xlat_puts(c, indexes ? " OR (type = 'table' AND instr(sql, "
				     : " OR (type IN ('table', 'index') AND instr(sql, ");
		xlat_string(c, arena_printf(c->a, XLAT_ENUM_LABEL_MARK "%s */", type));
		xlat_puts(c, "))");
	}
}

PgQuery__Node *xlat_enumpred_table(struct xlat_ctx *c, const PgQuery__RangeVar *rel,
				   PgQuery__Node *e)
{
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	struct pgerr saved = *c->err;
	if (!xlat_scope_target(c, rel, &cols, &n)) {
		*c->err = saved;
		return e;
	}
	struct ep p = {.c = c, .cols = cols, .ncols = n, .index = true};
	return e && cols && n ? finish(&p, e) : e;
}
