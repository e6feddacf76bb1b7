/* SPDX-License-Identifier: Apache-2.0 */
/* copy_parse.c: the streaming COPY FROM parser for the text and CSV formats (binary lives in
 * copy_binary.c). Input arrives in chunks that may end anywhere; a record is scanned
 * incrementally (the scan position and CSV quote state survive between chunks), then split
 * into fields and de-escaped as PostgreSQL 15's CopyReadLineText and CopyReadAttributesText /
 * CopyReadAttributesCSV do, with their line numbers and messages.
 *
 *   feed ──> [ in: pos .. scan .. len ] ──record complete──> fields ──> COPY_NEXT_ROW
 *                                  │ EOL or end marker "\."
 *                                  └─ finish + end of input ──> last record, then DONE
 */
#include "copy_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct copy_parser *copy_parser_new(const struct copy_opts *o, const char *rel,
				    const char *const *names, size_t ncols)
{
	struct copy_parser *p = base_xcalloc(1, sizeof(*p));
	p->o = *o;
	p->rel = rel;
	p->names = names;
	p->ncols = ncols;
	p->header_pending = o->header;
	strbuf_init(&p->in, 0);
	strbuf_init(&p->fieldbuf, 0);
	/* Both buffers always have memory, so views into them are never offsets from NULL. */
	strbuf_putc(&p->in, '\0');
	strbuf_reset(&p->in);
	strbuf_putc(&p->fieldbuf, '\0');
	strbuf_reset(&p->fieldbuf);
	p->fields = base_xcalloc(ncols ? ncols : 1, sizeof(*p->fields));
	return p;
}

void copy_parser_free(struct copy_parser *p)
{
	if (!p)
		return;
	strbuf_fini(&p->in);
	strbuf_fini(&p->fieldbuf);
	free(p->fields);
	free(p->offs);
	free(p->isnull);
	free(p);
}

void copy_parser_feed(struct copy_parser *p, const void *buf, size_t n)
{
	if (p->done && n > 0)
		p->data_after_end = true;
	if (p->done)
		return;
	/* Drop consumed bytes once per chunk, so a chunk of many rows costs one move. */
	if (p->pos > 0) {
		strbuf_consume(&p->in, p->pos);
		p->scan -= p->pos;
		p->pos = 0;
	}
	strbuf_append(&p->in, buf, n);
}

void copy_parser_finish(struct copy_parser *p) { p->finished = true; }

size_t copy_parser_buffered(const struct copy_parser *p) { return p->in.len - p->pos; }

uint64_t copy_parser_lineno(const struct copy_parser *p) { return p->lineno; }

/* ---- errors ---- */

/* Whether s[0..n) is valid UTF-8 (a line PostgreSQL could have read: it checks the bytes before
 * it splits lines, and names no line text when they are bad). */
static bool utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		if (((unsigned char)s[i] >= 0x80 || !s[i]) &&
		    base_utf8_bad((const unsigned char *)s + i, n - i, &len))
			return false;
		i += len;
	}
	return true;
}

bool copy_fail_line(struct copy_parser *p, struct pgerr *err, size_t len, const char *sqlstate,
		    const char *msg, const char *hint)
{
	const char *line = p->in.data + p->pos;
	pgerr_set(err, sqlstate, "%s", msg);
	if (hint)
		pgerr_hint(err, "%s", hint);
	copy_context_line(err, p->rel, p->lineno, utf8_valid(line, len) ? line : NULL, len);
	p->failed = true;
	return false;
}

/* An error found while the line is read (its end, the end marker): PostgreSQL holds no line
 * text then, so the CONTEXT names the line alone. */
static void fail_reading(struct copy_parser *p, struct pgerr *err, const char *msg,
			 const char *hint)
{
	pgerr_set(err, "22P04", "%s", msg);
	if (hint)
		pgerr_hint(err, "%s", hint);
	copy_context_line(err, p->rel, p->lineno, NULL, 0);
	p->failed = true;
}

/* PostgreSQL's limit_printout_length: 100 bytes, cut at a character boundary, then "...". */
static void put_limited(char *dst, size_t cap, const char *s, size_t n)
{
	size_t lim = n;
	if (n > 100) {
		lim = 100;
		while (lim > 0 && ((unsigned char)s[lim] & 0xC0) == 0x80)
			lim--;
	}
	snprintf(dst, cap, "%.*s%s", (int)lim, s, n > 100 ? "..." : "");
}

void copy_context_line(struct pgerr *err, const char *rel, uint64_t lineno, const char *line,
		       size_t n)
{
	char shown[128];
	if (!line) {
		snprintf(err->context, sizeof(err->context), "COPY %s, line %llu", rel,
			 (unsigned long long)lineno);
		return;
	}
	put_limited(shown, sizeof(shown), line, n);
	snprintf(err->context, sizeof(err->context), "COPY %s, line %llu: \"%s\"", rel,
		 (unsigned long long)lineno, shown);
}

void copy_context_value(struct pgerr *err, const struct copy_opts *o, const char *rel,
			uint64_t lineno, const char *col, const char *value, size_t n)
{
	char shown[128];
	if (o->format == COPY_FORMAT_BINARY) {
		snprintf(err->context, sizeof(err->context), "COPY %s, line %llu, column %s", rel,
			 (unsigned long long)lineno, col);
	} else if (!value) {
		snprintf(err->context, sizeof(err->context),
			 "COPY %s, line %llu, column %s: null input", rel,
			 (unsigned long long)lineno, col);
	} else {
		put_limited(shown, sizeof(shown), value, n);
		snprintf(err->context, sizeof(err->context),
			 "COPY %s, line %llu, column %s: \"%s\"", rel, (unsigned long long)lineno,
			 col, shown);
	}
}

/* ---- finding the end of a record ---- */

static const char *cr_hint(bool csv)
{
	return csv ? "Use quoted CSV field to represent carriage return."
		   : "Use \"\\r\" to represent carriage return.";
}

static const char *nl_hint(bool csv)
{
	return csv ? "Use quoted CSV field to represent newline."
		   : "Use \"\\n\" to represent newline.";
}

/* An end of line at i (unquoted): sets *next past it, or asks for more input, or fails when
 * it does not match the newline style of the first line, as PostgreSQL requires. */
static enum scan eol_at(struct copy_parser *p, size_t i, size_t *next, struct pgerr *err)
{
	const char *d = p->in.data + p->pos;
	size_t len = p->in.len - p->pos;
	bool csv = p->o.format == COPY_FORMAT_CSV;
	if (d[i] == '\r') {
		if (i + 1 >= len && !p->finished)
			return SCAN_MORE;
		bool lf = i + 1 < len && d[i + 1] == '\n';
		if (p->eol == EOL_UNKNOWN)
			p->eol = lf ? EOL_CRNL : EOL_CR;
		if (p->eol == EOL_CR) {
			*next = i + 1;
			return SCAN_LINE;
		}
		if (p->eol == EOL_CRNL && lf) {
			*next = i + 2;
			return SCAN_LINE;
		}
		fail_reading(p, err,
			     csv ? "unquoted carriage return found in data"
				 : "literal carriage return found in data",
			     cr_hint(csv));
		return SCAN_ERROR;
	}
	if (p->eol == EOL_UNKNOWN)
		p->eol = EOL_NL;
	if (p->eol != EOL_NL) {
		fail_reading(p, err,
			     csv ? "unquoted newline found in data"
				 : "literal newline found in data",
			     nl_hint(csv));
		return SCAN_ERROR;
	}
	*next = i + 1;
	return SCAN_LINE;
}

/* "\." followed by an end of line (or of input) at i: the end-of-data marker. */
static enum scan end_marker(struct copy_parser *p, size_t i, struct pgerr *err)
{
	const char *d = p->in.data + p->pos;
	size_t len = p->in.len - p->pos;
	if (i + 2 >= len && !p->finished)
		return SCAN_MORE;
	if (i + 2 >= len || d[i + 2] == '\n' || d[i + 2] == '\r')
		return SCAN_END;
	if (p->o.format == COPY_FORMAT_CSV)
		return SCAN_DATA; /* just data in CSV */
	fail_reading(p, err, "end-of-copy marker corrupt", NULL);
	return SCAN_ERROR;
}

/* Text format: a backslash escapes the next byte, even a newline; "\." ends the data. */
static enum scan scan_text(struct copy_parser *p, size_t *end, size_t *next, struct pgerr *err)
{
	const char *d = p->in.data + p->pos;
	size_t len = p->in.len - p->pos;
	for (size_t i = p->scan - p->pos; i < len;) {
		if (d[i] == '\\') {
			if (i + 1 >= len && !p->finished) {
				p->scan = p->pos + i;
				return SCAN_MORE;
			}
			if (i + 1 < len && d[i + 1] == '.') {
				enum scan s = end_marker(p, i, err);
				if (s == SCAN_MORE)
					p->scan = p->pos + i;
				if (s == SCAN_END)
					*end = i;
				if (s != SCAN_DATA)
					return s;
			}
			i += 2;
			continue;
		}
		if (d[i] == '\n' || d[i] == '\r') {
			enum scan s = eol_at(p, i, next, err);
			if (s == SCAN_MORE)
				p->scan = p->pos + i;
			*end = i;
			return s;
		}
		i++;
	}
	p->scan = p->in.len;
	return SCAN_MORE;
}

/* CSV: newlines inside quotes are data (and count as lines, as PostgreSQL counts them); an
 * escape character other than the quote escapes a quote inside quotes. */
static enum scan scan_csv(struct copy_parser *p, size_t *end, size_t *next, struct pgerr *err)
{
	const char *d = p->in.data + p->pos;
	size_t len = p->in.len - p->pos;
	char quote = p->o.quote, escape = p->o.escape == p->o.quote ? 0 : p->o.escape;
	for (size_t i = p->scan - p->pos; i < len; i++) {
		char c = d[i];
		if (i == 0 && c == '\\') {
			if (len < 2 && !p->finished)
				return SCAN_MORE;
			if (len >= 2 && d[1] == '.') {
				enum scan s = end_marker(p, 0, err);
				if (s == SCAN_END)
					*end = 0;
				if (s != SCAN_DATA)
					return s;
			}
		}
		if ((c == '\n' || c == '\r') && !p->in_quote) {
			enum scan s = eol_at(p, i, next, err);
			*end = i;
			if (s == SCAN_MORE)
				p->scan = p->pos + i;
			return s;
		}
		if (p->in_quote && c == escape && escape)
			p->last_was_esc = !p->last_was_esc;
		if (c == quote && !p->last_was_esc)
			p->in_quote = !p->in_quote;
		if (c != escape || !escape)
			p->last_was_esc = false;
		if (p->in_quote && c == (p->eol == EOL_NL ? '\n' : '\r'))
			p->lineno++;
	}
	p->scan = p->in.len;
	return SCAN_MORE;
}

/* The next record's extent: [0, end) of the unconsumed input, and where the one after starts.
 * SCAN_END also reports a last record before the marker when end > 0. */
static enum scan next_record(struct copy_parser *p, size_t *end, size_t *next, struct pgerr *err)
{
	if (!p->in_record) {
		p->in_record = true;
		p->lineno++; /* PostgreSQL counts the line before reading it */
		p->in_quote = p->last_was_esc = false;
	}
	enum scan s = p->o.format == COPY_FORMAT_CSV ? scan_csv(p, end, next, err)
						     : scan_text(p, end, next, err);
	if (s != SCAN_MORE || !p->finished)
		return s;
	/* End of input: what is left is the last line; nothing left means the data ended. */
	*end = *next = p->in.len - p->pos;
	if (*end == 0) {
		p->lineno--;
		p->in_record = false;
		return SCAN_END;
	}
	return SCAN_LINE;
}

/* ---- the dispatcher ---- */

static enum copy_next record_done(struct copy_parser *p, size_t next)
{
	p->pos += next;
	p->scan = p->pos;
	p->in_record = false;
	return COPY_NEXT_ROW;
}

enum copy_next copy_parser_next(struct copy_parser *p, struct copy_row *row, struct pgerr *err)
{
	ASSERT(!p->failed);
	if (p->o.format == COPY_FORMAT_BINARY)
		return copy_binary_next(p, row, err);
	for (;;) {
		if (p->done)
			return COPY_NEXT_DONE;
		size_t end = 0, next = 0;
		enum scan s = next_record(p, &end, &next, err);
		if (s == SCAN_ERROR)
			return COPY_NEXT_ERROR;
		if (s == SCAN_MORE)
			return COPY_NEXT_MORE;
		if (s == SCAN_END) {
			p->done = true;
			if (end == 0)
				return COPY_NEXT_DONE;
			next = end;
		}
		bool ok = p->o.format == COPY_FORMAT_CSV ? copy_split_csv(p, end, err)
							 : copy_split_text(p, end, err);
		if (!ok)
			return COPY_NEXT_ERROR;
		if (p->header_pending) {
			p->header_pending = false;
			if (p->o.header_match && !copy_header_match(p, end, err))
				return COPY_NEXT_ERROR;
			record_done(p, next);
			continue;
		}
		row->fields = p->fields;
		row->lineno = p->lineno;
		row->line = p->in.data + p->pos;
		row->line_len = end;
		return record_done(p, next);
	}
}
