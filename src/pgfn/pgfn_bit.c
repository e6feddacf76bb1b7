/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_bit.c: the functions and operators of bit(n) and bit varying(n) (functions-bitstring.html
 * of PostgreSQL 15) over their stored text of '0'/'1' characters: input with a length rule,
 * the length coercions bit(n)/varbit(n), & | # ~ << >>, the integer casts, get_bit/set_bit,
 * bit_count, position, substring and overlay. Comparisons and || need no function: the stored
 * text compares (BINARY) and concatenates as the bit strings do. */
#include "pgfn.h"
#include "pgtype.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum bit_op { BIT_AND, BIT_OR, BIT_XOR };

/* A bit-string argument: its text and length; NULL (result NULL) when the argument is. */
static const char *arg_bits(sqlite3_value *v, int *n)
{
	if (sqlite3_value_type(v) == SQLITE_NULL)
		return NULL;
	const char *s = (const char *)sqlite3_value_text(v);
	*n = sqlite3_value_bytes(v);
	return s ? s : "";
}

static bool any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return true;
	return false;
}

static void fail(sqlite3_context *ctx, const struct pgerr *err)
{
	pgfn_error(ctx, err->sqlstate, "%s", err->message);
}

/* pgfn_varbit_in(text, typmod, varying): bit_in/varbit_in with the target's length rule. */
static void fn_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	struct strbuf sb;
	struct pgerr err;
	pgerr_clear(&err);
	strbuf_init(&sb, 0);
	if (pgtype_bit_parse(s, (size_t)n, sqlite3_value_int(argv[1]),
			     sqlite3_value_int(argv[2]) != 0, &sb, &err))
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	else
		fail(ctx, &err);
	strbuf_fini(&sb);
}

/* pgfn_varbit_any(x, typmod, varying): x::bit(n) of a value whose type is known only when the
 * statement runs (a column of a rebuilt table): an integer as bitfromint8 (which gives an int4's
 * bits too: both sign-extend), text through bit_in; then the explicit length coercion. */
static void fn_any(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	bool varying = sqlite3_value_int(argv[2]) != 0;
	if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && varying) {
		pgfn_error(ctx, "42846", "cannot cast type integer to bit varying");
		return;
	}
	struct strbuf sb;
	struct pgerr err;
	pgerr_clear(&err);
	strbuf_init(&sb, 0);
	int len = sqlite3_value_int(argv[1]);
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
	} else if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
		uint64_t v = (uint64_t)sqlite3_value_int64(argv[0]);
		int n = len <= 0 ? 1 : len;
		for (int i = 0; i < n; i++) {
			int bit = n - 1 - i;
			strbuf_put_u8(&sb, (bit >= 64 ? v >> 63 : (v >> bit)) & 1 ? '1' : '0');
		}
		sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	} else {
		const char *s = (const char *)sqlite3_value_text(argv[0]);
		int n = sqlite3_value_bytes(argv[0]);
		if (!pgtype_bit_parse(s ? s : "", (size_t)n, -1, varying, &sb, &err)) {
			fail(ctx, &err);
		} else {
			if (len > 0 && (!varying || (int)sb.len > len)) { /* padded or cut to len */
				size_t have = sb.len;
				for (size_t i = have; i < (size_t)len; i++)
					strbuf_put_u8(&sb, '0');
				sb.len = (size_t)len;
			}
			sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len,
					    SQLITE_TRANSIENT);
		}
	}
	strbuf_fini(&sb);
}

/* pgfn_varbit_cast(bits, typmod, varying, explicit): the length coercion functions bit() and
 * varbit(): an assignment (explicit 0) checks the length, an explicit cast pads bit(n) with
 * zeros on the right and cuts either to n bits. */
static void fn_cast(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n, len = sqlite3_value_int(argv[1]);
	bool varying = sqlite3_value_int(argv[2]) != 0, expl = sqlite3_value_int(argv[3]) != 0;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (len <= 0 || len == n || (varying && len > n)) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	struct pgerr err;
	pgerr_clear(&err);
	if (!expl && !pgtype_bit_length_ok((size_t)n, len, varying, &err)) {
		fail(ctx, &err);
		return;
	}
	char *r = sqlite3_malloc(len + 1);
	if (!r) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memset(r, '0', (size_t)len);
	memcpy(r, s, (size_t)(n < len ? n : len));
	sqlite3_result_text(ctx, r, len, sqlite3_free);
}

/* pgfn_varbit_and/or/xor(a, b): bitand, bitor, bitxor; both of one length (22026). */
static void fn_logic(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const names[] = {"AND", "OR", "XOR"};
	enum bit_op op = (enum bit_op)(intptr_t)sqlite3_user_data(ctx);
	int na, nb;
	const char *a = any_null(argc, argv) ? NULL : arg_bits(argv[0], &na);
	const char *b = a ? arg_bits(argv[1], &nb) : NULL;
	if (!b) {
		sqlite3_result_null(ctx);
		return;
	}
	if (na != nb) {
		pgfn_error(ctx, "22026", "cannot %s bit strings of different sizes", names[op]);
		return;
	}
	char *r = sqlite3_malloc(na + 1);
	if (!r) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (int i = 0; i < na; i++) {
		bool x = a[i] == '1', y = b[i] == '1';
		r[i] = (op == BIT_AND ? x && y : op == BIT_OR ? x || y : x != y) ? '1' : '0';
	}
	sqlite3_result_text(ctx, r, na, sqlite3_free);
}

/* The aggregates bit_and, bit_or, bit_xor of bit strings: bitand/bitor/bitxor folded over the
 * rows that are not NULL (NULL when there are none); the state is the text so far. */
struct bits_agg {
	char *bits;
	int n;
	bool failed;
};

static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char *const names[] = {"AND", "OR", "XOR"};
	enum bit_op op = (enum bit_op)(intptr_t)sqlite3_user_data(ctx);
	struct bits_agg *st = sqlite3_aggregate_context(ctx, sizeof(*st));
	int n;
	const char *s = argc ? arg_bits(argv[0], &n) : NULL;
	if (!st || !s || st->failed)
		return;
	if (!st->bits) {
		st->bits = sqlite3_malloc(n + 1);
		if (st->bits)
			memcpy(st->bits, s, (size_t)n);
		st->n = n;
		return;
	}
	if (n != st->n) {
		st->failed = true;
		pgfn_error(ctx, "22026", "cannot %s bit strings of different sizes", names[op]);
		return;
	}
	for (int i = 0; i < n; i++) {
		bool x = st->bits[i] == '1', y = s[i] == '1';
		st->bits[i] = (op == BIT_AND ? x && y : op == BIT_OR ? x || y : x != y) ? '1' : '0';
	}
}

static void agg_final(sqlite3_context *ctx)
{
	struct bits_agg *st = sqlite3_aggregate_context(ctx, 0);
	if (st && st->bits && !st->failed)
		sqlite3_result_text(ctx, st->bits, st->n, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	if (st)
		sqlite3_free(st->bits);
}

/* pgfn_varbit_not(a): bitnot. */
static void fn_not(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	char *r = s ? sqlite3_malloc(n + 1) : NULL;
	if (!r) {
		sqlite3_result_null(ctx);
		return;
	}
	for (int i = 0; i < n; i++)
		r[i] = s[i] == '1' ? '0' : '1';
	sqlite3_result_text(ctx, r, n, sqlite3_free);
}

/* pgfn_varbit_shift(a, k): bitshiftleft by k (right by -k), the length kept, zeros shifted in. */
static void fn_shift(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	long long k = s ? sqlite3_value_int64(argv[1]) : 0;
	char *r = s ? sqlite3_malloc(n + 1) : NULL;
	if (!r) {
		sqlite3_result_null(ctx);
		return;
	}
	for (long long i = 0; i < n; i++) {
		long long from = i + k;
		r[i] = from >= 0 && from < n ? s[from] : '0';
	}
	sqlite3_result_text(ctx, r, n, sqlite3_free);
}

/* pgfn_varbit_from_int(v, typmod, width): bitfromint4/bitfromint8: the low typmod bits of the
 * two's complement value, sign-extended past width; typmod <= 0 is bit(1). */
static void fn_from_int(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (any_null(argc, argv)) {
		sqlite3_result_null(ctx);
		return;
	}
	uint64_t v = (uint64_t)sqlite3_value_int64(argv[0]);
	int len = sqlite3_value_int(argv[1]), width = sqlite3_value_int(argv[2]);
	if (len <= 0)
		len = 1;
	char *r = sqlite3_malloc(len + 1);
	if (!r) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	bool neg = (v >> (width - 1)) & 1;
	for (int i = 0; i < len; i++) {
		int bit = len - 1 - i; /* the bit's weight */
		r[i] = (bit >= width ? neg : (v >> bit) & 1) ? '1' : '0';
	}
	sqlite3_result_text(ctx, r, len, sqlite3_free);
}

/* pgfn_varbit_to_int(bits, width): bittoint4/bittoint8: 22003 past width bits. */
static void fn_to_int(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n, width = sqlite3_value_int(argv[1]);
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (n > width) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "%s out of range",
			   width == 32 ? "integer" : "bigint");
		return;
	}
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v = v << 1 | (s[i] == '1');
	sqlite3_result_int64(ctx, width == 32 ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v);
}

/* The bit index n of a bit string of len bits, or 2202E as bitgetbit/bitsetbit. */
static bool index_ok(sqlite3_context *ctx, long long k, int len)
{
	if (k >= 0 && k < len)
		return true;
	pgfn_error(ctx, "2202E", "bit index %lld out of valid range (0..%d)", k, len - 1);
	return false;
}

/* pgfn_varbit_get(bits, n), pgfn_varbit_set(bits, n, v), pgfn_varbit_ones(bits). */
static void fn_get(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	long long k = s ? sqlite3_value_int64(argv[1]) : 0;
	if (!s)
		sqlite3_result_null(ctx);
	else if (index_ok(ctx, k, n))
		sqlite3_result_int(ctx, s[k] == '1');
}

static void fn_set(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	long long k = s ? sqlite3_value_int64(argv[1]) : 0,
		  v = s ? sqlite3_value_int64(argv[2]) : 0;
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!index_ok(ctx, k, n))
		return;
	if (v != 0 && v != 1) {
		pgfn_error(ctx, SQLSTATE_INVALID_PARAMETER_VALUE, "new bit must be 0 or 1");
		return;
	}
	char *r = sqlite3_malloc(n + 1);
	if (!r) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memcpy(r, s, (size_t)n);
	r[k] = v ? '1' : '0';
	sqlite3_result_text(ctx, r, n, sqlite3_free);
}

static void fn_count(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	long long ones = 0;
	for (int i = 0; s && i < n; i++)
		ones += s[i] == '1';
	if (s)
		sqlite3_result_int64(ctx, ones);
	else
		sqlite3_result_null(ctx);
}

/* pgfn_varbit_position(s, sub): bitposition: 0 for an empty s, 1 for an empty sub. */
static void fn_position(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n, m;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	const char *sub = s ? arg_bits(argv[1], &m) : NULL;
	if (!sub) {
		sqlite3_result_null(ctx);
		return;
	}
	int at = 0;
	if (n && m <= n)
		for (int i = 0; i + m <= n && !at; i++)
			at = memcmp(s + i, sub, (size_t)m) == 0 ? i + 1 : 0;
	sqlite3_result_int(ctx, at);
}

/* bitsubstring(s, start, len, len given) into [*from, *to): 22011 for a negative length. */
static bool substr_range(sqlite3_context *ctx, int n, long long start, long long len, bool given,
			 int *from, int *to)
{
	if (given && len < 0) {
		pgfn_error(ctx, "22011", "negative substring length not allowed");
		return false;
	}
	long long s1 = start < 1 ? 1 : start;
	long long e1 = given ? start + len : (long long)n + 1;
	if (e1 > (long long)n + 1)
		e1 = (long long)n + 1;
	if (s1 > n || e1 <= s1)
		*from = *to = 0;
	else {
		*from = (int)(s1 - 1);
		*to = (int)(e1 - 1);
	}
	return true;
}

/* pgfn_varbit_substr(s, start[, len]). */
static void fn_substr(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n, from, to;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (substr_range(ctx, n, sqlite3_value_int64(argv[1]),
			 argc > 2 ? sqlite3_value_int64(argv[2]) : 0, argc > 2, &from, &to))
		sqlite3_result_text(ctx, s + from, to - from, SQLITE_TRANSIENT);
}

/* pgfn_varbit_overlay(s, sub, start[, len]): bitoverlay, the len bits (sub's length when not
 * given) from start replaced by sub. */
static void fn_overlay(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int n, m, f1, t1, f2, t2;
	const char *s = any_null(argc, argv) ? NULL : arg_bits(argv[0], &n);
	const char *sub = s ? arg_bits(argv[1], &m) : NULL;
	if (!sub) {
		sqlite3_result_null(ctx);
		return;
	}
	long long sp = sqlite3_value_int64(argv[2]);
	long long sl = argc > 3 ? sqlite3_value_int64(argv[3]) : m;
	if (sp + sl > INT_MAX || sp + sl < INT_MIN) {
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
		return;
	}
	if (!substr_range(ctx, n, 1, sp - 1, true, &f1, &t1) ||
	    !substr_range(ctx, n, sp + sl, 0, false, &f2, &t2))
		return;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	strbuf_append(&sb, s + f1, (size_t)(t1 - f1));
	strbuf_append(&sb, sub, (size_t)m);
	strbuf_append(&sb, s + f2, (size_t)(t2 - f2));
	sqlite3_result_text(ctx, sb.data ? sb.data : "", (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

int pgfn_register_bit(sqlite3 *db)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
		enum bit_op op;
	} fns[] = {
		{"pgfn_varbit_in", 3, fn_in, 0},
		{"pgfn_varbit_any", 3, fn_any, 0},
		{"pgfn_varbit_cast", 4, fn_cast, 0},
		{"pgfn_varbit_and", 2, fn_logic, BIT_AND},
		{"pgfn_varbit_or", 2, fn_logic, BIT_OR},
		{"pgfn_varbit_xor", 2, fn_logic, BIT_XOR},
		{"pgfn_varbit_not", 1, fn_not, 0},
		{"pgfn_varbit_shift", 2, fn_shift, 0},
		{"pgfn_varbit_from_int", 3, fn_from_int, 0},
		{"pgfn_varbit_to_int", 2, fn_to_int, 0},
		{"pgfn_varbit_get", 2, fn_get, 0},
		{"pgfn_varbit_set", 3, fn_set, 0},
		{"pgfn_varbit_ones", 1, fn_count, 0},
		{"pgfn_varbit_position", 2, fn_position, 0},
		{"pgfn_varbit_substr", 2, fn_substr, 0},
		{"pgfn_varbit_substr", 3, fn_substr, 0},
		{"pgfn_varbit_overlay", 3, fn_overlay, 0},
		{"pgfn_varbit_overlay", 4, fn_overlay, 0},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, rc = SQLITE_OK;
	for (size_t i = 0; i < ARRAY_LEN(fns) && rc == SQLITE_OK; i++)
		rc = sqlite3_create_function(db, fns[i].name, fns[i].nargs, flags,
					     (void *)(intptr_t)fns[i].op, fns[i].fn, NULL, NULL);
	static const char *const aggs[] = {"pgfn_varbit_and_agg", "pgfn_varbit_or_agg",
					   "pgfn_varbit_xor_agg"};
	for (size_t i = 0; i < ARRAY_LEN(aggs) && rc == SQLITE_OK; i++)
		rc = sqlite3_create_function(db, aggs[i], 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
					     (void *)(intptr_t)i, NULL, agg_step, agg_final);
	return rc;
}
