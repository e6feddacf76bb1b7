/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_floatwin.c: sum and avg of double precision as PostgreSQL adds them up (float8pl,
 * float8_accum): a NaN (stored as the text 'NaN', which SQLite's sum reads as 0) makes them
 * NaN, an infinite sum of finite values is 22003. pgfn_float_sum/avg(x) are the plain
 * aggregates; pgfn_float_wsum/wavg(x) the window functions, which keep the frame's values:
 * PostgreSQL gives float8 sums no inverse transition, so when a row leaves the frame it adds
 * the frame up again from its new head, in row order, where SQLite's sum subtracts the value
 * that left (0.1 + 0.2 + 0.3 - 0.1 is 0.5000000000000001; 0.2 + 0.3 is 0.5). While no row
 * leaves (a frame from UNBOUNDED PRECEDING) the running sum is that same sum. */
#include "pgfn_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { FW_AVG = 1, FW_WINDOW = 2 }; /* the function's user data */

struct fw_state {
	double sum;    /* of the values in order, unless stale */
	int64_t n;     /* non-NULL values (in the frame) */
	bool stale;    /* a value left the frame since sum was last added up */
	bool failed;   /* an error was raised: nothing more is computed */
	double *vals;  /* window: the frame's non-NULL values, oldest at head */
	size_t head, cap;
};

static int kind(sqlite3_context *ctx) { return (int)(intptr_t)sqlite3_user_data(ctx); }

static bool push(struct fw_state *st, double v)
{
	size_t count = (size_t)st->n;
	if (st->head + count == st->cap) {
		if (st->head) { /* slide the frame down before growing */
			memmove(st->vals, st->vals + st->head, count * sizeof(*st->vals));
			st->head = 0;
		}
		if (count == st->cap) {
			size_t cap = st->cap ? st->cap * 2 : 16;
			double *p = realloc(st->vals, cap * sizeof(*p));
			if (!p)
				return false;
			st->vals = p;
			st->cap = cap;
		}
	}
	st->vals[st->head + count] = v;
	return true;
}

/* sum + v as float8pl: false after raising 22003 when finite values overflow. */
static bool add(sqlite3_context *ctx, struct fw_state *st, double *sum, double v)
{
	double r = *sum + v;
	if (isinf(r) && !isinf(*sum) && !isinf(v)) {
		pgfn_error(ctx, "22003", "value out of range: overflow");
		st->failed = true;
		return false;
	}
	*sum = r;
	return true;
}

static void step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct fw_state *st = sqlite3_aggregate_context(ctx, sizeof(*st));
	if (!st) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (st->failed || sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return; /* strict, as float8pl/float8_accum */
	double v = pgfn_float_arg(argv[0]);
	if ((kind(ctx) & FW_WINDOW) && !push(st, v)) {
		sqlite3_result_error_nomem(ctx);
		st->failed = true;
		return;
	}
	if (!st->stale && !add(ctx, st, &st->sum, v))
		return;
	st->n++;
}

/* Rows leave in the order they came: the oldest non-NULL value goes. */
static void inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct fw_state *st = sqlite3_aggregate_context(ctx, sizeof(*st));
	if (!st || st->failed || !st->n || sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	st->head++;
	st->n--;
	st->stale = true;
}

static void value(sqlite3_context *ctx)
{
	struct fw_state *st = sqlite3_aggregate_context(ctx, 0);
	if (!st || st->failed || !st->n) {
		sqlite3_result_null(ctx); /* an error raised in step stands */
		return;
	}
	if (st->stale) {
		double sum = 0;
		for (int64_t i = 0; i < st->n; i++) {
			if (!add(ctx, st, &sum, st->vals[st->head + (size_t)i]))
				return;
		}
		st->sum = sum;
		st->stale = false;
	}
	double r = (kind(ctx) & FW_AVG) ? st->sum / (double)st->n : st->sum;
	if (isnan(r))
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
	else
		sqlite3_result_double(ctx, r);
}

static void final(sqlite3_context *ctx)
{
	value(ctx);
	struct fw_state *st = sqlite3_aggregate_context(ctx, 0);
	if (st)
		free(st->vals);
}

int pgfn_register_floatwin(sqlite3 *db)
{
	static const struct {
		const char *name;
		int kind;
	} fns[] = {
		{"pgfn_float_sum", 0},
		{"pgfn_float_avg", FW_AVG},
		{"pgfn_float_wsum", FW_WINDOW},
		{"pgfn_float_wavg", FW_AVG | FW_WINDOW},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(fns); i++) {
		bool window = fns[i].kind & FW_WINDOW;
		rc = sqlite3_create_window_function(db, fns[i].name, 1, flags,
						    (void *)(intptr_t)fns[i].kind, step, final,
						    window ? value : NULL,
						    window ? inverse : NULL, NULL);
	}
	return rc;
}
