/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_money.c: money in expressions — a value is its integer of cents (pgtype_money.c), so
 * comparisons, ORDER BY, min and max need nothing; string literals are read by cash_in while
 * translating; the casts (integers, numeric, text), + - * / and sum() run as pgfn_cash_*
 * (pgfn_money.c) with PostgreSQL's errors. Other operand types have no money operator (42883). */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static bool int_type(uint32_t oid)
{
	return oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8;
}

static bool float_like(uint32_t oid) /* numeric operands take the float8 operators */
{
	return oid == XLAT_OID_FLOAT4 || oid == XLAT_OID_FLOAT8 || oid == XLAT_OID_NUMERIC;
}

static bool texty(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NAME;
}

bool xlat_money_literal(struct xlat_ctx *c, const char *s, int location)
{
	struct pgerr err;
	pgerr_clear(&err);
	int64_t v;
	if (!pgtype_money_parse(s, strlen(s), &v, &err))
		return xlat_fail(c, err.sqlstate, location, "%s", err.message);
	xlat_printf(c, "%lld", (long long)v);
	return true;
}

/* The wrapper making a value of type st money (an explicit cast); NULL when it is money
 * already, "" when no cast exists. */
static const char *from_fn(uint32_t st, bool assignment)
{
	if (st == XLAT_OID_MONEY)
		return NULL;
	if (int_type(st) && st != XLAT_OID_INT2)
		return "pgfn_cash_int(";
	if (st == XLAT_OID_NUMERIC)
		return "pgfn_cash_num(";
	if (!assignment && (texty(st) || st == XLAT_OID_UNKNOWN || st == XLAT_OID_UNKNOWN_COL))
		return "pgfn_cash_in(";
	return "";
}

bool xlat_money_cast(struct xlat_ctx *c, const PgQuery__Node *arg, int location,
		     struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_MONEY, -1};
	if (arg->node_case == NODE(A_CONST) && arg->a_const->isnull) {
		xlat_puts(c, "NULL");
		return true;
	}
	const PgQuery__AConst *k = arg->node_case == NODE(A_CONST) ? xlat_const_value(c, arg)
								   : NULL;
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return xlat_money_literal(c, k->sval->sval, k->location);
	if (arg->node_case == NODE(PARAM_REF)) { /* decoded by cash_in at Bind */
		if (!xlat_param(c, arg->param_ref->number, XLAT_OID_MONEY,
				arg->param_ref->location))
			return false;
		xlat_printf(c, "CAST(?%d AS INTEGER)", arg->param_ref->number);
		return true;
	}
	size_t mark = c->sb->len;
	struct xlat_type st;
	bool fval = k && k->val_case == PG_QUERY__A__CONST__VAL_FVAL;
	if (fval) { /* 12.345::money: its decimal digits, not the double's */
		xlat_string(c, k->fval->fval);
		st = (struct xlat_type){XLAT_OID_NUMERIC, -1};
	} else if (!xlat_expr(c, arg, &st))
		return false;
	const char *fn = from_fn(st.oid, false);
	if (fn && !*fn)
		return xlat_fail(c, "42846", location, "cannot cast type %s to money",
				 xlat_type_name(st.oid));
	if (fn) {
		xlat_insert_at(c, mark, fn);
		xlat_puts(c, ")");
	}
	return true;
}

int xlat_money_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
			 int location, struct xlat_type *t)
{
	if (st.oid != XLAT_OID_MONEY || to == XLAT_OID_MONEY)
		return 0;
	if (to == XLAT_OID_NUMERIC) {
		xlat_printf(c, "pgfn_cash_numeric(%s)", x);
		if (t)
			t->typmod = XLAT_NUM_SCALE(2);
		return 1;
	}
	if (texty(to))
		return 0; /* cash_out's text (xlat_textout.c) */
	xlat_fail(c, "42846", location, "cannot cast type money to %s", xlat_type_name(to));
	return -1;
}

const char *xlat_money_store(struct xlat_ctx *c, const struct xlat_schema_col *col,
			     struct xlat_type t, int location, bool *ok)
{
	*ok = true;
	const char *fn = from_fn(t.oid, true);
	if (!fn || t.oid == XLAT_OID_UNKNOWN || t.oid == XLAT_OID_UNKNOWN_COL)
		return NULL;
	if (*fn)
		return fn;
	*ok = false;
	xlat_fail(c, "42804", location,
		  "column \"%s\" is of type money but expression is of type %s", col->name,
		  xlat_type_name(t.oid));
	pgerr_hint(c->err, "You will need to rewrite or cast the expression.");
	return NULL;
}

int xlat_money_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
			const char *rs, struct xlat_type r, int location, struct xlat_type *t)
{
	bool lm = l.oid == XLAT_OID_MONEY, rm = r.oid == XLAT_OID_MONEY;
	bool lu = l.oid == XLAT_OID_UNKNOWN || l.oid == XLAT_OID_UNKNOWN_COL;
	bool ru = r.oid == XLAT_OID_UNKNOWN || r.oid == XLAT_OID_UNKNOWN_COL;
	bool cmp = strchr("<>=!", op[0]) != NULL;
	if (!lm && !rm)
		return 0;
	if (l.oid == XLAT_OID_UNKNOWN && rm) /* '1.50' + m: the literal is money (cash_in) */
		ls = arena_printf(c->a, "pgfn_cash_in(%s)", ls);
	if (r.oid == XLAT_OID_UNKNOWN && lm)
		rs = arena_printf(c->a, "pgfn_cash_in(%s)", rs);
	if (cmp && (lm || lu) && (rm || ru)) { /* the cents compare as integers */
		if (l.oid != XLAT_OID_UNKNOWN && r.oid != XLAT_OID_UNKNOWN)
			return 0;
		xlat_printf(c, "%s %s %s", ls, op, rs);
		*t = (struct xlat_type){XLAT_OID_BOOL, -1};
		return 1;
	}
	*t = (struct xlat_type){XLAT_OID_MONEY, -1};
	if (!cmp && !op[1] && (op[0] == '+' || op[0] == '-') && (lm || lu) && (rm || ru)) {
		xlat_printf(c, "pgfn_cash_add(%s, %s, %d)", ls, rs, op[0] == '+' ? 1 : -1);
		return 1;
	}
	if (!op[1] && op[0] == '/' && lm && (rm || ru)) {
		*t = (struct xlat_type){XLAT_OID_FLOAT8, -1};
		xlat_printf(c, "pgfn_cash_div_cash(%s, %s)", ls, rs);
		return 1;
	}
	uint32_t other = lm ? r.oid : l.oid;
	bool number = int_type(other) || float_like(other);
	char kind = int_type(other) ? 'i' : 'f';
	if (!op[1] && op[0] == '*' && number) {
		xlat_printf(c, "pgfn_cash_mul(%s, %s, '%c')", lm ? ls : rs, lm ? rs : ls, kind);
		return 1;
	}
	if (!op[1] && op[0] == '/' && lm && number) {
		xlat_printf(c, "pgfn_cash_div(%s, %s, '%c')", ls, rs, kind);
		return 1;
	}
	return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
}

/* One argument of a money function: a string literal read by cash_in, a parameter bound as
 * money, or an expression that must be money. */
static bool money_arg(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *at)
{
	*at = (struct xlat_type){XLAT_OID_MONEY, -1};
	if (n->node_case == NODE(A_CONST) && n->a_const->isnull) {
		xlat_puts(c, "NULL");
		return true;
	}
	if (n->node_case == NODE(A_CONST) && n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return xlat_money_literal(c, xlat_const_value(c, n)->sval->sval,
					  n->a_const->location);
	if (n->node_case == NODE(PARAM_REF)) {
		xlat_printf(c, "?%d", n->param_ref->number);
		return xlat_param(c, n->param_ref->number, XLAT_OID_MONEY, n->param_ref->location);
	}
	return xlat_expr(c, n, at);
}

int xlat_money_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		    struct xlat_type *t)
{
	static const struct {
		const char *name, *sqlite;
		size_t nargs;
		uint32_t result;
	} fns[] = {
		{"cash_words", "pgfn_cash_words", 1, XLAT_OID_TEXT},
		{"cashlarger", "max", 2, XLAT_OID_MONEY}, /* strict, as max(a, b) */
		{"cashsmaller", "min", 2, XLAT_OID_MONEY},
	};
	size_t i = 0;
	while (i < ARRAY_LEN(fns) && strcmp(fns[i].name, name) != 0)
		i++;
	if (i == ARRAY_LEN(fns) || f->n_args != fns[i].nargs || f->agg_star || f->over)
		return 0;
	xlat_printf(c, "%s(", fns[i].sqlite);
	for (size_t k = 0; k < f->n_args; k++) {
		struct xlat_type at;
		if (k)
			xlat_puts(c, ", ");
		if (!money_arg(c, f->args[k], &at))
			return -1;
		if (at.oid != XLAT_OID_MONEY && at.oid != XLAT_OID_UNKNOWN_COL) {
			xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
				  "function %s(%s) does not exist", name, xlat_type_name(at.oid));
			pgerr_hint(c->err, "No function matches the given name and argument types. "
					   "You might need to add explicit type casts.");
			return -1;
		}
	}
	xlat_puts(c, ")");
	*t = (struct xlat_type){fns[i].result, -1};
	return 1;
}

bool xlat_money_default(struct xlat_ctx *c, const PgQuery__Node *e)
{
	const PgQuery__AConst *k = e->node_case == NODE(A_CONST) ? e->a_const : NULL;
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_IVAL) { /* int4_cash */
		int64_t v;
		if (__builtin_mul_overflow((int64_t)k->ival->ival, 100, &v))
			return xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, k->location,
					 "bigint out of range");
		xlat_printf(c, "%lld", (long long)v);
		return true;
	}
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_FVAL && !strpbrk(k->fval->fval, "eE")) {
		struct pgerr err; /* numeric_cash: its digits, rounded half away from zero */
		pgerr_clear(&err);
		int64_t v;
		if (!pgtype_money_parse(k->fval->fval, strlen(k->fval->fval), &v, &err))
			return xlat_fail(c, err.sqlstate, k->location, "%s",
					 strcmp(err.sqlstate,
						SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE) == 0
						 ? "bigint out of range"
						 : err.message);
		xlat_printf(c, "%lld", (long long)v);
		return true;
	}
	return xlat_unsupported(c, xlat_tree_location(&e->base),
				"a DEFAULT of a money column other than a constant");
}

bool xlat_money_alter_check(struct xlat_ctx *c, const char *column, const struct xlat_typeref *tr)
{
	uint32_t to = tr->is_array ? 0 : tr->info->oid;
	bool sized = tr->typmod >= 0 &&
		     (to == XLAT_OID_NUMERIC || to == XLAT_OID_VARCHAR || to == XLAT_OID_BPCHAR);
	if (sized)
		return xlat_unsupported(c, -1,
					"ALTER COLUMN TYPE of a money column to a type "
					"with a length or scale");
	if (to == XLAT_OID_NUMERIC || to == XLAT_OID_TEXT || to == XLAT_OID_VARCHAR ||
	    to == XLAT_OID_BPCHAR)
		return true;
	xlat_fail(c, SQLSTATE_DATATYPE_MISMATCH, -1,
		  "column \"%s\" cannot be cast automatically to type %s", column,
		  tr->info->sql_name);
	pgerr_hint(c->err, "You might need to specify \"USING %s::%s\".", column,
		   tr->info->sql_name);
	return false;
}

bool xlat_money_alter_convert(struct xlat_ctx *c, const char *column, uint32_t to)
{
	/* run once by the rebuild, not kept in the schema: cash_out's text through the session's
	 * encoder, as xlat_textout.c prints money outside DDL */
	xlat_puts(c, to == XLAT_OID_NUMERIC ? "pgfn_cash_numeric(" : "pgfn_text_out(");
	xlat_ident(c, column);
	if (to == XLAT_OID_NUMERIC)
		xlat_puts(c, ")");
	else
		xlat_printf(c, ", %u, -1)", (unsigned)XLAT_OID_MONEY);
	return true;
}
