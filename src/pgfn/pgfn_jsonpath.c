/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jsonpath.c: reading the jsonpath type's text — a recursive-descent reading of
 * PostgreSQL 15's jsonpath grammar (jsonpath_gram.y, jsonpath_scan.l) into a tree
 * (pgfn_jsonpath.h) with its syntax errors. Printing is pgfn_jpout.c's, evaluation
 * pgfn_jpexec.c's. */
#include "pgfn_jsonpath.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok { T_EOF, T_CHAR, T_ANY, T_OP, T_STRING, T_IDENT, T_INT, T_NUM, T_VAR };

struct lex {
	struct arena *a;
	const char *s, *end, *p;
	enum tok t;
	const char *ts; /* the token's text in s */
	size_t tn;
	const char *v; /* T_STRING, T_VAR: decoded; T_NUM, T_INT: the literal */
	size_t vn;
	char c; /* T_CHAR: the character; T_OP: first char of the operator */
	const char *op;
	const char *state, *err; /* the first error */
	int depth;
};

static bool fail(struct lex *x, const char *state, const char *msg)
{
	if (!x->err) {
		x->state = state;
		x->err = msg;
	}
	return false;
}

/* bison's "syntax error" at the current token */
static void *syntax(struct lex *x)
{
	if (x->t == T_EOF)
		fail(x, SQLSTATE_SYNTAX_ERROR, "syntax error at end of jsonpath input");
	else
		fail(x, SQLSTATE_SYNTAX_ERROR,
		     arena_printf(x->a, "syntax error at or near \"%.*s\" of jsonpath input",
				  (int)x->tn, x->ts));
	return NULL;
}

static bool special(unsigned char c)
{
	return c == 0 || strchr("?%$.[]{}()|&!=<>@#,*:-+/\\\" \t\n\r\f", c) != NULL;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static int hexval(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

static void put_utf8(struct strbuf *sb, uint32_t cp)
{
	if (cp < 0x80) {
		strbuf_putc(sb, (char)cp);
	} else if (cp < 0x800) {
		strbuf_putc(sb, (char)(0xc0 | cp >> 6));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_putc(sb, (char)(0xe0 | cp >> 12));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_putc(sb, (char)(0xf0 | cp >> 18));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

/* \uXXXX or \u{X...} at p (after the u); the code point, or -1. */
static long unicode_escape(const char **pp, const char *end)
{
	const char *p = *pp;
	long cp = 0;
	if (p < end && *p == '{') {
		int k = 0;
		for (p++; p < end && hexval(*p) >= 0 && k < 6; p++, k++)
			cp = cp * 16 + hexval(*p);
		if (!k || p >= end || *p != '}')
			return -1;
		*pp = p + 1;
		return cp;
	}
	for (int k = 0; k < 4; k++, p++) {
		if (p >= end || hexval(*p) < 0)
			return -1;
		cp = cp * 16 + hexval(*p);
	}
	*pp = p;
	return cp;
}

/* A quoted string from x->p (just after the opening quote), decoded into x->v. */
/* A string from x->p decoded into x->v: quoted, up to the closing quote (x->p just after the
 * opening one); else an unquoted key or variable name, up to a special character. Both take
 * the backslash escapes. */
static bool lex_chars(struct lex *x, bool quoted)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *p = x->p;
	bool ok = false;
	while (p < x->end && (quoted ? *p != '"' : *p == '\\' || !special((unsigned char)*p))) {
		if (*p != '\\') {
			strbuf_putc(&sb, *p++);
			continue;
		}
		if (++p >= x->end)
			break;
		char e = *p++;
		long cp;
		switch (e) {
		case 'b':
			strbuf_putc(&sb, '\b');
			break;
		case 'f':
			strbuf_putc(&sb, '\f');
			break;
		case 'n':
			strbuf_putc(&sb, '\n');
			break;
		case 'r':
			strbuf_putc(&sb, '\r');
			break;
		case 't':
			strbuf_putc(&sb, '\t');
			break;
		case 'v':
			strbuf_putc(&sb, '\v');
			break;
		case 'x':
			if (p + 1 < x->end && hexval(p[0]) >= 0 && hexval(p[1]) >= 0) {
				cp = hexval(p[0]) * 16 + hexval(p[1]);
				p += 2;
				if (!cp)
					goto unsupported;
				put_utf8(&sb, (uint32_t)cp);
			} else {
				strbuf_putc(&sb, 'x');
			}
			break;
		case 'u':
			cp = unicode_escape(&p, x->end);
			if (cp >= 0xd800 && cp <= 0xdbff && p + 1 < x->end && p[0] == '\\' &&
			    p[1] == 'u') {
				const char *q = p + 2;
				long lo = unicode_escape(&q, x->end);
				if (lo >= 0xdc00 && lo <= 0xdfff) {
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
					p = q;
				}
			}
			if (cp < 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
				strbuf_fini(&sb);
				return fail(x, SQLSTATE_SYNTAX_ERROR,
					    "invalid Unicode escape sequence at or near \"\\u\" of "
					    "jsonpath input");
			}
			if (!cp)
				goto unsupported;
			put_utf8(&sb, (uint32_t)cp);
			break;
		default: /* \" \\ \/ and any other character stand for themselves */
			strbuf_putc(&sb, e);
		}
	}
	if (!quoted || p < x->end) {
		x->p = quoted ? p + 1 : p;
		x->v = arena_strndup(x->a, sb.data ? sb.data : "", sb.len);
		x->vn = sb.len;
		ok = true;
	} else {
		x->p = x->end;
		x->t = T_EOF;
		syntax(x);
		fail(x, SQLSTATE_SYNTAX_ERROR, "unexpected end of quoted string of jsonpath input");
	}
	strbuf_fini(&sb);
	return ok;
unsupported:
	strbuf_fini(&sb);
	return fail(x, "22P05", "unsupported Unicode escape sequence");
}

/* A number at x->p: integer, decimal or real; a following identifier character is PostgreSQL's
 * "trailing junk". */
static bool lex_number(struct lex *x)
{
	const char *p = x->p, *st = p;
	bool dec = false;
	if (*p == '0')
		p++;
	else
		while (p < x->end && is_digit(*p))
			p++;
	if (p < x->end && *p == '.' && (p > st || (p + 1 < x->end && is_digit(p[1])))) {
		dec = true;
		for (p++; p < x->end && is_digit(*p); p++)
			;
	}
	if (p < x->end && (*p == 'e' || *p == 'E')) {
		const char *q = p + 1;
		if (q < x->end && (*q == '+' || *q == '-'))
			q++;
		if (q < x->end && is_digit(*q)) {
			dec = true;
			for (p = q; p < x->end && is_digit(*p); p++)
				;
		}
	}
	if (p < x->end && !special((unsigned char)*p)) {
		const char *id = x->p; /* an identifier ({other}+) that is longer wins */
		while (id < x->end && !special((unsigned char)*id))
			id++;
		if (id - x->p > p - st + 1 && !dec)
			return false;
		x->ts = st;
		x->tn = (size_t)(p - st + 1);
		return fail(
			x, SQLSTATE_SYNTAX_ERROR,
			arena_printf(x->a,
				     "trailing junk after numeric literal at or near \"%.*s\" of "
				     "jsonpath input",
				     (int)x->tn, x->ts));
	}
	x->t = dec ? T_NUM : T_INT;
	x->v = st;
	x->vn = (size_t)(p - st);
	x->p = p;
	return true;
}

static bool next(struct lex *x)
{
	for (;;) {
		while (x->p < x->end && strchr(" \t\n\r\f", *x->p))
			x->p++;
		if (x->p + 1 < x->end && x->p[0] == '/' && x->p[1] == '*') {
			const char *e = x->p + 2;
			while (e + 1 < x->end && !(e[0] == '*' && e[1] == '/'))
				e++;
			if (e + 1 >= x->end)
				return fail(x, SQLSTATE_SYNTAX_ERROR,
					    "unexpected end of comment of jsonpath input");
			x->p = e + 2;
			continue;
		}
		break;
	}
	x->ts = x->p;
	if (x->p >= x->end) {
		x->t = T_EOF;
		x->tn = 0;
		return true;
	}
	const char *p = x->p;
	static const char *const ops[] = {"==", "!=", "<>", "<=", ">=", "&&", "||", "**"};
	for (size_t i = 0; i < ARRAY_LEN(ops); i++) {
		if (p + 1 < x->end && p[0] == ops[i][0] && p[1] == ops[i][1]) {
			x->t = i == 7 ? T_ANY : T_OP;
			x->op = ops[i];
			x->p += 2;
			x->tn = 2;
			return true;
		}
	}
	if (*p == '"') {
		x->p++;
		x->t = T_STRING;
		bool ok = lex_chars(x, true);
		x->tn = (size_t)(x->p - x->ts);
		return ok;
	}
	if (*p == '$' && p + 1 < x->end && (p[1] == '"' || !special((unsigned char)p[1]))) {
		x->t = T_VAR;
		x->p++;
		if (*x->p == '"') {
			x->p++;
			bool ok = lex_chars(x, true);
			x->t = T_VAR;
			x->tn = (size_t)(x->p - x->ts);
			return ok;
		}
		bool ok = lex_chars(x, false);
		x->tn = (size_t)(x->p - x->ts);
		return ok;
	}
	if (is_digit(*p) || (*p == '.' && p + 1 < x->end && is_digit(p[1]))) {
		if (lex_number(x)) {
			x->tn = (size_t)(x->p - x->ts);
			return true;
		}
		if (x->err)
			return false;
	}
	if (*p == '<' || *p == '>' || *p == '!') {
		x->t = T_OP;
		x->op = *p == '<' ? "<" : *p == '>' ? ">" : "!";
		x->p++;
		x->tn = 1;
		return true;
	}
	if (special((unsigned char)*p) && *p != '\\') {
		x->t = T_CHAR;
		x->c = *p;
		x->p++;
		x->tn = 1;
		return true;
	}
	x->t = T_IDENT;
	bool ok = lex_chars(x, false);
	x->tn = (size_t)(x->p - x->ts);
	return ok;
}

/* Whether the current token is keyword kw: case-insensitive, except null/true/false. */
static bool kw(const struct lex *x, const char *kw)
{
	size_t n = strlen(kw);
	if (x->t != T_IDENT || x->vn != n)
		return false;
	bool lower = !strcmp(kw, "null") || !strcmp(kw, "true") || !strcmp(kw, "false");
	return lower ? memcmp(x->v, kw, n) == 0 : strncasecmp(x->v, kw, n) == 0;
}

static bool is_char(const struct lex *x, char c) { return x->t == T_CHAR && x->c == c; }
static bool is_op(const struct lex *x, const char *op)
{
	return x->t == T_OP && strcmp(x->op, op) == 0;
}

static bool expect_char(struct lex *x, char c)
{
	if (!is_char(x, c)) {
		syntax(x);
		return false;
	}
	return next(x);
}

static struct jp *node(struct lex *x, enum jp_kind k)
{
	struct jp *n = arena_zalloc(x->a, sizeof(*n));
	n->kind = k;
	return n;
}

static bool is_pred(const struct jp *n)
{
	return !n->next && ((n->kind >= JP_AND && n->kind <= JP_STARTS) ||
			    (n->kind >= JP_NOT && n->kind <= JP_EXISTS) || n->kind == JP_LIKE);
}

/* numeric_out's text of a literal (1.50 kept, 1e3 → 1000) */
static const char *number_text(struct lex *x, const char *s, size_t n, bool neg, size_t *len)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (neg)
		strbuf_putc(&sb, '-');
	pgfn_json_number(&sb, s, n);
	const char *t = sb.data ? sb.data : "0";
	if (neg && strncmp(t, "--", 2) == 0)
		t += 2;
	else if (neg && strspn(t + 1, "0.") == strlen(t + 1)) /* numeric has no -0 */
		t++;
	const char *out = arena_strdup(x->a, t);
	strbuf_fini(&sb);
	*len = strlen(out);
	return out;
}

static struct jp *parse_or(struct lex *x, int nest, bool sub);

/* The keywords that name an item method before "(". */
static const struct {
	const char *name;
	enum jp_kind kind;
} methods[] = {
	{"type", JP_TYPE},         {"size", JP_SIZE},         {"abs", JP_ABS},
	{"floor", JP_FLOOR},       {"ceiling", JP_CEILING},   {"double", JP_DOUBLE},
	{"keyvalue", JP_KEYVALUE}, {"datetime", JP_DATETIME},
};

/* The key words a member accessor may name unquoted (key_name). */
static bool key_token(const struct lex *x) { return x->t == T_IDENT || x->t == T_STRING; }

/* .**, .**{n}, .**{n to m} with n, m integers or last */
static struct jp *any_path(struct lex *x)
{
	struct jp *n = node(x, JP_ANY);
	n->first = 0;
	n->last = JP_ANY_LAST;
	if (!next(x))
		return NULL;
	if (!is_char(x, '{'))
		return n;
	uint32_t lv[2];
	int k = 0;
	if (!next(x))
		return NULL;
	for (;;) {
		if (x->t == T_INT) {
			long v = strtol(arena_strndup(x->a, x->v, x->vn), NULL, 10);
			lv[k] = (uint32_t)v;
		} else if (kw(x, "last")) {
			lv[k] = JP_ANY_LAST;
		} else {
			return syntax(x);
		}
		k++;
		if (!next(x))
			return NULL;
		if (k == 1 && kw(x, "to")) {
			if (!next(x))
				return NULL;
			continue;
		}
		break;
	}
	if (!expect_char(x, '}'))
		return NULL;
	n->first = lv[0];
	n->last = lv[k - 1];
	return n;
}

/* '.' followed by a key, *, **, or a method call */
static struct jp *dot_accessor(struct lex *x)
{
	if (!next(x))
		return NULL;
	if (is_char(x, '*')) {
		if (!next(x))
			return NULL;
		return node(x, JP_ANYKEY);
	}
	if (x->t == T_ANY)
		return any_path(x);
	if (!key_token(x))
		return syntax(x);
	if (x->t == T_IDENT) {
		struct lex save = *x;
		for (size_t i = 0; i < ARRAY_LEN(methods); i++) {
			if (!kw(x, methods[i].name))
				continue;
			if (!next(x))
				return NULL;
			if (!is_char(x, '(')) {
				*x = save; /* a key named like a method */
				break;
			}
			struct jp *m = node(x, methods[i].kind);
			if (!next(x))
				return NULL;
			if (m->kind == JP_DATETIME && x->t == T_STRING) {
				m->l = node(x, JP_STRING);
				m->l->s = x->v;
				m->l->n = x->vn;
				if (!next(x))
					return NULL;
			}
			return expect_char(x, ')') ? m : NULL;
		}
	}
	struct jp *k = node(x, JP_KEY);
	k->s = x->v;
	k->n = x->vn;
	return next(x) ? k : NULL;
}

/* [*] or [a, b to c, ...] */
static struct jp *brackets(struct lex *x, int nest)
{
	if (!next(x))
		return NULL;
	if (is_char(x, '*')) {
		if (!next(x) || !expect_char(x, ']'))
			return NULL;
		return node(x, JP_ANYARRAY);
	}
	struct jp *n = node(x, JP_INDEX);
	size_t cap = 0;
	for (;;) {
		struct jp *from = parse_or(x, nest, true), *to = NULL;
		if (!from)
			return NULL;
		if (is_pred(from))
			return syntax(x);
		if (kw(x, "to")) {
			if (!next(x) || !(to = parse_or(x, nest, true)))
				return NULL;
			if (is_pred(to))
				return syntax(x);
		}
		if (n->nsub == cap) {
			cap = cap ? cap * 2 : 4;
			struct jp **f = arena_alloc(x->a, cap * sizeof(*f));
			struct jp **t = arena_alloc(x->a, cap * sizeof(*t));
			if (n->nsub) {
				memcpy(f, n->from, n->nsub * sizeof(*f));
				memcpy(t, n->to, n->nsub * sizeof(*t));
			}
			n->from = f;
			n->to = t;
		}
		n->from[n->nsub] = from;
		n->to[n->nsub++] = to;
		if (is_char(x, ']'))
			return next(x) ? n : NULL;
		if (!expect_char(x, ','))
			return NULL;
	}
}

/* The accessors after a primary, appended to the end of its chain. */
static struct jp *accessors(struct lex *x, struct jp *head, int nest, bool sub)
{
	struct jp *tail = head;
	while (tail->next)
		tail = tail->next;
	for (;;) {
		struct jp *a;
		if (is_char(x, '.'))
			a = dot_accessor(x);
		else if (is_char(x, '['))
			a = brackets(x, nest);
		else if (is_char(x, '?')) {
			if (!next(x) || !expect_char(x, '('))
				return NULL;
			struct jp *p = parse_or(x, nest + 1, sub);
			if (!p)
				return NULL;
			if (!is_pred(p))
				return syntax(x);
			if (!expect_char(x, ')'))
				return NULL;
			a = node(x, JP_FILTER);
			a->l = p;
		} else
			return head;
		if (!a)
			return NULL;
		tail->next = a;
		tail = a;
	}
}

static struct jp *primary(struct lex *x, int nest, bool sub)
{
	struct jp *n = NULL;
	if (is_char(x, '(')) {
		if (!next(x) || !(n = parse_or(x, nest, sub)) || !expect_char(x, ')'))
			return NULL;
		if (is_pred(n) && kw(x, "is")) {
			if (!next(x))
				return NULL;
			if (!kw(x, "unknown"))
				return syntax(x);
			struct jp *u = node(x, JP_ISUNKNOWN);
			u->l = n;
			return next(x) ? u : NULL;
		}
		if (!is_char(x, '.') && !is_char(x, '[') && !is_char(x, '?'))
			return n;
		/* ( expr ) accessor: the chain continues from the parenthesized item */
		struct jp *wrap = n;
		return accessors(x, wrap, nest, sub);
	}
	if (kw(x, "exists")) {
		if (!next(x) || !expect_char(x, '('))
			return NULL;
		struct jp *e = parse_or(x, nest, sub);
		if (!e)
			return NULL;
		if (is_pred(e))
			return syntax(x);
		if (!expect_char(x, ')'))
			return NULL;
		n = node(x, JP_EXISTS);
		n->l = e;
		return n;
	}
	switch (x->t) {
	case T_STRING:
		n = node(x, JP_STRING);
		n->s = x->v;
		n->n = x->vn;
		break;
	case T_VAR:
		n = node(x, JP_VAR);
		n->s = x->v;
		n->n = x->vn;
		break;
	case T_INT:
	case T_NUM:
		n = node(x, JP_NUMBER);
		n->s = number_text(x, x->v, x->vn, false, &n->n);
		break;
	case T_CHAR:
		if (x->c == '$')
			n = node(x, JP_ROOT);
		else if (x->c == '@') {
			if (nest <= 0)
				return fail(x, SQLSTATE_SYNTAX_ERROR,
					    "@ is not allowed in root expressions"),
				       NULL;
			n = node(x, JP_CURRENT);
		}
		break;
	case T_IDENT:
		if (kw(x, "null"))
			n = node(x, JP_NULL);
		else if (kw(x, "true") || kw(x, "false")) {
			n = node(x, JP_BOOL);
			n->flags = kw(x, "true");
		} else if (kw(x, "last")) {
			if (!sub)
				return fail(x, SQLSTATE_SYNTAX_ERROR,
					    "LAST is allowed only in array subscripts"),
				       NULL;
			n = node(x, JP_LAST);
		}
		break;
	default:
		break;
	}
	if (!n)
		return syntax(x);
	if (!next(x))
		return NULL;
	return accessors(x, n, nest, sub);
}

static struct jp *unary(struct lex *x, int nest, bool sub)
{
	if (is_char(x, '+') || is_char(x, '-')) {
		bool minus = x->c == '-';
		if (!next(x))
			return NULL;
		struct jp *a = unary(x, nest, sub);
		if (!a)
			return NULL;
		if (is_pred(a))
			return syntax(x);
		if (a->kind == JP_NUMBER && !a->next) { /* folded, as PostgreSQL's grammar does */
			if (minus)
				a->s = number_text(x, a->s, a->n, true, &a->n);
			return a;
		}
		struct jp *u = node(x, minus ? JP_MINUS : JP_PLUS);
		u->l = a;
		return u;
	}
	return primary(x, nest, sub);
}

static struct jp *binary(struct lex *x, enum jp_kind k, struct jp *l, struct jp *r)
{
	if (!r)
		return NULL;
	struct jp *b = node(x, k);
	b->l = l;
	b->r = r;
	return b;
}

static struct jp *mult(struct lex *x, int nest, bool sub)
{
	struct jp *l = unary(x, nest, sub);
	while (l && (is_char(x, '*') || is_char(x, '/') || is_char(x, '%'))) {
		enum jp_kind k = x->c == '*' ? JP_MUL : x->c == '/' ? JP_DIV : JP_MOD;
		if (is_pred(l) || !next(x))
			return is_pred(l) ? syntax(x) : NULL;
		struct jp *r = unary(x, nest, sub);
		if (r && is_pred(r))
			return syntax(x);
		l = binary(x, k, l, r);
	}
	return l;
}

static struct jp *additive(struct lex *x, int nest, bool sub)
{
	struct jp *l = mult(x, nest, sub);
	while (l && (is_char(x, '+') || is_char(x, '-'))) {
		enum jp_kind k = x->c == '+' ? JP_ADD : JP_SUB;
		if (is_pred(l) || !next(x))
			return is_pred(l) ? syntax(x) : NULL;
		struct jp *r = mult(x, nest, sub);
		if (r && is_pred(r))
			return syntax(x);
		l = binary(x, k, l, r);
	}
	return l;
}

static int comp_op(const struct lex *x)
{
	static const struct {
		const char *op;
		enum jp_kind k;
	} ops[] = {{"==", JP_EQ}, {"!=", JP_NE}, {"<>", JP_NE}, {"<", JP_LT},
		   {">", JP_GT},  {"<=", JP_LE}, {">=", JP_GE}};
	for (size_t i = 0; i < ARRAY_LEN(ops); i++)
		if (is_op(x, ops[i].op))
			return (int)ops[i].k;
	return -1;
}

/* The pattern and flags of n checked as PostgreSQL checks them when it reads the path. */
static struct jp *check_regex(struct lex *x, struct jp *n)
{
	if (n->flags & JP_RE_X)
		return fail(x, SQLSTATE_FEATURE_NOT_SUPPORTED,
			    "XQuery \"x\" flag (expanded regular expressions) is not implemented"),
		       NULL;
	if (!(n->flags & JP_RE_Q)) {
		char why[300];
		int cflags = n->flags & JP_RE_I ? REG_ICASE : 0;
		regex_t *re = pgfn_regex_compile(arena_strndup(x->a, n->s, n->n), cflags, why,
						 sizeof(why));
		if (!re)
			return fail(x, "2201B", arena_strdup(x->a, why)), NULL;
		pgfn_regex_free(re);
	}
	return n;
}

/* like_regex "pattern" [flag "flags"] */
static struct jp *like_regex(struct lex *x, struct jp *l)
{
	if (!next(x))
		return NULL;
	if (x->t != T_STRING)
		return syntax(x);
	struct jp *n = node(x, JP_LIKE);
	n->l = l;
	n->s = x->v;
	n->n = x->vn;
	if (!next(x))
		return NULL;
	if (!kw(x, "flag"))
		return check_regex(x, n);
	if (!next(x))
		return NULL;
	if (x->t != T_STRING)
		return syntax(x);
	for (size_t i = 0; i < x->vn; i++) {
		const char *f = x->v[i] ? strchr("ismxq", x->v[i]) : NULL;
		if (!f)
			return fail(x, SQLSTATE_SYNTAX_ERROR,
				    arena_printf(
					    x->a,
					    "invalid input syntax for type jsonpath: "
					    "unrecognized flag character \"%.*s\" in LIKE_REGEX "
					    "predicate",
					    (int)pgfn_utf8_clen(x->v + i, x->vn - i), x->v + i)),
			       NULL;
		n->flags |= 1 << (f - "ismxq");
	}
	return next(x) ? check_regex(x, n) : NULL;
}

static struct jp *comparison(struct lex *x, int nest, bool sub)
{
	struct jp *l = additive(x, nest, sub);
	if (!l)
		return NULL;
	int k = comp_op(x);
	if (k >= 0) {
		if (is_pred(l) || !next(x))
			return is_pred(l) ? syntax(x) : NULL;
		struct jp *r = additive(x, nest, sub);
		if (r && is_pred(r))
			return syntax(x);
		return binary(x, (enum jp_kind)k, l, r);
	}
	if (kw(x, "starts")) {
		if (is_pred(l) || !next(x))
			return is_pred(l) ? syntax(x) : NULL;
		if (!kw(x, "with"))
			return syntax(x);
		if (!next(x))
			return NULL;
		if (x->t != T_STRING && x->t != T_VAR)
			return syntax(x);
		struct jp *r = node(x, x->t == T_STRING ? JP_STRING : JP_VAR);
		r->s = x->v;
		r->n = x->vn;
		if (!next(x))
			return NULL;
		return binary(x, JP_STARTS, l, r);
	}
	if (kw(x, "like_regex")) {
		if (is_pred(l))
			return syntax(x);
		return like_regex(x, l);
	}
	return l;
}

static struct jp *negation(struct lex *x, int nest, bool sub)
{
	if (!is_op(x, "!"))
		return comparison(x, nest, sub);
	if (!next(x))
		return NULL;
	/* NOT delimited_predicate: ( predicate ) or exists ( expr ) */
	if (!is_char(x, '(') && !kw(x, "exists"))
		return syntax(x);
	struct jp *a = primary(x, nest, sub);
	if (!a)
		return NULL;
	if (!is_pred(a) || a->kind == JP_ISUNKNOWN)
		return syntax(x);
	struct jp *n = node(x, JP_NOT);
	n->l = a;
	return n;
}

static struct jp *conjunction(struct lex *x, int nest, bool sub)
{
	struct jp *l = negation(x, nest, sub);
	while (l && is_op(x, "&&")) {
		if (!is_pred(l))
			return syntax(x);
		if (!next(x))
			return NULL;
		struct jp *r = negation(x, nest, sub);
		if (r && !is_pred(r))
			return syntax(x);
		l = binary(x, JP_AND, l, r);
	}
	return l;
}

static struct jp *parse_or(struct lex *x, int nest, bool sub)
{
	if (++x->depth > 1000)
		return fail(x, SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded"), NULL;
	struct jp *l = conjunction(x, nest, sub);
	while (l && is_op(x, "||")) {
		if (!is_pred(l))
			return syntax(x);
		if (!next(x))
			return NULL;
		struct jp *r = conjunction(x, nest, sub);
		if (r && !is_pred(r))
			return syntax(x);
		l = binary(x, JP_OR, l, r);
	}
	x->depth--;
	return l;
}

struct jsonpath *pgfn_jsonpath_parse(struct arena *a, const char *s, size_t n,
				     const char **sqlstate, const char **err)
{
	struct lex x = {.a = a, .s = s, .end = s + n, .p = s};
	struct jsonpath *p = arena_zalloc(a, sizeof(*p));
	p->lax = true;
	if (next(&x) && x.t == T_EOF) {
		*sqlstate = SQLSTATE_INVALID_TEXT_REPRESENTATION;
		*err = arena_printf(a, "invalid input syntax for type jsonpath: \"%.*s\"", (int)n,
				    s);
		return NULL;
	}
	if (!x.err && (kw(&x, "strict") || kw(&x, "lax"))) {
		p->lax = kw(&x, "lax");
		next(&x);
	}
	if (!x.err)
		p->root = parse_or(&x, 0, false);
	if (!x.err && x.t != T_EOF)
		syntax(&x);
	if (x.err) {
		*sqlstate = x.state;
		*err = x.err;
		return NULL;
	}
	return p;
}
