/* SPDX-License-Identifier: Apache-2.0 */
/* test_xid.c: the xid type and the type leftovers of issue #3 (xlat_xid.c, xlat_catalog.c) —
 * xidin's reading of literals, the casts and operators xid has and those it lacks (42846,
 * 42883), btree keys of xid (42704), age(xid) (0A000); date/time array literal casts read
 * when the statement runs; a numeric array's element as its text in a result column. */
#include "xlat_test.h"

static const struct xcase cases[] = {
	{"SELECT '123'::xid, '0x10'::xid, 'abc'::xid, '-1'::xid, '4294967296'::xid",
	 "SELECT 123 AS xid, 16 AS xid, 0 AS xid, 4294967295 AS xid, 0 AS xid"},
	{"SELECT '5'::xid = '5'::xid, '5'::xid <> 5",
	 "SELECT 5 = 5 AS \"?column?\", 5 <> 5 AS \"?column?\""},
	{"SELECT '5'::xid::text", "SELECT CAST(5 AS TEXT) AS text"},
	{"SELECT 5::xid", "!42846@9"},
	{"SELECT '5'::xid::int8", "!42846"},
	{"SELECT '5'::xid < '6'::xid", "!42883@17"},
	{"SELECT '5'::xid + 1", "!42883"},
	{"SELECT 5 = '5'::xid", "!42883"},
	{"SELECT age('5'::xid)", "!0A000"},
	{"CREATE TABLE x (t xid PRIMARY KEY)", "!42704"},
	{"CREATE TABLE x (t xid, UNIQUE (t))", "!42704"},
	{"SELECT '{2024-01-01,2024-02-01}'::date[]",
	 "SELECT pgfn_array_in('{2024-01-01,2024-02-01}', 1082) AS date"},
	{"SELECT '{1 day}'::interval[]", "SELECT pgfn_array_in('{1 day}', 1186) AS interval"},
	/* the element's text where it is the result; a number where it is compared */
	{"SELECT ('{1.10}'::numeric[])[1]", "SELECT pgfn_array_at('{1.10}', 1) AS numeric"},
	{"SELECT ('{1.10}'::numeric[])[1] > 1",
	 "SELECT (pgfn_array_elem(pgfn_array_at('{1.10}', 1), 'n')) > 1 AS \"?column?\""},
};

START_TEST(test_xid_case) { xcase_run(cases, _i); }
END_TEST

Suite *xlat_suite_xid(void)
{
	Suite *s = suite_create("xlat_xid");
	TCase *tc = tcase_create("xid");
	tcase_add_loop_test(tc, test_xid_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
