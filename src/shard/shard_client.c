/* SPDX-License-Identifier: Apache-2.0 */
/* shard_client.c: sessions as their tenant sees them — what pg_stat_activity shows, the
 * advisory locks of pg_advisory_lock and friends (real locks, per tenant, held by a session
 * across its transactions and connections), and pg_cancel_backend/pg_terminate_backend.
 *
 * Everything lives in the registry under its one lock. A lock request that conflicts with
 * another session's lock fails with SQLITE_BUSY before it has any effect, so the session parks
 * exactly as for SQLite's write lock (docs/architecture.md): no thread waits. Releasing a lock
 * wakes the tenant's parked connections (wake_all bumps the tenant's generation, so a release
 * between a failed request and its park is never lost); they run the statement again. */
#include "shard_int.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

struct shard_client {
	struct shard_registry *reg;
	struct shard_client *prev, *next; /* r->clients */
	uint32_t pid;
	uint64_t seq; /* registration order (r->client_seq): newcomers to a drop are told apart */
	shard_signal_fn *signal;
	void *signal_arg;
	pthread_mutex_t info_lock;     /* guards info; taken after the registry's lock */
	/* Strings owned: user malloc'd with client_addr behind it (shard_client_set_origin),
	 * application_name malloc'd unless "" (a static one: an idle connection's bytes
	 * count); state and query point into buffers reused from one statement to the next
	 * (query_buf holds query_cap bytes). */
	struct shard_client_info info;
	char state_buf[48];
	char *query_buf;
	size_t query_cap;
	/* An advisory lock at transaction level or a wait may be pending: shard_client_xact_end
	 * has work (read without the lock, so that it costs nothing in the common case). */
	atomic_bool xact_work;
	bool waiting;                  /* a lock request parked; see shard_client_xact_end */
	struct shard_adv_key wait_key;
	bool wait_shared;
	int64_t wait_start;
	struct shard_lo_fds lo; /* large-object descriptors (shard_lofn.c), this transaction's */
	struct shard_client_tl tl; /* shard_tlock.c's; under the registry's lock */
	char tenant[]; /* allocated with the client, to its length */
};

/* One session's hold on one key in one mode, counted per level (session, transaction). */
struct adv_lock {
	struct adv_lock *next;
	struct shard_client *owner;
	struct shard_adv_key key;
	bool shared;
	int nsession, nxact;
};

int64_t shard_now_us(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

static const char empty[] = "";

static char *dup_or_null(const char *s)
{
	return !s ? NULL : !s[0] ? (char *)empty : base_xstrdup(s);
}

static void info_free(struct shard_client_info *i)
{
	free((char *)i->user); /* and client_addr */
	if (i->application_name != empty)
		free((char *)i->application_name);
}

struct shard_client *shard_client_new(struct shard_registry *r, const char *tenant,
				      uint32_t pid, shard_signal_fn *fn, void *arg)
{
	size_t tlen = strnlen(tenant, SHARD_TENANT_MAX);
	struct shard_client *cl = base_xcalloc(1, sizeof(*cl) + tlen + 1);
	cl->reg = r;
	cl->pid = pid;
	cl->signal = fn;
	cl->signal_arg = arg;
	memcpy(cl->tenant, tenant, tlen);
	cl->info.pid = pid;
	cl->info.backend_start = shard_now_us();
	pthread_mutex_init(&cl->info_lock, NULL);
	pthread_mutex_lock(&r->lock);
	cl->seq = ++r->client_seq;
	cl->next = r->clients;
	if (cl->next)
		cl->next->prev = cl;
	r->clients = cl;
	pthread_mutex_unlock(&r->lock);
	return cl;
}

/* Wakes the parked connections of tenant name (a lock they wait for may be free). Lock held. */
static void wake_tenant(struct shard_registry *r, const char *name)
{
	shard_pool_wake_tenant_locked(r, name);
}

/* Drops cl's locks (all, or only the transaction-level ones). Lock held. */
static void drop_locks(struct shard_client *cl, bool xact_only)
{
	struct shard_registry *r = cl->reg;
	bool freed = false;
	for (struct adv_lock **p = &r->adv; *p;) {
		struct adv_lock *l = *p;
		if (l->owner == cl) {
			l->nxact = 0;
			if (!xact_only)
				l->nsession = 0;
		}
		if (l->owner == cl && l->nsession == 0) {
			*p = l->next;
			free(l);
			freed = true;
		} else {
			p = &l->next;
		}
	}
	if (freed)
		wake_tenant(r, cl->tenant);
}

void shard_client_free(struct shard_client *cl)
{
	if (!cl)
		return;
	struct shard_registry *r = cl->reg;
	pthread_mutex_lock(&r->lock);
	drop_locks(cl, false);
	shard_tlock_drop_locked(cl, false);
	if (cl->prev)
		cl->prev->next = cl->next;
	else
		r->clients = cl->next;
	if (cl->next)
		cl->next->prev = cl->prev;
	pthread_mutex_unlock(&r->lock);
	info_free(&cl->info);
	shard_client_lo_close_all(cl);
	free(cl->query_buf);
	pthread_mutex_destroy(&cl->info_lock);
	free(cl);
}

/* Replaces *dst (malloc'd or NULL) with a copy of src, unless they are equal: the user and
 * application name rarely change between two updates. */
static void keep_or_dup(const char **dst, const char *src)
{
	if (*dst == src || (*dst && src && strcmp(*dst, src) == 0))
		return;
	if (*dst != empty)
		free((char *)*dst);
	*dst = dup_or_null(src);
}

void shard_client_set_origin(struct shard_client *cl, const char *user, const char *client_addr,
			     int client_port)
{
	size_t ulen = user ? strlen(user) + 1 : 0, alen = client_addr ? strlen(client_addr) + 1 : 0;
	char *b = ulen + alen ? base_xmalloc(ulen + alen) : NULL;
	if (user)
		memcpy(b, user, ulen);
	if (client_addr)
		memcpy(b + ulen, client_addr, alen);
	pthread_mutex_lock(&cl->info_lock);
	free((char *)cl->info.user);
	cl->info.user = user ? b : NULL;
	cl->info.client_addr = client_addr ? b + ulen : NULL;
	cl->info.client_port = client_port;
	pthread_mutex_unlock(&cl->info_lock);
}

/* Copies src into a buffer of cap bytes, cut to fit. */
static void copy_into(char *buf, size_t cap, const char *src)
{
	size_t n = strlen(src);
	n = n < cap ? n : cap - 1;
	memcpy(buf, src, n);
	buf[n] = '\0';
}

/* Twice per statement (it starts, it ends): no allocation unless a string grew or changed. */
void shard_client_update(struct shard_client *cl, const struct shard_client_info *in)
{
	pthread_mutex_lock(&cl->info_lock);
	struct shard_client_info *i = &cl->info;
	keep_or_dup(&i->application_name, in->application_name);
	if (in->state)
		copy_into(cl->state_buf, sizeof(cl->state_buf), in->state);
	i->state = in->state ? cl->state_buf : NULL;
	size_t n = in->query ? strlen(in->query) + 1 : 0;
	if (n > cl->query_cap) {
		free(cl->query_buf);
		cl->query_cap = n < 64 ? 64 : n;
		cl->query_buf = base_xmalloc(cl->query_cap);
	}
	if (in->query)
		memcpy(cl->query_buf, in->query, n);
	i->query = in->query ? cl->query_buf : NULL;
	i->xact_start = in->xact_start;
	i->query_start = in->query_start;
	i->state_change = in->state_change;
	i->waiting = in->waiting;
	pthread_mutex_unlock(&cl->info_lock);
}

struct shard_lo_fds *shard_client_lo(struct shard_client *cl) { return &cl->lo; }

struct shard_client_tl *shard_client_tl(struct shard_client *cl) { return &cl->tl; }

const char *shard_client_tenant(const struct shard_client *cl) { return cl->tenant; }

uint32_t shard_client_pid(const struct shard_client *cl) { return cl->pid; }

struct shard_registry *shard_client_registry(const struct shard_client *cl) { return cl->reg; }

void shard_client_xact_work(struct shard_client *cl) { atomic_store(&cl->xact_work, true); }

void shard_client_xact_end(struct shard_client *cl, bool txn_open)
{
	if (!txn_open && cl->lo.n)
		shard_client_lo_close_all(cl);
	if (!atomic_load(&cl->xact_work))
		return;
	pthread_mutex_lock(&cl->reg->lock);
	cl->waiting = false;
	shard_tlock_drop_locked(cl, txn_open); /* a wait ends with the message, locks with the txn */
	if (!txn_open) {
		drop_locks(cl, true);
		atomic_store(&cl->xact_work, false);
	}
	pthread_mutex_unlock(&cl->reg->lock);
}

/* ---- listing, for pg_stat_activity and pg_locks ---- */

static char *adup(struct arena *a, const char *s) { return s ? arena_strdup(a, s) : NULL; }

size_t shard_client_list(struct shard_registry *r, const char *tenant, struct arena *a,
			 struct shard_client_info **out)
{
	pthread_mutex_lock(&r->lock);
	size_t n = 0;
	for (struct shard_client *cl = r->clients; cl; cl = cl->next)
		n += strcmp(cl->tenant, tenant) == 0;
	struct shard_client_info *v = arena_zalloc(a, (n ? n : 1) * sizeof(*v));
	size_t i = n;
	/* newest first in the list: fill backwards so the oldest session comes first */
	for (struct shard_client *cl = r->clients; cl; cl = cl->next) {
		if (strcmp(cl->tenant, tenant) != 0)
			continue;
		struct shard_client_info *o = &v[--i];
		pthread_mutex_lock(&cl->info_lock);
		*o = cl->info;
		o->user = adup(a, cl->info.user);
		o->application_name = adup(a, cl->info.application_name);
		o->client_addr = adup(a, cl->info.client_addr);
		o->state = adup(a, cl->info.state);
		o->query = adup(a, cl->info.query);
		pthread_mutex_unlock(&cl->info_lock);
		o->waiting = cl->waiting;
		o->waiting_relation = shard_tlock_waiting_locked(cl);
	}
	pthread_mutex_unlock(&r->lock);
	*out = v;
	return n;
}

size_t shard_adv_list(struct shard_registry *r, const char *tenant, struct arena *a,
		      struct shard_lock_info **out)
{
	pthread_mutex_lock(&r->lock);
	size_t n = 0, i = 0;
	for (struct adv_lock *l = r->adv; l; l = l->next)
		n++;
	for (struct shard_client *cl = r->clients; cl; cl = cl->next)
		n += cl->waiting;
	struct shard_lock_info *v = arena_zalloc(a, (n ? n : 1) * sizeof(*v));
	for (struct adv_lock *l = r->adv; l; l = l->next) {
		if (strcmp(l->owner->tenant, tenant) == 0)
			v[i++] = (struct shard_lock_info){l->owner->pid, l->key, l->shared, true, 0};
	}
	for (struct shard_client *cl = r->clients; cl; cl = cl->next) {
		if (cl->waiting && strcmp(cl->tenant, tenant) == 0)
			v[i++] = (struct shard_lock_info){cl->pid, cl->wait_key, cl->wait_shared,
							  false, cl->wait_start};
	}
	pthread_mutex_unlock(&r->lock);
	*out = v;
	return i;
}

/* ---- the lock table ---- */

static bool same_key(const struct shard_adv_key *a, const struct shard_adv_key *b)
{
	return a->classid == b->classid && a->objid == b->objid && a->objsubid == b->objsubid;
}

/* Takes the lock when no other session of the tenant holds it in a conflicting mode (a shared
 * request conflicts only with exclusive holders). False when it must wait. Lock held. */
static bool take(struct shard_client *cl, const struct shard_adv_key *k, bool shared, bool xact)
{
	struct shard_registry *r = cl->reg;
	struct adv_lock *mine = NULL;
	for (struct adv_lock *l = r->adv; l; l = l->next) {
		if (!same_key(&l->key, k) || strcmp(l->owner->tenant, cl->tenant) != 0)
			continue;
		if (l->owner == cl) {
			if (l->shared == shared)
				mine = l;
		} else if (!(shared && l->shared)) {
			return false;
		}
	}
	if (!mine) {
		mine = base_xcalloc(1, sizeof(*mine));
		mine->owner = cl;
		mine->key = *k;
		mine->shared = shared;
		mine->next = r->adv;
		r->adv = mine;
	}
	if (xact) {
		mine->nxact++;
		atomic_store(&cl->xact_work, true);
	} else {
		mine->nsession++;
	}
	cl->waiting = false;
	return true;
}

/* pg_advisory_unlock: one session-level hold less. False when cl holds none. Lock held. */
static bool give(struct shard_client *cl, const struct shard_adv_key *k, bool shared)
{
	struct shard_registry *r = cl->reg;
	for (struct adv_lock **p = &r->adv; *p; p = &(*p)->next) {
		struct adv_lock *l = *p;
		if (l->owner != cl || l->shared != shared || !same_key(&l->key, k) ||
		    l->nsession == 0)
			continue;
		if (--l->nsession == 0 && l->nxact == 0) {
			*p = l->next;
			free(l);
			wake_tenant(r, cl->tenant);
		}
		return true;
	}
	return false;
}

bool shard_adv_lock(struct shard_client *cl, const struct shard_adv_key *k, bool shared,
		    bool xact, bool wait)
{
	pthread_mutex_lock(&cl->reg->lock);
	bool ok = take(cl, k, shared, xact);
	if (!ok && wait && !cl->waiting) {
		atomic_store(&cl->xact_work, true);
		cl->waiting = true;
		cl->wait_key = *k;
		cl->wait_shared = shared;
		cl->wait_start = shard_now_us();
	}
	pthread_mutex_unlock(&cl->reg->lock);
	return ok;
}

bool shard_adv_unlock(struct shard_client *cl, const struct shard_adv_key *k, bool shared)
{
	pthread_mutex_lock(&cl->reg->lock);
	bool ok = give(cl, k, shared);
	pthread_mutex_unlock(&cl->reg->lock);
	return ok;
}

void shard_adv_unlock_all(struct shard_client *cl)
{
	pthread_mutex_lock(&cl->reg->lock);
	for (struct adv_lock *l = cl->reg->adv; l; l = l->next) {
		if (l->owner == cl)
			l->nsession = 0;
	}
	/* transaction-level holds stay until the transaction ends, as in PostgreSQL */
	for (struct adv_lock **p = &cl->reg->adv; *p;) {
		struct adv_lock *l = *p;
		if (l->owner == cl && l->nxact == 0) {
			*p = l->next;
			free(l);
			wake_tenant(cl->reg, cl->tenant);
		} else {
			p = &l->next;
		}
	}
	pthread_mutex_unlock(&cl->reg->lock);
}

enum shard_signal_result shard_client_signal(struct shard_client *from, uint32_t pid,
					     enum shard_signal sig)
{
	struct shard_registry *r = from->reg;
	enum shard_signal_result res = SHARD_SIGNAL_NO_SUCH;
	pthread_mutex_lock(&r->lock);
	for (struct shard_client *cl = r->clients; cl; cl = cl->next) {
		if (cl->pid != pid || strcmp(cl->tenant, from->tenant) != 0)
			continue;
		pthread_mutex_lock(&cl->info_lock);
		bool other_user = cl->info.user && from->info.user && /* from's own: stable */
				  strcmp(cl->info.user, from->info.user) != 0;
		pthread_mutex_unlock(&cl->info_lock);
		if (other_user) {
			res = SHARD_SIGNAL_DENIED;
		} else {
			res = SHARD_SIGNAL_SENT;
			if (cl->signal) /* under the lock: the session cannot be freed meanwhile */
				cl->signal(cl->signal_arg, sig);
		}
	}
	pthread_mutex_unlock(&r->lock);
	return res;
}

/* Whether cl belongs to another user than from (NULL from: nobody's, so nobody's is denied). */
static bool other_user(const struct shard_client *from, struct shard_client *cl)
{
	if (!from)
		return false;
	pthread_mutex_lock(&cl->info_lock);
	bool other = cl->info.user && from->info.user &&
		     strcmp(cl->info.user, from->info.user) != 0;
	pthread_mutex_unlock(&cl->info_lock);
	return other;
}

static bool counted(const struct shard_client *cl, const char *tenant,
		    const struct shard_client *self, uint64_t before)
{
	return cl != self && cl->seq <= before && strcmp(cl->tenant, tenant) == 0;
}

int shard_client_others_locked(struct shard_registry *r, const char *tenant,
			       const struct shard_client *self, uint64_t before, bool terminate,
			       bool *denied)
{
	int n = 0;
	*denied = false;
	for (struct shard_client *cl = r->clients; cl; cl = cl->next) {
		if (!counted(cl, tenant, self, before))
			continue;
		n++;
		*denied = *denied || (terminate && other_user(self, cl));
	}
	for (struct shard_client *cl = r->clients; terminate && !*denied && cl; cl = cl->next)
		if (counted(cl, tenant, self, before) && cl->signal)
			cl->signal(cl->signal_arg, SHARD_SIGNAL_TERMINATE);
	return n;
}

void shard_client_registry_fini(struct shard_registry *r)
{
	while (r->adv) {
		struct adv_lock *l = r->adv;
		r->adv = l->next;
		free(l);
	}
}
