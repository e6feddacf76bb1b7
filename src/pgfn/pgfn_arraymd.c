/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_arraymd.c: arrays of several dimensions in PostgreSQL's text form {{1,2},{3,4}} —
 * reading one as array_in does (sub-arrays of matching dimensions, at most 6), its
 * dimensions (array_ndims, array_dims, array_length/lower/upper of a dimension,
 * cardinality), a[i][j] subscripts, and ARRAY[...] over sub-arrays. Lower bounds are
 * always 1: explicit bounds ('[0:1]={1,2}') are not read. */
#include "pgfn_int.h"

#include <string.h>

#define MD_MAX 6 /* PostgreSQL's MAXDIM */

/* Why a text is not an array, as array_in's DETAIL says (the message itself is PostgreSQL's
 * "malformed array literal"). */
static const char *const MISMATCH =
	"Multidimensional arrays must have sub-arrays with matching dimensions.";
static const char *const BOUNDS = "Explicit array bounds are not supported.";

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

bool pgfn_array_parse_md(struct arena *a, const char *s, struct pgfn_md *md, const char **why)
{
	memset(md, 0, sizeof(*md));
	*why = NULL;
	s = skip(s ? s : "");
	if (*s == '[')
		return *why = BOUNDS, false;
	if (*s != '{')
		return *why = "Array value must start with \"{\" or dimension information.", false;
	if (!level(a, &s, 0, md, why))
		return false;
	if (*skip(s))
		return *why = "Junk after closing right brace.", false;
	return true;
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

/* Reads argument v; NULL after raising PostgreSQL's 22P02 when it is no array. */
static bool md_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v, struct pgfn_md *md)
{
	const char *s = (const char *)sqlite3_value_text(v), *why;
	if (pgfn_array_parse_md(a, s, md, &why))
		return true;
	if (why == BOUNDS)
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "arrays with explicit bounds are not supported");
	else
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", s ? s : "");
	return false;
}

/* pgfn_array_check(a): a itself once it reads as an array (a literal cast to an array). */
static void fn_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (pgfn_any_null(ctx, argc, argv) || !md_arg(ctx, a, argv[0], &md)) {
		arena_free(a);
		return;
	}
	sqlite3_result_value(ctx, argv[0]);
	arena_free(a);
}

/* pgfn_array_dims(a): "[1:2][1:3]"; NULL for an empty array. */
static void fn_dims(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (!pgfn_any_null(ctx, argc, argv) && md_arg(ctx, a, argv[0], &md)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		for (int d = 0; d < md.ndims; d++)
			strbuf_printf(&sb, "[1:%d]", md.dims[d]);
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
	bool ok = md_arg(ctx, a, v, &md);
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
		sqlite3_result_int64(ctx, what == 1 ? 1 : md.dims[dim - 1]);
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
	if (!md_arg(ctx, a, argv[0], &md)) {
		arena_free(a);
		return;
	}
	size_t at = 0;
	bool in = argc - 1 == md.ndims;
	for (int d = 0; in && d < md.ndims; d++) {
		int64_t i = sqlite3_value_int64(argv[d + 1]);
		in = sqlite3_value_type(argv[d + 1]) != SQLITE_NULL && i >= 1 && i <= md.dims[d];
		at = at * (size_t)md.dims[d] + (size_t)(i - 1);
	}
	if (in && md.items[at])
		sqlite3_result_text(ctx, md.items[at], -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	arena_free(a);
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
	} else if (!md_arg(ctx, a, argv[0], &md)) {
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
		{"pgfn_array_md", -1, fn_md},
		{"pgfn_array_subscripts", 2, fn_subscripts},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
