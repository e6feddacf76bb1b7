/* SPDX-License-Identifier: Apache-2.0 */
/* net_int.h: what net.c shares with net_loop.c (the event-loop threads and the hand-off of
 * accepted sockets to them) and net_io.c (a connection's bytes: its own socket I/O, or an
 * OpenSSL bufferevent after STARTTLS), and uses of net_tls.c (the TLS server bufferevent, what
 * a finished handshake established). Private to src/net. */
#ifndef SHARDLITE_NET_INT_H
#define SHARDLITE_NET_INT_H

#include <event2/bufferevent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/un.h>

#include "exec.h"
#include "net.h"

#define NET_MAX_LISTENERS 16
#define NET_MAX_LOOPS 64
#define NET_LOOP_SPARES 32         /* buffers a loop keeps for its connections to reuse */
#define NET_SCRATCH (16u << 10)     /* a plain socket's reads take at most this much */

/* While a job runs, at most this much more input is read from the socket. */
#define NET_READ_HIGH_WATER (1u << 20)
/* A handler that stopped for its output to drain runs again below this much unsent output. */
#define NET_DRAIN_LOW_WATER (64u << 10)

struct net;
struct net_handoff;

/* A plain socket's bytes waiting on either side: read while the handler could not take them
 * (pend), and output the socket did not take (outq, from out_off on). */
struct net_xbuf {
	struct strbuf pend;
	struct strbuf outq;
	size_t out_off;
};

/* One client connection. Only its loop's thread touches it (jobs touch state and in). */
struct net_conn {
	struct net *net;
	struct net_loop *loop; /* for life: its base runs every callback of this connection */
	evutil_socket_t fd;
	/* The byte layer (net_io.c). Plain socket: ev (allocated with the connection, see
	 * net_io_conn_new) with ev_what the events it waits for, and xb while bytes wait on
	 * either side (NULL otherwise, so an idle connection carries none). TLS: bev, an OpenSSL
	 * bufferevent that owns fd and buffers both ways. */
	struct event *ev;
	short ev_what;
	struct net_xbuf *xb;
	struct bufferevent *bev;
	struct event *startup_timer;
	struct event *deadline_timer;
	void *state;
	struct strbuf in; /* bytes handed to input_fn; the job's while busy */
	size_t want;
	size_t used;      /* the job's result */
	bool busy;        /* a job runs input_fn */
	bool woken;       /* run input_fn once more even without new bytes */
	bool dead;        /* peer gone while busy: tear down when the job is done */
	bool torn_down;   /* unlinked; close_fn pending on a worker */
	bool closing;
	bool startup_expired;
	bool drain_wait; /* run input again once the output drains (NET_WANT_DRAIN) */
	bool reading;    /* a plain socket is read (off: closing, peer gone, or paused) */
	bool read_paused; /* NET_READ_HIGH_WATER bytes wait for the handler */
	bool arrived;     /* new bytes went straight into in */
	struct exec_job input_job; /* input_fn; at teardown close_fn (it is idle by then) */
	struct exec_job wake_job;
	struct net_conn *prev, *next;
};

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
	/* During net_conn_adopt only: the new connection and the address accept gave for it
	 * (net_conn_peer answers from it instead of asking the kernel). */
	const struct net_conn *adopting;
	const struct sockaddr *adopting_peer;
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
 * it. peer: the address accept returned (NULL: unknown), read during the call only. */
void net_conn_adopt(struct net_loop *l, evutil_socket_t fd, enum net_origin origin,
		    const struct sockaddr *peer);
/* net.c, called by net_io.c on the loop thread: bytes arrived (in c->in, waiting in xb or the TLS
 * input); the unsent output fell to NET_DRAIN_LOW_WATER or below; the peer is gone (EOF or an
 * error); the TLS handshake finished. c may be gone after each. */
void net_conn_readable(struct net_conn *c);
void net_conn_drained(struct net_conn *c);
void net_conn_gone(struct net_conn *c);
void net_conn_tls_ready(struct net_conn *c);

/* net_io.c: the connection's bytes. A plain socket is read with one recv into the loop's
 * scratch buffer and written with send when the socket takes it (a write event only while
 * output waits); after net_io_start_tls an OpenSSL bufferevent does both. */
/* Allocates a connection with room for its event (one allocation). */
struct net_conn *net_io_conn_new(void);
/* Starts reading fd (a plain socket, owned by c from now on). */
void net_io_open(struct net_conn *c, evutil_socket_t fd);
/* Sends data now as far as the socket takes it; the rest waits (copied). */
void net_io_send(struct net_conn *c, const char *data, size_t len);
/* Bytes waiting to be sent. */
size_t net_io_unsent(const struct net_conn *c);
/* Moves the bytes read meanwhile (xb's, or the TLS input) to the end of c->in; true if any. */
bool net_io_take_input(struct net_conn *c);
/* No more reading (closing, peer gone); with write false, no more writing either. */
void net_io_stop(struct net_conn *c, bool write);
/* Reading again after NET_READ_HIGH_WATER paused it. */
void net_io_resume(struct net_conn *c);
/* Frees the event or bufferevent and closes the socket. */
void net_io_close(struct net_conn *c);
/* Shutdown: what the socket takes of the waiting output without blocking goes out. */
void net_io_flush_now(struct net_conn *c);
/* Hands the socket to a TLS server bufferevent; false when bytes arrived behind the request
 * or OpenSSL cannot (c unchanged). */
bool net_io_start_tls(struct net_conn *c, struct net_tls *t);
/* A buffer's memory back to its loop's spares (when small) or freed, keeping its limit; an
 * empty buffer without memory borrows a spare one. */
void net_buf_release(struct net_loop *l, struct strbuf *sb);
void net_buf_borrow(struct net_loop *l, struct strbuf *sb);

/* net_loop.c. Loop 0 on base (the caller's); loops 1..nloops-1 with their own bases, sinks
 * and threads, started. False with errbuf (the loops made so far stay, for net_loops_free). */
bool net_loops_start(struct net *n, struct event_base *base, unsigned nloops, char *errbuf,
		     size_t errlen) MUST_CHECK;
/* Accepting thread: the loop with the fewest connections (ties in turn) takes fd, with its
 * peer's address (copied). */
void net_loops_dispatch(struct net *n, evutil_socket_t fd, enum net_origin origin,
			const struct sockaddr *peer, socklen_t peerlen);
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
