/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_pool.c: lending tenant connections — reuse of idle ones, what is not reused, the
 * LRU bound on cached tenants — and parking on another connection's write lock: the waker runs
 * when the holder settles without a write transaction, at once when it already did, and never
 * after unpark; a woken writer moves to the connection of the tenant's last commit. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../check_run.h"
#include "shard_fixture.h"

static char dir[64];
static struct shard_registry *reg;

static void setup_with(int max_open) { reg = shard_fixture_start(dir, "pool", max_open); }

static void setup(void) { setup_with(2); }

static void teardown(void) { shard_fixture_stop(reg, dir); }

static struct shard_conn *acquire(const char *name) { return shard_fixture_acquire(reg, name); }

static void exec_ok(struct shard_conn *c, const char *sql)
{
	struct pgerr err;
	ck_assert_msg(shard_exec(c, sql, &err), "%s: %s", sql, err.message);
}

static void counts(size_t want_open, size_t want_idle, size_t want_tenants)
{
	size_t open, idle, tenants;
	shard_registry_counts(reg, &open, &idle, &tenants);
	ck_assert_uint_eq(open, want_open);
	ck_assert_uint_eq(idle, want_idle);
	ck_assert_uint_eq(tenants, want_tenants);
}

START_TEST(idle_connections_are_reused)
{
	struct shard_conn *a = acquire("acme");
	sqlite3 *db = shard_conn_db(a);
	exec_ok(a, "CREATE TABLE t (x int)");
	exec_ok(a, "BEGIN");
	exec_ok(a, "INSERT INTO t VALUES (1)");
	shard_conn_release(a); /* rolled back, cached */
	counts(1, 1, 1);
	struct shard_conn *b = acquire("acme");
	ck_assert_ptr_eq(shard_conn_db(b), db);
	ck_assert(sqlite3_get_autocommit(db));
	sqlite3_stmt *vm;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM t", -1, &vm, NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(vm, 0), 0);
	sqlite3_finalize(vm);
	counts(1, 0, 1);
	/* A connection with a temp table carries session state: closed, not cached. */
	exec_ok(b, "CREATE TEMP TABLE scratch (y int)");
	shard_conn_release(b);
	counts(0, 0, 0);
}
END_TEST

START_TEST(lru_bounds_cached_tenants)
{
	shard_conn_release(acquire("t1"));
	shard_conn_release(acquire("t2"));
	counts(2, 2, 2);
	shard_conn_release(acquire("t1")); /* t1 is now the most recent */
	shard_conn_release(acquire("t3")); /* evicts t2, the least recently used */
	counts(2, 2, 2);
	struct shard_conn *c = acquire("t1");
	counts(2, 1, 2);
	shard_conn_release(c);
	/* In-use connections are never evicted, only idle ones. */
	struct shard_conn *u[3] = {acquire("u1"), acquire("u2"), acquire("u3")};
	counts(5, 2, 5);
	for (int i = 0; i < 3; i++)
		shard_conn_release(u[i]);
	counts(2, 2, 2);
}
END_TEST

static int woken;
static void wake(void *arg) { (*(int *)arg)++; }

START_TEST(park_until_the_writer_settles)
{
	struct shard_conn *w = acquire("locks");
	struct shard_conn *p = acquire("locks");
	exec_ok(w, "CREATE TABLE t (x int)");
	shard_conn_settle(w);
	woken = 0;
	shard_conn_set_waker(p, wake, &woken);
	exec_ok(w, "BEGIN");
	exec_ok(w, "INSERT INTO t VALUES (1)");
	shard_conn_attempt(p);
	struct pgerr err;
	ck_assert(!shard_exec(p, "INSERT INTO t VALUES (2)", &err));
	ck_assert_str_eq(err.sqlstate, "55P03");
	shard_conn_park(p);
	shard_conn_settle(w); /* still in its write transaction: no wakeup */
	ck_assert_int_eq(woken, 0);
	exec_ok(w, "COMMIT");
	shard_conn_settle(w);
	ck_assert_int_eq(woken, 1);
	exec_ok(p, "INSERT INTO t VALUES (2)");
	shard_conn_settle(p); /* nobody waits */
	ck_assert_int_eq(woken, 1);
	/* Readers and the parked connection itself wake nobody. */
	shard_conn_attempt(p);
	exec_ok(w, "BEGIN");
	exec_ok(w, "INSERT INTO t VALUES (3)");
	shard_conn_park(p);
	exec_ok(p, "SELECT count(*) FROM t");
	shard_conn_settle(p);
	ck_assert_int_eq(woken, 1);
	shard_conn_unpark(p);
	/* A lock let go between the attempt and the park: the waker runs at once. */
	shard_conn_attempt(p);
	exec_ok(w, "COMMIT");
	shard_conn_settle(w);
	shard_conn_park(p);
	ck_assert_int_eq(woken, 2);
	/* Unparked connections are not woken; releasing the holder wakes the rest. */
	shard_conn_attempt(p);
	shard_conn_park(p);
	shard_conn_unpark(p);
	exec_ok(w, "INSERT INTO t VALUES (4)");
	shard_conn_settle(w);
	ck_assert_int_eq(woken, 2);
	/* Releasing a connection that holds nothing wakes nobody (sessions give theirs back
	 * after every transaction); releasing one inside a write transaction rolls it back and
	 * wakes the rest. */
	struct shard_conn *idle = acquire("locks");
	exec_ok(w, "BEGIN");
	exec_ok(w, "INSERT INTO t VALUES (5)");
	shard_conn_attempt(p);
	shard_conn_park(p);
	shard_conn_release(idle);
	ck_assert_int_eq(woken, 2);
	shard_conn_release(w);
	ck_assert_int_eq(woken, 3);
	shard_conn_release(p);
}
END_TEST

/* Only one waiter can get the lock: the oldest is woken, and passes the turn on when it
 * does not take the lock after all. */
START_TEST(waiters_are_woken_one_at_a_time)
{
	struct shard_conn *w = acquire("turns");
	struct shard_conn *p1 = acquire("turns");
	struct shard_conn *p2 = acquire("turns");
	int n1 = 0, n2 = 0;
	shard_conn_set_waker(p1, wake, &n1);
	shard_conn_set_waker(p2, wake, &n2);
	exec_ok(w, "CREATE TABLE t (x int)");
	shard_conn_settle(w);
	exec_ok(w, "BEGIN");
	exec_ok(w, "INSERT INTO t VALUES (1)");
	shard_conn_attempt(p1);
	shard_conn_park(p1);
	shard_conn_attempt(p2);
	shard_conn_park(p2);
	exec_ok(w, "COMMIT");
	shard_conn_settle(w);
	ck_assert_int_eq(n1, 1); /* the oldest */
	ck_assert_int_eq(n2, 0);
	shard_conn_attempt(p1);
	exec_ok(p1, "SELECT count(*) FROM t"); /* did not write after all: passes the turn */
	shard_conn_settle(p1);
	ck_assert_int_eq(n2, 1);
	/* The next in line (p2) finds a new holder and parks again: it keeps its place ahead of
	 * p1, which parked before it but had had its turn; that holder wakes it first. */
	shard_conn_attempt(p1);
	exec_ok(w, "BEGIN");
	exec_ok(w, "INSERT INTO t VALUES (2)");
	shard_conn_park(p1);
	shard_conn_attempt(p2);
	shard_conn_park(p2);
	shard_conn_settle(p2);
	ck_assert_int_eq(n1, 1);
	shard_conn_release(w); /* rolled back: wakes p2 */
	ck_assert_int_eq(n2, 2);
	ck_assert_int_eq(n1, 1);
	shard_conn_release(p2); /* gone before its retry: passes the turn to p1 */
	ck_assert_int_eq(n1, 2);
	shard_conn_release(p1);
}
END_TEST

/* Statements given back stay prepared on the connection for the next borrower of that text. */
START_TEST(statements_survive_release)
{
	struct shard_conn *c = acquire("stmts");
	exec_ok(c, "CREATE TABLE t (x int)");
	const char *sql = "SELECT count(*) FROM t WHERE x > ?1";
	ck_assert_ptr_null(shard_conn_stmt_take(c, sql));
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(c), sql, -1, &vm, NULL), SQLITE_OK);
	sqlite3_bind_int(vm, 1, 5);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	shard_conn_stmt_give(c, vm);
	shard_conn_release(c); /* cached statements do not keep it from the pool */
	counts(1, 1, 1);
	struct shard_conn *again = acquire("stmts");
	ck_assert_ptr_eq(again, c);
	ck_assert_ptr_null(shard_conn_stmt_take(again, "SELECT 1"));
	sqlite3_stmt *back = shard_conn_stmt_take(again, sql);
	ck_assert_ptr_eq(back, vm);
	ck_assert_int_eq(sqlite3_bind_parameter_count(back), 1);
	ck_assert_int_eq(sqlite3_step(back), SQLITE_ROW); /* reset, bindings cleared */
	ck_assert_int_eq(sqlite3_column_int(back, 0), 0);
	ck_assert_ptr_null(shard_conn_stmt_take(again, sql)); /* taken: no longer cached */
	/* Past the cache's size the least recently given back is finalized. */
	shard_conn_stmt_give(again, back);
	for (int i = 0; i < 40; i++) {
		char q[64];
		snprintf(q, sizeof(q), "SELECT %d", i);
		sqlite3_stmt *x = NULL;
		ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(again), q, -1, &x, NULL),
				 SQLITE_OK);
		shard_conn_stmt_give(again, x);
	}
	ck_assert_ptr_null(shard_conn_stmt_take(again, sql));
	sqlite3_stmt *recent = shard_conn_stmt_take(again, "SELECT 39");
	ck_assert_ptr_nonnull(recent);
	sqlite3_finalize(recent);
	shard_conn_release(again);
	counts(1, 1, 1);
}
END_TEST

/* A write woken from its lock wait moves to the connection that made the tenant's last
 * commit, when that one is idle, with its bound statement and its place in line. */
/* A borrow takes the idle connection that made the tenant's last commit, the only one whose
 * page cache is current, even when a stale one went back to the pool after it. */
START_TEST(borrow_takes_the_connection_of_the_last_commit)
{
	struct shard_conn *w = acquire("fresh");
	struct shard_conn *s = acquire("fresh");
	exec_ok(w, "CREATE TABLE t (x int)");
	shard_conn_settle(w);
	shard_conn_release(w); /* the top of the stack */
	shard_conn_release(s); /* stale (w's commit came after its last use), now above w */
	struct shard_conn *c = shard_conn_acquire_cached(reg, "fresh");
	ck_assert_ptr_eq(c, w);
	exec_ok(c, "INSERT INTO t VALUES (1)");
	shard_conn_settle(c);
	shard_conn_release(c);
	struct shard_conn *d = shard_conn_acquire_cached(reg, "fresh");
	ck_assert_ptr_eq(d, w); /* still the one that made the last commit */
	struct shard_conn *e = shard_conn_acquire_cached(reg, "fresh");
	ck_assert_ptr_eq(e, s); /* none fresh left idle: the top */
	shard_conn_release(e);
	shard_conn_release(d);
	counts(2, 2, 1);
}
END_TEST

START_TEST(woken_writer_takes_the_fresher_connection)
{
	struct shard_conn *w = acquire("fresh");
	struct shard_conn *p = acquire("fresh");
	int n = 0;
	exec_ok(w, "CREATE TABLE t (x int)");
	shard_conn_settle(w);
	ck_assert_ptr_null(shard_conn_take_fresher(p)); /* w, which committed, is not idle */
	shard_conn_set_waker(p, wake, &n);
	exec_ok(w, "BEGIN");
	exec_ok(w, "INSERT INTO t VALUES (1)");
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(p), "INSERT INTO t VALUES (?1)", -1, &vm,
					    NULL),
			 SQLITE_OK);
	sqlite3_bind_int(vm, 1, 42);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_BUSY);
	sqlite3_reset(vm);
	shard_conn_attempt(p);
	shard_conn_park(p);
	exec_ok(w, "COMMIT");
	shard_conn_settle(w); /* wakes p, first in line */
	ck_assert_int_eq(n, 1);
	shard_conn_unpark(p);
	ck_assert_ptr_null(shard_conn_take_fresher(p)); /* w is still lent */
	shard_conn_release(w);
	struct shard_conn *f = shard_conn_take_fresher(p);
	ck_assert_ptr_eq(f, w);
	sqlite3_stmt *moved = shard_conn_stmt_move(p, f, vm);
	ck_assert_ptr_nonnull(moved);
	ck_assert_ptr_eq(sqlite3_db_handle(moved), shard_conn_db(f));
	ck_assert_int_eq(sqlite3_step(moved), SQLITE_DONE); /* the value moved with it */
	shard_conn_stmt_give(f, moved);
	ck_assert_ptr_eq(shard_conn_stmt_take(p, "INSERT INTO t VALUES (?1)"), vm);
	sqlite3_finalize(vm);
	shard_conn_release(p); /* not next in line any more: wakes no one */
	ck_assert_int_eq(n, 1);
	shard_conn_settle(f);
	ck_assert_ptr_null(shard_conn_take_fresher(f)); /* f made the last commit */
	sqlite3_stmt *check = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(f), "SELECT sum(x) FROM t", -1, &check,
					    NULL),
			 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(check), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(check, 0), 43);
	sqlite3_finalize(check);
	shard_conn_release(f);
	counts(2, 2, 1);
}
END_TEST

/* A temporary table pins the connection to its session; the pool closes it on release. */
START_TEST(temp_objects_pin)
{
	struct shard_conn *c = acquire("temps");
	ck_assert(!shard_conn_pinned(c));
	exec_ok(c, "CREATE TABLE t (x int)");
	ck_assert(!shard_conn_pinned(c));
	exec_ok(c, "CREATE TEMP TABLE scratch (x int)");
	ck_assert(shard_conn_pinned(c));
	shard_conn_release(c);
	counts(0, 0, 0);
	c = acquire("temps"); /* dropped again before release: reusable */
	exec_ok(c, "CREATE TEMP VIEW v AS SELECT 1");
	ck_assert(shard_conn_pinned(c));
	exec_ok(c, "DROP VIEW temp.v");
	shard_conn_release(c);
	counts(1, 1, 1);
	c = acquire("temps");
	ck_assert(!shard_conn_pinned(c));
	/* unpin looks again: pinned while a temporary table is left, not once it is dropped */
	exec_ok(c, "CREATE TEMP TABLE a (x int)");
	exec_ok(c, "CREATE TEMP TABLE b (x int)");
	exec_ok(c, "DROP TABLE temp.a");
	ck_assert(!shard_conn_unpin(c));
	ck_assert(shard_conn_pinned(c));
	exec_ok(c, "DROP TABLE temp.b");
	ck_assert(shard_conn_unpin(c));
	ck_assert(!shard_conn_pinned(c));
	shard_conn_release(c);
	counts(1, 1, 1); /* cached again: nothing temporary left on it */
}
END_TEST

static int pragma_int(struct shard_conn *c, const char *sql)
{
	sqlite3_stmt *vm = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(c), sql, -1, &vm, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(vm), SQLITE_ROW);
	int v = sqlite3_column_int(vm, 0);
	sqlite3_finalize(vm);
	return v;
}

/* Syncs c's commits: WAIT while a sync thread flushes, then DONE (polled: no waker). */
static void sync_done(struct shard_conn *c)
{
	struct pgerr err;
	if (shard_conn_sync(c, true, &err) == SHARD_SYNC_WAIT)
		for (int i = 0; i < 10000 && shard_conn_unsynced(c); i++)
			nanosleep(&(struct timespec){0, 1000000}, NULL);
	ck_assert_int_eq(shard_conn_sync(c, true, &err), SHARD_SYNC_DONE);
}

/* Group commit: commits are numbered at settle; one flush covers every commit appended
 * before it started; reads and rollbacks need none. */
START_TEST(one_flush_covers_the_commits_before_it)
{
	struct shard_conn *a = acquire("group");
	struct shard_conn *b = acquire("group");
	struct pgerr err;
	ck_assert_int_eq(pragma_int(a, "PRAGMA synchronous"), 1); /* NORMAL: no fsync per commit */
	exec_ok(a, "CREATE TABLE t (x int)");
	shard_conn_settle(a);
	ck_assert(shard_conn_unsynced(a));
	sync_done(a);
	ck_assert(!shard_conn_unsynced(a));
	exec_ok(a, "INSERT INTO t VALUES (1)");
	shard_conn_settle(a);
	exec_ok(b, "INSERT INTO t VALUES (2)");
	shard_conn_settle(b);
	ck_assert(shard_conn_unsynced(a) && shard_conn_unsynced(b));
	sync_done(b); /* the flush covers a's commit too */
	ck_assert(!shard_conn_unsynced(a));
	ck_assert_int_eq(shard_conn_sync(a, true, &err), SHARD_SYNC_DONE);
	exec_ok(a, "SELECT count(*) FROM t");
	exec_ok(a, "BEGIN");
	exec_ok(a, "INSERT INTO t VALUES (3)");
	exec_ok(a, "ROLLBACK");
	shard_conn_settle(a);
	ck_assert(!shard_conn_unsynced(a));
	/* A commit followed by a new write transaction in the same burst is numbered too. */
	exec_ok(a, "INSERT INTO t VALUES (4)");
	exec_ok(a, "BEGIN");
	exec_ok(a, "INSERT INTO t VALUES (5)");
	shard_conn_settle(a);
	ck_assert(shard_conn_unsynced(a));
	shard_conn_release(a); /* rolls back, forgets the wait */
	shard_conn_release(b);
}
END_TEST

static void setup_full(void)
{
	snprintf(dir, sizeof(dir), "/tmp/shard-pool-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct shard_opts o = {.data_dir = dir,
			       .auto_create = true,
			       .max_open_tenants = 2,
			       .durability = SHARD_DURABILITY_FULL};
	struct pgerr err;
	reg = shard_registry_new(&o, &err);
	ck_assert_ptr_nonnull(reg);
}

START_TEST(full_durability_syncs_in_the_commit)
{
	struct shard_conn *a = acquire("full");
	ck_assert_int_eq(pragma_int(a, "PRAGMA synchronous"), 2);
	exec_ok(a, "CREATE TABLE t (x int)");
	shard_conn_settle(a);
	ck_assert(!shard_conn_unsynced(a));
	shard_conn_release(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_pool");
	TCase *tc = tcase_create("pool");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, idle_connections_are_reused);
	tcase_add_test(tc, lru_bounds_cached_tenants);
	tcase_add_test(tc, park_until_the_writer_settles);
	tcase_add_test(tc, waiters_are_woken_one_at_a_time);
	tcase_add_test(tc, statements_survive_release);
	tcase_add_test(tc, woken_writer_takes_the_fresher_connection);
	tcase_add_test(tc, borrow_takes_the_connection_of_the_last_commit);
	tcase_add_test(tc, temp_objects_pin);
	tcase_add_test(tc, one_flush_covers_the_commits_before_it);
	suite_add_tcase(s, tc);
	TCase *full = tcase_create("full");
	tcase_add_checked_fixture(full, setup_full, teardown);
	tcase_add_test(full, full_durability_syncs_in_the_commit);
	suite_add_tcase(s, full);
	return check_run(s);
}
