/* SPDX-License-Identifier: Apache-2.0 */
/* shard_pool.c: lending tenant connections to sessions. Idle connections are cached per tenant
 * and reused, so a new client does not reopen the file or rerun the pragmas; an LRU over the
 * tenants that cache any bounds the open files (max_open_tenants). The same per-tenant record
 * holds the connections parked waiting for the tenant's write lock.
 *
 * One mutex (the registry's) guards the hash table, the LRU and every tenant record; nothing
 * slow happens under it: files are opened and closed outside it. Lock order: registry lock,
 * then whatever a waker takes (the exec pool's lock); a waker never calls back into shard.
 *
 * Why a generation counter: a connection that met SQLITE_BUSY parks after its statement
 * returned, and the holder may let the lock go in between. Each connection records the
 * tenant's gen when its attempt begins (shard_conn_attempt); every settle after a write
 * transaction ended (commit and rollback hooks, shard.c) bumps gen and wakes a waiter; a
 * park that finds gen moved retries at once. So a wakeup can be early (the retry parks again)
 * but never lost.
 *
 * Why one waiter at a time: only one of them can get the write lock, and waking all of them
 * after every commit made the others retry, fail and park again (a retry costs a round trip
 * through a worker). The woken connection holds the baton until it parks again (then whoever
 * holds the lock wakes the next one when it lets go) or settles without the write lock or is
 * released: then it wakes the next one itself. The oldest waiter goes first; one that was
 * woken first but found the lock taken again (a newcomer got there before its retry) parks
 * back at the oldest end, so it keeps its place in line. A parked session also retries every
 * 500 ms on its own (sess_wait.c). */
#include "shard_int.h"

#include "catalog.h"
#include "pgfn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define INITIAL_BUCKETS 256

/* The registry lock is adaptive (spins a little before it sleeps): its holders keep it for a
 * few hundred instructions, and a plain mutex made a loop that met it sleep in the kernel and
 * the holder wake it (a futex wait and two wakes: one client's inserts met the sync thread
 * still holding it after waking the loop from the flush). */
void shard_pool_init(struct shard_registry *r)
{
	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ADAPTIVE_NP);
	pthread_mutex_init(&r->lock, &attr);
	pthread_mutexattr_destroy(&attr);
	shard_drop_init(r);
	r->nbuckets = INITIAL_BUCKETS;
	r->buckets = base_xcalloc(r->nbuckets, sizeof(*r->buckets));
}

/* Closes a pooled connection; the last of a tenant's writes back the serial numbers it held
 * (shard_serial_close). */
static void close_db(struct shard_conn *c)
{
	c->t = NULL;
	shard_serial_close(c);
	shard_conn_close(c);
}

/* Closes every cached connection; in-use ones must have been released (the server frees
 * sessions first). */
void shard_pool_fini(struct shard_registry *r)
{
	for (size_t i = 0; i < r->nbuckets; i++) {
		for (struct shard_tenant *t = r->buckets[i], *next; t; t = next) {
			next = t->hash_next;
			ASSERT(t->nused == 0 &&
			       __atomic_load_n(&t->tickets, __ATOMIC_ACQUIRE) == 0);
			if (t->wal_fd >= 0)
				close(t->wal_fd);
			if (t->idle)
				shard_serial_fini_tenant(t->idle, t);
			while (t->idle) {
				struct shard_conn *c = t->idle;
				t->idle = c->next;
				close_db(c);
			}
			shard_serial_keep_locked(r, t); /* none open: written back below */
			free(t);
		}
	}
	shard_serial_fini(r);
	free(r->buckets);
	shard_migrate_fini(r);
	shard_client_registry_fini(r);
	shard_drop_fini(r);
	pthread_mutex_destroy(&r->lock);
}

/* FNV-1a, as the on-disk fan-out. */
static size_t bucket_of(const struct shard_registry *r, const char *name)
{
	uint32_t h = 2166136261u;
	for (const char *s = name; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h & (r->nbuckets - 1);
}

static void grow(struct shard_registry *r)
{
	size_t old_n = r->nbuckets;
	struct shard_tenant **old = r->buckets;
	r->nbuckets *= 2;
	r->buckets = base_xcalloc(r->nbuckets, sizeof(*r->buckets));
	for (size_t i = 0; i < old_n; i++) {
		for (struct shard_tenant *t = old[i], *next; t; t = next) {
			next = t->hash_next;
			size_t b = bucket_of(r, t->name);
			t->hash_next = r->buckets[b];
			r->buckets[b] = t;
		}
	}
	free(old);
}

/* Finds the tenant record, creating it when create is set. Lock held. */
static struct shard_tenant *tenant_find(struct shard_registry *r, const char *name, bool create)
{
	for (struct shard_tenant *t = r->buckets[bucket_of(r, name)]; t; t = t->hash_next)
		if (strcmp(t->name, name) == 0)
			return t;
	if (!create)
		return NULL;
	if (r->ntenants >= r->nbuckets)
		grow(r);
	struct shard_tenant *t = base_xcalloc(1, sizeof(*t));
	snprintf(t->name, sizeof(t->name), "%s", name);
	t->wal_fd = -1;
	size_t b = bucket_of(r, name);
	t->hash_next = r->buckets[b];
	r->buckets[b] = t;
	r->ntenants++;
	shard_serial_adopt_locked(r, t); /* numbers it held when it last closed */
	return t;
}

void shard_pool_tenant_maybe_free_locked(struct shard_registry *r, struct shard_tenant *t)
{
	if (t->nused > 0 || t->nidle > 0 || t->flushing || t->sync_queued ||
	    __atomic_load_n(&t->tickets, __ATOMIC_ACQUIRE) > 0)
		return; /* a sync thread frees it after the flush, the last ticket when emptied */
	ASSERT(!t->waiters);
	for (struct shard_tenant **pp = &r->buckets[bucket_of(r, t->name)]; *pp;
	     pp = &(*pp)->hash_next) {
		if (*pp == t) {
			*pp = t->hash_next;
			break;
		}
	}
	r->ntenants--;
	if (t->wal_fd >= 0)
		close(t->wal_fd);       /* no flush runs: nobody else uses it */
	shard_serial_keep_locked(r, t); /* its sequences' records too */
	free(t);
}

static void lru_unlink(struct shard_registry *r, struct shard_tenant *t)
{
	if (t->lru_prev)
		t->lru_prev->lru_next = t->lru_next;
	else
		r->lru_head = t->lru_next;
	if (t->lru_next)
		t->lru_next->lru_prev = t->lru_prev;
	else
		r->lru_tail = t->lru_prev;
	t->lru_prev = t->lru_next = NULL;
	__atomic_store_n(&r->nidle_tenants, r->nidle_tenants - 1, __ATOMIC_RELAXED);
}

static void lru_push_front(struct shard_registry *r, struct shard_tenant *t)
{
	t->lru_prev = NULL;
	t->lru_next = r->lru_head;
	if (r->lru_head)
		r->lru_head->lru_prev = t;
	else
		r->lru_tail = t;
	r->lru_head = t;
	__atomic_store_n(&r->nidle_tenants, r->nidle_tenants + 1, __ATOMIC_RELAXED);
}

/* Takes t's idle connection c (prev: the one above it on the stack, NULL for the top), with
 * the registry lock held; the caller counts it used or not. */
static struct shard_conn *unlink_idle(struct shard_registry *r, struct shard_tenant *t,
				      struct shard_conn *prev, struct shard_conn *c)
{
	if (prev)
		prev->next = c->next;
	else
		t->idle = c->next;
	c->next = NULL;
	if (--t->nidle == 0)
		lru_unlink(r, t);
	return c;
}

/* Takes t's most recently released idle connection (its page cache the freshest). */
static struct shard_conn *pop_idle(struct shard_registry *r, struct shard_tenant *t)
{
	return unlink_idle(r, t, NULL, t->idle);
}

/* Takes the idle connection that made t's last commit (the only page cache that commit left
 * current: shard_conn_take_fresher) when it was checked against migration set serial, else
 * NULL. It is nearly always the top of the stack; not when a connection whose cache is stale
 * went back after it (a woken writer that moved to it gives its own back: about one borrow in
 * fifty under eight clients' inserts took such a one from the top and read its pages again). */
static struct shard_conn *take_fresh_idle(struct shard_registry *r, struct shard_tenant *t,
					  uint64_t serial)
{
	for (struct shard_conn *prev = NULL, *c = t->idle; c; prev = c, c = c->next)
		if (c->wseq == t->wseq)
			return c->mig_serial == serial ? unlink_idle(r, t, prev, c) : NULL;
	return NULL;
}

/* A connection to lend, before its tenant is checked against the migrations. */
static struct shard_conn *lend(struct shard_registry *r, const char *name, struct pgerr *err)
{
	pthread_mutex_lock(&r->lock);
	shard_drop_lend_wait_locked(r, name); /* a drop removing its files: a fresh one after */
	struct shard_tenant *t = tenant_find(r, name, true);
	struct shard_conn *c = t->idle ? pop_idle(r, t) : NULL;
	if (!c && t->nused == 0) {
		t->wal_reopen = true; /* the last close may have deleted the WAL the flusher has */
	}
	t->nused++; /* reserves the record while the file opens outside the lock */
	pthread_mutex_unlock(&r->lock);
	if (c)
		return c;
	c = shard_conn_open(r, name, err);
	pthread_mutex_lock(&r->lock);
	if (c) {
		c->t = t;
		r->nopen++;
	} else {
		t->nused--;
		shard_pool_tenant_maybe_free_locked(r, t);
	}
	pthread_mutex_unlock(&r->lock);
	return c;
}

struct shard_conn *shard_conn_acquire_cached(struct shard_registry *r, const char *name)
{
	uint64_t serial = __atomic_load_n(&r->mig_serial, __ATOMIC_ACQUIRE);
	pthread_mutex_lock(&r->lock);
	struct shard_tenant *t = shard_drop_marked_locked(r, name) ? NULL
								   : tenant_find(r, name, false);
	struct shard_conn *c = t ? take_fresh_idle(r, t, serial) : NULL;
	if (!c && t && t->idle && t->idle->mig_serial == serial)
		c = pop_idle(r, t);
	if (c)
		t->nused++;
	pthread_mutex_unlock(&r->lock);
	return c;
}

struct shard_conn *shard_conn_take_fresher(struct shard_conn *old)
{
	struct shard_tenant *t = old->t;
	if (!t || old->wseq == __atomic_load_n(&t->wseq, __ATOMIC_RELAXED))
		return NULL; /* no commit since old's own: its page cache is current */
	struct shard_registry *r = old->reg;
	pthread_mutex_lock(&r->lock);
	struct shard_conn *c = take_fresh_idle(r, t, old->mig_serial);
	if (c) {
		t->nused++;
		/* old was woken first in line: c goes on in its place, old's release wakes none */
		__atomic_store_n(&c->baton, old->baton, __ATOMIC_RELAXED);
		__atomic_store_n(&old->baton, false, __ATOMIC_RELAXED);
		c->restartable = old->restartable;
		c->on_loop = old->on_loop;
	}
	pthread_mutex_unlock(&r->lock);
	return c;
}

struct shard_conn *shard_conn_acquire(struct shard_registry *r, const char *name, struct pgerr *err)
{
	struct shard_conn *c = lend(r, name, err);
	if (c && !shard_migrate_lent(c, NULL, err)) {
		shard_conn_release(c); /* rolled back; checked again when next lent */
		return NULL;
	}
	return c;
}

struct shard_conn *shard_conn_acquire_nowait(struct shard_registry *r, const char *name, bool *busy,
					     struct pgerr *err)
{
	struct shard_conn *c = lend(r, name, err);
	*busy = false;
	if (c && !shard_migrate_lent(c, busy, err) && !*busy) {
		shard_conn_release(c);
		return NULL;
	}
	return c;
}

bool shard_conn_migrate(struct shard_conn *c, bool *busy, struct pgerr *err)
{
	return shard_migrate_lent(c, busy, err);
}

static void wake_list(struct shard_conn **list)
{
	while (*list) {
		struct shard_conn *w = *list;
		*list = w->next;
		w->next = w->prev = NULL;
		w->parked = w->cross = false;
		if (w->wake_fn)
			w->wake_fn(w->wake_arg);
	}
}

/* The lock of t may be free: wakes the oldest parked connection of t, which takes the baton,
 * and every connection that waits with other tenants' files attached (it may be waiting for
 * t's file). Lock held. */
static void wake_next(struct shard_registry *r, struct shard_tenant *t)
{
	__atomic_store_n(&t->gen, t->gen + 1, __ATOMIC_RELEASE);
	__atomic_store_n(&r->gen_all, r->gen_all + 1, __ATOMIC_RELEASE);
	wake_list(&r->cross_waiters);
	struct shard_conn *w = t->waiters;
	if (!w)
		return;
	while (w->next)
		w = w->next; /* parking pushes at the head: the oldest is last */
	if (w->prev)
		w->prev->next = NULL;
	else
		t->waiters = NULL;
	w->next = w->prev = NULL;
	w->parked = false;
	__atomic_store_n(&w->baton, true, __ATOMIC_RELAXED); /* read unlocked in settle */
	if (w->wake_fn)
		w->wake_fn(w->wake_arg);
}

/* Wakes every parked connection of t, and every connection that waits with other tenants'
 * files attached (it may be waiting for t's file). Lock held. */
static void wake_all(struct shard_registry *r, struct shard_tenant *t)
{
	__atomic_store_n(&t->gen, t->gen + 1, __ATOMIC_RELEASE);
	__atomic_store_n(&r->gen_all, r->gen_all + 1, __ATOMIC_RELEASE);
	wake_list(&t->waiters);
	wake_list(&r->cross_waiters);
}

void shard_pool_wake_locked(struct shard_registry *r, struct shard_tenant *t) { wake_all(r, t); }

struct shard_tenant *shard_pool_tenant_locked(struct shard_registry *r, const char *name)
{
	return tenant_find(r, name, false);
}

void shard_pool_wake_tenant_locked(struct shard_registry *r, const char *name)
{
	struct shard_tenant *t = tenant_find(r, name, false);
	if (t)
		wake_all(r, t);
}

static void unpark_locked(struct shard_conn *c)
{
	if (!c->parked)
		return;
	if (c->prev)
		c->prev->next = c->next;
	else if (c->cross)
		c->reg->cross_waiters = c->next;
	else
		c->t->waiters = c->next;
	if (c->next)
		c->next->prev = c->prev;
	c->next = c->prev = NULL;
	c->parked = c->cross = false;
}

/* Counts the statements open on c. */
static int open_stmts(struct shard_conn *c)
{
	int n = 0;
	for (sqlite3_stmt *vm = sqlite3_next_stmt(c->db, NULL); vm;
	     vm = sqlite3_next_stmt(c->db, vm))
		n++;
	return n;
}

/* Whether c can serve another session as is: no transaction, no statement but the cached
 * ones, no attached file, no temp tables. The temp schema is only read when something temporary was created. */
static bool reusable(struct shard_conn *c)
{
	if (!sqlite3_get_autocommit(c->db) || open_stmts(c) != shard_stmt_cache_count(c))
		return false;
	if (sqlite3_db_name(c->db, 2)) /* another tenant's file still attached (schema prefix) */
		return false;
	return shard_conn_unpin(c);
}

bool shard_conn_unpin(struct shard_conn *c)
{
	if (!c->authz.temp_created)
		return true;
	sqlite3_stmt *vm = NULL;
	bool empty = false;
	/* a temporary serial table leaves the temp schema's sqlite_sequence behind, empty */
	if (sqlite3_prepare_v2(c->db,
			       "SELECT 1 FROM temp.sqlite_schema WHERE name <> 'sqlite_sequence' "
			       "LIMIT 1",
			       -1, &vm, NULL) == SQLITE_OK)
		empty = sqlite3_step(vm) == SQLITE_DONE;
	sqlite3_finalize(vm);
	c->authz.temp_created = !empty;
	return empty;
}

/* Lock held. Returns the connections to close outside the lock (a list through next). With
 * nowait (the loop thread) nothing is closed: the limits may be exceeded by c until a later
 * release trims them, which evicts as many tenants as are over. */
static struct shard_conn *cache(struct shard_registry *r, struct shard_conn *c, bool nowait)
{
	struct shard_tenant *t = c->t;
	if (!nowait && (t->nidle >= SHARD_IDLE_PER_TENANT || r->max_open_tenants <= 0))
		return c;
	c->next = t->idle;
	t->idle = c;
	if (t->nidle++ > 0)
		lru_unlink(r, t);
	lru_push_front(r, t);
	struct shard_conn *evicted = NULL;
	while (!nowait && r->nidle_tenants > (size_t)r->max_open_tenants && r->lru_tail != t) {
		struct shard_tenant *victim = r->lru_tail;
		struct shard_conn *last = victim->idle;
		while (last->next)
			last = last->next;
		last->next = evicted;
		evicted = victim->idle;
		victim->idle = NULL;
		victim->nidle = 0;
		lru_unlink(r, victim);
		shard_pool_tenant_maybe_free_locked(r, victim);
	}
	return evicted;
}

/* Many tenants idle at once (a node serving thousands): an idle connection keeps no page
 * cache. A few busy tenants keep theirs between transactions. A hint, read without the lock
 * (written under it, atomically): a release is not worth a second trip through the lock. */
static bool should_cool(struct shard_registry *r)
{
	return __atomic_load_n(&r->nidle_tenants, __ATOMIC_RELAXED) >= SHARD_WARM_TENANTS;
}

void shard_conn_lend(struct shard_conn *c, const struct catalog_session *cat,
		     const struct pgfn_session *fn, struct shard_client *cl)
{
	catalog_lend(c->cat, cat);
	pgfn_lend(c->fn, fn);
	c->client = cl;
}

static void release(struct shard_conn *c, bool nowait)
{
	struct shard_registry *r = c->reg;
	shard_conn_lend(c, NULL, NULL, NULL); /* the borrower's facts may not outlive it */
	sqlite3_progress_handler(c->db, 0, NULL, NULL);
	c->restartable = c->refused_effect = c->on_loop = false;
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	if (!nowait)
		shard_conn_checkpoint(c); /* one its borrower left due (shard_loop.c) */
	struct shard_tenant *t = c->t;
	ASSERT(t);
	if (c->nattached > 0) { /* the rollback let go of the attached files too */
		pthread_mutex_lock(&r->lock);
		shard_attach_wake_locked(c);
		pthread_mutex_unlock(&r->lock);
	}
	/* another session must never find this one's attachments on a pooled connection */
	bool keep = shard_conn_detach_all(c) && reusable(c);
	ASSERT(keep || !nowait);
	if (keep && should_cool(r))
		sqlite3_db_release_memory(c->db);
	if (!keep)
		shard_stmt_cache_clear(c);
	pthread_mutex_lock(&r->lock);
	unpark_locked(c);
	shard_sync_forget_locked(c);
	c->wake_fn = c->tk.wake_fn = NULL; /* under the lock: a wake_all may be reading it */
	c->wake_arg = c->tk.wake_arg = NULL;
	if (c->released || c->baton) /* it let go of the lock, or was next in line */
		wake_next(r, t);
	c->released = false;
	__atomic_store_n(&c->baton, false, __ATOMIC_RELAXED);
	t->nused--;
	struct shard_conn *to_close = keep ? cache(r, c, nowait) : c;
	for (struct shard_conn *x = to_close; x; x = x->next)
		r->nopen--;
	shard_pool_tenant_maybe_free_locked(r, t);
	pthread_mutex_unlock(&r->lock);
	while (to_close) {
		struct shard_conn *x = to_close;
		to_close = x->next;
		close_db(x);
	}
}

void shard_conn_release(struct shard_conn *c)
{
	if (c)
		release(c, false);
}

bool shard_conn_release_cached(struct shard_conn *c)
{
	if (!c->t || !sqlite3_get_autocommit(c->db) || c->nattached > 0 || shard_conn_unsynced(c) ||
	    c->tk.waiting || c->checkpoint_due || !reusable(c) || c->reg->max_open_tenants <= 0)
		return false;
	release(c, true);
	return true;
}

struct shard_conn *shard_pool_take_idle_locked(struct shard_registry *r, struct shard_tenant *t)
{
	struct shard_conn *idle = t->idle;
	if (!idle)
		return NULL;
	for (struct shard_conn *x = idle; x; x = x->next)
		r->nopen--;
	t->idle = NULL;
	t->nidle = 0;
	lru_unlink(r, t);
	shard_pool_tenant_maybe_free_locked(r, t);
	return idle;
}

void shard_registry_counts(struct shard_registry *r, size_t *open, size_t *idle, size_t *tenants)
{
	pthread_mutex_lock(&r->lock);
	size_t n = 0;
	for (struct shard_tenant *t = r->lru_head; t; t = t->lru_next)
		n += (size_t)t->nidle;
	*open = r->nopen;
	*idle = n;
	*tenants = r->ntenants;
	pthread_mutex_unlock(&r->lock);
}

/* ---- lock waits ---- */

/* Other threads read wake_fn only of parked or flush-waiting connections, under the lock
 * that parking or waiting takes after this: no lock needed here. */
void shard_conn_set_waker(struct shard_conn *c, shard_wake_fn *fn, void *arg)
{
	ASSERT(!c->parked && !c->tk.waiting);
	c->wake_fn = c->tk.wake_fn = fn;
	c->wake_arg = c->tk.wake_arg = arg;
}

/* gen is written under the lock; reading it atomically is enough to catch a later bump. */
void shard_conn_attempt(struct shard_conn *c)
{
	if (!c->t)
		return;
	c->ticket = __atomic_load_n(&c->t->gen, __ATOMIC_ACQUIRE);
	c->ticket_all = __atomic_load_n(&c->reg->gen_all, __ATOMIC_ACQUIRE);
}

/* A ticket no generation can equal until the next attempt: park finds the lock "let go". */
void shard_conn_retry_now(struct shard_conn *c)
{
	if (!c->t)
		return;
	c->ticket = ~__atomic_load_n(&c->t->gen, __ATOMIC_ACQUIRE);
	c->ticket_all = ~__atomic_load_n(&c->reg->gen_all, __ATOMIC_ACQUIRE);
}

static void park_newest(struct shard_conn **list, struct shard_conn *c)
{
	c->prev = NULL;
	c->next = *list;
	if (c->next)
		c->next->prev = c;
	*list = c;
}

static void park_oldest(struct shard_conn **list, struct shard_conn *c)
{
	struct shard_conn *last = *list;
	if (!last) {
		park_newest(list, c);
		return;
	}
	while (last->next)
		last = last->next;
	last->next = c;
	c->prev = last;
	c->next = NULL;
}

void shard_conn_park(struct shard_conn *c)
{
	ASSERT(c->t && !c->parked);
	struct shard_registry *r = c->reg;
	pthread_mutex_lock(&r->lock);
	bool was_next = c->baton;
	/* someone holds the lock again: its end wakes the next waiter */
	__atomic_store_n(&c->baton, false, __ATOMIC_RELAXED);
	/* With files attached, the lock may be any of them: wait for every tenant's. */
	bool cross = c->nattached > 0;
	if (cross ? c->ticket_all != r->gen_all : c->ticket != c->t->gen) {
		if (c->wake_fn)
			c->wake_fn(c->wake_arg); /* the lock was let go meanwhile: retry now */
	} else {
		struct shard_conn **list = cross ? &r->cross_waiters : &c->t->waiters;
		if (was_next && !cross)
			park_oldest(list, c); /* woken first, beaten to the lock: keeps its place */
		else
			park_newest(list, c);
		c->parked = true;
		c->cross = cross;
	}
	pthread_mutex_unlock(&r->lock);
}

void shard_conn_unpark(struct shard_conn *c)
{
	if (!c->t)
		return;
	pthread_mutex_lock(&c->reg->lock);
	unpark_locked(c);
	pthread_mutex_unlock(&c->reg->lock);
}

/* A commit is numbered even while a later write transaction is open (a pipelined COMMIT;
 * BEGIN; INSERT): its answer must wait for its flush all the same. */
static void settle(struct shard_conn *c, bool wake)
{
	/* baton is set by other threads under the lock; a stale read only delays to the next
	 * settle, and a connection woken meanwhile runs (and settles) again anyway. */
	if (!c->t ||
	    (!c->released && !c->committed && !__atomic_load_n(&c->baton, __ATOMIC_RELAXED)))
		return;
	bool writing = sqlite3_txn_state(c->db, NULL) == SQLITE_TXN_WRITE;
	pthread_mutex_lock(&c->reg->lock);
	if (c->committed)
		__atomic_store_n(&c->t->wseq, c->wseq = c->t->wseq + 1, __ATOMIC_RELAXED);
	shard_sync_settle_locked(c);
	if (wake && (c->released || c->baton) && !writing) {
		c->released = false;
		__atomic_store_n(&c->baton, false, __ATOMIC_RELAXED);
		wake_next(c->reg, c->t);
		shard_attach_wake_locked(c);
	}
	pthread_mutex_unlock(&c->reg->lock);
}

void shard_conn_settle(struct shard_conn *c) { settle(c, true); }

void shard_conn_settle_for_release(struct shard_conn *c) { settle(c, false); }
