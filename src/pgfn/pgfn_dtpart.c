/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_dtpart.c: the fields of date/time values — date_trunc (microseconds ... millennium,
 * week; timestamptz truncated in the session's zone or a given one) and extract/date_part
 * with every field PostgreSQL 15 has, extract as numeric with PostgreSQL's scales. */
#include "pgfn_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define USECS_PER_DAY PGTYPE_USECS_PER_DAY

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static const char *sql_name(uint32_t oid)
{
	const struct pgtype_info *i = pgtype_by_oid(oid);
	return i ? i->sql_name : "unknown";
}

enum field {
	F_BAD,
	F_USEC,
	F_MSEC,
	F_SEC,
	F_MIN,
	F_HOUR,
	F_DAY,
	F_WEEK,
	F_MONTH,
	F_QUARTER,
	F_YEAR,
	F_DECADE,
	F_CENTURY,
	F_MILLENNIUM,
	F_DOW,
	F_ISODOW,
	F_DOY,
	F_EPOCH,
	F_JULIAN,
	F_ISOYEAR,
	F_TZ,
	F_TZ_HOUR,
	F_TZ_MINUTE
};

static enum field field_of(const char *s)
{
	static const struct {
		const char *name;
		enum field f;
	} tab[] = { /* datetime.c's deltatktbl and the units of its datetktbl */
		{"c", F_CENTURY},	 {"cent", F_CENTURY},	   {"centuries", F_CENTURY},
		{"century", F_CENTURY},	 {"d", F_DAY},		   {"day", F_DAY},
		{"days", F_DAY},	 {"dec", F_DECADE},	   {"decade", F_DECADE},
		{"decades", F_DECADE},	 {"decs", F_DECADE},	   {"dow", F_DOW},
		{"doy", F_DOY},		 {"epoch", F_EPOCH},	   {"h", F_HOUR},
		{"hour", F_HOUR},	 {"hours", F_HOUR},	   {"hr", F_HOUR},
		{"hrs", F_HOUR},	 {"isodow", F_ISODOW},	   {"isoyear", F_ISOYEAR},
		{"j", F_JULIAN},	 {"jd", F_JULIAN},	   {"julian", F_JULIAN},
		{"m", F_MIN},		 {"microsecon", F_USEC},   {"mil", F_MILLENNIUM},
		{"millennia", F_MILLENNIUM}, {"millennium", F_MILLENNIUM}, {"millisecon", F_MSEC},
		{"mils", F_MILLENNIUM},	 {"min", F_MIN},	   {"mins", F_MIN},
		{"minute", F_MIN},	 {"minutes", F_MIN},	   {"mon", F_MONTH},
		{"mons", F_MONTH},	 {"month", F_MONTH},	   {"months", F_MONTH},
		{"ms", F_MSEC},		 {"msec", F_MSEC},	   {"msecond", F_MSEC},
		{"mseconds", F_MSEC},	 {"msecs", F_MSEC},	   {"qtr", F_QUARTER},
		{"quarter", F_QUARTER},	 {"s", F_SEC},		   {"sec", F_SEC},
		{"second", F_SEC},	 {"seconds", F_SEC},	   {"secs", F_SEC},
		{"timezone", F_TZ},	 {"timezone_h", F_TZ_HOUR}, {"timezone_m", F_TZ_MINUTE},
		{"us", F_USEC},		 {"usec", F_USEC},	   {"usecond", F_USEC},
		{"useconds", F_USEC},	 {"usecs", F_USEC},	   {"w", F_WEEK},
		{"week", F_WEEK},	 {"weeks", F_WEEK},	   {"y", F_YEAR},
		{"year", F_YEAR},	 {"years", F_YEAR},	   {"yr", F_YEAR},
		{"yrs", F_YEAR},
	};
	/* PostgreSQL compares the first TOKMAXLEN (10) characters: "microseconds" is
	 * "microsecon", "timezone_hour" "timezone_h" */
	for (size_t i = 0; s && i < ARRAY_LEN(tab); i++) {
		if (strncasecmp(s, tab[i].name, 10) == 0)
			return tab[i].f;
	}
	return F_BAD;
}

static bool bad_unit(sqlite3_context *ctx, const char *unit, uint32_t oid, bool known)
{
	pgfn_error(ctx, known ? SQLSTATE_FEATURE_NOT_SUPPORTED : SQLSTATE_INVALID_PARAMETER_VALUE,
		   "unit \"%s\" %s for type %s", unit, known ? "not supported" : "not recognized",
		   sql_name(oid));
	return false;
}

/* ISO 8601 week number and week-numbering year of a Julian day. */
static void iso_week(int32_t jd, int *week, int *year)
{
	int y, m, d;
	pgtype_j2date(jd, &y, &m, &d);
	int32_t thursday = jd - (jd % 7) + 3; /* jd % 7 == 0 is a Monday */
	pgtype_j2date(thursday, year, &m, &d);
	*week = (thursday - pgtype_date2j(*year, 1, 1)) / 7 + 1;
	(void)y;
}

int pgfn_iso_week(int32_t jd, int *year)
{
	int w;
	iso_week(jd, &w, year);
	return w;
}

/* date_trunc on a local timestamp. */
static bool trunc_ts(enum field f, int64_t *ts)
{
	struct pgtype_tm tm;
	pgtype_ts2tm(*ts, &tm);
	int w, iy;
	switch (f) {
	case F_MILLENNIUM:
		tm.year = tm.year > 0 ? ((tm.year + 999) / 1000) * 1000 - 999
				      : -((999 - (tm.year - 1)) / 1000) * 1000 + 1;
		/* fallthrough */
	case F_CENTURY:
		if (f == F_CENTURY)
			tm.year = tm.year > 0 ? ((tm.year + 99) / 100) * 100 - 99
					      : -((99 - (tm.year - 1)) / 100) * 100 + 1;
		/* fallthrough */
	case F_DECADE:
		if (f == F_DECADE)
			tm.year = tm.year > 0 ? (tm.year / 10) * 10
					      : -((8 - (tm.year - 1)) / 10) * 10;
		/* fallthrough */
	case F_YEAR:
		tm.mon = 1;
		/* fallthrough */
	case F_QUARTER:
		tm.mon = (3 * ((tm.mon - 1) / 3)) + 1;
		/* fallthrough */
	case F_MONTH:
		tm.mday = 1;
		/* fallthrough */
	case F_DAY:
		tm.hour = 0;
		/* fallthrough */
	case F_HOUR:
		tm.min = 0;
		/* fallthrough */
	case F_MIN:
		tm.sec = 0;
		/* fallthrough */
	case F_SEC:
		tm.usec = 0;
		break;
	case F_MSEC:
		tm.usec = (tm.usec / 1000) * 1000;
		break;
	case F_USEC:
		break;
	case F_WEEK: {
		int32_t jd = pgtype_date2j(tm.year, tm.mon, tm.mday);
		iso_week(jd, &w, &iy);
		jd -= jd % 7; /* back to Monday */
		pgtype_j2date(jd, &tm.year, &tm.mon, &tm.mday);
		tm.hour = tm.min = tm.sec = tm.usec = 0;
		break;
	}
	default:
		return false;
	}
	return pgtype_tm2ts(&tm, ts);
}

static bool trunc_interval(enum field f, struct pgtype_interval *iv)
{
	int64_t t = iv->time;
	switch (f) {
	case F_MILLENNIUM:
		iv->month = iv->month / 12000 * 12000;
		break;
	case F_CENTURY:
		iv->month = iv->month / 1200 * 1200;
		break;
	case F_DECADE:
		iv->month = iv->month / 120 * 120;
		break;
	case F_YEAR:
		iv->month = iv->month / 12 * 12;
		break;
	case F_QUARTER:
		iv->month = iv->month / 3 * 3;
		break;
	case F_MONTH:
		break;
	case F_DAY:
		iv->time = 0;
		return true;
	case F_HOUR:
		iv->time = t / INT64_C(3600000000) * INT64_C(3600000000);
		return true;
	case F_MIN:
		iv->time = t / 60000000 * 60000000;
		return true;
	case F_SEC:
		iv->time = t / 1000000 * 1000000;
		return true;
	case F_MSEC:
		iv->time = t / 1000 * 1000;
		return true;
	case F_USEC:
		return true;
	default:
		return false;
	}
	iv->day = 0;
	iv->time = 0;
	return true;
}

/* pg_date_trunc(field, x, oid [, zone]): a date is truncated as a timestamptz. */
static void fn_date_trunc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *unit = (const char *)sqlite3_value_text(argv[0]);
	struct pgfn_dt v;
	/* strict, as date_trunc(text, timestamptz, text) is: a NULL zone is a NULL result */
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL || !unit ||
	    (argc == 4 && sqlite3_value_type(argv[3]) == SQLITE_NULL)) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[1], (uint32_t)sqlite3_value_int64(argv[2]), &v))
		return;
	enum field f = field_of(unit);
	if (v.oid == PGTYPE_DATE && !pgfn_dt_convert(ctx, &v, PGTYPE_TIMESTAMPTZ))
		return;
	if (v.oid == PGTYPE_INTERVAL) {
		if (!trunc_interval(f, &v.iv)) {
			bad_unit(ctx, unit, v.oid, f != F_BAD);
			return;
		}
		pgfn_dt_result(ctx, &v);
		return;
	}
	if (v.oid == PGTYPE_TIME) {
		pgfn_error(ctx, SQLSTATE_UNDEFINED_FUNCTION,
			   "function date_trunc(unknown, time without time zone) "
			   "does not exist");
		return;
	}
	if (!pgfn_dt_finite(v.ts)) {
		pgfn_dt_result(ctx, &v);
		return;
	}
	const struct pgtype_tz *tz = pgfn_dt_zone(ctx);
	if (argc > 3 && sqlite3_value_type(argv[3]) != SQLITE_NULL) {
		tz = pgtype_tz_lookup((const char *)sqlite3_value_text(argv[3]));
		if (!tz) {
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "time zone \"%s\" not recognized", sqlite3_value_text(argv[3]));
			return;
		}
	}
	int64_t off = v.oid == PGTYPE_TIMESTAMPTZ ? (int64_t)pgtype_tz_offset(tz, v.ts) * 1000000 : 0;
	int64_t local = v.ts + off;
	if (!trunc_ts(f, &local)) {
		bad_unit(ctx, unit, v.oid, f != F_BAD);
		return;
	}
	/* As timestamptz_trunc_internal: below a day the value keeps its own UTC offset (01:30-04
	 * on a fall-back night is 01:00-04, not the later 01:00-05); a day and above take the
	 * offset the truncated local time has. */
	bool redo_zone = f != F_HOUR && f != F_MIN && f != F_SEC && f != F_MSEC && f != F_USEC;
	if (v.oid == PGTYPE_TIMESTAMPTZ)
		v.ts = redo_zone ? pgfn_dt_from_local(tz, local) : local - off;
	else
		v.ts = local;
	pgfn_dt_result(ctx, &v);
}

/* extract/date_part: the value as a decimal (scaled by 10^-scale) for extract's numeric. */
struct part {
	pgfn_wide units; /* the epoch of a timestamp near the end of the range passes int64 */
	int scale;
	int64_t day_usec; /* julian of a timestamp: units is the day, this the time of day */
	bool julian;
};

static bool part_ts(sqlite3_context *ctx, enum field f, const struct pgfn_dt *v, struct part *p)
{
	bool tz = v->oid == PGTYPE_TIMESTAMPTZ;
	int64_t local = tz ? pgfn_dt_to_local(ctx, v->ts) : v->ts;
	struct pgtype_tm tm;
	pgtype_ts2tm(local, &tm);
	int32_t jd = pgtype_date2j(tm.year, tm.mon, tm.mday);
	int year = tm.year > 0 ? tm.year : tm.year - 1, iy;
	int off = tz ? pgtype_tz_offset(pgfn_dt_zone(ctx), v->ts) : 0;
	p->scale = 0;
	p->julian = false;
	switch (f) {
	case F_USEC:
		p->units = tm.sec * INT64_C(1000000) + tm.usec;
		break;
	case F_MSEC:
		p->units = tm.sec * INT64_C(1000000) + tm.usec;
		p->scale = 3;
		break;
	case F_SEC:
		p->units = tm.sec * INT64_C(1000000) + tm.usec;
		p->scale = 6;
		break;
	case F_MIN:
		p->units = tm.min;
		break;
	case F_HOUR:
		p->units = tm.hour;
		break;
	case F_DAY:
		p->units = tm.mday;
		break;
	case F_MONTH:
		p->units = tm.mon;
		break;
	case F_QUARTER:
		p->units = (tm.mon - 1) / 3 + 1;
		break;
	case F_YEAR:
		p->units = year;
		break;
	case F_DECADE:
		p->units = tm.year >= 0 ? tm.year / 10 : -((8 - (tm.year - 1)) / 10);
		break;
	case F_CENTURY: /* BC from the astronomical year, as timestamp_part does */
		p->units = year > 0 ? (year + 99) / 100 : -((99 - (tm.year - 1)) / 100);
		break;
	case F_MILLENNIUM:
		p->units = year > 0 ? (year + 999) / 1000 : -((999 - (tm.year - 1)) / 1000);
		break;
	case F_DOW:
		p->units = tm.wday;
		break;
	case F_ISODOW:
		p->units = tm.wday == 0 ? 7 : tm.wday;
		break;
	case F_DOY:
		p->units = tm.yday;
		break;
	case F_WEEK:
		p->units = pgfn_iso_week(jd, &iy);
		break;
	case F_ISOYEAR:
		pgfn_iso_week(jd, &iy);
		p->units = iy > 0 ? iy : iy - 1;
		break;
	case F_EPOCH:
		p->units = (pgfn_wide)v->ts + INT64_C(946684800000000);
		p->scale = 6;
		break;
	case F_TZ:
	case F_TZ_HOUR:
	case F_TZ_MINUTE:
		if (!tz)
			return bad_unit(ctx,
					f == F_TZ        ? "timezone"
					: f == F_TZ_HOUR ? "timezone_hour"
							 : "timezone_minute",
					v->oid, true);
		p->units = f == F_TZ ? off : f == F_TZ_HOUR ? off / 3600 : off % 3600 / 60;
		break;
	case F_JULIAN: /* jd plus the fraction of the day (put_part) */
		p->units = jd;
		p->day_usec = local - floor_div(local, USECS_PER_DAY) * USECS_PER_DAY;
		p->julian = true;
		break;
	default:
		return false;
	}
	return true;
}

static bool part_interval(enum field f, const struct pgtype_interval *iv, struct part *p)
{
	int64_t t = iv->time;
	p->scale = 0;
	switch (f) {
	case F_USEC:
		p->units = t % 60000000;
		break;
	case F_MSEC:
		p->units = t % 60000000;
		p->scale = 3;
		break;
	case F_SEC:
		p->units = t % 60000000;
		p->scale = 6;
		break;
	case F_MIN:
		p->units = t / 60000000 % 60;
		break;
	case F_HOUR:
		p->units = t / INT64_C(3600000000);
		break;
	case F_DAY:
		p->units = iv->day;
		break;
	case F_MONTH:
		p->units = iv->month % 12;
		break;
	case F_QUARTER:
		p->units = (iv->month % 12) / 3 + 1;
		break;
	case F_YEAR:
		p->units = iv->month / 12;
		break;
	case F_DECADE:
		p->units = iv->month / 120;
		break;
	case F_CENTURY:
		p->units = iv->month / 1200;
		break;
	case F_MILLENNIUM:
		p->units = iv->month / 12000;
		break;
	case F_EPOCH:
		/* 365.25 days a year, 30 days a month, as interval_part does */
		p->units = (pgfn_wide)t + (pgfn_wide)iv->day * USECS_PER_DAY +
			   (pgfn_wide)(iv->month / 12) * INT64_C(31557600000000) +
			   (pgfn_wide)(iv->month % 12) * 30 * USECS_PER_DAY;
		p->scale = 6;
		break;
	default:
		return false;
	}
	return true;
}

/* The julian day of a timestamp as timestamp_part computes it: as numeric, the day plus the
 * time of day in microseconds divided by those of a day (select_div_scale's scale: 28 places
 * at midnight); as float8, the day plus the seconds of the day divided by 86400. */
static void put_julian(sqlite3_context *ctx, const struct part *p, bool numeric)
{
	if (!numeric) {
		double secs = (double)(p->day_usec / 1000000) + (double)(p->day_usec % 1000000) / 1e6;
		sqlite3_result_double(ctx, (double)p->units + secs / 86400.0);
		return;
	}
	struct pgfn_num *v = base_xcalloc(5, sizeof(*v));
	struct pgfn_num *jd = v, *us = v + 1, *day = v + 2, *q = v + 3, *r = v + 4;
	pgfn_num_from_int(jd, (int64_t)p->units);
	pgfn_num_from_int(us, p->day_usec);
	pgfn_num_from_int(day, USECS_PER_DAY);
	if (pgfn_num_div(q, us, day, pgfn_num_div_scale(us, day)) && pgfn_num_add(r, jd, q))
		pgfn_num_result(ctx, r);
	else
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
	free(v);
}

/* mode 0: a double (date_part); 1: numeric as decimal text with the part's scale; 2: numeric
 * as a number (an integer when it has no fraction digits), for SQLite to compare. */
static void put_part(sqlite3_context *ctx, const struct part *p, int mode)
{
	static const int64_t div[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	int64_t d = div[p->scale];
	if (p->julian) {
		put_julian(ctx, p, mode == 1);
		return;
	}
	if (mode == 2 && p->units % d == 0) {
		sqlite3_result_int64(ctx, (int64_t)(p->units / d));
		return;
	}
	if (mode != 1) {
		sqlite3_result_double(ctx, (double)p->units / (double)d);
		return;
	}
	char buf[48];
	pgfn_wide a = p->units < 0 ? -p->units : p->units;
	if (p->scale == 0)
		snprintf(buf, sizeof(buf), "%lld", (long long)p->units);
	else
		snprintf(buf, sizeof(buf), "%s%llu.%0*llu", p->units < 0 ? "-" : "",
			 (unsigned long long)(a / d), p->scale, (unsigned long long)(a % d));
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* A field of infinity or -infinity, as PostgreSQL 15's NonFiniteTimestampTzPart and
 * extract_date answer: the fields that grow with time are infinite too (numeric 'Infinity'
 * as text in mode 1, a double otherwise), the others NULL; an unknown unit is refused. */
static void put_nonfinite(sqlite3_context *ctx, enum field f, bool neg, int mode,
			  const char *unit, uint32_t oid)
{
	switch (f) {
	case F_YEAR:
	case F_DECADE:
	case F_CENTURY:
	case F_MILLENNIUM:
	case F_JULIAN:
	case F_ISOYEAR:
	case F_EPOCH:
		if (mode == 1)
			sqlite3_result_text(ctx, neg ? "-Infinity" : "Infinity", -1, SQLITE_STATIC);
		else
			sqlite3_result_double(ctx, neg ? -INFINITY : INFINITY);
		return;
	case F_BAD:
		bad_unit(ctx, unit, oid, false);
		return;
	default: /* the zone fields too, even of a timestamp without one */
		sqlite3_result_null(ctx);
		return;
	}
}

/* pg_extract(field, x, oid, mode): date_part (float8, mode 0) or extract (numeric, as text
 * with its scale in mode 1, as a number in mode 2: put_part). */
static void fn_extract(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *unit = (const char *)sqlite3_value_text(argv[0]);
	int mode = sqlite3_value_int(argv[3]);
	struct pgfn_dt v;
	struct part p = {0};
	(void)argc;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL || !unit) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[1], (uint32_t)sqlite3_value_int64(argv[2]), &v))
		return;
	enum field f = field_of(unit);
	bool ok;
	switch (v.oid) {
	case PGTYPE_INTERVAL:
		if (f == F_EPOCH && mode == 0) { /* date_part sums doubles, in interval_part's order */
			double r = (double)v.iv.time / 1000000.0;
			r += (365.25 * 86400.0) * (double)(v.iv.month / 12);
			r += (30.0 * 86400.0) * (double)(v.iv.month % 12);
			r += 86400.0 * (double)v.iv.day;
			sqlite3_result_double(ctx, r);
			return;
		}
		ok = part_interval(f, &v.iv, &p);
		break;
	case PGTYPE_TIME:
		v.oid = PGTYPE_TIMESTAMP; /* the fields of a time are those of 2000-01-01 then */
		ok = (f <= F_HOUR || f == F_EPOCH) && part_ts(ctx, f, &v, &p);
		if (ok && f == F_EPOCH) /* the seconds since midnight, not since 1970 */
			p.units -= INT64_C(946684800000000);
		v.oid = PGTYPE_TIME;
		break;
	case PGTYPE_TIMETZ: /* as a time, plus its zone; the epoch is UTC's time of day */
		if (f >= F_TZ) {
			p.units = f == F_TZ ? v.east : f == F_TZ_HOUR ? v.east / 3600 : v.east % 3600 / 60;
			ok = true;
			break;
		}
		v.oid = PGTYPE_TIMESTAMP;
		ok = (f <= F_HOUR || f == F_EPOCH) && part_ts(ctx, f, &v, &p);
		if (ok && f == F_EPOCH)
			p.units -= INT64_C(946684800000000) + (int64_t)v.east * 1000000;
		v.oid = PGTYPE_TIMETZ;
		break;
	case PGTYPE_DATE:
		if (f == F_USEC || f == F_MSEC || f == F_SEC || f == F_MIN || f == F_HOUR ||
		    f >= F_TZ) {
			bad_unit(ctx, unit, v.oid, f != F_BAD);
			return;
		}
		if (v.date == PGTYPE_DATE_NOBEGIN || v.date == PGTYPE_DATE_NOEND) {
			put_nonfinite(ctx, f, v.date == PGTYPE_DATE_NOBEGIN, mode, unit, v.oid);
			return;
		}
		v.oid = PGTYPE_TIMESTAMP;
		v.ts = pgfn_dt_date_ts(v.date);
		ok = part_ts(ctx, f, &v, &p);
		if (f == F_EPOCH && ok) {
			p.units /= 1000000;
			p.scale = 0;
		}
		p.julian = false; /* date_part of a date: the day number, an integer */
		v.oid = PGTYPE_DATE;
		break;
	default:
		if (!pgfn_dt_finite(v.ts)) {
			put_nonfinite(ctx, f, v.ts == PGTYPE_TS_NOBEGIN, mode, unit, v.oid);
			return;
		}
		ok = part_ts(ctx, f, &v, &p);
		break;
	}
	if (!ok) {
		if (!sqlite3_errcode(sqlite3_context_db_handle(ctx)))
			bad_unit(ctx, unit, v.oid, f != F_BAD);
		return;
	}
	put_part(ctx, &p, mode);
}

/* The immutable forms pg_date_itrunc(unit, x, oid) and pg_iextract(unit, x, oid, mode): what
 * the translator writes into a stored expression (an index key, a generated column) for a
 * date, time, timestamp or interval value, whose date_trunc and extract PostgreSQL marks
 * IMMUTABLE (a timestamptz's read the session's zone: STABLE). Registered
 * SQLITE_DETERMINISTIC and without the session; another type is refused (the translator
 * never writes one). */
static bool immutable_part(sqlite3_context *ctx, sqlite3_value *oid)
{
	uint32_t o = (uint32_t)sqlite3_value_int64(oid);
	if (o == PGTYPE_DATE || o == PGTYPE_TIME || o == PGTYPE_TIMESTAMP || o == PGTYPE_INTERVAL)
		return true;
	pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
		   "a value of another type reached an immutable date/time function");
	return false;
}

static void fn_date_itrunc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (immutable_part(ctx, argv[2]))
		fn_date_trunc(ctx, argc, argv);
}

static void fn_iextract(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (immutable_part(ctx, argv[2]))
		fn_extract(ctx, argc, argv);
}

int pgfn_register_dtpart(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct pgfn_def fns[] = {
		{"pg_date_trunc", 3, fn_date_trunc},
		{"pg_date_trunc", 4, fn_date_trunc},
		{"pg_extract", 4, fn_extract},
	};
	static const struct pgfn_def immutable[] = {
		{"pg_date_itrunc", 3, fn_date_itrunc},
		{"pg_iextract", 4, fn_iextract},
	};
	int rc = pgfn_define_with(db, fns, ARRAY_LEN(fns), SQLITE_INNOCUOUS, c);
	return rc == SQLITE_OK ? pgfn_define(db, immutable, ARRAY_LEN(immutable)) : rc;
}
