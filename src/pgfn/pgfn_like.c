/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_like.c: PostgreSQL's LIKE matcher (like_match.c) and SQLite's like(pattern, text
 * [, escape]) registered over the built-in one, which SQLite's LIKE operator calls. It is
 * deterministic and innocuous, so views, triggers, CHECK, index predicates and generated
 * columns may use it with trusted_schema off (the built-in one, once PRAGMA
 * case_sensitive_like has re-registered it, is neither). ILIKE is lower() on both sides
 * (xlat_pred.c); GLOB is untouched. */
#include "pgfn_int.h"

#include <string.h>

/* One character forward: a UTF-8 character of text, one byte of bytea. */
static void next_char(const unsigned char **s, size_t *len, bool bytes)
{
	do {
		(*s)++;
		(*len)--;
	} while (!bytes && *len > 0 && (**s & 0xc0) == 0x80);
}

static bool at_escape(const unsigned char *p, size_t plen, const char *esc, size_t esclen)
{
	return esclen && plen >= esclen && memcmp(p, esc, esclen) == 0;
}

/* like_match.c's MatchText without its recursion. A nested % only ever returns a match or
 * "abort" to the % before it, never "no match here", so only the innermost % needs to go on
 * scanning: its scan position and the pattern after it are all the state there is. Errors
 * are raised exactly where MatchText reaches an escape with nothing after it. */
enum pgfn_like pgfn_like_match(const char *text, size_t tlen, const char *pat, size_t plen,
			       const char *esc, size_t esclen, bool bytes)
{
	const unsigned char *t = (const unsigned char *)text, *p = (const unsigned char *)pat;
	const unsigned char *rt = NULL, *rp = NULL; /* the innermost %: scan position, rest */
	size_t rtlen = 0, rplen = 0;
	unsigned char first = 0;
	if (plen == 1 && *p == '%' && !at_escape(p, plen, esc, esclen))
		return PGFN_LIKE_TRUE;
	for (;;) {
		while (tlen > 0 && plen > 0) {
			if (at_escape(p, plen, esc, esclen)) {
				p += esclen;
				plen -= esclen;
				if (plen == 0)
					return PGFN_LIKE_BAD_ESCAPE;
				if (*p != *t)
					goto mismatch;
			} else if (*p == '%') {
				next_char(&p, &plen, true);
				while (plen > 0 && !at_escape(p, plen, esc, esclen)) {
					if (*p == '%') {
						next_char(&p, &plen, true);
					} else if (*p == '_') {
						if (tlen == 0)
							return PGFN_LIKE_FALSE;
						next_char(&t, &tlen, bytes);
						next_char(&p, &plen, true);
					} else {
						break;
					}
				}
				if (plen == 0)
					return PGFN_LIKE_TRUE;
				if (at_escape(p, plen, esc, esclen)) {
					if (plen <= esclen)
						return PGFN_LIKE_BAD_ESCAPE;
					first = p[esclen];
				} else {
					first = *p;
				}
				rt = t, rtlen = tlen, rp = p, rplen = plen;
				goto scan;
			} else if (*p == '_') {
				next_char(&t, &tlen, bytes);
				next_char(&p, &plen, true);
				continue;
			} else if (*p != *t) {
				goto mismatch;
			}
			next_char(&t, &tlen, true);
			next_char(&p, &plen, true);
		}
		if (tlen > 0)
			goto mismatch;
		while (plen > 0 && *p == '%' && !at_escape(p, plen, esc, esclen))
			next_char(&p, &plen, true);
		return plen == 0 ? PGFN_LIKE_TRUE : PGFN_LIKE_FALSE;
	mismatch:
		if (!rp)
			return PGFN_LIKE_FALSE;
		next_char(&rt, &rtlen, bytes);
	scan:
		while (rtlen > 0 && *rt != first)
			next_char(&rt, &rtlen, bytes);
		if (rtlen == 0)
			return PGFN_LIKE_FALSE;
		t = rt, tlen = rtlen, p = rp, plen = rplen;
	}
}

void pgfn_like_bad_escape(sqlite3_context *ctx)
{
	pgfn_error(ctx, "22025", "LIKE pattern must not end with escape character");
}

/* An argument's bytes: a blob's as they are (bytea LIKE bytea), anything else as text. */
static const char *arg_bytes(sqlite3_value *v, size_t *len)
{
	if (sqlite3_value_type(v) == SQLITE_BLOB) {
		const void *b = sqlite3_value_blob(v);
		*len = (size_t)sqlite3_value_bytes(v);
		return b ? b : "";
	}
	const char *s = (const char *)sqlite3_value_text(v);
	*len = (size_t)sqlite3_value_bytes(v);
	return s ? s : "";
}

/* like(pattern, text [, escape]): the LIKE operator's function, SQLite's argument order.
 * Without an escape argument no character escapes (the translator spells out ESCAPE '\' when
 * a pattern may hold one); ESCAPE '' turns escaping off; anything longer than one character
 * is like_escape's 22025 (its hint is not carried). Byte-wise when either side is a blob. */
static void fn_like(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	bool bytes = sqlite3_value_type(argv[0]) == SQLITE_BLOB ||
		     sqlite3_value_type(argv[1]) == SQLITE_BLOB;
	size_t plen, tlen, esclen = 0;
	const char *esc = NULL;
	if (argc == 3) {
		esc = arg_bytes(argv[2], &esclen);
		if (esclen > (bytes ? 1 : pgfn_utf8_clen(esc, esclen))) {
			pgfn_error(ctx, "22025", "invalid escape string");
			return;
		}
	}
	const char *pat = arg_bytes(argv[0], &plen);
	const char *text = arg_bytes(argv[1], &tlen);
	enum pgfn_like r = pgfn_like_match(text, tlen, pat, plen, esc, esclen, bytes);
	if (r == PGFN_LIKE_BAD_ESCAPE)
		pgfn_like_bad_escape(ctx);
	else
		sqlite3_result_int(ctx, r == PGFN_LIKE_TRUE);
}

/* pgfn_like_lo(pattern, escape) / pgfn_like_hi(pattern, escape): the bounds of the index
 * range the translator puts beside col LIKE $n (xlat_pred.c), constant for the statement:
 * lo the pattern's literal prefix (pgtype_like_prefix), hi the least text above every text
 * that begins with it, or x'' (above every text) when there is none. NULL for a NULL
 * argument; an escape of more than one character is like()'s 22025. */
static void like_bound(sqlite3_context *ctx, sqlite3_value **argv, bool hi)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	size_t plen, esclen;
	const char *esc = arg_bytes(argv[1], &esclen);
	if (esclen > pgfn_utf8_clen(esc, esclen)) {
		pgfn_error(ctx, "22025", "invalid escape string");
		return;
	}
	const char *pat = arg_bytes(argv[0], &plen);
	char *buf = sqlite3_malloc64(2 * (plen + 4));
	if (!buf) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	size_t n = pgtype_like_prefix(pat, plen, esc, esclen, buf), hn = 0;
	char *up = buf + plen + 4;
	if (!hi)
		sqlite3_result_text(ctx, buf, (int)n, SQLITE_TRANSIENT);
	else if (pgtype_like_upper(buf, n, up, &hn))
		sqlite3_result_text(ctx, up, (int)hn, SQLITE_TRANSIENT);
	else
		sqlite3_result_zeroblob(ctx, 0);
	sqlite3_free(buf);
}

static void fn_like_lo(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	like_bound(ctx, argv, false);
}

static void fn_like_hi(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	like_bound(ctx, argv, true);
}

int pgfn_register_like(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"like", 2, fn_like},
		{"like", 3, fn_like},
		{"pgfn_like_lo", 2, fn_like_lo},
		{"pgfn_like_hi", 2, fn_like_hi},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
