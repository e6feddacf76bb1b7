/* SPDX-License-Identifier: Apache-2.0 */
/* pgtype_array.c: binary send/receive of arrays (array_send/array_recv of PostgreSQL 15) whose
 * element type has a binary format here. An array is stored as its PostgreSQL text form
 * ("{1,2,NULL}", '{a,"b c"}', "{{1,2},{3,4}}"); the binary form is built from it element by
 * element and read back into it. Explicit bounds ("[0:1]={1,2}") are read and written. */
#include "pgtype_int.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* array_send's header: ndim, has-null flag, element type, then per dimension its length
 * and lower bound. */
#define HEADER_BYTES 12
#define MAXDIM 6 /* PostgreSQL's */

static bool malformed(struct pgerr *err, const struct pgtype_value *v)
{
	return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			 "malformed array literal: \"%.*s\"", (int)v->n, v->p);
}

static bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

/* A bound at *p (an optional sign and digits) into *v; false when there is none or it does
 * not fit an int. */
static bool bound(const char **p, const char *end, int *v)
{
	char buf[16];
	size_t k = 0;
	const char *s = *p;
	if (s < end && (*s == '-' || *s == '+'))
		buf[k++] = *s++;
	while (s < end && *s >= '0' && *s <= '9' && k < sizeof(buf) - 1)
		buf[k++] = *s++;
	buf[k] = '\0';
	if (s == *p || !(buf[k - 1] >= '0' && buf[k - 1] <= '9'))
		return false;
	errno = 0;
	long l = strtol(buf, NULL, 10);
	if (errno || l < INT_MIN || l > INT_MAX)
		return false;
	*v = (int)l;
	*p = s;
	return true;
}

int pgtype_array_bounds(const char *s, size_t n, int *lb, int *ub, const char **body,
			const char **why)
{
	const char *p = s, *end = s + n;
	int ndim = 0;
	*why = NULL;
	for (;;) {
		while (p < end && is_blank(*p))
			p++;
		if (p == end || *p != '[')
			break;
		if (ndim == PGTYPE_ARRAY_MAXDIM)
			return *why = "Too many array dimensions.", -1;
		p++;
		int a, b;
		if (!bound(&p, end, &a))
			return *why = "Missing array dimension value.", -1;
		b = a;
		a = 1;
		if (p < end && *p == ':') {
			p++;
			a = b;
			if (!bound(&p, end, &b))
				return *why = "Missing array dimension value.", -1;
		}
		if (p == end || *p != ']')
			return *why = "Missing \"]\" after array dimensions.", -1;
		p++;
		if (b < a)
			return *why = "upper bound cannot be less than lower bound", -1;
		lb[ndim] = a;
		ub[ndim++] = b;
	}
	if (ndim) {
		while (p < end && is_blank(*p))
			p++;
		if (p == end || *p != '=')
			return *why = "Missing \"=\" after array dimensions.", -1;
		p++;
		while (p < end && is_blank(*p))
			p++;
	}
	*body = p;
	return ndim;
}

bool pgtype_array_read_elem(const char **p, const char *end, struct strbuf *sb, bool *null)
{
	const char *s = *p;
	while (s < end && is_blank(*s))
		s++;
	bool quoted = s < end && *s == '"';
	if (quoted) {
		for (s++; s < end && *s != '"'; s++) {
			if (*s == '\\' && s + 1 < end)
				s++;
			strbuf_putc(sb, *s);
		}
		if (s == end)
			return false;
		s++;
	} else {
		const char *start = s;
		for (; s < end && *s != ',' && *s != '}'; s++) {
			if (*s == '\\' && s + 1 < end)
				s++;
			if (*s == '{' || *s == '"')
				return false;
			strbuf_putc(sb, *s);
		}
		while (sb->len > 0 && is_blank(sb->data[sb->len - 1]))
			sb->len--;
		if (s == start)
			return false;
	}
	while (s < end && is_blank(*s))
		s++;
	*null = !quoted && sb->len == 4 && strncasecmp(sb->data, "NULL", 4) == 0;
	*p = s;
	return s < end && (*s == ',' || *s == '}');
}

/* Appends one element's binary value (with its length word) as type elem. */
static bool send_element(struct strbuf *out, uint32_t elem, const char *s, size_t n,
			 struct pgerr *err)
{
	struct pgtype_value v = {.kind = PGTYPE_V_TEXT, .p = s, .n = n};
	struct arena *a = NULL;
	if (elem == PGTYPE_BYTEA) { /* the text form of bytea is \x..., the stored one bytes */
		a = arena_new(0);
		if (!pgtype_decode_text(elem, s, n, a, &v, err)) {
			arena_free(a);
			return false;
		}
	}
	size_t at = out->len;
	strbuf_put_u32(out, 0);
	bool ok = pgtype_encode_binary(out, elem, &v, err);
	if (ok && !out->failed)
		strbuf_patch_u32(out, at, (uint32_t)(out->len - at - 4));
	arena_free(a);
	return ok;
}

/* One level {…} of a multidimensional array at *pp (on its '{'): its elements (innermost) or
 * sub-arrays, each level's count the same as every other's at that depth. */
static bool send_level(struct strbuf *out, uint32_t elem, const struct pgtype_value *v,
		       const char **pp, const char *end, int depth, int ndims, uint32_t *dims,
		       uint32_t *nulls, struct pgerr *err)
{
	const char *p = *pp + 1;
	uint32_t count = 0;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool ok = true, shape = true; /* shape false: not an array of this shape (22P02) */
	for (;;) {
		while (p < end && is_blank(*p))
			p++;
		bool null = false;
		sb.len = 0;
		if (depth + 1 < ndims) {
			shape = p < end && *p == '{';
			ok = shape &&
			     send_level(out, elem, v, &p, end, depth + 1, ndims, dims, nulls, err);
			while (ok && p < end && is_blank(*p))
				p++;
		} else if (!pgtype_array_read_elem(&p, end, &sb, &null)) {
			ok = shape = false;
		} else if (null) {
			(*nulls)++;
			strbuf_put_u32(out, UINT32_MAX);
		} else {
			ok = send_element(out, elem, sb.data ? sb.data : "", sb.len, err);
		}
		if (!ok)
			break;
		count++;
		if (p < end && *p == ',') {
			p++;
			continue;
		}
		ok = shape = p < end && *p == '}';
		p++;
		break;
	}
	strbuf_fini(&sb);
	if (ok && dims[depth] && dims[depth] != count)
		ok = shape = false;
	if (!ok)
		return shape ? false : malformed(err, v); /* else err says what the element lacks */
	dims[depth] = count;
	*pp = p;
	return true;
}

/* array_send of several dimensions: each dimension's length (lower bound 1) in the header,
 * then the elements in row-major order. */
static bool send_md(struct strbuf *out, uint32_t elem, const struct pgtype_value *v, const char *p,
		    const char *end, struct pgerr *err)
{
	int ndims = 0;
	for (const char *q = p; q < end && (*q == '{' || is_blank(*q)); q++)
		ndims += *q == '{';
	if (ndims > MAXDIM)
		return malformed(err, v);
	size_t header = out->len;
	strbuf_put_u32(out, (uint32_t)ndims);
	strbuf_put_u32(out, 0);
	strbuf_put_u32(out, elem);
	for (int d = 0; d < ndims; d++) {
		strbuf_put_u32(out, 0); /* patched below */
		strbuf_put_u32(out, 1);
	}
	uint32_t dims[MAXDIM] = {0}, nulls = 0;
	if (!send_level(out, elem, v, &p, end, 0, ndims, dims, &nulls, err))
		return false;
	while (p < end && is_blank(*p))
		p++;
	if (p != end)
		return malformed(err, v);
	if (out->failed)
		return true;
	strbuf_patch_u32(out, header + 4, nulls ? 1 : 0);
	for (int d = 0; d < ndims; d++)
		strbuf_patch_u32(out, header + HEADER_BYTES + 8 * (size_t)d, dims[d]);
	return true;
}

/* array_send of the text v from p (its '{') on, lower bounds 1. */
static bool send_body(struct strbuf *out, uint32_t elem, const struct pgtype_value *v,
		      const char *p, struct pgerr *err)
{
	const char *end = v->p + v->n;
	if (p == end || *p != '{')
		return malformed(err, v);
	const char *inner = p + 1;
	while (inner < end && is_blank(*inner))
		inner++;
	if (inner < end && *inner == '{')
		return send_md(out, elem, v, p, end, err);
	p++;
	size_t header = out->len;
	strbuf_put_u32(out, 1);
	strbuf_put_u32(out, 0);
	strbuf_put_u32(out, elem);
	strbuf_put_u32(out, 0); /* patched below */
	strbuf_put_u32(out, 1);
	uint32_t count = 0, nulls = 0;
	const char *q = p;
	while (q < end && is_blank(*q))
		q++;
	if (q < end && *q == '}') {
		p = q;
	} else {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		bool ok = true;
		for (;;) {
			bool null = false;
			sb.len = 0;
			if (!pgtype_array_read_elem(&p, end, &sb, &null)) {
				ok = malformed(err, v);
				break;
			}
			count++;
			if (null) {
				nulls++;
				strbuf_put_u32(out, UINT32_MAX);
			} else if (!send_element(out, elem, sb.data ? sb.data : "", sb.len, err)) {
				ok = false;
				break;
			}
			if (*p++ == '}') {
				p--;
				break;
			}
		}
		strbuf_fini(&sb);
		if (!ok)
			return false;
	}
	for (p++; p < end && is_blank(*p);)
		p++;
	if (p != end)
		return malformed(err, v);
	if (out->failed)
		return true;
	if (count == 0) { /* an empty array has no dimensions */
		out->len = header;
		strbuf_put_u32(out, 0);
		strbuf_put_u32(out, 0);
		strbuf_put_u32(out, elem);
		return true;
	}
	strbuf_patch_u32(out, header + 4, nulls ? 1 : 0);
	strbuf_patch_u32(out, header + HEADER_BYTES, count);
	return true;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* PostgreSQL's pq_getmsg* wording; the SQLSTATE is that of a bad binary parameter. */
static bool bad_binary(struct pgerr *err)
{
	return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
			 "insufficient data left in message");
}

void pgtype_array_put_elem(struct strbuf *out, const char *s, size_t n)
{
	bool quote = n == 0 || (n == 4 && strncasecmp(s, "NULL", 4) == 0);
	for (size_t i = 0; i < n && !quote; i++)
		quote = strchr("{},\"\\", s[i]) || is_blank(s[i]);
	if (!quote) {
		strbuf_append(out, s, n);
		return;
	}
	strbuf_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			strbuf_putc(out, '\\');
		strbuf_putc(out, s[i]);
	}
	strbuf_putc(out, '"');
}

bool pgtype_array_send(struct strbuf *out, uint32_t elem, const struct pgtype_value *v,
		       struct pgerr *err)
{
	if (v->kind != PGTYPE_V_TEXT && v->kind != PGTYPE_V_BLOB)
		return malformed(err, v);
	int lb[MAXDIM], ub[MAXDIM];
	const char *body, *why;
	int nb = pgtype_array_bounds(v->p, v->n, lb, ub, &body, &why);
	size_t header = out->len;
	if (nb < 0)
		return malformed(err, v);
	if (!send_body(out, elem, v, body, err))
		return false;
	if (!nb || out->failed)
		return true;
	/* the dimensions the bounds give must be the ones the elements have */
	const uint8_t *h = (const uint8_t *)out->data + header;
	if (be32(h) != (uint32_t)nb)
		return malformed(err, v);
	for (int d = 0; d < nb; d++) {
		if (be32(h + HEADER_BYTES + 8 * (size_t)d) != (uint32_t)(ub[d] - lb[d] + 1))
			return malformed(err, v);
		strbuf_patch_u32(out, header + HEADER_BYTES + 8 * (size_t)d + 4, (uint32_t)lb[d]);
	}
	return true;
}

/* The punctuation before element i of an array of dims: "{{" before the first, "},{"
 * where a sub-array ends, "," inside one (block[d]: elements of one level-d sub-array). */
static void punctuate(struct strbuf *txt, uint64_t i, const uint64_t *block, uint32_t ndim)
{
	uint32_t ends = 0;
	for (uint32_t d = 1; i && d < ndim; d++)
		ends += i % block[d] == 0;
	for (uint32_t k = 0; k < (i ? ends : ndim); k++)
		strbuf_putc(txt, i ? '}' : '{');
	if (i)
		strbuf_putc(txt, ',');
	for (uint32_t k = 0; i && k < ends; k++)
		strbuf_putc(txt, '{');
}

static bool recv_elements(const uint8_t *p, size_t n, uint32_t elem, const uint32_t *dims,
			  uint32_t ndim, struct arena *a, struct strbuf *txt, struct pgerr *err)
{
	uint64_t block[MAXDIM + 1] = {1}, count = ndim ? 1 : 0;
	for (uint32_t d = ndim; d-- > 0;) {
		count *= dims[d];
		block[d] = count;
		if (count > n / 4) /* every element takes at least its length word */
			return bad_binary(err);
	}
	if (!count)
		strbuf_putc(txt, '{');
	for (uint64_t i = 0; i < count; i++) {
		if (n < 4)
			return bad_binary(err);
		uint32_t len = be32(p);
		p += 4;
		n -= 4;
		punctuate(txt, i, block, ndim);
		if (len == UINT32_MAX) {
			strbuf_puts(txt, "NULL");
			continue;
		}
		if (len > n)
			return bad_binary(err);
		struct pgtype_value v;
		struct strbuf one;
		strbuf_init(&one, 0);
		bool ok;
		if (elem == PGTYPE_NUMERIC) { /* straight to text, which keeps the scale */
			ok = pgtype_numeric_recv(p, len, &one, err);
		} else {
			ok = pgtype_decode_binary(elem, p, len, a, &v, err);
			if (ok)
				pgtype_encode_text(&one, elem, &v);
		}
		if (ok)
			pgtype_array_put_elem(txt, one.data ? one.data : "", one.len);
		strbuf_fini(&one);
		if (!ok)
			return false;
		p += len;
		n -= len;
	}
	for (uint32_t k = 0; k < (count ? ndim : 1); k++)
		strbuf_putc(txt, '}');
	if (n != 0)
		return pgerr_set(err, SQLSTATE_INVALID_BINARY_REPRESENTATION,
				 "incorrect binary data format in array");
	return true;
}

bool pgtype_array_recv(uint32_t elem, const uint8_t *p, size_t n, struct arena *a,
		       struct pgtype_value *out, struct pgerr *err)
{
	if (n < HEADER_BYTES)
		return bad_binary(err);
	uint32_t ndim = be32(p), flags = be32(p + 4), sent_elem = be32(p + 8);
	if (flags > 1)
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE, "invalid array flags");
	if (sent_elem != elem)
		return pgerr_set(err, SQLSTATE_DATATYPE_MISMATCH,
				 "binary data has array element type %u instead of expected %u",
				 sent_elem, elem);
	if (ndim > MAXDIM)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "number of array dimensions (%u) exceeds the maximum allowed (%d)",
				 ndim, MAXDIM);
	uint32_t dims[MAXDIM] = {0};
	int32_t lbs[MAXDIM];
	bool bounded = false;
	p += HEADER_BYTES;
	n -= HEADER_BYTES;
	for (uint32_t d = 0; d < ndim; d++) {
		if (n < 8)
			return bad_binary(err);
		dims[d] = be32(p);
		lbs[d] = (int32_t)be32(p + 4);
		if ((int64_t)lbs[d] + dims[d] - 1 > INT32_MAX)
			return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
					 "array upper bound is too large");
		bounded |= lbs[d] != 1;
		p += 8;
		n -= 8;
	}
	struct strbuf txt;
	strbuf_init(&txt, 0);
	for (uint32_t d = 0; bounded && d < ndim; d++) /* written as array_out writes them */
		strbuf_printf(&txt, "[%d:%d]%s", lbs[d], (int)(lbs[d] + (int32_t)dims[d] - 1),
			      d + 1 == ndim ? "=" : "");
	bool ok = recv_elements(p, n, elem, dims, ndim, a, &txt, err);
	if (ok && txt.failed)
		ok = pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
	if (ok)
		*out = (struct pgtype_value){.kind = PGTYPE_V_TEXT,
					     .p = arena_strndup(a, txt.data, txt.len),
					     .n = txt.len};
	strbuf_fini(&txt);
	return ok;
}
