/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_infer.c: types flowing from the schema into expressions — a `$n` takes the type of the
 * operand it is compared with or computed with, or of the column it is stored into (what
 * ParameterDescription reports), and a value stored into a column of a known type is checked
 * as PostgreSQL's assignment cast checks it (pgfn_cast.c: range 22003, input syntax 22P02,
 * length 22001). Integer arithmetic is checked for overflow the same way. */
#include "xlat_int.h"

#include "pgtype.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x

/* Records oid as $n's type unless the client gave one or an earlier use decided it. */
static void param_infer(struct xlat_ctx *c, const PgQuery__ParamRef *p, uint32_t oid)
{
	if (!oid || oid == XLAT_OID_UNKNOWN || !xlat_param(c, p->number, 0, p->location))
		return;
	if (p->number <= c->ngiven && c->given[p->number - 1])
		return;
	if (!c->ptypes[p->number - 1])
		c->ptypes[p->number - 1] = oid;
}

static bool is_param(const PgQuery__Node *n) { return n && n->node_case == NODE(PARAM_REF); }

/* varchar has no operators of its own: PostgreSQL compares it as text, so a parameter compared
 * with a varchar column is text (and char(n) is bpchar). */
static uint32_t operator_type(uint32_t oid)
{
	/* cidr has no operators of its own: PostgreSQL resolves cidr = $1 to inet's */
	return oid == XLAT_OID_VARCHAR ? XLAT_OID_TEXT : oid == XLAT_OID_CIDR ? XLAT_OID_INET : oid;
}

static bool known(struct xlat_type t) { return t.oid && t.oid != XLAT_OID_UNKNOWN; }

void xlat_infer_pair(struct xlat_ctx *c, const PgQuery__Node *l, struct xlat_type *lt,
		     const PgQuery__Node *r, struct xlat_type *rt)
{
	if (is_param(l) && !lt->oid && known(*rt)) {
		param_infer(c, l->param_ref, operator_type(rt->oid));
		*lt = (struct xlat_type){operator_type(rt->oid), -1};
	} else if (is_param(r) && !rt->oid && known(*lt)) {
		param_infer(c, r->param_ref, operator_type(lt->oid));
		*rt = (struct xlat_type){operator_type(lt->oid), -1};
	}
}

bool xlat_untyped_param(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (!is_param(n))
		return false;
	int k = n->param_ref->number;
	if (k < 1 || (k <= c->ngiven && c->given[k - 1]))
		return false;
	return k > c->ptypes_cap || !c->ptypes[k - 1];
}

void xlat_infer_like(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t)
{
	if (is_param(n) && known(t))
		param_infer(c, n->param_ref, operator_type(t.oid));
}

static bool unknown_const(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) &&
	       (n->a_const->isnull || n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL);
}

struct xlat_type xlat_infer_unknowns(struct xlat_ctx *c, PgQuery__Node *const *v, size_t n)
{
	uint32_t deduced = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_param(v[i]) && !xlat_untyped_param(c, v[i])) {
			uint32_t d = xlat_param_deduced(c, v[i]->param_ref->number);
			if (!d || (deduced && d != deduced))
				return (struct xlat_type){0, -1};
			deduced = d;
		} else if (!unknown_const(v[i]) && !is_param(v[i])) {
			return (struct xlat_type){0, -1};
		}
	}
	uint32_t oid = deduced ? deduced : XLAT_OID_TEXT;
	for (size_t i = 0; i < n; i++)
		if (xlat_untyped_param(c, v[i]))
			param_infer(c, v[i]->param_ref, oid);
	return (struct xlat_type){oid, -1};
}

/* The checking function for a column type; NULL when storing needs no check. */
static const char *check_fn(const struct xlat_schema_col *col, bool *takes_mod)
{
	*takes_mod = col->typmod >= 4;
	switch (col->type_oid) {
	case XLAT_OID_INT2:
		*takes_mod = false;
		return "shardlite_int2";
	case XLAT_OID_INT4:
		*takes_mod = false;
		return "shardlite_int4";
	case XLAT_OID_INT8:
		*takes_mod = false;
		return "shardlite_int8";
	case XLAT_OID_NUMERIC:
		return *takes_mod ? "shardlite_numeric" : NULL;
	case XLAT_OID_VARCHAR:
		return *takes_mod ? "shardlite_varchar" : NULL;
	case XLAT_OID_BPCHAR:
		return *takes_mod ? "shardlite_bpchar" : NULL;
	case XLAT_OID_NAME: /* cut to 63 bytes, as the assignment to name cuts it */
		*takes_mod = false;
		return "pgfn_name";
	case XLAT_OID_CHAR: /* text_char: the first byte */
		*takes_mod = false;
		return "pgfn_char";
	case XLAT_OID_FLOAT4: /* a double past a real's range is 22003 (float8_float4) */
		*takes_mod = false;
		return "pgfn_f8_f4";
	default:
		return NULL;
	}
}

bool xlat_checks_on(const struct xlat_ctx *c)
{
	return c->schema &&
	       ((c->flags & XLAT_X_CONVERT) || (!c->st->is_ddl && !(c->flags & XLAT_X_NOSUBQUERY)));
}

static int int_rank(uint32_t oid)
{
	return oid == XLAT_OID_INT2 ? 1 : oid == XLAT_OID_INT4 ? 2 : oid == XLAT_OID_INT8 ? 3 : 0;
}

/* A value of type t needs no check to be stored as col: an integer type no wider (it was
 * checked when it was computed, bound or written), or exactly the column's type. */
static bool fits(struct xlat_type t, const struct xlat_schema_col *col)
{
	int want = int_rank(col->type_oid), have = int_rank(t.oid);
	if (want)
		return have && have <= want;
	return t.oid == col->type_oid && t.typmod == col->typmod && t.typmod < 0;
}

/* A string literal stored into a column of these types is read by the type's input function
 * while translating, as PostgreSQL reads it ('t' into a boolean is true, '\x01' into a bytea
 * is one byte); the length and scale checks of the others need the value at run time. */
static bool literal_input(uint32_t oid)
{
	switch (oid) {
	case XLAT_OID_BOOL:
	case XLAT_OID_BYTEA:
	case XLAT_OID_CHAR:
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
	case XLAT_OID_UUID:
	case XLAT_OID_INET:
	case XLAT_OID_CIDR:
	case XLAT_OID_MACADDR:
	case XLAT_OID_MACADDR8:
	case XLAT_OID_BIT:
	case XLAT_OID_VARBIT:
	case XLAT_OID_MONEY:
	case XLAT_OID_XID:
	case XLAT_OID_INT4RANGE:
	case XLAT_OID_INT8RANGE:
	case XLAT_OID_NUMRANGE:
	case XLAT_OID_DATERANGE:
	case XLAT_OID_TSRANGE:
	case XLAT_OID_TSTZRANGE:
	case XLAT_OID_INT4MULTIRANGE:
	case XLAT_OID_INT8MULTIRANGE:
	case XLAT_OID_NUMMULTIRANGE:
	case XLAT_OID_DATEMULTIRANGE:
	case XLAT_OID_TSMULTIRANGE:
	case XLAT_OID_TSTZMULTIRANGE:
	case XLAT_OID_TSVECTOR:
	case XLAT_OID_TSQUERY:
	case XLAT_OID_JSON:
	case XLAT_OID_JSONB:
	case XLAT_OID_DATE:
	case XLAT_OID_TIME:
	case XLAT_OID_TIMESTAMP:
	case XLAT_OID_TIMESTAMPTZ:
	case XLAT_OID_INTERVAL:
		return true;
	default:
		return false;
	}
}

/* The input function that makes a value of type t stored into col take the column type's
 * stored form (date/time as their canonical text, timestamptz in UTC, lower-case uuid, jsonb's
 * canonical text, bytea as bytes, an array's text as array_out prints it), with its input checks
 * (22007, 22008, 22P02), or NULL when the value has that form already. A parameter is decoded
 * at Bind, except json. */
static const char *stored_form_fn(struct xlat_ctx *c, const struct xlat_schema_col *col,
				  struct xlat_type t, bool param, const char **tail)
{
	uint32_t oid = col->type_oid;
	*tail = ")";
	switch (oid) {
	case XLAT_OID_DATE:
	case XLAT_OID_TIME:
	case XLAT_OID_TIMESTAMP:
	case XLAT_OID_TIMESTAMPTZ:
	case XLAT_OID_INTERVAL: {
		bool dt = xlat_type_is_temporal(t.oid) && t.oid != XLAT_OID_TIMETZ;
		*tail = arena_printf(c->a, ", %u, %u)", dt ? t.oid : XLAT_OID_TEXT, oid);
		return t.oid == oid ? NULL : "pg_dt_cast(";
	}
	case XLAT_OID_TIMETZ: /* read from text; the other date/time types do not convert */
		if (t.oid == oid || xlat_type_is_temporal(t.oid))
			return NULL;
		*tail = arena_printf(c->a, ", %u, %u)", XLAT_OID_TEXT, oid);
		return "pg_dt_cast(";
	case XLAT_OID_UUID:
		return t.oid == oid ? NULL : "shardlite_uuid(";
	case XLAT_OID_XID: /* text read by xidin */
		return t.oid == oid ? NULL : "pgfn_xid_in(";
	case XLAT_OID_INET:
	case XLAT_OID_CIDR:
	case XLAT_OID_MACADDR:
	case XLAT_OID_MACADDR8: /* a cidr stored into an inet column keeps its text */
	case XLAT_OID_TSVECTOR:
	case XLAT_OID_TSQUERY:
		return t.oid == oid || (oid == XLAT_OID_INET && t.oid == XLAT_OID_CIDR)
			       ? NULL
			       : arena_printf(c->a, "%s(", xlat_net_input(oid));
	case XLAT_OID_BYTEA:
		return t.oid == oid ? NULL : "shardlite_bytea(";
	case XLAT_OID_BIT:
	case XLAT_OID_VARBIT: /* the column's length rule (xlat_bit.c) */
		return xlat_bit_store(c, oid, col->typmod, t, tail);
	case XLAT_OID_INT4RANGE:
	case XLAT_OID_INT8RANGE:
	case XLAT_OID_NUMRANGE:
	case XLAT_OID_DATERANGE:
	case XLAT_OID_TSRANGE:
	case XLAT_OID_TSTZRANGE: /* text read by range_in */
		*tail = arena_printf(c->a, ", %u)", oid);
		return t.oid == oid ? NULL : "shardlite_range(";
	case XLAT_OID_INT4MULTIRANGE:
	case XLAT_OID_INT8MULTIRANGE:
	case XLAT_OID_NUMMULTIRANGE:
	case XLAT_OID_DATEMULTIRANGE:
	case XLAT_OID_TSMULTIRANGE:
	case XLAT_OID_TSTZMULTIRANGE: /* text read by multirange_in */
		*tail = arena_printf(c->a, ", %u)", oid);
		return t.oid == oid ? NULL : "shardlite_multirange(";
	case XLAT_OID_JSON:
		return t.oid == oid && !param ? NULL : "pgfn_json_in(";
	case XLAT_OID_JSONB:
		return t.oid == oid && !param ? NULL : "pgfn_jsonb_in(";
	case XLAT_OID_JSONPATH: /* checked and normalized, as jsonpath_in stores it */
		return t.oid == oid && !param ? NULL : "pgfn_jsonpath_in(";
	default: {
		/* an enum's value: one of its labels (a parameter is bound as text) */
		bool array = false;
		const struct xlat_enum *e = xlat_enum_by_oid(c, oid, &array);
		uint32_t bits = xlat_array_elem(oid); /* bit(n)[]: its elements' length checked */
		bool bit_len = xlat_bit_type(bits) && col->typmod > 0;
		if (!e && xlat_array_elem(oid) && (t.oid != oid || bit_len) && !param) {
			/* array text as PostgreSQL prints it ({a,b} for '{"a","b"}'); a parameter is
			 * made so at Bind */
			uint32_t el = xlat_array_elem(oid);
			bool len = el == XLAT_OID_VARCHAR || el == XLAT_OID_BPCHAR ||
				   el == XLAT_OID_BIT || el == XLAT_OID_VARBIT;
			*tail = col->typmod >= 0 && len ? arena_printf(c->a, ", %u, %d)", el,
								       col->typmod) /* lengths */
							: arena_printf(c->a, ", %u)", el);
			return "pgfn_array_in(";
		}
		const char *spec = e ? NULL : xlat_comptype_spec(c, oid);
		if (spec && (t.oid != oid || param)) { /* a composite value: read by record_in */
			*tail = arena_printf(c->a, "%s)", spec);
			return "pgfn_record_in(";
		}
		uint32_t row = e ? 0 : xlat_comptype_array_elem(c, oid);
		if (row && (t.oid != oid || param)) { /* pt[]: each element read by record_in */
			*tail = arena_printf(c->a, "%s)", xlat_comptype_spec(c, row));
			return "pgfn_record_array_in(";
		}
		if (!e || (t.oid == oid && !param))
			return NULL;
		*tail = arena_printf(c->a, "%s)", xlat_enum_args_text(c, e));
		return array ? "pgfn_enum_array_in(" : "pgfn_enum_in(";
	}
	}
}

static bool string_literal(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	       n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL;
}

int xlat_infer_literal(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type t)
{
	if (t.oid == XLAT_OID_BPCHAR)
		return xlat_bpchar_literal(c, n, t);
	if (t.oid == XLAT_OID_NAME && string_literal(n)) /* namein cuts it to 63 bytes */
		return xlat_cast_string(c, n, t.oid, -1) ? 1 : -1;
	bool numeric = t.oid == XLAT_OID_NUMERIC; /* read as a number: 22P02 for 'abc' */
	bool arr = false;
	const struct xlat_enum *e = string_literal(n) ? xlat_enum_by_oid(c, t.oid, &arr) : NULL;
	if (e && arr && xlat_checks_on(c)) /* '{sad,ok}' beside a mood[] */
		return xlat_enum_array_input(c, n, e, &t) ? 1 : -1;
	if (e && !arr) /* PostgreSQL reads the literal as the enum: 22P02 for a label it lacks */
		return xlat_enum_input(c, n, e, &t) ? 1 : -1;
	if (string_literal(n) && ((t.oid >= 16384 && xlat_comptype_of_oid(c, t.oid)) ||
				  t.oid == XLAT_OID_RECORD || t.oid == 2287 /* record[] */)) {
		/* PostgreSQL resolves the operator as record's, whose input refuses it */
		xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, n->a_const->location,
			  "input of anonymous composite types is not implemented");
		return -1;
	}
	if (!c->schema || !string_literal(n) || !(literal_input(t.oid) || numeric) ||
	    t.oid == XLAT_OID_JSON || !xlat_type_by_oid(t.oid))
		return 0;
	return xlat_cast_string(c, n, t.oid, -1) ? 1 : -1;
}

/* A serial key is SQLite's rowid alias, which would number a NULL stored into it: the value
 * is wrapped in a check that refuses NULL as PostgreSQL's NOT NULL key does. */
static void not_null(struct xlat_ctx *c, size_t mark, const char *column)
{
	xlat_insert_at(c, mark, "shardlite_notnull(");
	xlat_puts(c, ", ");
	xlat_string(c, column);
	xlat_puts(c, ", ");
	xlat_string(c, c->assign_rel);
	xlat_puts(c, ")");
}

/* CURRENT_TIMESTAMP stored into a timestamp column is LOCALTIMESTAMP: both are the
 * transaction's start in the session's TimeZone, and PostgreSQL's LOCALTIMESTAMP is that cast
 * (GetSQLLocalTimestamp). Written as one call instead of the timestamptz's text read back by
 * pg_dt_cast (pgbench's pgbench_history.mtime: about 3,000 instructions per row). */
static bool local_timestamp(struct xlat_ctx *c, const struct xlat_schema_col *col,
			    const PgQuery__Node *n)
{
	return col->type_oid == XLAT_OID_TIMESTAMP && col->typmod < 0 &&
	       n->node_case == NODE(SQLVALUE_FUNCTION) &&
	       n->sqlvalue_function->op ==
		       PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP &&
	       n->sqlvalue_function->typmod < 0 && xlat_checks_on(c);
}

/* A numeric constant (1.50, -0.001) assigned to a string column: numeric_out's text of it
 * (digits as written, leading zeros dropped), as PostgreSQL's assignment cast stores it,
 * replacing the number SQLite would hold in a double (15-17 significant digits) from mark on.
 * A constant with an exponent keeps the numeric path. */
static void numeric_const_text(struct xlat_ctx *c, const PgQuery__Node *n, size_t mark,
			       struct xlat_type *t)
{
	if (n->node_case != NODE(A_CONST) || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_FVAL)
		return;
	const char *s = n->a_const->fval->fval, *p = s + (*s == '-');
	size_t digits = strspn(p, "0123456789"), frac = 0;
	if (p[digits] == '.')
		frac = strspn(p + digits + 1, "0123456789");
	if (p[digits] != '.' || p[digits + 1 + frac] != '\0' || digits + frac == 0)
		return;
	size_t lead = 0;
	while (lead < digits && p[lead] == '0')
		lead++;
	bool zero = lead == digits && strspn(p + digits + 1, "0") == frac;
	const char *text = arena_printf(c->a, "%s%.*s%s%.*s", *s == '-' && !zero ? "-" : "",
					(int)(digits - lead), p + lead, lead == digits ? "0" : "",
					(int)(frac ? frac + 1 : 0), p + digits);
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	xlat_string(c, text);
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
}

/* A numeric column keeps an SQLite number (docs/sql-compat.md, "A numeric at rest"): a decimal
 * stored into it goes to SQLite as text through pgfn_num_store, which refuses (0A000) one that
 * the number SQLite makes of it would not read back as; numeric(p,s) rounds it in decimal first
 * (pgfn_num_fit). The value written since mark is wrapped so. */
static void numeric_store_wrap(struct xlat_ctx *c, size_t mark, const struct xlat_schema_col *col)
{
	bool fit = col->typmod >= 4;
	xlat_insert_at(c, mark, fit ? "pgfn_num_store(pgfn_num_fit(" : "pgfn_num_store(");
	if (fit)
		xlat_printf(c, ", %d)", (int)col->typmod);
	xlat_puts(c, ", ");
	xlat_string(c, col->name ? col->name : "?column?");
	xlat_puts(c, ")");
}

/* A numeric constant SQLite reads exactly as an integer: digits that fit int64. */
static bool int64_constant(const char *s)
{
	const char *p = s + (*s == '-');
	if (!*p || strspn(p, "0123456789") != strlen(p))
		return false;
	errno = 0;
	(void)strtoll(s, NULL, 10);
	return errno != ERANGE;
}

/* x::numeric, CAST(x AS numeric), without a typmod. */
static bool plain_numeric_cast(const PgQuery__TypeCast *tc)
{
	const PgQuery__TypeName *tn = tc->type_name;
	if (!tn || tn->n_array_bounds || tn->n_typmods || !tn->n_names || tn->n_names > 2)
		return false;
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : "pg_catalog";
	return name && schema && strcmp(schema, "pg_catalog") == 0 &&
	       (strcmp(name, "numeric") == 0 || strcmp(name, "decimal") == 0);
}

/* A decimal constant (1.50, 12345678901234567890.5, '0.1') stored into a numeric column:
 * written as text inside pgfn_num_store; 1 done, -1 failed, 0 for another value (an integer
 * constant, NULL, 'NaN', text numeric_in refuses: the usual path, its errors). A string
 * constant is read at translation (pinned); a numeric one stays the translation cache's hole. */
static int numeric_store_const(struct xlat_ctx *c, const struct xlat_schema_col *col,
			       const PgQuery__Node *n)
{
	if (col->type_oid != XLAT_OID_NUMERIC || !xlat_checks_on(c))
		return 0;
	if (n->node_case == NODE(TYPE_CAST) && plain_numeric_cast(n->type_cast))
		n = n->type_cast->arg; /* '1.5'::numeric: the constant itself */
	if (n->node_case != NODE(A_CONST) || n->a_const->isnull)
		return 0;
	const PgQuery__AConst *k = n->a_const;
	size_t mark = c->sb->len;
	if (k->val_case == PG_QUERY__A__CONST__VAL_FVAL && !int64_constant(k->fval->fval)) {
		unsigned saved = c->flags;
		c->flags &= ~(unsigned)(XLAT_X_EXACT | XLAT_X_EXACT_OPERAND); /* bare digits */
		struct xlat_type t;
		xlat_puts(c, "'");
		bool ok = xlat_expr(c, n, &t);
		c->flags = saved;
		if (!ok)
			return -1;
		xlat_puts(c, "'");
		numeric_store_wrap(c, mark, col);
		return 1;
	}
	if (k->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return 0;
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	const char *s = k->sval->sval;
	if (!pgtype_decode_text(XLAT_OID_NUMERIC, s, strlen(s), c->a, &v, &err) ||
	    v.kind != PGTYPE_V_TEXT || !pgtype_numeric_kept_decimal(v.p, v.n))
		return 0;
	if (!xlat_const_value(c, n)) /* pins it: its value decided the translation */
		return 0;
	xlat_string(c, arena_strndup(c->a, v.p, v.n));
	numeric_store_wrap(c, mark, col);
	return 1;
}

bool xlat_assign_value(struct xlat_ctx *c, const struct xlat_schema_col *col,
		       const PgQuery__Node *n)
{
	struct xlat_type t;
	if (!col || !col->type_oid)
		return xlat_expr(c, n, &t);
	int row = xlat_comptype_assign(c, col->type_oid, n); /* ROW(...) into a composite column */
	if (row)
		return row > 0;
	/* timestamp(p) and its kind: the value rounded to p as PostgreSQL stores it */
	int prec = xlat_dt_precision(col->type_oid, col->typmod);
	if (prec >= 0 && col->type_oid == XLAT_OID_INTERVAL && n->node_case == NODE(A_CONST) &&
	    !n->a_const->isnull && n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
		return xlat_dt_interval_literal(c, xlat_const_value(c, n)->sval->sval, col->typmod,
						n->a_const->location);
	if (prec >= 0 && xlat_checks_on(c) &&
	    !(n->node_case == NODE(A_CONST) && n->a_const->isnull)) {
		struct xlat_schema_col plain = *col;
		plain.typmod = -1;
		size_t at = c->sb->len;
		if (!xlat_assign_value(c, &plain, n))
			return false;
		xlat_dt_typmod_wrap(c, at, col->type_oid, prec);
		return true;
	}
	if (local_timestamp(c, col, n))
		return xlat_dt_sqlvalue(c, XLAT_OID_TIMESTAMP, -1, &t);
	int numeric = numeric_store_const(c, col, n);
	if (numeric)
		return numeric > 0;
	/* a string into a numeric column is read by numeric_in too: 22P02 for 'abc', NaN and
	 * the infinities in their own spelling ('nan' was stored as the text) */
	bool num = col->type_oid == XLAT_OID_NUMERIC && col->typmod < 0;
	if (n->node_case == NODE(A_CONST) && !n->a_const->isnull &&
	    n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
	    (literal_input(col->type_oid) || num) && xlat_type_by_oid(col->type_oid))
		return xlat_cast_string(c, n, col->type_oid,
					xlat_bit_type(col->type_oid) ? col->typmod : -1);
	if (is_param(n)) {
		xlat_domain_param_column(c, n, c->assign_rel, col->name); /* (before its type) */
		param_infer(c, n->param_ref, col->type_oid);
	}
	bool mod = false;
	const char *fn = check_fn(col, &mod);
	size_t mark = c->sb->len;
	bool to_string = col->type_oid == XLAT_OID_TEXT || col->type_oid == XLAT_OID_VARCHAR ||
			 col->type_oid == XLAT_OID_BPCHAR;
	unsigned saved = to_string ? xlat_text_exact(c) : c->flags; /* a numeric's own scale */
	bool done = xlat_expr(c, n, &t);
	c->flags = saved;
	if (!done)
		return false;
	if (to_string && t.oid == XLAT_OID_NUMERIC && xlat_checks_on(c))
		numeric_const_text(c, n, mark, &t); /* 123456789.123456789 into a text column */
	if (is_param(n) && !t.oid)
		t = (struct xlat_type){col->type_oid, -1}; /* bound as that type: checked then */
	if (!xlat_bit_assign_check(c, col, t, xlat_tree_location(&n->base)))
		return false;
	bool null = n->node_case == NODE(A_CONST) && n->a_const->isnull;
	if (!null && !xlat_xid_assign_check(c, col, t, xlat_tree_location(&n->base)))
		return false;
	if (!null && !xlat_char_assign_check(c, col, t, xlat_tree_location(&n->base)))
		return false;
	if (col->type_oid == XLAT_OID_BOOL &&
	    (int_rank(t.oid) || t.oid == XLAT_OID_NUMERIC || t.oid == XLAT_OID_FLOAT4 ||
	     t.oid == XLAT_OID_FLOAT8)) {
		/* a number has an explicit cast to boolean only (2 into a boolean column) */
		xlat_fail(c, "42804", xlat_tree_location(&n->base),
			  "column \"%s\" is of type boolean but expression is of type %s",
			  col->name, xlat_type_by_oid(t.oid)->sql_name);
		pgerr_hint(c->err, "You will need to rewrite or cast the expression.");
		return false;
	}
	/* a parameter the client bound as another type (a boolean: 0 or 1) too */
	int k = is_param(n) ? n->param_ref->number : 0;
	bool typed_param = k >= 1 && k <= c->ngiven && c->given[k - 1] &&
			   c->given[k - 1] != col->type_oid;
	if (to_string && !null && (!is_param(n) || typed_param) &&
	    xlat_checks_on(c)) { /* 'true', not 1 */
		if (!xlat_cast_assign_text(c, mark, &t))
			return false;
	}
	if (col->type_oid == XLAT_OID_MONEY && !null) { /* int4/int8/numeric: assignment casts */
		bool ok;
		const char *w = xlat_money_store(c, col, t, xlat_tree_location(&n->base), &ok);
		if (w) {
			xlat_insert_at(c, mark, w);
			xlat_puts(c, ")");
		}
		return ok;
	}
	/* a parameter bound as text (numeric's, binary too: pgtype reads it into its decimal) */
	bool num_param = col->type_oid == XLAT_OID_NUMERIC && is_param(n) &&
			 (t.oid == XLAT_OID_NUMERIC || t.oid == XLAT_OID_TEXT ||
			  t.oid == XLAT_OID_VARCHAR || t.oid == XLAT_OID_UNKNOWN);
	const char *tail, *store = stored_form_fn(c, col, t, is_param(n), &tail);
	if (num_param && xlat_checks_on(c)) {
		numeric_store_wrap(c, mark, col);
	} else if (store && !null && xlat_checks_on(c)) {
		xlat_insert_at(c, mark, store);
		xlat_puts(c, tail);
	} else if (fn && !null && xlat_checks_on(c) && !fits(t, col)) {
		/* float → integer rounds half to even (rint), numeric half away from zero; a
		 * float's NaN is out of range there ('f'), not a syntax error */
		bool fl = int_rank(col->type_oid) &&
			  (t.oid == XLAT_OID_FLOAT4 || t.oid == XLAT_OID_FLOAT8);
		if (fl) {
			xlat_insert_at(c, mark, "pgfn_rint(");
			xlat_puts(c, ")");
		}
		xlat_insert_at(c, mark, arena_printf(c->a, "%s(", fn));
		if (fl)
			xlat_puts(c, ", 'f')");
		else if (mod && col->type_oid == XLAT_OID_NUMERIC)
			xlat_printf(c, ", %d)", (int)col->typmod);
		else if (mod)
			xlat_printf(c, ", %d)", (int)col->typmod - 4);
		else
			xlat_puts(c, ")");
	}
	if ((col->rowid_seq || col->rowid_key) && c->assign_rel && xlat_checks_on(c))
		not_null(c, mark, col->name);
	return true;
}

bool xlat_default_refit(struct xlat_ctx *c, size_t mark, struct xlat_type t, uint32_t oid,
			int32_t typmod)
{
	struct xlat_schema_col col = {.type_oid = oid, .typmod = typmod};
	const char *tail = ")", *head = NULL;
	bool mod = false;
	const char *fn = check_fn(&col, &mod);
	if (xlat_bit_type(oid))
		head = xlat_bit_store(c, oid, typmod, t, &tail);
	else if (fn && !fits(t, &col)) {
		bool fl = int_rank(oid) && (t.oid == XLAT_OID_FLOAT4 || t.oid == XLAT_OID_FLOAT8);
		head = arena_printf(c->a, "%s(%s", fn, fl ? "pgfn_rint(" : "");
		tail = fl                               ? "), 'f')"
		       : mod && oid == XLAT_OID_NUMERIC ? arena_printf(c->a, ", %d)", (int)typmod)
		       : mod ? arena_printf(c->a, ", %d)", (int)typmod - 4)
			     : ")";
	}
	if (!head)
		return false;
	xlat_insert_at(c, mark, head);
	xlat_puts(c, tail);
	return true;
}

/* SQLite computes integers in 64 bits (and overflows int64 into a REAL): the result of +, -,
 * * and / on int2/int4/int8 operands is checked against its PostgreSQL type's range (the
 * minimum divided by -1 is the one quotient past it). */
const char *xlat_infer_overflow_fn(struct xlat_type l, struct xlat_type r, const char *op)
{
	if (!strchr("+-*/", op[0]) || op[1])
		return NULL;
	bool li = l.oid == XLAT_OID_INT2 || l.oid == XLAT_OID_INT4 || l.oid == XLAT_OID_INT8;
	bool ri = r.oid == XLAT_OID_INT2 || r.oid == XLAT_OID_INT4 || r.oid == XLAT_OID_INT8;
	if (!li || !ri)
		return NULL;
	if (l.oid == XLAT_OID_INT8 || r.oid == XLAT_OID_INT8)
		return "shardlite_int8op"; /* a REAL -2^63 there is an overflow, not a value */
	/* int2 op int2 is int2 in PostgreSQL; mixed with int4 it is int4 */
	return l.oid == XLAT_OID_INT2 && r.oid == XLAT_OID_INT2 ? "shardlite_int2"
								: "shardlite_int4";
}

/* PostgreSQL's || takes text (or an unknown literal) on at least one side, or bytea, json
 * and arrays on both; two values of other types have no operator (42883). Only types known
 * on both sides are judged. */
bool xlat_concat_ok(uint32_t l, uint32_t r)
{
	if (!l || !r || !xlat_type_by_oid(l) || !xlat_type_by_oid(r))
		return true;
	const struct xlat_typeinfo *a = xlat_type_by_oid(l), *b = xlat_type_by_oid(r);
	bool ltext = a->store == XLAT_ST_TEXT && !xlat_type_is_temporal(l) && l != XLAT_OID_UUID &&
		     l != XLAT_OID_JSON && l != XLAT_OID_JSONB && !xlat_net_input(l);
	bool rtext = b->store == XLAT_ST_TEXT && !xlat_type_is_temporal(r) && r != XLAT_OID_UUID &&
		     r != XLAT_OID_JSON && r != XLAT_OID_JSONB && !xlat_net_input(r);
	return ltext || rtext || l == XLAT_OID_UNKNOWN || r == XLAT_OID_UNKNOWN ||
	       (l == r && (l == XLAT_OID_BYTEA || l == XLAT_OID_JSONB));
}

/* ---- numeric display scale (XLAT_NUM_SCALE) ---- */

int xlat_numeric_typmod_scale(int32_t typmod)
{
	int s = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
	return s < 0 ? 0 : s;
}

int xlat_numeric_scale_of(struct xlat_type t)
{
	if (int_rank(t.oid))
		return 0;
	if (t.oid != XLAT_OID_NUMERIC || t.typmod < 4 || ((t.typmod - 4) >> 16) == 1001)
		return -1;
	return xlat_numeric_typmod_scale(t.typmod);
}

int32_t xlat_literal_scale(const char *s)
{
	const char *dot = strchr(s, '.'), *e = strpbrk(s, "eE");
	const char *end = e ? e : s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1])) /* ' 1.5 '::numeric is 1.5 */
		end--;
	int frac = dot && dot < end ? (int)(end - dot - 1) : 0;
	int scale = frac - (e ? atoi(e + 1) : 0);
	return XLAT_NUM_SCALE(scale < 0 ? 0 : scale > 1000 ? 1000 : scale);
}

/* numeric_add/sub keep the larger scale, numeric_mul the sum; a quotient's scale depends on
 * the values (select_div_scale), so it is marked as one. */
void xlat_numeric_arith(struct xlat_type *t, struct xlat_type l, struct xlat_type r, const char *op)
{
	if (t->oid != XLAT_OID_NUMERIC)
		return;
	int a = xlat_numeric_scale_of(l), b = xlat_numeric_scale_of(r), max = a > b ? a : b;
	t->typmod = -1;
	switch (op[0]) {
	case '+':
	case '-':
	case '%': /* mod_var: the larger scale */
		if (a >= 0 && b >= 0)
			t->typmod = XLAT_NUM_SCALE(max);
		break;
	case '*':
		if (a >= 0 && b >= 0 && a + b <= 1000)
			t->typmod = XLAT_NUM_SCALE(a + b);
		break;
	case '/':
		t->typmod = XLAT_NUM_QUOTIENT(max > 0 ? max : 0);
		break;
	default:
		break;
	}
}

void xlat_numeric_avg(struct xlat_type *t, struct xlat_type arg)
{
	int a = xlat_numeric_scale_of(arg);
	if (t->oid == XLAT_OID_NUMERIC)
		t->typmod = XLAT_NUM_QUOTIENT(a > 0 ? a : 0);
}

void xlat_numeric_col(struct xlat_col *col, struct xlat_type t)
{
	int p = (t.typmod - 4) >> 16;
	if (t.oid != XLAT_OID_NUMERIC || t.typmod < 4 || (p != 0 && p != 1001))
		return;
	int s = xlat_numeric_typmod_scale(t.typmod);
	col->typmod = -1; /* PostgreSQL reports none for an expression */
	col->scale = p == 0 ? s : -s - 2;
}

/* ---- branches: CASE results, COALESCE and ARRAY[] arguments ---- */

struct xlat_type xlat_branches_type(struct xlat_ctx *c, PgQuery__Node *const *v, size_t n)
{
	struct xlat_type none = {XLAT_OID_UNKNOWN, -1};
	size_t lits = 0;
	for (size_t i = 0; i < n; i++)
		lits += string_literal(v[i]);
	if (!lits || lits == n || !c->schema)
		return none;
	struct xlat_type *tv = arena_zalloc(c->a, (n + 1) * sizeof(*tv));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (string_literal(v[i]))
			continue;
		if (!xlat_scope_dry_expr(c, v[i], &tv[k]))
			return none; /* the real translation reports it */
		k++;
	}
	struct xlat_type t = xlat_type_common(tv, k);
	/* char(n) keeps its own literal rules (xlat_bpchar.c); text stays as written */
	return t.oid == XLAT_OID_UNKNOWN_COL || t.oid == XLAT_OID_BPCHAR ? none : t;
}

bool xlat_branch(struct xlat_ctx *c, const PgQuery__Node *n, struct xlat_type common,
		 struct xlat_type *t)
{
	int lit = known(common) && string_literal(n) ? xlat_infer_literal(c, n, common) : 0;
	if (lit > 0)
		*t = (struct xlat_type){common.oid, -1};
	return lit == 0 ? xlat_expr(c, n, t) : lit > 0;
}
