/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_srf.c: the set-returning functions through the one SRF engine — generate_series
 * over integers and exact numerics, unnest, the JSON ones — each folded into one text with
 * group_concat; pgfn_rows_zip over packed rows; and a row as JSON (pgfn_json_row, json_agg of
 * rows). */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	{"(SELECT group_concat(value, ',') FROM pgfn_series_int4(1, 10, 4))", "1,5,9"},
	{"(SELECT group_concat(value, ',') FROM pgfn_series_int8(3, 1, -1))", "3,2,1"},
	{"(SELECT count(*) FROM pgfn_series_int8(9223372036854775806, 9223372036854775807, 5))",
	 "1"},
	{"(SELECT count(*) FROM pgfn_series_int4(1, 3, NULL))", "0"},
	{"(SELECT group_concat(value, ',') FROM pgfn_series_int4(1, 3, 0))",
	 "ERROR 22023: step size cannot equal zero"},
	{"(SELECT group_concat(value, ',') FROM pgfn_series_numeric(1, 2, 0.5))", "1,1.5,2.0"},
	{"(SELECT group_concat(value, ',') FROM pgfn_series_numeric(-0.5, -1.25, -0.25))",
	 "-0.5,-0.75,-1.00,-1.25"},
	{"(SELECT group_concat(ordinality, ',') FROM pgfn_series_numeric(0.1, 0.3, 0.1))", "1,2,3"},
	{"(SELECT group_concat(value, ',') FROM pgfn_series_numeric(1, 1e30))",
	 "ERROR 0A000: generate_series over numeric values of more than 18 digits, NaN or "
	 "infinity is not supported"},
	{"(SELECT group_concat(value, ',') FROM pgfn_series_ts('2024-01-31', '2024-04-30', "
	 "'1 mon'))",
	 "2024-01-31 00:00:00,2024-02-29 00:00:00,2024-03-29 00:00:00,2024-04-29 00:00:00"},
	{"(SELECT group_concat(value, ',') FROM pgfn_series_tstz('2024-01-01 01:00+00', "
	 "'2024-01-01 00:00+00', '-30 minutes'))",
	 "2024-01-01 01:00:00+00,2024-01-01 00:30:00+00,2024-01-01 00:00:00+00"},
	{"(SELECT count(*) FROM pgfn_series_ts('2024-01-01', NULL, '1 day'))", "0"},
	{"(SELECT count(*) FROM pgfn_series_ts('2024-01-01', '2024-01-02', '0 hours'))",
	 "ERROR 22023: step size cannot equal zero"},
	{"(SELECT count(*) FROM pgfn_series_ts('2024-01-01', '2024-01-02', 'soon'))",
	 "ERROR 22007: invalid input syntax for type interval: \"soon\""},
	{"(SELECT count(*) FROM pgfn_series_ts('294276-12-30', '294276-12-31', '2 days'))",
	 "ERROR 22008: timestamp out of range"},
	{"(SELECT group_concat(v0 || '/' || ifnull(v1, 'null'), ',') FROM pgfn_unnest('{1,2}', "
	 "'{a}'))",
	 "1/a,2/null"},
	{"(SELECT typeof(v0) FROM pgfn_unnest('{7}'))", "integer"},
	{"(SELECT group_concat(v0, ',') FROM pgfn_unnest('{1'))",
	 "ERROR 22P02: malformed array literal"},
	{"(SELECT group_concat(key || '=' || value, ',') FROM pgfn_jsonb_each('{\"b\": 1, \"a\": "
	 "[2]}', 1))",
	 "a=[2],b=1"},
	{"(SELECT group_concat(value, ',') FROM pgfn_json_elements('5', 0))",
	 "ERROR 22023: cannot extract elements from a scalar"},
	/* pgfn_rows_zip: blobs side by side, the shorter padded, then whether each has a row */
	{"(SELECT group_concat(c0 || '/' || ifnull(c1, 'n') || '/' || ifnull(c2, 'n') || '/' || "
	 "ifnull(c3, 'n') || ifnull(c4, 'n'), ',') FROM pgfn_rows_zip('1,2', (SELECT "
	 "pgfn_rows_pack(value) FROM pgfn_series_int4(1, 3)), (SELECT pgfn_rows_pack(value, 'x') "
	 "FROM pgfn_series_int4(7, 8))))",
	 "1/7/x/11,2/8/x/11,3/n/n/1n"},
	{"(SELECT count(*) FROM pgfn_rows_zip('1,1', NULL, NULL))", "0"},
	{"(SELECT typeof(c1) || ordinality FROM pgfn_rows_zip('1,1', NULL, pgfn_rows_one(2.5)))",
	 "real1"},
	{"(SELECT count(*) FROM pgfn_rows_zip('2', pgfn_rows_one(1)))",
	 "ERROR XX000: pgfn_rows_zip: a bad blob"},
	{"pgfn_json_row('a', 1, 'b', 'x', 'tntt')", "{\"a\":1,\"b\":\"x\"}"},
	{"(SELECT pgfn_json_agg(pgfn_json_row('a', x, 'tn'), 'R') FROM (SELECT 1 AS x UNION ALL "
	 "SELECT 2))",
	 "[{\"a\":1}, \n {\"a\":2}]"},
};

START_TEST(srf_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_srf_suite(void)
{
	Suite *s = suite_create("srf");
	TCase *tc = tcase_create("srf");
	tcase_add_loop_test(tc, srf_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
