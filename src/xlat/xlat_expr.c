/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_expr.c: expressions — constants, column references, parameters, operators, boolean
 * logic, CASE, COALESCE, row values — each emitted as SQLite SQL with the same meaning, plus
 * its static type, and the dispatcher over every expression node. Operands are parenthesized
 * wherever the two grammars' precedences could disagree. Predicates, casts and function
 * calls live in xlat_pred.c, xlat_cast.c and xlat_func.c. */
#include "xlat_int.h"
#include "xlat_syscol.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static const struct xlat_type T_UNKNOWN_COL = {XLAT_OID_UNKNOWN_COL, -1};
static const struct xlat_type T_BOOL = {XLAT_OID_BOOL, -1};

enum opclass { OPC_ARITH, OPC_CONCAT, OPC_CMP, OPC_BIT };

struct binop {
	const char *name;
	enum opclass cls;
};

static const struct binop binops[] =
	{
		{"+", OPC_ARITH}, {"-", OPC_ARITH},   {"*", OPC_ARITH}, {"/", OPC_ARITH},
		{"%", OPC_ARITH}, {"||", OPC_CONCAT}, {"=", OPC_CMP},   {"<>", OPC_CMP},
		{"<", OPC_CMP},   {">", OPC_CMP},     {"<=", OPC_CMP},  {">=", OPC_CMP},
		{"&", OPC_BIT},   {"|", OPC_BIT},     {"<<", OPC_BIT},  {">>", OPC_BIT},
		{"<<=", OPC_BIT}, {">>=", OPC_BIT},   {"&&", OPC_BIT}, /* inet containment */
		{"<->", OPC_BIT},                                      /* tsquery phrase */
};

static const struct binop *find_binop(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(binops); i++) {
		if (strcmp(binops[i].name, name) == 0)
			return &binops[i];
	}
	return NULL;
}

/* Operators PostgreSQL has that SQLite cannot evaluate with the same meaning. */
static const char *refused_op_family(const char *op)
{
	static const char *const regex[] = {"~", "~*", "!~", "!~*"};
	static const char *const json[] = {"->", "->>", "#>", "#>>", "@>", "<@",
					   "?",  "?|",  "?&", "#-",  "@?", "@@"};
	for (size_t i = 0; i < ARRAY_LEN(regex); i++) {
		if (strcmp(op, regex[i]) == 0)
			return "regular expression matching";
	}
	for (size_t i = 0; i < ARRAY_LEN(json); i++) {
		if (strcmp(op, json[i]) == 0)
			return "a JSON or containment operator";
	}
	return NULL;
}

/* Nodes whose SQLite rendering binds tighter than any operator: never parenthesized. */
static bool is_atomic(const PgQuery__Node *n)
{
	switch (n->node_case) {
	case NODE(A_CONST):
	case NODE(COLUMN_REF):
	case NODE(PARAM_REF):
	case NODE(FUNC_CALL):
	case NODE(TYPE_CAST):
	case NODE(CASE_EXPR):
	case NODE(COALESCE_EXPR):
	case NODE(MIN_MAX_EXPR):
	case NODE(SQLVALUE_FUNCTION):
	case NODE(ROW_EXPR):
		return true;
	case NODE(SUB_LINK):
		return n->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK ||
		       n->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK;
	default:
		return false;
	}
}

/* Arithmetic, concatenation and bit operators bind tighter than comparisons in both grammars,
 * so they need no parentheses as the operand of a comparison. */
static bool is_arith(const PgQuery__Node *n)
{
	if (n->node_case != NODE(A_EXPR) || n->a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP ||
	    !n->a_expr->lexpr || n->a_expr->n_name != 1)
		return false;
	const struct binop *op = find_binop(xlat_node_str(n->a_expr->name[0]));
	return op && op->cls != OPC_CMP;
}

bool xlat_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	if (is_atomic(n))
		return xlat_expr(c, n, t);
	xlat_puts(c, "(");
	bool ok = xlat_expr(c, n, t);
	xlat_puts(c, ")");
	return ok;
}

/* The operand of a comparison-level operator (=, IS, LIKE, IN, BETWEEN). */
bool xlat_cmp_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	/* a whole row of a tenant's relation compared with a value (t = ROW(1, 2)::t, t IN
	 * (...)): a value of its row type, compared as composite values are (xlat_comptype_cmp) */
	const char *row = n->node_case == NODE(COLUMN_REF) ? xlat_comptype_row_aside(c, n, t)
							   : NULL;
	if (row) {
		xlat_puts(c, row);
		return true;
	}
	size_t start = c->sb->len;
	bool ok = is_arith(n) ? xlat_expr(c, n, t) : xlat_operand(c, n, t);
	/* a numeric result of the tenant's function (or a scalar subquery's, which may be
	 * one): read as a number */
	if (ok && (n->node_case == NODE(FUNC_CALL) ||
		   (n->node_case == NODE(SUB_LINK) &&
		    n->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK)))
		(void)xlat_numeric_param_operand(c, n, *t, start, c->sb->len);
	return ok;
}

bool xlat_expr_list(struct xlat_ctx *c, PgQuery__Node **v, size_t n)
{
	struct xlat_type t;
	for (size_t i = 0; i < n; i++) {
		if (i)
			xlat_puts(c, ", ");
		if (!xlat_expr(c, v[i], &t))
			return false;
	}
	return true;
}

static int numeric_rank(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_INT2:
		return 1;
	case XLAT_OID_INT4:
		return 2;
	case XLAT_OID_INT8:
		return 3;
	case XLAT_OID_NUMERIC:
		return 4;
	case XLAT_OID_FLOAT4:
		return 5;
	case XLAT_OID_FLOAT8:
		return 6;
	default:
		return 0;
	}
}

static bool is_float(uint32_t oid) { return oid == XLAT_OID_FLOAT4 || oid == XLAT_OID_FLOAT8; }

static bool is_texty(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NAME;
}

/* An array of a string type or of "char", whose elements cast to text implicitly. */
static bool texty_array(uint32_t oid)
{
	uint32_t elem = xlat_array_elem(oid);
	return elem && (is_texty(elem) || elem == 18 /* "char" */);
}

/* A type's category for select_common_type's check: number, string, boolean, or 0 when it is
 * none of those (or an unknown literal, which takes the other branches' type). */
static char category(uint32_t oid)
{
	return numeric_rank(oid) ? 'N' : is_texty(oid) ? 'S' : oid == XLAT_OID_BOOL ? 'B' : 0;
}

bool xlat_type_unmatched(struct xlat_type a, struct xlat_type b)
{
	char x = category(a.oid), y = category(b.oid);
	return x && y && x != y;
}

/* PostgreSQL resolves an unknown literal to the other side's type; ints widen to the larger,
 * anything with a float becomes double precision (float4 with float4 stays real). */
static struct xlat_type arith_type(struct xlat_type l, struct xlat_type r)
{
	if (l.oid == XLAT_OID_UNKNOWN)
		l = r;
	if (r.oid == XLAT_OID_UNKNOWN)
		r = l;
	int a = numeric_rank(l.oid), b = numeric_rank(r.oid);
	if (!a || !b)
		return T_UNKNOWN_COL;
	if (a == 5 && b == 5)
		return (struct xlat_type){XLAT_OID_FLOAT4, -1};
	if (a >= 5 || b >= 5)
		return (struct xlat_type){XLAT_OID_FLOAT8, -1};
	return (struct xlat_type){(a > b ? l : r).oid, -1};
}

struct xlat_type xlat_type_common(const struct xlat_type *v, size_t n)
{
	struct xlat_type r = {XLAT_OID_UNKNOWN, -1};
	for (size_t i = 0; i < n; i++) {
		if (v[i].oid == XLAT_OID_UNKNOWN)
			continue;
		if (v[i].oid == XLAT_OID_UNKNOWN_COL)
			return T_UNKNOWN_COL;
		if (r.oid == XLAT_OID_UNKNOWN || (r.oid == v[i].oid && r.typmod == v[i].typmod))
			r = v[i];
		else if (r.oid == v[i].oid)
			r.typmod = -1;
		else if (numeric_rank(r.oid) && numeric_rank(v[i].oid))
			/* select_common_type: the one the others cast to implicitly (int -> numeric
			 * -> real -> double precision), not an operator's result (real + int is
			 * double precision, COALESCE(real, 0) real) */
			r = (struct xlat_type){
				numeric_rank(v[i].oid) > numeric_rank(r.oid) ? v[i].oid : r.oid,
				-1};
		else if (is_texty(r.oid) && is_texty(v[i].oid))
			r = (struct xlat_type){XLAT_OID_TEXT, -1};
		else if (texty_array(r.oid) && texty_array(v[i].oid))
			/* coalesce(proargmodes, array[]::text[]): "char"[] casts to text[] */
			r = (struct xlat_type){1009 /* text[] */, -1};
		else
			return T_UNKNOWN_COL;
	}
	if (r.oid == XLAT_OID_UNKNOWN)
		r.oid = XLAT_OID_TEXT; /* all literals: PostgreSQL resolves them as text */
	return r;
}

/* An integer literal too large for int4 arrives as a Float node; PostgreSQL's make_const
 * types it int4 if it fits after all (only -2147483648 does), int8 if it fits that, else
 * numeric. */
static uint32_t float_literal_type(const char *s)
{
	const char *p = s + (*s == '-');
	if (!*p || strspn(p, "0123456789") != strlen(p))
		return XLAT_OID_NUMERIC;
	errno = 0;
	long long v = strtoll(s, NULL, 10);
	if (errno == ERANGE)
		return XLAT_OID_NUMERIC;
	return v >= INT32_MIN && v <= INT32_MAX ? XLAT_OID_INT4 : XLAT_OID_INT8;
}

/* A numeric constant's text as the parser gives it, but zero without its sign: a numeric has
 * no negative zero (-0.0 is 0.0), where SQLite's REAL -0.0 prints -0. */
const char *xlat_fval(const char *v)
{
	return v[0] == '-' && strspn(v + 1, "0.") == strcspn(v + 1, "eE") ? v + 1 : v;
}

static bool a_const_text(struct xlat_ctx *c, const PgQuery__AConst *k, struct xlat_type *t)
{
	t->typmod = -1;
	if (k->isnull) {
		t->oid = XLAT_OID_UNKNOWN;
		xlat_puts(c, "NULL");
		return true;
	}
	switch (k->val_case) {
	case PG_QUERY__A__CONST__VAL_IVAL:
		t->oid = XLAT_OID_INT4;
		xlat_printf(c, "%d", k->ival->ival);
		return true;
	case PG_QUERY__A__CONST__VAL_FVAL:
		t->oid = float_literal_type(k->fval->fval);
		if (t->oid == XLAT_OID_NUMERIC)
			t->typmod = xlat_literal_scale(k->fval->fval);
		xlat_puts(c, xlat_fval(k->fval->fval));
		return true;
	case PG_QUERY__A__CONST__VAL_BOOLVAL:
		t->oid = XLAT_OID_BOOL;
		xlat_puts(c, k->boolval->boolval ? "1" : "0");
		return true;
	case PG_QUERY__A__CONST__VAL_SVAL:
		t->oid = XLAT_OID_UNKNOWN;
		xlat_string(c, k->sval->sval);
		return true;
	case PG_QUERY__A__CONST__VAL_BSVAL:
		return xlat_bit_const(c, k->bsval->bsval, k->location, t);
	default:
		return xlat_unsupported(c, k->location, "a constant of this kind");
	}
}

/* The one place constants are written: the translation cache learns here where each one
 * landed, so a later statement that differs only in constants reuses this translation. */
static bool a_const(struct xlat_ctx *c, const PgQuery__AConst *k, struct xlat_type *t)
{
	/* an operand of exact arithmetic (xlat_numeric.c): a numeric constant's digits as text,
	 * all of them (a double keeps 15); the quotes stay outside the constant's slot */
	bool quote = (c->flags & XLAT_X_EXACT) && (c->flags & XLAT_X_EXACT_OPERAND) &&
		     k->val_case == PG_QUERY__A__CONST__VAL_FVAL && !k->isnull &&
		     float_literal_type(k->fval->fval) == XLAT_OID_NUMERIC;
	if (quote)
		xlat_puts(c, "'");
	size_t at = c->sb->len;
	bool ok = a_const_text(c, k, t);
	if (ok && !k->isnull)
		xlat_note_const(c, k->location, at);
	if (quote)
		xlat_puts(c, "'");
	return ok;
}

/* Inside a subquery of DELETE ... USING: a reference to the target, which PostgreSQL's
 * subquery does not see (42P01 for t.c, 42703 for a bare c only the target has). */
static bool using_ref_ok(struct xlat_ctx *c, const PgQuery__ColumnRef *cr)
{
	const char *t = c->using_target;
	const char *f0 = xlat_node_str(cr->fields[0]);
	if (cr->n_fields == 2 && f0 && strcmp(f0, t) == 0 && xlat_scope_visible(c, t, NULL) == 0) {
		xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, cr->location,
			  "invalid reference to FROM-clause entry for table \"%s\"", t);
		pgerr_hint(c->err,
			   "There is an entry for table \"%s\", but it cannot be referenced from "
			   "this part of the query.",
			   t);
		return false;
	}
	if (cr->n_fields == 1 && f0 && xlat_scope_col(c->using_cols, c->using_ncols, f0) &&
	    xlat_scope_visible(c, NULL, f0) == 0) {
		xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, cr->location,
			  "column \"%s\" does not exist", f0);
		pgerr_hint(c->err,
			   "There is a column named \"%s\" in table \"%s\", but it cannot be "
			   "referenced from this part of the query.",
			   f0, t);
		return false;
	}
	return true;
}

/* Writes a dotted column reference; schema-qualified ones follow the relation name rules. */
static bool column_ref(struct xlat_ctx *c, const PgQuery__ColumnRef *cr, struct xlat_type *t)
{
	*t = T_UNKNOWN_COL;
	const char *only = cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	if (c->domain_value && only && strcmp(only, "value") == 0) { /* a domain's CHECK */
		xlat_puts(c, c->domain_value);
		*t = c->domain_value_type;
		return true;
	}
	if (c->domain_value) /* a domain's CHECK reads VALUE alone */
		return xlat_fail(c, SQLSTATE_UNDEFINED_COLUMN, cr->location,
				 "column \"%s\" does not exist",
				 only ? only : xlat_node_str(cr->fields[cr->n_fields - 1]));
	if (c->using_target && c->hidden_levels && !using_ref_ok(c, cr))
		return false;
	const char *value = only ? xlat_scope_scalar_fn(c, only) : NULL;
	if (value) { /* jsonb_array_elements(x) AS l: l is l.value */
		struct xlat_colref r;
		return column_ref(c, xlat_colref(&r, only, value, cr->location)->column_ref, t);
	}
	if (c->retfrom && xlat_retfrom_ref(c, cr, t)) /* u.x in SET/RETURNING of ... FROM u */
		return true;
	int lat = xlat_lateral_ref(c, cr, t);
	if (!lat && c->nsrfcols)
		lat = xlat_srf_column_ref(c, cr, t);
	if (!lat) /* ctid, tableoid, xmax ... of the tenant's tables */
		lat = xlat_syscol_ref(c, cr, t);
	if (lat)
		return lat > 0;
	size_t n = cr->n_fields, first = 0;
	if (n == 2 && c->ret_rel && (c->flags & XLAT_X_STAR) &&
	    cr->fields[1]->node_case == NODE(A_STAR) && xlat_node_str(cr->fields[0]) &&
	    strcmp(xlat_node_str(cr->fields[0]), c->ret_alias ? c->ret_alias : c->ret_rel) == 0) {
		/* RETURNING t.* of the target: SQLite's RETURNING takes no TABLE.*, and its * is
		 * the target's columns alone (an UPDATE's FROM tables are not in it) */
		xlat_puts(c, "*");
		*t = xlat_scope_column_type(c, cr);
		return true;
	}
	if (n == 4)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, cr->location,
				 "cross-database references are not implemented");
	const char *f0 = n == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	const char *f1 = n == 2 ? xlat_node_str(cr->fields[1]) : NULL;
	if (c->upsert_rel && f0 && f1 && strcmp(f0, "excluded") == 0) {
		/* PostgreSQL's EXCLUDED is the row its BEFORE INSERT triggers made */
		xlat_puts(c, "shardlite_excluded(");
		xlat_string(c, c->upsert_rel);
		xlat_puts(c, ", ");
		xlat_string(c, f1);
		xlat_puts(c, ", excluded.");
		xlat_ident(c, f1);
		xlat_puts(c, ")");
		*t = xlat_scope_column_type(c, cr);
		return true;
	}
	const char *hid = n == 2 && xlat_node_str(cr->fields[0])
				  ? xlat_scope_hidden_by_alias(c, xlat_node_str(cr->fields[0]))
				  : NULL;
	/* an entry inside an aliased join, not a name nor a column in scope (errorMissingRTE) */
	const char *entry = n == 2 && f0 && f1 && !hid && !xlat_scope_visible(c, f0, NULL) &&
					    xlat_scope_visible(c, NULL, f0) <= 0
				    ? xlat_scope_join_hidden(c, f0)
				    : NULL;
	if (entry) {
		xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, cr->location,
			  "invalid reference to FROM-clause entry for table \"%s\"", f0);
		pgerr_hint(c->err,
			   "There is an entry for table \"%s\", but it cannot be referenced from "
			   "this part of the query.",
			   entry);
		return false;
	}
	if (n == 2 && f0 && f1 && !hid && xlat_scope_missing(c, f0)) /* errorMissingRTE's */
		return xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, cr->location,
				 "missing FROM-clause entry for table \"%s\"", f0);
	if (n == 2 && f0 && f1 && !hid && xlat_scope_ambiguous(c, f0)) /* scanNameSpaceForRefname */
		return xlat_fail(c, "42P09", cr->location, "table reference \"%s\" is ambiguous",
				 f0);
	if (hid) { /* FROM t AS x hides t, as in PostgreSQL's errorMissingRTE */
		xlat_fail(c, SQLSTATE_UNDEFINED_TABLE, cr->location,
			  "invalid reference to FROM-clause entry for table \"%s\"",
			  xlat_node_str(cr->fields[0]));
		pgerr_hint(c->err, "Perhaps you meant to reference the table alias \"%s\".", hid);
		return false;
	}
	const char *last = n <= 2 ? xlat_node_str(cr->fields[n - 1]) : NULL;
	const char *qual = n == 2 ? xlat_node_str(cr->fields[0]) : NULL;
	if (last && (n == 1 || qual) && xlat_scope_dup_col(c, qual, last))
		return xlat_fail(c, "42702", cr->location, "column reference \"%s\" is ambiguous",
				 last);
	if (n == 3) {
		const char *schema = xlat_node_str(cr->fields[0]);
		PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
		rv.schemaname = (char *)(schema ? schema : "");
		rv.relname = (char *)xlat_node_str(cr->fields[1]);
		rv.location = cr->location;
		size_t mark = c->sb->len;
		if (!rv.relname || !xlat_relname(c, &rv))
			return rv.relname ? false
					  : xlat_unsupported(c, cr->location, "this reference");
		/* SQLite's RETURNING knows its target by table name only: main.t.x is no column */
		if (c->ret_rel && strcmp(rv.relname, c->ret_rel) == 0) {
			c->sb->len = mark;
			xlat_ident(c, rv.relname);
		}
		xlat_puts(c, ".");
		first = 2;
	}
	/* a bare column of an ON clause: the join input PostgreSQL finds it in, when SQLite,
	 * looking through the whole FROM list, would find it twice */
	const char *bare = n == 1 ? xlat_node_str(cr->fields[0]) : NULL;
	const char *owner = bare && c->on_join && c->on_level == c->level
				    ? xlat_scope_on_owner(c, c->on_join, bare)
				    : NULL;
	if (owner) {
		xlat_ident(c, owner);
		xlat_puts(c, ".");
	}
	for (size_t i = first; i < n; i++) {
		const PgQuery__Node *f = cr->fields[i];
		if (i > first)
			xlat_puts(c, ".");
		if (f->node_case == NODE(A_STAR)) {
			if (i + 1 != n)
				return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, cr->location,
						 "improper use of \"*\"");
			if (!(c->flags & XLAT_X_STAR))
				return xlat_unsupported(
					c, cr->location,
					"a whole-row reference (t.*) in an expression");
			xlat_puts(c, "*");
		} else if (i == first && i + 2 == n && c->ret_alias &&
			   strcmp(xlat_node_str(f) ? xlat_node_str(f) : "", c->ret_alias) == 0) {
			/* SQLite's RETURNING sees the table, not the alias */
			xlat_ident(c, c->ret_rel);
		} else if (xlat_node_str(f)) {
			xlat_ident(c, xlat_node_str(f));
		} else {
			return xlat_unsupported(c, cr->location, "this column reference");
		}
	}
	*t = xlat_scope_column_type(c, cr);
	return true;
}

static bool param_ref(struct xlat_ctx *c, const PgQuery__ParamRef *p, struct xlat_type *t)
{
	if (!xlat_param(c, p->number, 0, p->location))
		return false;
	t->oid = p->number <= c->ngiven ? c->given[p->number - 1] : 0;
	t->typmod = -1;
	if (t->oid == XLAT_OID_JSONB) /* bound as sent: jsonb's value is its canonical text */
		xlat_printf(c, "pgfn_jsonb_in(?%d)", p->number);
	else
		xlat_printf(c, "?%d", p->number);
	return true;
}

/* Binding strength shared by both grammars: * / % over + -; || is its own group because
 * PostgreSQL binds it looser than + and SQLite tighter than anything. */
static int arith_level(const char *op)
{
	if (strcmp(op, "*") == 0 || strcmp(op, "/") == 0 || strcmp(op, "%") == 0)
		return 2;
	if (strcmp(op, "+") == 0 || strcmp(op, "-") == 0)
		return 1;
	return strcmp(op, "||") == 0 ? 10 : 0;
}

/* An operand of an arithmetic or || operator: a child that binds at least as tightly in both
 * grammars (and on the left, where both associate) goes without parentheses. */
static bool arith_operand(struct xlat_ctx *c, const PgQuery__Node *n, const char *parent, bool left,
			  struct xlat_type *t)
{
	int pl = arith_level(parent);
	if (pl && is_arith(n)) {
		int cl = arith_level(xlat_node_str(n->a_expr->name[0]));
		bool same_group = (cl == 10) == (pl == 10);
		if (cl && same_group && (cl > pl || (cl == pl && left)))
			return xlat_expr(c, n, t);
	}
	return xlat_operand(c, n, t);
}

/* A divisor that is a non-zero numeric constant needs no run-time check. */
static bool nonzero_constant(struct xlat_ctx *c, const PgQuery__Node *n)
{
	const PgQuery__AConst *k = xlat_const_value(c, n);
	if (!k || k->isnull)
		return false;
	if (k->val_case == PG_QUERY__A__CONST__VAL_IVAL)
		return k->ival->ival != 0;
	return k->val_case == PG_QUERY__A__CONST__VAL_FVAL &&
	       strspn(k->fval->fval, "0.") < strcspn(k->fval->fval, "eE");
}

/* The right operand of / and %: SQLite answers NULL for a zero divisor where PostgreSQL
 * raises 22012, so a divisor that may be zero goes through shardlite_divisor(), which pgfn
 * registers on every connection (it raises 22012 "division by zero"). */
static bool divisor(struct xlat_ctx *c, const PgQuery__Node *n, const char *op, struct xlat_type *t)
{
	if (n->node_case == NODE(A_CONST) && nonzero_constant(c, n))
		return arith_operand(c, n, op, false, t);
	xlat_puts(c, "shardlite_divisor(");
	bool ok = xlat_expr(c, n, t);
	xlat_puts(c, ")");
	return ok;
}

/* A float or numeric quotient checks its divisor itself, after NaN (NaN / 0 is NaN, as in
 * PostgreSQL): shardlite_divisor(x) at rstart becomes likely(x), SQLite's no-op, written in
 * place so that the constants' recorded offsets stay true. */
static void own_zero_check(struct xlat_ctx *c, size_t rstart)
{
	static const char wrapper[] = "shardlite_divisor(";
	struct strbuf *sb = c->sb;
	size_t n = sizeof(wrapper) - 1;
	if (sb->failed || sb->len < rstart + n || memcmp(sb->data + rstart, wrapper, n) != 0)
		return;
	memset(sb->data + rstart, ' ', n - 7);
	memcpy(sb->data + rstart + n - 7, "likely(", 7);
}

/* A literal SQLite reads as a REAL (it has a point or an exponent): division by or of it is
 * not integer division. */
static bool real_literal(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL &&
	       strpbrk(n->a_const->fval->fval, ".eE") != NULL;
}

/* Where a tenant's schema keeps the expression (CHECK, DEFAULT, an index's or a view's): no
 * shardlite function for numeric arithmetic there, so that other SQLite tools can read and
 * write the file and a view keeps a PostgreSQL definition (pg_get_viewdef); a NaN, stored as
 * text, reads as 0 in it. */
static bool schema_kept(const struct xlat_ctx *c)
{
	return (c->flags & XLAT_X_NOSUBQUERY) ||
	       (c->top_stmt && c->top_stmt->node_case == NODE(VIEW_STMT));
}

/* Numeric + - * / outside the exact engine: pgfn_nadd(a, b) & co. (pgfn_numfn.c), SQLite's
 * arithmetic but NaN-aware (a NaN is stored as the text 'NaN', which SQLite reads as 0), and
 * a quotient always a REAL (numeric values of integral value are SQLite INTEGERs). " op "
 * becomes ", " plus blanks in place, so the constants' recorded offsets stay true. */
static void numeric_op(struct xlat_ctx *c, char op, size_t mark, size_t lend, size_t rstart)
{
	static const char *const fns[] = {"pgfn_nadd(", "pgfn_nsub(", "pgfn_nmul(", "pgfn_ndiv("};
	struct strbuf *sb = c->sb;
	if (rstart - lend < 2 || sb->failed)
		return;
	memset(sb->data + lend, ' ', rstart - lend);
	sb->data[lend] = ',';
	xlat_insert_at(c, mark, fns[strchr("+-*/", op) - "+-*/"]);
	xlat_puts(c, ")");
}

/* A comparison's operand at [start, end) of the buffer as the argument of fn. */
static void wrap_operand(struct xlat_ctx *c, size_t start, size_t end, const char *fn)
{
	xlat_insert_at(c, end, ")");
	xlat_insert_at(c, start, arena_printf(c->a, "%s(", fn));
}

/* The catalog keeps a regproc value (pg_type.typinput ...) as the function's name, which
 * prints as PostgreSQL prints it; compared with an OID (JOIN pg_proc p ON p.oid = t.typinput,
 * as Ruby pg's BasicTypeMap asks) the name is looked up (pg_regproc_match: a name several
 * functions share matches none). The operands sit at [mark, lend) and [rstart, end of the
 * buffer). */
static void regproc_cmp(struct xlat_ctx *c, struct xlat_type l, struct xlat_type r, size_t mark,
			size_t lend, size_t rstart)
{
	bool lp = l.oid == XLAT_OID_REGPROC, rp = r.oid == XLAT_OID_REGPROC;
	if (lp == rp)
		return;
	uint32_t other = lp ? r.oid : l.oid;
	if (other != XLAT_OID_OID && (numeric_rank(other) < 1 || numeric_rank(other) > 3))
		return;
	if (rp)
		wrap_operand(c, rstart, c->sb->len, "pg_regproc_match");
	else
		wrap_operand(c, mark, lend, "pg_regproc_match");
}

/* A regclass, regtype or regnamespace value of a parameter or variable is its name, which
 * compares as PostgreSQL compares the OIDs (oideq, with an OID or another such value): each
 * such operand is looked up; a string literal beside one is an oid's digits (22P02 else). */
static bool reg_cmp(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type l,
		    struct xlat_type r, size_t mark, size_t lend, size_t rstart)
{
	/* regrole too: its value is the role's name (r.oid = current_user::regrole) */
	const char *lin =
		xlat_catalog_reg_input(xlat_type_reg_oid(l.oid) || l.oid == 4096 ? l.oid : 0);
	const char *rin =
		xlat_catalog_reg_input(xlat_type_reg_oid(r.oid) || r.oid == 4096 ? r.oid : 0);
	if (!lin && !rin)
		return true;
	bool rstr = r.oid == XLAT_OID_TEXT || r.oid == XLAT_OID_UNKNOWN;
	bool lstr = l.oid == XLAT_OID_TEXT || l.oid == XLAT_OID_UNKNOWN;
	/* PostgreSQL compares them with oideq, reading a string literal as an oid */
	const PgQuery__Node *lit = rstr && lin ? e->rexpr : lstr && rin ? e->lexpr : NULL;
	const char *s = lit && lit->node_case == NODE(A_CONST) &&
					lit->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL
				? lit->a_const->sval->sval
				: NULL;
	if (s && (!*s || strspn(s, "0123456789") != strlen(s)))
		return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, lit->a_const->location,
				 "invalid input syntax for type oid: \"%s\"", s);
	if (rin || (lin && rstr)) /* the right one first: the left one's offsets stay */
		wrap_operand(c, rstart, c->sb->len, rin ? rin : lin);
	if (lin || (rin && lstr))
		wrap_operand(c, mark, lend, lin ? lin : rin);
	return true;
}

/* A numeric parameter binds as its text, so its digits and scale reach the output; SQLite
 * compares that text with a number that has no column affinity as text ($1 < 2 is false for
 * '1.5'). As a comparison operand it is read as a number first, as $1::numeric is
 * (xlat_cast.c; a NaN stays 'NaN', which sorts above every number). The operand's text is
 * at [start, end); returns how much longer it became. So is a numeric result of the tenant's
 * function (xlat_call.c), which comes back as its decimal text too, and a scalar subquery's
 * numeric (which may be such a result): read once, by shardlite_num_in, which passes a
 * number through (f(10) < 1000 compared the text '12.0' above every number). */
size_t xlat_numeric_param_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t,
				  size_t start, size_t end)
{
	if (t.oid != XLAT_OID_NUMERIC || c->sb->failed)
		return 0;
	const char *at = c->sb->data + start;
	size_t len = end - start, nc = strlen(XLAT_CALL_FN "("), ni = strlen(XLAT_ICALL_FN "(");
	if ((n->node_case == NODE(FUNC_CALL) &&
	     ((len > nc && strncmp(at, XLAT_CALL_FN "(", nc) == 0) ||
	      (len > ni && strncmp(at, XLAT_ICALL_FN "(", ni) == 0))) ||
	    n->node_case == NODE(SUB_LINK)) {
		size_t before = c->sb->len;
		xlat_insert_at(c, end, ", 'n')");
		xlat_insert_at(c, start, "shardlite_num_in(");
		return c->sb->len - before;
	}
	if (n->node_case != NODE(PARAM_REF))
		return 0;
	int k = n->param_ref->number;
	size_t before = c->sb->len;
	xlat_insert_at(c, end, arena_printf(c->a, " = 'NaN', 'NaN', CAST(?%d AS NUMERIC))", k));
	xlat_insert_at(c, start, "iif(");
	return c->sb->len - before;
}

/* A type's family for the operators of two operands: values of different families have no
 * common operator in PostgreSQL (text = integer, date > integer, boolean = integer: 42883),
 * where SQLite would compare or add them anyway. 0: any other type, not judged here. */
static int op_family(uint32_t oid)
{
	if (numeric_rank(oid))
		return 1;
	if (is_texty(oid))
		return 2;
	switch (oid) {
	case XLAT_OID_BOOL:
		return 3;
	case XLAT_OID_DATE:
	case XLAT_OID_TIMESTAMP:
	case XLAT_OID_TIMESTAMPTZ:
		return 4;
	case XLAT_OID_UUID:
		return 5;
	case XLAT_OID_BIT:
	case XLAT_OID_VARBIT:
		return 6;
	default:
		return 0;
	}
}

/* An operand whose type is certain while translating: a column of the tenant's schema, a
 * number literal (not a string literal, which takes the other side's type) or a parameter
 * whose type the client gave in Parse (pgx gives every one). */
static bool certain_operand(const struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t)
{
	if (!t.oid || t.oid == XLAT_OID_UNKNOWN)
		return false;
	if (n->node_case == NODE(PARAM_REF)) {
		int k = n->param_ref->number;
		return k >= 1 && k <= c->ngiven && c->given[k - 1] == t.oid;
	}
	if (n->node_case == NODE(A_CONST))
		return !n->a_const->isnull &&
		       (n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL ||
			n->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL ||
			n->a_const->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL ||
			n->a_const->val_case == PG_QUERY__A__CONST__VAL_BSVAL);
	return n->node_case == NODE(COLUMN_REF);
}

/* 42883 for a comparison or + - * / of two certain operands of different families. */
static bool operand_families(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
			     struct xlat_type l, struct xlat_type r)
{
	int fl = op_family(l.oid), fr = op_family(r.oid);
	bool arith = strchr("+-*/", op[0]) && !op[1];
	if (!fl || !fr || fl == fr || !certain_operand(c, e->lexpr, l) ||
	    !certain_operand(c, e->rexpr, r) || (arith && (fl == 4 || fr == 4)))
		return true; /* date + integer exists; date/time arithmetic is xlat_datetime.c's */
	return xlat_no_operator(c, op, l.oid, r.oid, e->location);
}

/* integer << and >>: of the left operand's type (int2 << int4 is int2), wrapped to its width
 * as int2shl/int4shl/int8shl compute it (pgfn_shl, pgfn_shr); SQLite's shifts are 64-bit. The
 * operands, written at mark..lend and rstart..end, move into the call. 1 emitted, 0 not
 * integers, -1 failed (42883: the count is an int4, and numbers other than integers have no
 * shift). */
static int int_shift(struct xlat_ctx *c, const char *op, size_t mark, size_t lend, size_t rstart,
		     struct xlat_type l, struct xlat_type r, struct xlat_type *t)
{
	int lr = numeric_rank(l.oid), rr = numeric_rank(r.oid);
	if (lr >= 1 && rr >= 1 && (lr > 3 || rr > 2))
		return xlat_no_operator(c, op, l.oid, r.oid, -1) ? 1 : -1;
	if (lr < 1 || lr > 3 || rr < 1 || rr > 2 || rstart - lend < 2 || c->sb->failed)
		return 0;
	memset(c->sb->data + lend, ' ', rstart - lend);
	c->sb->data[lend] = ',';
	xlat_insert_at(c, mark, op[0] == '<' ? "pgfn_shl(" : "pgfn_shr(");
	xlat_printf(c, ", %d)", lr == 1 ? 16 : lr == 2 ? 32 : 64);
	*t = (struct xlat_type){l.oid, -1};
	return true;
}

/* The operator that reads e's operands the other way round, when e compares an untyped
 * string literal on the left with a column or expression on the right: PostgreSQL gives the
 * literal the other operand's type, which xlat_infer_literal does for a right operand only
 * (a real column against '1004.3' must compare with the real 1004.3, not the double). */
static const char *commutator(const struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op)
{
	static const char *const pairs[][2] = {{"=", "="}, {"<>", "<>"}, {"<", ">"},
					       {">", "<"}, {"<=", ">="}, {">=", "<="}};
	const PgQuery__Node *l = e->lexpr, *r = e->rexpr;
	/* a number or boolean constant on the right too ('1' = 1, 'true' = true): the literal
	 * is read as its type, which SQLite's text-to-number comparison would not do */
	if (!c->schema || !l || !r || l->node_case != PG_QUERY__NODE__NODE_A_CONST ||
	    l->a_const->isnull || l->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
	    (r->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	     (r->a_const->isnull || r->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL ||
	      r->a_const->val_case == PG_QUERY__A__CONST__VAL_BSVAL)) ||
	    r->node_case == PG_QUERY__NODE__NODE_PARAM_REF)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(pairs); i++)
		if (strcmp(pairs[i][0], op) == 0)
			return pairs[i][1];
	return NULL;
}

/* Whether n is a string constant ('abc', not NULL). */
static bool str_const(const PgQuery__Node *n)
{
	return n && n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

/* A string type's value (not an untyped literal): no comparison with a boolean exists. */
static bool text_typed(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR;
}

/* Whether n's type is the one the statement writes (a constant, a cast), not a column's or a
 * function's, which the catalog's emulated relations do not all type as PostgreSQL does. */
static bool written_type(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) || n->node_case == NODE(TYPE_CAST);
}

/* An untyped string literal beside an integer in arithmetic (3 + 'h', a + '1.5') takes the
 * integer's type, as PostgreSQL resolves it: int2in/int4in/int8in must read it (22P02 at the
 * literal), where SQLite would read 'h' as 0. Its value reaches SQLite as written. */
static bool int_literal_operand(struct xlat_ctx *c, const PgQuery__Node *lit,
				struct xlat_type other)
{
	if (!str_const(lit) || (other.oid != XLAT_OID_INT2 && other.oid != XLAT_OID_INT4 &&
				other.oid != XLAT_OID_INT8))
		return true;
	const char *s = lit->a_const->sval->sval, *p = s;
	p += strspn(p, " \t\n\r\f\v");
	p += *p == '+' || *p == '-';
	size_t digits = strspn(p, "0123456789");
	p += digits;
	p += strspn(p, " \t\n\r\f\v");
	if (digits && !*p)
		return true;
	return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, lit->a_const->location,
			 "invalid input syntax for type %s: \"%s\"",
			 other.oid == XLAT_OID_INT2   ? "smallint"
			 : other.oid == XLAT_OID_INT4 ? "integer"
						      : "bigint",
			 s);
}

static bool binary_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
		      struct xlat_type *t)
{
	const struct binop *b = find_binop(op);
	struct xlat_type l, r;
	if (!b)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, e->location,
				 "operator %s is not supported", op);
	bool cmp = b->cls == OPC_CMP;
	bool div = strcmp(op, "/") == 0 || strcmp(op, "%") == 0;
	int tid = cmp ? xlat_syscol_cmp(c, e, op, t) : 0; /* ctid = '(0,3)': by rowid */
	if (tid)
		return tid > 0;
	const char *commuted = cmp ? commutator(c, e, op) : NULL;
	if (commuted) { /* '1004.3' > r as r < '1004.3': the literal is read as r's type */
		PgQuery__AExpr swapped = *e;
		swapped.lexpr = e->rexpr;
		swapped.rexpr = e->lexpr;
		return binary_op(c, &swapped, commuted, t);
	}
	size_t mark = c->sb->len;
	unsigned operand = c->flags & XLAT_X_EXACT_OPERAND, exact = c->flags & XLAT_X_EXACT;
	if (b->cls == OPC_CONCAT) /* operands become text: exact (xlat_textout.c) */
		xlat_text_exact(c);
	if ((c->flags & XLAT_X_EXACT) && strlen(op) == 1 && strchr("+-*/%", op[0]))
		c->flags |= XLAT_X_EXACT_OPERAND;
	if (b->cls == OPC_CONCAT && xlat_catalog_reg_named(e->lexpr))
		c->flags |= XLAT_X_RESULT; /* 'x' || 'users'::regclass: its name */
	if (!(cmp ? xlat_cmp_operand(c, e->lexpr, &l) : arith_operand(c, e->lexpr, op, true, &l)))
		return false;
	size_t lend = c->sb->len;
	xlat_printf(c, " %s ", op);
	size_t rstart = c->sb->len;
	int lit = cmp ? xlat_infer_literal(c, e->rexpr, l) : 0;
	if (lit < 0)
		return false;
	if (lit)
		r = l;
	else if (b->cls == OPC_CONCAT && xlat_catalog_reg_named(e->rexpr))
		c->flags |= XLAT_X_RESULT;
	if (!lit && !(cmp   ? xlat_cmp_operand(c, e->rexpr, &r)
		      : div ? divisor(c, e->rexpr, op, &r)
			    : arith_operand(c, e->rexpr, op, false, &r)))
		return false;
	c->flags = (c->flags & ~(unsigned)(XLAT_X_EXACT_OPERAND | XLAT_X_EXACT)) | operand | exact;
	if ((cmp || (b->cls == OPC_ARITH && strchr("+-*/", op[0]))) && !lit &&
	    !operand_families(c, e, op, l, r))
		return false;
	if (b->cls != OPC_CONCAT && !xlat_xid_operator(c, op, l, r, e->location))
		return false; /* xid: = and <> only */
	if (cmp && (l.oid == XLAT_OID_JSON || r.oid == XLAT_OID_JSON) &&
	    l.oid != XLAT_OID_UNKNOWN_COL && r.oid != XLAT_OID_UNKNOWN_COL)
		return xlat_no_operator(c, op, l.oid, r.oid, e->location); /* json: none */
	if (cmp &&
	    ((text_typed(l.oid) && r.oid == XLAT_OID_BOOL) ||
	     (l.oid == XLAT_OID_BOOL && text_typed(r.oid))) &&
	    written_type(e->lexpr) && written_type(e->rexpr))
		return xlat_no_operator(c, op, l.oid, r.oid, e->location); /* text = boolean */
	if (b->cls == OPC_ARITH && strlen(op) == 1 && strchr("+-*/%", op[0]) &&
	    (!int_literal_operand(c, e->lexpr, r) || !int_literal_operand(c, e->rexpr, l)))
		return false;
	if (b->cls != OPC_CONCAT || xlat_bit_type(l.oid) || xlat_bit_type(r.oid))
		xlat_infer_pair(c, e->lexpr, &l, e->rexpr, &r); /* bit || $1: the bits' || */
	if (cmp) {
		xlat_numeric_param_operand(c, e->rexpr, r, rstart, c->sb->len);
		size_t grew = xlat_numeric_param_operand(c, e->lexpr, l, mark, lend);
		lend += grew;
		rstart += grew;
	}
	if (cmp)
		xlat_bpchar_cmp(c, e->lexpr, l, e->rexpr, r, mark, lend, rstart);
	const char *coll = NULL; /* composites: field by field (xlat_comptype.c) */
	if (cmp && !xlat_comptype_cmp(c, op, l, r, e->location, &coll))
		return false;
	if (cmp && !coll)
		coll = xlat_enum_collation(c, xlat_enum_by_oid(c, l.oid, NULL) ? l.oid : r.oid);
	if (cmp && !coll) /* inet: in network_cmp's order (xlat_net.c) */
		coll = xlat_net_collation(l.oid, r.oid, op);
	if (cmp && !xlat_citext_array_cmp_check(c, l.oid, r.oid, e->location))
		return false;
	if (cmp && !coll) /* citext: ASCII letters folded, or text's bytes (xlat_citext.c) */
		coll = xlat_citext_collation(l.oid, r.oid);
	if (cmp && !coll) /* "char": its bytes unsigned (xlat_char.c) */
		coll = xlat_char_collation(l.oid, r.oid, op);
	if (cmp && !coll) /* ranges: in range_cmp's order (xlat_range.c) */
		coll = xlat_range_collation(l.oid, r.oid);
	if (cmp && !coll) /* tsvector, tsquery: their btree order (xlat_tsearch.c) */
		coll = xlat_ts_collation(l.oid, r.oid);
	if (cmp && !coll) /* arrays: element by element (xlat_array.c) */
		coll = xlat_array_collation(l.oid, r.oid, op);
	if (cmp && !coll) /* jsonb: its btree order (xlat_json.c) */
		coll = xlat_jsonb_collation(l.oid, r.oid, op);
	if (coll && (l.oid == XLAT_OID_JSONB || r.oid == XLAT_OID_JSONB) &&
	    !xlat_enum_by_oid(c, l.oid, NULL) && !xlat_enum_by_oid(c, r.oid, NULL)) {
		/* both sides as text: a jsonb column holds a bare number as an SQLite number,
		 * which SQLite would order before every text whatever the collation */
		xlat_jsonb_sort_text(c, rstart);
		xlat_insert_at(c, lend, arena_printf(c->a, " AS TEXT)%s", coll));
		xlat_insert_at(c, mark, "CAST(");
	} else if (coll) { /* enums compare by their sort order: the left operand carries it */
		xlat_insert_at(c, lend, arena_printf(c->a, ")%s", coll));
		xlat_insert_at(c, mark, "(");
	}
	if (cmp)
		regproc_cmp(c, l, r, mark, lend, rstart);
	if (cmp && !reg_cmp(c, e, l, r, mark, lend, rstart))
		return false;
	if ((cmp || b->cls == OPC_ARITH) &&
	    (xlat_type_is_temporal(l.oid) || xlat_type_is_temporal(r.oid))) {
		/* date/time operators are functions: move the operands into their call */
		char *ls = arena_strndup(c->a, c->sb->data + mark, lend - mark);
		char *rs = arena_strndup(c->a, c->sb->data + rstart, c->sb->len - rstart);
		struct strbuf *sb = c->sb;
		sb->len = mark;
		sb->data[mark] = '\0';
		int h = xlat_dt_operator(c, op, ls, l, rs, r, e->location, t);
		if (h) {
			xlat_nocache(c);
			return h > 0;
		}
		xlat_printf(c, "%s %s %s", ls, op, rs);
	}
	if (b->cls == OPC_ARITH && (xlat_range_type(l.oid) || xlat_range_type(r.oid) ||
				    xlat_multirange_type(l.oid) || xlat_multirange_type(r.oid))) {
		/* range union, intersection and difference are functions (xlat_range.c): " op "
		 * becomes ", " in place, as numeric_op does */
		if (!c->sb->failed && rstart - lend >= 2) {
			memset(c->sb->data + lend, ' ', rstart - lend);
			c->sb->data[lend] = ',';
		}
		int h = xlat_range_operator(c, op, mark, lend, rstart, l, r, e->location, t);
		if (!h)
			h = xlat_no_operator(c, op, l.oid, r.oid, e->location) ? 1 : -1;
		return h > 0;
	}
	if ((cmp || b->cls == OPC_ARITH) && (l.oid == XLAT_OID_MONEY || r.oid == XLAT_OID_MONEY)) {
		/* money arithmetic is functions; comparisons of the cents plain (xlat_money.c) */
		char *ls = arena_strndup(c->a, c->sb->data + mark, lend - mark);
		char *rs = arena_strndup(c->a, c->sb->data + rstart, c->sb->len - rstart);
		size_t end = c->sb->len;
		c->sb->len = mark;
		int h = xlat_money_operator(c, op, ls, l, rs, r, e->location, t);
		if (h)
			return h > 0;
		c->sb->len = end;
	}
	if (b->cls != OPC_CMP && (xlat_bit_type(l.oid) || xlat_bit_type(r.oid))) {
		/* bit-string operators are functions (xlat_bit.c) */
		char *ls = arena_strndup(c->a, c->sb->data + mark, lend - mark);
		char *rs = arena_strndup(c->a, c->sb->data + rstart, c->sb->len - rstart);
		size_t end = c->sb->len;
		c->sb->len = mark;
		int h = xlat_bit_operator(c, op, ls, l, rs, r, e->location, t);
		if (h) {
			xlat_nocache(c);
			return h > 0;
		}
		c->sb->len = end;
	}
	if (xlat_ts_type(l.oid) || xlat_ts_type(r.oid)) {
		/* tsvector || tsvector, tsquery && || <->: functions (xlat_tsearch.c) */
		char *ls = arena_strndup(c->a, c->sb->data + mark, lend - mark);
		char *rs = arena_strndup(c->a, c->sb->data + rstart, c->sb->len - rstart);
		size_t end = c->sb->len;
		c->sb->len = mark;
		int h = xlat_ts_operator(c, op, ls, l, rs, r, e->location, t);
		if (h) {
			xlat_nocache(c);
			return h > 0;
		}
		c->sb->len = end;
	}
	if ((b->cls == OPC_BIT || (b->cls == OPC_ARITH && strchr("+-", op[0]))) &&
	    (xlat_net_type(l.oid) || xlat_net_type(r.oid) || strlen(op) > 2 || op[1] == '&')) {
		/* inet operators are functions: the operands move into their call */
		char *ls = arena_strndup(c->a, c->sb->data + mark, lend - mark);
		char *rs = arena_strndup(c->a, c->sb->data + rstart, c->sb->len - rstart);
		size_t end = c->sb->len;
		c->sb->len = mark;
		int h = xlat_net_operator(c, op, ls, l, rs, r, e->location, t);
		if (h) {
			xlat_nocache(c);
			return h > 0;
		}
		c->sb->len = end;
	}
	if (op[0] == '/' && !op[1] &&
	    (is_float(l.oid) || is_float(r.oid) ||
	     (arith_type(l, r).oid == XLAT_OID_NUMERIC && !schema_kept(c))))
		own_zero_check(c, rstart);
	if (b->cls == OPC_ARITH && strchr("+-*/", op[0]) && !xlat_type_is_temporal(l.oid) &&
	    !xlat_type_is_temporal(r.oid) && (is_float(l.oid) || is_float(r.oid))) {
		/* NaN is stored as text, which SQLite's arithmetic reads as 0; and SQLite turns
		 * a NaN result (Infinity - Infinity) into NULL: pgfn_fop keeps both */
		char *ls = arena_strndup(c->a, c->sb->data + mark, lend - mark);
		char *rs = arena_strndup(c->a, c->sb->data + rstart, c->sb->len - rstart);
		c->sb->len = mark;
		c->sb->data[mark] = '\0';
		/* a real operand of a double precision operation is widened with its float's
		 * binary value (real 1.1 * 2 is 2.200000047683716), as PostgreSQL's */
		bool wide = arith_type(l, r).oid == XLAT_OID_FLOAT8 && !schema_kept(c);
		if (wide && l.oid == XLAT_OID_FLOAT4)
			ls = arena_printf(c->a, "pgfn_f4(%s)", ls);
		if (wide && r.oid == XLAT_OID_FLOAT4)
			rs = arena_printf(c->a, "pgfn_f4(%s)", rs);
		/* '*4': real op real, whose result must fit a real (22003) */
		bool real = arith_type(l, r).oid == XLAT_OID_FLOAT4 && !schema_kept(c);
		xlat_printf(c, "pgfn_fop(%s, '%c%s', %s)", ls, op[0], real ? "4" : "", rs);
	}
	const char *overflow = xlat_checks_on(c) ? xlat_infer_overflow_fn(l, r, op) : NULL;
	if (overflow) { /* SQLite's 64-bit result, checked against the PostgreSQL type */
		xlat_insert_at(c, mark, arena_printf(c->a, "%s(", overflow));
		xlat_puts(c, ")");
	}
	bool num_mod = strcmp(op, "%") == 0 &&
		       (numeric_rank(l.oid) == 4 || numeric_rank(r.oid) == 4) &&
		       numeric_rank(l.oid) < 5 && numeric_rank(r.oid) < 5 &&
		       !(c->flags & XLAT_X_NOSUBQUERY); /* a view may call pgfn_mod, CHECK not */
	if (strcmp(op, "%") == 0 && (numeric_rank(l.oid) >= 5 || numeric_rank(r.oid) >= 5) &&
	    numeric_rank(l.oid) >= 1 && numeric_rank(r.oid) >= 1) /* no float % */
		return xlat_no_operator(c, op, l.oid, r.oid, e->location);
	if (strcmp(op, "%") == 0 && !num_mod &&
	    (numeric_rank(l.oid) >= 4 || numeric_rank(r.oid) >= 4))
		return xlat_unsupported(c, e->location, "% on a non-integer value");
	int shift = strcmp(op, "<<") == 0 || strcmp(op, ">>") == 0
			    ? int_shift(c, op, mark, lend, rstart, l, r, t)
			    : 0;
	if (shift)
		return shift > 0;
	switch (b->cls) {
	case OPC_CMP:
		*t = T_BOOL;
		break;
	case OPC_CONCAT:
		if ((l.oid == XLAT_OID_BYTEA &&
		     (r.oid == XLAT_OID_BYTEA || r.oid == XLAT_OID_UNKNOWN)) ||
		    (r.oid == XLAT_OID_BYTEA && l.oid == XLAT_OID_UNKNOWN)) {
			/* byteacat: the bytes joined (SQLite's || of blobs answers text); an
			 * untyped literal beside it is bytea's input ('\x62') */
			*t = (struct xlat_type){XLAT_OID_BYTEA, -1};
			if (r.oid == XLAT_OID_UNKNOWN && str_const(e->rexpr)) {
				c->sb->len = rstart;
				if (!xlat_cast_string(c, e->rexpr, XLAT_OID_BYTEA, -1))
					return false;
			} else if (l.oid == XLAT_OID_UNKNOWN && str_const(e->lexpr)) {
				char *right =
					arena_strndup(c->a, c->sb->data + lend, c->sb->len - lend);
				c->sb->len = mark;
				if (!xlat_cast_string(c, e->lexpr, XLAT_OID_BYTEA, -1))
					return false;
				xlat_puts(c, right);
				xlat_nocache(c); /* the literal's text moved */
			}
			xlat_insert_at(c, mark, "CAST(");
			xlat_puts(c, " AS BLOB)");
			break;
		}
		if (!xlat_concat_ok(l.oid, r.oid)) {
			xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, e->location,
				  "operator does not exist: %s || %s",
				  xlat_type_by_oid(l.oid)->sql_name,
				  xlat_type_by_oid(r.oid)->sql_name);
			pgerr_hint(c->err, "No operator matches the given name and argument types. "
					   "You might need to add explicit type casts.");
			return false;
		}
		*t = (struct xlat_type){XLAT_OID_TEXT, -1};
		/* each operand as its cast to text shows it; the right first: the left's
		 * wrapping moves it */
		xlat_text_form(c, rstart, c->sb->len, r, XLAT_TF_CAST);
		xlat_text_form(c, mark, lend, l, XLAT_TF_CAST);
		break;
	default:
		*t = arith_type(l, r);
		xlat_numeric_arith(t, l, r, op);
		break;
	}
	if (t->oid == XLAT_OID_NUMERIC && (c->flags & XLAT_X_EXACT) &&
	    xlat_exact_arith(c, op[0], mark, lend, rstart, l, r))
		return true;
	if (num_mod && rstart - lend >= 2 && !c->sb->failed) {
		/* numeric % numeric: mod_var's remainder (SQLite's % would cut both to integers) */
		memset(c->sb->data + lend, ' ', rstart - lend);
		c->sb->data[lend] = ',';
		xlat_insert_at(c, mark, "pgfn_mod(");
		xlat_puts(c, ")");
		return true;
	}
	bool numeric = t->oid == XLAT_OID_NUMERIC && b->cls == OPC_ARITH && strchr("+-*/", op[0]) &&
		       !is_float(l.oid) && !is_float(r.oid);
	if (numeric && !schema_kept(c)) {
		numeric_op(c, op[0], mark, lend, rstart);
	} else if (numeric && op[0] == '/' && !real_literal(e->lexpr) && !real_literal(e->rexpr)) {
		/* numeric values of integral value are SQLite INTEGERs: divide as REALs */
		xlat_insert_at(c, lend, " AS REAL)");
		xlat_insert_at(c, mark, "CAST(");
	}
	return true;
}

/* 1-3 for int2/int4/int8, 0 when not known, -1 for any other type. */
static int int_rank_of(struct xlat_type t)
{
	if (!t.oid || t.oid == XLAT_OID_UNKNOWN)
		return 0;
	return numeric_rank(t.oid) >= 1 && numeric_rank(t.oid) <= 3 ? numeric_rank(t.oid) : -1;
}

static const char *type_name(struct xlat_type t)
{
	const struct xlat_typeinfo *i = xlat_type_by_oid(t.oid);
	return i ? i->sql_name : "unknown";
}

/* a # b: integer xor; int2, int4 or int8 as the wider operand (as its other bit operators). */
static bool int_xor(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	struct xlat_type l, r;
	size_t mark = c->sb->len;
	xlat_puts(c, "pgfn_xor(");
	size_t lstart = c->sb->len;
	if (!xlat_expr(c, e->lexpr, &l))
		return false;
	size_t lend = c->sb->len;
	xlat_puts(c, ", ");
	size_t rstart = c->sb->len;
	if (!xlat_expr(c, e->rexpr, &r))
		return false;
	size_t rend = c->sb->len;
	xlat_puts(c, ")");
	xlat_infer_pair(c, e->lexpr, &l, e->rexpr, &r);
	if (xlat_bit_type(l.oid) || xlat_bit_type(r.oid)) { /* bitxor (xlat_bit.c) */
		char *ls = arena_strndup(c->a, c->sb->data + lstart, lend - lstart);
		char *rs = arena_strndup(c->a, c->sb->data + rstart, rend - rstart);
		c->sb->len = mark;
		c->sb->data[mark] = '\0';
		xlat_nocache(c);
		return xlat_bit_operator(c, "#", ls, l, rs, r, e->location, t) > 0;
	}
	int lr = int_rank_of(l), rr = int_rank_of(r);
	if (lr < 0 || rr < 0) {
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, e->location,
			  "operator does not exist: %s # %s", type_name(l), type_name(r));
		pgerr_hint(c->err, "No operator matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return false;
	}
	*t = (struct xlat_type){lr >= rr && lr ? l.oid : rr ? r.oid : XLAT_OID_INT4, -1};
	return true;
}

/* Whether PostgreSQL has prefix operator op ('-', '+', '~') for built-in type oid: the
 * numbers (- also of interval; ~ of the integers, bit strings and addresses). 0 (a type the
 * translator does not know) and the tenant's own types (a domain) are not judged here. */
static bool prefix_type_ok(char op, uint32_t oid)
{
	if (!oid || oid >= 16384)
		return true;
	bool integer = oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8;
	if (op == '~')
		return integer || xlat_bit_type(oid) || xlat_net_type(oid);
	return integer || is_float(oid) || oid == XLAT_OID_NUMERIC ||
	       (op == '-' && oid == XLAT_OID_INTERVAL);
}

static bool prefix_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op,
		      struct xlat_type *t)
{
	/* |/ and ||/ are float8's (2201F for a negative square root, as dsqrt) */
	const char *fn = strcmp(op, "@") == 0     ? "abs"
			 : strcmp(op, "|/") == 0  ? "pgfn_sqrt"
			 : strcmp(op, "||/") == 0 ? "pgfn_cbrt"
						  : NULL;
	if (fn) {
		size_t at = c->sb->len;
		xlat_printf(c, "%s(", fn);
		bool ok = xlat_expr(c, e->rexpr, t);
		const char *exact = *fn == 'a' ? xlat_exact_trans(c, "abs", t, 1, at + 3) : NULL;
		xlat_puts(c, ")");
		if (exact) { /* @ x of a numeric: its digits and scale, as abs(x) */
			xlat_insert_at(c, at, "pgfn_num_");
			*t = (struct xlat_type){XLAT_OID_NUMERIC, -1};
		} else if (*fn == 'a' && (t->oid == XLAT_OID_FLOAT4 || t->oid == XLAT_OID_FLOAT8 ||
					  t->oid == XLAT_OID_INT8)) {
			xlat_insert_at(c, at, "pgfn_"); /* as abs(x): NaN, -0, bigint's range */
		}
		if (*fn == 'p')
			*t = (struct xlat_type){XLAT_OID_FLOAT8, -1};
		return ok;
	}
	if (strcmp(op, "-") != 0 && strcmp(op, "+") != 0 && strcmp(op, "~") != 0)
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, e->location,
				 "prefix operator %s is not supported", op);
	size_t mark = c->sb->len;
	xlat_puts(c, op);
	if (!xlat_operand(c, e->rexpr, t))
		return false;
	const PgQuery__Node *arg = e->rexpr;
	if (arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
	    (arg->a_const->isnull || arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) &&
	    (t->oid == XLAT_OID_UNKNOWN || t->oid == XLAT_OID_UNKNOWN_COL)) {
		/* -'5', -NULL: every numeric type's operator would take it */
		xlat_fail(c, "42725", e->location, "operator is not unique: %s unknown", op);
		pgerr_hint(c->err, "Could not choose a best candidate operator. You might need to "
				   "add explicit type casts.");
		return false;
	}
	if (!prefix_type_ok(*op, t->oid)) { /* -'5'::text was -5, -true was true */
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, e->location,
			  "operator does not exist: %s %s", op, type_name(*t));
		pgerr_hint(c->err, "No operator matches the given name and argument type. You "
				   "might need to add an explicit type cast.");
		return false;
	}
	if (c->sb->data[mark + 1] == '-' || c->sb->data[mark + 1] == '+')
		xlat_insert_at(c, mark + 1, " "); /* -('-5'::int8): "--" would open a comment */
	const char *overflow = *op == '-' && xlat_checks_on(c) ? xlat_infer_overflow_fn(*t, *t, "-")
							       : NULL;
	if (overflow) { /* -(-2147483648::int4) leaves int4's range (22003) */
		xlat_insert_at(c, mark, arena_printf(c->a, "%s(", overflow));
		xlat_puts(c, ")");
	} else if (*op == '-' &&
		   t->oid == XLAT_OID_INTERVAL) { /* an interval negates field by field */
		char *x = arena_strndup(c->a, c->sb->data + mark + 1, c->sb->len - mark - 1);
		c->sb->len = mark;
		xlat_nocache(c);
		xlat_printf(c, "pg_interval_mul(%s, -1, 0)", x);
	} else if (*op == '-' && is_float(t->oid)) { /* NaN is text: SQLite would negate 0 */
		char *x = arena_strndup(c->a, c->sb->data + mark + 1, c->sb->len - mark - 1);
		c->sb->len = mark;
		xlat_printf(c, "pgfn_fop(%s, '*', -1)", x);
	} else if (*op == '-' && t->oid == XLAT_OID_NUMERIC && (c->flags & XLAT_X_EXACT)) {
		c->sb->data[mark] = ' '; /* exact: times -1, keeping the scale (xlat_numeric.c) */
		xlat_insert_at(c, mark, "pgfn_num_mul(");
		xlat_printf(c, ", -1, %d, 0)", xlat_numeric_scale_of(*t));
	} else if (*op == '-' && t->oid == XLAT_OID_NUMERIC && !schema_kept(c)) {
		/* NaN is text: -NaN is NaN */
		c->sb->data[mark] = ' ';
		xlat_insert_at(c, mark, "pgfn_nmul(");
		xlat_puts(c, ", -1)");
	} else if (*op == '~' && xlat_bit_type(t->oid)) { /* bitnot */
		c->sb->data[mark] = ' ';
		xlat_insert_at(c, mark, "pgfn_varbit_not(");
		xlat_puts(c, ")");
		*t = (struct xlat_type){XLAT_OID_BIT, -1};
	} else if (*op == '~' && xlat_net_type(t->oid)) { /* bitwise NOT of an address */
		c->sb->data[mark] = ' ';
		xlat_insert_at(c, mark, "pgfn_inet_not(");
		xlat_puts(c, ")");
		*t = (struct xlat_type){XLAT_OID_INET, -1};
	}
	return true;
}

/* x ^ y: numeric ^ numeric when an operand is numeric and neither a float (exactly, under
 * XLAT_X_EXACT: pgfn_num_pow), else float8 ^ float8 (pgfn_pow, PostgreSQL's dpow). */
static bool power_op(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	struct xlat_type tv[2];
	size_t mark = c->sb->len;
	unsigned operand = c->flags & XLAT_X_EXACT_OPERAND;
	if (c->flags & XLAT_X_EXACT) /* its numeric constants as text, as for + - * / */
		c->flags |= XLAT_X_EXACT_OPERAND;
	xlat_puts(c, "(");
	bool ok = xlat_expr(c, e->lexpr, &tv[0]);
	xlat_puts(c, ", ");
	ok = ok && xlat_expr(c, e->rexpr, &tv[1]);
	c->flags = (c->flags & ~(unsigned)XLAT_X_EXACT_OPERAND) | operand;
	if (!ok)
		return false;
	const char *fn = xlat_exact_trans(c, "power", tv, 2, mark);
	xlat_puts(c, ")");
	xlat_insert_at(c, mark, fn ? fn : "pgfn_pow");
	uint32_t oid = xlat_numeric_fn_type(tv, 2);
	*t = (struct xlat_type){oid == XLAT_OID_NUMERIC ? oid : XLAT_OID_FLOAT8, -1};
	return true;
}

/* The names of PostgreSQL 15's operators (SELECT DISTINCT oprname FROM pg_operator). */
static const char *const pg_op_names[] = {
	"!!",  "!~",   "!~*", "!~~", "!~~*", "#",   "##",  "#-",  "#>",  "#>>", "%",
	"&",   "&&",   "&<",  "&<|", "&>",   "*",   "*<",  "*<=", "*<>", "*=",  "*>",
	"*>=", "+",    "-",   "->",  "->>",  "-|-", "/",   "<",   "<->", "<<",  "<<=",
	"<<|", "<=",   "<>",  "<@",  "<^",   "=",   ">",   ">=",  ">>",  ">>=", ">^",
	"?",   "?#",   "?&",  "?-",  "?-|",  "?|",  "?||", "@",   "@-@", "@>",  "@?",
	"@@",  "@@@",  "^",   "^@",  "|",    "|&>", "|/",  "|>>", "||",  "||/", "~",
	"~*",  "~<=~", "~<~", "~=",  "~>=~", "~>~", "~~",  "~~*", "!=",
};

/* An operator name no built-in operator has: as CREATE OPERATOR is refused, none of any
 * operand types exists, and PostgreSQL's answer is 42883 naming the operand types (1 +* 2,
 * libpqxx's probe of an error position), not the 0A000 of an operator it has but shardlite
 * does not translate. 0 when the name is PostgreSQL's, else -1 having failed. */
static int unknown_op(struct xlat_ctx *c, const PgQuery__AExpr *e, const char *op)
{
	for (size_t i = 0; i < ARRAY_LEN(pg_op_names); i++)
		if (strcmp(pg_op_names[i], op) == 0)
			return 0;
	struct xlat_type l = {0, -1}, r = {0, -1};
	if ((e->lexpr && !xlat_expr(c, e->lexpr, &l)) || (e->rexpr && !xlat_expr(c, e->rexpr, &r)))
		return -1;
	if (e->lexpr) {
		(void)xlat_no_operator(c, op, l.oid, r.oid, e->location);
		return -1;
	}
	xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, e->location, "operator does not exist: %s %s", op,
		  xlat_type_by_oid(r.oid) ? xlat_type_by_oid(r.oid)->sql_name : "unknown");
	pgerr_hint(c->err, "No operator matches the given name and argument type. You might need "
			   "to add an explicit type cast.");
	return -1;
}

static bool a_op(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	const char *op = xlat_op_name(e);
	if (!op)
		return xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, e->location,
				 "operator does not exist: %s",
				 xlat_node_str(e->name[e->n_name - 1]));
	int tg = xlat_trgm_op(c, e, op, t); /* pg_trgm's %, <->, <% ... on text */
	if (tg)
		return tg > 0;
	if (unknown_op(c, e, op) < 0)
		return false;
	int ts = xlat_ts_op(c, e, op, t); /* @@, !! (xlat_tsearch.c) */
	if (ts)
		return ts > 0;
	if (!e->lexpr)
		return prefix_op(c, e, op, t);
	if (xlat_catalog_is_regex(op))
		return xlat_catalog_regex(c, e, op, t);
	int rg = xlat_range_op(c, e, op, t); /* before the JSON, array and inet readings */
	if (rg)
		return rg > 0;
	int js = xlat_json_op(c, e, op, t);
	if (js)
		return js > 0;
	const char *fam = refused_op_family(op);
	if (fam)
		return xlat_unsupported(c, e->location, fam);
	const char *like = op + (op[0] == '!');
	if (strcmp(like, "~~") == 0 || strcmp(like, "~~*") == 0) {
		/* ~~ !~~ ~~* !~~*: the operators LIKE and ILIKE are spelled with */
		PgQuery__AExpr as_like = *e;
		as_like.kind = like[2] ? PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE
				       : PG_QUERY__A__EXPR__KIND__AEXPR_LIKE;
		return xlat_like(c, &as_like, t);
	}
	if (strcmp(op, "^") == 0)
		return power_op(c, e, t);
	if (strcmp(op, "#") == 0)
		return int_xor(c, e, t);
	if (strcmp(op, "!=") == 0)
		op = "<>";
	return binary_op(c, e, op, t);
}

static bool nullif(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	struct xlat_type ignored;
	xlat_puts(c, "nullif(");
	size_t mark = c->sb->len;
	if (!xlat_expr(c, e->lexpr, t))
		return false;
	if (t->oid == XLAT_OID_INTERVAL) { /* interval_cmp's equality: 1 day = 24 hours */
		xlat_insert_at(c, mark, "(");
		xlat_puts(c, ") COLLATE pgfn_interval");
	}
	xlat_puts(c, ", ");
	if (!xlat_expr(c, e->rexpr, &ignored))
		return false;
	xlat_puts(c, ")");
	return true;
}

static bool a_expr(struct xlat_ctx *c, const PgQuery__AExpr *e, struct xlat_type *t)
{
	switch (e->kind) {
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
		xlat_schema_note_filter(c, e);
		if (e->lexpr && e->rexpr && e->lexpr->node_case == NODE(ROW_EXPR) &&
		    e->rexpr->node_case == NODE(ROW_EXPR) &&
		    e->lexpr->row_expr->n_args != e->rexpr->row_expr->n_args)
			return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, e->location,
					 "unequal number of entries in row expressions");
		return a_op(c, e, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT:
		return xlat_distinct(c, e, true, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT:
		return xlat_distinct(c, e, false, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF:
		return nullif(c, e, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
		return xlat_in_list(c, e, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
	case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
		return xlat_like(c, e, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
	case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
	case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM:
		return xlat_between(c, e, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR:
		return xlat_similar(c, e, t);
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
	case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL: {
		if (!xlat_citext_any_check(c, e))
			return false;
		int arr = xlat_array_any(c, e, t);
		return arr ? arr > 0 : xlat_catalog_any(c, e, t);
	}
	default:
		return xlat_unsupported(c, e->location, "this operator form");
	}
}

static bool condition(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	*t = T_BOOL;
	if (n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	    n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return xlat_cast_string(c, n, XLAT_OID_BOOL, -1);
	/* a condition that is a bare $n (WHERE $1, a AND $2) is a boolean, as in PostgreSQL */
	bool untyped = xlat_untyped_param(c, n);
	if (!xlat_expr(c, n, t))
		return false;
	if (untyped)
		xlat_infer_like(c, n, T_BOOL);
	return true;
}

bool xlat_condition(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type ignored;
	return condition(c, n, &ignored);
}

/* AND/OR/NOT bind more loosely than every other operator in both grammars: only nested
 * boolean operators need parentheses. A constant or a cast of a number or string type is
 * PostgreSQL's 42804 (true AND 1), not SQLite's truth of a number (a column's or a
 * function's type is left alone: the catalog's emulated columns are not all typed). */
static bool bool_arg(struct xlat_ctx *c, const PgQuery__Node *n, const char *what)
{
	struct xlat_type t;
	if (n->node_case != NODE(BOOL_EXPR)) {
		if (!condition(c, n, &t))
			return false;
		if (n->node_case != NODE(A_CONST) && n->node_case != NODE(TYPE_CAST))
			return true;
		switch (t.oid) {
		case XLAT_OID_INT2:
		case XLAT_OID_INT4:
		case XLAT_OID_INT8:
		case XLAT_OID_NUMERIC:
		case XLAT_OID_FLOAT4:
		case XLAT_OID_FLOAT8:
		case XLAT_OID_TEXT:
		case XLAT_OID_VARCHAR:
			return xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH,
					 xlat_tree_location(&n->base),
					 "argument of %s must be type boolean, not type %s", what,
					 xlat_type_name(t.oid));
		default:
			return true;
		}
	}
	xlat_puts(c, "(");
	bool ok = xlat_expr(c, n, &t);
	xlat_puts(c, ")");
	return ok;
}

static bool bool_expr(struct xlat_ctx *c, const PgQuery__BoolExpr *b, struct xlat_type *t)
{
	*t = T_BOOL;
	if (b->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR) {
		xlat_puts(c, "NOT ");
		return b->n_args == 1 && bool_arg(c, b->args[0], "NOT");
	}
	bool is_and = b->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
	for (size_t i = 0; i < b->n_args; i++) {
		if (i)
			xlat_puts(c, is_and ? " AND " : " OR ");
		if (!bool_arg(c, b->args[i], is_and ? "AND" : "OR"))
			return false;
	}
	return true;
}

/* A CASE result: a whole row (CASE WHEN t IS NULL THEN NULL ELSE t END, PostGraphile's
 * mutations) is its record text, typed as its row type or record. */
static bool case_branch(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type common,
			struct xlat_type *t)
{
	const char *row = n->node_case == NODE(COLUMN_REF) ? xlat_comptype_record_aside(c, n, t)
							   : NULL;
	if (row) {
		xlat_puts(c, row);
		return true;
	}
	return !pgerr_is_set(c->err) && xlat_branch(c, n, common, t);
}

static bool case_expr(struct xlat_ctx *c, const PgQuery__CaseExpr *ce, struct xlat_type *t)
{
	struct xlat_type *res = arena_zalloc(c->a, (ce->n_args + 1) * sizeof(*res));
	struct xlat_type ignored, operand = {0, -1};
	size_t nres = 0;
	PgQuery__Node **branches = arena_zalloc(c->a, (ce->n_args + 1) * sizeof(*branches));
	for (size_t i = 0; i < ce->n_args; i++)
		branches[nres++] = ce->args[i]->case_when->result;
	if (ce->defresult)
		branches[nres++] = ce->defresult;
	struct xlat_type common = xlat_branches_type(c, branches, nres);
	nres = 0;
	xlat_puts(c, "CASE");
	if (ce->arg) {
		xlat_puts(c, " ");
		if (!xlat_operand(c, ce->arg, &operand))
			return false;
	}
	for (size_t i = 0; i < ce->n_args; i++) {
		const PgQuery__CaseWhen *w = ce->args[i]->case_when;
		xlat_puts(c, " WHEN ");
		/* CASE x WHEN 'lit' compares x = 'lit': the literal is read as x's type, as in
		 * a comparison ('t' for a boolean is true; DBD::Pg's column_info relies on it) */
		int lit = ce->arg ? xlat_infer_literal(c, w->expr, operand) : 0;
		if (lit < 0 || (lit == 0 && ce->arg && !xlat_expr(c, w->expr, &ignored)) ||
		    (!ce->arg && !xlat_condition(c, w->expr)))
			return false;
		xlat_puts(c, " THEN ");
		size_t mark = c->sb->len;
		if (!case_branch(c, w->result, common, &res[nres++]))
			return false;
		xlat_exact_branch(c, mark, res[nres - 1]);
	}
	if (ce->defresult) {
		xlat_puts(c, " ELSE ");
		size_t mark = c->sb->len;
		if (!case_branch(c, ce->defresult, common, &res[nres++]))
			return false;
		xlat_exact_branch(c, mark, res[nres - 1]);
	}
	xlat_puts(c, " END");
	*t = xlat_type_common(res, nres);
	return true;
}

/* The array type of int2vector or oidvector (int2[], oid[]), 0 for another type. */
static uint32_t vector_array(uint32_t oid) { return oid == 22 ? 1005 : oid == 30 ? 1028 : 0; }

/* SQLite's coalesce() wants two arguments; coalesce(x, NULL) is x. An int2vector or oidvector
 * beside its array type (coalesce(proallargtypes, proargtypes), PostGraphile's introspection)
 * is that array, as the binary-coercible cast makes it for PostgreSQL: its text "1 2" the
 * array's {1,2}. */
static bool coalesce(struct xlat_ctx *c, const PgQuery__CoalesceExpr *ce, struct xlat_type *t)
{
	struct xlat_type *v = arena_zalloc(c->a, (ce->n_args + 1) * sizeof(*v));
	size_t *at = arena_zalloc(c->a, 2 * (ce->n_args + 1) * sizeof(*at));
	struct xlat_type common = xlat_branches_type(c, ce->args, ce->n_args);
	xlat_puts(c, "coalesce(");
	for (size_t i = 0; i < ce->n_args; i++) {
		if (i)
			xlat_puts(c, ", ");
		size_t mark = c->sb->len;
		if (!xlat_branch(c, ce->args[i], common, &v[i]))
			return false;
		xlat_exact_branch(c, mark, v[i]);
		at[2 * i] = mark;
		at[2 * i + 1] = c->sb->len;
	}
	uint32_t array = 0;
	for (size_t i = 0; i < ce->n_args; i++)
		for (size_t k = 0; k < ce->n_args; k++)
			if (vector_array(v[k].oid) && vector_array(v[k].oid) == v[i].oid)
				array = v[i].oid;
	for (size_t i = ce->n_args; array && i-- > 0;) { /* the last first: marks stay valid */
		if (vector_array(v[i].oid) != array)
			continue;
		xlat_insert_at(c, at[2 * i + 1], ", ' ', ',') || '}')");
		xlat_insert_at(c, at[2 * i], "('{' || replace(");
		v[i] = (struct xlat_type){array, -1};
	}
	xlat_puts(c, ce->n_args == 1 ? ", NULL)" : ")");
	*t = xlat_type_common(v, ce->n_args);
	if (!t->oid || t->oid == XLAT_OID_UNKNOWN) {
		struct xlat_type u = xlat_infer_unknowns(c, ce->args, ce->n_args);
		if (u.oid)
			*t = u;
	}
	return true;
}

static bool row_expr(struct xlat_ctx *c, const PgQuery__RowExpr *r, struct xlat_type *t)
{
	*t = T_UNKNOWN_COL;
	if (r->n_args < 2)
		return xlat_unsupported(c, r->location,
					"a row constructor with fewer than 2 fields");
	xlat_puts(c, "(");
	bool ok = xlat_expr_list(c, r->args, r->n_args);
	xlat_puts(c, ")");
	return ok;
}

/* Byte-wise comparison is SQLite's BINARY collation, PostgreSQL's "C"/"POSIX". */
static bool collate(struct xlat_ctx *c, const PgQuery__CollateClause *cc, struct xlat_type *t)
{
	const char *name = cc->n_collname ? xlat_node_str(cc->collname[cc->n_collname - 1]) : NULL;
	if (!xlat_collation_name_ok(name, true))
		return xlat_unsupported(c, cc->location, "a collation other than \"C\"");
	if (!xlat_cmp_operand(c, cc->arg, t))
		return false;
	xlat_puts(c, " COLLATE BINARY");
	return true;
}

static bool expr_node(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	*t = T_UNKNOWN_COL;
	switch (n->node_case) {
	case NODE(A_CONST):
		return a_const(c, n->a_const, t);
	case NODE(COLUMN_REF):
		return column_ref(c, n->column_ref, t);
	case NODE(PARAM_REF):
		return param_ref(c, n->param_ref, t);
	case NODE(A_EXPR):
		return a_expr(c, n->a_expr, t);
	case NODE(BOOL_EXPR):
		return bool_expr(c, n->bool_expr, t);
	case NODE(NULL_TEST):
		return xlat_null_test(c, n->null_test, t);
	case NODE(BOOLEAN_TEST):
		return xlat_boolean_test(c, n->boolean_test, t);
	case NODE(TYPE_CAST):
		return xlat_cast(c, n->type_cast, t);
	case NODE(FUNC_CALL): {
		bool outer = xlat_group_outer_agg(c, n->func_call); /* (SELECT sum(t.b)) */
		xlat_puts(c, outer ? "(SELECT " : "");
		bool ok = xlat_func(c, n->func_call, t);
		xlat_puts(c, outer ? ")" : "");
		return ok;
	}
	case NODE(SQLVALUE_FUNCTION):
		return xlat_sqlvalue(c, n->sqlvalue_function, t);
	case NODE(MIN_MAX_EXPR):
		return xlat_minmax(c, n->min_max_expr, t);
	case NODE(SUB_LINK):
		return xlat_sublink(c, n->sub_link, t);
	case NODE(CASE_EXPR):
		return case_expr(c, n->case_expr, t);
	case NODE(COALESCE_EXPR):
		return coalesce(c, n->coalesce_expr, t);
	case NODE(ROW_EXPR):
		return row_expr(c, n->row_expr, t);
	case NODE(COLLATE_CLAUSE):
		return collate(c, n->collate_clause, t);
	case NODE(SET_TO_DEFAULT):
		return xlat_fail(c, SQLSTATE_SYNTAX_ERROR, n->set_to_default->location,
				 "DEFAULT is not allowed in this context");
	case NODE(A_INDIRECTION):
		return xlat_catalog_subscript(c, n->a_indirection, t);
	case NODE(A_ARRAY_EXPR):
		return xlat_array_expr(c, n->a_array_expr, t);
	case NODE(CURRENT_OF_EXPR):
		return xlat_unsupported(c, -1, "WHERE CURRENT OF");
	case NODE(GROUPING_FUNC):
		return xlat_fail(c, "42803", n->grouping_func->location,
				 "grouping operations are not allowed here");
	default:
		return xlat_unsupported(c, -1, "this kind of expression");
	}
}

bool xlat_expr(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t)
{
	if (!xlat_enter(c))
		return false;
	unsigned exact = c->flags & XLAT_X_EXACT;
	if (exact && !xlat_exact_node(n))
		c->flags &= ~(unsigned)XLAT_X_EXACT;
	size_t mark = c->sb->len;
	int gset = c->gset ? xlat_gsets_expr(c, n, t) : 0; /* a grouped arm's NULLs */
	bool ok = gset ? gset > 0 : expr_node(c, n, t);
	if (ok && exact)
		xlat_exact_wrap(c, n, mark, *t);
	c->flags |= exact;
	xlat_leave(c);
	return ok;
}
