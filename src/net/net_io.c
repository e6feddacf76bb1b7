/* SPDX-License-Identifier: Apache-2.0 */
/* net_io.c: a connection's bytes, in two variants. A plain socket (TCP without TLS, Unix) is
 * net's own: one persistent event, one recv per readiness into the loop's scratch buffer,
 * output sent with send() at once and queued only for what the socket does not take (the write
 * event is armed only then). After an SSLRequest an OpenSSL bufferevent (net_tls.c) takes the
 * socket over and buffers both ways. Everything here runs on the connection's loop thread.
 *
 * Why not a bufferevent for plain sockets too: its read asks ioctl(FIONREAD) before every readv
 * and allocates a buffer chain, its write arms and disarms a write event per reply (two
 * epoll_ctl and a loop iteration), and an idle connection carried about 1 KiB of it (the
 * bufferevent, two evbuffers, their callbacks, a separate read event). */
#include "net_int.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <stdalign.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

/* A buffer up to this size goes back to its loop's spares when its connection is idle. */
#define SPARE_MAX_CAP (16u << 10)

/* The connection and its event in one allocation: the event's size is libevent's to know. */
struct net_conn *net_io_conn_new(void)
{
	size_t head = (sizeof(struct net_conn) + alignof(max_align_t) - 1) &
		      ~(alignof(max_align_t) - 1);
	struct net_conn *c = base_xcalloc(1, head + event_get_struct_event_size());
	c->ev = (struct event *)((char *)c + head);
	c->fd = -1;
	return c;
}

void net_buf_release(struct net_loop *l, struct strbuf *sb)
{
	size_t limit = sb->limit;
	if (sb->data && sb->cap <= SPARE_MAX_CAP && l->nspare < NET_LOOP_SPARES) {
		l->spare[l->nspare++] = *sb;
		strbuf_init(sb, limit);
		return;
	}
	strbuf_fini(sb);
	strbuf_init(sb, limit);
}

/* So a busy connection does not allocate and grow its buffers again for every request. */
void net_buf_borrow(struct net_loop *l, struct strbuf *sb)
{
	if (sb->data || !l->nspare)
		return;
	struct strbuf *sp = &l->spare[--l->nspare];
	sb->data = sp->data;
	sb->cap = sp->cap;
	sb->len = 0;
	sb->failed = false;
	sb->data[0] = '\0';
}

static size_t queued(const struct net_conn *c)
{
	return c->xb ? c->xb->outq.len - c->xb->out_off : 0;
}

static struct net_xbuf *xbuf(struct net_conn *c)
{
	if (!c->xb) {
		c->xb = base_xcalloc(1, sizeof(*c->xb));
		strbuf_init(&c->xb->pend, 0);
		strbuf_init(&c->xb->outq, 0);
	}
	return c->xb;
}

/* Gives xb's buffers back once nothing waits on either side; with all, whatever waits. */
static void xbuf_trim(struct net_conn *c, bool all)
{
	struct net_xbuf *x = c->xb;
	if (!x)
		return;
	if (all || x->out_off == x->outq.len) {
		x->out_off = x->outq.len = 0;
		net_buf_release(c->loop, &x->outq);
	}
	if (all)
		x->pend.len = 0;
	if (x->pend.len || x->outq.len)
		return;
	net_buf_release(c->loop, &x->pend);
	free(x);
	c->xb = NULL;
}

static void on_sock(evutil_socket_t fd, short what, void *arg);

/* Waits for what the connection needs now: reading unless stopped or paused, writing while
 * output is queued. Changing it costs epoll_ctl calls, so it changes only on transitions
 * (backpressure, closing), never per round trip. */
static void set_events(struct net_conn *c)
{
	short what =
		(short)((c->reading && !c->read_paused ? EV_READ : 0) | (queued(c) ? EV_WRITE : 0));
	if (what == c->ev_what)
		return;
	if (c->ev_what)
		event_del(c->ev);
	c->ev_what = what;
	if (!what)
		return;
	event_assign(c->ev, c->loop->base, c->fd, (short)(what | EV_PERSIST), on_sock, c);
	event_add(c->ev, NULL);
}

void net_io_open(struct net_conn *c, evutil_socket_t fd)
{
	c->fd = fd;
	c->reading = true;
	set_events(c);
}

static bool transient(int e) { return e == EAGAIN || e == EWOULDBLOCK || e == EINTR; }

/* Bytes go straight to c->in when it is the handler's turn next; while a job runs (it reads
 * c->in) they wait in pend, and reading pauses at NET_READ_HIGH_WATER until the handler takes
 * them. */
static void read_sock(struct net_conn *c)
{
	struct net_loop *l = c->loop;
	ssize_t r = recv(c->fd, l->scratch, NET_SCRATCH, 0);
	if (r == 0 || (r < 0 && !transient(errno))) {
		net_conn_gone(c);
		return;
	}
	if (r < 0)
		return;
	if (c->busy || (c->xb && c->xb->pend.len > 0)) {
		struct strbuf *pend = &xbuf(c)->pend;
		net_buf_borrow(l, pend);
		strbuf_append(pend, l->scratch, (size_t)r);
		if (pend->len >= NET_READ_HIGH_WATER) {
			c->read_paused = true;
			set_events(c);
		}
	} else {
		net_buf_borrow(l, &c->in);
		strbuf_append(&c->in, l->scratch, (size_t)r);
		c->arrived = true;
	}
	net_conn_readable(c);
}

static void write_queue(struct net_conn *c)
{
	struct net_xbuf *x = c->xb;
	ssize_t w = send(c->fd, x->outq.data + x->out_off, queued(c), MSG_DONTWAIT | MSG_NOSIGNAL);
	if (w < 0) {
		if (!transient(errno))
			net_conn_gone(c);
		return;
	}
	x->out_off += (size_t)w;
	if (!queued(c)) {
		xbuf_trim(c, false);
		set_events(c);
	}
	if (queued(c) <= NET_DRAIN_LOW_WATER)
		net_conn_drained(c);
}

static void on_sock(evutil_socket_t fd, short what, void *arg)
{
	struct net_conn *c = arg;
	if ((what & EV_WRITE) && queued(c)) {
		write_queue(c);
		if (c->torn_down || c->dead)
			return;
	}
	if ((what & EV_READ) && c->reading && !c->read_paused)
		read_sock(c);
}

size_t net_io_unsent(const struct net_conn *c)
{
	if (c->bev)
		return evbuffer_get_length(bufferevent_get_output(c->bev));
	return queued(c);
}

/* Straight to the socket when nothing is queued before it: the answer almost always fits the
 * socket buffer. A failed send queues the bytes too; the write event then meets the error and
 * reports the peer gone, outside the caller's stack. */
void net_io_send(struct net_conn *c, const char *data, size_t len)
{
	if (c->bev) {
		bufferevent_write(c->bev, data, len);
		return;
	}
	if (!queued(c)) {
		ssize_t w = send(c->fd, data, len, MSG_DONTWAIT | MSG_NOSIGNAL);
		if (w > 0) {
			data += w;
			len -= (size_t)w;
		}
	}
	if (!len)
		return;
	struct net_xbuf *x = xbuf(c);
	if (x->out_off > 0) { /* sent bytes at the front go before more are queued */
		strbuf_consume(&x->outq, x->out_off);
		x->out_off = 0;
	}
	net_buf_borrow(c->loop, &x->outq);
	strbuf_append(&x->outq, data, len);
	set_events(c);
}

bool net_io_take_input(struct net_conn *c)
{
	if (c->bev) {
		struct evbuffer *ev = bufferevent_get_input(c->bev);
		size_t fresh = evbuffer_get_length(ev);
		if (!fresh)
			return false;
		strbuf_append(&c->in, evbuffer_pullup(ev, (ssize_t)fresh), fresh);
		evbuffer_drain(ev, fresh);
		return true;
	}
	struct net_xbuf *x = c->xb;
	if (!x || !x->pend.len)
		return false;
	if (c->in.len == 0) { /* the common case: no copy */
		struct strbuf t = c->in;
		c->in = x->pend;
		x->pend = t;
	} else {
		strbuf_append(&c->in, x->pend.data, x->pend.len);
	}
	x->pend.len = 0;
	xbuf_trim(c, false);
	return true;
}

void net_io_stop(struct net_conn *c, bool write)
{
	c->reading = false;
	if (c->bev) {
		bufferevent_disable(c->bev, write ? EV_READ : EV_READ | EV_WRITE);
		return;
	}
	if (!write)
		xbuf_trim(c, true);
	set_events(c);
}

void net_io_resume(struct net_conn *c)
{
	c->read_paused = false;
	if (!c->bev)
		set_events(c);
}

void net_io_close(struct net_conn *c)
{
	if (c->bev) {
		bufferevent_free(c->bev); /* closes the socket */
		c->bev = NULL;
	} else {
		if (c->ev_what)
			event_del(c->ev);
		c->ev_what = 0;
		if (c->fd >= 0)
			close(c->fd);
	}
	c->fd = -1;
	xbuf_trim(c, true);
}

void net_io_flush_now(struct net_conn *c)
{
	const char *data;
	size_t len;
	struct evbuffer *ob = c->bev ? bufferevent_get_output(c->bev) : NULL;
	if (ob) { /* the bufferevent owns its buffer's start: copy rather than drain it */
		len = evbuffer_get_length(ob);
		data = len ? (const char *)evbuffer_pullup(ob, (ssize_t)len) : NULL;
	} else {
		len = queued(c);
		data = len ? c->xb->outq.data + c->xb->out_off : NULL;
	}
	if (len) {
		ssize_t w = send(c->fd, data, len, MSG_DONTWAIT | MSG_NOSIGNAL);
		(void)w; /* best effort */
	}
}

static void on_bev_read(struct bufferevent *bev, void *arg) { net_conn_readable(arg); }

/* Called whenever the unsent output is at most NET_DRAIN_LOW_WATER. */
static void on_bev_write(struct bufferevent *bev, void *arg) { net_conn_drained(arg); }

static void on_bev_event(struct bufferevent *bev, short what, void *arg)
{
	struct net_conn *c = arg;
	if (what & BEV_EVENT_CONNECTED) {
		net_conn_tls_ready(c);
		return;
	}
	if (what & BEV_EVENT_ERROR) {
		char reason[256];
		LOG_INFO(0, NULL, "TLS connection failed: %s",
			 net_tls_error(bev, reason, sizeof(reason)));
	}
	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
		net_conn_gone(c);
}

bool net_io_start_tls(struct net_conn *c, struct net_tls *t)
{
	if (c->xb) /* bytes sent before the handshake may be injected (CVE-2021-23214) */
		return false;
	bool was_reading = c->reading;
	c->reading = false;
	set_events(c); /* the bufferevent waits for the socket itself */
	struct bufferevent *bev = net_tls_accept(t, c->loop->base, c->fd);
	if (!bev) {
		c->reading = was_reading;
		return false;
	}
	c->bev = bev;
	c->reading = was_reading;
	bufferevent_setcb(bev, on_bev_read, on_bev_write, on_bev_event, c);
	bufferevent_setwatermark(bev, EV_WRITE, NET_DRAIN_LOW_WATER, 0);
	bufferevent_setwatermark(bev, EV_READ, 0, NET_READ_HIGH_WATER);
	bufferevent_enable(bev, EV_READ | EV_WRITE);
	return true;
}
