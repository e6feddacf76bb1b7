/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_datetime.c: PostgreSQL's date/time functions as SQLite functions — casts between the
 * date/time types and text (with validation, in the session's TimeZone), now() and the
 * CURRENT_* values (stable within a transaction), AT TIME ZONE. date_trunc and extract are
 * in pgfn_dtpart.c, arithmetic, age and make_* in pgfn_dtarith.c, to_char in pgfn_tochar.c. The
 * translator passes the static type OIDs of the arguments (0: look at the value). */
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

static bool is_texty(uint32_t oid)
{
	return oid == PGTYPE_TEXT || oid == PGTYPE_UNKNOWN || oid == PGTYPE_VARCHAR ||
	       oid == PGTYPE_BPCHAR;
}

static const char *sql_name(uint32_t oid)
{
	const struct pgtype_info *i = pgtype_by_oid(oid);
	return i ? i->sql_name : "unknown";
}

/* The first date a timestamp cannot hold, 294277-01-01, in days from 2000-01-01. */
#define DATE_END_TS (109203528 - 2451545)

int64_t pgfn_dt_date_ts(int32_t d)
{
	return d == PGTYPE_DATE_NOBEGIN ? PGTYPE_TS_NOBEGIN
	       : d >= DATE_END_TS       ? PGTYPE_TS_NOEND /* date2timestamp_no_overflow's */
					: (int64_t)d * USECS_PER_DAY;
}

static int32_t ts_date(int64_t ts)
{
	return ts == PGTYPE_TS_NOBEGIN ? PGTYPE_DATE_NOBEGIN
	       : ts == PGTYPE_TS_NOEND ? PGTYPE_DATE_NOEND
				       : (int32_t)floor_div(ts, USECS_PER_DAY);
}

/* time → timetz takes the session zone's offset on the transaction's date (PostgreSQL's
 * time_timetz); timestamptz → timetz its local time and the offset at that instant. */
static bool to_timetz(sqlite3_context *ctx, struct pgfn_dt *v, int64_t local)
{
	const struct pgtype_tz *tz = pgfn_dt_zone(ctx);
	uint32_t from = v->oid;
	if (from == PGTYPE_TIME) {
		int64_t today = pgfn_dt_to_local(ctx, pgfn_dt_txn_start(ctx));
		int64_t day = floor_div(today, USECS_PER_DAY);
		v->east = pgtype_tz_local_offset(tz, day * USECS_PER_DAY + v->ts);
	} else if (from == PGTYPE_TIMESTAMPTZ && pgfn_dt_finite(v->ts)) {
		v->east = pgtype_tz_offset(tz, v->ts);
		v->ts = local - floor_div(local, USECS_PER_DAY) * USECS_PER_DAY;
	} else {
		pgfn_error(ctx, "42846", "cannot cast type %s to %s", sql_name(from),
			   sql_name(PGTYPE_TIMETZ));
		return false;
	}
	v->oid = PGTYPE_TIMETZ;
	return true;
}

bool pgfn_dt_convert(sqlite3_context *ctx, struct pgfn_dt *v, uint32_t to)
{
	const struct pgtype_tz *tz = pgfn_dt_zone(ctx);
	uint32_t from = v->oid;
	int64_t local = from == PGTYPE_TIMESTAMPTZ ? pgfn_dt_to_local(ctx, v->ts)
			: from == PGTYPE_DATE      ? pgfn_dt_date_ts(v->date)
						   : v->ts;
	if (from == to)
		return true;
	if (from == PGTYPE_DATE && v->date != PGTYPE_DATE_NOEND && v->date >= DATE_END_TS &&
	    (to == PGTYPE_TIMESTAMP || to == PGTYPE_TIMESTAMPTZ)) {
		pgfn_error(ctx, "22008", "date out of range for timestamp");
		return false;
	}
	if (to == PGTYPE_TIMETZ)
		return to_timetz(ctx, v, local);
	v->oid = to;
	switch (to) {
	case PGTYPE_DATE:
		if (from == PGTYPE_TIME || from == PGTYPE_TIMETZ || from == PGTYPE_INTERVAL)
			break;
		v->date = ts_date(local);
		return true;
	case PGTYPE_TIMESTAMP:
		if (from == PGTYPE_TIME || from == PGTYPE_TIMETZ || from == PGTYPE_INTERVAL)
			break;
		v->ts = local;
		return true;
	case PGTYPE_TIMESTAMPTZ:
		if (from == PGTYPE_TIME || from == PGTYPE_TIMETZ || from == PGTYPE_INTERVAL)
			break;
		v->ts = pgfn_dt_from_local(tz, local);
		if (pgfn_dt_finite(v->ts) && v->ts < INT64_C(-211813488000000000)) {
			/* the zone moved the first day before the first timestamp */
			pgfn_error(ctx, "22008", "%s",
				   from == PGTYPE_DATE ? "date out of range for timestamp"
						       : "timestamp out of range");
			return false;
		}
		return true;
	case PGTYPE_TIME:
		if (from == PGTYPE_DATE || !pgfn_dt_finite(local))
			break;
		v->ts = from == PGTYPE_INTERVAL
				? v->iv.time - floor_div(v->iv.time, USECS_PER_DAY) * USECS_PER_DAY
				: local - floor_div(local, USECS_PER_DAY) * USECS_PER_DAY;
		return true;
	case PGTYPE_INTERVAL:
		if (from != PGTYPE_TIME)
			break;
		v->iv = (struct pgtype_interval){v->ts, 0, 0};
		return true;
	default:
		break;
	}
	pgfn_error(ctx, "42846", "cannot cast type %s to %s", sql_name(from), sql_name(to));
	return false;
}

/* Text output of v, timestamptz in the session's zone, dates and timestamps in its
 * DateStyle, intervals in its IntervalStyle (what ::text shows). */
static void result_text(sqlite3_context *ctx, const struct pgfn_dt *v)
{
	const struct pgtype_dtstyle *ds = &pgfn_dt_session(ctx)->datestyle;
	if (v->oid != PGTYPE_TIMESTAMPTZ && v->oid != PGTYPE_TIMESTAMP && v->oid != PGTYPE_DATE &&
	    (v->oid != PGTYPE_INTERVAL || ds->interval == PGTYPE_INTERVAL_POSTGRES)) {
		pgfn_dt_result(ctx, v);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (v->oid == PGTYPE_INTERVAL)
		pgtype_interval_out_style(&sb, &v->iv, ds->interval);
	else
		pgtype_dt_out_styled(&sb, v->oid, v->oid == PGTYPE_DATE ? v->date : v->ts,
				     pgfn_dt_zone(ctx), ds);
	sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* pg_dt_cast(x, from_oid, to_oid): text is read as input of the target type (in the
 * session's zone, 22007/22008 on bad input), date/time values are converted. Text (a client's)
 * in a BC date's stored form is 22007 as in PostgreSQL; from_oid unknown marks text the
 * translator made of stored values, which may hold it. */
static void fn_cast(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t from = (uint32_t)sqlite3_value_int64(argv[1]);
	uint32_t to = (uint32_t)sqlite3_value_int64(argv[2]);
	struct pgfn_dt v;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (is_texty(to)) {
		if (pgfn_dt_arg(ctx, argv[0], from, &v))
			result_text(ctx, &v);
		return;
	}
	if (is_texty(from) || sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		const char *s = (const char *)sqlite3_value_text(argv[0]);
		struct strbuf sb;
		struct pgerr err;
		struct pgtype_value out;
		struct pgtype_dtenv env = pgfn_dt_env(ctx);
		struct arena *a = arena_new(0);
		strbuf_init(&sb, 0);
		size_t n = (size_t)sqlite3_value_bytes(argv[0]);
		if ((!is_texty(from) || from == PGTYPE_UNKNOWN ||
		     pgtype_dt_client_text(to, s, n, &err)) &&
		    pgtype_decode_text_env(to, s, n, &env, a, &out, &err))
			sqlite3_result_text(ctx, out.p, (int)out.n, SQLITE_TRANSIENT);
		else
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
		strbuf_fini(&sb);
		arena_free(a);
		return;
	}
	if (pgfn_dt_arg(ctx, argv[0], from, &v) && pgfn_dt_convert(ctx, &v, to))
		pgfn_dt_result(ctx, &v);
}

/* Whether a cast between date/time types from and to reads no session setting: PostgreSQL's
 * IMMUTABLE ones (timestamp::date, date::timestamp, timestamp::time, interval::time ...). */
static bool immutable_cast(uint32_t from, uint32_t to)
{
	static const uint32_t plain[] = {PGTYPE_DATE, PGTYPE_TIME, PGTYPE_TIMESTAMP,
					 PGTYPE_INTERVAL};
	bool f = false, t = false;
	for (size_t i = 0; i < ARRAY_LEN(plain); i++) {
		f |= from == plain[i];
		t |= to == plain[i];
	}
	return f && t;
}

/* pg_dt_icast(x, from_oid, to_oid): pg_dt_cast's immutable form, which the translator writes
 * into a stored expression (an index key, a generated column) for such a cast; registered
 * SQLITE_DETERMINISTIC and without the session (pgfn_dtarith.c's pg_dt_iadd is its model). */
static void fn_icast(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (!immutable_cast((uint32_t)sqlite3_value_int64(argv[1]),
			    (uint32_t)sqlite3_value_int64(argv[2]))) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR,
			   "a cast that reads the session reached pg_dt_icast");
		return;
	}
	fn_cast(ctx, argc, argv);
}

static int64_t round_to(int64_t t, int prec)
{
	static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10};
	if (prec < 0 || prec >= 6)
		return t;
	return (t + scale[prec] / 2) / scale[prec] * scale[prec];
}

/* A timetz's stored text: the local time and its zone's offset (seconds east of UTC). */
static void result_timetz(sqlite3_context *ctx, int64_t time, int east)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_time_out(&sb, time);
	int a = east < 0 ? -east : east;
	strbuf_printf(&sb, "%c%02d", east < 0 ? '-' : '+', a / 3600);
	if (a % 3600)
		strbuf_printf(&sb, ":%02d", a % 3600 / 60);
	if (a % 60)
		strbuf_printf(&sb, ":%02d", a % 60);
	sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* A timestamptz's stored text (UTC, the same in every zone) for the instant ts; the last one
 * written is kept per thread: an INSERT that gives a DEFAULT now() column the transaction's
 * start (src/xlat/xlat_txnnow.c) asks for the same instant row after row, and the text costs
 * about 1,500 instructions to write. Autocommit inserts each have their own start, mostly
 * within the same second as the last: the kept text's date and time of day up to the second
 * ("2026-11-23 19:20:05", UTC) is reused and only the fraction and "+00" are written. */
static void result_timestamptz(sqlite3_context *ctx, int64_t ts)
{
	enum { HEAD = 19 }; /* "YYYY-MM-DD HH:MM:SS" */
	static _Thread_local struct {
		int64_t ts;
		int len;   /* 0: nothing kept */
		bool head; /* text[0..HEAD) is a four-digit year's date and time to the second */
		char text[48];
	} last;
	if (last.len != 0 && last.ts != ts && last.head && ts >= 0 && last.ts >= 0 &&
	    ts / 1000000 == last.ts / 1000000) {
		int n = HEAD;
		int64_t usec = ts % 1000000;
		if (usec) {
			char frac[7] = {'.'};
			int flen = 6;
			for (int i = 6; i > 0; i--, usec /= 10)
				frac[i] = (char)('0' + usec % 10);
			while (frac[flen] == '0')
				flen--;
			memcpy(last.text + n, frac, (size_t)flen + 1);
			n += flen + 1;
		}
		memcpy(last.text + n, "+00", 3);
		last.len = n + 3;
		last.ts = ts;
	} else if (last.len == 0 || last.ts != ts) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_dt_store(&sb, PGTYPE_TIMESTAMPTZ, ts);
		bool fits = !sb.failed && sb.len < sizeof(last.text);
		if (fits)
			memcpy(last.text, sb.data, sb.len);
		last.len = fits ? (int)sb.len : 0;
		last.ts = ts;
		/* the fast path above rewrites what follows the second: only where the text is
		 * exactly HEAD characters, then an optional fraction and the UTC offset */
		last.head = fits && sb.len >= HEAD + 3 && sb.data[4] == '-' &&
			    sb.data[HEAD - 3] == ':' &&
			    (sb.data[HEAD] == '.' || sb.data[HEAD] == '+') &&
			    memcmp(sb.data + sb.len - 3, "+00", 3) == 0 &&
			    (sb.data[HEAD] == '+' ? sb.len == HEAD + 3 : true);
		if (!fits)
			sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len,
					    SQLITE_TRANSIENT);
		strbuf_fini(&sb);
		if (!fits)
			return;
	}
	sqlite3_result_text(ctx, last.text, last.len, SQLITE_TRANSIENT);
}

/* pg_current(oid, precision, kind): the current time as current_timestamp (1184),
 * localtimestamp (1114), current_date (1082), localtime (1083) or current_time (1266);
 * kind 0 = transaction start, 1 = statement start, 2 = the clock. */
static void fn_current(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	int prec = sqlite3_value_int(argv[1]);
	int kind = argc > 2 ? sqlite3_value_int(argv[2]) : 0;
	const struct pgfn_session *s = pgfn_dt_session(ctx);
	int64_t now = kind == 0                    ? pgfn_dt_txn_start(ctx)
		      : kind == 1 && s->stmt_start ? s->stmt_start
						   : pgtype_now();
	now = round_to(now, prec);
	if (oid == PGTYPE_TIMESTAMPTZ) {
		result_timestamptz(ctx, now);
		return;
	}
	int off = pgtype_tz_offset(pgfn_dt_zone(ctx), now);
	int64_t local = now + (int64_t)off * 1000000;
	struct pgfn_dt v = {.oid = oid, .ts = local};
	switch (oid) {
	case PGTYPE_DATE:
		v.date = (int32_t)floor_div(local, USECS_PER_DAY);
		break;
	case PGTYPE_TIMESTAMPTZ:
		v.ts = now;
		break;
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
		v.oid = PGTYPE_TIME;
		v.ts = local - floor_div(local, USECS_PER_DAY) * USECS_PER_DAY;
		break;
	default:
		break;
	}
	if (oid != PGTYPE_TIMETZ)
		pgfn_dt_result(ctx, &v);
	else
		result_timetz(ctx, v.ts, off);
}

/* pg_timezone(zone, x, oid): x AT TIME ZONE zone. A number is a POSIX offset there (west
 * positive), unlike SET TimeZone. */
static void fn_timezone(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *zone = (const char *)sqlite3_value_text(argv[0]);
	struct pgfn_dt v;
	(void)argc;
	if (!zone || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	char posix[80];
	if ((zone[0] >= '0' && zone[0] <= '9') || zone[0] == '+' || zone[0] == '-') {
		snprintf(posix, sizeof(posix), "<%.30s>%.30s", zone, zone);
		zone = posix;
	}
	int off;
	if (pgtype_tz_abbrev_offset(zone, &off)) { /* an abbreviation is a fixed offset */
		snprintf(posix, sizeof(posix), "%g", off / 3600.0);
		zone = posix;
	}
	const struct pgtype_tz *tz = pgtype_tz_abbrev_zone(zone); /* MSK: Europe/Moscow's */
	if (!tz)
		tz = pgtype_tz_lookup(zone);
	if (!tz) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "time zone \"%s\" not recognized",
			   (const char *)sqlite3_value_text(argv[0]));
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[1], (uint32_t)sqlite3_value_int64(argv[2]), &v))
		return;
	if (v.oid == PGTYPE_DATE && !pgfn_dt_convert(ctx, &v, PGTYPE_TIMESTAMPTZ))
		return;
	if (v.oid == PGTYPE_TIMESTAMPTZ) {
		v.oid = PGTYPE_TIMESTAMP;
		if (pgfn_dt_finite(v.ts))
			v.ts += (int64_t)pgtype_tz_offset(tz, v.ts) * 1000000;
	} else if (v.oid == PGTYPE_TIMESTAMP) {
		v.oid = PGTYPE_TIMESTAMPTZ;
		v.ts = pgfn_dt_from_local(tz, v.ts);
	} else if (v.oid == PGTYPE_TIMETZ) {
		/* PostgreSQL's timetz_zone: the zone's offset now (at the transaction's start) */
		int east = pgtype_tz_offset(tz, pgfn_dt_txn_start(ctx));
		int64_t t = v.ts + (int64_t)(east - v.east) * 1000000;
		v.ts = t - floor_div(t, USECS_PER_DAY) * USECS_PER_DAY;
		v.east = east;
	} else {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "AT TIME ZONE on a %s is not supported", sql_name(v.oid));
		return;
	}
	pgfn_dt_result(ctx, &v);
}

/* pg_isfinite(x, oid) */
static void fn_isfinite(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[1]), &v))
		return;
	bool finite = v.oid == PGTYPE_DATE
			      ? v.date != PGTYPE_DATE_NOBEGIN && v.date != PGTYPE_DATE_NOEND
		      : v.oid == PGTYPE_INTERVAL || v.oid == PGTYPE_TIME ? true
									 : pgfn_dt_finite(v.ts);
	sqlite3_result_int(ctx, finite);
}

int64_t pgfn_dt_round_prec(int64_t t, int prec)
{
	static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10};
	int64_t half = scale[prec] / 2;
	return t >= 0 ? (t + half) / scale[prec] * scale[prec]
		      : -((-t + half) / scale[prec] * scale[prec]);
}

/* pg_dt_typmod(x, oid, precision): a time, timetz, timestamp or timestamptz value of type
 * oid(precision) as PostgreSQL stores it — rounded to its precision, on every write to such
 * a column and every cast to such a type; an interval's precision is its whole typmod (its
 * fields and precision: pgtype_interval_typmod_adjust). */
static void fn_typmod(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[1]);
	int prec = sqlite3_value_int(argv[2]);
	struct pgfn_dt v;
	(void)argc;
	if (oid == PGTYPE_INTERVAL && sqlite3_value_type(argv[0]) != SQLITE_NULL) {
		if (!pgfn_dt_arg(ctx, argv[0], oid, &v)) /* precision: the whole typmod */
			return;
		pgtype_interval_typmod_adjust(&v.iv, sqlite3_value_int(argv[2]));
		pgfn_dt_result(ctx, &v);
		return;
	}
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || prec < 0 || prec > 5) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	if (!pgfn_dt_arg(ctx, argv[0], oid, &v))
		return;
	if (oid == PGTYPE_TIMESTAMP || oid == PGTYPE_TIMESTAMPTZ) {
		if (pgfn_dt_finite(v.ts))
			v.ts = pgfn_dt_round_prec(v.ts, prec);
		pgfn_dt_result(ctx, &v);
		return;
	}
	/* a time rounded up past midnight stays 24:00:00, as PostgreSQL's */
	v.ts = pgfn_dt_round_prec(v.ts, prec);
	if (oid != PGTYPE_TIMETZ)
		pgfn_dt_result(ctx, &v);
	else
		result_timetz(ctx, v.ts, v.east);
}

/* pg_timeofday(): the clock as text, "Sat Nov 21 09:51:25.433608 2026 UTC". */
static void fn_timeofday(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pgfn_dt v = {.oid = PGTYPE_TIMESTAMPTZ, .ts = pgtype_now()};
	struct strbuf sb;
	(void)argc;
	(void)argv;
	strbuf_init(&sb, 0);
	pgfn_to_char_dt(&sb, &v, "Dy Mon DD HH24:MI:SS.US YYYY TZ", pgfn_dt_zone(ctx));
	sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

int pgfn_register_datetime(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct pgfn_def fns[] = {
		{"pg_dt_cast", 3, fn_cast},      {"pg_current", 2, fn_current},
		{"pg_current", 3, fn_current},   {"pg_timezone", 3, fn_timezone},
		{"pg_isfinite", 2, fn_isfinite}, {"pg_timeofday", 0, fn_timeofday},
		{"pg_dt_typmod", 3, fn_typmod},
	};
	/* The first function owns c: SQLite frees it when db closes (or when registering it
	 * fails); the others share it. They read the session's TimeZone and DateStyle but change
	 * nothing: innocuous, so views, CHECK and DEFAULT may call them with trusted_schema off
	 * (so do the arithmetic, extract and to_char families, and the range constructors). */
	int rc = sqlite3_create_function_v2(db, fns[0].name, fns[0].nargs,
					    SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fns[0].fn, NULL,
					    NULL, free);
	if (rc == SQLITE_OK)
		rc = pgfn_define_with(db, fns + 1, ARRAY_LEN(fns) - 1, SQLITE_INNOCUOUS, c);
	static const struct pgfn_def immutable[] = {{"pg_dt_icast", 3, fn_icast}};
	if (rc == SQLITE_OK)
		rc = pgfn_define(db, immutable, ARRAY_LEN(immutable));
	if (rc == SQLITE_OK)
		rc = pgfn_register_dtarith(db, c);
	if (rc == SQLITE_OK)
		rc = pgfn_register_dtpart(db, c);
	if (rc == SQLITE_OK)
		rc = pgfn_register_tochar(db, c);
	if (rc == SQLITE_OK)
		rc = pgfn_register_srf_dt(db, c);
	return rc;
}
