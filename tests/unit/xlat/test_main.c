/* SPDX-License-Identifier: Apache-2.0 */
/* test_main.c: runs every xlat suite. */
#include "xlat_test.h"

#include <stdlib.h>
#include "../../check_run.h"

int main(void)
{
	SRunner *sr = srunner_create(xlat_suite_select());
	srunner_add_suite(sr, xlat_suite_dml());
	srunner_add_suite(sr, xlat_suite_syscol());
	srunner_add_suite(sr, xlat_suite_xid());
	srunner_add_suite(sr, xlat_suite_fkref());
	srunner_add_suite(sr, xlat_suite_rls());
	srunner_add_suite(sr, xlat_suite_indexdef());
	srunner_add_suite(sr, xlat_suite_trigger());
	srunner_add_suite(sr, xlat_suite_updview());
	srunner_add_suite(sr, xlat_suite_ddl());
	srunner_add_suite(sr, xlat_suite_misc());
	srunner_add_suite(sr, xlat_suite_semantics());
	srunner_add_suite(sr, xlat_suite_cache());
	srunner_add_suite(sr, xlat_suite_copy());
	srunner_add_suite(sr, xlat_suite_schema());
	srunner_add_suite(sr, xlat_suite_fnlib());
	srunner_add_suite(sr, xlat_suite_infer());
	srunner_add_suite(sr, xlat_suite_modcte());
	srunner_add_suite(sr, xlat_suite_merge());
	srunner_add_suite(sr, xlat_suite_group());
	srunner_add_suite(sr, xlat_suite_enum());
	srunner_add_suite(sr, xlat_suite_domain());
	srunner_add_suite(sr, xlat_suite_bind());
	srunner_add_suite(sr, xlat_suite_rowlock());
	srunner_add_suite(sr, xlat_suite_alter());
	srunner_add_suite(sr, xlat_suite_plpgsql());
	srunner_add_suite(sr, xlat_suite_database());
	return check_run_runner(sr);
}
