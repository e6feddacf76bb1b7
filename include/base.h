/* SPDX-License-Identifier: Apache-2.0 */
/* base: the ground floor every module stands on — ASSERT, logging, growable byte buffers,
 * a bump arena, and the PostgreSQL error object (struct pgerr). No I/O beyond stderr. */
#ifndef SHARDLITE_BASE_H
#define SHARDLITE_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MUST_CHECK __attribute__((warn_unused_result))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The value of a hexadecimal digit (either case), -1 for any other character. */
static inline int base_hexval(int c)
{
	int lower = c | 0x20;
	return c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

/* ---- ASSERT: a bug, never an expected failure. Logs file:line and aborts. ---- */
void base_assert_fail(const char *expr, const char *file, int line) __attribute__((noreturn));
#ifdef SHARDLITE_ASSERTS
#define ASSERT(e) ((e) ? (void)0 : base_assert_fail(#e, __FILE__, __LINE__))
#else
#define ASSERT(e) ((void)0)
#endif

/* ---- Logging: one line per call on stderr, "LEVEL [sid] tenant: message". ---- */
enum base_log_level { BASE_LOG_DEBUG, BASE_LOG_INFO, BASE_LOG_WARN, BASE_LOG_ERROR };

/* Sets the lowest level that is printed (default INFO). */
void base_log_set_level(enum base_log_level level);
/* Parses "debug"/"info"/"warning"/"error"; false when the name is unknown. */
bool base_log_level_parse(const char *name, enum base_log_level *out) MUST_CHECK;
/* sid 0 and tenant NULL mean "not in a session" and print as "-". Thread-safe. */
void base_log(enum base_log_level level, uint64_t sid, const char *tenant, const char *fmt, ...)
    PRINTF_LIKE(4, 5);

#define LOG_DEBUG(sid, tenant, ...) base_log(BASE_LOG_DEBUG, sid, tenant, __VA_ARGS__)
#define LOG_INFO(sid, tenant, ...) base_log(BASE_LOG_INFO, sid, tenant, __VA_ARGS__)
#define LOG_WARN(sid, tenant, ...) base_log(BASE_LOG_WARN, sid, tenant, __VA_ARGS__)
#define LOG_ERROR(sid, tenant, ...) base_log(BASE_LOG_ERROR, sid, tenant, __VA_ARGS__)

/* ---- xmalloc family: abort on out-of-memory (logged), never return NULL. ---- */
void *base_xmalloc(size_t n);
void *base_xcalloc(size_t n, size_t size);
void *base_xrealloc(void *p, size_t n);
char *base_xstrdup(const char *s);
char *base_xstrndup(const char *s, size_t n);

/* ---- strbuf: a growable byte buffer with a sticky failure bit. ----
 * Appends past `limit` (0 = unlimited) set `failed` instead of growing; callers check once at
 * the end. data is always NUL-terminated after an append (the NUL is not counted in len). */
struct strbuf {
	char *data;
	size_t len;
	size_t cap;
	size_t limit;
	bool failed;
};

void strbuf_init(struct strbuf *sb, size_t limit);
void strbuf_fini(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb); /* len = 0, failed = false, memory kept */
void strbuf_append(struct strbuf *sb, const void *p, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
/* Appends s between two q characters, doubling every q inside: SQL's quoting of identifiers
 * (q = '"') and string literals (q = '\''). */
void strbuf_put_quoted(struct strbuf *sb, const char *s, char q);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) PRINTF_LIKE(2, 3);
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/* Big-endian integers, as the wire protocol wants them. */
void strbuf_put_u8(struct strbuf *sb, uint8_t v);
void strbuf_put_u16(struct strbuf *sb, uint16_t v);
void strbuf_put_u32(struct strbuf *sb, uint32_t v);
void strbuf_put_u64(struct strbuf *sb, uint64_t v);
/* Overwrites 4 bytes at offset off (which must already be inside the buffer). */
void strbuf_patch_u32(struct strbuf *sb, size_t off, uint32_t v);
/* Removes the first n bytes (n <= len). */
void strbuf_consume(struct strbuf *sb, size_t n);
/* Gives the caller the malloc'd data (NUL-terminated) and re-inits sb. */
char *strbuf_take(struct strbuf *sb);

/* ---- arena: bump allocator for per-message and per-query memory. ---- */
struct arena;

struct arena *arena_new(size_t chunk_size); /* 0 = default (8 KiB) */
void arena_free(struct arena *a);
void arena_reset(struct arena *a); /* frees everything but the first chunk */
void *arena_alloc(struct arena *a, size_t n); /* 16-byte aligned, never NULL */
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* PostgreSQL's makeObjectName, how it names what a statement leaves unnamed:
 * "name1_name2_label" (name2, label may be NULL) in at most 63 bytes, the longer of name1 and
 * name2 cut first, never inside a UTF-8 character. In a. */
const char *base_object_name(struct arena *a, const char *name1, const char *name2,
			     const char *label);
size_t arena_used(const struct arena *a); /* bytes handed out since the last reset */
/* Length of the invalid UTF-8 sequence at s[0..n), n > 0 (0 when s starts with a valid
 * character, whose length goes to *len). NUL is invalid, as in PostgreSQL's text. */
size_t base_utf8_bad(const unsigned char *s, size_t n, size_t *len);

/* ---- PostgreSQL's encoding names (base_encoding.c) ----
 * Encodings by PostgreSQL's number (pg_wchar.h's enum pg_enc): 0 .. BASE_ENC_COUNT - 1, of
 * which 0 .. BASE_ENC_BE_LAST may be a server (database) encoding. */
#define BASE_ENC_SQL_ASCII 0
#define BASE_ENC_UTF8 6
#define BASE_ENC_LATIN1 8
#define BASE_ENC_WIN1258 19
#define BASE_ENC_WIN866 20
#define BASE_ENC_BE_LAST 34 /* KOI8U */
#define BASE_ENC_COUNT 42
#define BASE_ENC_NAMEDATALEN 64
/* pg_encoding_to_char: the name of encoding enc ("UTF8"), NULL when there is none. */
const char *base_encoding_name(int enc);
/* pg_char_to_encoding: the encoding a spelling names ("utf-8", "Latin1", "ISO_8859-1",
 * "windows-1252" ...: letters and digits compared, case ignored), -1 when none (NULL, "", or
 * BASE_ENC_NAMEDATALEN bytes or more, as in PostgreSQL). */
int base_encoding_from_name(const char *name);
/* The same for an argument of SQL type name (pg_char_to_encoding(name), convert_to's): cut to
 * BASE_ENC_NAMEDATALEN - 1 bytes first, as the cast to name cuts it. */
int base_encoding_from_sqlname(const char *name);

/* ---- pgerr: an error the client must hear of, with PostgreSQL's fields. ----
 * sqlstate is five characters; severity is "ERROR", "FATAL" or "PANIC" (PostgreSQL's
 * non-localized names). position is 1-based into the statement text, 0 = none. */
enum pgerr_severity { PGERR_ERROR, PGERR_FATAL };

#define PGERR_MSG_MAX 512
#define PGERR_NAME_MAX 128 /* an identifier: 63 bytes in PostgreSQL, room for longer SQLite names */

struct pgerr {
	char sqlstate[6];
	enum pgerr_severity severity;
	int position;
	char message[PGERR_MSG_MAX];
	char detail[PGERR_MSG_MAX];
	char hint[PGERR_MSG_MAX];
	char context[PGERR_MSG_MAX];
	/* The object the error is about (fields s, t, c, n of ErrorResponse), "" = not sent;
	 * drivers expose them (psycopg's diag, JDBC's ServerErrorMessage). */
	char schema_name[PGERR_NAME_MAX];
	char table_name[PGERR_NAME_MAX];
	char column_name[PGERR_NAME_MAX];
	char datatype_name[PGERR_NAME_MAX]; /* d: RAISE ... USING DATATYPE */
	char constraint_name[PGERR_NAME_MAX];
};

/* Empties all fields (sqlstate "" means "no error"); the string buffers are not zeroed. */
void pgerr_clear(struct pgerr *e);
static inline bool pgerr_is_set(const struct pgerr *e) { return e->sqlstate[0] != '\0'; }
/* Sets severity ERROR, the SQLSTATE and a formatted message; clears the other fields.
 * Always returns false so failure paths can `return pgerr_set(...)`. */
bool pgerr_set(struct pgerr *e, const char *sqlstate, const char *fmt, ...) PRINTF_LIKE(3, 4);
/* As pgerr_set with severity FATAL. */
bool pgerr_fatal(struct pgerr *e, const char *sqlstate, const char *fmt, ...) PRINTF_LIKE(3, 4);
void pgerr_detail(struct pgerr *e, const char *fmt, ...) PRINTF_LIKE(2, 3);
void pgerr_hint(struct pgerr *e, const char *fmt, ...) PRINTF_LIKE(2, 3);
const char *pgerr_severity_name(enum pgerr_severity s);

/* SQLSTATEs used in more than one module (PostgreSQL Appendix A). */
#define SQLSTATE_SUCCESS "00000"
#define SQLSTATE_PROTOCOL_VIOLATION "08P01"
#define SQLSTATE_FEATURE_NOT_SUPPORTED "0A000"
#define SQLSTATE_INVALID_CATALOG_NAME "3D000"
#define SQLSTATE_INVALID_SCHEMA_NAME "3F000"
#define SQLSTATE_SYNTAX_ERROR "42601"
#define SQLSTATE_DUPLICATE_COLUMN "42701"
#define SQLSTATE_UNDEFINED_TABLE "42P01"
#define SQLSTATE_UNDEFINED_COLUMN "42703"
#define SQLSTATE_UNDEFINED_OBJECT "42704"
#define SQLSTATE_UNDEFINED_FUNCTION "42883"
#define SQLSTATE_DUPLICATE_TABLE "42P07"
#define SQLSTATE_INSUFFICIENT_PRIVILEGE "42501"
#define SQLSTATE_DATATYPE_MISMATCH "42804"
#define SQLSTATE_INVALID_TEXT_REPRESENTATION "22P02"
#define SQLSTATE_INVALID_BINARY_REPRESENTATION "22P03"
#define SQLSTATE_NUMERIC_VALUE_OUT_OF_RANGE "22003"
#define SQLSTATE_DIVISION_BY_ZERO "22012"
#define SQLSTATE_STRING_DATA_RIGHT_TRUNCATION "22001"
#define SQLSTATE_INVALID_PARAMETER_VALUE "22023"
#define SQLSTATE_UNIQUE_VIOLATION "23505"
#define SQLSTATE_NOT_NULL_VIOLATION "23502"
#define SQLSTATE_FOREIGN_KEY_VIOLATION "23503"
#define SQLSTATE_CHECK_VIOLATION "23514"
#define SQLSTATE_ACTIVE_SQL_TRANSACTION "25001"
#define SQLSTATE_NO_ACTIVE_SQL_TRANSACTION "25P01"
#define SQLSTATE_IN_FAILED_SQL_TRANSACTION "25P02"
#define SQLSTATE_READ_ONLY_SQL_TRANSACTION "25006"
#define SQLSTATE_IDLE_IN_TRANSACTION_TIMEOUT "25P03"
#define SQLSTATE_INVALID_SQL_STATEMENT_NAME "26000"
#define SQLSTATE_INVALID_CURSOR_NAME "34000"
#define SQLSTATE_DUPLICATE_PSTATEMENT "42P05"
#define SQLSTATE_DUPLICATE_CURSOR "42P03"
#define SQLSTATE_UNDEFINED_PARAMETER "42P02"
#define SQLSTATE_INDETERMINATE_DATATYPE "42P18"
#define SQLSTATE_SAVEPOINT_EXCEPTION "3B001"
#define SQLSTATE_QUERY_CANCELED "57014"
#define SQLSTATE_ADMIN_SHUTDOWN "57P01"
#define SQLSTATE_INSUFFICIENT_RESOURCES "53000"
#define SQLSTATE_TOO_MANY_CONNECTIONS "53300"
#define SQLSTATE_OUT_OF_MEMORY "53200"
#define SQLSTATE_DISK_FULL "53100"
#define SQLSTATE_PROGRAM_LIMIT_EXCEEDED "54000"
#define SQLSTATE_STATEMENT_TOO_COMPLEX "54001"
#define SQLSTATE_LOCK_NOT_AVAILABLE "55P03"
#define SQLSTATE_SERIALIZATION_FAILURE "40001"
#define SQLSTATE_DEADLOCK_DETECTED "40P01"
#define SQLSTATE_INVALID_AUTHORIZATION "28000"
#define SQLSTATE_INVALID_PASSWORD "28P01"
#define SQLSTATE_CANT_CHANGE_RUNTIME_PARAM "55P02"
#define SQLSTATE_UNDEFINED_PARAMETER_NAME "42704"
#define SQLSTATE_DATA_CORRUPTED "XX001"
#define SQLSTATE_INTERNAL_ERROR "XX000"
#define SQLSTATE_IO_ERROR "58030"

#endif
