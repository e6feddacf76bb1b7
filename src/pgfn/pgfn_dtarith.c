/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_dtarith.c: date/time arithmetic as PostgreSQL computes it — timestamp ± interval
 * (months and days in local calendar time, the session's zone for timestamptz), date ±
 * integer, date - date, timestamp - timestamp (justified hours), interval ± * / and their
 * comparison, age, justify_*, make_date/make_time/make_timestamp[tz]/make_interval, and
 * OVERLAPS. */
#include "pgfn_int.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define USECS_PER_DAY PGTYPE_USECS_PER_DAY

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int mdays(int y, int m)
{
	static const int tab[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return tab[m - 1] + (m == 2 && leap(y));
}

static bool arg(sqlite3_context *ctx, sqlite3_value **argv, int i, struct pgfn_dt *v)
{
	return pgfn_dt_arg(ctx, argv[i], (uint32_t)sqlite3_value_int64(argv[i + 1]), v);
}

/* timestamp_pl_interval on a local time: months (clamping the day), then days. */
static bool add_calendar(int64_t *local, int32_t month, int32_t day)
{
	struct pgtype_tm tm;
	if (month) {
		pgtype_ts2tm(*local, &tm);
		int64_t m = (int64_t)tm.year * 12 + (tm.mon - 1) + month;
		tm.year = (int)floor_div(m, 12);
		tm.mon = (int)(m - (int64_t)tm.year * 12) + 1;
		if (tm.mday > mdays(tm.year, tm.mon))
			tm.mday = mdays(tm.year, tm.mon);
		if (!pgtype_tm2ts(&tm, local))
			return false;
	}
	if (day) {
		pgtype_ts2tm(*local, &tm);
		int32_t jd = pgtype_date2j(tm.year, tm.mon, tm.mday) + day;
		pgtype_j2date(jd, &tm.year, &tm.mon, &tm.mday);
		if (!pgtype_tm2ts(&tm, local))
			return false;
	}
	return true;
}

bool pgfn_dt_add_interval(const struct pgtype_tz *tz, bool with_tz, int64_t *ts,
			  struct pgtype_interval iv)
{
	if (!pgfn_dt_finite(*ts))
		return true;
	if (with_tz && (iv.month || iv.day)) {
		int64_t local = *ts + (int64_t)pgtype_tz_offset(tz, *ts) * 1000000;
		if (!add_calendar(&local, iv.month, iv.day))
			return false;
		*ts = pgfn_dt_from_local(tz, local);
	} else if (!add_calendar(ts, iv.month, iv.day)) {
		return false;
	}
	return !__builtin_add_overflow(*ts, iv.time, ts);
}

static bool ts_plus(sqlite3_context *ctx, struct pgfn_dt *v, struct pgtype_interval iv)
{
	if (!pgfn_dt_finite(v->ts)) /* infinity ± an interval stays infinity, as PostgreSQL 15 */
		return true;
	if (!pgfn_dt_add_interval(pgfn_dt_zone(ctx), v->oid == PGTYPE_TIMESTAMPTZ, &v->ts, iv))
		return pgfn_dt_check_ts(ctx, INT64_MAX);
	return pgfn_dt_check_ts(ctx, v->ts);
}

static struct pgtype_interval negate(struct pgtype_interval iv)
{
	return (struct pgtype_interval){-iv.time, -iv.day, -iv.month};
}

/* a + b (sign 1) or a - b (sign -1) for the combinations PostgreSQL has operators for. */
static bool plus(sqlite3_context *ctx, struct pgfn_dt *a, struct pgfn_dt *b, int sign)
{
	if (b->oid == PGTYPE_INTERVAL && a->oid == PGTYPE_INTERVAL) {
		struct pgtype_interval r = sign > 0 ? b->iv : negate(b->iv);
		a->iv.time += r.time;
		a->iv.day += r.day;
		a->iv.month += r.month;
		return true;
	}
	if (b->oid == PGTYPE_INTERVAL && (a->oid == PGTYPE_TIME || a->oid == PGTYPE_TIMETZ)) {
		int64_t t = a->ts + (sign > 0 ? b->iv.time : -b->iv.time);
		a->ts = t - floor_div(t, USECS_PER_DAY) * USECS_PER_DAY;
		return true;
	}
	if (b->oid == PGTYPE_INTERVAL) {
		if (a->oid == PGTYPE_DATE && !pgfn_dt_convert(ctx, a, PGTYPE_TIMESTAMP))
			return false;
		return ts_plus(ctx, a, sign > 0 ? b->iv : negate(b->iv));
	}
	if (sign > 0 && a->oid == PGTYPE_INTERVAL) /* interval + timestamp */
		return plus(ctx, b, a, 1) && (*a = *b, true);
	if (a->oid == PGTYPE_DATE && b->oid == PGTYPE_TIME && sign > 0) { /* datetime_timestamp */
		if (!pgfn_dt_convert(ctx, a, PGTYPE_TIMESTAMP))
			return false;
		if (pgfn_dt_finite(a->ts))
			a->ts += b->ts;
		return true;
	}
	pgfn_error(ctx, SQLSTATE_UNDEFINED_FUNCTION, "operator does not exist: %s %c %s",
		   pgtype_by_oid(a->oid)->sql_name, sign > 0 ? '+' : '-',
		   pgtype_by_oid(b->oid)->sql_name);
	return false;
}

/* *field += n, false past int32 (PostgreSQL's interval out of range) */
static bool add_field(int32_t *field, int64_t n)
{
	int64_t sum = *field + n;
	if (sum < INT32_MIN || sum > INT32_MAX)
		return false;
	*field = (int32_t)sum;
	return true;
}

/* Days and time of opposite signs: one day moves into the time, as PostgreSQL's justify
 * functions end. */
static bool day_time_same_sign(struct pgtype_interval *r)
{
	if (r->day > 0 && r->time < 0) {
		r->time += USECS_PER_DAY;
		r->day--;
	} else if (r->day < 0 && r->time > 0) {
		r->time -= USECS_PER_DAY;
		r->day++;
	}
	return true;
}

/* interval_justify_hours; false when the days overflow */
static bool justify_hours(struct pgtype_interval *r)
{
	int64_t whole = r->time / USECS_PER_DAY;
	r->time -= whole * USECS_PER_DAY;
	if (!add_field(&r->day, whole))
		return false;
	return day_time_same_sign(r);
}

/* interval_justify_days; false when the months overflow */
static bool justify_days(struct pgtype_interval *r)
{
	int32_t whole = r->day / 30;
	r->day -= whole * 30;
	if (!add_field(&r->month, whole))
		return false;
	if (r->month > 0 && r->day < 0) {
		r->day += 30;
		r->month--;
	} else if (r->month < 0 && r->day > 0) {
		r->day -= 30;
		r->month++;
	}
	return true;
}

/* interval_justify_interval */
static bool justify_interval(struct pgtype_interval *r)
{
	if ((r->day > 0 && r->time > 0) || (r->day < 0 && r->time < 0)) {
		int32_t whole = r->day / 30;
		r->day -= whole * 30;
		if (!add_field(&r->month, whole))
			return false;
	}
	int64_t whole = r->time / USECS_PER_DAY;
	r->time -= whole * USECS_PER_DAY;
	if (!add_field(&r->day, whole) || !add_field(&r->month, r->day / 30))
		return false;
	r->day -= r->day / 30 * 30;
	if (r->month > 0 && (r->day < 0 || (r->day == 0 && r->time < 0))) {
		r->day += 30;
		r->month--;
	} else if (r->month < 0 && (r->day > 0 || (r->day == 0 && r->time > 0))) {
		r->day -= 30;
		r->month++;
	}
	return day_time_same_sign(r);
}

/* pg_dt_add(a, a_oid, b, b_oid, sign); integers on either side mean days (date ± int). */
static void fn_add(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt a, b;
	int sign = sqlite3_value_int(argv[4]) < 0 ? -1 : 1;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[2]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t bo = (uint32_t)sqlite3_value_int64(argv[3]);
	bool bint = bo == PGTYPE_INT4 || bo == PGTYPE_INT2 || bo == PGTYPE_INT8;
	if (!arg(ctx, argv, 0, &a))
		return;
	if (bint && a.oid == PGTYPE_DATE) {
		int64_t d = a.date + sign * sqlite3_value_int64(argv[2]);
		if (a.date == PGTYPE_DATE_NOBEGIN || a.date == PGTYPE_DATE_NOEND) {
			pgfn_dt_result(ctx, &a);
			return;
		}
		if (d < -2451545 || d > 2145031948) {
			pgfn_error(ctx, "22008", "date out of range");
			return;
		}
		a.date = (int32_t)d;
		pgfn_dt_result(ctx, &a);
		return;
	}
	if (!arg(ctx, argv, 2, &b) || !plus(ctx, &a, &b, sign))
		return;
	pgfn_dt_result(ctx, &a);
}

/* pg_dt_sub(a, a_oid, b, b_oid): date - date (integer), timestamp - timestamp (interval). */
static void fn_sub(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt a, b;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[2]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!arg(ctx, argv, 0, &a) || !arg(ctx, argv, 2, &b))
		return;
	if (a.oid == PGTYPE_DATE && b.oid == PGTYPE_DATE) {
		bool inf = a.date == PGTYPE_DATE_NOBEGIN || a.date == PGTYPE_DATE_NOEND ||
			   b.date == PGTYPE_DATE_NOBEGIN || b.date == PGTYPE_DATE_NOEND;
		if (inf)
			pgfn_error(ctx, "22008", "cannot subtract infinite dates");
		else
			sqlite3_result_int64(ctx, (int64_t)a.date - b.date);
		return;
	}
	if (a.oid == PGTYPE_DATE) {
		a.oid = PGTYPE_TIMESTAMP;
		a.ts = pgfn_dt_date_ts(a.date);
	}
	if (b.oid == PGTYPE_DATE) {
		b.oid = PGTYPE_TIMESTAMP;
		b.ts = pgfn_dt_date_ts(b.date);
	}
	bool ts_a = a.oid == PGTYPE_TIMESTAMP || a.oid == PGTYPE_TIMESTAMPTZ;
	bool ts_b = b.oid == PGTYPE_TIMESTAMP || b.oid == PGTYPE_TIMESTAMPTZ;
	if ((ts_a && ts_b) || (a.oid == PGTYPE_TIME && b.oid == PGTYPE_TIME)) {
		if (!pgfn_dt_finite(a.ts) || !pgfn_dt_finite(b.ts)) {
			pgfn_error(ctx, "22008", "cannot subtract infinite timestamps");
			return;
		}
		/* PostgreSQL 15's timestamp_mi wraps past int64 (built with -fwrapv) */
		struct pgfn_dt r = {.oid = PGTYPE_INTERVAL,
				    .iv = {(int64_t)((uint64_t)a.ts - (uint64_t)b.ts), 0, 0}};
		if (ts_a && !justify_hours(&r.iv)) { /* cannot fail: int64 usecs in days */
			pgfn_error(ctx, "22008", "interval out of range");
			return;
		}
		pgfn_dt_result(ctx, &r);
		return;
	}
	if (plus(ctx, &a, &b, -1))
		pgfn_dt_result(ctx, &a);
}

int pgfn_dt_interval_cmp(const struct pgtype_interval *x, const struct pgtype_interval *y)
{
	int64_t dx = (int64_t)x->month * 30 + x->day + floor_div(x->time, USECS_PER_DAY);
	int64_t dy = (int64_t)y->month * 30 + y->day + floor_div(y->time, USECS_PER_DAY);
	int64_t tx = x->time - floor_div(x->time, USECS_PER_DAY) * USECS_PER_DAY;
	int64_t ty = y->time - floor_div(y->time, USECS_PER_DAY) * USECS_PER_DAY;
	return dx != dy ? (dx < dy ? -1 : 1) : tx != ty ? (tx < ty ? -1 : 1) : 0;
}

static int64_t as_ts(const struct pgfn_dt *v)
{
	return v->oid == PGTYPE_DATE ? pgfn_dt_date_ts(v->date) : v->ts;
}

/* pg_dt_cmp(a, a_oid, b, b_oid): -1, 0 or 1. */
static void fn_cmp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt a, b;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[2]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!arg(ctx, argv, 0, &a) || !arg(ctx, argv, 2, &b))
		return;
	if ((a.oid == PGTYPE_INTERVAL) != (b.oid == PGTYPE_INTERVAL)) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_FUNCTION, "operator does not exist: %s = %s",
			   pgtype_by_oid(a.oid)->sql_name, pgtype_by_oid(b.oid)->sql_name);
		return;
	}
	if (a.oid == PGTYPE_INTERVAL) {
		sqlite3_result_int(ctx, pgfn_dt_interval_cmp(&a.iv, &b.iv));
		return;
	}
	if (a.oid == PGTYPE_TIMESTAMP && b.oid == PGTYPE_TIMESTAMPTZ)
		a.ts = pgfn_dt_from_local(pgfn_dt_zone(ctx), a.ts);
	if (b.oid == PGTYPE_TIMESTAMP && a.oid == PGTYPE_TIMESTAMPTZ)
		b.ts = pgfn_dt_from_local(pgfn_dt_zone(ctx), b.ts);
	int64_t x = as_ts(&a), y = as_ts(&b);
	sqlite3_result_int(ctx, x < y ? -1 : x > y);
}

struct pgtype_interval pgfn_dt_interval_scale(struct pgtype_interval iv, double f, bool divide,
					      bool *overflow)
{
	struct pgtype_interval r;
	double m = divide ? iv.month / f : iv.month * f, d = divide ? iv.day / f : iv.day * f;
	r.month = (int32_t)m;
	r.day = (int32_t)d;
	double month_rem = rint((m - r.month) * 30 * 1e6) / 1e6;
	double sec_rem = rint((d - r.day + month_rem - (int)month_rem) * 86400 * 1e6) / 1e6;
	bool ok = true;
	if (fabs(sec_rem) >= 86400) {
		ok = add_field(&r.day, (int)(sec_rem / 86400));
		sec_rem -= (int)(sec_rem / 86400) * 86400;
	}
	ok = ok && add_field(&r.day, (int)month_rem); /* interval_mul's pg_add_s32_overflow */
	r.time = (int64_t)rint((divide ? iv.time / f : iv.time * f) + sec_rem * 1e6);
	if (overflow)
		*overflow = !ok;
	return r;
}

/* pg_interval_mul(iv, factor, divide) */
static void fn_mul(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[0], PGTYPE_INTERVAL, &v))
		return;
	double f = sqlite3_value_double(argv[1]);
	bool divide = sqlite3_value_int(argv[2]) != 0;
	if (divide && f == 0) {
		pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		return;
	}
	/* as interval_mul: each field's product must fit its type (a double past it would be
	 * undefined behaviour to convert) */
	double m = divide ? v.iv.month / f : v.iv.month * f,
	       d = divide ? v.iv.day / f : v.iv.day * f;
	double t = divide ? (double)v.iv.time / f : (double)v.iv.time * f;
	if (isnan(f) || isinf(f) || !(m >= -0x1p31 && m < 0x1p31) ||
	    !(d >= -0x1p31 && d < 0x1p31) || !(t >= -0x1p63 && t < 0x1p63)) {
		pgfn_error(ctx, "22008", "interval out of range");
		return;
	}
	bool overflow;
	v.iv = pgfn_dt_interval_scale(v.iv, f, divide, &overflow);
	if (overflow) {
		pgfn_error(ctx, "22008", "interval out of range");
		return;
	}
	pgfn_dt_result(ctx, &v);
}

/* pg_justify(iv, kind): 1 justify_days, 2 justify_hours, 3 justify_interval. */
static void fn_justify(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[0], PGTYPE_INTERVAL, &v))
		return;
	int kind = sqlite3_value_int(argv[1]);
	struct pgtype_interval r = v.iv;
	if (!(kind == 1   ? justify_days(&r)
	      : kind == 2 ? justify_hours(&r)
			  : justify_interval(&r))) {
		pgfn_error(ctx, "22008", "interval out of range");
		return;
	}
	v.iv = r;
	pgfn_dt_result(ctx, &v);
}

/* timestamp_age on two local times. */
static struct pgtype_interval age(int64_t t1, int64_t t2)
{
	struct pgtype_tm a, b;
	pgtype_ts2tm(t1, &a);
	pgtype_ts2tm(t2, &b);
	int s = t1 < t2 ? -1 : 1;
	int64_t usec = s * (a.usec - b.usec), sec = s * (a.sec - b.sec), min = s * (a.min - b.min);
	int64_t hour = s * (a.hour - b.hour), mday = s * (a.mday - b.mday);
	int64_t mon = s * (a.mon - b.mon), year = s * (a.year - b.year);
	const struct pgtype_tm *ref = t1 < t2 ? &a : &b;
	for (; usec < 0; sec--)
		usec += 1000000;
	for (; sec < 0; min--)
		sec += 60;
	for (; min < 0; hour--)
		min += 60;
	for (; hour < 0; mday--)
		hour += 24;
	for (; mday < 0; mon--)
		mday += mdays(ref->year, ref->mon);
	for (; mon < 0; year--)
		mon += 12;
	return (struct pgtype_interval){s * (((hour * 60 + min) * 60 + sec) * 1000000 + usec),
					(int32_t)(s * mday), (int32_t)(s * (year * 12 + mon))};
}

static int64_t local_of(sqlite3_context *ctx, const struct pgfn_dt *v)
{
	return v->oid == PGTYPE_DATE          ? (int64_t)v->date * USECS_PER_DAY
	       : v->oid == PGTYPE_TIMESTAMPTZ ? pgfn_dt_to_local(ctx, v->ts)
					      : v->ts;
}

/* pg_age(a, a_oid [, b, b_oid]): age(a, b), or age(a) from today's midnight. */
static void fn_age(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt a, b;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    (argc > 2 && sqlite3_value_type(argv[2]) == SQLITE_NULL)) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!arg(ctx, argv, 0, &a) || (argc > 2 && !arg(ctx, argv, 2, &b)))
		return;
	int64_t t1, t2 = local_of(ctx, &a);
	if (argc > 2) {
		t1 = t2;
		t2 = local_of(ctx, &b);
	} else {
		int64_t now = pgfn_dt_to_local(ctx, pgfn_dt_txn_start(ctx));
		t1 = floor_div(now, USECS_PER_DAY) * USECS_PER_DAY;
	}
	if (!pgfn_dt_finite(t1) || !pgfn_dt_finite(t2)) {
		pgfn_error(ctx, "22008", "timestamp out of range");
		return;
	}
	struct pgfn_dt r = {.oid = PGTYPE_INTERVAL, .iv = age(t1, t2)};
	pgfn_dt_result(ctx, &r);
}

/* make_date / make_timestamp fields; a negative year means BC. */
static bool make_tm(sqlite3_context *ctx, sqlite3_value **argv, int n, struct pgtype_tm *tm)
{
	memset(tm, 0, sizeof(*tm));
	int y = sqlite3_value_int(argv[0]);
	tm->year = y < 0 ? y + 1 : y;
	tm->mon = sqlite3_value_int(argv[1]);
	tm->mday = sqlite3_value_int(argv[2]);
	if (y == 0 || tm->mon < 1 || tm->mon > 12 || tm->mday < 1 ||
	    tm->mday > mdays(tm->year, tm->mon)) {
		pgfn_error(ctx, "22008", "date field value out of range: %d-%02d-%02d", y,
			   sqlite3_value_int(argv[1]), sqlite3_value_int(argv[2]));
		return false;
	}
	if (n <= 3)
		return true;
	double sec = sqlite3_value_double(argv[5]);
	tm->hour = sqlite3_value_int(argv[3]);
	tm->min = sqlite3_value_int(argv[4]);
	int64_t us = (int64_t)rint(sec * 1e6);
	tm->sec = (int)(us / 1000000);
	tm->usec = (int)(us % 1000000);
	if (tm->hour < 0 || tm->min < 0 || tm->min > 59 || sec < 0 || sec > 60 || tm->hour > 24 ||
	    (tm->hour == 24 && (tm->min || us))) {
		pgfn_error(ctx, "22008", "time field value out of range: %d:%02d:%02g", tm->hour,
			   tm->min, sec);
		return false;
	}
	return true;
}

static bool any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	}
	return false;
}

/* pg_make(oid, fields...): make_date(y,m,d), make_time(h,m,s), make_timestamp(y,m,d,h,mi,s),
 * make_timestamptz(y,m,d,h,mi,s[,zone]), make_interval(y,m,w,d,h,mi,s). */
static void fn_make(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	struct pgfn_dt v = {.oid = oid};
	struct pgtype_tm tm;
	argv++;
	argc--;
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	if (oid == PGTYPE_INTERVAL) {
		/* as PostgreSQL 15 computes it: int32 fields that wrap (it builds with -fwrapv;
		 * make_interval(years => 2147483647) is -1 years), seconds checked only for
		 * inf/NaN (and here for int64 range, where its cast would be undefined) */
		double sec = rint(pgfn_float_arg(argv[6]) * 1e6); /* 'inf' too */
		if (!(sec >= -0x1p63 && sec < 0x1p63)) {
			pgfn_error(ctx, "22008", "interval out of range");
			return;
		}
		uint32_t months = (uint32_t)sqlite3_value_int(argv[0]) * 12u +
				  (uint32_t)sqlite3_value_int(argv[1]);
		uint32_t days = (uint32_t)sqlite3_value_int(argv[2]) * 7u +
				(uint32_t)sqlite3_value_int(argv[3]);
		uint64_t us = (uint64_t)(int64_t)sqlite3_value_int(argv[4]) * UINT64_C(3600000000) +
			      (uint64_t)(int64_t)sqlite3_value_int(argv[5]) * UINT64_C(60000000) +
			      (uint64_t)(int64_t)sec;
		v.iv.month = (int32_t)months;
		v.iv.day = (int32_t)days;
		v.iv.time = (int64_t)us;
		pgfn_dt_result(ctx, &v);
		return;
	}
	if (oid == PGTYPE_TIME) {
		int h = sqlite3_value_int(argv[0]), m = sqlite3_value_int(argv[1]);
		double sec = sqlite3_value_double(argv[2]);
		v.ts = (h * INT64_C(60) + m) * 60000000 + (int64_t)rint(sec * 1e6);
		if (h < 0 || m < 0 || m > 59 || sec < 0 || sec > 60 || v.ts > USECS_PER_DAY) {
			pgfn_error(ctx, "22008", "time field value out of range: %d:%02d:%02g", h,
				   m, sec);
			return;
		}
		pgfn_dt_result(ctx, &v);
		return;
	}
	if (!make_tm(ctx, argv, argc, &tm))
		return;
	if (oid == PGTYPE_DATE) {
		v.date = pgtype_date2j(tm.year, tm.mon, tm.mday) - PGTYPE_POSTGRES_EPOCH_JDATE;
		pgfn_dt_result(ctx, &v);
		return;
	}
	if (!pgtype_tm2ts(&tm, &v.ts)) {
		pgfn_dt_check_ts(ctx, INT64_MAX);
		return;
	}
	if (oid == PGTYPE_TIMESTAMPTZ) {
		const struct pgtype_tz *tz = pgfn_dt_zone(ctx);
		const char *z = argc > 6 ? (const char *)sqlite3_value_text(argv[6]) : NULL;
		/* parse_sane_timezone: a number needs its sign, and at most 15 hours */
		if (z && isdigit((unsigned char)z[0])) {
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "invalid input syntax for type numeric time zone: \"%s\"", z);
			return;
		}
		int h = 0, m = 0, s = 0;
		char end = 0;
		if (z && (z[0] == '+' || z[0] == '-') &&
		    sscanf(z + 1, "%d%c", &h, &end) >= 1) { /* DecodeTimezone: ISO, east */
			size_t nd = strspn(z + 1, "0123456789");
			if (end == ':' && sscanf(z + 1, "%d:%d:%d", &h, &m, &s) < 2)
				m = -1;
			else if (end != ':' && nd > 2) /* hhmm */
				m = h % 100, h /= 100;
			if (h > 15 || m < 0 || m > 59 || s < 0 || s > 59) {
				pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
					   "numeric time zone \"%s\" out of range", z);
				return;
			}
			int east = (z[0] == '-' ? -1 : 1) * ((h * 60 + m) * 60 + s);
			v.ts -= (int64_t)east * 1000000;
			pgfn_dt_result(ctx, &v);
			return;
		}
		int fixed; /* an abbreviation before a zone name, as parse_sane_timezone */
		if (z && pgtype_tz_abbrev_offset(z, &fixed)) {
			v.ts -= (int64_t)fixed * 1000000;
			pgfn_dt_result(ctx, &v);
			return;
		}
		if (z && !(tz = pgtype_tz_abbrev_zone(z)) && !(tz = pgtype_tz_lookup(z))) {
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "time zone \"%s\" not recognized", sqlite3_value_text(argv[6]));
			return;
		}
		v.ts = pgfn_dt_from_local(tz, v.ts);
	}
	pgfn_dt_result(ctx, &v);
}

/* One bound of an OVERLAPS period as microseconds (*null when NULL); an end given as an
 * interval is the start plus it. */
static bool bound(sqlite3_context *ctx, sqlite3_value **argv, int i, const struct pgfn_dt *start,
		  bool start_null, struct pgfn_dt *v, bool *null)
{
	*null = sqlite3_value_type(argv[2 * i]) == SQLITE_NULL;
	if (*null)
		return true;
	if (!arg(ctx, argv, 2 * i, v))
		return false;
	if (v->oid != PGTYPE_INTERVAL || !start)
		return true; /* an interval as a start is refused by the caller */
	struct pgfn_dt iv = *v;
	*null = start_null;
	*v = *start;
	return start_null || (start->oid != PGTYPE_INTERVAL && plus(ctx, v, &iv, 1));
}

/* overlaps_timestamp: (s1, e1) OVERLAPS (s2, e2), with PostgreSQL's NULL rules. */
static int overlaps(int64_t s1, bool n_s1, int64_t e1, bool n_e1, int64_t s2, bool n_s2, int64_t e2,
		    bool n_e2)
{
	int64_t t;
	if (n_s1) {
		if (n_e1)
			return -1;
		s1 = e1;
		n_e1 = true;
	} else if (!n_e1 && s1 > e1) {
		t = s1, s1 = e1, e1 = t;
	}
	if (n_s2) {
		if (n_e2)
			return -1;
		s2 = e2;
		n_e2 = true;
	} else if (!n_e2 && s2 > e2) {
		t = s2, s2 = e2, e2 = t;
	}
	if (s1 > s2)
		return n_e2 ? -1 : s1 < e2 ? 1 : n_e1 ? -1 : 0;
	if (s1 < s2)
		return n_e1 ? -1 : s2 < e1 ? 1 : n_e2 ? -1 : 0;
	return n_e1 || n_e2 ? -1 : 1;
}

/* pg_overlaps(s1, o, e1, o, s2, o, e2, o) */
static void fn_overlaps(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v[4];
	bool null[4];
	(void)argc;
	for (int i = 0; i < 4; i++) {
		if (!bound(ctx, argv, i, i % 2 ? &v[i - 1] : NULL, i % 2 ? null[i - 1] : true,
			   &v[i], &null[i]))
			return;
		if (!null[i] && v[i].oid == PGTYPE_INTERVAL) {
			pgfn_error(ctx, SQLSTATE_UNDEFINED_FUNCTION,
				   "function overlaps with an interval start does not exist");
			return;
		}
	}
	int r = overlaps(as_ts(&v[0]), null[0], as_ts(&v[1]), null[1], as_ts(&v[2]), null[2],
			 as_ts(&v[3]), null[3]);
	if (r < 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int(ctx, r);
}

/* pg_dt_us(x, oid): a date, time, timestamp or timestamptz as microseconds (since
 * 2000-01-01, since midnight for a time): the number a window's RANGE frame offsets by an
 * interval's microseconds (xlat_func.c range_offset); infinities stay the extremes. */
static void fn_us(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[1]), &v))
		return;
	if (v.oid != PGTYPE_DATE)
		sqlite3_result_int64(ctx, v.ts);
	else if (v.date == PGTYPE_DATE_NOBEGIN || v.date == PGTYPE_DATE_NOEND)
		sqlite3_result_int64(ctx, v.date == PGTYPE_DATE_NOEND ? INT64_MAX : INT64_MIN);
	else
		sqlite3_result_int64(ctx, (int64_t)v.date * USECS_PER_DAY);
}

/* COLLATE pgfn_interval: ORDER BY, GREATEST/LEAST of intervals in interval_cmp's order (a
 * month as 30 days, a day as 24 hours), not their text's; text that is no interval sorts
 * after the intervals, bytewise. */
static int collate_interval(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	struct pgtype_interval x, y;
	struct pgerr err;
	bool xa = pgtype_interval_in(a, (size_t)na, &x, &err);
	bool yb = pgtype_interval_in(b, (size_t)nb, &y, &err);
	if (xa && yb)
		return pgfn_dt_interval_cmp(&x, &y);
	if (xa != yb)
		return xa ? -1 : 1;
	int r = memcmp(a, b, (size_t)(na < nb ? na : nb));
	return r ? r : na - nb;
}

/* COLLATE pgfn_timetz: timetz values in timetz_cmp's order -- the UTC time of day first,
 * then the zone's seconds west of UTC -- not their text's. */
static int collate_timetz(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	int64_t ta, tb;
	int32_t ea, eb;
	struct pgerr err;
	bool xa = pgtype_timetz_in(a, (size_t)na, NULL, &ta, &ea, &err);
	bool yb = pgtype_timetz_in(b, (size_t)nb, NULL, &tb, &eb, &err);
	if (xa && yb) {
		int64_t ua = ta - (int64_t)ea * 1000000, ub = tb - (int64_t)eb * 1000000;
		if (ua != ub)
			return ua < ub ? -1 : 1;
		return ea == eb ? 0 : (-ea < -eb ? -1 : 1);
	}
	if (xa != yb)
		return xa ? -1 : 1;
	int r = memcmp(a, b, (size_t)(na < nb ? na : nb));
	return r ? r : na - nb;
}

/* The immutable forms pg_dt_iadd, pg_dt_isub, pg_dt_icmp and pg_interval_imul: what the
 * translator writes into a stored expression (a CHECK, an index's key or predicate, a generated
 * column) for operand types PostgreSQL's IMMUTABLE operators take: not timestamptz ±
 * interval, nor a timestamptz beside a date or timestamp (their zone is the session's).
 * Registered SQLITE_DETERMINISTIC and without the session, so they read the stored ISO texts
 * under the default DateStyle and UTC, which those texts do not depend on; an operand type
 * that would need the session is refused (the translator never writes one). */
static bool immutable_args(sqlite3_context *ctx, sqlite3_value **argv, char op)
{
	uint32_t a = (uint32_t)sqlite3_value_int64(argv[1]);
	uint32_t b = (uint32_t)sqlite3_value_int64(argv[3]);
	bool tz_a = a == PGTYPE_TIMESTAMPTZ, tz_b = b == PGTYPE_TIMESTAMPTZ;
	if (op == '+' ? !(tz_a || tz_b) : tz_a == tz_b)
		return true;
	pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
		   "timestamp with time zone reached an immutable date/time operator");
	return false;
}

static void fn_iadd(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (immutable_args(ctx, argv, '+'))
		fn_add(ctx, argc, argv);
}

static void fn_isub(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (immutable_args(ctx, argv, '-'))
		fn_sub(ctx, argc, argv);
}

static void fn_icmp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (immutable_args(ctx, argv, '='))
		fn_cmp(ctx, argc, argv);
}

int pgfn_register_dtarith(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct pgfn_def immutable[] = {
		{"pg_dt_iadd", 5, fn_iadd},
		{"pg_dt_isub", 4, fn_isub},
		{"pg_dt_icmp", 4, fn_icmp},
		{"pg_interval_imul", 3, fn_mul},
	};
	static const struct pgfn_def fns[] = {
		{"pg_dt_add", 5, fn_add},        {"pg_dt_sub", 4, fn_sub},
		{"pg_dt_cmp", 4, fn_cmp},        {"pg_interval_mul", 3, fn_mul},
		{"pg_justify", 2, fn_justify},   {"pg_age", 2, fn_age},
		{"pg_age", 4, fn_age},           {"pg_make", -1, fn_make},
		{"pg_overlaps", 8, fn_overlaps}, {"pg_dt_us", 2, fn_us},
	};
	int rc = pgfn_define_with(db, fns, ARRAY_LEN(fns), SQLITE_INNOCUOUS, c);
	if (rc == SQLITE_OK)
		rc = pgfn_define(db, immutable, ARRAY_LEN(immutable));
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "pgfn_interval", SQLITE_UTF8, NULL,
					      collate_interval);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "pgfn_timetz", SQLITE_UTF8, NULL, collate_timetz);
	return rc;
}
