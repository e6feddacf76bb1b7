/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_srf_dt.c: generate_series(start, stop, step interval) over timestamp and timestamptz,
 * in the SRF engine's generator form (pgfn_srf.c): pgfn_series_ts and pgfn_series_tstz. As
 * PostgreSQL's generate_series_timestamp[tz]: each value is the previous one plus the step
 * (months and days on the local time of the session's zone for timestamptz), up to stop. */
#include "pgfn_int.h"

#include <string.h>

/* The scan's state in s->g: g[0] the current value, g[1] the stop, g[2] the direction (1 up,
 * -1 down), g[3] whether values carry a zone; the step and zone in a struct series in the
 * scan's arena, held where the rows form keeps its cells (unused by a generator). */
struct series {
	struct pgtype_interval step;
	const struct pgtype_tz *tz;
};

/* The session's zone and the time 'now' means, from the connection's lent session. */
static struct pgtype_dtenv env_of(const struct pgfn_conn *c)
{
	const struct pgfn_session *s = c ? c->sess : NULL;
	const struct pgtype_tz *tz = s && s->tz ? s->tz : pgtype_tz_utc();
	int64_t now = s && s->txn_start ? s->txn_start : pgtype_now();
	return (struct pgtype_dtenv){tz, now, s ? s->datestyle.order : PGTYPE_ORDER_MDY,
				     PGTYPE_INTERVAL_POSTGRES};
}

/* A timestamp argument in its storage form (or any input form PostgreSQL reads). */
static bool ts_arg(struct pgfn_srf_scan *s, sqlite3_value *v, bool with_tz,
		   const struct pgtype_dtenv *env, int64_t *out)
{
	const char *t = (const char *)sqlite3_value_text(v);
	size_t n = (size_t)sqlite3_value_bytes(v);
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = with_tz ? pgtype_timestamptz_in(t ? t : "", n, env, out, &err)
			  : pgtype_timestamp_in(t ? t : "", n, env, out, &err);
	return ok || pgfn_srf_fail(s, err.sqlstate, "%s", err.message);
}

static bool start(struct pgfn_srf_scan *s, sqlite3_value **args, bool with_tz)
{
	for (int i = 0; i < 3; i++) {
		if (!args[i] || sqlite3_value_type(args[i]) == SQLITE_NULL) {
			s->eof = true; /* strict: no rows for a NULL argument */
			return true;
		}
	}
	struct pgtype_dtenv env = env_of(s->data);
	struct series *x = arena_zalloc(s->a, sizeof(*x));
	const char *t = (const char *)sqlite3_value_text(args[2]);
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_interval_in(t ? t : "", (size_t)sqlite3_value_bytes(args[2]), &x->step, &err))
		return pgfn_srf_fail(s, err.sqlstate, "%s", err.message);
	if (!ts_arg(s, args[0], with_tz, &env, &s->g[0]) ||
	    !ts_arg(s, args[1], with_tz, &env, &s->g[1]))
		return false;
	struct pgtype_interval zero = {0, 0, 0};
	int dir = pgfn_dt_interval_cmp(&x->step, &zero);
	if (dir == 0)
		return pgfn_srf_fail(s, SQLSTATE_INVALID_PARAMETER_VALUE,
				     "step size cannot equal zero");
	x->tz = env.tz;
	s->g[2] = dir;
	s->g[3] = with_tz;
	s->cells = (const char **)(void *)x; /* the generator form leaves cells unused */
	s->eof = dir > 0 ? s->g[0] > s->g[1] : s->g[0] < s->g[1];
	return true;
}

static bool start_ts(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	return start(s, args, false);
}

static bool start_tstz(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	return start(s, args, true);
}

static bool next(struct pgfn_srf_scan *s)
{
	const struct series *x = (const void *)s->cells;
	int64_t ts = s->g[0];
	/* PostgreSQL's timestamp range, as pgfn_dt_check_ts checks it */
	if (!pgfn_dt_add_interval(x->tz, s->g[3] != 0, &ts, x->step) ||
	    ts < INT64_C(-211813488000000000) || ts >= INT64_C(9223371331200000000))
		return pgfn_srf_fail(s, "22008", "timestamp out of range");
	s->g[0] = ts;
	s->eof = s->g[2] > 0 ? ts > s->g[1] : ts < s->g[1];
	return true;
}

/* The value in its storage form (pgtype_dt_store): ISO, a timestamptz in UTC. */
static void column(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col)
{
	(void)col;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_dt_store(&sb, s->g[3] ? PGTYPE_TIMESTAMPTZ : PGTYPE_TIMESTAMP, s->g[0]);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

static const struct pgfn_srf_def defs[] = {
	{"pgfn_series_ts", "value timestamp", 1, 3, start_ts, next, column},
	{"pgfn_series_tstz", "value timestamptz", 1, 3, start_tstz, next, column},
};

int pgfn_register_srf_dt(sqlite3 *db, struct pgfn_conn *c)
{
	return pgfn_srf_define(db, defs, ARRAY_LEN(defs), c);
}
