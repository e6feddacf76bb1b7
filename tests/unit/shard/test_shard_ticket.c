/* SPDX-License-Identifier: Apache-2.0 */
/* test_shard_ticket.c: waiting for a commit's flush on a ticket after the connection went back
 * to the pool: the next borrower gets that connection, the ticket is woken by the flush that
 * covers it (a sync thread's or another committer's), it keeps the tenant record alive after
 * every connection closed, a failed fdatasync wakes it to fail, and tickets that end without
 * the registry lock keep the record's count right (white-box: it reads shard_int.h to hold
 * the queue and to make a flush fail). */
#include <check.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../../src/shard/shard_int.h"
#include "shard_fixture.h"
#include "../../check_run.h"

static char dir[64];
static struct shard_registry *reg;

static void setup(void) { reg = shard_fixture_start(dir, "ticket", 4); }
static void teardown(void) { shard_fixture_stop(reg, dir); }

static void commit_one(struct shard_conn *c)
{
	shard_fixture_commit(c, "INSERT INTO t VALUES (1)");
}

/* Marks t flushing (or not), so a sync joins the waiters and nothing is queued. */
static void hold_flush(struct shard_tenant *t, bool on)
{
	pthread_mutex_lock(&reg->lock);
	t->flushing = on;
	pthread_mutex_unlock(&reg->lock);
}

START_TEST(connection_goes_back_before_the_flush)
{
	struct shard_conn *a = shard_fixture_acquire(reg, "g");
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	struct shard_ticket tk = {0};
	int woken = 0;
	ck_assert(shard_conn_take_ticket(a, &tk, shard_fixture_wake, &woken));
	ck_assert(!shard_conn_unsynced(a)); /* the commit is the ticket's now */
	ck_assert(shard_ticket_pending(&tk));
	ck_assert(shard_conn_release_cached(a)); /* nothing keeps it: back in the pool */
	size_t open, idle, tenants;
	shard_registry_counts(reg, &open, &idle, &tenants);
	ck_assert_uint_eq(idle, 1);
	struct pgerr err;
	ck_assert_int_eq(shard_ticket_sync(&tk, false, &err), SHARD_SYNC_WAIT);
	struct shard_conn *b = shard_fixture_acquire(reg, "g");
	ck_assert_ptr_eq(b, a); /* the next writer gets the connection that made the commit */
	shard_fixture_await(&woken, 1);
	ck_assert(!shard_ticket_pending(&tk));
	ck_assert_int_eq(shard_ticket_sync(&tk, false, &err), SHARD_SYNC_DONE);
	ck_assert_ptr_null(tk.t);
	ck_assert_int_eq(shard_ticket_sync(&tk, false, &err), SHARD_SYNC_DONE); /* empty */
	shard_conn_release(b);
}
END_TEST

/* Nothing pending: no ticket is taken. A worker's sync runs the flush on its own thread. */
START_TEST(take_only_what_is_pending)
{
	struct shard_conn *a = shard_fixture_acquire(reg, "g");
	struct shard_ticket tk = {0};
	ck_assert(!shard_conn_take_ticket(a, &tk, NULL, NULL));
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	ck_assert(shard_conn_take_ticket(a, &tk, NULL, NULL));
	ck_assert(!shard_conn_take_ticket(a, &(struct shard_ticket){0}, NULL, NULL));
	shard_conn_release(a);
	struct pgerr err;
	ck_assert_int_eq(shard_ticket_sync(&tk, true, &err), SHARD_SYNC_DONE);
	ck_assert_ptr_null(tk.t);
}
END_TEST

/* A committer's own flush covers the commits numbered before it, tickets included. */
START_TEST(another_committers_flush_wakes_the_ticket)
{
	struct shard_conn *a = shard_fixture_acquire(reg, "g");
	struct shard_conn *b = shard_fixture_acquire(reg, "g");
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	struct shard_ticket tk = {0};
	int woken = 0;
	ck_assert(shard_conn_take_ticket(a, &tk, shard_fixture_wake, &woken));
	shard_conn_release(a);
	struct shard_tenant *t = b->t;
	hold_flush(t, true);
	struct pgerr err;
	ck_assert_int_eq(shard_ticket_sync(&tk, true, &err), SHARD_SYNC_WAIT);
	hold_flush(t, false);
	commit_one(b);
	ck_assert_int_eq(shard_conn_sync(b, true, &err), SHARD_SYNC_DONE);
	shard_fixture_await(&woken, 1);
	ck_assert_int_eq(shard_ticket_sync(&tk, false, &err), SHARD_SYNC_DONE);
	shard_conn_release(b);
}
END_TEST

/* Every connection closed (a registry that caches none) while the ticket waits: the record
 * stays until the ticket is empty, and is freed then (ASan checks both). */
START_TEST(ticket_keeps_the_tenant_record)
{
	char d2[64];
	struct shard_registry *r2 = shard_fixture_start(d2, "tkrec", 0);
	struct shard_conn *a = shard_fixture_acquire(r2, "w");
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	struct shard_ticket tk = {0}, gone = {0};
	int woken = 0;
	ck_assert(shard_conn_take_ticket(a, &tk, shard_fixture_wake, &woken));
	struct shard_tenant *t = a->t;
	shard_conn_release(a); /* closed: max_open_tenants 0 */
	size_t open, idle, tenants;
	shard_registry_counts(r2, &open, &idle, &tenants);
	ck_assert_uint_eq(open, 0);
	ck_assert_uint_eq(tenants, 1);
	struct shard_conn *b = shard_fixture_acquire(r2, "w");
	ck_assert_ptr_eq(b->t, t); /* the same record, not a second one */
	commit_one(b);
	ck_assert(shard_conn_take_ticket(b, &gone, NULL, NULL));
	shard_conn_release(b);
	struct pgerr err;
	if (shard_ticket_sync(&tk, false, &err) == SHARD_SYNC_WAIT)
		shard_fixture_await(&woken, 1);
	ck_assert_int_eq(shard_ticket_sync(&tk, false, &err), SHARD_SYNC_DONE);
	shard_registry_counts(r2, &open, &idle, &tenants);
	ck_assert_uint_eq(tenants, 1); /* gone still holds it */
	shard_ticket_drop(&gone);      /* its session ended */
	ck_assert_ptr_null(gone.t);
	shard_registry_counts(r2, &open, &idle, &tenants);
	ck_assert_uint_eq(tenants, 0);
	shard_ticket_drop(&gone); /* empty: a no-op */
	shard_fixture_stop(r2, d2);
}
END_TEST

/* A flush that fails (fdatasync of a pipe: EINVAL) wakes the tickets waiting for it, and their
 * sync fails with 58030, as does every later commit's. */
START_TEST(failed_flush_fails_the_ticket)
{
	struct shard_conn *a = shard_fixture_acquire(reg, "g");
	struct shard_conn *b = shard_fixture_acquire(reg, "g");
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	struct pgerr err;
	ck_assert_int_eq(shard_conn_sync(a, true, &err), SHARD_SYNC_DONE); /* opens the WAL fd */
	commit_one(a);
	struct shard_ticket tk = {0};
	int woken = 0;
	ck_assert(shard_conn_take_ticket(a, &tk, shard_fixture_wake, &woken));
	shard_conn_release(a);
	struct shard_tenant *t = b->t;
	hold_flush(t, true);
	ck_assert_int_eq(shard_ticket_sync(&tk, true, &err), SHARD_SYNC_WAIT);
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	pthread_mutex_lock(&reg->lock);
	close(t->wal_fd);
	t->wal_fd = p[0]; /* the record closes it when freed */
	t->wal_reopen = false;
	t->flushing = false;
	pthread_mutex_unlock(&reg->lock);
	commit_one(b);
	pgerr_clear(&err);
	ck_assert_int_eq(shard_conn_sync(b, true, &err), SHARD_SYNC_FAILED);
	ck_assert_str_eq(err.sqlstate, SQLSTATE_IO_ERROR);
	shard_fixture_await(&woken, 1);
	pgerr_clear(&err);
	ck_assert_int_eq(shard_ticket_sync(&tk, false, &err), SHARD_SYNC_FAILED);
	ck_assert_str_eq(err.sqlstate, SQLSTATE_IO_ERROR);
	ck_assert_ptr_nonnull(strstr(err.message, "could not fsync"));
	ck_assert_ptr_null(tk.t);
	commit_one(b);
	ck_assert(shard_conn_take_ticket(b, &tk, NULL, NULL));
	ck_assert_int_eq(shard_ticket_sync(&tk, true, &err), SHARD_SYNC_FAILED);
	shard_conn_release(b);
	close(p[1]);
}
END_TEST

/* The loop's path: the ticket is taken and joins the flush's waiters under one lock, the
 * connection goes back after; nothing pending is DONE with the ticket left empty. */
START_TEST(take_and_wait_at_once)
{
	struct shard_conn *a = shard_fixture_acquire(reg, "g");
	struct shard_ticket tk = {0};
	int woken = 0;
	struct pgerr err;
	ck_assert_int_eq(shard_conn_take_ticket_sync(a, &tk, shard_fixture_wake, &woken, &err),
			 SHARD_SYNC_DONE);
	ck_assert_ptr_null(tk.t);
	shard_fixture_commit(a, "CREATE TABLE t (x int)");
	ck_assert_int_eq(shard_conn_take_ticket_sync(a, &tk, shard_fixture_wake, &woken, &err),
			 SHARD_SYNC_WAIT);
	ck_assert(!shard_conn_unsynced(a));
	ck_assert(shard_conn_release_cached(a));
	shard_fixture_await(&woken, 1);
	ck_assert_int_eq(shard_ticket_sync(&tk, false, &err), SHARD_SYNC_DONE);
	ck_assert_ptr_null(tk.t);
}
END_TEST

/* Tickets of one tenant end without the registry lock while others are taken and the sync
 * threads flush: every commit is answered DONE and the record's count of tickets comes back to
 * zero (the last ticket's end, which may free the record, is ticket_keeps_the_tenant_record).
 * Commits take turns (one writer at a time). */
#define RACE_THREADS 4
#define RACE_COMMITS 100
static pthread_mutex_t race_turn = PTHREAD_MUTEX_INITIALIZER;

static void *race_writer(void *arg)
{
	(void)arg;
	int woken = 0;
	struct pgerr err;
	for (int i = 0; i < RACE_COMMITS; i++) {
		struct shard_ticket tk = {0};
		pthread_mutex_lock(&race_turn);
		struct shard_conn *c = shard_fixture_acquire(reg, "race");
		commit_one(c);
		enum shard_sync r =
			shard_conn_take_ticket_sync(c, &tk, shard_fixture_wake, &woken, &err);
		shard_conn_release(c);
		pthread_mutex_unlock(&race_turn);
		while (r == SHARD_SYNC_WAIT) {
			for (int n = 0; n < 10000 && __atomic_load_n(&tk.waiting, __ATOMIC_ACQUIRE); n++)
				nanosleep(&(struct timespec){0, 100000}, NULL);
			r = shard_ticket_sync(&tk, false, &err);
		}
		ck_assert_int_eq(r, SHARD_SYNC_DONE);
		ck_assert_ptr_null(tk.t);
	}
	return NULL;
}

START_TEST(tickets_end_without_the_lock)
{
	struct shard_conn *c = shard_fixture_acquire(reg, "race");
	shard_fixture_commit(c, "CREATE TABLE t (x int)");
	struct pgerr err;
	ck_assert_int_eq(shard_conn_sync(c, true, &err), SHARD_SYNC_DONE);
	shard_conn_release(c);
	pthread_t th[RACE_THREADS];
	for (int i = 0; i < RACE_THREADS; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, race_writer, NULL), 0);
	for (int i = 0; i < RACE_THREADS; i++)
		pthread_join(th[i], NULL);
	c = shard_fixture_acquire(reg, "race");
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(shard_conn_db(c), "SELECT count(*) FROM t", -1, &st,
					    NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), RACE_THREADS * RACE_COMMITS);
	sqlite3_finalize(st);
	ck_assert_int_eq(__atomic_load_n(&c->t->tickets, __ATOMIC_ACQUIRE), 0);
	shard_conn_release(c);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("shard_ticket");
	TCase *tc = tcase_create("tickets");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, connection_goes_back_before_the_flush);
	tcase_add_test(tc, take_only_what_is_pending);
	tcase_add_test(tc, another_committers_flush_wakes_the_ticket);
	tcase_add_test(tc, ticket_keeps_the_tenant_record);
	tcase_add_test(tc, failed_flush_fails_the_ticket);
	tcase_add_test(tc, take_and_wait_at_once);
	tcase_add_test(tc, tickets_end_without_the_lock);
	suite_add_tcase(s, tc);
	return check_run(s);
}
