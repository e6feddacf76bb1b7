/* SPDX-License-Identifier: Apache-2.0 */
/* xlat_pljson.c: a small JSON reader for the PL/pgSQL tree libpg_query prints as JSON
 * (pg_query_parse_plpgsql): values into an arena, strings decoded, numbers kept as text. */
#include "xlat_plpgsql.h"

#include <stdlib.h>
#include <string.h>

#define MAX_NESTING 4000

struct reader {
	struct arena *a;
	const char *p;
	int depth;
};

static void skip_ws(struct reader *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
		r->p++;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char ch = p[i];
		int d = base_hexval(ch);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	if (cp < 0x80) {
		strbuf_putc(sb, (char)cp);
	} else if (cp < 0x800) {
		strbuf_putc(sb, (char)(0xC0 | cp >> 6));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		strbuf_putc(sb, (char)(0xE0 | cp >> 12));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3F)));
	} else {
		strbuf_putc(sb, (char)(0xF0 | cp >> 18));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 12) & 0x3F)));
		strbuf_putc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(sb, (char)(0x80 | (cp & 0x3F)));
	}
}

/* An escape after the backslash at *pp; false when malformed. */
static bool unescape(const char **pp, struct strbuf *sb)
{
	const char *p = *pp;
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k = *p ? strchr(from, *p) : NULL;
	if (k) {
		strbuf_putc(sb, to[k - from]);
		*pp = p + 1;
		return true;
	}
	if (*p != 'u' || hex4(p + 1) < 0)
		return false;
	unsigned cp = (unsigned)hex4(p + 1);
	p += 5;
	if (cp >= 0xD800 && cp < 0xDC00 && p[0] == '\\' && p[1] == 'u' && hex4(p + 2) >= 0xDC00) {
		cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned)hex4(p + 2) - 0xDC00);
		p += 6;
	}
	put_utf8(sb, cp);
	*pp = p;
	return true;
}

static const char *read_string(struct reader *r)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	const char *p = r->p + 1;
	bool ok = true;
	while (ok && *p && *p != '"') {
		if (*p == '\\') {
			p++;
			ok = unescape(&p, &sb);
		} else {
			strbuf_putc(&sb, *p++);
		}
	}
	const char *out = NULL;
	if (ok && *p == '"' && !sb.failed) {
		out = arena_strndup(r->a, sb.data ? sb.data : "", sb.len);
		r->p = p + 1;
	}
	strbuf_fini(&sb);
	return out;
}

static bool read_value(struct reader *r, struct xlat_json *v);

/* The elements of an array or members of an object, up to the closing bracket. */
static bool read_items(struct reader *r, struct xlat_json *v, char close)
{
	size_t cap = 0;
	r->p++;
	skip_ws(r);
	if (*r->p == close) {
		r->p++;
		return true;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap ? cap * 2 : 4;
			struct xlat_json *items = arena_zalloc(r->a, cap * sizeof(*items));
			if (v->n)
				memcpy(items, v->items, v->n * sizeof(*items));
			v->items = items;
		}
		struct xlat_json *it = &v->items[v->n++];
		skip_ws(r);
		if (close == '}') {
			if (*r->p != '"' || !(it->key = read_string(r)))
				return false;
			skip_ws(r);
			if (*r->p++ != ':')
				return false;
		}
		if (!read_value(r, it))
			return false;
		skip_ws(r);
		if (*r->p == close) {
			r->p++;
			return true;
		}
		if (*r->p++ != ',')
			return false;
	}
}

static bool read_value(struct reader *r, struct xlat_json *v)
{
	skip_ws(r);
	const char *p = r->p;
	if (*p == '{' || *p == '[') {
		if (++r->depth > MAX_NESTING)
			return false;
		v->type = *p == '{' ? XJ_OBJECT : XJ_ARRAY;
		bool ok = read_items(r, v, *p == '{' ? '}' : ']');
		r->depth--;
		return ok;
	}
	if (*p == '"') {
		v->type = XJ_STRING;
		return (v->str = read_string(r)) != NULL;
	}
	if (strncmp(p, "true", 4) == 0 || strncmp(p, "false", 5) == 0) {
		v->type = XJ_BOOL;
		v->b = *p == 't';
		r->p += v->b ? 4 : 5;
		return true;
	}
	if (strncmp(p, "null", 4) == 0) {
		v->type = XJ_NULL;
		r->p += 4;
		return true;
	}
	size_t n = strspn(p, "-+0123456789.eE");
	if (!n)
		return false;
	v->type = XJ_NUMBER;
	v->str = arena_strndup(r->a, p, n);
	r->p += n;
	return true;
}

struct xlat_json *xlat_json_parse(struct arena *a, const char *s)
{
	struct reader r = {a, s, 0};
	struct xlat_json *v = arena_zalloc(a, sizeof(*v));
	if (!read_value(&r, v))
		return NULL;
	skip_ws(&r);
	return *r.p ? NULL : v;
}

const struct xlat_json *xlat_json_get(const struct xlat_json *o, const char *key)
{
	if (!o || o->type != XJ_OBJECT)
		return NULL;
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->items[i].key, key) == 0)
			return &o->items[i];
	return NULL;
}

const char *xlat_json_str(const struct xlat_json *o, const char *key)
{
	const struct xlat_json *v = xlat_json_get(o, key);
	return v && v->type == XJ_STRING ? v->str : NULL;
}

int xlat_json_int(const struct xlat_json *o, const char *key, int dflt)
{
	const struct xlat_json *v = xlat_json_get(o, key);
	return v && v->type == XJ_NUMBER ? atoi(v->str) : dflt;
}

bool xlat_json_bool(const struct xlat_json *o, const char *key)
{
	const struct xlat_json *v = xlat_json_get(o, key);
	return v && v->type == XJ_BOOL && v->b;
}
