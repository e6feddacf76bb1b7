/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_syscol.c: the system columns' helpers in pgfn_xact.c — pgfn_tid_rowid reading a tid
 * as the rowid it names (block * 65536 + offset), and pgfn_upsert_updating moving
 * last_insert_rowid() off the row it is given. */
#include "pgfn_test.h"

#include "base.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_tid_rowid('(0,3)')", "3"},
	{"pgfn_tid_rowid(' ( 0, 7) ')", "7"},
	{"pgfn_tid_rowid('(0,0)')", "0"},
	{"pgfn_tid_rowid('(1,4)')", "65540"},
	{"pgfn_tid_rowid('(0,65535)')", "65535"},
	{"pgfn_tid_rowid('(4294967295,65535)')", "281474976710655"},
	{"pgfn_tid_rowid('(0,1)') < pgfn_tid_rowid('(1,0)')", "1"},
	{"pgfn_tid_rowid(NULL)", "NULL"},
	{"pgfn_tid_rowid('(0,65536)')",
	 "ERROR 22P02: invalid input syntax for type tid: \"(0,65536)\""},
	{"pgfn_tid_rowid('(4294967296,1)')",
	 "ERROR 22P02: invalid input syntax for type tid: \"(4294967296,1)\""},
	{"pgfn_tid_rowid('(0,-1)')", "ERROR 22P02: invalid input syntax for type tid: \"(0,-1)\""},
	{"pgfn_tid_rowid('(-1,1)')", "ERROR 22P02: invalid input syntax for type tid: \"(-1,1)\""},
	{"pgfn_tid_rowid('(0,1')", "ERROR 22P02: invalid input syntax for type tid: \"(0,1\""},
	{"pgfn_tid_rowid('0,1')", "ERROR 22P02: invalid input syntax for type tid: \"0,1\""},
	{"pgfn_tid_rowid('(0,1)x')", "ERROR 22P02: invalid input syntax for type tid: \"(0,1)x\""},
	{"pgfn_tid_rowid('x')", "ERROR 22P02: invalid input syntax for type tid: \"x\""},
	{"pgfn_upsert_updating(5)", "1"},
	{"pgfn_upsert_updating(5) AND last_insert_rowid() <> 5", "1"},
	{"pgfn_upsert_updating(-9223372036854775807 - 1) AND "
	 "last_insert_rowid() <> -9223372036854775807 - 1",
	 "1"},
};

START_TEST(syscol_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_syscol_suite(void)
{
	Suite *s = suite_create("pgfn_syscol");
	TCase *tc = tcase_create("syscol");
	tcase_add_loop_test(tc, syscol_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
