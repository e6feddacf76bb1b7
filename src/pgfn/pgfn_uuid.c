/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_uuid.c: the functions of PostgreSQL's uuid-ossp extension that need computing —
 * uuid_generate_v1 and v1mc (time-based), v3 (MD5) and v5 (SHA-1, both through libcrypto)
 * of a namespace and a name. uuid values are SQLite text, lower-case hex with dashes, as the
 * translator stores them; v4 and the namespace constants are translated inline (xlat_func.c). */
#include "pgfn_int.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <string.h>
#include <time.h>

static const char hexdig[] = "0123456789abcdef";

static void result_uuid(sqlite3_context *ctx, const unsigned char u[16])
{
	char out[36];
	size_t k = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[k++] = '-';
		out[k++] = hexdig[u[i] >> 4];
		out[k++] = hexdig[u[i] & 15];
	}
	sqlite3_result_text(ctx, out, 36, SQLITE_TRANSIENT);
}

/* 32 hex digits, a dash allowed after any group of four, in braces or not (uuid_in's forms). */
static bool parse_uuid(const char *s, unsigned char u[16])
{
	int n = 0;
	size_t len = strlen(s);
	bool braced = len > 1 && s[0] == '{' && s[len - 1] == '}';
	char buf[64];
	if (braced) {
		if (len - 2 >= sizeof(buf))
			return false;
		memcpy(buf, s + 1, len - 2);
		buf[len - 2] = '\0';
		s = buf;
	}
	for (const char *p = s; *p; p++) {
		if (*p == '-' && n && n % 2 == 0 && p[1])
			continue;
		int hi = base_hexval(*p), lo = p[1] ? base_hexval(p[1]) : -1;
		if (hi < 0 || lo < 0 || n == 16)
			return false;
		u[n++] = (unsigned char)(hi << 4 | lo);
		p++;
	}
	return n == 16;
}

/* Version 1: 100-ns intervals since 1582-10-15, a random clock sequence and a random node
 * with the multicast bit set (RFC 4122 4.5: no MAC address is read, for v1 as for v1mc). */
static void fn_uuid_v1(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	unsigned char u[16];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t t = (uint64_t)ts.tv_sec * 10000000u + (uint64_t)ts.tv_nsec / 100u +
		     0x01B21DD213814000ULL;
	if (RAND_bytes(u + 8, 8) != 1) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not generate random values");
		return;
	}
	u[0] = (unsigned char)(t >> 24);
	u[1] = (unsigned char)(t >> 16);
	u[2] = (unsigned char)(t >> 8);
	u[3] = (unsigned char)t;
	u[4] = (unsigned char)(t >> 40);
	u[5] = (unsigned char)(t >> 32);
	u[6] = (unsigned char)(0x10 | ((t >> 56) & 0x0f));
	u[7] = (unsigned char)(t >> 48);
	u[8] = (unsigned char)(0x80 | (u[8] & 0x3f));
	u[10] |= 0x01;
	result_uuid(ctx, u);
}

/* Versions 3 and 5: the digest of the namespace's 16 bytes and the name, version and variant
 * bits set (user data: 3 or 5). */
static void fn_uuid_named(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int version = (int)(intptr_t)sqlite3_user_data(ctx);
	unsigned char ns[16], md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	if (!text || !parse_uuid(text, ns)) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "invalid input syntax for type uuid: \"%s\"", text ? text : "");
		return;
	}
	const void *name = sqlite3_value_text(argv[1]);
	size_t n = (size_t)sqlite3_value_bytes(argv[1]);
	EVP_MD_CTX *md_ctx = EVP_MD_CTX_new();
	bool ok = md_ctx && EVP_DigestInit_ex(md_ctx, version == 3 ? EVP_md5() : EVP_sha1(), NULL) &&
		  EVP_DigestUpdate(md_ctx, ns, sizeof(ns)) && EVP_DigestUpdate(md_ctx, name, n) &&
		  EVP_DigestFinal_ex(md_ctx, md, &mdlen);
	EVP_MD_CTX_free(md_ctx);
	if (!ok || mdlen < 16) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not compute the uuid's digest");
		return;
	}
	md[6] = (unsigned char)((md[6] & 0x0f) | version << 4);
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80);
	result_uuid(ctx, md);
}

int pgfn_register_uuid(sqlite3 *db)
{
	/* innocuous (no side effects), so that a column DEFAULT may call them */
	int rc = sqlite3_create_function(db, "pgfn_uuid_generate_v1", 0,
					 SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_uuid_v1, NULL,
					 NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_uuid_generate_v3", 2,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     (void *)(intptr_t)3, fn_uuid_named, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_uuid_generate_v5", 2,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     (void *)(intptr_t)5, fn_uuid_named, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = pgfn_register_pgcrypto(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_trgm(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_fuzzy(db);
	return rc;
}
