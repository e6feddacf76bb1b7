/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_calendar.c: the calendar of date/time values (PostgreSQL's Julian-day arithmetic,
 * broken-down times, the range of timestamps) and their output, byte for byte as PostgreSQL
 * prints it in each DateStyle (ISO, SQL, Postgres, German; DMY or MDY day and month order);
 * the DateStyle setting's parser. */
#include "pgtype_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static int64_t floordiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

int32_t pgtype_date2j(int year, int mon, int mday)
{
	int32_t y = year, m = mon;
	if (m > 2) {
		m += 1;
		y += 4800;
	} else {
		m += 13;
		y += 4799;
	}
	int32_t century = y / 100;
	int32_t julian = y * 365 - 32167;
	julian += y / 4 - century + century / 4;
	return julian + 7834 * m / 256 + mday;
}

void pgtype_j2date(int32_t jd, int *year, int *mon, int *mday)
{
	uint32_t julian = (uint32_t)jd + 32044;
	uint32_t quad = julian / 146097;
	uint32_t extra = (julian - quad * 146097) * 4 + 3;
	julian += 60 + quad * 3 + extra / 146097;
	quad = julian / 1461;
	julian -= quad * 1461;
	int y = (int)(julian * 4 / 1461);
	julian = ((y != 0) ? ((julian + 305) % 365) : ((julian + 306) % 366)) + 123;
	y += (int)quad * 4;
	*year = y - 4800;
	quad = julian * 2141 / 65536;
	*mday = (int)(julian - 7834 * quad / 256);
	*mon = (int)((quad + 10) % 12 + 1);
}

void pgtype_ts2tm(int64_t ts, struct pgtype_tm *tm)
{
	int64_t days = floordiv(ts, PGTYPE_USECS_PER_DAY);
	int64_t t = ts - days * PGTYPE_USECS_PER_DAY;
	int32_t jd = (int32_t)(days + PGTYPE_POSTGRES_EPOCH_JDATE);
	pgtype_j2date(jd, &tm->year, &tm->mon, &tm->mday);
	tm->wday = (int)((jd + 1) % 7);
	tm->yday = jd - pgtype_date2j(tm->year, 1, 1) + 1;
	tm->hour = (int)(t / INT64_C(3600000000));
	tm->min = (int)(t / 60000000 % 60);
	tm->sec = (int)(t / 1000000 % 60);
	tm->usec = (int)(t % 1000000);
}

bool pgtype_tm2ts(const struct pgtype_tm *tm, int64_t *ts)
{
	if (tm->year < -4713 || tm->year > 294277)
		return false;
	int64_t days =
		(int64_t)pgtype_date2j(tm->year, tm->mon, tm->mday) - PGTYPE_POSTGRES_EPOCH_JDATE;
	int64_t t = ((tm->hour * INT64_C(60) + tm->min) * 60 + tm->sec) * 1000000 + tm->usec;
	*ts = days * PGTYPE_USECS_PER_DAY + t;
	return *ts >= PGTYPE_MIN_TS && *ts < PGTYPE_END_TS;
}

int64_t pgtype_now(void)
{
	struct timespec tv;
	clock_gettime(CLOCK_REALTIME, &tv);
	return (int64_t)tv.tv_sec * 1000000 + tv.tv_nsec / 1000 - INT64_C(946684800000000);
}

/* n digits of s as a number; -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Why (pgtype_int.h has the contract): the general parser (pgtype_datetime.c) reads this
 * form the same way, after reading the whole text once more to look for 'now' or 'infinity'
 * first: about 9,000 instructions per value, against a few hundred here. */
bool pgtype_iso_ts_in(const char *s, size_t n, int64_t *local, int *off)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (n < 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
		return false;
	struct pgtype_tm tm = {.year = digits(s, 4), .mon = digits(s + 5, 2),
			       .mday = digits(s + 8, 2), .hour = digits(s + 11, 2),
			       .min = digits(s + 14, 2), .sec = digits(s + 17, 2)};
	if (tm.year < 1 || tm.mon < 1 || tm.mon > 12 || tm.mday < 1 || tm.hour < 0 ||
	    tm.hour > 23 || tm.min < 0 || tm.min > 59 || tm.sec < 0 || tm.sec > 59)
		return false;
	bool leap = (tm.year % 4 == 0 && tm.year % 100 != 0) || tm.year % 400 == 0;
	if (tm.mday > mdays[tm.mon - 1] + (tm.mon == 2 && leap))
		return false;
	size_t i = 19;
	if (i < n && s[i] == '.') {
		int scale = 100000;
		for (i++; i < n && s[i] >= '0' && s[i] <= '9' && scale > 0; i++, scale /= 10)
			tm.usec += (s[i] - '0') * scale;
		if (scale == 100000 || (i < n && s[i] >= '0' && s[i] <= '9'))
			return false; /* no digit, or more than six (rounded by the parser) */
	}
	*off = INT32_MIN;
	if (i < n && (s[i] == '+' || s[i] == '-')) {
		int sign = s[i] == '-' ? -1 : 1, parts[3] = {0, 0, 0}, k = 0;
		for (i++; k < 3 && i + 2 <= n; k++) {
			parts[k] = digits(s + i, 2);
			i += 2;
			if (parts[k] < 0 || (i < n && (s[i] != ':' || ++i == n)))
				return false; /* not a digit, not a colon, or a colon at the end */
		}
		if (k == 0 || parts[0] > 15 || parts[1] > 59 || parts[2] > 59)
			return false;
		*off = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
	}
	return i == n && pgtype_tm2ts(&tm, local);
}

/* n in decimal, zero-padded to at least width digits: printf's "%0*d" without vsnprintf,
 * which cost about 2,700 instructions per timestamp (a TPC-B transaction formats seven:
 * CURRENT_TIMESTAMP into pgbench_history.mtime). */
static void put_num(struct strbuf *out, uint64_t n, int width)
{
	char buf[24];
	int i = (int)sizeof(buf);
	do {
		buf[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	while ((int)sizeof(buf) - i < width)
		buf[--i] = '0';
	strbuf_append(out, buf + i, sizeof(buf) - (size_t)i);
}

static void put_date(struct strbuf *out, int year, int mon, int mday)
{
	put_num(out, (uint64_t)(year > 0 ? year : 1 - year), 4);
	strbuf_putc(out, '-');
	put_num(out, (uint64_t)mon, 2);
	strbuf_putc(out, '-');
	put_num(out, (uint64_t)mday, 2);
}

/* t >= 0: a time of day, up to 24:00:00. Fractional digits without trailing zeros. */
static void put_time(struct strbuf *out, int64_t t)
{
	int64_t usec = t % 1000000;
	put_num(out, (uint64_t)(t / INT64_C(3600000000)), 2);
	strbuf_putc(out, ':');
	put_num(out, (uint64_t)(t / 60000000 % 60), 2);
	strbuf_putc(out, ':');
	put_num(out, (uint64_t)(t / 1000000 % 60), 2);
	if (usec) {
		char frac[7] = {'.'};
		size_t len = 6;
		for (size_t i = 6; i > 0; i--, usec /= 10)
			frac[i] = (char)('0' + usec % 10);
		while (frac[len] == '0')
			len--;
		strbuf_append(out, frac, len + 1);
	}
}

void pgtype_date_out(struct strbuf *out, int32_t d)
{
	if (d == PGTYPE_DATE_NOBEGIN || d == PGTYPE_DATE_NOEND) {
		strbuf_puts(out, d == PGTYPE_DATE_NOEND ? "infinity" : "-infinity");
		return;
	}
	int y, m, day;
	pgtype_j2date(d + PGTYPE_POSTGRES_EPOCH_JDATE, &y, &m, &day);
	put_date(out, y, m, day);
	if (y <= 0)
		strbuf_puts(out, " BC");
}

void pgtype_time_out(struct strbuf *out, int64_t t) { put_time(out, t); }

/* "+05:30", "-03", "+00:53:28": hours always, minutes and seconds when not zero. */
static void put_offset(struct strbuf *out, int off)
{
	int a = off < 0 ? -off : off;
	strbuf_putc(out, off < 0 ? '-' : '+');
	put_num(out, (uint64_t)(a / 3600), 2);
	if (a % 3600) {
		strbuf_putc(out, ':');
		put_num(out, (uint64_t)(a % 3600 / 60), 2);
	}
	if (a % 60) {
		strbuf_putc(out, ':');
		put_num(out, (uint64_t)(a % 60), 2);
	}
}

void pgtype_timetz_out(struct strbuf *out, int64_t time, int32_t east)
{
	put_time(out, time);
	put_offset(out, east);
}

static bool put_infinite(struct strbuf *out, int64_t ts)
{
	if (ts != PGTYPE_TS_NOBEGIN && ts != PGTYPE_TS_NOEND)
		return false;
	strbuf_puts(out, ts == PGTYPE_TS_NOEND ? "infinity" : "-infinity");
	return true;
}

static void put_ts(struct strbuf *out, int64_t local, const int *off)
{
	struct pgtype_tm tm;
	pgtype_ts2tm(local, &tm);
	put_date(out, tm.year, tm.mon, tm.mday);
	strbuf_putc(out, ' ');
	put_time(out, local - floordiv(local, PGTYPE_USECS_PER_DAY) * PGTYPE_USECS_PER_DAY);
	if (off)
		put_offset(out, *off);
	if (tm.year <= 0)
		strbuf_puts(out, " BC");
}

void pgtype_timestamp_out(struct strbuf *out, int64_t ts)
{
	if (!put_infinite(out, ts))
		put_ts(out, ts, NULL);
}

void pgtype_timestamptz_out(struct strbuf *out, int64_t ts, const struct pgtype_tz *tz)
{
	if (put_infinite(out, ts))
		return;
	int off = pgtype_tz_offset(tz ? tz : pgtype_tz_utc(), ts);
	put_ts(out, ts + (int64_t)off * 1000000, &off);
}

/* ---- DateStyle ---- */

/* The date part in a non-ISO style: SQL 12/17/1997, Postgres 12-17-1997, German 17.12.1997;
 * DMY swaps day and month in SQL and Postgres (YMD prints as MDY, as PostgreSQL does). */
static void put_date_style(struct strbuf *out, const struct pgtype_tm *tm,
			   const struct pgtype_dtstyle *ds)
{
	int y = tm->year > 0 ? tm->year : 1 - tm->year;
	bool dmy = ds->order == PGTYPE_ORDER_DMY;
	char sep = ds->style == PGTYPE_STYLE_SQL ? '/' : '-';
	if (ds->style == PGTYPE_STYLE_GERMAN)
		strbuf_printf(out, "%02d.%02d.%04d", tm->mday, tm->mon, y);
	else
		strbuf_printf(out, "%02d%c%02d%c%04d", dmy ? tm->mday : tm->mon, sep,
			      dmy ? tm->mon : tm->mday, sep, y);
}

/* A timestamp at local time in a non-ISO style; abbrev: the zone's abbreviation, or NULL
 * for a timestamp without time zone. Postgres style: "Wed Dec 17 07:37:16 1997 PST". */
static void put_ts_style(struct strbuf *out, int64_t local, const char *abbrev,
			 const struct pgtype_dtstyle *ds)
{
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	static const char *const dow[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	struct pgtype_tm tm;
	pgtype_ts2tm(local, &tm);
	int64_t t = local - floordiv(local, PGTYPE_USECS_PER_DAY) * PGTYPE_USECS_PER_DAY;
	if (ds->style == PGTYPE_STYLE_POSTGRES) {
		if (ds->order == PGTYPE_ORDER_DMY)
			strbuf_printf(out, "%s %02d %s ", dow[tm.wday], tm.mday, mon[tm.mon - 1]);
		else
			strbuf_printf(out, "%s %s %02d ", dow[tm.wday], mon[tm.mon - 1], tm.mday);
		put_time(out, t);
		strbuf_printf(out, " %04d", tm.year > 0 ? tm.year : 1 - tm.year);
	} else {
		put_date_style(out, &tm, ds);
		strbuf_putc(out, ' ');
		put_time(out, t);
	}
	if (abbrev)
		strbuf_printf(out, " %s", abbrev);
	if (tm.year <= 0)
		strbuf_puts(out, " BC");
}

void pgtype_dt_out_styled(struct strbuf *out, uint32_t oid, int64_t v, const struct pgtype_tz *tz,
			  const struct pgtype_dtstyle *ds)
{
	bool iso = !ds || ds->style == PGTYPE_STYLE_ISO;
	tz = tz ? tz : pgtype_tz_utc();
	if (oid == PGTYPE_DATE) {
		struct pgtype_tm tm = {0};
		if (iso || v == PGTYPE_DATE_NOBEGIN || v == PGTYPE_DATE_NOEND) {
			pgtype_date_out(out, (int32_t)v);
			return;
		}
		pgtype_j2date((int32_t)v + PGTYPE_POSTGRES_EPOCH_JDATE, &tm.year, &tm.mon, &tm.mday);
		put_date_style(out, &tm, ds);
		if (tm.year <= 0)
			strbuf_puts(out, " BC");
	} else if (iso && oid == PGTYPE_TIMESTAMPTZ) {
		pgtype_timestamptz_out(out, v, tz);
	} else if (iso || put_infinite(out, v)) {
		if (iso)
			pgtype_timestamp_out(out, v);
	} else if (oid == PGTYPE_TIMESTAMPTZ) {
		put_ts_style(out, v + (int64_t)pgtype_tz_offset(tz, v) * 1000000,
			     pgtype_tz_abbrev(tz, v), ds);
	} else {
		put_ts_style(out, v, NULL, ds);
	}
}

bool pgtype_datestyle_parse(const char *s, struct pgtype_dtstyle *ds, char *out, size_t len)
{
	static const struct {
		const char *word;
		int style, order; /* -1: not set by this word */
	} words[] = {
		{"iso", PGTYPE_STYLE_ISO, -1},	       {"sql", PGTYPE_STYLE_SQL, -1},
		{"postgres", PGTYPE_STYLE_POSTGRES, -1}, {"german", PGTYPE_STYLE_GERMAN, -1},
		{"ymd", -1, PGTYPE_ORDER_YMD},	       {"dmy", -1, PGTYPE_ORDER_DMY},
		{"euro", -1, PGTYPE_ORDER_DMY},	       {"european", -1, PGTYPE_ORDER_DMY},
		{"mdy", -1, PGTYPE_ORDER_MDY},	       {"us", -1, PGTYPE_ORDER_MDY},
		{"noneuro", -1, PGTYPE_ORDER_MDY},      {"noneuropean", -1, PGTYPE_ORDER_MDY},
		{"default", -1, -1},
	};
	static const char *const style_name[] = {"ISO", "SQL", "Postgres", "German"};
	static const char *const order_name[] = {"MDY", "DMY", "YMD"};
	struct pgtype_dtstyle r = *ds;
	bool style_set = false, order_set = false, german = false;
	char buf[128];
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *save = NULL, *t = strtok_r(buf, ", \t", &save); t;
	     t = strtok_r(NULL, ", \t", &save)) {
		size_t i = 0;
		while (i < ARRAY_LEN(words) && strcasecmp(t, words[i].word) != 0)
			i++;
		if (i == ARRAY_LEN(words))
			return false;
		if (strcasecmp(t, "default") == 0) {
			r.style = PGTYPE_STYLE_ISO;
			r.order = PGTYPE_ORDER_MDY;
			continue;
		}
		if ((words[i].style >= 0 && style_set && (int)r.style != words[i].style) ||
		    (words[i].order >= 0 && order_set && (int)r.order != words[i].order))
			return false; /* conflicting specifications */
		if (words[i].style >= 0) {
			r.style = (enum pgtype_datestyle)words[i].style;
			style_set = true;
		}
		german |= words[i].style == PGTYPE_STYLE_GERMAN;
		if (words[i].order >= 0) {
			r.order = (enum pgtype_dateorder)words[i].order;
			order_set = true;
		}
	}
	if (german && !order_set)
		r.order = PGTYPE_ORDER_DMY; /* German sets DMY unless an order is given */
	*ds = r;
	snprintf(out, len, "%s, %s", style_name[r.style], order_name[r.order]);
	return true;
}
