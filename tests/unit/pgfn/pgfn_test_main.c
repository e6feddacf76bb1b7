/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test_main.c: runs the pgfn unit suites, and the evaluation helper they share. */
#include "pgfn_test.h"

#include <stdio.h>
#include "../../check_run.h"

const char *pgfn_test_eval(const char *expr)
{
	static char out[4096];
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	ck_assert_ptr_nonnull(pgfn_register(db));
	char sql[2048];
	snprintf(sql, sizeof(sql), "SELECT %s", expr);
	sqlite3_stmt *vm = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(vm);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(vm, 0);
		snprintf(out, sizeof(out), "%s", t ? (const char *)t : "NULL");
	} else {
		char state[6] = "?????";
		const char *text = sqlite3_errmsg(db);
		pgfn_error_split(sqlite3_errmsg(db), state, &text);
		snprintf(out, sizeof(out), "ERROR %s: %s", state, text);
	}
	sqlite3_finalize(vm);
	sqlite3_close(db);
	return out;
}

int main(void)
{
	SRunner *sr = srunner_create(pgfn_test_math_suite());
	srunner_add_suite(sr, pgfn_test_string_suite());
	srunner_add_suite(sr, pgfn_test_json_suite());
	srunner_add_suite(sr, pgfn_test_jsonpath_suite());
	srunner_add_suite(sr, pgfn_test_datetime_suite());
	srunner_add_suite(sr, pgfn_test_array_suite());
	srunner_add_suite(sr, pgfn_test_cast_suite());
	srunner_add_suite(sr, pgfn_test_numstore_suite());
	srunner_add_suite(sr, pgfn_test_srf_suite());
	srunner_add_suite(sr, pgfn_test_numeric_suite());
	srunner_add_suite(sr, pgfn_test_enum_suite());
	srunner_add_suite(sr, pgfn_test_record_suite());
	srunner_add_suite(sr, pgfn_test_uuid_suite());
	srunner_add_suite(sr, pgfn_test_tsearch_suite());
	srunner_add_suite(sr, pgfn_test_syscol_suite());
	srunner_add_suite(sr, pgfn_test_notify_suite());
	srunner_add_suite(sr, pgfn_test_call_suite());
	srunner_add_suite(sr, pgfn_test_useragg_suite());
	srunner_add_suite(sr, pgfn_test_like_suite());
	srunner_add_suite(sr, pgfn_test_tablesample_suite());
	srunner_add_suite(sr, pgfn_test_parthash_suite());
	return check_run_runner(sr);
}
