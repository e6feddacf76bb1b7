/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test_main.c: runs the pgtype unit suites (type table and declared types, float
 * formatting, text output, text input, binary send/receive). */
#include "pgtype_test.h"
#include "../../check_run.h"

int main(void)
{
	SRunner *sr = srunner_create(pgtype_test_table_suite());
	srunner_add_suite(sr, pgtype_test_float_suite());
	srunner_add_suite(sr, pgtype_test_text_suite());
	srunner_add_suite(sr, pgtype_test_input_suite());
	srunner_add_suite(sr, pgtype_test_binary_suite());
	srunner_add_suite(sr, pgtype_test_datetime_suite());
	srunner_add_suite(sr, pgtype_test_fmt_suite());
	srunner_add_suite(sr, pgtype_test_net_suite());
	srunner_add_suite(sr, pgtype_test_bit_suite());
	srunner_add_suite(sr, pgtype_test_money_suite());
	srunner_add_suite(sr, pgtype_test_range_suite());
	srunner_add_suite(sr, pgtype_test_record_suite());
	srunner_add_suite(sr, pgtype_test_tsearch_suite());
	srunner_add_suite(sr, pgtype_test_like_suite());
	return check_run_runner(sr);
}
