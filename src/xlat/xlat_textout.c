/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_textout.c: where a value becomes text inside SQL — a cast to text, ||, concat, format,
 * concat_ws, an element of a JSON value or of an array — it must read as PostgreSQL prints it,
 * not as SQLite turns its stored form into text: a numeric keeps its display scale (1.50, not
 * 1.5), floats their shortest form (1e+100, not 1.0e+100), bool t/f or true/false (not 1/0),
 * bytea hex, a char(n) padded to n (but by a cast to text and ||).
 * pgfn_text_out(x, oid, typmod) prints with the session's own encoder (pgtype).
 * Numeric arithmetic there is exact (xlat_numeric.c), as in a result column: its decimal text
 * carries PostgreSQL's scale, a quotient's too ((price / 3)::text is 0.50000000000000000000).
 * Date/time values are stored in PostgreSQL's text form already (their casts are in
 * xlat_datetime.c), a timestamptz in UTC: it is shown in the session's TimeZone; JSON and array writers render bool, float8 and bytea by their tags (a
 * float4 is printed here: its shortest digits are float4out's, not the double's; a float8 in
 * JSON too, under the session's extra_float_digits). A row
 * cast to text (ROW(a, b)::text, t::text) is pgfn_record_text of its fields' output forms. */
#include "xlat_int.h"

#include "pgtype.h"

#include <string.h>

/* How each type that needs it is printed in each form: 0 as stored, 'o' through pgfn_text_out,
 * 'B' as a cast of bool to text (true/false), 'Z' as a date/time's cast to text (a
 * timestamptz's stored UTC form shown in the session's TimeZone; a date's or timestamp's in
 * DateStyle, its year outside 1..9999 as PostgreSQL prints it rather than its stored form,
 * pgtype_dt_store). JSON reads a date's or timestamp's stored form itself (xlat_json_tag). */
static const struct {
	uint32_t oid;
	char form[4]; /* by enum xlat_textform */
} forms[] = {
	{XLAT_OID_NUMERIC, {'o', 'o', 'o', 'o'}}, {XLAT_OID_BOOL, {'B', 'o', 0, 0}},
	{XLAT_OID_FLOAT4, {'o', 'o', 'o', 'o'}},  {XLAT_OID_FLOAT8, {'o', 'o', 0, 'o'}},
	{XLAT_OID_BYTEA, {'o', 'o', 0, 0}},       {XLAT_OID_TIMESTAMPTZ, {'Z', 'Z', 0, 'Z'}},
	{XLAT_OID_DATE, {'Z', 'Z', 0, 0}},        {XLAT_OID_TIMESTAMP, {'Z', 'Z', 0, 0}},
	{XLAT_OID_INTERVAL, {'o', 'o', 0, 'o'}}, /* in the session's IntervalStyle */
	{XLAT_OID_MONEY, {'o', 'o', 'o', 'o'}},  /* cash_out's text, not the cents */
};

/* DDL expressions and views are kept in the tenant's schema, which names no pgfn function. */
static bool schema_kept(const struct xlat_ctx *c)
{
	return (c->flags & XLAT_X_NOSUBQUERY) ||
	       (c->top_stmt && c->top_stmt->node_case == PG_QUERY__NODE__NODE_VIEW_STMT);
}

/* In the schema (a view, a CHECK, a default), which calls no pgfn function: a date's or
 * timestamp's text [from, to) as SQLite's own expression, its stored form outside years
 * 1..9999 (pgtype_dt_store: '.9956-03-15', ':0010000-01-01') as PostgreSQL's ISO text. */
static void unstore_sql(struct xlat_ctx *c, size_t from, size_t to)
{
	const char *x = arena_strndup(c->a, c->sb->data + from, to - from);
	xlat_insert_at(
		c, to,
		arena_printf(c->a,
			     ", 1, 1) WHEN '.' THEN printf('%%04d', 10000 - substr(%s, 2, "
			     "4)) || substr(%s, 6) || ' BC' WHEN ':' THEN CAST(substr(%s, 2, "
			     "7) AS INTEGER) || substr(%s, 9) ELSE %s END)",
			     x, x, x, x, x));
	xlat_insert_at(c, from, "(CASE substr(");
}

void xlat_text_form(struct xlat_ctx *c, size_t from, size_t to, struct xlat_type t,
		    enum xlat_textform form)
{
	char how = 0;
	if (form == XLAT_TF_JSON && (t.oid == 22 /* int2vector */ || t.oid == 30 /* oidvector */)) {
		/* to JSON as the arrays they are (typelem int2, oid): "1 2" is {1,2}, [1,2] or
		 * ["1","2"] as xlat_json_tag says */
		xlat_insert_at(c, to, ", ' ', ',') || '}')");
		xlat_insert_at(c, from, "('{' || replace(");
		return;
	}
	if (t.oid == XLAT_OID_BPCHAR && form != XLAT_TF_CAST && t.typmod > 4 && !schema_kept(c)) {
		/* bpcharout pads to n (stored without the blanks); a cast to text, ||, does not */
		xlat_insert_at(c, to, arena_printf(c->a, ", %d)", (int)t.typmod - 4));
		xlat_insert_at(c, from, "pgfn_bpchar_pad(");
		return;
	}
	if (t.oid == XLAT_OID_BPCHAR && form == XLAT_TF_CAST && t.typmod < 0) {
		/* a bpchar without a length keeps its blanks, which its cast to text drops */
		xlat_insert_at(c, to, ", ' ')");
		xlat_insert_at(c, from, "rtrim(");
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(forms); i++) {
		if (forms[i].oid == t.oid)
			how = forms[i].form[form];
	}
	/* an array of timestamptz (of dates, timestamps, intervals, their ranges) is stored with
	 * its elements as their scalars are: as text they show in the session's zone */
	uint32_t elem = how ? 0 : xlat_array_elem(t.oid);
	if (elem && pgtype_array_styled(elem) &&
	    (form == XLAT_TF_CAST || form == XLAT_TF_OUTPUT ||
	     (form == XLAT_TF_JSON && elem == XLAT_OID_TIMESTAMPTZ)))
		how = 'o';
	/* bytea elements print in the session's bytea_output (stored in hex) */
	if (elem == XLAT_OID_BYTEA && (form == XLAT_TF_CAST || form == XLAT_TF_OUTPUT))
		how = 'o';
	/* float elements print under the session's extra_float_digits */
	if ((elem == XLAT_OID_FLOAT8 || elem == XLAT_OID_FLOAT4) &&
	    (form == XLAT_TF_CAST || form == XLAT_TF_OUTPUT))
		how = 'o';
	/* a numeric whose scale is not known prints as its value comes, as SQLite's does; but
	 * a value of type numeric without a typmod (an unconstrained column's REAL) prints as
	 * numeric_out does in a result column, not in SQLite's exponent form (1.234e-06) */
	if (how && schema_kept(c) && (t.oid == XLAT_OID_DATE || t.oid == XLAT_OID_TIMESTAMP)) {
		unstore_sql(c, from, to);
		return;
	}
	if (!how || schema_kept(c) ||
	    (t.oid == XLAT_OID_NUMERIC && xlat_numeric_scale_of(t) < 0 && t.typmod != -1))
		return;
	if (how == 'Z') {
		xlat_insert_at(c, to, arena_printf(c->a, ", %u, %u)", t.oid, XLAT_OID_TEXT));
		xlat_insert_at(c, from, "pg_dt_cast(");
		return;
	}
	if (how == 'B') {
		xlat_insert_at(c, to, ", 'B')");
		xlat_insert_at(c, from, "pgfn_pgtext(");
		return;
	}
	xlat_insert_at(c, to,
		       arena_printf(c->a, ", %u, %d)", t.oid,
				    t.oid == XLAT_OID_NUMERIC ? (int)t.typmod : -1));
	xlat_insert_at(c, from, "pgfn_text_out(");
}

unsigned xlat_text_exact(struct xlat_ctx *c)
{
	unsigned saved = c->flags;
	if (!schema_kept(c))
		c->flags |= XLAT_X_EXACT;
	return saved;
}

bool xlat_text_operand(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type *t,
		       enum xlat_textform form)
{
	size_t mark = c->sb->len;
	unsigned saved = xlat_text_exact(c);
	if (xlat_catalog_reg_named(n)) /* 'users'::regclass: its name, not its OID */
		c->flags |= XLAT_X_RESULT;
	bool ok = xlat_expr(c, n, t);
	c->flags = saved;
	if (ok)
		xlat_text_form(c, mark, c->sb->len, *t, form);
	return ok;
}

/* One field of a row as record_out prints it: its output form; a date/time in the session's
 * zone, as its cast to text. */
static bool row_field(struct xlat_ctx *c, const PgQuery__Node *n)
{
	struct xlat_type t;
	size_t mark = c->sb->len;
	if (n->node_case == PG_QUERY__NODE__NODE_ROW_EXPR) /* ROW(a, ROW(b, c)): its own text */
		return xlat_row_text(c, n, n->row_expr->location) > 0;
	if (!xlat_text_operand(c, n, &t, XLAT_TF_OUTPUT))
		return false;
	if (!xlat_type_is_temporal(t.oid) || t.oid == XLAT_OID_TIMETZ)
		return true;
	char *x = arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark);
	c->sb->len = mark;
	xlat_nocache(c); /* the field's text was moved */
	return xlat_dt_cast_expr(c, x, t.oid, XLAT_OID_TEXT);
}

/* A column reference t.c built for relation rel, as the parser would have made it. */
static bool row_column(struct xlat_ctx *c, const char *rel, const char *col, int location)
{
	struct xlat_colref r;
	return row_field(c, xlat_colref(&r, rel, col, location));
}

/* The relation a whole-row reference names (t or t.*), or NULL. */
static const char *whole_row_name(const PgQuery__Node *n)
{
	if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
		return NULL;
	const PgQuery__ColumnRef *cr = n->column_ref;
	if (cr->n_fields == 2 && cr->fields[1]->node_case == PG_QUERY__NODE__NODE_A_STAR)
		return xlat_node_str(cr->fields[0]);
	return cr->n_fields == 1 ? xlat_node_str(cr->fields[0]) : NULL;
}

bool xlat_row_fields(struct xlat_ctx *c, PgQuery__Node *const *args, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xlat_puts(c, i ? ", " : "");
		if (!row_field(c, args[i]))
			return false;
	}
	return true;
}

int xlat_row_text(struct xlat_ctx *c, const PgQuery__Node *arg, int location)
{
	const char *rel = whole_row_name(arg);
	const struct xlat_schema_col *cols = NULL;
	size_t n = 0;
	int found = rel ? xlat_scope_whole_row(c, rel, &cols, &n) : 0;
	if (found < 0 || (rel && arg->column_ref->n_fields == 2 && found == 0))
		return xlat_unsupported(c, location,
					found == -2 ? "a whole row of a relation two of whose "
						      "columns share a name"
						    : "a whole row of this relation as text")
			       ? 1
			       : -1;
	if (arg->node_case != PG_QUERY__NODE__NODE_ROW_EXPR && found == 0)
		return 0;
	if (schema_kept(c))
		return xlat_unsupported(c, location, "a row as text in a view or DDL") ? 1 : -1;
	xlat_puts(c, "pgfn_record_text(");
	size_t nf = found ? n : arg->row_expr->n_args;
	for (size_t i = 0; i < nf; i++) {
		xlat_puts(c, i ? ", " : "");
		if (found && !cols[i].name)
			return xlat_unsupported(c, location, "a row with an unnamed column as text")
				       ? 1
				       : -1;
		if (!(found ? row_column(c, rel, cols[i].name, location)
			    : row_field(c, arg->row_expr->args[i])))
			return -1;
	}
	xlat_puts(c, ")");
	return 1;
}
