/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_arrayfn.c: array_replace, array_positions and array_fill over array texts of any
 * dimension, and the rounding of a numeric[]/float[] cast to an integer array. Elements compare
 * as their texts (the form the array holds them in), as array_remove's do; NULL matches NULL, as
 * PostgreSQL's IS NOT DISTINCT FROM does here. */
#include "pgfn_int.h"

#include "pgtype.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DIMS = 6, MAX_ITEMS = 134217727 /* MaxArraySize */ };

static void put_level(struct strbuf *sb, const struct pgfn_md *md, int d, size_t *at)
{
	strbuf_putc(sb, '{');
	for (int i = 0; i < md->dims[d]; i++) {
		strbuf_puts(sb, i ? "," : "");
		if (d + 1 < md->ndims)
			put_level(sb, md, d + 1, at);
		else
			pgfn_array_put_elem(sb, md->items[(*at)++]);
	}
	strbuf_putc(sb, '}');
}

void pgfn_array_put_md(struct strbuf *sb, const struct pgfn_md *md)
{
	if (md->ndims == 0) {
		strbuf_puts(sb, "{}");
		return;
	}
	bool bounds = false;
	for (int d = 0; d < md->ndims; d++)
		bounds |= md->lb[d] != 1;
	for (int d = 0; bounds && d < md->ndims; d++)
		strbuf_printf(sb, "[%d:%d]", md->lb[d], md->lb[d] + md->dims[d] - 1);
	strbuf_puts(sb, bounds ? "=" : "");
	size_t at = 0;
	put_level(sb, md, 0, &at);
}


static bool same(const char *x, const char *y) { return x && y ? strcmp(x, y) == 0 : x == y; }

/* The array argument a of pgfn_array_replace/positions(a, ..., tags) into md, and the tag
 * letter of its elements; false when done: NULL for a NULL array, or the error raised. */
static bool array_and_tag(sqlite3_context *ctx, int argc, sqlite3_value **argv, struct arena *a,
			  struct pgfn_md *md, char *tag)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return false;
	}
	size_t n;
	const char *tags = pgfn_text(argv[argc - 1], &n);
	*tag = n ? tags[0] : '.';
	return pgfn_array_md_arg(ctx, a, argv[0], md);
}

/* pgfn_array_replace(a, from, to, tag): each element equal to from becomes to. */
static void fn_replace(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	char tag;
	if (array_and_tag(ctx, argc, argv, a, &md, &tag)) {
		const char *from = pgfn_array_elem_text(a, argv[1], tag);
		const char *to = pgfn_array_elem_text(a, argv[2], tag);
		for (size_t i = 0; i < md.n; i++)
			md.items[i] = same(md.items[i], from) ? to : md.items[i];
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_array_put_md(&sb, &md);
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* pgfn_array_positions(a, v, tag): the subscripts of the elements equal to v, an int4[]. */
static void fn_positions(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	char tag;
	if (!array_and_tag(ctx, argc, argv, a, &md, &tag)) {
		/* NULL, or raised */
	} else if (md.ndims > 1) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "searching for elements in multidimensional arrays is not supported");
	} else {
		const char *v = pgfn_array_elem_text(a, argv[1], tag);
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		bool first = true;
		for (size_t i = 0; i < md.n; i++) {
			if (!same(md.items[i], v))
				continue;
			strbuf_printf(&sb, "%s%d", first ? "" : ",", md.lb[0] + (int)i);
			first = false;
		}
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* Reads an int4[] of dimensions or lower bounds into out; its length, or -1 after raising. */
static int int_list(sqlite3_context *ctx, struct arena *a, sqlite3_value *v, int *out)
{
	struct pgfn_md md;
	if (!pgfn_array_md_arg(ctx, a, v, &md))
		return -1;
	if (md.ndims > 1 || md.n > MAX_DIMS) {
		pgfn_error(ctx, "2202E",
			   md.ndims > 1 ? "wrong number of array subscripts"
					: "number of array dimensions (%zu) exceeds the "
					  "maximum allowed (6)",
			   md.n);
		return -1;
	}
	for (size_t i = 0; i < md.n; i++) {
		if (!md.items[i]) {
			pgfn_error(ctx, "22004", "dimension values cannot be null");
			return -1;
		}
		out[i] = (int)strtol(md.items[i], NULL, 10);
	}
	return (int)md.n;
}

/* pgfn_array_fill(v, dims[, lbs], tag): an array of the given dimensions, each element v. */
static void fn_fill(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL ||
	    (argc == 4 && sqlite3_value_type(argv[2]) == SQLITE_NULL)) {
		pgfn_error(ctx, "22004", "dimension array or low bound array cannot be null");
		return;
	}
	struct arena *a = arena_new(0);
	struct pgfn_md md = {0};
	int lbs[MAX_DIMS];
	size_t n;
	const char *tags = pgfn_text(argv[argc - 1], &n);
	int nd = int_list(ctx, a, argv[1], md.dims);
	int nl = nd >= 0 && argc == 4 ? int_list(ctx, a, argv[2], lbs) : nd;
	int64_t total = nd > 0 ? 1 : 0;
	for (int d = 0; nd >= 0 && d < nd; d++)
		total = md.dims[d] < 0 || total * md.dims[d] > MAX_ITEMS ? -1 : total * md.dims[d];
	if (nd >= 0 && nl >= 0 && nl != nd) {
		pgfn_error(ctx, "2202E", "wrong number of array subscripts");
	} else if (nd >= 0 && nl >= 0 && total < 0) {
		pgfn_error(ctx, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
			   "array size exceeds the maximum allowed (%d)", MAX_ITEMS);
	} else if (nd >= 0 && nl >= 0) {
		const char *v = pgfn_array_elem_text(a, argv[0], n ? tags[0] : '.');
		md.ndims = total ? nd : 0;
		md.n = (size_t)total;
		md.items = arena_alloc(a, (md.n + 1) * sizeof(*md.items));
		for (size_t i = 0; i < md.n; i++)
			md.items[i] = v;
		for (int d = 0; d < nd; d++)
			md.lb[d] = argc == 4 ? lbs[d] : 1;
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgfn_array_put_md(&sb, &md);
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* A numeric element's text e rounded half away from zero, as numeric's cast to an integer
 * rounds; "" for what is no plain decimal (an exponent: left to strtod). */
static const char *round_numeric(struct arena *a, const char *e)
{
	const char *p = e + (*e == '-' || *e == '+');
	size_t ip = strspn(p, "0123456789");
	if (!ip || (p[ip] && (p[ip] != '.' || p[ip + 1 + strspn(p + ip + 1, "0123456789")])))
		return "";
	char *out = arena_alloc(a, ip + 4);
	char *d = out + 2; /* room for a carry and a sign */
	memcpy(d, p, ip);
	d[ip] = '\0';
	if (p[ip] == '.' && p[ip + 1] >= '5') {
		size_t i = ip;
		while (i > 0 && d[i - 1] == '9')
			d[--i] = '0';
		if (i > 0)
			d[i - 1]++;
		else
			*--d = '1';
	}
	if (*e == '-')
		*--d = '-';
	return d;
}

/* pgfn_array_round(x, from, to): the elements of array text x of element type from (numeric,
 * float4, float8) as the integer type to's (int2, int4, int8), each cast as PostgreSQL casts one:
 * a numeric rounded half away from zero, a float to the nearest even (rint); a value the type
 * cannot hold 22003 "integer out of range", a numeric NaN 0A000 "cannot convert NaN to integer". */
static void fn_round(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t from = (uint32_t)sqlite3_value_int64(argv[1]);
	uint32_t to = (uint32_t)sqlite3_value_int64(argv[2]);
	const char *name = to == PGTYPE_INT2   ? "smallint"
			   : to == PGTYPE_INT8 ? "bigint"
					       : "integer";
	int64_t min = to == PGTYPE_INT2 ? INT16_MIN : to == PGTYPE_INT8 ? INT64_MIN : INT32_MIN;
	int64_t max = to == PGTYPE_INT2 ? INT16_MAX : to == PGTYPE_INT8 ? INT64_MAX : INT32_MAX;
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	const char *why = NULL;
	if (!pgfn_array_parse_md(a, (const char *)sqlite3_value_text(argv[0]), &md, &why)) {
		/* not an array: pgfn_array_in, which reads the result, says what is wrong */
		sqlite3_result_value(ctx, argv[0]);
		goto out;
	}
	for (size_t i = 0; i < md.n; i++) {
		const char *e = md.items[i];
		if (!e)
			continue;
		if (from == PGTYPE_NUMERIC && strcmp(e, "NaN") == 0) {
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot convert NaN to %s",
				   name);
			goto out;
		}
		if (from == PGTYPE_NUMERIC &&
		    (strcmp(e, "Infinity") == 0 || strcmp(e, "-Infinity") == 0)) {
			pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
				   "cannot convert infinity to %s", name);
			goto out;
		}
		const char *r = from == PGTYPE_NUMERIC ? round_numeric(a, e) : "";
		char *end = NULL;
		errno = 0;
		long long v = 0;
		if (*r) {
			v = strtoll(r, &end, 10);
		} else {
			double d = strtod(e, &end);
			d = from == PGTYPE_NUMERIC ? round(d) : rint(d);
			if (isnan(d) || d < (double)min || d >= -(double)min)
				errno = ERANGE;
			else
				v = (long long)d;
		}
		if (errno == ERANGE || v < min || v > max) {
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
				   name);
			goto out;
		}
		char buf[24];
		snprintf(buf, sizeof buf, "%lld", v);
		md.items[i] = arena_strdup(a, buf);
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_array_put_md(&sb, &md);
	sqlite3_result_text64(ctx, sb.data ? sb.data : "{}", sb.data ? sb.len : 2, SQLITE_TRANSIENT,
			      SQLITE_UTF8);
	strbuf_fini(&sb);
out:
	arena_free(a);
}

int pgfn_register_arrayfn(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_array_replace", 4, fn_replace}, {"pgfn_array_positions", 3, fn_positions},
		{"pgfn_array_fill", 3, fn_fill},       {"pgfn_array_fill", 4, fn_fill},
		{"pgfn_array_round", 3, fn_round},
	};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
