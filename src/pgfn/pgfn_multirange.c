/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_multirange.c: the functions, operators and aggregates of the built-in multirange types
 * (functions-range.html of PostgreSQL 15, multirangetypes.c) over their stored canonical text
 * (pgtype_multirange.c): input in the session's zone, the constructors, lower/upper and the
 * bound tests, @> <@ && + * - between multiranges, ranges and elements, range_agg and
 * range_intersect_agg, and the collations (pgfn_int4multirange, ...) that order the text as
 * multirange_cmp does. */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

/* What each pgfn_multirange_<name> computes. */
enum mr_op {
	MR_LOWER,
	MR_UPPER,
	MR_ISEMPTY,
	MR_LOWER_INC,
	MR_UPPER_INC,
	MR_LOWER_INF,
	MR_UPPER_INF,
	MR_MERGE,
	MR_CONTAINS,
	MR_CONTAINED,
	MR_OVERLAPS,
	MR_BEFORE,
	MR_AFTER,
	MR_OVERLEFT,
	MR_OVERRIGHT,
	MR_ADJACENT,
	MR_UNION,
	MR_INTERSECT,
	MR_MINUS,
};

static void raise(sqlite3_context *ctx, const struct pgerr *err)
{
	pgfn_error(ctx, err->sqlstate, "%s", err->message);
}

static bool any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	}
	return false;
}

/* v, of type oid (a multirange, or a range: a multirange of it, none when empty), into m. */
static bool arg_mr(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid,
		   const struct pgtype_dtenv *env, struct arena *a, struct pgtype_multirange *m)
{
	struct pgerr err;
	pgerr_clear(&err);
	const char *s = (const char *)sqlite3_value_text(v);
	size_t n = (size_t)sqlite3_value_bytes(v);
	if (pgtype_multirange_range(oid)) {
		if (pgtype_multirange_in(oid, s ? s : "", n, env, a, m, &err))
			return true;
		raise(ctx, &err);
		return false;
	}
	struct pgtype_range *r = arena_alloc(a, sizeof(*r));
	if (!pgtype_range_in(oid, s ? s : "", n, env, a, r, &err)) {
		raise(ctx, &err);
		return false;
	}
	*m = (struct pgtype_multirange){
		.oid = pgtype_range_multirange(oid), .n = r->empty ? 0 : 1, .r = r};
	return true;
}

static void result_mr(sqlite3_context *ctx, struct pgtype_multirange *m)
{
	pgtype_multirange_normalize(m);
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_multirange_out(&sb, m);
	sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* A bound's value as its subtype is stored (integers as integers), NULL when infinite. */
static void result_bound(sqlite3_context *ctx, uint32_t st, const struct pgtype_rbound *b)
{
	if (b->infinite)
		sqlite3_result_null(ctx);
	else if (st == PGTYPE_INT4 || st == PGTYPE_INT8)
		sqlite3_result_int64(ctx, strtoll(b->val, NULL, 10));
	else
		sqlite3_result_text(ctx, b->val, -1, SQLITE_TRANSIENT);
}

static void one(sqlite3_context *ctx, enum mr_op op, const struct pgtype_multirange *m)
{
	uint32_t st = pgtype_range_subtype(pgtype_multirange_range(m->oid));
	const struct pgtype_range *first = m->n ? &m->r[0] : NULL,
				  *last = m->n ? &m->r[m->n - 1] : NULL;
	switch (op) {
	case MR_LOWER:
	case MR_UPPER:
		if (!m->n)
			sqlite3_result_null(ctx);
		else
			result_bound(ctx, st, op == MR_LOWER ? &first->lo : &last->hi);
		return;
	case MR_ISEMPTY:
		sqlite3_result_int(ctx, m->n == 0);
		return;
	case MR_LOWER_INC:
		sqlite3_result_int(ctx, first && first->lo.inclusive);
		return;
	case MR_UPPER_INC:
		sqlite3_result_int(ctx, last && last->hi.inclusive);
		return;
	case MR_LOWER_INF:
		sqlite3_result_int(ctx, first && first->lo.infinite);
		return;
	case MR_UPPER_INF:
		sqlite3_result_int(ctx, last && last->hi.infinite);
		return;
	case MR_MERGE: { /* range_merge(mr): from its lowest bound to its highest */
		struct pgtype_range r = {.oid = pgtype_multirange_range(m->oid), .empty = !m->n};
		if (m->n) {
			r.lo = first->lo;
			r.hi = last->hi;
		}
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_range_out(&sb, &r);
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
		strbuf_fini(&sb);
		return;
	}
	default:
		return;
	}
}

/* Whether every range of b lies inside a range of a (a normalized: one range must hold it). */
static bool mr_contains(uint32_t st, const struct pgtype_multirange *a,
			const struct pgtype_multirange *b)
{
	for (size_t j = 0; j < b->n; j++) {
		bool in = false;
		for (size_t i = 0; i < a->n && !in; i++)
			in = pgfn_rng_contains(st, &a->r[i], &b->r[j]);
		if (!in)
			return false;
	}
	return true;
}

static bool mr_overlaps(uint32_t st, const struct pgtype_multirange *a,
			const struct pgtype_multirange *b)
{
	for (size_t i = 0; i < a->n; i++) {
		for (size_t j = 0; j < b->n; j++) {
			if (pgfn_rng_overlaps(st, &a->r[i], &b->r[j]))
				return true;
		}
	}
	return false;
}

static void put(struct pgtype_multirange *m, size_t *cap, struct arena *a,
		const struct pgtype_range *r)
{
	if (m->n == *cap) {
		size_t more = *cap ? 2 * *cap : 8;
		struct pgtype_range *v = arena_alloc(a, more * sizeof(*v));
		if (m->n)
			memcpy(v, m->r, m->n * sizeof(*v));
		m->r = v;
		*cap = more;
	}
	m->r[m->n++] = *r;
}

/* The intersection of two overlapping ranges. */
static struct pgtype_range meet(uint32_t st, const struct pgtype_range *x,
				const struct pgtype_range *y)
{
	struct pgtype_range r = *x;
	if (pgtype_rbound_cmp(st, &y->lo, &r.lo) > 0)
		r.lo = y->lo;
	if (pgtype_rbound_cmp(st, &y->hi, &r.hi) < 0)
		r.hi = y->hi;
	return r;
}

static void mr_intersect(uint32_t st, const struct pgtype_multirange *a,
			 const struct pgtype_multirange *b, struct arena *ar,
			 struct pgtype_multirange *out)
{
	size_t cap = 0;
	*out = (struct pgtype_multirange){.oid = a->oid};
	for (size_t i = 0; i < a->n; i++) {
		for (size_t j = 0; j < b->n; j++) {
			if (!pgfn_rng_overlaps(st, &a->r[i], &b->r[j]))
				continue;
			struct pgtype_range r = meet(st, &a->r[i], &b->r[j]);
			put(out, &cap, ar, &r);
		}
	}
}

/* a - b: each range of a with the ranges of b cut out of it (a cut in the middle leaves two
 * pieces; a and b normalized, so the pieces stay in order). */
static void mr_minus(uint32_t st, const struct pgtype_multirange *a,
		     const struct pgtype_multirange *b, struct arena *ar,
		     struct pgtype_multirange *out)
{
	size_t cap = 0;
	*out = (struct pgtype_multirange){.oid = a->oid};
	for (size_t i = 0; i < a->n; i++) {
		struct pgtype_range cur = a->r[i];
		bool left = true;
		for (size_t j = 0; j < b->n && left; j++) {
			const struct pgtype_range *y = &b->r[j];
			if (!pgfn_rng_overlaps(st, &cur, y))
				continue;
			if (pgtype_rbound_cmp(st, &cur.lo, &y->lo) < 0) {
				struct pgtype_range piece = cur;
				piece.hi = y->lo;
				piece.hi.lower = false;
				piece.hi.inclusive = !y->lo.inclusive;
				put(out, &cap, ar, &piece);
			}
			if (pgtype_rbound_cmp(st, &cur.hi, &y->hi) > 0) {
				cur.lo = y->hi;
				cur.lo.lower = true;
				cur.lo.inclusive = !y->hi.inclusive;
			} else {
				left = false;
			}
		}
		if (left)
			put(out, &cap, ar, &cur);
	}
	/* discrete pieces take their canonical [) form again */
	for (size_t k = 0; k < out->n; k++) {
		struct pgerr err;
		if (!pgtype_range_make(&out->r[k], ar, &err))
			out->r[k].empty = true;
	}
}

/* The range from a's lowest bound to its highest (a not empty). */
static struct pgtype_range span(const struct pgtype_multirange *a)
{
	struct pgtype_range r = a->r[0];
	r.hi = a->r[a->n - 1].hi;
	return r;
}

/* << >> &< &> -|-: as the ranges from each one's lowest bound to its highest, as
 * multirangetypes.c compares them; false when either is empty. */
static bool by_span(uint32_t st, enum mr_op op, const struct pgtype_multirange *x,
		    const struct pgtype_multirange *y)
{
	if (!x->n || !y->n)
		return false;
	struct pgtype_range a = span(x), b = span(y);
	switch (op) {
	case MR_BEFORE:
		return pgtype_rbound_cmp(st, &a.hi, &b.lo) < 0;
	case MR_AFTER:
		return pgtype_rbound_cmp(st, &a.lo, &b.hi) > 0;
	case MR_OVERLEFT:
		return pgtype_rbound_cmp(st, &a.hi, &b.hi) <= 0;
	case MR_OVERRIGHT:
		return pgtype_rbound_cmp(st, &a.lo, &b.lo) >= 0;
	default:
		return pgfn_rng_adjacent(st, &a, &b);
	}
}

static void two(sqlite3_context *ctx, enum mr_op op, struct pgtype_multirange *x,
		struct pgtype_multirange *y, struct arena *a)
{
	uint32_t st = pgtype_range_subtype(pgtype_multirange_range(x->oid));
	struct pgtype_multirange r;
	switch (op) {
	case MR_BEFORE:
	case MR_AFTER:
	case MR_OVERLEFT:
	case MR_OVERRIGHT:
	case MR_ADJACENT:
		sqlite3_result_int(ctx, by_span(st, op, x, y));
		return;
	case MR_CONTAINS:
		sqlite3_result_int(ctx, mr_contains(st, x, y));
		return;
	case MR_CONTAINED:
		sqlite3_result_int(ctx, mr_contains(st, y, x));
		return;
	case MR_OVERLAPS:
		sqlite3_result_int(ctx, mr_overlaps(st, x, y));
		return;
	case MR_UNION: {
		size_t cap = 0;
		r = (struct pgtype_multirange){.oid = x->oid};
		for (size_t i = 0; i < x->n; i++)
			put(&r, &cap, a, &x->r[i]);
		for (size_t i = 0; i < y->n; i++)
			put(&r, &cap, a, &y->r[i]);
		result_mr(ctx, &r);
		return;
	}
	case MR_INTERSECT:
		mr_intersect(st, x, y, a, &r);
		result_mr(ctx, &r);
		return;
	case MR_MINUS:
		mr_minus(st, x, y, a, &r);
		result_mr(ctx, &r);
		return;
	default:
		return;
	}
}

/* x @> element: one of its ranges holds it; element <@ x likewise. */
static void has(sqlite3_context *ctx, const struct pgtype_multirange *x, sqlite3_value *elem,
		struct arena *a)
{
	uint32_t st = pgtype_range_subtype(pgtype_multirange_range(x->oid));
	const char *val;
	if (!pgfn_rng_elem(ctx, elem, st, a, &val))
		return;
	bool in = false;
	for (size_t i = 0; i < x->n && !in; i++)
		in = pgfn_rng_has(&x->r[i], val);
	sqlite3_result_int(ctx, in);
}

/* pgfn_multirange_has(mr, element, oid): mr @> element; pgfn_multirange_elem_in(element, mr,
 * oid): element <@ mr. Strict; the element read in the session's zone. */
static void fn_has(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (any_null(3, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_multirange x;
	if (arg_mr(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[2]), NULL, a, &x))
		has(ctx, &x, argv[1], a);
	arena_free(a);
}

static void fn_elem_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (any_null(3, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_multirange x;
	if (arg_mr(ctx, argv[1], (uint32_t)sqlite3_value_int64(argv[2]), NULL, a, &x))
		has(ctx, &x, argv[0], a);
	arena_free(a);
}

/* pgfn_multirange_<op>(a[, b], a_oid[, b_oid]): strict. A one-argument function takes a
 * multirange; an operator a multirange or a range on either side. */
static void fn_mr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum mr_op op = (enum mr_op)(intptr_t)sqlite3_user_data(ctx);
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_multirange x, y;
	if (argc == 2) {
		if (arg_mr(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[1]), NULL, a, &x))
			one(ctx, op, &x);
		arena_free(a);
		return;
	}
	uint32_t lo = (uint32_t)sqlite3_value_int64(argv[2]);
	uint32_t ro = (uint32_t)sqlite3_value_int64(argv[3]);
	if (arg_mr(ctx, argv[0], lo, NULL, a, &x) && arg_mr(ctx, argv[1], ro, NULL, a, &y))
		two(ctx, op, &x, &y, a);
	arena_free(a);
}

/* shardlite_multirange(text, oid): multirange_in in the session's zone and DateStyle. */
static void fn_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct pgtype_dtenv env = pgfn_dt_env(ctx);
	struct arena *a = arena_new(0);
	struct pgtype_multirange m;
	struct pgerr err;
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[1]);
	if (!pgtype_dt_client_text(oid, (const char *)sqlite3_value_text(argv[0]),
				   (size_t)sqlite3_value_bytes(argv[0]), &err))
		pgfn_error(ctx, err.sqlstate, "%s", err.message); /* text in: no stored form */
	else if (arg_mr(ctx, argv[0], oid, &env, a, &m))
		result_mr(ctx, &m);
	arena_free(a);
}

/* pgfn_multirange_text(mr, oid): mr::text of a date/time multirange, in the session's zone
 * and DateStyle. */
static void fn_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_multirange m;
	if (arg_mr(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[1]), NULL, a, &m)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_multirange_out_styled(&sb, &m, pgfn_dt_zone(ctx),
					     &pgfn_dt_session(ctx)->datestyle);
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
		strbuf_fini(&sb);
	}
	arena_free(a);
}

/* pgfn_multirange_array(mr, oid): its ranges as an array of its range type's (stored) text,
 * which unnest(mr) unnests. */
static void fn_array(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_multirange m;
	if (arg_mr(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[1]), NULL, a, &m)) {
		struct strbuf sb, one;
		strbuf_init(&sb, 0);
		strbuf_putc(&sb, '{');
		for (size_t i = 0; i < m.n; i++) {
			strbuf_init(&one, 0);
			pgtype_range_out(&one, &m.r[i]);
			strbuf_puts(&sb, i ? "," : "");
			pgfn_array_put_elem(&sb, one.data ? one.data : "");
			strbuf_fini(&one);
		}
		strbuf_putc(&sb, '}');
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
		strbuf_fini(&sb);
	}
	arena_free(a);
}

/* pgfn_multirange_make(oid[, range, ...]): int4multirange() and its siblings; one range is
 * multirange(r) (strict), more are the VARIADIC constructor, which refuses a NULL member. */
static void fn_make(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	uint32_t rt = pgtype_multirange_range(oid);
	if (argc == 2 && sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_multirange m = {.oid = oid};
	size_t cap = 0;
	bool ok = true;
	for (int i = 1; ok && i < argc; i++) {
		struct pgtype_multirange one;
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			pgfn_error(ctx, "22004", "multirange values cannot contain null members");
			ok = false;
		} else if ((ok = arg_mr(ctx, argv[i], rt, NULL, a, &one)) && one.n) {
			put(&m, &cap, a, &one.r[0]);
		}
	}
	if (ok)
		result_mr(ctx, &m);
	arena_free(a);
}

/* pgfn_multirange_variadic(oid, ranges[]): int4multirange(VARIADIC array) and its siblings,
 * the array's ranges (stored text) as the members; a NULL member is 22004. */
static void fn_variadic(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[0]);
	uint32_t rt = pgtype_multirange_range(oid);
	struct arena *a = arena_new(0);
	size_t n = 0, cap = 0;
	const char **el = pgfn_array_parse(a, (const char *)sqlite3_value_text(argv[1]), &n);
	struct pgtype_multirange m = {.oid = oid};
	bool ok = el != NULL;
	if (!ok)
		pgfn_error(ctx, "22P02", "malformed array literal: \"%s\"",
			   (const char *)sqlite3_value_text(argv[1]));
	for (size_t i = 0; ok && i < n; i++) {
		struct pgtype_range *r = arena_alloc(a, sizeof(*r));
		struct pgerr err;
		pgerr_clear(&err);
		if (!el[i]) {
			pgfn_error(ctx, "22004", "multirange values cannot contain null members");
			ok = false;
		} else if (!pgtype_range_in(rt, el[i], strlen(el[i]), NULL, a, r, &err)) {
			raise(ctx, &err);
			ok = false;
		} else if (!r->empty) {
			put(&m, &cap, a, r);
		}
	}
	if (ok)
		result_mr(ctx, &m);
	arena_free(a);
}

/* ---- range_agg and range_intersect_agg over ranges or multiranges ---- */

struct agg {
	struct arena *a;
	struct pgtype_multirange m; /* range_agg: every range; intersect: the running result */
	size_t cap;
	uint32_t oid; /* the argument's type */
	bool seen;
};

static struct agg *agg_state(sqlite3_context *ctx)
{
	struct agg *g = sqlite3_aggregate_context(ctx, sizeof(*g));
	if (g && !g->a)
		g->a = arena_new(0);
	return g;
}

static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	bool intersect = sqlite3_user_data(ctx) != NULL;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	struct agg *g = agg_state(ctx);
	if (!g)
		return;
	g->oid = (uint32_t)sqlite3_value_int64(argv[1]);
	struct pgtype_multirange x;
	if (!arg_mr(ctx, argv[0], g->oid, NULL, g->a, &x))
		return;
	uint32_t st = pgtype_range_subtype(pgtype_multirange_range(x.oid));
	if (intersect && g->seen) {
		struct pgtype_multirange r;
		mr_intersect(st, &g->m, &x, g->a, &r);
		pgtype_multirange_normalize(&r);
		g->m = r;
		g->cap = r.n;
	} else if (intersect) {
		g->m = x;
		g->cap = x.n;
	} else {
		g->m.oid = x.oid;
		for (size_t i = 0; i < x.n; i++)
			put(&g->m, &g->cap, g->a, &x.r[i]);
	}
	g->seen = true;
}

static void agg_final(sqlite3_context *ctx)
{
	bool intersect = sqlite3_user_data(ctx) != NULL;
	struct agg *g = sqlite3_aggregate_context(ctx, 0);
	if (!g || !g->seen) {
		sqlite3_result_null(ctx);
	} else if (intersect && pgtype_range_subtype(g->oid)) { /* a range's: a range */
		struct strbuf sb;
		strbuf_init(&sb, 0);
		struct pgtype_range empty = {.oid = g->oid, .empty = true};
		pgtype_range_out(&sb, g->m.n ? &g->m.r[0] : &empty);
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
		strbuf_fini(&sb);
	} else {
		result_mr(ctx, &g->m);
	}
	if (g && g->a)
		arena_free(g->a);
}

/* The collations: stored multirange text in multirange_cmp's order (range by range, then the
 * one with fewer ranges first; text that is none sorts by its bytes after every value). */
static int collate_mr(void *arg, int na, const void *a, int nb, const void *b)
{
	uint32_t oid = (uint32_t)(uintptr_t)arg;
	struct pgtype_multirange x, y;
	struct pgerr err;
	struct arena *ar = arena_new(0);
	bool xa = pgtype_multirange_in(oid, a, (size_t)na, NULL, ar, &x, &err);
	bool yb = pgtype_multirange_in(oid, b, (size_t)nb, NULL, ar, &y, &err);
	int r = 0;
	if (xa && yb) {
		for (size_t i = 0; i < x.n && i < y.n && !r; i++)
			r = pgtype_range_cmp(&x.r[i], &y.r[i]);
		if (!r)
			r = x.n < y.n ? -1 : x.n > y.n;
	} else if (xa != yb) {
		r = xa ? -1 : 1;
	} else {
		r = memcmp(a, b, (size_t)(na < nb ? na : nb));
		r = r ? r : na - nb;
	}
	arena_free(ar);
	return r;
}

/* pgfn_multirange_cmp(a, b, oid): multirange_cmp, -1, 0 or 1 in the collations' order. */
static void fn_cmp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	int r = collate_mr((void *)(uintptr_t)sqlite3_value_int64(argv[2]),
			   sqlite3_value_bytes(argv[0]), sqlite3_value_text(argv[0]),
			   sqlite3_value_bytes(argv[1]), sqlite3_value_text(argv[1]));
	sqlite3_result_int(ctx, (r > 0) - (r < 0));
}

int pgfn_register_multirange(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct {
		const char *name;
		int nargs;
		enum mr_op op;
	} fns[] = {
		{"pgfn_multirange_lower", 2, MR_LOWER},
		{"pgfn_multirange_upper", 2, MR_UPPER},
		{"pgfn_multirange_isempty", 2, MR_ISEMPTY},
		{"pgfn_multirange_lower_inc", 2, MR_LOWER_INC},
		{"pgfn_multirange_upper_inc", 2, MR_UPPER_INC},
		{"pgfn_multirange_lower_inf", 2, MR_LOWER_INF},
		{"pgfn_multirange_upper_inf", 2, MR_UPPER_INF},
		{"pgfn_multirange_range_merge", 2, MR_MERGE},
		{"pgfn_multirange_contains", 4, MR_CONTAINS},
		{"pgfn_multirange_contained", 4, MR_CONTAINED},
		{"pgfn_multirange_overlaps", 4, MR_OVERLAPS},
		{"pgfn_multirange_before", 4, MR_BEFORE},
		{"pgfn_multirange_after", 4, MR_AFTER},
		{"pgfn_multirange_overleft", 4, MR_OVERLEFT},
		{"pgfn_multirange_overright", 4, MR_OVERRIGHT},
		{"pgfn_multirange_adjacent", 4, MR_ADJACENT},
		{"pgfn_multirange_union", 4, MR_UNION},
		{"pgfn_multirange_intersect", 4, MR_INTERSECT},
		{"pgfn_multirange_minus", 4, MR_MINUS},
	};
	/* an element operand is read in the session's zone: not deterministic */
	for (size_t i = 0; i < ARRAY_LEN(fns); i++) {
		int rc = sqlite3_create_function(db, fns[i].name, fns[i].nargs,
						 SQLITE_UTF8 | SQLITE_INNOCUOUS,
						 (void *)(intptr_t)fns[i].op, fn_mr, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	int rc = sqlite3_create_function(db, "shardlite_multirange", 2,
					 SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_in, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_multirange_text", 2,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_text, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_multirange_has", 3,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_has, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_multirange_array", 2,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     NULL, fn_array, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_multirange_elem_in", 3,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_elem_in, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_multirange_cmp", 3,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     NULL, fn_cmp, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_multirange_variadic", 2,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     NULL, fn_variadic, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_multirange_make", -1,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_make, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_range_agg", 2,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, NULL, agg_step,
					     agg_final);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_range_intersect_agg", 2,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, (void *)1, NULL,
					     agg_step, agg_final);
	static const struct {
		const char *name;
		uint32_t oid;
	} colls[] = {{"pgfn_int4multirange", PGTYPE_INT4MULTIRANGE},
		     {"pgfn_int8multirange", PGTYPE_INT8MULTIRANGE},
		     {"pgfn_nummultirange", PGTYPE_NUMMULTIRANGE},
		     {"pgfn_datemultirange", PGTYPE_DATEMULTIRANGE},
		     {"pgfn_tsmultirange", PGTYPE_TSMULTIRANGE},
		     {"pgfn_tstzmultirange", PGTYPE_TSTZMULTIRANGE}};
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(colls); i++)
		rc = sqlite3_create_collation(db, colls[i].name, SQLITE_UTF8,
					      (void *)(uintptr_t)colls[i].oid, collate_mr);
	return rc;
}
