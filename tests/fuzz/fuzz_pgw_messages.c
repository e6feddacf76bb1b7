/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_pgw_messages.c: libFuzzer driver that frames the input as a stream of frontend
 * messages and runs every body decoder on every message, whatever its type byte. What a
 * decoder accepts is written back through the backend writers and re-framed, so the writers'
 * length words are checked against real framing too. */
#include "pgw.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(e) ((e) ? (void)0 : abort())
#define MAX_MESSAGE (1u << 20)

static struct arena *arena;
static struct strbuf out;

/* err was cleared before the call: it is set exactly when the decoder failed. */
static void check_err(bool ok, const struct pgerr *err)
{
	if (ok) {
		CHECK(!pgerr_is_set(err));
		return;
	}
	CHECK(strcmp(err->sqlstate, SQLSTATE_PROTOCOL_VIOLATION) == 0);
	CHECK(err->severity == PGERR_FATAL && err->message[0] != '\0');
}

/* A view and its terminating NUL lie inside the body. */
static void check_str(const struct pgw_msg *m, const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	CHECK(p >= m->body && p + strlen(s) < m->body + m->len);
}

static void check_target(const struct pgw_msg *m, const struct pgw_target *t)
{
	CHECK(t->kind == 'S' || t->kind == 'P');
	check_str(m, t->name);
}

/* Whatever the writers produce must frame back as exactly one message. */
static void check_written(void)
{
	struct pgw_msg m;
	struct pgerr err;
	size_t consumed = 0;
	CHECK(!out.failed);
	CHECK(pgw_fe_read_msg((const uint8_t *)out.data, out.len, 0, &m, &consumed, &err) ==
	      PGW_OK);
	CHECK(consumed == out.len);
	strbuf_reset(&out);
}

static void run_bind(const struct pgw_msg *m)
{
	struct pgw_bind b;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgw_fe_bind(m, arena, &b, &err);
	check_err(ok, &err);
	if (!ok)
		return;
	check_str(m, b.portal);
	check_str(m, b.statement);
	CHECK(b.nparam_formats <= 1 || b.nparam_formats == b.nparams);
	size_t mark = pgw_be_datarow_begin(&out, b.nparams);
	for (size_t i = 0; i < b.nparams; i++) {
		int16_t f = pgw_bind_param_format(&b, i);
		CHECK(f == 0 || f == 1);
		CHECK((b.param_lengths[i] == -1) == (b.param_values[i] == NULL));
		if (b.param_values[i] == NULL) {
			pgw_be_datarow_null(&out);
			continue;
		}
		CHECK(b.param_lengths[i] >= 0);
		CHECK(b.param_values[i] >= m->body &&
		      b.param_values[i] + b.param_lengths[i] <= m->body + m->len);
		pgw_be_datarow_value(&out, b.param_values[i], (size_t)b.param_lengths[i]);
	}
	pgw_be_datarow_end(&out, mark);
	check_written();
	for (size_t i = 0; i < b.nresult_formats; i++) {
		int16_t f = pgw_result_format(b.nresult_formats, b.result_formats, i);
		CHECK(f == 0 || f == 1);
	}
}

static void run_parse(const struct pgw_msg *m)
{
	struct pgw_parse p;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgw_fe_parse(m, arena, &p, &err);
	check_err(ok, &err);
	if (!ok)
		return;
	check_str(m, p.name);
	check_str(m, p.sql);
	pgw_be_parameter_description(&out, p.nparam_types, p.param_types);
	check_written();
	pgw_be_parameter_status(&out, p.name, p.sql);
	check_written();
}

static void run_simple(const struct pgw_msg *m)
{
	struct pgw_query q;
	struct pgw_target t;
	struct pgw_execute e;
	struct pgerr err;
	pgerr_clear(&err);
	bool ok = pgw_fe_query(m, &q, &err);
	check_err(ok, &err);
	if (ok) {
		check_str(m, q.sql);
		pgw_be_command_complete(&out, q.sql);
		check_written();
	}
	pgerr_clear(&err);
	ok = pgw_fe_describe(m, &t, &err);
	check_err(ok, &err);
	if (ok)
		check_target(m, &t);
	pgerr_clear(&err);
	ok = pgw_fe_close(m, &t, &err);
	check_err(ok, &err);
	if (ok)
		check_target(m, &t);
	pgerr_clear(&err);
	ok = pgw_fe_execute(m, &e, &err);
	check_err(ok, &err);
	if (ok)
		CHECK(e.max_rows <= INT32_MAX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!arena) {
		arena = arena_new(0);
		strbuf_init(&out, 0);
	}
	size_t off = 0;
	for (;;) {
		struct pgw_msg m;
		struct pgerr err;
		size_t consumed = (size_t)-1;
		pgerr_clear(&err);
		enum pgw_read_status st =
		    pgw_fe_read_msg(data + off, size - off, MAX_MESSAGE, &m, &consumed, &err);
		if (st != PGW_OK) {
			CHECK(consumed == (size_t)-1);
			if (st == PGW_BAD) {
				check_err(false, &err);
				pgw_be_error(&out, &err);
				check_written();
			}
			break;
		}
		CHECK(consumed == m.len + 5 && consumed <= size - off && m.len <= MAX_MESSAGE);
		run_simple(&m);
		run_parse(&m);
		run_bind(&m);
		off += consumed;
		arena_reset(arena);
	}
	arena_reset(arena);
	return 0;
}
