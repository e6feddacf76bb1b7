/* SPDX-License-Identifier: Apache-2.0 */
/* copy_binary.c: the binary COPY format — the signature and header, then per tuple an int16
 * field count and per field an int32 length (-1: NULL) and that many bytes, ended by a count
 * of -1 — read incrementally with PostgreSQL 15's checks and messages. A tuple is returned
 * only once all of it has arrived; its fields point into the input buffer. */
#include "copy_int.h"

#include <stdio.h>
#include <string.h>

static const char signature[11] = "PGCOPY\n\377\r\n";

static uint32_t get_u32(const char *d)
{
	const unsigned char *u = (const unsigned char *)d;
	return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
}

static bool fail(struct copy_parser *p, struct pgerr *err, const char *col, const char *fmt, ...)
	PRINTF_LIKE(4, 5);

static bool fail(struct copy_parser *p, struct pgerr *err, const char *col, const char *fmt, ...)
{
	char msg[PGERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pgerr_set(err, "22P04", "%s", msg);
	if (col)
		copy_context_value(err, &p->o, p->rel, p->lineno, col, NULL, 0);
	else
		copy_context_line(err, p->rel, p->lineno, NULL, 0);
	p->failed = true;
	return false;
}

/* The file header; SCAN_MORE until all of it has arrived. */
static enum scan header(struct copy_parser *p, struct pgerr *err)
{
	const char *d = p->in.data + p->pos;
	size_t len = p->in.len - p->pos;
	size_t sig = len < sizeof(signature) ? len : sizeof(signature);
	if (memcmp(d, signature, sig) != 0 || (p->finished && len < sizeof(signature))) {
		fail(p, err, NULL, "COPY file signature not recognized");
		return SCAN_ERROR;
	}
	if (len < 19) {
		if (!p->finished)
			return SCAN_MORE;
		fail(p, err, NULL,
		     len < 15 ? "invalid COPY file header (missing flags)"
			      : "invalid COPY file header (missing length)");
		return SCAN_ERROR;
	}
	uint32_t flags = get_u32(d + 11);
	if (flags & (1u << 16)) {
		fail(p, err, NULL, "invalid COPY file header (WITH OIDS)");
		return SCAN_ERROR;
	}
	if ((flags & ~(1u << 16)) >> 16) {
		fail(p, err, NULL, "unrecognized critical flags in COPY file header");
		return SCAN_ERROR;
	}
	uint32_t ext = get_u32(d + 15);
	if (ext > INT32_MAX || (p->finished && len - 19 < ext)) {
		fail(p, err, NULL, "invalid COPY file header (wrong length)");
		return SCAN_ERROR;
	}
	if (len - 19 < ext)
		return SCAN_MORE;
	p->pos += 19 + ext;
	p->binary_header = true;
	return SCAN_LINE;
}

/* Measures the tuple at the input's start without consuming it: SCAN_LINE with *size when
 * whole, SCAN_END for the trailer or a clean end of input. */
static enum scan tuple(struct copy_parser *p, size_t *size, struct pgerr *err)
{
	const char *d = p->in.data + p->pos;
	size_t len = p->in.len - p->pos;
	if (len < 2)
		return p->finished ? SCAN_END : SCAN_MORE; /* PostgreSQL: a short count is EOF */
	int16_t count = (int16_t)((unsigned char)d[0] << 8 | (unsigned char)d[1]);
	if (count == -1) {
		*size = 2;
		return SCAN_END;
	}
	p->lineno++;
	if (count != (int)p->ncols) {
		fail(p, err, NULL, "row field count is %d, expected %zu", count, p->ncols);
		return SCAN_ERROR;
	}
	size_t at = 2;
	for (size_t i = 0; i < p->ncols; i++) {
		if (len - at < 4)
			goto short_input;
		int32_t flen = (int32_t)get_u32(d + at);
		at += 4;
		if (flen < -1) {
			fail(p, err, p->names[i], "invalid field size");
			return SCAN_ERROR;
		}
		if (flen > 0 && len - at < (size_t)flen)
			goto short_input;
		p->fields[i].p = flen < 0 ? NULL : d + at;
		p->fields[i].n = flen < 0 ? 0 : (size_t)flen;
		at += flen > 0 ? (size_t)flen : 0;
	}
	*size = at;
	return SCAN_LINE;
short_input:
	if (!p->finished) {
		p->lineno--; /* counted again when the rest arrives */
		return SCAN_MORE;
	}
	fail(p, err, NULL, "unexpected EOF in COPY data");
	return SCAN_ERROR;
}

enum copy_next copy_binary_next(struct copy_parser *p, struct copy_row *row, struct pgerr *err)
{
	if (p->data_after_end) {
		fail(p, err, NULL, "received copy data after EOF marker");
		return COPY_NEXT_ERROR;
	}
	if (p->done)
		return COPY_NEXT_DONE;
	enum scan s = p->binary_header ? SCAN_LINE : header(p, err);
	size_t size = 0;
	if (s == SCAN_LINE)
		s = tuple(p, &size, err);
	switch (s) {
	case SCAN_LINE:
		p->pos += size;
		row->fields = p->fields;
		row->lineno = p->lineno;
		row->line = NULL;
		row->line_len = 0;
		return COPY_NEXT_ROW;
	case SCAN_END:
		p->pos += size;
		p->done = true;
		if (p->pos < p->in.len) {
			fail(p, err, NULL, "received copy data after EOF marker");
			return COPY_NEXT_ERROR;
		}
		return COPY_NEXT_DONE;
	case SCAN_MORE:
		return COPY_NEXT_MORE;
	default:
		return COPY_NEXT_ERROR;
	}
}
