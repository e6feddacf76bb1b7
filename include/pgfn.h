/* SPDX-License-Identifier: Apache-2.0 */
/* pgfn: PostgreSQL's built-in functions that SQLite lacks or spells differently, as SQLite
 * application-defined functions registered on every tenant connection. The translator (xlat)
 * emits calls to them; their errors carry the PostgreSQL SQLSTATE inside the SQLite message. */
#ifndef SHARDLITE_PGFN_H
#define SHARDLITE_PGFN_H

#include "base.h"
#include "pgtype.h"

#include <sqlite3.h>

/* A connection's pgfn state: what the functions know of the session using the connection. */
struct pgfn_conn;

/* Registers every pgfn function on db; returns db's pgfn state (freed when db closes), or NULL
 * when SQLite refused a registration (the reason is db's error message). */
struct pgfn_conn *pgfn_register(sqlite3 *db);

/* An error with its SQLSTATE: the SQLite message becomes "pgfn:SSSSS:text", which
 * pgfn_error_split() takes apart again when the statement fails (shard_error). */
void pgfn_error(sqlite3_context *ctx, const char *sqlstate, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

/* If msg was raised by pgfn_error, copies its SQLSTATE into sqlstate, points *text at its text
 * and returns true; otherwise returns false. */
bool pgfn_error_split(const char *msg, char sqlstate[6], const char **text);

/* The session facts the date/time functions need. A connection may serve several sessions
 * over its life (pooling), so whoever uses it lends its own with pgfn_lend (NULL:
 * none — TimeZone UTC, now() reads the clock); the struct must stay valid until the next
 * call, and its fields may change between statements. Times are microseconds since
 * 2000-01-01 UTC; 0 means "read the clock". */
struct pgfn_session {
	const struct pgtype_tz *tz;      /* TimeZone (NULL: UTC) */
	int64_t txn_start;               /* now(), current_timestamp: stable within a transaction */
	int64_t stmt_start;              /* statement_timestamp() */
	struct pgtype_dtstyle datestyle; /* DateStyle: ::text output, input field order */
};
void pgfn_lend(struct pgfn_conn *c, const struct pgfn_session *s);

/* PostgreSQL's array text form "{a,"b c",NULL}" → elements (unquoted; NULL for a NULL
 * element) in a; *n receives the count. NULL when s is not an array text (22P02 territory). */
const char **pgfn_array_parse(struct arena *a, const char *s, size_t *n);

/* Appends one element as array_out writes it: quoted (with \ escapes) when it is empty, NULL,
 * or holds a brace, comma, quote, backslash or blank; elem NULL writes NULL. */
void pgfn_array_put_elem(struct strbuf *sb, const char *elem);

/* Each area registers its own functions (one file per area). */
int pgfn_register_math(sqlite3 *db);
int pgfn_register_string(sqlite3 *db); /* pgfn_string.c: padding, splitting, case, chr ... */
int pgfn_register_bytes(sqlite3 *db);  /* pgfn_bytes.c: md5, sha2, encode/decode, bytes */
int pgfn_register_format(sqlite3 *db); /* pgfn_format.c: format(), quote_* */
int pgfn_register_json(sqlite3 *db);   /* pgfn_jsonfn.c, pgfn_jsonop.c: json and jsonb */
/* Date/time: casts with validation, arithmetic, now() and friends, date_trunc, extract,
 * age, make_*, to_char, to_timestamp, AT TIME ZONE (pgfn_datetime.c, pgfn_tochar.c). */
int pgfn_register_datetime(sqlite3 *db, struct pgfn_conn *c);
/* sum/avg/min/max over intervals: pgfn_interval_sum(x) ... (pgfn_dtagg.c). */
int pgfn_register_dtagg(sqlite3 *db);
/* txid_current, pg_current_xact_id, pg_postmaster_start_time (pgfn_xact.c). */
int pgfn_register_xact(sqlite3 *db, struct pgfn_conn *c);
int pgfn_register_array(sqlite3 *db);  /* pgfn_array.c, pgfn_arrayop.c: arrays, ANY/ALL */
int pgfn_register_srf(sqlite3 *db);    /* pgfn_srf.c: unnest(a, b, ...), JSON SRFs in FROM */
int pgfn_register_regex(sqlite3 *db);  /* pgfn_regex.c: ~ (pg_regex), regexp_*, SIMILAR TO */
/* Checked conversions into a declared type: shardlite_int2/int4/int8(x),
 * shardlite_numeric(x, typmod), shardlite_varchar/bpchar(x, n) (22003, 22P02, 22001),
 * shardlite_uuid(x) (canonical text), shardlite_bytea(x) (text read as bytea input). */
int pgfn_register_cast(sqlite3 *db);

#endif
