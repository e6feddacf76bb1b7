/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_trig.c: PostgreSQL's float8 trigonometric functions — sin ... atan2, their degree
 * forms (sind ... atan2d, exact at the multiples of 30 and 45 degrees as float.c makes them),
 * and the hyperbolic ones: NaN in and out (stored as the text 'NaN'), 22003 "input is out of
 * range" outside the domain, where SQLite's math functions answer NULL or 0. */
#include "pgfn_int.h"

#include <errno.h>
#include <math.h>

#define RADIANS_PER_DEGREE 0.0174532925199432957692

enum trig {
	T_SIN, T_COS, T_TAN, T_COT, T_ASIN, T_ACOS, T_ATAN,
	T_SIND, T_COSD, T_TAND, T_COTD, T_ASIND, T_ACOSD, T_ATAND,
	T_SINH, T_COSH, T_TANH, T_ASINH, T_ACOSH, T_ATANH,
};

/* float.c's degree helpers: ratios to the values at 30, 45 and 60 degrees, so that those
 * angles come out exact. */
static double sind_0_to_30(double x)
{
	volatile double sin_x = sin(x * RADIANS_PER_DEGREE);
	return (sin_x / sin(30.0 * RADIANS_PER_DEGREE)) / 2.0;
}

static double cosd_0_to_60(double x)
{
	volatile double one_minus_cos_x = 1.0 - cos(x * RADIANS_PER_DEGREE);
	return 1.0 - (one_minus_cos_x / (1.0 - cos(60.0 * RADIANS_PER_DEGREE))) / 2.0;
}

static double sind_q1(double x)
{
	return x <= 30.0 ? sind_0_to_30(x) : cosd_0_to_60(90.0 - x);
}

static double cosd_q1(double x)
{
	return x <= 60.0 ? cosd_0_to_60(x) : sind_0_to_30(90.0 - x);
}

static double asind_q1(double x)
{
	if (x <= 0.5) {
		volatile double asin_x = asin(x);
		return (asin_x / asin(0.5)) * 30.0;
	}
	volatile double acos_x = acos(x);
	return 90.0 - (acos_x / acos(0.5)) * 60.0;
}

static double acosd_q1(double x)
{
	if (x <= 0.5) {
		volatile double asin_x = asin(x);
		return 90.0 - (asin_x / asin(0.5)) * 30.0;
	}
	volatile double acos_x = acos(x);
	return (acos_x / acos(0.5)) * 60.0;
}

/* sind, cosd, tand, cotd of a finite x: reduced to the first quadrant with its sign. */
static double degrees_fn(enum trig k, double x)
{
	double sign = 1.0;
	x = fmod(x, 360.0);
	if (x < 0.0) {
		x = -x;
		if (k != T_COSD)
			sign = -sign;
	}
	if (x > 180.0) {
		x = 360.0 - x;
		if (k != T_COSD)
			sign = -sign;
	}
	if (x > 90.0) {
		x = 180.0 - x;
		if (k != T_SIND)
			sign = -sign;
	}
	double tan45 = sind_q1(45.0) / cosd_q1(45.0), r;
	switch (k) {
	case T_SIND:
		return sign * sind_q1(x);
	case T_COSD:
		return sign * cosd_q1(x);
	case T_TAND:
		r = sign * ((sind_q1(x) / cosd_q1(x)) / tan45);
		return r == 0.0 ? 0.0 : r; /* never minus zero */
	default:
		r = sign * ((cosd_q1(x) / sind_q1(x)) / (1.0 / tan45));
		return r == 0.0 ? 0.0 : r;
	}
}

static bool out_of_range(sqlite3_context *ctx)
{
	pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
	return false;
}

/* Whether x lies in k's domain (else 22003 is set). NaN is in every domain. */
static bool in_domain(sqlite3_context *ctx, enum trig k, double x)
{
	switch (k) {
	case T_SIN:
	case T_COS:
	case T_TAN:
	case T_COT:
	case T_SIND:
	case T_COSD:
	case T_TAND:
	case T_COTD:
		return !isinf(x) || out_of_range(ctx);
	case T_ASIN:
	case T_ACOS:
	case T_ASIND:
	case T_ACOSD:
	case T_ATANH:
		return !(x < -1.0 || x > 1.0) || out_of_range(ctx);
	case T_ACOSH:
		return !(x < 1.0) || out_of_range(ctx);
	default:
		return true;
	}
}

static double compute(enum trig k, double x)
{
	switch (k) {
	case T_SIN:
		return sin(x);
	case T_COS:
		return cos(x);
	case T_TAN:
		return tan(x);
	case T_COT:
		return 1.0 / tan(x); /* cot(0) is Infinity, not an error */
	case T_ASIN:
		return asin(x);
	case T_ACOS:
		return acos(x);
	case T_ATAN:
		return atan(x);
	case T_ASIND:
		return x >= 0.0 ? asind_q1(x) : -asind_q1(-x);
	case T_ACOSD:
		return x >= 0.0 ? acosd_q1(x) : 90.0 + asind_q1(-x);
	case T_ATAND: {
		volatile double atan_x = atan(x);
		return (atan_x / atan(1.0)) * 45.0;
	}
	case T_SINH:
		return sinh(x);
	case T_COSH:
		return cosh(x);
	case T_TANH:
		return tanh(x);
	case T_ASINH:
		return asinh(x);
	case T_ACOSH:
		return acosh(x);
	case T_ATANH:
		return x == 1.0 ? INFINITY : x == -1.0 ? -INFINITY : atanh(x);
	default:
		return degrees_fn(k, x);
	}
}

static void result(sqlite3_context *ctx, double r)
{
	if (isnan(r))
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
	else
		sqlite3_result_double(ctx, r);
}

/* One argument; the function is the user data. */
static void fn_trig(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	enum trig k = (enum trig)(uintptr_t)sqlite3_user_data(ctx);
	double x = pgfn_float_arg(argv[0]);
	if (isnan(x)) {
		result(ctx, x);
		return;
	}
	if (in_domain(ctx, k, x))
		result(ctx, compute(k, x));
}

/* atan2(y, x) and atan2d (user data set). */
static void fn_atan2(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	double y = pgfn_float_arg(argv[0]), x = pgfn_float_arg(argv[1]);
	if (isnan(y) || isnan(x)) {
		result(ctx, NAN);
		return;
	}
	volatile double r = atan2(y, x);
	result(ctx, sqlite3_user_data(ctx) ? (r / atan(1.0)) * 45.0 : r);
}

int pgfn_register_trig(sqlite3 *db)
{
	static const struct {
		const char *name;
		enum trig k;
	} fns[] = {
		{"pgfn_sin", T_SIN},	 {"pgfn_cos", T_COS},	{"pgfn_tan", T_TAN},
		{"pgfn_cot", T_COT},	 {"pgfn_asin", T_ASIN}, {"pgfn_acos", T_ACOS},
		{"pgfn_atan", T_ATAN},	 {"pgfn_sind", T_SIND}, {"pgfn_cosd", T_COSD},
		{"pgfn_tand", T_TAND},	 {"pgfn_cotd", T_COTD}, {"pgfn_asind", T_ASIND},
		{"pgfn_acosd", T_ACOSD}, {"pgfn_atand", T_ATAND}, {"pgfn_sinh", T_SINH},
		{"pgfn_cosh", T_COSH},	 {"pgfn_tanh", T_TANH}, {"pgfn_asinh", T_ASINH},
		{"pgfn_acosh", T_ACOSH}, {"pgfn_atanh", T_ATANH},
	};
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < ARRAY_LEN(fns); i++)
		rc = sqlite3_create_function(db, fns[i].name, 1, flags,
					     (void *)(uintptr_t)fns[i].k, fn_trig, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_atan2", 2, flags, NULL, fn_atan2, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "pgfn_atan2d", 2, flags, (void *)db, fn_atan2,
					     NULL, NULL);
	return rc;
}
