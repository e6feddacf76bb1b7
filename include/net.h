/* SPDX-License-Identifier: Apache-2.0 */
/* net: listeners (TCP and the PostgreSQL-style Unix socket) and client connections on a
 * libevent loop. Protocol-agnostic: what a connection means is decided by the handler table
 * the server passes in, so this floor never calls up into the session. */
#ifndef SHARDLITE_NET_H
#define SHARDLITE_NET_H

#include "base.h"

struct event_base;
struct exec_pool;

enum net_origin { NET_UNIX, NET_LOOPBACK, NET_REMOTE };

/* What a finished TLS handshake tells the handler. Views valid during the call only. */
struct net_tls_info {
	const uint8_t *cb_data;  /* tls-server-end-point: hash of the server certificate */
	size_t cb_len;
	const char *server_name; /* SNI, NULL when the client sent none */
	const char *protocol;    /* "TLSv1.3", ... */
};

/* One client connection (net's own). */
struct net_conn;

/* input_fn's *want when no amount of input can help until something else happens (the state
 * waits for a lock another connection holds): net calls input_fn again only once woken
 * (net_conn_wake) or when wake_after_fn's time has come. */
#define NET_WANT_WAKE SIZE_MAX
/* input_fn's *want when the state stopped to let its output drain (backpressure): net calls
 * input_fn again once the socket has taken most of the output. */
#define NET_WANT_DRAIN (SIZE_MAX - 1)
/* inline_fn's *want when the rest of the input must run on a worker: net submits input_fn at
 * once with the bytes inline_fn left unconsumed (possibly none). Never from input_fn. */
#define NET_WANT_WORKER (SIZE_MAX - 2)

/* Callbacks for one kind of connection; `state` is what open_fn returned.
 * Threads: each connection belongs to one event loop for its life ("its loop thread"; there
 * are net_opts.loop_threads of them, so callbacks of different connections run on different
 * threads at once, and open_fn must be thread-safe). input_fn runs on a worker thread of the
 * exec pool, one job per connection at a time; inline_fn runs on its loop thread, only while
 * no job of that connection runs, so the state never sees two threads at once; close_fn runs
 * on a worker too (it may block on disk), except at shutdown and when close_cheap_fn says it
 * cannot block; every other callback runs on
 * its loop thread while no job of that connection is running. */
struct net_handler {
	/* A client connected: returns its state (never NULL). The connection's loop thread:
	 * several loops may call it at once. */
	void *(*open_fn)(void *ctx, enum net_origin origin);
	/* Optional: tells the state its connection, for net_conn_wake. Loop thread, after open. */
	void (*attach_fn)(void *state, struct net_conn *nc);
	/* Bytes arrived (or the connection was woken, possibly with no new bytes): consume whole
	 * messages, return bytes used; *want = bytes needed next, or NET_WANT_WAKE. Worker
	 * thread. */
	size_t (*input_fn)(void *state, const uint8_t *buf, size_t len, size_t *want);
	/* Optional: input_fn's fast path, tried first on the loop thread whenever input would
	 * run (bytes, wake, deadline, drain). Same contract as input_fn, except that it must
	 * never block (no file open, fsync, lock wait, password hashing) and must bound its CPU:
	 * whatever it cannot do that way it leaves unconsumed, with *want = NET_WANT_WORKER,
	 * having changed no state the worker's input_fn would not expect (it may also consume
	 * nothing and ask for the worker at once). The worker's input_fn then sees the rest. A
	 * CancelRequest must work even when every worker runs a long statement, so it is
	 * answered here. */
	size_t (*inline_fn)(void *state, const uint8_t *buf, size_t len, size_t *want);
	/* Optional: milliseconds until input_fn should run again even if nothing arrives (a
	 * deadline such as a timeout), or -1 for none. Asked after every input_fn. */
	int (*wake_after_fn)(void *state);
	/* Pending output; net sends it and resets the buffer. */
	struct strbuf *(*output_fn)(void *state);
	/* Optional: the pending output is only the start of an answer the handler will go on
	 * with without new input (a statement waiting for a lock after earlier messages of the
	 * same request answered): net keeps it in the buffer instead of sending it, so the
	 * client gets the answer in one piece. Asked before each send of an input's output. */
	bool (*output_held_fn)(void *state);
	/* Close after flushing output? */
	bool (*closing_fn)(void *state);
	/* Past the startup phase (the startup timeout no longer applies)? */
	bool (*started_fn)(void *state);
	/* Startup took too long (write a FATAL). */
	void (*timeout_fn)(void *state);
	/* The server is shutting down (write a FATAL). */
	void (*terminate_fn)(void *state);
	/* Optional, thread-safe, called while input_fn may be running: the server is shutting
	 * down and the grace period is over; stop the running work soon. */
	void (*interrupt_fn)(void *state);
	/* The connection is gone; free state. Never called while input_fn runs. */
	void (*close_fn)(void *state);
	/* Optional. Asked at teardown (loop thread, no job running): true when close_fn cannot
	 * block now (it holds no file, lock wait or disk work to give back); net then runs
	 * close_fn on the loop thread instead of handing it to a worker. */
	bool (*close_cheap_fn)(void *state);
	/* Optional. Asked after each batch of input: true (once) when the handler answered a
	 * client's request to encrypt. net then sends the pending output in the clear and runs
	 * the TLS handshake as the server; the handler sees no bytes until it is done. Bytes the
	 * client sent before the handshake make net drop the connection. */
	bool (*tls_start_fn)(void *state);
	/* Optional. The handshake finished; a failed one closes the connection (close_fn). */
	void (*tls_ready_fn)(void *state, const struct net_tls_info *info);
};

/* A TLS server context: certificate chain, key, optional client CAs; TLS 1.2 at least. */
struct net_tls;
/* NULL with a message in errbuf when a file cannot be read or the key does not match. */
struct net_tls *net_tls_new(const char *cert_file, const char *key_file, const char *ca_file,
			    char *errbuf, size_t errlen);
/* Loads the files again (SIGHUP). New handshakes use them; connections already encrypted keep
 * theirs. False with errbuf, and the old certificates stay, when the new ones do not load. */
bool net_tls_reload(struct net_tls *t, const char *cert_file, const char *key_file,
		    const char *ca_file, char *errbuf, size_t errlen) MUST_CHECK;
void net_tls_free(struct net_tls *t);

struct net_opts {
	const char *listen_addresses; /* comma-separated hosts; "*" = all; "" = no TCP */
	int port;
	const char *unix_socket_dir; /* "" = no Unix socket */
	int startup_timeout_ms;
	int max_connections;
	struct net_tls *tls; /* NULL = no TLS; the caller's, outlives the net */
	struct exec_pool *pool; /* runs input_fn and close_fn; outlives the net */
	int shutdown_grace_ms;  /* net_free waits this long for running input before interrupt_fn */
	int loop_threads;       /* event loops, 1 to 64 (< 1: one); the first is the caller's base */
};

struct net;

/* Binds every listener on base (loop 0, run by the caller's thread) and starts the other
 * loop_threads - 1 loops on threads of their own; accepted connections go to the loop with the
 * fewest. NULL with a message in errbuf (e.g. the port is in use). */
struct net *net_new(struct event_base *base, const struct net_opts *opts,
		    const struct net_handler *h, void *ctx, char *errbuf, size_t errlen);
/* Stops accepting, stops and joins the other loops' threads (from then on this thread runs
 * every connection's callbacks), waits for running jobs (shutdown_grace_ms, then interrupt_fn
 * and wait again), tells every connection to terminate, flushes what it can and closes them;
 * removes the Unix socket file. Loop 0's thread, after its base stopped running. */
void net_free(struct net *n);
/* Number of open client connections (any thread). */
size_t net_connection_count(const struct net *n);
/* Number of event loops. */
unsigned net_loop_count(const struct net *n);

/* Thread-safe, from any thread, while the connection's state exists (until close_fn returns):
 * runs input_fn again once the current job (if any) is done, even with no new bytes (on the
 * connection's own loop). */
void net_conn_wake(struct net_conn *c);
/* The peer's IP address as text ("127.0.0.1", "::1") and port, for pg_stat_activity; false
 * for a Unix socket. Loop thread; in attach_fn it answers from what accept returned, without a
 * system call. */
bool net_conn_peer(struct net_conn *c, char *addr, size_t len, int *port);
/* The server's own IP address and port of the connection (getsockname), for
 * inet_server_addr(); false for a Unix socket. Loop thread. */
bool net_conn_local(struct net_conn *c, char *addr, size_t len, int *port);

#endif
