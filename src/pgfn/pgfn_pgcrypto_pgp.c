/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_pgcrypto_pgp.c: pgcrypto's PGP symmetric encryption (RFC 4880), pgp_sym_encrypt(_bytea)
 * with its default options (AES-128, iterated and salted SHA-1 S2K, an MDC, no compression)
 * and pgp_sym_decrypt(_bytea) of what PostgreSQL writes with any cipher and S2K it offers
 * (AES or 3DES here; a session key too). Options, compressed data and messages without an MDC
 * are 0A000. Encryption is random: PostgreSQL decrypts ours and we decrypt its. */
#include "pgfn_int.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define SQLSTATE_EXTERNAL_ROUTINE "39000"
#define E_CORRUPT "Wrong key or corrupt data"

/* OpenPGP's symmetric algorithm numbers that OpenSSL 3 runs without its legacy provider. */
static const EVP_CIPHER *pgp_cipher(int algo, int *klen)
{
	switch (algo) {
	case 2:
		*klen = 24;
		return EVP_des_ede3_cfb64();
	case 7:
		*klen = 16;
		return EVP_aes_128_cfb128();
	case 8:
		*klen = 24;
		return EVP_aes_192_cfb128();
	case 9:
		*klen = 32;
		return EVP_aes_256_cfb128();
	default:
		return NULL;
	}
}

static const EVP_MD *pgp_digest(int algo)
{
	switch (algo) {
	case 1:
		return EVP_md5();
	case 2:
		return EVP_sha1();
	case 8:
		return EVP_sha256();
	case 9:
		return EVP_sha384();
	case 10:
		return EVP_sha512();
	case 11:
		return EVP_sha224();
	default:
		return NULL;
	}
}

/* String-to-key: the key of klen bytes from the password (mode 0 simple, 1 salted, 3 iterated
 * and salted, count bytes hashed), hash contexts preloaded with 0..n zero bytes as needed. */
static bool s2k(const EVP_MD *md, int mode, const unsigned char *salt, unsigned long count,
		const char *pw, size_t pwlen, unsigned char *key, int klen)
{
	EVP_MD_CTX *m = EVP_MD_CTX_new();
	bool ok = m != NULL;
	int done = 0;
	for (int pre = 0; ok && done < klen; pre++) {
		static const unsigned char zero[64];
		unsigned char h[EVP_MAX_MD_SIZE];
		unsigned hl = 0;
		ok = EVP_DigestInit_ex(m, md, NULL) && EVP_DigestUpdate(m, zero, (size_t)pre);
		if (mode == 0) {
			ok = ok && EVP_DigestUpdate(m, pw, pwlen);
		} else if (mode == 1) {
			ok = ok && EVP_DigestUpdate(m, salt, 8) && EVP_DigestUpdate(m, pw, pwlen);
		} else {
			unsigned long total = count < 8 + pwlen ? 8 + pwlen : count;
			while (ok && total > 0) {
				size_t n = total < 8 ? total : 8;
				ok = EVP_DigestUpdate(m, salt, n);
				total -= n;
				n = total < pwlen ? total : pwlen;
				ok = ok && EVP_DigestUpdate(m, pw, n);
				total -= n;
			}
		}
		ok = ok && EVP_DigestFinal_ex(m, h, &hl);
		int take = (int)hl < klen - done ? (int)hl : klen - done;
		memcpy(key + done, h, (size_t)take);
		done += take;
	}
	EVP_MD_CTX_free(m);
	return ok;
}

/* OpenPGP CFB over a whole packet body (no resync: the MDC-protected packet's mode). */
static bool cfb(const EVP_CIPHER *c, const unsigned char *key, bool enc, const unsigned char *in,
		int n, unsigned char *out)
{
	unsigned char iv[16] = {0};
	EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
	int l1 = 0, l2 = 0;
	bool ok = e && EVP_CipherInit_ex(e, c, NULL, key, iv, enc) &&
		  EVP_CipherUpdate(e, out, &l1, in, n) && EVP_CipherFinal_ex(e, out + l1, &l2);
	EVP_CIPHER_CTX_free(e);
	return ok && l1 + l2 == n;
}

/* A new-format packet header of tag with a definite length. */
static void put_header(struct strbuf *sb, int tag, size_t len)
{
	strbuf_put_u8(sb, (uint8_t)(0xC0 | tag));
	if (len < 192) {
		strbuf_put_u8(sb, (uint8_t)len);
	} else if (len < 8384) {
		strbuf_put_u8(sb, (uint8_t)(((len - 192) >> 8) + 192));
		strbuf_put_u8(sb, (uint8_t)((len - 192) & 0xFF));
	} else {
		strbuf_put_u8(sb, 0xFF);
		strbuf_put_u32(sb, (uint32_t)len);
	}
}

/* An empty password is pgcrypto's "Illegal argument to function", before anything else;
 * options (the third argument, unless empty) are 0A000. */
static bool options_given(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *fn)
{
	if (sqlite3_value_bytes(argv[1]) == 0) {
		pgfn_error(ctx, SQLSTATE_EXTERNAL_ROUTINE, "Illegal argument to function");
		return true;
	}
	const char *o = argc > 2 ? (const char *)sqlite3_value_text(argv[2]) : NULL;
	if (o && *o) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "%s() with options is not supported", fn);
		return true;
	}
	return false;
}

/* pgp_sym_encrypt(data text, psw text) and pgp_sym_encrypt_bytea(data bytea, psw text) →
 * bytea; the user data is the literal packet's type, 't' or 'b'. */
static void fn_sym_encrypt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int type = (int)(intptr_t)sqlite3_user_data(ctx);
	if (options_given(ctx, argc, argv,
			  type == 't' ? "pgp_sym_encrypt" : "pgp_sym_encrypt_bytea"))
		return;
	const unsigned char *data = sqlite3_value_blob(argv[0]);
	size_t dlen = (size_t)sqlite3_value_bytes(argv[0]);
	const char *pw = (const char *)sqlite3_value_blob(argv[1]);
	size_t pwlen = (size_t)sqlite3_value_bytes(argv[1]);
	unsigned char salt[8], rnd[17], key[16], count;
	if (RAND_bytes(salt, 8) != 1 || RAND_bytes(rnd, 17) != 1) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not generate a random number");
		return;
	}
	count = (unsigned char)(96 + (rnd[16] & 0x1F));
	unsigned long iter = (16UL + (count & 15)) << ((count >> 4) + 6);
	struct strbuf plain, out;
	strbuf_init(&plain, 0);
	strbuf_init(&out, 0);
	strbuf_append(&plain, rnd, 16); /* the random prefix and its last two bytes again */
	strbuf_append(&plain, rnd + 14, 2);
	put_header(&plain, 11, 6 + dlen); /* literal data: type, no file name, date */
	strbuf_put_u8(&plain, (uint8_t)type);
	strbuf_put_u8(&plain, 0);
	strbuf_put_u32(&plain, (uint32_t)time(NULL));
	strbuf_append(&plain, data ? data : (const unsigned char *)"", dlen);
	strbuf_append(&plain, "\xD3\x14", 2);
	unsigned char mdc[EVP_MAX_MD_SIZE];
	bool ok = !plain.failed && EVP_Digest(plain.data, plain.len, mdc, NULL, EVP_sha1(), NULL);
	strbuf_append(&plain, mdc, 20);
	ok = ok && !plain.failed && s2k(EVP_sha1(), 3, salt, iter, pw, pwlen, key, 16);
	put_header(&out, 3, 13); /* symmetric-key session key: v4, AES-128, S2K 3, SHA-1 */
	strbuf_append(&out, "\x04\x07\x03\x02", 4);
	strbuf_append(&out, salt, 8);
	strbuf_put_u8(&out, count);
	put_header(&out, 18, 1 + plain.len); /* MDC-protected data, version 1 */
	strbuf_put_u8(&out, 1);
	size_t at = out.len;
	for (size_t i = 0; i < plain.len; i++)
		strbuf_put_u8(&out, 0);
	ok = ok && !out.failed &&
	     cfb(EVP_aes_128_cfb128(), key, true, (unsigned char *)plain.data, (int)plain.len,
		 (unsigned char *)out.data + at);
	if (ok)
		sqlite3_result_blob(ctx, out.data, (int)out.len, SQLITE_TRANSIENT);
	else
		pgfn_error(ctx, SQLSTATE_EXTERNAL_ROUTINE, "Encryption failed");
	explicit_bzero(key, sizeof(key));
	explicit_bzero(plain.data, plain.len);
	strbuf_fini(&plain);
	strbuf_fini(&out);
}

/* One packet at *p (old or new format; partial lengths joined) into tag and body; false when
 * the data is cut short. */
struct pkt {
	int tag;
	struct strbuf body;
};

static bool read_packet(const unsigned char **p, const unsigned char *end, struct pkt *k)
{
	const unsigned char *s = *p;
	if (s >= end || !(*s & 0x80))
		return false;
	unsigned char h = *s++;
	strbuf_reset(&k->body);
	if (!(h & 0x40)) { /* old format */
		k->tag = (h >> 2) & 0x0F;
		int lt = h & 3;
		size_t len = 0;
		if (lt == 3) {
			len = (size_t)(end - s);
		} else {
			int nb = lt == 0 ? 1 : lt == 1 ? 2 : 4;
			if (end - s < nb)
				return false;
			for (int i = 0; i < nb; i++)
				len = len << 8 | *s++;
		}
		if ((size_t)(end - s) < len)
			return false;
		strbuf_append(&k->body, s, len);
		*p = s + len;
		return !k->body.failed;
	}
	k->tag = h & 0x3F;
	for (;;) {
		if (s >= end)
			return false;
		size_t len;
		bool partial = false;
		unsigned o = *s++;
		if (o < 192) {
			len = o;
		} else if (o < 224) {
			if (s >= end)
				return false;
			len = ((o - 192) << 8) + *s++ + 192;
		} else if (o == 255) {
			if (end - s < 4)
				return false;
			len = (size_t)s[0] << 24 | (size_t)s[1] << 16 | (size_t)s[2] << 8 | s[3];
			s += 4;
		} else {
			len = (size_t)1 << (o & 0x1F);
			partial = true;
		}
		if ((size_t)(end - s) < len)
			return false;
		strbuf_append(&k->body, s, len);
		s += len;
		if (!partial)
			break;
	}
	*p = s;
	return !k->body.failed;
}

/* The message's literal data into *out and its type; NULL, or why not (E_CORRUPT, or a
 * 0A000 text starting with "0A000:"). */
static const char *sym_decrypt(const unsigned char *msg, size_t mlen, const char *pw, size_t pwlen,
			       struct strbuf *out, int *type)
{
	const unsigned char *p = msg, *end = msg + mlen;
	struct pkt k = {0};
	strbuf_init(&k.body, 0);
	const char *err = E_CORRUPT;
	unsigned char key[32], ikey[32];
	int klen = 0, algo = 0;
	const EVP_CIPHER *c = NULL;
	struct strbuf plain;
	strbuf_init(&plain, 0);
	if (!read_packet(&p, end, &k) || k.tag != 3 || k.body.len < 4)
		goto out;
	const unsigned char *b = (const unsigned char *)k.body.data, *bend = b + k.body.len;
	int mode = b[2];
	const EVP_MD *md = pgp_digest(b[3]);
	algo = b[1];
	c = pgp_cipher(algo, &klen);
	size_t need = 4 + (mode == 0 ? 0 : mode == 1 ? 8 : 9);
	if (b[0] != 4 || (mode != 0 && mode != 1 && mode != 3) || k.body.len < need)
		goto out;
	if (!c || !md) {
		err = "0A000:pgp_sym_decrypt() of this cipher or S2K digest is not supported";
		goto out;
	}
	unsigned long iter = mode == 3 ? (16UL + (b[12] & 15)) << ((b[12] >> 4) + 6) : 0;
	if (!s2k(md, mode, b + 4, iter, pw, pwlen, key, klen))
		goto out;
	if (bend > b + need) { /* a session key, encrypted with the S2K key */
		int n = (int)(bend - b - need), ilen = 0;
		unsigned char sk[64];
		if (n > 64 || !cfb(c, key, false, b + need, n, sk))
			goto out;
		c = pgp_cipher(sk[0], &ilen);
		if (!c) {
			err = "0A000:pgp_sym_decrypt() of this cipher is not supported";
			goto out;
		}
		if (ilen != n - 1)
			goto out;
		memcpy(ikey, sk + 1, (size_t)ilen);
		memcpy(key, ikey, (size_t)ilen);
		explicit_bzero(sk, sizeof(sk));
	}
	if (!read_packet(&p, end, &k))
		goto out;
	if (k.tag == 9) {
		err = "0A000:pgp_sym_decrypt() of a message without an MDC is not supported";
		goto out;
	}
	int bs = EVP_CIPHER_get_block_size(c) > 1 ? EVP_CIPHER_get_block_size(c)
						  : EVP_CIPHER_get_iv_length(c);
	if (k.tag != 18 || k.body.len < (size_t)(1 + bs + 2 + 22) || k.body.data[0] != 1)
		goto out;
	size_t n = k.body.len - 1;
	for (size_t i = 0; i < n; i++)
		strbuf_put_u8(&plain, 0);
	if (plain.failed || !cfb(c, key, false, (unsigned char *)k.body.data + 1, (int)n,
				 (unsigned char *)plain.data))
		goto out;
	const unsigned char *d = (const unsigned char *)plain.data;
	if (d[bs - 2] != d[bs] || d[bs - 1] != d[bs + 1])
		goto out; /* the quick check: a wrong key */
	unsigned char mdc[EVP_MAX_MD_SIZE];
	if (d[n - 22] != 0xD3 || d[n - 21] != 0x14 ||
	    !EVP_Digest(d, n - 20, mdc, NULL, EVP_sha1(), NULL) || memcmp(mdc, d + n - 20, 20) != 0)
		goto out;
	const unsigned char *q = d + bs + 2, *qend = d + n - 22;
	if (!read_packet(&q, qend, &k) || q != qend)
		goto out;
	if (k.tag == 8) {
		err = "0A000:pgp_sym_decrypt() of compressed data is not supported";
		goto out;
	}
	if (k.tag != 11 || k.body.len < 6 || k.body.len < 6u + (unsigned char)k.body.data[1])
		goto out;
	size_t skip = 6 + (unsigned char)k.body.data[1];
	*type = (unsigned char)k.body.data[0];
	strbuf_append(out, k.body.data + skip, k.body.len - skip);
	err = out->failed ? E_CORRUPT : NULL;
out:
	explicit_bzero(key, sizeof(key));
	explicit_bzero(ikey, sizeof(ikey));
	if (plain.data)
		explicit_bzero(plain.data, plain.len);
	strbuf_fini(&plain);
	strbuf_fini(&k.body);
	return err;
}

/* Fails ctx with PostgreSQL's 22021 naming the first bad UTF-8 sequence in s, if any. */
static bool utf8_checked(sqlite3_context *ctx, const unsigned char *s, size_t n)
{
	for (size_t i = 0, len = 1; i < n; i += len) {
		size_t bad = base_utf8_bad(s + i, n - i, &len);
		if (bad) {
			char msg[64] = "";
			for (size_t k = 0; k < bad && k < 4; k++)
				snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " 0x%02x",
					 s[i + k]);
			pgfn_error(ctx, "22021", "invalid byte sequence for encoding \"UTF8\":%s",
				   msg);
			return false;
		}
	}
	return true;
}

/* pgp_sym_decrypt(msg, psw) → text (of a message written as text) and
 * pgp_sym_decrypt_bytea(msg, psw) → bytea; the user data says which. */
static void fn_sym_decrypt(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	bool text = sqlite3_user_data(ctx) != NULL;
	if (options_given(ctx, argc, argv, text ? "pgp_sym_decrypt" : "pgp_sym_decrypt_bytea"))
		return;
	struct strbuf out;
	strbuf_init(&out, 0);
	int type = 0;
	const char *err = sym_decrypt(sqlite3_value_blob(argv[0]),
				      (size_t)sqlite3_value_bytes(argv[0]),
				      (const char *)sqlite3_value_blob(argv[1]),
				      (size_t)sqlite3_value_bytes(argv[1]), &out, &type);
	if (err && strncmp(err, "0A000:", 6) == 0)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "%s", err + 6);
	else if (err)
		pgfn_error(ctx, SQLSTATE_EXTERNAL_ROUTINE, "%s", err);
	else if (text && type != 't' && type != 'u')
		pgfn_error(ctx, SQLSTATE_EXTERNAL_ROUTINE, "Not text data");
	else if (text && !utf8_checked(ctx, (const unsigned char *)out.data, out.len))
		; /* 22021 */
	else if (text)
		sqlite3_result_text(ctx, out.data ? out.data : "", (int)out.len, SQLITE_TRANSIENT);
	else
		sqlite3_result_blob(ctx, out.data ? out.data : "", (int)out.len, SQLITE_TRANSIENT);
	strbuf_fini(&out);
}

int pgfn_register_pgcrypto_pgp(sqlite3 *db)
{
	int rc = SQLITE_OK;
	for (int n = 2; rc == SQLITE_OK && n <= 3; n++) {
		rc = sqlite3_create_function(db, "pgfn_pgp_sym_encrypt", n,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, (void *)(intptr_t)'t',
					     fn_sym_encrypt, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_create_function(db, "pgfn_pgp_sym_encrypt_bytea", n,
						     SQLITE_UTF8 | SQLITE_INNOCUOUS,
						     (void *)(intptr_t)'b', fn_sym_encrypt, NULL,
						     NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_create_function(db, "pgfn_pgp_sym_decrypt", n,
						     SQLITE_UTF8 | SQLITE_DETERMINISTIC |
							     SQLITE_INNOCUOUS,
						     (void *)1, fn_sym_decrypt, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_create_function(db, "pgfn_pgp_sym_decrypt_bytea", n,
						     SQLITE_UTF8 | SQLITE_DETERMINISTIC |
							     SQLITE_INNOCUOUS,
						     NULL, fn_sym_decrypt, NULL, NULL);
	}
	return rc;
}
