/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_lateral.c: the rows of a LATERAL subquery carried across SQLite's FROM clause, which has
 * no LATERAL: the aggregate pgfn_rows_pack(v0, v1, ...) packs the subquery's rows for one row
 * to its left into a blob, and the table-valued function pgfn_rows(blob) gives them back as
 * columns c0 .. c30, every value as it was (storage class, all bits of a REAL, the bytes of a
 * BLOB; no JSON subtype). The translator's side is xlat_lateral.c. pgfn_rows_zip reads
 * several such blobs side by side (set-returning functions in lockstep, xlat_srfzip.c).
 *
 * Blob layout: a 2-byte column count, then per row per column a tag byte — 'n' NULL, 'i'
 * int64 and 'r' double (8 bytes each, host order: the blob never leaves the statement), 't'
 * text and 'b' blob (4-byte length, then the bytes). */
#include "pgfn.h"

#include <stdint.h>
#include <stdlib.h>
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

/* ---- pgfn_rows_zip(widths, blob0, blob1, ...): several functions' rows side by side, as
 * PostgreSQL runs the set-returning functions of one select list (or of ROWS FROM) in
 * lockstep: row i holds each blob's i-th row, NULLs for a blob whose rows have ended, as many
 * rows as the longest. widths ("1,2,1") says each blob's column count, so a blob of no rows
 * (NULL) still holds its columns' places; its columns follow the previous blob's, and after
 * the last blob's come one per blob, 1 while it has rows, else NULL. ---- */

#define ZIP_MAX 7 /* the engine's eight arguments, less the widths */

struct zip {
	int n;
	struct {
		struct rows r;
		size_t *starts; /* each row's offset */
		size_t nrows, len;
	} b[ZIP_MAX];
	size_t longest;
};

/* Blob k's row offsets; false when it is malformed or not as wide as the widths say. */
static bool zip_read(struct pgfn_srf_scan *s, struct zip *z, int k, sqlite3_value *v, int width)
{
	z->b[k].r.width = width;
	if (!v || sqlite3_value_type(v) != SQLITE_BLOB)
		return true; /* no rows */
	size_t n = (size_t)sqlite3_value_bytes(v), cap = 8;
	unsigned char *copy = arena_alloc(s->a, n + 1);
	memcpy(copy, sqlite3_value_blob(v), n);
	uint16_t w = 0;
	if (n >= 2)
		memcpy(&w, copy, 2);
	if (n < 2 || w != width)
		return false;
	z->b[k].r.p = copy;
	z->b[k].len = n;
	z->b[k].starts = arena_alloc(s->a, cap * sizeof(size_t));
	for (size_t at = 2; at < n;) {
		size_t len = row_len(&z->b[k].r, at, n);
		if (!len)
			return false;
		if (z->b[k].nrows == cap) {
			size_t *more = arena_alloc(s->a, 2 * cap * sizeof(size_t));
			memcpy(more, z->b[k].starts, cap * sizeof(size_t));
			z->b[k].starts = more;
			cap *= 2;
		}
		z->b[k].starts[z->b[k].nrows++] = at;
		at += len;
	}
	if (z->b[k].nrows > z->longest)
		z->longest = z->b[k].nrows;
	return true;
}

static bool zip_start(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	struct zip *z = arena_zalloc(s->a, sizeof(*z));
	const char *w = args[0] ? (const char *)sqlite3_value_text(args[0]) : NULL;
	int total = 0;
	s->g[2] = (int64_t)(intptr_t)z;
	for (; w && *w && z->n < ZIP_MAX; z->n++) {
		char *end;
		long width = strtol(w, &end, 10);
		total += (int)width;
		if (width < 1 || total + z->n + 1 > ROWS_MAX_COLS || (*end && *end != ',') ||
		    !zip_read(s, z, z->n, args[z->n + 1], (int)width))
			return pgfn_srf_fail(s, SQLSTATE_INTERNAL_ERROR,
					     "pgfn_rows_zip: a bad blob");
		w = *end ? end + 1 : end;
	}
	s->eof = z->longest == 0;
	return true;
}

static bool zip_next(struct pgfn_srf_scan *s)
{
	const struct zip *z = (const struct zip *)(intptr_t)s->g[2];
	s->eof = s->pos >= z->longest;
	return true;
}

static void zip_column(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col)
{
	const struct zip *z = (const struct zip *)(intptr_t)s->g[2];
	int k = 0;
	while (k < z->n && col >= z->b[k].r.width)
		col -= z->b[k++].r.width;
	if (k == z->n && col < z->n) { /* after every blob's columns: whether blob col has a row */
		if (s->pos < z->b[col].nrows)
			sqlite3_result_int(ctx, 1);
		else
			sqlite3_result_null(ctx);
		return;
	}
	if (k == z->n || s->pos >= z->b[k].nrows) {
		sqlite3_result_null(ctx); /* past this function's rows */
		return;
	}
	struct pgfn_srf_scan one = *s;
	one.g[0] = (int64_t)z->b[k].starts[s->pos];
	one.g[1] = (int64_t)z->b[k].len;
	one.g[2] = (int64_t)(intptr_t)&z->b[k].r;
	rows_column(&one, ctx, col);
}

static const struct pgfn_srf_def defs[] = {
	{"pgfn_rows",
	 "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, "
	 "c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30",
	 ROWS_MAX_COLS, 1, rows_start, rows_next, rows_column},
	{"pgfn_rows_zip",
	 "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, "
	 "c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30",
	 ROWS_MAX_COLS, ZIP_MAX + 1, zip_start, zip_next, zip_column},
};

/* pgfn_rows_one(v...): one row of its arguments, packed (a function of one value in FROM,
 * joined as the set-returning ones are). */
static void pack_one(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf sb;
	if (argc < 1 || argc > ROWS_MAX_COLS) {
		pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "pgfn_rows_one: %d columns", argc);
		return;
	}
	strbuf_init(&sb, 0);
	pgfn_rows_begin(&sb, argc);
	for (int i = 0; i < argc; i++)
		pgfn_rows_put(&sb, argv[i]);
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_blob64(ctx, sb.data, sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

int pgfn_register_lateral(sqlite3 *db)
{
	int rc = sqlite3_create_function(db, "pgfn_rows_pack", -1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					 NULL, NULL, pack_step, pack_final);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_rows_one", -1,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, pack_one, NULL,
					     NULL);
	return rc == SQLITE_OK ? pgfn_srf_define(db, defs, ARRAY_LEN(defs), NULL) : rc;
}
