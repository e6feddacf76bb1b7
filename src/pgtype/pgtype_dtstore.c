/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_dtstore.c: the stored text of a date, timestamp or timestamptz whose year lies
 * outside 1..9999 AD, written so that SQLite's text order stays time order: BC as '.' and
 * 10000 minus the year ('.9956-03-15' is 44 BC), past 9999 as ':' and the year in seven
 * digits (':0010000-01-01'). Years 1 to 9999 and the infinities are PostgreSQL's ISO text. */
#include "pgtype_int.h"

#include <stdio.h>
#include <string.h>

/* Text order: '-infinity' < '.5286'..'.9999' (4714 BC to 1 BC) < '0001'..'9999' < ':0010000'
 * and above < 'infinity'. PostgreSQL's own input reads ':0010000-01-01' as 10000-01-01 (the
 * ':' skipped as a separator) and refuses '.9956-03-15', so reading these forms as input
 * never gives another value than PostgreSQL would (a '/' would: it reads '/9956-03-15' as
 * 9956-03-15). */
#define STORE_BC '.'
#define STORE_LATE ':'
#define LATE_DIGITS 7 /* 5874897, the last year of a date */

/* PostgreSQL's ISO text (UTC) of v appended to out, then rewritten in place when its year is
 * outside 1..9999 (years 1 to 9999 cost one look at the text). */
void pgtype_dt_store(struct strbuf *out, uint32_t oid, int64_t v)
{
	size_t at = out->len;
	if (oid == PGTYPE_DATE)
		pgtype_date_out(out, (int32_t)v);
	else if (oid == PGTYPE_TIMESTAMPTZ)
		pgtype_timestamptz_out(out, v, NULL);
	else
		pgtype_timestamp_out(out, v);
	if (out->failed || !out->data)
		return;
	const char *s = out->data + at;
	size_t n = out->len - at, y = strspn(s, "0123456789");
	bool bc = n > 3 && memcmp(s + n - 3, " BC", 3) == 0;
	if (y == 0 || y >= n || s[y] != '-' || (!bc && y == 4) || n - y >= 64)
		return; /* years 1 to 9999, an infinity */
	long year = 0;
	char rest[64];
	for (size_t i = 0; i < y; i++)
		year = year * 10 + (s[i] - '0');
	size_t k = n - y - (bc ? 3 : 0);
	memcpy(rest, s + y, k);
	out->len = at;
	if (bc)
		strbuf_printf(out, "%c%04ld", STORE_BC, 10000 - year);
	else
		strbuf_printf(out, "%c%0*ld", STORE_LATE, LATE_DIGITS, year);
	strbuf_append(out, rest, k);
}

size_t pgtype_dt_unstore(const char *s, size_t n, char *buf, size_t cap)
{
	size_t digits = n > 0 && s[0] == STORE_BC     ? 4
			: n > 0 && s[0] == STORE_LATE ? LATE_DIGITS
						      : 0;
	if (!digits || n < digits + 2 || s[digits + 1] != '-' || n + 8 > cap)
		return 0;
	long v = 0;
	for (size_t i = 1; i <= digits; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	long year = s[0] == STORE_BC ? 10000 - v : v;
	if (s[0] == STORE_BC ? year < 1 || year > 9999 : year <= 9999)
		return 0;
	int k = snprintf(buf, cap, "%04ld%.*s%s", year, (int)(n - digits - 1), s + digits + 1,
			 s[0] == STORE_BC ? " BC" : "");
	return k > 0 && (size_t)k < cap ? (size_t)k : 0;
}

/* The date/time type whose values text of type oid holds (itself, a range's, multirange's or
 * array's element), 0 for none of date, timestamp, timestamptz. */
static uint32_t dt_of(uint32_t oid)
{
	switch (oid) {
	case PGTYPE_DATE:
	case PGTYPE_DATERANGE:
	case PGTYPE_DATEMULTIRANGE:
		return PGTYPE_DATE;
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TSRANGE:
	case PGTYPE_TSMULTIRANGE:
		return PGTYPE_TIMESTAMP;
	case PGTYPE_TIMESTAMPTZ:
	case PGTYPE_TSTZRANGE:
	case PGTYPE_TSTZMULTIRANGE:
		return PGTYPE_TIMESTAMPTZ;
	default: {
		const struct pgtype_info *i = pgtype_by_oid(oid);
		uint32_t e = i ? i->elem_oid : 0;
		return e == PGTYPE_DATE || e == PGTYPE_TIMESTAMP || e == PGTYPE_TIMESTAMPTZ ? e : 0;
	}
	}
}

bool pgtype_dt_client_text(uint32_t oid, const char *s, size_t n, struct pgerr *err)
{
	uint32_t dt = dt_of(oid);
	if (!dt || !s)
		return true;
	bool scalar = dt == oid;
	for (size_t i = 0; i < n; i++) {
		/* an element starts the text, or follows a bracket, a comma, a quote or blanks */
		if (s[i] != STORE_BC || (scalar ? i > 0 : i > 0 && !strchr("[(,{\" \t", s[i - 1])))
			continue;
		size_t d = strspn(s + i + 1, "0123456789");
		if (d != 4 || i + 5 >= n || s[i + 5] != '-')
			continue;
		size_t len = scalar ? n : strcspn(s + i, ",)]}\"");
		if (len > n - i)
			len = n - i;
		return pgerr_set(err, "22007", "invalid input syntax for type %s: \"%.*s\"",
				 dt == PGTYPE_DATE        ? "date"
				 : dt == PGTYPE_TIMESTAMP ? "timestamp"
							  : "timestamp with time zone",
				 (int)len, s + i);
	}
	return true;
}
