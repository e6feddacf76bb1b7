/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_record.c: a composite value's text — fields quoted as record_out quotes them
 * (PostgreSQL 15.18's output of ROW(...)::text) and read back as record_in reads them. */
#include "pgtype_test.h"

START_TEST(test_put_fields)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *v[] = {"1", "a b", NULL, "", "x\"y", "back\\slash", "(p)", "c,d", "t"};
	strbuf_putc(&sb, '(');
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		strbuf_puts(&sb, i ? "," : "");
		pgtype_record_put_field(&sb, v[i], v[i] ? strlen(v[i]) : 0);
	}
	strbuf_putc(&sb, ')');
	strbuf_append(&sb, "", 1);
	ck_assert_str_eq(sb.data,
			 "(1,\"a b\",,\"\",\"x\"\"y\",\"back\\\\slash\",\"(p)\",\"c,d\",t)");
	strbuf_fini(&sb);
}
END_TEST

START_TEST(test_read_fields)
{
	const char *s = " (1,\"a b\",,\"\",\"x\"\"y\",\"back\\\\slash\",\"(p)\",c\\,d,t) ";
	const char *f[16];
	size_t lens[16];
	struct pgerr err;
	struct arena *a = arena_new(0);
	pgerr_clear(&err);
	ck_assert_int_eq(pgtype_record_fields(s, strlen(s), a, f, lens, 16, &err), 9);
	ck_assert_str_eq(f[0], "1");
	ck_assert_str_eq(f[1], "a b");
	ck_assert_ptr_null(f[2]);
	ck_assert_str_eq(f[3], "");
	ck_assert_str_eq(f[4], "x\"y");
	ck_assert_str_eq(f[5], "back\\slash");
	ck_assert_str_eq(f[6], "(p)");
	ck_assert_str_eq(f[7], "c,d");
	ck_assert_str_eq(f[8], "t");
	/* fewer slots than fields: the count is still every field */
	ck_assert_int_eq(pgtype_record_fields("(1,2,3)", 7, a, f, lens, 1, &err), 3);
	ck_assert_str_eq(f[0], "1");
	ck_assert_int_eq(pgtype_record_fields("()", 2, a, f, lens, 16, &err), 1);
	ck_assert_ptr_null(f[0]);
	arena_free(a);
}
END_TEST

START_TEST(test_malformed)
{
	static const char *const bad[] = {"1,2", "(1,2", "(1,2) x", "(\"a)", ""};
	const char *f[4];
	size_t lens[4];
	struct arena *a = arena_new(0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct pgerr err;
		pgerr_clear(&err);
		ck_assert_int_eq(pgtype_record_fields(bad[i], strlen(bad[i]), a, f, lens, 4, &err),
				 -1);
		ck_assert_str_eq(err.sqlstate, "22P02");
		ck_assert_ptr_nonnull(strstr(err.message, "malformed record literal"));
	}
	arena_free(a);
}
END_TEST

Suite *pgtype_test_record_suite(void)
{
	Suite *s = suite_create("pgtype_record");
	TCase *tc = tcase_create("record");
	tcase_add_test(tc, test_put_fields);
	tcase_add_test(tc, test_read_fields);
	tcase_add_test(tc, test_malformed);
	suite_add_tcase(s, tc);
	return s;
}
