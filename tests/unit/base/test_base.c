/* SPDX-License-Identifier: Apache-2.0 */
/* test_base.c: strbuf (growth, limit, SQL quoting, big-endian puts, patch, consume), arena,
 * pgerr. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "../../check_run.h"

START_TEST(strbuf_grows_and_limits)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (int i = 0; i < 1000; i++)
		strbuf_printf(&sb, "%d,", i);
	ck_assert(!sb.failed);
	ck_assert(strncmp(sb.data, "0,1,2,", 6) == 0);
	ck_assert_uint_eq(strlen(sb.data), sb.len);
	strbuf_fini(&sb);

	strbuf_init(&sb, 8);
	strbuf_puts(&sb, "12345678");
	ck_assert(!sb.failed);
	strbuf_putc(&sb, '9');
	ck_assert(sb.failed);
	ck_assert_uint_eq(sb.len, 8);
	strbuf_reset(&sb);
	ck_assert(!sb.failed);
	ck_assert_uint_eq(sb.len, 0);
	strbuf_fini(&sb);
}
END_TEST

/* SQL quoting: the quote character doubled inside, nothing else touched. */
START_TEST(strbuf_quoted)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_put_quoted(&sb, "a\"b", '"');
	strbuf_putc(&sb, ' ');
	strbuf_put_quoted(&sb, "it's \"x\"", '\'');
	strbuf_putc(&sb, ' ');
	strbuf_put_quoted(&sb, "", '"');
	ck_assert_str_eq(sb.data, "\"a\"\"b\" 'it''s \"x\"' \"\"");
	strbuf_fini(&sb);
}
END_TEST

START_TEST(strbuf_wire_integers)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_put_u8(&sb, 0x01);
	strbuf_put_u16(&sb, 0x0203);
	strbuf_put_u32(&sb, 0x04050607);
	strbuf_put_u64(&sb, 0x08090a0b0c0d0e0fULL);
	static const uint8_t want[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
	ck_assert_uint_eq(sb.len, sizeof(want));
	ck_assert(memcmp(sb.data, want, sizeof(want)) == 0);
	strbuf_patch_u32(&sb, 1, 0xdeadbeef);
	ck_assert_int_eq((uint8_t)sb.data[1], 0xde);
	ck_assert_int_eq((uint8_t)sb.data[4], 0xef);
	strbuf_consume(&sb, 5);
	ck_assert_uint_eq(sb.len, 10);
	ck_assert_int_eq(sb.data[0], 6);
	char *taken = strbuf_take(&sb);
	ck_assert_int_eq(taken[0], 6);
	ck_assert_ptr_null(sb.data);
	free(taken);
}
END_TEST

START_TEST(arena_allocations)
{
	struct arena *a = arena_new(64);
	char *s = arena_strdup(a, "hello");
	ck_assert_str_eq(s, "hello");
	void *big = arena_alloc(a, 10000);
	memset(big, 0xab, 10000);
	ck_assert_uint_eq((uintptr_t)big % 16, 0);
	ck_assert_str_eq(arena_printf(a, "%d-%s", 42, "x"), "42-x");
	ck_assert_uint_ge(arena_used(a), 10000);
	uint8_t *z = arena_zalloc(a, 100);
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(z[i], 0);
	arena_reset(a);
	ck_assert_uint_eq(arena_used(a), 0);
	ck_assert_str_eq(arena_strndup(a, "abcdef", 3), "abc");
	arena_free(a);
}
END_TEST

START_TEST(pgerr_fields)
{
	struct pgerr e;
	pgerr_clear(&e);
	ck_assert(!pgerr_is_set(&e));
	ck_assert(!pgerr_set(&e, "42P01", "relation \"%s\" does not exist", "t"));
	ck_assert(pgerr_is_set(&e));
	ck_assert_str_eq(e.sqlstate, "42P01");
	ck_assert_str_eq(e.message, "relation \"t\" does not exist");
	ck_assert_int_eq(e.severity, PGERR_ERROR);
	pgerr_detail(&e, "d%d", 1);
	pgerr_hint(&e, "h");
	ck_assert_str_eq(e.detail, "d1");
	ck_assert_str_eq(e.hint, "h");
	pgerr_fatal(&e, "08P01", "bad");
	ck_assert_int_eq(e.severity, PGERR_FATAL);
	ck_assert_str_eq(e.detail, "");
	ck_assert_str_eq(pgerr_severity_name(e.severity), "FATAL");
	enum base_log_level l;
	ck_assert(base_log_level_parse("WARNING", &l) && l == BASE_LOG_WARN);
	ck_assert(!base_log_level_parse("loud", &l));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("base");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, strbuf_grows_and_limits);
	tcase_add_test(tc, strbuf_wire_integers);
	tcase_add_test(tc, strbuf_quoted);
	tcase_add_test(tc, arena_allocations);
	tcase_add_test(tc, pgerr_fields);
	suite_add_tcase(s, tc);
	return check_run(s);
}
