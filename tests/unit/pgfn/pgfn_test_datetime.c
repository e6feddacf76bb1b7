/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_datetime.c: the date/time functions, table-driven (expression → text or error,
 * expected values from PostgreSQL 15 with TimeZone UTC), and the session facts lent by
 * pgfn_lend (TimeZone, a transaction start that now() keeps). */
#include "pgfn_test.h"

#include <stdio.h>
#include <string.h>

#include "pgtype.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	/* casts: text input checked, conversions between the types */
	{"pg_dt_cast('2024-02-29 13:45:00+02', 25, 1184)", "2024-02-29 11:45:00+00"},
	{"pg_dt_cast('2024-02-30', 25, 1082)",
	 "ERROR 22008: date/time field value out of range: \"2024-02-30\""},
	{"pg_dt_cast('soon', 25, 1114)",
	 "ERROR 22007: invalid input syntax for type timestamp: \"soon\""},
	{"pg_dt_cast('2024-02-29 23:59:59', 1114, 1082)", "2024-02-29"},
	{"pg_dt_cast('2024-02-29', 1082, 1184)", "2024-02-29 00:00:00+00"},
	{"pg_dt_cast('13:45:00', 1083, 1186)", "13:45:00"},
	{"pg_dt_cast('2024-02-29', 1082, 1083)",
	 "ERROR 42846: cannot cast type date to time without time zone"},
	{"pg_dt_cast(NULL, 25, 1082)", "NULL"},
	/* the immutable forms of stored expressions: no session, the session's types refused */
	{"pg_dt_icast('2024-02-29 23:59:59', 1114, 1082)", "2024-02-29"},
	{"pg_dt_icast('2024-02-29', 1082, 1184)",
	 "ERROR XX000: a cast that reads the session reached pg_dt_icast"},
	{"pg_dt_iadd('2024-01-31', 1082, '1 mon', 1186, 1)", "2024-02-29 00:00:00"},
	{"pg_dt_iadd('2024-01-31 00:00:00+00', 1184, '1 mon', 1186, 1)",
	 "ERROR XX000: timestamp with time zone reached an immutable date/time operator"},
	{"pg_dt_isub('2024-03-01', 1082, '2024-02-01', 1082)", "29"},
	{"pg_dt_isub('2024-03-01 00:00:00+00', 1184, '2024-02-01 00:00:00+00', 1184)", "29 days"},
	{"pg_dt_icmp('1 day', 1186, '23:00:00', 1186)", "1"},
	{"pg_dt_icmp('2024-03-01', 1082, '2024-03-01 00:00:00+00', 1184)",
	 "ERROR XX000: timestamp with time zone reached an immutable date/time operator"},
	{"pg_interval_imul('1 day', 1.5, 0)", "1 day 12:00:00"},
	{"pg_date_itrunc('day', '2024-02-29 13:45:00', 1114)", "2024-02-29 00:00:00"},
	{"pg_date_itrunc('day', '2024-02-29 13:45:00+00', 1184)",
	 "ERROR XX000: a value of another type reached an immutable date/time function"},
	{"pg_iextract('year', '2024-02-29', 1082, 2)", "2024"},
	/* arithmetic */
	{"pg_dt_add('2024-02-29', 1082, 1, 23, 1)", "2024-03-01"},
	{"pg_dt_add('2024-01-31', 1082, '1 mon', 1186, 1)", "2024-02-29 00:00:00"},
	{"pg_dt_add('2024-03-31 10:00:00', 1114, '1 mon', 1186, -1)", "2024-02-29 10:00:00"},
	{"pg_dt_add('1 day', 1186, '-02:00:00', 1186, 1)", "1 day -02:00:00"},
	{"pg_dt_add('23:00:00', 1083, '03:00:00', 1186, 1)", "02:00:00"},
	{"pg_dt_sub('2024-03-01', 1082, '2024-02-01', 1082)", "29"},
	{"pg_dt_sub('2024-01-03 10:00:00', 1114, '2024-01-01 08:30:00', 1114)", "2 days 01:30:00"},
	{"pg_dt_add('2024-02-29', 1082, 'x', 25, 1)",
	 "ERROR 22007: invalid input syntax for type timestamp with time zone: \"x\""},
	{"pg_dt_cmp('1 day', 1186, '23:00:00', 1186)", "1"},
	{"pg_dt_cmp('1 mon', 1186, '30 days', 1186)", "0"},
	{"pg_interval_mul('1 day 02:00:00', 2.5, 0)", "2 days 17:00:00"},
	{"pg_interval_mul('1 mon', 4, 1)", "7 days 12:00:00"},
	{"pg_interval_mul('1 mon', 0, 1)", "ERROR 22012: division by zero"},
	{"(SELECT pgfn_interval_sum(column1) FROM (VALUES ('1 day'), ('25:00:00'), (NULL)))",
	 "1 day 25:00:00"},
	{"(SELECT pgfn_interval_avg(column1) FROM (VALUES ('1 mon'), ('1 day'), ('00:00:01')))",
	 "10 days 08:00:00.333333"},
	{"(SELECT pgfn_interval_max(column1) FROM (VALUES ('1 mon'), ('31 days'), ('-1 year')))",
	 "31 days"},
	{"(SELECT pgfn_interval_min(column1) FROM (VALUES ('1 mon'), ('31 days'), ('-1 year')))",
	 "-1 years"},
	{"(SELECT pgfn_interval_sum(column1) FROM (VALUES ('2000000000 mons'), ('2000000000 mons')))",
	 "ERROR 22008: interval out of range"},
	{"(SELECT pgfn_interval_sum(column1) FROM (VALUES ('soon')))",
	 "ERROR 22007: invalid input syntax for type interval: \"soon\""},
	{"(SELECT group_concat(m, ',') FROM (SELECT pgfn_interval_min(column2) OVER (ORDER BY "
	 "column1 ROWS 1 PRECEDING) AS m FROM (VALUES (1, '1 day'), (2, '3 days'), (3, '2 days'))))",
	 "1 day,1 day,2 days"},
	{"pg_justify('35 days', 1)", "1 mon 5 days"},
	{"pg_justify('27:00:00', 2)", "1 day 03:00:00"},
	{"pg_justify('1 mon -01:00:00', 3)", "29 days 23:00:00"},
	/* functions */
	{"pg_date_trunc('month', '2024-02-29 13:45:00', 1114)", "2024-02-01 00:00:00"},
	{"pg_date_trunc('week', '2024-05-17 13:45:06.789', 1114)", "2024-05-13 00:00:00"},
	{"pg_date_trunc('hour', '3 days 04:05:06', 1186)", "3 days 04:00:00"},
	{"pg_date_trunc('fortnight', '2024-05-17', 1114)",
	 "ERROR 22023: unit \"fortnight\" not recognized for type timestamp without time zone"},
	{"pg_extract('second', '2024-02-29 13:45:05.5', 1114, 1)", "5.500000"},
	{"pg_extract('epoch', '2024-01-01 00:00:00+00', 1184, 1)", "1704067200.000000"},
	{"pg_extract('epoch', '2024-02-29', 1082, 1)", "1709164800"},
	{"pg_extract('dow', '2024-02-29', 1082, 0)", "4.0"},
	/* mode 2: extract's numeric as a number SQLite compares (an integer without fraction) */
	{"pg_extract('year', '2024-02-29', 1082, 2) = 2024", "1"},
	{"pg_extract('year', 'infinity', 1082, 1)", "Infinity"},
	{"pg_extract('epoch', '-infinity', 1114, 1)", "-Infinity"},
	{"pg_extract('day', 'infinity', 1184, 1) IS NULL", "1"},
	{"pg_extract('epoch', '294270-01-01 00:00:00', 1114, 1)", "9224097091200.000000"},
	{"pg_extract('epoch', '13:30:25.5-04', 1266, 1)", "63025.500000"},
	{"pg_extract('timezone_m', '13:30:25-04:30', 1266, 1)", "-30"},
	{"pg_extract('century', '0100-12-31 BC', 1082, 1)", "-1"},
	{"('08:08:00-04' < '07:07:00-08' COLLATE pgfn_timetz)", "1"},
	{"('10:00:00+02' = '09:00:00+01' COLLATE pgfn_timetz)", "0"},
	{"pg_dt_us('2000-01-02', 1082)", "86400000000"},
	{"pg_dt_us('00:00:01.5', 1083)", "1500000"},
	{"(SELECT group_concat(v, ',') FROM (SELECT column1 AS v FROM (VALUES ('1 year'), "
	 "('5 mons'), ('40 days')) ORDER BY v COLLATE pgfn_interval))",
	 "40 days,5 mons,1 year"},
	{"typeof(pg_extract('dow', '2024-02-29', 1082, 2))", "integer"},
	{"pg_extract('second', '2024-02-29 13:45:05.5', 1114, 2)", "5.5"},
	{"pg_extract('epoch', '2024-01-01 00:00:00+00', 1184, 2) > 1700000000", "1"},
	/* extract(julian FROM timestamp '2000-01-01'), extract(epoch FROM time '12:34:56.789'),
	 * date_part('epoch', interval '1 year 2 months 3 days 04:05:06.789') (summed as doubles,
	 * 37015506.789000005, not the double nearest 37015506.789) */
	{"pg_extract('julian', '2000-01-01 00:00:00', 1114, 1)",
	 "2451545.0000000000000000000000000000"},
	{"pg_extract('julian', '2024-03-10 12:34:56.789', 1114, 1)",
	 "2460380.52426839120370370370"},
	{"pg_extract('epoch', '12:34:56.789', 1083, 1)", "45296.789000"},
	{"(pg_extract('epoch', '1 year 2 mons 3 days 04:05:06.789', 1186, 0) = 14706.789 + 31557600.0"
	 " + 5184000.0 + 259200.0) || (pg_extract('epoch', '1 year 2 mons 3 days 04:05:06.789', 1186,"
	 " 0) = 37015506.789)",
	 "10"},
	{"pg_extract('hour', '2024-02-29', 1082, 1)",
	 "ERROR 0A000: unit \"hour\" not supported for type date"},
	{"pg_age('2024-02-29', 1082, '2023-01-01', 1082)", "1 year 1 mon 28 days"},
	{"pg_make(1082, 2024, 2, 30)", "ERROR 22008: date field value out of range: 2024-02-30"},
	{"pg_make(1186, 1, 2, 0, 3, 4, 5, 6.5)", "1 year 2 mons 3 days 04:05:06.5"},
	{"pg_make(1083, 1, 2, 3.5)", "01:02:03.5"},
	{"pg_to_char('2024-02-29 13:45:05.5', 1114, 'FMDay, DDth Mon YYYY HH12:MI:SS.MS AM')",
	 "Thursday, 29th Feb 2024 01:45:05.500 PM"},
	{"pg_to_char(1234.5, 1700, '9999.99')", " 1234.50"},
	{"pg_to_char(12345, 23, '999')", " ###"},
	/* a numeric rounds in decimal: to_char(1.005, '9.99'), to_char(2.675, '9.99') */
	{"pg_to_char(485, 23, 'RN') || '|' || pg_to_char(3.5, 1700, 'FMrn') || '|' ||"
	 " pg_to_char(2.5, 701, 'FMRN') || '|' || pg_to_char(4000, 23, 'FMRN') || '|' ||"
	 " pg_to_char(-5, 23, '999PR') || '|' || pg_to_char(5, 23, 'FM9PR')",
	 "        CDLXXXV|iv|II|###############|  <5>|5"},
	{"pg_to_char(1.005, 1700, '9.99') || '|' || pg_to_char('2.675', 1700, '9.99') || '|' ||"
	 " pg_to_char(1.005, 701, '9.99')",
	 " 1.01| 2.68| 1.00"},
	/* MI first is the minus in its place, S last trails; no point without digits after */
	{"pg_to_char(-5, 23, 'MI999') || '|' || pg_to_char(-5, 23, '9S') || '|' ||"
	 " pg_to_char(123, 23, '999.') || '|' || pg_to_char(0, 23, 'FM9.99')",
	 "-  5|5-| 123|0."},
	/* V, SG, PL, L (lc_monetary C: a blank), text and separators where they stand */
	{"pg_to_char(12.4, 1700, '99V9') || '|' || pg_to_char(0.5, 1700, '9V9') || '|' ||"
	 " pg_to_char(123, 23, '9V9') || '|' || pg_to_char(-12, 23, 'SG999') || '|' ||"
	 " pg_to_char(12, 23, 'FMSG999') || '|' || pg_to_char(12, 23, 'PL999') || '|' ||"
	 " pg_to_char(-12, 23, '999PL') || '|' || pg_to_char(12, 23, 'L999')",
	 " 124|  5| ##|- 12|+12|+  12| -12 |   12"},
	{"pg_to_char(-5, 23, '9x99') || '|' || pg_to_char(5, 23, '0x99') || '|' ||"
	 " pg_to_char(-5, 23, '9 999') || '|' || pg_to_char(1.234, 1700, '9.9,99') || '|' ||"
	 " pg_to_char(-12, 23, '\"Pre:\"999') || '|' || pg_to_char(1.5, 1700, 'FM9.99x') || '|' ||"
	 " pg_to_char(-0.4, 701, '9')",
	 " x -5| 0x05|    -5| 1.2,34|Pre: -12|1.5x|-0"},
	{"pg_to_timestamp('2024-02-29 13:45:05', 'YYYY-MM-DD HH24:MI:SS', 1184)",
	 "2024-02-29 13:45:05+00"},
	{"pg_to_timestamp('2024-02-30', 'YYYY-MM-DD', 1082)",
	 "ERROR 22008: date/time field value out of range: \"2024-02-30\""},
	/* formatting.c's template reading (pgfn_todate.c) */
	{"pg_to_timestamp('20240229', 'YYYYMMDD', 1082)", "2024-02-29"},
	{"pg_to_timestamp('2024 10 3', 'IYYY IW ID', 1082)", "2024-03-06"},
	{"pg_to_timestamp('2,024 065', 'Y,YYY DDD', 1082)", "2024-03-05"},
	{"pg_to_timestamp('5th iii 2024', 'DDth RM YYYY', 1082)", "2024-03-05"},
	{"pg_to_timestamp('2024 - 03', 'YYYY-MM', 1082)", "2024-03-01"},
	{"pg_to_timestamp('10:15:30.25 pm +05:30', 'HH12:MI:SS.FF2 am TZH:TZM', 1184)",
	 ".9999-01-01 16:45:30.25+00"},
	{"pg_to_timestamp('2024 10 3', 'YYYY IW ID', 1082)",
	 "ERROR 22007: invalid combination of date conventions"},
	{"pg_to_timestamp('x', 'TZ', 1184)",
	 "ERROR 0A000: formatting field \"TZ\" is only supported in to_char"},
	{"pg_to_timestamp_epoch(1709214305.5)", "2024-02-29 13:45:05.5+00"},
	{"pg_timezone('America/New_York', '2024-07-01 10:00:00+00', 1184)", "2024-07-01 06:00:00"},
	/* a column whose type the translator did not know: the stored form tells */
	{"pg_extract('hour', '100:00:00', 0, 1)", "100"},
	{"pg_extract('hour', '09:00:00', 0, 1)", "9"},
	{"pg_extract('day', '-1 days +02:00:00', 0, 1)", "-1"},
	{"pg_extract('hour', '2024-02-29 13:00:00-05', 0, 1)", "18"},
	{"pg_extract('year', '0044-03-15 BC', 0, 1)", "-44"},
	/* a year outside 1..9999 in its stored form (pgtype_dt_store) */
	{"pg_extract('year', '.9956-03-15', 0, 1)", "-44"},
	{"pg_extract('year', '.9956-03-15 12:00:00', 0, 1)", "-44"},
	{"pg_extract('hour', '.9956-03-15 12:00:00+00', 0, 1)", "12"},
	{"pg_extract('year', ':0010000-01-01', 0, 1)", "10000"},
	{"pg_extract('day', ':0012020-10-05 01:02:03', 0, 1)", "5"},
	{"pg_dt_cast('0044-03-15 BC', 25, 1082)", ".9956-03-15"},
	{"pg_dt_cast('10000-01-01', 25, 1114)", ":0010000-01-01 00:00:00"},
	{"pg_dt_cast('.9956-03-15', 1082, 1114)", ".9956-03-15 00:00:00"},
	{"pg_dt_cast(':0010000-01-01 04:00:00+00', 1184, 25)", "10000-01-01 04:00:00+00"},
	{"pg_timezone('Nowhere/Else', '2024-07-01 10:00:00+00', 1184)",
	 "ERROR 22023: time zone \"Nowhere/Else\" not recognized"},
};

START_TEST(datetime_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

static const char *eval_on(sqlite3 *db, const char *sql, char *out, size_t len)
{
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &vm, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	snprintf(out, len, "%s", (const char *)sqlite3_column_text(vm, 0));
	sqlite3_finalize(vm);
	return out;
}

/* The lent session decides the zone and what now() is; the next lender replaces it. */
START_TEST(session_is_lent)
{
	sqlite3 *db = NULL;
	char buf[128];
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	struct pgfn_conn *fc = pgfn_register(db);
	ck_assert_ptr_nonnull(fc);
	struct pgtype_dtenv utc = {NULL, 0, PGTYPE_ORDER_MDY, PGTYPE_INTERVAL_POSTGRES};
	struct pgerr err;
	int64_t start;
	ck_assert(pgtype_timestamptz_in("2024-07-01 10:00:00+00", 22, &utc, &start, &err));
	struct pgfn_session s = {
		.tz = pgtype_tz_lookup("Europe/Berlin"), .txn_start = start, .stmt_start = start};
	pgfn_lend(fc, &s);
	ck_assert_str_eq(eval_on(db, "SELECT pg_current(1184, -1, 0)", buf, sizeof(buf)),
			 "2024-07-01 10:00:00+00");
	ck_assert_str_eq(eval_on(db, "SELECT pg_current(1114, -1)", buf, sizeof(buf)),
			 "2024-07-01 12:00:00");
	ck_assert_str_eq(eval_on(db, "SELECT pg_current(1266, -1)", buf, sizeof(buf)),
			 "12:00:00+02");
	ck_assert_str_eq(eval_on(db, "SELECT pg_dt_cast('2024-07-01 12:00', 25, 1184)", buf,
				 sizeof(buf)),
			 "2024-07-01 10:00:00+00");
	ck_assert_str_eq(eval_on(db, "SELECT pg_dt_cast('2024-07-01 10:00:00+00', 1184, 25)", buf,
				 sizeof(buf)),
			 "2024-07-01 12:00:00+02");
	pgfn_lend(fc, NULL);
	ck_assert_str_eq(eval_on(db, "SELECT pg_dt_cast('2024-07-01 12:00', 25, 1184)", buf,
				 sizeof(buf)),
			 "2024-07-01 12:00:00+00");
	sqlite3_close(db);
}
END_TEST

/* DEFAULT now()'s text for transaction starts one after another: the second's text is kept
 * and only the fraction rewritten (pgfn_datetime.c, result_timestamptz); each must equal the
 * text written from scratch. */
START_TEST(txn_start_text_in_one_second)
{
	sqlite3 *db = NULL;
	char buf[128];
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	struct pgfn_conn *fc = pgfn_register(db);
	ck_assert_ptr_nonnull(fc);
	struct pgtype_dtenv utc = {NULL, 0, PGTYPE_ORDER_MDY, PGTYPE_INTERVAL_POSTGRES};
	struct pgerr err;
	static const char *const starts[] = {
		"2026-11-23 19:20:05.5+00",      "2026-11-23 19:20:05.123456+00",
		"2026-11-23 19:20:05+00",        "2026-11-23 19:20:05.00001+00",
		"2026-11-23 19:20:05.999999+00", "2026-11-23 19:20:06+00",
		"2026-11-23 19:20:06.12+00",     "2026-11-23 19:20:06.12+00",
		"1999-12-31 23:59:59.5+00",      "1999-12-31 23:59:59.25+00",
		"2000-01-01 00:00:00.75+00",     "2000-01-01 00:00:00.000001+00",
		"9999-12-31 23:59:59.5+00",      "9999-12-31 23:59:59.000002+00",
		".9956-03-15 12:00:00.5+00",     ".9956-03-15 12:00:00.25+00",
		":0010000-01-01 00:00:00.5+00",  "infinity",
		"2026-11-23 19:20:05.5+00"};
	for (size_t i = 0; i < ARRAY_LEN(starts); i++) {
		int64_t start;
		ck_assert(pgtype_timestamptz_in(starts[i], strlen(starts[i]), &utc, &start, &err));
		struct pgfn_session s = {.tz = pgtype_tz_lookup("Europe/Berlin"),
					 .txn_start = start,
					 .stmt_start = start};
		pgfn_lend(fc, &s);
		ck_assert_str_eq(eval_on(db, "SELECT pg_current(1184, -1, 0)", buf, sizeof(buf)),
				 starts[i]);
	}
	pgfn_lend(fc, NULL);
	sqlite3_close(db);
}
END_TEST

Suite *pgfn_test_datetime_suite(void)
{
	Suite *s = suite_create("pgfn_datetime");
	TCase *tc = tcase_create("datetime");
	tcase_add_loop_test(tc, datetime_case, 0, (int)ARRAY_LEN(cases));
	tcase_add_test(tc, session_is_lent);
	tcase_add_test(tc, txn_start_text_in_one_second);
	suite_add_tcase(s, tc);
	return s;
}
