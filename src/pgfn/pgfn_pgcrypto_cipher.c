/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_pgcrypto_cipher.c: pgcrypto's raw encryption, encrypt/decrypt(data, key, type) and
 * encrypt_iv/decrypt_iv, through libcrypto's EVP as PostgreSQL 15's pgcrypto does (so a cipher
 * OpenSSL 3 keeps in its legacy provider, bf, cast5 and des, fails the same way), and its
 * ASCII armor, armor(data [, keys, values]) and dearmor(text), with the CRC24 of RFC 4880. */
#include "pgfn_int.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#define SQLSTATE_EXTERNAL_ROUTINE "39000"

/* pgcrypto's names: an alias resolves to one of the ciphers below. */
static const struct {
	const char *alias, *name;
} cipher_aliases[] = {
	{"bf", "bf-cbc"},
	{"blowfish", "bf-cbc"},
	{"blowfish-cbc", "bf-cbc"},
	{"blowfish-ecb", "bf-ecb"},
	{"blowfish-cfb", "bf-cfb"},
	{"des", "des-cbc"},
	{"3des", "des3-cbc"},
	{"3des-ecb", "des3-ecb"},
	{"3des-cbc", "des3-cbc"},
	{"cast5", "cast5-cbc"},
	{"aes", "aes-cbc"},
	{"rijndael", "aes-cbc"},
	{"rijndael-cbc", "aes-cbc"},
	{"rijndael-ecb", "aes-ecb"},
	{"rijndael-cfb", "aes-cfb"},
};

enum key_rule { K_BF, K_FIXED, K_ANY, K_AES };

/* Each cipher: its EVP (AES's by the key's size), its key rule and largest key. */
static const struct cipher {
	const char *name;
	const EVP_CIPHER *(*evp)(void);
	const EVP_CIPHER *(*aes[3])(void); /* 128, 192, 256 */
	enum key_rule rule;
	unsigned max_key;
} ciphers[] = {
	{"bf-cbc", EVP_bf_cbc, {NULL}, K_BF, 56},
	{"bf-ecb", EVP_bf_ecb, {NULL}, K_BF, 56},
	{"bf-cfb", EVP_bf_cfb64, {NULL}, K_BF, 56},
	{"des-ecb", EVP_des_ecb, {NULL}, K_FIXED, 8},
	{"des-cbc", EVP_des_cbc, {NULL}, K_FIXED, 8},
	{"des3-ecb", EVP_des_ede3_ecb, {NULL}, K_FIXED, 24},
	{"des3-cbc", EVP_des_ede3_cbc, {NULL}, K_FIXED, 24},
	{"cast5-ecb", EVP_cast5_ecb, {NULL}, K_ANY, 16},
	{"cast5-cbc", EVP_cast5_cbc, {NULL}, K_ANY, 16},
	{"aes-ecb", NULL, {EVP_aes_128_ecb, EVP_aes_192_ecb, EVP_aes_256_ecb}, K_AES, 32},
	{"aes-cbc", NULL, {EVP_aes_128_cbc, EVP_aes_192_cbc, EVP_aes_256_cbc}, K_AES, 32},
};

/* pgcrypto's error texts (px_strerror) for the failures below. */
#define E_NO_CIPHER "No such cipher algorithm"
#define E_BAD_OPTION "Unknown option"
#define E_BAD_FORMAT "Badly formatted type"
#define E_KEY_TOO_BIG "Key was too big"
#define E_CIPHER_INIT "Cipher cannot be initialized"
#define E_ENCRYPT "Encryption failed"
#define E_DECRYPT "Decryption failed"

struct combo {
	const struct cipher *cipher;
	int padding;
};

/* "cipher[/pad:pkcs|/pad:none]..." as px_find_combo reads it (buf is modified); NULL or the
 * error's text. */
static const char *parse_combo(char *buf, struct combo *cx)
{
	const char *pad = NULL;
	char *p = strchr(buf, '/');
	if (p)
		*p++ = '\0';
	while (p) {
		char *q = strchr(p, '/');
		if (q)
			*q++ = '\0';
		if (*p) {
			char *v = strchr(p, ':');
			if (!v)
				return E_BAD_FORMAT;
			*v++ = '\0';
			if (strcmp(p, "pad") != 0)
				return E_BAD_OPTION;
			pad = v;
		}
		p = q;
	}
	const char *name = buf;
	for (size_t i = 0; i < sizeof(cipher_aliases) / sizeof(cipher_aliases[0]); i++)
		if (strcmp(cipher_aliases[i].alias, name) == 0)
			name = cipher_aliases[i].name;
	cx->cipher = NULL;
	for (size_t i = 0; i < sizeof(ciphers) / sizeof(ciphers[0]); i++)
		if (strcmp(ciphers[i].name, name) == 0)
			cx->cipher = &ciphers[i];
	if (!cx->cipher)
		return E_NO_CIPHER;
	cx->padding = 1;
	if (pad && strcmp(pad, "none") == 0)
		cx->padding = 0;
	else if (pad && strcmp(pad, "pkcs") != 0)
		return E_NO_CIPHER;
	return NULL;
}

/* pgcrypto's bf_check_supported_key_len: whether blowfish takes a 448-bit key here (with
 * OpenSSL 3 and no legacy provider it does not, and keys over 16 bytes are "too big"). */
static bool bf_strong(void)
{
	static const unsigned char key[56] = {
		0xf0, 0xe1, 0xd2, 0xc3, 0xb4, 0xa5, 0x96, 0x87, 0x78, 0x69, 0x5a, 0x4b, 0x3c, 0x2d,
		0x1e, 0x0f, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x04, 0x68, 0x91, 0x04,
		0xc2, 0xfd, 0x3b, 0x2f, 0x58, 0x40, 0x23, 0x64, 0x1a, 0xba, 0x61, 0x76, 0x1f, 0x1f,
		0x1f, 0x1f, 0x0e, 0x0e, 0x0e, 0x0e, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	static const unsigned char data[8] = {0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
	static const unsigned char want[8] = {0xc0, 0x45, 0x04, 0x01, 0x2e, 0x4e, 0x1f, 0x53};
	unsigned char out[16];
	int outlen = 0;
	EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
	bool ok = e && EVP_EncryptInit_ex(e, EVP_bf_ecb(), NULL, NULL, NULL) &&
		  EVP_CIPHER_CTX_set_key_length(e, 56) &&
		  EVP_EncryptInit_ex(e, NULL, NULL, key, NULL) &&
		  EVP_EncryptUpdate(e, out, &outlen, data, 8) && outlen == 8 &&
		  memcmp(out, want, 8) == 0;
	EVP_CIPHER_CTX_free(e);
	return ok;
}

/* Runs the combo over data (combo_init, then gen_ossl_encrypt/decrypt); out holds len + 16.
 * NULL, or the error's text. */
static const char *run_combo(const struct combo *cx, bool enc, const unsigned char *data, int len,
			     const unsigned char *key, unsigned klen, const unsigned char *iv,
			     unsigned ivlen, unsigned char *out, int *outlen)
{
	const struct cipher *c = cx->cipher;
	unsigned char keybuf[56] = {0}, ivbuf[16] = {0};
	const unsigned bs = c->rule == K_AES ? 16 : 8;
	if (ivlen) /* (an empty bytea's pointer may be NULL) */
		memcpy(ivbuf, iv, ivlen > bs ? bs : ivlen);
	if (klen > c->max_key)
		klen = c->max_key;
	if (klen)
		memcpy(keybuf, key, klen);
	const EVP_CIPHER *evp = c->evp ? c->evp() : NULL;
	switch (c->rule) {
	case K_BF:
		if (klen > 16 && !bf_strong())
			return E_KEY_TOO_BIG;
		break;
	case K_FIXED:
		klen = c->max_key;
		break;
	case K_ANY:
		break;
	case K_AES:
		klen = klen <= 16 ? 16 : klen <= 24 ? 24 : 32;
		evp = c->aes[klen == 16 ? 0 : klen == 24 ? 1 : 2]();
		break;
	}
	EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
	const char *err = NULL;
	int n1 = 0, n2 = 0;
	if (!e || !EVP_CipherInit_ex(e, evp, NULL, NULL, NULL, enc) ||
	    !EVP_CIPHER_CTX_set_padding(e, cx->padding) ||
	    !EVP_CIPHER_CTX_set_key_length(e, (int)klen) ||
	    !EVP_CipherInit_ex(e, NULL, NULL, keybuf, ivbuf, enc))
		err = E_CIPHER_INIT;
	else if (!EVP_CipherUpdate(e, out, &n1, data, len) || !EVP_CipherFinal_ex(e, out + n1, &n2))
		err = enc ? E_ENCRYPT : E_DECRYPT;
	EVP_CIPHER_CTX_free(e);
	explicit_bzero(keybuf, sizeof(keybuf));
	*outlen = n1 + n2;
	return err;
}

char *pgfn_pgcrypto_type_name(sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);
	if (!s)
		return NULL;
	size_t n = strlen(s);
	if (n > 63) {
		n = 63;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	char *buf = sqlite3_malloc((int)n + 1);
	if (!buf)
		return NULL;
	for (size_t i = 0; i < n; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 'a' - 'A') : s[i];
	buf[n] = '\0';
	return buf;
}

/* encrypt(data, key, type), decrypt(...), encrypt_iv(data, key, iv, type), decrypt_iv(...):
 * the user data says which (bit 0: decrypt, bit 1: with an IV). */
static void fn_cipher(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int mode = (int)(intptr_t)sqlite3_user_data(ctx);
	bool dec = mode & 1, with_iv = mode & 2;
	static const char *const what[] = {"encrypt", "decrypt", "encrypt_iv", "decrypt_iv"};
	char *name = pgfn_pgcrypto_type_name(argv[argc - 1]);
	if (!name) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	char *buf = sqlite3_mprintf("%s", name);
	struct combo cx;
	const char *err = buf ? parse_combo(buf, &cx) : NULL;
	sqlite3_free(buf);
	if (err || !buf) {
		if (!buf)
			sqlite3_result_error_nomem(ctx);
		else
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "Cannot use \"%s\": %s",
				   name, err);
		sqlite3_free(name);
		return;
	}
	sqlite3_free(name);
	int len = sqlite3_value_bytes(argv[0]);
	const unsigned char *data = sqlite3_value_blob(argv[0]);
	int klen = sqlite3_value_bytes(argv[1]);
	const unsigned char *key = sqlite3_value_blob(argv[1]);
	int ivlen = with_iv ? sqlite3_value_bytes(argv[2]) : 0;
	const unsigned char *iv = with_iv ? sqlite3_value_blob(argv[2]) : NULL;
	unsigned char *out = sqlite3_malloc(len + 32);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	int outlen = 0;
	err = run_combo(&cx, !dec, data ? data : (const unsigned char *)"", len,
			key ? key : (const unsigned char *)"", (unsigned)klen, iv, (unsigned)ivlen,
			out, &outlen);
	if (err) {
		pgfn_error(ctx, SQLSTATE_EXTERNAL_ROUTINE, "%s error: %s", what[mode], err);
		sqlite3_free(out);
		return;
	}
	sqlite3_result_blob(ctx, out, outlen, sqlite3_free);
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static unsigned long crc24(const unsigned char *p, size_t n)
{
	unsigned long crc = 0xb704ceUL;
	while (n--) {
		crc ^= (unsigned long)*p++ << 16;
		for (int i = 0; i < 8; i++) {
			crc <<= 1;
			if (crc & 0x1000000UL)
				crc ^= 0x1864cfbUL;
		}
	}
	return crc & 0xffffffUL;
}

/* Base64 in lines of 76 characters, as pgcrypto's armor writes it. */
static void b64_lines(struct strbuf *sb, const unsigned char *s, size_t n)
{
	size_t line = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned long v = (unsigned long)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		char g[4] = {b64[(v >> 18) & 63], b64[(v >> 12) & 63],
			     i + 1 < n ? b64[(v >> 6) & 63] : '=', i + 2 < n ? b64[v & 63] : '='};
		strbuf_append(sb, g, 4);
		line += 4;
		if (line >= 76 && i + 3 <= n) {
			strbuf_append(sb, "\n", 1);
			line = 0;
		}
	}
}

/* One header line's text, checked as pgcrypto's parse_key_value_arrays does. */
static const char *header_check(const char *s, bool key)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80)
			return key ? "header key must not contain non-ASCII characters"
				   : "header value must not contain non-ASCII characters";
	if (key && strstr(s, ": "))
		return "header key must not contain \": \"";
	if (strchr(s, '\n'))
		return key ? "header key must not contain newlines"
			   : "header value must not contain newlines";
	return NULL;
}

/* The elements of a one-dimensional text[] in its stored text form; -1 with err set when it
 * has more dimensions. */
static int text_elems(struct arena *a, const char *s, const char ***out)
{
	while (*s == ' ')
		s++;
	if (*s != '{')
		return -1;
	const char *p = s + 1;
	while (*p == ' ')
		p++;
	if (*p == '{')
		return -1;
	size_t cap = 8, n = 0;
	const char **v = arena_alloc(a, cap * sizeof(*v));
	if (*p == '}')
		return (*out = v), 0;
	for (;;) {
		const char *e = pgfn_array_element(a, &p);
		if (n == cap) {
			const char **w = arena_alloc(a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*v));
			v = w;
			cap *= 2;
		}
		v[n++] = e;
		while (*p == ' ')
			p++;
		if (*p != ',')
			break;
		p++;
	}
	*out = v;
	return (int)n;
}

/* armor(data bytea [, keys text[], values text[]]) → text. */
static void fn_armor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_puts(&sb, "-----BEGIN PGP MESSAGE-----\n");
	if (argc == 3) {
		const char **keys = NULL, **vals = NULL;
		const char *ks = (const char *)sqlite3_value_text(argv[1]);
		const char *vs = (const char *)sqlite3_value_text(argv[2]);
		int nk = text_elems(a, ks ? ks : "", &keys),
		    nv = text_elems(a, vs ? vs : "", &vals);
		if (nk < 0 || nv < 0 || (nk == 0) != (nv == 0)) {
			pgfn_error(ctx, "2202E", "wrong number of array subscripts");
			goto out;
		}
		if (nk != nv) {
			pgfn_error(ctx, "2202E", "mismatched array dimensions");
			goto out;
		}
		for (int i = 0; i < nk; i++) {
			const char *why = keys[i] ? header_check(keys[i], true) : NULL;
			if (!why && keys[i] && vals[i])
				why = header_check(vals[i], false);
			if (!keys[i] || (!why && !vals[i])) {
				pgfn_error(ctx, "22004", "null value not allowed for header %s",
					   keys[i] ? "value" : "key");
				goto out;
			}
			if (why) {
				pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "%s", why);
				goto out;
			}
			strbuf_printf(&sb, "%s: %s\n", keys[i], vals[i]);
		}
	}
	strbuf_puts(&sb, "\n");
	const unsigned char *data = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	b64_lines(&sb, data, n);
	if (sb.len && sb.data[sb.len - 1] != '\n')
		strbuf_puts(&sb, "\n");
	unsigned long crc = crc24(data ? data : (const unsigned char *)"", n);
	char c[6] = {'=',
		     b64[(crc >> 18) & 63],
		     b64[(crc >> 12) & 63],
		     b64[(crc >> 6) & 63],
		     b64[crc & 63],
		     '\0'};
	strbuf_puts(&sb, c);
	strbuf_puts(&sb, "\n-----END PGP MESSAGE-----\n");
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
out:
	strbuf_fini(&sb);
	arena_free(a);
}

/* pgcrypto's b64_decode: blanks skipped, '=' ends the data; -1 for anything else. */
static int b64_decode(const unsigned char *s, size_t n, unsigned char *dst)
{
	unsigned char *p = dst;
	unsigned long buf = 0;
	int pos = 0, end = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		unsigned b;
		if (c >= 'A' && c <= 'Z')
			b = c - 'A';
		else if (c >= 'a' && c <= 'z')
			b = c - 'a' + 26u;
		else if (c >= '0' && c <= '9')
			b = c - '0' + 52u;
		else if (c == '+')
			b = 62;
		else if (c == '/')
			b = 63;
		else if (c == '=') {
			if (!end) {
				if (pos == 2)
					end = 1;
				else if (pos == 3)
					end = 2;
				else
					return -1;
			}
			b = 0;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		else
			return -1;
		buf = (buf << 6) + b;
		if (++pos == 4) {
			*p++ = (unsigned char)((buf >> 16) & 255);
			if (end == 0 || end > 1)
				*p++ = (unsigned char)((buf >> 8) & 255);
			if (end == 0 || end > 2)
				*p++ = (unsigned char)(buf & 255);
			buf = 0;
			pos = 0;
		}
	}
	return pos ? -1 : (int)(p - dst);
}

static const unsigned char *find_str(const unsigned char *p, const unsigned char *end,
				     const char *str)
{
	size_t n = strlen(str);
	for (; p && end - p >= (ptrdiff_t)n; p++) {
		p = memchr(p, str[0], (size_t)(end - p));
		if (!p || end - p < (ptrdiff_t)n)
			return NULL;
		if (memcmp(p, str, n) == 0)
			return p;
	}
	return NULL;
}

/* A "-----BEGIN ...-----" (or END) line at the start of a line; its length, -1 if none. */
static long find_header(const unsigned char *data, const unsigned char *end,
			const unsigned char **start, bool is_end)
{
	const char *sep = is_end ? "-----END" : "-----BEGIN";
	const unsigned char *p = data;
	for (;;) {
		p = find_str(p, end, sep);
		if (!p)
			return -1;
		if (p == data || p[-1] == '\n')
			break;
		p += strlen(sep);
	}
	*start = p;
	for (p += strlen(sep); p < end && *p != '-'; p++)
		if (*p < ' ')
			return -1;
	if (end - p < 5 || memcmp(p, sep, 5) != 0)
		return -1;
	p += 5;
	if (p < end) {
		if (*p != '\n' && *p != '\r')
			return -1;
		if (*p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
	}
	return p - *start;
}

/* dearmor(text) → bytea: the armored data, its CRC checked. */
static void fn_dearmor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const unsigned char *src = sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	const unsigned char *end = src + len, *p = src, *armor_end, *b64_end = NULL;
	unsigned char *dst = sqlite3_malloc((int)(len * 3 / 4 + 4));
	int res = -1;
	if (!src || !dst) {
		sqlite3_free(dst);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	long hlen = find_header(src, end, &p, false);
	if (hlen <= 0)
		goto out;
	p += hlen;
	hlen = find_header(p, end, &armor_end, true);
	if (hlen <= 0)
		goto out;
	while (p < armor_end && *p != '\n' && *p != '\r') { /* headers, up to an empty line */
		p = memchr(p, '\n', (size_t)(armor_end - p));
		if (!p)
			goto out;
		p++;
	}
	const unsigned char *b64_start = p;
	for (p = armor_end; p >= b64_start; p--) {
		if (*p == '=') {
			b64_end = p - 1;
			break;
		}
	}
	unsigned char crcbuf[8];
	if (!b64_end || b64_decode(p + 1, 4, crcbuf) != 3)
		goto out;
	unsigned long crc = (unsigned long)crcbuf[0] << 16 | (unsigned long)crcbuf[1] << 8 |
			    crcbuf[2];
	res = b64_end >= b64_start ? b64_decode(b64_start, (size_t)(b64_end - b64_start), dst) : -1;
	if (res >= 0 && crc24(dst, (size_t)res) != crc)
		res = -1;
out:
	if (res < 0)
		pgfn_error(ctx, SQLSTATE_EXTERNAL_ROUTINE, "Corrupt ascii-armor");
	else
		sqlite3_result_blob(ctx, dst, res, SQLITE_TRANSIENT);
	sqlite3_free(dst);
}

int pgfn_register_pgcrypto_cipher(sqlite3 *db)
{
	int pure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	static const struct {
		const char *name;
		int n;
		intptr_t mode;
	} fns[] = {
		{"pgfn_pgcrypto_encrypt", 3, 0},
		{"pgfn_pgcrypto_decrypt", 3, 1},
		{"pgfn_pgcrypto_encrypt_iv", 4, 2},
		{"pgfn_pgcrypto_decrypt_iv", 4, 3},
	};
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < sizeof(fns) / sizeof(fns[0]); i++)
		rc = sqlite3_create_function(db, fns[i].name, fns[i].n, pure, (void *)fns[i].mode,
					     fn_cipher, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_pgcrypto_armor", 1, pure, NULL, fn_armor,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_pgcrypto_armor", 3, pure, NULL, fn_armor,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_pgcrypto_dearmor", 1, pure, NULL, fn_dearmor,
					     NULL, NULL);
	return rc;
}
