/* SPDX-License-Identifier: Apache-2.0 */
/* shard_sync.c: group commit. Under durability = group a tenant's connections run with
 * synchronous=NORMAL: a commit appends its frames to the WAL and lets the write lock go
 * without an fsync. Its answer is held (by the session) until an fdatasync of the WAL that
 * started after the append has ended; one such flush covers every commit appended before it
 * started, so eight clients committing at once pay about one fsync, not eight.
 *
 * Where a flush runs: on the committer's own thread when it may block and fewer than
 * SHARD_SYNC_ON_CALLER flushes run on committers' threads (the cheapest path for one busy
 * tenant: no hand-off), else on the registry's sync threads: the committer queues its tenant
 * and waits holding no thread, and different tenants' flushes run side by side (the disk takes
 * concurrent flushes about as fast as one). With every flush on the committer's worker,
 * sixteen tenants committing at once held every worker in fdatasync and their other
 * statements queued behind it; with every flush on a sync thread, one client's commit paid a
 * second hand-off (about five more context switches per commit). The flush goes through a
 * descriptor of the WAL kept on the tenant record, not an open/fstat/close around each one.
 *
 * Who waits: a ticket (the tenant and the commit's number). Every connection has one for its
 * last commit; a session moves it onto a ticket of its own (shard_conn_take_ticket) and gives
 * the connection back before the flush, so the tenant's next writer gets the connection that
 * made the last commit, its page cache current. When each session kept its connection until
 * its flush ended, eight clients' commits rotated over eight connections, and each dropped
 * and re-read its page cache (about seven pread per insert). A ticket taken off a connection
 * counts in the tenant record (tickets), which lives on until the last such ticket is empty.
 *
 *   commit appended --settle--> numbered n (written = n) on the connection's ticket
 *        (taken: the session's ticket from here on; the connection goes back to the pool)
 *        shard_ticket_sync: n <= durable ..................................... DONE
 *                         the tenant's WAL failed to flush ................... FAILED
 *                         may block, no flush of the tenant queued or running,
 *                              a caller slot free: flush here ................ DONE
 *                         else join the waiters; tenant not queued or flushing:
 *                              queue it, signal a sync thread ................ WAIT
 *   sync thread: take the oldest queued tenant; target = written; fdatasync; durable = target;
 *                wake the waiters it covered; waiters left (appended meanwhile): queue the
 *                tenant again at the tail (one flush covers all of them) — the same thread
 *                takes it when no other tenant is queued, without waking another
 *   woken ticket: off the waiters and n <= durable: DONE without the registry lock, unless it
 *                is the tenant's last ticket (emptying that one may free the record)
 *
 * The event loop takes its commit's ticket and joins the waiters under one lock
 * (shard_conn_take_ticket_sync): every lock the loop takes per commit may meet a sync thread
 * holding it, and the loop's clients all wait meanwhile.
 *
 * Why this keeps PostgreSQL's guarantee: a WAL frame is valid after a crash only when every
 * frame before it is (checksums chain), and the fdatasync covers every byte written to the
 * file before it started. Checkpoints and WAL restarts need nothing more: in NORMAL mode
 * SQLite syncs the WAL before a checkpoint and the database after it, and restarts the WAL
 * only after a complete checkpoint. A WAL file created since the tenant's last flush also
 * gets its directory synced, so the file itself survives. A failed fdatasync is final for the
 * tenant record: after a write-back error Linux may report the next fsync as a success though
 * pages were lost, and a lost frame invalidates every frame after it, so no later commit of
 * the tenant is called durable (PostgreSQL stops the server on such an error). */
#include "shard_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void shard_sync_settle_locked(struct shard_conn *c)
{
	if (!c->committed)
		return;
	c->committed = false;
	/* the hub's own file is in memory; the files attached to it sync their own commits */
	if (c->reg->durability != SHARD_DURABILITY_GROUP || strcmp(c->tenant, SHARD_HUB) == 0)
		return;
	c->tk.reg = c->reg;
	c->tk.t = c->t;
	c->tk.need = ++c->t->written;
}

/* Leaves the waiters of the tenant's next flush. Lock held. */
static void unwait(struct shard_ticket *tk)
{
	if (!tk->waiting)
		return;
	for (struct shard_ticket **pp = &tk->t->sync_waiters; *pp; pp = &(*pp)->next) {
		if (*pp == tk) {
			*pp = tk->next;
			break;
		}
	}
	tk->next = NULL;
	__atomic_store_n(&tk->waiting, false, __ATOMIC_RELEASE);
}

/* Leaves tk empty; a ticket's reference on the record goes, which may free it. Lock held. */
static void empty(struct shard_ticket *tk)
{
	struct shard_tenant *t = tk->t;
	unwait(tk);
	tk->t = NULL;
	tk->need = 0;
	if (t && tk->ref) {
		tk->ref = false;
		__atomic_sub_fetch(&t->tickets, 1, __ATOMIC_ACQ_REL);
		shard_pool_tenant_maybe_free_locked(tk->reg, t);
	}
}

/* The usual end of a wait, without the registry lock: tk is off the waiters (the flush that
 * covered it took it off before calling its waker, with a release store of waiting) and the
 * tenant's durable number, stored after the fdatasync ended, covers tk's commit. A ticket
 * lets go of its reference on the record here only when it is not the last one, so the count
 * never reaches zero outside the lock: the last one may free the record, which takes the
 * lock. True when tk is empty now; false leaves it as it was. Without this the loop sending
 * the answers of a flushed commit blocked on the registry lock against the sync thread
 * holding it to queue, flush and wake (about 7% of the server's samples, inserts at c 8). */
static bool done_unlocked(struct shard_ticket *tk)
{
	struct shard_tenant *t = tk->t;
	if (__atomic_load_n(&tk->waiting, __ATOMIC_ACQUIRE) ||
	    tk->need > __atomic_load_n(&t->durable, __ATOMIC_ACQUIRE))
		return false;
	if (tk->ref) {
		int n = __atomic_load_n(&t->tickets, __ATOMIC_RELAXED);
		do {
			if (n <= 1)
				return false;
		} while (!__atomic_compare_exchange_n(&t->tickets, &n, n - 1, true,
						      __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
		tk->ref = false;
	}
	tk->t = NULL;
	tk->need = 0;
	return true;
}

void shard_sync_forget_locked(struct shard_conn *c) { empty(&c->tk); }

void shard_sync_fail(struct shard_conn *c, int e)
{
	if (!c->t)
		return;
	pthread_mutex_lock(&c->reg->lock);
	if (!c->t->sync_errno)
		c->t->sync_errno = e;
	pthread_mutex_unlock(&c->reg->lock);
}

/* Without the registry lock: durable only grows, and t stays while tk holds the commit. */
bool shard_ticket_pending(const struct shard_ticket *tk)
{
	return tk->t && tk->need > __atomic_load_n(&tk->t->durable, __ATOMIC_ACQUIRE);
}

bool shard_conn_unsynced(struct shard_conn *c) { return shard_ticket_pending(&c->tk); }

/* Moves c's commit onto the empty tk, which counts in the tenant record. Lock held. */
static void take_locked(struct shard_conn *c, struct shard_ticket *tk, shard_wake_fn *fn, void *arg)
{
	unwait(&c->tk);
	*tk = (struct shard_ticket){.reg = c->reg,
				    .t = c->t,
				    .need = c->tk.need,
				    .ref = true,
				    .wake_fn = fn,
				    .wake_arg = arg};
	__atomic_add_fetch(&c->t->tickets, 1, __ATOMIC_ACQ_REL);
	empty(&c->tk);
}

bool shard_conn_take_ticket(struct shard_conn *c, struct shard_ticket *tk, shard_wake_fn *fn,
			    void *arg)
{
	ASSERT(!tk->t);
	if (!shard_ticket_pending(&c->tk))
		return false;
	pthread_mutex_lock(&c->reg->lock);
	take_locked(c, tk, fn, arg);
	pthread_mutex_unlock(&c->reg->lock);
	return true;
}

static int sync_dir(const char *wal_path)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s", wal_path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int e = fsync(fd) == 0 ? 0 : errno;
	close(fd);
	return e;
}

/* Opens the tenant's WAL for flushes into *fd (-1 when there is none: it was checkpointed
 * into the synced database file and removed) and syncs its directory when the file is not
 * the one this record synced before (*ino). Returns 0 or an errno. */
static int open_wal(const struct shard_registry *r, const char *tenant, int *fd, unsigned long *ino)
{
	char path[4096];
	if (!shard_tenant_path(r, tenant, path, sizeof(path) - 4))
		return ENAMETOOLONG;
	strcat(path, "-wal");
	*fd = open(path, O_RDONLY | O_CLOEXEC);
	if (*fd < 0)
		return errno == ENOENT ? 0 : errno;
	struct stat st;
	if (fstat(*fd, &st) != 0)
		return errno;
	if ((unsigned long)st.st_ino == *ino)
		return 0;
	*ino = (unsigned long)st.st_ino;
	return sync_dir(path);
}

/* fdatasync of the tenant's WAL through the descriptor the record keeps (opened again when a
 * connection opened on a tenant that had none: the WAL may be a new file). The descriptor
 * holds no lock, so closing it cannot drop one of SQLite's (SQLite locks the database and
 * -shm files, never the WAL). Returns 0 or an errno. Called without the registry lock by the
 * one thread flushing the tenant; *fd and *ino are its copies. */
static int flush_wal(const struct shard_registry *r, const char *tenant, bool reopen, int *fd,
		     unsigned long *ino)
{
	if (reopen || *fd < 0) {
		if (*fd >= 0)
			close(*fd);
		int e = open_wal(r, tenant, fd, ino);
		if (e || *fd < 0)
			return e;
	}
	return fdatasync(*fd) == 0 ? 0 : errno;
}

/* Queues t for a sync thread, starting another thread when none is idle and the limit
 * allows. True when an idle thread was reserved: the caller posts sync_sem, after letting
 * the lock go if it can (a thread woken under the lock would first block on it). Lock held. */
static void push(struct shard_registry *r, struct shard_tenant *t)
{
	t->sync_queued = true;
	t->sync_qnext = NULL;
	if (r->sync_tail)
		r->sync_tail->sync_qnext = t;
	else
		r->sync_head = t;
	r->sync_tail = t;
}

static bool enqueue(struct shard_registry *r, struct shard_tenant *t)
{
	push(r, t);
	if (r->sync_idle > 0) { /* reserved: a burst of tenants wakes as many threads */
		r->sync_idle--;
		r->sync_signals++;
		return true;
	}
	if (r->sync_started < r->sync_max &&
	    pthread_create(&r->sync_threads[r->sync_started], NULL, shard_sync_main, r) == 0)
		r->sync_started++;
	/* else every thread is flushing: the first to end takes it */
	return false;
}

/* Wakes the waiters whose commits are durable, every one when the tenant's WAL failed to
 * flush. True when some are left (appended while the flush ran). Lock held. */
static bool wake_covered(struct shard_tenant *t)
{
	bool left = false;
	for (struct shard_ticket **pp = &t->sync_waiters; *pp;) {
		struct shard_ticket *w = *pp;
		if (!t->sync_errno && w->need > t->durable) {
			left = true;
			pp = &w->next;
			continue;
		}
		*pp = w->next;
		w->next = NULL;
		/* read before the store: once done_unlocked sees waiting false, the ticket's owner
		 * may go on without the lock (set a new waker, or leave the ticket's stack frame) */
		shard_wake_fn *fn = w->wake_fn;
		void *arg = w->wake_arg;
		__atomic_store_n(&w->waiting, false, __ATOMIC_RELEASE); /* done_unlocked reads it */
		if (fn)
			fn(arg);
	}
	return left;
}

/* One flush of t's WAL and its wakeups. Entered and left with the lock held. by_sync: the
 * caller is a sync thread, which takes the head of the queue next. So when commits were
 * appended meanwhile and no other tenant waits, t goes back on the queue for that same thread
 * and no idle one is signalled: with one busy tenant every flush used to wake another sync
 * thread, which then met the lock and found the queue empty (about one futex wake, a mutex
 * wait and two context switches per flush, for nothing). */
static void flush_one(struct shard_registry *r, struct shard_tenant *t, bool by_sync)
{
	t->flushing = true;
	uint64_t target = t->written; /* every commit numbered so far is in the file */
	unsigned long ino = t->wal_ino;
	int fd = t->wal_fd;
	bool reopen = t->wal_reopen;
	t->wal_reopen = false;
	pthread_mutex_unlock(&r->lock);
	if (by_sync && r->wake_deferred)
		r->wake_deferred(); /* the loops woken by the last flush, now the lock is free */
	int e = flush_wal(r, t->name, reopen, &fd, &ino);
	pthread_mutex_lock(&r->lock);
	t->flushing = false;
	t->wal_ino = ino;
	t->wal_fd = fd;
	if (e)
		t->sync_errno = e;
	else if (target > t->durable)
		__atomic_store_n(&t->durable, target, __ATOMIC_RELEASE);
	if (!wake_covered(t))
		shard_pool_tenant_maybe_free_locked(r, t);
	else if (by_sync && !r->sync_head)
		push(r, t);     /* this thread flushes it again at once */
	else if (enqueue(r, t)) /* behind the tenants already waiting: one flush covers them all */
		sem_post(&r->sync_sem); /* rare: under the lock */
}

/* An idle thread waits on a semaphore with the lock let go, not on a condition variable:
 * glibc's pthread_cond_wait takes the mutex back marked contended, so the unlock before every
 * flush made a futex wake for nobody (one system call per flush, strace of one client's
 * inserts). Each post stands for one signal taken from sync_signals, or for the stop. */
void *shard_sync_main(void *arg)
{
	struct shard_registry *r = arg;
	/* The committers a flush wakes are woken under the lock; their loops are kicked after it
	 * is let go (before the next fdatasync or wait), so they do not meet it held. */
	if (r->defer_wakes)
		r->defer_wakes();
	pthread_mutex_lock(&r->lock);
	for (;;) {
		struct shard_tenant *t = r->sync_head;
		if (!t) {
			if (r->sync_stop)
				break;
			r->sync_idle++; /* an enqueue takes it back when it signals */
			for (;;) {
				pthread_mutex_unlock(&r->lock);
				if (r->wake_deferred)
					r->wake_deferred();
				while (sem_wait(&r->sync_sem) != 0 && errno == EINTR)
					;
				pthread_mutex_lock(&r->lock);
				if (r->sync_signals) {
					r->sync_signals--;
					break;
				}
				if (r->sync_stop) {
					r->sync_idle--;
					break;
				}
			}
			continue;
		}
		r->sync_head = t->sync_qnext;
		if (!r->sync_head)
			r->sync_tail = NULL;
		t->sync_queued = false;
		t->sync_qnext = NULL;
		flush_one(r, t, true);
	}
	pthread_mutex_unlock(&r->lock);
	if (r->wake_deferred)
		r->wake_deferred();
	return NULL;
}

bool shard_sync_init(struct shard_registry *r, int max_threads, struct pgerr *err)
{
	sem_init(&r->sync_sem, 0, 0);
	r->sync_max = max_threads > 0 ? max_threads : SHARD_SYNC_THREADS_DEFAULT;
	r->sync_threads = base_xcalloc((size_t)r->sync_max, sizeof(*r->sync_threads));
	if (r->durability != SHARD_DURABILITY_GROUP)
		return true;
	/* One thread now, so a queued flush always has one; more start as flushes overlap. */
	int e = pthread_create(&r->sync_threads[0], NULL, shard_sync_main, r);
	if (e == 0) {
		r->sync_started = 1;
		return true;
	}
	return pgerr_fatal(err, SQLSTATE_IO_ERROR, "could not start a sync thread: %s",
			   strerror(e));
}

void shard_sync_fini(struct shard_registry *r)
{
	pthread_mutex_lock(&r->lock);
	r->sync_stop = true;
	int started = r->sync_started;
	pthread_mutex_unlock(&r->lock);
	for (int i = 0; i < started; i++) /* one post per thread: each idle one takes one */
		sem_post(&r->sync_sem);
	for (int i = 0; i < started; i++)
		pthread_join(r->sync_threads[i], NULL);
	free(r->sync_threads);
	sem_destroy(&r->sync_sem);
}

/* shard_ticket_sync with the lock held. WAIT sets *signal when a sync thread was reserved for
 * the tenant: the caller posts sync_sem after letting the lock go, so the woken thread
 * does not block on the lock at once. */
static enum shard_sync sync_locked(struct shard_ticket *tk, bool may_block, bool *signal,
				   struct pgerr *err)
{
	struct shard_tenant *t = tk->t;
	struct shard_registry *r = tk->reg;
	*signal = false;
	unwait(tk);
	if (may_block && !t->flushing && !t->sync_queued && !t->sync_errno &&
	    tk->need > t->durable && r->caller_flushes < SHARD_SYNC_ON_CALLER) {
		r->caller_flushes++;
		flush_one(r, t, false); /* covers tk: its commit was numbered before */
		r->caller_flushes--;
	}
	if (tk->need <= t->durable || t->sync_errno) {
		bool durable = tk->need <= t->durable;
		if (!durable)
			pgerr_set(err, SQLSTATE_IO_ERROR,
				  "could not fsync the write-ahead log of tenant \"%s\": %s",
				  t->name, strerror(t->sync_errno));
		empty(tk); /* may free t */
		return durable ? SHARD_SYNC_DONE : SHARD_SYNC_FAILED;
	}
	tk->next = t->sync_waiters;
	t->sync_waiters = tk;
	__atomic_store_n(&tk->waiting, true,
			 __ATOMIC_RELAXED); /* only its owner reads it unlocked */
	/* a flush of t under way or queued already: it queues t again when it ends */
	*signal = !t->flushing && !t->sync_queued && enqueue(r, t);
	return SHARD_SYNC_WAIT;
}

enum shard_sync shard_ticket_sync(struct shard_ticket *tk, bool may_block, struct pgerr *err)
{
	if (!tk->t || done_unlocked(tk))
		return SHARD_SYNC_DONE;
	struct shard_registry *r = tk->reg;
	bool signal;
	pthread_mutex_lock(&r->lock);
	enum shard_sync res = sync_locked(tk, may_block, &signal, err);
	pthread_mutex_unlock(&r->lock);
	if (signal)
		sem_post(&r->sync_sem);
	return res;
}

enum shard_sync shard_conn_take_ticket_sync(struct shard_conn *c, struct shard_ticket *tk,
					    shard_wake_fn *fn, void *arg, struct pgerr *err)
{
	ASSERT(!tk->t);
	if (!shard_ticket_pending(&c->tk))
		return SHARD_SYNC_DONE;
	struct shard_registry *r = c->reg;
	bool signal;
	pthread_mutex_lock(&r->lock);
	take_locked(c, tk, fn, arg);
	enum shard_sync res = sync_locked(tk, false, &signal, err);
	pthread_mutex_unlock(&r->lock);
	if (signal)
		sem_post(&r->sync_sem);
	return res;
}

enum shard_sync shard_conn_sync(struct shard_conn *c, bool may_block, struct pgerr *err)
{
	return shard_ticket_sync(&c->tk, may_block, err);
}

void shard_ticket_drop(struct shard_ticket *tk)
{
	if (!tk->t)
		return;
	struct shard_registry *r = tk->reg;
	pthread_mutex_lock(&r->lock);
	empty(tk);
	pthread_mutex_unlock(&r->lock);
}
