/* SPDX-License-Identifier: Apache-2.0 */
/* sess_inline.c: the fast path — input run on the event-loop thread instead of a worker, so a
 * point select costs two context switches instead of four. What may run there never blocks:
 * read-only statements on a connection the pool had cached or the session holds, each under
 * a budget of VM steps; cheap prepared writes and the commit that follows them (the WAL append
 * is a write() to the page cache; the fsync and any checkpoint stay on workers); and the
 * answers a group commit held once its flush has ended. Anything else stops before any of its
 * output was sent ("punts") and the input goes on from that message on a worker, from
 * scratch: the same retry a lock wait relies on (a Query continues at the statement that
 * punted, an Execute runs again unconsumed).
 *
 *   input on the loop --may_start?-- no ---------------------------------> worker (all of it)
 *        | yes: borrow a cached connection, restartable, on_loop
 *        v
 *   messages one by one --- a statement is not chosen, needs a file, is over budget, has an
 *        |  \               effect a rerun would repeat, or the connection cannot go back to
 *        |   \              the cache without closing something: punt -----> worker (the rest)
 *        |    +-- a chosen write meets another connection's lock: parks here (woken: here)
 *        v
 *   all consumed: output sent by net, as after a worker's job; a commit still to be flushed
 *   with no flush under way, or a checkpoint due: the (empty) rest goes to a worker
 *
 * Why a restart is invisible: output is only sent after the input returns, the statement that
 * punted has its bytes dropped, and a read-only statement that SQLite interrupts leaves the
 * transaction as it was (no rollback for SQLITE_INTERRUPT of a read-only statement, also in a
 * transaction that wrote). A write cannot be restarted: SQLite rolls back the whole explicit
 * transaction when a writing statement is interrupted. So writes are chosen before they run
 * and then run to their end without a budget (inline_writes, write_chosen): only statements
 * whose history says they are cheap, and only where their commit cannot block either. */
#include "session_int.h"

#include <string.h>

/* A message longer than this is left to a worker: translating it on a cache miss costs CPU in
 * proportion to its length. */
#define INLINE_MAX_MSG 8192

bool sess_inline_punt(struct session *s, struct pgerr *err)
{
	s->punted = true;
	return pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "statement moved to a worker");
}

/* Whether the commit of a transaction that wrote may run here: not under durability = full
 * (SQLite fsyncs inside the COMMIT), nor when the commit would checkpoint. */
static bool commits_here(struct session *s)
{
	return s->cfg->inline_writes && !shard_conn_commit_blocks(s->conn);
}

/* A write may run here when it is expected to be cheap — every earlier run of the same
 * prepared statement stayed under the budget — and cannot block: inside a transaction that
 * already holds the tenant's write lock, or as the transaction's first write (a block's, or an
 * implicit one's: autocommit) when its commit may run here too. The first write may meet
 * another connection's lock (SQLITE_BUSY, before it did anything); it then parks right here and
 * runs here again when woken, so a writer's turn never waits for a worker. It cannot be
 * interrupted once it runs (SQLite would roll back the whole transaction), so it runs to its
 * end even when this run happens to be long; the next run of the statement then goes to a
 * worker. What it leaves to do — the commit — appends to the WAL with write(), which does not
 * wait for the disk; the fsync happens on a worker. */
static bool write_chosen(struct session *s, const struct sess_stmt *st)
{
	if (!s->cfg->inline_writes || !st || st->write_runs == 0 || st->write_long ||
	    !s->conn || s->txn == SESS_TXN_FAILED)
		return false;
	return sqlite3_txn_state(shard_conn_db(s->conn), NULL) == SQLITE_TXN_WRITE ||
	       commits_here(s);
}

bool sess_inline_allows(struct session *s, const struct xlat_stmt *x,
			const struct sess_stmt *st, struct pgerr *err)
{
	if (!s->inline_run)
		return true;
	if (s->inline_write) { /* the previous write stopped early (an error, its output) */
		s->inline_write = false;
		shard_conn_set_restartable(s->conn, true);
	}
	switch (x->kind) {
	case XLAT_SQL: /* sess_inline_vm_begin checks what SQLite says of the statement */
		if (x->ctas)
			break; /* CREATE TABLE AS: DDL, on a worker */
		if (!x->writes && !x->ntenants)
			return true;
		if (!x->ntenants && write_chosen(s, st)) {
			s->inline_write = true;
			return true;
		}
		break;
	case XLAT_TXN: /* BEGIN, COMMIT, ROLLBACK, savepoints */
		/* A commit appends to the WAL (write(), no fsync: that is the group commit's,
		 * on a worker) and leaves a due checkpoint to a worker (shard_conn_set_on_loop). */
		if (sess_trigger_deferred_any(s) || x->txn == XLAT_TXN_SET_CONSTRAINTS)
			break; /* deferred constraint triggers fire: on a worker */
		if (!s->conn || commits_here(s) ||
		    sqlite3_txn_state(shard_conn_db(s->conn), NULL) != SQLITE_TXN_WRITE)
			return true;
		break;
	case XLAT_SHOW:
	case XLAT_NOOP:
	case XLAT_EMPTY:
		return true;
	default: /* SET (a time zone reads files), COPY, cursors, DDL scripts, DISCARD */
		break;
	}
	return sess_inline_punt(s, err);
}

bool sess_inline_vm_begin(struct session *s, sqlite3_stmt *vm, uint64_t rows, struct pgerr *err)
{
	if (!s->inline_run)
		return true;
	/* A portal resuming half-way cannot be restarted from scratch. */
	if (rows > 0 || s->cfg->inline_budget <= 0)
		return sess_inline_punt(s, err);
	if (!sqlite3_stmt_readonly(vm)) {
		if (!s->inline_write)
			return sess_inline_punt(s, err);
		shard_conn_set_restartable(s->conn, false); /* it will not run twice */
		sqlite3_stmt_status(vm, SQLITE_STMTSTATUS_VM_STEP, 1);
		return true;
	}
	/* The translator's write that SQLite calls read-only writes through a function (nextval):
	 * interrupting its inner write would roll the transaction back, and the budget could. */
	if (s->inline_write)
		return sess_inline_punt(s, err);
	sess_wait_budget(s, s->cfg->inline_budget);
	return true;
}

void sess_inline_write_ran(struct session *s, struct sess_stmt *st, sqlite3_stmt *vm)
{
	if (s->lock_busy) { /* it did nothing: it parks and runs again when woken */
		if (s->inline_write) {
			s->inline_write = false;
			shard_conn_set_restartable(s->conn, true);
			LOG_DEBUG(s->id, s->tenant, "write met the write lock on the loop: parked");
		}
		return;
	}
	int steps = sqlite3_stmt_status(vm, SQLITE_STMTSTATUS_VM_STEP, 1);
	st->write_runs++;
	if (steps > s->cfg->inline_budget)
		st->write_long = true;
	if (s->inline_write) {
		s->inline_write = false;
		shard_conn_set_restartable(s->conn, true);
		LOG_DEBUG(s->id, s->tenant, "write ran on the loop (%d VM steps)", steps);
	}
}

bool sess_inline_vm_end(struct session *s, sqlite3_stmt *vm, int rc, struct pgerr *err)
{
	if (!s->inline_run || s->inline_write)
		return false;
	sess_wait_budget(s, 0);
	bool refused = shard_conn_refused_effect(s->conn);
	if (s->stop_reason != SESS_STOP_BUDGET && !refused)
		return false;
	s->punt_budget = s->stop_reason == SESS_STOP_BUDGET;
	s->stop_reason = SESS_STOP_NONE;
	sqlite3_reset(vm);
	sess_inline_punt(s, err);
	return true;
}

/* Whether buf holds only messages the fast path may start on, each short (a partial one at
 * the end waits for its bytes either way). Terminate needs no connection. */
static bool messages_inline(const uint8_t *buf, size_t len, bool *needs_conn)
{
	*needs_conn = false;
	for (size_t at = 0; len - at >= 5;) {
		const uint8_t *p = buf + at;
		size_t n = (size_t)p[1] << 24 | (size_t)p[2] << 16 | (size_t)p[3] << 8 | p[4];
		if (n > INLINE_MAX_MSG)
			return false;
		switch (p[0]) {
		case 'Q': case 'P': case 'B': case 'D': case 'E': case 'S': case 'H': case 'C':
			*needs_conn = true;
			break;
		case 'X':
			break;
		default: /* COPY data, function calls, anything malformed: the worker answers */
			return false;
		}
		at += 1 + n;
		if (at > len)
			break;
	}
	return true;
}

/* The session is between messages with nothing half-done, its last commit (if any) is
 * durable, its column types need no reading, and a connection is at hand without opening a
 * file. Borrows that connection. A session holding the answers of a commit whose flush has
 * ended starts here too: sending them needs neither disk nor lock (sess_conn_still_held). */
static bool may_start(struct session *s, const uint8_t *buf, size_t len)
{
	bool needs_conn;
	/* A session parked for the write lock retries here when woken (its statement was
	 * chosen to run here, or it would have parked on a worker and retries there). */
	if (s->state != SESS_READY || s->cfg->inline_budget <= 0 ||
	    (s->parked && !s->parked_inline) || s->yielded || s->yield_vm || s->simple.active ||
	    s->migrating || s->copy || s->copy_out || s->temps ||
	    !messages_inline(buf, len, &needs_conn))
		return false;
	if (s->holding && shard_ticket_pending(&s->hold->ticket))
		return false; /* a worker may run the flush */
	if (s->conn) {
		/* Without inline_writes a transaction that wrote stays on workers altogether:
		 * most of its statements are writes, and each would start here only to punt.
		 * A flush to run or a checkpoint due are a worker's. */
		bool wrote = sqlite3_txn_state(shard_conn_db(s->conn), NULL) == SQLITE_TXN_WRITE;
		if (shard_conn_unsynced(s->conn) || shard_conn_nattached(s->conn) > 0 ||
		    shard_conn_checkpoint_due(s->conn) || (wrote && !s->cfg->inline_writes) ||
		    (wrote && s->txn == SESS_TXN_IMPLICIT && !commits_here(s)))
			return false;
	} else if (needs_conn && !sess_conn_borrow_cached(s)) {
		return false;
	}
	return !s->conn || sess_types_current(s);
}

/* The requests of the startup phase that need neither disk nor CPU: a CancelRequest (it must
 * work while every worker is busy), and the SSLRequest and GSSENCRequest that libpq sends
 * first on TCP by default (sslmode=prefer), whose one-byte answer is not worth a worker's
 * wakeup per connection. session_input answers one of them and stops (the state stays
 * STARTUP), and it still sees what follows, which an SSLRequest must refuse. */
static bool is_startup_request(const struct session *s, const uint8_t *buf, size_t len)
{
	if (s->state != SESS_STARTUP || len < 8)
		return false;
	uint32_t code = (uint32_t)buf[4] << 24 | (uint32_t)buf[5] << 16 | (uint32_t)buf[6] << 8 | buf[7];
	return code == PGW_CANCEL_REQUEST_CODE || code == PGW_SSL_REQUEST_CODE ||
	       code == PGW_GSSENC_REQUEST_CODE;
}

size_t session_input_inline(struct session *s, const uint8_t *buf, size_t len, size_t *want)
{
	if (is_startup_request(s, buf, len))
		return session_input(s, buf, len, want);
	config_live_refresh(s->env->cfg, &s->cfg);
	if (!may_start(s, buf, len)) {
		*want = SESSION_WANT_WORKER;
		return 0;
	}
	bool held = s->holding;
	s->inline_run = true;
	if (s->conn) {
		shard_conn_set_restartable(s->conn, true);
		shard_conn_set_on_loop(s->conn, true);
	}
	size_t used = session_input(s, buf, len, want);
	if (s->conn) {
		shard_conn_set_restartable(s->conn, false);
		shard_conn_set_on_loop(s->conn, false);
		if (shard_conn_checkpoint_due(s->conn) && s->state != SESS_CLOSING)
			s->punted = true; /* the rest of the input (maybe none) runs it */
	}
	s->inline_run = false;
	if (held && !s->holding)
		LOG_DEBUG(s->id, s->tenant, "durable commit's answers sent from the loop");
	if (s->punted && s->state != SESS_CLOSING) {
		*want = SESSION_WANT_WORKER;
		if (s->punt_budget)
			LOG_DEBUG(s->id, s->tenant, "statement over inline_budget: restarted on a worker");
	}
	s->punted = s->punt_budget = s->inline_write = false;
	return used;
}
