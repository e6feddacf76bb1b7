/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_datetime.c: date, time, timestamp and timestamptz input — the grammar PostgreSQL's
 * datetime parser accepts for the common forms (ISO 8601, MDY, month and day names, zones,
 * special words), with its 22007/22008 errors. The calendar and output are in
 * pgtype_calendar.c. */
#include "pgtype_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static int64_t floordiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

/* ---- input ---- */

enum dt_special {
	SP_NONE,
	SP_EPOCH,
	SP_INF,
	SP_NINF,
	SP_NOW,
	SP_TODAY,
	SP_TOMORROW,
	SP_YESTERDAY,
	SP_ALLBALLS
};

/* What a date/time string said. */
struct dt_fields {
	enum dt_special special;
	int year, mon, mday, hour, min, sec, usec;
	bool has_date, has_time, has_tz, bc, year2, mon_name;
	int tz_off; /* seconds east, when has_tz and !zone */
	const struct pgtype_tz *zone;
	int nums[3], nnums, numlen[3];
	enum pgtype_dateorder order; /* DateStyle's reading of "a/b/c" */
	char bad_zone[64];           /* DT_ZONE's word, lower case */
};

/* DT_ZONE: a word that can only be a zone names none (22023 time zone "x" not recognized) */
enum dt_rc { DT_OK, DT_SYNTAX, DT_RANGE, DT_RANGE_HINT, DT_ZONE };

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
				     "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const month_full[] = {"january",   "february", "march",    "april",
					 "may",       "june",     "july",     "august",
					 "september", "october",  "november", "december"};
static const char *const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

static int month_of(const char *w)
{
	for (int i = 0; i < 12; i++) {
		if (strcmp(w, months[i]) == 0 || strcmp(w, month_full[i]) == 0 ||
		    (i == 8 && strcmp(w, "sept") == 0))
			return i + 1;
	}
	return 0;
}

static bool is_dow(const char *w)
{
	static const char *const full[] = {"sunday",   "monday", "tuesday", "wednesday",
					   "thursday", "friday", "saturday"};
	for (int i = 0; i < 7; i++) {
		if (strcmp(w, days[i]) == 0 || strcmp(w, full[i]) == 0 ||
		    (strncmp(w, days[i], 3) == 0 && strlen(w) == 4 && w[3] == 's'))
			return true;
	}
	return false;
}

/* The abbreviations of PostgreSQL's Default set that clients meet most; seconds east. w is
 * lower case. */
static bool abbrev_offset(const char *w, int *off)
{
	static const struct {
		const char *name;
		int off;
	} tab[] = {{"utc", 0},          {"gmt", 0},          {"z", 0},
		   {"zulu", 0},         {"ut", 0},           {"est", -5 * 3600},
		   {"edt", -4 * 3600},  {"cst", -6 * 3600},  {"cdt", -5 * 3600},
		   {"mst", -7 * 3600},  {"mdt", -6 * 3600},  {"pst", -8 * 3600},
		   {"pdt", -7 * 3600},  {"cet", 3600},       {"cest", 7200},
		   {"eet", 7200},       {"eest", 10800},     {"wet", 0},
		   {"west", 3600},      {"bst", 3600},       {"jst", 9 * 3600},
		   {"akst", -9 * 3600}, {"akdt", -8 * 3600}, {"hst", -10 * 3600}};
	for (size_t i = 0; i < ARRAY_LEN(tab); i++) {
		if (strcmp(w, tab[i].name) == 0) {
			*off = tab[i].off;
			return true;
		}
	}
	return false;
}

/* [+-]hh[[:]mm[[:]ss]] → seconds east. */
static bool parse_offset(const char *p, int *off)
{
	int sign = *p == '-' ? -1 : 1;
	p++;
	char d[8];
	int nd = 0;
	const char *q = p;
	for (; *q; q++) {
		if (isdigit((unsigned char)*q)) {
			if (nd >= 6)
				return false;
			d[nd++] = *q;
		} else if (*q != ':') {
			return false;
		}
	}
	int h, m = 0, s = 0;
	if (strchr(p, ':')) {
		char *end;
		h = (int)strtol(p, &end, 10);
		if (*end == ':')
			m = (int)strtol(end + 1, &end, 10);
		if (*end == ':')
			s = (int)strtol(end + 1, &end, 10);
	} else if (nd <= 2) {
		h = atoi(p);
	} else if (nd == 4 || nd == 6) {
		h = (d[0] - '0') * 10 + d[1] - '0';
		m = (d[2] - '0') * 10 + d[3] - '0';
		s = nd == 6 ? (d[4] - '0') * 10 + d[5] - '0' : 0;
	} else {
		return false;
	}
	if (nd == 0 || h > 15 || m > 59 || s > 59)
		return false;
	*off = sign * (h * 3600 + m * 60 + s);
	return true;
}

/* h:m[:s[.frac]], fraction rounded to microseconds. */
/* A run of digits at *p; false when there is none or it has more than 9 (out of range). */
static bool field(const char **p, int *out, bool *range)
{
	const char *q = *p;
	long v = 0;
	while (isdigit((unsigned char)*q) && q - *p < 10)
		v = v * 10 + (*q++ - '0');
	if (q == *p || q - *p > 9) {
		*range = q - *p > 9;
		return false;
	}
	*out = (int)v;
	*p = q;
	return true;
}

/* h:m[:s[.frac]], fraction rounded to microseconds. */
static enum dt_rc parse_time(const char *p, struct dt_fields *f)
{
	bool range = false;
	if (f->has_time)
		return DT_SYNTAX;
	f->has_time = true;
	if (!field(&p, &f->hour, &range) || *p++ != ':' || !field(&p, &f->min, &range))
		return range ? DT_RANGE : DT_SYNTAX;
	if (*p == ':' && (p++, !field(&p, &f->sec, &range)))
		return range ? DT_RANGE : DT_SYNTAX;
	if (*p == '.') { /* six digits kept, the seventh rounds */
		int n = 0;
		for (p++; isdigit((unsigned char)*p); p++, n++) {
			if (n < 6)
				f->usec = f->usec * 10 + (*p - '0');
			else if (n == 6 && *p >= '5')
				f->usec++;
		}
		for (; n < 6; n++)
			f->usec *= 10;
	}
	if (*p)
		return DT_SYNTAX;
	if (f->hour > 24 || f->min > 59 || f->sec > 60 ||
	    (f->hour == 24 && (f->min || f->sec || f->usec)))
		return DT_RANGE;
	return DT_OK;
}

/* A year written with two digits is marked: finish() moves it to 1970-2069 unless BC
 * (ValidateDate: "January 8, 99 BC" is 99 BC). */
static int two_digit_year(struct dt_fields *f, int y, int len)
{
	f->year2 = f->year2 || len == 2;
	return y;
}

/* a-b-c, a/b/c, a.b.c: Y-M-D when the first part is a year, else in DateStyle's order
 * (M-D-Y, D-M-Y or Y-M-D with a two-digit year). */
static enum dt_rc parse_date(const char *p, struct dt_fields *f)
{
	char sep = p[strspn(p, "0123456789abcdefghijklmnopqrstuvwxyz")];
	char part[3][16];
	int np = 0;
	for (const char *q = p; np < 3;) {
		size_t len = strcspn(q, "-/.");
		if (len == 0 || len >= 16)
			return DT_SYNTAX;
		snprintf(part[np++], 16, "%.*s", (int)len, q);
		q += len;
		if (!*q)
			break;
		if (*q != sep)
			return DT_SYNTAX;
		q++;
		if (np == 3)
			return DT_SYNTAX;
	}
	if (np != 3 || f->has_date)
		return DT_SYNTAX;
	int v[3], len[3], mon_at = -1;
	for (int i = 0; i < 3; i++) {
		len[i] = (int)strlen(part[i]);
		if (isalpha((unsigned char)part[i][0])) {
			v[i] = month_of(part[i]);
			if (!v[i] || mon_at >= 0)
				return DT_SYNTAX;
			mon_at = i;
		} else if (strspn(part[i], "0123456789") == (size_t)len[i] && len[i] <= 9) {
			v[i] = atoi(part[i]);
		} else {
			return DT_SYNTAX;
		}
	}
	f->has_date = true;
	if (len[0] >= 3 && mon_at != 0) { /* Y-M-D */
		f->year = v[0];
		f->mon = v[1];
		f->mday = v[2];
	} else if (mon_at == 1) { /* D-Mon-Y */
		f->mday = v[0];
		f->mon = v[1];
		f->year = two_digit_year(f, v[2], len[2]);
	} else if (f->order == PGTYPE_ORDER_YMD && mon_at < 0) {
		f->year = two_digit_year(f, v[0], len[0]);
		f->mon = v[1];
		f->mday = v[2];
	} else {
		bool dmy = f->order == PGTYPE_ORDER_DMY && mon_at < 0;
		f->mon = dmy ? v[1] : v[0];
		f->mday = dmy ? v[0] : v[1];
		f->year = two_digit_year(f, v[2], len[2]);
	}
	return DT_OK;
}

/* A token of digits alone: YYYYMMDD, or part of a textual date ("Feb 29 2024"). */
static enum dt_rc parse_number(const char *p, struct dt_fields *f)
{
	size_t len = strlen(p);
	if (strspn(p, "0123456789") != len)
		return DT_SYNTAX;
	if (len == 8 && !f->has_date) {
		long v = atol(p);
		f->has_date = true;
		f->year = (int)(v / 10000);
		f->mon = (int)(v / 100 % 100);
		f->mday = (int)(v % 100);
		return DT_OK;
	}
	if (len == 6 && f->has_date && !f->has_time && f->nnums == 0) { /* "19970210 173201" */
		long v = atol(p);
		f->has_time = true;
		f->hour = (int)(v / 10000);
		f->min = (int)(v / 100 % 100);
		f->sec = (int)(v % 100);
		f->usec = 0;
		return f->hour > 24 || f->min > 59 || f->sec > 60 ? DT_RANGE : DT_OK;
	}
	if (f->nnums >= 3 || len > 7)
		return DT_SYNTAX;
	f->numlen[f->nnums] = (int)len;
	f->nums[f->nnums++] = atoi(p);
	return DT_OK;
}

static enum dt_rc parse_word(const char *w, const char *orig, struct dt_fields *f)
{
	int off;
	int m = month_of(w);
	if (m && !f->mon_name && !f->has_date) {
		f->mon_name = true;
		f->mon = m;
		return DT_OK;
	}
	if (is_dow(w))
		return DT_OK;
	if (strcmp(w, "am") == 0 || strcmp(w, "pm") == 0 || strcmp(w, "a.m.") == 0 ||
	    strcmp(w, "p.m.") == 0) {
		if (!f->has_time || f->hour > 12 || f->hour < 1)
			return f->has_time ? DT_RANGE : DT_SYNTAX;
		f->hour = (f->hour % 12) + (w[0] == 'p' ? 12 : 0);
		return DT_OK;
	}
	if (strcmp(w, "bc") == 0 || strcmp(w, "ad") == 0) {
		f->bc = w[0] == 'b';
		return DT_OK;
	}
	if (f->has_tz)
		return DT_SYNTAX;
	if (abbrev_offset(w, &off)) {
		f->has_tz = true;
		f->tz_off = off;
		return DT_OK;
	}
	/* a zone name (America/New_York) or a POSIX zone (GMT+8, PST-03:00: west positive), as
	 * DecodeDateTime hands an unknown word to pg_tzset; orig runs on past the token */
	char name[128];
	size_t len = strlen(w);
	size_t letters = strspn(w, "abcdefghijklmnopqrstuvwxyz");
	bool posix = letters && (w[letters] == '+' || w[letters] == '-');
	if (len >= sizeof(name) || !(strchr(w, '/') || posix))
		return DT_SYNTAX; /* J2452271+08 and the like are no zone */
	memcpy(name, orig, len);
	name[len] = '\0';
	const struct pgtype_tz *z = pgtype_tz_lookup(name);
	if (!z) {
		snprintf(f->bad_zone, sizeof(f->bad_zone), "%s", w);
		return DT_ZONE;
	}
	f->has_tz = true;
	f->zone = z;
	return DT_OK;
}

/* A token holding a time, maybe with an offset glued on ("10:00+05:30", "10:00z"). */
static enum dt_rc parse_time_token(char *p, struct dt_fields *f)
{
	char *z = strpbrk(p, "+-z");
	if (z) {
		int off = 0;
		if (*z == 'z' ? z[1] != '\0' : !parse_offset(z, &off))
			return DT_SYNTAX;
		if (f->has_tz)
			return DT_SYNTAX;
		f->has_tz = true;
		f->tz_off = off;
		*z = '\0';
	}
	return parse_time(p, f);
}

static enum dt_rc token(char *t, const char *orig, struct dt_fields *f)
{
	if (isdigit((unsigned char)t[0])) {
		char *tee = strchr(t, 't'); /* ISO 8601 "2024-02-29t10:11:12" */
		if (tee && tee > t && isdigit((unsigned char)tee[-1]) &&
		    isdigit((unsigned char)tee[1])) {
			*tee = '\0';
			enum dt_rc rc = token(t, orig, f);
			return rc == DT_OK ? token(tee + 1, orig + (tee + 1 - t), f) : rc;
		}
		char *m = strchr(t, ':') ? strpbrk(t, "ap") : NULL;
		if (m && m[1] == 'm' && isdigit((unsigned char)m[-1]) &&
		    (!m[2] || strchr("+-z", m[2]))) { /* "5:32pm[+02]": the time, then AM/PM */
			char ap[3] = {m[0], 'm', '\0'};
			memmove(m, m + 2, strlen(m + 2) + 1);
			enum dt_rc rc = parse_time_token(t, f);
			return rc == DT_OK ? parse_word(ap, ap, f) : rc;
		}
		if (strchr(t, ':'))
			return parse_time_token(t, f);
		if (strpbrk(t, "-/.") && !f->has_date)
			return parse_date(t, f);
		return parse_number(t, f);
	}
	/* a numeric zone may stand alone anywhere ("1930-01-01 +00", pgJDBC's setDate): date
	 * input reads and drops it, as PostgreSQL's DecodeDateTime does */
	if ((t[0] == '+' || t[0] == '-') && !f->has_tz) {
		int off;
		if (!parse_offset(t, &off))
			return DT_SYNTAX;
		f->has_tz = true;
		f->tz_off = off;
		return DT_OK;
	}
	if (isalpha((unsigned char)t[0])) {
		size_t len = strcspn(t, "-/");
		char w[16];
		snprintf(w, sizeof(w), "%.*s", (int)(len < 15 ? len : 15), t);
		if (t[len] && month_of(w))
			return parse_date(t, f);
		return parse_word(t, orig, f);
	}
	return DT_SYNTAX;
}

static const struct {
	const char *word;
	enum dt_special sp;
} specials[] = {{"epoch", SP_EPOCH},       {"infinity", SP_INF},
		{"+infinity", SP_INF},     {"-infinity", SP_NINF},
		{"now", SP_NOW},           {"today", SP_TODAY},
		{"tomorrow", SP_TOMORROW}, {"yesterday", SP_YESTERDAY},
		{"allballs", SP_ALLBALLS}};

/* Splits the lower-cased input into blank-separated tokens and reads each. */
static enum dt_rc dt_parse(const char *s, size_t n, enum pgtype_dateorder order,
			   struct dt_fields *f)
{
	memset(f, 0, sizeof(*f));
	f->order = order;
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n > 200 || memchr(s, '\0', n))
		return DT_SYNTAX;
	char low[256], orig[256];
	for (size_t i = 0; i < n; i++) {
		low[i] = (char)tolower((unsigned char)s[i]);
		orig[i] = s[i] == ',' ? ' ' : s[i];
		if (low[i] == ',')
			low[i] = ' ';
	}
	low[n] = orig[n] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(specials); i++) {
		if (strcmp(low, specials[i].word) == 0) {
			f->special = specials[i].sp;
			return DT_OK;
		}
	}
	for (char *save = NULL, *t = strtok_r(low, " \t\n\r", &save); t;
	     t = strtok_r(NULL, " \t\n\r", &save)) {
		enum dt_rc rc = token(t, orig + (t - low), f);
		if (rc != DT_OK)
			return rc;
	}
	return DT_OK;
}

/* Numbers left over from a textual date ("Feb 29 2024", "29 Feb 2024") and the checks. */
static enum dt_rc finish(struct dt_fields *f)
{
	if (f->mon_name) {
		if (f->nnums != 2)
			return DT_SYNTAX;
		bool year_first = f->numlen[0] > 2;
		f->year = year_first ? f->nums[0] : two_digit_year(f, f->nums[1], f->numlen[1]);
		f->mday = year_first ? f->nums[1] : f->nums[0];
		f->has_date = true;
	} else if (f->nnums) {
		return DT_SYNTAX;
	}
	if (!f->has_date)
		return DT_OK;
	if (f->mon < 1 || f->mon > 12)
		return DT_RANGE_HINT;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap_year = false;
	if (f->year2 && !f->bc)
		f->year += f->year < 70 ? 2000 : 1900;
	if (f->year < 1)
		return DT_RANGE;
	if (f->bc)
		f->year = 1 - f->year;
	leap_year = (f->year % 4 == 0 && f->year % 100 != 0) || f->year % 400 == 0;
	if (f->mday < 1 || f->mday > mdays[f->mon - 1] + (f->mon == 2 && leap_year))
		return DT_RANGE;
	return DT_OK;
}

static bool dt_error(enum dt_rc rc, const struct dt_fields *f, const char *type, const char *s,
		     size_t n, struct pgerr *err)
{
	if (rc == DT_ZONE)
		return pgerr_set(err, "22023", "time zone \"%s\" not recognized", f->bad_zone);
	if (rc == DT_SYNTAX)
		return pgerr_set(err, "22007", "invalid input syntax for type %s: \"%.*s\"", type,
				 (int)n, s);
	pgerr_set(err, "22008", "date/time field value out of range: \"%.*s\"", (int)n, s);
	if (rc == DT_RANGE_HINT)
		pgerr_hint(err, "Perhaps you need a different \"datestyle\" setting.");
	return false;
}

static int64_t env_now(const struct pgtype_dtenv *env)
{
	return env && env->now ? env->now : pgtype_now();
}

static const struct pgtype_tz *env_tz(const struct pgtype_dtenv *env)
{
	return env && env->tz ? env->tz : pgtype_tz_utc();
}

/* Local midnight of today (+days) in env's zone, as a local timestamp. */
static int64_t local_today(const struct pgtype_dtenv *env, int plus)
{
	int64_t now = env_now(env);
	int64_t local = now + (int64_t)pgtype_tz_offset(env_tz(env), now) * 1000000;
	return (floordiv(local, PGTYPE_USECS_PER_DAY) + plus) * PGTYPE_USECS_PER_DAY;
}

/* A special word as a local timestamp (tz: false when it is an instant, like 'now'). */
static bool special_ts(enum dt_special sp, const struct pgtype_dtenv *env, int64_t *out,
		       bool *instant)
{
	*instant = false;
	switch (sp) {
	case SP_EPOCH:
		*out = INT64_C(-946684800000000);
		*instant = true;
		return true;
	case SP_INF:
		*out = PGTYPE_TS_NOEND;
		return true;
	case SP_NINF:
		*out = PGTYPE_TS_NOBEGIN;
		return true;
	case SP_NOW:
		*out = env_now(env);
		*instant = true;
		return true;
	case SP_TODAY:
		*out = local_today(env, 0);
		return true;
	case SP_TOMORROW:
		*out = local_today(env, 1);
		return true;
	case SP_YESTERDAY:
		*out = local_today(env, -1);
		return true;
	default:
		return false;
	}
}

/* The local timestamp and zone offset (seconds east, or INT32_MIN: none given) of input. */
static bool parse_ts(const char *s, size_t n, const struct pgtype_dtenv *env, const char *type,
		     int64_t *local, int *off, const struct pgtype_tz **zone, struct pgerr *err)
{
	struct dt_fields f;
	enum dt_rc rc = dt_parse(s, n, env ? env->order : PGTYPE_ORDER_MDY, &f);
	if (rc == DT_OK)
		rc = finish(&f);
	if (rc == DT_OK && (!f.has_date || f.special))
		rc = DT_SYNTAX;
	if (rc != DT_OK)
		return dt_error(rc, &f, type, s, n, err);
	struct pgtype_tm tm = {f.year, f.mon, f.mday, f.hour, f.min, f.sec, f.usec, 0, 0};
	if (!pgtype_tm2ts(&tm, local))
		return pgerr_set(err, "22008", "timestamp out of range: \"%.*s\"", (int)n, s);
	*off = f.has_tz && !f.zone ? f.tz_off : INT32_MIN;
	*zone = f.zone;
	return true;
}

static enum dt_special special_of(const char *s, size_t n)
{
	struct dt_fields f;
	return dt_parse(s, n, PGTYPE_ORDER_MDY, &f) == DT_OK ? f.special : SP_NONE;
}

bool pgtype_timestamp_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			 struct pgerr *err)
{
	int off;
	if (pgtype_iso_ts_in(s, n, out, &off))
		return true; /* an offset is ignored, as below */
	bool instant;
	enum dt_special sp = special_of(s, n);
	if (sp != SP_NONE && sp != SP_ALLBALLS && special_ts(sp, env, out, &instant)) {
		if (instant && sp == SP_NOW) /* 'now' as a timestamp is the local wall clock */
			*out += (int64_t)pgtype_tz_offset(env_tz(env), *out) * 1000000;
		return true;
	}
	const struct pgtype_tz *zone;
	return parse_ts(s, n, env, "timestamp", out, &off, &zone, err); /* a zone is ignored */
}

bool pgtype_timestamptz_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *out,
			   struct pgerr *err)
{
	int off;
	const struct pgtype_tz *zone = NULL;
	int64_t local;
	if (!pgtype_iso_ts_in(s, n, &local, &off)) {
		bool instant;
		enum dt_special sp = special_of(s, n);
		if (sp != SP_NONE && sp != SP_ALLBALLS && special_ts(sp, env, out, &instant)) {
			if (!instant && *out != PGTYPE_TS_NOEND && *out != PGTYPE_TS_NOBEGIN)
				*out -= (int64_t)pgtype_tz_local_offset(env_tz(env), *out) * 1000000;
			return true;
		}
		if (!parse_ts(s, n, env, "timestamp with time zone", &local, &off, &zone, err))
			return false;
	}
	if (off == INT32_MIN)
		off = pgtype_tz_local_offset(zone ? zone : env_tz(env), local);
	*out = local - (int64_t)off * 1000000;
	if (*out < PGTYPE_MIN_TS || *out >= PGTYPE_END_TS)
		return pgerr_set(err, "22008", "timestamp out of range: \"%.*s\"", (int)n, s);
	return true;
}

bool pgtype_date_in(const char *s, size_t n, const struct pgtype_dtenv *env, int32_t *out,
		    struct pgerr *err)
{
	bool instant;
	int64_t ts;
	enum dt_special sp = special_of(s, n);
	if (sp == SP_INF || sp == SP_NINF) {
		*out = sp == SP_INF ? PGTYPE_DATE_NOEND : PGTYPE_DATE_NOBEGIN;
		return true;
	}
	if (sp != SP_NONE && sp != SP_ALLBALLS && special_ts(sp, env, &ts, &instant)) {
		if (sp == SP_NOW)
			ts += (int64_t)pgtype_tz_offset(env_tz(env), ts) * 1000000;
		*out = (int32_t)floordiv(ts, PGTYPE_USECS_PER_DAY);
		return true;
	}
	struct dt_fields f;
	enum dt_rc rc = dt_parse(s, n, env ? env->order : PGTYPE_ORDER_MDY, &f);
	if (rc == DT_OK)
		rc = finish(&f);
	if (rc == DT_OK && (!f.has_date || f.special))
		rc = DT_SYNTAX;
	if (rc != DT_OK)
		return dt_error(rc, &f, "date", s, n, err);
	if (f.year < -4713 || f.year > 5874897 ||
	    pgtype_date2j(f.year, f.mon, f.mday) < 0) /* before 4714-11-24 BC: IS_VALID_DATE */
		return pgerr_set(err, "22008", "date out of range: \"%.*s\"", (int)n, s);
	*out = pgtype_date2j(f.year, f.mon, f.mday) - PGTYPE_POSTGRES_EPOCH_JDATE;
	return true;
}

/* The time of day of parsed fields (rc: dt_parse's answer) in microseconds: PostgreSQL's
 * syntax error names the type as `type`, its range error as `range_type`. */
static bool time_of_day(struct dt_fields *f, enum dt_rc rc, const char *type,
			const char *range_type, const char *s, size_t n, int64_t *out,
			struct pgerr *err)
{
	if (rc == DT_OK)
		rc = finish(f);
	if (rc == DT_OK && (!f->has_time || f->special))
		rc = DT_SYNTAX;
	if (rc == DT_OK && f->zone && !f->has_date) /* a named zone needs a date, as DecodeTimeOnly */
		rc = DT_SYNTAX;
	if (rc != DT_OK)
		return dt_error(rc, f, type, s, n, err);
	*out = ((f->hour * INT64_C(60) + f->min) * 60 + f->sec) * 1000000 + f->usec;
	if (*out > PGTYPE_USECS_PER_DAY)
		return dt_error(DT_RANGE, f, range_type, s, n, err);
	return true;
}

bool pgtype_time_in(const char *s, size_t n, int64_t *out, struct pgerr *err)
{
	struct dt_fields f;
	enum dt_rc rc = dt_parse(s, n, PGTYPE_ORDER_MDY, &f);
	if (rc == DT_OK && f.special == SP_ALLBALLS) {
		*out = 0;
		return true;
	}
	if (rc == DT_OK && f.special == SP_NOW) {
		int64_t now = pgtype_now();
		*out = now - floordiv(now, PGTYPE_USECS_PER_DAY) * PGTYPE_USECS_PER_DAY;
		return true;
	}
	return time_of_day(&f, rc, "time without time zone", "time", s, n, out, err);
}

/* timetz_in: a time and a zone; without one the zone is env's (PostgreSQL's session TimeZone)
 * at the given date, or today. An offset is kept as given, a named zone becomes its offset. */
bool pgtype_timetz_in(const char *s, size_t n, const struct pgtype_dtenv *env, int64_t *time,
		      int32_t *east, struct pgerr *err)
{
	struct dt_fields f;
	enum dt_rc rc = dt_parse(s, n, env ? env->order : PGTYPE_ORDER_MDY, &f);
	if (rc == DT_OK && f.special == SP_ALLBALLS) {
		*time = 0;
		*east = 0;
		return true;
	}
	if (!time_of_day(&f, rc, "time with time zone", "time with time zone", s, n, time, err))
		return false;
	if (f.has_tz && !f.zone) {
		*east = f.tz_off;
	} else {
		int64_t day = local_today(env, 0);
		struct pgtype_tm tm = {f.year, f.mon, f.mday, 0, 0, 0, 0, 0, 0};
		if (f.has_date && !pgtype_tm2ts(&tm, &day))
			return pgerr_set(err, "22008", "date out of range: \"%.*s\"", (int)n, s);
		*east = pgtype_tz_local_offset(f.zone ? f.zone : env_tz(env), day + *time);
	}
	if (*east <= -16 * 3600 || *east >= 16 * 3600)
		return pgerr_set(err, "22009", "time zone displacement out of range: \"%.*s\"",
				 (int)n, s);
	return true;
}

bool pgtype_tz_abbrev_offset(const char *name, int *off)
{
	char low[8];
	size_t n = strlen(name);
	if (n >= sizeof(low))
		return false;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	return abbrev_offset(low, off);
}
