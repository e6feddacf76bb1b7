/* SPDX-License-Identifier: Apache-2.0 */
/* shard_loop.c: what a connection borrowed on the event-loop thread needs so that a write and
 * its COMMIT never block there: checkpoints kept off the loop (the group commit's flush never
 * runs on a committer's thread: shard_sync.c).
 *
 * Checkpoints: SQLite's auto-checkpoint runs inside the COMMIT that finds the WAL past its
 * threshold, with an fsync of the WAL and one of the database file. A commit on the loop that
 * takes the tenant's WAL past the threshold only marks the checkpoint due on its connection;
 * its borrower runs it on a worker (shard_conn_checkpoint), or release does. It ends in
 * RESTART mode, which holds the write lock while it copies (and flushes) the last frames, so
 * the next writer starts the WAL over; the bulk is copied and flushed before, without the lock
 * (catch_up). (A PASSIVE checkpoint alone lets the next writer append first,
 * and under steady load the WAL then never starts over: checkpoint().) While the WAL (as the
 * last commit left it) is past the threshold, a checkpoint is under way or did not restart it:
 * commits are not offered to the loop (shard_conn_commit_blocks) and run on workers, which
 * checkpoint inside the commit; except while a checkpoint of the tenant runs (for a few
 * milliseconds: its PASSIVE step copies and flushes), when commits on the loop go on and mark
 * none due (that one starts the WAL over, or the first commit after it tries again), up to
 * CHECKPOINT_SLACK frames more. So the loop leaves about one commit per checkpoint to a
 * worker. It used to leave every commit of the last 100 frames before the size and of the
 * checkpoint's run (about one insert in eight at c 8, each a worker's wakeup and the loop's:
 * docs/performance.md). */
#include "shard_int.h"

#include <errno.h>
#include <string.h>
#include <time.h>

/* SQLite's default wal_autocheckpoint, in WAL frames (pages). */
#define CHECKPOINT_FRAMES 1000
/* While a checkpoint of the tenant is under way, commits on the loop go on past the size up to
 * this many frames more (it starts the WAL over, or the next commit past the size tries
 * again). */
#define CHECKPOINT_SLACK 500
/* A checkpoint's PASSIVE steps (catch_up) go on while more than CHECKPOINT_TAIL frames were
 * appended meanwhile, at most CHECKPOINT_ROUNDS of them. */
#define CHECKPOINT_TAIL 32
#define CHECKPOINT_ROUNDS 3
/* The RESTART step is tried up to CHECKPOINT_TRIES times, CHECKPOINT_RETRY_US apart. */
#define CHECKPOINT_TRIES 10
#define CHECKPOINT_RETRY_US 50

/* Flushes the database file's pages the checkpoint copied so far. SQLite syncs it only in the
 * checkpoint step that copies the WAL's last frame: under steady writes the PASSIVE step sees
 * frames appended meanwhile and skips it, and the RESTART step, holding the write lock, flushed
 * the thousand pages the PASSIVE one had copied while every writer of the tenant waited (2 to
 * 40 ms under eight clients' inserts on a loaded machine, against about 0.1 ms for a commit's
 * flush). A failure is the tenant's flush failure (shard_sync.c): no later commit of it is
 * called durable, and the WAL is not started over. */
static int sync_db(struct shard_conn *c)
{
	sqlite3_file *f = NULL;
	if (sqlite3_file_control(c->db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
	    !f->pMethods)
		return SQLITE_ERROR;
	int rc = f->pMethods->xSync(f, SQLITE_SYNC_NORMAL);
	if (rc != SQLITE_OK)
		shard_sync_fail(c, EIO);
	return rc;
}

/* The copying before RESTART, without the write lock: PASSIVE steps, each followed by a flush
 * of the database file, until the frames appended meanwhile are few (CHECKPOINT_TAIL) or
 * CHECKPOINT_ROUNDS ran. What the RESTART step then copies and flushes under the lock is that
 * tail. Not SQLITE_OK: another checkpoint holds the tenant's (it starts the WAL over), or the
 * flush failed; no RESTART then. */
static int catch_up(struct shard_conn *c)
{
	for (int round = 0; round < CHECKPOINT_ROUNDS; round++) {
		int done = 0;
		int rc = sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL,
						   &done);
		if (rc == SQLITE_OK)
			rc = sync_db(c);
		if (rc != SQLITE_OK)
			return rc;
		if (!c->t ||
		    __atomic_load_n(&c->t->wal_frames, __ATOMIC_RELAXED) - done <= CHECKPOINT_TAIL)
			break;
	}
	return SQLITE_OK;
}

/* The RESTART step, tried again a few times, CHECKPOINT_RETRY_US apart, while it meets the
 * write lock or a reader (it has no busy handler: a wait inside SQLite would sleep a whole
 * millisecond or more, holding the write lock while it waits for a reader). Under eight
 * clients' inserts a writer holds the lock about half the time, and about one checkpoint in
 * six ended without starting the WAL over; every commit then went to a worker, which
 * checkpointed again. */
static int restart(struct shard_conn *c)
{
	for (int tries = 1;; tries++) {
		int rc = sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_RESTART, NULL,
						   NULL);
		if ((rc & 0xff) != SQLITE_BUSY || tries == CHECKPOINT_TRIES)
			return rc;
		struct timespec ts = {0, CHECKPOINT_RETRY_US * 1000L};
		nanosleep(&ts, NULL);
	}
}

/* PASSIVE, as SQLite's own hook, then RESTART. The hook runs after the commit let the write
 * lock go, so a PASSIVE checkpoint alone raced the next writer, which under steady load had
 * begun its transaction on the old WAL before the checkpoint ended and appended to it: the WAL
 * never started over and stayed past the checkpoint size, and every commit then went to a
 * worker and checkpointed again (docs/performance.md). RESTART takes the write lock, copies
 * what was appended meanwhile and waits for no reader to use the WAL, so the next writer
 * starts it over; writers that meet it park as behind a commit. The PASSIVE steps first do
 * the bulk of the copying and its flushes without the lock (catch_up): a RESTART alone held
 * every writer of the tenant through a thousand pages' copy and flush. No step sleeps inside
 * SQLite (no busy handler): a writer under way or a reader on the WAL through every try of the
 * RESTART step (restart), or another process's checkpoint, leave it to a later commit. Other
 * files attached for schema prefixes keep PASSIVE: their waiters are their tenants'. */
static void checkpoint(struct shard_conn *c, const char *schema)
{
	if (strcmp(schema, "main") != 0) {
		(void)sqlite3_wal_checkpoint_v2(c->db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL,
						NULL);
		return;
	}
	/* One at a time: another connection's checkpoint under way starts the WAL over (a second
	 * one met its lock between its steps and flushed the database file once more) */
	if (c->t && __atomic_fetch_add(&c->t->checkpoints, 1, __ATOMIC_RELAXED) > 0) {
		__atomic_sub_fetch(&c->t->checkpoints, 1, __ATOMIC_RELAXED);
		return;
	}
	int rc = catch_up(c);
	if (rc == SQLITE_OK)
		rc = restart(c);
	if (c->t)
		__atomic_sub_fetch(&c->t->checkpoints, 1, __ATOMIC_RELAXED);
	/* It may have held the write lock, and writers that met it parked: the next settle
	 * (or release) wakes one, as after a commit. */
	c->released = true;
	if (rc == SQLITE_OK && c->t) /* the next commit starts the WAL over */
		__atomic_store_n(&c->t->wal_frames, 0, __ATOMIC_RELAXED);
}

/* Whether another connection checkpoints the tenant now, and the WAL is not so far past the
 * size that commits on the loop should stop (a hint, read without any lock). */
static bool checkpoint_running(const struct shard_conn *c, int frames)
{
	return c->t && frames < CHECKPOINT_FRAMES + CHECKPOINT_SLACK &&
	       __atomic_load_n(&c->t->checkpoints, __ATOMIC_RELAXED) > 0;
}

static int wal_hook(void *arg, sqlite3 *db, const char *schema, int frames)
{
	struct shard_conn *c = arg;
	(void)db;
	shard_snapshot_committed(c, schema); /* READ COMMITTED's next statement sees it */
	if (c->t && strcmp(schema, "main") == 0)
		__atomic_store_n(&c->t->wal_frames, frames, __ATOMIC_RELAXED);
	if (frames < CHECKPOINT_FRAMES)
		return SQLITE_OK;
	if (c->on_loop) {
		if (!checkpoint_running(c, frames))
			c->checkpoint_due = true;
		return SQLITE_OK;
	}
	c->checkpoint_due = false;
	checkpoint(c, schema);
	return SQLITE_OK;
}

void shard_loop_register(struct shard_conn *c) { sqlite3_wal_hook(c->db, wal_hook, c); }

void shard_conn_set_on_loop(struct shard_conn *c, bool on) { c->on_loop = on; }

bool shard_conn_commit_blocks(const struct shard_conn *c)
{
	if (c->reg->durability == SHARD_DURABILITY_FULL || !c->t)
		return true;
	int frames = __atomic_load_n(&c->t->wal_frames, __ATOMIC_RELAXED);
	return frames >= CHECKPOINT_FRAMES && !checkpoint_running(c, frames);
}

bool shard_conn_checkpoint_due(const struct shard_conn *c) { return c->checkpoint_due; }

void shard_conn_checkpoint(struct shard_conn *c)
{
	if (!c->checkpoint_due)
		return;
	ASSERT(!c->on_loop);
	c->checkpoint_due = false;
	checkpoint(c, "main"); /* a connection on the loop has no files attached */
}
