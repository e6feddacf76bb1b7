/* SPDX-License-Identifier: Apache-2.0 */
/* shard_loop.c: what a connection borrowed on the event-loop thread needs so that a write and
 * its COMMIT never block there: checkpoints kept off the loop (the group commit's flush never
 * runs on a committer's thread: shard_sync.c).
 *
 * Checkpoints: SQLite's auto-checkpoint runs inside the COMMIT that finds the WAL past its
 * threshold, with an fsync of the WAL and one of the database file. So a commit is offered to
 * the loop only while the tenant's WAL (as the last commit left it) is well below the
 * threshold (shard_conn_commit_blocks); past it, commits run on workers and checkpoint there
 * as SQLite's own hook would, while holding the write lock, which lets the next writer start
 * the WAL over. (Checkpointing on a worker after the commit instead lets the next writer
 * append first, and the WAL never starts over under steady load.) A transaction that crosses
 * the threshold on the loop anyway (many cheap writes) only marks the checkpoint due on its
 * connection; its borrower runs it on a worker (shard_conn_checkpoint), or release does. */
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
