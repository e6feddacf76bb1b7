/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_test_main.c: runs the pgw unit suites (startup, framing and bodies, Bind, writers). */
#include "pgw_test.h"
#include "../../check_run.h"

int main(void)
{
	SRunner *sr = srunner_create(pgw_test_startup_suite());
	srunner_add_suite(sr, pgw_test_fe_suite());
	srunner_add_suite(sr, pgw_test_bind_suite());
	srunner_add_suite(sr, pgw_test_be_suite());
	srunner_add_suite(sr, pgw_test_auth_suite());
	return check_run_runner(sr);
}
