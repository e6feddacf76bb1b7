/* SPDX-License-Identifier: Apache-2.0 */
/* base_strbuf.c: growable byte buffer with a sticky failure bit (see base.h). */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_init(struct strbuf *sb, size_t limit)
{
	memset(sb, 0, sizeof(*sb));
	sb->limit = limit;
}

void strbuf_fini(struct strbuf *sb)
{
	free(sb->data);
	memset(sb, 0, sizeof(*sb));
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->failed = false;
	if (sb->data)
		sb->data[0] = '\0';
}

/* Makes room for n more bytes plus a NUL; false (and failed set) past the limit. */
static bool reserve(struct strbuf *sb, size_t n)
{
	if (sb->failed)
		return false;
	size_t need = sb->len + n + 1;
	if (need < sb->len || (sb->limit && need - 1 > sb->limit)) {
		sb->failed = true;
		return false;
	}
	if (need <= sb->cap)
		return true;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	sb->data = base_xrealloc(sb->data, cap);
	sb->cap = cap;
	return true;
}

/* The fixed-size puts store their bytes directly: every protocol message is built of them
 * (a point select's round trip makes about thirty), and a call to memcpy for one to four
 * bytes cost more than the copy. */
static void put_bytes(struct strbuf *sb, const uint8_t *b, size_t n)
{
	if (!reserve(sb, n))
		return;
	uint8_t *d = (uint8_t *)sb->data + sb->len;
	for (size_t i = 0; i < n; i++)
		d[i] = b[i];
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void strbuf_append(struct strbuf *sb, const void *p, size_t n)
{
	if (!reserve(sb, n))
		return;
	if (n)
		memcpy(sb->data + sb->len, p, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void strbuf_puts(struct strbuf *sb, const char *s) { strbuf_append(sb, s, strlen(s)); }

void strbuf_put_quoted(struct strbuf *sb, const char *s, char q)
{
	strbuf_putc(sb, q);
	for (const char *p = s; *p; p++) {
		if (*p == q)
			strbuf_putc(sb, q);
		strbuf_putc(sb, *p);
	}
	strbuf_putc(sb, q);
}

void strbuf_putc(struct strbuf *sb, char c) { put_bytes(sb, (const uint8_t *)&c, 1); }

void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char probe[1];
	int n = vsnprintf(probe, sizeof(probe), fmt, ap2);
	va_end(ap2);
	if (n < 0 || !reserve(sb, (size_t)n)) {
		sb->failed = true;
		return;
	}
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_put_u8(struct strbuf *sb, uint8_t v) { put_bytes(sb, &v, 1); }

void strbuf_put_u16(struct strbuf *sb, uint16_t v)
{
	uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};
	put_bytes(sb, b, 2);
}

void strbuf_put_u32(struct strbuf *sb, uint32_t v)
{
	uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
	put_bytes(sb, b, 4);
}

void strbuf_put_u64(struct strbuf *sb, uint64_t v)
{
	strbuf_put_u32(sb, (uint32_t)(v >> 32));
	strbuf_put_u32(sb, (uint32_t)v);
}

void strbuf_patch_u32(struct strbuf *sb, size_t off, uint32_t v)
{
	if (sb->failed)
		return;
	ASSERT(off + 4 <= sb->len);
	uint8_t *p = (uint8_t *)sb->data + off;
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

void strbuf_consume(struct strbuf *sb, size_t n)
{
	ASSERT(n <= sb->len);
	if (n == 0)
		return; /* also an empty buffer that never had storage: memmove(NULL) is undefined */
	memmove(sb->data, sb->data + n, sb->len - n);
	sb->len -= n;
	if (sb->data)
		sb->data[sb->len] = '\0';
}

char *strbuf_take(struct strbuf *sb)
{
	char *p = sb->data ? sb->data : base_xstrdup("");
	size_t limit = sb->limit;
	strbuf_init(sb, limit);
	return p;
}

const char *base_object_name(struct arena *a, const char *name1, const char *name2,
			     const char *label)
{
	size_t n1 = strlen(name1), n2 = name2 ? strlen(name2) : 0;
	size_t overhead = (name2 ? 1 : 0) + (label ? strlen(label) + 1 : 0);
	size_t avail = overhead < 63 ? 63 - overhead : 0;
	while (n1 + n2 > avail) { /* the longer one first, as makeObjectName */
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	while (n1 && ((unsigned char)name1[n1] & 0xc0) == 0x80) /* pg_mbcliplen */
		n1--;
	while (name2 && n2 && ((unsigned char)name2[n2] & 0xc0) == 0x80)
		n2--;
	return name2 ? arena_printf(a, "%.*s_%.*s%s%s", (int)n1, name1, (int)n2, name2,
				    label ? "_" : "", label ? label : "")
		     : arena_printf(a, "%.*s%s%s", (int)n1, name1, label ? "_" : "",
				    label ? label : "");
}

size_t base_utf8_bad(const unsigned char *s, size_t n, size_t *len)
{
	unsigned char c = s[0];
	size_t need = c < 0x80             ? 1
		      : (c & 0xE0) == 0xC0 ? 2
		      : (c & 0xF0) == 0xE0 ? 3
		      : (c & 0xF8) == 0xF0 ? 4
					   : 0;
	if (c == 0 || need == 0 || (need == 2 && c < 0xC2) || (need == 4 && c > 0xF4))
		return 1;
	if (need > n)
		return n;
	for (size_t k = 1; k < need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return need;
	}
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
	    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
		return need;
	*len = need;
	return 0;
}
