/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_json.c: the JSON parser and jsonb's canonical form and writers. json values are kept
 * as the client wrote them; jsonb values are parsed and written back the way PostgreSQL's
 * jsonb_out does, so both print byte for byte as PostgreSQL prints them. */
#include "pgfn_json.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 1000
#define SYNTAX "invalid input syntax for type json"

struct parser {
	struct arena *a;
	const char *s, *end;
	const char *state, *err;
	int depth;
};

static void skip_ws(struct parser *p)
{
	while (p->s < p->end && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r'))
		p->s++;
}

static bool fail(struct parser *p, const char *state, const char *msg)
{
	if (!p->err) {
		p->state = state;
		p->err = msg;
	}
	return false;
}

static void put_utf8(struct strbuf *sb, uint32_t cp)
{
	if (cp < 0x80) {
		strbuf_putc(sb, (char)cp);
	} else if (cp < 0x800) {
		strbuf_putc(sb, (char)(0xc0 | (cp >> 6)));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_putc(sb, (char)(0xe0 | (cp >> 12)));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_putc(sb, (char)(0xf0 | (cp >> 18)));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

static bool hex4(struct parser *p, uint32_t *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++, p->s++) {
		char ch = p->s < p->end ? *p->s : 0;
		int d = base_hexval(ch);
		if (d < 0)
			return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
		*v = *v << 4 | (uint32_t)d;
	}
	return true;
}

/* \uXXXX, with surrogate pairs joined; \u0000 is refused as PostgreSQL refuses it. */
static bool unicode_escape(struct parser *p, struct strbuf *sb)
{
	uint32_t cp, lo;
	if (!hex4(p, &cp))
		return false;
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (p->end - p->s < 2 || p->s[0] != '\\' || p->s[1] != 'u')
			return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
		p->s += 2;
		if (!hex4(p, &lo) || lo < 0xdc00 || lo > 0xdfff)
			return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	} else if (cp >= 0xdc00 && cp <= 0xdfff) {
		return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	}
	if (cp == 0)
		return fail(p, "22P05", "unsupported Unicode escape sequence");
	put_utf8(sb, cp);
	return true;
}

static bool string(struct parser *p, const char **out, size_t *len)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	p->s++; /* the opening quote */
	bool ok = true;
	while (ok) {
		if (p->s >= p->end || (unsigned char)*p->s < 0x20) {
			ok = fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
			break;
		}
		char ch = *p->s++;
		if (ch == '"')
			break;
		if (ch != '\\') {
			strbuf_putc(&sb, ch);
			continue;
		}
		ch = p->s < p->end ? *p->s++ : 0;
		const char *simple = strchr("\"\\/bfnrt", ch);
		if (ch && simple)
			strbuf_putc(&sb, "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"]);
		else if (ch == 'u')
			ok = unicode_escape(p, &sb);
		else
			ok = fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	}
	if (ok && sb.failed)
		ok = fail(p, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	if (ok) {
		*out = arena_strndup(p->a, sb.data, sb.len);
		*len = sb.len;
	}
	strbuf_fini(&sb);
	return ok;
}

static bool digits(struct parser *p)
{
	const char *start = p->s;
	while (p->s < p->end && *p->s >= '0' && *p->s <= '9')
		p->s++;
	return p->s > start;
}

/* JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool number(struct parser *p, struct jv *v)
{
	const char *start = p->s;
	if (*p->s == '-')
		p->s++;
	if (p->s < p->end && *p->s == '0')
		p->s++;
	else if (!digits(p))
		return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	if (p->s < p->end && *p->s == '.') {
		p->s++;
		if (!digits(p))
			return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	}
	if (p->s < p->end && (*p->s == 'e' || *p->s == 'E')) {
		p->s++;
		if (p->s < p->end && (*p->s == '+' || *p->s == '-'))
			p->s++;
		if (!digits(p))
			return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	}
	v->type = J_NUMBER;
	v->str = start;
	v->len = (size_t)(p->s - start);
	return true;
}

static bool value(struct parser *p, struct jv *v);

/* Elements or members until the closing bracket, collected in a growing arena array. */
static bool container(struct parser *p, struct jv *v, bool object)
{
	char close = object ? '}' : ']';
	size_t cap = 0;
	if (++p->depth > MAX_DEPTH)
		return fail(p, SQLSTATE_STATEMENT_TOO_COMPLEX, "stack depth limit exceeded");
	v->type = object ? J_OBJECT : J_ARRAY;
	p->s++;
	skip_ws(p);
	if (p->s < p->end && *p->s == close) {
		p->s++;
		p->depth--;
		return true;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap ? cap * 2 : 4;
			struct jv *items = arena_zalloc(p->a, cap * sizeof(*items));
			if (v->n)
				memcpy(items, v->items, v->n * sizeof(*items));
			v->items = items;
		}
		struct jv *it = &v->items[v->n++];
		skip_ws(p);
		if (object) {
			if (p->s >= p->end || *p->s != '"' || !string(p, &it->key, &it->klen))
				return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
			skip_ws(p);
			if (p->s >= p->end || *p->s++ != ':')
				return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
		}
		if (!value(p, it))
			return false;
		skip_ws(p);
		if (p->s < p->end && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->end && *p->s == close) {
			p->s++;
			p->depth--;
			return true;
		}
		return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	}
}

static bool literal(struct parser *p, const char *word, enum jtype type, struct jv *v)
{
	size_t n = strlen(word);
	if ((size_t)(p->end - p->s) < n || memcmp(p->s, word, n) != 0)
		return fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	p->s += n;
	v->type = type;
	return true;
}

static bool value(struct parser *p, struct jv *v)
{
	skip_ws(p);
	const char *start = p->s;
	bool ok;
	switch (p->s < p->end ? *p->s : 0) {
	case '{':
		ok = container(p, v, true);
		break;
	case '[':
		ok = container(p, v, false);
		break;
	case '"':
		v->type = J_STRING;
		ok = string(p, &v->str, &v->len);
		break;
	case 't':
		ok = literal(p, "true", J_TRUE, v);
		break;
	case 'f':
		ok = literal(p, "false", J_FALSE, v);
		break;
	case 'n':
		ok = literal(p, "null", J_NULL, v);
		break;
	default:
		if (p->s < p->end && (*p->s == '-' || (*p->s >= '0' && *p->s <= '9')))
			ok = number(p, v);
		else
			ok = fail(p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
		break;
	}
	v->src = start;
	v->srclen = (size_t)(p->s - start);
	return ok;
}

struct jv *pgfn_json_parse(struct arena *a, const char *s, size_t n, const char **sqlstate,
			   const char **err)
{
	struct parser p = {a, s, s + n, NULL, NULL, 0};
	struct jv *v = arena_zalloc(a, sizeof(*v));
	if (value(&p, v)) {
		skip_ws(&p);
		if (p.s == p.end)
			return v;
		fail(&p, SQLSTATE_INVALID_TEXT_REPRESENTATION, SYNTAX);
	}
	*sqlstate = p.state;
	*err = p.err;
	return NULL;
}

/* jsonb's key order: shorter keys first, then bytewise; equal keys keep input order, so the
 * last of a run is the one that wins. */
static int cmp_member(const void *x, const void *y)
{
	const struct jv *a = x, *b = y;
	if (a->klen != b->klen)
		return a->klen < b->klen ? -1 : 1;
	int c = memcmp(a->key, b->key, a->klen);
	if (c)
		return c;
	return a < b ? -1 : a > b;
}

void pgfn_jsonb_canon(struct arena *a, struct jv *v)
{
	for (size_t i = 0; i < v->n; i++)
		pgfn_jsonb_canon(a, &v->items[i]);
	if (v->type == J_NUMBER) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_json_number(&sb, v->str, v->len);
		v->str = arena_strndup(a, sb.data ? sb.data : "0", sb.len);
		v->len = sb.len;
		strbuf_fini(&sb);
	}
	if (v->type != J_OBJECT || v->n < 2)
		return;
	qsort(v->items, v->n, sizeof(*v->items), cmp_member);
	size_t k = 0;
	for (size_t i = 0; i < v->n; i++) {
		bool dup_next = i + 1 < v->n && v->items[i].klen == v->items[i + 1].klen &&
				memcmp(v->items[i].key, v->items[i + 1].key, v->items[i].klen) == 0;
		if (!dup_next)
			v->items[k++] = v->items[i];
	}
	v->n = k;
}

void pgfn_json_number(struct strbuf *sb, const char *s, size_t n)
{
	const char *orig = s, *end = s + n;
	bool neg = s < end && *s == '-';
	if (neg)
		s++;
	char dig[128];
	size_t nd = 0, intd = 0, fracd = 0;
	long exp = 0;
	for (; s < end && *s >= '0' && *s <= '9'; s++, intd++)
		if (nd < sizeof(dig))
			dig[nd++] = *s;
	if (s < end && *s == '.')
		for (s++; s < end && *s >= '0' && *s <= '9'; s++, fracd++)
			if (nd < sizeof(dig))
				dig[nd++] = *s;
	if (s < end && (*s == 'e' || *s == 'E'))
		exp = strtol(s + 1, NULL, 10);
	if (nd < intd + fracd || exp > 1000 || exp < -1000) { /* not worth normalizing */
		strbuf_append(sb, orig, n);
		return;
	}
	long point = (long)intd + exp; /* digits before the decimal point */
	long scale = (long)fracd - exp > 0 ? (long)fracd - exp : 0;
	size_t first = 0;
	while (first < nd && (long)first < point - 1 && dig[first] == '0')
		first++;
	bool zero = true;
	for (size_t i = 0; i < nd; i++)
		zero = zero && dig[i] == '0';
	if (neg && !zero)
		strbuf_putc(sb, '-');
	if (point <= 0)
		strbuf_putc(sb, '0');
	for (long i = (long)first; i < point; i++)
		strbuf_putc(sb, i < (long)nd ? dig[i] : '0');
	if (scale > 0)
		strbuf_putc(sb, '.');
	for (long i = 0; i < scale; i++) {
		long at = point + i;
		strbuf_putc(sb, at >= 0 && at < (long)nd ? dig[at] : '0');
	}
}

void pgfn_json_escape(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_putc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		const char *esc = ch == '"'    ? "\\\""
				  : ch == '\\' ? "\\\\"
				  : ch == '\b' ? "\\b"
				  : ch == '\f' ? "\\f"
				  : ch == '\n' ? "\\n"
				  : ch == '\r' ? "\\r"
				  : ch == '\t' ? "\\t"
					       : NULL;
		if (esc)
			strbuf_puts(sb, esc);
		else if (ch < 0x20)
			strbuf_printf(sb, "\\u%04x", ch);
		else
			strbuf_putc(sb, (char)ch);
	}
	strbuf_putc(sb, '"');
}

static void indent(struct strbuf *sb, int level)
{
	strbuf_putc(sb, '\n');
	for (int i = 0; i < level; i++)
		strbuf_puts(sb, "    ");
}

static void write_value(struct strbuf *sb, const struct jv *v, bool pretty, int level)
{
	switch (v->type) {
	case J_NULL:
		strbuf_puts(sb, "null");
		return;
	case J_FALSE:
		strbuf_puts(sb, "false");
		return;
	case J_TRUE:
		strbuf_puts(sb, "true");
		return;
	case J_NUMBER:
		strbuf_append(sb, v->str, v->len);
		return;
	case J_STRING:
		pgfn_json_escape(sb, v->str, v->len);
		return;
	case J_ARRAY:
	case J_OBJECT:
		break;
	}
	bool obj = v->type == J_OBJECT;
	strbuf_putc(sb, obj ? '{' : '[');
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			strbuf_puts(sb, pretty ? "," : ", ");
		if (pretty)
			indent(sb, level + 1);
		if (obj) {
			pgfn_json_escape(sb, v->items[i].key, v->items[i].klen);
			strbuf_puts(sb, ": ");
		}
		write_value(sb, &v->items[i], pretty, level + 1);
	}
	if (pretty)
		indent(sb, level);
	strbuf_putc(sb, obj ? '}' : ']');
}

void pgfn_jsonb_write(struct strbuf *sb, const struct jv *v, bool pretty)
{
	write_value(sb, v, pretty, 0);
}
