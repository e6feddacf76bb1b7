/* SPDX-License-Identifier: Apache-2.0 */
/* shard_sync.c: group commit. Under durability = group a tenant's connections run with
 * synchronous=NORMAL: a commit appends its frames to the WAL and lets the write lock go
 * without an fsync. Its answer is held (by the session) until an fdatasync of the WAL that
 * started after the append has ended; one such flush covers every commit appended before it
 * started, so eight clients committing at once pay about one fsync, not eight.
 *
 *   commit appended --settle--> numbered n (written = n)
 *        shard_conn_sync: n <= durable ............................. DONE
 *                         no flush runs: target = written, fdatasync, durable = target,
 *                                        wake the waiters ........... DONE
 *                         a flush runs: join its waiters ............ WAIT (woken, call again)
 *
 * Why this keeps PostgreSQL's guarantee: a WAL frame is valid after a crash only when every
 * frame before it is (checksums chain), and the fdatasync covers every byte written to the
 * file before it started. Checkpoints and WAL restarts need nothing more: in NORMAL mode
 * SQLite syncs the WAL before a checkpoint and the database after it, and restarts the WAL
 * only after a complete checkpoint. A WAL file created since the tenant's last flush also
 * gets its directory synced, so the file itself survives. Flushes run on the thread of the
 * first committer that finds none under way (it would have paid the fsync alone anyway); the
 * others hold no thread while they wait. Commits made on the event loop never flush there:
 * shard_conn_sync_nowait hands the flush to the flusher thread (shard_loop.c).
 *
 * Who is woken when a flush ends: the waiters it covered, and of those it did not cover
 * (appended while it ran) only the oldest, which holds the baton and runs the next flush; the
 * rest stay on the list until that flush ends. Waking them all made each but one find the new
 * flush running and wait again, a wasted trip through a worker per commit under load. A
 * baton holder that goes away without flushing (released) passes the baton on. */
#include "shard_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void shard_sync_settle_locked(struct shard_conn *c)
{
	if (!c->committed)
		return;
	c->committed = false;
	if (c->reg->durability == SHARD_DURABILITY_GROUP)
		c->need = ++c->t->written;
}

/* Leaves the waiters of the flush under way. Lock held. */
static void unwait(struct shard_conn *c)
{
	if (!c->sync_waiting)
		return;
	for (struct shard_conn **pp = &c->t->sync_waiters; *pp; pp = &(*pp)->sync_next) {
		if (*pp == c) {
			*pp = c->sync_next;
			break;
		}
	}
	c->sync_next = NULL;
	c->sync_waiting = false;
}

static void wake_sync_waiters(struct shard_tenant *t, bool all);

void shard_sync_forget_locked(struct shard_conn *c)
{
	unwait(c);
	c->need = 0;
	if (c->sync_baton && c->t && !c->t->flushing)
		wake_sync_waiters(c->t, false); /* the next uncovered waiter flushes instead */
	c->sync_baton = false;
}

/* Without the registry lock: durable only grows, and a stale read answers "pending", which
 * shard_conn_sync then checks again under the lock. */
bool shard_conn_unsynced(struct shard_conn *c)
{
	if (!c->t || !c->need)
		return false;
	if (c->need <= __atomic_load_n(&c->t->durable, __ATOMIC_ACQUIRE))
		c->need = 0;
	return c->need != 0;
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

/* fdatasync of the tenant's WAL (and of its directory when the file is new to this record).
 * A missing WAL was checkpointed into the synced database file and removed: nothing to do.
 * Returns 0 or an errno. Called without the registry lock; *ino is the caller's copy. */
int shard_sync_flush_wal(const struct shard_registry *r, const char *tenant, unsigned long *ino)
{
	char path[4096];
	if (!shard_tenant_path(r, tenant, path, sizeof(path) - 4))
		return ENAMETOOLONG;
	strcat(path, "-wal");
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? 0 : errno;
	struct stat st;
	int e = fstat(fd, &st) == 0 ? 0 : errno;
	if (!e)
		e = fdatasync(fd) == 0 ? 0 : errno;
	close(fd);
	if (!e && (unsigned long)st.st_ino != *ino) {
		e = sync_dir(path);
		*ino = (unsigned long)st.st_ino;
	}
	return e;
}

/* Wakes the waiters whose commits are durable and, as the next flusher, the oldest of the
 * others (all of them when all is set: a failed flush). Lock held. */
static void wake_sync_waiters(struct shard_tenant *t, bool all)
{
	struct shard_conn *baton = NULL;
	for (struct shard_conn *w = t->sync_waiters; w; w = w->sync_next)
		if (w->need > t->durable)
			baton = w; /* joining pushes at the head: the oldest comes last */
	for (struct shard_conn **pp = &t->sync_waiters; *pp;) {
		struct shard_conn *w = *pp;
		if (!all && w->need > t->durable && w != baton) {
			pp = &w->sync_next;
			continue;
		}
		*pp = w->sync_next;
		w->sync_next = NULL;
		w->sync_waiting = false;
		w->sync_baton = w == baton;
		if (w->wake_fn)
			w->wake_fn(w->wake_arg);
	}
}

enum shard_sync shard_conn_sync(struct shard_conn *c, struct pgerr *err)
{
	struct shard_registry *r = c->reg;
	struct shard_tenant *t = c->t;
	if (!t || !c->need)
		return SHARD_SYNC_DONE;
	pthread_mutex_lock(&r->lock);
	unwait(c);
	c->sync_baton = false; /* it flushes, waits for a flush that wakes the others, or is done */
	if (c->need <= t->durable) {
		c->need = 0;
		pthread_mutex_unlock(&r->lock);
		return SHARD_SYNC_DONE;
	}
	if (t->flushing) {
		c->sync_next = t->sync_waiters;
		t->sync_waiters = c;
		c->sync_waiting = true;
		pthread_mutex_unlock(&r->lock);
		return SHARD_SYNC_WAIT;
	}
	t->flushing = true;
	uint64_t target = t->written; /* every commit numbered so far is in the file */
	unsigned long ino = t->wal_ino;
	pthread_mutex_unlock(&r->lock);
	int e = shard_sync_flush_wal(r, t->name, &ino);
	pthread_mutex_lock(&r->lock);
	t->flushing = false;
	t->wal_ino = ino;
	if (!e && target > t->durable)
		__atomic_store_n(&t->durable, target, __ATOMIC_RELEASE);
	wake_sync_waiters(t, e != 0); /* each checks its number again; one flushes next */
	if (!e)
		c->need = 0;
	pthread_mutex_unlock(&r->lock);
	if (!e)
		return SHARD_SYNC_DONE;
	pgerr_set(err, SQLSTATE_IO_ERROR,
		  "could not fsync the write-ahead log of tenant \"%s\": %s", t->name, strerror(e));
	return SHARD_SYNC_FAILED;
}
