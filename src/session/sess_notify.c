/* SPDX-License-Identifier: Apache-2.0 */
/* sess_notify.c: LISTEN, UNLISTEN, NOTIFY and pg_notify() between the sessions of one tenant
 * (a PostgreSQL database is a tenant here). A transaction's notifications and listen changes
 * wait in the session and take effect at COMMIT; each listening session has a bounded queue
 * in the process-wide registry below, which any thread appends to and wakes its owner. */
#include "session_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Life of a notification:
 *
 *   NOTIFY / pg_notify ──> pending (session) ──COMMIT──> queue of each listener ──> 'A' out
 *                              │    ^                      (hub.mu)      idle, or before
 *               ROLLBACK [TO]  v    │ fold duplicates                    ReadyForQuery 'I'
 *                            dropped
 *
 * Invariants: a listener's queue only holds notifications of its own tenant on channels it
 * listened to when they were committed; hub.mu guards every listener's channels, queue and
 * the registry list; a session's pending state is its own (one thread at a time). A listener
 * is taken out of the registry before its session is freed, and its owner is woken only under
 * hub.mu, so a wake never reaches a connection that is gone.
 */

/* A listener's queue holds at most this many bytes (channel, payload and bookkeeping); a
 * transaction whose notifications would not fit fails its COMMIT with 54000, as PostgreSQL's
 * NOTIFY does when its 8 GB queue is full. One transaction may hold as much pending. */
#define NOTIFY_QUEUE_MAX (8u << 20)
#define NOTIFY_PAYLOAD_MAX 8000 /* PostgreSQL's NOTIFY_PAYLOAD_MAX_LENGTH (BLCKSZ - NAMEDATALEN - 128) */
#define NOTIFY_CHANNEL_MAX 63   /* NAMEDATALEN - 1 */

struct note {
	struct note *next;
	uint32_t pid; /* the notifier's BackendKeyData process id */
	size_t size;
	const char *payload; /* in text, after the channel */
	char text[];
};

struct sess_listener {
	struct sess_listener *next, *prev;
	uint32_t pid;
	char tenant[SHARD_TENANT_MAX + 1];
	char **channels;
	size_t nchannels, cap;
	struct note *head, *tail;
	size_t bytes;
	bool wake_sent; /* woken, and the queue not drained since */
	void (*wake)(void *arg);
	void *wake_arg;
};

static struct {
	pthread_mutex_t mu;
	struct sess_listener *head;
} hub = {PTHREAD_MUTEX_INITIALIZER, NULL};

struct pend_note {
	char *channel, *payload;
	size_t size;
};
struct pend_act {
	enum xlat_notify_op op; /* LISTEN or UNLISTEN */
	char *channel;          /* NULL: UNLISTEN * */
};
struct sp_mark {
	char *name;
	size_t nnotes, nacts;
};

struct sess_notify {
	struct sess_listener *l; /* in the registry while the session listens */
	struct pend_note *notes;
	size_t nnotes, notes_cap, pend_bytes;
	uint32_t *index; /* open addressing over notes, for folding: slot = note + 1, 0 empty */
	size_t index_cap;
	struct pend_act *acts;
	size_t nacts, acts_cap;
	struct sp_mark *sps; /* the transaction's open savepoints, outermost first */
	size_t nsps, sps_cap;
};

static void *grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 8;
	return base_xrealloc(v, *cap * size);
}

static struct sess_notify *state(struct session *s)
{
	if (!s->notify)
		s->notify = base_xcalloc(1, sizeof(*s->notify));
	return s->notify;
}

/* ---- the registry (hub.mu held) ---- */

static bool listens(const struct sess_listener *l, const char *channel)
{
	for (size_t i = 0; i < l->nchannels; i++)
		if (strcmp(l->channels[i], channel) == 0)
			return true;
	return false;
}

static void drop_notes(struct sess_listener *l, const char *channel)
{
	struct note **pp = &l->head;
	l->tail = NULL;
	while (*pp) {
		struct note *n = *pp;
		if (!channel || strcmp(n->text, channel) == 0) {
			*pp = n->next;
			l->bytes -= n->size;
			free(n);
		} else {
			l->tail = n;
			pp = &n->next;
		}
	}
}

static void unlisten(struct sess_listener *l, const char *channel)
{
	for (size_t i = 0; i < l->nchannels; i++) {
		if (!channel || strcmp(l->channels[i], channel) == 0) {
			/* the others keep LISTEN's order (pg_listening_channels) */
			free(l->channels[i]);
			memmove(&l->channels[i], &l->channels[i + 1],
				(--l->nchannels - i) * sizeof(*l->channels));
			i--;
		}
	}
	drop_notes(l, channel); /* PostgreSQL delivers only what the listener still listens to */
}

static void enqueue(struct sess_listener *l, const struct pend_note *p, uint32_t pid)
{
	size_t clen = strlen(p->channel), plen = strlen(p->payload);
	struct note *n = base_xmalloc(sizeof(*n) + clen + plen + 2);
	n->next = NULL;
	n->pid = pid;
	n->size = p->size;
	memcpy(n->text, p->channel, clen + 1);
	memcpy(n->text + clen + 1, p->payload, plen + 1);
	n->payload = n->text + clen + 1;
	if (l->tail)
		l->tail->next = n;
	else
		l->head = n;
	l->tail = n;
	l->bytes += n->size;
}

/* ---- a transaction's pending notifications and listen changes ---- */

static size_t note_size(const char *channel, const char *payload)
{
	return sizeof(struct note) + strlen(channel) + strlen(payload) + 2;
}

static bool check_channel(const char *channel, struct pgerr *err)
{
	if (!channel || !channel[0])
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE,
				 "channel name cannot be empty");
	if (strlen(channel) > NOTIFY_CHANNEL_MAX)
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE, "channel name too long");
	return true;
}

static bool has_tenant(struct session *s, struct pgerr *err)
{
	if (s->tenant[0])
		return true;
	pgerr_set(err, SQLSTATE_FEATURE_NOT_SUPPORTED,
		  "LISTEN/NOTIFY in a session without a default tenant is not supported");
	pgerr_hint(err, "Channels belong to a tenant: connect to the tenant (options=-c "
			"tenant=NAME or its database name).");
	return false;
}

static uint64_t note_hash(const char *channel, const char *payload)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a over channel NUL payload */
	for (const char *p = channel;; p++) {
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		if (!*p)
			break;
	}
	for (const char *p = payload; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return h;
}

/* The index slot of channel/payload: the note's when pending, else the empty one to take. */
static uint32_t *index_slot(struct sess_notify *n, const char *channel, const char *payload)
{
	size_t mask = n->index_cap - 1;
	for (size_t i = note_hash(channel, payload) & mask;; i = (i + 1) & mask) {
		uint32_t v = n->index[i];
		if (!v || (strcmp(n->notes[v - 1].channel, channel) == 0 &&
			   strcmp(n->notes[v - 1].payload, payload) == 0))
			return &n->index[i];
	}
}

/* Made again at twice the notes (at least 64 slots), so it is never more than half full. */
static void index_rebuild(struct sess_notify *n)
{
	size_t cap = 64;
	while (cap < 2 * (n->nnotes + 1))
		cap *= 2;
	free(n->index);
	n->index = base_xcalloc(cap, sizeof(*n->index));
	n->index_cap = cap;
	for (size_t i = 0; i < n->nnotes; i++)
		*index_slot(n, n->notes[i].channel, n->notes[i].payload) = (uint32_t)i + 1;
}

bool sess_notify_send(struct session *s, const char *channel, const char *payload,
		      struct pgerr *err)
{
	if (!payload)
		payload = "";
	if (!has_tenant(s, err) || !check_channel(channel, err))
		return false;
	if (strlen(payload) >= NOTIFY_PAYLOAD_MAX)
		return pgerr_set(err, SQLSTATE_INVALID_PARAMETER_VALUE, "payload string too long");
	struct sess_notify *n = state(s);
	if (2 * (n->nnotes + 1) > n->index_cap)
		index_rebuild(n);
	uint32_t *slot = index_slot(n, channel, payload);
	if (*slot)
		return true; /* PostgreSQL folds duplicates of a transaction */
	size_t size = note_size(channel, payload);
	if (n->pend_bytes + size > NOTIFY_QUEUE_MAX)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "too many notifications in the NOTIFY queue");
	n->notes = grow(n->notes, &n->notes_cap, n->nnotes, sizeof(*n->notes));
	n->notes[n->nnotes++] = (struct pend_note){base_xstrdup(channel), base_xstrdup(payload),
						   size};
	*slot = (uint32_t)n->nnotes;
	n->pend_bytes += size;
	return true;
}

static void act(struct session *s, enum xlat_notify_op op, const char *channel)
{
	struct sess_notify *n = state(s);
	n->acts = grow(n->acts, &n->acts_cap, n->nacts, sizeof(*n->acts));
	n->acts[n->nacts++] = (struct pend_act){op, channel ? base_xstrdup(channel) : NULL};
}

static void truncate_pending(struct sess_notify *n, size_t nnotes, size_t nacts)
{
	bool cut = n->nnotes > nnotes;
	while (n->nnotes > nnotes) {
		struct pend_note *p = &n->notes[--n->nnotes];
		n->pend_bytes -= p->size;
		free(p->channel);
		free(p->payload);
	}
	while (n->nacts > nacts)
		free(n->acts[--n->nacts].channel);
	if (cut)
		index_rebuild(n); /* ROLLBACK TO: the notes after the savepoint leave it */
}

static void drop_savepoints(struct sess_notify *n, size_t keep)
{
	while (n->nsps > keep)
		free(n->sps[--n->nsps].name);
}

void sess_notify_abort(struct session *s)
{
	if (!s->notify)
		return;
	struct sess_notify *n = s->notify;
	truncate_pending(n, 0, 0);
	drop_savepoints(n, 0);
	/* a big transaction's arrays are not kept for the session's life */
	free(n->notes);
	free(n->index);
	free(n->acts);
	free(n->sps);
	n->notes = NULL;
	n->index = NULL;
	n->acts = NULL;
	n->sps = NULL;
	n->notes_cap = n->index_cap = n->acts_cap = n->sps_cap = 0;
}

void sess_notify_savepoint(struct session *s, enum xlat_txn op, const char *name)
{
	struct sess_notify *n = s->notify;
	if (!n)
		return; /* a savepoint before anything pending: ROLLBACK TO it drops it all */
	if (op == XLAT_TXN_SAVEPOINT) {
		n->sps = grow(n->sps, &n->sps_cap, n->nsps, sizeof(*n->sps));
		n->sps[n->nsps++] = (struct sp_mark){base_xstrdup(name), n->nnotes, n->nacts};
		return;
	}
	size_t i = n->nsps;
	while (i > 0 && strcmp(n->sps[i - 1].name, name) != 0)
		i--;
	if (i == 0) { /* SQLite knows it: it was opened before anything was pending here */
		if (op == XLAT_TXN_ROLLBACK_TO)
			truncate_pending(n, 0, 0);
		if (op == XLAT_TXN_ROLLBACK_TO || op == XLAT_TXN_RELEASE)
			drop_savepoints(n, 0);
		return;
	}
	if (op == XLAT_TXN_ROLLBACK_TO) {
		truncate_pending(n, n->sps[i - 1].nnotes, n->sps[i - 1].nacts);
		drop_savepoints(n, i); /* the savepoint itself stays, as in SQLite */
	} else {
		drop_savepoints(n, i - 1);
	}
}

/* ---- commit ---- */

/* Would the pending notifications overflow some listener's queue? (hub.mu held) */
static bool queues_full(struct session *s)
{
	struct sess_notify *n = s->notify;
	for (struct sess_listener *l = hub.head; l; l = l->next) {
		if (strcmp(l->tenant, s->tenant) != 0)
			continue;
		size_t need = 0;
		for (size_t i = 0; i < n->nnotes; i++)
			if (listens(l, n->notes[i].channel))
				need += n->notes[i].size;
		if (need && l->bytes + need > NOTIFY_QUEUE_MAX)
			return true;
	}
	return false;
}

bool sess_notify_precommit(struct session *s, struct pgerr *err)
{
	if (!s->notify || !s->notify->nnotes)
		return true;
	pthread_mutex_lock(&hub.mu);
	bool full = queues_full(s);
	pthread_mutex_unlock(&hub.mu);
	if (full)
		return pgerr_set(err, SQLSTATE_PROGRAM_LIMIT_EXCEEDED,
				 "too many notifications in the NOTIFY queue");
	return true;
}

static struct sess_listener *listener(struct session *s)
{
	struct sess_notify *n = s->notify;
	if (!n->l) {
		n->l = base_xcalloc(1, sizeof(*n->l));
		n->l->pid = s->id;
		snprintf(n->l->tenant, sizeof(n->l->tenant), "%s", s->tenant);
		n->l->wake = s->wake_fn;
		n->l->wake_arg = s->wake_arg;
		n->l->next = hub.head;
		if (hub.head)
			hub.head->prev = n->l;
		hub.head = n->l;
	}
	return n->l;
}

static void apply_acts(struct session *s)
{
	struct sess_notify *n = s->notify;
	for (size_t i = 0; i < n->nacts; i++) {
		const struct pend_act *a = &n->acts[i];
		if (a->op == XLAT_NOTIFY_LISTEN) {
			struct sess_listener *l = listener(s);
			if (listens(l, a->channel))
				continue;
			l->channels = grow(l->channels, &l->cap, l->nchannels, sizeof(char *));
			l->channels[l->nchannels++] = base_xstrdup(a->channel);
		} else if (n->l) {
			unlisten(n->l, a->channel);
		}
	}
}

/* Returns how many notifications a full queue did not take. */
static size_t deliver(struct session *s)
{
	struct sess_notify *n = s->notify;
	size_t dropped = 0;
	for (struct sess_listener *l = hub.head; l; l = l->next) {
		if (strcmp(l->tenant, s->tenant) != 0)
			continue;
		size_t before = l->bytes;
		for (size_t i = 0; i < n->nnotes; i++) {
			if (!listens(l, n->notes[i].channel))
				continue;
			/* a listener another transaction filled meanwhile: bounded all the same */
			if (l->bytes < 2 * NOTIFY_QUEUE_MAX)
				enqueue(l, &n->notes[i], s->id);
			else
				dropped++;
		}
		if (l->bytes > before && !l->wake_sent && l->wake && l->pid != s->id) {
			l->wake_sent = true;
			l->wake(l->wake_arg);
		}
	}
	return dropped;
}

/* Forgets the listener when it listens to nothing and has nothing queued. (hub.mu held) */
static void maybe_unregister(struct sess_notify *n)
{
	struct sess_listener *l = n->l;
	if (!l || l->nchannels || l->head)
		return;
	if (l->prev)
		l->prev->next = l->next;
	else
		hub.head = l->next;
	if (l->next)
		l->next->prev = l->prev;
	free(l->channels);
	free(l);
	n->l = NULL;
}

void sess_notify_commit(struct session *s)
{
	struct sess_notify *n = s->notify;
	if (!n || (!n->nnotes && !n->nacts)) {
		if (n)
			drop_savepoints(n, 0);
		return;
	}
	pthread_mutex_lock(&hub.mu);
	apply_acts(s); /* first: LISTEN x; NOTIFY x in one transaction hears itself */
	size_t dropped = deliver(s);
	maybe_unregister(n);
	pthread_mutex_unlock(&hub.mu);
	if (dropped) /* only when transactions raced past sess_notify_precommit's check */
		LOG_WARN(s->id, s->tenant, "%zu notifications dropped: a listener's queue is full",
			 dropped);
	sess_notify_abort(s); /* what was pending is done */
}

void sess_notify_fini(struct session *s)
{
	struct sess_notify *n = s->notify;
	if (!n)
		return;
	sess_notify_abort(s); /* frees the arrays */
	if (n->l) {
		pthread_mutex_lock(&hub.mu);
		unlisten(n->l, NULL);
		maybe_unregister(n);
		pthread_mutex_unlock(&hub.mu);
	}
	free(n);
	s->notify = NULL;
}

/* ---- statements and delivery ---- */

/* Outside a transaction block the statement is its own transaction: it commits now. */
static bool autocommit(struct session *s, struct pgerr *err)
{
	if (s->txn != SESS_TXN_IDLE)
		return true;
	if (!sess_notify_precommit(s, err)) {
		sess_notify_abort(s);
		return false;
	}
	sess_notify_commit(s);
	return true;
}

bool sess_notify_run(struct session *s, const struct xlat_notify *x, struct pgerr *err)
{
	if (!has_tenant(s, err))
		return false;
	switch (x->op) {
	case XLAT_NOTIFY_LISTEN:
		if (!check_channel(x->channel, err))
			return false;
		act(s, XLAT_NOTIFY_LISTEN, x->channel);
		break;
	case XLAT_NOTIFY_UNLISTEN:
		act(s, XLAT_NOTIFY_UNLISTEN, x->channel);
		break;
	case XLAT_NOTIFY_SEND:
		if (!sess_notify_send(s, x->channel, x->payload, err))
			return false;
		break;
	}
	return autocommit(s, err);
}

void sess_notify_unlisten_all(struct session *s)
{
	if (!s->notify || (!s->notify->l && !s->notify->nacts))
		return;
	act(s, XLAT_NOTIFY_UNLISTEN, NULL);
	struct pgerr ignored;
	(void)autocommit(s, &ignored); /* DISCARD ALL runs outside transaction blocks */
}

/* Whether the session waits for its next message with nothing under way, so that a
 * notification may go out now (PostgreSQL sends them only outside transactions). */
static bool idle(const struct session *s)
{
	return s->state == SESS_READY && s->txn == SESS_TXN_IDLE && !s->simple.active &&
	       !s->parked && !s->yielded && !s->punted && !s->holding && !s->migrating &&
	       !s->copy && !s->copy_out;
}

static void write_note(struct session *s, const struct note *n)
{
	size_t mark = pgw_be_begin(&s->out, 'A');
	strbuf_put_u32(&s->out, n->pid);
	strbuf_append(&s->out, n->text, strlen(n->text) + 1);
	strbuf_append(&s->out, n->payload, strlen(n->payload) + 1);
	pgw_be_end(&s->out, mark);
}

bool sess_notify_deliver(struct session *s)
{
	struct sess_notify *n = s->notify;
	if (!n || !n->l || !idle(s))
		return false;
	pthread_mutex_lock(&hub.mu);
	struct sess_listener *l = n->l;
	struct note *head = l->head, *last = NULL;
	/* no more than a yield's worth into the output: the rest waits for the client to read
	 * (a client that never reads fills its queue, and NOTIFY fails, instead of memory) */
	size_t room = s->out.len < SESS_YIELD_BYTES ? SESS_YIELD_BYTES - s->out.len : 0, took = 0;
	for (struct note *p = head; p && took < room; p = p->next) {
		took += p->size;
		last = p;
	}
	if (last) {
		l->head = last->next;
		if (!l->head)
			l->tail = NULL;
		last->next = NULL;
		l->bytes -= took;
	} else {
		head = NULL;
	}
	bool more = l->head != NULL;
	l->wake_sent = more;
	maybe_unregister(n);
	pthread_mutex_unlock(&hub.mu);
	while (head) {
		struct note *next = head->next;
		write_note(s, head);
		free(head);
		head = next;
	}
	return more;
}

void sess_notify_ready(struct session *s)
{
	if (!s->notify)
		return;
	if (s->txn == SESS_TXN_IDLE && s->notify->nnotes) { /* a function's, in autocommit */
		struct pgerr err;
		pgerr_clear(&err);
		if (!autocommit(s, &err))
			sess_report_error(s, &err);
	}
	(void)sess_notify_deliver(s);
}

/* pg_notify() through the connection's functions (pgfn_session.notify_fn). */
static bool notify_fn(void *arg, const char *channel, const char *payload, struct pgerr *err)
{
	return sess_notify_send(arg, channel ? channel : "", payload, err);
}

/* pg_listening_channels(): the committed LISTENs. (The session's own thread changes them, but
 * the statement may run on a worker: hub.mu.) */
static size_t channels_fn(void *arg, struct strbuf *sb)
{
	struct session *s = arg;
	size_t n = 0;
	pthread_mutex_lock(&hub.mu);
	for (size_t i = 0; s->notify && s->notify->l && i < s->notify->l->nchannels; i++, n++)
		strbuf_append(sb, s->notify->l->channels[i], strlen(s->notify->l->channels[i]) + 1);
	pthread_mutex_unlock(&hub.mu);
	return n;
}

/* pg_notification_queue_usage(): each listener has a queue of its own, and a COMMIT fails once
 * one of them is full (queues_full), so the fullest of the tenant's is the one that counts. */
static double queue_usage_fn(void *arg)
{
	struct session *s = arg;
	size_t most = 0;
	pthread_mutex_lock(&hub.mu);
	for (struct sess_listener *l = hub.head; l; l = l->next) {
		if (strcmp(l->tenant, s->tenant) == 0 && l->bytes > most)
			most = l->bytes;
	}
	pthread_mutex_unlock(&hub.mu);
	return most >= NOTIFY_QUEUE_MAX ? 1.0 : (double)most / NOTIFY_QUEUE_MAX;
}

void sess_notify_init(struct session *s)
{
	s->dt.notify_fn = notify_fn;
	s->dt.channels_fn = channels_fn;
	s->dt.queue_usage_fn = queue_usage_fn;
	s->dt.notify_arg = s;
}
