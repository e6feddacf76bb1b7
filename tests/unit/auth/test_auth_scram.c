/* SPDX-License-Identifier: Apache-2.0 */
/* test_auth_scram.c: the SCRAM-SHA-256 server exchange against a client written here from
 * RFC 5802 (libpq is the other client, in the integration tests): success, wrong password,
 * mock secret, channel binding (-PLUS, 'y' downgrade), malformed messages. */
#include "test_auth.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>

static const uint8_t cert_hash[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9};

static void b64(const uint8_t *p, size_t n, char *out)
{
	EVP_EncodeBlock((unsigned char *)out, p, (int)n);
}

static size_t unb64(const char *s, size_t n, uint8_t *out)
{
	int len = EVP_DecodeBlock(out, (const unsigned char *)s, (int)n);
	ck_assert_int_ge(len, 0);
	return (size_t)len - (n >= 1 && s[n - 1] == '=') - (n >= 2 && s[n - 2] == '=');
}

/* Builds the client-final-message for server_first. gs2 is the gs2 header sent; cb the
 * channel-binding data appended to it in c= (or NULL). */
static void client_final(const char *password, const char *bare, const char *server_first,
			 const char *gs2, const uint8_t *cb, size_t cblen, char *out, size_t outlen)
{
	char nonce[256], salt_b64[128], cbind[256], cbind_b64[400];
	int iter = 0;
	ck_assert_int_eq(sscanf(server_first, "r=%255[^,],s=%127[^,],i=%d", nonce, salt_b64, &iter),
			 3);
	uint8_t salt[64], salted[32], ckey[32], stored[32], sig[32], proof[32];
	size_t slen = unb64(salt_b64, strlen(salt_b64), salt);
	PKCS5_PBKDF2_HMAC(password, (int)strlen(password), salt, (int)slen, iter, EVP_sha256(), 32,
			  salted);
	unsigned len = 32;
	HMAC(EVP_sha256(), salted, 32, (const unsigned char *)"Client Key", 10, ckey, &len);
	SHA256(ckey, 32, stored);
	size_t glen = strlen(gs2);
	memcpy(cbind, gs2, glen);
	if (cb)
		memcpy(cbind + glen, cb, cblen);
	b64((const uint8_t *)cbind, glen + (cb ? cblen : 0), cbind_b64);
	char without[1024], am[2048];
	snprintf(without, sizeof(without), "c=%s,r=%s", cbind_b64, nonce);
	snprintf(am, sizeof(am), "%s,%s,%s", bare, server_first, without);
	HMAC(EVP_sha256(), stored, 32, (const unsigned char *)am, strlen(am), sig, &len);
	for (int i = 0; i < 32; i++)
		proof[i] = ckey[i] ^ sig[i];
	char proof_b64[64];
	b64(proof, 32, proof_b64);
	snprintf(out, outlen, "%s,p=%s", without, proof_b64);
}

struct run {
	enum auth_step first, final;
	struct pgerr err;
	char server_final[128];
};

/* One whole exchange: secret from password "pencil"; the client uses `password`. */
static struct run exchange(const char *password, bool doomed, bool tls, const char *mech,
			   const char *gs2, bool send_cb)
{
	struct run r = {0};
	struct auth_secret s;
	char *text = auth_scram_secret_new("pencil", 4096);
	ck_assert(auth_secret_parse(text, &s));
	free(text);
	struct auth_scram *sc =
		auth_scram_new(&s, doomed, "alice", tls ? cert_hash : NULL, tls ? 32 : 0);
	char first[256], final[4096];
	const char *bare = "n=,r=rOprNGfwEbeRWgbNEkqO";
	snprintf(first, sizeof(first), "%s%s", gs2, bare);
	struct strbuf out;
	strbuf_init(&out, 0);
	r.first = auth_scram_first(sc, mech, (const uint8_t *)first, strlen(first), &out, &r.err);
	if (r.first == AUTH_STEP_CONTINUE) {
		ck_assert(strncmp(out.data, "r=rOprNGfwEbeRWgbNEkqO", 22) == 0);
		client_final(password, bare, out.data, gs2, send_cb ? cert_hash : NULL, 32, final,
			     sizeof(final));
		strbuf_reset(&out);
		r.final =
			auth_scram_final(sc, (const uint8_t *) final, strlen(final), &out, &r.err);
		snprintf(r.server_final, sizeof(r.server_final), "%s", out.data ? out.data : "");
	}
	strbuf_fini(&out);
	auth_scram_free(sc);
	return r;
}

START_TEST(right_password)
{
	struct run r = exchange("pencil", false, false, AUTH_MECH_SCRAM, "n,,", false);
	ck_assert_int_eq(r.first, AUTH_STEP_CONTINUE);
	ck_assert_int_eq(r.final, AUTH_STEP_OK);
	ck_assert(strncmp(r.server_final, "v=", 2) == 0);
	/* 'y' without TLS: the client could bind, the server cannot; fine. */
	r = exchange("pencil", false, false, AUTH_MECH_SCRAM, "y,,", false);
	ck_assert_int_eq(r.final, AUTH_STEP_OK);
}
END_TEST

START_TEST(wrong_password_and_mock_fail_alike)
{
	struct run r = exchange("pencils", false, false, AUTH_MECH_SCRAM, "n,,", false);
	ck_assert_int_eq(r.final, AUTH_STEP_FAIL);
	ck_assert_str_eq(r.err.sqlstate, "28P01");
	char wrong[PGERR_MSG_MAX];
	snprintf(wrong, sizeof(wrong), "%s", r.err.message);
	r = exchange("pencil", true, false, AUTH_MECH_SCRAM, "n,,", false);
	ck_assert_int_eq(r.final, AUTH_STEP_FAIL);
	ck_assert_str_eq(r.err.sqlstate, "28P01");
	ck_assert_str_eq(r.err.message, wrong);
}
END_TEST

START_TEST(channel_binding)
{
	struct run r = exchange("pencil", false, true, AUTH_MECH_SCRAM_PLUS,
				"p=tls-server-end-point,,", true);
	ck_assert_int_eq(r.final, AUTH_STEP_OK);
	/* The client bound to another certificate (a man in the middle): refused. */
	r = exchange("pencil", false, true, AUTH_MECH_SCRAM_PLUS, "p=tls-server-end-point,,",
		     false);
	ck_assert_int_eq(r.final, AUTH_STEP_BAD);
	ck_assert_str_eq(r.err.sqlstate, "08P01");
	/* 'y' on TLS: someone stripped -PLUS from the offer. */
	r = exchange("pencil", false, true, AUTH_MECH_SCRAM, "y,,", false);
	ck_assert_int_eq(r.first, AUTH_STEP_FAIL);
	ck_assert_str_eq(r.err.sqlstate, "28000");
	/* -PLUS was never offered without TLS. */
	r = exchange("pencil", false, false, AUTH_MECH_SCRAM_PLUS, "p=tls-server-end-point,,",
		     false);
	ck_assert_int_eq(r.first, AUTH_STEP_BAD);
	r = exchange("pencil", false, true, AUTH_MECH_SCRAM_PLUS, "p=tls-unique,,", false);
	ck_assert_int_eq(r.first, AUTH_STEP_BAD);
	r = exchange("pencil", false, true, AUTH_MECH_SCRAM, "p=tls-server-end-point,,", false);
	ck_assert_int_eq(r.first, AUTH_STEP_BAD);
	r = exchange("pencil", false, true, "PLAIN", "n,,", false);
	ck_assert_int_eq(r.first, AUTH_STEP_BAD);
}
END_TEST

static enum auth_step first_of(const char *msg)
{
	struct auth_secret s;
	uint8_t key[AUTH_SERVER_SECRET_LEN] = {0};
	auth_mock_secret(key, "alice", &s);
	struct auth_scram *sc = auth_scram_new(&s, false, "alice", NULL, 0);
	struct strbuf out;
	struct pgerr err;
	strbuf_init(&out, 0);
	enum auth_step st = auth_scram_first(sc, AUTH_MECH_SCRAM, (const uint8_t *)msg, strlen(msg),
					     &out, &err);
	strbuf_fini(&out);
	auth_scram_free(sc);
	return st;
}

START_TEST(malformed_first_messages)
{
	static const char *const bad[] = {
		"",           "n",        "n,",    "x,,n=,r=abc",       "n,a=bob,n=,r=abc",
		"n,,r=abc",   "n,,n=,r=", "n,,n=", "n,,m=ext,n=,r=abc", "n,,n=,r=a b",
		"p=,,n=,r=a",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(first_of(bad[i]) == AUTH_STEP_BAD, "%s", bad[i]);
	ck_assert_int_eq(first_of("n,,n=alice,r=abc,x=ext"), AUTH_STEP_CONTINUE);
	struct auth_secret s;
	uint8_t key[AUTH_SERVER_SECRET_LEN] = {0};
	auth_mock_secret(key, "alice", &s);
	struct auth_scram *sc = auth_scram_new(&s, false, "alice", NULL, 0);
	struct strbuf out;
	struct pgerr err;
	strbuf_init(&out, 0);
	const uint8_t nul[] = {'n', ',', ',', 'n', '=', 0, ',', 'r', '=', 'a'};
	ck_assert_int_eq(auth_scram_first(sc, AUTH_MECH_SCRAM, nul, sizeof(nul), &out, &err),
			 AUTH_STEP_BAD);
	strbuf_fini(&out);
	auth_scram_free(sc);
}
END_TEST

START_TEST(malformed_final_messages)
{
	static const char *const bad[] = {
		"c=biws,r=abc",         "c=biws,p=AAAA",   "r=abc,c=biws,p=AAAA",
		"c=biws,r=abc,p=A,p=B", "c=!!,r=x,p=AAAA", "c=eSws,r=x,p=AAAA",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct auth_secret s;
		uint8_t key[AUTH_SERVER_SECRET_LEN] = {0};
		auth_mock_secret(key, "alice", &s);
		struct auth_scram *sc = auth_scram_new(&s, false, "alice", NULL, 0);
		struct strbuf out;
		struct pgerr err;
		strbuf_init(&out, 0);
		const char *first = "n,,n=,r=abc";
		ck_assert_int_eq(auth_scram_first(sc, AUTH_MECH_SCRAM, (const uint8_t *)first,
						  strlen(first), &out, &err),
				 AUTH_STEP_CONTINUE);
		ck_assert_msg(auth_scram_final(sc, (const uint8_t *)bad[i], strlen(bad[i]), &out,
					       &err) == AUTH_STEP_BAD,
			      "%s", bad[i]);
		ck_assert_str_eq(err.sqlstate, "08P01");
		strbuf_fini(&out);
		auth_scram_free(sc);
	}
}
END_TEST

TCase *auth_scram_tcase(void)
{
	TCase *tc = tcase_create("scram");
	tcase_add_test(tc, right_password);
	tcase_add_test(tc, wrong_password_and_mock_fail_alike);
	tcase_add_test(tc, channel_binding);
	tcase_add_test(tc, malformed_first_messages);
	tcase_add_test(tc, malformed_final_messages);
	return tc;
}
