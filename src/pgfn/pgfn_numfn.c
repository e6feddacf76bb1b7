/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_numfn.c: exact numeric arithmetic and aggregates as SQLite functions, over the engine
 * of pgfn_numeric.c. Results are decimal TEXT carrying PostgreSQL's display scale; the
 * translator emits them only where the value goes straight to the client (docs/sql-compat.md,
 * "numeric"). Each operand comes with its display scale when the translator knows it (-1: the
 * value's own: an INTEGER has none, a REAL its shortest round-trip decimal's). */
#include "pgfn_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void overflow(sqlite3_context *ctx)
{
	pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
}

/* Reads v as a numeric of display scale scale (-1: its own). 1: done; 2: NaN (stored as the
 * text 'NaN', x unset); 0: NULL; -1: failed, the error is set on ctx. */
int pgfn_num_arg(sqlite3_context *ctx, sqlite3_value *v, int scale, struct pgfn_num *x)
{
	struct strbuf sb;
	bool ok = true;
	int64_t m;
	int ms;
	if (pgfn_num_fast_value(v, scale, &m, &ms)) {
		pgfn_num_from_int(x, m);
		x->scale = ms;
		return 1;
	}
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
		pgfn_num_from_int(x, sqlite3_value_int64(v));
		break;
	case SQLITE_FLOAT:
		if (isinf(sqlite3_value_double(v))) {
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "numeric Infinity is not supported");
			return -1;
		}
		strbuf_init(&sb, 0);
		pgtype_format_plain_double(&sb, sqlite3_value_double(v));
		ok = !sb.failed && pgfn_num_parse(sb.data, sb.len, x);
		strbuf_fini(&sb);
		break;
	default: {
		size_t len;
		const char *s = pgfn_text(v, &len);
		if (len == 3 && strncmp(s, "NaN", 3) == 0)
			return 2;
		if (pgfn_num_inf(v)) {
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "numeric Infinity is not supported");
			return -1;
		}
		if (!pgfn_num_parse(s, len, x)) {
			pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				   "invalid input syntax for type numeric: \"%.*s\"",
				   (int)(len > 200 ? 200 : len), s);
			return -1;
		}
	}
	}
	if (ok && scale >= 0)
		ok = pgfn_num_round(x, scale);
	if (!ok) {
		overflow(ctx);
		return -1;
	}
	return 1;
}

static void result_nan(sqlite3_context *ctx) { sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC); }

int pgfn_num_inf(sqlite3_value *v)
{
	if (sqlite3_value_type(v) == SQLITE_FLOAT) {
		double d = sqlite3_value_double(v);
		return isinf(d) ? (d > 0 ? 1 : -1) : 0;
	}
	if (sqlite3_value_type(v) != SQLITE_TEXT)
		return 0;
	const char *s = (const char *)sqlite3_value_text(v);
	int n = sqlite3_value_bytes(v);
	return n == 8 && memcmp(s, "Infinity", 8) == 0    ? 1
	       : n == 9 && memcmp(s, "-Infinity", 9) == 0 ? -1
							  : 0;
}

/* An infinite exact result: PostgreSQL's text of it, which numeric_in reads back. */
static void result_inf(sqlite3_context *ctx, int sign)
{
	sqlite3_result_text(ctx, sign > 0 ? "Infinity" : "-Infinity", -1, SQLITE_STATIC);
}

/* A finite operand's sign (-1, 0, 1) beside an infinite one: 2 NaN, 3 NULL, -2 failed. */
static int finite_sign(sqlite3_context *ctx, sqlite3_value *v)
{
	struct pgfn_num *x = base_xmalloc(sizeof(*x));
	int r = pgfn_num_arg(ctx, v, -1, x), sign = r == 0 ? 3 : r == 2 ? 2 : r < 0 ? -2 : 0;
	if (r == 1)
		sign = pgfn_num_is_zero(x) ? 0 : x->neg ? -1 : 1;
	free(x);
	return sign;
}

/* fn_arith where an operand is infinite (ia, ib: its sign, 0 finite), as numeric.c's special
 * cases: Infinity - Infinity and Infinity * 0 are NaN, Infinity / 0 is 22012, x / Infinity 0,
 * x % Infinity x, Infinity % y NaN. */
static void arith_inf(sqlite3_context *ctx, int op, sqlite3_value **argv, int ia, int ib)
{
	int sa = ia ? ia : finite_sign(ctx, argv[0]), sb = ib ? ib : finite_sign(ctx, argv[1]);
	if (sa == -2 || sb == -2)
		return;
	if (sa == 3 || sb == 3) {
		sqlite3_result_null(ctx);
		return;
	}
	if (sa == 2 || sb == 2) {
		result_nan(ctx);
		return;
	}
	switch (op) {
	case '+':
	case '-':
		if (ia && ib && (op == '+' ? ia != ib : ia == ib))
			result_nan(ctx);
		else
			result_inf(ctx, ia ? ia : op == '+' ? ib : -ib);
		return;
	case '*':
		if (sa == 0 || sb == 0)
			result_nan(ctx);
		else
			result_inf(ctx, sa * sb);
		return;
	default: /* '/', div() 'd', '%' */
		if (sb == 0)
			pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		else if (ia && (ib || op == '%'))
			result_nan(ctx);
		else if (ia)
			result_inf(ctx, sa * sb);
		else if (op == '%') { /* x % Infinity is x, its display scale kept */
			struct pgfn_num *x = base_xmalloc(sizeof(*x));
			if (pgfn_num_arg(ctx, argv[0], sqlite3_value_int(argv[2]), x) == 1)
				pgfn_num_result(ctx, x);
			free(x);
		} else {
			sqlite3_result_text(ctx, "0", 1,
					    SQLITE_STATIC); /* x / Infinity: 0, scale 0 */
		}
		return;
	}
}

void pgfn_num_result(sqlite3_context *ctx, const struct pgfn_num *x)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_num_format(x, &sb);
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_num_OP(a, b, scale_a, scale_b): user data is the operator ('%' mod, 'd' div). */
static void fn_arith(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int op = (int)(intptr_t)sqlite3_user_data(ctx);
	int64_t fa, fb;
	int fsa, fsb;
	int ia = pgfn_num_inf(argv[0]), ib = pgfn_num_inf(argv[1]);
	if (ia || ib) {
		arith_inf(ctx, op, argv, ia, ib);
		return;
	}
	if (strchr("+-*/", op) &&
	    pgfn_num_fast_value(argv[0], sqlite3_value_int(argv[2]), &fa, &fsa) &&
	    pgfn_num_fast_value(argv[1], sqlite3_value_int(argv[3]), &fb, &fsb)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		if (pgfn_num_fast_arith((char)op, fa, fsa, fb, fsb, &sb)) {
			pgfn_result_sb(ctx, &sb, false);
			return;
		}
		strbuf_fini(&sb);
	}
	struct pgfn_num *v = base_xmalloc(3 * sizeof(*v)), *a = v, *b = v + 1, *r = v + 2;
	int ra = pgfn_num_arg(ctx, argv[0], sqlite3_value_int(argv[2]), a);
	int rb = ra > 0 ? pgfn_num_arg(ctx, argv[1], sqlite3_value_int(argv[3]), b) : ra;
	bool ok = true;
	if (ra == 0 || rb == 0)
		sqlite3_result_null(ctx);
	if (ra <= 0 || rb <= 0)
		goto out;
	if (ra == 2 || rb == 2) { /* NaN whatever the other operand, even NaN / 0 */
		result_nan(ctx);
		goto out;
	}
	switch (op) {
	case '+':
		ok = pgfn_num_add(r, a, b);
		break;
	case '-':
		ok = pgfn_num_sub(r, a, b);
		break;
	case '*':
		ok = pgfn_num_mul(r, a, b);
		break;
	default:
		if (pgfn_num_is_zero(b)) {
			pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
			goto out;
		}
		if (op == '/') {
			ok = pgfn_num_div(r, a, b, pgfn_num_div_scale(a, b));
		} else if (op == 'd') { /* div(a, b): the truncated quotient, scale 0 */
			ok = pgfn_num_div_trunc(r, a, b);
		} else { /* mod(a, b), a % b: a - trunc(a / b) * b, mod_var's */
			struct pgfn_num *q = base_xmalloc(2 * sizeof(*q));
			ok = pgfn_num_div_trunc(q, a, b) && pgfn_num_mul(q + 1, q, b) &&
			     pgfn_num_sub(r, a, q + 1);
			free(q);
		}
		break;
	}
	if (ok)
		pgfn_num_result(ctx, r);
	else
		overflow(ctx);
out:
	free(v);
}

/* An operand of pgfn_nadd & co.: 1 a number into *i (is_int) or *d, 2 the NaN text, 0 NULL. */
static int stored_num(sqlite3_value *v, bool *is_int, int64_t *i, double *d)
{
	int type = sqlite3_value_type(v);
	if (type == SQLITE_NULL)
		return 0;
	if (type == SQLITE_TEXT && sqlite3_value_bytes(v) == 3 &&
	    memcmp(sqlite3_value_text(v), "NaN", 3) == 0)
		return 2;
	/* numeric_type converts text in place: tested on a copy, as shardlite_divisor does */
	sqlite3_value *t = type == SQLITE_TEXT ? sqlite3_value_dup(v) : v;
	*is_int = t && sqlite3_value_numeric_type(t) == SQLITE_INTEGER;
	*i = t ? sqlite3_value_int64(t) : 0;
	*d = t ? sqlite3_value_double(t) : 0.0;
	if (t != v)
		sqlite3_value_free(t);
	return 1;
}

/* pgfn_nadd/nsub/nmul/ndiv(a, b): numeric + - * / where the value does not go straight to the
 * client (xlat_numeric.c): SQLite's arithmetic on the stored numbers (integers while they fit,
 * a quotient always a real; a real sum, difference or product rounded to the 15 significant
 * digits a stored numeric keeps), but a NaN operand, stored as the text 'NaN', gives NaN. */
static void fn_nop(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char op = (char)(intptr_t)sqlite3_user_data(ctx);
	bool ia = false, ib = false;
	int64_t a = 0, b = 0, r = 0;
	double da = 0, db = 0;
	int ka = stored_num(argv[0], &ia, &a, &da), kb = stored_num(argv[1], &ib, &b, &db);
	if (ka == 0 || kb == 0) {
		sqlite3_result_null(ctx);
		return;
	}
	if (ka == 2 || kb == 2) {
		result_nan(ctx);
		return;
	}
	bool ints = ia && ib && op != '/', over = false;
	if (ints)
		over = op == '+'   ? __builtin_add_overflow(a, b, &r)
		       : op == '-' ? __builtin_sub_overflow(a, b, &r)
				   : __builtin_mul_overflow(a, b, &r);
	if (ints && !over) {
		sqlite3_result_int64(ctx, r);
		return;
	}
	if (op == '/' && db == 0.0) { /* after NaN, which the translator leaves to this check */
		pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		return;
	}
	double q = op == '+' ? da + db : op == '-' ? da - db : op == '*' ? da * db : da / db;
	if (isnan(q)) { /* Infinity - Infinity, Infinity * 0: SQLite would make it NULL */
		result_nan(ctx);
		return;
	}
	if (op != '/' && isfinite(q) && q != 0) {
		/* a stored numeric keeps 15 significant digits: so does a sum, difference or
		 * product of two, which drops the binary error (0.1 + 0.2 is 0.3, as the decimal
		 * sum is, and compares equal to 0.3) */
		char buf[32];
		snprintf(buf, sizeof(buf), "%.15g", q);
		q = strtod(buf, NULL);
	}
	sqlite3_result_double(ctx, q);
}

/* pgfn_num_round/trunc(x, n, scale of x): numeric_round/numeric_trunc, n fraction digits
 * (a negative n rounds to tens, hundreds, ...: no fraction shown). User data 'r' or 't'. */
static void fn_round(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (pgfn_num_inf(argv[0])) { /* round/trunc of an infinity is it */
		result_inf(ctx, pgfn_num_inf(argv[0]));
		return;
	}
	struct pgfn_num *x = base_xmalloc(sizeof(*x));
	int64_t n = sqlite3_value_int64(argv[1]);
	int to = n > 1000 ? 1000 : n < -1000 ? -1000 : (int)n;
	int r = pgfn_num_arg(ctx, argv[0], sqlite3_value_int(argv[2]), x);
	bool ok = true;
	if (r == 0)
		sqlite3_result_null(ctx);
	if (r == 2)
		result_nan(ctx);
	if (r == 1) {
		if ((intptr_t)sqlite3_user_data(ctx) == 'r')
			ok = pgfn_num_round(x, to);
		else
			pgfn_num_trunc(x, to);
		ok = ok && (to >= 0 || pgfn_num_round(x, 0));
		if (ok)
			pgfn_num_result(ctx, x);
		else
			overflow(ctx);
	}
	free(x);
}

/* pgfn_num_abs(x, scale of x): numeric_abs, the value's display scale kept (abs(-1.50) is
 * 1.50); NaN stays NaN. */
static void fn_abs(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (pgfn_num_inf(argv[0])) {
		result_inf(ctx, 1);
		return;
	}
	struct pgfn_num *x = base_xmalloc(sizeof(*x));
	int r = pgfn_num_arg(ctx, argv[0], sqlite3_value_int(argv[1]), x);
	if (r == 0)
		sqlite3_result_null(ctx);
	if (r == 2)
		result_nan(ctx);
	if (r == 1) {
		x->neg = false;
		pgfn_num_result(ctx, x);
	}
	free(x);
}

/* ---- aggregates: sum, avg and the variance family over exact values ----
 * pgfn_num_sum(x, scale), pgfn_num_avg(x, scale), pgfn_num_var_samp/var_pop/stddev_samp/
 * stddev_pop(x, scale), whose user data is 1 + kind: bit 1 = population (else sample), bit 2 =
 * standard deviation (else variance). Each also takes (x) alone, with the value's own scale,
 * for DISTINCT (SQLite allows it on one-argument aggregates only). */
#define SCALE_SLOTS 34

struct agg {
	int64_t count;
	bool init; /* sum and sumsq set */
	bool failed;
	bool nan;     /* min/max: a NaN was seen */
	int64_t nans; /* NaNs among the values: the result is NaN, as PostgreSQL's NaNcount says */
	int64_t pinf, ninf; /* Infinity and -Infinity among them (pInfcount, nInfcount) */
	/* how many values of each display scale (the last: that or more) are in: a window frame
	 * that drops values shows the largest scale of those left, as do_numeric_discard does */
	uint32_t nscale[SCALE_SLOTS];
	/* the fast path: values read by pgfn_num_fast_value, summed as integers of 10^-fscale
	 * (bytes of a pgfn_wide: SQLite aligns aggregate state to 8 bytes, a pgfn_wide 16) */
	int fscale;
	unsigned char fsum[sizeof(pgfn_wide)], fsq[sizeof(pgfn_wide)];
	struct pgfn_num sum, sumsq; /* the rest, in the engine */
};

#define FAST_MAX ((pgfn_wide)1 << 100)

static pgfn_wide get_wide(const unsigned char *b)
{
	pgfn_wide w;
	memcpy(&w, b, sizeof(w));
	return w;
}

static void put_wide(unsigned char *b, pgfn_wide w) { memcpy(b, &w, sizeof(w)); }

/* Adds m * 10^-s to the fast sums; false (nothing changed) when they could overflow: every
 * sum stays below 2^100 and every term (a square too) below 2^100 before it is added. */
static bool fast_add(struct agg *g, int64_t m, int s, bool squares)
{
	pgfn_wide sum = get_wide(g->fsum), sq = get_wide(g->fsq), x = m;
	int fscale = g->fscale;
	if (s > 18 || m <= -((int64_t)1 << 50) || m >= ((int64_t)1 << 50))
		return false;
	if (s > fscale) { /* the sums move to the finer scale */
		int up = s - fscale;
		if (sum >= FAST_MAX / pgfn_pow10[up] || sum <= -FAST_MAX / pgfn_pow10[up] ||
		    (squares && (2 * up > 18 || sq >= FAST_MAX / pgfn_pow10[2 * up])))
			return false;
		sum *= pgfn_pow10[up];
		sq *= squares ? pgfn_pow10[2 * up] : 1;
		fscale = s;
	}
	x *= pgfn_pow10[fscale - s];
	if (sum >= FAST_MAX || sum <= -FAST_MAX || x >= FAST_MAX || x <= -FAST_MAX)
		return false;
	if (squares && (x >= ((pgfn_wide)1 << 50) || x <= -((pgfn_wide)1 << 50) || sq >= FAST_MAX))
		return false;
	put_wide(g->fsum, sum + x);
	put_wide(g->fsq, sq + (squares ? x * x : 0));
	g->fscale = fscale;
	return true;
}

/* Moves the fast sums into the engine's (before a slow value, and at the end). */
static bool settle(struct agg *g)
{
	struct pgfn_num *v = base_xmalloc(2 * sizeof(*v)), *w = v, *t = v + 1;
	pgfn_num_from_wide(w, get_wide(g->fsum), g->fscale);
	bool ok = pgfn_num_add(t, &g->sum, w);
	g->sum = *t;
	pgfn_num_from_wide(w, get_wide(g->fsq), 2 * g->fscale);
	ok = ok && pgfn_num_add(t, &g->sumsq, w);
	g->sumsq = *t;
	put_wide(g->fsum, 0);
	put_wide(g->fsq, 0);
	free(v);
	return ok;
}

static struct agg *agg_state(sqlite3_context *ctx, bool create)
{
	struct agg *g = sqlite3_aggregate_context(ctx, create ? (int)sizeof(struct agg) : 0);
	if (create && g && !g->init) { /* SQLite zeroes a new context; count may fall back to 0 */
		pgfn_num_zero(&g->sum, 0);
		pgfn_num_zero(&g->sumsq, 0);
		g->init = true;
	}
	return g;
}

/* Adds argv[0] to the sums, or takes it out (inverse: a window frame moving on). */
static void agg_add(sqlite3_context *ctx, int argc, sqlite3_value **argv, bool inverse)
{
	struct agg *g = agg_state(ctx, true);
	if (!g) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int scale = argc > 1 ? sqlite3_value_int(argv[1]) : -1;
	bool squares = sqlite3_user_data(ctx) != NULL; /* the variance family */
	int64_t m;
	int ms;
	int dir = sqlite3_value_type(argv[0]) == SQLITE_NULL ? 0 : inverse ? -1 : 1;
	int inf = g->failed ? 0 : pgfn_num_inf(argv[0]);
	if (inf) { /* counted, as do_numeric_accum counts them: the sums stay finite */
		*(inf > 0 ? &g->pinf : &g->ninf) += dir;
		g->count += dir;
		return;
	}
	if (!g->failed && pgfn_num_fast_value(argv[0], scale, &m, &ms) &&
	    fast_add(g, dir * m, ms, squares)) {
		g->count += dir;
		g->nscale[ms < SCALE_SLOTS ? ms : SCALE_SLOTS - 1] += (uint32_t)dir;
		return;
	}
	struct pgfn_num *v = base_xmalloc(2 * sizeof(*v)), *x = v, *t = v + 1;
	int r = g->failed ? 0 : pgfn_num_arg(ctx, argv[0], scale, x);
	if (r == 2) {
		g->nans += dir;
		g->count += dir;
		free(v);
		return;
	}
	bool ok = r <= 0 || settle(g);
	if (r > 0 && ok) {
		g->count += dir;
		g->nscale[x->scale < SCALE_SLOTS ? x->scale : SCALE_SLOTS - 1] += (uint32_t)dir;
		ok = inverse ? pgfn_num_sub(t, &g->sum, x) : pgfn_num_add(t, &g->sum, x);
		g->sum = *t;
		if (ok && squares) {
			ok = pgfn_num_mul(t, x, x) && (inverse ? pgfn_num_sub(v, &g->sumsq, t)
							       : pgfn_num_add(v, &g->sumsq, t));
			g->sumsq = *v;
		}
	}
	g->failed |= r < 0 || !ok;
	if (!ok)
		overflow(ctx);
	free(v);
}

static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	agg_add(ctx, argc, argv, false);
}

static void agg_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	agg_add(ctx, argc, argv, true);
}

/* The sums at the largest display scale among the values in (after settle): a value that
 * left a window frame takes its scale along. */
static bool trim_scale(struct agg *g)
{
	int top = SCALE_SLOTS - 1;
	while (top >= 0 && g->nscale[top] == 0)
		top--;
	if (top < 0 || top == SCALE_SLOTS - 1 || g->count <= 0 || top >= g->sum.scale)
		return true; /* min/max count no scales */
	return pgfn_num_round(&g->sum, top) && pgfn_num_round(&g->sumsq, 2 * top);
}

/* sum and avg of infinities as numeric_sum/numeric_avg give them: NaN when both signs are
 * in, else the infinity; false (nothing set) when none is. */
static bool inf_result(sqlite3_context *ctx, const struct agg *g)
{
	if (g->pinf > 0 && g->ninf > 0)
		result_nan(ctx);
	else if (g->pinf > 0 || g->ninf > 0)
		result_inf(ctx, g->pinf > 0 ? 1 : -1);
	return g->pinf > 0 || g->ninf > 0;
}

static void sum_final(sqlite3_context *ctx)
{
	struct agg *g = agg_state(ctx, false);
	if (g && !g->failed && (!settle(g) || !trim_scale(g))) {
		overflow(ctx);
		return;
	}
	if (!g || g->count == 0)
		sqlite3_result_null(ctx);
	else if (!g->failed && (g->nan || g->nans > 0))
		result_nan(ctx);
	else if (!g->failed && !inf_result(ctx, g))
		pgfn_num_result(ctx, &g->sum);
}

static void avg_final(sqlite3_context *ctx)
{
	struct agg *g = agg_state(ctx, false);
	if (g && !g->failed && (!settle(g) || !trim_scale(g))) {
		overflow(ctx);
		return;
	}
	if (!g || g->count == 0 || g->failed) {
		if (!g || !g->failed)
			sqlite3_result_null(ctx);
		return;
	}
	if (g->nans > 0) {
		result_nan(ctx);
		return;
	}
	if (inf_result(ctx, g))
		return;
	struct pgfn_num *v = base_xmalloc(2 * sizeof(*v)), *n = v, *r = v + 1;
	pgfn_num_from_int(n, g->count);
	if (pgfn_num_div(r, &g->sum, n, pgfn_num_div_scale(&g->sum, n)))
		pgfn_num_result(ctx, r);
	else
		overflow(ctx);
	free(v);
}

/* numeric_stddev_internal: (N * sumX2 - sumX^2) / (N * (N - 1)) (or N * N), at the scale
 * select_div_scale gives that quotient, its square root at the same scale. */
static bool var_value(const struct agg *g, int kind, struct pgfn_num *v, struct pgfn_num *out)
{
	struct pgfn_num *n = v, *sq = v + 1, *nsq = v + 2, *num = v + 3, *den = v + 4;
	int rscale = g->sum.scale * 2;
	pgfn_num_from_int(n, g->count);
	if (!pgfn_num_mul(sq, &g->sum, &g->sum) || !pgfn_num_round(sq, rscale) ||
	    !pgfn_num_mul(nsq, n, &g->sumsq) || !pgfn_num_round(nsq, rscale) ||
	    !pgfn_num_sub(num, nsq, sq))
		return false;
	if (num->neg || pgfn_num_is_zero(num)) { /* roundoff never makes it negative here */
		pgfn_num_zero(out, 0);
		return true;
	}
	pgfn_num_from_int(sq, (kind & 1) ? g->count : g->count - 1);
	if (!pgfn_num_mul(den, n, sq))
		return false;
	rscale = pgfn_num_div_scale(num, den);
	if (!pgfn_num_div(nsq, num, den, rscale))
		return false;
	if (kind & 2)
		return pgfn_num_sqrt(out, nsq, rscale);
	*out = *nsq;
	return true;
}

static void var_final(sqlite3_context *ctx)
{
	struct agg *g = agg_state(ctx, false);
	if (g && !g->failed && (!settle(g) || !trim_scale(g))) {
		overflow(ctx);
		return;
	}
	int kind = (int)(intptr_t)sqlite3_user_data(ctx) - 1;
	if (g && g->failed)
		return;
	if (!g || g->count == 0 || (!(kind & 1) && g->count == 1)) {
		sqlite3_result_null(ctx);
		return;
	}
	if (g->nans > 0 || g->pinf > 0 || g->ninf > 0) { /* an infinity's variance is NaN */
		result_nan(ctx);
		return;
	}
	struct pgfn_num *v = base_xmalloc(6 * sizeof(*v));
	if (var_value(g, kind, v, v + 5))
		pgfn_num_result(ctx, v + 5);
	else
		overflow(ctx);
	free(v);
}

/* pgfn_num_max/min(x, scale): user data +1 for max, -1 for min. The best value so far is kept
 * in sum, which count says is set. */
static void minmax_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct agg *g = agg_state(ctx, true);
	if (!g) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int dir = (int)(intptr_t)sqlite3_user_data(ctx);
	int inf = g->failed ? 0 : pgfn_num_inf(argv[0]);
	if (inf) { /* minmax_final weighs them */
		*(inf > 0 ? &g->pinf : &g->ninf) += 1;
		return;
	}
	struct pgfn_num *x = base_xmalloc(sizeof(*x));
	int r = g->failed
			? 0
			: pgfn_num_arg(ctx, argv[0], argc > 1 ? sqlite3_value_int(argv[1]) : -1, x);
	if (r == 2) { /* NaN sorts above every number: max is NaN, min never is unless alone */
		g->nan |= dir > 0 || g->count == 0;
		g->count++;
	} else if (r > 0 &&
		   (g->count++ == 0 || (dir < 0 && g->nan) || pgfn_num_cmp(x, &g->sum) * dir > 0)) {
		g->sum = *x;
		g->nan = g->nan && dir > 0;
	}
	g->failed |= r < 0;
	free(x);
}

/* max and min with infinities: -Infinity below every number, Infinity above every number and
 * below NaN; count says whether a number or NaN was seen (sum, nan: minmax_step's best). */
static void minmax_final(sqlite3_context *ctx)
{
	struct agg *g = agg_state(ctx, false);
	int dir = (int)(intptr_t)sqlite3_user_data(ctx);
	if (!g || g->failed || (g->pinf == 0 && g->ninf == 0)) {
		sum_final(ctx);
		return;
	}
	bool number = g->count > 0 && !g->nan; /* a finite best */
	if (dir > 0 && !g->nan && (g->pinf > 0 || !number))
		result_inf(ctx, g->pinf > 0 ? 1 : -1);
	else if (dir < 0 && (g->ninf > 0 || !number))
		result_inf(ctx, g->ninf > 0 ? -1 : 1); /* NaN alone is no best: an infinity is */
	else {
		g->pinf = g->ninf = 0; /* the best is a number or NaN: sum_final's to print */
		sum_final(ctx);
	}
}

/* A numeric special's place in numeric order: -1 -Infinity, 1 Infinity, 2 NaN, 0 a number. */
static int special_rank(const char *s, int n)
{
	return n == 9 && memcmp(s, "-Infinity", 9) == 0  ? -1
	       : n == 8 && memcmp(s, "Infinity", 8) == 0 ? 1
	       : n == 3 && memcmp(s, "NaN", 3) == 0      ? 2
							 : 0;
}

/* The numeric order of two decimal texts (the collation pgfn_num, for exact result columns
 * sorted by name or position); text that is not a number sorts after numbers, bytewise. */
static int collate_num(void *user, int na, const void *a, int nb, const void *b)
{
	(void)user;
	struct pgfn_num *v = base_xmalloc(2 * sizeof(*v));
	bool oka = pgfn_num_parse(a, (size_t)na, v), okb = pgfn_num_parse(b, (size_t)nb, v + 1);
	int r, ka = special_rank(a, na), kb = special_rank(b, nb);
	if (ka || kb) { /* -Infinity, the numbers, Infinity, NaN */
		r = ka == kb ? 0 : ka < kb ? -1 : 1;
	} else if (oka && okb) {
		r = pgfn_num_cmp(v, v + 1);
	} else if (oka != okb) {
		r = oka ? -1 : 1;
	} else {
		r = memcmp(a, b, (size_t)(na < nb ? na : nb));
		r = r ? r : na - nb;
	}
	free(v);
	return r;
}

int pgfn_register_numeric(sqlite3 *db)
{
	static const struct {
		const char *name;
		int op;
	} ops[] = {{"pgfn_num_add", '+'}, {"pgfn_num_sub", '-'}, {"pgfn_num_mul", '*'},
		   {"pgfn_num_div", '/'}, {"pgfn_num_mod", '%'}, {"pgfn_num_idiv", 'd'}};
	/* aggregates: (x, scale), and (x) for DISTINCT, which SQLite allows one argument */
	static const struct {
		const char *name;
		intptr_t user;
		void (*step)(sqlite3_context *, int, sqlite3_value **);
		void (*final)(sqlite3_context *);
		/* the sums take values out again: also window functions (sum(x) OVER (...)) */
		void (*inverse)(sqlite3_context *, int, sqlite3_value **);
	} aggs[] = {
		{"pgfn_num_sum", 0, agg_step, sum_final, agg_inverse},
		{"pgfn_num_avg", 0, agg_step, avg_final, agg_inverse},
		{"pgfn_num_max", 1, minmax_step, minmax_final, NULL},
		{"pgfn_num_min", -1, minmax_step, minmax_final, NULL},
		{"pgfn_num_var_samp", 1, agg_step, var_final, agg_inverse},
		{"pgfn_num_var_pop", 2, agg_step, var_final, agg_inverse},
		{"pgfn_num_stddev_samp", 3, agg_step, var_final, agg_inverse},
		{"pgfn_num_stddev_pop", 4, agg_step, var_final, agg_inverse},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, rc = SQLITE_OK;
	for (size_t i = 0; i < ARRAY_LEN(ops) && rc == SQLITE_OK; i++)
		rc = sqlite3_create_function(db, ops[i].name, 4, flags, (void *)(intptr_t)ops[i].op,
					     fn_arith, NULL, NULL);
	for (size_t i = 0; i < 4 && rc == SQLITE_OK; i++) { /* + - * / */
		static const char *const nops[] = {"pgfn_nadd", "pgfn_nsub", "pgfn_nmul",
						   "pgfn_ndiv"};
		rc = sqlite3_create_function(db, nops[i], 2, flags, (void *)(intptr_t)ops[i].op,
					     fn_nop, NULL, NULL);
	}
	for (int k = 0; k < 2 && rc == SQLITE_OK; k++)
		rc = sqlite3_create_function(db, k ? "pgfn_num_trunc" : "pgfn_num_round", 3, flags,
					     (void *)(intptr_t)(k ? 't' : 'r'), fn_round, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_num_abs", 2, flags, NULL, fn_abs, NULL,
					     NULL);
	for (size_t i = 0; i < 2 * ARRAY_LEN(aggs) && rc == SQLITE_OK; i++)
		rc = sqlite3_create_window_function(
			db, aggs[i / 2].name, 1 + (int)(i % 2), SQLITE_UTF8 | SQLITE_INNOCUOUS,
			(void *)aggs[i / 2].user, aggs[i / 2].step, aggs[i / 2].final,
			aggs[i / 2].inverse ? aggs[i / 2].final : NULL, aggs[i / 2].inverse, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "pgfn_num", SQLITE_UTF8, NULL, collate_num);
	return rc;
}
