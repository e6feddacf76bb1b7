/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_tochar.c: to_char for dates, timestamps and intervals (the template patterns of
 * PostgreSQL's formatting.c that applications use: YYYY MM DD HH24 HH12 MI SS MS US AM/PM
 * Mon Month Dy Day DDD D Q WW IW J CC TZ OF, FM and TH modifiers, "quoted" text) and for
 * numbers (9 0 . , D G S MI PR RN FM); to_timestamp/to_date read the same patterns
 * (pgfn_todate.c). */
#include "pgfn_dtfmt.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const pgfn_month_names[12] = {"January",   "February", "March",    "April",
					  "May",       "June",     "July",     "August",
					  "September", "October",  "November", "December"};
const char *const pgfn_day_names[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
				       "Thursday", "Friday", "Saturday"};

static const struct {
	const char *text;
	enum pgfn_dtpat p;
} pats[] = {
	{"HH24", P_HH24},   {"HH12", P_HH12},    {"HH", P_HH},       {"MI", P_MI},
	{"SSSSS", P_SSSSS}, {"SSSS", P_SSSS},    {"SS", P_SS},       {"MS", P_MS},
	{"US", P_US},       {"A.M.", P_AMD},     {"P.M.", P_PMD},    {"A.D.", P_ADD},
	{"B.C.", P_BCD},    {"AM", P_AM},        {"PM", P_PM},       {"AD", P_AD},
	{"BC", P_BC},       {"Y,YYY", P_YCOMMA}, {"YYYY", P_YYYY},   {"YYY", P_YYY},
	{"YY", P_YY},       {"Y", P_Y},          {"MONTH", P_MONTH}, {"MON", P_MON},
	{"MM", P_MM},       {"DAY", P_DAY},      {"DY", P_DY},       {"DDD", P_DDD},
	{"DD", P_DD},       {"D", P_D},          {"IDDD", P_IDDD},   {"ID", P_ID},
	{"IYYY", P_IYYY},   {"IYY", P_IYY},      {"IW", P_IW},       {"IY", P_IY},
	{"I", P_I},         {"WW", P_WW},        {"W", P_W},         {"Q", P_Q},
	{"J", P_J},         {"CC", P_CC},        {"TZH", P_TZH},     {"TZM", P_TZM},
	{"TZ", P_TZ},       {"OF", P_OF},        {"RM", P_RM},       {"FF1", P_FF},
	{"FF2", P_FF},      {"FF3", P_FF},       {"FF4", P_FF},      {"FF5", P_FF},
	{"FF6", P_FF},      {"FX", P_FX},
};

const char *const pgfn_roman_months[12] = {"I",   "II",   "III", "IV", "V",  "VI",
					   "VII", "VIII", "IX",  "X",  "XI", "XII"};

enum pgfn_dtpat pgfn_dtfmt_match(const char *fmt, size_t *len)
{
	for (size_t i = 0; i < ARRAY_LEN(pats); i++) {
		size_t n = strlen(pats[i].text);
		if (strncasecmp(fmt, pats[i].text, n) == 0) {
			*len = n;
			return pats[i].p;
		}
	}
	return P_NONE;
}

/* "Month", "MONTH", "month" by the case of the pattern's first two letters. */
static void put_name(struct strbuf *out, const char *name, const char *pat, size_t abbrev, bool fm)
{
	char buf[16];
	size_t n = abbrev ? abbrev : strlen(name);
	bool upper = isupper((unsigned char)pat[0]) && isupper((unsigned char)pat[1]);
	bool lower = islower((unsigned char)pat[0]);
	for (size_t i = 0; i < n; i++)
		buf[i] = upper   ? (char)toupper((unsigned char)name[i])
			 : lower ? (char)tolower((unsigned char)name[i])
				 : name[i];
	buf[n] = '\0';
	strbuf_printf(out, abbrev || fm ? "%s" : "%-9s", buf);
}

static const char *ordinal(long v)
{
	long t = v % 100;
	if (t >= 11 && t <= 13)
		return "th";
	return v % 10 == 1 ? "st" : v % 10 == 2 ? "nd" : v % 10 == 3 ? "rd" : "th";
}

static void put_num(struct strbuf *out, long v, int width, bool fm, const char *th)
{
	if (fm)
		strbuf_printf(out, "%ld", v);
	else if (v < 0)
		strbuf_printf(out, "-%0*ld", width, -v);
	else
		strbuf_printf(out, "%0*ld", width, v);
	if (th)
		strbuf_puts(out, th[0] == 'T' ? (ordinal(v)[0] == 's'   ? "ST"
						 : ordinal(v)[0] == 'n' ? "ND"
						 : ordinal(v)[0] == 'r' ? "RD"
									: "TH")
					      : ordinal(v));
}

struct fields {
	struct pgtype_tm tm;
	int64_t year; /* for intervals: may be anything */
	int64_t hour;
	bool interval;
	int off;
	const char *abbr;
};

static void one(struct strbuf *out, enum pgfn_dtpat p, const char *pat, const struct fields *f,
		bool fm, const char *th)
{
	const struct pgtype_tm *tm = &f->tm;
	long y = (long)(f->year > 0 || f->interval ? f->year : 1 - f->year);
	int iy;
	int32_t jd = pgtype_date2j(tm->year, tm->mon, tm->mday);
	switch (p) {
	case P_HH24:
		put_num(out, (long)f->hour, 2, fm, th);
		break;
	case P_HH12:
	case P_HH:
		put_num(out, f->hour % 12 == 0 ? 12 : (long)(f->hour % 12), 2, fm, th);
		break;
	case P_MI:
		put_num(out, tm->min, 2, fm, th);
		break;
	case P_SS:
		put_num(out, tm->sec, 2, fm, th);
		break;
	case P_SSSS:
		put_num(out, (long)(f->hour * 3600 + tm->min * 60 + tm->sec), 0, fm, th);
		break;
	case P_MS:
		put_num(out, tm->usec / 1000, 3, fm, th);
		break;
	case P_US:
		put_num(out, tm->usec, 6, fm, th);
		break;
	case P_AM:
	case P_PM:
		strbuf_puts(out, f->hour % 24 >= 12
					 ? (islower((unsigned char)pat[0]) ? "pm" : "PM")
					 : (islower((unsigned char)pat[0]) ? "am" : "AM"));
		break;
	case P_AMD:
	case P_PMD:
		strbuf_puts(out, f->hour % 24 >= 12
					 ? (islower((unsigned char)pat[0]) ? "p.m." : "P.M.")
					 : (islower((unsigned char)pat[0]) ? "a.m." : "A.M."));
		break;
	case P_YYYY:
		put_num(out, y, 4, fm, th);
		break;
	case P_YYY:
		put_num(out, y % 1000, 3, fm, th);
		break;
	case P_YY:
		put_num(out, y % 100, 2, fm, th);
		break;
	case P_Y:
		put_num(out, y % 10, 1, fm, th);
		break;
	case P_MONTH:
	case P_MON:
		if (tm->mon >= 1 && tm->mon <= 12)
			put_name(out, pgfn_month_names[tm->mon - 1], pat, p == P_MON ? 3 : 0, fm);
		break;
	case P_MM:
		put_num(out, tm->mon, 2, fm, th);
		break;
	case P_DAY:
	case P_DY:
		put_name(out, pgfn_day_names[tm->wday], pat, p == P_DY ? 3 : 0, fm);
		break;
	case P_DDD:
		put_num(out, tm->yday, 3, fm, th);
		break;
	case P_DD:
		put_num(out, tm->mday, 2, fm, th);
		break;
	case P_D:
		put_num(out, tm->wday + 1, 1, fm, th);
		break;
	case P_IW:
		put_num(out, pgfn_iso_week(jd, &iy), 2, fm, th);
		break;
	case P_WW:
		put_num(out, (tm->yday - 1) / 7 + 1, 2, fm, th);
		break;
	case P_Q:
		put_num(out, (tm->mon - 1) / 3 + 1, 1, fm, th);
		break;
	case P_J:
		put_num(out, jd, 1, fm, th);
		break;
	case P_CC: /* DCH_CC, from the astronomical year: 97 BC is century -01 */
		put_num(out, f->interval      ? f->year / 100
			     : f->year > 0    ? (f->year - 1) / 100 + 1
					      : f->year / 100 - 1,
			2, fm, th);
		break;
	case P_TZ:
		if (f->abbr)
			put_name(out, f->abbr, pat, strlen(f->abbr), true);
		break;
	case P_OF: {
		int a = f->off < 0 ? -f->off : f->off;
		strbuf_printf(out, "%c%02d", f->off < 0 ? '-' : '+', a / 3600);
		if (a % 3600)
			strbuf_printf(out, ":%02d", a % 3600 / 60);
		break;
	}
	case P_SSSSS:
		put_num(out, (long)(f->hour * 3600 + tm->min * 60 + tm->sec), 0, fm, th);
		break;
	case P_YCOMMA:
		strbuf_printf(out, "%ld,%03ld", y / 1000, y % 1000);
		break;
	case P_IYYY:
	case P_IYY:
	case P_IY:
	case P_I: {
		/* the ISO 8601 week-numbering year, as many of its last digits as the pattern has */
		static const long mod[] = {10000, 1000, 100, 10};
		static const int width[] = {4, 3, 2, 1};
		int k = p - P_IYYY;
		pgfn_iso_week(jd, &iy);
		long v = iy > 0 ? iy : 1 - iy;
		put_num(out, k == 0 ? v : v % mod[k], width[k], fm, th);
		break;
	}
	case P_IDDD:
		put_num(out, (pgfn_iso_week(jd, &iy) - 1) * 7L + (tm->wday + 6) % 7 + 1, 3, fm, th);
		break;
	case P_ID:
		put_num(out, (tm->wday + 6) % 7 + 1, 1, fm, th);
		break;
	case P_W:
		put_num(out, (tm->mday - 1) / 7 + 1, 1, fm, th);
		break;
	case P_TZH: {
		int a = f->off < 0 ? -f->off : f->off;
		strbuf_printf(out, "%c%02d", f->off < 0 ? '-' : '+', a / 3600);
		break;
	}
	case P_TZM: {
		int a = f->off < 0 ? -f->off : f->off;
		strbuf_printf(out, "%02d", a % 3600 / 60);
		break;
	}
	case P_RM: {
		/* an interval's month may be 0 (whole years: XII, or I when negative) or negative
		 * (-1 is December), as PostgreSQL 15.4's DCH_RM */
		int m = !f->interval || tm->mon > 0 ? tm->mon
			: tm->mon < 0		    ? 13 + tm->mon
			: f->year == 0		    ? 0
			: f->year > 0		    ? 12
						    : 1;
		if (m >= 1 && m <= 12) {
			const char *r = pgfn_roman_months[m - 1];
			char buf[8];
			size_t n = strlen(r);
			for (size_t i = 0; i <= n; i++)
				buf[i] = islower((unsigned char)pat[0])
						 ? (char)tolower((unsigned char)r[i])
						 : r[i];
			strbuf_printf(out, fm ? "%s" : "%-4s", buf);
		}
		break;
	}
	case P_AD:
	case P_BC:
	case P_ADD:
	case P_BCD: {
		bool bc = f->year <= 0 && !f->interval;
		bool dots = p == P_ADD || p == P_BCD;
		const char *w = bc ? (dots ? "B.C." : "BC") : (dots ? "A.D." : "AD");
		for (; *w; w++)
			strbuf_putc(out, islower((unsigned char)pat[0])
						 ? (char)tolower((unsigned char)*w)
						 : *w);
		break;
	}
	case P_FF: {
		int digits = pat[2] - '0';
		long v = tm->usec;
		for (int i = digits; i < 6; i++)
			v /= 10;
		strbuf_printf(out, "%0*ld", digits, v);
		break;
	}
	default:
		break;
	}
}

static void format(struct strbuf *out, const char *fmt, const struct fields *f)
{
	while (*fmt) {
		bool fm = strncasecmp(fmt, "FM", 2) == 0;
		size_t len;
		enum pgfn_dtpat p = pgfn_dtfmt_match(fmt + (fm ? 2 : 0), &len);
		if (p != P_NONE) {
			const char *pat = fmt + (fm ? 2 : 0);
			const char *th = strncmp(pat + len, "TH", 2) == 0   ? "TH"
					 : strncmp(pat + len, "th", 2) == 0 ? "th"
									    : NULL;
			one(out, p, pat, f, fm, th);
			fmt = pat + len + (th ? 2 : 0);
		} else if (*fmt == '"') {
			for (fmt++; *fmt && *fmt != '"'; fmt++) {
				if (*fmt == '\\' && fmt[1])
					fmt++;
				strbuf_putc(out, *fmt);
			}
			fmt += *fmt == '"';
		} else if (fm) {
			fmt += 2;
		} else {
			if (*fmt == '\\' && fmt[1] == '"')
				fmt++;
			strbuf_putc(out, *fmt++);
		}
	}
}

void pgfn_to_char_dt(struct strbuf *out, const struct pgfn_dt *v, const char *fmt,
		     const struct pgtype_tz *tz)
{
	struct fields f = {0};
	if (v->oid == PGTYPE_INTERVAL) {
		f.interval = true;
		int64_t t = v->iv.time;
		f.year = v->iv.month / 12;
		f.tm.mon = v->iv.month % 12;
		f.tm.mday = v->iv.day;
		f.hour = t / INT64_C(3600000000);
		f.tm.min = (int)(t / 60000000 % 60);
		f.tm.sec = (int)(t / 1000000 % 60);
		f.tm.usec = (int)(t % 1000000);
		f.tm.year = (int)f.year;
		format(out, fmt, &f);
		return;
	}
	int64_t ts = v->oid == PGTYPE_DATE ? (int64_t)v->date * PGTYPE_USECS_PER_DAY : v->ts;
	if (v->oid == PGTYPE_TIMESTAMPTZ) {
		f.off = pgtype_tz_offset(tz, ts);
		f.abbr = pgtype_tz_abbrev(tz, ts);
		ts += (int64_t)f.off * 1000000;
	}
	pgtype_ts2tm(ts, &f.tm);
	f.year = f.tm.year;
	f.hour = f.tm.hour;
	format(out, fmt, &f);
}

/* ---- numbers ---- */

/* The EEEE form ("9.99EEEE"): digits and a point, then EEEE last; the mantissa with as many
 * decimals as the template has after its point, e and a signed exponent of at least two
 * digits, a blank where a positive value's sign goes. 1 done, 0 no EEEE in fmt, -1 a
 * template PostgreSQL refuses (42601, message in *why). */
static int to_char_eeee(struct strbuf *out, double d, const char *fmt, const char **why)
{
	const char *e = strstr(fmt, "EEEE");
	if (!e)
		e = strstr(fmt, "eeee");
	if (!e)
		return 0;
	int npre = 0, npost = 0;
	bool point = false;
	for (const char *p = fmt; p < e; p++) {
		if (*p == '9' || *p == '0') {
			npost += point;
			npre += !point;
		} else if ((*p == '.' || *p == 'D' || *p == 'd') && !point) {
			point = true;
		} else {
			*why = "\"EEEE\" is incompatible with other formats";
			return -1;
		}
	}
	if (e[4]) {
		*why = "\"EEEE\" must be the last pattern used";
		return -1;
	}
	if (!isfinite(d)) { /* as PostgreSQL: '#' in every position */
		strbuf_putc(out, ' ');
		for (int i = 0; i < npre; i++)
			strbuf_putc(out, '#');
		strbuf_putc(out, '.');
		for (int i = 0; i < npost + 4; i++)
			strbuf_putc(out, '#');
		return 1;
	}
	char buf[400];
	snprintf(buf, sizeof(buf), "%+.*e", npost, d);
	if (buf[0] == '+')
		buf[0] = ' ';
	strbuf_puts(out, buf);
	return 1;
}

/* The decimal digits of |x| rounded half away from zero to npost places, as numeric_to_char
 * rounds a numeric (a double would round 1.005 down); false when x does not fit. */
static bool exact_digits(const struct pgfn_num *x, int npost, char *buf, size_t cap)
{
	struct pgfn_num *t = base_xmalloc(sizeof(*t));
	*t = *x;
	t->neg = false;
	bool ok = pgfn_num_round(t, npost);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (ok)
		pgfn_num_format(t, &sb);
	ok = ok && !sb.failed && sb.data && sb.len < cap;
	if (ok)
		memcpy(buf, sb.data, sb.len + 1);
	strbuf_fini(&sb);
	free(t);
	return ok;
}

/* RN / rn (FM: no padding): the value rounded to an integer in roman numerals, right-aligned
 * in 15 characters (a numeric rounded half away from zero, a float half to even); outside
 * 1..3999 fifteen '#', as formatting.c's int_to_roman. */
static void to_roman(struct strbuf *out, double d, bool numeric, bool fm, bool lower)
{
	static const struct {
		int v;
		const char *s;
	} r[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
		 {50, "L"},   {40, "XL"},  {10, "X"},  {9, "IX"},   {5, "V"},   {4, "IV"},
		 {1, "I"}};
	double n = numeric ? round(d) : rint(d); /* a float rounds half to even, as rint */
	if (!(n >= 1 && n <= 3999)) {
		strbuf_puts(out, "###############");
		return;
	}
	char buf[32];
	size_t len = 0;
	for (int v = (int)n, i = 0; v > 0; i += v < r[i].v) {
		if (v >= r[i].v) {
			for (const char *c = r[i].s; *c; c++)
				buf[len++] = lower ? (char)tolower((unsigned char)*c) : *c;
			v -= r[i].v;
		}
	}
	for (size_t i = len; !fm && i < 15; i++)
		strbuf_putc(out, ' ');
	strbuf_append(out, buf, len);
}

/* A position of a template's integer or fraction part that is not a digit or group separator:
 * a character copied as it is (quoted text, a blank, any non-pattern character, and L, the
 * currency symbol, a blank under lc_monetary C as the symbol is empty there). */
#define NUM_LIT 'L'
/* The copied character that stands for MI's or SG's sign after the first position. */
#define NUM_SIGN '\x01'

/* Letters that begin a number template pattern: any other character is copied as text. */
static bool pattern_letter(char c) { return strchr("BCDEFGLMPRSTV", c) != NULL; }

/* The integer digits of |value| × 10^multi (V), rounded, without leading zeros. */
static void shift_digits(char *digits, int multi)
{
	char *dot = strchr(digits, '.');
	if (multi == 0 || !dot)
		return;
	memmove(dot, dot + 1, strlen(dot + 1) + 1);
	size_t z = strspn(digits, "0");
	if (z == strlen(digits))
		z--;
	memmove(digits, digits + z, strlen(digits + z) + 1);
}

bool pgfn_to_char_num(struct strbuf *out, double d, const struct pgfn_num *exact, int float_dig,
		      const char *fmt)
{
	bool fm = false, sign_s = false, sign_mi = false, point = false, mi_plus = false;
	bool s_after = false, mi_before = false; /* S after the digits, MI (SG) before them */
	bool sign_pr = false;			 /* PR: <negative> */
	int pl = 0, multi = -1; /* PL: 1 before the digits, 2 after; V: digits after it */
	const char *rn = fmt + ((fmt[0] == 'F' || fmt[0] == 'f') && (fmt[1] == 'M' || fmt[1] == 'm') ? 2 : 0);
	if ((strcmp(rn, "RN") == 0 || strcmp(rn, "rn") == 0) && isfinite(d)) {
		to_roman(out, d, exact != NULL, rn != fmt, rn[0] == 'r');
		return true;
	}
	char pre[64], post[64], prelit[64], postlit[64];
	const char *th = NULL; /* TH or th: the integer part's ordinal suffix */
	int npre = 0, npost = 0, postdig = 0;
	for (const char *p = fmt; *p; p++) {
		char c = (char)toupper((unsigned char)*p);
		char lit[2] = {0, 0}; /* a character copied as it is */
		if (npre >= 60 || npost >= 60)
			return false;
		if ((p[0] == 'T' && p[1] == 'H') || (p[0] == 't' && p[1] == 'h')) {
			th = p[0] == 'T' ? "TH" : "th";
			p++;
		} else if (c == 'F' && toupper((unsigned char)p[1]) == 'M') {
			fm = true;
			p++;
		} else if ((c == 'M' || c == 'S') && toupper((unsigned char)p[1]) == (c == 'M' ? 'I' : 'G')) {
			sign_mi = true; /* MI, SG: the sign in its own position */
			mi_plus = c == 'S';
			mi_before = npre == 0 && !point;
			if (!mi_before)
				lit[0] = NUM_SIGN; /* where it stands, among the digits or after */
			p++;
		} else if (c == 'P' && toupper((unsigned char)p[1]) == 'L') {
			pl = npre == 0 && !point ? 1 : 2;
			p++;
		} else if (c == 'S') {
			sign_s = true;
			s_after = npre > 0 || point;
		} else if (c == 'P' && toupper((unsigned char)p[1]) == 'R' && !p[2]) {
			sign_pr = true; /* only last, as PostgreSQL wants it */
			p++;
		} else if (c == 'V') {
			if (point || multi >= 0)
				return false; /* PostgreSQL: 42601 */
			multi = 0;
		} else if ((c == '.' || c == 'D') && !point && multi < 0) {
			point = true;
		} else if (c == '9' || c == '0') {
			if (point)
				post[npost++] = c, postdig++;
			else
				pre[npre++] = c, multi += multi >= 0;
		} else if (c == ',' || c == 'G') {
			if (point)
				post[npost++] = ',';
			else
				pre[npre++] = ',';
		} else if (c == 'L') {
			lit[0] = ' ';
		} else if (*p == '"') { /* quoted text: each character copied, \" a quote */
			for (p++; *p && *p != '"' && npre < 60 && npost < 60; p++) {
				if (*p == '\\' && p[1] == '"')
					p++;
				if (point)
					post[npost] = NUM_LIT, postlit[npost++] = *p;
				else
					pre[npre] = NUM_LIT, prelit[npre++] = *p;
			}
			if (!*p)
				p--;
		} else if (*p == '\\' && p[1] == '"') {
			lit[0] = '"';
			p++;
		} else if (!pattern_letter(c) && !(c >= '1' && c <= '8') && c != '.') {
			lit[0] = *p;
		} else {
			return false;
		}
		if (lit[0] && point)
			post[npost] = NUM_LIT, postlit[npost++] = lit[0];
		else if (lit[0])
			pre[npre] = NUM_LIT, prelit[npre++] = lit[0];
	}
	if (multi < 0)
		multi = 0;
	/* a float shows at most FLT_DIG/DBL_DIG digits: fewer decimals (float8_to_char) */
	int postcap = postdig;
	if (float_dig && isfinite(d)) {
		char whole[400];
		int wl = snprintf(whole, sizeof(whole), "%.0f", fabs(d));
		postcap = wl >= float_dig ? 0 : wl + postdig > float_dig ? float_dig - wl : postdig;
	}
	char digits[400];
	int places = multi ? multi : postcap;
	if (!exact || !exact_digits(exact, places, digits, sizeof(digits)))
		snprintf(digits, sizeof(digits), "%.*f", places, fabs(d));
	shift_digits(digits, multi);
	/* a numeric's sign is the rounded value's, a float's its own (float8_to_char: -0) */
	bool neg = exact ? exact->neg && strspn(digits, "0.") != strlen(digits) : d < 0;
	char *dot = strchr(digits, '.');
	size_t nint = dot ? (size_t)(dot - digits) : strlen(digits);
	if (nint == 1 && digits[0] == '0' && point)
		nint = 0; /* no integer digits before a point: "0" only where a 0 position asks
			   * (to_char(0, '9.99') is '  .00'; without a point, '9' shows 0) */
	int slots = 0;
	for (int i = 0; i < npre; i++)
		slots += pre[i] != ',' && pre[i] != NUM_LIT;
	char sign_ch = neg ? '-' : mi_plus ? '+' : fm ? '\0' : ' '; /* MI, SG where they stand */
	struct strbuf body;
	strbuf_init(&body, 0);
	long di = (long)nint - 1;
	char tmp[128];
	bool tlit[128];
	int nt = 0;
	bool overflow = (int)nint > slots || !isfinite(d); /* PostgreSQL fills with # too */
	for (int i = npre - 1; i >= 0; i--) {
		char c;
		tlit[nt] = pre[i] == NUM_LIT;
		if (pre[i] == NUM_LIT && prelit[i] == NUM_SIGN && !sign_ch)
			continue;
		if (pre[i] == NUM_LIT)
			c = prelit[i] == NUM_SIGN ? sign_ch : prelit[i];
		else if (pre[i] == ',')
			c = di >= 0 || overflow ? ',' : ' ';
		else if (overflow)
			c = '#';
		else if (di >= 0)
			c = digits[di--];
		else
			c = pre[i] == '0' ? '0' : ' ';
		tmp[nt++] = c;
	}
	/* a 0 position forces zeros up to it */
	for (int i = nt - 1; i >= 0; i--) {
		if (pre[npre - 1 - i] == '0') {
			for (int j = i; j >= 0; j--)
				tmp[j] = tmp[j] == ' ' && !tlit[j]
						 ? (pre[npre - 1 - j] == ',' ? ',' : '0')
						 : tmp[j];
			break;
		}
	}
	/* the positions before the first digit: blanks (none under FM) and copied text */
	int lead = 0;
	while (lead < nt && (tmp[nt - 1 - lead] == ' ' || tlit[nt - 1 - lead]))
		lead++;
	if (sign_mi && mi_before && (neg || !fm || mi_plus)) /* MI, SG: in its own position */
		strbuf_putc(&body, neg ? '-' : mi_plus ? '+' : ' ');
	if (pl == 1 && (!neg || !fm)) /* PL: a plus in its own position */
		strbuf_putc(&body, neg ? ' ' : '+');
	for (int i = 0; i < lead; i++)
		if (tlit[nt - 1 - i] || !fm)
			strbuf_putc(&body, tmp[nt - 1 - i]);
	if (!sign_s && !sign_mi && (!fm || neg))
		strbuf_putc(&body, neg ? (sign_pr ? '<' : '-') : ' ');
	if (sign_s && !s_after) /* S: anchored to the number, before or after it */
		strbuf_putc(&body, neg ? '-' : '+');
	for (int i = nt - 1 - lead; i >= 0; i--)
		strbuf_putc(&body, tmp[i]);
	if (point && npost > 0) { /* no digit position after it: no point (to_char(1, '9.')) */
		int keep = postcap; /* FM: trailing zeros of 9 positions dropped */
		for (int k = npost - 1, dk = postdig - 1; fm && k >= 0; k--) {
			if (post[k] == NUM_LIT || post[k] == ',')
				continue;
			if (dk-- >= postcap) /* beyond the float's digits: not shown */
				continue;
			if (post[k] != '9' || overflow || !dot || dot[2 + dk] != '0')
				break;
			keep--;
		}
		if (fm && keep == 0 && nt - lead == 0 && !overflow)
			strbuf_putc(&body, '0'); /* formatting.c's "total terrible Ora": 0 → '0.' */
		if (postcap > 0)
			strbuf_putc(&body, '.');
		for (int k = 0, dk = 0; k < npost; k++) {
			if (post[k] == NUM_LIT && postlit[k] == NUM_SIGN && sign_ch)
				strbuf_putc(&body, sign_ch);
			else if (post[k] == NUM_LIT && postlit[k] != NUM_SIGN)
				strbuf_putc(&body, postlit[k]);
			else if (post[k] == ',' && dk < keep)
				strbuf_putc(&body, ',');
			else if (post[k] != ',' && dk++ < keep)
				strbuf_putc(&body, overflow ? '#' : dot ? dot[dk] : '0');
		}
	}
	/* the ordinal of the integer part, as digits were printed; none for a negative or a
	 * fractional template (formatting.c converts neither) */
	if (th && !overflow && !neg && !point) {
		long v = nint ? strtol(digits, NULL, 10) : 0;
		const char *o = ordinal(v);
		for (; *o; o++)
			strbuf_putc(&body, th[0] == 'T' ? (char)toupper((unsigned char)*o) : *o);
	}
	if (sign_s && s_after)
		strbuf_putc(&body, neg ? '-' : '+');
	if (sign_pr && (neg || !fm))
		strbuf_putc(&body, neg ? '>' : ' ');
	if (pl == 2 && (!neg || !fm))
		strbuf_putc(&body, neg ? ' ' : '+');
	strbuf_append(out, body.data ? body.data : "", strlen(body.data ? body.data : ""));
	strbuf_fini(&body);
	return true;
}

/* pg_to_char(x, oid, fmt) */
static void fn_to_char(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[1]);
	const char *fmt = (const char *)sqlite3_value_text(argv[2]);
	struct strbuf sb;
	struct pgfn_dt v;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || !fmt) {
		sqlite3_result_null(ctx);
		return;
	}
	strbuf_init(&sb, 0);
	bool num = oid == PGTYPE_INT2 || oid == PGTYPE_INT4 || oid == PGTYPE_INT8 ||
		   oid == PGTYPE_NUMERIC || oid == PGTYPE_FLOAT4 || oid == PGTYPE_FLOAT8 ||
		   (oid == 0 && sqlite3_value_type(argv[0]) != SQLITE_TEXT);
	const char *why = NULL;
	double d = sqlite3_value_double(argv[0]);
	if (num && sqlite3_value_type(argv[0]) == SQLITE_TEXT) { /* NaN, Infinity: kept as text */
		const char *t = (const char *)sqlite3_value_text(argv[0]);
		if (t && strcasecmp(t, "NaN") == 0)
			d = NAN;
		else if (t && strcasestr(t, "infinity"))
			d = *t == '-' ? -INFINITY : INFINITY;
	}
	int eeee = num ? to_char_eeee(&sb, d, fmt, &why) : 0;
	if (eeee < 0) {
		pgfn_error(ctx, "42601", "%s", why);
	} else if (eeee > 0) {
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	} else if (num) {
		/* an integer or numeric by its decimal digits (a double keeps 15 or 16) */
		struct pgfn_num *x = NULL;
		int r = 0;
		if ((oid == PGTYPE_NUMERIC || oid == PGTYPE_INT2 || oid == PGTYPE_INT4 ||
		     oid == PGTYPE_INT8) && isfinite(d)) {
			x = base_xmalloc(sizeof(*x));
			r = pgfn_num_arg(ctx, argv[0], -1, x);
		}
		int float_dig = oid == PGTYPE_FLOAT4 ? 6 : oid == PGTYPE_FLOAT8 ? 15 : 0;
		bool ok = r < 0 || pgfn_to_char_num(&sb, d, r == 1 ? x : NULL, float_dig, fmt);
		free(x);
		if (r < 0)
			; /* the error pgfn_num_arg set */
		else if (!ok)
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "to_char number format \"%s\" is not supported", fmt);
		else
			sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len,
					    SQLITE_TRANSIENT);
	} else if (pgfn_dt_arg(ctx, argv[0], oid, &v)) {
		if ((v.oid != PGTYPE_INTERVAL && v.oid != PGTYPE_DATE && !pgfn_dt_finite(v.ts)) ||
		    (v.oid == PGTYPE_DATE &&
		     (v.date == PGTYPE_DATE_NOBEGIN || v.date == PGTYPE_DATE_NOEND))) {
			sqlite3_result_null(ctx);
		} else {
			pgfn_to_char_dt(&sb, &v, fmt, pgfn_dt_zone(ctx));
			sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len,
					    SQLITE_TRANSIENT);
		}
	}
	strbuf_fini(&sb);
}

/* pg_to_timestamp_epoch(seconds) */
static void fn_to_timestamp_epoch(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	double sec = pgfn_float_arg(argv[0]); /* a NaN is stored as the text 'NaN' */
	struct pgfn_dt v = {.oid = PGTYPE_TIMESTAMPTZ};
	if (isnan(sec)) {
		pgfn_error(ctx, "22008", "timestamp cannot be NaN");
		return;
	}
	if (isinf(sec)) {
		v.ts = sec > 0 ? PGTYPE_TS_NOEND : PGTYPE_TS_NOBEGIN;
		pgfn_dt_result(ctx, &v);
		return;
	}
	double us = rint((sec - 946684800.0) * 1e6);
	if (us < -211813488000000000.0 || us >= 9223371331200000000.0) {
		pgfn_error(ctx, "22008", "timestamp out of range: \"%g\"", sec);
		return;
	}
	v.ts = (int64_t)us;
	pgfn_dt_result(ctx, &v);
}

int pgfn_register_tochar(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct pgfn_def zoned[] = {
		{"pg_to_char", 3, fn_to_char},
		{"pg_to_timestamp", 3, pgfn_to_timestamp},
	};
	static const struct pgfn_def epoch[] = {
		{"pg_to_timestamp_epoch", 1, fn_to_timestamp_epoch}};
	int rc = pgfn_define_with(db, zoned, ARRAY_LEN(zoned), SQLITE_INNOCUOUS, c);
	if (rc == SQLITE_OK) /* no zone involved: the same input, the same instant */
		rc = pgfn_define_with(db, epoch, 1, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, c);
	return rc;
}
