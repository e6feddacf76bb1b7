/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_test.h: shared helpers of the pgw unit tests — byte builders over strbuf, exact-size
 * heap copies (so ASan catches any read past the input) and error assertions. */
#ifndef SHARDLITE_PGW_TEST_H
#define SHARDLITE_PGW_TEST_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "pgw.h"

/* A string literal as (pointer, length), embedded NULs included. */
#define LIT(s) (const uint8_t *)(s), (sizeof(s) - 1)

/* A struct pgw_msg initializer over a string literal body. */
#define MSG(t, s) {.type = (t), .body = (const uint8_t *)(s), .len = sizeof(s) - 1}

/* A heap copy of exactly n bytes (malloc(0) avoided), for the caller to free. */
static inline uint8_t *pgw_test_dup(const void *p, size_t n)
{
	uint8_t *d = malloc(n ? n : 1);
	ck_assert_ptr_nonnull(d);
	if (n)
		memcpy(d, p, n);
	return d;
}

/* Checks err holds FATAL 08P01 and that its message contains want. */
#define ck_assert_protocol_error(err, want)                                                     \
	do {                                                                                   \
		ck_assert_str_eq((err)->sqlstate, SQLSTATE_PROTOCOL_VIOLATION);                \
		ck_assert_int_eq((err)->severity, PGERR_FATAL);                                \
		ck_assert_msg(strstr((err)->message, (want)) != NULL,                          \
			      "message \"%s\" lacks \"%s\"", (err)->message, (want));          \
	} while (0)

/* Checks the strbuf holds exactly the literal's bytes. */
#define ck_assert_sb_bytes(sb, lit)                                                             \
	do {                                                                                   \
		ck_assert(!(sb)->failed);                                                      \
		ck_assert_uint_eq((sb)->len, sizeof(lit) - 1);                                 \
		ck_assert_mem_eq((sb)->data, (lit), sizeof(lit) - 1);                          \
	} while (0)

/* Runs the decoder for type ('Q', 'P', 'B', 'D', 'C', 'E') on an exact-size copy of body;
 * checks err is set exactly when it fails. Views in the result die with the copy. */
bool pgw_test_decode(uint8_t type, const void *body, size_t n, struct arena *a,
		     struct pgerr *err);
/* Checks body decodes, every proper prefix fails with FATAL 08P01, and one trailing byte
 * fails with "invalid message format". */
void pgw_test_check_body(uint8_t type, const void *body, size_t n, struct arena *a);

Suite *pgw_test_startup_suite(void);
Suite *pgw_test_fe_suite(void);
Suite *pgw_test_bind_suite(void);
Suite *pgw_test_be_suite(void);
Suite *pgw_test_auth_suite(void);

#endif
