/* SPDX-License-Identifier: Apache-2.0 */
/* catalog_array.c: arrays as the catalog holds them, in PostgreSQL's text form {a,b}: parsing,
 * array_position, array_to_string, array_upper, = ANY, subscripts, casts from int2vector and
 * oidvector, and pg_array_agg, which ARRAY(subquery) becomes. */
#include "catalog_int.h"

#include "pgfn.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- arrays in PostgreSQL's text form (parsed and quoted by pgfn_array.c) ---- */

/* The lower bound of a one-dimensional array's text given with explicit bounds ("[0:2]={...}"),
 * 1 otherwise. */
static int lower_bound(const char *s)
{
	int lb[PGTYPE_ARRAY_MAXDIM], ub[PGTYPE_ARRAY_MAXDIM];
	const char *body, *why;
	return s && pgtype_array_bounds(s, strlen(s), lb, ub, &body, &why) == 1 ? lb[0] : 1;
}

const char **cat_array_parse(struct arena *a, const char *s, size_t *n)
{
	*n = 0;
	const char **v = s ? pgfn_array_parse(a, s, n) : NULL;
	if (!v && s && s[strspn(s, " \t\n\r")] == '[') /* explicit bounds: the elements */
		v = pgfn_array_flatten(a, s, n);
	return v;
}

static void fn_array_position(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *elem = (const char *)sqlite3_value_text(argv[1]);
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char **v = cat_array_parse(a, s, &n);
	if (!v && s && pgfn_array_flatten(a, s, &n)) { /* several dimensions, as PostgreSQL */
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "searching for elements in multidimensional arrays is not supported");
		arena_free(a);
		return;
	}
	sqlite3_result_null(ctx);
	for (size_t i = 0; i < n; i++) { /* NULL finds a NULL element (IS NOT DISTINCT FROM) */
		if (elem ? v[i] && strcmp(v[i], elem) == 0 : !v[i]) {
			sqlite3_result_int64(ctx, (sqlite3_int64)i +
						  lower_bound((const char *)sqlite3_value_text(argv[0])));
			break;
		}
	}
	arena_free(a);
}

static void fn_array_to_string(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *sep = (const char *)sqlite3_value_text(argv[1]);
	const char *nulls = argc > 2 ? (const char *)sqlite3_value_text(argv[2]) : NULL;
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	const char **v = cat_array_parse(a, s, &n);
	if (!v) /* several dimensions: the elements in storage order, as PostgreSQL flattens */
		v = pgfn_array_flatten(a, s, &n);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (!v[i] && !nulls)
			continue;
		strbuf_printf(&sb, "%s%s", first ? "" : sep, v[i] ? v[i] : nulls);
		first = false;
	}
	cat_result_text(ctx, sb.data ? sb.data : "");
	strbuf_fini(&sb);
	arena_free(a);
}

/* x = ANY(array): true when an element equals x (compared as text), NULL when none does but
 * the array holds a NULL (or x is NULL), as PostgreSQL's three-valued ANY answers; false for
 * an empty array, even of a NULL x. */
static void fn_array_has(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *x = (const char *)sqlite3_value_text(argv[1]);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char **v = cat_array_parse(a, (const char *)sqlite3_value_text(argv[0]), &n);
	bool null = n > 0 && !x, found = false;
	if (!x)
		n = 0;
	for (size_t i = 0; i < n && !found; i++) {
		null |= v[i] == NULL;
		found = v[i] && strcmp(v[i], x) == 0;
	}
	if (found || !null)
		sqlite3_result_int(ctx, found);
	else
		sqlite3_result_null(ctx);
	arena_free(a);
}

/* array[i]: 1-based, but int2vector/oidvector count from 0 as in PostgreSQL; out of range or
 * NULL gives NULL. */
static void fn_array_get(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int64_t i = sqlite3_value_int64(argv[1]);
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char **v = cat_array_parse(a, s, &n);
	if (s && s[0] == '[')
		i -= lower_bound(s) - 1;
	else if (s && s[0] != '{')
		i++;
	if (sqlite3_value_type(argv[1]) != SQLITE_NULL && i >= 1 && (size_t)i <= n)
		cat_result_text(ctx, v[i - 1]);
	else
		sqlite3_result_null(ctx);
	arena_free(a);
}

/* (r).x / (r).n of a record in PostgreSQL's text form "(a,b)": its k-th field. */
static void fn_record_field(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int k = sqlite3_value_int(argv[1]);
	size_t len = s ? strlen(s) : 0;
	if (len < 2 || s[0] != '(' || s[len - 1] != ')' || k < 1) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *p = s + 1;
	for (int f = 1; f < k && p; f++) {
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	size_t n = p ? strcspn(p, ",)") : 0;
	if (p && n)
		sqlite3_result_text(ctx, p, (int)n, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

/* array_upper(a, 1): the number of elements (one-dimensional arrays), NULL when empty. */
static void fn_array_upper(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena *a = arena_new(0);
	size_t n = 0;
	cat_array_parse(a, (const char *)sqlite3_value_text(argv[0]), &n);
	if (n && sqlite3_value_int(argv[1]) == 1)
		sqlite3_result_int64(ctx, (sqlite3_int64)n);
	else
		sqlite3_result_null(ctx);
	arena_free(a);
}

/* ::int2[] and friends: an int2vector/oidvector ("1 2") becomes array text ("{1,2}"). */
static void fn_array_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s || s[0] == '{') {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	bool sep = false;
	for (const char *p = s; *p; p++) {
		if (*p == ' ') {
			sep = true;
			continue;
		}
		if (sep && sb.len > 1)
			strbuf_putc(&sb, ',');
		sep = false;
		strbuf_putc(&sb, *p);
	}
	strbuf_putc(&sb, '}');
	cat_result_text(ctx, sb.data);
	strbuf_fini(&sb);
}

/* ---- array(subquery): the rows' values as one PostgreSQL array text ---- */

static void array_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf **acc = sqlite3_aggregate_context(ctx, sizeof(*acc));
	if (!acc)
		return;
	if (!*acc) {
		*acc = base_xcalloc(1, sizeof(**acc));
		strbuf_init(*acc, 0);
		strbuf_putc(*acc, '{');
	} else {
		strbuf_putc(*acc, ',');
	}
	pgfn_array_put_elem(*acc, (const char *)sqlite3_value_text(argv[0]));
}

static void array_final(sqlite3_context *ctx)
{
	struct strbuf **acc = sqlite3_aggregate_context(ctx, 0);
	if (!acc || !*acc) {
		cat_result_text(ctx, "{}");
		return;
	}
	strbuf_putc(*acc, '}');
	cat_result_text(ctx, (*acc)->data);
	strbuf_fini(*acc);
	free(*acc);
}

bool cat_array_register(sqlite3 *db)
{
	static const struct pgfn_def fns[] = {
		{"array_position", 2, fn_array_position},
		{"array_to_string", 2, fn_array_to_string},
		{"array_to_string", 3, fn_array_to_string},
		{"array_upper", 2, fn_array_upper},
		{"pg_array_has", 2, fn_array_has},
		{"pg_array_get", 2, fn_array_get},
		{"pg_array_in", 1, fn_array_in},
		{"pg_record_field", 2, fn_record_field},
	};
	if (pgfn_define(db, fns, ARRAY_LEN(fns)) != SQLITE_OK)
		return false;
	return sqlite3_create_function_v2(db, "pg_array_agg", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					  NULL, NULL, array_step, array_final, NULL) == SQLITE_OK;
}
