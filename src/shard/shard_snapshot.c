/* SPDX-License-Identifier: Apache-2.0 */
/* shard_snapshot.c: whether a connection's read snapshot may be older than the newest commit,
 * for READ COMMITTED's fresh snapshot per statement (src/session/sess_rc.c). Commits are
 * counted once they have landed (SQLite's WAL hook runs after the commit let the write lock
 * go), so a counter read before a snapshot begins is at most the number of commits the
 * snapshot sees: when it has not moved since, the snapshot is the newest. Only this process's
 * commits are counted: another process writing a tenant file (`shardlite migrate`, an SQLite
 * tool) is not seen here, only by SQLite (SQLITE_BUSY_SNAPSHOT at a write). */
#include "shard_int.h"

#include <string.h>

static uint64_t load(const uint64_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }

static void bump(uint64_t *p) { (void)__atomic_add_fetch(p, 1, __ATOMIC_RELEASE); }

void shard_snapshot_committed(struct shard_conn *c, const char *schema)
{
	struct shard_registry *r = c->reg;
	bump(&r->commits_all);
	if (strcmp(schema, "main") != 0)
		bump(&r->commits_attached); /* another tenant's file, through a schema prefix */
	else if (c->t)
		bump(&c->t->commits);
	else /* a connection opened outside the pool (the hub's own file is in memory) */
		bump(&r->commits_attached);
}

/* A connection with files attached (or outside the pool) reads several files: any commit
 * counts. Otherwise its own tenant's, and any made through an attachment (which may be its
 * tenant's file, attached elsewhere). */
bool shard_conn_snapshot_stale(const struct shard_conn *c)
{
	const struct shard_registry *r = c->reg;
	if (c->nattached > 0 || !c->t)
		return load(&r->commits_all) != c->snap_all;
	return load(&c->t->commits) != c->snap_seq || load(&r->commits_attached) != c->snap_att;
}

void shard_conn_snapshot_mark(struct shard_conn *c)
{
	struct shard_registry *r = c->reg;
	c->snap_att = load(&r->commits_attached);
	c->snap_all = load(&r->commits_all);
	c->snap_seq = c->t ? load(&c->t->commits) : 0;
}

void shard_conn_snapshot_forget(struct shard_conn *c)
{
	c->snap_seq = c->snap_all = c->snap_att = UINT64_MAX;
}
