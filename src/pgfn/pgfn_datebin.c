/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_datebin.c: date_bin(stride, source, origin) — source truncated down to the start of
 * its stride-wide bin counted from origin, for timestamp and timestamptz (a timestamptz in
 * absolute time, as PostgreSQL bins it). */
#include "pgfn_int.h"

#include <stdint.h>

#define USECS_PER_DAY INT64_C(86400000000)

/* pg_date_bin(stride, source, oid, origin): oid the source's type (timestamp or timestamptz;
 * a date is binned as a timestamptz); origin is read as that type. */
static void fn_date_bin(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	if (pgfn_any_null(ctx, argc, argv))
		return;
	uint32_t oid = (uint32_t)sqlite3_value_int64(argv[2]);
	struct pgfn_dt stride, src, origin;
	if (!pgfn_dt_arg(ctx, argv[0], PGTYPE_INTERVAL, &stride) ||
	    !pgfn_dt_arg(ctx, argv[1], oid, &src))
		return;
	if (src.oid != PGTYPE_TIMESTAMP && !pgfn_dt_convert(ctx, &src, PGTYPE_TIMESTAMPTZ))
		return;
	if (!pgfn_dt_arg(ctx, argv[3], src.oid, &origin) ||
	    (origin.oid != src.oid && !pgfn_dt_convert(ctx, &origin, src.oid)))
		return;
	if (stride.iv.month != 0) {
		pgfn_error(ctx, SQLSTATE_FEATURE_NOT_SUPPORTED,
			   "timestamps cannot be binned into intervals containing months or years");
		return;
	}
	int64_t width = 0, diff = 0;
	if (__builtin_mul_overflow((int64_t)stride.iv.day, USECS_PER_DAY, &width) ||
	    __builtin_add_overflow(width, stride.iv.time, &width) || width <= 0) {
		pgfn_error(ctx, "22008",
			   width <= 0 ? "stride must be greater than zero"
				      : "interval out of range");
		return;
	}
	if (!pgfn_dt_finite(src.ts)) {
		pgfn_dt_result(ctx, &src);
		return;
	}
	if (!pgfn_dt_finite(origin.ts) || __builtin_sub_overflow(src.ts, origin.ts, &diff)) {
		pgfn_error(ctx, "22008", "origin out of range");
		return;
	}
	int64_t delta = diff - diff % width;
	if (diff < 0 && diff % width != 0) /* before the origin: the bin below */
		delta -= width;
	src.ts = origin.ts + delta;
	if (pgfn_dt_check_ts(ctx, src.ts))
		pgfn_dt_result(ctx, &src);
}

int pgfn_register_datebin(sqlite3 *db, struct pgfn_conn *c)
{
	static const struct pgfn_def defs[] = {{"pg_date_bin", 4, fn_date_bin}};
	return pgfn_define_with(db, defs, ARRAY_LEN(defs), SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
				c);
}
