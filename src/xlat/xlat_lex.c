/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_lex.c: finds the constants of a statement the way PostgreSQL's scanner does, for the
 * translation cache: the cache key is the text with each constant replaced by a marker of its
 * kind, so `... WHERE aid = 17` and `... WHERE aid = 42` share one translation. Only what the
 * scanner recognises with certainty becomes a constant; everything else stays in the key. */
#include "xlat_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MARK '\1' /* never in a key otherwise: texts holding it bypass the cache */

static bool is_space(char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }

static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

/* PostgreSQL identifiers: letters, _, bytes >= 0x80, then also digits and $. */
static bool is_ident(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || is_digit(ch) ||
	       ch == '$' || (unsigned char)ch >= 0x80;
}

/* End of a comment starting at p ("--" or "/ *", nested as PostgreSQL nests them). */
static const char *skip_comment(const char *p)
{
	if (p[0] == '-') {
		while (*p && *p != '\n')
			p++;
		return p;
	}
	int depth = 0;
	while (*p) {
		if (p[0] == '/' && p[1] == '*') {
			depth++;
			p += 2;
		} else if (p[0] == '*' && p[1] == '/') {
			p += 2;
			if (--depth == 0)
				return p;
		} else {
			p++;
		}
	}
	return p;
}

/* End of a quoted token starting at p (q = ' or "), doubled quotes inside; backslash escapes
 * too for E'...'. NULL when unterminated. */
static const char *skip_quoted(const char *p, char q, bool backslash)
{
	for (p++; *p; p++) {
		if (backslash && *p == '\\' && p[1]) {
			p++;
		} else if (*p == q) {
			if (p[1] != q)
				return p + 1;
			p++;
		}
	}
	return NULL;
}

/* End of a dollar-quoted string starting at p ($tag$ ... $tag$), or p itself when p does not
 * start one (a parameter such as $1). NULL when unterminated. */
static const char *skip_dollar(const char *p)
{
	const char *t = p + 1;
	while (*t && *t != '$' && is_ident(*t) && !is_digit(p[1]))
		t++;
	if (*t != '$' || is_digit(p[1]))
		return p;
	size_t taglen = (size_t)(t - p) + 1;
	for (const char *q = t + 1; *q; q++) {
		if (*q == '$' && strncmp(q, p, taglen) == 0)
			return q + taglen;
	}
	return NULL;
}

/* End of a numeric token starting at p: digits, one '.', an exponent. Sets *integer when it
 * is digits only. */
static const char *scan_number(const char *p, bool *integer)
{
	const char *s = p;
	while (is_digit(*p))
		p++;
	*integer = *p != '.' && *p != 'e' && *p != 'E';
	if (*p == '.' && p[1] != '.') {
		p++;
		while (is_digit(*p))
			p++;
	}
	if ((*p == 'e' || *p == 'E') &&
	    (is_digit(p[1]) || ((p[1] == '+' || p[1] == '-') && is_digit(p[2])))) {
		*integer = false;
		p += 2;
		while (is_digit(*p))
			p++;
	}
	return p > s ? p : s + 1;
}

/* '4', '8' or 'n': the type PostgreSQL gives a non-int4 numeric constant written as text
 * (see float_literal_type in xlat_expr.c), so equal keys mean equal result types. */
static char number_class(const char *text, size_t len, bool negated)
{
	if (strspn(text, "0123456789") < len)
		return 'n';
	char buf[32];
	if (len + 2 > sizeof(buf))
		return 'n';
	buf[0] = '-';
	memcpy(buf + 1, text, len);
	buf[len + 1] = '\0';
	errno = 0;
	long long v = strtoll(negated ? buf : buf + 1, NULL, 10);
	if (errno == ERANGE)
		return 'n';
	return v >= INT32_MIN && v <= INT32_MAX ? '4' : '8';
}

/* The fraction digits numeric_in keeps for a numeric constant (xlat_literal_scale's rule). */
static int literal_scale(const char *text, size_t len)
{
	size_t i = 0, frac = 0;
	while (i < len && text[i] != '.' && text[i] != 'e' && text[i] != 'E')
		i++;
	if (i < len && text[i] == '.')
		for (i++; i < len && text[i] >= '0' && text[i] <= '9'; i++)
			frac++;
	long exp = i + 1 < len && (text[i] == 'e' || text[i] == 'E') ? strtol(text + i + 1, NULL, 10) : 0;
	long scale = (long)frac - (exp > 100000 ? 100000 : exp < -100000 ? -100000 : exp);
	return scale < 0 ? 0 : scale > 1000 ? 1000 : (int)scale;
}

/* PostgreSQL makes an integer constant an int4 (IVAL) when it fits, leading zeros and all. */
static bool fits_int4(const char *text, size_t len)
{
	while (len > 1 && *text == '0') {
		text++;
		len--;
	}
	return len < 10 || (len == 10 && strncmp(text, "2147483647", 10) <= 0);
}

struct lexer {
	const char *src;
	const char *copied; /* the text before it is in the key already */
	struct strbuf *key;
	struct arena *a;
	struct xlat_lit *lits;
	int n, cap;
	int last_minus;   /* offset of the last significant character when it was '-', else -1 */
	bool last_string; /* the last token was a string constant (continuations are one) */
};

static void add_lit(struct lexer *lx, const char *p, const char *end, char kind)
{
	if (lx->n == lx->cap) {
		int cap = lx->cap ? lx->cap * 2 : 8;
		struct xlat_lit *v = arena_alloc(lx->a, (size_t)cap * sizeof(*v));
		if (lx->n)
			memcpy(v, lx->lits, (size_t)lx->n * sizeof(*v));
		lx->lits = v;
		lx->cap = cap;
	}
	struct xlat_lit *l = &lx->lits[lx->n++];
	l->start = (int)(p - lx->src);
	l->len = (int)(end - p);
	l->minus = lx->last_minus;
	l->kind = kind;
	/* the key is the text with each constant a marker: what precedes it goes in at once */
	strbuf_append(lx->key, lx->copied, (size_t)(p - lx->copied));
	lx->copied = end;
	strbuf_putc(lx->key, MARK);
	strbuf_putc(lx->key, kind);
	if (kind == 'f') {
		strbuf_putc(lx->key, number_class(p, (size_t)l->len, false));
		if (l->minus >= 0)
			strbuf_putc(lx->key, number_class(p, (size_t)l->len, true));
		/* a numeric constant's display scale is part of its type (1.50 vs 1.555) */
		strbuf_printf(lx->key, "%d;", literal_scale(p, (size_t)l->len));
	}
}

/* A string constant is substitutable only when it stands alone: no prefix letter (E'', B'',
 * U&'') and no continuation ('a' <newline> 'b' is one constant in PostgreSQL). */
static bool lone_string(const char *src, const char *p, const char *end)
{
	if (p > src && (is_ident(p[-1]) || p[-1] == '&'))
		return false;
	while (is_space(*end))
		end++;
	return *end != '\'';
}

static const char *next_token(struct lexer *lx, const char *p)
{
	const char *end;
	bool integer;
	if (*p == '\'') {
		bool esc = p > lx->src && (p[-1] == 'e' || p[-1] == 'E') &&
			   (p - 1 == lx->src || !is_ident(p[-2]));
		if (!(end = skip_quoted(p, '\'', esc)))
			return NULL;
		if (!esc && !lx->last_string && lone_string(lx->src, p, end)) {
			add_lit(lx, p, end, 's');
			return end;
		}
	} else if (*p == '"') {
		if (!(end = skip_quoted(p, '"', false)))
			return NULL;
	} else if (*p == '$') {
		if (!(end = skip_dollar(p)))
			return NULL;
		if (end == p)
			for (end = p + 1; is_ident(*end); end++)
				;
	} else if (is_ident(*p) && !is_digit(*p)) {
		for (end = p; is_ident(*end); end++)
			;
	} else if (is_digit(*p) || (*p == '.' && is_digit(p[1]))) {
		end = scan_number(p, &integer);
		bool qualifier = p > lx->src && (is_ident(p[-1]) || strchr("\")]", p[-1]));
		if (!qualifier && !is_ident(*end) && *end != '.') {
			add_lit(lx, p, end, integer && fits_int4(p, (size_t)(end - p)) ? 'i' : 'f');
			return end;
		}
	} else {
		end = p + 1;
	}
	return end;
}

bool xlat_lex(const char *src, struct strbuf *key, struct arena *a, struct xlat_lit **lits,
	      int *nlits)
{
	struct lexer lx = {.src = src, .copied = src, .key = key, .a = a, .last_minus = -1};
	const char *p = src;
	if (strchr(src, MARK))
		return false;
	while (*p) {
		if (is_space(*p) || (p[0] == '-' && p[1] == '-') || (p[0] == '/' && p[1] == '*')) {
			p = is_space(*p) ? p + 1 : skip_comment(p);
			continue;
		}
		int minus = *p == '-' ? (int)(p - src) : -1;
		bool string = *p == '\'';
		if (!(p = next_token(&lx, p)))
			return false;
		lx.last_minus = minus;
		lx.last_string = string;
	}
	strbuf_puts(key, lx.copied);
	*lits = lx.lits;
	*nlits = lx.n;
	return !key->failed;
}

/* ---- identifiers, for error positions ---- */

enum { IT_END, IT_IDENT, IT_DOT, IT_OTHER };

struct itok {
	int kind;
	const char *start;
	char name[PGERR_NAME_MAX];
};

/* The identifier between from and to: folded to lower case (ASCII, as PostgreSQL folds), or
 * as written inside double quotes (a doubled quote is one). */
static void itok_name(struct itok *t, const char *from, const char *to, bool quoted)
{
	size_t n = 0;
	for (const char *k = from; k < to && n + 1 < sizeof(t->name); k++) {
		if (quoted && *k == '"')
			k++;
		t->name[n++] = !quoted && *k >= 'A' && *k <= 'Z' ? (char)(*k + 32) : *k;
	}
	t->name[n] = '\0';
}

/* The next identifier, '.', or other character from p; strings and comments are skipped. */
static const char *next_itok(const char *p, struct itok *t)
{
	for (;;) {
		while (is_space(*p))
			p++;
		t->start = p;
		const char *e = p;
		if (!*p) {
			t->kind = IT_END;
			return p;
		} else if ((p[0] == '-' && p[1] == '-') || (p[0] == '/' && p[1] == '*')) {
			e = skip_comment(p);
		} else if (*p == '\'') {
			e = skip_quoted(p, '\'', false);
		} else if ((*p == 'e' || *p == 'E') && p[1] == '\'') {
			e = skip_quoted(p + 1, '\'', true);
		} else if (*p == '$' && (e = skip_dollar(p)) != p) {
			/* a dollar-quoted string: skipped */
		} else if (*p == '"') {
			e = skip_quoted(p, '"', false);
			itok_name(t, p + 1, e ? e - 1 : p + strlen(p), true);
			t->kind = IT_IDENT;
			return e ? e : p + strlen(p);
		} else if (is_ident(*p) && !is_digit(*p) && *p != '$') {
			for (e = p; is_ident(*e); e++)
				;
			itok_name(t, p, e, false);
			t->kind = IT_IDENT;
			return e;
		} else {
			t->kind = *p == '.' ? IT_DOT : IT_OTHER;
			return p + 1;
		}
		if (!e) { /* unterminated: nothing follows */
			t->kind = IT_END;
			return p + strlen(p);
		}
		p = e;
	}
}

/* Whether the identifiers from t on spell the dotted name, each part one identifier. */
static bool spells(const char *p, struct itok t, const char *name)
{
	for (;;) {
		size_t plen = strcspn(name, ".");
		if (strlen(t.name) != plen || strncmp(t.name, name, plen) != 0)
			return false;
		if (!name[plen])
			return true;
		name += plen + 1;
		p = next_itok(p, &t);
		if (t.kind != IT_DOT)
			return false;
		p = next_itok(p, &t);
		if (t.kind != IT_IDENT)
			return false;
	}
}

long xlat_find_ident(const char *sql, size_t from, size_t end, const char *name)
{
	char *s = base_xstrndup(sql + from, end - from); /* the scanners stop at a NUL */
	long at = -1;
	struct itok t;
	for (const char *p = next_itok(s, &t); t.kind != IT_END && at < 0; p = next_itok(p, &t))
		if (t.kind == IT_IDENT && spells(p, t, name))
			at = (long)from + (t.start - s);
	free(s);
	return at;
}

void xlat_lit_emit(struct strbuf *sb, const char *src, const struct xlat_lit *l, bool negated)
{
	const char *t = src + l->start;
	switch (l->kind) {
	case 'i': { /* an int4 in decimal, without leading zeros (not printf: every miss) */
		long v = strtol(t, NULL, 10);
		char digits[16], *p = digits + sizeof(digits);
		do {
			*--p = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		if (negated && p[0] != '0') /* -0 is 0, as the parser folds it */
			*--p = '-';
		strbuf_append(sb, p, (size_t)(digits + sizeof(digits) - p));
		break;
	}
	case 'f':
		if (negated)
			strbuf_putc(sb, '-');
		strbuf_append(sb, t, (size_t)l->len);
		break;
	default:
		strbuf_append(sb, t, (size_t)l->len);
		break;
	}
}
