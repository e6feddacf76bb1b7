/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_dtdecode.c: date/time input read as PostgreSQL's datetime parser reads it (its
 * documented rules, Appendix B): the string is cut into fields (numbers, dates, times, zones,
 * words), each field is read in the light of those before it (DateStyle's order, month names,
 * Julian days after "J", ISO 8601 basic forms, y/m/d/h/mm/s labels, "t" before a time, the
 * Default set of zone abbreviations, zone names), then the date is checked. The callers in
 * pgtype_datetime.c turn the fields into values. */
#include "pgtype_int.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAXFIELDS 25
#define BUFCAP (128 + MAXFIELDS) /* MAXDATELEN plus a terminator per field */

enum ftype { F_NUMBER, F_STRING, F_DATE, F_TIME, F_TZ, F_SPECIAL };

/* What a word is; each is also a bit of the mask of fields seen, so a second month or a
 * second zone is an error. */
enum kind {
	K_RESERV = 0,
	K_MONTH = 1,
	K_YEAR = 2,
	K_DAY = 3,
	K_TZ = 5,
	K_DTZ = 6,
	K_DYNTZ = 7,
	K_IGNORE = 8,
	K_AMPM = 9,
	K_HOUR = 10,
	K_MINUTE = 11,
	K_SECOND = 12,
	K_MSEC = 13,
	K_USEC = 14,
	K_DOY = 15,
	K_DOW = 16,
	K_UNITS = 17,
	K_ADBC = 18,
	K_ISOTIME = 23,
	K_DTZMOD = 28,
	K_UNKNOWN = 31
};
#define BIT(k) (1u << (k))
#define ALL_SECS (BIT(K_SECOND) | BIT(K_MSEC) | BIT(K_USEC))
#define DATE_M (BIT(K_YEAR) | BIT(K_MONTH) | BIT(K_DAY))
#define TIME_M (BIT(K_HOUR) | BIT(K_MINUTE) | ALL_SECS)

/* Values of reserved words and of the unit labels ("y2001m02d03"). */
enum {
	V_NOW = 1,
	V_TODAY,
	V_TOMORROW,
	V_YESTERDAY,
	V_ZULU,
	V_EPOCH,
	V_LATE,
	V_EARLY,
	U_YEAR,
	U_MONTH,
	U_DAY,
	U_HOUR,
	U_MINUTE,
	U_SECOND,
	U_JULIAN,
	U_TIME,
	U_OTHER
};
enum { AM, PM, HR24 };

struct word {
	const char *tok;
	enum kind kind;
	int val;
};

/* The words date/time input knows, sorted (searched by their first ten letters). */
static const struct word words[] = {
	{"-infinity", K_RESERV, V_EARLY},
	{"ad", K_ADBC, 0},
	{"allballs", K_RESERV, V_ZULU},
	{"am", K_AMPM, AM},
	{"apr", K_MONTH, 4},
	{"april", K_MONTH, 4},
	{"at", K_IGNORE, 0},
	{"aug", K_MONTH, 8},
	{"august", K_MONTH, 8},
	{"bc", K_ADBC, 1},
	{"d", K_UNITS, U_DAY},
	{"dec", K_MONTH, 12},
	{"december", K_MONTH, 12},
	{"dow", K_UNITS, U_OTHER},
	{"doy", K_UNITS, U_OTHER},
	{"dst", K_DTZMOD, 3600},
	{"epoch", K_RESERV, V_EPOCH},
	{"feb", K_MONTH, 2},
	{"february", K_MONTH, 2},
	{"fri", K_DOW, 5},
	{"friday", K_DOW, 5},
	{"h", K_UNITS, U_HOUR},
	{"infinity", K_RESERV, V_LATE},
	{"isodow", K_UNITS, U_OTHER},
	{"isoyear", K_UNITS, U_OTHER},
	{"j", K_UNITS, U_JULIAN},
	{"jan", K_MONTH, 1},
	{"january", K_MONTH, 1},
	{"jd", K_UNITS, U_JULIAN},
	{"jul", K_MONTH, 7},
	{"julian", K_UNITS, U_JULIAN},
	{"july", K_MONTH, 7},
	{"jun", K_MONTH, 6},
	{"june", K_MONTH, 6},
	{"m", K_UNITS, U_MONTH},
	{"mar", K_MONTH, 3},
	{"march", K_MONTH, 3},
	{"may", K_MONTH, 5},
	{"mm", K_UNITS, U_MINUTE},
	{"mon", K_DOW, 1},
	{"monday", K_DOW, 1},
	{"nov", K_MONTH, 11},
	{"november", K_MONTH, 11},
	{"now", K_RESERV, V_NOW},
	{"oct", K_MONTH, 10},
	{"october", K_MONTH, 10},
	{"on", K_IGNORE, 0},
	{"pm", K_AMPM, PM},
	{"s", K_UNITS, U_SECOND},
	{"sat", K_DOW, 6},
	{"saturday", K_DOW, 6},
	{"sep", K_MONTH, 9},
	{"sept", K_MONTH, 9},
	{"september", K_MONTH, 9},
	{"sun", K_DOW, 0},
	{"sunday", K_DOW, 0},
	{"t", K_ISOTIME, U_TIME},
	{"thu", K_DOW, 4},
	{"thur", K_DOW, 4},
	{"thurs", K_DOW, 4},
	{"thursday", K_DOW, 4},
	{"today", K_RESERV, V_TODAY},
	{"tomorrow", K_RESERV, V_TOMORROW},
	{"tue", K_DOW, 2},
	{"tues", K_DOW, 2},
	{"tuesday", K_DOW, 2},
	{"wed", K_DOW, 3},
	{"wednesday", K_DOW, 3},
	{"weds", K_DOW, 3},
	{"y", K_UNITS, U_YEAR},
	{"yesterday", K_RESERV, V_YESTERDAY},
};

static const struct word *find_word(const char *w)
{
	size_t lo = 0, hi = ARRAY_LEN(words);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(w, words[mid].tok, 10);
		if (c == 0)
			return &words[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

struct abbrev {
	const char *name;
	int off;          /* seconds east */
	bool dst;         /* a daylight-saving abbreviation */
	const char *zone; /* a dynamic one: its meaning is this zone's at the time */
};

/* PostgreSQL's Default set of time zone abbreviations (timezone_abbreviations = Default),
 * sorted. */
static const struct abbrev abbrevs[] = {
	{"acdt", 37800, true, NULL},
	{"acsst", 37800, true, NULL},
	{"acst", 34200, false, NULL},
	{"act", -18000, false, NULL},
	{"acwst", 31500, false, NULL},
	{"adt", -10800, true, NULL},
	{"aedt", 39600, true, NULL},
	{"aesst", 39600, true, NULL},
	{"aest", 36000, false, NULL},
	{"aft", 16200, false, NULL},
	{"akdt", -28800, true, NULL},
	{"akst", -32400, false, NULL},
	{"almst", 25200, true, NULL},
	{"almt", 21600, false, NULL},
	{"amst", 0, false, "Asia/Yerevan"},
	{"amt", -14400, false, NULL},
	{"anast", 0, false, "Asia/Anadyr"},
	{"anat", 0, false, "Asia/Anadyr"},
	{"arst", 0, false, "America/Argentina/Buenos_Aires"},
	{"art", 0, false, "America/Argentina/Buenos_Aires"},
	{"ast", -14400, false, NULL},
	{"awsst", 32400, true, NULL},
	{"awst", 28800, false, NULL},
	{"azost", 0, true, NULL},
	{"azot", -3600, false, NULL},
	{"azst", 0, false, "Asia/Baku"},
	{"azt", 0, false, "Asia/Baku"},
	{"bdst", 7200, true, NULL},
	{"bdt", 21600, false, NULL},
	{"bnt", 28800, false, NULL},
	{"bort", 28800, false, NULL},
	{"bot", -14400, false, NULL},
	{"bra", -10800, false, NULL},
	{"brst", -7200, true, NULL},
	{"brt", -10800, false, NULL},
	{"bst", 3600, true, NULL},
	{"btt", 21600, false, NULL},
	{"cadt", 37800, true, NULL},
	{"cast", 34200, false, NULL},
	{"cct", 28800, false, NULL},
	{"cdt", -18000, true, NULL},
	{"cest", 7200, true, NULL},
	{"cet", 3600, false, NULL},
	{"cetdst", 7200, true, NULL},
	{"chadt", 49500, true, NULL},
	{"chast", 45900, false, NULL},
	{"chut", 36000, false, NULL},
	{"ckt", 0, false, "Pacific/Rarotonga"},
	{"clst", -10800, true, NULL},
	{"clt", 0, false, "America/Santiago"},
	{"cot", -18000, false, NULL},
	{"cst", -21600, false, NULL},
	{"cxt", 25200, false, NULL},
	{"davt", 0, false, "Antarctica/Davis"},
	{"ddut", 36000, false, NULL},
	{"easst", 0, false, "Pacific/Easter"},
	{"east", 0, false, "Pacific/Easter"},
	{"eat", 10800, false, NULL},
	{"edt", -14400, true, NULL},
	{"eest", 10800, true, NULL},
	{"eet", 7200, false, NULL},
	{"eetdst", 10800, true, NULL},
	{"egst", 0, true, NULL},
	{"egt", -3600, false, NULL},
	{"est", -18000, false, NULL},
	{"fet", 10800, false, NULL},
	{"fjst", 46800, true, NULL},
	{"fjt", 43200, false, NULL},
	{"fkst", 0, false, "Atlantic/Stanley"},
	{"fkt", 0, false, "Atlantic/Stanley"},
	{"fnst", -3600, true, NULL},
	{"fnt", -7200, false, NULL},
	{"galt", -21600, false, NULL},
	{"gamt", -32400, false, NULL},
	{"gest", 0, false, "Asia/Tbilisi"},
	{"get", 0, false, "Asia/Tbilisi"},
	{"gft", -10800, false, NULL},
	{"gilt", 43200, false, NULL},
	{"gmt", 0, false, NULL},
	{"gyt", 0, false, "America/Guyana"},
	{"hkt", 28800, false, NULL},
	{"hst", -36000, false, NULL},
	{"ict", 25200, false, NULL},
	{"idt", 10800, true, NULL},
	{"iot", 0, false, "Indian/Chagos"},
	{"irkst", 0, false, "Asia/Irkutsk"},
	{"irkt", 0, false, "Asia/Irkutsk"},
	{"irt", 12600, false, NULL},
	{"ist", 7200, false, NULL},
	{"jayt", 32400, false, NULL},
	{"jst", 32400, false, NULL},
	{"kdt", 36000, true, NULL},
	{"kgst", 21600, true, NULL},
	{"kgt", 0, false, "Asia/Bishkek"},
	{"kost", 0, false, "Pacific/Kosrae"},
	{"krast", 0, false, "Asia/Krasnoyarsk"},
	{"krat", 0, false, "Asia/Krasnoyarsk"},
	{"kst", 32400, false, NULL},
	{"lhdt", 0, false, "Australia/Lord_Howe"},
	{"lhst", 37800, false, NULL},
	{"ligt", 36000, false, NULL},
	{"lint", 0, false, "Pacific/Kiritimati"},
	{"lkt", 0, false, "Asia/Colombo"},
	{"magst", 0, false, "Asia/Magadan"},
	{"magt", 0, false, "Asia/Magadan"},
	{"mart", -34200, false, NULL},
	{"mawt", 0, false, "Antarctica/Mawson"},
	{"mdt", -21600, true, NULL},
	{"mest", 7200, true, NULL},
	{"mesz", 7200, true, NULL},
	{"met", 3600, false, NULL},
	{"metdst", 7200, true, NULL},
	{"mez", 3600, false, NULL},
	{"mht", 43200, false, NULL},
	{"mmt", 23400, false, NULL},
	{"mpt", 36000, false, NULL},
	{"msd", 14400, true, NULL},
	{"msk", 0, false, "Europe/Moscow"},
	{"mst", -25200, false, NULL},
	{"must", 18000, true, NULL},
	{"mut", 14400, false, NULL},
	{"mvt", 18000, false, NULL},
	{"myt", 28800, false, NULL},
	{"ndt", -9000, true, NULL},
	{"nft", -12600, false, NULL},
	{"novst", 0, false, "Asia/Novosibirsk"},
	{"novt", 0, false, "Asia/Novosibirsk"},
	{"npt", 20700, false, NULL},
	{"nst", -12600, false, NULL},
	{"nut", 0, false, "Pacific/Niue"},
	{"nzdt", 46800, true, NULL},
	{"nzst", 43200, false, NULL},
	{"nzt", 43200, false, NULL},
	{"omsst", 0, false, "Asia/Omsk"},
	{"omst", 0, false, "Asia/Omsk"},
	{"pdt", -25200, true, NULL},
	{"pet", -18000, false, NULL},
	{"petst", 0, false, "Asia/Kamchatka"},
	{"pett", 0, false, "Asia/Kamchatka"},
	{"pgt", 36000, false, NULL},
	{"pht", 28800, false, NULL},
	{"pkst", 21600, true, NULL},
	{"pkt", 18000, false, NULL},
	{"pmdt", -7200, true, NULL},
	{"pmst", -10800, false, NULL},
	{"pont", 39600, false, NULL},
	{"pst", -28800, false, NULL},
	{"pwt", 32400, false, NULL},
	{"pyst", -10800, true, NULL},
	{"pyt", 0, false, "America/Asuncion"},
	{"ret", 14400, false, NULL},
	{"sadt", 37800, true, NULL},
	{"sast", 7200, false, NULL},
	{"sct", 14400, false, NULL},
	{"sgt", 0, false, "Asia/Singapore"},
	{"taht", -36000, false, NULL},
	{"tft", 18000, false, NULL},
	{"tjt", 18000, false, NULL},
	{"tkt", 0, false, "Pacific/Fakaofo"},
	{"tmt", 0, false, "Asia/Ashgabat"},
	{"tot", 46800, false, NULL},
	{"trut", 36000, false, NULL},
	{"tvt", 43200, false, NULL},
	{"uct", 0, false, NULL},
	{"ulast", 32400, true, NULL},
	{"ulat", 0, false, "Asia/Ulaanbaatar"},
	{"ut", 0, false, NULL},
	{"utc", 0, false, NULL},
	{"uyst", -7200, true, NULL},
	{"uyt", -10800, false, NULL},
	{"uzst", 21600, true, NULL},
	{"uzt", 18000, false, NULL},
	{"vet", 0, false, "America/Caracas"},
	{"vlast", 0, false, "Asia/Vladivostok"},
	{"vlat", 0, false, "Asia/Vladivostok"},
	{"volt", 0, false, "Europe/Volgograd"},
	{"vut", 39600, false, NULL},
	{"wadt", 28800, true, NULL},
	{"wakt", 43200, false, NULL},
	{"wast", 25200, false, NULL},
	{"wat", 3600, false, NULL},
	{"wdt", 32400, true, NULL},
	{"wet", 0, false, NULL},
	{"wetdst", 3600, true, NULL},
	{"wft", 43200, false, NULL},
	{"wgst", -7200, true, NULL},
	{"wgt", -10800, false, NULL},
	{"xjt", 21600, false, NULL},
	{"yakst", 0, false, "Asia/Yakutsk"},
	{"yakt", 0, false, "Asia/Yakutsk"},
	{"yapt", 36000, false, NULL},
	{"yekst", 21600, true, NULL},
	{"yekt", 0, false, "Asia/Yekaterinburg"},
	{"z", 0, false, NULL},
	{"zulu", 0, false, NULL},
};

static const struct abbrev *find_abbrev(const char *w)
{
	size_t lo = 0, hi = ARRAY_LEN(abbrevs);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(w, abbrevs[mid].name);
		if (c == 0)
			return &abbrevs[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool pgtype_tz_abbrev_offset(const char *name, int *off)
{
	char low[16];
	size_t n = strlen(name);
	if (n >= sizeof(low))
		return false;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	const struct abbrev *a = find_abbrev(low);
	if (!a || a->zone)
		return false;
	*off = a->off;
	return true;
}

const struct pgtype_tz *pgtype_tz_abbrev_zone(const char *name)
{
	char low[16];
	size_t n = strlen(name);
	if (n >= sizeof(low))
		return NULL;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	const struct abbrev *a = find_abbrev(low);
	return a && a->zone ? pgtype_tz_lookup(a->zone) : NULL;
}

/* ---- cutting the string into fields ---- */

struct fields {
	char buf[BUFCAP];
	char *f[MAXFIELDS];
	int type[MAXFIELDS];
	int pos[MAXFIELDS], len[MAXFIELDS]; /* where each lies in the input, for zone names */
	int n;
};

struct cut {
	struct fields *fs;
	size_t used;
};

static bool put(struct cut *c, char ch)
{
	if (c->used + 1 >= BUFCAP)
		return false;
	c->fs->buf[c->used++] = ch;
	return true;
}

#define PUT(ch)                                      \
	do {                                         \
		if (!put(&c, (ch)))                  \
			return PGTYPE_DT_BAD_FORMAT; \
	} while (0)

static enum pgtype_dterr split(const char *s, size_t n, struct fields *fs)
{
	struct cut c = {fs, 0};
	size_t i = 0;
	fs->n = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		if (isspace(ch)) {
			i++;
			continue;
		}
		if (fs->n >= MAXFIELDS)
			return PGTYPE_DT_BAD_FORMAT;
		int k = fs->n;
		fs->f[k] = fs->buf + c.used;
		fs->pos[k] = (int)i;
		if (isdigit(ch)) {
			while (i < n && isdigit((unsigned char)s[i]))
				PUT(s[i++]);
			if (i < n && s[i] == ':') { /* a time */
				fs->type[k] = F_TIME;
				PUT(s[i++]);
				while (i < n &&
				       (isdigit((unsigned char)s[i]) || s[i] == ':' || s[i] == '.'))
					PUT(s[i++]);
			} else if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
				char delim = s[i];
				PUT(s[i++]);
				if (i < n && isdigit((unsigned char)s[i])) {
					fs->type[k] = delim == '.' ? F_NUMBER : F_DATE;
					while (i < n && isdigit((unsigned char)s[i]))
						PUT(s[i++]);
					if (i < n &&
					    s[i] == delim) { /* three parts with one delimiter */
						fs->type[k] = F_DATE;
						PUT(s[i++]);
						while (i < n && (isdigit((unsigned char)s[i]) ||
								 s[i] == delim))
							PUT(s[i++]);
					}
				} else { /* a month name inside */
					fs->type[k] = F_DATE;
					while (i < n &&
					       (isalnum((unsigned char)s[i]) || s[i] == delim))
						PUT((char)tolower((unsigned char)s[i++]));
				}
			} else {
				fs->type[k] = F_NUMBER;
			}
		} else if (ch == '.') { /* a fraction of a second */
			PUT(s[i++]);
			while (i < n && isdigit((unsigned char)s[i]))
				PUT(s[i++]);
			fs->type[k] = F_NUMBER;
		} else if (isalpha(ch)) {
			size_t start = c.used;
			fs->type[k] = F_STRING;
			while (i < n && isalpha((unsigned char)s[i]))
				PUT((char)tolower((unsigned char)s[i++]));
			/* a date with a month name, or a zone name with punctuation (America/New_York,
			 * GMT+8); a known word glued to digits ("J2451187", "t040506") is not one */
			bool is_date = false;
			if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
				is_date = true;
			} else if (i < n && (s[i] == '+' || isdigit((unsigned char)s[i]))) {
				fs->buf[c.used] = '\0';
				is_date = find_word(fs->buf + start) == NULL;
			}
			if (is_date) {
				fs->type[k] = F_DATE;
				do {
					PUT((char)tolower((unsigned char)s[i++]));
				} while (i < n && (s[i] == '+' || s[i] == '-' || s[i] == '/' ||
						   s[i] == '_' || s[i] == '.' || s[i] == ':' ||
						   isalnum((unsigned char)s[i])));
			}
		} else if (ch == '+' || ch == '-') {
			PUT(s[i++]);
			while (i < n && isspace((unsigned char)s[i]))
				i++;
			if (i < n && isdigit((unsigned char)s[i])) { /* a numeric zone */
				fs->type[k] = F_TZ;
				PUT(s[i++]);
				while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ':' ||
						 s[i] == '.' || s[i] == '-'))
					PUT(s[i++]);
			} else if (i < n && isalpha((unsigned char)s[i])) { /* "-infinity" */
				fs->type[k] = F_SPECIAL;
				while (i < n && isalpha((unsigned char)s[i]))
					PUT((char)tolower((unsigned char)s[i++]));
			} else {
				return PGTYPE_DT_BAD_FORMAT;
			}
		} else if (ispunct(ch)) {
			i++;
			continue;
		} else {
			return PGTYPE_DT_BAD_FORMAT;
		}
		fs->len[k] = (int)(i - (size_t)fs->pos[k]);
		PUT('\0');
		fs->n++;
	}
	return PGTYPE_DT_OK;
}

/* ---- reading fields ---- */

/* strtol for an int, as PostgreSQL's strtoint: *range when it does not fit. */
static int str_int(const char *s, char **end, bool *range)
{
	errno = 0;
	long v = strtol(s, end, 10);
	*range = errno == ERANGE || v > INT_MAX || v < INT_MIN;
	return (int)v;
}

/* ".ffff" to the end of the field: microseconds, rounded. */
static enum pgtype_dterr fraction(const char *cp, int *usec)
{
	char *end;
	errno = 0;
	double frac = strtod(cp, &end);
	if (*end != '\0' || errno != 0)
		return PGTYPE_DT_BAD_FORMAT;
	*usec = (int)rint(frac * 1000000);
	return PGTYPE_DT_OK;
}

struct state {
	struct pgtype_dtres *r;
	enum pgtype_dateorder order;
	unsigned fmask;
	bool two_digits, text_month, julian, bc;
};

/* Digits run together: YYYYMMDD (or YYMMDD) without a date yet, else hhmmss or hhmm, with a
 * fraction of a second. Returns the field kind it was (F_DATE, F_TIME) or -1 (bad). */
static int number_field(struct state *st, char *str, unsigned fmask, unsigned *tmask)
{
	struct pgtype_tm *tm = &st->r->tm;
	char *cp = strchr(str, '.');
	size_t len = strlen(str);
	if (cp) {
		errno = 0;
		double frac = strtod(cp, NULL);
		if (errno != 0)
			return -1;
		tm->usec = (int)rint(frac * 1000000);
		*cp = '\0';
		len = strlen(str);
	} else if ((fmask & DATE_M) != DATE_M && len >= 6) {
		*tmask = DATE_M;
		tm->mday = atoi(str + len - 2);
		str[len - 2] = '\0';
		tm->mon = atoi(str + len - 4);
		str[len - 4] = '\0';
		tm->year = atoi(str);
		if (len - 4 == 2)
			st->two_digits = true;
		return F_DATE;
	}
	if ((fmask & TIME_M) != TIME_M) {
		if (len == 6) {
			*tmask = TIME_M;
			tm->sec = atoi(str + 4);
			str[4] = '\0';
			tm->min = atoi(str + 2);
			str[2] = '\0';
			tm->hour = atoi(str);
			return F_TIME;
		}
		if (len == 4) {
			*tmask = TIME_M;
			tm->sec = 0;
			tm->min = atoi(str + 2);
			str[2] = '\0';
			tm->hour = atoi(str);
			return F_TIME;
		}
	}
	return -1;
}

/* One number of a date: which field it is follows from those seen and DateStyle's order. */
static enum pgtype_dterr number(struct state *st, int flen, char *str, bool text_month,
				unsigned fmask, unsigned *tmask)
{
	struct pgtype_tm *tm = &st->r->tm;
	char *cp;
	bool range;
	*tmask = 0;
	int val = str_int(str, &cp, &range);
	if (range)
		return PGTYPE_DT_FIELD_OVERFLOW;
	if (cp == str)
		return PGTYPE_DT_BAD_FORMAT;
	if (*cp == '.') {
		if (cp - str > 2) /* 2001.360, 20011225, 040506.789 */
			return number_field(st, str, fmask | DATE_M, tmask) < 0
				       ? PGTYPE_DT_BAD_FORMAT
				       : PGTYPE_DT_OK;
		enum pgtype_dterr e = fraction(cp, &tm->usec);
		if (e)
			return e;
	} else if (*cp != '\0') {
		return PGTYPE_DT_BAD_FORMAT;
	}
	if (flen == 3 && (fmask & DATE_M) == BIT(K_YEAR) && val >= 1 && val <= 366) {
		*tmask = BIT(K_DOY) | BIT(K_MONTH) | BIT(K_DAY); /* day of the year */
		tm->yday = val;
		return PGTYPE_DT_OK;
	}
	switch (fmask & DATE_M) {
	case 0: /* a year of three digits or more, else the first of DateStyle's order */
		if (flen >= 3 || st->order == PGTYPE_ORDER_YMD) {
			*tmask = BIT(K_YEAR);
			tm->year = val;
		} else if (st->order == PGTYPE_ORDER_DMY) {
			*tmask = BIT(K_DAY);
			tm->mday = val;
		} else {
			*tmask = BIT(K_MONTH);
			tm->mon = val;
		}
		break;
	case BIT(K_YEAR):
		*tmask = BIT(K_MONTH);
		tm->mon = val;
		break;
	case BIT(K_MONTH):
		if (text_month) { /* MON-DD-YYYY, DD-MON-YYYY, YYYY-MON-DD; YY-MON-DD in YMD */
			if (flen >= 3 || st->order == PGTYPE_ORDER_YMD) {
				*tmask = BIT(K_YEAR);
				tm->year = val;
			} else {
				*tmask = BIT(K_DAY);
				tm->mday = val;
			}
		} else {
			*tmask = BIT(K_DAY);
			tm->mday = val;
		}
		break;
	case BIT(K_YEAR) | BIT(K_MONTH):
		if (text_month && flen >= 3 && st->two_digits) { /* DD-MON-YYYY in YMD */
			*tmask = BIT(K_DAY);
			tm->mday = tm->year;
			tm->year = val;
			st->two_digits = false;
		} else {
			*tmask = BIT(K_DAY);
			tm->mday = val;
		}
		break;
	case BIT(K_DAY):
		*tmask = BIT(K_MONTH);
		tm->mon = val;
		break;
	case BIT(K_MONTH) | BIT(K_DAY):
		*tmask = BIT(K_YEAR);
		tm->year = val;
		break;
	case DATE_M: /* the date is complete: a time run together */
		return number_field(st, str, fmask, tmask) < 0 ? PGTYPE_DT_BAD_FORMAT
							       : PGTYPE_DT_OK;
	default:
		return PGTYPE_DT_BAD_FORMAT;
	}
	if (*tmask == BIT(K_YEAR))
		st->two_digits = flen <= 2;
	return PGTYPE_DT_OK;
}

/* A date field ("1999-01-08", "08-jan-99", "1999.008"): the month name first, then the
 * numbers in order. */
static enum pgtype_dterr date_field(struct state *st, char *str, unsigned fmask, unsigned *tmask)
{
	char *field[MAXFIELDS];
	int nf = 0;
	bool text_month = false;
	*tmask = 0;
	while (*str && nf < MAXFIELDS) {
		while (*str && !isalnum((unsigned char)*str))
			str++;
		if (!*str)
			return PGTYPE_DT_BAD_FORMAT;
		field[nf] = str;
		if (isdigit((unsigned char)*str)) {
			while (isdigit((unsigned char)*str))
				str++;
		} else if (isalpha((unsigned char)*str)) {
			while (isalpha((unsigned char)*str))
				str++;
		}
		if (*str)
			*str++ = '\0';
		nf++;
	}
	for (int i = 0; i < nf; i++) {
		if (!isalpha((unsigned char)*field[i]))
			continue;
		const struct word *w = find_word(field[i]);
		if (w && w->kind == K_IGNORE)
			continue;
		if (!w || w->kind != K_MONTH)
			return PGTYPE_DT_BAD_FORMAT;
		st->r->tm.mon = w->val;
		text_month = true;
		if (fmask & BIT(K_MONTH))
			return PGTYPE_DT_BAD_FORMAT;
		fmask |= BIT(K_MONTH);
		*tmask |= BIT(K_MONTH);
		field[i] = NULL;
	}
	for (int i = 0; i < nf; i++) {
		if (!field[i])
			continue;
		int len = (int)strlen(field[i]);
		unsigned dmask;
		if (len <= 0)
			return PGTYPE_DT_BAD_FORMAT;
		int keep_usec = st->r->tm.usec; /* a fraction here is no second's */
		enum pgtype_dterr e = number(st, len, field[i], text_month, fmask, &dmask);
		st->r->tm.usec = keep_usec;
		if (e)
			return e;
		if (fmask & dmask)
			return PGTYPE_DT_BAD_FORMAT;
		fmask |= dmask;
		*tmask |= dmask;
	}
	if ((fmask & ~(BIT(K_DOY) | BIT(K_TZ))) != DATE_M)
		return PGTYPE_DT_BAD_FORMAT;
	return PGTYPE_DT_OK;
}

/* "hh:mm[:ss[.f]]" ("mm:ss.f" when the second part has a fraction). */
static enum pgtype_dterr time_field(struct state *st, const char *str, unsigned *tmask)
{
	struct pgtype_tm *tm = &st->r->tm;
	char *cp;
	bool range;
	*tmask = TIME_M;
	tm->hour = str_int(str, &cp, &range);
	if (range)
		return PGTYPE_DT_FIELD_OVERFLOW;
	if (*cp != ':')
		return PGTYPE_DT_BAD_FORMAT;
	tm->min = str_int(cp + 1, &cp, &range);
	if (range)
		return PGTYPE_DT_FIELD_OVERFLOW;
	if (*cp == '\0') {
		tm->sec = 0;
		tm->usec = 0;
	} else if (*cp == '.') {
		enum pgtype_dterr e = fraction(cp, &tm->usec);
		if (e)
			return e;
		tm->sec = tm->min;
		tm->min = tm->hour;
		tm->hour = 0;
	} else if (*cp == ':') {
		tm->sec = str_int(cp + 1, &cp, &range);
		if (range)
			return PGTYPE_DT_FIELD_OVERFLOW;
		if (*cp == '\0')
			tm->usec = 0;
		else if (*cp == '.') {
			enum pgtype_dterr e = fraction(cp, &tm->usec);
			if (e)
				return e;
		} else
			return PGTYPE_DT_BAD_FORMAT;
	} else {
		return PGTYPE_DT_BAD_FORMAT;
	}
	if (tm->hour < 0 || tm->min < 0 || tm->min > 59 || tm->sec < 0 || tm->sec > 60 ||
	    tm->usec < 0 || tm->usec > 1000000)
		return PGTYPE_DT_FIELD_OVERFLOW;
	return PGTYPE_DT_OK;
}

static bool time_overflows(const struct pgtype_tm *tm)
{
	if (tm->hour < 0 || tm->hour > 24 || tm->min < 0 || tm->min >= 60 || tm->sec < 0 ||
	    tm->sec > 60 || tm->usec < 0 || tm->usec > 1000000)
		return true;
	return ((tm->hour * INT64_C(60) + tm->min) * 60 + tm->sec) * 1000000 + tm->usec >
	       PGTYPE_USECS_PER_DAY;
}

/* A numeric zone "+hh[:mm[:ss]]" or "+hhmm": seconds east. */
static enum pgtype_dterr tz_field(const char *str, int *east)
{
	char *cp;
	bool range;
	int hr, min = 0, sec = 0;
	if (*str != '+' && *str != '-')
		return PGTYPE_DT_BAD_FORMAT;
	hr = str_int(str + 1, &cp, &range);
	if (range)
		return PGTYPE_DT_TZDISP_OVERFLOW;
	if (*cp == ':') {
		min = str_int(cp + 1, &cp, &range);
		if (range)
			return PGTYPE_DT_TZDISP_OVERFLOW;
		if (*cp == ':') {
			sec = str_int(cp + 1, &cp, &range);
			if (range)
				return PGTYPE_DT_TZDISP_OVERFLOW;
		}
	} else if (*cp == '\0' && strlen(str) > 3) {
		min = hr % 100;
		hr = hr / 100;
	}
	if (hr < 0 || hr > 15 || min < 0 || min >= 60 || sec < 0 || sec >= 60)
		return PGTYPE_DT_TZDISP_OVERFLOW;
	int tz = (hr * 60 + min) * 60 + sec;
	*east = *str == '-' ? -tz : tz;
	return *cp != '\0' ? PGTYPE_DT_BAD_FORMAT : PGTYPE_DT_OK;
}

static enum pgtype_dterr validate(struct state *st)
{
	struct pgtype_tm *tm = &st->r->tm;
	unsigned fmask = st->fmask;
	if (fmask & BIT(K_YEAR)) {
		if (st->julian) {
			/* the year is right as it is */
		} else if (st->bc) {
			if (tm->year <= 0)
				return PGTYPE_DT_FIELD_OVERFLOW;
			tm->year = -(tm->year - 1);
		} else if (st->two_digits) {
			if (tm->year < 0)
				return PGTYPE_DT_FIELD_OVERFLOW;
			if (tm->year < 70)
				tm->year += 2000;
			else if (tm->year < 100)
				tm->year += 1900;
		} else if (tm->year <= 0) {
			return PGTYPE_DT_FIELD_OVERFLOW;
		}
	}
	if (fmask & BIT(K_DOY)) {
		if (tm->year < -4713 || tm->year > 5874897)
			return PGTYPE_DT_FIELD_OVERFLOW;
		pgtype_j2date(pgtype_date2j(tm->year, 1, 1) + tm->yday - 1, &tm->year, &tm->mon,
			      &tm->mday);
	}
	if ((fmask & BIT(K_MONTH)) && (tm->mon < 1 || tm->mon > 12))
		return PGTYPE_DT_MD_OVERFLOW;
	if ((fmask & BIT(K_DAY)) && (tm->mday < 1 || tm->mday > 31))
		return PGTYPE_DT_MD_OVERFLOW;
	if ((fmask & DATE_M) == DATE_M) {
		static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
		int y = tm->year;
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (tm->mday > mdays[tm->mon - 1] + (tm->mon == 2 && leap))
			return PGTYPE_DT_FIELD_OVERFLOW;
	}
	return PGTYPE_DT_OK;
}

static int64_t env_now(const struct pgtype_dtenv *env)
{
	return env && env->now ? env->now : pgtype_now();
}

static const struct pgtype_tz *env_tz(const struct pgtype_dtenv *env)
{
	return env && env->tz ? env->tz : pgtype_tz_utc();
}

/* The session's wall clock now (tm, usec) and its offset. */
static void local_now(const struct pgtype_dtenv *env, struct pgtype_tm *tm, int *east)
{
	int64_t now = env_now(env);
	*east = pgtype_tz_offset(env_tz(env), now);
	pgtype_ts2tm(now + (int64_t)*east * 1000000, tm);
}

/* The local timestamp of tm (no range check; false when the date is beyond the Julian
 * calendar's range). */
bool pgtype_dt_local(const struct pgtype_tm *tm, int64_t *local)
{
	if (tm->year < -4713 || tm->year > 5874897)
		return false;
	int64_t days =
		(int64_t)pgtype_date2j(tm->year, tm->mon, tm->mday) - PGTYPE_POSTGRES_EPOCH_JDATE;
	int64_t t = ((tm->hour * INT64_C(60) + tm->min) * 60 + tm->sec) * 1000000 + tm->usec;
	if (days > INT64_MAX / PGTYPE_USECS_PER_DAY - 1 ||
	    days < INT64_MIN / PGTYPE_USECS_PER_DAY + 1)
		return false;
	*local = days * PGTYPE_USECS_PER_DAY + t;
	return true;
}

/* The offset zone z has at the wall-clock time of tm (UTC when tm is out of range). */
static int zone_offset(const struct pgtype_tm *tm, const struct pgtype_tz *z)
{
	int64_t local;
	if (!pgtype_dt_local(tm, &local) || local < PGTYPE_MIN_TS - PGTYPE_USECS_PER_DAY ||
	    local >= PGTYPE_END_TS)
		return 0;
	return pgtype_tz_local_offset(z, local);
}

/* A dynamic abbreviation's offset at tm: the offset of the zone's type in effect at the
 * instant tm's local time names, when that type is the abbreviation's (as
 * DetermineTimeZoneAbbrevOffset: "MSK" on 2011-03-27 02:00, in Moscow's gap, is +04, the MSK
 * of that night's transition), else the zone's offset at that local time. */
static int abbrev_offset(const struct pgtype_tm *tm, const struct pgtype_tz *z, const char *abbr)
{
	int off = zone_offset(tm, z);
	int64_t t;
	if (pgtype_dt_local(tm, &t) && t >= PGTYPE_MIN_TS && t < PGTYPE_END_TS) {
		t -= (int64_t)off * 1000000;
		const char *ab = pgtype_tz_abbrev(z, t);
		if (ab && strcasecmp(ab, abbr) == 0)
			return pgtype_tz_offset(z, t);
	}
	return off;
}

/* A zone name or POSIX zone from the input (its own spelling), or NULL. */
static const struct pgtype_tz *named_zone(const char *s, const struct fields *fs, int i)
{
	char name[128];
	int len = fs->len[i];
	if (len <= 0 || len >= (int)sizeof(name))
		return NULL;
	memcpy(name, s + fs->pos[i], (size_t)len);
	name[len] = '\0';
	return pgtype_tz_lookup(name);
}

/* A field after a unit label ("y2001", "j2451187", "t040506"). */
static enum pgtype_dterr labelled(struct state *st, int ptype, char *field, int *ftype,
				  unsigned *tmask)
{
	struct pgtype_tm *tm = &st->r->tm;
	char *cp;
	bool range;
	int val = str_int(field, &cp, &range);
	if (range)
		return PGTYPE_DT_FIELD_OVERFLOW;
	if (*cp == '.') {
		if (ptype != U_JULIAN && ptype != U_TIME && ptype != U_SECOND)
			return PGTYPE_DT_BAD_FORMAT;
	} else if (*cp != '\0') {
		return PGTYPE_DT_BAD_FORMAT;
	}
	switch (ptype) {
	case U_YEAR:
		tm->year = val;
		*tmask = BIT(K_YEAR);
		break;
	case U_MONTH: /* after a month and an hour, "m" is minutes */
		if ((st->fmask & BIT(K_MONTH)) && (st->fmask & BIT(K_HOUR))) {
			tm->min = val;
			*tmask = BIT(K_MINUTE);
		} else {
			tm->mon = val;
			*tmask = BIT(K_MONTH);
		}
		break;
	case U_DAY:
		tm->mday = val;
		*tmask = BIT(K_DAY);
		break;
	case U_HOUR:
		tm->hour = val;
		*tmask = BIT(K_HOUR);
		break;
	case U_MINUTE:
		tm->min = val;
		*tmask = BIT(K_MINUTE);
		break;
	case U_SECOND:
		tm->sec = val;
		*tmask = BIT(K_SECOND);
		if (*cp == '.') {
			enum pgtype_dterr e = fraction(cp, &tm->usec);
			if (e)
				return e;
			*tmask = ALL_SECS;
		}
		break;
	case U_JULIAN:
		if (val < 0)
			return PGTYPE_DT_FIELD_OVERFLOW;
		*tmask = DATE_M;
		pgtype_j2date(val, &tm->year, &tm->mon, &tm->mday);
		st->julian = true;
		if (*cp == '.') { /* a fraction of the day is its time */
			char *end;
			errno = 0;
			double t = strtod(cp, &end);
			if (*end != '\0' || errno != 0)
				return PGTYPE_DT_BAD_FORMAT;
			int64_t us = (int64_t)(t * (double)PGTYPE_USECS_PER_DAY);
			tm->hour = (int)(us / INT64_C(3600000000));
			us -= tm->hour * INT64_C(3600000000);
			tm->min = (int)(us / 60000000);
			us -= tm->min * INT64_C(60000000);
			tm->sec = (int)(us / 1000000);
			tm->usec = (int)(us - tm->sec * INT64_C(1000000));
			*tmask |= TIME_M;
		}
		break;
	case U_TIME: { /* after "t": hhmmss[.f] */
		int k = number_field(st, field, st->fmask | DATE_M, tmask);
		if (k < 0)
			return PGTYPE_DT_BAD_FORMAT;
		if (ftype)
			*ftype = k;
		if (*tmask != TIME_M)
			return PGTYPE_DT_BAD_FORMAT;
		break;
	}
	default:
		return PGTYPE_DT_BAD_FORMAT;
	}
	return PGTYPE_DT_OK;
}

/* A word: a zone abbreviation first, then the words above. */
static int word_kind(const char *w, int *val, const struct abbrev **ab)
{
	*ab = find_abbrev(w);
	if (*ab) {
		*val = (*ab)->off;
		return (*ab)->zone ? K_DYNTZ : (*ab)->dst ? K_DTZ : K_TZ;
	}
	const struct word *t = find_word(w);
	if (!t)
		return K_UNKNOWN;
	*val = t->val;
	return t->kind;
}

static void set_today(struct state *st, const struct pgtype_dtenv *env, int plus)
{
	struct pgtype_tm now;
	int east;
	local_now(env, &now, &east);
	pgtype_j2date(pgtype_date2j(now.year, now.mon, now.mday) + plus, &st->r->tm.year,
		      &st->r->tm.mon, &st->r->tm.mday);
}

static void zone_error(struct pgtype_dtres *r, const char *name)
{
	snprintf(r->bad_zone, sizeof(r->bad_zone), "%s", name);
}

/* DecodeDateTime: a date with an optional time and zone, or a special value. */
static enum pgtype_dterr decode_datetime(const char *s, struct fields *fs,
					 const struct pgtype_dtenv *env, struct state *st)
{
	struct pgtype_dtres *r = st->r;
	struct pgtype_tm *tm = &r->tm;
	int ptype = 0, mer = HR24;
	const struct pgtype_tz *named = NULL, *dyn = NULL;
	const char *dyn_name = NULL;
	enum pgtype_dterr e;
	r->kind = PGTYPE_DTK_DATE;
	for (int i = 0; i < fs->n; i++) {
		char *field = fs->f[i];
		unsigned tmask = 0;
		switch (fs->type[i]) {
		case F_DATE:
			if (ptype == U_JULIAN) { /* "J2452271-08": a Julian day with its zone */
				char *cp;
				bool range;
				int val = str_int(field, &cp, &range);
				if (range || val < 0)
					return PGTYPE_DT_FIELD_OVERFLOW;
				pgtype_j2date(val, &tm->year, &tm->mon, &tm->mday);
				st->julian = true;
				if ((e = tz_field(cp, &r->east)))
					return e;
				tmask = DATE_M | TIME_M | BIT(K_TZ);
				ptype = 0;
			} else if (ptype != 0 || (st->fmask & (BIT(K_MONTH) | BIT(K_DAY))) ==
							 (BIT(K_MONTH) | BIT(K_DAY))) {
				/* a zone name, or a time run together with its zone (hhmmss-zz) */
				if (isdigit((unsigned char)*field) || ptype != 0) {
					if (ptype != 0) {
						if (ptype != U_TIME)
							return PGTYPE_DT_BAD_FORMAT;
						ptype = 0;
					}
					if ((st->fmask & TIME_M) == TIME_M)
						return PGTYPE_DT_BAD_FORMAT;
					char *cp = strchr(field, '-');
					if (!cp)
						return PGTYPE_DT_BAD_FORMAT;
					if ((e = tz_field(cp, &r->east)))
						return e;
					*cp = '\0';
					if (number_field(st, field, st->fmask, &tmask) < 0)
						return PGTYPE_DT_BAD_FORMAT;
					tmask |= BIT(K_TZ);
				} else {
					named = named_zone(s, fs, i);
					if (!named) {
						zone_error(r, field);
						return PGTYPE_DT_ZONE;
					}
					tmask = BIT(K_TZ);
				}
			} else if ((e = date_field(st, field, st->fmask, &tmask))) {
				return e;
			}
			break;
		case F_TIME:
			if (ptype != 0) { /* after "t" */
				if (ptype != U_TIME)
					return PGTYPE_DT_BAD_FORMAT;
				ptype = 0;
			}
			if ((e = time_field(st, field, &tmask)))
				return e;
			if (time_overflows(tm))
				return PGTYPE_DT_FIELD_OVERFLOW;
			break;
		case F_TZ:
			if ((e = tz_field(field, &r->east)))
				return e;
			tmask = BIT(K_TZ);
			break;
		case F_NUMBER:
			if (ptype != 0) {
				if ((e = labelled(st, ptype, field, NULL, &tmask)))
					return e;
				ptype = 0;
				r->kind = PGTYPE_DTK_DATE;
			} else {
				int flen = (int)strlen(field);
				char *cp = strchr(field, '.');
				if (cp && !(st->fmask & DATE_M)) { /* 1999.008 */
					if ((e = date_field(st, field, st->fmask, &tmask)))
						return e;
				} else if (cp && flen - (int)strlen(cp) > 2) { /* 040506.789 */
					if (number_field(st, field, st->fmask, &tmask) < 0)
						return PGTYPE_DT_BAD_FORMAT;
				} else if (flen >= 6 &&
					   (!(st->fmask & DATE_M) || !(st->fmask & TIME_M))) {
					if (number_field(st, field, st->fmask, &tmask) < 0)
						return PGTYPE_DT_BAD_FORMAT;
				} else if ((e = number(st, flen, field, st->text_month, st->fmask,
						       &tmask))) {
					return e;
				}
			}
			break;
		case F_STRING:
		case F_SPECIAL: {
			int val = 0;
			const struct abbrev *ab;
			int kind = word_kind(field, &val, &ab);
			if (kind == K_IGNORE)
				continue;
			tmask = BIT(kind);
			switch (kind) {
			case K_RESERV:
				switch (val) {
				case V_NOW:
					tmask = DATE_M | TIME_M | BIT(K_TZ);
					local_now(env, tm, &r->east);
					break;
				case V_YESTERDAY:
				case V_TODAY:
				case V_TOMORROW:
					tmask = DATE_M;
					set_today(st, env,
						  val == V_TODAY      ? 0
						  : val == V_TOMORROW ? 1
								      : -1);
					break;
				case V_ZULU:
					tmask = TIME_M | BIT(K_TZ);
					tm->hour = tm->min = tm->sec = 0;
					r->east = 0;
					break;
				default: /* epoch, infinity, -infinity */
					tmask = DATE_M | TIME_M | BIT(K_TZ);
					r->kind = val == V_EPOCH  ? PGTYPE_DTK_EPOCH
						  : val == V_LATE ? PGTYPE_DTK_LATE
								  : PGTYPE_DTK_EARLY;
					break;
				}
				break;
			case K_MONTH:
				/* a number read as the month is the day when a month name follows */
				if ((st->fmask & BIT(K_MONTH)) && !st->text_month &&
				    !(st->fmask & BIT(K_DAY)) && tm->mon >= 1 && tm->mon <= 31) {
					tm->mday = tm->mon;
					tmask = BIT(K_DAY);
				}
				st->text_month = true;
				tm->mon = val;
				break;
			case K_DTZMOD: /* "MET DST" */
				tmask |= BIT(K_DTZ);
				r->east += val;
				break;
			case K_DTZ:
				tmask |= BIT(K_TZ);
				r->east = val;
				break;
			case K_TZ:
				r->east = val;
				break;
			case K_DYNTZ:
				tmask |= BIT(K_TZ);
				dyn = pgtype_tz_lookup(ab->zone);
				dyn_name = ab->name;
				if (!dyn)
					return PGTYPE_DT_BAD_FORMAT;
				break;
			case K_AMPM:
				mer = val;
				break;
			case K_ADBC:
				st->bc = val == 1;
				break;
			case K_DOW:
				break;
			case K_UNITS:
				tmask = 0;
				ptype = val;
				break;
			case K_ISOTIME: /* "t" between a whole date and a time */
				tmask = 0;
				if ((st->fmask & DATE_M) != DATE_M)
					return PGTYPE_DT_BAD_FORMAT;
				if (i >= fs->n - 1 ||
				    (fs->type[i + 1] != F_NUMBER && fs->type[i + 1] != F_TIME &&
				     fs->type[i + 1] != F_DATE))
					return PGTYPE_DT_BAD_FORMAT;
				ptype = val;
				break;
			case K_UNKNOWN: /* an all-letter zone name (UTC, Japan) */
				named = named_zone(s, fs, i);
				if (!named)
					return PGTYPE_DT_BAD_FORMAT;
				tmask = BIT(K_TZ);
				break;
			default:
				return PGTYPE_DT_BAD_FORMAT;
			}
			break;
		}
		default:
			return PGTYPE_DT_BAD_FORMAT;
		}
		if (tmask & st->fmask)
			return PGTYPE_DT_BAD_FORMAT;
		st->fmask |= tmask;
	}
	if (r->kind != PGTYPE_DTK_DATE) /* epoch, infinity: the fields are not used */
		return PGTYPE_DT_OK;
	if ((e = validate(st)))
		return e;
	if (mer != HR24 && tm->hour > 12)
		return PGTYPE_DT_FIELD_OVERFLOW;
	if (mer == AM && tm->hour == 12)
		tm->hour = 0;
	else if (mer == PM && tm->hour != 12)
		tm->hour += 12;
	if ((st->fmask & DATE_M) != DATE_M)
		return PGTYPE_DT_BAD_FORMAT;
	if ((named || dyn) && (st->fmask & BIT(K_DTZMOD)))
		return PGTYPE_DT_BAD_FORMAT;
	if (named)
		r->east = zone_offset(tm, named);
	if (dyn)
		r->east = abbrev_offset(tm, dyn, dyn_name);
	if (!(st->fmask & BIT(K_TZ))) {
		if (st->fmask & BIT(K_DTZMOD))
			return PGTYPE_DT_BAD_FORMAT;
		r->east = zone_offset(tm, env_tz(env));
	}
	return PGTYPE_DT_OK;
}

/* DecodeTimeOnly: a time with an optional zone, and a date only to place the zone. */
static enum pgtype_dterr decode_time(const char *s, struct fields *fs,
				     const struct pgtype_dtenv *env, struct state *st)
{
	struct pgtype_dtres *r = st->r;
	struct pgtype_tm *tm = &r->tm;
	int ptype = 0, mer = HR24;
	const struct pgtype_tz *named = NULL, *dyn = NULL;
	const char *dyn_name = NULL;
	enum pgtype_dterr e;
	int nf = fs->n;
	r->kind = PGTYPE_DTK_DATE;
	for (int i = 0; i < nf; i++) {
		char *field = fs->f[i];
		unsigned tmask = 0;
		switch (fs->type[i]) {
		case F_DATE:
			if (i == 0 && nf >= 2 &&
			    (fs->type[nf - 1] == F_DATE || fs->type[1] == F_TIME)) {
				if ((e = date_field(st, field, st->fmask, &tmask)))
					return e;
			} else if (isdigit((unsigned char)*field)) { /* hhmmss-zz */
				if ((st->fmask & TIME_M) == TIME_M)
					return PGTYPE_DT_BAD_FORMAT;
				char *cp = strchr(field, '-');
				if (!cp)
					return PGTYPE_DT_BAD_FORMAT;
				if ((e = tz_field(cp, &r->east)))
					return e;
				*cp = '\0';
				int k = number_field(st, field, st->fmask | DATE_M, &tmask);
				if (k < 0)
					return PGTYPE_DT_BAD_FORMAT;
				fs->type[i] = k;
				tmask |= BIT(K_TZ);
			} else {
				named = named_zone(s, fs, i);
				if (!named) {
					zone_error(r, field);
					return PGTYPE_DT_ZONE;
				}
				fs->type[i] = F_TZ;
				tmask = BIT(K_TZ);
			}
			break;
		case F_TIME:
			if ((e = time_field(st, field, &tmask)))
				return e;
			break;
		case F_TZ:
			if ((e = tz_field(field, &r->east)))
				return e;
			tmask = BIT(K_TZ);
			break;
		case F_NUMBER:
			if (ptype != 0) {
				int k = F_NUMBER;
				if ((e = labelled(st, ptype, field, &k, &tmask)))
					return e;
				fs->type[i] = k;
				ptype = 0;
			} else {
				int flen = (int)strlen(field);
				char *cp = strchr(field, '.');
				if (cp) {
					if (i == 0 && nf >= 2 && fs->type[nf - 1] == F_DATE) {
						if ((e = date_field(st, field, st->fmask, &tmask)))
							return e;
					} else if (flen - (int)strlen(cp) > 2) {
						int k = number_field(st, field, st->fmask | DATE_M,
								     &tmask);
						if (k < 0)
							return PGTYPE_DT_BAD_FORMAT;
						fs->type[i] = k;
					} else {
						return PGTYPE_DT_BAD_FORMAT;
					}
				} else if (flen > 4) {
					int k = number_field(st, field, st->fmask | DATE_M, &tmask);
					if (k < 0)
						return PGTYPE_DT_BAD_FORMAT;
					fs->type[i] = k;
				} else if ((e = number(st, flen, field, false, st->fmask | DATE_M,
						       &tmask))) {
					return e;
				}
			}
			break;
		case F_STRING:
		case F_SPECIAL: {
			int val = 0;
			const struct abbrev *ab;
			int kind = word_kind(field, &val, &ab);
			if (kind == K_IGNORE)
				continue;
			tmask = BIT(kind);
			switch (kind) {
			case K_RESERV:
				if (val == V_NOW) {
					int east;
					tmask = TIME_M;
					local_now(env, tm, &east);
				} else if (val == V_ZULU) {
					tmask = TIME_M | BIT(K_TZ);
					tm->hour = tm->min = tm->sec = 0;
				} else {
					return PGTYPE_DT_BAD_FORMAT;
				}
				break;
			case K_DTZMOD:
				tmask |= BIT(K_DTZ);
				r->east += val;
				break;
			case K_DTZ:
				tmask |= BIT(K_TZ);
				r->east = val;
				fs->type[i] = F_TZ;
				break;
			case K_TZ:
				r->east = val;
				fs->type[i] = F_TZ;
				break;
			case K_DYNTZ:
				tmask |= BIT(K_TZ);
				dyn = pgtype_tz_lookup(ab->zone);
				dyn_name = ab->name;
				if (!dyn)
					return PGTYPE_DT_BAD_FORMAT;
				fs->type[i] = F_TZ;
				break;
			case K_AMPM:
				mer = val;
				break;
			case K_ADBC:
				st->bc = val == 1;
				break;
			case K_UNITS:
				tmask = 0;
				ptype = val;
				break;
			case K_ISOTIME:
				tmask = 0;
				if (i >= nf - 1 ||
				    (fs->type[i + 1] != F_NUMBER && fs->type[i + 1] != F_TIME &&
				     fs->type[i + 1] != F_DATE))
					return PGTYPE_DT_BAD_FORMAT;
				ptype = val;
				break;
			case K_UNKNOWN:
				named = named_zone(s, fs, i);
				if (!named)
					return PGTYPE_DT_BAD_FORMAT;
				tmask = BIT(K_TZ);
				break;
			default:
				return PGTYPE_DT_BAD_FORMAT;
			}
			break;
		}
		default:
			return PGTYPE_DT_BAD_FORMAT;
		}
		if (tmask & st->fmask)
			return PGTYPE_DT_BAD_FORMAT;
		st->fmask |= tmask;
	}
	if ((e = validate(st)))
		return e;
	if (mer != HR24 && tm->hour > 12)
		return PGTYPE_DT_FIELD_OVERFLOW;
	if (mer == AM && tm->hour == 12)
		tm->hour = 0;
	else if (mer == PM && tm->hour != 12)
		tm->hour += 12;
	if (time_overflows(tm))
		return PGTYPE_DT_FIELD_OVERFLOW;
	if ((st->fmask & TIME_M) != TIME_M)
		return PGTYPE_DT_BAD_FORMAT;
	if ((named || dyn) && (st->fmask & BIT(K_DTZMOD)))
		return PGTYPE_DT_BAD_FORMAT;
	if (named && !pgtype_tz_fixed(named, &r->east)) { /* the date decides the offset */
		if ((st->fmask & DATE_M) != DATE_M)
			return PGTYPE_DT_BAD_FORMAT;
		r->east = zone_offset(tm, named);
	}
	const struct pgtype_tz *z = dyn ? dyn : !(st->fmask & BIT(K_TZ)) ? env_tz(env) : NULL;
	if (z) { /* a dynamic abbreviation or the session's zone, on the date given or today */
		if (!dyn && (st->fmask & BIT(K_DTZMOD)))
			return PGTYPE_DT_BAD_FORMAT;
		struct pgtype_tm day = *tm;
		if (!(st->fmask & DATE_M)) {
			int east;
			struct pgtype_tm now;
			local_now(env, &now, &east);
			day.year = now.year;
			day.mon = now.mon;
			day.mday = now.mday;
		} else if ((st->fmask & DATE_M) != DATE_M) {
			return PGTYPE_DT_BAD_FORMAT;
		}
		r->east = dyn ? abbrev_offset(&day, z, dyn_name) : zone_offset(&day, z);
	}
	return PGTYPE_DT_OK;
}

enum pgtype_dterr pgtype_dt_decode(const char *s, size_t n, const struct pgtype_dtenv *env,
				   bool time_only, struct pgtype_dtres *r)
{
	struct fields fs;
	memset(r, 0, sizeof(*r));
	if (memchr(s, '\0', n))
		return PGTYPE_DT_BAD_FORMAT;
	enum pgtype_dterr e = split(s, n, &fs);
	if (e)
		return e;
	struct state st = {.r = r, .order = env ? env->order : PGTYPE_ORDER_MDY};
	e = time_only ? decode_time(s, &fs, env, &st) : decode_datetime(s, &fs, env, &st);
	r->date_given = (st.fmask & DATE_M) == DATE_M;
	return e;
}
