/* SPDX-License-Identifier: Apache-2.0 */
/* pgw: the PostgreSQL v3 wire codec, network-free. We *read* frontend messages (pgw_fe_*)
 * from a byte slice and *write* backend messages (pgw_be_*) into a strbuf. Decoded fields are
 * views into the input bytes, valid until the caller consumes the message; variable-length
 * arrays are allocated from the caller's arena. Nothing here blocks or allocates globally. */
#ifndef SHARDLITE_PGW_H
#define SHARDLITE_PGW_H

#include "base.h"

#define PGW_PROTOCOL(major, minor) (((uint32_t)(major) << 16) | (uint32_t)(minor))
#define PGW_SSL_REQUEST_CODE 80877103u
#define PGW_GSSENC_REQUEST_CODE 80877104u
#define PGW_CANCEL_REQUEST_CODE 80877102u
#define PGW_STARTUP_MAX 10000 /* PostgreSQL's MAX_STARTUP_PACKET_LENGTH */

/* Frontend message type bytes. */
enum pgw_fe_type {
	PGW_FE_BIND = 'B',
	PGW_FE_CLOSE = 'C',
	PGW_FE_COPY_DATA = 'd',
	PGW_FE_COPY_DONE = 'c',
	PGW_FE_COPY_FAIL = 'f',
	PGW_FE_DESCRIBE = 'D',
	PGW_FE_EXECUTE = 'E',
	PGW_FE_FLUSH = 'H',
	PGW_FE_FUNCTION_CALL = 'F',
	PGW_FE_PARSE = 'P',
	PGW_FE_PASSWORD = 'p', /* also SASLInitialResponse and SASLResponse */
	PGW_FE_QUERY = 'Q',
	PGW_FE_SYNC = 'S',
	PGW_FE_TERMINATE = 'X',
};

enum pgw_read_status {
	PGW_NEED_MORE, /* not a whole message yet; *consumed untouched */
	PGW_OK,        /* one message decoded; *consumed = its bytes */
	PGW_BAD,       /* malformed or oversize; err holds a FATAL 08P01; *consumed untouched */
};

/* ---- The first packet of a connection (no type byte). ---- */
enum pgw_startup_kind { PGW_STARTUP, PGW_SSL_REQUEST, PGW_GSSENC_REQUEST, PGW_CANCEL_REQUEST };

struct pgw_param {
	const char *name;  /* NUL-terminated view into the input */
	const char *value; /* NUL-terminated view into the input */
};

struct pgw_startup {
	enum pgw_startup_kind kind;
	uint32_t version;           /* PGW_STARTUP: major<<16 | minor */
	size_t nparams;             /* PGW_STARTUP: name/value pairs, in order sent */
	struct pgw_param *params;   /* from the arena */
	uint32_t cancel_pid;        /* PGW_CANCEL_REQUEST */
	uint32_t cancel_key;        /* PGW_CANCEL_REQUEST */
};

/* Reads a startup-phase packet: StartupMessage, SSLRequest, GSSENCRequest or CancelRequest.
 * Lengths under 8 or over PGW_STARTUP_MAX, a request whose length is not its fixed size (8,
 * or 16 for CancelRequest), a missing terminator, or a parameter without a value are PGW_BAD.
 * The protocol version is not judged here (the session does that): only major version 3 has
 * its name/value list decoded; any other version comes back as PGW_STARTUP with nparams 0. */
enum pgw_read_status pgw_fe_read_startup(const uint8_t *buf, size_t len, struct arena *a,
					 struct pgw_startup *out, size_t *consumed,
					 struct pgerr *err) MUST_CHECK;

/* Returns the value of a startup parameter, or NULL. */
const char *pgw_startup_param(const struct pgw_startup *s, const char *name);

/* ---- Regular messages: a type byte, an int32 length (including itself), a body. ---- */
struct pgw_msg {
	uint8_t type;
	const uint8_t *body; /* view into the input */
	size_t len;          /* body length (excludes type and length word) */
};

/* Frames one message. Lengths under 4 or over INT32_MAX ("invalid message length"), or whose
 * body exceeds max_size (0 = no limit; "message of N bytes exceeds max_message_size (M)") are
 * PGW_BAD with FATAL 08P01, as soon as the length word has arrived. Unknown types are still
 * framed (the session refuses them, so the error can name the type). */
enum pgw_read_status pgw_fe_read_msg(const uint8_t *buf, size_t len, size_t max_size,
				     struct pgw_msg *out, size_t *consumed,
				     struct pgerr *err) MUST_CHECK;

/* True when buf (len bytes of input) begins with a whole Sync message. The session asks it
 * about the bytes after an Execute: an Execute directly followed by its Sync is a statement
 * alone in its implicit transaction block. */
bool pgw_fe_sync_at(const uint8_t *buf, size_t len);

/* Body decoders. Each returns false with FATAL 08P01 in err when the body is malformed
 * (missing terminators, counts that overrun, trailing bytes); err is untouched on success.
 * They decode m->body whatever m->type says: dispatching on the type is the session's job. */
struct pgw_query {
	const char *sql; /* NUL-terminated view */
};
bool pgw_fe_query(const struct pgw_msg *m, struct pgw_query *out, struct pgerr *err) MUST_CHECK;

struct pgw_parse {
	const char *name; /* "" = unnamed statement */
	const char *sql;
	uint16_t nparam_types;
	uint32_t *param_types; /* arena; 0 = unspecified */
};
bool pgw_fe_parse(const struct pgw_msg *m, struct arena *a, struct pgw_parse *out,
		  struct pgerr *err) MUST_CHECK;

struct pgw_bind {
	const char *portal;    /* "" = unnamed portal */
	const char *statement; /* "" = unnamed statement */
	uint16_t nparam_formats;
	int16_t *param_formats; /* arena; 0 text, 1 binary (other values: 08P01 here) */
	uint16_t nparams;
	const uint8_t **param_values; /* arena array of views; NULL entry = SQL NULL */
	int32_t *param_lengths;       /* arena; -1 for NULL */
	uint16_t nresult_formats;
	int16_t *result_formats; /* arena */
};
bool pgw_fe_bind(const struct pgw_msg *m, struct arena *a, struct pgw_bind *out,
		 struct pgerr *err) MUST_CHECK;

/* FunctionCall ('F'), the fastpath call libpq's lo_* API and pgJDBC's LargeObjectManager send:
 * the function's OID, its arguments laid out as Bind's parameters (formats, values: in
 * args.nparam_formats .. args.param_lengths), and the result's format (0 text, 1 binary).
 * Malformed: FATAL 08P01. */
struct pgw_function_call {
	uint32_t fn;
	struct pgw_bind args;
	int16_t result_format;
};
bool pgw_fe_function_call(const struct pgw_msg *m, struct arena *a, struct pgw_function_call *out,
			  struct pgerr *err) MUST_CHECK;

/* Format code of parameter / result column i under PostgreSQL's rules: none given = text,
 * one given = applies to all, else the i-th. */
int16_t pgw_bind_param_format(const struct pgw_bind *b, size_t i);
int16_t pgw_result_format(uint16_t nformats, const int16_t *formats, size_t i);

struct pgw_target {
	char kind; /* 'S' statement or 'P' portal (anything else: 08P01) */
	const char *name;
};
bool pgw_fe_describe(const struct pgw_msg *m, struct pgw_target *out, struct pgerr *err) MUST_CHECK;
bool pgw_fe_close(const struct pgw_msg *m, struct pgw_target *out, struct pgerr *err) MUST_CHECK;

struct pgw_execute {
	const char *portal;
	uint32_t max_rows; /* 0 = all (so is a negative count, as in PostgreSQL) */
};
bool pgw_fe_execute(const struct pgw_msg *m, struct pgw_execute *out, struct pgerr *err) MUST_CHECK;

/* CopyData's body is the data itself (m->body, m->len); CopyDone's body is ignored, as
 * PostgreSQL ignores it. CopyFail carries the client's reason. */
struct pgw_copy_fail {
	const char *message;
};
bool pgw_fe_copy_fail(const struct pgw_msg *m, struct pgw_copy_fail *out,
		      struct pgerr *err) MUST_CHECK;

/* PasswordMessage / SASLInitialResponse / SASLResponse bodies are read by the auth module. */
/* The 'p' message is a PasswordMessage, SASLInitialResponse or SASLResponse depending on
 * what the server asked for; the session knows which and calls the matching decoder. */
struct pgw_password {
	const char *password; /* NUL-terminated view (cleartext, or "md5" + 32 hex digits) */
};
/* 08P01 unless the body is exactly one NUL-terminated string. */
bool pgw_fe_password(const struct pgw_msg *m, struct pgw_password *out,
		     struct pgerr *err) MUST_CHECK;

struct pgw_sasl_initial {
	const char *mechanism; /* NUL-terminated view */
	const uint8_t *data;   /* client-first-message, not NUL-terminated */
	size_t len;
	bool has_data; /* false when the client sent length -1 */
};
/* 08P01 when the mechanism is unterminated or the length word disagrees with the body. */
bool pgw_fe_sasl_initial(const struct pgw_msg *m, struct pgw_sasl_initial *out,
			 struct pgerr *err) MUST_CHECK;

struct pgw_sasl_response {
	const uint8_t *data; /* the whole body, not NUL-terminated */
	size_t len;
};
void pgw_fe_sasl_response(const struct pgw_msg *m, struct pgw_sasl_response *out);

/* ---- Backend messages, appended to a strbuf (check sb->failed once at the end). ---- */
void pgw_be_auth_ok(struct strbuf *sb);
/* Authentication requests: CleartextPassword, MD5Password (4-byte salt), SASL (the offered
 * mechanisms, in order of preference), SASLContinue and SASLFinal (mechanism data). */
void pgw_be_auth_cleartext(struct strbuf *sb);
void pgw_be_auth_md5(struct strbuf *sb, const uint8_t salt[4]);
void pgw_be_auth_sasl(struct strbuf *sb, size_t n, const char *const *mechanisms);
void pgw_be_auth_sasl_continue(struct strbuf *sb, const void *data, size_t n);
void pgw_be_auth_sasl_final(struct strbuf *sb, const void *data, size_t n);
void pgw_be_parameter_status(struct strbuf *sb, const char *name, const char *value);
void pgw_be_backend_key(struct strbuf *sb, uint32_t pid, uint32_t key);
/* status: 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block. */
void pgw_be_ready(struct strbuf *sb, char status);
/* NegotiateProtocolVersion: newest minor we support, and the startup options we ignored. */
void pgw_be_negotiate_version(struct strbuf *sb, uint32_t newest_minor, size_t nunknown,
			      const char *const *unknown);
void pgw_be_parse_complete(struct strbuf *sb);
void pgw_be_bind_complete(struct strbuf *sb);
void pgw_be_close_complete(struct strbuf *sb);
void pgw_be_no_data(struct strbuf *sb);
void pgw_be_portal_suspended(struct strbuf *sb);
void pgw_be_empty_query(struct strbuf *sb);
void pgw_be_command_complete(struct strbuf *sb, const char *tag);
/* FunctionCallResponse: the result's n bytes (-1: NULL). */
void pgw_be_function_call_response(struct strbuf *sb, const void *p, int32_t n);
void pgw_be_parameter_description(struct strbuf *sb, size_t n, const uint32_t *oids);
/* Takes back the last whole message of type that begins at or after offset from (the start
 * of a message written to sb), keeping the messages after it, and appends it to into unless
 * NULL; false when there is none. The session holds a statement's CommandComplete back this
 * way until its transaction's commit is done (sess_simple.c). */
bool pgw_be_unwrite_last(struct strbuf *sb, size_t from, uint8_t type, struct strbuf *into);

/* One RowDescription field. */
struct pgw_field {
	const char *name;
	uint32_t table_oid; /* 0 when not a plain table column */
	int16_t column;     /* attnum, 0 when not a table column */
	uint32_t type_oid;
	int16_t typlen;
	int32_t typmod;
	int16_t format; /* 0 text, 1 binary */
};
void pgw_be_row_description(struct strbuf *sb, size_t n, const struct pgw_field *fields);

/* DataRow, written column by column:
 *   size_t mark = pgw_be_datarow_begin(sb, ncols);
 *   for each column: pgw_be_datarow_null(sb) or pgw_be_datarow_value(sb, p, n), or
 *                    off = pgw_be_datarow_open(sb); ...append bytes...; pgw_be_datarow_close(sb, off)
 *   pgw_be_datarow_end(sb, mark); */
size_t pgw_be_datarow_begin(struct strbuf *sb, uint16_t ncols);
void pgw_be_datarow_null(struct strbuf *sb);
void pgw_be_datarow_value(struct strbuf *sb, const void *p, size_t n);
size_t pgw_be_datarow_open(struct strbuf *sb);
void pgw_be_datarow_close(struct strbuf *sb, size_t off);
void pgw_be_datarow_end(struct strbuf *sb, size_t mark);

/* COPY: CopyInResponse ('G') / CopyOutResponse ('H') with one format code (0 text and CSV,
 * 1 binary) for the whole copy and for each of its ncols columns; CopyData ('d') framed
 * around bytes the caller appends between begin and end; CopyDone ('c'). */
void pgw_be_copy_in_response(struct strbuf *sb, int8_t format, size_t ncols);
void pgw_be_copy_out_response(struct strbuf *sb, int8_t format, size_t ncols);
size_t pgw_be_copy_data_begin(struct strbuf *sb);
void pgw_be_copy_data_end(struct strbuf *sb, size_t mark);
void pgw_be_copy_done(struct strbuf *sb);

/* ErrorResponse ('E') or NoticeResponse ('N') with S, V, C, M and, when set, D, H, P, W. */
void pgw_be_error(struct strbuf *sb, const struct pgerr *e);
void pgw_be_notice(struct strbuf *sb, const char *severity, const char *sqlstate,
		   const char *message);
/* NoticeResponse ('N') of severity with e's SQLSTATE, message and, when set, D, H, P, W. */
void pgw_be_notice_report(struct strbuf *sb, const char *severity, const struct pgerr *e);

/* Generic framing for messages not listed above: begin returns a mark, end patches the
 * length. */
size_t pgw_be_begin(struct strbuf *sb, uint8_t type);
void pgw_be_end(struct strbuf *sb, size_t mark);

#endif
