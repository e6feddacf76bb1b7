/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn_math.c: arithmetic as PostgreSQL defines it where SQLite answers differently. */
#include "pgfn.h"

/* shardlite_divisor(x): x, or 22012 "division by zero" when x is zero. The translator wraps
 * every divisor that may be zero in it (SQLite itself answers NULL there). */
static void fn_divisor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_value *v = argv[0];
	int type = sqlite3_value_numeric_type(v);
	if ((type == SQLITE_INTEGER && sqlite3_value_int64(v) == 0) ||
	    (type == SQLITE_FLOAT && sqlite3_value_double(v) == 0.0)) {
		pgfn_error(ctx, SQLSTATE_DIVISION_BY_ZERO, "division by zero");
		return;
	}
	sqlite3_result_value(ctx, v);
}

int pgfn_register_math(sqlite3 *db)
{
	return sqlite3_create_function(db, "shardlite_divisor", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       fn_divisor, NULL, NULL);
}
