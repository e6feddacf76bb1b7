/* SPDX-License-Identifier: Apache-2.0 */
/* copy_out.c: writing COPY TO data — text with backslash escapes, CSV with quoting only where
 * needed (or forced), binary with PostgreSQL's signature, length words and trailer — byte for
 * byte as PostgreSQL 15's CopyAttributeOutText/CopyAttributeOutCSV/CopyOneRowTo write it. */
#include "copy.h"

#include <string.h>

static const char binary_signature[11] = "PGCOPY\n\377\r\n";

/* CopyAttributeOutText: control characters and the delimiter and backslash are escaped. */
static void out_text(struct strbuf *out, const struct copy_opts *o, const char *p, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		char esc = 0;
		switch (c) {
		case '\b':
			esc = 'b';
			break;
		case '\f':
			esc = 'f';
			break;
		case '\n':
			esc = 'n';
			break;
		case '\r':
			esc = 'r';
			break;
		case '\t':
			esc = 't';
			break;
		case '\v':
			esc = 'v';
			break;
		default:
			if (c == '\\' || c == (unsigned char)o->delim)
				esc = (char)c;
			break;
		}
		if (!esc)
			continue;
		strbuf_append(out, p + start, i - start);
		strbuf_putc(out, '\\');
		strbuf_putc(out, esc);
		start = i + 1;
	}
	strbuf_append(out, p + start, n - start);
}

/* Whether a CSV value must be quoted: it holds the delimiter, quote, CR or LF, it equals the
 * NULL string, or it is "\." alone in a one-column row (which would read as end of data). */
static bool csv_needs_quote(const struct copy_opts *o, const char *p, size_t n, bool single)
{
	if (n == o->null_len && memcmp(p, o->null_str, n) == 0)
		return true;
	if (single && n == 2 && p[0] == '\\' && p[1] == '.')
		return true;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == o->delim || c == o->quote || c == '\n' || c == '\r')
			return true;
	}
	return false;
}

static void out_csv(struct strbuf *out, const struct copy_opts *o, const char *p, size_t n,
		    bool force)
{
	if (!force && !csv_needs_quote(o, p, n, o->ncols == 1)) {
		strbuf_append(out, p, n);
		return;
	}
	strbuf_putc(out, o->quote);
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] != o->quote && p[i] != o->escape)
			continue;
		strbuf_append(out, p + start, i - start);
		strbuf_putc(out, o->escape);
		start = i; /* the character itself goes out with the next run */
	}
	strbuf_append(out, p + start, n - start);
	strbuf_putc(out, o->quote);
}

void copy_out_start(struct strbuf *out, const struct copy_opts *o, const char *const *names,
		    size_t n)
{
	if (o->format == COPY_FORMAT_BINARY) {
		strbuf_append(out, binary_signature, sizeof(binary_signature));
		strbuf_put_u32(out, 0); /* flags */
		strbuf_put_u32(out, 0); /* header extension length */
		return;
	}
	if (!o->header)
		return;
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_putc(out, o->delim);
		if (o->format == COPY_FORMAT_CSV)
			out_csv(out, o, names[i], strlen(names[i]), false);
		else
			out_text(out, o, names[i], strlen(names[i]));
	}
	strbuf_putc(out, '\n');
}

void copy_out_row_begin(struct strbuf *out, const struct copy_opts *o)
{
	if (o->format == COPY_FORMAT_BINARY)
		strbuf_put_u16(out, (uint16_t)o->ncols);
}

void copy_out_value(struct strbuf *out, const struct copy_opts *o, size_t col, const char *p,
		    size_t n)
{
	switch (o->format) {
	case COPY_FORMAT_BINARY:
		strbuf_put_u32(out, (uint32_t)n);
		strbuf_append(out, p, n);
		return;
	case COPY_FORMAT_CSV:
		if (col)
			strbuf_putc(out, o->delim);
		out_csv(out, o, p, n, o->force_quote && o->force_quote[col]);
		return;
	case COPY_FORMAT_TEXT:
		if (col)
			strbuf_putc(out, o->delim);
		out_text(out, o, p, n);
		return;
	}
}

void copy_out_null(struct strbuf *out, const struct copy_opts *o, size_t col)
{
	if (o->format == COPY_FORMAT_BINARY) {
		strbuf_put_u32(out, UINT32_MAX); /* -1 */
		return;
	}
	if (col)
		strbuf_putc(out, o->delim);
	strbuf_append(out, o->null_str, o->null_len);
}

void copy_out_row_end(struct strbuf *out, const struct copy_opts *o)
{
	if (o->format != COPY_FORMAT_BINARY)
		strbuf_putc(out, '\n');
}

void copy_out_finish(struct strbuf *out, const struct copy_opts *o)
{
	if (o->format == COPY_FORMAT_BINARY)
		strbuf_put_u16(out, UINT16_MAX); /* -1: no more tuples */
}
