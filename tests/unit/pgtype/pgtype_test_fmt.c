/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_fmt.c: output formats the session's settings choose — floats under
 * extra_float_digits, intervals in IntervalStyle sql_standard and postgres_verbose and
 * sql_standard's reading of a leading sign — against PostgreSQL 15's output. */
#include "pgtype_test.h"

#include <math.h>
#include <string.h>

static const struct {
	double d;
	bool is_float4;
	int extra;
	const char *out;
} float_cases[] = {
	{1.0 / 3, false, 1, "0.3333333333333333"},
	{1.0 / 3, false, 0, "0.333333333333333"},
	{1.0 / 3, false, -15, "0.3"},
	{0.1, true, 0, "0.1"},
	{1e22, false, 0, "1e+22"},
	{1e22, false, -15, "1e+22"},
	{100000, true, 0, "100000"},
	{100000, true, -15, "1e+05"},
	{1234567, true, 0, "1.23457e+06"},
	{987, false, -15, "1e+03"},
	{-0.0, false, 0, "-0"},
	{INFINITY, false, -3, "Infinity"},
	{-INFINITY, true, -3, "-Infinity"},
	{NAN, false, 0, "NaN"},
	{0.1, true, 3, "0.1"},
};

START_TEST(test_float_extra)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	if (float_cases[_i].is_float4)
		pgtype_format_float4_extra(&sb, (float)float_cases[_i].d, float_cases[_i].extra);
	else
		pgtype_format_float8_extra(&sb, float_cases[_i].d, float_cases[_i].extra);
	ck_assert_str_eq(sb.data, float_cases[_i].out);
	strbuf_fini(&sb);
}
END_TEST

/* Read as IntervalStyle postgres reads them; printed in sql_standard and postgres_verbose. */
static const struct {
	const char *in, *sql, *verbose;
} style_cases[] = {
	{"1 year 2 mons 3 days 04:05:06.5", "+1-2 +3 +4:05:06.5",
	 "@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs"},
	{"0", "0", "@ 0"},
	{"-1 day +02:00", "+0-0 -1 +2:00:00", "@ 1 day -2 hours ago"},
	{"-00:00:01.25", "-0:00:01.25", "@ 1.25 secs ago"},
	{"-14 mons", "-1-2", "@ 1 year 2 mons ago"},
	{"1 year -2 days", "+1-0 -2 +0:00:00", "@ 1 year -2 days"},
	{"-3 days -04:05:06.5", "-3 4:05:06.5", "@ 3 days 4 hours 5 mins 6.5 secs ago"},
	{"1 sec", "0:00:01", "@ 1 sec"},
	{"-1 sec", "-0:00:01", "@ 1 sec ago"},
	{"1 day -1 sec", "+0-0 +1 -0:00:01", "@ 1 day -1 sec"},
	{"100 hours", "100:00:00", "@ 100 hours"},
};

START_TEST(test_interval_styles)
{
	struct pgtype_interval iv;
	struct pgerr err;
	const char *in = style_cases[_i].in;
	ck_assert_msg(pgtype_interval_in(in, strlen(in), &iv, &err), "%s", in);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_interval_out_style(&sb, &iv, PGTYPE_INTERVAL_SQL_STANDARD);
	ck_assert_str_eq(sb.data, style_cases[_i].sql);
	strbuf_reset(&sb);
	pgtype_interval_out_style(&sb, &iv, PGTYPE_INTERVAL_POSTGRES_VERBOSE);
	ck_assert_str_eq(sb.data, style_cases[_i].verbose);
	strbuf_fini(&sb);
}
END_TEST

/* Read under sql_standard, printed there. */
static const struct {
	const char *in, *out;
	bool applies;
} sign_cases[] = {
	{"-1 2:03:04", "-1 2:03:04", true},
	{"-1 +2:03:04", "+0-0 -1 +2:03:04", false},
	{"-1 year 2 mons", "-1-2", true},
	{"-1.5 days", "-1 12:00:00", true},
	{"-1 2:03:04 ago", "1 2:03:04", true},
	{"-1-2", "-1-2", true},
	{"-2 mons 3 days", "-0-2 -3 +0:00:00", true},
	{"1 day -2 hours", "+0-0 +1 -2:00:00", false},
};

START_TEST(test_interval_sign)
{
	struct pgtype_interval iv;
	struct pgerr err;
	const char *in = sign_cases[_i].in;
	ck_assert_int_eq(pgtype_interval_sign_applies(in, strlen(in)), sign_cases[_i].applies);
	ck_assert_msg(pgtype_interval_in_style(in, strlen(in), -1, PGTYPE_INTERVAL_SQL_STANDARD,
					       &iv, &err),
		      "%s", in);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_interval_out_style(&sb, &iv, PGTYPE_INTERVAL_SQL_STANDARD);
	ck_assert_str_eq(sb.data, sign_cases[_i].out);
	strbuf_fini(&sb);
}
END_TEST

Suite *pgtype_test_fmt_suite(void)
{
	Suite *s = suite_create("pgtype_fmt");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_float_extra, 0, (int)ARRAY_LEN(float_cases));
	tcase_add_loop_test(tc, test_interval_styles, 0, (int)ARRAY_LEN(style_cases));
	tcase_add_loop_test(tc, test_interval_sign, 0, (int)ARRAY_LEN(sign_cases));
	suite_add_tcase(s, tc);
	return s;
}
