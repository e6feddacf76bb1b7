/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_jsonop.c: the json/jsonb operators (-> ->> #> #>> @> <@ ? ?| ?& || - #-), jsonb_set,
 * jsonb_insert, and the aggregates json[b]_agg and json[b]_object_agg. A json operand answers
 * with the element's text exactly as it was written; a jsonb one in jsonb's canonical form. */
#include "pgfn_json.h"

#include <stdlib.h>
#include <string.h>

enum { M_TEXT = 1, M_JSONB = 2 }; /* pgfn_json_get/path mode bits */

/* The argument parsed, canonical when mode says jsonb. */
static struct jv *arg(sqlite3_context *ctx, struct arena *a, sqlite3_value *v, bool jsonb)
{
	struct jv *j = pgfn_json_arg(ctx, a, v);
	if (j && jsonb)
		pgfn_jsonb_canon(a, j);
	return j;
}

static void result_jv(sqlite3_context *ctx, const struct jv *j, int mode)
{
	if (!j || ((mode & M_TEXT) && j->type == J_NULL)) {
		sqlite3_result_null(ctx);
		return;
	}
	if ((mode & M_TEXT) && j->type == J_STRING) {
		sqlite3_result_text(ctx, j->str, (int)j->len, SQLITE_TRANSIENT);
		return;
	}
	if (!(mode & M_JSONB)) {
		sqlite3_result_text(ctx, j->src, (int)j->srclen, SQLITE_TRANSIENT);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgfn_jsonb_write(&sb, j, false);
	pgfn_result_sb(ctx, &sb, false);
}

/* Member key of an object (the last one: json keeps duplicates, the last is what counts). */
static struct jv *field(struct jv *j, const char *key, size_t klen)
{
	struct jv *found = NULL;
	for (size_t i = 0; j->type == J_OBJECT && i < j->n; i++) {
		if (j->items[i].klen == klen && memcmp(j->items[i].key, key, klen) == 0)
			found = &j->items[i];
	}
	return found;
}

/* Element i of an array, negative counting from the end; a jsonb scalar is its own [0]. */
static struct jv *element(struct jv *j, int64_t i, bool jsonb)
{
	if (j->type != J_ARRAY)
		return jsonb && j->type != J_OBJECT && (i == 0 || i == -1) ? j : NULL;
	if (i < 0)
		i += (int64_t)j->n;
	return i >= 0 && i < (int64_t)j->n ? &j->items[i] : NULL;
}

/* A path step given as text: a field, or an array index when it reads as an integer. */
static struct jv *step(struct jv *j, const char *s)
{
	if (j->type == J_OBJECT)
		return field(j, s, strlen(s));
	if (j->type != J_ARRAY)
		return NULL;
	char *end;
	long long i = strtoll(s, &end, 10);
	return *s && !*end ? element(j, i, false) : NULL;
}

/* pgfn_json_get(j, key_or_index, mode): -> and ->> */
static void fn_get(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int mode = sqlite3_value_int(argv[2]);
	struct arena *a = arena_new(0);
	struct jv *j = arg(ctx, a, argv[0], mode & M_JSONB);
	if (j) {
		size_t n;
		const char *k = pgfn_text(argv[1], &n);
		struct jv *r = sqlite3_value_type(argv[1]) == SQLITE_INTEGER
				       ? element(j, sqlite3_value_int64(argv[1]), mode & M_JSONB)
				       : field(j, k, n);
		result_jv(ctx, r, mode);
	}
	arena_free(a);
}

/* pgfn_json_path(j, text_array, mode): #> and #>> */
static void fn_path(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int mode = sqlite3_value_int(argv[2]);
	struct arena *a = arena_new(0);
	struct jv *j = arg(ctx, a, argv[0], mode & M_JSONB);
	size_t n = 0;
	const char **path = pgfn_array_parse(a, (const char *)sqlite3_value_text(argv[1]), &n);
	if (j && !path) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", sqlite3_value_text(argv[1]));
	} else if (j) {
		for (size_t i = 0; j && i < n; i++)
			j = path[i] ? step(j, path[i]) : NULL;
		result_jv(ctx, j, mode);
	}
	arena_free(a);
}

static bool scalar_eq(const struct jv *x, const struct jv *y)
{
	if (x->type != y->type)
		return false;
	if (x->type == J_STRING)
		return x->len == y->len && memcmp(x->str, y->str, x->len) == 0;
	if (x->type == J_NUMBER)
		return strtod(x->str, NULL) == strtod(y->str, NULL);
	return true;
}

/* jsonb's @>: JsonbDeepContains. */
static bool contains(const struct jv *a, const struct jv *b, bool top)
{
	if (a->type == J_OBJECT && b->type == J_OBJECT) {
		for (size_t i = 0; i < b->n; i++) {
			struct jv *m = field((struct jv *)a, b->items[i].key, b->items[i].klen);
			if (!m || !contains(m, &b->items[i], false))
				return false;
		}
		return true;
	}
	if (a->type == J_ARRAY && (b->type == J_ARRAY || (top && b->type < J_ARRAY))) {
		const struct jv *want = b->type == J_ARRAY ? b->items : b;
		size_t nwant = b->type == J_ARRAY ? b->n : 1;
		for (size_t i = 0; i < nwant; i++) {
			bool found = false;
			for (size_t k = 0; k < a->n && !found; k++)
				found = want[i].type < J_ARRAY
						? scalar_eq(&a->items[k], &want[i])
						: a->items[k].type == want[i].type &&
							  contains(&a->items[k], &want[i], false);
			if (!found)
				return false;
		}
		return true;
	}
	return a->type < J_ARRAY && scalar_eq(a, b);
}

/* pgfn_jsonb_contains(a, b): a @> b (b <@ a is the same call with the operands swapped) */
static void fn_contains(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct jv *x = arg(ctx, a, argv[0], true), *y = x ? arg(ctx, a, argv[1], true) : NULL;
	if (x && y)
		sqlite3_result_int(ctx, contains(x, y, true));
	arena_free(a);
}

static bool has_key(const struct jv *j, const char *k)
{
	size_t n = strlen(k);
	if (j->type == J_OBJECT)
		return field((struct jv *)j, k, n) != NULL;
	if (j->type == J_STRING)
		return j->len == n && memcmp(j->str, k, n) == 0;
	for (size_t i = 0; j->type == J_ARRAY && i < j->n; i++) {
		if (has_key(&j->items[i], k) && j->items[i].type == J_STRING)
			return true;
	}
	return false;
}

/* pgfn_jsonb_exists(j, key, how): ? (how 0), ?| (1: any of a text[]), ?& (2: all of it) */
static void fn_exists(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	int how = sqlite3_value_int(argv[2]);
	struct arena *a = arena_new(0);
	struct jv *j = arg(ctx, a, argv[0], true);
	const char *k = (const char *)sqlite3_value_text(argv[1]);
	size_t n = 1;
	const char **keys = how ? pgfn_array_parse(a, k, &n) : &k;
	if (j && !keys) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", k);
	} else if (j) {
		size_t hits = 0, keyed = 0;
		for (size_t i = 0; i < n; i++) {
			keyed += keys[i] != NULL;
			hits += keys[i] && has_key(j, keys[i]);
		}
		sqlite3_result_int(ctx, how == 2 ? hits == keyed : hits > 0);
	}
	arena_free(a);
}

/* Copies v's items plus room for extra more into a fresh arena array. */
static void grow(struct arena *a, struct jv *v, size_t extra)
{
	struct jv *items = arena_zalloc(a, (v->n + extra + 1) * sizeof(*items));
	if (v->n)
		memcpy(items, v->items, v->n * sizeof(*items));
	v->items = items;
}

static struct jv *as_array(struct arena *a, struct jv *v)
{
	if (v->type == J_ARRAY)
		return v;
	struct jv *arr = arena_zalloc(a, sizeof(*arr));
	arr->type = J_ARRAY;
	arr->items = v;
	arr->n = 1;
	return arr;
}

/* pgfn_jsonb_concat(a, b): a || b */
static void fn_concat(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct jv *x = arg(ctx, a, argv[0], true), *y = x ? arg(ctx, a, argv[1], true) : NULL;
	if (x && y) {
		struct jv *r;
		if (x->type == J_OBJECT && y->type == J_OBJECT) {
			r = x;
			grow(a, r, y->n);
			if (y->n) /* an empty object may have no items at all */
				memcpy(r->items + r->n, y->items, y->n * sizeof(*y->items));
			r->n += y->n;
			pgfn_jsonb_canon(a, r); /* y's keys win */
		} else {
			struct jv *ax = as_array(a, x), *ay = as_array(a, y);
			r = arena_zalloc(a, sizeof(*r));
			*r = *ax;
			grow(a, r, ay->n);
			if (ay->n)
				memcpy(r->items + r->n, ay->items, ay->n * sizeof(*ay->items));
			r->n += ay->n;
		}
		result_jv(ctx, r, M_JSONB);
	}
	arena_free(a);
}

static void remove_at(struct jv *v, size_t i)
{
	memmove(&v->items[i], &v->items[i + 1], (v->n - i - 1) * sizeof(*v->items));
	v->n--;
}

/* Removes the object keys, or the array's string elements, equal to k (n bytes). */
static void remove_key(struct jv *j, const char *k, size_t n)
{
	for (size_t i = j->n; i-- > 0;) {
		const struct jv *it = &j->items[i];
		bool hit = j->type == J_OBJECT ? it->klen == n && memcmp(it->key, k, n) == 0
					       : it->type == J_STRING && it->len == n &&
							 memcmp(it->str, k, n) == 0;
		if (hit)
			remove_at(j, i);
	}
}

/* pgfn_jsonb_delete(j, key_or_index[, 1]): j - 'key' / j - 2 / j - '{a,b}'::text[] (the third
 * argument says the second is a text array: every key in it goes). */
static void fn_delete(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, 2, argv))
		return;
	struct arena *a = arena_new(0);
	struct jv *j = arg(ctx, a, argv[0], true);
	bool keys = argc > 2 && sqlite3_value_int(argv[2]);
	bool by_index = !keys && sqlite3_value_type(argv[1]) == SQLITE_INTEGER;
	if (j && j->type != J_ARRAY && j->type != J_OBJECT) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot delete from scalar");
	} else if (j && by_index && j->type == J_OBJECT) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "cannot delete from object using integer index");
	} else if (j && by_index) {
		int64_t i = sqlite3_value_int64(argv[1]);
		i += i < 0 ? (int64_t)j->n : 0;
		if (i >= 0 && i < (int64_t)j->n)
			remove_at(j, (size_t)i);
		result_jv(ctx, j, M_JSONB);
	} else if (j && keys) {
		size_t n = 0;
		const char **v = pgfn_array_parse(a, (const char *)sqlite3_value_text(argv[1]), &n);
		for (size_t i = 0; v && i < n; i++) {
			if (v[i]) /* NULL elements delete nothing */
				remove_key(j, v[i], strlen(v[i]));
		}
		if (v)
			result_jv(ctx, j, M_JSONB);
		else
			pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
				   "malformed array literal: \"%s\"", sqlite3_value_text(argv[1]));
	} else if (j) {
		size_t n;
		const char *k = pgfn_text(argv[1], &n);
		remove_key(j, k, n);
		result_jv(ctx, j, M_JSONB);
	}
	arena_free(a);
}

/* pgfn_jsonb_delete_path(j, text_array): j #- path, the element at the path removed. */
static void fn_delete_path(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct jv *j = arg(ctx, a, argv[0], true);
	size_t n = 0;
	const char **path = pgfn_array_parse(a, (const char *)sqlite3_value_text(argv[1]), &n);
	if (j && !path) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", sqlite3_value_text(argv[1]));
	} else if (j && j->type != J_ARRAY && j->type != J_OBJECT) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot delete path in scalar");
	} else if (j) {
		struct jv *parent = j;
		for (size_t i = 0; parent && n && i + 1 < n; i++)
			parent = path[i] ? step(parent, path[i]) : NULL;
		struct jv *victim = parent && n && path[n - 1] ? step(parent, path[n - 1]) : NULL;
		if (victim && (parent->type == J_ARRAY || parent->type == J_OBJECT))
			remove_at(parent, (size_t)(victim - parent->items));
		result_jv(ctx, j, M_JSONB);
	}
	arena_free(a);
}

/* ---- jsonb_set / jsonb_insert: walk the path, change the last step's container ---- */

struct setop {
	sqlite3_context *ctx;
	struct arena *a;
	struct jv *newval;
	bool insert; /* jsonb_insert (else jsonb_set) */
	bool flag;   /* set: create_missing; insert: insert_after */
};

static bool set_in_object(struct setop *op, struct jv *obj, const char *key)
{
	struct jv *m = field(obj, key, strlen(key));
	if (m && op->insert) {
		pgfn_error(op->ctx, SQLSTATE_INVALID_PARAMETER_VALUE,
			   "cannot replace existing key");
		return false;
	}
	if (m) {
		const char *k = m->key;
		size_t kl = m->klen;
		*m = *op->newval;
		m->key = k;
		m->klen = kl;
	} else if (op->insert || op->flag) {
		grow(op->a, obj, 1);
		obj->items[obj->n] = *op->newval;
		obj->items[obj->n].key = arena_strdup(op->a, key);
		obj->items[obj->n].klen = strlen(key);
		obj->n++;
		pgfn_jsonb_canon(op->a, obj);
	}
	return true;
}

static bool set_in_array(struct setop *op, struct jv *arr, const char *idx)
{
	char *end;
	long long i = strtoll(idx, &end, 10);
	if (!*idx || *end) {
		pgfn_error(op->ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "path element at position %d is not an integer: \"%s\"", 1, idx);
		return false;
	}
	long long n = (long long)arr->n;
	if (i < 0)
		i += n;
	bool inside = i >= 0 && i < n;
	if (inside && !op->insert) {
		arr->items[i] = *op->newval;
		return true;
	}
	if (!inside && !op->insert && !op->flag)
		return true;
	long long at = i < 0 ? 0 : i > n ? n : i + (op->insert && op->flag && inside);
	grow(op->a, arr, 1);
	memmove(&arr->items[at + 1], &arr->items[at], (size_t)(n - at) * sizeof(*arr->items));
	arr->items[at] = *op->newval;
	arr->n++;
	return true;
}

static bool set_path(struct setop *op, struct jv *j, const char **path, size_t n)
{
	if (n == 0)
		return true;
	if (j->type != J_OBJECT && j->type != J_ARRAY)
		return true; /* the path leads through a scalar: nothing to change */
	if (!path[0]) {
		pgfn_error(op->ctx, "22004", "path element at position 1 is null");
		return false;
	}
	if (n == 1)
		return j->type == J_OBJECT ? set_in_object(op, j, path[0])
					   : set_in_array(op, j, path[0]);
	struct jv *next = step(j, path[0]);
	return next ? set_path(op, next, path + 1, n - 1) : true;
}

/* pgfn_jsonb_set(target, path, new, create_missing) and pgfn_jsonb_insert(target, path, new,
 * insert_after) */
static void fn_set(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	struct arena *a = arena_new(0);
	struct setop op = {ctx, a, NULL, sqlite3_user_data(ctx) != NULL,
			   sqlite3_value_int(argv[3]) != 0};
	struct jv *j = arg(ctx, a, argv[0], true);
	op.newval = j ? arg(ctx, a, argv[2], true) : NULL;
	size_t n = 0;
	const char **path = pgfn_array_parse(a, (const char *)sqlite3_value_text(argv[1]), &n);
	if (op.newval && !path) {
		pgfn_error(ctx, SQLSTATE_INVALID_TEXT_REPRESENTATION,
			   "malformed array literal: \"%s\"", sqlite3_value_text(argv[1]));
	} else if (op.newval && j->type != J_OBJECT && j->type != J_ARRAY) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "cannot set path in scalar");
	} else if (op.newval && set_path(&op, j, path, n)) {
		result_jv(ctx, j, M_JSONB);
	}
	arena_free(a);
}

/* ---- aggregates: the elements gathered as json text, closed (and canonicalized) at the end */

struct agg {
	struct strbuf sb;
	size_t count;
};

static struct agg *agg_ctx(sqlite3_context *ctx, bool create)
{
	struct agg **p = sqlite3_aggregate_context(ctx, create ? sizeof(*p) : 0);
	if (p && !*p && create) {
		*p = base_xcalloc(1, sizeof(**p));
		strbuf_init(&(*p)->sb, 0);
	}
	return p ? *p : NULL;
}

/* The type tag of argument i among those tags describes, one character each ('.': none). */
static char tag_at(sqlite3_value *tags, size_t i)
{
	const char *s = (const char *)sqlite3_value_text(tags);
	return s && strlen(s) > i ? s[i] : '.';
}

/* pgfn_json_agg(v, tag) and pgfn_jsonb_agg */
static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct agg *g = agg_ctx(ctx, true);
	if (!g)
		return;
	char tag = tag_at(argv[1], 0);
	strbuf_puts(&g->sb, g->count++ ? ", " : "[");
	/* json_agg sets arrays and rows (tag R: a row's json) apart on their own lines */
	if (g->count > 1 && strchr("ABJPQSR", tag) && sqlite3_value_type(argv[0]) != SQLITE_NULL)
		strbuf_puts(&g->sb, "\n ");
	pgfn_json_put_value(&g->sb, tag == 'R' ? 'j' : tag, argv[0]);
}

/* pgfn_json_object_agg(k, v, tag) and pgfn_jsonb_object_agg: json writes { "k" : v, ... } */
static void obj_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct agg *g = agg_ctx(ctx, true);
	if (!g)
		return;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "field name must not be null");
		return;
	}
	size_t n;
	const char *k = pgfn_text(argv[0], &n);
	strbuf_puts(&g->sb, g->count++ ? ", " : "{ ");
	pgfn_json_escape(&g->sb, k, n);
	strbuf_puts(&g->sb, " : ");
	pgfn_json_put_value(&g->sb, tag_at(argv[2], 1), argv[1]); /* tags: key, value */
}

static void agg_final(sqlite3_context *ctx)
{
	struct agg *g = agg_ctx(ctx, false);
	bool jsonb = (uintptr_t)sqlite3_user_data(ctx) & 1,
	     obj = (uintptr_t)sqlite3_user_data(ctx) & 2;
	if (!g) {
		sqlite3_result_null(ctx);
		return;
	}
	strbuf_puts(&g->sb, obj ? " }" : "]");
	struct arena *a = arena_new(0);
	const char *state, *err;
	struct jv *j = jsonb ? pgfn_json_parse(a, g->sb.data, g->sb.len, &state, &err) : NULL;
	if (j) {
		pgfn_jsonb_canon(a, j); /* copies what still points into g->sb */
		strbuf_reset(&g->sb);
		pgfn_jsonb_write(&g->sb, j, false);
	}
	if (jsonb && !j)
		pgfn_error(ctx, state, "%s", err);
	else
		pgfn_result_sb(ctx, &g->sb, false);
	strbuf_fini(&g->sb);
	free(g);
	arena_free(a);
}

int pgfn_register_jsonop(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {
		{"pgfn_json_get", 3, fn_get},
		{"pgfn_json_path", 3, fn_path},
		{"pgfn_jsonb_contains", 2, fn_contains},
		{"pgfn_jsonb_exists", 3, fn_exists},
		{"pgfn_jsonb_concat", 2, fn_concat},
		{"pgfn_jsonb_delete", 2, fn_delete},
		{"pgfn_jsonb_delete", 3, fn_delete},
		{"pgfn_jsonb_delete_path", 2, fn_delete_path},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = pgfn_define(db, defs, ARRAY_LEN(defs));
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_jsonb_set", 4, flags, NULL, fn_set, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_jsonb_insert", 4, flags, (void *)db, fn_set,
					     NULL, NULL);
	static const struct {
		const char *name;
		int nargs;
		uintptr_t kind; /* 1: jsonb, 2: object */
	} aggs[] = {
		{"pgfn_json_agg", 2, 0},
		{"pgfn_jsonb_agg", 2, 1},
		{"pgfn_json_object_agg", 3, 2},
		{"pgfn_jsonb_object_agg", 3, 3},
	};
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(aggs); i++)
		rc = sqlite3_create_function(db, aggs[i].name, aggs[i].nargs,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, (void *)aggs[i].kind,
					     NULL, aggs[i].kind & 2 ? obj_step : agg_step,
					     agg_final);
	return rc;
}
