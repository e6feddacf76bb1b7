/* SPDX-License-Identifier: Apache-2.0 */
/* net_loop.c: the event-loop threads. Loop 0 is the server's main loop (listeners, signals,
 * reload); loops 1..N-1 each run a libevent base on a thread of their own. An accepted socket
 * goes to the loop with the fewest connections and stays there for its life: the accepting
 * thread queues it under the loop's lock and wakes the loop through an eventfd, and that
 * loop's thread makes the connection. The same eventfd carries the stop request at shutdown. */
#include "net_int.h"

#include <errno.h>
#include <event2/event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "exec.h"

/* One accepted socket on its way to a loop. */
struct net_handoff {
	evutil_socket_t fd;
	enum net_origin origin;
	bool has_peer;
	struct sockaddr_storage peer;
	struct net_handoff *next;
};

static void kick(struct net_loop *l)
{
	uint64_t one = 1;
	ssize_t w = write(l->efd, &one, sizeof(one));
	(void)w; /* EAGAIN: the counter is already non-zero, the loop will wake */
}

/* Takes the queue in arrival order. */
static struct net_handoff *take_handoffs(struct net_loop *l, bool *stop)
{
	pthread_mutex_lock(&l->lock);
	struct net_handoff *h = l->handoff, *rev = NULL;
	l->handoff = NULL;
	*stop = l->stop;
	pthread_mutex_unlock(&l->lock);
	while (h) { /* pushed at the head: reverse */
		struct net_handoff *next = h->next;
		h->next = rev;
		rev = h;
		h = next;
	}
	return rev;
}

static void on_kick(evutil_socket_t fd, short what, void *arg)
{
	struct net_loop *l = arg;
	uint64_t count;
	ssize_t r = read(fd, &count, sizeof(count));
	(void)r;
	bool stop;
	for (struct net_handoff *h = take_handoffs(l, &stop), *next; h; h = next) {
		next = h->next;
		net_conn_adopt(l, h->fd, h->origin,
			       h->has_peer ? (const struct sockaddr *)&h->peer : NULL);
		free(h);
	}
	if (stop)
		event_base_loopbreak(l->base);
}

static void *loop_main(void *arg)
{
	struct net_loop *l = arg;
	event_base_loop(l->base, EVLOOP_NO_EXIT_ON_EMPTY);
	return NULL;
}

static bool loop_init(struct net *n, struct net_loop *l, unsigned index, char *errbuf,
		      size_t errlen)
{
	l->net = n;
	l->index = index;
	l->scratch = base_xmalloc(NET_SCRATCH);
	pthread_mutex_init(&l->lock, NULL);
	l->efd = -1;
	if (index > 0 && !(l->base = event_base_new())) {
		snprintf(errbuf, errlen, "could not make an event loop");
		return false;
	}
	if (index > 0 && !(l->sink = exec_sink_new(n->opts.pool, l->base, errbuf, errlen)))
		return false;
	l->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (l->efd < 0) {
		snprintf(errbuf, errlen, "could not create eventfd: %s", strerror(errno));
		return false;
	}
	l->ev = event_new(l->base, l->efd, EV_READ | EV_PERSIST, on_kick, l);
	event_add(l->ev, NULL);
	return true;
}

/* Loop threads take no signals: the main loop handles SIGTERM/SIGHUP through libevent. */
static bool start_thread(struct net_loop *l, char *errbuf, size_t errlen)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int rc = pthread_create(&l->thread, NULL, loop_main, l);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		snprintf(errbuf, errlen, "could not start an event-loop thread: %s", strerror(rc));
		return false;
	}
	l->started = true;
	return true;
}

bool net_loops_start(struct net *n, struct event_base *base, unsigned nloops, char *errbuf,
		     size_t errlen)
{
	ASSERT(nloops >= 1 && nloops <= NET_MAX_LOOPS);
	n->loops[0].base = base;
	for (unsigned i = 0; i < nloops; i++) {
		n->nloops = i + 1;
		if (!loop_init(n, &n->loops[i], i, errbuf, errlen) ||
		    (i > 0 && !start_thread(&n->loops[i], errbuf, errlen)))
			return false;
	}
	return true;
}

void net_loops_dispatch(struct net *n, evutil_socket_t fd, enum net_origin origin,
			const struct sockaddr *peer, socklen_t peerlen)
{
	unsigned start = atomic_fetch_add(&n->next_loop, 1) % n->nloops;
	struct net_loop *best = &n->loops[start];
	for (unsigned k = 1; k < n->nloops; k++) {
		struct net_loop *l = &n->loops[(start + k) % n->nloops];
		if (atomic_load(&l->nconns) < atomic_load(&best->nconns))
			best = l;
	}
	atomic_fetch_add(&best->nconns, 1);
	if (best->index == 0) { /* this thread is loop 0's */
		net_conn_adopt(best, fd, origin, peer);
		return;
	}
	struct net_handoff *h = base_xcalloc(1, sizeof(*h));
	h->fd = fd;
	h->origin = origin;
	if (peer && peerlen > 0 && (size_t)peerlen <= sizeof(h->peer)) {
		memcpy(&h->peer, peer, (size_t)peerlen);
		h->has_peer = true;
	}
	pthread_mutex_lock(&best->lock);
	h->next = best->handoff;
	best->handoff = h;
	pthread_mutex_unlock(&best->lock);
	kick(best);
}

void net_loops_stop(struct net *n)
{
	for (unsigned i = 1; i < n->nloops; i++) {
		struct net_loop *l = &n->loops[i];
		if (!l->started)
			continue;
		pthread_mutex_lock(&l->lock);
		l->stop = true;
		pthread_mutex_unlock(&l->lock);
		kick(l);
		pthread_join(l->thread, NULL);
		l->started = false;
	}
	for (unsigned i = 0; i < n->nloops; i++) {
		bool stop;
		for (struct net_handoff *h = take_handoffs(&n->loops[i], &stop), *next; h; h = next) {
			next = h->next;
			close(h->fd); /* never served: no state to close */
			atomic_fetch_sub(&n->loops[i].nconns, 1);
			atomic_fetch_sub(&n->nconns, 1);
			free(h);
		}
	}
}

void net_loops_free(struct net *n)
{
	for (unsigned i = 0; i < n->nloops; i++) {
		struct net_loop *l = &n->loops[i];
		ASSERT(!l->conns && !l->started);
		if (l->ev)
			event_free(l->ev);
		if (l->efd >= 0)
			close(l->efd);
		exec_sink_free(l->sink);
		if (i > 0 && l->base)
			event_base_free(l->base); /* runs the finalizers of freed bufferevents */
		pthread_mutex_destroy(&l->lock);
		while (l->nspare)
			strbuf_fini(&l->spare[--l->nspare]);
		free(l->scratch);
	}
}
