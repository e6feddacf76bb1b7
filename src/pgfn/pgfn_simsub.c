/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_simsub.c: substring(s SIMILAR pattern ESCAPE e) and substring(s FROM pattern FOR e),
 * PostgreSQL's SQL regular expression substring: the escape-double-quote separators split the
 * pattern into three regular expressions (similar_escape_internal's conversion each), the
 * whole string must match them in order, the first and third matching as little text as they
 * can, and the text the middle one matched is the result (NULL without a match). POSIX has no
 * non-greedy form, so the split is searched here: the shortest prefix the first part matches
 * whole, then the longest middle after it whose remainder the third part matches whole. */
#include "pgfn_int.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#define PARTS 3

/* The pattern's three parts as regexes, anchored at both ends. */
struct simsub {
	regex_t *re[PARTS];
};

static void simsub_free(void *p)
{
	struct simsub *ss = p;
	for (int i = 0; ss && i < PARTS; i++)
		if (ss->re[i])
			pgfn_regex_free(ss->re[i]);
	free(ss);
}

/* An escaped character: POSIX's special characters stay literal, letters keep PostgreSQL's
 * class escapes (\d, \w, ...: the regex compiler rewrites them), anything else is itself. */
static void escaped(struct strbuf *out, const char *c, size_t n)
{
	if (n == 1 && strchr(".^$*+?()[]{}|\\", *c))
		strbuf_putc(out, '\\');
	else if (n == 1 && strchr("dDsSwW", *c))
		strbuf_putc(out, '\\');
	strbuf_append(out, c, n);
}

/* similar_escape_internal's conversion of pattern p with escape character esc (NULL: none),
 * each part into part[k] as "^(...)$"; false with the error in ctx (2200C for a third
 * separator, as PostgreSQL's). */
static bool convert(sqlite3_context *ctx, const char *p, const char *esc, size_t esclen,
		    struct strbuf part[PARTS])
{
	int k = 0;
	bool after_escape = false, in_class = false;
	size_t class_pos = 0; /* characters of the bracket expression so far ('[' is 1) */
	strbuf_puts(&part[0], "^(");
	for (size_t left = strlen(p); left > 0;) {
		size_t n = pgfn_utf8_clen(p, left);
		struct strbuf *out = &part[k];
		if (after_escape) {
			after_escape = false;
			if (*p == '"' && !in_class) {
				if (k == PARTS - 1) {
					pgfn_error(ctx, "2200C",
						   "SQL regular expression may not contain more than "
						   "two escape-double-quote separators");
					return false;
				}
				strbuf_puts(out, ")$");
				strbuf_puts(&part[++k], "^(");
			} else if (in_class) {
				strbuf_append(out, p, n); /* a bracket's member as it is */
				class_pos++;
			} else {
				escaped(out, p, n);
			}
		} else if (esc && n == esclen && memcmp(p, esc, n) == 0) {
			after_escape = true;
		} else if (in_class) {
			strbuf_append(out, p, n); /* a backslash is itself in a POSIX bracket */
			class_pos++;
			if (*p == ']' && class_pos > 2)
				in_class = false;
			else if (*p == '^' && class_pos == 2)
				class_pos = 1; /* [^]...]: the ] after ^ is a member too */
		} else if (*p == '[') {
			strbuf_putc(out, '[');
			in_class = true;
			class_pos = 1;
		} else if (*p == '%') {
			strbuf_puts(out, ".*");
		} else if (*p == '_') {
			strbuf_putc(out, '.');
		} else if (*p == '.' || *p == '^' || *p == '$' || *p == '\\') {
			strbuf_putc(out, '\\');
			strbuf_putc(out, *p);
		} else {
			strbuf_append(out, p, n);
		}
		p += n;
		left -= n;
	}
	strbuf_puts(&part[k], ")$");
	if (k == 0) { /* no separator: the whole pattern is the middle */
		struct strbuf whole = part[0];
		part[0] = part[1];
		part[1] = whole;
	}
	for (int i = 0; i < PARTS; i++) /* missing parts match the empty string */
		if (!part[i].len)
			strbuf_puts(&part[i], "^()$");
	return true;
}

/* The compiled parts of pattern argv[1] with escape argv[2], kept with the statement while
 * the pattern is constant; NULL with the error in ctx. */
static struct simsub *compiled(sqlite3_context *ctx, sqlite3_value **argv)
{
	struct simsub *ss = sqlite3_get_auxdata(ctx, 1);
	if (ss && sqlite3_get_auxdata(ctx, 2))
		return ss;
	const char *pat = (const char *)sqlite3_value_text(argv[1]);
	const char *esc = (const char *)sqlite3_value_text(argv[2]);
	size_t esclen = esc ? strlen(esc) : 0;
	if (esclen && pgfn_utf8_count(esc, esclen) > 1) {
		pgfn_error(ctx, "22025", "invalid escape string");
		return NULL;
	}
	struct strbuf part[PARTS];
	for (int k = 0; k < PARTS; k++)
		strbuf_init(&part[k], 0);
	ss = base_xcalloc(1, sizeof(*ss));
	bool ok = convert(ctx, pat ? pat : "", esclen ? esc : NULL, esclen, part);
	for (int k = 0; ok && k < PARTS; k++) {
		char why[300];
		ok = !part[k].failed &&
		     (ss->re[k] = pgfn_regex_compile(part[k].data, 0, why, sizeof(why))) != NULL;
		if (!ok)
			pgfn_error(ctx, "2201B", "%s", part[k].failed ? "out of memory" : why);
	}
	for (int k = 0; k < PARTS; k++)
		strbuf_fini(&part[k]);
	if (!ok) {
		simsub_free(ss);
		return NULL;
	}
	sqlite3_set_auxdata(ctx, 1, ss, simsub_free);
	sqlite3_set_auxdata(ctx, 2, (void *)1, NULL); /* the escape too is as compiled */
	ss = sqlite3_get_auxdata(ctx, 1);
	if (!ss)
		sqlite3_result_error_nomem(ctx);
	return ss;
}

/* Whether re matches s[from..to) whole (buf: room for the longest piece). */
static bool whole(const regex_t *re, const char *s, size_t from, size_t to, char *buf)
{
	memcpy(buf, s + from, to - from);
	buf[to - from] = '\0';
	return regexec(re, buf, 0, NULL, 0) == 0;
}

/* pgfn_similar_substring(s, pattern, escape) */
static void fn_similar_substring(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct simsub *ss = compiled(ctx, argv);
	if (!ss)
		return;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	/* the character boundaries of s, and where the third part matches the rest whole */
	size_t *at = malloc((len + 2) * sizeof(*at));
	bool *tail = malloc(len + 2);
	char *buf = malloc(len + 1);
	if (!at || !tail || !buf) {
		free(at), free(tail), free(buf);
		sqlite3_result_error_nomem(ctx);
		return;
	}
	size_t nb = 0;
	for (size_t i = 0; i < len; i += pgfn_utf8_clen(s + i, len - i))
		at[nb++] = i;
	at[nb++] = len;
	for (size_t j = 0; j < nb; j++)
		tail[j] = regexec(ss->re[2], s + at[j], 0, NULL, 0) == 0;
	bool found = false;
	for (size_t i = 0; i < nb && !found; i++) {
		if (!whole(ss->re[0], s, 0, at[i], buf))
			continue; /* the first part: the shortest prefix it matches */
		for (size_t j = nb; j-- > i && !found;) { /* the middle: the longest */
			if (tail[j] && whole(ss->re[1], s, at[i], at[j], buf)) {
				found = true;
				sqlite3_result_text(ctx, s + at[i], (int)(at[j] - at[i]),
						    SQLITE_TRANSIENT);
			}
		}
	}
	free(at), free(tail), free(buf);
	if (!found)
		sqlite3_result_null(ctx);
}

int pgfn_register_simsub(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_similar_substring", 3, fn_similar_substring},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
