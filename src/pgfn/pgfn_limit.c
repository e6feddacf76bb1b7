/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_limit.c: pgfn_limit(count, kind), the value a LIMIT or OFFSET expression that is not a
 * plain constant stands for. SQLite refuses NULL there ("datatype mismatch") and reads a
 * negative LIMIT as none; PostgreSQL reads NULL as no LIMIT / OFFSET 0 and refuses a negative
 * value (2201W, 2201X). kind: 0 OFFSET, 1 LIMIT, 2 the row count of FETCH ... WITH TIES, which
 * the translator compares with each row's rank (NULL: every rank). The count arrives already
 * cast to bigint by the translator. */
#include "pgfn_int.h"

static void fn_limit(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int kind = sqlite3_value_int(argv[1]);
	bool is_limit = kind != 0;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_int64(ctx, kind == 2 ? INT64_MAX : is_limit ? -1 : 0);
		return;
	}
	sqlite3_int64 v = sqlite3_value_int64(argv[0]);
	if (v < 0) {
		pgfn_error(ctx, is_limit ? "2201W" : "2201X", "%s must not be negative",
			   is_limit ? "LIMIT" : "OFFSET");
		return;
	}
	sqlite3_result_int64(ctx, v);
}

int pgfn_register_limit(sqlite3 *db)
{
	static const struct pgfn_def defs[] = {{"pgfn_limit", 2, fn_limit}};
	return pgfn_define(db, defs, ARRAY_LEN(defs));
}
