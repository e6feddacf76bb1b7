/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_lateral.c: the rows of a LATERAL subquery carried across SQLite's FROM clause, which has
 * no LATERAL: the aggregate pgfn_rows_pack(v0, v1, ...) packs the subquery's rows for one row
 * to its left into a blob, and the table-valued function pgfn_rows(blob) gives them back as
 * columns c0 .. c30, every value as it was (storage class, all bits of a REAL, the bytes of a
 * BLOB; no JSON subtype). The translator's side is xlat_lateral.c.
 *
 * Blob layout: a 2-byte column count, then per row per column a tag byte — 'n' NULL, 'i'
 * int64 and 'r' double (8 bytes each, host order: the blob never leaves the statement), 't'
 * text and 'b' blob (4-byte length, then the bytes). */
#include "pgfn.h"

#include <stdint.h>
#include <string.h>

#include "base.h"

#define ROWS_MAX_COLS 31 /* the SRF engine's limit */

struct pack {
	struct strbuf sb;
	int width;
	bool failed;
};

void pgfn_rows_begin(struct strbuf *sb, int ncols)
{
	uint16_t w = (uint16_t)ncols;
	strbuf_append(sb, (const char *)&w, 2);
}

void pgfn_rows_put(struct strbuf *sb, sqlite3_value *v)
{
	int type = sqlite3_value_type(v);
	if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
		char raw[8];
		if (type == SQLITE_INTEGER) {
			int64_t i = sqlite3_value_int64(v);
			memcpy(raw, &i, 8);
		} else {
			double d = sqlite3_value_double(v);
			memcpy(raw, &d, 8);
		}
		strbuf_putc(sb, type == SQLITE_INTEGER ? 'i' : 'r');
		strbuf_append(sb, raw, 8);
		return;
	}
	if (type == SQLITE_NULL) {
		strbuf_putc(sb, 'n');
		return;
	}
	const void *p = type == SQLITE_BLOB ? sqlite3_value_blob(v) : sqlite3_value_text(v);
	uint32_t n = (uint32_t)sqlite3_value_bytes(v);
	strbuf_putc(sb, type == SQLITE_BLOB ? 'b' : 't');
	strbuf_append(sb, (const char *)&n, 4);
	strbuf_append(sb, p ? p : "", n);
}

static void pack_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pack *p = sqlite3_aggregate_context(ctx, sizeof(*p));
	if (!p || p->failed)
		return;
	if (!p->width) {
		if (argc < 1 || argc > ROWS_MAX_COLS) {
			p->failed = true;
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "a LATERAL subquery of more than %d columns is not supported",
				   ROWS_MAX_COLS);
			return;
		}
		strbuf_init(&p->sb, 0);
		pgfn_rows_begin(&p->sb, argc);
		p->width = argc;
	}
	for (int i = 0; i < argc; i++)
		pgfn_rows_put(&p->sb, argv[i]);
}

static void pack_final(sqlite3_context *ctx)
{
	struct pack *p = sqlite3_aggregate_context(ctx, 0);
	if (!p || !p->width) {
		sqlite3_result_null(ctx); /* no rows */
		return;
	}
	if (p->sb.failed)
		sqlite3_result_error_nomem(ctx);
	else if (!p->failed)
		sqlite3_result_blob64(ctx, p->sb.data, p->sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&p->sb);
}

/* ---- pgfn_rows(blob): g[0] the offset of the current row, g[1] the blob's length, g[2] its
 * struct rows ---- */

struct rows {
	const unsigned char *p;
	int width;
};

/* The length of the value at offset at (its tag included), 0 when the blob ends early. */
static size_t value_len(const unsigned char *p, size_t at, size_t end)
{
	if (at >= end)
		return 0;
	switch (p[at]) {
	case 'n':
		return 1;
	case 'i':
	case 'r':
		return at + 9 <= end ? 9 : 0;
	default: {
		uint32_t n;
		if (at + 5 > end)
			return 0;
		memcpy(&n, p + at + 1, 4);
		return at + 5 + n <= end ? 5 + (size_t)n : 0;
	}
	}
}

static size_t row_len(const struct rows *r, size_t at, size_t end)
{
	size_t len = 0;
	for (int i = 0; i < r->width; i++) {
		size_t n = value_len(r->p, at + len, end);
		if (!n)
			return 0;
		len += n;
	}
	return len;
}

static bool rows_start(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	s->eof = true;
	if (!args[0] || sqlite3_value_type(args[0]) != SQLITE_BLOB)
		return true; /* NULL: the subquery had no rows */
	size_t n = (size_t)sqlite3_value_bytes(args[0]);
	if (n < 2)
		return pgfn_srf_fail(s, SQLSTATE_INTERNAL_ERROR, "pgfn_rows: a bad blob");
	struct rows *r = arena_alloc(s->a, sizeof(*r));
	unsigned char *copy = arena_alloc(s->a, n);
	memcpy(copy, sqlite3_value_blob(args[0]), n);
	uint16_t w;
	memcpy(&w, copy, 2);
	*r = (struct rows){copy, w};
	s->g[2] = (int64_t)(intptr_t)r;
	s->g[0] = 2;
	s->g[1] = (int64_t)n;
	s->eof = (size_t)s->g[0] >= n;
	return true;
}

static bool rows_next(struct pgfn_srf_scan *s)
{
	const struct rows *r = (const struct rows *)(intptr_t)s->g[2];
	size_t len = row_len(r, (size_t)s->g[0], (size_t)s->g[1]);
	s->g[0] += (int64_t)len;
	s->eof = !len || s->g[0] >= s->g[1];
	return true;
}

static void rows_column(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col)
{
	const struct rows *r = (const struct rows *)(intptr_t)s->g[2];
	size_t at = (size_t)s->g[0], end = (size_t)s->g[1];
	for (int i = 0; i < col && i < r->width; i++)
		at += value_len(r->p, at, end);
	size_t n = col < r->width ? value_len(r->p, at, end) : 0;
	if (!n || r->p[at] == 'n') {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *v = r->p + at + 1;
	if (r->p[at] == 'i' || r->p[at] == 'r') {
		int64_t i;
		double d;
		memcpy(&i, v, 8);
		memcpy(&d, v, 8);
		if (r->p[at] == 'i')
			sqlite3_result_int64(ctx, i);
		else
			sqlite3_result_double(ctx, d);
		return;
	}
	if (r->p[at] == 'b')
		sqlite3_result_blob64(ctx, v + 4, n - 5, SQLITE_TRANSIENT);
	else
		sqlite3_result_text64(ctx, (const char *)v + 4, n - 5, SQLITE_TRANSIENT,
				      SQLITE_UTF8);
}

static const struct pgfn_srf_def defs[] = {
	{"pgfn_rows",
	 "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, "
	 "c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30",
	 ROWS_MAX_COLS, 1, rows_start, rows_next, rows_column},
};

int pgfn_register_lateral(sqlite3 *db)
{
	int rc = sqlite3_create_function(db, "pgfn_rows_pack", -1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					 NULL, NULL, pack_step, pack_final);
	return rc == SQLITE_OK ? pgfn_srf_define(db, defs, ARRAY_LEN(defs), NULL) : rc;
}
