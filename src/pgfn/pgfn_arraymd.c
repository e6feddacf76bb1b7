/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_arraymd.c: arrays of several dimensions in PostgreSQL's text form {{1,2},{3,4}} —
 * reading one as array_in does (sub-arrays of matching dimensions, at most 6), its
 * dimensions (array_ndims, array_dims, array_length/lower/upper of a dimension,
 * cardinality), a[i][j] subscripts and a[i:j] slices, an element as a value of its type,
 * and ARRAY[...] over sub-arrays. Lower bounds are always 1: explicit bounds ('[0:1]={1,2}')
 * are not read. */
#include "pgfn_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MD_MAX 6 /* PostgreSQL's MAXDIM */

/* Why a text is not an array, as array_in's DETAIL says (the message itself is PostgreSQL's
 * "malformed array literal"). */
static const char *const MISMATCH =
	"Multidimensional arrays must have sub-arrays with matching dimensions.";
static const char *const BOUNDS = "Specified array dimensions do not match array contents.";

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

static const char *skip(const char *s)
{
	while (is_blank(*s))
		s++;
	return s;
}

static bool push(struct arena *a, struct pgfn_md *md, const char *item)
{
	if (md->n == md->cap) {
		size_t cap = md->cap ? md->cap * 2 : 16;
		const char **v = arena_alloc(a, cap * sizeof(*v));
		if (md->n)
			memcpy(v, md->items, md->n * sizeof(*v));
		md->items = v;
		md->cap = cap;
	}
	md->items[md->n++] = item;
	return true;
}

/* One level {…} at *p (on its '{'), depth 0 the outermost: its elements or sub-arrays, whose
 * count must match that of every other level at the same depth. */
static bool level(struct arena *a, const char **p, int depth, struct pgfn_md *md, const char **why)
{
	const char *s = skip(*p + 1);
	if (*s == '}') { /* {} is the empty array; an empty sub-array matches nothing */
		*p = s + 1;
		return depth == 0 || (*why = MISMATCH, false);
	}
	bool nested = *s == '{';
	int count = 0;
	for (;;) {
		s = skip(s);
		if (nested != (*s == '{'))
			return *why = MISMATCH, false;
		if (nested && depth + 1 >= MD_MAX)
			return *why = "Too many array dimensions.", false;
		if (nested ? !level(a, &s, depth + 1, md, why)
			   : !push(a, md, pgfn_array_element(a, &s)))
			return false;
		count++;
		s = skip(s);
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s != '}')
			return *why = "Unexpected array element.", false;
		s++;
		break;
	}
	if (!nested && md->ndims && md->ndims != depth + 1)
		return *why = MISMATCH, false;
	if (!nested)
		md->ndims = depth + 1;
	if (md->dims[depth] && md->dims[depth] != count)
		return *why = MISMATCH, false;
	md->dims[depth] = count;
	*p = s;
	return true;
}

/* The bounds given must describe the elements read. */
static bool bounds_match(struct pgfn_md *md, int nb, const int *lb, const int *ub, const char **why)
{
	for (int d = 0; d < MD_MAX; d++)
		md->lb[d] = d < nb ? lb[d] : 1;
	if (!nb)
		return true;
	md->bounded = true;
	if (nb != md->ndims)
		return *why = BOUNDS, false;
	for (int d = 0; d < nb; d++)
		if ((int64_t)ub[d] - lb[d] + 1 != md->dims[d])
			return *why = BOUNDS, false;
	return true;
}

bool pgfn_array_parse_md(struct arena *a, const char *s, struct pgfn_md *md, const char **why)
{
	memset(md, 0, sizeof(*md));
	*why = NULL;
	s = s ? s : "";
	int lb[MD_MAX], ub[MD_MAX];
	int nb = pgtype_array_bounds(s, strlen(s), lb, ub, &s, why);
	if (nb < 0)
		return false;
	if (*s != '{')
		return *why = "Array value must start with \"{\" or dimension information.", false;
	if (!level(a, &s, 0, md, why))
		return false;
	if (*skip(s))
		return *why = "Junk after closing right brace.", false;
	return bounds_match(md, nb, lb, ub, why);
}

const char **pgfn_array_flatten(struct arena *a, const char *s, size_t *n)
{
	const char **v = pgfn_array_parse(a, s, n);
	struct pgfn_md md;
	const char *why;
	if (v || !pgfn_array_parse_md(a, s, &md, &why))
		return v;
	*n = md.n;
	return md.items ? md.items : arena_alloc(a, sizeof(*md.items));
}

bool pgfn_array_md_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v, struct pgfn_md *md)
{
	const char *s = (const char *)sqlite3_value_text(v), *why;
	if (pgfn_array_parse_md(a, s, md, &why))
		return true;
	pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION, "malformed array literal: \"%s\"",
		   s ? s : "");
	return false;
}

/* pgfn_array_check(a): a itself once it reads as an array (a literal cast to an array). */
static void fn_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (pgfn_any_null(ctx, argc, argv) || !pgfn_array_md_arg(ctx, a, argv[0], &md)) {
		arena_free(a);
		return;
	}
	if (!md.bounded) {
		sqlite3_result_value(ctx, argv[0]);
	} else { /* bounds as array_out writes them: only when one is not 1 */
		const char *s = (const char *)sqlite3_value_text(argv[0]), *body, *why;
		int lb[MD_MAX], ub[MD_MAX];
		(void)pgtype_array_bounds(s, strlen(s), lb, ub, &body, &why);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		bool ones = true;
		for (int d = 0; d < md.ndims; d++)
			ones = ones && lb[d] == 1;
		for (int d = 0; !ones && d < md.ndims; d++)
			strbuf_printf(&sb, "[%d:%d]%s", lb[d], ub[d], d + 1 == md.ndims ? "=" : "");
		size_t n = strlen(body);
		while (n && is_blank(body[n - 1]))
			n--;
		strbuf_append(&sb, body, n);
		pgfn_result_sb(ctx, &sb, false);
		strbuf_fini(&sb);
	}
	arena_free(a);
}

/* pgfn_array_dims(a): "[1:2][1:3]"; NULL for an empty array. */
static void fn_dims(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (!pgfn_any_null(ctx, argc, argv) && pgfn_array_md_arg(ctx, a, argv[0], &md)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		for (int d = 0; d < md.ndims; d++)
			strbuf_printf(&sb, "[%d:%d]", md.lb[d], md.lb[d] + md.dims[d] - 1);
		if (md.ndims)
			pgfn_result_sb(ctx, &sb, false);
		else
			sqlite3_result_null(ctx);
		strbuf_fini(&sb);
	}
	arena_free(a);
}

bool pgfn_array_md_dim(sqlite3_context *ctx, sqlite3_value *v, int64_t dim, int what)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	bool ok = pgfn_array_md_arg(ctx, a, v, &md);
	if (ok && what == 3) {
		size_t n = md.ndims ? 1 : 0;
		for (int d = 0; d < md.ndims; d++)
			n *= (size_t)md.dims[d];
		sqlite3_result_int64(ctx, (sqlite3_int64)n);
	} else if (ok && what == 4) {
		if (md.ndims)
			sqlite3_result_int64(ctx, md.ndims);
		else
			sqlite3_result_null(ctx);
	} else if (ok && (dim < 1 || dim > md.ndims)) {
		sqlite3_result_null(ctx);
	} else if (ok) {
		int lb = md.lb[dim - 1], len = md.dims[dim - 1];
		sqlite3_result_int64(ctx, what == 1 ? lb : what == 2 ? lb + len - 1 : len);
	}
	arena_free(a);
	return ok;
}

/* pgfn_array_at(a, i1, ..., ik): a[i1]...[ik] — NULL unless k is a's number of dimensions
 * and every subscript is within its dimension, as PostgreSQL's array_ref. */
static void fn_at(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (!pgfn_array_md_arg(ctx, a, argv[0], &md)) {
		arena_free(a);
		return;
	}
	size_t at = 0;
	bool in = argc - 1 == md.ndims;
	for (int d = 0; in && d < md.ndims; d++) {
		int64_t i = sqlite3_value_int64(argv[d + 1]);
		i -= md.lb[d] - 1; /* 1-based within the dimension */
		in = sqlite3_value_type(argv[d + 1]) != SQLITE_NULL && i >= 1 && i <= md.dims[d];
		at = at * (size_t)md.dims[d] + (size_t)(i - 1);
	}
	if (in && md.items[at])
		sqlite3_result_text(ctx, md.items[at], -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	arena_free(a);
}

/* Writes the sub-array of md from lo[d..] to hi[d..] (1-based, inclusive) at offset base. */
static void put_slice(struct strbuf *sb, const struct pgfn_md *md, const int *lo, const int *hi,
		      int d, size_t base)
{
	size_t stride = 1;
	for (int k = d + 1; k < md->ndims; k++)
		stride *= (size_t)md->dims[k];
	strbuf_putc(sb, '{');
	for (int i = lo[d]; i <= hi[d]; i++) {
		strbuf_puts(sb, i > lo[d] ? "," : "");
		size_t at = base + (size_t)(i - 1) * stride;
		if (d + 1 < md->ndims)
			put_slice(sb, md, lo, hi, d + 1, at);
		else
			pgfn_array_put_elem(sb, md->items[at]);
	}
	strbuf_putc(sb, '}');
}

/* The range [*lo, *hi] of a dimension of length n that the bounds given select, clipped to
 * 1..n as array_get_slice clips them. */
static void clip(int n, bool has_lo, int64_t l, bool has_hi, int64_t h, int *lo, int *hi)
{
	*lo = has_lo && l > 1 ? (int)(l > n ? (int64_t)n + 1 : l) : 1;
	*hi = has_hi && h < n ? (int)(h < 0 ? 0 : h) : n;
}

/* Reads spec and the bounds of pgfn_array_slice into given/bound; false when one is NULL. */
static bool slice_bounds(int argc, sqlite3_value **argv, const char *spec, size_t nsub,
			 bool *given, int64_t *bound)
{
	int arg = 2;
	for (size_t k = 0; k < 2 * nsub; k++) {
		given[k] = spec[k] == 'v';
		bound[k] = 0;
		if (!given[k])
			continue;
		if (arg >= argc || sqlite3_value_type(argv[arg]) == SQLITE_NULL)
			return false;
		bound[k] = sqlite3_value_int64(argv[arg++]);
	}
	return true;
}

/* pgfn_array_slice(a, spec, bounds...): a[l1:u1][l2:u2]..., as PostgreSQL's array_get_slice.
 * spec has two letters per subscript, 'v' for a bound given (the next argument) and '-' for
 * one left out (a[:2], a[2:]). NULL when a bound is NULL; the empty array when a range holds
 * nothing or there are more subscripts than dimensions; the result's lower bounds are 1. */
static void fn_slice(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *spec = (const char *)sqlite3_value_text(argv[1]);
	size_t nsub = spec ? strlen(spec) / 2 : 0;
	bool given[2 * MD_MAX];
	int64_t bound[2 * MD_MAX];
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || nsub == 0 || nsub > MD_MAX ||
	    !slice_bounds(argc, argv, spec, nsub, given, bound)) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (!pgfn_array_md_arg(ctx, a, argv[0], &md)) {
		arena_free(a);
		return;
	}
	int lo[MD_MAX], hi[MD_MAX];
	bool empty = md.ndims == 0 || (int)nsub > md.ndims;
	for (int d = 0; !empty && d < md.ndims; d++) {
		bool sub = d < (int)nsub;
		int64_t shift = md.lb[d] - 1; /* bounds 1-based within the dimension */
		clip(md.dims[d], sub && given[2 * d], sub ? bound[2 * d] - shift : 0,
		     sub && given[2 * d + 1], sub ? bound[2 * d + 1] - shift : 0, &lo[d], &hi[d]);
		empty = lo[d] > hi[d];
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	if (empty)
		strbuf_puts(&sb, "{}");
	else
		put_slice(&sb, &md, lo, hi, 0, 0);
	pgfn_result_sb(ctx, &sb, false);
	strbuf_fini(&sb);
	arena_free(a);
}

/* A bytea element's text (\x0a0b) as a blob; false when it is not that. */
static bool result_bytea(sqlite3_context *ctx, const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || s[0] != '\\' || s[1] != 'x' || n % 2)
		return false;
	size_t len = n / 2 - 1;
	unsigned char *v = sqlite3_malloc64(len ? len : 1);
	if (!v) {
		sqlite3_result_error_nomem(ctx);
		return true;
	}
	for (size_t i = 0; i < len; i++) {
		char h[3] = {s[2 + 2 * i], s[3 + 2 * i], 0}, *end;
		v[i] = (unsigned char)strtoul(h, &end, 16);
		if (*end || !h[0]) {
			sqlite3_free(v);
			return false;
		}
	}
	sqlite3_result_blob64(ctx, v, len, sqlite3_free);
	return true;
}

/* An element's text as the value a type of store letter tag is stored as; false when it does
 * not read so. */
static bool result_elem(sqlite3_context *ctx, const char *s, char tag)
{
	char *end;
	errno = 0;
	if (tag == 'b' && (strcmp(s, "t") == 0 || strcmp(s, "f") == 0)) {
		sqlite3_result_int(ctx, s[0] == 't');
		return true;
	}
	if (tag == 'x')
		return result_bytea(ctx, s);
	if (tag == 'm') { /* money: cash_out's text back into cents */
		int64_t cents;
		struct pgerr err;
		pgerr_clear(&err);
		if (!pgtype_money_parse(s, strlen(s), &cents, &err))
			return false;
		sqlite3_result_int64(ctx, cents);
		return true;
	}
	if (tag == 'i' || tag == 'n') {
		long long v = strtoll(s, &end, 10);
		if (end != s && !*end && errno == 0) {
			sqlite3_result_int64(ctx, v);
			return true;
		}
	}
	if (tag == 'n' || tag == 'f') {
		double d = strtod(s, &end);
		if (end != s && !*end) {
			sqlite3_result_double(ctx, d);
			return true;
		}
	}
	return false;
}

/* pgfn_array_elem(e, tag): an element's text as the value its type is stored as — 'i' an
 * integer, 'n' a numeric (integer when whole, else real), 'f' a real, 'b' a boolean (1/0),
 * 'x' a bytea's blob, 'm' money's cents; anything else stays as it is. */
static void fn_elem(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	bool text = sqlite3_value_type(argv[0]) == SQLITE_TEXT;
	const char *s = text ? (const char *)sqlite3_value_text(argv[0]) : NULL;
	const char *tag = (const char *)sqlite3_value_text(argv[1]);
	if (!s || !tag || !result_elem(ctx, s, tag[0]))
		sqlite3_result_value(ctx, argv[0]);
}

/* pgfn_array_md(a1, ..., an): ARRAY[[...], [...]] — the sub-arrays, of matching dimensions,
 * one level deeper (NULL sub-arrays are refused: PostgreSQL has no NULL sub-array). */
static void fn_md(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	struct pgfn_md first = {0};
	bool ok = true;
	for (int i = 0; ok && i < argc; i++) {
		struct pgfn_md md;
		const char *why;
		const char *s = (const char *)sqlite3_value_text(argv[i]);
		if (!s || !pgfn_array_parse_md(a, s, &md, &why) || md.ndims == 0) {
			ok = false;
			break;
		}
		if (i == 0)
			first = md;
		ok = md.ndims == first.ndims && memcmp(md.dims, first.dims, sizeof(md.dims)) == 0;
		strbuf_printf(&sb, "%s%s", i ? "," : "", skip(s));
	}
	strbuf_putc(&sb, '}');
	if (ok)
		pgfn_result_sb(ctx, &sb, false);
	else
		pgfn_error(ctx, "2202E",
			   "multidimensional arrays must have array expressions with "
			   "matching dimensions");
	strbuf_fini(&sb);
	arena_free(a);
}

/* pgfn_array_subscripts(a, dim): the subscripts of a's dimension dim as an array text
 * ("{1,2,3}"), so that generate_subscripts(a, dim) beside other set-returning functions is
 * one more array unnested in lockstep. An int2vector/oidvector ("1 2 3") counts from 0, as
 * PostgreSQL's do; a dimension a lacks gives NULL (no rows), as generate_subscripts does. */
static void fn_subscripts(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int64_t dim = sqlite3_value_int64(argv[1]);
	size_t n = 0;
	int lo = 1;
	struct pgfn_md md;
	if (s && s[0] != '{' && pgfn_array_parse(a, s, &n)) {
		lo = 0;
		n = dim == 1 ? n : 0;
	} else if (!pgfn_array_md_arg(ctx, a, argv[0], &md)) {
		arena_free(a);
		return;
	} else {
		n = dim >= 1 && dim <= md.ndims ? (size_t)md.dims[dim - 1] : 0;
	}
	if (!n) {
		sqlite3_result_null(ctx);
		arena_free(a);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%c%d", i ? ',' : '{', lo + (int)i);
	strbuf_putc(&sb, '}');
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
	arena_free(a);
}

int pgfn_register_arraymd(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_array_check", 1, fn_check},
		{"pgfn_array_dims", 1, fn_dims},
		{"pgfn_array_at", -1, fn_at},
		{"pgfn_array_slice", -1, fn_slice},
		{"pgfn_array_elem", 2, fn_elem},
		{"pgfn_array_md", -1, fn_md},
		{"pgfn_array_subscripts", 2, fn_subscripts},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
