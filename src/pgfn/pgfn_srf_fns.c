/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_srf_fns.c: PostgreSQL's set-returning functions as rows of the SRF engine's table
 * (pgfn_srf.c): pgfn_series[_int4|_int8|_numeric](start, stop[, step]) (generate_series),
 * pgfn_unnest[_<type>](a0, ..., a7) (multi-argument unnest: the arrays side by side, the
 * shorter ones padded with NULLs), pgfn_json[b]_elements[_text](j, mode),
 * pgfn_json[b]_each[_text](j, mode) and pgfn_json_keys(j, mode).
 * mode: 0 json (elements as written), 1 jsonb (canonical), 2 jsonb's text (as ->> answers),
 * 3 json's text. */
#include "pgfn_json.h"

#include <stdio.h>
#include <string.h>

#define UNNEST_MAX 8

/* Every element a canonical integer ("12", "-3"; not "007" or "1.5"): int2vector, int[]. */
static bool all_integers(const char **items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *e = items[i];
		if (!e)
			continue;
		const char *d = e + (*e == '-');
		size_t len = strlen(d);
		if (!len || len > 18 || (d[0] == '0' && len > 1) || strspn(d, "0123456789") != len)
			return false;
	}
	return true;
}

static bool start_unnest(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	const char **items[UNNEST_MAX] = {0};
	size_t n[UNNEST_MAX] = {0};
	for (int i = 0; i < UNNEST_MAX; i++) {
		const char *t = args[i] ? (const char *)sqlite3_value_text(args[i]) : NULL;
		if (!t)
			continue;                              /* a NULL array is an empty one */
		items[i] = pgfn_array_flatten(s->a, t, &n[i]); /* any number of dimensions */
		if (!items[i])
			return pgfn_srf_fail(s, SQLSTATE_INVALID_TEXT_REPRESENTATION,
					     "malformed array literal");
		if (n[i] > s->nrows)
			s->nrows = n[i];
		if (all_integers(items[i], n[i])) /* compare as numbers, as PostgreSQL's would */
			s->int_cols |= 1u << i;
	}
	s->cells = arena_zalloc(s->a, (s->nrows * UNNEST_MAX + 1) * sizeof(*s->cells));
	for (int i = 0; i < UNNEST_MAX; i++)
		for (size_t r = 0; r < n[i]; r++)
			s->cells[r * UNNEST_MAX + (size_t)i] = items[i][r];
	return true;
}

/* The text a JSON value becomes in a column of the given mode. */
static const char *json_cell(struct arena *a, const struct jv *v, int mode)
{
	bool text = mode >= 2;
	if (text && v->type == J_NULL)
		return NULL;
	if (text && v->type == J_STRING)
		return arena_strndup(a, v->str, v->len);
	if (mode == 0 || mode == 3)
		return arena_strndup(a, v->src, v->srclen);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_jsonb_write(&sb, v, false);
	const char *out = arena_strndup(a, sb.data ? sb.data : "", sb.len);
	strbuf_fini(&sb);
	return out;
}

enum json_kind { J_ELEMENTS, J_EACH, J_KEYS };

/* The parsed JSON argument, or NULL (s->err set when it was not JSON; unset when it was
 * SQL NULL, which yields no rows). */
static struct jv *json_arg(struct pgfn_srf_scan *s, sqlite3_value **args, int *mode)
{
	if (!args[0] || sqlite3_value_type(args[0]) == SQLITE_NULL)
		return NULL;
	*mode = args[1] ? sqlite3_value_int(args[1]) : 1;
	size_t len;
	const char *t = pgfn_text(args[0], &len), *state = NULL, *err = NULL;
	struct jv *j = pgfn_json_parse(s->a, t, len, &state, &err);
	if (!j) {
		pgfn_srf_fail(s, state, "%s", err);
		return NULL;
	}
	if (*mode == 1 || *mode == 2)
		pgfn_jsonb_canon(s->a, j);
	return j;
}

static bool json_kind_fits(struct pgfn_srf_scan *s, enum json_kind kind, const struct jv *j)
{
	if (kind == J_ELEMENTS && j->type != J_ARRAY)
		return pgfn_srf_fail(s, SQLSTATE_INVALID_PARAMETER_VALUE,
				     "cannot extract elements from %s",
				     j->type == J_OBJECT ? "an object" : "a scalar");
	if (kind != J_ELEMENTS && j->type != J_OBJECT)
		return pgfn_srf_fail(s, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot call %s on %s",
				     kind == J_EACH ? "jsonb_each" : "jsonb_object_keys",
				     kind == J_EACH       ? "a non-object"
				     : j->type == J_ARRAY ? "an array"
							  : "a scalar");
	return true;
}

static bool start_json(struct pgfn_srf_scan *s, sqlite3_value **args, enum json_kind kind)
{
	int mode = 1;
	struct jv *j = json_arg(s, args, &mode);
	if (!j)
		return s->err == NULL;
	if (!json_kind_fits(s, kind, j))
		return false;
	size_t w = kind == J_EACH ? 2 : 1;
	s->nrows = j->n;
	s->cells = arena_zalloc(s->a, (j->n * w + 1) * sizeof(*s->cells));
	for (size_t r = 0; r < j->n; r++) {
		const struct jv *it = &j->items[r];
		if (kind != J_ELEMENTS)
			s->cells[r * w] = arena_strndup(s->a, it->key, it->klen);
		if (kind != J_KEYS)
			s->cells[r * w + w - 1] = json_cell(s->a, it, mode);
	}
	return true;
}

static bool start_elements(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	return start_json(s, args, J_ELEMENTS);
}

static bool start_each(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	return start_json(s, args, J_EACH);
}

static bool start_keys(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	return start_json(s, args, J_KEYS);
}

/* ---- generate_series ---- */

/* Integers, generated row by row: g[0] the current value, g[1] the stop, g[2] the step. */
bool pgfn_srf_series_start(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	if (!args[0] && !args[1] && !args[2])
		return pgfn_srf_fail(s, NULL, "generate_series needs its arguments");
	for (int i = 0; i < 3; i++) {
		if ((i < 2 && !args[i]) ||
		    (args[i] && sqlite3_value_type(args[i]) == SQLITE_NULL)) {
			s->eof = true;
			return true;
		}
	}
	s->g[0] = sqlite3_value_int64(args[0]);
	s->g[1] = sqlite3_value_int64(args[1]);
	s->g[2] = args[2] ? sqlite3_value_int64(args[2]) : 1;
	if (s->g[2] == 0)
		return pgfn_srf_fail(s, SQLSTATE_INVALID_PARAMETER_VALUE,
				     "step size cannot equal zero");
	s->eof = s->g[2] > 0 ? s->g[0] > s->g[1] : s->g[0] < s->g[1];
	return true;
}

bool pgfn_srf_series_next(struct pgfn_srf_scan *s)
{
	/* stop before the next value would leave int64, as PostgreSQL's does */
	if (__builtin_add_overflow(s->g[0], s->g[2], &s->g[0]))
		s->eof = true;
	else
		s->eof = s->g[2] > 0 ? s->g[0] > s->g[1] : s->g[0] < s->g[1];
	return true;
}

void pgfn_srf_series_column(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col)
{
	(void)col;
	sqlite3_result_int64(ctx, s->g[0]);
}

/* A decimal argument as an integer count of 10^-scale units; false when it is not a plain
 * decimal or does not fit in 18 digits. */
static bool decimal_arg(sqlite3_value *v, int64_t *units, int *scale)
{
	const char *t = (const char *)sqlite3_value_text(v);
	if (!t)
		return false;
	bool neg = *t == '-';
	t += neg || *t == '+';
	int64_t u = 0;
	int digits = 0, sc = -1;
	for (; *t; t++) {
		if (*t == '.' && sc < 0) {
			sc = 0;
			continue;
		}
		if (*t < '0' || *t > '9' || ++digits > 18)
			return false;
		u = u * 10 + (*t - '0');
		sc += sc >= 0;
	}
	*units = neg ? -u : u;
	*scale = sc < 0 ? 0 : sc;
	return digits > 0;
}

static int64_t pow10i(int n)
{
	int64_t p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

/* Numerics as exact decimals: every argument scaled to the largest scale S; g[0..2] as for
 * integers, g[3] packs S and the display scales of the first row (start's) and of the
 * others (start + step's, the larger of the two), as PostgreSQL's numeric addition gives. */
static bool start_numeric_series(struct pgfn_srf_scan *s, sqlite3_value **args)
{
	int64_t u[3] = {0, 0, 1};
	int sc[3] = {0, 0, 0}, big = 0;
	for (int i = 0; i < 3; i++) {
		if ((i < 2 && !args[i]) ||
		    (args[i] && sqlite3_value_type(args[i]) == SQLITE_NULL)) {
			s->eof = true;
			return true;
		}
		if (args[i] && !decimal_arg(args[i], &u[i], &sc[i]))
			return pgfn_srf_fail(s, SQLSTATE_FEATURE_NOT_SUPPORTED,
					     "generate_series over numeric values of more than 18 "
					     "digits, NaN or infinity is not supported");
		big = sc[i] > big ? sc[i] : big;
	}
	for (int i = 0; i < 3; i++)
		if (__builtin_mul_overflow(u[i], pow10i(big - sc[i]), &s->g[i]) ||
		    s->g[i] > 999999999999999999 || s->g[i] < -999999999999999999)
			return pgfn_srf_fail(s, SQLSTATE_FEATURE_NOT_SUPPORTED,
					     "generate_series over numeric values of more than 18 "
					     "digits is not supported");
	if (s->g[2] == 0)
		return pgfn_srf_fail(s, SQLSTATE_INVALID_PARAMETER_VALUE,
				     "step size cannot equal zero");
	s->g[3] = big | sc[0] << 8 | (sc[2] > sc[0] ? sc[2] : sc[0]) << 16;
	s->eof = s->g[2] > 0 ? s->g[0] > s->g[1] : s->g[0] < s->g[1];
	return true;
}

static void column_numeric_series(struct pgfn_srf_scan *s, sqlite3_context *ctx, int col)
{
	(void)col;
	int big = (int)(s->g[3] & 0xff);
	int disp = (int)(s->pos == 0 ? (s->g[3] >> 8) & 0xff : (s->g[3] >> 16) & 0xff);
	int64_t v = s->g[0] / pow10i(big - disp), p = pow10i(disp);
	uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
	char buf[320];
	if (disp == 0)
		snprintf(buf, sizeof(buf), "%s%llu", v < 0 ? "-" : "", (unsigned long long)a);
	else
		snprintf(buf, sizeof(buf), "%s%llu.%0*llu", v < 0 ? "-" : "",
			 (unsigned long long)(a / (uint64_t)p), disp,
			 (unsigned long long)(a % (uint64_t)p));
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* Arrays of one element type get their columns declared with it (what the session reports);
 * mixed ones do not. */
#define UNNEST(suffix, t)                                                                   \
	{                                                                                   \
		"pgfn_unnest" suffix,                                                       \
			"v0 " t ", v1 " t ", v2 " t ", v3 " t ", v4 " t ", v5 " t ", v6 " t \
			", v7 " t,                                                          \
			UNNEST_MAX, UNNEST_MAX, start_unnest, NULL, NULL                    \
	}

/* One module per result type: the declared column type is what the session reports. */
static const struct pgfn_srf_def defs[] = {
	{"pgfn_series", "value", 1, 3, pgfn_srf_series_start, pgfn_srf_series_next,
	 pgfn_srf_series_column},
	{"pgfn_series_int4", "value int4", 1, 3, pgfn_srf_series_start, pgfn_srf_series_next,
	 pgfn_srf_series_column},
	{"pgfn_series_int8", "value int8", 1, 3, pgfn_srf_series_start, pgfn_srf_series_next,
	 pgfn_srf_series_column},
	{"pgfn_series_numeric", "value numeric", 1, 3, start_numeric_series, pgfn_srf_series_next,
	 column_numeric_series},
	UNNEST("", ""),
	UNNEST("_int2", "int2"),
	UNNEST("_int4", "int4"),
	UNNEST("_int8", "int8"),
	UNNEST("_text", "text"),
	UNNEST("_numeric", "numeric"),
	UNNEST("_float8", "float8"),
	{"pgfn_json_elements", "value json", 1, 2, start_elements, NULL, NULL},
	{"pgfn_jsonb_elements", "value jsonb", 1, 2, start_elements, NULL, NULL},
	{"pgfn_json_elements_text", "value text", 1, 2, start_elements, NULL, NULL},
	{"pgfn_json_each", "key text, value json", 2, 2, start_each, NULL, NULL},
	{"pgfn_jsonb_each", "key text, value jsonb", 2, 2, start_each, NULL, NULL},
	{"pgfn_json_each_text", "key text, value text", 2, 2, start_each, NULL, NULL},
	{"pgfn_json_keys", "key text", 1, 2, start_keys, NULL, NULL},
};

/* pgfn_json_elems_array(j, mode): the elements of JSON array j as an array of them (mode as
 * json_cell's: 0 json[], 1 jsonb[], 2 and 3 text[] of jsonb's and json's _text rows), which the
 * select list's json[b]_array_elements[_text] unnest (xlat_catalog_srf.c); NULL stays NULL. */
static void fn_elems_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int mode = sqlite3_value_int(argv[1]);
	size_t len;
	const char *t = pgfn_text(argv[0], &len), *state = NULL, *err = NULL;
	struct arena *a = arena_new(0);
	struct jv *j = pgfn_json_parse(a, t, len, &state, &err);
	if (j && (mode == 1 || mode == 2))
		pgfn_jsonb_canon(a, j);
	if (!j) {
		pgfn_error(ctx, state, "%s", err);
	} else if (j->type != J_ARRAY) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot extract elements from %s",
			   j->type == J_OBJECT ? "an object" : "a scalar");
	} else {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		for (size_t i = 0; i < j->n; i++) {
			strbuf_puts(&sb, i ? "," : "");
			pgfn_array_put_elem(&sb, json_cell(a, &j->items[i], mode));
		}
		strbuf_putc(&sb, '}');
		pgfn_result_sb(ctx, &sb, false);
	}
	arena_free(a);
}

int pgfn_register_srf(sqlite3 *db)
{
	int rc = pgfn_srf_define(db, defs, ARRAY_LEN(defs), NULL);
	return rc == SQLITE_OK ? sqlite3_create_function(db, "pgfn_json_elems_array", 2,
							 SQLITE_UTF8 | SQLITE_DETERMINISTIC |
								 SQLITE_INNOCUOUS,
							 NULL, fn_elems_array, NULL, NULL)
			       : rc;
}
