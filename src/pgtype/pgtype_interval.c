/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_interval.c: interval input (PostgreSQL's "1 year 2 mons 3 days 04:05:06", unit words
 * and their abbreviations, "ago", "@", fractional units cascading down, ISO 8601 "P1Y2M3DT4H")
 * and output in IntervalStyle postgres, byte for byte. */
#include "pgtype_int.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define USECS_PER_HOUR INT64_C(3600000000)

enum unit {
	U_NONE,
	U_USEC,
	U_MSEC,
	U_SEC,
	U_MIN,
	U_HOUR,
	U_DAY,
	U_WEEK,
	U_MON,
	U_YEAR,
	U_DECADE,
	U_CENTURY,
	U_MILLENNIUM
};

static enum unit unit_of(const char *w, size_t n)
{
	static const struct {
		const char *name;
		enum unit u;
	} tab[] = {
		{"microsecond", U_USEC},
		{"microseconds", U_USEC},
		{"us", U_USEC},
		{"usec", U_USEC},
		{"usecs", U_USEC},
		{"millisecond", U_MSEC},
		{"milliseconds", U_MSEC},
		{"ms", U_MSEC},
		{"msec", U_MSEC},
		{"msecs", U_MSEC},
		{"second", U_SEC},
		{"seconds", U_SEC},
		{"s", U_SEC},
		{"sec", U_SEC},
		{"secs", U_SEC},
		{"minute", U_MIN},
		{"minutes", U_MIN},
		{"m", U_MIN},
		{"min", U_MIN},
		{"mins", U_MIN},
		{"hour", U_HOUR},
		{"hours", U_HOUR},
		{"h", U_HOUR},
		{"hr", U_HOUR},
		{"hrs", U_HOUR},
		{"day", U_DAY},
		{"days", U_DAY},
		{"d", U_DAY},
		{"week", U_WEEK},
		{"weeks", U_WEEK},
		{"w", U_WEEK},
		{"month", U_MON},
		{"months", U_MON},
		{"mon", U_MON},
		{"mons", U_MON},
		{"year", U_YEAR},
		{"years", U_YEAR},
		{"y", U_YEAR},
		{"yr", U_YEAR},
		{"yrs", U_YEAR},
		{"decade", U_DECADE},
		{"decades", U_DECADE},
		{"dec", U_DECADE},
		{"decs", U_DECADE},
		{"century", U_CENTURY},
		{"centuries", U_CENTURY},
		{"c", U_CENTURY},
		{"cent", U_CENTURY},
		{"millennium", U_MILLENNIUM},
		{"millennia", U_MILLENNIUM},
		{"mil", U_MILLENNIUM},
		{"mils", U_MILLENNIUM},
	};
	/* PostgreSQL reads the first TOKMAXLEN (10) characters: "millenniums" is "millennium" */
	size_t k = n > 10 ? 10 : n;
	for (size_t i = 0; i < ARRAY_LEN(tab); i++) {
		size_t len = strlen(tab[i].name);
		if ((len > 10 ? 10 : len) == k && strncasecmp(tab[i].name, w, k) == 0)
			return tab[i].u;
	}
	return U_NONE;
}

/* A plain decimal ([+-]digits[.digits] or [+-].digits) at p, as strtod reads it; NULL when
 * there is none (no exponents, infinities or hex, which strtod would take). */
static const char *decimal(const char *p, double *v)
{
	const char *q = p + (*p == '+' || *p == '-');
	size_t ip = strspn(q, "0123456789"), fp = 0;
	if (q[ip] == '.')
		fp = strspn(q + ip + 1, "0123456789");
	if (ip + fp == 0 || ip > 30 || fp > 30)
		return NULL;
	char buf[72];
	size_t len = (size_t)(q - p) + ip + (q[ip] == '.' ? 1 + fp : 0);
	memcpy(buf, p, len);
	buf[len] = '\0';
	*v = strtod(buf, NULL);
	return p + len;
}

/* Accumulates so fractions cascade (1.5 months = 1 mon 15 days) as PostgreSQL's
 * AdjustFractDays/AdjustFractSeconds do: months and days in doubles, rounded at the end; the
 * time as whole microseconds in an int64 (a field of 2,222,222,222,532 seconds keeps its
 * microseconds, as PostgreSQL's integer fields do) plus a double for the fractions. */
struct acc {
	double month, day;
	double yr, mo; /* unit words' years and months apart, as DecodeInterval keeps them */
	int64_t usec;
	double frac; /* microseconds from fractional fields */
	bool any, range, overflow;
	bool dup;      /* a field given twice ('1 day 1 day'): DecodeInterval's 22007 */
	unsigned seen; /* the fields given so far, as DecodeInterval's fmask */
	int fields;    /* the typmod's INTERVAL_MASK fields (IV_FULL: none given) */
};

/* INTERVAL_MASK's bits (PostgreSQL's datetime.h) and the typmod's "no precision". */
enum {
	IV_MONTH = 1 << 1,
	IV_YEAR = 1 << 2,
	IV_DAY = 1 << 3,
	IV_HOUR = 1 << 10,
	IV_MINUTE = 1 << 11,
	IV_SECOND = 1 << 12,
	IV_FULL = 0x7FFF,
	IV_FULL_PRECISION = 0xFFFF
};

/* The unit of a number written without one, as DecodeInterval takes it from the typmod's
 * rightmost field (seconds when there is none). */
static enum unit bare_unit(int fields)
{
	switch (fields) {
	case IV_YEAR:
		return U_YEAR;
	case IV_MONTH:
	case IV_YEAR | IV_MONTH:
		return U_MON;
	case IV_DAY:
		return U_DAY;
	case IV_HOUR:
	case IV_DAY | IV_HOUR:
		return U_HOUR;
	case IV_MINUTE:
	case IV_HOUR | IV_MINUTE:
	case IV_DAY | IV_HOUR | IV_MINUTE:
		return U_MIN;
	default:
		return U_SEC;
	}
}

/* v units of per microseconds each: the whole units exactly, the fraction as a double. */
static void add_usec(struct acc *a, double v, int64_t per)
{
	double whole = trunc(v);
	int64_t w;
	if (fabs(whole) >= 9.2e18 / (double)per ||
	    __builtin_add_overflow(a->usec, (int64_t)whole * per, &w))
		a->overflow = true;
	else
		a->usec = w;
	a->frac += (v - whole) * (double)per;
}

static void add_days(struct acc *a, double v)
{
	double whole = trunc(v);
	a->day += whole;
	add_usec(a, v - whole, 86400000000);
}

/* The fields a unit sets, as DecodeInterval's tmask: a fractional second reaches into the
 * milli- and microseconds. */
enum {
	F_US = 1,
	F_MS = 2,
	F_S = 4,
	F_MIN = 8,
	F_H = 16,
	F_D = 32,
	F_W = 64,
	F_MON = 128,
	F_Y = 256,
	F_DEC = 512,
	F_CENT = 1024,
	F_MILL = 2048
};

static void see(struct acc *a, unsigned m)
{
	a->dup |= (a->seen & m) != 0;
	a->seen |= m;
}

/* v years of scale (1, 10, 100, 1000): whole ones as years, the fraction as months (rounded),
 * as AdjustYears and AdjustFractYears. */
static void add_years(struct acc *a, double v, int scale)
{
	double whole = trunc(v);
	a->month += rint(v * scale * 12);
	a->yr += whole * scale;
	a->mo += rint(v * scale * 12) - whole * scale * 12;
}

static unsigned unit_mask(double v, enum unit u)
{
	switch (u) {
	case U_USEC:
		return F_US;
	case U_MSEC:
		return F_MS;
	case U_NONE:
	case U_SEC:
		return v != trunc(v) ? F_US | F_MS | F_S : F_S;
	case U_MIN:
		return F_MIN;
	case U_HOUR:
		return F_H;
	case U_DAY:
		return F_D;
	case U_WEEK:
		return F_W;
	case U_MON:
		return F_MON;
	case U_YEAR:
		return F_Y;
	case U_DECADE:
		return F_DEC;
	case U_CENTURY:
		return F_CENT;
	case U_MILLENNIUM:
		return F_MILL;
	}
	return 0;
}

static void add(struct acc *a, double v, enum unit u)
{
	double whole;
	a->any = true;
	see(a, unit_mask(v, u));
	switch (u) {
	case U_USEC:
		add_usec(a, v, 1);
		break;
	case U_MSEC:
		add_usec(a, v, 1000);
		break;
	case U_NONE:
	case U_SEC:
		add_usec(a, v, 1000000);
		break;
	case U_MIN:
		add_usec(a, v, 60000000);
		break;
	case U_HOUR:
		add_usec(a, v, 3600000000);
		break;
	case U_DAY:
		add_days(a, v);
		break;
	case U_WEEK:
		add_days(a, v * 7);
		break;
	case U_MON:
		whole = trunc(v);
		a->month += whole;
		a->mo += whole;
		add_days(a, (v - whole) * 30);
		break;
	case U_YEAR:
		add_years(a, v, 1);
		break;
	case U_DECADE:
		add_years(a, v, 10);
		break;
	case U_CENTURY:
		add_years(a, v, 100);
		break;
	case U_MILLENNIUM:
		add_years(a, v, 1000);
		break;
	}
}

/* [+-]h:m[:s[.f]] (or m:s.f when it has a fraction and two fields). */
static bool add_time(struct acc *a, const char *p, size_t n)
{
	char buf[64];
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, p, n);
	buf[n] = '\0';
	double sign = buf[0] == '-' ? -1 : 1;
	char *q = buf + (buf[0] == '-' || buf[0] == '+');
	double f[3] = {0, 0, 0};
	int nf = 0;
	while (nf < 3) {
		if (!isdigit((unsigned char)*q) && *q != '.')
			return false;
		const char *e = decimal(q, &f[nf++]);
		if (!e || *q == '+' || *q == '-')
			return false;
		q = (char *)e;
		if (*q != ':')
			break;
		q++;
	}
	if (*q)
		return false;
	if (nf == 2 && (strchr(buf, '.') || a->fields == (IV_MINUTE | IV_SECOND))) { /* mm:ss */
		f[2] = f[1];
		f[1] = f[0];
		f[0] = 0;
	}
	if (f[1] > 59 || f[2] >= 60) {
		a->range = true;
		return false;
	}
	a->any = true;
	see(a, F_H | F_MIN | F_S | F_MS | F_US);
	add_usec(a, sign * f[0], 3600000000);
	add_usec(a, sign * f[1], 60000000);
	add_usec(a, sign * f[2], 1000000);
	return true;
}

/* SQL's year-month field "[+-]Y-M" ("1-2" is 1 year 2 mons, "-1-2" their negation). */
static bool year_month(const char *p, size_t n, struct acc *a)
{
	size_t i = p[0] == '+' || p[0] == '-';
	size_t y = i;
	while (i < n && i - y < 9 && isdigit((unsigned char)p[i]))
		i++;
	if (i == y || i >= n || p[i] != '-')
		return false;
	size_t m = ++i;
	while (i < n && i - m < 9 && isdigit((unsigned char)p[i]))
		i++;
	if (i == m || i != n)
		return false;
	double v = strtod(p + y, NULL) * 12 + strtod(p + m, NULL);
	see(a, F_Y | F_MON);
	a->month += p[0] == '-' ? -v : v;
	a->any = true;
	return true;
}

/* ISO 8601's alternative format at p[*i], a number v ending at *i's end: "YYYY-MM-DD" or
 * "YYYYMMDD" before the T, "hh:mm:ss" or "hhmmss" after it, each may stop early
 * (P0002 is two years). Leaves *i after the part (at a 'T' or the end). */
static bool iso_alternative(const char *p, size_t n, size_t *i, const char *end, double v,
			    bool in_time, struct acc *a)
{
	const char *q = p + *i + (p[*i] == '+' || p[*i] == '-');
	size_t width = strspn(q, "0123456789");
	static const int date_units[] = {U_YEAR, U_MON, U_DAY},
			 time_units[] = {U_HOUR, U_MIN, U_SEC};
	char sep = in_time ? ':' : '-';
	bool at_t = !in_time && (size_t)(end - p) < n && (*end == 'T' || *end == 't');
	if (((size_t)(end - p) == n || at_t) && width == (in_time ? 6u : 8u) && v == trunc(v)) {
		long w = (long)v; /* basic: YYYYMMDD or hhmmss */
		const int *u = in_time ? time_units : date_units;
		add(a, (double)(w / 10000), u[0]);
		add(a, (double)(w / 100 % 100), u[1]);
		add(a, (double)(w % 100), u[2]);
		a->any = true;
		*i = (size_t)(end - p);
		return true;
	}
	for (int k = 0; k < 3; k++) {
		if (k > 0) {
			end = decimal(p + *i, &v);
			if (!end)
				return false;
		}
		add(a, v, in_time ? time_units[k] : date_units[k]);
		a->any = true;
		*i = (size_t)(end - p);
		if (*i == n || (!in_time && (p[*i] == 'T' || p[*i] == 't')))
			return true;
		if (p[*i] != sep || k == 2)
			return false;
		(*i)++;
	}
	return false;
}

/* ISO 8601 "P[nY][nM][nW][nD][T[nH][nM][nS]]", or its alternative format. */
static bool parse_iso(const char *p, size_t n, struct acc *a)
{
	bool in_time = false, have = false;
	size_t i = 1;
	if (n < 2)
		return false;
	while (i < n) {
		if (p[i] == 'T' || p[i] == 't') {
			in_time = true;
			have = false;
			i++;
			continue;
		}
		double v;
		const char *end = decimal(p + i, &v);
		if (!end)
			return false;
		if ((size_t)(end - p) >= n || *end == '-' || *end == ':' ||
		    (!in_time && (*end == 'T' || *end == 't'))) {
			if (have || !iso_alternative(p, n, &i, end, v, in_time, a))
				return false;
			continue;
		}
		i = (size_t)(end - p);
		have = true;
		switch (toupper((unsigned char)p[i++])) {
		case 'Y':
			add(a, v, U_YEAR);
			break;
		case 'M':
			add(a, v, in_time ? U_MIN : U_MON);
			break;
		case 'W':
			add(a, v, U_WEEK);
			break;
		case 'D':
			add(a, v, U_DAY);
			break;
		case 'H':
			add(a, v, U_HOUR);
			break;
		case 'S':
			add(a, v, U_SEC);
			break;
		default:
			return false;
		}
	}
	return a->any;
}

/* The PostgreSQL format: numbers each followed by a unit (a unit-less number is seconds, or
 * days before a time field), time fields, '@' and a trailing "ago". */
static bool parse_pg(const char *s, size_t n, struct acc *a)
{
	size_t i = 0;
	bool ago = false, pending = false, before = false;
	double num = 0, prev = 0; /* prev: a bare number before num, days if num is hours */
	while (i < n) {
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i >= n)
			break;
		size_t start = i;
		if (s[i] == '@' && !a->any && !pending) {
			i++;
			continue;
		}
		if (isalpha((unsigned char)s[i])) {
			while (i < n && isalpha((unsigned char)s[i]))
				i++;
			size_t len = i - start;
			if (len == 3 && strncasecmp(s + start, "ago", 3) == 0 && !pending) {
				ago = true;
				continue;
			}
			enum unit u = unit_of(s + start, len);
			if (u == U_NONE || !pending || ago || (before && u != U_HOUR))
				return false;
			if (before)
				add(a, prev, U_DAY);
			before = false;
			add(a, num, u);
			pending = false;
			continue;
		}
		while (i < n && !isspace((unsigned char)s[i]) && !isalpha((unsigned char)s[i]))
			i++;
		if (ago)
			return false;
		if (memchr(s + start, ':', i - start)) {
			if (before)
				return false;
			if (pending)
				add(a, num, U_DAY);
			pending = false;
			if (!add_time(a, s + start, i - start))
				return false;
			continue;
		}
		if (!pending && year_month(s + start, i - start, a))
			continue;
		if (pending && before)
			return false;
		before = pending;
		prev = num;
		char buf[64], *end;
		if (i - start >= sizeof(buf))
			return false;
		snprintf(buf, sizeof(buf), "%.*s", (int)(i - start), s + start);
		end = (char *)decimal(buf, &num);
		if (!end || *end)
			return false;
		pending = true;
	}
	if (pending) {
		enum unit u = bare_unit(a->fields);
		if (before && u != U_HOUR)
			return false;
		if (before)
			add(a, prev, U_DAY);
		add(a, num, u);
	}
	if (a->dup)
		return false;
	if (ago) {
		a->month = -a->month;
		a->yr = -a->yr;
		a->mo = -a->mo;
		a->day = -a->day;
		a->usec = -a->usec; /* whole microseconds: never INT64_MIN (add_usec's bound) */
		a->frac = -a->frac;
	}
	return a->any;
}

static bool interval_in(const char *s, size_t n, int fields, struct pgtype_interval *out,
			struct pgerr *err);

bool pgtype_interval_in(const char *s, size_t n, struct pgtype_interval *out, struct pgerr *err)
{
	return interval_in(s, n, IV_FULL, out, err);
}

void pgtype_interval_typmod_adjust(struct pgtype_interval *iv, int32_t typmod)
{
	static const int64_t scale[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
	const int64_t hour = INT64_C(3600000000), minute = 60000000;
	if (typmod < 0)
		return;
	int fields = (typmod >> 16) & IV_FULL, prec = typmod & 0xFFFF;
	switch (fields) { /* AdjustIntervalForTypmod: drop what is right of the last field */
	case IV_YEAR:
		iv->month = iv->month / 12 * 12;
		iv->day = 0;
		iv->time = 0;
		break;
	case IV_MONTH:
	case IV_YEAR | IV_MONTH:
		iv->day = 0;
		iv->time = 0;
		break;
	case IV_DAY:
		iv->time = 0;
		break;
	case IV_HOUR:
	case IV_DAY | IV_HOUR:
		iv->time = iv->time / hour * hour;
		break;
	case IV_MINUTE:
	case IV_HOUR | IV_MINUTE:
	case IV_DAY | IV_HOUR | IV_MINUTE:
		iv->time = iv->time / minute * minute;
		break;
	default:
		break;
	}
	if (prec != IV_FULL_PRECISION && prec >= 0 && prec < 6) { /* half away from zero */
		int64_t sc = scale[prec], half = sc / 2;
		iv->time = iv->time >= 0 ? (iv->time + half) / sc * sc
					 : -((-iv->time + half) / sc * sc);
	}
}

bool pgtype_interval_in_typmod(const char *s, size_t n, int32_t typmod, struct pgtype_interval *out,
			       struct pgerr *err)
{
	if (!interval_in(s, n, typmod < 0 ? IV_FULL : (typmod >> 16) & IV_FULL, out, err))
		return false;
	pgtype_interval_typmod_adjust(out, typmod);
	return true;
}

void pgtype_interval_typmod_out(struct strbuf *out, int32_t typmod)
{
	static const struct {
		int fields;
		const char *words;
	} names[] = {
		{IV_YEAR, " year"},
		{IV_MONTH, " month"},
		{IV_DAY, " day"},
		{IV_HOUR, " hour"},
		{IV_MINUTE, " minute"},
		{IV_SECOND, " second"},
		{IV_YEAR | IV_MONTH, " year to month"},
		{IV_DAY | IV_HOUR, " day to hour"},
		{IV_DAY | IV_HOUR | IV_MINUTE, " day to minute"},
		{IV_DAY | IV_HOUR | IV_MINUTE | IV_SECOND, " day to second"},
		{IV_HOUR | IV_MINUTE, " hour to minute"},
		{IV_HOUR | IV_MINUTE | IV_SECOND, " hour to second"},
		{IV_MINUTE | IV_SECOND, " minute to second"},
	};
	if (typmod < 0)
		return;
	int fields = (typmod >> 16) & IV_FULL, prec = typmod & 0xFFFF;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (names[i].fields == fields)
			strbuf_puts(out, names[i].words);
	}
	if (prec != IV_FULL_PRECISION)
		strbuf_printf(out, "(%d)", prec);
}

static bool interval_in(const char *s, size_t n, int fields, struct pgtype_interval *out,
			struct pgerr *err)
{
	struct acc a = {.fields = fields};
	char buf[256]; /* NUL-terminated: the readers below may look one past a token */
	size_t b = 0;
	bool ok = n < sizeof(buf) && !memchr(s, '\0', n);
	if (ok) {
		memcpy(buf, s, n);
		buf[n] = '\0';
	}
	while (ok && b < n && isspace((unsigned char)buf[b]))
		b++;
	ok = ok && (b < n && (buf[b] == 'P' || buf[b] == 'p') ? parse_iso(buf + b, n - b, &a)
							      : parse_pg(buf, n, &a));
	if (!ok && a.range)
		return pgerr_set(err, "22015", "interval field value out of range: \"%.*s\"",
				 (int)n, s);
	if (!ok)
		return pgerr_set(err, "22007", "invalid input syntax for type interval: \"%.*s\"",
				 (int)n, s);
	double frac = rint(a.frac);
	int64_t usec = 0;
	if (!a.overflow && a.yr >= INT32_MIN && a.yr <= INT32_MAX && a.mo >= INT32_MIN &&
	    a.mo <= INT32_MAX &&
	    !(a.month >= INT32_MIN && a.month <= INT32_MAX)) /* years and months each fit */
		return pgerr_set(err, "22008", "interval out of range");
	if (a.overflow || !(a.month >= INT32_MIN && a.month <= INT32_MAX) ||
	    !(a.day >= INT32_MIN && a.day <= INT32_MAX) || !(fabs(frac) <= 9.2e18) ||
	    __builtin_add_overflow(a.usec, (int64_t)frac, &usec))
		return pgerr_set(err, "22015", "interval field value out of range: \"%.*s\"",
				 (int)n, s);
	*out = (struct pgtype_interval){usec, (int32_t)a.day, (int32_t)a.month};
	return true;
}

/* AddPostgresIntPart: " 1 year", "+2 mons" after a negative part, plural unless 1. */
static void int_part(struct strbuf *out, int64_t v, const char *unit, bool *zero, bool *before)
{
	if (v == 0)
		return;
	strbuf_printf(out, "%s%s%lld %s%s", *zero ? "" : " ", *before && v > 0 ? "+" : "",
		      (long long)v, unit, v != 1 ? "s" : "");
	*before = v < 0;
	*zero = false;
}

void pgtype_interval_out(struct strbuf *out, const struct pgtype_interval *iv)
{
	bool zero = true, before = false;
	int_part(out, iv->month / 12, "year", &zero, &before);
	int_part(out, iv->month % 12, "mon", &zero, &before);
	int_part(out, iv->day, "day", &zero, &before);
	if (!zero && iv->time == 0)
		return;
	uint64_t t = iv->time < 0 ? (uint64_t)0 - (uint64_t)iv->time : (uint64_t)iv->time;
	strbuf_printf(out, "%s%s%02llu:%02d:%02d", zero ? "" : " ",
		      iv->time < 0 ? "-"
		      : before     ? "+"
				   : "",
		      (unsigned long long)(t / (uint64_t)USECS_PER_HOUR), (int)(t / 60000000 % 60),
		      (int)(t / 1000000 % 60));
	if (t % 1000000) {
		char frac[8];
		snprintf(frac, sizeof(frac), "%06d", (int)(t % 1000000));
		int len = 6;
		while (frac[len - 1] == '0')
			len--;
		strbuf_printf(out, ".%.*s", len, frac);
	}
}

/* AddISO8601IntPart: "5D"; nothing for zero. */
static void iso_part(struct strbuf *out, int64_t v, char unit)
{
	if (v != 0)
		strbuf_printf(out, "%lld%c", (long long)v, unit);
}

/* EncodeInterval's INTSTYLE_ISO_8601: each field keeps its own sign, as interval2itm splits
 * the microseconds (hours, then minutes, then seconds, truncating towards zero). */
void pgtype_interval_out_iso(struct strbuf *out, const struct pgtype_interval *iv)
{
	int64_t hour = iv->time / USECS_PER_HOUR;
	int64_t rest = iv->time - hour * USECS_PER_HOUR;
	int64_t min = rest / 60000000, usec = rest % 60000000;
	if (iv->month == 0 && iv->day == 0 && iv->time == 0) {
		strbuf_append(out, "PT0S", 4);
		return;
	}
	strbuf_putc(out, 'P');
	iso_part(out, iv->month / 12, 'Y');
	iso_part(out, iv->month % 12, 'M');
	iso_part(out, iv->day, 'D');
	if (iv->time != 0)
		strbuf_putc(out, 'T');
	iso_part(out, hour, 'H');
	iso_part(out, min, 'M');
	if (usec == 0)
		return;
	uint64_t u = usec < 0 ? (uint64_t)-usec : (uint64_t)usec;
	strbuf_printf(out, "%s%llu", usec < 0 ? "-" : "", (unsigned long long)(u / 1000000));
	if (u % 1000000) {
		char frac[8];
		snprintf(frac, sizeof(frac), "%06d", (int)(u % 1000000));
		int len = 6;
		while (frac[len - 1] == '0')
			len--;
		strbuf_printf(out, ".%.*s", len, frac);
	}
	strbuf_putc(out, 'S');
}
