/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_like.c: a LIKE pattern's literal prefix and the least text above it
 * (pgtype_like.c), and SQLite's TEXT affinity of a declared type. */
#include "pgtype_test.h"

#include <string.h>

static const struct {
	const char *pat, *esc, *prefix, *upper; /* upper NULL: none */
} cases[] = {
	{"abc%", "\\", "abc", "abd"},
	{"abc", "\\", "abc", "abd"},
	{"ab_c%", "\\", "ab", "ac"},
	{"%abc", "\\", "", NULL},
	{"_", "\\", "", NULL},
	{"", "\\", "", NULL},
	{"ab\\%c%", "\\", "ab%c", "ab%d"},
	{"ab\\\\x", "\\", "ab\\x", "ab\\y"},
	{"ab\\", "\\", "ab", "ac"},           /* a dangling escape ends the prefix */
	{"ab#_x%", "#", "ab_x", "ab_y"},
	{"a\\b%", "", "a\\b", "a\\c"},         /* ESCAPE '': no escape */
	{"az\x7f%", "\\", "az\x7f", "az\xc2\x80"}, /* U+007F → U+0080 */
	{"\xc3\xa9%", "\\", "\xc3\xa9", "\xc3\xaa"},
	{"\xe6\x97\xa5\xe6\x9c\xac%", "\\", "\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xad"},
	{"\xed\x9f\xbf%", "\\", "\xed\x9f\xbf", "\xee\x80\x80"}, /* U+D7FF → U+E000 */
	{"a\xf4\x8f\xbf\xbf%", "\\", "a\xf4\x8f\xbf\xbf", "b"},  /* U+10FFFF dropped */
	{"\xf4\x8f\xbf\xbf%", "\\", "\xf4\x8f\xbf\xbf", NULL},
	{"\xc3\xa9x\xc3\xa9_%", "\xc3\xa9", "x_", "x`"}, /* a multi-byte escape */
};

START_TEST(test_like_bounds)
{
	const char *pat = cases[_i].pat, *esc = cases[_i].esc;
	size_t plen = strlen(pat);
	char prefix[64], upper[64];
	size_t n = pgtype_like_prefix(pat, plen, esc, strlen(esc), prefix), un = 0;
	ck_assert_uint_eq(n, strlen(cases[_i].prefix));
	ck_assert(memcmp(prefix, cases[_i].prefix, n) == 0);
	bool has = pgtype_like_upper(prefix, n, upper, &un);
	ck_assert_int_eq(has, cases[_i].upper != NULL);
	if (has) {
		ck_assert_uint_eq(un, strlen(cases[_i].upper));
		ck_assert(memcmp(upper, cases[_i].upper, un) == 0);
	}
}
END_TEST

START_TEST(test_text_affinity)
{
	ck_assert(pgtype_decl_text_affinity("text"));
	ck_assert(pgtype_decl_text_affinity("varchar(20)"));
	ck_assert(pgtype_decl_text_affinity("character varying"));
	ck_assert(pgtype_decl_text_affinity("CLOB"));
	ck_assert(!pgtype_decl_text_affinity(NULL));
	ck_assert(!pgtype_decl_text_affinity(""));
	ck_assert(!pgtype_decl_text_affinity("STRING"));
	ck_assert(!pgtype_decl_text_affinity("name"));
	ck_assert(!pgtype_decl_text_affinity("blob"));
	ck_assert(!pgtype_decl_text_affinity("CHARINT")); /* INT wins */
}
END_TEST

Suite *pgtype_test_like_suite(void)
{
	Suite *s = suite_create("pgtype_like");
	TCase *tc = tcase_create("like");
	tcase_add_loop_test(tc, test_like_bounds, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_text_affinity);
	suite_add_tcase(s, tc);
	return s;
}
