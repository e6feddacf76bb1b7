/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_enum.c: enum labels — pgfn_enum_in's check (PostgreSQL 15's message) and the
 * collations that order labels by sort order, named by their labels in hex. */
#include "pgfn_test.h"

/* the enum ('sad', 'ok', 'happy') */
#define MOOD "pgfn_enum_736164_6f6b_6861707079"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_enum_in('ok', 'mood', 'sad', 'ok', 'happy')", "ok"},
	{"pgfn_enum_in(NULL, 'mood', 'sad', 'ok', 'happy')", "NULL"},
	{"pgfn_enum_in('OK', 'mood', 'sad', 'ok', 'happy')",
	 "ERROR 22P02: invalid input value for enum mood: \"OK\""},
	{"pgfn_enum_in('', '\"Role\"', 'A')", "ERROR 22P02: invalid input value for enum \"Role\": \"\""},
	{"pgfn_enum_in(1, 'r', '1', '2')", "1"},
	{"pgfn_enum_array_in('{ok,NULL,\"happy\"}', 'mood', 'sad', 'ok', 'happy')",
	 "{ok,NULL,\"happy\"}"},
	{"pgfn_enum_array_in('{{sad},{meh}}', 'mood', 'sad', 'ok', 'happy')",
	 "ERROR 22P02: invalid input value for enum mood: \"meh\""},
	{"pgfn_enum_array_in('sad', 'mood', 'sad')", "ERROR 22P02: malformed array literal: \"sad\""},
	{"pgfn_enum_array_in(NULL, 'mood', 'sad')", "NULL"},
	{"'sad' < 'ok' COLLATE " MOOD, "1"},
	{"'happy' < 'ok' COLLATE " MOOD, "0"},
	{"'ok' = 'ok' COLLATE " MOOD, "1"},
	{"'zz' > 'happy' COLLATE " MOOD, "1"},
	{"(SELECT group_concat(column1, ',') FROM (SELECT column1 FROM (VALUES ('happy'), "
	 "('zz'), ('sad'), ('ok'), ('aa')) ORDER BY column1 COLLATE " MOOD "))",
	 "sad,ok,happy,aa,zz"},
	{"(SELECT max(column1 COLLATE " MOOD ") FROM (VALUES ('happy'), ('sad'), ('ok')))",
	 "happy"},
	/* upper-case hex names the same labels (SQLite folds collation names) */
	{"'sad' < 'ok' COLLATE pgfn_enum_736164_6F6B", "1"},
	/* every '_' separates two labels: ('a', ''), then ('', 'a') */
	{"'' < 'a' COLLATE pgfn_enum_61_", "0"},
	{"'' < 'a' COLLATE pgfn_enum__61", "1"},
	{"'a' < 'b' COLLATE pgfn_enum_6", "ERROR ?????: no such collation sequence: pgfn_enum_6"},
	{"'a' < 'b' COLLATE pgfn_enum_zz", "ERROR ?????: no such collation sequence: pgfn_enum_zz"},
};

START_TEST(enum_case)
{
	ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want);
}
END_TEST

Suite *pgfn_test_enum_suite(void)
{
	Suite *s = suite_create("pgfn_enum");
	TCase *tc = tcase_create("enum");
	tcase_add_loop_test(tc, enum_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
