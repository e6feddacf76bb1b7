/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_arrtext.c: an array's text form made canonical, as array_in reads it and array_out
 * writes it back. Arrays are stored as their text; a client may send '{"a","b"}' or '{ 1, 02 }'
 * where PostgreSQL would print {a,b} and {1,2}, so what is stored is what PostgreSQL would
 * print: elements requoted only where needed, each element of a type pgtype reads and writes
 * in its canonical text, explicit bounds kept only when one is not 1. Date/time elements are
 * read in the session's zone and stored as their scalars are (a timestamptz in UTC); on the
 * way out (pgtype_array_restyle) each is shown in the session's zone and DateStyle. */
#include "pgtype_int.h"

#include <ctype.h>

#include <string.h>

#define MAXDIM PGTYPE_ARRAY_MAXDIM

struct canon {
	uint32_t elem;
	const char *s, *end; /* the whole input, for messages */
	size_t n;
	int leaf;	  /* depth of the elements, -1 until the first */
	int dims[MAXDIM]; /* elements per level, 0 until known */
	struct strbuf *out;
	struct arena *a;
	struct pgerr *err;
	const struct pgtype_dtenv *env; /* input: the zone of date/time elements (NULL: UTC) */
	bool restyle;			/* output: stored elements shown in tz and ds */
	const struct pgtype_tz *tz;
	const struct pgtype_dtstyle *ds;
};

static bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

static bool malformed(struct canon *k, const char *detail)
{
	pgerr_set(k->err, SQLSTATE_INVALID_TEXT_REPRESENTATION, "malformed array literal: \"%.*s\"",
		  (int)k->n, k->s);
	pgerr_detail(k->err, "%s", detail);
	return false;
}

/* Element types whose text pgtype reads and writes: stored in that canonical form. Others
 * (text, date/time, json, ...) keep their text, only requoted. */
static bool converted(uint32_t elem)
{
	switch (elem) {
	case PGTYPE_BOOL:
	case PGTYPE_NAME:
	case PGTYPE_CHAR: /* charin: the first byte, {ab} is {a} */
	case PGTYPE_INT2:
	case PGTYPE_INT4:
	case PGTYPE_INT8:
	case PGTYPE_OID:
	case PGTYPE_FLOAT4:
	case PGTYPE_FLOAT8:
	case PGTYPE_NUMERIC:
	case PGTYPE_UUID:
	case PGTYPE_BYTEA:
	case PGTYPE_INET:
	case PGTYPE_CIDR:
	case PGTYPE_MACADDR:
	case PGTYPE_MACADDR8:
	case PGTYPE_MONEY: /* cash_in, then cash_out: {$1.00} */
	case PGTYPE_BIT: /* the text of the bits, from X'..' too; lengths are not checked */
	case PGTYPE_VARBIT:
	case PGTYPE_INT4RANGE: /* read as range_in reads it, UTC, ISO */
	case PGTYPE_INT8RANGE:
	case PGTYPE_NUMRANGE:
	case PGTYPE_DATERANGE:
	case PGTYPE_TSRANGE:
	case PGTYPE_TSTZRANGE:
	case PGTYPE_TSVECTOR:
	case PGTYPE_TSQUERY:
	case PGTYPE_DATE:
	case PGTYPE_TIME:
	case PGTYPE_TIMETZ:
	case PGTYPE_TIMESTAMP:
	case PGTYPE_TIMESTAMPTZ:
	case PGTYPE_INTERVAL:
	case PGTYPE_DATEMULTIRANGE:
	case PGTYPE_TSMULTIRANGE:
	case PGTYPE_TSTZMULTIRANGE:
		return true;
	default:
		return false;
	}
}

/* A stored element as the session's output shows it (pgtype_array_restyle). */
static bool put_styled(struct canon *k, const char *s, size_t n)
{
	struct strbuf one;
	strbuf_init(&one, 0);
	struct pgtype_value v = {.kind = PGTYPE_V_TEXT, .p = s, .n = n};
	/* a bytea element is stored in its hex text: its bytes, for the escape format */
	if (k->elem == PGTYPE_BYTEA && !pgtype_decode_text(PGTYPE_BYTEA, s, n, k->a, &v, k->err)) {
		strbuf_fini(&one);
		return false;
	}
	pgtype_encode_text_styled(&one, k->elem, -1, k->tz, k->ds, &v);
	pgtype_array_put_elem(k->out, one.data ? one.data : "", one.len);
	strbuf_fini(&one);
	return true;
}

/* The display scale numeric_in gives a number written with an exponent ("110e-2": 2,
 * "1.5E+3": 0): its fraction digits less the exponent, at least 0; -1 without an exponent. */
static int exponent_scale(const char *s, size_t n)
{
	size_t i = 0;
	int frac = 0;
	bool in_frac = false;
	while (i < n && (s[i] == ' ' || s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'); i++) {
		if (s[i] == '.')
			in_frac = true;
		else if (in_frac)
			frac++;
	}
	if (i >= n || (s[i] != 'e' && s[i] != 'E'))
		return -1;
	bool neg = ++i < n && s[i] == '-';
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	long e = 0; /* the decoder has checked the text */
	for (; i < n && isdigit((unsigned char)s[i]) && e < 100000; i++)
		e = e * 10 + (s[i] - '0');
	long scale = frac - (neg ? -e : e);
	return scale < 0 ? 0 : scale > 1000 ? 1000 : (int)scale;
}

/* A number written with an exponent as plain decimal digits ("-1.5e-3": "-0.0015"), into the
 * arena: the text put_numeric scales. */
static const char *exponent_plain(struct arena *a, const char *s, size_t n)
{
	struct strbuf digits, out;
	strbuf_init(&digits, 0);
	strbuf_init(&out, 0);
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	bool minus = i < n && s[i] == '-';
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	long point = 0; /* digits before the decimal point */
	bool in_frac = false;
	for (; i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'); i++) {
		if (s[i] == '.') {
			in_frac = true;
			continue;
		}
		strbuf_putc(&digits, s[i]);
		point += !in_frac;
	}
	bool neg = ++i < n && s[i] == '-';
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	long e = 0;
	for (; i < n && isdigit((unsigned char)s[i]) && e < 100000; i++)
		e = e * 10 + (s[i] - '0');
	point += neg ? -e : e;
	long len = (long)digits.len;
	if (minus)
		strbuf_putc(&out, '-');
	if (point <= 0) {
		strbuf_puts(&out, "0.");
		for (long z = point; z < 0; z++)
			strbuf_putc(&out, '0');
		strbuf_append(&out, digits.data ? digits.data : "", digits.len);
	} else {
		for (long d = 0; d < point; d++)
			strbuf_putc(&out, d < len ? digits.data[d] : '0');
		if (point < len) {
			strbuf_putc(&out, '.');
			strbuf_append(&out, digits.data + point, (size_t)(len - point));
		}
	}
	const char *r = arena_strndup(a, out.data ? out.data : "0", out.len);
	strbuf_fini(&digits);
	strbuf_fini(&out);
	return r;
}

static bool put_elem(struct canon *k, const char *s, size_t n)
{
	if (k->restyle)
		return put_styled(k, s, n);
	if (!converted(k->elem)) {
		pgtype_array_put_elem(k->out, s, n);
		return true;
	}
	struct pgtype_value v;
	if (!pgtype_decode_text_env(k->elem, s, n, k->env, k->a, &v, k->err))
		return false;
	/* a numeric keeps the scale it was written with: "+01.50" is 1.50 (the typmod of a
	 * numeric of that scale), "110e-2" is 1.10 as numeric_in reads it (pgx writes its
	 * numerics so) */
	const char *dot = k->elem == PGTYPE_NUMERIC ? memchr(v.p, '.', v.n) : NULL;
	int exp_scale = k->elem == PGTYPE_NUMERIC ? exponent_scale(s, n) : -1;
	if (exp_scale >= 0 && v.kind == PGTYPE_V_TEXT) {
		v.p = exponent_plain(k->a, s, n);
		v.n = strlen(v.p);
		dot = NULL;
	}
	int32_t typmod = exp_scale >= 0		       ? exp_scale + 4
			 : dot			       ? (int32_t)(v.p + v.n - dot - 1) + 4
			 : k->elem == PGTYPE_NUMERIC ? 4
						     : -1;
	struct strbuf one;
	strbuf_init(&one, 0);
	pgtype_encode_text_typmod(&one, k->elem, typmod, &v);
	pgtype_array_put_elem(k->out, one.data ? one.data : "", one.len);
	strbuf_fini(&one);
	return true;
}

/* One element or sub-array at *pp (blanks skipped). */
static bool level(struct canon *k, const char **pp, int depth);

static bool item(struct canon *k, const char **pp, int depth, struct strbuf *sb)
{
	const char *p = *pp;
	while (p < k->end && is_blank(*p))
		p++;
	if (p < k->end && *p == '{') {
		if (depth + 1 >= MAXDIM)
			return malformed(k, "Too many array dimensions.");
		if (k->leaf >= 0 && k->leaf <= depth)
			return malformed(k, "Unexpected \"{\" character.");
		*pp = p;
		return level(k, pp, depth + 1);
	}
	if (k->leaf >= 0 && k->leaf != depth)
		return malformed(k, "Unexpected array element.");
	k->leaf = depth;
	bool null = false;
	sb->len = 0;
	if (!pgtype_array_read_elem(&p, k->end, sb, &null))
		return malformed(k, "Unexpected end of input.");
	*pp = p;
	if (null) {
		strbuf_puts(k->out, "NULL");
		return true;
	}
	return put_elem(k, sb->data ? sb->data : "", sb->len);
}

/* {item, item, ...} at *pp (on its '{'): every level-depth sub-array has as many items. */
static bool level(struct canon *k, const char **pp, int depth)
{
	const char *p = *pp + 1;
	int count = 0;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(k->out, '{');
	while (p < k->end && is_blank(*p))
		p++;
	bool ok = true;
	if (p < k->end && *p == '}') { /* {}: only the whole array may be empty */
		ok = depth == 0 || malformed(k, "Unexpected \"}\" character.");
		p++;
	} else {
		for (;;) {
			if (!(ok = item(k, &p, depth, &sb)))
				break;
			count++;
			while (p < k->end && is_blank(*p))
				p++;
			if (p < k->end && *p == ',') {
				strbuf_putc(k->out, ',');
				p++;
				continue;
			}
			if (!(ok = (p < k->end && *p == '}') ||
				   malformed(k, "Unexpected end of input.")))
				break;
			p++;
			break;
		}
	}
	strbuf_fini(&sb);
	if (!ok)
		return false;
	if (count && k->dims[depth] && k->dims[depth] != count)
		return malformed(k, "Multidimensional arrays must have sub-arrays with matching "
				    "dimensions.");
	k->dims[depth] = count;
	strbuf_putc(k->out, '}');
	*pp = p;
	return true;
}

static bool canon(struct canon k, const char *s, size_t n, struct arena *a,
		  struct pgtype_value *out, struct pgerr *err)
{
	struct strbuf body;
	strbuf_init(&body, 0);
	k.s = s;
	k.end = s + n;
	k.n = n;
	k.leaf = -1;
	k.out = &body;
	k.a = a;
	k.err = err;
	int lb[MAXDIM], ub[MAXDIM];
	const char *p, *why;
	int nb = pgtype_array_bounds(s, n, lb, ub, &p, &why);
	bool ok = nb >= 0 ? true : malformed(&k, why);
	if (ok && (p == k.end || *p != '{'))
		ok = malformed(&k, "Array value must start with \"{\" or dimension information.");
	ok = ok && level(&k, &p, 0);
	while (ok && p < k.end && is_blank(*p))
		p++;
	if (ok && p != k.end)
		ok = malformed(&k, "Junk after closing right brace.");
	int ndims = k.leaf < 0 ? 0 : k.leaf + 1;
	if (ok && nb && nb != ndims)
		ok = malformed(&k, "Specified array dimensions do not match array contents.");
	bool ones = true;
	for (int d = 0; ok && d < nb; d++) {
		if (ub[d] - lb[d] + 1 != k.dims[d])
			ok = malformed(&k, "Specified array dimensions do not match array contents.");
		ones = ones && lb[d] == 1;
	}
	struct strbuf txt;
	strbuf_init(&txt, 0);
	for (int d = 0; ok && !ones && d < nb; d++) /* bounds as array_out writes them */
		strbuf_printf(&txt, "[%d:%d]%s", lb[d], ub[d], d + 1 == nb ? "=" : "");
	strbuf_append(&txt, body.data ? body.data : "", body.len);
	if (ok && (txt.failed || body.failed))
		ok = pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	if (ok)
		*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
					     .p = arena_strndup(a, txt.data ? txt.data : "", txt.len),
					     .n = txt.len};
	strbuf_fini(&txt);
	strbuf_fini(&body);
	return ok;
}

bool pgtype_array_canon(uint32_t elem, const char *s, size_t n, struct arena *a,
			struct pgtype_value *out, struct pgerr *err)
{
	return canon((struct canon){.elem = elem}, s, n, a, out, err);
}

bool pgtype_array_canon_env(uint32_t elem, const char *s, size_t n,
			    const struct pgtype_dtenv *env, struct arena *a, struct pgtype_value *out,
			    struct pgerr *err)
{
	return canon((struct canon){.elem = elem, .env = env}, s, n, a, out, err);
}

bool pgtype_array_styled(uint32_t elem)
{
	uint32_t r = pgtype_multirange_range(elem), st = pgtype_range_subtype(r ? r : elem);
	return elem == PGTYPE_DATE || elem == PGTYPE_TIMESTAMP || elem == PGTYPE_TIMESTAMPTZ ||
	       elem == PGTYPE_INTERVAL || st == PGTYPE_DATE || st == PGTYPE_TIMESTAMP ||
	       st == PGTYPE_TIMESTAMPTZ;
}

bool pgtype_array_restyle(struct strbuf *out, uint32_t elem, const struct pgtype_tz *tz,
			  const struct pgtype_dtstyle *ds, const char *s, size_t n)
{
	struct arena *a = arena_new(0);
	struct pgerr err;
	pgerr_clear(&err);
	struct pgtype_value v;
	bool ok = canon((struct canon){.elem = elem, .restyle = true, .tz = tz, .ds = ds}, s, n,
			a, &v, &err);
	if (ok)
		strbuf_append(out, v.p, v.n);
	arena_free(a);
	return ok;
}
