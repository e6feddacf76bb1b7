/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_datetime.c: date, time, timetz, timestamp and timestamptz input — the fields
 * pgtype_dtdecode.c reads made into values, with PostgreSQL's 22007/22008/22009/22023 errors.
 * The calendar and output are in pgtype_calendar.c. */
#include "pgtype_int.h"

#include <string.h>

#define EPOCH_TS INT64_C(-946684800000000) /* 1970-01-01 00:00 */

static bool dt_error(enum pgtype_dterr e, const struct pgtype_dtres *r, const char *type,
		     const char *s, size_t n, struct pgerr *err)
{
	switch (e) {
	case PGTYPE_DT_ZONE:
		return pgerr_set(err, "22023", "time zone \"%s\" not recognized", r->bad_zone);
	case PGTYPE_DT_FIELD_OVERFLOW:
	case PGTYPE_DT_MD_OVERFLOW:
		pgerr_set(err, "22008", "date/time field value out of range: \"%.*s\"", (int)n, s);
		if (e == PGTYPE_DT_MD_OVERFLOW)
			pgerr_hint(err, "Perhaps you need a different \"datestyle\" setting.");
		return false;
	case PGTYPE_DT_TZDISP_OVERFLOW:
		return pgerr_set(err, "22009", "time zone displacement out of range: \"%.*s\"",
				 (int)n, s);
	default:
		return pgerr_set(err, "22007", "invalid input syntax for type %s: \"%.*s\"", type,
				 (int)n, s);
	}
}

/* The stored form of a year outside 1..9999 (pgtype_dtstore.c) read as its ISO text. */
static void unstore(const char **s, size_t *n, char *buf, size_t cap)
{
	size_t k = pgtype_dt_unstore(*s, *n, buf, cap);
	if (k) {
		*s = buf;
		*n = k;
	}
}

/* timestamp_in and timestamptz_in: the decoded fields as a UTC instant (with_tz) or the
 * wall-clock value; out of range is 22008 "timestamp out of range". */
static bool ts_in(const char *s, size_t n, const struct pgtype_dtenv *env, bool with_tz,
		  int64_t *out, struct pgerr *err)
{
	struct pgtype_dtres r;
	enum pgtype_dterr e = pgtype_dt_decode(s, n, env, false, &r);
	if (e)
		return dt_error(e, &r, with_tz ? "timestamp with time zone" : "timestamp", s, n,
				err);
	switch (r.kind) {
	case PGTYPE_DTK_EPOCH:
		*out = EPOCH_TS;
		return true;
	case PGTYPE_DTK_LATE:
		*out = PGTYPE_TS_NOEND;
		return true;
	case PGTYPE_DTK_EARLY:
		*out = PGTYPE_TS_NOBEGIN;
		return true;
	default:
		break;
	}
	int64_t local;
	if (!pgtype_dt_local(&r.tm, &local))
		return pgerr_set(err, "22008", "timestamp out of range: \"%.*s\"", (int)n, s);
	*out = with_tz ? local - (int64_t)r.east * 1000000 : local;
	if (*out < PGTYPE_MIN_TS || *out >= PGTYPE_END_TS)
		return pgerr_set(err, "22008", "timestamp out of range: \"%.*s\"", (int)n, s);
	return true;
}

bool pgtype_timestamp_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			 struct pgerr *err)
{
	int off;
	char iso[96];
	unstore(&s, &n, iso, sizeof(iso));
	if (pgtype_iso_ts_in(s, n, out, &off))
		return true; /* an offset is ignored, as below */
	return ts_in(s, n, env, false, out, err);
}

bool pgtype_timestamptz_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			   struct pgerr *err)
{
	int off;
	int64_t local;
	char iso[96];
	unstore(&s, &n, iso, sizeof(iso));
	if (!pgtype_iso_ts_in(s, n, &local, &off))
		return ts_in(s, n, env, true, out, err);
	if (off == INT32_MIN)
		off = pgtype_tz_local_offset(env && env->tz ? env->tz : pgtype_tz_utc(), local);
	*out = local - (int64_t)off * 1000000;
	if (*out < PGTYPE_MIN_TS || *out >= PGTYPE_END_TS)
		return pgerr_set(err, "22008", "timestamp out of range: \"%.*s\"", (int)n, s);
	return true;
}

bool pgtype_date_in(const char *s, size_t n, const struct pgtype_dtenv *env, int32_t *out,
		    struct pgerr *err)
{
	struct pgtype_dtres r;
	char iso[96];
	unstore(&s, &n, iso, sizeof(iso));
	enum pgtype_dterr e = pgtype_dt_decode(s, n, env, false, &r);
	if (e)
		return dt_error(e, &r, "date", s, n, err);
	switch (r.kind) {
	case PGTYPE_DTK_EPOCH:
		*out = (int32_t)(EPOCH_TS / PGTYPE_USECS_PER_DAY);
		return true;
	case PGTYPE_DTK_LATE:
		*out = PGTYPE_DATE_NOEND;
		return true;
	case PGTYPE_DTK_EARLY:
		*out = PGTYPE_DATE_NOBEGIN;
		return true;
	default:
		break;
	}
	const struct pgtype_tm *tm = &r.tm;
	if (tm->year < -4713 || tm->year > 5874897 ||
	    pgtype_date2j(tm->year, tm->mon, tm->mday) < 0) /* before 4714-11-24 BC */
		return pgerr_set(err, "22008", "date out of range: \"%.*s\"", (int)n, s);
	*out = pgtype_date2j(tm->year, tm->mon, tm->mday) - PGTYPE_POSTGRES_EPOCH_JDATE;
	return true;
}

bool pgtype_time_in(const char *s, size_t n, int64_t *out, struct pgerr *err)
{
	return pgtype_time_in_env(s, n, NULL, out, err);
}

bool pgtype_time_in_env(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			struct pgerr *err)
{
	struct pgtype_dtres r;
	enum pgtype_dterr e = pgtype_dt_decode(s, n, env, true, &r);
	if (e)
		return dt_error(e, &r, "time", s, n, err);
	*out = ((r.tm.hour * INT64_C(60) + r.tm.min) * 60 + r.tm.sec) * 1000000 + r.tm.usec;
	return true;
}

/* timetz_in: a time and a zone; without one the zone is env's (PostgreSQL's session TimeZone)
 * at the given date, or today. An offset is kept as given, a named zone becomes its offset. */
bool pgtype_timetz_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *time,
		      int32_t *east, struct pgerr *err)
{
	struct pgtype_dtres r;
	enum pgtype_dterr e = pgtype_dt_decode(s, n, env, true, &r);
	if (e)
		return dt_error(e, &r, "time with time zone", s, n, err);
	*time = ((r.tm.hour * INT64_C(60) + r.tm.min) * 60 + r.tm.sec) * 1000000 + r.tm.usec;
	*east = r.east;
	return true;
}
