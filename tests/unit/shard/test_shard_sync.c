/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_sync.c: group commit: a caller that may block flushes itself and wakes the
 * waiters it covered; one that may not (the event loop) waits for a sync thread, whose end
 * of the flush wakes it, one flush covers the commits
 * appended before it, tenants flush independently, the flush's kept WAL descriptor follows a
 * WAL deleted and created anew, a waiter that goes away early leaves no
 * dangling tenant, a checkpoint holds writers off until the WAL can start over, and a
 * failed flush fails every later sync of the tenant (white-box: it
 * reads shard_int.h to stand in for a failed fdatasync), and a checkpoint flushes the pages
 * it copied before its RESTART step takes the write lock and tries that step again when it met
 * a writer. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../../../src/shard/shard_int.h"
#include "../../check_run.h"
#include "shard_fixture.h"

static char dir[64];
static struct shard_registry *reg;

static void setup(void) { reg = shard_fixture_start(dir, "sync", 4); }

static void teardown(void) { shard_fixture_stop(reg, dir); }

static struct shard_conn *acquire(const char *name) { return shard_fixture_acquire(reg, name); }

static void commit_one(struct shard_conn *c)
{
	shard_fixture_commit(c, "INSERT INTO t VALUES (1)");
}

/* Commits c's pending work: WAIT, then DONE once woken. */
static void sync_waiting(struct shard_conn *c, int *woken)
{
	struct pgerr err;
	int before = __atomic_load_n(woken, __ATOMIC_SEQ_CST);
	ck_assert_int_eq(shard_conn_sync(c, false, &err), SHARD_SYNC_WAIT);
	shard_fixture_await(woken, before + 1);
	ck_assert(!shard_conn_unsynced(c));
	ck_assert_int_eq(shard_conn_sync(c, false, &err), SHARD_SYNC_DONE);
}

START_TEST(commit_waits_for_the_sync_thread)
{
	struct shard_conn *a = acquire("g");
	int wa = 0;
	shard_conn_set_waker(a, shard_fixture_wake, &wa);
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	sync_waiting(a, &wa);
	commit_one(a);
	sync_waiting(a, &wa);
	shard_conn_release(a);
}
END_TEST

START_TEST(one_flush_covers_earlier_commits)
{
	struct shard_conn *a = acquire("g"), *b = acquire("g");
	int wa = 0, wb = 0;
	shard_conn_set_waker(a, shard_fixture_wake, &wa);
	shard_conn_set_waker(b, shard_fixture_wake, &wb);
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	sync_waiting(a, &wa);
	commit_one(a);
	commit_one(b);
	struct pgerr err;
	/* b's commit was appended before any flush that a's sync queues can start */
	ck_assert_int_eq(shard_conn_sync(a, false, &err), SHARD_SYNC_WAIT);
	ck_assert_int_ne(shard_conn_sync(b, false, &err), SHARD_SYNC_FAILED);
	shard_fixture_await(&wa, 2);
	ck_assert(!shard_conn_unsynced(a));
	ck_assert(!shard_conn_unsynced(b));
	ck_assert_int_eq(shard_conn_sync(b, false, &err), SHARD_SYNC_DONE);
	shard_conn_release(a);
	shard_conn_release(b);
}
END_TEST

START_TEST(tenants_flush_independently)
{
	struct shard_conn *g = acquire("g"), *h = acquire("h");
	int wg = 0, wh = 0;
	shard_conn_set_waker(g, shard_fixture_wake, &wg);
	shard_conn_set_waker(h, shard_fixture_wake, &wh);
	shard_fixture_commit(g, "CREATE TABLE t (x int)");
	shard_fixture_commit(h, "CREATE TABLE t (x int)");
	struct pgerr err;
	ck_assert_int_eq(shard_conn_sync(g, false, &err), SHARD_SYNC_WAIT);
	ck_assert_int_eq(shard_conn_sync(h, false, &err), SHARD_SYNC_WAIT);
	shard_fixture_await(&wg, 1);
	shard_fixture_await(&wh, 1);
	ck_assert_int_eq(shard_conn_sync(g, false, &err), SHARD_SYNC_DONE);
	ck_assert_int_eq(shard_conn_sync(h, false, &err), SHARD_SYNC_DONE);
	shard_conn_release(g);
	shard_conn_release(h);
}
END_TEST

/* A caller that may block flushes on its own thread: DONE at once, and its flush covers the
 * commit of a connection that waited on a sync thread's flush (queued, not yet run: the test
 * holds the queue by marking the tenant queued). */
START_TEST(caller_flushes_and_wakes_covered_waiters)
{
	struct shard_conn *a = acquire("g"), *b = acquire("g");
	int wa = 0, wb = 0;
	shard_conn_set_waker(a, shard_fixture_wake, &wa);
	shard_conn_set_waker(b, shard_fixture_wake, &wb);
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	struct pgerr err;
	ck_assert_int_eq(shard_conn_sync(a, true, &err), SHARD_SYNC_DONE);
	ck_assert_int_eq(wa, 0);
	commit_one(b);
	pthread_mutex_lock(&reg->lock);
	b->t->flushing = true; /* as if a flush ran: b waits and nothing is queued */
	pthread_mutex_unlock(&reg->lock);
	ck_assert_int_eq(shard_conn_sync(b, true, &err), SHARD_SYNC_WAIT);
	pthread_mutex_lock(&reg->lock);
	b->t->flushing = false;
	pthread_mutex_unlock(&reg->lock);
	commit_one(a);
	ck_assert_int_eq(shard_conn_sync(a, true, &err), SHARD_SYNC_DONE);
	shard_fixture_await(&wb, 1); /* woken by a's flush, on this thread */
	ck_assert_int_eq(shard_conn_sync(b, false, &err), SHARD_SYNC_DONE);
	shard_conn_release(a);
	shard_conn_release(b);
}
END_TEST

/* The session ended while its flush was queued: the tenant record outlives the flush (the
 * sync thread frees it), which ASan checks. */
START_TEST(waiter_released_before_its_flush)
{
	struct shard_conn *a = acquire("gone");
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	struct pgerr err;
	ck_assert_int_eq(shard_conn_sync(a, false, &err), SHARD_SYNC_WAIT);
	shard_conn_release(a);
	struct shard_conn *b = acquire("gone");
	int wb = 0;
	shard_conn_set_waker(b, shard_fixture_wake, &wb);
	commit_one(b);
	sync_waiting(b, &wb);
	shard_conn_release(b);
}
END_TEST

START_TEST(failed_flush_fails_later_syncs)
{
	struct shard_conn *a = acquire("g");
	int wa = 0;
	shard_conn_set_waker(a, shard_fixture_wake, &wa);
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	sync_waiting(a, &wa);
	pthread_mutex_lock(&reg->lock);
	a->t->sync_errno = EIO; /* as a failed fdatasync records it */
	pthread_mutex_unlock(&reg->lock);
	commit_one(a);
	struct pgerr err;
	pgerr_clear(&err);
	ck_assert_int_eq(shard_conn_sync(a, false, &err), SHARD_SYNC_FAILED);
	ck_assert_str_eq(err.sqlstate, SQLSTATE_IO_ERROR);
	ck_assert_ptr_nonnull(strstr(err.message, "could not fsync"));
	commit_one(a);
	ck_assert_int_eq(shard_conn_sync(a, false, &err), SHARD_SYNC_FAILED);
	shard_conn_release(a);
}
END_TEST

/* A commit on the loop that takes the WAL past the checkpoint size only marks the checkpoint
 * due; the loop is not offered commits near that size; release runs a due checkpoint. */
START_TEST(loop_commit_defers_the_checkpoint)
{
	struct shard_conn *a = acquire("ck");
	struct pgerr err;
	ck_assert(shard_exec(a, "CREATE TABLE t (x text)", &err));
	ck_assert(!shard_conn_commit_blocks(a));
	shard_conn_set_on_loop(a, true);
	ck_assert_msg(shard_exec(a,
				 "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
				 "WHERE n < 1200) INSERT INTO t SELECT zeroblob(3000) FROM g",
				 &err),
		      "%s", err.message);
	ck_assert(shard_conn_checkpoint_due(a));
	ck_assert(shard_conn_commit_blocks(a)); /* the WAL is past the size now */
	ck_assert(!shard_conn_release_cached(a));
	shard_conn_set_on_loop(a, false);
	shard_conn_checkpoint(a);
	ck_assert(!shard_conn_checkpoint_due(a));
	shard_conn_release(a);
}
END_TEST

/* What the busy handler of the checkpointing connection does when the checkpoint waits for a
 * reader: another connection of the tenant tries to write meanwhile, and parks. */
struct meanwhile {
	struct shard_conn *writer;
	int calls;
	char sqlstate[6];
	bool loop_offered; /* the writer's commit could run on the loop while the checkpoint ran */
};

static int write_meanwhile(void *arg, int tries)
{
	struct meanwhile *m = arg;
	struct pgerr err;
	(void)tries;
	if (m->calls++ == 0) {
		m->loop_offered = !shard_conn_commit_blocks(m->writer);
		pgerr_clear(&err);
		shard_conn_attempt(m->writer);
		if (!shard_exec(m->writer, "INSERT INTO t VALUES ('w')", &err)) {
			memcpy(m->sqlstate, err.sqlstate, sizeof(m->sqlstate));
			shard_conn_park(m->writer);
		}
	}
	return 0; /* stop waiting: the checkpoint returns SQLITE_BUSY */
}

/* A checkpoint ends in RESTART mode: it holds the tenant's write lock until no reader uses the
 * WAL (a writer appending meanwhile kept the WAL from ever starting over under steady load), a
 * writer that meets it parks and is woken once it ends, and the next commit starts the WAL
 * over, so the loop is offered commits again. While it runs the loop is offered commits past
 * the size (that checkpoint is the one they would leave due); once it ended without starting
 * the WAL over, not (a worker's commit checkpoints again). */
START_TEST(checkpoint_holds_writers_off_and_restarts_the_wal)
{
	struct shard_conn *a = acquire("rs"), *r = acquire("rs"), *b = acquire("rs");
	struct pgerr err;
	int woken = 0;
	shard_conn_set_waker(b, shard_fixture_wake, &woken);
	ck_assert(shard_exec(a, "CREATE TABLE t (x text)", &err));
	shard_conn_set_on_loop(a, true);
	ck_assert(shard_exec(a,
			     "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
			     "WHERE n < 1200) INSERT INTO t SELECT zeroblob(3000) FROM g",
			     &err));
	shard_conn_set_on_loop(a, false);
	ck_assert(shard_conn_checkpoint_due(a) && shard_conn_commit_blocks(a));
	/* A reader on the WAL: the checkpoint copies everything, then waits for it. */
	ck_assert(shard_exec(r, "BEGIN", &err));
	ck_assert(shard_exec(r, "SELECT count(*) FROM t", &err));
	struct meanwhile m = {.writer = b};
	sqlite3_busy_handler(shard_conn_db(a), write_meanwhile, &m);
	shard_conn_checkpoint(a);
	sqlite3_busy_handler(shard_conn_db(a), NULL, NULL);
	ck_assert_int_ge(m.calls, 1);
	ck_assert(m.loop_offered);
	ck_assert(shard_conn_commit_blocks(b)); /* the reader kept the WAL from starting over */
	ck_assert_str_eq(m.sqlstate, SQLSTATE_LOCK_NOT_AVAILABLE); /* the write lock was held */
	ck_assert_int_eq(woken, 0);
	shard_conn_settle(a); /* the checkpoint let the lock go: the parked writer is woken */
	ck_assert_int_eq(woken, 1);
	ck_assert(shard_exec(r, "COMMIT", &err));
	/* Everything was copied: the next commit writes the WAL from its start. */
	shard_conn_attempt(b);
	ck_assert(shard_exec(b, "INSERT INTO t VALUES ('w')", &err));
	shard_conn_settle(b);
	ck_assert(!shard_conn_commit_blocks(b));
	shard_conn_release(r);
	shard_conn_release(b);
	shard_conn_release(a);
}
END_TEST

/* The page-cache state of a file by Linux's cachestat (6.5 and later). */
struct cache_counts {
	uint64_t cached, dirty, writeback, evicted, recently_evicted;
};

/* False when the kernel has no cachestat, or dir is on tmpfs (whose pages a sync never
 * cleans): the caller skips its check. */
static bool cache_counts_of(const char *path, struct cache_counts *cc)
{
	struct statfs sf;
	if (statfs(path, &sf) != 0 || sf.f_type == TMPFS_MAGIC)
		return false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ck_assert_int_ge(fd, 0);
	uint64_t range[2] = {0, 0}; /* offset, length (0: to the end) */
	long rc = syscall(451 /* cachestat */, fd, range, cc, 0);
	close(fd);
	return rc == 0;
}

struct restart_seen {
	char path[128];
	int calls;
	bool counted;
	struct cache_counts cc;
};

/* The busy handler of the checkpointing connection, called when its RESTART step waits for
 * the reader: the database file's pages as the RESTART step found them. */
static int look_at_the_file(void *arg, int tries)
{
	struct restart_seen *rs = arg;
	(void)tries;
	if (rs->calls++ == 0)
		rs->counted = cache_counts_of(rs->path, &rs->cc);
	return 0;
}

/* SQLite flushes the database file only in the checkpoint step that copies the WAL's last
 * frame; a PASSIVE step that could not (frames appended meanwhile, or, as here, a reader on an
 * older snapshot) leaves its pages unflushed. The checkpoint flushes them itself before the
 * RESTART step, which holds the write lock: by then none of the copied pages is dirty. */
START_TEST(checkpoint_flushes_copied_pages_before_the_restart)
{
	struct shard_conn *a = acquire("cf"), *r = acquire("cf");
	struct pgerr err;
	ck_assert(shard_exec(a, "CREATE TABLE t (x blob)", &err));
	shard_conn_set_on_loop(a, true);
	ck_assert(shard_exec(a,
			     "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
			     "WHERE n < 1200) INSERT INTO t SELECT zeroblob(3000) FROM g",
			     &err));
	/* A reader on that snapshot; then more frames: a PASSIVE step copies up to the reader's */
	ck_assert(shard_exec(r, "BEGIN", &err));
	ck_assert(shard_exec(r, "SELECT count(*) FROM t", &err));
	ck_assert(shard_exec(a, "INSERT INTO t SELECT zeroblob(3000) FROM t LIMIT 50", &err));
	shard_conn_set_on_loop(a, false);
	ck_assert(shard_conn_checkpoint_due(a));
	struct restart_seen rs = {0};
	ck_assert(shard_tenant_path(reg, "cf", rs.path, sizeof(rs.path)));
	sqlite3_busy_handler(shard_conn_db(a), look_at_the_file, &rs);
	shard_conn_checkpoint(a);
	sqlite3_busy_handler(shard_conn_db(a), NULL, NULL);
	ck_assert_int_ge(rs.calls, 1); /* the RESTART step waited for the reader */
	if (rs.counted) {
		ck_assert_uint_gt(rs.cc.cached, 1000); /* the copied pages are in the file */
		ck_assert_uint_eq(rs.cc.dirty, 0);
		ck_assert_uint_eq(rs.cc.writeback, 0);
	}
	ck_assert(shard_exec(r, "COMMIT", &err));
	shard_conn_release(r);
	shard_conn_release(a);
}
END_TEST

/* The busy handler of the checkpointing connection when its RESTART step meets another
 * connection's write transaction: that one commits, and the handler gives up this try. */
static int commit_meanwhile(void *arg, int tries)
{
	struct meanwhile *m = arg;
	struct pgerr err;
	(void)tries;
	if (m->calls++ == 0)
		ck_assert(shard_exec(m->writer, "COMMIT", &err));
	return 0;
}

/* A RESTART step that met the write lock is tried again a little later: a writer holds the lock
 * about half the time under eight clients' inserts, and a checkpoint that did not start the
 * WAL over sent every commit after it to a worker, to checkpoint again. */
START_TEST(checkpoint_tries_the_restart_again)
{
	struct shard_conn *a = acquire("rt"), *b = acquire("rt");
	struct pgerr err;
	ck_assert(shard_exec(a, "CREATE TABLE t (x blob)", &err));
	shard_conn_set_on_loop(a, true);
	ck_assert(shard_exec(a,
			     "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
			     "WHERE n < 1200) INSERT INTO t SELECT zeroblob(3000) FROM g",
			     &err));
	shard_conn_set_on_loop(a, false);
	ck_assert(shard_conn_checkpoint_due(a));
	ck_assert(shard_exec(b, "BEGIN", &err));
	ck_assert(shard_exec(b, "INSERT INTO t VALUES ('w')", &err)); /* holds the write lock */
	struct meanwhile m = {.writer = b};
	sqlite3_busy_handler(shard_conn_db(a), commit_meanwhile, &m);
	shard_conn_checkpoint(a);
	sqlite3_busy_handler(shard_conn_db(a), NULL, NULL);
	ck_assert_int_eq(m.calls, 1);
	ck_assert(!shard_conn_commit_blocks(a)); /* the next commit starts the WAL over */
	shard_conn_settle(a);
	shard_conn_settle(b);
	shard_conn_release(b);
	shard_conn_release(a);
}
END_TEST

/* A failed flush of the tenant's files outside the group commit (a checkpoint's flush of the
 * database file) fails every later sync of the tenant, as a failed flush of the WAL does. */
START_TEST(failed_checkpoint_flush_fails_later_syncs)
{
	struct shard_conn *a = acquire("cff");
	int wa = 0;
	shard_conn_set_waker(a, shard_fixture_wake, &wa);
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	sync_waiting(a, &wa);
	shard_sync_fail(a, EIO);
	commit_one(a);
	struct pgerr err;
	ck_assert_int_eq(shard_conn_sync(a, true, &err), SHARD_SYNC_FAILED);
	ck_assert_str_eq(err.sqlstate, SQLSTATE_IO_ERROR);
	shard_conn_release(a);
}
END_TEST

static nlink_t links_of(int fd)
{
	struct stat st;
	ck_assert_int_eq(fstat(fd, &st), 0);
	return st.st_nlink;
}

/* The flush keeps a descriptor of the WAL. Once every connection of the tenant has closed
 * (the last close checkpoints and deletes the WAL), the record may live on (a flush under way,
 * marked here by hand) and keep the deleted file; a connection opened anew makes the next
 * flush open the tenant's new WAL instead of syncing the deleted one. */
START_TEST(flush_follows_a_new_wal)
{
	char d2[64];
	struct shard_registry *r2 = shard_fixture_start(d2, "walfd", 0); /* release closes */
	struct shard_conn *a = shard_fixture_acquire(r2, "w");
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	struct pgerr err;
	ck_assert_int_eq(shard_conn_sync(a, true, &err), SHARD_SYNC_DONE);
	struct shard_tenant *t = a->t;
	int fd = t->wal_fd;
	ck_assert_int_ge(fd, 0);
	commit_one(a);
	ck_assert_int_eq(shard_conn_sync(a, true, &err), SHARD_SYNC_DONE);
	ck_assert_int_eq(t->wal_fd, fd); /* kept, not opened again */
	pthread_mutex_lock(&r2->lock);
	t->flushing = true; /* keeps the record while its only connection closes */
	pthread_mutex_unlock(&r2->lock);
	shard_conn_release(a);
	ck_assert_int_eq(links_of(fd), 0); /* the WAL it has was deleted */
	struct shard_conn *b = shard_fixture_acquire(r2, "w");
	ck_assert_ptr_eq(b->t, t);
	commit_one(b);
	pthread_mutex_lock(&r2->lock);
	t->flushing = false;
	pthread_mutex_unlock(&r2->lock);
	ck_assert_int_eq(shard_conn_sync(b, true, &err), SHARD_SYNC_DONE);
	ck_assert_int_ge(t->wal_fd, 0);
	ck_assert_int_gt(links_of(t->wal_fd), 0); /* the tenant's WAL now */
	shard_conn_release(b);
	shard_fixture_stop(r2, d2);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_sync");
	TCase *tc = tcase_create("sync_threads");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, commit_waits_for_the_sync_thread);
	tcase_add_test(tc, one_flush_covers_earlier_commits);
	tcase_add_test(tc, tenants_flush_independently);
	tcase_add_test(tc, caller_flushes_and_wakes_covered_waiters);
	tcase_add_test(tc, waiter_released_before_its_flush);
	tcase_add_test(tc, failed_flush_fails_later_syncs);
	tcase_add_test(tc, loop_commit_defers_the_checkpoint);
	tcase_add_test(tc, checkpoint_holds_writers_off_and_restarts_the_wal);
	tcase_add_test(tc, flush_follows_a_new_wal);
	tcase_add_test(tc, checkpoint_flushes_copied_pages_before_the_restart);
	tcase_add_test(tc, failed_checkpoint_flush_fails_later_syncs);
	tcase_add_test(tc, checkpoint_tries_the_restart_again);
	suite_add_tcase(s, tc);
	return check_run(s);
}
