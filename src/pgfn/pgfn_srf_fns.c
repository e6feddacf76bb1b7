/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_srf_fns.c: PostgreSQL's set-returning functions as rows of the SRF engine's table
 * (pgfn_srf.c): pgfn_unnest[_<type>](a0, ..., a7) (multi-argument unnest: the arrays side by
 * side, the shorter ones padded with NULLs), pgfn_json[b]_elements[_text](j, mode),
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
			continue; /* a NULL array is an empty one */
		items[i] = pgfn_array_parse(s->a, t, &n[i]);
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
				     kind == J_EACH	  ? "a non-object"
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

/* Arrays of one element type get their columns declared with it (what the session reports);
 * mixed ones do not. */
#define UNNEST(suffix, t)                                                                    \
	{"pgfn_unnest" suffix,                                                               \
	 "v0 " t ", v1 " t ", v2 " t ", v3 " t ", v4 " t ", v5 " t ", v6 " t ", v7 " t,      \
	 UNNEST_MAX, UNNEST_MAX, start_unnest, NULL, NULL}

/* One module per result type: the declared column type is what the session reports. */
static const struct pgfn_srf_def defs[] = {
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

int pgfn_register_srf(sqlite3 *db) { return pgfn_srf_define(db, defs, ARRAY_LEN(defs), NULL); }
