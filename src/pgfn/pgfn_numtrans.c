/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_numtrans.c: sqrt, exp, ln, log and power of numeric in the exact engine, with numeric.c's
 * algorithms (sqrt_var, exp_var, ln_var, log_var, power_var, power_var_int) and, above all, its
 * result scales, which several of them derive from PostgreSQL's base-10000 weights; and their
 * SQL functions pgfn_num_sqrt/exp/ln/log/pow, decimal TEXT for a result column
 * (xlat_numeric.c). Intermediate products are exact before rounding, so a result is the
 * correctly rounded one PostgreSQL's guard digits give. */
#include "pgfn_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_SIG PGFN_NUM_MIN_SIG_DIGITS
#define MAX_SCALE PGFN_NUM_MAX_DISPLAY_SCALE
#define MAX_RESULT_SCALE 2000 /* NUMERIC_MAX_RESULT_SCALE */

/* What went wrong, for the SQL function to report. */
enum nt_err {
	NT_OK,
	NT_OVERFLOW, /* 22003 value overflows numeric format (also: beyond the engine's digits) */
	NT_DIV0,     /* 22012 */
	NT_LOG0,     /* 2201E */
	NT_LOGNEG,   /* 2201E */
	NT_SQRTNEG,  /* 2201F */
	NT_POW0NEG,  /* 2201F */
	NT_COMPLEX,  /* 2201F */
};

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static struct pgfn_num *num_new(void) { return base_xcalloc(1, sizeof(struct pgfn_num)); }

static void num_const(struct pgfn_num *x, const char *s)
{
	bool ok = pgfn_num_parse(s, strlen(s), x);
	ASSERT(ok);
}

/* out = a * b rounded to rscale (out may be an operand). */
static bool mulr(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b,
		 int rscale)
{
	struct pgfn_num *t = num_new();
	bool ok = pgfn_num_mul(t, a, b) && pgfn_num_round(t, rscale);
	if (ok)
		*out = *t;
	free(t);
	return ok;
}

/* out = a + b (out may be an operand). */
static bool addv(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b)
{
	struct pgfn_num *t = num_new();
	bool ok = pgfn_num_add(t, a, b);
	if (ok)
		*out = *t;
	free(t);
	return ok;
}

/* out = a / b rounded to rscale (b not zero; out may be an operand). */
static bool divr(struct pgfn_num *out, const struct pgfn_num *a, const struct pgfn_num *b,
		 int rscale)
{
	struct pgfn_num *t = num_new();
	bool ok = pgfn_num_div(t, a, b, rscale);
	if (ok)
		*out = *t;
	free(t);
	return ok;
}

static bool divi(struct pgfn_num *out, const struct pgfn_num *a, int64_t n, int rscale)
{
	struct pgfn_num *d = num_new();
	pgfn_num_from_int(d, n);
	bool ok = divr(out, a, d, rscale);
	free(d);
	return ok;
}

/* numericvar_to_double_no_overflow */
static double to_double(const struct pgfn_num *x)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_num_format(x, &sb);
	double d = sb.failed || !sb.data ? 0.0 : strtod(sb.data, NULL);
	strbuf_fini(&sb);
	return d;
}

/* No fraction digit of x is non-zero. */
static bool is_integral(const struct pgfn_num *x) { return !pgfn_num_below(x, 0); }

static int cmp_const(const struct pgfn_num *x, const char *s)
{
	struct pgfn_num *c = num_new();
	num_const(c, s);
	int r = pgfn_num_cmp(x, c);
	free(c);
	return r;
}

/* estimate_ln_dweight: the decimal weight of ln(x)'s first significant digit, roughly. */
static int ln_dweight(const struct pgfn_num *x)
{
	if (x->neg || pgfn_num_is_zero(x))
		return 0;
	if (cmp_const(x, "0.9") >= 0 && cmp_const(x, "1.1") <= 0) {
		/* ln(1 + d) ~= d */
		struct pgfn_num *one = num_new(), *d = num_new();
		pgfn_num_from_int(one, 1);
		bool ok = pgfn_num_sub(d, x, one);
		int r = 0;
		if (ok && !pgfn_num_is_zero(d)) {
			int w = pgfn_num_weight(d);
			r = w * 4 + (int)log10((double)pgfn_num_group(d, w));
		}
		free(one);
		free(d);
		return r;
	}
	int w = pgfn_num_weight(x);
	int digits = pgfn_num_group(x, w), dweight = w * 4;
	if (pgfn_num_below(x, 4 * w)) { /* a second base-10000 digit */
		digits = digits * 10000 + pgfn_num_group(x, w - 1);
		dweight -= 4;
	}
	double ln = log((double)digits) + dweight * 2.302585092994046;
	return (int)log10(fabs(ln));
}

/* sqrt_var's caller numeric_sqrt: 16 significant digits, at least the input's scale. */
static int sqrt_scale(const struct pgfn_num *x)
{
	int sweight = (pgfn_num_weight(x) + 1) * 4 / 2 - 1;
	int rscale = MIN_SIG - sweight;
	rscale = rscale < x->scale ? x->scale : rscale;
	return clamp(rscale, 0, MAX_SCALE);
}

/* exp_var: Taylor series after halving x until |x| <= 0.01, then squaring back. */
static enum nt_err exp_var(const struct pgfn_num *arg, struct pgfn_num *result, int rscale)
{
	double val = to_double(arg);
	if (fabs(val) >= MAX_RESULT_SCALE * 3) {
		if (val > 0)
			return NT_OVERFLOW;
		pgfn_num_zero(result, rscale);
		return NT_OK;
	}
	struct pgfn_num *x = num_new(), *elem = num_new(), *one = num_new();
	*x = *arg;
	pgfn_num_from_int(one, 1);
	int dweight = (int)(val * 0.434294481903252), ndiv2 = 0;
	bool ok = true;
	if (fabs(val) > 0.01) {
		ndiv2 = 1;
		val /= 2;
		while (fabs(val) > 0.01) {
			ndiv2++;
			val /= 2;
		}
		ok = divi(x, x, (int64_t)1 << ndiv2, x->scale + ndiv2);
	}
	int sig_digits = 1 + dweight + rscale + (int)(ndiv2 * 0.301029995663981);
	sig_digits = (sig_digits < 0 ? 0 : sig_digits) + 8;
	int local_rscale = sig_digits - 1;
	if (sig_digits > PGFN_NUM_DIGITS / 2) { /* the squarings' products would not fit the
						 * engine: say so now, not after seconds of work */
		free(x);
		free(elem);
		free(one);
		return NT_OVERFLOW;
	}
	ok = ok && addv(result, one, x) && mulr(elem, x, x, local_rscale) &&
	     divi(elem, elem, 2, local_rscale);
	for (int ni = 3; ok && !pgfn_num_is_zero(elem); ni++)
		ok = addv(result, result, elem) && mulr(elem, elem, x, local_rscale) &&
		     divi(elem, elem, ni, local_rscale);
	while (ok && ndiv2-- > 0) {
		local_rscale = sig_digits - pgfn_num_weight(result) * 2 * 4;
		ok = mulr(result, result, result, local_rscale < 0 ? 0 : local_rscale);
	}
	ok = ok && pgfn_num_round(result, rscale);
	free(x);
	free(elem);
	free(one);
	return ok ? NT_OK : NT_OVERFLOW;
}

/* ln_var: square roots until 0.9 < x < 1.1, then the series of 0.5 * ln((1+z)/(1-z)) in
 * z = (x-1)/(x+1), times 2^(square roots + 1). */
static enum nt_err ln_var(const struct pgfn_num *arg, struct pgfn_num *result, int rscale)
{
	if (pgfn_num_is_zero(arg))
		return NT_LOG0;
	if (arg->neg)
		return NT_LOGNEG;
	struct pgfn_num *v = base_xcalloc(5, sizeof(*v));
	struct pgfn_num *x = v, *xx = v + 1, *elem = v + 2, *fact = v + 3, *one = v + 4;
	*x = *arg;
	pgfn_num_from_int(fact, 2);
	pgfn_num_from_int(one, 1);
	int nsqrt = 0;
	bool ok = true;
	/* PostgreSQL lets the scale go below zero here (rounding before the point) to spare
	 * work on huge inputs; the engine keeps it at zero, which only adds digits */
	while (ok && (cmp_const(x, "0.9") <= 0 || cmp_const(x, "1.1") >= 0)) {
		int local_rscale = rscale - pgfn_num_weight(x) * 4 / 2 + 8;
		ok = pgfn_num_sqrt(x, x, local_rscale < 0 ? 0 : local_rscale);
		nsqrt++;
	}
	int local_rscale = rscale + (int)((nsqrt + 1) * 0.301029995663981) + 8;
	ok = ok && pgfn_num_sub(result, x, one) && pgfn_num_add(elem, x, one) &&
	     divr(result, result, elem, local_rscale);
	*xx = *result;
	ok = ok && mulr(x, result, result, local_rscale);
	for (int ni = 3; ok; ni += 2) {
		ok = mulr(xx, xx, x, local_rscale) && divi(elem, xx, ni, local_rscale);
		if (!ok || pgfn_num_is_zero(elem))
			break;
		ok = addv(result, result, elem);
		if (pgfn_num_weight(elem) < pgfn_num_weight(result) - local_rscale * 2 / 4)
			break;
	}
	/* fact = 2^(nsqrt + 1) */
	struct pgfn_num *p = num_new();
	pgfn_num_from_int(p, 2);
	for (int i = 0; ok && i < nsqrt; i++)
		ok = mulr(fact, fact, p, 0);
	ok = ok && mulr(result, result, fact, rscale);
	free(p);
	free(v);
	return ok ? NT_OK : NT_OVERFLOW;
}

static int ln_scale(const struct pgfn_num *x)
{
	int rscale = MIN_SIG - ln_dweight(x);
	rscale = rscale < x->scale ? x->scale : rscale;
	return clamp(rscale, 0, MAX_SCALE);
}

/* log_var: ln(num) / ln(base), each logarithm with 8 digits more than the quotient needs. */
static enum nt_err log_var(const struct pgfn_num *base, const struct pgfn_num *num,
			   struct pgfn_num *result)
{
	int ln_base_dweight = ln_dweight(base), ln_num_dweight = ln_dweight(num);
	int result_dweight = ln_num_dweight - ln_base_dweight;
	int rscale = MIN_SIG - result_dweight;
	rscale = rscale < base->scale ? base->scale : rscale;
	rscale = rscale < num->scale ? num->scale : rscale;
	rscale = clamp(rscale, 0, MAX_SCALE);
	int ln_base_rscale = rscale + result_dweight - ln_base_dweight + 8;
	int ln_num_rscale = rscale + result_dweight - ln_num_dweight + 8;
	struct pgfn_num *v = base_xcalloc(2, sizeof(*v)), *ln_base = v, *ln_num = v + 1;
	enum nt_err e = ln_var(base, ln_base, ln_base_rscale < 0 ? 0 : ln_base_rscale);
	if (e == NT_OK)
		e = ln_var(num, ln_num, ln_num_rscale < 0 ? 0 : ln_num_rscale);
	if (e == NT_OK && pgfn_num_is_zero(ln_base))
		e = NT_DIV0;
	if (e == NT_OK && !divr(result, ln_num, ln_base, rscale))
		e = NT_OVERFLOW;
	free(v);
	return e;
}

/* power_var_int: base ^ exp by repeated squaring, each product rounded to the digits the
 * result needs (plus log10(|exp|) + 8), the scale rscale. */
static enum nt_err power_int(const struct pgfn_num *base, int exp, struct pgfn_num *result,
			     int rscale)
{
	struct pgfn_num *one = num_new();
	pgfn_num_from_int(one, 1);
	bool ok = true;
	enum nt_err e = NT_OK;
	switch (exp) {
	case 0: /* 0 ^ 0 is 1, as SQL:2003 wants */
		*result = *one;
		ok = pgfn_num_round(result, rscale);
		goto out;
	case 1:
		*result = *base;
		ok = pgfn_num_round(result, rscale);
		goto out;
	case -1:
		if (pgfn_num_is_zero(base))
			e = NT_DIV0;
		else
			ok = divr(result, one, base, rscale);
		goto out;
	case 2:
		ok = mulr(result, base, base, rscale);
		goto out;
	default:
		break;
	}
	if (pgfn_num_is_zero(base)) {
		if (exp < 0)
			e = NT_DIV0;
		else
			pgfn_num_zero(result, rscale);
		goto out;
	}
	/* base ~= f * 10^p from its first base-10000 digits, log10(result) ~= exp * (log10(f) + p) */
	int w = pgfn_num_weight(base);
	double f = pgfn_num_group(base, w);
	int p = w * 4;
	for (int i = 1; i * 4 < 16 && pgfn_num_below(base, 4 * (w - i + 1)); i++) {
		f = f * 10000 + pgfn_num_group(base, w - i);
		p -= 4;
	}
	f = exp * (log10(f) + p);
	if (f > 3 * 32767 * 4) {
		e = NT_OVERFLOW;
		goto out;
	}
	if (f + 1 < -rscale || f + 1 < -MAX_SCALE) {
		pgfn_num_zero(result, rscale);
		goto out;
	}
	int sig_digits = 1 + rscale + (int)f;
	sig_digits += (int)log(fabs((double)exp)) + 8;
	bool neg = exp < 0;
	unsigned mask = neg ? 0u - (unsigned)exp : (unsigned)exp;
	struct pgfn_num *prod = num_new();
	*prod = *base;
	*result = (mask & 1) ? *base : *one;
	while (ok && (mask >>= 1) > 0) {
		int local = sig_digits - 2 * pgfn_num_weight(prod) * 4;
		local = local > 2 * prod->scale ? 2 * prod->scale : local;
		ok = mulr(prod, prod, prod, local < 0 ? 0 : local);
		if (ok && (mask & 1)) {
			local = sig_digits - (pgfn_num_weight(prod) + pgfn_num_weight(result)) * 4;
			local = local > prod->scale + result->scale ? prod->scale + result->scale
								    : local;
			ok = mulr(result, prod, result, local < 0 ? 0 : local);
		}
	}
	free(prod);
	if (ok && neg)
		ok = divr(result, one, result, rscale);
	else if (ok)
		ok = pgfn_num_round(result, rscale);
out:
	free(one);
	return e != NT_OK ? e : ok ? NT_OK : NT_OVERFLOW;
}

/* power_var (numeric_power's checks first): an integral exponent that fits an int32 by
 * power_int at scale max(16, base's), any other as exp(exp * ln(base)). */
static enum nt_err power_var(const struct pgfn_num *base, const struct pgfn_num *exp,
			     struct pgfn_num *result)
{
	if (pgfn_num_is_zero(base) && exp->neg && !pgfn_num_is_zero(exp))
		return NT_POW0NEG;
	if (base->neg && !pgfn_num_is_zero(base) && !is_integral(exp))
		return NT_COMPLEX;
	if (is_integral(exp)) {
		struct pgfn_num *lo = num_new(), *hi = num_new();
		pgfn_num_from_int(lo, INT32_MIN);
		pgfn_num_from_int(hi, INT32_MAX);
		bool fits = pgfn_num_cmp(exp, lo) >= 0 && pgfn_num_cmp(exp, hi) <= 0;
		free(lo);
		free(hi);
		if (fits) {
			struct strbuf sb;
			strbuf_init(&sb, 0);
			pgfn_num_format(exp, &sb);
			int e = sb.data ? (int)strtol(sb.data, NULL, 10) : 0;
			strbuf_fini(&sb);
			int rscale =
				clamp(base->scale > MIN_SIG ? base->scale : MIN_SIG, 0, MAX_SCALE);
			return power_int(base, e, result, rscale);
		}
	}
	if (pgfn_num_is_zero(base)) { /* 0 ^ non-integer: no log(0) */
		pgfn_num_zero(result, MIN_SIG);
		return NT_OK;
	}
	bool res_neg = base->neg && (pgfn_num_group(exp, 0) & 1);
	struct pgfn_num *v = base_xcalloc(3, sizeof(*v)), *abs = v, *ln_base = v + 1,
			*ln_num = v + 2;
	*abs = *base;
	abs->neg = false;
	/* the result's weight from a low-precision exp * ln(base) */
	int ln_dw = ln_dweight(abs);
	int local = 8 - ln_dw;
	enum nt_err e = ln_var(abs, ln_base, local < 0 ? 0 : local);
	if (e == NT_OK && !mulr(ln_num, ln_base, exp, local < 0 ? 0 : local))
		e = NT_OVERFLOW;
	double val = to_double(ln_num);
	if (e == NT_OK && fabs(val) > MAX_RESULT_SCALE * 3.01) {
		if (val > 0)
			e = NT_OVERFLOW;
		else
			pgfn_num_zero(result, MAX_SCALE);
		free(v);
		return e;
	}
	val *= 0.434294481903252;
	int rscale = MIN_SIG - (int)val;
	rscale = rscale < base->scale ? base->scale : rscale;
	rscale = rscale < exp->scale ? exp->scale : rscale;
	rscale = clamp(rscale, 0, MAX_SCALE);
	int sig_digits = rscale + (int)val;
	sig_digits = sig_digits < 0 ? 0 : sig_digits;
	local = sig_digits - ln_dw + 8;
	local = local < 0 ? 0 : local;
	if (e == NT_OK)
		e = ln_var(abs, ln_base, local);
	if (e == NT_OK && !mulr(ln_num, ln_base, exp, local))
		e = NT_OVERFLOW;
	if (e == NT_OK)
		e = exp_var(ln_num, result, rscale);
	if (e == NT_OK && res_neg && !pgfn_num_is_zero(result))
		result->neg = true;
	free(v);
	return e;
}

/* ---- the SQL functions: (x, scale of x) or (a, b, scale of a, scale of b) ---- */

enum nt_fn { FN_SQRT, FN_EXP, FN_LN, FN_LOG, FN_POW };

static void report(sqlite3_context *ctx, enum nt_err e)
{
	switch (e) {
	case NT_OK:
		break;
	case NT_OVERFLOW:
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value overflows numeric format");
		break;
	case NT_DIV0:
		pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		break;
	case NT_LOG0:
		pgfn_error(ctx, "2201E", "cannot take logarithm of zero");
		break;
	case NT_LOGNEG:
		pgfn_error(ctx, "2201E", "cannot take logarithm of a negative number");
		break;
	case NT_SQRTNEG:
		pgfn_error(ctx, "2201F", "cannot take square root of a negative number");
		break;
	case NT_POW0NEG:
		pgfn_error(ctx, "2201F", "zero raised to a negative power is undefined");
		break;
	case NT_COMPLEX:
		pgfn_error(
			ctx, "2201F",
			"a negative number raised to a non-integer power yields a complex result");
		break;
	}
}

/* NaN ^ 0 and 1 ^ NaN are 1; any other NaN operand gives NaN (numeric_power, numeric_log...) */
static void nan_result(sqlite3_context *ctx, enum nt_fn fn, int ra, int rb,
		       const struct pgfn_num *a, const struct pgfn_num *b)
{
	bool one = fn == FN_POW && ((ra == 2 && rb == 1 && pgfn_num_is_zero(b)) ||
				    (rb == 2 && ra == 1 && cmp_const(a, "1") == 0));
	if (one)
		sqlite3_result_int(ctx, 1);
	else
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
}

static int num_sign(const struct pgfn_num *x) { return pgfn_num_is_zero(x) ? 0 : x->neg ? -1 : 1; }

/* An integer whose units digit is odd. */
static bool is_odd(const struct pgfn_num *x)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_num_format(x, &sb);
	const char *s = sb.failed || !sb.data ? "" : sb.data;
	size_t k = strcspn(s, ".");
	bool odd = is_integral(x) && k > 0 && ((s[k - 1] - '0') & 1);
	strbuf_fini(&sb);
	return odd;
}

static void text_result(sqlite3_context *ctx, const char *s)
{
	sqlite3_result_text(ctx, s, -1, SQLITE_STATIC);
}

/* What the function answers when an operand is a numeric infinity (ia, ib: its sign, 0 for a
 * finite operand, a its number, b the other's; sa, sb their signs), as PostgreSQL 15's
 * numeric_sqrt/exp/ln/log/power special cases do (power after POSIX's pow rules). NaN
 * operands are numeric.c's too. */
static void inf_result(sqlite3_context *ctx, enum nt_fn fn, int ia, int ib, int ra, int rb,
		       const struct pgfn_num *a, const struct pgfn_num *b)
{
	int sa = ia ? ia : ra == 2 ? 0 : num_sign(a), sb = ib ? ib : rb == 2 ? 0 : num_sign(b);
	switch (fn) {
	case FN_SQRT: /* sqrt(-Infinity) fails, exp(-Infinity) is 0, ln fails as for -1 */
	case FN_LN:
		if (ia < 0)
			report(ctx, fn == FN_SQRT ? NT_SQRTNEG : NT_LOGNEG);
		else
			text_result(ctx, "Infinity");
		return;
	case FN_EXP:
		text_result(ctx, ia < 0 ? "0" : "Infinity");
		return;
	case FN_LOG: /* log(base a, b) */
		if (ra == 2 || rb == 2)
			text_result(ctx, "NaN");
		else if (sa < 0 || sb < 0 || sa == 0 || sb == 0)
			report(ctx, sa < 0 || sb < 0 ? NT_LOGNEG : NT_LOG0);
		else if (ia > 0) /* log(Inf, Inf) is Inf / Inf */
			text_result(ctx, ib > 0 ? "NaN" : "0");
		else
			text_result(ctx, "Infinity");
		return;
	case FN_POW:
		break;
	}
	if (ra == 2 || rb == 2) { /* NaN ^ 0 and 1 ^ NaN are 1 (the other is infinite) */
		text_result(ctx, "NaN");
		return;
	}
	if (sa == 0 && sb < 0) {
		report(ctx, NT_POW0NEG);
		return;
	}
	if (sa < 0 && !ib && !is_integral(b)) { /* infinities are integral */
		report(ctx, NT_COMPLEX);
		return;
	}
	if ((!ia && cmp_const(a, "1") == 0) || sb == 0 || (!ia && ib && cmp_const(a, "-1") == 0)) {
		sqlite3_result_int(ctx, 1);
		return;
	}
	if (ib) { /* |x| < 1: Inf ^ -Inf, 0 ^ Inf; |x| > 1 the other way round */
		bool above_one = ia != 0;
		if (!ia) {
			struct pgfn_num *m = num_new();
			*m = *a;
			m->neg = false;
			above_one = cmp_const(m, "1") > 0;
			free(m);
		}
		text_result(ctx, above_one == (sb > 0) ? "Infinity" : "0");
	} else if (ia > 0 || sb < 0) {
		text_result(ctx, ia > 0 && sb > 0 ? "Infinity" : "0");
	} else { /* -Infinity ^ y, y > 0: -Infinity for an odd integer */
		text_result(ctx, is_odd(b) ? "-Infinity" : "Infinity");
	}
}

static void fn_trans(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum nt_fn fn = (enum nt_fn)(intptr_t)sqlite3_user_data(ctx);
	bool two = argc == 4;
	int ia = pgfn_num_inf(argv[0]), ib = two ? pgfn_num_inf(argv[1]) : 0;
	struct pgfn_num *v = base_xcalloc(3, sizeof(*v)), *a = v, *b = v + 1, *r = v + 2;
	int ra = ia ? 1 : pgfn_num_arg(ctx, argv[0], sqlite3_value_int(argv[two ? 2 : 1]), a);
	int rb = two && !ib && ra >= 0 ? pgfn_num_arg(ctx, argv[1], sqlite3_value_int(argv[3]), b)
				       : 1;
	enum nt_err e = NT_OK;
	if (ra < 0 || rb < 0)
		goto out;
	if ((ra == 0 && !ia) || (rb == 0 && !ib)) {
		sqlite3_result_null(ctx);
		goto out;
	}
	if (ia || ib) {
		inf_result(ctx, fn, ia, ib, ra, rb, a, b);
		goto out;
	}
	if (ra == 2 || rb == 2) {
		nan_result(ctx, fn, ra, rb, a, b);
		goto out;
	}
	switch (fn) {
	case FN_SQRT:
		if (a->neg && !pgfn_num_is_zero(a))
			e = NT_SQRTNEG;
		else if (!pgfn_num_sqrt(r, a, sqrt_scale(a)))
			e = NT_OVERFLOW;
		break;
	case FN_EXP: {
		double val = to_double(a) * 0.434294481903252;
		val = val < -MAX_RESULT_SCALE  ? -MAX_RESULT_SCALE
		      : val > MAX_RESULT_SCALE ? MAX_RESULT_SCALE
					       : val;
		int rscale = MIN_SIG - (int)val;
		rscale = rscale < a->scale ? a->scale : rscale;
		e = exp_var(a, r, clamp(rscale, 0, MAX_SCALE));
		break;
	}
	case FN_LN:
		e = ln_var(a, r, ln_scale(a));
		break;
	case FN_LOG:
		e = log_var(a, b, r);
		break;
	case FN_POW:
		e = power_var(a, b, r);
		break;
	}
	if (e == NT_OK)
		pgfn_num_result(ctx, r);
	else
		report(ctx, e);
out:
	free(v);
}

int pgfn_register_numtrans(sqlite3 *db)
{
	static const struct {
		const char *name;
		int nargs;
		enum nt_fn fn;
	} fns[] = {
		{"pgfn_num_sqrt", 2, FN_SQRT}, {"pgfn_num_exp", 2, FN_EXP},
		{"pgfn_num_ln", 2, FN_LN},     {"pgfn_num_log", 4, FN_LOG},
		{"pgfn_num_pow", 4, FN_POW},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, rc = SQLITE_OK;
	for (size_t i = 0; i < ARRAY_LEN(fns) && rc == SQLITE_OK; i++)
		rc = sqlite3_create_function(db, fns[i].name, fns[i].nargs, flags,
					     (void *)(intptr_t)fns[i].fn, fn_trans, NULL, NULL);
	return rc;
}
