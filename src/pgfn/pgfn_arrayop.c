/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_arrayop.c: x op ANY/ALL (array) for =, <>, <, <=, >, >=, LIKE, ILIKE and their
 * negations with PostgreSQL's three-valued result, width_bucket(x, thresholds), and the
 * ordered aggregates — array_agg, string_agg, json[b]_agg with ORDER BY inside the call, which SQLite 3.40 cannot express:
 * rows are kept and sorted when the group ends. Also the collations pgfn_array_num and
 * pgfn_array_text that order arrays in their text form as PostgreSQL's array_cmp does. */
#include "pgfn_int.h"
#include "pgfn_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- comparisons ---- */

static bool parse_num(const char *s, double *d)
{
	char *end;
	if (!*s)
		return false;
	*d = strtod(s, &end);
	return *end == '\0';
}

/* x against element e (array text): numerically when x is a number (booleans read t/f), else
 * bytewise, PostgreSQL's C collation. */
static int cmp_elem(sqlite3_value *x, const char *e)
{
	int st = sqlite3_value_type(x);
	double d;
	if (st == SQLITE_INTEGER || st == SQLITE_FLOAT) {
		double xv = sqlite3_value_double(x);
		if (!parse_num(e, &d))
			d = strcmp(e, "t") == 0 || strcmp(e, "true") == 0 ? 1.0 : 0.0;
		return xv < d ? -1 : xv > d;
	}
	const char *s = (const char *)sqlite3_value_text(x);
	int c = strcmp(s ? s : "", e);
	return c < 0 ? -1 : c > 0;
}

/* An interval x against element e as interval_cmp compares them (a month as 30 days, a day
 * as 24 hours); a text that is no interval bytewise. */
static int cmp_interval(sqlite3_value *x, const char *e)
{
	struct pgtype_interval a, b;
	struct pgerr err;
	const char *s = (const char *)sqlite3_value_text(x);
	if (s && pgtype_interval_in(s, strlen(s), &a, &err) &&
	    pgtype_interval_in(e, strlen(e), &b, &err))
		return pgfn_dt_interval_cmp(&a, &b);
	return cmp_elem(x, e);
}

/* ILIKE's operands: ASCII letters lower-cased, as lower() does for ILIKE elsewhere. */
static char *fold(struct arena *a, const char *s)
{
	char *f = arena_strdup(a, s);
	for (char *q = f; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q + 32);
	return f;
}

/* x LIKE e (ILIKE: ci), PostgreSQL's default escape the backslash: 1, 0, or -2 for 22025. */
static int like(struct arena *a, const char *s, const char *e, bool ci)
{
	if (ci) {
		s = fold(a, s);
		e = fold(a, e);
	}
	enum pgfn_like r = pgfn_like_match(s, strlen(s), e, strlen(e), "\\", 1, false);
	return r == PGFN_LIKE_BAD_ESCAPE ? -2 : r == PGFN_LIKE_TRUE;
}

/* 1 true, 0 false, -1 NULL, -2 a LIKE pattern ending in its escape */
static int compare(struct arena *a, sqlite3_value *x, const char *e, const char *op)
{
	if (!e || sqlite3_value_type(x) == SQLITE_NULL)
		return -1;
	if (strstr(op, "LIKE")) {
		const char *s = (const char *)sqlite3_value_text(x);
		int m = like(a, s ? s : "", e, strstr(op, "ILIKE") != NULL);
		return m < 0 || strncmp(op, "NOT ", 4) != 0 ? m : !m;
	}
	bool iv = op[0] == 'i'; /* i=, i<, ...: of intervals */
	int c = iv ? cmp_interval(x, e) : cmp_elem(x, e);
	op += iv;
	switch (op[0]) {
	case '=':
		return c == 0;
	case '<':
		return op[1] == '>' ? c != 0 : op[1] == '=' ? c <= 0 : c < 0;
	case '>':
		return op[1] == '=' ? c >= 0 : c > 0;
	default:
		return c != 0; /* != */
	}
}

/* pgfn_array_cmp(x, array, op, all): x op ANY (all = 0) or ALL (1) of the array; op i=,
 * i<, ... compares intervals. */
static void fn_array_cmp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *op = (const char *)sqlite3_value_text(argv[2]);
	bool all = sqlite3_value_int(argv[3]) != 0;
	struct arena *a = arena_new(0);
	size_t n;
	const char *s = (const char *)sqlite3_value_text(argv[1]);
	const char **items = pgfn_array_flatten(a, s, &n); /* any dimensions, bounds */
	if (!items) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", s);
	} else {
		bool saw_null = false;
		int result = all ? 1 : 0;
		for (size_t i = 0; i < n && result == (all ? 1 : 0); i++) {
			int r = compare(a, argv[0], items[i], op ? op : "=");
			if (r == -2) {
				pgfn_like_bad_escape(ctx);
				goto out;
			}
			if (r < 0)
				saw_null = true;
			else if (r != all)
				result = r;
		}
		if (result == (all ? 1 : 0) && saw_null)
			sqlite3_result_null(ctx);
		else
			sqlite3_result_int(ctx, result);
	}
out:
	arena_free(a);
}

/* pgfn_width_bucket_array(x, thresholds, numeric): the number of thresholds at or below x, by
 * width_bucket_array's binary search (which assumes them sorted, and answers for unsorted
 * ones as it does); numbers compared as numbers when numeric is 1 (a numeric's decimal text
 * included), else texts bytewise. */
static void fn_width_bucket_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	bool numeric = sqlite3_value_int(argv[2]) != 0;
	struct arena *a = arena_new(0);
	struct pgfn_md md;
	if (!pgfn_array_md_arg(ctx, a, argv[1], &md))
		goto out;
	if (md.ndims > 1) {
		pgfn_error(ctx, "2202E", "thresholds must be one-dimensional array");
		goto out;
	}
	for (size_t i = 0; i < md.n; i++) {
		if (!md.items[i]) {
			pgfn_error(ctx, "22004", "thresholds array must not contain NULLs");
			goto out;
		}
	}
	double x = numeric ? pgfn_float_arg(argv[0]) : 0, d;
	const char *xs = numeric ? NULL : (const char *)sqlite3_value_text(argv[0]);
	size_t left = 0, right = md.n;
	while (left < right) {
		size_t mid = (left + right) / 2;
		int c = numeric ? (parse_num(md.items[mid], &d) ? (x < d ? -1 : x > d) : -1)
				: strcmp(xs ? xs : "", md.items[mid]);
		if (c < 0)
			right = mid;
		else
			left = mid + 1;
	}
	sqlite3_result_int64(ctx, (sqlite3_int64)left);
out:
	arena_free(a);
}

/* ---- ordered aggregates ----
 * pgfn_ordered_agg(values..., keys..., kind, flags): kind is "array:T", "json:T", "jsonb:T"
 * (one value, T its type letter; json R: a row's json, set apart on its own line) or "string"
 * (value and separator); flags has two letters per
 * sort key: a/d (j/J: a jsonb key, in jsonb's btree order), then f/l for NULLS FIRST/LAST, then a D for DISTINCT: a row whose values
 * equal the last one written is left out (the keys sort equal values next to each other). */

struct orows {
	sqlite3_value **v; /* n rows of width values */
	size_t n, cap;
	int width, nkeys;
	char kind[16], flags[64]; /* constants of the call, taken from its first row */
};

static void ord_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct orows *o = sqlite3_aggregate_context(ctx, sizeof(*o));
	if (!o)
		return;
	const char *kind = (const char *)sqlite3_value_text(argv[argc - 2]);
	int nvals = kind && strcmp(kind, "string") == 0 ? 2 : 1;
	if (!o->width) {
		const char *flags = (const char *)sqlite3_value_text(argv[argc - 1]);
		o->width = argc - 2;
		o->nkeys = argc - 2 - nvals;
		snprintf(o->kind, sizeof(o->kind), "%s", kind ? kind : "array:?");
		snprintf(o->flags, sizeof(o->flags), "%s", flags ? flags : "");
		if (strlen(o->flags) < 2 * (size_t)o->nkeys) {
			pgfn_error(ctx, SQLSTATE_INTERNAL_ERROR, "ordered aggregate: bad flags");
			return;
		}
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->v = base_xrealloc(o->v, o->cap * (size_t)o->width * sizeof(*o->v));
	}
	for (int i = 0; i < o->width; i++)
		o->v[o->n * (size_t)o->width + (size_t)i] = sqlite3_value_dup(argv[i]);
	o->n++;
}

struct sortctx {
	const struct orows *o;
	const char *flags;
};

int pgfn_value_cmp(sqlite3_value *x, sqlite3_value *y)
{
	int tx = sqlite3_value_type(x), ty = sqlite3_value_type(y);
	bool nx = tx == SQLITE_INTEGER || tx == SQLITE_FLOAT,
	     ny = ty == SQLITE_INTEGER || ty == SQLITE_FLOAT;
	if (nx && ny) {
		if (tx == SQLITE_INTEGER && ty == SQLITE_INTEGER) {
			sqlite3_int64 a = sqlite3_value_int64(x), b = sqlite3_value_int64(y);
			return a < b ? -1 : a > b;
		}
		double a = sqlite3_value_double(x), b = sqlite3_value_double(y);
		return a < b ? -1 : a > b;
	}
	if (nx != ny)
		return nx ? -1 : 1;
	int n1 = sqlite3_value_bytes(x), n2 = sqlite3_value_bytes(y);
	const void *p1 = sqlite3_value_blob(x), *p2 = sqlite3_value_blob(y);
	int c = memcmp(p1 ? p1 : "", p2 ? p2 : "", (size_t)(n1 < n2 ? n1 : n2));
	return c ? c : n1 < n2 ? -1 : n1 > n2;
}

int pgfn_sortkey_cmp(sqlite3_value *x, sqlite3_value *y, const char flags[2])
{
	char dir = flags[0];
	bool desc = dir == 'd' || dir == 'J', nulls_first = flags[1] == 'f';
	bool xn = sqlite3_value_type(x) == SQLITE_NULL, yn = sqlite3_value_type(y) == SQLITE_NULL;
	return xn && yn ? 0
	       : xn     ? (nulls_first ? -1 : 1)
	       : yn     ? (nulls_first ? 1 : -1)
	       : dir == 'j' || dir == 'J' ? (desc ? -1 : 1) * pgfn_jsonb_value_cmp(x, y)
	       : desc   ? -pgfn_value_cmp(x, y)
			: pgfn_value_cmp(x, y);
}

static int cmp_rows(const void *a, const void *b, void *arg)
{
	const struct sortctx *sc = arg;
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
	int w = sc->o->width, first = w - sc->o->nkeys;
	for (int k = 0; k < sc->o->nkeys; k++) {
		sqlite3_value *x = sc->o->v[ra * (size_t)w + (size_t)(first + k)];
		sqlite3_value *y = sc->o->v[rb * (size_t)w + (size_t)(first + k)];
		int c = pgfn_sortkey_cmp(x, y, sc->flags + 2 * k);
		if (c)
			return c;
	}
	return ra < rb ? -1 : ra > rb; /* input order breaks ties */
}

bool pgfn_values_same(sqlite3_value **x, sqlite3_value **y, int n)
{
	for (int i = 0; i < n; i++) {
		bool xn = sqlite3_value_type(x[i]) == SQLITE_NULL,
		     yn = sqlite3_value_type(y[i]) == SQLITE_NULL;
		if (xn != yn || (!xn && pgfn_value_cmp(x[i], y[i]) != 0))
			return false;
	}
	return true;
}

/* Writes the sorted rows as the aggregate's result. */
static void ord_result(sqlite3_context *ctx, const struct orows *o, const size_t *idx,
		       const char *kind)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	bool string = strcmp(kind, "string") == 0, json = strncmp(kind, "json", 4) == 0;
	bool distinct = o->flags[2 * o->nkeys] == 'D';
	char tag = strchr(kind, ':') ? strchr(kind, ':')[1] : '.';
	size_t written = 0;
	sqlite3_value **last = NULL;
	strbuf_puts(&sb, string ? "" : json ? "[" : "{");
	for (size_t i = 0; i < o->n; i++) {
		sqlite3_value **row = &o->v[idx[i] * (size_t)o->width];
		if (string && sqlite3_value_type(row[0]) == SQLITE_NULL)
			continue;
		if (distinct && last && pgfn_values_same(last, row, o->width - o->nkeys))
			continue;
		last = row;
		if (written++) {
			size_t n;
			const char *sep = string ? pgfn_text(row[1], &n) : json ? ", " : ",";
			strbuf_append(&sb, sep, string ? n : strlen(sep));
		}
		if (json && written > 1 && strchr("ABJPQSR", tag) &&
		    sqlite3_value_type(row[0]) != SQLITE_NULL)
			strbuf_puts(&sb, "\n "); /* as json_agg sets arrays and rows apart */
		if (string)
			strbuf_puts(&sb, (const char *)sqlite3_value_text(row[0]));
		else if (json) /* R: a row's json */
			pgfn_json_put_value(&sb, tag == 'R' ? 'j' : tag, row[0]);
		else
			pgfn_array_put_value(&sb, tag, row[0]);
	}
	strbuf_puts(&sb, string ? "" : json ? "]" : "}");
	if (!written) {
		strbuf_fini(&sb);
		sqlite3_result_null(ctx);
		return;
	}
	if (strncmp(kind, "jsonb", 5) != 0) {
		pgfn_result_sb(ctx, &sb, false);
		return;
	}
	struct arena *a = arena_new(0);
	const char *state, *err;
	struct jv *j = pgfn_json_parse(a, sb.data, sb.len, &state, &err);
	if (j)
		pgfn_jsonb_canon(a, j);
	strbuf_reset(&sb);
	if (j)
		pgfn_jsonb_write(&sb, j, false);
	pgfn_result_sb(ctx, &sb, false);
	arena_free(a);
}

static void ord_final(sqlite3_context *ctx)
{
	struct orows *o = sqlite3_aggregate_context(ctx, 0);
	if (!o || !o->n) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t *idx = base_xmalloc(o->n * sizeof(*idx));
	for (size_t i = 0; i < o->n; i++)
		idx[i] = i;
	struct sortctx sc = {o, o->flags};
	qsort_r(idx, o->n, sizeof(*idx), cmp_rows, &sc);
	ord_result(ctx, o, idx, o->kind);
	free(idx);
	for (size_t i = 0; i < o->n * (size_t)o->width; i++)
		sqlite3_value_free(o->v[i]);
	free(o->v);
}

/* One element of each side: numbers by value (exactly, as numeric), texts byte by byte (the C
 * collation); a NULL element after every value. */
static int elem_cmp(const char *x, const char *y, bool num, struct pgfn_num *v)
{
	if (!x || !y)
		return !x && !y ? 0 : x ? -1 : 1;
	if (num) {
		bool okx = pgfn_num_parse(x, strlen(x), v),
		     oky = pgfn_num_parse(y, strlen(y), v + 1);
		if (okx && oky)
			return pgfn_num_cmp(v, v + 1);
		if (okx != oky)
			return okx ? -1 : 1;
	}
	return strcmp(x, y);
}

/* PostgreSQL's array_cmp over the texts: element by element, then the shorter array first.
 * Text that is no array compares as text. User data non-NULL: numeric elements. */
static int collate_array(void *user, int na, const void *a, int nb, const void *b)
{
	struct arena *ar = arena_new(0);
	char *sa = arena_strndup(ar, a, (size_t)na), *sb = arena_strndup(ar, b, (size_t)nb);
	size_t n = 0, m = 0;
	const char **x = pgfn_array_parse(ar, sa, &n),
		   **y = x ? pgfn_array_parse(ar, sb, &m) : NULL;
	int r = 0;
	if (!x || !y) {
		r = memcmp(a, b, (size_t)(na < nb ? na : nb));
		r = r ? r : na - nb;
	} else {
		struct pgfn_num *v = user ? base_xmalloc(2 * sizeof(*v)) : NULL;
		for (size_t i = 0; i < n && i < m && r == 0; i++)
			r = elem_cmp(x[i], y[i], user != NULL, v);
		free(v);
		if (r == 0)
			r = n < m ? -1 : n > m;
	}
	arena_free(ar);
	return r;
}

int pgfn_register_arrayop(sqlite3 *db)
{
	static int numeric = 1;
	int rc0 = sqlite3_create_collation(db, "pgfn_array_num", SQLITE_UTF8, &numeric,
					   collate_array);
	if (rc0 == SQLITE_OK)
		rc0 = sqlite3_create_collation(db, "pgfn_array_text", SQLITE_UTF8, NULL,
					       collate_array);
	if (rc0 != SQLITE_OK)
		return rc0;
	int rc = sqlite3_create_function(db, "pgfn_array_cmp", 4,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					 NULL, fn_array_cmp, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_width_bucket_array", 3,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     NULL, fn_width_bucket_array, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_ordered_agg", -1,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, NULL, ord_step,
					     ord_final);
	return rc;
}
