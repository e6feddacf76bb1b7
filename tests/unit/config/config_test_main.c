/* SPDX-License-Identifier: Apache-2.0 */
/* config_test_main.c: runs the config unit suites (keys and values, file reader, docs, live snapshots). */
#include "config_test.h"

int main(void)
{
	SRunner *sr = srunner_create(config_test_keys_suite());
	srunner_add_suite(sr, config_test_file_suite());
	srunner_add_suite(sr, config_test_doc_suite());
	srunner_add_suite(sr, config_test_live_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
