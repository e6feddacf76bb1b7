/* SPDX-License-Identifier: Apache-2.0 */
/* shard_vfs_shm.c: the WAL-index read-mark locks of the "shardlite" VFS (shard_vfs.c). When a
 * tenant connection ends a read transaction, SQLite lets go of its read-mark lock; the unix
 * VFS then drops its shared fcntl lock on the -shm file, and the next transaction takes it
 * again: two fcntl system calls per point select. Here the shared lock is *kept* between
 * transactions and given back only when something needs the slot:
 *
 *   SQLite's call on connection c            what happens
 *   unlock SHARED of read mark i ........... kept: the unix VFS still holds it for c
 *   lock SHARED of read mark i, kept ....... nothing (c held it all along)
 *   lock SHARED of another read mark ....... c's kept mark given back, then the call
 *   lock EXCLUSIVE over read marks ......... every connection of the file gives back its kept
 *                                            marks in that range, then the call
 *   xShmUnmap, close ....................... c's kept mark given back first
 *   anything else .......................... the unix VFS's call as it is
 *
 * Holding a shared lock longer than SQLite asked is always safe: a read mark locked means
 * only "a reader may use the snapshot this mark names", so a checkpointer stops short of it and
 * nobody moves it. Inside the process nothing waits on a kept lock: the connections of one file
 * (one group, found by device and inode) give theirs back under the group's mutex before any of
 * them locks a mark exclusively (a checkpoint, the WAL's restart, a reader moving a mark to
 * the newest frame). Another process (the `sqlite3` shell) reads and writes as before — shared
 * locks do not conflict, the write lock is never kept — but its own checkpoints stop at a mark
 * a server connection keeps, as they stop at a server transaction in flight. */
#include "shard_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>

#define READ_MARK_FIRST 3 /* WAL_READ_LOCK(0) in SQLite's wal.c */
#define READ_MARKS 5      /* WAL_NREADER: SQLITE_SHM_NLOCK - 3 */
#define MARK_BITS (((1u << READ_MARKS) - 1) << READ_MARK_FIRST)
#define GROUP_BUCKETS 256

/* The connections of one file in this process. */
struct shard_shm_group {
	pthread_mutex_t mu; /* the holders' kept masks and calls of the unix VFS's xShmLock */
	dev_t dev;
	ino_t ino;
	struct shard_shm_group *next; /* in its bucket */
	struct shard_shm_holder *holders;
};

static pthread_mutex_t groups_mu = PTHREAD_MUTEX_INITIALIZER;
static struct shard_shm_group *groups[GROUP_BUCKETS];

static unsigned lock_bits(int ofst, int n)
{
	return n <= 0 || ofst < 0 || ofst + n > SQLITE_SHM_NLOCK ? 0 : ((1u << n) - 1) << ofst;
}

static size_t bucket(dev_t dev, ino_t ino)
{
	return ((size_t)ino * 31u + (size_t)dev) % GROUP_BUCKETS;
}

/* Lets go of h's kept marks in mask. The group's mutex is held. */
static void give_back(struct shard_shm_holder *h, unsigned mask)
{
	unsigned k = h->kept & mask;
	h->kept &= ~mask;
	for (int i = READ_MARK_FIRST; k; i++)
		if (k & (1u << i)) {
			(void)h->real->pMethods->xShmLock(h->real, i, 1,
							  SQLITE_SHM_UNLOCK | SQLITE_SHM_SHARED);
			k &= ~(1u << i);
		}
}

void shard_shm_join(struct shard_shm_holder *h, sqlite3_file *real, const char *path)
{
	*h = (struct shard_shm_holder){.real = real};
	struct stat st;
	if (!path || stat(path, &st) != 0)
		return; /* no group: every call goes to the unix VFS as it is */
	size_t b = bucket(st.st_dev, st.st_ino);
	pthread_mutex_lock(&groups_mu);
	struct shard_shm_group *g = groups[b];
	while (g && (g->dev != st.st_dev || g->ino != st.st_ino))
		g = g->next;
	if (!g && (g = calloc(1, sizeof(*g)))) {
		pthread_mutex_init(&g->mu, NULL);
		g->dev = st.st_dev;
		g->ino = st.st_ino;
		g->next = groups[b];
		groups[b] = g;
	}
	if (g) {
		pthread_mutex_lock(&g->mu);
		h->group = g;
		h->next = g->holders;
		g->holders = h;
		pthread_mutex_unlock(&g->mu);
	}
	pthread_mutex_unlock(&groups_mu);
}

void shard_shm_leave(struct shard_shm_holder *h)
{
	struct shard_shm_group *g = h->group;
	if (!g)
		return;
	pthread_mutex_lock(&groups_mu);
	pthread_mutex_lock(&g->mu);
	give_back(h, h->kept);
	struct shard_shm_holder **p = &g->holders;
	while (*p != h)
		p = &(*p)->next;
	*p = h->next;
	bool empty = !g->holders;
	pthread_mutex_unlock(&g->mu);
	if (empty) {
		struct shard_shm_group **q = &groups[bucket(g->dev, g->ino)];
		while (*q != g)
			q = &(*q)->next;
		*q = g->next;
		pthread_mutex_destroy(&g->mu);
		free(g);
	}
	pthread_mutex_unlock(&groups_mu);
	h->group = NULL;
}

int shard_shm_lock(struct shard_shm_holder *h, int ofst, int n, int flags)
{
	struct shard_shm_group *g = h->group;
	unsigned mask = lock_bits(ofst, n);
	if (!g || !mask)
		return h->real->pMethods->xShmLock(h->real, ofst, n, flags);
	int rc = SQLITE_OK;
	pthread_mutex_lock(&g->mu);
	switch (flags) {
	case SQLITE_SHM_UNLOCK | SQLITE_SHM_SHARED:
		if (n == 1 && (mask & MARK_BITS)) {
			h->kept |= mask;
			break;
		}
		rc = h->real->pMethods->xShmLock(h->real, ofst, n, flags);
		break;
	case SQLITE_SHM_LOCK | SQLITE_SHM_SHARED:
		if ((h->kept & mask) == mask) {
			h->kept &= ~mask;
			break;
		}
		if (mask & MARK_BITS) /* a connection reads through one mark at a time */
			give_back(h, h->kept);
		rc = h->real->pMethods->xShmLock(h->real, ofst, n, flags);
		break;
	case SQLITE_SHM_LOCK | SQLITE_SHM_EXCLUSIVE:
		if (mask & MARK_BITS)
			for (struct shard_shm_holder *o = g->holders; o; o = o->next)
				give_back(o, mask);
		rc = h->real->pMethods->xShmLock(h->real, ofst, n, flags);
		break;
	default:
		rc = h->real->pMethods->xShmLock(h->real, ofst, n, flags);
		break;
	}
	pthread_mutex_unlock(&g->mu);
	return rc;
}

int shard_shm_unmap(struct shard_shm_holder *h, int delete_flag)
{
	struct shard_shm_group *g = h->group;
	if (g) {
		pthread_mutex_lock(&g->mu);
		give_back(h, h->kept);
		pthread_mutex_unlock(&g->mu);
	}
	return h->real->pMethods->xShmUnmap(h->real, delete_flag);
}
