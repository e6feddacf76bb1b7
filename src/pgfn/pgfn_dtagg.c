/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_dtagg.c: sum, avg, min and max over interval values (pgfn_interval_sum/avg/min/max),
 * as PostgreSQL's interval aggregates compute them: field-wise sums with its overflow check,
 * the average as interval_div(sum, count), and the order of interval_cmp (30-day months).
 * Intervals are stored as text, which neither sums nor orders; these read each value. They
 * are window functions too: a row leaving the frame is subtracted (sum, avg) or dropped from
 * the queue of the frame's values (min, max: rows leave in the order they came). */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

enum agg_kind { AGG_SUM, AGG_AVG, AGG_MIN, AGG_MAX };

struct iv_state {
	struct pgtype_interval sum;
	int64_t count;                /* non-NULL values in the frame */
	struct pgtype_interval *vals; /* min/max: the frame's values, oldest at head */
	size_t head, cap;
	bool failed; /* an error was raised: nothing more is computed */
};

static bool add(struct pgtype_interval *acc, const struct pgtype_interval *v, int sign)
{
	return !__builtin_add_overflow(acc->month, sign * v->month, &acc->month) &&
	       !__builtin_add_overflow(acc->day, sign * v->day, &acc->day) &&
	       !__builtin_add_overflow(acc->time, sign * v->time, &acc->time);
}

static enum agg_kind kind_of(sqlite3_context *ctx)
{
	return (enum agg_kind)(intptr_t)sqlite3_user_data(ctx);
}

/* The state and argument of a step; NULL when there is nothing to do (a NULL value, an
 * earlier error, or an error raised now). */
static struct iv_state *read_arg(sqlite3_context *ctx, sqlite3_value *v, struct pgtype_interval *iv)
{
	struct iv_state *st = sqlite3_aggregate_context(ctx, sizeof(*st));
	struct pgerr err;
	if (!st) {
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	if (st->failed || sqlite3_value_type(v) == SQLITE_NULL)
		return NULL;
	/* not pgfn_dt_arg: its user data is the connection's, here it is the kind */
	pgerr_clear(&err);
	if (!pgtype_interval_in((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v),
				iv, &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		st->failed = true;
		return NULL;
	}
	return st;
}

static bool push(struct iv_state *st, const struct pgtype_interval *iv)
{
	size_t used = st->head + (size_t)st->count;
	if (used == st->cap) {
		if (st->head) { /* slide the frame down before growing */
			memmove(st->vals, st->vals + st->head, (size_t)st->count * sizeof(*iv));
			st->head = 0;
			used = (size_t)st->count;
		}
		if (used == st->cap) {
			size_t cap = st->cap ? st->cap * 2 : 16;
			struct pgtype_interval *p = realloc(st->vals, cap * sizeof(*p));
			if (!p)
				return false;
			st->vals = p;
			st->cap = cap;
		}
	}
	st->vals[used] = *iv;
	return true;
}

static void step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgtype_interval iv;
	struct iv_state *st = read_arg(ctx, argv[0], &iv);
	(void)argc;
	if (!st)
		return;
	if (kind_of(ctx) <= AGG_AVG ? !add(&st->sum, &iv, 1) : !push(st, &iv)) {
		if (kind_of(ctx) <= AGG_AVG)
			pgfn_error(ctx, "22008", "interval out of range");
		else
			sqlite3_result_error_nomem(ctx);
		st->failed = true;
		return;
	}
	st->count++;
}

static void inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgtype_interval iv;
	struct iv_state *st = read_arg(ctx, argv[0], &iv);
	(void)argc;
	if (!st || !st->count)
		return;
	if (kind_of(ctx) <= AGG_AVG)
		(void)add(&st->sum, &iv, -1); /* it was added before: cannot overflow */
	else
		st->head++;
	st->count--;
}

static void value(sqlite3_context *ctx)
{
	struct iv_state *st = sqlite3_aggregate_context(ctx, 0);
	enum agg_kind kind = kind_of(ctx);
	if (!st || st->failed || !st->count) {
		sqlite3_result_null(ctx); /* an error raised in step stands */
		return;
	}
	struct pgtype_interval r = st->sum;
	if (kind == AGG_AVG)
		r = pgfn_dt_interval_scale(st->sum, (double)st->count, true, NULL);
	for (int64_t i = 0; kind >= AGG_MIN && i < st->count; i++) {
		const struct pgtype_interval *v = &st->vals[st->head + (size_t)i];
		int cmp = i ? pgfn_dt_interval_cmp(v, &r) : 0;
		if (!i || (kind == AGG_MIN ? cmp < 0 : cmp > 0))
			r = *v;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_interval_out(&sb, &r);
	pgfn_result_sb(ctx, &sb, false);
}

static void final(sqlite3_context *ctx)
{
	value(ctx);
	struct iv_state *st = sqlite3_aggregate_context(ctx, 0);
	if (st)
		free(st->vals);
}

int pgfn_register_dtagg(sqlite3 *db)
{
	static const struct {
		const char *name;
		enum agg_kind kind;
	} aggs[] = {
		{"pgfn_interval_sum", AGG_SUM},
		{"pgfn_interval_avg", AGG_AVG},
		{"pgfn_interval_min", AGG_MIN},
		{"pgfn_interval_max", AGG_MAX},
	};
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(aggs); i++)
		rc = sqlite3_create_window_function(
			db, aggs[i].name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
			(void *)(intptr_t)aggs[i].kind, step, final, value, inverse, NULL);
	return rc;
}
