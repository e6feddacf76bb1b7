/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_regex.c: regular expressions on POSIX extended regexes (<regex.h>), with PostgreSQL's
 * common ARE escapes (\d \D \s \S \w \W outside brackets) rewritten into classes and its
 * non-capturing groups (?:...) into plain ones, captures renumbered: the ~ family
 * (pg_regex, moved here from the catalog), regexp_replace, regexp_match, regexp_like,
 * regexp_split_to_array, and SIMILAR TO (its pattern turned into a regex as PostgreSQL's
 * similar_to_escape does). Compiled patterns are cached per statement (auxdata). */
#include "pgfn_int.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most groups a pattern's captures are looked up among (POSIX groups, counting the
 * non-capturing ones too). */
#define MAX_GROUPS PGFN_REGEX_GROUPS

/* A compiled pattern and where PostgreSQL's captures \1..\9 are among its POSIX groups: ARE's
 * non-capturing (?:...) is an ordinary group to POSIX, so the captures after one move. re comes
 * first: the functions pass a struct cre around as its regex_t. */
struct cre {
	regex_t re;
	size_t ncap;            /* PostgreSQL's capturing groups (at most 9 are reachable) */
	unsigned char cap[10];  /* cap[i]: the POSIX group of capture i; 0: past MAX_GROUPS */
};

/* Rewrites ARE escapes POSIX lacks and (?: into (, noting the captures in cre; other text is
 * kept. */
static void are_to_posix(struct strbuf *out, const char *p, struct cre *cre)
{
	size_t groups = 0;
	static const struct {
		char esc;
		const char *cls;
	} classes[] = {{'d', "[0-9]"},        {'D', "[^0-9]"},       {'s', "[[:space:]]"},
		       {'S', "[^[:space:]]"}, {'w', "[[:alnum:]_]"}, {'W', "[^[:alnum:]_]"}};
	bool in_bracket = false;
	for (; *p; p++) {
		if (in_bracket) {
			if (*p == ']')
				in_bracket = false;
			strbuf_putc(out, *p);
			continue;
		}
		if (*p == '[') {
			in_bracket = true;
			strbuf_putc(out, *p++);
			if (*p == '^')
				strbuf_putc(out, *p++);
			if (*p == ']')
				strbuf_putc(out, *p++); /* a leading ] is a member */
			p--;
			continue;
		}
		if (*p == '\\' && p[1]) {
			size_t k = 0;
			while (k < ARRAY_LEN(classes) && classes[k].esc != p[1])
				k++;
			if (k < ARRAY_LEN(classes)) {
				strbuf_puts(out, classes[k].cls);
				p++;
				continue;
			}
			strbuf_putc(out, *p++);
		} else if (*p == '(') {
			groups++;
			if (p[1] == '?' && p[2] == ':') { /* (?:...): a group, not a capture */
				strbuf_putc(out, '(');
				p += 2;
				continue;
			}
			if (cre->ncap++ < 9)
				cre->cap[cre->ncap] = groups < MAX_GROUPS ? (unsigned char)groups : 0;
		}
		strbuf_putc(out, *p);
	}
}

/* PostgreSQL's limits: a bound above 255 is "invalid repetition count(s)", a quantifier on a
 * quantifier (a++) "quantifier operand invalid"; bounds multiplied beyond 1000 are refused as
 * too complex too, since glibc expands every repetition into states ((a{255}){255} would take
 * gigabytes where PostgreSQL's engine takes kilobytes). */
static const char *too_complex(const char *p)
{
	long product = 1;
	int quantified = 0; /* quantifiers right before this character: a+? is fine, a++ not */
	for (; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			quantified = 0;
			continue;
		}
		if (*p == '[') { /* a bracket expression: its * + ? { are members */
			p += p[1] == '^' ? 2 : 1;
			p += *p == ']';
			while (*p && *p != ']')
				p++;
			quantified = 0;
			if (!*p)
				break;
			continue;
		}
		bool quant = *p == '*' || *p == '+' || *p == '?' || *p == '{';
		if (quant && quantified && !(quantified == 1 && *p == '?'))
			return "invalid regular expression: quantifier operand invalid";
		quantified = quant ? quantified + 1 : 0;
		if (*p != '{')
			continue;
		char *end;
		long lo = strtol(p + 1, &end, 10), hi = lo;
		if (end == p + 1)
			continue;
		if (*end == ',')
			hi = end[1] == '}' ? lo : strtol(end + 1, &end, 10);
		if (lo > 255 || hi > 255)
			return "invalid regular expression: invalid repetition count(s)";
		if (*end == '}')
			p = end; /* the bound is one quantifier: a{2}+ is refused like a++ */
		product *= hi > 1 ? hi : 1;
		if (product > 1000)
			return "invalid regular expression: regular expression is too complex";
	}
	return NULL;
}

void pgfn_regex_free(void *p)
{
	regfree(p);
	free(p);
}

size_t pgfn_regex_ncap(const regex_t *re)
{
	size_t n = ((const struct cre *)re)->ncap;
	return n < 9 ? n : 9;
}

const regmatch_t *pgfn_regex_capture(const regex_t *re, const regmatch_t *m, size_t i)
{
	const struct cre *c = (const struct cre *)re;
	if (i > c->ncap || i > 9)
		return NULL;
	const regmatch_t *g = i ? (c->cap[i] ? &m[c->cap[i]] : NULL) : &m[0];
	return g && g->rm_so >= 0 ? g : NULL;
}

/* ARE's embedded options at the head of a pattern, (?i) or (?in): the letters this engine has
 * (i c n m s t) are applied to *cflags and the group skipped; a group with another letter is
 * left in the pattern, where POSIX refuses it (2201B). */
static const char *embedded_options(const char *pat, int *cflags)
{
	if (pat[0] != '(' || pat[1] != '?')
		return pat;
	const char *end = pat + 2 + strspn(pat + 2, "icnmst");
	if (*end != ')' || end == pat + 2)
		return pat;
	for (const char *f = pat + 2; f < end; f++) {
		if (*f == 'i')
			*cflags |= REG_ICASE;
		else if (*f == 'c')
			*cflags &= ~REG_ICASE;
		else if (*f == 'n' || *f == 'm')
			*cflags |= REG_NEWLINE;
		else if (*f == 's')
			*cflags &= ~REG_NEWLINE;
	}
	return end + 1;
}

regex_t *pgfn_regex_compile(const char *pat, int cflags, char *why, size_t n)
{
	pat = embedded_options(pat, &cflags);
	const char *complex = too_complex(pat);
	if (complex) {
		snprintf(why, n, "%s", complex);
		return NULL;
	}
	struct strbuf posix;
	strbuf_init(&posix, 0);
	strbuf_append(&posix, "", 0);
	struct cre *cre = base_xcalloc(1, sizeof(*cre));
	are_to_posix(&posix, pat, cre);
	regex_t *re = &cre->re;
	int rc = posix.failed ? REG_ESPACE : regcomp(re, posix.data, REG_EXTENDED | cflags);
	strbuf_fini(&posix);
	if (rc != 0) {
		char msg[256];
		regerror(rc, re, msg, sizeof(msg));
		free(re);
		snprintf(why, n, "invalid regular expression: %s", msg);
		return NULL;
	}
	return re;
}

regex_t *pgfn_regex_compiled(sqlite3_context *ctx, int slot, const char *pat, int cflags)
{
	regex_t *re = sqlite3_get_auxdata(ctx, slot);
	if (re)
		return re;
	char why[300];
	re = pgfn_regex_compile(pat, cflags, why, sizeof(why));
	if (!re) {
		pgfn_error(ctx, "2201B", "%s", why);
		return NULL;
	}
	sqlite3_set_auxdata(ctx, slot, re, pgfn_regex_free);
	re = sqlite3_get_auxdata(ctx, slot);
	if (!re)
		sqlite3_result_error_nomem(ctx);
	return re;
}

const char *pgfn_regex_flags(const char *f, bool allow_g, int *cflags, bool *global,
			     char why[64])
{
	*cflags = 0;
	*global = false;
	for (; f && *f; f++) {
		if (*f == 'i') {
			*cflags |= REG_ICASE;
		} else if (*f == 'c') {
			*cflags &= ~REG_ICASE;
		} else if (*f == 'g' && allow_g) {
			*global = true;
		} else if (*f == 'n' || *f == 'm') { /* newline-sensitive: POSIX's REG_NEWLINE */
			*cflags |= REG_NEWLINE;
		} else if (*f == 's') {
			*cflags &= ~REG_NEWLINE;
		} else if (*f == 't') { /* tight syntax, the default */
		} else if (strchr("bepqwx", *f)) {
			snprintf(why, 64, "regular expression option \"%c\" is not supported", *f);
			return SQLSTATE_FEATURE_NOT_SUPPORTED;
		} else {
			snprintf(why, 64, "invalid regular expression option: \"%c\"", *f);
			return SQLSTATE_INVALID_PARAMETER_VALUE;
		}
	}
	return NULL;
}

/* PostgreSQL's flag letters: g (global, where allowed), i/c (case), n/m/s (newline-sensitive
 * or not), t; the others are refused. */
static bool flags(sqlite3_context *ctx, sqlite3_value *v, bool allow_g, int *cflags, bool *global)
{
	char why[64];
	const char *state = pgfn_regex_flags(v ? (const char *)sqlite3_value_text(v) : "",
					     allow_g, cflags, global, why);
	if (state)
		pgfn_error(ctx, state, "%s", why);
	return !state;
}

/* pg_regex(s, pattern, icase): the ~ and ~* operators. */
static void fn_regex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	regex_t *re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]),
			       sqlite3_value_int(argv[2]) ? REG_ICASE : 0);
	if (re)
		sqlite3_result_int(ctx, regexec(re, (const char *)sqlite3_value_text(argv[0]), 0,
						NULL, 0) == 0);
}

/* regexp_like(s, pattern [, flags]) */
static void fn_like(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int cf;
	bool g;
	if (pgfn_any_null(ctx, argc, argv) ||
	    !flags(ctx, argc > 2 ? argv[2] : NULL, false, &cf, &g))
		return;
	regex_t *re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]), cf);
	if (re)
		sqlite3_result_int(ctx, regexec(re, (const char *)sqlite3_value_text(argv[0]), 0,
						NULL, 0) == 0);
}

/* The replacement text with \1..\9 and \& expanded (\\ is a backslash). */
static void put_replacement(struct strbuf *sb, const char *s, const char *repl, const regex_t *re,
			    const regmatch_t *m)
{
	for (const char *r = repl; *r; r++) {
		if (*r != '\\' || !r[1]) {
			strbuf_putc(sb, *r);
			continue;
		}
		r++;
		int g = *r == '&' ? 0 : *r >= '1' && *r <= '9' ? *r - '0' : -1;
		const regmatch_t *c = g >= 0 ? pgfn_regex_capture(re, m, (size_t)g) : NULL;
		if (g < 0)
			strbuf_putc(sb, *r);
		else if (c)
			strbuf_append(sb, s + c->rm_so, (size_t)(c->rm_eo - c->rm_so));
	}
}

/* s with the n-th match of re at or after byte `at` replaced by repl (every one from there
 * when n is 0), as PostgreSQL's replace_text_regexp: text before `at` and matches before the
 * n-th are kept. */
static void replace_from(sqlite3_context *ctx, const regex_t *re, const char *s, const char *repl,
			 size_t at, int n)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, s, at);
	regmatch_t m[MAX_GROUPS];
	size_t len = strlen(s), copied = at;
	int seen = 0;
	while (at <= len && regexec(re, s + at, MAX_GROUPS, m, at ? REG_NOTBOL : 0) == 0) {
		size_t so = at + (size_t)m[0].rm_so, eo = at + (size_t)m[0].rm_eo;
		if (n == 0 || ++seen == n) {
			strbuf_append(&sb, s + copied, so - copied);
			put_replacement(&sb, s + at, repl, re, m);
			copied = eo;
		}
		/* after an empty match, the next search starts one character on */
		at = eo + (eo > so ? 0 : eo < len ? pgfn_utf8_clen(s + eo, len - eo) : 1);
		if (n && seen == n)
			break;
	}
	if (copied < len)
		strbuf_append(&sb, s + copied, len - copied);
	pgfn_result_sb(ctx, &sb, false);
}

/* regexp_replace(s, pattern, replacement [, flags]) */
static void fn_replace(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int cf;
	bool global;
	if (pgfn_any_null(ctx, 3, argv) ||
	    !flags(ctx, argc > 3 ? argv[3] : NULL, true, &cf, &global))
		return;
	regex_t *re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]), cf);
	if (re)
		replace_from(ctx, re, (const char *)sqlite3_value_text(argv[0]),
			     (const char *)sqlite3_value_text(argv[2]), 0, global ? 0 : 1);
}

/* regexp_replace(s, pattern, replacement, start [, n [, flags]]) (PostgreSQL 15): from the
 * start-th character, the n-th match (0: all; without n, all under 'g', else the first). */
static void fn_replace_at(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int cf;
	bool global;
	if (pgfn_any_null(ctx, argc, argv))
		return;
	sqlite3_int64 start = sqlite3_value_int64(argv[3]);
	sqlite3_int64 n = argc > 4 ? sqlite3_value_int64(argv[4]) : 1;
	n = n > INT32_MAX ? INT32_MAX : n;
	if (start <= 0 || n < 0) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "invalid value for parameter \"%s\": %lld", start <= 0 ? "start" : "n",
			   (long long)(start <= 0 ? start : n));
		return;
	}
	if (!flags(ctx, argc > 5 ? argv[5] : NULL, true, &cf, &global))
		return;
	regex_t *re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]), cf);
	if (!re)
		return;
	size_t len;
	const char *s = pgfn_text(argv[0], &len);
	replace_from(ctx, re, s, (const char *)sqlite3_value_text(argv[2]),
		     pgfn_utf8_offset(s, len, (size_t)start - 1), (int)n);
}

/* regexp_match(s, pattern [, flags]): the groups (or the whole match) as text[]. */
static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int cf;
	bool g;
	if (pgfn_any_null(ctx, 2, argv) || !flags(ctx, argc > 2 ? argv[2] : NULL, false, &cf, &g))
		return;
	regex_t *re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]), cf);
	if (!re)
		return;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	regmatch_t m[MAX_GROUPS];
	if (regexec(re, s, MAX_GROUPS, m, 0) != 0) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t ngroups = pgfn_regex_ncap(re);
	struct strbuf sb, el;
	strbuf_init(&sb, 0);
	strbuf_init(&el, 0);
	strbuf_putc(&sb, '{');
	for (size_t i = ngroups ? 1 : 0; i <= ngroups; i++) {
		if (i > 1)
			strbuf_putc(&sb, ',');
		const regmatch_t *c = pgfn_regex_capture(re, m, i);
		strbuf_reset(&el);
		strbuf_append(&el, "", 0);
		if (c)
			strbuf_append(&el, s + c->rm_so, (size_t)(c->rm_eo - c->rm_so));
		pgfn_array_put_elem(&sb, c ? el.data : NULL);
	}
	strbuf_putc(&sb, '}');
	strbuf_fini(&el);
	pgfn_result_sb(ctx, &sb, false);
}

/* regexp_split_to_array(s, pattern [, flags]): the text between matches (empty matches split
 * between characters). */
static void fn_split(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int cf;
	bool g;
	if (pgfn_any_null(ctx, 2, argv) || !flags(ctx, argc > 2 ? argv[2] : NULL, false, &cf, &g))
		return;
	regex_t *re = pgfn_regex_compiled(ctx, 1, (const char *)sqlite3_value_text(argv[1]), cf);
	if (!re)
		return;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	size_t len = strlen(s), at = 0, start = 0;
	struct strbuf sb, el;
	strbuf_init(&sb, 0);
	strbuf_init(&el, 0);
	strbuf_putc(&sb, '{');
	regmatch_t m[1];
	bool first = true;
	/* setup_regexp_matches with ignore_degenerate: an empty match at either end of s or
	 * right after the previous match splits nothing; after an empty match the search
	 * resumes one character on */
	while (at <= len && regexec(re, s + at, 1, m, at ? REG_NOTBOL : 0) == 0) {
		size_t ms = at + (size_t)m[0].rm_so, me = at + (size_t)m[0].rm_eo;
		if (ms < len && me > start) {
			strbuf_reset(&el);
			strbuf_append(&el, "", 0);
			strbuf_append(&el, s + start, ms - start);
			if (!first)
				strbuf_putc(&sb, ',');
			pgfn_array_put_elem(&sb, el.data);
			first = false;
			start = me;
		}
		at = me;
		if (ms == me) {
			if (at >= len)
				break;
			at += pgfn_utf8_clen(s + at, len - at);
		}
	}
	strbuf_reset(&el);
	strbuf_append(&el, "", 0);
	strbuf_append(&el, s + start, len - start);
	if (!first)
		strbuf_putc(&sb, ',');
	pgfn_array_put_elem(&sb, el.data);
	strbuf_putc(&sb, '}');
	strbuf_fini(&el);
	pgfn_result_sb(ctx, &sb, false);
}

/* SIMILAR TO's pattern as a POSIX regex (similar_to_escape): anchored, % is .*, _ is .,
 * the escape character (default \) makes the next character literal, and characters special
 * only to POSIX (. ^ $) are escaped; | * + ? {m,n} ( ) [ ] keep their regex meaning. */
static bool similar_to_posix(sqlite3_context *ctx, struct strbuf *out, const char *p,
			     const char *esc)
{
	strbuf_puts(out, "^(");
	bool in_bracket = false;
	for (; *p; p++) {
		if (esc && *esc && *p == *esc && p[1]) {
			p++;
			if (strchr(".^$*+?()[]{}|\\", *p))
				strbuf_putc(out, '\\');
			strbuf_putc(out, *p);
			continue;
		}
		if (in_bracket) {
			in_bracket = *p != ']';
			strbuf_putc(out, *p);
		} else if (*p == '[') {
			in_bracket = true;
			strbuf_putc(out, '[');
		} else if (*p == '%') {
			strbuf_puts(out, ".*");
		} else if (*p == '_') {
			strbuf_putc(out, '.');
		} else if (*p == '.' || *p == '^' || *p == '$' || *p == '\\') {
			strbuf_putc(out, '\\');
			strbuf_putc(out, *p);
		} else {
			strbuf_putc(out, *p);
		}
	}
	if (esc && strlen(esc) > 1) {
		pgfn_error(ctx, "22025", "invalid escape string");
		return false;
	}
	strbuf_puts(out, ")$");
	return true;
}

/* pgfn_similar(s, pattern [, escape]) */
static void fn_similar(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	regex_t *re = sqlite3_get_auxdata(ctx, 1);
	if (!re) {
		struct strbuf posix;
		strbuf_init(&posix, 0);
		bool ok = similar_to_posix(ctx, &posix, (const char *)sqlite3_value_text(argv[1]),
					   argc > 2 ? (const char *)sqlite3_value_text(argv[2])
						    : "\\");
		/* the translated pattern has no ARE escapes left to rewrite */
		re = ok ? pgfn_regex_compiled(ctx, 1, posix.data ? posix.data : "", 0) : NULL;
		strbuf_fini(&posix);
		if (!re)
			return;
	}
	sqlite3_result_int(ctx,
			   regexec(re, (const char *)sqlite3_value_text(argv[0]), 0, NULL, 0) == 0);
}

int pgfn_register_regex(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pg_regex", 3, fn_regex},
		{"pgfn_regexp_like", 2, fn_like},
		{"pgfn_regexp_like", 3, fn_like},
		{"pgfn_regexp_replace", 3, fn_replace},
		{"pgfn_regexp_replace", 4, fn_replace},
		{"pgfn_regexp_replace_at", 4, fn_replace_at},
		{"pgfn_regexp_replace_at", 5, fn_replace_at},
		{"pgfn_regexp_replace_at", 6, fn_replace_at},
		{"pgfn_regexp_match", 2, fn_match},
		{"pgfn_regexp_match", 3, fn_match},
		{"pgfn_regexp_split_to_array", 2, fn_split},
		{"pgfn_regexp_split_to_array", 3, fn_split},
		{"pgfn_similar", 2, fn_similar},
		{"pgfn_similar", 3, fn_similar},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
