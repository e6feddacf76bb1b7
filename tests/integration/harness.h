/* SPDX-License-Identifier: Apache-2.0 */
/* harness.h: starts the real shardlite binary on a private Unix socket in a temp directory
 * for integration tests, connects libpq to it, and stops it by its PID. */
#ifndef SHARDLITE_TEST_HARNESS_H
#define SHARDLITE_TEST_HARNESS_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct harness {
	pid_t pid;
	char dir[64];       /* temp dir: data/ and the socket live here */
	char data_dir[128];
	int port;
	char log_path[128];
	char users_path[64]; /* harness_start_with_users's file, removed by harness_stop */
};

/* Starts the server (binary from $SHARDLITE_BIN) with extra "--set k=v" args (NULL-ended).
 * Aborts the test on failure. */
void harness_start(struct harness *h, const char *const *extra_args);
/* As harness_start, with users (the users file's text) in a temporary users_file. */
void harness_start_with_users(struct harness *h, const char *users,
			      const char *const *extra_args);
/* SIGTERM, wait; fails the test if the server exited abnormally or logged an ASSERT. */
void harness_stop(struct harness *h);
/* Connects with a conninfo suffix such as "dbname=acme"; fails the test on error. */
PGconn *harness_connect(const struct harness *h, const char *conninfo);
/* Connects without failing the test; caller checks PQstatus. */
PGconn *harness_try_connect(const struct harness *h, const char *conninfo);
/* Raw Unix-socket connection to the server; returns the fd. */
int harness_raw_connect(const struct harness *h);
/* Whether tenant name's SQLite file exists under the data directory. */
bool harness_tenant_exists(const struct harness *h, const char *name);
/* Runs sql and checks the result status; returns the result (caller PQclear). */
PGresult *harness_exec_ok(PGconn *c, const char *sql);
/* As harness_exec_ok, the result discarded. */
void harness_exec(PGconn *c, const char *sql);
/* Runs sql expecting an error with the given SQLSTATE. */
void harness_exec_fail(PGconn *c, const char *sql, const char *sqlstate);
/* As harness_exec_fail, and the primary message is message unless that is NULL. */
void harness_expect_error(PGconn *c, const char *sql, const char *sqlstate, const char *message);
/* Runs sql expecting one row whose first value is want. */
void harness_expect_value(PGconn *c, const char *sql, const char *want);
/* The next result of an asynchronous query on c: success (rows or a command) when sqlstate is
 * "", else that SQLSTATE; the query's other results are read and dropped. */
void harness_expect_result(PGconn *c, const char *sqlstate);
/* Sends CancelRequests until the statement running on c has ended (a cancel that arrives
 * before the statement started does nothing, by design), then expects its 57014. */
void harness_cancel_until_done(PGconn *c);

/* The NoticeResponse messages c receives, a "SQLSTATE message[ / detail]" line each, into
 * text (what does not fit is cut); clear text[0] to start again. */
struct harness_notices {
	char text[2048];
};
void harness_collect_notices(PGconn *c, struct harness_notices *into);

/* ---- the raw wire protocol (harness_raw.c) ---- */

/* Bytes to send, or bytes received; the builders fail the test when it would overflow. */
struct raw_buf {
	uint8_t d[65536];
	size_t n;
};

void raw_u32(struct raw_buf *b, uint32_t v);
void raw_u16(struct raw_buf *b, uint16_t v);
void raw_bytes(struct raw_buf *b, const void *p, size_t n);
/* A NUL-terminated string, NUL included. */
void raw_str(struct raw_buf *b, const char *s);
/* Starts a message of the given type; raw_end(b, mark) fills in its length. */
size_t raw_begin(struct raw_buf *b, char type);
void raw_end(struct raw_buf *b, size_t mark);
/* A whole message: type, length, body. */
void raw_msg(struct raw_buf *b, char type, const void *body, size_t n);
/* Frontend messages: a Query; a Parse without parameter types; a Bind of no parameters with
 * text results; an Execute of at most max_rows rows (0: all); a Sync. */
void raw_query(struct raw_buf *b, const char *sql);
void raw_parse(struct raw_buf *b, const char *stmt, const char *sql);
void raw_bind(struct raw_buf *b, const char *portal, const char *stmt);
void raw_execute(struct raw_buf *b, const char *portal, uint32_t max_rows);
void raw_sync(struct raw_buf *b);
/* A StartupMessage with the protocol version, user and database. */
void raw_startup_msg(struct raw_buf *b, uint32_t version, const char *user, const char *db);
void raw_send(int fd, const struct raw_buf *b);
/* Reads into b (from empty) until the peer closes or stays quiet for timeout_ms. */
void raw_recv_all(int fd, struct raw_buf *b, int timeout_ms);
/* Reads into b (from empty) until a ReadyForQuery has arrived, the peer closes, or 5 s of
 * silence. */
void raw_recv_until_ready(int fd, struct raw_buf *b);
/* Reads exactly one message into b (from empty). */
void raw_recv_msg(int fd, struct raw_buf *b);
/* The type bytes of the messages in b from offset start, as a string. */
void raw_types(const struct raw_buf *b, size_t start, char *out, size_t outlen);
/* Field `code` ('C' SQLSTATE, 'M' message, 'V' severity ...) of the first ErrorResponse in b,
 * or NULL. */
const char *raw_error_field(const struct raw_buf *b, char code);

#endif
