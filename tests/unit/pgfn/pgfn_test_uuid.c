/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_uuid.c: uuid-ossp's computed functions (pgfn_uuid.c) — v3 and v5 against the
 * values PostgreSQL 15's uuid-ossp gives, v1's version and variant bits, bad input. */
#include "pgfn_test.h"

#include "base.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"pgfn_uuid_generate_v3('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')",
	 "5df41881-3aed-3515-88a7-2f4a814cf09e"},
	{"pgfn_uuid_generate_v5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'http://x/')",
	 "be3eb191-c297-5830-bbd0-33d52c04f8fc"},
	{"pgfn_uuid_generate_v5('6BA7B810-9DAD-11D1-80B4-00C04FD430C8', 'a')",
	 "4f3f2898-69e3-5a0d-820a-c4e87987dbce"},
	{"pgfn_uuid_generate_v5('{6ba7b8109dad11d180b400c04fd430c8}', 'a')",
	 "4f3f2898-69e3-5a0d-820a-c4e87987dbce"},
	{"pgfn_uuid_generate_v3(NULL, 'a')", "NULL"},
	{"pgfn_uuid_generate_v5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', NULL)", "NULL"},
	{"pgfn_uuid_generate_v3('6ba7b810', 'a')",
	 "ERROR 22P02: invalid input syntax for type uuid: \"6ba7b810\""},
	{"pgfn_uuid_generate_v5('6ba7b810-9dad-11d1-80b4-00c04fd430c8-', 'a')",
	 "ERROR 22P02: invalid input syntax for type uuid: "
	 "\"6ba7b810-9dad-11d1-80b4-00c04fd430c8-\""},
	{"length(pgfn_uuid_generate_v1()) || substr(pgfn_uuid_generate_v1(), 15, 1) || "
	 "(substr(pgfn_uuid_generate_v1(), 20, 1) IN ('8', '9', 'a', 'b'))",
	 "3611"},
	{"pgfn_uuid_generate_v1() <> pgfn_uuid_generate_v1()", "1"},
};

START_TEST(uuid_case)
{
	ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want);
}
END_TEST

Suite *pgfn_test_uuid_suite(void)
{
	Suite *s = suite_create("pgfn_uuid");
	TCase *tc = tcase_create("uuid");
	tcase_add_loop_test(tc, uuid_case, 0, (int)ARRAY_LEN(cases));
	suite_add_tcase(s, tc);
	return s;
}
