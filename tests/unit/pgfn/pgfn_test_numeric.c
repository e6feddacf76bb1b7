/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_numeric.c: exact numeric arithmetic and aggregates, table-driven; each expected
 * value is what PostgreSQL 15 printed for the expression in the comment. */
#include "pgfn_test.h"

static const struct {
	const char *expr, *want;
} cases[] = {
	/* 1::numeric / 3, 10::numeric / 4, 2.50 / 2, 1::numeric / 7 */
	{"pgfn_num_div(1, 3, 0, 0)", "0.33333333333333333333"},
	{"pgfn_num_div(10, 4, 0, 0)", "2.5000000000000000"},
	{"pgfn_num_div('2.50', 2, -1, 0)", "1.25000000000000000000"},
	{"pgfn_num_div(2.5, 2, 2, 0)", "1.25000000000000000000"},
	{"pgfn_num_div(1, 7, 0, 0)", "0.14285714285714285714"},
	/* 123456789.123456789 / 3, 1e-10 / 3, -7::numeric / 2 */
	{"pgfn_num_div('123456789.123456789', 3, -1, 0)", "41152263.041152263000"},
	{"pgfn_num_div('1e-10', 3, -1, 0)", "0.0000000000333333333333333333"},
	{"pgfn_num_div(-7, 2, 0, 0)", "-3.5000000000000000"},
	/* 99999999 / 0.0001, 0.001 / 300000, 12345678901234567890 / 0.7 */
	{"pgfn_num_div(99999999, 0.0001, 0, -1)", "999999990000.00000000"},
	{"pgfn_num_div(0.001, 300000, -1, 0)", "0.0000000033333333333333333333"},
	{"pgfn_num_div('12345678901234567890', 0.7, -1, -1)", "17636684144620811271.4"},
	/* 1 / 3.0000000000000000000000, 5555 / 5555.0, 9999 / 1::numeric, 0::numeric / 5 */
	{"pgfn_num_div(1, '3.0000000000000000000000', 0, -1)", "0.3333333333333333333333"},
	{"pgfn_num_div(5555, 5555.0, 0, 1)", "1.00000000000000000000"},
	{"pgfn_num_div(9999, 1, 0, 0)", "9999.0000000000000000"},
	{"pgfn_num_div(0, 5, 0, 0)", "0.00000000000000000000"},
	{"pgfn_num_div('1e20', 3, -1, 0)", "33333333333333333333"},
	{"pgfn_num_div(1, 0, 0, 0)", "ERROR 22012: division by zero"},
	{"pgfn_num_div(1, '0.000', 0, -1)", "ERROR 22012: division by zero"},
	{"pgfn_num_div(NULL, 1, 0, 0)", "NULL"},
	{"pgfn_num_div(1, 'x', 0, -1)",
	 "ERROR 22P02: invalid input syntax for type numeric: \"x\""},
	/* NaN (stored as the text 'NaN') in, NaN out, even NaN / 0; NULL still wins */
	{"pgfn_num_div('NaN', 1, -1, 0)", "NaN"},
	{"pgfn_num_div('NaN', 0, -1, 0)", "NaN"},
	{"pgfn_num_add(NULL, 'NaN', -1, -1)", "NULL"},
	{"pgfn_num_round('NaN', 2, -1)", "NaN"},
	/* infinities (a REAL, or the text an exact result gives), as numeric.c's special cases */
	{"pgfn_num_add(9e999, 1, -1, 0)", "Infinity"},
	{"pgfn_num_add(9e999, '-Infinity', -1, -1)", "NaN"},
	{"pgfn_num_sub('Infinity', 9e999, -1, -1)", "NaN"},
	{"pgfn_num_sub(1, 9e999, 0, -1)", "-Infinity"},
	{"pgfn_num_mul(-9e999, -2, -1, 0)", "Infinity"},
	{"pgfn_num_mul(9e999, 0, -1, 0)", "NaN"},
	{"pgfn_num_div(9e999, 0, -1, 0)", "ERROR 22012: division by zero"},
	{"pgfn_num_div(9e999, -2, -1, 0)", "-Infinity"},
	{"pgfn_num_div(4.20, 9e999, 2, -1)", "0"},
	{"pgfn_num_mod(4.20, 9e999, 2, -1)", "4.20"},
	{"pgfn_num_mod(9e999, 3, -1, 0)", "NaN"},
	{"pgfn_num_idiv(-9e999, 3, -1, 0)", "-Infinity"},
	{"pgfn_num_add(9e999, 'NaN', -1, -1) || pgfn_num_add(NULL, 9e999, -1, -1)", "NULL"},
	{"pgfn_num_round(-9e999, 2, -1) || pgfn_num_abs(-9e999, -1)", "-InfinityInfinity"},
	{"pgfn_nsub(9e999, 9e999) || pgfn_nmul(0, -9e999)", "NaNNaN"},
	{"(SELECT pgfn_num_sum(x) || '/' || pgfn_num_avg(x) FROM (SELECT 9e999 AS x UNION ALL "
	 "SELECT 1))",
	 "Infinity/Infinity"},
	{"(SELECT pgfn_num_sum(x) || '/' || pgfn_num_var_pop(x) FROM (SELECT 9e999 AS x UNION "
	 "ALL SELECT -9e999))",
	 "NaN/NaN"},
	{"(SELECT pgfn_num_max(x) || '/' || pgfn_num_min(x) FROM (SELECT 9e999 AS x UNION ALL "
	 "SELECT 'NaN' UNION ALL SELECT 1))",
	 "NaN/1"},
	{"(SELECT pgfn_num_max(x) || '/' || pgfn_num_min(x) FROM (SELECT -9e999 AS x UNION ALL "
	 "SELECT 'NaN'))",
	 "NaN/-Infinity"},
	{"floor('NaN') || ceil('NaN') || floor(-2.5) || typeof(ceil(2))", "NaNNaN-3.0integer"},
	{"pgfn_nadd(1, 2) || '/' || typeof(pgfn_nadd(1, 2))", "3/integer"},
	{"pgfn_nadd(9223372036854775807, 1)", "9.22337203685478e+18"},
	{"pgfn_ndiv(3, 2)", "1.5"},
	{"pgfn_nmul('NaN', 0) || pgfn_nsub(1, 'NaN')", "NaNNaN"},
	{"pgfn_ndiv('NaN', 0)", "NaN"},
	{"pgfn_ndiv(1, 0)", "ERROR 22012: division by zero"},
	{"pgfn_nsub(NULL, 'NaN')", "NULL"},
	/* 0.1 + 0.2 (doubles read as their shortest decimal), 1.50 + 2.005, 1 - 1.000 */
	{"pgfn_num_add(0.1, 0.2, -1, -1)", "0.3"},
	{"pgfn_num_add(1.5, 2.005, 2, 3)", "3.505"},
	{"pgfn_num_add('12345678901234567890', 1, -1, 0)", "12345678901234567891"},
	{"pgfn_num_sub(1, 1, 0, 3)", "0.000"},
	{"pgfn_num_sub(-5, 3, 0, 0)", "-8"},
	{"pgfn_num_sub(2, 5.5, 0, 1)", "-3.5"},
	/* 1.5 * 2.25, 12345678901234567890 * 98765432109876543210, 0.10 * 0.10 */
	{"pgfn_num_mul(1.5, 2.25, 1, 2)", "3.375"},
	{"pgfn_num_mul('12345678901234567890', '98765432109876543210', -1, -1)",
	 "1219326311370217952237463801111263526900"},
	{"pgfn_num_mul(0.1, 0.1, 2, 2)", "0.0100"},
	{"pgfn_num_mul(-2, 0, 0, 1)", "0.0"},
	{"pgfn_num_add(' 1.5e2 ', 0, -1, 0)", "150"},
	/* at the edges of the 128-bit fast path (pgfn_numfast.c): the same answers:
	 * 999999999999999999::numeric * 999999999999999999, ... / 7,
	 * 0.000000000000000001 / 3, -123456789012345678 + 0.000000000000000001,
	 * 1.5e-10::numeric * 2.5e-9, 100000000000000000::numeric / 0.000000000000000003 */
	{"pgfn_num_mul('999999999999999999', '999999999999999999', -1, -1)",
	 "999999999999999998000000000000000001"},
	{"pgfn_num_div('999999999999999999', 7, -1, 0)", "142857142857142857"},
	{"pgfn_num_div('0.000000000000000001', 3, -1, 0)",
	 "0.000000000000000000333333333333333333"},
	{"pgfn_num_add(-123456789012345678, '0.000000000000000001', 0, -1)",
	 "-123456789012345677.999999999999999999"},
	{"pgfn_num_mul('1.5e-10', '2.5e-9', -1, -1)", "0.000000000000000000375"},
	{"pgfn_num_div('100000000000000000', '0.000000000000000003', -1, -1)",
	 "33333333333333333333333333333333333.333333333333333333"},
	{"pgfn_num_mul(0.5, -0.25, -1, -1)", "-0.125"},
	/* round(1::numeric / 3, 25), round(2.5), round(-2.5), round(1234.5, -2), trunc(-1.789, 1),
	 * round(1.5, 3), trunc(1789, -2), trunc(2.567), round(0.5, -1), round(50, -2) */
	{"pgfn_num_round(pgfn_num_div(1, 3, 0, 0), 25, -1)", "0.3333333333333333333300000"},
	{"pgfn_num_round(2.5, 0, 1)", "3"},
	{"pgfn_num_round(-2.5, 0, 1)", "-3"},
	{"pgfn_num_round(1234.5, -2, 1)", "1200"},
	{"pgfn_num_trunc(-1.789, 1, 3)", "-1.7"},
	{"pgfn_num_round(1.5, 3, 1)", "1.500"},
	{"pgfn_num_trunc(1789, -2, 0)", "1700"},
	{"pgfn_num_trunc(2.567, 0, 3)", "2"},
	{"pgfn_num_round(0.5, -1, 1)", "0"},
	{"pgfn_num_round(50, -2, 0)", "100"},
	{"pgfn_num_round(1.5, NULL, 1)", "NULL"},
	/* an infinite operand lies above or below every bucket; an infinite bound fails */
	{"pgfn_num_width_bucket(9e999, 1, 2, 3)", "4"},
	{"pgfn_num_width_bucket('-Infinity', 1, 2, 3)", "0"},
	{"pgfn_num_width_bucket(1, 'Infinity', 2, 3)",
	 "ERROR 2201G: lower and upper bounds must be finite"},
	{"pgfn_num_mul('1e1500', '1e1500', -1, -1)", "ERROR 22003: value overflows numeric format"},
	/* avg(x), sum(x) FROM (VALUES (1), (2), (4)) */
	{"(SELECT pgfn_num_avg(x, 0) || '|' || pgfn_num_sum(x, 0) FROM"
	 " (SELECT 1 x UNION ALL SELECT 2 UNION ALL SELECT 4))",
	 "2.3333333333333333|7"},
	{"(SELECT pgfn_num_avg(x, -1) FROM (SELECT 1.10 x UNION ALL SELECT 2.205))",
	 "1.6525000000000000"},
	{"(SELECT pgfn_num_avg(x, 0) FROM (SELECT NULL x))", "NULL"},
	/* var_samp, var_pop, stddev_samp, stddev_pop of (1.0), (2.0), (3.0) */
	{"(SELECT pgfn_num_var_samp(x, 1) || '|' || pgfn_num_var_pop(x, 1) || '|' ||"
	 " pgfn_num_stddev_samp(x, 1) || '|' || pgfn_num_stddev_pop(x, 1) FROM"
	 " (SELECT 1.0 x UNION ALL SELECT 2.0 UNION ALL SELECT 3.0))",
	 "1.00000000000000000000|0.66666666666666666667|1.00000000000000000000|"
	 "0.81649658092772603273"},
	/* ... of (1), (2), (3), (4) */
	{"(SELECT pgfn_num_var_samp(x, 0) || '|' || pgfn_num_var_pop(x, 0) || '|' ||"
	 " pgfn_num_stddev_samp(x, 0) || '|' || pgfn_num_stddev_pop(x, 0) FROM"
	 " (SELECT 1 x UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4))",
	 "1.6666666666666667|1.2500000000000000|1.2909944487358056|1.1180339887498948"},
	/* ... of (1.5), (2.25), (10.125) */
	{"(SELECT pgfn_num_var_samp(x, -1) || '|' || pgfn_num_var_pop(x, -1) || '|' ||"
	 " pgfn_num_stddev_samp(x, -1) || '|' || pgfn_num_stddev_pop(x, -1) FROM"
	 " (SELECT 1.5 x UNION ALL SELECT 2.25 UNION ALL SELECT 10.125))",
	 "22.8281250000000000|15.2187500000000000|4.7778787134040981|3.9011216335818087"},
	/* var_samp, stddev_pop of (5.0); stddev of (123456.789), (0.001), (-42.5) */
	{"(SELECT coalesce(pgfn_num_var_samp(x, 1), 'NULL') || '|' || pgfn_num_stddev_pop(x, 1)"
	 " FROM (SELECT 5.0 x))",
	 "NULL|0"},
	/* min/max compare exact values; (x) alone takes each value's own scale */
	{"(SELECT pgfn_num_max(x, -1) || '|' || pgfn_num_min(x) FROM (SELECT"
	 " '0.33333333333333333334' x UNION ALL SELECT '0.33333333333333333333' UNION ALL SELECT"
	 " 0.3 UNION ALL SELECT NULL))",
	 "0.33333333333333333334|0.3"},
	{"(SELECT pgfn_num_sum(x) FROM (SELECT 1.5 x UNION ALL SELECT '2.250'))", "3.750"},
	/* a NaN makes sum, avg, max and the variances NaN; min skips it unless it is alone */
	{"(SELECT pgfn_num_sum(x, -1) || '|' || pgfn_num_avg(x, -1) || '|' || pgfn_num_max(x, -1)"
	 " || '|' || pgfn_num_min(x, -1) || '|' || pgfn_num_var_samp(x, -1) FROM (SELECT 1 x"
	 " UNION ALL SELECT 'NaN' UNION ALL SELECT -2))",
	 "NaN|NaN|NaN|-2|NaN"},
	{"(SELECT pgfn_num_min(x, -1) || '|' || coalesce(pgfn_num_var_samp(x, -1), 'NULL') || '|' ||"
	 " pgfn_num_var_pop(x, -1) FROM (SELECT 'NaN' x))",
	 "NaN|NULL|NaN"},
	/* the collation pgfn_num orders decimal texts by value */
	{"(SELECT group_concat(x, ' ') FROM (SELECT x FROM (SELECT '10' x UNION ALL SELECT"
	 " '9.50' UNION ALL SELECT '-1' UNION ALL SELECT '0.333333333333333333334' UNION ALL"
	 " SELECT '0.33333333333333333333') ORDER BY x COLLATE pgfn_num))",
	 "-1 0.33333333333333333333 0.333333333333333333334 9.50 10"},
	{"(SELECT pgfn_num_stddev_samp(x, -1) FROM"
	 " (SELECT 123456.789 x UNION ALL SELECT 0.001 UNION ALL SELECT -42.5))",
	 "71290.08193421"},
	/* sqrt(2::numeric), sqrt(0.0001), exp(1::numeric), exp(1.5), exp(100::numeric),
	 * exp(-100::numeric), ln(10::numeric), ln(1.000001) (pgfn_numtrans.c) */
	{"pgfn_num_sqrt(2, 0)", "1.414213562373095"},
	{"pgfn_num_sqrt('0.0001', -1)", "0.01000000000000000"},
	{"pgfn_num_exp(1, 0)", "2.7182818284590452"},
	{"pgfn_num_exp(1.5, 1)", "4.4816890703380648"},
	{"pgfn_num_exp(100, 0)", "26881171418161354484126255515800135873611119"},
	{"pgfn_num_exp(-100, 0)", "0.00000000000000000000000000000000000000000003720075976020836"},
	{"pgfn_num_ln(10, 0)", "2.3025850929940457"},
	{"pgfn_num_ln('1.000001', -1)", "0.0000009999995000003333"},
	/* log(10::numeric, 100::numeric), log(2::numeric, 8::numeric), power(2::numeric, 10),
	 * power(2::numeric, 0.5), power(1.1, 100), power(7::numeric, -3), 3.0 ^ 1000 */
	{"pgfn_num_log(10, 100, 0, 0)", "2.0000000000000000"},
	{"pgfn_num_log(2, 8, 0, 0)", "3.0000000000000000"},
	{"pgfn_num_pow(2, 10, 0, 0)", "1024.0000000000000000"},
	{"pgfn_num_pow(2, 0.5, 0, 1)", "1.4142135623730950"},
	{"pgfn_num_pow('1.1', 100, -1, 0)", "13780.6123398222701841"},
	{"pgfn_num_pow(7, -3, 0, 0)", "0.0029154518950437"},
	{"substr(pgfn_num_pow('3.0', 1000, -1, 0), 1, 12) || length(pgfn_num_pow('3.0', 1000, -1, 0))",
	 "132207081948495"},
	/* NaN ^ 0 and 1 ^ NaN are 1, other NaN operands NaN; the errors numeric.c raises */
	{"pgfn_num_pow('NaN', 0, -1, 0) || pgfn_num_pow(1, 'NaN', 0, -1) || pgfn_num_pow(2, 'NaN', 0, -1)",
	 "11NaN"},
	{"pgfn_num_sqrt(NULL, 0)", "NULL"},
	{"pgfn_num_sqrt(-1, 0)", "ERROR 2201F: cannot take square root of a negative number"},
	{"pgfn_num_ln(0, 0)", "ERROR 2201E: cannot take logarithm of zero"},
	{"pgfn_num_log(10, -1, 0, 0)", "ERROR 2201E: cannot take logarithm of a negative number"},
	{"pgfn_num_log(1, 10, 0, 0)", "ERROR 22012: division by zero"},
	{"pgfn_num_pow(0, -1, 0, 0)", "ERROR 2201F: zero raised to a negative power is undefined"},
	{"pgfn_num_pow(-8, 0.5, 0, 1)",
	 "ERROR 2201F: a negative number raised to a non-integer power yields a complex result"},
	{"pgfn_num_exp(10000, 0)", "ERROR 22003: value overflows numeric format"},
	/* sum(x) OVER (ORDER BY i ROWS 1 PRECEDING): values leave the frame (inverse), their
	 * scales and NaNs with them; a frame of NULLs only is NULL */
	{"(SELECT group_concat(coalesce(s, 'NULL'), ' ') FROM (SELECT pgfn_num_sum(x, -1) OVER"
	 " (ORDER BY i ROWS 1 PRECEDING) s FROM (SELECT 1 i, 1.5 x UNION ALL SELECT 2, 2.25"
	 " UNION ALL SELECT 3, 3 UNION ALL SELECT 4, NULL UNION ALL SELECT 5, 'NaN' UNION ALL"
	 " SELECT 6, 0.125 UNION ALL SELECT 7, NULL UNION ALL SELECT 8, NULL)))",
	 "1.5 3.75 5.25 3 NaN NaN 0.125 NULL"},
	/* mod(-17.5, 2.3), div(-17.5, 2.5), mod(7::numeric(5,2), 2), 10.25 % 3, div(1e20, 3);
	 * mod(5.55, 1.1) where the value is a double (not fmod's 0.04999999999999938) */
	{"pgfn_num_mod(-17.5, 2.3, 1, 1)", "-1.4"},
	{"pgfn_num_idiv(-17.5, 2.5, 1, 1)", "-7"},
	{"pgfn_num_mod(7, 2, 2, 0)", "1.00"},
	{"pgfn_num_mod(10.25, 3, 2, 0)", "1.25"},
	{"pgfn_num_idiv('1e20', 3, -1, 0)", "33333333333333333333"},
	{"pgfn_num_mod(1, 0, 0, 0)", "ERROR 22012: division by zero"},
	{"pgfn_mod(5.55, 1.1)", "0.05"},
	/* width_bucket(1e-20, 0, 1e-19, 10) of numerics, in decimal (a double says 1) */
	{"pgfn_num_width_bucket('1e-20', 0, '1e-19', 10) || pgfn_num_width_bucket(7.5, 10.0, 0, 4)",
	 "22"},
};

START_TEST(test_numeric_case) { ck_assert_str_eq(pgfn_test_eval(cases[_i].expr), cases[_i].want); }
END_TEST

Suite *pgfn_test_numeric_suite(void)
{
	Suite *s = suite_create("pgfn_numeric");
	TCase *tc = tcase_create("numeric");
	tcase_add_loop_test(tc, test_numeric_case, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	suite_add_tcase(s, tc);
	return s;
}
