/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_sleep.c: pg_sleep(seconds); pg_sleep_for(interval) and pg_sleep_until(timestamptz)
 * are pgfn_sleep(pgfn_sleep_seconds(x, kind)). The waiting itself is the session's (call_fn,
 * PGFN_CALL_SLEEP): it must not hold an event loop, and it ends early on a cancel or
 * statement_timeout as PostgreSQL's does. The answer is void (an empty text, as PostgreSQL
 * prints it). */
#include "pgfn_int.h"

#include <math.h>
#include <time.h>

/* The clock in microseconds since 2000-01-01 UTC. */
static int64_t clock_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return ((int64_t)ts.tv_sec - 946684800) * 1000000 + ts.tv_nsec / 1000;
}

/* pgfn_sleep(seconds): strict (NULL for NULL); NaN or no time at all returns at once, as
 * PostgreSQL's. */
static void fn_sleep(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	const struct pgfn_session *s = c->sess;
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double seconds = pgfn_float_arg(argv[0]);
	if (isnan(seconds) || seconds <= 0) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	if (!s || !s->call_fn) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "pg_sleep is not supported here (no session)");
		return;
	}
	s->call_fn(s->call_arg, ctx, PGFN_CALL_SLEEP, argc, argv);
}

/* pgfn_sleep_seconds(x, kind): the seconds from now to now() + interval x (kind 0: months
 * and days in the session's zone, as PostgreSQL's pg_sleep_for computes it) or to
 * timestamptz x (kind 1); NULL for NULL. */
static void fn_sleep_seconds(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	bool until = sqlite3_value_int(argv[1]) != 0;
	struct pgfn_dt v;
	if (!pgfn_dt_arg(ctx, argv[0], until ? PGTYPE_TIMESTAMPTZ : PGTYPE_INTERVAL, &v))
		return;
	int64_t now = clock_now(), end = now;
	if (until)
		end = v.ts;
	else if (!pgfn_dt_add_interval(pgfn_dt_zone(ctx), true, &end, v.iv))
		end = v.iv.month < 0 || v.iv.day < 0 || v.iv.time < 0 ? now : INT64_MAX;
	sqlite3_result_double(ctx, (double)(end - now) / 1e6);
}

int pgfn_register_sleep(sqlite3 *db, struct pgfn_conn *c)
{
	/* not deterministic, and not innocuous: a view or DEFAULT that sleeps is refused */
	static const struct pgfn_def defs[] = {
		{"pgfn_sleep", 1, fn_sleep},
		{"pgfn_sleep_seconds", 2, fn_sleep_seconds},
	};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), 0, c);
}
