/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_numeric.c: the exact decimal engine behind numeric arithmetic — parse, print with a
 * display scale, + - * /, rounding and square root with PostgreSQL's result scales (numeric.c's
 * add_var, mul_var, select_div_scale, div_var, round_var, sqrt_var). Digits are base 10, one per
 * byte: slower than PostgreSQL's base 10000 but simple to check, and values stay small. */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

/* Digit at power p (the units digit is p = 0, tenths p = -1), 0 outside the stored digits. */
static int dig(const struct pgfn_num *x, int p)
{
	int i = x->n - 1 - (p + x->scale);
	return i >= 0 && i < x->n ? x->d[i] : 0;
}

/* The power just above the highest stored digit. */
static int top(const struct pgfn_num *x) { return x->n - x->scale; }

/* Drops leading zero digits; zero has no sign. */
static void normalize(struct pgfn_num *x)
{
	int z = 0;
	while (z < x->n && x->d[z] == 0)
		z++;
	if (z) {
		memmove(x->d, x->d + z, (size_t)(x->n - z));
		x->n -= z;
	}
	if (x->n == 0)
		x->neg = false;
}

/* Sets x from ls (least significant digit first, count digits) and scale. */
static bool from_ls(struct pgfn_num *x, const uint8_t *ls, int count, int scale, bool neg)
{
	while (count > scale && ls[count - 1] == 0)
		count--; /* leading zeros of the integer part */
	if (count > PGFN_NUM_DIGITS)
		return false;
	for (int i = 0; i < count; i++)
		x->d[i] = ls[count - 1 - i];
	x->n = count;
	x->scale = scale;
	x->neg = neg;
	normalize(x);
	return true;
}

void pgfn_num_zero(struct pgfn_num *x, int scale)
{
	x->neg = false;
	x->n = 0;
	x->scale = scale;
}

bool pgfn_num_is_zero(const struct pgfn_num *x)
{
	for (int i = 0; i < x->n; i++) {
		if (x->d[i])
			return false;
	}
	return true;
}

void pgfn_num_from_int(struct pgfn_num *x, int64_t v)
{
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	uint8_t ls[24];
	int k = 0;
	do {
		ls[k++] = (uint8_t)(u % 10);
		u /= 10;
	} while (u);
	from_ls(x, ls, k, 0, v < 0);
}

/* numeric_in's syntax: blanks, sign, digits with at most one point, an exponent, blanks. */
bool pgfn_num_parse(const char *s, size_t len, struct pgfn_num *x)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	bool neg = i < len && s[i] == '-', point = false, any = false;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	int frac = 0;
	x->n = 0;
	for (; i < len; i++) {
		if (s[i] == '.' && !point) {
			point = true;
		} else if (s[i] >= '0' && s[i] <= '9') {
			any = true;
			if (x->n == 0 && s[i] == '0' && !point)
				continue; /* leading zeros */
			if (x->n >= PGFN_NUM_DIGITS)
				return false;
			x->d[x->n++] = (uint8_t)(s[i] - '0');
			frac += point;
		} else {
			break;
		}
	}
	long exp = 0;
	if (any && i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t j = i + 1;
		bool eneg = j < len && s[j] == '-';
		j += j < len && (s[j] == '-' || s[j] == '+');
		if (j >= len || s[j] < '0' || s[j] > '9')
			return false;
		for (; j < len && s[j] >= '0' && s[j] <= '9'; j++)
			exp = exp < 100000 ? exp * 10 + (s[j] - '0') : exp;
		exp = eneg ? -exp : exp;
		i = j;
	}
	while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	if (!any || i != len || exp > PGFN_NUM_DIGITS || exp < -PGFN_NUM_DIGITS)
		return false;
	long scale = frac - exp;
	while (scale < 0) { /* 1.5e3: the digits gain zeros, the scale stays 0 */
		if (x->n >= PGFN_NUM_DIGITS)
			return false;
		x->d[x->n++] = 0;
		scale++;
	}
	x->scale = (int)scale;
	x->neg = neg;
	normalize(x);
	return x->scale <= PGFN_NUM_DIGITS;
}

void pgfn_num_format(const struct pgfn_num *x, struct strbuf *out)
{
	if (x->neg && !pgfn_num_is_zero(x))
		strbuf_putc(out, '-');
	int hi = top(x);
	if (hi <= 0)
		strbuf_putc(out, '0');
	for (int p = hi - 1; p >= 0; p--)
		strbuf_putc(out, (char)('0' + dig(x, p)));
	if (x->scale > 0)
		strbuf_putc(out, '.');
	for (int p = -1; p >= -x->scale; p--)
		strbuf_putc(out, (char)('0' + dig(x, p)));
}

static int cmp_mag(const struct pgfn_num *a, const struct pgfn_num *b)
{
	int hi = top(a) > top(b) ? top(a) : top(b);
	int lo = -(a->scale > b->scale ? a->scale : b->scale);
	for (int p = hi - 1; p >= lo; p--) {
		int d = dig(a, p) - dig(b, p);
		if (d)
			return d < 0 ? -1 : 1;
	}
	return 0;
}

int pgfn_num_cmp(const struct pgfn_num *a, const struct pgfn_num *b)
{
	bool za = pgfn_num_is_zero(a), zb = pgfn_num_is_zero(b);
	int sa = za ? 0 : a->neg ? -1 : 1, sb = zb ? 0 : b->neg ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return sa * cmp_mag(a, b);
}

/* |a| + |b| or |a| - |b| (|a| >= |b|), at the larger scale, with sign neg. */
static bool add_mag(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b,
		    bool subtract, bool neg)
{
	int s = a->scale > b->scale ? a->scale : b->scale;
	int hi = (top(a) > top(b) ? top(a) : top(b)) + 1;
	if (hi + s > PGFN_NUM_DIGITS + 1)
		return false;
	uint8_t ls[PGFN_NUM_DIGITS + 2];
	int carry = 0, k = 0;
	for (int p = -s; p < hi; p++) {
		int v = dig(a, p) + (subtract ? -dig(b, p) : dig(b, p)) + carry;
		carry = v < 0 ? -1 : v / 10;
		ls[k++] = (uint8_t)((v + 10) % 10);
	}
	return from_ls(out, ls, k, s, neg);
}

bool pgfn_num_add(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b)
{
	if (a->neg == b->neg)
		return add_mag(out, a, b, false, a->neg);
	if (cmp_mag(a, b) >= 0)
		return add_mag(out, a, b, true, a->neg);
	return add_mag(out, b, a, true, b->neg);
}

bool pgfn_num_sub(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b)
{
	struct pgfn_num *nb = base_xmalloc(sizeof(*nb));
	*nb = *b;
	nb->neg = !b->neg;
	bool ok = pgfn_num_add(out, a, nb);
	free(nb);
	return ok;
}

/* mul_var with rscale = the sum of the scales: the exact product. */
bool pgfn_num_mul(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b)
{
	int count = a->n + b->n + 1, scale = a->scale + b->scale;
	if (count > 2 * PGFN_NUM_DIGITS + 1 || scale > PGFN_NUM_DIGITS)
		return false;
	uint32_t *acc = base_xcalloc((size_t)count, sizeof(*acc));
	for (int i = 0; i < a->n; i++) {
		for (int j = 0; j < b->n; j++)
			acc[(a->n - 1 - i) + (b->n - 1 - j)] += (uint32_t)(a->d[i] * b->d[j]);
		for (int k = 0; k + 1 < count; k++) { /* carry each row: no uint32 overflow */
			acc[k + 1] += acc[k] / 10;
			acc[k] %= 10;
		}
	}
	uint8_t *ls = base_xmalloc((size_t)count);
	for (int k = 0; k < count; k++)
		ls[k] = (uint8_t)acc[k];
	bool neg = a->neg != b->neg;
	bool ok = from_ls(out, ls, count, scale, neg);
	free(acc);
	free(ls);
	return ok;
}

/* Adds one unit in the last place of |x|. */
static bool bump(struct pgfn_num *x)
{
	int i = x->n;
	while (i-- > 0 && x->d[i] == 9)
		x->d[i] = 0;
	if (i >= 0) {
		x->d[i]++;
		return true;
	}
	if (x->n >= PGFN_NUM_DIGITS)
		return false;
	memmove(x->d + 1, x->d, (size_t)x->n);
	x->d[0] = 1;
	x->n++;
	return true;
}

/* round_var: to scale fraction digits, half away from zero; a larger scale adds zeros. */
bool pgfn_num_round(struct pgfn_num *x, int scale)
{
	if (scale >= x->scale) {
		int add = scale - x->scale;
		if (x->n + add > PGFN_NUM_DIGITS)
			return false;
		memset(x->d + x->n, 0, (size_t)add);
		x->n += add;
		x->scale = scale;
		return true;
	}
	int drop = x->scale - scale, keep = x->n - drop;
	bool up = keep >= 0 && keep < x->n && x->d[keep] >= 5;
	x->n = keep > 0 ? keep : 0;
	x->scale = scale;
	bool ok = !up || bump(x);
	normalize(x);
	return ok;
}

void pgfn_num_trunc(struct pgfn_num *x, int scale)
{
	if (scale >= x->scale) {
		pgfn_num_round(x, scale);
		return;
	}
	int keep = x->n - (x->scale - scale);
	x->n = keep > 0 ? keep : 0;
	x->scale = scale;
	normalize(x);
}

/* PostgreSQL's weight (of base-10000 digit groups) and first group of a non-zero x. */
static void group_head(const struct pgfn_num *x, int *weight, int *first)
{
	*weight = 0;
	*first = 0;
	if (pgfn_num_is_zero(x))
		return;
	int p = top(x) - 1;
	while (dig(x, p) == 0)
		p--;
	int w = p >= 0 ? p / 4 : -((-p + 3) / 4);
	*weight = w;
	*first = dig(x, 4 * w + 3) * 1000 + dig(x, 4 * w + 2) * 100 + dig(x, 4 * w + 1) * 10 +
		 dig(x, 4 * w);
}

int pgfn_num_weight(const struct pgfn_num *x)
{
	int w, first;
	group_head(x, &w, &first);
	return w;
}

int pgfn_num_group(const struct pgfn_num *x, int w)
{
	return dig(x, 4 * w + 3) * 1000 + dig(x, 4 * w + 2) * 100 + dig(x, 4 * w + 1) * 10 +
	       dig(x, 4 * w);
}

bool pgfn_num_below(const struct pgfn_num *x, int p)
{
	for (int q = p - 1; q >= -x->scale; q--) {
		if (dig(x, q))
			return true;
	}
	return false;
}

int pgfn_num_div_scale(const struct pgfn_num *a, const struct pgfn_num *b)
{
	int w1, f1, w2, f2;
	group_head(a, &w1, &f1);
	group_head(b, &w2, &f2);
	int qweight = w1 - w2 - (f1 <= f2);
	int rscale = PGFN_NUM_MIN_SIG_DIGITS - qweight * 4;
	rscale = rscale < a->scale ? a->scale : rscale;
	rscale = rscale < b->scale ? b->scale : rscale;
	rscale = rscale < 0 ? 0 : rscale;
	return rscale > PGFN_NUM_MAX_DISPLAY_SCALE ? PGFN_NUM_MAX_DISPLAY_SCALE : rscale;
}

/* rem (ls digits, *rn of them) >= d (ls digits, dn of them) */
static bool ge_ls(const uint8_t *rem, int rn, const uint8_t *d, int dn)
{
	while (rn > 0 && rem[rn - 1] == 0)
		rn--;
	if (rn != dn)
		return rn > dn;
	for (int i = rn - 1; i >= 0; i--) {
		if (rem[i] != d[i])
			return rem[i] > d[i];
	}
	return true;
}

static void sub_ls(uint8_t *rem, int rn, const uint8_t *d, int dn)
{
	int borrow = 0;
	for (int i = 0; i < rn; i++) {
		int v = rem[i] - (i < dn ? d[i] : 0) - borrow;
		borrow = v < 0;
		rem[i] = (uint8_t)(v + 10 * borrow);
	}
}

/* div_var(..., round = true): a / b rounded half away from zero to rscale digits, by long
 * division of A * 10^(sb + rscale + 1) by B * 10^sa, one guard digit, then rounding. */
bool pgfn_num_div(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b,
		  int rscale)
{
	ASSERT(!pgfn_num_is_zero(b));
	int k = rscale + 1;
	int nn = a->n + b->scale + k, dn = b->n + a->scale;
	if (nn > 3 * PGFN_NUM_DIGITS || dn > 2 * PGFN_NUM_DIGITS)
		return false;
	uint8_t *d = base_xcalloc((size_t)dn + 1, 1), *rem = base_xcalloc((size_t)dn + 2, 1);
	uint8_t *q = base_xcalloc((size_t)nn + 1, 1);
	for (int i = 0; i < b->n; i++)
		d[a->scale + i] = b->d[b->n - 1 - i];
	int dlen = dn;
	while (dlen > 0 && d[dlen - 1] == 0)
		dlen--;
	for (int i = 0; i < nn; i++) {
		memmove(rem + 1, rem, (size_t)dn + 1); /* rem = rem * 10 + next digit */
		rem[0] = i < a->n ? a->d[i] : 0;
		int qd = 0;
		while (ge_ls(rem, dn + 2, d, dlen)) {
			sub_ls(rem, dn + 2, d, dlen);
			qd++;
		}
		q[nn - 1 - i] = (uint8_t)qd;
	}
	bool ok = from_ls(out, q, nn, k, a->neg != b->neg) && pgfn_num_round(out, rscale);
	free(d);
	free(rem);
	free(q);
	return ok;
}

bool pgfn_num_div_trunc(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b)
{
	struct pgfn_num *t = base_xmalloc(sizeof(*t));
	bool ok = pgfn_num_div(out, a, b, 0) && pgfn_num_mul(t, out, b);
	if (ok && cmp_mag(t, a) > 0) { /* rounded away from zero: one less in magnitude */
		struct pgfn_num *one = base_xmalloc(sizeof(*one));
		pgfn_num_from_int(one, 1);
		one->neg = out->neg;
		*t = *out;
		ok = pgfn_num_sub(out, t, one);
		free(one);
	}
	free(t);
	return ok;
}

/* floor(sqrt(X)) of the integer X (ms digits xs[0..xn)), digit pairs at a time. */
static int isqrt_ls(const uint8_t *xs, int xn, uint8_t *root)
{
	int cap = xn + 4, rn = 0;
	uint8_t *rem = base_xcalloc((size_t)cap, 1), *trial = base_xcalloc((size_t)cap, 1);
	uint8_t *ls_root = base_xcalloc((size_t)cap, 1);
	for (int i = (xn % 2 ? -1 : 0); i < xn; i += 2) {
		memmove(rem + 2, rem, (size_t)cap - 2); /* rem = rem * 100 + pair */
		rem[1] = i >= 0 ? xs[i] : 0;
		rem[0] = xs[i + 1];
		int x = 9;
		for (; x > 0; x--) { /* trial = (20 * root + x) * x */
			int carry = 0;
			for (int j = 0; j < cap; j++) {
				int r20 = (j >= 1 && j - 1 < rn ? ls_root[j - 1] : 0) * 2;
				int v = (r20 + (j == 0 ? x : 0)) * x + carry;
				trial[j] = (uint8_t)(v % 10);
				carry = v / 10;
			}
			int tn = cap;
			while (tn > 0 && trial[tn - 1] == 0)
				tn--;
			if (ge_ls(rem, cap, trial, tn))
				break;
		}
		if (x > 0) {
			int tn = cap;
			while (tn > 0 && trial[tn - 1] == 0)
				tn--;
			sub_ls(rem, cap, trial, tn);
		}
		memmove(ls_root + 1, ls_root, (size_t)cap - 1);
		ls_root[0] = (uint8_t)x;
		rn++;
	}
	for (int i = 0; i < rn; i++)
		root[i] = ls_root[i];
	free(rem);
	free(trial);
	free(ls_root);
	return rn;
}

bool pgfn_num_sqrt(struct pgfn_num *out, const struct pgfn_num *x, int rscale)
{
	ASSERT(!x->neg || pgfn_num_is_zero(x));
	struct pgfn_num *t = base_xmalloc(sizeof(*t));
	*t = *x;
	pgfn_num_trunc(t, 2 * (rscale + 1)); /* X = trunc(x * 10^(2 * (rscale + 1))) */
	bool ok = t->scale == 2 * (rscale + 1);
	if (ok) {
		uint8_t *root = base_xcalloc((size_t)t->n + 4, 1);
		int rn = isqrt_ls(t->d, t->n, root);
		ok = from_ls(out, root, rn, rscale + 1, false) && pgfn_num_round(out, rscale);
		free(root);
	}
	free(t);
	return ok;
}
