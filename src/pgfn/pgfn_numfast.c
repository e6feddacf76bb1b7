/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_numfast.c: the exact engine's fast path. Most values a query meets have at most 18
 * digits: such a value is read as an int64 mantissa and a scale, and + - * / are done in
 * 128-bit integers with the engine's (PostgreSQL's) scales and rounding. Whatever does not fit
 * is left to pgfn_numeric.c, which gives the same answers slowly. */
#include "pgfn_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const int64_t pgfn_pow10[19] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
	1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000};

/* Plain decimal text [-]digits[.digits] of at most 18 significant digits. */
static bool text_value(const char *p, size_t n, int64_t *m, int *s)
{
	size_t i = p[0] == '-';
	int64_t v = 0;
	int digits = 0, frac = 0;
	bool point = false, any = false;
	for (; i < n; i++) {
		if (p[i] == '.' && !point) {
			point = true;
			continue;
		}
		if (p[i] < '0' || p[i] > '9')
			return false;
		any = true;
		frac += point;
		if (v == 0 && p[i] == '0')
			continue;
		if (++digits > 18)
			return false;
		v = v * 10 + (p[i] - '0');
	}
	*m = p[0] == '-' ? -v : v;
	*s = frac;
	return any && frac <= 18;
}

/* A double as the decimal a numeric column's number stands for (pgtype_format_plain_double:
 * up to 15 significant digits as written, even where SQLite's conversion is a unit off), when
 * it fits in 18 digits. */
static bool real_value(double d, int64_t *m, int *s)
{
	if (!isfinite(d))
		return false;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_format_plain_double(&sb, d);
	bool ok = !sb.failed && sb.len <= 40 && text_value(sb.data, sb.len, m, s);
	strbuf_fini(&sb);
	return ok;
}

bool pgfn_num_fast_value(sqlite3_value *v, int scale, int64_t *m, int *s)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		*m = sqlite3_value_int64(v);
		*s = 0;
		break;
	case SQLITE_FLOAT: {
		/* with the scale known (a numeric(p,s) column) the stored double is the decimal
		 * rounded to s places: up to 2^50 units of 10^-s are read exactly by one rounding */
		if (scale < 0)
			return real_value(sqlite3_value_double(v), m, s);
		if (scale > 15)
			return false;
		double d = sqlite3_value_double(v) * (double)pgfn_pow10[scale];
		if (!(d > -(double)(1LL << 50) && d < (double)(1LL << 50)))
			return false;
		*m = llround(d);
		*s = scale;
		return true;
	}
	case SQLITE_TEXT:
		if (!text_value((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v),
				m, s))
			return false;
		break;
	default:
		return false;
	}
	if (scale < 0 || scale == *s)
		return true;
	if (scale < *s || scale > 18)
		return false; /* rounding: the engine's */
	int64_t k = pgfn_pow10[scale - *s];
	if (*m >= INT64_MAX / k || *m <= -(INT64_MAX / k))
		return false;
	*m *= k;
	*s = scale;
	return true;
}

void pgfn_num_from_wide(struct pgfn_num *x, pgfn_wide w, int scale)
{
	uint8_t ls[48];
	int k = 0;
	__extension__ unsigned __int128 u = w < 0 ? -(unsigned __int128)w : (unsigned __int128)w;
	do {
		ls[k++] = (uint8_t)(u % 10);
		u /= 10;
	} while (u);
	pgfn_num_zero(x, scale);
	x->neg = w < 0;
	x->n = k;
	for (int i = 0; i < k; i++)
		x->d[i] = ls[k - 1 - i];
}

/* numeric_out of w * 10^-scale, into a buffer first: 128-bit division is slow, so the
 * digits come from three 64-bit parts of at most 18 digits each. */
static void put_wide(struct strbuf *out, pgfn_wide w, int scale)
{
	char ls[48], buf[128];
	int k = 0, n = 0;
	__extension__ unsigned __int128 u = w < 0 ? -(unsigned __int128)w : (unsigned __int128)w;
	const uint64_t e18 = (uint64_t)pgfn_pow10[18];
	uint64_t part[3] = {(uint64_t)(u % e18), (uint64_t)(u / e18 % e18), (uint64_t)(u / e18 / e18)};
	for (int p = 0; p < 3; p++) {
		bool more = p < 2 && (part[p + 1] || (p == 0 && part[2]));
		for (int d = 0; d < 18 && (more || part[p] || d == 0 || k == 0); d++) {
			ls[k++] = (char)('0' + part[p] % 10);
			part[p] /= 10;
		}
		if (!more)
			break;
	}
	while (k > 1 && ls[k - 1] == '0')
		k--;
	if (w < 0)
		buf[n++] = '-';
	if (k <= scale)
		buf[n++] = '0';
	for (int i = k - 1; i >= scale; i--)
		buf[n++] = ls[i];
	if (scale > 0)
		buf[n++] = '.';
	for (int i = scale - 1; i >= 0; i--)
		buf[n++] = i < k ? ls[i] : '0';
	strbuf_append(out, buf, (size_t)n);
}

static pgfn_wide pow10w(int e)
{
	pgfn_wide p = 1;
	for (; e >= 18; e -= 18)
		p *= pgfn_pow10[18];
	return p * pgfn_pow10[e];
}

/* select_div_scale's inputs for m * 10^-s: weight and first digit in base 10000. */
static void head(int64_t m, int s, int *weight, int *first)
{
	uint64_t u = m < 0 ? 0 - (uint64_t)m : (uint64_t)m;
	*weight = *first = 0;
	if (!u)
		return;
	int nd = 0;
	for (uint64_t t = u; t; t /= 10)
		nd++;
	int p = nd - 1 - s, w = p >= 0 ? p / 4 : -((-p + 3) / 4), e = 4 * w + s;
	*weight = w;
	*first = (int)((e >= 0 ? u / (uint64_t)pgfn_pow10[e] : u * (uint64_t)pgfn_pow10[-e]) % 10000);
}

static int div_scale(int64_t a, int sa, int64_t b, int sb)
{
	int w1, f1, w2, f2;
	head(a, sa, &w1, &f1);
	head(b, sb, &w2, &f2);
	int r = PGFN_NUM_MIN_SIG_DIGITS - (w1 - w2 - (f1 <= f2)) * 4;
	r = r < sa ? sa : r;
	r = r < sb ? sb : r;
	return r < 0 ? 0 : r > PGFN_NUM_MAX_DISPLAY_SCALE ? PGFN_NUM_MAX_DISPLAY_SCALE : r;
}

static bool fast_div(int64_t a, int sa, int64_t b, int sb, struct strbuf *out)
{
	int rscale = div_scale(a, sa, b, sb), e = sb + rscale + 1 - sa;
	int nd = 0;
	for (int64_t t = a; t; t /= 10)
		nd++;
	if (b == 0 || e < 0 || nd + e > 37)
		return false;
	pgfn_wide n = (pgfn_wide)(a < 0 ? -(pgfn_wide)a : a) * pow10w(e);
	pgfn_wide q = n / (b < 0 ? -(pgfn_wide)b : b);
	q = q / 10 + (q % 10 >= 5); /* the guard digit rounds half away from zero */
	put_wide(out, (a < 0) != (b < 0) ? -q : q, rscale);
	return true;
}

bool pgfn_num_fast_arith(char op, int64_t a, int sa, int64_t b, int sb, struct strbuf *out)
{
	int s = sa > sb ? sa : sb;
	switch (op) {
	case '+':
	case '-': {
		pgfn_wide x = (pgfn_wide)a * pgfn_pow10[s - sa], y = (pgfn_wide)b * pgfn_pow10[s - sb];
		put_wide(out, op == '+' ? x + y : x - y, s);
		return true;
	}
	case '*':
		put_wide(out, (pgfn_wide)a * b, sa + sb);
		return true;
	default:
		return fast_div(a, sa, b, sb, out);
	}
}
