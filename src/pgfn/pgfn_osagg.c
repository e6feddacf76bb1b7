/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_osagg.c: PostgreSQL's ordered-set aggregates percentile_cont, percentile_disc and mode
 * ... WITHIN GROUP (ORDER BY x), as orderedsetaggs.c computes them: the non-NULL values kept,
 * sorted in the ORDER BY's direction, then the value at a fraction of the way (interpolated
 * for percentile_cont), or the most frequent one (the first in sort order among equals). */
#include "pgfn_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* pgfn_osagg(fn, fraction, x, order, tag):
 *   fn      'c' percentile_cont, 'd' percentile_disc, 'm' mode; upper case: the fraction is an
 *           array's text and so is the result;
 *   order   'a' or 'd' (the ORDER BY's direction);
 *   tag     how x compares and prints: 'i' interval (interval_cmp; percentile_cont
 *           interpolates intervals), 'f' float (percentile_cont: every x read as float8),
 *           'b' bool, 'x' bytea, '.' anything else (numbers as numbers, text as bytes);
 *           'n<s>': a numeric of display scale s, which an array's elements show. */
struct osrows {
	sqlite3_value **v;
	struct pgtype_interval *iv; /* tag 'i': the values read */
	size_t n, cap;
	sqlite3_value *frac;
	char fn, order, tag;
	int scale; /* tag 'n' */
	bool failed;
};

static bool keep(sqlite3_context *ctx, struct osrows *o, sqlite3_value *x)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? 2 * o->cap : 16;
		o->v = base_xrealloc(o->v, o->cap * sizeof(*o->v));
		if (o->tag == 'i')
			o->iv = base_xrealloc(o->iv, o->cap * sizeof(*o->iv));
	}
	if (o->tag == 'i') {
		struct pgerr err;
		pgerr_clear(&err);
		if (!pgtype_interval_in((const char *)sqlite3_value_text(x),
					(size_t)sqlite3_value_bytes(x), &o->iv[o->n], &err)) {
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
			return false;
		}
	}
	o->v[o->n++] = sqlite3_value_dup(x);
	return true;
}

static void os_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct osrows *o = sqlite3_aggregate_context(ctx, sizeof(*o));
	(void)argc;
	if (!o) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!o->fn) { /* the call's constants, from its first row */
		const char *fn = (const char *)sqlite3_value_text(argv[0]);
		const char *order = (const char *)sqlite3_value_text(argv[3]);
		const char *tag = (const char *)sqlite3_value_text(argv[4]);
		o->fn = fn ? fn[0] : 'm';
		o->order = order ? order[0] : 'a';
		o->tag = tag ? tag[0] : '.';
		o->scale = o->tag == 'n' ? atoi(tag + 1) : 0;
		o->frac = sqlite3_value_dup(argv[1]);
	}
	if (o->failed || sqlite3_value_type(argv[2]) == SQLITE_NULL)
		return; /* NULLs take no part */
	o->failed = !keep(ctx, o, argv[2]);
}

static int cmp_at(const struct osrows *o, size_t a, size_t b)
{
	int c = o->tag == 'i' ? pgfn_dt_interval_cmp(&o->iv[a], &o->iv[b])
			      : pgfn_value_cmp(o->v[a], o->v[b]);
	return o->order == 'd' ? -c : c;
}

static int cmp_idx(const void *a, const void *b, void *arg)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = cmp_at(arg, x, y);
	return c ? c : x < y ? -1 : x > y; /* input order breaks ties */
}

/* mode(): the value with the longest run of equals in sort order, the first such run. */
static size_t mode_of(const struct osrows *o, const size_t *idx)
{
	size_t best = 0, best_len = 0;
	for (size_t i = 0, j; i < o->n; i = j) {
		for (j = i + 1; j < o->n && cmp_at(o, idx[i], idx[j]) == 0; j++)
			;
		if (j - i > best_len) {
			best = idx[i];
			best_len = j - i;
		}
	}
	return best;
}

/* An interval between lo and hi, as PostgreSQL's interval_lerp: lo + (hi - lo) * p. */
static bool iv_lerp(const struct pgtype_interval *lo, const struct pgtype_interval *hi, double p,
		    struct pgtype_interval *out)
{
	struct pgtype_interval d;
	if (__builtin_sub_overflow(hi->month, lo->month, &d.month) ||
	    __builtin_sub_overflow(hi->day, lo->day, &d.day) ||
	    __builtin_sub_overflow(hi->time, lo->time, &d.time))
		return false;
	d = pgfn_dt_interval_scale(d, p, false, NULL);
	return !__builtin_add_overflow(d.month, lo->month, &out->month) &&
	       !__builtin_add_overflow(d.day, lo->day, &out->day) &&
	       !__builtin_add_overflow(d.time, lo->time, &out->time);
}

/* One percentile's value: disc's row (*row), or cont's interpolated float (*d) or interval
 * (*iv); false after raising an error. */
static bool percentile(sqlite3_context *ctx, const struct osrows *o, const size_t *idx, double p,
		       size_t *row, double *d, struct pgtype_interval *iv)
{
	if (isnan(p) || p < 0 || p > 1) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
			   "percentile value %g is not between 0 and 1", p);
		return false;
	}
	if ((o->fn | 0x20) == 'd') {
		size_t k = (size_t)ceil(p * (double)o->n);
		*row = idx[k > 1 ? k - 1 : 0];
		return true;
	}
	double at = p * (double)(o->n - 1);
	size_t lo = (size_t)floor(at), hi = (size_t)ceil(at);
	if (o->tag != 'i') {
		double x = sqlite3_value_double(o->v[idx[lo]]);
		double y = sqlite3_value_double(o->v[idx[hi]]);
		*d = hi == lo ? x : x + (y - x) * (at - (double)lo);
		return true;
	}
	*iv = o->iv[idx[lo]];
	if (hi != lo && !iv_lerp(&o->iv[idx[lo]], &o->iv[idx[hi]], at - (double)lo, iv)) {
		pgfn_error(ctx, "22008", "interval out of range");
		return false;
	}
	return true;
}

/* A value of percentile_disc as an array element: a numeric with its display scale. */
static void disc_element(struct strbuf *sb, const struct osrows *o, sqlite3_value *v)
{
	struct pgtype_value pv;
	if (o->tag != 'n' || !pgfn_pgtype_value(v, &pv)) {
		pgfn_array_put_value(sb, o->tag == 'i' ? '.' : o->tag, v);
		return;
	}
	struct strbuf t;
	strbuf_init(&t, 0);
	strbuf_append(&t, "", 0);
	pgtype_encode_text_typmod(&t, PGTYPE_NUMERIC, ((1000 << 16) | o->scale) + 4, &pv);
	pgfn_array_put_elem(sb, t.data);
	strbuf_fini(&t);
}

/* percentile_cont/disc over an array of fractions: an array of their values. */
static void percentiles(sqlite3_context *ctx, const struct osrows *o, const size_t *idx)
{
	struct arena *a = arena_new(0);
	size_t n, row = 0;
	double d = 0;
	struct pgtype_interval iv;
	const char **fr = pgfn_array_parse(a, (const char *)sqlite3_value_text(o->frac), &n);
	struct strbuf sb, t;
	strbuf_init(&sb, 0);
	strbuf_init(&t, 0);
	strbuf_putc(&sb, '{');
	bool ok = fr != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		strbuf_puts(&sb, i ? "," : "");
		if (!fr[i]) {
			pgfn_array_put_elem(&sb, NULL);
			continue;
		}
		ok = percentile(ctx, o, idx, strtod(fr[i], NULL), &row, &d, &iv);
		strbuf_reset(&t);
		if (ok && o->fn == 'D')
			disc_element(&sb, o, o->v[row]);
		else if (ok && o->tag == 'i')
			pgtype_interval_out(&t, &iv);
		else if (ok)
			pgtype_format_float8(&t, d);
		if (ok && o->fn == 'C')
			pgfn_array_put_elem(&sb, t.data);
	}
	strbuf_putc(&sb, '}');
	strbuf_fini(&t);
	if (!fr)
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION, "malformed array literal");
	if (ok)
		pgfn_result_sb(ctx, &sb, false);
	else
		strbuf_fini(&sb);
	arena_free(a);
}

static void result(sqlite3_context *ctx, const struct osrows *o, const size_t *idx)
{
	size_t row = 0;
	double d = 0;
	struct pgtype_interval iv;
	if (o->fn == 'm') {
		sqlite3_result_value(ctx, o->v[mode_of(o, idx)]);
	} else if (sqlite3_value_type(o->frac) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
	} else if (o->fn == 'C' || o->fn == 'D') {
		percentiles(ctx, o, idx);
	} else if (!percentile(ctx, o, idx, sqlite3_value_double(o->frac), &row, &d, &iv)) {
		return;
	} else if (o->fn == 'd') {
		sqlite3_result_value(ctx, o->v[row]); /* the value itself, as stored */
	} else if (o->tag != 'i') {
		sqlite3_result_double(ctx, d);
	} else {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_interval_out(&sb, &iv);
		pgfn_result_sb(ctx, &sb, false);
	}
}

static void os_final(sqlite3_context *ctx)
{
	struct osrows *o = sqlite3_aggregate_context(ctx, 0);
	if (!o || o->failed || !o->n) {
		if (!o || !o->failed)
			sqlite3_result_null(ctx);
	} else {
		size_t *idx = base_xmalloc(o->n * sizeof(*idx));
		for (size_t i = 0; i < o->n; i++)
			idx[i] = i;
		qsort_r(idx, o->n, sizeof(*idx), cmp_idx, o);
		result(ctx, o, idx);
		free(idx);
	}
	for (size_t i = 0; o && i < o->n; i++)
		sqlite3_value_free(o->v[i]);
	if (o) {
		sqlite3_value_free(o->frac);
		free(o->v);
		free(o->iv);
	}
}

int pgfn_register_osagg(sqlite3 *db)
{
	return sqlite3_create_function(db, "pgfn_osagg", 5, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
				       NULL, os_step, os_final);
}
