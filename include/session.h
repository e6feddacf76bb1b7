/* SPDX-License-Identifier: Apache-2.0 */
/* session: one client connection's PostgreSQL protocol state machine — startup, simple and
 * extended query, transaction state, prepared statements and portals, session settings,
 * cancel and timeouts. Network-free: the server feeds it bytes and sends what it writes to
 * session_output(). Threads: one thread at a time per session (the server runs its input on a
 * worker); only session_cancel may be called from another thread concurrently. */
#ifndef SHARDLITE_SESSION_H
#define SHARDLITE_SESSION_H

#include "base.h"

struct auth;
struct config;
struct config_live;
struct shard_registry;
struct session_tenant_counts;

/* Where the client came from: decides defaults such as trust on loopback and Unix sockets. */
enum session_origin { SESSION_UNIX, SESSION_LOOPBACK, SESSION_REMOTE };

/* What the server lends every session. All pointers outlive the session. */
struct session_env {
	/* The running configuration: each session pins the current snapshot at the start of
	 * each input (so a reload applies from a session's next message on). */
	struct config_live *cfg;
	struct shard_registry *shards;
	/* Delivers a CancelRequest: interrupt session `pid` if `key` matches. May be NULL. Called
	 * on the thread running the requesting session; must be thread-safe. */
	void (*cancel_fn)(void *ctx, uint32_t pid, uint32_t key);
	void *cancel_ctx;
	/* Authentication rules and users (docs/security.md). NULL = trust everyone. */
	struct auth *auth;
	/* Connections per tenant, for max_tenant_connections. NULL = not counted. */
	struct session_tenant_counts *tenant_counts;
};

struct session;

/* id doubles as the BackendKeyData process id, so it must fit 32 bits and be unique. */
struct session *session_new(uint32_t id, const struct session_env *env,
			    enum session_origin origin);
/* Frees everything the session owns, rolling back an open transaction. Call it only from a
 * safe point (not from inside session_input). */
void session_free(struct session *s);
/* Whether session_free would not block now: the session holds no tenant connection (so no
 * transaction to roll back, no file to close), no COPY, portal, cursor or statement in flight.
 * The usual end, a Terminate between transactions, is such a close. */
bool session_close_cheap(const struct session *s);

/* *want of session_input when the session waits for another connection's lock: call again
 * (with the unconsumed bytes) once the waker ran or session_wake_after_ms has passed. */
#define SESSION_WANT_WAKE SIZE_MAX
/* *want of session_input when a statement stopped after ~256 KiB of output: call again (with
 * the unconsumed bytes) once the client has read most of session_output(). */
#define SESSION_WANT_DRAIN (SIZE_MAX - 1)

/* Consumes as many whole messages from buf as it can (possibly none) and returns the number
 * of bytes consumed. *want receives the total number of bytes (counted from the first
 * unconsumed byte) needed before calling again can make progress, or SESSION_WANT_WAKE.
 * Responses accumulate in session_output(). Blocks on disk: call it off the event loop. */
size_t session_input(struct session *s, const uint8_t *buf, size_t len, size_t *want);

/* *want of session_input_inline when the rest of the input must run on a worker: call
 * session_input there with the bytes it left unconsumed (possibly none). */
#define SESSION_WANT_WORKER (SIZE_MAX - 2)

/* session_input's fast path, for the event-loop thread (docs/architecture.md, Execution): the
 * same contract, except that it never blocks. It answers a CancelRequest, and after startup
 * runs what is cheap — Parse, Bind, Describe, Execute, Sync, Close, Flush, Query — as long as
 * each statement is read-only, needs no file opened (the tenant connection comes from the
 * pool's cache) and stays under inline_budget VM steps. A statement that cannot stops before
 * anything of it was sent, and the input from that message on is left to session_input on a
 * worker (SESSION_WANT_WORKER), which runs it from scratch, as after a lock wait. */
size_t session_input_inline(struct session *s, const uint8_t *buf, size_t len, size_t *want);

/* How the session asks to be run again without new input (the lock it waits for may be free,
 * a cancel arrived): wake(arg) is called from any thread and must only schedule a call of
 * session_input. Set once, before the first input. */
void session_set_waker(struct session *s, void (*wake)(void *arg), void *arg);
/* Where the client connects from (TCP), for pg_stat_activity's client_addr/client_port; not
 * called for a Unix socket. Copied. Before the first input. */
void session_set_peer(struct session *s, const char *addr, int port);
/* The server's end of that TCP connection, for inet_server_addr()/inet_server_port(). Copied.
 * Before the first input. */
void session_set_local(struct session *s, const char *addr, int port);
/* Milliseconds until session_input must run again even without input (a lock or statement
 * timeout while waiting for a lock, the idle-in-transaction timeout), or -1 for none. */
int session_wake_after_ms(struct session *s);

/* Bytes to send to the client; the caller drains (strbuf_consume/strbuf_reset) what it sent. */
struct strbuf *session_output(struct session *s);
/* Whether session_output() holds only the start of the answer to a request whose next
 * statement waits for a lock (parked): PostgreSQL sends nothing of it until the statement
 * ran or a Sync, Flush or Query before it ended (the output is then sent whole). */
bool session_output_held(struct session *s);

/* True once the client has finished startup (the startup timeout no longer applies). */
bool session_started(const struct session *s);
/* True when the connection must be closed after the output is flushed. */
bool session_closing(const struct session *s);

/* Writes a FATAL ErrorResponse (e.g. startup timeout, shutdown) and marks the session closing. */
void session_fatal(struct session *s, const char *sqlstate, const char *message);

/* Thread-safe: the server is going down; a running statement stops at its next progress check
 * and the session ends with FATAL 57P01. */
void session_interrupt(struct session *s);

uint32_t session_pid(const struct session *s);
/* Interrupts the running (or lock-waiting) statement when key matches this session's cancel
 * key; does nothing when the session is idle, and never touches a later statement.
 * Thread-safe against the session's own thread; the caller keeps s alive meanwhile. */
bool session_cancel(struct session *s, uint32_t key);

/* TLS, asked for by the client's SSLRequest (answered 'S' when cfg->ssl is not off).
 * session_tls_start is true once, after the 'S' is in the output: the caller sends it, then
 * starts the TLS handshake on the connection before reading anything more.
 * session_tls_ready reports the finished handshake: the tls-server-end-point hash of the
 * server certificate (for SCRAM-SHA-256-PLUS) and the SNI server name (NULL when none). */
bool session_tls_start(struct session *s);
void session_tls_ready(struct session *s, const uint8_t *cb_data, size_t cb_len,
		       const char *server_name);

/* Connections per tenant, shared by all sessions; thread-safe. */
struct session_tenant_counts *session_tenant_counts_new(void);
void session_tenant_counts_free(struct session_tenant_counts *tc);

uint64_t session_id(const struct session *s);
/* The tenant name once started, else NULL (for log lines). */
const char *session_tenant(const struct session *s);

#endif
