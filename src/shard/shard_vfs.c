/* SPDX-License-Identifier: Apache-2.0 */
/* shard_vfs.c: the "shardlite" VFS every tenant connection opens its file with — SQLite's unix
 * VFS, except that a transaction's appends to the WAL are gathered and reach the file with one
 * write instead of two per frame (a 24-byte frame header and the page), and that the read-mark
 * lock a transaction lets go of stays held until it is needed (shard_vfs_shm.c). Nothing else
 * changes: the lock bytes, the WAL-index, the file formats and every other file are the unix
 * VFS's own.
 *
 * When the gathered bytes are written (the order is what keeps WAL mode correct):
 *
 *   write lock taken (xShmLock WAL_WRITE_LOCK) ... the next WAL write starts a run
 *   WAL write at the run's end ................... copied to the buffer
 *     it is the page of a commit frame ........... buffer written now; a failure fails the
 *                                                  commit before its header is published
 *   WAL write anywhere else (a frame rewritten in place, checksums rewritten) ... buffer
 *                                                  written, then this write, and the rest of
 *                                                  the transaction writes through
 *   WAL read / sync / truncate / size / close .... buffer written first
 *   xShmBarrier on the database ................... buffer written first (SQLite calls it
 *                                                  between the two copies of the WAL-index
 *                                                  header that publish a commit)
 *   write lock let go ............................. buffer written, freed
 *
 * So another connection never finds a published frame that is not in the file (it reads
 * frames only up to a published header), a commit's own write error is its commit's error,
 * and the group commit's fdatasync (shard_sync.c), which starts after the commit returned,
 * covers every byte of it. Frames of an uncommitted transaction may sit in the buffer (a
 * spill), as they may sit unsynced in the page cache: they are not part of any snapshot. */
#include "shard_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define WAL_FRAME_HDR 24
#define WAL_WRITE_LOCK 0 /* the WAL-index lock a writer holds (SQLite's wal.c) */
/* Gathered bytes are written before they pass this. The unix VFS writes at most 128 KiB per
 * call (it masks the size to 17 bits); a commit of a few pages stays far below it. */
#define GATHER_MAX (64 * 1024)

/* What SQLite holds for a file of this VFS. The unix VFS's own file object follows it in the
 * same allocation. Database and WAL files are wrapped; journals and temporary files are the
 * unix VFS's objects themselves (opened in place). */
struct gfile {
	sqlite3_file base;
	sqlite3_file *real;
	struct gfile *wal; /* database: its open WAL, NULL when none */
	struct gfile *db;  /* WAL: its database (the pager's file object), NULL when not ours */
	struct shard_shm_holder shm; /* database: its WAL-index locks */
	/* WAL only: the run of appends since the write lock was taken. */
	bool in_txn;      /* the database's connection holds the write lock */
	bool run;         /* a run started: tail is where the next append goes */
	bool through;     /* a write off the run: the rest of the transaction writes through */
	bool page_next;   /* the last append was a frame header ... */
	bool commit_next; /* ... of a commit frame */
	sqlite3_int64 tail;
	unsigned char *buf; /* GATHER_MAX bytes while a run gathers */
	size_t len;
};

#define REAL_OFFSET ((sizeof(struct gfile) + 15) & ~(size_t)15)

static sqlite3_vfs *unix_vfs;
static sqlite3_vfs gather_vfs;
static const sqlite3_io_methods db_methods;
static const sqlite3_io_methods wal_methods;

static struct gfile *gf(sqlite3_file *f) { return (struct gfile *)f; }

/* Writes what was gathered; the run goes on at tail. */
static int flush(struct gfile *w)
{
	if (w->len == 0)
		return SQLITE_OK;
	int rc = w->real->pMethods->xWrite(w->real, w->buf, (int)w->len,
					   w->tail - (sqlite3_int64)w->len);
	w->len = 0;
	return rc;
}

static void drop_buffer(struct gfile *w)
{
	free(w->buf);
	w->buf = NULL;
	w->len = 0;
}

/* Copies amt bytes to the buffer's end; false when there is no buffer (the caller writes). */
static bool gather(struct gfile *w, const void *p, size_t amt)
{
	if (!w->buf) {
		w->buf = malloc(GATHER_MAX);
		if (!w->buf)
			return false;
	}
	memcpy(w->buf + w->len, p, amt);
	w->len += amt;
	w->tail += (sqlite3_int64)amt;
	return true;
}

/* The frame header's second field is the database size after a commit, 0 otherwise. */
static bool commit_header(const unsigned char *h) { return (h[4] | h[5] | h[6] | h[7]) != 0; }

static int write_through(struct gfile *w, const void *p, int amt, sqlite3_int64 off)
{
	int rc = flush(w);
	if (rc == SQLITE_OK)
		rc = w->real->pMethods->xWrite(w->real, p, amt, off);
	return rc;
}

static int wal_write(sqlite3_file *f, const void *p, int amt, sqlite3_int64 off)
{
	struct gfile *w = gf(f);
	if (!w->in_txn || w->through)
		return write_through(w, p, amt, off);
	if (!w->run) {
		w->run = true;
		w->tail = off;
	}
	if (off != w->tail) { /* a frame rewritten in place: keep the file's order simple */
		w->through = true;
		return write_through(w, p, amt, off);
	}
	if (w->len + (size_t)amt > GATHER_MAX) {
		int rc = flush(w);
		if (rc != SQLITE_OK)
			return rc;
	}
	if (amt > GATHER_MAX || !gather(w, p, (size_t)amt)) {
		w->tail += amt; /* nothing is gathered (flushed above): the run goes on after it */
		return w->real->pMethods->xWrite(w->real, p, amt, off);
	}
	const unsigned char *b = p;
	bool commit = false;
	if (amt == WAL_FRAME_HDR) {
		w->page_next = true;
		w->commit_next = commit_header(b);
	} else if (w->page_next) {
		w->page_next = false;
		commit = w->commit_next;
	} else if (amt > WAL_FRAME_HDR) { /* header and page in one write */
		commit = commit_header(b);
	}
	return commit ? flush(w) : SQLITE_OK;
}

/* The write lock was let go (or the file closes): nothing may stay behind. */
static int end_txn(struct gfile *w)
{
	int rc = flush(w);
	drop_buffer(w);
	w->in_txn = w->run = w->through = w->page_next = w->commit_next = false;
	return rc;
}

static int wal_close(sqlite3_file *f)
{
	struct gfile *w = gf(f);
	(void)end_txn(w); /* a transaction still open is rolled back: its frames are dead */
	if (w->db)
		w->db->wal = NULL;
	return w->real->pMethods->xClose(w->real);
}

static int wal_read(sqlite3_file *f, void *p, int amt, sqlite3_int64 off)
{
	int rc = flush(gf(f));
	return rc ? rc : gf(f)->real->pMethods->xRead(gf(f)->real, p, amt, off);
}

static int wal_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	int rc = flush(gf(f));
	return rc ? rc : gf(f)->real->pMethods->xTruncate(gf(f)->real, size);
}

static int wal_sync(sqlite3_file *f, int flags)
{
	int rc = flush(gf(f));
	return rc ? rc : gf(f)->real->pMethods->xSync(gf(f)->real, flags);
}

static int wal_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	int rc = flush(gf(f));
	return rc ? rc : gf(f)->real->pMethods->xFileSize(gf(f)->real, size);
}

static int wal_file_control(sqlite3_file *f, int op, void *arg)
{
	int rc = flush(gf(f));
	return rc ? rc : gf(f)->real->pMethods->xFileControl(gf(f)->real, op, arg);
}

/* ---- forwarded as they are (database and WAL files) ---- */

static int fwd_read(sqlite3_file *f, void *p, int amt, sqlite3_int64 off)
{
	return gf(f)->real->pMethods->xRead(gf(f)->real, p, amt, off);
}

static int fwd_write(sqlite3_file *f, const void *p, int amt, sqlite3_int64 off)
{
	return gf(f)->real->pMethods->xWrite(gf(f)->real, p, amt, off);
}

static int fwd_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return gf(f)->real->pMethods->xTruncate(gf(f)->real, size);
}

static int fwd_sync(sqlite3_file *f, int flags)
{
	return gf(f)->real->pMethods->xSync(gf(f)->real, flags);
}

static int fwd_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return gf(f)->real->pMethods->xFileSize(gf(f)->real, size);
}

static int fwd_lock(sqlite3_file *f, int level)
{
	return gf(f)->real->pMethods->xLock(gf(f)->real, level);
}

static int fwd_unlock(sqlite3_file *f, int level)
{
	return gf(f)->real->pMethods->xUnlock(gf(f)->real, level);
}

static int fwd_check_reserved(sqlite3_file *f, int *out)
{
	return gf(f)->real->pMethods->xCheckReservedLock(gf(f)->real, out);
}

static int fwd_file_control(sqlite3_file *f, int op, void *arg)
{
	return gf(f)->real->pMethods->xFileControl(gf(f)->real, op, arg);
}

static int fwd_sector_size(sqlite3_file *f)
{
	return gf(f)->real->pMethods->xSectorSize(gf(f)->real);
}

static int fwd_device_characteristics(sqlite3_file *f)
{
	return gf(f)->real->pMethods->xDeviceCharacteristics(gf(f)->real);
}

static int fwd_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **p)
{
	return gf(f)->real->pMethods->xShmMap(gf(f)->real, page, size, extend, p);
}

static int db_shm_unmap(sqlite3_file *f, int delete_flag)
{
	return shard_shm_unmap(&gf(f)->shm, delete_flag);
}

static int fwd_fetch(sqlite3_file *f, sqlite3_int64 off, int amt, void **p)
{
	return gf(f)->real->pMethods->xFetch(gf(f)->real, off, amt, p);
}

static int fwd_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return gf(f)->real->pMethods->xUnfetch(gf(f)->real, off, p);
}

/* ---- the database file: the WAL-index calls that bound a transaction's run ---- */

static int db_close(sqlite3_file *f)
{
	struct gfile *d = gf(f);
	if (d->wal) /* SQLite closes the WAL first; a leftover link must not dangle */
		d->wal->db = NULL;
	shard_shm_leave(&d->shm);
	return d->real->pMethods->xClose(d->real);
}

static int db_shm_lock(sqlite3_file *f, int ofst, int n, int flags)
{
	struct gfile *d = gf(f);
	bool write_lock = ofst <= WAL_WRITE_LOCK && ofst + n > WAL_WRITE_LOCK;
	if (write_lock && d->wal && (flags & SQLITE_SHM_UNLOCK))
		(void)end_txn(d->wal); /* written at its commit or barrier; else rolled back */
	int rc = shard_shm_lock(&d->shm, ofst, n, flags);
	if (rc == SQLITE_OK && write_lock && d->wal && (flags & SQLITE_SHM_EXCLUSIVE) &&
	    !(flags & SQLITE_SHM_UNLOCK))
		d->wal->in_txn = true;
	return rc;
}

/* SQLite publishes a commit's WAL-index header after this call: its frames are written
 * first. A write error here cannot be reported; it cannot happen either in the paths SQLite
 * has (the commit frame's page flushed the run already), so this is the safety net. */
static void db_shm_barrier(sqlite3_file *f)
{
	struct gfile *d = gf(f);
	if (d->wal && flush(d->wal) != SQLITE_OK)
		d->wal->through = true;
	d->real->pMethods->xShmBarrier(d->real);
}

static const sqlite3_io_methods db_methods = {
	.iVersion = 3,
	.xClose = db_close,
	.xRead = fwd_read,
	.xWrite = fwd_write,
	.xTruncate = fwd_truncate,
	.xSync = fwd_sync,
	.xFileSize = fwd_file_size,
	.xLock = fwd_lock,
	.xUnlock = fwd_unlock,
	.xCheckReservedLock = fwd_check_reserved,
	.xFileControl = fwd_file_control,
	.xSectorSize = fwd_sector_size,
	.xDeviceCharacteristics = fwd_device_characteristics,
	.xShmMap = fwd_shm_map,
	.xShmLock = db_shm_lock,
	.xShmBarrier = db_shm_barrier,
	.xShmUnmap = db_shm_unmap,
	.xFetch = fwd_fetch,
	.xUnfetch = fwd_unfetch,
};

static const sqlite3_io_methods wal_methods = {
	.iVersion = 1,
	.xClose = wal_close,
	.xRead = wal_read,
	.xWrite = wal_write,
	.xTruncate = wal_truncate,
	.xSync = wal_sync,
	.xFileSize = wal_file_size,
	.xLock = fwd_lock,
	.xUnlock = fwd_unlock,
	.xCheckReservedLock = fwd_check_reserved,
	.xFileControl = wal_file_control,
	.xSectorSize = fwd_sector_size,
	.xDeviceCharacteristics = fwd_device_characteristics,
};

/* ---- the VFS ---- */

static int vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)vfs;
	bool db = flags & SQLITE_OPEN_MAIN_DB, wal = flags & SQLITE_OPEN_WAL;
	if (!db && !wal) /* journals, temporary files: the unix VFS's object in place */
		return unix_vfs->xOpen(unix_vfs, name, f, flags, out);
	struct gfile *g = gf(f);
	memset(g, 0, sizeof(*g));
	g->real = (sqlite3_file *)((char *)f + REAL_OFFSET);
	int rc = unix_vfs->xOpen(unix_vfs, name, g->real, flags, out);
	if (rc != SQLITE_OK) {
		g->base.pMethods = NULL; /* SQLite then does not call xClose */
		return rc;
	}
	g->base.pMethods = db ? &db_methods : &wal_methods;
	if (db)
		shard_shm_join(&g->shm, g->real, name);
	if (wal) {
		sqlite3_file *owner = sqlite3_database_file_object(name);
		if (owner && owner->pMethods == &db_methods) {
			g->db = gf(owner);
			g->db->wal = g;
		}
	}
	return SQLITE_OK;
}

static int vfs_delete(sqlite3_vfs *v, const char *name, int sync_dir)
{
	(void)v;
	return unix_vfs->xDelete(unix_vfs, name, sync_dir);
}

static int vfs_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return unix_vfs->xAccess(unix_vfs, name, flags, out);
}

static int vfs_full_pathname(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return unix_vfs->xFullPathname(unix_vfs, name, n, out);
}

static void *vfs_dl_open(sqlite3_vfs *v, const char *name)
{
	(void)v;
	return unix_vfs->xDlOpen(unix_vfs, name);
}

static void vfs_dl_error(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	unix_vfs->xDlError(unix_vfs, n, out);
}

static void (*vfs_dl_sym(sqlite3_vfs *v, void *h, const char *sym))(void)
{
	(void)v;
	return unix_vfs->xDlSym(unix_vfs, h, sym);
}

static void vfs_dl_close(sqlite3_vfs *v, void *h)
{
	(void)v;
	unix_vfs->xDlClose(unix_vfs, h);
}

static int vfs_randomness(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return unix_vfs->xRandomness(unix_vfs, n, out);
}

static int vfs_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return unix_vfs->xSleep(unix_vfs, us);
}

static int vfs_current_time(sqlite3_vfs *v, double *out)
{
	(void)v;
	return unix_vfs->xCurrentTime(unix_vfs, out);
}

static int vfs_last_error(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return unix_vfs->xGetLastError(unix_vfs, n, out);
}

static int vfs_current_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	(void)v;
	return unix_vfs->xCurrentTimeInt64(unix_vfs, out);
}

static void register_once(void)
{
	/* Before SQLite initializes (sqlite3_vfs_find does): no memory statistics, which nothing
	 * here reads (sqlite3_memory_used, sqlite3_status) and which cost every sqlite3_malloc and
	 * sqlite3_free a lock of one process-wide mutex, about 26 pairs per TPC-B transaction,
	 * taken by every thread that runs SQLite. A process that used SQLite before keeps them. */
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	unix_vfs = sqlite3_vfs_find("unix");
	if (!unix_vfs)
		return;
	gather_vfs = (sqlite3_vfs){
		.iVersion = 2,
		.szOsFile = (int)(REAL_OFFSET + (size_t)unix_vfs->szOsFile),
		.mxPathname = unix_vfs->mxPathname,
		.zName = SHARD_VFS_NAME,
		.xOpen = vfs_open,
		.xDelete = vfs_delete,
		.xAccess = vfs_access,
		.xFullPathname = vfs_full_pathname,
		.xDlOpen = vfs_dl_open,
		.xDlError = vfs_dl_error,
		.xDlSym = vfs_dl_sym,
		.xDlClose = vfs_dl_close,
		.xRandomness = vfs_randomness,
		.xSleep = vfs_sleep,
		.xCurrentTime = vfs_current_time,
		.xGetLastError = vfs_last_error,
		.xCurrentTimeInt64 = vfs_current_time64,
	};
	if (sqlite3_vfs_register(&gather_vfs, 0) != SQLITE_OK)
		unix_vfs = NULL;
}

const char *shard_vfs_name(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, register_once);
	return unix_vfs ? SHARD_VFS_NAME : NULL;
}
