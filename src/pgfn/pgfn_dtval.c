/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_dtval.c: how the date/time functions read their arguments and write their results —
 * stored ISO text (or a literal) into PostgreSQL's integer forms and back — and the session
 * facts (TimeZone, transaction start) lent to each connection by pgfn_lend. */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

static const struct pgfn_session no_session;

const struct pgfn_session *pgfn_dt_session(sqlite3_context *ctx)
{
	const struct pgfn_conn *c = sqlite3_user_data(ctx);
	return c && c->sess ? c->sess : &no_session;
}

const struct pgtype_tz *pgfn_dt_zone(sqlite3_context *ctx)
{
	const struct pgfn_session *s = pgfn_dt_session(ctx);
	return s->tz ? s->tz : pgtype_tz_utc();
}

int64_t pgfn_dt_txn_start(sqlite3_context *ctx)
{
	const struct pgfn_session *s = pgfn_dt_session(ctx);
	return s->txn_start ? s->txn_start : pgtype_now();
}

struct pgtype_dtenv pgfn_dt_env(sqlite3_context *ctx)
{
	const struct pgtype_dtstyle *ds = &pgfn_dt_session(ctx)->datestyle;
	return (struct pgtype_dtenv){pgfn_dt_zone(ctx), pgfn_dt_txn_start(ctx), ds->order,
				     ds->interval};
}

/* The type of a stored value whose static type the translator did not know: the storage
 * forms are distinct enough to tell (date "YYYY-MM-DD", time "HH:MM:SS", timestamp with a
 * space, timestamptz with an offset, interval with unit words; a year outside 1..9999 in
 * pgtype_dt_store's form is told by what follows it). */
uint32_t pgfn_dt_sniff(const char *s, size_t n)
{
	char iso[96];
	size_t year = pgtype_dt_unstore(s, n, iso, sizeof(iso)) ? strcspn(s, "-") : 0;
	if (year >= 5) /* a year outside 1..9999 stored as pgtype_dt_store writes it */
		return pgfn_dt_sniff(s + year - 4, n - year + 4);
	if (n >= 3 &&
	    (s[0] == 'P' || memchr(s, 'y', n) || memchr(s, 'a', n) || memchr(s, 'o', n)) &&
	    !memchr(s, 'i', n))
		return PGTYPE_INTERVAL; /* "1 day", "2 mons", "3 years" (not "infinity") */
	if (memchr(s, 'i', n))
		return PGTYPE_TIMESTAMPTZ; /* "infinity", "-infinity" */
	bool neg = s[0] == '-';
	size_t h = strspn(s + neg, "0123456789");
	if (h && h + neg < n && s[h + neg] == ':') { /* a time, or an interval of hours only */
		if (neg || h > 2 || atoi(s) > 24)
			return PGTYPE_INTERVAL;
		/* a timetz keeps its offset after the time: "10:00:00+02" */
		return memchr(s + 3, '+', n - 3) || memchr(s + 3, '-', n - 3) ? PGTYPE_TIMETZ
									      : PGTYPE_TIME;
	}
	if (n >= 10 && s[4] == '-' && s[7] == '-') {
		if (n == 10 || (n == 13 && s[10] == ' ' && s[11] == 'B'))
			return PGTYPE_DATE;
		const char *t = s + (n > 19 ? 19 : n);
		while (t < s + n && (*t == '.' || (*t >= '0' && *t <= '9')))
			t++;
		return t < s + n && (*t == '+' || *t == '-') ? PGTYPE_TIMESTAMPTZ
							     : PGTYPE_TIMESTAMP;
	}
	return PGTYPE_TIMESTAMPTZ;
}

static const char *type_name(uint32_t oid)
{
	const struct pgtype_info *i = pgtype_by_oid(oid);
	return i ? i->sql_name : "unknown";
}

/* Reads argument v as a value of type oid (0: look at the stored text). Text that is no
 * stored form is read as PostgreSQL input in the session's zone (a literal). */
bool pgfn_dt_arg(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid, struct pgfn_dt *out)
{
	const char *s = (const char *)sqlite3_value_text(v);
	size_t n = (size_t)sqlite3_value_bytes(v);
	struct pgtype_dtenv env = pgfn_dt_env(ctx);
	struct pgerr err;
	bool ok;
	if (!s) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "NULL reached a date/time function");
		return false;
	}
	if (oid == 0 || oid == PGTYPE_TEXT || oid == PGTYPE_UNKNOWN)
		oid = pgfn_dt_sniff(s, n);
	out->oid = oid;
	switch (oid) {
	case PGTYPE_DATE:
		ok = pgtype_date_in(s, n, &env, &out->date, &err);
		break;
	case PGTYPE_TIME:
		ok = pgtype_time_in_env(s, n, &env, &out->ts, &err);
		break;
	case PGTYPE_TIMETZ:
		ok = pgtype_timetz_in(s, n, &env, &out->ts, &out->east, &err);
		break;
	case PGTYPE_TIMESTAMP:
		ok = pgtype_timestamp_in(s, n, &env, &out->ts, &err);
		break;
	case PGTYPE_TIMESTAMPTZ:
		/* stored without an offset (older files): UTC, the zone they were written in */
		env.tz = pgtype_tz_utc();
		ok = pgtype_timestamptz_in(s, n, &env, &out->ts, &err);
		break;
	case PGTYPE_INTERVAL:
		ok = pgtype_interval_in(s, n, &out->iv, &err);
		break;
	default:
		pgfn_error(ctx, SQLSTATE_DATATYPE_MISMATCH, "%s is not a date/time type",
			   type_name(oid));
		return false;
	}
	if (!ok)
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
	return ok;
}

void pgfn_dt_result(sqlite3_context *ctx, const struct pgfn_dt *v)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	switch (v->oid) {
	case PGTYPE_DATE:
		pgtype_dt_store(&sb, v->oid, v->date);
		break;
	case PGTYPE_TIME:
		pgtype_time_out(&sb, v->ts);
		break;
	case PGTYPE_TIMETZ:
		pgtype_timetz_out(&sb, v->ts, v->east);
		break;
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
		pgtype_dt_store(&sb, v->oid, v->ts);
		break;
	default:
		pgtype_interval_out(&sb, &v->iv);
		break;
	}
	sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

bool pgfn_dt_finite(int64_t ts) { return ts != PGTYPE_TS_NOBEGIN && ts != PGTYPE_TS_NOEND; }

bool pgfn_dt_check_ts(sqlite3_context *ctx, int64_t ts)
{
	if (ts >= INT64_C(-211813488000000000) && ts < INT64_C(9223371331200000000))
		return true;
	pgfn_error(ctx, "22008", "timestamp out of range");
	return false;
}

/* A timestamp's local wall-clock time in the session zone, and back. */
int64_t pgfn_dt_to_local(sqlite3_context *ctx, int64_t utc)
{
	if (!pgfn_dt_finite(utc))
		return utc;
	return utc + (int64_t)pgtype_tz_offset(pgfn_dt_zone(ctx), utc) * 1000000;
}

int64_t pgfn_dt_from_local(const struct pgtype_tz *tz, int64_t local)
{
	if (!pgfn_dt_finite(local))
		return local;
	return local - (int64_t)pgtype_tz_local_offset(tz, local) * 1000000;
}
