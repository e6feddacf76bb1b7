/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_multirange.c: the built-in multirange types (int4multirange ... tstzmultirange) of
 * PostgreSQL 14+: multirange_in (its parse states and errors), multirange_canonicalize (the
 * ranges sorted, overlapping and adjacent ones merged, empty ones dropped), multirange_out,
 * and multirange_send/recv. A value is stored as the text multirange_out prints with TimeZone
 * UTC ("{[1,3),[5,7)}", "{}"), its ranges as pgtype_range.c stores them. */
#include "pgtype_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The one table of multirange types and their range types. */
static const struct {
	uint32_t oid, range;
} mr_types[] = {
	{PGTYPE_INT4MULTIRANGE, PGTYPE_INT4RANGE}, {PGTYPE_INT8MULTIRANGE, PGTYPE_INT8RANGE},
	{PGTYPE_NUMMULTIRANGE, PGTYPE_NUMRANGE},   {PGTYPE_DATEMULTIRANGE, PGTYPE_DATERANGE},
	{PGTYPE_TSMULTIRANGE, PGTYPE_TSRANGE},     {PGTYPE_TSTZMULTIRANGE, PGTYPE_TSTZRANGE},
};

uint32_t pgtype_multirange_range(uint32_t oid)
{
	for (size_t i = 0; i < ARRAY_LEN(mr_types); i++) {
		if (mr_types[i].oid == oid)
			return mr_types[i].range;
	}
	return 0;
}

uint32_t pgtype_range_multirange(uint32_t range)
{
	for (size_t i = 0; i < ARRAY_LEN(mr_types); i++) {
		if (mr_types[i].range == range)
			return mr_types[i].oid;
	}
	return 0;
}

static int cmp_ranges(const void *a, const void *b) { return pgtype_range_cmp(a, b); }

/* range_union_internal of two ranges that overlap or touch: the wider bounds. */
static void widen(uint32_t st, struct pgtype_range *to, const struct pgtype_range *r)
{
	if (pgtype_rbound_cmp(st, &r->lo, &to->lo) < 0)
		to->lo = r->lo;
	if (pgtype_rbound_cmp(st, &r->hi, &to->hi) > 0)
		to->hi = r->hi;
}

void pgtype_multirange_normalize(struct pgtype_multirange *m)
{
	uint32_t st = pgtype_range_subtype(pgtype_multirange_range(m->oid));
	if (m->n > 1)
		qsort(m->r, m->n, sizeof(*m->r), cmp_ranges);
	size_t out = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct pgtype_range *cur = &m->r[i];
		if (cur->empty)
			continue;
		struct pgtype_range *last = out ? &m->r[out - 1] : NULL;
		/* sorted: cur starts at or after last; a gap keeps both */
		if (last && pgtype_rbound_cmp(st, &last->hi, &cur->lo) < 0 &&
		    !(pgtype_rbound_value_cmp(st, &last->hi, &cur->lo) == 0 &&
		      last->hi.inclusive != cur->lo.inclusive))
			last = NULL;
		if (last)
			widen(st, last, cur);
		else
			m->r[out++] = *cur;
	}
	m->n = out;
}

static bool malformed(struct pgerr *err, const char *s, size_t n, const char *detail)
{
	pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
		  "malformed multirange literal: \"%.*s\"", (int)n, s);
	pgerr_detail(err, "%s", detail);
	return false;
}

static bool push(struct pgtype_multirange *m, size_t *cap, struct arena *a,
		 const struct pgtype_range *r)
{
	if (m->n == *cap) {
		size_t more = *cap ? 2 * *cap : 4;
		struct pgtype_range *v = arena_alloc(a, more * sizeof(*v));
		if (m->n)
			memcpy(v, m->r, m->n * sizeof(*v));
		m->r = v;
		*cap = more;
	}
	m->r[m->n++] = *r;
	return true;
}

enum state { BEFORE, IN, IN_ESC, QUOTED, QUOTED_ESC, AFTER, DONE };

bool pgtype_multirange_in(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			  struct arena *a, struct pgtype_multirange *out, struct pgerr *err)
{
	uint32_t rt = pgtype_multirange_range(oid);
	size_t i = 0, cap = 0, start = 0;
	*out = (struct pgtype_multirange){.oid = oid};
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != '{')
		return malformed(err, s, n, "Missing left brace.");
	enum state st = BEFORE;
	bool seen = false;
	for (i++; st != DONE; i++) {
		if (i >= n)
			return malformed(err, s, n, "Unexpected end of input.");
		char ch = s[i];
		if (isspace((unsigned char)ch))
			continue;
		switch (st) {
		case BEFORE:
			if (ch == '[' || ch == '(') {
				start = i;
				st = IN;
			} else if (ch == '}' && !seen) {
				st = DONE;
			} else if (n - i >= 5 && strncasecmp(s + i, "empty", 5) == 0) {
				seen = true;
				i += 4;
				st = AFTER;
			} else {
				return malformed(err, s, n, "Expected range start.");
			}
			break;
		case IN:
			if (ch == ']' || ch == ')') {
				struct pgtype_range r;
				if (!pgtype_range_in(rt, s + start, i - start + 1, env, a, &r, err))
					return false;
				if (!r.empty)
					push(out, &cap, a, &r);
				seen = true;
				st = AFTER;
			} else if (ch == '"') {
				st = QUOTED;
			} else if (ch == '\\') {
				st = IN_ESC;
			}
			break;
		case IN_ESC:
			st = IN;
			break;
		case QUOTED:
			if (ch == '"' && i + 1 < n && s[i + 1] == '"')
				i++; /* "" is a quote mark */
			else if (ch == '"')
				st = IN;
			else if (ch == '\\')
				st = QUOTED_ESC;
			break;
		case QUOTED_ESC:
			st = QUOTED;
			break;
		case AFTER:
			if (ch == ',')
				st = BEFORE;
			else if (ch == '}')
				st = DONE;
			else
				return malformed(err, s, n, "Expected comma or end of multirange.");
			break;
		case DONE:
			break;
		}
	}
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i < n)
		return malformed(err, s, n, "Junk after closing right brace.");
	pgtype_multirange_normalize(out);
	return true;
}

static void mr_out(struct strbuf *out, const struct pgtype_multirange *m,
		   const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds, bool styled)
{
	strbuf_putc(out, '{');
	for (size_t i = 0; i < m->n; i++) {
		if (i)
			strbuf_putc(out, ',');
		if (styled)
			pgtype_range_out_styled(out, &m->r[i], tz, ds);
		else
			pgtype_range_out(out, &m->r[i]);
	}
	strbuf_putc(out, '}');
}

void pgtype_multirange_out(struct strbuf *out, const struct pgtype_multirange *m)
{
	mr_out(out, m, NULL, NULL, false);
}

void pgtype_multirange_out_styled(struct strbuf *out, const struct pgtype_multirange *m,
				  const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds)
{
	mr_out(out, m, tz, ds, true);
}

static void mr_value(const struct pgtype_multirange *m, struct arena *a, struct pgtype_value *out)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_multirange_out(&sb, m);
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
				     .p = arena_strndup(a, sb.data ? sb.data : "", sb.len),
				     .n = sb.len};
	strbuf_fini(&sb);
}

bool pgtype_multirange_decode_text(uint32_t oid, const char *s, size_t n,
				   const struct pgtype_dtenv *env, struct arena *a,
				   struct pgtype_value *out, struct pgerr *err)
{
	struct pgtype_multirange m;
	if (!pgtype_multirange_in(oid, s, n, env, a, &m, err))
		return false;
	mr_value(&m, a, out);
	return true;
}

bool pgtype_multirange_encode_text(struct strbuf *out, uint32_t oid, const struct pgtype_tz *tz,
				   const struct pgtype_dtstyle *ds, const struct pgtype_value *v)
{
	struct pgtype_multirange m;
	struct pgerr ignored;
	if (v->kind != PGTYPE_V_TEXT)
		return false;
	struct arena *a = arena_new(0);
	bool ok = pgtype_multirange_in(oid, v->p, v->n, NULL, a, &m, &ignored);
	if (ok)
		pgtype_multirange_out_styled(out, &m, tz, ds);
	arena_free(a);
	return ok;
}

/* ---- binary: multirange_send / multirange_recv (a count, then each range_send with its
 * length) ---- */

bool pgtype_multirange_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
			    struct pgerr *err)
{
	struct pgtype_multirange m;
	struct arena *a = arena_new(0);
	bool ok = v->kind == PGTYPE_V_TEXT &&
		  pgtype_multirange_in(oid, v->p, v->n, NULL, a, &m, err);
	if (ok)
		strbuf_put_u32(out, (uint32_t)m.n);
	for (size_t i = 0; ok && i < m.n; i++) {
		struct strbuf one;
		strbuf_init(&one, 0);
		pgtype_range_out(&one, &m.r[i]);
		struct pgtype_value rv = {.kind = PGTYPE_V_TEXT, .p = one.data, .n = one.len};
		size_t at = out->len;
		strbuf_put_u32(out, 0);
		ok = pgtype_range_send(out, m.r[i].oid, &rv, err);
		strbuf_patch_u32(out, at, (uint32_t)(out->len - at - 4));
		strbuf_fini(&one);
	}
	arena_free(a);
	return ok;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

bool pgtype_multirange_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
			    struct pgtype_value *out, struct pgerr *err)
{
	const uint8_t *end = p + n;
	uint32_t rt = pgtype_multirange_range(oid);
	struct pgtype_multirange m = {.oid = oid};
	size_t cap = 0;
	if (n < 4)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "insufficient data left in message");
	uint32_t count = be32(p);
	p += 4;
	for (uint32_t k = 0; k < count; k++) {
		if (end - p < 4 || (size_t)(end - p - 4) < be32(p))
			return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
					 "insufficient data left in message");
		uint32_t len = be32(p);
		struct pgtype_value rv;
		struct pgtype_range r;
		if (!pgtype_range_recv(rt, p + 4, len, a, &rv, err) ||
		    !pgtype_range_in(rt, rv.p, rv.n, NULL, a, &r, err))
			return false;
		push(&m, &cap, a, &r);
		p += 4 + len;
	}
	if (p != end)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format");
	pgtype_multirange_normalize(&m);
	mr_value(&m, a, out);
	return true;
}
