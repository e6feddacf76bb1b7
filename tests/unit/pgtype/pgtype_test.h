/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_test.h: shared helpers of the pgtype unit suites — value builders and a check that
 * an encoder's output equals an expected string byte for byte. Expected outputs were taken
 * from a real PostgreSQL 15.18 server. */
#ifndef SHARDLITE_PGTYPE_TEST_H
#define SHARDLITE_PGTYPE_TEST_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "pgtype.h"

static inline struct pgtype_value pgtype_test_int(int64_t i)
{
	return (struct pgtype_value){.kind = PGTYPE_V_INT, .i = i};
}

static inline struct pgtype_value pgtype_test_float(double f)
{
	return (struct pgtype_value){.kind = PGTYPE_V_FLOAT, .f = f};
}

static inline struct pgtype_value pgtype_test_text(const char *s)
{
	return (struct pgtype_value){.kind = PGTYPE_V_TEXT, .p = s, .n = strlen(s)};
}

static inline struct pgtype_value pgtype_test_blob(const void *p, size_t n)
{
	return (struct pgtype_value){.kind = PGTYPE_V_BLOB, .p = p, .n = n};
}

/* Checks sb holds exactly the NUL-terminated string want (and did not fail). */
#define ck_assert_sb_str(sb, want)                                                              \
	do {                                                                                    \
		ck_assert(!(sb)->failed);                                                       \
		ck_assert_msg((sb)->len == strlen(want) &&                                      \
				      memcmp((sb)->data, (want), (sb)->len) == 0,               \
			      "got \"%.*s\", want \"%s\"", (int)(sb)->len, (sb)->data, (want)); \
	} while (0)

Suite *pgtype_test_table_suite(void);
Suite *pgtype_test_float_suite(void);
Suite *pgtype_test_text_suite(void);
Suite *pgtype_test_input_suite(void);
Suite *pgtype_test_binary_suite(void);
Suite *pgtype_test_datetime_suite(void);
Suite *pgtype_test_fmt_suite(void);
Suite *pgtype_test_net_suite(void);
Suite *pgtype_test_bit_suite(void);
Suite *pgtype_test_money_suite(void);
Suite *pgtype_test_range_suite(void);
Suite *pgtype_test_record_suite(void);
Suite *pgtype_test_tsearch_suite(void);
Suite *pgtype_test_like_suite(void);

#endif
