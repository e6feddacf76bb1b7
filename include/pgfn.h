/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn: PostgreSQL's built-in functions that SQLite lacks or spells differently, as SQLite
 * application-defined functions registered on every tenant connection. The translator (xlat)
 * emits calls to them; their errors carry the PostgreSQL SQLSTATE inside the SQLite message. */
#ifndef SHARDLITE_PGFN_H
#define SHARDLITE_PGFN_H

#include "base.h"

#include <sqlite3.h>

/* Registers every pgfn function on db. Returns an SQLite result code (SQLITE_OK on success). */
int pgfn_register(sqlite3 *db);

/* An error with its SQLSTATE: the SQLite message becomes "pgfn:SSSSS:text", which
 * pgfn_error_split() takes apart again when the statement fails (shard_error). */
void pgfn_error(sqlite3_context *ctx, const char *sqlstate, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

/* If msg was raised by pgfn_error, copies its SQLSTATE into sqlstate, points *text at its text
 * and returns true; otherwise returns false. */
bool pgfn_error_split(const char *msg, char sqlstate[6], const char **text);

/* Each area registers its own functions (one file per area). */
int pgfn_register_math(sqlite3 *db);
/* Checked conversions into a declared type: shardlite_int2/int4/int8(x),
 * shardlite_numeric(x, typmod), shardlite_varchar/bpchar(x, n) (22003, 22P02, 22001). */
int pgfn_register_cast(sqlite3 *db);

#endif
