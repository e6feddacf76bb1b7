/* SPDX-License-Identifier: Apache-2.0 */
/* pgw_test_auth.c: the authentication messages — Authentication requests byte for byte, and
 * the 'p' bodies (PasswordMessage, SASLInitialResponse, SASLResponse), valid and malformed. */
#include "pgw_test.h"

static struct strbuf sb;

static void setup(void) { strbuf_init(&sb, 0); }
static void teardown(void) { strbuf_fini(&sb); }

START_TEST(requests)
{
	pgw_be_auth_cleartext(&sb);
	ck_assert_sb_bytes(&sb, "R\0\0\0\x08" "\0\0\0\x03");
	strbuf_reset(&sb);
	const uint8_t salt[4] = {0xde, 0xad, 0xbe, 0xef};
	pgw_be_auth_md5(&sb, salt);
	ck_assert_sb_bytes(&sb, "R\0\0\0\x0c" "\0\0\0\x05" "\xde\xad\xbe\xef");
	strbuf_reset(&sb);
	const char *const mechs[] = {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"};
	pgw_be_auth_sasl(&sb, 2, mechs);
	ck_assert_sb_bytes(&sb, "R\0\0\0\x2a" "\0\0\0\x0a" "SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0");
	strbuf_reset(&sb);
	pgw_be_auth_sasl_continue(&sb, "r=ab", 4);
	ck_assert_sb_bytes(&sb, "R\0\0\0\x0c" "\0\0\0\x0b" "r=ab");
	strbuf_reset(&sb);
	pgw_be_auth_sasl_final(&sb, "v=xy", 4);
	ck_assert_sb_bytes(&sb, "R\0\0\0\x0c" "\0\0\0\x0c" "v=xy");
}
END_TEST

START_TEST(password_message)
{
	struct pgw_msg m = MSG('p', "secret\0");
	struct pgw_password pw;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(pgw_fe_password(&m, &pw, &err));
	ck_assert_str_eq(pw.password, "secret");
	struct pgw_msg bad[] = {MSG('p', ""), MSG('p', "secret"), MSG('p', "a\0b\0")};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		ck_assert(!pgw_fe_password(&bad[i], &pw, &err));
		ck_assert_protocol_error(&err, "invalid password packet");
	}
}
END_TEST

START_TEST(sasl_initial_response)
{
	struct pgw_msg m = MSG('p', "SCRAM-SHA-256\0\0\0\0\x05n,,ab");
	struct pgw_sasl_initial in;
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert(pgw_fe_sasl_initial(&m, &in, &err));
	ck_assert_str_eq(in.mechanism, "SCRAM-SHA-256");
	ck_assert(in.has_data);
	ck_assert_uint_eq(in.len, 5);
	ck_assert(memcmp(in.data, "n,,ab", 5) == 0);
	struct pgw_msg none = MSG('p', "X\0\xff\xff\xff\xff");
	ck_assert(pgw_fe_sasl_initial(&none, &in, &err));
	ck_assert(!in.has_data);
	ck_assert_uint_eq(in.len, 0);
	struct pgw_msg bad[] = {
	    MSG('p', "SCRAM-SHA-256"),                /* no terminator */
	    MSG('p', "SCRAM-SHA-256\0\0\0"),          /* short length word */
	    MSG('p', "SCRAM-SHA-256\0\0\0\0\x06n,,ab"), /* length overruns */
	    MSG('p', "SCRAM-SHA-256\0\0\0\0\x04n,,ab"), /* trailing byte */
	    MSG('p', "SCRAM-SHA-256\0\xff\xff\xff\xfe"), /* negative, not -1 */
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		ck_assert_msg(!pgw_fe_sasl_initial(&bad[i], &in, &err), "case %zu", i);
		ck_assert_protocol_error(&err, "invalid SASLInitialResponse");
	}
	struct pgw_msg resp = MSG('p', "c=biws,r=x,p=y");
	struct pgw_sasl_response r;
	pgw_fe_sasl_response(&resp, &r);
	ck_assert_uint_eq(r.len, 14);
}
END_TEST

Suite *pgw_test_auth_suite(void)
{
	Suite *s = suite_create("pgw_auth");
	TCase *tc = tcase_create("auth");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, requests);
	tcase_add_test(tc, password_message);
	tcase_add_test(tc, sasl_initial_response);
	suite_add_tcase(s, tc);
	return s;
}
