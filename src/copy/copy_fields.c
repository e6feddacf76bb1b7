/* SPDX-License-Identifier: Apache-2.0 */
/* copy_fields.c: splitting one text or CSV record into fields as PostgreSQL 15's
 * CopyReadAttributesText / CopyReadAttributesCSV do — the NULL string is recognized on the raw
 * field (before de-escaping; in CSV only when unquoted), FORCE_NOT_NULL / FORCE_NULL applied —
 * then the field count checked, and every value checked to be valid UTF-8. */
#include "copy_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool fields_check(struct copy_parser *p, size_t end, struct pgerr *err);

static void field_begin(struct copy_parser *p, size_t nfields)
{
	if (nfields + 2 > p->offs_cap) {
		p->offs_cap = p->offs_cap ? p->offs_cap * 2 : 16;
		p->offs = base_xrealloc(p->offs, p->offs_cap * sizeof(*p->offs));
		p->isnull = base_xrealloc(p->isnull, p->offs_cap * sizeof(*p->isnull));
	}
	p->offs[nfields] = p->fieldbuf.len;
	p->isnull[nfields] = false;
}

/* Ends field i: NULL when its raw text [b, e) is the NULL string and it may be NULL. */
static void field_end(struct copy_parser *p, size_t i, const char *d, size_t b, size_t e,
		      bool may_be_null)
{
	if (may_be_null && e - b == p->o.null_len && memcmp(d + b, p->o.null_str, e - b) == 0)
		p->isnull[i] = true;
	strbuf_putc(&p->fieldbuf, '\0');
	p->offs[i + 1] = p->fieldbuf.len;
}

/* The byte a backslash sequence starting after the backslash at d[*i] stands for. */
static char unescape(const char *d, size_t *i, size_t end)
{
	char c = d[(*i)++];
	switch (c) {
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7': {
		int v = c - '0';
		for (int k = 0; k < 2 && *i < end && d[*i] >= '0' && d[*i] <= '7'; k++)
			v = (v << 3) + (d[(*i)++] - '0');
		return (char)(v & 0377);
	}
	case 'x':
		if (*i < end && isxdigit((unsigned char)d[*i])) {
			int v = base_hexval(d[(*i)++]);
			if (*i < end && isxdigit((unsigned char)d[*i]))
				v = (v << 4) + base_hexval(d[(*i)++]);
			return (char)v;
		}
		return c;
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'v':
		return '\v';
	default:
		return c;
	}
}

static size_t split_text_fields(struct copy_parser *p, const char *d, size_t end)
{
	size_t cur = 0, n = 0;
	for (;;) {
		size_t start = cur;
		bool delim = false;
		field_begin(p, n);
		while (cur < end) {
			/* Copy the run up to the next delimiter or backslash in one append. */
			size_t run = cur;
			while (run < end && d[run] != p->o.delim && d[run] != '\\')
				run++;
			strbuf_append(&p->fieldbuf, d + cur, run - cur);
			cur = run;
			if (cur == end)
				break;
			if (d[cur++] == p->o.delim) {
				delim = true;
				break;
			}
			if (cur >= end)
				break; /* a backslash ending the line is dropped */
			strbuf_putc(&p->fieldbuf, unescape(d, &cur, end));
		}
		field_end(p, n++, d, start, delim ? cur - 1 : cur, true);
		if (!delim)
			return n;
	}
}

bool copy_split_text(struct copy_parser *p, size_t end, struct pgerr *err)
{
	strbuf_reset(&p->fieldbuf);
	p->nfields = split_text_fields(p, p->in.data + p->pos, end);
	return fields_check(p, end, err);
}

/* Appends d[*cur, stop) where stop is the first of a or b (or end); returns stop. */
static size_t run_until(struct copy_parser *p, const char *d, size_t *cur, size_t end, char a,
			char b)
{
	size_t r = *cur;
	while (r < end && d[r] != a && d[r] != b)
		r++;
	strbuf_append(&p->fieldbuf, d + *cur, r - *cur);
	*cur = r;
	return r;
}

/* One CSV field from d[*cur]; false at an unterminated quote. */
static bool csv_field(struct copy_parser *p, const char *d, size_t *cur, size_t end, bool *delim,
		      bool *quoted, size_t *raw_end)
{
	char q = p->o.quote, esc = p->o.escape;
	for (;;) {
		/* outside quotes: up to the delimiter (end of field) or a quote */
		*raw_end = run_until(p, d, cur, end, p->o.delim, q);
		if (*cur >= end)
			return true;
		if (d[(*cur)++] == p->o.delim) {
			*delim = true;
			return true;
		}
		*quoted = true;
		for (;;) { /* inside quotes */
			run_until(p, d, cur, end, q, esc);
			*raw_end = *cur;
			if (*cur >= end)
				return false;
			char c = d[(*cur)++];
			if (c == esc && *cur < end && (d[*cur] == esc || d[*cur] == q)) {
				strbuf_putc(&p->fieldbuf, d[(*cur)++]);
				continue;
			}
			if (c == q)
				break;
			strbuf_putc(&p->fieldbuf, c); /* an escape character before anything else */
		}
	}
}

bool copy_split_csv(struct copy_parser *p, size_t end, struct pgerr *err)
{
	const char *d = p->in.data + p->pos;
	size_t cur = 0, n = 0;
	strbuf_reset(&p->fieldbuf);
	for (;;) {
		size_t start = cur, raw_end = cur;
		bool delim = false, quoted = false;
		field_begin(p, n);
		if (!csv_field(p, d, &cur, end, &delim, &quoted, &raw_end))
			return copy_fail_line(p, err, end, "22P04", "unterminated CSV quoted field",
					      NULL);
		field_end(p, n++, d, start, raw_end, !quoted);
		if (!delim)
			break;
	}
	p->nfields = n;
	return fields_check(p, end, err);
}

static bool check_utf8(struct copy_parser *p, const char *s, size_t n, size_t line_len,
		       struct pgerr *err)
{
	for (size_t i = 0; i < n;) {
		size_t len = 1;
		size_t bad = (unsigned char)s[i] < 0x80 && s[i]
				     ? 0
				     : base_utf8_bad((const unsigned char *)s + i, n - i, &len);
		if (bad) {
			char msg[96];
			int off = snprintf(msg, sizeof(msg),
					   "invalid byte sequence for encoding \"UTF8\":");
			for (size_t k = 0; k < bad && off < (int)sizeof(msg) - 6; k++)
				off += snprintf(msg + off, sizeof(msg) - (size_t)off, " 0x%02x",
						(unsigned char)s[i + k]);
			return copy_fail_line(p, err, line_len, "22021", msg, NULL);
		}
		i += len;
	}
	return true;
}

/* Points the row's fields at the split values; CSV's FORCE_NOT_NULL turns a NULL into the
 * NULL string as a value, FORCE_NULL a value equal to the NULL string (quoted or not) into
 * NULL. */
static void publish(struct copy_parser *p)
{
	const struct copy_opts *o = &p->o;
	for (size_t i = 0; i < p->ncols; i++) {
		struct copy_field *f = &p->fields[i];
		f->p = p->isnull[i] ? NULL : p->fieldbuf.data + p->offs[i];
		f->n = p->isnull[i] ? 0 : p->offs[i + 1] - p->offs[i] - 1;
		if (o->format != COPY_FORMAT_CSV)
			continue;
		if (!f->p && o->force_not_null && o->force_not_null[i]) {
			f->p = o->null_str;
			f->n = o->null_len;
		} else if (f->p && o->force_null && o->force_null[i] && f->n == o->null_len &&
			   memcmp(f->p, o->null_str, f->n) == 0) {
			f->p = NULL;
			f->n = 0;
		}
	}
}

bool copy_header_match(struct copy_parser *p, size_t end, struct pgerr *err)
{
	char msg[PGERR_MSG_MAX];
	if (p->nfields != p->ncols) {
		snprintf(msg, sizeof(msg),
			 "wrong number of fields in header line: got %zu, expected %zu", p->nfields,
			 p->ncols);
		return copy_fail_line(p, err, end, "22P04", msg, NULL);
	}
	for (size_t i = 0; i < p->ncols; i++) {
		const char *got = p->fieldbuf.data + p->offs[i];
		if (p->isnull[i])
			snprintf(msg, sizeof(msg),
				 "column name mismatch in header line field %zu: got null value "
				 "(\"%s\"), expected \"%s\"",
				 i + 1, p->o.null_str, p->names[i]);
		else if (strcmp(got, p->names[i]) != 0)
			snprintf(msg, sizeof(msg),
				 "column name mismatch in header line field %zu: got \"%s\", "
				 "expected \"%s\"",
				 i + 1, got, p->names[i]);
		else
			continue;
		return copy_fail_line(p, err, end, "22P04", msg, NULL);
	}
	return true;
}

static bool fields_check(struct copy_parser *p, size_t end, struct pgerr *err)
{
	for (size_t i = 0; i < p->nfields; i++) {
		size_t b = p->offs[i], e = p->offs[i + 1] - 1;
		if (!p->isnull[i] && !check_utf8(p, p->fieldbuf.data + b, e - b, end, err))
			return false;
	}
	if (p->header_pending)
		return true;
	if (p->nfields > p->ncols && !(p->ncols == 0 && p->nfields == 1))
		return copy_fail_line(p, err, end, "22P04", "extra data after last expected column",
				      NULL);
	if (p->nfields < p->ncols) {
		char msg[PGERR_MSG_MAX];
		snprintf(msg, sizeof(msg), "missing data for column \"%s\"", p->names[p->nfields]);
		return copy_fail_line(p, err, end, "22P04", msg, NULL);
	}
	publish(p);
	return true;
}
