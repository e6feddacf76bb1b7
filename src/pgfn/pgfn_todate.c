/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_todate.c: reading a string by a date/time template, as PostgreSQL's formatting.c does
 * for to_timestamp and to_date (DCH_from_char, then do_to_timestamp): the template becomes
 * nodes (fields, separators, literal characters); each field reads its digits — as many as
 * its pattern has when a digit field follows without a separator, else a whole number — or
 * its words (month and day names, AM/PM, AD/BC, roman months); then the fields make a date
 * (year and century, Julian day, ISO or Gregorian week, day of year) and a time. Outside FX
 * mode blanks before a field are skipped and a template separator matches one separator or
 * none. jsonpath's .datetime(template) reads with the same engine. */
#include "pgfn_dtfmt.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAXNODES 256

enum node_kind { N_FIELD, N_SEP, N_CHAR };

struct node {
	enum node_kind kind;
	enum pgfn_dtpat p;
	const char *key; /* the pattern as the template spells it */
	size_t len;
	bool fm, th;
};

/* The fields read (formatting.c's TmFromChar); 0 is "not given". */
struct fields {
	int mode; /* 0 none yet, 'G' Gregorian, 'I' ISO week date */
	int hh, pm, mi, ss, ssss, d, dd, ddd, mm, ms, year, bc, ww, w, cc, j, us, yysz, clock12,
		tzsign, tzh, tzm, ff;
};

struct reader {
	const char *in; /* the whole input, for messages */
	const char *s;
	bool fx, std; /* std: jsonpath's strict matching */
	int extra_skip;
	struct pgerr *err;
};

static bool is_sep(char c) { return c && (unsigned char)c < 0x80 && !isalnum((unsigned char)c); }

/* The template's nodes; false when it has more than MAXNODES. */
static bool compile(const char *fmt, struct node *v, size_t *n)
{
	size_t k = 0;
	while (*fmt && k < MAXNODES) {
		bool fm = strncasecmp(fmt, "FM", 2) == 0;
		size_t len;
		enum pgfn_dtpat p = pgfn_dtfmt_match(fmt + (fm ? 2 : 0), &len);
		if (p != P_NONE) {
			const char *key = fmt + (fm ? 2 : 0);
			bool th = strncasecmp(key + len, "TH", 2) == 0 && p != P_TZH;
			v[k++] = (struct node){N_FIELD, p, key, len, fm, th};
			fmt = key + len + (th ? 2 : 0);
		} else if (*fmt == '"') { /* each quoted character skips one input character */
			for (fmt++; *fmt && *fmt != '"' && k < MAXNODES; fmt++) {
				if (*fmt == '\\' && fmt[1])
					fmt++;
				v[k++] = (struct node){.kind = N_CHAR, .key = fmt, .len = 1};
			}
			fmt += *fmt == '"';
		} else {
			if (*fmt == '\\' && fmt[1])
				fmt++;
			bool sep = isspace((unsigned char)*fmt) || is_sep(*fmt);
			v[k++] = (struct node){.kind = sep ? N_SEP : N_CHAR, .key = fmt, .len = 1};
			fmt++;
		}
	}
	*n = k;
	return !*fmt;
}

static bool digit_field(enum pgfn_dtpat p)
{
	switch (p) {
	case P_AM:
	case P_PM:
	case P_AMD:
	case P_PMD:
	case P_AD:
	case P_BC:
	case P_ADD:
	case P_BCD:
	case P_MONTH:
	case P_MON:
	case P_DAY:
	case P_DY:
	case P_RM:
	case P_TZ:
	case P_OF:
	case P_FX:
		return false;
	default:
		return true;
	}
}

/* formatting.c's is_next_separator: whether the field's number ends at the first non-digit
 * (a separator, a non-digit field or the end follows) rather than after its pattern's width. */
static bool next_is_separator(const struct node *v, size_t i, size_t n)
{
	if (v[i].th)
		return true;
	if (i + 1 >= n)
		return true;
	const struct node *x = &v[i + 1];
	if (x->kind == N_FIELD)
		return !digit_field(x->p);
	return !isdigit((unsigned char)x->key[0]);
}

static bool fail(struct reader *r, const char *state, const char *fmt, ...)
{
	va_list ap;
	char msg[256];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return pgerr_set(r->err, state, "%s", msg);
}

static bool set_int(struct reader *r, int *dest, int value, const struct node *nd)
{
	if (*dest != 0 && *dest != value) {
		fail(r, "22007", "conflicting values for \"%.*s\" field in formatting string",
		     (int)nd->len, nd->key);
		pgerr_detail(r->err, "This value contradicts a previous setting for the same field "
				     "type.");
		return false;
	}
	*dest = value;
	return true;
}

/* from_char_parse_int_len: an integer of width len (or up to the next non-digit); the number
 * of characters read into *used. */
static bool read_num(struct reader *r, const struct node *v, size_t i, size_t n, int len, int *out,
		     int *used)
{
	const struct node *nd = &v[i];
	while (isspace((unsigned char)*r->s))
		r->s++;
	const char *init = r->s;
	char *end = NULL;
	long val;
	if (nd->fm || next_is_separator(v, i, n)) {
		val = strtol(init, &end, 10);
		if (end == init) {
			fail(r, "22007", "invalid value \"%.*s\" for \"%.*s\"", len, init,
			     (int)nd->len, nd->key);
			pgerr_detail(r->err, "Value must be an integer.");
			return false;
		}
	} else {
		char copy[16];
		int k = 0;
		while (k < len && k < 15 && init[k])
			copy[k] = init[k], k++;
		copy[k] = '\0';
		if (k < len)
			return fail(r, "22007",
				    "source string too short for \"%.*s\" formatting field",
				    (int)nd->len, nd->key);
		val = strtol(copy, &end, 10);
		if (end - copy != len) {
			fail(r, "22007", "invalid value \"%s\" for \"%.*s\"", copy, (int)nd->len,
			     nd->key);
			pgerr_detail(r->err,
				     "Field requires %d characters, but only %d could be parsed.",
				     len, (int)(end - copy));
			return false;
		}
		end = (char *)init + len;
	}
	if (val < INT_MIN || val > INT_MAX)
		return fail(r, "22008", "value for \"%.*s\" in source string is out of range",
			    (int)nd->len, nd->key);
	*used = (int)(end - init);
	r->s = end;
	*out = (int)val;
	return true;
}

/* from_char_seq_search: the longest of words matching the input (case-insensitive); its index. */
static bool read_word(struct reader *r, const char *const *words, int nwords, size_t abbrev,
		      const struct node *nd, int *out)
{
	int best = -1;
	size_t best_len = 0;
	for (int i = 0; i < nwords; i++) {
		size_t len = abbrev && strlen(words[i]) > abbrev ? abbrev : strlen(words[i]);
		if (len > best_len && strncasecmp(r->s, words[i], len) == 0)
			best = i, best_len = len;
	}
	if (best < 0) {
		fail(r, "22007", "invalid value \"%.*s\" for \"%.*s\"", (int)strcspn(r->s, " "),
		     r->s, (int)nd->len, nd->key);
		pgerr_detail(r->err, "The given value did not match any of the allowed values for "
				     "this field.");
		return false;
	}
	r->s += best_len;
	*out = best;
	return true;
}

static int adjust_year(int year)
{
	return year < 70     ? year + 2000
	       : year < 100  ? year + 1900
	       : year < 520  ? year + 2000
	       : year < 1000 ? year + 1000
			     : year;
}

static bool set_mode(struct reader *r, struct fields *f, enum pgfn_dtpat p)
{
	int mode = 0;
	switch (p) {
	case P_IYYY:
	case P_IYY:
	case P_IY:
	case P_I:
	case P_IW:
	case P_ID:
	case P_IDDD:
		mode = 'I';
		break;
	case P_YCOMMA:
	case P_YYYY:
	case P_YYY:
	case P_YY:
	case P_Y:
	case P_MM:
	case P_MON:
	case P_MONTH:
	case P_RM:
	case P_DD:
	case P_DDD:
	case P_D:
	case P_WW:
	case P_W:
		mode = 'G';
		break;
	default:
		return true;
	}
	if (f->mode && f->mode != mode) {
		fail(r, "22007", "invalid combination of date conventions");
		pgerr_hint(r->err, "Do not mix Gregorian and ISO week date conventions in a "
				   "formatting template.");
		return false;
	}
	f->mode = mode;
	return true;
}

static bool year_field(struct reader *r, struct fields *f, const struct node *v, size_t i, size_t n,
		       int width)
{
	int y = 0, used = 0;
	if (!read_num(r, v, i, n, width, &y, &used))
		return false;
	if (width < 4 && used < 4)
		y = adjust_year(y);
	f->yysz = width;
	return set_int(r, &f->year, y, &v[i]);
}

/* One field of the template (DCH_from_char's switch). */
static bool field(struct reader *r, struct fields *f, const struct node *v, size_t i, size_t n,
		  struct pgfn_dtread *out)
{
	static const char *const ampm[] = {"am", "pm"}, *const ampm_dots[] = {"a.m.", "p.m."};
	static const char *const adbc[] = {"ad", "bc"}, *const adbc_dots[] = {"a.d.", "b.c."};
	static const int us_mult[] = {100000, 10000, 1000, 100, 10, 1};
	const struct node *nd = &v[i];
	int x = 0, used = 0;
	if (!set_mode(r, f, nd->p))
		return false;
	switch (nd->p) {
	case P_FX:
		r->fx = true;
		return true;
	case P_AM:
	case P_PM:
	case P_AMD:
	case P_PMD:
		out->has_time = true;
		if (!read_word(r, nd->p == P_AMD || nd->p == P_PMD ? ampm_dots : ampm, 2, 0, nd,
			       &x))
			return false;
		f->clock12 = 1;
		return set_int(r, &f->pm, x + 1, nd);
	case P_AD:
	case P_BC:
	case P_ADD:
	case P_BCD:
		if (!read_word(r, nd->p == P_ADD || nd->p == P_BCD ? adbc_dots : adbc, 2, 0, nd,
			       &x))
			return false;
		f->bc = x;
		return true;
	case P_HH:
	case P_HH12:
	case P_HH24:
		out->has_time = true;
		f->clock12 |= nd->p != P_HH24;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->hh, x, nd);
	case P_MI:
		out->has_time = true;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->mi, x, nd);
	case P_SS:
		out->has_time = true;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->ss, x, nd);
	case P_MS: /* 12 is 120 ms */
		out->has_time = true;
		if (!read_num(r, v, i, n, 3, &x, &used))
			return false;
		return set_int(r, &f->ms, x * (used == 1 ? 100 : used == 2 ? 10 : 1), nd);
	case P_US:
		out->has_time = true;
		if (!read_num(r, v, i, n, 6, &x, &used))
			return false;
		for (int k = used; k < 6; k++)
			x *= 10;
		return set_int(r, &f->us, x, nd);
	case P_FF: {
		int digits = nd->key[2] - '0';
		out->has_time = true;
		if (!read_num(r, v, i, n, digits, &x, &used))
			return false;
		f->ff = digits;
		/* the digits read are the fraction: '.1' as FF2 is 0.1 s (formatting.c) */
		return set_int(r, &f->us, x * us_mult[used - 1], nd);
	}
	case P_SSSS:
	case P_SSSSS:
		out->has_time = true;
		return read_num(r, v, i, n, (int)nd->len, &x, &used) && set_int(r, &f->ssss, x, nd);
	case P_TZ:
	case P_OF:
		return fail(r, SQLSTATE_FEATURE_NOT_SUPPORTED,
			    "formatting field \"%.*s\" is only supported in to_char", (int)nd->len,
			    nd->key);
	case P_TZH: /* a minus the separators swallowed is the offset's sign */
		out->has_time = true;
		if (*r->s == '+' || *r->s == '-' || *r->s == ' ')
			f->tzsign = *r->s++ == '-' ? -1 : 1;
		else
			f->tzsign = r->extra_skip > 0 && r->s > r->in && r->s[-1] == '-' ? -1 : 1;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->tzh, x, nd);
	case P_TZM:
		out->has_time = true;
		f->tzsign = f->tzsign ? f->tzsign : 1;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->tzm, x, nd);
	case P_MONTH:
	case P_MON:
		out->has_date = true;
		return read_word(r, pgfn_month_names, 12, nd->p == P_MON ? 3 : 0, nd, &x) &&
		       set_int(r, &f->mm, x + 1, nd);
	case P_RM: { /* the longest roman numeral that matches: VIII before VII */
		out->has_date = true;
		return read_word(r, pgfn_roman_months, 12, 0, nd, &x) &&
		       set_int(r, &f->mm, x + 1, nd);
	}
	case P_DAY:
	case P_DY:
		out->has_date = true;
		return read_word(r, pgfn_day_names, 7, nd->p == P_DY ? 3 : 0, nd, &x) &&
		       set_int(r, &f->d, x + 1, nd);
	case P_MM:
		out->has_date = true;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->mm, x, nd);
	case P_DD:
		out->has_date = true;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->dd, x, nd);
	case P_D:
		out->has_date = true;
		return read_num(r, v, i, n, 1, &x, &used) && set_int(r, &f->d, x, nd);
	case P_ID: /* Monday 1 ... Sunday 7, kept as D's Sunday 1 */
		out->has_date = true;
		return read_num(r, v, i, n, 1, &x, &used) &&
		       set_int(r, &f->d, x + 1 > 7 ? 1 : x + 1, nd);
	case P_DDD:
	case P_IDDD:
		out->has_date = true;
		return read_num(r, v, i, n, 3, &x, &used) && set_int(r, &f->ddd, x, nd);
	case P_WW:
	case P_IW:
		out->has_date = true;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->ww, x, nd);
	case P_W:
		out->has_date = true;
		return read_num(r, v, i, n, 1, &x, &used) && set_int(r, &f->w, x, nd);
	case P_Q: /* read and ignored, as in PostgreSQL */
		return read_num(r, v, i, n, 1, &x, &used);
	case P_CC:
		out->has_date = true;
		return read_num(r, v, i, n, 2, &x, &used) && set_int(r, &f->cc, x, nd);
	case P_J:
		out->has_date = true;
		return read_num(r, v, i, n, 1, &x, &used) && set_int(r, &f->j, x, nd);
	case P_YCOMMA: {
		int millennia = 0, years = 0, nch = 0;
		out->has_date = true;
		while (isspace((unsigned char)*r->s))
			r->s++;
		if (sscanf(r->s, "%d,%03d%n", &millennia, &years, &nch) < 2)
			return fail(r, "22008", "invalid input string for \"Y,YYY\"");
		r->s += nch;
		f->yysz = 4;
		return set_int(r, &f->year, millennia * 1000 + years, nd);
	}
	case P_YYYY:
	case P_IYYY:
		out->has_date = true;
		return year_field(r, f, v, i, n, 4);
	case P_YYY:
	case P_IYY:
		out->has_date = true;
		return year_field(r, f, v, i, n, 3);
	case P_YY:
	case P_IY:
		out->has_date = true;
		return year_field(r, f, v, i, n, 2);
	case P_Y:
	case P_I:
		out->has_date = true;
		return year_field(r, f, v, i, n, 1);
	default:
		return true;
	}
}

/* DCH_from_char: the nodes over the input, until either ends. */
static bool read_all(struct reader *r, struct fields *f, const struct node *v, size_t n,
		     struct pgfn_dtread *out)
{
	size_t i = 0;
	for (; i < n && *r->s; i++) {
		const struct node *nd = &v[i];
		if (!r->fx && nd->kind != N_CHAR && nd->p != P_FX) { /* blanks before it */
			while (*r->s && isspace((unsigned char)*r->s)) {
				r->s++;
				r->extra_skip++;
			}
		}
		if (nd->kind != N_FIELD && r->std) { /* the template's character itself */
			if (*r->s != nd->key[0])
				return fail(r, "22007", "unmatched format %s \"%c\"",
					    nd->kind == N_SEP ? "separator" : "character",
					    nd->key[0]);
			r->s++;
			continue;
		}
		if (nd->kind == N_SEP) { /* one separator or blank of the input, or none */
			if (r->fx) {
				r->s++;
			} else {
				r->extra_skip--;
				if (isspace((unsigned char)*r->s) || is_sep(*r->s)) {
					r->s++;
					r->extra_skip++;
				}
			}
			continue;
		}
		if (nd->kind == N_CHAR) { /* any one character, unless blanks were skipped */
			if (!r->fx && r->extra_skip > 0)
				r->extra_skip--;
			else
				r->s++;
			continue;
		}
		if (!field(r, f, v, i, n, out))
			return false;
		if (nd->th) { /* the ordinal suffix: two characters */
			for (int k = 0; k < 2 && *r->s; k++)
				r->s++;
		}
	}
	if (r->std && i < n)
		return fail(r, "22007", "input string is too short for datetime format");
	while (r->std && isspace((unsigned char)*r->s))
		r->s++;
	if (r->std && *r->s)
		return fail(r, "22007",
			    "trailing characters remain in input string after datetime format");
	return true;
}

static int32_t isoweek2j(int year, int week)
{
	int32_t day4 = pgtype_date2j(year, 1, 4);
	int day0 = (int)((day4 - 1 + 1) % 7); /* j2day(day4 - 1): 0 Sunday */
	return (week - 1) * 7 + (day4 - day0);
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* do_to_timestamp: the fields into a date and a time. */
static bool build(struct reader *r, struct fields *f, struct pgtype_tm *tm)
{
	memset(tm, 0, sizeof(*tm));
	tm->mon = 1;
	tm->mday = 1;
	tm->sec = f->ss;
	tm->min = f->mi;
	tm->hour = f->hh;
	if (f->clock12) {
		if (tm->hour < 1 || tm->hour > 12) {
			fail(r, "22007", "hour \"%d\" is invalid for the 12-hour clock", tm->hour);
			pgerr_hint(r->err,
				   "Use the 24-hour clock, or give an hour between 1 and 12.");
			return false;
		}
		if (f->pm == 2 && tm->hour < 12)
			tm->hour += 12;
		else if (f->pm != 2 && tm->hour == 12)
			tm->hour = 0;
	}
	if (f->ssss) {
		tm->hour = f->ssss / 3600;
		tm->min = f->ssss % 3600 / 60;
		tm->sec = f->ssss % 60;
	}
	if (f->year) {
		if (f->cc && f->yysz <= 2) {
			int cc = f->bc ? -f->cc : f->cc;
			tm->year = f->year % 100;
			if (tm->year)
				tm->year = cc >= 0 ? tm->year + (cc - 1) * 100
						   : (cc + 1) * 100 - tm->year + 1;
			else
				tm->year = cc * 100 + (cc >= 0 ? 0 : 1);
		} else {
			tm->year = f->bc ? -f->year : f->year;
			if (tm->year < 0) /* astronomical: 1 BC is 0 */
				tm->year++;
		}
	} else if (f->cc) { /* PostgreSQL's century arithmetic, taken as astronomical */
		int cc = f->bc ? -f->cc : f->cc;
		tm->year = cc >= 0 ? (cc - 1) * 100 + 1 : cc * 100 + 1;
	}
	if (f->j)
		pgtype_j2date(f->j, &tm->year, &tm->mon, &tm->mday);
	if (f->ww) {
		if (f->mode == 'I') {
			int32_t jd = isoweek2j(tm->year, f->ww);
			if (f->d) /* Gregorian day numbers: Sunday 1 is the week's last */
				jd += f->d > 1 ? f->d - 2 : 6;
			pgtype_j2date(jd, &tm->year, &tm->mon, &tm->mday);
		} else {
			f->ddd = (f->ww - 1) * 7 + 1;
		}
	}
	if (f->w)
		f->dd = (f->w - 1) * 7 + 1;
	if (f->dd)
		tm->mday = f->dd;
	if (f->mm)
		tm->mon = f->mm;
	if (f->ddd && (tm->mon <= 1 || tm->mday <= 1)) {
		if (!tm->year && !f->bc)
			return fail(r, "22007",
				    "cannot calculate day of year without year "
				    "information");
		if (f->mode == 'I') {
			pgtype_j2date(isoweek2j(tm->year, 1) - 1 + f->ddd, &tm->year, &tm->mon,
				      &tm->mday);
		} else {
			static const int ysum[2][13] = {
				{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
				{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};
			const int *y = ysum[leap(tm->year)];
			int i = 1;
			while (i <= 12 && f->ddd > y[i])
				i++;
			if (tm->mon <= 1)
				tm->mon = i;
			if (tm->mday <= 1)
				tm->mday = f->ddd - y[i - 1];
		}
	}
	tm->usec = f->ms * 1000 + f->us;
	static const int md[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (tm->mon < 1 || tm->mon > 12 || tm->mday < 1 || tm->mday > md[tm->mon - 1] ||
	    (tm->mon == 2 && tm->mday == 29 && !leap(tm->year)) || tm->hour < 0 || tm->hour >= 24 ||
	    tm->min < 0 || tm->min >= 60 || tm->sec < 0 || tm->sec >= 60 || tm->usec < 0 ||
	    tm->usec >= 1000000)
		return fail(r, "22008", "date/time field value out of range: \"%s\"", r->in);
	return true;
}

bool pgfn_dt_from_template(const char *s, const char *fmt, bool std, struct pgfn_dtread *out,
			   struct pgerr *err)
{
	struct node *v = base_xmalloc(MAXNODES * sizeof(*v));
	size_t n = 0;
	struct reader r = {.in = s, .s = s, .fx = std, .std = std, .err = err};
	struct fields f;
	memset(&f, 0, sizeof(f));
	memset(out, 0, sizeof(*out));
	bool ok = compile(fmt, v, &n) || pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
						   "a template of more than %d items", MAXNODES);
	ok = ok && read_all(&r, &f, v, n, out) && build(&r, &f, &out->tm);
	free(v);
	if (!ok)
		return false;
	out->ff = f.ff;
	out->has_tz = f.tzsign != 0;
	out->tz_east = f.tzsign * (f.tzh * 3600 + f.tzm * 60);
	return true;
}

void pgfn_to_timestamp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char *fmt = (const char *)sqlite3_value_text(argv[1]);
	(void)argc;
	if (!s || !fmt) {
		sqlite3_result_null(ctx);
		return;
	}
	struct pgfn_dtread d;
	struct pgerr err;
	pgerr_clear(&err);
	struct pgfn_dt v = {.oid = (uint32_t)sqlite3_value_int64(argv[2])};
	if (!pgfn_dt_from_template(s, fmt, false, &d, &err)) {
		if (err.detail[0])
			pgfn_error_detail(ctx, err.sqlstate, err.detail, "%s", err.message);
		else
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	if (!pgtype_tm2ts(&d.tm, &v.ts)) {
		pgfn_error(ctx, "22008", "date/time field value out of range: \"%s\"", s);
		return;
	}
	if (v.oid == PGTYPE_DATE)
		v.date = (int32_t)(v.ts / PGTYPE_USECS_PER_DAY - (v.ts % PGTYPE_USECS_PER_DAY < 0));
	else if (d.has_tz)
		v.ts -= (int64_t)d.tz_east * 1000000;
	else
		v.ts = pgfn_dt_from_local(pgfn_dt_zone(ctx), v.ts);
	if (v.oid != PGTYPE_DATE && d.ff > 0 && d.ff < 6) /* FFn: n digits, as to_timestamp's */
		v.ts = pgfn_dt_round_prec(v.ts, d.ff);
	pgfn_dt_result(ctx, &v);
}
