/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_numeric.c: numeric's binary form, as PostgreSQL's numeric_send/numeric_recv write it:
 * int16 ndigits, int16 weight, uint16 sign, uint16 dscale, then ndigits base-10000 digits, most
 * significant first; the value is sum(digit[i] * 10000^(weight - i)). Converted from and to the
 * plain decimal text the rest of pgtype uses for numeric values; and whether a decimal keeps its
 * value as the SQLite number a tenant file stores (pgtype_numeric_kept). */
#include "pgtype_int.h"

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIGN_POS 0x0000
#define SIGN_NEG 0x4000
#define SIGN_NAN 0xC000
#define SIGN_PINF 0xD000
#define SIGN_NINF 0xF000
#define DEC_DIGITS 4

/* A plain decimal split for regrouping: its digits without the point, and how many of them
 * stand before the point. */
struct decimal {
	bool neg;
	const char *digits;
	size_t ndigits;
	size_t int_len;
};

static bool parse_plain(const char *s, size_t n, struct decimal *d, char *buf, size_t cap)
{
	size_t i = 0, k = 0;
	d->neg = n > 0 && s[0] == '-';
	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	d->int_len = SIZE_MAX;
	for (; i < n; i++) {
		if (s[i] == '.' && d->int_len == SIZE_MAX)
			d->int_len = k;
		else if (s[i] >= '0' && s[i] <= '9' && k < cap)
			buf[k++] = s[i];
		else
			return false;
	}
	if (k == 0)
		return false;
	if (d->int_len == SIZE_MAX)
		d->int_len = k;
	d->digits = buf;
	d->ndigits = k;
	return true;
}

/* Decimal digit at position p counted from the point (p < 0: before it), 0 outside. */
static int digit_at(const struct decimal *d, long p)
{
	long idx = (long)d->int_len + p;
	return idx >= 0 && idx < (long)d->ndigits ? d->digits[idx] - '0' : 0;
}

static void put_header(struct strbuf *out, int ndigits, int weight, uint16_t sign, int dscale)
{
	strbuf_put_u16(out, (uint16_t)ndigits);
	strbuf_put_u16(out, (uint16_t)(int16_t)weight);
	strbuf_put_u16(out, sign);
	strbuf_put_u16(out, (uint16_t)dscale);
}

bool pgtype_numeric_send(struct strbuf *out, const char *s, size_t n, struct pgerr *err)
{
	if (n == 3 && memcmp(s, "NaN", 3) == 0) {
		put_header(out, 0, 0, SIGN_NAN, 0);
		return true;
	}
	if ((n == 8 && memcmp(s, "Infinity", 8) == 0) || (n == 9 && memcmp(s, "-Infinity", 9) == 0)) {
		/* dscale 32, as PostgreSQL 15's numeric_send writes for infinities */
		put_header(out, 0, 0, s[0] == '-' ? SIGN_NINF : SIGN_PINF, 32);
		return true;
	}
	char buf[1024];
	struct decimal d;
	if (!parse_plain(s, n, &d, buf, sizeof(buf)))
		return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				 "invalid input syntax for type numeric: \"%.*s\"", (int)n, s);
	int dscale = (int)(d.ndigits - d.int_len);
	/* Groups run from the one holding the first integer digit to the one holding the last
	 * fraction digit; group g covers decimal positions [4g - 4, 4g) before the point when g is
	 * positive (weight counts from 0 for the units group). */
	long first = d.int_len ? ((long)d.int_len + DEC_DIGITS - 1) / DEC_DIGITS - 1 : -1;
	long last = -(((long)dscale + DEC_DIGITS - 1) / DEC_DIGITS);
	uint16_t groups[sizeof(buf) / DEC_DIGITS + 2];
	int ng = 0, weight = 0;
	for (long g = first; g >= last && ng < (int)(sizeof(groups) / sizeof(groups[0])); g--) {
		int v = 0;
		for (int k = 0; k < DEC_DIGITS; k++)
			v = v * 10 + digit_at(&d, -(g + 1) * DEC_DIGITS + k);
		if (ng == 0 && v == 0)
			continue; /* leading zero groups carry no digits */
		if (ng == 0)
			weight = (int)g;
		groups[ng++] = (uint16_t)v;
	}
	while (ng > 0 && groups[ng - 1] == 0)
		ng--; /* trailing zero groups neither */
	put_header(out, ng, ng ? weight : 0, ng && d.neg ? SIGN_NEG : SIGN_POS, dscale);
	for (int i = 0; i < ng; i++)
		strbuf_put_u16(out, groups[i]);
	return true;
}

static bool bad(struct pgerr *err, const char *what)
{
	return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
			 "invalid %s in external \"numeric\" value", what);
}

static uint16_t u16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

bool pgtype_numeric_recv(const uint8_t *p, size_t n, struct strbuf *out, struct pgerr *err)
{
	if (n < 8)
		return bad(err, "length");
	int ndigits = u16(p), weight = (int16_t)u16(p + 2);
	uint16_t sign = u16(p + 4), dscale = u16(p + 6);
	if (n != 8 + 2 * (size_t)ndigits)
		return bad(err, "length");
	if (sign == SIGN_NAN || sign == SIGN_PINF || sign == SIGN_NINF) {
		strbuf_puts(out, sign == SIGN_NAN ? "NaN" : sign == SIGN_PINF ? "Infinity" : "-Infinity");
		return true;
	}
	if (sign != SIGN_POS && sign != SIGN_NEG)
		return bad(err, "sign");
	if (dscale > 0x3FFF)
		return bad(err, "scale");
	const uint8_t *dg = p + 8;
	for (int i = 0; i < ndigits; i++) {
		if (u16(dg + 2 * i) > 9999)
			return bad(err, "digit");
	}
	if (sign == SIGN_NEG && ndigits > 0)
		strbuf_putc(out, '-');
	/* Integer part: groups weight .. 0; fraction: groups -1 .. -(dscale/4 rounded up). */
	if (weight < 0) {
		strbuf_putc(out, '0');
	} else {
		for (int g = weight, i = 0; g >= 0; g--, i++) {
			int v = i < ndigits ? u16(dg + 2 * i) : 0;
			strbuf_printf(out, i == 0 ? "%d" : "%04d", v);
		}
	}
	if (dscale == 0)
		return true;
	strbuf_putc(out, '.');
	for (int k = 0; k < dscale; k++) {
		int pos = k / DEC_DIGITS;         /* fraction group 0, 1, ... = weight -1, -2, ... */
		int i = weight + 1 + pos;         /* its index among the digits */
		int v = i >= 0 && i < ndigits ? u16(dg + 2 * i) : 0;
		static const int div[DEC_DIGITS] = {1000, 100, 10, 1};
		strbuf_putc(out, (char)('0' + v / div[k % DEC_DIGITS] % 10));
	}
	return true;
}

/* A decimal's value as |v| = 0.digits x 10^point, the first and last digit not 0 (no digits:
 * zero). The digits are a view into the text, with the point skipped by dig(). */
struct norm {
	bool neg;
	const char *s;      /* the text's mantissa (digits and at most one point) */
	size_t first, last; /* indexes in s of the first and last non-zero digit */
	size_t ndigits;
	long point;
};

static bool norm_of(const char *s, size_t n, struct norm *v)
{
	size_t i = 0;
	*v = (struct norm){.neg = n > 0 && s[0] == '-'};
	if (n > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	v->s = s;
	size_t start = i, dot = SIZE_MAX, digits = 0;
	bool any = false;
	long before = 0; /* digits before the point up to the first non-zero one, counted */
	for (; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] == '.' && dot == SIZE_MAX) {
			dot = i;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return false;
		digits++;
		if (s[i] != '0') {
			if (!any)
				v->first = i;
			any = true;
			v->last = i;
		}
	}
	if (!digits)
		return false;
	long exp10 = 0;
	if (i < n) { /* an exponent: [+-]digits */
		char *end;
		const char *e = s + i + 1;
		long x = strtol(e, &end, 10);
		if (end == e || end != s + n)
			return false;
		exp10 = x > INT_MAX / 2 ? INT_MAX / 2 : x < -(INT_MAX / 2) ? -(INT_MAX / 2) : x;
	}
	if (!any)
		return true; /* zero */
	size_t intend = dot == SIZE_MAX ? i
					: dot; /* digits [start, intend) stand before the point */
	for (size_t k = start; k < v->first; k++)
		before += s[k] != '.' && k < intend;
	long ndig_int = (long)(intend - start);
	/* the first significant digit's place: 10^(point - 1) */
	v->point = v->first < intend ? ndig_int - before : -(long)(v->first - dot - 1);
	v->point += exp10;
	for (size_t k = v->first; k <= v->last; k++)
		v->ndigits += s[k] != '.';
	return true;
}

bool pgtype_numeric_kept_decimal(const char *s, size_t n)
{
	struct norm v;
	return norm_of(s, n, &v);
}

bool pgtype_numeric_kept(const char *s, size_t n, bool is_int, int64_t i, double d)
{
	struct norm v;
	if (!norm_of(s, n, &v))
		return false;
	char buf[24];
	struct pgtype_decimal dec;
	const char *ds;
	int nd, point;
	bool neg;
	if (is_int ? i == 0 : d == 0) /* -0 too */
		return v.ndigits == 0;
	if (is_int) {
		uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
		int len = snprintf(buf, sizeof(buf), "%" PRIu64, u);
		point = len;
		while (len > 1 && buf[len - 1] == '0')
			len--;
		ds = buf;
		nd = len;
		neg = i < 0;
	} else {
		if (!isfinite(d))
			return false;
		pgtype_numeric_double(d, &dec);
		ds = dec.digits;
		nd = dec.ndigits;
		point = dec.point;
		neg = dec.negative;
	}
	if (v.ndigits != (size_t)nd || v.point != point || v.neg != neg)
		return false;
	for (size_t k = v.first, j = 0; k <= v.last; k++) {
		if (s[k] == '.')
			continue;
		if (s[k] != ds[j++])
			return false;
	}
	return true;
}
