/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_test.h: the pgfn unit suites and their shared helper, which runs one SQL expression on
 * an in-memory connection with every pgfn function registered. */
#ifndef SHARDLITE_PGFN_TEST_H
#define SHARDLITE_PGFN_TEST_H

#include "pgfn.h"

#include <check.h>
#include <stdlib.h>

/* Evaluates "SELECT <expr>" and returns its first column as text ("NULL" for NULL), or, when
 * it fails, "ERROR SSSSS: text" with the SQLSTATE pgfn_error_split finds (or "?????"). The
 * result lives until the next call. */
const char *pgfn_test_eval(const char *expr);

Suite *pgfn_test_math_suite(void);
Suite *pgfn_test_string_suite(void);
Suite *pgfn_test_json_suite(void);
Suite *pgfn_test_datetime_suite(void);
Suite *pgfn_test_array_suite(void);
Suite *pgfn_test_cast_suite(void);
Suite *pgfn_test_numstore_suite(void);
Suite *pgfn_test_srf_suite(void);
Suite *pgfn_test_numeric_suite(void);
Suite *pgfn_test_enum_suite(void);
Suite *pgfn_test_record_suite(void);
Suite *pgfn_test_uuid_suite(void);
Suite *pgfn_test_tsearch_suite(void);
Suite *pgfn_test_syscol_suite(void);
Suite *pgfn_test_notify_suite(void);
Suite *pgfn_test_call_suite(void);
Suite *pgfn_test_jsonpath_suite(void);
Suite *pgfn_test_useragg_suite(void);
Suite *pgfn_test_like_suite(void);
Suite *pgfn_test_tablesample_suite(void);
Suite *pgfn_test_parthash_suite(void);

#endif
