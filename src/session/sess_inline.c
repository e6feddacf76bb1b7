/* SPDX-License-Identifier: Apache-2.0 */
/* sess_inline.c: the fast path — input run on the event-loop thread instead of a worker, so a
 * point select costs two context switches instead of four. What may run there never blocks and
 * never writes: read-only statements on a connection the pool had cached, each under a budget
 * of VM steps. Anything else stops before any of its output was sent ("punts") and the input
 * goes on from that message on a worker, from scratch: the same retry a lock wait relies on (a
 * Query continues at the statement that punted, an Execute runs again unconsumed).
 *
 *   input on the loop --may_start?-- no ---------------------------------> worker (all of it)
 *        | yes: borrow a cached connection, restartable
 *        v
 *   messages one by one --- a statement writes, needs a file, is over budget, has an effect
 *        |                   a rerun would repeat, or the connection cannot go back to the
 *        |                   cache without closing something: punt --------> worker (the rest)
 *        v
 *   all consumed: output sent by net, as after a worker's job
 *
 * Why a restart is invisible: output is only sent after the input returns, the statement that
 * punted has its bytes dropped, and a read-only statement that SQLite interrupts leaves the
 * transaction as it was (no rollback for SQLITE_INTERRUPT of a read-only statement). Writes
 * never run here: SQLite rolls back the whole explicit transaction when a writing statement is
 * interrupted, so a write could not be restarted. */
#include "session_int.h"

#include <string.h>

/* A message longer than this is left to a worker: translating it on a cache miss costs CPU in
 * proportion to its length. */
#define INLINE_MAX_MSG 8192

static _Atomic uint64_t restarts;

uint64_t session_inline_restarts(void) { return atomic_load(&restarts); }

bool sess_inline_punt(struct session *s, struct pgerr *err)
{
	s->punted = true;
	return pgerr_set(err, SQLSTATE_INTERNAL_ERROR, "statement moved to a worker");
}

bool sess_inline_allows(struct session *s, const struct xlat_stmt *x, struct pgerr *err)
{
	if (!s->inline_run)
		return true;
	switch (x->kind) {
	case XLAT_SQL: /* sess_inline_vm_begin checks what SQLite says of the statement */
		if (!x->writes && !x->ntenants)
			return true;
		break;
	case XLAT_TXN:   /* plain BEGIN, COMMIT of a transaction that wrote nothing (may_start) */
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
	if (rows > 0 || !sqlite3_stmt_readonly(vm) || s->env->cfg->inline_budget <= 0)
		return sess_inline_punt(s, err);
	sess_wait_budget(s, s->env->cfg->inline_budget);
	return true;
}

bool sess_inline_vm_end(struct session *s, sqlite3_stmt *vm, int rc, struct pgerr *err)
{
	if (!s->inline_run)
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

/* The session is between messages with nothing half-done, its transaction (if any) has not
 * written, its column types need no reading, and a connection is at hand without opening a
 * file. Borrows that connection. */
static bool may_start(struct session *s, const uint8_t *buf, size_t len)
{
	bool needs_conn;
	if (s->state != SESS_READY || s->env->cfg->inline_budget <= 0 || s->holding ||
	    s->parked || s->yielded || s->yield_vm || s->simple.active || s->migrating ||
	    s->copy || s->copy_out || !messages_inline(buf, len, &needs_conn))
		return false;
	if (s->conn) {
		sqlite3 *db = shard_conn_db(s->conn);
		if (sqlite3_txn_state(db, NULL) == SQLITE_TXN_WRITE || shard_conn_unsynced(s->conn) ||
		    shard_conn_nattached(s->conn) > 0)
			return false;
	} else if (needs_conn && !sess_conn_borrow_cached(s)) {
		return false;
	}
	return !s->conn || sess_types_current(s);
}

static bool is_cancel_request(const struct session *s, const uint8_t *buf, size_t len)
{
	if (s->state != SESS_STARTUP || len < 8)
		return false;
	uint32_t code = (uint32_t)buf[4] << 24 | (uint32_t)buf[5] << 16 | (uint32_t)buf[6] << 8 | buf[7];
	return code == PGW_CANCEL_REQUEST_CODE;
}

size_t session_input_inline(struct session *s, const uint8_t *buf, size_t len, size_t *want)
{
	if (is_cancel_request(s, buf, len))
		return session_input(s, buf, len, want);
	if (!may_start(s, buf, len)) {
		*want = SESSION_WANT_WORKER;
		return 0;
	}
	s->inline_run = true;
	if (s->conn)
		shard_conn_set_restartable(s->conn, true);
	size_t used = session_input(s, buf, len, want);
	if (s->conn)
		shard_conn_set_restartable(s->conn, false);
	s->inline_run = false;
	if (s->punted && s->state != SESS_CLOSING) {
		*want = SESSION_WANT_WORKER;
		if (s->punt_budget) {
			atomic_fetch_add(&restarts, 1);
			LOG_DEBUG(s->id, s->tenant, "statement over inline_budget: restarted on a worker");
		}
	}
	s->punted = s->punt_budget = false;
	return used;
}
