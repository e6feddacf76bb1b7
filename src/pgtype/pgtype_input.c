/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_input.c: parameters in text format → values to bind, as strict as PostgreSQL 15's
 * input functions (boolin, int2in/int4in/int8in, oidin, float4in/float8in, numeric_in,
 * byteain, uuid_in) with their SQLSTATEs and message wording. Other types pass through as
 * text for the statement itself to interpret. */
#include "pgtype_int.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A NUL-terminated copy of s[0..n): on the stack when short, else on the heap. */
struct cstr {
	char small[128];
	char *s;
};

static const char *cstr_init(struct cstr *c, const char *s, size_t n)
{
	c->s = n < sizeof(c->small) ? c->small : base_xmalloc(n + 1);
	memcpy(c->s, s, n);
	c->s[n] = '\0';
	return c->s;
}

static void cstr_fini(struct cstr *c)
{
	if (c->s != c->small)
		free(c->s);
}

static bool has_nul(const char *s, size_t n) { return memchr(s, '\0', n) != NULL; }

/* Trims isspace() blanks from both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)s[0])) {
		s++;
		(*n)--;
	}
	while (*n > 0 && isspace((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}

/* Case-insensitive: is s[0..n) a prefix of word (at least min characters long)? */
static bool prefix_of(const char *s, size_t n, const char *word, size_t min)
{
	return n >= min && n <= strlen(word) && strncasecmp(s, word, n) == 0;
}

bool pgtype_parse_bool(const char *s, size_t n, bool *out)
{
	s = trim(s, &n);
	if (n == 0)
		return false;
	if (prefix_of(s, n, "true", 1) || prefix_of(s, n, "yes", 1) || prefix_of(s, n, "on", 2) ||
	    (n == 1 && s[0] == '1'))
		*out = true;
	else if (prefix_of(s, n, "false", 1) || prefix_of(s, n, "no", 1) ||
		 prefix_of(s, n, "off", 2) || (n == 1 && s[0] == '0'))
		*out = false;
	else
		return false;
	return true;
}

enum pgtype_parse_rc pgtype_parse_int(const char *s, size_t n, int64_t min, int64_t max,
				      int64_t *out)
{
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	bool neg = i < n && s[i] == '-';
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	if (i == n || !isdigit((unsigned char)s[i]))
		return PGTYPE_PARSE_SYNTAX;
	/* magnitude limit; the overflow shows before any trailing junk, as in pg_strtoint32 */
	uint64_t limit = neg ? (uint64_t)(-(min + 1)) + 1 : (uint64_t)max, acc = 0;
	for (; i < n && isdigit((unsigned char)s[i]); i++) {
		unsigned digit = (unsigned)(s[i] - '0');
		if (acc > (limit - digit) / 10)
			return PGTYPE_PARSE_RANGE;
		acc = acc * 10 + digit;
	}
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i != n)
		return PGTYPE_PARSE_SYNTAX;
	*out = neg ? (acc == 0 ? 0 : -(int64_t)(acc - 1) - 1) : (int64_t)acc;
	return PGTYPE_PARSE_OK;
}

/* float8in's rules over strtod/strtof: blanks before and after; ERANGE is an error only
 * when the result is zero or infinite (subnormals are accepted). */
static enum pgtype_parse_rc parse_float(const char *s, size_t n, bool single, double *out,
					struct pgtype_span *num_span)
{
	if (has_nul(s, n))
		return PGTYPE_PARSE_SYNTAX;
	struct cstr c;
	const char *num = cstr_init(&c, s, n), *p = num;
	enum pgtype_parse_rc rc = PGTYPE_PARSE_SYNTAX;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		goto out;
	char *end;
	errno = 0;
	double val = single ? (double)strtof(p, &end) : strtod(p, &end);
	if (end == p)
		goto out;
	/* checked before trailing junk, as float8in does: "1e999x" is out of range */
	if (errno == ERANGE && (val == 0 || isinf(val))) {
		if (num_span)
			*num_span = (struct pgtype_span){(size_t)(p - num), (size_t)(end - p)};
		rc = PGTYPE_PARSE_RANGE;
		goto out;
	}
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0')
		goto out;
	*out = val;
	rc = PGTYPE_PARSE_OK;
out:
	cstr_fini(&c);
	return rc;
}

enum pgtype_parse_rc pgtype_parse_float8(const char *s, size_t n, double *out,
					 struct pgtype_span *num)
{
	return parse_float(s, n, false, out, num);
}

enum pgtype_parse_rc pgtype_parse_float4(const char *s, size_t n, float *out,
					 struct pgtype_span *num)
{
	double d;
	enum pgtype_parse_rc rc = parse_float(s, n, true, &d, num);
	if (rc == PGTYPE_PARSE_OK)
		*out = (float)d;
	return rc;
}

/* oidin: strtoul semantics, so "-1" is 4294967295; the value must fit in 32 bits either
 * as unsigned or as a signed int. */
static enum pgtype_parse_rc parse_oid(const char *s, size_t n, int64_t *out)
{
	if (n == 0 || has_nul(s, n))
		return PGTYPE_PARSE_SYNTAX;
	struct cstr c;
	const char *p = cstr_init(&c, s, n);
	enum pgtype_parse_rc rc = PGTYPE_PARSE_SYNTAX;
	char *end;
	errno = 0;
	unsigned long cvt = strtoul(p, &end, 10);
	if (end == p || (errno && errno != ERANGE))
		goto out;
	while (isspace((unsigned char)*end))
		end++;
	if (*end != '\0')
		goto out;
	uint32_t v = (uint32_t)cvt;
	if (errno == ERANGE ||
	    (cvt != (unsigned long)v && cvt != (unsigned long)(long)(int32_t)v)) {
		rc = PGTYPE_PARSE_RANGE;
		goto out;
	}
	*out = v;
	rc = PGTYPE_PARSE_OK;
out:
	cstr_fini(&c);
	return rc;
}

static size_t digits(const char *s, size_t n, size_t i)
{
	size_t start = i;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	return i - start;
}

/* numeric's storage limits (NUMERIC_DSCALE_MAX; NUMERIC_WEIGHT_MAX in decimal digits). */
#define NUMERIC_DSCALE_MAX 16383
#define NUMERIC_INT_DIGITS_MAX 131072

/* The digits of a numeric literal: [+-]int[.frac][e exp]. */
struct numeric_lit {
	const char *int_part, *frac_part;
	size_t int_len, frac_len;
	int64_t exp;
};

/* A reading of numeric_in that stores nothing: would PostgreSQL's make_result accept the
 * value? Too many digits before the point, or more than 16383 after it, overflow. */
static bool numeric_fits(const struct numeric_lit *l)
{
	int64_t dscale = (int64_t)l->frac_len - l->exp;
	if (dscale > NUMERIC_DSCALE_MAX)
		return false;
	size_t lead = 0;
	while (lead < l->int_len && l->int_part[lead] == '0')
		lead++;
	if (lead < l->int_len) /* first significant digit is in the integer part */
		return (int64_t)(l->int_len - lead) + l->exp <= NUMERIC_INT_DIGITS_MAX;
	size_t zeros = 0;
	while (zeros < l->frac_len && l->frac_part[zeros] == '0')
		zeros++;
	return zeros == l->frac_len || l->exp - (int64_t)zeros <= NUMERIC_INT_DIGITS_MAX;
}

/* The exponent as numeric_in reads it with strtol: blanks, an optional sign, digits;
 * bounded by INT_MAX/2 in magnitude. */
static enum pgtype_parse_rc numeric_exponent(const char *s, size_t n, size_t *i, int64_t *exp)
{
	while (*i < n && isspace((unsigned char)s[*i]))
		(*i)++;
	bool neg = *i < n && s[*i] == '-';
	if (*i < n && (s[*i] == '+' || s[*i] == '-'))
		(*i)++;
	if (digits(s, n, *i) == 0)
		return PGTYPE_PARSE_SYNTAX;
	int64_t v = 0;
	for (; *i < n && isdigit((unsigned char)s[*i]); (*i)++)
		if ((v = v * 10 + (s[*i] - '0')) >= INT32_MAX / 2)
			v = INT32_MAX / 2; /* saturate: out of range either way */
	*exp = neg ? -v : v;
	return v >= INT32_MAX / 2 ? PGTYPE_PARSE_RANGE : PGTYPE_PARSE_OK;
}

/* numeric_in's grammar: NaN, [+-]Infinity/inf, or [+-]digits[.digits][e exponent]. The
 * value stays text (canonical spellings for the specials) so no precision is lost. */
static enum pgtype_parse_rc check_numeric(const char *s, size_t n, const char **canon)
{
	*canon = NULL;
	if (n == 3 && strncasecmp(s, "nan", 3) == 0) {
		*canon = "NaN";
		return PGTYPE_PARSE_OK;
	}
	size_t i = s[0] == '+' || s[0] == '-' ? 1 : 0;
	if ((n - i == 8 && strncasecmp(s + i, "infinity", 8) == 0) ||
	    (n - i == 3 && strncasecmp(s + i, "inf", 3) == 0)) {
		*canon = s[0] == '-' ? "-Infinity" : "Infinity";
		return PGTYPE_PARSE_OK;
	}
	struct numeric_lit l = {.int_part = s + i, .int_len = digits(s, n, i)};
	i += l.int_len;
	l.frac_part = s + i;
	if (i < n && s[i] == '.') {
		l.frac_part = s + ++i;
		l.frac_len = digits(s, n, i);
		i += l.frac_len;
	}
	if (l.int_len + l.frac_len == 0)
		return PGTYPE_PARSE_SYNTAX;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		enum pgtype_parse_rc rc = numeric_exponent(s, n, &i, &l.exp);
		if (rc != PGTYPE_PARSE_OK)
			return rc;
	}
	if (i != n)
		return PGTYPE_PARSE_SYNTAX;
	return numeric_fits(&l) ? PGTYPE_PARSE_OK : PGTYPE_PARSE_RANGE;
}

/* Bytes in the UTF-8 character starting at s (for quoting it whole in a message). */
static int char_len(const char *s, const char *end)
{
	unsigned char c = (unsigned char)*s;
	int len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return len <= end - s ? len : (int)(end - s);
}

/* hex_decode: blanks may separate byte pairs, never split one. */
static bool bytea_hex(const char *s, const char *end, uint8_t *dst, size_t *len, struct pgerr *err)
{
	*len = 0;
	while (s < end) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			s++;
			continue;
		}
		int hi = base_hexval(*s), lo;
		if (hi < 0)
			goto bad_digit;
		if (++s >= end)
			return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
					 "invalid hexadecimal data: odd number of digits");
		if ((lo = base_hexval(*s)) < 0)
			goto bad_digit;
		s++;
		dst[(*len)++] = (uint8_t)(hi << 4 | lo);
	}
	return true;
bad_digit:
	return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
			 "invalid hexadecimal digit: \"%.*s\"", char_len(s, end), s);
}

static bool is_octal(char c, char hi) { return c >= '0' && c <= hi; }

/* byteain's escape format: \ooo (first digit 0-3) and \\ are the only escapes. */
static bool bytea_escape(const char *s, const char *end, uint8_t *dst, size_t *len,
			 struct pgerr *err)
{
	*len = 0;
	while (s < end) {
		if (*s != '\\') {
			dst[(*len)++] = (uint8_t)*s++;
		} else if (end - s >= 4 && is_octal(s[1], '3') && is_octal(s[2], '7') &&
			   is_octal(s[3], '7')) {
			dst[(*len)++] =
				(uint8_t)((s[1] - '0') << 6 | (s[2] - '0') << 3 | (s[3] - '0'));
			s += 4;
		} else if (end - s >= 2 && s[1] == '\\') {
			dst[(*len)++] = '\\';
			s += 2;
		} else {
			return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					 "invalid input syntax for type bytea");
		}
	}
	return true;
}

static bool decode_bytea(const char *s, size_t n, struct arena *a, struct pgtype_value *out,
			 struct pgerr *err)
{
	uint8_t *dst = arena_alloc(a, n + 1);
	size_t len;
	bool ok = n >= 2 && s[0] == '\\' && s[1] == 'x' ? bytea_hex(s + 2, s + n, dst, &len, err)
							: bytea_escape(s, s + n, dst, &len, err);
	if (!ok)
		return false;
	*out = (struct pgtype_value){.kind = PGTYPE_V_BLOB, .p = (const char *)dst, .n = len};
	return true;
}

bool pgtype_parse_uuid(const char *s, size_t n, uint8_t out[16])
{
	size_t i = 0;
	bool braces = n > 0 && s[0] == '{';
	if (braces)
		i++;
	for (int b = 0; b < 16; b++) {
		if (n - i < 2 || base_hexval(s[i]) < 0 || base_hexval(s[i + 1]) < 0)
			return false;
		out[b] = (uint8_t)(base_hexval(s[i]) << 4 | base_hexval(s[i + 1]));
		i += 2;
		if (i < n && s[i] == '-' && b % 2 == 1 && b < 15)
			i++;
	}
	if (braces && (i == n || s[i++] != '}'))
		return false;
	return i == n;
}

void pgtype_format_uuid(struct strbuf *out, const uint8_t u[16])
{
	for (int b = 0; b < 16; b++) {
		if (b == 4 || b == 6 || b == 8 || b == 10)
			strbuf_putc(out, '-');
		strbuf_printf(out, "%02x", u[b]);
	}
}

static bool syntax_error(struct pgerr *err, uint32_t oid, const char *s, size_t n)
{
	char buf[32];
	return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			 "invalid input syntax for type %s: \"%.*s\"",
			 pgtype_sql_name(oid, buf, sizeof(buf)), (int)n, s);
}

/* int2in/int4in/int8in/oidin phrase "out of range" differently from float4in/float8in;
 * float8in quotes only the number strtod read (num), float4in the whole input. */
static bool parse_failed(struct pgerr *err, enum pgtype_parse_rc rc, uint32_t oid, const char *s,
			 size_t n, const struct pgtype_span *num)
{
	char buf[32];
	const char *type = pgtype_sql_name(oid, buf, sizeof(buf));
	if (rc == PGTYPE_PARSE_SYNTAX)
		return syntax_error(err, oid, s, n);
	if (oid == PGTYPE_FLOAT4 || oid == PGTYPE_FLOAT8)
		return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				 "\"%.*s\" is out of range for type %s", (int)num->len,
				 s + num->off, type);
	return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			 "value \"%.*s\" is out of range for type %s", (int)n, s, type);
}

static bool decode_number(uint32_t oid, const char *s, size_t n, struct pgtype_value *out,
			  struct pgerr *err)
{
	enum pgtype_parse_rc rc;
	struct pgtype_span num = {0, n};
	float f;
	*out = (struct pgtype_value){.kind = PGTYPE_V_INT};
	switch (oid) {
	case PGTYPE_INT2:
		rc = pgtype_parse_int(s, n, INT16_MIN, INT16_MAX, &out->i);
		break;
	case PGTYPE_INT4:
		rc = pgtype_parse_int(s, n, INT32_MIN, INT32_MAX, &out->i);
		break;
	case PGTYPE_INT8:
		rc = pgtype_parse_int(s, n, INT64_MIN, INT64_MAX, &out->i);
		break;
	case PGTYPE_OID:
		rc = parse_oid(s, n, &out->i);
		break;
	case PGTYPE_FLOAT4:
		out->kind = PGTYPE_V_FLOAT;
		rc = pgtype_parse_float4(s, n, &f, NULL); /* float4in quotes all of s */
		out->f = f;
		break;
	default:
		out->kind = PGTYPE_V_FLOAT;
		rc = pgtype_parse_float8(s, n, &out->f, &num);
		break;
	}
	if (rc == PGTYPE_PARSE_OK && out->kind == PGTYPE_V_FLOAT && isnan(out->f))
		*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = "NaN", .n = 3};
	return rc == PGTYPE_PARSE_OK || parse_failed(err, rc, oid, s, n, &num);
}

uint8_t pgtype_char_in(const char *s, size_t n)
{
	if (n == 4 && s[0] == '\\' && is_octal(s[1], '7') && is_octal(s[2], '7') &&
	    is_octal(s[3], '7'))
		return (uint8_t)(((s[1] - '0') << 6) + ((s[2] - '0') << 3) + (s[3] - '0'));
	return n ? (uint8_t)s[0] : 0;
}

size_t pgtype_char_out(uint8_t b, char *out)
{
	if (b >= 0x80) {
		out[0] = '\\';
		out[1] = (char)('0' + (b >> 6));
		out[2] = (char)('0' + ((b >> 3) & 7));
		out[3] = (char)('0' + (b & 7));
		out[4] = '\0';
		return 4;
	}
	out[0] = (char)b;
	out[1] = '\0';
	return b ? 1 : 0;
}

static bool decode_other(uint32_t oid, const char *s, size_t n, struct arena *a,
			 struct pgtype_value *out, struct pgerr *err)
{
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = s, .n = n};
	size_t tn = n;
	enum pgtype_parse_rc rc;
	const char *t, *canon;
	uint8_t u[16];
	struct strbuf sb;
	switch (oid) {
	case PGTYPE_NUMERIC:
		t = trim(s, &tn);
		rc = tn == 0 ? PGTYPE_PARSE_SYNTAX : check_numeric(t, tn, &canon);
		if (rc == PGTYPE_PARSE_RANGE)
			return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					 "value overflows numeric format");
		if (rc == PGTYPE_PARSE_SYNTAX)
			return syntax_error(err, oid, s, n);
		out->p = canon ? canon : t;
		out->n = canon ? strlen(canon) : tn;
		return true;
	case PGTYPE_NAME: /* namein: cut to NAMEDATALEN - 1 bytes, never inside a character */
		while (out->n > 63 || (out->n < n && ((unsigned char)s[out->n] & 0xC0) == 0x80))
			out->n--;
		return true;
	case PGTYPE_CHAR: { /* charin, stored as charout prints it */
		char *buf = arena_alloc(a, 5);
		out->n = pgtype_char_out(pgtype_char_in(s, n), buf);
		out->p = buf;
		return true;
	}
	case PGTYPE_UUID:
		if (!pgtype_parse_uuid(s, n, u))
			return syntax_error(err, oid, s, n);
		strbuf_init(&sb, 0);
		pgtype_format_uuid(&sb, u);
		out->p = arena_strndup(a, sb.data, sb.len);
		out->n = sb.len;
		strbuf_fini(&sb);
		return true;
	default:
		return true;
	}
}

bool pgtype_decode_text(uint32_t oid, const char *s, size_t n, struct arena *a,
			struct pgtype_value *out, struct pgerr *err)
{
	bool b;
	switch (oid) {
	case PGTYPE_BOOL:
		if (has_nul(s, n) || !pgtype_parse_bool(s, n, &b))
			return syntax_error(err, oid, s, n);
		*out = (struct pgtype_value){.kind = PGTYPE_V_INT, .i = b};
		return true;
	case PGTYPE_INT2:
	case PGTYPE_INT4:
	case PGTYPE_INT8:
	case PGTYPE_OID:
	case PGTYPE_FLOAT4:
	case PGTYPE_FLOAT8:
		return decode_number(oid, s, n, out, err);
	case PGTYPE_BYTEA:
		return decode_bytea(s, n, a, out, err);
	case PGTYPE_INET:
	case PGTYPE_CIDR:
	case PGTYPE_MACADDR:
	case PGTYPE_MACADDR8:
		return pgtype_net_decode_text(oid, s, n, a, out, err);
	case PGTYPE_BIT:
	case PGTYPE_VARBIT:
		return pgtype_bit_decode_text(oid, s, n, a, out, err);
	case PGTYPE_MONEY:
		return pgtype_money_decode_text(s, n, out, err);
	case PGTYPE_INT4RANGE:
	case PGTYPE_INT8RANGE:
	case PGTYPE_NUMRANGE:
	case PGTYPE_DATERANGE:
	case PGTYPE_TSRANGE:
	case PGTYPE_TSTZRANGE:
		return pgtype_range_decode_text(oid, s, n, NULL, a, out, err);
	case PGTYPE_INT4MULTIRANGE:
	case PGTYPE_INT8MULTIRANGE:
	case PGTYPE_NUMMULTIRANGE:
	case PGTYPE_DATEMULTIRANGE:
	case PGTYPE_TSMULTIRANGE:
	case PGTYPE_TSTZMULTIRANGE:
		return pgtype_multirange_decode_text(oid, s, n, NULL, a, out, err);
	case PGTYPE_TSVECTOR:
	case PGTYPE_TSQUERY:
		return pgtype_ts_decode_text(oid, s, n, a, out, err);
	case PGTYPE_DATE:
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
	case PGTYPE_INTERVAL:
		return pgtype_dt_decode_text(oid, s, n, NULL, a, out, err);
	default: {
		const struct pgtype_info *info = pgtype_by_oid(oid);
		if (info && info->elem_oid) /* stored as PostgreSQL prints it: {a,b}, not {"a","b"} */
			return pgtype_array_canon(info->elem_oid, s, n, a, out, err);
		return decode_other(oid, s, n, a, out, err);
	}
	}
}

/* numeric(p,s)'s apply_typmod on numeric_in's text: the digits rounded half away from zero at
 * 10^-s (s may be negative), then at most p - s digits before the point. */
bool pgtype_numeric_typmod(const char *s, size_t n, int32_t typmod, struct arena *a,
			   struct pgtype_value *out, struct pgerr *err)
{
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = s, .n = n};
	if (typmod < 4 || (n == 3 && strncmp(s, "NaN", 3) == 0))
		return true;
	int prec = ((typmod - 4) >> 16) & 0xffff, scale = (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
	int maxdigits = prec - scale;
	if (memchr(s, 'I', n)) { /* Infinity, -Infinity */
		pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
		pgerr_detail(err,
			     "A field with precision %d, scale %d cannot hold an infinite value.",
			     prec, scale);
		return false;
	}
	size_t i = s[0] == '-' || s[0] == '+';
	bool neg = s[0] == '-';
	/* digits: one leading 0 for a carry, then every digit; point: digits before the point */
	char *dig = arena_alloc(a, n + 2);
	size_t nd = 0;
	long point = 0;
	dig[nd++] = '0';
	for (; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] == '.')
			point = (long)nd;
		else
			dig[nd++] = s[i];
	}
	if (!memchr(s, '.', i))
		point = (long)nd;
	if (i < n)
		point += strtol(s + i + 1, NULL, 10);
	long keep = point + scale; /* digits kept: those before 10^-scale */
	if (keep < 0)
		nd = 0;
	else if ((size_t)keep < nd) {
		bool up = dig[keep] >= '5';
		nd = (size_t)keep;
		for (size_t j = nd; up && j-- > 0;) {
			up = dig[j] == '9';
			dig[j] = up ? '0' : (char)(dig[j] + 1);
		}
	}
	size_t lead = 0; /* the first significant digit */
	while (lead < nd && dig[lead] == '0')
		lead++;
	if (lead < nd && point - (long)lead > maxdigits) {
		pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
		pgerr_detail(err,
			     "A field with precision %d, scale %d must round to an absolute value "
			     "less than %s%d.",
			     prec, scale, maxdigits ? "10^" : "", maxdigits ? maxdigits : 1);
		return false;
	}
	/* [-]int[.frac]: the integer part from its first digit, exactly max(scale, 0) fraction
	 * digits (the dropped ones and those past the input are zeros) */
	int frac = scale > 0 ? scale : 0;
	size_t cap = (point > 0 ? (size_t)point : 0) + (size_t)frac + 4;
	char *t = arena_alloc(a, cap);
	size_t tn = 0;
	if (neg && lead < nd)
		t[tn++] = '-';
	long from = (long)lead < point ? (long)lead : point;
	if (from >= point)
		t[tn++] = '0';
	for (long j = from; j < point; j++)
		t[tn++] = j >= 0 && (size_t)j < nd ? dig[j] : '0';
	if (frac)
		t[tn++] = '.';
	for (long j = point; j < point + frac; j++)
		t[tn++] = j >= 0 && (size_t)j < nd ? dig[j] : '0';
	out->p = t;
	out->n = tn;
	return true;
}
