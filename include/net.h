/* SPDX-License-Identifier: Apache-2.0 */
/* net: listeners (TCP and the PostgreSQL-style Unix socket) and client connections on a
 * libevent loop. Protocol-agnostic: what a connection means is decided by the handler table
 * the server passes in, so this floor never calls up into the session. */
#ifndef SHARDLITE_NET_H
#define SHARDLITE_NET_H

#include "base.h"

struct event_base;

enum net_origin { NET_UNIX, NET_LOOPBACK, NET_REMOTE };

/* Callbacks for one kind of connection; `state` is what open_fn returned. */
struct net_handler {
	/* A client connected: returns its state (never NULL). */
	void *(*open_fn)(void *ctx, enum net_origin origin);
	/* Bytes arrived: consume whole messages, return bytes used; *want = bytes needed next. */
	size_t (*input_fn)(void *state, const uint8_t *buf, size_t len, size_t *want);
	/* Pending output; net sends it and resets the buffer. */
	struct strbuf *(*output_fn)(void *state);
	/* Close after flushing output? */
	bool (*closing_fn)(void *state);
	/* Past the startup phase (the startup timeout no longer applies)? */
	bool (*started_fn)(void *state);
	/* Startup took too long (write a FATAL). */
	void (*timeout_fn)(void *state);
	/* The server is shutting down (write a FATAL). */
	void (*terminate_fn)(void *state);
	/* The connection is gone; free state. Never called from inside input_fn. */
	void (*close_fn)(void *state);
};

struct net_opts {
	const char *listen_addresses; /* comma-separated hosts; "*" = all; "" = no TCP */
	int port;
	const char *unix_socket_dir; /* "" = no Unix socket */
	int startup_timeout_ms;
	int max_connections;
};

struct net;

/* Binds every listener. NULL with a message in errbuf (e.g. the port is in use). */
struct net *net_new(struct event_base *base, const struct net_opts *opts,
		    const struct net_handler *h, void *ctx, char *errbuf, size_t errlen);
/* Stops accepting, tells every connection to terminate, flushes what it can and closes
 * them; removes the Unix socket file. */
void net_free(struct net *n);
/* Number of open client connections. */
size_t net_connection_count(const struct net *n);

#endif
