/* SPDX-License-Identifier: Apache-2.0 */
/* base_arena.c: a bump allocator over a chain of chunks; oversized requests get their own
 * chunk. Reset keeps the first chunk so steady-state queries do not touch malloc. */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_DEFAULT_CHUNK 8192

struct chunk {
	struct chunk *next;
	size_t size;
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char mem[];
};

struct arena {
	struct chunk *head; /* current chunk; the first chunk is at the end of the chain */
	size_t chunk_size;
	size_t used;
};

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = base_xmalloc(sizeof(*c) + size);
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

struct arena *arena_new(size_t chunk_size)
{
	struct arena *a = base_xcalloc(1, sizeof(*a));
	a->chunk_size = chunk_size ? chunk_size : ARENA_DEFAULT_CHUNK;
	a->head = chunk_new(a->chunk_size);
	return a;
}

void arena_free(struct arena *a)
{
	if (!a)
		return;
	for (struct chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void arena_reset(struct arena *a)
{
	struct chunk *c = a->head;
	while (c->next) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	c->used = 0;
	a->head = c;
	a->used = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need < n)
		base_assert_fail("arena size overflow", __FILE__, __LINE__);
	struct chunk *c = a->head;
	if (c->size - c->used < need) {
		size_t size = need > a->chunk_size ? need : a->chunk_size;
		c = chunk_new(size);
		c->next = a->head;
		a->head = c;
	}
	void *p = c->mem + c->used;
	c->used += need;
	a->used += need;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	char probe[1];
	int n = vsnprintf(probe, sizeof(probe), fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t arena_used(const struct arena *a) { return a->used; }
