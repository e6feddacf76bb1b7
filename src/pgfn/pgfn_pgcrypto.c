/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_pgcrypto.c: the functions of PostgreSQL's pgcrypto extension that shardlite computes —
 * digest, hmac (through libcrypto, named digests as pgcrypto looks them up) and
 * gen_random_bytes. The translator calls them only once CREATE EXTENSION pgcrypto has run
 * (xlat_func.c). crypt and gen_salt are in pgfn_pgcrypto_crypt.c, encrypt/decrypt and armor in
 * pgfn_pgcrypto_cipher.c, pgp_sym_* in pgfn_pgcrypto_pgp.c; the public-key pgp_* are refused
 * by the translator with 0A000. */
#include "pgfn_int.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <string.h>

/* pgcrypto's find_provider: a name libcrypto does not know, and one it knows but cannot
 * initialise (md4 without the legacy provider), are both 22023, naming it downcased. */
static const EVP_MD *named_digest(sqlite3_context *ctx, sqlite3_value *v)
{
	char *name = pgfn_pgcrypto_type_name(v);
	if (!name) {
		sqlite3_result_error_nomem(ctx);
		return NULL;
	}
	const EVP_MD *md = EVP_get_digestbyname(name);
	EVP_MD_CTX *probe = md ? EVP_MD_CTX_new() : NULL;
	bool ok = probe && EVP_DigestInit_ex(probe, md, NULL);
	EVP_MD_CTX_free(probe);
	if (!ok)
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "Cannot use \"%s\": %s", name,
			   md ? "Cipher cannot be initialized" : "No such hash algorithm");
	sqlite3_free(name);
	return ok ? md : NULL;
}

/* digest(data text | bytea, type text) → bytea: text is hashed as its UTF-8 bytes. */
static void fn_digest(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const EVP_MD *md = named_digest(ctx, argv[1]);
	if (!md)
		return;
	const void *p = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	unsigned char out[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	if (!EVP_Digest(p ? p : "", n, out, &len, md, NULL)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not compute the digest");
		return;
	}
	sqlite3_result_blob(ctx, out, (int)len, SQLITE_TRANSIENT);
}

/* hmac(data, key, type) → bytea, data and key both text or both bytea. */
static void fn_hmac(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const EVP_MD *md = named_digest(ctx, argv[2]);
	if (!md)
		return;
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	const void *key = sqlite3_value_blob(argv[1]);
	int keylen = sqlite3_value_bytes(argv[1]);
	unsigned char out[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	if (!HMAC(md, key ? key : "", keylen, p ? p : (const unsigned char *)"", n, out, &len)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not compute the hmac");
		return;
	}
	sqlite3_result_blob(ctx, out, (int)len, SQLITE_TRANSIENT);
}

/* gen_random_bytes(count) → bytea of 1 to 1024 cryptographically strong random bytes;
 * pgcrypto's 39000 outside that range. Innocuous (no side effect) but not deterministic, so
 * that a column DEFAULT may call it. */
static void fn_gen_random_bytes(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	sqlite3_int64 n = sqlite3_value_int64(argv[0]);
	if (n < 1 || n > 1024) {
		pgfn_error(ctx, "39000", "Length not in range");
		return;
	}
	unsigned char buf[1024];
	if (RAND_bytes(buf, (int)n) != 1) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not generate random values");
		return;
	}
	sqlite3_result_blob(ctx, buf, (int)n, SQLITE_TRANSIENT);
}

int pgfn_register_pgcrypto(sqlite3 *db)
{
	int pure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "pgfn_pgcrypto_digest", 2, pure, NULL, fn_digest, NULL,
					 NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_pgcrypto_hmac", 3, pure, NULL, fn_hmac, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_gen_random_bytes", 1,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL,
					     fn_gen_random_bytes, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = pgfn_register_pgcrypto_crypt(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_pgcrypto_cipher(db);
	if (rc == SQLITE_OK)
		rc = pgfn_register_pgcrypto_pgp(db);
	return rc;
}
