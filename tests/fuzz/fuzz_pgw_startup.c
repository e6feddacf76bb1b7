/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_pgw_startup.c: libFuzzer driver for pgw_fe_read_startup. Besides "no crash, no
 * overread", it checks the reader's contract: status, *consumed and err agree, views lie in
 * the input, and a whole packet reads the same when nothing follows it. */
#include "pgw.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(e) ((e) ? (void)0 : abort())

static struct arena *arena;

static bool inside(const void *p, const uint8_t *data, size_t size)
{
	const uint8_t *b = p;
	return b >= data && b < data + size;
}

static void check_ok(const uint8_t *data, size_t size, const struct pgw_startup *s,
		     size_t consumed)
{
	CHECK(consumed >= 8 && consumed <= size && consumed <= PGW_STARTUP_MAX);
	if (s->kind != PGW_STARTUP)
		CHECK(s->nparams == 0);
	for (size_t i = 0; i < s->nparams; i++) {
		/* Each view and its NUL lie inside the packet. */
		const char *n = s->params[i].name, *v = s->params[i].value;
		CHECK(inside(n, data, consumed) && inside(n + strlen(n), data, consumed));
		CHECK(inside(v, data, consumed) && inside(v + strlen(v), data, consumed));
		CHECK(n[0] != '\0');
		CHECK(pgw_startup_param(s, n) != NULL);
	}
	(void)pgw_startup_param(s, "user");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pgw_startup s;
	struct pgerr err;
	size_t consumed = (size_t)-1;

	if (!arena)
		arena = arena_new(0);
	pgerr_clear(&err);
	switch (pgw_fe_read_startup(data, size, arena, &s, &consumed, &err)) {
	case PGW_NEED_MORE:
		CHECK(consumed == (size_t)-1 && !pgerr_is_set(&err));
		break;
	case PGW_BAD:
		CHECK(consumed == (size_t)-1);
		CHECK(strcmp(err.sqlstate, SQLSTATE_PROTOCOL_VIOLATION) == 0);
		CHECK(err.severity == PGERR_FATAL && err.message[0] != '\0');
		break;
	case PGW_OK: {
		CHECK(!pgerr_is_set(&err));
		check_ok(data, size, &s, consumed);
		/* The packet alone, without what followed it, reads the same. */
		size_t again = 0;
		struct pgw_startup t;
		CHECK(pgw_fe_read_startup(data, consumed, arena, &t, &again, &err) == PGW_OK);
		CHECK(again == consumed && t.kind == s.kind && t.nparams == s.nparams);
		break;
	}
	}
	arena_reset(arena);
	return 0;
}
