/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_record.c: the text form of a composite (row) value, as record_out writes it and
 * record_in reads it — (1,"a b",,t): a NULL field empty, a field quoted when empty or holding
 * a quote, backslash, parenthesis, comma or blank, with " and \ doubled inside. Composite
 * values are kept in this form (a table's row type, CREATE TYPE ... AS (...)), so one field is
 * read back out of it by position. */
#include "pgtype_int.h"

#include <ctype.h>
#include <string.h>

void pgtype_record_put_field(struct strbuf *sb, const char *v, size_t n)
{
	if (!v)
		return;
	bool quote = n == 0;
	for (size_t k = 0; k < n && !quote; k++)
		quote = strchr("\"\\(),", v[k]) || isspace((unsigned char)v[k]);
	strbuf_puts(sb, quote ? "\"" : "");
	for (size_t k = 0; k < n; k++) {
		if (quote && (v[k] == '"' || v[k] == '\\'))
			strbuf_putc(sb, v[k]);
		strbuf_putc(sb, v[k]);
	}
	strbuf_puts(sb, quote ? "\"" : "");
}

static int malformed(const char *s, size_t n, const char *detail, struct pgerr *err)
{
	pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION, "malformed record literal: \"%.*s\"",
		  (int)n, s);
	pgerr_detail(err, "%s", detail);
	return -1;
}

/* One field from *p (after the '(' or a ','): its text into sb, *null when it was empty and
 * unquoted; *p left at the ',' or ')' that ends it. */
static bool read_field(const char **p, const char *end, struct strbuf *sb, bool *null)
{
	bool quoted = false, any = false;
	const char *q = *p;
	while (q < end && (quoted || (*q != ',' && *q != ')'))) {
		any = true;
		if (*q == '\\') {
			if (++q == end)
				return false;
			strbuf_putc(sb, *q++);
		} else if (*q == '"' && quoted && q + 1 < end && q[1] == '"') {
			strbuf_putc(sb, '"');
			q += 2;
		} else if (*q == '"') {
			quoted = !quoted;
			q++;
		} else {
			strbuf_putc(sb, *q++);
		}
	}
	*p = q;
	*null = !any;
	return q < end && !quoted;
}

int pgtype_record_fields(const char *s, size_t n, struct arena *a, const char **fields,
			 size_t *lens, size_t max, struct pgerr *err)
{
	const char *p = s, *end = s + n;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end || *p++ != '(')
		return malformed(s, n, "Missing left parenthesis.", err);
	size_t i = 0;
	for (;;) {
		struct strbuf sb;
		bool null;
		strbuf_init(&sb, 0);
		strbuf_append(&sb, "", 0);
		bool ok = read_field(&p, end, &sb, &null);
		if (ok && i < max) {
			fields[i] = null ? NULL : arena_strndup(a, sb.data, sb.len);
			lens[i] = null ? 0 : sb.len;
		}
		strbuf_fini(&sb);
		if (!ok)
			return malformed(s, n, "Unexpected end of input.", err);
		i++;
		if (*p++ == ')')
			break;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p != end)
		return malformed(s, n, "Junk after right parenthesis.", err);
	return (int)i;
}
