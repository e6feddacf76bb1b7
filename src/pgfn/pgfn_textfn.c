/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_textfn.c: overlay (text in characters, bytea in bytes), unistr (Unicode escapes) and
 * bit_count of a bytea — string functions PostgreSQL added late that SQLite has no form of. */
#include "pgfn_int.h"

#include <stdint.h>
#include <string.h>

/* pgfn_overlay(s, r, from[, count], bytea): s's first from - 1 units, r, then s from
 * from + count (count defaults to r's length), as text_overlay and byteaoverlay. */
static void fn_overlay(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc - 1, argv))
		return;
	bool bytea = sqlite3_value_int(argv[argc - 1]) != 0;
	const char *s, *r;
	size_t sn, rn;
	if (bytea) {
		s = sqlite3_value_blob(argv[0]);
		sn = (size_t)sqlite3_value_bytes(argv[0]);
		r = sqlite3_value_blob(argv[1]);
		rn = (size_t)sqlite3_value_bytes(argv[1]);
	} else {
		s = pgfn_text(argv[0], &sn);
		r = pgfn_text(argv[1], &rn);
	}
	int64_t from = sqlite3_value_int64(argv[2]);
	int64_t count = argc == 5 ? sqlite3_value_int64(argv[3])
				  : (int64_t)(bytea ? rn : pgfn_utf8_count(r, rn));
	if (from < 1) { /* the head would be a substring of negative length */
		pgfn_error(ctx, "22011", "negative substring length not allowed");
		return;
	}
	int64_t tail; /* substring(s, from + count) */
	if (__builtin_add_overflow(from, count, &tail) || tail < 1)
		tail = count < 0 ? 1 : INT64_MAX;
	size_t head_end = bytea ? ((size_t)from - 1 < sn ? (size_t)from - 1 : sn)
				: pgfn_utf8_offset(s, sn, (size_t)from - 1);
	size_t tail_at = bytea ? ((size_t)tail - 1 < sn ? (size_t)tail - 1 : sn)
			       : pgfn_utf8_offset(s, sn, (size_t)tail - 1);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, s ? s : "", head_end);
	strbuf_append(&sb, r ? r : "", rn);
	strbuf_append(&sb, s ? s + tail_at : "", sn - tail_at);
	pgfn_result_sb(ctx, &sb, bytea);
}

static int hex_n(const char *s, size_t left, int n, uint32_t *out)
{
	uint32_t v = 0;
	if (left < (size_t)n)
		return 0;
	for (int i = 0; i < n; i++) {
		char ch = s[i];
		int d = base_hexval(ch);
		if (d < 0)
			return 0;
		v = v << 4 | (uint32_t)d;
	}
	*out = v;
	return n;
}

static void put_utf8(struct strbuf *sb, uint32_t c)
{
	char b[4];
	size_t n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	static const unsigned char lead[] = {0, 0, 0xc0, 0xe0, 0xf0};
	for (size_t i = n - 1; i > 0; i--, c >>= 6)
		b[i] = (char)(0x80 | (c & 0x3f));
	b[0] = (char)(lead[n] | c);
	strbuf_append(sb, b, n);
}

/* One escape after a backslash at s[0]: its code point and length, 0 when malformed. */
static size_t escape(const char *s, size_t left, uint32_t *c)
{
	if (hex_n(s + 1, left - 1, 4, c))
		return 5;
	if (left > 1 && s[1] == 'u' && hex_n(s + 2, left - 2, 4, c))
		return 6;
	if (left > 1 && s[1] == '+' && hex_n(s + 2, left - 2, 6, c))
		return 8;
	if (left > 1 && s[1] == 'U' && hex_n(s + 2, left - 2, 8, c))
		return 10;
	return 0;
}

/* Appends unistr's reading of s to sb; false after raising the error. A first UTF-16
 * surrogate must be followed at once by an escape of a second one. */
static bool unescape(sqlite3_context *ctx, struct strbuf *sb, const char *s, size_t n)
{
	uint32_t high = 0, c;
	for (size_t i = 0; i < n;) {
		if (s[i] != '\\' || (i + 1 < n && s[i + 1] == '\\')) { /* a byte, or \\ */
			if (high)
				goto bad_pair;
			strbuf_putc(sb, s[i]);
			i += s[i] == '\\' ? 2 : 1;
			continue;
		}
		size_t len = escape(s + i, n - i, &c);
		if (!len) {
			pgfn_error(ctx, SQLSTATE_SYNTAX_ERROR, "invalid Unicode escape");
			return false;
		}
		i += len;
		if (c == 0 || c > 0x10FFFF) {
			pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
				   "invalid Unicode code point: %04X", c);
			return false;
		}
		if ((high != 0) != (c >= 0xDC00 && c <= 0xDFFF))
			goto bad_pair;
		if (high) {
			c = 0x10000 + ((high - 0xD800) << 10) + (c - 0xDC00);
			high = 0;
		} else if (c >= 0xD800 && c <= 0xDBFF) {
			high = c;
			continue;
		}
		put_utf8(sb, c);
	}
	if (!high)
		return true;
bad_pair:
	pgfn_error(ctx, SQLSTATE_SYNTAX_ERROR, "invalid Unicode surrogate pair");
	return false;
}

static void fn_unistr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	if (unescape(ctx, &sb, s, n))
		pgfn_result_sb(ctx, &sb, false);
	else
		strbuf_fini(&sb);
}

/* bit_count(bytea): the number of bits set, a bigint. */
static void fn_bit_count(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int n = sqlite3_value_bytes(argv[0]);
	int64_t bits = 0;
	for (int i = 0; i < n; i++)
		bits += __builtin_popcount(p[i]);
	sqlite3_result_int64(ctx, bits);
}

int pgfn_register_textfn(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_overlay", 4, fn_overlay},
		{"pgfn_overlay", 5, fn_overlay},
		{"pgfn_unistr", 1, fn_unistr},
		{"pgfn_bit_count", 1, fn_bit_count},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
