/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_math.c: arithmetic as PostgreSQL defines it where SQLite answers differently or not at
 * all: the 22012 divisor check, mod, div, trunc(x, n), round(x, n), round of a double (rint),
 * integer abs and xor (#), float arithmetic that keeps NaN, width_bucket, gcd/lcm, factorial,
 * cbrt, and the variance, standard deviation and bit aggregates. */
#include "pgfn_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* shardlite_divisor(x): x, or 22012 "division by zero" when x is zero. The translator wraps
 * every divisor that may be zero in it (SQLite itself answers NULL there). */
static void fn_divisor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *v = argv[0];
	/* numeric_type converts text in place: an exact numeric's text (pgfn_numfn.c) is
	 * tested on a copy and passed on as it came */
	sqlite3_value *t = sqlite3_value_type(v) == SQLITE_TEXT ? sqlite3_value_dup(v) : v;
	int type = t ? sqlite3_value_numeric_type(t) : SQLITE_NULL;
	bool zero = (type == SQLITE_INTEGER && sqlite3_value_int64(t) == 0) ||
		    (type == SQLITE_FLOAT && sqlite3_value_double(t) == 0.0);
	if (t != v)
		sqlite3_value_free(t);
	if (zero) {
		pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		return;
	}
	sqlite3_result_value(ctx, v);
}

/* ---- mod, div, trunc(x, n), width_bucket, gcd/lcm, factorial, cbrt ---- */

static bool both_int(sqlite3_value **argv)
{
	return sqlite3_value_numeric_type(argv[0]) == SQLITE_INTEGER &&
	       sqlite3_value_numeric_type(argv[1]) == SQLITE_INTEGER;
}

/* A float operand: NaN is stored as the text 'NaN' (pgtype.h), which SQLite reads as 0. */
double pgfn_float_arg(sqlite3_value *v)
{
	if (sqlite3_value_type(v) != SQLITE_TEXT)
		return sqlite3_value_double(v);
	/* NaN, and an infinity given as text ('inf' beside a float8), which SQLite reads as 0 */
	const char *s = (const char *)sqlite3_value_text(v);
	const char *p = s + strspn(s, " \t\n\r\f\v");
	p += *p == '+' || *p == '-';
	if (strchr("iInN", *p) && *p)
		return strcasecmp(s, "NaN") == 0 ? NAN : strtod(s, NULL);
	return sqlite3_value_double(v);
}

static bool zero_divisor(sqlite3_context *ctx, sqlite3_value *v)
{
	if (pgfn_float_arg(v) != 0.0)
		return false;
	pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	return true;
}

/* mod(a, b): the remainder with the sign of a, for integers and numerics alike. */
static void fn_mod(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv) || zero_divisor(ctx, argv[1]))
		return;
	if (both_int(argv)) {
		int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
		sqlite3_result_int64(ctx, b == -1 ? 0 : a % b);
		return;
	}
	/* numerics: mod_var's remainder of their decimals (fmod of the doubles shows the binary
	 * error: mod(5.55, 1.1) would be 0.04999999999999938), a double again */
	struct pgfn_num *v = base_xcalloc(4, sizeof(*v));
	int ra = pgfn_num_arg(ctx, argv[0], -1, v),
	    rb = ra == 1 ? pgfn_num_arg(ctx, argv[1], -1, v + 1) : ra;
	if (ra == 2 || rb == 2) {
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
	} else if (ra == 1 && rb == 1 && pgfn_num_div_trunc(v + 2, v, v + 1) &&
		   pgfn_num_mul(v + 3, v + 2, v + 1) && pgfn_num_sub(v + 2, v, v + 3)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_num_format(v + 2, &sb);
		sqlite3_result_double(ctx, sb.data && !sb.failed ? strtod(sb.data, NULL) : 0.0);
		strbuf_fini(&sb);
	} else if (ra >= 0 && rb >= 0) {
		sqlite3_result_double(ctx, fmod(sqlite3_value_double(argv[0]),
						sqlite3_value_double(argv[1])));
	}
	free(v);
}

/* div(a, b): the quotient truncated toward zero (a numeric in PostgreSQL). */
static void fn_div(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv) || zero_divisor(ctx, argv[1]))
		return;
	if (both_int(argv)) {
		int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
		if (b == -1 && a == INT64_MIN)
			sqlite3_result_double(ctx, -(double)a);
		else
			sqlite3_result_int64(ctx, a / b);
		return;
	}
	double q = trunc(sqlite3_value_double(argv[0]) / sqlite3_value_double(argv[1]));
	if (fabs(q) < 9e18)
		sqlite3_result_int64(ctx, (int64_t)q);
	else
		sqlite3_result_double(ctx, q);
}

/* trunc(x, n): x cut to n decimal places (n < 0: to tens, hundreds ...). The decimal digits
 * come from the shortest text of x, so 1.789 cut to 2 is 1.78, not 1.7899999's neighbour. */
static void fn_trunc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int64_t n = sqlite3_value_int64(argv[1]);
	if (sqlite3_value_numeric_type(argv[0]) == SQLITE_INTEGER && n >= 0) {
		sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0]));
		return;
	}
	double x = sqlite3_value_double(argv[0]);
	if (n > 300 || n < -300 || !isfinite(x)) {
		sqlite3_result_double(ctx, n < -300 ? 0.0 : x);
		return;
	}
	char buf[64];
	for (int prec = 1; prec <= 17; prec++) { /* shortest round-trip text */
		snprintf(buf, sizeof(buf), "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	double p = pow(10.0, (double)n);
	double r = trunc(strtod(buf, NULL) * p + (x >= 0 ? 1e-9 : -1e-9)) / p;
	if (n <= 0 && fabs(r) < 9e18)
		sqlite3_result_int64(ctx, (int64_t)r);
	else
		sqlite3_result_double(ctx, r);
}

/* round(x, n): half away from zero at n decimal places, in decimal as SQLite's own round()
 * does it ("%!.*f"); a negative n rounds to tens, hundreds ... as PostgreSQL's does. */
static void fn_round(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int64_t n = sqlite3_value_int64(argv[1]);
	double x = sqlite3_value_double(argv[0]);
	if (n >= 0 && sqlite3_value_numeric_type(argv[0]) == SQLITE_INTEGER) {
		sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0]));
		return;
	}
	if (n > 30 || n < -30 || !isfinite(x)) {
		sqlite3_result_double(ctx, n < -30 ? 0.0 : x);
		return;
	}
	double p = n < 0 ? pow(10.0, (double)-n) : 1.0;
	char *t = sqlite3_mprintf("%!.*f", n < 0 ? 0 : (int)n, n < 0 ? x / p : x);
	if (!t) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	double r = strtod(t, NULL) * p;
	sqlite3_free(t);
	if (n <= 0 && fabs(r) < 9e18)
		sqlite3_result_int64(ctx, (int64_t)r);
	else
		sqlite3_result_double(ctx, r);
}

/* round(x) of a double: rint, half to even, as PostgreSQL's dround (and its float to integer
 * casts); NaN stays NaN, as text. */
static void fn_rint(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double d = pgfn_float_arg(argv[0]);
	if (isnan(d))
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
	else
		sqlite3_result_double(ctx, rint(d));
}

/* abs() of an integer: PostgreSQL's int8abs fails on the one value without a positive twin
 * (SQLite's abs() raises its own "integer overflow"); int2/int4 are range-checked around it.
 * Of a float: float8abs's fabs, so -0 is 0 and NaN (the text 'NaN') stays NaN. */
static void fn_abs(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	if (sqlite3_value_numeric_type(argv[0]) != SQLITE_INTEGER) {
		double d = pgfn_float_arg(argv[0]);
		if (isnan(d))
			sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
		else
			sqlite3_result_double(ctx, fabs(d));
		return;
	}
	int64_t i = sqlite3_value_int64(argv[0]);
	if (i == INT64_MIN)
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
	else
		sqlite3_result_int64(ctx, i < 0 ? -i : i);
}

/* pgfn_fop(a, op, b): + - * / on doubles as float8pl/mi/mul/div: NaN in, NaN out (as the
 * text 'NaN'); an infinite result of finite operands is 22003 overflow, a zero result of
 * non-zero operands of * and / 22003 underflow. */
static void fn_fop(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double a = pgfn_float_arg(argv[0]), b = pgfn_float_arg(argv[2]), r;
	const char *ops = (const char *)sqlite3_value_text(argv[1]);
	char op = ops[0];
	bool real = ops[0] && ops[1] == '4'; /* "*4": real op real, float4pl/mi/mul/div */
	switch (op) {
	case '+':
		r = a + b;
		break;
	case '-':
		r = a - b;
		break;
	case '*':
		r = a * b;
		break;
	default:
		if (b == 0.0 && !isnan(a)) {
			pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
			return;
		}
		r = a / b;
		break;
	}
	if (real && !isnan(r)) { /* the result's range is real's */
		float f = (float)r;
		if (isinf(f) && !isinf(a) && !isinf(b)) {
			r = f;
		} else if (f == 0.0f && r != 0.0) {
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				   "value out of range: underflow");
			return;
		}
	}
	if (isnan(r))
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
	else if (isinf(r) && !isinf(a) && !isinf(b))
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value out of range: overflow");
	else if (r == 0.0 && a != 0.0 && (op == '/' ? !isinf(b) : op == '*' && b != 0.0))
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value out of range: underflow");
	else
		sqlite3_result_double(ctx, r);
}

/* a # b: the bitwise exclusive or of two integers. */
static void fn_xor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (!pgfn_any_null(ctx, argc, argv))
		sqlite3_result_int64(ctx,
				     sqlite3_value_int64(argv[0]) ^ sqlite3_value_int64(argv[1]));
}

/* pgfn_shl(x, n, bits) and pgfn_shr: x << n and x >> n for an integer x of 16, 32 or 64
 * bits. As int2shl/int4shl/int8shl compile on
 * x86-64: the count masked to the machine word (5 bits for int2 and int4, 6 for int8), the
 * result wrapped to the type (1::int4 << 31 is -2147483648, 1::int4 << 32 is 1). */
static void fn_shift(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int64_t x = sqlite3_value_int64(argv[0]);
	int64_t n = sqlite3_value_int64(argv[1]);
	int bits = sqlite3_value_int(argv[2]);
	bool left = sqlite3_user_data(ctx) != NULL;
	if (bits == 64) {
		unsigned k = (unsigned)(n & 63);
		sqlite3_result_int64(ctx, left ? (int64_t)((uint64_t)x << k) : x >> k);
		return;
	}
	unsigned k = (unsigned)(n & 31);
	int32_t r = left ? (int32_t)((uint32_t)(int32_t)x << k) : (int32_t)x >> k;
	sqlite3_result_int64(ctx, bits == 16 ? (int16_t)r : r);
}

/* width_bucket(op, lo, hi, count): which of count equal buckets between lo and hi holds op;
 * 0 below the range, count + 1 above it (either order of lo and hi). */
static void fn_width_bucket(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double op = pgfn_float_arg(argv[0]), lo = pgfn_float_arg(argv[1]),
	       hi = pgfn_float_arg(argv[2]);
	int64_t count = sqlite3_value_int64(argv[3]);
	if (count <= 0 || count > INT32_MAX) {
		pgfn_error(ctx, "2201G", "count must be greater than zero");
		return;
	}
	if (lo == hi) {
		pgfn_error(ctx, "2201G", "lower bound cannot equal upper bound");
		return;
	}
	if (isnan(op) || isnan(lo) || isnan(hi)) { /* width_bucket_float8's order of checks */
		pgfn_error(ctx, "2201G", "operand, lower bound, and upper bound cannot be NaN");
		return;
	}
	if (isinf(lo) || isinf(hi)) {
		pgfn_error(ctx, "2201G", "lower and upper bounds must be finite");
		return;
	}
	int64_t b;
	if (lo < hi)
		b = op < lo    ? 0
		    : op >= hi ? count + 1
			       : (int64_t)((op - lo) / (hi - lo) * count) + 1;
	else
		b = op > lo    ? 0
		    : op <= hi ? count + 1
			       : (int64_t)((lo - op) / (lo - hi) * count) + 1;
	sqlite3_result_int64(ctx, b);
}

/* numeric's NaN, kept as the text 'NaN'. */
static bool num_is_nan(sqlite3_value *v)
{
	return sqlite3_value_type(v) == SQLITE_TEXT && sqlite3_value_bytes(v) == 3 &&
	       memcmp(sqlite3_value_text(v), "NaN", 3) == 0;
}

/* pgfn_num_width_bucket(op, lo, hi, count): width_bucket of numerics, as compute_bucket does
 * it in decimal: floor((op - lo) * count / (hi - lo)) + 1 (a double's quotient can fall just
 * below a bucket's edge: width_bucket(1e-20, 0, 1e-19, 10) is 2, not 1). */
static void fn_num_width_bucket(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int64_t count = sqlite3_value_int64(argv[3]);
	if (count <= 0 || count > INT32_MAX) {
		pgfn_error(ctx, "2201G", "count must be greater than zero");
		return;
	}
	/* As width_bucket_numeric: a NaN anywhere fails first, then an infinite bound; an
	 * infinite operand lies below or above every bucket. */
	int inf[3];
	for (int i = 0; i < 3; i++) {
		if (num_is_nan(argv[i])) {
			pgfn_error(ctx, "2201G",
				   "operand, lower bound, and upper bound cannot be NaN");
			return;
		}
		inf[i] = pgfn_num_inf(argv[i]);
	}
	if (inf[1] || inf[2]) {
		pgfn_error(ctx, "2201G", "lower and upper bounds must be finite");
		return;
	}
	struct pgfn_num *v = base_xcalloc(6, sizeof(*v));
	struct pgfn_num *op = v, *lo = v + 1, *hi = v + 2, *num = v + 3, *den = v + 4, *t = v + 5;
	int r = 1;
	for (int i = inf[0] ? 1 : 0; i < 3 && r == 1; i++)
		r = pgfn_num_arg(ctx, argv[i], -1, v + i);
	if (r != 1)
		goto out;
	int dir = pgfn_num_cmp(lo, hi);
	if (dir == 0) {
		pgfn_error(ctx, "2201G", "lower bound cannot equal upper bound");
		goto out;
	}
	int64_t b;
	if (inf[0]) {
		b = (inf[0] < 0) == (dir < 0) ? 0 : count + 1;
	} else if (dir < 0 ? pgfn_num_cmp(op, lo) < 0 : pgfn_num_cmp(op, lo) > 0) {
		b = 0;
	} else if (dir < 0 ? pgfn_num_cmp(op, hi) >= 0 : pgfn_num_cmp(op, hi) <= 0) {
		b = count + 1;
	} else {
		pgfn_num_from_int(t, count);
		bool ok = dir < 0 ? pgfn_num_sub(num, op, lo) && pgfn_num_sub(den, hi, lo)
				  : pgfn_num_sub(num, lo, op) && pgfn_num_sub(den, lo, hi);
		ok = ok && pgfn_num_mul(op, num, t) && pgfn_num_div_trunc(t, op, den);
		if (!ok) {
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				   "value overflows numeric format");
			goto out;
		}
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_num_format(t, &sb);
		b = (sb.data ? strtoll(sb.data, NULL, 10) : 0) + 1;
		strbuf_fini(&sb);
	}
	sqlite3_result_int64(ctx, b);
out:
	free(v);
}

/* Euclid; callers refuse the pairs whose gcd is 2^63. INT64_MIN % -1 traps on x86 (SIGFPE)
 * rather than giving 0, so a divisor of -1 answers 1 before it is used. */
static int64_t gcd64(int64_t a, int64_t b)
{
	while (b) {
		if (b == -1)
			return 1;
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a < 0 ? -a : a;
}

/* gcd/lcm of numerics with fraction digits, as PostgreSQL's numeric ones: both at the larger
 * scale, the integer gcd (lcm: |a / gcd * b|) at that scale; gcd(1.5, 1.0) is 0.5. Each value
 * is below 10^18 units of at most 10^-18, so both fit 128 bits at the common scale; an lcm
 * past that is 0A000. */
static void numeric_gcd_lcm(sqlite3_context *ctx, sqlite3_value **argv, bool lcm)
{
	if (num_is_nan(argv[0]) || num_is_nan(argv[1]) || pgfn_num_inf(argv[0]) ||
	    pgfn_num_inf(argv[1])) { /* as numeric_gcd's and numeric_lcm's */
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
		return;
	}
	int64_t m[2];
	int sc[2];
	if (!pgfn_num_fast_value(argv[0], -1, &m[0], &sc[0]) ||
	    !pgfn_num_fast_value(argv[1], -1, &m[1], &sc[1])) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "%s of numerics of more than 18 digits is not supported",
			   lcm ? "lcm" : "gcd");
		return;
	}
	int scale = sc[0] > sc[1] ? sc[0] : sc[1];
	pgfn_wide a = (pgfn_wide)m[0] * pgfn_pow10[scale - sc[0]];
	pgfn_wide b = (pgfn_wide)m[1] * pgfn_pow10[scale - sc[1]];
	a = a < 0 ? -a : a;
	b = b < 0 ? -b : b;
	pgfn_wide g = a, r = b;
	while (r) {
		pgfn_wide t = g % r;
		g = r;
		r = t;
	}
	r = g;
	if (lcm && (!a || !b))
		r = 0;
	else if (lcm && __builtin_mul_overflow(a / g, b, &r)) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "lcm of numerics over 38 digits is not supported");
		return;
	}
	struct pgfn_num *n = malloc(sizeof(*n));
	if (!n) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	pgfn_num_from_wide(n, r, scale);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_num_format(n, &sb);
	free(n);
	pgfn_result_sb(ctx, &sb, false);
}

/* gcd(a, b) and lcm (user data set): integers, never negative. */
static void fn_gcd_lcm(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER ||
	    sqlite3_value_type(argv[1]) != SQLITE_INTEGER) {
		numeric_gcd_lcm(ctx, argv, sqlite3_user_data(ctx) != NULL);
		return;
	}
	int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
	if (sqlite3_user_data(ctx) && (!a || !b)) { /* lcm(-2^63, 0) is 0, as int8lcm's */
		sqlite3_result_int64(ctx, 0);
		return;
	}
	if ((a == INT64_MIN && (b == 0 || b == INT64_MIN)) || (b == INT64_MIN && a == 0)) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
		return;
	}
	int64_t g = gcd64(a, b);
	if (!sqlite3_user_data(ctx)) {
		sqlite3_result_int64(ctx, g);
		return;
	}
	int64_t l = 0;
	if (a && b && __builtin_mul_overflow(a / g, b, &l)) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
		return;
	}
	if (l == INT64_MIN) { /* lcm(-9223372036854775808, 1): its absolute value */
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
		return;
	}
	sqlite3_result_int64(ctx, l < 0 ? -l : l);
}

/* factorial(n): exact, as decimal text past what an int64 holds (a numeric in PostgreSQL). */
static void fn_factorial(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int64_t n = sqlite3_value_int64(argv[0]);
	if (n < 0) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "factorial of a negative number is undefined");
		return;
	}
	if (n > 1000) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value overflows numeric format");
		return;
	}
	uint32_t dig[1000]; /* base 10^9, least significant first: 1000! has 2568 digits */
	size_t nd = 1;
	dig[0] = 1;
	for (int64_t k = 2; k <= n; k++) {
		uint64_t carry = 0;
		for (size_t i = 0; i < nd; i++) {
			uint64_t v = (uint64_t)dig[i] * (uint64_t)k + carry;
			dig[i] = (uint32_t)(v % 1000000000u);
			carry = v / 1000000000u;
		}
		while (carry) {
			dig[nd++] = (uint32_t)(carry % 1000000000u);
			carry /= 1000000000u;
		}
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, "%u", dig[nd - 1]);
	for (size_t i = nd - 1; i-- > 0;)
		strbuf_printf(&sb, "%09u", dig[i]);
	if (nd <= 2 && n <= 20)
		sqlite3_result_int64(ctx, strtoll(sb.data, NULL, 10));
	else
		pgfn_result_sb(ctx, &sb, false);
	strbuf_fini(&sb);
}

static void fn_cbrt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (!pgfn_any_null(ctx, argc, argv))
		sqlite3_result_double(ctx, cbrt(sqlite3_value_double(argv[0])));
}

/* An argument of sqrt/ln/log as SQLite's math functions read it: false (the result is NULL,
 * as theirs) for NULL or text that is no number. */
static bool math_arg(sqlite3_value *v, double *x)
{
	int t = sqlite3_value_numeric_type(v);
	*x = sqlite3_value_double(v);
	return t == SQLITE_INTEGER || t == SQLITE_FLOAT;
}

static bool log_domain(sqlite3_context *ctx, double x)
{
	if (x > 0 || isnan(x))
		return true;
	pgfn_error(ctx, "2201E",
		   x == 0 ? "cannot take logarithm of zero"
			  : "cannot take logarithm of a negative number");
	return false;
}

/* sqrt, ln, log10 (user data 0, 1, 2): SQLite's math functions give NULL where PostgreSQL
 * raises 2201F / 2201E. */
static void fn_sqrt_ln(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	double x;
	uintptr_t kind = (uintptr_t)sqlite3_user_data(ctx);
	if (!math_arg(argv[0], &x))
		sqlite3_result_null(ctx);
	else if (kind == 0 && x < 0)
		pgfn_error(ctx, "2201F", "cannot take square root of a negative number");
	else if (kind == 0 || log_domain(ctx, x))
		sqlite3_result_double(ctx, kind == 0 ? sqrt(x) : kind == 1 ? log(x) : log10(x));
}

/* A float result as PostgreSQL's float8 functions answer it: NaN as the text SQLite keeps it
 * in, an infinity or zero from finite operands as 22003 overflow / underflow. */
static void float_result(sqlite3_context *ctx, double r, bool overflow, bool underflow)
{
	if (isnan(r))
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
	else if (overflow)
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value out of range: overflow");
	else if (underflow)
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "value out of range: underflow");
	else
		sqlite3_result_double(ctx, r);
}

/* pgfn_pow(x, y): x ^ y and power() as PostgreSQL's dpow (SQLite's pow answers inf or NULL
 * where it raises 2201F or 22003). */
static void fn_pow(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double x = pgfn_float_arg(argv[0]), y = pgfn_float_arg(argv[1]);
	if (isnan(x) || isnan(y)) { /* 1 ^ NaN and NaN ^ 0 are 1 */
		float_result(ctx, (isnan(x) && y == 0) || (isnan(y) && x == 1) ? 1 : NAN, false,
			     false);
		return;
	}
	if (x == 0 && y < 0) {
		pgfn_error(ctx, "2201F", "zero raised to a negative power is undefined");
		return;
	}
	if (x < 0 && floor(y) != y && !isinf(y)) {
		pgfn_error(
			ctx, "2201F",
			"a negative number raised to a non-integer power yields a complex result");
		return;
	}
	double r = pow(x, y);
	bool finite = !isinf(x) && !isinf(y);
	float_result(ctx, r, isinf(r) && finite, r == 0 && x != 0 && finite);
}

/* pgfn_exp(x): exp as PostgreSQL's dexp (exp(1000) is 22003 overflow, exp(-1000) underflow). */
static void fn_exp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double x = pgfn_float_arg(argv[0]);
	if (isnan(x) || isinf(x)) {
		float_result(ctx, isnan(x) ? x : x > 0 ? x : 0, false, false);
		return;
	}
	double r = exp(x);
	float_result(ctx, r, isinf(r), r == 0);
}

/* log(x) / log(b), but exact where x is a whole power of b: PostgreSQL's numeric log(10,
 * 1000) is 3, where the quotient of the doubles is 2.9999999999999996. */
static double log_base(double b, double x)
{
	double r = log(x) / log(b), k = rint(r);
	return fabs(r - k) < 1e-9 && fabs(k) < 1024 && pow(b, k) == x ? k : r;
}

/* log(x) is log10(x); log(b, x) is log(x) / log(b), as SQLite's log */
static void fn_log(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	double b = 10, x;
	if (argc < 1 || argc > 2 || !math_arg(argv[argc - 1], &x) ||
	    (argc == 2 && !math_arg(argv[0], &b)))
		sqlite3_result_null(ctx);
	else if (!log_domain(ctx, b) || !log_domain(ctx, x))
		return;
	else if (argc == 1)
		sqlite3_result_double(ctx, log10(x));
	else if (b == 1)
		pgfn_error(ctx, "22012", "division by zero");
	else
		sqlite3_result_double(ctx, log_base(b, x));
}

/* ---- aggregates: variance and standard deviation, bit_and/bit_or/bit_xor ---- */

/* Youngs-Cramer, as PostgreSQL's float8_accum, so float results agree to the last bit; an
 * infinite or NaN input makes Sxx NaN (issue #3: var_pop of 1 and 'infinity' was NULL, of
 * 'infinity' and 1 Infinity, a NaN input read as 0). */
struct var_state {
	double n, sx, sxx;
};

static void var_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct var_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
	if (!s || sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	double x = pgfn_float_arg(argv[0]);
	double old_n = s->n, old_sx = s->sx;
	s->n += 1.0;
	s->sx += x;
	if (old_n > 0.0) {
		double tmp = x * s->n - s->sx;
		s->sxx += tmp * tmp / (s->n * old_n);
		if (isinf(s->sx) || isinf(s->sxx)) {
			if (!isinf(old_sx) && !isinf(x)) {
				pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					   "value out of range: overflow");
				return;
			}
			s->sxx = NAN;
		}
	} else if (isnan(x) || isinf(x)) {
		s->sxx = NAN;
	}
}

/* user data: bit 1 = population (else sample), bit 2 = standard deviation (else variance) */
static void var_final(sqlite3_context *ctx)
{
	struct var_state *s = sqlite3_aggregate_context(ctx, 0);
	uintptr_t kind = (uintptr_t)sqlite3_user_data(ctx);
	bool pop = kind & 1;
	if (!s || s->n == 0.0 || (!pop && s->n == 1.0)) {
		sqlite3_result_null(ctx);
		return;
	}
	double v = s->sxx / (pop ? s->n : s->n - 1.0);
	v = kind & 2 ? sqrt(v) : v;
	if (isnan(v)) /* NaN is stored as its text (pgtype.h); SQLite makes a NaN double NULL */
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
	else
		sqlite3_result_double(ctx, v);
}

struct bit_state {
	int64_t acc;
	bool any;
};

static void bit_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct bit_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
	if (!s || sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	int64_t x = sqlite3_value_int64(argv[0]);
	switch ((uintptr_t)sqlite3_user_data(ctx)) {
	case 0:
		s->acc = s->any ? s->acc & x : x;
		break;
	case 1:
		s->acc |= x;
		break;
	default:
		s->acc ^= x;
		break;
	}
	s->any = true;
}

static void bit_final(sqlite3_context *ctx)
{
	struct bit_state *s = sqlite3_aggregate_context(ctx, 0);
	if (s && s->any)
		sqlite3_result_int64(ctx, s->acc);
	else
		sqlite3_result_null(ctx);
}

static int register_aggs(sqlite3 *db)
{
	static const struct {
		const char *name;
		uintptr_t kind;
		bool bits;
	} aggs[] = {
		{"pgfn_var_samp", 0, false},    {"pgfn_var_pop", 1, false},
		{"pgfn_stddev_samp", 2, false}, {"pgfn_stddev_pop", 3, false},
		{"pgfn_bit_and", 0, true},      {"pgfn_bit_or", 1, true},
		{"pgfn_bit_xor", 2, true},
	};
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(aggs); i++)
		rc = sqlite3_create_function(db, aggs[i].name, 1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					     (void *)aggs[i].kind, NULL,
					     aggs[i].bits ? bit_step : var_step,
					     aggs[i].bits ? bit_final : var_final);
	return rc;
}

static int register_logs(sqlite3 *db)
{
	static const char *const names[] = {"pgfn_sqrt", "pgfn_ln", "pgfn_log10"};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "pgfn_log", -1, flags, NULL, fn_log, NULL, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(names); i++)
		rc = sqlite3_create_function(db, names[i], 1, flags, (void *)(uintptr_t)i,
					     fn_sqrt_ln, NULL, NULL);
	return rc;
}

/* floor and ceil/ceiling in place of SQLite's own (same results, so a view or CHECK that calls
 * them reads the same in another SQLite tool), but NaN, kept as the text 'NaN', stays NaN, as
 * numeric's and float's do in PostgreSQL (SQLite's made it NULL). User data: 'f' floor, 'c'
 * ceil. */
static void fn_round_nan(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int op = (int)(intptr_t)sqlite3_user_data(ctx);
	sqlite3_value *v = argv[0];
	int type = sqlite3_value_type(v);
	if (type == SQLITE_TEXT && sqlite3_value_bytes(v) == 3 &&
	    memcmp(sqlite3_value_text(v), "NaN", 3) == 0) {
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
		return;
	}
	sqlite3_value *t = type == SQLITE_TEXT ? sqlite3_value_dup(v) : v;
	int nt = t ? sqlite3_value_numeric_type(t) : SQLITE_NULL;
	int64_t i = t ? sqlite3_value_int64(t) : 0;
	double d = t ? sqlite3_value_double(t) : 0.0;
	if (t != v)
		sqlite3_value_free(t);
	if (type == SQLITE_NULL)
		sqlite3_result_null(ctx);
	else if (nt == SQLITE_INTEGER)
		sqlite3_result_int64(ctx, i);
	else
		sqlite3_result_double(ctx, op == 'f' ? floor(d) : ceil(d));
}

/* sign(x) as PostgreSQL's numeric_sign: NaN (the text 'NaN') is NaN, an infinity (a REAL, or
 * the exact engine's text) its sign, SQLite's -1, 0, 1 otherwise (which gave NULL for NaN).
 * Registered in SQLite's name, as floor and ceil. User data 'f': float8's sign, whose NaN is 0
 * (dsign's comparisons are false for it). */
static void fn_sign(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *v = argv[0];
	int type = sqlite3_value_type(v);
	if (type == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
		const char *s = (const char *)sqlite3_value_text(v);
		int n = sqlite3_value_bytes(v);
		if (n == 3 && memcmp(s, "NaN", 3) == 0) {
			if (sqlite3_user_data(ctx))
				sqlite3_result_int(ctx, 0);
			else
				sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
			return;
		}
		if ((n == 8 && memcmp(s, "Infinity", 8) == 0) ||
		    (n == 9 && memcmp(s, "-Infinity", 9) == 0)) {
			sqlite3_result_int(ctx, *s == '-' ? -1 : 1);
			return;
		}
	}
	sqlite3_value *t = type == SQLITE_TEXT || type == SQLITE_BLOB ? sqlite3_value_dup(v) : v;
	int nt = t ? sqlite3_value_numeric_type(t) : SQLITE_NULL;
	double d = t ? sqlite3_value_double(t) : 0.0;
	if (t != v)
		sqlite3_value_free(t);
	if (nt != SQLITE_INTEGER && nt != SQLITE_FLOAT)
		sqlite3_result_null(ctx); /* as SQLite's: text that is no number */
	else
		sqlite3_result_int(ctx, d > 0 ? 1 : d < 0 ? -1 : 0);
}

int pgfn_register_math(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"shardlite_divisor", 1, fn_divisor},
		{"pgfn_mod", 2, fn_mod},
		{"pgfn_div", 2, fn_div},
		{"pgfn_trunc", 2, fn_trunc},
		{"pgfn_round", 2, fn_round},
		{"pgfn_rint", 1, fn_rint},
		{"pgfn_xor", 2, fn_xor},
		{"pgfn_abs", 1, fn_abs},
		{"pgfn_fop", 3, fn_fop},
		{"pgfn_width_bucket", 4, fn_width_bucket},
		{"pgfn_num_width_bucket", 4, fn_num_width_bucket},
		{"pgfn_gcd", 2, fn_gcd_lcm},
		{"pgfn_factorial", 1, fn_factorial},
		{"pgfn_cbrt", 1, fn_cbrt},
		{"pgfn_pow", 2, fn_pow},
		{"pgfn_exp", 1, fn_exp},
		{"sign", 1, fn_sign},
		{"pgfn_shr", 3, fn_shift},
	};
	/* Implementations of defs again, told apart by their user data: floor's and ceil's
	 * rounding ('f', 'c'), float8's sign ('f'; sign is numeric's), the left shift and lcm
	 * (non-NULL; pgfn_shr and pgfn_gcd have none). */
	static const struct pgfn_def floors[] = {{"floor", 1, fn_round_nan}};
	static const struct pgfn_def ceils[] = {{"ceil", 1, fn_round_nan},
						{"ceiling", 1, fn_round_nan}};
	static const struct pgfn_def float_sign[] = {{"pgfn_fsign", 1, fn_sign}};
	static const struct pgfn_def marked[] = {{"pgfn_shl", 3, fn_shift},
						 {"pgfn_lcm", 2, fn_gcd_lcm}};
	static const struct {
		const struct pgfn_def *defs;
		size_t n;
		intptr_t user;
	} sets[] = {
		{defs, ARRAY_LEN(defs), 0},     {floors, ARRAY_LEN(floors), 'f'},
		{ceils, ARRAY_LEN(ceils), 'c'}, {float_sign, ARRAY_LEN(float_sign), 'f'},
		{marked, ARRAY_LEN(marked), 1},
	};
	int rc = SQLITE_OK;
	for (size_t i = 0; i < ARRAY_LEN(sets) && rc == SQLITE_OK; i++)
		rc = pgfn_define_with(db, sets[i].defs, sets[i].n,
				      SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				      (void *)sets[i].user);
	if (rc == SQLITE_OK)
		rc = register_logs(db);
	return rc == SQLITE_OK ? register_aggs(db) : rc;
}
