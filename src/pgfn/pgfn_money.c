/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_money.c: the money functions and operators (cash.c of PostgreSQL 15) over the stored
 * integer of cents: input and output, the casts with integers and numeric, + - * /, money /
 * money, cash_words and sum(money), each with PostgreSQL's range (22003) and zero-divisor
 * (22012) errors. Comparisons, min and max need none: the cents compare as integers. */
#include "pgfn.h"
#include "pgtype.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_null(sqlite3_value *v) { return sqlite3_value_type(v) == SQLITE_NULL; }

static void range_error(sqlite3_context *ctx)
{
	pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "money out of range");
}

/* A double result of a float operation as cents: rint, as PostgreSQL 15's float8_mul_cash. */
static void result_rint(sqlite3_context *ctx, double d)
{
	d = rint(d);
	if (isnan(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
		range_error(ctx);
	else
		sqlite3_result_int64(ctx, (sqlite3_int64)d);
}

/* pgfn_cash_in(text): cash_in. */
static void fn_in(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]))
		return;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	struct pgerr err;
	pgerr_clear(&err);
	int64_t v;
	if (!pgtype_money_parse(s ? s : "", (size_t)sqlite3_value_bytes(argv[0]), &v, &err))
		pgfn_error(ctx, err.sqlstate, "%s", err.message);
	else
		sqlite3_result_int64(ctx, v);
}

/* pgfn_cash_words(money): text. */
static void fn_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]))
		return;
	struct strbuf sb;
	strbuf_init(&sb, 0);
	pgtype_money_words(&sb, sqlite3_value_int64(argv[0]));
	if (sb.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, sb.data, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_fini(&sb);
}

/* pgfn_cash_int(int): int4_cash/int8_cash, the amount times 100 (int8mul's error). */
static void fn_from_int(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]))
		return;
	int64_t r;
	if (__builtin_mul_overflow(sqlite3_value_int64(argv[0]), 100, &r))
		pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
	else
		sqlite3_result_int64(ctx, r);
}

/* pgfn_cash_num(numeric): numeric_cash — the amount times 100, rounded half away from zero
 * (numeric_int8). A number's decimal text is read digit by digit, as cash_in reads it, so
 * 12.345 is 1235 cents whatever its binary value; an exponent form goes through a double. */
static void fn_from_num(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]))
		return;
	if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER) {
		fn_from_int(ctx, argc, argv);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	s = s ? s : "";
	if (strcmp(s, "NaN") == 0) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED, "cannot convert NaN to bigint");
		return;
	}
	if (strpbrk(s, "eEiI")) {
		double d = strtod(s, NULL) * 100.0;
		d = d < 0 ? -floor(-d + 0.5) : floor(d + 0.5);
		if (isnan(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
		else
			sqlite3_result_int64(ctx, (sqlite3_int64)d);
		return;
	}
	struct pgerr err;
	pgerr_clear(&err);
	int64_t v;
	if (!pgtype_money_parse(s, strlen(s), &v, &err))
		pgfn_error(ctx, err.sqlstate, "%s",
			   strcmp(err.sqlstate, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE) == 0
				   ? "bigint out of range"
				   : err.message);
	else
		sqlite3_result_int64(ctx, v);
}

/* pgfn_cash_numeric(money): cash_numeric, the cents divided by 100. A REAL while the double
 * holds the amount's two decimals exactly enough to print them, else their digits as text. */
static void fn_to_num(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]))
		return;
	int64_t v = sqlite3_value_int64(argv[0]);
	if (v > -(INT64_C(1) << 53) && v < (INT64_C(1) << 53)) {
		sqlite3_result_double(ctx, (double)v / 100.0);
		return;
	}
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%s%llu.%02llu", v < 0 ? "-" : "",
			 (unsigned long long)(u / 100), (unsigned long long)(u % 100));
	sqlite3_result_text(ctx, buf, n, SQLITE_TRANSIENT);
}

/* pgfn_cash_add(a, b, sign): cash_pl (sign 1) and cash_mi (-1). */
static void fn_add(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]) || is_null(argv[1]))
		return;
	int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]), r;
	bool over = sqlite3_value_int(argv[2]) > 0 ? __builtin_add_overflow(a, b, &r)
						   : __builtin_sub_overflow(a, b, &r);
	if (over)
		range_error(ctx);
	else
		sqlite3_result_int64(ctx, r);
}

/* pgfn_cash_mul(money, x, kind): by an integer ('i', checked) or a float ('f', rint). */
static void fn_mul(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]) || is_null(argv[1]))
		return;
	const char *kind = (const char *)sqlite3_value_text(argv[2]);
	int64_t c = sqlite3_value_int64(argv[0]), r;
	if (kind && *kind == 'i') {
		if (__builtin_mul_overflow(c, sqlite3_value_int64(argv[1]), &r))
			range_error(ctx);
		else
			sqlite3_result_int64(ctx, r);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(argv[1]);
	double f = t && strcmp(t, "NaN") == 0 ? NAN : sqlite3_value_double(argv[1]);
	result_rint(ctx, (double)c * f);
}

/* pgfn_cash_div(money, x, kind): by an integer ('i': truncated, as C divides) or a float ('f',
 * rint); 22012 for a zero divisor. */
static void fn_div(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]) || is_null(argv[1]))
		return;
	const char *kind = (const char *)sqlite3_value_text(argv[2]);
	int64_t c = sqlite3_value_int64(argv[0]);
	if (kind && *kind == 'i') {
		int64_t d = sqlite3_value_int64(argv[1]);
		if (d == 0)
			pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		else if (d == -1 && c == INT64_MIN) /* checked in later 15.x releases (was a trap) */
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "money out of range");
		else
			sqlite3_result_int64(ctx, c / d);
		return;
	}
	const char *t = (const char *)sqlite3_value_text(argv[1]);
	double f = t && strcmp(t, "NaN") == 0 ? NAN : sqlite3_value_double(argv[1]);
	if (f == 0.0)
		pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	else
		result_rint(ctx, (double)c / f);
}

/* pgfn_cash_div_cash(money, money): cash_div_cash, a double precision. */
static void fn_div_cash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (is_null(argv[0]) || is_null(argv[1]))
		return;
	int64_t d = sqlite3_value_int64(argv[1]);
	if (d == 0)
		pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
	else
		sqlite3_result_double(ctx, (double)sqlite3_value_int64(argv[0]) / (double)d);
}

/* pgfn_cash_sum(money): sum(money), cash_pl's range error rather than SQLite's. */
struct cash_sum {
	int64_t sum, n; /* n: the non-NULL values in the frame */
	bool over;
};

static void sum_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct cash_sum *s = sqlite3_aggregate_context(ctx, sizeof(*s));
	if (!s || is_null(argv[0]))
		return;
	s->n++;
	s->over = s->over || __builtin_add_overflow(s->sum, sqlite3_value_int64(argv[0]), &s->sum);
}

static void sum_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct cash_sum *s = sqlite3_aggregate_context(ctx, sizeof(*s));
	if (!s || is_null(argv[0]))
		return;
	s->n--;
	s->over = s->over || __builtin_sub_overflow(s->sum, sqlite3_value_int64(argv[0]), &s->sum);
}

static void sum_value(sqlite3_context *ctx)
{
	struct cash_sum *s = sqlite3_aggregate_context(ctx, 0);
	if (s && s->over)
		range_error(ctx);
	else if (s && s->n > 0)
		sqlite3_result_int64(ctx, s->sum);
	else
		sqlite3_result_null(ctx);
}

int pgfn_register_money(sqlite3 *db)
{
	static const struct {
		const char *name;
		int nargs;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
		intptr_t data;
	} fns[] = {
		{"pgfn_cash_in", 1, fn_in, 0},
		{"pgfn_cash_words", 1, fn_words, 0},
		{"pgfn_cash_int", 1, fn_from_int, 0},
		{"pgfn_cash_num", 1, fn_from_num, 0},
		{"pgfn_cash_numeric", 1, fn_to_num, 0},
		{"pgfn_cash_add", 3, fn_add, 0},
		{"pgfn_cash_mul", 3, fn_mul, 0},
		{"pgfn_cash_div", 3, fn_div, 0},
		{"pgfn_cash_div_cash", 2, fn_div_cash, 0},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, rc = SQLITE_OK;
	for (size_t i = 0; i < ARRAY_LEN(fns) && rc == SQLITE_OK; i++)
		rc = sqlite3_create_function(db, fns[i].name, fns[i].nargs, flags,
					     (void *)fns[i].data, fns[i].fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_window_function(db, "pgfn_cash_sum", 1, flags, NULL, sum_step,
						    sum_value, sum_value, sum_inverse, NULL);
	return rc;
}
