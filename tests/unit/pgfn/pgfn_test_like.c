/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_like.c: the LIKE matcher (pgfn_like.c) through SQLite's LIKE operator and like()
 * itself — PostgreSQL 15's answers for case, _ over UTF-8, % runs, escapes, 22025 where its
 * like_match.c raises it, NULLs, blobs byte-wise — and the flags stored SQL needs. */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"'abc' LIKE 'abc'", "1"},
	{"'abc' LIKE 'ABC'", "0"},
	{"'ABC' LIKE 'a%'", "0"},
	{"like('a_c', 'abc')", "1"},
	{"'é' LIKE '_'", "1"},
	{"'éé' LIKE '_'", "0"},
	{"'aéb' LIKE 'a_b'", "1"},
	{"'日本語' LIKE '__語'", "1"},
	{"'😀x' LIKE '_x'", "1"},
	{"'' LIKE '%'", "1"},
	{"'' LIKE '%%'", "1"},
	{"'' LIKE '_'", "0"},
	{"'abc' LIKE '%%c'", "1"},
	{"'abc' LIKE '%_%_%_%'", "1"},
	{"'ab' LIKE '%_%_%_%'", "0"},
	{"'abcabc' LIKE '%bc'", "1"},
	{"'abcabd' LIKE '%abc%'", "1"},
	{"'mississippi' LIKE '%iss%ipp%'", "1"},
	{"'mississippi' LIKE '%iss%ipx%'", "0"},
	/* no escape character unless one is given (the translator spells out ESCAPE '\') */
	{"'a\\b' LIKE 'a\\b'", "1"},
	{"'a%' LIKE 'a\\%' ESCAPE '\\'", "1"},
	{"'ab' LIKE 'a\\%' ESCAPE '\\'", "0"},
	{"'a\\' LIKE 'a\\\\' ESCAPE '\\'", "1"},
	{"'a%' LIKE 'a%%' ESCAPE '%'", "1"},
	{"'a%x' LIKE 'a%%_' ESCAPE '%'", "1"},
	{"'a\\b' LIKE 'a\\b' ESCAPE '#'", "1"},
	{"'a#b' LIKE 'a##b' ESCAPE '#'", "1"},
	{"'a%' LIKE 'aé%' ESCAPE 'é'", "1"},
	{"'a_b' LIKE 'a_b' ESCAPE ''", "1"},
	{"'abcd' LIKE 'abc\\' ESCAPE '\\'",
	 "ERROR 22025: LIKE pattern must not end with escape character"},
	{"'abc' LIKE 'a%\\' ESCAPE '\\'",
	 "ERROR 22025: LIKE pattern must not end with escape character"},
	{"'abc' LIKE 'abc\\' ESCAPE '\\'", "0"}, /* the text ends first: never reached */
	{"'xyz' LIKE 'abc\\' ESCAPE '\\'", "0"},
	{"'abc' LIKE 'a%' ESCAPE 'ab'", "ERROR 22025: invalid escape string"},
	{"'abc' LIKE 'a%' ESCAPE 'éé'", "ERROR 22025: invalid escape string"},
	{"NULL LIKE 'a'", "NULL"},
	{"'a' LIKE NULL", "NULL"},
	{"'a' LIKE 'a' ESCAPE NULL", "NULL"},
	{"'a' NOT LIKE 'b'", "1"},
	{"123 LIKE '1%'", "1"},
	/* blobs byte-wise: _ is one byte, not one character */
	{"x'61e982' LIKE x'615f5f'", "1"},
	{"x'61e982' LIKE x'615f'", "0"},
	{"x'6100ff' LIKE x'61255f'", "1"},
	{"x'6125' LIKE x'615c25' ESCAPE x'5c'", "1"},
	/* no recursion: 50,000 %s, and the backtracking a recursive matcher would do */
	{"replace(hex(zeroblob(25000)), '00', 'a') || 'b' LIKE "
	 "replace(hex(zeroblob(25000)), '00', '%a') || 'c'",
	 "0"},
	{"replace(hex(zeroblob(25000)), '00', 'a') LIKE replace(hex(zeroblob(100)), '00', '%a')",
	 "1"},
	/* deterministic and innocuous: usable in views and indexes with trusted_schema off */
	{"(SELECT group_concat(narg || ':' || (flags & 0x280800), ',') FROM (SELECT DISTINCT "
	 "narg, flags FROM pragma_function_list WHERE name = 'like' ORDER BY narg))",
	 "2:2099200,3:2099200"},
};

START_TEST(like_case)
{
	ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want);
}
END_TEST

Suite *pgfn_test_like_suite(void)
{
	Suite *s = suite_create("pgfn_like");
	TCase *tc = tcase_create("cases");
	tcase_add_loop_test(tc, like_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
