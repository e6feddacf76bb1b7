/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_auth_scram.c: libFuzzer driver for the SCRAM server exchange, the parser of the first
 * bytes an unauthenticated client controls. Input: a flags byte (bit 0: on TLS with a
 * certificate hash, bit 1: SCRAM-SHA-256-PLUS, bit 2: mock secret), then client-first-message,
 * a NUL, client-final-message. Checks: err is set exactly when a step fails, failures are
 * FATAL 28P01/28000/08P01, the server-first-message echoes the client nonce, and a mock
 * secret never authenticates. The SASLInitialResponse decoder gets the raw bytes too. */
#include "auth.h"
#include "pgw.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(e) ((e) ? (void)0 : abort())

static void check_err(enum auth_step st, const struct pgerr *err)
{
	if (st == AUTH_STEP_CONTINUE || st == AUTH_STEP_OK) {
		CHECK(!pgerr_is_set(err));
		return;
	}
	CHECK(err->severity == PGERR_FATAL);
	CHECK(strcmp(err->sqlstate, "28P01") == 0 || strcmp(err->sqlstate, "28000") == 0 ||
	      strcmp(err->sqlstate, "08P01") == 0);
	CHECK((st == AUTH_STEP_BAD) == (strcmp(err->sqlstate, "08P01") == 0));
}

static void sasl_initial(const uint8_t *data, size_t size)
{
	struct pgw_msg m = {.type = 'p', .body = data, .len = size};
	struct pgw_sasl_initial in;
	struct pgerr err;
	pgerr_clear(&err);
	if (pgw_fe_sasl_initial(&m, &in, &err)) {
		CHECK(!pgerr_is_set(&err));
		CHECK(in.data + in.len == data + size);
		CHECK(in.mechanism == (const char *)data);
	} else {
		CHECK(strcmp(err.sqlstate, "08P01") == 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t cb[32] = {0xc0, 0xff, 0xee};
	static const uint8_t server_secret[AUTH_SERVER_SECRET_LEN] = {42};
	if (size < 1)
		return 0;
	sasl_initial(data, size);
	uint8_t flags = data[0];
	const uint8_t *first = data + 1, *nul = memchr(first, 0, size - 1);
	size_t first_len = nul ? (size_t)(nul - first) : size - 1;
	const uint8_t *final = nul ? nul + 1 : NULL;
	size_t final_len = nul ? size - 1 - first_len - 1 : 0;

	struct auth_secret secret;
	bool mock = flags & 4;
	if (mock || !auth_secret_parse("SCRAM-SHA-256$16:Y92tGncp88C/ycZdHA60xA==$"
				       "2ysasvaozs9wiZ7jsynBK2UgPquCQr1VDswDMD9sC9Q=:"
				       "fleZbJDQt4WGdqH5kJI652hBSWQ1Rz0qCzm4h5ShLCo=",
				       &secret))
		auth_mock_secret(server_secret, "fuzz", &secret);
	struct auth_scram *sc = auth_scram_new(&secret, mock, "fuzz", (flags & 1) ? cb : NULL,
					       (flags & 1) ? 32 : 0);
	struct strbuf out;
	struct pgerr err;
	strbuf_init(&out, 0);
	pgerr_clear(&err);
	const char *mech = (flags & 2) ? AUTH_MECH_SCRAM_PLUS : AUTH_MECH_SCRAM;
	enum auth_step st = auth_scram_first(sc, mech, first, first_len, &out, &err);
	check_err(st, &err);
	if (st == AUTH_STEP_CONTINUE && final) {
		CHECK(out.len > 2 && memcmp(out.data, "r=", 2) == 0);
		strbuf_reset(&out);
		st = auth_scram_final(sc, final, final_len, &out, &err);
		check_err(st, &err);
		CHECK(st != AUTH_STEP_CONTINUE);
		CHECK(!(mock && st == AUTH_STEP_OK));
	}
	strbuf_fini(&out);
	auth_scram_free(sc);
	return 0;
}
