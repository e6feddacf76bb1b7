/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn.c: registration of every function area on a connection, and the SQLSTATE-carrying
 * error convention shared by all of them. */
#include "pgfn.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define TAG "pgfn:"

int pgfn_register(sqlite3 *db)
{
	static int (*const areas[])(sqlite3 *) = {
		pgfn_register_math,
		pgfn_register_cast,
	};
	for (size_t i = 0; i < ARRAY_LEN(areas); i++) {
		int rc = areas[i](db);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

void pgfn_error(sqlite3_context *ctx, const char *sqlstate, const char *fmt, ...)
{
	char msg[512];
	int n = snprintf(msg, sizeof(msg), TAG "%.5s:", sqlstate);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	sqlite3_result_error(ctx, msg, -1);
}

bool pgfn_error_split(const char *msg, char sqlstate[6], const char **text)
{
	size_t tag = strlen(TAG);
	if (!msg || strncmp(msg, TAG, tag) != 0 || strlen(msg) < tag + 6 || msg[tag + 5] != ':')
		return false;
	memcpy(sqlstate, msg + tag, 5);
	sqlstate[5] = '\0';
	*text = msg + tag + 6;
	return true;
}
