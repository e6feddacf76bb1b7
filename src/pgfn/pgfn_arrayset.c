/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_arrayset.c: assignment to array elements and slices (UPDATE t SET a[2] = x,
 * a[1:2] = '{9,9}', PL/pgSQL's arr[i] := v), as PostgreSQL's array_set_element and
 * array_set_slice: a one-dimensional array grows either way, NULLs filling the gap; a NULL or
 * empty array becomes a new one whose lower bounds are the subscripts; an array of several
 * dimensions is assigned only within its bounds. Reading subscripts is pgfn_arraymd.c's. */
#include "pgfn_int.h"

#include <string.h>

#define MD_MAX 6                   /* PostgreSQL's MAXDIM */
#define MAX_ITEMS 134217727        /* PostgreSQL's MaxArraySize */
#define ERR_SUBSCRIPT "2202E"      /* array_subscript_error */
#define ERR_NULL_SUBSCRIPT "22004" /* null_value_not_allowed */

static bool subscript_error(struct pgerr *err, const char *msg)
{
	return pgerr_set(err, ERR_SUBSCRIPT, "%s", msg);
}

/* err as the error of ctx. */
static void raise_err(sqlite3_context *ctx, const struct pgerr *err)
{
	pgfn_error(ctx, err->sqlstate, "%s", err->message);
}

/* Subscript argument v as an int4 (false after raising 22004 for NULL, 22003 past int4). */
static bool read_subscript(sqlite3_context *ctx, sqlite3_value *v, int *out)
{
	if (sqlite3_value_type(v) == SQLITE_NULL) {
		pgfn_error(ctx, ERR_NULL_SUBSCRIPT,
			   "array subscript in assignment must not be null");
		return false;
	}
	int64_t i = sqlite3_value_int64(v);
	if (i < INT32_MIN || i > INT32_MAX) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
		return false;
	}
	*out = (int)i;
	return true;
}

/* Number of items of dims, false after raising 54000 past MaxArraySize. */
static bool count_items(struct pgerr *err, int ndims, const int64_t *dims, size_t *n)
{
	int64_t total = 1;
	for (int d = 0; d < ndims; d++) {
		total *= dims[d];
		if (total > MAX_ITEMS) {
			return pgerr_set(err, "54000",
					 "array size exceeds the maximum allowed (%d)", MAX_ITEMS);
		}
	}
	*n = (size_t)total;
	return true;
}

/* Grows one-dimensional md to hold [lo:hi] (1-based subscripts as given, lo <= hi), NULLs in
 * the new places; false after raising 54000. */
static bool grow_1d(struct pgerr *err, struct arena *a, struct pgfn_md *md, int lo, int hi)
{
	int64_t lb = md->lb[0], ub = (int64_t)md->lb[0] + md->dims[0] - 1;
	int64_t nlb = lo < lb ? lo : lb, nub = hi > ub ? hi : ub, len = nub - nlb + 1;
	size_t n = 0;
	if (!count_items(err, 1, &len, &n))
		return false;
	if (nlb == lb && nub == ub)
		return true;
	const char **items = arena_zalloc(a, n * sizeof(*items));
	if (md->n)
		memcpy(items + (lb - nlb), md->items, md->n * sizeof(*items));
	md->items = items;
	md->n = md->cap = n;
	md->lb[0] = (int)nlb;
	md->dims[0] = (int)len;
	return true;
}

/* Offset of subscripts sub (one per dimension, within bounds) among md's items. */
static size_t offset_of(const struct pgfn_md *md, const int *sub)
{
	size_t at = 0;
	for (int d = 0; d < md->ndims; d++)
		at = at * (size_t)md->dims[d] + (size_t)((int64_t)sub[d] - md->lb[d]);
	return at;
}


/* a[i1]...[ik] := v into md; false after raising. */
static bool set_element(struct pgerr *err, struct arena *a, struct pgfn_md *md, const int *sub,
			int nsub, const char *v)
{
	if (md->ndims == 0) { /* a new array: [i1:i1][i2:i2]...={v} */
		md->ndims = nsub;
		for (int d = 0; d < nsub; d++) {
			md->dims[d] = 1;
			md->lb[d] = sub[d];
		}
		md->items = arena_alloc(a, sizeof(*md->items));
		md->items[0] = v;
		md->n = md->cap = 1;
		return true;
	}
	if (md->ndims != nsub)
		return subscript_error(err, "wrong number of array subscripts");
	if (nsub == 1 && !grow_1d(err, a, md, sub[0], sub[0]))
		return false;
	for (int d = 0; d < nsub; d++)
		if (sub[d] < md->lb[d] || (int64_t)sub[d] >= (int64_t)md->lb[d] + md->dims[d])
			return subscript_error(err, "array subscript out of range");
	md->items[offset_of(md, sub)] = v;
	return true;
}

/* An array text (NULL: the NULL array, read as the empty one) into md. */
static bool read_array(struct pgerr *err, struct arena *a, const char *arr, struct pgfn_md *md)
{
	const char *why;
	if (!arr) {
		memset(md, 0, sizeof(*md));
		return true;
	}
	if (pgfn_array_parse_md(a, arr, md, &why))
		return true;
	return pgerr_set(err, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			 "malformed array literal: \"%s\"", arr);
}

static const char *md_text(struct arena *a, const struct pgfn_md *md)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_array_put_md(&sb, md);
	const char *out = sb.failed ? NULL : arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

bool pgfn_array_assign(struct arena *a, const char *arr, const char *elem, const int64_t *sub,
		       int nsub, const char **out, struct pgerr *err)
{
	int isub[MD_MAX];
	struct pgfn_md md;
	if (nsub < 1 || nsub > MD_MAX)
		return subscript_error(err, "wrong number of array subscripts");
	for (int d = 0; d < nsub; d++) {
		if (sub[d] < INT32_MIN || sub[d] > INT32_MAX)
			return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					 "integer out of range");
		isub[d] = (int)sub[d];
	}
	if (!read_array(err, a, arr, &md) || !set_element(err, a, &md, isub, nsub, elem))
		return false;
	return (*out = md_text(a, &md)) != NULL ||
	       pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

/* pgfn_array_set(a, v, tag, i1, ..., ik): a with a[i1]...[ik] set to v (its text as
 * pgfn_array_value_text writes a value of element store tag). */
static void fn_set(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int nsub = argc - 3, isub;
	int64_t sub[MD_MAX];
	struct pgerr err;
	pgerr_clear(&err);
	if (nsub < 1 || nsub > MD_MAX) {
		subscript_error(&err, "wrong number of array subscripts");
		raise_err(ctx, &err);
		return;
	}
	for (int d = 0; d < nsub; d++) {
		if (!read_subscript(ctx, argv[3 + d], &isub))
			return;
		sub[d] = isub;
	}
	const char *tag = (const char *)sqlite3_value_text(argv[2]), *out;
	struct arena *a = arena_new(0);
	if (pgfn_array_assign(a, (const char *)sqlite3_value_text(argv[0]),
			      pgfn_array_elem_text(a, argv[1], tag ? tag[0] : '.'), sub, nsub, &out,
			      &err))
		sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
	else
		raise_err(ctx, &err);
	arena_free(a);
}

/* The slice [lo[d]:hi[d]] of a new array from src's items (bounds all given). */
static bool new_slice(struct pgerr *err, struct arena *a, struct pgfn_md *md,
		      const struct pgfn_md *src, int nsub, const bool *given, const int *lo,
		      const int *hi)
{
	int64_t dims[MD_MAX];
	for (int d = 0; d < nsub; d++) {
		if (!given[2 * d] || !given[2 * d + 1]) {
			return subscript_error(err, "array slice subscript must provide both "
						    "boundaries");
		}
		dims[d] = (int64_t)hi[d] - lo[d] + 1;
		if (dims[d] < 0)
			dims[d] = 0;
	}
	size_t n = 0;
	if (!count_items(err, nsub, dims, &n))
		return false;
	if (n == 0) { /* PostgreSQL's construct_md_array of no items: the empty array */
		memset(md, 0, sizeof(*md));
		return true;
	}
	if (src->n < n)
		return subscript_error(err, "source array too small");
	md->ndims = nsub;
	for (int d = 0; d < nsub; d++) {
		md->dims[d] = (int)dims[d];
		md->lb[d] = lo[d];
	}
	md->items = (const char **)src->items;
	md->n = md->cap = n;
	return true;
}

/* Copies src's items in order into md's box [lo:hi] (subscripts as given, within bounds). */
static void fill_box(struct pgfn_md *md, const struct pgfn_md *src, const int *lo, const int *hi)
{
	int sub[MD_MAX];
	memcpy(sub, lo, (size_t)md->ndims * sizeof(*sub));
	for (size_t k = 0;; k++) {
		md->items[offset_of(md, sub)] = src->items[k];
		int d = md->ndims - 1;
		while (d >= 0 && sub[d] == hi[d]) {
			sub[d] = lo[d];
			d--;
		}
		if (d < 0)
			return;
		sub[d]++;
	}
}

/* a[l1:u1]...[lk:uk] := src into md (non-empty); false after raising. */
static bool set_slice(struct pgerr *err, struct arena *a, struct pgfn_md *md,
		      const struct pgfn_md *src, int nsub, const bool *given, int *lo, int *hi)
{
	if (md->ndims < nsub)
		return subscript_error(err, "wrong number of array subscripts");
	for (int d = 0; d < md->ndims; d++) {
		int64_t ub = (int64_t)md->lb[d] + md->dims[d] - 1;
		if (d >= nsub || !given[2 * d])
			lo[d] = md->lb[d];
		if (d >= nsub || !given[2 * d + 1])
			hi[d] = (int)ub;
		if (lo[d] > hi[d])
			return subscript_error(err, "upper bound cannot be less than lower bound");
		if (md->ndims > 1 && (lo[d] < md->lb[d] || hi[d] > ub))
			return subscript_error(err, "array subscript out of range");
	}
	if (md->ndims == 1 && !grow_1d(err, a, md, lo[0], hi[0]))
		return false;
	size_t need = 1;
	for (int d = 0; d < md->ndims; d++)
		need *= (size_t)((int64_t)hi[d] - lo[d] + 1);
	if (src->n < need)
		return subscript_error(err, "source array too small");
	fill_box(md, src, lo, hi);
	return true;
}

bool pgfn_array_assign_slice(struct arena *a, const char *arr, const char *src, const char *spec,
			     const int64_t *bound, const char **out, struct pgerr *err)
{
	int nsub = (int)strlen(spec) / 2, lo[MD_MAX] = {0}, hi[MD_MAX] = {0};
	bool given[2 * MD_MAX];
	if (nsub < 1 || nsub > MD_MAX)
		return subscript_error(err, "wrong number of array subscripts");
	for (int k = 0, arg = 0; k < 2 * nsub; k++) {
		given[k] = spec[k] == 'v';
		int64_t v = given[k] ? bound[arg++] : 0;
		if (v < INT32_MIN || v > INT32_MAX)
			return pgerr_set(err, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
					 "integer out of range");
		*(k % 2 ? &hi[k / 2] : &lo[k / 2]) = (int)v;
	}
	struct pgfn_md md, from;
	if (!read_array(err, a, arr, &md))
		return false;
	if (src && (!read_array(err, a, src, &from) ||
		    !(md.ndims == 0 ? new_slice(err, a, &md, &from, nsub, given, lo, hi)
				    : set_slice(err, a, &md, &from, nsub, given, lo, hi))))
		return false; /* (a NULL src is a no-op, but a NULL array becomes {}) */
	return (*out = md_text(a, &md)) != NULL ||
	       pgerr_set(err, SQLSTATE_OUT_OF_MEMORY, "out of memory");
}

/* pgfn_array_setslice(a, src, spec, bounds...): a with a[l1:u1]...[lk:uk] set to src's
 * elements read in order (its shape ignored, extra ones too, as array_set_slice); spec as
 * pgfn_array_slice's, 'v' a bound given, '-' one left out. A NULL src leaves a as it is. */
static void fn_setslice(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *spec = (const char *)sqlite3_value_text(argv[2]), *out;
	int64_t bound[2 * MD_MAX];
	int nb = 0;
	struct pgerr err;
	pgerr_clear(&err);
	for (int k = 0; spec && spec[k] && k < 2 * MD_MAX; k++) {
		int v;
		if (spec[k] != 'v')
			continue;
		if (3 + nb >= argc || !read_subscript(ctx, argv[3 + nb], &v))
			return;
		bound[nb++] = v;
	}
	struct arena *a = arena_new(0);
	if (pgfn_array_assign_slice(a, (const char *)sqlite3_value_text(argv[0]),
				    (const char *)sqlite3_value_text(argv[1]), spec ? spec : "",
				    bound, &out, &err))
		sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
	else
		raise_err(ctx, &err);
	arena_free(a);
}

int pgfn_register_arrayset(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_array_set", -1, fn_set},
		{"pgfn_array_setslice", -1, fn_setslice},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
