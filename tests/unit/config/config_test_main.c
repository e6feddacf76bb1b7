/* SPDX-License-Identifier: Apache-2.0 */
/* config_test_main.c: runs the config unit suites (keys and values, file reader, docs, live snapshots). */
#include "config_test.h"
#include "../../check_run.h"

int main(void)
{
	SRunner *sr = srunner_create(config_test_keys_suite());
	srunner_add_suite(sr, config_test_file_suite());
	srunner_add_suite(sr, config_test_doc_suite());
	srunner_add_suite(sr, config_test_live_suite());
	return check_run_runner(sr);
}
