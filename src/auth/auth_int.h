/* SPDX-License-Identifier: Apache-2.0 */
/* auth_int.h: what the files of the auth module share — base64 and the SHA-256/HMAC
 * primitives of SCRAM. Not part of the public API. */
#ifndef SHARDLITE_AUTH_INT_H
#define SHARDLITE_AUTH_INT_H

#include "auth.h"

/* Standard base64 with padding. encode appends to sb. decode is strict (no blanks, correct
 * padding); false when src is not base64 or the result would exceed cap. */
void auth_b64_encode(struct strbuf *sb, const uint8_t *src, size_t n);
bool auth_b64_decode(const char *src, size_t n, uint8_t *out, size_t cap, size_t *outlen);

void auth_sha256(const void *data, size_t n, uint8_t out[AUTH_KEY_LEN]);
void auth_hmac(const uint8_t *key, size_t keylen, const void *data, size_t n,
	       uint8_t out[AUTH_KEY_LEN]);
/* SaltedPassword → ClientKey's hash (StoredKey) and ServerKey. */
void auth_scram_keys(const char *password, const uint8_t *salt, size_t salt_len, int iterations,
		     uint8_t stored_key[AUTH_KEY_LEN], uint8_t server_key[AUTH_KEY_LEN]);

#endif
