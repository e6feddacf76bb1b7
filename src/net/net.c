/* SPDX-License-Identifier: Apache-2.0 */
/* net.c: listeners and client connections on libevent loops. Each connection lives on one of
 * the event loops (net_loop.c) for its whole life; everything below runs on that loop's thread;
 * its bytes go through net_io.c (its own socket I/O, or TLS). A connection with input
 * and no job running first offers its bytes to the handler's inline_fn on the loop thread (the
 * fast path: cheap statements answered without a thread hand-off); what that leaves to a
 * worker (NET_WANT_WORKER) goes to a job that runs input_fn; while the job runs, net keeps
 * reading but does not call the handler; on completion (back on the loop) it sends the output,
 * honours closing, and runs input again if more is pending or the connection was woken. A
 * startup timer guards against clients that never finish; a deadline timer serves the
 * handler's wake_after_fn. When the handler answered an SSLRequest, its answer goes out in the
 * clear and an OpenSSL bufferevent (net_io.c, net_tls.c) takes the socket over before any more
 * input is read.
 *
 *            bytes / wake / deadline / drained
 *   IDLE ------------------------------------> inline_fn (loop) --- done ---> IDLE (send output;
 *    ^                                            | NET_WANT_WORKER            run again?)
 *    |              job done                      v
 *    +------------------------------------------ BUSY (input_fn on a worker)
 *    |                                            | peer gone: DEAD, torn down when the job is done
 *    +-- closing & output drained, or peer gone --> torn down: close_fn on a worker, freed
 *
 * Invariant: at most one of inline_fn or a job per connection at a time (busy), so its state
 * sees one thread at a time. */
#include "net_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exec.h"
#include "pgw.h"

#define CONN_OF(job, field) ((struct net_conn *)((char *)(job)-offsetof(struct net_conn, field)))

static void close_run(struct exec_job *j)
{
	struct net_conn *c = CONN_OF(j, input_job);
	c->net->h->close_fn(c->state);
}

/* After close_fn returned nothing can post wake_job any more, and posts made before sit ahead
 * of this completion in the pool's FIFO, so c can go. */
static void close_done(struct exec_job *j)
{
	struct net_conn *c = CONN_OF(j, input_job);
	strbuf_fini(&c->in);
	free(c);
}

/* The usual end of a session (Terminate between transactions) holds nothing that blocks:
 * closing it here spares a worker's wakeup. c itself goes later, by the loop's queue: the
 * caller (a socket event that met the peer gone, a drain) still reads c after the teardown,
 * and a wakeup posted before close_fn returned may still wait in that queue ahead of it. */
static void close_here(struct net_conn *c)
{
	LOG_DEBUG(0, NULL, "connection closed on its loop");
	close_run(&c->input_job);
	exec_post(c->net->opts.pool, &c->input_job);
}

/* Unlinks c and closes its socket; the state is freed by close_fn on a worker (on the loop at
 * shutdown, or when close_cheap_fn allows). Never while a job runs. */
static void conn_teardown(struct net_conn *c)
{
	struct net *n = c->net;
	ASSERT(!c->busy && !c->torn_down);
	if (c->prev)
		c->prev->next = c->next;
	else
		c->loop->conns = c->next;
	if (c->next)
		c->next->prev = c->prev;
	atomic_fetch_sub(&c->loop->nconns, 1);
	atomic_fetch_sub(&n->nconns, 1);
	if (c->startup_timer)
		event_free(c->startup_timer);
	if (c->deadline_timer)
		event_free(c->deadline_timer);
	net_io_close(c);
	c->torn_down = true;
	/* No input runs any more: its job closes the state now (this may be its own done_fn,
	 * which the pool no longer touches once it runs). */
	exec_job_init(&c->input_job, close_run, close_done);
	exec_job_bind(&c->input_job, c->loop->sink);
	if (n->stopping) {
		close_run(&c->input_job);
		c->next = n->closed;
		n->closed = c;
	} else if (n->h->close_cheap_fn && n->h->close_cheap_fn(c->state)) {
		close_here(c);
	} else {
		exec_submit(n->opts.pool, &c->input_job);
	}
}

/* Moves the handler's output to the socket; tears down once drained if the handler is done.
 * Returns false when c is gone. */
static bool flush_output(struct net_conn *c)
{
	struct strbuf *out = c->net->h->output_fn(c->state);
	if (out->len && !(c->net->h->output_held_fn && c->net->h->output_held_fn(c->state))) {
		net_io_send(c, out->data, out->len);
		strbuf_reset(out);
	}
	if (!c->closing && c->net->h->closing_fn(c->state)) {
		c->closing = true;
		net_io_stop(c, true);
	}
	if (c->closing && net_io_unsent(c) == 0) {
		conn_teardown(c);
		return false;
	}
	return true;
}

/* The handler answered an SSLRequest: its answer goes out in the clear on the socket, then an
 * OpenSSL bufferevent takes the socket over. Anything already read behind the request was
 * sent before the handshake and may be injected (CVE-2021-23214): the connection is dropped. */
static bool start_tls(struct net_conn *c)
{
	struct strbuf *out = c->net->h->output_fn(c->state);
	bool ok = c->net->opts.tls && !c->bev && c->in.len == 0 && net_io_unsent(c) == 0 &&
		  send(c->fd, out->data, out->len, MSG_NOSIGNAL) == (ssize_t)out->len;
	strbuf_reset(out);
	if (!ok || !net_io_start_tls(c, c->net->opts.tls)) {
		conn_teardown(c);
		return false;
	}
	return true;
}

void net_conn_tls_ready(struct net_conn *c)
{
	struct net_tls_info info;
	uint8_t cb[NET_CB_MAX];
	net_tls_info_of(c->bev, &info, cb);
	if (c->net->h->tls_ready_fn)
		c->net->h->tls_ready_fn(c->state, &info);
}

static void input_done(struct exec_job *j);

/* A connection with nothing to do keeps no buffer memory, so 10,000 idle clients cost little;
 * a busy one reallocates a few small buffers per request. */
static void trim_idle(struct net_conn *c)
{
	if (c->busy || c->torn_down || c->in.len > 0)
		return;
	net_buf_release(c->loop, &c->in);
	struct strbuf *out = c->net->h->output_fn(c->state);
	if (out->len == 0)
		net_buf_release(c->loop, out);
}

static void input_run(struct exec_job *j)
{
	struct net_conn *c = CONN_OF(j, input_job);
	size_t want = 0;
	c->used = c->net->h->input_fn(c->state, (const uint8_t *)c->in.data, c->in.len, &want);
	c->want = want;
}

/* The handler's fast path, on the loop thread. True when it finished the input there
 * (input_done has run, c may be gone); false when the rest goes to a worker, with the bytes
 * it consumed gone from c->in. */
static bool run_inline(struct net_conn *c)
{
	size_t want = 0;
	c->used = c->net->h->inline_fn(c->state, (const uint8_t *)c->in.data, c->in.len, &want);
	if (want != NET_WANT_WORKER) {
		c->want = want;
		input_done(&c->input_job);
		return true;
	}
	strbuf_consume(&c->in, c->used);
	c->used = 0;
	return false;
}

/* Runs input (inline_fn, then input_fn on a worker if need be) when there is something to do
 * and no job is running. */
static void maybe_run(struct net_conn *c)
{
	if (c->busy || c->closing || c->dead || c->torn_down || c->net->stopping)
		return;
	bool fresh = net_io_take_input(c);
	if (c->read_paused)
		net_io_resume(c);
	bool got = fresh || c->arrived;
	c->arrived = false;
	bool ready = c->woken || (got && c->want != NET_WANT_WAKE && c->in.len >= c->want);
	if (!ready)
		return;
	c->woken = false;
	c->busy = true;
	net_buf_borrow(c->loop, c->net->h->output_fn(c->state));
	if (c->net->h->inline_fn && run_inline(c))
		return;
	exec_submit(c->net->opts.pool, &c->input_job);
}

static void on_deadline(evutil_socket_t fd, short what, void *arg);

static void arm_deadline(struct net_conn *c)
{
	int ms = c->net->h->wake_after_fn ? c->net->h->wake_after_fn(c->state) : -1;
	if (ms < 0) {
		if (c->deadline_timer)
			evtimer_del(c->deadline_timer);
		return;
	}
	if (!c->deadline_timer) /* made on first use: most connections never need one */
		c->deadline_timer = evtimer_new(c->loop->base, on_deadline, c);
	struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
	evtimer_add(c->deadline_timer, &tv);
}

static void input_done(struct exec_job *j)
{
	struct net_conn *c = CONN_OF(j, input_job);
	c->busy = false;
	if (c->used > 0) /* the buffer of an idle connection is freed (trim_idle) */
		strbuf_consume(&c->in, c->used);
	if (c->dead) {
		conn_teardown(c);
		return;
	}
	const struct net_handler *h = c->net->h;
	if (c->startup_timer && h->started_fn(c->state)) {
		event_free(c->startup_timer);
		c->startup_timer = NULL;
	} else if (c->startup_expired && !h->started_fn(c->state)) {
		h->timeout_fn(c->state);
	}
	if (h->tls_start_fn && h->tls_start_fn(c->state)) {
		(void)start_tls(c); /* no input until the handshake is done; c may be gone */
		return;
	}
	if (!flush_output(c))
		return;
	arm_deadline(c);
	if (c->want == NET_WANT_DRAIN) {
		if (net_io_unsent(c) <= NET_DRAIN_LOW_WATER)
			c->woken = true;
		else
			c->drain_wait = true; /* net_conn_drained runs it */
	}
	/* The handler stopped early with whole messages left (it yields): run it again. */
	if (c->used > 0 && c->in.len > 0 && c->want != NET_WANT_WAKE && c->in.len >= c->want)
		c->woken = true;
	maybe_run(c);
	trim_idle(c);
}

static void wake_done(struct exec_job *j)
{
	struct net_conn *c = CONN_OF(j, wake_job);
	if (c->torn_down)
		return;
	c->woken = true;
	maybe_run(c); /* when busy, input_done runs it again */
}

void net_conn_wake(struct net_conn *c) { exec_post(c->net->opts.pool, &c->wake_job); }

/* An IP socket address as text and port; false for another family. */
static bool ip_text(const struct sockaddr_storage *ss, char *addr, size_t len, int *port)
{
	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
		*port = ntohs(in->sin_port);
		return inet_ntop(AF_INET, &in->sin_addr, addr, (socklen_t)len) != NULL;
	}
	if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
		*port = ntohs(in6->sin6_port);
		return inet_ntop(AF_INET6, &in6->sin6_addr, addr, (socklen_t)len) != NULL;
	}
	return false; /* a Unix socket has no address to show */
}

bool net_conn_local(struct net_conn *c, char *addr, size_t len, int *port)
{
	struct sockaddr_storage ss = {0};
	socklen_t sl = sizeof(ss);
	return getsockname(c->fd, (struct sockaddr *)&ss, &sl) == 0 && ip_text(&ss, addr, len, port);
}

bool net_conn_peer(struct net_conn *c, char *addr, size_t len, int *port)
{
	struct sockaddr_storage ss = {0};
	socklen_t sl = sizeof(ss);
	if (c->loop->adopting == c) { /* accept's answer (none for a Unix socket): no system call */
		const struct sockaddr *given = c->loop->adopting_peer;
		if (!given)
			return false;
		memcpy(&ss, given, given->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
							      : sizeof(struct sockaddr_in));
	} else if (getpeername(c->fd, (struct sockaddr *)&ss, &sl) != 0) {
		return false;
	}
	return ip_text(&ss, addr, len, port);
}

static void on_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct net_conn *c = arg;
	c->woken = true;
	maybe_run(c);
}

void net_conn_readable(struct net_conn *c) { maybe_run(c); }

void net_conn_gone(struct net_conn *c)
{
	if (c->busy) {
		c->dead = true;
		net_io_stop(c, false);
		return;
	}
	conn_teardown(c);
}

/* The unsent output fell to NET_DRAIN_LOW_WATER or below. */
void net_conn_drained(struct net_conn *c)
{
	if (c->busy)
		return;
	if (c->closing) {
		flush_output(c);
	} else if (c->drain_wait) {
		c->drain_wait = false;
		c->woken = true;
		maybe_run(c);
	}
}

static void on_startup_timeout(evutil_socket_t fd, short what, void *arg)
{
	struct net_conn *c = arg;
	event_free(c->startup_timer);
	c->startup_timer = NULL;
	if (c->busy) {
		c->startup_expired = true; /* input_done decides */
		return;
	}
	if (c->net->h->started_fn(c->state))
		return;
	c->net->h->timeout_fn(c->state);
	flush_output(c);
}

static enum net_origin origin_of(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_UNIX)
		return NET_UNIX;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127 ? NET_LOOPBACK : NET_REMOTE;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr) ? NET_LOOPBACK : NET_REMOTE;
	}
	return NET_REMOTE;
}

/* Refuses a connection over max_connections the way PostgreSQL does, then closes it. */
static void refuse(struct net_conn *c)
{
	struct strbuf sb;
	struct pgerr err;
	strbuf_init(&sb, 0);
	pgerr_fatal(&err, SQLSTATE_TOO_MANY_CONNECTIONS, "sorry, too many clients already");
	pgw_be_error(&sb, &err);
	net_io_send(c, sb.data, sb.len);
	strbuf_fini(&sb);
	c->closing = true;
	net_io_stop(c, true);
	(void)flush_output(c); /* torn down now if the socket took it all */
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
		      int salen, void *arg)
{
	struct net *n = arg;
	enum net_origin origin = origin_of(sa);
#ifndef __linux__ /* Linux hands the listener's TCP_NODELAY on to accepted sockets */
	if (origin != NET_UNIX) {
		int one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	}
#endif
	atomic_fetch_add(&n->nconns, 1);
	net_loops_dispatch(n, fd, origin, sa, (socklen_t)salen);
}

void net_conn_adopt(struct net_loop *l, evutil_socket_t fd, enum net_origin origin,
		    const struct sockaddr *peer)
{
	struct net *n = l->net;
	struct net_conn *c = net_io_conn_new();
	c->net = n;
	c->loop = l;
	strbuf_init(&c->in, 0);
	exec_job_init(&c->input_job, input_run, input_done);
	exec_job_init(&c->wake_job, NULL, wake_done);
	exec_job_bind(&c->input_job, l->sink);
	exec_job_bind(&c->wake_job, l->sink);
	LOG_DEBUG(0, NULL, "connection on loop %u of %u", l->index, n->nloops);
	c->state = n->h->open_fn(n->ctx, origin);
	c->fd = fd; /* for net_conn_peer in attach_fn */
	l->adopting = c;
	l->adopting_peer = peer && (peer->sa_family == AF_INET || peer->sa_family == AF_INET6)
			       ? peer
			       : NULL;
	if (n->h->attach_fn)
		n->h->attach_fn(c->state, c);
	l->adopting = NULL;
	l->adopting_peer = NULL;
	c->next = l->conns;
	if (l->conns)
		l->conns->prev = c;
	l->conns = c;
	net_io_open(c, fd);
	if (n->opts.max_connections > 0 &&
	    atomic_load(&n->nconns) > (size_t)n->opts.max_connections) {
		refuse(c);
		return;
	}
	if (n->opts.startup_timeout_ms > 0) {
		struct timeval tv = {n->opts.startup_timeout_ms / 1000,
				     (n->opts.startup_timeout_ms % 1000) * 1000};
		c->startup_timer = evtimer_new(l->base, on_startup_timeout, c);
		evtimer_add(c->startup_timer, &tv);
	}
}

static bool add_listener(struct net *n, const struct sockaddr *sa, socklen_t salen,
			 const char *what, char *errbuf, size_t errlen)
{
	if (n->nlisteners == NET_MAX_LISTENERS) {
		snprintf(errbuf, errlen, "too many listen addresses (at most %d)",
			 NET_MAX_LISTENERS);
		return false;
	}
	unsigned flags = LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC;
	if (sa->sa_family != AF_UNIX)
		flags |= LEV_OPT_REUSEABLE;
	struct evconnlistener *l =
	    evconnlistener_new_bind(n->loops[0].base, on_accept, n, flags, 1024, sa, (int)salen);
	if (!l) {
		int e = errno;
		snprintf(errbuf, errlen, "could not listen on %s: %s%s", what, strerror(e),
			 e == EADDRINUSE ? " (is another server already running there?)" : "");
		return false;
	}
	if (sa->sa_family != AF_UNIX) { /* inherited by every accepted socket (Linux) */
		int one = 1;
		setsockopt(evconnlistener_get_fd(l), IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	}
	n->listeners[n->nlisteners++] = l;
	return true;
}

static bool listen_tcp_host(struct net *n, const char *host, char *errbuf, size_t errlen)
{
	struct addrinfo hints = {0}, *res = NULL;
	char port[16];
	snprintf(port, sizeof(port), "%d", n->opts.port);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int rc = getaddrinfo(strcmp(host, "*") == 0 ? NULL : host, port, &hints, &res);
	if (rc != 0) {
		snprintf(errbuf, errlen, "could not resolve listen address \"%s\": %s", host,
			 gai_strerror(rc));
		return false;
	}
	bool ok = true;
	for (struct addrinfo *ai = res; ok && ai; ai = ai->ai_next) {
		char what[300], addr[INET6_ADDRSTRLEN] = "?";
		const void *src = ai->ai_family == AF_INET6
				      ? (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr
				      : (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr;
		inet_ntop(ai->ai_family, src, addr, sizeof(addr));
		snprintf(what, sizeof(what), "%s port %d", addr, n->opts.port);
		ok = add_listener(n, ai->ai_addr, ai->ai_addrlen, what, errbuf, errlen);
	}
	freeaddrinfo(res);
	return ok;
}

static bool listen_tcp(struct net *n, char *errbuf, size_t errlen)
{
	char *list = base_xstrdup(n->opts.listen_addresses);
	bool ok = true;
	char *save = NULL;
	for (char *h = strtok_r(list, ", ", &save); ok && h; h = strtok_r(NULL, ", ", &save))
		ok = listen_tcp_host(n, h, errbuf, errlen);
	free(list);
	return ok;
}

/* A socket file left by a crashed server is removed; one a live server answers on is not. */
static bool socket_in_use(const char *path)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	bool live = connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0;
	close(fd);
	return live;
}

static bool listen_unix(struct net *n, char *errbuf, size_t errlen)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	int len = snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/.s.PGSQL.%d",
			   n->opts.unix_socket_dir, n->opts.port);
	if (len < 0 || (size_t)len >= sizeof(sun.sun_path)) {
		snprintf(errbuf, errlen, "Unix socket path in \"%s\" is too long",
			 n->opts.unix_socket_dir);
		return false;
	}
	if (access(sun.sun_path, F_OK) == 0) {
		if (socket_in_use(sun.sun_path)) {
			snprintf(errbuf, errlen,
				 "could not listen on Unix socket \"%s\": another server is "
				 "running there",
				 sun.sun_path);
			return false;
		}
		unlink(sun.sun_path);
	}
	char what[sizeof(sun.sun_path) + 32];
	snprintf(what, sizeof(what), "Unix socket \"%s\"", sun.sun_path);
	if (!add_listener(n, (struct sockaddr *)&sun, sizeof(sun), what, errbuf, errlen))
		return false;
	snprintf(n->socket_path, sizeof(n->socket_path), "%s", sun.sun_path);
	chmod(sun.sun_path, 0777); /* as PostgreSQL's default unix_socket_permissions */
	return true;
}

struct net *net_new(struct event_base *base, const struct net_opts *opts,
		    const struct net_handler *h, void *ctx, char *errbuf, size_t errlen)
{
	struct net *n = base_xcalloc(1, sizeof(*n));
	n->opts = *opts;
	n->h = h;
	n->ctx = ctx;
	unsigned nloops = opts->loop_threads > 0 ? (unsigned)opts->loop_threads : 1;
	bool ok = net_loops_start(n, base, nloops < NET_MAX_LOOPS ? nloops : NET_MAX_LOOPS,
				  errbuf, errlen) &&
		  (!opts->listen_addresses[0] || listen_tcp(n, errbuf, errlen)) &&
		  (!opts->unix_socket_dir[0] || listen_unix(n, errbuf, errlen));
	if (ok && n->nlisteners == 0) {
		snprintf(errbuf, errlen, "no listen addresses and no Unix socket: nothing to serve");
		ok = false;
	}
	if (!ok) {
		net_free(n);
		return NULL;
	}
	return n;
}

static void close_all(struct net *n, struct net_loop *l);

void net_free(struct net *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nlisteners; i++)
		evconnlistener_free(n->listeners[i]);
	if (n->socket_path[0])
		unlink(n->socket_path);
	/* From here on this thread alone runs every loop's connections and completions. */
	net_loops_stop(n);
	n->stopping = true;
	/* Running statements may finish, for a while; nothing new starts. */
	if (!exec_quiesce_for(n->opts.pool, n->opts.shutdown_grace_ms) && n->h->interrupt_fn) {
		for (unsigned i = 0; i < n->nloops; i++)
			for (struct net_conn *c = n->loops[i].conns; c; c = c->next)
				if (c->busy)
					n->h->interrupt_fn(c->state);
	}
	exec_quiesce(n->opts.pool);
	for (unsigned i = 0; i < n->nloops; i++)
		close_all(n, &n->loops[i]);
	/* Closing one session can wake another (its lock was let go) after that one was closed
	 * too: such posts run now, against connections that still exist, and do nothing. */
	exec_quiesce(n->opts.pool);
	while (n->closed) {
		struct net_conn *c = n->closed;
		n->closed = c->next;
		close_done(&c->input_job);
	}
	net_loops_free(n);
	free(n);
}

/* Shutdown: tells each connection of l to terminate, sends what the socket takes, closes. */
static void close_all(struct net *n, struct net_loop *l)
{
	while (l->conns) {
		struct net_conn *c = l->conns;
		if (!c->dead && !n->h->closing_fn(c->state)) {
			n->h->terminate_fn(c->state);
			struct strbuf *out = n->h->output_fn(c->state);
			/* Best effort: the FATAL goes out if the socket takes it without blocking. */
			if (out->len) {
				net_io_send(c, out->data, out->len);
				strbuf_reset(out);
			}
		}
		net_io_flush_now(c); /* best effort: what the socket takes without blocking */
		conn_teardown(c);
	}
}

size_t net_connection_count(const struct net *n) { return atomic_load(&n->nconns); }

unsigned net_loop_count(const struct net *n) { return n->nloops; }
