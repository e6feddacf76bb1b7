/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_bytes.c: digests (md5, sha224/256/384/512 through OpenSSL's libcrypto), encode/decode
 * in PostgreSQL's hex, base64 and escape formats, get_byte/set_byte, get_bit/set_bit, and
 * convert_from/convert_to between bytes and text (UTF8 and LATIN1). bytea values are SQLite blobs. */
#include "pgfn_int.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

static const char hexdig[] = "0123456789abcdef";

static const EVP_MD *digest_of(const char *name)
{
	switch (name[5]) { /* "pgfn_" + md5 / sha224 / sha256 / sha384 / sha512 */
	case 'm':
		return EVP_md5();
	default:
		break;
	}
	return strcmp(name + 5, "sha224") == 0   ? EVP_sha224()
	       : strcmp(name + 5, "sha256") == 0 ? EVP_sha256()
	       : strcmp(name + 5, "sha384") == 0 ? EVP_sha384()
						 : EVP_sha512();
}

/* md5 answers lower-case hex text; the sha2 family answers bytea. */
static void fn_digest(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const char *name = sqlite3_user_data(ctx);
	const void *p = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	if (!EVP_Digest(p ? p : "", n, md, &mdlen, digest_of(name), NULL)) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "could not compute %s hash", name + 5);
		return;
	}
	if (name[5] != 'm') {
		sqlite3_result_blob(ctx, md, (int)mdlen, SQLITE_TRANSIENT);
		return;
	}
	char hex[2 * EVP_MAX_MD_SIZE];
	for (unsigned i = 0; i < mdlen; i++) {
		hex[2 * i] = hexdig[md[i] >> 4];
		hex[2 * i + 1] = hexdig[md[i] & 15];
	}
	sqlite3_result_text(ctx, hex, (int)(2 * mdlen), SQLITE_TRANSIENT);
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 with a newline after every 76 output characters, as PostgreSQL writes it. */
static void base64_encode(struct strbuf *sb, const unsigned char *p, size_t n)
{
	size_t line = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		if (line >= 76) {
			strbuf_putc(sb, '\n');
			line = 0;
		}
		char q[4] = {b64[v >> 18], b64[(v >> 12) & 63],
			     i + 1 < n ? b64[(v >> 6) & 63] : '=', i + 2 < n ? b64[v & 63] : '='};
		strbuf_append(sb, q, 4);
		line += 4;
	}
}

/* escape: NUL and bytes >= 0x80 as \ooo, a backslash doubled, everything else raw. */
static void escape_encode(struct strbuf *sb, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == 0 || p[i] >= 0x80)
			strbuf_printf(sb, "\\%03o", p[i]);
		else if (p[i] == '\\')
			strbuf_puts(sb, "\\\\");
		else
			strbuf_putc(sb, (char)p[i]);
	}
}

static void fn_encode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]), flen;
	const char *fmt = pgfn_text(argv[1], &flen);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	if (sqlite3_stricmp(fmt, "hex") == 0) {
		for (size_t i = 0; i < n; i++) {
			strbuf_putc(&sb, hexdig[p[i] >> 4]);
			strbuf_putc(&sb, hexdig[p[i] & 15]);
		}
	} else if (sqlite3_stricmp(fmt, "base64") == 0) {
		base64_encode(&sb, p, n);
	} else if (sqlite3_stricmp(fmt, "escape") == 0) {
		escape_encode(&sb, p, n);
	} else {
		strbuf_fini(&sb);
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "unrecognized encoding: \"%s\"",
			   fmt);
		return;
	}
	pgfn_result_sb(ctx, &sb, false);
}

static bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

/* Each decoder returns NULL on success, else the error text (in buf). */
static const char *hex_decode(struct strbuf *sb, const char *s, size_t n, char *buf, size_t bn)
{
	for (size_t i = 0; i < n; i++) {
		if (is_blank(s[i]))
			continue;
		int hi = base_hexval(s[i]);
		if (hi < 0) {
			snprintf(buf, bn, "invalid hexadecimal digit: \"%.*s\"",
				 (int)pgfn_utf8_len((unsigned char)s[i]), s + i);
			return buf;
		}
		if (++i >= n)
			return "invalid hexadecimal data: odd number of digits";
		int lo = base_hexval(s[i]);
		if (lo < 0) {
			snprintf(buf, bn, "invalid hexadecimal digit: \"%.*s\"",
				 (int)pgfn_utf8_len((unsigned char)s[i]), s + i);
			return buf;
		}
		strbuf_putc(sb, (char)(hi << 4 | lo));
	}
	return NULL;
}

/* PostgreSQL's pg_base64_decode: blanks skipped, '=' only at the end. */
static const char *b64_decode(struct strbuf *sb, const char *s, size_t n, char *buf, size_t bn)
{
	uint32_t acc = 0;
	int got = 0, pad = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (is_blank(ch))
			continue;
		const char *at = ch ? strchr(b64, ch) : NULL;
		int v = 0;
		if (ch == '=') {
			if (got == 2 || got == 3 || pad) {
				pad++;
			} else {
				return "unexpected \"=\" while decoding base64 sequence";
			}
		} else if (!at) {
			snprintf(buf, bn,
				 "invalid symbol \"%.*s\" found while decoding base64 "
				 "sequence",
				 (int)pgfn_utf8_len((unsigned char)ch), s + i);
			return buf;
		} else if (pad) {
			return "invalid base64 end sequence";
		} else {
			v = (int)(at - b64);
		}
		acc = (acc << 6) | (uint32_t)v;
		if (++got == 4) {
			strbuf_putc(sb, (char)(acc >> 16));
			if (pad < 2)
				strbuf_putc(sb, (char)(acc >> 8));
			if (pad < 1)
				strbuf_putc(sb, (char)acc);
			acc = 0;
			got = 0;
		}
	}
	return got ? "invalid base64 end sequence" : NULL;
}

/* escape: \\ is a backslash, \ooo an octal byte, any other backslash is an error. */
static const char *esc_decode(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\') {
			strbuf_putc(sb, s[i]);
		} else if (i + 1 < n && s[i + 1] == '\\') {
			strbuf_putc(sb, '\\');
			i++;
		} else if (i + 3 < n + 0 && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
			   s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
			strbuf_putc(sb, (char)((s[i + 1] - '0') << 6 | (s[i + 2] - '0') << 3 |
					       (s[i + 3] - '0')));
			i += 3;
		} else {
			return "invalid input syntax for type bytea";
		}
	}
	return NULL;
}

static void fn_decode(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n, flen;
	const char *s = pgfn_text(argv[0], &n), *fmt = pgfn_text(argv[1], &flen);
	char buf[128];
	const char *err;
	const char *state = SQLSTATE_INVALID_PARAMETER_VALUE;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	if (sqlite3_stricmp(fmt, "hex") == 0) {
		err = hex_decode(&sb, s, n, buf, sizeof(buf));
	} else if (sqlite3_stricmp(fmt, "base64") == 0) {
		err = b64_decode(&sb, s, n, buf, sizeof(buf));
	} else if (sqlite3_stricmp(fmt, "escape") == 0) {
		err = esc_decode(&sb, s, n);
		state = SQLSTATE_INVALID_TEXT_REPRESENTATION;
	} else {
		snprintf(buf, sizeof(buf), "unrecognized encoding: \"%s\"", fmt);
		err = buf;
	}
	if (err) {
		strbuf_fini(&sb);
		pgfn_error(ctx, state, "%s", err);
		return;
	}
	pgfn_result_sb(ctx, &sb, true);
}

/* The byte index argument checked against the value's length (2202E otherwise). */
static bool byte_index(sqlite3_context *ctx, sqlite3_value *v, int64_t len, int64_t *i)
{
	*i = sqlite3_value_int64(v);
	if (*i >= 0 && *i < len)
		return true;
	pgfn_error(ctx, "2202E", "index %lld out of valid range, 0..%lld", (long long)*i,
		   (long long)(len - 1));
	return false;
}

static void fn_get_byte(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int64_t i, n = sqlite3_value_bytes(argv[0]);
	if (byte_index(ctx, argv[1], n, &i))
		sqlite3_result_int(ctx, p[i]);
}

/* A copy of the n bytes at p for a result to change (sqlite3_free), or NULL with out of
 * memory reported. */
static unsigned char *blob_copy(sqlite3_context *ctx, const unsigned char *p, int64_t n)
{
	unsigned char *out = sqlite3_malloc64((uint64_t)n);
	if (!out)
		sqlite3_result_error_nomem(ctx);
	else
		memcpy(out, p, (size_t)n);
	return out;
}

static void fn_set_byte(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int64_t i, n = sqlite3_value_bytes(argv[0]);
	if (!byte_index(ctx, argv[1], n, &i))
		return;
	unsigned char *out = blob_copy(ctx, p, n);
	if (!out)
		return;
	out[i] = (unsigned char)sqlite3_value_int(argv[2]);
	sqlite3_result_blob(ctx, out, (int)n, sqlite3_free);
}

/* get_bit(bytes, n) and set_bit(bytes, n, bit): bit n is bit n % 8 of byte n / 8, counting
 * from the least significant (byteaGetBit/byteaSetBit). Text is an untyped literal, which
 * PostgreSQL reads as a bit string: that type is not built. */
static bool bytes_arg(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *fn)
{
	if (pgfn_any_null(ctx, argc, argv))
		return false;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT)
		return true;
	pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
		   "%s of a bit string (type bit) is not supported", fn);
	return false;
}

static void fn_get_bit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (!bytes_arg(ctx, argc, argv, "get_bit"))
		return;
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int64_t i, n = sqlite3_value_bytes(argv[0]);
	if (byte_index(ctx, argv[1], n * 8, &i))
		sqlite3_result_int(ctx, (p[i / 8] >> (i % 8)) & 1);
}

static void fn_set_bit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (!bytes_arg(ctx, argc, argv, "set_bit"))
		return;
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int64_t i, n = sqlite3_value_bytes(argv[0]);
	if (!byte_index(ctx, argv[1], n * 8, &i))
		return;
	int64_t bit = sqlite3_value_int64(argv[2]);
	if (bit != 0 && bit != 1) {
		pgfn_error(ctx, "22023", "new bit must be 0 or 1");
		return;
	}
	unsigned char *out = blob_copy(ctx, p, n);
	if (!out)
		return;
	out[i / 8] = (unsigned char)((out[i / 8] & ~(1 << (i % 8))) | (bit << (i % 8)));
	sqlite3_result_blob(ctx, out, (int)n, sqlite3_free);
}

/* ---- convert_from / convert_to: the server speaks UTF8 only ---- */

/* Which encoding a name means (base_encoding.c, pg_char_to_encoding's reading): 'u' UTF8
 * (also SQL_ASCII, whose bytes pass unchecked in PostgreSQL but must be UTF-8 here to be
 * text), 'l' LATIN1, 'o' another PostgreSQL encoding, 0 none. */
static char encoding(const char *name)
{
	int enc = base_encoding_from_sqlname(name);
	if (enc == BASE_ENC_UTF8 || enc == BASE_ENC_SQL_ASCII)
		return 'u';
	if (enc == BASE_ENC_LATIN1)
		return 'l';
	return enc >= 0 ? 'o' : 0;
}

/* The encoding argument checked: 22023 for no encoding, 0A000 for one shardlite cannot
 * convert; 0 after raising. */
static char encoding_arg(sqlite3_context *ctx, sqlite3_value *v, const char *role)
{
	const char *name = (const char *)sqlite3_value_text(v);
	char e = encoding(name ? name : "");
	if (!e)
		pgfn_error(ctx, "22023", "invalid %s encoding name \"%s\"", role, name ? name : "");
	else if (e == 'o')
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "conversion between UTF8 and %s is not supported", name);
	return e == 'o' ? 0 : e;
}

/* pgfn_convert_from(bytes, encoding): text from bytes in that encoding (pg_activity reads
 * pg_stat_activity.query through it); UTF-8 is checked (22021), LATIN1 converted. */
static void fn_convert_from(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	char e = encoding_arg(ctx, argv[1], "source");
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	if (!e)
		return;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	for (size_t i = 0, len = 1; i < n; i += len) {
		size_t bad = e == 'u' ? base_utf8_bad(p + i, n - i, &len) : 0;
		if (bad) {
			char msg[64] = "";
			for (size_t k = 0; k < bad && k < 4; k++)
				snprintf(msg + strlen(msg), sizeof(msg) - strlen(msg), " 0x%02x",
					 p[i + k]);
			pgfn_error(ctx, "22021", "invalid byte sequence for encoding \"UTF8\":%s", msg);
			strbuf_fini(&sb);
			return;
		}
		if (e == 'u') {
			strbuf_append(&sb, p + i, len);
		} else if (p[i] < 0x80) {
			strbuf_putc(&sb, (char)p[i]);
		} else { /* LATIN1 is the first 256 code points */
			strbuf_putc(&sb, (char)(0xC0 | (p[i] >> 6)));
			strbuf_putc(&sb, (char)(0x80 | (p[i] & 0x3F)));
		}
	}
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_convert_to(text, encoding): the text's bytes in that encoding (UTF8; LATIN1 where each
 * character has one, else 22P05 as PostgreSQL). */
static void fn_convert_to(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	char e = encoding_arg(ctx, argv[1], "destination");
	const unsigned char *s = sqlite3_value_text(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	if (!e)
		return;
	if (e == 'u') {
		sqlite3_result_blob64(ctx, s, n, SQLITE_TRANSIENT);
		return;
	}
	unsigned char *out = sqlite3_malloc64(n + 1);
	size_t m = 0;
	for (size_t i = 0; out && i < n; i++) {
		if (s[i] < 0x80) {
			out[m++] = s[i];
		} else if ((s[i] == 0xC2 || s[i] == 0xC3) && i + 1 < n) {
			out[m++] = (unsigned char)(((s[i] & 0x03) << 6) | (s[i + 1] & 0x3F));
			i++;
		} else {
			char seq[32] = "";
			size_t len = 1;
			(void)base_utf8_bad(s + i, n - i, &len);
			for (size_t k = 0; k < len && k < 4; k++)
				snprintf(seq + strlen(seq), sizeof(seq) - strlen(seq), "%s0x%02x",
					 k ? " " : "", s[i + k]);
			sqlite3_free(out);
			pgfn_error(ctx, "22P05",
				   "character with byte sequence %s in encoding \"UTF8\" has no "
				   "equivalent in encoding \"LATIN1\"",
				   seq);
			return;
		}
	}
	if (!out)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_blob64(ctx, out, m, sqlite3_free);
}

int pgfn_register_bytes(sqlite3 *db)
{
	static const char *const digests[] = {"pgfn_md5", "pgfn_sha224", "pgfn_sha256",
					      "pgfn_sha384", "pgfn_sha512"};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	for (size_t i = 0; i < ARRAY_LEN(digests); i++) {
		int rc = sqlite3_create_function(db, digests[i], 1, flags, (void *)digests[i],
						 fn_digest, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	static const struct pgfn_def defs[] = {
		{"pgfn_encode", 2, fn_encode},
		{"pgfn_convert_from", 2, fn_convert_from},
		{"pgfn_convert_to", 2, fn_convert_to},
		{"pgfn_decode", 2, fn_decode},
		{"pgfn_get_byte", 2, fn_get_byte},
		{"pgfn_set_byte", 3, fn_set_byte},
		{"pgfn_get_bit", 2, fn_get_bit},
		{"pgfn_set_bit", 3, fn_set_bit},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
