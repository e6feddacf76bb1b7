/* SPDX-License-Identifier: Apache-2.0 */
/* auth_secret.c: password secrets — PostgreSQL's SCRAM-SHA-256 and md5 stored forms, making
 * and parsing them, the mock secret of unknown users, the cleartext and md5 checks — and the
 * base64 and SHA-256/HMAC helpers SCRAM is built from (OpenSSL underneath). */
#include "auth_int.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCRAM_PREFIX "SCRAM-SHA-256$"
#define NEW_SALT_LEN 16

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void auth_b64_encode(struct strbuf *sb, const uint8_t *src, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)src[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)src[i + 1] << 8;
		if (i + 2 < n)
			v |= src[i + 2];
		strbuf_putc(sb, b64chars[v >> 18 & 63]);
		strbuf_putc(sb, b64chars[v >> 12 & 63]);
		strbuf_putc(sb, i + 1 < n ? b64chars[v >> 6 & 63] : '=');
		strbuf_putc(sb, i + 2 < n ? b64chars[v & 63] : '=');
	}
}

static int b64_value(char c)
{
	const char *p = c ? strchr(b64chars, c) : NULL;
	return p ? (int)(p - b64chars) : -1;
}

bool auth_b64_decode(const char *src, size_t n, uint8_t *out, size_t cap, size_t *outlen)
{
	if (n % 4 != 0)
		return false;
	size_t len = 0;
	for (size_t i = 0; i < n; i += 4) {
		int v[4];
		size_t pad = 0;
		for (size_t j = 0; j < 4; j++) {
			bool last = i + 4 == n;
			if (last && src[i + j] == '=' && j >= 2 && (j == 3 || src[i + 3] == '=')) {
				v[j] = 0;
				pad++;
			} else if ((v[j] = b64_value(src[i + j])) < 0) {
				return false;
			}
		}
		uint32_t w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 |
			     (uint32_t)v[3];
		if (len + 3 - pad > cap)
			return false;
		out[len++] = (uint8_t)(w >> 16);
		if (pad < 2)
			out[len++] = (uint8_t)(w >> 8);
		if (pad < 1)
			out[len++] = (uint8_t)w;
	}
	*outlen = len;
	return true;
}

void auth_sha256(const void *data, size_t n, uint8_t out[AUTH_KEY_LEN]) { SHA256(data, n, out); }

void auth_hmac(const uint8_t *key, size_t keylen, const void *data, size_t n,
	       uint8_t out[AUTH_KEY_LEN])
{
	unsigned int len = AUTH_KEY_LEN;
	HMAC(EVP_sha256(), key, (int)keylen, data, n, out, &len);
}

/* Passwords are used as their bytes. For ASCII this is what SASLprep yields; non-ASCII
 * passwords that NFKC normalisation would change are a documented gap (docs/security.md). */
void auth_scram_keys(const char *password, const uint8_t *salt, size_t salt_len, int iterations,
		     uint8_t stored_key[AUTH_KEY_LEN], uint8_t server_key[AUTH_KEY_LEN])
{
	uint8_t salted[AUTH_KEY_LEN], client_key[AUTH_KEY_LEN];
	PKCS5_PBKDF2_HMAC(password, (int)strlen(password), salt, (int)salt_len, iterations,
			  EVP_sha256(), AUTH_KEY_LEN, salted);
	auth_hmac(salted, sizeof(salted), "Client Key", 10, client_key);
	auth_sha256(client_key, sizeof(client_key), stored_key);
	auth_hmac(salted, sizeof(salted), "Server Key", 10, server_key);
	OPENSSL_cleanse(salted, sizeof(salted));
	OPENSSL_cleanse(client_key, sizeof(client_key));
}

static bool decode_key(const char *s, size_t n, uint8_t out[AUTH_KEY_LEN])
{
	size_t len;
	return auth_b64_decode(s, n, out, AUTH_KEY_LEN, &len) && len == AUTH_KEY_LEN;
}

static bool parse_scram(const char *t, struct auth_secret *out)
{
	char *end;
	long iter = strtol(t, &end, 10);
	if (end == t || *end != ':' || iter < 1 || iter > 100000000)
		return false;
	const char *salt = end + 1, *dollar = strchr(salt, '$');
	const char *colon = dollar ? strchr(dollar, ':') : NULL;
	if (!dollar || !colon)
		return false;
	out->kind = AUTH_SECRET_SCRAM;
	out->iterations = (int)iter;
	return auth_b64_decode(salt, (size_t)(dollar - salt), out->salt, AUTH_SALT_MAX,
			       &out->salt_len) &&
	       out->salt_len > 0 &&
	       decode_key(dollar + 1, (size_t)(colon - dollar - 1), out->stored_key) &&
	       decode_key(colon + 1, strlen(colon + 1), out->server_key);
}

bool auth_secret_parse(const char *text, struct auth_secret *out)
{
	memset(out, 0, sizeof(*out));
	if (strncmp(text, SCRAM_PREFIX, strlen(SCRAM_PREFIX)) == 0)
		return parse_scram(text + strlen(SCRAM_PREFIX), out);
	if (strncmp(text, "md5", 3) != 0 || strlen(text) != 35 ||
	    strspn(text + 3, "0123456789abcdef") != 32)
		return false;
	out->kind = AUTH_SECRET_MD5;
	memcpy(out->md5, text, 36);
	return true;
}

char *auth_scram_secret_new(const char *password, int iterations)
{
	uint8_t salt[NEW_SALT_LEN], stored[AUTH_KEY_LEN], server[AUTH_KEY_LEN];
	if (RAND_bytes(salt, sizeof(salt)) != 1)
		return NULL;
	auth_scram_keys(password, salt, sizeof(salt), iterations, stored, server);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_printf(&sb, SCRAM_PREFIX "%d:", iterations);
	auth_b64_encode(&sb, salt, sizeof(salt));
	strbuf_putc(&sb, '$');
	auth_b64_encode(&sb, stored, sizeof(stored));
	strbuf_putc(&sb, ':');
	auth_b64_encode(&sb, server, sizeof(server));
	return strbuf_take(&sb);
}

void auth_mock_secret(const uint8_t server_secret[AUTH_SERVER_SECRET_LEN], const char *user,
		      struct auth_secret *out)
{
	uint8_t h[AUTH_KEY_LEN];
	memset(out, 0, sizeof(*out));
	auth_hmac(server_secret, AUTH_SERVER_SECRET_LEN, user, strlen(user), h);
	out->kind = AUTH_SECRET_SCRAM;
	out->iterations = AUTH_SCRAM_ITERATIONS;
	out->salt_len = NEW_SALT_LEN;
	memcpy(out->salt, h, NEW_SALT_LEN);
	auth_hmac(server_secret, AUTH_SERVER_SECRET_LEN, "stored", 6, out->stored_key);
	auth_hmac(server_secret, AUTH_SERVER_SECRET_LEN, "server", 6, out->server_key);
}

static void md5_hex(const void *data, size_t n, char out[33])
{
	uint8_t d[16];
	unsigned int len = sizeof(d);
	EVP_Digest(data, n, d, &len, EVP_md5(), NULL);
	for (size_t i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void auth_md5_secret(const char *user, const char *password, char out[36])
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, password);
	strbuf_puts(&sb, user);
	memcpy(out, "md5", 3);
	md5_hex(sb.data, sb.len, out + 3);
	OPENSSL_cleanse(sb.data, sb.len);
	strbuf_fini(&sb);
}

bool auth_md5_check(const struct auth_secret *s, const uint8_t salt[4], const char *response)
{
	/* A SCRAM secret cannot answer an md5 challenge; hash anyway so the time is the same. */
	uint8_t buf[36];
	memcpy(buf, s->kind == AUTH_SECRET_MD5 ? s->md5 + 3 : "00000000000000000000000000000000",
	       32);
	memcpy(buf + 32, salt, 4);
	char expect[36] = "md5";
	md5_hex(buf, sizeof(buf), expect + 3);
	return s->kind == AUTH_SECRET_MD5 && strlen(response) == 35 &&
	       CRYPTO_memcmp(expect, response, 35) == 0;
}

bool auth_password_check(const struct auth_secret *s, const char *user, const char *password)
{
	if (s->kind == AUTH_SECRET_MD5) {
		char md5[36];
		auth_md5_secret(user, password, md5);
		return CRYPTO_memcmp(md5, s->md5, 35) == 0;
	}
	uint8_t stored[AUTH_KEY_LEN], server[AUTH_KEY_LEN];
	auth_scram_keys(password, s->salt, s->salt_len, s->iterations, stored, server);
	return CRYPTO_memcmp(stored, s->stored_key, AUTH_KEY_LEN) == 0 &&
	       CRYPTO_memcmp(server, s->server_key, AUTH_KEY_LEN) == 0;
}
