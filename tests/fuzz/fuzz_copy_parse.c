/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_copy_parse.c: libFuzzer driver for the COPY FROM parser. The first input byte picks
 * the format and options (text, CSV with various quote/escape/NULL settings, binary, header,
 * FORCE_NOT_NULL/FORCE_NULL), the second the column count, the third the chunk size; the rest
 * is the data, fed in those chunks. Checks: rows have their columns, text fields are
 * NUL-terminated and lie in valid UTF-8, line numbers never go back, errors carry a SQLSTATE,
 * a message and a CONTEXT, and the same input fed at once gives the same outcome. Input is fed
 * up to its end even after the parser reports the end of data, as the session does. */
#include "copy.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(e) ((e) ? (void)0 : abort())

static const char *const names[] = {"a", "b", "c", "d", "e", "f", "g", "h"};

static size_t build_options(uint8_t sel, struct copy_option *v, const char *const *nn_list)
{
	static const char *const formats[] = {"text", "csv", "binary", "csv"};
	size_t n = 0;
	v[n++] = (struct copy_option){
		.name = "format", .kind = COPY_ARG_STRING, .value = formats[sel & 3]};
	if (sel & 4)
		v[n++] = (struct copy_option){.name = "header", .kind = COPY_ARG_NONE};
	if ((sel & 3) == 3) {
		v[n++] = (struct copy_option){
			.name = "quote", .kind = COPY_ARG_STRING, .value = "'"};
		v[n++] = (struct copy_option){
			.name = "escape", .kind = COPY_ARG_STRING, .value = "\\"};
	}
	if ((sel & 3) != 2 && (sel & 8))
		v[n++] = (struct copy_option){
			.name = "null", .kind = COPY_ARG_STRING, .value = "NULL"};
	if ((sel & 1) && (sel & 16))
		v[n++] = (struct copy_option){.name = "force_not_null",
					      .kind = COPY_ARG_LIST,
					      .list = nn_list,
					      .nlist = 1};
	if ((sel & 1) && (sel & 32))
		v[n++] = (struct copy_option){.name = "force_null",
					      .kind = COPY_ARG_LIST,
					      .list = nn_list + 1,
					      .nlist = 1};
	if ((sel & 3) != 2 && (sel & 64))
		v[n++] = (struct copy_option){
			.name = "delimiter", .kind = COPY_ARG_STRING, .value = "|"};
	return n;
}

static bool valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
		if (c == 0 || i + len > n)
			return false;
		i += len;
	}
	return true;
}

/* Parses everything; returns a digest of the outcome (rows and the final status). */
static uint64_t run(const struct copy_opts *o, size_t ncols, const uint8_t *d, size_t n,
		    size_t chunk)
{
	struct copy_parser *p = copy_parser_new(o, "t", names, ncols);
	struct pgerr err;
	uint64_t digest = 1469598103934665603ull, last_line = 0;
	size_t off = 0;
	bool finished = false;
	pgerr_clear(&err);
	for (;;) {
		struct copy_row row;
		enum copy_next st = copy_parser_next(p, &row, &err);
		if (st == COPY_NEXT_ROW) {
			CHECK(row.lineno >= last_line);
			last_line = row.lineno;
			for (size_t i = 0; i < ncols; i++) {
				const struct copy_field *f = &row.fields[i];
				digest = (digest ^ (f->p ? f->n : 0xffff)) * 1099511628211ull;
				if (!f->p || o->format == COPY_FORMAT_BINARY)
					continue;
				CHECK(f->p[f->n] == '\0');
				CHECK(valid_utf8(f->p, f->n));
			}
			continue;
		}
		if (st == COPY_NEXT_ERROR) {
			CHECK(strlen(err.sqlstate) == 5 && err.message[0] && err.context[0]);
			digest ^= 0xE44;
			break;
		}
		/* After the end, the rest of the input is still fed, as the session feeds every
		 * CopyData up to CopyDone: binary data after the trailer is an error. */
		if (st == COPY_NEXT_DONE && finished)
			break;
		CHECK(st == COPY_NEXT_DONE || !finished);
		if (off < n) {
			size_t k = n - off < chunk ? n - off : chunk;
			copy_parser_feed(p, d + off, k);
			off += k;
		} else {
			copy_parser_finish(p);
			finished = true;
		}
	}
	copy_parser_free(p);
	return digest;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	static const char *const nn_list[] = {"a", "b"};
	struct copy_option v[8];
	size_t nopts = build_options(data[0], v, nn_list);
	size_t ncols = 1 + data[1] % 8;
	size_t chunk = 1 + data[2] % 64;
	struct arena *a = arena_new(0);
	struct copy_opts o;
	struct pgerr err;
	pgerr_clear(&err);
	if (copy_opts_parse(&o, true, v, nopts, a, &err)) {
		struct copy_columns cc = {.names = names, .n = ncols, .all = names, .nall = ncols};
		if (copy_opts_columns(&o, &cc, a, &err))
			CHECK(run(&o, ncols, data + 3, size - 3, chunk) ==
			      run(&o, ncols, data + 3, size - 3, size));
	}
	arena_free(a);
	return 0;
}
