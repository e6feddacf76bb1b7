/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_array.c: one-dimensional arrays in PostgreSQL's text form {a,b}, the form drivers send
 * and the form shardlite stores: parsing and element quoting as array_in/array_out do. */
#include "pgfn_int.h"

#include <string.h>
#include <strings.h>

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* One element at *p (quoted or bare, blanks around a bare one trimmed); NULL for NULL. */
static const char *element(struct arena *a, const char **p)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	const char *s = *p;
	while (is_blank(*s))
		s++;
	bool quoted = *s == '"';
	if (quoted) {
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			strbuf_putc(&sb, *s);
		}
		s += *s ? 1 : 0;
		while (is_blank(*s))
			s++;
	} else {
		for (; *s && *s != ',' && *s != '}'; s++) {
			if (*s == '\\' && s[1])
				s++;
			strbuf_putc(&sb, *s);
		}
		while (sb.len && is_blank(sb.data[sb.len - 1]))
			sb.data[--sb.len] = '\0';
	}
	*p = s;
	bool null = !quoted && strcasecmp(sb.data ? sb.data : "", "NULL") == 0;
	const char *out = null ? NULL : arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

const char **pgfn_array_parse(struct arena *a, const char *s, size_t *n)
{
	*n = 0;
	while (s && is_blank(*s))
		s++;
	if (!s || *s != '{')
		return NULL;
	size_t cap = 8;
	const char **v = arena_alloc(a, cap * sizeof(*v));
	const char *p = s + 1;
	while (is_blank(*p))
		p++;
	if (*p == '}')
		return v;
	for (;;) {
		if (*p == '{')
			return NULL; /* a nested array: not one-dimensional */
		if (*n == cap) {
			const char **nv = arena_alloc(a, cap * 2 * sizeof(*nv));
			memcpy(nv, v, cap * sizeof(*nv));
			v = nv;
			cap *= 2;
		}
		v[(*n)++] = element(a, &p);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p != '}')
			return NULL;
		p++;
		while (is_blank(*p))
			p++;
		return *p ? NULL : v;
	}
}

static bool needs_quotes(const char *s)
{
	if (!*s || strcasecmp(s, "NULL") == 0)
		return true;
	for (; *s; s++) {
		if (strchr("{},\"\\", *s) || is_blank(*s))
			return true;
	}
	return false;
}

void pgfn_array_put_elem(struct strbuf *sb, const char *elem)
{
	if (!elem) {
		strbuf_puts(sb, "NULL");
		return;
	}
	if (!needs_quotes(elem)) {
		strbuf_puts(sb, elem);
		return;
	}
	strbuf_putc(sb, '"');
	for (; *elem; elem++) {
		if (*elem == '"' || *elem == '\\')
			strbuf_putc(sb, '\\');
		strbuf_putc(sb, *elem);
	}
	strbuf_putc(sb, '"');
}
