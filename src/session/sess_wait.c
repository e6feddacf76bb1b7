/* SPDX-License-Identifier: Apache-2.0 */
/* sess_wait.c: what interrupts or holds a statement — CancelRequest, statement_timeout,
 * lock_timeout, idle_in_transaction_session_timeout — and waiting for another connection's
 * write lock without holding a thread.
 *
 * A running statement is stopped by SQLite's progress handler, which checks a cancel marker and
 * the statement deadline every few thousand VM steps (sqlite3_interrupt is not used: it cannot
 * tell one statement from the next, so a late cancel could hit the following one). Cancel is
 * keyed to the message it saw running: run_seq is odd while a message runs or waits, a cancel
 * stores that value, and only the same run_seq honours it.
 *
 * A statement that meets a write lock (SQLITE_BUSY before any effect) parks: the session's
 * connection joins its tenant's waiter list and session_input returns; the waker (a connection
 * of the tenant let go of its lock, a cancel, or a deadline through session_wake_after_ms)
 * runs the statement again from scratch. A statement that cannot start over (a procedure's
 * after its COMMIT) waits on its worker instead, at most half the pool at once
 * (sess_wait_block). */
#include "session_int.h"

#include "exec.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define PROGRESS_STEPS 1000
/* A parked session also retries this often: a wakeup lost to a bug costs latency, not a hang. */
#define PARK_RECHECK_MS 500
/* How often a pg_sleep looks for a cancel or its deadline. */
#define SLEEP_SLICE_MS 10

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int progress(void *arg)
{
	struct session *s = arg;
	if (atomic_load(&s->shutdown)) {
		s->stop_reason = SESS_STOP_SHUTDOWN;
		return 1;
	}
	uint64_t seq = atomic_load(&s->run_seq);
	if ((seq & 1) && atomic_load(&s->cancel_seq) == seq) {
		s->stop_reason = SESS_STOP_CANCEL;
		return 1;
	}
	if (s->stmt_deadline && now_ms() >= s->stmt_deadline) {
		s->stop_reason = SESS_STOP_TIMEOUT;
		return 1;
	}
	/* Once over, every later check stops it too: a catalog table that swallowed the
	 * interrupt of its own inner statement must not let the statement finish on a partial
	 * answer (sess_inline_vm_end drops it either way). */
	if (s->budget_ticks < 0 || (s->budget_ticks > 0 && --s->budget_ticks == 0)) {
		s->budget_ticks = -1;
		s->stop_reason = SESS_STOP_BUDGET;
		return 1;
	}
	return 0;
}

bool sess_wait_check(struct session *s, struct pgerr *err)
{
	if (!progress(s))
		return true;
	pgerr_set(err, SQLSTATE_QUERY_CANCELED, "canceling statement due to user request");
	sess_wait_fix_error(s, err);
	return false;
}

/* pg_sleep: it never runs on the event loop (call_fn punts it to a worker: a sleep there
 * would hold every session of the loop); on a worker it sleeps in slices, checking between
 * them what the progress handler checks between VM steps — a cancel, the statement deadline,
 * shutdown — so it ends within a slice of either, with 57014 as PostgreSQL's. Locks its
 * transaction holds stay held, as PostgreSQL's do; the worker thread is held for the sleep. */
bool sess_wait_sleep(struct session *s, sqlite3_context *ctx, double seconds, struct pgerr *err)
{
	int64_t end = now_ms() + (seconds > 1e12 ? (int64_t)1e15 : (int64_t)(seconds * 1000));
	for (int64_t left; (left = end - now_ms()) > 0;) {
		if (!sess_wait_check(s, err))
			return false;
		int64_t ms = left < SLEEP_SLICE_MS ? left : SLEEP_SLICE_MS;
		struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
		nanosleep(&ts, NULL);
	}
	if (!sess_wait_check(s, err))
		return false;
	sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
	return true;
}

/* Workers held by sess_wait_block now: at most half the pool, so the transactions they wait
 * for always find a worker to commit on. */
static atomic_int blocked_waits;

bool sess_wait_block(struct session *s, int64_t *deadline, bool *held, struct pgerr *err)
{
	if (!sess_wait_check(s, err))
		return false;
	int64_t now = now_ms();
	if (!*deadline) {
		int64_t t = sess_guc_ms(s, "lock_timeout");
		*deadline = t > 0 ? now + t : -1;
	}
	if (*deadline > 0 && now >= *deadline)
		return pgerr_set(err, SQLSTATE_LOCK_NOT_AVAILABLE,
				 "canceling statement due to lock timeout");
	if (!*held) {
		int workers = s->cfg && s->cfg->worker_threads > 0 ? s->cfg->worker_threads
								   : exec_default_threads();
		if (atomic_fetch_add(&blocked_waits, 1) >= (workers > 2 ? workers / 2 : 1)) {
			atomic_fetch_sub(&blocked_waits, 1);
			return false; /* err: the caller's 55P03 */
		}
		*held = true;
	}
	struct timespec ts = {0, SLEEP_SLICE_MS * 1000000L};
	nanosleep(&ts, NULL);
	return true;
}

void sess_wait_block_end(bool *held)
{
	if (*held)
		atomic_fetch_sub(&blocked_waits, 1);
	*held = false;
}

void sess_wait_budget(struct session *s, int steps)
{
	s->budget_ticks = steps > 0 ? (steps + PROGRESS_STEPS - 1) / PROGRESS_STEPS : 0;
}

static void wake_self(void *arg)
{
	struct session *s = arg;
	if (s->wake_fn)
		s->wake_fn(s->wake_arg);
}

void session_set_waker(struct session *s, void (*wake)(void *arg), void *arg)
{
	s->wake_fn = wake;
	s->wake_arg = arg;
}

void sess_wait_attach(struct session *s)
{
	sqlite3_progress_handler(shard_conn_db(s->conn), PROGRESS_STEPS, progress, s);
	shard_conn_set_waker(s->conn, wake_self, s);
}

bool session_cancel(struct session *s, uint32_t key)
{
	if (key != s->cancel_key)
		return false;
	uint64_t seq = atomic_load(&s->run_seq);
	if (seq & 1) {
		atomic_store(&s->cancel_seq, seq);
		wake_self(s); /* a parked statement must notice now */
	}
	if (atomic_load(&s->copy_active))
		atomic_store(&s->copy_canceled, true); /* a COPY IN fails at its next message */
	return true;
}

void session_interrupt(struct session *s) { atomic_store(&s->shutdown, true); }

void sess_wait_input_begin(struct session *s)
{
	s->yielded = false;
	if (!s->conn)
		return;
	if (s->parked) {
		shard_conn_unpark(s->conn);
		s->parked = false;
		sess_conn_refresh(s);
	}
	shard_conn_attempt(s->conn);
}

void sess_wait_input_end(struct session *s, bool dispatched)
{
	if (!s->conn)
		return;
	/* The checkpoint first: it may hold the write lock, and settle wakes who met it. */
	if (!s->inline_run && shard_conn_checkpoint_due(s->conn)) {
		LOG_DEBUG(s->id, s->tenant, "checkpoint a commit on the loop left due: run on a worker");
		shard_conn_checkpoint(s->conn);
	}
	/* Given back right after (session.c): the waiter woken then finds this connection idle.
	 * Not with files attached: they are detached below, and release would not wake their
	 * tenants' waiters. */
	if (sess_conn_idle(s) && shard_conn_nattached(s->conn) == 0)
		shard_conn_settle_for_release(s->conn);
	else
		shard_conn_settle(s->conn);
	sess_schema_release(s);
	if (dispatched && !s->parked)
		s->idle_since = now_ms();
}

void sess_wait_msg_begin(struct session *s)
{
	uint64_t seq = atomic_load(&s->run_seq);
	s->lock_busy = false;
	if (seq & 1)
		return; /* a parked message running again: same statement, same deadline */
	atomic_store(&s->run_seq, seq + 1);
	sess_guc_dt_refresh(s);
	s->stop_reason = SESS_STOP_NONE;
	s->lock_deadline = 0;
	int64_t t = s->timeout_ms[0]; /* statement_timeout, decoded (sess_guc.c) */
	s->stmt_deadline = t > 0 ? now_ms() + t : 0;
}

void sess_wait_msg_end(struct session *s)
{
	uint64_t seq = atomic_load(&s->run_seq);
	if (seq & 1)
		atomic_store(&s->run_seq, seq + 1);
	s->stmt_deadline = 0;
	s->lock_deadline = 0;
	s->lock_busy = false;
}

bool sess_wait_call_met_lock(struct session *s)
{
	if (!s->udf || !s->udf->busy || !s->conn)
		return false;
	s->udf->busy = false;
	/* SQLite's BUSY at a write means this connection holds no write lock: its transaction
	 * has written nothing (a temporary table's write counts too) */
	return sqlite3_txn_state(shard_conn_db(s->conn), NULL) != SQLITE_TXN_WRITE;
}

bool sess_wait_park(struct session *s, struct pgerr *err)
{
	ASSERT(s->lock_busy && !s->parked);
	s->lock_busy = false;
	int64_t now = now_ms();
	uint64_t seq = atomic_load(&s->run_seq);
	if (atomic_load(&s->cancel_seq) == seq)
		return pgerr_set(err, SQLSTATE_QUERY_CANCELED,
				 "canceling statement due to user request");
	if (s->stmt_deadline && now >= s->stmt_deadline)
		return pgerr_set(err, SQLSTATE_QUERY_CANCELED,
				 "canceling statement due to statement timeout");
	if (!s->lock_deadline) {
		int64_t t = sess_guc_ms(s, "lock_timeout");
		s->lock_deadline = t > 0 ? now + t : -1;
	}
	if (s->lock_deadline > 0 && now >= s->lock_deadline)
		return pgerr_set(err, SQLSTATE_LOCK_NOT_AVAILABLE,
				 "canceling statement due to lock timeout");
	if (s->client && shard_tlock_park_deadlock(s->client))
		return pgerr_set(err, SQLSTATE_DEADLOCK_DETECTED, "deadlock detected");
	if (!shard_conn_may_wait(s->conn)) {
		pgerr_set(err, SQLSTATE_LOCK_NOT_AVAILABLE,
			  "could not obtain a tenant's write lock while holding another's");
		pgerr_detail(err, "Waiting in a transaction that writes several tenants could "
				  "deadlock with another such transaction.");
		pgerr_hint(err, "Retry the transaction.");
		return false;
	}
	s->parked = true;
	s->parked_inline = s->inline_run; /* where it retries when woken (sess_inline.c) */
	shard_conn_park(s->conn);
	return true;
}

bool sess_wait_park_migration(struct session *s, struct pgerr *err)
{
	ASSERT(s->migrating && !s->parked);
	int64_t now = now_ms();
	if (!s->mig_deadline)
		s->mig_deadline = now + SHARD_MIGRATE_LOCK_WAIT_MS;
	if (now >= s->mig_deadline) {
		s->mig_deadline = 0;
		pgerr_fatal(err, SQLSTATE_LOCK_NOT_AVAILABLE,
			    "could not lock tenant \"%s\" to migrate it within %d s",
			    shard_conn_tenant(s->conn), SHARD_MIGRATE_LOCK_WAIT_MS / 1000);
		pgerr_hint(err, "Another transaction holds the tenant's write lock; try again.");
		return false;
	}
	/* The progress handler is not installed yet: the migration runs as the server. */
	shard_conn_set_waker(s->conn, wake_self, s);
	s->parked = true;
	s->parked_inline = false;
	shard_conn_park(s->conn);
	return true;
}

static int64_t min_deadline(int64_t a, int64_t b)
{
	if (a <= 0)
		return b;
	if (b <= 0)
		return a;
	return a < b ? a : b;
}

int session_wake_after_ms(struct session *s)
{
	int64_t now = now_ms(), at = 0;
	if (s->yielded)
		return -1; /* mid-statement: net runs it again once the output drained */
	if (s->parked) {
		at = min_deadline(s->stmt_deadline, s->lock_deadline);
		at = min_deadline(at, s->mig_deadline);
		at = min_deadline(at, now + PARK_RECHECK_MS);
	} else if (s->state == SESS_READY &&
		   (s->txn == SESS_TXN_BLOCK || s->txn == SESS_TXN_FAILED)) {
		int64_t t = sess_guc_idle_in_transaction_ms(s);
		at = t > 0 ? s->idle_since + t : 0;
	}
	if (at <= 0)
		return -1;
	return at <= now ? 0 : (int)(at - now > INT32_MAX ? INT32_MAX : at - now);
}

bool sess_wait_idle_expired(struct session *s)
{
	if (s->parked || s->state != SESS_READY ||
	    (s->txn != SESS_TXN_BLOCK && s->txn != SESS_TXN_FAILED))
		return false;
	int64_t t = sess_guc_idle_in_transaction_ms(s);
	return t > 0 && now_ms() >= s->idle_since + t;
}

void sess_wait_fix_error(struct session *s, struct pgerr *err)
{
	if (strcmp(err->sqlstate, SQLSTATE_QUERY_CANCELED) != 0)
		return;
	if (s->stop_reason == SESS_STOP_TIMEOUT)
		snprintf(err->message, sizeof(err->message),
			 "canceling statement due to statement timeout");
	else if (s->stop_reason == SESS_STOP_SHUTDOWN)
		pgerr_fatal(err, SQLSTATE_ADMIN_SHUTDOWN,
			    "terminating connection due to administrator command");
}
