/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_array.c: one-dimensional arrays in PostgreSQL's text form {a,b}, the form drivers send
 * and the form shardlite stores: parsing and element quoting as array_in/array_out do, the
 * ARRAY[...] constructor, array_agg, and array_length, cardinality, array_append/prepend/cat,
 * string_to_array. Comparisons with ANY/ALL are in pgfn_arrayop.c. */
#include "pgfn_int.h"
#include "pgtype.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* One element at *p (quoted or bare, blanks around a bare one trimmed); NULL for NULL. */
const char *pgfn_array_element(struct arena *a, const char **p)
{
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, "", 0);
	const char *s = *p;
	while (is_blank(*s))
		s++;
	bool quoted = *s == '"';
	if (quoted) {
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\' && s[1])
				s++;
			strbuf_putc(&sb, *s);
		}
		s += *s ? 1 : 0;
		while (is_blank(*s))
			s++;
	} else {
		for (; *s && *s != ',' && *s != '}'; s++) {
			if (*s == '\\' && s[1])
				s++;
			strbuf_putc(&sb, *s);
		}
		while (sb.len && is_blank(sb.data[sb.len - 1]))
			sb.data[--sb.len] = '\0';
	}
	*p = s;
	bool null = !quoted && strcasecmp(sb.data ? sb.data : "", "NULL") == 0;
	const char *out = null ? NULL : arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* An int2vector/oidvector ("1 2 3"), which PostgreSQL also treats as an array. */
static const char **vector_parse(struct arena *a, const char *s, size_t *n)
{
	size_t cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == ' ';
	const char **v = arena_alloc(a, cap * sizeof(*v));
	while (*s) {
		size_t len = strcspn(s, " ");
		if (len)
			v[(*n)++] = arena_strndup(a, s, len);
		s += len + (s[len] == ' ');
	}
	return v;
}

const char **pgfn_array_parse(struct arena *a, const char *s, size_t *n)
{
	*n = 0;
	if (s && s[0] != '{' && s[strspn(s, "0123456789- ")] == '\0')
		return vector_parse(a, s, n);
	while (s && is_blank(*s))
		s++;
	if (!s || *s != '{')
		return NULL;
	size_t cap = 8;
	const char **v = arena_alloc(a, cap * sizeof(*v));
	const char *p = s + 1;
	while (is_blank(*p))
		p++;
	if (*p == '}')
		return v;
	for (;;) {
		if (*p == '{')
			return NULL; /* a nested array: not one-dimensional */
		if (*n == cap) {
			const char **nv = arena_alloc(a, cap * 2 * sizeof(*nv));
			memcpy(nv, v, cap * sizeof(*nv));
			v = nv;
			cap *= 2;
		}
		v[(*n)++] = pgfn_array_element(a, &p);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p != '}')
			return NULL;
		p++;
		while (is_blank(*p))
			p++;
		return *p ? NULL : v;
	}
}

static bool needs_quotes(const char *s)
{
	if (!*s || strcasecmp(s, "NULL") == 0)
		return true;
	for (; *s; s++) {
		if (strchr("{},\"\\", *s) || is_blank(*s))
			return true;
	}
	return false;
}

void pgfn_array_put_elem(struct strbuf *sb, const char *elem)
{
	if (!elem) {
		strbuf_puts(sb, "NULL");
		return;
	}
	if (!needs_quotes(elem)) {
		strbuf_puts(sb, elem);
		return;
	}
	strbuf_putc(sb, '"');
	for (; *elem; elem++) {
		if (*elem == '"' || *elem == '\\')
			strbuf_putc(sb, '\\');
		strbuf_putc(sb, *elem);
	}
	strbuf_putc(sb, '"');
}

/* ---- values into elements ---- */

/* Appends v as an element of an array whose element type the tag letter names (the letters of
 * pgfn_json_put_value: b bool, f float, x bytea, m money's cents, anything else as SQLite
 * prints it). */
void pgfn_array_put_value(struct strbuf *sb, char tag, sqlite3_value *v)
{
	struct strbuf t;
	if (sqlite3_value_type(v) == SQLITE_NULL) {
		pgfn_array_put_elem(sb, NULL);
		return;
	}
	strbuf_init(&t, 0);
	pgfn_array_value_text(&t, tag, v);
	pgfn_array_put_elem(sb, t.data ? t.data : "");
	strbuf_fini(&t);
}

void pgfn_array_value_text(struct strbuf *t, char tag, sqlite3_value *v)
{
	int st = sqlite3_value_type(v);
	strbuf_append(t, "", 0);
	if (tag == 'b' && st != SQLITE_TEXT) {
		strbuf_puts(t, sqlite3_value_int64(v) ? "t" : "f");
	} else if (tag == 'm' && st == SQLITE_INTEGER) {
		pgtype_money_format(t, sqlite3_value_int64(v));
	} else if ((tag == 'f' || st == SQLITE_FLOAT) && st != SQLITE_TEXT) {
		pgtype_format_float8(t, sqlite3_value_double(v));
	} else if (st == SQLITE_BLOB) {
		const unsigned char *p = sqlite3_value_blob(v);
		strbuf_puts(t, "\\x");
		for (int i = 0; i < sqlite3_value_bytes(v); i++)
			strbuf_printf(t, "%02x", p[i]);
	} else {
		size_t n;
		const char *s = pgfn_text(v, &n);
		strbuf_append(t, s, n);
	}
}

const char *pgfn_array_elem_text(struct arena *a, sqlite3_value *v, char tag)
{
	if (sqlite3_value_type(v) == SQLITE_NULL)
		return NULL;
	struct strbuf t;
	strbuf_init(&t, 0);
	pgfn_array_value_text(&t, tag, v);
	const char *out = arena_strndup(a, t.data ? t.data : "", t.len);
	strbuf_fini(&t);
	return out;
}

static char tag_at(sqlite3_value *tags, int i)
{
	size_t n;
	const char *s = pgfn_text(tags, &n);
	return i >= 0 && (size_t)i < n ? s[i] : '.';
}

/* pgfn_array(v1, ..., vn, tags): ARRAY[v1, ..., vn] */
static void fn_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct strbuf sb;
	sqlite3_value *tags = argv[--argc];
	strbuf_init(&sb, 0);
	strbuf_putc(&sb, '{');
	for (int i = 0; i < argc; i++) {
		if (i)
			strbuf_putc(&sb, ',');
		pgfn_array_put_value(&sb, tag_at(tags, i), argv[i]);
	}
	strbuf_putc(&sb, '}');
	pgfn_result_sb(ctx, &sb, false);
}

/* pgfn_array_agg(v, tag): the values in input order; NULL for no rows. */
static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
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
	pgfn_array_put_value(*acc, tag_at(argv[1], 0), argv[0]);
}

static void agg_final(sqlite3_context *ctx)
{
	struct strbuf **acc = sqlite3_aggregate_context(ctx, 0);
	if (!acc || !*acc) {
		sqlite3_result_null(ctx);
		return;
	}
	strbuf_putc(*acc, '}');
	pgfn_result_sb(ctx, *acc, false);
	free(*acc);
}

/* Parses an array argument; NULL (after raising 22P02) when it is not an array text. */
static const char **array_arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v, size_t *n)
{
	const char *s = (const char *)sqlite3_value_text(v);
	const char **items = pgfn_array_parse(a, s ? s : "", n);
	if (!items && s && s[strspn(s, " \t\n\r")] == '[')
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "this array function on an array with explicit bounds is not supported");
	else if (!items)
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", s ? s : "");
	return items;
}

/* pgfn_array_dim(a, dim, what): array_length (what 0), array_lower (1), array_upper (2) of
 * dimension dim; cardinality (3); array_ndims (4). NULL where PostgreSQL answers NULL. */
static void fn_array_dim(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	size_t n;
	int64_t dim = sqlite3_value_int64(argv[1]);
	int what = sqlite3_value_int(argv[2]);
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!pgfn_array_parse(a, s ? s : "", &n)) { /* not one-dimensional (or no array) */
		(void)pgfn_array_md_dim(ctx, argv[0], dim, what);
	} else if (array_arg(ctx, a, argv[0], &n)) {
		if (what == 3)
			sqlite3_result_int64(ctx, (sqlite3_int64)n);
		else if (n == 0 || (what != 4 && dim != 1))
			sqlite3_result_null(ctx);
		else
			sqlite3_result_int64(ctx, what == 0 || what == 2 ? (sqlite3_int64)n : 1);
	}
	arena_free(a);
}

static void put_items(struct strbuf *sb, const char **items, size_t n, bool comma)
{
	for (size_t i = 0; i < n; i++) {
		if (comma || i)
			strbuf_putc(sb, ',');
		pgfn_array_put_elem(sb, items[i]);
	}
}

/* pgfn_array_append(a, v, tag) / pgfn_array_prepend(v, a, tag) (user data set): a NULL
 * array is an empty one. */
static void fn_append(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	bool prepend = sqlite3_user_data(ctx) != NULL;
	sqlite3_value *arr = argv[prepend ? 1 : 0], *v = argv[prepend ? 0 : 1];
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char **items = sqlite3_value_type(arr) == SQLITE_NULL ? arena_alloc(a, sizeof(*items))
								    : array_arg(ctx, a, arr, &n);
	if (items) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		if (prepend)
			pgfn_array_put_value(&sb, tag_at(argv[2], 0), v);
		put_items(&sb, items, n, prepend);
		if (!prepend) {
			if (n)
				strbuf_putc(&sb, ',');
			pgfn_array_put_value(&sb, tag_at(argv[2], 0), v);
		}
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* Whether some element of a equals e (as text, the form arrays hold them in); NULLs equal
 * nothing, as in PostgreSQL's array_contain_compare. */
static bool has_item(const char *const *a, size_t n, const char *e)
{
	for (size_t i = 0; e && i < n; i++) {
		if (a[i] && strcmp(a[i], e) == 0)
			return true;
	}
	return false;
}

/* pgfn_array_contains(a, b, overlap): a @> b (every element of b is in a), or with overlap
 * a && b (some element is in both); dimensions do not matter, as in PostgreSQL. */
static void fn_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	bool overlap = sqlite3_value_int(argv[2]) != 0;
	struct arena *a = arena_new(0);
	struct pgfn_md l, r;
	const char *why = NULL;
	const char *ls = (const char *)sqlite3_value_text(argv[0]);
	const char *rs = (const char *)sqlite3_value_text(argv[1]);
	if (!pgfn_array_parse_md(a, ls ? ls : "", &l, &why) ||
	    !pgfn_array_parse_md(a, rs ? rs : "", &r, &why)) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", why ? why : "");
		arena_free(a);
		return;
	}
	bool all = true, some = false;
	for (size_t i = 0; i < r.n; i++) {
		bool in = has_item(l.items, l.n, r.items[i]);
		all = all && in;
		some = some || in;
	}
	sqlite3_result_int(ctx, overlap ? some : all);
	arena_free(a);
	(void)argc;
}

/* pgfn_array_remove(a, v): a without the elements equal to v (compared as text, the form the
 * array holds them in; v NULL removes the NULLs). PostgreSQL refuses multidimensional
 * arrays too. */
static void fn_remove(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (s && s[0] == '{' && s[1] == '{') {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "removing elements from multidimensional arrays is not supported");
		return;
	}
	const char *v = (const char *)sqlite3_value_text(argv[1]);
	struct arena *a = arena_new(0);
	size_t n = 0;
	const char **items = array_arg(ctx, a, argv[0], &n);
	if (items) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		size_t kept = 0;
		for (size_t i = 0; i < n; i++) {
			if (v ? items[i] && strcmp(items[i], v) == 0 : !items[i])
				continue;
			put_items(&sb, &items[i], 1, kept++ > 0);
		}
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* array_cat of arrays of several dimensions (x, y parsed, one of them of more than one):
 * as PostgreSQL's array_cat, along the first dimension — two arrays of the same number of
 * dimensions whose inner ones match, or one of a dimension fewer as an element of the other;
 * anything else is 2202E. False after raising it. */
static bool cat_md(sqlite3_context *ctx, const struct pgfn_md *x, const struct pgfn_md *y,
		   struct strbuf *sb)
{
	if (x->ndims == 0 || y->ndims == 0) {
		pgfn_array_put_md(sb, x->ndims ? x : y);
		return true;
	}
	const struct pgfn_md *big = x->ndims >= y->ndims ? x : y, *small = big == x ? y : x;
	int skip = x->ndims == y->ndims ? 1 : 0; /* inner dimensions compared from here */
	bool ok = big->ndims - small->ndims == 1 - skip;
	for (int d = 1; ok && d < big->ndims; d++)
		ok = big->dims[d] == small->dims[d - 1 + skip];
	if (!ok) {
		pgfn_error(ctx, "2202E", "cannot concatenate incompatible arrays");
		return false;
	}
	struct pgfn_md r = *big;
	r.dims[0] = x->ndims == y->ndims ? x->dims[0] + y->dims[0] : big->dims[0] + 1;
	r.lb[0] = 1;
	r.n = x->n + y->n;
	r.items = base_xcalloc(r.n + 1, sizeof(*r.items));
	memcpy(r.items, x->items, x->n * sizeof(*r.items));
	memcpy(r.items + x->n, y->items, y->n * sizeof(*r.items));
	pgfn_array_put_md(sb, &r);
	free(r.items);
	return true;
}

/* pgfn_array_cat(a, b): NULL operands count as empty; both NULL is NULL. */
static void fn_cat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	bool na = sqlite3_value_type(argv[0]) == SQLITE_NULL,
	     nb = sqlite3_value_type(argv[1]) == SQLITE_NULL;
	if (na || nb) {
		sqlite3_result_value(ctx, na ? argv[1] : argv[0]);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgfn_md mx, my;
	const char *why = NULL;
	const char *tx = (const char *)sqlite3_value_text(argv[0]),
		   *ty = (const char *)sqlite3_value_text(argv[1]);
	if (tx && ty && pgfn_array_parse_md(a, tx, &mx, &why) &&
	    pgfn_array_parse_md(a, ty, &my, &why) && !mx.bounded && !my.bounded &&
	    (mx.ndims > 1 || my.ndims > 1)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		if (cat_md(ctx, &mx, &my, &sb))
			pgfn_result_sb(ctx, &sb, false);
		else
			strbuf_fini(&sb);
		arena_free(a);
		return;
	}
	size_t n1, n2;
	const char **x = array_arg(ctx, a, argv[0], &n1);
	const char **y = x ? array_arg(ctx, a, argv[1], &n2) : NULL;
	if (y) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		put_items(&sb, x, n1, false);
		put_items(&sb, y, n2, n1 > 0);
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

/* string_to_array(s, delim [, null_string]): a NULL delimiter splits into characters, an
 * empty one gives the whole string; an empty s gives {}. */
static void fn_string_to_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 1, argv))
		return;
	size_t n, dn = 0, nn = 0;
	const char *s = pgfn_text(argv[0], &n);
	bool chars = sqlite3_value_type(argv[1]) == SQLITE_NULL;
	const char *d = chars ? "" : pgfn_text(argv[1], &dn);
	const char *null = argc > 2 && sqlite3_value_type(argv[2]) != SQLITE_NULL
				   ? pgfn_text(argv[2], &nn)
				   : NULL;
	struct strbuf sb, el;
	strbuf_init(&sb, 0);
	strbuf_init(&el, 0);
	strbuf_putc(&sb, '{');
	for (size_t i = 0; i < n;) {
		const char *end = chars ? s + i + pgfn_utf8_len((unsigned char)s[i])
				  : dn  ? strstr(s + i, d)
					: NULL;
		size_t len = end ? (size_t)(end - (s + i)) : n - i;
		if (len > n - i)
			len = n - i;
		strbuf_reset(&el);
		strbuf_append(&el, s + i, len);
		if (i)
			strbuf_putc(&sb, ',');
		bool is_null = null && len == nn && memcmp(s + i, null, nn) == 0;
		pgfn_array_put_elem(&sb, is_null ? NULL : el.data ? el.data : "");
		i += len + (chars ? 0 : dn);
		if (!chars && end && i == n) { /* a trailing delimiter leaves an empty last field */
			strbuf_putc(&sb, ',');
			pgfn_array_put_elem(&sb, "");
		}
	}
	strbuf_putc(&sb, '}');
	strbuf_fini(&el);
	pgfn_result_sb(ctx, &sb, false);
}

/* The elements of a bit(n)[] or bit varying(n)[] (typmod n) checked against n as an assignment
 * checks them (22026, 22001): s itself, or NULL after raising the error. */
static const char *fit_bits(sqlite3_context *ctx, struct arena *a, const char *s, uint32_t elem,
			    int64_t typmod)
{
	struct pgfn_md md;
	const char *why = NULL;
	struct pgerr err;
	pgerr_clear(&err);
	if (typmod <= 0 || typmod > INT32_MAX || !pgfn_array_parse_md(a, s, &md, &why))
		return s;
	for (size_t i = 0; i < md.n; i++) {
		if (md.items[i] && !pgtype_bit_length_ok(strlen(md.items[i]), (int32_t)typmod,
							 elem == PGTYPE_VARBIT, &err)) {
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
			return NULL;
		}
	}
	return s;
}

/* The elements of array text s (not NULL) fitted to varchar(n)/char(n)'s length n (typmod - 4),
 * as their input functions fit a value: blanks past n are cut, anything else past it is 22001.
 * Returns s itself, or its text rebuilt when something was cut; NULL after raising the error. */
static const char *fit_length(sqlite3_context *ctx, struct arena *a, const char *s, uint32_t elem,
			      int64_t typmod)
{
	if (elem == PGTYPE_BIT || elem == PGTYPE_VARBIT)
		return fit_bits(ctx, a, s, elem, typmod);
	struct pgfn_md md;
	const char *why = NULL;
	int64_t max = typmod - 4;
	if (max < 0 || !pgfn_array_parse_md(a, s, &md, &why))
		return s;
	bool cut = false;
	for (size_t i = 0; i < md.n; i++) {
		const char *e = md.items[i];
		size_t len = e ? strlen(e) : 0, at = 0;
		int64_t chars = 0;
		while (at < len && chars < max)
			at += pgfn_utf8_clen(e + at, len - at), chars++;
		if (at >= len)
			continue;
		if (strspn(e + at, " ") != len - at) {
			pgfn_error(ctx, SQLSTATE_STRING_DATA_RIGHT_TRUNCATION,
				   "value too long for type %s(%lld)",
				   elem == PGTYPE_BPCHAR ? "character" : "character varying",
				   (long long)max);
			return NULL;
		}
		md.items[i] = arena_strndup(a, e, at);
		cut = true;
	}
	if (!cut)
		return s;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_array_put_md(&sb, &md);
	const char *out = arena_strndup(a, sb.data ? sb.data : "{}", sb.len);
	strbuf_fini(&sb);
	return out;
}

/* pgfn_array_in(x, elem[, typmod]): the array text x stored as PostgreSQL prints it once
 * array_in has read it as an array of type elem ({a,b} for '{"a","b"}'), checked
 * (pgtype_array_canon); with varchar(n)'s or char(n)'s typmod, each element fitted to n (with
 * bit(n)'s or varbit(n)'s, checked against n). */
static void fn_array_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n;
	const char *s = pgfn_text(argv[0], &n);
	struct arena *a = arena_new(0);
	struct pgtype_value v;
	struct pgerr err;
	pgerr_clear(&err);
	struct pgtype_dtenv env = pgfn_dt_env(ctx); /* date/time elements: the session's zone */
	uint32_t elem = (uint32_t)sqlite3_value_int64(argv[1]);
	const struct pgtype_info *ei = pgtype_by_oid(elem);
	if ((ei && ei->array_oid && !pgtype_dt_client_text(ei->array_oid, s, n, &err)) ||
	    !pgtype_array_canon_env(elem, s, n, &env, a, &v, &err)) {
		if (err.detail[0]) /* array_in's: what it found wrong */
			pgfn_error_detail(ctx, err.sqlstate, err.detail, "%s", err.message);
		else
			pgfn_error(ctx, err.sqlstate, "%s", err.message);
	} else if (argc == 3) { /* varchar(n)[], char(n)[]: each element fitted to n */
		const char *t = fit_length(ctx, a, arena_strndup(a, v.p, v.n), elem,
					   sqlite3_value_int64(argv[2]));
		if (t)
			sqlite3_result_text(ctx, t, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_result_text64(ctx, v.p, v.n, SQLITE_TRANSIENT, SQLITE_UTF8);
	}
	arena_free(a);
}

int pgfn_register_array(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_array", -1, fn_array},
		{"pgfn_array_dim", 3, fn_array_dim},
		{"pgfn_array_cat", 2, fn_cat},
		{"pgfn_array_remove", 2, fn_remove},
		{"pgfn_array_contains", 3, fn_contains},
		{"pgfn_string_to_array", 2, fn_string_to_array},
		{"pgfn_string_to_array", 3, fn_string_to_array},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = pgfn_define(db, defs, ARRAY_LEN(defs));
	if (rc == SQLITE_OK) /* reads date/time elements in the session's zone (c) */
		rc = sqlite3_create_function(db, "pgfn_array_in", 2, flags, c, fn_array_in, NULL,
					     NULL);
	if (rc == SQLITE_OK) /* with the element's typmod: varchar(n)[], char(n)[] */
		rc = sqlite3_create_function(db, "pgfn_array_in", 3, flags, c, fn_array_in, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_array_append", 3, flags, NULL, fn_append,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_array_prepend", 3, flags, (void *)db,
					     fn_append, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_array_agg", 2,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, NULL, agg_step,
					     agg_final);
	return rc == SQLITE_OK ? pgfn_register_arrayop(db) : rc;
}
