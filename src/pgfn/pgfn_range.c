/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_range.c: the functions and operators of the built-in range types (functions-range.html
 * of PostgreSQL 15, rangetypes.c) over their stored canonical text — input, constructors,
 * lower/upper and the bound tests, containment, overlap, position, adjacency, union,
 * intersection, difference, range_merge — and the collations (pgfn_int4range, ...) that order
 * that text as range_cmp does for comparisons and ORDER BY. */
#include "pgfn_int.h"

#include <stdlib.h>
#include <string.h>

/* What each pgfn_range_<name>(a[, b], range_oid) computes. */
enum range_op {
	RNG_LOWER,
	RNG_UPPER,
	RNG_ISEMPTY,
	RNG_LOWER_INC,
	RNG_UPPER_INC,
	RNG_LOWER_INF,
	RNG_UPPER_INF,
	RNG_CONTAINS,
	RNG_CONTAINED,
	RNG_OVERLAPS,
	RNG_BEFORE,
	RNG_AFTER,
	RNG_OVERLEFT,
	RNG_OVERRIGHT,
	RNG_ADJACENT,
	RNG_UNION,
	RNG_INTERSECT,
	RNG_MINUS,
	RNG_MERGE,
};

static bool arg_range(sqlite3_context *ctx, sqlite3_value *v, uint32_t oid,
		      const struct pgtype_dtenv *env, struct arena *a, struct pgtype_range *r)
{
	struct pgerr err;
	pgerr_clear(&err);
	const char *s = (const char *)sqlite3_value_text(v);
	if (pgtype_range_in(oid, s ? s : "", (size_t)sqlite3_value_bytes(v), env, a, r, &err))
		return true;
	pgfn_error(ctx, err.sqlstate, "%s", err.message);
	return false;
}

static void result_range(sqlite3_context *ctx, struct pgtype_range *r, struct arena *a)
{
	struct pgerr err;
	pgerr_clear(&err);
	if (!pgtype_range_make(r, a, &err)) {
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_range_out(&sb, r);
	sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* A bound's value as its subtype is stored: integers as integers, the rest as their text. */
static void result_bound(sqlite3_context *ctx, uint32_t st, const struct pgtype_rbound *b,
			 bool empty)
{
	if (empty || b->infinite)
		sqlite3_result_null(ctx);
	else if (st == PGTYPE_INT4 || st == PGTYPE_INT8)
		sqlite3_result_int64(ctx, strtoll(b->val, NULL, 10));
	else
		sqlite3_result_text(ctx, b->val, -1, SQLITE_TRANSIENT);
}

static void one(sqlite3_context *ctx, enum range_op op, const struct pgtype_range *r)
{
	uint32_t st = pgtype_range_subtype(r->oid);
	switch (op) {
	case RNG_LOWER:
	case RNG_UPPER:
		result_bound(ctx, st, op == RNG_LOWER ? &r->lo : &r->hi, r->empty);
		return;
	case RNG_ISEMPTY:
		sqlite3_result_int(ctx, r->empty);
		return;
	case RNG_LOWER_INC:
	case RNG_UPPER_INC:
		sqlite3_result_int(ctx,
				   !r->empty && (op == RNG_LOWER_INC ? r->lo : r->hi).inclusive);
		return;
	case RNG_LOWER_INF:
	case RNG_UPPER_INF:
		sqlite3_result_int(ctx,
				   !r->empty && (op == RNG_LOWER_INF ? r->lo : r->hi).infinite);
		return;
	default: /* only the one-argument functions come here */
		return;
	}
}

bool pgfn_rng_overlaps(uint32_t st, const struct pgtype_range *a, const struct pgtype_range *b)
{
	if (a->empty || b->empty)
		return false;
	return (pgtype_rbound_cmp(st, &a->lo, &b->lo) >= 0 &&
		pgtype_rbound_cmp(st, &a->lo, &b->hi) <= 0) ||
	       (pgtype_rbound_cmp(st, &b->lo, &a->lo) >= 0 &&
		pgtype_rbound_cmp(st, &b->lo, &a->hi) <= 0);
}

/* bounds_adjacent of an upper bound and a lower one. Discrete ranges are canonical [), so
 * values that differ are never adjacent and range_adjacent needs no canonical call. */
static bool bounds_adjacent(uint32_t st, const struct pgtype_rbound *up,
			    const struct pgtype_rbound *lo)
{
	return pgtype_rbound_value_cmp(st, up, lo) == 0 && up->inclusive != lo->inclusive;
}

bool pgfn_rng_adjacent(uint32_t st, const struct pgtype_range *a, const struct pgtype_range *b)
{
	if (a->empty || b->empty)
		return false;
	return bounds_adjacent(st, &a->hi, &b->lo) || bounds_adjacent(st, &b->hi, &a->lo);
}

bool pgfn_rng_contains(uint32_t st, const struct pgtype_range *a, const struct pgtype_range *b)
{
	if (b->empty)
		return true;
	if (a->empty)
		return false;
	return pgtype_rbound_cmp(st, &a->lo, &b->lo) <= 0 &&
	       pgtype_rbound_cmp(st, &a->hi, &b->hi) >= 0;
}

/* range_union_internal (strict: + refuses a gap) and range_intersect. */
static void union_of(sqlite3_context *ctx, struct pgtype_range *a, const struct pgtype_range *b,
		     bool strict, struct arena *ar)
{
	uint32_t st = pgtype_range_subtype(a->oid);
	if (a->empty || b->empty) {
		struct pgtype_range r = a->empty ? *b : *a;
		result_range(ctx, &r, ar);
		return;
	}
	if (strict && !pgfn_rng_overlaps(st, a, b) && !pgfn_rng_adjacent(st, a, b)) {
		pgfn_error(ctx, "22000", "result of range union would not be contiguous");
		return;
	}
	if (pgtype_rbound_cmp(st, &b->lo, &a->lo) < 0)
		a->lo = b->lo;
	if (pgtype_rbound_cmp(st, &b->hi, &a->hi) > 0)
		a->hi = b->hi;
	result_range(ctx, a, ar);
}

static void intersect(sqlite3_context *ctx, struct pgtype_range *a, const struct pgtype_range *b,
		      struct arena *ar)
{
	uint32_t st = pgtype_range_subtype(a->oid);
	if (!pgfn_rng_overlaps(st, a, b)) {
		a->empty = true;
	} else {
		if (pgtype_rbound_cmp(st, &b->lo, &a->lo) > 0)
			a->lo = b->lo;
		if (pgtype_rbound_cmp(st, &b->hi, &a->hi) < 0)
			a->hi = b->hi;
	}
	result_range(ctx, a, ar);
}

/* range_minus */
static void minus(sqlite3_context *ctx, struct pgtype_range *a, const struct pgtype_range *b,
		  struct arena *ar)
{
	uint32_t st = pgtype_range_subtype(a->oid);
	if (a->empty || b->empty) {
		result_range(ctx, a, ar);
		return;
	}
	int l1l2 = pgtype_rbound_cmp(st, &a->lo, &b->lo),
	    l1u2 = pgtype_rbound_cmp(st, &a->lo, &b->hi);
	int u1l2 = pgtype_rbound_cmp(st, &a->hi, &b->lo),
	    u1u2 = pgtype_rbound_cmp(st, &a->hi, &b->hi);
	if (l1l2 < 0 && u1u2 > 0) {
		pgfn_error(ctx, "22000", "result of range difference would not be contiguous");
		return;
	}
	if (l1u2 > 0 || u1l2 < 0) {
		/* no overlap: a as it is */
	} else if (l1l2 >= 0 && u1u2 <= 0) {
		a->empty = true;
	} else if (l1l2 <= 0 && u1l2 >= 0 && u1u2 <= 0) {
		a->hi = b->lo;
		a->hi.inclusive = !b->lo.inclusive;
	} else {
		a->lo = b->hi;
		a->lo.inclusive = !b->hi.inclusive;
	}
	result_range(ctx, a, ar);
}

static void two(sqlite3_context *ctx, enum range_op op, struct pgtype_range *a,
		const struct pgtype_range *b, struct arena *ar)
{
	uint32_t st = pgtype_range_subtype(a->oid);
	bool e = a->empty || b->empty;
	switch (op) {
	case RNG_CONTAINS:
		sqlite3_result_int(ctx, pgfn_rng_contains(st, a, b));
		return;
	case RNG_CONTAINED:
		sqlite3_result_int(ctx, pgfn_rng_contains(st, b, a));
		return;
	case RNG_OVERLAPS:
		sqlite3_result_int(ctx, pgfn_rng_overlaps(st, a, b));
		return;
	case RNG_BEFORE:
		sqlite3_result_int(ctx, !e && pgtype_rbound_cmp(st, &a->hi, &b->lo) < 0);
		return;
	case RNG_AFTER:
		sqlite3_result_int(ctx, !e && pgtype_rbound_cmp(st, &a->lo, &b->hi) > 0);
		return;
	case RNG_OVERLEFT:
		sqlite3_result_int(ctx, !e && pgtype_rbound_cmp(st, &a->hi, &b->hi) <= 0);
		return;
	case RNG_OVERRIGHT:
		sqlite3_result_int(ctx, !e && pgtype_rbound_cmp(st, &a->lo, &b->lo) >= 0);
		return;
	case RNG_ADJACENT:
		sqlite3_result_int(ctx, pgfn_rng_adjacent(st, a, b));
		return;
	case RNG_UNION:
	case RNG_MERGE:
		union_of(ctx, a, b, op == RNG_UNION, ar);
		return;
	case RNG_INTERSECT:
		intersect(ctx, a, b, ar);
		return;
	default:
		minus(ctx, a, b, ar);
		return;
	}
}

/* pgfn_range_<op>(a[, b], range_oid): strict, over stored (canonical) range text. */
static void fn_range(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum range_op op = (enum range_op)(intptr_t)sqlite3_user_data(ctx);
	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[argc - 1]);
	struct arena *a = arena_new(0);
	struct pgtype_range x, y;
	if (!arg_range(ctx, argv[0], oid, NULL, a, &x))
		; /* the error is raised */
	else if (argc == 2)
		one(ctx, op, &x);
	else if (arg_range(ctx, argv[1], oid, NULL, a, &y))
		two(ctx, op, &x, &y, a);
	arena_free(a);
}

/* shardlite_range(text, range_oid): range_in in the session's zone and DateStyle. */
static void fn_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct pgtype_dtenv env = pgfn_dt_env(ctx);
	struct arena *a = arena_new(0);
	struct pgtype_range r;
	struct pgerr err;
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[1]);
	if (!pgtype_dt_client_text(oid, (const char *)sqlite3_value_text(argv[0]),
				   (size_t)sqlite3_value_bytes(argv[0]), &err))
		pgfn_error(ctx, err.sqlstate, "%s", err.message); /* text in: no stored form */
	else if (arg_range(ctx, argv[0], oid, &env, a, &r))
		result_range(ctx, &r, a);
	arena_free(a);
}

/* pgfn_range_text(range, range_oid): range::text of a date/time range, its bounds in the
 * session's zone and DateStyle as range_out shows them. */
static void fn_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	struct arena *a = arena_new(0);
	struct pgtype_range r;
	if (arg_range(ctx, argv[0], (uint32_t)sqlite3_value_int64(argv[1]), NULL, a, &r)) {
		struct strbuf sb;
		strbuf_init(&sb, 0);
		pgtype_range_out_styled(&sb, &r, pgfn_dt_zone(ctx),
					&pgfn_dt_session(ctx)->datestyle);
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
		strbuf_fini(&sb);
	}
	arena_free(a);
}

static bool arg_elem(sqlite3_context *ctx, sqlite3_value *v, uint32_t st,
		     const struct pgtype_dtenv *env, struct arena *a, struct pgtype_rbound *b)
{
	struct pgerr err;
	pgerr_clear(&err);
	b->infinite = sqlite3_value_type(v) == SQLITE_NULL;
	if (b->infinite)
		return true;
	const char *s = (const char *)sqlite3_value_text(v);
	if (pgtype_range_elem_in(st, s ? s : "", (size_t)sqlite3_value_bytes(v), env, a, &b->val,
				 &err))
		return true;
	pgfn_error(ctx, err.sqlstate, "%s", err.message);
	return false;
}

/* pgfn_range_make(range_oid, lower, upper[, flags]): the constructors int4range(...) etc.;
 * a NULL bound is infinite. */
static void fn_make(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *flags = argc > 3 ? (const char *)sqlite3_value_text(argv[3]) : "[)";
	if (!flags) {
		pgfn_error(ctx, "22004", "range constructor flags argument must not be null");
		return;
	}
	if (strlen(flags) != 2 || (flags[0] != '[' && flags[0] != '(') ||
	    (flags[1] != ']' && flags[1] != ')')) {
		pgfn_error(ctx, SQLSTATE_SYNTAX_ERROR, "invalid range bound flags");
		return;
	}
	struct pgtype_range r = {.oid = (uint32_t)sqlite3_value_int64(argv[0])};
	uint32_t st = pgtype_range_subtype(r.oid);
	struct pgtype_dtenv env = pgfn_dt_env(ctx);
	struct arena *a = arena_new(0);
	r.lo.inclusive = flags[0] == '[';
	r.hi.inclusive = flags[1] == ']';
	if (arg_elem(ctx, argv[1], st, &env, a, &r.lo) &&
	    arg_elem(ctx, argv[2], st, &env, a, &r.hi))
		result_range(ctx, &r, a);
	arena_free(a);
}

bool pgfn_rng_has(const struct pgtype_range *r, const char *val)
{
	uint32_t st = pgtype_range_subtype(r->oid);
	bool in = !r->empty;
	if (in && !r->lo.infinite) {
		int c = pgtype_range_elem_cmp(st, r->lo.val, val);
		in = c < 0 || (c == 0 && r->lo.inclusive);
	}
	if (in && !r->hi.infinite) {
		int c = pgtype_range_elem_cmp(st, r->hi.val, val);
		in = c > 0 || (c == 0 && r->hi.inclusive);
	}
	return in;
}

bool pgfn_rng_elem(sqlite3_context *ctx, sqlite3_value *v, uint32_t st, struct arena *a,
		   const char **val)
{
	struct pgtype_dtenv env = pgfn_dt_env(ctx);
	struct pgtype_rbound b;
	if (!arg_elem(ctx, v, st, &env, a, &b))
		return false;
	*val = b.val;
	return true;
}

/* pgfn_range_has(range, element, range_oid): range @> element (range_contains_elem), and
 * pgfn_range_elem_in(element, range, range_oid): element <@ range (elem_contained_by_range). */
static void has(sqlite3_context *ctx, sqlite3_value *range, sqlite3_value *elem,
		sqlite3_value *oidv)
{
	if (sqlite3_value_type(range) == SQLITE_NULL || sqlite3_value_type(elem) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	uint32_t oid = (uint32_t)sqlite3_value_int64(oidv), st = pgtype_range_subtype(oid);
	struct pgtype_dtenv env = pgfn_dt_env(ctx);
	struct arena *a = arena_new(0);
	struct pgtype_range r;
	struct pgtype_rbound e = {.inclusive = true};
	if (arg_range(ctx, range, oid, NULL, a, &r) && arg_elem(ctx, elem, st, &env, a, &e))
		sqlite3_result_int(ctx, pgfn_rng_has(&r, e.val));
	arena_free(a);
}

static void fn_has(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	has(ctx, argv[0], argv[1], argv[2]);
}

static void fn_elem_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	has(ctx, argv[1], argv[0], argv[2]);
}

/* The collations: stored range text in range_cmp's order (text that is no range of the type,
 * which a column of it never holds, sorts by its bytes after every range). */
static int collate_range(void *arg, int na, const void *a, int nb, const void *b)
{
	uint32_t oid = (uint32_t)(uintptr_t)arg;
	struct pgtype_range x, y;
	struct pgerr err;
	struct arena *ar = arena_new(0);
	bool xa = pgtype_range_in(oid, a, (size_t)na, NULL, ar, &x, &err);
	bool yb = pgtype_range_in(oid, b, (size_t)nb, NULL, ar, &y, &err);
	int r;
	if (xa && yb) {
		r = pgtype_range_cmp(&x, &y);
	} else if (xa != yb) {
		r = xa ? -1 : 1;
	} else {
		r = memcmp(a, b, (size_t)(na < nb ? na : nb));
		r = r ? r : na - nb;
	}
	arena_free(ar);
	return r;
}

/* pgfn_range_cmp(a, b, oid): range_cmp, -1, 0 or 1 in the collations' order. */
static void fn_cmp(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	int r = collate_range((void *)(uintptr_t)sqlite3_value_int64(argv[2]),
			      sqlite3_value_bytes(argv[0]), sqlite3_value_text(argv[0]),
			      sqlite3_value_bytes(argv[1]), sqlite3_value_text(argv[1]));
	sqlite3_result_int(ctx, (r > 0) - (r < 0));
}

int pgfn_register_range(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct {
		const char *name;
		int nargs;
		enum range_op op;
	} fns[] = {
		{"pgfn_range_lower", 2, RNG_LOWER},
		{"pgfn_range_upper", 2, RNG_UPPER},
		{"pgfn_range_isempty", 2, RNG_ISEMPTY},
		{"pgfn_range_lower_inc", 2, RNG_LOWER_INC},
		{"pgfn_range_upper_inc", 2, RNG_UPPER_INC},
		{"pgfn_range_lower_inf", 2, RNG_LOWER_INF},
		{"pgfn_range_upper_inf", 2, RNG_UPPER_INF},
		{"pgfn_range_contains", 3, RNG_CONTAINS},
		{"pgfn_range_contained", 3, RNG_CONTAINED},
		{"pgfn_range_overlaps", 3, RNG_OVERLAPS},
		{"pgfn_range_before", 3, RNG_BEFORE},
		{"pgfn_range_after", 3, RNG_AFTER},
		{"pgfn_range_overleft", 3, RNG_OVERLEFT},
		{"pgfn_range_overright", 3, RNG_OVERRIGHT},
		{"pgfn_range_adjacent", 3, RNG_ADJACENT},
		{"pgfn_range_union", 3, RNG_UNION},
		{"pgfn_range_intersect", 3, RNG_INTERSECT},
		{"pgfn_range_minus", 3, RNG_MINUS},
		{"pgfn_range_merge", 3, RNG_MERGE},
	};
	const int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	for (size_t i = 0; i < ARRAY_LEN(fns); i++) {
		int rc = sqlite3_create_function(db, fns[i].name, fns[i].nargs, det,
						 (void *)(intptr_t)fns[i].op, fn_range, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	/* these read values in the session's zone and DateStyle: not deterministic */
	int rc = sqlite3_create_function(db, "shardlite_range", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					 c, fn_in, NULL, NULL);
	for (int n = 3; rc == SQLITE_OK && n <= 4; n++)
		rc = sqlite3_create_function(db, "pgfn_range_make", n,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_make, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_range_has", 3,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_has, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_range_elem_in", 3,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_elem_in, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_range_cmp", 3,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					     NULL, fn_cmp, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_range_text", 2,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS, c, fn_text, NULL,
					     NULL);
	static const struct {
		const char *name;
		uint32_t oid;
	} colls[] = {{"pgfn_int4range", PGTYPE_INT4RANGE}, {"pgfn_int8range", PGTYPE_INT8RANGE},
		     {"pgfn_numrange", PGTYPE_NUMRANGE},   {"pgfn_daterange", PGTYPE_DATERANGE},
		     {"pgfn_tsrange", PGTYPE_TSRANGE},     {"pgfn_tstzrange", PGTYPE_TSTZRANGE}};
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(colls); i++)
		rc = sqlite3_create_collation(db, colls[i].name, SQLITE_UTF8,
					      (void *)(uintptr_t)colls[i].oid, collate_range);
	return rc;
}
