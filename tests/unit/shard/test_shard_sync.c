/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_sync.c: group commit's wakeups, white-box (it reads shard_int.h to stand in for
 * another thread's fdatasync, which a single-threaded test cannot hold open): a flush's end
 * wakes the waiters it covered, and of the others only the oldest, which runs the next flush;
 * one released without flushing passes that on. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../../src/shard/shard_int.h"
#include "shard_fixture.h"

static char dir[64];
static struct shard_registry *reg;

static void setup(void)
{
	reg = shard_fixture_start(dir, "sync", 4);
}

static void teardown(void) { shard_fixture_stop(reg, dir); }

static struct shard_conn *acquire(const char *name) { return shard_fixture_acquire(reg, name); }

static void commit_one(struct shard_conn *c)
{
	struct pgerr err;
	ck_assert_msg(shard_exec(c, "INSERT INTO t VALUES (1)", &err), "%s", err.message);
	shard_conn_settle(c);
	ck_assert(shard_conn_unsynced(c));
}

static void wake(void *arg) { (*(int *)arg)++; }

/* Another thread's flush is under way (set) or has ended without covering anyone (clear). */
static void flushing(struct shard_conn *c, bool on)
{
	pthread_mutex_lock(&reg->lock);
	c->t->flushing = on;
	pthread_mutex_unlock(&reg->lock);
}

START_TEST(covered_waiters_are_woken)
{
	struct shard_conn *a = acquire("g"), *b = acquire("g");
	struct pgerr err;
	ck_assert(shard_exec(a, "CREATE TABLE t (x int)", &err));
	shard_conn_settle(a);
	ck_assert_int_eq(shard_conn_sync(a, &err), SHARD_SYNC_DONE);
	int wb = 0;
	shard_conn_set_waker(b, wake, &wb);
	flushing(a, true);
	commit_one(b);
	ck_assert_int_eq(shard_conn_sync(b, &err), SHARD_SYNC_WAIT);
	flushing(a, false);
	commit_one(a);
	ck_assert_int_eq(shard_conn_sync(a, &err), SHARD_SYNC_DONE); /* its flush covers b's */
	ck_assert_int_eq(wb, 1);
	ck_assert_int_eq(shard_conn_sync(b, &err), SHARD_SYNC_DONE);
	shard_conn_release(a);
	shard_conn_release(b);
}
END_TEST

START_TEST(one_uncovered_waiter_flushes_next)
{
	struct shard_conn *a = acquire("g"), *b = acquire("g"), *c = acquire("g");
	struct pgerr err;
	ck_assert(shard_exec(a, "CREATE TABLE t (x int)", &err));
	shard_conn_settle(a);
	ck_assert_int_eq(shard_conn_sync(a, &err), SHARD_SYNC_DONE);
	int wb = 0, wc = 0;
	shard_conn_set_waker(b, wake, &wb);
	shard_conn_set_waker(c, wake, &wc);
	flushing(a, true);
	commit_one(b);
	ck_assert_int_eq(shard_conn_sync(b, &err), SHARD_SYNC_WAIT);
	commit_one(c);
	ck_assert_int_eq(shard_conn_sync(c, &err), SHARD_SYNC_WAIT);
	/* The flush ends covering neither: only b, the older, is woken, to flush next. */
	pthread_mutex_lock(&reg->lock);
	a->t->flushing = false;
	a->sync_baton = true; /* as if a had flushed: its end wakes the next flusher */
	shard_sync_forget_locked(a);
	pthread_mutex_unlock(&reg->lock);
	ck_assert_int_eq(wb, 1);
	ck_assert_int_eq(wc, 0);
	/* b goes away without flushing (its session ended): c takes over. */
	shard_conn_release(b);
	ck_assert_int_eq(wc, 1);
	ck_assert_int_eq(shard_conn_sync(c, &err), SHARD_SYNC_DONE);
	shard_conn_release(a);
	shard_conn_release(c);
}
END_TEST

/* Waits up to 5 s for *n to reach want (another thread's wakeup). */
static void wait_for(const int *n, int want)
{
	for (int i = 0; i < 5000 && __atomic_load_n(n, __ATOMIC_ACQUIRE) < want; i++)
		usleep(1000);
	ck_assert_int_eq(__atomic_load_n(n, __ATOMIC_ACQUIRE), want);
}

/* The loop's check never flushes on the caller's thread: with no flush under way the flusher
 * thread runs one and wakes the waiter; a flush under way is joined (its end wakes it). */
START_TEST(nowait_never_flushes)
{
	struct shard_conn *a = acquire("g"), *b = acquire("g");
	struct pgerr err;
	ck_assert(shard_exec(a, "CREATE TABLE t (x int)", &err));
	shard_conn_settle(a);
	int wa = 0, wb = 0;
	shard_conn_set_waker(a, wake, &wa);
	ck_assert_int_eq(shard_conn_sync_nowait(a), SHARD_SYNC_WAIT);
	wait_for(&wa, 1);
	ck_assert(!shard_conn_unsynced(a));
	ck_assert_int_eq(shard_conn_sync_nowait(a), SHARD_SYNC_DONE);
	shard_conn_set_waker(b, wake, &wb);
	flushing(a, true); /* a worker's flush under way */
	commit_one(b);
	ck_assert_int_eq(shard_conn_sync_nowait(b), SHARD_SYNC_WAIT);
	ck_assert_int_eq(shard_conn_sync_nowait(b), SHARD_SYNC_WAIT); /* joined once */
	flushing(a, false);
	commit_one(a);
	ck_assert_int_eq(shard_conn_sync(a, &err), SHARD_SYNC_DONE); /* covers b's */
	ck_assert_int_eq(wb, 1);
	ck_assert_int_eq(shard_conn_sync_nowait(b), SHARD_SYNC_DONE);
	/* Several commits queued at once: one flusher run covers them. */
	commit_one(a);
	commit_one(b);
	ck_assert_int_eq(shard_conn_sync_nowait(a), SHARD_SYNC_WAIT);
	ck_assert_int_eq(shard_conn_sync_nowait(b), SHARD_SYNC_WAIT);
	wait_for(&wa, 2);
	wait_for(&wb, 2);
	ck_assert(!shard_conn_unsynced(a) && !shard_conn_unsynced(b));
	shard_conn_release(a);
	shard_conn_release(b);
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
	ck_assert_msg(shard_exec(a, "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
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

int main(void)
{
	Suite *s = suite_create("shard_sync");
	TCase *tc = tcase_create("wakeups");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, covered_waiters_are_woken);
	tcase_add_test(tc, one_uncovered_waiter_flushes_next);
	tcase_add_test(tc, nowait_never_flushes);
	tcase_add_test(tc, loop_commit_defers_the_checkpoint);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
