/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_pgcrypto_crypt.c: pgcrypto's password hashing, crypt(password, salt) and
 * gen_salt(type [, rounds]), byte-identical with PostgreSQL 15's contrib/pgcrypto. Blowfish
 * ($2a$, $2x$), traditional and extended DES run through libxcrypt's crypt_rn after pgcrypto's
 * own reading of the salt; md5 ($1$) is computed here, as pgcrypto takes any byte into it. */
/* xdes folds a long password with single DES (xdes_fold), which EVP offers only through
 * OpenSSL 3's legacy provider; its low-level DES functions are deprecated but always there. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "pgfn_int.h"

#include <crypt.h>
#include <openssl/des.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SQLSTATE_EXTERNAL_ROUTINE "39000"

/* The alphabet of crypt(3) salts and hashes, and bcrypt's own order of it. */
static const char a64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
static const char bf64[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* A salt character's 6-bit value as pgcrypto's DES reads it: 0 for one outside the alphabet,
 * bytes of 0x80 and above included (pgcrypto compares them as negative chars). */
static unsigned a64_value(unsigned char ch)
{
	if (ch >= 'a' && ch <= 'z')
		return (unsigned)(ch - 'a' + 38);
	if (ch >= 'A' && ch <= 'Z')
		return (unsigned)(ch - 'A' + 12);
	if (ch >= '.' && ch <= '9')
		return (unsigned)(ch - '.');
	return 0;
}

static void invalid_salt(sqlite3_context *ctx)
{
	pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid salt");
}

static void crypt_null(sqlite3_context *ctx)
{
	pgfn_error(ctx, SQLSTATE_EXTERNAL_ROUTINE, "crypt(3) returned NULL");
}

/* libxcrypt's hash of pw under setting; NULL when it refuses the setting. */
static const char *xcrypt(struct crypt_data *cd, const char *pw, const char *setting)
{
	const char *r = crypt_rn(pw, setting, cd, (int)sizeof(*cd));
	return r && r[0] != '*' ? r : NULL;
}

/* Blowfish reads at most 72 bytes of the password (the 18 P-array words), so a longer one
 * gives the hash of its first 72 bytes: libxcrypt refuses passwords of 512 bytes and more,
 * and a setting with bytes outside its alphabet after the salt, which pgcrypto ignores. */
static bool crypt_bf(sqlite3_context *ctx, struct crypt_data *cd, const char *pw, const char *salt,
		     char *out, size_t outsz)
{
	char key[73];
	size_t n = strlen(pw);
	memcpy(key, pw, n > 72 ? 72 : n);
	key[n > 72 ? 72 : n] = '\0';
	char setting[30]; /* "$2a$NN$" and 22 salt characters: pgcrypto reads no further */
	snprintf(setting, sizeof(setting), "%s", salt);
	const char *r = xcrypt(cd, key, setting);
	if (!r) {
		invalid_salt(ctx);
		return false;
	}
	snprintf(out, outsz, "%s", r);
	return true;
}

/* Traditional DES: two salt characters, the first 8 bytes of the password. The salt is read
 * as pgcrypto does (any character, 0 outside the alphabet) and echoed as given. */
static bool crypt_des(sqlite3_context *ctx, struct crypt_data *cd, const char *pw, const char *salt,
		      char *out, size_t outsz)
{
	if (strlen(salt) < 2) {
		invalid_salt(ctx);
		return false;
	}
	unsigned s = a64_value((unsigned char)salt[0]) | a64_value((unsigned char)salt[1]) << 6;
	char setting[3] = {a64[s & 63], a64[s >> 6], '\0'};
	char key[9];
	size_t n = strlen(pw);
	memcpy(key, pw, n > 8 ? 8 : n);
	key[n > 8 ? 8 : n] = '\0';
	const char *r = xcrypt(cd, key, setting);
	if (!r || strlen(r) != 13) {
		crypt_null(ctx);
		return false;
	}
	snprintf(out, outsz, "%c%c%s", salt[0], salt[1], r + 2);
	return true;
}

/* xdes's key of a password: its first 8 bytes shifted up a bit, then for each further 8 the
 * key DES-encrypted under itself and XORed with them, shifted likewise. */
static void xdes_fold(const char *pw, unsigned char k[8])
{
	const unsigned char *p = (const unsigned char *)pw;
	for (int i = 0; i < 8; i++) {
		k[i] = (unsigned char)(*p << 1);
		if (*p)
			p++;
	}
	while (*p) {
		DES_key_schedule ks;
		DES_set_key_unchecked((const_DES_cblock *)k, &ks);
		DES_ecb_encrypt((const_DES_cblock *)k, (DES_cblock *)k, &ks, DES_ENCRYPT);
		for (int i = 0; i < 8 && *p; i++)
			k[i] ^= (unsigned char)(*p++ << 1);
		explicit_bzero(&ks, sizeof(ks));
	}
}

/* A 16-byte password whose xdes key is pw's (DES ignores each key byte's low bit): 8 bytes a
 * of our choosing, then b with b << 1 = E(a << 1) ^ key, retried until no byte of b is 0. */
static bool xdes_surrogate(const char *pw, char out[17])
{
	bool ok = false;
	unsigned char key[8], x[8];
	xdes_fold(pw, key);
	for (unsigned char c = 'A';; c++) {
		memset(out, c, 8);
		out[8] = '\0';
		xdes_fold(out, x);
		DES_key_schedule ks;
		DES_set_key_unchecked((const_DES_cblock *)x, &ks);
		DES_ecb_encrypt((const_DES_cblock *)x, (DES_cblock *)x, &ks, DES_ENCRYPT);
		ok = true;
		for (int i = 0; i < 8; i++) {
			out[8 + i] = (char)((x[i] ^ key[i]) >> 1);
			ok = ok && out[8 + i] != 0;
		}
		out[16] = '\0';
		if (ok || c == 'z') /* 58 tries, each failing with odds of about 1 in 16 */
			break;
	}
	explicit_bzero(key, sizeof(key));
	return ok;
}

/* Extended (BSDi) DES: "_", 4 characters of rounds, 4 of salt; every byte of the password. */
static bool crypt_xdes(sqlite3_context *ctx, struct crypt_data *cd, const char *pw,
		       const char *salt, char *out, size_t outsz)
{
	if (strlen(salt) < 9) {
		invalid_salt(ctx);
		return false;
	}
	unsigned count = 0, s = 0;
	for (int i = 0; i < 4; i++) {
		count |= a64_value((unsigned char)salt[1 + i]) << (6 * i);
		s |= a64_value((unsigned char)salt[5 + i]) << (6 * i);
	}
	if (count == 0) {
		crypt_null(ctx);
		return false;
	}
	char shortpw[17];
	if (strlen(pw) > 16) { /* libxcrypt takes fewer than 512 bytes: fold it first */
		if (!xdes_surrogate(pw, shortpw)) {
			crypt_null(ctx);
			return false;
		}
		pw = shortpw;
	}
	char setting[10] = {'_'};
	for (int i = 0; i < 4; i++) {
		setting[1 + i] = a64[(count >> (6 * i)) & 63];
		setting[5 + i] = a64[(s >> (6 * i)) & 63];
	}
	const char *r = xcrypt(cd, pw, setting);
	if (!r || strlen(r) != 20) {
		crypt_null(ctx);
		return false;
	}
	snprintf(out, outsz, "%.9s%s", salt, r + 9);
	return true;
}

static void md5_step(EVP_MD_CTX *m, const void *p, size_t n) { EVP_DigestUpdate(m, p, n); }

static void to64(char **p, unsigned long v, int n)
{
	while (n-- > 0) {
		*(*p)++ = a64[v & 0x3f];
		v >>= 6;
	}
}

/* md5crypt ("$1$", up to 8 salt bytes before a '$'): the FreeBSD algorithm pgcrypto carries,
 * over libcrypto's MD5 (libxcrypt refuses salt bytes outside the alphabet; pgcrypto does not). */
static bool crypt_md5(sqlite3_context *ctx, const char *pw, const char *salt, char *out)
{
	const char *sp = salt + 3, *ep = sp;
	while (*ep && *ep != '$' && ep < sp + 8)
		ep++;
	size_t sl = (size_t)(ep - sp), pl = strlen(pw);
	const EVP_MD *md5 = EVP_md5();
	EVP_MD_CTX *m = EVP_MD_CTX_new(), *alt = EVP_MD_CTX_new();
	unsigned char fin[16];
	bool ok = m && alt && EVP_DigestInit_ex(m, md5, NULL) && EVP_DigestInit_ex(alt, md5, NULL);
	if (ok) {
		md5_step(m, pw, pl);
		md5_step(m, "$1$", 3);
		md5_step(m, sp, sl);
		md5_step(alt, pw, pl);
		md5_step(alt, sp, sl);
		md5_step(alt, pw, pl);
		ok = EVP_DigestFinal_ex(alt, fin, NULL);
	}
	for (size_t n = pl; ok && n > 0; n -= n > 16 ? 16 : n)
		md5_step(m, fin, n > 16 ? 16 : n);
	memset(fin, 0, sizeof(fin));
	for (size_t i = pl; ok && i; i >>= 1)
		md5_step(m, (i & 1) ? (const void *)fin : (const void *)pw, 1);
	ok = ok && EVP_DigestFinal_ex(m, fin, NULL);
	for (int i = 0; ok && i < 1000; i++) {
		ok = EVP_DigestInit_ex(m, md5, NULL);
		if (i & 1)
			md5_step(m, pw, pl);
		else
			md5_step(m, fin, 16);
		if (i % 3)
			md5_step(m, sp, sl);
		if (i % 7)
			md5_step(m, pw, pl);
		if (i & 1)
			md5_step(m, fin, 16);
		else
			md5_step(m, pw, pl);
		ok = ok && EVP_DigestFinal_ex(m, fin, NULL);
	}
	EVP_MD_CTX_free(m);
	EVP_MD_CTX_free(alt);
	if (!ok) {
		crypt_null(ctx);
		return false;
	}
	char *p = out;
	memcpy(p, "$1$", 3);
	p += 3;
	memcpy(p, sp, sl);
	p += sl;
	*p++ = '$';
	static const int order[5][3] = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
	for (int i = 0; i < 5; i++)
		to64(&p,
		     (unsigned long)fin[order[i][0]] << 16 | (unsigned long)fin[order[i][1]] << 8 |
			     fin[order[i][2]],
		     4);
	to64(&p, fin[11], 2);
	*p = '\0';
	return true;
}

/* crypt(password text, salt text) → text; the salt's prefix picks the algorithm, in
 * pgcrypto's order: $2a$ and $2x$ blowfish, $2$ none, $1$ md5, _ extended DES, else DES. */
static void fn_crypt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const char *pw = (const char *)sqlite3_value_text(argv[0]);
	const char *salt = (const char *)sqlite3_value_text(argv[1]);
	if (!pw || !salt) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (strncmp(salt, "$2$", 3) == 0) {
		crypt_null(ctx);
		return;
	}
	char out[128];
	if (strncmp(salt, "$1$", 3) == 0) {
		if (crypt_md5(ctx, pw, salt, out))
			sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
		return;
	}
	struct crypt_data *cd = calloc(1, sizeof(*cd));
	if (!cd) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	bool ok = strncmp(salt, "$2a$", 4) == 0 || strncmp(salt, "$2x$", 4) == 0
			  ? crypt_bf(ctx, cd, pw, salt, out, sizeof(out))
		  : salt[0] == '_' ? crypt_xdes(ctx, cd, pw, salt, out, sizeof(out))
				   : crypt_des(ctx, cd, pw, salt, out, sizeof(out));
	explicit_bzero(cd, sizeof(*cd));
	free(cd);
	if (ok)
		sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

/* bcrypt's base64 of n bytes (no padding), as its salts are written. */
static void bf_encode(char *p, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned c1 = s[i] >> 2u;
		*p++ = bf64[c1];
		c1 = (s[i] & 0x03u) << 4;
		if (i + 1 >= n) {
			*p++ = bf64[c1];
			break;
		}
		c1 |= s[i + 1] >> 4u;
		*p++ = bf64[c1];
		c1 = (s[i + 1] & 0x0fu) << 2;
		if (i + 2 >= n) {
			*p++ = bf64[c1];
			break;
		}
		c1 |= s[i + 2] >> 6u;
		*p++ = bf64[c1];
		*p++ = bf64[s[i + 2] & 0x3f];
	}
	*p = '\0';
}

/* Each salt type: its random bytes, its default rounds and their range (pgcrypto's
 * gen_list), and the one count its generator also takes for des and md5, which have none. */
static const struct salt_type {
	const char *name;
	int input_len, def_rounds, min_rounds, max_rounds, fixed;
} salt_types[] = {
	{"des", 2, 0, 0, 0, 25},
	{"md5", 6, 0, 0, 0, 1000},
	{"xdes", 3, 725, 1, 0xFFFFFF, 0},
	{"bf", 16, 6, 4, 31, 0},
};

/* gen_salt(type text [, rounds int]) → text: a new random salt for crypt(). */
static void fn_gen_salt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_int64 rounds = argc > 1 ? sqlite3_value_int64(argv[1]) : 0;
	const struct salt_type *g = NULL;
	for (size_t i = 0; name && i < sizeof(salt_types) / sizeof(salt_types[0]); i++)
		if (strcasecmp(salt_types[i].name, name) == 0)
			g = &salt_types[i];
	if (!g) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "gen_salt: Unknown salt algorithm");
		return;
	}
	if (g->def_rounds && rounds == 0)
		rounds = g->def_rounds;
	if (g->def_rounds ? rounds < g->min_rounds || rounds > g->max_rounds ||
				    (g->max_rounds == 0xFFFFFF && !(rounds & 1)) /* xdes: odd */
			  : rounds != 0 && rounds != g->fixed) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "gen_salt: Incorrect number of rounds");
		return;
	}
	unsigned char r[16];
	if (RAND_bytes(r, g->input_len) != 1) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not generate a random number");
		return;
	}
	char out[64], *p = out;
	if (g->input_len == 2) { /* des */
		*p++ = a64[r[0] & 0x3f];
		*p++ = a64[r[1] & 0x3f];
		*p = '\0';
	} else if (g->input_len == 6) { /* md5 */
		memcpy(p, "$1$", 3);
		p += 3;
		to64(&p, (unsigned long)r[0] | (unsigned long)r[1] << 8 | (unsigned long)r[2] << 16,
		     4);
		to64(&p, (unsigned long)r[3] | (unsigned long)r[4] << 8 | (unsigned long)r[5] << 16,
		     4);
		*p = '\0';
	} else if (g->input_len == 3) { /* xdes */
		*p++ = '_';
		to64(&p, (unsigned long)rounds, 4);
		to64(&p, (unsigned long)r[0] | (unsigned long)r[1] << 8 | (unsigned long)r[2] << 16,
		     4);
		*p = '\0';
	} else { /* bf */
		p += snprintf(p, sizeof(out), "$2a$%02d$", (int)rounds);
		bf_encode(p, r, 16);
	}
	sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

int pgfn_register_pgcrypto_crypt(sqlite3 *db)
{
	int rc = sqlite3_create_function(db, "pgfn_pgcrypto_crypt", 2,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					 NULL, fn_crypt, NULL, NULL);
	for (int n = 1; rc == SQLITE_OK && n <= 2; n++)
		rc = sqlite3_create_function(db, "pgfn_pgcrypto_gen_salt", n,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, fn_gen_salt,
					     NULL, NULL);
	return rc;
}
