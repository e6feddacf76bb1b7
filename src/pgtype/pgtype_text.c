/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_text.c: text output of values (what DataRow carries in text format), byte-identical
 * to PostgreSQL 15's type output functions for the storage classes SQLite hands us. Values
 * whose storage class does not fit the column type print as PostgreSQL would print the
 * closest value of the column type. */
#include "pgtype_int.h"

#include <math.h>
#include <string.h>

/* Integers are most of what DataRow carries: converted here, not through printf. */
static void put_int64(struct strbuf *out, int64_t i)
{
	char buf[24];
	char *p = buf + sizeof(buf);
	uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i; /* INT64_MIN too */
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (i < 0)
		*--p = '-';
	strbuf_append(out, p, (size_t)(buf + sizeof(buf) - p));
}

void pgtype_append_as_text(struct strbuf *out, const struct pgtype_value *v)
{
	switch (v->kind) {
	case PGTYPE_V_INT:
		put_int64(out, v->i);
		break;
	case PGTYPE_V_FLOAT:
		pgtype_format_float8(out, v->f);
		break;
	case PGTYPE_V_TEXT:
	case PGTYPE_V_BLOB:
		strbuf_append(out, v->p, v->n);
		break;
	case PGTYPE_V_NULL:
		ASSERT(!"NULL has no text form");
		break;
	}
}

static void put_bool(struct strbuf *out, const struct pgtype_value *v)
{
	bool b;
	switch (v->kind) {
	case PGTYPE_V_INT:
		strbuf_putc(out, v->i != 0 ? 't' : 'f');
		return;
	case PGTYPE_V_FLOAT:
		strbuf_putc(out, v->f != 0 ? 't' : 'f');
		return;
	case PGTYPE_V_TEXT:
		if (pgtype_parse_bool(v->p, v->n, &b)) {
			strbuf_putc(out, b ? 't' : 'f');
			return;
		}
		break;
	default:
		break;
	}
	pgtype_append_as_text(out, v); /* not a boolean: show what is stored */
}

/* A float in an integer column prints as PostgreSQL's float8 → integer cast would make it:
 * rounded half to even (rint). Beyond int64 (or NaN/Infinity) the cast would fail; rather
 * than invent a value we print the float's own digits without an exponent. */
static void put_int(struct strbuf *out, const struct pgtype_value *v)
{
	if (v->kind != PGTYPE_V_FLOAT) {
		pgtype_append_as_text(out, v);
		return;
	}
	double r = rint(v->f);
	if (r >= -9223372036854775808.0 && r < 9223372036854775808.0)
		put_int64(out, (int64_t)r);
	else
		pgtype_format_plain_double(out, r);
}

static void put_float8(struct strbuf *out, const struct pgtype_value *v)
{
	if (v->kind == PGTYPE_V_FLOAT)
		pgtype_format_float8(out, v->f);
	else if (v->kind == PGTYPE_V_INT)
		pgtype_format_float8(out, (double)v->i);
	else
		pgtype_append_as_text(out, v);
}

static void put_float4(struct strbuf *out, const struct pgtype_value *v)
{
	if (v->kind == PGTYPE_V_FLOAT)
		pgtype_format_float4(out, (float)v->f);
	else if (v->kind == PGTYPE_V_INT)
		pgtype_format_float4(out, (float)v->i);
	else
		pgtype_append_as_text(out, v);
}

static void put_bytea(struct strbuf *out, const struct pgtype_value *v)
{
	static const char hex[] = "0123456789abcdef";
	if (v->kind != PGTYPE_V_BLOB && v->kind != PGTYPE_V_TEXT) {
		/* a number in a bytea column: its digits are the bytes */
		struct strbuf tmp;
		strbuf_init(&tmp, 0);
		pgtype_append_as_text(&tmp, v);
		struct pgtype_value t = {.kind = PGTYPE_V_TEXT, .p = tmp.data, .n = tmp.len};
		put_bytea(out, &t);
		strbuf_fini(&tmp);
		return;
	}
	strbuf_puts(out, "\\x");
	const unsigned char *p = (const unsigned char *)v->p;
	for (size_t i = 0; i < v->n; i++) {
		char pair[2] = {hex[p[i] >> 4], hex[p[i] & 15]};
		strbuf_append(out, pair, 2);
	}
}

/* byteaout under bytea_output = escape: a backslash doubled, bytes outside printable ASCII
 * (below 0x20, above 0x7e) as \ooo, the rest as is. */
void pgtype_bytea_out_escape(struct strbuf *out, const struct pgtype_value *v)
{
	if (v->kind != PGTYPE_V_BLOB && v->kind != PGTYPE_V_TEXT) {
		struct strbuf tmp; /* a number in a bytea column: its digits are the bytes */
		strbuf_init(&tmp, 0);
		pgtype_append_as_text(&tmp, v);
		struct pgtype_value t = {.kind = PGTYPE_V_TEXT, .p = tmp.data, .n = tmp.len};
		pgtype_bytea_out_escape(out, &t);
		strbuf_fini(&tmp);
		return;
	}
	const unsigned char *p = (const unsigned char *)v->p;
	for (size_t i = 0; i < v->n; i++) {
		if (p[i] == '\\') {
			strbuf_append(out, "\\\\", 2);
		} else if (p[i] < 0x20 || p[i] > 0x7e) {
			char oct[4] = {'\\', (char)('0' + (p[i] >> 6)),
				       (char)('0' + ((p[i] >> 3) & 7)), (char)('0' + (p[i] & 7))};
			strbuf_append(out, oct, 4);
		} else {
			strbuf_append(out, (const char *)&p[i], 1);
		}
	}
}

/* A plain decimal "[-]ddd[.ddd]" split into its parts; false for anything else (NaN,
 * Infinity, exponents), which is then printed as stored. */
struct plain_decimal {
	bool negative;
	const char *int_digits, *frac_digits;
	size_t int_len, frac_len;
};

static bool split_decimal(const char *s, size_t n, struct plain_decimal *d)
{
	size_t i = 0;
	d->negative = n > 0 && s[0] == '-';
	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	d->int_digits = s + i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	d->int_len = (size_t)(s + i - d->int_digits);
	d->frac_digits = s + i;
	d->frac_len = 0;
	if (i < n && s[i] == '.') {
		d->frac_digits = s + ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		d->frac_len = (size_t)(s + i - d->frac_digits);
	}
	return i == n && d->int_len + d->frac_len > 0;
}

/* Prints d with exactly scale fractional digits, rounding half away from zero as numeric's
 * round does (PostgreSQL would have rounded the value so when it was stored). */
static void put_scaled(struct strbuf *out, const struct plain_decimal *d, int scale)
{
	struct strbuf digits; /* integer and kept fraction digits, one string */
	strbuf_init(&digits, 0);
	strbuf_putc(&digits, '0'); /* room for a carry */
	strbuf_append(&digits, d->int_digits, d->int_len);
	size_t keep = d->frac_len < (size_t)scale ? d->frac_len : (size_t)scale;
	strbuf_append(&digits, d->frac_digits, keep);
	for (size_t i = keep; i < (size_t)scale; i++)
		strbuf_putc(&digits, '0');
	if (d->frac_len > (size_t)scale && d->frac_digits[scale] >= '5') {
		size_t i = digits.len;
		while (i-- > 0 && digits.data[i] == '9')
			digits.data[i] = '0';
		digits.data[i]++;
	}
	size_t int_end = digits.len - (size_t)scale, start = 0;
	while (start + 1 < int_end && digits.data[start] == '0')
		start++;
	bool zero = strspn(digits.data, "0") == digits.len;
	if (d->negative && !zero)
		strbuf_putc(out, '-');
	strbuf_append(out, digits.data + start, int_end - start);
	if (scale > 0) {
		strbuf_putc(out, '.');
		strbuf_append(out, digits.data + int_end, (size_t)scale);
	}
	strbuf_fini(&digits);
}

/* numeric(p,s) typmod → s, or -1 when the column has no scale. Negative scales (rounding to
 * tens, hundreds, …) display no fraction; such values are printed without re-rounding. */
static int numeric_scale(int32_t typmod)
{
	if (typmod < 4)
		return -1;
	int scale = (typmod - 4) & 0x7ff;
	return scale > 1000 ? 0 : scale;
}

static void put_numeric(struct strbuf *out, int32_t typmod, const struct pgtype_value *v)
{
	struct strbuf tmp;
	strbuf_init(&tmp, 0);
	if (v->kind == PGTYPE_V_FLOAT)
		pgtype_format_plain_double(&tmp, v->f);
	else
		pgtype_append_as_text(&tmp, v);
	struct plain_decimal d;
	int scale = numeric_scale(typmod);
	if (scale >= 0 && split_decimal(tmp.data, tmp.len, &d))
		put_scaled(out, &d, scale);
	else
		strbuf_append(out, tmp.data, tmp.len);
	strbuf_fini(&tmp);
}

/* character(n) values are blank-padded to n characters (UTF-8 characters, not bytes). */
static void put_bpchar(struct strbuf *out, int32_t typmod, const struct pgtype_value *v)
{
	size_t start = out->len;
	pgtype_append_as_text(out, v);
	if (typmod < 5 || out->failed)
		return;
	size_t chars = 0;
	for (size_t i = start; i < out->len; i++)
		chars += ((unsigned char)out->data[i] & 0xC0) != 0x80;
	for (; chars < (size_t)(typmod - 4); chars++)
		strbuf_putc(out, ' ');
}

void pgtype_encode_text_typmod(struct strbuf *out, uint32_t oid, int32_t typmod,
			       const struct pgtype_value *v)
{
	ASSERT(v->kind != PGTYPE_V_NULL);
	switch (oid) {
	case PGTYPE_BOOL:
		put_bool(out, v);
		break;
	case PGTYPE_INT2:
	case PGTYPE_INT4:
	case PGTYPE_INT8:
	case PGTYPE_OID:
		put_int(out, v);
		break;
	case PGTYPE_FLOAT4:
		put_float4(out, v);
		break;
	case PGTYPE_FLOAT8:
		put_float8(out, v);
		break;
	case PGTYPE_NUMERIC:
		put_numeric(out, typmod, v);
		break;
	case PGTYPE_BYTEA:
		put_bytea(out, v);
		break;
	case PGTYPE_BPCHAR:
		put_bpchar(out, typmod, v);
		break;
	case PGTYPE_MONEY:
		pgtype_money_encode_text(out, v);
		break;
	case PGTYPE_DATE:
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
	case PGTYPE_INTERVAL:
		if (!pgtype_dt_encode_text(out, oid, typmod, v))
			pgtype_append_as_text(out, v); /* not a date/time: show what is stored */
		break;
	default:
		pgtype_append_as_text(out, v);
		break;
	}
}

void pgtype_encode_text(struct strbuf *out, uint32_t oid, const struct pgtype_value *v)
{
	pgtype_encode_text_typmod(out, oid, -1, v);
}
