/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_datetime.c: date, time, timestamp, timestamptz and interval — input in the
 * forms PostgreSQL accepts and output in the session's zone, table-driven; expected outputs
 * and SQLSTATEs come from PostgreSQL 15 (SET TimeZone, then SELECT 'input'::type). Binary
 * round trips against PostgreSQL's send bytes. */
#include "pgtype_test.h"

#include <stdio.h>

struct dt_io {
	const char *tz;
	uint32_t oid;
	const char *in;
	const char *out;   /* NULL: an error */
	const char *state; /* its SQLSTATE */
};

static const struct dt_io io_cases[] = {
	{"UTC", PGTYPE_DATE, "2024-02-29", "2024-02-29", NULL},
	{"UTC", PGTYPE_DATE, "Feb 29 2024", "2024-02-29", NULL},
	{"UTC", PGTYPE_DATE, "29 Feb 2024", "2024-02-29", NULL},
	{"UTC", PGTYPE_DATE, "02/03/2024", "2024-02-03", NULL},
	{"UTC", PGTYPE_DATE, "20240229", "2024-02-29", NULL},
	{"UTC", PGTYPE_DATE, "0001-01-01 BC", "0001-01-01 BC", NULL},
	{"UTC", PGTYPE_DATE, "epoch", "1970-01-01", NULL},
	{"UTC", PGTYPE_DATE, "-infinity", "-infinity", NULL},
	{"UTC", PGTYPE_DATE, "2024-02-29 13:45:00", "2024-02-29", NULL},
	{"UTC", PGTYPE_DATE, "1/2/99", "1999-01-02", NULL},
	{"UTC", PGTYPE_DATE, "2024-Feb-29", "2024-02-29", NULL},
	{"UTC", PGTYPE_DATE, "2024-02-30", NULL, "22008"},
	{"UTC", PGTYPE_DATE, "2024-13-01", NULL, "22008"},
	{"UTC", PGTYPE_DATE, "xyz", NULL, "22007"},
	{"UTC", PGTYPE_DATE, "0000-01-01", NULL, "22008"},
	{"UTC", PGTYPE_TIME, "13:45:01", "13:45:01", NULL},
	{"UTC", PGTYPE_TIME, "13:45:01.5", "13:45:01.5", NULL},
	{"UTC", PGTYPE_TIME, "24:00:00", "24:00:00", NULL},
	{"UTC", PGTYPE_TIME, "10:00:00.9999999", "10:00:01", NULL},
	{"UTC", PGTYPE_TIME, "1:02 pm", "13:02:00", NULL},
	{"UTC", PGTYPE_TIME, "allballs", "00:00:00", NULL},
	{"UTC", PGTYPE_TIME, "25:00", NULL, "22008"},
	{"UTC", PGTYPE_TIMETZ, "10:00+2", "10:00:00+02", NULL},
	{"UTC", PGTYPE_TIMETZ, "04:05:06.789-08:00", "04:05:06.789-08", NULL},
	{"UTC", PGTYPE_TIMETZ, "10:00 PST", "10:00:00-08", NULL},
	{"UTC", PGTYPE_TIMETZ, "10:00+05:30:15", "10:00:00+05:30:15", NULL},
	{"UTC", PGTYPE_TIMETZ, "allballs", "00:00:00+00", NULL},
	{"Asia/Kolkata", PGTYPE_TIMETZ, "10:00", "10:00:00+05:30", NULL},
	{"Asia/Kolkata", PGTYPE_TIMETZ, "2024-07-01 10:00 America/New_York", "10:00:00-04", NULL},
	{"UTC", PGTYPE_TIMETZ, "25:00+02", NULL, "22008"},
	{"UTC", PGTYPE_TIMETZ, "abc", NULL, "22007"},
	{"UTC", PGTYPE_TIME, "12:60", NULL, "22008"},
	{"UTC", PGTYPE_TIMESTAMP, "2024-02-29 13:45:00", "2024-02-29 13:45:00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2024-02-29 13:45:00.123456", "2024-02-29 13:45:00.123456", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2024-02-29T10:11:12", "2024-02-29 10:11:12", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2024-02-29 10:00:00.1234567", "2024-02-29 10:00:00.123457",
	 NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2024-02-29 10:00:00+05", "2024-02-29 10:00:00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "epoch", "1970-01-01 00:00:00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "infinity", "infinity", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2024-02-29 25:00", NULL, "22008"},
	{"UTC", PGTYPE_TIMESTAMP, "Thu Feb 29 13:45:00 2024", "2024-02-29 13:45:00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "0044-03-15 12:00 BC", "0044-03-15 12:00:00 BC", NULL},
	/* a two-digit year is moved to 1970-2069 unless BC */
	{"UTC", PGTYPE_DATE, "January 8, 99 BC", "0099-01-08 BC", NULL},
	{"UTC", PGTYPE_DATE, "January 8, 99", "1999-01-08", NULL},
	{"UTC", PGTYPE_DATE, "08-Jan-00", "2000-01-08", NULL},
	/* PostgreSQL's DecodeDateTime forms (pgtype_dtdecode.c): Julian days, ISO 8601 basic,
	 * year and day of year, YYMMDD, blank-separated dates, y/m/d labels, zone words */
	{"UTC", PGTYPE_DATE, "J2451187", "1999-01-08", NULL},
	{"UTC", PGTYPE_DATE, "1999.008", "1999-01-08", NULL},
	{"UTC", PGTYPE_DATE, "990108", "1999-01-08", NULL},
	{"UTC", PGTYPE_DATE, "1999 01 08", "1999-01-08", NULL},
	{"UTC", PGTYPE_DATE, "97FEB10", NULL, "22007"},
	{"UTC", PGTYPE_DATE, "2001-01-01+11", "2001-01-01", NULL},
	{"UTC", PGTYPE_DATE, "J J 1520447", "0551-09-28 BC", NULL},
	{"UTC", PGTYPE_DATE, "1999-08-Jan", NULL, "22007"},
	{"UTC", PGTYPE_TIMESTAMP, "19990108T040506", "1999-01-08 04:05:06", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "y1999m01d08h04mm05s06.5", "1999-01-08 04:05:06.5", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "J2451187.25", "1999-01-08 06:00:00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "10:30 2001-01-01", NULL, "22007"},
	{"UTC", PGTYPE_TIMESTAMP, "+infinity", NULL, "22007"},
	{"UTC", PGTYPE_TIMESTAMPTZ, "20011227T040506.789-08", "2001-12-27 12:05:06.789+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "J2452271-08", "2001-12-27 08:00:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2001-12-27 04:05:06.789 MET DST", "2001-12-27 02:05:06.789+00",
	 NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2011-03-26 23:00 MSK", "2011-03-26 20:00:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2011-03-27 02:00 MSK", "2011-03-26 22:00:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2020-01-01 12:00 IST", "2020-01-01 10:00:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "4714-11-23 16:00:00-08 BC", "4714-11-24 00:00:00+00 BC", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2011-12-18 11:38 A.M.", NULL, "22023"},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2001-01-01 00:00+16", NULL, "22009"},
	{"UTC", PGTYPE_TIME, "T040506.789+08", "04:05:06.789", NULL},
	{"UTC", PGTYPE_TIME, "0405", "04:05:00", NULL},
	{"UTC", PGTYPE_TIME, "12:34.5", "00:12:34.5", NULL},
	{"UTC", PGTYPE_TIME, "T04", NULL, "22007"},
	{"UTC", PGTYPE_TIME, "12:00 America/New_York", NULL, "22007"},
	{"UTC", PGTYPE_TIMETZ, "T040506.789 -08", "04:05:06.789-08", NULL},
	{"UTC", PGTYPE_TIMETZ, "2001-12-27 T040506.789 America/Los_Angeles", "04:05:06.789-08",
	 NULL},
	{"UTC", PGTYPE_TIMETZ, "10:00 MSK", "10:00:00+03", NULL},
	/* a POSIX zone glued to its word (west positive); a zone name before the year */
	{"UTC", PGTYPE_TIMESTAMPTZ, "2000-03-15 08:14:01 GMT+8", "2000-03-15 16:14:01+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2000-03-15 02:14:05 MST+7:00", "2000-03-15 09:14:05+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "Wed Jul 11 10:51:14 America/New_York 2001",
	 "2001-07-11 14:51:14+00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2000-03-15 08:14:01 GMT+8", "2000-03-15 08:14:01", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2001-07-11 10:51:14 Mars/Olympus", NULL, "22023"},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-02-29 13:45:00+02", "2024-02-29 11:45:00+00", NULL},
	/* the form pgtype writes, read without the general parser (pgtype_iso_ts_in), and its
	 * near misses, which the general parser reads */
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-01-02 03:04:05.123456+00",
	 "2024-01-02 03:04:05.123456+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-01-02 03:04:05-03:30", "2024-01-02 06:34:05+00", NULL},
	{"Asia/Kolkata", PGTYPE_TIMESTAMPTZ, "2024-01-02 03:04:05+05:30:15",
	 "2024-01-02 03:03:50+05:30", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-01-02 03:04:05.1234567+00",
	 "2024-01-02 03:04:05.123457+00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2024-02-29 23:59:59+02", "2024-02-29 23:59:59", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2024-01-02 24:00:00", "2024-01-03 00:00:00", NULL},
	{"UTC", PGTYPE_TIMESTAMP, "2023-02-29 00:00:00", NULL, "22008"},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-02-29 13:45:00", "2024-02-29 13:45:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-02-29T10:11:12Z", "2024-02-29 10:11:12+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-01-01 10:00+0530", "2024-01-01 04:30:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-01-01 10:00-08", "2024-01-01 18:00:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-01-01 10:00 PST", "2024-01-01 18:00:00+00", NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-01-01 10:00 Europe/Berlin", "2024-01-01 09:00:00+00",
	 NULL},
	{"UTC", PGTYPE_TIMESTAMPTZ, "2024-07-01 10:00 America/New_York", "2024-07-01 14:00:00+00",
	 NULL},
	{"Europe/Berlin", PGTYPE_TIMESTAMPTZ, "2024-02-29 13:45:00", "2024-02-29 13:45:00+01",
	 NULL},
	{"Europe/Berlin", PGTYPE_TIMESTAMPTZ, "2024-07-01 13:45:00", "2024-07-01 13:45:00+02",
	 NULL},
	{"Europe/Berlin", PGTYPE_TIMESTAMPTZ, "2024-03-31 02:30:00", "2024-03-31 03:30:00+02",
	 NULL},
	{"Europe/Berlin", PGTYPE_TIMESTAMPTZ, "2024-10-27 02:30:00", "2024-10-27 02:30:00+01",
	 NULL},
	{"Europe/Berlin", PGTYPE_TIMESTAMPTZ, "2024-10-27 00:30:00+00", "2024-10-27 02:30:00+02",
	 NULL},
	{"Europe/Berlin", PGTYPE_TIMESTAMPTZ, "2024-10-27 01:30:00+00", "2024-10-27 02:30:00+01",
	 NULL},
	{"America/New_York", PGTYPE_TIMESTAMPTZ, "2024-03-10 02:30:00", "2024-03-10 03:30:00-04",
	 NULL},
	{"America/New_York", PGTYPE_TIMESTAMPTZ, "2024-11-03 01:30:00", "2024-11-03 01:30:00-05",
	 NULL},
	{"America/New_York", PGTYPE_TIMESTAMPTZ, "2060-07-01 12:00:00", "2060-07-01 12:00:00-04",
	 NULL},
	{"America/New_York", PGTYPE_TIMESTAMPTZ, "1850-07-01 12:00:00",
	 "1850-07-01 12:00:00-04:56:02", NULL},
	{"+05:30", PGTYPE_TIMESTAMPTZ, "2024-01-01 00:00:00+00", "2023-12-31 18:30:00-05:30", NULL},
	{"Asia/Kolkata", PGTYPE_TIMESTAMPTZ, "2024-01-01 00:00:00+00", "2024-01-01 05:30:00+05:30",
	 NULL},
	{"+2", PGTYPE_TIMESTAMPTZ, "2024-01-01 00:00:00+00", "2024-01-01 02:00:00+02", NULL},
	{"UTC+3", PGTYPE_TIMESTAMPTZ, "2024-01-01 00:00:00+00", "2023-12-31 21:00:00-03", NULL},
	{"Europe/Amsterdam", PGTYPE_TIMESTAMPTZ, "1900-01-01 00:00:00+00",
	 "1900-01-01 00:19:32+00:19:32", NULL},
	{"UTC", PGTYPE_INTERVAL, "1 day", "1 day", NULL},
	{"UTC", PGTYPE_INTERVAL, "1 day 02:03:04", "1 day 02:03:04", NULL},
	{"UTC", PGTYPE_INTERVAL, "90 minutes", "01:30:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "1 year 2 months", "1 year 2 mons", NULL},
	{"UTC", PGTYPE_INTERVAL, "P1DT2H", "1 day 02:00:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "P1Y2M3DT4H5M6.5S", "1 year 2 mons 3 days 04:05:06.5", NULL},
	/* ISO 8601's alternative format, and years and months that fit apart but not together */
	{"UTC", PGTYPE_INTERVAL, "P0002-10-15T10:30:20", "2 years 10 mons 15 days 10:30:20", NULL},
	{"UTC", PGTYPE_INTERVAL, "P00021015T103020", "2 years 10 mons 15 days 10:30:20", NULL},
	{"UTC", PGTYPE_INTERVAL, "P0002", "2 years", NULL},
	{"UTC", PGTYPE_INTERVAL, "PT103020", "10:30:20", NULL},
	{"UTC", PGTYPE_INTERVAL, "P-1-2", "-10 mons", NULL},
	{"UTC", PGTYPE_INTERVAL, "P1-2-3-4", NULL, "22007"},
	{"UTC", PGTYPE_INTERVAL, "2147483647 years", NULL, "22008"},
	{"UTC", PGTYPE_INTERVAL, "2147483648 years", NULL, "22015"},
	{"UTC", PGTYPE_INTERVAL, "2147483647 months 1 year", NULL, "22008"},
	{"UTC", PGTYPE_INTERVAL, "-1 day 02:00:00", "-1 days +02:00:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "1 day -02:00:00", "1 day -02:00:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "@ 1 day ago", "-1 days", NULL},
	{"UTC", PGTYPE_INTERVAL, "1.5 months", "1 mon 15 days", NULL},
	/* whole units are exact: a double would lose these seconds' microseconds */
	{"UTC", PGTYPE_INTERVAL, "2222222222532 seconds 999744 microseconds",
	 "617283950:42:12.999744", NULL},
	/* a field given twice is PostgreSQL's 22007 */
	{"UTC", PGTYPE_INTERVAL, "2222222222532 seconds 0.999744 seconds", NULL, "22007"},
	{"UTC", PGTYPE_INTERVAL, "1.5 years", "1 year 6 mons", NULL},
	{"UTC", PGTYPE_INTERVAL, "1.5 days", "1 day 12:00:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "2 weeks", "14 days", NULL},
	{"UTC", PGTYPE_INTERVAL, "10", "00:00:10", NULL},
	{"UTC", PGTYPE_INTERVAL, "-1 year -2 mons +3 days", "-1 years -2 mons +3 days", NULL},
	{"UTC", PGTYPE_INTERVAL, "1 02:03:04.5", "1 day 02:03:04.5", NULL},
	{"UTC", PGTYPE_INTERVAL, "100 hours", "100:00:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "0", "00:00:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "1 fortnight", NULL, "22007"},
	{"UTC", PGTYPE_INTERVAL, "3 mons -1 days", "3 mons -1 days", NULL},
	{"UTC", PGTYPE_INTERVAL, "00:00:00.000001", "00:00:00.000001", NULL},
	{"UTC", PGTYPE_INTERVAL, "-00:30", "-00:30:00", NULL},
	{"UTC", PGTYPE_INTERVAL, "1h 30m", "01:30:00", NULL},
};

/* Parses in the zone (as a client's parameter would be), stores, and prints in the zone. */
START_TEST(test_io)
{
	const struct dt_io *k = &io_cases[_i];
	const struct pgtype_tz *tz = pgtype_tz_lookup(k->tz);
	ck_assert_msg(tz != NULL, "zone %s", k->tz);
	struct pgtype_dtenv env = {tz, 0, PGTYPE_ORDER_MDY, PGTYPE_INTERVAL_POSTGRES};
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgtype_decode_text_env(k->oid, k->in, strlen(k->in), &env, a, &v, &err);
	if (!k->out) {
		ck_assert_msg(!ok, "%s accepted", k->in);
		ck_assert_str_eq(err.sqlstate, k->state);
	} else {
		ck_assert_msg(ok, "%s: %s", k->in, err.message);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_encode_text_tz(&sb, k->oid, -1, tz, &v);
		ck_assert_msg(strcmp(sb.data, k->out) == 0, "%s in %s: got \"%s\", want \"%s\"",
			      k->in, k->tz, sb.data, k->out);
		strbuf_fini(&sb);
	}
	arena_free(a);
}
END_TEST

struct bin_case {
	uint32_t oid;
	const char *stored; /* storage text */
	const char *hex;    /* PostgreSQL's *_send bytes */
	const char *back;   /* storage text after receiving them */
};

static const struct bin_case bin_cases[] = {
	{PGTYPE_DATE, "2024-02-29", "00002279", "2024-02-29"},
	{PGTYPE_DATE, ".9956-03-15", "fff49d7b", ".9956-03-15"},
	/* written by an older version in PostgreSQL's text: read back in the stored form */
	{PGTYPE_DATE, "0044-03-15 BC", "fff49d7b", ".9956-03-15"},
	{PGTYPE_TIME, "13:45:01.5", "0000000b8684f260", "13:45:01.5"},
	{PGTYPE_TIMESTAMP, "2024-02-29 13:45:00.5", "0002b5843c021020", "2024-02-29 13:45:00.5"},
	{PGTYPE_TIMESTAMP, "-infinity", "8000000000000000", "-infinity"},
	/* written by an older version with its literal offset: read back as the same instant */
	{PGTYPE_TIMESTAMPTZ, "2024-02-29 13:45:00+02", "0002b5828ed32700",
	 "2024-02-29 11:45:00+00"},
	{PGTYPE_INTERVAL, "1 year 2 mons 3 days 04:05:06.5", "000000036c9361a0000000030000000e",
	 "1 year 2 mons 3 days 04:05:06.5"},
};

static void to_hex(const struct strbuf *sb, char *out)
{
	for (size_t i = 0; i < sb->len; i++)
		sprintf(out + 2 * i, "%02x", (unsigned char)sb->data[i]);
	out[2 * sb->len] = '\0';
}

START_TEST(test_binary)
{
	const struct bin_case *k = &bin_cases[_i];
	struct pgtype_value v = pgtype_test_text(k->stored), back;
	struct strbuf sb;
	struct pgerr err;
	char hex[64];
	strbuf_init(&sb, 0);
	ck_assert(pgtype_encode_binary(&sb, k->oid, &v, &err));
	to_hex(&sb, hex);
	ck_assert_str_eq(hex, k->hex);
	struct arena *a = arena_new(0);
	ck_assert(pgtype_decode_binary(k->oid, (const uint8_t *)sb.data, sb.len, a, &back, &err));
	ck_assert_int_eq(back.kind, PGTYPE_V_TEXT);
	ck_assert_msg(back.n == strlen(k->back) && memcmp(back.p, k->back, back.n) == 0, "got %.*s",
		      (int)back.n, back.p);
	ck_assert(!pgtype_decode_binary(k->oid, (const uint8_t *)sb.data, sb.len - 1, a, &back,
					&err));
	ck_assert_str_eq(err.sqlstate, "22P03");
	arena_free(a);
	strbuf_fini(&sb);
}
END_TEST

/* The stored form outside years 1..9999 (pgtype_dt_store): what input stores, and that
 * SQLite's text order (memcmp) of the stored texts is time order. */
struct store_case {
	uint32_t oid;
	const char *in;     /* input, in time order within each type */
	const char *stored; /* the stored text */
	const char *out;    /* printed with TimeZone UTC */
};

static const struct store_case store_cases[] = {
	{PGTYPE_DATE, "-infinity", "-infinity", "-infinity"},
	{PGTYPE_DATE, "4714-11-24 BC", ".5286-11-24", "4714-11-24 BC"},
	{PGTYPE_DATE, "0100-12-31 BC", ".9900-12-31", "0100-12-31 BC"},
	{PGTYPE_DATE, "0044-03-15 BC", ".9956-03-15", "0044-03-15 BC"},
	{PGTYPE_DATE, "0001-12-31 BC", ".9999-12-31", "0001-12-31 BC"},
	{PGTYPE_DATE, "0001-01-01", "0001-01-01", "0001-01-01"},
	{PGTYPE_DATE, "9999-12-31", "9999-12-31", "9999-12-31"},
	{PGTYPE_DATE, "10000-01-01", ":0010000-01-01", "10000-01-01"},
	{PGTYPE_DATE, "99999-12-31", ":0099999-12-31", "99999-12-31"},
	{PGTYPE_DATE, "100000-01-01", ":0100000-01-01", "100000-01-01"},
	{PGTYPE_DATE, "5874897-12-31", ":5874897-12-31", "5874897-12-31"},
	{PGTYPE_DATE, "infinity", "infinity", "infinity"},
	{PGTYPE_TIMESTAMP, "-infinity", "-infinity", "-infinity"},
	{PGTYPE_TIMESTAMP, "4714-11-24 00:00:00 BC", ".5286-11-24 00:00:00",
	 "4714-11-24 00:00:00 BC"},
	{PGTYPE_TIMESTAMP, "0044-03-15 12:00:00 BC", ".9956-03-15 12:00:00",
	 "0044-03-15 12:00:00 BC"},
	{PGTYPE_TIMESTAMP, "0044-03-15 12:00:00.5 BC", ".9956-03-15 12:00:00.5",
	 "0044-03-15 12:00:00.5 BC"},
	{PGTYPE_TIMESTAMP, "0001-12-31 23:59:59.999999 BC", ".9999-12-31 23:59:59.999999",
	 "0001-12-31 23:59:59.999999 BC"},
	{PGTYPE_TIMESTAMP, "0001-01-01 00:00:00", "0001-01-01 00:00:00", "0001-01-01 00:00:00"},
	{PGTYPE_TIMESTAMP, "10000-01-01", ":0010000-01-01 00:00:00", "10000-01-01 00:00:00"},
	{PGTYPE_TIMESTAMP, "294276-12-31 23:59:59.999999", ":0294276-12-31 23:59:59.999999",
	 "294276-12-31 23:59:59.999999"},
	{PGTYPE_TIMESTAMP, "infinity", "infinity", "infinity"},
	{PGTYPE_TIMESTAMPTZ, "-infinity", "-infinity", "-infinity"},
	/* east of UTC: the UTC instant is the day before */
	{PGTYPE_TIMESTAMPTZ, "0044-03-15 01:00:00+02 BC", ".9956-03-14 23:00:00+00",
	 "0044-03-14 23:00:00+00 BC"},
	{PGTYPE_TIMESTAMPTZ, "0044-03-15 12:00:00+00 BC", ".9956-03-15 12:00:00+00",
	 "0044-03-15 12:00:00+00 BC"},
	{PGTYPE_TIMESTAMPTZ, "0044-03-15 12:00:00.5+00 BC", ".9956-03-15 12:00:00.5+00",
	 "0044-03-15 12:00:00.5+00 BC"},
	{PGTYPE_TIMESTAMPTZ, "0001-12-31 23:00:00-05 BC", "0001-01-01 04:00:00+00",
	 "0001-01-01 04:00:00+00"},
	{PGTYPE_TIMESTAMPTZ, "9999-12-31 23:00:00-05", ":0010000-01-01 04:00:00+00",
	 "10000-01-01 04:00:00+00"},
	{PGTYPE_TIMESTAMPTZ, "infinity", "infinity", "infinity"},
};

START_TEST(test_store)
{
	const struct store_case *k = &store_cases[_i];
	struct arena *a = arena_new(0);
	struct pgtype_value v, again;
	struct pgerr err;
	struct strbuf sb;
	pgerr_clear(&err);
	ck_assert_msg(pgtype_decode_text_env(k->oid, k->in, strlen(k->in), NULL, a, &v, &err),
		      "%s: %s", k->in, err.message);
	ck_assert_msg(v.n == strlen(k->stored) && memcmp(v.p, k->stored, v.n) == 0,
		      "%s stored as %.*s", k->in, (int)v.n, v.p);
	strbuf_init(&sb, 0);
	pgtype_encode_text(&sb, k->oid, &v);
	ck_assert_sb_str(&sb, k->out);
	/* the stored form is input too, and stores as itself */
	ck_assert(pgtype_decode_text_env(k->oid, v.p, v.n, NULL, a, &again, &err));
	ck_assert(again.n == v.n && memcmp(again.p, v.p, v.n) == 0);
	/* ... where the server reads its own storage only: client text in the BC form is
	 * PostgreSQL's 22007, the ':' form its reading of the same value */
	bool bc = v.n && v.p[0] == '.';
	ck_assert(pgtype_dt_client_text(k->oid, v.p, v.n, &err) == !bc);
	if (bc)
		ck_assert_str_eq(err.sqlstate, "22007");
	/* time order is text order: each case's stored text sorts after its predecessor's */
	if (_i > 0 && store_cases[_i - 1].oid == k->oid)
		ck_assert_msg(strcmp(store_cases[_i - 1].stored, k->stored) < 0, "%s !< %s",
			      store_cases[_i - 1].stored, k->stored);
	strbuf_fini(&sb);
	arena_free(a);
}
END_TEST

/* Text that only looks like the stored form is not read as it; one starting with '.' is no
 * date, PostgreSQL's 22007. */
START_TEST(test_store_bad)
{
	static const char *const bad[] = {".",           ".9956",        ".995-03-15",
					  ".0000-01-01", ".10000-01-01", ":0009999-01-01",
					  ".99a6-03-15"};
	char buf[96];
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		int32_t d;
		struct pgerr err;
		ck_assert_uint_eq(pgtype_dt_unstore(bad[i], strlen(bad[i]), buf, sizeof(buf)), 0);
		if (bad[i][0] != '.')
			continue; /* ':...' is PostgreSQL's input, ':' a separator */
		ck_assert_msg(!pgtype_date_in(bad[i], strlen(bad[i]), NULL, &d, &err), "%s",
			      bad[i]);
		ck_assert_str_eq(err.sqlstate, "22007");
	}
}
END_TEST

/* Client text of a range, multirange or array of dates or timestamps holding the BC stored
 * form is 22007 naming the element; other text passes. */
START_TEST(test_store_client_text)
{
	static const struct {
		uint32_t oid;
		const char *s, *message;
	} cases[] = {
		{PGTYPE_DATE, ".9956-03-15", "invalid input syntax for type date: \".9956-03-15\""},
		{PGTYPE_TIMESTAMP, ".9956-03-15 10:00",
		 "invalid input syntax for type timestamp: \".9956-03-15 10:00\""},
		{PGTYPE_DATERANGE, "[.9956-03-15, 2020-01-01)",
		 "invalid input syntax for type date: \".9956-03-15\""},
		{PGTYPE_TSTZMULTIRANGE, "{[\"2020-01-01\", \".9956-03-15 10:00+00\")}",
		 "invalid input syntax for type timestamp with time zone: \".9956-03-15 10:00+00\""},
		{1182 /* date[] */, "{2020-01-01, .9956-03-15}",
		 "invalid input syntax for type date: \".9956-03-15\""},
		{PGTYPE_DATE, "0044-03-15 BC", NULL},
		{PGTYPE_DATE, ":0010000-01-01", NULL},
		{PGTYPE_DATE, " .9956-03-15", NULL}, /* the decoder refuses it: no stored form */
		{PGTYPE_TEXT, ".9956-03-15", NULL},
		{PGTYPE_DATERANGE, "[2020-01-01, 2020-02-01.5)", NULL},
		{1182, "{1999-01-01,0044-03-15 BC}", NULL},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct pgerr err;
		pgerr_clear(&err);
		bool ok = pgtype_dt_client_text(cases[i].oid, cases[i].s, strlen(cases[i].s), &err);
		ck_assert_msg(ok == !cases[i].message, "%s", cases[i].s);
		if (cases[i].message) {
			ck_assert_str_eq(err.sqlstate, "22007");
			ck_assert_str_eq(err.message, cases[i].message);
		}
	}
}
END_TEST

/* A stored value that is no date prints as stored in text, and is refused in binary. */
START_TEST(test_not_a_date)
{
	struct pgtype_value v = pgtype_test_text("soon");
	struct strbuf sb;
	struct pgerr err;
	strbuf_init(&sb, 0);
	pgtype_encode_text(&sb, PGTYPE_DATE, &v);
	ck_assert_sb_str(&sb, "soon");
	strbuf_reset(&sb);
	ck_assert(!pgtype_encode_binary(&sb, PGTYPE_DATE, &v, &err));
	ck_assert_str_eq(err.sqlstate, "22007");
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_zone_names)
{
	ck_assert_str_eq(pgtype_tz_name(pgtype_tz_lookup("europe/berlin")), "Europe/Berlin");
	ck_assert_str_eq(pgtype_tz_name(pgtype_tz_lookup("+2")), "<+02>-02");
	ck_assert_ptr_null(pgtype_tz_lookup("Foo/Bar"));
	ck_assert_ptr_null(pgtype_tz_lookup("../../etc/passwd"));
	ck_assert_ptr_eq(pgtype_tz_lookup("Europe/Berlin"), pgtype_tz_lookup("EUROPE/BERLIN"));
}
END_TEST

/* timestamptz[]: elements read in the session's zone and kept in UTC (a parameter, COPY), and
 * shown in the zone again. */
START_TEST(test_tstz_array)
{
	struct arena *a = arena_new(0);
	struct pgerr err;
	struct pgtype_value v;
	const struct pgtype_tz *berlin = pgtype_tz_lookup("Europe/Berlin");
	struct pgtype_dtenv env = {berlin, 0, PGTYPE_ORDER_MDY, PGTYPE_INTERVAL_POSTGRES};
	static const char in[] = "{\"2024-01-01 10:00\",NULL,\"2024-06-01 10:00:00+05\"}";
	ck_assert(pgtype_decode_text_env(1185, in, strlen(in), &env, a, &v, &err));
	ck_assert_str_eq(arena_strndup(a, v.p, v.n),
			 "{\"2024-01-01 09:00:00+00\",NULL,\"2024-06-01 05:00:00+00\"}");
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_encode_text_styled(&sb, 1185, -1, berlin, NULL, &v);
	ck_assert_sb_str(&sb, "{\"2024-01-01 10:00:00+01\",NULL,\"2024-06-01 07:00:00+02\"}");
	strbuf_fini(&sb);
	ck_assert(!pgtype_decode_text_env(1185, "{x}", 3, &env, a, &v, &err));
	ck_assert_str_eq(err.sqlstate, "22007");
	arena_free(a);
}
END_TEST

/* Daylight-saving time from the transitions of the file and, past them, from its POSIX rule. */
START_TEST(test_zone_dst)
{
	const int64_t day = INT64_C(86400000000);
	const struct pgtype_tz *berlin = pgtype_tz_lookup("Europe/Berlin");
	ck_assert_ptr_nonnull(berlin);
	ck_assert(pgtype_tz_is_dst(berlin, 8948 * day)); /* 2024-07-01 */
	ck_assert_str_eq(pgtype_tz_abbrev(berlin, 8948 * day), "CEST");
	ck_assert(!pgtype_tz_is_dst(berlin, 8780 * day)); /* 2024-01-15 */
	ck_assert(pgtype_tz_is_dst(berlin, 36706 * day)); /* 2100-07-01 */
	ck_assert(!pgtype_tz_is_dst(pgtype_tz_utc(), 8948 * day));
	ck_assert(!pgtype_tz_is_dst(pgtype_tz_lookup("Asia/Tokyo"), 8948 * day));
}
END_TEST

/* DateStyle: the setting's words, input field order, and each output style (PostgreSQL 15's
 * output for the same values, TimeZone Europe/Berlin). */
static const struct {
	const char *setting, *canon, *in_date, *date, *ts, *tstz;
} style_cases[] = {
	{"SQL, DMY", "SQL, DMY", "1/2/2024", "01/02/2024", "05/07/2024 13:04:05.25",
	 "05/07/2024 13:04:05 CEST"},
	{"sql", "SQL, MDY", "1/2/2024", "01/02/2024", "07/05/2024 13:04:05.25",
	 "07/05/2024 13:04:05 CEST"},
	{"Postgres, MDY", "Postgres, MDY", "01/02/03", "01-02-2003", "Fri Jul 05 13:04:05.25 2024",
	 "Fri Jul 05 13:04:05 2024 CEST"},
	{"postgres,dmy", "Postgres, DMY", "01/02/03", "01-02-2003", "Fri 05 Jul 13:04:05.25 2024",
	 "Fri 05 Jul 13:04:05 2024 CEST"},
	{"German", "German, DMY", "1.2.2024", "01.02.2024", "05.07.2024 13:04:05.25",
	 "05.07.2024 13:04:05 CEST"},
	{"euro", "ISO, DMY", "1/2/2024", "2024-02-01", "2024-07-05 13:04:05.25",
	 "2024-07-05 13:04:05+02"},
	{"ISO, YMD", "ISO, YMD", "01/02/03", "2001-02-03", "2024-07-05 13:04:05.25",
	 "2024-07-05 13:04:05+02"},
	{"SQL, YMD", "SQL, YMD", "1/2/2024", NULL, NULL, NULL},
	{"ISO, Postgres", NULL, NULL, NULL, NULL, NULL},
	{"ISO, nonsense", NULL, NULL, NULL, NULL, NULL},
};

START_TEST(test_datestyle)
{
	const struct pgtype_tz *berlin = pgtype_tz_lookup("Europe/Berlin");
	struct pgtype_dtstyle ds = {.style = PGTYPE_STYLE_ISO, .order = PGTYPE_ORDER_MDY};
	char canon[32];
	bool ok = pgtype_datestyle_parse(style_cases[_i].setting, &ds, canon, sizeof(canon));
	ck_assert_msg(ok == (style_cases[_i].canon != NULL), "%s", style_cases[_i].setting);
	if (!ok)
		return;
	ck_assert_str_eq(canon, style_cases[_i].canon);
	struct pgtype_dtenv env = {berlin, 0, ds.order, PGTYPE_INTERVAL_POSTGRES};
	int32_t d;
	struct pgerr err;
	const char *in = style_cases[_i].in_date;
	bool read = pgtype_date_in(in, strlen(in), &env, &d, &err);
	ck_assert_msg(read == (style_cases[_i].date != NULL), "%s: %s", in, err.message);
	if (!read) {
		ck_assert_str_eq(err.sqlstate, "22008");
		return;
	}
	int64_t ts = INT64_C(773499845250000); /* 2024-07-05 13:04:05.25 */
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_dt_out_styled(&sb, PGTYPE_DATE, d, berlin, &ds);
	ck_assert_str_eq(sb.data, style_cases[_i].date);
	strbuf_reset(&sb);
	pgtype_dt_out_styled(&sb, PGTYPE_TIMESTAMP, ts, berlin, &ds);
	ck_assert_str_eq(sb.data, style_cases[_i].ts);
	strbuf_reset(&sb);
	pgtype_dt_out_styled(&sb, PGTYPE_TIMESTAMPTZ, ts - INT64_C(7200000000) - 250000, berlin,
			     &ds);
	ck_assert_str_eq(sb.data, style_cases[_i].tstz);
	strbuf_fini(&sb);
}
END_TEST

/* DateStyle's field order reading ambiguous dates, as PostgreSQL 15 reads them (NULL: the
 * error's SQLSTATE). */
static const struct {
	enum pgtype_dateorder order;
	const char *in, *out, *state;
} order_cases[] = {
	{PGTYPE_ORDER_YMD, "08 Jan 99", NULL, "22008"},
	{PGTYPE_ORDER_YMD, "99 Jan 08", "1999-01-08", NULL},
	{PGTYPE_ORDER_YMD, "08 01 99", NULL, "22008"},
	{PGTYPE_ORDER_YMD, "99-Jan-08", "1999-01-08", NULL},
	{PGTYPE_ORDER_YMD, "Jan 08 99", NULL, "22008"},
	{PGTYPE_ORDER_DMY, "08 Jan 99", "1999-01-08", NULL},
	{PGTYPE_ORDER_DMY, "99 Jan 08", NULL, "22008"},
	{PGTYPE_ORDER_DMY, "08 01 99", "1999-01-08", NULL},
	{PGTYPE_ORDER_DMY, "99-Jan-08", NULL, "22008"},
	{PGTYPE_ORDER_DMY, "Jan 08 99", "1999-01-08", NULL},
	{PGTYPE_ORDER_MDY, "08 Jan 99", "1999-01-08", NULL},
	{PGTYPE_ORDER_MDY, "99 Jan 08", NULL, "22007"},
	{PGTYPE_ORDER_MDY, "08 01 99", "1999-08-01", NULL},
	{PGTYPE_ORDER_MDY, "99-Jan-08", NULL, "22008"},
	{PGTYPE_ORDER_MDY, "Jan 08 99", "1999-01-08", NULL},
};

START_TEST(test_date_order)
{
	struct pgtype_dtenv env = {pgtype_tz_utc(), 0, order_cases[_i].order,
				   PGTYPE_INTERVAL_POSTGRES};
	const char *in = order_cases[_i].in;
	int32_t d;
	struct pgerr err;
	pgerr_clear(&err);
	bool read = pgtype_date_in(in, strlen(in), &env, &d, &err);
	ck_assert_msg(read == (order_cases[_i].out != NULL), "%s: %s", in, err.message);
	if (!read) {
		ck_assert_str_eq(err.sqlstate, order_cases[_i].state);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_dt_out_styled(&sb, PGTYPE_DATE, d, pgtype_tz_utc(), NULL);
	ck_assert_str_eq(sb.data, order_cases[_i].out);
	strbuf_fini(&sb);
}
END_TEST

/* 'now' as a time is the session's wall clock: env's now in env's zone (it was UTC's). */
START_TEST(test_time_now_local)
{
	struct pgtype_dtenv env = {pgtype_tz_lookup("Asia/Kolkata"), INT64_C(773499845250000),
				   PGTYPE_ORDER_MDY, PGTYPE_INTERVAL_POSTGRES};
	int64_t t;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(pgtype_time_in_env("now", 3, &env, &t, &err));
	/* 2024-07-05 13:04:05.25 UTC is 18:34:05.25 in Kolkata */
	ck_assert_int_eq(t, ((18 * INT64_C(60) + 34) * 60 + 5) * 1000000 + 250000);
	ck_assert(pgtype_time_in_env("now", 3, NULL, &t, &err)); /* no session: UTC, the clock */
}
END_TEST

/* IntervalStyle iso_8601, as PostgreSQL 15 prints these intervals. */
static const struct {
	const char *in, *iso;
} iso_cases[] = {
	{"1 year 2 mons 3 days 04:05:06.5", "P1Y2M3DT4H5M6.5S"},
	{"0", "PT0S"},
	{"-1 day +02:00", "P-1DT2H"},
	{"-00:00:01.25", "PT-1.25S"},
	{"-14 mons", "P-1Y-2M"},
	{"90 minutes", "PT1H30M"},
	{"-3 hours -2 minutes -0.000001 seconds", "PT-3H-2M-0.000001S"},
};

START_TEST(test_interval_iso)
{
	struct pgtype_interval iv;
	struct pgerr err;
	const char *in = iso_cases[_i].in;
	ck_assert_msg(pgtype_interval_in(in, strlen(in), &iv, &err), "%s", in);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_interval_out_iso(&sb, &iv);
	ck_assert_str_eq(sb.data, iso_cases[_i].iso);
	strbuf_fini(&sb);
}
END_TEST

/* interval input with a typmod (fields << 16 | precision), as PostgreSQL 15 reads them. */
static const struct {
	const char *in;
	int32_t typmod;
	const char *out;
} typmod_cases[] = {
	{"1", (1 << 2) << 16 | 0xFFFF, "1 year"},                         /* YEAR */
	{"25 mons 3 days", (1 << 2) << 16 | 0xFFFF, "2 years"},           /* YEAR */
	{"1 2", ((1 << 3) | (1 << 10)) << 16 | 0xFFFF, "1 day 02:00:00"}, /* DAY TO HOUR */
	{"2:03", ((1 << 11) | (1 << 12)) << 16 | 0xFFFF, "00:02:03"},     /* MINUTE TO SECOND */
	{"1 2:03:04", ((1 << 3) | (1 << 10) | (1 << 11)) << 16 | 0xFFFF, "1 day 02:03:00"},
	{"-1.5 s", 0x7FFF << 16 | 0, "-00:00:02"},
	{"1.2345 s", 0x7FFF << 16 | 2, "00:00:01.23"},
};

START_TEST(test_interval_typmod)
{
	struct pgtype_interval iv;
	struct pgerr err;
	const char *in = typmod_cases[_i].in;
	ck_assert_msg(pgtype_interval_in_typmod(in, strlen(in), typmod_cases[_i].typmod, &iv, &err),
		      "%s", in);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_interval_out(&sb, &iv);
	ck_assert_str_eq(sb.data, typmod_cases[_i].out);
	strbuf_reset(&sb);
	pgtype_interval_typmod_out(&sb, ((1 << 3) | (1 << 10) | (1 << 11) | (1 << 12)) << 16 | 2);
	ck_assert_str_eq(sb.data, " day to second(2)");
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_interval_typmod_bad)
{
	struct pgtype_interval iv;
	struct pgerr err;
	ck_assert(!pgtype_interval_in_typmod("123 11", 6, (1 << 3) << 16 | 0xFFFF, &iv, &err));
	ck_assert_str_eq(err.sqlstate, "22007");
}
END_TEST

Suite *pgtype_test_datetime_suite(void)
{
	Suite *s = suite_create("pgtype_datetime");
	TCase *tc = tcase_create("datetime");
	tcase_add_loop_test(tc, test_io, 0, (int)ARRAY_LEN(io_cases));
	tcase_add_loop_test(tc, test_binary, 0, (int)ARRAY_LEN(bin_cases));
	tcase_add_test(tc, test_not_a_date);
	tcase_add_loop_test(tc, test_store, 0, (int)ARRAY_LEN(store_cases));
	tcase_add_test(tc, test_store_bad);
	tcase_add_test(tc, test_store_client_text);
	tcase_add_test(tc, test_zone_names);
	tcase_add_test(tc, test_zone_dst);
	tcase_add_test(tc, test_tstz_array);
	tcase_add_loop_test(tc, test_datestyle, 0, (int)ARRAY_LEN(style_cases));
	tcase_add_loop_test(tc, test_date_order, 0, (int)ARRAY_LEN(order_cases));
	tcase_add_test(tc, test_time_now_local);
	tcase_add_loop_test(tc, test_interval_iso, 0, (int)ARRAY_LEN(iso_cases));
	tcase_add_loop_test(tc, test_interval_typmod, 0, (int)ARRAY_LEN(typmod_cases));
	tcase_add_test(tc, test_interval_typmod_bad);
	suite_add_tcase(s, tc);
	return s;
}
