/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_test_bind.c: the Bind decoder and the format-code rules — values, NULLs, format
 * counts, bad format codes, lying lengths and counts, truncation and trailing bytes. */
#include "pgw_test.h"

static struct arena *arena;

static void setup(void) { arena = arena_new(0); }
static void teardown(void) { arena_free(arena); }

/* portal "p1", statement "s1", formats {0, 1, 0}, params {"abc", NULL, ""}, results {1}. */
static const char full[] = "p1\0s1\0"
			   "\0\x03" "\0\0" "\0\x01" "\0\0"
			   "\0\x03" "\0\0\0\x03" "abc" "\xff\xff\xff\xff" "\0\0\0\0"
			   "\0\x01" "\0\x01";

START_TEST(bind_valid)
{
	struct pgw_msg m = MSG('B', full);
	struct pgw_bind b;
	struct pgerr err;
	ck_assert(pgw_fe_bind(&m, arena, &b, &err));
	ck_assert_str_eq(b.portal, "p1");
	ck_assert_str_eq(b.statement, "s1");
	ck_assert_uint_eq(b.nparam_formats, 3);
	ck_assert_int_eq(b.param_formats[1], 1);
	ck_assert_uint_eq(b.nparams, 3);
	ck_assert_int_eq(b.param_lengths[0], 3);
	ck_assert_mem_eq(b.param_values[0], "abc", 3);
	ck_assert_ptr_eq(b.param_values[0], m.body + 20);
	ck_assert_int_eq(b.param_lengths[1], -1);
	ck_assert_ptr_null(b.param_values[1]);
	/* A zero-length value is an empty string, not NULL. */
	ck_assert_int_eq(b.param_lengths[2], 0);
	ck_assert_ptr_nonnull(b.param_values[2]);
	ck_assert_uint_eq(b.nresult_formats, 1);
	ck_assert_int_eq(b.result_formats[0], 1);
	ck_assert_int_eq(pgw_bind_param_format(&b, 0), 0);
	ck_assert_int_eq(pgw_bind_param_format(&b, 1), 1);
	ck_assert_int_eq(pgw_bind_param_format(&b, 2), 0);
	pgw_test_check_body('B', LIT(full), arena);
}
END_TEST

START_TEST(bind_empty)
{
	static const char body[] = "\0\0" "\0\0" "\0\0" "\0\0";
	struct pgw_msg m = MSG('B', body);
	struct pgw_bind b;
	struct pgerr err;
	ck_assert(pgw_fe_bind(&m, arena, &b, &err));
	ck_assert_str_eq(b.portal, "");
	ck_assert_str_eq(b.statement, "");
	ck_assert_uint_eq(b.nparam_formats, 0);
	ck_assert_ptr_null(b.param_formats);
	ck_assert_uint_eq(b.nparams, 0);
	ck_assert_ptr_null(b.param_values);
	ck_assert_uint_eq(b.nresult_formats, 0);
	ck_assert_ptr_null(b.result_formats);
	pgw_test_check_body('B', LIT(body), arena);
}
END_TEST

START_TEST(bind_one_format_applies_to_all)
{
	static const char body[] = "\0\0" "\0\x01" "\0\x01"
				   "\0\x02" "\0\0\0\x01" "a" "\0\0\0\x02" "bc"
				   "\0\x01" "\0\0";
	struct pgw_msg m = MSG('B', body);
	struct pgw_bind b;
	struct pgerr err;
	ck_assert(pgw_fe_bind(&m, arena, &b, &err));
	ck_assert_int_eq(pgw_bind_param_format(&b, 0), 1);
	ck_assert_int_eq(pgw_bind_param_format(&b, 1), 1);
	ck_assert_mem_eq(b.param_values[1], "bc", 2);
	ck_assert_int_eq(pgw_result_format(b.nresult_formats, b.result_formats, 7), 0);
	pgw_test_check_body('B', LIT(body), arena);
}
END_TEST

START_TEST(result_format_rules)
{
	const int16_t f[] = {1, 0, 1};
	ck_assert_int_eq(pgw_result_format(0, NULL, 0), 0);
	ck_assert_int_eq(pgw_result_format(0, NULL, 99), 0);
	ck_assert_int_eq(pgw_result_format(1, f, 0), 1);
	ck_assert_int_eq(pgw_result_format(1, f, 99), 1);
	ck_assert_int_eq(pgw_result_format(3, f, 1), 0);
	ck_assert_int_eq(pgw_result_format(3, f, 2), 1);
}
END_TEST

static void check_bad(const void *body, size_t n, const char *want)
{
	struct pgerr err;
	ck_assert(!pgw_test_decode('B', body, n, arena, &err));
	ck_assert_protocol_error(&err, want);
}

START_TEST(bind_bad_format_codes)
{
	check_bad(LIT("\0\0" "\0\x01" "\0\x02" "\0\0" "\0\0"), "unsupported format code: 2");
	check_bad(LIT("\0\0" "\0\x01" "\xff\xff" "\0\0" "\0\0"), "unsupported format code: -1");
	check_bad(LIT("\0\0" "\0\0" "\0\0" "\0\x02" "\0\x01" "\0\x07"),
		  "unsupported format code: 7");
	check_bad(LIT("\0\0" "\0\0" "\0\0" "\0\x01" "\x80\0"), "unsupported format code: -32768");
	/* More than one format code must match the parameter count. */
	check_bad(LIT("\0\0" "\0\x02" "\0\0" "\0\0" "\0\0" "\0\0"),
		  "bind message has 2 parameter formats but 0 parameters");
	check_bad(LIT("\0\0" "\0\x02" "\0\0" "\0\x01"
		      "\0\x03" "\xff\xff\xff\xff" "\xff\xff\xff\xff" "\xff\xff\xff\xff" "\0\0"),
		  "bind message has 2 parameter formats but 3 parameters");
}
END_TEST

START_TEST(bind_lying_lengths)
{
	/* A value longer than what is left. */
	check_bad(LIT("\0\0" "\0\0" "\0\x01" "\0\0\0\x06" "abc" "\0\0"),
		  "insufficient data left in message");
	check_bad(LIT("\0\0" "\0\0" "\0\x01" "\x7f\xff\xff\xff" "abc"),
		  "insufficient data left in message");
	/* Negative lengths other than -1. */
	check_bad(LIT("\0\0" "\0\0" "\0\x01" "\xff\xff\xff\xfe" "\0\0"),
		  "insufficient data left in message");
	check_bad(LIT("\0\0" "\0\0" "\0\x01" "\x80\0\0\0" "\0\0"),
		  "insufficient data left in message");
	/* Counts that promise more than the body holds, refused before any allocation. */
	check_bad(LIT("\0\0" "\xff\xff" "\0\0"), "insufficient data left in message");
	check_bad(LIT("\0\0" "\0\0" "\xff\xff" "\xff\xff\xff\xff"),
		  "insufficient data left in message");
	check_bad(LIT("\0\0" "\0\0" "\0\x02" "\xff\xff\xff\xff" "\0\0"),
		  "insufficient data left in message");
	check_bad(LIT("\0\0" "\0\0" "\0\0" "\0\x02" "\0\0"), "insufficient data left in message");
	/* Missing names and counts. */
	check_bad(LIT("p1"), "invalid string in message");
	check_bad(LIT("p1\0s1"), "invalid string in message");
	check_bad(LIT("\0\0"), "insufficient data left in message");
	check_bad(LIT("\0\0" "\0\0" "\0\0"), "insufficient data left in message");
	/* Trailing bytes after the result formats. */
	check_bad(LIT("\0\0" "\0\0" "\0\0" "\0\0" "\0"), "invalid message format");
	check_bad(LIT("\0\0" "\0\0" "\0\0" "\0\x01" "\0\0" "\0\0"), "invalid message format");
}
END_TEST

/* FunctionCall shares Bind's argument layout: lo_write(fd 0, "hi") as libpq sends it. */
START_TEST(function_call_valid)
{
	static const char body[] = "\0\0\x03\xbb" "\0\x01" "\0\x01"
				   "\0\x02" "\0\0\0\x04" "\0\0\0\0" "\0\0\0\x02" "hi"
				   "\0\x01";
	struct pgw_msg m = MSG('F', body);
	struct pgw_function_call fc;
	struct pgerr err;
	ck_assert(pgw_fe_function_call(&m, arena, &fc, &err));
	ck_assert_uint_eq(fc.fn, 955);
	ck_assert_uint_eq(fc.args.nparams, 2);
	ck_assert_int_eq(pgw_bind_param_format(&fc.args, 1), 1);
	ck_assert_int_eq(fc.args.param_lengths[1], 2);
	ck_assert_mem_eq(fc.args.param_values[1], "hi", 2);
	ck_assert_int_eq(fc.result_format, 1);
}
END_TEST

START_TEST(function_call_bad)
{
	struct pgerr err;
	struct pgw_function_call fc;
	/* cut short after the argument count */
	struct pgw_msg m = MSG('F', "\0\0\x03\xbd" "\0\0" "\0\x01");
	ck_assert(!pgw_fe_function_call(&m, arena, &fc, &err));
	ck_assert_protocol_error(&err, "insufficient data");
	/* two formats for one argument */
	struct pgw_msg m2 = MSG('F', "\0\0\x03\xbd" "\0\x02" "\0\0" "\0\0"
				     "\0\x01" "\0\0\0\x01" "x" "\0\0");
	ck_assert(!pgw_fe_function_call(&m2, arena, &fc, &err));
	ck_assert_protocol_error(&err, "argument formats");
	/* a result format other than 0 and 1 */
	struct pgw_msg m3 = MSG('F', "\0\0\x03\xbd" "\0\0" "\0\0" "\0\x02");
	ck_assert(!pgw_fe_function_call(&m3, arena, &fc, &err));
	ck_assert_protocol_error(&err, "unsupported format code");
}
END_TEST

Suite *pgw_test_bind_suite(void)
{
	Suite *s = suite_create("pgw_bind");
	TCase *tc = tcase_create("bind");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, bind_valid);
	tcase_add_test(tc, bind_empty);
	tcase_add_test(tc, bind_one_format_applies_to_all);
	tcase_add_test(tc, result_format_rules);
	tcase_add_test(tc, bind_bad_format_codes);
	tcase_add_test(tc, bind_lying_lengths);
	tcase_add_test(tc, function_call_valid);
	tcase_add_test(tc, function_call_bad);
	suite_add_tcase(s, tc);
	return s;
}
