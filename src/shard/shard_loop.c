/* SPDX-License-Identifier: Apache-2.0 */
/* shard_loop.c: what a connection borrowed on the event-loop thread needs so that a write and
 * its COMMIT never block there: checkpoints kept off the loop, and the group commit's flush
 * run by a thread of its own.
 *
 * Checkpoints: SQLite's auto-checkpoint runs inside the COMMIT that finds the WAL past its
 * threshold, with an fsync of the WAL and one of the database file. So a commit is offered to
 * the loop only while the tenant's WAL (as the last commit left it) is well below the
 * threshold (shard_conn_commit_blocks); past it, commits run on workers and checkpoint there
 * as SQLite's own hook would, while holding the write lock, which lets the next writer start
 * the WAL over. (Checkpointing on a worker after the commit instead lets the next writer
 * append first, and the WAL never starts over under steady load.) A transaction that crosses
 * the threshold on the loop anyway (many cheap writes) only marks the checkpoint due on its
 * connection; its borrower runs it on a worker (shard_conn_checkpoint), or release does.
 *
 * The flusher: a commit made on the loop that is not durable yet joins the tenant's flush
 * waiters (shard_sync.c); when no flush runs, the tenant is queued for the registry's flusher
 * thread, which runs the fdatasync, wakes the waiters it covered and, when commits were
 * appended meanwhile, flushes again at once. Handing the next flush to a waiter instead (the
 * baton, which workers' commits still use) cost a trip through the loop and a worker between
 * two flushes: under 8 clients' single-row inserts the WAL was idle for 0.66 ms between
 * fdatasyncs of 0.82 ms. A flush a worker runs and one the flusher runs never overlap
 * (t->flushing); the record of a tenant queued or being flushed is kept (flush_queued,
 * flusher_busy). */
#include "shard_int.h"

#include <string.h>

/* SQLite's default wal_autocheckpoint, in WAL frames (pages). */
#define CHECKPOINT_FRAMES 1000
/* A commit on the loop is chosen only below this WAL size: the transaction's own pages (a few
 * for the cheap statements the loop runs) then stay under the checkpoint size. */
#define LOOP_COMMIT_FRAMES (CHECKPOINT_FRAMES - 100)

static int wal_hook(void *arg, sqlite3 *db, const char *schema, int frames)
{
	struct shard_conn *c = arg;
	if (c->t && strcmp(schema, "main") == 0)
		__atomic_store_n(&c->t->wal_frames, frames, __ATOMIC_RELAXED);
	if (frames < CHECKPOINT_FRAMES)
		return SQLITE_OK;
	if (c->on_loop) {
		c->checkpoint_due = true;
		return SQLITE_OK;
	}
	/* PASSIVE, as the default hook: it never waits for readers or writers. Its failures
	 * (SQLITE_BUSY when another checkpoint runs) leave the WAL to the next one. */
	c->checkpoint_due = false;
	(void)sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

void shard_loop_register(struct shard_conn *c) { sqlite3_wal_hook(c->db, wal_hook, c); }

void shard_conn_set_on_loop(struct shard_conn *c, bool on) { c->on_loop = on; }

bool shard_conn_commit_blocks(const struct shard_conn *c)
{
	if (c->reg->durability == SHARD_DURABILITY_FULL || !c->t)
		return true;
	return __atomic_load_n(&c->t->wal_frames, __ATOMIC_RELAXED) >= LOOP_COMMIT_FRAMES;
}

bool shard_conn_checkpoint_due(const struct shard_conn *c) { return c->checkpoint_due; }

void shard_conn_checkpoint(struct shard_conn *c)
{
	if (!c->checkpoint_due)
		return;
	ASSERT(!c->on_loop);
	c->checkpoint_due = false;
	(void)sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

/* ---- the flusher ---- */

/* Wakes the waiters t's last flush covered (all of them after a failure: each then finds its
 * commit not durable and flushes on a worker, which reports the error). Lock held. */
static void wake_covered(struct shard_tenant *t, bool all)
{
	for (struct shard_conn **pp = &t->sync_waiters; *pp;) {
		struct shard_conn *w = *pp;
		if (!all && w->need > t->durable) {
			pp = &w->sync_next;
			continue;
		}
		*pp = w->sync_next;
		w->sync_next = NULL;
		w->sync_waiting = false;
		if (w->wake_fn)
			w->wake_fn(w->wake_arg);
	}
}

static void enqueue(struct shard_registry *r, struct shard_tenant *t)
{
	if (t->flush_queued || t->flusher_busy)
		return;
	t->flush_queued = true;
	t->flush_next = NULL;
	if (r->flush_queue_tail)
		r->flush_queue_tail->flush_next = t;
	else
		r->flush_queue = t;
	r->flush_queue_tail = t;
	pthread_cond_signal(&r->flusher_cond);
}

/* One flush of t, unless another thread's runs (its end wakes the waiters, and the oldest one
 * it did not cover flushes next on a worker). Lock held; dropped during the fdatasync. */
static void flush_one(struct shard_registry *r, struct shard_tenant *t)
{
	if (t->flushing || t->written <= t->durable) {
		shard_pool_tenant_maybe_free_locked(r, t); /* its waiters may all be gone */
		return;
	}
	t->flushing = true;
	t->flusher_busy = true;
	uint64_t target = t->written;
	unsigned long ino = t->wal_ino;
	pthread_mutex_unlock(&r->lock);
	int e = shard_sync_flush_wal(r, t->name, &ino);
	pthread_mutex_lock(&r->lock);
	t->flushing = false;
	t->flusher_busy = false;
	t->wal_ino = ino;
	if (!e && target > t->durable)
		__atomic_store_n(&t->durable, target, __ATOMIC_RELEASE);
	wake_covered(t, e != 0);
	if (t->sync_waiters && !e)
		enqueue(r, t); /* appended while it ran: the next flush starts at once */
	shard_pool_tenant_maybe_free_locked(r, t);
}

static void *flusher_main(void *arg)
{
	struct shard_registry *r = arg;
	pthread_mutex_lock(&r->lock);
	while (!r->flusher_stop) {
		struct shard_tenant *t = r->flush_queue;
		if (!t) {
			pthread_cond_wait(&r->flusher_cond, &r->lock);
			continue;
		}
		r->flush_queue = t->flush_next;
		if (!r->flush_queue)
			r->flush_queue_tail = NULL;
		t->flush_next = NULL;
		t->flush_queued = false;
		flush_one(r, t);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

/* Lock held. False when no thread could be started (the caller's worker flushes instead). */
static bool flusher_start(struct shard_registry *r)
{
	if (r->flusher_on)
		return true;
	pthread_cond_init(&r->flusher_cond, NULL);
	if (pthread_create(&r->flusher, NULL, flusher_main, r) != 0) {
		pthread_cond_destroy(&r->flusher_cond);
		return false;
	}
	r->flusher_on = true;
	return true;
}

void shard_loop_fini(struct shard_registry *r)
{
	pthread_mutex_lock(&r->lock);
	bool on = r->flusher_on;
	r->flusher_stop = true;
	if (on)
		pthread_cond_signal(&r->flusher_cond);
	pthread_mutex_unlock(&r->lock);
	if (!on)
		return;
	pthread_join(r->flusher, NULL);
	pthread_cond_destroy(&r->flusher_cond);
	r->flusher_on = false;
	for (struct shard_tenant *t = r->flush_queue; t; t = t->flush_next)
		t->flush_queued = false;
	r->flush_queue = r->flush_queue_tail = NULL;
}

enum shard_sync shard_conn_sync_nowait(struct shard_conn *c)
{
	struct shard_tenant *t = c->t;
	if (!t || !c->need)
		return SHARD_SYNC_DONE;
	struct shard_registry *r = c->reg;
	enum shard_sync res = SHARD_SYNC_WAIT;
	pthread_mutex_lock(&r->lock);
	if (c->need <= t->durable) {
		c->need = 0;
		res = SHARD_SYNC_DONE;
	} else if (!c->sync_waiting) {
		/* The end of the flush under way wakes it, as shard_conn_sync's waiters (and makes
		 * it the next flusher if it is not covered); with none under way the flusher
		 * thread runs one. */
		c->sync_baton = false;
		c->sync_next = t->sync_waiters;
		t->sync_waiters = c;
		c->sync_waiting = true;
		if (!t->flushing && !r->flusher_stop && flusher_start(r))
			enqueue(r, t);
		else if (!t->flushing)
			res = SHARD_SYNC_FLUSH;
	}
	if (res == SHARD_SYNC_FLUSH) { /* no thread: the caller's worker flushes */
		for (struct shard_conn **pp = &t->sync_waiters; *pp; pp = &(*pp)->sync_next) {
			if (*pp == c) {
				*pp = c->sync_next;
				break;
			}
		}
		c->sync_next = NULL;
		c->sync_waiting = false;
	}
	pthread_mutex_unlock(&r->lock);
	return res;
}
