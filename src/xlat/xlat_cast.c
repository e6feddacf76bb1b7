/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_cast.c: `x::type` and CAST(x AS type). Literals are checked and converted here, with
 * PostgreSQL's input rules and error messages (so '1.5'::int fails as it does there);
 * parameters get the cast's type as their inferred type; other expressions become the SQLite
 * conversion whose result matches PostgreSQL's for the values SQLite can hold. */
#include "pgtype.h"
#include "xlat_int.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NODE(x) PG_QUERY__NODE__NODE_##x
#define XLAT_NAME_MAX 63 /* NAMEDATALEN - 1: the bytes of a name value */

/* A target type's pieces, for the emitters below. */
struct cast {
	struct xlat_typeref to;
	const PgQuery__Node *arg;
	int location;
	struct xlat_type *res; /* the cast's result type, when the value refines it */
	uint32_t arg_type;     /* a $n's type deduced by an earlier use, else 0 */
};

static const char *str_const(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case != NODE(A_CONST) || n->a_const->isnull ||
	    n->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
		return NULL;
	return xlat_const_value(c, n)->sval->sval;
}

/* Integer and numeric constants as the parser gives them ("42", "1.5", "1e3"). */
static const char *num_const(struct xlat_ctx *c, const PgQuery__Node *n)
{
	if (n->node_case != NODE(A_CONST) || n->a_const->isnull)
		return NULL;
	xlat_pin(c, n->a_const->location);
	if (n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
		return arena_printf(c->a, "%d", n->a_const->ival->ival);
	if (n->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL)
		return xlat_fval(n->a_const->fval->fval);
	return NULL;
}

static int const_location(const PgQuery__Node *n)
{
	return n->node_case == NODE(A_CONST) ? n->a_const->location : -1;
}

static const char *int_type_name(uint32_t oid)
{
	return oid == XLAT_OID_INT2 ? "smallint" : oid == XLAT_OID_INT8 ? "bigint" : "integer";
}

static bool int_in_range(uint32_t oid, long long v)
{
	if (oid == XLAT_OID_INT2)
		return v >= SHRT_MIN && v <= SHRT_MAX;
	if (oid == XLAT_OID_INT4)
		return v >= INT_MIN && v <= INT_MAX;
	if (oid == XLAT_OID_OID)
		return v >= 0 && v <= UINT_MAX;
	return true;
}

/* int2in/int4in/int8in: blanks around an optionally signed run of digits. */
static bool int_from_text(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	uint32_t oid = k->to.info->oid;
	const char *p = s;
	while (isspace((unsigned char)*p))
		p++;
	const char *start = p;
	if (*p == '+' || *p == '-')
		p++;
	const char *digits = p;
	while (isdigit((unsigned char)*p))
		p++;
	const char *end = p;
	while (isspace((unsigned char)*p))
		p++;
	if (end == digits || *p)
		return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, const_location(k->arg),
				 "invalid input syntax for type %s: \"%s\"", int_type_name(oid), s);
	errno = 0;
	long long v = strtoll(start, NULL, 10);
	if (errno == ERANGE || !int_in_range(oid, v))
		return xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, const_location(k->arg),
				 "value \"%s\" is out of range for type %s", s, int_type_name(oid));
	xlat_printf(c, "%lld", v);
	return true;
}

/* numeric → integer rounds half away from zero, as PostgreSQL's numeric_int4 does. */
static bool int_from_number(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	uint32_t oid = k->to.info->oid;
	errno = 0;
	double d = strtod(s, NULL);
	double r = round(d);
	bool exact = strspn(s + (*s == '-'), "0123456789") == strlen(s + (*s == '-'));
	long long v = exact ? strtoll(s, NULL, 10) : (long long)r;
	if (errno == ERANGE || (!exact && fabs(r) >= 9.2e18) || !int_in_range(oid, v))
		return xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, -1, "%s out of range",
				 int_type_name(oid));
	xlat_printf(c, "%lld", v);
	return true;
}

/* The shortest %g spelling that reads back as d, marked as a REAL for SQLite. */
static void put_real(struct xlat_ctx *c, double d)
{
	char buf[64];
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	xlat_puts(c, buf);
	if (!strpbrk(buf, ".eEn")) /* "inf"/"nan" never reach here */
		xlat_puts(c, ".0");
}

/* float4in/float8in (pgtype_decode_text): blanks around, NaN and infinities, 22003 for what
 * the type cannot hold (a real rounding to 0 or to an infinity), subnormals accepted. */
static bool float_from_text(struct xlat_ctx *c, const struct cast *k, const char *s, bool text)
{
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_decode_text(k->to.info->oid, s, strlen(s), c->a, &v, &err))
		return xlat_fail(c, err.sqlstate, const_location(k->arg), "%s", err.message);
	if (v.kind == PGTYPE_V_TEXT) { /* NaN is stored as text: SQLite turns a NaN into NULL */
		xlat_string(c, "NaN");
		return true;
	}
	if (isinf(v.f)) {
		if (!text) /* a numeric constant never reads as an infinity */
			return xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					 const_location(k->arg),
					 "\"%s\" is out of range for type %s", s,
					 k->to.info->sql_name);
		xlat_puts(c, v.f > 0 ? "9e999" : "-9e999"); /* SQLite reads these as infinities */
		return true;
	}
	put_real(c, v.f);
	return true;
}

/* A validated numeric literal under numeric(p,s): rounded half away from zero to s places in
 * decimal (not binary) arithmetic, and checked to fit p digits, as numeric_in does. */
static bool numeric_literal(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	/* exact (xlat_numeric.c): the digits as text, beyond what a double holds */
	const char *q = (c->flags & XLAT_X_EXACT) && !strpbrk(s, "eE") ? "'" : "";
	if (k->to.typmod < 4) {
		xlat_printf(c, "%s%s%s%s", q, *s == '.' ? "0" : "", s, q);
		return true;
	}
	int32_t m = k->to.typmod - 4;
	int prec = (m >> 16) & 0xffff, scale = ((m & 0x7ff) ^ 1024) - 1024;
	if (scale < 0)
		return xlat_unsupported(c, k->location, "numeric with a negative scale");
	bool neg = *s == '-';
	s += (*s == '-' || *s == '+');
	/* digits of the mantissa and where the decimal point falls among them */
	size_t cap = strlen(s) + (size_t)scale + 700;
	char *dig = arena_zalloc(c->a, cap);
	long nd = 0, point = -1;
	const char *p = s;
	for (; *p && *p != 'e' && *p != 'E'; p++) {
		if (*p == '.')
			point = nd;
		else
			dig[nd++] = *p;
	}
	if (point < 0)
		point = nd;
	long exp10 = *p ? strtol(p + 1, NULL, 10) : 0;
	if (exp10 > 600 || exp10 < -600)
		return xlat_unsupported(c, k->location, "a numeric literal this large");
	point += exp10;
	while (point < 1) { /* leading zeros so the point sits after at least one digit */
		memmove(dig + 1, dig, (size_t)nd++);
		dig[0] = '0';
		point++;
	}
	while (nd < point + scale + 1)
		dig[nd++] = '0';
	bool up = dig[point + scale] >= '5';
	nd = point + scale;
	for (long i = nd - 1; up && i >= 0; i--) {
		up = dig[i] == '9';
		dig[i] = up ? '0' : (char)(dig[i] + 1);
	}
	if (up) {
		memmove(dig + 1, dig, (size_t)nd++);
		dig[0] = '1';
		point++;
	}
	long lead = 0;
	while (lead < point - 1 && dig[lead] == '0')
		lead++;
	bool zero = strspn(dig, "0") >= (size_t)nd;
	if (!zero && point - lead > prec - scale && !(point - lead == 1 && dig[lead] == '0')) {
		int digits = prec - scale;
		xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, -1, "numeric field overflow");
		pgerr_detail(c->err,
			     "A field with precision %d, scale %d must round to an absolute value "
			     "less than %s%d.",
			     prec, scale, digits ? "10^" : "", digits ? digits : 1);
		return false;
	}
	xlat_printf(c, "%s%s%.*s%s%.*s%s", q, neg && !zero ? "-" : "", (int)(point - lead),
		    dig + lead, scale ? "." : "", scale, dig + point, q);
	return true;
}

/* numeric_in's spellings of an infinity: [+-]inf or [+-]infinity, any case (strtod also
 * takes "infin" and the like). */
static bool infinity_word(const char *s, size_t n)
{
	size_t i = *s == '+' || *s == '-';
	return (n - i == 3 && strncasecmp(s + i, "inf", 3) == 0) ||
	       (n - i == 8 && strncasecmp(s + i, "infinity", 8) == 0);
}

static bool numeric_from_text(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	char *end;
	while (isspace((unsigned char)*s))
		s++;
	double d = strtod(s, &end);
	const char *tail = end;
	while (isspace((unsigned char)*tail))
		tail++;
	if (end == s || *tail || strpbrk(s, "xXpP"))
		return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, const_location(k->arg),
				 "invalid input syntax for type numeric: \"%s\"", s);
	if (isinf(d) && strpbrk(s, "iI")) { /* PostgreSQL 14's numeric infinities */
		if (!infinity_word(s, (size_t)(end - s)))
			return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 const_location(k->arg),
					 "invalid input syntax for type numeric: \"%s\"", s);
		if (k->to.typmod >= 4) {
			xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, const_location(k->arg),
				  "numeric field overflow");
			pgerr_detail(c->err,
				     "A field with precision %d, scale %d cannot hold an infinite "
				     "value.",
				     (int)((k->to.typmod - 4) >> 16) & 0xffff,
				     (int)((((k->to.typmod - 4) & 0x7ff) ^ 1024) - 1024));
			return false;
		}
		/* an SQLite REAL infinity, as a float's: it compares and sorts as numeric's */
		xlat_puts(c, d < 0 ? "-9e999" : "9e999");
		return true;
	}
	const char *e = strpbrk(s, "eE");
	if (isinf(d) && e && atol(e + 1) > 131072) /* past numeric's 131072 digits */
		return xlat_fail(c, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, const_location(k->arg),
				 "value overflows numeric format");
	if (isinf(d)) /* a numeric at rest is an SQLite number (docs/sql-compat.md) */
		return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, const_location(k->arg),
				 "a numeric string beyond double precision's range (1e308) is not "
				 "supported");
	if (isnan(d) && end == s + 3) { /* stored as the text 'NaN', as a float's NaN is */
		xlat_string(c, "NaN");
		return true;
	}
	if (isnan(d))
		return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION, const_location(k->arg),
				 "invalid input syntax for type numeric: \"%s\"", s);
	return numeric_literal(c, k, arena_strndup(c->a, s, (size_t)(end - s)));
}

/* byteain (pgtype's: \x hex format, else escape format), emitted as a blob literal. */
static bool bytea_from_text(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_decode_text(XLAT_OID_BYTEA, s, strlen(s), c->a, &v, &err))
		return xlat_fail(c, err.sqlstate, const_location(k->arg), "%s", err.message);
	xlat_puts(c, "x'");
	for (size_t i = 0; i < v.n; i++)
		xlat_printf(c, "%02x", ((const unsigned char *)v.p)[i]);
	xlat_puts(c, "'");
	return true;
}

/* varchar(n) and char(n) truncate to n characters (counted in UTF-8); char(n) is stored
 * without trailing blanks (xlat_bpchar.c), its output pads them back. */
static void text_literal(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	int32_t len = k->to.typmod >= 4 ? k->to.typmod - 4 : -1;
	uint32_t oid = k->to.info->oid;
	if (oid == XLAT_OID_NAME) { /* namein: 63 bytes, not inside a character */
		size_t n = strlen(s);
		if (n > XLAT_NAME_MAX)
			for (n = XLAT_NAME_MAX; n && ((unsigned char)s[n] & 0xC0) == 0x80;)
				n--;
		xlat_string(c, arena_strndup(c->a, s, n));
		return;
	}
	if (len < 0 || (oid != XLAT_OID_VARCHAR && oid != XLAT_OID_BPCHAR)) {
		xlat_string(c, s);
		return;
	}
	size_t bytes = 0;
	int chars = 0;
	while (s[bytes] && chars < len) {
		bytes++;
		while (((unsigned char)s[bytes] & 0xC0) == 0x80)
			bytes++;
		chars++;
	}
	while (oid == XLAT_OID_BPCHAR && bytes && s[bytes - 1] == ' ')
		bytes--;
	xlat_string(c, arena_strndup(c->a, s, bytes));
}

/* A string literal cast: converted now, with PostgreSQL's input checks. */
static bool from_string(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	switch (k->to.info->oid) {
	case XLAT_OID_BOOL: {
		bool b;
		if (!pgtype_parse_bool(s, strlen(s), &b))
			return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 const_location(k->arg),
					 "invalid input syntax for type boolean: \"%s\"", s);
		xlat_puts(c, b ? "1" : "0");
		return true;
	}
	case XLAT_OID_INT2:
	case XLAT_OID_INT4:
	case XLAT_OID_INT8:
	case XLAT_OID_OID:
		return int_from_text(c, k, s);
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
		return float_from_text(c, k, s, true);
	case XLAT_OID_NUMERIC:
		return numeric_from_text(c, k, s);
	case XLAT_OID_BYTEA:
		return bytea_from_text(c, k, s);
	case XLAT_OID_UUID:
		return xlat_uuid_literal(c, s, const_location(k->arg));
	case XLAT_OID_INET:
	case XLAT_OID_CIDR:
	case XLAT_OID_MACADDR:
	case XLAT_OID_MACADDR8:
		return xlat_net_literal(c, k->to.info->oid, s, const_location(k->arg));
	case XLAT_OID_INT4RANGE:
	case XLAT_OID_INT8RANGE:
	case XLAT_OID_NUMRANGE:
	case XLAT_OID_DATERANGE:
	case XLAT_OID_TSRANGE:
	case XLAT_OID_TSTZRANGE:
		return xlat_range_literal(c, k->to.info->oid, s, const_location(k->arg));
	case XLAT_OID_INT4MULTIRANGE:
	case XLAT_OID_INT8MULTIRANGE:
	case XLAT_OID_NUMMULTIRANGE:
	case XLAT_OID_DATEMULTIRANGE:
	case XLAT_OID_TSMULTIRANGE:
	case XLAT_OID_TSTZMULTIRANGE:
		return xlat_multirange_literal(c, k->to.info->oid, s, const_location(k->arg));
	case XLAT_OID_JSONPATH: /* read and normalized when the statement runs (pgfn) */
		if (c->flags & XLAT_X_NOSUBQUERY)
			break;
		xlat_puts(c, "pgfn_jsonpath_in(");
		text_literal(c, k, s);
		xlat_puts(c, ")");
		return true;
	case XLAT_OID_XID:
		return xlat_xid_literal(c, s);
	case XLAT_OID_CHAR: /* charin: the first byte ('ab' is a) */
		return xlat_net_literal(c, XLAT_OID_CHAR, s, const_location(k->arg));
	case XLAT_OID_MONEY: /* cash_in: the cents */
		return xlat_money_literal(c, s, const_location(k->arg));
	case XLAT_OID_BIT:
	case XLAT_OID_VARBIT: /* bit_in with the target's length rule */
		return xlat_bit_literal(c, k->to.info->oid, k->to.typmod, s,
					const_location(k->arg));
	case XLAT_OID_TSVECTOR: /* read by pgtype's input function, as the network types are */
	case XLAT_OID_TSQUERY:
		return xlat_net_literal(c, k->to.info->oid, s, const_location(k->arg));
	case XLAT_OID_JSON:
	case XLAT_OID_JSONB: /* checked now; jsonb made canonical when the statement runs */
		if (!xlat_json_valid(s))
			return xlat_fail(c, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 const_location(k->arg),
					 "invalid input syntax for type json");
		if (k->to.info->oid == XLAT_OID_JSON || (c->flags & XLAT_X_NOSUBQUERY))
			break; /* json keeps its text; DDL: a tenant's schema names no pgfn function */
		xlat_puts(c, "pgfn_jsonb_in(");
		text_literal(c, k, s);
		xlat_puts(c, ")");
		return true;
	case XLAT_OID_DATE:
	case XLAT_OID_TIME:
	case XLAT_OID_TIMETZ:
	case XLAT_OID_TIMESTAMP:
	case XLAT_OID_TIMESTAMPTZ:
	case XLAT_OID_INTERVAL:
		return xlat_dt_literal(c, k->to.info->oid, s, const_location(k->arg));
	default:
		break;
	}
	text_literal(c, k, s); /* text, and json in DDL, stored as text */
	return true;
}

/* A numeric constant cast (42::int2, 2.5::int, 1::float8, 1.50::text). */
static bool from_number(struct xlat_ctx *c, const struct cast *k, const char *s)
{
	switch (k->to.info->store) {
	case XLAT_ST_INT:
		if (k->to.info->oid == XLAT_OID_BOOL) {
			if (k->arg->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL)
				return xlat_fail(c, "42846", const_location(k->arg),
						 "cannot cast type numeric to boolean");
			xlat_puts(c, k->arg->a_const->ival->ival ? "1" : "0");
			return true;
		}
		return int_from_number(c, k, s);
	case XLAT_ST_REAL:
		return float_from_text(c, k, s, false);
	case XLAT_ST_NUMERIC:
		return numeric_literal(c, k, s);
	case XLAT_ST_TEXT:
		if (!k->to.info->sql_name ||
		    (k->to.info->oid != XLAT_OID_TEXT && k->to.info->oid != XLAT_OID_VARCHAR &&
		     k->to.info->oid != XLAT_OID_BPCHAR && k->to.info->oid != XLAT_OID_CITEXT))
			return xlat_fail(c, "42846", const_location(k->arg),
					 "cannot cast type numeric to %s", k->to.info->sql_name);
		text_literal(c, k, s);
		return true;
	default:
		return xlat_fail(c, "42846", const_location(k->arg),
				 "cannot cast type numeric to %s", k->to.info->sql_name);
	}
}

/* Emits the argument into its own buffer so the wrapper can be chosen from its type. */
static bool arg_text(struct xlat_ctx *c, const PgQuery__Node *arg, struct xlat_type *t,
		     const char **out)
{
	struct strbuf tmp, *saved = c->sb;
	strbuf_init(&tmp, 0);
	c->sb = &tmp;
	bool ok = xlat_operand(c, arg, t);
	c->sb = saved;
	*out = arena_strndup(c->a, tmp.data ? tmp.data : "", tmp.len);
	ok = ok && !tmp.failed;
	strbuf_fini(&tmp);
	return ok;
}

/* To an integer type. SQLite's CAST truncates REALs where PostgreSQL rounds, so values that
 * may be REAL go through round(); when the storage class is only known at run time the
 * argument is tested with typeof(), which evaluates it more than once — refused when that
 * could change the result (volatile functions, subqueries). */
static bool to_int(struct xlat_ctx *c, const struct cast *k, const char *x, struct xlat_type st,
		   bool repeatable)
{
	bool checked = xlat_checks_on(c) && !xlat_type_is_temporal(st.oid) &&
		       st.oid != XLAT_OID_BYTEA && st.oid != XLAT_OID_UUID;
	if (checked && k->to.info->oid != XLAT_OID_OID) {
		/* pgfn_cast: text is parsed (22P02), REALs rounded, the range checked (22003) */
		uint32_t to = k->to.info->oid;
		bool fl = st.oid == XLAT_OID_FLOAT4 || st.oid == XLAT_OID_FLOAT8;
		char n = to == XLAT_OID_INT2 ? '2' : to == XLAT_OID_INT8 ? '8' : '4';
		/* a numeric of no declared scale may be exact digits ("1.600000" from extract()) */
		if (st.oid == XLAT_OID_NUMERIC && xlat_numeric_scale_of(st) < 0)
			xlat_printf(c, "shardlite_int%c(pgfn_num_round(%s, 0, -1), 'n')", n, x);
		else if (st.oid == XLAT_OID_NUMERIC) /* 'n': NaN is 0A000 */
			xlat_printf(c, "shardlite_int%c(%s, 'n')", n, x);
		else /* a double rounds to even */
			xlat_printf(c, "shardlite_int%c(%s%s%s)", n, fl ? "pgfn_rint(" : "", x,
				    fl ? "), 'f'" : ""); /* 'f': a NaN is out of range */
		return true;
	}
	switch (st.oid) {
	case XLAT_OID_FLOAT4:
	case XLAT_OID_FLOAT8:
		xlat_printf(c, "CAST(round(%s) AS INTEGER)", x);
		return true;
	case XLAT_OID_NUMERIC:
	case XLAT_OID_UNKNOWN_COL:
		if (!repeatable)
			return xlat_unsupported(c, k->location,
						"casting a volatile expression to an integer type");
		xlat_printf(c, "CAST(iif(typeof(%s) = 'real', round(%s), %s) AS INTEGER)", x, x, x);
		return true;
	default:
		if (xlat_type_is_temporal(st.oid) || st.oid == XLAT_OID_BYTEA ||
		    st.oid == XLAT_OID_UUID)
			return xlat_fail(c, "42846", k->location, "cannot cast type %s to %s",
					 xlat_type_by_oid(st.oid)->sql_name, k->to.info->sql_name);
		xlat_printf(c, "CAST(%s AS INTEGER)", x);
		return true;
	}
}

/* x, a value of type st, as its cast to text shows it (xlat_textout.c), into CAST(... AS TEXT) */
static void cast_text(struct xlat_ctx *c, const char *x, struct xlat_type st)
{
	xlat_puts(c, "CAST(");
	size_t from = c->sb->len;
	xlat_puts(c, x);
	xlat_text_form(c, from, c->sb->len, st, XLAT_TF_CAST);
	xlat_puts(c, " AS TEXT)");
}

static bool to_text(struct xlat_ctx *c, const struct cast *k, const char *x, struct xlat_type st)
{
	int32_t len = k->to.typmod >= 4 ? k->to.typmod - 4 : -1;
	bool bpchar_n = k->to.info->oid == XLAT_OID_BPCHAR && len >= 0;
	if (st.oid == XLAT_OID_BOOL) { /* boolout, then cut as any text (true::varchar(2): tr) */
		xlat_puts(c, bpchar_n ? "rtrim(substr(" : len >= 0 ? "substr(" : "");
		xlat_printf(c, "CASE %s WHEN 1 THEN 'true' WHEN 0 THEN 'false' END", x);
		if (len >= 0)
			xlat_printf(c, ", 1, %d)%s", len, bpchar_n ? ", ' ')" : "");
		return true;
	}
	if (bpchar_n && !xlat_type_is_temporal(st.oid)) { /* an explicit cast truncates */
		xlat_puts(c, "rtrim(substr(");
		cast_text(c, x, st);
		xlat_printf(c, ", 1, %d), ' ')", len);
		return true;
	}
	if (bpchar_n)
		return xlat_unsupported(c, k->location, "a cast of this type to character(n)");
	if (k->to.info->oid == XLAT_OID_BPCHAR && st.oid == XLAT_OID_BPCHAR) {
		/* char(n)::bpchar keeps the value, blanks and all, only its length goes */
		if (st.typmod >= 5)
			xlat_printf(c, "pgfn_bpchar_pad(%s, %d)", x, st.typmod - 4);
		else
			xlat_puts(c, x);
		return true;
	}
	if (xlat_type_is_temporal(st.oid) && st.oid != XLAT_OID_TIMETZ && len < 0)
		return xlat_dt_cast_expr(c, x, st.oid, XLAT_OID_TEXT); /* in the session's zone */
	if (xlat_range_dt(st.oid) && len < 0 && !(c->flags & XLAT_X_NOSUBQUERY)) {
		xlat_printf(c, "pgfn_range_text(%s, %u)", x, st.oid); /* the session's zone */
		return true;
	}
	if ((st.oid == XLAT_OID_DATEMULTIRANGE || st.oid == XLAT_OID_TSMULTIRANGE ||
	     st.oid == XLAT_OID_TSTZMULTIRANGE) &&
	    len < 0 && !(c->flags & XLAT_X_NOSUBQUERY)) {
		xlat_printf(c, "pgfn_multirange_text(%s, %u)", x, st.oid);
		return true;
	}
	if (st.oid == 869 /* inet */ && len < 0) { /* text(inet) shows the netmask */
		xlat_printf(c, "pgfn_inet_text(%s)", x);
		return true;
	}
	if (k->to.info->oid == XLAT_OID_NAME) { /* text_name: cut to 63 bytes */
		xlat_puts(c, "pgfn_name(");
		cast_text(c, x, st);
		xlat_puts(c, ")");
		return true;
	}
	xlat_puts(c, len >= 0 ? "substr(" : "");
	cast_text(c, x, st);
	if (len >= 0)
		xlat_printf(c, ", 1, %d)", len);
	return true;
}

/* uuid and json values are stored as text: a cast from text or from a value whose type is
 * only known at run time reads it with the type's input function when it runs; other conversions
 * between those types are refused. Date/time values are checked and converted at run time
 * (pg_dt_cast), in the session's TimeZone. */
static bool to_texty(struct xlat_ctx *c, const struct cast *k, const char *x, struct xlat_type st)
{
	uint32_t to = k->to.info->oid;
	/* timetz: read from text, or converted from time, timestamptz and timetz at run time
	 * (pg_dt_cast refuses the other date/time types with PostgreSQL's 42846) */
	bool from_text = st.oid == 0 || st.oid == XLAT_OID_UNKNOWN || st.oid == XLAT_OID_TEXT ||
			 st.oid == XLAT_OID_VARCHAR || st.oid == XLAT_OID_BPCHAR;
	if (xlat_type_is_temporal(to) &&
	    (to != XLAT_OID_TIMETZ || from_text || xlat_type_is_temporal(st.oid))) {
		if (st.oid != 0 && st.oid != XLAT_OID_UNKNOWN && !xlat_type_is_temporal(st.oid) &&
		    st.oid != XLAT_OID_TEXT && st.oid != XLAT_OID_VARCHAR &&
		    st.oid != XLAT_OID_BPCHAR)
			return xlat_fail(c, "42846", k->location, "cannot cast type %s to %s",
					 xlat_type_by_oid(st.oid)
						 ? xlat_type_by_oid(st.oid)->sql_name
						 : "unknown",
					 k->to.info->sql_name);
		return xlat_dt_cast_expr(c, x, st.oid == XLAT_OID_UNKNOWN ? XLAT_OID_TEXT : st.oid,
					 to);
	}
	if (xlat_range_type(to)) /* text read by range_in when it runs */
		return xlat_range_cast(c, to, x, st.oid, k->location);
	if (xlat_multirange_type(to))
		return xlat_multirange_cast(c, to, x, st.oid, k->location);
	bool same = st.oid == to || (st.oid == XLAT_OID_JSON && to == XLAT_OID_JSONB) ||
		    (st.oid == XLAT_OID_JSONB && to == XLAT_OID_JSON);
	if (to == XLAT_OID_DATE &&
	    (st.oid == XLAT_OID_TIMESTAMP || st.oid == XLAT_OID_TIMESTAMPTZ ||
	     st.oid == XLAT_OID_UNKNOWN_COL)) {
		xlat_printf(c, "substr(%s, 1, 10)",
			    x); /* the date part of ISO text, "+00" or not */
		return true;
	}
	if (xlat_net_type(to) && xlat_net_type(st.oid) && st.oid != to) {
		/* inet → cidr zeroes the host bits (network()); cidr → inet reads it as inet */
		xlat_printf(c, "%s(%s)",
			    to == XLAT_OID_CIDR ? "pgfn_inet_network" : "shardlite_inet", x);
		return true;
	}
	if (to == XLAT_OID_JSONB && st.oid != to && !(c->flags & XLAT_X_NOSUBQUERY) &&
	    (st.oid == XLAT_OID_JSON || st.oid == XLAT_OID_UNKNOWN_COL || st.oid == XLAT_OID_TEXT ||
	     st.oid == XLAT_OID_VARCHAR || st.oid == XLAT_OID_UNKNOWN)) {
		xlat_printf(c, "pgfn_jsonb_in(%s)", x); /* checked and made canonical (pgfn) */
		return true;
	}
	if (same || st.oid == XLAT_OID_UNKNOWN_COL || st.oid == XLAT_OID_TEXT ||
	    st.oid == XLAT_OID_VARCHAR || st.oid == XLAT_OID_UNKNOWN) {
		/* text read by uuid_in/json_in (canonical uuid, checked json) when it runs */
		const char *in = same || (c->flags & XLAT_X_NOSUBQUERY) ? NULL
				 : to == XLAT_OID_UUID                  ? "shardlite_uuid"
				 : to == XLAT_OID_JSON                  ? "pgfn_json_in"
				 : to == XLAT_OID_JSONPATH              ? "pgfn_jsonpath_in"
									: xlat_net_input(to);
		xlat_printf(c, in ? "%s(%s)" : "%s%s", in ? in : "", x);
		return true;
	}
	const struct xlat_typeinfo *from = xlat_type_by_oid(st.oid);
	return xlat_fail(c, SQLSTATE_FEATURE_NOT_SUPPORTED, k->location,
			 "casting %s to %s is not supported", from ? from->sql_name : "this value",
			 k->to.info->sql_name);
}

static bool to_texty_type(uint32_t oid)
{
	return xlat_type_is_temporal(oid) || oid == XLAT_OID_UUID || oid == XLAT_OID_JSON ||
	       oid == XLAT_OID_JSONB || oid == XLAT_OID_JSONPATH || xlat_net_input(oid) ||
	       xlat_range_type(oid) || xlat_multirange_type(oid);
}

/* A source typed as text (or JSON), whose value may be any text: SQLite's CAST would read a
 * prefix or 0. (A value typed only at run time, a catalog column, keeps SQLite's CAST.) */
static bool textual(uint32_t oid)
{
	return oid == XLAT_OID_TEXT || oid == XLAT_OID_VARCHAR || oid == XLAT_OID_BPCHAR ||
	       oid == XLAT_OID_NAME || oid == XLAT_OID_JSON || oid == XLAT_OID_JSONB;
}

/* Between boolean and another integer-stored type: 1 the cast exists (int4), -1 it does not
 * (int2, int8, oid), 0 not such a pair. */
static int bool_int_cast(uint32_t from, uint32_t to)
{
	if ((from == XLAT_OID_BOOL) == (to == XLAT_OID_BOOL))
		return 0;
	uint32_t other = from == XLAT_OID_BOOL ? to : from;
	const struct xlat_typeinfo *i = xlat_type_by_oid(other);
	if (!i || i->store != XLAT_ST_INT)
		return 0;
	return other == XLAT_OID_INT4 ? 1 : -1;
}

/* Types with no cast to bytea (only the string types reach it, by their input function). */
static bool no_bytea_cast(uint32_t oid)
{
	const struct xlat_typeinfo *i = xlat_type_by_oid(oid);
	return i && oid != XLAT_OID_BYTEA && !textual(oid) &&
	       (i->store != XLAT_ST_TEXT || oid == XLAT_OID_UUID || xlat_type_is_temporal(oid));
}

/* A jsonb cast to a number or boolean type reads its scalar, as jsonb_numeric/jsonb_bool do
 * (pgfn_jsonb_scalar: 22023 "cannot cast jsonb string to type integer"; an integer type
 * rounds the number as numeric_int4); json has no such casts (42846). *x and *st become the
 * scalar's text and the type the cast then reads it as. */
static bool json_scalar(struct xlat_ctx *c, const struct cast *k, struct xlat_type *st,
			const char **x)
{
	uint32_t to = k->to.info->oid;
	bool integer = to == XLAT_OID_INT2 || to == XLAT_OID_INT4 || to == XLAT_OID_INT8;
	bool number = integer || to == XLAT_OID_NUMERIC || to == XLAT_OID_FLOAT4 ||
		      to == XLAT_OID_FLOAT8;
	if ((st->oid != XLAT_OID_JSONB && st->oid != XLAT_OID_JSON) ||
	    (!number && to != XLAT_OID_BOOL) || k->to.is_array)
		return true;
	if (st->oid == XLAT_OID_JSON)
		return xlat_fail(c, "42846", k->location, "cannot cast type json to %s",
				 k->to.info->sql_name);
	*x = arena_printf(c->a, "pgfn_jsonb_scalar(%s, '%c', '%s')", *x, number ? 'n' : 'b',
			  k->to.info->sql_name);
	*st = (struct xlat_type){integer ? XLAT_OID_NUMERIC : XLAT_OID_TEXT, -1};
	return true;
}

static bool from_expr(struct xlat_ctx *c, const struct cast *k)
{
	struct xlat_type st;
	const char *x;
	int vol = c->volatile_seen;
	/* to text: numeric arithmetic exact, with its scale (xlat_textout.c) */
	bool text = k->to.info->store == XLAT_ST_TEXT && !to_texty_type(k->to.info->oid);
	unsigned flags = text ? xlat_text_exact(c) : c->flags;
	if (text && xlat_catalog_reg_named(k->arg))
		c->flags |= XLAT_X_RESULT; /* 'users'::regclass::text: the name, not the OID */
	bool ok = arg_text(c, k->arg, &st, &x);
	c->flags = flags;
	if (k->arg_type)
		st = (struct xlat_type){k->arg_type, -1};
	if (!ok || !json_scalar(c, k, &st, &x))
		return false;
	int bits = xlat_bit_cast_from(c, x, st, k->to.info->oid, k->location);
	if (bits)
		return bits > 0;
	int money = xlat_money_cast_from(c, x, st, k->to.info->oid, k->location, k->res);
	if (money)
		return money > 0;
	int xid = xlat_xid_cast_from(c, x, st, k->to.info->oid, k->location);
	if (xid)
		return xid > 0;
	int qchar = xlat_char_cast_from(c, x, st, k->to.info->oid, k->location);
	if (qchar)
		return qchar > 0;
	if (st.oid == XLAT_OID_CITEXT && (k->to.info->oid != XLAT_OID_CITEXT || k->to.is_array))
		x = arena_printf(c->a, "(%s COLLATE BINARY)",
				 x); /* a citext column's NOCASE goes */
	bool repeatable = c->volatile_seen == vol;
	switch (k->to.info->store) {
	case XLAT_ST_INT:
		if (bool_int_cast(st.oid, k->to.info->oid) < 0)
			/* integer and boolean cast into each other as int4 only (pg_cast) */
			return xlat_fail(c, "42846", k->location, "cannot cast type %s to %s",
					 xlat_type_by_oid(st.oid)->sql_name, k->to.info->sql_name);
		if (k->to.info->oid != XLAT_OID_BOOL)
			return to_int(c, k, x, st, repeatable);
		if (st.oid == XLAT_OID_BOOL)
			xlat_puts(c, x);
		else if (st.oid == XLAT_OID_INT4)
			xlat_printf(c, "(%s <> 0)", x);
		else /* text ('false'), ->> of JSON, a value typed at run time: boolin's reading */
			xlat_printf(c, "shardlite_bool(%s)", x);
		return true;
	case XLAT_ST_REAL:
		if (textual(st.oid) ||
		    (st.oid == XLAT_OID_NUMERIC && k->to.info->oid == XLAT_OID_FLOAT8))
			/* float8in's checks: 'abc' is 22P02, not SQLite's 0; a numeric NaN is
			 * its text 'NaN', which CAST would read as 0 */
			xlat_printf(c, "shardlite_num_in(%s, '%c')", x,
				    k->to.info->oid == XLAT_OID_FLOAT4 ? 'r' : 'd');
		else if (st.oid == XLAT_OID_FLOAT4 && k->to.info->oid == XLAT_OID_FLOAT8 &&
			 xlat_checks_on(c)) /* float4_float8: the float's binary value */
			xlat_printf(c, "pgfn_f4(%s)", x);
		else if (k->to.info->oid == XLAT_OID_FLOAT4 && st.oid == XLAT_OID_NUMERIC)
			xlat_printf(c, "pgfn_f8_f4(shardlite_num_in(%s, 'd'))", x);
		else if (k->to.info->oid == XLAT_OID_FLOAT4 && st.oid != XLAT_OID_FLOAT4 &&
			 xlat_checks_on(c)) /* float8_float4: 22003 past a real's range */
			xlat_printf(c, "pgfn_f8_f4(CAST(%s AS REAL))", x);
		else
			xlat_printf(c, "CAST(%s AS REAL)", x);
		return true;
	case XLAT_ST_NUMERIC:
		/* numeric to numeric of no typmod keeps the value's display scale (p::numeric of a
		 * numeric(10,2) 1.50 is 1.50, issue #3: it printed 1.5) */
		if (st.oid == XLAT_OID_NUMERIC && k->to.info->oid == XLAT_OID_NUMERIC &&
		    k->to.typmod < 0 && k->res)
			k->res->typmod = st.typmod;
		if (st.oid == XLAT_OID_FLOAT4 || st.oid == XLAT_OID_FLOAT8) { /* float4/8_numeric */
			x = arena_printf(c->a, "pgfn_float_num(%s, %d)", x,
					 st.oid == XLAT_OID_FLOAT4 ? 6 : 15);
			if (k->to.typmod < 4) { /* the text 'NaN' kept, which CAST reads as 0 */
				xlat_puts(c, x);
				return true;
			}
		}
		if ((textual(st.oid) || st.oid == XLAT_OID_FLOAT4 || st.oid == XLAT_OID_FLOAT8) &&
		    k->to.typmod >= 4) /* decimal rounding; 22003 for an infinity too */
			xlat_printf(c, "shardlite_numeric(%s, %d)", x, (int)k->to.typmod);
		else if (textual(st.oid)) /* numeric_in's checks, NaN kept */
			xlat_printf(c, "shardlite_num_in(%s, 'n')", x);
		else if (k->to.typmod >= 4 && xlat_checks_on(c))
			/* numeric(p,s): rounded in decimal, 22003 past p - s integer digits
			 * (123.45 of a numeric(10,2) column as numeric(3,1)) */
			xlat_printf(c, "shardlite_numeric(%s, %d)", x, (int)k->to.typmod);
		else if (k->to.typmod >=
			 4) /* numeric(p,s): rounded to s places (in binary, see docs) */
			xlat_printf(c, "round(%s, %d)", x,
				    ((((k->to.typmod - 4) & 0x7ff) ^ 1024) - 1024));
		else
			xlat_printf(c, "CAST(%s AS NUMERIC)", x);
		return true;
	case XLAT_ST_BLOB:
		if (no_bytea_cast(st.oid))
			return xlat_fail(c, "42846", k->location, "cannot cast type %s to bytea",
					 xlat_type_by_oid(st.oid)->sql_name);
		if (st.oid == XLAT_OID_TEXT || st.oid == XLAT_OID_VARCHAR ||
		    st.oid == XLAT_OID_BPCHAR ||
		    st.oid == XLAT_OID_NAME) /* byteain reads \x hex and escapes (pg_activity) */
			xlat_printf(c, "shardlite_bytea(%s)", x);
		else
			xlat_printf(c, "CAST(%s AS BLOB)", x);
		return true;
	default:
		if (to_texty_type(k->to.info->oid))
			return to_texty(c, k, x, st);
		return to_text(c, k, x, st);
	}
}

/* PostgreSQL's assignment cast of a non-string value into a text or varchar column is its
 * I/O conversion (a boolean stores 'true', a date its DateStyle text): the SQL from mark on, a
 * value of type st, becomes that text as an explicit ::text would (the column's length is
 * checked after, as an assignment checks it). */
bool xlat_cast_assign_text(struct xlat_ctx *c, size_t mark, struct xlat_type *t)
{
	struct xlat_type st = *t;
	if (!st.oid || st.oid == XLAT_OID_UNKNOWN || st.oid == XLAT_OID_UNKNOWN_COL ||
	    textual(st.oid) || !xlat_type_by_oid(st.oid))
		return true;
	*t = (struct xlat_type){XLAT_OID_TEXT, -1};
	struct cast k = {.location = -1};
	k.to.info = xlat_type_by_oid(XLAT_OID_TEXT);
	k.to.typmod = -1;
	const char *x = arena_strndup(c->a, c->sb->data + mark, c->sb->len - mark);
	c->sb->len = mark;
	c->sb->data[mark] = '\0';
	return to_text(c, &k, x, st);
}

/* $n::type: the parameter's type is inferred from the cast; the value arrives already
 * converted by the session, so the SQL only restates the storage class. */
static bool from_param(struct xlat_ctx *c, const struct cast *k)
{
	const PgQuery__ParamRef *p = k->arg->param_ref;
	uint32_t oid = xlat_type_oid(&k->to);
	uint32_t prior = xlat_param_deduced(c, p->number);
	if (prior && prior != oid) {
		/* typed by an earlier use (CASE WHEN right($1, 1) = 'Z' THEN $1::timestamptz):
		 * PostgreSQL's Param is of that type by now, and this an ordinary cast of it */
		struct cast typed = *k;
		typed.arg_type = prior;
		return from_expr(c, &typed);
	}
	if (!xlat_param(c, p->number, oid, p->location))
		return false;
	static const char *const affinity[] = {
		[XLAT_ST_INT] = "INTEGER", [XLAT_ST_REAL] = "REAL", [XLAT_ST_NUMERIC] = "NUMERIC",
		[XLAT_ST_TEXT] = "TEXT",   [XLAT_ST_BLOB] = "BLOB",
	};
	bool given = p->number <= c->ngiven && c->given[p->number - 1];
	/* bound as the client's type: convert it as a value (a boolean, bound as 0/1, reads
	 * 'true' as text; a jsonb, bound as sent, its canonical text) */
	uint32_t g = given ? c->given[p->number - 1] : 0;
	bool dt_text = xlat_type_is_temporal(g) && textual(oid); /* in DateStyle, IntervalStyle */
	if (given && g != oid && !k->to.is_array &&
	    (to_texty_type(oid) || g == XLAT_OID_BOOL || g == XLAT_OID_JSONB || dt_text) &&
	    oid != XLAT_OID_TIMETZ)
		return from_expr(c, k);
	/* a numeric or float bound as such to an integer type rounds (CAST would truncate) */
	bool to_int = oid == XLAT_OID_INT2 || oid == XLAT_OID_INT4 || oid == XLAT_OID_INT8;
	if (given && to_int && !k->to.is_array &&
	    (g == XLAT_OID_NUMERIC || g == XLAT_OID_FLOAT4 || g == XLAT_OID_FLOAT8))
		return from_expr(c, k);
	enum xlat_store st = k->to.info->store;
	if (!given && k->to.info->oid == XLAT_OID_BOOL)
		xlat_printf(c, "?%d", p->number);
	else if (st == XLAT_ST_NUMERIC && (c->flags & XLAT_X_EXACT_OPERAND))
		xlat_printf(c, "?%d", p->number); /* the exact engine reads its digits and scale */
	else if (st == XLAT_ST_NUMERIC && (c->flags & XLAT_X_EXACT)) /* standing alone */
		xlat_printf(
			c, "pgfn_num_add(?%d, 0, %d, 0)", p->number,
			xlat_numeric_scale_of((struct xlat_type){XLAT_OID_NUMERIC, k->to.typmod}));
	else if (k->to.info->oid == XLAT_OID_JSONB && !k->to.is_array) /* as sent: canonical */
		xlat_printf(c, "pgfn_jsonb_in(?%d)", p->number);
	else if (st == XLAT_ST_REAL || st == XLAT_ST_NUMERIC) /* a NaN arrives as 'NaN' */
		xlat_printf(c, "iif(?%d = 'NaN', 'NaN', CAST(?%d AS %s))", p->number, p->number,
			    affinity[st]);
	else
		xlat_printf(c, "CAST(?%d AS %s)", p->number, affinity[k->to.info->store]);
	return true;
}

/* $n::int4[]: the parameter takes the array type (drivers send arrays as parameters, asyncpg
 * its pg_type lookups as "oid = any($1::oid[])"); its value binds as the array's text form,
 * which is how arrays are stored and what the array functions read. */
static bool param_array(struct xlat_ctx *c, const PgQuery__ParamRef *p,
			const struct xlat_typeref *to, struct xlat_type *t)
{
	uint32_t oid = xlat_type_oid(to);
	if (!xlat_param(c, p->number, oid, p->location))
		return false;
	xlat_printf(c, "?%d", p->number);
	*t = (struct xlat_type){oid, -1};
	return true;
}

bool xlat_cast_string(struct xlat_ctx *c, const PgQuery__Node *arg, uint32_t oid, int32_t typmod)
{
	struct cast k = {.arg = arg, .location = arg->a_const->location};
	k.to.info = xlat_type_by_oid(oid);
	k.to.typmod = typmod;
	return from_string(c, &k, str_const(c, arg));
}

/* ARRAY[...]::type[] other than to a reg* array (whose elements the catalog reads as names and
 * shows as OIDs): its elements are cast one by one (xlat_array_ctor_cast). */
static bool ctor_cast(const PgQuery__TypeCast *tc)
{
	const PgQuery__TypeName *tn = tc->type_name;
	if (tc->arg->node_case != NODE(A_ARRAY_EXPR) || !tn || !tn->n_array_bounds || !tn->n_names)
		return false;
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	return name && strncmp(name, "reg", 3) != 0;
}

static bool cast_value(struct xlat_ctx *c, struct cast *k, const PgQuery__TypeCast *tc,
		       struct xlat_type *t);

/* ARRAY['i', 'o']::"char"[] (PostGraphile's introspection: proargmodes <@ it): "char" or
 * pg_catalog."char", without a typmod. */
static bool qchar_array(const PgQuery__TypeCast *tc)
{
	const PgQuery__TypeName *tn = tc->type_name;
	const char *name = xlat_node_str(tn->names[tn->n_names - 1]);
	const char *schema = tn->n_names == 2 ? xlat_node_str(tn->names[0]) : "pg_catalog";
	return tn->n_names <= 2 && tn->n_array_bounds == 1 && !tn->n_typmods && name &&
	       strcmp(name, "char") == 0 && schema && strcmp(schema, "pg_catalog") == 0;
}

/* x::void: void has input and output functions but no casts, so only a NULL, a literal or a
 * string (read by void_in, which ignores its text) become a void, printed as ''; anything else
 * is PostgreSQL's 42846. 0 when the target is not void. */
static int void_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc, struct xlat_type *t)
{
	const PgQuery__TypeName *tn = tc->type_name;
	const char *name = tn && tn->n_names ? xlat_node_str(tn->names[tn->n_names - 1]) : NULL;
	const char *schema = tn && tn->n_names == 2 ? xlat_node_str(tn->names[0]) : NULL;
	if (!name || strcmp(name, "void") != 0 || tn->n_array_bounds || tn->n_names > 2 ||
	    (schema && strcmp(schema, "pg_catalog") != 0))
		return 0;
	const PgQuery__Node *a = tc->arg;
	if (a->node_case == NODE(A_CONST) && a->a_const->isnull) {
		xlat_puts(c, "NULL");
	} else if (str_const(c, a)) {
		xlat_puts(c, "''");
	} else {
		struct xlat_type st;
		size_t mark = c->sb->len;
		if (!xlat_expr(c, a, &st))
			return -1;
		if (textual(st.oid) && st.oid != XLAT_OID_JSON && st.oid != XLAT_OID_JSONB) {
			/* a string type's explicit cast is void_in of its text: '' or NULL */
			xlat_insert_at(c, mark, "iif((");
			xlat_puts(c, ") IS NULL, NULL, '')");
		} else if (st.oid != PGTYPE_VOID) {
			const struct xlat_typeinfo *from = xlat_type_by_oid(st.oid);
			xlat_fail(c, "42846", tc->location, "cannot cast type %s to void",
				  from ? from->sql_name : "unknown");
			return -1;
		}
	}
	*t = (struct xlat_type){PGTYPE_VOID, -1};
	return 1;
}

bool xlat_cast(struct xlat_ctx *c, const PgQuery__TypeCast *tc, struct xlat_type *t)
{
	int v = void_cast(c, tc, t);
	if (v)
		return v > 0;
	tc = xlat_type_cast_unalias(c, tc); /* '{1}'::_int4 is '{1}'::int4[] */
	struct cast k = {.arg = tc->arg, .location = tc->location};
	if (ctor_cast(tc)) { /* each element cast, not the constructor's text read as an array */
		c->flags &= ~(unsigned)XLAT_X_RESULT;
		if (qchar_array(tc)) /* pg_catalog."char"[] too */
			return xlat_array_ctor_cast(c, tc, 1002 /* "char"[] */, t);
		return xlat_type_resolve(c, tc->type_name, &k.to) &&
		       xlat_array_ctor_cast(c, tc, xlat_type_oid(&k.to), t);
	}
	int cat = xlat_catalog_cast(c, tc, t);
	if (cat)
		return cat > 0;
	if (!xlat_type_resolve(c, tc->type_name, &k.to))
		return false;
	if (k.to.serial)
		return xlat_fail(c, SQLSTATE_UNDEFINED_OBJECT, tc->type_name->location,
				 "type \"%s\" does not exist",
				 xlat_node_str(tc->type_name->names[tc->type_name->n_names - 1]));
	if (k.to.domain)
		return xlat_domain_cast(c, tc, &k.to, t);
	if (k.to.is_array && tc->arg->node_case == NODE(PARAM_REF) && k.to.info->array_oid)
		return param_array(c, tc->arg->param_ref, &k.to, t);
	if (k.to.is_array && xlat_comptype_array_elem(c, k.to.info->array_oid))
		return xlat_comptype_array_input(c, tc->arg, k.to.info->oid, t);
	const struct xlat_enum *ea = k.to.is_array ? xlat_enum_by_oid(c, k.to.info->oid, NULL)
						   : NULL;
	if (ea && xlat_checks_on(c)) /* '{a,b}'::enum[]: its labels checked */
		return xlat_enum_array_input(c, tc->arg, ea, t);
	if (k.to.is_array)
		return xlat_unsupported(c, tc->location, "a cast to an array type");
	const struct xlat_enum *e = xlat_enum_by_oid(c, k.to.info->oid, NULL);
	if (e)
		return xlat_enum_input(c, tc->arg, e, t);
	if (k.to.info->oid >= 16384 && xlat_comptype_of_oid(c, k.to.info->oid))
		return xlat_comptype_input(c, tc->arg, k.to.info->oid, tc->location, true, t);
	if (xlat_bit_type(k.to.info->oid)) /* length coercion, integers, text (xlat_bit.c) */
		return xlat_bit_cast(c, tc->arg, k.to.info->oid, k.to.typmod, tc->location, t);
	if (k.to.info->oid == XLAT_OID_MONEY) /* integers, numeric, text (xlat_money.c) */
		return xlat_money_cast(c, tc->arg, tc->location, t);
	if (k.to.info->oid == XLAT_OID_XID) /* string types only (xlat_xid.c) */
		return xlat_xid_cast(c, tc->arg, tc->location, t);
	t->oid = k.to.info->oid;
	t->typmod = k.to.typmod;
	int row = (t->oid == XLAT_OID_TEXT || (t->oid == XLAT_OID_VARCHAR && k.to.typmod < 0))
			  ? xlat_row_text(c, tc->arg, tc->location)
			  : 0;
	if (row)
		return row > 0;
	int prec = xlat_dt_precision(t->oid, t->typmod);
	if (prec >= 0 && t->oid == XLAT_OID_INTERVAL && str_const(c, tc->arg))
		return xlat_dt_interval_literal(c, str_const(c, tc->arg), t->typmod,
						const_location(tc->arg));
	if (prec >= 0 && !(tc->arg->node_case == NODE(A_CONST) && tc->arg->a_const->isnull)) {
		size_t mark = c->sb->len;
		if (!cast_value(c, &k, tc, t))
			return false;
		xlat_dt_typmod_wrap(c, mark, t->oid, prec);
		return true;
	}
	return cast_value(c, &k, tc, t);
}

int xlat_dt_precision(uint32_t oid, int32_t typmod)
{
	bool dt = oid == XLAT_OID_TIMESTAMP || oid == XLAT_OID_TIMESTAMPTZ ||
		  oid == XLAT_OID_TIME || oid == XLAT_OID_TIMETZ;
	if (oid == XLAT_OID_INTERVAL) /* its whole typmod: fields and precision */
		return typmod >= 0 ? (int)typmod : -1;
	return dt && typmod >= 0 && typmod < 6 ? (int)typmod : -1;
}

void xlat_dt_typmod_wrap(struct xlat_ctx *c, size_t mark, uint32_t oid, int prec)
{
	xlat_insert_at(c, mark, "pg_dt_typmod(");
	xlat_printf(c, ", %u, %d)", (unsigned)oid, prec);
}

/* The cast's value once its target is known (a plain type: not an array, enum, domain or
 * composite). */
static bool cast_value(struct xlat_ctx *c, struct cast *k, const PgQuery__TypeCast *tc,
		       struct xlat_type *t)
{
	k->res = t;
	if (tc->arg->node_case == NODE(PARAM_REF))
		return from_param(c, k);
	if (tc->arg->node_case == NODE(A_CONST) && tc->arg->a_const->isnull) {
		xlat_puts(c, "NULL");
		return true;
	}
	const char *s = str_const(c, tc->arg);
	if (!s)
		s = num_const(c, tc->arg);
	if (t->oid == XLAT_OID_NUMERIC && k->to.typmod < 0 && s &&
	    strspn(s, " \t\n+-.0123456789eE") == strlen(s))
		t->typmod = xlat_literal_scale(s); /* the display scale numeric_in gives it */
	if (s && str_const(c, tc->arg))
		return from_string(c, k, s);
	if (s)
		return from_number(c, k, s);
	return from_expr(c, k);
}
