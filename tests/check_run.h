/* SPDX-License-Identifier: Apache-2.0 */
/* check_run.h: every Check test program's main() — run the suite, exit non-zero when a test
 * failed. Included by the unit tests (tests/unit/<module>/) and the integration tests. */
#ifndef SHARDLITE_TESTS_CHECK_RUN_H
#define SHARDLITE_TESTS_CHECK_RUN_H

#include <check.h>
#include <stdlib.h>

/* Runs and frees sr (a runner with several suites added). */
static inline int check_run_runner(SRunner *sr)
{
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

static inline int check_run(Suite *s) { return check_run_runner(srunner_create(s)); }

#endif
