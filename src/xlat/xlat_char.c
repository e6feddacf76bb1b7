/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_char.c: the "char" type (one byte, stored as the text charout prints: a, '' for the NUL
 * byte, \303 for a byte past ASCII) in expressions — charin's reading of literals while
 * translating, its casts (from and to the string types, and int4 both ways; 42846 for the
 * others) and the assignment of a value to a "char" column (42804 for a non-string type). */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

static bool put_byte(struct xlat_ctx *c, uint8_t b)
{
	char out[5];
	pgtype_char_out(b, out);
	xlat_string(c, arena_strdup(c->a, out));
	return true;
}

bool xlat_char_cast(struct xlat_ctx *c, const PgQuery__Node *arg, int location, struct xlat_type *t)
{
	*t = (struct xlat_type){XLAT_OID_CHAR, -1};
	if (arg->node_case == NODE(A_CONST) && arg->a_const->isnull) {
		xlat_puts(c, "NULL");
		return true;
	}
	const PgQuery__AConst *k = arg->node_case == NODE(A_CONST) ? xlat_const_value(c, arg)
								   : NULL;
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return put_byte(c, pgtype_char_in(k->sval->sval, strlen(k->sval->sval)));
	if (k && k->val_case == PG_QUERY__A__CONST__VAL_IVAL) { /* i4tochar */
		if (k->ival->ival < -128 || k->ival->ival > 127)
			return xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, location,
					 "\"char\" out of range");
		return put_byte(c, (uint8_t)(int8_t)k->ival->ival);
	}
	if (k) /* 1.5::"char": no cast from numeric (pg_cast) */
		return xlat_fail(c, "42846", location, "cannot cast type %s to \"char\"",
				 k->val_case == PG_QUERY__A__CONST__VAL_BOOLVAL ? "boolean"
										: "numeric");
	if (arg->node_case == NODE(PARAM_REF)) { /* read by charin at Bind */
		if (!xlat_param(c, arg->param_ref->number, XLAT_OID_CHAR, arg->param_ref->location))
			return false;
		xlat_printf(c, "?%d", arg->param_ref->number);
		return true;
	}
	size_t mark = c->sb->len;
	struct xlat_type st;
	if (!xlat_expr(c, arg, &st))
		return false;
	if (st.oid == XLAT_OID_CHAR)
		return true;
	if (st.oid == XLAT_OID_INT4 || xlat_type_reads_as_text(st.oid)) {
		xlat_insert_at(c, mark, st.oid == XLAT_OID_INT4 ? "pgfn_i4tochar(" : "pgfn_char(");
		xlat_puts(c, ")");
		return true;
	}
	return xlat_fail(c, "42846", location, "cannot cast type %s to \"char\"",
			 xlat_type_name(st.oid));
}

int xlat_char_cast_from(struct xlat_ctx *c, const char *x, struct xlat_type st, uint32_t to,
			int location)
{
	if (st.oid != XLAT_OID_CHAR || to == XLAT_OID_CHAR || xlat_type_reads_as_text(to))
		return 0;          /* to text: the stored text, as char_text gives it */
	if (to == XLAT_OID_INT4) { /* chartoi4: the byte as a signed value */
		xlat_printf(c, "pgfn_chartoi4(%s)", x);
		return 1;
	}
	xlat_fail(c, "42846", location, "cannot cast type \"char\" to %s", xlat_type_name(to));
	return -1;
}

const char *xlat_char_collation(uint32_t l, uint32_t r, const char *op)
{
	bool ll = l == XLAT_OID_CHAR && (r == XLAT_OID_CHAR || r == XLAT_OID_UNKNOWN);
	bool rr = r == XLAT_OID_CHAR && (l == XLAT_OID_CHAR || l == XLAT_OID_UNKNOWN);
	/* equal bytes have equal text, and a plain = keeps the column's index */
	if ((!ll && !rr) || strcmp(op, "=") == 0 || strcmp(op, "<>") == 0 || strcmp(op, "!=") == 0)
		return NULL;
	return " COLLATE pgfn_char";
}

bool xlat_char_assign_check(struct xlat_ctx *c, const struct xlat_schema_col *col,
			    struct xlat_type t, int location)
{
	/* text_char is an assignment cast (varchar and bpchar are binary-coercible to text) */
	if (col->type_oid != XLAT_OID_CHAR || t.oid == XLAT_OID_CHAR || !t.oid ||
	    (xlat_type_reads_as_text(t.oid) && t.oid != XLAT_OID_NAME))
		return true;
	xlat_fail(c, "42804", location,
		  "column \"%s\" is of type \"char\" but expression is of type %s", col->name,
		  xlat_type_name(t.oid));
	pgerr_hint(c->err, "You will need to rewrite or cast the expression.");
	return false;
}
