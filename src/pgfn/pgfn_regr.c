/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_regr.c: the two-variable statistics aggregates — corr, covar_pop, covar_samp and the
 * regr_* family — over float8, with PostgreSQL's Youngs-Cramer accumulation
 * (float8_regr_accum) so that results agree to the last digit. Arguments are (Y, X); rows
 * where either is NULL are skipped. */
#include "pgfn_int.h"

#include <math.h>

struct regr {
	double n, sx, sxx, sy, syy, sxy;
};

enum regr_fn {
	R_CORR,
	R_COVAR_POP,
	R_COVAR_SAMP,
	R_AVGX,
	R_AVGY,
	R_COUNT,
	R_INTERCEPT,
	R_R2,
	R_SLOPE,
	R_SXX,
	R_SXY,
	R_SYY
};

static void step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	struct regr *r = sqlite3_aggregate_context(ctx, sizeof(*r));
	if (!r)
		return;
	double y = pgfn_float_arg(argv[0]), x = pgfn_float_arg(argv[1]);
	struct regr o = *r;
	r->n = o.n + 1.0;
	r->sx = o.sx + x;
	r->sy = o.sy + y;
	if (o.n > 0.0) {
		double tx = x * r->n - r->sx, ty = y * r->n - r->sy, scale = 1.0 / (r->n * o.n);
		r->sxx = o.sxx + tx * tx * scale;
		r->syy = o.syy + ty * ty * scale;
		r->sxy = o.sxy + tx * ty * scale;
		bool inf_in = isinf(o.sx) || isinf(x) || isinf(o.sy) || isinf(y);
		if (!inf_in && (isinf(r->sx) || isinf(r->sxx) || isinf(r->sy) || isinf(r->syy) ||
				isinf(r->sxy)))
			pgfn_error(ctx, SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE,
				   "value out of range: overflow");
	} else { /* the first row: an infinite or NaN input makes the sums NaN */
		bool bad_x = isnan(x) || isinf(x), bad_y = isnan(y) || isinf(y);
		r->sxx = bad_x ? NAN : 0.0;
		r->syy = bad_y ? NAN : 0.0;
		r->sxy = bad_x || bad_y ? NAN : 0.0;
	}
}

/* The final value of fn from the sums; false for NULL (too few rows, no variance). */
static bool final_value(enum regr_fn fn, const struct regr *r, double *out)
{
	if (r->n < (fn == R_COVAR_SAMP ? 2.0 : 1.0))
		return false;
	switch (fn) {
	case R_CORR:
		*out = r->sxy / sqrt(r->sxx * r->syy);
		return r->sxx != 0 && r->syy != 0;
	case R_COVAR_POP:
		*out = r->sxy / r->n;
		return true;
	case R_COVAR_SAMP:
		*out = r->sxy / (r->n - 1.0);
		return true;
	case R_AVGX:
		*out = r->sx / r->n;
		return true;
	case R_AVGY:
		*out = r->sy / r->n;
		return true;
	case R_INTERCEPT:
		*out = (r->sy - r->sx * r->sxy / r->sxx) / r->n;
		return r->sxx != 0;
	case R_R2:
		*out = r->syy == 0 ? 1.0 : r->sxy * r->sxy / (r->sxx * r->syy);
		return r->sxx != 0;
	case R_SLOPE:
		*out = r->sxy / r->sxx;
		return r->sxx != 0;
	case R_SXX:
		*out = r->sxx;
		return true;
	case R_SXY:
		*out = r->sxy;
		return true;
	case R_SYY:
	default:
		*out = r->syy;
		return true;
	}
}

static void final(sqlite3_context *ctx)
{
	enum regr_fn fn = (enum regr_fn)(intptr_t)sqlite3_user_data(ctx);
	struct regr *r = sqlite3_aggregate_context(ctx, 0);
	struct regr none = {0};
	double v;
	if (fn == R_COUNT)
		sqlite3_result_int64(ctx, (sqlite3_int64)(r ? r->n : 0));
	else if (!final_value(fn, r ? r : &none, &v))
		sqlite3_result_null(ctx);
	else if (isnan(v))
		sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC); /* NaN's stored form */
	else
		sqlite3_result_double(ctx, v);
}

int pgfn_register_regr(sqlite3 *db)
{
	static const char *const names[] = {
		[R_CORR] = "pgfn_corr",
		[R_COVAR_POP] = "pgfn_covar_pop",
		[R_COVAR_SAMP] = "pgfn_covar_samp",
		[R_AVGX] = "pgfn_regr_avgx",
		[R_AVGY] = "pgfn_regr_avgy",
		[R_COUNT] = "pgfn_regr_count",
		[R_INTERCEPT] = "pgfn_regr_intercept",
		[R_R2] = "pgfn_regr_r2",
		[R_SLOPE] = "pgfn_regr_slope",
		[R_SXX] = "pgfn_regr_sxx",
		[R_SXY] = "pgfn_regr_sxy",
		[R_SYY] = "pgfn_regr_syy",
	};
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		int rc = sqlite3_create_function(
			db, names[i], 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
			(void *)(intptr_t)i, NULL, step, final);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}
