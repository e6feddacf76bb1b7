/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_float.c: shortest round-trip float formatting, byte-identical to PostgreSQL 12+'s
 * float8out/float4out (Ryu with extra_float_digits = 1). Digits come from exact big-integer
 * arithmetic (Steele & White / Burger & Dybvig free-format), which picks the same string as
 * Ryu: the shortest that reads back exactly, the closest of those, ties to an even digit.
 * Like PostgreSQL's Ryu (STRICTLY_SHORTEST 0) it never picks a decimal lying exactly halfway
 * to a neighbouring float, even where round-half-even reading would map it back to us. */
#include "pgtype_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Enough for 2^1076 × 10^324 × 10 (the largest value the subnormal case reaches). */
#define BIG_WORDS 40

struct big {
	int n; /* words in use; w[n-1] != 0 unless n == 0 */
	uint32_t w[BIG_WORDS];
};

static void big_set(struct big *b, uint64_t v)
{
	b->n = 0;
	while (v) {
		b->w[b->n++] = (uint32_t)v;
		v >>= 32;
	}
}

static void big_mul_small(struct big *b, uint32_t m)
{
	uint64_t carry = 0;
	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * m + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry) {
		ASSERT(b->n < BIG_WORDS);
		b->w[b->n++] = (uint32_t)carry;
	}
}

static void big_mul_pow10(struct big *b, int k)
{
	for (; k >= 9; k -= 9)
		big_mul_small(b, 1000000000u);
	static const uint32_t small[9] = {1,      10,      100,      1000,     10000,
					  100000, 1000000, 10000000, 100000000};
	if (k > 0)
		big_mul_small(b, small[k]);
}

static void big_shl(struct big *b, int bits)
{
	if (b->n == 0)
		return;
	int words = bits / 32, rest = bits % 32;
	ASSERT(b->n + words + 1 <= BIG_WORDS);
	b->w[b->n + words] = 0;
	for (int i = b->n - 1; i >= 0; i--) {
		uint64_t t = (uint64_t)b->w[i] << rest;
		b->w[i + words + 1] |= (uint32_t)(t >> 32);
		b->w[i + words] = (uint32_t)t;
	}
	for (int i = 0; i < words; i++)
		b->w[i] = 0;
	b->n += words + 1;
	while (b->n > 0 && b->w[b->n - 1] == 0)
		b->n--;
}

static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

static void big_add(struct big *out, const struct big *a, const struct big *b)
{
	const struct big *lo = a->n < b->n ? a : b, *hi = a->n < b->n ? b : a;
	uint64_t carry = 0;
	int i;
	for (i = 0; i < hi->n; i++) {
		uint64_t t = (uint64_t)hi->w[i] + (i < lo->n ? lo->w[i] : 0) + carry;
		out->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	out->n = hi->n;
	if (carry) {
		ASSERT(out->n < BIG_WORDS);
		out->w[out->n++] = 1;
	}
}

/* a -= b; requires a >= b. */
static void big_sub(struct big *a, const struct big *b)
{
	int64_t borrow = 0;
	for (int i = 0; i < a->n; i++) {
		int64_t t = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
		borrow = t < 0;
		a->w[i] = (uint32_t)(t + (borrow << 32));
	}
	while (a->n > 0 && a->w[a->n - 1] == 0)
		a->n--;
}

/* The state of the digit generator: value = r/s, and the rounding interval reaches m_minus
 * below and m_plus above (all scaled by the same factor). */
struct gen {
	struct big r, s, m_plus, m_minus;
	bool even; /* the interval's bounds count as inside (never, as in PostgreSQL) */
};

/* v = f × 2^e; asym when f is a power of two above the smallest exponent (the gap below
 * is half the gap above). */
static void gen_init(struct gen *g, uint64_t f, int e, bool asym)
{
	int extra = asym ? 1 : 0;
	/* Upstream Ryu accepts the bounds when f is even (strtod rounds half to even, back to
	 * us); PostgreSQL does not rely on readers getting that right. */
	g->even = false;
	big_set(&g->r, f);
	big_set(&g->s, 1);
	big_set(&g->m_plus, 1);
	big_set(&g->m_minus, 1);
	if (e >= 0) {
		big_shl(&g->r, e + 1 + extra);
		big_shl(&g->s, 1 + extra);
		big_shl(&g->m_plus, e + extra);
		big_shl(&g->m_minus, e);
	} else {
		big_shl(&g->r, 1 + extra);
		big_shl(&g->s, 1 - e + extra);
		big_shl(&g->m_plus, extra);
	}
}

/* True when r + m_plus reaches s, i.e. the upper bound is at or above 1 (given even). */
static bool high_reaches(const struct gen *g, const struct big *r, const struct big *s)
{
	struct big t;
	big_add(&t, r, &g->m_plus);
	int c = big_cmp(&t, s);
	return g->even ? c >= 0 : c > 0;
}

/* Scales so that the upper bound lies in [0.1, 1); returns the decimal point position. */
static int gen_scale(struct gen *g, double approx)
{
	int k = (int)ceil(log10(approx));
	if (k >= 0)
		big_mul_pow10(&g->s, k);
	else {
		big_mul_pow10(&g->r, -k);
		big_mul_pow10(&g->m_plus, -k);
		big_mul_pow10(&g->m_minus, -k);
	}
	while (high_reaches(g, &g->r, &g->s)) {
		big_mul_small(&g->s, 10);
		k++;
	}
	for (;;) {
		struct big r10 = g->r, mp10 = g->m_plus;
		big_mul_small(&r10, 10);
		big_mul_small(&mp10, 10);
		struct big t;
		big_add(&t, &r10, &mp10);
		int c = big_cmp(&t, &g->s);
		if (g->even ? c >= 0 : c > 0)
			break;
		g->r = r10;
		g->m_plus = mp10;
		big_mul_small(&g->m_minus, 10);
		k--;
	}
	return k;
}

/* Adds one to the last digit, carrying; a carry out of the first digit moves the point. */
static void round_up(struct pgtype_decimal *d)
{
	int i = d->ndigits - 1;
	while (i >= 0 && d->digits[i] == '9')
		d->digits[i--] = '0';
	if (i >= 0) {
		d->digits[i]++;
		return;
	}
	d->digits[0] = '1';
	d->ndigits = 1;
	d->point++;
}

static void gen_digits(struct gen *g, struct pgtype_decimal *out)
{
	for (;;) {
		big_mul_small(&g->r, 10);
		big_mul_small(&g->m_plus, 10);
		big_mul_small(&g->m_minus, 10);
		int digit = 0;
		while (big_cmp(&g->r, &g->s) >= 0) {
			big_sub(&g->r, &g->s);
			digit++;
		}
		int c = big_cmp(&g->r, &g->m_minus);
		bool low = g->even ? c <= 0 : c < 0;
		bool high = high_reaches(g, &g->r, &g->s);
		ASSERT(out->ndigits < 18);
		out->digits[out->ndigits++] = (char)('0' + digit);
		if (!low && !high)
			continue;
		if (low && high) {
			struct big twice;
			big_add(&twice, &g->r, &g->r);
			c = big_cmp(&twice, &g->s);
			high = c > 0 || (c == 0 && digit % 2 == 1);
		}
		if (high)
			round_up(out);
		break;
	}
	while (out->ndigits > 1 && out->digits[out->ndigits - 1] == '0')
		out->ndigits--;
	out->digits[out->ndigits] = '\0';
}

static void shortest(uint64_t f, int e, bool asym, double approx, struct pgtype_decimal *out)
{
	struct gen g;
	gen_init(&g, f, e, asym);
	out->ndigits = 0;
	out->point = gen_scale(&g, approx);
	gen_digits(&g, out);
}

void pgtype_shortest_double(double d, struct pgtype_decimal *out)
{
	uint64_t bits;
	memcpy(&bits, &d, sizeof(bits));
	uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
	int bexp = (int)((bits >> 52) & 0x7ff);
	ASSERT(bexp != 0x7ff && (bexp != 0 || frac != 0));
	out->negative = (bits >> 63) != 0;
	if (bexp == 0)
		shortest(frac, -1074, false, fabs(d), out);
	else
		shortest(frac | (UINT64_C(1) << 52), bexp - 1075, frac == 0 && bexp > 1, fabs(d),
			 out);
}

static double (*store_atof)(const char *s); /* the store's text-to-double conversion */

void pgtype_set_store_atof(double (*fn)(const char *s)) { store_atof = fn; }

void pgtype_numeric_double(double d, struct pgtype_decimal *out)
{
	pgtype_shortest_double(d, out);
	if (out->ndigits <= 15 || !store_atof)
		return;
	char buf[40]; /* d.ddddddddddddddde[+-]x: its 15-digit rounding (glibc rounds exactly) */
	snprintf(buf, sizeof(buf), "%.14e", d);
	if (store_atof(buf) != d) /* (the nearest double to buf is another: d has 16+ digits) */
		return; /* not the store's image of a shorter decimal: as written */
	const char *p = buf + (buf[0] == '-');
	int n = 0;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			out->digits[n++] = *p;
	while (n > 1 && out->digits[n - 1] == '0')
		n--;
	out->digits[n] = '\0';
	out->ndigits = n;
	out->point = *p == 'e' ? atoi(p + 1) + 1 : 1;
}

void pgtype_shortest_float(float f, struct pgtype_decimal *out)
{
	uint32_t bits;
	memcpy(&bits, &f, sizeof(bits));
	uint32_t frac = bits & ((UINT32_C(1) << 23) - 1);
	int bexp = (int)((bits >> 23) & 0xff);
	ASSERT(bexp != 0xff && (bexp != 0 || frac != 0));
	out->negative = (bits >> 31) != 0;
	if (bexp == 0)
		shortest(frac, -149, false, fabs((double)f), out);
	else
		shortest(frac | (UINT32_C(1) << 23), bexp - 150, frac == 0 && bexp > 1,
			 fabs((double)f), out);
}

static void put_zeros(struct strbuf *out, int n)
{
	for (int i = 0; i < n; i++)
		strbuf_putc(out, '0');
}

/* ddd000, ddd.ddd or 0.000ddd */
static void put_fixed(struct strbuf *out, const struct pgtype_decimal *d)
{
	if (d->point <= 0) {
		strbuf_puts(out, "0.");
		put_zeros(out, -d->point);
		strbuf_append(out, d->digits, (size_t)d->ndigits);
	} else if (d->point >= d->ndigits) {
		strbuf_append(out, d->digits, (size_t)d->ndigits);
		put_zeros(out, d->point - d->ndigits);
	} else {
		strbuf_append(out, d->digits, (size_t)d->point);
		strbuf_putc(out, '.');
		strbuf_append(out, d->digits + d->point, (size_t)(d->ndigits - d->point));
	}
}

/* d.ddde+XX: at least two exponent digits, as printf's %e. */
static void put_exponent(struct strbuf *out, const struct pgtype_decimal *d, int exp)
{
	strbuf_putc(out, d->digits[0]);
	if (d->ndigits > 1) {
		strbuf_putc(out, '.');
		strbuf_append(out, d->digits + 1, (size_t)(d->ndigits - 1));
	}
	strbuf_printf(out, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

/* PostgreSQL switches to exponent form when the display exponent is below -4 or reaches the
 * type's guaranteed digits (DBL_DIG 15, FLT_DIG 6), as printf's %g does. */
static void put_shortest(struct strbuf *out, const struct pgtype_decimal *d, int max_fixed)
{
	int exp = d->point - 1;
	if (d->negative)
		strbuf_putc(out, '-');
	if (exp >= -4 && exp < max_fixed)
		put_fixed(out, d);
	else
		put_exponent(out, d, exp);
}

/* NaN, Infinity, -Infinity, 0 and -0 never reach the digit generator. */
static bool put_special(struct strbuf *out, double d)
{
	if (isnan(d))
		strbuf_puts(out, "NaN");
	else if (isinf(d))
		strbuf_puts(out, d < 0 ? "-Infinity" : "Infinity");
	else if (d == 0)
		strbuf_puts(out, signbit(d) ? "-0" : "0");
	else
		return false;
	return true;
}

void pgtype_format_float8(struct strbuf *out, double d)
{
	if (put_special(out, d))
		return;
	struct pgtype_decimal dec;
	pgtype_shortest_double(d, &dec);
	put_shortest(out, &dec, 15);
}

void pgtype_format_float4(struct strbuf *out, float f)
{
	if (put_special(out, (double)f))
		return;
	struct pgtype_decimal dec;
	pgtype_shortest_float(f, &dec);
	put_shortest(out, &dec, 6);
}

void pgtype_format_plain_double(struct strbuf *out, double d)
{
	if (isnan(d) || isinf(d)) {
		put_special(out, d);
		return;
	}
	if (d == 0) {
		strbuf_putc(out, '0'); /* numeric has no negative zero */
		return;
	}
	struct pgtype_decimal dec;
	pgtype_numeric_double(d, &dec);
	if (dec.negative)
		strbuf_putc(out, '-');
	put_fixed(out, &dec);
}

/* extra_float_digits 0 and below: pg_strfromd's %.*g (glibc rounds exactly), "-0" kept. */
static void put_g(struct strbuf *out, double d, int ndig)
{
	if (put_special(out, d))
		return;
	strbuf_printf(out, "%.*g", ndig < 1 ? 1 : ndig, d);
}

void pgtype_format_float8_extra(struct strbuf *out, double d, int extra)
{
	if (extra > 0)
		pgtype_format_float8(out, d);
	else
		put_g(out, d, 15 + extra); /* DBL_DIG */
}

void pgtype_format_float4_extra(struct strbuf *out, float f, int extra)
{
	if (extra > 0)
		pgtype_format_float4(out, f);
	else
		put_g(out, (double)f, 6 + extra); /* FLT_DIG */
}
