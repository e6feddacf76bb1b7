/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_string.c: PostgreSQL's text functions that SQLite lacks — padding, split_part, reverse,
 * initcap, translate, ascii/chr, left/right with negative lengths, repeat, starts_with,
 * concat_ws, to_hex. Lengths count characters (UTF-8), as PostgreSQL's do. */
#include "pgfn_int.h"

#include <stdio.h>
#include <string.h>

/* PostgreSQL refuses results over 1 GB ("requested length too large"). */
#define MAX_RESULT ((int64_t)1 << 30)

static bool too_long(sqlite3_context *ctx, int64_t bytes)
{
	if (bytes <= MAX_RESULT)
		return false;
	pgfn_error(ctx, SQLSTATE_PROGRAM_LIMIT_EXCEEDED, "requested length too large");
	return true;
}

/* Appends characters of fill, cycling, until `count` characters were written. */
static void put_fill(struct strbuf *sb, const char *fill, size_t flen, int64_t count)
{
	size_t i = 0;
	while (count-- > 0) {
		size_t cl = pgfn_utf8_clen(fill + i, flen - i);
		strbuf_append(sb, fill + i, cl);
		i += cl;
		if (i >= flen)
			i = 0;
	}
}

/* lpad(s, n [, fill]) and rpad: s cut to n characters, or filled up to n with fill (a space
 * by default); an empty fill leaves a short s as it is. */
static void pad(sqlite3_context *ctx, int argc, sqlite3_value **argv, bool left)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t slen, flen = 1;
	const char *s = pgfn_text(argv[0], &slen), *fill = " ";
	int64_t n = sqlite3_value_int64(argv[1]);
	if (argc == 3)
		fill = pgfn_text(argv[2], &flen);
	if (n <= 0) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	if (too_long(ctx, n * 4))
		return;
	int64_t have = (int64_t)pgfn_utf8_count(s, slen);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (have >= n || flen == 0) {
		strbuf_append(&sb, s, pgfn_utf8_offset(s, slen, (size_t)n));
	} else if (left) {
		put_fill(&sb, fill, flen, n - have);
		strbuf_append(&sb, s, slen);
	} else {
		strbuf_append(&sb, s, slen);
		put_fill(&sb, fill, flen, n - have);
	}
	pgfn_result_sb(ctx, &sb, false);
}

static void fn_lpad(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	pad(ctx, argc, argv, true);
}

static void fn_rpad(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	pad(ctx, argc, argv, false);
}

/* split_part(s, delim, n): field n (1-based; negative counts from the end). An empty
 * delimiter makes the whole string the only field. */
static void fn_split_part(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t slen, dlen;
	const char *s = pgfn_text(argv[0], &slen), *d = pgfn_text(argv[1], &dlen);
	int64_t n = sqlite3_value_int64(argv[2]);
	if (n == 0) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "field position must not be zero");
		return;
	}
	/* field starts and ends, found left to right */
	int64_t nfields = 1;
	for (const char *p = s; dlen && (p = strstr(p, d)) != NULL; p += dlen)
		nfields++;
	if (slen == 0 || (dlen == 0 && n != 1 && n != -1)) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	if (n < 0)
		n = nfields + n + 1;
	if (n < 1 || n > nfields) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	const char *start = s;
	for (int64_t i = 1; i < n; i++)
		start = strstr(start, d) + dlen;
	const char *end = dlen ? strstr(start, d) : NULL;
	size_t len = end ? (size_t)(end - start) : slen - (size_t)(start - s);
	sqlite3_result_text(ctx, start, (int)len, SQLITE_TRANSIENT);
}

static void fn_reverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	char *out = sqlite3_malloc64(n + 1);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (size_t i = 0; i < n;) {
		size_t cl = pgfn_utf8_len((unsigned char)s[i]);
		if (cl > n - i)
			cl = n - i;
		memcpy(out + n - i - cl, s + i, cl);
		i += cl;
	}
	sqlite3_result_text(ctx, out, (int)n, sqlite3_free);
}

static bool is_alnum(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* initcap in the C locale (the only one shardlite has): ASCII letters only; a letter after
 * a letter or digit goes lower case, any other letter upper case. */
static void fn_initcap(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	char *out = sqlite3_malloc64(n + 1);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	bool after_alnum = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (after_alnum && ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch + 32);
		else if (!after_alnum && ch >= 'a' && ch <= 'z')
			ch = (unsigned char)(ch - 32);
		out[i] = (char)ch;
		after_alnum = is_alnum(ch);
	}
	sqlite3_result_text(ctx, out, (int)n, sqlite3_free);
}

/* translate(s, from, to): each character of s found in from (first occurrence) becomes the
 * character at that position in to, or is dropped when to is shorter. */
static void fn_translate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t sn, fn, tn;
	const char *s = pgfn_text(argv[0], &sn), *from = pgfn_text(argv[1], &fn),
		   *to = pgfn_text(argv[2], &tn);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < sn;) {
		size_t cl = pgfn_utf8_clen(s + i, sn - i), k = 0, j = 0;
		while (j < fn && !(pgfn_utf8_clen(from + j, fn - j) == cl &&
				   memcmp(from + j, s + i, cl) == 0)) {
			j += pgfn_utf8_clen(from + j, fn - j);
			k++;
		}
		if (j >= fn) {
			strbuf_append(&sb, s + i, cl);
		} else {
			size_t at = pgfn_utf8_offset(to, tn, k);
			if (at < tn)
				strbuf_append(&sb, to + at, pgfn_utf8_clen(to + at, tn - at));
		}
		i += cl;
	}
	pgfn_result_sb(ctx, &sb, false);
}

/* ascii(s): the code point of the first character, 0 for an empty string. */
static void fn_ascii(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const unsigned char *s = (const unsigned char *)pgfn_text(argv[0], &n);
	if (n == 0) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	size_t cl = pgfn_utf8_len(s[0]);
	if (cl > n)
		cl = n;
	int cp = cl == 1 ? s[0] : s[0] & (0x7f >> cl);
	for (size_t i = 1; i < cl; i++)
		cp = (cp << 6) | (s[i] & 0x3f);
	sqlite3_result_int(ctx, cp);
}

static void fn_chr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int64_t cp = sqlite3_value_int64(argv[0]);
	char out[4];
	int n;
	if (cp < 0) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "character number must be positive");
		return;
	}
	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		pgfn_error(ctx, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			   cp == 0 ? "null character not permitted"
				   : "requested character too large for encoding: %lld",
			   (long long)cp);
		return;
	}
	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	sqlite3_result_text(ctx, out, n, SQLITE_TRANSIENT);
}

/* left(s, n): the first n characters; a negative n drops the last -n. right() mirrors it. */
static void left_right(sqlite3_context *ctx, sqlite3_value **argv, bool left)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	int64_t k = sqlite3_value_int64(argv[1]);
	int64_t chars = (int64_t)pgfn_utf8_count(s, n);
	int64_t keep = k >= 0 ? (k < chars ? k : chars) : (chars + k > 0 ? chars + k : 0);
	size_t from = left ? 0 : pgfn_utf8_offset(s, n, (size_t)(chars - keep));
	size_t to = left ? pgfn_utf8_offset(s, n, (size_t)keep) : n;
	sqlite3_result_text(ctx, s + from, (int)(to - from), SQLITE_TRANSIENT);
}

static void fn_left(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	left_right(ctx, argv, true);
}

static void fn_right(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	left_right(ctx, argv, false);
}

static void fn_repeat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	int64_t k = sqlite3_value_int64(argv[1]);
	if (k > 0 && n > 0 && too_long(ctx, k > MAX_RESULT ? k : k * (int64_t)n))
		return;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	for (int64_t i = 0; i < k && n > 0; i++)
		strbuf_append(&sb, s, n);
	pgfn_result_sb(ctx, &sb, false);
}

static void fn_starts_with(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	size_t n, pn;
	const char *s = pgfn_text(argv[0], &n), *p = pgfn_text(argv[1], &pn);
	sqlite3_result_int(ctx, pn <= n && memcmp(s, p, pn) == 0);
}

/* concat_ws(sep, ...): the non-NULL arguments joined by sep; NULL when sep is. */
static void fn_concat_ws(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (argc < 1 || pgfn_any_null(ctx, 1, argv))
		return;
	size_t sepn, n;
	const char *sep = pgfn_text(argv[0], &sepn);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	bool first = true;
	for (int i = 1; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		if (!first)
			strbuf_append(&sb, sep, sepn);
		const char *s = pgfn_text(argv[i], &n);
		strbuf_append(&sb, s, n);
		first = false;
	}
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_concat_ws_va(sep, array): concat_ws(sep, VARIADIC array), and with sep '' concat(VARIADIC
 * array): the elements (as the translator gives them, in their output form) in order, a
 * multidimensional array's flattened as PostgreSQL takes them, NULLs skipped; NULL for a NULL
 * separator or array. */
static void fn_concat_ws_va(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (pgfn_any_null(ctx, 2, argv))
		return;
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (!pgfn_array_md_arg(ctx, a, argv[1], &md)) {
		arena_free(a);
		return;
	}
	size_t sepn;
	const char *sep = pgfn_text(argv[0], &sepn);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	bool first = true;
	for (size_t i = 0; i < md.n; i++) {
		if (!md.items[i])
			continue;
		if (!first)
			strbuf_append(&sb, sep, sepn);
		strbuf_puts(&sb, md.items[i]);
		first = false;
	}
	pgfn_result_sb(ctx, &sb, false);
	arena_free(a);
}

/* pgfn_to_hex(x, bits): x in hexadecimal as the two's complement of its type's width (32 for
 * int4, 64 for int8; 0: 32 when x fits in an int4, as the translator could not tell). */
static void fn_to_hex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	int64_t x = sqlite3_value_int64(argv[0]);
	int bits = argc > 1 ? sqlite3_value_int(argv[1]) : 0;
	if (bits == 0)
		bits = x >= INT32_MIN && x <= INT32_MAX ? 32 : 64;
	char out[20];
	if (bits == 32)
		snprintf(out, sizeof(out), "%x", (unsigned)(uint32_t)x);
	else
		snprintf(out, sizeof(out), "%llx", (unsigned long long)(uint64_t)x);
	sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

int pgfn_register_string(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_lpad", 2, fn_lpad},
		{"pgfn_lpad", 3, fn_lpad},
		{"pgfn_rpad", 2, fn_rpad},
		{"pgfn_rpad", 3, fn_rpad},
		{"pgfn_split_part", 3, fn_split_part},
		{"pgfn_reverse", 1, fn_reverse},
		{"pgfn_initcap", 1, fn_initcap},
		{"pgfn_translate", 3, fn_translate},
		{"pgfn_ascii", 1, fn_ascii},
		{"pgfn_chr", 1, fn_chr},
		{"pgfn_left", 2, fn_left},
		{"pgfn_right", 2, fn_right},
		{"pgfn_repeat", 2, fn_repeat},
		{"pgfn_starts_with", 2, fn_starts_with},
		{"pgfn_concat_ws", -1, fn_concat_ws},
		{"pgfn_concat_ws_va", 2, fn_concat_ws_va},
		{"pgfn_to_hex", 2, fn_to_hex},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
