/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_range.c: the built-in range types — range_in (PostgreSQL 15's range_parse with its
 * messages), make_range with the canonical functions of int4range, int8range and daterange,
 * range_out, and the order of bounds and ranges (rangetypes.c). Values are the text range_out
 * prints with TimeZone UTC; this is the only place that reads or writes that text. */
#include "pgtype_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t pgtype_range_subtype(uint32_t oid)
{
	switch (oid) {
	case PGTYPE_INT4RANGE:
		return PGTYPE_INT4;
	case PGTYPE_INT8RANGE:
		return PGTYPE_INT8;
	case PGTYPE_NUMRANGE:
		return PGTYPE_NUMERIC;
	case PGTYPE_DATERANGE:
		return PGTYPE_DATE;
	case PGTYPE_TSRANGE:
		return PGTYPE_TIMESTAMP;
	case PGTYPE_TSTZRANGE:
		return PGTYPE_TIMESTAMPTZ;
	default:
		return 0;
	}
}

/* ---- numeric: numeric_in then numeric_out, on text ---- */

/* The canonical text of a checked numeric literal: no exponent, no leading zeros, the display
 * scale numeric_in gives it (fraction digits less the exponent), no negative zero. */
static const char *numeric_canon(const char *s, size_t n, struct arena *a)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (!n || !(isdigit((unsigned char)s[n - 1]) || s[n - 1] == '.'))
		return arena_strndup(a, s, n); /* NaN, Infinity: made canonical by the check */
	bool neg = *s == '-';
	size_t i = *s == '-' || *s == '+';
	struct strbuf d;
	strbuf_init(&d, 0);
	int nint = 0, nfrac = 0;
	for (; i < n && isdigit((unsigned char)s[i]); i++, nint++)
		strbuf_putc(&d, s[i]);
	if (i < n && s[i] == '.')
		for (i++; i < n && isdigit((unsigned char)s[i]); i++, nfrac++)
			strbuf_putc(&d, s[i]);
	long exp = i < n ? strtol(s + i + 1, NULL, 10) : 0;
	long point = nint + exp, len = (long)d.len, scale = nfrac - exp > 0 ? nfrac - exp : 0;
	struct strbuf o;
	strbuf_init(&o, 0);
	bool lead = true, zero = true;
	for (long k = 0; k < point; k++) {
		char ch = k < len ? d.data[k] : '0';
		if (lead && ch == '0' && k + 1 < point)
			continue;
		lead = false;
		zero = zero && ch == '0';
		strbuf_putc(&o, ch);
	}
	if (point <= 0)
		strbuf_putc(&o, '0');
	if (scale > 0)
		strbuf_putc(&o, '.');
	for (long k = point; k < point + scale; k++) {
		char ch = k >= 0 && k < len ? d.data[k] : '0';
		zero = zero && ch == '0';
		strbuf_putc(&o, ch);
	}
	const char *r = arena_printf(a, "%s%.*s", neg && !zero ? "-" : "", (int)o.len, o.data);
	strbuf_fini(&o);
	strbuf_fini(&d);
	return r;
}

/* NaN above Infinity above every number, as numeric_cmp orders them. */
static int num_rank(const char *s)
{
	return strcmp(s, "NaN") == 0         ? 2
	       : strcmp(s, "Infinity") == 0  ? 1
	       : strcmp(s, "-Infinity") == 0 ? -1
					     : 0;
}

static int sign(int v) { return (v > 0) - (v < 0); }

/* Two canonical numerics (numeric_canon's form). */
static int numeric_cmp(const char *a, const char *b)
{
	int ra = num_rank(a), rb = num_rank(b);
	if (ra || rb)
		return sign(ra - rb);
	bool na = *a == '-', nb = *b == '-';
	if (na != nb)
		return na ? -1 : 1;
	a += na, b += nb;
	size_t ia = strcspn(a, "."), ib = strcspn(b, ".");
	int r = ia != ib ? (ia < ib ? -1 : 1) : sign(strncmp(a, b, ia));
	for (const char *x = a + ia + (a[ia] == '.'), *y = b + ib + (b[ib] == '.');
	     !r && (*x || *y);) {
		char cx = *x ? *x++ : '0', cy = *y ? *y++ : '0';
		r = sign(cx - cy);
	}
	return na ? -r : r;
}

/* ---- one subtype value ---- */

bool pgtype_range_elem_in(uint32_t subtype, const char *s, size_t n, const struct pgtype_dtenv *env,
			  struct arena *a, const char **out, struct pgerr *err)
{
	struct pgtype_value v;
	if (!pgtype_decode_text_env(subtype, s, n, env, a, &v, err))
		return false;
	if (v.kind == PGTYPE_V_INT)
		*out = arena_printf(a, "%lld", (long long)v.i);
	else if (subtype == PGTYPE_NUMERIC)
		*out = numeric_canon(v.p, v.n, a);
	else
		*out = arena_strndup(a, v.p, v.n);
	return true;
}

/* A canonical date/time value as its integer (stored text is read as UTC). */
static int64_t dt_key(uint32_t subtype, const char *s)
{
	int32_t d = 0;
	int64_t ts = 0;
	struct pgerr ignored;
	size_t n = strlen(s);
	if (subtype == PGTYPE_DATE)
		return pgtype_date_in(s, n, NULL, &d, &ignored) ? d : 0;
	if (subtype == PGTYPE_TIMESTAMP)
		return pgtype_timestamp_in(s, n, NULL, &ts, &ignored) ? ts : 0;
	return pgtype_timestamptz_in(s, n, NULL, &ts, &ignored) ? ts : 0;
}

int pgtype_range_elem_cmp(uint32_t subtype, const char *a, const char *b)
{
	if (subtype == PGTYPE_NUMERIC)
		return numeric_cmp(a, b);
	int64_t x, y;
	if (subtype == PGTYPE_INT4 || subtype == PGTYPE_INT8) {
		x = strtoll(a, NULL, 10);
		y = strtoll(b, NULL, 10);
	} else {
		x = dt_key(subtype, a);
		y = dt_key(subtype, b);
	}
	return (x > y) - (x < y);
}

/* ---- bounds and ranges (rangetypes.c) ---- */

int pgtype_rbound_value_cmp(uint32_t subtype, const struct pgtype_rbound *b1,
			    const struct pgtype_rbound *b2)
{
	if (b1->infinite && b2->infinite)
		return b1->lower == b2->lower ? 0 : b1->lower ? -1 : 1;
	if (b1->infinite)
		return b1->lower ? -1 : 1;
	if (b2->infinite)
		return b2->lower ? 1 : -1;
	return pgtype_range_elem_cmp(subtype, b1->val, b2->val);
}

int pgtype_rbound_cmp(uint32_t subtype, const struct pgtype_rbound *b1,
		      const struct pgtype_rbound *b2)
{
	int r = pgtype_rbound_value_cmp(subtype, b1, b2);
	if (r || b1->infinite || b2->infinite)
		return r;
	if (!b1->inclusive && !b2->inclusive)
		return b1->lower == b2->lower ? 0 : b1->lower ? 1 : -1;
	if (!b1->inclusive)
		return b1->lower ? 1 : -1;
	if (!b2->inclusive)
		return b2->lower ? -1 : 1;
	return 0;
}

int pgtype_range_cmp(const struct pgtype_range *a, const struct pgtype_range *b)
{
	if (a->empty || b->empty)
		return a->empty && b->empty ? 0 : a->empty ? -1 : 1;
	uint32_t st = pgtype_range_subtype(a->oid);
	int r = pgtype_rbound_cmp(st, &a->lo, &b->lo);
	return r ? r : pgtype_rbound_cmp(st, &a->hi, &b->hi);
}

/* The next value of a discrete subtype (int4range_canonical and its siblings). */
static bool next_value(uint32_t subtype, const char *v, struct arena *a, const char **out,
		       struct pgerr *err)
{
	if (subtype == PGTYPE_DATE) {
		int32_t d;
		if (!pgtype_date_in(v, strlen(v), NULL, &d, err))
			return false;
		if (d == PGTYPE_DATE_NOBEGIN || d == PGTYPE_DATE_NOEND) {
			*out = v; /* infinite dates stay as they are */
			return true;
		}
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_dt_store(&sb, PGTYPE_DATE, d + 1);
		*out = arena_strndup(a, sb.data, sb.len);
		strbuf_fini(&sb);
		return true;
	}
	long long x = strtoll(v, NULL, 10);
	if (x == (subtype == PGTYPE_INT4 ? INT32_MAX : INT64_MAX))
		return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
				 subtype == PGTYPE_INT4 ? "integer" : "bigint");
	*out = arena_printf(a, "%lld", x + 1);
	return true;
}

/* daterange_canonical leaves the infinite dates as they are, inclusive or not. */
static bool finite_date(uint32_t st, const char *v)
{
	return st != PGTYPE_DATE || (strcmp(v, "infinity") != 0 && strcmp(v, "-infinity") != 0);
}

static bool serialize(struct pgtype_range *r, uint32_t st, struct pgerr *err)
{
	if (r->empty)
		return true;
	if (!r->lo.infinite && !r->hi.infinite) {
		int c = pgtype_range_elem_cmp(st, r->lo.val, r->hi.val);
		if (c > 0)
			return pgerr_set(err, "22000",
					 "range lower bound must be less than or equal "
					 "to range upper bound");
		if (c == 0 && !(r->lo.inclusive && r->hi.inclusive))
			r->empty = true;
	}
	r->lo.inclusive = r->lo.inclusive && !r->lo.infinite;
	r->hi.inclusive = r->hi.inclusive && !r->hi.infinite;
	r->lo.val = r->lo.infinite ? NULL : r->lo.val;
	r->hi.val = r->hi.infinite ? NULL : r->hi.val;
	return true;
}

bool pgtype_range_make(struct pgtype_range *r, struct arena *a, struct pgerr *err)
{
	uint32_t st = pgtype_range_subtype(r->oid);
	r->lo.lower = true;
	r->hi.lower = false;
	if (!serialize(r, st, err))
		return false;
	bool discrete = st == PGTYPE_INT4 || st == PGTYPE_INT8 || st == PGTYPE_DATE;
	if (r->empty || !discrete)
		return true;
	if (!r->lo.infinite && !r->lo.inclusive) {
		if (!next_value(st, r->lo.val, a, &r->lo.val, err))
			return false;
		r->lo.inclusive = !finite_date(st, r->lo.val) ? r->lo.inclusive : true;
	}
	if (!r->hi.infinite && r->hi.inclusive) {
		if (!next_value(st, r->hi.val, a, &r->hi.val, err))
			return false;
		r->hi.inclusive = !finite_date(st, r->hi.val) ? r->hi.inclusive : false;
	}
	return serialize(r, st, err);
}

/* ---- text ---- */

static bool malformed(struct pgerr *err, const char *s, size_t n, const char *detail)
{
	pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION, "malformed range literal: \"%.*s\"",
		  (int)n, s);
	pgerr_detail(err, "%s", detail);
	return false;
}

/* range_parse_bound: up to the next unquoted , ) or ]; quotes and backslashes as in arrays. */
static bool parse_bound(const char *s, size_t n, size_t *i, struct strbuf *sb, bool *infinite)
{
	*infinite = *i < n && (s[*i] == ',' || s[*i] == ')' || s[*i] == ']');
	for (bool inquote = false; !*infinite;) {
		if (*i >= n)
			return false;
		char ch = s[*i];
		if (!inquote && (ch == ',' || ch == ')' || ch == ']'))
			return true;
		(*i)++;
		if (ch == '\\') {
			if (*i >= n)
				return false;
			strbuf_putc(sb, s[(*i)++]);
		} else if (ch == '"') {
			if (inquote && *i < n && s[*i] == '"')
				strbuf_putc(sb, s[(*i)++]);
			else
				inquote = !inquote;
		} else {
			strbuf_putc(sb, ch);
		}
	}
	return true;
}

static bool bound_value(uint32_t st, struct strbuf *sb, const struct pgtype_dtenv *env,
			struct arena *a, struct pgtype_rbound *b, struct pgerr *err)
{
	if (b->infinite)
		return true;
	return pgtype_range_elem_in(st, sb->data ? sb->data : "", sb->len, env, a, &b->val, err);
}

bool pgtype_range_in(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
		     struct arena *a, struct pgtype_range *out, struct pgerr *err)
{
	*out = (struct pgtype_range){.oid = oid};
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (n - i >= 5 && strncasecmp(s + i, "empty", 5) == 0) {
		for (i += 5; i < n && isspace((unsigned char)s[i]); i++)
			;
		if (i != n)
			return malformed(err, s, n, "Junk after \"empty\" key word.");
		out->empty = true;
		return true;
	}
	if (i >= n || (s[i] != '[' && s[i] != '('))
		return malformed(err, s, n, "Missing left parenthesis or bracket.");
	out->lo.inclusive = s[i++] == '[';
	struct strbuf lo, hi;
	strbuf_init(&lo, 0);
	strbuf_init(&hi, 0);
	bool ok = false;
	if (!parse_bound(s, n, &i, &lo, &out->lo.infinite)) {
		malformed(err, s, n, "Unexpected end of input.");
		goto out;
	}
	if (s[i] != ',') {
		malformed(err, s, n, "Missing comma after lower bound.");
		goto out;
	}
	i++;
	if (!parse_bound(s, n, &i, &hi, &out->hi.infinite)) {
		malformed(err, s, n, "Unexpected end of input.");
		goto out;
	}
	if (s[i] != ']' && s[i] != ')') {
		malformed(err, s, n, "Too many commas.");
		goto out;
	}
	out->hi.inclusive = s[i++] == ']';
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i != n) {
		malformed(err, s, n, "Junk after right parenthesis or bracket.");
		goto out;
	}
	uint32_t st = pgtype_range_subtype(oid);
	ok = bound_value(st, &lo, env, a, &out->lo, err) &&
	     bound_value(st, &hi, env, a, &out->hi, err) && pgtype_range_make(out, a, err);
out:
	strbuf_fini(&lo);
	strbuf_fini(&hi);
	return ok;
}

/* range_bound_escape: quoted when empty or holding " \ ( ) [ ] , or a blank. */
static void put_bound(struct strbuf *out, const char *v, size_t n)
{
	bool q = n == 0;
	for (size_t i = 0; i < n && !q; i++)
		q = strchr("\"\\()[],", v[i]) != NULL || isspace((unsigned char)v[i]);
	if (q)
		strbuf_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		if (v[i] == '"' || v[i] == '\\')
			strbuf_putc(out, v[i]);
		strbuf_putc(out, v[i]);
	}
	if (q)
		strbuf_putc(out, '"');
}

static void put_value(struct strbuf *out, uint32_t st, const char *v, const struct pgtype_tz *tz,
		      const struct pgtype_dtstyle *ds, bool styled)
{
	if (!styled || (st != PGTYPE_DATE && st != PGTYPE_TIMESTAMP && st != PGTYPE_TIMESTAMPTZ)) {
		put_bound(out, v, strlen(v));
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	struct pgtype_value pv = {.kind = PGTYPE_V_TEXT, .p = v, .n = strlen(v)};
	pgtype_encode_text_styled(&sb, st, -1, tz, ds, &pv);
	put_bound(out, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
}

static void range_out(struct strbuf *out, const struct pgtype_range *r, const struct pgtype_tz *tz,
		      const struct pgtype_dtstyle *ds, bool styled)
{
	if (r->empty) {
		strbuf_puts(out, "empty");
		return;
	}
	uint32_t st = pgtype_range_subtype(r->oid);
	strbuf_putc(out, r->lo.inclusive ? '[' : '(');
	if (!r->lo.infinite)
		put_value(out, st, r->lo.val, tz, ds, styled);
	strbuf_putc(out, ',');
	if (!r->hi.infinite)
		put_value(out, st, r->hi.val, tz, ds, styled);
	strbuf_putc(out, r->hi.inclusive ? ']' : ')');
}

void pgtype_range_out(struct strbuf *out, const struct pgtype_range *r)
{
	range_out(out, r, NULL, NULL, false);
}

void pgtype_range_out_styled(struct strbuf *out, const struct pgtype_range *r,
			     const struct pgtype_tz *tz, const struct pgtype_dtstyle *ds)
{
	range_out(out, r, tz, ds, true);
}

/* r as its stored text (range_out's, UTC), a value in a. */
static void range_value(const struct pgtype_range *r, struct arena *a, struct pgtype_value *out)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_range_out(&sb, r);
	*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
				     .p = arena_strndup(a, sb.data ? sb.data : "", sb.len),
				     .n = sb.len};
	strbuf_fini(&sb);
}

bool pgtype_range_decode_text(uint32_t oid, const char *s, size_t n, const struct pgtype_dtenv *env,
			      struct arena *a, struct pgtype_value *out, struct pgerr *err)
{
	struct pgtype_range r;
	if (!pgtype_range_in(oid, s, n, env, a, &r, err))
		return false;
	range_value(&r, a, out);
	return true;
}

bool pgtype_range_encode_text(struct strbuf *out, uint32_t oid, const struct pgtype_tz *tz,
			      const struct pgtype_dtstyle *ds, const struct pgtype_value *v)
{
	struct pgtype_range r;
	struct pgerr ignored;
	if (v->kind != PGTYPE_V_TEXT)
		return false;
	struct arena *a = arena_new(0);
	bool ok = pgtype_range_in(oid, v->p, v->n, NULL, a, &r, &ignored);
	if (ok)
		pgtype_range_out_styled(out, &r, tz, ds);
	arena_free(a);
	return ok;
}

/* ---- binary: range_send / range_recv ---- */

enum { RB_EMPTY = 0x01, RB_LB_INC = 0x02, RB_UB_INC = 0x04, RB_LB_INF = 0x08, RB_UB_INF = 0x10 };

static bool send_bound(struct strbuf *out, uint32_t st, const char *val, struct pgerr *err)
{
	struct pgtype_value v = {.kind = PGTYPE_V_TEXT, .p = val, .n = strlen(val)};
	if (st == PGTYPE_INT4 || st == PGTYPE_INT8)
		v = (struct pgtype_value){.kind = PGTYPE_V_INT, .i = strtoll(val, NULL, 10)};
	size_t at = out->len;
	strbuf_put_u32(out, 0);
	if (!pgtype_encode_binary(out, st, &v, err))
		return false;
	strbuf_patch_u32(out, at, (uint32_t)(out->len - at - 4));
	return true;
}

bool pgtype_range_send(struct strbuf *out, uint32_t oid, const struct pgtype_value *v,
		       struct pgerr *err)
{
	struct pgtype_range r;
	struct arena *a = arena_new(0);
	bool ok = v->kind == PGTYPE_V_TEXT && pgtype_range_in(oid, v->p, v->n, NULL, a, &r, err);
	if (ok) {
		uint32_t st = pgtype_range_subtype(oid);
		strbuf_put_u8(out, (uint8_t)(r.empty ? RB_EMPTY
						     : (r.lo.inclusive ? RB_LB_INC : 0) |
							       (r.hi.inclusive ? RB_UB_INC : 0) |
							       (r.lo.infinite ? RB_LB_INF : 0) |
							       (r.hi.infinite ? RB_UB_INF : 0)));
		ok = r.empty || ((r.lo.infinite || send_bound(out, st, r.lo.val, err)) &&
				 (r.hi.infinite || send_bound(out, st, r.hi.val, err)));
	}
	arena_free(a);
	return ok;
}

static bool bad_range(struct pgerr *err)
{
	return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
			 "insufficient data left in message");
}

static bool recv_bound(uint32_t st, const uint8_t **p, const uint8_t *end, struct arena *a,
		       struct pgtype_rbound *b, struct pgerr *err)
{
	if (b->infinite)
		return true;
	if (end - *p < 4)
		return bad_range(err);
	uint32_t len = (uint32_t)(*p)[0] << 24 | (uint32_t)(*p)[1] << 16 | (uint32_t)(*p)[2] << 8 |
		       (*p)[3];
	*p += 4;
	if ((size_t)(end - *p) < len)
		return bad_range(err);
	struct pgtype_value v;
	if (!pgtype_decode_binary(st, *p, len, a, &v, err))
		return false;
	*p += len;
	if (v.kind == PGTYPE_V_INT)
		b->val = arena_printf(a, "%lld", (long long)v.i);
	else if (st == PGTYPE_NUMERIC)
		b->val = numeric_canon(v.p, v.n, a);
	else
		b->val = arena_strndup(a, v.p, v.n);
	return true;
}

bool pgtype_range_recv(uint32_t oid, const uint8_t *p, size_t n, struct arena *a,
		       struct pgtype_value *out, struct pgerr *err)
{
	const uint8_t *end = p + n;
	if (n < 1)
		return bad_range(err);
	uint8_t f = *p++;
	uint32_t st = pgtype_range_subtype(oid);
	struct pgtype_range r = {.oid = oid, .empty = f & RB_EMPTY};
	r.lo = (struct pgtype_rbound){.inclusive = f & RB_LB_INC,
				      .infinite = (f & (RB_LB_INF | RB_EMPTY)) != 0};
	r.hi = (struct pgtype_rbound){.inclusive = f & RB_UB_INC,
				      .infinite = (f & (RB_UB_INF | RB_EMPTY)) != 0};
	if (!recv_bound(st, &p, end, a, &r.lo, err) || !recv_bound(st, &p, end, a, &r.hi, err))
		return false;
	if (p != end)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format");
	if (!pgtype_range_make(&r, a, err))
		return false;
	range_value(&r, a, out);
	return true;
}
