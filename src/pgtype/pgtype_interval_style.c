/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_interval_style.c: interval output in each IntervalStyle, as PostgreSQL's
 * EncodeInterval writes it: postgres and iso_8601 (pgtype_interval.c), sql_standard
 * ("1-2", "3 4:05:06", "+1-2 +3 +4:05:06" when signs or kinds mix) and postgres_verbose
 * ("@ 1 year 2 mons 3 days ago"), and input's reading of a leading sign under sql_standard. */
#include "pgtype_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define USECS_PER_HOUR INT64_C(3600000000)

/* interval2itm: years and months of the months, hours, minutes, seconds and microseconds of
 * the time, each truncated towards zero and keeping the sign of what it came from. */
struct itm {
	int64_t year, mon, mday, hour, min, sec, usec;
};

static struct itm split(const struct pgtype_interval *iv)
{
	struct itm t = {.year = iv->month / 12, .mon = iv->month % 12, .mday = iv->day};
	int64_t rest = iv->time;
	t.hour = rest / USECS_PER_HOUR;
	rest -= t.hour * USECS_PER_HOUR;
	t.min = rest / 60000000;
	rest -= t.min * 60000000;
	t.sec = rest / 1000000;
	t.usec = rest - t.sec * 1000000;
	return t;
}

static int64_t abs64(int64_t v) { return v < 0 ? -v : v; }

/* AppendSeconds: |sec| (two digits when fill), then |usec| as a fraction without trailing
 * zeros. */
static void put_seconds(struct strbuf *out, int64_t sec, int64_t usec, bool fill)
{
	strbuf_printf(out, fill ? "%02lld" : "%lld", (long long)abs64(sec));
	if (usec == 0)
		return;
	char frac[8];
	snprintf(frac, sizeof(frac), "%06d", (int)(abs64(usec) % 1000000));
	int len = 6;
	while (frac[len - 1] == '0')
		len--;
	strbuf_printf(out, ".%.*s", len, frac);
}

/* INTSTYLE_SQL_STANDARD: a value of one kind (year-month or day-time) and one sign prints as
 * the standard writes it, the sign in front; any other gets a sign on each group. */
static void out_sql_standard(struct strbuf *out, struct itm t)
{
	bool neg = t.year < 0 || t.mon < 0 || t.mday < 0 || t.hour < 0 || t.min < 0 || t.sec < 0 ||
		   t.usec < 0;
	bool pos = t.year > 0 || t.mon > 0 || t.mday > 0 || t.hour > 0 || t.min > 0 || t.sec > 0 ||
		   t.usec > 0;
	bool ym = t.year != 0 || t.mon != 0;
	bool dt = t.mday != 0 || t.hour != 0 || t.min != 0 || t.sec != 0 || t.usec != 0;
	bool standard = !(neg && pos) && !(ym && dt);
	if (neg && standard) {
		strbuf_putc(out, '-');
		t = (struct itm){-t.year, -t.mon, -t.mday, -t.hour, -t.min, -t.sec, -t.usec};
	}
	if (!neg && !pos) {
		strbuf_putc(out, '0');
	} else if (!standard) {
		char ys = t.year < 0 || t.mon < 0 ? '-' : '+';
		char ds = t.mday < 0 ? '-' : '+';
		char ss = t.hour < 0 || t.min < 0 || t.sec < 0 || t.usec < 0 ? '-' : '+';
		strbuf_printf(out, "%c%lld-%lld %c%lld %c%lld:%02lld:", ys, (long long)abs64(t.year),
			      (long long)abs64(t.mon), ds, (long long)abs64(t.mday), ss,
			      (long long)abs64(t.hour), (long long)abs64(t.min));
		put_seconds(out, t.sec, t.usec, true);
	} else if (ym) {
		strbuf_printf(out, "%lld-%lld", (long long)t.year, (long long)t.mon);
	} else {
		if (t.mday != 0)
			strbuf_printf(out, "%lld ", (long long)t.mday);
		strbuf_printf(out, "%lld:%02lld:", (long long)t.hour, (long long)t.min);
		put_seconds(out, t.sec, t.usec, true);
	}
}

/* AddVerboseIntPart: the first part's sign decides "ago"; later parts of the other sign
 * print negative. */
static void verbose_part(struct strbuf *out, int64_t v, const char *unit, bool *zero,
			 bool *before)
{
	if (v == 0)
		return;
	if (*zero) {
		*before = v < 0;
		v = abs64(v);
	} else if (*before) {
		v = -v;
	}
	strbuf_printf(out, " %lld %s%s", (long long)v, unit, v == 1 ? "" : "s");
	*zero = false;
}

/* INTSTYLE_POSTGRES_VERBOSE: "@ 1 day 2 hours 3.5 secs ago", "@ 0". */
static void out_verbose(struct strbuf *out, struct itm t)
{
	bool zero = true, before = false;
	strbuf_putc(out, '@');
	verbose_part(out, t.year, "year", &zero, &before);
	verbose_part(out, t.mon, "mon", &zero, &before);
	verbose_part(out, t.mday, "day", &zero, &before);
	verbose_part(out, t.hour, "hour", &zero, &before);
	verbose_part(out, t.min, "min", &zero, &before);
	if (t.sec != 0 || t.usec != 0) {
		strbuf_putc(out, ' ');
		if (t.sec < 0 || (t.sec == 0 && t.usec < 0)) {
			if (zero)
				before = true;
			else if (!before)
				strbuf_putc(out, '-');
		} else if (before) {
			strbuf_putc(out, '-');
		}
		put_seconds(out, t.sec, t.usec, false);
		strbuf_printf(out, " sec%s", abs64(t.sec) != 1 || t.usec != 0 ? "s" : "");
		zero = false;
	}
	if (zero)
		strbuf_puts(out, " 0");
	if (before)
		strbuf_puts(out, " ago");
}

void pgtype_interval_out_style(struct strbuf *out, const struct pgtype_interval *iv,
			       enum pgtype_intervalstyle style)
{
	switch (style) {
	case PGTYPE_INTERVAL_ISO_8601:
		pgtype_interval_out_iso(out, iv);
		break;
	case PGTYPE_INTERVAL_SQL_STANDARD:
		out_sql_standard(out, split(iv));
		break;
	case PGTYPE_INTERVAL_POSTGRES_VERBOSE:
		out_verbose(out, split(iv));
		break;
	case PGTYPE_INTERVAL_POSTGRES:
	default:
		pgtype_interval_out(out, iv);
		break;
	}
}

/* A '+' or '-' that begins a field, as ParseDateTime splits them: at the start of a word or
 * after letters ("day-2"); a '-' between digits is a year-month or date's ("1-2"). */
static bool field_sign(const char *s, size_t i)
{
	return (s[i] == '+' || s[i] == '-') &&
	       (i == 0 || isspace((unsigned char)s[i - 1]) || isalpha((unsigned char)s[i - 1]));
}

bool pgtype_interval_sign_applies(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i + 1 >= n || s[i] != '-' || !(isdigit((unsigned char)s[i + 1]) || s[i + 1] == '.'))
		return false;
	for (size_t j = i + 1; j < n; j++)
		if (field_sign(s, j))
			return false;
	return true;
}

/* The leading '-' dropped, the rest read (all of its fields positive), the whole negated:
 * DecodeInterval's forcing each field negative, "ago" included (it negates after). */
bool pgtype_interval_in_style(const char *s, size_t n, int32_t typmod,
			      enum pgtype_intervalstyle style, struct pgtype_interval *out,
			      struct pgerr *err)
{
	if (style != PGTYPE_INTERVAL_SQL_STANDARD || !pgtype_interval_sign_applies(s, n))
		return pgtype_interval_in_typmod(s, n, typmod, out, err);
	const char *minus = memchr(s, '-', n);
	size_t skip = (size_t)(minus - s) + 1;
	struct pgtype_interval iv;
	struct pgerr ignored;
	if (!pgtype_interval_in_typmod(s + skip, n - skip, -1, &iv, &ignored) ||
	    iv.month == INT32_MIN || iv.day == INT32_MIN || iv.time == INT64_MIN)
		return pgtype_interval_in_typmod(s, n, typmod, out, err); /* its own error */
	*out = (struct pgtype_interval){-iv.time, -iv.day, -iv.month};
	pgtype_interval_typmod_adjust(out, typmod);
	return true;
}
