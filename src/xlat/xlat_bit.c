/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_bit.c: bit(n) and bit varying(n) in expressions — B'...'/X'...' constants and string
 * literals read by bit_in while translating, casts to and from bit strings (length coercion,
 * integers, text), the operators & | # ~ << >> ||, and the bit-string functions. A value is the
 * text of its bits (pgtype_bit.c), so comparisons and ORDER BY need nothing: that text orders
 * as bit_cmp does. Everything else runs as pgfn_varbit_* (pgfn_bit.c). */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

bool xlat_bit_type(uint32_t oid) { return oid == XLAT_OID_BIT || oid == XLAT_OID_VARBIT; }

/* The bits of s read by bit_in/varbit_in for typmod, written as a string constant. */
static bool put_bits(struct xlat_ctx *c, const char *s, int32_t typmod, bool varying, int location)
{
	struct strbuf sb;
	struct pgerr err;
	pgerr_clear(&err);
	strbuf_init(&sb, 0);
	/* read as bit_in with no typmod, then the length rule of the assignment: a bad digit is
	 * reported before a wrong length, as PostgreSQL coerces a literal */
	bool ok = pgtype_bit_parse(s, strlen(s), -1, varying, &sb, &err) &&
		  pgtype_bit_length_ok(sb.len, typmod, varying, &err);
	if (ok)
		xlat_string(c, arena_strndup(c->a, sb.data ? sb.data : "", sb.len));
	else
		xlat_fail(c, err.sqlstate, location, "%s", err.message);
	strbuf_fini(&sb);
	xlat_nocache(c); /* the constant's text is not what the statement wrote */
	return ok;
}

bool xlat_bit_const(struct xlat_ctx *c, const char *bsval, int location, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_BIT, -1}; /* bsval keeps its b or x */
	return put_bits(c, bsval, -1, false, location);
}

bool xlat_bit_literal(struct xlat_ctx *c, uint32_t oid, int32_t typmod, const char *s, int location)
{
	return put_bits(c, s, typmod, oid == XLAT_OID_VARBIT, location);
}

/* A bit string as a column of type oid(typmod) stores it: the length rule checked (an
 * assignment cast, 22026); a text value read by bit_in first. NULL: nothing to wrap. */
const char *xlat_bit_store(struct xlat_ctx *c, uint32_t oid, int32_t typmod, struct xlat_type t,
			   const char **tail)
{
	bool varying = oid == XLAT_OID_VARBIT;
	if (xlat_bit_type(t.oid) && (typmod <= 0 || (t.oid == oid && t.typmod == typmod)))
		return NULL;
	*tail = arena_printf(c->a, "%s, %d, %d, 0)", xlat_bit_type(t.oid) ? "" : ", -1, 0)",
			     (int)typmod, varying);
	return xlat_bit_type(t.oid) ? "pgfn_varbit_cast(" : "pgfn_varbit_cast(pgfn_varbit_in(";
}

bool xlat_bit_assign_check(struct xlat_ctx *c, const struct xlat_schema_col *col,
			   struct xlat_type t, int location)
{
	if (!xlat_bit_type(col->type_oid) || xlat_bit_type(t.oid) || xlat_type_reads_as_text(t.oid) ||
	    !xlat_type_by_oid(t.oid))
		return true;
	xlat_fail(c, "42804", location, "column \"%s\" is of type %s but expression is of type %s",
		  col->name, xlat_type_name(col->type_oid), xlat_type_name(t.oid));
	pgerr_hint(c->err, "You will need to rewrite or cast the expression.");
	return false;
}

bool xlat_bit_cast(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid, int32_t typmod,
		   int location, struct xlat_type *t)
{
	bool varying = oid == XLAT_OID_VARBIT;
	*t = (struct xlat_type){oid, typmod};
	if (arg->node_case == NODE(A_CONST) && arg->a_const->isnull) {
		xlat_puts(c, "NULL");
		return true;
	}
	const PgQuery__AConst *k = arg->node_case == NODE(A_CONST) ? xlat_const_value(c, arg)
								   : NULL;
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_SVAL) { /* bit_in, then coerced */
		size_t mark = c->sb->len;
		if (!put_bits(c, k->sval->sval, -1, varying, k->location))
			return false;
		if (typmod > 0) {
			xlat_insert_at(c, mark, "pgfn_varbit_cast(");
			xlat_printf(c, ", %d, %d, 1)", (int)typmod, varying);
		}
		return true;
	}
	if (arg->node_case == NODE(PARAM_REF)) {
		if (!xlat_param(c, arg->param_ref->number, oid, arg->param_ref->location))
			return false;
		xlat_printf(c, "pgfn_varbit_cast(?%d, %d, %d, 1)", arg->param_ref->number,
			    (int)typmod, varying);
		return true;
	}
	size_t mark = c->sb->len;
	struct xlat_type st;
	if (!xlat_expr(c, arg, &st))
		return false;
	if (st.oid == XLAT_OID_UNKNOWN_COL) { /* its type known when the statement runs */
		xlat_insert_at(c, mark, "pgfn_varbit_any(");
		xlat_printf(c, ", %d, %d)", (int)typmod, varying);
		return true;
	}
	bool is_int = st.oid == XLAT_OID_INT4 || st.oid == XLAT_OID_INT8;
	if (is_int && !varying) {
		xlat_insert_at(c, mark, "pgfn_varbit_from_int(");
		xlat_printf(c, ", %d, %d)", (int)typmod, st.oid == XLAT_OID_INT4 ? 32 : 64);
		return true;
	}
	if (!xlat_bit_type(st.oid) && !xlat_type_reads_as_text(st.oid))
		return xlat_fail(c, "42846", location, "cannot cast type %s to %s",
				 xlat_type_name(st.oid), xlat_type_name(oid));
	if (!xlat_bit_type(st.oid)) { /* text: through bit_in, then the explicit coercion */
		xlat_insert_at(c, mark, "pgfn_varbit_in(");
		xlat_printf(c, ", -1, %d)", varying);
	}
	if (typmod > 0) {
		xlat_insert_at(c, mark, "pgfn_varbit_cast(");
		xlat_printf(c, ", %d, %d, 1)", (int)typmod, varying);
	}
	return true;
}

int xlat_bit_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
		       int location)
{
	if (!xlat_bit_type(st.oid))
		return 0;
	if ((to == XLAT_OID_INT4 || to == XLAT_OID_INT8) && st.oid == XLAT_OID_BIT) {
		xlat_printf(c, "pgfn_varbit_to_int(%s, %d)", x, to == XLAT_OID_INT4 ? 32 : 64);
		return 1;
	}
	if (xlat_type_reads_as_text(to))
		return 0; /* the text of the bits */
	xlat_fail(c, "42846", location, "cannot cast type %s to %s", xlat_type_name(st.oid),
		  xlat_type_name(to));
	return -1;
}

/* An operand beside a bit string: an untyped literal is read as one. */
static const char *operand(struct xlat_ctx *c, const char *s, struct xlat_type t)
{
	return t.oid == XLAT_OID_UNKNOWN ? arena_printf(c->a, "pgfn_varbit_in(%s, -1, 0)", s) : s;
}

int xlat_bit_operator(struct xlat_ctx *c, const char *op, const char *ls, struct xlat_type l,
		      const char *rs, struct xlat_type r, int location, struct xlat_type *t)
{
	bool lb = xlat_bit_type(l.oid), rb = xlat_bit_type(r.oid);
	bool lu = l.oid == XLAT_OID_UNKNOWN, ru = r.oid == XLAT_OID_UNKNOWN;
	if (!lb && !rb)
		return 0;
	bool shift = strcmp(op, "<<") == 0 || strcmp(op, ">>") == 0;
	bool logic = strcmp(op, "&") == 0 || strcmp(op, "|") == 0 || strcmp(op, "#") == 0;
	if (strcmp(op, "||") == 0 && (xlat_type_reads_as_text(l.oid) && !lu) != (xlat_type_reads_as_text(r.oid) && !ru))
		return 0; /* bit || text is text's || */
	if (shift && lb && (r.oid == XLAT_OID_INT4 || r.oid == XLAT_OID_INT2 || ru)) {
		xlat_printf(c, "pgfn_varbit_shift(%s, %s(%s))", ls, *op == '<' ? "" : "-", rs);
		*t = (struct xlat_type){XLAT_OID_BIT, -1};
		return 1;
	}
	if ((!lb && !lu) || (!rb && !ru) || (!logic && strcmp(op, "||") != 0))
		return xlat_no_operator(c, op, l.oid, r.oid, location) ? 1 : -1;
	ls = operand(c, ls, l);
	rs = operand(c, rs, r);
	if (strcmp(op, "||") == 0) {
		xlat_printf(c, "(%s || %s)", ls, rs);
		*t = (struct xlat_type){XLAT_OID_VARBIT, -1};
		return 1;
	}
	xlat_printf(c, "pgfn_varbit_%s(%s, %s)",
		    *op == '&'   ? "and"
		    : *op == '|' ? "or"
				 : "xor",
		    ls, rs);
	*t = (struct xlat_type){XLAT_OID_BIT, -1};
	return 1;
}

/* The bit-string functions: the pgfn function (or SQL), its arity and result type. The first
 * argument decides: a call of another type is not ours. */
static const struct bit_fn {
	const char *name;
	const char *sql; /* printf of the arguments' SQL, in order */
	int nargs;
	uint32_t result;
} bit_fns[] = {
	{"length", "length(%s)", 1, XLAT_OID_INT4},
	{"bit_length", "length(%s)", 1, XLAT_OID_INT4},
	{"octet_length", "((length(%s) + 7) / 8)", 1, XLAT_OID_INT4},
	{"bit_count", "pgfn_varbit_ones(%s)", 1, XLAT_OID_INT8},
	{"get_bit", "pgfn_varbit_get(%s, %s)", 2, XLAT_OID_INT4},
	{"set_bit", "pgfn_varbit_set(%s, %s, %s)", 3, XLAT_OID_BIT},
	{"position", "pgfn_varbit_position(%s, %s)", 2, XLAT_OID_INT4},
	{"substring", "pgfn_varbit_substr(%s, %s)", 2, XLAT_OID_BIT},
	{"substring", "pgfn_varbit_substr(%s, %s, %s)", 3, XLAT_OID_BIT},
	{"overlay", "pgfn_varbit_overlay(%s, %s, %s)", 3, XLAT_OID_BIT},
	{"overlay", "pgfn_varbit_overlay(%s, %s, %s, %s)", 4, XLAT_OID_BIT},
};

/* Aggregates PostgreSQL has for bit strings (which SQLite's would compute as integers), and
 * min/max, which it has not (42883). */
static bool bit_aggregate(const char *name)
{
	return strcmp(name, "bit_and") == 0 || strcmp(name, "bit_or") == 0 ||
	       strcmp(name, "bit_xor") == 0 || strcmp(name, "min") == 0 || strcmp(name, "max") == 0;
}

int xlat_bit_func(struct xlat_ctx *c, const PgQuery__FuncCall *f, const char *name,
		  struct xlat_type *t)
{
	const struct bit_fn *fn = NULL;
	for (size_t i = 0; i < ARRAY_LEN(bit_fns) && !fn; i++)
		fn = strcmp(bit_fns[i].name, name) == 0 && bit_fns[i].nargs == (int)f->n_args
			     ? &bit_fns[i]
			     : NULL;
	bool agg = bit_aggregate(name) && f->n_args == 1;
	if ((!fn && !agg) || f->agg_star || f->over)
		return 0;
	size_t mark = c->sb->len;
	int slots = c->nslots; /* the constants noted in text this call may take back */
	const char *args[4];
	struct xlat_type at[4];
	for (size_t i = 0; i < f->n_args; i++) {
		size_t at0 = c->sb->len;
		if (!xlat_expr(c, f->args[i], &at[i]))
			return -1;
		if (i == 0 && !xlat_bit_type(at[0].oid)) {
			c->sb->len = mark; /* not a bit string: another type's function */
			c->sb->data[mark] = '\0';
			c->nslots = slots;
			return 0;
		}
		args[i] = arena_strndup(c->a, c->sb->data + at0, c->sb->len - at0);
	}
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	xlat_nocache(c);
	if (agg && (name[0] == 'm')) {
		xlat_fail(c, SQLSTATE_UNDEFINED_FUNCTION, f->location,
			  "function %s(%s) does not exist", name, xlat_type_name(at[0].oid));
		pgerr_hint(c->err, "No function matches the given name and argument types. You "
				   "might need to add explicit type casts.");
		return -1;
	}
	if (agg && (f->agg_distinct || f->agg_filter || f->n_agg_order))
		return xlat_unsupported(c, f->location,
					arena_printf(c->a,
						     "%s of bit strings with DISTINCT, FILTER "
						     "or ORDER BY",
						     name))
			       ? 1
			       : -1;
	if (agg) { /* bit_and, bit_or, bit_xor */
		xlat_printf(c, "pgfn_varbit_%s_agg(%s)", name + 4, args[0]);
		*t = (struct xlat_type){XLAT_OID_BIT, -1};
		return 1;
	}
	if (strcmp(name, "position") == 0 || strcmp(name, "overlay") == 0)
		args[1] = operand(c, args[1], at[1]);
	xlat_printf(c, fn->sql, args[0], f->n_args > 1 ? args[1] : "", f->n_args > 2 ? args[2] : "",
		    f->n_args > 3 ? args[3] : "");
	*t = (struct xlat_type){fn->result, -1};
	return 1;
}
