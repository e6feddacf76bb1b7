/* SPDX-License-Identifier: Apache-2.0 */
/* net_int.h: what net.c shares with net_loop.c (the event-loop threads and the hand-off of
 * accepted sockets to them) and uses of net_tls.c (turning an accepted socket into a TLS server
 * bufferevent, reading what a finished handshake established). Private to src/net. */
#ifndef SHARDLITE_NET_INT_H
#define SHARDLITE_NET_INT_H

#include <event2/bufferevent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/un.h>

#include "net.h"

#define NET_MAX_LISTENERS 16
#define NET_MAX_LOOPS 64
#define NET_LOOP_SPARES 32         /* buffers a loop keeps for its connections to reuse */
#define NET_SCRATCH (16u << 10)     /* a plain socket's reads take at most this much */

struct net;
struct net_conn;
struct net_handoff;

/* One event loop: its base, the connections it serves for their whole life, and the way work
 * reaches it from other threads. Loop 0 is the caller's base and thread (listeners, signals);
 * loops 1.. run on threads of their own. Only the loop's thread touches conns (and, at
 * shutdown once every loop thread has stopped, net_free's thread). */
struct net_loop {
	struct net *net;
	unsigned index;
	struct event_base *base;
	struct exec_sink *sink; /* completions of this loop's jobs; NULL on loop 0 (the pool's) */
	pthread_t thread;
	bool started;
	atomic_size_t nconns; /* this loop's connections, accepted and not yet torn down */
	struct net_conn *conns;
	/* Accepted sockets on their way here, and the stop request: under lock, eventfd wakes. */
	pthread_mutex_t lock;
	struct net_handoff *handoff;
	bool stop;
	int efd;
	struct event *ev;
	/* Its thread's alone: where plain sockets are read into, and the buffers idle
	 * connections gave back, lent to the next busy one (net.c, trim_idle). */
	char *scratch;
	unsigned nspare;
	struct strbuf spare[NET_LOOP_SPARES];
};

struct net {
	struct net_opts opts;
	const struct net_handler *h;
	void *ctx;
	struct evconnlistener *listeners[NET_MAX_LISTENERS];
	size_t nlisteners;
	char socket_path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	atomic_size_t nconns; /* all loops: counted at accept, for max_connections */
	bool stopping;	      /* net_free has begun; every loop thread has stopped */
	struct net_conn *closed; /* at shutdown: closed inline, freed last (see net_free) */
	unsigned nloops;
	atomic_uint next_loop; /* round robin among equally loaded loops */
	struct net_loop loops[NET_MAX_LOOPS];
};

/* net.c: makes the connection for an accepted socket fd on loop l and starts serving it. l's
 * thread (or, for loop 0, the accepting thread, which is the same). n->nconns already counts
 * it. */
void net_conn_adopt(struct net_loop *l, evutil_socket_t fd, enum net_origin origin);

/* net_loop.c. Loop 0 on base (the caller's); loops 1..nloops-1 with their own bases, sinks
 * and threads, started. False with errbuf (the loops made so far stay, for net_loops_free). */
bool net_loops_start(struct net *n, struct event_base *base, unsigned nloops, char *errbuf,
		     size_t errlen) MUST_CHECK;
/* Accepting thread: the loop with the fewest connections (ties in turn) takes fd. */
void net_loops_dispatch(struct net *n, evutil_socket_t fd, enum net_origin origin);
/* Stops and joins loops 1..; sockets still on their way are closed. Loop 0's thread. */
void net_loops_stop(struct net *n);
/* Frees what net_loops_start made, after every connection is gone and the pool is quiet. */
void net_loops_free(struct net *n);

#define NET_CB_MAX 64 /* EVP_MAX_MD_SIZE */

/* A bufferevent that owns fd (closes it when freed) and starts a server handshake on it.
 * NULL when OpenSSL cannot make a connection object. */
struct bufferevent *net_tls_accept(struct net_tls *t, struct event_base *base, evutil_socket_t fd);
/* After BEV_EVENT_CONNECTED: fills info (cb_data points into cb). */
void net_tls_info_of(struct bufferevent *bev, struct net_tls_info *info, uint8_t cb[NET_CB_MAX]);
/* The OpenSSL reason of a failed handshake, for the log. */
const char *net_tls_error(struct bufferevent *bev, char *buf, size_t len);

#endif
