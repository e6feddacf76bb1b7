/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jpdatetime.c: jsonpath's .datetime() without a template, for the ISO 8601 forms only —
 * date (2023-01-02), time (10:11:12[.ffffff]), time with a zone (10:11:12+05[:30]), timestamp
 * and timestamp with a zone (the date, then a blank or T, then the time) — and .datetime(template)
 * (read by to_timestamp's engine in its strict mode, pgfn_todate.c; typed by the template's
 * fields), as date/time items that print as PostgreSQL's JSON does (2023-01-02T10:11:12+05:00),
 * answer type() and compare with items of their own type. Other spellings without a template,
 * which PostgreSQL reads with to_timestamp's rules, and comparisons that need a cast between
 * types are refused (0A000). */
#include "pgfn_jsonpath.h"

#include "pgfn_dtfmt.h"

#include <stdio.h>
#include <string.h>

/* A date/time item is a J_STRING (its text, for output) whose srclen is this tag and whose
 * src is a struct jp_dt. */
#define JP_DT_TAG ((size_t)-7)

enum jp_dt_kind { DT_DATE, DT_TIME, DT_TIMETZ, DT_TS, DT_TSTZ };

struct jp_dt {
	enum jp_dt_kind kind;
	int64_t value;  /* days (date), microseconds (time, local timestamp), UTC microseconds */
	int32_t offset; /* seconds east of UTC (the zoned kinds) */
};

bool pgfn_jp_is_datetime(const struct jv *v)
{
	return v->type == J_STRING && v->srclen == JP_DT_TAG;
}

const char *pgfn_jp_datetime_type(const struct jv *v)
{
	static const char *const names[] = {"date", "time without time zone", "time with time zone",
					    "timestamp without time zone",
					    "timestamp with time zone"};
	return names[((const struct jp_dt *)(const void *)v->src)->kind];
}

static int digits(const char *s, size_t n, size_t at, size_t count, int *out)
{
	int v = 0;
	if (at + count > n)
		return -1;
	for (size_t i = 0; i < count; i++) {
		if (s[at + i] < '0' || s[at + i] > '9')
			return -1;
		v = v * 10 + (s[at + i] - '0');
	}
	*out = v;
	return 0;
}

static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int month_days(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

struct fields {
	bool has_date, has_time, has_tz;
	int y, mo, d, h, mi, sec, tzh, tzm, tzsign;
	int64_t usec;
	size_t frac_digits;
};

/* YYYY-MM-DD at s+at; 1 read (at advanced), 0 not this shape. */
static int read_date(const char *s, size_t n, size_t *at, struct fields *f)
{
	if (digits(s, n, *at, 4, &f->y) || *at + 4 >= n || s[*at + 4] != '-' ||
	    digits(s, n, *at + 5, 2, &f->mo) || *at + 7 >= n || s[*at + 7] != '-' ||
	    digits(s, n, *at + 8, 2, &f->d))
		return 0;
	*at += 10;
	f->has_date = true;
	return 1;
}

/* HH:MM:SS[.f...][+-HH[:MM]] at s+at; 1 read, 0 not this shape. */
static int read_time(const char *s, size_t n, size_t *at, struct fields *f)
{
	size_t p = *at;
	if (digits(s, n, p, 2, &f->h) || p + 2 >= n || s[p + 2] != ':' ||
	    digits(s, n, p + 3, 2, &f->mi) || p + 5 >= n || s[p + 5] != ':' ||
	    digits(s, n, p + 6, 2, &f->sec))
		return 0;
	p += 8;
	if (p < n && s[p] == '.') {
		int64_t scale = 100000;
		for (p++; p < n && s[p] >= '0' && s[p] <= '9'; p++, f->frac_digits++) {
			f->usec += (s[p] - '0') * scale; /* past 6 digits: scale 0, and refused */
			scale /= 10;
		}
		if (!f->frac_digits)
			return 0;
	}
	if (p < n && (s[p] == '+' || s[p] == '-')) {
		f->tzsign = s[p] == '-' ? -1 : 1;
		if (digits(s, n, p + 1, 2, &f->tzh))
			return 0;
		p += 3;
		if (p < n && s[p] == ':') {
			if (digits(s, n, p + 1, 2, &f->tzm))
				return 0;
			p += 3;
		}
		f->has_tz = true;
	}
	*at = p;
	f->has_time = true;
	return 1;
}

static void put_time(struct strbuf *sb, const struct fields *f)
{
	strbuf_printf(sb, "%02d:%02d:%02d", f->h, f->mi, f->sec);
	if (f->usec) {
		char frac[8];
		snprintf(frac, sizeof(frac), "%06lld", (long long)f->usec);
		size_t k = 6;
		while (k > 0 && frac[k - 1] == '0')
			k--;
		strbuf_printf(sb, ".%.*s", (int)k, frac);
	}
}

static void put_zone(struct strbuf *sb, const struct fields *f)
{
	bool west = f->tzsign < 0 && (f->tzh || f->tzm); /* -00 is +00:00 */
	strbuf_printf(sb, "%c%02d:%02d", west ? '-' : '+', f->tzh, f->tzm);
}

static struct jv *item(struct arena *a, const struct fields *fp);

struct jv *pgfn_jp_datetime_parse(struct arena *a, const char *s, size_t n, const char **state,
				  const char **err)
{
	struct fields f = {0};
	size_t at = 0;
	if (read_date(s, n, &at, &f) && at < n && (s[at] == ' ' || s[at] == 'T')) {
		at++;
		if (!read_time(s, n, &at, &f)) {
			f.has_time = false;
			at = n + 1;
		}
	} else if (!f.has_date) {
		read_time(s, n, &at, &f);
	}
	if (at != n || (!f.has_date && !f.has_time) || (f.has_date && f.y == 0)) {
		*state = SQLSTATE_FEATURE_NOT_SUPPORTED;
		*err = arena_printf(a,
				    "jsonpath item method .datetime() of \"%.*s\" is not supported "
				    "(only ISO 8601 dates, times and timestamps are read)",
				    (int)n, s);
		return NULL;
	}
	bool bad =
		(f.has_date && (f.mo < 1 || f.mo > 12 || f.d < 1 || f.d > month_days(f.y, f.mo))) ||
		(f.has_time && (f.h > 23 || f.mi > 59 || f.sec > 59 || f.frac_digits > 6)) ||
		(f.has_tz && (f.tzh > 15 || f.tzm > 59));
	if (bad) {
		*state = "22031";
		*err = arena_printf(a, "datetime format is not recognized: \"%.*s\"", (int)n, s);
		return NULL;
	}
	return item(a, &f);
}

/* The item of the fields read. */
static struct jv *item(struct arena *a, const struct fields *fp)
{
	struct fields f = *fp;
	struct jp_dt *dt = arena_zalloc(a, sizeof(*dt));
	int64_t day = f.has_date ? days_from_civil(f.y, f.mo, f.d) : 0;
	int64_t tod = ((int64_t)f.h * 3600 + f.mi * 60 + f.sec) * 1000000 + f.usec;
	dt->offset = f.tzsign * (f.tzh * 3600 + f.tzm * 60);
	dt->kind = !f.has_time   ? DT_DATE
		   : !f.has_date ? (f.has_tz ? DT_TIMETZ : DT_TIME)
		   : f.has_tz    ? DT_TSTZ
				 : DT_TS;
	dt->value = dt->kind == DT_DATE ? day : day * INT64_C(86400000000) + tod;
	if (dt->kind == DT_TSTZ || dt->kind == DT_TIMETZ)
		dt->value -= (int64_t)dt->offset * 1000000;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (f.has_date)
		strbuf_printf(&sb, "%04d-%02d-%02d", f.y, f.mo, f.d);
	if (f.has_date && f.has_time)
		strbuf_putc(&sb, 'T');
	if (f.has_time)
		put_time(&sb, &f);
	if (f.has_tz)
		put_zone(&sb, &f);
	struct jv *v = arena_zalloc(a, sizeof(*v));
	v->type = J_STRING;
	v->str = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	v->len = sb.len;
	v->src = (const char *)(void *)dt;
	v->srclen = JP_DT_TAG;
	strbuf_fini(&sb);
	return v;
}

int pgfn_jp_datetime_cmp(const struct jv *a, const struct jv *b, int *cmp)
{
	const struct jp_dt *x = (const void *)a->src, *y = (const void *)b->src;
	bool xtime = x->kind == DT_TIME || x->kind == DT_TIMETZ;
	bool ytime = y->kind == DT_TIME || y->kind == DT_TIMETZ;
	if (xtime != ytime)
		return 1; /* a time and a date or timestamp: not comparable */
	if (x->kind != y->kind)
		return 2; /* PostgreSQL casts one to the other's type: not built */
	if (x->value != y->value)
		*cmp = x->value < y->value ? -1 : 1;
	else if (x->kind == DT_TIMETZ && x->offset != y->offset) /* timetz_cmp: the zone next */
		*cmp = x->offset > y->offset ? -1 : 1;
	else
		*cmp = 0;
	return 0;
}

struct jv *pgfn_jp_datetime_template(struct arena *a, const char *s, size_t n, const char *tmpl,
				     size_t tn, const char **state, const char **err)
{
	struct pgfn_dtread d;
	struct pgerr *e = arena_zalloc(a, sizeof(*e));
	if (!pgfn_dt_from_template(arena_strndup(a, s, n), arena_strndup(a, tmpl, tn), true, &d, e)) {
		*state = arena_strndup(a, e->sqlstate, 5);
		*err = arena_strndup(a, e->message, strlen(e->message));
		return NULL;
	}
	if (!d.has_date && !d.has_time) {
		*state = "22007";
		*err = "datetime format is not dated and not timed";
		return NULL;
	}
	int east = d.tz_east < 0 ? -d.tz_east : d.tz_east;
	struct fields f = {.has_date = d.has_date, .has_time = d.has_time, .has_tz = d.has_tz,
			   .y = d.tm.year, .mo = d.tm.mon, .d = d.tm.mday, .h = d.tm.hour,
			   .mi = d.tm.min, .sec = d.tm.sec, .usec = d.tm.usec,
			   .tzsign = d.tz_east < 0 ? -1 : 1, .tzh = east / 3600,
			   .tzm = east % 3600 / 60};
	return item(a, &f);
}

struct jv *pgfn_jp_datetime_lenient(struct arena *a, const char *s, size_t n,
				    const char **state, const char **err)
{
	static const char *const templates[] = {
		"yyyy-mm-dd",
		"HH24:MI:SS.USTZH:TZM",
		"HH24:MI:SS.USTZH",
		"HH24:MI:SSTZH:TZM",
		"HH24:MI:SSTZH",
		"HH24:MI:SS.US",
		"HH24:MI:SS",
		"yyyy-mm-dd HH24:MI:SS.USTZH:TZM",
		"yyyy-mm-dd HH24:MI:SS.USTZH",
		"yyyy-mm-dd HH24:MI:SSTZH:TZM",
		"yyyy-mm-dd HH24:MI:SSTZH",
		"yyyy-mm-dd\"T\"HH24:MI:SS.USTZH:TZM",
		"yyyy-mm-dd\"T\"HH24:MI:SS.USTZH",
		"yyyy-mm-dd\"T\"HH24:MI:SSTZH:TZM",
		"yyyy-mm-dd\"T\"HH24:MI:SSTZH",
		"yyyy-mm-dd HH24:MI:SS.US",
		"yyyy-mm-dd HH24:MI:SS",
		"yyyy-mm-dd\"T\"HH24:MI:SS.US",
		"yyyy-mm-dd\"T\"HH24:MI:SS",
	};
	for (size_t i = 0; i < ARRAY_LEN(templates); i++) {
		struct jv *v = pgfn_jp_datetime_template(a, s, n, templates[i],
							 strlen(templates[i]), state, err);
		if (v)
			return v;
	}
	*state = "22031";
	*err = arena_printf(a, "datetime format is not recognized: \"%.*s\"", (int)n, s);
	return NULL;
}
